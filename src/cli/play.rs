//! `harmattan play` (the default): the game window, on a scenario or a
//! save.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use std::path::Path;

use super::Failure;
use crate::scenario::mods::Mods;

/// Open the game window (the default).
#[derive(Debug, Args)]
pub struct PlayArgs {
    /// A shipped scenario's name or a scenario file.
    pub scenario: Option<String>,
    /// The state to play (its id, e.g. MLI); observer mode if omitted.
    /// Give it several times for hot-seat: players take turns at one
    /// computer, in the order given.
    #[arg(long = "as", value_name = "ID")]
    pub play_as: Vec<String>,
    #[arg(long)]
    pub seed: Option<u64>,
    /// The classroom's history option: the record's turning points (coups,
    /// pacts, exits) happen on their dates, for scenarios that have one.
    #[arg(long)]
    pub history: bool,
    /// Continue a saved game (F5 in the window saves one).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["scenario", "play_as", "seed", "history"])]
    pub load: Option<PathBuf>,
}

pub fn run(args: PlayArgs, mods: &Mods, lang: Option<crate::i18n::Lang>) -> Result<ExitCode, Failure> {
    match args.load {
        Some(path) => play_saved(&path, mods, lang),
        None => play(mods, args.scenario, args.play_as, args.seed, args.history, lang),
    }
}

#[cfg(feature = "gui")]
fn play(
    mods: &Mods,
    scenario: Option<String>,
    play_as: Vec<String>,
    seed: Option<u64>,
    history: bool,
    lang: Option<crate::i18n::Lang>,
) -> Result<ExitCode, Failure> {
    let scenario_given = scenario.clone();
    let name = scenario.unwrap_or_else(|| crate::scenario::shipped::SHIPPED[0].name.to_string());
    let s = mods.resolve(&name)?.with_history(history).map_err(Failure)?;
    for w in s.warning_lines() {
        eprintln!("{w}");
    }
    for (i, id) in play_as.iter().enumerate() {
        if play_as[..i].contains(id) {
            return Err(Failure(super::say(
                "cli-play-twice",
                &crate::args!["id" => id.as_str()],
            )));
        }
    }
    if let Some(id) = play_as.iter().find(|id| !s.file.meta.playable.contains(id)) {
        let playable = if s.file.meta.playable.is_empty() {
            super::words().t("cli-play-observer-only")
        } else {
            s.file.meta.playable.join(", ")
        };
        return Err(Failure(super::say(
            "cli-play-not-playable",
            &crate::args![
                "id" => id.as_str(),
                "scenario" => s.file.meta.name.as_str(),
                "playable" => playable,
            ],
        )));
    }
    let seed = seed.unwrap_or(s.file.meta.seed);
    check_display()?;
    // Without a scenario, the menu opens over the first shipped one.
    let open_menu = scenario_given.is_none();
    crate::gui::run(s, play_as, seed, None, mods.clone(), open_menu, lang);
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn play(
    _: &Mods,
    _: Option<String>,
    _: Vec<String>,
    _: Option<u64>,
    _: bool,
    _: Option<crate::i18n::Lang>,
) -> Result<ExitCode, Failure> {
    Err(Failure(
        "this build has no game window (it was built without the `gui` feature). \
         Rebuild with `cargo build --features gui`, or use `harmattan run`, `batch` or `validate`."
            .into(),
    ))
}

/// Without a display the windowing library would panic; say so plainly.
#[cfg(feature = "gui")]
fn check_display() -> Result<(), Failure> {
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        return Err(Failure(
            "no display to open the game window on (neither DISPLAY nor WAYLAND_DISPLAY is set). \
             Run it from a desktop session or under Xvfb (see README), or use `harmattan run` / `batch` headless."
                .into(),
        ));
    }
    Ok(())
}

/// Opens a saved game, after checking it replays (so a bad save fails here,
/// with its reason, not in the window).
#[cfg(feature = "gui")]
fn play_saved(path: &Path, mods: &Mods, lang: Option<crate::i18n::Lang>) -> Result<ExitCode, Failure> {
    let shown = path.display().to_string();
    let said = |e: crate::save::SaveError| Failure(e.said_in(super::words()));
    let file = crate::save::read(path).map_err(said)?;
    crate::save::load_simulation(&file, &shown).map_err(said)?;
    let scenario = crate::save::scenario_of(&file, &shown).map_err(said)?;
    check_display()?;
    let seed = file.seed;
    crate::gui::run(
        scenario,
        Vec::new(),
        seed,
        Some((file, shown)),
        mods.clone(),
        false,
        lang,
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn play_saved(_: &Path, _: &Mods, lang: Option<crate::i18n::Lang>) -> Result<ExitCode, Failure> {
    play(&Mods::none(), None, Vec::new(), None, false, lang)
}
