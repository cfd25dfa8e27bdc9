//! Conditions compiled from the scenario's text: ids resolved to indices,
//! `$self`/`$target` to binding slots, so that a turn evaluates them
//! without strings or maps.

use super::bindings::{Bindings, BlocRef, PowerRef, StateRef, Target, Who};
use super::facts::{Facts, MEMBER, SANCTIONED, SUSPENDED, export_bit};
use crate::scenario::YearMonth;
use crate::scenario::format::{Cmp, Condition, Indicator, PartnershipKind, ProjectKind, RegimeKind, Stage};
use crate::sim::world::components::CommodityIdx;
use crate::sim::world::registry::Registry;

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
        /// `None`: a commodity the scenario does not know (never holds).
        export: Option<CommodityIdx>,
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
                export: reg.commodity(export.name()),
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
    pub fn holds(&self, f: &Facts, bind: &Bindings) -> bool {
        match self {
            Cond::Date(d) => f.date == *d,
            Cond::From(d) => f.date >= *d,
            Cond::Before(d) => f.date < *d,
            Cond::Chance(_) => false,
            Cond::Start => f.prologue,
            Cond::All(list) => list.iter().all(|c| c.holds(f, bind)),
            Cond::Any(list) => list.iter().any(|c| c.holds(f, bind)),
            Cond::Not(inner) => !inner.holds(f, bind),
            leaf => leaf.leaf(f, bind),
        }
    }

    /// Evaluates a condition that may draw random numbers (`Chance`, in
    /// scenario events), in the order written: `All` and `Any` stop at the
    /// first that decides, so later chances are not drawn. `draw(p)` is
    /// true with probability `p`.
    pub fn holds_drawing(&self, f: &Facts, bind: &Bindings, draw: &mut dyn FnMut(f64) -> bool) -> bool {
        match self {
            Cond::Chance(p) => draw(*p),
            Cond::All(list) => list.iter().all(|c| c.holds_drawing(f, bind, draw)),
            Cond::Any(list) => list.iter().any(|c| c.holds_drawing(f, bind, draw)),
            Cond::Not(inner) => !inner.holds_drawing(f, bind, draw),
            leaf => leaf.holds(f, bind),
        }
    }

    /// Evaluates the condition (drawing nothing, as [`Cond::holds`]) for a
    /// decider `me` about each of `targets` at once, into `out`: the
    /// computer weighing a decision about every state judges each
    /// condition once for all of them, not once per target. `pool` lends
    /// buffers for combinations, so that nothing is allocated once warm.
    pub fn holds_each(
        &self,
        f: &Facts,
        me: Who,
        targets: &[Option<Target>],
        out: &mut [bool],
        pool: &mut Vec<Vec<bool>>,
    ) {
        match self {
            Cond::All(list) | Cond::Any(list) => {
                let all = matches!(self, Cond::All(_));
                out.fill(all);
                let mut part = pool.pop().unwrap_or_default();
                part.clear();
                part.resize(out.len(), false);
                for c in list {
                    c.holds_each(f, me, targets, &mut part, pool);
                    // Settled for every target (nothing is drawn here):
                    // the rest need not be judged.
                    let mut open = false;
                    for (o, p) in out.iter_mut().zip(&part) {
                        if all {
                            *o &= *p;
                            open |= *o;
                        } else {
                            *o |= *p;
                            open |= !*o;
                        }
                    }
                    if !open {
                        break;
                    }
                }
                pool.push(part);
            }
            Cond::Not(inner) => {
                inner.holds_each(f, me, targets, out, pool);
                for o in out.iter_mut() {
                    *o = !*o;
                }
            }
            c if !c.on_target() => {
                let v = c.holds(f, &Bindings::new(me, targets.first().copied().flatten()));
                out.fill(v);
            }
            // The decider's standing or relations toward each target, and
            // each target's regime: most of what the catalogues weigh,
            // read straight from the arrays.
            Cond::Relation {
                state: StateRef::Me,
                other: StateRef::Target,
                cmp,
                value,
            } => match me.state() {
                Some(a) => {
                    let row = f.relation_row(a);
                    for (o, t) in out.iter_mut().zip(targets) {
                        *o = matches!(t, Some(Target::State(b)) if cmp.holds(row[b.0 as usize], *value));
                    }
                }
                None => out.fill(false),
            },
            Cond::Alignment {
                state: StateRef::Me,
                power: PowerRef::Target,
                cmp,
                value,
            } => match me.state() {
                Some(s) => {
                    let row = f.alignment_row(s);
                    for (o, t) in out.iter_mut().zip(targets) {
                        *o = matches!(t, Some(Target::Power(p)) if cmp.holds(row[p.0 as usize], *value));
                    }
                }
                None => out.fill(false),
            },
            Cond::Alignment {
                state: StateRef::Target,
                power: PowerRef::Me,
                cmp,
                value,
            } => match me {
                Who::Power(p) => {
                    for (o, t) in out.iter_mut().zip(targets) {
                        *o = matches!(t, Some(Target::State(s)) if cmp.holds(f.alignment(*s, p), *value));
                    }
                }
                Who::State(_) => out.fill(false),
            },
            Cond::Regime {
                state: StateRef::Target,
                kind,
            } => {
                for (o, t) in out.iter_mut().zip(targets) {
                    *o = matches!(t, Some(Target::State(s)) if f.regime[s.0 as usize] == *kind);
                }
            }
            leaf => {
                for (o, t) in out.iter_mut().zip(targets) {
                    *o = leaf.leaf(f, &Bindings::new(me, *t));
                }
            }
        }
    }

    /// A condition that is not a combination.
    #[inline(always)]
    fn leaf(&self, f: &Facts, bind: &Bindings) -> bool {
        match self {
            Cond::Indicator {
                state,
                indicator,
                cmp,
                value,
            } => state
                .get(bind)
                .is_some_and(|s| cmp.holds(f.indicator(s, *indicator), *value)),
            Cond::Alignment {
                state,
                power,
                cmp,
                value,
            } => match (state.get(bind), power.get(bind)) {
                // NaN (no standing recorded) compares false either way.
                (Some(s), Some(p)) => cmp.holds(f.alignment(s, p), *value),
                _ => false,
            },
            Cond::Regime { state, kind } => state.get(bind).is_some_and(|s| f.regime[s.0 as usize] == *kind),
            Cond::Member { state, bloc } => match (state.get(bind), bloc.get(bind, f)) {
                (Some(s), Some(b)) => f.tie(s, b) & MEMBER != 0,
                _ => false,
            },
            Cond::Suspended { state, bloc } => match (state.get(bind), bloc.get(bind, f)) {
                (Some(s), Some(b)) => f.tie(s, b) & SUSPENDED != 0,
                _ => false,
            },
            Cond::Sanctioned { state, bloc: None } => state.get(bind).is_some_and(|s| f.sanctioned[s.0 as usize]),
            Cond::Sanctioned {
                state,
                bloc: Some(bloc),
            } => match (state.get(bind), bloc.get(bind, f)) {
                (Some(s), Some(b)) => f.tie(s, b) & SANCTIONED != 0,
                _ => false,
            },
            Cond::Talks { state, power } => match (state.get(bind), power.get(bind)) {
                (Some(s), Some(p)) => f
                    .live_partnerships(s)
                    .iter()
                    .any(|ps| ps.power == p && ps.stage.is_pending()),
                _ => false,
            },
            Cond::ProjectsOpen { bloc } => bloc
                .get(bind, f)
                .is_some_and(|b| f.projects_open.get(b.0 as usize).copied().unwrap_or(false)),
            Cond::Partnership {
                state,
                power,
                kind,
                stage,
            } => match (state.get(bind), power.get(bind)) {
                (Some(s), Some(p)) => f.live_partnerships(s).iter().any(|ps| {
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
                (Some(a), Some(b)) => cmp.holds(f.relation(a, b), *value),
                _ => false,
            },
            Cond::Leader { state, leader } => state.get(bind).is_some_and(|s| *f.leader[s.0 as usize] == **leader),
            // The turn being resolved is the n-th or later.
            Cond::Elapsed(n) => f.turn + 1 >= *n,
            Cond::Project { bloc, project } => bloc.get(bind, f).is_some_and(|b| {
                f.projects_done
                    .get(b.0 as usize)
                    .is_some_and(|done| done & (1 << (*project as u32)) != 0)
            }),
            Cond::Courts { power, state } => match (power.get(bind), state.get(bind)) {
                (Some(p), Some(s)) => f.courts[p.0 as usize * f.states + s.0 as usize],
                _ => false,
            },
            Cond::Wants { power, state } => match (power.get(bind), state.get(bind)) {
                (Some(p), Some(s)) => f.wants[p.0 as usize] & f.exports[s.0 as usize] != 0,
                _ => false,
            },
            Cond::Exports { state, export } => state
                .get(bind)
                .is_some_and(|s| export.is_some_and(|x| f.exports[s.0 as usize] & export_bit(x) != 0)),
            Cond::TowardRivals {
                state,
                power,
                cmp,
                value,
            } => match (state.get(bind), power.get(bind)) {
                (Some(s), Some(p)) if f.has_agenda[p.0 as usize] => f
                    .rivals(p)
                    .iter()
                    .map(|r| f.alignment(s, *r))
                    .filter(|v| !v.is_nan())
                    .reduce(f64::min)
                    .is_some_and(|v| cmp.holds(v, *value)),
                _ => false,
            },
            Cond::SpareCapacity { power } => power
                .get(bind)
                .is_some_and(|p| f.power[p.0 as usize].is_some_and(|pw| f.security_load[p.0 as usize] < pw.capacity)),
            Cond::Offers { power, kind } => power
                .get(bind)
                .is_some_and(|p| f.power[p.0 as usize].is_some_and(|pw| pw.offers(*kind))),
            Cond::Conditionality { power, cmp, value } => power
                .get(bind)
                .is_some_and(|p| f.power[p.0 as usize].is_some_and(|pw| cmp.holds(pw.conditionality, *value))),
            Cond::Members { bloc, cmp, value } => bloc.get(bind, f).is_some_and(|b| {
                let staying = if f.live.get(b.0 as usize).copied().unwrap_or(false) {
                    f.staying[b.0 as usize]
                } else {
                    0
                };
                cmp.holds(staying as f64, *value)
            }),
            Cond::Date(_)
            | Cond::From(_)
            | Cond::Before(_)
            | Cond::Start
            | Cond::Chance(_)
            | Cond::All(_)
            | Cond::Any(_)
            | Cond::Not(_) => self.holds(f, bind),
        }
    }

    /// What the calendar alone settles of the condition, evaluated as
    /// [`Cond::holds_drawing`] evaluates it: `Some` only if that evaluation
    /// reaches its answer from dates and turns, before any chance is drawn
    /// or any other fact read. An event so settled false in a month is not
    /// judged at all (the world need not be gathered for it) and its luck
    /// is not drawn, exactly as if it had been judged.
    pub fn settled_by_calendar(&self, f: &Facts) -> Option<bool> {
        match self {
            Cond::Date(d) => Some(f.date == *d),
            Cond::From(d) => Some(f.date >= *d),
            Cond::Before(d) => Some(f.date < *d),
            Cond::Elapsed(n) => Some(f.turn + 1 >= *n),
            Cond::Start => Some(f.prologue),
            Cond::All(list) => {
                for c in list {
                    if !c.settled_by_calendar(f)? {
                        return Some(false);
                    }
                }
                Some(true)
            }
            Cond::Any(list) => {
                for c in list {
                    if c.settled_by_calendar(f)? {
                        return Some(true);
                    }
                }
                Some(false)
            }
            Cond::Not(inner) => inner.settled_by_calendar(f).map(|v| !v),
            _ => None,
        }
    }

    /// Whether it reads nothing but the calendar (and chance).
    pub fn calendar_only(&self) -> bool {
        match self {
            Cond::Date(_) | Cond::From(_) | Cond::Before(_) | Cond::Elapsed(_) | Cond::Start | Cond::Chance(_) => true,
            Cond::All(list) | Cond::Any(list) => list.iter().all(Cond::calendar_only),
            Cond::Not(inner) => inner.calendar_only(),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_month(year: i32, month: u8) -> Facts {
        let mut f = Facts::default();
        f.date = YearMonth::new(year, month);
        f
    }

    #[test]
    fn the_calendar_settles_only_what_is_judged_before_any_draw_or_fact() {
        let f = in_month(2024, 5);
        let may = Cond::Date(YearMonth::new(2024, 5));
        let june = Cond::Date(YearMonth::new(2024, 6));
        let chance = Cond::Chance(0.5);
        let fact = Cond::Regime {
            state: StateRef::Me,
            kind: RegimeKind::Civilian,
        };
        assert_eq!(june.settled_by_calendar(&f), Some(false));
        // Another month, judged first: nothing is drawn or read.
        assert_eq!(
            Cond::All(vec![june.clone(), chance.clone()]).settled_by_calendar(&f),
            Some(false)
        );
        assert_eq!(
            Cond::All(vec![june.clone(), fact.clone()]).settled_by_calendar(&f),
            Some(false)
        );
        // A chance judged first is drawn whatever the month: not settled.
        assert_eq!(
            Cond::All(vec![chance.clone(), june.clone()]).settled_by_calendar(&f),
            None
        );
        // The right month leaves the rest to judge.
        assert_eq!(Cond::All(vec![may.clone(), fact.clone()]).settled_by_calendar(&f), None);
        assert_eq!(
            Cond::Any(vec![may.clone(), chance.clone()]).settled_by_calendar(&f),
            Some(true)
        );
        assert_eq!(
            Cond::Any(vec![june.clone(), may.clone()]).settled_by_calendar(&f),
            Some(true)
        );
        assert_eq!(Cond::Any(vec![june.clone(), fact]).settled_by_calendar(&f), None);
        assert_eq!(Cond::Not(Box::new(june)).settled_by_calendar(&f), Some(true));
        assert_eq!(chance.settled_by_calendar(&f), None);
    }
}
