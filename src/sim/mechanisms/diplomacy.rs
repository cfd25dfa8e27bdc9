//! Diplomacy: relations between every pair of states, drifting toward what
//! their regimes, blocs, sanctions and alignments make natural.

use bevy::ecs::system::SystemState;
use bevy::prelude::*;

use crate::rules::{DiplomacyRules, Rules};
use crate::scenario::format::RegimeKind;
use crate::sim::components::*;
use crate::sim::{TurnPhase, TurnSchedule};

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(TurnSchedule, drift_relations.in_set(TurnPhase::Diplomacy));
}

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

    pub fn get(&self, a: StateIdx, b: StateIdx) -> f64 {
        self.values[a.0 as usize * self.n + b.0 as usize]
    }

    pub fn set(&mut self, a: StateIdx, b: StateIdx, v: f64) {
        let v = v.clamp(-100.0, 100.0);
        self.values[a.0 as usize * self.n + b.0 as usize] = v;
        self.values[b.0 as usize * self.n + a.0 as usize] = v;
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

    pub fn any_closed(&self) -> bool {
        !self.closed.is_empty()
    }
}

/// What each state brings to its relations, gathered once per turn. Bloc
/// sets are bit sets (there are at most 96 blocs, scenario and formed).
struct Facts {
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
}

type FactQueries<'w, 's> = (
    Query<'w, 's, (&'static Country, &'static Regime, &'static Alignment)>,
    Query<'w, 's, &'static Membership>,
    Query<'w, 's, &'static Bloc>,
);

fn bit(b: BlocIdx) -> u128 {
    1u128 << (b.0 as u32).min(127)
}

fn gather((states, memberships, blocs): &FactQueries) -> Facts {
    let mut regime = Vec::new();
    let mut alignment = Vec::new();
    let mut powers = 0;
    for (_, r, a) in in_state_order(states.iter(), |(c, _, _)| c.idx) {
        regime.push(r.kind);
        alignment.extend_from_slice(&a.0);
        powers = a.0.len();
    }
    let n = regime.len();
    let (mut member_of, mut enforcing, mut sanctioned_by) = (vec![0u128; n], vec![0u128; n], vec![0u128; n]);
    for m in memberships {
        member_of[m.state.0 as usize] |= bit(m.bloc);
        if !m.suspended {
            enforcing[m.state.0 as usize] |= bit(m.bloc);
        }
    }
    for b in blocs {
        for (s, _) in &b.sanctioned {
            sanctioned_by[s.0 as usize] |= bit(b.idx);
        }
    }
    Facts {
        regime,
        blocs: member_of,
        enforcing,
        sanctioned_by,
        alignment,
        powers,
    }
}

/// Pairs with a border closed either way, as a dense `n × n` table (the
/// closures are a handful; looking each pair up in the set cost more than
/// the rest of its target).
fn closed_pairs(borders: &Borders, n: usize, out: &mut Vec<bool>) {
    out.clear();
    out.resize(n * n, false);
    for (by, to) in &borders.closed {
        let (a, b) = (by.0 as usize, to.0 as usize);
        if a < n && b < n {
            out[a * n + b] = true;
            out[b * n + a] = true;
        }
    }
}

/// The relation two states drift toward (`closed`: from [`closed_pairs`]).
#[inline(always)]
fn target(rules: &DiplomacyRules, f: &Facts, closed: &[bool], a: usize, b: usize) -> f64 {
    let mut t = 0.0;
    if closed[a * f.regime.len() + b] {
        t += rules.closed_border;
    }
    if f.regime[a] == f.regime[b] {
        t += if f.regime[a] == RegimeKind::MilitaryJunta {
            rules.both_juntas
        } else {
            rules.same_regime
        };
    }
    // Most pairs share nothing and resent nothing: test before counting.
    let shared = f.blocs[a] & f.blocs[b];
    if shared != 0 {
        t += rules.shared_bloc * shared.count_ones() as f64;
    }
    // A state resents the members of the blocs that sanction it.
    let (x, y) = (f.sanctioned_by[a] & f.enforcing[b], f.sanctioned_by[b] & f.enforcing[a]);
    if x | y != 0 {
        t += rules.sanctions * (x.count_ones() + y.count_ones()) as f64;
    }
    // Alignment similarity: the dot product of standings, scaled to ±100.
    let p = f.powers;
    if p > 0 {
        let (x, y) = (&f.alignment[a * p..(a + 1) * p], &f.alignment[b * p..(b + 1) * p]);
        // Summed as `Iterator::sum` does (from -0.0), in a plain loop.
        let mut dot = -0.0;
        for k in 0..p {
            dot += x[k] * y[k];
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
) {
    let facts = gather(&queries);
    let r = &rules.diplomacy;
    let n = relations.len();
    closed_pairs(&borders, facts.regime.len(), &mut closed);
    for a in 0..n {
        for b in a + 1..n {
            let (sa, sb) = (StateIdx(a as u16), StateIdx(b as u16));
            let v = relations.get(sa, sb);
            let t = target(r, &facts, &closed, a, b);
            relations.set(sa, sb, v + r.rate * (t - v));
        }
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
    let mut closed = Vec::new();
    closed_pairs(&borders, facts.regime.len(), &mut closed);
    let mut relations = world.resource_mut::<Relations>();
    let n = relations.len();
    for a in 0..n {
        for b in a + 1..n {
            let t = target(&rules, &facts, &closed, a, b);
            relations.set(StateIdx(a as u16), StateIdx(b as u16), t);
        }
    }
}
