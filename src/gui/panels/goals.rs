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
use crate::gui::window::words::Words;
use crate::scenario::format::Indicator;
use crate::sim::mechanisms::goals::{self, GoalStatus};
use crate::sim::world::chronicle::Chronicle;
use crate::sim::world::history::History;
use crate::sim::world::registry::Registry;
use crate::sim::world::said::Said;

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

fn status_text(words: &Words, s: GoalStatus) -> (String, egui::Color32) {
    match s {
        GoalStatus::Open => (words.t("goals-status-open"), egui::Color32::from_rgb(200, 180, 90)),
        GoalStatus::Won { turn } => (
            words.t_args("goals-status-won", &crate::args!["turn" => turn]),
            egui::Color32::from_rgb(110, 190, 110),
        ),
        GoalStatus::Lost { turn } => (
            words.t_args("goals-status-lost", &crate::args!["turn" => turn]),
            egui::Color32::from_rgb(210, 100, 80),
        ),
    }
}

/// A goal's lines in the Goals window, in words ready to draw.
struct GoalLines {
    name: String,
    status: (String, egui::Color32),
    description: String,
    victory: Vec<String>,
    defeat: Vec<String>,
    levers: Vec<String>,
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
    let words = world.resource::<Words>();
    let reg = world.resource::<Registry>();
    let arg = |a: &crate::sim::world::said::Arg| crate::i18n::arg_text(&words.0, reg, a);
    let title = words.t("goals-title");
    let none = words.t("goals-none");
    let to_win = words.t("goals-to-win");
    let lost_if = words.t("goals-lost-if");
    let levers_title = words.t("goals-levers");
    let lines: Vec<GoalLines> = progress
        .iter()
        .map(|g| {
            let condition = |id: &str, t: &str| format!("  {}", words.t_args(id, &crate::args!["condition" => t]));
            GoalLines {
                name: arg(&g.name),
                status: status_text(words, g.status),
                description: arg(&g.description),
                victory: g
                    .victory
                    .iter()
                    .map(|(t, ok)| condition(if *ok { "goals-met" } else { "goals-not-yet" }, &words.0.phrase(t, reg)))
                    .collect(),
                defeat: g
                    .defeat
                    .iter()
                    .map(|(t, bad)| {
                        condition(
                            if *bad { "goals-holds-now" } else { "goals-does-not-hold" },
                            &words.0.phrase(t, reg),
                        )
                    })
                    .collect(),
                levers: g
                    .levers
                    .iter()
                    .map(|(name, what)| {
                        format!(
                            "  {}",
                            words.t_args(
                                "goals-lever",
                                &crate::args!["name" => arg(name), "what" => words.0.phrase(what, reg)]
                            )
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    let Some(ctx) = egui_context(world) else { return };
    let mut still = true;
    super::raise_when_opened(&ctx, "Goals");
    egui::Window::new(title)
        .id(egui::Id::new("Goals"))
        .open(&mut still)
        .default_width(420.0)
        .default_pos(egui::pos2(380.0, 80.0))
        .show(&ctx, |ui| {
            if lines.is_empty() {
                ui.label(&none);
            }
            for g in &lines {
                let (text, colour) = &g.status;
                ui.horizontal(|ui| {
                    ui.strong(&g.name);
                    ui.colored_label(*colour, text);
                });
                if !g.description.is_empty() {
                    ui.label(&g.description);
                }
                ui.small(&to_win);
                for t in &g.victory {
                    ui.small(t);
                }
                ui.small(&lost_if);
                for t in &g.defeat {
                    ui.small(t);
                }
                if !g.levers.is_empty() {
                    ui.small(&levers_title);
                    for t in &g.levers {
                        ui.small(t);
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
    let words = world.resource::<Words>();
    let heading = words.0.text("scenario-name", &scenario.name).into_owned();
    let description = words.0.text("scenario-description", &scenario.description).into_owned();
    let lead = reg
        .state(&code)
        .map(|s| words.0.phrase(&Said::new("goals-briefing-lead").state("state", s), reg))
        .unwrap_or_default();
    let goal_lines: Vec<String> = progress
        .iter()
        .map(|g| {
            let line = words.t_args(
                "goals-briefing-goal",
                &crate::args![
                    "name" => crate::i18n::arg_text(&words.0, reg, &g.name),
                    "description" => crate::i18n::arg_text(&words.0, reg, &g.description),
                ],
            );
            format!("• {line}")
        })
        .collect();
    let help = words.t("goals-briefing-help");
    let begin = words.t("goals-begin");
    let Some(ctx) = egui_context(world) else { return };
    let mut done = false;
    egui::Window::new(heading)
        .id(egui::Id::new("briefing"))
        .collapsible(false)
        .resizable(false)
        .default_width(520.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, -30.0))
        .show(&ctx, |ui| {
            ui.label(&description);
            ui.separator();
            ui.strong(&lead);
            for line in &goal_lines {
                ui.label(line);
            }
            ui.small(&help);
            if ui.button(&begin).clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
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
    let words = world.resource::<Words>();
    let name = words.state(reg, s);
    let won = progress
        .iter()
        .filter(|g| matches!(g.status, GoalStatus::Won { .. }))
        .count();
    let verdict = words.t(if won == progress.len() {
        "goals-victory"
    } else if won == 0 {
        "goals-defeat"
    } else {
        "goals-mixed-record"
    });
    let title = words.t_args("goals-end-title", &crate::args!["verdict" => verdict, "state" => name]);
    let statuses: Vec<(String, (String, egui::Color32))> = progress
        .iter()
        .map(|g| {
            let name = crate::i18n::arg_text(&words.0, world.resource::<Registry>(), &g.name);
            (name, status_text(words, g.status))
        })
        .collect();
    let turning_title = words.t("goals-turning-points");
    let observe_label = words.t("goals-continue-observer");
    let keep_label = words.t("goals-keep-playing");
    let menu_label = words.t("goals-main-menu");
    let turning: Vec<String> = world
        .resource::<Chronicle>()
        .news
        .iter()
        .enumerate()
        .filter(|(_, n)| headlines::is_headline(n.kind))
        .rev()
        .take(12)
        .map(|(i, n)| {
            let text = words.news_line(i, n, reg);
            format!("{}  {}", words.0.month(n.date), text)
        })
        .collect();
    let series: Vec<(String, Vec<[f64; 2]>)> = [Indicator::Stability, Indicator::Legitimacy, Indicator::Control]
        .into_iter()
        .map(|i| {
            let pts = world
                .resource::<History>()
                .snapshots
                .iter()
                .filter_map(|snap| snap.states.get(s.0 as usize).map(|st| [snap.turn as f64, st.get(i)]))
                .collect();
            (crate::i18n::capitalise(words.indicator(i)), pts)
        })
        .collect();
    let Some(ctx) = egui_context(world) else { return };
    let (mut observe, mut menu, mut close) = (false, false, false);
    egui::Window::new(title)
        .id(egui::Id::new("end_screen"))
        .collapsible(false)
        .resizable(false)
        .default_width(640.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, -20.0))
        .show(&ctx, |ui| {
            for (goal, (text, colour)) in &statuses {
                ui.horizontal(|ui| {
                    ui.strong(goal);
                    ui.colored_label(*colour, text);
                });
            }
            ui.separator();
            ui.strong(&turning_title);
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
                    for (label, pts) in &series {
                        plot.line(Line::new(label.clone(), PlotPoints::from(pts.clone())).width(2.0));
                    }
                });
            ui.horizontal(|ui| {
                if ui.button(&observe_label).clicked() {
                    observe = true;
                }
                if ui.button(&keep_label).clicked() {
                    close = true;
                }
                if ui.button(&menu_label).clicked() {
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
