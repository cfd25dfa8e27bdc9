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
