//! The classroom's history option: the record's turning points happen on
//! their dates, the record alone makes coups, pacts and exits while it
//! runs, saves keep the option, and futures do not replay the record.

use harmattan::calibration::{self, SHIPPED_RECORDS};
use harmattan::futures::{self, FuturesSpec};
use harmattan::save;
use harmattan::scenario::format::BlocKind;
use harmattan::scenario::{self, YearMonth};
use harmattan::sim::world::chronicle::NewsKind;
use harmattan::sim::world::components::{Bloc, Regime};
use harmattan::sim::{Detail, Simulation};

use crate::support::{harmattan as cli, load, tiny};

/// Every coup attempt of a game: state, month, success.
fn coups(sim: &Simulation) -> Vec<(String, YearMonth, bool)> {
    let reg = sim.registry();
    let mut out: Vec<_> = sim
        .chronicle()
        .news
        .iter()
        .filter(|n| matches!(n.kind, NewsKind::Coup | NewsKind::CoupFailed))
        .map(|n| {
            let s = n.state.expect("a coup names its state");
            (reg.state_code(s).to_string(), n.date, n.kind == NewsKind::Coup)
        })
        .collect();
    out.sort();
    out
}

fn bloc_named(sim: &mut Simulation, code: &str) -> Option<(BlocKind, String, Vec<String>)> {
    let b = sim.registry().bloc(code)?;
    let entity = sim.registry().bloc_entity(b)?;
    let kind = sim.world().get::<Bloc>(entity)?.kind;
    let name = sim.registry().bloc_name(b).to_string();
    let mut members: Vec<String> = harmattan::sim::world::actions::members(sim.world(), b)
        .into_iter()
        .map(|s| sim.registry().state_code(s).to_string())
        .collect();
    members.sort();
    Some((kind, name, members))
}

/// With the option, each shipped record's coups are exactly the game's,
/// whatever the seed: none missing, none invented by the model.
#[test]
fn the_record_makes_every_coup_and_only_those_on_their_dates() {
    for (origin, text) in SHIPPED_RECORDS {
        let (record, s) = calibration::load_record(origin, text).unwrap();
        let s = s.with_history(true).unwrap();
        let mut want: Vec<_> = record
            .coups
            .iter()
            .map(|c| (c.state.clone(), c.month, c.success))
            .filter(|(_, m, _)| *m >= s.file.meta.start)
            .collect();
        want.sort();
        for seed in [1, 2, 3] {
            let mut sim = Simulation::new(&s, seed, Detail::Full);
            sim.run(record.months);
            assert_eq!(coups(&sim), want, "{origin}, seed {seed}");
        }
    }
}

#[test]
fn the_sahel_record_founds_deepens_and_takes_the_juntas_out_on_its_dates() {
    let s = scenario::resolve("sahel_2023").unwrap().with_history(true).unwrap();
    for seed in [5, 6] {
        let mut sim = Simulation::new(&s, seed, Detail::Full);
        // September 2023: the Liptako-Gourma Charter.
        sim.run(2);
        let (kind, name, members) = bloc_named(&mut sim, "AES").expect("the pact is founded in September 2023");
        assert_eq!(kind, BlocKind::DefencePact);
        assert_eq!(name, "Alliance of Sahel States");
        assert_eq!(members, ["BFA", "MLI", "NER"]);
        assert!(bloc_named(&mut sim, "G5S").is_some(), "the G5 Sahel lasts to December");
        // December 2023: the G5 Sahel is wound up.
        sim.run(3);
        assert!(
            bloc_named(&mut sim, "G5S").is_none(),
            "the G5 Sahel is dissolved in December 2023"
        );
        // July 2024: the confederation.
        sim.run(7);
        let (kind, name, _) = bloc_named(&mut sim, "AES").unwrap();
        assert_eq!(kind, BlocKind::Confederation);
        assert_eq!(name, "Confederation of Sahel States");
        // January 2025: out of ECOWAS, a year after their notice.
        sim.run(6);
        let (_, _, ecowas) = bloc_named(&mut sim, "ECOWAS").unwrap();
        for junta in ["BFA", "MLI", "NER"] {
            assert!(
                !ecowas.contains(&junta.to_string()),
                "{junta} has left ECOWAS by January 2025"
            );
        }
        assert!(ecowas.contains(&"SEN".to_string()));
        // November 2025: the coup in Bissau brings the record's leader.
        sim.run(11);
        let gnb = sim.registry().state_entity(sim.registry().state("GNB").unwrap());
        assert_eq!(sim.world().get::<Regime>(gnb).unwrap().leader, "General Horta N'Tam");
        // No pact but the record's, and each turning point is a headline.
        let pacts = sim
            .chronicle()
            .news
            .iter()
            .filter(|n| n.kind == NewsKind::BlocFormed)
            .count();
        assert_eq!(
            pacts, 1,
            "seed {seed}: the model founds no pact of its own while the record runs"
        );
        let points = s.file.history.as_ref().unwrap().points.len();
        let headlines = sim
            .chronicle()
            .news
            .iter()
            .filter(|n| {
                n.kind == NewsKind::Announcement
                    && s.file
                        .history
                        .as_ref()
                        .unwrap()
                        .points
                        .iter()
                        .any(|p| p.title == crate::support::said(&sim, n))
            })
            .count();
        assert_eq!(headlines, points);
    }
}

#[test]
fn without_the_option_the_record_stays_shut_and_the_model_decides() {
    let s = scenario::resolve("sahel_2023").unwrap();
    assert!(!s.history, "the option is off unless asked for");
    let titles: Vec<String> = s
        .file
        .history
        .as_ref()
        .unwrap()
        .points
        .iter()
        .map(|p| p.title.clone())
        .collect();
    let mut invented = 0;
    for seed in 1..=8 {
        let mut sim = Simulation::new(&s, seed, Detail::Full);
        sim.run(29);
        assert!(
            !sim.chronicle()
                .news
                .iter()
                .any(|n| titles.contains(&crate::support::said(&sim, n))),
            "seed {seed}: a turning point fired without the option"
        );
        let gnb = sim.registry().state_entity(sim.registry().state("GNB").unwrap());
        assert_ne!(sim.world().get::<Regime>(gnb).unwrap().leader, "General Horta N'Tam");
        invented += coups(&sim).len();
    }
    assert!(invented > 0, "the model makes coups of its own without the record");
}

#[test]
fn a_game_with_the_option_replays_alike_and_its_save_keeps_it() {
    let s = scenario::resolve("sahel_2023").unwrap().with_history(true).unwrap();
    let mut a = Simulation::new(&s, 9, Detail::Full);
    a.run(8);
    let mut b = Simulation::new(&s, 9, Detail::Full);
    b.run(8);
    assert_eq!(harmattan::report::digest(&a), harmattan::report::digest(&b));
    let file = save::capture_simulation(&a, &s);
    assert!(file.history);
    let text = ron::to_string(&file).unwrap();
    assert!(text.contains("history:true"), "the option is written in the save");
    let mut loaded = save::load_simulation(&file, "test save").unwrap();
    assert_eq!(harmattan::report::digest(&loaded), harmattan::report::digest(&a));
    // And it goes on with the record: the confederation comes in July 2024.
    loaded.run(4);
    assert_eq!(bloc_named(&mut loaded, "AES").unwrap().0, BlocKind::Confederation);
    // A save without the option does not mention it, so saves written
    // before the option existed keep matching their seal.
    let plain = scenario::resolve("sahel_2023").unwrap();
    let sim = Simulation::new(&plain, 9, Detail::Full);
    let mut file = save::capture_simulation(&sim, &plain);
    file.scenario.clear();
    assert!(!ron::to_string(&file).unwrap().contains("history"));
}

#[test]
fn futures_from_a_game_on_the_record_are_the_models_own() {
    let s = scenario::resolve("sahel_2023").unwrap().with_history(true).unwrap();
    let mut sim = Simulation::new(&s, 3, Detail::Full);
    sim.run(2);
    let file = save::capture_simulation(&sim, &s);
    let spec = FuturesSpec {
        runs: 40,
        months: 27,
        seed: 11,
        change: None,
        threads: 2,
        background: false,
    };
    let report = futures::run(&file, &spec, &|_| {}).unwrap();
    // On the record Guinea-Bissau has its coup in November 2025 every
    // time; the model's own futures give it far less.
    let gnb = report.states.iter().find(|x| x.id == "GNB").unwrap();
    assert!(
        gnb.p_coup < 0.5,
        "futures replayed the record: p(coup in GNB) = {}",
        gnb.p_coup
    );
}

#[test]
fn a_record_out_of_its_span_or_naming_a_pact_never_founded_is_refused_where_it_is_written() {
    let text = tiny(
        r#"    history: (
        until: "2023-06",
        points: [
            (month: "2023-08", title: "Late", source: "A book", effects: []),
            (month: "2023-02", title: "A pact", source: "A book",
             effects: [FoundPact(states: ["AAA"], id: "PCT", name: "Pact")]),
            (month: "2023-03", title: "Deeper", source: "",
             effects: [Confederate(bloc: "PCX")]),
        ],
    ),"#,
    );
    let err = scenario::load("test.ron", &text).unwrap_err().to_string();
    assert!(err.contains("2023-08 is outside the record's span"), "{err}");
    assert!(err.contains("a pact needs at least two states"), "{err}");
    assert!(err.contains("unknown bloc `PCX`"), "{err}");
    assert!(err.contains("did you mean `PCT`"), "{err}");
    assert!(err.contains("needs its source"), "{err}");
    // Each at its line.
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    assert!(
        err.contains(&format!("test.ron:{}:", line_of("month: \"2023-08\""))),
        "{err}"
    );

    // A record that holds, and a scenario without one refused the option.
    let ok = load(&tiny(
        r#"    history: (
        until: "2023-12",
        points: [
            (month: "2023-02", title: "A pact", source: "A book",
             effects: [FoundPact(states: ["AAA", "BBB"], id: "PCT", name: "Pact of Two")]),
            (month: "2023-04", title: "Deeper", source: "A book",
             effects: [Confederate(bloc: "PCT", name: "Union of Two")]),
        ],
    ),"#,
    ));
    let mut sim = Simulation::new(&ok.clone().with_history(true).unwrap(), 1, Detail::Full);
    sim.run(4);
    let (kind, name, members) = bloc_named(&mut sim, "PCT").unwrap();
    assert_eq!(
        (kind, name.as_str(), members.len()),
        (BlocKind::Confederation, "Union of Two", 2)
    );
    let plain = load(&tiny(""));
    let refused = plain.with_history(true).unwrap_err();
    assert!(refused.contains("no record of what happened"), "{refused}");
}

#[test]
fn the_command_line_takes_the_option_and_refuses_it_where_there_is_no_record() {
    let out = cli(&["run", "sahel_2023", "--history", "--turns", "2"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Liptako-Gourma Charter"), "{text}");
    // Futures from the start, beside what the record says of the same months.
    let out = cli(&["futures", "sahel_2023", "--runs", "5", "--months", "6"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("What happened in the same months"), "{text}");
    assert!(text.contains("founds AES, 2023-09"), "{text}");
    let out = cli(&["futures", "sahel_2023", "--runs", "5", "--months", "6", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        json["what_happened"].to_string().contains("leaves G5S, 2023-12"),
        "{json}"
    );
    // A scenario without a record says nothing of it.
    let out = cli(&["futures", "tutorial", "--runs", "5", "--months", "3"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("What happened"));
    let out = cli(&["run", "tutorial", "--history"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no record of what happened"), "{err}");
}

#[test]
fn a_record_that_names_a_pact_before_it_is_founded_or_reuses_an_id_is_refused() {
    let text = tiny(
        r#"    history: (
        until: "2024-06",
        points: [
            (month: "2023-02", title: "Too early", source: "A book",
             effects: [Confederate(bloc: "PCT")]),
            (month: "2023-03", title: "A pact", source: "A book",
             effects: [FoundPact(states: ["AAA", "BBB"], id: "PCT", name: "Pact")]),
            (month: "2023-04", title: "Again", source: "A book",
             effects: [FoundPact(states: ["BBB", "CCC"], id: "COM", name: "Community again")]),
            (month: "2023-05", title: "Twice", source: "A book",
             effects: [CoupAttempt(state: "AAA", succeeds: false, leader: "Nobody"), CoupAttempt(state: "AAA")]),
            (month: "2023-06", title: "Deeper", source: "A book",
             effects: [Confederate(bloc: "COM")]),
        ],
    ),"#,
    );
    let err = scenario::load("test.ron", &text).unwrap_err().to_string();
    assert!(err.contains("unknown bloc `PCT`"), "named before it is founded: {err}");
    assert!(err.contains("`COM` is already a bloc of the scenario"), "{err}");
    assert!(err.contains("a coup that fails brings no new leader"), "{err}");
    assert!(err.contains("a second coup attempt in AAA in 2023-05"), "{err}");
    assert!(err.contains("`COM` is not a defence pact"), "{err}");
    assert!(
        err.contains("the record runs to 2024-06, past the scenario's 12 months"),
        "{err}"
    );
}

/// A person's pact, founded before the record's, is the one the record
/// then names: the confederation comes to it.
#[test]
fn a_pact_a_player_founded_first_becomes_the_records_own() {
    use harmattan::scenario::format::Effect;
    use harmattan::sim::world::ledger::{Cause, Mechanism};
    let s = scenario::resolve("sahel_2023").unwrap().with_history(true).unwrap();
    let mut sim = Simulation::new(&s, 4, Detail::Full);
    sim.run(1);
    let theirs = Effect::FoundPact {
        states: vec!["MLI".into(), "BFA".into(), "NER".into()],
        id: "PLAYERS".into(),
        name: "Pact of the Three".into(),
    };
    harmattan::sim::script::effect::apply_effect(sim.world_mut(), &theirs, Cause::of(Mechanism::ScriptedEvent));
    sim.run(1);
    let reg = sim.registry();
    assert_eq!(
        reg.bloc("AES"),
        reg.bloc("PLAYERS"),
        "the record's id names the pact already there"
    );
    assert_eq!(bloc_named(&mut sim, "PLAYERS").unwrap().1, "Alliance of Sahel States");
    sim.run(10);
    let (kind, name, members) = bloc_named(&mut sim, "PLAYERS").unwrap();
    assert_eq!(kind, BlocKind::Confederation);
    assert_eq!(name, "Confederation of Sahel States");
    assert_eq!(members, ["BFA", "MLI", "NER"]);
}

/// What the record says befell each state over a span of months: what the
/// futures table sets beside the futures.
#[test]
fn the_record_says_what_befell_a_state_over_the_futures_months() {
    use harmattan::scenario::format::Befell;
    let s = scenario::resolve("sahel_2023").unwrap();
    let h = s.file.history.as_ref().unwrap();
    let ym = |t: &str| YearMonth::parse(t).unwrap();
    assert_eq!(
        h.befell("NER", ym("2023-09"), ym("2024-08")),
        vec![
            (ym("2023-09"), Befell::FoundedPact("AES".into())),
            (ym("2023-12"), Befell::LeftBloc("G5S".into())),
            (ym("2024-01"), Befell::LeftBloc("ECOWAS".into())),
        ]
    );
    assert_eq!(
        h.befell("GNB", ym("2024-01"), ym("2025-12")),
        vec![(ym("2025-11"), Befell::Coup)]
    );
    assert_eq!(
        h.befell("BEN", ym("2025-12"), ym("2025-12")),
        vec![(ym("2025-12"), Befell::FailedCoup)]
    );
    assert!(h.befell("SEN", ym("2023-08"), ym("2025-12")).is_empty());
}

/// An event of the scenario's own that makes a coup, a pact or an exit
/// is told it acts beside the record.
#[test]
fn an_event_that_makes_what_the_record_makes_is_warned_of() {
    let text = tiny(
        r#"    events: [(id: "putsch", when: Date("2023-03"), effects: [CoupAttempt(state: "BBB")])],
    history: (until: "2023-12", points: [(month: "2023-02", title: "A pact", source: "A book",
              effects: [FoundPact(states: ["AAA", "BBB"], id: "PCT", name: "Pact")])]),"#,
    );
    let s = load(&text);
    let line = text
        .lines()
        .position(|l| l.contains("CoupAttempt(state: \"BBB\")"))
        .unwrap()
        + 1;
    assert!(
        s.warnings
            .iter()
            .any(|w| w.line == line && w.message.contains("event `putsch` makes a coup, a pact or an exit")),
        "{:?}",
        s.warnings
    );
}
