//! Blocs: reactions to coups (suspension, sanctions, threats of force), withdrawals that take
//! effect after the bloc's notice period, sanctions lifted, and defence
//! pacts that form among threatened juntas (at once when one of them is
//! threatened with force), take in juntas that share their war, deepen
//! into confederations with common projects, and act as one: their members
//! leave other pacts and communities together. A pact that loses half its
//! members is wound up. A state a person plays is
//! never walked out of a bloc or signed into a pact by these rules: that
//! is for its player to decide (the catalogue has both).

use crate::sim::player::offers::{self, OfferKind};
use bevy::prelude::*;

use crate::rules::{BlocFormationRules, Rules};
use crate::scenario::YearMonth;
use crate::scenario::format::{BlocKind, Indicator, RegimeKind};
use crate::sim::schedule::{SetUpPhase, SetUpSteps, TurnPhase, TurnSchedule};
use crate::sim::world::actions::{self, Move};
use crate::sim::world::chronicle::{Chronicle, NewsBuilder, NewsKind};
use crate::sim::world::components::*;
use crate::sim::world::course::Course;
use crate::sim::world::ledger::{Actor, Cause, Ledger, Mechanism};
use crate::sim::world::players::Humans;
use crate::sim::world::registry::{Clock, Registry};
use crate::sim::world::relations::Relations;
use crate::sim::world::rng::{SimRng, Stream};
use crate::sim::world::said::Said;
use crate::sim::world::spawn::GameInfo;
use crate::sim::world::turn::CoupsThisTurn;

pub(crate) fn plugin(app: &mut App) {
    crate::sim::world::snapshot::Kept::resource::<actions::ScriptedSuspensions>(app);
    SetUpSteps::add(app, SetUpPhase::Resources, |world, _| {
        world.insert_resource(actions::ScriptedSuspensions::default());
    });
    SetUpSteps::add(app, SetUpPhase::Settle, |world, _| settle_threats(world));
    app.add_systems(TurnSchedule, run_blocs.in_set(TurnPhase::Blocs));
}

fn roll(world: &mut World) -> f64 {
    world.resource_mut::<SimRng>().uniform(Stream::Blocs)
}

/// A live bloc as the rules see it.
struct BlocInfo {
    idx: BlocIdx,
    kind: BlocKind,
    rules: crate::scenario::format::BlocRules,
    sanctioned: Vec<(StateIdx, YearMonth)>,
    threatened: Vec<(StateIdx, YearMonth)>,
    of_juntas: bool,
    founded: Option<YearMonth>,
}

impl BlocInfo {
    /// Whether its threat of force against `s`, made within `months`,
    /// still stands.
    fn threatens(&self, s: StateIdx, date: YearMonth, months: f64) -> bool {
        self.threatened
            .iter()
            .any(|(t, d)| *t == s && (d.months_until(date) as f64) < months)
    }
}

/// What the bloc rules read, gathered once and again after anything changes
/// (changes are rare; reading the world state by state is not). Kept
/// between turns and refilled in place, so that it allocates nothing once
/// warm.
#[derive(Default)]
struct View {
    regime: Vec<RegimeKind>,
    insurgency: Vec<f64>,
    /// Every state's neighbours, one after another; `borders[s]` is the
    /// range of state `s` (one allocation rather than one per state).
    neighbours: Vec<StateIdx>,
    borders: Vec<std::ops::Range<usize>>,
    /// The live blocs (the first `live` of the buffer, kept for reuse).
    blocs: Vec<BlocInfo>,
    live: usize,
    /// Sorted by state, then bloc.
    memberships: Vec<Membership>,
    by_state: ByState<Membership>,
    /// Each bloc's members in state order: those of bloc `b` are
    /// `members[members_of[b]..members_of[b + 1]]`.
    members: Vec<StateIdx>,
    members_of: Vec<u32>,
    /// Juntas under threat not yet in a pact of juntas, in state order.
    threatened: Vec<StateIdx>,
    /// The month, and by state whether a person plays it (neither changes
    /// during the phase).
    date: YearMonth,
    human: Vec<bool>,
    /// The game the borders were read from.
    borders_of: Option<u64>,
}

/// The queries the blocs' phase reads the world through, kept between
/// turns.
struct BlocQueries {
    memberships: QueryState<&'static Membership>,
    states: QueryState<(&'static Country, &'static Regime, &'static Security)>,
}

impl FromWorld for BlocQueries {
    fn from_world(world: &mut World) -> Self {
        Self {
            memberships: QueryState::new(world),
            states: QueryState::new(world),
        }
    }
}

impl View {
    fn refill(&mut self, world: &World, q: &mut BlocQueries, r: &BlocFormationRules) {
        let reg = world.resource::<Registry>();
        let n = reg.state_count();
        self.date = world.resource::<Clock>().date();
        let humans = world.resource::<Humans>();
        self.human.clear();
        self.human.extend((0..n).map(|i| humans.plays(StateIdx(i as u16))));
        // Each state into its own slot, in whatever order the query holds
        // them.
        self.regime.clear();
        self.regime.resize(n, RegimeKind::Civilian);
        self.insurgency.clear();
        self.insurgency.resize(n, 0.0);
        for (c, regime, security) in q.states.iter(world) {
            let i = c.idx.0 as usize;
            if i < n {
                self.regime[i] = regime.kind;
                self.insurgency[i] = security.insurgency;
            }
        }
        // Borders do not change during a game: read again only for another
        // game loaded into the same app.
        let generation = world.get_resource::<GameInfo>().map(|g| g.generation);
        if generation.is_none() || generation != self.borders_of || self.borders.len() != n {
            self.borders_of = generation;
            self.borders.clear();
            self.neighbours.clear();
            for i in 0..n {
                let start = self.neighbours.len();
                if let Some(n) = world.get::<Neighbours>(reg.state_entity(StateIdx(i as u16))) {
                    self.neighbours.extend_from_slice(&n.0);
                }
                self.borders.push(start..self.neighbours.len());
            }
        }
        self.live = 0;
        for (idx, e) in reg.live_blocs() {
            let Some(b) = world.get::<Bloc>(e) else { continue };
            if self.blocs.len() == self.live {
                self.blocs.push(BlocInfo {
                    idx,
                    kind: b.kind,
                    rules: b.rules.clone(),
                    sanctioned: Vec::new(),
                    threatened: Vec::new(),
                    of_juntas: b.of_juntas,
                    founded: b.founded,
                });
            }
            let info = &mut self.blocs[self.live];
            info.idx = idx;
            info.kind = b.kind;
            info.rules = b.rules.clone();
            info.sanctioned.clear();
            info.sanctioned.extend_from_slice(&b.sanctioned);
            info.threatened.clear();
            info.threatened.extend_from_slice(&b.threatened);
            info.of_juntas = b.of_juntas;
            info.founded = b.founded;
            self.live += 1;
        }
        self.memberships.clear();
        self.memberships.extend(q.memberships.iter(world).copied());
        self.by_state.sort(
            &mut self.memberships,
            |m| m.state,
            |m| membership_order(m.state, m.bloc),
        );
        // Members grouped by bloc (a counting sort keeps the state order).
        let nb = reg.blocs.len();
        self.members_of.clear();
        self.members_of.resize(nb + 2, 0);
        for m in &self.memberships {
            if (m.bloc.0 as usize) < nb {
                self.members_of[m.bloc.0 as usize + 2] += 1;
            }
        }
        for b in 0..nb {
            self.members_of[b + 2] += self.members_of[b + 1];
        }
        self.members.clear();
        self.members.resize(self.members_of[nb + 1] as usize, StateIdx(0));
        for m in &self.memberships {
            if (m.bloc.0 as usize) < nb {
                let slot = &mut self.members_of[m.bloc.0 as usize + 1];
                self.members[*slot as usize] = m.state;
                *slot += 1;
            }
        }
        self.members_of.truncate(nb + 1);
        self.threatened.clear();
        for i in 0..n {
            let s = StateIdx(i as u16);
            if self.junta(s)
                && (self.sanctioned(s) || self.insurgency[i] >= r.form_insurgency)
                && !self.blocs_of(s).any(|m| self.junta_pact(m.bloc))
            {
                self.threatened.push(s);
            }
        }
    }

    /// Whether a person plays the state.
    fn human(&self, s: StateIdx) -> bool {
        self.human.get(s.0 as usize).copied().unwrap_or(false)
    }

    /// The live blocs.
    fn blocs(&self) -> &[BlocInfo] {
        &self.blocs[..self.live]
    }

    fn neighbours_of(&self, s: StateIdx) -> &[StateIdx] {
        &self.neighbours[self.borders[s.0 as usize].clone()]
    }

    fn junta(&self, s: StateIdx) -> bool {
        self.regime[s.0 as usize] == RegimeKind::MilitaryJunta
    }

    fn bloc(&self, b: BlocIdx) -> Option<&BlocInfo> {
        self.blocs().iter().find(|x| x.idx == b)
    }

    /// A bloc's members, in state order.
    fn members(&self, b: BlocIdx) -> &[StateIdx] {
        let b = b.0 as usize;
        match (self.members_of.get(b), self.members_of.get(b + 1)) {
            (Some(&from), Some(&to)) => &self.members[from as usize..to as usize],
            _ => &[],
        }
    }

    fn blocs_of(&self, s: StateIdx) -> impl Iterator<Item = &Membership> {
        self.memberships.iter().filter(move |m| m.state == s)
    }

    fn sanctioned(&self, s: StateIdx) -> bool {
        self.blocs().iter().any(|b| b.sanctioned.iter().any(|(t, _)| *t == s))
    }

    /// Whether any bloc's threat of force against `s` still stands.
    fn under_threat(&self, s: StateIdx, date: YearMonth, months: f64) -> bool {
        self.blocs().iter().any(|b| b.threatens(s, date, months))
    }

    /// Whether bloc `b` presses `s`: sanctions, or a standing threat.
    fn pressed_by(&self, b: &BlocInfo, s: StateIdx, date: YearMonth, months: f64) -> bool {
        b.sanctioned.iter().any(|(t, _)| *t == s) || b.threatens(s, date, months)
    }

    fn member(&self, s: StateIdx, b: BlocIdx) -> Option<&Membership> {
        self.memberships.iter().find(|m| m.state == s && m.bloc == b)
    }

    /// Pacts of juntas with their members, in bloc order.
    fn junta_pacts(&self) -> impl Iterator<Item = (BlocIdx, &[StateIdx])> {
        self.blocs()
            .iter()
            .filter(|b| self.junta_pact(b.idx))
            .map(|b| (b.idx, self.members(b.idx)))
    }

    /// A defence pact or confederation founded by juntas (it stays theirs
    /// when a member's junta is elected into civilian office).
    fn junta_pact(&self, b: BlocIdx) -> bool {
        self.bloc(b)
            .is_some_and(|x| matches!(x.kind, BlocKind::DefencePact | BlocKind::Confederation) && x.of_juntas)
    }

    /// Juntas under threat (sanctions or insurgency) not yet in a pact of
    /// juntas: a pact that includes civilian governments (the G5 Sahel) is
    /// no refuge for a junta under pressure.
    fn threatened_juntas(&self) -> &[StateIdx] {
        &self.threatened
    }
}

fn run_blocs(
    world: &mut World,
    mut queries: Local<Option<BlocQueries>>,
    mut view: Local<View>,
    mut rules: Local<Option<(bevy::ecs::change_detection::Tick, BlocFormationRules)>>,
) {
    let queries = match &mut *queries {
        Some(q) => q,
        none => none.insert(BlocQueries::from_world(world)),
    };
    // Each step, and whether the record takes it over with the history
    // option while it runs: founding, joining and leaving pacts and
    // announcing withdrawals. Blocs still react to coups, lift sanctions
    // and complete the withdrawals announced.
    type Step = fn(&mut World, &View, &BlocFormationRules);
    let steps: [(Step, bool); 9] = [
        (react_to_coups, false),
        (complete_withdrawals, false),
        (lift_sanctions, false),
        (announce_withdrawals, true),
        (form_pacts, true),
        (join_pacts, true),
        (leave_other_pacts, true),
        (withdraw_together, true),
        (deepen_pacts, false),
    ];
    let date = world.resource::<Clock>().date();
    let on_record = world.resource::<Course>().holds(date);
    // The rules, copied when they change (a reload): the steps change the
    // world as they go, so they cannot borrow them from it.
    let changed = world.resource_ref::<Rules>().last_changed();
    if rules.as_ref().is_none_or(|(tick, _)| *tick != changed) {
        *rules = Some((changed, world.resource::<Rules>().blocs.clone()));
    }
    let rules = &rules.as_ref().expect("copied above").1;
    view.refill(world, queries, rules);
    let mut seen = world.resource::<BlocsVersion>().0;
    for (step, recorded) in steps {
        if on_record && recorded {
            continue;
        }
        step(world, &view, rules);
        // Look again only when a step has changed the blocs.
        let now = world.resource::<BlocsVersion>().0;
        if now != seen {
            seen = now;
            view.refill(world, queries, rules);
        }
    }
}

/// A community suspends and sanctions a member after a coup, if its rules
/// say so.
fn react_to_coups(world: &mut World, view: &View, r: &BlocFormationRules) {
    let succeeded = world.resource::<CoupsThisTurn>().succeeded.clone();
    for s in succeeded {
        for m in view.blocs_of(s) {
            let Some(rules) = view.bloc(m.bloc).map(|x| &x.rules) else {
                continue;
            };
            if rules.suspend_on_coup {
                actions::set_suspended(world, s, m.bloc, true);
            }
            if rules.sanction_on_coup {
                actions::impose_sanctions(world, m.bloc, s);
            }
            if rules.threaten_on_coup && roll(world) < r.threat_chance {
                threaten_intervention(world, view, m.bloc, s);
            }
        }
    }
}

/// A bloc threatens a member's new junta with force. Only a threat: whether
/// to carry it out is a decision for the bloc's governments (orders and
/// scripted events), not a mechanism.
fn threaten_intervention(world: &mut World, view: &View, bloc: BlocIdx, s: StateIdx) {
    let r = world.resource::<Rules>().blocs.clone();
    actions::record_threat(world, bloc, s);
    let text = Said::new("news-intervention-threatened")
        .bloc("bloc", bloc)
        .state("state", s);
    let (turn, date) = (world.resource::<Ledger>().turn, world.resource::<Clock>().date());
    NewsBuilder::new(turn, date, NewsKind::InterventionThreatened, text)
        .state(s)
        .bloc(bloc)
        .post(&mut world.resource_mut::<Chronicle>());
    let cause = Cause::by(Mechanism::Rally, Actor::Bloc(bloc));
    actions::change_indicator(world, s, Indicator::Legitimacy, Move::By(r.threat_rally), cause);
    let enforcing: Vec<StateIdx> = view
        .memberships
        .iter()
        .filter(|m| m.bloc == bloc && !m.suspended && m.state != s)
        .map(|m| m.state)
        .collect();
    let juntas: Vec<StateIdx> = (0..view.regime.len())
        .map(|i| StateIdx(i as u16))
        .filter(|&x| x != s && view.junta(x))
        .collect();
    let mut relations = world.resource_mut::<Relations>();
    for m in enforcing {
        relations.add(s, m, r.threat_relations);
    }
    for j in juntas {
        relations.add(s, j, r.threat_solidarity);
    }
}

use crate::sim::world::actions::{BlocsVersion, may_leave};

/// At the start, a standing threat has had the effects a threat made in
/// play has on relations: the other juntas close ranks with the threatened
/// one (Mali and Burkina Faso, 31 July 2023: an attack on Niger would be an
/// attack on them) and it resents the bloc's active members.
pub(crate) fn settle_threats(world: &mut World) {
    let r = world.resource::<Rules>().blocs.clone();
    let mut q = world.query::<&Bloc>();
    let mut threats: Vec<(BlocIdx, StateIdx)> = q
        .iter(world)
        .flat_map(|b| b.threatened.iter().map(move |(s, _)| (b.idx, *s)))
        .collect();
    threats.sort();
    let mut mq = world.query::<&Membership>();
    let memberships: Vec<Membership> = mq.iter(world).copied().collect();
    let reg = world.resource::<Registry>();
    let juntas: Vec<StateIdx> = (0..reg.state_count())
        .map(|i| StateIdx(i as u16))
        .filter(|s| {
            world
                .get::<Regime>(reg.state_entity(*s))
                .is_some_and(|r| r.kind == RegimeKind::MilitaryJunta)
        })
        .collect();
    for (bloc, s) in threats {
        let mut enforcing: Vec<StateIdx> = memberships
            .iter()
            .filter(|m| m.bloc == bloc && !m.suspended && m.state != s)
            .map(|m| m.state)
            .collect();
        enforcing.sort();
        let mut relations = world.resource_mut::<Relations>();
        for m in enforcing {
            relations.add(s, m, r.threat_relations);
        }
        for j in juntas.iter().filter(|j| **j != s) {
            relations.add(s, *j, r.threat_solidarity);
        }
    }
}

fn complete_withdrawals(world: &mut World, view: &View, _: &BlocFormationRules) {
    let date = view.date;
    for m in &view.memberships {
        if m.leaving.is_some_and(|d| d <= date) {
            actions::leave_bloc(world, m.state, m.bloc);
        }
    }
}

fn lift_sanctions(world: &mut World, view: &View, r: &BlocFormationRules) {
    let date = view.date;
    for b in view.blocs() {
        for (s, since) in &b.sanctioned {
            let kind = view.regime[s.0 as usize];
            let chance = match kind {
                RegimeKind::Civilian => r.lift_chance_civilian,
                RegimeKind::Transitional => r.lift_chance_transitional,
                RegimeKind::MilitaryJunta => 0.0,
            }
            .max(if since.months_until(date) as f64 >= r.fatigue_months {
                r.fatigue_lift_chance
            } else {
                0.0
            });
            if roll(world) < chance {
                actions::lift_sanctions(world, b.idx, *s);
            }
        }
    }
    // A member back under civilian rule and not under sanctions is
    // reinstated, unless a script suspended it.
    for m in &view.memberships {
        if !m.suspended || view.regime[m.state.0 as usize] != RegimeKind::Civilian {
            continue;
        }
        let sanctioned = view
            .bloc(m.bloc)
            .is_some_and(|b| b.sanctioned.iter().any(|(t, _)| *t == m.state));
        let scripted = world
            .resource::<actions::ScriptedSuspensions>()
            .0
            .contains(&(m.state, m.bloc));
        if !sanctioned && !scripted {
            actions::set_suspended(world, m.state, m.bloc, false);
        }
    }
}

/// A suspended junta may walk out alone: after months of sanctions, or
/// sooner if it has a pact of juntas to fall back on. Members of a pact
/// of juntas that share the community move together (`withdraw_together`),
/// and nobody leaves a monetary union without a currency to go to.
fn announce_withdrawals(world: &mut World, view: &View, r: &BlocFormationRules) {
    let date = view.date;
    for m in &view.memberships {
        if !m.suspended || m.leaving.is_some() || !view.junta(m.state) {
            continue;
        }
        let Some(bl) = view.bloc(m.bloc) else { continue };
        let together = view.junta_pacts().any(|(_, members)| {
            members.contains(&m.state)
                && members
                    .iter()
                    .any(|o| *o != m.state && view.member(*o, m.bloc).is_some())
        });
        let no_currency = !may_leave(world, m.state, m.bloc);
        let since = bl.sanctioned.iter().find(|(s, _)| *s == m.state).map(|(_, d)| *d);
        let sanctioned_long = since.is_some_and(|d| d.months_until(date) as f64 >= r.withdraw_min_months);
        let has_pact = view
            .blocs_of(m.state)
            .any(|o| o.bloc != m.bloc && view.junta_pact(o.bloc));
        let factor = r.withdraw_kind_factor.get(bl.kind.snake()).copied().unwrap_or(1.0);
        let chance = if together || no_currency {
            0.0
        } else {
            factor
                * (if sanctioned_long { r.withdraw_chance } else { 0.0 }
                    + if has_pact { r.withdraw_pact_bonus } else { 0.0 })
        };
        // Rolled for a human-played state too: who plays changes nobody
        // else's luck.
        if chance > 0.0 && roll(world) < chance && !view.human(m.state) {
            actions::announce_withdrawal(world, m.state, m.bloc);
        }
    }
}

/// A pact of juntas leaves a community as one, the same month and on the
/// same notice, when the community presses any of them (sanctions, a
/// threat of force): Mali, Burkina Faso and Niger announced their exit
/// from ECOWAS together on 28 January 2024. A monetary union is left only
/// for a currency of the pact's own. A human-played member is not taken
/// along: it decides for itself.
fn withdraw_together(world: &mut World, view: &View, r: &BlocFormationRules) {
    let date = view.date;
    for (_, members) in view.junta_pacts() {
        for bl in view.blocs() {
            if !matches!(bl.kind, BlocKind::EconomicCommunity | BlocKind::MonetaryUnion) {
                continue;
            }
            // The pact's members in the community, those of them free to
            // leave now, and whether it presses any of them.
            let inside = || members.iter().filter_map(|s| view.member(*s, bl.idx));
            let leavers = || inside().filter(|m| m.suspended && m.leaving.is_none()).map(|m| m.state);
            if inside().count() < 2
                || !inside().any(|m| view.pressed_by(bl, m.state, date, r.threat_months))
                || leavers().next().is_none()
                || !leavers().all(|s| may_leave(world, s, bl.idx))
            {
                continue;
            }
            let factor = r.withdraw_kind_factor.get(bl.kind.snake()).copied().unwrap_or(1.0);
            if roll(world) < factor * r.joint_withdraw_chance {
                for s in leavers() {
                    if !view.human(s) {
                        actions::announce_withdrawal(world, s, bl.idx);
                    }
                }
            }
        }
    }
}

/// Members of a pact of juntas leave the older pacts they share with
/// civilian governments, together (Burkina Faso and Niger left the G5
/// Sahel on 2 December 2023, eleven weeks after the Liptako-Gourma
/// Charter).
fn leave_other_pacts(world: &mut World, view: &View, r: &BlocFormationRules) {
    for (pact, members) in view.junta_pacts() {
        for bl in view.blocs() {
            if bl.idx == pact
                || view.junta_pact(bl.idx)
                || !matches!(bl.kind, BlocKind::DefencePact | BlocKind::Confederation)
            {
                continue;
            }
            let leavers = || {
                members
                    .iter()
                    .copied()
                    .filter(|s| view.member(*s, bl.idx).is_some_and(|m| m.leaving.is_none()))
            };
            if leavers().next().is_none() || roll(world) >= r.pact_switch_chance {
                continue;
            }
            for s in leavers() {
                if !view.human(s) {
                    actions::announce_withdrawal(world, s, bl.idx);
                }
            }
        }
    }
}

fn form_pacts(world: &mut World, view: &View, r: &BlocFormationRules) {
    let date = view.date;
    let candidates = view.threatened_juntas();
    for (i, &a) in candidates.iter().enumerate() {
        for &b in &candidates[i + 1..] {
            let close = world.resource::<Relations>().get(a, b) >= r.form_relations;
            if !close || !view.neighbours_of(a).contains(&b) {
                continue;
            }
            // A threat of force against one of them makes it urgent: the
            // Liptako-Gourma Charter came five weeks after ECOWAS's
            // ultimatum to Niger.
            let threat = view.under_threat(a, date, r.threat_months) || view.under_threat(b, date, r.threat_months);
            let chance = if threat { r.form_threat_chance } else { r.form_chance };
            if roll(world) >= chance {
                continue;
            }
            // A state a person plays is asked, not signed up: the other
            // proposes the pact to it (no offer between two players).
            match (view.human(a), view.human(b)) {
                (false, false) => {}
                (true, true) => continue,
                (true, false) => {
                    offers::put(world, a, OfferKind::Pact { from: b, bloc: None });
                    continue;
                }
                (false, true) => {
                    offers::put(world, b, OfferKind::Pact { from: a, bloc: None });
                    continue;
                }
            }
            // Other threatened juntas on good terms with both founders come in at once.
            let relations = world.resource::<Relations>();
            let founders: Vec<StateIdx> = candidates
                .iter()
                .copied()
                .filter(|c| {
                    *c == a
                        || *c == b
                        || (relations.get(*c, a) >= r.join_relations
                            && relations.get(*c, b) >= r.join_relations
                            && !view.human(*c))
                })
                .collect();
            actions::form_bloc(world, BlocKind::DefencePact, &founders, r.pact_notice_months as u32);
            // One new pact a month is enough drama.
            return;
        }
    }
}

fn join_pacts(world: &mut World, view: &View, r: &BlocFormationRules) {
    let candidates = view.threatened_juntas();
    if candidates.is_empty() {
        return;
    }
    for bl in view.blocs() {
        // A junta under pressure finds refuge only in a pact of juntas.
        if !view.junta_pact(bl.idx) {
            continue;
        }
        let members = view.members(bl.idx);
        for &c in candidates {
            // Shared interests: a border with a member fighting the same
            // war (both under insurgency), or sanctions like theirs.
            let at_war = |s: StateIdx| view.insurgency[s.0 as usize] >= r.form_insurgency;
            let shared = members
                .iter()
                .any(|m| view.neighbours_of(c).contains(m) && ((at_war(c) && at_war(*m)) || view.sanctioned(c)));
            if members.contains(&c) || !shared {
                continue;
            }
            let relations = world.resource::<Relations>();
            let mean = members.iter().map(|m| relations.get(c, *m)).sum::<f64>() / members.len().max(1) as f64;
            if mean >= r.join_relations && roll(world) < r.join_chance {
                if !view.human(c) {
                    actions::join_bloc(world, c, bl.idx);
                } else if let Some(&host) = members.iter().find(|m| !view.human(**m)) {
                    // Invited by a member; accepted, it joins this pact.
                    offers::put(
                        world,
                        c,
                        OfferKind::Pact {
                            from: host,
                            bloc: Some(bl.idx),
                        },
                    );
                }
            }
        }
    }
}

/// A pact of enough members, old enough, may become a confederation; a
/// confederation advances its projects (joint force, passport, media,
/// market, currency, and finally federation).
fn deepen_pacts(world: &mut World, view: &View, r: &BlocFormationRules) {
    let date = view.date;
    // With the history option, the record deepens pacts while it runs.
    let on_record = world.resource::<Course>().holds(date);
    for bl in view.blocs() {
        let b = bl.idx;
        let founded = bl.founded;
        let old_enough = founded.is_none_or(|f| f.months_until(date) as f64 >= r.deepen_min_months);
        let members = view.members(b);
        match bl.kind {
            // Only a pact of juntas deepens: shared regimes, shared enemies.
            BlocKind::DefencePact
                if !on_record
                    && old_enough
                    && members.len() as f64 >= r.deepen_min_members
                    && members.iter().all(|m| view.junta(*m))
                    && roll(world) < r.deepen_chance =>
            {
                actions::confederate(world, b, None);
            }
            BlocKind::Confederation if roll(world) < r.project_chance => {
                actions::advance_project(world, b, None);
            }
            _ => {}
        }
    }
}
