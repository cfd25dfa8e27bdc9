//! `harmattan validate`: every problem of scenario and rule files, at
//! line and column.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::Failure;
use crate::scenario;
use crate::scenario::mods::Mods;

/// Check scenario files (and rule files under a `rules/` folder); print
/// every problem as FILE:LINE:COL: message, and every warning (what passes
/// but may not do what was meant) as FILE:LINE:COL: warning: message.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub strict: bool,
}

pub fn run(args: ValidateArgs, mods: &Mods) -> Result<ExitCode, Failure> {
    let ValidateArgs { files, strict } = args;
    let mut bad = 0;
    for f in &files {
        // A file in a `rules` folder holds rule overrides.
        if f.parent().and_then(|p| p.file_name()).is_some_and(|n| n == "rules") {
            let checked = scenario::read_text(f)
                .and_then(|(origin, text)| scenario::mods::check_rule_file(&origin, &text, &mods.base_rules()?));
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
            Ok(s) => {
                for w in s.warning_lines() {
                    out!("{w}");
                }
                if strict && !s.warnings.is_empty() {
                    bad += 1;
                    out!(
                        "{}: {} warning(s), failed under --strict",
                        f.display(),
                        s.warnings.len()
                    );
                    continue;
                }
                out!(
                    "{}: ok ({} states, {} powers, {} blocs, {} events{})",
                    f.display(),
                    s.file.states.len(),
                    s.file.powers.len(),
                    s.file.blocs.len(),
                    s.file.events.len(),
                    s.file
                        .history
                        .as_ref()
                        .map(|h| format!(", a record of {} turning points to {}", h.points.len(), h.until))
                        .unwrap_or_default()
                );
            }
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
