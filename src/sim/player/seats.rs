//! Choosing who plays, and hot-seat: several people, one state each,
//! taking turns at one computer. These are the verbs; a person's change
//! comes through `inputs::apply`, which logs it so that a save replays it.

use bevy::prelude::*;

use crate::sim::world::said::Said;

use crate::sim::world::components::StateIdx;
use crate::sim::world::players::{Humans, PlayedBy};
use crate::sim::world::registry::Registry;

/// Makes `code` the state a person plays (None: every government is
/// computer-run, as in observer mode and batch runs).
pub fn set_player(world: &mut World, code: Option<&str>) -> Result<(), Said> {
    let s = match code {
        Some(c) => Some(state_of(world, c)?),
        None => None,
    };
    world.insert_resource(PlayedBy(s));
    world.insert_resource(Humans(s.into_iter().collect()));
    Ok(())
}

fn state_of(world: &World, code: &str) -> Result<StateIdx, Said> {
    world
        .resource::<Registry>()
        .state(code)
        .ok_or_else(|| Said::new("input-no-state").name("id", code))
}

/// Hot-seat: several people, one state each, taking turns at one
/// computer, in the order given. The first has the seat.
pub fn set_players(world: &mut World, codes: &[&str]) -> Result<(), Said> {
    let mut seats = Vec::new();
    for c in codes {
        let s = state_of(world, c)?;
        if seats.contains(&s) {
            return Err(Said::new("input-seat-twice").name("id", *c));
        }
        seats.push(s);
    }
    world.insert_resource(PlayedBy(seats.first().copied()));
    world.insert_resource(Humans(seats));
    Ok(())
}

/// Who has the seat after the one who has it now, and whether the round
/// is then complete (the seat back with the first); `None` with no seat.
pub fn next_seat(world: &World) -> Option<(StateIdx, bool)> {
    let humans = &world.resource::<Humans>().0;
    let current = world.resource::<PlayedBy>().0?;
    let i = humans.iter().position(|s| *s == current).unwrap_or(0);
    let next = (i + 1) % humans.len().max(1);
    humans.get(next).map(|&seat| (seat, next == 0))
}

/// Gives the seat to one of the human-played states.
pub fn take_seat(world: &mut World, seat: StateIdx) {
    world.insert_resource(PlayedBy(Some(seat)));
}
