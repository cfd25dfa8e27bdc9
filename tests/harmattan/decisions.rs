//! Decisions: the catalogue is valid data; a decision costs capital, is
//! refused when closed or unaffordable, does what it says (now, later, or
//! by chance) and is booked in the ledger; computer-run governments decide
//! deterministically and say why.

use harmattan::scenario::format::Indicator;
use harmattan::sim::components::*;
use harmattan::sim::decisions::{DecisionLog, SHIPPED_DECISIONS, shipped_catalogue};
use harmattan::sim::ledger::{Actor, Mechanism};
use harmattan::sim::{Detail, Simulation};

use crate::support::{NO_NOISE, load, shipped, tiny};

fn played(extra: &str) -> Simulation {
    let mut sim = Simulation::new(&load(&tiny(extra)), 1, Detail::Full);
    sim.set_player(Some("AAA")).unwrap();
    sim
}

fn indicator(sim: &Simulation, code: &str, i: Indicator) -> f64 {
    let e = sim.registry().state_entity(sim.registry().state(code).unwrap());
    read_indicator(sim.world().entity(e), i)
}

#[test]
fn the_shipped_catalogue_is_valid_scenario_data() {
    let defs = shipped_catalogue().expect("assets/decisions.ron parses");
    assert!(defs.len() >= 20, "a catalogue, not a sample: {}", defs.len());
    let mut ids: Vec<&str> = defs.iter().map(|d| d.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), defs.len(), "ids are unique");
    // Through the scenario validator, as a modder's would be.
    let text = tiny(&format!("    decisions: {SHIPPED_DECISIONS},"));
    load(&text);
}

#[test]
fn a_decision_costs_capital_and_is_booked_to_the_decision() {
    let mut sim = played(&format!("    rules: {{{NO_NOISE}}},"));
    let before = indicator(&sim, "AAA", Indicator::CoupProofing);
    sim.decide("coup_proofing", None).unwrap();
    // Two months of capital at the start (2.0): a second costly decision
    // does not fit.
    let refused = sim.decide("offensive", None).unwrap_err();
    assert!(refused.contains("political capital"), "{refused}");
    sim.step();
    let after = indicator(&sim, "AAA", Indicator::CoupProofing);
    assert!((after - before - 10.0).abs() < 1.0, "{before} → {after}");
    let aaa = sim.registry().state("AAA").unwrap();
    let booked = sim.ledger().entries.iter().any(|e| {
        e.state == aaa && e.cause.mechanism == Mechanism::Order && matches!(e.cause.actor, Some(Actor::Decision(_)))
    });
    assert!(booked, "the ledger names the decision");
    let log = &sim.world().resource::<DecisionLog>().0;
    assert!(log.iter().any(|t| t.by_player && t.decision == "coup_proofing"));
    assert!(
        sim.chronicle()
            .news
            .iter()
            .any(|n| n.text.contains("Guard units and purges"))
    );
}

#[test]
fn closed_decisions_are_refused_with_the_reason() {
    let mut sim = played("");
    let e = sim.decide("announce_transition", None).unwrap_err();
    assert!(e.contains("not open"), "a civilian government has no transition: {e}");
    let e = sim.decide("visit_power", None).unwrap_err();
    assert!(e.contains("needs a target"), "{e}");
    let e = sim.decide("visit_power", Some("XXX")).unwrap_err();
    assert!(e.contains("not a power"), "{e}");
    let e = sim.decide("no_such_thing", None).unwrap_err();
    assert!(e.contains("not a decision"), "{e}");
    let mut observer = Simulation::new(&load(&tiny("")), 1, Detail::Full);
    assert!(
        observer
            .decide("repression", None)
            .unwrap_err()
            .contains("no government is played")
    );
    // What the player sees before choosing.
    let options = sim.decision_options();
    let offensive = options.iter().find(|o| o.id == "offensive").unwrap();
    assert!(
        offensive
            .expected
            .iter()
            .any(|e| e.contains("60 % chance") && e.contains("in 1 month")),
        "{:?}",
        offensive.expected
    );
    let visit = options.iter().filter(|o| o.id == "visit_power").count();
    assert_eq!(visit, 2, "one option per power");
}

#[test]
fn delayed_effects_arrive_on_time() {
    let extra = format!(
        r#"    decisions: [(id: "later", name: "Later", cost: 0,
        effects: [(effect: Change(state: "$self", indicator: Legitimacy, delta: 10), delay: 2)])],
    rules: {{{NO_NOISE}}},"#
    );
    let mut sim = played(&extra);
    sim.decide("later", None).unwrap();
    sim.run(3);
    let aaa = sim.registry().state("AAA").unwrap();
    let turns: Vec<u32> = sim
        .ledger()
        .entries
        .iter()
        .filter(|e| e.state == aaa && matches!(e.cause.actor, Some(Actor::Decision(_))))
        .map(|e| e.turn)
        .collect();
    assert_eq!(turns, vec![3], "decided in turn 1, felt two months later");
}

#[test]
fn computer_governments_decide_deterministically_and_say_why() {
    let run = || {
        let mut sim = Simulation::new(&shipped(), 9, Detail::Full);
        sim.run(24);
        sim.world().resource::<DecisionLog>().0.clone()
    };
    let (a, b) = (run(), run());
    assert_eq!(a, b, "same seed, same decisions");
    assert!(a.len() >= 10, "governments act: {} decisions in 24 months", a.len());
    for t in &a {
        assert!(!t.by_player);
        assert!(t.weight > 0.0 && !t.reasons.is_empty(), "{t:?} has no reasons");
    }
}

#[test]
fn hot_seat_players_take_turns_and_no_computer_decides_for_them() {
    // Every computer government acts every month, and always has a reason.
    let text = tiny(&format!(
        r#"    decisions: [(id: "routine", name: "Routine business", cost: 0,
        effects: [(effect: Change(state: "$self", indicator: Legitimacy, delta: 0.1))],
        ai: (factors: [(when: Regime(state: "$self", kind: Civilian), add: 1.0, why: "routine")]))],
    rules: {{{NO_NOISE}, "decisions.ai_act_chance": 1.0}},"#
    ));
    let s = load(&text);
    let mut sim = Simulation::new(&s, 3, Detail::Full);
    sim.set_players(&["AAA", "BBB"]).unwrap();
    assert!(sim.set_players(&["AAA", "AAA"]).unwrap_err().contains("twice"));
    sim.set_players(&["AAA", "BBB"]).unwrap();
    sim.decide("coup_proofing", None).unwrap();
    assert!(!sim.pass_seat(), "BBB's turn now");
    sim.decide("repression", None).unwrap();
    assert!(sim.pass_seat(), "back to the first: the month can run");
    sim.step();
    for _ in 0..11 {
        sim.pass_seat();
        sim.pass_seat();
        sim.step();
    }
    let log = &sim.world().resource::<DecisionLog>().0;
    let code = |t: &harmattan::sim::decisions::Taken| sim.registry().state_code(t.state).to_string();
    assert!(
        log.iter()
            .any(|t| t.by_player && t.decision == "coup_proofing" && code(t) == "AAA")
    );
    assert!(
        log.iter()
            .any(|t| t.by_player && t.decision == "repression" && code(t) == "BBB")
    );
    assert!(
        log.iter().filter(|t| code(t) != "CCC").all(|t| t.by_player),
        "no computer decision for a human-played state"
    );
    assert!(
        log.iter().any(|t| !t.by_player && code(t) == "CCC"),
        "the computer still plays CCC"
    );
    // A hot-seat game saves and loads like any other.
    let file = harmattan::save::capture_simulation(&sim, &s);
    let loaded = harmattan::save::load_simulation(&file, "hot-seat").unwrap();
    assert_eq!(harmattan::report::digest(&loaded), harmattan::report::digest(&sim));
}
