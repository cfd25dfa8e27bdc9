//! Calibration: the model checked against the historical record. Many
//! seeded futures of a historical start are compared with what really
//! happened (`assets/record_2020_2023.ron`); each check has a range the
//! model's figure must fall in. `harmattan calibrate` prints the table and a
//! test asserts it.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::batch::{self, RunOutcome};
use crate::scenario::{self, Scenario, YearMonth};

/// The record that ships with the game.
pub const SHIPPED_RECORD: &str = include_str!("../assets/record_2020_2023.ron");

/// What really happened over a span, and the ranges the model must hit.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub title: String,
    /// A shipped scenario's name or a scenario file.
    pub scenario: String,
    pub months: u32,
    pub runs: u64,
    pub seed: u64,
    pub sources: Vec<String>,
    pub coups: Vec<RealCoup>,
    /// When a defence pact of juntas was formed, if one was.
    pub pact_formed: Option<YearMonth>,
    pub checks: Vec<Check>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RealCoup {
    pub state: String,
    pub month: YearMonth,
    pub success: bool,
    pub note: String,
}

/// One comparison between the record and the model; `accept` is the
/// inclusive range the model's figure must fall in.
#[derive(Debug, Clone, Deserialize)]
pub enum Check {
    /// Successful coups in the region per future.
    MeanCoups { accept: (f64, f64) },
    /// Coup attempts (successful or not) per future.
    MeanAttempts { accept: (f64, f64) },
    /// Share of all successful coups that happen in these states.
    RegionShare { states: Vec<String>, accept: (f64, f64) },
    /// Share of futures with at least one successful coup in the state.
    CoupChance { state: String, accept: (f64, f64) },
    /// Share of futures in which a defence pact of juntas is founded.
    PactFormed { accept: (f64, f64) },
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CheckResult {
    pub check: String,
    /// The historical figure.
    pub real: f64,
    /// The model's figure over all futures.
    pub model: f64,
    pub accept: (f64, f64),
    pub pass: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Calibration {
    pub title: String,
    pub scenario: String,
    pub runs: u64,
    pub months: u32,
    pub seed: u64,
    pub checks: Vec<CheckResult>,
    pub passed: bool,
}

/// Reads a record and checks it against its scenario: every state it names
/// must be one of the scenario's, every range must be a range.
pub fn load_record(origin: &str, text: &str) -> Result<(Record, Scenario), String> {
    let record: Record =
        ron::from_str(text).map_err(|e| format!("{origin}:{}:{}: {}", e.span.start.line, e.span.start.col, e.code))?;
    let scenario = scenario::resolve(&record.scenario).map_err(|e| e.to_string())?;
    let mut problems = Vec::new();
    for check in &record.checks {
        let (lo, hi) = accept(check);
        if !(lo.is_finite() && hi.is_finite() && lo <= hi) {
            problems.push(format!("{}: the range ({lo}, {hi}) is empty", describe(check)));
        }
    }
    if record.runs == 0 || record.months == 0 {
        problems.push("runs and months must be at least 1".into());
    }
    if let Err(e) = covers(&record, &scenario) {
        problems.push(e);
    }
    if problems.is_empty() {
        Ok((record, scenario))
    } else {
        Err(format!("{origin}: {}", problems.join(&format!("\n{origin}: "))))
    }
}

/// Checks that a scenario has every state the record names.
pub fn covers(record: &Record, scenario: &Scenario) -> Result<(), String> {
    let known = |s: &str| scenario.file.states.iter().any(|x| x.id == s);
    let mut named: Vec<&str> = record.coups.iter().map(|c| c.state.as_str()).collect();
    for check in &record.checks {
        match check {
            Check::RegionShare { states, .. } => named.extend(states.iter().map(String::as_str)),
            Check::CoupChance { state, .. } => named.push(state),
            _ => {}
        }
    }
    named.sort_unstable();
    named.dedup();
    let missing: Vec<&str> = named.into_iter().filter(|s| !known(s)).collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the record names states that {} does not have: {}",
            scenario.file.meta.name,
            missing.join(", ")
        ))
    }
}

fn accept(c: &Check) -> (f64, f64) {
    match c {
        Check::MeanCoups { accept }
        | Check::MeanAttempts { accept }
        | Check::RegionShare { accept, .. }
        | Check::CoupChance { accept, .. }
        | Check::PactFormed { accept } => *accept,
    }
}

fn describe(c: &Check) -> String {
    match c {
        Check::MeanCoups { .. } => "successful coups per future".into(),
        Check::MeanAttempts { .. } => "coup attempts per future".into(),
        Check::RegionShare { states, .. } => format!("share of coups in {}", states.join(", ")),
        Check::CoupChance { state, .. } => format!("P(coup in {state})"),
        Check::PactFormed { .. } => "P(pact of juntas founded)".into(),
    }
}

/// Compares a batch of futures with the record.
pub fn compare(record: &Record, outcomes: &[RunOutcome], runs: u64, seed: u64) -> Calibration {
    let n = outcomes.len().max(1) as f64;
    let successes = |o: &RunOutcome, only: Option<&[String]>| -> u32 {
        o.states
            .iter()
            .filter(|s| only.is_none_or(|states| states.contains(&s.state)))
            .map(|s| s.coups)
            .sum()
    };
    let real_successes = |only: Option<&[String]>| -> f64 {
        record
            .coups
            .iter()
            .filter(|c| c.success && only.is_none_or(|states| states.contains(&c.state)))
            .count() as f64
    };
    let checks: Vec<CheckResult> = record
        .checks
        .iter()
        .map(|check| {
            let (real, model) = match check {
                Check::MeanCoups { .. } => (
                    real_successes(None),
                    outcomes.iter().map(|o| successes(o, None) as f64).sum::<f64>() / n,
                ),
                Check::MeanAttempts { .. } => (
                    record.coups.len() as f64,
                    outcomes
                        .iter()
                        .flat_map(|o| &o.states)
                        .map(|s| (s.coups + s.failed_coups) as f64)
                        .sum::<f64>()
                        / n,
                ),
                Check::RegionShare { states, .. } => {
                    let all: u32 = outcomes.iter().map(|o| successes(o, None)).sum();
                    let here: u32 = outcomes.iter().map(|o| successes(o, Some(states))).sum();
                    (
                        real_successes(Some(states)) / real_successes(None).max(1.0),
                        here as f64 / all.max(1) as f64,
                    )
                }
                Check::CoupChance { state, .. } => {
                    let real = record.coups.iter().any(|c| c.success && c.state == *state);
                    let k = outcomes
                        .iter()
                        .filter(|o| o.states.iter().any(|s| s.state == *state && s.coups > 0))
                        .count();
                    (f64::from(u8::from(real)), k as f64 / n)
                }
                Check::PactFormed { .. } => (
                    f64::from(u8::from(record.pact_formed.is_some())),
                    outcomes.iter().filter(|o| !o.founded.is_empty()).count() as f64 / n,
                ),
            };
            let (lo, hi) = accept(check);
            CheckResult {
                check: describe(check),
                real,
                model,
                accept: (lo, hi),
                pass: (lo..=hi).contains(&model),
            }
        })
        .collect();
    Calibration {
        title: record.title.clone(),
        scenario: record.scenario.clone(),
        runs,
        months: record.months,
        seed,
        passed: checks.iter().all(|c| c.pass),
        checks,
    }
}

/// Runs the record's futures (`runs` and `seed` override the record's) and
/// compares them with it.
pub fn run(
    record: &Record,
    scenario: &Scenario,
    runs: Option<u64>,
    seed: Option<u64>,
    threads: usize,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Calibration, String> {
    let runs = runs.unwrap_or(record.runs);
    let seed = seed.unwrap_or(record.seed);
    let outcomes = batch::run(scenario, runs, record.months, seed, threads, progress)?;
    Ok(compare(record, &outcomes, runs, seed))
}

/// The table `harmattan calibrate` prints.
pub fn text(c: &Calibration) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} futures of {} months from {}, seeds {}…\n",
        c.title, c.runs, c.months, c.scenario, c.seed
    );
    let _ = writeln!(
        out,
        "  {:<40} {:>8} {:>8}  {:<16} ",
        "check", "record", "model", "accepted"
    );
    for r in &c.checks {
        let _ = writeln!(
            out,
            "  {:<40} {:>8.2} {:>8.3}  {:<16} {}",
            r.check,
            r.real,
            r.model,
            format!("{:.2}–{:.2}", r.accept.0, r.accept.1),
            if r.pass { "ok" } else { "OUT OF RANGE" }
        );
    }
    let failed = c.checks.iter().filter(|r| !r.pass).count();
    let _ = writeln!(
        out,
        "\n{}",
        if failed == 0 {
            "Every figure is within its accepted range.".to_string()
        } else {
            format!("{failed} of {} figures are out of range.", c.checks.len())
        }
    );
    out
}
