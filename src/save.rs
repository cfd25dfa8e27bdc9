//! Saved games. A save holds what determines a game, not its state: the
//! scenario's text, the rules in force, the seed and the player's inputs
//! turn by turn. Loading replays them, which gives back the same world,
//! history, news and random streams bit for bit, so a loaded game goes on
//! exactly as it would have. A digest of the game at saving time proves it
//! on loading: a save replayed by a different version of the model that
//! comes out differently is refused with a clear message, not continued as
//! if nothing had changed.

use std::path::Path;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::rules::Rules;
use crate::scenario::{self, Scenario};
use crate::sim::mechanisms::events::{EventBook, OpenChoices};
use crate::sim::player::inputs::{Input, InputLog};
use crate::sim::world::registry::Clock;
use crate::sim::world::spawn::{self, GameInfo};
use crate::sim::{Detail, TurnSchedule};

/// The save format's version; raise it when the layout changes. Format 2
/// adds the seal (and came with a changed model): format 1 is refused with
/// a message saying so.
pub const FORMAT: u32 = 2;

/// The largest save read: a scenario (at most 4 MiB) and its inputs.
pub const SAVE_BYTES: usize = 16 * 1024 * 1024;

/// Most inputs a save may hold: far more than a person gives in a
/// century of months.
pub const MAX_INPUTS: usize = 100_000;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveFile {
    pub format: u32,
    /// The game version that wrote it.
    pub version: String,
    /// Where the scenario came from, for messages.
    pub origin: String,
    /// The scenario file as it was when the game started.
    pub scenario: String,
    /// The rules in force (shipped, mods and the scenario's overrides).
    pub rules: Rules,
    pub seed: u64,
    /// Turns played.
    pub turns: u32,
    pub inputs: Vec<Input>,
    /// Played with the history option (the record's turning points on
    /// their dates). Left out when off, so saves from before it still
    /// match their seal.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub history: bool,
    /// `report::digest` of the game when saved.
    pub digest: u64,
    /// A checksum of everything above: the scenario, the rules, the seed,
    /// the turns and every input, pending ones included. A save edited by
    /// hand or damaged on disk no longer matches and is refused. (It
    /// catches accidents and careless edits; a program whose source is
    /// open cannot keep a secret from a determined forger.)
    #[serde(default)]
    pub seal: Option<u64>,
}

impl SaveFile {
    /// The seal of what the save holds.
    pub fn compute_seal(&self) -> u64 {
        let unsealed = SaveFile {
            seal: None,
            ..self.clone()
        };
        let text = ron::to_string(&unsealed).unwrap_or_default();
        crate::report::fnv1a(text.as_bytes())
    }
}

/// What went wrong with a save, said so that the player knows what to do
/// (in the player's language: [`SaveError::said_in`]).
#[derive(Debug)]
pub enum SaveError {
    Read { path: String, reason: String },
    Format { path: String, reason: String },
    Newer { path: String, found: u32 },
    Older { path: String, found: u32 },
    Scenario { path: String, reason: String },
    Diverged { path: String, version: String },
    Replay { path: String, reason: String },
    Tampered { path: String },
    Write { path: String, reason: String },
}

impl SaveError {
    /// The message in a language's words (`save-error-*` messages).
    pub fn said_in(&self, loc: &crate::i18n::Locale) -> String {
        use crate::args;
        match self {
            SaveError::Read { path, reason } => loc.t_args(
                "save-error-read",
                &args!["path" => path.as_str(), "reason" => reason.as_str()],
            ),
            SaveError::Format { path, reason } => loc.t_args(
                "save-error-format",
                &args!["path" => path.as_str(), "reason" => reason.as_str()],
            ),
            SaveError::Newer { path, found } => loc.t_args(
                "save-error-newer",
                &args!["path" => path.as_str(), "found" => *found, "format" => FORMAT],
            ),
            SaveError::Older { path, found } => {
                loc.t_args("save-error-older", &args!["path" => path.as_str(), "found" => *found])
            }
            SaveError::Scenario { path, reason } => loc.t_args(
                "save-error-scenario",
                &args!["path" => path.as_str(), "reason" => reason.as_str()],
            ),
            SaveError::Diverged { path, version } => loc.t_args(
                "save-error-diverged",
                &args!["path" => path.as_str(), "version" => version.as_str()],
            ),
            SaveError::Replay { path, reason } => loc.t_args(
                "save-error-replay",
                &args!["path" => path.as_str(), "reason" => reason.as_str()],
            ),
            SaveError::Tampered { path } => loc.t_args("save-error-tampered", &args!["path" => path.as_str()]),
            SaveError::Write { path, reason } => loc.t_args(
                "save-error-write",
                &args!["path" => path.as_str(), "reason" => reason.as_str()],
            ),
        }
    }
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said_in(crate::i18n::Locale::english()))
    }
}

impl std::error::Error for SaveError {}

/// The save of the game held in `world`, started from `scenario` (its
/// text as read, its origin, its rules and options).
pub fn capture(world: &World, scenario: &Scenario, digest: u64) -> SaveFile {
    let mut save = SaveFile {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_string(),
        origin: scenario.origin.clone(),
        scenario: scenario.text.clone(),
        rules: scenario.rules.clone(),
        seed: world.resource::<GameInfo>().seed,
        turns: world.resource::<Clock>().turn,
        // Everything given so far, the coming turn's inputs included: each
        // was logged when given.
        inputs: world.resource::<InputLog>().0.clone(),
        history: scenario.history,
        digest,
        seal: None,
    };
    save.seal = Some(save.compute_seal());
    save
}

/// Writes a save beside its destination and renames it into place, so a
/// failure never leaves a broken file where a good one was.
pub fn write(path: &Path, save: &SaveFile) -> Result<(), SaveError> {
    let err = |reason: String| SaveError::Write {
        path: path.display().to_string(),
        reason,
    };
    let text = ron::ser::to_string_pretty(save, ron::ser::PrettyConfig::new()).map_err(|e| err(e.to_string()))?;
    crate::export::write_with(path, |out| out.write_all(text.as_bytes())).map_err(err)
}

pub fn read(path: &Path) -> Result<SaveFile, SaveError> {
    let p = path.display().to_string();
    let text = scenario::read_bounded(path, SAVE_BYTES, "saves").map_err(|reason| SaveError::Read {
        path: p.clone(),
        reason,
    })?;
    parse(&text, &p)
}

/// A save from its text (`path` for messages): the format, the layout and
/// the seal checked; what it says is checked by [`scenario_of`].
pub fn parse(text: &str, path: &str) -> Result<SaveFile, SaveError> {
    let p = path.to_string();
    // The format number first, so that a newer save gets the right message
    // rather than a complaint about fields it cannot know.
    let found = text.find("format:").and_then(|i| {
        text[i + "format:".len()..]
            .trim_start()
            .split(|c: char| !c.is_ascii_digit())
            .next()?
            .parse::<u32>()
            .ok()
    });
    if let Some(found) = found
        && found > FORMAT
    {
        return Err(SaveError::Newer { path: p, found });
    }
    // Format 1 was written before the seal, by a model whose rules and
    // results differ: it could not be continued faithfully, and taking it
    // would let anyone bypass the seal by writing `format: 1`.
    if let Some(found) = found
        && found < FORMAT
    {
        return Err(SaveError::Older { path: p, found });
    }
    let save: SaveFile = ron::Options::default()
        .with_recursion_limit(64)
        .from_str(text)
        .map_err(|e| SaveError::Format {
            path: p.clone(),
            reason: e.to_string(),
        })?;
    // A save must carry a true seal.
    if save.seal != Some(save.compute_seal()) {
        return Err(SaveError::Tampered { path: p });
    }
    Ok(save)
}

/// Whether a file that failed to read as a save was meant to be one (so
/// that its own error is shown, not a scenario parser's complaint about
/// the field `format`).
pub fn looks_like_save(path: &Path) -> bool {
    scenario::read_bounded(path, SAVE_BYTES, "saves").is_ok_and(|t| {
        t.trim_start()
            .strip_prefix('(')
            .is_some_and(|rest| rest.trim_start().starts_with("format:"))
    })
}

/// The scenario a save was started from, with the rules it ran under,
/// after checking what the save says before anything is replayed: a save
/// is input like any file, and may have been edited.
pub fn scenario_of(save: &SaveFile, path: &str) -> Result<Scenario, SaveError> {
    let bad = |reason: String| SaveError::Format {
        path: path.to_string(),
        reason,
    };
    let limit = scenario::limits::TURNS;
    if save.turns > limit {
        return Err(bad(format!(
            "it says {} months were played; a game has at most {limit}",
            save.turns
        )));
    }
    if save.inputs.len() > MAX_INPUTS {
        return Err(bad(format!(
            "it holds {} inputs; a save holds at most {MAX_INPUTS}",
            save.inputs.len()
        )));
    }
    if let Some(late) = save.inputs.iter().find(|i| i.turn() == 0 || i.turn() > save.turns + 1) {
        return Err(bad(format!(
            "an input is dated month {}, but the game has played {} (inputs run from 1 to {})",
            late.turn(),
            save.turns,
            save.turns + 1
        )));
    }
    let out = save.rules.out_of_range();
    if !out.is_empty() {
        return Err(bad(format!("its rules are out of range: {}", out.join("; "))));
    }
    let mut s = scenario::load(&save.origin, &save.scenario).map_err(|e| SaveError::Scenario {
        path: path.to_string(),
        reason: e.to_string(),
    })?;
    s.rules = save.rules.clone();
    s.with_history(save.history).map_err(|reason| SaveError::Scenario {
        path: path.to_string(),
        reason,
    })
}

/// Replays a save into `world` (replacing the game it held): the scenario,
/// then each turn's inputs and the turn itself. `digest` computes the
/// game's digest to compare with the saved one.
pub fn replay_into(
    world: &mut World,
    save: &SaveFile,
    path: &str,
    digest: impl Fn(&World) -> u64,
) -> Result<Scenario, SaveError> {
    let scenario = scenario_of(save, path)?;
    spawn::spawn_scenario(world, &scenario, save.seed, Detail::Full);
    let replay_err = |reason: String| SaveError::Replay {
        path: path.to_string(),
        reason,
    };
    // `turns` was checked against the limit in `scenario_of`.
    for turn in 1..=save.turns.saturating_add(1) {
        for input in save.inputs.iter().filter(|i| i.turn() == turn) {
            // A file from elsewhere: its orders are checked before they are
            // queued, and its answers name events of the scenario.
            match input {
                Input::Order { order, .. } => {
                    let registry = world.resource::<crate::sim::world::registry::Registry>();
                    crate::sim::player::orders::check(registry, order).map_err(|e| {
                        let why = crate::i18n::Locale::english().phrase(&e, registry);
                        replay_err(format!("an order in the save is not valid: {why}"))
                    })?;
                }
                Input::Choice { event, .. } => {
                    if !world.resource::<EventBook>().defs.iter().any(|d| d.id == *event) {
                        return Err(replay_err(format!(
                            "the save answers `{event}`, which the scenario lacks"
                        )));
                    }
                    // Offered in the turn before; none is waiting if that
                    // turn's events were settled without the player.
                    if world.resource::<OpenChoices>().0.is_empty() {
                        continue;
                    }
                }
                _ => {}
            }
            if let Err(e) = crate::sim::player::inputs::apply(world, input.as_sent()) {
                // Saves are checked in the files' own language, as the
                // rest of their messages are.
                let registry = world.resource::<crate::sim::world::registry::Registry>();
                return Err(replay_err(crate::i18n::Locale::english().say(&e, registry)));
            }
        }
        if turn <= save.turns {
            world.run_schedule(TurnSchedule);
        }
    }
    if digest(world) != save.digest {
        return Err(SaveError::Diverged {
            path: path.to_string(),
            version: save.version.clone(),
        });
    }
    Ok(scenario)
}

/// A headless game from a save, continued exactly where it was left.
pub fn load_simulation(save: &SaveFile, path: &str) -> Result<crate::sim::Simulation, SaveError> {
    let scenario = scenario_of(save, path)?;
    let mut sim = crate::sim::Simulation::new(&scenario, save.seed, Detail::Full);
    replay_into(sim.world_mut(), save, path, crate::report::digest_world)?;
    Ok(sim)
}

/// The save of a headless game.
pub fn capture_simulation(sim: &crate::sim::Simulation, scenario: &Scenario) -> SaveFile {
    capture(sim.world(), scenario, crate::report::digest(sim))
}
