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
use crate::sim::events::{self, EventBook, OpenChoices};
use crate::sim::inputs::{Input, InputLog};
use crate::sim::orders::OrderQueue;
use crate::sim::registry::Clock;
use crate::sim::spawn::{self, GameInfo};
use crate::sim::{Detail, TurnSchedule};

/// The save format's version; raise it when the layout changes.
pub const FORMAT: u32 = 1;

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
    /// `report::digest` of the game when saved.
    pub digest: u64,
}

/// What went wrong with a save, said so that the player knows what to do.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("{path} is not a Harmattan save: {reason}")]
    Format { path: String, reason: String },
    #[error("{path} was saved by a newer format ({found}); this version reads format {FORMAT}")]
    Newer { path: String, found: u32 },
    #[error("the scenario inside {path} no longer loads:\n{reason}")]
    Scenario { path: String, reason: String },
    #[error(
        "{path} replays differently in this version of the game (it was saved by {version}): \
         the model has changed since. Start a new game, or use version {version} to continue it."
    )]
    Diverged { path: String, version: String },
    #[error("{path}: {reason}")]
    Replay { path: String, reason: String },
    #[error("cannot write {path}: {reason}; nothing was overwritten")]
    Write { path: String, reason: String },
}

/// The save of the game held in `world`, started from `scenario` (as
/// text, with its origin) and `rules`.
pub fn capture(world: &World, origin: &str, scenario_text: &str, rules: &Rules, digest: u64) -> SaveFile {
    SaveFile {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_string(),
        origin: origin.to_string(),
        scenario: scenario_text.to_string(),
        rules: rules.clone(),
        seed: world.resource::<GameInfo>().seed,
        turns: world.resource::<Clock>().turn,
        inputs: inputs_with_pending(world),
        digest,
    }
}

/// The inputs so far, and those given for the coming turn but not yet
/// carried out (orders waiting, answers to open choices).
fn inputs_with_pending(world: &World) -> Vec<Input> {
    let mut inputs = world.resource::<InputLog>().0.clone();
    let next = world.resource::<Clock>().turn + 1;
    let book = world.resource::<EventBook>();
    for c in &world.resource::<OpenChoices>().0 {
        if let Some(option) = c.answer {
            inputs.push(Input::Choice {
                turn: next,
                event: book.defs[c.event].id.clone(),
                option,
            });
        }
    }
    let reg = world.resource::<crate::sim::registry::Registry>();
    let decisions = world.resource::<crate::sim::decisions::DecisionBook>();
    for (s, i, target) in &world.resource::<crate::sim::decisions::DecisionQueue>().0 {
        inputs.push(Input::Decision {
            turn: next,
            decision: decisions.defs[*i].id.clone(),
            target: target.map(|t| crate::sim::decisions::target_code(reg, t)),
            state: Some(reg.state_code(*s).to_string()),
        });
    }
    for order in &world.resource::<OrderQueue>().pending {
        inputs.push(Input::Order {
            turn: next,
            order: order.clone(),
        });
    }
    inputs
}

/// Writes a save beside its destination and renames it into place, so a
/// failure never leaves a broken file where a good one was.
pub fn write(path: &Path, save: &SaveFile) -> Result<(), SaveError> {
    let err = |reason: String| SaveError::Write {
        path: path.display().to_string(),
        reason,
    };
    let text = ron::ser::to_string_pretty(save, ron::ser::PrettyConfig::new()).map_err(|e| err(e.to_string()))?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| err(e.to_string()))?;
    }
    let tmp = path.with_extension("ron.part");
    std::fs::write(&tmp, text).map_err(|e| err(e.to_string()))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        err(e.to_string())
    })
}

pub fn read(path: &Path) -> Result<SaveFile, SaveError> {
    let p = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| SaveError::Read {
        path: p.clone(),
        reason: e.to_string(),
    })?;
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
    ron::from_str(&text).map_err(|e| SaveError::Format {
        path: p,
        reason: e.to_string(),
    })
}

/// The scenario a save was started from, with the rules it ran under.
pub fn scenario_of(save: &SaveFile, path: &str) -> Result<Scenario, SaveError> {
    let mut s = scenario::load(&save.origin, &save.scenario).map_err(|e| SaveError::Scenario {
        path: path.to_string(),
        reason: e.to_string(),
    })?;
    s.rules = save.rules.clone();
    Ok(s)
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
    for turn in 1..=save.turns + 1 {
        for input in save.inputs.iter().filter(|i| i.turn() == turn) {
            match input {
                Input::Player { state, .. } => events::set_player(world, state.as_deref()).map_err(replay_err)?,
                Input::Order { order, .. } => world.resource_mut::<OrderQueue>().pending.push(order.clone()),
                Input::Decision {
                    decision,
                    target,
                    state,
                    ..
                } => match state {
                    Some(code) => {
                        let s = world
                            .resource::<crate::sim::registry::Registry>()
                            .state(code)
                            .ok_or_else(|| replay_err(format!("`{code}` is not a state of the scenario")))?;
                        crate::sim::decisions::decide_as(world, s, decision, target.as_deref()).map_err(replay_err)?
                    }
                    None => crate::sim::decisions::decide(world, decision, target.as_deref()).map_err(replay_err)?,
                },
                Input::Players { states, .. } => {
                    let codes: Vec<&str> = states.iter().map(String::as_str).collect();
                    events::set_players(world, &codes).map_err(replay_err)?
                }
                Input::Seat { state, .. } => {
                    let s = world
                        .resource::<crate::sim::registry::Registry>()
                        .state(state)
                        .ok_or_else(|| replay_err(format!("`{state}` is not a state of the scenario")))?;
                    events::take_seat(world, s)
                }
                Input::Choice { event, option, .. } => {
                    // The choice was offered in the turn before.
                    if !world.resource::<EventBook>().defs.iter().any(|d| d.id == *event) {
                        return Err(replay_err(format!(
                            "the save answers `{event}`, which the scenario lacks"
                        )));
                    }
                    if !world.resource::<OpenChoices>().0.is_empty() {
                        events::answer_choice(world, event, *option).map_err(replay_err)?;
                    }
                }
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
    capture(
        sim.world(),
        &scenario.origin,
        &scenario.text,
        &scenario.rules,
        crate::report::digest(sim),
    )
}
