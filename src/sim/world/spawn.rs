//! Puts a validated scenario into a `World`: entities for states, powers,
//! blocs, memberships and partnerships, and the resources of a new game.

use bevy::prelude::*;

use crate::scenario::Scenario;
use crate::sim::schedule::{Detail, SetUpSteps};
use crate::sim::world::chronicle::Chronicle;
use crate::sim::world::components::*;
use crate::sim::world::history::History;
use crate::sim::world::ledger::Ledger;
use crate::sim::world::players::PlayedBy;
use crate::sim::world::registry::{Clock, Registry};
use crate::sim::world::relations::Relations;
use crate::sim::world::rng::SimRng;

/// Replaces whatever game the world held with the scenario's start.
pub fn spawn_scenario(world: &mut World, scenario: &Scenario, seed: u64, detail: Detail) {
    despawn_game(world);
    let file = &scenario.file;
    let mut registry = Registry::default();
    registry.set_commodities(&file.commodities);

    // Numbered in id order, so that index order is id order.
    let mut powers: Vec<_> = file.powers.iter().collect();
    powers.sort_by(|a, b| a.id.cmp(&b.id));
    for p in &powers {
        let entity = world.spawn((Name::new(p.name.clone()), Code(p.id.clone()))).id();
        let idx = registry.add_power(&p.id, &p.name, entity);
        world.entity_mut(entity).insert(Power {
            idx,
            capacity: p.capacity,
            conditionality: p.conditionality,
            offers: p.offers.iter().fold(0, |set, k| set | k.bit()),
        });
    }

    let mut states: Vec<_> = file.states.iter().collect();
    states.sort_by(|a, b| a.id.cmp(&b.id));
    for s in &states {
        let entity = world.spawn((Name::new(s.name.clone()), Code(s.id.clone()))).id();
        registry.add_state(&s.id, &s.name, entity);
    }
    let n_powers = registry.power_count();
    for s in &states {
        let idx = registry.state(&s.id).expect("just added");
        let mut alignment = vec![0.0; n_powers];
        for (code, v) in &s.alignment {
            if let Some(p) = registry.power(code) {
                alignment[p.0 as usize] = *v;
            }
        }
        // Borders are mutual even if the file lists them one way only.
        let mut neighbours: Vec<StateIdx> = s.neighbours.iter().filter_map(|n| registry.state(n)).collect();
        for other in &states {
            if other.neighbours.contains(&s.id)
                && let Some(o) = registry.state(&other.id)
            {
                neighbours.push(o);
            }
        }
        neighbours.sort();
        neighbours.dedup();
        let last_coup = s
            .last_coup
            .or(if s.regime.by_coup { Some(s.regime.since) } else { None });
        world.entity_mut(registry.state_entity(idx)).insert((
            Country { idx },
            Stability(s.stability),
            Legitimacy(s.legitimacy),
            MilitaryLoyalty(s.military_loyalty),
            CoupProofing(s.coup_proofing),
            Security {
                insurgency: s.security.insurgency,
                control: s.security.control,
                military: s.security.military,
            },
            Economy {
                growth: s.economy.growth,
                trend_growth: s.economy.growth,
                exports: s
                    .economy
                    .exports
                    .iter()
                    .filter_map(|x| registry.commodity(x.name()))
                    .collect(),
                sanctions_exposure: s.economy.sanctions_exposure,
                coastal: s.economy.coastal,
                food_insecurity: s.economy.food_insecurity,
                grain_ban: s.economy.grain_export_ban,
            },
            Alignment(alignment),
            Regime {
                kind: s.regime.kind,
                leader: s.regime.leader.clone(),
                since: s.regime.since,
                by_coup: s.regime.by_coup,
            },
            CoupRecord {
                last_success: last_coup,
                last_attempt: last_coup,
                successes: 0,
                failures: 0,
            },
            Neighbours(neighbours),
            Names(std::sync::Arc::new(
                s.names
                    .clone()
                    .or_else(|| scenario.rules.names.pool_for(&s.id).cloned())
                    .unwrap_or(crate::rules::NamePool {
                        ranks: vec![],
                        given: vec![],
                        family: vec![],
                    }),
            )),
            Baseline {
                stability: s.stability,
                legitimacy: s.legitimacy,
                loyalty: s.military_loyalty,
                insurgency: s.security.insurgency,
                control: s.security.control,
                military: s.security.military,
                rooted: s.security.insurgency,
                rest: s.security.insurgency,
                momentum: s
                    .security
                    .trend
                    .map(|t| t / 12.0)
                    .unwrap_or(scenario.rules.security.momentum),
                control_ratio: if s.security.insurgency >= 5.0 {
                    ((100.0 - s.security.control) / s.security.insurgency).clamp(0.1, 1.5)
                } else {
                    scenario.rules.security.control_per_insurgency
                },
                partners: 0.0,
                food_insecurity: s.economy.food_insecurity,
            },
        ));
    }

    for p in &powers {
        let mut courts: Vec<StateIdx> = p.agenda.courts.iter().filter_map(|c| registry.state(c)).collect();
        courts.sort();
        let mut rivals: Vec<PowerIdx> = p.agenda.rivals.iter().filter_map(|c| registry.power(c)).collect();
        rivals.sort();
        let entity = registry.power_entity(registry.power(&p.id).expect("just added"));
        world.entity_mut(entity).insert(Agenda {
            outreach: p.agenda.outreach,
            wants: p
                .agenda
                .wants
                .iter()
                .filter_map(|x| registry.commodity(x.name()))
                .collect(),
            courts,
            rivals,
        });
    }

    let mut blocs: Vec<_> = file.blocs.iter().collect();
    blocs.sort_by(|a, b| a.id.cmp(&b.id));
    for b in &blocs {
        let entity = world.spawn((Name::new(b.name.clone()), Code(b.id.clone()))).id();
        let idx = registry.add_bloc(&b.id, &b.name, entity);
        // Sanctions and threats standing at the start date from it.
        let dated = |codes: &[String]| {
            let mut out: Vec<_> = codes
                .iter()
                .filter_map(|c| registry.state(c))
                .map(|s| (s, file.meta.start))
                .collect();
            out.sort();
            out
        };
        let (sanctioned, threatened) = (dated(&b.sanctioned), dated(&b.threatened));
        world.entity_mut(entity).insert(Bloc {
            idx,
            kind: b.kind,
            rules: b.rules.clone(),
            projects: b
                .projects
                .iter()
                .map(|p| Project {
                    kind: p.kind,
                    progress: p.progress,
                })
                .collect(),
            founded: None,
            sanctioned,
            threatened,
            peak_members: b.members.len() as u16,
            // A pact all of whose members are juntas at the start is theirs.
            of_juntas: matches!(
                b.kind,
                crate::scenario::format::BlocKind::DefencePact | crate::scenario::format::BlocKind::Confederation
            ) && !b.members.is_empty()
                && b.members.iter().all(|m| {
                    file.states
                        .iter()
                        .any(|s| s.id == *m && s.regime.kind == crate::scenario::format::RegimeKind::MilitaryJunta)
                }),
        });
        let mut members: Vec<StateIdx> = b.members.iter().filter_map(|m| registry.state(m)).collect();
        members.sort();
        for m in members {
            let suspended = b.suspended.iter().any(|s| registry.state(s) == Some(m));
            world.spawn(membership_bundle(m, registry.state_entity(m), idx, entity, suspended));
        }
    }

    let mut partnerships: Vec<_> = file
        .partnerships
        .iter()
        .filter_map(|p| Some((registry.state(&p.state)?, registry.power(&p.power)?, p.kind, p.stage)))
        .collect();
    partnerships.sort();
    for (state, power, kind, stage) in partnerships {
        let partnership = Partnership {
            state,
            power,
            kind,
            stage,
            stage_since: file.meta.start,
            offered: false,
        };
        world.spawn(partnership_bundle(
            partnership,
            registry.state_entity(state),
            registry.power_entity(power),
        ));
    }

    let n_states = registry.state_count();
    world.insert_resource(registry);
    world.insert_resource(Clock {
        start: file.meta.start,
        turn: 0,
    });
    world.insert_resource(scenario.rules.clone());
    world.insert_resource(SimRng::new(seed));
    world.insert_resource(Ledger::new(detail == Detail::Full));
    world.insert_resource(Chronicle {
        news: Vec::new(),
        texts: detail == Detail::Full,
    });
    world.insert_resource(History {
        keep: detail == Detail::Full,
        snapshots: Vec::new(),
    });
    world.insert_resource(crate::sim::world::relations::Borders::default());
    // The player (if any) is kept across a reset.
    world.insert_resource(PlayedBy::default());
    world.insert_resource(crate::sim::world::players::Humans::default());
    world.insert_resource(crate::sim::world::turn::CoupsThisTurn::default());
    world.insert_resource(crate::sim::world::actions::BlocsVersion::default());
    world.insert_resource(Relations::new(n_states));
    world.insert_resource(GameInfo {
        name: file.meta.name.clone(),
        seed,
        generation: NEXT_GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
    });
    // What each mechanism owns, and what settles the start (its plugins'
    // set-up steps).
    let steps = world
        .get_resource::<SetUpSteps>()
        .map(SetUpSteps::ordered)
        .unwrap_or_default();
    for step in steps {
        step(world, scenario);
    }
}

/// What game is loaded.
#[derive(Debug, Clone, Resource)]
pub struct GameInfo {
    pub name: String,
    pub seed: u64,
    /// Different for every game set up in this process (the same for a
    /// game restored from a snapshot): what was read once of a game, such
    /// as its borders, is read again when it changes.
    pub generation: u64,
}

static NEXT_GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

pub(crate) fn despawn_game(world: &mut World) {
    let mut query = world.query_filtered::<Entity, With<FromScenario>>();
    let entities: Vec<Entity> = query.iter(world).collect();
    for e in entities {
        // Linked memberships and partnerships may already be gone with their owner.
        let _ = world.try_despawn(e);
    }
}
