//! The game window (feature `gui`). Until the map lands (issue: the
//! playable map) this is a plain egui screen over the same simulation the
//! command line drives: a top bar with End Turn, a table of states, and the
//! news of the game.

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

use crate::scenario::Scenario;
use crate::sim::chronicle::Chronicle;
use crate::sim::events::{EventBook, OpenChoices};
use crate::sim::registry::{Clock, Registry};
use crate::sim::spawn::GameInfo;
use crate::sim::{SimulationPlugin, TurnSchedule, load_into_app};

/// Who is playing.
#[derive(Resource, Debug, Clone)]
pub struct Player {
    /// `None`: observer mode.
    pub state: Option<String>,
}

/// Set by the End Turn button or key; the turn runs in the next frame.
#[derive(Resource, Default)]
struct EndTurn(bool);

/// `HARMATTAN_SCREENSHOT=path.png` saves a screenshot at frame
/// `HARMATTAN_SCREENSHOT_FRAME` (default 20) and quits 20 frames later: how
/// the GUI is checked under Xvfb, with xdotool clicking in between.
#[derive(Resource)]
struct ScreenshotRequest {
    path: String,
    at: u32,
    frame: u32,
}

pub fn run(scenario: Scenario, play_as: Option<String>, seed: u64) {
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: format!("Harmattan — {}", scenario.file.meta.name),
            resolution: (1280, 720).into(),
            ..default()
        }),
        ..default()
    }))
    .add_plugins(EguiPlugin::default())
    .add_plugins(SimulationPlugin)
    .insert_resource(Player { state: play_as.clone() })
    .init_resource::<EndTurn>()
    .add_systems(Startup, spawn_camera)
    .add_systems(EguiPrimaryContextPass, (draw_screen, draw_choices).chain())
    .add_systems(Update, (resolve_turn, take_screenshot));
    if let Ok(path) = std::env::var("HARMATTAN_SCREENSHOT") {
        let at = std::env::var("HARMATTAN_SCREENSHOT_FRAME")
            .ok()
            .and_then(|f| f.parse().ok())
            .unwrap_or(20);
        app.insert_resource(ScreenshotRequest { path, at, frame: 0 });
    }
    load_into_app(&mut app, &scenario, seed);
    // `play` has checked that the state is playable, so this cannot fail.
    if let Err(e) = crate::sim::events::set_player(app.world_mut(), play_as.as_deref()) {
        error!("{e}");
    }
    app.run();
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn((Name::new("Camera"), Camera2d));
}

fn resolve_turn(world: &mut World) {
    if std::mem::take(&mut world.resource_mut::<EndTurn>().0) {
        world.run_schedule(TurnSchedule);
    }
}

fn take_screenshot(
    mut commands: Commands,
    request: Option<ResMut<ScreenshotRequest>>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(mut request) = request else { return };
    request.frame += 1;
    // Software rendering needs a few frames before egui has laid out.
    if request.frame == request.at {
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(request.path.clone()));
    }
    if request.frame == request.at + 20 {
        exit.write(AppExit::Success);
    }
}

fn draw_screen(mut contexts: EguiContexts, game: GameView, mut end_turn: ResMut<EndTurn>, sim_view: SimView) -> Result {
    let GameView {
        clock,
        registry,
        chronicle,
        info,
        player,
    } = game;
    let ctx = contexts.ctx_mut()?;
    let mut root = egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    egui::Panel::top("top_bar").show(&mut root, |ui| {
        ui.horizontal(|ui| {
            ui.heading(&info.name);
            ui.separator();
            ui.label(format!("{} — turn {}", clock.date().long(), clock.turn + 1));
            ui.separator();
            let who = player
                .state
                .as_deref()
                .and_then(|id| registry.state(id).map(|s| registry.state_name(s).to_string()))
                .unwrap_or_else(|| "Observer".to_string());
            ui.label(format!("Playing: {who}"));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let pressed = ui.input(|i| i.key_pressed(egui::Key::Space) || i.key_pressed(egui::Key::Enter));
                if ui.button("End Turn ▶").clicked() || pressed {
                    end_turn.0 = true;
                }
            });
        });
    });
    egui::Panel::bottom("news")
        .resizable(true)
        .default_size(200.0)
        .min_size(140.0)
        .show(&mut root, |ui| {
            ui.heading("News");
            egui::ScrollArea::vertical().stick_to_bottom(true).show(ui, |ui| {
                for n in &chronicle.news {
                    if n.kind.is_major() {
                        ui.label(format!("{}  {}", n.date, n.text));
                    }
                }
            });
        });
    egui::CentralPanel::default_margins().show(&mut root, |ui| {
        let rows = sim_view.rows(&registry);
        egui::ScrollArea::vertical().show(ui, |ui| {
            egui::Grid::new("states").striped(true).show(ui, |ui| {
                for h in [
                    "State",
                    "Stability",
                    "Legitimacy",
                    "Loyalty",
                    "Insurgency",
                    "Control",
                    "Regime",
                    "Leader",
                    "Blocs",
                ] {
                    ui.strong(h);
                }
                ui.end_row();
                for s in &rows {
                    ui.label(&s.name);
                    for v in [s.stability, s.legitimacy, s.military_loyalty, s.insurgency, s.control] {
                        ui.label(format!("{v:.0}"));
                    }
                    ui.label(s.regime.replace('_', " "));
                    ui.label(&s.leader);
                    ui.label(s.blocs.join(", "));
                    ui.end_row();
                }
            });
        });
    });
    Ok(())
}

/// A scripted event's choice for the player's government: a window with one
/// button per option; the pick is carried out when the turn ends.
fn draw_choices(mut contexts: EguiContexts, book: Res<EventBook>, mut open: ResMut<OpenChoices>) -> Result {
    if open.0.is_empty() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    for (n, choice) in open.0.iter_mut().enumerate() {
        let def = &book.defs[choice.event];
        let title = def.title.clone().unwrap_or_else(|| def.id.clone());
        egui::Window::new("Decision")
            .id(egui::Id::new(("choice", n)))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
            .show(ctx, |ui| {
                ui.label(egui::RichText::new(title).strong());
                ui.add_space(6.0);
                for (k, option) in def.choices.iter().enumerate() {
                    let picked = choice.answer == Some(k);
                    if ui.selectable_label(picked, &option.label).clicked() {
                        choice.answer = Some(k);
                    }
                }
                ui.add_space(6.0);
                ui.small(if choice.answer.is_some() {
                    "Carried out when you end the turn."
                } else {
                    "Pick one, then end the turn. Unanswered, your ministers decide."
                });
            });
    }
    Ok(())
}

/// The game as the screen shows it.
#[derive(bevy::ecs::system::SystemParam)]
struct GameView<'w> {
    clock: Res<'w, Clock>,
    registry: Res<'w, Registry>,
    chronicle: Res<'w, Chronicle>,
    info: Res<'w, GameInfo>,
    player: Res<'w, Player>,
}

/// Read access to the states for the table.
#[derive(bevy::ecs::system::SystemParam)]
struct SimView<'w, 's> {
    query: Query<
        'w,
        's,
        (
            &'static crate::sim::components::Country,
            &'static Name,
            &'static crate::sim::components::Stability,
            &'static crate::sim::components::Legitimacy,
            &'static crate::sim::components::MilitaryLoyalty,
            &'static crate::sim::components::Security,
            &'static crate::sim::components::Regime,
        ),
    >,
    memberships: Query<'w, 's, &'static crate::sim::components::Membership>,
}

struct Row {
    name: String,
    stability: f64,
    legitimacy: f64,
    military_loyalty: f64,
    insurgency: f64,
    control: f64,
    regime: String,
    leader: String,
    blocs: Vec<String>,
}

impl SimView<'_, '_> {
    fn rows(&self, registry: &Registry) -> Vec<Row> {
        self.query
            .iter()
            .sort::<&crate::sim::components::Country>()
            .map(|(c, name, st, lg, ml, sec, reg)| {
                let mut blocs: Vec<_> = self
                    .memberships
                    .iter()
                    .filter(|m| m.state == c.idx)
                    .map(|m| m.bloc)
                    .collect();
                blocs.sort();
                Row {
                    name: name.as_str().to_string(),
                    stability: st.0,
                    legitimacy: lg.0,
                    military_loyalty: ml.0,
                    insurgency: sec.insurgency,
                    control: sec.control,
                    regime: reg.kind.snake().to_string(),
                    leader: reg.leader.clone(),
                    blocs: blocs.into_iter().map(|b| registry.bloc_code(b).to_string()).collect(),
                }
            })
            .collect()
    }
}
