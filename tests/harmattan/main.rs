//! Harmattan's integration tests, in one binary so that Bevy is linked once.

mod bad_input;
mod cli;
mod determinism;
mod mechanisms;
mod support;
