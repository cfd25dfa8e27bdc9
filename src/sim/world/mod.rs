//! The simulated world's data: the components of states, powers, blocs and
//! their ties; the registry of ids and the calendar; the seeded random
//! streams; the records a game keeps (the ledger of causes, the chronicle
//! of news, the history of every indicator); setting a game up from a
//! scenario; and the verbs that change the world, which mechanisms and
//! scripts share.

pub mod actions;
pub mod chronicle;
pub mod components;
pub mod course;
pub mod history;
pub mod ledger;
pub mod players;
pub mod registry;
pub mod relations;
pub mod rng;
pub mod said;
pub mod snapshot;
pub mod spawn;
pub mod turn;
