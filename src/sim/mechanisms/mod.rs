//! The mechanisms of a turn, one file each, in the order a turn runs them:
//! scripted events, decisions (the players' and the computer's),
//! diplomacy and alignment, partnerships, security, economy, food,
//! stability, coups and transitions, blocs, goals.

pub mod alignment;
pub mod blocs;
pub mod coups;
pub mod decisions;
pub mod diplomacy;
pub mod economy;
pub mod events;
pub mod food;
pub mod goals;
pub mod partnerships;
pub mod security;
pub mod stability;
pub mod transitions;
