//! `harmattan scenarios`: the scenarios on offer.

use std::process::ExitCode;

use super::Failure;
use crate::scenario::mods::Mods;

pub fn run(mods: &Mods) -> Result<ExitCode, Failure> {
    for l in mods.list() {
        let title = match mods.resolve(&l.name) {
            Ok(s) => s.file.meta.name,
            Err(e) => format!(
                "(does not load: {} problem(s); run `harmattan validate {}`)",
                e.problems.len(),
                l.source
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
        out!("\nMods folder: {}", d.display());
    }
    Ok(ExitCode::SUCCESS)
}
