//! The game window (feature `gui`): the map of the region, coloured by map
//! mode, with a top bar, a side panel for the selected state, a news feed
//! and the player's decisions, over the same simulation the command line
//! drives. The player's actions reach the simulation as they do from the
//! command line: End Turn runs the turn schedule; choices are answers.
//!
//! - `camera.rs`: pan and zoom.
//! - `causes.rs`: the ledger's causes in words.
//! - `charts.rs`: indicators over time (egui_plot).
//! - `decisions_panel.rs`: the player's decisions, costs and expected effects.
//! - `futures_view.rs`: "what happens next?", futures compared with one change.
//! - `game.rs`: the game on screen: a new one started, players seated, End
//!   Turn carried out.
//! - `goals_view.rs`: the player's goals, their progress, and the end screen.
//! - `headlines.rs`: turning points the player acknowledges, with their causes.
//! - `map_view.rs`: country meshes, borders, labels, hover and selection.
//! - `menu.rs`: the main menu (scenario, state or observer, seed, saves).
//! - `modes.rs`: what the colours mean in each map mode.
//! - `observer.rs`: observer mode's months running by themselves.
//! - `panels.rs`: top bar, side panel, tooltip, legend, news, choices,
//!   hot-seat hand-over.
//! - `phases.rs`: the order of a frame: map input, then egui's layers.
//! - `screenshot.rs`: screenshots (F12, or on request for tests).
//! - `settings.rs`: the settings window (UI scale), kept between sessions.
//! - `shared.rs`: what the parts share: player, selection, controls' places,
//!   the scenario on screen, every state's facts.
//! - `probe.rs`: what the window shows, as JSON, for tests driving it.
//! - `redraw.rs`: a window that sleeps, and what wakes it.
//! - `saves.rs`: quick save and load (F5, F9), `play --load`.
//! - `screen.rs`: the screens (menu, briefing, playing, hand-over, end) as
//!   Bevy states.
//! - `reload.rs`: hot reload of the scenario and the mods' rules.

mod camera;
mod causes;
mod charts;
mod decisions_panel;
mod futures_view;
mod game;
mod goals_view;
mod headlines;
mod map_view;
mod menu;
pub mod modes;
mod observer;
mod panels;
mod phases;
mod probe;
mod redraw;
mod reload;
mod saves;
pub mod screen;
mod screenshot;
mod settings;
mod shared;

use bevy::prelude::*;
use bevy_egui::EguiPlugin;

use crate::map::MapFile;
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
    .insert_resource(map_view::MapShapes::new(
        MapFile::shipped(),
        &scenario.file.states.iter().map(|s| s.id.clone()).collect::<Vec<_>>(),
    ))
    .init_resource::<modes::MapMode>()
    .add_plugins((
        camera::plugin,
        charts::plugin,
        decisions_panel::plugin,
        futures_view::plugin,
        goals_view::plugin,
        headlines::plugin,
        map_view::plugin,
        menu::plugin,
        observer::plugin,
        phases::plugin,
    ))
    .add_plugins((
        panels::plugin,
        probe::plugin,
        redraw::plugin,
        reload::plugin,
        saves::plugin,
        screenshot::plugin,
        settings::plugin,
        game::plugin,
    ));
    app.insert_resource(shared::Current(scenario.clone()))
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
