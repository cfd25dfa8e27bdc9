//! Foreign partnerships: proposed → drafted → reviewed → approved → signed →
//! in force, each stage taking time and able to fail; suspension after a
//! coup by powers that condition their support; expulsion of forces; states
//! under insurgency seeking partners among powers with capacity to spare.
//! Powers' own initiatives are decisions (`assets/power_decisions.ron`).

use bevy::prelude::*;

use crate::rules::{PartnershipRules, Rules};
use crate::scenario::format::{PartnershipKind, RegimeKind, Stage};
use crate::sim::schedule::{TurnPhase, TurnSchedule};
use crate::sim::world::actions;
use crate::sim::world::components::*;
use crate::sim::world::players::Humans;
use crate::sim::world::registry::Registry;
use crate::sim::world::rng::{SimRng, Stream};

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(TurnSchedule, run_partnerships.in_set(TurnPhase::Partnerships));
}

fn power(world: &World, p: PowerIdx) -> Power {
    let reg = world.resource::<Registry>();
    *world
        .get::<Power>(reg.power_entity(p))
        .expect("every power entity has Power")
}

/// What the phase reads of a state, through a query state kept between
/// turns (a component looked up by type costs more than the rule using it).
type StateRow = (
    &'static Regime,
    &'static Security,
    &'static Alignment,
    &'static Economy,
    Option<&'static Partnerships>,
);

/// The queries the phase reads the world through.
struct Queries {
    states: QueryState<StateRow>,
    partnerships: QueryState<(Entity, &'static Partnership)>,
    powers: QueryState<(&'static Power, Option<&'static Agenda>)>,
}

impl FromWorld for Queries {
    fn from_world(world: &mut World) -> Self {
        Self {
            states: QueryState::new(world),
            partnerships: QueryState::new(world),
            powers: QueryState::new(world),
        }
    }
}

/// The phase's queries, made when it first runs.
fn queries(q: &mut Option<Queries>) -> &mut Queries {
    q.as_mut().expect("the phase's queries are made first")
}

/// What the phase reads of the powers and of the state at hand, copied
/// once rather than looked up for every partnership weighed; kept between
/// turns so that the phase allocates nothing once warm.
#[derive(Default)]
struct Scratch {
    queries: Option<Queries>,
    powers: Vec<Power>,
    /// What each power seeks (its agenda's `wants`).
    wants: Vec<Vec<CommodityIdx>>,
    /// Security partnerships in force, by power: kept up to date as stages
    /// change during the phase.
    load: Vec<u32>,
    /// The state at hand's live partnerships, sorted by power and kind.
    live: Vec<(Entity, Partnership)>,
    /// Its standing toward each power.
    alignment: Vec<f64>,
    /// Its exports.
    exports: Vec<CommodityIdx>,
    /// By state: its entity, and whether a person plays it.
    states: Vec<(Entity, bool)>,
    /// Live partnerships grouped by state (see [`Scratch::group`]).
    grouped: Vec<(Entity, Partnership)>,
    grouped_at: Vec<u32>,
    by_state: ByState<(Entity, Partnership)>,
}

/// The state at hand as the phase weighs it.
#[derive(Clone, Copy)]
struct Situation {
    regime: Option<RegimeKind>,
    insurgency: f64,
}

impl Scratch {
    fn alignment(&self, p: PowerIdx) -> f64 {
        self.alignment.get(p.0 as usize).copied().unwrap_or(0.0)
    }

    /// Reads the state at hand: its regime, insurgency, standings,
    /// exports and live partnerships.
    fn read_state(&mut self, world: &World, s: StateIdx, se: Entity) -> Situation {
        self.alignment.clear();
        self.exports.clear();
        let q = queries(&mut self.queries);
        let situation = match q.states.get(world, se) {
            Ok((regime, security, alignment, economy, _)) => {
                self.alignment.extend_from_slice(&alignment.0);
                self.exports.extend_from_slice(&economy.exports);
                Situation {
                    regime: Some(regime.kind),
                    insurgency: security.insurgency,
                }
            }
            Err(_) => Situation {
                regime: None,
                insurgency: 0.0,
            },
        };
        self.live_from_group(s);
        situation
    }

    fn read_alignment(&mut self, world: &World, se: Entity) {
        self.alignment.clear();
        let q = queries(&mut self.queries);
        if let Ok((_, _, alignment, _, _)) = q.states.get(world, se) {
            self.alignment.extend_from_slice(&alignment.0);
        }
    }

    /// The state's partnerships not ended, sorted by power and kind.
    fn read_live(&mut self, world: &World, se: Entity) {
        self.live.clear();
        let q = queries(&mut self.queries);
        if let Ok((_, _, _, _, Some(list))) = q.states.get(world, se) {
            for e in list.iter() {
                if let Ok((_, p)) = q.partnerships.get(world, e)
                    && p.stage != Stage::Ended
                {
                    self.live.push((e, *p));
                }
            }
        }
        self.live.sort_by_key(|(_, p)| (p.power, p.kind));
    }

    /// Every state's live partnerships at the start of the phase, grouped
    /// by state in one pass: those of state `s` are
    /// `grouped[grouped_at[s]..grouped_at[s + 1]]`. A state's own turn
    /// changes only its own partnerships, so each state reads its group
    /// as it stands when its turn comes. The powers' deployments in force
    /// are counted from the same list.
    fn group(&mut self, world: &World, n_states: usize, n_powers: usize) {
        let q = queries(&mut self.queries);
        self.grouped.clear();
        self.grouped.extend(
            q.partnerships
                .iter(world)
                .filter(|(_, p)| p.stage != Stage::Ended && (p.state.0 as usize) < n_states)
                .map(|(e, p)| (e, *p)),
        );
        // A state has at most one partnership of a kind with a power: no
        // two keys are equal, so the order is the world's whatever order
        // the query yields.
        self.by_state.sort(
            &mut self.grouped,
            |(_, p)| p.state,
            |(_, p)| partnership_order(p.state, p.power, p.kind),
        );
        self.grouped_at.clear();
        let mut at = 0;
        for s in 0..=n_states {
            while at < self.grouped.len() && (self.grouped[at].1.state.0 as usize) < s {
                at += 1;
            }
            self.grouped_at.push(at as u32);
        }
        self.load.clear();
        self.load.resize(n_powers, 0);
        for (_, p) in &self.grouped {
            if p.kind.has_forces()
                && p.stage == Stage::InForce
                && let Some(l) = self.load.get_mut(p.power.0 as usize)
            {
                *l += 1;
            }
        }
    }

    /// The state's live partnerships from the grouping, sorted by power
    /// and kind as [`Scratch::read_live`] sorts them.
    fn live_from_group(&mut self, s: StateIdx) {
        let s = s.0 as usize;
        self.live.clear();
        if let (Some(&from), Some(&to)) = (self.grouped_at.get(s), self.grouped_at.get(s + 1)) {
            self.live.extend_from_slice(&self.grouped[from as usize..to as usize]);
        }
    }

    /// Security partnerships in force, by power, counted again in one pass
    /// (after an expulsion).
    fn count_load(&mut self, world: &World, n_powers: usize) {
        self.load.clear();
        self.load.resize(n_powers, 0);
        let q = queries(&mut self.queries);
        for (_, p) in q.partnerships.iter(world) {
            if p.kind.has_forces()
                && p.stage == Stage::InForce
                && let Some(l) = self.load.get_mut(p.power.0 as usize)
            {
                *l += 1;
            }
        }
    }

    /// A stage moved: a deployment in force counts toward its power's load.
    fn set_stage(&mut self, world: &mut World, e: Entity, p: &Partnership, stage: Stage) {
        actions::set_stage(world, e, stage);
        if p.kind.has_forces() {
            let was = p.stage == Stage::InForce;
            let is = stage == Stage::InForce;
            if let Some(l) = self.load.get_mut(p.power.0 as usize) {
                if is && !was {
                    *l += 1;
                } else if was && !is {
                    *l = l.saturating_sub(1);
                }
            }
        }
    }
}

fn run_partnerships(world: &mut World, mut scratch: Local<Scratch>) {
    if scratch.queries.is_none() {
        scratch.queries = Some(Queries::from_world(world));
    }
    // The random stream is held for the whole phase: looking a resource up
    // costs more than the draw.
    world.resource_scope(|world, mut rng: Mut<SimRng>| {
        let rules = world.resource::<Rules>().partnerships.clone();
        let reg = world.resource::<Registry>();
        let n_states = reg.state_count();
        let n_powers = reg.power_count();
        let sc = &mut *scratch;
        sc.powers.clear();
        sc.wants.resize_with(n_powers, Vec::new);
        for pi in 0..n_powers {
            let e = reg.power_entity(PowerIdx(pi as u8));
            let (power, agenda) = queries(&mut sc.queries)
                .powers
                .get(world, e)
                .expect("every power entity has Power");
            sc.powers.push(*power);
            sc.wants[pi].clear();
            if let Some(a) = agenda {
                sc.wants[pi].extend_from_slice(&a.wants);
            }
        }
        sc.group(world, n_states, n_powers);
        // The states and who plays them do not change during the phase.
        let humans = world.resource::<Humans>();
        sc.states.clear();
        sc.states.extend((0..n_states).map(|si| {
            let s = StateIdx(si as u16);
            (reg.state_entity(s), humans.plays(s))
        }));
        for si in 0..n_states {
            let (se, human) = sc.states[si];
            run_state(world, &mut rng, sc, &rules, StateIdx(si as u16), se, human);
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
    sc: &mut Scratch,
    rules: &PartnershipRules,
    s: StateIdx,
    se: Entity,
    human: bool,
) {
    let Situation { regime, insurgency } = sc.read_state(world, s, se);
    // Stages move on, or fail.
    let mut changed = false;
    for k in 0..sc.live.len() {
        let (e, p) = sc.live[k];
        let roll = rng.uniform(Stream::Partnerships);
        match p.stage {
            // An offer to a human-played state waits for the player: it is
            // neither broken off nor moved on until they press the talks on.
            stage if stage.is_pending() && human && p.offered => {}
            stage if stage.is_pending() => {
                let hostile = sc.alignment(p.power) < rules.hostile_alignment;
                // Deals break down in talks, not once signed.
                let fail = if stage < Stage::Signed {
                    rules.fail_chance + if hostile { rules.hostile_fail_chance } else { 0.0 }
                } else {
                    0.0
                };
                let agreed = power_consents(sc, rules, regime, &p) && state_consents(sc, rules, insurgency, &p, human);
                if roll < fail || (!agreed && roll < rules.decline_chance) {
                    sc.set_stage(world, e, &p, Stage::Ended);
                    changed = true;
                } else if agreed
                    && roll < fail + rules.advance_chance
                    && let Some(next) = stage.next()
                {
                    let pw = sc.powers[p.power.0 as usize];
                    let full =
                        p.kind.has_forces() && next == Stage::InForce && sc.load[p.power.0 as usize] >= pw.capacity;
                    if !full {
                        sc.set_stage(world, e, &p, next);
                        changed = true;
                    }
                }
            }
            Stage::Suspended if regime == Some(RegimeKind::Civilian) && roll < rules.resume_chance => {
                sc.set_stage(world, e, &p, Stage::InForce);
                changed = true;
            }
            _ => {}
        }
    }
    // Expulsion of forces from powers the state has turned against.
    if changed {
        sc.read_live(world, se);
    }
    for pi in 0..sc.powers.len() {
        let p = PowerIdx(pi as u8);
        let has_forces = sc
            .live
            .iter()
            .any(|(_, ps)| ps.power == p && ps.kind.has_forces() && ps.stage >= Stage::Signed);
        if has_forces && sc.alignment(p) < rules.expel_alignment {
            let roll = rng.uniform(Stream::Partnerships);
            if roll < rules.expel_chance && !human {
                actions::expel_forces(world, s, p, -15.0);
                // Rare: count the powers' deployments again.
                sc.count_load(world, sc.powers.len());
                sc.read_alignment(world, se);
            }
        }
    }
    seek_partner(world, rng, sc, s, se, regime, insurgency, rules, human);
}

/// Whether the power still wants the deal: it offers the kind, its
/// conditionality allows dealing with the state's regime, a concession
/// is in what it wants, and the state is not hostile to it. (The EU does
/// not train a junta's army; Russia does not seek Senegal's oil unless it
/// wants oil.)
fn power_consents(sc: &Scratch, rules: &PartnershipRules, regime: Option<RegimeKind>, p: &Partnership) -> bool {
    let pw = &sc.powers[p.power.0 as usize];
    let regime = regime.unwrap_or(RegimeKind::Civilian);
    let conditional = regime != RegimeKind::Civilian && pw.conditionality >= rules.conditional_threshold;
    let wanted = match p.kind {
        PartnershipKind::MiningConcession | PartnershipKind::EnergyConcession => {
            let wants = &sc.wants[p.power.0 as usize];
            wants.is_empty() || sc.exports.iter().any(|x| wants.contains(x))
        }
        _ => true,
    };
    pw.offers(p.kind) && !conditional && wanted && sc.alignment(p.power) >= rules.hostile_alignment
}

/// Whether the state still wants the deal: a government accepts a power's
/// help if it stands well enough with it, or if it is at war and the power
/// is not hostile. A human-played state's answer to an offer is the
/// player's: the talks wait until the player presses them on.
fn state_consents(sc: &Scratch, rules: &PartnershipRules, insurgency: f64, p: &Partnership, human: bool) -> bool {
    if human {
        // Offers waiting for the player are not weighed here at all.
        return true;
    }
    let a = sc.alignment(p.power);
    let at_war = insurgency >= rules.seek_insurgency;
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
#[allow(clippy::too_many_arguments)]
fn seek_partner(
    world: &mut World,
    rng: &mut SimRng,
    sc: &mut Scratch,
    s: StateIdx,
    e: Entity,
    regime: Option<RegimeKind>,
    insurgency: f64,
    rules: &PartnershipRules,
    human: bool,
) {
    let reg = world.resource::<Registry>();
    let mineral = sc.exports.iter().any(|c| reg.seeks_concessions(*c));
    let junta = regime == Some(RegimeKind::MilitaryJunta);

    let roll = rng.uniform(Stream::Partnerships);
    if insurgency >= rules.seek_insurgency && roll < rules.seek_chance {
        sc.read_live(world, e);
        let has_security = sc.live.iter().any(|(_, p)| p.kind.has_forces());
        let wanted = security_wanted(junta);
        // The best-aligned power with room to take on one more partner.
        let mut best: Option<(f64, PowerIdx, PartnershipKind)> = None;
        for (pi, pw) in sc.powers.iter().enumerate() {
            let p = PowerIdx(pi as u8);
            if junta && pw.conditionality > rules.junta_max_conditionality {
                continue;
            }
            // Capacity bounds deployments only: a power at capacity can
            // still sign a cooperation agreement.
            let full = sc.load[pi] >= pw.capacity;
            let a = sc.alignment(p);
            let Some(kind) = wanted.iter().copied().find(|k| {
                pw.offers(*k) && !(full && k.has_forces()) && !sc.live.iter().any(|(_, x)| x.power == p && x.kind == *k)
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
        sc.read_live(world, e);
        let partner = sc
            .live
            .iter()
            .find(|(_, p)| p.kind.is_security() && p.stage == Stage::InForce)
            .map(|(_, p)| p.power);
        if let Some(p) = partner
            && !human
            && sc.powers[p.0 as usize].offers(PartnershipKind::MiningConcession)
            && !sc
                .live
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
