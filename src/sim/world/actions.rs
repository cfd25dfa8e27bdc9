//! Changes to the shape of the world (memberships, sanctions, partnerships,
//! leaders), shared by mechanisms, scripted events and orders. Each one
//! posts its news; each is a no-op when it does not apply.

use bevy::prelude::*;

use crate::rules::Rules;

use crate::scenario::YearMonth;
use crate::scenario::format::{BlocKind, BlocRules, Indicator, PartnershipKind, ProjectKind, RegimeKind, Stage};
use crate::scenario::limits;
use crate::sim::world::chronicle::{Chronicle, NewsBuilder, NewsKind};
use crate::sim::world::components::*;
use crate::sim::world::ledger::{Actor, Cause, Ledger, Measure, Mechanism};
use crate::sim::world::registry::{Clock, Registry};
use crate::sim::world::said::{Arg, Said};

/// The turn being resolved and its month, for news.
fn stamp(world: &World) -> (u32, YearMonth) {
    (world.resource::<Ledger>().turn, world.resource::<Clock>().date())
}

pub(crate) fn news(world: &mut World, kind: NewsKind, said: Said) -> NewsBuilder {
    let (turn, date) = stamp(world);
    NewsBuilder::new(turn, date, kind, said)
}

pub(crate) fn post(world: &mut World, item: NewsBuilder) {
    item.post(&mut world.resource_mut::<Chronicle>());
}

/// The membership entity of `state` in `bloc`, if it is a member.
pub fn membership(world: &World, state: StateIdx, bloc: BlocIdx) -> Option<Entity> {
    let reg = world.resource::<Registry>();
    let list = world.get::<Memberships>(reg.state_entity(state))?;
    list.iter()
        .find(|m| world.get::<Membership>(*m).is_some_and(|ms| ms.bloc == bloc))
}

/// Members of a bloc, sorted.
pub fn members(world: &World, bloc: BlocIdx) -> Vec<StateIdx> {
    let reg = world.resource::<Registry>();
    let Some(e) = reg.bloc_entity(bloc) else {
        return Vec::new();
    };
    let mut out: Vec<StateIdx> = world
        .get::<Members>(e)
        .map(|m| {
            m.iter()
                .filter_map(|x| world.get::<Membership>(x).map(|ms| ms.state))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Blocs a state belongs to, sorted.
pub fn blocs_of(world: &World, state: StateIdx) -> Vec<BlocIdx> {
    let reg = world.resource::<Registry>();
    let mut out: Vec<BlocIdx> = world
        .get::<Memberships>(reg.state_entity(state))
        .map(|m| {
            m.iter()
                .filter_map(|x| world.get::<Membership>(x).map(|ms| ms.bloc))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

pub fn join_bloc(world: &mut World, state: StateIdx, bloc: BlocIdx) {
    let reg = world.resource::<Registry>();
    let Some(bloc_e) = reg.bloc_entity(bloc) else { return };
    if membership(world, state, bloc).is_some() {
        return;
    }
    let state_e = reg.state_entity(state);
    let text = Said::new("news-bloc-joined").state("state", state).bloc("bloc", bloc);
    world.spawn(membership_bundle(state, state_e, bloc, bloc_e, false));
    touch_blocs(world);
    let count = members(world, bloc).len() as u16;
    if let Some(mut b) = world.get_mut::<Bloc>(bloc_e) {
        b.peak_members = b.peak_members.max(count);
    }
    let item = news(world, NewsKind::BlocJoined, text)
        .state(state)
        .bloc(bloc)
        .members(vec![state]);
    post(world, item);
}

pub fn announce_withdrawal(world: &mut World, state: StateIdx, bloc: BlocIdx) {
    let Some(m) = membership(world, state, bloc) else {
        return;
    };
    if world.get::<Membership>(m).is_some_and(|ms| ms.leaving.is_some()) {
        return;
    }
    let reg = world.resource::<Registry>();
    let notice = reg
        .bloc_entity(bloc)
        .and_then(|e| world.get::<Bloc>(e))
        .map(|b| b.rules.withdrawal_notice_months)
        .unwrap_or(0);
    let effective = world.resource::<Clock>().date().plus_months(notice as i64);
    let text = Said::new("news-withdrawal-announced")
        .state("state", state)
        .bloc("bloc", bloc)
        .date("effective", effective);
    if let Some(mut ms) = world.get_mut::<Membership>(m) {
        ms.leaving = Some(effective);
    }
    touch_blocs(world);
    let item = news(world, NewsKind::WithdrawalAnnounced, text)
        .state(state)
        .bloc(bloc)
        .members(vec![state]);
    post(world, item);
    if notice == 0 {
        leave_bloc(world, state, bloc);
    }
}

pub fn leave_bloc(world: &mut World, state: StateIdx, bloc: BlocIdx) {
    let Some(m) = membership(world, state, bloc) else {
        return;
    };
    world.despawn(m);
    // A scripted suspension ends with the membership.
    if let Some(mut held) = world.get_resource_mut::<ScriptedSuspensions>() {
        held.0.retain(|x| *x != (state, bloc));
    }
    touch_blocs(world);
    let text = Said::new("news-bloc-left").state("state", state).bloc("bloc", bloc);
    let item = news(world, NewsKind::BlocLeft, text)
        .state(state)
        .bloc(bloc)
        .members(vec![state]);
    post(world, item);
    lift_sanctions(world, bloc, state);
    if let Some(mut b) = reg_bloc_mut(world, bloc) {
        b.threatened.retain(|(s, _)| *s != state);
    }
    let left = members(world, bloc).len();
    // A pact that has lost half its members has lost its purpose: the
    // rest wind it up (Chad and Mauritania, G5 Sahel, December 2023).
    let reg = world.resource::<Registry>();
    let pact_gone = reg
        .bloc_entity(bloc)
        .and_then(|e| world.get::<Bloc>(e))
        .is_some_and(|b| {
            matches!(b.kind, BlocKind::DefencePact | BlocKind::Confederation) && left * 2 <= b.peak_members as usize
        });
    if left < 2 || pact_gone {
        dissolve_bloc(world, bloc);
    }
}

/// A bloc to change (counted as a change to the blocs).
fn reg_bloc_mut(world: &mut World, bloc: BlocIdx) -> Option<Mut<'_, Bloc>> {
    let e = world.resource::<Registry>().bloc_entity(bloc)?;
    touch_blocs(world);
    world.get_mut::<Bloc>(e)
}

/// Counts every change to the blocs and their memberships, so that a
/// mechanism holding a view of them knows when to look again.
#[derive(Debug, Clone, Copy, Resource, Default)]
pub struct BlocsVersion(pub u64);

/// Marks the blocs as changed.
pub fn touch_blocs(world: &mut World) {
    if let Some(mut v) = world.get_resource_mut::<BlocsVersion>() {
        v.0 += 1;
    }
}

/// Records a bloc's threat of military intervention against a state.
pub fn record_threat(world: &mut World, bloc: BlocIdx, state: StateIdx) {
    let date = world.resource::<Clock>().date();
    if let Some(mut b) = reg_bloc_mut(world, bloc) {
        b.threatened.retain(|(s, _)| *s != state);
        b.threatened.push((state, date));
        b.threatened.sort();
    }
}

pub fn dissolve_bloc(world: &mut World, bloc: BlocIdx) {
    let Some(e) = world.resource::<Registry>().bloc_entity(bloc) else {
        return;
    };
    let remaining = members(world, bloc);
    // Memberships go with the bloc (linked spawn), and so do scripted
    // suspensions.
    world.despawn(e);
    if let Some(mut held) = world.get_resource_mut::<ScriptedSuspensions>() {
        held.0.retain(|x| x.1 != bloc);
    }
    touch_blocs(world);
    world.resource_mut::<Registry>().blocs[bloc.0 as usize].entity = None;
    let text = Said::new("news-bloc-dissolved").bloc("bloc", bloc);
    let item = news(world, NewsKind::BlocDissolved, text).bloc(bloc).members(remaining);
    post(world, item);
}

/// Suspensions a script made (`SuspendMember`): held until a script
/// reinstates the member, whatever its regime (the blocs' own rule
/// reinstates a member suspended for a coup once it is civilian again).
#[derive(Debug, Clone, Default, Resource)]
pub struct ScriptedSuspensions(pub Vec<(StateIdx, BlocIdx)>);

/// A script suspends or reinstates a member.
pub fn script_suspension(world: &mut World, state: StateIdx, bloc: BlocIdx, suspended: bool) {
    let member = membership(world, state, bloc).is_some();
    if let Some(mut held) = world.get_resource_mut::<ScriptedSuspensions>() {
        held.0.retain(|x| *x != (state, bloc));
        if suspended && member {
            held.0.push((state, bloc));
        }
    }
    set_suspended(world, state, bloc, suspended);
}

pub fn set_suspended(world: &mut World, state: StateIdx, bloc: BlocIdx, suspended: bool) {
    let Some(m) = membership(world, state, bloc) else {
        return;
    };
    let Some(mut ms) = world.get_mut::<Membership>(m) else {
        return;
    };
    if ms.suspended == suspended {
        return;
    }
    ms.suspended = suspended;
    touch_blocs(world);
    let (kind, id) = if suspended {
        (NewsKind::Suspended, "news-suspended")
    } else {
        (NewsKind::Reinstated, "news-reinstated")
    };
    let text = Said::new(id).bloc("bloc", bloc).state("state", state);
    let item = news(world, kind, text).state(state).bloc(bloc);
    post(world, item);
}

pub fn impose_sanctions(world: &mut World, bloc: BlocIdx, state: StateIdx) {
    let Some(e) = world.resource::<Registry>().bloc_entity(bloc) else {
        return;
    };
    let text = Said::new("news-sanctions-imposed")
        .bloc("bloc", bloc)
        .state("state", state);
    let date = world.resource::<Clock>().date();
    let Some(mut b) = world.get_mut::<Bloc>(e) else { return };
    if b.sanctions(state) {
        return;
    }
    b.sanctioned.push((state, date));
    b.sanctioned.sort();
    touch_blocs(world);
    let item = news(world, NewsKind::SanctionsImposed, text).state(state).bloc(bloc);
    post(world, item);
}

pub fn lift_sanctions(world: &mut World, bloc: BlocIdx, state: StateIdx) {
    let Some(e) = world.resource::<Registry>().bloc_entity(bloc) else {
        return;
    };
    let text = Said::new("news-sanctions-lifted")
        .bloc("bloc", bloc)
        .state("state", state);
    let Some(mut b) = world.get_mut::<Bloc>(e) else { return };
    if !b.sanctions(state) {
        return;
    }
    b.sanctioned.retain(|(s, _)| *s != state);
    b.threatened.retain(|(s, _)| *s != state);
    touch_blocs(world);
    let item = news(world, NewsKind::SanctionsLifted, text).state(state).bloc(bloc);
    post(world, item);
}

/// Founds a new bloc with `founders` as members. Returns `None` when the
/// limit on blocs formed during play is reached.
pub fn form_bloc(world: &mut World, kind: BlocKind, founders: &[StateIdx], notice: u32) -> Option<BlocIdx> {
    form_named_bloc(world, kind, founders, notice, None)
}

/// Founds a bloc, named and coded as given (a scenario's history names the
/// Alliance of Sahel States), or as [`form_bloc`] names one.
fn form_named_bloc(
    world: &mut World,
    kind: BlocKind,
    founders: &[StateIdx],
    notice: u32,
    named: Option<(&str, &str)>,
) -> Option<BlocIdx> {
    let reg = world.resource::<Registry>();
    let formed = reg.blocs.len();
    if founders.len() < 2 || formed >= limits::BLOCS + limits::FORMED_BLOCS {
        return None;
    }
    // Named as such alliances are ("Alliance of Mali and Niger", the AES
    // being the Alliance of Sahel States), with the acronym of the name as
    // its code: AMN. A code no bloc has yet, even one from a scenario.
    let initials: String = match named {
        Some((code, _)) => code.to_string(),
        None => std::iter::once('A')
            .chain(founders.iter().filter_map(|s| {
                reg.state_name(*s)
                    .trim_start_matches("The ")
                    .chars()
                    .find(|c| c.is_alphabetic())
                    .map(|c| c.to_ascii_uppercase())
            }))
            .collect(),
    };
    let mut code = initials.clone();
    let mut n = 1;
    while reg.bloc(&code).is_some() || reg.state(&code).is_some() {
        n += 1;
        code = format!("{initials}{n}");
    }
    let of_juntas = founders.iter().all(|s| {
        world
            .get::<Regime>(reg.state_entity(*s))
            .is_some_and(|r| r.kind == RegimeKind::MilitaryJunta)
    });
    let names: Vec<String> = founders.iter().map(|s| reg.state_in_text(*s).to_string()).collect();
    let name = match named {
        Some((_, name)) => name.to_string(),
        None => format!("Alliance of {}", join_names(&names)),
    };
    let date = world.resource::<Clock>().date();
    let entity = world.spawn((Name::new(name.clone()), Code(code.clone()))).id();
    let idx = world.resource_mut::<Registry>().add_bloc(&code, &name, entity);
    if named.is_none() {
        world.resource_mut::<Registry>().set_founders(idx, founders);
    }
    world.entity_mut(entity).insert(Bloc {
        idx,
        kind,
        rules: BlocRules {
            withdrawal_notice_months: notice,
            suspend_on_coup: false,
            sanction_on_coup: false,
            threaten_on_coup: false,
            mutual_defence: true,
        },
        projects: Vec::new(),
        founded: Some(date),
        sanctioned: Vec::new(),
        threatened: Vec::new(),
        peak_members: founders.len() as u16,
        of_juntas,
    });
    let reg = world.resource::<Registry>();
    let spawns: Vec<_> = founders.iter().map(|s| (*s, reg.state_entity(*s))).collect();
    for (s, se) in spawns {
        world.spawn(membership_bundle(s, se, idx, entity, false));
    }
    touch_blocs(world);
    let text = Said::new("news-pact-formed")
        .states("founders", founders)
        .bloc("bloc", idx);
    let item = news(world, NewsKind::BlocFormed, text)
        .bloc(idx)
        .members(founders.to_vec());
    post(world, item);
    Some(idx)
}

/// `founders` found the defence pact a scenario's history names, unless
/// they already share one (a player may have founded it first): that one
/// then answers to the record's id too, and takes the record's name if its
/// members are the founders.
pub fn found_pact(world: &mut World, founders: &[StateIdx], code: &str, name: &str) -> Option<BlocIdx> {
    let shared = world
        .query::<&Bloc>()
        .iter(world)
        .filter(|b| matches!(b.kind, BlocKind::DefencePact | BlocKind::Confederation) && b.rules.mutual_defence)
        .map(|b| b.idx)
        .collect::<Vec<_>>()
        .into_iter()
        .find(|b| {
            let members = members(world, *b);
            founders.iter().all(|s| members.contains(s))
        });
    if let Some(b) = shared {
        let mut members = members(world, b);
        let mut wanted = founders.to_vec();
        members.sort();
        wanted.sort();
        let (turn, _) = stamp(world);
        let mut reg = world.resource_mut::<Registry>();
        reg.alias_bloc(code, b);
        if members == wanted {
            // Translated as the record's pact, not as a name of its own.
            let key = crate::sim::world::said::text_key("bloc", code);
            reg.rename_bloc(b, name, key, turn);
            if let Some(e) = reg.bloc_entity(b) {
                world.entity_mut(e).insert(Name::new(name.to_string()));
            }
        }
        touch_blocs(world);
        return Some(b);
    }
    let notice = world.resource::<Rules>().blocs.pact_notice_months as u32;
    form_named_bloc(world, BlocKind::DefencePact, founders, notice, Some((code, name)))
}

/// A defence pact becomes a confederation, with the projects a
/// confederation advances (joint force, passport, media, market, currency,
/// and finally federation); renamed if a new name is given.
pub fn confederate(world: &mut World, bloc: BlocIdx, renamed: Option<&str>) {
    let Some(entity) = world.resource::<Registry>().bloc_entity(bloc) else {
        return;
    };
    let Some(mut b) = world.get_mut::<Bloc>(entity) else {
        return;
    };
    if b.kind != BlocKind::DefencePact {
        return;
    }
    b.kind = BlocKind::Confederation;
    if b.projects.is_empty() {
        b.projects = [
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
    touch_blocs(world);
    let members = members(world, bloc);
    let text = match renamed {
        Some(new) => {
            let was = world.resource::<Registry>().blocs[bloc.0 as usize].clone();
            let (turn, _) = stamp(world);
            let key = crate::sim::world::said::text_key("name", new);
            world.resource_mut::<Registry>().rename_bloc(bloc, new, key, turn);
            world.entity_mut(entity).insert(Name::new(new.to_string()));
            // A bloc formed in play was named after its founders.
            let said = if was.key.is_empty() && !was.founders.is_empty() {
                Said::new("news-confederation-renamed-formed").states("founders", &was.founders)
            } else {
                Said::new("news-confederation-renamed").with(
                    "was",
                    Arg::Text {
                        key: was.key,
                        text: was.name,
                    },
                )
            };
            said.bloc("bloc", bloc)
        }
        None => Said::new("news-confederation").bloc("bloc", bloc),
    };
    let item = news(world, NewsKind::BlocDeepened, text).bloc(bloc).members(members);
    post(world, item);
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Live partnerships of a state (not ended), sorted by power and kind.
pub fn partnerships_of(world: &World, state: StateIdx) -> Vec<(Entity, Partnership)> {
    partnerships_of_entity(world, world.resource::<Registry>().state_entity(state))
}

/// A state's live partnerships, in no particular order, without collecting.
pub fn live_partnerships(world: &World, state: StateIdx) -> impl Iterator<Item = &Partnership> + '_ {
    let e = world.resource::<Registry>().state_entity(state);
    world
        .get::<Partnerships>(e)
        .into_iter()
        .flat_map(|list| list.iter())
        .filter_map(move |e| world.get::<Partnership>(e))
        .filter(|p| p.stage != Stage::Ended)
}

/// Live partnerships of the state entity `state_e`, sorted by power and kind.
pub fn partnerships_of_entity(world: &World, state_e: Entity) -> Vec<(Entity, Partnership)> {
    let mut out: Vec<(Entity, Partnership)> = world
        .get::<Partnerships>(state_e)
        .map(|list| {
            list.iter()
                .filter_map(|e| world.get::<Partnership>(e).map(|p| (e, *p)))
                .filter(|(_, p)| p.stage != Stage::Ended)
                .collect()
        })
        .unwrap_or_default();
    out.sort_by_key(|(_, p)| (p.power, p.kind));
    out
}

/// Opens (or, for scripted history, sets up at `stage`) a partnership;
/// `offered` when the power made the first move.
pub fn start_partnership(
    world: &mut World,
    state: StateIdx,
    power: PowerIdx,
    kind: PartnershipKind,
    stage: Stage,
    offered: bool,
) {
    // Talks already under way on the same deal are moved on to `stage`
    // (a scripted signing of a programme the player asked for), never
    // duplicated nor silently dropped.
    let se = world.resource::<Registry>().state_entity(state);
    let under_way = world.get::<Partnerships>(se).and_then(|list| {
        list.iter()
            .filter_map(|e| world.get::<Partnership>(e).map(|p| (e, *p)))
            .find(|(_, p)| p.stage != Stage::Ended && p.power == power && p.kind == kind)
    });
    if let Some((e, p)) = under_way {
        if p.stage.is_pending() && stage > p.stage && stage <= Stage::InForce {
            // Settled by history or the player's choice: no longer an
            // offer waiting for an answer.
            if let Some(mut live) = world.get_mut::<Partnership>(e) {
                live.offered = false;
            }
            set_stage(world, e, stage);
        }
        return;
    }
    let reg = world.resource::<Registry>();
    let (se, pe) = (reg.state_entity(state), reg.power_entity(power));
    let (kind_news, id) = match stage {
        Stage::Signed => (NewsKind::PartnershipSigned, "news-partnership-signed"),
        Stage::InForce => (NewsKind::PartnershipInForce, "news-partnership-brought-into-force"),
        _ => (NewsKind::PartnershipProposed, "news-partnership-talks"),
    };
    let text = if world.resource::<Chronicle>().texts {
        Said::new(id)
            .state("state", state)
            .power("power", power)
            .term("kind", "partnership", kind.snake())
    } else {
        Said::new(id)
    };
    let date = world.resource::<Clock>().date();
    let partnership = Partnership {
        state,
        power,
        kind,
        stage,
        stage_since: date,
        offered,
    };
    world.spawn(partnership_bundle(partnership, se, pe));
    if offered && stage.is_pending() && world.resource::<crate::sim::world::players::Humans>().plays(state) {
        // The player is asked; the offer's news says so.
        crate::sim::player::offers::put(
            world,
            state,
            crate::sim::player::offers::OfferKind::Partnership { power, kind },
        );
        return;
    }
    let item = news(world, kind_news, text).state(state).power(power);
    post(world, item);
}

/// Moves a partnership to `stage`, with the news that goes with it.
pub fn set_stage(world: &mut World, entity: Entity, stage: Stage) {
    let date = world.resource::<Clock>().date();
    let Some(mut p) = world.get_mut::<Partnership>(entity) else {
        return;
    };
    if p.stage == stage {
        return;
    }
    let was_pending = p.stage.is_pending();
    p.stage = stage;
    p.stage_since = date;
    let p = *p;
    let kind = match stage {
        Stage::Signed => NewsKind::PartnershipSigned,
        Stage::InForce => NewsKind::PartnershipInForce,
        Stage::Suspended => NewsKind::PartnershipSuspended,
        Stage::Ended => NewsKind::PartnershipEnded,
        _ => NewsKind::PartnershipAdvanced,
    };
    let id = match stage {
        Stage::Signed => "news-partnership-signed",
        Stage::InForce => "news-partnership-in-force",
        Stage::Suspended => "news-partnership-suspended",
        Stage::Ended if was_pending => "news-partnership-talks-failed",
        Stage::Ended => "news-partnership-ended",
        _ => "news-partnership-advanced",
    };
    let text = if world.resource::<Chronicle>().texts {
        Said::new(id)
            .state("state", p.state)
            .power("power", p.power)
            .term("kind", "partnership", p.kind.snake())
            .term("stage", "stage", stage.snake())
    } else {
        Said::new(id)
    };
    let item = news(world, kind, text).state(p.state).power(p.power);
    post(world, item);
    if stage == Stage::Ended {
        world.despawn(entity);
    }
}

pub fn end_partnership(world: &mut World, state: StateIdx, power: PowerIdx, kind: PartnershipKind) {
    let found = partnerships_of(world, state)
        .into_iter()
        .find(|(_, p)| p.power == power && p.kind == kind);
    if let Some((e, _)) = found {
        set_stage(world, e, Stage::Ended);
    }
}

/// The state sends the power's forces home: every partnership with forces
/// on the ground ends, and relations with the power sour.
pub fn expel_forces(world: &mut World, state: StateIdx, power: PowerIdx, alignment_cost: f64) {
    let with_forces: Vec<Entity> = partnerships_of(world, state)
        .into_iter()
        .filter(|(_, p)| p.power == power && p.kind.has_forces())
        .map(|(e, _)| e)
        .collect();
    if with_forces.is_empty() {
        return;
    }
    let text = Said::new("news-forces-expelled")
        .state("state", state)
        .power("power", power);
    let se = world.resource::<Registry>().state_entity(state);
    let item = news(world, NewsKind::ForcesExpelled, text).state(state).power(power);
    post(world, item);
    for e in with_forces {
        set_stage(world, e, Stage::Ended);
    }
    change_alignment(
        world,
        se,
        state,
        power,
        alignment_cost,
        Cause::by(Mechanism::Partnership, Actor::Power(power)),
    );
}

/// One of a bloc's open projects moves on one step: `which`, or the least
/// advanced (the federation last, once every other project is done).
/// Returns the project completed, if one was.
pub fn advance_project(world: &mut World, bloc: BlocIdx, which: Option<ProjectKind>) -> Option<ProjectKind> {
    let step = world.resource::<crate::rules::Rules>().blocs.project_step;
    let entity = world.resource::<Registry>().bloc_entity(bloc)?;
    touch_blocs(world);
    let mut x = world.get_mut::<Bloc>(entity)?;
    let others_done = x
        .projects
        .iter()
        .filter(|p| p.kind != ProjectKind::Federation)
        .all(|p| p.progress >= 100.0);
    let p = x
        .projects
        .iter_mut()
        .filter(|p| p.progress < 100.0 && (p.kind != ProjectKind::Federation || others_done))
        .filter(|p| which.is_none_or(|k| p.kind == k))
        .min_by(|a, b| a.progress.total_cmp(&b.progress))?;
    p.progress = (p.progress + step).min(100.0);
    let done = (p.progress >= 100.0).then_some(p.kind)?;
    let text = Said::new("news-project-completed")
        .bloc("bloc", bloc)
        .term("project", "project", done.snake());
    let members = members(world, bloc);
    let item = news(world, NewsKind::ProjectCompleted, text)
        .bloc(bloc)
        .members(members);
    post(world, item);
    Some(done)
}

/// Security partnerships in force with a power, for its capacity.
pub fn security_load(world: &World, power: PowerIdx) -> u32 {
    let reg = world.resource::<Registry>();
    world
        .get::<PowerPartnerships>(reg.power_entity(power))
        .map(|list| {
            list.iter()
                .filter_map(|e| world.get::<Partnership>(e))
                .filter(|p| p.kind.has_forces() && p.stage == Stage::InForce)
                .count() as u32
        })
        .unwrap_or(0)
}

/// Talks with a power move one stage on: the most advanced of them, if
/// several are under way. A security partnership does not come into force
/// beyond the power's capacity.
pub fn advance_talks(world: &mut World, state: StateIdx, power: PowerIdx) {
    let talks = partnerships_of(world, state)
        .into_iter()
        .filter(|(_, p)| p.power == power && p.stage.is_pending())
        .max_by_key(|(_, p)| p.stage);
    let Some((e, p)) = talks else { return };
    let Some(next) = p.stage.next() else { return };
    let reg = world.resource::<Registry>();
    let capacity = world
        .get::<Power>(reg.power_entity(power))
        .map(|pw| pw.capacity)
        .unwrap_or(0);
    if p.kind.has_forces() && next == Stage::InForce && security_load(world, power) >= capacity {
        return;
    }
    // Pressing talks on is the state's answer to an offer: accepted.
    if let Some(mut x) = world.get_mut::<Partnership>(e) {
        x.offered = false;
    }
    set_stage(world, e, next);
}

/// `by` presses each bloc it belongs to in good standing, and of which `on`
/// is a member, to impose (or lift) sanctions on `on`.
pub fn urge_sanctions(world: &mut World, by: StateIdx, on: StateIdx, impose: bool) {
    for bloc in blocs_of(world, by) {
        let in_good_standing = membership(world, by, bloc)
            .and_then(|m| world.get::<Membership>(m))
            .is_some_and(|m| !m.suspended);
        if in_good_standing && membership(world, on, bloc).is_some() {
            if impose {
                impose_sanctions(world, bloc, on);
            } else {
                lift_sanctions(world, bloc, on);
            }
        }
    }
}

/// The state on the best terms with both `a` and `b` (its worse relation
/// of the two is the highest), if any is on good terms with both.
pub fn best_mediator(world: &World, a: StateIdx, b: StateIdx) -> Option<StateIdx> {
    let rel = world.resource::<crate::sim::world::relations::Relations>();
    let n = world.resource::<Registry>().state_count();
    (0..n)
        .map(|i| StateIdx(i as u16))
        .filter(|m| *m != a && *m != b)
        .map(|m| (m, rel.get(m, a).min(rel.get(m, b))))
        .filter(|(_, r)| *r > 0.0)
        // The first of equals, in index order.
        .fold(None, |best: Option<(StateIdx, f64)>, x| match best {
            Some(b) if b.1 >= x.1 => Some(b),
            _ => Some(x),
        })
        .map(|(m, _)| m)
}

/// The state (other than `b` and `not`) that `b` is on the worst terms
/// with, if those terms are bad.
pub fn worst_relation(world: &World, b: StateIdx, not: StateIdx) -> Option<StateIdx> {
    let rel = world.resource::<crate::sim::world::relations::Relations>();
    let n = world.resource::<Registry>().state_count();
    (0..n)
        .map(|i| StateIdx(i as u16))
        .filter(|x| *x != b && *x != not)
        .map(|x| (x, rel.get(b, x)))
        .filter(|(_, r)| *r < 0.0)
        .fold(None, |worst: Option<(StateIdx, f64)>, x| match worst {
            Some(w) if w.1 <= x.1 => Some(w),
            _ => Some(x),
        })
        .map(|(x, _)| x)
}

/// A mediation sought by `decider` (`None`: a scripted one): carried out
/// at once, unless a person plays one of the other states it needs, who is
/// asked first (`offers`).
pub fn seek_mediation(world: &mut World, decider: Option<StateIdx>, m: StateIdx, a: StateIdx, b: StateIdx) {
    let humans = world.resource::<crate::sim::world::players::Humans>();
    let asked = [m, a, b].into_iter().find(|s| Some(*s) != decider && humans.plays(*s));
    match (asked, decider) {
        (Some(to), Some(asked_by)) => crate::sim::player::offers::put(
            world,
            to,
            crate::sim::player::offers::OfferKind::Mediation {
                asked_by,
                mediator: m,
                first: a,
                second: b,
            },
        ),
        _ => mediate(world, m, a, b),
    }
}

/// A mediation that found nobody to mediate, or nothing to mediate.
pub fn no_mediation(world: &mut World, a: StateIdx, b: StateIdx, why: Said) {
    let text = Said::new("news-no-mediation")
        .state("first", a)
        .state("second", b)
        .said("why", why);
    let item = news(world, NewsKind::Decision, text).members(vec![a, b]);
    post(world, item);
}

/// `m` mediates between `a` and `b`: their relations improve, and so do
/// the mediator's with both.
pub fn mediate(world: &mut World, m: StateIdx, a: StateIdx, b: StateIdx) {
    let r = world.resource::<crate::rules::Rules>().diplomacy.clone();
    let mut rel = world.resource_mut::<crate::sim::world::relations::Relations>();
    rel.add(a, b, r.mediation);
    rel.add(m, a, r.mediator_gain);
    rel.add(m, b, r.mediator_gain);
    let text = Said::new("news-mediation")
        .state("mediator", m)
        .state("first", a)
        .state("second", b);
    let item = news(world, NewsKind::Mediation, text).members(vec![m, a, b]);
    post(world, item);
}

/// `a` proposes a mutual defence pact to `b`. On good enough terms, `a`
/// joins `b`'s pact, `b` joins `a`'s, or the two found one. Only a pact
/// with a mutual-defence clause counts, and a state joins one only if it
/// is on good terms with every member: the G5 Sahel (no such clause) is
/// no home for the alliance Mali, Burkina Faso and Niger founded in 2023.
/// A state a person plays is asked (`offers`), never signed up.
pub fn propose_pact(world: &mut World, a: StateIdx, b: StateIdx) {
    let r = world.resource::<crate::rules::Rules>().blocs.clone();
    if let Some(shared) = blocs_of(world, a)
        .into_iter()
        .find(|x| membership(world, b, *x).is_some() && defends(world, *x))
    {
        let text = Said::new("news-already-allies")
            .state("first", a)
            .state("second", b)
            .bloc("bloc", shared);
        let item = news(world, NewsKind::Decision, text).members(vec![a, b]);
        post(world, item);
        return;
    }
    if world.resource::<crate::sim::world::players::Humans>().plays(b) {
        crate::sim::player::offers::put(
            world,
            b,
            crate::sim::player::offers::OfferKind::Pact { from: a, bloc: None },
        );
        return;
    }
    let close = world.resource::<crate::sim::world::relations::Relations>().get(a, b) >= r.form_relations;
    if !close {
        let text = Said::new("news-pact-declined").state("first", a).state("second", b);
        let item = news(world, NewsKind::Decision, text).members(vec![a, b]);
        post(world, item);
        return;
    }
    conclude_pact(world, a, b);
}

/// `b` has agreed to `a`'s proposal: `a` joins `b`'s pact, `b` joins
/// `a`'s, or the two found one.
pub fn conclude_pact(world: &mut World, a: StateIdx, b: StateIdx) {
    let r = world.resource::<crate::rules::Rules>().blocs.clone();
    match (
        pact_to_join(world, b, a, r.form_relations),
        pact_to_join(world, a, b, r.form_relations),
    ) {
        (Some(y), _) => join_bloc(world, a, y),
        (None, Some(x)) => join_bloc(world, b, x),
        (None, None) => {
            form_bloc(
                world,
                BlocKind::DefencePact,
                &[a.min(b), a.max(b)],
                r.pact_notice_months as u32,
            );
        }
    }
}

/// A pact or confederation with a mutual-defence clause.
fn defends(world: &World, bloc: BlocIdx) -> bool {
    world
        .resource::<Registry>()
        .bloc_entity(bloc)
        .and_then(|e| world.get::<Bloc>(e))
        .is_some_and(|x| matches!(x.kind, BlocKind::DefencePact | BlocKind::Confederation) && x.rules.mutual_defence)
}

/// The first pact of `host` with a mutual-defence clause whose members
/// (other than `guest`) are all on good terms with `guest`, including one
/// `guest` is already in.
fn pact_to_join(world: &World, host: StateIdx, guest: StateIdx, good_terms: f64) -> Option<BlocIdx> {
    let rel = world.resource::<crate::sim::world::relations::Relations>();
    blocs_of(world, host).into_iter().find(|bl| {
        defends(world, *bl)
            && members(world, *bl)
                .into_iter()
                .filter(|m| *m != guest)
                .all(|m| rel.get(m, guest) >= good_terms)
    })
}

/// Moves a state's standing toward a power, through the ledger.
pub fn change_alignment(world: &mut World, entity: Entity, state: StateIdx, power: PowerIdx, delta: f64, cause: Cause) {
    world.resource_scope(|world, mut ledger: Mut<Ledger>| {
        if let Some(mut al) = world.get_mut::<Alignment>(entity)
            && let Some(slot) = al.0.get_mut(power.0 as usize)
        {
            ledger.change(state, Measure::Alignment(power), slot, delta, cause);
        }
    });
}

pub fn set_leader(world: &mut World, state: StateIdx, leader: &str, regime: Option<RegimeKind>) {
    let reg = world.resource::<Registry>();
    let e = reg.state_entity(state);
    let date = world.resource::<Clock>().date();
    let Some(mut r) = world.get_mut::<Regime>(e) else {
        return;
    };
    r.leader = leader.to_string();
    r.since = date;
    if let Some(kind) = regime {
        r.kind = kind;
        if kind == RegimeKind::Civilian {
            r.by_coup = false;
        }
    }
    let text = Said::new("news-leader-changed")
        .name("leader", leader)
        .state("state", state);
    let item = news(world, NewsKind::LeaderChanged, text).state(state);
    post(world, item);
}

/// How an indicator is to move.
#[derive(Debug, Clone, Copy)]
pub enum Move {
    By(f64),
    To(f64),
}

/// Moves one indicator of a state through the ledger.
pub fn change_indicator(world: &mut World, state: StateIdx, indicator: Indicator, how: Move, cause: Cause) {
    let e = world.resource::<Registry>().state_entity(state);
    world.resource_scope(|world, mut ledger: Mut<Ledger>| {
        let mut apply = |slot: &mut f64| {
            let delta = match how {
                Move::By(d) => d,
                Move::To(v) => v - *slot,
            };
            ledger.change(state, Measure::Indicator(indicator), slot, delta, cause);
        };
        match indicator {
            Indicator::Stability => world.get_mut::<Stability>(e).map(|mut c| apply(&mut c.0)),
            Indicator::Legitimacy => world.get_mut::<Legitimacy>(e).map(|mut c| apply(&mut c.0)),
            Indicator::MilitaryLoyalty => world.get_mut::<MilitaryLoyalty>(e).map(|mut c| apply(&mut c.0)),
            Indicator::CoupProofing => world.get_mut::<CoupProofing>(e).map(|mut c| apply(&mut c.0)),
            Indicator::Insurgency => world.get_mut::<Security>(e).map(|mut c| apply(&mut c.insurgency)),
            Indicator::Control => world.get_mut::<Security>(e).map(|mut c| apply(&mut c.control)),
            Indicator::Military => world.get_mut::<Security>(e).map(|mut c| apply(&mut c.military)),
            Indicator::Growth => world.get_mut::<Economy>(e).map(|mut c| apply(&mut c.growth)),
            Indicator::FoodInsecurity => world.get_mut::<Economy>(e).map(|mut c| apply(&mut c.food_insecurity)),
        };
    });
}

/// Whether any bloc has `state` under sanctions, and which.
pub fn sanctioning_blocs(world: &World, state: StateIdx) -> Vec<BlocIdx> {
    sanctioning(world, state).collect()
}

/// Whether any bloc has `state` under sanctions (without collecting: AI
/// conditions ask this for every option).
pub fn is_sanctioned(world: &World, state: StateIdx) -> bool {
    sanctioning(world, state).next().is_some()
}

fn sanctioning(world: &World, state: StateIdx) -> impl Iterator<Item = BlocIdx> + '_ {
    world
        .resource::<Registry>()
        .live_blocs()
        .filter(move |(_, e)| world.get::<Bloc>(*e).is_some_and(|b| b.sanctions(state)))
        .map(|(b, _)| b)
}

/// Bans grain exports (`ban`) or lifts the ban. A ban sours relations with
/// every neighbour, whose markets it tightens.
pub fn set_grain_ban(world: &mut World, state: StateIdx, ban: bool) {
    let reg = world.resource::<Registry>();
    let e = reg.state_entity(state);
    let Some(mut eco) = world.get_mut::<Economy>(e) else {
        return;
    };
    if eco.grain_ban == ban {
        return;
    }
    eco.grain_ban = ban;
    let (kind, text) = if ban {
        (
            NewsKind::GrainExportsBanned,
            Said::new("news-grain-ban").state("state", state),
        )
    } else {
        (
            NewsKind::GrainExportsResumed,
            Said::new("news-grain-ban-lifted").state("state", state),
        )
    };
    if ban {
        let cost = world.resource::<crate::rules::Rules>().food.ban_relations;
        let neighbours = world.get::<Neighbours>(e).map(|n| n.0.clone()).unwrap_or_default();
        let mut relations = world.resource_mut::<crate::sim::world::relations::Relations>();
        for n in neighbours {
            relations.add(state, n, cost);
        }
    }
    let item = news(world, kind, text).state(state);
    post(world, item);
}

/// Whether a computer-run government would leave bloc `b`: not a monetary
/// union unless a pact of juntas it belongs to has its currency ready
/// (somewhere to go). The one rule for the bloc mechanisms and the AI.
pub fn may_leave(world: &World, s: StateIdx, b: BlocIdx) -> bool {
    let ready = world.resource::<Rules>().blocs.currency_ready;
    let reg = world.resource::<Registry>();
    let bloc = |x: BlocIdx| reg.bloc_entity(x).and_then(|e| world.get::<Bloc>(e));
    if bloc(b).is_none_or(|x| x.kind != BlocKind::MonetaryUnion) {
        return true;
    }
    // Any pact will do: no need to list them in order.
    let memberships = world.get::<Memberships>(reg.state_entity(s));
    let blocs = memberships
        .into_iter()
        .flat_map(|m| m.iter())
        .filter_map(|x| world.get::<Membership>(x).map(|ms| ms.bloc));
    blocs.into_iter().any(|p| {
        bloc(p).is_some_and(|x| {
            matches!(x.kind, BlocKind::DefencePact | BlocKind::Confederation)
                && x.of_juntas
                && x.projects
                    .iter()
                    .any(|pr| pr.kind == ProjectKind::Currency && pr.progress >= ready)
        })
    })
}
