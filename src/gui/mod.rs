//! The game window (feature `gui`): the map of the region, coloured by map
//! mode, with a top bar, a side panel for the selected state, a news feed
//! and the player's decisions, over the same simulation the command line
//! drives. The player's actions reach the simulation as they do from the
//! command line: End Turn runs the turn schedule; choices are answers.
//!
//! - `camera.rs`: pan and zoom.
//! - `charts.rs`: indicators over time (egui_plot).
//! - `decisions_panel.rs`: the player's decisions, costs and expected effects.
//! - `futures_view.rs`: "what happens next?", futures compared with one change.
//! - `goals_view.rs`: the player's goals, their progress, and the end screen.
//! - `headlines.rs`: turning points the player acknowledges, with their causes.
//! - `map_view.rs`: country meshes, borders, labels, hover and selection.
//! - `menu.rs`: the main menu (scenario, state or observer, seed, saves).
//! - `modes.rs`: what the colours mean in each map mode.
//! - `observer.rs`: observer mode's months running by themselves.
//! - `panels.rs`: top bar, side panel, tooltip, legend, news, decisions.
//! - `screenshot.rs`: screenshots (F12, or on request for tests).
//! - `settings.rs`: the settings window (UI scale), kept between sessions.
//! - `probe.rs`: what the window shows, as JSON, for tests driving it.
//! - `redraw.rs`: a window that sleeps, and what wakes it.
//! - `saves.rs`: quick save and load (F5, F9), `play --load`.
//! - `screen.rs`: the screens (menu, briefing, playing, hand-over, end) as
//!   Bevy states.
//! - `reload.rs`: hot reload of the scenario and the mods' rules.

mod camera;
mod charts;
mod decisions_panel;
mod futures_view;
mod goals_view;
mod headlines;
mod map_view;
mod menu;
pub mod modes;
mod observer;
mod panels;
mod probe;
mod redraw;
mod reload;
mod saves;
pub mod screen;
mod screenshot;
mod settings;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::EguiPlugin;

use crate::map::MapFile;
use crate::scenario::Scenario;
use crate::scenario::format::BlocKind;
use crate::sim::world::components::*;
use crate::sim::{SimulationPlugin, TurnSchedule, load_into_app};
use modes::MapMode;

/// Who is playing: the state with the seat, by id, as the panels show it.
/// Derived from the simulation's `PlayedBy` by `follow_seat`, never set by
/// hand.
#[derive(Resource, Debug, Clone, Default)]
pub struct Player {
    /// `None`: observer mode.
    pub state: Option<String>,
}

/// Set by the End Turn button or key; the turn runs in the next frame.
#[derive(Resource, Default)]
pub struct EndTurn(pub bool);

/// Where some controls are on screen (window pixels: x, y, width, height),
/// for tests that click them.
#[derive(Resource, Debug, Default, Clone)]
pub struct UiLayout {
    pub end_turn: Option<[f32; 4]>,
    /// The part of the window not covered by panels, where the map takes
    /// the pointer. (egui cannot tell: its panels live in the background
    /// layer, which it does not count as "over egui".)
    pub map_area: Option<[f32; 4]>,
    /// The main menu's scenarios (by name) and its Start button, while open.
    pub menu_items: Vec<(String, [f32; 4])>,
    pub menu_start: Option<[f32; 4]>,
    /// The decisions panel's headers and buttons ("id" or "id/target").
    pub decision_buttons: Vec<(String, [f32; 4])>,
    /// What is typed in the decisions panel's Find box, and whether it has
    /// the keyboard (tests type only once it does).
    pub decision_filter: String,
    pub decision_find_focused: bool,
    /// The futures window's controls: "change", "run", "export".
    pub futures_controls: Vec<(String, [f32; 4])>,
    /// The hot-seat hand-over's "I am ready", while it shows.
    pub hand_over_ready: Option<[f32; 4]>,
}

impl UiLayout {
    /// Whether the pointer at `p` (window pixels) belongs to the interface
    /// rather than the map: over a panel, a window or a tooltip.
    pub fn over_ui(&self, wants: &bevy_egui::input::EguiWantsInput, p: Vec2) -> bool {
        let outside = self
            .map_area
            .is_some_and(|[x, y, w, h]| p.x < x || p.y < y || p.x > x + w || p.y > y + h);
        outside || wants.wants_any_pointer_input()
    }
}

/// The state under the pointer and the one selected (scenario ids).
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct Selection {
    pub hovered: Option<String>,
    pub selected: Option<String>,
}

/// Opens the window on a new game of `scenario`, or on a saved game.
pub fn run(
    scenario: Scenario,
    play_as: Vec<String>,
    seed: u64,
    load: Option<(crate::save::SaveFile, String)>,
    mods: crate::scenario::mods::Mods,
    open_menu: bool,
) {
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
    .init_resource::<Player>()
    .insert_resource(map_view::MapShapes::new(
        MapFile::shipped(),
        &scenario.file.states.iter().map(|s| s.id.clone()).collect::<Vec<_>>(),
    ))
    .init_resource::<EndTurn>()
    .init_resource::<Selection>()
    .init_resource::<MapMode>()
    .add_plugins((
        camera::plugin,
        charts::plugin,
        decisions_panel::plugin,
        futures_view::plugin,
        goals_view::plugin,
        headlines::plugin,
        map_view::plugin,
        menu::plugin,
        observer::plugin,
    ))
    .add_plugins((
        panels::plugin,
        probe::plugin,
        redraw::plugin,
        reload::plugin,
        saves::plugin,
        screenshot::plugin,
        settings::plugin,
    ))
    .init_resource::<UiLayout>()
    // What the player gave this frame comes before the month it is for.
    .add_systems(Update, resolve_turn.after(crate::sim::player::inputs::InputsApplied))
    .add_systems(PostUpdate, follow_seat.before(bevy_egui::EguiPostUpdateSet::EndPass));
    app.insert_resource(saves::Current(scenario.clone()))
        .insert_resource(reload::ModsDir(mods));
    load_into_app(&mut app, &scenario, seed);
    // `play` has checked that the states are playable.
    seat_players(app.world_mut(), &play_as);
    app.insert_state(if open_menu {
        screen::Screen::Menu
    } else {
        screen::Screen::start_of_game(play_as.len(), load.is_none())
    });
    if let Some((file, path)) = load {
        // `play` has replayed it once already, so this cannot fail either.
        if let Err(e) = saves::load_into(app.world_mut(), &file, &path) {
            error!("{e}");
        }
    }
    app.run();
}

/// Replaces the game on screen with a new one: the scenario's start with
/// this seed and player. `reframe`: point the camera at the scenario's
/// states (a new game; not for a modder's reload, who keeps the view).
pub fn start_game(world: &mut World, scenario: Scenario, seed: u64, players: Vec<String>, reframe: bool) {
    crate::sim::world::spawn::spawn_scenario(world, &scenario, seed, crate::sim::Detail::Full);
    seat_players(world, &players);
    let states: Vec<String> = scenario.file.states.iter().map(|s| s.id.clone()).collect();
    let file = world.resource::<map_view::MapShapes>().file.clone();
    world.insert_resource(map_view::MapShapes::new(file, &states));
    let keep = world
        .resource::<Selection>()
        .selected
        .clone()
        .filter(|s| states.contains(s));
    *world.resource_mut::<Selection>() = Selection {
        hovered: None,
        selected: keep,
    };
    world.resource_mut::<headlines::Headlines>().skip_to(0);
    world.insert_resource(saves::Current(scenario));
    reload::rewatch(world);
    if reframe {
        camera::reframe(world);
        // A new game from the menu: brief its player.
        world
            .resource_mut::<NextState<screen::Screen>>()
            .set(screen::Screen::start_of_game(players.len(), true));
    } else {
        leave_for_the_game(world);
    }
}

/// Back to the game from a screen that belonged to the one replaced (its
/// hand-over, its end), unless the menu is open over it.
pub(crate) fn leave_for_the_game(world: &mut World) {
    let now = *world.resource::<State<screen::Screen>>().get();
    if matches!(now, screen::Screen::HandOver | screen::Screen::Ended) {
        world
            .resource_mut::<NextState<screen::Screen>>()
            .set(screen::Screen::Playing);
    }
}

/// Seats the players: none (observer), one, or several taking turns
/// (hot-seat). The states are checked by the caller.
fn seat_players(world: &mut World, players: &[String]) {
    use crate::sim::player::inputs::{PlayerInput, apply};
    let input = match players {
        [] => PlayerInput::Play(None),
        [one] => PlayerInput::Play(Some(one.clone())),
        many => PlayerInput::PlayTogether(many.to_vec()),
    };
    if let Err(e) = apply(world, input) {
        error!("{e}");
    }
    follow_seat(world);
}

/// Keeps `Player` in step with the simulation's seat, whoever moved it (a
/// new game, a load, hot-seat, observer mode); every frame before egui
/// draws, and at once where a caller reads it in the same system.
fn follow_seat(world: &mut World) {
    let seat = world.resource::<crate::sim::world::players::PlayedBy>().0.map(|s| {
        world
            .resource::<crate::sim::world::registry::Registry>()
            .state_code(s)
            .to_string()
    });
    if world.resource::<Player>().state != seat {
        world.resource_mut::<Player>().state = seat;
    }
}

/// A turn takes well under a millisecond, so it runs inside the frame: the
/// window never waits on it. In hot-seat, End Turn first passes the seat;
/// the month runs when the last player ends, and the seat returns to the
/// first.
pub(crate) fn resolve_turn(world: &mut World) {
    if !std::mem::take(&mut world.resource_mut::<EndTurn>().0) {
        return;
    }
    let seats = world.resource::<crate::sim::world::players::Humans>().0.len();
    if seats > 1 {
        let last = {
            let humans = &world.resource::<crate::sim::world::players::Humans>().0;
            world.resource::<crate::sim::world::players::PlayedBy>().0 == humans.last().copied()
        };
        if !last {
            crate::sim::player::inputs::pass_seat(world);
            hand_over(world);
            return;
        }
    }
    world.run_schedule(TurnSchedule);
    // The month's news and colours are drawn next frame, even if nothing
    // else wakes the window (an observer's months, a test's key).
    world.resource_mut::<redraw::Wake>().now();
    if seats > 1 {
        crate::sim::player::inputs::pass_seat(world);
        hand_over(world);
    }
}

/// Hot seat: the next player is asked to take the mouse. At once, not next
/// frame, so that no frame shows the new seat's panels before they have it.
fn hand_over(world: &mut World) {
    world
        .resource_mut::<NextState<screen::Screen>>()
        .set(screen::Screen::HandOver);
    world.run_schedule(bevy::state::state::StateTransition);
}

/// Everything the window shows of one state.
pub type StateRow = (
    &'static Country,
    &'static Code,
    IndicatorsRead,
    &'static Alignment,
    &'static Regime,
    &'static Neighbours,
);

/// Read access to every state, for colours, the side panel and tooltips.
#[derive(SystemParam)]
pub struct StateFacts<'w, 's> {
    pub states: Query<'w, 's, StateRow>,
    pub memberships: Query<'w, 's, &'static Membership>,
    pub blocs: Query<'w, 's, &'static Bloc>,
    pub partnerships: Query<'w, 's, &'static Partnership>,
}

impl StateFacts<'_, '_> {
    /// Live blocs with the colour each has on the blocs map, in index order.
    pub fn bloc_colours(&self) -> Vec<(BlocIdx, BlocKind, Color)> {
        let mut blocs: Vec<(BlocIdx, BlocKind)> = self.blocs.iter().map(|b| (b.idx, b.kind)).collect();
        blocs.sort();
        let mut seen: Vec<BlocKind> = Vec::new();
        blocs
            .into_iter()
            .map(|(idx, kind)| {
                let nth = seen.iter().filter(|k| **k == kind).count();
                seen.push(kind);
                (idx, kind, modes::bloc(kind, nth))
            })
            .collect()
    }

    /// The colour of every state in a map mode, by scenario id.
    pub fn colours(&self, mode: MapMode) -> Vec<(String, Color)> {
        let blocs = self.bloc_colours();
        let memberships: Vec<&Membership> = self.memberships.iter().collect();
        self.states
            .iter()
            .map(|(c, code, row, al, regime, neighbours)| {
                let (st, sec, eco) = (row.stability, row.security, row.economy);
                let colour = match mode {
                    MapMode::Political => {
                        let n: Vec<usize> = neighbours.0.iter().map(|s| s.0 as usize).collect();
                        modes::political(c.idx.0 as usize, &n)
                    }
                    MapMode::Blocs => {
                        let best = memberships
                            .iter()
                            .filter(|m| m.state == c.idx)
                            .filter_map(|m| {
                                blocs.iter().find(|(b, _, _)| *b == m.bloc).map(|(_, kind, colour)| {
                                    (modes::bloc_priority(*kind), m.bloc, m.suspended, *colour)
                                })
                            })
                            .min_by_key(|(p, b, _, _)| (*p, *b));
                        match best {
                            Some((_, _, true, colour)) => modes::hovered(modes::hovered(colour)),
                            Some((_, _, false, colour)) => colour,
                            None => modes::NO_BLOC,
                        }
                    }
                    MapMode::Alignment(p) => modes::diverging(al.0.get(p.0 as usize).copied().unwrap_or(0.0)),
                    MapMode::Stability => modes::good_bad(st.0),
                    MapMode::Control => modes::control(sec.control),
                    MapMode::Regime => modes::regime(regime.kind),
                    MapMode::FoodInsecurity => modes::food(eco.food_insecurity),
                };
                (code.0.clone(), colour)
            })
            .collect()
    }
}
