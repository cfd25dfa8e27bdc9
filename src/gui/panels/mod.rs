//! What is drawn over the map while a game is on: the frame around it and
//! the windows the player opens.
//!
//! - `frame.rs`: top bar, side panel, news, legend, tooltip, the hot-seat
//!   hand-over.
//! - `causes.rs`: the ledger's causes in words.
//! - `change_picker.rs`: the futures' change, picked from lists.
//! - `charts.rs`: indicators over time (egui_plot).
//! - `decisions.rs`: the player's decisions, costs and expected effects.
//! - `futures.rs`: "what happens next?", futures compared with one change.
//! - `goals.rs`: the player's goals, the briefing and the end screen.
//! - `headlines.rs`: turning points the player acknowledges, with causes.
//! - `month.rs`: "your month", what the player's month did and why.
//! - `observer.rs`: observer mode's months running by themselves.
//! - `questions.rs`: what is put to the player: choices and offers.

pub(in crate::gui) mod causes;
pub(in crate::gui) mod change_picker;
pub(in crate::gui) mod charts;
pub(in crate::gui) mod decisions;
pub(in crate::gui) mod frame;
pub(in crate::gui) mod futures;
pub(in crate::gui) mod goals;
pub(in crate::gui) mod headlines;
pub(in crate::gui) mod month;
pub(in crate::gui) mod observer;
pub(in crate::gui) mod questions;

/// Brings a window to the front in the pass it appears (opened by a key or
/// a button), so that it does not open under windows opened before it.
/// The window must be given `.id(egui::Id::new(title))`: egui's own id
/// for a title is not that.
pub(in crate::gui) fn raise_when_opened(ctx: &bevy_egui::egui::Context, title: &str) {
    use bevy_egui::egui;
    let id = egui::Id::new(title);
    let pass = ctx.cumulative_pass_nr();
    let key = id.with("shown_in_pass");
    let last: Option<u64> = ctx.data(|d| d.get_temp(key));
    if last.is_none_or(|l| l + 1 < pass) {
        ctx.move_to_top(egui::LayerId::new(egui::Order::Middle, id));
    }
    ctx.data_mut(|d| d.insert_temp(key, pass));
}
