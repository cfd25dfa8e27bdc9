//! The ledger's causes in words: "Coup (Niger)", "Sanctions (ECOWAS)",
//! for the side panel's breakdown and the turning points' "what led here".

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use crate::sim::mechanisms::decisions::DecisionBook;
use crate::sim::mechanisms::events::EventBook;
use crate::sim::world::ledger::{Actor, Cause};
use crate::sim::world::registry::Registry;

/// The scenario's events and the decision catalogue, for naming causes.
#[derive(SystemParam)]
pub struct Books<'w> {
    pub events: Res<'w, EventBook>,
    pub decisions: Res<'w, DecisionBook>,
}

fn actor_name(actor: Actor, registry: &Registry, books: &Books) -> String {
    let book = &books.events;
    match actor {
        Actor::State(s) => registry.state_name(s).to_string(),
        Actor::Power(p) => registry.power_name(p).to_string(),
        Actor::Bloc(b) => registry.bloc_code(b).to_string(),
        // A turning point of the record reads as what it was.
        Actor::Event(i) if book.is_recorded(i as usize) => "the record".into(),
        Actor::Event(i) => book
            .defs
            .get(i as usize)
            .map(|d| d.id.clone())
            .unwrap_or_else(|| "an event".into()),
        Actor::Decision(i) => books
            .decisions
            .defs
            .get(i as usize)
            .map(|d| d.name.clone())
            .unwrap_or_else(|| "a decision".into()),
    }
}

pub fn cause_label(cause: Cause, registry: &Registry, books: &Books) -> String {
    match cause.actor {
        Some(a) => format!("{} ({})", cause.mechanism.label(), actor_name(a, registry, books)),
        None => cause.mechanism.label().to_string(),
    }
}
