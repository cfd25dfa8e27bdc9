//! What the window's parts share: who plays, what is selected, where the
//! controls are (for tests), the scenario on screen, End Turn asked for,
//! and read access to every state's facts.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use crate::gui::map::modes::{self, MapMode};
use crate::scenario::Scenario;
use crate::scenario::format::BlocKind;
use crate::sim::world::components::*;

/// The scenario the game on screen started from (its text and rules go
/// into saves).
#[derive(Resource, Clone)]
pub struct Current(pub Scenario);

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
    /// The Charts window's state picker: its button ("open") and each
    /// state's box (by code) in the order listed; the states drawn.
    pub chart_picker: Vec<(String, [f32; 4])>,
    pub chart_states: Vec<String>,
    /// The menu's history box, and whether it is ticked.
    pub menu_history: Option<([f32; 4], bool)>,
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
    /// The turning point on screen and its "what led here", line by line.
    pub headline: Vec<String>,
    /// What the top bar says of the history option (empty without it).
    pub record: String,
    /// egui's context, to ask which of its windows lies under a point
    /// (set each frame the interface is drawn).
    pub egui: Option<bevy_egui::egui::Context>,
    /// The top bar's "Game" menu (save, load, export, settings, main menu).
    pub game_menu: Option<[f32; 4]>,
    /// The choices' options ("EVENT:OPTION").
    pub choice_buttons: Vec<(String, [f32; 4])>,
    /// The offer dialogs' buttons ("accept:ID", "decline:ID").
    pub offer_buttons: Vec<(String, [f32; 4])>,
}

impl UiLayout {
    /// Whether the pointer at `p` (window pixels) belongs to the interface
    /// rather than the map: over a panel, a window or a tooltip.
    pub fn over_ui(&self, wants: &bevy_egui::input::EguiWantsInput, p: Vec2) -> bool {
        let outside = self
            .map_area
            .is_some_and(|[x, y, w, h]| p.x < x || p.y < y || p.x > x + w || p.y > y + h);
        // A window under the point, whether or not the pointer was there
        // last frame: a tap on a touchscreen or a whiteboard arrives and
        // clicks in one frame, before egui knows it wants the pointer.
        let over_window = self.egui.as_ref().is_some_and(|ctx| {
            let at = bevy_egui::egui::pos2(p.x, p.y) / ctx.zoom_factor();
            ctx.layer_id_at(at)
                .is_some_and(|l| l.order != bevy_egui::egui::Order::Background)
        });
        outside || over_window || wants.wants_any_pointer_input()
    }
}

/// The state under the pointer and the one selected (scenario ids).
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct Selection {
    pub hovered: Option<String>,
    pub selected: Option<String>,
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
