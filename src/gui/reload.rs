//! Hot reload, for a modder's edit-and-look loop: the scenario file the
//! game was started from and the mods' rule files are checked every second;
//! when one changes the scenario is loaded again and the game restarts
//! from its start with the same seed and player. A file that no longer
//! validates does not stop the game: its problems (file:line:col) show in
//! a window until the next good save of the file.

use std::path::PathBuf;
use std::time::SystemTime;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::saves::{Current, Toast};
use crate::scenario::mods::Mods;
use crate::sim::world::spawn::GameInfo;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, start_watching)
        .add_systems(Update, check_files);
}

/// The mods folder the game was started with.
#[derive(Resource, Clone, Default)]
pub struct ModsDir(pub Mods);

/// Files watched, with what they looked like when last read.
#[derive(Resource, Default)]
pub struct Watch {
    files: Vec<(PathBuf, Option<(SystemTime, u64)>)>,
    next_check: f32,
    /// The problems of the last reload that failed, until one succeeds.
    pub error: Option<String>,
}

fn stamp(path: &PathBuf) -> Option<(SystemTime, u64)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}

/// The files behind the game on screen: its scenario file (if it came from
/// one on disk) and the mods' rule files.
fn watched(current: &Current, mods: &Mods) -> Vec<(PathBuf, Option<(SystemTime, u64)>)> {
    let mut files: Vec<PathBuf> = Vec::new();
    let origin = PathBuf::from(&current.0.origin);
    if origin.is_file() {
        files.push(origin);
    }
    files.extend(mods.rule_files());
    files
        .into_iter()
        .map(|f| {
            let s = stamp(&f);
            (f, s)
        })
        .collect()
}

fn start_watching(mut commands: Commands, current: Res<Current>, mods: Option<Res<ModsDir>>) {
    let mods = mods.map(|m| m.0.clone()).unwrap_or_default();
    commands.insert_resource(Watch {
        files: watched(&current, &mods),
        next_check: 1.0,
        error: None,
    });
}

fn check_files(world: &mut World) {
    let now = world.resource::<Time<Real>>().elapsed_secs();
    {
        let mut watch = world.resource_mut::<Watch>();
        if now < watch.next_check {
            return;
        }
        watch.next_check = now + 1.0;
    }
    let changed = {
        let mut watch = world.resource_mut::<Watch>();
        let mut changed = false;
        for (path, seen) in &mut watch.files {
            let s = stamp(path);
            if s != *seen {
                *seen = s;
                changed = true;
            }
        }
        changed
    };
    if !changed {
        return;
    }
    let mods = world.get_resource::<ModsDir>().map(|m| m.0.clone()).unwrap_or_default();
    let origin = world.resource::<Current>().0.origin.clone();
    match mods.load_path(std::path::Path::new(&origin)) {
        Ok(scenario) => {
            restart(world, scenario, &mods);
            world.resource_mut::<Watch>().error = None;
            *world.resource_mut::<Toast>() = Toast {
                text: format!("Reloaded {origin}: the game restarted from its start."),
                until: now + 4.0,
            };
        }
        Err(e) => world.resource_mut::<Watch>().error = Some(e.to_string()),
    }
}

/// Starts the edited scenario afresh, with the same seed and players.
fn restart(world: &mut World, scenario: crate::scenario::Scenario, _mods: &Mods) {
    let seed = world.resource::<GameInfo>().seed;
    let reg = world.resource::<crate::sim::world::registry::Registry>();
    let players: Vec<String> = world
        .resource::<crate::sim::world::players::Humans>()
        .0
        .iter()
        .map(|s| reg.state_code(*s).to_string())
        // A player's state may have been renamed or removed in the edit.
        .filter(|p| scenario.file.meta.playable.contains(p))
        .collect();
    super::start_game(world, scenario, seed, players, false);
}

/// Watches the files behind the game now on screen.
pub fn rewatch(world: &mut World) {
    let mods = world.get_resource::<ModsDir>().map(|m| m.0.clone()).unwrap_or_default();
    let files = watched(world.resource::<Current>(), &mods);
    if let Some(mut watch) = world.get_resource_mut::<Watch>() {
        watch.files = files;
        watch.error = None;
    }
}

/// The problems of a scenario edit that did not load.
pub(super) fn draw_reload_error(mut contexts: EguiContexts, mut watch: ResMut<Watch>) -> Result {
    let Some(error) = watch.error.clone() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let mut open = true;
    egui::Window::new("The edited scenario does not load")
        .id(egui::Id::new("reload_error"))
        .open(&mut open)
        .default_width(560.0)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 50.0))
        .show(ctx, |ui| {
            ui.label("The game goes on with the last version that loaded. Fix these and save the file:");
            egui::ScrollArea::vertical().max_height(260.0).show(ui, |ui| {
                ui.monospace(&error);
            });
        });
    if !open {
        watch.error = None;
    }
    Ok(())
}
