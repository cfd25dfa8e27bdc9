//! Conditions compiled from the scenario's text: ids resolved to indices,
//! `$self`/`$target` to binding slots, so that a turn evaluates them
//! without strings or maps.

use super::bindings::{Bindings, BlocRef, PowerRef, StateRef, Target, Who};
use super::facts::{Facts, MEMBER, SANCTIONED, SUSPENDED, export_bit};
use crate::scenario::YearMonth;
use crate::scenario::format::{Cmp, Condition, Indicator, PartnershipKind, ProjectKind, RegimeKind, Stage};
use crate::sim::world::components::{CommodityIdx, Partnership};
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

/// Whether a partnership is of the kind and at the stage a `Partnership`
/// condition asks for (its state and power aside).
#[inline]
fn partnership_matches(ps: &Partnership, kind: Option<PartnershipKind>, stage: Option<Stage>) -> bool {
    kind.is_none_or(|k| ps.kind == k)
        && match stage {
            // "At this stage or further along the road to force".
            Some(st) if st.is_pending() || st == Stage::InForce => ps.stage >= st && ps.stage <= Stage::InForce,
            Some(st) => ps.stage == st,
            None => true,
        }
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
            // The decider's partnerships with each power, and each state's
            // with the deciding power: the catalogues' commonest test of a
            // deal, read from the partnerships grouped by state.
            Cond::Partnership {
                state: StateRef::Me,
                power: PowerRef::Target,
                kind,
                stage,
            } => match me.state() {
                Some(s) => {
                    let live = f.live_partnerships(s);
                    for (o, t) in out.iter_mut().zip(targets) {
                        *o = matches!(t, Some(Target::Power(p))
                            if live.iter().any(|ps| ps.power == *p && partnership_matches(ps, *kind, *stage)));
                    }
                }
                None => out.fill(false),
            },
            Cond::Partnership {
                state: StateRef::Target,
                power: PowerRef::Me,
                kind,
                stage,
            } => match me {
                Who::Power(p) => {
                    for (o, t) in out.iter_mut().zip(targets) {
                        *o = matches!(t, Some(Target::State(s))
                            if f.live_partnerships(*s).iter().any(|ps| ps.power == p && partnership_matches(ps, *kind, *stage)));
                    }
                }
                Who::State(_) => out.fill(false),
            },
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
                (Some(s), Some(p)) => f
                    .live_partnerships(s)
                    .iter()
                    .any(|ps| ps.power == p && partnership_matches(ps, *kind, *stage)),
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
    use crate::sim::world::components::{BlocIdx, Power, PowerIdx, StateIdx};

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

    /// A small world with some of everything, values chosen so that most
    /// conditions hold for some targets and not for others.
    fn world() -> Facts {
        let (n, p, nb) = (70, 3, 2);
        let mut f = Facts::default();
        (f.states, f.powers, f.blocs) = (n, p, nb);
        for s in 0..n {
            let mut ind = [0.0; 9];
            for (k, v) in ind.iter_mut().enumerate() {
                *v = ((s * 37 + k * 11) % 100) as f64;
            }
            f.indicators.push(ind);
            f.regime.push(if s % 3 == 0 {
                RegimeKind::MilitaryJunta
            } else {
                RegimeKind::Civilian
            });
            f.leader.push(format!("L{s}"));
            f.exports.push(1 << (s % 4));
            f.sanctioned.push(s % 5 == 0);
            for k in 0..p {
                f.alignment.push(if (s + k) % 7 == 0 {
                    f64::NAN
                } else {
                    ((s * 13 + k * 29) % 200) as f64 - 100.0
                });
            }
            for b in 0..nb {
                let mut t = 0;
                if (s + b) % 2 == 0 {
                    t |= MEMBER;
                }
                if s % 6 == b {
                    t |= SUSPENDED;
                }
                if s % 5 == 0 {
                    t |= SANCTIONED;
                }
                f.ties.push(t);
            }
        }
        for a in 0..n {
            for b in 0..n {
                f.relations.push(((a * 7 + b * 7 + a * b) % 200) as f64 - 100.0);
            }
        }
        // Partnerships of every fourth state, grouped by state.
        f.part_of.push(0);
        for s in 0..n {
            if s % 4 == 0 {
                for k in 0..p {
                    f.partnerships.push(Partnership {
                        state: StateIdx(s as u16),
                        power: PowerIdx(k as u8),
                        kind: if k == 0 {
                            PartnershipKind::TrainingEquipment
                        } else {
                            PartnershipKind::Base
                        },
                        stage: [Stage::InForce, Stage::Drafted, Stage::Suspended][(s / 4 + k) % 3],
                        stage_since: f.date,
                        offered: false,
                    });
                }
            }
            f.part_of.push(f.partnerships.len() as u32);
        }
        f.live = vec![true; nb];
        f.bloc_codes = (0..nb).map(|b| format!("B{b}")).collect();
        f.projects_open = vec![true, false];
        f.projects_done = vec![0, 1];
        f.staying = vec![3, 0];
        f.power = (0..p)
            .map(|k| {
                Some(Power {
                    idx: PowerIdx(k as u8),
                    capacity: k as u32 + 1,
                    conditionality: k as f64 * 0.4,
                    offers: 0b101 << k,
                })
            })
            .collect();
        f.has_agenda = vec![true, false, true];
        f.wants = vec![1, 2, 0];
        f.courts = (0..p * n).map(|i| i % 3 == 0).collect();
        f.rivals = vec![PowerIdx(1), PowerIdx(0)];
        f.rivals_of = vec![0, 1, 1, 2];
        f.security_load = vec![0, 5, 1];
        f
    }

    fn conditions() -> Vec<Cond> {
        let st = [StateRef::Me, StateRef::Target, StateRef::Fixed(StateIdx(4))];
        let pw = [PowerRef::Me, PowerRef::Target, PowerRef::Fixed(PowerIdx(1))];
        let bl = [BlocRef::Target, BlocRef::Fixed(BlocIdx(1))];
        let mut out = Vec::new();
        for &s in &st {
            out.push(Cond::Indicator {
                state: s,
                indicator: Indicator::Stability,
                cmp: Cmp::Above,
                value: 40.0,
            });
            out.push(Cond::Regime {
                state: s,
                kind: RegimeKind::MilitaryJunta,
            });
            out.push(Cond::Sanctioned { state: s, bloc: None });
            out.push(Cond::Exports {
                state: s,
                export: Some(CommodityIdx(1)),
            });
            for &o in &st {
                out.push(Cond::Relation {
                    state: s,
                    other: o,
                    cmp: Cmp::Below,
                    value: -10.0,
                });
            }
            for &p in &pw {
                out.push(Cond::Alignment {
                    state: s,
                    power: p,
                    cmp: Cmp::AtLeast,
                    value: 0.0,
                });
                out.push(Cond::Partnership {
                    state: s,
                    power: p,
                    kind: Some(PartnershipKind::TrainingEquipment),
                    stage: None,
                });
                for stage in [Stage::InForce, Stage::Proposed, Stage::Suspended] {
                    out.push(Cond::Partnership {
                        state: s,
                        power: p,
                        kind: None,
                        stage: Some(stage),
                    });
                }
                out.push(Cond::Talks { state: s, power: p });
                out.push(Cond::Courts { power: p, state: s });
                out.push(Cond::Wants { power: p, state: s });
                out.push(Cond::TowardRivals {
                    state: s,
                    power: p,
                    cmp: Cmp::Below,
                    value: 10.0,
                });
            }
            for b in &bl {
                out.push(Cond::Member {
                    state: s,
                    bloc: b.clone(),
                });
                out.push(Cond::Suspended {
                    state: s,
                    bloc: b.clone(),
                });
                out.push(Cond::Sanctioned {
                    state: s,
                    bloc: Some(b.clone()),
                });
            }
        }
        for &p in &pw {
            out.push(Cond::SpareCapacity { power: p });
            out.push(Cond::Conditionality {
                power: p,
                cmp: Cmp::Below,
                value: 0.5,
            });
        }
        for b in &bl {
            out.push(Cond::Members {
                bloc: b.clone(),
                cmp: Cmp::AtLeast,
                value: 2.0,
            });
            out.push(Cond::ProjectsOpen { bloc: b.clone() });
        }
        out.push(Cond::Chance(0.5));
        out.push(Cond::Elapsed(0));
        // Combinations of neighbours in the list, nested.
        let leaves = out.clone();
        for (k, w) in leaves.windows(3).enumerate() {
            out.push(match k % 3 {
                0 => Cond::All(w.to_vec()),
                1 => Cond::Any(w.to_vec()),
                _ => Cond::Not(Box::new(Cond::Any(vec![
                    Cond::All(w[..2].to_vec()),
                    Cond::Not(Box::new(w[2].clone())),
                ]))),
            });
        }
        out
    }

    #[test]
    fn judged_for_every_target_at_once_is_judged_target_by_target() {
        let f = world();
        let deciders = [
            Who::State(StateIdx(0)),
            Who::State(StateIdx(4)),
            Who::Power(PowerIdx(2)),
        ];
        // Targets of every kind, as deciders list them, and a decision about nothing.
        let lists: Vec<Vec<Option<Target>>> = vec![
            (0..f.states).map(|s| Some(Target::State(StateIdx(s as u16)))).collect(),
            (0..f.states)
                .step_by(3)
                .map(|s| Some(Target::State(StateIdx(s as u16))))
                .collect(),
            (0..f.powers).map(|p| Some(Target::Power(PowerIdx(p as u8)))).collect(),
            (0..f.blocs).map(|b| Some(Target::Bloc(BlocIdx(b as u16)))).collect(),
            vec![None],
        ];
        let mut pool = Vec::new();
        let mut checked = 0;
        for c in conditions() {
            for me in deciders {
                for targets in &lists {
                    let mut out = vec![false; targets.len()];
                    c.holds_each(&f, me, targets, &mut out, &mut pool);
                    for (t, got) in targets.iter().zip(&out) {
                        let expect = c.holds(&f, &Bindings::new(me, *t));
                        assert_eq!(*got, expect, "{c:?} by {me:?} about {t:?}");
                        checked += usize::from(expect);
                    }
                }
            }
        }
        // Not vacuous: many hold.
        assert!(checked > 1000, "{checked}");
    }
}
