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
        let (kind, verdict) = match status {
            GoalStatus::Won { .. } => (NewsKind::GoalReached, "reached"),
            _ => (NewsKind::GoalFailed, "failed"),
        };
        let text = format!("{}: goal {verdict}: {}.", reg.state_name(s), def.name);
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
            leaves(world, &facts, &d.victory, false, &mut victory);
            leaves(world, &facts, &d.defeat, false, &mut defeat);
            GoalProgress {
                name: d.name.clone(),
                description: d.description.clone(),
                status: *st,
                victory,
                defeat,
            }
        })
        .collect()
}

/// The simple conditions inside a combination, in words, each with
/// whether it holds (negated ones said as such).
fn leaves(world: &World, facts: &Facts, c: &Condition, negated: bool, out: &mut Vec<(String, bool)>) {
    match c {
        Condition::All(list) | Condition::Any(list) => {
            for inner in list {
                leaves(world, facts, inner, negated, out);
            }
        }
        Condition::Not(inner) => leaves(world, facts, inner, !negated, out),
        leaf => {
            let holds = Cond::compile(leaf, world.resource::<Registry>()).holds(facts, &Bindings::NONE);
            let text = describe(world, leaf);
            if negated {
                out.push((format!("not: {text}"), !holds));
            } else {
                out.push((text, holds));
            }
        }
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
    let reg = world.resource::<Registry>();
    let name = |code: &str| {
        reg.state(code)
            .map(|s| reg.state_name(s).to_string())
            .unwrap_or_else(|| code.to_string())
    };
    match c {
        Condition::Indicator {
            state,
            indicator,
            cmp,
            value,
        } => {
            let now = reg
                .state(state)
                .map(|s| crate::sim::world::components::read_indicator(world.entity(reg.state_entity(s)), *indicator))
                .unwrap_or(0.0);
            format!(
                "{} {} {} {value} (now {now:.0})",
                name(state),
                indicator.snake().replace('_', " "),
                cmp_text(*cmp)
            )
        }
        Condition::Leader { state, leader } => format!("{leader} leads {}", name(state)),
        Condition::Elapsed(n) => format!("{n} months played (now {})", world.resource::<Clock>().turn),
        Condition::Member { state, bloc } => format!("{} in {bloc}", name(state)),
        Condition::Suspended { state, bloc } => format!("{} suspended from {bloc}", name(state)),
        Condition::Sanctioned {
            state,
            bloc: Some(bloc),
        } => format!("{} under {bloc} sanctions", name(state)),
        Condition::Sanctioned { state, bloc: None } => format!("{} under sanctions", name(state)),
        Condition::Talks { state, power } => format!("{} in talks with {power}", name(state)),
        Condition::ProjectsOpen { bloc } => format!("{bloc} has projects under way"),
        Condition::Courts { power, state } => format!("{power} courts {}", name(state)),
        Condition::Wants { power, state } => format!("{power} seeks {}'s exports", name(state)),
        Condition::Exports { state, export } => format!("{} exports {export:?}", name(state)),
        Condition::TowardRivals {
            state,
            power,
            cmp,
            value,
        } => format!(
            "{} standing toward {power}'s rivals {} {value}",
            name(state),
            cmp_text(*cmp)
        ),
        Condition::SpareCapacity { power } => format!("{power} has capacity to spare"),
        Condition::Offers { power, kind } => format!("{power} offers a {}", kind.label()),
        Condition::Conditionality { power, cmp, value } => {
            format!("{power}'s conditionality {} {value}", cmp_text(*cmp))
        }
        Condition::Regime { state, kind } => {
            format!("{} under a {} government", name(state), kind.snake().replace('_', " "))
        }
        Condition::Relation {
            state,
            other,
            cmp,
            value,
        } => {
            let now = match (reg.state(state), reg.state(other)) {
                (Some(a), Some(b)) => world.resource::<crate::sim::world::relations::Relations>().get(a, b),
                _ => 0.0,
            };
            format!(
                "{}–{} relations {} {value} (now {now:.0})",
                name(state),
                name(other),
                cmp_text(*cmp)
            )
        }
        Condition::Members { bloc, cmp, value } => format!("{bloc} has {} {value} members", cmp_text(*cmp)),
        Condition::Project { bloc, project } => format!("{bloc}: {} complete", project.label()),
        Condition::Alignment {
            state,
            power,
            cmp,
            value,
        } => format!("{} standing toward {power} {} {value}", name(state), cmp_text(*cmp)),
        Condition::Partnership { state, power, kind, .. } => match kind {
            Some(k) => format!("{} has a {} with {power}", name(state), k.label()),
            None => format!("{} has a partnership with {power}", name(state)),
        },
        Condition::Start => "at the start".into(),
        Condition::Date(d) => format!("in {}", d.long()),
        Condition::From(d) => format!("from {}", d.long()),
        Condition::Before(d) => format!("before {}", d.long()),
        Condition::Chance(p) => format!("{:.0} % chance", p * 100.0),
        Condition::All(_) | Condition::Any(_) | Condition::Not(_) => "a combination".into(),
    }
}
