//! The screens of the window as Bevy states, and the main menu.
//!
//! - `screen.rs`: the `Screen` state (menu, briefing, playing, hand-over,
//!   end) and what changes it.
//! - `menu.rs`: the main menu (scenario, state or observer, seed, saves).

pub(in crate::gui) mod menu;
pub(in crate::gui) mod screen;
