//! `harmattan futures`: what happens next, from a save or a scenario's
//! start, with and without one thing changed.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use std::path::Path;

use super::{Failure, ThreadsArg, check_writable, print_out, progress_bar};
use crate::scenario::mods::Mods;
use crate::sim::{Detail, Simulation};

/// What happens next: many futures from a saved game (or a scenario's
/// start), with every government computer-run; with --change, the same
/// futures with one thing changed, side by side.
#[derive(Debug, Args)]
pub struct FuturesArgs {
    /// A save (F5 in the window writes saves/quicksave.ron) or a scenario.
    pub from: String,
    #[arg(long, default_value_t = 200, value_parser = super::runs_parser())]
    pub runs: u64,
    /// Months ahead.
    #[arg(long, default_value_t = 24, value_parser = super::months_parser())]
    pub months: u32,
    /// Seed of the futures (default: the game's).
    #[arg(long)]
    pub seed: Option<u64>,
    /// An effect applied at the start of every future, e.g.
    /// 'LiftSanctions(bloc: "ECOWAS", state: "NER")'.
    #[arg(long, value_name = "EFFECT")]
    pub change: Option<String>,
    #[command(flatten)]
    pub threads: ThreadsArg,
    #[arg(long)]
    pub json: bool,
    /// Also write one row per state to this CSV file.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
}

pub fn run(args: FuturesArgs, mods: &Mods, lang: crate::i18n::Lang) -> Result<ExitCode, Failure> {
    let FuturesArgs {
        from,
        runs,
        months,
        seed,
        change,
        threads: ThreadsArg { threads },
        json,
        csv,
    } = args;
    let change = change.as_deref();
    let from = from.as_str();
    let change = change
        .map(crate::futures::parse_change)
        .transpose()
        .map_err(|e| Failure(e.said_in(super::words())))?;
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
        background: false,
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
        // The scenario the futures start from, for its words.
        let scenario = crate::scenario::load(&file.origin, &file.scenario).ok().map(|mut s| {
            if let Some(shipped) = crate::scenario::shipped::SHIPPED
                .iter()
                .find(|x| x.text == file.scenario)
            {
                s.translations = mods.resolve(shipped.name).map(|x| x.translations).unwrap_or_default();
            }
            s
        });
        futures_text(&base, changed.as_ref(), &super::locale(lang, scenario.as_ref()))
    };
    print_out(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// The game the futures start from: a save, or a scenario's start.
fn futures_start(mods: &Mods, from: &str) -> Result<crate::save::SaveFile, Failure> {
    let path = Path::new(from);
    if path.is_file() {
        match crate::save::read(path) {
            Ok(file) => return Ok(file),
            // A damaged save gets its own message, not a scenario's.
            Err(e) if crate::save::looks_like_save(path) => return Err(Failure(e.said_in(super::words()))),
            Err(_) => {}
        }
    }
    let s = mods.resolve(from)?;
    let sim = Simulation::new(&s, s.file.meta.seed, Detail::Full);
    Ok(crate::save::capture_simulation(&sim, &s))
}

fn futures_text(
    base: &crate::futures::FuturesReport,
    changed: Option<&crate::futures::FuturesReport>,
    loc: &crate::i18n::Locale,
) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let from = crate::scenario::YearMonth::parse(&base.from).map_or_else(|_| base.from.clone(), |d| loc.month(d));
    let _ = writeln!(
        out,
        "{}",
        loc.t_args(
            "futures-report-title",
            &crate::args![
                "scenario" => loc.text("scenario-name", &base.scenario).into_owned(),
                "runs" => base.runs,
                "months" => base.months,
                "from" => from,
                "seed" => base.seed.to_string(),
            ]
        )
    );
    let name = |id: &str, written: &str| {
        loc.text(&crate::sim::world::said::text_key("state", id), written)
            .into_owned()
    };
    if let Some(c) = changed {
        let change = c.change.as_deref().unwrap_or("");
        let _ = writeln!(
            out,
            "{}",
            loc.t_args("futures-change", &crate::args!["change" => change])
        );
        let _ = writeln!(
            out,
            "\n  {:<4} {:<26} {:>15} {:>15} {:>15}",
            loc.t("report-col-id"),
            loc.t("report-col-name"),
            loc.t("futures-col-coup"),
            loc.t("futures-col-blocs"),
            loc.t("futures-col-ground")
        );
        for (a, b) in base.states.iter().zip(&c.states) {
            let pair = |x: f64, y: f64| format!("{}→{}", loc.number(x * 100.0, 1), loc.percent(y, 1));
            let _ = writeln!(
                out,
                "  {:<4} {:<26} {:>15} {:>15} {:>15}",
                a.id,
                name(&a.id, &a.name),
                pair(a.p_coup, b.p_coup),
                pair(a.p_bloc_change, b.p_bloc_change),
                pair(a.p_territory_loss, b.p_territory_loss)
            );
        }
    } else {
        let _ = writeln!(
            out,
            "\n  {:<4} {:<26} {:>8} {:>12} {:>14} {:>18}",
            loc.t("report-col-id"),
            loc.t("report-col-name"),
            loc.t("futures-col-coup"),
            loc.t("futures-col-blocs"),
            loc.t("futures-col-ground"),
            loc.t("futures-col-band")
        );
        for s in &base.states {
            let end = s.fans[0].months.last().copied();
            let band = end
                .map(|b| format!("{}–{}", loc.number(b.p10, 0), loc.number(b.p90, 0)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:<4} {:<26} {:>8} {:>12} {:>14} {:>18}",
                s.id,
                name(&s.id, &s.name),
                loc.percent(s.p_coup, 1),
                loc.percent(s.p_bloc_change, 1),
                loc.percent(s.p_territory_loss, 1),
                band
            );
        }
    }
    // The record beside the futures, where the scenario has one.
    if !base.what_happened.is_empty() {
        let _ = writeln!(out, "\n{}", loc.t("futures-record"));
        for (id, list) in &base.befell {
            let said = crate::futures::befell_text(loc, list);
            let _ = writeln!(out, "  {id:<4} {said}");
        }
    }
    out
}
