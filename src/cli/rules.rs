//! `harmattan rules`: every tunable number a scenario or a mod may
//! override, with its value in force and its range (docs/rules.md is the
//! shipped rules' table; docs/model.md says what each means and why).

use std::process::ExitCode;

use super::Failure;
use crate::scenario::mods::Mods;

pub fn run(mods: &Mods) -> Result<ExitCode, Failure> {
    let rules = mods.base_rules()?;
    out!("{}", rules.table().trim_end());
    Ok(ExitCode::SUCCESS)
}
