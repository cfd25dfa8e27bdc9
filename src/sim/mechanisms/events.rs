//! Scripted events: the scenario author's triggers and effects, checked at
//! the start of every turn. The same condition and effect vocabulary serves
//! orders (and, later, decisions and AI weights).

use std::collections::BTreeMap;

use bevy::prelude::*;

use crate::rules::Rules;
use crate::scenario::format::{Condition, Effect, EventDef};
use crate::sim::actions::{self, Move};
use crate::sim::chronicle::{Chronicle, NewsBuilder, NewsKind};
use crate::sim::components::*;
use crate::sim::coups::CoupsThisTurn;
use crate::sim::diplomacy::{Borders, Relations};
use crate::sim::inputs::{Input, InputLog};
use crate::sim::ledger::{Actor, Cause, Ledger, Mechanism};
use crate::sim::registry::{Clock, Registry};
use crate::sim::rng::{SimRng, Stream};
use crate::sim::script::{Cond, FactCache, Facts};
use crate::sim::{TurnPhase, TurnSchedule};

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(TurnSchedule, run_scripted_events.in_set(TurnPhase::Events));
}

/// The scenario's events and which have fired.
#[derive(Debug, Clone, Resource, Default)]
pub struct EventBook {
    pub defs: Vec<EventDef>,
    pub fired: Vec<bool>,
    /// Fired during the turn under way: an event fires at most once a
    /// turn, however many others `Fire` it, so what one turn can fire is
    /// bounded by the number of events.
    this_turn: Vec<bool>,
    by_id: BTreeMap<String, usize>,
    /// Each event's `when`, compiled.
    when: Vec<Cond>,
    /// Whether it reads only the calendar (and chance).
    calendar: Vec<bool>,
}

impl EventBook {
    pub fn new(defs: &[EventDef], reg: &Registry) -> Self {
        Self {
            defs: defs.to_vec(),
            fired: vec![false; defs.len()],
            this_turn: vec![false; defs.len()],
            by_id: defs.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect(),
            when: defs.iter().map(|d| Cond::compile(&d.when, reg)).collect(),
            calendar: defs
                .iter()
                .map(|d| Cond::compile(&d.when, reg).calendar_only())
                .collect(),
        }
    }
}

/// The state whose person has the seat, if any (in hot-seat, the one
/// whose turn it is).
#[derive(Debug, Clone, Copy, Resource, Default, PartialEq, Eq)]
pub struct PlayedBy(pub Option<StateIdx>);

/// Every state a person plays: their governments' event choices wait for
/// them, and no mechanism or computer decides for them what they decide.
#[derive(Debug, Clone, Resource, Default, PartialEq, Eq)]
pub struct Humans(pub Vec<StateIdx>);

impl Humans {
    pub fn plays(&self, s: StateIdx) -> bool {
        self.0.contains(&s)
    }
}

/// An event's choice waiting for the player.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenChoice {
    /// Index of the event in the book.
    pub event: usize,
    pub chooser: StateIdx,
    /// The turn it was offered in.
    pub turn: u32,
    /// The option picked so far, if any.
    pub answer: Option<usize>,
}

/// Choices offered to the player. Each is settled at the start of the next
/// turn: with the player's answer, or, if none came, as the computer would
/// have chosen (a game never stalls on an unanswered question).
#[derive(Debug, Clone, Resource, Default)]
pub struct OpenChoices(pub Vec<OpenChoice>);

/// A choice waiting for the player, as an interface shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceView {
    pub event: String,
    pub title: String,
    pub options: Vec<String>,
    pub answer: Option<usize>,
}

/// The choices waiting for the player.
pub fn open_choices(world: &World) -> Vec<ChoiceView> {
    let book = world.resource::<EventBook>();
    world
        .resource::<OpenChoices>()
        .0
        .iter()
        .map(|c| {
            let def = &book.defs[c.event];
            ChoiceView {
                event: def.id.clone(),
                title: def.title.clone().unwrap_or_else(|| def.id.clone()),
                options: def.choices.iter().map(|o| o.label.clone()).collect(),
                answer: c.answer,
            }
        })
        .collect()
}

/// Records the player's answer; it is carried out when the next turn runs.
pub fn answer_choice(world: &mut World, event: &str, option: usize) -> Result<(), String> {
    let Some(&i) = world.resource::<EventBook>().by_id.get(event) else {
        return Err(format!("`{event}` is not an event of this scenario"));
    };
    let options = world.resource::<EventBook>().defs[i].choices.len();
    let mut open = world.resource_mut::<OpenChoices>();
    let Some(c) = open.0.iter_mut().find(|c| c.event == i) else {
        return Err(format!("no choice of `{event}` is waiting for an answer"));
    };
    if option >= options {
        return Err(format!("`{event}` has {options} options, numbered from 0"));
    }
    c.answer = Some(option);
    Ok(())
}

/// Makes `code` the state a person plays (None: every government is
/// computer-run, as in observer mode and batch runs).
pub fn set_player(world: &mut World, code: Option<&str>) -> Result<(), String> {
    let s = match code {
        Some(c) => Some(state_of(world, c)?),
        None => None,
    };
    world.insert_resource(PlayedBy(s));
    world.insert_resource(Humans(s.into_iter().collect()));
    let turn = world.resource::<Clock>().turn + 1;
    let state = code.map(str::to_string);
    world.resource_mut::<InputLog>().0.push(Input::Player { turn, state });
    Ok(())
}

fn state_of(world: &World, code: &str) -> Result<StateIdx, String> {
    world
        .resource::<Registry>()
        .state(code)
        .ok_or_else(|| format!("`{code}` is not a state of this scenario"))
}

/// Hot-seat: several people, one state each, taking turns at one
/// computer, in the order given. The first has the seat.
pub fn set_players(world: &mut World, codes: &[&str]) -> Result<(), String> {
    let mut seats = Vec::new();
    for c in codes {
        let s = state_of(world, c)?;
        if seats.contains(&s) {
            return Err(format!("`{c}` is named twice: one person per state"));
        }
        seats.push(s);
    }
    world.insert_resource(PlayedBy(seats.first().copied()));
    world.insert_resource(Humans(seats));
    let turn = world.resource::<Clock>().turn + 1;
    let states = codes.iter().map(|c| c.to_string()).collect();
    world.resource_mut::<InputLog>().0.push(Input::Players { turn, states });
    Ok(())
}

/// Hands the seat to the next person; true when the round is complete
/// (everyone has had the seat this month and it is back with the first).
pub fn pass_seat(world: &mut World) -> bool {
    let humans = world.resource::<Humans>().0.clone();
    let Some(current) = world.resource::<PlayedBy>().0 else {
        return true;
    };
    let i = humans.iter().position(|s| *s == current).unwrap_or(0);
    let next = (i + 1) % humans.len().max(1);
    let Some(&seat) = humans.get(next) else {
        return true;
    };
    take_seat(world, seat);
    next == 0
}

/// Gives the seat to one of the human-played states.
pub fn take_seat(world: &mut World, seat: StateIdx) {
    world.insert_resource(PlayedBy(Some(seat)));
    let turn = world.resource::<Clock>().turn + 1;
    let state = world.resource::<Registry>().state_code(seat).to_string();
    world.resource_mut::<InputLog>().0.push(Input::Seat { turn, state });
}

pub use crate::sim::script::{Bindings, Target, Who};

/// Id look-ups that know `$self` and `$target`.
pub struct Lookup<'a> {
    pub reg: &'a Registry,
    pub bind: &'a Bindings,
}

impl Lookup<'_> {
    pub fn state(&self, code: &str) -> Option<StateIdx> {
        match code {
            "$self" => self.bind.me.and_then(Who::state),
            "$target" => match self.bind.target {
                Some(Target::State(s)) => Some(s),
                _ => None,
            },
            _ => self.reg.state(code),
        }
    }

    pub fn power(&self, code: &str) -> Option<PowerIdx> {
        match (code, self.bind.target) {
            ("$self", _) => match self.bind.me {
                Some(Who::Power(p)) => Some(p),
                _ => None,
            },
            ("$target", Some(Target::Power(p))) => Some(p),
            ("$target", _) => None,
            _ => self.reg.power(code),
        }
    }

    pub fn bloc(&self, code: &str) -> Option<BlocIdx> {
        match (code, self.bind.target) {
            ("$target", Some(Target::Bloc(b))) => Some(b),
            ("$target", _) => None,
            _ => self.reg.bloc(code),
        }
    }
}

/// How deep `Fire` may chain events within one turn, so that two events
/// that fire each other cannot loop.
const MAX_CHAIN: usize = 8;

fn run_scripted_events(world: &mut World, mut facts: Local<FactCache>) {
    // The book is taken out of the world while events run, so conditions
    // are read in place rather than cloned every turn.
    world.resource_scope(|world, mut book: Mut<EventBook>| {
        book.this_turn.fill(false);
        let open = std::mem::take(&mut world.resource_mut::<OpenChoices>().0);
        for c in open {
            let option = match c.answer {
                Some(k) => {
                    let turn = world.resource::<Ledger>().turn;
                    let event = book.defs[c.event].id.clone();
                    world
                        .resource_mut::<InputLog>()
                        .0
                        .push(Input::Choice { turn, event, option: k });
                    k
                }
                None => ai_pick(world, &book.defs[c.event]),
            };
            choose(world, &mut book, c.event, option, c.answer.is_some());
        }
        check_events(world, &mut book, &mut facts, |_| true);
    });
}

/// Fires the events whose `when` holds (among those `eligible`). The
/// world is gathered for their conditions only when one needs more than
/// the calendar, and again after an event has changed it.
fn check_events(world: &mut World, book: &mut EventBook, facts: &mut FactCache, eligible: impl Fn(&EventDef) -> bool) {
    facts.facts.calendar(world);
    let mut fresh = false;
    for i in 0..book.defs.len() {
        if (book.defs[i].once && book.fired[i]) || !eligible(&book.defs[i]) {
            continue;
        }
        if !book.calendar[i] && !fresh {
            facts.gather(world);
            fresh = true;
        }
        let mut draw = |p| world.resource_mut::<SimRng>().chance(Stream::Events, p);
        if book.when[i].holds_drawing(&facts.facts, &Bindings::NONE, &mut draw) {
            fire(world, book, i, 0);
            fresh = false;
        }
    }
}

fn fire(world: &mut World, book: &mut EventBook, i: usize, depth: usize) {
    // A `once` event already fired is not fired again by another's `Fire`.
    if depth > MAX_CHAIN || book.this_turn[i] || (book.defs[i].once && book.fired[i]) {
        return;
    }
    book.this_turn[i] = true;
    book.fired[i] = true;
    let turn = world.resource::<Ledger>().turn;
    let date = world.resource::<Clock>().date();
    let def = &book.defs[i];
    let title = def.title.clone().unwrap_or_else(|| def.id.clone());
    let kind = if def.headline {
        NewsKind::Announcement
    } else {
        NewsKind::Scripted
    };
    NewsBuilder::new(turn, date, kind, title).post(&mut world.resource_mut::<Chronicle>());
    let effects = book.defs[i].effects.clone();
    apply_effects(world, book, i, &effects, depth);
    let Some(chooser) = book.defs[i]
        .chooser
        .as_deref()
        .and_then(|c| world.resource::<Registry>().state(c))
    else {
        return;
    };
    if book.defs[i].choices.is_empty() {
        return;
    }
    if world.resource::<Humans>().plays(chooser) {
        world.resource_mut::<OpenChoices>().0.push(OpenChoice {
            event: i,
            chooser,
            turn,
            answer: None,
        });
    } else {
        let option = ai_pick(world, &book.defs[i]);
        choose(world, book, i, option, false);
    }
}

fn apply_effects(world: &mut World, book: &mut EventBook, i: usize, effects: &[Effect], depth: usize) {
    let cause = Cause::by(Mechanism::ScriptedEvent, Actor::Event(i as u16));
    for effect in effects {
        if let Effect::Fire(id) = effect {
            if let Some(j) = book.by_id.get(id).copied() {
                fire(world, book, j, depth + 1);
            }
        } else {
            apply_effect(world, effect, cause);
        }
    }
}

/// A computer-run government's pick: options drawn by their `ai_weight`.
fn ai_pick(world: &mut World, def: &EventDef) -> usize {
    let total: f64 = def.choices.iter().map(|c| c.ai_weight.max(0.0)).sum();
    let mut x = world.resource_mut::<SimRng>().uniform(Stream::Events) * total;
    for (k, c) in def.choices.iter().enumerate() {
        x -= c.ai_weight.max(0.0);
        if x < 0.0 {
            return k;
        }
    }
    def.choices.len().saturating_sub(1)
}

/// Carries out option `k` of event `i`'s choice, with a news item saying who
/// chose what.
fn choose(world: &mut World, book: &mut EventBook, i: usize, k: usize, by_player: bool) {
    let Some(choice) = book.defs[i].choices.get(k).cloned() else {
        return;
    };
    let turn = world.resource::<Ledger>().turn;
    let date = world.resource::<Clock>().date();
    let who = book.defs[i]
        .chooser
        .as_deref()
        .and_then(|c| world.resource::<Registry>().state(c))
        .map(|s| world.resource::<Registry>().state_name(s).to_string())
        .unwrap_or_default();
    let how = if by_player { "your government" } else { "its government" };
    NewsBuilder::new(
        turn,
        date,
        NewsKind::Scripted,
        format!("{who}: {how} chose \"{}\"", choice.label),
    )
    .post(&mut world.resource_mut::<Chronicle>());
    apply_effects(world, book, i, &choice.effects, 0);
}

/// Set while a game is set up: `Start` holds then, and only then.
#[derive(Debug, Clone, Copy, Resource, Default)]
pub struct Prologue(pub bool);

/// Fires the events that greet a new game (`Start` in their `when`),
/// before the first turn. Only those: an event dated the first month still
/// fires when that month is played.
pub fn run_prologue(world: &mut World) {
    world.insert_resource(Prologue(true));
    world.resource_scope(|world, mut book: Mut<EventBook>| {
        book.this_turn.fill(false);
        check_events(world, &mut book, &mut FactCache::default(), |def| {
            def.when.mentions_start()
        });
    });
    world.insert_resource(Prologue(false));
}

/// Evaluates a condition of the file format against the world as it
/// stands, without drawing (for interfaces; a turn evaluates the compiled
/// script).
pub fn holds_static(world: &World, c: &Condition, bind: &Bindings) -> bool {
    Cond::compile(c, world.resource::<Registry>()).holds(&Facts::of(world), bind)
}

fn agenda<'w>(world: &'w World, reg: &Registry, p: PowerIdx) -> Option<&'w Agenda> {
    world.get::<Agenda>(reg.power_entity(p))
}

/// Applies one effect. References that no longer resolve (a dissolved bloc)
/// make the effect do nothing.
pub fn apply_effect(world: &mut World, effect: &Effect, cause: Cause) {
    apply_bound(world, effect, cause, &Bindings::NONE);
}

/// Applies an effect in which `$self` and `$target` stand for the deciding
/// state and what it decides about.
pub fn apply_bound(world: &mut World, effect: &Effect, cause: Cause, bind: &Bindings) {
    let reg = world.resource::<Registry>();
    let look = Lookup { reg, bind };
    let st = |code: &str| look.state(code);
    match effect {
        Effect::Change {
            state,
            indicator,
            delta,
        } => {
            if let Some(s) = st(state) {
                actions::change_indicator(world, s, *indicator, Move::By(*delta), cause);
            }
        }
        Effect::Set {
            state,
            indicator,
            value,
        } => {
            if let Some(s) = st(state) {
                actions::change_indicator(world, s, *indicator, Move::To(*value), cause);
            }
        }
        Effect::Align { state, power, delta } => {
            if let (Some(s), Some(p)) = (st(state), look.power(power)) {
                let e = reg.state_entity(s);
                actions::change_alignment(world, e, s, p, *delta, cause);
            }
        }
        Effect::Relate { state, other, delta } => {
            if let (Some(a), Some(b)) = (st(state), st(other)) {
                world.resource_mut::<Relations>().add(a, b, *delta);
            }
        }
        Effect::StartPartnership {
            state,
            power,
            kind,
            stage,
        } => {
            if let (Some(s), Some(p)) = (st(state), look.power(power)) {
                let offered = matches!(bind.me, Some(Who::Power(_)));
                actions::start_partnership(world, s, p, *kind, *stage, offered);
            }
        }
        Effect::EndPartnership { state, power, kind } => {
            if let (Some(s), Some(p)) = (st(state), look.power(power)) {
                actions::end_partnership(world, s, p, *kind);
            }
        }
        Effect::ExpelForces { state, power } => {
            if let (Some(s), Some(p)) = (st(state), look.power(power)) {
                actions::expel_forces(world, s, p, -15.0);
            }
        }
        Effect::JoinBloc { state, bloc } => {
            if let (Some(s), Some(b)) = (st(state), look.bloc(bloc)) {
                actions::join_bloc(world, s, b);
            }
        }
        Effect::AnnounceWithdrawal { state, bloc } => {
            if let (Some(s), Some(b)) = (st(state), look.bloc(bloc)) {
                // A computer-run government does not leave a monetary union
                // with no currency to go to (docs/model.md, "Blocs"); a
                // player may, and history may be scripted.
                let own = matches!(bind.me, Some(Who::State(x)) if x == s);
                let human = world.resource::<Humans>().plays(s);
                if own && !human && !crate::sim::blocs::may_leave(world, s, b) {
                    return;
                }
                actions::announce_withdrawal(world, s, b);
            }
        }
        Effect::LeaveBloc { state, bloc } => {
            if let (Some(s), Some(b)) = (st(state), look.bloc(bloc)) {
                actions::leave_bloc(world, s, b);
            }
        }
        Effect::ImposeSanctions { bloc, state } => {
            if let (Some(s), Some(b)) = (st(state), look.bloc(bloc)) {
                actions::impose_sanctions(world, b, s);
            }
        }
        Effect::LiftSanctions { bloc, state } => {
            if let (Some(s), Some(b)) = (st(state), look.bloc(bloc)) {
                actions::lift_sanctions(world, b, s);
            }
        }
        Effect::CoupAttempt { state } => {
            if let Some(s) = st(state) {
                world.resource_mut::<CoupsThisTurn>().forced.push(s);
            }
        }
        Effect::SetLeader { state, leader, regime } => {
            if let Some(s) = st(state) {
                actions::set_leader(world, s, leader, *regime);
            }
        }
        Effect::VisitPower { state, power } => {
            if let (Some(s), Some(p)) = (st(state), look.power(power)) {
                let e = reg.state_entity(s);
                let delta = world.resource::<Rules>().diplomacy.visit_alignment;
                actions::change_alignment(world, e, s, p, delta, cause);
            }
        }
        Effect::VisitState { state, other }
        | Effect::JointStatement { state, other }
        | Effect::RecallAmbassador { state, other } => {
            if let (Some(a), Some(b)) = (st(state), st(other)) {
                let r = &world.resource::<Rules>().diplomacy;
                let delta = match effect {
                    Effect::VisitState { .. } => r.visit_relations,
                    Effect::JointStatement { .. } => r.statement_relations,
                    _ => r.recall_ambassador,
                };
                world.resource_mut::<Relations>().add(a, b, delta);
            }
        }
        Effect::Mediate { state, first, second } => {
            if let (Some(m), Some(a), Some(b)) = (st(state), st(first), st(second)) {
                actions::mediate(world, m, a, b);
            }
        }
        Effect::CloseBorder { state, other } => {
            if let (Some(a), Some(b)) = (st(state), st(other)) {
                let penalty = world.resource::<Rules>().diplomacy.close_border;
                world.resource_mut::<Borders>().close(a, b);
                world.resource_mut::<Relations>().add(a, b, penalty);
            }
        }
        Effect::OpenBorder { state, other } => {
            if let (Some(a), Some(b)) = (st(state), st(other)) {
                world.resource_mut::<Borders>().open(a, b);
            }
        }
        Effect::BanGrainExports { state } | Effect::LiftGrainExportBan { state } => {
            if let Some(s) = st(state) {
                actions::set_grain_ban(world, s, matches!(effect, Effect::BanGrainExports { .. }));
            }
        }
        Effect::AdvanceProject { bloc, project } => {
            if let Some(b) = look.bloc(bloc) {
                actions::advance_project(world, b, *project);
            }
        }
        Effect::DiscreditRivals { state, power, delta } => {
            if let (Some(s), Some(p)) = (st(state), look.power(power)) {
                let rivals = agenda(world, reg, p).map(|a| a.rivals.clone()).unwrap_or_default();
                let e = reg.state_entity(s);
                for r in rivals {
                    actions::change_alignment(world, e, s, r, *delta, cause);
                }
            }
        }
        Effect::AdvancePartnership { state, power } => {
            if let (Some(s), Some(p)) = (st(state), look.power(power)) {
                actions::advance_talks(world, s, p);
            }
        }
        Effect::UrgeSanctions { state, other } | Effect::UrgeLifting { state, other } => {
            if let (Some(a), Some(b)) = (st(state), st(other)) {
                actions::urge_sanctions(world, a, b, matches!(effect, Effect::UrgeSanctions { .. }));
            }
        }
        Effect::AskMediation { state, other } | Effect::OfferMediation { state, other } => {
            if let (Some(a), Some(b)) = (st(state), st(other)) {
                let (mediator, first, second) = if matches!(effect, Effect::AskMediation { .. }) {
                    (actions::best_mediator(world, a, b), a, Some(b))
                } else {
                    (Some(a), b, actions::worst_relation(world, b, a))
                };
                if let (Some(m), Some(second)) = (mediator, second) {
                    actions::mediate(world, m, first, second);
                }
            }
        }
        Effect::ProposePact { state, other } => {
            if let (Some(a), Some(b)) = (st(state), st(other)) {
                actions::propose_pact(world, a, b);
            }
        }
        Effect::News(text) => {
            let turn = world.resource::<Ledger>().turn;
            let date = world.resource::<Clock>().date();
            NewsBuilder::new(turn, date, NewsKind::Scripted, text.clone()).post(&mut world.resource_mut::<Chronicle>());
        }
        // Chains are followed by `fire`, which knows the depth.
        Effect::Fire(_) => {}
    }
}
