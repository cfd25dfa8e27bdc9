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
    pub stability: f64,
    pub legitimacy: f64,
    pub military_loyalty: f64,
    pub coup_proofing: f64,
    pub insurgency: f64,
    pub control: f64,
    pub military: f64,
    pub growth: f64,
    pub food_insecurity: f64,
    /// By power index.
    pub alignment: Vec<f64>,
    pub regime: RegimeKind,
}

impl StateSnapshot {
    pub fn get(&self, indicator: crate::scenario::format::Indicator) -> f64 {
        use crate::scenario::format::Indicator as I;
        match indicator {
            I::Stability => self.stability,
            I::Legitimacy => self.legitimacy,
            I::MilitaryLoyalty => self.military_loyalty,
            I::CoupProofing => self.coup_proofing,
            I::Insurgency => self.insurgency,
            I::Control => self.control,
            I::Military => self.military,
            I::Growth => self.growth,
            I::FoodInsecurity => self.food_insecurity,
        }
    }
}

/// Every state at the end of one turn (turn 0: the start).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Snapshot {
    pub turn: u32,
    /// The month just resolved (for turn 0, the month before the start).
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

type SnapshotQuery<'w, 's> = Query<
    'w,
    's,
    (
        &'static Country,
        &'static Stability,
        &'static Legitimacy,
        &'static MilitaryLoyalty,
        &'static CoupProofing,
        &'static Security,
        &'static Economy,
        &'static Alignment,
        &'static Regime,
    ),
>;

/// Takes a snapshot of every state, in state order.
pub fn snapshot(query: &SnapshotQuery, turn: u32, date: YearMonth) -> Snapshot {
    let states = in_state_order(query.iter(), |x| x.0.idx)
        .map(|(_, st, lg, ml, cp, sec, eco, al, reg)| StateSnapshot {
            stability: st.0,
            legitimacy: lg.0,
            military_loyalty: ml.0,
            coup_proofing: cp.0,
            insurgency: sec.insurgency,
            control: sec.control,
            military: sec.military,
            growth: eco.growth,
            food_insecurity: eco.food_insecurity,
            alignment: al.0.clone(),
            regime: reg.kind,
        })
        .collect();
    Snapshot { turn, date, states }
}

fn record_history(query: SnapshotQuery, clock: Res<Clock>, mut history: ResMut<History>) {
    if history.keep {
        let snap = snapshot(&query, clock.turn + 1, clock.date());
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
    let date = world.resource::<Clock>().start.plus_months(-1);
    let mut state = bevy::ecs::system::SystemState::<SnapshotQuery>::new(world);
    // Plain queries always validate.
    let Ok(query) = state.get(world) else { return };
    let snap = snapshot(&query, 0, date);
    world.resource_mut::<History>().snapshots.push(snap);
}
