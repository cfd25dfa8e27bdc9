//! Diplomacy: relations between every pair of states, drifting toward what
//! their regimes, blocs, sanctions and alignments make natural.

use bevy::ecs::system::SystemState;
use bevy::prelude::*;

use crate::rules::{DiplomacyRules, Rules};
use crate::scenario::format::RegimeKind;
use crate::sim::schedule::{SetUpPhase, SetUpSteps, TurnPhase, TurnSchedule};
use crate::sim::world::components::*;

pub(crate) fn plugin(app: &mut App) {
    SetUpSteps::add(app, SetUpPhase::Settle, |world, scenario| {
        settle_relations(world);
        start_relations(world, scenario);
    });
    app.add_systems(TurnSchedule, drift_relations.in_set(TurnPhase::Diplomacy));
}

use crate::sim::world::relations::{Borders, Relations};

/// What each state brings to its relations, gathered once per turn. Bloc
/// sets are bit sets (there are at most 96 blocs, scenario and formed).
#[derive(Default)]
pub(crate) struct Facts {
    regime: Vec<RegimeKind>,
    /// Blocs each state belongs to.
    blocs: Vec<u128>,
    /// Blocs whose decisions each state takes part in (not suspended).
    enforcing: Vec<u128>,
    /// Blocs sanctioning each state.
    sanctioned_by: Vec<u128>,
    /// Standings toward each power, state by state in one flat array.
    alignment: Vec<f64>,
    powers: usize,
    room: OrderRoom,
}

type FactQueries<'w, 's> = (
    Query<'w, 's, (&'static Country, &'static Regime, &'static Alignment)>,
    Query<'w, 's, &'static Membership>,
    Query<'w, 's, &'static Bloc>,
);

fn bit(b: BlocIdx) -> u128 {
    1u128 << (b.0 as u32).min(127)
}

fn gather(queries: &FactQueries) -> Facts {
    let mut f = Facts::default();
    f.refill(queries);
    f
}

impl Facts {
    /// Refills the facts in place (a turn allocates nothing once warm).
    fn refill(&mut self, (states, memberships, blocs): &FactQueries) {
        self.regime.clear();
        self.alignment.clear();
        self.powers = 0;
        for (_, r, a) in in_state_order(states.iter(), |(c, _, _)| c.idx, &mut self.room) {
            self.regime.push(r.kind);
            self.alignment.extend_from_slice(&a.0);
            self.powers = a.0.len();
        }
        let n = self.regime.len();
        for v in [&mut self.blocs, &mut self.enforcing, &mut self.sanctioned_by] {
            v.clear();
            v.resize(n, 0);
        }
        for m in memberships {
            self.blocs[m.state.0 as usize] |= bit(m.bloc);
            if !m.suspended {
                self.enforcing[m.state.0 as usize] |= bit(m.bloc);
            }
        }
        for b in blocs {
            for (s, _) in &b.sanctioned {
                self.sanctioned_by[s.0 as usize] |= bit(b.idx);
            }
        }
    }
}

/// Pairs with a border closed either way, as a dense `n × n` table (the
/// closures are a handful; looking each pair up in the set cost more than
/// the rest of its target).
fn closed_pairs(borders: &Borders, n: usize, out: &mut Vec<bool>) {
    out.clear();
    out.resize(n * n, false);
    for (by, to) in borders.all_closed() {
        let (a, b) = (by.0 as usize, to.0 as usize);
        if a < n && b < n {
            out[a * n + b] = true;
            out[b * n + a] = true;
        }
    }
}

/// What one state of a pair brings to the relation, read from [`Facts`].
#[derive(Clone, Copy)]
struct Side<'a> {
    regime: RegimeKind,
    blocs: u128,
    enforcing: u128,
    sanctioned_by: u128,
    alignment: &'a [f64],
}

impl Facts {
    #[inline(always)]
    fn side(&self, s: usize) -> Side<'_> {
        let p = self.powers;
        Side {
            regime: self.regime[s],
            blocs: self.blocs[s],
            enforcing: self.enforcing[s],
            sanctioned_by: self.sanctioned_by[s],
            alignment: &self.alignment[s * p..(s + 1) * p],
        }
    }
}

/// The relation two states drift toward (`closed`: a border is closed
/// between them either way).
#[inline(always)]
fn target(rules: &DiplomacyRules, a: Side, b: Side, closed: bool) -> f64 {
    let mut t = 0.0;
    if closed {
        t += rules.closed_border;
    }
    if a.regime == b.regime {
        t += if a.regime == RegimeKind::MilitaryJunta {
            rules.both_juntas
        } else {
            rules.same_regime
        };
    }
    // Most pairs share nothing and resent nothing: test before counting.
    let shared = a.blocs & b.blocs;
    if shared != 0 {
        t += rules.shared_bloc * shared.count_ones() as f64;
    }
    // A state resents the members of the blocs that sanction it.
    let (x, y) = (a.sanctioned_by & b.enforcing, b.sanctioned_by & a.enforcing);
    if x | y != 0 {
        t += rules.sanctions * (x.count_ones() + y.count_ones()) as f64;
    }
    // Alignment similarity: the dot product of standings, scaled to ±100.
    let p = a.alignment.len();
    if p > 0 {
        // Summed as `Iterator::sum` does (from -0.0), in a plain loop.
        let mut dot = -0.0;
        for (x, y) in a.alignment.iter().zip(b.alignment) {
            dot += x * y;
        }
        let dot = dot / (100.0 * p as f64);
        t += rules.alignment_weight * dot;
    }
    t.clamp(-100.0, 100.0)
}

pub(crate) fn drift_relations(
    queries: FactQueries,
    rules: Res<Rules>,
    borders: Res<Borders>,
    mut relations: ResMut<Relations>,
    mut closed: Local<Vec<bool>>,
    mut facts: Local<Facts>,
) {
    facts.refill(&queries);
    let facts = &*facts;
    let r = &rules.diplomacy;
    // One state a row of the facts and of the relations table.
    let n = facts.regime.len();
    debug_assert_eq!(relations.len(), n);
    closed_pairs(&borders, n, &mut closed);
    relations.update_pairs(
        |a| (facts.side(a), &closed[a * n..(a + 1) * n]),
        |(side, closed), b, v| {
            let t = target(r, *side, facts.side(b), closed[b]);
            v + r.rate * (t - v)
        },
    );
}

/// The scenario's own starting relations, over the settled ones.
fn start_relations(world: &mut World, scenario: &crate::scenario::Scenario) {
    let reg = world.resource::<crate::sim::world::registry::Registry>();
    let given: Vec<(StateIdx, StateIdx, f64)> = scenario
        .file
        .relations
        .iter()
        .filter_map(|r| Some((reg.state(&r.state)?, reg.state(&r.other)?, r.value)))
        .collect();
    let mut relations = world.resource_mut::<Relations>();
    for (a, b, v) in given {
        relations.set(a, b, v);
    }
}

/// Sets every relation to its target: the starting point of a new game.
pub(crate) fn settle_relations(world: &mut World) {
    let mut state = SystemState::<FactQueries>::new(world);
    // Plain queries always validate.
    let Ok(queries) = state.get(world) else { return };
    let facts = gather(&queries);
    let rules = world.resource::<Rules>().diplomacy.clone();
    let borders = world.get_resource::<Borders>().cloned().unwrap_or_default();
    let n = facts.regime.len();
    let mut closed = Vec::new();
    closed_pairs(&borders, n, &mut closed);
    let mut relations = world.resource_mut::<Relations>();
    debug_assert_eq!(relations.len(), n);
    relations.update_pairs(
        |a| (facts.side(a), &closed[a * n..(a + 1) * n]),
        |(side, closed), b, _| target(&rules, *side, facts.side(b), closed[b]),
    );
}
