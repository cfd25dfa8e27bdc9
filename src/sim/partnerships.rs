//! Foreign partnerships: proposed → drafted → reviewed → approved → signed →
//! in force, each stage taking time and able to fail; suspension after a
//! coup by powers that condition their support; expulsion of forces; states
//! under insurgency seeking partners among powers with capacity to spare.
//! Powers' own initiatives are decisions (`assets/power_decisions.ron`).

use bevy::prelude::*;

use super::actions;
use super::components::*;
use super::events::Humans;
use super::registry::Registry;
use super::rng::{SimRng, Stream};
use super::{TurnPhase, TurnSchedule};
use crate::rules::{PartnershipRules, Rules};
use crate::scenario::format::{Export, PartnershipKind, RegimeKind, Stage};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(TurnSchedule, run_partnerships.in_set(TurnPhase::Partnerships));
}

fn power(world: &World, p: PowerIdx) -> Power {
    let reg = world.resource::<Registry>();
    *world
        .get::<Power>(reg.power_entity(p))
        .expect("every power entity has Power")
}

fn alignment(world: &World, state_e: Entity, p: PowerIdx) -> f64 {
    world
        .get::<Alignment>(state_e)
        .and_then(|a| a.0.get(p.0 as usize).copied())
        .unwrap_or(0.0)
}

fn run_partnerships(world: &mut World) {
    // The random stream is held for the whole phase: looking a resource up
    // costs more than the draw.
    world.resource_scope(|world, mut rng: Mut<SimRng>| {
        let rules = world.resource::<Rules>().partnerships.clone();
        let reg = world.resource::<Registry>();
        let states: Vec<Entity> = (0..reg.state_count())
            .map(|i| reg.state_entity(StateIdx(i as u16)))
            .collect();
        let n_powers = reg.power_count();
        let humans = world.resource::<Humans>().clone();
        for (si, &se) in states.iter().enumerate() {
            let s = StateIdx(si as u16);
            run_state(world, &mut rng, &rules, s, se, n_powers, humans.plays(s));
        }
    });
}

/// Talks move on or fail for every state. A computer-run government also
/// expels the forces of powers it has turned against and seeks partners;
/// for a state a person plays those are the player's decisions. The dice
/// are rolled either way, so that who plays changes nobody else's luck.
fn run_state(
    world: &mut World,
    rng: &mut SimRng,
    rules: &PartnershipRules,
    s: StateIdx,
    se: Entity,
    n_powers: usize,
    human: bool,
) {
    let regime = world.get::<Regime>(se).map(|r| r.kind);
    // Stages move on, or fail.
    let mut live = actions::partnerships_of_entity(world, se);
    let mut changed = false;
    for &(e, p) in &live {
        let roll = rng.uniform(Stream::Partnerships);
        match p.stage {
            // An offer to a human-played state waits for the player: it is
            // neither broken off nor moved on until they press the talks on.
            stage if stage.is_pending() && human && p.offered => {}
            stage if stage.is_pending() => {
                let hostile = alignment(world, se, p.power) < rules.hostile_alignment;
                // Deals break down in talks, not once signed.
                let fail = if stage < Stage::Signed {
                    rules.fail_chance + if hostile { rules.hostile_fail_chance } else { 0.0 }
                } else {
                    0.0
                };
                let agreed = power_consents(world, rules, se, &p) && state_consents(world, rules, se, &p, human);
                if roll < fail || (!agreed && roll < rules.decline_chance) {
                    actions::set_stage(world, e, Stage::Ended);
                    changed = true;
                } else if agreed
                    && roll < fail + rules.advance_chance
                    && let Some(next) = stage.next()
                {
                    let pw = power(world, p.power);
                    let full = p.kind.has_forces()
                        && next == Stage::InForce
                        && actions::security_load(world, p.power) >= pw.capacity;
                    if !full {
                        actions::set_stage(world, e, next);
                        changed = true;
                    }
                }
            }
            Stage::Suspended if regime == Some(RegimeKind::Civilian) && roll < rules.resume_chance => {
                actions::set_stage(world, e, Stage::InForce);
                changed = true;
            }
            _ => {}
        }
    }
    // Expulsion of forces from powers the state has turned against.
    if changed {
        live = actions::partnerships_of_entity(world, se);
    }
    for pi in 0..n_powers {
        let p = PowerIdx(pi as u8);
        let has_forces = live
            .iter()
            .any(|(_, ps)| ps.power == p && ps.kind.has_forces() && ps.stage >= Stage::Signed);
        if has_forces && alignment(world, se, p) < rules.expel_alignment {
            let roll = rng.uniform(Stream::Partnerships);
            if roll < rules.expel_chance && !human {
                actions::expel_forces(world, s, p, -15.0);
            }
        }
    }
    seek_partner(world, rng, s, se, regime, rules, human);
}

/// Whether the power still wants the deal: it offers the kind, its
/// conditionality allows dealing with the state's regime, a concession
/// is in what it wants, and the state is not hostile to it. (The EU does
/// not train a junta's army; Russia does not seek Senegal's oil unless it
/// wants oil.)
fn power_consents(world: &World, rules: &PartnershipRules, se: Entity, p: &Partnership) -> bool {
    let pw = power(world, p.power);
    let reg = world.resource::<Registry>();
    let pe = reg.power_entity(p.power);
    let regime = world.get::<Regime>(se).map(|r| r.kind).unwrap_or(RegimeKind::Civilian);
    let conditional = regime != RegimeKind::Civilian && pw.conditionality >= rules.conditional_threshold;
    let wanted = match p.kind {
        PartnershipKind::MiningConcession | PartnershipKind::EnergyConcession => {
            let wants = world.get::<Agenda>(pe).map_or(&[][..], |a| &a.wants);
            let exports = world.get::<Economy>(se).map_or(&[][..], |x| &x.exports);
            wants.is_empty() || exports.iter().any(|x| wants.contains(x))
        }
        _ => true,
    };
    pw.offers(p.kind) && !conditional && wanted && alignment(world, se, p.power) >= rules.hostile_alignment
}

/// Whether the state still wants the deal: a government accepts a power's
/// help if it stands well enough with it, or if it is at war and the power
/// is not hostile. A human-played state's answer to an offer is the
/// player's: the talks wait until the player presses them on.
fn state_consents(world: &World, rules: &PartnershipRules, se: Entity, p: &Partnership, human: bool) -> bool {
    if human {
        // Offers waiting for the player are not weighed here at all.
        return true;
    }
    let a = alignment(world, se, p.power);
    let at_war = world
        .get::<Security>(se)
        .is_some_and(|x| x.insurgency >= rules.seek_insurgency);
    a >= rules.accept_alignment || (p.kind.is_security() && at_war && a >= rules.hostile_alignment)
}

/// The security partnerships a state under insurgency asks for, most wanted
/// first: juntas want fighters; elected governments want trainers.
fn security_wanted(junta: bool) -> &'static [PartnershipKind] {
    if junta {
        &[
            PartnershipKind::SecurityContractors,
            PartnershipKind::ExpeditionaryCorps,
            PartnershipKind::TrainingEquipment,
            PartnershipKind::DefenceCooperation,
        ]
    } else {
        &[PartnershipKind::TrainingEquipment, PartnershipKind::DefenceCooperation]
    }
}

/// A state under insurgency looks for a security partner; one with a
/// security partner and mineral exports may offer it a concession.
fn seek_partner(
    world: &mut World,
    rng: &mut SimRng,
    s: StateIdx,
    e: Entity,
    regime: Option<RegimeKind>,
    rules: &PartnershipRules,
    human: bool,
) {
    let insurgency = world.get::<Security>(e).map(|x| x.insurgency).unwrap_or(0.0);
    let mineral = world.get::<Economy>(e).is_some_and(|x| {
        x.exports
            .iter()
            .any(|x| matches!(x, Export::Gold | Export::Uranium | Export::Oil | Export::Bauxite))
    });
    let n_powers = world.resource::<Registry>().power_count();
    let junta = regime == Some(RegimeKind::MilitaryJunta);

    let roll = rng.uniform(Stream::Partnerships);
    if insurgency >= rules.seek_insurgency && roll < rules.seek_chance {
        let live = actions::partnerships_of_entity(world, e);
        let has_security = live.iter().any(|(_, p)| p.kind.has_forces());
        let wanted = security_wanted(junta);
        // The best-aligned power with room to take on one more partner.
        let mut best: Option<(f64, PowerIdx, PartnershipKind)> = None;
        for pi in 0..n_powers {
            let p = PowerIdx(pi as u8);
            let pw = power(world, p);
            if junta && pw.conditionality > rules.junta_max_conditionality {
                continue;
            }
            // Capacity bounds deployments only: a power at capacity can
            // still sign a cooperation agreement.
            let full = actions::security_load(world, p) >= pw.capacity;
            let a = alignment(world, e, p);
            let Some(kind) = wanted.iter().copied().find(|k| {
                pw.offers(*k) && !(full && k.has_forces()) && !live.iter().any(|(_, x)| x.power == p && x.kind == *k)
            }) else {
                continue;
            };
            if a >= 0.0 && best.is_none_or(|(ba, _, _)| a > ba) {
                best = Some((a, p, kind));
            }
        }
        if let Some((_, p, kind)) = best
            && (!has_security || junta)
            && !human
        {
            actions::start_partnership(world, s, p, kind, Stage::Proposed, false);
        }
    }

    let roll = rng.uniform(Stream::Partnerships);
    if mineral && roll < rules.seek_chance / 2.0 {
        let live = actions::partnerships_of_entity(world, e);
        let partner = live
            .iter()
            .find(|(_, p)| p.kind.is_security() && p.stage == Stage::InForce)
            .map(|(_, p)| p.power);
        if let Some(p) = partner
            && !human
            && power(world, p).offers(PartnershipKind::MiningConcession)
            && !live
                .iter()
                .any(|(_, x)| x.power == p && x.kind == PartnershipKind::MiningConcession)
        {
            actions::start_partnership(world, s, p, PartnershipKind::MiningConcession, Stage::Proposed, false);
        }
    }
}

/// After a coup, powers that condition their support suspend what they have
/// with the new regime.
pub fn react_to_coup(world: &mut World, s: StateIdx) {
    let threshold = world.resource::<Rules>().partnerships.conditional_threshold;
    for (e, p) in actions::partnerships_of(world, s) {
        if p.stage != Stage::Suspended && power(world, p.power).conditionality >= threshold {
            actions::set_stage(world, e, Stage::Suspended);
        }
    }
}
