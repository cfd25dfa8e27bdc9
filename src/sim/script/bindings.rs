//! Who a script speaks of: the decider (`$self`), what it decides about
//! (`$target`), and references to states, powers and blocs resolved once to
//! indices or to one of those two slots.

use super::facts::Facts;
use crate::sim::world::components::{BlocIdx, PowerIdx, StateIdx};
use crate::sim::world::registry::Registry;

/// Who takes a decision: a state's government or a foreign power.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Who {
    State(StateIdx),
    Power(PowerIdx),
}

impl Who {
    pub fn state(self) -> Option<StateIdx> {
        match self {
            Who::State(s) => Some(s),
            Who::Power(_) => None,
        }
    }
}

/// What a decision is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    State(StateIdx),
    Power(PowerIdx),
    Bloc(BlocIdx),
}

/// What `$self` and `$target` stand for in a decision's conditions and
/// effects (nothing, in a scenario's events).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bindings {
    pub me: Option<Who>,
    pub target: Option<Target>,
}

impl Bindings {
    pub const NONE: Bindings = Bindings { me: None, target: None };

    pub fn new(me: Who, target: Option<Target>) -> Self {
        Self { me: Some(me), target }
    }
}

/// A state named in a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateRef {
    Fixed(StateIdx),
    Me,
    Target,
    /// An id no state of the game has: never resolves.
    Unknown,
}

/// A foreign power named in a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PowerRef {
    Fixed(PowerIdx),
    Me,
    Target,
    Unknown,
}

/// A bloc named in a script. Blocs can be founded during play, so an id no
/// bloc has yet is kept and looked up when the script runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlocRef {
    Fixed(BlocIdx),
    Target,
    Later(Box<str>),
}

impl StateRef {
    pub fn compile(code: &str, reg: &Registry) -> Self {
        match code {
            "$self" => StateRef::Me,
            "$target" => StateRef::Target,
            _ => reg.state(code).map_or(StateRef::Unknown, StateRef::Fixed),
        }
    }

    #[inline(always)]
    pub fn get(self, bind: &Bindings) -> Option<StateIdx> {
        match self {
            StateRef::Fixed(s) => Some(s),
            StateRef::Me => bind.me.and_then(Who::state),
            StateRef::Target => match bind.target {
                Some(Target::State(s)) => Some(s),
                _ => None,
            },
            StateRef::Unknown => None,
        }
    }

    pub fn on_target(self) -> bool {
        self == StateRef::Target
    }
}

impl PowerRef {
    pub fn compile(code: &str, reg: &Registry) -> Self {
        match code {
            "$self" => PowerRef::Me,
            "$target" => PowerRef::Target,
            _ => reg.power(code).map_or(PowerRef::Unknown, PowerRef::Fixed),
        }
    }

    #[inline(always)]
    pub fn get(self, bind: &Bindings) -> Option<PowerIdx> {
        match self {
            PowerRef::Fixed(p) => Some(p),
            PowerRef::Me => match bind.me {
                Some(Who::Power(p)) => Some(p),
                _ => None,
            },
            PowerRef::Target => match bind.target {
                Some(Target::Power(p)) => Some(p),
                _ => None,
            },
            PowerRef::Unknown => None,
        }
    }

    pub fn on_target(self) -> bool {
        self == PowerRef::Target
    }
}

impl BlocRef {
    pub fn compile(code: &str, reg: &Registry) -> Self {
        match code {
            "$target" => BlocRef::Target,
            _ => reg
                .bloc(code)
                .map_or_else(|| BlocRef::Later(code.into()), BlocRef::Fixed),
        }
    }

    #[inline(always)]
    pub fn get(&self, bind: &Bindings, facts: &Facts) -> Option<BlocIdx> {
        match self {
            BlocRef::Fixed(b) => Some(*b),
            BlocRef::Target => match bind.target {
                Some(Target::Bloc(b)) => Some(b),
                _ => None,
            },
            BlocRef::Later(code) => facts.bloc_by_code(code),
        }
    }

    /// The same, resolving an id that was not a bloc's when compiled
    /// against the registry (effects run outside gathered facts).
    #[inline]
    pub fn get_in(&self, bind: &Bindings, reg: &Registry) -> Option<BlocIdx> {
        match self {
            BlocRef::Later(code) => reg.bloc(code),
            other => other.get_fixed(bind),
        }
    }

    fn get_fixed(&self, bind: &Bindings) -> Option<BlocIdx> {
        match self {
            BlocRef::Fixed(b) => Some(*b),
            BlocRef::Target => match bind.target {
                Some(Target::Bloc(b)) => Some(b),
                _ => None,
            },
            BlocRef::Later(_) => None,
        }
    }

    pub fn on_target(&self) -> bool {
        *self == BlocRef::Target
    }
}
