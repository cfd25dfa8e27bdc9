//! Hot reload, for a modder's edit-and-look loop: the scenario file the
//! game was started from and the mods' rule files are checked every second
//! (by a thread, so that the window may sleep);
//! when one changes the scenario is loaded again and the game restarts
//! from its start with the same seed and player. A file that no longer
//! validates does not stop the game: its problems (file:line:col) show in
//! a window until the next good save of the file.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::saves::Toast;
use super::shared::Current;
use crate::scenario::mods::Mods;
use crate::sim::world::spawn::GameInfo;

pub(in crate::gui) fn plugin(app: &mut App) {
    app.add_systems(Startup, start_watching)
        .add_systems(
            Update,
            (check_files, rewatch.run_if(resource_changed::<Current>)).chain(),
        )
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            draw_reload_error.in_set(super::phases::UiPhase::Overlays),
        );
}

/// The mods folder the game was started with.
#[derive(Resource, Clone, Default)]
pub struct ModsDir(pub Mods);

type Stamped = Vec<(PathBuf, Option<(SystemTime, u64)>)>;

/// Files watched, with what they looked like when last read. A thread of
/// its own looks at them every second and wakes the window when one has
/// changed, so that a sleeping window does not wake every second to look.
#[derive(Resource, Default)]
pub struct Watch {
    files: Arc<Mutex<Stamped>>,
    changed: Arc<AtomicBool>,
    /// The problems of the last reload that failed, until one succeeds.
    pub error: Option<String>,
}

/// Looks at the files every second while the game lives (the thread ends
/// with the last owner of the list) and calls `wake` when one has changed.
fn spawn_watcher(files: &Arc<Mutex<Stamped>>, changed: Arc<AtomicBool>, wake: impl Fn() + Send + 'static) {
    let files = Arc::downgrade(files);
    let spawned = std::thread::Builder::new().name("hot reload".into()).spawn(move || {
        loop {
            std::thread::sleep(Duration::from_secs(1));
            let Some(files) = files.upgrade() else { return };
            let mut any = false;
            if let Ok(mut list) = files.lock() {
                for (path, seen) in list.iter_mut() {
                    let now = stamp(path);
                    if now != *seen {
                        *seen = now;
                        any = true;
                    }
                }
            }
            if any {
                changed.store(true, Ordering::Release);
                wake();
            }
        }
    });
    if let Err(e) = spawned {
        warn!("hot reload is off: no thread to watch the files ({e})");
    }
}

fn stamp(path: &PathBuf) -> Option<(SystemTime, u64)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}

/// The files behind the game on screen: its scenario file (if it came from
/// one on disk) and the mods' rule files.
fn watched(current: &Current, mods: &Mods) -> Stamped {
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

fn start_watching(
    mut commands: Commands,
    current: Res<Current>,
    mods: Option<Res<ModsDir>>,
    event_loop: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
) {
    let mods = mods.map(|m| m.0.clone()).unwrap_or_default();
    let watch = Watch {
        files: Arc::new(Mutex::new(watched(&current, &mods))),
        changed: Arc::default(),
        error: None,
    };
    let proxy = event_loop.map(|p| (**p).clone());
    spawn_watcher(&watch.files, watch.changed.clone(), move || {
        if let Some(p) = &proxy {
            let _ = p.send_event(bevy::winit::WinitUserEvent::WakeUp);
        }
    });
    commands.insert_resource(watch);
}

fn check_files(world: &mut World) {
    if !world.resource::<Watch>().changed.swap(false, Ordering::AcqRel) {
        return;
    }
    let now = world.resource::<Time<Real>>().elapsed_secs();
    let mods = world.get_resource::<ModsDir>().map(|m| m.0.clone()).unwrap_or_default();
    let origin = world.resource::<Current>().0.origin.clone();
    // The game's options go on: a game played with the history option is
    // restarted with it, while its file still has a record.
    let history = world.resource::<Current>().0.history;
    let loaded = mods
        .load_path(std::path::Path::new(&origin))
        .map_err(|e| e.to_string())
        .and_then(|s| {
            let on = history && s.file.history.is_some();
            s.with_history(on)
        });
    match loaded {
        Ok(scenario) => {
            restart(world, scenario, &mods);
            world.resource_mut::<Watch>().error = None;
            let text = world
                .resource::<super::words::Words>()
                .t_args("reload-done", &crate::args!["file" => origin.as_str()]);
            *world.resource_mut::<Toast>() = Toast { text, until: now + 4.0 };
        }
        Err(e) => world.resource_mut::<Watch>().error = Some(e),
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
    super::game::start_game(world, scenario, seed, players, false);
}

/// Watches the files behind the game now on screen, whenever a new one
/// comes (the menu, a load, a reload).
fn rewatch(current: Res<Current>, mods: Option<Res<ModsDir>>, watch: Option<ResMut<Watch>>) {
    let Some(mut watch) = watch else { return };
    let mods = mods.map(|m| m.0.clone()).unwrap_or_default();
    let files = watched(&current, &mods);
    if let Ok(mut list) = watch.files.lock() {
        *list = files;
    }
    watch.error = None;
}

/// The problems of a scenario edit that did not load.
pub(in crate::gui) fn draw_reload_error(
    mut contexts: EguiContexts,
    mut watch: ResMut<Watch>,
    words: Res<super::words::Words>,
) -> Result {
    let Some(error) = watch.error.clone() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let mut open = true;
    egui::Window::new(words.t("reload-error-title"))
        .id(egui::Id::new("reload_error"))
        .open(&mut open)
        .default_width(560.0)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 50.0))
        .show(ctx, |ui| {
            ui.label(words.t("reload-error-help"));
            egui::ScrollArea::vertical().max_height(260.0).show(ui, |ui| {
                ui.monospace(&error);
            });
        });
    if !open {
        watch.error = None;
    }
    Ok(())
}
