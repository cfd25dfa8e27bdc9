//! The moment of play: whether a game is being set up, and what happened
//! in the turn under way that later phases read.

use bevy::prelude::*;

use crate::sim::world::components::StateIdx;

/// Coups of the turn: attempts forced by scripted events, and the
/// successful ones the blocs react to.
#[derive(Debug, Clone, Resource, Default)]
pub struct CoupsThisTurn {
    pub forced: Vec<ForcedCoup>,
    pub succeeded: Vec<StateIdx>,
}

/// An attempt a script orders, with the outcome and the new leader if the
/// script gives them (a scenario's history does); else the model decides.
#[derive(Debug, Clone, PartialEq)]
pub struct ForcedCoup {
    pub state: StateIdx,
    pub succeeds: Option<bool>,
    pub leader: Option<String>,
}

/// Set while a game is set up: `Start` holds then, and only then.
#[derive(Debug, Clone, Copy, Resource, Default)]
pub struct Prologue(pub bool);
