//! A game at one moment as plain data, and the same game restored from it:
//! "what happens next?" sets the present up once and restores it for each
//! future instead of replaying the game from its start every time. (A Bevy
//! `World` cannot be cloned; its entities' components and its resources
//! can.)
//!
//! Every component of the game's entities is listed here; each plugin
//! registers the resources it owns with [`Kept::resource`], as it
//! registers its set-up steps. Entities get new ids on restore: the links
//! between them (memberships, partnerships) and the registry are mapped to
//! the new ones, and links are made again in the order they were first
//! made, so that every list of them reads as it did.

use std::any::Any;
use std::collections::BTreeMap;

use bevy::prelude::*;

use crate::sim::world::components::*;
use crate::sim::world::registry::Registry;

type Stored = Box<dyn Any + Send + Sync>;
type Capture = fn(&World) -> Option<Stored>;
type Restore = fn(&mut World, &Stored);

/// The resources a snapshot keeps, registered by the plugins that own them.
#[derive(Resource, Default)]
pub struct Kept(Vec<(Capture, Restore)>);

impl Kept {
    /// Registers a resource to keep (a plugin's build calls this).
    pub fn resource<T: Resource + Clone>(app: &mut App) {
        fn capture<T: Resource + Clone>(world: &World) -> Option<Stored> {
            world.get_resource::<T>().map(|r| Box::new(r.clone()) as Stored)
        }
        fn restore<T: Resource + Clone>(world: &mut World, stored: &Stored) {
            if let Some(r) = stored.downcast_ref::<T>() {
                world.insert_resource(r.clone());
            }
        }
        app.world_mut()
            .get_resource_or_init::<Kept>()
            .0
            .push((capture::<T>, restore::<T>));
    }
}

/// Declares the plain components an entity of the game may carry, once:
/// what a snapshot copies and restores.
macro_rules! plain_components {
    ($($field:ident: $ty:ty),* $(,)?) => {
        #[derive(Clone, Default)]
        struct Plain {
            $($field: Option<$ty>,)*
        }

        impl Plain {
            fn capture(e: EntityRef) -> Self {
                Self { $($field: e.get::<$ty>().cloned(),)* }
            }

            fn restore(&self, e: &mut EntityWorldMut) {
                $(if let Some(c) = &self.$field {
                    e.insert(c.clone());
                })*
            }
        }
    };
}

plain_components! {
    name: Name,
    code: Code,
    country: Country,
    stability: Stability,
    legitimacy: Legitimacy,
    loyalty: MilitaryLoyalty,
    proofing: CoupProofing,
    security: Security,
    baseline: Baseline,
    economy: Economy,
    alignment: Alignment,
    regime: Regime,
    record: CoupRecord,
    names: Names,
    neighbours: Neighbours,
    priorities: Priorities,
    power: Power,
    agenda: Agenda,
    bloc: Bloc,
    membership: Membership,
    partnership: Partnership,
}

/// The links of an entity to others, by their ids at capture.
#[derive(Clone, Copy, Default)]
struct Links {
    member_of: Option<Entity>,
    membership_of: Option<Entity>,
    partner_state: Option<Entity>,
    partner_power: Option<Entity>,
}

/// A game at one moment.
pub struct Snapshot {
    /// Every entity of the game: its id at capture, components and links.
    entities: Vec<(Entity, Plain, Links)>,
    /// Entities with links, in the order the links were first made.
    linked: Vec<usize>,
    /// The kept resources, in [`Kept`]'s order.
    resources: Vec<Option<Stored>>,
}

impl Snapshot {
    /// Copies the game a world holds.
    pub fn capture(world: &mut World) -> Snapshot {
        let mut query = world.query_filtered::<Entity, With<FromScenario>>();
        let mut ids: Vec<Entity> = query.iter(world).collect();
        ids.sort();
        let entities: Vec<(Entity, Plain, Links)> = ids
            .iter()
            .map(|&id| {
                let e = world.entity(id);
                let links = Links {
                    member_of: e.get::<MemberOf>().map(|x| x.0),
                    membership_of: e.get::<MembershipOf>().map(|x| x.0),
                    partner_state: e.get::<PartnerState>().map(|x| x.0),
                    partner_power: e.get::<PartnerPower>().map(|x| x.0),
                };
                (id, Plain::capture(e), links)
            })
            .collect();
        let linked = link_order(world, &entities);
        let resources = world
            .get_resource::<Kept>()
            .map(|k| k.0.iter().map(|(capture, _)| capture(world)).collect())
            .unwrap_or_default();
        Snapshot {
            entities,
            linked,
            resources,
        }
    }

    /// Replaces whatever game the world holds with the one captured.
    pub fn restore(&self, world: &mut World) {
        super::spawn::despawn_game(world);
        let mut new_id: BTreeMap<Entity, Entity> = BTreeMap::new();
        for (old, plain, _) in &self.entities {
            let mut e = world.spawn_empty();
            plain.restore(&mut e);
            new_id.insert(*old, e.id());
        }
        let map = |e: Option<Entity>| e.and_then(|e| new_id.get(&e).copied());
        for &k in &self.linked {
            let (old, _, links) = &self.entities[k];
            let Some(id) = new_id.get(old).copied() else { continue };
            let mut e = world.entity_mut(id);
            if let (Some(bloc), Some(state)) = (map(links.member_of), map(links.membership_of)) {
                e.insert((MemberOf(bloc), MembershipOf(state)));
            }
            if let (Some(state), Some(power)) = (map(links.partner_state), map(links.partner_power)) {
                e.insert((PartnerState(state), PartnerPower(power)));
            }
        }
        let kept: Vec<Restore> = world
            .get_resource::<Kept>()
            .map(|k| k.0.iter().map(|(_, restore)| *restore).collect())
            .unwrap_or_default();
        for (restore, stored) in kept.iter().zip(&self.resources) {
            if let Some(stored) = stored {
                restore(world, stored);
            }
        }
        // The registry names entities: the restored ones.
        if let Some(mut reg) = world.get_resource_mut::<Registry>() {
            let reg = &mut *reg;
            for l in reg
                .states
                .iter_mut()
                .chain(reg.powers.iter_mut())
                .chain(reg.blocs.iter_mut())
            {
                l.entity = map(l.entity);
            }
        }
    }
}

/// The linked entities in an order consistent with every list of links
/// (each list holds its links in the order they were made, so an order
/// that respects all of them re-makes each list as it was); ties by id.
fn link_order(world: &World, entities: &[(Entity, Plain, Links)]) -> Vec<usize> {
    let at: BTreeMap<Entity, usize> = entities.iter().enumerate().map(|(k, (id, ..))| (*id, k)).collect();
    let n = entities.len();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut before_count = vec![0usize; n];
    let mut chain = |list: &mut dyn Iterator<Item = Entity>| {
        let mut prev: Option<usize> = None;
        for e in list {
            let Some(&k) = at.get(&e) else { continue };
            if let Some(p) = prev {
                after[p].push(k);
                before_count[k] += 1;
            }
            prev = Some(k);
        }
    };
    for (id, ..) in entities {
        let e = world.entity(*id);
        if let Some(l) = e.get::<Members>() {
            chain(&mut l.iter());
        }
        if let Some(l) = e.get::<Memberships>() {
            chain(&mut l.iter());
        }
        if let Some(l) = e.get::<Partnerships>() {
            chain(&mut l.iter());
        }
        if let Some(l) = e.get::<PowerPartnerships>() {
            chain(&mut l.iter());
        }
    }
    let is_linked = |k: usize| {
        let l = &entities[k].2;
        l.member_of.is_some() || l.partner_state.is_some()
    };
    // Kahn's algorithm, lowest index first among those ready.
    let mut ready: std::collections::BTreeSet<usize> = (0..n).filter(|k| before_count[*k] == 0).collect();
    let mut out = Vec::new();
    while let Some(k) = ready.pop_first() {
        if is_linked(k) {
            out.push(k);
        }
        for &m in &after[k] {
            before_count[m] -= 1;
            if before_count[m] == 0 {
                ready.insert(m);
            }
        }
    }
    out
}
