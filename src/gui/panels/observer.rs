//! Observer mode: with no government to play, the months can run by
//! themselves at a chosen speed (Run/Pause, or P), stopping at turning
//! points if asked, so a class can watch a future unfold.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

use super::headlines::Headlines;
use crate::gui::window::shared::{EndTurn, Player};

pub(in crate::gui) fn plugin(app: &mut App) {
    app.init_resource::<Autoplay>().add_systems(
        Update,
        (toggle_with_key, run_months)
            .chain()
            // The months stop under the menu and over a hand-over or end.
            .run_if(in_state(crate::gui::screens::screen::Screen::Playing))
            .before(crate::gui::window::phases::MonthEnds),
    );
}

/// The observer's clock.
#[derive(Resource)]
pub struct Autoplay {
    pub running: bool,
    /// Months a second.
    pub speed: f32,
    /// Stop at each turning point (a coup, a bloc formed, …).
    pub pause_on_headlines: bool,
    since: f32,
}

impl Default for Autoplay {
    fn default() -> Self {
        Self {
            running: false,
            speed: 1.0,
            pause_on_headlines: true,
            since: 0.0,
        }
    }
}

pub const SPEEDS: [f32; 4] = [0.5, 1.0, 2.0, 4.0];

fn toggle_with_key(
    keys: Res<ButtonInput<KeyCode>>,
    wants: Res<EguiWantsInput>,
    player: Res<Player>,
    mut autoplay: ResMut<Autoplay>,
) {
    if keys.just_pressed(KeyCode::KeyP) && !wants.wants_any_keyboard_input() && player.state.is_none() {
        autoplay.running = !autoplay.running;
    }
}

fn run_months(
    time: Res<Time<Real>>,
    player: Res<Player>,
    mut autoplay: ResMut<Autoplay>,
    mut headlines: ResMut<Headlines>,
    mut end_turn: ResMut<EndTurn>,
    mut wake: ResMut<crate::gui::window::redraw::Wake>,
) {
    // Only an observer's game runs by itself.
    if player.state.is_some() {
        autoplay.running = false;
    }
    if !autoplay.running {
        autoplay.since = 0.0;
        return;
    }
    if headlines.pending() {
        if autoplay.pause_on_headlines {
            autoplay.running = false;
            return;
        }
        // Watching without stopping: the turning points stay in the news.
        let seen = headlines.seen();
        headlines.skip_to(seen);
    }
    autoplay.since += time.delta_secs();
    let every = 1.0 / autoplay.speed.max(0.1);
    if autoplay.since >= every {
        autoplay.since = 0.0;
        end_turn.0 = true;
    }
    // The window sleeps between months; it wakes for the next one.
    wake.within_secs(every - autoplay.since);
}
