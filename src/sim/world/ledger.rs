//! The cause ledger: every change to a state's indicators, with the
//! mechanism and the actor behind it, so that "why did Mali's stability fall
//! six points this month?" has an answer.

use bevy::prelude::*;
use serde::Serialize;

use crate::scenario::format::Indicator;
use crate::sim::world::components::{BlocIdx, PowerIdx, StateIdx};

/// The model mechanism behind a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mechanism {
    /// Slow return toward a resting value.
    Drift,
    /// Month-to-month chance: weather, prices, rumours.
    Fortune,
    Legitimacy,
    /// State weakness: stability below its baseline lets insurgents grow.
    Fragility,
    Insurgency,
    InsurgencySpread,
    CounterInsurgency,
    TerritorialControl,
    Economy,
    Sanctions,
    /// Hunger beyond the usual.
    Food,
    /// Grain export bans: the state's own, or its neighbours'.
    GrainExports,
    Rally,
    JuntaFatigue,
    /// A junta entrenching itself: purges, guard units, loyal militias.
    Consolidation,
    /// A junta handing power to an elected government.
    Transition,
    /// An insurgency settled, defeated or exhausted.
    Settlement,
    Coup,
    FailedCoup,
    Partnership,
    Diplomacy,
    Alignment,
    Bloc,
    ScriptedEvent,
    Order,
}

impl Mechanism {
    /// Its id in snake_case, as JSON writes it and message ids use it.
    pub fn snake(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }
}

/// Who else is involved in a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    State(StateIdx),
    Power(PowerIdx),
    Bloc(BlocIdx),
    /// A scripted event, by its index in the scenario.
    Event(u16),
    /// A government decision, by its index in the catalogue.
    Decision(u16),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Cause {
    pub mechanism: Mechanism,
    pub actor: Option<Actor>,
}

impl Cause {
    pub const fn of(mechanism: Mechanism) -> Self {
        Self { mechanism, actor: None }
    }

    pub const fn by(mechanism: Mechanism, actor: Actor) -> Self {
        Self {
            mechanism,
            actor: Some(actor),
        }
    }
}

/// What changed: one of a state's indicators, or its standing toward a power.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Indicator(Indicator),
    Alignment(PowerIdx),
}

impl Measure {
    pub fn range(self) -> (f64, f64) {
        match self {
            Measure::Indicator(i) => i.range(),
            Measure::Alignment(_) => (-100.0, 100.0),
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Entry {
    pub turn: u32,
    pub state: StateIdx,
    pub measure: Measure,
    pub delta: f64,
    pub cause: Cause,
}

/// All changes of the game so far, turn by turn.
#[derive(Debug, Clone, Resource, Default)]
pub struct Ledger {
    /// `false` in batch runs, which need outcomes, not explanations.
    pub keep: bool,
    pub entries: Vec<Entry>,
    /// The turn being resolved (1-based).
    pub turn: u32,
}

impl Ledger {
    pub fn new(keep: bool) -> Self {
        Self {
            keep,
            entries: Vec::new(),
            turn: 0,
        }
    }

    /// Moves `slot` by `delta`, kept within the measure's range, and records
    /// the change actually made. Returns that change.
    pub fn change(&mut self, state: StateIdx, measure: Measure, slot: &mut f64, delta: f64, cause: Cause) -> f64 {
        if !delta.is_finite() || delta == 0.0 {
            return 0.0;
        }
        let (lo, hi) = measure.range();
        let new = (*slot + delta).clamp(lo, hi);
        let actual = new - *slot;
        *slot = new;
        if self.keep && actual != 0.0 {
            self.entries.push(Entry {
                turn: self.turn,
                state,
                measure,
                delta: actual,
                cause,
            });
        }
        actual
    }

    /// Sets `slot` to `value` (within range), recording the difference.
    pub fn set(&mut self, state: StateIdx, measure: Measure, slot: &mut f64, value: f64, cause: Cause) {
        let delta = value - *slot;
        self.change(state, measure, slot, delta, cause);
    }

    /// The changes of one turn to one state's measure, summed by cause,
    /// largest first: the answer to "why did this move?".
    pub fn breakdown(&self, turn: u32, state: StateIdx, measure: Measure) -> Vec<(Cause, f64)> {
        self.breakdown_over(turn..=turn, state, measure)
    }

    /// The same over several turns: "why has this fallen since spring?".
    pub fn breakdown_over(
        &self,
        turns: std::ops::RangeInclusive<u32>,
        state: StateIdx,
        measure: Measure,
    ) -> Vec<(Cause, f64)> {
        let mut sums: Vec<(Cause, f64)> = Vec::new();
        for e in self
            .entries
            .iter()
            .filter(|e| turns.contains(&e.turn) && e.state == state && e.measure == measure)
        {
            match sums.iter_mut().find(|(c, _)| *c == e.cause) {
                Some((_, sum)) => *sum += e.delta,
                None => sums.push((e.cause, e.delta)),
            }
        }
        sums.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        sums
    }
}
