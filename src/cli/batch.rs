//! `harmattan batch`: many seeded futures, their probabilities, and one
//! shard of a batch run on many machines.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{Failure, ThreadsArg, check_writable, print_out, progress_bar};
use crate::batch;
use crate::i18n::Locale;
use crate::scenario::mods::Mods;
use crate::sim::world::said::text_key;

/// Run many seeded futures in parallel and report probabilities.
#[derive(Debug, Args)]
pub struct BatchArgs {
    pub scenario: String,
    /// Futures to run (1 to 1,000,000).
    #[arg(long, value_parser = super::runs_parser())]
    pub runs: u64,
    /// Months each run (default: the scenario's).
    #[arg(long, value_parser = super::months_parser())]
    pub turns: Option<u32>,
    /// Run i uses seed SEED + i.
    #[arg(long)]
    pub seed: Option<u64>,
    #[command(flatten)]
    pub threads: ThreadsArg,
    /// The summary as one JSON document instead of text.
    #[arg(long)]
    pub json: bool,
    /// Also write one row per run and state to this CSV file.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Run only part I of N of the batch (I from 0) and print its
    /// partial result (JSON) for `harmattan merge`: one batch on many
    /// machines (docs/cluster.md).
    #[arg(long, value_name = "I/N")]
    pub shard: Option<batch::Shard>,
}

pub fn run(args: BatchArgs, mods: &Mods, lang: crate::i18n::Lang) -> Result<ExitCode, Failure> {
    let BatchArgs {
        scenario,
        runs,
        turns,
        seed,
        threads: ThreadsArg { threads },
        json,
        csv,
        shard,
    } = args;
    let s = mods.resolve(&scenario)?;
    // A scenario's own length was checked with the scenario.
    let turns = turns.unwrap_or(s.file.meta.turns);
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
    print_summary(&summary.finish(turns, seed), json, &super::locale(lang, Some(&s)))
}

/// A batch's summary on standard output, as text or one JSON document.
pub(super) fn print_summary(summary: &batch::Summary, json: bool, loc: &Locale) -> Result<ExitCode, Failure> {
    let out = if json {
        serde_json::to_string_pretty(summary).map_err(|e| Failure(e.to_string()))? + "\n"
    } else {
        summary_text(summary, loc)
    };
    print_out(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn summary_text(s: &batch::Summary, loc: &Locale) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}\n",
        loc.t_args(
            "batch-title",
            &crate::args![
                "scenario" => loc.text("scenario-name", &s.scenario).into_owned(),
                "runs" => s.runs,
                "turns" => s.turns,
                "seed" => s.seed.to_string(),
            ]
        )
    );
    let _ = writeln!(
        out,
        "  {:<4} {:<26} {:>7} {:>7} {:>9}  {}",
        loc.t("report-col-id"),
        loc.t("report-col-name"),
        loc.t("batch-col-coup"),
        loc.t("batch-col-coups"),
        loc.t("batch-col-stability"),
        loc.t("batch-col-membership"),
    );
    for st in &s.states {
        let members: Vec<String> = st
            .p_member
            .iter()
            .map(|(b, p)| format!("{b} {}", loc.percent(*p, 0)))
            .collect();
        let name = loc.text(&text_key("state", &st.id), &st.name);
        let _ = writeln!(
            out,
            "  {:<4} {:<26} {:>7} {:>7} {:>9}  {}",
            st.id,
            name.chars().take(26).collect::<String>(),
            loc.percent(st.p_coup, 1),
            loc.number(st.mean_coups, 2),
            loc.number(st.mean_final_stability, 1),
            members.join(", ")
        );
    }
    let _ = writeln!(out, "\n  {}", loc.t("batch-blocs"));
    for b in &s.blocs {
        let _ = writeln!(out, "  {:<10} {:>7}", b.id, loc.percent(b.p_exists, 1));
    }
    out
}
