//! `harmattan scenarios`: the scenarios on offer.

use std::process::ExitCode;

use super::Failure;
use crate::scenario::mods::Mods;

pub fn run(mods: &Mods, lang: crate::i18n::Lang) -> Result<ExitCode, Failure> {
    // One set of words, given each scenario's translation in turn.
    let mut loc = crate::i18n::Locale::new(lang);
    for l in mods.list() {
        let title = match mods.resolve(&l.name) {
            // Each by its name in the chosen language, where it has one.
            Ok(s) => {
                loc.set_scenario(s.translation(lang.code()).map(|t| t.text.as_str()));
                loc.text("scenario-name", &s.file.meta.name).into_owned()
            }
            Err(e) => loc.t_args(
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
        let folder = loc.t_args(
            "scenarios-mods-folder",
            &crate::args!["folder" => d.display().to_string()],
        );
        out!("\n{folder}");
    }
    Ok(ExitCode::SUCCESS)
}
