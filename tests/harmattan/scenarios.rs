//! The shipped scenarios: they load, run their length under several seeds,
//! fire their dated history on its dates, and give every playable state
//! goals that are not already lost at the start.

use harmattan::scenario::format::Condition;
use harmattan::scenario::format::Indicator;
use harmattan::scenario::{self, Scenario, shipped};
use harmattan::sim::chronicle::NewsKind;
use harmattan::sim::goals::GoalStatus;
use harmattan::sim::{Detail, Simulation};

use crate::support::{load, tiny};

fn all_shipped() -> Vec<Scenario> {
    shipped::SHIPPED
        .iter()
        .map(|s| scenario::resolve(s.name).unwrap_or_else(|e| panic!("{} does not load:\n{e}", s.name)))
        .collect()
}

/// A copy without coups, so that a test of the scripted history is not at
/// the mercy of a putsch that removes the leader an event expects.
fn without_coups(s: &Scenario) -> Scenario {
    let mut s = s.clone();
    s.rules.coups.base_logit = -50.0;
    s
}

#[test]
fn every_shipped_scenario_runs_its_length_under_several_seeds() {
    for s in all_shipped() {
        for seed in [1, 2, 3] {
            let mut sim = Simulation::new(&s, seed, Detail::Full);
            sim.run(s.file.meta.turns);
            assert_eq!(sim.turn(), s.file.meta.turns, "{}", s.file.meta.name);
            let last = sim.history().snapshots.last().expect("history kept");
            for st in &last.states {
                assert!(
                    (0.0..=100.0).contains(&st.get(Indicator::Stability))
                        && (0.0..=100.0).contains(&st.get(Indicator::FoodInsecurity))
                );
            }
        }
    }
}

#[test]
fn the_region_is_all_there() {
    // Every ECOWAS and AES member, Mauritania, Chad, Cameroon and São Tomé;
    // Russia, France, the USA, China, Egypt and the EU.
    let states = [
        "BEN", "BFA", "CIV", "CPV", "GHA", "GIN", "GMB", "GNB", "LBR", "MLI", "NER", "NGA", "SEN", "SLE", "TGO", "MRT",
        "TCD", "CMR", "STP",
    ];
    let powers = ["RUS", "FRA", "USA", "CHN", "EGY", "EU"];
    for name in ["west_africa_2020", "sahel_2023", "confederation_2025"] {
        let s = scenario::resolve(name).unwrap();
        for id in states {
            assert!(s.file.states.iter().any(|x| x.id == id), "{name} lacks {id}");
        }
        for id in powers {
            assert!(s.file.powers.iter().any(|x| x.id == id), "{name} lacks {id}");
        }
    }
}

/// The month of an event that fires on a fixed date with nothing else to
/// decide, if it is one.
fn fixed_date(c: &Condition) -> Option<harmattan::scenario::YearMonth> {
    match c {
        Condition::Date(d) => Some(*d),
        _ => None,
    }
}

#[test]
fn dated_historical_events_fire_on_their_dates() {
    let mut checked = 0;
    for s in all_shipped() {
        let s = without_coups(&s);
        let mut sim = Simulation::new(&s, s.file.meta.seed, Detail::Full);
        sim.run(s.file.meta.turns);
        for e in &s.file.events {
            let Some(date) = fixed_date(&e.when) else { continue };
            let end = s.file.meta.start.plus_months(s.file.meta.turns as i64 - 1);
            if date > end {
                continue;
            }
            let title = e.title.clone().unwrap_or_else(|| e.id.clone());
            let fired = sim.chronicle().news.iter().any(|n| {
                matches!(n.kind, NewsKind::Scripted | NewsKind::Announcement)
                    && n.date == date
                    && crate::support::said(&sim, n) == title
            });
            assert!(fired, "{}: `{}` did not fire in {date}", s.file.meta.name, e.id);
            checked += 1;
        }
    }
    assert!(checked >= 12, "only {checked} dated events checked");
}

#[test]
fn scheduled_leaders_take_office_on_their_dates() {
    let s = without_coups(&scenario::resolve("west_africa_2020").unwrap());
    let mut sim = Simulation::new(&s, 1, Detail::Full);
    let leader = |sim: &Simulation, code: &str| {
        let e = sim.registry().state_entity(sim.registry().state(code).unwrap());
        sim.world()
            .get::<harmattan::sim::components::Regime>(e)
            .unwrap()
            .leader
            .clone()
    };
    // Bazoum is sworn in in April 2021 (turn 16 from January 2020).
    sim.run(15);
    assert_eq!(leader(&sim, "NER"), "Mahamadou Issoufou");
    sim.run(1);
    assert_eq!(leader(&sim, "NER"), "Mohamed Bazoum");
}

#[test]
fn every_playable_state_has_goals_not_lost_at_the_start() {
    for s in all_shipped() {
        let f = &s.file;
        for p in &f.meta.playable {
            assert!(
                f.goals.iter().any(|g| &g.state == p),
                "{}: {p} is playable but has no goal",
                f.meta.name
            );
        }
        // A misspelt leader would lose `Not(Leader(..))` at once.
        let s = without_coups(&s);
        let mut sim = Simulation::new(&s, 1, Detail::Full);
        sim.step();
        for g in sim.goals() {
            assert!(
                !matches!(g.status, GoalStatus::Lost { .. }),
                "{}: {} `{}` is lost in the first month",
                f.meta.name,
                g.state,
                g.name
            );
        }
    }
}

#[test]
fn the_tutorial_teaches_a_lesson_a_month_and_ends_with_its_last() {
    let s = scenario::resolve("tutorial").unwrap();
    assert_eq!(s.file.meta.turns, 6);
    let mut sim = Simulation::new(&s, s.file.meta.seed, Detail::Full);
    sim.set_player(Some("BFA")).unwrap();
    let titles: Vec<String> = s.file.events.iter().filter_map(|e| e.title.clone()).collect();
    let lessons = |sim: &Simulation, turn: u32| -> Vec<String> {
        sim.chronicle()
            .news_of_turn(turn)
            .filter(|n| titles.contains(&crate::support::said(sim, n)))
            .map(|n| crate::support::said(sim, n))
            .collect()
    };
    let mut choices = 0;
    for turn in 1..=6 {
        assert!(!sim.player_done(), "not over before its last lesson (turn {turn})");
        sim.step();
        assert_eq!(lessons(&sim, turn).len(), 1, "one lesson in month {turn}");
        if let Some(c) = sim.open_choices().first() {
            // Every choice is put in a month the game goes on after, so
            // that the answer is carried out and seen.
            assert!(turn < 6, "{} is asked in the last month", c.event);
            sim.choose(&c.event, 0).unwrap();
            choices += 1;
        }
    }
    assert_eq!(choices, 2, "an offer and the grain-export choice");
    assert!(sim.player_done(), "over after six months");
    assert_eq!(sim.goals()[0].status, GoalStatus::Won { turn: 6 });
    assert!(
        lessons(&sim, 6)[0].starts_with("Last lesson"),
        "the last lesson comes with the end"
    );
    assert!(sim.chronicle().news.iter().any(|n| n.kind == NewsKind::GoalReached));
}

/// The causes lesson says that stability drifts back to its usual level
/// and that insurgency counts only as it grows beyond where it stood: the
/// side panel must show exactly that, month by month, for Burkina Faso.
#[test]
fn the_tutorials_lesson_on_causes_says_what_the_side_panel_shows() {
    use harmattan::scenario::format::Indicator;
    use harmattan::sim::ledger::{Measure, Mechanism};
    let s = scenario::resolve("tutorial").unwrap();
    let lesson = s.file.events.iter().find(|e| e.id == "lesson_causes").unwrap();
    let text = lesson.title.as_deref().unwrap();
    assert!(
        !text.contains("Insurgency at 80"),
        "the level is not what counts: {text}"
    );
    assert!(text.contains("insurgency counts only as it moves away from where it stood"));
    let mut sim = Simulation::new(&s, s.file.meta.seed, Detail::Full);
    sim.set_player(Some("BFA")).unwrap();
    sim.run(4);
    let bfa = sim.registry().state("BFA").unwrap();
    let term = |turn: u32| {
        sim.ledger()
            .breakdown(turn, bfa, Measure::Indicator(Indicator::Stability))
            .iter()
            .filter(|(c, _)| c.mechanism == Mechanism::Insurgency)
            .map(|(_, d)| *d)
            .sum::<f64>()
    };
    let e = sim.registry().state_entity(bfa);
    let baseline = sim
        .world()
        .get::<harmattan::sim::components::Baseline>(e)
        .unwrap()
        .insurgency;
    let rules = sim.world().resource::<harmattan::rules::Rules>().stability.clone();
    for turn in 1..=4 {
        let insurgency = sim.history().snapshots[turn as usize].states[bfa.0 as usize].get(Indicator::Insurgency);
        let expected = -rules.rate * rules.insurgency_weight * (insurgency - baseline);
        assert!(
            (term(turn) - expected).abs() < 1e-6,
            "month {turn}: insurgency {insurgency:.1} against {baseline:.1} where it stood: {} expected {expected}",
            term(turn)
        );
    }
    assert!(
        (1..=4).any(|t| sim
            .ledger()
            .breakdown(t, bfa, Measure::Indicator(Indicator::Stability))
            .iter()
            .any(|(c, d)| c.mechanism == Mechanism::Drift && d.abs() > 0.0)),
        "and the drift back to the usual level is there"
    );
}

#[test]
fn a_goal_is_lost_when_its_defeat_holds_and_stays_decided() {
    let text = tiny(
        r#"    events: [
        (id: "ousted", when: Date("2023-02"), effects: [SetLeader(state: "AAA", leader: "Zed")]),
        (id: "back", when: Date("2023-03"), effects: [SetLeader(state: "AAA", leader: "Ann")]),
    ],
    goals: [
        (state: "AAA", name: "Hold on", victory: Elapsed(6), defeat: Not(Leader(state: "AAA", leader: "Ann"))),
        (state: "AAA", name: "Six months", victory: Elapsed(6), defeat: Sanctioned(state: "AAA", bloc: "COM")),
    ],
    rules: {"coups.base_logit": -50},"#,
    );
    let mut sim = Simulation::new(&load(&text), 1, Detail::Full);
    sim.set_player(Some("AAA")).unwrap();
    sim.run(6);
    let goals = sim.goals();
    assert_eq!(goals[0].status, GoalStatus::Lost { turn: 2 }, "lost, and not won back");
    assert_eq!(goals[1].status, GoalStatus::Won { turn: 6 });
    assert!(sim.player_done());
    let report = harmattan::report::build(&sim);
    assert_eq!(report.goals.len(), 2);
}

#[test]
fn an_event_at_start_greets_the_player_before_the_first_month() {
    let text = tiny(
        r#"    events: [
        (id: "hello", title: "Welcome.", headline: true, when: Start, effects: [Change(state: "AAA", indicator: Legitimacy, delta: 5)]),
        (id: "first", title: "The first month.", when: Date("2023-01"), effects: []),
    ],"#,
    );
    let mut sim = Simulation::new(&load(&text), 1, Detail::Full);
    let texts = |sim: &Simulation| -> Vec<(u32, String)> {
        sim.chronicle()
            .news
            .iter()
            .filter(|n| matches!(n.kind, NewsKind::Announcement | NewsKind::Scripted))
            .map(|n| (n.turn, crate::support::said(sim, n)))
            .collect()
    };
    // On the opening screen: the greeting, and its effect, and nothing dated.
    assert_eq!(texts(&sim), vec![(0, "Welcome.".to_string())]);
    let e = sim.registry().state_entity(sim.registry().state("AAA").unwrap());
    let legitimacy = sim.world().get::<harmattan::sim::components::Legitimacy>(e).unwrap().0;
    assert!((legitimacy - 55.0).abs() < 1e-9, "{legitimacy}");
    // The first month brings its own event, and the greeting never again.
    sim.run(3);
    assert_eq!(
        texts(&sim),
        vec![(0, "Welcome.".to_string()), (1, "The first month.".to_string())]
    );
    // The tutorial greets its player this way.
    let tutorial = scenario::load("tutorial.ron", shipped::find("tutorial").unwrap().text).unwrap();
    let sim = Simulation::new(&tutorial, 1, Detail::Full);
    assert!(
        sim.chronicle()
            .news
            .iter()
            .any(|n| n.kind == NewsKind::Announcement
                && crate::support::said(&sim, n).starts_with("Welcome to Harmattan"))
    );
}

#[test]
fn start_is_refused_where_it_can_never_hold() {
    let goal = tiny(r#"    goals: [(state: "AAA", name: "x", victory: Start, defeat: Elapsed(12))],"#);
    let err = scenario::load("t.ron", &goal).unwrap_err().to_string();
    assert!(err.contains("`Start` holds only while the game is set up"), "{err}");
    let choice = tiny(
        r#"    events: [(id: "ask", when: Start, effects: [], chooser: "AAA",
        choices: [(label: "Yes", effects: []), (label: "No", effects: [])])],"#,
    );
    let err = scenario::load("t.ron", &choice).unwrap_err().to_string();
    assert!(err.contains("cannot offer choices"), "{err}");
}

/// docs/scenarios.md lists every decision an agenda may name, a
/// government's and a power's, as the catalogues hold them.
#[test]
fn the_agenda_decision_ids_in_the_docs_are_the_catalogues() {
    let docs = std::fs::read_to_string("docs/scenarios.md").unwrap();
    let from = docs.find("The decisions an agenda may name").unwrap();
    let to = from + docs[from..].find("A test checks this list").unwrap();
    let listed = &docs[from..to];
    let catalogue = harmattan::scenario::catalogue::shipped_catalogue().unwrap();
    for d in &catalogue {
        assert!(
            listed.contains(&format!("`{}`", d.id)),
            "{} is not listed in docs/scenarios.md",
            d.id
        );
    }
    let n = listed.matches('`').count() / 2;
    // Every id once, besides the two catalogue files and a scenario's own
    // `decisions` named in the list's words.
    assert_eq!(
        n,
        catalogue.len() + 3,
        "docs/scenarios.md lists decisions the catalogues lack"
    );
}
