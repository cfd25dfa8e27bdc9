//! Effects: the scenario's and the catalogues' verbs (change an
//! indicator, start a partnership, join a bloc, …) applied to the world,
//! with `$self` and `$target` bound. Scripted events, decisions and orders
//! all apply their effects here.

use bevy::prelude::*;

use crate::rules::Rules;
use crate::scenario::format::Effect;
use crate::sim::script::{Bindings, Target, Who};
use crate::sim::world::actions::{self, Move};
use crate::sim::world::chronicle::{Chronicle, NewsBuilder, NewsKind};
use crate::sim::world::components::*;
use crate::sim::world::ledger::{Cause, Ledger};
use crate::sim::world::players::Humans;
use crate::sim::world::registry::{Clock, Registry};
use crate::sim::world::relations::{Borders, Relations};
use crate::sim::world::turn::CoupsThisTurn;

/// Id look-ups that know `$self` and `$target`.
pub struct Lookup<'a> {
    pub reg: &'a Registry,
    pub bind: &'a Bindings,
}

impl Lookup<'_> {
    pub fn state(&self, code: &str) -> Option<StateIdx> {
        match code {
            "$self" => self.bind.me.and_then(Who::state),
            "$target" => match self.bind.target {
                Some(Target::State(s)) => Some(s),
                _ => None,
            },
            _ => self.reg.state(code),
        }
    }

    pub fn power(&self, code: &str) -> Option<PowerIdx> {
        match (code, self.bind.target) {
            ("$self", _) => match self.bind.me {
                Some(Who::Power(p)) => Some(p),
                _ => None,
            },
            ("$target", Some(Target::Power(p))) => Some(p),
            ("$target", _) => None,
            _ => self.reg.power(code),
        }
    }

    pub fn bloc(&self, code: &str) -> Option<BlocIdx> {
        match (code, self.bind.target) {
            ("$target", Some(Target::Bloc(b))) => Some(b),
            ("$target", _) => None,
            _ => self.reg.bloc(code),
        }
    }
}

fn agenda<'w>(world: &'w World, reg: &Registry, p: PowerIdx) -> Option<&'w Agenda> {
    world.get::<Agenda>(reg.power_entity(p))
}

/// Applies one effect. References that no longer resolve (a dissolved bloc)
/// make the effect do nothing.
pub fn apply_effect(world: &mut World, effect: &Effect, cause: Cause) {
    apply_bound(world, effect, cause, &Bindings::NONE);
}

/// Applies an effect in which `$self` and `$target` stand for the deciding
/// state and what it decides about.
pub fn apply_bound(world: &mut World, effect: &Effect, cause: Cause, bind: &Bindings) {
    let reg = world.resource::<Registry>();
    let look = Lookup { reg, bind };
    let st = |code: &str| look.state(code);
    match effect {
        Effect::Change {
            state,
            indicator,
            delta,
        } => {
            if let Some(s) = st(state) {
                actions::change_indicator(world, s, *indicator, Move::By(*delta), cause);
            }
        }
        Effect::Set {
            state,
            indicator,
            value,
        } => {
            if let Some(s) = st(state) {
                actions::change_indicator(world, s, *indicator, Move::To(*value), cause);
            }
        }
        Effect::Align { state, power, delta } => {
            if let (Some(s), Some(p)) = (st(state), look.power(power)) {
                let e = reg.state_entity(s);
                actions::change_alignment(world, e, s, p, *delta, cause);
            }
        }
        Effect::Relate { state, other, delta } => {
            if let (Some(a), Some(b)) = (st(state), st(other)) {
                world.resource_mut::<Relations>().add(a, b, *delta);
            }
        }
        Effect::StartPartnership {
            state,
            power,
            kind,
            stage,
        } => {
            if let (Some(s), Some(p)) = (st(state), look.power(power)) {
                let offered = matches!(bind.me, Some(Who::Power(_)));
                actions::start_partnership(world, s, p, *kind, *stage, offered);
            }
        }
        Effect::EndPartnership { state, power, kind } => {
            if let (Some(s), Some(p)) = (st(state), look.power(power)) {
                actions::end_partnership(world, s, p, *kind);
            }
        }
        Effect::ExpelForces { state, power } => {
            if let (Some(s), Some(p)) = (st(state), look.power(power)) {
                actions::expel_forces(world, s, p, -15.0);
            }
        }
        Effect::JoinBloc { state, bloc } => {
            if let (Some(s), Some(b)) = (st(state), look.bloc(bloc)) {
                actions::join_bloc(world, s, b);
            }
        }
        Effect::AnnounceWithdrawal { state, bloc } => {
            if let (Some(s), Some(b)) = (st(state), look.bloc(bloc)) {
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
        Effect::LeaveBloc { state, bloc } => {
            if let (Some(s), Some(b)) = (st(state), look.bloc(bloc)) {
                actions::leave_bloc(world, s, b);
            }
        }
        Effect::ImposeSanctions { bloc, state } => {
            if let (Some(s), Some(b)) = (st(state), look.bloc(bloc)) {
                actions::impose_sanctions(world, b, s);
            }
        }
        Effect::LiftSanctions { bloc, state } => {
            if let (Some(s), Some(b)) = (st(state), look.bloc(bloc)) {
                actions::lift_sanctions(world, b, s);
            }
        }
        Effect::CoupAttempt { state } => {
            if let Some(s) = st(state) {
                world.resource_mut::<CoupsThisTurn>().forced.push(s);
            }
        }
        Effect::SetLeader { state, leader, regime } => {
            if let Some(s) = st(state) {
                actions::set_leader(world, s, leader, *regime);
            }
        }
        Effect::VisitPower { state, power } => {
            if let (Some(s), Some(p)) = (st(state), look.power(power)) {
                let e = reg.state_entity(s);
                let delta = world.resource::<Rules>().diplomacy.visit_alignment;
                actions::change_alignment(world, e, s, p, delta, cause);
            }
        }
        Effect::VisitState { state, other }
        | Effect::JointStatement { state, other }
        | Effect::RecallAmbassador { state, other } => {
            if let (Some(a), Some(b)) = (st(state), st(other)) {
                let r = &world.resource::<Rules>().diplomacy;
                let delta = match effect {
                    Effect::VisitState { .. } => r.visit_relations,
                    Effect::JointStatement { .. } => r.statement_relations,
                    _ => r.recall_ambassador,
                };
                world.resource_mut::<Relations>().add(a, b, delta);
            }
        }
        Effect::Mediate { state, first, second } => {
            if let (Some(m), Some(a), Some(b)) = (st(state), st(first), st(second)) {
                actions::mediate(world, m, a, b);
            }
        }
        Effect::CloseBorder { state, other } => {
            if let (Some(a), Some(b)) = (st(state), st(other)) {
                let penalty = world.resource::<Rules>().diplomacy.close_border;
                world.resource_mut::<Borders>().close(a, b);
                world.resource_mut::<Relations>().add(a, b, penalty);
            }
        }
        Effect::OpenBorder { state, other } => {
            if let (Some(a), Some(b)) = (st(state), st(other)) {
                world.resource_mut::<Borders>().open(a, b);
            }
        }
        Effect::BanGrainExports { state } | Effect::LiftGrainExportBan { state } => {
            if let Some(s) = st(state) {
                actions::set_grain_ban(world, s, matches!(effect, Effect::BanGrainExports { .. }));
            }
        }
        Effect::AdvanceProject { bloc, project } => {
            if let Some(b) = look.bloc(bloc) {
                actions::advance_project(world, b, *project);
            }
        }
        Effect::DiscreditRivals { state, power, delta } => {
            if let (Some(s), Some(p)) = (st(state), look.power(power)) {
                let rivals = agenda(world, reg, p).map(|a| a.rivals.clone()).unwrap_or_default();
                let e = reg.state_entity(s);
                for r in rivals {
                    actions::change_alignment(world, e, s, r, *delta, cause);
                }
            }
        }
        Effect::AdvancePartnership { state, power } => {
            if let (Some(s), Some(p)) = (st(state), look.power(power)) {
                actions::advance_talks(world, s, p);
            }
        }
        Effect::UrgeSanctions { state, other } | Effect::UrgeLifting { state, other } => {
            if let (Some(a), Some(b)) = (st(state), st(other)) {
                actions::urge_sanctions(world, a, b, matches!(effect, Effect::UrgeSanctions { .. }));
            }
        }
        Effect::AskMediation { state, other } | Effect::OfferMediation { state, other } => {
            if let (Some(a), Some(b)) = (st(state), st(other)) {
                let (mediator, first, second) = if matches!(effect, Effect::AskMediation { .. }) {
                    (actions::best_mediator(world, a, b), a, Some(b))
                } else {
                    (Some(a), b, actions::worst_relation(world, b, a))
                };
                if let (Some(m), Some(second)) = (mediator, second) {
                    actions::mediate(world, m, first, second);
                }
            }
        }
        Effect::ProposePact { state, other } => {
            if let (Some(a), Some(b)) = (st(state), st(other)) {
                actions::propose_pact(world, a, b);
            }
        }
        Effect::News(text) => {
            let turn = world.resource::<Ledger>().turn;
            let date = world.resource::<Clock>().date();
            NewsBuilder::new(turn, date, NewsKind::Scripted, text.clone()).post(&mut world.resource_mut::<Chronicle>());
        }
        // Chains are followed by `fire`, which knows the depth.
        Effect::Fire(_) => {}
    }
}
