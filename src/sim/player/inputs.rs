//! The player's inputs, turn by turn: who plays, the orders given and the
//! answers to the scenario's questions. With the scenario, the rules and
//! the seed they determine the whole game, which is what a saved game
//! stores (see `crate::save`).

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::scenario::format::Effect;

/// One input, with the turn it applied in (1-based).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Input {
    /// The state a person plays from this turn on (`None`: observer).
    Player {
        turn: u32,
        state: Option<String>,
    },
    Order {
        turn: u32,
        order: Order,
    },
    /// The player's answer to an event's choice, by event id and option.
    Choice {
        turn: u32,
        event: String,
        option: usize,
    },
    /// A decision from the catalogue, by id, about a target (by id), by a
    /// state (the one with the seat if omitted).
    Decision {
        turn: u32,
        decision: String,
        target: Option<String>,
        #[serde(default)]
        state: Option<String>,
    },
    /// Hot-seat: the states people play, in seat order.
    Players {
        turn: u32,
        states: Vec<String>,
    },
    /// Hot-seat: the seat passes to this state.
    Seat {
        turn: u32,
        state: String,
    },
}

impl Input {
    pub fn turn(&self) -> u32 {
        match self {
            Input::Player { turn, .. }
            | Input::Order { turn, .. }
            | Input::Choice { turn, .. }
            | Input::Decision { turn, .. }
            | Input::Players { turn, .. }
            | Input::Seat { turn, .. } => *turn,
        }
    }
}

/// Every input so far, in the order given.
#[derive(Debug, Clone, Resource, Default)]
pub struct InputLog(pub Vec<Input>);

/// One government's decision.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Order {
    /// The state giving the order.
    pub by: String,
    pub effect: Effect,
}
