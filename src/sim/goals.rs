//! Goals of the playable states: each is judged at the end of every turn,
//! defeat first, and once decided stays decided. Every playable state's
//! goals are judged, played or not, so that observer games and batch runs
//! can say who would have won.

use bevy::prelude::*;
use serde::Serialize;

use super::chronicle::{Chronicle, NewsBuilder, NewsKind};
use super::events::{PlayedBy, holds};
use super::registry::{Clock, Registry};
use super::{TurnPhase, TurnSchedule};
use crate::scenario::format::GoalDef;

pub(super) fn plugin(app: &mut App) {
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
}

impl GoalBook {
    pub fn new(defs: &[GoalDef]) -> Self {
        Self {
            defs: defs.to_vec(),
            status: vec![GoalStatus::Open; defs.len()],
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

fn judge_goals(world: &mut World) {
    let turn = world.resource::<Clock>().turn + 1;
    let open: Vec<usize> = {
        let book = world.resource::<GoalBook>();
        (0..book.defs.len())
            .filter(|i| book.status[*i] == GoalStatus::Open)
            .collect()
    };
    for i in open {
        let def = world.resource::<GoalBook>().defs[i].clone();
        // Goals never draw random numbers (the validator forbids `Chance`),
        // so judging them leaves every stream as it was.
        let status = if holds(world, &def.defeat) {
            GoalStatus::Lost { turn }
        } else if holds(world, &def.victory) {
            GoalStatus::Won { turn }
        } else {
            continue;
        };
        world.resource_mut::<GoalBook>().status[i] = status;
        // Only the player hears of goals as news; every goal is in reports.
        let reg = world.resource::<Registry>();
        let Some(s) = reg.state(&def.state) else { continue };
        if world.resource::<PlayedBy>().0 != Some(s) {
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
