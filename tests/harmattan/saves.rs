//! Saved games: a loaded game is the game that was saved, and goes on
//! exactly as it would have; bad or foreign saves are refused clearly and
//! never overwrite a good one.

use harmattan::report::digest;
use harmattan::save::{self, SaveError};
use harmattan::scenario::format::Effect;
use harmattan::scenario::shipped;
use harmattan::sim::orders::Order;
use harmattan::sim::{Detail, Simulation};

fn tutorial() -> harmattan::scenario::Scenario {
    harmattan::scenario::load("scenarios/tutorial.ron", shipped::find("tutorial").unwrap().text).unwrap()
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("saves");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Five turns of the tutorial with a choice answered, an order given, and
/// a second answer and order waiting for the sixth turn.
fn played() -> Simulation {
    let s = tutorial();
    let mut sim = Simulation::new(&s, 5, Detail::Full);
    sim.set_player(Some("BFA")).unwrap();
    sim.run(3);
    sim.choose("lesson_partners", 1).unwrap();
    sim.submit(Order {
        by: "BFA".into(),
        effect: Effect::VisitPower {
            state: "BFA".into(),
            power: "RUS".into(),
        },
    });
    sim.decide("visit_power", Some("RUS")).unwrap();
    sim.run(2);
    sim.choose("lesson_food", 0).unwrap();
    sim.decide("counter_disinformation", None).unwrap();
    sim.submit(Order {
        by: "BFA".into(),
        effect: Effect::CloseBorder {
            state: "BFA".into(),
            other: "CIV".into(),
        },
    });
    sim
}

#[test]
fn a_loaded_game_is_the_saved_game_and_goes_on_the_same_way() {
    let s = tutorial();
    let mut original = played();
    let file = save::capture_simulation(&original, &s);
    let path = scratch("tutorial.ron");
    save::write(&path, &file).unwrap();
    let read = save::read(&path).unwrap();
    let mut loaded = save::load_simulation(&read, "tutorial.ron").unwrap();
    assert_eq!(digest(&loaded), digest(&original), "the same world, history and ledger");
    assert_eq!(loaded.turn(), 5);
    // The waiting answer and order come back too, and the random streams
    // are where they were: the next turn is the same.
    original.step();
    loaded.step();
    assert_eq!(digest(&loaded), digest(&original));
    assert!(
        loaded
            .chronicle()
            .news
            .iter()
            .any(|n| crate::support::said(&loaded, n).contains("your government chose \"Ban grain exports\""))
    );
}

#[test]
fn a_save_that_replays_differently_is_refused() {
    let s = tutorial();
    let sim = played();
    let mut file = save::capture_simulation(&sim, &s);
    // As if the model had changed since: the coups are no longer switched off.
    file.rules.coups.base_logit = -1.0;
    file.rules.stability.rate = 0.5;
    match save::load_simulation(&file, "old.ron") {
        Err(e @ SaveError::Diverged { .. }) => assert!(e.to_string().contains("replays differently"), "{e}"),
        Err(e) => panic!("wrong error: {e}"),
        Ok(_) => panic!("a diverging save was accepted"),
    }
}

#[test]
fn bad_saves_say_what_is_wrong_and_failed_writes_keep_the_old_file() {
    let garbage = scratch("garbage.ron");
    std::fs::write(&garbage, "this is not a save").unwrap();
    let e = save::read(&garbage).unwrap_err();
    assert!(e.to_string().contains("is not a Harmattan save"), "{e}");

    let newer = scratch("newer.ron");
    std::fs::write(&newer, "(format: 99, version: \"9.0.0\")").unwrap();
    let e = save::read(&newer).unwrap_err();
    assert!(e.to_string().contains("newer format (99)"), "{e}");

    let missing = save::read(&scratch("no-such-save.ron")).unwrap_err();
    assert!(missing.to_string().starts_with("cannot read"), "{missing}");

    // A save whose destination cannot be written: the file that was there
    // stays as it was.
    let s = tutorial();
    let file = save::capture_simulation(&played(), &s);
    let good = scratch("good.ron");
    save::write(&good, &file).unwrap();
    let before = std::fs::read_to_string(&good).unwrap();
    let blocked = good.join("inside-a-file.ron");
    let e = save::write(&blocked, &file).unwrap_err();
    assert!(e.to_string().contains("nothing was overwritten"), "{e}");
    assert_eq!(std::fs::read_to_string(&good).unwrap(), before);
}

#[test]
fn a_game_exports_its_history_and_decisions_for_the_classroom() {
    let sim = played();
    let json: serde_json::Value = serde_json::from_str(&harmattan::export::game_json(sim.world()).unwrap()).unwrap();
    assert_eq!(
        json["history"].as_array().unwrap().len(),
        6,
        "the start and five months"
    );
    let decisions = json["decisions"].as_array().unwrap();
    assert!(
        decisions
            .iter()
            .any(|d| d["decision"] == "visit_power" && d["target"] == "RUS" && d["by_player"] == true)
    );
    let dir = scratch("exports");
    let (csv, json) = harmattan::export::export_game(sim.world(), &dir, "tutorial").unwrap();
    assert!(csv.is_file() && json.is_file());
}
