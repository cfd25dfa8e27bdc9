//! What people put into a game: orders checked and carried out in the
//! turn, and the log of every input that saves replay.

pub mod inputs;
pub mod month;
pub mod offers;
pub mod orders;
pub mod seats;

pub(crate) fn plugin(app: &mut bevy::prelude::App) {
    app.add_plugins((orders::plugin, inputs::plugin, offers::plugin, month::plugin));
}
