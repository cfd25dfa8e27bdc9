//! The command line: the contract that tests, teachers and modders rely on.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::batch;
use crate::calibration;
use crate::report;
use crate::scenario::mods::Mods;
use crate::scenario::{self, Scenario, limits, shipped};
use crate::sim::{Detail, Simulation};

/// `println!` through [`print_out`]: a closed pipe ends the output
/// quietly, a full disk is an error with a message, never a panic.
macro_rules! out {
    ($($arg:tt)*) => {
        print_out(&format!("{}\n", format_args!($($arg)*)))?
    };
}

#[derive(Debug, Parser)]
#[command(
    name = "harmattan",
    version,
    about = "A turn-based strategy game and scenario simulator of West African and Sahel politics"
)]
pub struct Cli {
    /// The mods folder (default: $HARMATTAN_MODS, else ./mods if it exists).
    #[arg(long, global = true, value_name = "DIR")]
    pub mods: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the game window (the default).
    Play {
        /// A shipped scenario's name or a scenario file.
        scenario: Option<String>,
        /// The state to play (its id, e.g. MLI); observer mode if omitted.
        /// Give it several times for hot-seat: players take turns at one
        /// computer, in the order given.
        #[arg(long = "as", value_name = "ID")]
        play_as: Vec<String>,
        #[arg(long)]
        seed: Option<u64>,
        /// Continue a saved game (F5 in the window saves one).
        #[arg(long, value_name = "FILE", conflicts_with_all = ["scenario", "play_as", "seed"])]
        load: Option<PathBuf>,
    },
    /// Run a scenario headless and report what happened.
    Run {
        scenario: String,
        /// Months to run (default: the scenario's).
        #[arg(long)]
        turns: Option<u32>,
        /// Seed (default: the scenario's).
        #[arg(long)]
        seed: Option<u64>,
        /// One JSON document on standard output instead of the text report.
        #[arg(long)]
        json: bool,
        /// Also write every indicator of every state, month by month, to
        /// this CSV file.
        #[arg(long, value_name = "FILE")]
        history_csv: Option<PathBuf>,
    },
    /// Run many seeded futures in parallel and report probabilities.
    Batch {
        scenario: String,
        #[arg(long)]
        runs: u64,
        #[arg(long)]
        turns: Option<u32>,
        /// Run i uses seed SEED + i.
        #[arg(long)]
        seed: Option<u64>,
        /// Worker threads (default: every core).
        #[arg(long, default_value_t = 0)]
        threads: usize,
        #[arg(long)]
        json: bool,
        /// Also write one row per run and state to this CSV file.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// Run only part I of N of the batch (I from 0) and print its
        /// partial result (JSON) for `harmattan merge`: one batch on many
        /// machines (docs/cluster.md).
        #[arg(long, value_name = "I/N")]
        shard: Option<batch::Shard>,
    },
    /// Add up the partial results of a batch's shards (`batch --shard`)
    /// into the summary one process running every run prints.
    Merge {
        /// Every shard's partial result.
        #[arg(required = true)]
        parts: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Check scenario files (and rule files under a `rules/` folder); print
    /// every problem as FILE:LINE:COL: message.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List the scenarios on offer: shipped ones and the mods folder's.
    Scenarios,
    /// What happens next: many futures from a saved game (or a scenario's
    /// start), with every government computer-run; with --change, the same
    /// futures with one thing changed, side by side.
    Futures {
        /// A save (F5 in the window writes saves/quicksave.ron) or a scenario.
        from: String,
        #[arg(long, default_value_t = 200)]
        runs: u64,
        /// Months ahead.
        #[arg(long, default_value_t = 24)]
        months: u32,
        /// Seed of the futures (default: the game's).
        #[arg(long)]
        seed: Option<u64>,
        /// An effect applied at the start of every future, e.g.
        /// 'LiftSanctions(bloc: "ECOWAS", state: "NER")'.
        #[arg(long, value_name = "EFFECT")]
        change: Option<String>,
        /// Worker threads (default: every core).
        #[arg(long, default_value_t = 0)]
        threads: usize,
        #[arg(long)]
        json: bool,
        /// Also write one row per state to this CSV file.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
    },
    /// Write a commented starting scenario to edit (in the mods folder).
    NewScenario {
        /// File name without `.ron`: lower-case letters, digits and `_`.
        name: String,
        /// Write here instead of MODS/NAME.ron.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Check the model against the historical record, with the same rules
    /// for two periods: futures from January 2020 against 2020–23, and from
    /// August 2023 against 2023–25 (coups, pacts, exits, leaders).
    Calibrate {
        /// Futures to run (default: the record's, 300).
        #[arg(long)]
        runs: Option<u64>,
        /// Future i uses seed SEED + i (default: the record's).
        #[arg(long)]
        seed: Option<u64>,
        /// Worker threads (default: every core).
        #[arg(long, default_value_t = 0)]
        threads: usize,
        /// Check this scenario file instead of the record's (e.g. a copy of
        /// west_africa_2020.ron with tuned `rules`).
        #[arg(long, value_name = "FILE")]
        scenario: Option<PathBuf>,
        /// Check against this record file only (default: both shipped
        /// periods, 2020-23 and 2023-25).
        #[arg(long, value_name = "FILE")]
        record: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

/// The most runs one batch may ask for.
pub const MAX_RUNS: u64 = 1_000_000;

fn check_runs(runs: u64) -> Result<(), Failure> {
    if runs == 0 || runs > MAX_RUNS {
        return Err(Failure(format!("--runs must be between 1 and {MAX_RUNS}")));
    }
    Ok(())
}

fn check_threads(threads: usize) -> Result<(), Failure> {
    if threads > 1024 {
        return Err(Failure("--threads must be at most 1024 (0 means every core)".into()));
    }
    Ok(())
}

/// A failure with the message the user sees.
struct Failure(String);

impl From<scenario::LoadError> for Failure {
    fn from(e: scenario::LoadError) -> Self {
        Failure(format!(
            "{e}\nFix the problems above (see docs/scenarios.md), then try again."
        ))
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // A mods folder asked for by name must exist: a typo would otherwise
    // drop every mod without a word.
    let named = cli.mods.clone().or_else(|| {
        std::env::var_os(scenario::mods::ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    });
    if let Some(dir) = named.filter(|d| !d.is_dir()) {
        let how = if cli.mods.is_some() {
            "--mods"
        } else {
            "$HARMATTAN_MODS"
        };
        eprintln!(
            "error: {how} names {}, which is not a folder; give the mods folder's path (see mods/README.md)",
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    let mods = Mods::locate(cli.mods.as_deref());
    let command = cli.command.unwrap_or(Command::Play {
        scenario: None,
        play_as: Vec::new(),
        seed: None,
        load: None,
    });
    match dispatch(command, &mods) {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn turns_for(s: &Scenario, turns: Option<u32>) -> Result<u32, Failure> {
    let t = turns.unwrap_or(s.file.meta.turns);
    if t == 0 || t > limits::TURNS {
        return Err(Failure(format!("--turns must be between 1 and {}", limits::TURNS)));
    }
    Ok(t)
}

fn dispatch(command: Command, mods: &Mods) -> Result<ExitCode, Failure> {
    match command {
        Command::Play {
            scenario,
            play_as,
            seed,
            load,
        } => match load {
            Some(path) => play_saved(&path, mods),
            None => play(mods, scenario, play_as, seed),
        },
        Command::Run {
            scenario,
            turns,
            seed,
            json,
            history_csv,
        } => {
            let s = mods.resolve(&scenario)?;
            let turns = turns_for(&s, turns)?;
            let seed = seed.unwrap_or(s.file.meta.seed);
            if let Some(path) = &history_csv {
                check_writable(path)?;
            }
            let mut sim = Simulation::new(&s, seed, Detail::Full);
            sim.run(turns);
            if let Some(path) = &history_csv {
                crate::export::write_csv(path, &crate::export::history_rows(sim.world())).map_err(Failure)?;
            }
            let rep = report::build(&sim);
            let out = if json {
                serde_json::to_string_pretty(&rep).map_err(|e| Failure(e.to_string()))? + "\n"
            } else {
                report::text(&rep)
            };
            print_out(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Batch {
            scenario,
            runs,
            turns,
            seed,
            threads,
            json,
            csv,
            shard,
        } => {
            check_runs(runs)?;
            check_threads(threads)?;
            let s = mods.resolve(&scenario)?;
            let turns = turns_for(&s, turns)?;
            let seed = seed.unwrap_or(s.file.meta.seed);
            if let Some(path) = &csv {
                check_writable(path)?;
            }
            let range = shard.map_or(0..runs, |sh| sh.range(runs));
            let bar = progress_bar(range.end - range.start);
            // Runs are folded into the summary, and their rows streamed to
            // the CSV, as they finish: memory does not grow with --runs.
            let mut summary = batch::SummaryBuilder::new(&s);
            let progress = |done| bar.set_position(done);
            match &csv {
                Some(path) => crate::export::write_with(path, |out| {
                    let mut w = csv::Writer::from_writer(out);
                    let mut failed = None;
                    batch::run_range(&s, range.clone(), turns, seed, threads, &progress, &mut |o| {
                        for row in &o.states {
                            if failed.is_none()
                                && let Err(e) = w.serialize(row)
                            {
                                failed = Some(e);
                            }
                        }
                        summary.add(&o);
                    })
                    .map_err(std::io::Error::other)?;
                    if let Some(e) = failed {
                        return Err(std::io::Error::other(e));
                    }
                    w.flush()
                })
                .map_err(Failure)?,
                None => batch::run_range(&s, range.clone(), turns, seed, threads, &progress, &mut |o| {
                    summary.add(&o)
                })
                .map_err(Failure)?,
            }
            bar.finish_and_clear();
            if let Some(shard) = shard {
                let part = batch::Partial {
                    version: env!("CARGO_PKG_VERSION").to_string(),
                    scenario_id: batch::fingerprint(&s),
                    runs,
                    turns,
                    seed,
                    shard,
                    fold: summary,
                };
                let out = serde_json::to_string(&part).map_err(|e| Failure(e.to_string()))? + "\n";
                print_out(&out)?;
                return Ok(ExitCode::SUCCESS);
            }
            let summary = summary.finish(turns, seed);
            let out = if json {
                serde_json::to_string_pretty(&summary).map_err(|e| Failure(e.to_string()))? + "\n"
            } else {
                summary_text(&summary)
            };
            print_out(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Merge { parts, json } => {
            let mut all = Vec::with_capacity(parts.len());
            for path in &parts {
                let (origin, text) = scenario::read_text(path).map_err(|e| Failure(e.to_string()))?;
                let part: batch::Partial = serde_json::from_str(&text).map_err(|e| {
                    Failure(format!(
                        "{origin}: not a shard's partial result ({e}); write them with `harmattan batch --shard I/N`"
                    ))
                })?;
                all.push(part);
            }
            let summary = batch::merge(all).map_err(Failure)?;
            let out = if json {
                serde_json::to_string_pretty(&summary).map_err(|e| Failure(e.to_string()))? + "\n"
            } else {
                summary_text(&summary)
            };
            print_out(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { files } => {
            let mut bad = 0;
            for f in &files {
                // A file in a `rules` folder holds rule overrides.
                if f.parent().and_then(|p| p.file_name()).is_some_and(|n| n == "rules") {
                    let checked = scenario::read_text(f).and_then(|(origin, text)| {
                        scenario::mods::check_rule_file(&origin, &text, &mods.base_rules()?)
                    });
                    match checked {
                        Ok(n) => out!("{}: ok ({n} rule overrides)", f.display()),
                        Err(e) => {
                            bad += 1;
                            out!("{e}");
                        }
                    }
                    continue;
                }
                match mods.load_path(f) {
                    Ok(s) => out!(
                        "{}: ok ({} states, {} powers, {} blocs, {} events)",
                        f.display(),
                        s.file.states.len(),
                        s.file.powers.len(),
                        s.file.blocs.len(),
                        s.file.events.len()
                    ),
                    Err(e) => {
                        bad += 1;
                        out!("{e}");
                    }
                }
            }
            if bad > 0 {
                eprintln!("{bad} of {} file(s) have problems.", files.len());
                Ok(ExitCode::FAILURE)
            } else {
                Ok(ExitCode::SUCCESS)
            }
        }
        Command::Calibrate {
            runs,
            seed,
            threads,
            scenario,
            record,
            json,
        } => {
            if let Some(runs) = runs {
                check_runs(runs)?;
            }
            check_threads(threads)?;
            // Every shipped period, or the one file asked for; `--scenario`
            // stands in for the record's own scenario (the first period's
            // unless a record is named).
            let records: Vec<(String, String)> = match &record {
                Some(path) => {
                    let text = scenario::read_bounded(path, limits::FILE_BYTES, "records")
                        .map_err(|e| Failure(format!("{}: cannot read the record: {e}", path.display())))?;
                    vec![(path.display().to_string(), text)]
                }
                None if scenario.is_some() => vec![(
                    calibration::SHIPPED_RECORDS[0].0.to_string(),
                    calibration::SHIPPED_RECORDS[0].1.to_string(),
                )],
                None => calibration::SHIPPED_RECORDS
                    .iter()
                    .map(|(o, t)| (o.to_string(), t.to_string()))
                    .collect(),
            };
            let mut results = Vec::new();
            for (origin, text) in &records {
                let (record, _) = calibration::load_record(origin, text).map_err(Failure)?;
                // Through the mods folder, so that its rule overrides count.
                let s = match &scenario {
                    Some(path) => mods.load_path(path)?,
                    None => mods.resolve(&record.scenario)?,
                };
                calibration::covers(&record, &s).map_err(Failure)?;
                let bar = progress_bar(runs.unwrap_or(record.runs));
                let result = calibration::run(&record, &s, runs, seed, threads, &|done| bar.set_position(done))
                    .map_err(Failure)?;
                bar.finish_and_clear();
                results.push(result);
            }
            let out = if json {
                serde_json::to_string_pretty(&results).map_err(|e| Failure(e.to_string()))? + "\n"
            } else {
                results.iter().map(calibration::text).collect::<Vec<_>>().join("\n")
            };
            print_out(&out)?;
            Ok(if results.iter().all(|r| r.passed) {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Scenarios => {
            for l in mods.list() {
                let title = match mods.resolve(&l.name) {
                    Ok(s) => s.file.meta.name,
                    Err(e) => format!(
                        "(does not load: {} problem(s); run `harmattan validate {}`)",
                        e.problems.len(),
                        l.source
                    ),
                };
                let from = if l.source == "shipped" {
                    String::new()
                } else {
                    format!("  [{}]", l.source)
                };
                out!("{:<22} {title}{from}", l.name);
            }
            if let Some(d) = &mods.dir {
                out!("\nMods folder: {}", d.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::NewScenario { name, out } => new_scenario(mods, &name, out),
        Command::Futures {
            from,
            runs,
            months,
            seed,
            change,
            threads,
            json,
            csv,
        } => futures(mods, &from, runs, months, seed, change.as_deref(), threads, json, csv),
    }
}

/// A progress bar on standard error (hidden when it is not a terminal).
fn progress_bar(runs: u64) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(Some(runs), indicatif::ProgressDrawTarget::stderr());
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} runs  {elapsed} (eta {eta})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
fn print_out(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure(format!("cannot write the output: {e}"))),
        _ => Ok(()),
    }
}

fn check_writable(path: &Path) -> Result<(), Failure> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Failure(format!(
            "cannot write {}: the folder {} does not exist",
            path.display(),
            dir.display()
        )));
    }
    if path.is_dir() {
        return Err(Failure(format!(
            "cannot write {}: it is a folder; give a file name",
            path.display()
        )));
    }
    Ok(())
}

fn summary_text(s: &batch::Summary) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} runs × {} turns, seeds {}…\n",
        s.scenario, s.runs, s.turns, s.seed
    );
    let _ = writeln!(
        out,
        "  {:<4} {:<26} {:>7} {:>7} {:>9}  membership at the end",
        "id", "name", "P(coup)", "coups", "stability"
    );
    for st in &s.states {
        let members: Vec<String> = st
            .p_member
            .iter()
            .map(|(b, p)| format!("{b} {:.0}%", p * 100.0))
            .collect();
        let _ = writeln!(
            out,
            "  {:<4} {:<26} {:>6.1}% {:>7.2} {:>9.1}  {}",
            st.id,
            st.name.chars().take(26).collect::<String>(),
            st.p_coup * 100.0,
            st.mean_coups,
            st.mean_final_stability,
            members.join(", ")
        );
    }
    let _ = writeln!(out, "\n  Blocs existing at the end");
    for b in &s.blocs {
        let _ = writeln!(out, "  {:<10} {:>6.1}%", b.id, b.p_exists * 100.0);
    }
    out
}

/// The game the futures start from: a save, or a scenario's start.
fn futures_start(mods: &Mods, from: &str) -> Result<crate::save::SaveFile, Failure> {
    let path = Path::new(from);
    if path.is_file() {
        match crate::save::read(path) {
            Ok(file) => return Ok(file),
            // A damaged save gets its own message, not a scenario's.
            Err(e) if crate::save::looks_like_save(path) => return Err(Failure(e.to_string())),
            Err(_) => {}
        }
    }
    let s = mods.resolve(from)?;
    let sim = Simulation::new(&s, s.file.meta.seed, Detail::Full);
    Ok(crate::save::capture_simulation(&sim, &s))
}

#[allow(clippy::too_many_arguments)]
fn futures(
    mods: &Mods,
    from: &str,
    runs: u64,
    months: u32,
    seed: Option<u64>,
    change: Option<&str>,
    threads: usize,
    json: bool,
    csv: Option<PathBuf>,
) -> Result<ExitCode, Failure> {
    check_runs(runs)?;
    if months == 0 || months > limits::TURNS {
        return Err(Failure(format!("--months must be between 1 and {}", limits::TURNS)));
    }
    check_threads(threads)?;
    let change = change.map(crate::futures::parse_change).transpose().map_err(Failure)?;
    if let Some(path) = &csv {
        check_writable(path)?;
    }
    let file = futures_start(mods, from)?;
    let spec = crate::futures::FuturesSpec {
        runs,
        months,
        seed: seed.unwrap_or(file.seed),
        change: None,
        threads,
    };
    let sets = if change.is_some() { 2 } else { 1 };
    let bar = progress_bar(runs * sets);
    let base = crate::futures::run(&file, &spec, &|d| bar.set_position(d)).map_err(Failure)?;
    let changed = match change {
        Some(c) => {
            let spec = crate::futures::FuturesSpec {
                change: Some(c),
                ..spec.clone()
            };
            Some(crate::futures::run(&file, &spec, &|d| bar.set_position(runs + d)).map_err(Failure)?)
        }
        None => None,
    };
    bar.finish_and_clear();
    let comparison = crate::futures::Comparison {
        changed: changed.clone().unwrap_or_else(|| base.clone()),
        base: base.clone(),
    };
    if let Some(path) = &csv {
        let rows = crate::futures::csv_rows(&comparison);
        crate::export::write_csv(path, &rows).map_err(Failure)?;
    }
    let out = if json {
        let value = match &changed {
            Some(_) => serde_json::to_string_pretty(&comparison),
            None => serde_json::to_string_pretty(&base),
        };
        value.map_err(|e| Failure(e.to_string()))? + "\n"
    } else {
        futures_text(&base, changed.as_ref())
    };
    print_out(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn futures_text(base: &crate::futures::FuturesReport, changed: Option<&crate::futures::FuturesReport>) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} futures of {} months from {}, seeds from {}",
        base.scenario, base.runs, base.months, base.from, base.seed
    );
    if let Some(c) = changed {
        let _ = writeln!(out, "Change: {}", c.change.as_deref().unwrap_or(""));
        let _ = writeln!(
            out,
            "\n  {:<4} {:<26} {:>15} {:>15} {:>15}",
            "id", "name", "P(coup)", "P(new blocs)", "P(lose ground)"
        );
        for (a, b) in base.states.iter().zip(&c.states) {
            let pair = |x: f64, y: f64| format!("{:>5.1}→{:>5.1}%", x * 100.0, y * 100.0);
            let _ = writeln!(
                out,
                "  {:<4} {:<26} {:>15} {:>15} {:>15}",
                a.id,
                a.name,
                pair(a.p_coup, b.p_coup),
                pair(a.p_bloc_change, b.p_bloc_change),
                pair(a.p_territory_loss, b.p_territory_loss)
            );
        }
    } else {
        let _ = writeln!(
            out,
            "\n  {:<4} {:<26} {:>8} {:>12} {:>14} {:>18}",
            "id", "name", "P(coup)", "P(new blocs)", "P(lose ground)", "stability p10–p90"
        );
        for s in &base.states {
            let end = s.fans[0].months.last().copied();
            let band = end.map(|b| format!("{:.0}–{:.0}", b.p10, b.p90)).unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:<4} {:<26} {:>7.1}% {:>11.1}% {:>13.1}% {:>18}",
                s.id,
                s.name,
                s.p_coup * 100.0,
                s.p_bloc_change * 100.0,
                s.p_territory_loss * 100.0,
                band
            );
        }
    }
    out
}

/// Writes the commented starting scenario, never over an existing file.
fn new_scenario(mods: &Mods, name: &str, out: Option<PathBuf>) -> Result<ExitCode, Failure> {
    let valid = !name.is_empty()
        && name.len() <= 40
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !valid {
        return Err(Failure(format!(
            "`{name}` is not a scenario name: use 1 to 40 lower-case letters, digits and `_` (e.g. `lake_chad_2015`)"
        )));
    }
    if shipped::find(name).is_some() {
        return Err(Failure(format!(
            "`{name}` is the name of a shipped scenario; choose another"
        )));
    }
    let path = out.unwrap_or_else(|| {
        mods.dir
            .clone()
            .unwrap_or_else(|| PathBuf::from("mods"))
            .join(format!("{name}.ron"))
    });
    if path.exists() {
        return Err(Failure(format!(
            "{} already exists; it was left as it is. Choose another name or --out FILE.",
            path.display()
        )));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Failure(format!("cannot create {}: {e}", dir.display())))?;
    }
    let text = scenario::template::new_scenario(name);
    // `create_new`: a file that appeared meanwhile is not overwritten either.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| Failure(format!("cannot write {}: {e}", path.display())))?;
    file.write_all(text.as_bytes())
        .map_err(|e| Failure(format!("cannot write {}: {e}", path.display())))?;
    out!("Wrote {}.", path.display());
    out!("Next: edit it (docs/scenarios.md explains every field), then");
    out!("  harmattan validate {}", path.display());
    out!("  harmattan run {}", path.display());
    Ok(ExitCode::SUCCESS)
}

#[cfg(feature = "gui")]
fn play(mods: &Mods, scenario: Option<String>, play_as: Vec<String>, seed: Option<u64>) -> Result<ExitCode, Failure> {
    let scenario_given = scenario.clone();
    let name = scenario.unwrap_or_else(|| shipped::SHIPPED[0].name.to_string());
    let s = mods.resolve(&name)?;
    for (i, id) in play_as.iter().enumerate() {
        if play_as[..i].contains(id) {
            return Err(Failure(format!("`{id}` is given twice to --as: one player per state")));
        }
    }
    if let Some(id) = play_as.iter().find(|id| !s.file.meta.playable.contains(id)) {
        return Err(Failure(format!(
            "`{id}` is not playable in {}; playable states: {}",
            s.file.meta.name,
            if s.file.meta.playable.is_empty() {
                "none (observer only)".to_string()
            } else {
                s.file.meta.playable.join(", ")
            }
        )));
    }
    let seed = seed.unwrap_or(s.file.meta.seed);
    check_display()?;
    // Without a scenario, the menu opens over the first shipped one.
    let open_menu = scenario_given.is_none();
    crate::gui::run(s, play_as, seed, None, mods.clone(), open_menu);
    Ok(ExitCode::SUCCESS)
}

/// Without a display the windowing library would panic; say so plainly.
#[cfg(feature = "gui")]
fn check_display() -> Result<(), Failure> {
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        return Err(Failure(
            "no display to open the game window on (neither DISPLAY nor WAYLAND_DISPLAY is set). \
             Run it from a desktop session or under Xvfb (see README), or use `harmattan run` / `batch` headless."
                .into(),
        ));
    }
    Ok(())
}

/// Opens a saved game, after checking it replays (so a bad save fails here,
/// with its reason, not in the window).
#[cfg(feature = "gui")]
fn play_saved(path: &Path, mods: &Mods) -> Result<ExitCode, Failure> {
    let shown = path.display().to_string();
    let file = crate::save::read(path).map_err(|e| Failure(e.to_string()))?;
    crate::save::load_simulation(&file, &shown).map_err(|e| Failure(e.to_string()))?;
    let scenario = crate::save::scenario_of(&file, &shown).map_err(|e| Failure(e.to_string()))?;
    check_display()?;
    let seed = file.seed;
    crate::gui::run(scenario, Vec::new(), seed, Some((file, shown)), mods.clone(), false);
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn play_saved(_: &Path, _: &Mods) -> Result<ExitCode, Failure> {
    play(&Mods::none(), None, Vec::new(), None)
}

#[cfg(not(feature = "gui"))]
fn play(_: &Mods, _: Option<String>, _: Vec<String>, _: Option<u64>) -> Result<ExitCode, Failure> {
    Err(Failure(
        "this build has no game window (it was built without the `gui` feature). \
         Rebuild with `cargo build --features gui`, or use `harmattan run`, `batch` or `validate`."
            .into(),
    ))
}
