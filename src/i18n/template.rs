//! What a translator of a scenario fills in: every text of the scenario
//! under its key, in the file's own words (`harmattan translation`), and
//! the check of a translation against it (`harmattan validate`).

use std::collections::BTreeSet;

use crate::scenario::format::{Effect, ScenarioFile};
use crate::sim::mechanisms::decisions::decision_key;
use crate::sim::mechanisms::events::event_key;
use crate::sim::mechanisms::goals::goal_key;
use crate::sim::world::said::{text_hash_key, text_key};

/// One text to translate.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub text: String,
    /// A name, which takes the forms of `forms.rs` as attributes.
    pub name: bool,
}

fn push(out: &mut Vec<Entry>, seen: &mut BTreeSet<String>, key: String, text: &str, name: bool) {
    if text.is_empty() || !seen.insert(key.clone()) {
        return;
    }
    out.push(Entry {
        key,
        text: text.to_string(),
        name,
    });
}

fn effects(out: &mut Vec<Entry>, seen: &mut BTreeSet<String>, list: &[Effect]) {
    for e in list {
        match e {
            Effect::News(text) => push(out, seen, text_hash_key(text), text, false),
            Effect::Confederate { name: Some(n), .. } => push(out, seen, text_key("name", n), n, true),
            _ => {}
        }
    }
}

/// Every text of a scenario, keyed as the game looks it up.
pub fn entries(f: &ScenarioFile) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    let seen = &mut seen;
    push(&mut out, seen, "scenario-name".into(), &f.meta.name, false);
    push(
        &mut out,
        seen,
        "scenario-description".into(),
        &f.meta.description,
        false,
    );
    for s in &f.states {
        push(&mut out, seen, text_key("state", &s.id), &s.name, true);
    }
    for p in &f.powers {
        push(&mut out, seen, text_key("power", &p.id), &p.name, true);
    }
    for b in &f.blocs {
        push(&mut out, seen, text_key("bloc", &b.id), &b.name, true);
    }
    for e in &f.events {
        push(
            &mut out,
            seen,
            event_key(&e.id, "title"),
            e.title.as_deref().unwrap_or(&e.id),
            false,
        );
        effects(&mut out, seen, &e.effects);
        for (k, c) in e.choices.iter().enumerate() {
            push(
                &mut out,
                seen,
                event_key(&e.id, &format!("choice-{k}")),
                &c.label,
                false,
            );
            effects(&mut out, seen, &c.effects);
        }
    }
    for g in &f.goals {
        push(&mut out, seen, goal_key(g, "name"), &g.name, false);
        push(&mut out, seen, goal_key(g, "description"), &g.description, false);
    }
    if let Some(h) = &f.history {
        for (k, p) in h.points.iter().enumerate() {
            let id = format!("history:{}:{k}", p.month);
            push(&mut out, seen, event_key(&id, "title"), &p.title, false);
            for e in &p.effects {
                if let Effect::FoundPact { id, name, .. } = e {
                    push(&mut out, seen, text_key("bloc", id), name, true);
                }
            }
            effects(&mut out, seen, &p.effects);
        }
    }
    let priorities = f
        .powers
        .iter()
        .flat_map(|p| &p.agenda.priorities)
        .chain(f.states.iter().flat_map(|s| &s.agenda.priorities));
    for p in priorities {
        push(&mut out, seen, text_hash_key(&p.why), &p.why, false);
    }
    decisions(&mut out, seen, &f.decisions);
    out
}

/// Every text of a decision catalogue.
pub fn catalogue_entries(list: &[crate::scenario::format::DecisionDef]) -> Vec<Entry> {
    let mut out = Vec::new();
    decisions(&mut out, &mut BTreeSet::new(), list);
    out
}

fn decisions(out: &mut Vec<Entry>, seen: &mut BTreeSet<String>, list: &[crate::scenario::format::DecisionDef]) {
    for d in list {
        push(out, seen, decision_key(&d.id, "name"), &d.name, false);
        push(out, seen, decision_key(&d.id, "description"), &d.description, false);
        for f in &d.ai.factors {
            push(out, seen, text_hash_key(&f.why), &f.why, false);
        }
        let outcomes: Vec<Effect> = d.effects.iter().map(|o| o.effect.clone()).collect();
        effects(out, seen, &outcomes);
    }
}

/// Text as a Fluent value: braces escaped, later lines indented.
fn value(text: &str) -> String {
    let escaped = text.replace('{', "{\"{\"}").replace('}', "{\"}\"}");
    let mut lines = escaped.lines();
    let mut out = lines.next().unwrap_or_default().to_string();
    for l in lines {
        out.push_str("\n    ");
        out.push_str(l.trim_start());
    }
    out
}

/// The file a translator fills in: every entry in the file's own words.
pub fn write(entries: &[Entry], lang: &str) -> String {
    let mut out = format!(
        "# Translation into `{lang}`: replace each text after `=` with its translation;\n\
         # keep the keys. A name's forms inside a sentence are its attributes:\n\
         # .the (\"le Mali\"), .of (\"du Mali\"), .in (\"au Mali\"), .to (\"au Mali\"),\n\
         # .gender (masculine, feminine or plural). What is left out is said in\n\
         # the scenario's own words. See docs/scenarios.md, \"Translations\".\n\n"
    );
    for e in entries {
        out.push_str(&e.key);
        out.push_str(" = ");
        out.push_str(&value(&e.text));
        out.push('\n');
        if e.name && lang != "en" {
            out.push_str("#   .the = …\n#   .of = …\n#   .in = …\n#   .to = …\n#   .gender = masculine\n");
        }
    }
    out
}

/// What a translation lacks and what it has that the scenario does not:
/// (missing keys, unknown keys with their line).
pub fn compare(entries: &[Entry], text: &str) -> (Vec<String>, Vec<(String, usize)>) {
    let (resource, _) = super::parse(text);
    let mut have = Vec::new();
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(m) = entry {
            have.push(m.id.name.to_string());
        }
    }
    let wanted: BTreeSet<&str> = entries.iter().map(|e| e.key.as_str()).collect();
    let missing = entries
        .iter()
        .filter(|e| !have.contains(&e.key))
        .map(|e| e.key.clone())
        .collect();
    let unknown = have
        .into_iter()
        .filter(|h| !wanted.contains(h.as_str()))
        .map(|h| {
            let line = text
                .lines()
                .position(|l| l.starts_with(&format!("{h} ")) || l.starts_with(&format!("{h}=")))
                .map_or(0, |i| i + 1);
            (h, line)
        })
        .collect();
    (missing, unknown)
}
