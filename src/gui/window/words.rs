//! The window's words: the player's language, with the translation of the
//! scenario on screen, kept in step when another scenario is opened.

use bevy::prelude::*;

use crate::gui::window::shared::Current;
use crate::i18n::{Lang, Locale};
use crate::scenario::format::Indicator;
use crate::sim::world::components::{BlocIdx, PowerIdx, StateIdx};
use crate::sim::world::ledger::Mechanism;
use crate::sim::world::registry::Registry;
use crate::sim::world::said::{Arg, Said};

/// The language the window speaks, and the scenario's translation into it.
#[derive(Resource)]
pub struct Words(pub Locale);

impl Words {
    pub fn new(lang: Lang, current: &crate::scenario::Scenario) -> Self {
        let mut loc = Locale::new(lang);
        for p in loc.set_scenario(current.translation(lang.code()).map(|t| t.text.as_str())) {
            warn!(
                "translation of {}: {}:{}: {}",
                current.origin, p.line, p.column, p.message
            );
        }
        Self(loc)
    }
}

impl Words {
    /// A message of the window's files.
    pub fn t(&self, id: &str) -> String {
        self.0.t(id)
    }
    /// A message with arguments: `words.t_args("id", &args!["n" => 3])`.
    pub fn t_args(&self, id: &str, args: &fluent_bundle::FluentArgs) -> String {
        self.0.t_args(id, args)
    }
    /// A state's name as a label, in the player's language.
    pub fn state(&self, reg: &Registry, s: StateIdx) -> String {
        crate::i18n::name_of(&self.0, reg, &Arg::State(s))
    }
    pub fn power(&self, reg: &Registry, p: PowerIdx) -> String {
        crate::i18n::name_of(&self.0, reg, &Arg::Power(p))
    }
    pub fn bloc(&self, reg: &Registry, b: BlocIdx) -> String {
        crate::i18n::name_of(&self.0, reg, &Arg::Bloc(b))
    }
    /// An indicator's name ("stability", "stabilité").
    pub fn indicator(&self, i: Indicator) -> String {
        self.0.t(&format!("indicator-{}", i.snake()))
    }
    /// The cause of a change, as the ledger names it.
    pub fn mechanism(&self, m: Mechanism) -> String {
        self.0.t(&format!("mechanism-{}", m.snake()))
    }
    /// A word of the fixed vocabulary: `term("regime", kind.snake())`.
    pub fn term(&self, family: &str, id: &str) -> String {
        self.0.t(&format!("{family}-{id}"))
    }
    /// A news item or any record, in the player's language.
    pub fn say(&self, said: &Said, reg: &Registry) -> String {
        self.0.say(said, reg)
    }
}

pub(in crate::gui) fn plugin(app: &mut App) {
    app.add_systems(PreUpdate, follow_scenario.run_if(resource_changed::<Current>));
}

/// Another scenario on screen: its translation replaces the last one's.
fn follow_scenario(current: Res<Current>, mut words: ResMut<Words>) {
    let lang = words.0.lang();
    *words = Words::new(lang, &current.0);
}
