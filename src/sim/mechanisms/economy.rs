//! The economy, kept light: growth returns to its trend, and moves with
//! sanctions (harder on landlocked states whose neighbours close their
//! ports), partners' concessions and insurgency beyond the baseline.

use bevy::prelude::*;

use crate::rules::Rules;
use crate::scenario::format::{Indicator, PartnershipKind, Stage};
use crate::sim::schedule::{TurnPhase, TurnSchedule};
use crate::sim::world::components::*;
use crate::sim::world::ledger::{Actor, Cause, Ledger, Measure, Mechanism};
use crate::sim::world::relations::Borders;
use crate::sim::world::rng::{SimRng, Stream};

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<TradeExposure>()
        .add_systems(TurnSchedule, run_economies.in_set(TurnPhase::Economy));
}

/// What trade restrictions weigh on each state this month (by state
/// index): the sanctions multiplier for each sanctioning bloc, and the
/// multiplier for each neighbour that has closed its border. Worked out
/// once by the economy; food security reads it in the same turn.
#[derive(Resource, Debug, Default)]
pub struct TradeExposure {
    pub sanctions: Vec<Vec<(BlocIdx, f64)>>,
    pub closures: Vec<Vec<(StateIdx, f64)>>,
}

const GROWTH: Measure = Measure::Indicator(Indicator::Growth);

/// The multiplier of a sanction's cost: landlocked states pay more, unless a
/// coastal neighbour keeps its ports open: one outside the sanctioning bloc
/// (or suspended from it) that has not closed its border, or a member that
/// holds its border open in defiance.
pub fn sanctions_multiplier(
    rules: &crate::rules::EconomyRules,
    s: StateIdx,
    coastal: bool,
    neighbours: &[StateIdx],
    coast: &[bool],
    enforcing: &[StateIdx],
    borders: &Borders,
) -> f64 {
    if coastal {
        return 1.0;
    }
    let open_port = neighbours.iter().any(|n| {
        coast.get(n.0 as usize).copied().unwrap_or(false)
            && !borders.is_closed(*n, s)
            && (!enforcing.contains(n) || borders.held_open(*n, s))
    });
    if open_port {
        rules.open_port_multiplier
    } else {
        rules.landlocked_multiplier
    }
}

/// Buffers kept between turns: a turn allocates nothing for them.
#[derive(Default)]
struct EconomyScratch {
    /// Which states have a coast, by state.
    coast: Vec<bool>,
    /// (bloc, member) for members that enforce the bloc's sanctions, sorted.
    enforcing: Vec<(BlocIdx, StateIdx)>,
    /// (state, power) for mining and energy concessions in force, sorted.
    concessions: Vec<(StateIdx, PowerIdx)>,
    sanctions: Vec<(StateIdx, BlocIdx, crate::scenario::YearMonth)>,
    /// The members enforcing one bloc's sanctions.
    members: Vec<StateIdx>,
    room: OrderRoom,
}

#[allow(clippy::too_many_arguments)]
fn run_economies(
    mut states: Query<(&Country, &mut Economy, &Security, &Neighbours, &Baseline)>,
    partnerships: Query<&Partnership>,
    memberships: Query<&Membership>,
    blocs: Query<&Bloc>,
    rules: Res<Rules>,
    borders: Res<Borders>,
    mut rng: ResMut<SimRng>,
    mut ledger: ResMut<Ledger>,
    mut exposure: ResMut<TradeExposure>,
    mut scratch: Local<EconomyScratch>,
) {
    let r = &rules.economy;
    let EconomyScratch {
        coast,
        enforcing,
        concessions,
        sanctions,
        members,
        room,
    } = &mut *scratch;
    // Which states have a coast, by state.
    coast.clear();
    for (c, e, ..) in &states {
        let i = c.idx.0 as usize;
        if coast.len() <= i {
            coast.resize(i + 1, false);
        }
        coast[i] = e.coastal;
    }
    let coast = &*coast;
    sanctions_in_force_into(blocs.iter(), sanctions);
    let sanctions = &*sanctions;
    // Members that enforce a bloc's sanctions: the members not suspended.
    enforcing.clear();
    enforcing.extend(memberships.iter().filter(|m| !m.suspended).map(|m| (m.bloc, m.state)));
    // Whole values compared: equal ones are the same.
    enforcing.sort_unstable();
    let enforcing = &*enforcing;
    concessions.clear();
    concessions.extend(
        partnerships
            .iter()
            .filter(|p| {
                p.stage == Stage::InForce
                    && matches!(
                        p.kind,
                        PartnershipKind::MiningConcession | PartnershipKind::EnergyConcession
                    )
            })
            .map(|p| (p.state, p.power)),
    );
    concessions.sort_unstable();
    let concessions = &*concessions;

    let n = coast.len();
    let exposure = &mut *exposure;
    exposure.sanctions.resize(n, Vec::new());
    exposure.closures.resize(n, Vec::new());
    for (country, mut eco, security, neighbours, base) in in_state_order(states.iter_mut(), |(c, ..)| c.idx, room) {
        let s = country.idx;
        let drift = r.rate * (eco.trend_growth - eco.growth);
        ledger.change(s, GROWTH, &mut eco.growth, drift, Cause::of(Mechanism::Drift));
        // This month's exposure, into the buffers kept for it (the news
        // and the player's panel read them).
        let i = s.0 as usize;
        if exposure.sanctions.len() <= i {
            exposure.sanctions.resize(i + 1, Vec::new());
            exposure.closures.resize(i + 1, Vec::new());
        }
        let (sanctioned, closed) = (&mut exposure.sanctions[i], &mut exposure.closures[i]);
        sanctioned.clear();
        for (_, bloc, _) in sanctions.iter().filter(|(t, _, _)| *t == s) {
            members.clear();
            members.extend(enforcing.iter().filter(|(b, _)| b == bloc).map(|(_, m)| *m));
            let mult = sanctions_multiplier(r, s, eco.coastal, &neighbours.0, coast, members, &borders);
            sanctioned.push((*bloc, mult));
        }
        // A coastal neighbour's closed ports cost a landlocked state more.
        closed.clear();
        closed.extend(borders.closed_to(s).map(|n| {
            let ports = !eco.coastal && coast.get(n.0 as usize).copied().unwrap_or(false);
            (n, if ports { r.landlocked_multiplier } else { 1.0 })
        }));
        for (bloc, mult) in sanctioned.iter() {
            let cost = r.rate * r.sanctions_penalty * eco.sanctions_exposure / 100.0 * mult;
            ledger.change(
                s,
                GROWTH,
                &mut eco.growth,
                -cost,
                Cause::by(Mechanism::Sanctions, Actor::Bloc(*bloc)),
            );
        }
        for (n, mult) in closed.iter() {
            let cost = r.rate * r.closed_border_penalty * mult;
            ledger.change(
                s,
                GROWTH,
                &mut eco.growth,
                -cost,
                Cause::by(Mechanism::Diplomacy, Actor::State(*n)),
            );
        }
        for (_, p) in concessions.iter().filter(|(t, _)| *t == s) {
            let gain = r.rate * r.concession_bonus;
            ledger.change(
                s,
                GROWTH,
                &mut eco.growth,
                gain,
                Cause::by(Mechanism::Partnership, Actor::Power(*p)),
            );
        }
        // The trend already prices in the insurgency of the start.
        let drag = r.rate * r.insurgency_drag * (security.insurgency - base.insurgency);
        ledger.change(s, GROWTH, &mut eco.growth, -drag, Cause::of(Mechanism::Insurgency));
        let noise = rng.noise(Stream::Economy, r.noise);
        ledger.change(s, GROWTH, &mut eco.growth, noise, Cause::of(Mechanism::Fortune));
    }
}
