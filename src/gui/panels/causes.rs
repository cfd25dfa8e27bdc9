//! The ledger's causes in words: "coup (Niger)", "sanctions (ECOWAS)",
//! for the side panel's breakdown and the turning points' "what led here",
//! in the player's language.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use crate::gui::window::words::Words;
use crate::sim::mechanisms::decisions::{DecisionBook, decision_key};
use crate::sim::mechanisms::events::EventBook;
use crate::sim::world::components::BlocIdx;
use crate::sim::world::ledger::{Actor, Cause};
use crate::sim::world::registry::Registry;

/// The scenario's events and the decision catalogue, for naming causes,
/// and the words to name them in.
#[derive(SystemParam)]
pub struct Books<'w> {
    pub events: Res<'w, EventBook>,
    pub decisions: Res<'w, DecisionBook>,
    pub words: Res<'w, Words>,
}

/// A bloc as a cause's actor: its short id in English ("ECOWAS"); in
/// another language its translated name when that is as short ("CEDEAO"),
/// else the id.
fn bloc_short(b: BlocIdx, registry: &Registry, words: &Words) -> String {
    let code = registry.bloc_code(b);
    if words.0.lang() == crate::i18n::Lang::EN {
        return code.to_string();
    }
    let name = words.bloc(registry, b);
    if name.chars().count() <= 10 {
        name
    } else {
        code.to_string()
    }
}

fn actor_name(actor: Actor, registry: &Registry, books: &Books) -> String {
    let book = &books.events;
    let words = &books.words;
    match actor {
        Actor::State(s) => words.state(registry, s),
        Actor::Power(p) => words.power(registry, p),
        Actor::Bloc(b) => bloc_short(b, registry, words),
        // A turning point of the record reads as what it was.
        Actor::Event(i) if book.is_recorded(i as usize) => words.t("causes-the-record"),
        Actor::Event(i) => book
            .defs
            .get(i as usize)
            .map(|d| d.id.clone())
            .unwrap_or_else(|| words.t("causes-an-event")),
        Actor::Decision(i) => books
            .decisions
            .defs
            .get(i as usize)
            .map(|d| words.0.text(&decision_key(&d.id, "name"), &d.name).into_owned())
            .unwrap_or_else(|| words.t("causes-a-decision")),
    }
}

pub fn cause_label(cause: Cause, registry: &Registry, books: &Books) -> String {
    let mechanism = books.words.mechanism(cause.mechanism);
    match cause.actor {
        Some(a) => format!("{mechanism} ({})", actor_name(a, registry, books)),
        None => mechanism,
    }
}

/// A change with its sign, in the language's form ("+1.5", "-0,3").
pub(in crate::gui) fn signed(words: &Words, v: f64, decimals: usize) -> String {
    let n = words.0.number(v, decimals);
    if n.starts_with('-') { n } else { format!("+{n}") }
}
