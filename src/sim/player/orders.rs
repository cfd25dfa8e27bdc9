//! Orders: what a government decides this turn, in the same effect
//! vocabulary as scripted events. The GUI and the command line both submit
//! orders; they are checked and carried out in the Orders phase.

use bevy::prelude::*;

use crate::scenario::format::Effect;
pub use crate::sim::player::inputs::Order;
use crate::sim::schedule::{SetUpPhase, SetUpSteps, TurnPhase, TurnSchedule};
use crate::sim::script::effect::apply_effect;
use crate::sim::world::ledger::{Actor, Cause, Mechanism};
use crate::sim::world::registry::{Clock, Registry};

pub(crate) fn plugin(app: &mut App) {
    crate::sim::world::snapshot::Kept::resource::<OrderQueue>(app);
    crate::sim::world::snapshot::Kept::resource::<crate::sim::player::inputs::InputLog>(app);
    SetUpSteps::add(app, SetUpPhase::Resources, |world, _| {
        world.insert_resource(OrderQueue::default());
        world.insert_resource(crate::sim::player::inputs::InputLog::default());
    });
    app.add_systems(TurnSchedule, carry_out_orders.in_set(TurnPhase::Orders));
}

/// An order that could not be carried out, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    pub turn: u32,
    pub order: Order,
    pub reason: String,
}

#[derive(Debug, Clone, Resource, Default)]
pub struct OrderQueue {
    pub pending: Vec<Order>,
    pub rejected: Vec<Rejected>,
}

/// Checks that a government may give this order: it can only act for itself
/// (its own indicators, partnerships, memberships; sanctions by a bloc it
/// belongs to are a bloc decision and are not a single state's order).
pub fn check(registry: &Registry, order: &Order) -> Result<(), String> {
    if registry.state(&order.by).is_none() {
        return Err(format!("`{}` is not a state of this scenario", order.by));
    }
    let own = |s: &str| -> Result<(), String> {
        if s == order.by {
            Ok(())
        } else {
            Err(format!("{} cannot decide for {s}", order.by))
        }
    };
    let known_power = |p: &str| -> Result<(), String> {
        registry
            .power(p)
            .map(|_| ())
            .ok_or_else(|| format!("`{p}` is not a power of this scenario"))
    };
    let known_bloc = |b: &str| -> Result<(), String> {
        registry
            .bloc(b)
            .and_then(|b| registry.bloc_entity(b))
            .map(|_| ())
            .ok_or_else(|| format!("`{b}` is not a bloc that exists now"))
    };
    let known_state = |s: &str| -> Result<(), String> {
        registry
            .state(s)
            .map(|_| ())
            .ok_or_else(|| format!("`{s}` is not a state of this scenario"))
    };
    // Numbers as a person could give them: finite, and no larger than the
    // scale they move on.
    let amount = |x: f64| -> Result<(), String> {
        if x.is_finite() && x.abs() <= 200.0 {
            Ok(())
        } else {
            Err(format!(
                "a change of {x} is not possible: give a number between -200 and 200"
            ))
        }
    };
    match &order.effect {
        Effect::Align { delta, .. } | Effect::Relate { delta, .. } => amount(*delta)?,
        _ => {}
    }
    match &order.effect {
        Effect::StartPartnership { state, power, .. }
        | Effect::EndPartnership { state, power, .. }
        | Effect::ExpelForces { state, power }
        | Effect::AdvancePartnership { state, power }
        | Effect::Align { state, power, .. } => {
            own(state)?;
            known_power(power)
        }
        Effect::JoinBloc { state, bloc }
        | Effect::AnnounceWithdrawal { state, bloc }
        | Effect::LeaveBloc { state, bloc } => {
            own(state)?;
            known_bloc(bloc)
        }
        Effect::VisitPower { state, power } => {
            own(state)?;
            known_power(power)
        }
        Effect::BanGrainExports { state } | Effect::LiftGrainExportBan { state } => own(state),
        Effect::Mediate { state, first, second } => {
            own(state)?;
            known_state(first)?;
            known_state(second)
        }
        Effect::VisitState { state, other }
        | Effect::JointStatement { state, other }
        | Effect::RecallAmbassador { state, other }
        | Effect::CloseBorder { state, other }
        | Effect::OpenBorder { state, other }
        | Effect::UrgeSanctions { state, other }
        | Effect::UrgeLifting { state, other }
        | Effect::AskMediation { state, other }
        | Effect::OfferMediation { state, other }
        | Effect::ProposePact { state, other } => {
            own(state)?;
            known_state(other)
        }
        Effect::Relate { state, other, .. } => {
            own(state)?;
            registry
                .state(other)
                .map(|_| ())
                .ok_or_else(|| format!("`{other}` is not a state of this scenario"))
        }
        other => Err(format!(
            "`{}` is not an order a government can give; orders start, advance, end or \
             expel partnerships, align, relate, visit, mediate or ask for mediation, recall \
             ambassadors, close or open borders, press for or against sanctions, propose \
             pacts, ban or allow grain exports, and join, withdraw from or leave blocs",
            other.name()
        )),
    }
}

fn carry_out_orders(world: &mut World) {
    let pending = std::mem::take(&mut world.resource_mut::<OrderQueue>().pending);
    let turn = world.resource::<Clock>().turn + 1;
    for order in pending {
        world
            .resource_mut::<crate::sim::player::inputs::InputLog>()
            .0
            .push(crate::sim::player::inputs::Input::Order {
                turn,
                order: order.clone(),
            });
        let verdict = check(world.resource::<Registry>(), &order);
        match verdict {
            Ok(()) => {
                let by = world.resource::<Registry>().state(&order.by);
                let cause = match by {
                    Some(s) => Cause::by(Mechanism::Order, Actor::State(s)),
                    None => Cause::of(Mechanism::Order),
                };
                apply_effect(world, &order.effect, cause);
            }
            Err(reason) => world
                .resource_mut::<OrderQueue>()
                .rejected
                .push(Rejected { turn, order, reason }),
        }
    }
}
