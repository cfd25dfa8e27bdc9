//! Relations between states (-100 to 100) and the borders they have closed
//! to each other: what diplomacy moves and every mechanism reads.

use bevy::prelude::*;

use crate::sim::world::components::StateIdx;

/// Relations between states, -100 (hostile) to 100 (close), symmetric.
#[derive(Debug, Clone, Resource)]
pub struct Relations {
    n: usize,
    values: Vec<f64>,
}

impl Relations {
    pub fn new(n: usize) -> Self {
        Self {
            n,
            values: vec![0.0; n * n],
        }
    }

    /// The pairs whose relations differ from `was`, by how much (each
    /// pair once, the lower index first).
    pub fn changes_since(&self, was: &Relations) -> Vec<(StateIdx, StateIdx, f64)> {
        let mut out = Vec::new();
        for a in 0..self.n.min(was.n) {
            for b in a + 1..self.n.min(was.n) {
                let (x, y) = (StateIdx(a as u16), StateIdx(b as u16));
                let d = self.get(x, y) - was.get(x, y);
                if d.abs() > 1e-9 {
                    out.push((x, y, d));
                }
            }
        }
        out
    }

    pub fn get(&self, a: StateIdx, b: StateIdx) -> f64 {
        self.values[a.0 as usize * self.n + b.0 as usize]
    }

    pub fn set(&mut self, a: StateIdx, b: StateIdx, v: f64) {
        let v = v.clamp(-100.0, 100.0);
        self.values[a.0 as usize * self.n + b.0 as usize] = v;
        self.values[b.0 as usize * self.n + a.0 as usize] = v;
    }

    /// Sets every pair (each once, the lower index first, row by row) to
    /// `f(&row(a), b, its value)`, within range: diplomacy's settling at
    /// the start and its monthly drift. `row(a)` is called once a row,
    /// before its pairs, for what they share.
    #[inline]
    pub fn update_pairs<R>(&mut self, mut row: impl FnMut(usize) -> R, mut f: impl FnMut(&R, usize, f64) -> f64) {
        let n = self.n;
        for a in 0..n {
            let shared = row(a);
            let values = &mut self.values[a * n..(a + 1) * n];
            for (b, v) in values.iter_mut().enumerate().skip(a + 1) {
                *v = f(&shared, b, *v).clamp(-100.0, 100.0);
            }
        }
        // The lower half mirrors the upper.
        for a in 0..n {
            for b in a + 1..n {
                self.values[b * n + a] = self.values[a * n + b];
            }
        }
    }

    pub fn add(&mut self, a: StateIdx, b: StateIdx, delta: f64) {
        if a != b {
            self.set(a, b, self.get(a, b) + delta);
        }
    }

    pub fn len(&self) -> usize {
        self.n
    }

    /// Every relation, row by row (`a * len + b`).
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }
}

/// Borders and ports states have closed to a neighbour, or hold open
/// against their bloc's sanctions. Ordered sets: read in a stable order.
#[derive(Debug, Clone, Resource, Default)]
pub struct Borders {
    /// (by, to): `by` keeps its border closed to `to`.
    closed: std::collections::BTreeSet<(StateIdx, StateIdx)>,
    /// (by, to): `by` keeps its border open to `to` whatever its blocs decide.
    defied: std::collections::BTreeSet<(StateIdx, StateIdx)>,
}

impl Borders {
    pub fn close(&mut self, by: StateIdx, to: StateIdx) {
        self.defied.remove(&(by, to));
        self.closed.insert((by, to));
    }

    pub fn open(&mut self, by: StateIdx, to: StateIdx) {
        self.closed.remove(&(by, to));
        self.defied.insert((by, to));
    }

    pub fn is_closed(&self, by: StateIdx, to: StateIdx) -> bool {
        self.closed.contains(&(by, to))
    }

    /// Whether `by` has chosen to keep its border open to `to`.
    pub fn held_open(&self, by: StateIdx, to: StateIdx) -> bool {
        self.defied.contains(&(by, to))
    }

    /// Who has closed their border to `to`.
    pub fn closed_to(&self, to: StateIdx) -> impl Iterator<Item = StateIdx> + '_ {
        self.closed.iter().filter(move |(_, t)| *t == to).map(|(b, _)| *b)
    }

    /// Every closure, as (by, to), in order.
    pub fn all_closed(&self) -> impl Iterator<Item = &(StateIdx, StateIdx)> {
        self.closed.iter()
    }

    pub fn any_closed(&self) -> bool {
        !self.closed.is_empty()
    }
}
