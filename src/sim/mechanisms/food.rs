//! Food security and grain export controls. Food insecurity (the share of
//! people in food crisis or worse) closes part of its gap to a target each
//! month: its ordinary level, raised by insurgency, sanctions, closed
//! borders, neighbours' grain export bans and a faltering economy, lowered
//! by the state's own ban. Governments facing a hungry lean season ban
//! grain exports, at a cost to growth and to their neighbours, and lift the
//! ban when the pressure eases.

use bevy::prelude::*;

use crate::rules::Rules;
use crate::scenario::format::Indicator;
use crate::sim::mechanisms::economy::TradeExposure;
use crate::sim::schedule::{TurnPhase, TurnSchedule};
use crate::sim::world::actions;
use crate::sim::world::components::*;
use crate::sim::world::ledger::{Actor, Cause, Ledger, Measure, Mechanism};
use crate::sim::world::players::Humans;
use crate::sim::world::rng::{SimRng, Stream};

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        TurnSchedule,
        (move_food_insecurity, decide_grain_exports)
            .chain()
            .in_set(TurnPhase::Food),
    );
}

const FOOD: Measure = Measure::Indicator(Indicator::FoodInsecurity);
const GROWTH: Measure = Measure::Indicator(Indicator::Growth);

/// Buffers kept between turns: a turn allocates nothing for them.
#[derive(Default)]
struct FoodScratch {
    /// Who bans grain exports, by state.
    banning: Vec<bool>,
    /// One state's terms of change, with their causes.
    terms: Vec<(f64, Cause)>,
    room: OrderRoom,
}

fn move_food_insecurity(
    mut states: Query<(&Country, &mut Economy, &Security, &Neighbours, &Baseline)>,
    rules: Res<Rules>,
    exposure: Res<TradeExposure>,
    mut rng: ResMut<SimRng>,
    mut ledger: ResMut<Ledger>,
    mut scratch: Local<FoodScratch>,
) {
    let (r, eco_rules) = (&rules.food, &rules.economy);
    let FoodScratch { banning, terms, room } = &mut *scratch;
    // Who bans grain exports, by state.
    banning.clear();
    for (c, e, ..) in &states {
        let i = c.idx.0 as usize;
        if banning.len() <= i {
            banning.resize(i + 1, false);
        }
        banning[i] = e.grain_ban;
    }

    for (country, mut eco, security, neighbours, base) in in_state_order(states.iter_mut(), |(c, ..)| c.idx, room) {
        let s = country.idx;
        let landlocked = if eco.coastal {
            1.0
        } else {
            eco_rules.landlocked_multiplier
        };
        terms.clear();
        terms.extend([
            (base.food_insecurity - eco.food_insecurity, Cause::of(Mechanism::Drift)),
            (
                r.insurgency_weight * (security.insurgency - base.insurgency),
                Cause::of(Mechanism::Insurgency),
            ),
            (
                -r.growth_weight * (eco.growth - eco.trend_growth),
                Cause::of(Mechanism::Economy),
            ),
        ]);
        // The same multipliers as the economy's, worked out by it this turn.
        let i = s.0 as usize;
        for (bloc, mult) in exposure.sanctions.get(i).into_iter().flatten() {
            let term = r.sanctions_weight * eco.sanctions_exposure / 100.0 * mult;
            terms.push((term, Cause::by(Mechanism::Sanctions, Actor::Bloc(*bloc))));
        }
        for (n, mult) in exposure.closures.get(i).into_iter().flatten() {
            terms.push((
                r.closed_border_weight * mult,
                Cause::by(Mechanism::Diplomacy, Actor::State(*n)),
            ));
        }
        // Landlocked states buy their grain through their neighbours.
        for n in neighbours
            .0
            .iter()
            .filter(|n| banning.get(n.0 as usize).copied().unwrap_or(false))
        {
            terms.push((
                r.neighbour_ban_weight * landlocked,
                Cause::by(Mechanism::GrainExports, Actor::State(*n)),
            ));
        }
        if eco.grain_ban {
            terms.push((-r.ban_relief, Cause::of(Mechanism::GrainExports)));
            let cost = eco_rules.rate * r.ban_growth_cost;
            ledger.change(s, GROWTH, &mut eco.growth, -cost, Cause::of(Mechanism::GrainExports));
        }
        for (term, cause) in terms.drain(..) {
            ledger.change(s, FOOD, &mut eco.food_insecurity, r.rate * term, cause);
        }
        // Rains and harvests.
        let noise = rng.noise(Stream::Food, r.noise);
        ledger.change(s, FOOD, &mut eco.food_insecurity, noise, Cause::of(Mechanism::Fortune));
    }
}

/// Governments whose people go hungrier than usual may ban grain exports;
/// those whose markets have eased may lift the ban.
fn decide_grain_exports(
    world: &mut World,
    query: &mut QueryState<(&Country, &Economy, &Baseline)>,
    // Kept between turns: a turn allocates nothing for it.
    mut situation: Local<Vec<(StateIdx, bool, f64, bool)>>,
    mut room: Local<OrderRoom>,
) {
    let r = world.resource::<Rules>().food.clone();
    // Who plays does not change during the phase.
    let humans = world.resource::<Humans>();
    situation.clear();
    situation.extend(
        in_state_order(query.iter(world), |(c, ..)| c.idx, &mut room).map(|(c, e, b)| {
            (
                c.idx,
                e.grain_ban,
                e.food_insecurity - b.food_insecurity,
                humans.plays(c.idx),
            )
        }),
    );
    // The stream is held for the phase (a ban draws nothing).
    world.resource_scope(|world, mut rng: Mut<SimRng>| {
        // The player decides for their own state; the draw is made anyway so
        // that the other states' fortunes do not depend on who plays.
        for &(s, banned, excess, human) in situation.iter() {
            let roll = rng.uniform(Stream::Food);
            if human {
                continue;
            }
            if !banned && excess >= r.ban_threshold && roll < r.ban_chance {
                actions::set_grain_ban(world, s, true);
            } else if banned && excess <= r.lift_threshold && roll < r.lift_chance {
                actions::set_grain_ban(world, s, false);
            }
        }
    });
}
