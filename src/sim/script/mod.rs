//! The scenario's script, compiled: conditions and the references in them
//! resolved once, when a game is set up, into a form the turn evaluates
//! without strings or maps. Scripted events, decisions, AI weights and
//! goals all read it.

pub mod bindings;
pub mod condition;
pub mod effect;
pub mod facts;
pub mod parts;

pub use bindings::{Bindings, BlocRef, PowerRef, StateRef, Target, Who};
pub use condition::Cond;
pub use facts::{FactCache, Facts};
