//! What a script reads: the world, with the resources every condition
//! needs looked up once rather than at each leaf (a government weighing its
//! options evaluates hundreds of conditions in a month).

use bevy::prelude::*;

use crate::scenario::YearMonth;
use crate::scenario::format::{Indicator, Stage};
use crate::sim::components::*;
use crate::sim::diplomacy::Relations;
use crate::sim::registry::{Clock, Registry};

/// The world as a script reads it.
pub struct Ctx<'w> {
    pub world: &'w World,
    pub reg: &'w Registry,
    pub relations: &'w Relations,
    pub date: YearMonth,
    /// Turns resolved so far.
    pub turn: u32,
    /// The game is being set up (`Start` holds).
    pub prologue: bool,
}

impl<'w> Ctx<'w> {
    pub fn new(world: &'w World) -> Self {
        let clock = world.resource::<Clock>();
        Self {
            world,
            reg: world.resource::<Registry>(),
            relations: world.resource::<Relations>(),
            date: clock.date(),
            turn: clock.turn,
            prologue: world
                .get_resource::<super::super::events::Prologue>()
                .is_some_and(|p| p.0),
        }
    }

    #[inline]
    pub fn state<T: Component>(&self, s: StateIdx) -> Option<&'w T> {
        self.world.get::<T>(self.reg.state_entity(s))
    }

    #[inline]
    pub fn power<T: Component>(&self, p: PowerIdx) -> Option<&'w T> {
        self.world.get::<T>(self.reg.power_entity(p))
    }

    #[inline]
    pub fn bloc(&self, b: BlocIdx) -> Option<&'w Bloc> {
        self.world.get::<Bloc>(self.reg.bloc_entity(b)?)
    }

    pub fn indicator(&self, s: StateIdx, indicator: Indicator) -> f64 {
        read_indicator(self.world.entity(self.reg.state_entity(s)), indicator)
    }

    /// The state's membership of the bloc, if it is a member.
    pub fn membership(&self, s: StateIdx, b: BlocIdx) -> Option<&'w Membership> {
        self.state::<Memberships>(s)?
            .iter()
            .filter_map(|m| self.world.get::<Membership>(m))
            .find(|m| m.bloc == b)
    }

    /// The state's partnerships that have not ended, in the order they were
    /// opened.
    pub fn live_partnerships(&self, s: StateIdx) -> impl Iterator<Item = &'w Partnership> + 'w {
        let world = self.world;
        self.state::<Partnerships>(s)
            .into_iter()
            .flat_map(|list| list.iter())
            .filter_map(move |e| world.get::<Partnership>(e))
            .filter(|p| p.stage != Stage::Ended)
    }

    /// Whether any bloc has the state under sanctions.
    pub fn sanctioned(&self, s: StateIdx) -> bool {
        self.reg
            .live_blocs()
            .any(|(_, e)| self.world.get::<Bloc>(e).is_some_and(|b| b.sanctions(s)))
    }

    /// Security partnerships in force of the power.
    pub fn security_load(&self, p: PowerIdx) -> u32 {
        self.power::<PowerPartnerships>(p)
            .map(|list| {
                list.iter()
                    .filter_map(|e| self.world.get::<Partnership>(e))
                    .filter(|p| p.kind.has_forces() && p.stage == Stage::InForce)
                    .count() as u32
            })
            .unwrap_or(0)
    }

    /// Members of the bloc that have not announced their withdrawal.
    pub fn staying_members(&self, b: BlocIdx) -> usize {
        let Some(e) = self.reg.bloc_entity(b) else { return 0 };
        self.world.get::<Members>(e).map_or(0, |m| {
            m.iter()
                .filter_map(|x| self.world.get::<Membership>(x))
                .filter(|ms| ms.leaving.is_none())
                .count()
        })
    }
}
