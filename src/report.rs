//! Reports of a finished (or paused) game: the JSON document of `run
//! --json`, the readable text report, and a digest for determinism checks.

use std::collections::BTreeMap;
use std::fmt::Write;

use bevy::prelude::*;
use serde::Serialize;

use crate::args;
use crate::i18n::Locale;
use crate::scenario::YearMonth;
use crate::scenario::format::Indicator;
use crate::sim::Simulation;
use crate::sim::mechanisms::goals::{GoalStatus, GoalView};
use crate::sim::world::actions;
use crate::sim::world::chronicle::NewsKind;
use crate::sim::world::components::*;
use crate::sim::world::spawn::GameInfo;

#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    pub scenario: String,
    pub seed: u64,
    pub turns: u32,
    pub start: YearMonth,
    /// The last month resolved.
    pub end: YearMonth,
    pub states: Vec<StateReport>,
    pub blocs: Vec<BlocReport>,
    pub events: Vec<EventReport>,
    /// Every playable state's goals and how they stand.
    pub goals: Vec<GoalView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StateReport {
    pub id: String,
    pub name: String,
    /// Rounded to two places.
    #[serde(flatten)]
    pub indicators: IndicatorValues,
    pub grain_export_ban: bool,
    pub regime: String,
    pub leader: String,
    pub leader_since: YearMonth,
    pub blocs: Vec<String>,
    pub sanctioned_by: Vec<String>,
    pub alignment: BTreeMap<String, f64>,
    pub coups: u32,
    pub failed_coups: u32,
    pub partnerships: Vec<PartnershipReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PartnershipReport {
    pub power: String,
    pub kind: String,
    pub stage: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BlocReport {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub members: Vec<String>,
    pub suspended: Vec<String>,
    pub sanctioned: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventReport {
    pub turn: u32,
    pub date: YearMonth,
    pub kind: NewsKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub power: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bloc: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    pub text: String,
}

/// Two decimals are plenty for people and keep the JSON readable.
fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

pub fn build(sim: &Simulation) -> RunReport {
    build_world(sim.world())
}

/// The report of a game in a language: names and news in its words, ids
/// and kinds (the machine keys) the same in every language.
pub fn build_in(sim: &Simulation, loc: &Locale) -> RunReport {
    build_world_in(sim.world(), loc)
}

/// The report of the game held in a world (the window's, or a replay's),
/// in English.
pub fn build_world(world: &World) -> RunReport {
    build_world_in(world, Locale::english())
}

/// The report of the game held in a world, in a language.
pub fn build_world_in(world: &World, loc: &Locale) -> RunReport {
    build_report(world, loc, true)
}

/// The report, with its news put into words (`said`) or left without
/// (the digest reads only the facts, and a long game's news are many).
fn build_report(world: &World, loc: &Locale, said: bool) -> RunReport {
    let reg = world.resource::<crate::sim::world::registry::Registry>();
    let info = world.resource::<GameInfo>();
    let code = |s: StateIdx| reg.state_code(s).to_string();
    let mut states = Vec::new();
    for (i, listing) in reg.states.iter().enumerate() {
        let s = StateIdx(i as u16);
        let Some(e) = listing.entity else { continue };
        let e = world.entity(e);
        let (Some(eco), Some(al), Some(regime), Some(rec)) = (
            e.get::<Economy>(),
            e.get::<Alignment>(),
            e.get::<Regime>(),
            e.get::<CoupRecord>(),
        ) else {
            continue;
        };
        states.push(StateReport {
            id: listing.code.clone(),
            name: loc.text(&listing.key, &listing.name).into_owned(),
            indicators: indicators_of(e).map(round),
            grain_export_ban: eco.grain_ban,
            regime: regime.kind.snake().to_string(),
            leader: regime.leader.clone(),
            leader_since: regime.since,
            blocs: actions::blocs_of(world, s)
                .into_iter()
                .map(|b| reg.bloc_code(b).to_string())
                .collect(),
            sanctioned_by: actions::sanctioning_blocs(world, s)
                .into_iter()
                .map(|b| reg.bloc_code(b).to_string())
                .collect(),
            alignment: al
                .0
                .iter()
                .enumerate()
                .map(|(p, v)| (reg.power_code(PowerIdx(p as u8)).to_string(), round(*v)))
                .collect(),
            coups: rec.successes,
            failed_coups: rec.failures,
            partnerships: actions::partnerships_of(world, s)
                .into_iter()
                .map(|(_, p)| PartnershipReport {
                    power: reg.power_code(p.power).to_string(),
                    kind: p.kind.snake().to_string(),
                    stage: p.stage.snake().to_string(),
                })
                .collect(),
        });
    }
    let mut blocs = Vec::new();
    for (b, e) in reg.live_blocs() {
        let Some(bloc) = world.get::<Bloc>(e) else { continue };
        let members = actions::members(world, b);
        blocs.push(BlocReport {
            id: reg.bloc_code(b).to_string(),
            name: crate::i18n::name_of(loc, reg, &crate::sim::world::said::Arg::Bloc(b)),
            kind: bloc.kind.snake().to_string(),
            suspended: members
                .iter()
                .filter(|m| {
                    actions::membership(world, **m, b)
                        .and_then(|x| world.get::<Membership>(x))
                        .is_some_and(|x| x.suspended)
                })
                .map(|m| code(*m))
                .collect(),
            members: members.iter().map(|m| code(*m)).collect(),
            sanctioned: bloc.sanctioned.iter().map(|(s, _)| code(*s)).collect(),
        });
    }
    let events = world
        .resource::<crate::sim::world::chronicle::Chronicle>()
        .news
        .iter()
        .map(|n| EventReport {
            turn: n.turn,
            date: n.date,
            kind: n.kind,
            state: n.state.map(code),
            power: n.power.map(|p| reg.power_code(p).to_string()),
            bloc: n.bloc.map(|b| reg.bloc_code(b).to_string()),
            members: n.members.iter().map(|m| code(*m)).collect(),
            text: if said { loc.news(n, reg) } else { String::new() },
        })
        .collect();
    let clock = world.resource::<crate::sim::world::registry::Clock>();
    RunReport {
        scenario: loc.text("scenario-name", &info.name).into_owned(),
        seed: info.seed,
        turns: clock.turn,
        start: clock.start,
        end: clock.date().plus_months(-1),
        states,
        blocs,
        events,
        goals: crate::sim::mechanisms::goals::goals(world)
            .into_iter()
            .zip(&world.resource::<crate::sim::mechanisms::goals::GoalBook>().defs)
            .map(|(mut g, def)| {
                use crate::sim::mechanisms::goals::goal_key;
                g.name = loc.text(&goal_key(def, "name"), &g.name).into_owned();
                g.description = loc.text(&goal_key(def, "description"), &g.description).into_owned();
                g
            })
            .collect(),
    }
}

/// The readable report of `harmattan run`, in a language.
pub fn text(report: &RunReport, loc: &Locale) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}\n",
        loc.t_args(
            "report-title",
            &args![
                "scenario" => report.scenario.clone(),
                "seed" => report.seed.to_string(),
                "turns" => report.turns,
                "start" => loc.month(report.start),
                "end" => loc.month(report.end),
            ]
        )
    );
    let _ = writeln!(out, "{}", loc.t("report-key-events"));
    let mut any = false;
    for e in report.events.iter().filter(|e| e.kind.is_major()) {
        any = true;
        let _ = writeln!(out, "  {}  {:<22} {}", e.date, e.kind.snake(), e.text);
    }
    if !any {
        let _ = writeln!(out, "  {}", loc.t("report-none"));
    }
    let _ = writeln!(out, "\n{}", loc.t("report-states"));
    let head = |id: &str| loc.t(id);
    let _ = writeln!(
        out,
        "  {:<4} {:<26} {:>5} {:>5} {:>5} {:>5} {:>5}  {:<15} {:<28} {}",
        head("report-col-id"),
        head("report-col-name"),
        head("report-col-stability"),
        head("report-col-legitimacy"),
        head("report-col-loyalty"),
        head("report-col-insurgency"),
        head("report-col-control"),
        head("report-col-regime"),
        head("report-col-leader"),
        head("report-col-blocs"),
    );
    let n = |x: f64| loc.number(x, 1);
    for s in &report.states {
        let _ = writeln!(
            out,
            "  {:<4} {:<26} {:>5} {:>5} {:>5} {:>5} {:>5}  {:<15} {:<28} {}",
            s.id,
            truncate(&s.name, 26),
            n(s.indicators[Indicator::Stability]),
            n(s.indicators[Indicator::Legitimacy]),
            n(s.indicators[Indicator::MilitaryLoyalty]),
            n(s.indicators[Indicator::Insurgency]),
            n(s.indicators[Indicator::Control]),
            truncate(&loc.t(&format!("regime-{}", s.regime)), 15),
            truncate(&s.leader, 28),
            s.blocs.join(", ")
        );
    }
    if !report.goals.is_empty() {
        let _ = writeln!(out, "\n{}", loc.t("report-goals"));
        for g in &report.goals {
            let status = match g.status {
                GoalStatus::Open => loc.t("report-goal-open"),
                GoalStatus::Won { turn } => loc.t_args("report-goal-won", &args!["turn" => turn]),
                GoalStatus::Lost { turn } => loc.t_args("report-goal-lost", &args!["turn" => turn]),
            };
            let _ = writeln!(out, "  {:<4} {:<40} {status}", g.state, truncate(&g.name, 40));
        }
    }
    let _ = writeln!(out, "\n{}", loc.t("report-blocs"));
    for b in &report.blocs {
        let _ = writeln!(
            out,
            "  {:<8} {:<40} {:<18} {}",
            b.id,
            truncate(&b.name, 40),
            truncate(&loc.t(&format!("bloc-kind-{}", b.kind)), 18),
            b.members.join(", ")
        );
    }
    out
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

pub use crate::sim::world::said::fnv1a;

/// A digest of everything a game produced: the final report, the history of
/// every indicator, and the cause ledger, bit for bit.
pub fn digest(sim: &Simulation) -> u64 {
    digest_world(sim.world())
}

/// The digest of the game held in a world.
pub fn digest_world(world: &World) -> u64 {
    // The facts of each news item (kind, who, when), not its wording: a
    // sentence rephrased or translated is the same history. Names are
    // the scenario's own, whatever the player's language.
    let report = build_report(world, Locale::english(), false);
    let mut bytes = serde_json::to_vec(&report).unwrap_or_default();
    for snap in &world.resource::<crate::sim::world::history::History>().snapshots {
        for s in &snap.states {
            for v in s.indicators.0.iter().chain(&s.alignment) {
                bytes.extend_from_slice(&v.to_bits().to_le_bytes());
            }
        }
    }
    for e in &world.resource::<crate::sim::world::ledger::Ledger>().entries {
        bytes.extend_from_slice(&e.turn.to_le_bytes());
        bytes.extend_from_slice(&e.state.0.to_le_bytes());
        bytes.extend_from_slice(&e.delta.to_bits().to_le_bytes());
        bytes.extend_from_slice(format!("{:?}{:?}", e.measure, e.cause).as_bytes());
    }
    fnv1a(&bytes)
}
