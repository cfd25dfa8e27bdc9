//! The screens of the window, as Bevy `States` (as bevy_new_2d has them):
//! what is drawn and what takes input follows the screen, and a screen
//! changes through `NextState`, never by flags set here and there.
//!
//! The map stays drawn under every screen but the menu; only `Playing`
//! lets the player act on it. egui draws immediate-mode, so the screens own
//! no entities to despawn on leaving: the map and its camera live as long
//! as the window.

use bevy::prelude::*;

#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// The main menu: a scenario, a government or observer, a seed, a save.
    #[default]
    Menu,
    /// A new game's briefing: the situation and the player's goals.
    Briefing,
    /// The map, the panels and the month: the game itself.
    Playing,
    /// Hot seat: the seat has changed hands; the next player takes the mouse
    /// before anything of theirs shows.
    HandOver,
    /// The player's goals are all decided: won or lost, and what next.
    Ended,
}

impl Screen {
    /// The screen a game opens on: its briefing if someone plays a new one.
    pub fn start_of_game(players: usize, new_game: bool) -> Self {
        if players > 0 && new_game {
            Screen::Briefing
        } else {
            Screen::Playing
        }
    }
}

/// The screen of the game the menu was opened over, to go back to (a
/// hand-over or an unread briefing stays one).
#[derive(Resource, Debug, Default)]
pub struct MenuOverGame(pub Option<Screen>);

/// Opens the menu over the game on screen (the top bar's Menu, the end
/// screen's Main menu): the player may go back to it, on the same screen.
pub fn open_menu_over_game(over: &mut MenuOverGame, next: &mut NextState<Screen>, from: Screen) {
    over.0 = Some(from);
    next.set(Screen::Menu);
}

/// A run condition: the map and the game's windows are on screen (every
/// screen but the menu).
pub fn game_shown(screen: Res<State<Screen>>) -> bool {
    *screen.get() != Screen::Menu
}
