//! What a record says, as facts rather than words: a message id and its
//! arguments (states, powers, blocs, dates, numbers, names). The core
//! writes these; the front ends put them into words in the player's
//! language (`i18n`), so the simulation never holds a sentence.

use serde::Serialize;

use crate::scenario::YearMonth;
use crate::sim::world::components::{BlocIdx, PowerIdx, StateIdx};

/// A message of `assets/i18n/<lang>/*.ftl` and its arguments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Said {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Arg {
    State(StateIdx),
    Power(PowerIdx),
    Bloc(BlocIdx),
    /// Several states, said as a list ("Mali, Burkina Faso and Niger").
    States(Vec<StateIdx>),
    Date(YearMonth),
    /// A quantity (plural rules select on it).
    Num(f64),
    /// A person's name: leaders are not translated.
    Name(String),
    /// A word of the game's fixed vocabulary, said through the message
    /// `family-id` (`partnership-base`, `project-passport`, `regime-civilian`).
    Term(&'static str, &'static str),
    /// Text from the scenario or a catalogue: said through `key` in the
    /// scenario's translation, else as `text` (the file's own words).
    Text {
        key: String,
        text: String,
    },
    /// Several terms or texts, said as a list ("a, b and c").
    List(Vec<Arg>),
    /// Several, of which any one would do ("a, b or c").
    AnyOf(Vec<Arg>),
    /// A message inside a message.
    Said(Box<Said>),
}

impl Said {
    pub fn new(id: &'static str) -> Self {
        Self { id, args: Vec::new() }
    }
    pub fn with(mut self, name: &'static str, arg: Arg) -> Self {
        self.args.push((name, arg));
        self
    }
    pub fn state(self, name: &'static str, s: StateIdx) -> Self {
        self.with(name, Arg::State(s))
    }
    pub fn power(self, name: &'static str, p: PowerIdx) -> Self {
        self.with(name, Arg::Power(p))
    }
    pub fn bloc(self, name: &'static str, b: BlocIdx) -> Self {
        self.with(name, Arg::Bloc(b))
    }
    pub fn date(self, name: &'static str, d: YearMonth) -> Self {
        self.with(name, Arg::Date(d))
    }
    pub fn num(self, name: &'static str, n: f64) -> Self {
        self.with(name, Arg::Num(n))
    }
    pub fn name(self, name: &'static str, who: impl Into<String>) -> Self {
        self.with(name, Arg::Name(who.into()))
    }
    pub fn term(self, name: &'static str, family: &'static str, id: &'static str) -> Self {
        self.with(name, Arg::Term(family, id))
    }
    pub fn states(self, name: &'static str, list: &[StateIdx]) -> Self {
        self.with(name, Arg::States(list.to_vec()))
    }
    pub fn said(self, name: &'static str, inner: Said) -> Self {
        self.with(name, Arg::Said(Box::new(inner)))
    }

    /// The argument of that name, if given.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }
}

/// The key of a scenario's text in its translation files: `kind-id`, with
/// every character Fluent does not allow in an identifier as `_`.
pub fn text_key(kind: &str, id: &str) -> String {
    let mut key = String::with_capacity(kind.len() + id.len() + 1);
    key.push_str(kind);
    key.push('-');
    key.extend(id.chars().map(|c| {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            c
        } else {
            '_'
        }
    }));
    key
}

/// The key of one part of a scenario's item: `kind-id-part`
/// (`event-coup_ner-title`, `decision-purge-name`).
pub fn part_key(kind: &str, id: &str, part: &str) -> String {
    let mut key = text_key(kind, id);
    key.push('-');
    key.push_str(part);
    key
}

/// A stable short hash of some words, as keys write it (eight hex digits).
pub fn short_hash(text: &str) -> String {
    format!("{:08x}", fnv1a(text.as_bytes()) as u32)
}

/// The key of a scenario's text that has no id of its own (a scripted news
/// line, a reason): `text-` and a stable hash of the words, which the
/// translation template writes next to them.
pub fn text_hash_key(text: &str) -> String {
    format!("text-{}", short_hash(text))
}

/// FNV-1a over bytes: a stable hash (the standard library's is not
/// guaranteed stable across releases).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A scenario's text: said through its translation, else as written.
pub fn scenario_text(key: String, text: &str) -> Arg {
    Arg::Text {
        key,
        text: text.to_string(),
    }
}
