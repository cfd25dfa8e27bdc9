//! The forms a name takes inside a sentence. For an argument `state` a
//! message may use `{ $state }` (as it reads in a sentence: "the Gambia",
//! "le Mali"), `{ $state-name }` (bare: "Gambia", "Mali"), `{ $state-of }`
//! ("of the Gambia", "du Mali"), `{ $state-in }` ("in the Gambia", "au
//! Mali"), `{ $state-to }` ("to the Gambia", "au Mali", "à la Guinée"),
//! `{ $state-code }` (its id) and `{ $state-gender }` (to agree with: `masculine`, `feminine`,
//! `plural`). A translation gives them as attributes of the name's message
//! (`.the`, `.of`, `.in`, `.to`, `.gender`); what it leaves out comes from
//! the language's `form-of`, `form-in` and `form-to` messages.

use fluent_bundle::{FluentArgs, FluentValue};

use super::{Lang, Locale};
use crate::sim::world::registry::{InText, Registry};
use crate::sim::world::said::Arg;

struct Forms {
    code: String,
    name: String,
    the: String,
    of: String,
    within: String,
    to: String,
    gender: String,
}

fn join(loc: &Locale, items: Vec<String>) -> String {
    join_with(loc, items, "list-last")
}

/// Joined with "or" for the last: "a, b or c".
fn join_or(loc: &Locale, items: Vec<String>) -> String {
    join_with(loc, items, "list-or")
}

fn join_with(loc: &Locale, items: Vec<String>, last: &str) -> String {
    let mut it = items.into_iter();
    let Some(mut out) = it.next() else {
        return String::new();
    };
    let rest: Vec<String> = it.collect();
    let n = rest.len();
    for (i, next) in rest.into_iter().enumerate() {
        let id = if i + 1 == n { last } else { "list-comma" };
        out = loc.t_args(id, &crate::args!["init" => out, "next" => next]);
    }
    out
}

/// The registry's listing of a state, power or bloc argument.
fn listing<'r>(reg: &'r Registry, arg: &Arg) -> Option<&'r crate::sim::world::registry::Listing> {
    match arg {
        Arg::State(s) => Some(&reg.states[s.0 as usize]),
        Arg::Power(p) => Some(&reg.powers[p.0 as usize]),
        Arg::Bloc(b) => Some(&reg.blocs[b.0 as usize]),
        _ => None,
    }
}

/// The forms of a state's, power's or bloc's name, as it was called on
/// `turn` (a bloc may have been renamed since).
fn entity(loc: &Locale, reg: &Registry, arg: &Arg, turn: u32) -> Option<Forms> {
    let listing = listing(reg, arg)?;
    let (key, written, founders) = reg.listing_at(listing, turn);
    if key.is_empty() && !founders.is_empty() {
        return Some(formed_bloc(loc, reg, founders, &listing.code, turn));
    }
    let written = written.to_string();
    let translated = loc.scenario_message(key, None);
    let attr = |a: &str| loc.scenario_message(key, Some(a));
    let (name, the) = match translated {
        Some(name) => {
            let the = attr("the").unwrap_or_else(|| name.clone());
            (name, the)
        }
        // English is the files' own language: its article rule applies.
        None if loc.lang() == Lang::EN => {
            let the = match arg {
                Arg::Bloc(_) => format!("the {written}"),
                _ => InText::country(&written).to_string(),
            };
            (written, the)
        }
        None => (written.clone(), written),
    };
    let given = Given {
        of: attr("of"),
        within: attr("in"),
        to: attr("to"),
        gender: attr("gender"),
    };
    Some(complete(loc, listing.code.clone(), name, the, given))
}

/// The forms a translation gives.
#[derive(Default)]
struct Given {
    of: Option<String>,
    within: Option<String>,
    to: Option<String>,
    gender: Option<String>,
}

fn complete(loc: &Locale, code: String, name: String, the: String, given: Given) -> Forms {
    let form = |id: &str, given: Option<String>| {
        given.unwrap_or_else(|| loc.t_args(id, &crate::args!["the" => the.clone(), "name" => name.clone()]))
    };
    Forms {
        of: form("form-of", given.of),
        within: form("form-in", given.within),
        to: form("form-to", given.to),
        gender: given.gender.unwrap_or_else(|| "masculine".to_string()),
        code,
        name,
        the,
    }
}

/// A bloc formed during play, named after its founders ("Alliance of Mali
/// and Niger", "Alliance du Mali et du Niger").
fn formed_bloc(
    loc: &Locale,
    reg: &Registry,
    founders: &[crate::sim::world::components::StateIdx],
    code: &str,
    turn: u32,
) -> Forms {
    let mut args = FluentArgs::new();
    list_forms(loc, reg, &mut args, "founders", founders, turn);
    let name = loc.t_args("bloc-formed", &args);
    let the = loc
        .format_attr("bloc-formed", "the", &args)
        .unwrap_or_else(|| name.clone());
    let given = Given {
        of: loc.format_attr("bloc-formed", "of", &args),
        gender: loc.attr("bloc-formed", "gender"),
        ..Given::default()
    };
    complete(loc, code.to_string(), name, the, given)
}

/// A form of a list: the suffix of its argument and the form of each name.
type ListForm = (&'static str, fn(&Forms) -> &String);

fn list_forms(
    loc: &Locale,
    reg: &Registry,
    args: &mut FluentArgs,
    name: &str,
    list: &[crate::sim::world::components::StateIdx],
    turn: u32,
) {
    let forms: Vec<Forms> = list
        .iter()
        .filter_map(|s| entity(loc, reg, &Arg::State(*s), turn))
        .collect();
    // Each form of the list is the same form of each name, joined.
    let parts: [ListForm; 5] = [
        ("", |f| &f.the),
        ("-name", |f| &f.name),
        ("-of", |f| &f.of),
        ("-in", |f| &f.within),
        ("-to", |f| &f.to),
    ];
    for (suffix, form) in parts {
        args.set(
            format!("{name}{suffix}"),
            join(loc, forms.iter().map(|f| form(f).clone()).collect()),
        );
    }
    args.set(format!("{name}-count"), list.len());
}

/// Sets argument `name` (and its forms) for a message of `turn`.
pub(super) fn set(loc: &Locale, reg: &Registry, args: &mut FluentArgs, name: &str, arg: &Arg, turn: u32) {
    match arg {
        Arg::State(_) | Arg::Power(_) | Arg::Bloc(_) => {
            if let Some(f) = entity(loc, reg, arg, turn) {
                // Its id where that is the name people use in English
                // (ECOWAS, UEMOA), its name otherwise (G5 Sahel, not G5S).
                let acronym = f.code.len() <= 8 && f.code.chars().all(|c| c.is_ascii_uppercase());
                let short = if acronym && loc.lang() == Lang::EN {
                    f.code.clone()
                } else {
                    f.name.clone()
                };
                args.set(format!("{name}-short"), short);
                args.set(name.to_string(), f.the);
                args.set(format!("{name}-name"), f.name);
                args.set(format!("{name}-of"), f.of);
                args.set(format!("{name}-in"), f.within);
                args.set(format!("{name}-to"), f.to);
                args.set(format!("{name}-code"), f.code);
                args.set(format!("{name}-gender"), f.gender);
            }
        }
        Arg::States(list) => list_forms(loc, reg, args, name, list, turn),
        Arg::Num(n) => {
            // With its sign, as a change is written ("+5", "-2.5").
            let magnitude = loc.number(n.abs(), if n.fract() == 0.0 { 0 } else { 1 });
            let sign = if *n < 0.0 { "-" } else { "+" };
            args.set(format!("{name}-signed"), format!("{sign}{magnitude}"));
            args.set(name.to_string(), FluentValue::from(*n));
        }
        Arg::Term(family, id) => {
            let key = format!("{family}-{id}");
            let word = loc.t(&key);
            args.set(format!("{name}-a"), loc.attr(&key, "a").unwrap_or_else(|| word.clone()));
            args.set(
                format!("{name}-the"),
                loc.attr(&key, "the").unwrap_or_else(|| word.clone()),
            );
            args.set(
                format!("{name}-gender"),
                loc.attr(&key, "gender").unwrap_or_else(|| "masculine".into()),
            );
            // A partnership as a deal signed ("un accord sur la base…").
            args.set(
                format!("{name}-the-deal"),
                loc.attr(&key, "the-deal").unwrap_or_else(|| word.clone()),
            );
            args.set(
                format!("{name}-deal"),
                loc.attr(&key, "deal").unwrap_or_else(|| word.clone()),
            );
            args.set(name.to_string(), word);
        }
        Arg::List(items) => {
            args.set(format!("{name}-count"), items.len());
            args.set(
                name.to_string(),
                join(loc, items.iter().map(|a| plain(loc, reg, a, turn)).collect()),
            );
        }
        Arg::Text { key, text } => {
            let said = loc.text(key, text).into_owned();
            let form = |a: &str| loc.scenario_message(key, Some(a)).unwrap_or_else(|| said.clone());
            args.set(format!("{name}-the"), form("the"));
            args.set(name.to_string(), said);
        }
        Arg::Name(person) => {
            // A person, or an id the game does not know (a bloc not yet
            // founded): said as written, in every form a message may use.
            let (with_article, bare, to) = person_forms(loc, person);
            let given = Given {
                to: Some(to),
                ..Given::default()
            };
            let forms = complete(loc, person.clone(), bare.clone(), with_article, given);
            args.set(format!("{name}-name"), bare);
            args.set(format!("{name}-of"), forms.of);
            args.set(format!("{name}-in"), forms.within);
            args.set(format!("{name}-to"), forms.to);
            args.set(format!("{name}-code"), person.clone());
            args.set(format!("{name}-short"), person.clone());
            args.set(format!("{name}-gender"), forms.gender);
            args.set(name.to_string(), forms.the);
        }
        _ => args.set(name.to_string(), plain(loc, reg, arg, turn)),
    }
}

/// A person's name with the rank it opens with in the language's words:
/// "Captain Ibrahim Traoré" reads "le capitaine Ibrahim Traoré" in a French
/// sentence (`rank-Captain` and its `.the`), "au capitaine Ibrahim Traoré"
/// after "à" (`.to`). Names without a known rank are said as written.
/// Returns (in a sentence, bare, after "to").
fn person_forms(loc: &Locale, person: &str) -> (String, String, String) {
    let plain = || {
        let to = loc.t_args(
            "form-to",
            &crate::args!["the" => person.to_string(), "name" => person.to_string()],
        );
        (person.to_string(), person.to_string(), to)
    };
    let Some((rank, rest)) = person.split_once(' ') else {
        return plain();
    };
    let key = format!("rank-{rank}");
    if !loc.has(&key) {
        return plain();
    }
    let word = loc.t(&key);
    let the = loc.attr(&key, "the").unwrap_or_else(|| word.clone());
    let to = loc.attr(&key, "to").unwrap_or_else(|| the.clone());
    (
        format!("{the} {rest}"),
        format!("{word} {rest}"),
        format!("{to} {rest}"),
    )
}

/// A name as a label, without the article a sentence gives it: only the
/// name is looked up (labels are drawn every frame).
pub(super) fn bare(loc: &Locale, reg: &Registry, arg: &Arg) -> String {
    let Some(listing) = listing(reg, arg) else {
        return plain(loc, reg, arg, u32::MAX);
    };
    let (key, written, founders) = reg.listing_at(listing, u32::MAX);
    if key.is_empty() && !founders.is_empty() {
        return formed_bloc(loc, reg, founders, &listing.code, u32::MAX).name;
    }
    loc.scenario_message(key, None).unwrap_or_else(|| written.to_string())
}

/// An argument as one piece of text.
pub(super) fn plain(loc: &Locale, reg: &Registry, arg: &Arg, turn: u32) -> String {
    match arg {
        Arg::State(_) | Arg::Power(_) | Arg::Bloc(_) => entity(loc, reg, arg, turn).map(|f| f.the).unwrap_or_default(),
        Arg::States(list) => join(
            loc,
            list.iter()
                .filter_map(|s| entity(loc, reg, &Arg::State(*s), turn))
                .map(|f| f.the)
                .collect(),
        ),
        Arg::Date(d) => loc.month(*d),
        Arg::Num(n) => loc.number(*n, if n.fract() == 0.0 { 0 } else { 1 }),
        Arg::Name(s) => person_forms(loc, s).1,
        Arg::Term(family, id) => loc.t(&format!("{family}-{id}")),
        Arg::Text { key, text } => loc.text(key, text).into_owned(),
        Arg::List(items) => join(loc, items.iter().map(|a| plain(loc, reg, a, turn)).collect()),
        Arg::AnyOf(items) => join_or(loc, items.iter().map(|a| plain(loc, reg, a, turn)).collect()),
        Arg::Said(inner) => loc.phrase_at(inner, reg, turn),
    }
}
