//! The start and the end of a turn: the calendar moves on, and every
//! indicator of every state is recorded for charts and export.

use bevy::prelude::*;
use serde::Serialize;

use crate::scenario::YearMonth;
use crate::scenario::format::RegimeKind;
use crate::sim::schedule::{SetUpPhase, SetUpSteps, TurnPhase, TurnSchedule};
use crate::sim::world::components::*;
use crate::sim::world::ledger::Ledger;
use crate::sim::world::registry::Clock;

pub(crate) fn plugin(app: &mut App) {
    SetUpSteps::add(app, SetUpPhase::Record, |world, _| record_start(world));
    app.add_systems(TurnSchedule, begin_turn.in_set(TurnPhase::Begin));
    app.add_systems(
        TurnSchedule,
        (record_history, advance_clock).chain().in_set(TurnPhase::Record),
    );
}

/// One state at the end of a turn.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StateSnapshot {
    #[serde(flatten)]
    pub indicators: IndicatorValues,
    /// By power index.
    pub alignment: Vec<f64>,
    pub regime: RegimeKind,
}

impl StateSnapshot {
    pub fn get(&self, indicator: crate::scenario::format::Indicator) -> f64 {
        self.indicators[indicator]
    }
}

/// Every state at the end of one turn (turn 0: the start).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Snapshot {
    pub turn: u32,
    /// The month this state of things opens: turn 0 is the scenario's first
    /// month, and after August's turn comes September (as the top bar
    /// dates the month to play).
    pub date: YearMonth,
    /// By state index.
    pub states: Vec<StateSnapshot>,
}

#[derive(Debug, Clone, Resource, Default)]
pub struct History {
    pub keep: bool,
    pub snapshots: Vec<Snapshot>,
}

fn begin_turn(clock: Res<Clock>, mut ledger: ResMut<Ledger>) {
    ledger.turn = clock.turn + 1;
}

type SnapshotQuery<'w, 's> = Query<'w, 's, (&'static Country, IndicatorsRead, &'static Alignment, &'static Regime)>;

/// Takes a snapshot of every state, in state order.
pub fn snapshot(query: &SnapshotQuery, turn: u32, date: YearMonth) -> Snapshot {
    let states = in_state_order(query.iter(), |x| x.0.idx, &mut OrderRoom::default())
        .map(|(_, ind, al, reg)| StateSnapshot {
            indicators: ind.values(),
            alignment: al.0.clone(),
            regime: reg.kind,
        })
        .collect();
    Snapshot { turn, date, states }
}

fn record_history(query: SnapshotQuery, clock: Res<Clock>, mut history: ResMut<History>) {
    if history.keep {
        // Dated by the month it opens, as the top bar dates the month to
        // play: the start is the scenario's first month, and the state
        // after August's turn is September's.
        let snap = snapshot(&query, clock.turn + 1, clock.date().plus_months(1));
        history.snapshots.push(snap);
    }
}

fn advance_clock(mut clock: ResMut<Clock>) {
    clock.turn += 1;
}

/// Records the starting snapshot (turn 0).
pub(crate) fn record_start(world: &mut World) {
    let keep = world.resource::<History>().keep;
    if !keep {
        return;
    }
    let date = world.resource::<Clock>().start;
    let mut state = bevy::ecs::system::SystemState::<SnapshotQuery>::new(world);
    // Plain queries always validate.
    let Ok(query) = state.get(world) else { return };
    let snap = snapshot(&query, 0, date);
    world.resource_mut::<History>().snapshots.push(snap);
}
