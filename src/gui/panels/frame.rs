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
use crate::scenario::format::{Indicator, Stage};
use crate::sim::world::chronicle::{Chronicle, NewsKind};
use crate::sim::world::components::*;
use crate::sim::world::ledger::{Ledger, Measure};
use crate::sim::world::registry::{Clock, Registry};
use crate::sim::world::relations::Relations;
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
) -> Result {
    let name = player
        .state
        .as_deref()
        .and_then(|c| registry.state(c))
        .map(|s| registry.state_name(s).to_string())
        .unwrap_or_default();
    let ctx = contexts.ctx_mut()?;
    let k = ctx.zoom_factor();
    egui::Window::new("Next player")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .show(ctx, |ui| {
            ui.label(egui::RichText::new(format!("{name}'s turn.")).strong().size(18.0));
            ui.label(format!("Pass the mouse to the player of {name}."));
            let ready = ui.button("I am ready");
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

    fn label(self) -> &'static str {
        match self {
            Topic::All => "all news",
            Topic::Coups => "coups and leaders",
            Topic::Blocs => "blocs and sanctions",
            Topic::Partnerships => "foreign partners",
            Topic::Economy => "food and trade",
            Topic::Scenario => "history and goals",
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
    words: Res<'w, crate::gui::window::words::Words>,
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

fn indicator_label(i: Indicator) -> &'static str {
    match i {
        Indicator::Stability => "Stability",
        Indicator::Legitimacy => "Legitimacy",
        Indicator::MilitaryLoyalty => "Military loyalty",
        Indicator::CoupProofing => "Coup-proofing",
        Indicator::Insurgency => "Insurgency",
        Indicator::Control => "Territorial control %",
        Indicator::Military => "Military capacity",
        Indicator::Growth => "Growth % a year",
        Indicator::FoodInsecurity => "Food insecurity %",
    }
}

fn signed(v: f64) -> String {
    if v.abs() < 0.05 {
        "±0".into()
    } else {
        format!("{v:+.1}")
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
                Some(i) if seats.len() > 1 && i + 1 < seats.len() => {
                    format!("Pass to {} ▶", reg.state_name(seats[i + 1]))
                }
                _ => "End Turn ▶".to_string(),
            };
            let button = ui
                .add_enabled(ready, egui::Button::new(label))
                .on_hover_text("Resolve the month (Space or Enter)")
                .on_disabled_hover_text("Acknowledge the news first");
            if ready && (button.clicked() || (keys && !typing)) {
                end_turn.0 = true;
            }
            let r = button.rect;
            let k = ui.ctx().pixels_per_point() / ui_scale_base;
            layout.end_turn = Some([r.min.x * k, r.min.y * k, r.width() * k, r.height() * k]);
            // An observer can let the months run.
            if game.player.state.is_none() {
                let label = if autoplay.running { "Pause" } else { "Run ▶" };
                if ui.button(label).on_hover_text("Let the months run (P)").clicked() {
                    autoplay.running = !autoplay.running;
                }
                egui::ComboBox::from_id_salt("speed")
                    .width(90.0)
                    .selected_text(speed_label(autoplay.speed))
                    .show_ui(ui, |ui| {
                        for s in SPEEDS {
                            ui.selectable_value(&mut autoplay.speed, s, speed_label(s));
                        }
                    });
                ui.checkbox(&mut autoplay.pause_on_headlines, "stop at turning points");
            }
            // The scenario's name is in the window title and on hover. The
            // date takes the width of the longest month's, so that the bar
            // does not move (or wrap) as the months' names change.
            let date = format!("{} — turn {}", game.clock.date().long(), game.clock.turn + 1);
            let font = egui::TextStyle::Body.resolve(ui.style());
            let widest = ui.ctx().fonts_mut(|f| {
                f.layout_no_wrap(
                    format!("September 0000 — turn {}", game.clock.turn + 1),
                    font,
                    egui::Color32::WHITE,
                )
                .size()
                .x
            });
            ui.add_sized(
                egui::vec2(widest + 4.0, ui.spacing().interact_size.y),
                egui::Label::new(egui::RichText::new(date).strong()),
            )
            .on_hover_text(&game.info.name);
            ui.separator();
            let who = game
                .player
                .state
                .as_deref()
                .and_then(|id| reg.state(id).map(|s| reg.state_name(s).to_string()))
                .unwrap_or_else(|| "Observer".to_string());
            ui.label(format!("Playing: {who}"));
            ui.separator();
            for (n, m) in MapMode::KEYED.iter().enumerate() {
                let on = mode.same_kind(*m);
                let button = ui
                    .selectable_label(on, m.label())
                    .on_hover_text(format!("Map mode (key {})", n + 1));
                if button.clicked() && !on {
                    *mode = *m;
                }
            }
            ui.separator();
            if game.player.state.is_some()
                && ui
                    .selectable_label(decision_panel.open, "Decisions")
                    .on_hover_text("Your government's decisions (key D)")
                    .clicked()
            {
                decision_panel.open = !decision_panel.open;
            }
            // Always there (greyed before the first month), so that the
            // bar does not move when it can first be used.
            if game.player.state.is_some()
                && ui
                    .add_enabled(game.clock.turn > 0, egui::Button::selectable(month.open, "Your month"))
                    .on_hover_text("What last month did, and why")
                    .on_disabled_hover_text("After your first month")
                    .clicked()
            {
                month.open = !month.open;
            }
            if game.player.state.is_some()
                && ui
                    .selectable_label(goals_window.0, "Goals")
                    .on_hover_text("Your goals and how they stand (key G)")
                    .clicked()
            {
                goals_window.0 = !goals_window.0;
            }
            if ui
                .selectable_label(futures_window.open, "Futures")
                .on_hover_text("What happens next? Many futures from now, compared (key F)")
                .clicked()
            {
                futures_window.open = !futures_window.open;
            }
            if ui
                .selectable_label(charts.open, "Charts")
                .on_hover_text("Indicators over time (key C)")
                .clicked()
            {
                charts.open = !charts.open;
            }
            // The game's own commands, in one menu: the bar keeps to one
            // row at the usual sizes.
            let game_menu = ui.menu_button("Game menu", |ui| {
                if ui.button("Quick save (F5)").clicked() {
                    actions.write(SaveAction::QuickSave);
                }
                if ui.button("Quick load (F9)").clicked() {
                    actions.write(SaveAction::QuickLoad);
                }
                if ui
                    .button("Export history")
                    .on_hover_text("The game's history (CSV) and everything (JSON), in exports/")
                    .clicked()
                {
                    actions.write(SaveAction::Export);
                }
                if ui.button("Settings").clicked() {
                    settings.0 = true;
                }
                ui.separator();
                if ui.button("Main menu").clicked() {
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
                ui.strong("News");
                ui.separator();
                let name = selection
                    .selected
                    .as_deref()
                    .and_then(|id| reg.state(id))
                    .map(|s| reg.state_name(s).to_string());
                ui.add_enabled_ui(name.is_some(), |ui| {
                    ui.checkbox(
                        &mut filter.selected_only,
                        format!("only {}", name.as_deref().unwrap_or("the selected state")),
                    );
                });
                egui::ComboBox::from_id_salt("news_topic")
                    .selected_text(filter.topic.label())
                    .show_ui(ui, |ui| {
                        for t in Topic::ALL {
                            ui.selectable_value(&mut filter.topic, t, t.label());
                        }
                    });
                ui.checkbox(&mut filter.major_only, "major events only");
                // The history option, said over the news it shapes.
                if let Some(until) = game.course.until {
                    let (text, hover) = if game.course.holds(game.clock.date()) {
                        (
                            format!("On the record to {}", until.long()),
                            "History option: what really happened (coups, pacts, exits) happens on its date, \
                             and the model makes none of its own until the record ends. \"What happens next?\" \
                             shows the model's own futures, to compare with it.",
                        )
                    } else {
                        (
                            format!("Past the record (it ended in {})", until.long()),
                            "History option: the record has ended; the model decides everything now.",
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
                for n in &game.chronicle.news {
                    if (filter.major_only && !n.kind.is_major()) || !filter.topic.covers(n.kind) {
                        continue;
                    }
                    if let Some(s) = only
                        && n.state != Some(s)
                        && !n.members.contains(&s)
                    {
                        continue;
                    }
                    ui.label(format!("{}  {}", n.date, game.words.0.news(n, reg)));
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
    ui.horizontal(|ui| {
        ui.heading(reg.state_name(s));
        if game.player.state.as_deref() == Some(id) {
            ui.label(egui::RichText::new("you").color(egui::Color32::from_rgb(180, 140, 20)));
        }
    });
    ui.label(format!(
        "{} — {} since {}",
        regime.leader,
        regime.kind.snake().replace('_', " "),
        regime.since.long()
    ));
    if eco.grain_ban {
        ui.label("Bans grain exports.");
    }
    ui.separator();
    ui.strong("Indicators (last month's change, by cause)");
    let last_turn = game.clock.turn;
    for ind in Indicator::ALL {
        let value = values[ind];
        let causes = if last_turn > 0 {
            game.ledger.breakdown(last_turn, s, Measure::Indicator(ind))
        } else {
            Vec::new()
        };
        let total: f64 = causes.iter().map(|(_, d)| d).sum();
        let header = format!("{:<22} {:>6.1}  {}", indicator_label(ind), value, signed(total));
        egui::CollapsingHeader::new(egui::RichText::new(header).monospace())
            .id_salt(("ind", id, ind.snake()))
            .show(ui, |ui| {
                if causes.is_empty() {
                    ui.label("No change last month.");
                }
                for (cause, d) in causes.iter().take(8) {
                    ui.label(format!("{}  {}", signed(*d), cause_label(*cause, reg, &game.books)));
                }
            });
    }
    ui.separator();
    ui.strong("Blocs");
    let mut any = false;
    let mut memberships: Vec<&Membership> = facts.memberships.iter().filter(|m| m.state == s).collect();
    memberships.sort_by_key(|m| m.bloc);
    for m in memberships {
        any = true;
        let mut note = String::new();
        if m.suspended {
            note.push_str(" — suspended");
        }
        if let Some(when) = m.leaving {
            note.push_str(&format!(" — leaving {}", when.long()));
        }
        let sanctioned = facts.blocs.iter().any(|b| b.idx == m.bloc && b.sanctions(s));
        if sanctioned {
            note.push_str(" — under its sanctions");
        }
        ui.label(format!("{}{note}", reg.bloc_name(m.bloc)));
    }
    if !any {
        ui.label("None.");
    }
    ui.separator();
    ui.strong("Partnerships");
    let mut partnerships: Vec<&Partnership> = facts
        .partnerships
        .iter()
        .filter(|p| p.state == s && p.stage != Stage::Ended)
        .collect();
    partnerships.sort_by_key(|p| (p.power, p.kind));
    if partnerships.is_empty() {
        ui.label("None.");
    }
    for p in partnerships {
        ui.label(format!(
            "{}: {} — {} since {}",
            reg.power_name(p.power),
            p.kind.label(),
            p.stage.snake().replace('_', " "),
            p.stage_since.long()
        ));
    }
    ui.separator();
    ui.strong("Standing toward the powers");
    // In columns: names, bars from −100 to +100, figures.
    egui::Grid::new(("standing", id)).num_columns(3).show(ui, |ui| {
        for (i, v) in al.0.iter().enumerate() {
            let p = PowerIdx(i as u8);
            ui.label(reg.power_name(p));
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
    ui.strong("Relations with neighbours");
    egui::Grid::new(("relations", id)).num_columns(2).show(ui, |ui| {
        for n in &neighbours.0 {
            let r = game.relations.get(s, *n);
            ui.label(reg.state_name(*n));
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
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let swatch = |ui: &mut egui::Ui, c: Color, text: &str| {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, color32(c));
            ui.label(text);
        });
    };
    egui::Window::new(format!("Map: {}", mode.label()))
        .id(egui::Id::new("legend"))
        .anchor(egui::Align2::LEFT_BOTTOM, egui::vec2(8.0, -170.0))
        .resizable(false)
        .collapsible(true)
        .show(ctx, |ui| match *mode {
            MapMode::Political => {
                ui.label("Each state in its own colour.");
                swatch(ui, modes::CONTEXT, "outside the scenario");
            }
            MapMode::Blocs => {
                for (b, _, c) in facts.bloc_colours() {
                    swatch(ui, c, registry.bloc_name(b));
                }
                swatch(ui, modes::NO_BLOC, "in no bloc");
                ui.small("A state shows its closest union; paler if suspended.");
            }
            MapMode::Alignment(p) => {
                let mut chosen = p;
                egui::ComboBox::from_id_salt("power")
                    .selected_text(registry.power_name(p))
                    .show_ui(ui, |ui| {
                        for i in 0..registry.power_count() {
                            let q = PowerIdx(i as u8);
                            ui.selectable_value(&mut chosen, q, registry.power_name(q));
                        }
                    });
                if chosen != p {
                    *mode = MapMode::Alignment(chosen);
                }
                for (v, t) in [
                    (100.0, "+100 close"),
                    (50.0, "+50"),
                    (0.0, "0 neutral"),
                    (-50.0, "−50"),
                    (-100.0, "−100 hostile"),
                ] {
                    swatch(ui, modes::diverging(v), t);
                }
            }
            MapMode::Stability => {
                for (v, t) in [
                    (90.0, "90 solid"),
                    (70.0, "70"),
                    (50.0, "50 ordinary"),
                    (30.0, "30 fragile"),
                    (10.0, "10 collapsing"),
                ] {
                    swatch(ui, modes::good_bad(v), t);
                }
            }
            MapMode::Control => {
                for v in [100.0, 85.0, 70.0, 55.0, 40.0] {
                    swatch(ui, modes::control(v), &format!("{v:.0}% of territory held"));
                }
            }
            MapMode::Regime => {
                use crate::scenario::format::RegimeKind;
                for (k, t) in [
                    (RegimeKind::Civilian, "civilian"),
                    (RegimeKind::Transitional, "transitional"),
                    (RegimeKind::MilitaryJunta, "military junta"),
                ] {
                    swatch(ui, modes::regime(k), t);
                }
            }
            MapMode::FoodInsecurity => {
                for v in [2.0, 5.0, 10.0, 15.0, 25.0] {
                    swatch(ui, modes::food(v), &format!("{v:.0}% in food crisis"));
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
    let name = registry.state_name(s).to_string();
    egui::Area::new(egui::Id::new("map_tooltip"))
        .order(egui::Order::Tooltip)
        .interactable(false)
        .fixed_pos(egui::pos2(cursor.x / ui_scale + 16.0, cursor.y / ui_scale + 16.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.strong(name);
                ui.label(format!("{} ({})", regime.leader, regime.kind.snake().replace('_', " ")));
                ui.label(format!("Stability {:.0} · Legitimacy {:.0}", st.0, lg.0));
                ui.label(format!(
                    "Insurgency {:.0} · Control {:.0}%",
                    sec.insurgency, sec.control
                ));
                ui.label(format!(
                    "Growth {:.1}% · Food crisis {:.0}%",
                    eco.growth, eco.food_insecurity
                ));
                ui.small("Click for details");
            });
        });
    Ok(())
}

/// "1 month a second", "half a month a second", "4 months a second".
fn speed_label(speed: f32) -> String {
    if speed == 1.0 {
        "1 month a second".into()
    } else if speed == 0.5 {
        "a month every 2 seconds".into()
    } else {
        format!("{speed} months a second")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn speeds_read_as_english() {
        assert_eq!(super::speed_label(1.0), "1 month a second");
        assert_eq!(super::speed_label(4.0), "4 months a second");
        assert_eq!(super::speed_label(0.5), "a month every 2 seconds");
    }
}
