//! Choosing who plays, and hot-seat: several people, one state each,
//! taking turns at one computer. Each change is logged as an input, so
//! that a save replays it.

use bevy::prelude::*;

use crate::sim::player::inputs::{Input, InputLog};
use crate::sim::world::components::StateIdx;
use crate::sim::world::players::{Humans, PlayedBy};
use crate::sim::world::registry::{Clock, Registry};

/// Makes `code` the state a person plays (None: every government is
/// computer-run, as in observer mode and batch runs).
pub fn set_player(world: &mut World, code: Option<&str>) -> Result<(), String> {
    let s = match code {
        Some(c) => Some(state_of(world, c)?),
        None => None,
    };
    world.insert_resource(PlayedBy(s));
    world.insert_resource(Humans(s.into_iter().collect()));
    let turn = world.resource::<Clock>().turn + 1;
    let state = code.map(str::to_string);
    world.resource_mut::<InputLog>().0.push(Input::Player { turn, state });
    Ok(())
}

fn state_of(world: &World, code: &str) -> Result<StateIdx, String> {
    world
        .resource::<Registry>()
        .state(code)
        .ok_or_else(|| format!("`{code}` is not a state of this scenario"))
}

/// Hot-seat: several people, one state each, taking turns at one
/// computer, in the order given. The first has the seat.
pub fn set_players(world: &mut World, codes: &[&str]) -> Result<(), String> {
    let mut seats = Vec::new();
    for c in codes {
        let s = state_of(world, c)?;
        if seats.contains(&s) {
            return Err(format!("`{c}` is named twice: one person per state"));
        }
        seats.push(s);
    }
    world.insert_resource(PlayedBy(seats.first().copied()));
    world.insert_resource(Humans(seats));
    let turn = world.resource::<Clock>().turn + 1;
    let states = codes.iter().map(|c| c.to_string()).collect();
    world.resource_mut::<InputLog>().0.push(Input::Players { turn, states });
    Ok(())
}

/// Hands the seat to the next person; true when the round is complete
/// (everyone has had the seat this month and it is back with the first).
pub fn pass_seat(world: &mut World) -> bool {
    let humans = world.resource::<Humans>().0.clone();
    let Some(current) = world.resource::<PlayedBy>().0 else {
        return true;
    };
    let i = humans.iter().position(|s| *s == current).unwrap_or(0);
    let next = (i + 1) % humans.len().max(1);
    let Some(&seat) = humans.get(next) else {
        return true;
    };
    take_seat(world, seat);
    next == 0
}

/// Gives the seat to one of the human-played states.
pub fn take_seat(world: &mut World, seat: StateIdx) {
    world.insert_resource(PlayedBy(Some(seat)));
    let turn = world.resource::<Clock>().turn + 1;
    let state = world.resource::<Registry>().state_code(seat).to_string();
    world.resource_mut::<InputLog>().0.push(Input::Seat { turn, state });
}
