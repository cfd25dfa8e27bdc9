//! Many seeded futures of one scenario, run in parallel, and the
//! probabilities they add up to. Run `i` (from 0) uses seed `seed + i`
//! (wrapping), so any single run can be replayed with `harmattan run`.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use crate::scenario::Scenario;
use crate::scenario::format::BlocKind;
use crate::sim::components::*;
use crate::sim::{Detail, Simulation, actions};

/// The seed of run `i` of a batch started with `seed`.
pub fn run_seed(seed: u64, i: u64) -> u64 {
    seed.wrapping_add(i)
}

/// The end of one run, as `--csv` writes it (one row per state).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StateOutcome {
    pub run: u64,
    pub seed: u64,
    pub state: String,
    pub coups: u32,
    pub failed_coups: u32,
    pub stability: f64,
    pub legitimacy: f64,
    pub control: f64,
    pub insurgency: f64,
    pub regime: String,
    pub leader: String,
    /// Bloc ids joined by `;`.
    pub blocs: String,
}

/// A turning point in the blocs during a run, for calibration against the
/// record (who formed, joined, left or dissolved what, and when).
#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    pub month: crate::scenario::YearMonth,
    pub kind: crate::sim::chronicle::NewsKind,
    pub bloc: String,
    /// The states concerned, by id.
    pub states: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RunOutcome {
    pub run: u64,
    pub states: Vec<StateOutcome>,
    /// Blocs that exist at the end.
    pub blocs: Vec<String>,
    /// Blocs founded during the run (pacts of juntas), dissolved or not.
    pub founded: Vec<String>,
    /// Whether a founded bloc had become a confederation by the end.
    pub confederation: bool,
    /// Bloc turning points, in order.
    pub milestones: Vec<Milestone>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StateStats {
    pub id: String,
    pub name: String,
    /// Share of runs with at least one successful coup.
    pub p_coup: f64,
    pub mean_coups: f64,
    pub mean_final_stability: f64,
    /// Bloc id → share of runs in which the state ends as a member.
    pub p_member: BTreeMap<String, f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BlocStats {
    pub id: String,
    /// Share of runs in which the bloc exists at the end.
    pub p_exists: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub scenario: String,
    pub runs: u64,
    pub turns: u32,
    pub seed: u64,
    pub states: Vec<StateStats>,
    pub blocs: Vec<BlocStats>,
}

fn outcome(sim: &Simulation, scenario_blocs: usize, run: u64, seed: u64) -> RunOutcome {
    let world = sim.world();
    let reg = sim.registry();
    let mut states = Vec::with_capacity(reg.state_count());
    for (i, listing) in reg.states.iter().enumerate() {
        let s = StateIdx(i as u16);
        let Some(e) = listing.entity else { continue };
        let e = world.entity(e);
        let (Some(st), Some(lg), Some(sec), Some(regime), Some(rec)) = (
            e.get::<Stability>(),
            e.get::<Legitimacy>(),
            e.get::<Security>(),
            e.get::<Regime>(),
            e.get::<CoupRecord>(),
        ) else {
            continue;
        };
        let blocs: Vec<&str> = actions::blocs_of(world, s)
            .into_iter()
            .map(|b| reg.bloc_code(b))
            .collect();
        states.push(StateOutcome {
            run,
            seed,
            state: listing.code.clone(),
            coups: rec.successes,
            failed_coups: rec.failures,
            stability: st.0,
            legitimacy: lg.0,
            control: sec.control,
            insurgency: sec.insurgency,
            regime: regime.kind.snake().to_string(),
            leader: regime.leader.clone(),
            blocs: blocs.join(";"),
        });
    }
    let blocs = reg.live_blocs().map(|(b, _)| reg.bloc_code(b).to_string()).collect();
    // Blocs are registered in order: the scenario's first, then founded ones.
    let founded = reg.blocs.iter().skip(scenario_blocs).map(|l| l.code.clone()).collect();
    let confederation = reg.live_blocs().any(|(b, e)| {
        b.0 as usize >= scenario_blocs && world.get::<Bloc>(e).is_some_and(|x| x.kind == BlocKind::Confederation)
    });
    use crate::sim::chronicle::NewsKind;
    let milestones = sim
        .chronicle()
        .news
        .iter()
        .filter(|n| {
            matches!(
                n.kind,
                NewsKind::BlocFormed
                    | NewsKind::BlocJoined
                    | NewsKind::BlocDeepened
                    | NewsKind::BlocDissolved
                    | NewsKind::WithdrawalAnnounced
                    | NewsKind::BlocLeft
            )
        })
        .filter_map(|n| {
            let bloc = reg.bloc_code(n.bloc?).to_string();
            let mut states: Vec<String> = n.members.iter().map(|s| reg.state_code(*s).to_string()).collect();
            if let Some(s) = n.state {
                states.push(reg.state_code(s).to_string());
            }
            states.sort();
            states.dedup();
            Some(Milestone {
                month: n.date,
                kind: n.kind,
                bloc,
                states,
            })
        })
        .collect();
    RunOutcome {
        run,
        states,
        blocs,
        founded,
        confederation,
        milestones,
    }
}

/// Runs `runs` futures of `turns` months on `threads` threads (0: all
/// cores). `progress` is called with the number of runs finished so far.
pub fn run(
    scenario: &Scenario,
    runs: u64,
    turns: u32,
    seed: u64,
    threads: usize,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Vec<RunOutcome>, String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| format!("cannot start {threads} worker threads: {e}"))?;
    let workers = pool.current_num_threads().max(1) as u64;
    let done = AtomicU64::new(0);
    let mut outcomes: Vec<RunOutcome> = pool.install(|| {
        (0..workers)
            .into_par_iter()
            .flat_map_iter(|w| {
                // One app per worker, reset between runs: building the turn
                // schedule costs more than a run does.
                let mut sim: Option<Simulation> = None;
                let mut local = Vec::new();
                let mut i = w;
                while i < runs {
                    let s = run_seed(seed, i);
                    let sim = match sim.as_mut() {
                        Some(sim) => {
                            sim.reset(scenario, s, Detail::Outcomes);
                            sim
                        }
                        None => sim.insert(Simulation::new(scenario, s, Detail::Outcomes)),
                    };
                    sim.run(turns);
                    local.push(outcome(sim, scenario.file.blocs.len(), i, s));
                    progress(done.fetch_add(1, Ordering::Relaxed) + 1);
                    i += workers;
                }
                local
            })
            .collect()
    });
    outcomes.sort_by_key(|o| o.run);
    Ok(outcomes)
}

/// Probabilities over a set of runs.
pub fn summarize(scenario: &Scenario, outcomes: &[RunOutcome], turns: u32, seed: u64) -> Summary {
    let n = outcomes.len().max(1) as f64;
    let mut bloc_ids: Vec<String> = scenario.file.blocs.iter().map(|b| b.id.clone()).collect();
    for o in outcomes {
        for b in &o.blocs {
            if !bloc_ids.contains(b) {
                bloc_ids.push(b.clone());
            }
        }
    }
    bloc_ids.sort();
    let mut ids: Vec<(&str, &str)> = scenario
        .file
        .states
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    ids.sort();
    let states = ids
        .iter()
        .map(|(id, name)| {
            let rows: Vec<&StateOutcome> = outcomes
                .iter()
                .filter_map(|o| o.states.iter().find(|s| s.state == *id))
                .collect();
            let p_member = bloc_ids
                .iter()
                .map(|b| {
                    let k = rows.iter().filter(|r| r.blocs.split(';').any(|x| x == b)).count();
                    (b.clone(), k as f64 / n)
                })
                .filter(|(_, p)| *p > 0.0)
                .collect();
            StateStats {
                id: id.to_string(),
                name: name.to_string(),
                p_coup: rows.iter().filter(|r| r.coups > 0).count() as f64 / n,
                mean_coups: rows.iter().map(|r| r.coups as f64).sum::<f64>() / n,
                mean_final_stability: rows.iter().map(|r| r.stability).sum::<f64>() / n,
                p_member,
            }
        })
        .collect();
    let blocs = bloc_ids
        .iter()
        .map(|b| BlocStats {
            id: b.clone(),
            p_exists: outcomes.iter().filter(|o| o.blocs.contains(b)).count() as f64 / n,
        })
        .collect();
    Summary {
        scenario: scenario.file.meta.name.clone(),
        runs: outcomes.len() as u64,
        turns,
        seed,
        states,
        blocs,
    }
}
