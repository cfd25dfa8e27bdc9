//! Many seeded futures of one scenario, run in parallel, and the
//! probabilities they add up to. Run `i` (from 0) uses seed `seed + i`
//! (wrapping), so any single run can be replayed with `harmattan run`.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::scenario::Scenario;
use crate::scenario::format::BlocKind;
use crate::sim::world::actions;
use crate::sim::world::components::*;
use crate::sim::{Detail, Simulation};

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
    pub kind: crate::sim::world::chronicle::NewsKind,
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
    use crate::sim::world::chronicle::NewsKind;
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
/// Every outcome is kept: for the few hundred runs of calibration and
/// tests; `run_each` streams any number.
pub fn run(
    scenario: &Scenario,
    runs: u64,
    turns: u32,
    seed: u64,
    threads: usize,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Vec<RunOutcome>, String> {
    let mut all = Vec::new();
    run_each(scenario, runs, turns, seed, threads, progress, &mut |o| all.push(o))?;
    Ok(all)
}

/// Runs the futures and hands each outcome to `each` in run order (0, 1,
/// 2, …) as soon as it and those before it are done, so that memory holds
/// only the runs finished ahead of their turn, not every run, and what is
/// folded from them comes out the same whatever the threads.
pub fn run_each(
    scenario: &Scenario,
    runs: u64,
    turns: u32,
    seed: u64,
    threads: usize,
    progress: &(dyn Fn(u64) + Sync),
    each: &mut (dyn FnMut(RunOutcome) + Send),
) -> Result<(), String> {
    run_range(scenario, 0..runs, turns, seed, threads, progress, each)
}

/// [`run_each`] for the runs `range` of a batch (one shard of it): run `i`
/// is the same future whichever process runs it.
pub fn run_range(
    scenario: &Scenario,
    range: std::ops::Range<u64>,
    turns: u32,
    seed: u64,
    threads: usize,
    progress: &(dyn Fn(u64) + Sync),
    each: &mut (dyn FnMut(RunOutcome) + Send),
) -> Result<(), String> {
    let runs = range.end;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| format!("cannot start {threads} worker threads: {e}"))?;
    let workers = pool.current_num_threads().max(1) as u64;
    let done = AtomicU64::new(0);
    // Runs are handed out one at a time, lowest first, so that the runs
    // finished ahead of their turn (held for `each`) stay few whatever the
    // workers' speeds.
    let next = AtomicU64::new(range.start);
    let order = std::sync::Mutex::new(InOrder {
        next: range.start,
        waiting: BTreeMap::new(),
        each,
    });
    pool.install(|| {
        (0..workers).into_par_iter().for_each(|_| {
            // One app per worker, reset between runs: building the turn
            // schedule costs more than a run does.
            let mut sim: Option<Simulation> = None;
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= runs {
                    break;
                }
                let s = run_seed(seed, i);
                let sim = match sim.as_mut() {
                    Some(sim) => {
                        sim.reset(scenario, s, Detail::Outcomes);
                        sim
                    }
                    None => sim.insert(Simulation::new(scenario, s, Detail::Outcomes)),
                };
                sim.run(turns);
                let o = outcome(sim, scenario.file.blocs.len(), i, s);
                order.lock().unwrap_or_else(|e| e.into_inner()).push(o);
                progress(done.fetch_add(1, Ordering::Relaxed) + 1);
            }
        })
    });
    Ok(())
}

/// Hands outcomes on in run order, holding those that finish early.
struct InOrder<'a> {
    next: u64,
    waiting: BTreeMap<u64, RunOutcome>,
    each: &'a mut (dyn FnMut(RunOutcome) + Send),
}

impl InOrder<'_> {
    fn push(&mut self, o: RunOutcome) {
        self.waiting.insert(o.run, o);
        while let Some(o) = self.waiting.remove(&self.next) {
            (self.each)(o);
            self.next += 1;
        }
    }
}

/// Probabilities folded from runs one at a time (in run order), so that a
/// batch of a million runs needs the memory of one. Every sum is an
/// integer (stability in fixed point), so that folds of shards of a batch
/// add up to exactly the fold of the whole, in any grouping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryBuilder {
    scenario: String,
    /// Every bloc seen: the scenario's and those founded in any run.
    bloc_ids: std::collections::BTreeSet<String>,
    /// By state id (sorted): name, runs with a coup, coups, stability sum,
    /// and runs ending in each bloc.
    states: BTreeMap<String, StateFold>,
    exists: BTreeMap<String, u64>,
    runs: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct StateFold {
    name: String,
    with_coup: u64,
    coups: u64,
    /// In units of 2^-20 (a millionth of a point, about).
    stability: i64,
    member: BTreeMap<String, u64>,
}

/// Fixed-point scale of summed stability.
const STABILITY_SCALE: f64 = (1u64 << 20) as f64;

impl SummaryBuilder {
    pub fn new(scenario: &Scenario) -> Self {
        Self {
            scenario: scenario.file.meta.name.clone(),
            bloc_ids: scenario.file.blocs.iter().map(|b| b.id.clone()).collect(),
            states: scenario
                .file
                .states
                .iter()
                .map(|s| {
                    (
                        s.id.clone(),
                        StateFold {
                            name: s.name.clone(),
                            ..StateFold::default()
                        },
                    )
                })
                .collect(),
            exists: BTreeMap::new(),
            runs: 0,
        }
    }

    pub fn add(&mut self, o: &RunOutcome) {
        self.runs += 1;
        for b in &o.blocs {
            self.bloc_ids.insert(b.clone());
            *self.exists.entry(b.clone()).or_default() += 1;
        }
        for row in &o.states {
            let Some(f) = self.states.get_mut(&row.state) else {
                continue;
            };
            f.with_coup += u64::from(row.coups > 0);
            f.coups += u64::from(row.coups);
            f.stability += (row.stability * STABILITY_SCALE).round() as i64;
            for b in row.blocs.split(';').filter(|b| !b.is_empty()) {
                *f.member.entry(b.to_string()).or_default() += 1;
            }
        }
    }

    /// Adds another fold of the same scenario's runs (another shard).
    pub fn merge(&mut self, other: SummaryBuilder) {
        self.runs += other.runs;
        self.bloc_ids.extend(other.bloc_ids);
        for (b, k) in other.exists {
            *self.exists.entry(b).or_default() += k;
        }
        for (id, f) in other.states {
            let mine = self.states.entry(id).or_insert_with(|| StateFold {
                name: f.name.clone(),
                ..StateFold::default()
            });
            mine.with_coup += f.with_coup;
            mine.coups += f.coups;
            mine.stability += f.stability;
            for (b, k) in f.member {
                *mine.member.entry(b).or_default() += k;
            }
        }
    }

    pub fn finish(self, turns: u32, seed: u64) -> Summary {
        let n = self.runs.max(1) as f64;
        let states = self
            .states
            .into_iter()
            .map(|(id, f)| StateStats {
                id,
                name: f.name,
                p_coup: f.with_coup as f64 / n,
                mean_coups: f.coups as f64 / n,
                mean_final_stability: f.stability as f64 / STABILITY_SCALE / n,
                p_member: self
                    .bloc_ids
                    .iter()
                    .filter_map(|b| f.member.get(b).map(|k| (b.clone(), *k as f64 / n)))
                    .filter(|(_, p)| *p > 0.0)
                    .collect(),
            })
            .collect();
        let blocs = self
            .bloc_ids
            .iter()
            .map(|b| BlocStats {
                id: b.clone(),
                p_exists: self.exists.get(b).copied().unwrap_or(0) as f64 / n,
            })
            .collect();
        Summary {
            scenario: self.scenario,
            runs: self.runs,
            turns,
            seed,
            states,
            blocs,
        }
    }
}

/// Probabilities over a set of runs.
pub fn summarize(scenario: &Scenario, outcomes: &[RunOutcome], turns: u32, seed: u64) -> Summary {
    let mut b = SummaryBuilder::new(scenario);
    for o in outcomes {
        b.add(o);
    }
    b.finish(turns, seed)
}

/// One of `count` equal parts of a batch (`index` from 0), for running a
/// batch on many machines: `batch --shard I/N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a shard: write I/N, as 0/4 for the first of four (I from 0 to N-1)");
        let (i, n) = text.split_once('/').ok_or_else(bad)?;
        let (index, count): (u64, u64) = (
            i.trim().parse().map_err(|_| bad())?,
            n.trim().parse().map_err(|_| bad())?,
        );
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// The runs of a batch of `runs` this shard runs: contiguous, so that
    /// the shards' CSV rows in shard order are the batch's.
    pub fn range(self, runs: u64) -> std::ops::Range<u64> {
        let at = |k: u64| (u128::from(runs) * u128::from(k) / u128::from(self.count)) as u64;
        at(self.index)..at(self.index + 1)
    }
}

/// What one shard of a batch writes: its fold, and what it was a part of,
/// so that `harmattan merge` can check the parts belong together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partial {
    /// The program that ran it: shards of one batch must be run by the
    /// same version, or their futures differ.
    pub version: String,
    pub scenario_id: String,
    pub runs: u64,
    pub turns: u32,
    pub seed: u64,
    pub shard: Shard,
    pub fold: SummaryBuilder,
}

/// The summary of a whole batch from its shards' partial results, exactly
/// as one process running every run would give it.
pub fn merge(parts: Vec<Partial>) -> Result<Summary, String> {
    let Some(first) = parts.first().cloned() else {
        return Err("nothing to merge: give the partial results of every shard".into());
    };
    let count = first.shard.count;
    // A part is read from a file: its shard is checked as `--shard` is.
    for p in &parts {
        if p.shard.count == 0 || p.shard.index >= p.shard.count {
            return Err(format!(
                "a part says it is shard {}/{}, which no batch has (I from 0 to N-1)",
                p.shard.index, p.shard.count
            ));
        }
    }
    let mut seen = vec![false; usize::try_from(count).unwrap_or(usize::MAX).min(1 << 24)];
    if seen.len() as u64 != count {
        return Err(format!(
            "{count} shards is more than merge handles (at most {})",
            1 << 24
        ));
    }
    for p in &parts {
        let same = p.version == first.version
            && p.scenario_id == first.scenario_id
            && p.runs == first.runs
            && p.turns == first.turns
            && p.seed == first.seed
            && p.shard.count == count;
        if !same {
            return Err(format!(
                "shard {}/{} is of another batch (scenario {}, {} runs, {} turns, seed {}, version {}) than shard {}/{} \
                 (scenario {}, {} runs, {} turns, seed {}, version {})",
                p.shard.index,
                p.shard.count,
                p.scenario_id,
                p.runs,
                p.turns,
                p.seed,
                p.version,
                first.shard.index,
                count,
                first.scenario_id,
                first.runs,
                first.turns,
                first.seed,
                first.version
            ));
        }
        let slot = &mut seen[p.shard.index as usize];
        if *slot {
            return Err(format!("shard {}/{count} is given twice", p.shard.index));
        }
        *slot = true;
        if p.fold.runs != p.shard.range(p.runs).count() as u64 {
            return Err(format!(
                "shard {}/{count} holds {} runs, not the {} it should: it did not finish",
                p.shard.index,
                p.fold.runs,
                p.shard.range(p.runs).count()
            ));
        }
    }
    let missing: Vec<String> = seen
        .iter()
        .enumerate()
        .filter(|(_, s)| !**s)
        .take(10)
        .map(|(i, _)| format!("{i}/{count}"))
        .collect();
    if !missing.is_empty() {
        return Err(format!("shards missing: {}", missing.join(", ")));
    }
    let (turns, seed) = (first.turns, first.seed);
    let mut parts = parts;
    parts.sort_by_key(|p| p.shard.index);
    let mut all = parts.remove(0).fold;
    for p in parts {
        all.merge(p.fold);
    }
    Ok(all.finish(turns, seed))
}

/// What a batch's shards must share to be added up: the scenario's name,
/// and a digest of its text and of the rules in force (mods included).
pub fn fingerprint(scenario: &Scenario) -> String {
    let mut bytes = scenario.text.as_bytes().to_vec();
    bytes.extend_from_slice(format!("{:?}", scenario.rules).as_bytes());
    format!("{} {:016x}", scenario.file.meta.name, crate::report::fnv1a(&bytes))
}
