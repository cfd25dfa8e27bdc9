//! Everything drawn with egui over the map: the top bar (date, turn, the
//! player's state, map modes, End Turn), the legend, the selected state's
//! side panel (every indicator with last month's change by cause, leader,
//! memberships, partnerships, relations), the hover tooltip, the news feed
//! and the player's decisions.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::causes::{Books, cause_label};
use super::charts::Charts;
use super::decisions::DecisionPanel;
use super::futures::FuturesWindow;
use super::goals::GoalsWindow;
use super::headlines::Headlines;
use super::observer::{Autoplay, SPEEDS};
use crate::gui::map::modes::{self, MapMode};
use crate::gui::screens::screen::{MenuOverGame, Screen, game_shown};
use crate::gui::window::phases::UiPhase;
use crate::gui::window::saves::{SaveAction, Toast};
use crate::gui::window::settings::SettingsWindow;
use crate::gui::window::shared::{EndTurn, Player, Selection, StateFacts, UiLayout};
use crate::gui::window::words::Words;
use crate::scenario::YearMonth;
use crate::scenario::format::{Indicator, RegimeKind, Stage};
use crate::sim::world::chronicle::{Chronicle, NewsKind};
use crate::sim::world::components::*;
use crate::sim::world::ledger::{Ledger, Measure};
use crate::sim::world::registry::{Clock, Registry};
use crate::sim::world::relations::Relations;
use crate::sim::world::said::{Arg, Said};
use crate::sim::world::spawn::GameInfo;

pub(in crate::gui) fn plugin(app: &mut App) {
    app.init_resource::<NewsFilter>()
        .add_systems(Update, switch_with_keys)
        .add_systems(
            EguiPrimaryContextPass,
            (
                (draw_screen, draw_legend).chain().in_set(UiPhase::Frame),
                draw_tooltip.in_set(UiPhase::Tooltip),
            )
                .run_if(game_shown),
        )
        .add_systems(
            EguiPrimaryContextPass,
            (draw_hand_over
                .run_if(in_state(Screen::HandOver))
                .in_set(UiPhase::Screens),),
        )
        .add_systems(OnExit(Screen::HandOver), forget_hand_over_controls);
}

/// Controls of a screen no longer shown are not there to click.
fn forget_hand_over_controls(mut layout: ResMut<UiLayout>) {
    layout.hand_over_ready = None;
}

/// Hot-seat: asks the next player to take the mouse, so that no one acts
/// in another's name by mistake.
fn draw_hand_over(
    mut contexts: EguiContexts,
    mut next: ResMut<NextState<Screen>>,
    player: Res<Player>,
    registry: Res<Registry>,
    mut layout: ResMut<crate::gui::window::shared::UiLayout>,
    words: Res<Words>,
) -> Result {
    let seat = player.state.as_deref().and_then(|c| registry.state(c));
    let said = |id: &'static str| {
        seat.map(|s| words.say(&Said::new(id).state("state", s), &registry))
            .unwrap_or_default()
    };
    let (turn, pass) = (said("frame-hand-over-turn"), said("frame-hand-over-pass"));
    let ctx = contexts.ctx_mut()?;
    let k = ctx.zoom_factor();
    egui::Window::new(words.t("frame-hand-over-title"))
        .id(egui::Id::new("Next player"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .show(ctx, |ui| {
            ui.label(egui::RichText::new(turn).strong().size(18.0));
            ui.label(pass);
            let ready = ui.button(words.t("frame-hand-over-ready"));
            let r = ready.rect;
            // A new window's first pass only measures it, off where it
            // will be: its button is reported once it is drawn in place.
            if !ui.is_sizing_pass() {
                layout.hand_over_ready = Some([r.min.x * k, r.min.y * k, r.width() * k, r.height() * k]);
            }
            if ready.clicked() {
                next.set(Screen::Playing);
            }
        });
    Ok(())
}

/// What the news feed shows.
#[derive(Resource)]
pub struct NewsFilter {
    pub selected_only: bool,
    pub major_only: bool,
    pub topic: Topic,
}

impl Default for NewsFilter {
    fn default() -> Self {
        Self {
            selected_only: false,
            major_only: true,
            topic: Topic::All,
        }
    }
}

/// Kinds of news, grouped for the feed's filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    All,
    Coups,
    Blocs,
    Partnerships,
    Economy,
    Scenario,
}

impl Topic {
    const ALL: [Topic; 6] = [
        Topic::All,
        Topic::Coups,
        Topic::Blocs,
        Topic::Partnerships,
        Topic::Economy,
        Topic::Scenario,
    ];

    /// The id of its name in the player's language.
    fn message(self) -> &'static str {
        match self {
            Topic::All => "frame-topic-all",
            Topic::Coups => "frame-topic-coups",
            Topic::Blocs => "frame-topic-blocs",
            Topic::Partnerships => "frame-topic-partnerships",
            Topic::Economy => "frame-topic-economy",
            Topic::Scenario => "frame-topic-scenario",
        }
    }

    fn covers(self, kind: NewsKind) -> bool {
        use NewsKind as K;
        match self {
            Topic::All => true,
            Topic::Coups => matches!(kind, K::Coup | K::CoupFailed | K::LeaderChanged),
            Topic::Blocs => matches!(
                kind,
                K::BlocFormed
                    | K::BlocJoined
                    | K::BlocDeepened
                    | K::BlocDissolved
                    | K::WithdrawalAnnounced
                    | K::BlocLeft
                    | K::Suspended
                    | K::Reinstated
                    | K::SanctionsImposed
                    | K::SanctionsLifted
                    | K::InterventionThreatened
                    | K::ProjectCompleted
            ),
            Topic::Partnerships => matches!(
                kind,
                K::PartnershipProposed
                    | K::PartnershipAdvanced
                    | K::PartnershipSigned
                    | K::PartnershipInForce
                    | K::PartnershipSuspended
                    | K::PartnershipEnded
                    | K::ForcesExpelled
            ),
            Topic::Economy => matches!(kind, K::GrainExportsBanned | K::GrainExportsResumed),
            Topic::Scenario => matches!(kind, K::Scripted | K::Announcement | K::GoalReached | K::GoalFailed),
        }
    }
}

/// Number keys pick the map mode; Escape closes the windows one by one,
/// the topmost kind first, then clears the selection (a turning point on
/// screen takes Escape for itself).
fn switch_with_keys(
    keys: Res<ButtonInput<KeyCode>>,
    wants: Res<EguiWantsInput>,
    mut mode: ResMut<MapMode>,
    mut selection: ResMut<Selection>,
    headlines: Res<Headlines>,
    mut windows: OpenWindows,
    layout: Res<UiLayout>,
) {
    if keys.just_pressed(KeyCode::Escape) && !headlines.pending() && !wants.wants_any_keyboard_input() {
        let w = &mut windows;
        // Their window ids (the English titles), not words shown.
        let open: [(&str, &mut bool); 6] = [
            ("Settings", &mut w.settings.0),
            ("Your month", &mut w.month.open),
            ("Decisions", &mut w.decisions.open),
            ("Goals", &mut w.goals.0),
            ("What happens next?", &mut w.futures.open),
            ("Charts", &mut w.charts.open),
        ];
        // The window on top goes first: egui's layers, top to bottom
        // (their ids are the titles); in this list's order otherwise.
        let on_top: Vec<egui::Id> = layout
            .egui
            .as_ref()
            .map(|ctx| ctx.memory(|m| m.layer_ids().map(|l| l.id).collect::<Vec<_>>()))
            .unwrap_or_default();
        let rank = |title: &str| {
            on_top
                .iter()
                .rposition(|id| *id == egui::Id::new(title))
                .map_or(0, |p| p + 1)
        };
        let topmost = open
            .iter()
            .enumerate()
            .filter(|(_, (_, o))| **o)
            .max_by_key(|(k, (title, _))| (rank(title), usize::MAX - k))
            .map(|(k, _)| k);
        match topmost {
            Some(k) => *open[k].1 = false,
            None => selection.selected = None,
        }
        return;
    }
    if wants.wants_any_keyboard_input() {
        return;
    }
    let digits = [
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
        KeyCode::Digit5,
        KeyCode::Digit6,
        KeyCode::Digit7,
    ];
    for (key, m) in digits.iter().zip(MapMode::KEYED) {
        // Alignment keeps the power already chosen.
        if keys.just_pressed(*key) && !mode.same_kind(m) {
            *mode = m;
        }
    }
}

/// The windows a player opens, for Escape to close.
#[derive(SystemParam)]
struct OpenWindows<'w> {
    settings: ResMut<'w, SettingsWindow>,
    month: ResMut<'w, super::month::MonthWindow>,
    decisions: ResMut<'w, DecisionPanel>,
    goals: ResMut<'w, GoalsWindow>,
    futures: ResMut<'w, FuturesWindow>,
    charts: ResMut<'w, Charts>,
}

/// The game as the panels show it.
#[derive(SystemParam)]
struct GameView<'w> {
    clock: Res<'w, Clock>,
    registry: Res<'w, Registry>,
    chronicle: Res<'w, Chronicle>,
    words: Res<'w, Words>,
    ledger: Res<'w, Ledger>,
    relations: Res<'w, Relations>,
    books: Books<'w>,
    info: Res<'w, GameInfo>,
    player: Res<'w, Player>,
    humans: Res<'w, crate::sim::world::players::Humans>,
    course: Res<'w, crate::sim::world::course::Course>,
}

fn color32(c: Color) -> egui::Color32 {
    let s = c.to_srgba();
    egui::Color32::from_rgb((s.red * 255.0) as u8, (s.green * 255.0) as u8, (s.blue * 255.0) as u8)
}

/// An indicator's name in the side panel, with its unit.
fn indicator_label(words: &Words, i: Indicator) -> String {
    words.t(&format!("frame-indicator-{}", i.snake()))
}

/// A regime as the panels name it ("military junta").
fn regime_label(words: &Words, kind: RegimeKind) -> String {
    words.term("frame-regime", kind.snake())
}

/// A leader's name as a label, the rank in the player's language
/// ("Capitaine Ibrahim Traoré").
fn leader_label(words: &Words, reg: &Registry, leader: &str) -> String {
    crate::i18n::capitalise(crate::i18n::arg_text(&words.0, reg, &Arg::Name(leader.to_string())))
}

/// Last month's change with its sign, "±0" when there was none to speak of.
fn signed(words: &Words, v: f64) -> String {
    if v.abs() < 0.05 {
        "±0".into()
    } else {
        super::causes::signed(words, v, 1)
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_screen(
    mut contexts: EguiContexts,
    game: GameView,
    facts: StateFacts,
    mut end_turn: ResMut<EndTurn>,
    mut mode: ResMut<MapMode>,
    mut selection: ResMut<Selection>,
    mut filter: ResMut<NewsFilter>,
    mut charts: ResMut<Charts>,
    (headlines, screen, mut next): (Res<Headlines>, Res<State<Screen>>, ResMut<NextState<Screen>>),
    mut layout: ResMut<UiLayout>,
    window: Single<&Window>,
    (mut actions, toast, time): (MessageWriter<SaveAction>, Res<Toast>, Res<Time<Real>>),
    (mut menu, mut settings, mut decision_panel, mut goals_window): (
        ResMut<MenuOverGame>,
        ResMut<SettingsWindow>,
        ResMut<DecisionPanel>,
        ResMut<GoalsWindow>,
    ),
    (mut autoplay, mut futures_window, mut month): (
        ResMut<Autoplay>,
        ResMut<FuturesWindow>,
        ResMut<super::month::MonthWindow>,
    ),
) -> Result {
    let ctx = contexts.ctx_mut()?;
    layout.egui = Some(ctx.clone());
    // egui points to window pixels (logical): the UI scale.
    let ui_scale_base = window.scale_factor();
    let mut root = egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    let reg = &game.registry;
    egui::Panel::top("top_bar").show(&mut root, |ui| {
        // End Turn comes first so that it is always on screen; the rest
        // wraps onto a second row on a narrow window or a large interface.
        ui.horizontal_wrapped(|ui| {
            let keys = ui.input(|i| i.key_pressed(egui::Key::Space) || i.key_pressed(egui::Key::Enter));
            let typing = ui.ctx().egui_wants_keyboard_input();
            // The turn's headlines come first.
            // Nor while the next player has not taken the seat, or the
            // briefing is unread.
            let ready = !headlines.pending() && *screen.get() == Screen::Playing;
            // Hot-seat: the seat passes until the last player ends the month.
            let seats = &game.humans.0;
            let mine = game.player.state.as_deref().and_then(|c| reg.state(c));
            let label = match seats.iter().position(|s| Some(*s) == mine) {
                Some(i) if seats.len() > 1 && i + 1 < seats.len() => game
                    .words
                    .say(&Said::new("frame-pass-to").state("state", seats[i + 1]), reg),
                _ => game.words.t("frame-end-turn"),
            };
            let button = ui
                .add_enabled(ready, egui::Button::new(label))
                .on_hover_text(game.words.t("frame-end-turn-hint"))
                .on_disabled_hover_text(game.words.t("frame-end-turn-wait"));
            if ready && (button.clicked() || (keys && !typing)) {
                end_turn.0 = true;
            }
            let r = button.rect;
            let k = ui.ctx().pixels_per_point() / ui_scale_base;
            layout.end_turn = Some([r.min.x * k, r.min.y * k, r.width() * k, r.height() * k]);
            // An observer can let the months run.
            if game.player.state.is_none() {
                let label = if autoplay.running {
                    game.words.t("frame-pause")
                } else {
                    game.words.t("frame-run")
                };
                if ui.button(label).on_hover_text(game.words.t("frame-run-hint")).clicked() {
                    autoplay.running = !autoplay.running;
                }
                egui::ComboBox::from_id_salt("speed")
                    .width(90.0)
                    .selected_text(speed_label(&game.words, autoplay.speed))
                    .show_ui(ui, |ui| {
                        for s in SPEEDS {
                            ui.selectable_value(&mut autoplay.speed, s, speed_label(&game.words, s));
                        }
                    });
                ui.checkbox(
                    &mut autoplay.pause_on_headlines,
                    game.words.t("frame-stop-at-headlines"),
                );
            }
            // The scenario's name is in the window title and on hover. The
            // date takes the width of the longest month's, so that the bar
            // does not move (or wrap) as the months' names change.
            let turn = game.clock.turn + 1;
            let dated = |d: YearMonth| {
                game.words.t_args(
                    "frame-date",
                    &crate::args!["date" => game.words.0.month(d), "turn" => turn],
                )
            };
            let date = dated(game.clock.date());
            let font = egui::TextStyle::Body.resolve(ui.style());
            let year = game.clock.date().year;
            let widest = ui.ctx().fonts_mut(|f| {
                (1..=12)
                    .map(|month| {
                        f.layout_no_wrap(dated(YearMonth { year, month }), font.clone(), egui::Color32::WHITE)
                            .size()
                            .x
                    })
                    .fold(0.0, f32::max)
            });
            ui.add_sized(
                egui::vec2(widest + 4.0, ui.spacing().interact_size.y),
                egui::Label::new(egui::RichText::new(date).strong()),
            )
            .on_hover_text(game.words.0.text("scenario-name", &game.info.name));
            ui.separator();
            let who = match game.player.state.as_deref().and_then(|id| reg.state(id)) {
                Some(s) => game
                    .words
                    .t_args("frame-playing", &crate::args!["state" => game.words.state(reg, s)]),
                None => game.words.t("frame-playing-observer"),
            };
            ui.label(who);
            ui.separator();
            for (n, m) in MapMode::KEYED.iter().enumerate() {
                let on = mode.same_kind(*m);
                let button = ui
                    .selectable_label(on, game.words.t(m.message()))
                    .on_hover_text(game.words.t_args("frame-map-mode-hint", &crate::args!["key" => n + 1]));
                if button.clicked() && !on {
                    *mode = *m;
                }
            }
            ui.separator();
            if game.player.state.is_some()
                && ui
                    .selectable_label(decision_panel.open, game.words.t("frame-decisions"))
                    .on_hover_text(game.words.t("frame-decisions-hint"))
                    .clicked()
            {
                decision_panel.open = !decision_panel.open;
            }
            // Always there (greyed before the first month), so that the
            // bar does not move when it can first be used.
            if game.player.state.is_some()
                && ui
                    .add_enabled(
                        game.clock.turn > 0,
                        egui::Button::selectable(month.open, game.words.t("frame-month")),
                    )
                    .on_hover_text(game.words.t("frame-month-hint"))
                    .on_disabled_hover_text(game.words.t("frame-month-wait"))
                    .clicked()
            {
                month.open = !month.open;
            }
            if game.player.state.is_some()
                && ui
                    .selectable_label(goals_window.0, game.words.t("frame-goals"))
                    .on_hover_text(game.words.t("frame-goals-hint"))
                    .clicked()
            {
                goals_window.0 = !goals_window.0;
            }
            if ui
                .selectable_label(futures_window.open, game.words.t("frame-futures"))
                .on_hover_text(game.words.t("frame-futures-hint"))
                .clicked()
            {
                futures_window.open = !futures_window.open;
            }
            if ui
                .selectable_label(charts.open, game.words.t("frame-charts"))
                .on_hover_text(game.words.t("frame-charts-hint"))
                .clicked()
            {
                charts.open = !charts.open;
            }
            // The game's own commands, in one menu: the bar keeps to one
            // row at the usual sizes.
            let game_menu = ui.menu_button(game.words.t("frame-game-menu"), |ui| {
                if ui.button(game.words.t("frame-quick-save")).clicked() {
                    actions.write(SaveAction::QuickSave);
                }
                if ui.button(game.words.t("frame-quick-load")).clicked() {
                    actions.write(SaveAction::QuickLoad);
                }
                if ui
                    .button(game.words.t("frame-export"))
                    .on_hover_text(game.words.t("frame-export-hint"))
                    .clicked()
                {
                    actions.write(SaveAction::Export);
                }
                if ui.button(game.words.t("frame-settings")).clicked() {
                    settings.0 = true;
                }
                ui.separator();
                if ui.button(game.words.t("frame-main-menu")).clicked() {
                    crate::gui::screens::screen::open_menu_over_game(&mut menu, &mut next, *screen.get());
                }
            });
            let r = game_menu.response.rect;
            layout.game_menu = Some([r.min.x * k, r.min.y * k, r.width() * k, r.height() * k]);
        });
    });
    egui::Panel::bottom("news")
        .resizable(true)
        .default_size(150.0)
        .min_size(90.0)
        .show(&mut root, |ui| {
            ui.horizontal(|ui| {
                ui.strong(game.words.t("frame-news"));
                ui.separator();
                let chosen = selection.selected.as_deref().and_then(|id| reg.state(id));
                let only = match chosen {
                    Some(s) => game
                        .words
                        .0
                        .phrase(&Said::new("frame-news-only").state("state", s), reg),
                    None => game.words.t("frame-news-only-selected"),
                };
                ui.add_enabled_ui(chosen.is_some(), |ui| {
                    ui.checkbox(&mut filter.selected_only, only);
                });
                egui::ComboBox::from_id_salt("news_topic")
                    .selected_text(game.words.t(filter.topic.message()))
                    .show_ui(ui, |ui| {
                        for t in Topic::ALL {
                            ui.selectable_value(&mut filter.topic, t, game.words.t(t.message()));
                        }
                    });
                ui.checkbox(&mut filter.major_only, game.words.t("frame-news-major-only"));
                // The history option, said over the news it shapes.
                if let Some(until) = game.course.until {
                    let date = crate::args!["date" => game.words.0.month(until)];
                    let (text, hover) = if game.course.holds(game.clock.date()) {
                        (
                            game.words.t_args("frame-record-on", &date),
                            game.words.t("frame-record-on-hint"),
                        )
                    } else {
                        (
                            game.words.t_args("frame-record-past", &date),
                            game.words.t("frame-record-past-hint"),
                        )
                    };
                    ui.separator();
                    ui.label(egui::RichText::new(&text).color(egui::Color32::from_rgb(200, 160, 60)))
                        .on_hover_text(hover);
                    layout.record = text;
                } else {
                    layout.record.clear();
                }
            });
            let only = selection
                .selected
                .as_deref()
                .and_then(|id| reg.state(id))
                .filter(|_| filter.selected_only);
            egui::ScrollArea::vertical().stick_to_bottom(true).show(ui, |ui| {
                for (i, n) in game.chronicle.news.iter().enumerate() {
                    if (filter.major_only && !n.kind.is_major()) || !filter.topic.covers(n.kind) {
                        continue;
                    }
                    if let Some(s) = only
                        && n.state != Some(s)
                        && !n.members.contains(&s)
                    {
                        continue;
                    }
                    ui.label(format!("{}  {}", n.date, game.words.news_line(i, n, reg)));
                }
            });
        });
    if let Some(id) = selection.selected.clone() {
        egui::Panel::right("state_panel")
            .resizable(true)
            .default_size(330.0)
            .min_size(260.0)
            .show(&mut root, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    if !state_panel(ui, &id, &game, &facts) {
                        selection.selected = None;
                    }
                });
            });
    }
    // Messages (saved, loaded, reloaded) float over the map's top left.
    if time.elapsed_secs() < toast.until {
        let at = root.available_rect_before_wrap().min + egui::vec2(8.0, 8.0);
        egui::Area::new(egui::Id::new("toast"))
            .order(egui::Order::Foreground)
            .interactable(false)
            .fixed_pos(at)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.label(egui::RichText::new(&toast.text).italics());
                });
            });
    }
    let r = root.available_rect_before_wrap();
    let k = ctx.pixels_per_point() / ui_scale_base;
    layout.map_area = Some([r.min.x * k, r.min.y * k, r.width() * k, r.height() * k]);
    Ok(())
}

/// The selected state's panel. False if the state is not in the game.
fn state_panel(ui: &mut egui::Ui, id: &str, game: &GameView, facts: &StateFacts) -> bool {
    let reg = &game.registry;
    let Some(s) = reg.state(id) else { return false };
    let Some((_, _, row, al, regime, neighbours)) = facts.states.iter().find(|(c, ..)| c.idx == s) else {
        return false;
    };
    let (eco, values) = (row.economy, row.values());
    let words = &*game.words;
    ui.horizontal(|ui| {
        ui.heading(words.state(reg, s));
        if game.player.state.as_deref() == Some(id) {
            ui.label(egui::RichText::new(words.t("frame-you")).color(egui::Color32::from_rgb(180, 140, 20)));
        }
    });
    ui.label(words.t_args(
        "frame-leader-since",
        &crate::args![
            "leader" => leader_label(words, reg, &regime.leader),
            "regime" => regime_label(words, regime.kind),
            "date" => words.0.month(regime.since),
        ],
    ));
    if eco.grain_ban {
        ui.label(words.t("frame-grain-ban"));
    }
    ui.separator();
    ui.strong(words.t("frame-indicators"));
    let last_turn = game.clock.turn;
    // The names padded to the longest, so that the figures line up.
    let labels: Vec<String> = Indicator::ALL.iter().map(|i| indicator_label(words, *i)).collect();
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    for (ind, label) in Indicator::ALL.into_iter().zip(labels) {
        let value = values[ind];
        let causes = if last_turn > 0 {
            game.ledger.breakdown(last_turn, s, Measure::Indicator(ind))
        } else {
            Vec::new()
        };
        let total: f64 = causes.iter().map(|(_, d)| d).sum();
        let header = format!(
            "{label:<width$} {:>6}  {}",
            words.0.number(value, 1),
            signed(words, total)
        );
        egui::CollapsingHeader::new(egui::RichText::new(header).monospace())
            .id_salt(("ind", id, ind.snake()))
            .show(ui, |ui| {
                if causes.is_empty() {
                    ui.label(words.t("frame-no-change"));
                }
                for (cause, d) in causes.iter().take(8) {
                    ui.label(format!(
                        "{}  {}",
                        signed(words, *d),
                        cause_label(*cause, reg, &game.books)
                    ));
                }
            });
    }
    ui.separator();
    ui.strong(words.t("frame-blocs"));
    let mut any = false;
    let mut memberships: Vec<&Membership> = facts.memberships.iter().filter(|m| m.state == s).collect();
    memberships.sort_by_key(|m| m.bloc);
    for m in memberships {
        any = true;
        let mut line = words.bloc(reg, m.bloc);
        if m.suspended {
            line = format!("{line} — {}", words.t("frame-bloc-suspended"));
        }
        if let Some(when) = m.leaving {
            let leaving = words.t_args("frame-bloc-leaving", &crate::args!["date" => words.0.month(when)]);
            line = format!("{line} — {leaving}");
        }
        let sanctioned = facts.blocs.iter().any(|b| b.idx == m.bloc && b.sanctions(s));
        if sanctioned {
            line = format!("{line} — {}", words.t("frame-bloc-sanctioned"));
        }
        ui.label(line);
    }
    if !any {
        ui.label(words.t("frame-none"));
    }
    ui.separator();
    ui.strong(words.t("frame-partnerships"));
    let mut partnerships: Vec<&Partnership> = facts
        .partnerships
        .iter()
        .filter(|p| p.state == s && p.stage != Stage::Ended)
        .collect();
    partnerships.sort_by_key(|p| (p.power, p.kind));
    if partnerships.is_empty() {
        ui.label(words.t("frame-none"));
    }
    for p in partnerships {
        ui.label(words.t_args(
            "frame-partnership",
            &crate::args![
                "power" => words.power(reg, p.power),
                "kind" => words.term("partnership", p.kind.snake()),
                "stage" => words.term("stage", p.stage.snake()),
                "date" => words.0.month(p.stage_since),
            ],
        ));
    }
    ui.separator();
    ui.strong(words.t("frame-standing"));
    // In columns: names, bars from −100 to +100, figures.
    egui::Grid::new(("standing", id)).num_columns(3).show(ui, |ui| {
        for (i, v) in al.0.iter().enumerate() {
            let p = PowerIdx(i as u8);
            ui.label(words.power(reg, p));
            let (rect, _) = ui.allocate_exact_size(egui::vec2(120.0, 10.0), egui::Sense::hover());
            let painter = ui.painter();
            painter.rect_filled(rect, 2.0, egui::Color32::from_gray(225));
            let mid = rect.center().x;
            let x = mid + (*v as f32 / 100.0) * rect.width() / 2.0;
            let bar = egui::Rect::from_x_y_ranges(mid.min(x)..=mid.max(x), rect.y_range());
            painter.rect_filled(bar, 0.0, color32(modes::diverging(*v)));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(format!("{v:+.0}"));
            });
            ui.end_row();
        }
    });
    ui.separator();
    ui.strong(words.t("frame-relations"));
    egui::Grid::new(("relations", id)).num_columns(2).show(ui, |ui| {
        for n in &neighbours.0 {
            let r = game.relations.get(s, *n);
            ui.label(words.state(reg, *n));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(format!("{r:+.0}"));
            });
            ui.end_row();
        }
    });
    true
}

/// The legend of the map mode, bottom left; in alignment mode, the power.
fn draw_legend(
    mut contexts: EguiContexts,
    mut mode: ResMut<MapMode>,
    facts: StateFacts,
    registry: Res<Registry>,
    words: Res<Words>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let swatch = |ui: &mut egui::Ui, c: Color, text: &str| {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, color32(c));
            ui.label(text);
        });
    };
    egui::Window::new(words.t_args("frame-legend-title", &crate::args!["mode" => words.t(mode.message())]))
        .id(egui::Id::new("legend"))
        .anchor(egui::Align2::LEFT_BOTTOM, egui::vec2(8.0, -170.0))
        .resizable(false)
        .collapsible(true)
        .show(ctx, |ui| match *mode {
            MapMode::Political => {
                ui.label(words.t("frame-legend-political"));
                swatch(ui, modes::CONTEXT, &words.t("frame-legend-outside"));
            }
            MapMode::Blocs => {
                for (b, _, c) in facts.bloc_colours() {
                    swatch(ui, c, &words.bloc(&registry, b));
                }
                swatch(ui, modes::NO_BLOC, &words.t("frame-legend-no-bloc"));
                ui.small(words.t("frame-legend-blocs-hint"));
            }
            MapMode::Alignment(p) => {
                let mut chosen = p;
                egui::ComboBox::from_id_salt("power")
                    .selected_text(words.power(&registry, p))
                    .show_ui(ui, |ui| {
                        for i in 0..registry.power_count() {
                            let q = PowerIdx(i as u8);
                            ui.selectable_value(&mut chosen, q, words.power(&registry, q));
                        }
                    });
                if chosen != p {
                    *mode = MapMode::Alignment(chosen);
                }
                for (v, t) in [
                    (100.0, words.t("frame-legend-close")),
                    (50.0, "+50".to_string()),
                    (0.0, words.t("frame-legend-neutral")),
                    (-50.0, "−50".to_string()),
                    (-100.0, words.t("frame-legend-hostile")),
                ] {
                    swatch(ui, modes::diverging(v), &t);
                }
            }
            MapMode::Stability => {
                for (v, t) in [
                    (90.0, words.t("frame-legend-solid")),
                    (70.0, "70".to_string()),
                    (50.0, words.t("frame-legend-ordinary")),
                    (30.0, words.t("frame-legend-fragile")),
                    (10.0, words.t("frame-legend-collapsing")),
                ] {
                    swatch(ui, modes::good_bad(v), &t);
                }
            }
            MapMode::Control => {
                for v in [100.0, 85.0, 70.0, 55.0, 40.0] {
                    let share = words.0.percent(v / 100.0, 0);
                    swatch(
                        ui,
                        modes::control(v),
                        &words.t_args("frame-legend-control", &crate::args!["share" => share]),
                    );
                }
            }
            MapMode::Regime => {
                for k in [
                    RegimeKind::Civilian,
                    RegimeKind::Transitional,
                    RegimeKind::MilitaryJunta,
                ] {
                    swatch(ui, modes::regime(k), &regime_label(&words, k));
                }
            }
            MapMode::FoodInsecurity => {
                for v in [2.0, 5.0, 10.0, 15.0, 25.0] {
                    let share = words.0.percent(v / 100.0, 0);
                    swatch(
                        ui,
                        modes::food(v),
                        &words.t_args("frame-legend-food", &crate::args!["share" => share]),
                    );
                }
            }
        });
    Ok(())
}

/// The state under the pointer: its name and the numbers of the map mode.
fn draw_tooltip(
    mut contexts: EguiContexts,
    selection: Res<Selection>,
    registry: Res<Registry>,
    facts: StateFacts,
    window: Single<&Window>,
    words: Res<Words>,
) -> Result {
    let Some(id) = selection.hovered.as_deref() else {
        return Ok(());
    };
    let Some(cursor) = window.cursor_position() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let ui_scale = ctx.pixels_per_point() / window.scale_factor();
    let Some(s) = registry.state(id) else { return Ok(()) };
    let Some((_, _, row, _, regime, _)) = facts.states.iter().find(|(c, ..)| c.idx == s) else {
        return Ok(());
    };
    let (st, lg, sec, eco) = (row.stability, row.legitimacy, row.security, row.economy);
    let name = words.state(&registry, s);
    let whole = |x: f64| words.0.number(x, 0);
    let lines = [
        format!(
            "{} ({})",
            leader_label(&words, &registry, &regime.leader),
            regime_label(&words, regime.kind)
        ),
        words.t_args(
            "frame-tooltip-stability",
            &crate::args!["stability" => whole(st.0), "legitimacy" => whole(lg.0)],
        ),
        words.t_args(
            "frame-tooltip-security",
            &crate::args![
                "insurgency" => whole(sec.insurgency),
                "control" => words.0.percent(sec.control / 100.0, 0),
            ],
        ),
        words.t_args(
            "frame-tooltip-economy",
            &crate::args![
                "growth" => words.0.percent(eco.growth / 100.0, 1),
                "food" => words.0.percent(eco.food_insecurity / 100.0, 0),
            ],
        ),
    ];
    let click = words.t("frame-tooltip-click");
    egui::Area::new(egui::Id::new("map_tooltip"))
        .order(egui::Order::Tooltip)
        .interactable(false)
        .fixed_pos(egui::pos2(cursor.x / ui_scale + 16.0, cursor.y / ui_scale + 16.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.strong(name);
                for line in lines {
                    ui.label(line);
                }
                ui.small(click);
            });
        });
    Ok(())
}

/// "1 month a second", "a month every 2 seconds", "4 months a second".
fn speed_label(words: &Words, speed: f32) -> String {
    if speed == 0.5 {
        words.t("frame-speed-half")
    } else {
        words.t_args("frame-speed", &crate::args!["count" => speed as f64])
    }
}

#[cfg(test)]
mod tests {
    use crate::gui::window::words::Words;
    use crate::i18n::{Lang, Locale};

    #[test]
    fn speeds_read_as_english() {
        let words = Words::of(Locale::new(Lang::EN));
        assert_eq!(super::speed_label(&words, 1.0), "1 month a second");
        assert_eq!(super::speed_label(&words, 4.0), "4 months a second");
        assert_eq!(super::speed_label(&words, 0.5), "a month every 2 seconds");
    }

    #[test]
    fn speeds_read_as_french() {
        let words = Words::of(Locale::new(Lang::parse("fr").unwrap()));
        assert_eq!(super::speed_label(&words, 1.0), "1 mois par seconde");
        assert_eq!(super::speed_label(&words, 2.0), "2 mois par seconde");
        assert_eq!(super::speed_label(&words, 0.5), "un mois toutes les 2 secondes");
    }
}
