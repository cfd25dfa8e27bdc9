//! The command line as users and scripts call it.

use std::path::PathBuf;
use std::process::{Command, Output};

use crate::support::harmattan;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn validate_passes_on_every_shipped_scenario() {
    let mut files: Vec<String> = std::fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let args: Vec<&str> = std::iter::once("validate")
        .chain(files.iter().map(String::as_str))
        .collect();
    let o = harmattan(&args);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains(": ok ("));
}

#[test]
fn validate_reports_a_broken_copy_with_file_line_and_column() {
    let text = std::fs::read_to_string("scenarios/sahel_2023.ron").unwrap();
    let broken = text.replacen("stability: 60,", "stability: 160,", 1).replacen(
        r#"neighbours: ["BFA", "NER""#,
        r#"neighbours: ["BFX", "NER""#,
        1,
    );
    let path = scratch("broken.ron");
    std::fs::write(&path, &broken).unwrap();
    let o = harmattan(&["validate", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    let prefix = format!("{}:", path.display());
    assert!(lines.iter().all(|l| l.starts_with(&prefix)), "{out}");
    assert!(lines[0].contains("stability is 160"), "{out}");
    assert!(lines[1].contains("unknown state `BFX`; did you mean `BFA`?"), "{out}");
    // file:line:col with numbers.
    let parts: Vec<&str> = lines[0][prefix.len()..].splitn(3, ':').collect();
    assert!(
        parts[0].parse::<usize>().is_ok() && parts[1].parse::<usize>().is_ok(),
        "{out}"
    );
}

#[test]
fn run_json_follows_the_contract() {
    let o = harmattan(&["run", "sahel_2023", "--turns", "36", "--seed", "4", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    assert_eq!(doc["scenario"], "The Niger crisis, August 2023");
    assert_eq!(doc["seed"], 4);
    assert_eq!(doc["turns"], 36);
    let states = doc["states"].as_array().unwrap();
    assert_eq!(states.len(), 19);
    for s in states {
        for key in ["id", "stability", "regime", "leader", "blocs", "alignment"] {
            assert!(s.get(key).is_some(), "state lacks {key}: {s}");
        }
        assert!(s["alignment"].is_object() && s["alignment"].get("RUS").is_some());
        assert!(s["blocs"].is_array());
    }
    let blocs = doc["blocs"].as_array().unwrap();
    assert!(blocs.iter().any(|b| b["id"] == "ECOWAS" && b["members"].is_array()));
    let events = doc["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for e in events {
        for key in ["turn", "date", "kind", "text"] {
            assert!(e.get(key).is_some(), "event lacks {key}: {e}");
        }
        let kind = e["kind"].as_str().unwrap();
        assert!(kind.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{kind}");
        if ["bloc_formed", "bloc_joined", "bloc_left", "withdrawal_announced"].contains(&kind) {
            assert!(e["members"].is_array(), "{e}");
        }
        if ["coup", "coup_failed"].contains(&kind) {
            assert!(e["state"].is_string(), "{e}");
        }
    }
}

#[test]
fn the_same_seed_prints_the_same_bytes() {
    let a = harmattan(&["run", "sahel_2023", "--turns", "48", "--seed", "17", "--json"]);
    let b = harmattan(&["run", "sahel_2023", "--turns", "48", "--seed", "17", "--json"]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    let c = harmattan(&["run", "sahel_2023", "--turns", "48", "--seed", "18", "--json"]);
    assert_ne!(a.stdout, c.stdout);
}

#[test]
fn run_without_json_prints_a_readable_report() {
    let o = harmattan(&["run", "sahel_2023", "--turns", "6"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("Key events") && out.contains("States at the end") && out.contains("Mali"),
        "{out}"
    );
}

#[test]
fn batch_prints_probabilities_and_writes_csv() {
    let csv = scratch("runs.csv");
    let _ = std::fs::remove_file(&csv);
    let o = harmattan(&[
        "batch",
        "sahel_2023",
        "--runs",
        "20",
        "--turns",
        "24",
        "--seed",
        "9",
        "--threads",
        "2",
        "--json",
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["runs"], 20);
    let states = doc["states"].as_array().unwrap();
    let mali = states.iter().find(|s| s["id"] == "MLI").unwrap();
    let p = mali["p_coup"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&p));
    assert!(mali["mean_final_stability"].as_f64().is_some());
    assert!(mali["p_member"].is_object());
    let ecowas = doc["blocs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == "ECOWAS")
        .unwrap();
    assert!(ecowas["p_exists"].as_f64().unwrap() > 0.0);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(
        text.lines().count(),
        1 + 20 * 19,
        "a header and one row per run and state"
    );
    assert!(text.starts_with("run,seed,state,coups"));
}

#[test]
fn failures_exit_non_zero_with_advice_and_no_panic() {
    for args in [
        vec!["run", "no_such_scenario"],
        vec!["run", "sahel_2023", "--turns", "0"],
        vec!["batch", "sahel_2023", "--runs", "0"],
        vec!["batch", "sahel_2023", "--runs", "2", "--csv", "/no/such/folder/x.csv"],
        vec!["validate", "/no/such/file.ron"],
    ] {
        let o = harmattan(&args);
        assert!(!o.status.success(), "{args:?} should fail");
        let err = stderr(&o) + &stdout(&o);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(!err.trim().is_empty(), "{args:?} says nothing");
    }
    let o = harmattan(&["run", "sahel_2032"]);
    assert!(stderr(&o).contains("did you mean `sahel_2023`?"), "{}", stderr(&o));
}

#[test]
fn a_failed_batch_leaves_an_existing_csv_alone() {
    let csv = scratch("keep.csv");
    std::fs::write(&csv, "precious").unwrap();
    let o = harmattan(&[
        "batch",
        "no_such_scenario",
        "--runs",
        "2",
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "precious");
}

#[test]
fn play_without_a_display_says_what_to_do() {
    let o = Command::new(env!("CARGO_BIN_EXE_harmattan"))
        .args(["play", "sahel_2023", "--lang", "en"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{err}");
    if cfg!(feature = "gui") {
        assert!(err.contains("no display"), "{err}");
    } else {
        assert!(err.contains("without the `gui` feature"), "{err}");
    }
    if cfg!(feature = "gui") {
        let o = harmattan(&["play", "sahel_2023", "--as", "FRA"]);
        assert!(stderr(&o).contains("is not playable"), "{}", stderr(&o));
    }
}

/// A fresh, empty folder under the test scratch space.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = scratch(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn new_scenario_writes_a_file_that_validates_and_runs_and_never_overwrites() {
    let mods = scratch_dir("mods_new");
    let m = mods.to_str().unwrap();
    let o = harmattan(&["new-scenario", "lake_chad", "--mods", m]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let path = mods.join("lake_chad.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("name: \"Lake chad\""), "the title comes from the name");
    assert!(text.matches("//").count() > 20, "a commented file");
    let o = harmattan(&["validate", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stdout(&o));
    // Found by name in the mods folder.
    let o = harmattan(&["run", "lake_chad", "--turns", "6", "--mods", m]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Lake chad"));
    let o = harmattan(&["scenarios", "--mods", m]);
    assert!(stdout(&o).contains("lake_chad"), "{}", stdout(&o));

    // A second time: refused, the edited file left alone.
    std::fs::write(&path, "// my work\n").unwrap();
    let o = harmattan(&["new-scenario", "lake_chad", "--mods", m]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "// my work\n");

    for bad in ["Lake Chad", "../escape", "", "sahel_2023"] {
        let o = harmattan(&["new-scenario", bad, "--mods", m]);
        assert_eq!(o.status.code(), Some(1), "{bad:?}");
        assert!(stderr(&o).starts_with("error: "), "{bad:?}: {}", stderr(&o));
    }
}

#[test]
fn mod_rules_apply_to_every_scenario_and_bad_ones_are_pinpointed() {
    let mods = scratch_dir("mods_rules");
    let rules = mods.join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    let m = mods.to_str().unwrap();
    let json = |args: &[&str]| {
        let o = harmattan(args);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()
    };
    let coups = |v: &serde_json::Value| {
        v["states"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["coups"].as_u64().unwrap())
            .sum::<u64>()
    };
    let plain = json(&["run", "west_africa_2020", "--json", "--mods", m]);
    std::fs::write(
        rules.join("10_coups.ron"),
        "// A coup-prone region.\n{\n    \"coups.base_logit\": -2.0,\n}\n",
    )
    .unwrap();
    let modded = json(&["run", "west_africa_2020", "--json", "--mods", m]);
    assert!(
        coups(&modded) > coups(&plain) + 5,
        "{} vs {}",
        coups(&modded),
        coups(&plain)
    );
    let o = harmattan(&["validate", rules.join("10_coups.ron").to_str().unwrap(), "--mods", m]);
    assert!(stdout(&o).contains("ok (1 rule overrides)"), "{}", stdout(&o));

    std::fs::write(rules.join("20_typo.ron"), "{\n    \"coups.base_logt\": -2.0,\n}\n").unwrap();
    let o = harmattan(&["run", "west_africa_2020", "--mods", m]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("20_typo.ron:2:5:"), "{err}");
    assert!(err.contains("coups.base_logit"), "a suggestion: {err}");
}

#[test]
fn futures_compare_a_change_and_export_a_spreadsheet() {
    let csv = scratch("futures.csv");
    let _ = std::fs::remove_file(&csv);
    let o = harmattan(&[
        "futures",
        "sahel_2023",
        "--runs",
        "16",
        "--months",
        "6",
        "--change",
        r#"LiftSanctions(bloc: "ECOWAS", state: "NER")"#,
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Change: LiftSanctions"), "{out}");
    assert!(out.contains("→"), "side by side: {out}");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("state,name,p_coup,p_coup_changed"), "{text}");
    assert_eq!(text.lines().count(), 20);
    let o = harmattan(&["futures", "sahel_2023", "--runs", "4", "--months", "3", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["runs"], 4);
    let o = harmattan(&["futures", "sahel_2023", "--change", "Nonsense("]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("is not an effect"));
}

#[test]
fn run_writes_the_history_month_by_month() {
    let csv = scratch("history.csv");
    let _ = std::fs::remove_file(&csv);
    let o = harmattan(&[
        "run",
        "sahel_2023",
        "--turns",
        "6",
        "--history-csv",
        csv.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("turn,month,state,name,regime,stability"), "{header}");
    assert!(header.ends_with("food_insecurity"), "{header}");
    // The start and six months, for 19 states.
    assert_eq!(lines.count(), 19 * 7);
    // Dated by the month each row opens: the start is August 2023, the
    // scenario's first month (not July), and six months on is February.
    assert!(text.contains("\n0,2023-08,NER,Niger,"), "the start of Niger");
    assert!(!text.contains(",2023-07,"), "nothing before the scenario's start");
    assert!(text.contains("\n6,2024-02,NER,Niger,"), "month 6 of Niger");
}

/// What passes but silently does nothing is a warning at its line: exit 0,
/// unless `--strict`.
#[test]
fn validate_warns_at_the_line_of_what_would_silently_do_nothing() {
    let text = crate::support::tiny(
        r#"    goals: [
        (state: "BBB", name: "Outlast", victory: Elapsed(12),
         defeat: Leader(state: "AAA", leader: "Anne")),
    ],"#,
    )
    // (The test scenario's states, AAA to CCC, have no shape on the map.)
    .replace(r#"playable: ["AAA"]"#, r#"playable: ["AAA", "BBB"]"#);
    let path = scratch("warnings.ron");
    std::fs::write(&path, &text).unwrap();
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let o = harmattan(&["validate", path.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(o.status.success(), "warnings alone pass: {out}");
    let file = path.display().to_string();
    for (needle, said) in [
        (
            r#"(id: "CCC""#,
            "`CCC` is not an ISO 3166 alpha-3 code the world map has",
        ),
        (r#"playable: ["#, "`AAA` is playable but has no goal"),
        (r#"leader: "Anne""#, "no state has `Anne` as its leader"),
    ] {
        let at = format!("{file}:{}:", line_of(needle));
        assert!(
            out.lines()
                .any(|l| l.starts_with(&at) && l.contains("warning:") && l.contains(said)),
            "{said} at {at}\n{out}"
        );
    }
    assert!(out.contains("did you mean `Ann`?"), "{out}");
    let o = harmattan(&["validate", "--strict", path.to_str().unwrap()]);
    assert!(!o.status.success(), "--strict fails on warnings");
    assert!(stdout(&o).contains("failed under --strict"));

    // The same as JSON, for an editor or a CI job: warnings and errors
    // alike, with a suggestion where the message makes one.
    let broken = text.replace(r#"defeat: Leader(state: "AAA""#, r#"defeat: Leader(state: "AAB""#);
    std::fs::write(&path, &broken).unwrap();
    let o = harmattan(&["validate", "--format", "json", path.to_str().unwrap()]);
    assert!(!o.status.success());
    let found: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let list = found.as_array().unwrap();
    let error = list
        .iter()
        .find(|p| p["severity"] == "error")
        .unwrap_or_else(|| panic!("{found:#}"));
    assert_eq!(error["file"], file.as_str());
    assert_eq!(error["line"], line_of(r#"leader: "Anne""#));
    assert!(error["column"].as_u64().unwrap() > 1);
    assert!(error["message"].as_str().unwrap().contains("unknown state `AAB`"));
    assert_eq!(error["suggestion"], "AAA");
    // A broken file's warnings are not reached: its errors come first.
    std::fs::write(&path, &text).unwrap();
    let o = harmattan(&["validate", "--format", "json", path.to_str().unwrap()]);
    assert!(o.status.success());
    let found: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(found.as_array().unwrap().iter().all(|p| p["severity"] == "warning"));
    assert!(found.as_array().unwrap().len() >= 5, "{found:#}");

    // A partnership listed twice names the line of the first.
    let twice = crate::support::tiny(
        r#"    partnerships: [
        (state: "AAA", power: "RUS", kind: Base, stage: InForce),
        (state: "AAA", power: "RUS", kind: Base, stage: Signed),
    ],"#,
    );
    let first = twice.lines().position(|l| l.contains("stage: InForce")).unwrap() + 1;
    let err = harmattan::scenario::load("twice.ron", &twice).unwrap_err().to_string();
    assert!(
        err.contains(&format!("listed twice (first at line {first}, column")),
        "{err}"
    );
}

/// docs/rules.md lists every rule with its shipped value and range, as
/// `harmattan rules` prints them.
#[test]
fn the_rules_table_in_the_docs_is_the_shipped_rules() {
    let o = harmattan(&["rules"]);
    assert!(o.status.success());
    let table = stdout(&o);
    assert!(table.contains("| `coups.base_logit` | -5.2 |"), "{table}");
    let docs = std::fs::read_to_string("docs/rules.md").unwrap();
    let from = docs.find("| rule |").unwrap();
    assert_eq!(
        docs[from..].trim_end(),
        table.trim_end(),
        "docs/rules.md is stale: regenerate its table with `harmattan rules`"
    );
}

/// The modding examples validate without a warning and run.
#[test]
fn the_modding_examples_validate_strictly_and_run() {
    let o = harmattan(&["validate", "--strict", "mods/examples/great_lakes_2023.ron"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let o = harmattan(&["run", "mods/examples/great_lakes_2023.ron", "--turns", "12", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["states"].as_array().unwrap().len(), 13);
    // With the record, Gabon's coup on its date.
    let o = harmattan(&["run", "mods/examples/great_lakes_2023.ron", "--history", "--turns", "1"]);
    assert!(
        stdout(&o).contains("Coup in Gabon: General Brice Oligui Nguema seizes power"),
        "{}",
        stdout(&o)
    );
}
