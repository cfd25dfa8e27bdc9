//! Saving and loading in the window: F5 (or the Save button) writes
//! `saves/quicksave.ron`, F9 (or Load) reads it back; `play --load FILE`
//! starts from any save. A save is replayed in a scratch simulation first,
//! so a save that does not load leaves the game on screen untouched; the
//! outcome shows in the top bar for a few seconds.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

use super::shared::{Current, Selection};
use crate::gui::panels::headlines::Headlines;
use crate::save::{self, SaveFile};

pub(in crate::gui) fn plugin(app: &mut App) {
    app.init_resource::<Toast>().add_message::<SaveAction>().add_systems(
        Update,
        (
            (
                keys_to_actions.run_if(crate::gui::screens::screen::game_shown),
                carry_out_actions,
            )
                .chain(),
            wake_to_hide_toast,
        ),
    );
}

/// A sleeping window wakes to take a message away when its time is up.
fn wake_to_hide_toast(toast: Res<Toast>, time: Res<Time<Real>>, mut wake: ResMut<super::redraw::Wake>) {
    let left = toast.until - time.elapsed_secs();
    if left > 0.0 {
        wake.within_secs(left);
    }
}

/// A message in the top bar until a moment (seconds since start-up).
#[derive(Resource, Default)]
pub struct Toast {
    pub text: String,
    pub until: f32,
}

/// What the player asked for (keys or the top bar's buttons).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveAction {
    QuickSave,
    QuickLoad,
    /// The game's history (CSV) and the whole game (JSON).
    Export,
}

/// `saves/` beside where the game runs, or `$HARMATTAN_SAVE_DIR`.
pub fn quicksave_path() -> PathBuf {
    std::env::var_os("HARMATTAN_SAVE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("saves"))
        .join("quicksave.ron")
}

fn keys_to_actions(
    keys: Res<ButtonInput<KeyCode>>,
    wants: Res<EguiWantsInput>,
    mut actions: MessageWriter<SaveAction>,
) {
    if wants.wants_any_keyboard_input() {
        return;
    }
    if keys.just_pressed(KeyCode::F5) {
        actions.write(SaveAction::QuickSave);
    }
    if keys.just_pressed(KeyCode::F9) {
        actions.write(SaveAction::QuickLoad);
    }
}

fn carry_out_actions(world: &mut World) {
    let actions: Vec<SaveAction> = world.resource_mut::<Messages<SaveAction>>().drain().collect();
    for action in actions {
        carry_out(world, action);
    }
}

fn carry_out(world: &mut World, action: SaveAction) {
    let path = quicksave_path();
    let message = match action {
        SaveAction::QuickSave => {
            let scenario = world.resource::<Current>().0.clone();
            let digest = crate::report::digest_world(world);
            let file = save::capture(world, &scenario, digest);
            match save::write(&path, &file) {
                Ok(()) => world
                    .resource::<super::words::Words>()
                    .t_args("saves-saved", &crate::args!["path" => path.display().to_string()]),
                Err(e) => e.said_in(&world.resource::<super::words::Words>().0),
            }
        }
        SaveAction::Export => {
            let dir = std::env::var_os("HARMATTAN_EXPORT_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("exports"));
            let info = world.resource::<crate::sim::world::spawn::GameInfo>();
            let clock = world.resource::<crate::sim::world::registry::Clock>();
            let stem: String = format!("{}-seed{}-{}", info.name, info.seed, clock.date())
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || c == '-' {
                        c.to_ascii_lowercase()
                    } else {
                        '_'
                    }
                })
                .collect();
            match crate::export::export_game(world, &dir, &stem) {
                Ok((csv, json)) => world.resource::<super::words::Words>().t_args(
                    "saves-exported",
                    &crate::args!["csv" => csv.display().to_string(), "json" => json.display().to_string()],
                ),
                Err(e) => e,
            }
        }
        SaveAction::QuickLoad => {
            match save::read(&path).and_then(|file| load_into(world, &file, &path.display().to_string())) {
                Ok(()) => world
                    .resource::<super::words::Words>()
                    .t_args("saves-loaded", &crate::args!["path" => path.display().to_string()]),
                Err(e) => e.said_in(&world.resource::<super::words::Words>().0),
            }
        }
    };
    let now = world.resource::<Time<Real>>().elapsed_secs();
    *world.resource_mut::<Toast>() = Toast {
        text: message,
        until: now + 4.0,
    };
}

/// Replaces the game on screen with a save, after checking it replays in a
/// scratch simulation.
pub fn load_into(world: &mut World, file: &SaveFile, path: &str) -> Result<(), save::SaveError> {
    save::load_simulation(file, path)?;
    let scenario = save::replay_into(world, file, path, crate::report::digest_world)?;
    // A save of another region brings its own map, and the camera goes to
    // it.
    let shapes = crate::gui::map::view::MapShapes::of(&scenario);
    let moved = world
        .get_resource::<crate::gui::map::view::MapShapes>()
        .is_none_or(|was| was.file.projection != shapes.file.projection);
    world.insert_resource(shapes);
    if moved {
        crate::gui::map::camera::reframe(world);
    }
    world.insert_resource(Current(scenario));
    *world.resource_mut::<Selection>() = Selection::default();
    let news = world.resource::<crate::sim::world::chronicle::Chronicle>().news.len();
    world.resource_mut::<Headlines>().skip_to(news);
    super::game::leave_for_the_game(world);
    Ok(())
}
