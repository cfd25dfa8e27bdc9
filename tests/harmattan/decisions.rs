//! Decisions: the catalogue is valid data; a decision costs capital, is
//! refused when closed or unaffordable, does what it says (now, later, or
//! by chance) and is booked in the ledger; computer-run governments decide
//! deterministically and say why.

use harmattan::scenario::format::Decider;
use harmattan::scenario::format::Indicator;
use harmattan::scenario::format::PartnershipKind;
use harmattan::sim::actions;
use harmattan::sim::chronicle::NewsKind;
use harmattan::sim::components::*;
use harmattan::sim::decisions::{
    DecisionLog, SHIPPED_DECISIONS, SHIPPED_POWER_DECISIONS, parse_catalogue, shipped_catalogue, target_code,
};
use harmattan::sim::ledger::{Actor, Mechanism};
use harmattan::sim::script::{Target, Who};
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
    // Through the scenario validator, as a modder's would be, each file
    // for its deciders.
    let text = tiny(&format!("    decisions: {SHIPPED_DECISIONS},"));
    load(&text);
    let powers = parse_catalogue(SHIPPED_POWER_DECISIONS).expect("assets/power_decisions.ron parses");
    assert!(
        powers.iter().all(|d| d.by == Decider::Power),
        "power_decisions.ron holds the powers'"
    );
    assert!(
        defs.iter().filter(|d| d.by == Decider::Government).count() == defs.len() - powers.len(),
        "decisions.ron holds the governments'"
    );
    load(&tiny(&format!("    decisions: {SHIPPED_POWER_DECISIONS},")));
}

#[test]
fn a_decision_costs_capital_and_is_booked_to_the_decision() {
    let mut sim = played(&format!("    rules: {{{NO_NOISE}}},"));
    let before = indicator(&sim, "AAA", Indicator::CoupProofing);
    sim.decide("coup_proofing", None).unwrap();
    // Two months of capital at the start (2.0): a second costly decision
    // does not fit.
    let refused = sim.decide("offensive", None).unwrap_err();
    let refused = crate::support::english(&sim, &refused);
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
            .any(|n| crate::support::said(&sim, n).contains("Guard units and purges"))
    );
}

#[test]
fn closed_decisions_are_refused_with_the_reason() {
    let mut sim = played("");
    let e = sim.decide("announce_transition", None).unwrap_err();
    let e = crate::support::english(&sim, &e);
    assert!(
        e.contains("Announce a transition timetable: needs Landlocked ruled by a military junta"),
        "a civilian government has no transition, and is told why: {e}"
    );
    let e = sim.decide("visit_power", None).unwrap_err();
    let e = crate::support::english(&sim, &e);
    assert!(e.contains("needs a target"), "{e}");
    let e = sim.decide("visit_power", Some("XXX")).unwrap_err();
    let e = crate::support::english(&sim, &e);
    assert!(e.contains("not a power"), "{e}");
    let e = sim.decide("no_such_thing", None).unwrap_err();
    let e = crate::support::english(&sim, &e);
    assert!(e.contains("not a decision"), "{e}");
    let mut observer = Simulation::new(&load(&tiny("")), 1, Detail::Full);
    let e = observer.decide("repression", None).unwrap_err();
    assert!(crate::support::english(&observer, &e).contains("no government is played"));
    // What the player sees before choosing.
    let options = sim.decision_options();
    let offensive = options.iter().find(|o| o.id == "offensive").unwrap();
    assert!(
        offensive
            .expected
            .iter()
            .map(|e| crate::support::english(&sim, e))
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
    rules: {{{}}},"#,
        NO_NOISE.replace(r#""decisions.ai_act_chance": 0"#, r#""decisions.ai_act_chance": 1.0"#)
    ));
    let s = load(&text);
    let mut sim = Simulation::new(&s, 3, Detail::Full);
    sim.set_players(&["AAA", "BBB"]).unwrap();
    let e = sim.set_players(&["AAA", "AAA"]).unwrap_err();
    assert!(crate::support::english(&sim, &e).contains("twice"));
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
    let code = |t: &harmattan::sim::decisions::Taken| harmattan::sim::decisions::who_code(sim.registry(), t.by);
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

/// Tiny, with Russia given an agenda, CCC mining gold, and the computer's
/// own choices (governments') switched off; `months` run.
fn with_russian_agenda(agenda: &str, events: &str, months: u32) -> Simulation {
    let text = tiny(&format!(
        "    events: [{events}],\n    rules: {{{NO_NOISE}, \"partnerships.seek_chance\": 0}},"
    ))
    .replacen(
        r#"(id: "RUS", name: "Russia", capacity: 4, conditionality: 0.0)"#,
        &format!(r#"(id: "RUS", name: "Russia", capacity: 4, conditionality: 0.0, agenda: {agenda})"#),
        1,
    )
    .replacen(
        "coastal: true)),\n    ],",
        "coastal: true, exports: [Gold])),\n    ],",
        1,
    );
    assert!(text.contains("exports: [Gold]") && text.contains("agenda:"));
    let mut sim = Simulation::new(&load(&text), 1, Detail::Full);
    sim.run(months);
    sim
}

/// Russia's decisions: (decision, target code, reasons).
fn russian_decisions(sim: &Simulation) -> Vec<(String, String, Vec<String>)> {
    let reg = sim.registry();
    let rus = reg.power("RUS").unwrap();
    sim.world()
        .resource::<DecisionLog>()
        .0
        .iter()
        .filter(|t| t.by == Who::Power(rus))
        .map(|t| {
            (
                t.decision.clone(),
                t.target.map(|x| target_code(reg, x)).unwrap_or_default(),
                t.reasons.iter().map(|r| r.0.clone()).collect(),
            )
        })
        .collect()
}

#[test]
fn powers_decide_by_their_situation_and_agenda_and_say_why() {
    // Without outreach a power takes no initiative.
    let quiet = with_russian_agenda("(outreach: 0.0, courts: [\"CCC\"])", "", 12);
    assert!(russian_decisions(&quiet).is_empty());

    // It courts CCC: every initiative is about CCC, for that reason.
    let courting = russian_decisions(&with_russian_agenda("(outreach: 1.0, courts: [\"CCC\"])", "", 12));
    assert!(courting.len() >= 6, "it acts most months: {courting:?}");
    assert!(
        courting
            .iter()
            .all(|(_, t, why)| t == "CCC" && why.iter().any(|w| w == "a state it courts")),
        "{courting:?}"
    );

    // A state that has turned against its rival is the opening.
    let estranged = r#"(id: "cold", when: Date("2023-01"), effects: [Align(state: "BBB", power: "FRA", delta: -80)])"#;
    let rival = russian_decisions(&with_russian_agenda("(outreach: 1.0, rivals: [\"FRA\"])", estranged, 6));
    assert!(!rival.is_empty());
    assert!(
        rival
            .iter()
            .all(|(_, t, why)| t == "BBB" && why.iter().any(|w| w == "turned against its rivals")),
        "{rival:?}"
    );

    // Heavy insurgency draws an offer of trainers; wanted exports, a
    // concession: the talks really open.
    let war = r#"(id: "war", when: Date("2023-01"), effects: [Set(state: "AAA", indicator: Insurgency, value: 70)])"#;
    let helper = with_russian_agenda("(outreach: 1.0)", war, 1);
    assert_eq!(
        russian_decisions(&helper),
        vec![("offer_trainers".into(), "AAA".into(), vec!["insurgency there".into()])]
    );
    let aaa = helper.registry().state("AAA").unwrap();
    let rus = helper.registry().power("RUS").unwrap();
    assert!(
        actions::partnerships_of(helper.world(), aaa)
            .iter()
            .any(|(_, p)| p.power == rus && p.kind == PartnershipKind::TrainingEquipment),
        "the offer opens talks"
    );
    let miner = russian_decisions(&with_russian_agenda("(outreach: 1.0, wants: [Gold])", "", 1));
    assert_eq!(
        miner,
        vec![("seek_mining".into(), "CCC".into(), vec!["exports it seeks".into()])]
    );

    // The scenario's priorities sharpen what the situation calls for, and
    // are given as a reason.
    let summit = russian_decisions(&with_russian_agenda(
        r#"(outreach: 1.0, courts: ["CCC"], priorities: [(decision: "courtship_visit", boost: 5.0, why: "summit diplomacy")])"#,
        "",
        12,
    ));
    let visits: Vec<_> = summit.iter().filter(|(d, ..)| d == "courtship_visit").collect();
    assert!(visits.len() * 2 > summit.len(), "{summit:?}");
    assert!(
        visits
            .iter()
            .all(|(_, _, why)| why[0] == "summit diplomacy" && why.contains(&"a state it courts".to_string())),
        "{visits:?}"
    );
    // An agenda does not invent a reason: without one, no visit.
    let idle = russian_decisions(&with_russian_agenda(
        r#"(outreach: 1.0, priorities: [(decision: "courtship_visit", boost: 5.0, why: "summit diplomacy")])"#,
        "",
        12,
    ));
    assert!(idle.iter().all(|(d, ..)| d != "courtship_visit"), "{idle:?}");
    // Each initiative is news, filed under the power.
    let sim = with_russian_agenda("(outreach: 1.0, courts: [\"CCC\"])", "", 3);
    let rus = sim.registry().power("RUS").unwrap();
    assert!(sim.chronicle().news.iter().any(|n| n.kind == NewsKind::Decision
        && n.power == Some(rus)
        && crate::support::said(&sim, n).starts_with("Russia: ")));
}

#[test]
fn a_power_that_conditions_its_support_offers_a_junta_nothing() {
    // France (conditionality 0.8) courts AAA, at war; AAA falls to a junta.
    let text = tiny(&format!(
        r#"    events: [(id: "coup", when: Date("2023-01"), effects: [
        SetLeader(state: "AAA", leader: "Col. X", regime: MilitaryJunta),
        Set(state: "AAA", indicator: Insurgency, value: 70)])],
    rules: {{{NO_NOISE}}},"#
    ))
    .replacen(
        r#"(id: "FRA", name: "France", capacity: 4, conditionality: 0.8)"#,
        r#"(id: "FRA", name: "France", capacity: 4, conditionality: 0.8, agenda: (outreach: 1.0, courts: ["AAA"]))"#,
        1,
    );
    let mut sim = Simulation::new(&load(&text), 1, Detail::Full);
    sim.run(12);
    let reg = sim.registry();
    let (fra, aaa) = (reg.power("FRA").unwrap(), reg.state("AAA").unwrap());
    let to_aaa: Vec<&str> = sim
        .world()
        .resource::<DecisionLog>()
        .0
        .iter()
        .filter(|t| t.by == Who::Power(fra) && t.target == Some(Target::State(aaa)))
        .map(|t| t.decision.as_str())
        .collect();
    assert!(!to_aaa.is_empty(), "France still courts AAA");
    assert!(
        to_aaa
            .iter()
            .all(|d| !["offer_trainers", "offer_defence_agreement", "development_aid"].contains(d)),
        "no security help or aid for a junta: {to_aaa:?}"
    );
}

#[test]
fn an_agenda_naming_a_missing_decision_is_refused_where_it_is_written() {
    let text = tiny("").replacen(
        r#"(id: "RUS", name: "Russia", capacity: 4, conditionality: 0.0)"#,
        r#"(id: "RUS", name: "Russia", capacity: 4, conditionality: 0.0, agenda: (priorities: [(decision: "offer_trainer", boost: 1, why: "x")]))"#,
        1,
    );
    let err = harmattan::scenario::load("test.ron", &text).unwrap_err().to_string();
    assert!(err.contains("test.ron:4:104"), "{err}");
    assert!(err.contains("did you mean `offer_trainers`"), "{err}");
    // A government's decision is not a power's.
    let text = tiny("").replacen(
        r#"(id: "RUS", name: "Russia", capacity: 4, conditionality: 0.0)"#,
        r#"(id: "RUS", name: "Russia", capacity: 4, conditionality: 0.0, agenda: (priorities: [(decision: "coup_proofing", boost: 1, why: "x")]))"#,
        1,
    );
    let err = harmattan::scenario::load("test.ron", &text).unwrap_err().to_string();
    assert!(err.contains("unknown power decision `coup_proofing`"), "{err}");
}

#[test]
fn no_mechanism_decides_for_a_state_a_person_plays() {
    // AAA, at war, seeks partners every month when the computer runs it.
    let text = tiny(&format!(
        r#"    events: [(id: "war", when: Date("2023-01"), effects: [Set(state: "AAA", indicator: Insurgency, value: 70)])],
    rules: {{{NO_NOISE}, "partnerships.seek_chance": 1.0}},"#
    ));
    let s = load(&text);
    let talks = |sim: &Simulation, code: &str| {
        let st = sim.registry().state(code).unwrap();
        actions::partnerships_of(sim.world(), st).len()
    };
    let mut computer = Simulation::new(&s, 5, Detail::Full);
    computer.run(6);
    assert!(talks(&computer, "AAA") > 0, "the computer seeks partners for AAA");
    let mut person = Simulation::new(&s, 5, Detail::Full);
    person.set_player(Some("AAA")).unwrap();
    person.run(6);
    assert_eq!(
        talks(&person, "AAA"),
        0,
        "the player's state seeks partners only if the player decides to"
    );
    // The player can: the catalogue has the same lever.
    person.decide("seek_trainers", Some("RUS")).unwrap();
    person.step();
    assert!(talks(&person, "AAA") > 0);
}

#[test]
fn a_player_can_propose_a_pact_and_press_for_sanctions() {
    let extra = format!(
        r#"    events: [(id: "friends", when: Date("2023-01"), effects: [Relate(state: "AAA", other: "BBB", delta: 60),
        SetLeader(state: "CCC", leader: "Col. Y", regime: MilitaryJunta)])],
    rules: {{{NO_NOISE}}},"#
    );
    let mut sim = played(&extra);
    sim.step();
    sim.decide("propose_pact", Some("BBB")).unwrap();
    sim.step();
    let news: Vec<NewsKind> = sim.chronicle().news.iter().map(|n| n.kind).collect();
    assert!(news.contains(&NewsKind::BlocFormed), "a pact of AAA and BBB: {news:?}");
    // Sanctions on the junta: pressed until the community follows (an even
    // chance a month).
    for _ in 0..8 {
        sim.step();
        if sim.decide("urge_sanctions", Some("CCC")).is_err() {
            break;
        }
    }
    let ccc = sim.registry().state("CCC").unwrap();
    assert!(
        !actions::sanctioning_blocs(sim.world(), ccc).is_empty(),
        "the community sanctions CCC"
    );
    // Now the opposite lever is open, the first is not.
    assert!(sim.decide("urge_sanctions", Some("CCC")).is_err());
}

#[test]
fn a_closed_decision_gives_the_condition_that_fails_with_the_figures() {
    // AAA and CCC start on middling terms: a pact needs relations of 20.
    let extra =
        r#"    events: [(id: "cool", when: Start, effects: [Relate(state: "AAA", other: "BBB", delta: -60)])],"#;
    let sim = played(&format!("{extra}\n    rules: {{{NO_NOISE}}},"));
    let views = sim.decision_options();
    let pact = views
        .iter()
        .find(|v| v.id == "propose_pact" && v.target.as_deref() == Some("BBB"))
        .expect("a pact can be aimed at the neighbour");
    let why = pact
        .refused
        .as_ref()
        .map(|w| crate::support::english(&sim, w))
        .expect("closed on bad terms");
    assert!(
        why.contains("Landlocked–Coastal relations at least 20 (now"),
        "the reason names the condition and the figures: {why}"
    );
    assert!(!why.contains("not open to this government"), "{why}");
}

#[test]
fn queued_decisions_reserve_capital_stay_listed_and_can_be_taken_back() {
    let mut sim = played(&format!("    rules: {{{NO_NOISE}}},"));
    let capital = |sim: &Simulation| sim.world().resource::<harmattan::sim::decisions::Capital>().0[0];
    let start = capital(&sim);
    assert!(start >= 2.0, "enough capital to test with: {start}");
    // Spend it all on one-point decisions.
    let mut taken = 0;
    while sim.decide("counter_disinformation", None).is_ok() || sim.decide("repression", None).is_ok() {
        taken += 1;
        assert!(taken < 50);
    }
    let views = sim.decision_options();
    let closed: Vec<_> = views.iter().filter(|v| v.short_of_capital).collect();
    assert!(
        !closed.is_empty(),
        "decisions closed for want of capital are marked as such"
    );
    assert!(
        closed.iter().all(|v| v
            .refused
            .as_ref()
            .is_some_and(|r| crate::support::english(&sim, r).contains("is left this month"))),
        "and say so"
    );
    sim.input(harmattan::sim::inputs::PlayerInput::Withdraw {
        decision: "counter_disinformation".into(),
        target: None,
        state: None,
    })
    .unwrap();
    assert!(
        sim.decision_options()
            .iter()
            .any(|v| v.id == "counter_disinformation" && v.refused.is_none()),
        "taken back, its capital is free again"
    );
}

#[test]
fn a_decision_the_world_overtook_is_reported_not_dropped() {
    let mut sim = played(&format!("    rules: {{{NO_NOISE}}},"));
    sim.decide("counter_disinformation", None).unwrap();
    // The capital is taken away (beyond what a month grants) before the
    // turn runs.
    sim.world_mut().resource_mut::<harmattan::sim::decisions::Capital>().0[0] = -100.0;
    sim.run(1);
    let month = harmattan::sim::player::month::summary(sim.world(), sim.registry().state("AAA").unwrap(), 1);
    assert!(
        month.decisions.iter().any(|d| d
            .outcomes
            .iter()
            .any(|o| matches!(o, harmattan::sim::player::month::Outcome::Refused { .. }))),
        "{month:?}"
    );
    assert!(
        sim.chronicle()
            .news_of_turn(1)
            .any(|n| crate::support::said(&sim, n).contains("could not carry out a decision")),
        "the news says so"
    );
}

/// What deciders gather again after a decision rests on each effect's word
/// for what it may change (`Eff::touches`, `Eff::rows`): every effect of
/// both shipped catalogues, applied to a game under way, leaves every
/// other part of the facts, and every other state's row, exactly as it was;
/// and the facts refreshed in part afterwards are the facts gathered anew.
#[test]
fn an_effect_changes_only_the_facts_it_says_it_may() {
    use harmattan::scenario::format::TargetKind;
    use harmattan::sim::ledger::Cause;
    use harmattan::sim::script::effect::{Eff, apply};
    use harmattan::sim::script::parts::{Parts, Rows};
    use harmattan::sim::script::{Bindings, FactCache, Facts};

    let scenario = shipped();
    let n = Simulation::new(&scenario, 11, Detail::Full).registry().state_count();
    let row = |f: &Facts, s: usize| {
        // Bits, so that NaN (no standing) compares equal to itself.
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        let p = f.powers;
        (
            bits(&f.indicators[s]),
            f.regime[s],
            f.leader[s].clone(),
            bits(&f.alignment[s * p..(s + 1) * p]),
            f.exports[s],
        )
    };
    let (mut checked, mut one_row_moved) = (0, 0);
    for def in shipped_catalogue().unwrap() {
        for (k, outcome) in def.effects.iter().enumerate() {
            // A fresh game for every effect, so that one does not hide another.
            let mut sim = Simulation::new(&scenario, 11, Detail::Full);
            sim.run(6);
            let reg = sim.registry().clone();
            let me = StateIdx(3);
            let who = match def.by {
                Decider::Government => Who::State(me),
                Decider::Power => Who::Power(PowerIdx(1)),
            };
            let before = Facts::of(sim.world());
            let mut cache = FactCache::default();
            cache.gather(sim.world_mut());
            let target = match def.target {
                TargetKind::None => None,
                TargetKind::State => Some(Target::State(StateIdx(0))),
                TargetKind::Neighbour => before.neighbours(me).first().map(|s| Target::State(*s)),
                TargetKind::Power => Some(Target::Power(PowerIdx(0))),
                TargetKind::OwnBloc | TargetKind::OtherBloc => Some(Target::Bloc(BlocIdx(0))),
            };
            let bind = Bindings::new(who, target);
            let eff = Eff::compile(&outcome.effect, &reg);
            let (parts, rows) = (eff.touches(), eff.rows(&bind));
            apply(sim.world_mut(), &eff, Cause::of(Mechanism::Order), &bind);
            let after = Facts::of(sim.world());
            let what = format!("{} (effect {k})", def.id);
            // What a decider gathers again makes the facts as they are now.
            let listed: Option<Vec<StateIdx>> = match rows {
                Rows::Nothing => Some(Vec::new()),
                Rows::One(s) => Some(vec![s]),
                Rows::Every => None,
            };
            let refreshed = cache.refresh(sim.world_mut(), parts, listed.as_deref());
            assert_eq!(
                format!("{refreshed:?}"),
                format!("{after:?}"),
                "{what}: refreshed in part"
            );
            if parts == Parts::ALL {
                continue;
            }
            if let Rows::One(s) = rows
                && row(&before, s.0 as usize) != row(&after, s.0 as usize)
            {
                one_row_moved += 1;
            }
            if rows != Rows::Every {
                for s in 0..n {
                    if rows != Rows::One(StateIdx(s as u16)) {
                        assert_eq!(row(&before, s), row(&after, s), "{what} changed state {s}'s row");
                    }
                }
            }
            if !parts.has(Parts::RELATIONS) {
                assert_eq!(
                    format!("{:?}", before.relations),
                    format!("{:?}", after.relations),
                    "{what}"
                );
            }
            if !parts.has(Parts::BLOCS) {
                let blocs = |f: &Facts| {
                    format!(
                        "{:?}",
                        (
                            &f.ties,
                            &f.live,
                            &f.sanctioned,
                            &f.projects_open,
                            &f.projects_done,
                            &f.staying
                        )
                    )
                };
                assert_eq!(blocs(&before), blocs(&after), "{what}");
            }
            if !parts.has(Parts::PARTNERSHIPS) {
                let ps = |f: &Facts| format!("{:?}", (&f.partnerships, &f.part_of, &f.security_load));
                assert_eq!(ps(&before), ps(&after), "{what}");
            }
            if !parts.has(Parts::POWERS) {
                let pw = |f: &Facts| format!("{:?}", (&f.power, &f.has_agenda, &f.wants, &f.courts, &f.rivals));
                assert_eq!(pw(&before), pw(&after), "{what}");
            }
            checked += 1;
        }
    }
    // Most of the catalogues' effects say what they change, and the
    // one-row ones were seen to move their row (not checked vacuously).
    assert!(checked > 40, "only {checked} effects checked");
    assert!(
        one_row_moved >= 10,
        "only {one_row_moved} one-row effects moved their row"
    );
}
