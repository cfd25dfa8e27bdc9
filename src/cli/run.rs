//! `harmattan run`: a scenario headless, and what happened.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{Failure, check_writable, print_out};
use crate::report;
use crate::scenario::mods::Mods;
use crate::sim::{Detail, Simulation};

/// Run a scenario headless and report what happened.
#[derive(Debug, Args)]
pub struct RunArgs {
    pub scenario: String,
    /// Months to run (default: the scenario's).
    #[arg(long, value_parser = super::months_parser())]
    pub turns: Option<u32>,
    /// Seed (default: the scenario's).
    #[arg(long)]
    pub seed: Option<u64>,
    /// One JSON document on standard output instead of the text report.
    #[arg(long)]
    pub json: bool,
    /// The history option: the record's turning points (coups, pacts,
    /// exits) happen on their dates, for scenarios that have one.
    #[arg(long)]
    pub history: bool,
    /// Also write every indicator of every state, month by month, to
    /// this CSV file.
    #[arg(long, value_name = "FILE")]
    pub history_csv: Option<PathBuf>,
}

pub fn run(args: RunArgs, mods: &Mods, lang: crate::i18n::Lang) -> Result<ExitCode, Failure> {
    let RunArgs {
        scenario,
        turns,
        seed,
        json,
        history,
        history_csv,
    } = args;
    let s = mods.resolve(&scenario)?.with_history(history).map_err(Failure)?;
    for w in s.warning_lines() {
        eprintln!("{w}");
    }
    // A scenario's own length was checked with the scenario.
    let turns = turns.unwrap_or(s.file.meta.turns);
    let seed = seed.unwrap_or(s.file.meta.seed);
    if let Some(path) = &history_csv {
        check_writable(path)?;
    }
    let mut sim = Simulation::new(&s, seed, Detail::Full);
    sim.run(turns);
    if let Some(path) = &history_csv {
        crate::export::write_csv(path, &crate::export::history_rows(sim.world())).map_err(Failure)?;
    }
    let loc = super::locale(lang, Some(&s));
    let rep = report::build_in(&sim, &loc);
    let out = if json {
        serde_json::to_string_pretty(&rep).map_err(|e| Failure(e.to_string()))? + "\n"
    } else {
        report::text(&rep, &loc)
    };
    print_out(&out)?;
    Ok(ExitCode::SUCCESS)
}
