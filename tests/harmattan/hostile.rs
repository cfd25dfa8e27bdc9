//! Hostile and careless input: files, saves and outputs made to crash,
//! hang, exhaust memory or clobber something. Each is refused with a clear
//! message or handled within bounds (docs/scenarios.md, "Limits"). The
//! hostile files are made here, not committed.

use harmattan::scenario::{self, LoadError};
use harmattan::sim::chronicle::NewsKind;
use harmattan::sim::{Detail, Simulation};

use crate::support::{load, tiny};

fn problems(text: &str) -> LoadError {
    match scenario::load("hostile.ron", text) {
        Ok(_) => panic!("expected the scenario to be rejected"),
        Err(e) => e,
    }
}

#[test]
fn an_event_that_fires_itself_is_refused_with_its_chain() {
    let fires = vec![r#"Fire("loop")"#; 8].join(", ");
    let text = tiny(&format!(
        r#"    events: [
        (id: "loop", when: Date("2023-01"), effects: [{fires}]),
        (id: "a", when: Date("2023-01"), effects: [Fire("b")]),
        (id: "b", when: Date("2023-02"), effects: [Fire("c")]),
        (id: "c", when: Date("2023-03"), effects: [Fire("a")]),
    ],"#
    ));
    let e = problems(&text);
    let shown = e.to_string();
    assert!(
        shown.contains("event `loop` fires itself through loop → loop"),
        "{shown}"
    );
    assert!(
        shown.contains("event `a` fires itself through a → b → c → a"),
        "{shown}"
    );
    assert_eq!(e.problems.len(), 2, "one report per loop:\n{shown}");
}

#[test]
fn events_that_fire_each_other_many_times_fire_once_a_turn() {
    // Eight levels, each firing the next eight times: 8^8 fires before
    // each event could fire once a turn at most.
    let mut events = Vec::new();
    for level in 0..8 {
        let next = vec![format!(r#"Fire("e{}")"#, level + 1); 8].join(", ");
        let when = if level == 0 {
            r#"From("2023-01")"#
        } else {
            r#"Date("1900-01")"#
        };
        events.push(format!(
            r#"(id: "e{level}", when: {when}, once: false, effects: [{next}, Change(state: "AAA", indicator: Stability, delta: 0.01)])"#
        ));
    }
    events.push(r#"(id: "e8", when: Date("1900-01"), once: false, effects: [])"#.to_string());
    let text = tiny(&format!("    events: [{}],", events.join(",\n")));
    let mut sim = Simulation::new(&load(&text), 1, Detail::Full);
    sim.run(2);
    let fired = sim
        .chronicle()
        .news
        .iter()
        .filter(|n| n.kind == NewsKind::Scripted)
        .count();
    assert_eq!(fired, 2 * 9, "each of the nine events once a turn");
}

#[test]
fn thousands_of_unknown_ids_get_short_messages() {
    // 2,048 events, each firing an unknown id: every problem is reported,
    // each in a line of bounded length (the known ids are not listed in
    // full each time).
    let events: Vec<String> = (0..2048)
        .map(|i| format!(r#"(id: "event_number_{i}", when: Date("1900-01"), effects: [Fire("missing_{i}")])"#))
        .collect();
    let text = tiny(&format!("    events: [{}],", events.join(",\n")));
    let e = problems(&text);
    assert_eq!(e.problems.len(), 2048);
    let longest = e.problems.iter().map(|p| p.message.len()).max().unwrap();
    assert!(longest < 600, "a message of {longest} bytes");
    assert!(
        e.problems[0].message.contains("and 2036 more"),
        "{}",
        e.problems[0].message
    );
}

#[test]
fn huge_ids_are_compared_within_bounds_and_shown_cut() {
    // A 1.9 MB id against a 1.9 MB id: no "did you mean", no 1.9 MB message.
    let huge = "x".repeat(1_900_000);
    let text = tiny(&format!(
        r#"    events: [(id: "{huge}", when: Date("1900-01"), effects: [Fire("{huge}y")])],"#
    ));
    let e = problems(&text);
    for p in &e.problems {
        assert!(p.message.len() < 1000, "a message of {} bytes", p.message.len());
    }
    // A 3.9 MB rule path in the overrides.
    let path = "coups.".to_string() + &"z".repeat(3_900_000);
    let mut o = std::collections::BTreeMap::new();
    o.insert(path, 1.0);
    let errs = harmattan::rules::Rules::shipped().with_overrides(&o).unwrap_err();
    assert!(errs[0].message.len() < 1000);
}
