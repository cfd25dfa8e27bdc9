//! "What happens next?": many futures from the present moment of a game.
//! Each future replays the game (from its save) to now, takes a seed of its
//! own, optionally changes one thing (any effect of the scenario
//! vocabulary, e.g. `LiftSanctions(bloc: "ECOWAS", state: "NER")`), and
//! runs on with every government computer-run. Per state it gives the
//! probability of a coup, of a change of blocs and of losing territory,
//! and fan charts (10th, 50th and 90th percentiles) of stability,
//! legitimacy and territorial control month by month. Two sets — with and
//! without the change — compare side by side. Same save, seed and change
//! ⇒ the same report, whatever the number of threads.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use crate::save::{self, SaveFile};
use crate::scenario::format::{Effect, Indicator};
use crate::sim::Simulation;
use crate::sim::world::actions;
use crate::sim::world::components::*;
use crate::sim::world::course::Course;
use crate::sim::world::ledger::{Cause, Mechanism};
use crate::sim::world::registry::Registry;
use crate::sim::world::rng::SimRng;
use crate::sim::world::snapshot::Snapshot;

/// The indicators drawn as fans.
pub const FAN_INDICATORS: [Indicator; 3] = [Indicator::Stability, Indicator::Legitimacy, Indicator::Control];

/// Territory counts as lost when control falls by more than this.
pub const TERRITORY_LOSS: f64 = 5.0;

#[derive(Debug, Clone)]
pub struct FuturesSpec {
    pub runs: u64,
    pub months: u32,
    pub seed: u64,
    /// One thing changed at the start of every future.
    pub change: Option<Effect>,
    pub threads: usize,
    /// The workers yield to an interactive window: they run at a lower
    /// priority (Linux; elsewhere at the normal one).
    pub background: bool,
}

/// Lowers the calling thread's scheduling priority (a higher nice value),
/// so that a window drawing on the same cores stays responsive.
pub fn yield_to_foreground() {
    // On Linux, PRIO_PROCESS with 0 is the calling thread alone.
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority reads no memory; a failure leaves the priority as is.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// 10th, 50th and 90th percentiles.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Band {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fan {
    pub indicator: String,
    /// One band per month ahead (index 0: after the first month).
    pub months: Vec<Band>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StateFuture {
    pub id: String,
    pub name: String,
    pub p_coup: f64,
    pub p_bloc_change: f64,
    pub p_territory_loss: f64,
    pub fans: Vec<Fan>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FuturesReport {
    pub scenario: String,
    /// The month the futures start from.
    pub from: String,
    pub runs: u64,
    pub months: u32,
    pub seed: u64,
    /// The change, as written, if any.
    pub change: Option<String>,
    pub states: Vec<StateFuture>,
    /// What the scenario's record says befell each state over the same
    /// months (id, and its coups, failed coups, pacts founded and blocs
    /// left, or "—"): empty where the scenario has no record of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub what_happened: Vec<(String, String)>,
    /// The same, as facts, for the front ends to say in the player's
    /// language ([`befell_text`]).
    #[serde(skip)]
    pub befell: Vec<(
        String,
        Vec<(crate::scenario::YearMonth, crate::scenario::format::Befell)>,
    )>,
}

/// What befell a state, in a language's words: "coup, 2023-07; leaves
/// G5S, 2023-12", or "—".
pub fn befell_text(
    loc: &crate::i18n::Locale,
    list: &[(crate::scenario::YearMonth, crate::scenario::format::Befell)],
) -> String {
    use crate::scenario::format::Befell;
    if list.is_empty() {
        return "—".to_string();
    }
    let said: Vec<String> = list
        .iter()
        .map(|(m, what)| {
            let month = m.to_string();
            match what {
                Befell::Coup => loc.t_args("befell-coup", &crate::args!["month" => month]),
                Befell::FailedCoup => loc.t_args("befell-failed-coup", &crate::args!["month" => month]),
                Befell::FoundedPact(p) => {
                    loc.t_args("befell-founds", &crate::args!["pact" => p.as_str(), "month" => month])
                }
                Befell::LeftBloc(b) => {
                    loc.t_args("befell-leaves", &crate::args!["bloc" => b.as_str(), "month" => month])
                }
            }
        })
        .collect();
    said.join(&loc.t("befell-separator"))
}

/// One future's path: per state, whether a coup happened, whether its blocs
/// changed, whether it lost ground, and the fan indicators month by month.
struct Path {
    coup: Vec<bool>,
    blocs_changed: Vec<bool>,
    lost_ground: Vec<bool>,
    /// [state][indicator][month]
    series: Vec<Vec<Vec<f64>>>,
}

fn blocs(sim: &Simulation, s: StateIdx) -> BTreeSet<String> {
    let reg = sim.registry();
    actions::blocs_of(sim.world(), s)
        .into_iter()
        .map(|b| reg.bloc_code(b).to_string())
        .collect()
}

/// Every indicator of a state, read once.
fn read(sim: &Simulation, s: StateIdx) -> IndicatorValues {
    let e = sim.registry().state_entity(s);
    indicators_of(sim.world().entity(e))
}

/// The seed of future `i`: far from the game's own seeds.
pub fn future_seed(seed: u64, i: u64) -> u64 {
    seed.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(i)
}

/// Future `i`, from the present restored into `sim` (an app kept by the
/// worker running it).
fn one_future(sim: &mut Simulation, present: &Snapshot, spec: &FuturesSpec, i: u64) -> Path {
    sim.restore(present);
    // Every government computer-run from here on, on a stream of its own,
    // and the model deciding everything: a future does not replay the
    // record (the history option) past the present.
    let _ = sim.set_player(None);
    sim.world_mut().resource_mut::<Course>().leave();
    sim.world_mut().insert_resource(SimRng::new(future_seed(spec.seed, i)));
    if let Some(change) = &spec.change {
        crate::sim::script::effect::apply_effect(sim.world_mut(), change, Cause::of(Mechanism::ScriptedEvent));
    }
    let n = sim.registry().state_count();
    let states: Vec<StateIdx> = (0..n).map(|k| StateIdx(k as u16)).collect();
    let coups_before: Vec<u32> = states
        .iter()
        .map(|s| {
            sim.world()
                .get::<CoupRecord>(sim.registry().state_entity(*s))
                .map(|r| r.successes)
                .unwrap_or(0)
        })
        .collect();
    let blocs_before: Vec<BTreeSet<String>> = states.iter().map(|s| blocs(sim, *s)).collect();
    let control_before: Vec<f64> = states.iter().map(|s| read(sim, *s)[Indicator::Control]).collect();
    let mut series = vec![vec![Vec::with_capacity(spec.months as usize); FAN_INDICATORS.len()]; n];
    for _ in 0..spec.months {
        sim.step();
        for (k, s) in states.iter().enumerate() {
            let now = read(sim, *s);
            for (j, ind) in FAN_INDICATORS.iter().enumerate() {
                series[k][j].push(now[*ind]);
            }
        }
    }
    Path {
        coup: states
            .iter()
            .zip(&coups_before)
            .map(|(s, before)| {
                sim.world()
                    .get::<CoupRecord>(sim.registry().state_entity(*s))
                    .is_some_and(|r| r.successes > *before)
            })
            .collect(),
        blocs_changed: states
            .iter()
            .zip(&blocs_before)
            .map(|(s, before)| blocs(sim, *s) != *before)
            .collect(),
        lost_ground: states
            .iter()
            .zip(&control_before)
            .map(|(s, before)| read(sim, *s)[Indicator::Control] < before - TERRITORY_LOSS)
            .collect(),
        series,
    }
}

fn band(values: &mut [f64]) -> Band {
    values.sort_by(f64::total_cmp);
    let at = |q: f64| {
        if values.is_empty() {
            return 0.0;
        }
        let k = ((values.len() - 1) as f64 * q).round() as usize;
        values[k]
    };
    Band {
        p10: at(0.1),
        p50: at(0.5),
        p90: at(0.9),
    }
}

/// Runs the futures of a saved game. `progress` is told how many are done.
pub fn run(file: &SaveFile, spec: &FuturesSpec, progress: &(dyn Fn(u64) + Sync)) -> Result<FuturesReport, String> {
    if spec.runs == 0 || spec.months == 0 {
        return Err("futures need at least one run of at least one month".into());
    }
    // The present is set up once (the save replayed and checked) and
    // restored for every future.
    let mut probe = save::load_simulation(file, "the game").map_err(|e| e.to_string())?;
    let present = probe.snapshot();
    let reg: Registry = probe.registry().clone();
    if let Some(change) = &spec.change {
        check_change(change, &reg).map_err(|e| e.to_string())?;
    }
    let from = probe.date().to_string();
    let scenario = probe
        .world()
        .resource::<crate::sim::world::spawn::GameInfo>()
        .name
        .clone();
    drop(probe);
    let background = spec.background;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(spec.threads)
        .start_handler(move |_| {
            if background {
                yield_to_foreground();
            }
        })
        .build()
        .map_err(|e| format!("cannot start {} worker threads: {e}", spec.threads))?;
    let done = AtomicU64::new(0);
    let paths: Vec<Path> = pool.install(|| {
        (0..spec.runs)
            .into_par_iter()
            .map_init(
                // One app per worker: building the schedule costs more than
                // a future's months.
                || Simulation::restored(&present),
                |sim, i| {
                    let p = one_future(sim, &present, spec, i);
                    progress(done.fetch_add(1, Ordering::Relaxed) + 1);
                    p
                },
            )
            .collect()
    });
    let runs = paths.len() as f64;
    let share = |f: &dyn Fn(&Path) -> bool| paths.iter().filter(|p| f(p)).count() as f64 / runs;
    let states: Vec<StateFuture> = (0..reg.state_count())
        .map(|k| {
            let s = StateIdx(k as u16);
            let fans = FAN_INDICATORS
                .iter()
                .enumerate()
                .map(|(j, ind)| Fan {
                    indicator: ind.snake().to_string(),
                    months: (0..spec.months as usize)
                        .map(|m| {
                            let mut v: Vec<f64> = paths.iter().map(|p| p.series[k][j][m]).collect();
                            band(&mut v)
                        })
                        .collect(),
                })
                .collect();
            StateFuture {
                id: reg.state_code(s).to_string(),
                name: reg.state_name(s).to_string(),
                p_coup: share(&|p| p.coup[k]),
                p_bloc_change: share(&|p| p.blocs_changed[k]),
                p_territory_loss: share(&|p| p.lost_ground[k]),
                fans,
            }
        })
        .collect();
    let ids: Vec<&str> = states.iter().map(|s| s.id.as_str()).collect();
    let befell = crate::scenario::load(&file.origin, &file.scenario)
        .ok()
        .and_then(|s| what_happened(s.file.history.as_ref()?, &from, spec.months, &ids))
        .unwrap_or_default();
    // The JSON's words stay English, as its keys are.
    let what_happened = befell
        .iter()
        .map(|(id, list)| (id.clone(), befell_text(crate::i18n::Locale::english(), list)))
        .collect();
    Ok(FuturesReport {
        scenario,
        from,
        runs: spec.runs,
        months: spec.months,
        seed: spec.seed,
        change: spec.change.as_ref().and_then(|c| ron::ser::to_string(c).ok()),
        states,
        what_happened,
        befell,
    })
}

/// What a record says befell each state over the futures' months (from
/// `from`, `months` of them); `None` if the record ends before they start.
#[allow(clippy::type_complexity)]
pub fn what_happened(
    history: &crate::scenario::format::HistoryDef,
    from: &str,
    months: u32,
    ids: &[&str],
) -> Option<
    Vec<(
        String,
        Vec<(crate::scenario::YearMonth, crate::scenario::format::Befell)>,
    )>,
> {
    let from = crate::scenario::YearMonth::parse(from).ok()?;
    if from > history.until {
        return None;
    }
    let to = from.plus_months(i64::from(months) - 1);
    Some(
        ids.iter()
            .map(|id| (id.to_string(), history.befell(id, from, to)))
            .collect(),
    )
}

/// What is wrong with a change typed for the futures, for the front ends
/// to say in the player's language ([`ChangeError::said_in`]).
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeError {
    /// Not an effect at all: where the reading stopped, and why.
    NotAnEffect {
        text: String,
        column: usize,
        reason: String,
    },
    FiresEvent {
        text: String,
    },
    StartsEnded {
        text: String,
    },
    Number {
        text: String,
        key: String,
        value: String,
    },
    Twice {
        text: String,
        id: String,
    },
    /// Ids the game does not have: (id, what it should be).
    Unknown(Vec<(String, String)>),
}

impl ChangeError {
    pub fn said_in(&self, loc: &crate::i18n::Locale) -> String {
        use crate::args;
        match self {
            ChangeError::NotAnEffect { text, column, reason } => loc.t_args(
                "change-error-not-effect",
                &args!["text" => text.as_str(), "column" => *column, "reason" => reason.as_str()],
            ),
            ChangeError::FiresEvent { text } => loc.t_args("change-error-fires", &args!["text" => text.as_str()]),
            ChangeError::StartsEnded { text } => {
                loc.t_args("change-error-starts-ended", &args!["text" => text.as_str()])
            }
            ChangeError::Number { text, key, value } => loc.t_args(
                "change-error-number",
                &args!["text" => text.as_str(), "key" => key.as_str(), "value" => value.as_str()],
            ),
            ChangeError::Twice { text, id } => loc.t_args(
                "change-error-twice",
                &args!["text" => text.as_str(), "id" => id.as_str()],
            ),
            ChangeError::Unknown(list) => {
                let each: Vec<String> = list
                    .iter()
                    .map(|(id, kind)| {
                        loc.t_args(
                            "change-error-unknown-id",
                            &args!["id" => id.as_str(), "kind" => kind.as_str()],
                        )
                    })
                    .collect();
                loc.t_args("change-error-unknown", &args!["problems" => each.join("; ")])
            }
        }
    }
}

impl std::fmt::Display for ChangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said_in(crate::i18n::Locale::english()))
    }
}

/// Reads a change written in the effect vocabulary, with a message that
/// points into it when it is wrong.
pub fn parse_change(text: &str) -> Result<Effect, ChangeError> {
    let effect = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str::<Effect>(text)
        .map_err(|e| ChangeError::NotAnEffect {
            text: text.to_string(),
            column: e.span.start.col,
            reason: e.code.to_string(),
        })?;
    sensible_change(&effect, &crate::scenario::shown(text))?;
    Ok(effect)
}

/// A change must do something: no scenario event fired by name, numbers
/// a person could mean, no state dealing with itself, no partnership
/// started as already ended.
fn sensible_change(effect: &Effect, text: &str) -> Result<(), ChangeError> {
    let text = text.to_string();
    if let Effect::Fire(_) = effect {
        return Err(ChangeError::FiresEvent { text });
    }
    if let Effect::StartPartnership { stage, .. } = effect
        && *stage == crate::scenario::format::Stage::Ended
    {
        return Err(ChangeError::StartsEnded { text });
    }
    let Ok(value) = serde_json::to_value(effect) else {
        return Ok(());
    };
    let Some(fields) = value
        .as_object()
        .and_then(|o| o.values().next())
        .and_then(|v| v.as_object())
    else {
        return Ok(());
    };
    // The numbers a change carries (a non-finite one serialises as null;
    // other fields may be null because they are optional).
    for k in ["delta", "value"] {
        if let Some(v) = fields.get(k)
            && (v.is_null() || v.as_f64().is_some_and(|x| !x.is_finite() || x.abs() > 200.0))
        {
            return Err(ChangeError::Number {
                text,
                key: k.to_string(),
                value: v.to_string(),
            });
        }
    }
    let ids: Vec<&str> = ["state", "other", "first", "second"]
        .iter()
        .filter_map(|k| fields.get(*k).and_then(|v| v.as_str()))
        .collect();
    if let Some(twice) = ids
        .iter()
        .enumerate()
        .find_map(|(i, a)| ids[i + 1..].contains(a).then_some(*a))
    {
        return Err(ChangeError::Twice {
            text,
            id: twice.to_string(),
        });
    }
    Ok(())
}

/// Every id a change names must be in the game: a typo would otherwise
/// change nothing and the comparison would mislead.
pub fn check_change(change: &Effect, reg: &Registry) -> Result<(), ChangeError> {
    let Ok(value) = serde_json::to_value(change) else {
        return Ok(());
    };
    let mut problems = Vec::new();
    fn walk(v: &serde_json::Value, reg: &Registry, problems: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    if let serde_json::Value::String(id) = v {
                        let ok = match k.as_str() {
                            "state" | "other" | "first" | "second" => reg.state(id).is_some(),
                            "power" => reg.power(id).is_some(),
                            "bloc" => reg.bloc(id).is_some(),
                            _ => true,
                        };
                        if !ok {
                            problems.push((id.clone(), k.clone()));
                        }
                    } else {
                        walk(v, reg, problems);
                    }
                }
            }
            serde_json::Value::Array(list) => list.iter().for_each(|x| walk(x, reg, problems)),
            _ => {}
        }
    }
    walk(&value, reg, &mut problems);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ChangeError::Unknown(problems))
    }
}

/// How sure a share of futures is: the Wilson score interval at 95 % for
/// `p` of `n` futures (sound near 0 and 1, unlike p ± 1.96·se; Wilson
/// 1927). A share is an estimate of the model's probability, not of the
/// world's.
pub fn wilson(p: f64, n: u64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let (n, z) = (n as f64, Z95);
    let centre = p + z * z / (2.0 * n);
    let spread = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt();
    let d = 1.0 + z * z / n;
    (((centre - spread) / d).max(0.0), ((centre + spread) / d).min(1.0))
}

/// 1.96: the normal quantile of a two-sided 95 % interval.
const Z95: f64 = 1.959_963_984_540_054;

/// The difference a change makes to a share (`with − without`) and its
/// 95 % interval (Newcombe's hybrid score method from the two Wilson
/// intervals; Newcombe 1998). If the interval holds 0, the two sets of
/// futures do not tell the change's effect from chance: run more futures.
/// (The sets share their seeds, so the interval is a cautious one.)
pub fn difference(without: f64, n_without: u64, with: f64, n_with: u64) -> (f64, f64, f64) {
    let (l1, u1) = wilson(with, n_with);
    let (l2, u2) = wilson(without, n_without);
    let d = with - without;
    let lo = d - ((with - l1).powi(2) + (u2 - without).powi(2)).sqrt();
    let hi = d + ((u1 - with).powi(2) + (without - l2).powi(2)).sqrt();
    (d, lo, hi)
}

/// Two sets of futures, state by state: without and with the change.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub base: FuturesReport,
    pub changed: FuturesReport,
}

/// One row per state, for a spreadsheet: the probabilities of each set and
/// the median of each fan indicator at the last month.
pub fn csv_rows(c: &Comparison) -> Vec<Vec<String>> {
    let mut rows = vec![
        [
            "state",
            "name",
            "p_coup",
            "p_coup_changed",
            "p_bloc_change",
            "p_bloc_change_changed",
            "p_territory_loss",
            "p_territory_loss_changed",
            "stability_median_end",
            "stability_median_end_changed",
            "p_coup_difference_low95",
            "p_coup_difference_high95",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
    ];
    let last = |s: &StateFuture| s.fans[0].months.last().map(|b| b.p50).unwrap_or(0.0);
    for (a, b) in c.base.states.iter().zip(&c.changed.states) {
        rows.push(vec![
            a.id.clone(),
            a.name.clone(),
            format!("{:.4}", a.p_coup),
            format!("{:.4}", b.p_coup),
            format!("{:.4}", a.p_bloc_change),
            format!("{:.4}", b.p_bloc_change),
            format!("{:.4}", a.p_territory_loss),
            format!("{:.4}", b.p_territory_loss),
            format!("{:.2}", last(a)),
            format!("{:.2}", last(b)),
            format!("{:.4}", difference(a.p_coup, c.base.runs, b.p_coup, c.changed.runs).1),
            format!("{:.4}", difference(a.p_coup, c.base.runs, b.p_coup, c.changed.runs).2),
        ]);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_interval_matches_the_textbook() {
        // 81 of 263 (Newcombe 1998, example): 0.2553 to 0.3662.
        let (lo, hi) = wilson(81.0 / 263.0, 263);
        assert!((lo - 0.2553).abs() < 5e-4 && (hi - 0.3662).abs() < 5e-4, "{lo} {hi}");
        // Nothing in 100 futures is not certainty that it cannot happen.
        let (lo, hi) = wilson(0.0, 100);
        assert!(lo.abs() < 1e-12 && (hi - 0.0370).abs() < 5e-4, "{lo} {hi}");
    }

    #[test]
    fn newcombes_difference_matches_the_textbook() {
        // 56/70 against 48/80 (Newcombe 1998, method 10): 0.0524 to 0.3339.
        let (d, lo, hi) = difference(48.0 / 80.0, 80, 56.0 / 70.0, 70);
        assert!((d - 0.2).abs() < 1e-9);
        assert!((lo - 0.0524).abs() < 5e-4 && (hi - 0.3339).abs() < 5e-4, "{lo} {hi}");
        // The same share twice: an interval around 0.
        let (_, lo, hi) = difference(0.3, 200, 0.3, 200);
        assert!(lo < 0.0 && hi > 0.0);
    }
}
