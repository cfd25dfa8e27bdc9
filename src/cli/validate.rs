//! `harmattan validate`: every problem of scenario and rule files, at
//! line and column; as text for a person, or as JSON for an editor or a
//! CI job.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::Failure;
use crate::scenario::mods::Mods;
use crate::scenario::{self, LoadError, Problem};

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
    /// `json`: one JSON array of every problem and warning, each with
    /// file, line, column, severity, message and suggestion.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// One problem, as `--format json` gives it.
#[derive(Debug, Serialize)]
struct Finding {
    file: String,
    line: usize,
    column: usize,
    /// `error` or `warning`.
    severity: &'static str,
    message: String,
    /// The id or name the message suggests instead, if any.
    suggestion: Option<String>,
}

impl Finding {
    fn new(file: &str, p: &Problem, severity: &'static str) -> Self {
        // Messages end their suggestion as "did you mean `X`?".
        let suggestion = p
            .message
            .rsplit_once("did you mean `")
            .and_then(|(_, rest)| rest.split_once('`'))
            .map(|(s, _)| s.to_string());
        Self {
            file: file.to_string(),
            line: p.line,
            column: p.col,
            severity,
            message: p.message.clone(),
            suggestion,
        }
    }
}

/// What became of one file: its summary line and its findings.
struct Checked {
    summary: Option<String>,
    errors: Vec<Finding>,
    warnings: Vec<Finding>,
}

fn check(f: &std::path::Path, mods: &Mods) -> Result<Checked, Failure> {
    let from_error = |e: LoadError| Checked {
        summary: None,
        errors: e.problems.iter().map(|p| Finding::new(&e.file, p, "error")).collect(),
        warnings: Vec::new(),
    };
    // A file in a `rules` folder holds rule overrides.
    if f.parent().and_then(|p| p.file_name()).is_some_and(|n| n == "rules") {
        let checked = scenario::read_text(f)
            .and_then(|(origin, text)| scenario::mods::check_rule_file(&origin, &text, &mods.base_rules()?));
        return Ok(match checked {
            Ok(n) => Checked {
                summary: Some(super::say(
                    "cli-validate-rules-ok",
                    &crate::args!["file" => f.display().to_string(), "rules" => n],
                )),
                errors: Vec::new(),
                warnings: Vec::new(),
            },
            Err(e) => from_error(e),
        });
    }
    Ok(match mods.load_path(f) {
        Ok(s) => {
            let (errors, mut warnings) = translations(&s);
            warnings.extend(s.warnings.iter().map(|w| Finding::new(&s.origin, w, "warning")));
            Checked {
                summary: Some(super::say(
                    "cli-validate-ok",
                    &crate::args![
                        "file" => f.display().to_string(),
                        "states" => s.file.states.len(),
                        "powers" => s.file.powers.len(),
                        "blocs" => s.file.blocs.len(),
                        "events" => s.file.events.len(),
                        "points" => s.file.history.as_ref().map_or(0, |h| h.points.len()),
                        "until" => s.file.history.as_ref().map(|h| h.until.to_string()).unwrap_or_default(),
                    ],
                )),
                errors,
                warnings,
            }
        }
        Err(e) => from_error(e),
    })
}

/// The problems of a scenario's translations (`NAME.LANG.ftl` beside it):
/// syntax errors are errors; a text not translated (shown in the
/// scenario's own words) or a key the scenario lacks is a warning.
fn translations(s: &scenario::Scenario) -> (Vec<Finding>, Vec<Finding>) {
    use crate::i18n::template;
    let entries = template::entries(&s.file);
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    for t in &s.translations {
        let finding = |line: usize, column: usize, message: String| Problem {
            line,
            col: column,
            message,
        };
        let (_, syntax) = crate::i18n::parse(&t.text);
        for p in syntax {
            let message = format!("not Fluent: {}; see docs/scenarios.md, \"Translations\"", p.message);
            errors.push(Finding::new(&t.origin, &finding(p.line, p.column, message), "error"));
        }
        let (missing, unknown) = template::compare(&entries, &t.text);
        for (key, line) in unknown {
            let message = format!("`{key}` is not a text of this scenario (a typo, or a text since removed)");
            warnings.push(Finding::new(&t.origin, &finding(line, 1, message), "warning"));
        }
        if !missing.is_empty() {
            let shown: Vec<&str> = missing.iter().take(12).map(String::as_str).collect();
            let message = format!(
                "{} of {} texts are not translated into `{}` and show in the scenario's own words: {}{}; `harmattan translation {} --into {}` writes them out",
                missing.len(),
                entries.len(),
                t.lang,
                shown.join(", "),
                if missing.len() > shown.len() { ", …" } else { "" },
                s.origin,
                t.lang
            );
            warnings.push(Finding::new(&t.origin, &finding(1, 1, message), "warning"));
        }
    }
    (errors, warnings)
}

pub fn run(args: ValidateArgs, mods: &Mods) -> Result<ExitCode, Failure> {
    let ValidateArgs { files, strict, format } = args;
    let mut bad = 0;
    let mut all: Vec<Finding> = Vec::new();
    for f in &files {
        let c = check(f, mods)?;
        let failed = !c.errors.is_empty() || (strict && !c.warnings.is_empty());
        if failed {
            bad += 1;
        }
        if format == Format::Text {
            for w in c.warnings.iter().chain(&c.errors) {
                let tag = if w.severity == "warning" { "warning: " } else { "" };
                out!("{}:{}:{}: {tag}{}", w.file, w.line, w.column, w.message);
            }
            match (&c.summary, failed) {
                (Some(summary), false) => out!("{summary}"),
                (Some(_), true) => out!(
                    "{}",
                    super::say(
                        "cli-validate-strict",
                        &crate::args!["file" => f.display().to_string(), "warnings" => c.warnings.len()],
                    )
                ),
                (None, _) => {}
            }
        }
        all.extend(c.errors.into_iter().chain(c.warnings));
    }
    if format == Format::Json {
        let text = serde_json::to_string_pretty(&all).map_err(|e| Failure(e.to_string()))?;
        out!("{text}");
    }
    if bad > 0 {
        eprintln!(
            "{}",
            super::say("cli-validate-bad", &crate::args!["bad" => bad, "files" => files.len()])
        );
        Ok(ExitCode::FAILURE)
    } else {
        Ok(ExitCode::SUCCESS)
    }
}
