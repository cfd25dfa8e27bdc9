//! Calibration: the model checked against the historical record. Many
//! seeded futures of a historical start are compared with what really
//! happened (`assets/record_2020_2023.ron`); each check has a range the
//! model's figure must fall in. `harmattan calibrate` prints the table and a
//! test asserts it.

use crate::args;
use crate::i18n::Locale;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::batch::{self, RunOutcome};
use crate::scenario::{self, Scenario, YearMonth};

/// The record that ships with the game: January 2020 to December 2023.
pub const SHIPPED_RECORD: &str = include_str!("../assets/record_2020_2023.ron");
/// The second period, out of the sample the rules were first set on:
/// August 2023 to December 2025.
pub const SHIPPED_RECORD_2023: &str = include_str!("../assets/record_2023_2025.ron");

/// Both shipped records, with the names they are known by.
pub const SHIPPED_RECORDS: [(&str, &str); 2] = [
    ("assets/record_2020_2023.ron", SHIPPED_RECORD),
    ("assets/record_2023_2025.ron", SHIPPED_RECORD_2023),
];

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
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    /// Share of futures in which a pact founded during the run holds all
    /// these states by the end of month `by`.
    PactOf {
        states: Vec<String>,
        by: YearMonth,
        happened: bool,
        accept: (f64, f64),
    },
    /// Share of futures in which these states all announce their
    /// withdrawal from `bloc` in one and the same month.
    JointWithdrawal {
        states: Vec<String>,
        bloc: String,
        happened: bool,
        accept: (f64, f64),
    },
    /// Share of futures in which any of these states announces its
    /// withdrawal from `bloc`.
    AnyWithdrawal {
        states: Vec<String>,
        bloc: String,
        happened: bool,
        accept: (f64, f64),
    },
    /// Share of futures in which the scenario's bloc is gone at the end.
    Dissolved {
        bloc: String,
        happened: bool,
        accept: (f64, f64),
    },
    /// Share of futures in which a pact founded during the run has become
    /// a confederation by the end.
    Confederation { happened: bool, accept: (f64, f64) },
    /// Share of futures in which `leader` still leads `state` at the end.
    LeaderHolds {
        state: String,
        leader: String,
        happened: bool,
        accept: (f64, f64),
    },
    /// Share of futures in which the state's insurgency ends above where
    /// it started.
    InsurgencyRises {
        state: String,
        happened: bool,
        accept: (f64, f64),
    },
    /// Brier skill of the per-state probabilities of a coup attempt against
    /// the record, relative to giving every state the record's base rate.
    AttemptSkill { accept: (f64, f64) },
}

/// One state's forecast beside what happened.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StateForecast {
    pub state: String,
    /// Share of futures with at least one attempt (successful or failed).
    pub p_attempt: f64,
    pub attempted: bool,
    /// Share of futures with at least one successful coup.
    pub p_coup: f64,
    pub couped: bool,
}

/// How well the per-state probabilities sort and size what happened.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Scores {
    /// Mean squared error of the probabilities against 0/1 outcomes.
    pub brier_attempt: f64,
    pub brier_coup: f64,
    /// The same for a forecast that gives every state the record's base rate.
    pub brier_attempt_reference: f64,
    pub brier_coup_reference: f64,
    /// Probability that a state with an event was given a higher
    /// probability than one without (ties count half); `None` when every
    /// state had the event or none did.
    pub auc_attempt: Option<f64>,
    pub auc_coup: Option<f64>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CheckResult {
    pub check: String,
    /// What was checked, for reports in another language.
    #[serde(skip)]
    pub what: Check,
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
    pub states: Vec<StateForecast>,
    pub scores: Scores,
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
    // A record's futures are all kept in memory: a few thousand at most.
    if record.runs > 100_000 || record.months > crate::scenario::limits::TURNS {
        problems.push(format!(
            "runs must be at most 100000 and months at most {}",
            crate::scenario::limits::TURNS
        ));
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
            Check::CoupChance { state, .. }
            | Check::LeaderHolds { state, .. }
            | Check::InsurgencyRises { state, .. } => named.push(state),
            Check::PactOf { states, .. }
            | Check::JointWithdrawal { states, .. }
            | Check::AnyWithdrawal { states, .. } => named.extend(states.iter().map(String::as_str)),
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
        | Check::PactFormed { accept }
        | Check::PactOf { accept, .. }
        | Check::JointWithdrawal { accept, .. }
        | Check::AnyWithdrawal { accept, .. }
        | Check::Dissolved { accept, .. }
        | Check::Confederation { accept, .. }
        | Check::LeaderHolds { accept, .. }
        | Check::InsurgencyRises { accept, .. }
        | Check::AttemptSkill { accept } => *accept,
    }
}

fn describe(c: &Check) -> String {
    match c {
        Check::MeanCoups { .. } => "successful coups per future".into(),
        Check::MeanAttempts { .. } => "coup attempts per future".into(),
        Check::RegionShare { states, .. } => format!("share of coups in {}", states.join(", ")),
        Check::CoupChance { state, .. } => format!("P(coup in {state})"),
        Check::PactFormed { .. } => "P(pact of juntas founded)".into(),
        Check::PactOf { states, by, .. } => format!("P(pact of {} by {by})", states.join(", ")),
        Check::JointWithdrawal { states, bloc, .. } => format!("P({} leave {bloc} together)", states.join(", ")),
        Check::AnyWithdrawal { states, bloc, .. } => format!("P(any of {} leaves {bloc})", states.join(", ")),
        Check::Dissolved { bloc, .. } => format!("P({bloc} dissolved)"),
        Check::Confederation { .. } => "P(a new confederation)".into(),
        Check::LeaderHolds { state, leader, .. } => format!("P({leader} holds {state})"),
        Check::InsurgencyRises { state, .. } => format!("P(insurgency rises in {state})"),
        Check::AttemptSkill { .. } => "Brier skill, coup attempts by state".into(),
    }
}

/// Whether a pact founded during the run held all of `states` by `by`,
/// following its founding, joinings and departures month by month.
fn pact_of(o: &RunOutcome, states: &[String], by: YearMonth) -> bool {
    use crate::sim::world::chronicle::NewsKind;
    let mut pacts: Vec<(String, Vec<String>)> = Vec::new();
    for m in o.milestones.iter().filter(|m| m.month <= by) {
        match m.kind {
            NewsKind::BlocFormed => pacts.push((m.bloc.clone(), m.states.clone())),
            NewsKind::BlocJoined | NewsKind::BlocLeft => {
                if let Some((_, members)) = pacts.iter_mut().find(|(b, _)| *b == m.bloc) {
                    if m.kind == NewsKind::BlocJoined {
                        members.extend(m.states.iter().cloned());
                    } else {
                        members.retain(|s| !m.states.contains(s));
                    }
                }
            }
            NewsKind::BlocDissolved => pacts.retain(|(b, _)| *b != m.bloc),
            _ => {}
        }
        if pacts
            .iter()
            .any(|(_, members)| states.iter().all(|s| members.contains(s)))
        {
            return true;
        }
    }
    false
}

fn withdrawals<'a>(o: &'a RunOutcome, bloc: &'a str) -> impl Iterator<Item = &'a crate::batch::Milestone> + 'a {
    o.milestones
        .iter()
        .filter(move |m| m.kind == crate::sim::world::chronicle::NewsKind::WithdrawalAnnounced && m.bloc == bloc)
}

/// Mean squared error of probabilities against outcomes.
fn brier(pairs: &[(f64, bool)]) -> f64 {
    let n = pairs.len().max(1) as f64;
    pairs
        .iter()
        .map(|(p, o)| (p - f64::from(u8::from(*o))).powi(2))
        .sum::<f64>()
        / n
}

/// The same for a forecast of the base rate everywhere.
fn brier_reference(pairs: &[(f64, bool)]) -> f64 {
    let n = pairs.len().max(1) as f64;
    let base = pairs.iter().filter(|(_, o)| *o).count() as f64 / n;
    brier(&pairs.iter().map(|(_, o)| (base, *o)).collect::<Vec<_>>())
}

/// Area under the ROC curve: the chance that a state with the event was
/// given a higher probability than one without, ties counting half.
fn auc(pairs: &[(f64, bool)]) -> Option<f64> {
    let pos: Vec<f64> = pairs.iter().filter(|(_, o)| *o).map(|(p, _)| *p).collect();
    let neg: Vec<f64> = pairs.iter().filter(|(_, o)| !*o).map(|(p, _)| *p).collect();
    if pos.is_empty() || neg.is_empty() {
        return None;
    }
    let mut wins = 0.0;
    for a in &pos {
        for b in &neg {
            wins += if a > b {
                1.0
            } else if a == b {
                0.5
            } else {
                0.0
            };
        }
    }
    Some(wins / (pos.len() * neg.len()) as f64)
}

/// Each state's forecast against the record, and the scores.
fn forecasts(record: &Record, scenario: &Scenario, outcomes: &[RunOutcome]) -> (Vec<StateForecast>, Scores) {
    let n = outcomes.len().max(1) as f64;
    let mut ids: Vec<&str> = scenario.file.states.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    let states: Vec<StateForecast> = ids
        .iter()
        .map(|id| {
            let rows = || outcomes.iter().filter_map(|o| o.states.iter().find(|s| s.state == *id));
            StateForecast {
                state: id.to_string(),
                p_attempt: rows().filter(|s| s.coups + s.failed_coups > 0).count() as f64 / n,
                attempted: record.coups.iter().any(|c| c.state == *id),
                p_coup: rows().filter(|s| s.coups > 0).count() as f64 / n,
                couped: record.coups.iter().any(|c| c.state == *id && c.success),
            }
        })
        .collect();
    let attempts: Vec<(f64, bool)> = states.iter().map(|s| (s.p_attempt, s.attempted)).collect();
    let coups: Vec<(f64, bool)> = states.iter().map(|s| (s.p_coup, s.couped)).collect();
    let scores = Scores {
        brier_attempt: brier(&attempts),
        brier_coup: brier(&coups),
        brier_attempt_reference: brier_reference(&attempts),
        brier_coup_reference: brier_reference(&coups),
        auc_attempt: auc(&attempts),
        auc_coup: auc(&coups),
    };
    (states, scores)
}

/// Compares a batch of futures with the record.
pub fn compare(record: &Record, scenario: &Scenario, outcomes: &[RunOutcome], runs: u64, seed: u64) -> Calibration {
    let n = outcomes.len().max(1) as f64;
    let share = |f: &dyn Fn(&RunOutcome) -> bool| outcomes.iter().filter(|o| f(o)).count() as f64 / n;
    let yes = |b: &bool| f64::from(u8::from(*b));
    let (states, scores) = forecasts(record, scenario, outcomes);
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
                Check::PactOf {
                    states, by, happened, ..
                } => (yes(happened), share(&|o| pact_of(o, states, *by))),
                Check::JointWithdrawal {
                    states, bloc, happened, ..
                } => (
                    yes(happened),
                    share(&|o| {
                        withdrawals(o, bloc).any(|first| {
                            states
                                .iter()
                                .all(|s| withdrawals(o, bloc).any(|m| m.month == first.month && m.states.contains(s)))
                        })
                    }),
                ),
                Check::AnyWithdrawal {
                    states, bloc, happened, ..
                } => (
                    yes(happened),
                    share(&|o| withdrawals(o, bloc).any(|m| m.states.iter().any(|s| states.contains(s)))),
                ),
                Check::Dissolved { bloc, happened, .. } => (yes(happened), share(&|o| !o.blocs.contains(bloc))),
                Check::Confederation { happened, .. } => (yes(happened), share(&|o| o.confederation)),
                Check::LeaderHolds {
                    state,
                    leader,
                    happened,
                    ..
                } => (
                    yes(happened),
                    share(&|o| o.states.iter().any(|s| s.state == *state && s.leader == *leader)),
                ),
                Check::InsurgencyRises { state, happened, .. } => {
                    let start = scenario
                        .file
                        .states
                        .iter()
                        .find(|s| s.id == *state)
                        .map(|s| s.security.insurgency)
                        .unwrap_or(0.0);
                    (
                        yes(happened),
                        share(&|o| o.states.iter().any(|s| s.state == *state && s.insurgency > start)),
                    )
                }
                Check::AttemptSkill { .. } => (
                    1.0,
                    1.0 - scores.brier_attempt / scores.brier_attempt_reference.max(1e-9),
                ),
            };
            let (lo, hi) = accept(check);
            CheckResult {
                check: describe(check),
                what: check.clone(),
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
        states,
        scores,
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
    Ok(compare(record, scenario, &outcomes, runs, seed))
}

/// A check in a language's words: "P(coup in MLI)", "P(coup au MLI)".
fn describe_in(loc: &Locale, c: &Check) -> String {
    let list = |l: &[String]| l.join(", ");
    match c {
        Check::MeanCoups { .. } => loc.t("calib-mean-coups"),
        Check::MeanAttempts { .. } => loc.t("calib-mean-attempts"),
        Check::RegionShare { states, .. } => loc.t_args("calib-region-share", &args!["states" => list(states)]),
        Check::CoupChance { state, .. } => loc.t_args("calib-coup-chance", &args!["state" => state.as_str()]),
        Check::PactFormed { .. } => loc.t("calib-pact-formed"),
        Check::PactOf { states, by, .. } => loc.t_args(
            "calib-pact-of",
            &args!["states" => list(states), "by" => loc.month(*by)],
        ),
        Check::JointWithdrawal { states, bloc, .. } => loc.t_args(
            "calib-joint-withdrawal",
            &args!["states" => list(states), "bloc" => bloc.as_str()],
        ),
        Check::AnyWithdrawal { states, bloc, .. } => loc.t_args(
            "calib-any-withdrawal",
            &args!["states" => list(states), "bloc" => bloc.as_str()],
        ),
        Check::Dissolved { bloc, .. } => loc.t_args("calib-dissolved", &args!["bloc" => bloc.as_str()]),
        Check::Confederation { .. } => loc.t("calib-confederation"),
        Check::LeaderHolds { state, leader, .. } => loc.t_args(
            "calib-leader-holds",
            &args!["state" => state.as_str(), "leader" => leader.as_str()],
        ),
        Check::InsurgencyRises { state, .. } => loc.t_args("calib-insurgency-rises", &args!["state" => state.as_str()]),
        Check::AttemptSkill { .. } => loc.t("calib-attempt-skill"),
    }
}

/// The table `harmattan calibrate` prints, in a language.
pub fn text(c: &Calibration, loc: &Locale) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}\n",
        loc.t_args(
            "calib-title",
            &args![
                "title" => c.title.as_str(),
                "runs" => c.runs,
                "months" => c.months,
                "scenario" => c.scenario.as_str(),
                "seed" => c.seed.to_string(),
            ]
        )
    );
    let _ = writeln!(
        out,
        "  {:<44} {:>8} {:>8}  {:<16} ",
        loc.t("calib-col-check"),
        loc.t("calib-col-record"),
        loc.t("calib-col-model"),
        loc.t("calib-col-accepted")
    );
    for r in &c.checks {
        let _ = writeln!(
            out,
            "  {:<44} {:>8} {:>8}  {:<16} {}",
            describe_in(loc, &r.what),
            loc.number(r.real, 2),
            loc.number(r.model, 3),
            format!("{}–{}", loc.number(r.accept.0, 2), loc.number(r.accept.1, 2)),
            loc.t(if r.pass { "calib-ok" } else { "calib-out-of-range" })
        );
    }
    let _ = writeln!(
        out,
        "\n  {:<6} {:>10} {:>8} {:>10} {:>8}",
        loc.t("calib-col-state"),
        loc.t("calib-col-p-attempt"),
        loc.t("calib-col-record"),
        loc.t("calib-col-p-coup"),
        loc.t("calib-col-record")
    );
    let (yes, no) = (loc.t("calib-yes"), "-".to_string());
    for s in &c.states {
        let _ = writeln!(
            out,
            "  {:<6} {:>10} {:>8} {:>10} {:>8}",
            s.state,
            loc.number(s.p_attempt, 2),
            if s.attempted { &yes } else { &no },
            loc.number(s.p_coup, 2),
            if s.couped { &yes } else { &no }
        );
    }
    let auc = |a: Option<f64>| a.map_or_else(|| loc.t("calib-not-available"), |x| loc.number(x, 2));
    let sc = &c.scores;
    let _ = writeln!(
        out,
        "\n  {}",
        loc.t_args(
            "calib-scores",
            &args![
                "brier-attempt" => loc.number(sc.brier_attempt, 3),
                "base-attempt" => loc.number(sc.brier_attempt_reference, 3),
                "auc-attempt" => auc(sc.auc_attempt),
                "brier-coup" => loc.number(sc.brier_coup, 3),
                "base-coup" => loc.number(sc.brier_coup_reference, 3),
                "auc-coup" => auc(sc.auc_coup),
            ]
        )
    );
    let failed = c.checks.iter().filter(|r| !r.pass).count();
    let _ = writeln!(
        out,
        "\n{}",
        if failed == 0 {
            loc.t("calib-all-in-range")
        } else {
            loc.t_args("calib-some-out", &args!["failed" => failed, "total" => c.checks.len()])
        }
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brier_and_auc_score_forecasts() {
        let perfect = [(1.0, true), (0.0, false), (0.0, false)];
        assert_eq!(brier(&perfect), 0.0);
        assert_eq!(auc(&perfect), Some(1.0));
        let backwards = [(0.0, true), (1.0, false)];
        assert_eq!(brier(&backwards), 1.0);
        assert_eq!(auc(&backwards), Some(0.0));
        // Ties count half; a forecast of the base rate everywhere has the
        // reference score.
        let flat = [(0.5, true), (0.5, false)];
        assert_eq!(auc(&flat), Some(0.5));
        assert_eq!(brier(&flat), brier_reference(&flat));
        assert_eq!(auc(&[(0.3, true)]), None, "no state without the event");
    }
}
