//! `harmattan merge`: a batch's shards added up.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::Failure;
use super::batch::print_summary;
use crate::batch;
use crate::scenario;

/// Add up the partial results of a batch's shards (`batch --shard`)
/// into the summary one process running every run prints.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Every shard's partial result.
    #[arg(required = true)]
    pub parts: Vec<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: MergeArgs, lang: crate::i18n::Lang) -> Result<ExitCode, Failure> {
    let MergeArgs { parts, json } = args;
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
    // The shipped scenario of that name, if it is one, gives its words.
    let scenario = scenario::shipped::SHIPPED
        .iter()
        .find(|s| s.text.contains(&format!("name: \"{}\"", summary.scenario)))
        .and_then(|s| crate::scenario::mods::Mods::none().resolve(s.name).ok());
    print_summary(&summary, json, &super::locale(lang, scenario.as_ref()))
}
