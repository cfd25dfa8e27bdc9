//! The game window (feature `gui`): the map of the region, coloured by map
//! mode, with a top bar, a side panel for the selected state, a news feed
//! and the player's decisions, over the same simulation the command line
//! drives. The player's actions reach the simulation as they do from the
//! command line: End Turn runs the turn schedule; choices are answers.
//!
//! - `window/`: how the window works under every screen: the order of a
//!   frame, sleeping when idle, what the parts share, the game on screen,
//!   saves, hot reload, settings, screenshots, the probe for tests.
//! - `map/`: the map, its colours by mode, and the camera.
//! - `panels/`: the frame around the map and the windows the player opens.
//! - `screens/`: the screens as Bevy states, and the main menu.
//!
//! Each part adds its own systems (see `window/phases.rs` for their order);
//! this file only opens the window and lists the parts.

mod map;
mod panels;
mod screens;
mod window;

use map::{camera, modes, view};
use panels::{charts, decisions, futures, goals, headlines, observer};
use screens::{menu, screen};
use window::{game, phases, probe, redraw, reload, saves, screenshot, settings, shared, words};

use bevy::prelude::*;
use bevy_egui::EguiPlugin;

use crate::scenario::Scenario;
use crate::sim::{SimulationPlugin, load_into_app};

/// Opens the window on a new game of `scenario`, or on a saved game.
pub fn run(
    scenario: Scenario,
    play_as: Vec<String>,
    seed: u64,
    load: Option<(crate::save::SaveFile, String)>,
    mods: crate::scenario::mods::Mods,
    open_menu: bool,
    lang: Option<crate::i18n::Lang>,
) {
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: format!("Harmattan — {}", scenario.file.meta.name),
            resolution: (1280, 720).into(),
            ..default()
        }),
        ..default()
    }))
    .add_plugins(EguiPlugin::default())
    .add_plugins(SimulationPlugin)
    .insert_resource(view::MapShapes::of(&scenario))
    .init_resource::<modes::MapMode>()
    .add_plugins((
        camera::plugin,
        charts::plugin,
        decisions::plugin,
        futures::plugin,
        goals::plugin,
        headlines::plugin,
        view::plugin,
        menu::plugin,
        observer::plugin,
        phases::plugin,
    ))
    .add_plugins((
        panels::frame::plugin,
        panels::questions::plugin,
        panels::month::plugin,
        probe::plugin,
        redraw::plugin,
        reload::plugin,
        saves::plugin,
        screenshot::plugin,
        settings::plugin,
        game::plugin,
        words::plugin,
    ));
    // The command line's language, else the one chosen in the window last
    // time, else the system's.
    let lang = lang
        .or_else(|| {
            let chosen = app.world().resource::<settings::Settings>().language.clone();
            chosen.and_then(|c| crate::i18n::Lang::parse(&c))
        })
        .unwrap_or_else(crate::i18n::Lang::from_system);
    app.insert_resource(words::Words::new(lang, &scenario))
        .insert_resource(shared::Current(scenario.clone()))
        .insert_resource(reload::ModsDir(mods));
    load_into_app(&mut app, &scenario, seed);
    // `play` has checked that the states are playable.
    game::seat_players(app.world_mut(), &play_as);
    app.insert_state(if open_menu {
        screen::Screen::Menu
    } else {
        screen::Screen::start_of_game(play_as.len(), load.is_none())
    });
    if let Some((file, path)) = load {
        // `play` has replayed it once already, so this cannot fail either.
        if let Err(e) = saves::load_into(app.world_mut(), &file, &path) {
            error!("{e}");
        }
    }
    app.run();
}
