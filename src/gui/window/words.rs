//! The window's words: the player's language, with the translation of the
//! scenario on screen, kept in step when another scenario is opened.

use bevy::prelude::*;

use crate::gui::window::shared::Current;
use crate::i18n::{Lang, Locale};
use crate::scenario::format::Indicator;
use crate::sim::world::chronicle::News;
use crate::sim::world::components::{BlocIdx, PowerIdx, StateIdx};
use crate::sim::world::ledger::Mechanism;
use crate::sim::world::registry::Registry;
use crate::sim::world::said::{Arg, Said};

/// The language the window speaks, and the scenario's translation into it.
#[derive(Resource)]
pub struct Words(pub Locale, NewsLines);

/// News items already put into words, by their place in the chronicle: a
/// posted item never changes (its names are those of its month), so the
/// feed, which shows every item each frame it is drawn, formats each once.
/// An item is reused only if it is the same record, so a new game's
/// chronicle never shows an old one's words.
#[derive(Default)]
struct NewsLines(std::sync::Mutex<Vec<Option<(u32, Said, String)>>>);

impl Words {
    pub fn new(lang: Lang, current: &crate::scenario::Scenario) -> Self {
        let mut loc = Locale::new(lang);
        for p in loc.set_scenario(current.translation(lang.code()).map(|t| t.text.as_str())) {
            warn!(
                "translation of {}: {}:{}: {}",
                current.origin, p.line, p.column, p.message
            );
        }
        Self(loc, NewsLines::default())
    }

    /// The words of a language alone, without a scenario's (tests).
    #[cfg(test)]
    pub fn of(loc: Locale) -> Self {
        Self(loc, NewsLines::default())
    }

    /// News item `i` of the chronicle, in words, formatted once.
    pub fn news_line(&self, i: usize, n: &News, reg: &Registry) -> String {
        let Ok(mut lines) = self.1.0.lock() else {
            return self.0.news(n, reg);
        };
        if let Some(Some((turn, said, text))) = lines.get(i)
            && *turn == n.turn
            && *said == n.said
        {
            return text.clone();
        }
        let text = self.0.news(n, reg);
        if lines.len() <= i {
            lines.resize(i + 1, None);
        }
        lines[i] = Some((n.turn, n.said.clone(), text.clone()));
        text
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::YearMonth;
    use crate::sim::world::chronicle::NewsKind;

    fn news(turn: u32, said: Said) -> News {
        News {
            turn,
            date: YearMonth { year: 2023, month: 8 },
            kind: NewsKind::Scripted,
            state: None,
            power: None,
            bloc: None,
            members: Vec::new(),
            said,
        }
    }

    #[test]
    fn a_news_line_is_the_record_in_words_even_when_its_place_is_reused() {
        let words = Words::of(Locale::new(Lang::EN));
        let mut reg = Registry::default();
        let s = reg.add_state("MLI", "Mali", Entity::PLACEHOLDER);
        let first = news(1, Said::new("news-grain-ban").state("state", s));
        assert_eq!(words.news_line(0, &first, &reg), "Mali bans grain exports.");
        assert_eq!(words.news_line(0, &first, &reg), "Mali bans grain exports.");
        // A new game's first item, at the same place: its own words.
        let other = news(1, Said::new("news-grain-ban-lifted").state("state", s));
        assert_eq!(words.news_line(0, &other, &reg), "Mali lifts its ban on grain exports.");
    }
}
