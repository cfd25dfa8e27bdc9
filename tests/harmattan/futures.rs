//! "What happens next?": futures from the present of a game reproduce for a
//! seed, feel a change, refuse a change that names nothing, and export.

use harmattan::futures::{self, FuturesSpec};
use harmattan::save;
use harmattan::scenario::shipped;
use harmattan::sim::{Detail, Simulation};

use crate::support::shipped as sahel;

fn start() -> save::SaveFile {
    let s = sahel();
    let mut sim = Simulation::new(&s, 4, Detail::Full);
    sim.run(3);
    save::capture_simulation(&sim, &s)
}

fn spec(change: Option<&str>, threads: usize) -> FuturesSpec {
    FuturesSpec {
        runs: 24,
        months: 6,
        seed: 77,
        change: change.map(|c| futures::parse_change(c).unwrap()),
        threads,
        background: false,
    }
}

#[test]
fn futures_reproduce_exactly_for_a_seed_whatever_the_threads() {
    let file = start();
    let a = futures::run(&file, &spec(None, 1), &|_| {}).unwrap();
    let b = futures::run(&file, &spec(None, 2), &|_| {}).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.from, "2023-11", "from the present of the game, not its start");
    let ner = a.states.iter().find(|s| s.id == "NER").unwrap();
    assert_eq!(ner.fans[0].months.len(), 6);
    let band = ner.fans[0].months[5];
    assert!(band.p10 <= band.p50 && band.p50 <= band.p90);
    // Futures differ among themselves: the fan has width somewhere.
    assert!(
        a.states
            .iter()
            .any(|s| s.fans[0].months[5].p90 > s.fans[0].months[5].p10 + 0.5)
    );
}

#[test]
fn a_change_shows_in_the_comparison() {
    let file = start();
    let base = futures::run(&file, &spec(None, 0), &|_| {}).unwrap();
    let collapse = r#"Set(state: "NER", indicator: Stability, value: 0)"#;
    let changed = futures::run(&file, &spec(Some(collapse), 0), &|_| {}).unwrap();
    let ner = |r: &futures::FuturesReport| r.states.iter().find(|s| s.id == "NER").unwrap().clone();
    assert!(
        ner(&changed).fans[0].months[0].p50 < ner(&base).fans[0].months[0].p50 - 5.0,
        "Niger's stability starts lower"
    );
    assert!(ner(&changed).p_coup >= ner(&base).p_coup);
    let rows = futures::csv_rows(&futures::Comparison { base, changed });
    assert_eq!(rows.len(), 20, "a header and a row per state");
    assert_eq!(rows[0][3], "p_coup_changed");
}

#[test]
fn a_change_that_names_nothing_is_refused() {
    let file = start();
    let e = futures::run(
        &file,
        &spec(Some(r#"LiftSanctions(bloc: "ECOWAZ", state: "NER")"#), 0),
        &|_| {},
    )
    .unwrap_err();
    assert!(e.contains("`ECOWAZ` is not a bloc"), "{e}");
    let e = futures::parse_change("Nonsense(").unwrap_err().to_string();
    assert!(e.contains("is not an effect"), "{e}");
    assert!(shipped::find("sahel_2023").is_some());
}
