//! `harmattan new-scenario`: a commented starting scenario to edit.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use std::io::Write;

use super::Failure;
use crate::scenario::mods::Mods;
use crate::scenario::{self, shipped};

/// Write a commented starting scenario to edit (in the mods folder).
#[derive(Debug, Args)]
pub struct NewScenarioArgs {
    /// File name without `.ron`: lower-case letters, digits and `_`.
    pub name: String,
    /// Write here instead of MODS/NAME.ron.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(args: NewScenarioArgs, mods: &Mods) -> Result<ExitCode, Failure> {
    new_scenario(mods, &args.name, args.out)
}

/// Writes the commented starting scenario, never over an existing file.
fn new_scenario(mods: &Mods, name: &str, out: Option<PathBuf>) -> Result<ExitCode, Failure> {
    let valid = !name.is_empty()
        && name.len() <= 40
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !valid {
        return Err(Failure(super::say("cli-new-bad-name", &crate::args!["name" => name])));
    }
    if shipped::find(name).is_some() {
        return Err(Failure(super::say(
            "cli-new-shipped-name",
            &crate::args!["name" => name],
        )));
    }
    let path = out.unwrap_or_else(|| {
        mods.dir
            .clone()
            .unwrap_or_else(|| PathBuf::from("mods"))
            .join(format!("{name}.ron"))
    });
    if path.exists() {
        return Err(Failure(super::say(
            "cli-new-exists",
            &crate::args!["path" => path.display().to_string()],
        )));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            Failure(super::say(
                "cli-cannot-create",
                &crate::args!["path" => dir.display().to_string(), "reason" => e.to_string()],
            ))
        })?;
    }
    let text = scenario::template::new_scenario(name);
    // `create_new`: a file that appeared meanwhile is not overwritten either.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| cannot_write(&path, &e))?;
    file.write_all(text.as_bytes()).map_err(|e| cannot_write(&path, &e))?;
    let shown = path.display().to_string();
    out!(
        "{}",
        super::say("cli-new-wrote", &crate::args!["path" => shown.clone()])
    );
    out!("{}", super::words().t("cli-new-next"));
    out!("  harmattan validate {shown}");
    out!("  harmattan run {shown}");
    Ok(ExitCode::SUCCESS)
}

fn cannot_write(path: &std::path::Path, e: &std::io::Error) -> Failure {
    Failure(super::say(
        "cli-cannot-write",
        &crate::args!["path" => path.display().to_string(), "reason" => e.to_string()],
    ))
}
