//! Components and indices of the simulated world: states, powers, blocs,
//! memberships and partnerships.

use bevy::ecs::query::QueryData;
use bevy::prelude::*;

use crate::scenario::YearMonth;
use crate::scenario::format::{BlocKind, BlocRules, Indicator, PartnershipKind, ProjectKind, RegimeKind, Stage};

/// Index of a state, stable for a scenario: states are numbered in the
/// order of their ids, so sorting by index is sorting by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct StateIdx(pub u16);

/// Index of a foreign power (in the order of their ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct PowerIdx(pub u8);

/// Index of a bloc: scenario blocs in the order of their ids, then blocs
/// formed during play in the order they formed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct BlocIdx(pub u16);

/// The scenario's id of an entity (`MLI`, `RUS`, `ECOWAS`).
#[derive(Debug, Clone, Component)]
pub struct Code(pub String);

/// Marks everything spawned from a scenario, so a world can be reset.
#[derive(Debug, Clone, Copy, Component, Default)]
pub struct FromScenario;

/// A state (country). Ordered by index, so queries can be sorted by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Component)]
#[require(FromScenario)]
pub struct Country {
    pub idx: StateIdx,
}

/// 0 to 100: how firmly the state holds together this month.
#[derive(Debug, Clone, Copy, Component)]
pub struct Stability(pub f64);

/// 0 to 100: popular legitimacy of the government.
#[derive(Debug, Clone, Copy, Component)]
pub struct Legitimacy(pub f64);

/// 0 to 100: loyalty of the armed forces to the government.
#[derive(Debug, Clone, Copy, Component)]
pub struct MilitaryLoyalty(pub f64);

/// 0 to 100: investment in guarding the government against its own army.
#[derive(Debug, Clone, Copy, Component)]
pub struct CoupProofing(pub f64);

#[derive(Debug, Clone, Copy, Component)]
pub struct Security {
    /// Insurgency pressure, 0 to 100.
    pub insurgency: f64,
    /// Share of territory under state control, 0 to 100.
    pub control: f64,
    /// Military capacity, 0 to 100.
    pub military: f64,
}

/// The scenario's starting values: the resting point a state returns to
/// when nothing pushes it. Mechanisms act on departures from it, so a
/// scenario's start is an equilibrium until something changes.
#[derive(Debug, Clone, Copy, Component)]
pub struct Baseline {
    pub stability: f64,
    pub legitimacy: f64,
    pub loyalty: f64,
    pub insurgency: f64,
    pub control: f64,
    pub military: f64,
    /// Insurgency the state's conditions sustain before partners' help;
    /// it entrenches slowly toward what actually persists.
    pub rooted: f64,
    /// The level a rooted insurgency returns to below the momentum
    /// threshold: the start's, lowered by each settlement.
    pub rest: f64,
    /// Points a month an established insurgency roots deeper while it
    /// expands; 0 once it has been settled.
    pub momentum: f64,
    /// Territory lost per point of insurgency, from the starting figures.
    pub control_ratio: f64,
    /// Foreign partners helping to fight at the start: military capacity
    /// answers to partners gained or lost since.
    pub partners: f64,
    /// Food insecurity of an ordinary year (the scenario's figure).
    pub food_insecurity: f64,
}

/// A commodity, by its index in the registry (the built-in ones first,
/// then the scenario's; at most 64).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CommodityIdx(pub u8);

#[derive(Debug, Clone, Component)]
pub struct Economy {
    /// Real growth, % a year.
    pub growth: f64,
    /// Growth the economy returns to without shocks (the scenario's figure).
    pub trend_growth: f64,
    pub exports: Vec<CommodityIdx>,
    /// 0 to 100.
    pub sanctions_exposure: f64,
    pub coastal: bool,
    /// Share of the population in food crisis or worse, %.
    pub food_insecurity: f64,
    /// The state bans grain exports.
    pub grain_ban: bool,
}

/// Standing toward each power (indexed by `PowerIdx`), -100 to 100. A
/// state can lean toward several powers at once.
#[derive(Debug, Clone, Component)]
pub struct Alignment(pub Vec<f64>);

#[derive(Debug, Clone, Component)]
pub struct Regime {
    pub kind: RegimeKind,
    pub leader: String,
    pub since: YearMonth,
    pub by_coup: bool,
}

/// Coups lived through, for the coup trap and contagion.
#[derive(Debug, Clone, Copy, Component, Default)]
pub struct CoupRecord {
    pub last_success: Option<YearMonth>,
    pub last_attempt: Option<YearMonth>,
    /// Counted from the start of play.
    pub successes: u32,
    pub failures: u32,
}

/// The names the model gives a state's new leaders: the scenario's own
/// pool for it, else the rules' pool for its region.
#[derive(Debug, Clone, Component)]
pub struct Names(pub std::sync::Arc<crate::rules::NamePool>);

impl std::ops::Deref for Names {
    type Target = crate::rules::NamePool;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

/// States across a shared border, sorted.
#[derive(Debug, Clone, Component)]
pub struct Neighbours(pub Vec<StateIdx>);

/// A foreign power.
#[derive(Debug, Clone, Copy, Component)]
#[require(FromScenario)]
pub struct Power {
    pub idx: PowerIdx,
    pub capacity: u32,
    pub conditionality: f64,
    /// The kinds of partnership it offers, as a set of `PartnershipKind::bit`s.
    pub offers: u16,
}

/// A power's own agenda (see `scenario::format::Agenda`), resolved to
/// indices.
#[derive(Debug, Clone, Component, Default)]
pub struct Agenda {
    pub outreach: f64,
    pub wants: Vec<CommodityIdx>,
    /// Sorted.
    pub courts: Vec<StateIdx>,
    /// Sorted.
    pub rivals: Vec<PowerIdx>,
}

/// Decisions a state's government or a power favours by its scenario
/// agenda: (index in the decision book, boost, the reason), sorted by
/// index.
#[derive(Debug, Clone, Component, Default)]
pub struct Priorities(pub Vec<(u16, f64, String)>);

impl Priorities {
    /// The agenda's boost to decision `i`, and why.
    pub fn of(&self, i: usize) -> Option<(f64, &str)> {
        self.0
            .binary_search_by_key(&(i as u16), |p| p.0)
            .ok()
            .map(|k| (self.0[k].1, self.0[k].2.as_str()))
    }
}

impl Power {
    pub fn offers(&self, kind: PartnershipKind) -> bool {
        self.offers & kind.bit() != 0
    }
}

/// A bloc of states.
#[derive(Debug, Clone, Component)]
#[require(FromScenario)]
pub struct Bloc {
    pub idx: BlocIdx,
    pub kind: BlocKind,
    pub rules: BlocRules,
    pub projects: Vec<Project>,
    pub founded: Option<YearMonth>,
    /// States under this bloc's sanctions, sorted, with the month imposed.
    pub sanctioned: Vec<(StateIdx, YearMonth)>,
    /// States this bloc has threatened with military intervention, sorted,
    /// with the month of the threat.
    pub threatened: Vec<(StateIdx, YearMonth)>,
    /// The most members it has had: a pact that has lost half of them
    /// has lost its purpose (the G5 Sahel, December 2023).
    pub peak_members: u16,
    /// A pact founded by juntas (the Liptako-Gourma Charter): it stays
    /// theirs when a member's junta is elected into civilian office.
    pub of_juntas: bool,
}

impl Bloc {
    pub fn sanctions(&self, state: StateIdx) -> bool {
        self.sanctioned.iter().any(|(s, _)| *s == state)
    }
}

/// Every sanction in force as (state, bloc, since), sorted.
pub fn sanctions_in_force<'a>(blocs: impl Iterator<Item = &'a Bloc>) -> Vec<(StateIdx, BlocIdx, YearMonth)> {
    let mut out = Vec::new();
    sanctions_in_force_into(blocs, &mut out);
    out
}

/// [`sanctions_in_force`] into a buffer the caller keeps (a mechanism's
/// `Local`), so that a turn allocates nothing once warm.
pub fn sanctions_in_force_into<'a>(
    blocs: impl Iterator<Item = &'a Bloc>,
    out: &mut Vec<(StateIdx, BlocIdx, YearMonth)>,
) {
    out.clear();
    out.extend(blocs.flat_map(|b| b.sanctioned.iter().map(move |(s, d)| (*s, b.idx, *d))));
    // A bloc sanctions a state once: no two entries are equal.
    out.sort_unstable();
}

/// Each power's conditionality, in power order, into a buffer the caller
/// keeps.
pub fn conditionality_into<'a>(powers: impl Iterator<Item = &'a Power>, out: &mut Vec<(PowerIdx, f64)>) {
    out.clear();
    out.extend(powers.map(|p| (p.idx, p.conditionality)));
    // One entity a power: no two keys are equal.
    out.sort_unstable_by_key(|(p, _)| *p);
}

/// States under anyone's sanctions, sorted, each once, into a buffer the
/// caller keeps.
pub fn sanctioned_states_into<'a>(blocs: impl Iterator<Item = &'a Bloc>, out: &mut Vec<StateIdx>) {
    out.clear();
    out.extend(blocs.flat_map(|b| b.sanctioned.iter().map(|(s, _)| *s)));
    out.sort_unstable();
    out.dedup();
}

#[derive(Debug, Clone, Copy)]
pub struct Project {
    pub kind: ProjectKind,
    pub progress: f64,
}

/// One state's membership of one bloc: an entity of its own, because it
/// carries state (suspension, notice of withdrawal).
#[derive(Debug, Clone, Copy, Component)]
#[require(FromScenario)]
pub struct Membership {
    pub state: StateIdx,
    pub bloc: BlocIdx,
    pub suspended: bool,
    /// Set when withdrawal has been announced: the month it takes effect.
    pub leaving: Option<YearMonth>,
}

/// The bloc a membership belongs to. Dissolving a bloc despawns its
/// memberships with it.
#[derive(Debug, Clone, Copy, Component)]
#[relationship(relationship_target = Members)]
pub struct MemberOf(pub Entity);

#[derive(Debug, Clone, Component)]
#[relationship_target(relationship = MemberOf, linked_spawn)]
pub struct Members(Vec<Entity>);

/// The state a membership belongs to.
#[derive(Debug, Clone, Copy, Component)]
#[relationship(relationship_target = Memberships)]
pub struct MembershipOf(pub Entity);

#[derive(Debug, Clone, Component)]
#[relationship_target(relationship = MembershipOf, linked_spawn)]
pub struct Memberships(Vec<Entity>);

/// A partnership's (state, power, kind) as one integer that sorts as the
/// tuple does: lists of partnerships are sorted every turn, and comparing
/// one integer costs a fraction of comparing three fields in turn.
#[inline]
pub fn partnership_order(state: StateIdx, power: PowerIdx, kind: PartnershipKind) -> u32 {
    (u32::from(state.0) << 16) | (u32::from(power.0) << 8) | kind as u32
}

/// A membership's (state, bloc) as one integer that sorts as the tuple
/// does (see [`partnership_order`]).
#[inline]
pub fn membership_order(state: StateIdx, bloc: BlocIdx) -> u32 {
    (u32::from(state.0) << 16) | u32::from(bloc.0)
}

/// Sorts lists by state and then by a key within each state, stably, as
/// `sort_by_key(|t| (state(t), key(t)))` would: a counting sort by state,
/// then each state's few items sorted. Mechanisms sort their partnerships
/// and memberships this way every turn, and most states have a handful.
/// Keeps its buffers between uses.
pub struct ByState<T> {
    spare: Vec<T>,
    at: Vec<u32>,
}

impl<T> Default for ByState<T> {
    fn default() -> Self {
        Self {
            spare: Vec::new(),
            at: Vec::new(),
        }
    }
}

impl<T: Copy> ByState<T> {
    pub fn sort(&mut self, items: &mut [T], state: impl Fn(&T) -> StateIdx, key: impl Fn(&T) -> u32) {
        let n = items.iter().map(|t| state(t).0 as usize + 1).max().unwrap_or(0);
        // Where each state's items start.
        self.at.clear();
        self.at.resize(n + 1, 0);
        for t in items.iter() {
            self.at[state(t).0 as usize + 1] += 1;
        }
        for s in 0..n {
            self.at[s + 1] += self.at[s];
        }
        self.spare.clear();
        self.spare.extend_from_slice(items);
        // Placed in the order given, each state's start moving on to its end.
        for t in &self.spare {
            let s = state(t).0 as usize;
            items[self.at[s] as usize] = *t;
            self.at[s] += 1;
        }
        let mut from = 0;
        for &to in &self.at[..n] {
            let group = &mut items[from..to as usize];
            if group.len() > 1 {
                group.sort_by_key(&key);
            }
            from = to as usize;
        }
    }
}

/// A partnership between a state and a power.
#[derive(Debug, Clone, Copy, Component)]
#[require(FromScenario)]
pub struct Partnership {
    pub state: StateIdx,
    pub power: PowerIdx,
    pub kind: PartnershipKind,
    pub stage: Stage,
    /// When it reached its current stage.
    pub stage_since: YearMonth,
    /// Opened by the power (an offer) rather than asked for by the state:
    /// a human-played state's answer to an offer is the player's.
    pub offered: bool,
}

/// A membership entity: `state` (entity `state_e`) in `bloc` (entity `bloc_e`).
pub fn membership_bundle(
    state: StateIdx,
    state_e: Entity,
    bloc: BlocIdx,
    bloc_e: Entity,
    suspended: bool,
) -> impl Bundle {
    (
        Membership {
            state,
            bloc,
            suspended,
            leaving: None,
        },
        MemberOf(bloc_e),
        MembershipOf(state_e),
    )
}

/// A partnership entity, linked to its state and power entities.
pub fn partnership_bundle(partnership: Partnership, state_e: Entity, power_e: Entity) -> impl Bundle {
    (partnership, PartnerState(state_e), PartnerPower(power_e))
}

/// The state end of a partnership.
#[derive(Debug, Clone, Copy, Component)]
#[relationship(relationship_target = Partnerships)]
pub struct PartnerState(pub Entity);

#[derive(Debug, Clone, Component)]
#[relationship_target(relationship = PartnerState, linked_spawn)]
pub struct Partnerships(Vec<Entity>);

/// The power end of a partnership.
#[derive(Debug, Clone, Copy, Component)]
#[relationship(relationship_target = PowerPartnerships)]
pub struct PartnerPower(pub Entity);

#[derive(Debug, Clone, Component)]
#[relationship_target(relationship = PartnerPower, linked_spawn)]
pub struct PowerPartnerships(Vec<Entity>);

/// Every number of a state that the cause ledger tracks, for systems that
/// move several of them.
#[derive(QueryData)]
#[query_data(mutable)]
pub struct Indicators {
    pub country: &'static Country,
    pub stability: &'static mut Stability,
    pub legitimacy: &'static mut Legitimacy,
    pub loyalty: &'static mut MilitaryLoyalty,
    pub proofing: &'static mut CoupProofing,
    pub security: &'static mut Security,
    pub economy: &'static mut Economy,
}

impl IndicatorsItem<'_, '_> {
    pub fn slot(&mut self, indicator: Indicator) -> &mut f64 {
        match indicator {
            Indicator::Stability => &mut self.stability.0,
            Indicator::Legitimacy => &mut self.legitimacy.0,
            Indicator::MilitaryLoyalty => &mut self.loyalty.0,
            Indicator::CoupProofing => &mut self.proofing.0,
            Indicator::Insurgency => &mut self.security.insurgency,
            Indicator::Control => &mut self.security.control,
            Indicator::Military => &mut self.security.military,
            Indicator::Growth => &mut self.economy.growth,
            Indicator::FoodInsecurity => &mut self.economy.food_insecurity,
        }
    }
}

/// Every indicator of a state, by [`Indicator`]: the one list of the nine,
/// which reports, snapshots, charts and scripts all read through. Written
/// out (JSON) under the indicators' names.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct IndicatorValues(pub [f64; 9]);

impl std::ops::Index<Indicator> for IndicatorValues {
    type Output = f64;
    fn index(&self, i: Indicator) -> &f64 {
        &self.0[i as usize]
    }
}

impl IndicatorValues {
    /// Each value with its indicator, in [`Indicator::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Indicator, f64)> + '_ {
        Indicator::ALL.iter().map(|i| (*i, self[*i]))
    }

    pub fn map(self, f: impl Fn(f64) -> f64) -> Self {
        Self(self.0.map(f))
    }
}

impl serde::Serialize for IndicatorValues {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(9))?;
        for (i, v) in self.iter() {
            m.serialize_entry(i.snake(), &v)?;
        }
        m.end()
    }
}

/// Read access to every indicator of a state.
#[derive(QueryData)]
pub struct IndicatorsRead {
    pub stability: &'static Stability,
    pub legitimacy: &'static Legitimacy,
    pub loyalty: &'static MilitaryLoyalty,
    pub proofing: &'static CoupProofing,
    pub security: &'static Security,
    pub economy: &'static Economy,
}

impl IndicatorsReadItem<'_, '_> {
    /// Every indicator, in [`Indicator::ALL`] order.
    pub fn values(&self) -> IndicatorValues {
        IndicatorValues([
            self.stability.0,
            self.legitimacy.0,
            self.loyalty.0,
            self.proofing.0,
            self.security.insurgency,
            self.security.control,
            self.security.military,
            self.economy.growth,
            self.economy.food_insecurity,
        ])
    }
}

/// Every indicator of a state entity (zeros for an entity that is not a
/// state).
pub fn indicators_of(entity: EntityRef) -> IndicatorValues {
    let (Some(st), Some(lg), Some(ml), Some(cp), Some(sec), Some(eco)) = (
        entity.get::<Stability>(),
        entity.get::<Legitimacy>(),
        entity.get::<MilitaryLoyalty>(),
        entity.get::<CoupProofing>(),
        entity.get::<Security>(),
        entity.get::<Economy>(),
    ) else {
        return IndicatorValues::default();
    };
    IndicatorsReadItem {
        stability: st,
        legitimacy: lg,
        loyalty: ml,
        proofing: cp,
        security: sec,
        economy: eco,
    }
    .values()
}

/// Query items in state order. (Bevy's `sort::<&Country>()` builds a new
/// query state on every call, which costs more than a whole mechanism;
/// sorting moves large query items around.) Items a query yields in state
/// order already are passed on as they come; from the first out of order
/// (a state that gained a partnership or a membership has moved to another
/// table), the rest are put straight into their state's slot, in `room`,
/// and passed on from there. The room is a mechanism's `Local`: once warm,
/// nothing is allocated.
pub fn in_state_order<'r, T, I: Iterator<Item = T>, K: Fn(&T) -> StateIdx>(
    items: I,
    key: K,
    room: &'r mut OrderRoom,
) -> InStateOrder<'r, T, I, K> {
    InStateOrder {
        items,
        key,
        next: 0,
        slots: None,
        room,
    }
}

/// The iterator of [`in_state_order`].
pub struct InStateOrder<'r, T, I, K> {
    items: I,
    key: K,
    /// The state index expected next while items come in order.
    next: usize,
    /// Once one came out of order: the rest, by state, and the slot to
    /// pass on next.
    slots: Option<(Vec<Option<T>>, usize)>,
    room: &'r mut OrderRoom,
}

impl<T, I: Iterator<Item = T>, K: Fn(&T) -> StateIdx> Iterator for InStateOrder<'_, T, I, K> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if let Some((slots, at)) = &mut self.slots {
            while *at < slots.len() {
                *at += 1;
                if let Some(item) = slots[*at - 1].take() {
                    return Some(item);
                }
            }
            return None;
        }
        let item = self.items.next()?;
        let k = (self.key)(&item).0 as usize;
        if k == self.next {
            self.next += 1;
            return Some(item);
        }
        // Out of order: the states before `next` have been passed on, so
        // the rest all sort after them.
        let mut slots: Vec<Option<T>> = self.room.take();
        for item in std::iter::once(item).chain(&mut self.items) {
            let k = (self.key)(&item).0 as usize;
            if slots.len() <= k {
                slots.resize_with(k + 1, || None);
            }
            slots[k] = Some(item);
        }
        self.slots = Some((slots, self.next));
        self.next()
    }
}

impl<T, I, K> Drop for InStateOrder<'_, T, I, K> {
    fn drop(&mut self) {
        if let Some((slots, _)) = self.slots.take() {
            self.room.give(slots);
        }
    }
}

/// Memory for [`in_state_order`]'s slots, kept empty between uses. The
/// slots hold query items, which borrow the world for one run of a system
/// only, so what is kept is the allocation, lent out as an empty `Vec` of
/// the item type at hand (the same type at every use in practice: one
/// room per call site).
#[derive(Default)]
pub struct OrderRoom {
    /// The allocation: its start, and its capacity in elements of the
    /// given size and alignment.
    kept: Option<(std::ptr::NonNull<u8>, usize, std::alloc::Layout)>,
}

// SAFETY: the room owns its allocation outright (nothing else points into
// it while it is kept), like a `Vec<u8>`.
unsafe impl Send for OrderRoom {}
// SAFETY: as above; `&OrderRoom` gives no access to the memory.
unsafe impl Sync for OrderRoom {}

impl OrderRoom {
    /// An empty `Vec` in the kept allocation if it suits `T`, else a new one.
    fn take<T>(&mut self) -> Vec<T> {
        let item = std::alloc::Layout::new::<T>();
        match self.kept.take() {
            Some((ptr, capacity, layout)) if layout == item => {
                // SAFETY: the allocation was made by a `Vec` of elements
                // of this very size and alignment (see `give`) with this
                // capacity, from the global allocator; it is empty.
                unsafe { Vec::from_raw_parts(ptr.as_ptr().cast::<T>(), 0, capacity) }
            }
            Some(kept) => {
                Self::free(kept);
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    /// Keeps a `Vec`'s allocation, emptied.
    fn give<T>(&mut self, mut v: Vec<T>) {
        v.clear();
        let layout = std::alloc::Layout::new::<T>();
        if v.capacity() == 0 || layout.size() == 0 {
            return;
        }
        if let Some(kept) = self.kept.take() {
            Self::free(kept);
        }
        let mut v = std::mem::ManuallyDrop::new(v);
        let ptr = std::ptr::NonNull::new(v.as_mut_ptr().cast::<u8>()).expect("a Vec with capacity is not null");
        self.kept = Some((ptr, v.capacity(), layout));
    }

    fn free((ptr, capacity, layout): (std::ptr::NonNull<u8>, usize, std::alloc::Layout)) {
        let all = std::alloc::Layout::from_size_align(layout.size() * capacity, layout.align())
            .expect("the layout of a Vec that was allocated");
        // SAFETY: this is the allocation a `Vec` of `capacity` elements of
        // `layout` made from the global allocator, and it is kept nowhere
        // else.
        unsafe { std::alloc::dealloc(ptr.as_ptr(), all) }
    }
}

impl Drop for OrderRoom {
    fn drop(&mut self) {
        if let Some(kept) = self.kept.take() {
            Self::free(kept);
        }
    }
}

/// Reads one indicator of a state entity.
pub fn read_indicator(entity: EntityRef, indicator: Indicator) -> f64 {
    indicators_of(entity)[indicator]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_orders_sort_as_their_tuples() {
        let mut keys = Vec::new();
        for state in [0u16, 1, 255, 256, 300, u16::MAX] {
            for power in [0u8, 1, 7, u8::MAX] {
                for kind in PartnershipKind::ALL {
                    keys.push((StateIdx(state), PowerIdx(power), kind));
                }
            }
        }
        for a in &keys {
            for b in &keys {
                assert_eq!(
                    partnership_order(a.0, a.1, a.2).cmp(&partnership_order(b.0, b.1, b.2)),
                    a.cmp(b),
                    "{a:?} {b:?}"
                );
                // Blocs 0, 200, 1400 and the highest index.
                let bloc = |p: PowerIdx| BlocIdx(if p.0 == u8::MAX { u16::MAX } else { u16::from(p.0) * 200 });
                let (x, y) = ((a.0, bloc(a.1)), (b.0, bloc(b.1)));
                assert_eq!(membership_order(x.0, x.1).cmp(&membership_order(y.0, y.1)), x.cmp(&y));
            }
        }
    }

    #[test]
    fn sorting_by_state_is_sorting_by_the_pair() {
        // Pseudo-random pairs with repeats, tagged to see stability.
        let items: Vec<(u16, u32, usize)> = (0..500)
            .map(|i| (((i * 7919) % 23) as u16, ((i * 104_729) % 5) as u32, i))
            .collect();
        let mut expected = items.clone();
        expected.sort_by_key(|t| (t.0, t.1));
        let mut got = items.clone();
        let mut sorter = ByState::default();
        sorter.sort(&mut got, |t| StateIdx(t.0), |t| t.1);
        assert_eq!(got, expected);
        // Again with the buffers warm, and on an empty list.
        let mut again = items;
        sorter.sort(&mut again, |t| StateIdx(t.0), |t| t.1);
        assert_eq!(again, expected);
        sorter.sort(&mut [] as &mut [(u16, u32, usize)], |t| StateIdx(t.0), |t| t.1);
        // Sparse, extreme indices.
        let mut sparse = vec![(u16::MAX, 2, 0), (0, 1, 1), (u16::MAX, 1, 2), (7, 0, 3), (0, 1, 4)];
        let mut expected = sparse.clone();
        expected.sort_by_key(|t| (t.0, t.1));
        sorter.sort(&mut sparse, |t| StateIdx(t.0), |t| t.1);
        assert_eq!(sparse, expected);
    }

    fn order(keys: &[u16]) -> Vec<u16> {
        in_state_order(keys.iter().copied(), |k| StateIdx(*k), &mut OrderRoom::default()).collect()
    }

    #[test]
    fn items_come_out_in_state_order_whatever_order_they_go_in() {
        assert_eq!(order(&[0, 1, 2, 3]), [0, 1, 2, 3]);
        assert_eq!(order(&[3, 1, 0, 2]), [0, 1, 2, 3]);
        // In order at first, then not.
        assert_eq!(order(&[0, 1, 4, 2, 3]), [0, 1, 2, 3, 4]);
        // A state without an entity leaves a gap.
        assert_eq!(order(&[0, 2, 1, 5]), [0, 1, 2, 5]);
        assert_eq!(order(&[]), Vec::<u16>::new());
    }

    #[test]
    fn a_room_lends_its_memory_again_and_frees_it() {
        let mut room = OrderRoom::default();
        let names = |keys: &[u16]| keys.iter().map(|k| (*k, k.to_string())).collect::<Vec<_>>();
        for _ in 0..3 {
            let out: Vec<(u16, String)> =
                in_state_order(names(&[2, 0, 1]).into_iter(), |(k, _)| StateIdx(*k), &mut room).collect();
            assert_eq!(out, names(&[0, 1, 2]));
            assert!(room.kept.is_some());
        }
        // Left unfinished, the items not passed on are dropped with the slots.
        let mut part = in_state_order(names(&[3, 1, 0, 2]).into_iter(), |(k, _)| StateIdx(*k), &mut room);
        assert_eq!(part.next(), Some((0, "0".to_string())));
        drop(part);
        // Another item type gets memory of its own.
        let out: Vec<u64> = in_state_order([1u64, 0].into_iter(), |k| StateIdx(*k as u16), &mut room).collect();
        assert_eq!(out, [0, 1]);
    }
}
