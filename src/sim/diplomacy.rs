//! Diplomacy: relations between every pair of states, drifting toward what
//! their regimes, blocs, sanctions and alignments make natural.

use bevy::ecs::system::SystemState;
use bevy::prelude::*;

use super::components::*;
use super::{TurnPhase, TurnSchedule};
use crate::rules::{DiplomacyRules, Rules};
use crate::scenario::format::RegimeKind;

pub(super) fn plugin(app: &mut App) {
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

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }
}

/// What each state brings to its relations, gathered once per turn.
struct Facts {
    regime: Vec<RegimeKind>,
    blocs: Vec<Vec<BlocIdx>>,
    /// Blocs whose decisions each state takes part in (not suspended).
    enforcing: Vec<Vec<BlocIdx>>,
    /// (bloc, sanctioned state) pairs.
    sanctions: Vec<(BlocIdx, StateIdx)>,
    alignment: Vec<Vec<f64>>,
}

type FactQueries<'w, 's> = (
    Query<'w, 's, (&'static Country, &'static Regime, &'static Alignment)>,
    Query<'w, 's, &'static Membership>,
    Query<'w, 's, &'static Bloc>,
);

fn gather((states, memberships, blocs): &FactQueries) -> Facts {
    let mut regime = Vec::new();
    let mut alignment = Vec::new();
    for (_, r, a) in states.iter().sort::<&Country>() {
        regime.push(r.kind);
        alignment.push(a.0.clone());
    }
    let mut member_of = vec![Vec::new(); regime.len()];
    let mut enforcing = vec![Vec::new(); regime.len()];
    for m in memberships {
        member_of[m.state.0 as usize].push(m.bloc);
        if !m.suspended {
            enforcing[m.state.0 as usize].push(m.bloc);
        }
    }
    for list in member_of.iter_mut().chain(enforcing.iter_mut()) {
        list.sort();
    }
    let mut sanctions: Vec<(BlocIdx, StateIdx)> = blocs
        .iter()
        .flat_map(|b| b.sanctioned.iter().map(move |(s, _)| (b.idx, *s)))
        .collect();
    sanctions.sort();
    Facts {
        regime,
        blocs: member_of,
        enforcing,
        sanctions,
        alignment,
    }
}

/// The relation two states drift toward.
fn target(rules: &DiplomacyRules, f: &Facts, a: usize, b: usize) -> f64 {
    let mut t = 0.0;
    if f.regime[a] == f.regime[b] {
        t += if f.regime[a] == RegimeKind::MilitaryJunta {
            rules.both_juntas
        } else {
            rules.same_regime
        };
    }
    let shared = f.blocs[a].iter().filter(|x| f.blocs[b].contains(x)).count();
    t += rules.shared_bloc * shared as f64;
    // A state resents the blocs' members that sanction it.
    for (bloc, s) in &f.sanctions {
        let s = s.0 as usize;
        if (s == a && f.enforcing[b].contains(bloc)) || (s == b && f.enforcing[a].contains(bloc)) {
            t += rules.sanctions;
        }
    }
    // Alignment similarity: the dot product of standings, scaled to ±100.
    let (x, y) = (&f.alignment[a], &f.alignment[b]);
    if !x.is_empty() {
        let dot: f64 = x.iter().zip(y).map(|(p, q)| p * q).sum::<f64>() / (100.0 * x.len() as f64);
        t += rules.alignment_weight * dot;
    }
    t.clamp(-100.0, 100.0)
}

pub(super) fn drift_relations(queries: FactQueries, rules: Res<Rules>, mut relations: ResMut<Relations>) {
    let facts = gather(&queries);
    let r = &rules.diplomacy;
    let n = relations.len();
    for a in 0..n {
        for b in a + 1..n {
            let (sa, sb) = (StateIdx(a as u16), StateIdx(b as u16));
            let v = relations.get(sa, sb);
            let t = target(r, &facts, a, b);
            relations.set(sa, sb, v + r.rate * (t - v));
        }
    }
}

/// Sets every relation to its target: the starting point of a new game.
pub(super) fn settle_relations(world: &mut World) {
    let mut state = SystemState::<FactQueries>::new(world);
    // Plain queries always validate.
    let Ok(queries) = state.get(world) else { return };
    let facts = gather(&queries);
    let rules = world.resource::<Rules>().diplomacy.clone();
    let mut relations = world.resource_mut::<Relations>();
    let n = relations.len();
    for a in 0..n {
        for b in a + 1..n {
            relations.set(StateIdx(a as u16), StateIdx(b as u16), target(&rules, &facts, a, b));
        }
    }
}
