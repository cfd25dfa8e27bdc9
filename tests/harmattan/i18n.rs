//! The game in several languages: every message in every language, every
//! id the code uses in the files, no sentence left in the code, and the
//! shipped scenarios and catalogues translated.

use std::collections::BTreeSet;
use std::path::Path;

use harmattan::i18n::{LANGUAGES, Lang, Locale, parse, template};
use harmattan::scenario::format::{Indicator, PartnershipKind};
use harmattan::sim::{Detail, Simulation};

/// Files that translate data written in English (the catalogues, the
/// atlas's country names): English has its words in the data itself.
const DATA: [&str; 2] = ["catalogue.ftl", "atlas.ftl"];

/// The message ids of one shipped language, from the files that hold the
/// game's own words (not the translations of data).
fn ids(lang: &harmattan::i18n::Shipped) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (file, text) in lang.files.iter().filter(|(f, _)| !DATA.contains(f)) {
        let (resource, problems) = parse(text);
        assert!(problems.is_empty(), "{}/{file}: {problems:?}", lang.code);
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                assert!(
                    out.insert(m.id.name.to_string()),
                    "{}/{file}: `{}` twice",
                    lang.code,
                    m.id.name
                );
            }
        }
    }
    out
}

#[test]
fn every_message_file_is_loaded() {
    for lang in LANGUAGES {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/i18n")
            .join(lang.code);
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".ftl"))
            .collect();
        on_disk.sort();
        let mut loaded: Vec<String> = lang.files.iter().map(|(f, _)| f.to_string()).collect();
        loaded.sort();
        assert_eq!(
            on_disk, loaded,
            "{}: the files on disk and the files the game loads",
            lang.code
        );
    }
}

#[test]
fn every_message_exists_in_every_language() {
    let english = ids(&LANGUAGES[0]);
    assert!(english.len() > 150, "the English files hold the game's words");
    for lang in &LANGUAGES[1..] {
        let theirs = ids(lang);
        let missing: Vec<_> = english.difference(&theirs).collect();
        let extra: Vec<_> = theirs.difference(&english).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code);
        assert!(extra.is_empty(), "{} has ids English does not: {extra:?}", lang.code);
    }
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
        }
    }
}

/// The string literals of a source, with their line (a simple scan:
/// comments are skipped, raw strings are not taken apart).
fn literals(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(start) = rest.find('"') {
            let after = &rest[start + 1..];
            let mut end = None;
            let mut escaped = false;
            for (i, c) in after.char_indices() {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => {
                        end = Some(i);
                        break;
                    }
                    _ => escaped = false,
                }
            }
            let Some(end) = end else { break };
            out.push((n + 1, after[..end].to_string()));
            rest = &after[end + 1..];
        }
    }
    out
}

#[test]
fn every_message_id_in_the_code_is_in_the_files() {
    let english = ids(&LANGUAGES[0]);
    let prefixes: BTreeSet<&str> = english.iter().filter_map(|id| id.split('-').next()).collect();
    let mut files = Vec::new();
    sources(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &mut files);
    let mut unknown = Vec::new();
    let mut seen = 0;
    for (path, text) in &files {
        for (line, lit) in literals(text) {
            let looks_like_id = lit.contains('-')
                && lit
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && lit.split('-').next().is_some_and(|p| prefixes.contains(p));
            if !looks_like_id {
                continue;
            }
            seen += 1;
            // A family of messages (`Said::term("kind", "partnership", …)`).
            let family = english.iter().any(|id| id.starts_with(&format!("{lit}-")));
            if !english.contains(&lit) && !family {
                unknown.push(format!("{path}:{line}: `{lit}`"));
            }
        }
    }
    assert!(seen > 100, "the scan finds the ids the code uses ({seen})");
    assert!(unknown.is_empty(), "ids with no message:\n{}", unknown.join("\n"));
}

#[test]
fn the_words_made_from_the_games_vocabulary_exist() {
    for lang in Lang::all() {
        let loc = Locale::new(lang);
        let mut wanted: Vec<String> = (1..=12).map(|m| format!("month-{m}")).collect();
        wanted.extend(Indicator::ALL.iter().map(|i| format!("indicator-{}", i.snake())));
        wanted.extend(
            PartnershipKind::ALL
                .iter()
                .map(|k| format!("partnership-{}", k.snake())),
        );
        for id in wanted {
            assert!(loc.has(&id), "{lang}: no `{id}`");
        }
    }
}

/// Calls that put their text argument on screen.
const SINKS: &[&str] = &[
    "label(",
    "button(",
    "heading(",
    "small(",
    "RichText::new(",
    "Window::new(",
    "on_hover_text(",
    "selectable_label(",
    "checkbox(",
    "weak(",
    "strong(",
    "text(",
];

/// The lines of a source that put a sentence of their own on screen.
fn sentences(path: &str, text: &str) -> Vec<String> {
    let mut left = Vec::new();
    for (n, line) in text.lines().enumerate() {
        // Code shown as code (a change typed in the scenario format).
        if line.contains("i18n: not words") {
            continue;
        }
        let code = line.split("//").next().unwrap_or_default();
        for sink in SINKS {
            let Some(at) = code.find(sink) else { continue };
            let after = &code[at + sink.len()..];
            let after = after.trim_start_matches('&').trim_start_matches("format!(");
            // The literal given to the call (its first or, for a
            // selectable label or a checkbox, its second argument).
            let lit = match after.strip_prefix('"') {
                Some(l) => l.split('"').next(),
                None if matches!(*sink, "selectable_label(" | "checkbox(") => after
                    .split_once(", ")
                    .map(|(_, l)| l.trim_start_matches('&').trim_start_matches("format!("))
                    .and_then(|l| l.strip_prefix('"'))
                    .and_then(|l| l.split('"').next()),
                None => None,
            };
            // A message id, or the game's name, is not a sentence.
            let id = |l: &str| l.chars().all(|c| c.is_ascii_lowercase() || c == '-');
            if let Some(lit) = lit
                && lit.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !id(lit)
                && lit != "Harmattan"
            {
                left.push(format!("{path}:{}: {}", n + 1, code.trim()));
            }
        }
    }
    left
}

#[test]
fn no_sentence_is_left_in_the_window_or_the_reports() {
    let mut files = Vec::new();
    sources(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/gui")), &mut files);
    let report = concat!(env!("CARGO_MANIFEST_DIR"), "/src/report.rs");
    files.push((report.to_string(), std::fs::read_to_string(report).unwrap()));
    let left: Vec<String> = files.iter().flat_map(|(path, text)| sentences(path, text)).collect();
    // The scan sees what it is for.
    let sample = "ui.label(\"Your month\");\nui.label(words.t(\"month-title\"));\nui.checkbox(&mut on, \"stop at turning points\");";
    assert_eq!(sentences("sample.rs", sample).len(), 2);
    assert!(left.is_empty(), "words to move to assets/i18n:\n{}", left.join("\n"));
}

#[test]
fn the_shipped_scenarios_and_catalogues_are_translated() {
    let catalogue = harmattan::scenario::catalogue::shipped_catalogue().unwrap();
    for lang in Lang::all().filter(|l| *l != Lang::EN) {
        for s in harmattan::scenario::shipped::SHIPPED {
            let scenario = harmattan::scenario::resolve(s.name).unwrap();
            let t = scenario
                .translation(lang.code())
                .unwrap_or_else(|| panic!("{} has no translation into {lang}", s.name));
            let (_, syntax) = parse(&t.text);
            assert!(syntax.is_empty(), "{}: {syntax:?}", t.origin);
            let (missing, unknown) = template::compare(&template::entries(&scenario.file), &t.text);
            assert!(missing.is_empty(), "{}: not translated: {missing:?}", t.origin);
            assert!(unknown.is_empty(), "{}: unknown keys: {unknown:?}", t.origin);
        }
        let shipped = LANGUAGES.iter().find(|l| l.code == lang.code()).unwrap();
        let (_, text) = shipped.files.iter().find(|(f, _)| *f == "catalogue.ftl").unwrap();
        let (_, atlas) = shipped.files.iter().find(|(f, _)| *f == "atlas.ftl").unwrap();
        let (_, syntax) = parse(atlas);
        assert!(syntax.is_empty(), "{lang} atlas: {syntax:?}");
        let loc = Locale::new(lang);
        let unnamed: Vec<&str> = harmattan::geo::SHIPPED_ATLAS
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix("(id:\"")?.split('"').next())
            .filter(|id| !loc.has(&harmattan::sim::world::said::text_key("country", id)))
            .collect();
        assert!(
            unnamed.is_empty(),
            "{lang}: the atlas's countries without a name: {unnamed:?}"
        );
        let (missing, unknown) = template::compare(&template::catalogue_entries(&catalogue), text);
        assert!(missing.is_empty(), "{lang} catalogue: not translated: {missing:?}");
        assert!(unknown.is_empty(), "{lang} catalogue: unknown keys: {unknown:?}");
    }
}

#[test]
fn a_game_reads_in_french_and_its_record_is_the_same_in_every_language() {
    let s = harmattan::scenario::resolve("sahel_2023").unwrap();
    let mut sim = Simulation::new(&s, 7, Detail::Full);
    sim.run(24);
    let mut fr = Locale::new(Lang::parse("fr").unwrap());
    assert!(fr.set_scenario(s.translation("fr").map(|t| t.text.as_str())).is_empty());
    let en = harmattan::report::build_in(&sim, Locale::english());
    let french = harmattan::report::build_in(&sim, &fr);
    // The machine keys are the same; the words differ.
    assert_eq!(en.events.len(), french.events.len());
    for (a, b) in en.events.iter().zip(&french.events) {
        assert_eq!(
            (a.kind, &a.state, &a.power, &a.bloc),
            (b.kind, &b.state, &b.power, &b.bloc)
        );
    }
    let texts: Vec<&str> = french.events.iter().map(|e| e.text.as_str()).collect();
    assert!(texts.iter().any(|t| t.contains("CEDEAO")), "{texts:#?}");
    assert!(
        texts
            .iter()
            .all(|t| !t.contains("ECOWAS") && !t.contains(" joins ") && !t.contains(" and ")),
        "English left in the French news: {texts:#?}"
    );
    assert!(french.scenario.starts_with("La crise"), "{}", french.scenario);
    let report = harmattan::report::text(&french, &fr);
    assert!(report.contains("Événements marquants"), "{report}");
    assert!(report.contains("août 2023"), "{report}");
    // Apart from the words (news, names), the two reports are one record.
    let facts = |r: &harmattan::report::RunReport| {
        let mut v = serde_json::to_value(r).unwrap();
        for e in v["events"].as_array_mut().unwrap() {
            e["text"] = serde_json::Value::Null;
        }
        for key in ["states", "blocs", "goals"] {
            for x in v[key].as_array_mut().unwrap() {
                x["name"] = serde_json::Value::Null;
                x["description"] = serde_json::Value::Null;
            }
        }
        v["scenario"] = serde_json::Value::Null;
        v
    };
    assert_eq!(facts(&en), facts(&french));
}

#[test]
fn every_record_a_game_makes_reads_in_every_language_with_all_its_words() {
    // Every news item, decision, refusal and goal of games of every
    // shipped scenario, played and observed, put into words: a message
    // whose argument the record lacks shows `{$name}`.
    let mut checked = 0;
    for shipped in harmattan::scenario::shipped::SHIPPED {
        let s = harmattan::scenario::resolve(shipped.name).unwrap();
        let mut sim = Simulation::new(&s, 11, Detail::Full);
        if let Some(first) = s.file.meta.playable.first() {
            sim.set_player(Some(first)).unwrap();
        }
        sim.run(36);
        for lang in Lang::all() {
            let mut loc = Locale::new(lang);
            loc.set_scenario(s.translation(lang.code()).map(|t| t.text.as_str()));
            let reg = sim.registry();
            let mut said: Vec<String> = sim.chronicle().news.iter().map(|n| loc.news(n, reg)).collect();
            for v in sim.decision_options() {
                said.extend(v.expected.iter().map(|e| loc.phrase(e, reg)));
                said.extend(v.refused.iter().map(|r| loc.phrase(r, reg)));
            }
            for code in &s.file.meta.playable {
                for g in harmattan::sim::goals::progress(sim.world(), code) {
                    said.extend(g.victory.iter().chain(&g.defeat).map(|(c, _)| loc.phrase(c, reg)));
                    said.extend(g.levers.iter().map(|(_, w)| loc.phrase(w, reg)));
                }
            }
            for text in &said {
                assert!(!text.contains("{$"), "{lang}, {}: {text}", shipped.name);
                assert!(
                    !text.contains("news-") && !text.contains("cond-"),
                    "{lang}: an id shown: {text}"
                );
            }
            checked += said.len();
        }
    }
    assert!(checked > 1000, "{checked} texts");
}

#[test]
fn numbers_and_months_take_the_languages_form() {
    let fr = Locale::new(Lang::parse("fr-FR").unwrap());
    assert_eq!(fr.number(12.5, 1), "12,5");
    assert_eq!(fr.percent(0.125, 1), "12,5\u{202f}%");
    assert_eq!(
        fr.month(harmattan::scenario::YearMonth { year: 2023, month: 8 }),
        "août 2023"
    );
    let en = Locale::english();
    assert_eq!(en.percent(0.125, 1), "12.5%");
    assert_eq!(
        en.month(harmattan::scenario::YearMonth { year: 2023, month: 8 }),
        "August 2023"
    );
    assert_eq!(Lang::parse("fr_FR.UTF-8").map(Lang::code), Some("fr"));
    assert_eq!(Lang::parse("de_DE"), None);
}

#[test]
fn the_command_line_speaks_the_language_asked_for() {
    let run = crate::support::harmattan(&["run", "tutorial", "--turns", "3", "--lang", "fr"]);
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(
        out.contains("Événements marquants") && out.contains("graine aléatoire"),
        "{out}"
    );
    let json_fr = crate::support::harmattan(&["run", "tutorial", "--turns", "3", "--json", "--lang", "fr"]);
    let json_en = crate::support::harmattan(&["run", "tutorial", "--turns", "3", "--json", "--lang", "en"]);
    let keys = |o: &std::process::Output| {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let events = v["events"].as_array().unwrap().clone();
        events
            .iter()
            .map(|e| e.as_object().unwrap().keys().cloned().collect::<Vec<_>>())
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&json_fr), keys(&json_en), "the same keys in both languages");
    assert_ne!(json_fr.stdout, json_en.stdout, "the words differ");
    // Errors too, and a language the game does not speak is refused.
    let bad = crate::support::harmattan(&["new-scenario", "tutorial", "--lang", "fr"]);
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.starts_with("erreur : `tutorial` est le nom d'un scénario fourni"),
        "{err}"
    );
    let change = crate::support::harmattan(&["futures", "tutorial", "--change", "Nonsense(", "--lang", "fr"]);
    let err = String::from_utf8_lossy(&change.stderr);
    assert!(
        err.starts_with("erreur : le changement `Nonsense(` n'est pas un effet"),
        "{err}"
    );
    let unknown = crate::support::harmattan(&["run", "tutorial", "--lang", "xx"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("speaks en, fr"));
}

#[test]
fn a_mods_translation_beside_it_is_found_and_checked() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mod_translation");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let scenario = dir.join("lake.ron");
    std::fs::write(&scenario, crate::support::tiny("")).unwrap();
    std::fs::write(
        dir.join("lake.fr.ftl"),
        "scenario-name = Le lac\nstate-AAA = Enclavie\n    .the = l'Enclavie\n    .gender = feminine\nnot-a-key = x\n",
    )
    .unwrap();
    let path = scenario.to_str().unwrap();
    let run = crate::support::harmattan(&["run", path, "--turns", "2", "--lang", "fr"]);
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(out.starts_with("Le lac"), "{out}");
    assert!(out.contains("Enclavie"), "{out}");
    let checked = crate::support::harmattan(&["validate", path]);
    let said = String::from_utf8_lossy(&checked.stdout);
    assert!(said.contains("lake.fr.ftl:5:1: warning: `not-a-key`"), "{said}");
    assert!(said.contains("are not translated into `fr`"), "{said}");
}
