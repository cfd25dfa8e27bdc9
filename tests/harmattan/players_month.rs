//! The player's month: offers (a neighbour's pact, a power's partnership,
//! a mediation) wait for an answer and are carried out as answered; a
//! scripted signing moves on talks the player opened; a pact proposed by a
//! state in a pact without a mutual-defence clause founds a real one; the
//! month's summary names the player's decisions and what they moved; a
//! coup is explained by the odds that stood before it.

use harmattan::scenario::format::{PartnershipKind, Stage};
use harmattan::sim::actions;
use harmattan::sim::chronicle::NewsKind;
use harmattan::sim::components::*;
use harmattan::sim::{Detail, Simulation};

use crate::support::{NO_NOISE, load, shipped, tiny};

fn played(extra: &str, code: &str) -> Simulation {
    let mut sim = Simulation::new(&load(&tiny(extra)), 1, Detail::Full);
    sim.set_player(Some(code)).unwrap();
    sim
}

fn state(sim: &Simulation, code: &str) -> StateIdx {
    sim.registry().state(code).unwrap()
}

/// The pacts (blocs with a mutual-defence clause) both states are in.
fn shared_pacts(sim: &Simulation, a: &str, b: &str) -> Vec<String> {
    let (a, b) = (state(sim, a), state(sim, b));
    let w = sim.world();
    actions::blocs_of(w, a)
        .into_iter()
        .filter(|x| actions::membership(w, b, *x).is_some())
        .filter(|x| {
            let e = sim.registry().bloc_entity(*x).unwrap();
            w.get::<Bloc>(e).unwrap().rules.mutual_defence
        })
        .map(|x| sim.registry().bloc_name(x).to_string())
        .collect()
}

fn texts_of_turn(sim: &Simulation) -> Vec<String> {
    let turn = sim.turn();
    sim.chronicle()
        .news_of_turn(turn)
        .map(|n| crate::support::said(sim, n))
        .collect()
}

/// A neighbour's proposal, put to the player by a scripted event.
const PROPOSAL: &str =
    r#"    events: [(id: "proposal", when: Date("2023-02"), effects: [ProposePact(state: "BBB", other: "AAA")])],"#;

#[test]
fn a_pact_proposed_to_the_player_waits_for_the_answer_and_forms_when_accepted() {
    let mut sim = played(&format!("{PROPOSAL}\n    rules: {{{NO_NOISE}}},"), "AAA");
    sim.run(2);
    let offers = sim.open_offers();
    assert_eq!(offers.len(), 1, "one offer waits: {offers:?}");
    let offer = &offers[0];
    assert_eq!(
        (offer.kind, offer.to.as_str(), offer.from.as_str()),
        ("pact", "AAA", "BBB")
    );
    let question = harmattan::i18n::Locale::english().say(&offer.question, sim.registry());
    assert!(
        question.contains("Coastal proposes a mutual defence pact"),
        "{question}"
    );
    assert!(
        texts_of_turn(&sim).iter().any(|t| t.contains("has yet to answer")),
        "the news says it waits"
    );
    // Unanswered, nothing proceeds.
    sim.run(1);
    assert!(shared_pacts(&sim, "AAA", "BBB").is_empty(), "no pact without an answer");
    let id = sim.open_offers()[0].id;
    sim.respond(id, true).unwrap();
    sim.run(1);
    assert_eq!(shared_pacts(&sim, "AAA", "BBB").len(), 1, "accepted, the pact forms");
    assert!(sim.open_offers().is_empty(), "answered offers are settled");
}

#[test]
fn a_declined_or_forgotten_offer_is_said_so_in_the_news() {
    let mut sim = played(&format!("{PROPOSAL}\n    rules: {{{NO_NOISE}}},"), "AAA");
    sim.run(2);
    let id = sim.open_offers()[0].id;
    sim.respond(id, false).unwrap();
    sim.run(1);
    assert!(shared_pacts(&sim, "AAA", "BBB").is_empty());
    assert!(
        texts_of_turn(&sim)
            .iter()
            .any(|t| t.contains("Landlocked declines Coastal's proposal")),
        "{:?}",
        texts_of_turn(&sim)
    );
    // Left unanswered, it lapses after the rule's three months.
    let mut sim = played(&format!("{PROPOSAL}\n    rules: {{{NO_NOISE}}},"), "AAA");
    sim.run(2);
    assert_eq!(sim.open_offers()[0].months_left, 3);
    sim.run(2);
    assert_eq!(sim.open_offers().len(), 1, "still waiting in its third month");
    sim.run(1);
    assert!(sim.open_offers().is_empty());
    assert!(
        texts_of_turn(&sim).iter().any(|t| t.contains("lapse unanswered")),
        "{:?}",
        texts_of_turn(&sim)
    );
}

#[test]
fn an_answer_replays_from_a_save_as_given() {
    let mut sim = played(&format!("{PROPOSAL}\n    rules: {{{NO_NOISE}}},"), "AAA");
    sim.run(2);
    let id = sim.open_offers()[0].id;
    sim.respond(id, true).unwrap();
    let log = sim.world().resource::<harmattan::sim::inputs::InputLog>().0.clone();
    assert!(
        log.iter()
            .any(|i| matches!(i, harmattan::sim::inputs::Input::Response { accept: true, .. })),
        "the answer is logged: {log:?}"
    );
    // Replayed from the log on a fresh game, the same pact forms.
    let mut again = Simulation::new(
        &load(&tiny(&format!("{PROPOSAL}\n    rules: {{{NO_NOISE}}},"))),
        1,
        Detail::Full,
    );
    again.set_player(Some("AAA")).unwrap();
    again.run(2);
    for input in log.iter().filter(|i| i.turn() == 3) {
        again.input(input.as_sent()).unwrap();
    }
    sim.run(1);
    again.run(1);
    assert_eq!(shared_pacts(&again, "AAA", "BBB"), shared_pacts(&sim, "AAA", "BBB"));
}

#[test]
fn an_offer_to_a_state_nobody_plays_any_more_is_answered_by_its_government() {
    let mut sim = played(&format!("{PROPOSAL}\n    rules: {{{NO_NOISE}}},"), "AAA");
    sim.run(2);
    assert_eq!(sim.open_offers().len(), 1);
    sim.set_player(None).unwrap();
    sim.run(1);
    assert!(sim.open_offers().is_empty(), "answered by the computer");
}

/// A power with one decision in its catalogue, taken every month: it
/// offers trainers.
fn offering_power() -> String {
    tiny(&format!(
        r#"    decisions: [
        (id: "offer_trainers", by: Power, name: "Offer trainers", cost: 0, target: State,
         description: "Trainers.",
         available: Not(Partnership(state: "$target", power: "$self", kind: TrainingEquipment)),
         effects: [(effect: StartPartnership(state: "$target", power: "$self", kind: TrainingEquipment))],
         ai: (base: 1.0)),
    ],
    rules: {{{NO_NOISE}, "partnerships.fail_chance": 0, "partnerships.hostile_fail_chance": 0}},"#
    ))
    .replace(
        r#"(id: "RUS", name: "Russia", capacity: 4, conditionality: 0.0),"#,
        r#"(id: "RUS", name: "Russia", capacity: 4, conditionality: 0.0, agenda: (outreach: 1.0, courts: ["AAA"])),"#,
    )
}

#[test]
fn a_powers_offer_of_a_partnership_is_asked_and_moves_on_only_when_accepted() {
    let text = offering_power();
    let mut sim = Simulation::new(&load(&text), 1, Detail::Full);
    sim.set_player(Some("AAA")).unwrap();
    let mut offer = None;
    for _ in 0..12 {
        sim.run(1);
        if let Some(o) = sim.open_offers().into_iter().find(|o| o.to == "AAA") {
            offer = Some(o);
            break;
        }
    }
    let offer = offer.expect("Russia offers Landlocked trainers within a year");
    assert_eq!((offer.kind, offer.from.as_str()), ("partnership", "RUS"));
    let aaa = state(&sim, "AAA");
    let stage = |sim: &Simulation| {
        actions::partnerships_of(sim.world(), aaa)
            .into_iter()
            .find(|(_, p)| p.kind == PartnershipKind::TrainingEquipment)
            .map(|(_, p)| p.stage)
    };
    assert_eq!(stage(&sim), Some(Stage::Proposed));
    sim.run(2);
    assert_eq!(stage(&sim), Some(Stage::Proposed), "unanswered, the talks wait");
    sim.respond(offer.id, true).unwrap();
    sim.run(1);
    assert!(
        stage(&sim) > Some(Stage::Proposed),
        "accepted, the talks move on: {:?}",
        stage(&sim)
    );
}

#[test]
fn a_scripted_signing_moves_on_talks_the_player_opened_itself() {
    // Asked for trainers first, then offered the signing by an event: the
    // event's "sign" is carried out, not dropped because talks exist.
    let extra = r#"    events: [(id: "sign", when: Date("2023-02"), chooser: "AAA", effects: [],
        choices: [(label: "Sign", effects: [StartPartnership(state: "AAA", power: "RUS", kind: TrainingEquipment, stage: Signed)]),
                  (label: "No", effects: [])])],"#;
    let mut sim = played(
        &format!("{extra}\n    rules: {{{NO_NOISE}, \"partnerships.advance_chance\": 0}},"),
        "AAA",
    );
    sim.decide("seek_trainers", Some("RUS")).unwrap();
    sim.run(2);
    sim.choose("sign", 0).unwrap();
    sim.run(1);
    let aaa = state(&sim, "AAA");
    let p = actions::partnerships_of(sim.world(), aaa)
        .into_iter()
        .filter(|(_, p)| p.kind == PartnershipKind::TrainingEquipment)
        .map(|(_, p)| p.stage)
        .collect::<Vec<_>>();
    assert_eq!(p, vec![Stage::Signed], "one programme, signed");
}

#[test]
fn niger_proposing_pacts_founds_one_with_mali_and_burkina_faso_outside_the_g5_sahel() {
    let mut sim = Simulation::new(&shipped(), 1, Detail::Full);
    sim.set_player(Some("NER")).unwrap();
    sim.decide("propose_pact", Some("MLI")).unwrap();
    sim.run(1);
    let g5 = sim.registry().bloc("G5S").unwrap();
    assert!(
        actions::membership(sim.world(), state(&sim, "MLI"), g5).is_none(),
        "Mali does not join the G5 Sahel, which has no mutual-defence clause"
    );
    let with_mali = shared_pacts(&sim, "NER", "MLI");
    assert_eq!(
        with_mali.len(),
        1,
        "Niger and Mali are allies: {:?}",
        texts_of_turn(&sim)
    );
    sim.run(1);
    sim.decide("propose_pact", Some("BFA")).unwrap();
    sim.run(1);
    assert_eq!(
        shared_pacts(&sim, "NER", "BFA"),
        with_mali,
        "Burkina Faso joins the same pact"
    );
    assert_eq!(shared_pacts(&sim, "MLI", "BFA"), with_mali);
    // Proposing again is answered in the news, not in silence.
    sim.decide("propose_pact", Some("MLI")).unwrap();
    sim.run(1);
    assert!(
        texts_of_turn(&sim).iter().any(|t| t.contains("already allies")),
        "{:?}",
        texts_of_turn(&sim)
    );
}

#[test]
fn asking_for_mediation_with_nobody_to_mediate_says_so() {
    // Everyone at odds: nobody is on good terms with both.
    let extra = r#"    events: [(id: "feud", when: Start, effects: [
        Relate(state: "AAA", other: "BBB", delta: -150), Relate(state: "AAA", other: "CCC", delta: -150),
        Relate(state: "BBB", other: "CCC", delta: -150)])],"#;
    let mut sim = played(&format!("{extra}\n    rules: {{{NO_NOISE}}},"), "AAA");
    sim.decide("ask_mediation", Some("BBB")).unwrap();
    sim.run(1);
    assert!(
        texts_of_turn(&sim)
            .iter()
            .any(|t| t.starts_with("No mediation between")),
        "{:?}",
        texts_of_turn(&sim)
    );
    let _ = NewsKind::Offer;
}

#[test]
fn a_coup_is_explained_by_what_stood_before_the_attempt() {
    let extra = r#"    events: [(id: "putsch", when: Date("2023-03"), effects: [CoupAttempt(state: "BBB")])],"#;
    let mut sim = played(&format!("{extra}\n    rules: {{{NO_NOISE}}},"), "AAA");
    sim.run(2);
    let bbb = state(&sim, "BBB");
    let e = sim.registry().state_entity(bbb);
    let before = read_indicator(sim.world().entity(e), harmattan::scenario::format::Indicator::Stability);
    sim.run(1);
    let attempts = &sim.world().resource::<harmattan::sim::coups::CoupAttempts>().0;
    assert_eq!(attempts.len(), 1, "one attempt, the scripted one");
    let a = &attempts[0];
    assert_eq!((a.turn, a.state, a.forced), (3, bbb, true));
    assert_eq!(a.leader, "Bea", "the government it was against, not the one after");
    assert!(
        (a.factors.stability - before).abs() < 5.0,
        "the stability that stood before the attempt ({before:.1}), not after its shock: {:.1}",
        a.factors.stability
    );
    let logit: f64 = a.terms.iter().map(|(_, t)| t).sum();
    let rules = sim.world().resource::<harmattan::rules::Rules>();
    assert!((logit - harmattan::sim::coups::attempt_logit(&rules.coups, &a.factors)).abs() < 1e-9);
}

#[test]
fn the_months_summary_names_the_players_decisions_and_what_they_moved() {
    let mut sim = played(&format!("    rules: {{{NO_NOISE}}},"), "AAA");
    sim.world_mut().resource_mut::<harmattan::sim::decisions::Capital>().0[0] = 5.0;
    sim.decide("coup_proofing", None).unwrap();
    sim.decide("visit_neighbour", Some("BBB")).unwrap();
    sim.run(1);
    let aaa = state(&sim, "AAA");
    let month = harmattan::sim::player::month::summary(sim.world(), aaa, 1);
    let book = sim.world().resource::<harmattan::sim::decisions::DecisionBook>();
    let names: Vec<&str> = month
        .decisions
        .iter()
        .map(|d| book.defs[d.decision as usize].id.as_str())
        .collect();
    assert!(
        names.contains(&"coup_proofing") && names.contains(&"visit_neighbour"),
        "{names:?}"
    );
    assert!(
        month.decisions.iter().any(|d| !d.moved.is_empty()),
        "what a decision moved is there, with figures: {month:?}"
    );
    assert!(
        month.decisions.iter().any(|d| d.outcomes.iter().any(
            |o| matches!(o, harmattan::sim::player::month::Outcome::Done { relations, .. } if !relations.is_empty())
        )),
        "and the relations it moved: {month:?}"
    );
    assert!(!month.changes.is_empty(), "the month's largest changes");
    assert!(
        month.changes.iter().all(|c| !c.causes.is_empty()),
        "each with its causes"
    );
}

/// Six months as Niger's junta from August 2023, as a player would play
/// them (the window test plays the same months with the mouse): a
/// protector sought, French forces expelled, the pacts Mali and Burkina
/// Faso propose accepted. The three end in one pact, and each month's
/// summary names what the player did.
#[test]
fn six_months_as_niger_end_in_a_pact_of_the_three() {
    let s = shipped();
    let mut sim = Simulation::new(&s, s.file.meta.seed, Detail::Full);
    sim.set_player(Some("NER")).unwrap();
    let ner = state(&sim, "NER");
    let mut answered = 0;
    let mut answered_in = None;
    for turn in 1..=6 {
        match turn {
            1 => sim.decide("seek_contractors", Some("RUS")).unwrap(),
            3 => sim.decide("expel_forces", Some("FRA")).unwrap(),
            _ => {}
        }
        for o in sim.open_offers() {
            assert_eq!(o.kind, "pact", "{o:?}");
            sim.respond(o.id, true).unwrap();
            answered += 1;
            answered_in = Some(turn);
        }
        sim.step();
        if answered_in == Some(turn) {
            let month = harmattan::sim::player::month::summary(sim.world(), ner, turn);
            assert_eq!(month.answers.len(), 2, "the month names the answers given: {month:?}");
        }
        let month = harmattan::sim::player::month::summary(sim.world(), ner, turn);
        let book = sim.world().resource::<harmattan::sim::decisions::DecisionBook>();
        let taken: Vec<&str> = month
            .decisions
            .iter()
            .map(|d| book.defs[d.decision as usize].id.as_str())
            .collect();
        match turn {
            1 => assert_eq!(taken, ["seek_contractors"]),
            3 => assert_eq!(taken, ["expel_forces"]),
            _ => assert!(taken.is_empty(), "month {turn}: {taken:?}"),
        }
    }
    assert!(answered >= 2, "Mali's and Burkina Faso's proposals came as offers");
    assert!(
        sim.chronicle()
            .news
            .iter()
            .any(|n| crate::support::said(&sim, n)
                .contains("withdrawal from the Economic Community of West African States")),
        "names read as in English"
    );
    let three = shared_pacts(&sim, "NER", "MLI");
    assert_eq!(three.len(), 1, "Niger and Mali are allies");
    assert_eq!(
        shared_pacts(&sim, "NER", "BFA"),
        three,
        "and Burkina Faso in the same pact"
    );
    // Named as an alliance is, with its acronym as id (not "PACT-1").
    assert!(three[0].starts_with("Alliance of "), "{three:?}");
    let id = sim
        .registry()
        .blocs
        .iter()
        .find(|l| l.name == three[0])
        .map(|l| l.code.clone())
        .unwrap();
    assert!(
        id.starts_with('A') && id.chars().all(|c| c.is_ascii_uppercase()),
        "{id}"
    );
}

#[test]
fn a_goal_lists_the_decisions_that_move_it() {
    let extra = r#"    goals: [(state: "AAA", name: "Hold on", victory: Elapsed(6),
        defeat: Not(Leader(state: "AAA", leader: "Ann"))),
        (state: "AAA", name: "Steady", victory: Indicator(state: "AAA", indicator: Legitimacy, cmp: AtLeast, value: 70),
         defeat: Elapsed(12))],"#;
    let sim = played(extra, "AAA");
    let goals = harmattan::sim::goals::progress(sim.world(), "AAA");
    let names = |g: &harmattan::sim::goals::GoalProgress| {
        g.levers
            .iter()
            .map(|(n, _)| crate::support::english_arg(&sim, n))
            .collect::<Vec<_>>()
    };
    assert!(
        names(&goals[0]).contains(&"Guard units and purges".to_string()),
        "keeping the leader: coup-proofing is a lever: {:?}",
        goals[0].levers
    );
    assert!(
        goals[1]
            .levers
            .iter()
            .all(|(_, what)| crate::support::english(&sim, what).starts_with("legitimacy +")),
        "raising legitimacy: only what raises it: {:?}",
        goals[1].levers
    );
    assert!(!goals[1].levers.is_empty());
}

#[test]
fn talks_the_player_pressed_on_with_are_not_ended_when_the_offer_lapses() {
    let text = offering_power();
    let mut sim = Simulation::new(&load(&text), 1, Detail::Full);
    sim.set_player(Some("AAA")).unwrap();
    for _ in 0..12 {
        sim.run(1);
        if !sim.open_offers().is_empty() {
            break;
        }
    }
    assert_eq!(sim.open_offers().len(), 1, "an offer came");
    // Instead of answering, the player presses the talks on.
    sim.world_mut().resource_mut::<harmattan::sim::decisions::Capital>().0[0] = 5.0;
    sim.decide("advance_talks", Some("RUS")).unwrap();
    sim.run(4);
    let aaa = state(&sim, "AAA");
    let live = actions::partnerships_of(sim.world(), aaa)
        .into_iter()
        .any(|(_, p)| p.kind == PartnershipKind::TrainingEquipment);
    assert!(live, "the talks go on: pressing on was the answer");
    assert!(sim.open_offers().is_empty(), "and the offer is settled");
}

#[test]
fn an_offer_is_answered_only_for_a_state_a_person_plays() {
    let mut sim = played(&format!("{PROPOSAL}\n    rules: {{{NO_NOISE}}},"), "AAA");
    sim.run(2);
    let id = sim.open_offers()[0].id;
    sim.set_player(Some("CCC")).unwrap();
    assert!(sim.respond(id, true).is_err(), "nobody plays Landlocked now");
}
