//! Same scenario + seed + orders ⇒ the same history, bit for bit.

use harmattan::batch;
use harmattan::report;
use harmattan::scenario::format::Effect;
use harmattan::sim::orders::Order;
use harmattan::sim::{Detail, Simulation};

use crate::support::shipped;

fn digest_of(seed: u64, turns: u32) -> u64 {
    let mut sim = Simulation::new(&shipped(), seed, Detail::Full);
    sim.run(turns);
    report::digest(&sim)
}

#[test]
fn one_seed_gives_one_history() {
    assert_eq!(digest_of(11, 48), digest_of(11, 48));
}

#[test]
fn different_seeds_give_different_histories() {
    assert_ne!(digest_of(11, 48), digest_of(12, 48));
}

/// The golden digest of the shipped scenario's 48 turns under its default
/// seed. Update this value (and say why in the commit) when the model's
/// behaviour changes on purpose. The news is digested by its facts, not its
/// wording (0xf299371d233d2495 until the words were left out; the same
/// code digests to 0x615db800bebf3933 without them). A founded pact's id
/// became its acronym (ABMN, not PACT-1): the same history, renamed.
const GOLDEN_48: u64 = 0xa0ee8cf74db078bf;

#[test]
fn golden_48_turn_run_is_unchanged() {
    let s = shipped();
    let digest = digest_of(s.file.meta.seed, 48);
    assert_eq!(digest, GOLDEN_48, "the 48-turn history changed: {digest:#018x}");
}

#[test]
fn orders_are_part_of_the_history() {
    let s = shipped();
    let run = |with_order: bool| {
        let mut sim = Simulation::new(&s, 5, Detail::Full);
        for turn in 0..24 {
            if with_order && turn == 2 {
                sim.submit(Order {
                    by: "MLI".into(),
                    effect: Effect::AnnounceWithdrawal {
                        state: "MLI".into(),
                        bloc: "ECOWAS".into(),
                    },
                });
            }
            sim.step();
        }
        report::digest(&sim)
    };
    assert_eq!(run(true), run(true));
    assert_ne!(run(true), run(false));
}

#[test]
fn a_batch_run_replays_with_run() {
    let s = shipped();
    let outcomes = batch::run(&s, 6, 24, 100, 2, &|_| {}).unwrap();
    assert_eq!(outcomes.len(), 6);
    for o in &outcomes {
        let seed = batch::run_seed(100, o.run);
        let mut sim = Simulation::new(&s, seed, Detail::Full);
        sim.run(24);
        let rep = report::build(&sim);
        for st in &o.states {
            let r = rep.states.iter().find(|x| x.id == st.state).unwrap();
            assert_eq!(r.coups, st.coups, "run {} state {}", o.run, st.state);
            assert!(
                (r.indicators[harmattan::scenario::format::Indicator::Stability] - st.stability).abs() < 0.006,
                "run {} state {}",
                o.run,
                st.state
            );
        }
    }
    // The thread count changes nothing.
    let one = batch::run(&s, 6, 24, 100, 1, &|_| {}).unwrap();
    assert_eq!(one, outcomes);
}

#[test]
fn reset_is_the_same_as_new() {
    let s = shipped();
    let mut a = Simulation::new(&s, 3, Detail::Full);
    a.run(10);
    a.reset(&s, 4, Detail::Full);
    a.run(12);
    let mut b = Simulation::new(&s, 4, Detail::Full);
    b.run(12);
    assert_eq!(report::digest(&a), report::digest(&b));
}

/// One app set up again and again, as a batch's worker sets it up, with
/// another scenario in between: each game is the one a new app plays (the
/// decisions compiled for one scenario are kept for its next run, never
/// lent to another's).
#[test]
fn reset_to_another_scenario_and_back_is_the_same_as_new() {
    let sahel = shipped();
    let west = harmattan::scenario::resolve("west_africa_2020").expect("shipped scenario");
    let fresh = |s: &harmattan::scenario::Scenario, seed| {
        let mut sim = Simulation::new(s, seed, Detail::Full);
        sim.run(12);
        report::digest(&sim)
    };
    let mut app = Simulation::new(&sahel, 3, Detail::Full);
    app.run(12);
    for (s, seed) in [(&west, 4), (&west, 5), (&sahel, 6), (&west, 7)] {
        app.reset(s, seed, Detail::Full);
        app.run(12);
        assert_eq!(report::digest(&app), fresh(s, seed), "{} seed {seed}", s.file.meta.name);
    }
}

/// A snapshot restored goes on exactly as the game it was taken from,
/// whether restored into a new app or into the one that ran on meanwhile:
/// blocs founded, memberships and partnerships made and ended before the
/// snapshot included.
#[test]
fn a_restored_snapshot_goes_on_as_the_game_did() {
    let s = shipped();
    for seed in [2, 7] {
        let mut sim = Simulation::new(&s, seed, Detail::Full);
        sim.run(30);
        let snap = sim.snapshot();
        let at_snapshot = report::digest(&sim);
        sim.run(24);
        let original = report::digest(&sim);

        let mut fresh = Simulation::restored(&snap);
        assert_eq!(report::digest(&fresh), at_snapshot, "seed {seed}: restored as it stood");
        fresh.run(24);
        assert_eq!(report::digest(&fresh), original, "seed {seed}: a new app");

        sim.restore(&snap);
        sim.run(24);
        assert_eq!(report::digest(&sim), original, "seed {seed}: the same app, restored");
    }
}
