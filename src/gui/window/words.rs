//! The window's words: the player's language, with the translation of the
//! scenario on screen, kept in step when another scenario is opened.

use bevy::prelude::*;

use crate::gui::window::shared::Current;
use crate::i18n::{Lang, Locale};

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

pub(in crate::gui) fn plugin(app: &mut App) {
    app.add_systems(PreUpdate, follow_scenario.run_if(resource_changed::<Current>));
}

/// Another scenario on screen: its translation replaces the last one's.
fn follow_scenario(current: Res<Current>, mut words: ResMut<Words>) {
    let lang = words.0.lang();
    *words = Words::new(lang, &current.0);
}
