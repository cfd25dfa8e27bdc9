//! Goals of the playable states: each is judged at the end of every turn,
//! defeat first, and once decided stays decided. Every playable state's
//! goals are judged, played or not, so that observer games and batch runs
//! can say who would have won.

use bevy::prelude::*;
use serde::Serialize;

use crate::scenario::format::{Cmp, Condition, GoalDef};
use crate::sim::schedule::{SetUpPhase, SetUpSteps, TurnPhase, TurnSchedule};
use crate::sim::script::{Bindings, Cond, FactCache, Facts};
use crate::sim::world::chronicle::{Chronicle, NewsBuilder, NewsKind};
use crate::sim::world::players::PlayedBy;
use crate::sim::world::registry::{Clock, Registry};
use crate::sim::world::said::{self, Said};

pub(crate) fn plugin(app: &mut App) {
    crate::sim::world::snapshot::Kept::resource::<GoalBook>(app);
    SetUpSteps::add(app, SetUpPhase::Resources, |world, scenario| {
        let book = GoalBook::new(&scenario.file.goals, world.resource::<Registry>());
        world.insert_resource(book);
    });
    app.add_systems(TurnSchedule, judge_goals.in_set(TurnPhase::Goals));
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    Open,
    Won { turn: u32 },
    Lost { turn: u32 },
}

/// The scenario's goals and how each stands.
#[derive(Debug, Clone, Resource, Default)]
pub struct GoalBook {
    pub defs: Vec<GoalDef>,
    pub status: Vec<GoalStatus>,
    /// Each goal's defeat and victory, compiled.
    judged: Vec<(Cond, Cond)>,
}

impl GoalBook {
    pub fn new(defs: &[GoalDef], reg: &Registry) -> Self {
        Self {
            defs: defs.to_vec(),
            status: vec![GoalStatus::Open; defs.len()],
            judged: defs
                .iter()
                .map(|d| (Cond::compile(&d.defeat, reg), Cond::compile(&d.victory, reg)))
                .collect(),
        }
    }
}

/// A goal as reports and interfaces show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalView {
    pub state: String,
    pub name: String,
    pub description: String,
    pub status: GoalStatus,
}

pub fn goals(world: &World) -> Vec<GoalView> {
    let book = world.resource::<GoalBook>();
    book.defs
        .iter()
        .zip(&book.status)
        .map(|(d, s)| GoalView {
            state: d.state.clone(),
            name: d.name.clone(),
            description: d.description.clone(),
            status: *s,
        })
        .collect()
}

fn judge_goals(world: &mut World, mut facts: Local<FactCache>) {
    let turn = world.resource::<Clock>().turn + 1;
    if world
        .resource::<GoalBook>()
        .status
        .iter()
        .all(|s| *s != GoalStatus::Open)
    {
        return;
    }
    // Goals never draw random numbers (the validator forbids `Chance`),
    // and judging them changes nothing: all are judged on one gathering.
    let facts = facts.gather(world);
    for i in 0..world.resource::<GoalBook>().defs.len() {
        let status = {
            let book = world.resource::<GoalBook>();
            if book.status[i] != GoalStatus::Open {
                continue;
            }
            let (defeat, victory) = &book.judged[i];
            if defeat.holds(facts, &Bindings::NONE) {
                GoalStatus::Lost { turn }
            } else if victory.holds(facts, &Bindings::NONE) {
                GoalStatus::Won { turn }
            } else {
                continue;
            }
        };
        world.resource_mut::<GoalBook>().status[i] = status;
        let def = world.resource::<GoalBook>().defs[i].clone();
        // Only the player hears of goals as news; every goal is in reports.
        let reg = world.resource::<Registry>();
        let Some(s) = reg.state(&def.state) else { continue };
        if !world.resource::<crate::sim::world::players::Humans>().plays(s) {
            continue;
        }
        let (kind, id) = match status {
            GoalStatus::Won { .. } => (NewsKind::GoalReached, "news-goal-reached"),
            _ => (NewsKind::GoalFailed, "news-goal-failed"),
        };
        let text = Said::new(id)
            .state("state", s)
            .with("goal", said::scenario_text(goal_key(i, "name"), &def.name));
        let date = world.resource::<Clock>().date();
        NewsBuilder::new(turn, date, kind, text)
            .state(s)
            .post(&mut world.resource_mut::<Chronicle>());
    }
}

/// Whether the player's state has goals and none is left open.
pub fn player_done(world: &World) -> bool {
    let Some(s) = world.resource::<PlayedBy>().0 else {
        return false;
    };
    let code = world.resource::<Registry>().state_code(s).to_string();
    let book = world.resource::<GoalBook>();
    let mine: Vec<GoalStatus> = book
        .defs
        .iter()
        .zip(&book.status)
        .filter(|(d, _)| d.state == code)
        .map(|(_, st)| *st)
        .collect();
    !mine.is_empty() && mine.iter().all(|st| *st != GoalStatus::Open)
}

/// A goal with where each of its conditions stands now.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalProgress {
    pub name: String,
    pub description: String,
    pub status: GoalStatus,
    /// Each condition of the victory, in words, and whether it holds now.
    pub victory: Vec<(String, bool)>,
    pub defeat: Vec<(String, bool)>,
    /// The player's decisions that move the goal's way ("levers"), by
    /// name, each with what it moves.
    pub levers: Vec<(String, String)>,
}

/// The goals of one state, with their progress.
pub fn progress(world: &World, state: &str) -> Vec<GoalProgress> {
    let book = world.resource::<GoalBook>();
    // Gathered once for every condition shown (the window asks each frame).
    let facts = Facts::of(world);
    book.defs
        .iter()
        .zip(&book.status)
        .filter(|(d, _)| d.state == state)
        .map(|(d, st)| {
            let mut victory = Vec::new();
            let mut defeat = Vec::new();
            leaves(world, &facts, &d.victory, &mut victory);
            leaves(world, &facts, &d.defeat, &mut defeat);
            // What winning needs, and what losing needs not to happen.
            let mut wants = Vec::new();
            wanted(&d.victory, false, &mut wants);
            wanted(&d.defeat, true, &mut wants);
            GoalProgress {
                name: d.name.clone(),
                description: d.description.clone(),
                status: *st,
                victory,
                defeat,
                levers: levers(world, state, &wants),
            }
        })
        .collect()
}

/// The simple conditions inside `c`, each with whether `c` wants it to
/// hold (`true`) or not (`false`, under an odd number of `Not`s; start
/// with `negated` for a condition wanted false, as a defeat is).
fn wanted<'a>(c: &'a Condition, negated: bool, out: &mut Vec<(&'a Condition, bool)>) {
    match c {
        Condition::All(list) | Condition::Any(list) => list.iter().for_each(|x| wanted(x, negated, out)),
        Condition::Not(inner) => wanted(inner, !negated, out),
        leaf => out.push((leaf, !negated)),
    }
}

/// The decisions of the catalogue that move a goal's conditions the way
/// it wants, read from their effects: an indicator raised or lowered as a
/// threshold needs; a leader kept (coup-proofing, army loyalty, stability
/// raised); sanctions lifted; a bloc joined or left; a partnership sought;
/// relations mended or cut. At most eight, in catalogue order.
fn levers(world: &World, state: &str, wants: &[(&Condition, bool)]) -> Vec<(String, String)> {
    use crate::scenario::format::{Decider, Effect, Indicator};
    let book = world.resource::<crate::sim::mechanisms::decisions::DecisionBook>();
    let own = |s: &str| s == "$self" || s == state;
    let mut out: Vec<(String, String)> = Vec::new();
    for def in book.defs.iter().filter(|d| d.by == Decider::Government) {
        let why = def.effects.iter().find_map(|o| {
            wants.iter().find_map(|(c, holds)| match (c, &o.effect) {
                (
                    Condition::Indicator {
                        state: s,
                        indicator,
                        cmp,
                        ..
                    },
                    Effect::Change {
                        state: t,
                        indicator: i,
                        delta,
                    },
                ) if own(s) && own(t) && indicator == i => {
                    let up = matches!(cmp, Cmp::AtLeast | Cmp::Above) == *holds;
                    ((*delta > 0.0) == up).then(|| format!("{} {delta:+}", i.snake().replace('_', " ")))
                }
                (
                    Condition::Leader { state: s, .. },
                    Effect::Change {
                        state: t,
                        indicator: i,
                        delta,
                    },
                ) if *holds
                    && own(s)
                    && own(t)
                    && *delta > 0.0
                    && matches!(
                        i,
                        Indicator::CoupProofing | Indicator::MilitaryLoyalty | Indicator::Stability
                    ) =>
                {
                    Some(format!(
                        "{} {delta:+}: guards against a coup",
                        i.snake().replace('_', " ")
                    ))
                }
                (
                    Condition::Sanctioned { state: s, .. },
                    Effect::UrgeLifting { other: t, .. } | Effect::LiftSanctions { state: t, .. },
                ) if !*holds && own(s) && own(t) => Some("sanctions lifted".into()),
                (Condition::Member { state: s, .. }, Effect::JoinBloc { .. }) if *holds && own(s) => {
                    Some("membership".into())
                }
                (Condition::Member { state: s, .. }, Effect::AnnounceWithdrawal { .. }) if !*holds && own(s) => {
                    Some("withdrawal".into())
                }
                (Condition::Partnership { state: s, kind, .. }, Effect::StartPartnership { kind: k, .. })
                    if *holds && own(s) && kind.is_none_or(|x| x == *k) =>
                {
                    Some(format!("talks on {}", k.label()))
                }
                (
                    Condition::Relation { state: s, cmp, .. },
                    Effect::VisitState { .. } | Effect::JointStatement { .. } | Effect::AskMediation { .. },
                ) if own(s) && (matches!(cmp, Cmp::AtLeast | Cmp::Above) == *holds) => Some("relations improve".into()),
                _ => None,
            })
        });
        if let Some(why) = why
            && !out.iter().any(|(n, _)| *n == def.name)
        {
            out.push((def.name.clone(), why));
        }
    }
    out.truncate(8);
    out
}

/// The simple conditions inside a combination, in words, each with
/// whether it holds (negated ones said as such).
fn leaves(world: &World, facts: &Facts, c: &Condition, out: &mut Vec<(String, bool)>) {
    let mut simple = Vec::new();
    wanted(c, false, &mut simple);
    for (leaf, positive) in simple {
        let holds = Cond::compile(leaf, world.resource::<Registry>()).holds(facts, &Bindings::NONE);
        out.push((
            describe_bound(world, leaf, &Bindings::NONE, !positive),
            holds == positive,
        ));
    }
}

fn cmp_text(cmp: Cmp) -> &'static str {
    match cmp {
        Cmp::Below => "below",
        Cmp::AtMost => "at most",
        Cmp::AtLeast => "at least",
        Cmp::Above => "above",
    }
}

/// A simple condition in words, with the figure it compares where it has one.
pub fn describe(world: &World, c: &Condition) -> String {
    describe_bound(world, c, &Bindings::NONE, false)
}

/// Why `c` fails for `bind` (`$self`, `$target`), in words: what is
/// missing ("Niger–Mali relations at least 20 (now 12)") and what stands
/// in the way ("Niger has a security contractor deployment with Russia").
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Unmet {
    pub missing: Vec<String>,
    pub in_the_way: Vec<String>,
}

impl Unmet {
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.in_the_way.is_empty()
    }

    /// "needs …; not while …".
    pub fn sentence(&self) -> String {
        let mut parts = Vec::new();
        if !self.missing.is_empty() {
            parts.push(format!("needs {}", self.missing.join(" and ")));
        }
        if !self.in_the_way.is_empty() {
            parts.push(format!("not while {}", self.in_the_way.join(" or ")));
        }
        parts.join("; ")
    }
}

pub fn unmet(world: &World, facts: &Facts, c: &Condition, bind: &Bindings) -> Unmet {
    let mut out = Unmet::default();
    unmet_into(world, facts, c, bind, false, &mut out);
    out
}

fn unmet_into(world: &World, facts: &Facts, c: &Condition, bind: &Bindings, negated: bool, out: &mut Unmet) {
    let holds = |c: &Condition| Cond::compile(c, world.resource::<Registry>()).holds(facts, bind);
    match c {
        // Every part is needed (under a negation, Any plays All's part).
        Condition::All(list) if !negated => list.iter().for_each(|x| unmet_into(world, facts, x, bind, false, out)),
        Condition::Any(list) if negated => list.iter().for_each(|x| unmet_into(world, facts, x, bind, true, out)),
        // One part would do: name the first that fails.
        Condition::All(list) | Condition::Any(list) => {
            if let Some(x) = list.iter().find(|x| holds(x) == negated) {
                unmet_into(world, facts, x, bind, negated, out);
            }
        }
        Condition::Not(inner) => unmet_into(world, facts, inner, bind, !negated, out),
        leaf => {
            if holds(leaf) == negated {
                // What must not hold is said as what does.
                let text = describe_bound(world, leaf, bind, false);
                if negated {
                    out.in_the_way.push(text);
                } else {
                    out.missing.push(text);
                }
            }
        }
    }
}

/// A simple condition in words (`negated`: what must not hold), with
/// `$self` and `$target` standing for what `bind` says and the figure it
/// compares where it has one: "Burkina Faso–Mali relations at least 20
/// (now 12)", "Niger no longer under ECOWAS sanctions".
pub fn describe_bound(world: &World, c: &Condition, bind: &Bindings, negated: bool) -> String {
    use crate::sim::script::{Target, Who};
    let reg = world.resource::<Registry>();
    let code = |x: &str| -> String {
        let t = match x {
            "$self" => bind.me.map(|w| match w {
                Who::State(s) => Target::State(s),
                Who::Power(p) => Target::Power(p),
            }),
            "$target" => bind.target,
            _ => None,
        };
        t.map_or_else(
            || x.to_string(),
            |t| crate::sim::mechanisms::decisions::target_code(reg, t),
        )
    };
    let name = |x: &str| {
        let c = code(x);
        reg.state(&c).map_or(c, |s| reg.state_name(s).to_string())
    };
    let power = |x: &str| {
        let c = code(x);
        reg.power(&c).map_or(c, |p| reg.power_name(p).to_string())
    };
    let bloc = |x: &str| {
        let c = code(x);
        reg.bloc(&c).map_or(c, |b| reg.bloc_name(b).to_string())
    };
    let state = |x: &str| reg.state(&code(x));
    // "is" or "is not", for the conditions that read as a plain fact.
    let is = if negated { "not " } else { "" };
    let plain = match c {
        Condition::Leader { state: s, leader } => Some(if negated {
            format!("{leader} no longer leads {}", name(s))
        } else {
            format!("{leader} leads {}", name(s))
        }),
        Condition::Member { state: s, bloc: b } => Some(format!("{} {is}in the {}", name(s), bloc(b))),
        Condition::Suspended { state: s, bloc: b } => Some(format!("{} {is}suspended from the {}", name(s), bloc(b))),
        Condition::Sanctioned {
            state: s,
            bloc: Some(b),
        } => Some(format!("{} {is}under {} sanctions", name(s), short(reg, &code(b)))),
        Condition::Sanctioned { state: s, bloc: None } => Some(format!("{} {is}under sanctions", name(s))),
        Condition::Talks { state: s, power: p } => Some(format!("{} {is}in talks with {}", name(s), power(p))),
        Condition::Regime { state: s, kind } => Some(format!(
            "{} {is}{}",
            name(s),
            match kind {
                crate::scenario::format::RegimeKind::Civilian => "under an elected government",
                crate::scenario::format::RegimeKind::MilitaryJunta => "ruled by a military junta",
                crate::scenario::format::RegimeKind::Transitional => "under a transitional government",
            }
        )),
        Condition::Partnership {
            state: s,
            power: p,
            kind,
            ..
        } => {
            let has = if negated { "has no" } else { "has a" };
            Some(match kind {
                Some(k) => format!("{} {has} {} with {}", name(s), k.label(), power(p)),
                None => format!("{} {has} partnership with {}", name(s), power(p)),
            })
        }
        Condition::Offers { power: p, kind } => Some(format!(
            "{} {}offers {} {}",
            power(p),
            if negated { "no longer " } else { "" },
            crate::sim::world::actions::article(kind.label()),
            kind.label()
        )),
        Condition::Exports { state: s, export } => Some(format!(
            "{} {}exports {}",
            name(s),
            if negated { "no longer " } else { "" },
            export.name().to_lowercase()
        )),
        _ => None,
    };
    if let Some(text) = plain {
        return text;
    }
    let text = match c {
        Condition::Indicator {
            state: s,
            indicator,
            cmp,
            value,
        } => {
            let now = state(s)
                .map(|s| crate::sim::world::components::read_indicator(world.entity(reg.state_entity(s)), *indicator))
                .unwrap_or(0.0);
            format!(
                "{}'s {} {} {value} (now {now:.0})",
                name(s),
                indicator.snake().replace('_', " "),
                cmp_text(*cmp)
            )
        }
        Condition::Elapsed(n) => format!("{n} months played (now {})", world.resource::<Clock>().turn),
        Condition::ProjectsOpen { bloc: b } => format!("the {} has projects under way", bloc(b)),
        Condition::Courts { power: p, state: s } => format!("{} courts {}", power(p), name(s)),
        Condition::Wants { power: p, state: s } => format!("{} seeks {}'s exports", power(p), name(s)),
        Condition::TowardRivals {
            state: s,
            power: p,
            cmp,
            value,
        } => format!(
            "{}'s standing toward {}'s rivals {} {value}",
            name(s),
            power(p),
            cmp_text(*cmp)
        ),
        Condition::SpareCapacity { power: p } => format!("{} has forces to spare", power(p)),
        Condition::Conditionality { power: p, cmp, value } => {
            format!("{}'s conditionality {} {value}", power(p), cmp_text(*cmp))
        }
        Condition::Relation {
            state: s,
            other,
            cmp,
            value,
        } => {
            let now = match (state(s), state(other)) {
                (Some(a), Some(b)) => world.resource::<crate::sim::world::relations::Relations>().get(a, b),
                _ => 0.0,
            };
            format!(
                "{}–{} relations {} {value} (now {now:.0})",
                name(s),
                name(other),
                cmp_text(*cmp)
            )
        }
        Condition::Members { bloc: b, cmp, value } => format!("the {} has {} {value} members", bloc(b), cmp_text(*cmp)),
        Condition::Project { bloc: b, project } => format!("the {}'s {} complete", bloc(b), project.label()),
        Condition::Alignment {
            state: s,
            power: p,
            cmp,
            value,
        } => {
            let now = match (state(s), reg.power(&code(p))) {
                (Some(s), Some(p)) => world
                    .get::<crate::sim::world::components::Alignment>(reg.state_entity(s))
                    .and_then(|a| a.0.get(p.0 as usize).copied())
                    .unwrap_or(0.0),
                _ => 0.0,
            };
            format!(
                "{}'s standing toward {} {} {value} (now {now:.0})",
                name(s),
                power(p),
                cmp_text(*cmp)
            )
        }
        Condition::Start => "at the start".into(),
        Condition::Date(d) => format!("in {}", d.long()),
        Condition::From(d) => format!("from {}", d.long()),
        Condition::Before(d) => format!("before {}", d.long()),
        Condition::Chance(p) => format!("{:.0} % chance", p * 100.0),
        _ => "a combination".into(),
    };
    if negated { format!("not: {text}") } else { text }
}

/// A bloc's short name for running text: its id for the well-known
/// acronyms (ECOWAS, UEMOA), its name otherwise.
fn short(reg: &Registry, code: &str) -> String {
    match reg.bloc(code) {
        Some(_) if code.len() <= 8 && code.chars().all(|c| c.is_ascii_uppercase()) => code.to_string(),
        Some(b) => reg.bloc_name(b).to_string(),
        None => code.to_string(),
    }
}

/// The key of a goal's text in a scenario's translations: `goal-N-name`,
/// `goal-N-description`, N counting the scenario's goals from 0.
pub fn goal_key(index: usize, part: &str) -> String {
    format!("goal-{index}-{part}")
}
