//! The player's goals: a window (Goals button or G) with each goal's
//! conditions and where they stand now; and the end screen when every goal
//! is decided — what happened, the turning points, a chart of the
//! government's fortunes — from which the game can go on in observer mode.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, egui};
use egui_plot::{Legend, Line, Plot, PlotPoints};

use super::headlines;
use crate::gui::screens::screen::Screen;
use crate::gui::window::shared::Current;
use crate::gui::window::shared::Player;
use crate::scenario::format::Indicator;
use crate::sim::mechanisms::goals::{self, GoalStatus};
use crate::sim::world::chronicle::Chronicle;
use crate::sim::world::history::History;
use crate::sim::world::registry::Registry;

pub(in crate::gui) fn plugin(app: &mut App) {
    app.init_resource::<GoalsWindow>()
        .init_resource::<EndScreen>()
        .add_systems(
            Update,
            (
                toggle_with_key,
                watch_for_the_end
                    .run_if(in_state(Screen::Playing))
                    .after(headlines::collect_headlines),
                carry_out_observer_request,
            ),
        )
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            (
                draw_goals
                    .run_if(crate::gui::screens::screen::game_shown)
                    .in_set(crate::gui::window::phases::UiPhase::Windows),
                draw_briefing
                    .run_if(in_state(Screen::Briefing))
                    .in_set(crate::gui::window::phases::UiPhase::Screens),
                draw_end_screen
                    .run_if(in_state(Screen::Ended))
                    .in_set(crate::gui::window::phases::UiPhase::Screens),
            ),
        );
}

#[derive(Resource, Default)]
pub struct GoalsWindow(pub bool);

/// The end screen (`Screen::Ended`): shown once per game, when the
/// player's goals are all decided.
#[derive(Resource, Default)]
pub struct EndScreen {
    shown: bool,
    /// Continue as observer, asked for from the screen.
    observe: bool,
}

fn toggle_with_key(keys: Res<ButtonInput<KeyCode>>, wants: Res<EguiWantsInput>, mut window: ResMut<GoalsWindow>) {
    if keys.just_pressed(KeyCode::KeyG) && !wants.wants_any_keyboard_input() {
        window.0 = !window.0;
    }
}

fn watch_for_the_end(world: &mut World) {
    // A new game on screen: its end is still to come.
    if world.resource_ref::<Current>().is_changed() {
        *world.resource_mut::<EndScreen>() = EndScreen::default();
    }
    // The last month's turning points and lessons are read first (a
    // tutorial's last lesson comes in the month its goal is met); the end
    // screen follows.
    if !world.resource::<EndScreen>().shown
        && goals::player_done(world)
        && !world.resource::<headlines::Headlines>().pending()
    {
        world.resource_mut::<EndScreen>().shown = true;
        world.resource_mut::<NextState<Screen>>().set(Screen::Ended);
        // The end screen says it all: no dialogs on top of it.
        let news = world.resource::<Chronicle>().news.len();
        world.resource_mut::<headlines::Headlines>().skip_to(news);
    }
}

fn carry_out_observer_request(world: &mut World) {
    if !std::mem::take(&mut world.resource_mut::<EndScreen>().observe) {
        return;
    }
    // Observer mode is always open to a game: this cannot be refused.
    let _ = crate::sim::player::inputs::apply(world, crate::sim::player::inputs::PlayerInput::Play(None));
}

/// The primary egui context, for the exclusive systems that draw here.
fn egui_context(world: &mut World) -> Option<egui::Context> {
    let mut state = bevy::ecs::system::SystemState::<EguiContexts>::new(world);
    let mut contexts = state.get_mut(world).ok()?;
    contexts.ctx_mut().ok().cloned()
}

fn status_text(s: GoalStatus) -> (String, egui::Color32) {
    match s {
        GoalStatus::Open => ("open".into(), egui::Color32::from_rgb(200, 180, 90)),
        GoalStatus::Won { turn } => (format!("won in month {turn}"), egui::Color32::from_rgb(110, 190, 110)),
        GoalStatus::Lost { turn } => (format!("lost in month {turn}"), egui::Color32::from_rgb(210, 100, 80)),
    }
}

pub(in crate::gui) fn draw_goals(world: &mut World) {
    let open = world.resource::<GoalsWindow>().0;
    let Some(code) = world.resource::<Player>().state.clone() else {
        return;
    };
    if !open {
        return;
    }
    let progress = goals::progress(world, &code);
    let Some(ctx) = egui_context(world) else { return };
    let mut still = true;
    super::raise_when_opened(&ctx, "Goals");
    egui::Window::new("Goals")
        .id(egui::Id::new("Goals"))
        .open(&mut still)
        .default_width(420.0)
        .default_pos(egui::pos2(380.0, 80.0))
        .show(&ctx, |ui| {
            if progress.is_empty() {
                ui.label("This scenario gives your state no goals: play as you see fit.");
            }
            for g in &progress {
                let (text, colour) = status_text(g.status);
                ui.horizontal(|ui| {
                    ui.strong(&g.name);
                    ui.colored_label(colour, text);
                });
                if !g.description.is_empty() {
                    ui.label(&g.description);
                }
                ui.small("To win:");
                for (t, ok) in &g.victory {
                    ui.small(format!("  {} {t}", if *ok { "met:" } else { "not yet:" }));
                }
                ui.small("Lost if:");
                for (t, bad) in &g.defeat {
                    ui.small(format!("  {} {t}", if *bad { "holds now:" } else { "does not hold:" }));
                }
                if !g.levers.is_empty() {
                    ui.small("Levers (in Decisions):");
                    for (name, what) in &g.levers {
                        ui.small(format!("  {name}: {what}"));
                    }
                }
                ui.separator();
            }
        });
    world.resource_mut::<GoalsWindow>().0 = still;
}

/// The briefing at the start of a new game (not a loaded one, nor a
/// modder's reload): the situation and the player's goals.
pub(in crate::gui) fn draw_briefing(world: &mut World) {
    let Some(code) = world.resource::<Player>().state.clone() else {
        world.resource_mut::<NextState<Screen>>().set(Screen::Playing);
        return;
    };
    let scenario = world.resource::<Current>().0.file.meta.clone();
    let progress = goals::progress(world, &code);
    let reg = world.resource::<Registry>();
    let name = reg
        .state(&code)
        .map(|s| reg.state_name(s).to_string())
        .unwrap_or_default();
    let Some(ctx) = egui_context(world) else { return };
    let mut done = false;
    egui::Window::new(scenario.name.clone())
        .id(egui::Id::new("briefing"))
        .collapsible(false)
        .resizable(false)
        .default_width(520.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, -30.0))
        .show(&ctx, |ui| {
            ui.label(&scenario.description);
            ui.separator();
            ui.strong(format!("You lead {name}."));
            for g in &progress {
                ui.label(format!("• {}: {}", g.name, g.description));
            }
            ui.small("Goals (G) shows where each stands; Decisions (D) what you can do; End Turn runs the month.");
            if ui.button("Begin").clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                done = true;
            }
        });
    if done {
        world.resource_mut::<NextState<Screen>>().set(Screen::Playing);
    }
}

pub(in crate::gui) fn draw_end_screen(world: &mut World) {
    let Some(code) = world.resource::<Player>().state.clone() else {
        world.resource_mut::<NextState<Screen>>().set(Screen::Playing);
        return;
    };
    let progress = goals::progress(world, &code);
    let reg = world.resource::<Registry>();
    let Some(s) = reg.state(&code) else { return };
    let name = reg.state_name(s).to_string();
    let won = progress
        .iter()
        .filter(|g| matches!(g.status, GoalStatus::Won { .. }))
        .count();
    let verdict = if won == progress.len() {
        "Victory"
    } else if won == 0 {
        "Defeat"
    } else {
        "A mixed record"
    };
    let turning: Vec<String> = world
        .resource::<Chronicle>()
        .news
        .iter()
        .filter(|n| headlines::is_headline(n.kind))
        .rev()
        .take(12)
        .map(|n| {
            let text = world
                .resource::<crate::gui::window::words::Words>()
                .0
                .news(n, world.resource::<crate::sim::world::registry::Registry>());
            format!("{}  {}", n.date, text)
        })
        .collect();
    let series: Vec<(Indicator, Vec<[f64; 2]>)> = [Indicator::Stability, Indicator::Legitimacy, Indicator::Control]
        .into_iter()
        .map(|i| {
            let pts = world
                .resource::<History>()
                .snapshots
                .iter()
                .filter_map(|snap| snap.states.get(s.0 as usize).map(|st| [snap.turn as f64, st.get(i)]))
                .collect();
            (i, pts)
        })
        .collect();
    let Some(ctx) = egui_context(world) else { return };
    let (mut observe, mut menu, mut close) = (false, false, false);
    egui::Window::new(format!("{verdict} — {name}"))
        .id(egui::Id::new("end_screen"))
        .collapsible(false)
        .resizable(false)
        .default_width(640.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, -20.0))
        .show(&ctx, |ui| {
            for g in &progress {
                let (text, colour) = status_text(g.status);
                ui.horizontal(|ui| {
                    ui.strong(&g.name);
                    ui.colored_label(colour, text);
                });
            }
            ui.separator();
            ui.strong("Turning points");
            for t in turning.iter().rev() {
                ui.small(t);
            }
            ui.separator();
            Plot::new("end_chart")
                .height(160.0)
                .legend(Legend::default())
                .include_y(0.0)
                .include_y(100.0)
                .show(ui, |plot| {
                    for (i, pts) in &series {
                        plot.line(Line::new(i.snake().replace('_', " "), PlotPoints::from(pts.clone())).width(2.0));
                    }
                });
            ui.horizontal(|ui| {
                if ui.button("Continue as observer").clicked() {
                    observe = true;
                }
                if ui.button("Keep playing").clicked() {
                    close = true;
                }
                if ui.button("Main menu").clicked() {
                    menu = true;
                }
            });
        });
    world.resource_mut::<EndScreen>().observe = observe;
    if menu {
        world.resource_scope(|world, mut next: Mut<NextState<Screen>>| {
            crate::gui::screens::screen::open_menu_over_game(
                &mut world.resource_mut::<crate::gui::screens::screen::MenuOverGame>(),
                &mut next,
                Screen::Ended,
            );
        });
    } else if observe || close {
        world.resource_mut::<NextState<Screen>>().set(Screen::Playing);
    }
}
