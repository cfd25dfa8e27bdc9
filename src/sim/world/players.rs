//! Who plays: the state whose person has the seat, and every state people
//! play. No mechanism and no computer decides for a state a person plays.

use bevy::prelude::*;

use crate::sim::world::components::StateIdx;

/// The state whose person has the seat, if any (in hot-seat, the one
/// whose turn it is).
#[derive(Debug, Clone, Copy, Resource, Default, PartialEq, Eq)]
pub struct PlayedBy(pub Option<StateIdx>);

/// Every state a person plays: their governments' event choices wait for
/// them, and no mechanism or computer decides for them what they decide.
#[derive(Debug, Clone, Resource, Default, PartialEq, Eq)]
pub struct Humans(pub Vec<StateIdx>);

impl Humans {
    pub fn plays(&self, s: StateIdx) -> bool {
        self.0.contains(&s)
    }
}
