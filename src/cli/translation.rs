//! `harmattan translation`: the file a translator of a scenario (or of the
//! decision catalogues) fills in, and the check of one already written.

use std::process::ExitCode;

use clap::Args;

use super::{Failure, print_out};
use crate::i18n::{Lang, template};
use crate::scenario::mods::Mods;

/// Write the texts of a scenario to translate, or check a translation.
#[derive(Debug, Args)]
pub struct TranslationArgs {
    /// A scenario (name or path); without one, the shipped decision
    /// catalogues.
    pub scenario: Option<String>,
    /// The language to translate into (default: the one of `--lang`).
    #[arg(long = "into", value_name = "LANG", value_parser = super::lang_parser)]
    pub into: Option<Lang>,
    /// Check the scenario's translation into that language instead: list
    /// the texts it lacks and the keys the scenario does not have.
    #[arg(long)]
    pub check: bool,
    /// With --check: the translation file to check (default: the one next
    /// to the scenario, or the shipped one).
    #[arg(long, value_name = "FILE", requires = "check")]
    pub file: Option<std::path::PathBuf>,
}

pub fn run(args: TranslationArgs, mods: &Mods, lang: Lang) -> Result<ExitCode, Failure> {
    let into = args.into.unwrap_or(lang);
    let (entries, translation) = match &args.scenario {
        Some(name) => {
            let s = mods.resolve(name)?;
            let t = s.translation(into.code()).map(|t| (t.origin.clone(), t.text.clone()));
            (template::entries(&s.file), t)
        }
        None => {
            let catalogue = crate::scenario::catalogue::shipped_catalogue()
                .map_err(|e| Failure(format!("the shipped decision catalogue does not parse: {e}")))?;
            let text = into
                .file("catalogue.ftl")
                .map(|t| (format!("assets/i18n/{}/catalogue.ftl", into.code()), t.to_string()));
            (template::catalogue_entries(&catalogue), text)
        }
    };
    if !args.check {
        print_out(&template::write(&entries, into.code()))?;
        return Ok(ExitCode::SUCCESS);
    }
    let translation = match &args.file {
        Some(path) => Some((
            path.display().to_string(),
            crate::scenario::read_bounded(path, crate::scenario::limits::FILE_BYTES, "translation files")
                .map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?,
        )),
        None => translation,
    };
    let Some((origin, text)) = translation else {
        return Err(Failure(format!(
            "there is no translation into `{into}` to check; write one with `harmattan translation {} --into {into}`",
            args.scenario.as_deref().unwrap_or_default()
        )));
    };
    let (_, syntax) = crate::i18n::parse(&text);
    let (missing, unknown) = template::compare(&entries, &text);
    for p in &syntax {
        eprintln!("{origin}:{}:{}: error: {}", p.line, p.column, p.message);
    }
    for (key, line) in &unknown {
        eprintln!(
            "{origin}:{line}:1: warning: `{key}` is not a text of this scenario (a typo, or a text since removed)"
        );
    }
    for key in &missing {
        eprintln!("{origin}: warning: `{key}` is not translated; it is shown in the scenario's own words");
    }
    let total = entries.len();
    print_out(&format!(
        "{origin}: {} of {total} texts translated, {} unknown keys, {} syntax errors\n",
        total - missing.len(),
        unknown.len(),
        syntax.len()
    ))?;
    Ok(if syntax.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
