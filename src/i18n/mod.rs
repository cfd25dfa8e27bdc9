//! The game in the player's language, with Project Fluent.
//!
//! Every user-facing sentence is a message of `assets/i18n/<lang>/*.ftl`;
//! the simulation records what happened as [`Said`] (a message id and its
//! arguments) and the front ends put it into words here. A scenario's own
//! texts (names, events, goals) are translated by a file next to it,
//! `<scenario>.<lang>.ftl`, keyed as [`crate::sim::world::said::text_key`]
//! says; what a translation lacks is said in the file's own words.
//!
//! `fluent-bundle` is used directly rather than through `fluent-templates`:
//! a scenario's translation is added at run time to the language's bundle
//! (templates' static loader is sealed at build time), and each language
//! formats numbers its own way through the bundle's formatter hook.

mod forms;
pub mod template;

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::scenario::YearMonth;
use crate::sim::world::registry::Registry;
use crate::sim::world::said::{Arg, Said};

/// A language the game ships: its code, its name in itself, and its
/// message files (built into the binary, so that every command speaks it
/// from any folder).
pub struct Shipped {
    pub code: &'static str,
    pub name: &'static str,
    /// The decimal separator of its numbers.
    pub decimal: char,
    pub files: &'static [(&'static str, &'static str)],
}

/// A language's message files: the game's own words, which every language
/// has, then the translations of data written in English (the decision
/// catalogues, the atlas's country names), which English does not need.
macro_rules! ftl {
    ($lang:literal $(, $data:literal)*) => {
        &[
            ("common.ftl", include_str!(concat!("../../assets/i18n/", $lang, "/common.ftl"))),
            ("news.ftl", include_str!(concat!("../../assets/i18n/", $lang, "/news.ftl"))),
            ("report.ftl", include_str!(concat!("../../assets/i18n/", $lang, "/report.ftl"))),
            ("window.ftl", include_str!(concat!("../../assets/i18n/", $lang, "/window.ftl"))),
            ("panels.ftl", include_str!(concat!("../../assets/i18n/", $lang, "/panels.ftl"))),
            ("screens.ftl", include_str!(concat!("../../assets/i18n/", $lang, "/screens.ftl"))),
            ("settings.ftl", include_str!(concat!("../../assets/i18n/", $lang, "/settings.ftl"))),
            ("decisions.ftl", include_str!(concat!("../../assets/i18n/", $lang, "/decisions.ftl"))),
            ("cli.ftl", include_str!(concat!("../../assets/i18n/", $lang, "/cli.ftl"))),
            $(($data, include_str!(concat!("../../assets/i18n/", $lang, "/", $data)))),*
        ]
    };
}

/// The languages on offer; the first is the one every message must exist
/// in, and the fallback for a message another language lacks.
pub const LANGUAGES: &[Shipped] = &[
    Shipped {
        code: "en",
        name: "English",
        decimal: '.',
        files: ftl!("en"),
    },
    Shipped {
        code: "fr",
        name: "Français",
        decimal: ',',
        files: ftl!("fr", "catalogue.ftl", "atlas.ftl"),
    },
];

/// A language on offer, by its index in [`LANGUAGES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Lang(usize);

impl Lang {
    pub const EN: Lang = Lang(0);

    /// The language of a code ("fr", "fr-FR", "fr_FR.UTF-8").
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        LANGUAGES.iter().position(|l| l.code == primary).map(Lang)
    }

    /// The system's language if the game speaks it (`LANG`, `LC_ALL` and
    /// `LC_MESSAGES` on Unix), else English.
    pub fn from_system() -> Lang {
        sys_locale::get_locale()
            .and_then(|l| Lang::parse(&l))
            .unwrap_or_default()
    }

    pub fn all() -> impl Iterator<Item = Lang> {
        (0..LANGUAGES.len()).map(Lang)
    }
    pub fn code(self) -> &'static str {
        LANGUAGES[self.0].code
    }
    /// The language's name in itself ("Français").
    pub fn name(self) -> &'static str {
        LANGUAGES[self.0].name
    }
    fn shipped(self) -> &'static Shipped {
        &LANGUAGES[self.0]
    }
    /// One of the language's message files, as shipped (`"catalogue.ftl"`).
    pub fn file(self, name: &str) -> Option<&'static str> {
        self.shipped().files.iter().find(|(f, _)| *f == name).map(|(_, t)| *t)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

type Bundle = FluentBundle<FluentResource>;

/// The words of one language: its messages, English for what they lack,
/// and the translation of the scenario in play.
pub struct Locale {
    lang: Lang,
    own: Bundle,
    /// English, when the language is another.
    fallback: Option<Bundle>,
    /// The scenario's translation into this language, if it has one.
    scenario: Option<Bundle>,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale").field("lang", &self.lang.code()).finish()
    }
}

/// A problem in a message file: where, and what.
#[derive(Debug, Clone, PartialEq)]
pub struct FtlProblem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses a Fluent file; its syntax errors with line and column.
pub fn parse(text: &str) -> (FluentResource, Vec<FtlProblem>) {
    match FluentResource::try_new(text.to_string()) {
        Ok(r) => (r, Vec::new()),
        Err((r, errors)) => {
            let problems = errors
                .iter()
                .map(|e| {
                    let (line, column) = line_col(text, e.pos.start);
                    FtlProblem {
                        line,
                        column,
                        message: e.kind.to_string(),
                    }
                })
                .collect();
            (r, problems)
        }
    }
}

fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn number_formatter<const DECIMAL: char>(
    value: &FluentValue,
    _: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(n.as_string().replace('.', &DECIMAL.to_string())),
        _ => None,
    }
}

/// A bundle for a language, with no messages yet.
fn empty_bundle(lang: Lang) -> Bundle {
    let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut b = Bundle::new_concurrent(vec![id]);
    // Unicode isolation marks show as boxes in terminals and in egui.
    b.set_use_isolating(false);
    if lang.shipped().decimal == ',' {
        b.set_formatter(Some(number_formatter::<','>));
    }
    b
}

/// A language's own messages.
fn bundle(lang: Lang) -> Bundle {
    let mut b = empty_bundle(lang);
    let _ = b.add_builtins();
    // CAP($x): the argument with its first letter a capital, for a name
    // that opens a sentence ("The Gambia has yet to answer").
    let _ = b.add_function("CAP", |positional, _| match positional.first() {
        Some(FluentValue::String(s)) => FluentValue::from(capitalise(s.to_string())),
        Some(other) => other.clone(),
        None => FluentValue::None,
    });
    for (_, text) in lang.shipped().files {
        let (resource, _) = parse(text);
        // A message defined twice keeps its first definition; the test
        // of the message files reports it.
        let _ = b.add_resource(resource);
    }
    b
}

impl Locale {
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            own: bundle(lang),
            fallback: (lang != Lang::EN).then(|| bundle(Lang::EN)),
            scenario: None,
        }
    }

    /// English, built once for the whole process (reports for machines,
    /// tests).
    pub fn english() -> &'static Locale {
        static EN: OnceLock<Locale> = OnceLock::new();
        EN.get_or_init(|| Locale::new(Lang::EN))
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Takes the scenario's translation into this language (the text of
    /// its `<scenario>.<lang>.ftl`), or drops the last one's. Returns the
    /// file's syntax problems; what parses is used.
    pub fn set_scenario(&mut self, translation: Option<&str>) -> Vec<FtlProblem> {
        self.scenario = None;
        let Some(text) = translation else {
            return Vec::new();
        };
        let (resource, problems) = parse(text);
        let mut b = empty_bundle(self.lang);
        let _ = b.add_resource(resource);
        self.scenario = Some(b);
        problems
    }

    /// Whether the message exists in this language (not by fallback).
    pub fn has(&self, id: &str) -> bool {
        self.own.has_message(id)
    }

    /// A message without arguments.
    pub fn t(&self, id: &str) -> String {
        self.t_args(id, &FluentArgs::new())
    }

    /// A message with arguments. A missing message shows its id, which
    /// the completeness test rules out for the shipped languages.
    pub fn t_args(&self, id: &str, args: &FluentArgs) -> String {
        self.lookup(id, None, Some(args)).unwrap_or_else(|| id.to_string())
    }

    /// An attribute of a message (`.the`, `.gender`), if it has it.
    pub fn attr(&self, id: &str, attr: &str) -> Option<String> {
        self.lookup(id, Some(attr), None)
    }

    /// An attribute of a message, with arguments.
    pub fn format_attr(&self, id: &str, attr: &str, args: &FluentArgs) -> Option<String> {
        self.lookup(id, Some(attr), Some(args))
    }

    /// The language's own message, else English's.
    fn lookup(&self, id: &str, attr: Option<&str>, args: Option<&FluentArgs>) -> Option<String> {
        self.find(&self.own, id, attr, args)
            .or_else(|| self.fallback.as_ref().and_then(|b| self.find(b, id, attr, args)))
    }

    fn find(&self, b: &Bundle, id: &str, attr: Option<&str>, args: Option<&FluentArgs>) -> Option<String> {
        let msg = b.get_message(id)?;
        let pattern = match attr {
            Some(a) => msg.get_attribute(a)?.value(),
            None => msg.value()?,
        };
        let mut errors = Vec::new();
        Some(b.format_pattern(pattern, args, &mut errors).into_owned())
    }

    /// A scenario's or a catalogue's text in this language: its
    /// translation under `key`, else the words it was written in.
    pub fn text<'a>(&self, key: &str, written: &'a str) -> Cow<'a, str> {
        self.scenario_message(key, None)
            .or_else(|| self.find(&self.own, key, None, None))
            .map_or(Cow::Borrowed(written), Cow::Owned)
    }

    fn scenario_message(&self, key: &str, attr: Option<&str>) -> Option<String> {
        if key.is_empty() {
            return None;
        }
        self.scenario.as_ref().and_then(|b| self.find(b, key, attr, None))
    }

    /// A month as the language writes it: "August 2023", "août 2023".
    pub fn month(&self, d: YearMonth) -> String {
        let mut args = FluentArgs::new();
        args.set("month", self.t(&format!("month-{}", d.month)));
        args.set("year", d.year.to_string());
        self.t_args("date-month-year", &args)
    }

    /// A number with `decimals` places, in the language's form ("12.5",
    /// "12,5").
    pub fn number(&self, x: f64, decimals: usize) -> String {
        let s = format!("{x:.decimals$}");
        let d = self.lang.shipped().decimal;
        if d == '.' { s } else { s.replace('.', &d.to_string()) }
    }

    /// A share as a percentage with `decimals` places: "12.5%", "12,5 %".
    pub fn percent(&self, share: f64, decimals: usize) -> String {
        let mut args = FluentArgs::new();
        args.set("value", self.number(share * 100.0, decimals));
        self.t_args("percent", &args)
    }

    /// What a record says now, as a sentence (its first letter a capital).
    pub fn say(&self, said: &Said, reg: &Registry) -> String {
        capitalise(self.phrase(said, reg))
    }

    /// A news item, with the names of its month (a bloc renamed since is
    /// called what it was called then).
    pub fn news(&self, news: &crate::sim::world::chronicle::News, reg: &Registry) -> String {
        capitalise(self.phrase_at(&news.said, reg, news.turn))
    }

    /// What a record says now, as a phrase to put inside another.
    pub fn phrase(&self, said: &Said, reg: &Registry) -> String {
        self.phrase_at(said, reg, u32::MAX)
    }

    /// What a record of `turn` says, as a phrase.
    pub fn phrase_at(&self, said: &Said, reg: &Registry, turn: u32) -> String {
        let mut args = FluentArgs::new();
        for (name, arg) in &said.args {
            forms::set(self, reg, &mut args, name, arg, turn);
        }
        self.t_args(said.id, &args)
    }
}

/// The first letter as a capital ("le Mali…" opens a sentence as "Le
/// Mali…").
pub fn capitalise(mut text: String) -> String {
    if let Some(first) = text.chars().next()
        && first.is_lowercase()
    {
        let upper: String = first.to_uppercase().collect();
        text.replace_range(..first.len_utf8(), &upper);
    }
    text
}

/// The arguments of a message as Fluent wants them, for the front ends'
/// own messages: `args!["name" => value, …]`.
#[macro_export]
macro_rules! args {
    ($($k:literal => $v:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut a = fluent_bundle::FluentArgs::new();
        $(a.set($k, $v);)*
        a
    }};
}

/// An argument on its own, as it reads in a sentence ("the Gambia").
pub fn arg_text(loc: &Locale, reg: &Registry, arg: &Arg) -> String {
    forms::plain(loc, reg, arg, u32::MAX)
}

/// A state's, power's or bloc's name as a label ("Gambia", "CEDEAO").
pub fn name_of(loc: &Locale, reg: &Registry, arg: &Arg) -> String {
    forms::bare(loc, reg, arg)
}
