//! Juntas that entrench and hand over, pacts of juntas that act together,
//! partnerships that need both sides, and leaders named for their region:
//! the mechanisms of docs/model.md on small hand-built worlds.

use harmattan::scenario::format::{RegimeKind, Stage};
use harmattan::sim::chronicle::NewsKind;
use harmattan::sim::components::*;
use harmattan::sim::{Detail, Simulation};

use crate::support::{NO_NOISE, load};

/// Five neighbours in a row: three juntas at war (AAA, BBB, CCC), two
/// civilian governments (DDD, EEE). COM is an economic community of all
/// five that has suspended the juntas, sanctions AAA and threatens it with
/// force; MON a monetary union of the same; OLD a defence pact of AAA, BBB,
/// DDD and EEE. `extra` is spliced in before the closing parenthesis.
fn sahel(extra: &str) -> String {
    let junta = |id: &str, next: &str| {
        format!(
            r#"(id: "{id}", name: "Junta {id}", stability: 50, legitimacy: 50, military_loyalty: 60, coup_proofing: 10,
         regime: (kind: MilitaryJunta, leader: "Colonel {id}", since: "2022-01", by_coup: true),
         security: (insurgency: 60, control: 80, military: 40, trend: 0),
         economy: (growth: 3, sanctions_exposure: 50, coastal: false),
         alignment: {{"RUS": 40, "EUR": -30}},
         neighbours: ["{next}"]),"#
        )
    };
    let civilian = |id: &str, next: &str| {
        format!(
            r#"(id: "{id}", name: "Civilian {id}", stability: 60, legitimacy: 60, military_loyalty: 80, coup_proofing: 50,
         regime: (kind: Civilian, leader: "President {id}", since: "2020-01"),
         security: (insurgency: 5, control: 99, military: 40),
         economy: (growth: 4, exports: [Oil], sanctions_exposure: 30, coastal: true),
         alignment: {{"RUS": -30, "EUR": 30}},
         neighbours: [{next}]),"#
        )
    };
    format!(
        r#"Scenario(
    meta: (name: "Sahel", start: "2023-08", turns: 48, seed: 3, playable: ["AAA", "DDD"]),
    powers: [
        (id: "RUS", name: "Russia", capacity: 4, conditionality: 0.0, agenda: (wants: [Gold])),
        (id: "EUR", name: "Europe", capacity: 4, conditionality: 0.9),
    ],
    states: [
        {}
        {}
        {}
        {}
        {}
    ],
    blocs: [
        (id: "COM", name: "Community", kind: EconomicCommunity, members: ["AAA", "BBB", "CCC", "DDD", "EEE"],
         rules: (withdrawal_notice_months: 12, suspend_on_coup: true, sanction_on_coup: true, threaten_on_coup: true),
         suspended: ["AAA", "BBB", "CCC"], sanctioned: ["AAA"], threatened: ["AAA"]),
        (id: "MON", name: "Union", kind: MonetaryUnion, members: ["AAA", "BBB", "CCC", "DDD", "EEE"],
         rules: (withdrawal_notice_months: 6, suspend_on_coup: true),
         suspended: ["AAA", "BBB", "CCC"], sanctioned: ["AAA"]),
        (id: "OLD", name: "Old pact", kind: DefencePact, members: ["AAA", "BBB", "DDD", "EEE"],
         rules: (withdrawal_notice_months: 0)),
    ],
{extra}
)"#,
        junta("AAA", "BBB"),
        junta("BBB", "CCC"),
        junta("CCC", "DDD"),
        civilian("DDD", r#""EEE""#),
        civilian("EEE", ""),
    )
}

fn sim_seeded(extra: &str, seed: u64) -> Simulation {
    Simulation::new(&load(&sahel(extra)), seed, Detail::Full)
}

fn sim(extra: &str) -> Simulation {
    sim_seeded(extra, 1)
}

fn entity(sim: &Simulation, code: &str) -> bevy::prelude::Entity {
    sim.registry().state_entity(sim.registry().state(code).unwrap())
}

fn proofing(sim: &Simulation, code: &str) -> f64 {
    sim.world().get::<CoupProofing>(entity(sim, code)).unwrap().0
}

fn regime(sim: &Simulation, code: &str) -> Regime {
    sim.world().get::<Regime>(entity(sim, code)).unwrap().clone()
}

fn news<'a>(sim: &'a Simulation, kind: NewsKind) -> impl Iterator<Item = &'a harmattan::sim::chronicle::News> + 'a {
    sim.chronicle().news.iter().filter(move |n| n.kind == kind)
}

/// Withdrawals announced from bloc `code`, by state code and month.
fn withdrawals(sim: &Simulation, code: &str) -> Vec<(String, String)> {
    let reg = sim.registry();
    news(sim, NewsKind::WithdrawalAnnounced)
        .filter(|n| n.bloc.is_some_and(|b| reg.bloc_code(b) == code))
        .map(|n| (reg.state_code(n.state.unwrap()).to_string(), n.date.to_string()))
        .collect()
}

const QUIET_BLOCS: &str =
    r#""blocs.form_chance": 0, "blocs.form_threat_chance": 0, "blocs.threat_chance": 0, "transitions.chance": 0"#;

#[test]
fn a_junta_entrenches_month_by_month_and_a_civilian_government_does_not() {
    let mut sim = sim(&format!("    rules: {{{NO_NOISE}, {QUIET_BLOCS}}},"));
    sim.run(24);
    // From 10, 3 % of the gap to 70 a month: about 41 after two years.
    let p = proofing(&sim, "AAA");
    assert!((38.0..44.0).contains(&p), "junta's coup-proofing after two years: {p}");
    assert_eq!(proofing(&sim, "DDD"), 50.0, "a civilian government's is its own");
}

#[test]
fn juntas_at_peace_hand_over_and_juntas_at_war_hold_on() {
    // A handover is likely within the run for a junta at peace, unlikely
    // for one at war (the war factor); the players' junta never.
    let extra = format!(
        r#"    rules: {{{NO_NOISE}, "blocs.form_chance": 0, "blocs.form_threat_chance": 0, "transitions.chance": 0.1}},"#
    );
    let (mut at_peace, mut at_war) = (0, 0);
    for seed in 0..20 {
        let text = sahel(&extra).replace(
            r#"(id: "CCC", name: "Junta CCC", stability: 50, legitimacy: 50, military_loyalty: 60, coup_proofing: 10,
         regime: (kind: MilitaryJunta, leader: "Colonel CCC", since: "2022-01", by_coup: true),
         security: (insurgency: 60,"#,
            r#"(id: "CCC", name: "Junta CCC", stability: 50, legitimacy: 50, military_loyalty: 60, coup_proofing: 10,
         regime: (kind: MilitaryJunta, leader: "Colonel CCC", since: "2022-01", by_coup: true),
         security: (insurgency: 5,"#,
        );
        let mut sim = Simulation::new(&load(&text), seed, Detail::Full);
        sim.set_players(&["AAA"]).unwrap();
        sim.run(24);
        at_peace += usize::from(regime(&sim, "CCC").kind == RegimeKind::Civilian);
        at_war += usize::from(regime(&sim, "BBB").kind == RegimeKind::Civilian);
        assert_eq!(
            regime(&sim, "AAA").kind,
            RegimeKind::MilitaryJunta,
            "the player decides"
        );
    }
    assert!(
        at_peace >= 15,
        "a junta at peace handed over in {at_peace} of 20 futures"
    );
    assert!(
        at_war <= 10 && at_war < at_peace,
        "a junta at war handed over in {at_war} of 20"
    );
}

#[test]
fn a_handover_is_news_and_keeps_or_replaces_the_leader() {
    let mut sim = sim(&format!(
        r#"    rules: {{{NO_NOISE}, "blocs.form_chance": 0, "blocs.form_threat_chance": 0, "transitions.chance": 1, "transitions.war_factor": 1}},"#
    ));
    sim.run(1);
    let handovers: Vec<_> = news(&sim, NewsKind::CivilianRule).collect();
    assert_eq!(handovers.len(), 3, "every junta hands over at once");
    for code in ["AAA", "BBB", "CCC"] {
        let r = regime(&sim, code);
        assert_eq!(r.kind, RegimeKind::Civilian);
        assert!(!r.by_coup);
        // Either the junta's leader is elected, or a civilian named from
        // the generic pool (these test states are in no region).
        assert!(
            r.leader == format!("Colonel {code}") || !r.leader.contains("Colonel"),
            "{}",
            r.leader
        );
    }
}

#[test]
fn threatened_juntas_found_a_pact_leave_the_old_one_and_the_community_together() {
    let mut sim = sim(&format!(
        r#"    rules: {{{NO_NOISE}, "transitions.chance": 0, "blocs.form_threat_chance": 1, "blocs.joint_withdraw_chance": 1, "blocs.pact_switch_chance": 1}},"#
    ));
    sim.run(3);
    let reg = sim.registry();
    let formed: Vec<_> = news(&sim, NewsKind::BlocFormed).collect();
    assert_eq!(formed.len(), 1, "one pact");
    let pact = formed[0].bloc.unwrap();
    let mut members: Vec<&str> = harmattan::sim::actions::members(sim.world(), pact)
        .into_iter()
        .map(|s| reg.state_code(s))
        .collect();
    members.sort();
    assert_eq!(
        members,
        ["AAA", "BBB", "CCC"],
        "the three threatened juntas, as founders"
    );
    // All three announce their exit from the community in one month.
    let out = withdrawals(&sim, "COM");
    assert_eq!(out.len(), 3, "{out:?}");
    assert!(out.iter().all(|(_, month)| *month == out[0].1), "{out:?}");
    // AAA and BBB leave the pact they shared with civilians, which, half
    // its members gone, is wound up.
    let old = reg.bloc("OLD").unwrap();
    assert!(
        news(&sim, NewsKind::BlocDissolved).any(|n| n.bloc == Some(old)),
        "the old pact is dissolved"
    );
    // Nobody leaves the monetary union: the pact has no currency.
    assert!(withdrawals(&sim, "MON").is_empty());
}

#[test]
fn without_pressure_juntas_stay_in_the_community_and_never_leave_a_union_without_a_currency() {
    // No sanctions, no threat: the pact does not walk out of COM; and over
    // four years nobody leaves MON.
    let text = sahel(&format!(
        r#"    rules: {{{NO_NOISE}, "transitions.chance": 0, "blocs.form_chance": 1, "blocs.joint_withdraw_chance": 1}},"#
    ))
    .replace(r#"sanctioned: ["AAA"], threatened: ["AAA"]"#, "")
    .replace(r#"suspended: ["AAA", "BBB", "CCC"], sanctioned: ["AAA"]),"#, r#"suspended: ["AAA", "BBB", "CCC"]),"#);
    let mut sim = Simulation::new(&load(&text), 1, Detail::Full);
    sim.run(48);
    assert!(
        news(&sim, NewsKind::BlocFormed).count() >= 1,
        "juntas at war still band together"
    );
    assert!(withdrawals(&sim, "COM").is_empty(), "{:?}", withdrawals(&sim, "COM"));
    assert!(withdrawals(&sim, "MON").is_empty(), "{:?}", withdrawals(&sim, "MON"));
}

fn stage(sim: &Simulation, code: &str, power: &str) -> Option<Stage> {
    let s = sim.registry().state(code).unwrap();
    let p = sim.registry().power(power).unwrap();
    harmattan::sim::actions::partnerships_of(sim.world(), s)
        .into_iter()
        .find(|(_, x)| x.power == p)
        .map(|(_, x)| x.stage)
}

#[test]
fn both_sides_must_want_a_deal() {
    let extra = format!(
        r#"    partnerships: [
        (state: "AAA", power: "EUR", kind: TrainingEquipment, stage: Proposed),
        (state: "DDD", power: "RUS", kind: EnergyConcession, stage: Proposed),
        (state: "BBB", power: "RUS", kind: TrainingEquipment, stage: Proposed),
    ],
    rules: {{{NO_NOISE}, {QUIET_BLOCS}, "partnerships.fail_chance": 0, "partnerships.advance_chance": 0.5}},"#
    );
    let mut sim = sim(&extra);
    sim.run(24);
    // Europe does not train a junta's army; a government estranged from
    // Russia does not take its offer (and Russia does not want its oil).
    // (Talks broken off are gone from the state's partnerships.)
    for (code, power) in [("AAA", "EUR"), ("DDD", "RUS")] {
        let now = stage(&sim, code, power);
        assert!(matches!(now, None | Some(Stage::Ended)), "{code}–{power}: {now:?}");
    }
    assert!(
        !news(&sim, NewsKind::PartnershipAdvanced).any(|n| {
            let reg = sim.registry();
            let pair = (n.state.map(|s| reg.state_code(s)), n.power.map(|p| reg.power_code(p)));
            matches!(pair, (Some("AAA"), Some("EUR")) | (Some("DDD"), Some("RUS")))
        }),
        "talks that one side does not want never move on"
    );
    // A junta at war and a willing power: the deal goes through.
    assert_eq!(stage(&sim, "BBB", "RUS"), Some(Stage::InForce));
}

#[test]
fn capacity_counts_forces_deployed_not_paper_agreements() {
    // Russia has four framework agreements in force and room for one
    // deployment: its trainers still arrive.
    let extra = format!(
        r#"    partnerships: [
        (state: "AAA", power: "RUS", kind: DefenceCooperation, stage: InForce),
        (state: "BBB", power: "RUS", kind: DefenceCooperation, stage: InForce),
        (state: "CCC", power: "RUS", kind: DefenceCooperation, stage: InForce),
        (state: "EEE", power: "RUS", kind: DefenceCooperation, stage: Signed),
        (state: "CCC", power: "RUS", kind: TrainingEquipment, stage: Signed),
    ],
    rules: {{{NO_NOISE}, {QUIET_BLOCS}, "partnerships.fail_chance": 0, "partnerships.advance_chance": 1}},"#
    );
    let mut sim = sim(&extra);
    sim.run(2);
    let s = sim.registry().state("CCC").unwrap();
    let trainers = harmattan::sim::actions::partnerships_of(sim.world(), s)
        .into_iter()
        .find(|(_, x)| x.kind == harmattan::scenario::format::PartnershipKind::TrainingEquipment)
        .map(|(_, x)| x.stage);
    assert_eq!(trainers, Some(Stage::InForce));
}

#[test]
fn new_leaders_are_named_for_their_region_or_by_the_scenario() {
    // A coup in Gabon brings a Central African officer, not a Sahelian one;
    // a scenario's own pool wins over the rules'.
    let text = sahel(&format!(
        r#"    events: [(id: "c", when: Date("2023-08"), effects: [CoupAttempt(state: "AAA"), CoupAttempt(state: "BBB")])],
    rules: {{{NO_NOISE}, {QUIET_BLOCS}, "coups.success_base_logit": 50}},"#
    ))
    .replace(r#"id: "AAA", name: "Junta AAA""#, r#"id: "GAB", name: "Gabon""#)
    .replace(r#""AAA""#, r#""GAB""#)
    .replace(
        r#"(id: "BBB", name: "Junta BBB","#,
        r#"(id: "BBB", name: "Junta BBB", names: (ranks: ["Marshal"], given: ["Zed"], family: ["Zork"]),"#,
    );
    let mut sim = Simulation::new(&load(&text), 1, Detail::Full);
    sim.run(1);
    let gabon = regime(&sim, "GAB").leader;
    let pool = harmattan::rules::Rules::shipped();
    let central = pool.names.pool_for("GAB").unwrap();
    assert!(
        central.family.iter().any(|f| gabon.ends_with(f.as_str())),
        "Gabon's new leader {gabon} is not from the Central African pool"
    );
    assert!(
        !pool
            .names
            .pool_for("MLI")
            .unwrap()
            .family
            .iter()
            .any(|f| gabon.ends_with(f.as_str()))
    );
    assert_eq!(regime(&sim, "BBB").leader, "Marshal Zed Zork");
}
