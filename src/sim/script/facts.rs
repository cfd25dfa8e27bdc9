//! What a script reads, gathered from the world into plain arrays: the
//! computer's governments and powers weigh hundreds of conditions a month,
//! and reading each from the ECS (a look-up per component per leaf) cost
//! more than the rest of the turn. Gathered once per phase, and again
//! after anything that changes the world (a decision taken, an event
//! fired), through query states kept between turns, into buffers reused
//! from one gathering to the next.

use bevy::prelude::*;

use crate::scenario::YearMonth;
use crate::scenario::format::{Indicator, RegimeKind, Stage};
use crate::sim::world::components::*;
use crate::sim::world::registry::{Clock, Registry};
use crate::sim::world::relations::Relations;
use crate::sim::world::spawn::GameInfo;
use crate::sim::world::turn::Prologue;

pub use super::parts::Parts;

/// Bits of [`Facts::ties`]: how a state stands with a bloc.
pub const MEMBER: u8 = 1;
pub const SUSPENDED: u8 = 2;
pub const LEAVING: u8 = 4;
pub const SANCTIONED: u8 = 8;

/// The world as scripts read it, by index.
#[derive(Debug, Default)]
pub struct Facts {
    pub date: YearMonth,
    /// Turns resolved so far.
    pub turn: u32,
    /// The game is being set up (`Start` holds).
    pub prologue: bool,
    pub states: usize,
    pub powers: usize,
    pub blocs: usize,
    /// By state: every indicator, in [`Indicator::ALL`] order.
    pub indicators: Vec<[f64; 9]>,
    pub regime: Vec<RegimeKind>,
    pub leader: Vec<String>,
    /// By state, then power; NaN where a state has no standing recorded.
    pub alignment: Vec<f64>,
    /// By state: a bit per `Export`.
    pub exports: Vec<u64>,
    /// By state then bloc: [`MEMBER`], [`SUSPENDED`], [`LEAVING`],
    /// [`SANCTIONED`].
    pub ties: Vec<u8>,
    /// By state: some bloc sanctions it.
    pub sanctioned: Vec<bool>,
    /// Live partnerships grouped by state: those of state `s` are
    /// `partnerships[part_of[s]..part_of[s + 1]]`.
    pub partnerships: Vec<Partnership>,
    pub part_of: Vec<u32>,
    /// Neighbours grouped by state, as partnerships.
    pub neighbours: Vec<StateIdx>,
    pub neighbours_of: Vec<u32>,
    /// The game the neighbour lists were read from.
    borders_of: Option<u64>,
    /// By bloc: it exists now; its code; its projects; members not leaving.
    pub live: Vec<bool>,
    pub bloc_codes: Vec<String>,
    pub projects_open: Vec<bool>,
    /// A bit per complete `ProjectKind`.
    pub projects_done: Vec<u32>,
    pub staying: Vec<u32>,
    /// By power.
    pub power: Vec<Option<Power>>,
    pub has_agenda: Vec<bool>,
    /// A bit per `Export` the power seeks.
    pub wants: Vec<u64>,
    /// By power then state.
    pub courts: Vec<bool>,
    /// Rivals grouped by power, as partnerships.
    pub rivals: Vec<PowerIdx>,
    pub rivals_of: Vec<u32>,
    /// Security partnerships in force, by power.
    pub security_load: Vec<u32>,
    /// By state then state.
    pub relations: Vec<f64>,
}

type StateRow = (
    &'static Country,
    IndicatorsRead,
    &'static Regime,
    &'static Alignment,
    &'static Neighbours,
);

/// The queries [`Facts`] are gathered through, kept between gatherings
/// (building a query state costs more than using one).
pub struct FactQueries {
    states: QueryState<StateRow>,
    memberships: QueryState<&'static Membership>,
    partnerships: QueryState<&'static Partnership>,
    blocs: QueryState<&'static Bloc>,
    powers: QueryState<(&'static Power, Option<&'static Agenda>)>,
}

impl FromWorld for FactQueries {
    fn from_world(world: &mut World) -> Self {
        Self {
            states: QueryState::new(world),
            memberships: QueryState::new(world),
            partnerships: QueryState::new(world),
            blocs: QueryState::new(world),
            powers: QueryState::new(world),
        }
    }
}

impl FactQueries {
    /// For a world only read (an interface): None before any game exists.
    pub fn try_new(world: &World) -> Option<Self> {
        Some(Self {
            states: QueryState::try_new(world)?,
            memberships: QueryState::try_new(world)?,
            partnerships: QueryState::try_new(world)?,
            blocs: QueryState::try_new(world)?,
            powers: QueryState::try_new(world)?,
        })
    }
}

/// Gathered facts with the queries that gather them: what a system keeps
/// between turns.
#[derive(Default)]
pub struct FactCache {
    pub facts: Facts,
    queries: Option<FactQueries>,
}

impl FactCache {
    /// Gathers the facts anew from the world as it stands.
    pub fn gather(&mut self, world: &mut World) -> &Facts {
        self.refresh(world, Parts::ALL, None)
    }

    /// Gathers again only `parts`, and of [`Parts::STATES`] only the rows
    /// of the states `rows` lists (every state's if `None`): the rest is
    /// known not to have changed since the last gathering, in this game.
    pub fn refresh(&mut self, world: &mut World, parts: Parts, rows: Option<&[StateIdx]>) -> &Facts {
        let q = self.queries.get_or_insert_with(|| FactQueries::from_world(world));
        self.facts.refresh(world, q, parts, rows);
        &self.facts
    }
}

/// Sets a buffer to `len` copies of `value`, reusing it (filling in place
/// when the length has not changed, which compiles to a block fill).
fn reset<T: Copy>(v: &mut Vec<T>, len: usize, value: T) {
    if v.len() == len {
        v.fill(value);
    } else {
        v.clear();
        v.resize(len, value);
    }
}

/// An export as a bit of a set.
pub fn export_bit(x: CommodityIdx) -> u64 {
    1u64 << u32::from(x.0).min(63)
}

impl Facts {
    /// The facts of a world only read (interfaces; a turn keeps a
    /// [`FactCache`]).
    pub fn of(world: &World) -> Facts {
        let mut f = Facts::default();
        if let Some(mut q) = FactQueries::try_new(world) {
            f.gather(world, &mut q);
        }
        f
    }

    /// Sets the calendar only: enough for conditions on dates and turns.
    pub fn calendar(&mut self, world: &World) {
        let clock = world.resource::<Clock>();
        self.date = clock.date();
        self.turn = clock.turn;
        self.prologue = world.get_resource::<Prologue>().is_some_and(|p| p.0);
    }

    /// Refills every array from the world, reusing the buffers.
    pub fn gather(&mut self, world: &World, q: &mut FactQueries) {
        self.refresh(world, q, Parts::ALL, None);
    }

    /// Refills the arrays of `parts` from the world, reusing the buffers
    /// (all of them if the numbers of states, powers or blocs changed);
    /// of the states' part, only the rows of the states `rows` lists
    /// (every state's if `None`; the others are known not to have changed).
    pub fn refresh(&mut self, world: &World, q: &mut FactQueries, mut parts: Parts, mut rows: Option<&[StateIdx]>) {
        self.calendar(world);
        let reg = world.resource::<Registry>();
        let (n, p, nb) = (reg.state_count(), reg.power_count(), reg.blocs.len());
        if (self.states, self.powers, self.blocs) != (n, p, nb) {
            parts = Parts::ALL;
            rows = None;
        }
        (self.states, self.powers, self.blocs) = (n, p, nb);
        if parts.has(Parts::STATES) {
            match rows {
                Some(rows) => self.gather_state_rows(world, q, rows),
                None => self.gather_states(world, q),
            }
        }
        if parts.has(Parts::BLOCS) {
            self.gather_blocs(world, q);
        }
        if parts.has(Parts::PARTNERSHIPS) {
            self.gather_partnerships(world, q);
        }
        if parts.has(Parts::POWERS) {
            self.gather_powers(world, q);
        }
        if parts.has(Parts::RELATIONS) {
            self.relations.clear();
            self.relations.extend_from_slice(world.resource::<Relations>().values());
        }
    }

    fn gather_states(&mut self, world: &World, q: &mut FactQueries) {
        let (n, p) = (self.states, self.powers);
        reset(&mut self.indicators, n, [0.0; 9]);
        reset(&mut self.regime, n, RegimeKind::Civilian);
        self.leader.resize_with(n, String::new);
        reset(&mut self.alignment, n * p, f64::NAN);
        reset(&mut self.exports, n, 0);
        reset(&mut self.neighbours_of, n + 1, 0);
        for (country, ind, regime, alignment, neighbours) in q.states.iter(world) {
            let s = country.idx.0 as usize;
            if s >= n {
                continue;
            }
            self.fill_state(s, &ind, regime, alignment);
            self.neighbours_of[s + 1] = neighbours.0.len() as u32;
        }
        // Offsets from counts, then the lists in state order.
        for s in 0..n {
            self.neighbours_of[s + 1] += self.neighbours_of[s];
        }
        // Borders do not change during a game: read again only for another
        // game loaded into the same app.
        let generation = world.get_resource::<GameInfo>().map(|g| g.generation);
        if generation.is_none() || generation != self.borders_of {
            self.borders_of = generation;
            reset(&mut self.neighbours, self.neighbours_of[n] as usize, StateIdx(0));
            for (country, _, _, _, neighbours) in q.states.iter(world) {
                let s = country.idx.0 as usize;
                if s < n {
                    let at = self.neighbours_of[s] as usize;
                    self.neighbours[at..at + neighbours.0.len()].copy_from_slice(&neighbours.0);
                }
            }
        }
    }

    /// One state's row of the states' part.
    #[inline]
    fn fill_state(&mut self, s: usize, ind: &IndicatorsReadItem, regime: &Regime, alignment: &Alignment) {
        let p = self.powers;
        self.indicators[s] = ind.values().0;
        self.regime[s] = regime.kind;
        if self.leader[s] != regime.leader {
            self.leader[s].clear();
            self.leader[s].push_str(&regime.leader);
        }
        let k = alignment.0.len().min(p);
        self.alignment[s * p..s * p + k].copy_from_slice(&alignment.0[..k]);
        self.exports[s] = ind.economy.exports.iter().fold(0, |m, x| m | export_bit(*x));
    }

    /// The states' part again for the states listed only (borders do not
    /// change during a game). Each row is overwritten as `gather_states`
    /// writes it after its reset; a state's standings keep their length
    /// and a state keeps its components during a game, so nothing of the
    /// reset is left to redo.
    fn gather_state_rows(&mut self, world: &World, q: &mut FactQueries, rows: &[StateIdx]) {
        let reg = world.resource::<Registry>();
        for &s in rows {
            if (s.0 as usize) < self.states
                && let Ok((_, ind, regime, alignment, _)) = q.states.get(world, reg.state_entity(s))
            {
                self.fill_state(s.0 as usize, &ind, regime, alignment);
            }
        }
    }

    fn gather_blocs(&mut self, world: &World, q: &mut FactQueries) {
        let reg = world.resource::<Registry>();
        let (n, nb) = (self.states, self.blocs);
        reset(&mut self.ties, n * nb, 0);
        reset(&mut self.staying, nb, 0);
        for m in q.memberships.iter(world) {
            let (s, b) = (m.state.0 as usize, m.bloc.0 as usize);
            if s >= n || b >= nb {
                continue;
            }
            let mut t = MEMBER;
            if m.suspended {
                t |= SUSPENDED;
            }
            if m.leaving.is_some() {
                t |= LEAVING;
            } else {
                self.staying[b] += 1;
            }
            self.ties[s * nb + b] |= t;
        }
        reset(&mut self.live, nb, false);
        self.bloc_codes.resize_with(nb, String::new);
        for (b, l) in reg.blocs.iter().enumerate() {
            self.live[b] = l.entity.is_some();
            if self.bloc_codes[b] != l.code {
                self.bloc_codes[b].clear();
                self.bloc_codes[b].push_str(&l.code);
            }
        }
        reset(&mut self.sanctioned, n, false);
        reset(&mut self.projects_open, nb, false);
        reset(&mut self.projects_done, nb, 0);
        for bloc in q.blocs.iter(world) {
            let b = bloc.idx.0 as usize;
            if b >= nb || !self.live[b] {
                continue;
            }
            for (s, _) in &bloc.sanctioned {
                let s = s.0 as usize;
                if s < n {
                    self.ties[s * nb + b] |= SANCTIONED;
                    self.sanctioned[s] = true;
                }
            }
            for pr in &bloc.projects {
                if pr.progress < 100.0 {
                    self.projects_open[b] = true;
                } else {
                    self.projects_done[b] |= 1 << (pr.kind as u32);
                }
            }
        }
    }

    fn gather_partnerships(&mut self, world: &World, q: &mut FactQueries) {
        let (n, p) = (self.states, self.powers);
        // Live partnerships grouped by state (a counting sort: the order
        // within a state does not matter to any condition).
        reset(&mut self.part_of, n + 2, 0);
        reset(&mut self.security_load, p, 0);
        for ps in q.partnerships.iter(world) {
            if ps.stage == Stage::Ended || ps.state.0 as usize >= n {
                continue;
            }
            self.part_of[ps.state.0 as usize + 2] += 1;
            if ps.kind.has_forces()
                && ps.stage == Stage::InForce
                && let Some(l) = self.security_load.get_mut(ps.power.0 as usize)
            {
                *l += 1;
            }
        }
        for s in 0..n {
            self.part_of[s + 2] += self.part_of[s + 1];
        }
        let total = self.part_of[n + 1] as usize;
        reset(
            &mut self.partnerships,
            total,
            Partnership {
                state: StateIdx(0),
                power: PowerIdx(0),
                kind: crate::scenario::format::PartnershipKind::TrainingEquipment,
                stage: Stage::Ended,
                stage_since: self.date,
                offered: false,
            },
        );
        for ps in q.partnerships.iter(world) {
            if ps.stage == Stage::Ended || ps.state.0 as usize >= n {
                continue;
            }
            let slot = &mut self.part_of[ps.state.0 as usize + 1];
            self.partnerships[*slot as usize] = *ps;
            *slot += 1;
        }
        self.part_of.truncate(n + 1);
    }

    fn gather_powers(&mut self, world: &World, q: &mut FactQueries) {
        let (n, p) = (self.states, self.powers);
        reset(&mut self.power, p, None);
        reset(&mut self.has_agenda, p, false);
        reset(&mut self.wants, p, 0);
        reset(&mut self.courts, p * n, false);
        reset(&mut self.rivals_of, p + 1, 0);
        for (power, agenda) in q.powers.iter(world) {
            let k = power.idx.0 as usize;
            if k >= p {
                continue;
            }
            self.power[k] = Some(*power);
            if let Some(a) = agenda {
                self.has_agenda[k] = true;
                self.wants[k] = a.wants.iter().fold(0, |m, x| m | export_bit(*x));
                for s in &a.courts {
                    if (s.0 as usize) < n {
                        self.courts[k * n + s.0 as usize] = true;
                    }
                }
                self.rivals_of[k + 1] = a.rivals.len() as u32;
            }
        }
        for k in 0..p {
            self.rivals_of[k + 1] += self.rivals_of[k];
        }
        reset(&mut self.rivals, self.rivals_of[p] as usize, PowerIdx(0));
        for (power, agenda) in q.powers.iter(world) {
            let k = power.idx.0 as usize;
            if let (true, Some(a)) = (k < p, agenda) {
                let at = self.rivals_of[k] as usize;
                self.rivals[at..at + a.rivals.len()].copy_from_slice(&a.rivals);
            }
        }
    }

    #[inline]
    pub fn indicator(&self, s: StateIdx, i: Indicator) -> f64 {
        self.indicators[s.0 as usize][i as usize]
    }

    #[inline]
    pub fn alignment(&self, s: StateIdx, p: PowerIdx) -> f64 {
        self.alignment
            .get(s.0 as usize * self.powers + p.0 as usize)
            .copied()
            .unwrap_or(f64::NAN)
    }

    #[inline]
    pub fn tie(&self, s: StateIdx, b: BlocIdx) -> u8 {
        if (b.0 as usize) < self.blocs {
            self.ties[s.0 as usize * self.blocs + b.0 as usize]
        } else {
            0
        }
    }

    #[inline]
    pub fn relation(&self, a: StateIdx, b: StateIdx) -> f64 {
        self.relations[a.0 as usize * self.states + b.0 as usize]
    }

    /// Relations of `a` with every state, by index.
    pub fn relation_row(&self, a: StateIdx) -> &[f64] {
        let a = a.0 as usize;
        &self.relations[a * self.states..(a + 1) * self.states]
    }

    /// Standings of `s` toward every power, by index.
    pub fn alignment_row(&self, s: StateIdx) -> &[f64] {
        let s = s.0 as usize;
        &self.alignment[s * self.powers..(s + 1) * self.powers]
    }

    pub fn live_partnerships(&self, s: StateIdx) -> &[Partnership] {
        let s = s.0 as usize;
        &self.partnerships[self.part_of[s] as usize..self.part_of[s + 1] as usize]
    }

    pub fn neighbours(&self, s: StateIdx) -> &[StateIdx] {
        let s = s.0 as usize;
        &self.neighbours[self.neighbours_of[s] as usize..self.neighbours_of[s + 1] as usize]
    }

    pub fn rivals(&self, p: PowerIdx) -> &[PowerIdx] {
        let p = p.0 as usize;
        &self.rivals[self.rivals_of[p] as usize..self.rivals_of[p + 1] as usize]
    }

    /// A bloc by its code (for blocs founded after the script was
    /// compiled).
    pub fn bloc_by_code(&self, code: &str) -> Option<BlocIdx> {
        self.bloc_codes
            .iter()
            .rposition(|c| c == code)
            .map(|b| BlocIdx(b as u16))
    }
}
