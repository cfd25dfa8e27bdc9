//! The player's inputs: who plays, the orders and decisions given and the
//! answers to the scenario's questions. With the scenario, the rules and
//! the seed they determine the whole game, which is what a saved game
//! stores (see `crate::save`).
//!
//! One channel carries them from every front end: the window sends
//! [`PlayerInput`] messages, the command line and save replay call
//! [`apply`]; either way each input is checked, applied and logged here,
//! in the order given, with the turn it comes before.

use crate::sim::world::said::Said;
use bevy::prelude::*;
use serde::{Deserialize, Serialize};

pub use crate::sim::player::orders::Order;
use crate::sim::player::orders::OrderQueue;
use crate::sim::schedule::{SetUpPhase, SetUpSteps};
use crate::sim::world::registry::{Clock, Registry};

pub(crate) fn plugin(app: &mut App) {
    crate::sim::world::snapshot::Kept::resource::<InputLog>(app);
    SetUpSteps::add(app, SetUpPhase::Resources, |world, _| {
        world.insert_resource(InputLog::default());
    });
    app.add_message::<PlayerInput>()
        .add_message::<InputRefused>()
        .add_systems(Update, apply_sent_inputs.in_set(InputsApplied));
}

/// Where the window's inputs are taken in `Update`: a front end that reads
/// refusals runs after it.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct InputsApplied;

/// Something a person does to the game, from whichever front end.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum PlayerInput {
    /// The state a person plays from now on (`None`: observer).
    Play(Option<String>),
    /// Hot seat: the states people play, in seat order; the first has the
    /// seat.
    PlayTogether(Vec<String>),
    /// Hot seat: the seat passes to this state.
    TakeSeat(String),
    /// An order for the coming turn (checked when the turn runs).
    Order(Order),
    /// A decision from the catalogue for the coming turn, by the state with
    /// the seat unless one is named.
    Decide {
        decision: String,
        target: Option<String>,
        state: Option<String>,
    },
    /// Takes back a decision queued for the coming turn.
    Withdraw {
        decision: String,
        target: Option<String>,
        state: Option<String>,
    },
    /// An answer (option from 0) to a choice waiting for the player.
    Answer { event: String, option: usize },
    /// Yes or no to an offer put to the player (`offers`), by its number.
    Respond { offer: u32, accept: bool },
}

/// An input sent by the window that could not be taken, and why.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct InputRefused {
    pub input: PlayerInput,
    /// Why, for the window to put into words.
    pub reason: Said,
}

/// Checks, applies and logs one input. Nothing is logged or changed if it
/// is refused.
pub fn apply(world: &mut World, input: PlayerInput) -> Result<(), Said> {
    use crate::sim::mechanisms::{decisions, events};
    use crate::sim::player::seats;
    let turn = world.resource::<Clock>().turn + 1;
    let logged = match input {
        PlayerInput::Play(state) => {
            seats::set_player(world, state.as_deref())?;
            Input::Player { turn, state }
        }
        PlayerInput::PlayTogether(states) => {
            seats::set_players(world, &states.iter().map(String::as_str).collect::<Vec<_>>())?;
            Input::Players { turn, states }
        }
        PlayerInput::TakeSeat(state) => {
            let s = state_of(world, &state)?;
            if !world.resource::<crate::sim::world::players::Humans>().plays(s) {
                return Err(Said::new("input-not-played").name("id", state.as_str()));
            }
            seats::take_seat(world, s);
            Input::Seat { turn, state }
        }
        PlayerInput::Order(order) => {
            world.resource_mut::<OrderQueue>().pending.push(order.clone());
            Input::Order { turn, order }
        }
        PlayerInput::Decide {
            decision,
            target,
            state,
        } => {
            let s = deciding_state(world, state.as_deref())?;
            decisions::decide_as(world, s, &decision, target.as_deref())?;
            // Logged with the state that decided, so that a replay needs no
            // seat to know it.
            let state = Some(world.resource::<Registry>().state_code(s).to_string());
            Input::Decision {
                turn,
                decision,
                target,
                state,
            }
        }
        PlayerInput::Withdraw {
            decision,
            target,
            state,
        } => {
            let s = deciding_state(world, state.as_deref())?;
            decisions::withdraw_as(world, s, &decision, target.as_deref())?;
            let state = Some(world.resource::<Registry>().state_code(s).to_string());
            Input::Withdrawal {
                turn,
                decision,
                target,
                state,
            }
        }
        PlayerInput::Answer { event, option } => {
            events::answer_choice(world, &event, option)?;
            Input::Choice { turn, event, option }
        }
        PlayerInput::Respond { offer, accept } => {
            crate::sim::player::offers::answer(world, offer, accept)?;
            Input::Response { turn, offer, accept }
        }
    };
    world.resource_mut::<InputLog>().0.push(logged);
    Ok(())
}

/// Hot seat: hands the seat to the next person, as an input; true when the
/// round is complete (everyone has had the seat this month and it is back
/// with the first).
pub fn pass_seat(world: &mut World) -> bool {
    let Some((next, round_done)) = crate::sim::player::seats::next_seat(world) else {
        return true;
    };
    let code = world.resource::<Registry>().state_code(next).to_string();
    // The next seat is one of the human-played states: it cannot be refused.
    let _ = apply(world, PlayerInput::TakeSeat(code));
    round_done
}

/// The state a decision is for: the one named, else the one with the seat.
fn deciding_state(world: &World, named: Option<&str>) -> Result<crate::sim::world::components::StateIdx, Said> {
    match named {
        Some(code) => state_of(world, code),
        None => world
            .resource::<crate::sim::world::players::PlayedBy>()
            .0
            .ok_or_else(|| Said::new("input-no-player")),
    }
}

fn state_of(world: &World, code: &str) -> Result<crate::sim::world::components::StateIdx, Said> {
    world
        .resource::<Registry>()
        .state(code)
        .ok_or_else(|| Said::new("input-no-state").name("id", code))
}

/// The window's inputs, taken in the order sent; a refusal goes back as an
/// `InputRefused` for the window to show.
fn apply_sent_inputs(world: &mut World) {
    let sent: Vec<PlayerInput> = world.resource_mut::<Messages<PlayerInput>>().drain().collect();
    for input in sent {
        if let Err(reason) = apply(world, input.clone()) {
            world.write_message(InputRefused { input, reason });
        }
    }
}

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
    /// A queued decision taken back.
    Withdrawal {
        turn: u32,
        decision: String,
        target: Option<String>,
        state: Option<String>,
    },
    /// The player's answer to an offer, by its number.
    Response {
        turn: u32,
        offer: u32,
        accept: bool,
    },
}

impl Input {
    /// The input as it was given, to give again (a save replayed).
    pub fn as_sent(&self) -> PlayerInput {
        match self.clone() {
            Input::Player { state, .. } => PlayerInput::Play(state),
            Input::Players { states, .. } => PlayerInput::PlayTogether(states),
            Input::Seat { state, .. } => PlayerInput::TakeSeat(state),
            Input::Order { order, .. } => PlayerInput::Order(order),
            Input::Decision {
                decision,
                target,
                state,
                ..
            } => PlayerInput::Decide {
                decision,
                target,
                state,
            },
            Input::Choice { event, option, .. } => PlayerInput::Answer { event, option },
            Input::Response { offer, accept, .. } => PlayerInput::Respond { offer, accept },
            Input::Withdrawal {
                decision,
                target,
                state,
                ..
            } => PlayerInput::Withdraw {
                decision,
                target,
                state,
            },
        }
    }

    pub fn turn(&self) -> u32 {
        match self {
            Input::Player { turn, .. }
            | Input::Order { turn, .. }
            | Input::Choice { turn, .. }
            | Input::Decision { turn, .. }
            | Input::Players { turn, .. }
            | Input::Seat { turn, .. }
            | Input::Response { turn, .. }
            | Input::Withdrawal { turn, .. } => *turn,
        }
    }
}

/// Every input so far, in the order given.
#[derive(Debug, Clone, Resource, Default)]
pub struct InputLog(pub Vec<Input>);
