//! Alignment: each state's standing toward each foreign power drifts with
//! partnerships, sanctions and regime type. A state can lean toward several
//! powers at once.

use bevy::prelude::*;

use crate::rules::Rules;
use crate::scenario::format::{RegimeKind, Stage};
use crate::sim::mechanisms::diplomacy::drift_relations;
use crate::sim::schedule::{TurnPhase, TurnSchedule};
use crate::sim::world::components::*;
use crate::sim::world::ledger::{Actor, Cause, Ledger, Measure, Mechanism};

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        TurnSchedule,
        drift_alignment.in_set(TurnPhase::Diplomacy).after(drift_relations),
    );
}

/// The phase's buffers, kept between turns.
#[derive(Default)]
struct AlignmentScratch {
    conditionality: Vec<(PowerIdx, f64)>,
    in_force: Vec<Partnership>,
    by_state: ByState<Partnership>,
    sanctioned: Vec<StateIdx>,
    room: OrderRoom,
}

fn drift_alignment(
    mut states: Query<(&Country, &Regime, &mut Alignment)>,
    powers: Query<&Power>,
    partnerships: Query<&Partnership>,
    blocs: Query<&Bloc>,
    rules: Res<Rules>,
    mut ledger: ResMut<Ledger>,
    mut scratch: Local<AlignmentScratch>,
) {
    let r = &rules.alignment;
    let threshold = rules.partnerships.conditional_threshold;
    let AlignmentScratch {
        conditionality,
        in_force,
        by_state,
        sanctioned,
        room,
    } = &mut *scratch;
    conditionality_into(powers.iter(), conditionality);
    in_force.clear();
    in_force.extend(partnerships.iter().filter(|p| p.stage == Stage::InForce).copied());
    by_state.sort(in_force, |p| p.state, |p| partnership_order(p.state, p.power, p.kind));
    sanctioned_states_into(blocs.iter(), sanctioned);
    let (conditionality, in_force, sanctioned) = (&*conditionality, &*in_force, &*sanctioned);

    for (country, regime, mut alignment) in in_state_order(states.iter_mut(), |(c, _, _)| c.idx, room) {
        let s = country.idx;
        let under_sanctions = sanctioned.binary_search(&s).is_ok();
        // This state's partnerships: a slice of the list sorted by state.
        let from = in_force.partition_point(|ps| ps.state < s);
        let to = in_force.partition_point(|ps| ps.state <= s);
        let mine = &in_force[from..to];
        for &(p, cond) in conditionality {
            let Some(slot) = alignment.0.get_mut(p.0 as usize) else {
                continue;
            };
            let m = Measure::Alignment(p);
            let decay = -r.decay * *slot;
            ledger.change(s, m, slot, decay, Cause::of(Mechanism::Drift));
            for ps in mine.iter().filter(|ps| ps.power == p) {
                let pull = if ps.kind.is_security() {
                    r.security_pull
                } else {
                    r.economic_pull
                };
                ledger.change(s, m, slot, pull, Cause::by(Mechanism::Partnership, Actor::Power(p)));
            }
            if under_sanctions && cond >= threshold {
                ledger.change(
                    s,
                    m,
                    slot,
                    -r.sanctions_resentment * cond,
                    Cause::by(Mechanism::Sanctions, Actor::Power(p)),
                );
            }
            if regime.kind == RegimeKind::MilitaryJunta {
                // Juntas drift from the powers that condemn them toward those that do not.
                let drift = r.junta_drift * (1.0 - 2.0 * cond);
                ledger.change(s, m, slot, drift, Cause::by(Mechanism::Alignment, Actor::Power(p)));
            }
        }
    }
}
