//! How the window works, under every screen and panel: the order of a
//! frame, when it sleeps, what the parts share, the game on screen, saves,
//! hot reload, settings, and what it tells tests.
//!
//! - `phases.rs`: the order of a frame: map input, then egui's layers.
//! - `redraw.rs`: a window that sleeps, and what wakes it.
//! - `shared.rs`: player, selection, controls' places, the scenario on
//!   screen, every state's facts.
//! - `game.rs`: a new game started, players seated, End Turn carried out.
//! - `saves.rs`: quick save and load (F5, F9), exports, `play --load`.
//! - `reload.rs`: hot reload of the scenario and the mods' rules.
//! - `settings.rs`: the settings window (UI scale), kept between sessions.
//! - `screenshot.rs`: screenshots (F12, or on request for tests).
//! - `probe.rs`: what the window shows, as JSON, for tests driving it.
//! - `words.rs`: the player's language and the scenario's translation.

pub(in crate::gui) mod game;
pub(in crate::gui) mod phases;
pub(in crate::gui) mod probe;
pub(in crate::gui) mod redraw;
pub(in crate::gui) mod reload;
pub(in crate::gui) mod saves;
pub(in crate::gui) mod screenshot;
pub(in crate::gui) mod settings;
pub(in crate::gui) mod shared;
pub(in crate::gui) mod words;
