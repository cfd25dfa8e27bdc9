//! `harmattan scenarios`: the scenarios on offer.

use std::process::ExitCode;

use super::Failure;
use crate::scenario::mods::Mods;

pub fn run(mods: &Mods, lang: crate::i18n::Lang) -> Result<ExitCode, Failure> {
    for l in mods.list() {
        let title = match mods.resolve(&l.name) {
            // Each by its name in the chosen language, where it has one.
            Ok(s) => super::locale(lang, Some(&s))
                .text("scenario-name", &s.file.meta.name)
                .into_owned(),
            Err(e) => crate::i18n::Locale::new(lang).t_args(
                "scenarios-broken",
                &crate::args!["problems" => e.problems.len(), "file" => l.source.clone()],
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
        let folder = crate::i18n::Locale::new(lang).t_args(
            "scenarios-mods-folder",
            &crate::args!["folder" => d.display().to_string()],
        );
        out!("\n{folder}");
    }
    Ok(ExitCode::SUCCESS)
}
