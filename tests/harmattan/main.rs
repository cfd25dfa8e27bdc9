//! Harmattan's integration tests, in one binary so that Bevy is linked once.

mod bad_input;
mod calibration;
mod cli;
mod decisions;
mod determinism;
mod futures;
#[cfg(feature = "gui")]
mod gui;
mod history_option;
mod hostile;
mod i18n;
mod juntas_and_blocs;
mod long_run;
mod map;
mod mechanisms;
mod players_month;
mod saves;
mod scenarios;
mod shards;
mod support;
