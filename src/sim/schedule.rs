//! The shape of a game in time: the schedule a turn runs in and its
//! phases, the steps that set a new game up, and how much of the past a
//! game keeps. Every part of the core builds on these.

use bevy::ecs::schedule::ScheduleLabel;
use bevy::prelude::*;

use crate::scenario::Scenario;

/// The schedule that resolves one turn.
#[derive(ScheduleLabel, Debug, Clone, PartialEq, Eq, Hash)]
pub struct TurnSchedule;

/// The phases of a turn, in order.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TurnPhase {
    Begin,
    Events,
    Orders,
    Decisions,
    Diplomacy,
    Partnerships,
    Security,
    Economy,
    Food,
    Stability,
    Coups,
    Blocs,
    Goals,
    Record,
}

/// How much of the past to keep: everything for play and reports; outcomes
/// only for batch runs, which are many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    Full,
    Outcomes,
}

/// When a set-up step runs, after the world's entities exist: the
/// mechanisms' own resources first, then what settles the start (relations,
/// rooted insurgencies, standing threats: independent of each other), then
/// the events that greet the player, then the record of the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SetUpPhase {
    Resources,
    Settle,
    Prologue,
    Record,
}

/// A step of setting a game up from a scenario.
pub type SetUpStep = fn(&mut World, &Scenario);

/// The set-up steps, registered by each plugin for what it owns (its books,
/// its starting values), so that setting a game up needs to know no
/// mechanism; run in phase order, and within a phase in the order the
/// plugins were added.
#[derive(Resource, Default)]
pub struct SetUpSteps(Vec<(SetUpPhase, SetUpStep)>);

impl SetUpSteps {
    /// Registers a step (a plugin's build calls this).
    pub fn add(app: &mut App, phase: SetUpPhase, step: SetUpStep) {
        app.world_mut()
            .get_resource_or_init::<SetUpSteps>()
            .0
            .push((phase, step));
    }

    /// The steps in the order they run.
    pub fn ordered(&self) -> Vec<SetUpStep> {
        let mut steps: Vec<(usize, &(SetUpPhase, SetUpStep))> = self.0.iter().enumerate().collect();
        steps.sort_by_key(|(i, (phase, _))| (*phase, *i));
        steps.into_iter().map(|(_, (_, step))| *step).collect()
    }
}
