//! Harmattan: a turn-based strategy game and scenario simulator of West
//! African and Sahel politics.
//!
//! - [`scenario`]: the scenario file format, loading and validation.
//! - [`rules`]: the model's tunable numbers.
//! - [`hint`]: names in messages, and "did you mean" for mistyped ids.
//! - [`i18n`]: the game in the player's language (Project Fluent).
//! - [`sim`]: the simulation core (no rendering), one file per mechanism.
//! - [`batch`] and [`report`]: many futures, and what a game produced.
//! - [`save`]: saved games (the scenario, the seed and the player's inputs).
//! - [`futures`]: many futures from the present of a game, compared.
//! - [`export`]: a game's history as CSV and JSON, for the classroom.
//! - [`calibration`]: the model checked against the historical record.
//! - [`map`]: the map of any scenario from the world atlas (no rendering);
//!   [`geo`]: which ids the atlas has, for checking scenarios.
//! - [`cli`]: the command line. `gui` (feature `gui`): the game window.

pub mod batch;
pub mod calibration;
pub mod cli;
pub mod export;
pub mod futures;
pub mod geo;
#[cfg(feature = "gui")]
pub mod gui;
pub mod hint;
pub mod i18n;
pub mod map;
pub mod report;
pub mod rules;
pub mod save;
pub mod scenario;
pub mod sim;
