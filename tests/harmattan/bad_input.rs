//! Every kind of bad scenario input gets a clear message at the right line
//! and column, all problems at once, and never a panic.

use harmattan::scenario::{self, LoadError};

use crate::support::tiny;

fn problems(text: &str) -> LoadError {
    match scenario::load("bad.ron", text) {
        Ok(_) => panic!("expected the scenario to be rejected"),
        Err(e) => e,
    }
}

/// 1-based line and column of the first occurrence of `needle`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("needle in text");
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

#[test]
fn syntax_errors_carry_file_line_and_column() {
    let text = tiny("").replace(
        "stability: 50, legitimacy: 50, military_loyalty: 60,\n         regime: (kind: Civilian, leader: \"Bea\"",
        "stability: 50 legitimacy: 50, military_loyalty: 60,\n         regime: (kind: Civilian, leader: \"Bea\"",
    );
    let e = problems(&text);
    assert_eq!(e.problems.len(), 1);
    let p = &e.problems[0];
    let (line, col) = position_of(&text, "stability: 50 legitimacy");
    // ron points at the token where it expected a comma.
    assert_eq!((p.line, p.col), (line, col + "stability: 50 ".len()), "{e}");
    let shown = e.to_string();
    assert!(shown.starts_with(&format!("bad.ron:{line}:")), "{shown}");
}

#[test]
fn unknown_fields_are_named_with_a_suggestion() {
    let text = tiny("").replacen("stability: 50,", "stabilty: 50,", 1);
    let e = problems(&text);
    let p = &e.problems[0];
    assert!(p.message.contains("unknown field `stabilty`"), "{}", p.message);
    assert!(p.message.contains("did you mean `stability`?"), "{}", p.message);
    let (line, col) = position_of(&text, "stabilty");
    assert_eq!((p.line, p.col), (line, col), "{e}");
}

#[test]
fn out_of_range_values_point_at_the_value() {
    let text = tiny("").replacen("stability: 50,", "stability: 140,", 1);
    let e = problems(&text);
    assert_eq!(e.problems.len(), 1, "{e}");
    let p = &e.problems[0];
    assert_eq!((p.line, p.col), position_of(&text, "140"));
    assert_eq!(p.message, "stability is 140, but must be between 0 and 100");
}

#[test]
fn unknown_references_suggest_the_nearest_id() {
    let text = tiny("").replace(r#"neighbours: ["CCC"]"#, r#"neighbours: ["CCD"]"#);
    let e = problems(&text);
    let p = &e.problems[0];
    assert_eq!((p.line, p.col), position_of(&text, r#""CCD""#));
    assert_eq!(p.message, "unknown state `CCD`; did you mean `CCC`?");
}

#[test]
fn duplicate_ids_are_reported() {
    let text = tiny("").replace(r#"(id: "CCC", name: "Other""#, r#"(id: "BBB", name: "Other""#);
    let e = problems(&text);
    assert!(
        e.problems
            .iter()
            .any(|p| p.message == "duplicate state id `BBB`: each id must be unique"),
        "{e}"
    );
    let dup = e.problems.iter().find(|p| p.message.starts_with("duplicate")).unwrap();
    let second = text.match_indices(r#"id: "BBB""#).nth(1).unwrap().0;
    let line = text[..second].matches('\n').count() + 1;
    assert_eq!(dup.line, line);
}

#[test]
fn a_bloc_naming_a_member_twice_is_reported() {
    let text = tiny("").replace(r#"members: ["AAA", "BBB", "CCC"]"#, r#"members: ["AAA", "BBB", "AAA"]"#);
    let e = problems(&text);
    let p = &e.problems[0];
    assert_eq!(p.message, "`AAA` is named twice in COM's members list");
    let (line, col) = position_of(&text, r#"members: ["AAA", "BBB", "AAA"]"#);
    assert_eq!((p.line, p.col), (line, col + r#"members: ["AAA", "BBB", "#.len()));
}

#[test]
fn every_problem_in_a_file_is_reported_in_order() {
    let text = tiny(r#"    partnerships: [(state: "AAA", power: "RUZ", kind: Base, stage: InForce)],"#)
        .replacen("stability: 50,", "stability: -5,", 1)
        .replacen("growth: 4,", "growth: 99,", 1)
        .replace(r#"members: ["AAA", "BBB", "CCC"]"#, r#"members: ["AAA", "BBB", "XYZ"]"#);
    let e = problems(&text);
    let messages: Vec<&str> = e.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(e.problems.len(), 4, "{e}");
    assert!(messages[0].starts_with("stability is -5"));
    assert!(messages[1].starts_with("growth is 99"));
    assert!(messages[2].starts_with("unknown state `XYZ`"));
    assert_eq!(messages[3], "unknown power `RUZ`; did you mean `RUS`?");
    let lines: Vec<usize> = e.problems.iter().map(|p| p.line).collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "sorted by position: {lines:?}");
}

#[test]
fn unknown_enum_values_list_the_allowed_ones() {
    let text = tiny("").replacen("kind: Civilian", "kind: Civillian", 1);
    let e = problems(&text);
    let p = &e.problems[0];
    assert!(p.message.contains("did you mean `Civilian`?"), "{}", p.message);
    assert!(p.message.contains("MilitaryJunta"), "{}", p.message);
}

#[test]
fn bad_rule_overrides_are_located() {
    let text = tiny(r#"    rules: {"coups.base_logt": -5.0},"#);
    let e = problems(&text);
    let p = &e.problems[0];
    assert_eq!((p.line, p.col), position_of(&text, r#""coups.base_logt""#));
    assert!(p.message.contains("did you mean `coups.base_logit`?"), "{}", p.message);
}

#[test]
fn bad_dates_are_explained() {
    let text = tiny("").replace(r#"start: "2023-01""#, r#"start: "2023-13""#);
    let e = problems(&text);
    assert!(e.problems[0].message.contains("month 13"), "{e}");
}

#[test]
fn hostile_files_are_refused_without_unbounded_work() {
    // Too many states: rejected by count.
    let state = r#"(id: "S", name: "S", stability: 50, legitimacy: 50, military_loyalty: 50,
        regime: (kind: Civilian, leader: "L", since: "2020-01"),
        security: (insurgency: 0, control: 100, military: 10),
        economy: (growth: 1, sanctions_exposure: 0, coastal: true)),"#;
    let many = format!(
        r#"(meta: (name: "Big", start: "2023-01", turns: 1, seed: 1), powers: [], states: [{}])"#,
        state.repeat(65)
    );
    let e = problems(&many);
    assert!(
        e.problems.iter().any(|p| p.message == "65 states; the limit is 64"),
        "{e}"
    );

    // Nesting deeper than the parser allows.
    let deep = format!(
        r#"(meta: (name: "Deep", start: "2023-01", turns: 1, seed: 1), powers: [], states: [], events: [(id: "x", when: {}Chance(0.5){}, effects: [])])"#,
        "Not(".repeat(200),
        ")".repeat(200)
    );
    let e = problems(&deep);
    assert!(e.problems[0].message.contains("nests deeper"), "{e}");

    // Too large to be a scenario.
    let huge = " ".repeat(harmattan::scenario::limits::FILE_BYTES + 1);
    let e = problems(&huge);
    assert!(e.problems[0].message.contains("limited to"), "{e}");

    // Absurd turn counts.
    let e = problems(&tiny("").replace("turns: 12", "turns: 100000"));
    assert!(e.problems[0].message.contains("turns is 100000"), "{e}");
}

#[test]
fn garbage_never_panics() {
    for text in [
        "",
        "(",
        ")",
        "Scenario(",
        "[1, 2",
        "\"",
        "(meta: 5)",
        "/* unterminated",
        "r#\"",
        "{:}",
    ] {
        assert!(scenario::load("junk.ron", text).is_err(), "{text:?} should fail");
    }
}

#[test]
fn choices_need_a_known_chooser_and_two_options() {
    let text = tiny(
        r#"    events: [
        (id: "a", when: Date("2023-01"), effects: [], choices: [(label: "x"), (label: "y")]),
        (id: "b", when: Date("2023-01"), effects: [], chooser: "AAB", choices: [(label: "only")]),
    ],"#,
    );
    let e = problems(&text);
    let messages: Vec<&str> = e.problems.iter().map(|p| p.message.as_str()).collect();
    assert!(messages.iter().any(|m| m.contains("needs a `chooser`")), "{messages:?}");
    assert!(
        messages.contains(&"unknown state `AAB`; did you mean `AAA`?"),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("at least two options")),
        "{messages:?}"
    );
    let p = e.problems.iter().find(|p| p.message.contains("AAB")).unwrap();
    assert_eq!((p.line, p.col), position_of(&text, r#""AAB""#));
}

#[test]
fn a_power_agenda_names_known_states_and_powers() {
    let text = tiny("").replacen(
        r#"conditionality: 0.0)"#,
        r#"conditionality: 0.0, agenda: (outreach: 1.5, courts: ["AAB"], rivals: ["RUS"]))"#,
        1,
    );
    let e = problems(&text);
    let shown = e.to_string();
    assert_eq!(e.problems.len(), 3, "{shown}");
    let at = |needle: &str| position_of(&text, needle);
    let find = |msg: &str| {
        e.problems
            .iter()
            .find(|p| p.message.contains(msg))
            .unwrap_or_else(|| panic!("no problem saying {msg:?} in:\n{shown}"))
    };
    let p = find("outreach is 1.5");
    assert_eq!((p.line, p.col), at("1.5"));
    let p = find("unknown state `AAB`; did you mean `AAA`?");
    assert_eq!((p.line, p.col), at("\"AAB\""));
    let p = find("cannot be its own rival");
    let (line, col) = at("rivals: [\"RUS\"]");
    assert_eq!((p.line, p.col), (line, col + "rivals: [".len()));
}

/// Problems of the file format in different items do not hide each
/// other: each is reported at its line; one the parser cannot read past
/// (a missing comma) ends the list.
#[test]
fn every_format_problem_is_reported_where_the_parser_can_read_on() {
    let text = crate::support::tiny(
        r#"    events: [
        (id: "a", when: Date("2023-13"), effects: []),
        (id: "b", when: Date("2023-02"), effects: [Change(state: "AAA", indicator: Happiness, delta: 1)]),
        (id: "c", when: Date("2023-03"), efects: []),
        (id: "d", when: Date("2023-04"), effects: []),
    ],"#,
    )
    .replace("kind: Civilian, leader: \"Bea\"", "kind: Civillian, leader: \"Bea\"");
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let err = harmattan::scenario::load("many.ron", &text).unwrap_err();
    let lines: Vec<usize> = err.problems.iter().map(|p| p.line).collect();
    for (needle, said) in [
        ("Civillian", "unknown value `Civillian`; did you mean `Civilian`?"),
        ("2023-13", "2023-13"),
        ("Happiness", "unknown value `Happiness`"),
        ("efects", "unknown field `efects`; did you mean `effects`?"),
    ] {
        let line = line_of(needle);
        assert!(
            err.problems.iter().any(|p| p.line == line && p.message.contains(said)),
            "{said} at line {line}: {err}"
        );
    }
    assert_eq!(lines.len(), 4, "one problem each, none invented by the cutting: {err}");

    // A missing comma: the parser cannot read on, so it is the last.
    let broken = text.replace(
        r#"effects: []),
        (id: "d""#,
        r#"effects: [])
        (id: "d""#,
    );
    let err = harmattan::scenario::load("comma.ron", &broken).unwrap_err();
    assert!(err.problems.len() <= 5, "{err}");
}

/// A commodity written in quotes where a bare name goes is told how to
/// write it; a leader a scenario's own decision brings is no warning.
#[test]
fn quoted_names_and_leaders_from_decisions_are_read_as_meant() {
    let quoted = crate::support::tiny("").replace("coastal: false)", r#"coastal: false, exports: ["Gold"])"#);
    let err = harmattan::scenario::load("quoted.ron", &quoted)
        .unwrap_err()
        .to_string();
    assert!(err.contains("written bare"), "{err}");
    let s = crate::support::load(&crate::support::tiny(
        r#"    decisions: [(id: "crown", by: Government, name: "Crown a successor", cost: 1, target: None,
                 effects: [(effect: SetLeader(state: "$self", leader: "Zed"))])],
    goals: [(state: "AAA", name: "Succession", victory: Leader(state: "AAA", leader: "Zed"), defeat: Elapsed(12))],"#,
    ));
    assert!(
        !s.warnings.iter().any(|w| w.message.contains("`Zed`")),
        "{:?}",
        s.warnings
    );
}
