//! Charts (egui_plot): any indicator of any states over the months played,
//! from the game's history, with the turning points that concern them
//! marked on the time axis (coups, pacts, exits, sanctions, forces
//! expelled). Opened with the Charts button or the C key.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, egui};
use egui_plot::{Legend, Line, LineStyle, Plot, PlotPoint, PlotPoints, Text, VLine};

use crate::gui::window::shared::{Player, Selection};
use crate::gui::window::words::Words;
use crate::scenario::YearMonth;
use crate::scenario::format::Indicator;
use crate::sim::world::chronicle::{Chronicle, NewsKind};
use crate::sim::world::history::History;
use crate::sim::world::registry::{Clock, Registry};

pub(in crate::gui) fn plugin(app: &mut App) {
    app.init_resource::<Charts>()
        .add_systems(Update, toggle_with_key)
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            draw_charts
                .run_if(crate::gui::screens::screen::game_shown)
                .in_set(crate::gui::window::phases::UiPhase::Windows),
        );
}

/// What the chart window shows.
#[derive(Resource)]
pub struct Charts {
    pub open: bool,
    pub indicator: Indicator,
    /// State ids drawn; when empty, the selected and the player's state.
    pub states: Vec<String>,
}

impl Default for Charts {
    fn default() -> Self {
        Self {
            open: false,
            indicator: Indicator::Stability,
            states: Vec::new(),
        }
    }
}

fn toggle_with_key(keys: Res<ButtonInput<KeyCode>>, wants: Res<EguiWantsInput>, mut charts: ResMut<Charts>) {
    if keys.just_pressed(KeyCode::KeyC) && !wants.wants_any_keyboard_input() {
        charts.open = !charts.open;
    }
}

/// Distinct line colours, by the state's place in the list.
const LINES: [egui::Color32; 8] = [
    egui::Color32::from_rgb(200, 80, 60),
    egui::Color32::from_rgb(60, 110, 190),
    egui::Color32::from_rgb(70, 150, 80),
    egui::Color32::from_rgb(210, 150, 40),
    egui::Color32::from_rgb(140, 80, 170),
    egui::Color32::from_rgb(40, 160, 170),
    egui::Color32::from_rgb(120, 90, 60),
    egui::Color32::from_rgb(220, 100, 160),
];

#[allow(clippy::too_many_arguments)]
pub(in crate::gui) fn draw_charts(
    mut contexts: EguiContexts,
    mut charts: ResMut<Charts>,
    history: Res<History>,
    registry: Res<Registry>,
    clock: Res<Clock>,
    selection: Res<Selection>,
    player: Res<Player>,
    chronicle: Res<Chronicle>,
    mut layout: ResMut<crate::gui::window::shared::UiLayout>,
    words: Res<Words>,
) -> Result {
    layout.chart_picker.clear();
    layout.chart_states.clear();
    if !charts.open {
        return Ok(());
    }
    // Until the player picks, follow the selection and the player's state.
    if charts.states.is_empty() {
        charts.states = [selection.selected.clone(), player.state.clone()]
            .into_iter()
            .flatten()
            .collect();
        charts.states.dedup();
        if charts.states.is_empty() && registry.state_count() > 0 {
            charts.states.push(
                registry
                    .state_code(crate::sim::world::components::StateIdx(0))
                    .to_string(),
            );
        }
    }
    let ctx = contexts.ctx_mut()?;
    let k = ctx.zoom_factor();
    let px = |r: egui::Rect| [r.min.x * k, r.min.y * k, r.width() * k, r.height() * k];
    let picker = &mut layout.chart_picker;
    let mut open = charts.open;
    let start = clock.start;
    let words = &*words;
    super::raise_when_opened(ctx, "Charts");
    egui::Window::new(words.t("charts-title"))
        // By name, for `raise_when_opened` and the probe (egui hashes a
        // title differently).
        .id(egui::Id::new("Charts"))
        .open(&mut open)
        .default_size(egui::vec2(620.0, 380.0))
        .default_pos(egui::pos2(60.0, 60.0))
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                egui::ComboBox::from_id_salt("chart_indicator")
                    .selected_text(words.indicator(charts.indicator))
                    .show_ui(ui, |ui| {
                        for i in Indicator::ALL {
                            ui.selectable_value(&mut charts.indicator, i, words.indicator(i));
                        }
                    });
                // Stays open while states are ticked (a menu closes on
                // any click by default); states by name, as they read.
                let config = egui::containers::menu::MenuConfig::new()
                    .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
                let mut by_name: Vec<(crate::sim::world::components::StateIdx, String)> = (0..registry.state_count())
                    .map(|s| crate::sim::world::components::StateIdx(s as u16))
                    .map(|s| (s, words.state(&registry, s)))
                    .collect();
                by_name.sort_by_cached_key(|(_, name)| alphabetical(name));
                let (button, _) = egui::containers::menu::MenuButton::new(words.t("charts-states-button"))
                    .config(config)
                    .ui(ui, |ui| {
                        egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                            for (idx, name) in &by_name {
                                let code = registry.state_code(*idx).to_string();
                                let mut on = charts.states.contains(&code);
                                let item = ui.checkbox(&mut on, name);
                                picker.push((code.clone(), px(item.rect)));
                                if item.changed() {
                                    if on {
                                        charts.states.push(code);
                                    } else {
                                        charts.states.retain(|c| *c != code);
                                    }
                                }
                            }
                        });
                    });
                picker.push(("open".to_string(), px(button.rect)));
            });
            let indicator = charts.indicator;
            let (lo, hi) = indicator.range();
            let top = if hi > 30.0 { 100.0 } else { 10.0 };
            let shown: Vec<_> = charts.states.iter().filter_map(|c| registry.state(c)).collect();
            // The turning points of the states drawn: at the month after
            // which they stand (a coup in August is at September's mark).
            let marks: Vec<(u32, String)> = chronicle
                .news
                .iter()
                .filter_map(|n| {
                    let mark = mark_message(n.kind)?;
                    let who = shown.iter().find(|s| n.state == Some(**s) || n.members.contains(s))?;
                    let label = words.t_args(mark, &crate::args!["state" => registry.state_code(*who)]);
                    Some((n.turn, label))
                })
                .collect();
            Plot::new("chart")
                // Bottom left, where the lines seldom run: the legend keeps
                // off what it names.
                .legend(Legend::default().position(egui_plot::Corner::LeftBottom))
                .include_y(lo.max(0.0))
                .include_y(if hi > 30.0 { 100.0 } else { 10.0 })
                .x_axis_formatter(move |mark, _| month_label(start, mark.value))
                .y_axis_label(words.indicator(indicator))
                .show(ui, |plot| {
                    for (n, code) in charts.states.iter().enumerate() {
                        let Some(s) = registry.state(code) else { continue };
                        let points: Vec<[f64; 2]> = history
                            .snapshots
                            .iter()
                            .filter_map(|snap| {
                                snap.states
                                    .get(s.0 as usize)
                                    .map(|st| [snap.turn as f64, st.get(indicator)])
                            })
                            .collect();
                        plot.line(
                            Line::new(words.state(&registry, s), PlotPoints::from(points))
                                .color(LINES[n % LINES.len()])
                                .width(2.0),
                        );
                    }
                    // Unnamed, so that the legend lists the states alone.
                    let mut at_turn: Vec<u32> = Vec::new();
                    for (turn, label) in &marks {
                        let x = *turn as f64;
                        let stacked = at_turn.iter().filter(|t| *t == turn).count();
                        at_turn.push(*turn);
                        if stacked == 0 {
                            plot.vline(
                                VLine::new("", x)
                                    .color(egui::Color32::from_gray(140))
                                    .style(LineStyle::dashed_loose())
                                    .allow_hover(false),
                            );
                        }
                        plot.text(
                            Text::new("", PlotPoint::new(x, top - stacked as f64 * top * 0.06), label.as_str())
                                .color(egui::Color32::from_gray(200))
                                .anchor(egui::Align2::LEFT_TOP)
                                .allow_hover(false),
                        );
                    }
                });
        });
    charts.open = open;
    layout.chart_states = charts.states.clone();
    Ok(())
}

/// The message that marks a turning point on a chart (with the state's
/// code), for the kinds marked.
fn mark_message(kind: NewsKind) -> Option<&'static str> {
    Some(match kind {
        NewsKind::Coup => "charts-mark-coup",
        NewsKind::CoupFailed => "charts-mark-failed-coup",
        NewsKind::BlocFormed => "charts-mark-pact",
        NewsKind::BlocJoined => "charts-mark-joins",
        NewsKind::BlocLeft => "charts-mark-leaves",
        NewsKind::WithdrawalAnnounced => "charts-mark-exit-announced",
        NewsKind::SanctionsImposed => "charts-mark-sanctions",
        NewsKind::SanctionsLifted => "charts-mark-sanctions-lifted",
        NewsKind::ForcesExpelled => "charts-mark-forces-expelled",
        NewsKind::CivilianRule => "charts-mark-elected-rule",
        _ => return None,
    })
}

/// A name's place in an alphabetical list, as a reader looks for it: the
/// article left out (the Gambia under G, la Guinée under G), letters
/// without their accents (Bénin before Burkina Faso) and case.
pub(super) fn alphabetical(name: &str) -> String {
    let bare = [
        "The ", "the ", "La ", "la ", "Le ", "le ", "Les ", "les ", "L'", "l'", "L’", "l’",
    ]
    .iter()
    .find_map(|a| name.strip_prefix(a))
    .unwrap_or(name);
    bare.chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => 'a',
            'ç' | 'Ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'î' | 'ï' | 'í' | 'Î' | 'Ï' | 'Í' => 'i',
            'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' | 'Ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => 'u',
            'ÿ' | 'Ÿ' => 'y',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Turn n is the state at the start of the month `start + n` (turn 0: the
/// scenario's start).
fn month_label(start: YearMonth, turn: f64) -> String {
    if turn.fract().abs() > 1e-6 || turn < 0.0 {
        return String::new();
    }
    start.plus_months(turn as i64).to_string()
}
