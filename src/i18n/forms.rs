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
use crate::sim::world::registry::Registry;
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
    let mut it = items.into_iter();
    let Some(mut out) = it.next() else {
        return String::new();
    };
    let rest: Vec<String> = it.collect();
    let n = rest.len();
    for (i, next) in rest.into_iter().enumerate() {
        let id = if i + 1 == n { "list-last" } else { "list-comma" };
        out = loc.t_args(id, &crate::args!["init" => out, "next" => next]);
    }
    out
}

/// The forms of a state's, power's or bloc's name.
fn entity(loc: &Locale, reg: &Registry, arg: &Arg) -> Option<Forms> {
    let (listing, english) = match arg {
        Arg::State(s) => (&reg.states[s.0 as usize], reg.state_in_text(*s)),
        Arg::Power(p) => (&reg.powers[p.0 as usize], reg.power_in_text(*p)),
        Arg::Bloc(b) => (&reg.blocs[b.0 as usize], reg.bloc_in_text(*b)),
        _ => return None,
    };
    if listing.key.is_empty() && !listing.founders.is_empty() {
        return Some(formed_bloc(loc, reg, &listing.founders, &listing.code));
    }
    let translated = loc.scenario_message(&listing.key, None);
    let attr = |a: &str| loc.scenario_message(&listing.key, Some(a));
    let (name, the) = match translated {
        Some(name) => {
            let the = attr("the").unwrap_or_else(|| name.clone());
            (name, the)
        }
        // English is the files' own language: its article rule applies.
        None if loc.lang() == Lang::EN => (listing.name.clone(), english.to_string()),
        None => (listing.name.clone(), listing.name.clone()),
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
) -> Forms {
    let mut args = FluentArgs::new();
    list_forms(loc, reg, &mut args, "founders", founders);
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

fn list_forms(
    loc: &Locale,
    reg: &Registry,
    args: &mut FluentArgs,
    name: &str,
    list: &[crate::sim::world::components::StateIdx],
) {
    let forms: Vec<Forms> = list.iter().filter_map(|s| entity(loc, reg, &Arg::State(*s))).collect();
    args.set(
        name.to_string(),
        join(loc, forms.iter().map(|f| f.the.clone()).collect()),
    );
    args.set(
        format!("{name}-name"),
        join(loc, forms.iter().map(|f| f.name.clone()).collect()),
    );
    args.set(
        format!("{name}-of"),
        join(loc, forms.iter().map(|f| f.of.clone()).collect()),
    );
    args.set(
        format!("{name}-in"),
        join(loc, forms.iter().map(|f| f.within.clone()).collect()),
    );
    args.set(
        format!("{name}-to"),
        join(loc, forms.iter().map(|f| f.to.clone()).collect()),
    );
    args.set(format!("{name}-count"), list.len());
}

/// Sets argument `name` (and its forms) for a message.
pub(super) fn set(loc: &Locale, reg: &Registry, args: &mut FluentArgs, name: &str, arg: &Arg) {
    match arg {
        Arg::State(_) | Arg::Power(_) | Arg::Bloc(_) => {
            if let Some(f) = entity(loc, reg, arg) {
                args.set(name.to_string(), f.the);
                args.set(format!("{name}-name"), f.name);
                args.set(format!("{name}-of"), f.of);
                args.set(format!("{name}-in"), f.within);
                args.set(format!("{name}-to"), f.to);
                args.set(format!("{name}-code"), f.code);
                args.set(format!("{name}-gender"), f.gender);
            }
        }
        Arg::States(list) => list_forms(loc, reg, args, name, list),
        Arg::Num(n) => args.set(name.to_string(), FluentValue::from(*n)),
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
            args.set(name.to_string(), word);
        }
        Arg::List(items) => {
            args.set(format!("{name}-count"), items.len());
            args.set(
                name.to_string(),
                join(loc, items.iter().map(|a| plain(loc, reg, a)).collect()),
            );
        }
        _ => args.set(name.to_string(), plain(loc, reg, arg)),
    }
}

/// An argument as one piece of text.
pub(super) fn plain(loc: &Locale, reg: &Registry, arg: &Arg) -> String {
    match arg {
        Arg::State(_) | Arg::Power(_) | Arg::Bloc(_) => entity(loc, reg, arg).map(|f| f.the).unwrap_or_default(),
        Arg::States(list) => join(
            loc,
            list.iter()
                .filter_map(|s| entity(loc, reg, &Arg::State(*s)))
                .map(|f| f.the)
                .collect(),
        ),
        Arg::Date(d) => loc.month(*d),
        Arg::Num(n) => loc.number(*n, if n.fract() == 0.0 { 0 } else { 1 }),
        Arg::Name(s) => s.clone(),
        Arg::Term(family, id) => loc.t(&format!("{family}-{id}")),
        Arg::Text { key, text } => loc.text(key, text).into_owned(),
        Arg::List(items) => join(loc, items.iter().map(|a| plain(loc, reg, a)).collect()),
        Arg::Said(inner) => loc.phrase(inner, reg),
    }
}
