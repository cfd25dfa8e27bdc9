//! The order things happen in a frame of the window, as system sets that
//! each panel, window and screen adds its own systems to: the map's input
//! before picking, and egui's drawing from the map's labels up to what
//! covers everything. egui stacks new windows in the order they are first
//! drawn, so the order is fixed here, once.

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

pub(in crate::gui) fn plugin(app: &mut App) {
    app.configure_sets(Update, (MapInput::Move, MapInput::Pick).chain())
        .configure_sets(
            EguiPrimaryContextPass,
            (
                UiPhase::Map,
                UiPhase::Frame,
                UiPhase::Windows,
                UiPhase::Tooltip,
                UiPhase::Dialogs,
                UiPhase::Screens,
                UiPhase::Overlays,
            )
                .chain(),
        );
}

/// Where End Turn is carried out in `Update` (the month, or the seat
/// passing): what asks for it runs before, what reports the month after.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MonthEnds;

/// The map's input in `Update`: the camera moves, then what is under the
/// pointer is picked (a drag is not a click).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MapInput {
    Move,
    Pick,
}

/// What egui draws, bottom to top.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiPhase {
    /// On the map itself: the states' names.
    Map,
    /// The frame around the map: top bar, side panel, news, legend.
    Frame,
    /// Windows the player opens: charts, decisions, futures, goals.
    Windows,
    /// What the pointer rests on.
    Tooltip,
    /// What waits for the player: questions, turning points.
    Dialogs,
    /// Whole moments of the game: briefing, end, hand-over, the menu.
    Screens,
    /// Over everything: a scenario that no longer loads, the settings.
    Overlays,
}
