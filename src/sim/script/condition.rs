//! Conditions compiled from the scenario's text: ids resolved to indices,
//! `$self`/`$target` to binding slots, so that a turn evaluates them
//! without strings or maps.

use bevy::prelude::*;

use super::bindings::{Bindings, BlocRef, PowerRef, StateRef};
use super::context::Ctx;
use crate::scenario::YearMonth;
use crate::scenario::format::{Cmp, Condition, Export, Indicator, PartnershipKind, ProjectKind, RegimeKind, Stage};
use crate::sim::components::{Agenda, Alignment, Economy, Power, Regime};
use crate::sim::registry::Registry;
use crate::sim::rng::{SimRng, Stream};

/// A condition ready to evaluate. The variants mirror
/// [`Condition`]'s; docs/scenarios.md says what each means.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    Date(YearMonth),
    From(YearMonth),
    Before(YearMonth),
    Indicator {
        state: StateRef,
        indicator: Indicator,
        cmp: Cmp,
        value: f64,
    },
    Alignment {
        state: StateRef,
        power: PowerRef,
        cmp: Cmp,
        value: f64,
    },
    Regime {
        state: StateRef,
        kind: RegimeKind,
    },
    Member {
        state: StateRef,
        bloc: BlocRef,
    },
    Sanctioned {
        state: StateRef,
        bloc: Option<BlocRef>,
    },
    Suspended {
        state: StateRef,
        bloc: BlocRef,
    },
    Partnership {
        state: StateRef,
        power: PowerRef,
        kind: Option<PartnershipKind>,
        stage: Option<Stage>,
    },
    Relation {
        state: StateRef,
        other: StateRef,
        cmp: Cmp,
        value: f64,
    },
    Leader {
        state: StateRef,
        leader: Box<str>,
    },
    Elapsed(u32),
    Start,
    Project {
        bloc: BlocRef,
        project: ProjectKind,
    },
    Members {
        bloc: BlocRef,
        cmp: Cmp,
        value: f64,
    },
    Talks {
        state: StateRef,
        power: PowerRef,
    },
    ProjectsOpen {
        bloc: BlocRef,
    },
    Courts {
        power: PowerRef,
        state: StateRef,
    },
    Wants {
        power: PowerRef,
        state: StateRef,
    },
    Exports {
        state: StateRef,
        export: Export,
    },
    TowardRivals {
        state: StateRef,
        power: PowerRef,
        cmp: Cmp,
        value: f64,
    },
    SpareCapacity {
        power: PowerRef,
    },
    Offers {
        power: PowerRef,
        kind: PartnershipKind,
    },
    Conditionality {
        power: PowerRef,
        cmp: Cmp,
        value: f64,
    },
    Chance(f64),
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
}

impl Cond {
    /// Resolves a condition against the game's states, powers and blocs.
    pub fn compile(c: &Condition, reg: &Registry) -> Cond {
        let st = |code: &str| StateRef::compile(code, reg);
        let pw = |code: &str| PowerRef::compile(code, reg);
        let bl = |code: &str| BlocRef::compile(code, reg);
        match c {
            Condition::Date(d) => Cond::Date(*d),
            Condition::From(d) => Cond::From(*d),
            Condition::Before(d) => Cond::Before(*d),
            Condition::Indicator {
                state,
                indicator,
                cmp,
                value,
            } => Cond::Indicator {
                state: st(state),
                indicator: *indicator,
                cmp: *cmp,
                value: *value,
            },
            Condition::Alignment {
                state,
                power,
                cmp,
                value,
            } => Cond::Alignment {
                state: st(state),
                power: pw(power),
                cmp: *cmp,
                value: *value,
            },
            Condition::Regime { state, kind } => Cond::Regime {
                state: st(state),
                kind: *kind,
            },
            Condition::Member { state, bloc } => Cond::Member {
                state: st(state),
                bloc: bl(bloc),
            },
            Condition::Sanctioned { state, bloc } => Cond::Sanctioned {
                state: st(state),
                bloc: bloc.as_deref().map(bl),
            },
            Condition::Suspended { state, bloc } => Cond::Suspended {
                state: st(state),
                bloc: bl(bloc),
            },
            Condition::Partnership {
                state,
                power,
                kind,
                stage,
            } => Cond::Partnership {
                state: st(state),
                power: pw(power),
                kind: *kind,
                stage: *stage,
            },
            Condition::Relation {
                state,
                other,
                cmp,
                value,
            } => Cond::Relation {
                state: st(state),
                other: st(other),
                cmp: *cmp,
                value: *value,
            },
            Condition::Leader { state, leader } => Cond::Leader {
                state: st(state),
                leader: leader.as_str().into(),
            },
            Condition::Elapsed(n) => Cond::Elapsed(*n),
            Condition::Start => Cond::Start,
            Condition::Project { bloc, project } => Cond::Project {
                bloc: bl(bloc),
                project: *project,
            },
            Condition::Members { bloc, cmp, value } => Cond::Members {
                bloc: bl(bloc),
                cmp: *cmp,
                value: *value,
            },
            Condition::Talks { state, power } => Cond::Talks {
                state: st(state),
                power: pw(power),
            },
            Condition::ProjectsOpen { bloc } => Cond::ProjectsOpen { bloc: bl(bloc) },
            Condition::Courts { power, state } => Cond::Courts {
                power: pw(power),
                state: st(state),
            },
            Condition::Wants { power, state } => Cond::Wants {
                power: pw(power),
                state: st(state),
            },
            Condition::Exports { state, export } => Cond::Exports {
                state: st(state),
                export: *export,
            },
            Condition::TowardRivals {
                state,
                power,
                cmp,
                value,
            } => Cond::TowardRivals {
                state: st(state),
                power: pw(power),
                cmp: *cmp,
                value: *value,
            },
            Condition::SpareCapacity { power } => Cond::SpareCapacity { power: pw(power) },
            Condition::Offers { power, kind } => Cond::Offers {
                power: pw(power),
                kind: *kind,
            },
            Condition::Conditionality { power, cmp, value } => Cond::Conditionality {
                power: pw(power),
                cmp: *cmp,
                value: *value,
            },
            Condition::Chance(p) => Cond::Chance(*p),
            Condition::All(list) => Cond::All(list.iter().map(|c| Cond::compile(c, reg)).collect()),
            Condition::Any(list) => Cond::Any(list.iter().map(|c| Cond::compile(c, reg)).collect()),
            Condition::Not(inner) => Cond::Not(Box::new(Cond::compile(inner, reg))),
        }
    }

    /// Whether the condition reads `$target`: a decider weighing a decision
    /// evaluates the others once for all its targets.
    pub fn on_target(&self) -> bool {
        match self {
            Cond::Indicator { state, .. }
            | Cond::Regime { state, .. }
            | Cond::Leader { state, .. }
            | Cond::Exports { state, .. } => state.on_target(),
            Cond::Alignment { state, power, .. }
            | Cond::Partnership { state, power, .. }
            | Cond::Talks { state, power }
            | Cond::Courts { power, state }
            | Cond::Wants { power, state }
            | Cond::TowardRivals { state, power, .. } => state.on_target() || power.on_target(),
            Cond::Member { state, bloc } | Cond::Suspended { state, bloc } => state.on_target() || bloc.on_target(),
            Cond::Sanctioned { state, bloc } => state.on_target() || bloc.as_ref().is_some_and(BlocRef::on_target),
            Cond::Relation { state, other, .. } => state.on_target() || other.on_target(),
            Cond::Project { bloc, .. } | Cond::Members { bloc, .. } | Cond::ProjectsOpen { bloc } => bloc.on_target(),
            Cond::SpareCapacity { power } | Cond::Offers { power, .. } | Cond::Conditionality { power, .. } => {
                power.on_target()
            }
            Cond::All(list) | Cond::Any(list) => list.iter().any(Cond::on_target),
            Cond::Not(inner) => inner.on_target(),
            Cond::Date(_) | Cond::From(_) | Cond::Before(_) | Cond::Elapsed(_) | Cond::Start | Cond::Chance(_) => false,
        }
    }

    /// Evaluates a condition that draws no random numbers (`Chance` is
    /// false here; the validator refuses it where this is used: decisions,
    /// AI weights and goals).
    pub fn holds(&self, cx: &Ctx, bind: &Bindings) -> bool {
        match self {
            Cond::Date(d) => cx.date == *d,
            Cond::From(d) => cx.date >= *d,
            Cond::Before(d) => cx.date < *d,
            Cond::Chance(_) => false,
            Cond::Start => cx.prologue,
            Cond::All(list) => list.iter().all(|c| c.holds(cx, bind)),
            Cond::Any(list) => list.iter().any(|c| c.holds(cx, bind)),
            Cond::Not(inner) => !inner.holds(cx, bind),
            Cond::Indicator {
                state,
                indicator,
                cmp,
                value,
            } => state
                .get(bind)
                .is_some_and(|s| cmp.holds(cx.indicator(s, *indicator), *value)),
            Cond::Alignment {
                state,
                power,
                cmp,
                value,
            } => match (state.get(bind), power.get(bind)) {
                (Some(s), Some(p)) => cx
                    .state::<Alignment>(s)
                    .and_then(|a| a.0.get(p.0 as usize).copied())
                    .is_some_and(|v| cmp.holds(v, *value)),
                _ => false,
            },
            Cond::Regime { state, kind } => state
                .get(bind)
                .is_some_and(|s| cx.state::<Regime>(s).is_some_and(|r| r.kind == *kind)),
            Cond::Member { state, bloc } => match (state.get(bind), bloc.get(bind, cx.reg)) {
                (Some(s), Some(b)) => cx.membership(s, b).is_some(),
                _ => false,
            },
            Cond::Suspended { state, bloc } => match (state.get(bind), bloc.get(bind, cx.reg)) {
                (Some(s), Some(b)) => cx.membership(s, b).is_some_and(|m| m.suspended),
                _ => false,
            },
            Cond::Sanctioned { state, bloc: None } => state.get(bind).is_some_and(|s| cx.sanctioned(s)),
            Cond::Sanctioned {
                state,
                bloc: Some(bloc),
            } => match (state.get(bind), bloc.get(bind, cx.reg)) {
                (Some(s), Some(b)) => cx.bloc(b).is_some_and(|b| b.sanctions(s)),
                _ => false,
            },
            Cond::Talks { state, power } => match (state.get(bind), power.get(bind)) {
                (Some(s), Some(p)) => cx.live_partnerships(s).any(|ps| ps.power == p && ps.stage.is_pending()),
                _ => false,
            },
            Cond::ProjectsOpen { bloc } => bloc
                .get(bind, cx.reg)
                .and_then(|b| cx.bloc(b))
                .is_some_and(|b| b.projects.iter().any(|p| p.progress < 100.0)),
            Cond::Partnership {
                state,
                power,
                kind,
                stage,
            } => match (state.get(bind), power.get(bind)) {
                (Some(s), Some(p)) => cx.live_partnerships(s).any(|ps| {
                    ps.power == p
                        && kind.is_none_or(|k| ps.kind == k)
                        && match stage {
                            // "At this stage or further along the road to force".
                            Some(st) if st.is_pending() || *st == Stage::InForce => {
                                ps.stage >= *st && ps.stage <= Stage::InForce
                            }
                            Some(st) => ps.stage == *st,
                            None => true,
                        }
                }),
                _ => false,
            },
            Cond::Relation {
                state,
                other,
                cmp,
                value,
            } => match (state.get(bind), other.get(bind)) {
                (Some(a), Some(b)) => cmp.holds(cx.relations.get(a, b), *value),
                _ => false,
            },
            Cond::Leader { state, leader } => state
                .get(bind)
                .is_some_and(|s| cx.state::<Regime>(s).is_some_and(|r| *r.leader == **leader)),
            // The turn being resolved is the n-th or later.
            Cond::Elapsed(n) => cx.turn + 1 >= *n,
            Cond::Project { bloc, project } => bloc
                .get(bind, cx.reg)
                .and_then(|b| cx.bloc(b))
                .is_some_and(|b| b.projects.iter().any(|p| p.kind == *project && p.progress >= 100.0)),
            Cond::Courts { power, state } => match (power.get(bind), state.get(bind)) {
                (Some(p), Some(s)) => cx
                    .power::<Agenda>(p)
                    .is_some_and(|a| a.courts.binary_search(&s).is_ok()),
                _ => false,
            },
            Cond::Wants { power, state } => match (power.get(bind), state.get(bind)) {
                (Some(p), Some(s)) => cx.power::<Agenda>(p).is_some_and(|a| {
                    cx.state::<Economy>(s)
                        .is_some_and(|e| e.exports.iter().any(|x| a.wants.contains(x)))
                }),
                _ => false,
            },
            Cond::Exports { state, export } => state
                .get(bind)
                .is_some_and(|s| cx.state::<Economy>(s).is_some_and(|e| e.exports.contains(export))),
            Cond::TowardRivals {
                state,
                power,
                cmp,
                value,
            } => match (state.get(bind), power.get(bind)) {
                (Some(s), Some(p)) => {
                    let standing = cx.state::<Alignment>(s);
                    cx.power::<Agenda>(p)
                        .and_then(|a| {
                            a.rivals
                                .iter()
                                .filter_map(|r| standing.and_then(|x| x.0.get(r.0 as usize).copied()))
                                .reduce(f64::min)
                        })
                        .is_some_and(|v| cmp.holds(v, *value))
                }
                _ => false,
            },
            Cond::SpareCapacity { power } => power
                .get(bind)
                .is_some_and(|p| cx.power::<Power>(p).is_some_and(|pw| cx.security_load(p) < pw.capacity)),
            Cond::Offers { power, kind } => power
                .get(bind)
                .is_some_and(|p| cx.power::<Power>(p).is_some_and(|pw| pw.offers(*kind))),
            Cond::Conditionality { power, cmp, value } => power.get(bind).is_some_and(|p| {
                cx.power::<Power>(p)
                    .is_some_and(|pw| cmp.holds(pw.conditionality, *value))
            }),
            Cond::Members { bloc, cmp, value } => bloc
                .get(bind, cx.reg)
                .is_some_and(|b| cmp.holds(cx.staying_members(b) as f64, *value)),
        }
    }

    /// Evaluates a condition that may draw random numbers (`Chance`, in
    /// scenario events), in the order written: `All` and `Any` stop at the
    /// first that decides, so later chances are not drawn.
    pub fn holds_drawing(&self, world: &mut World, bind: &Bindings) -> bool {
        match self {
            Cond::Chance(p) => world.resource_mut::<SimRng>().chance(Stream::Events, *p),
            Cond::All(list) => list.iter().all(|c| c.holds_drawing(world, bind)),
            Cond::Any(list) => list.iter().any(|c| c.holds_drawing(world, bind)),
            Cond::Not(inner) => !inner.holds_drawing(world, bind),
            leaf => leaf.holds(&Ctx::new(world), bind),
        }
    }

    /// Whether evaluating this can draw a random number.
    pub fn draws(&self) -> bool {
        match self {
            Cond::Chance(_) => true,
            Cond::All(list) | Cond::Any(list) => list.iter().any(Cond::draws),
            Cond::Not(inner) => inner.draws(),
            _ => false,
        }
    }
}
