//! Effects: the scenario's and the catalogues' verbs (change an
//! indicator, start a partnership, join a bloc, …) applied to the world,
//! with `$self` and `$target` bound. Scripted events, decisions and orders
//! all apply their effects here.

use bevy::prelude::*;

use crate::rules::Rules;
use crate::scenario::format::{Effect, RefKind};
use crate::sim::script::parts::{Parts, Rows};
use crate::sim::script::{Bindings, BlocRef, PowerRef, StateRef, Who};
use crate::sim::world::actions::{self, Move};
use crate::sim::world::chronicle::{Chronicle, NewsBuilder, NewsKind};
use crate::sim::world::components::*;
use crate::sim::world::ledger::{Cause, Ledger};
use crate::sim::world::players::Humans;
use crate::sim::world::registry::{Clock, Registry};
use crate::sim::world::relations::{Borders, Relations};
use crate::sim::world::said::{self, Said};
use crate::sim::world::turn::{CoupsThisTurn, ForcedCoup};

fn agenda<'w>(world: &'w World, reg: &Registry, p: PowerIdx) -> Option<&'w Agenda> {
    world.get::<Agenda>(reg.power_entity(p))
}

/// Applies one effect of the file format, compiled on the spot (orders, a
/// future's change). References that no longer resolve (a dissolved bloc)
/// make the effect do nothing.
pub fn apply_effect(world: &mut World, effect: &Effect, cause: Cause) {
    let compiled = Eff::compile(effect, world.resource::<Registry>());
    apply(world, &compiled, cause, &Bindings::NONE);
}

/// Applies a compiled effect in which `$self` and `$target` stand for the
/// decider and what it decides about.
pub fn apply(world: &mut World, eff: &Eff, cause: Cause, bind: &Bindings) {
    let reg = world.resource::<Registry>();
    // The ids in the order `Effect::refs` lists them: the acting state
    // first.
    let rs = |k: usize| eff.state(k, bind);
    let rp = |k: usize| eff.power(k, bind);
    let rb = |k: usize| eff.bloc(k, bind, reg);
    let effect = &eff.effect;
    match effect {
        Effect::Change { indicator, delta, .. } => {
            if let Some(s) = rs(0) {
                actions::change_indicator(world, s, *indicator, Move::By(*delta), cause);
            }
        }
        Effect::Set { indicator, value, .. } => {
            if let Some(s) = rs(0) {
                actions::change_indicator(world, s, *indicator, Move::To(*value), cause);
            }
        }
        Effect::Align { delta, .. } => {
            if let (Some(s), Some(p)) = (rs(0), rp(1)) {
                let e = reg.state_entity(s);
                actions::change_alignment(world, e, s, p, *delta, cause);
            }
        }
        Effect::Relate { delta, .. } => {
            if let (Some(a), Some(b)) = (rs(0), rs(1)) {
                world.resource_mut::<Relations>().add(a, b, *delta);
            }
        }
        Effect::StartPartnership { kind, stage, .. } => {
            if let (Some(s), Some(p)) = (rs(0), rp(1)) {
                let offered = matches!(bind.me, Some(Who::Power(_)));
                actions::start_partnership(world, s, p, *kind, *stage, offered);
            }
        }
        Effect::EndPartnership { kind, .. } => {
            if let (Some(s), Some(p)) = (rs(0), rp(1)) {
                actions::end_partnership(world, s, p, *kind);
            }
        }
        Effect::ExpelForces { .. } => {
            if let (Some(s), Some(p)) = (rs(0), rp(1)) {
                actions::expel_forces(world, s, p, -15.0);
            }
        }
        Effect::JoinBloc { .. } => {
            if let (Some(s), Some(b)) = (rs(0), rb(1)) {
                actions::join_bloc(world, s, b);
            }
        }
        Effect::AnnounceWithdrawal { .. } => {
            if let (Some(s), Some(b)) = (rs(0), rb(1)) {
                // A computer-run government does not leave a monetary union
                // with no currency to go to (docs/model.md, "Blocs"); a
                // player may, and history may be scripted.
                let own = matches!(bind.me, Some(Who::State(x)) if x == s);
                let human = world.resource::<Humans>().plays(s);
                if own && !human && !actions::may_leave(world, s, b) {
                    return;
                }
                actions::announce_withdrawal(world, s, b);
            }
        }
        Effect::LeaveBloc { .. } => {
            if let (Some(s), Some(b)) = (rs(0), rb(1)) {
                actions::leave_bloc(world, s, b);
            }
        }
        Effect::ImposeSanctions { .. } => {
            if let (Some(s), Some(b)) = (rs(0), rb(1)) {
                actions::impose_sanctions(world, b, s);
            }
        }
        Effect::SuspendMember { .. } | Effect::ReinstateMember { .. } => {
            if let (Some(s), Some(b)) = (rs(0), rb(1)) {
                let suspend = matches!(effect, Effect::SuspendMember { .. });
                actions::script_suspension(world, s, b, suspend);
            }
        }
        Effect::LiftSanctions { .. } => {
            if let (Some(s), Some(b)) = (rs(0), rb(1)) {
                actions::lift_sanctions(world, b, s);
            }
        }
        Effect::CoupAttempt { succeeds, leader, .. } => {
            if let Some(s) = rs(0) {
                world.resource_mut::<CoupsThisTurn>().forced.push(ForcedCoup {
                    state: s,
                    succeeds: *succeeds,
                    leader: leader.clone(),
                });
            }
        }
        Effect::FoundPact { states, id, name } => {
            let founders: Vec<StateIdx> = (0..states.len()).filter_map(rs).collect();
            if founders.len() == states.len() {
                actions::found_pact(world, &founders, id, name);
            }
        }
        Effect::Confederate { name, .. } => {
            if let Some(b) = rb(0) {
                actions::confederate(world, b, name.as_deref());
            }
        }
        Effect::SetLeader { leader, regime, .. } => {
            if let Some(s) = rs(0) {
                actions::set_leader(world, s, leader, *regime);
            }
        }
        Effect::VisitPower { .. } => {
            if let (Some(s), Some(p)) = (rs(0), rp(1)) {
                let e = reg.state_entity(s);
                let delta = world.resource::<Rules>().diplomacy.visit_alignment;
                actions::change_alignment(world, e, s, p, delta, cause);
            }
        }
        Effect::VisitState { .. } | Effect::JointStatement { .. } | Effect::RecallAmbassador { .. } => {
            if let (Some(a), Some(b)) = (rs(0), rs(1)) {
                let r = &world.resource::<Rules>().diplomacy;
                let delta = match effect {
                    Effect::VisitState { .. } => r.visit_relations,
                    Effect::JointStatement { .. } => r.statement_relations,
                    _ => r.recall_ambassador,
                };
                world.resource_mut::<Relations>().add(a, b, delta);
            }
        }
        Effect::Mediate { .. } => {
            if let (Some(m), Some(a), Some(b)) = (rs(0), rs(1), rs(2)) {
                actions::mediate(world, m, a, b);
            }
        }
        Effect::CloseBorder { .. } => {
            if let (Some(a), Some(b)) = (rs(0), rs(1)) {
                let penalty = world.resource::<Rules>().diplomacy.close_border;
                world.resource_mut::<Borders>().close(a, b);
                world.resource_mut::<Relations>().add(a, b, penalty);
            }
        }
        Effect::OpenBorder { .. } => {
            if let (Some(a), Some(b)) = (rs(0), rs(1)) {
                world.resource_mut::<Borders>().open(a, b);
            }
        }
        Effect::BanGrainExports { .. } | Effect::LiftGrainExportBan { .. } => {
            if let Some(s) = rs(0) {
                actions::set_grain_ban(world, s, matches!(effect, Effect::BanGrainExports { .. }));
            }
        }
        Effect::AdvanceProject { project, .. } => {
            if let Some(b) = rb(0) {
                actions::advance_project(world, b, *project);
            }
        }
        Effect::DiscreditRivals { delta, .. } => {
            if let (Some(s), Some(p)) = (rs(0), rp(1)) {
                let rivals = agenda(world, reg, p).map(|a| a.rivals.clone()).unwrap_or_default();
                let e = reg.state_entity(s);
                for r in rivals {
                    actions::change_alignment(world, e, s, r, *delta, cause);
                }
            }
        }
        Effect::AdvancePartnership { .. } => {
            if let (Some(s), Some(p)) = (rs(0), rp(1)) {
                actions::advance_talks(world, s, p);
            }
        }
        Effect::UrgeSanctions { .. } | Effect::UrgeLifting { .. } => {
            if let (Some(a), Some(b)) = (rs(0), rs(1)) {
                actions::urge_sanctions(world, a, b, matches!(effect, Effect::UrgeSanctions { .. }));
            }
        }
        Effect::AskMediation { .. } | Effect::OfferMediation { .. } => {
            if let (Some(a), Some(b)) = (rs(0), rs(1)) {
                let (mediator, first, second) = if matches!(effect, Effect::AskMediation { .. }) {
                    (actions::best_mediator(world, a, b), a, Some(b))
                } else {
                    (Some(a), b, actions::worst_relation(world, b, a))
                };
                let decider = match bind.me {
                    Some(Who::State(x)) => Some(x),
                    _ => None,
                };
                match (mediator, second) {
                    (Some(m), Some(second)) => actions::seek_mediation(world, decider, m, first, second),
                    (None, _) => actions::no_mediation(world, a, b, Said::new("why-no-mediator")),
                    (Some(_), None) => actions::no_mediation(world, a, b, Said::new("why-no-quarrel")),
                }
            }
        }
        Effect::ProposePact { .. } => {
            if let (Some(a), Some(b)) = (rs(0), rs(1)) {
                actions::propose_pact(world, a, b);
            }
        }
        Effect::News(text) => {
            let turn = world.resource::<Ledger>().turn;
            let date = world.resource::<Clock>().date();
            let said = Said::new("news-scripted").with("text", said::scenario_text(said::text_hash_key(text), text));
            NewsBuilder::new(turn, date, NewsKind::Scripted, said).post(&mut world.resource_mut::<Chronicle>());
        }
        // Chains are followed by `fire`, which knows the depth.
        Effect::Fire(_) => {}
    }
}

/// One slot of a compiled effect: an id resolved once.
#[derive(Debug, Clone, PartialEq)]
enum Slot {
    State(StateRef),
    Power(PowerRef),
    Bloc(BlocRef),
    /// Events are followed by the event book, by id.
    Event,
}

/// An effect with its ids resolved, in the order `Effect::refs` lists
/// them: what the turn applies, with no string looked up. (A new effect is
/// its variant and ids in the format, and its arm in [`apply`]; compiling
/// it needs nothing new.)
#[derive(Debug, Clone, PartialEq)]
pub struct Eff {
    pub effect: Effect,
    slots: Vec<Slot>,
}

impl Eff {
    /// The parts of the script's facts applying it may change (all of them
    /// for an effect with consequences beyond its own numbers): deciders
    /// after a decision gather again only those. An effect not listed
    /// here is taken to change everything, so a new one is safe.
    pub fn touches(&self) -> Parts {
        match &self.effect {
            Effect::Change { .. } | Effect::Set { .. } => Parts::STATES,
            // Standings are read with the states.
            Effect::Align { .. } | Effect::VisitPower { .. } | Effect::DiscreditRivals { .. } => Parts::STATES,
            Effect::Relate { .. }
            | Effect::VisitState { .. }
            | Effect::JointStatement { .. }
            | Effect::RecallAmbassador { .. }
            | Effect::CloseBorder { .. }
            | Effect::OpenBorder { .. } => Parts::RELATIONS,
            Effect::StartPartnership { .. } | Effect::EndPartnership { .. } | Effect::AdvancePartnership { .. } => {
                Parts::PARTNERSHIPS
            }
            Effect::AdvanceProject { .. } => Parts::BLOCS,
            Effect::News(_) | Effect::Fire(_) => Parts::NONE,
            _ => Parts::ALL,
        }
    }

    /// Which state's row of the facts' [`Parts::STATES`] applying it may
    /// change: deciders gather again that row, not every state's. Agrees
    /// with [`Eff::touches`]: an effect that changes no state's row (or
    /// names no state of this game) changes [`Rows::Nothing`]; one not listed
    /// here may change any.
    pub fn rows(&self, bind: &Bindings) -> Rows {
        let touches = self.touches();
        if !touches.has(Parts::STATES) {
            return Rows::Nothing;
        }
        // Only an effect on the states' part alone can be on one row.
        if touches != Parts::STATES {
            return Rows::Every;
        }
        match &self.effect {
            // Each changes its first state's own numbers, nothing else.
            Effect::Change { .. }
            | Effect::Set { .. }
            | Effect::Align { .. }
            | Effect::VisitPower { .. }
            | Effect::DiscreditRivals { .. } => self.state(0, bind).map_or(Rows::Nothing, Rows::One),
            _ => Rows::Every,
        }
    }

    pub fn compile(effect: &Effect, reg: &Registry) -> Eff {
        let slots = effect
            .refs()
            .iter()
            .map(|r| match r.kind {
                RefKind::State => Slot::State(StateRef::compile(r.id, reg)),
                RefKind::Power => Slot::Power(PowerRef::compile(r.id, reg)),
                RefKind::Bloc => Slot::Bloc(BlocRef::compile(r.id, reg)),
                RefKind::Event => Slot::Event,
            })
            .collect();
        Eff {
            effect: effect.clone(),
            slots,
        }
    }

    fn state(&self, k: usize, bind: &Bindings) -> Option<StateIdx> {
        match self.slots.get(k)? {
            Slot::State(r) => r.get(bind),
            _ => None,
        }
    }

    fn power(&self, k: usize, bind: &Bindings) -> Option<PowerIdx> {
        match self.slots.get(k)? {
            Slot::Power(r) => r.get(bind),
            _ => None,
        }
    }

    fn bloc(&self, k: usize, bind: &Bindings, reg: &Registry) -> Option<BlocIdx> {
        match self.slots.get(k)? {
            Slot::Bloc(r) => r.get_in(bind, reg),
            _ => None,
        }
    }
}
