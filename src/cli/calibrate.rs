//! `harmattan calibrate`: the model against the historical record.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{Failure, ThreadsArg, print_out, progress_bar};
use crate::calibration;
use crate::scenario::mods::Mods;
use crate::scenario::{self, limits};

/// Check the model against the historical record, with the same rules
/// for two periods: futures from January 2020 against 2020–23, and from
/// August 2023 against 2023–25 (coups, pacts, exits, leaders).
#[derive(Debug, Args)]
pub struct CalibrateArgs {
    /// Futures to run (default: the record's, 300).
    #[arg(long, value_parser = super::runs_parser())]
    pub runs: Option<u64>,
    /// Future i uses seed SEED + i (default: the record's).
    #[arg(long)]
    pub seed: Option<u64>,
    #[command(flatten)]
    pub threads: ThreadsArg,
    /// Check this scenario file instead of the record's (e.g. a copy of
    /// west_africa_2020.ron with tuned `rules`).
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<PathBuf>,
    /// Check against this record file only (default: both shipped
    /// periods, 2020-23 and 2023-25).
    #[arg(long, value_name = "FILE")]
    pub record: Option<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: CalibrateArgs, mods: &Mods, lang: crate::i18n::Lang) -> Result<ExitCode, Failure> {
    let CalibrateArgs {
        runs,
        seed,
        threads: ThreadsArg { threads },
        scenario,
        record,
        json,
    } = args;
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
        let result =
            calibration::run(&record, &s, runs, seed, threads, &|done| bar.set_position(done)).map_err(Failure)?;
        bar.finish_and_clear();
        results.push(result);
    }
    let out = if json {
        serde_json::to_string_pretty(&results).map_err(|e| Failure(e.to_string()))? + "\n"
    } else {
        let loc = crate::i18n::Locale::new(lang);
        results
            .iter()
            .map(|c| calibration::text(c, &loc))
            .collect::<Vec<_>>()
            .join("\n")
    };
    print_out(&out)?;
    Ok(if results.iter().all(|r| r.passed) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
