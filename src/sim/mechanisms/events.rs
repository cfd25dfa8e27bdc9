//! Scripted events: the scenario author's triggers and effects, checked at
//! the start of every turn; and, with the history option, the record's
//! turning points on their dates (`history` in the scenario file).

use std::collections::BTreeMap;
use std::sync::Arc;

use bevy::prelude::*;

use crate::scenario::Scenario;
use crate::scenario::format::{Condition, Effect, EventDef};
use crate::sim::schedule::{SetUpPhase, SetUpSteps, TurnPhase, TurnSchedule};
use crate::sim::script::Bindings;
use crate::sim::script::effect::{Eff, apply};
use crate::sim::script::{Cond, FactCache};
use crate::sim::world::chronicle::{Chronicle, NewsBuilder, NewsKind};
use crate::sim::world::components::*;
use crate::sim::world::course::Course;
use crate::sim::world::ledger::{Actor, Cause, Ledger, Mechanism};
use crate::sim::world::players::Humans;
use crate::sim::world::registry::{Clock, Registry};
use crate::sim::world::rng::{SimRng, Stream};
use crate::sim::world::said::{self, Arg, Said};
use crate::sim::world::turn::Prologue;

pub(crate) fn plugin(app: &mut App) {
    crate::sim::world::snapshot::Kept::resource::<EventBook>(app);
    crate::sim::world::snapshot::Kept::resource::<OpenChoices>(app);
    crate::sim::world::snapshot::Kept::resource::<Course>(app);
    app.init_resource::<Course>();
    SetUpSteps::add(app, SetUpPhase::Resources, |world, scenario| {
        let mut book = EventBook::new(&scenario.file.events, world.resource::<Registry>());
        let course = on_the_record(scenario);
        if course.until.is_some() {
            book.add_turning_points(scenario, world.resource::<Registry>());
        }
        world.insert_resource(book);
        world.insert_resource(course);
        world.insert_resource(OpenChoices::default());
    });
    SetUpSteps::add(app, SetUpPhase::Prologue, |world, _| run_prologue(world));
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
    /// Each event's effects, and each of its choices' effects, compiled
    /// (shared, so that firing one does not copy them).
    effects: Vec<Arc<[Eff]>>,
    choice_effects: Vec<Vec<Arc<[Eff]>>>,
    /// Whether it is a turning point of the record (fired only while the
    /// record runs), and each one's source.
    recorded: Vec<bool>,
    sources: Vec<Option<String>>,
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
            effects: defs.iter().map(|d| compile_all(&d.effects, reg)).collect(),
            choice_effects: defs
                .iter()
                .map(|d| d.choices.iter().map(|c| compile_all(&c.effects, reg)).collect())
                .collect(),
            recorded: vec![false; defs.len()],
            sources: vec![None; defs.len()],
        }
    }

    /// Adds the record's turning points after the scenario's own events,
    /// each as a headline dated to its month.
    fn add_turning_points(&mut self, scenario: &Scenario, reg: &Registry) {
        let Some(h) = &scenario.file.history else {
            return;
        };
        for (k, p) in h.points.iter().enumerate() {
            let def = EventDef {
                id: format!("history:{}:{k}", p.month),
                title: Some(p.title.clone()),
                when: Condition::Date(p.month),
                once: true,
                headline: true,
                effects: p.effects.clone(),
                chooser: None,
                choices: Vec::new(),
            };
            let i = self.defs.len();
            self.by_id.insert(def.id.clone(), i);
            self.fired.push(false);
            self.this_turn.push(false);
            self.when.push(Cond::compile(&def.when, reg));
            self.calendar.push(true);
            self.effects.push(compile_all(&def.effects, reg));
            self.choice_effects.push(Vec::new());
            self.recorded.push(true);
            self.sources.push(Some(p.source.clone()));
            self.defs.push(def);
        }
    }
}

impl EventBook {
    /// The source of the record's turning point this headline announces.
    pub fn source_of(&self, headline: &Said) -> Option<&str> {
        let Some(Arg::Text { key, .. }) = headline.arg("title") else {
            return None;
        };
        self.defs
            .iter()
            .zip(&self.sources)
            .find(|(d, s)| s.is_some() && event_key(&d.id, "title") == *key)
            .and_then(|(_, s)| s.as_deref())
    }

    /// Whether event `i` is a turning point of the record.
    pub fn is_recorded(&self, i: usize) -> bool {
        self.recorded.get(i).copied().unwrap_or(false)
    }
}

/// The record's course for a new game: until the record's last month with
/// the history option, none without.
fn on_the_record(scenario: &Scenario) -> Course {
    Course {
        until: scenario
            .file
            .history
            .as_ref()
            .filter(|_| scenario.history)
            .map(|h| h.until),
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
pub fn answer_choice(world: &mut World, event: &str, option: usize) -> Result<(), Said> {
    let Some(&i) = world.resource::<EventBook>().by_id.get(event) else {
        return Err(Said::new("input-no-event").name("id", event));
    };
    let options = world.resource::<EventBook>().defs[i].choices.len();
    let mut open = world.resource_mut::<OpenChoices>();
    let Some(c) = open.0.iter_mut().find(|c| c.event == i) else {
        return Err(Said::new("input-choice-closed").name("id", event));
    };
    if option >= options {
        return Err(Said::new("input-choice-options")
            .name("id", event)
            .num("options", options as f64));
    }
    c.answer = Some(option);
    Ok(())
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
            // A person's answer was logged when given (`inputs::apply`).
            let option = match c.answer {
                Some(k) => k,
                None => ai_pick(world, &book.defs[c.event]),
            };
            choose(world, &mut book, c.event, option, c.answer.is_some());
        }
        // The record's turning points, only while it runs.
        let date = world.resource::<Clock>().date();
        let course = world.resource::<Course>().holds(date);
        check_events(world, &mut book, &mut facts, |recorded, _| course || !recorded, true);
    });
}

/// Fires the events whose `when` holds (among those `eligible`). The
/// world is gathered for their conditions only when one needs more than
/// the calendar, and again after an event has changed it.
/// (`skip_fired`: a `once` event already fired is not judged again.)
fn check_events(
    world: &mut World,
    book: &mut EventBook,
    facts: &mut FactCache,
    eligible: impl Fn(bool, &EventDef) -> bool,
    skip_fired: bool,
) {
    facts.facts.calendar(world);
    let mut fresh = false;
    for i in 0..book.defs.len() {
        if (skip_fired && book.defs[i].once && book.fired[i]) || !eligible(book.recorded[i], &book.defs[i]) {
            continue;
        }
        // Most scripted events are bound to a month: in any other, the
        // calendar alone rules them out.
        if book.when[i].settled_by_calendar(&facts.facts) == Some(false) {
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
    let title = Said::new("news-event").with(
        "title",
        said::scenario_text(event_key(&def.id, "title"), def.title.as_deref().unwrap_or(&def.id)),
    );
    let kind = if def.headline {
        NewsKind::Announcement
    } else {
        NewsKind::Scripted
    };
    NewsBuilder::new(turn, date, kind, title).post(&mut world.resource_mut::<Chronicle>());
    let effects = book.effects[i].clone();
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

fn compile_all(effects: &[Effect], reg: &Registry) -> Arc<[Eff]> {
    effects.iter().map(|e| Eff::compile(e, reg)).collect()
}

fn apply_effects(world: &mut World, book: &mut EventBook, i: usize, effects: &[Eff], depth: usize) {
    let cause = Cause::by(Mechanism::ScriptedEvent, Actor::Event(i as u16));
    for eff in effects {
        if let Effect::Fire(id) = &eff.effect {
            if let Some(j) = book.by_id.get(id).copied() {
                fire(world, book, j, depth + 1);
            }
        } else {
            apply(world, eff, cause, &Bindings::NONE);
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
    let Some(label) = book.defs[i].choices.get(k).map(|c| c.label.clone()) else {
        return;
    };
    if by_player
        && let Some(s) = book.defs[i]
            .chooser
            .as_deref()
            .and_then(|c| world.resource::<Registry>().state(c))
    {
        crate::sim::player::month::record_answer(
            world,
            s,
            crate::sim::player::month::Answer::Choice { event: i, option: k },
        );
    }
    let turn = world.resource::<Ledger>().turn;
    let date = world.resource::<Clock>().date();
    let who = book.defs[i]
        .chooser
        .as_deref()
        .and_then(|c| world.resource::<Registry>().state(c));
    let id = if by_player {
        "news-choice-yours"
    } else {
        "news-choice-theirs"
    };
    let mut said = Said::new(id).with(
        "choice",
        said::scenario_text(event_key(&book.defs[i].id, &format!("choice-{k}")), &label),
    );
    if let Some(s) = who {
        said = said.state("state", s);
    }
    NewsBuilder::new(turn, date, NewsKind::Scripted, said).post(&mut world.resource_mut::<Chronicle>());
    let effects = book.choice_effects[i][k].clone();
    apply_effects(world, book, i, &effects, 0);
}

/// Fires the events that greet a new game (`Start` in their `when`),
/// before the first turn. Only those: an event dated the first month still
/// fires when that month is played.
pub fn run_prologue(world: &mut World) {
    world.insert_resource(Prologue(true));
    world.resource_scope(|world, mut book: Mut<EventBook>| {
        book.this_turn.fill(false);
        // Every greeting is judged, even one another has just fired.
        let greets = |_, def: &EventDef| def.when.mentions_start();
        check_events(world, &mut book, &mut FactCache::default(), greets, false);
    });
    world.insert_resource(Prologue(false));
}

/// The key of an event's text in a scenario's translations:
/// `event-ID-title`, `event-ID-choice-0`.
pub fn event_key(id: &str, part: &str) -> String {
    said::part_key("event", id, part)
}
