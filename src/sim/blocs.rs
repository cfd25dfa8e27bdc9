//! Blocs: reactions to coups (suspension, sanctions), withdrawals that take
//! effect after the bloc's notice period, sanctions lifted, and defence
//! pacts that form among threatened juntas, take in neighbours and deepen
//! into confederations with common projects.

use bevy::prelude::*;

use super::actions;
use super::chronicle::{Chronicle, NewsBuilder, NewsKind};
use super::components::*;
use super::coups::CoupsThisTurn;
use super::diplomacy::Relations;
use super::ledger::Ledger;
use super::registry::{Clock, Registry};
use super::rng::{SimRng, Stream};
use super::{TurnPhase, TurnSchedule};
use crate::rules::Rules;
use crate::scenario::format::{BlocKind, ProjectKind, RegimeKind};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(TurnSchedule, run_blocs.in_set(TurnPhase::Blocs));
}

fn roll(world: &mut World) -> f64 {
    world.resource_mut::<SimRng>().uniform(Stream::Blocs)
}

fn regime(world: &World, s: StateIdx) -> RegimeKind {
    let reg = world.resource::<Registry>();
    world
        .get::<Regime>(reg.state_entity(s))
        .map(|r| r.kind)
        .unwrap_or(RegimeKind::Civilian)
}

fn bloc(world: &World, b: BlocIdx) -> Option<Bloc> {
    let reg = world.resource::<Registry>();
    reg.bloc_entity(b).and_then(|e| world.get::<Bloc>(e)).cloned()
}

fn live_blocs(world: &World) -> Vec<BlocIdx> {
    world.resource::<Registry>().live_blocs().map(|(b, _)| b).collect()
}

fn run_blocs(world: &mut World) {
    react_to_coups(world);
    complete_withdrawals(world);
    lift_sanctions(world);
    announce_withdrawals(world);
    form_pacts(world);
    join_pacts(world);
    deepen_pacts(world);
}

/// A community suspends and sanctions a member after a coup, if its rules
/// say so.
fn react_to_coups(world: &mut World) {
    let succeeded = world.resource::<CoupsThisTurn>().succeeded.clone();
    for s in succeeded {
        for b in actions::blocs_of(world, s) {
            let Some(rules) = bloc(world, b).map(|x| x.rules) else {
                continue;
            };
            if rules.suspend_on_coup {
                actions::set_suspended(world, s, b, true);
            }
            if rules.sanction_on_coup {
                actions::impose_sanctions(world, b, s);
            }
        }
    }
}

fn complete_withdrawals(world: &mut World) {
    let date = world.resource::<Clock>().date();
    let mut due: Vec<(StateIdx, BlocIdx)> = Vec::new();
    let mut q = world.query::<&Membership>();
    for m in q.iter(world) {
        if m.leaving.is_some_and(|d| d <= date) {
            due.push((m.state, m.bloc));
        }
    }
    due.sort();
    for (s, b) in due {
        actions::leave_bloc(world, s, b);
    }
}

fn lift_sanctions(world: &mut World) {
    let r = world.resource::<Rules>().blocs.clone();
    let date = world.resource::<Clock>().date();
    for b in live_blocs(world) {
        let Some(bl) = bloc(world, b) else { continue };
        for (s, since) in bl.sanctioned.clone() {
            let kind = regime(world, s);
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
                actions::lift_sanctions(world, b, s);
                if kind == RegimeKind::Civilian {
                    actions::set_suspended(world, s, b, false);
                }
            }
        }
        // A member back under civilian rule is reinstated.
        for s in actions::members(world, b) {
            if regime(world, s) == RegimeKind::Civilian && !bl.sanctions(s) {
                actions::set_suspended(world, s, b, false);
            }
        }
    }
}

/// A suspended junta may walk out: after months of sanctions, or sooner if
/// it has a pact of juntas to fall back on.
fn announce_withdrawals(world: &mut World) {
    let r = world.resource::<Rules>().blocs.clone();
    let date = world.resource::<Clock>().date();
    let mut q = world.query::<&Membership>();
    let mut memberships: Vec<Membership> = q.iter(world).copied().collect();
    memberships.sort_by_key(|m| (m.state, m.bloc));
    let mut candidates: Vec<(StateIdx, BlocIdx, f64)> = Vec::new();
    for m in &memberships {
        if !m.suspended || m.leaving.is_some() || regime(world, m.state) != RegimeKind::MilitaryJunta {
            continue;
        }
        let Some(bl) = bloc(world, m.bloc) else { continue };
        let since = bl.sanctioned.iter().find(|(s, _)| *s == m.state).map(|(_, d)| *d);
        let sanctioned_long = since.is_some_and(|d| d.months_until(date) as f64 >= r.withdraw_min_months);
        let has_pact = memberships
            .iter()
            .any(|o| o.state == m.state && o.bloc != m.bloc && junta_pact(world, o.bloc));
        let chance =
            if sanctioned_long { r.withdraw_chance } else { 0.0 } + if has_pact { r.withdraw_pact_bonus } else { 0.0 };
        if chance > 0.0 {
            candidates.push((m.state, m.bloc, chance));
        }
    }
    for (s, b, chance) in candidates {
        if roll(world) < chance {
            actions::announce_withdrawal(world, s, b);
        }
    }
}

/// A defence pact or confederation whose members are all juntas.
fn junta_pact(world: &World, b: BlocIdx) -> bool {
    bloc(world, b).is_some_and(|x| matches!(x.kind, BlocKind::DefencePact | BlocKind::Confederation))
        && actions::members(world, b)
            .iter()
            .all(|m| regime(world, *m) == RegimeKind::MilitaryJunta)
}

/// Juntas under threat (sanctions or insurgency) that are not yet in a pact.
fn threatened_juntas(world: &World, r: &crate::rules::BlocFormationRules) -> Vec<StateIdx> {
    let reg = world.resource::<Registry>();
    (0..reg.state_count())
        .map(|i| StateIdx(i as u16))
        .filter(|s| {
            let e = reg.state_entity(*s);
            let junta = regime(world, *s) == RegimeKind::MilitaryJunta;
            let insurgency = world.get::<Security>(e).map(|x| x.insurgency).unwrap_or(0.0);
            let sanctioned = !actions::sanctioning_blocs(world, *s).is_empty();
            // A pact that includes civilian governments (the G5 Sahel) is no
            // refuge for a junta under pressure; a pact of juntas is.
            let in_pact = actions::blocs_of(world, *s).iter().any(|b| junta_pact(world, *b));
            junta && (sanctioned || insurgency >= r.form_insurgency) && !in_pact
        })
        .collect()
}

fn neighbours(world: &World, s: StateIdx) -> Vec<StateIdx> {
    let reg = world.resource::<Registry>();
    world
        .get::<Neighbours>(reg.state_entity(s))
        .map(|n| n.0.clone())
        .unwrap_or_default()
}

fn form_pacts(world: &mut World) {
    let r = world.resource::<Rules>().blocs.clone();
    let candidates = threatened_juntas(world, &r);
    for (i, &a) in candidates.iter().enumerate() {
        for &b in &candidates[i + 1..] {
            let close = world.resource::<Relations>().get(a, b) >= r.form_relations;
            if !close || !neighbours(world, a).contains(&b) {
                continue;
            }
            if roll(world) >= r.form_chance {
                continue;
            }
            // Other threatened juntas on good terms with both founders come in at once.
            let relations = world.resource::<Relations>();
            let mut founders: Vec<StateIdx> = candidates
                .iter()
                .copied()
                .filter(|c| {
                    *c == a
                        || *c == b
                        || (relations.get(*c, a) >= r.form_relations && relations.get(*c, b) >= r.form_relations)
                })
                .collect();
            founders.sort();
            actions::form_bloc(world, BlocKind::DefencePact, &founders, r.pact_notice_months as u32);
            // One new pact a month is enough drama.
            return;
        }
    }
}

fn join_pacts(world: &mut World) {
    let r = world.resource::<Rules>().blocs.clone();
    let candidates = threatened_juntas(world, &r);
    for b in live_blocs(world) {
        let Some(bl) = bloc(world, b) else { continue };
        if !matches!(bl.kind, BlocKind::DefencePact | BlocKind::Confederation) {
            continue;
        }
        let members = actions::members(world, b);
        for &c in &candidates {
            if members.contains(&c) || !members.iter().any(|m| neighbours(world, c).contains(m)) {
                continue;
            }
            let relations = world.resource::<Relations>();
            let mean = members.iter().map(|m| relations.get(c, *m)).sum::<f64>() / members.len().max(1) as f64;
            if mean >= r.join_relations && roll(world) < r.join_chance {
                actions::join_bloc(world, c, b);
            }
        }
    }
}

/// A pact of enough members, old enough, may become a confederation; a
/// confederation advances its projects (joint force, passport, media,
/// market, currency, and finally federation).
fn deepen_pacts(world: &mut World) {
    let r = world.resource::<Rules>().blocs.clone();
    let date = world.resource::<Clock>().date();
    let turn = world.resource::<Ledger>().turn;
    for b in live_blocs(world) {
        let Some(bl) = bloc(world, b) else { continue };
        let old_enough = bl
            .founded
            .is_none_or(|f| f.months_until(date) as f64 >= r.deepen_min_months);
        let members = actions::members(world, b);
        let entity = world.resource::<Registry>().bloc_entity(b);
        let Some(entity) = entity else { continue };
        match bl.kind {
            // Only a pact of juntas deepens: shared regimes, shared enemies.
            BlocKind::DefencePact
                if old_enough
                    && members.len() as f64 >= r.deepen_min_members
                    && members.iter().all(|m| regime(world, *m) == RegimeKind::MilitaryJunta)
                    && roll(world) < r.deepen_chance =>
            {
                let name = world.resource::<Registry>().bloc_name(b).to_string();
                if let Some(mut x) = world.get_mut::<Bloc>(entity) {
                    x.kind = BlocKind::Confederation;
                    if x.projects.is_empty() {
                        x.projects = [
                            ProjectKind::JointForce,
                            ProjectKind::Passport,
                            ProjectKind::Media,
                            ProjectKind::CommonMarket,
                            ProjectKind::Currency,
                            ProjectKind::Federation,
                        ]
                        .into_iter()
                        .map(|kind| Project { kind, progress: 0.0 })
                        .collect();
                    }
                }
                NewsBuilder::new(
                    turn,
                    date,
                    NewsKind::BlocDeepened,
                    format!("The {name} becomes a confederation."),
                )
                .bloc(b)
                .members(members)
                .post(&mut world.resource_mut::<Chronicle>());
            }
            BlocKind::Confederation => {
                if roll(world) >= r.project_chance {
                    continue;
                }
                let name = world.resource::<Registry>().bloc_name(b).to_string();
                let mut done = None;
                if let Some(mut x) = world.get_mut::<Bloc>(entity) {
                    // Federation waits until every other project is done.
                    let others_done = x
                        .projects
                        .iter()
                        .filter(|p| p.kind != ProjectKind::Federation)
                        .all(|p| p.progress >= 100.0);
                    let next = x
                        .projects
                        .iter_mut()
                        .filter(|p| p.progress < 100.0 && (p.kind != ProjectKind::Federation || others_done))
                        .min_by(|a, b| a.progress.total_cmp(&b.progress));
                    if let Some(p) = next {
                        p.progress = (p.progress + r.project_step).min(100.0);
                        if p.progress >= 100.0 {
                            done = Some(p.kind);
                        }
                    }
                }
                if let Some(kind) = done {
                    NewsBuilder::new(
                        turn,
                        date,
                        NewsKind::ProjectCompleted,
                        format!("The {name} completes its {kind:?} project."),
                    )
                    .bloc(b)
                    .members(members)
                    .post(&mut world.resource_mut::<Chronicle>());
                }
            }
            _ => {}
        }
    }
}
