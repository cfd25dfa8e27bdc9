//! Mechanisms on small hand-built worlds, and invariants of the turn.

use bevy::prelude::*;
use harmattan::scenario::format::{Indicator, RegimeKind, Stage};
use harmattan::sim::actions;
use harmattan::sim::chronicle::NewsKind;
use harmattan::sim::components::*;
use harmattan::sim::{Detail, Simulation, TurnSchedule};
use proptest::prelude::*;

use crate::support::{NO_NOISE, load, shipped, tiny};

fn sim(extra: &str) -> Simulation {
    Simulation::new(&load(&tiny(extra)), 1, Detail::Full)
}

fn state(sim: &Simulation, code: &str) -> (StateIdx, Entity) {
    let s = sim.registry().state(code).unwrap();
    (s, sim.registry().state_entity(s))
}

fn kinds(sim: &Simulation) -> Vec<NewsKind> {
    sim.chronicle().news.iter().map(|n| n.kind).collect()
}

#[test]
fn the_turn_schedule_has_no_ambiguities() {
    let mut sim = Simulation::new(&shipped(), 1, Detail::Full);
    let result = sim
        .world_mut()
        .schedule_scope(TurnSchedule, |world, schedule| schedule.initialize(world));
    if let Err(e) = result {
        panic!("the turn schedule does not build: {e:?}");
    }
}

#[test]
fn sanctions_hurt_a_landlocked_state_more_than_a_coastal_one() {
    // AAA is landlocked and its only neighbour enforces; BBB is coastal.
    let extra = format!(
        r#"    events: [(id: "s", when: Date("2023-01"), effects: [ImposeSanctions(bloc: "COM", state: "AAA"), ImposeSanctions(bloc: "COM", state: "BBB")])],
    rules: {{{NO_NOISE}, "blocs.lift_chance_civilian": 0}},"#
    );
    let mut sim = sim(&extra);
    sim.run(12);
    let growth = |code| sim.world().get::<Economy>(state(&sim, code).1).unwrap().growth;
    let (landlocked, coastal, untouched) = (growth("AAA"), growth("BBB"), growth("CCC"));
    assert!(
        (untouched - 4.0).abs() < 0.05,
        "no shock, next to no change: {untouched}"
    );
    assert!(
        coastal < untouched - 0.5,
        "sanctions cost the coastal state: {coastal} vs {untouched}"
    );
    assert!(
        landlocked < coastal - 0.4,
        "more for the landlocked: {landlocked} vs {coastal}"
    );
}

#[test]
fn an_open_port_next_door_softens_sanctions() {
    // AAA (0) is landlocked; its neighbour BBB (1) is coastal. Check the rule
    // directly: enforcing members close their ports, others keep them open,
    // a member may defy its bloc, and anyone may close its border.
    let rules = harmattan::rules::Rules::shipped().economy;
    use harmattan::sim::economy::sanctions_multiplier;
    use harmattan::sim::world::relations::Borders;
    let (a, b) = (StateIdx(0), StateIdx(1));
    let n = [b];
    let coast = [false, true];
    let open = Borders::default();
    let m = |coastal, enforcing: &[StateIdx], borders: &Borders| {
        sanctions_multiplier(&rules, a, coastal, &n, &coast, enforcing, borders)
    };
    assert_eq!(m(false, &[b], &open), rules.landlocked_multiplier);
    assert_eq!(m(false, &[], &open), rules.open_port_multiplier);
    assert_eq!(m(true, &[b], &open), 1.0);
    let mut defiant = Borders::default();
    defiant.open(b, a);
    assert_eq!(
        m(false, &[b], &defiant),
        rules.open_port_multiplier,
        "Guinea's open ports"
    );
    let mut shut = Borders::default();
    shut.close(b, a);
    assert_eq!(
        m(false, &[], &shut),
        rules.landlocked_multiplier,
        "a closed border is no port"
    );
}

fn food(sim: &Simulation, code: &str) -> f64 {
    sim.world().get::<Economy>(state(sim, code).1).unwrap().food_insecurity
}

#[test]
fn a_grain_export_ban_feeds_the_banner_and_starves_its_neighbours() {
    // BBB (coastal) borders AAA (landlocked) and CCC (coastal). All start at
    // the default food insecurity of 5.
    let extra = format!(
        r#"    events: [(id: "ban", when: Date("2023-01"), effects: [BanGrainExports(state: "BBB")])],
    rules: {{{NO_NOISE}, "food.lift_chance": 0}},"#
    );
    let plain = {
        let mut s = sim(&format!("    rules: {{{NO_NOISE}}},"));
        s.run(12);
        s
    };
    let mut banned = sim(&extra);
    banned.run(12);
    assert!(kinds(&banned).contains(&NewsKind::GrainExportsBanned));
    assert!(food(&banned, "BBB") < food(&plain, "BBB") - 1.0, "the ban feeds BBB");
    let (landlocked, coastal) = (
        food(&banned, "AAA") - food(&plain, "AAA"),
        food(&banned, "CCC") - food(&plain, "CCC"),
    );
    assert!(coastal > 0.25, "a neighbour's market tightens: {coastal}");
    assert!(
        landlocked > coastal * 1.5,
        "more so for a landlocked buyer: {landlocked} vs {coastal}"
    );
    let growth = |sim: &Simulation| sim.world().get::<Economy>(state(sim, "BBB").1).unwrap().growth;
    assert!(growth(&banned) < growth(&plain), "lost exports");
    let rel = |sim: &Simulation| {
        sim.world()
            .resource::<harmattan::sim::world::relations::Relations>()
            .get(state(sim, "AAA").0, state(sim, "BBB").0)
    };
    assert!(rel(&banned) < rel(&plain), "neighbours resent it");
    // The ledger names the culprit.
    let (aaa, bbb) = (state(&banned, "AAA").0, state(&banned, "BBB").0);
    let blamed = banned.ledger().entries.iter().any(|e| {
        e.state == aaa
            && e.cause.mechanism == harmattan::sim::ledger::Mechanism::GrainExports
            && e.cause.actor == Some(harmattan::sim::ledger::Actor::State(bbb))
    });
    assert!(blamed, "AAA's hunger is booked to BBB's ban");
}

#[test]
fn hunger_costs_stability_and_leads_governments_to_ban_then_lift() {
    let extra = format!(
        r#"    events: [(id: "drought", when: Date("2023-01"), effects: [Set(state: "AAA", indicator: FoodInsecurity, value: 30)])],
    rules: {{{NO_NOISE}, "food.ban_chance": 1.0, "food.lift_chance": 1.0, "food.lift_threshold": 3.0}},"#
    );
    let mut hungry = sim(&extra);
    hungry.step();
    let banned = hungry
        .world()
        .get::<Economy>(state(&hungry, "AAA").1)
        .unwrap()
        .grain_ban;
    assert!(banned, "a drought far above the usual brings a ban at once");
    hungry.run(5);
    let stab = |code| hungry.world().get::<Stability>(state(&hungry, code).1).unwrap().0;
    assert!(
        stab("AAA") < stab("CCC") - 2.0,
        "hunger is unsettling: {} vs {}",
        stab("AAA"),
        stab("CCC")
    );
    hungry.run(30);
    let news = kinds(&hungry);
    let lifted = news.iter().position(|k| *k == NewsKind::GrainExportsResumed);
    let imposed = news.iter().position(|k| *k == NewsKind::GrainExportsBanned);
    assert!(
        imposed < lifted && lifted.is_some(),
        "lifted after the harvest recovers: {news:?}"
    );

    // A player's government decides for itself.
    let mut played = sim(&extra);
    played.set_player(Some("AAA")).unwrap();
    played.run(3);
    assert!(!kinds(&played).contains(&NewsKind::GrainExportsBanned));
}

#[test]
fn diplomatic_acts_move_relations_and_a_closed_border_costs_trade() {
    let extra = format!(
        r#"    events: [(id: "acts", when: Date("2023-01"), effects: [
        RecallAmbassador(state: "BBB", other: "CCC"),
        Mediate(state: "CCC", first: "AAA", second: "BBB"),
        VisitPower(state: "AAA", power: "RUS"),
        CloseBorder(state: "BBB", other: "AAA"),
    ])],
    rules: {{{NO_NOISE}}},"#
    );
    let plain = {
        let mut s = sim(&format!("    rules: {{{NO_NOISE}}},"));
        s.step();
        s
    };
    let mut acted = sim(&extra);
    acted.step();
    let rel = |sim: &Simulation, x, y| {
        sim.world()
            .resource::<harmattan::sim::world::relations::Relations>()
            .get(state(sim, x).0, state(sim, y).0)
    };
    assert!(
        rel(&acted, "BBB", "CCC") < rel(&plain, "BBB", "CCC") - 15.0,
        "recalled ambassador"
    );
    assert!(
        rel(&acted, "AAA", "CCC") > rel(&plain, "AAA", "CCC"),
        "the mediator gains"
    );
    let align = |sim: &Simulation| {
        let rus = sim.registry().power("RUS").unwrap().0 as usize;
        sim.world().get::<Alignment>(state(sim, "AAA").1).unwrap().0[rus]
    };
    assert!(align(&acted) > align(&plain) + 3.0, "a visit to Moscow");
    // The closure costs landlocked AAA growth every month it lasts, booked
    // under the state that closed the border.
    acted.run(6);
    let growth = |sim: &Simulation| sim.world().get::<Economy>(state(sim, "AAA").1).unwrap().growth;
    let mut calm = sim(&format!("    rules: {{{NO_NOISE}}},"));
    calm.run(7);
    assert!(
        growth(&acted) < growth(&calm) - 0.6,
        "closed border: {} vs {}",
        growth(&acted),
        growth(&calm)
    );
    let bbb = state(&acted, "BBB").0;
    let why = acted.ledger().breakdown(
        acted.ledger().turn,
        state(&acted, "AAA").0,
        harmattan::sim::ledger::Measure::Indicator(harmattan::scenario::format::Indicator::Growth),
    );
    assert!(
        why.iter()
            .any(|(c, d)| c.actor == Some(harmattan::sim::ledger::Actor::State(bbb)) && *d < 0.0),
        "{why:?}"
    );
}

#[test]
fn a_partnership_passes_through_its_stages_in_order() {
    let extra = format!(
        r#"    partnerships: [(state: "AAA", power: "FRA", kind: TrainingEquipment, stage: Proposed)],
    rules: {{{NO_NOISE}, "partnerships.advance_chance": 1.0, "partnerships.fail_chance": 0.0, "partnerships.seek_chance": 0.0}},"#
    );
    let mut sim = sim(&extra);
    let (s, _) = state(&sim, "AAA");
    let mut seen = Vec::new();
    for _ in 0..7 {
        sim.step();
        let stages: Vec<Stage> = actions::partnerships_of(sim.world(), s)
            .iter()
            .map(|(_, p)| p.stage)
            .collect();
        assert_eq!(stages.len(), 1, "one partnership, never in two stages at once");
        seen.push(stages[0]);
    }
    assert_eq!(
        seen,
        [
            Stage::Drafted,
            Stage::Reviewed,
            Stage::Approved,
            Stage::Signed,
            Stage::InForce,
            Stage::InForce,
            Stage::InForce
        ]
    );
    let k = kinds(&sim);
    assert!(k.contains(&NewsKind::PartnershipSigned) && k.contains(&NewsKind::PartnershipInForce));
}

#[test]
fn a_withdrawal_takes_effect_only_after_the_notice_period() {
    let extra = format!(
        r#"    events: [(id: "w", when: Date("2023-01"), effects: [AnnounceWithdrawal(state: "AAA", bloc: "COM")])],
    rules: {{{NO_NOISE}}},"#
    );
    let mut sim = sim(&extra);
    let com = sim.registry().bloc("COM").unwrap();
    let (aaa, _) = state(&sim, "AAA");
    // Announced in January with three months' notice: still a member
    // through March, gone when April resolves.
    for turn in 1..=3 {
        sim.step();
        assert!(
            actions::membership(sim.world(), aaa, com).is_some(),
            "still a member after turn {turn}"
        );
    }
    sim.step();
    assert!(actions::membership(sim.world(), aaa, com).is_none());
    let news = &sim.chronicle().news;
    let announced = news.iter().find(|n| n.kind == NewsKind::WithdrawalAnnounced).unwrap();
    let left = news.iter().find(|n| n.kind == NewsKind::BlocLeft).unwrap();
    assert_eq!(announced.date.months_until(left.date), 3);
    assert!(
        crate::support::said(&sim, announced).contains("effective April 2023"),
        "{}",
        crate::support::said(&sim, announced)
    );
}

#[test]
fn a_coup_changes_the_regime_and_sets_off_the_blocs_reaction() {
    let extra = format!(
        r#"    partnerships: [(state: "AAA", power: "FRA", kind: DefenceCooperation, stage: InForce)],
    events: [(id: "putsch", when: Date("2023-02"), effects: [CoupAttempt(state: "AAA")])],
    rules: {{{NO_NOISE}, "coups.success_base_logit": 30}},"#
    );
    let mut sim = sim(&extra);
    let (aaa, e) = state(&sim, "AAA");
    sim.run(2);
    let regime = sim.world().get::<Regime>(e).unwrap();
    assert_eq!(regime.kind, RegimeKind::MilitaryJunta);
    assert!(regime.by_coup);
    assert_ne!(regime.leader, "Ann");
    let com = sim.registry().bloc("COM").unwrap();
    let m = actions::membership(sim.world(), aaa, com).unwrap();
    assert!(sim.world().get::<Membership>(m).unwrap().suspended);
    assert_eq!(actions::sanctioning_blocs(sim.world(), aaa), vec![com]);
    // France conditions its support: its partnership is suspended, its standing falls.
    let p = actions::partnerships_of(sim.world(), aaa);
    assert_eq!(p[0].1.stage, Stage::Suspended);
    let fra = sim.registry().power("FRA").unwrap();
    assert!(sim.world().get::<Alignment>(e).unwrap().0[fra.0 as usize] < 20.0 - 15.0);
    let k = kinds(&sim);
    for kind in [
        NewsKind::Coup,
        NewsKind::Suspended,
        NewsKind::SanctionsImposed,
        NewsKind::PartnershipSuspended,
    ] {
        assert!(k.contains(&kind), "{kind:?} missing from {k:?}");
    }
    // The ledger explains the fall in stability.
    let ledger = sim.ledger();
    let why = ledger.breakdown(
        2,
        aaa,
        harmattan::sim::ledger::Measure::Indicator(harmattan::scenario::format::Indicator::Stability),
    );
    assert!(
        why.iter()
            .any(|(c, d)| c.mechanism == harmattan::sim::ledger::Mechanism::Coup && *d < 0.0),
        "{why:?}"
    );
}

#[test]
fn orders_from_the_wrong_government_are_rejected() {
    use harmattan::scenario::format::Effect;
    use harmattan::sim::orders::{Order, OrderQueue};
    let mut sim = sim("");
    sim.submit(Order {
        by: "BBB".into(),
        effect: Effect::LeaveBloc {
            state: "AAA".into(),
            bloc: "COM".into(),
        },
    });
    sim.submit(Order {
        by: "AAA".into(),
        effect: Effect::CoupAttempt {
            state: "AAA".into(),
            succeeds: None,
            leader: None,
        },
    });
    sim.step();
    let rejected = &sim.world().resource::<OrderQueue>().rejected;
    assert_eq!(rejected.len(), 2);
    let reason = |k: usize| crate::support::english(&sim, &rejected[k].reason);
    assert_eq!(reason(0), "BBB cannot decide for AAA");
    assert!(reason(1).contains("`CoupAttempt` is not an order"));
    let (aaa, _) = state(&sim, "AAA");
    assert!(actions::membership(sim.world(), aaa, sim.registry().bloc("COM").unwrap()).is_some());
}

#[test]
fn the_ledger_accounts_for_every_change() {
    let mut sim = Simulation::new(&shipped(), 9, Detail::Full);
    sim.run(12);
    let history = sim.history();
    let ledger = sim.ledger();
    let stab = harmattan::sim::ledger::Measure::Indicator(harmattan::scenario::format::Indicator::Stability);
    for s in 0..sim.registry().state_count() {
        let s = StateIdx(s as u16);
        let first = history.snapshots[0].states[s.0 as usize].get(Indicator::Stability);
        let last = history.snapshots[12].states[s.0 as usize].get(Indicator::Stability);
        let booked: f64 = ledger
            .entries
            .iter()
            .filter(|e| e.state == s && e.measure == stab)
            .map(|e| e.delta)
            .sum();
        assert!(
            (first + booked - last).abs() < 1e-9,
            "state {s:?}: {first} + {booked} != {last}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn invariants_hold_every_turn(seed in any::<u64>()) {
        let mut sim = Simulation::new(&shipped(), seed, Detail::Outcomes);
        for _ in 0..48 {
            sim.step();
            let world = sim.world_mut();
            let mut q = world.query::<(&Stability, &Legitimacy, &MilitaryLoyalty, &Security, &Alignment)>();
            for (st, lg, ml, sec, al) in q.iter(world) {
                for v in [st.0, lg.0, ml.0, sec.insurgency, sec.control, sec.military] {
                    prop_assert!((0.0..=100.0).contains(&v));
                }
                prop_assert!(al.0.iter().all(|a| (-100.0..=100.0).contains(a)));
            }
            let mut members = world.query::<(&Membership, &MemberOf)>();
            let links: Vec<(Membership, Entity)> = members.iter(world).map(|(m, o)| (*m, o.0)).collect();
            for (m, bloc) in links {
                prop_assert!(world.get::<Bloc>(bloc).is_some(), "membership of a dissolved bloc: {m:?}");
            }
            let mut parts = world.query::<&Partnership>();
            let mut keys: Vec<_> = parts.iter(world).map(|p| (p.state, p.power, p.kind)).collect();
            let n = keys.len();
            keys.sort();
            keys.dedup();
            prop_assert_eq!(n, keys.len(), "a partnership in two stages at once");
        }
    }
}

/// An event offering AAA's government two options: raise or cut stability.
const CHOICE_EVENT: &str = r#"    events: [(
        id: "offer", title: "A power offers instructors.", when: Date("2023-01"),
        effects: [], chooser: "AAA",
        choices: [
            (label: "Accept", effects: [Change(state: "AAA", indicator: Stability, delta: 10)], ai_weight: 0),
            (label: "Refuse", effects: [Change(state: "AAA", indicator: Stability, delta: -10)], ai_weight: 1),
        ],
    )],"#;

fn choice_sim() -> Simulation {
    sim(&format!("{CHOICE_EVENT}\n    rules: {{{NO_NOISE}}},"))
}

fn stability(sim: &Simulation, code: &str) -> f64 {
    sim.world().get::<Stability>(state(sim, code).1).unwrap().0
}

#[test]
fn a_computer_run_government_chooses_by_weight() {
    let mut sim = choice_sim();
    sim.step();
    assert!(sim.open_choices().is_empty(), "nobody plays AAA: no waiting");
    assert!(
        stability(&sim, "AAA") < 45.0,
        "the only weighted option (Refuse) was taken"
    );
    assert!(
        sim.chronicle()
            .news
            .iter()
            .any(|n| crate::support::said(&sim, n) == "Landlocked: its government chose \"Refuse\"")
    );
}

#[test]
fn the_players_choice_waits_for_them_and_is_carried_out() {
    let mut sim = choice_sim();
    sim.set_player(Some("AAA")).unwrap();
    sim.step();
    let open = sim.open_choices();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].options, ["Accept", "Refuse"]);
    let before = stability(&sim, "AAA");
    assert!((before - 50.0).abs() < 1.0, "nothing decided yet: {before}");
    assert!(sim.choose("offer", 2).is_err(), "no third option");
    assert!(sim.choose("nope", 0).is_err());
    sim.choose("offer", 0).unwrap();
    sim.step();
    assert!(sim.open_choices().is_empty());
    assert!(stability(&sim, "AAA") > 55.0, "Accept (+10) was carried out");
    assert!(
        sim.chronicle()
            .news
            .iter()
            .any(|n| crate::support::said(&sim, n) == "Landlocked: your government chose \"Accept\"")
    );
}

#[test]
fn an_unanswered_choice_is_settled_by_the_computer_next_turn() {
    let mut sim = choice_sim();
    sim.set_player(Some("AAA")).unwrap();
    sim.run(2);
    assert!(sim.open_choices().is_empty(), "a game never stalls on a question");
    assert!(stability(&sim, "AAA") < 45.0, "the computer's pick (Refuse)");
    assert!(sim.set_player(Some("ZZZ")).is_err());
}

#[test]
fn a_community_may_threaten_a_new_junta_which_rallies_at_home() {
    let putsch = |threat: f64| {
        let extra = format!(
            r#"    events: [(id: "putsch", when: Date("2023-02"), effects: [CoupAttempt(state: "AAA")])],
    rules: {{{NO_NOISE}, "coups.success_base_logit": 30, "blocs.threat_chance": {threat}}},"#
        );
        let text = tiny(&extra).replace(
            "sanction_on_coup: true)",
            "sanction_on_coup: true, threaten_on_coup: true)",
        );
        let mut sim = Simulation::new(&load(&text), 1, Detail::Full);
        sim.run(2);
        sim
    };
    let (threatened, spared) = (putsch(1.0), putsch(0.0));
    assert!(kinds(&threatened).contains(&NewsKind::InterventionThreatened));
    assert!(!kinds(&spared).contains(&NewsKind::InterventionThreatened));
    let legit = |sim: &Simulation| sim.world().get::<Legitimacy>(state(sim, "AAA").1).unwrap().0;
    assert!(legit(&threatened) > legit(&spared) + 4.0, "the rally around the junta");
    let rel = |sim: &Simulation| {
        sim.world()
            .resource::<harmattan::sim::world::relations::Relations>()
            .get(state(sim, "AAA").0, state(sim, "BBB").0)
    };
    assert!(
        rel(&threatened) < rel(&spared) - 10.0,
        "relations with the threatening members sour"
    );
}

/// A scenario's starting relations and its effects that suspend and
/// reinstate a bloc member.
#[test]
fn starting_relations_and_suspensions_are_the_scenarios_to_give() {
    use harmattan::sim::world::relations::Relations;
    let s = crate::support::load(&crate::support::tiny(
        r#"    relations: [(state: "AAA", other: "CCC", value: -55)],
    events: [
        (id: "out", when: Date("2023-02"), effects: [SuspendMember(bloc: "COM", state: "BBB")]),
        (id: "back", when: Date("2023-04"), effects: [ReinstateMember(bloc: "COM", state: "BBB")]),
    ],"#,
    ));
    let mut sim = harmattan::sim::Simulation::new(&s, 1, harmattan::sim::Detail::Full);
    let reg = sim.registry().clone();
    let (a, b, c) = (
        reg.state("AAA").unwrap(),
        reg.state("BBB").unwrap(),
        reg.state("CCC").unwrap(),
    );
    let rel = sim.world().resource::<Relations>();
    assert_eq!(rel.get(a, c), -55.0);
    assert_eq!(rel.get(c, a), -55.0, "both ways");
    assert!(rel.get(a, b) > 0.0, "the others as the model settles them");
    let suspended = |sim: &harmattan::sim::Simulation| {
        let com = sim.registry().bloc("COM").unwrap();
        let m = harmattan::sim::world::actions::membership(sim.world(), b, com).unwrap();
        sim.world()
            .get::<harmattan::sim::world::components::Membership>(m)
            .unwrap()
            .suspended
    };
    sim.run(2);
    assert!(suspended(&sim), "suspended in February");
    sim.run(2);
    assert!(!suspended(&sim), "reinstated in April");
    // A scripted suspension ends with the membership: back in the bloc,
    // the member is the blocs' rules' again.
    use harmattan::scenario::format::Effect;
    use harmattan::sim::world::actions::ScriptedSuspensions;
    let cause = harmattan::sim::world::ledger::Cause::of(harmattan::sim::world::ledger::Mechanism::ScriptedEvent);
    for e in [
        Effect::SuspendMember {
            bloc: "COM".into(),
            state: "BBB".into(),
        },
        Effect::LeaveBloc {
            state: "BBB".into(),
            bloc: "COM".into(),
        },
        Effect::JoinBloc {
            state: "BBB".into(),
            bloc: "COM".into(),
        },
    ] {
        harmattan::sim::script::effect::apply_effect(sim.world_mut(), &e, cause);
    }
    assert!(sim.world().resource::<ScriptedSuspensions>().0.is_empty());
    // Given twice, or to itself: refused at its line.
    let text = crate::support::tiny(
        r#"    relations: [
        (state: "AAA", other: "CCC", value: -55),
        (state: "CCC", other: "AAA", value: 10),
        (state: "BBB", other: "BBB", value: 300),
    ],"#,
    );
    let err = harmattan::scenario::load("rel.ron", &text).unwrap_err().to_string();
    assert!(err.contains("relations between AAA and CCC are given twice"), "{err}");
    assert!(err.contains("two different states"), "{err}");
    assert!(err.contains("value is 300, but must be between -100 and 100"), "{err}");
}

/// A scenario's own commodities: exported, sought by a power, read by a
/// condition; misnamed ones refused with a suggestion.
#[test]
fn a_scenario_declares_the_commodities_it_exports() {
    let s = crate::support::load(
        &crate::support::tiny(
            r#"    commodities: [(id: "Copper", concessions: true), (id: "Tea")],
    events: [(id: "copper", when: All([Date("2023-02"), Exports(state: "AAA", export: Copper)]),
              effects: [News("Copper from Landlocked.")])],"#,
        )
        .replace("coastal: false)", "coastal: false, exports: [Copper, Gold])")
        .replace(
            r#"(id: "RUS", name: "Russia", capacity: 4, conditionality: 0.0)"#,
            r#"(id: "RUS", name: "Russia", capacity: 4, conditionality: 0.0, agenda: (wants: [Copper]))"#,
        ),
    );
    let mut sim = harmattan::sim::Simulation::new(&s, 1, harmattan::sim::Detail::Full);
    sim.run(2);
    assert!(
        sim.chronicle()
            .news
            .iter()
            .any(|n| crate::support::said(&sim, n) == "Copper from Landlocked.")
    );
    let reg = sim.registry();
    let copper = reg.commodity("Copper").unwrap();
    assert!(reg.seeks_concessions(copper));
    assert!(!reg.seeks_concessions(reg.commodity("Tea").unwrap()));
    assert!(
        reg.seeks_concessions(reg.commodity("Gold").unwrap()),
        "built-ins keep theirs"
    );
    let aaa = reg.state_entity(reg.state("AAA").unwrap());
    let exports = &sim
        .world()
        .get::<harmattan::sim::world::components::Economy>(aaa)
        .unwrap()
        .exports;
    assert!(exports.contains(&copper));

    let bad = crate::support::tiny(
        r#"    commodities: [(id: "Gold"), (id: "Tea"), (id: "Tea"), (id: "raw cotton"), (id: "Copper")],"#,
    )
    .replace("coastal: false)", "coastal: false, exports: [Coper])");
    let err = harmattan::scenario::load("bad.ron", &bad).unwrap_err().to_string();
    assert!(err.contains("`Gold` is a built-in commodity already"), "{err}");
    assert!(err.contains("commodity `Tea` is declared twice"), "{err}");
    assert!(err.contains("a commodity's id is a capitalised word"), "{err}");
    assert!(
        err.contains("unknown commodity `Coper`; did you mean `Copper`?"),
        "{err}"
    );
}
