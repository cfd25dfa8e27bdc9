//! Goals of the playable states: each is judged at the end of every turn,
//! defeat first, and once decided stays decided. Every playable state's
//! goals are judged, played or not, so that observer games and batch runs
//! can say who would have won.

use bevy::prelude::*;
use serde::Serialize;

use crate::scenario::format::{Cmp, Condition, GoalDef};
use crate::sim::schedule::{SetUpPhase, SetUpSteps, TurnPhase, TurnSchedule};
use crate::sim::script::{Bindings, Cond, FactCache, Facts};
use crate::sim::world::chronicle::{Chronicle, NewsBuilder, NewsKind};
use crate::sim::world::players::PlayedBy;
use crate::sim::world::registry::{Clock, Registry};
use crate::sim::world::said::{self, Arg, Said};

pub(crate) fn plugin(app: &mut App) {
    crate::sim::world::snapshot::Kept::resource::<GoalBook>(app);
    SetUpSteps::add(app, SetUpPhase::Resources, |world, scenario| {
        let book = GoalBook::new(&scenario.file.goals, world.resource::<Registry>());
        world.insert_resource(book);
    });
    app.add_systems(TurnSchedule, judge_goals.in_set(TurnPhase::Goals));
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    Open,
    Won { turn: u32 },
    Lost { turn: u32 },
}

/// The scenario's goals and how each stands.
#[derive(Debug, Clone, Resource, Default)]
pub struct GoalBook {
    pub defs: Vec<GoalDef>,
    pub status: Vec<GoalStatus>,
    /// Each goal's defeat and victory, compiled.
    judged: Vec<(Cond, Cond)>,
}

impl GoalBook {
    pub fn new(defs: &[GoalDef], reg: &Registry) -> Self {
        Self {
            defs: defs.to_vec(),
            status: vec![GoalStatus::Open; defs.len()],
            judged: defs
                .iter()
                .map(|d| (Cond::compile(&d.defeat, reg), Cond::compile(&d.victory, reg)))
                .collect(),
        }
    }
}

/// A goal as reports and interfaces show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalView {
    pub state: String,
    pub name: String,
    pub description: String,
    pub status: GoalStatus,
}

pub fn goals(world: &World) -> Vec<GoalView> {
    let book = world.resource::<GoalBook>();
    book.defs
        .iter()
        .zip(&book.status)
        .map(|(d, s)| GoalView {
            state: d.state.clone(),
            name: d.name.clone(),
            description: d.description.clone(),
            status: *s,
        })
        .collect()
}

fn judge_goals(world: &mut World, mut facts: Local<FactCache>) {
    let turn = world.resource::<Clock>().turn + 1;
    if world
        .resource::<GoalBook>()
        .status
        .iter()
        .all(|s| *s != GoalStatus::Open)
    {
        return;
    }
    // Goals never draw random numbers (the validator forbids `Chance`),
    // and judging them changes nothing: all are judged on one gathering.
    let facts = facts.gather(world);
    for i in 0..world.resource::<GoalBook>().defs.len() {
        let status = {
            let book = world.resource::<GoalBook>();
            if book.status[i] != GoalStatus::Open {
                continue;
            }
            let (defeat, victory) = &book.judged[i];
            if defeat.holds(facts, &Bindings::NONE) {
                GoalStatus::Lost { turn }
            } else if victory.holds(facts, &Bindings::NONE) {
                GoalStatus::Won { turn }
            } else {
                continue;
            }
        };
        world.resource_mut::<GoalBook>().status[i] = status;
        let def = world.resource::<GoalBook>().defs[i].clone();
        // Only the player hears of goals as news; every goal is in reports.
        let reg = world.resource::<Registry>();
        let Some(s) = reg.state(&def.state) else { continue };
        if !world.resource::<crate::sim::world::players::Humans>().plays(s) {
            continue;
        }
        let (kind, id) = match status {
            GoalStatus::Won { .. } => (NewsKind::GoalReached, "news-goal-reached"),
            _ => (NewsKind::GoalFailed, "news-goal-failed"),
        };
        let text = Said::new(id)
            .state("state", s)
            .with("goal", said::scenario_text(goal_key(&def, "name"), &def.name));
        let date = world.resource::<Clock>().date();
        NewsBuilder::new(turn, date, kind, text)
            .state(s)
            .post(&mut world.resource_mut::<Chronicle>());
    }
}

/// Whether the player's state has goals and none is left open.
pub fn player_done(world: &World) -> bool {
    let Some(s) = world.resource::<PlayedBy>().0 else {
        return false;
    };
    let code = world.resource::<Registry>().state_code(s).to_string();
    let book = world.resource::<GoalBook>();
    let mine: Vec<GoalStatus> = book
        .defs
        .iter()
        .zip(&book.status)
        .filter(|(d, _)| d.state == code)
        .map(|(_, st)| *st)
        .collect();
    !mine.is_empty() && mine.iter().all(|st| *st != GoalStatus::Open)
}

/// A goal with where each of its conditions stands now.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalProgress {
    /// Its name and description, as the scenario's translation has them.
    pub name: Arg,
    pub description: Arg,
    pub status: GoalStatus,
    /// Each condition of the victory, for the front end to put into
    /// words, and whether it holds now.
    pub victory: Vec<(Said, bool)>,
    pub defeat: Vec<(Said, bool)>,
    /// The player's decisions that move the goal's way ("levers"), by
    /// name, each with what it moves.
    pub levers: Vec<(Arg, Said)>,
}

/// The goals of one state, with their progress.
pub fn progress(world: &World, state: &str) -> Vec<GoalProgress> {
    let book = world.resource::<GoalBook>();
    // Gathered once for every condition shown (the window asks each frame).
    let facts = Facts::of(world);
    book.defs
        .iter()
        .zip(&book.status)
        .filter(|(d, _)| d.state == state)
        .map(|(d, st)| {
            let mut victory = Vec::new();
            let mut defeat = Vec::new();
            leaves(world, &facts, &d.victory, &mut victory);
            leaves(world, &facts, &d.defeat, &mut defeat);
            // What winning needs, and what losing needs not to happen.
            let mut wants = Vec::new();
            wanted(&d.victory, false, &mut wants);
            wanted(&d.defeat, true, &mut wants);
            GoalProgress {
                name: said::scenario_text(goal_key(d, "name"), &d.name),
                description: said::scenario_text(goal_key(d, "description"), &d.description),
                status: *st,
                victory,
                defeat,
                levers: levers(world, state, &wants),
            }
        })
        .collect()
}

/// The simple conditions inside `c`, each with whether `c` wants it to
/// hold (`true`) or not (`false`, under an odd number of `Not`s; start
/// with `negated` for a condition wanted false, as a defeat is).
fn wanted<'a>(c: &'a Condition, negated: bool, out: &mut Vec<(&'a Condition, bool)>) {
    match c {
        Condition::All(list) | Condition::Any(list) => list.iter().for_each(|x| wanted(x, negated, out)),
        Condition::Not(inner) => wanted(inner, !negated, out),
        leaf => out.push((leaf, !negated)),
    }
}

/// The decisions of the catalogue that move a goal's conditions the way
/// it wants, read from their effects: an indicator raised or lowered as a
/// threshold needs; a leader kept (coup-proofing, army loyalty, stability
/// raised); sanctions lifted; a bloc joined or left; a partnership sought;
/// relations mended or cut. At most eight, in catalogue order.
fn levers(world: &World, state: &str, wants: &[(&Condition, bool)]) -> Vec<(Arg, Said)> {
    use crate::scenario::format::{Decider, Effect, Indicator};
    let book = world.resource::<crate::sim::mechanisms::decisions::DecisionBook>();
    let own = |s: &str| s == "$self" || s == state;
    let mut out: Vec<(Arg, Said)> = Vec::new();
    let mut named: Vec<&str> = Vec::new();
    for def in book.defs.iter().filter(|d| d.by == Decider::Government) {
        let why = def.effects.iter().find_map(|o| {
            wants.iter().find_map(|(c, holds)| match (c, &o.effect) {
                (
                    Condition::Indicator {
                        state: s,
                        indicator,
                        cmp,
                        ..
                    },
                    Effect::Change {
                        state: t,
                        indicator: i,
                        delta,
                    },
                ) if own(s) && own(t) && indicator == i => {
                    let up = matches!(cmp, Cmp::AtLeast | Cmp::Above) == *holds;
                    ((*delta > 0.0) == up).then(|| {
                        Said::new("lever-indicator")
                            .term("indicator", "indicator", i.snake())
                            .num("delta", *delta)
                    })
                }
                (
                    Condition::Leader { state: s, .. },
                    Effect::Change {
                        state: t,
                        indicator: i,
                        delta,
                    },
                ) if *holds
                    && own(s)
                    && own(t)
                    && *delta > 0.0
                    && matches!(
                        i,
                        Indicator::CoupProofing | Indicator::MilitaryLoyalty | Indicator::Stability
                    ) =>
                {
                    Some(
                        Said::new("lever-guards")
                            .term("indicator", "indicator", i.snake())
                            .num("delta", *delta),
                    )
                }
                (
                    Condition::Sanctioned { state: s, .. },
                    Effect::UrgeLifting { other: t, .. } | Effect::LiftSanctions { state: t, .. },
                ) if !*holds && own(s) && own(t) => Some(Said::new("lever-sanctions-lifted")),
                (Condition::Member { state: s, .. }, Effect::JoinBloc { .. }) if *holds && own(s) => {
                    Some(Said::new("lever-membership"))
                }
                (Condition::Member { state: s, .. }, Effect::AnnounceWithdrawal { .. }) if !*holds && own(s) => {
                    Some(Said::new("lever-withdrawal"))
                }
                (Condition::Partnership { state: s, kind, .. }, Effect::StartPartnership { kind: k, .. })
                    if *holds && own(s) && kind.is_none_or(|x| x == *k) =>
                {
                    Some(Said::new("lever-talks").term("kind", "partnership", k.snake()))
                }
                (
                    Condition::Relation { state: s, cmp, .. },
                    Effect::VisitState { .. } | Effect::JointStatement { .. } | Effect::AskMediation { .. },
                ) if own(s) && (matches!(cmp, Cmp::AtLeast | Cmp::Above) == *holds) => {
                    Some(Said::new("lever-relations"))
                }
                _ => None,
            })
        });
        if let Some(why) = why
            && !named.contains(&def.name.as_str())
        {
            named.push(&def.name);
            let name = said::scenario_text(
                crate::sim::mechanisms::decisions::decision_key(&def.id, "name"),
                &def.name,
            );
            out.push((name, why));
        }
    }
    out.truncate(8);
    out
}

/// The simple conditions inside a combination, in words, each with
/// whether it holds (negated ones said as such).
fn leaves(world: &World, facts: &Facts, c: &Condition, out: &mut Vec<(Said, bool)>) {
    let mut simple = Vec::new();
    wanted(c, false, &mut simple);
    for (leaf, positive) in simple {
        let holds = Cond::compile(leaf, world.resource::<Registry>()).holds(facts, &Bindings::NONE);
        out.push((
            describe_bound(world, leaf, &Bindings::NONE, !positive),
            holds == positive,
        ));
    }
}

/// A comparison's word, as a term of the `cmp` family.
fn cmp_id(cmp: Cmp) -> &'static str {
    match cmp {
        Cmp::Below => "below",
        Cmp::AtMost => "at_most",
        Cmp::AtLeast => "at_least",
        Cmp::Above => "above",
    }
}

/// A simple condition, with the figure it compares where it has one.
pub fn describe(world: &World, c: &Condition) -> Said {
    describe_bound(world, c, &Bindings::NONE, false)
}

/// Why `c` fails for `bind` (`$self`, `$target`), in words: what is
/// missing ("Niger–Mali relations at least 20 (now 12)") and what stands
/// in the way ("Niger has a security contractor deployment with Russia").
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Unmet {
    pub missing: Vec<Said>,
    pub in_the_way: Vec<Said>,
}

impl Unmet {
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.in_the_way.is_empty()
    }

    /// "needs …; not while …".
    pub fn sentence(&self) -> Said {
        let list = |l: &[Said]| Arg::List(l.iter().cloned().map(|x| Arg::Said(Box::new(x))).collect());
        let either = |l: &[Said]| Arg::AnyOf(l.iter().cloned().map(|x| Arg::Said(Box::new(x))).collect());
        match (self.missing.is_empty(), self.in_the_way.is_empty()) {
            (false, true) => Said::new("unmet-needs").with("needs", list(&self.missing)),
            (true, false) => Said::new("unmet-not-while").with("blocking", either(&self.in_the_way)),
            _ => Said::new("unmet-both")
                .with("needs", list(&self.missing))
                .with("blocking", either(&self.in_the_way)),
        }
    }
}

pub fn unmet(world: &World, facts: &Facts, c: &Condition, bind: &Bindings) -> Unmet {
    let mut out = Unmet::default();
    unmet_into(world, facts, c, bind, false, &mut out);
    out
}

fn unmet_into(world: &World, facts: &Facts, c: &Condition, bind: &Bindings, negated: bool, out: &mut Unmet) {
    let holds = |c: &Condition| Cond::compile(c, world.resource::<Registry>()).holds(facts, bind);
    match c {
        // Every part is needed (under a negation, Any plays All's part).
        Condition::All(list) if !negated => list.iter().for_each(|x| unmet_into(world, facts, x, bind, false, out)),
        Condition::Any(list) if negated => list.iter().for_each(|x| unmet_into(world, facts, x, bind, true, out)),
        // One part would do: name the first that fails.
        Condition::All(list) | Condition::Any(list) => {
            if let Some(x) = list.iter().find(|x| holds(x) == negated) {
                unmet_into(world, facts, x, bind, negated, out);
            }
        }
        Condition::Not(inner) => unmet_into(world, facts, inner, bind, !negated, out),
        leaf => {
            if holds(leaf) == negated {
                // What must not hold is said as what does.
                let text = describe_bound(world, leaf, bind, false);
                if negated {
                    out.in_the_way.push(text);
                } else {
                    out.missing.push(text);
                }
            }
        }
    }
}

/// A simple condition (`negated`: what must not hold), with `$self` and
/// `$target` standing for what `bind` says and the figure it compares
/// where it has one: "Burkina Faso–Mali relations at least 20 (now 12)",
/// "Niger no longer under ECOWAS sanctions".
pub fn describe_bound(world: &World, c: &Condition, bind: &Bindings, negated: bool) -> Said {
    use crate::sim::script::{Target, Who};
    let reg = world.resource::<Registry>();
    let code = |x: &str| -> String {
        let t = match x {
            "$self" => bind.me.map(|w| match w {
                Who::State(s) => Target::State(s),
                Who::Power(p) => Target::Power(p),
            }),
            "$target" => bind.target,
            _ => None,
        };
        t.map_or_else(
            || x.to_string(),
            |t| crate::sim::mechanisms::decisions::target_code(reg, t),
        )
    };
    // A reference as an argument: what it names, else the id as written.
    let state = |x: &str| reg.state(&code(x));
    let st = |x: &str| state(x).map_or_else(|| Arg::Name(code(x)), Arg::State);
    let pw = |x: &str| reg.power(&code(x)).map_or_else(|| Arg::Name(code(x)), Arg::Power);
    let bl = |x: &str| reg.bloc(&code(x)).map_or_else(|| Arg::Name(code(x)), Arg::Bloc);
    // The plain facts have a wording of their own when negated.
    let plain = |id: &'static str, not: &'static str| Said::new(if negated { not } else { id });
    let fact = match c {
        Condition::Leader { state: s, leader } => Some(
            plain("cond-leader", "cond-leader-not")
                .name("leader", leader.as_str())
                .with("state", st(s)),
        ),
        Condition::Member { state: s, bloc: b } => Some(
            plain("cond-member", "cond-member-not")
                .with("state", st(s))
                .with("bloc", bl(b)),
        ),
        Condition::Suspended { state: s, bloc: b } => Some(
            plain("cond-suspended", "cond-suspended-not")
                .with("state", st(s))
                .with("bloc", bl(b)),
        ),
        Condition::Sanctioned {
            state: s,
            bloc: Some(b),
        } => Some(
            plain("cond-sanctioned-by", "cond-sanctioned-by-not")
                .with("state", st(s))
                .with("bloc", bl(b)),
        ),
        Condition::Sanctioned { state: s, bloc: None } => {
            Some(plain("cond-sanctioned", "cond-sanctioned-not").with("state", st(s)))
        }
        Condition::Talks { state: s, power: p } => Some(
            plain("cond-talks", "cond-talks-not")
                .with("state", st(s))
                .with("power", pw(p)),
        ),
        Condition::Regime { state: s, kind } => Some(
            plain("cond-regime", "cond-regime-not")
                .with("state", st(s))
                .term("regime", "cond-regime", kind.snake()),
        ),
        Condition::Partnership {
            state: s,
            power: p,
            kind,
            ..
        } => Some(
            match kind {
                Some(k) => plain("cond-partnership", "cond-partnership-not").term("kind", "partnership", k.snake()),
                None => plain("cond-partnership-any", "cond-partnership-any-not"),
            }
            .with("state", st(s))
            .with("power", pw(p)),
        ),
        Condition::Offers { power: p, kind } => Some(
            plain("cond-offers", "cond-offers-not")
                .with("power", pw(p))
                .term("kind", "partnership", kind.snake()),
        ),
        Condition::Exports { state: s, export } => {
            Some(plain("cond-exports", "cond-exports-not").with("state", st(s)).with(
                "export",
                said::scenario_text(said::text_key("export", export.name()), &export.name().to_lowercase()),
            ))
        }
        _ => None,
    };
    if let Some(said) = fact {
        return said;
    }
    let said = match c {
        Condition::Indicator {
            state: s,
            indicator,
            cmp,
            value,
        } => {
            let now = state(s)
                .map(|s| crate::sim::world::components::read_indicator(world.entity(reg.state_entity(s)), *indicator))
                .unwrap_or(0.0);
            Said::new("cond-indicator")
                .with("state", st(s))
                .term("indicator", "indicator", indicator.snake())
                .term("cmp", "cmp", cmp_id(*cmp))
                .num("value", *value)
                .num("now", now.round())
        }
        Condition::Elapsed(n) => Said::new("cond-elapsed")
            .num("months", f64::from(*n))
            .num("now", f64::from(world.resource::<Clock>().turn)),
        Condition::ProjectsOpen { bloc: b } => Said::new("cond-projects-open").with("bloc", bl(b)),
        Condition::Courts { power: p, state: s } => Said::new("cond-courts").with("power", pw(p)).with("state", st(s)),
        Condition::Wants { power: p, state: s } => Said::new("cond-wants").with("power", pw(p)).with("state", st(s)),
        Condition::TowardRivals {
            state: s,
            power: p,
            cmp,
            value,
        } => Said::new("cond-toward-rivals")
            .with("state", st(s))
            .with("power", pw(p))
            .term("cmp", "cmp", cmp_id(*cmp))
            .num("value", *value),
        Condition::SpareCapacity { power: p } => Said::new("cond-spare-capacity").with("power", pw(p)),
        Condition::Conditionality { power: p, cmp, value } => Said::new("cond-conditionality")
            .with("power", pw(p))
            .term("cmp", "cmp", cmp_id(*cmp))
            .num("value", *value),
        Condition::Relation {
            state: s,
            other,
            cmp,
            value,
        } => {
            let now = match (state(s), state(other)) {
                (Some(a), Some(b)) => world.resource::<crate::sim::world::relations::Relations>().get(a, b),
                _ => 0.0,
            };
            Said::new("cond-relation")
                .with("state", st(s))
                .with("other", st(other))
                .term("cmp", "cmp", cmp_id(*cmp))
                .num("value", *value)
                .num("now", now.round())
        }
        Condition::Members { bloc: b, cmp, value } => Said::new("cond-members")
            .with("bloc", bl(b))
            .term("cmp", "cmp", cmp_id(*cmp))
            .num("value", *value),
        Condition::Project { bloc: b, project } => {
            Said::new("cond-project")
                .with("bloc", bl(b))
                .term("project", "project", project.snake())
        }
        Condition::Alignment {
            state: s,
            power: p,
            cmp,
            value,
        } => {
            let now = match (state(s), reg.power(&code(p))) {
                (Some(s), Some(p)) => world
                    .get::<crate::sim::world::components::Alignment>(reg.state_entity(s))
                    .and_then(|a| a.0.get(p.0 as usize).copied())
                    .unwrap_or(0.0),
                _ => 0.0,
            };
            Said::new("cond-alignment")
                .with("state", st(s))
                .with("power", pw(p))
                .term("cmp", "cmp", cmp_id(*cmp))
                .num("value", *value)
                .num("now", now.round())
        }
        Condition::Start => Said::new("cond-start"),
        Condition::Date(d) => Said::new("cond-date").date("date", *d),
        Condition::From(d) => Said::new("cond-from").date("date", *d),
        Condition::Before(d) => Said::new("cond-before").date("date", *d),
        Condition::Chance(p) => Said::new("cond-chance").num("percent", (p * 100.0).round()),
        _ => Said::new("cond-combination"),
    };
    if negated {
        Said::new("cond-not").said("cond", said)
    } else {
        said
    }
}

/// The key of a goal's text in a scenario's translations:
/// `goal-STATE-HASH-name`, `…-description`, the hash that of its name, so
/// that goals added or reordered keep their translations (a goal renamed
/// needs its translation again, which `validate` says).
pub fn goal_key(def: &GoalDef, part: &str) -> String {
    said::part_key("goal", &format!("{}-{}", def.state, said::short_hash(&def.name)), part)
}
