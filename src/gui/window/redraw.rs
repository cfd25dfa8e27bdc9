//! A window that sleeps: the game draws a frame when something happens (a
//! key, the pointer, a finished turn, a progress tick, an animation, a
//! timer coming due), not sixty times a second. Left on its menu or between
//! turns, it uses next to no CPU, as a desktop application should.
//!
//! Whatever needs frames says so through [`Wake`]: `now()` for another
//! frame at once (a pan under way), `within(d)` for one when a timer comes
//! due (the observer's next month, a toast going away). Input and egui's own
//! repaint requests wake the window through winit and bevy_egui.

use std::time::Duration;

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_egui::{EguiFullOutput, EguiInput, EguiPostUpdateSet, EguiPreUpdateSet, egui};

/// The longest the window sleeps with nothing to do. A frame every few
/// seconds costs nothing worth measuring and bounds how stale anything not
/// wired to wake it (a file on disk, a clock) can look.
const IDLE: Duration = Duration::from_secs(5);

/// Frames drawn at once after start-up, while the window settles (its first
/// size, fonts, the first layout of egui's panels).
const SETTLING_FRAMES: u32 = 30;

pub(in crate::gui) fn plugin(app: &mut App) {
    app.insert_resource(wait_up_to(IDLE))
        .init_resource::<Wake>()
        .init_resource::<Pace>()
        .add_systems(
            PreUpdate,
            drop_unchanged_modifiers
                .after(EguiPreUpdateSet::ProcessInput)
                .before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(
            PostUpdate,
            follow_egui
                .after(EguiPostUpdateSet::EndPass)
                .before(EguiPostUpdateSet::ProcessOutput),
        )
        .add_systems(Last, (wake_for_pending_work, plan_next_frame).chain())
        .add_systems(bevy_egui::EguiPrimaryContextPass, steady_text_cursor.run_if(run_once));
}

/// A focused text field's blinking cursor asks egui for a repaint every
/// half second, which bevy_egui turns into a frame at once: a window with
/// the Find box focused would never sleep. The cursor stays lit instead.
fn steady_text_cursor(mut contexts: bevy_egui::EguiContexts) -> Result {
    contexts
        .ctx_mut()?
        .all_styles_mut(|s| s.visuals.text_cursor.blink = false);
    Ok(())
}

/// A screen change, a player's input, End Turn or anything else a click or
/// a key asked for in this frame is carried out in the next: that frame
/// must come.
fn wake_for_pending_work(
    next: Res<NextState<crate::gui::screens::screen::Screen>>,
    inputs: Res<Messages<crate::sim::player::inputs::PlayerInput>>,
    end_turn: Res<super::shared::EndTurn>,
    mouse: Res<ButtonInput<MouseButton>>,
    keys: Res<ButtonInput<KeyCode>>,
    mut wake: ResMut<Wake>,
) {
    let screen_changes = matches!(*next, NextState::Pending(_) | NextState::PendingIfNeq(_));
    // A click or key read by egui's pass (a menu's Start, Save, Run) is
    // acted on in the next frame's `Update`.
    let acted = mouse.get_just_pressed().next().is_some()
        || mouse.get_just_released().next().is_some()
        || keys.get_just_pressed().next().is_some();
    if screen_changes || acted || !inputs.is_empty() || end_turn.0 {
        wake.now();
    }
}

fn wait_up_to(wait: Duration) -> WinitSettings {
    WinitSettings {
        focused_mode: UpdateMode::reactive(wait),
        // Unfocused, the pointer moving over other windows does not wake it.
        unfocused_mode: UpdateMode::reactive_low_power(wait),
    }
}

/// When the next frame is wanted, as asked for during this one.
#[derive(Resource, Debug, Default)]
pub struct Wake {
    soonest: Option<Duration>,
}

impl Wake {
    /// Another frame straight after this one: something is moving.
    pub fn now(&mut self) {
        self.within(Duration::ZERO);
    }

    /// A frame no later than `d` from now: a timer comes due then.
    pub fn within(&mut self, d: Duration) {
        self.soonest = Some(self.soonest.map_or(d, |s| s.min(d)));
    }

    /// Like `within`, in seconds (as `Time` gives them).
    pub fn within_secs(&mut self, secs: f32) {
        self.within(Duration::from_secs_f32(secs.clamp(0.0, IDLE.as_secs_f32())));
    }
}

/// How the last frame ended, for the probe's frame times: a frame that
/// followed one asking for another at once measures the work of a frame;
/// one that followed a sleep measures the sleep.
#[derive(Resource, Debug, Default)]
pub struct Pace {
    pub frames: u32,
    /// The frame before this one asked for another at once (read before
    /// `plan_next_frame`, which sets it for the next frame).
    pub busy: bool,
}

impl Pace {
    /// The start-up frames are drawn: the window shows what it will show
    /// until something happens.
    pub fn settled(&self) -> bool {
        self.frames + 1 >= SETTLING_FRAMES
    }
}

/// bevy_egui 0.42 tells egui the modifier keys every frame, changed or not,
/// and egui takes any input event as a reason to paint again at once: the
/// window would never sleep. Only a change is passed on.
fn drop_unchanged_modifiers(mut inputs: Query<&mut EguiInput>, mut last: Local<Option<egui::Modifiers>>) {
    for mut input in &mut inputs {
        input.0.events.retain(|event| match event {
            egui::Event::ModifiersChanged(m) => {
                let changed = *last != Some(*m);
                *last = Some(*m);
                changed
            }
            _ => true,
        });
    }
}

/// egui asks for a repaint after a delay (a tooltip shown after the pointer
/// rests, a blinking cursor); bevy_egui wakes the window only for requests
/// with no delay, so the rest are timers here.
fn follow_egui(outputs: Query<&EguiFullOutput>, mut wake: ResMut<Wake>) {
    for output in &outputs {
        let Some(full) = &output.0 else { continue };
        for viewport in full.viewport_output.values() {
            if viewport.repaint_delay < IDLE {
                wake.within(viewport.repaint_delay);
            }
        }
    }
}

pub(in crate::gui) fn plan_next_frame(
    mut wake: ResMut<Wake>,
    mut pace: ResMut<Pace>,
    mut settings: ResMut<WinitSettings>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    pace.frames += 1;
    if pace.frames < SETTLING_FRAMES {
        wake.now();
    }
    let soonest = wake.soonest.take();
    pace.busy = soonest == Some(Duration::ZERO);
    if pace.busy {
        redraw.write(RequestRedraw);
    }
    // Reactive mode waits `wait` from the start of the last frame; a timer
    // shortens it for one frame, and the idle wait returns after.
    let wanted = wait_up_to(soonest.unwrap_or(IDLE).min(IDLE));
    if settings.focused_mode != wanted.focused_mode || settings.unfocused_mode != wanted.unfocused_mode {
        *settings = wanted;
    }
}
