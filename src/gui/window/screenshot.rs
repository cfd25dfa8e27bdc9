//! Screenshots: F12 saves one in `screenshots/` (or `$HARMATTAN_SCREENSHOT_DIR`)
//! at any time. For checking the window under Xvfb:
//! `HARMATTAN_SCREENSHOT=path.png` saves one at frame
//! `HARMATTAN_SCREENSHOT_FRAME` (default 20) and quits 20 frames later;
//! `HARMATTAN_SCREENSHOT_EVERY=N` instead saves `path-<frame>.png` every N
//! frames until the window closes (for a test that clicks in between).

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};

pub(in crate::gui) fn plugin(app: &mut App) {
    app.add_systems(Update, screenshot_on_f12);
    if let Ok(path) = std::env::var("HARMATTAN_SCREENSHOT") {
        let number =
            |name: &str, default: u32| std::env::var(name).ok().and_then(|f| f.parse().ok()).unwrap_or(default);
        app.insert_resource(ScreenshotRequest {
            path,
            at: number("HARMATTAN_SCREENSHOT_FRAME", 20),
            every: number("HARMATTAN_SCREENSHOT_EVERY", 0),
            frame: 0,
        })
        .add_systems(Last, take_screenshot.before(super::redraw::plan_next_frame));
    }
}

/// F12: a screenshot named by the time the game has run and a counter, so
/// that none overwrites another.
fn screenshot_on_f12(mut commands: Commands, keys: Res<ButtonInput<KeyCode>>, mut taken: Local<u32>) {
    if !keys.just_pressed(KeyCode::F12) {
        return;
    }
    let dir = std::env::var_os("HARMATTAN_SCREENSHOT_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| "screenshots".into());
    if let Err(e) = std::fs::create_dir_all(&dir) {
        error!("cannot create {}: {e}", dir.display());
        return;
    }
    *taken += 1;
    let mut n = *taken;
    let mut path = dir.join(format!("harmattan-{n:03}.png"));
    while path.exists() {
        n += 1;
        path = dir.join(format!("harmattan-{n:03}.png"));
    }
    *taken = n;
    info!("screenshot: {}", path.display());
    commands.spawn(Screenshot::primary_window()).observe(save_to_disk(path));
}

#[derive(Resource)]
struct ScreenshotRequest {
    path: String,
    at: u32,
    every: u32,
    frame: u32,
}

fn take_screenshot(
    mut commands: Commands,
    mut request: ResMut<ScreenshotRequest>,
    mut exit: MessageWriter<AppExit>,
    mut wake: ResMut<super::redraw::Wake>,
) {
    // Screenshots are counted in frames: the window draws them one after
    // another rather than sleep.
    wake.now();
    request.frame += 1;
    let frame = request.frame;
    if request.every > 0 {
        if frame.is_multiple_of(request.every) {
            let path = request.path.replace(".png", &format!("-{frame:05}.png"));
            commands.spawn(Screenshot::primary_window()).observe(save_to_disk(path));
        }
        return;
    }
    // Software rendering needs a few frames before egui has laid out.
    if frame == request.at {
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(request.path.clone()));
    }
    if frame == request.at + 20 {
        exit.write(AppExit::Success);
    }
}
