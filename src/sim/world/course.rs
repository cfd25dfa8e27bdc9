//! The classroom's history option: while the record of a scenario's period
//! runs, its turning points (scripted in `mechanisms::events`) alone make
//! coups, found and deepen pacts and take states out of blocs, and the
//! mechanisms that would otherwise decide those hold back.

use bevy::prelude::*;

use crate::scenario::date::YearMonth;

/// The last month the record decides, while the history option is on.
#[derive(Debug, Clone, Copy, Resource, Default)]
pub struct Course {
    pub until: Option<YearMonth>,
}

impl Course {
    /// Whether the record, not the model, decides coups, pacts and exits in
    /// `date`.
    pub fn holds(&self, date: YearMonth) -> bool {
        self.until.is_some_and(|u| date <= u)
    }

    /// From now on the model decides everything: futures run from a game
    /// played with the history option do not replay the record.
    pub fn leave(&mut self) {
        self.until = None;
    }
}
