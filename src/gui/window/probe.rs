//! What the window shows, written as JSON for tests that drive the game
//! from outside (under Xvfb, clicking with xdotool): set
//! `HARMATTAN_UI_REPORT=path.json`. Whenever it changes it says the date and
//! turn, the selection and the side panel's title, the map mode, where
//! each state's label and the End Turn button are on screen, and frame
//! times, so a test can click on Burkina Faso and check what happened.
//! The window sleeps when idle, so a test waits for what the report says,
//! never for a number of frames.

use std::path::PathBuf;

use bevy::prelude::*;
use serde::Serialize;

use super::shared::{Selection, UiLayout};
use crate::gui::map::modes::MapMode;
use crate::gui::map::view::MapShapes;
use crate::gui::panels::headlines::Headlines;
use crate::gui::screens::screen::Screen;
use crate::sim::world::registry::{Clock, Registry};

pub(in crate::gui) fn plugin(app: &mut App) {
    if let Some(path) = std::env::var_os("HARMATTAN_UI_REPORT") {
        app.insert_resource(Probe {
            path: PathBuf::from(path),
            frame: 0,
            frame_times: Vec::new(),
            last_turn: 0,
            turn_frames: Vec::new(),
            pan_frames: Vec::new(),
            last_camera: None,
            last_written: String::new(),
        })
        .add_systems(Last, write_report.before(super::redraw::plan_next_frame));
    }
}

#[derive(Resource)]
struct Probe {
    path: PathBuf,
    frame: u64,
    /// Seconds, every frame so far.
    frame_times: Vec<f32>,
    last_turn: u32,
    /// Seconds, the frames in which a turn was resolved.
    turn_frames: Vec<f32>,
    /// Seconds, frames drawn back to back while the map moved.
    pan_frames: Vec<f32>,
    last_camera: Option<Vec3>,
    last_written: String,
}

#[derive(Serialize)]
struct Report {
    frame: u64,
    /// The window has drawn its start-up frames (after which it may sleep).
    settled: bool,
    date: String,
    turn: u32,
    selected: Option<String>,
    /// The heading of the side panel, if it is open.
    panel: Option<String>,
    mode: String,
    headlines_pending: usize,
    /// Why the last hot reload failed, while it shows.
    reload_error: Option<String>,
    /// Window coordinates of each state's label (where a click selects it).
    labels: Vec<(String, [f32; 2])>,
    end_turn: Option<[f32; 4]>,
    /// The screen shown (`Screen`, by name).
    screen: String,
    menu_open: bool,
    /// The end screen is showing.
    game_over: bool,
    /// The start-of-game briefing is showing.
    briefing: bool,
    /// The decisions panel's entries and buttons on screen.
    decision_buttons: Vec<(String, [f32; 4])>,
    decision_filter: String,
    decision_find_focused: bool,
    futures_controls: Vec<(String, [f32; 4])>,
    futures: crate::gui::panels::futures::FuturesSummary,
    /// The hot-seat hand-over dialog is showing, and its button.
    hand_over: bool,
    hand_over_ready: Option<[f32; 4]>,
    /// The turning point on screen, with its "what led here".
    headline: Vec<String>,
    /// The top bar's word on the history option.
    record: String,
    /// The choices' options on screen ("EVENT:OPTION").
    choice_buttons: Vec<(String, [f32; 4])>,
    /// The choices waiting, with the answer given (option), if any.
    choices: Vec<(String, Option<usize>)>,
    /// The offers waiting, with the answer given, if any.
    offers: Vec<(u32, Option<bool>)>,
    /// The blocs of the state played, each with its members.
    player_blocs: Vec<(String, Vec<String>)>,
    /// The windows open (by title; "legend" for the map's legend) and
    /// where, in window pixels.
    windows: Vec<(String, [f32; 4])>,
    /// A turning point's dialog is on screen and nothing covers its middle.
    headline_on_top: bool,
    /// The top bar's "Game" menu button.
    game_menu: Option<[f32; 4]>,
    /// "Your month", while open.
    month: Option<crate::gui::panels::month::MonthText>,
    /// The offer dialogs' Accept and Decline ("accept:ID").
    offer_buttons: Vec<(String, [f32; 4])>,
    menu_items: Vec<(String, [f32; 4])>,
    menu_start: Option<[f32; 4]>,
    menu_history: Option<([f32; 4], bool)>,
    chart_picker: Vec<(String, [f32; 4])>,
    chart_states: Vec<String>,
    /// The state played, if any.
    player: Option<String>,
    /// The last few news items.
    news: Vec<String>,
    scenario: String,
    /// Frame times in milliseconds: median and worst over the frames drawn
    /// straight after another (panning, a progress bar: the time a frame
    /// takes, not how long the window slept before it; the first include
    /// start-up), and the worst frame in which a turn ended.
    median_frame_ms: f32,
    worst_frame_ms: f32,
    worst_turn_frame_ms: f32,
    frames_timed: usize,
    /// The median frame while the map pans, and how many were timed.
    median_pan_frame_ms: f32,
    pan_frames_timed: usize,
}

fn median_of(times: &[f32]) -> f32 {
    let mut sorted = times.to_vec();
    sorted.sort_by(f32::total_cmp);
    sorted.get(sorted.len() / 2).copied().unwrap_or(0.0)
}

/// Everything the report reads.
#[derive(bevy::ecs::system::SystemParam)]
struct Shown<'w, 's> {
    clock: Res<'w, Clock>,
    registry: Res<'w, Registry>,
    selection: Res<'w, Selection>,
    mode: Res<'w, MapMode>,
    headlines: Res<'w, Headlines>,
    layout: Res<'w, UiLayout>,
    shapes: Res<'w, MapShapes>,
    watch: Res<'w, super::reload::Watch>,
    screen: Res<'w, State<crate::gui::screens::screen::Screen>>,
    player: Res<'w, super::shared::Player>,
    info: Res<'w, crate::sim::world::spawn::GameInfo>,
    chronicle: Res<'w, crate::sim::world::chronicle::Chronicle>,
    futures: Res<'w, crate::gui::panels::futures::FuturesWindow>,
    pace: Res<'w, super::redraw::Pace>,
    month: Res<'w, crate::gui::panels::month::MonthWindow>,
    memberships: Query<'w, 's, &'static crate::sim::world::components::Membership>,
    open_choices: Res<'w, crate::sim::mechanisms::events::OpenChoices>,
    events: Res<'w, crate::sim::mechanisms::events::EventBook>,
    offers: Res<'w, crate::sim::player::offers::Offers>,
    words: Res<'w, super::words::Words>,
}

fn write_report(
    mut probe: ResMut<Probe>,
    time: Res<Time<Real>>,
    shown: Shown,
    camera: Single<(&Camera, &GlobalTransform), With<Camera2d>>,
) {
    let Shown {
        clock,
        registry,
        selection,
        mode,
        headlines,
        layout,
        shapes,
        watch,
        screen,
        player,
        info,
        chronicle,
        words,
        futures,
        pace,
        month,
        memberships,
        open_choices,
        events,
        offers,
    } = shown;
    probe.frame += 1;
    let dt = time.delta_secs();
    if probe.frame > 1 && pace.busy {
        probe.frame_times.push(dt);
    }
    // `Time` measures the frame before this one; a turn resolved then
    // shows in this frame's delta (and that frame asked for this one).
    if clock.turn != probe.last_turn {
        probe.last_turn = clock.turn;
        if pace.busy {
            probe.turn_frames.push(dt);
        }
    }
    let (cam, global) = camera.into_inner();
    let at = global.translation();
    if probe.last_camera.is_some_and(|l| l != at) && pace.busy {
        probe.pan_frames.push(dt);
    }
    probe.last_camera = Some(at);
    let labels = shapes
        .file
        .regions
        .iter()
        .filter(|r| shapes.in_play(&r.id))
        .filter_map(|r| {
            cam.world_to_viewport(global, Vec3::new(r.label[0], r.label[1], 0.0))
                .ok()
                .map(|p| (r.id.clone(), [p.x, p.y]))
        })
        .collect();
    let median = median_of(&probe.frame_times);
    let worst = probe.frame_times.iter().copied().fold(0.0, f32::max);
    let report = Report {
        frame: probe.frame,
        settled: pace.settled(),
        date: clock.date().to_string(),
        turn: clock.turn,
        selected: selection.selected.clone(),
        panel: selection
            .selected
            .as_deref()
            .and_then(|id| registry.state(id))
            .map(|s| registry.state_name(s).to_string()),
        mode: mode.label().to_string(),
        headlines_pending: headlines.queue.len(),
        reload_error: watch.error.clone(),
        labels,
        end_turn: layout.end_turn,
        screen: format!("{:?}", screen.get()),
        menu_open: *screen.get() == Screen::Menu,
        game_over: *screen.get() == Screen::Ended,
        briefing: *screen.get() == Screen::Briefing,
        decision_buttons: layout.decision_buttons.clone(),
        decision_filter: layout.decision_filter.clone(),
        decision_find_focused: layout.decision_find_focused,
        futures_controls: layout.futures_controls.clone(),
        futures: futures.summary(),
        hand_over: *screen.get() == Screen::HandOver,
        hand_over_ready: layout.hand_over_ready,
        offer_buttons: layout.offer_buttons.clone(),
        game_menu: layout.game_menu,
        choice_buttons: layout.choice_buttons.clone(),
        choices: open_choices
            .0
            .iter()
            .map(|c| (events.defs[c.event].id.clone(), c.answer))
            .collect(),
        offers: offers.open.iter().map(|o| (o.id, o.answer)).collect(),
        player_blocs: player
            .state
            .as_deref()
            .and_then(|c| registry.state(c))
            .map(|s| {
                memberships
                    .iter()
                    .filter(|m| m.state == s)
                    .map(|m| {
                        let members = memberships
                            .iter()
                            .filter(|x| x.bloc == m.bloc)
                            .map(|x| registry.state_code(x.state).to_string())
                            .collect();
                        (registry.bloc_code(m.bloc).to_string(), members)
                    })
                    .collect()
            })
            .unwrap_or_default(),
        headline: layout.headline.clone(),
        record: layout.record.clone(),
        windows: open_windows(layout.egui.as_ref()),
        headline_on_top: layout.egui.as_ref().is_some_and(|ctx| {
            let id = bevy_egui::egui::Id::new("headline");
            let layer = bevy_egui::egui::LayerId::new(bevy_egui::egui::Order::Foreground, id);
            ctx.memory(|m| {
                m.areas().is_visible(&layer)
                    && m.area_rect(id)
                        .is_some_and(|r| m.layer_id_at(r.center()) == Some(layer))
            })
        }),
        month: month.open.then(|| month.text.clone()),
        menu_items: layout.menu_items.clone(),
        menu_start: layout.menu_start,
        menu_history: layout.menu_history,
        chart_picker: layout.chart_picker.clone(),
        chart_states: layout.chart_states.clone(),
        player: player.state.clone(),
        news: chronicle
            .news
            .iter()
            .rev()
            .take(12)
            .map(|n| words.0.news(n, &registry))
            .collect(),
        scenario: info.name.clone(),
        median_frame_ms: median * 1000.0,
        worst_frame_ms: worst * 1000.0,
        worst_turn_frame_ms: probe.turn_frames.iter().copied().fold(0.0, f32::max) * 1000.0,
        frames_timed: probe.frame_times.len(),
        median_pan_frame_ms: median_of(&probe.pan_frames) * 1000.0,
        pan_frames_timed: probe.pan_frames.len(),
    };
    let Ok(text) = serde_json::to_string(&report) else {
        return;
    };
    // Frame numbers and times change every frame: the file is written when
    // something else has, or every tenth frame.
    let key = serde_json::to_string(&Report {
        frame: 0,
        median_frame_ms: 0.0,
        worst_frame_ms: 0.0,
        frames_timed: 0,
        median_pan_frame_ms: 0.0,
        pan_frames_timed: 0,
        ..report
    })
    .unwrap_or_default();
    if key == probe.last_written && !probe.frame.is_multiple_of(10) {
        return;
    }
    probe.last_written = key;
    // Written beside and renamed, so a reader never sees half a file.
    let tmp = probe.path.with_extension("tmp");
    if std::fs::write(&tmp, text).is_ok() {
        let _ = std::fs::rename(&tmp, &probe.path);
    }
}

/// The windows a test may look for, where they are if open.
fn open_windows(ctx: Option<&bevy_egui::egui::Context>) -> Vec<(String, [f32; 4])> {
    use bevy_egui::egui;
    let Some(ctx) = ctx else { return Vec::new() };
    let k = ctx.zoom_factor();
    [
        "Charts",
        "Decisions",
        "Goals",
        "What happens next?",
        "Your month",
        "Settings",
        "legend",
    ]
    .iter()
    .filter_map(|title| {
        let id = egui::Id::new(*title);
        ctx.memory(|m| {
            let shown = m.areas().is_visible(&egui::LayerId::new(egui::Order::Middle, id));
            shown.then(|| m.area_rect(id)).flatten()
        })
        .map(|r| {
            (
                title.to_string(),
                [r.min.x * k, r.min.y * k, r.width() * k, r.height() * k],
            )
        })
    })
    .collect()
}
