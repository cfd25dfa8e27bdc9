//! The player's month: what became of each decision a person took (carried
//! out, refused because the world had moved, left to chance, due later),
//! recorded as it happens, and a summary of a month for one state: those
//! decisions with what they changed, the largest changes to the state with
//! their causes, and the turning points next door. Structured facts only;
//! the front ends put them in words.

use std::ops::Range;

use bevy::prelude::*;

use crate::scenario::format::Indicator;
use crate::sim::player::offers::OfferKind;
use crate::sim::script::{Target, Who};
use crate::sim::world::chronicle::Chronicle;
use crate::sim::world::components::{Neighbours, StateIdx};
use crate::sim::world::ledger::{Cause, Ledger, Measure};
use crate::sim::world::players::Humans;
use crate::sim::world::registry::Registry;

pub(crate) fn plugin(app: &mut App) {
    crate::sim::world::snapshot::Kept::resource::<PlayerOutcomes>(app);
    crate::sim::world::snapshot::Kept::resource::<PlayerAnswers>(app);
    crate::sim::schedule::SetUpSteps::add(app, crate::sim::schedule::SetUpPhase::Resources, |world, _| {
        world.insert_resource(PlayerOutcomes::default());
        world.insert_resource(PlayerAnswers::default());
    });
}

/// A person's answer, carried out in a turn: to an offer, or to a
/// scripted event's choice.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Offer {
        kind: OfferKind,
        accepted: bool,
    },
    /// The event's index in the scenario's book, and the option taken.
    Choice {
        event: usize,
        option: usize,
    },
}

/// Every answer a person gave, with the turn it was carried out in and
/// the state that gave it.
#[derive(Debug, Clone, Resource, Default)]
pub struct PlayerAnswers(pub Vec<(u32, StateIdx, Answer)>);

/// Records an answer carried out this turn.
pub(crate) fn record_answer(world: &mut World, state: StateIdx, answer: Answer) {
    let turn = world.resource::<Ledger>().turn;
    world.resource_mut::<PlayerAnswers>().0.push((turn, state, answer));
}

/// What became of one outcome of a person's decision.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Carried out; the news it made (chronicle indices), what it moved
    /// (ledger indices) and the relations it moved (pairs of states, by
    /// how much).
    Done {
        news: Range<usize>,
        ledger: Range<usize>,
        relations: Vec<(StateIdx, StateIdx, f64)>,
    },
    /// Refused when the turn ran: the world had moved since it was chosen.
    Refused { reason: crate::sim::world::said::Said },
    /// Left to chance, and chance said no.
    NoLuck,
    /// Takes effect in that turn.
    Later { due: u32 },
}

/// One outcome of a decision taken by a human-played state.
#[derive(Debug, Clone, PartialEq)]
pub struct PlayerOutcome {
    pub turn: u32,
    pub state: StateIdx,
    /// The decision's index in the catalogue.
    pub decision: u16,
    pub target: Option<Target>,
    pub outcome: Outcome,
}

/// Every outcome of the players' decisions, in order.
#[derive(Debug, Clone, Resource, Default)]
pub struct PlayerOutcomes(pub Vec<PlayerOutcome>);

/// Records an outcome if `who` is a state a person plays (the computer's
/// decisions are in the decision log and the news).
pub(crate) fn record(world: &mut World, who: Who, decision: usize, target: Option<Target>, outcome: Outcome) {
    let Who::State(state) = who else { return };
    if !world.resource::<Humans>().plays(state) {
        return;
    }
    let turn = world.resource::<Ledger>().turn;
    world.resource_mut::<PlayerOutcomes>().0.push(PlayerOutcome {
        turn,
        state,
        decision: decision as u16,
        target,
        outcome,
    });
}

/// A decision's month: what became of it and what it moved.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionMonth {
    pub decision: u16,
    pub target: Option<Target>,
    pub outcomes: Vec<Outcome>,
    /// What it moved this month, by state and measure (indicators and
    /// standing toward powers), largest first.
    pub moved: Vec<(StateIdx, Measure, f64)>,
}

/// One indicator's change over the month, with its largest causes.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub indicator: Indicator,
    pub now: f64,
    pub delta: f64,
    pub causes: Vec<(Cause, f64)>,
}

/// A month of one state, as its player would want it told.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MonthSummary {
    pub turn: u32,
    pub decisions: Vec<DecisionMonth>,
    /// The answers the player gave that were carried out this month.
    pub answers: Vec<Answer>,
    /// The largest changes to the state, largest first.
    pub changes: Vec<Change>,
    /// Turning points concerning its neighbours (chronicle indices).
    pub next_door: Vec<usize>,
    /// The month's news about the state itself (chronicle indices).
    pub own_news: Vec<usize>,
}

/// How many indicator changes and causes a summary keeps.
const CHANGES: usize = 4;
const CAUSES: usize = 3;
/// Changes smaller than this (points) are not worth a line.
const NOTABLE: f64 = 0.5;

/// The summary of `turn` for `state`.
pub fn summary(world: &World, state: StateIdx, turn: u32) -> MonthSummary {
    let ledger = world.resource::<Ledger>();
    let reg = world.resource::<Registry>();
    let mut decisions: Vec<DecisionMonth> = Vec::new();
    for o in world
        .resource::<PlayerOutcomes>()
        .0
        .iter()
        .filter(|o| o.turn == turn && o.state == state)
    {
        match decisions
            .iter_mut()
            .find(|d| d.decision == o.decision && d.target == o.target)
        {
            Some(d) => d.outcomes.push(o.outcome.clone()),
            None => decisions.push(DecisionMonth {
                decision: o.decision,
                target: o.target,
                outcomes: vec![o.outcome.clone()],
                moved: Vec::new(),
            }),
        }
    }
    for d in &mut decisions {
        // Only what this decision's own effects booked: another government
        // taking the same decision that month is not the player's doing.
        let ranges: Vec<Range<usize>> = d
            .outcomes
            .iter()
            .filter_map(|o| match o {
                Outcome::Done { ledger, .. } => Some(ledger.clone()),
                _ => None,
            })
            .collect();
        for e in ranges
            .into_iter()
            .flat_map(|r| ledger.entries.get(r).unwrap_or_default())
        {
            match d.moved.iter_mut().find(|(s, m, _)| *s == e.state && *m == e.measure) {
                Some((_, _, sum)) => *sum += e.delta,
                None => d.moved.push((e.state, e.measure, e.delta)),
            }
        }
        d.moved.sort_by(|a, b| b.2.abs().total_cmp(&a.2.abs()));
    }
    let e = world.entity(reg.state_entity(state));
    let mut changes: Vec<Change> = Indicator::ALL
        .iter()
        .map(|&indicator| {
            let causes = ledger.breakdown(turn, state, Measure::Indicator(indicator));
            Change {
                indicator,
                now: crate::sim::world::components::read_indicator(e, indicator),
                delta: causes.iter().map(|(_, d)| d).sum(),
                causes: causes.into_iter().take(CAUSES).collect(),
            }
        })
        .filter(|c| c.delta.abs() >= NOTABLE)
        .collect();
    changes.sort_by(|a, b| b.delta.abs().total_cmp(&a.delta.abs()));
    changes.truncate(CHANGES);
    let neighbours = e.get::<Neighbours>().map(|n| n.0.clone()).unwrap_or_default();
    let chronicle = world.resource::<Chronicle>();
    let about = |n: &crate::sim::world::chronicle::News, s: StateIdx| n.state == Some(s) || n.members.contains(&s);
    let mut next_door = Vec::new();
    let mut own_news = Vec::new();
    for (i, n) in chronicle.news.iter().enumerate().filter(|(_, n)| n.turn == turn) {
        if about(n, state) {
            own_news.push(i);
        } else if n.kind.is_major() && neighbours.iter().any(|&s| about(n, s)) {
            next_door.push(i);
        }
    }
    let answers = world
        .resource::<PlayerAnswers>()
        .0
        .iter()
        .filter(|(t, s, _)| *t == turn && *s == state)
        .map(|(_, _, a)| a.clone())
        .collect();
    MonthSummary {
        turn,
        decisions,
        answers,
        changes,
        next_door,
        own_news,
    }
}
