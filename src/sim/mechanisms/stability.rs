//! Stability and legitimacy. Stability closes part of its gap to a target:
//! its baseline, moved by legitimacy, territorial control, insurgency and
//! growth and food insecurity away from theirs, and by sanctions; each term is booked in the
//! ledger under its own cause.
//! Legitimacy moves with security, the economy and hunger, rallies behind a junta
//! that defies sanctions, and wears thin when a junta overstays.

use bevy::prelude::*;

use crate::rules::Rules;
use crate::scenario::format::{Indicator, RegimeKind};
use crate::sim::schedule::{TurnPhase, TurnSchedule};
use crate::sim::world::components::*;
use crate::sim::world::ledger::{Actor, Cause, Ledger, Measure, Mechanism};
use crate::sim::world::registry::Clock;
use crate::sim::world::rng::{SimRng, Stream};

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        TurnSchedule,
        (move_legitimacy, move_stability).chain().in_set(TurnPhase::Stability),
    );
}

const STAB: Measure = Measure::Indicator(Indicator::Stability);
const LEGIT: Measure = Measure::Indicator(Indicator::Legitimacy);

/// A phase's buffers, kept between turns.
#[derive(Default)]
struct Scratch {
    sanctions: Vec<(StateIdx, BlocIdx, crate::scenario::YearMonth)>,
    room: OrderRoom,
}

fn move_legitimacy(
    mut states: Query<(
        &Country,
        &mut Legitimacy,
        &Security,
        &Economy,
        &Regime,
        &CoupRecord,
        &Baseline,
    )>,
    blocs: Query<&Bloc>,
    rules: Res<Rules>,
    clock: Res<Clock>,
    mut rng: ResMut<SimRng>,
    mut ledger: ResMut<Ledger>,
    mut scratch: Local<Scratch>,
) {
    let Scratch { sanctions, room } = &mut *scratch;
    let r = &rules.legitimacy;
    let date = clock.date();
    sanctions_in_force_into(blocs.iter(), sanctions);
    let sanctions = &*sanctions;
    for (country, mut legit, sec, eco, regime, record, base) in in_state_order(states.iter_mut(), |(c, ..)| c.idx, room)
    {
        let s = country.idx;
        let slot = &mut legit.0;
        ledger.change(
            s,
            LEGIT,
            slot,
            r.rate * (base.legitimacy - *slot),
            Cause::of(Mechanism::Drift),
        );
        let insecurity = -r.insurgency_weight * (sec.insurgency - base.insurgency);
        ledger.change(s, LEGIT, slot, insecurity, Cause::of(Mechanism::Insurgency));
        let economy = r.growth_weight * (eco.growth - eco.trend_growth);
        ledger.change(s, LEGIT, slot, economy, Cause::of(Mechanism::Economy));
        let hunger = -r.food_weight * (eco.food_insecurity - base.food_insecurity);
        ledger.change(s, LEGIT, slot, hunger, Cause::of(Mechanism::Food));
        if regime.kind == RegimeKind::MilitaryJunta {
            for (_, bloc, since) in sanctions.iter().filter(|(t, _, _)| *t == s) {
                if (since.months_until(date) as f64) < r.rally_months {
                    let cause = Cause::by(Mechanism::Rally, Actor::Bloc(*bloc));
                    ledger.change(s, LEGIT, slot, r.rally_per_month, cause);
                }
            }
            let in_power = regime.since.months_until(date) as f64;
            let by_coup = record.last_success.is_some() || regime.by_coup;
            if by_coup && in_power > r.junta_grace_months {
                ledger.change(s, LEGIT, slot, -r.junta_fatigue, Cause::of(Mechanism::JuntaFatigue));
            }
        }
        let noise = rng.noise(Stream::Stability, r.noise);
        ledger.change(s, LEGIT, slot, noise, Cause::of(Mechanism::Fortune));
    }
}

#[allow(clippy::type_complexity)]
fn move_stability(
    mut states: Query<(&Country, &mut Stability, &Legitimacy, &Security, &Economy, &Baseline)>,
    blocs: Query<&Bloc>,
    rules: Res<Rules>,
    mut rng: ResMut<SimRng>,
    mut ledger: ResMut<Ledger>,
    mut scratch: Local<Scratch>,
) {
    let Scratch { sanctions, room } = &mut *scratch;
    let r = &rules.stability;
    sanctions_in_force_into(blocs.iter(), sanctions);
    let sanctions = &*sanctions;
    for (country, mut stab, legit, sec, eco, base) in in_state_order(states.iter_mut(), |(c, ..)| c.idx, room) {
        let s = country.idx;
        let slot = &mut stab.0;
        // The target is a sum of terms; the month's move closes `rate` of
        // the gap, booked term by term.
        let terms = [
            (base.stability - *slot, Cause::of(Mechanism::Drift)),
            (
                r.legitimacy_weight * (legit.0 - base.legitimacy),
                Cause::of(Mechanism::Legitimacy),
            ),
            (
                r.control_weight * (sec.control - base.control),
                Cause::of(Mechanism::TerritorialControl),
            ),
            (
                -r.insurgency_weight * (sec.insurgency - base.insurgency),
                Cause::of(Mechanism::Insurgency),
            ),
            (
                r.growth_weight * (eco.growth - eco.trend_growth),
                Cause::of(Mechanism::Economy),
            ),
            (
                -r.food_weight * (eco.food_insecurity - base.food_insecurity),
                Cause::of(Mechanism::Food),
            ),
        ];
        for (term, cause) in terms {
            ledger.change(s, STAB, slot, r.rate * term, cause);
        }
        for (_, bloc, _) in sanctions.iter().filter(|(t, _, _)| *t == s) {
            let term = -r.sanctions_weight * eco.sanctions_exposure / 100.0;
            ledger.change(
                s,
                STAB,
                slot,
                r.rate * term,
                Cause::by(Mechanism::Sanctions, Actor::Bloc(*bloc)),
            );
        }
        let noise = rng.noise(Stream::Stability, r.noise);
        ledger.change(s, STAB, slot, noise, Cause::of(Mechanism::Fortune));
    }
}
