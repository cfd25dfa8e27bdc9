//! Decisions: the catalogue (`assets/decisions.ron` for governments,
//! `assets/power_decisions.ron` for foreign powers, extended or overridden
//! by a scenario's `decisions`), political capital (a power's: influence)
//! to pay for them, the player's decisions and those of computer-run
//! governments and of every power, weighed against their situation and
//! their scenario agenda and logged with their reasons; effects that are
//! uncertain or come months later.

use crate::sim::player::month::{self, Outcome};
use bevy::prelude::*;

use crate::rules::Rules;
use crate::scenario::Scenario;
pub use crate::scenario::catalogue::{
    SHIPPED_DECISIONS, SHIPPED_POWER_DECISIONS, catalogue_for, parse_catalogue, shipped_catalogue,
};
use crate::scenario::format::{Decider, DecisionDef, Effect, Priority, TargetKind};
use crate::sim::schedule::{SetUpPhase, SetUpSteps, TurnPhase, TurnSchedule};
use crate::sim::script::effect::{Eff, apply};
use crate::sim::script::facts::{MEMBER, Parts};
use crate::sim::script::parts::StaleRows;
use crate::sim::script::{Bindings, Cond, FactCache, Facts, Target, Who};
use crate::sim::world::chronicle::{Chronicle, NewsBuilder, NewsKind};
use crate::sim::world::components::*;
use crate::sim::world::course::Course;
use crate::sim::world::ledger::{Actor, Cause, Ledger, Mechanism};
use crate::sim::world::registry::{Clock, Registry};
use crate::sim::world::rng::{SimRng, Stream};
use crate::sim::world::said::{self, Arg, Said};
use std::sync::Arc;

pub(crate) fn plugin(app: &mut App) {
    crate::sim::world::snapshot::Kept::resource::<DecisionBook>(app);
    crate::sim::world::snapshot::Kept::resource::<Capital>(app);
    crate::sim::world::snapshot::Kept::resource::<Influence>(app);
    crate::sim::world::snapshot::Kept::resource::<DecisionQueue>(app);
    crate::sim::world::snapshot::Kept::resource::<PendingEffects>(app);
    crate::sim::world::snapshot::Kept::resource::<DecisionLog>(app);
    SetUpSteps::add(app, SetUpPhase::Resources, set_up);
    app.add_systems(
        TurnSchedule,
        (
            grant_capital,
            carry_out_player_decisions,
            apply_due_effects,
            decide_for_computers,
        )
            .chain()
            .in_set(TurnPhase::Decisions),
    );
}

#[derive(Resource, Debug, Clone, Default)]
pub struct DecisionBook {
    pub defs: Arc<[DecisionDef]>,
    /// Each decision's conditions, compiled (shared: a book is copied into
    /// every snapshot of a game).
    compiled: Arc<[Compiled]>,
    /// The ids of states, powers and blocs it was compiled against.
    compiled_for: Arc<[String]>,
}

/// A decision's conditions resolved for this game, and what weighing it
/// needs to know of them in advance.
#[derive(Debug, Clone)]
struct Compiled {
    available: Cond,
    /// Whether `available` reads `$target` (else it holds or not for
    /// every target alike).
    available_on_target: bool,
    /// The part of `available` that does not read `$target` (the whole of
    /// it if none does; the conjuncts that do not, of an `All`): where it
    /// fails, no target is open and the decision is not weighed at all.
    available_fixed: Option<Cond>,
    /// Each factor: its condition and whether it reads `$target`.
    factors: Vec<(Cond, bool)>,
    /// The most the factors can add: a decision no situation makes
    /// positive is never weighed.
    max_weight: f64,
    /// It announces a withdrawal from a bloc (see [`futile`]).
    withdraws: bool,
    /// It makes what the record alone makes with the history option
    /// (coups, pacts, exits): the computer does not take it while the
    /// record runs.
    on_record: bool,
    /// Each outcome's effect, compiled (shared, so that applying one does
    /// not copy it).
    effects: Vec<Arc<Eff>>,
    /// What taking it may change of the deciders' facts.
    touches: Parts,
}

impl DecisionBook {
    pub fn new(defs: Arc<[DecisionDef]>, reg: &Registry) -> Self {
        let compiled: Arc<[Compiled]> = defs
            .iter()
            .map(|d| {
                let available = Cond::compile(&d.available, reg);
                let effects: Vec<Arc<Eff>> = d
                    .effects
                    .iter()
                    .map(|o| Arc::new(Eff::compile(&o.effect, reg)))
                    .collect();
                let available_fixed = match &available {
                    c if !c.on_target() => Some(c.clone()),
                    Cond::All(list) => {
                        let fixed: Vec<Cond> = list.iter().filter(|c| !c.on_target()).cloned().collect();
                        (!fixed.is_empty()).then_some(Cond::All(fixed))
                    }
                    _ => None,
                };
                Compiled {
                    available_fixed,
                    touches: effects.iter().fold(Parts::NONE, |t, e| t | e.touches()),
                    available_on_target: available.on_target(),
                    available,
                    factors: d
                        .ai
                        .factors
                        .iter()
                        .map(|f| {
                            let c = Cond::compile(&f.when, reg);
                            let t = c.on_target();
                            (c, t)
                        })
                        .collect(),
                    max_weight: d.ai.base + d.ai.factors.iter().map(|f| f.add.max(0.0)).sum::<f64>(),
                    withdraws: d
                        .effects
                        .iter()
                        .any(|e| matches!(e.effect, Effect::AnnounceWithdrawal { .. })),
                    on_record: d.effects.iter().any(|e| e.effect.makes_history()),
                    effects,
                }
            })
            .collect();
        Self {
            defs,
            compiled,
            compiled_for: Self::ids(reg).map(str::to_string).collect(),
        }
    }

    /// Every id a script may name, in the registry's order.
    fn ids(reg: &Registry) -> impl Iterator<Item = &str> {
        let states = reg.states.iter().map(|l| l.code.as_str());
        let powers = reg.powers.iter().map(|l| l.code.as_str());
        let blocs = reg.blocs.iter().map(|l| l.code.as_str());
        states.chain(powers).chain(blocs)
    }

    /// Whether this book is the one for `defs` in a game of this registry
    /// (a batch sets the same scenario up again for every run).
    fn fits(&self, defs: &Arc<[DecisionDef]>, reg: &Registry) -> bool {
        Arc::ptr_eq(&self.defs, defs) && Self::ids(reg).eq(self.compiled_for.iter().map(String::as_str))
    }

    pub fn index(&self, id: &str) -> Option<usize> {
        self.defs.iter().position(|d| d.id == id)
    }
}

/// Political capital of each state (by index).
#[derive(Resource, Debug, Clone, Default)]
pub struct Capital(pub Vec<f64>);

/// Influence of each foreign power (by index): what its decisions cost.
#[derive(Resource, Debug, Clone, Default)]
pub struct Influence(pub Vec<f64>);

/// The player's decisions for the coming turn.
#[derive(Resource, Debug, Clone, Default)]
pub struct DecisionQueue(pub Vec<(StateIdx, usize, Option<Target>)>);

/// An effect waiting for its month.
#[derive(Debug, Clone)]
struct Due {
    turn: u32,
    by: Who,
    decision: usize,
    target: Option<Target>,
    outcome: usize,
}

#[derive(Resource, Debug, Clone, Default)]
pub struct PendingEffects(Vec<Due>);

/// A decision taken, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct Taken {
    pub turn: u32,
    pub by: Who,
    pub decision: String,
    pub target: Option<Target>,
    pub by_player: bool,
    /// The computer's weight for it, and the reasons that counted (largest
    /// first); empty for the player's.
    pub weight: f64,
    pub reasons: Vec<(String, f64)>,
}

#[derive(Resource, Debug, Clone, Default)]
pub struct DecisionLog(pub Vec<Taken>);

/// The id of a target, for logs and saves.
pub fn target_code(reg: &Registry, t: Target) -> String {
    match t {
        Target::State(s) => reg.state_code(s).to_string(),
        Target::Power(p) => reg.power_code(p).to_string(),
        Target::Bloc(b) => reg.bloc_code(b).to_string(),
    }
}

/// The id of a decider, for logs and saves.
pub fn who_code(reg: &Registry, who: Who) -> String {
    match who {
        Who::State(s) => reg.state_code(s).to_string(),
        Who::Power(p) => reg.power_code(p).to_string(),
    }
}

/// What a decision is aimed at, as a term of the `target-kind` family.
fn target_kind_id(kind: TargetKind) -> &'static str {
    match kind {
        TargetKind::None => "none",
        TargetKind::State => "state",
        TargetKind::Neighbour => "neighbour",
        TargetKind::Power => "power",
        TargetKind::OwnBloc => "own_bloc",
        TargetKind::OtherBloc => "other_bloc",
    }
}

/// A decider as an argument of a message.
pub fn who_arg(who: Who) -> Arg {
    match who {
        Who::State(s) => Arg::State(s),
        Who::Power(p) => Arg::Power(p),
    }
}

/// What a decision is about, as an argument of a message.
pub fn target_arg(t: Target) -> Arg {
    match t {
        Target::State(s) => Arg::State(s),
        Target::Power(p) => Arg::Power(p),
        Target::Bloc(b) => Arg::Bloc(b),
    }
}

/// The key of a decision's text in the catalogue's translations:
/// `decision-ID-name`, `decision-ID-description`.
pub fn decision_key(id: &str, part: &str) -> String {
    said::part_key("decision", id, part)
}

/// Everything a decider could aim a decision of this kind at, in index
/// order, into a buffer the caller keeps.
fn targets_into(f: &Facts, who: Who, kind: TargetKind, out: &mut Vec<Option<Target>>) {
    out.clear();
    let states = (0..f.states).map(|i| StateIdx(i as u16));
    let powers = (0..f.powers).map(|i| PowerIdx(i as u8));
    let state = match who {
        Who::State(s) => s,
        // A power's decision is about a state, another power or nothing.
        Who::Power(me) => {
            match kind {
                TargetKind::None => out.push(None),
                TargetKind::State => out.extend(states.map(|s| Some(Target::State(s)))),
                TargetKind::Power => out.extend(powers.filter(|p| *p != me).map(|p| Some(Target::Power(p)))),
                _ => {}
            }
            return;
        }
    };
    match kind {
        TargetKind::None => out.push(None),
        TargetKind::State => out.extend(states.filter(|s| *s != state).map(|s| Some(Target::State(s)))),
        TargetKind::Neighbour => out.extend(f.neighbours(state).iter().map(|s| Some(Target::State(*s)))),
        TargetKind::Power => out.extend(powers.map(|p| Some(Target::Power(p)))),
        TargetKind::OwnBloc | TargetKind::OtherBloc => out.extend(
            (0..f.blocs)
                .map(|b| BlocIdx(b as u16))
                .filter(|b| f.live[b.0 as usize])
                .filter(|b| (f.tie(state, *b) & MEMBER != 0) == (kind == TargetKind::OwnBloc))
                .map(|b| Some(Target::Bloc(b))),
        ),
    }
}

/// Whether a decision is the decider's kind (a government's or a power's).
fn fits(def: &DecisionDef, who: Who) -> bool {
    def.by
        == match who {
            Who::State(_) => Decider::Government,
            Who::Power(_) => Decider::Power,
        }
}

/// Whether decision `i` is open to a decider about a target now.
/// Conditions in a decision never draw random numbers (`Chance` is
/// refused there).
fn available(world: &World, f: &Facts, i: usize, who: Who, target: Option<Target>) -> bool {
    let book = world.resource::<DecisionBook>();
    fits(&book.defs[i], who) && book.compiled[i].available.holds(f, &Bindings::new(who, target))
}

/// The decider's scenario agenda.
fn agenda_of(world: &World, who: Who) -> Option<&Priorities> {
    let reg = world.resource::<Registry>();
    let e = match who {
        Who::State(s) => reg.state_entity(s),
        Who::Power(p) => reg.power_entity(p),
    };
    world.get::<Priorities>(e)
}

/// A decision a computer-run government would not pay for because its
/// government would not carry it out: leaving a monetary union with no
/// currency to go to (docs/model.md, "Blocs").
fn futile(world: &World, c: &Compiled, who: Who, target: Option<Target>) -> bool {
    let (Some(s), Some(Target::Bloc(b))) = (who.state(), target) else {
        return false;
    };
    c.withdraws && !crate::sim::world::actions::may_leave(world, s, b)
}

/// The reasons behind a weight: the factors that counted and the agenda's
/// part, largest first.
fn reasons(world: &World, f: &Facts, i: usize, who: Who, target: Option<Target>) -> Vec<(String, f64)> {
    let book = world.resource::<DecisionBook>();
    let def = &book.defs[i];
    let bind = Bindings::new(who, target);
    let mut out: Vec<(String, f64)> = def
        .ai
        .factors
        .iter()
        .zip(&book.compiled[i].factors)
        .filter(|(_, (when, _))| when.holds(f, &bind))
        .map(|(f, _)| (f.why.clone(), f.add))
        .collect();
    // The weight, summed as it was weighed.
    let w = def.ai.base + out.iter().map(|(_, add)| add).sum::<f64>();
    if let Some((boost, why)) = agenda_of(world, who).and_then(|a| a.of(i))
        && w > 0.0
    {
        out.push((why.to_string(), w * boost));
    }
    out.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    out
}

fn grant_capital(
    states: Query<(&Country, &Legitimacy)>,
    rules: Res<Rules>,
    mut capital: ResMut<Capital>,
    mut influence: ResMut<Influence>,
) {
    let r = &rules.decisions;
    for (c, legit) in &states {
        if let Some(slot) = capital.0.get_mut(c.idx.0 as usize) {
            *slot = (*slot + r.capital_per_turn + r.capital_legitimacy * legit.0 / 100.0).min(r.capital_max);
        }
    }
    for slot in &mut influence.0 {
        *slot = (*slot + r.influence_per_turn).min(r.influence_max);
    }
}

/// What a decider has left to spend.
fn purse(world: &World, who: Who) -> f64 {
    match who {
        Who::State(s) => world.resource::<Capital>().0.get(s.0 as usize),
        Who::Power(p) => world.resource::<Influence>().0.get(p.0 as usize),
    }
    .copied()
    .unwrap_or(0.0)
}

/// Pays for a decision, applies what happens now and queues the rest.
/// `taken` is the decision with its reasons, for the news and the log (the
/// log keeps it when the game keeps its past); none in a batch run.
fn take(world: &mut World, who: Who, i: usize, target: Option<Target>, taken: Option<Taken>) {
    let def = &world.resource::<DecisionBook>().defs[i];
    let cost = def.cost as f64;
    match who {
        Who::State(s) => world.resource_mut::<Capital>().0[s.0 as usize] -= cost,
        Who::Power(p) => world.resource_mut::<Influence>().0[p.0 as usize] -= cost,
    }
    let def = &world.resource::<DecisionBook>().defs[i];
    let turn = world.resource::<Ledger>().turn;
    let text = if !world.resource::<Chronicle>().texts {
        Said::new("news-decision")
    } else {
        let reasons: Vec<Arg> = taken
            .as_ref()
            .map_or(&[][..], |t| &t.reasons[..])
            .iter()
            .filter(|(_, a)| *a > 0.0)
            .map(|(w, _)| said::scenario_text(said::text_hash_key(w), w))
            .collect();
        let id = match (target.is_some(), reasons.is_empty()) {
            (false, true) => "news-decision",
            (false, false) => "news-decision-why",
            (true, true) => "news-decision-on",
            (true, false) => "news-decision-on-why",
        };
        let mut said = Said::new(id).with("who", who_arg(who)).with(
            "decision",
            said::scenario_text(decision_key(&def.id, "name"), &def.name),
        );
        if let Some(t) = target {
            said = said.with("target", target_arg(t));
        }
        if !reasons.is_empty() {
            said = said.with("reasons", Arg::List(reasons));
        }
        said
    };
    let date = world.resource::<Clock>().date();
    let mut news = NewsBuilder::new(turn, date, NewsKind::Decision, text);
    // Filed under the decider and whatever it is about.
    match who {
        Who::State(s) => news = news.state(s),
        Who::Power(p) => news = news.power(p),
    }
    match target {
        Some(Target::Power(p)) => news = news.power(p),
        Some(Target::State(s)) if matches!(who, Who::Power(_)) => news = news.state(s),
        _ => {}
    }
    news.post(&mut world.resource_mut::<Chronicle>());
    if let Some(taken) = taken
        && world.resource::<Ledger>().keep
    {
        world.resource_mut::<DecisionLog>().0.push(taken);
    }
    for k in 0..world.resource::<DecisionBook>().defs[i].effects.len() {
        let delay = world.resource::<DecisionBook>().defs[i].effects[k].delay;
        if delay == 0 {
            apply_outcome(world, who, i, target, k);
        } else {
            month::record(world, who, i, target, Outcome::Later { due: turn + delay });
            world.resource_mut::<PendingEffects>().0.push(Due {
                turn: turn + delay,
                by: who,
                decision: i,
                target,
                outcome: k,
            });
        }
    }
}

/// One outcome of a decision: drawn against its chance, then applied.
/// What it did is kept for the player's month when a person took it.
fn apply_outcome(world: &mut World, who: Who, i: usize, target: Option<Target>, k: usize) {
    let book = world.resource::<DecisionBook>();
    let chance = book.defs[i].effects[k].chance;
    let eff = book.compiled[i].effects[k].clone();
    // A person's decision: what it does to relations is kept for their
    // month (indicators are in the ledger; relations are not).
    let human = who
        .state()
        .is_some_and(|s| world.resource::<crate::sim::world::players::Humans>().plays(s));
    if chance < 1.0 && !world.resource_mut::<SimRng>().chance(Stream::Decisions, chance) {
        if human {
            month::record(world, who, i, target, Outcome::NoLuck);
        }
        return;
    }
    let cause = Cause::by(Mechanism::Order, Actor::Decision(i as u16));
    if !human {
        apply(world, &eff, cause, &Bindings::new(who, target));
        return;
    }
    let relations_before = world.resource::<crate::sim::world::relations::Relations>().clone();
    let before = world.resource::<Chronicle>().news.len();
    let booked = world.resource::<Ledger>().entries.len();
    apply(world, &eff, cause, &Bindings::new(who, target));
    let news = before..world.resource::<Chronicle>().news.len();
    let ledger = booked..world.resource::<Ledger>().entries.len();
    let relations = world
        .resource::<crate::sim::world::relations::Relations>()
        .changes_since(&relations_before);
    month::record(
        world,
        who,
        i,
        target,
        Outcome::Done {
            news,
            ledger,
            relations,
        },
    );
}

/// Why a decision cannot be taken now, if it cannot.
pub fn refusal(world: &World, state: StateIdx, i: usize, target: Option<Target>, queued_cost: f64) -> Option<Said> {
    refusal_in(world, &Facts::of(world), state, i, target, queued_cost)
}

/// [`refusal`] on facts already gathered (an interface listing every
/// decision gathers them once).
fn refusal_in(
    world: &World,
    f: &Facts,
    state: StateIdx,
    i: usize,
    target: Option<Target>,
    queued_cost: f64,
) -> Option<Said> {
    let book = world.resource::<DecisionBook>();
    let def = &book.defs[i];
    let who = Who::State(state);
    let name = || said::scenario_text(decision_key(&def.id, "name"), &def.name);
    if !fits(def, who) {
        return Some(Said::new("refusal-foreign").with("decision", name()));
    }
    let mut aims = Vec::new();
    targets_into(f, who, def.target, &mut aims);
    if !aims.contains(&target) {
        return Some(Said::new("refusal-aim").name("id", def.id.as_str()));
    }
    if !available(world, f, i, who, target) {
        let unmet = crate::sim::mechanisms::goals::unmet(world, f, &def.available, &Bindings::new(who, target));
        return Some(if unmet.is_empty() {
            Said::new("refusal-closed").with("decision", name())
        } else {
            Said::new("refusal-unmet")
                .with("decision", name())
                .said("unmet", unmet.sentence())
        });
    }
    let capital = purse(world, who);
    if capital - queued_cost < def.cost as f64 {
        return Some(
            Said::new("refusal-capital")
                .with("decision", name())
                .num("cost", f64::from(def.cost))
                .num("left", ((capital - queued_cost).max(0.0) * 10.0).round() / 10.0),
        );
    }
    None
}

fn carry_out_player_decisions(world: &mut World) {
    let queue = std::mem::take(&mut world.resource_mut::<DecisionQueue>().0);
    let turn = world.resource::<Ledger>().turn;
    for (state, i, target) in queue {
        // The world has moved since the player chose: check again, and
        // say so if it no longer can be done.
        if let Some(reason) = refusal(world, state, i, target, 0.0) {
            let text = Said::new("news-decision-refused")
                .state("state", state)
                .said("reason", reason.clone());
            let date = world.resource::<Clock>().date();
            NewsBuilder::new(turn, date, NewsKind::Decision, text)
                .state(state)
                .post(&mut world.resource_mut::<Chronicle>());
            month::record(world, Who::State(state), i, target, Outcome::Refused { reason });
            continue;
        }
        let id = world.resource::<DecisionBook>().defs[i].id.clone();
        let taken = Taken {
            turn,
            by: Who::State(state),
            decision: id,
            target,
            by_player: true,
            weight: 0.0,
            reasons: Vec::new(),
        };
        take(world, Who::State(state), i, target, Some(taken));
    }
}

fn apply_due_effects(world: &mut World) {
    let turn = world.resource::<Ledger>().turn;
    let pending = std::mem::take(&mut world.resource_mut::<PendingEffects>().0);
    let (due, later): (Vec<Due>, Vec<Due>) = pending.into_iter().partition(|d| d.turn <= turn);
    world.resource_mut::<PendingEffects>().0 = later;
    for d in due {
        apply_outcome(world, d.by, d.decision, d.target, d.outcome);
    }
}

/// A decision the computer might take: which, about what, and its weight.
type Candidate = (usize, Option<Target>, f64);

/// What the computer's weighing reuses from one decider to the next, so
/// that a month's weighing allocates nothing once warm.
#[derive(Default)]
pub struct Weighing {
    options: Vec<Candidate>,
    /// The decider's targets of each kind (by `TargetKind as usize`), and
    /// whether they have been listed for this decider yet.
    targets: [Vec<Option<Target>>; 6],
    listed: [bool; 6],
    /// Factors that do not read `$target`: whether each holds.
    fixed: Vec<bool>,
    /// The factors' sum for each target.
    sums: Vec<f64>,
    /// Factors that read it: whether each holds, target by target
    /// (factor-major).
    held: Vec<bool>,
    pool: Vec<Vec<bool>>,
    /// The record makes coups, pacts and exits this month (the history
    /// option): read once a phase.
    on_record: bool,
    /// What the deciders read, gathered when the first of them acts and
    /// again, in part, after each decision taken: `stale` is what has to be
    /// gathered again before the next decider weighs (everything at the
    /// start of the phase).
    facts: FactCache,
    stale: Parts,
    /// Of the states' part, the rows the decisions taken since the last
    /// gathering may have changed (`Eff::rows`).
    stale_rows: StaleRows,
    /// By state: a person plays it.
    human: Vec<bool>,
    /// By power: its agenda's chance of acting a month.
    outreach: Vec<f64>,
}

/// Whether the record, not the computer, makes coups, pacts and exits this
/// month (the history option).
fn on_record(world: &World) -> bool {
    world.resource::<Course>().holds(world.resource::<Clock>().date())
}

/// The computer's deciders, governments first and then powers, in one
/// system: they share what they read of the world, gathered once and then
/// refreshed in part after each decision taken.
fn decide_for_computers(world: &mut World, mut scratch: Local<Weighing>) {
    scratch.stale = Parts::ALL;
    scratch.stale_rows.every();
    scratch.on_record = on_record(world);
    decide_for_computer_governments(world, &mut scratch);
    decide_for_powers(world, &mut scratch);
}

/// Each computer-run government, now and then, takes the decision it wants
/// most (weighted draw among those it wants at all and can afford).
fn decide_for_computer_governments(world: &mut World, scratch: &mut Weighing) {
    let n = world.resource::<Registry>().state_count();
    let act = world.resource::<Rules>().decisions.ai_act_chance;
    // Who plays does not change while the computer decides.
    let humans = world.resource::<crate::sim::world::players::Humans>();
    scratch.human.clear();
    scratch.human.extend((0..n).map(|si| humans.plays(StateIdx(si as u16))));
    for si in 0..n {
        let s = StateIdx(si as u16);
        // Drawn for every state, so that who plays changes nobody else's luck.
        let roll = world.resource_mut::<SimRng>().uniform(Stream::Decisions);
        if roll >= act || scratch.human[si] {
            continue;
        }
        decide_by_weight(world, Who::State(s), Stream::Decisions, scratch);
    }
}

/// Each foreign power, with its agenda's `outreach` chance a month, takes
/// the decision it wants most among those it can afford (weighted draw).
/// Powers draw from their own stream: what they do does not shift the
/// governments' luck.
fn decide_for_powers(world: &mut World, scratch: &mut Weighing) {
    let reg = world.resource::<Registry>();
    let n = reg.power_count();
    // Agendas do not change while the computer decides.
    scratch.outreach.clear();
    scratch.outreach.extend((0..n).map(|pi| {
        world
            .get::<Agenda>(reg.power_entity(PowerIdx(pi as u8)))
            .map_or(0.0, |a| a.outreach)
    }));
    for pi in 0..n {
        let p = PowerIdx(pi as u8);
        let roll = world.resource_mut::<SimRng>().uniform(Stream::Outreach);
        if roll < scratch.outreach[pi] {
            decide_by_weight(world, Who::Power(p), Stream::Outreach, scratch);
        }
    }
}

/// The decider weighs every decision of its kind it can afford, about
/// every target, and draws one in proportion to its weight; it is taken
/// and logged with the reasons that counted. The factors that do not read
/// `$target` are judged once per decision, not once per target, and a
/// decision whose weight cannot be positive whatever the target is not
/// weighed target by target.
fn decide_by_weight(world: &mut World, who: Who, stream: Stream, scratch: &mut Weighing) {
    let money = purse(world, who);
    scratch.options.clear();
    scratch.listed = [false; 6];
    if scratch.stale != Parts::NONE {
        scratch.facts.refresh(world, scratch.stale, scratch.stale_rows.listed());
        scratch.stale = Parts::NONE;
        scratch.stale_rows.clear();
    }
    let facts = &scratch.facts.facts;
    let on_record = scratch.on_record;
    {
        let book = world.resource::<DecisionBook>();
        let agenda = agenda_of(world, who);
        for (i, (def, c)) in book.defs.iter().zip(book.compiled.iter()).enumerate() {
            if !fits(def, who) || def.cost as f64 > money || c.max_weight <= 0.0 || (on_record && c.on_record) {
                continue;
            }
            let kind = def.target as usize;
            if !scratch.listed[kind] {
                targets_into(facts, who, def.target, &mut scratch.targets[kind]);
                scratch.listed[kind] = true;
            }
            let targets = &scratch.targets[kind];
            let Some(&first) = targets.first() else {
                continue;
            };
            // What does not depend on the target, judged once.
            let bind = Bindings::new(who, first);
            // Closed whatever the target: not weighed (nothing is drawn
            // while weighing, so skipping changes nothing but the cost).
            if c.available_fixed.as_ref().is_some_and(|a| !a.holds(facts, &bind)) {
                continue;
            }
            scratch.fixed.clear();
            // The most the factors can add for any target, summed in their
            // order as a weight is, then added to the base as a weight is:
            // floating-point addition is monotone, so no weight exceeds it.
            let mut most = 0.0;
            for ((when, on_target), f) in c.factors.iter().zip(&def.ai.factors) {
                let held = !on_target && when.holds(facts, &bind);
                scratch.fixed.push(held);
                most += if *on_target {
                    f.add.max(0.0)
                } else if held {
                    f.add
                } else {
                    0.0
                };
            }
            if def.ai.base + most <= 0.0 {
                continue;
            }
            // What does, judged for every target at once.
            let n = targets.len();
            scratch.held.clear();
            scratch.held.resize(c.factors.len() * n, false);
            for (k, (when, on_target)) in c.factors.iter().enumerate() {
                if *on_target {
                    when.holds_each(
                        facts,
                        who,
                        targets,
                        &mut scratch.held[k * n..(k + 1) * n],
                        &mut scratch.pool,
                    );
                }
            }
            // `available`, judged only for targets it is wanted for; one that
            // does not read the target was judged above, and holds.
            let mut open_to_all = (!c.available_on_target).then_some(true);
            // The factors' sum for every target, added in the factors' order
            // as `reasons` adds them (a sum that is only a zero of either
            // sign leaves the base as it is).
            scratch.sums.clear();
            scratch.sums.resize(n, 0.0);
            for (k, (f, (_, on_target))) in def.ai.factors.iter().zip(&c.factors).enumerate() {
                if *on_target {
                    for (sum, held) in scratch.sums.iter_mut().zip(&scratch.held[k * n..(k + 1) * n]) {
                        if *held {
                            *sum += f.add;
                        }
                    }
                } else if scratch.fixed[k] {
                    for sum in &mut scratch.sums {
                        *sum += f.add;
                    }
                }
            }
            let boost = agenda.and_then(|a| a.of(i)).map(|p| p.0);
            for (&target, &sum) in targets.iter().zip(&scratch.sums) {
                let w = def.ai.base + sum;
                // An agenda only grows a weight that is positive.
                let w = match boost {
                    Some(boost) if w > 0.0 => w * (1.0 + boost),
                    _ => w,
                };
                if w <= 0.0 {
                    continue;
                }
                let bind = Bindings::new(who, target);
                let open = if c.available_on_target {
                    c.available.holds(facts, &bind)
                } else {
                    *open_to_all.get_or_insert_with(|| c.available.holds(facts, &bind))
                };
                if open && !futile(world, c, who, target) {
                    scratch.options.push((i, target, w));
                }
            }
        }
    }
    if scratch.options.is_empty() {
        return;
    }
    let total: f64 = scratch.options.iter().map(|o| o.2).sum();
    let mut x = world.resource_mut::<SimRng>().uniform(stream) * total;
    let mut pick = scratch.options.len() - 1;
    for (k, o) in scratch.options.iter().enumerate() {
        x -= o.2;
        if x < 0.0 {
            pick = k;
            break;
        }
    }
    let (i, t, w) = scratch.options[pick];
    // What the log keeps and the news says of it: nothing in a batch run,
    // which keeps outcomes, not explanations.
    let explained = world.resource::<Ledger>().keep || world.resource::<Chronicle>().texts;
    let taken = explained.then(|| Taken {
        turn: world.resource::<Ledger>().turn,
        by: who,
        decision: world.resource::<DecisionBook>().defs[i].id.clone(),
        target: t,
        by_player: false,
        weight: w,
        reasons: reasons(world, facts, i, who, t),
    });
    take(world, who, i, t, taken);
    // The world has changed: the next decider gathers again what this
    // decision may have changed.
    let c = &world.resource::<DecisionBook>().compiled[i];
    scratch.stale |= c.touches;
    // Of the states' part, only the rows its effects may change.
    let bind = Bindings::new(who, t);
    for e in &c.effects {
        scratch.stale_rows.add(e.rows(&bind));
    }
}

/// A decision as the player sees it: cost, target, whether it is open now,
/// and what it is expected to do.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionView {
    pub id: String,
    /// Its name and description, as the catalogue's translation has them.
    pub name: Arg,
    pub description: Arg,
    pub cost: u32,
    pub target: Option<String>,
    /// What it is aimed at, for the front end to name.
    pub target_name: Option<Arg>,
    /// Why it cannot be taken now, if it cannot.
    pub refused: Option<Said>,
    /// Closed only because this month's capital is spent or reserved:
    /// worth showing, as next month it may be taken.
    pub short_of_capital: bool,
    /// Each effect: "Legitimacy +5 (60 %, in 2 months)".
    pub expected: Vec<Said>,
}

/// Every decision open to `state`, with each target.
pub fn options_for(world: &World, state: StateIdx) -> Vec<DecisionView> {
    let queued: f64 = world
        .resource::<DecisionQueue>()
        .0
        .iter()
        .filter(|(s, ..)| *s == state)
        .map(|(_, i, _)| world.resource::<DecisionBook>().defs[*i].cost as f64)
        .sum();
    let book = world.resource::<DecisionBook>();
    let reg = world.resource::<Registry>();
    let facts = Facts::of(world);
    let mut out = Vec::new();
    let mut aims = Vec::new();
    for (i, def) in book.defs.iter().enumerate() {
        if def.by != Decider::Government {
            continue;
        }
        targets_into(&facts, Who::State(state), def.target, &mut aims);
        for &t in &aims {
            let refused = refusal_in(world, &facts, state, i, t, queued);
            // Closed, but open with capital to spend: for want of capital.
            let short_of_capital =
                refused.is_some() && refusal_in(world, &facts, state, i, t, f64::NEG_INFINITY).is_none();
            out.push(DecisionView {
                id: def.id.clone(),
                name: said::scenario_text(decision_key(&def.id, "name"), &def.name),
                description: said::scenario_text(decision_key(&def.id, "description"), &def.description),
                cost: def.cost,
                target: t.map(|t| target_code(reg, t)),
                target_name: t.map(target_arg),
                refused,
                short_of_capital,
                expected: def
                    .effects
                    .iter()
                    .map(|o| describe(world, &o.effect, o.chance, o.delay, state, t))
                    .collect(),
            });
        }
    }
    out
}

/// Queues a decision of one of the human-played states (a person's comes
/// through `inputs::apply`, which logs it).
pub fn decide_as(world: &mut World, state: StateIdx, id: &str, target: Option<&str>) -> Result<(), Said> {
    if !world.resource::<crate::sim::world::players::Humans>().plays(state) {
        return Err(Said::new("input-decision-not-played"));
    }
    let Some(i) = world.resource::<DecisionBook>().index(id) else {
        return Err(Said::new("input-no-decision").name("id", id));
    };
    if world.resource::<DecisionBook>().defs[i].by != Decider::Government {
        return Err(Said::new("input-power-decision").name("id", id));
    }
    let kind = world.resource::<DecisionBook>().defs[i].target;
    let reg = world.resource::<Registry>();
    let t = match (kind, target) {
        (TargetKind::None, None) => None,
        (TargetKind::None, Some(_)) => return Err(Said::new("input-no-target").name("id", id)),
        (_, None) => {
            return Err(Said::new("input-needs-target").name("id", id).term(
                "kind",
                "target-kind",
                target_kind_id(kind),
            ));
        }
        (TargetKind::Power, Some(code)) => Some(Target::Power(
            reg.power(code)
                .ok_or_else(|| Said::new("input-no-power").name("id", code))?,
        )),
        (TargetKind::OwnBloc | TargetKind::OtherBloc, Some(code)) => Some(Target::Bloc(
            reg.bloc(code)
                .ok_or_else(|| Said::new("input-no-bloc").name("id", code))?,
        )),
        (_, Some(code)) => Some(Target::State(
            reg.state(code)
                .ok_or_else(|| Said::new("input-no-state").name("id", code))?,
        )),
    };
    let queued: f64 = world
        .resource::<DecisionQueue>()
        .0
        .iter()
        .filter(|(s, ..)| *s == state)
        .map(|(_, k, _)| world.resource::<DecisionBook>().defs[*k].cost as f64)
        .sum();
    if let Some(why) = refusal(world, state, i, t, queued) {
        return Err(why);
    }
    world.resource_mut::<DecisionQueue>().0.push((state, i, t));
    Ok(())
}

/// Takes back a decision queued for the coming turn (the first queued
/// with this id and target); its capital is free again.
pub fn withdraw_as(world: &mut World, state: StateIdx, id: &str, target: Option<&str>) -> Result<(), Said> {
    let reg = world.resource::<Registry>();
    let book = world.resource::<DecisionBook>();
    let queue = &world.resource::<DecisionQueue>().0;
    let Some(k) = queue.iter().position(|(s, i, t)| {
        *s == state && book.defs[*i].id == id && t.map(|t| target_code(reg, t)).as_deref() == target
    }) else {
        return Err(Said::new("input-not-queued").name("id", id));
    };
    world.resource_mut::<DecisionQueue>().0.remove(k);
    Ok(())
}

/// An effect as the player choosing sees it.
fn describe(world: &World, effect: &Effect, chance: f64, delay: u32, me: StateIdx, t: Option<Target>) -> Said {
    let reg = world.resource::<Registry>();
    let d = &world.resource::<crate::rules::Rules>().diplomacy;
    let target_state = match t {
        Some(Target::State(s)) => Some(s),
        _ => None,
    };
    let who = |code: &str| match code {
        "$self" => Arg::State(me),
        "$target" => t.map_or_else(|| Arg::Name(String::new()), target_arg),
        other => reg
            .state(other)
            .map_or_else(|| Arg::Name(other.to_string()), Arg::State),
    };
    let what = match effect {
        Effect::Change {
            state,
            indicator,
            delta,
        } => Said::new("effect-change")
            .with("state", who(state))
            .term("indicator", "indicator", indicator.snake())
            .num("delta", *delta),
        Effect::StartPartnership { kind, .. } => Said::new("effect-talks").term("kind", "partnership", kind.snake()),
        Effect::ExpelForces { .. } => Said::new("effect-expel"),
        Effect::VisitPower { .. } => Said::new("effect-standing").num("delta", d.visit_alignment),
        Effect::VisitState { .. } => Said::new("effect-relations").num("delta", d.visit_relations),
        Effect::JointStatement { .. } => Said::new("effect-relations").num("delta", d.statement_relations),
        Effect::RecallAmbassador { .. } => Said::new("effect-relations").num("delta", d.recall_ambassador),
        Effect::CloseBorder { .. } => Said::new("effect-border-closes"),
        Effect::OpenBorder { .. } => Said::new("effect-border-opens"),
        Effect::AnnounceWithdrawal { .. } => Said::new("effect-withdrawal"),
        Effect::JoinBloc { .. } => Said::new("effect-membership"),
        Effect::BanGrainExports { .. } => Said::new("effect-grain-ban"),
        Effect::LiftGrainExportBan { .. } => Said::new("effect-grain-resume"),
        Effect::EndPartnership { kind, .. } => {
            Said::new("effect-partnership-ends").term("kind", "partnership", kind.snake())
        }
        Effect::AdvancePartnership { .. } => Said::new("effect-talks-advance"),
        Effect::UrgeSanctions { other, .. } => Said::new("effect-urge-sanctions").with("state", who(other)),
        Effect::UrgeLifting { other, .. } => Said::new("effect-urge-lifting").with("state", who(other)),
        Effect::AskMediation { .. } => match target_state {
            Some(b) => match crate::sim::world::actions::best_mediator(world, me, b) {
                Some(m) => Said::new("effect-mediation-by")
                    .state("mediator", m)
                    .state("first", me)
                    .state("second", b)
                    .num("delta", d.mediation),
                None => Said::new("effect-mediation-nobody")
                    .state("first", me)
                    .state("second", b),
            },
            None => Said::new("effect-mediation-any"),
        },
        Effect::OfferMediation { .. } => match target_state {
            Some(b) => match crate::sim::world::actions::worst_relation(world, b, me) {
                Some(x) => Said::new("effect-mediation-offered")
                    .state("mediator", me)
                    .state("first", b)
                    .state("second", x)
                    .num("delta", d.mediation)
                    .num("gain", d.mediator_gain),
                None => Said::new("effect-mediation-no-quarrel").state("state", b),
            },
            None => Said::new("effect-mediation-neighbour"),
        },
        Effect::ProposePact { .. } => match target_state {
            Some(b) if world.resource::<crate::sim::world::players::Humans>().plays(b) => {
                Said::new("effect-pact-asked").state("state", b)
            }
            Some(b) => Said::new("effect-pact-if")
                .state("state", b)
                .num("needed", world.resource::<crate::rules::Rules>().blocs.form_relations)
                .num(
                    "now",
                    world
                        .resource::<crate::sim::world::relations::Relations>()
                        .get(me, b)
                        .round(),
                ),
            None => Said::new("effect-pact-any"),
        },
        Effect::SuspendMember { state, .. } => Said::new("effect-suspend").with("state", who(state)),
        Effect::ReinstateMember { state, .. } => Said::new("effect-reinstate").with("state", who(state)),
        Effect::FoundPact { id, name: pact, .. } => {
            Said::new("effect-pact-founded").with("pact", said::scenario_text(said::text_key("bloc", id), pact))
        }
        Effect::Confederate { .. } => Said::new("effect-confederation"),
        Effect::Relate { other, delta, .. } => Said::new("effect-relations-with")
            .with("state", who(other))
            .num("delta", *delta),
        Effect::Align { power, delta, .. } => Said::new("effect-standing-toward")
            .with(
                "power",
                match power.as_str() {
                    "$target" => t.map_or_else(|| Arg::Name(String::new()), target_arg),
                    p => reg.power(p).map_or_else(|| Arg::Name(p.to_string()), Arg::Power),
                },
            )
            .num("delta", *delta),
        Effect::AdvanceProject { project: Some(p), .. } => {
            Said::new("effect-project").term("project", "project", p.snake())
        }
        Effect::AdvanceProject { project: None, .. } => Said::new("effect-project-any"),
        Effect::DiscreditRivals { delta, .. } => Said::new("effect-discredit").num("delta", *delta),
        other => Said::new("effect-other").name("effect", other.name()),
    };
    match (chance < 1.0, delay > 0) {
        (false, false) => what,
        (true, false) => Said::new("effect-with-chance")
            .said("what", what)
            .num("percent", (chance * 100.0).round()),
        (false, true) => Said::new("effect-with-delay")
            .said("what", what)
            .num("months", f64::from(delay)),
        (true, true) => Said::new("effect-with-chance-delay")
            .said("what", what)
            .num("percent", (chance * 100.0).round())
            .num("months", f64::from(delay)),
    }
}

/// A new game's catalogue, agendas and purses.
fn set_up(world: &mut World, scenario: &Scenario) {
    let file = &scenario.file;
    // A scenario's decisions were validated with the scenario.
    let catalogue = &scenario.catalogue;
    let reg = world.resource::<Registry>();
    let mut agendas: Vec<(Entity, Priorities)> = Vec::new();
    for p in &file.powers {
        if let Some(idx) = reg.power(&p.id) {
            agendas.push((reg.power_entity(idx), priorities(catalogue, &p.agenda.priorities)));
        }
    }
    for s in &file.states {
        if let Some(idx) = reg.state(&s.id) {
            agendas.push((reg.state_entity(idx), priorities(catalogue, &s.agenda.priorities)));
        }
    }
    for (e, p) in agendas {
        world.entity_mut(e).insert(p);
    }
    // Compiled once for a scenario in this world, not once a run.
    let reg = world.resource::<Registry>();
    let kept = world
        .get_resource::<DecisionBook>()
        .filter(|book| book.fits(catalogue, reg))
        .cloned();
    let book = kept.unwrap_or_else(|| DecisionBook::new(catalogue.clone(), reg));
    world.insert_resource(book);
    // Every government and power starts with two months' worth of capital.
    let r = &scenario.rules.decisions;
    world.insert_resource(Capital(vec![2.0 * r.capital_per_turn; file.states.len()]));
    world.insert_resource(Influence(vec![2.0 * r.influence_per_turn; file.powers.len()]));
    world.insert_resource(DecisionQueue::default());
    world.insert_resource(PendingEffects::default());
    world.insert_resource(DecisionLog::default());
}

/// An agenda's priorities resolved to decision indices (validated: every
/// id is in the catalogue).
fn priorities(catalogue: &[DecisionDef], list: &[Priority]) -> Priorities {
    let mut out: Vec<(u16, f64, String)> = list
        .iter()
        .filter_map(|p| {
            let i = catalogue.iter().position(|d| d.id == p.decision)?;
            Some((i as u16, p.boost, p.why.clone()))
        })
        .collect();
    out.sort_by_key(|p| p.0);
    // One entry per decision: the first written counts.
    out.dedup_by_key(|p| p.0);
    Priorities(out)
}
