//! Security and insurgency. Each state has an insurgency its conditions
//! sustain: the pressure rooted at the start, raised when stability falls
//! below its baseline, lowered by military capacity and by the partners and
//! allies who help. Pressure moves toward that level, spreads across
//! borders, and what persists takes root. An established insurgency
//! expands on its own until it is settled, defeated or exhausted (a chance
//! a month); below that, rooted pressure withers back toward its resting
//! level. Territorial control follows insurgency; rising insurgency saps
//! the army's loyalty.

use bevy::ecs::system::SystemState;
use bevy::prelude::*;

use crate::rules::{Rules, SecurityRules};
use crate::scenario::format::{Indicator, PartnershipKind, Stage};
use crate::sim::schedule::{SetUpPhase, SetUpSteps, TurnPhase, TurnSchedule};
use crate::sim::world::chronicle::{Chronicle, NewsBuilder, NewsKind};
use crate::sim::world::components::*;
use crate::sim::world::ledger::{Actor, Cause, Ledger, Measure, Mechanism};
use crate::sim::world::registry::Clock;
use crate::sim::world::rng::{SimRng, Stream};
use crate::sim::world::said::Said;

pub(crate) fn plugin(app: &mut App) {
    SetUpSteps::add(app, SetUpPhase::Settle, |world, _| root_insurgencies(world));
    app.add_systems(TurnSchedule, fight_insurgencies.in_set(TurnPhase::Security));
}

const INS: Measure = Measure::Indicator(Indicator::Insurgency);
const CTRL: Measure = Measure::Indicator(Indicator::Control);
const LOY: Measure = Measure::Indicator(Indicator::MilitaryLoyalty);
const MIL: Measure = Measure::Indicator(Indicator::Military);

/// Who helps each state fight: partners in force and mutual-defence allies.
/// Kept between turns with its buffers, so that a turn allocates nothing
/// once warm.
#[derive(Default)]
struct Helpers {
    /// (state, power, share of the sustained insurgency removed), sorted
    /// by state.
    partners: Vec<(StateIdx, PowerIdx, f64)>,
    /// (state, ally) pairs, at most three allies a state, sorted by state.
    allies: Vec<(StateIdx, StateIdx)>,
    // Buffers of the gathering.
    in_force: Vec<(StateIdx, PowerIdx, PartnershipKind, f64)>,
    by_state: ByState<(StateIdx, PowerIdx, PartnershipKind, f64)>,
    mutual: Vec<BlocIdx>,
    members: Vec<(BlocIdx, StateIdx)>,
    pairs: Vec<(StateIdx, StateIdx)>,
}

impl Helpers {
    fn gather(
        &mut self,
        r: &SecurityRules,
        partnerships: &Query<&Partnership>,
        memberships: &Query<&Membership>,
        blocs: &Query<&Bloc>,
    ) {
        // The support of each kind, looked up once rather than per partnership.
        let support = PartnershipKind::ALL.map(|k| r.partner_support.get(k.snake()).copied().unwrap_or(0.0));
        // In a fixed order (state, power, kind), whatever order the world
        // holds them in: a restored snapshot holds them in another.
        self.in_force.clear();
        self.in_force.extend(
            partnerships
                .iter()
                .filter(|p| p.stage == Stage::InForce)
                .filter_map(|p| {
                    let share = support[p.kind as usize];
                    (share > 0.0).then_some((p.state, p.power, p.kind, share))
                }),
        );
        // In (state, power, kind) order, stably: the order is the world's,
        // whatever order the queries yield.
        self.by_state
            .sort(&mut self.in_force, |a| a.0, |a| partnership_order(a.0, a.1, a.2));
        self.partners.clear();
        self.partners
            .extend(self.in_force.iter().map(|&(s, p, _, x)| (s, p, x)));
        self.mutual.clear();
        self.mutual
            .extend(blocs.iter().filter(|b| b.rules.mutual_defence).map(|b| b.idx));
        self.mutual.sort_unstable();
        self.members.clear();
        self.members.extend(
            memberships
                .iter()
                .filter(|m| self.mutual.binary_search(&m.bloc).is_ok())
                .map(|m| (m.bloc, m.state)),
        );
        self.members.sort_unstable();
        self.pairs.clear();
        for (b, s) in &self.members {
            for (b2, m) in &self.members {
                if b == b2 && s != m {
                    self.pairs.push((*s, *m));
                }
            }
        }
        self.pairs.sort_unstable();
        self.pairs.dedup();
        // The first three of each state's (the pairs are sorted by state).
        self.allies.clear();
        for own in self.pairs.chunk_by(|a, b| a.0 == b.0) {
            self.allies.extend_from_slice(&own[..own.len().min(3)]);
        }
    }

    /// Each helper's share for one state, scaled down together if they
    /// exceed the cap, written into `out`.
    fn shares(&self, r: &SecurityRules, s: StateIdx, out: &mut Vec<(Cause, f64)>) {
        out.clear();
        // Both lists are sorted by state: the state's own are a slice.
        let from = self.partners.partition_point(|(t, _, _)| *t < s);
        let to = from + self.partners[from..].partition_point(|(t, _, _)| *t == s);
        out.extend(
            self.partners[from..to]
                .iter()
                .map(|(_, p, share)| (Cause::by(Mechanism::Partnership, Actor::Power(*p)), *share)),
        );
        let from = self.allies.partition_point(|(t, _)| *t < s);
        let to = from + self.allies[from..].partition_point(|(t, _)| *t == s);
        out.extend(
            self.allies[from..to]
                .iter()
                .map(|(_, m)| (Cause::by(Mechanism::Bloc, Actor::State(*m)), r.mutual_defence_support)),
        );
        let total: f64 = out.iter().map(|(_, x)| x).sum();
        if total > r.max_support && total > 0.0 {
            for (_, x) in out.iter_mut() {
                *x *= r.max_support / total;
            }
        }
    }
}

/// The phase's buffers, kept between turns.
#[derive(Default)]
struct SecurityScratch {
    before: Vec<(StateIdx, f64)>,
    helpers: Helpers,
    sanctioned: Vec<StateIdx>,
    shares: Vec<(Cause, f64)>,
    room: OrderRoom,
}

#[allow(clippy::too_many_arguments)]
fn fight_insurgencies(
    mut states: Query<(Indicators, &mut Baseline, &Neighbours)>,
    partnerships: Query<&Partnership>,
    memberships: Query<&Membership>,
    blocs: Query<&Bloc>,
    rules: Res<Rules>,
    clock: Res<Clock>,
    mut rng: ResMut<SimRng>,
    mut ledger: ResMut<Ledger>,
    mut chronicle: ResMut<Chronicle>,
    mut scratch: Local<SecurityScratch>,
) {
    let r = &rules.security;
    let turn = ledger.turn;
    let SecurityScratch {
        before,
        helpers,
        sanctioned,
        shares,
        room,
    } = &mut *scratch;
    // Pressure at the start of the phase, so that spread does not depend on order.
    before.clear();
    before.extend(states.iter().map(|(i, _, _)| (i.country.idx, i.security.insurgency)));
    // One entity a state: no two keys are equal.
    before.sort_unstable_by_key(|(s, _)| *s);
    let before = &*before;
    let pressure = |s: StateIdx| before.get(s.0 as usize).map(|x| x.1).unwrap_or(0.0);
    helpers.gather(r, &partnerships, &memberships, &blocs);
    let helpers = &*helpers;
    sanctioned_states_into(blocs.iter(), sanctioned);
    let sanctioned = &*sanctioned;

    for (mut ind, mut base, neighbours) in in_state_order(states.iter_mut(), |(i, _, _)| i.country.idx, room) {
        let s = ind.country.idx;
        let ins = ind.security.insurgency;
        // The sustained level, built up factor by factor so that each
        // factor's part is booked under its own cause.
        let fragility = 1.0 + r.fragility_weight * (base.stability - ind.stability.0) / 50.0;
        let military = 1.0 - r.military_weight * (ind.security.military - base.military) / 100.0;
        helpers.shares(r, s, shares);
        let help: f64 = shares.iter().map(|(_, x)| x).sum();
        let t0 = base.rooted;
        let t1 = t0 * fragility.max(0.0);
        let t2 = t1 * military.max(0.0);
        let rate = r.rate;
        ledger.change(
            s,
            INS,
            &mut ind.security.insurgency,
            rate * (t0 - ins),
            Cause::of(Mechanism::Insurgency),
        );
        ledger.change(
            s,
            INS,
            &mut ind.security.insurgency,
            rate * (t1 - t0),
            Cause::of(Mechanism::Fragility),
        );
        ledger.change(
            s,
            INS,
            &mut ind.security.insurgency,
            rate * (t2 - t1),
            Cause::of(Mechanism::CounterInsurgency),
        );
        for (cause, share) in shares.iter() {
            ledger.change(s, INS, &mut ind.security.insurgency, -rate * t2 * share, *cause);
        }
        for n in &neighbours.0 {
            let gap = pressure(*n) - ins;
            if gap > 0.0 {
                let cause = Cause::by(Mechanism::InsurgencySpread, Actor::State(*n));
                ledger.change(s, INS, &mut ind.security.insurgency, r.spread * gap, cause);
            }
        }
        // Fortune matters more where there is more to fight.
        let noise = rng.noise(Stream::Security, r.noise) * (ins + 2.0) / 50.0;
        ledger.change(
            s,
            INS,
            &mut ind.security.insurgency,
            noise,
            Cause::of(Mechanism::Fortune),
        );

        // What persists takes root (or is uprooted).
        let now = ind.security.insurgency;
        let implied = now / (fragility.max(0.05) * military.max(0.05) * (1.0 - help).max(0.05));
        base.rooted += r.rooting * (implied.min(r.max_rooted) - base.rooted);
        // Drawn every month for every state, so one state's fate never
        // shifts another's dice.
        let settle = rng.uniform(Stream::Security) < r.settle_chance;
        if now >= r.momentum_threshold {
            // An established insurgency expands on its own (recruits,
            // revenue, sanctuaries) unless helpers hold it back...
            base.rooted = (base.rooted + base.momentum * (1.0 - help).max(0.0)).min(r.max_rooted);
            // ... until it is settled, defeated or exhausted (Connable &
            // Libicki 2010: insurgencies last about ten years).
            if settle {
                base.rooted *= 1.0 - r.settle_share;
                base.rest *= 1.0 - r.settle_share;
                base.momentum = 0.0;
                let text = Said::new("news-insurgency-recedes").state("state", s);
                NewsBuilder::new(turn, clock.date(), NewsKind::InsurgencyRecedes, text)
                    .state(s)
                    .post(&mut chronicle);
                let cause = Cause::of(Mechanism::Settlement);
                let drop = -r.rate * now * r.settle_share;
                ledger.change(s, INS, &mut ind.security.insurgency, drop, cause);
            }
        } else {
            // Without momentum, pressure that nothing sustains withers back.
            base.rooted += r.wither * (base.rest - base.rooted);
        }

        let control_target = 100.0 - base.control_ratio * now;
        let dc = r.control_rate * (control_target - ind.security.control);
        ledger.change(
            s,
            CTRL,
            &mut ind.security.control,
            dc,
            Cause::of(Mechanism::TerritorialControl),
        );

        let losses = r.loyalty_loss * (now - base.insurgency).max(0.0) / 10.0;
        ledger.change(s, LOY, &mut ind.loyalty.0, -losses, Cause::of(Mechanism::Insurgency));
        let recovery = r.loyalty_recovery * (base.loyalty - ind.loyalty.0);
        ledger.change(s, LOY, &mut ind.loyalty.0, recovery, Cause::of(Mechanism::Drift));

        // Capacity closes on its baseline, shifted by partners gained or
        // lost since the start (the start already counts its partners).
        let drift = r.military_rate * (base.military - ind.security.military);
        ledger.change(s, MIL, &mut ind.security.military, drift, Cause::of(Mechanism::Drift));
        let gained = partner_count(shares) as f64 - base.partners;
        if gained != 0.0 {
            let gain = r.military_rate * r.military_partner_gain * gained;
            ledger.change(
                s,
                MIL,
                &mut ind.security.military,
                gain,
                Cause::of(Mechanism::Partnership),
            );
        }
        if sanctioned.binary_search(&s).is_ok() {
            // Sanctions freeze the funds that pay soldiers.
            let unpaid = -r.loyalty_sanctions_loss;
            ledger.change(s, LOY, &mut ind.loyalty.0, unpaid, Cause::of(Mechanism::Sanctions));
            let loss = -r.military_sanctions_loss;
            ledger.change(
                s,
                MIL,
                &mut ind.security.military,
                loss,
                Cause::of(Mechanism::Sanctions),
            );
        }
    }
}

fn partner_count(shares: &[(Cause, f64)]) -> usize {
    shares
        .iter()
        .filter(|(c, _)| c.mechanism == Mechanism::Partnership)
        .count()
}

/// At the start of a game, roots each state's insurgency so that its
/// starting pressure is what its conditions and helpers sustain.
pub(crate) fn root_insurgencies(world: &mut World) {
    let rules = world.resource::<Rules>().security.clone();
    let mut state = SystemState::<(Query<&Partnership>, Query<&Membership>, Query<&Bloc>)>::new(world);
    // Plain queries always validate.
    let Ok((partnerships, memberships, blocs)) = state.get(world) else {
        return;
    };
    let mut helpers = Helpers::default();
    helpers.gather(&rules, &partnerships, &memberships, &blocs);
    let mut q = world.query::<(&Country, &mut Baseline)>();
    let mut shares = Vec::new();
    for (country, mut base) in q.iter_mut(world) {
        helpers.shares(&rules, country.idx, &mut shares);
        let help: f64 = shares.iter().map(|(_, x)| x).sum();
        base.rooted = (base.insurgency / (1.0 - help).max(0.05)).min(rules.max_rooted);
        base.rest = base.rooted;
        base.partners = partner_count(&shares) as f64;
    }
}
