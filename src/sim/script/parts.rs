//! The parts of what scripts read, named apart from the facts themselves:
//! effects say which parts they may change (`Eff::touches`) without
//! depending on how the facts are gathered.

use crate::sim::world::components::StateIdx;

/// Parts of the script's facts (`facts::Facts`), refreshed apart: after a
/// decision the deciders gather again only what its effects may have
/// changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Parts(u8);

impl Parts {
    pub const NONE: Parts = Parts(0);
    /// Each state's indicators, regime, leader, standings and exports.
    pub const STATES: Parts = Parts(1);
    /// Memberships, sanctions and the blocs' projects.
    pub const BLOCS: Parts = Parts(2);
    /// Live partnerships and the powers' deployments.
    pub const PARTNERSHIPS: Parts = Parts(4);
    /// The powers and their agendas.
    pub const POWERS: Parts = Parts(8);
    /// Relations between states.
    pub const RELATIONS: Parts = Parts(16);
    pub const ALL: Parts = Parts(31);

    pub fn has(self, other: Parts) -> bool {
        self.0 & other.0 != 0
    }
}

impl std::ops::BitOr for Parts {
    type Output = Parts;
    fn bitor(self, other: Parts) -> Parts {
        Parts(self.0 | other.0)
    }
}

impl std::ops::BitOrAssign for Parts {
    fn bitor_assign(&mut self, other: Parts) {
        self.0 |= other.0;
    }
}

/// Which states' rows of [`Parts::STATES`] applying an effect may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    Nothing,
    One(StateIdx),
    Every,
}

/// The states' rows to gather again: every one, or those listed. Kept
/// between uses (a phase allocates nothing once warm).
#[derive(Debug, Default)]
pub struct StaleRows {
    every: bool,
    rows: Vec<StateIdx>,
}

impl StaleRows {
    /// Every row (the start of a phase).
    pub fn every(&mut self) {
        self.every = true;
        self.rows.clear();
    }

    pub fn add(&mut self, rows: Rows) {
        match rows {
            Rows::Nothing => {}
            Rows::One(s) => {
                if !self.every && !self.rows.contains(&s) {
                    self.rows.push(s);
                }
            }
            Rows::Every => self.every(),
        }
    }

    /// Nothing stale (just gathered).
    pub fn clear(&mut self) {
        self.every = false;
        self.rows.clear();
    }

    /// The rows listed, or `None` for every row.
    pub fn listed(&self) -> Option<&[StateIdx]> {
        (!self.every).then_some(&self.rows[..])
    }
}
