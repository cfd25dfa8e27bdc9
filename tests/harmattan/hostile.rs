//! Hostile and careless input: files, saves and outputs made to crash,
//! hang, exhaust memory or clobber something. Each is refused with a clear
//! message or handled within bounds (docs/scenarios.md, "Limits"). The
//! hostile files are made here, not committed.

use harmattan::scenario::{self, LoadError};
use harmattan::sim::chronicle::NewsKind;
use harmattan::sim::{Detail, Simulation};

use crate::support::{harmattan, load, tiny};

fn problems(text: &str) -> LoadError {
    match scenario::load("hostile.ron", text) {
        Ok(_) => panic!("expected the scenario to be rejected"),
        Err(e) => e,
    }
}

#[test]
fn an_event_that_fires_itself_is_refused_with_its_chain() {
    let fires = [r#"Fire("loop")"#; 8].join(", ");
    let text = tiny(&format!(
        r#"    events: [
        (id: "loop", when: Date("2023-01"), effects: [{fires}]),
        (id: "a", when: Date("2023-01"), effects: [Fire("b")]),
        (id: "b", when: Date("2023-02"), effects: [Fire("c")]),
        (id: "c", when: Date("2023-03"), effects: [Fire("a")]),
    ],"#
    ));
    let e = problems(&text);
    let shown = e.to_string();
    assert!(
        shown.contains("event `loop` fires itself through loop → loop"),
        "{shown}"
    );
    assert!(
        shown.contains("event `a` fires itself through a → b → c → a"),
        "{shown}"
    );
    assert_eq!(e.problems.len(), 2, "one report per loop:\n{shown}");
}

#[test]
fn events_that_fire_each_other_many_times_fire_once_a_turn() {
    // Eight levels, each firing the next eight times: 8^8 fires before
    // each event could fire once a turn at most.
    let mut events = Vec::new();
    for level in 0..8 {
        let next = [(); 8].map(|_| format!(r#"Fire("e{}")"#, level + 1)).join(", ");
        let when = if level == 0 {
            r#"From("2023-01")"#
        } else {
            r#"Date("1900-01")"#
        };
        events.push(format!(
            r#"(id: "e{level}", when: {when}, once: false, effects: [{next}, Change(state: "AAA", indicator: Stability, delta: 0.01)])"#
        ));
    }
    events.push(r#"(id: "e8", when: Date("1900-01"), once: false, effects: [])"#.to_string());
    let text = tiny(&format!("    events: [{}],", events.join(",\n")));
    let mut sim = Simulation::new(&load(&text), 1, Detail::Full);
    sim.run(2);
    let fired = sim
        .chronicle()
        .news
        .iter()
        .filter(|n| n.kind == NewsKind::Scripted)
        .count();
    assert_eq!(fired, 2 * 9, "each of the nine events once a turn");
}

#[test]
fn thousands_of_unknown_ids_get_short_messages() {
    // 2,048 events, each firing an unknown id: every problem is reported,
    // each in a line of bounded length (the known ids are not listed in
    // full each time).
    let events: Vec<String> = (0..2048)
        .map(|i| format!(r#"(id: "event_number_{i}", when: Date("1900-01"), effects: [Fire("missing_{i}")])"#))
        .collect();
    let text = tiny(&format!("    events: [{}],", events.join(",\n")));
    let e = problems(&text);
    assert_eq!(e.problems.len(), 2048);
    let longest = e.problems.iter().map(|p| p.message.len()).max().unwrap();
    assert!(longest < 600, "a message of {longest} bytes");
    assert!(
        e.problems[0].message.contains("and 2036 more"),
        "{}",
        e.problems[0].message
    );
}

#[test]
fn huge_ids_are_compared_within_bounds_and_shown_cut() {
    // A 1.9 MB id against a 1.9 MB id: no "did you mean", no 1.9 MB message.
    let huge = "x".repeat(1_900_000);
    let text = tiny(&format!(
        r#"    events: [(id: "{huge}", when: Date("1900-01"), effects: [Fire("{huge}y")])],"#
    ));
    let e = problems(&text);
    for p in &e.problems {
        assert!(p.message.len() < 1000, "a message of {} bytes", p.message.len());
    }
    // A 3.9 MB rule path in the overrides.
    let path = "coups.".to_string() + &"z".repeat(3_900_000);
    let mut o = std::collections::BTreeMap::new();
    o.insert(path, 1.0);
    let errs = harmattan::rules::Rules::shipped().with_overrides(&o).unwrap_err();
    assert!(errs[0].message.len() < 1000);
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn tutorial_save() -> harmattan::save::SaveFile {
    let s = harmattan::scenario::resolve("tutorial").unwrap();
    let mut sim = Simulation::new(&s, 5, Detail::Full);
    sim.set_player(Some("BFA")).unwrap();
    sim.step();
    harmattan::save::capture_simulation(&sim, &s)
}

/// Writes a save as it is, seal and all (for tampering with fields that
/// are then resealed, so that the checks behind the seal are exercised).
fn resealed(mut save: harmattan::save::SaveFile, name: &str) -> std::path::PathBuf {
    save.seal = Some(save.compute_seal());
    let path = scratch(name);
    harmattan::save::write(&path, &save).unwrap();
    path
}

fn load_err(path: &std::path::Path) -> String {
    match harmattan::save::read(path).and_then(|s| harmattan::save::load_simulation(&s, &path.display().to_string())) {
        Ok(_) => panic!("the save {} was accepted", path.display()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_save_edited_by_hand_is_refused_by_its_seal() {
    let save = tutorial_save();
    let path = scratch("edited.ron");
    harmattan::save::write(&path, &save).unwrap();
    assert!(harmattan::save::read(&path).is_ok());
    // The coup rate raised by hand: the seal no longer matches.
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen("base_logit: -50.0", "base_logit: 50.0", 1);
    assert_ne!(text, edited, "the tutorial's save holds its rules");
    std::fs::write(&path, edited).unwrap();
    let e = load_err(&path);
    assert!(e.contains("has been changed since it was saved"), "{e}");
}

#[test]
fn a_save_claiming_impossible_months_or_inputs_is_refused_before_replaying() {
    for turns in [u32::MAX, u32::MAX - 1, 100_000] {
        let mut save = tutorial_save();
        save.turns = turns;
        let e = load_err(&resealed(save, "turns.ron"));
        assert!(e.contains("a game has at most 1200"), "{e}");
    }
    let mut save = tutorial_save();
    let late = save.inputs[0].clone();
    let json = serde_json::to_string(&late)
        .unwrap()
        .replace("\"turn\":1", "\"turn\":4000000000");
    save.inputs.push(serde_json::from_str(&json).unwrap());
    let e = load_err(&resealed(save, "late.ron"));
    assert!(e.contains("an input is dated month 4000000000"), "{e}");
}

#[test]
fn a_save_with_rules_out_of_range_or_bad_orders_is_refused() {
    let mut save = tutorial_save();
    save.rules.coups.success_base_logit = f64::NAN;
    save.rules.blocs.form_chance = 7.0;
    let e = load_err(&resealed(save, "rules.ron"));
    assert!(
        e.contains("rules are out of range") && e.contains("blocs.form_chance"),
        "{e}"
    );

    let mut save = tutorial_save();
    let order: harmattan::sim::orders::Order =
        ron::from_str(r#"(by: "BFA", effect: Align(state: "BFA", power: "RUS", delta: 1e308))"#).unwrap();
    let json = serde_json::json!({"Order": {"turn": save.turns + 1, "order": order}});
    save.inputs.push(serde_json::from_value(json).unwrap());
    let e = load_err(&resealed(save, "order.ron"));
    assert!(e.contains("an order in the save is not valid"), "{e}");
}

#[test]
fn devices_pipes_and_folders_are_refused_without_reading_them() {
    let dir = scratch("a_folder");
    std::fs::create_dir_all(&dir).unwrap();
    for (path, says) in [
        (std::path::PathBuf::from("/dev/zero"), "not a regular file"),
        (std::path::PathBuf::from("/dev/null"), "not a regular file"),
        (dir.clone(), "a folder"),
    ] {
        let e = scenario::read_bounded(&path, 1024, "scenario files").unwrap_err();
        assert!(e.contains(says), "{}: {e}", path.display());
        let e = harmattan::save::read(&path).unwrap_err().to_string();
        assert!(e.contains(says), "{}: {e}", path.display());
    }
    // A pipe with no writer: refused, not waited on.
    let fifo = scratch("fifo");
    let _ = std::fs::remove_file(&fifo);
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let e = scenario::read_bounded(&fifo, 1024, "saves").unwrap_err();
        assert!(e.contains("not a regular file"), "{e}");
    }
    // A file over the limit is refused at the limit.
    let big = scratch("big.ron");
    std::fs::write(&big, vec![b' '; 2048]).unwrap();
    assert!(
        scenario::read_bounded(&big, 1024, "saves")
            .unwrap_err()
            .contains("limited to 1024")
    );
}

#[test]
fn a_byte_order_mark_is_dropped_and_plus_signs_are_not_months() {
    let path = scratch("bom.ron");
    std::fs::write(&path, format!("\u{feff}{}", tiny(""))).unwrap();
    assert!(scenario::mods::Mods::none().load_path(&path).is_ok());
    let e = problems(&tiny("").replace(r#"start: "2023-01""#, r#"start: "2023-+1""#));
    assert!(e.to_string().contains("is not a month"), "{e}");
}

fn sh(script: &str) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("HARMATTAN", env!("CARGO_BIN_EXE_harmattan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("sh runs")
}

fn text(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn a_closed_or_full_output_ends_cleanly() {
    // A reader that stops early: no panic, no "failed printing".
    let o = sh(
        r#""$HARMATTAN" validate scenarios/sahel_2023.ron scenarios/tutorial.ron | true; "$HARMATTAN" scenarios | head -c 1 >/dev/null"#,
    );
    assert!(!text(&o).contains("panicked"), "{}", text(&o));
    // A full disk: an error with a message, not exit 101.
    if std::path::Path::new("/dev/full").exists() {
        let o = sh(r#""$HARMATTAN" scenarios > /dev/full"#);
        assert_eq!(o.status.code(), Some(1), "{}", text(&o));
        assert!(text(&o).contains("cannot write the output"), "{}", text(&o));
    }
}

#[test]
fn outputs_write_devices_in_place_follow_links_and_leave_nothing_behind() {
    use std::os::unix::fs::FileTypeExt as _;
    // A device stays a device.
    let o = harmattan(&["batch", "tutorial", "--runs", "2", "--turns", "2", "--csv", "/dev/null"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    // A link is followed: the file it names is written, the link stays.
    let dir = scratch("outputs");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let real = dir.join("real.csv");
    let link = dir.join("link.csv");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let o = harmattan(&[
        "batch",
        "tutorial",
        "--runs",
        "2",
        "--turns",
        "2",
        "--csv",
        link.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().starts_with("run,seed,state"));
    // A destination ending in .part is not its own temporary file, and no
    // temporary file is left behind.
    let part = dir.join("h.part");
    let o = harmattan(&[
        "run",
        "tutorial",
        "--turns",
        "2",
        "--history-csv",
        part.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(std::fs::read_to_string(&part).unwrap().starts_with("turn,month"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["h.part", "link.csv", "real.csv"]);
}

#[test]
fn a_batch_streams_its_runs_and_folds_them_the_same_on_any_threads() {
    let dir = scratch("streams");
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("one.csv"), dir.join("two.csv"));
    let one = harmattan(&[
        "batch",
        "tutorial",
        "--runs",
        "9",
        "--turns",
        "3",
        "--threads",
        "1",
        "--json",
        "--csv",
        a.to_str().unwrap(),
    ]);
    let two = harmattan(&[
        "batch",
        "tutorial",
        "--runs",
        "9",
        "--turns",
        "3",
        "--threads",
        "2",
        "--json",
        "--csv",
        b.to_str().unwrap(),
    ]);
    assert!(
        one.status.success() && two.status.success(),
        "{}{}",
        text(&one),
        text(&two)
    );
    assert_eq!(one.stdout, two.stdout, "the summary is folded in run order");
    let (ra, rb) = (
        std::fs::read_to_string(&a).unwrap(),
        std::fs::read_to_string(&b).unwrap(),
    );
    assert_eq!(ra, rb, "rows are written in run order");
    assert_eq!(ra.lines().count(), 1 + 9 * 5, "a header and a row per run and state");
}

#[test]
fn careless_paths_get_messages_that_say_what_they_are() {
    let o = harmattan(&["scenarios", "--mods", "/no/such/mods"]);
    assert!(!o.status.success());
    assert!(text(&o).contains("is not a folder"), "{}", text(&o));
    let o = harmattan(&["validate", "/dev/zero"]);
    assert!(!o.status.success());
    assert!(text(&o).contains("not a regular file"), "{}", text(&o));
    let dir = scratch("a_folder_scenario");
    std::fs::create_dir_all(&dir).unwrap();
    let o = harmattan(&["run", dir.to_str().unwrap()]);
    assert!(text(&o).contains("a folder, not a file"), "{}", text(&o));
    // A damaged save is reported as a save, not as a scenario.
    let save = tutorial_save();
    let path = scratch("damaged.ron");
    harmattan::save::write(&path, &save).unwrap();
    let whole = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, &whole[..whole.len() / 2]).unwrap();
    let o = harmattan(&["futures", path.to_str().unwrap(), "--runs", "2", "--months", "2"]);
    assert!(!o.status.success());
    let said = text(&o);
    assert!(
        said.contains("is not a Harmattan save") && !said.contains("unknown field `format`"),
        "{said}"
    );
}

#[test]
fn a_change_that_cannot_mean_anything_is_refused() {
    use harmattan::futures::parse_change;
    for (change, says) in [
        (r#"Fire("nope")"#, "fires a scenario event"),
        (
            r#"Change(state: "NER", indicator: Stability, delta: NaN)"#,
            "between -200 and 200",
        ),
        (
            r#"Change(state: "NER", indicator: Stability, delta: 1e308)"#,
            "between -200 and 200",
        ),
        (
            r#"Set(state: "NER", indicator: Stability, value: NaN)"#,
            "between -200 and 200",
        ),
        (
            r#"Mediate(state: "NER", first: "NER", second: "MLI")"#,
            "names `NER` twice",
        ),
        (
            r#"StartPartnership(state: "NER", power: "RUS", kind: TrainingEquipment, stage: Ended)"#,
            "use EndPartnership",
        ),
    ] {
        let e = parse_change(change).unwrap_err().to_string();
        assert!(e.contains(says), "{change}: {e}");
    }
    assert!(parse_change(r#"LiftSanctions(bloc: "ECOWAS", state: "NER")"#).is_ok());
    // Optional fields left out are not numbers gone wrong.
    assert!(parse_change(r#"SetLeader(state: "SEN", leader: "Someone")"#).is_ok());
    assert!(parse_change(r#"AdvanceProject(bloc: "AES")"#).is_ok());
}

#[test]
fn duplicate_keys_are_reported_with_both_places() {
    let text = tiny(r#"    rules: {"coups.base_logit": -50, "coups.base_logit": 50},"#)
        .replace(r#"alignment: {"FRA": 20}"#, r#"alignment: {"FRA": 20, "FRA": 90}"#);
    let e = problems(&text);
    let shown = e.to_string();
    assert!(
        shown.contains("`FRA` is given twice in this map (first at line"),
        "{shown}"
    );
    assert!(shown.contains("`coups.base_logit` is given twice"), "{shown}");
}

#[test]
fn a_save_from_before_the_seal_is_refused_with_a_message_not_a_parse_error() {
    // Format 1 came with a different model: it says so, and writing
    // `format: 1` into an edited save does not get past the seal.
    let mut save = tutorial_save();
    save.format = 1;
    save.seal = None;
    let path = scratch("format1.ron");
    harmattan::save::write(&path, &save).unwrap();
    let e = harmattan::save::read(&path).unwrap_err().to_string();
    assert!(e.contains("saved by an earlier version of the game (format 1)"), "{e}");
}
