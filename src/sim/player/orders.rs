//! Orders: what a government decides this turn, in the same effect
//! vocabulary as scripted events. The GUI and the command line both submit
//! orders; they are checked and carried out in the Orders phase.

use crate::sim::world::said::Said;
use bevy::prelude::*;

use serde::{Deserialize, Serialize};

use crate::scenario::format::{Effect, RefKind};
use crate::sim::schedule::{SetUpPhase, SetUpSteps, TurnPhase, TurnSchedule};
use crate::sim::script::effect::apply_effect;
use crate::sim::world::ledger::{Actor, Cause, Mechanism};
use crate::sim::world::registry::{Clock, Registry};

pub(crate) fn plugin(app: &mut App) {
    crate::sim::world::snapshot::Kept::resource::<OrderQueue>(app);
    SetUpSteps::add(app, SetUpPhase::Resources, |world, _| {
        world.insert_resource(OrderQueue::default());
    });
    app.add_systems(TurnSchedule, carry_out_orders.in_set(TurnPhase::Orders));
}

/// One government's decision.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Order {
    /// The state giving the order.
    pub by: String,
    pub effect: Effect,
}

/// An order that could not be carried out, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    pub turn: u32,
    pub order: Order,
    /// Why, for the front ends to put into words.
    pub reason: Said,
}

#[derive(Debug, Clone, Resource, Default)]
pub struct OrderQueue {
    pub pending: Vec<Order>,
    pub rejected: Vec<Rejected>,
}

/// Checks that a government may give this order: it can only act for itself
/// (its own indicators, partnerships, memberships; sanctions by a bloc it
/// belongs to are a bloc decision and are not a single state's order).
pub fn check(registry: &Registry, order: &Order) -> Result<(), Said> {
    if registry.state(&order.by).is_none() {
        return Err(Said::new("input-no-state").name("id", order.by.as_str()));
    }
    let own = |s: &str| -> Result<(), Said> {
        if s == order.by {
            Ok(())
        } else {
            Err(Said::new("order-not-own").name("by", order.by.as_str()).name("for", s))
        }
    };
    let known_power = |p: &str| -> Result<(), Said> {
        registry
            .power(p)
            .map(|_| ())
            .ok_or_else(|| Said::new("input-no-power").name("id", p))
    };
    let known_bloc = |b: &str| -> Result<(), Said> {
        registry
            .bloc(b)
            .and_then(|b| registry.bloc_entity(b))
            .map(|_| ())
            .ok_or_else(|| Said::new("input-no-bloc").name("id", b))
    };
    let known_state = |s: &str| -> Result<(), Said> {
        registry
            .state(s)
            .map(|_| ())
            .ok_or_else(|| Said::new("input-no-state").name("id", s))
    };
    // Numbers as a person could give them: finite, and no larger than the
    // scale they move on.
    let amount = |x: f64| -> Result<(), Said> {
        if x.is_finite() && x.abs() <= 200.0 {
            Ok(())
        } else {
            Err(Said::new("order-amount").name("amount", x.to_string()))
        }
    };
    match &order.effect {
        Effect::Align { delta, .. } | Effect::Relate { delta, .. } => amount(*delta)?,
        _ => {}
    }
    // What a government may order at all.
    let allowed = matches!(
        order.effect,
        Effect::StartPartnership { .. }
            | Effect::EndPartnership { .. }
            | Effect::ExpelForces { .. }
            | Effect::AdvancePartnership { .. }
            | Effect::Align { .. }
            | Effect::JoinBloc { .. }
            | Effect::AnnounceWithdrawal { .. }
            | Effect::LeaveBloc { .. }
            | Effect::VisitPower { .. }
            | Effect::BanGrainExports { .. }
            | Effect::LiftGrainExportBan { .. }
            | Effect::Mediate { .. }
            | Effect::VisitState { .. }
            | Effect::JointStatement { .. }
            | Effect::RecallAmbassador { .. }
            | Effect::CloseBorder { .. }
            | Effect::OpenBorder { .. }
            | Effect::UrgeSanctions { .. }
            | Effect::UrgeLifting { .. }
            | Effect::AskMediation { .. }
            | Effect::OfferMediation { .. }
            | Effect::ProposePact { .. }
            | Effect::Relate { .. }
    );
    if !allowed {
        return Err(Said::new("order-not-allowed").name("effect", order.effect.name()));
    }
    // The acting state is the one giving the order; every other id must
    // name something in the game.
    for r in order.effect.refs() {
        match (r.field, r.kind) {
            ("state", _) => own(r.id)?,
            (_, RefKind::Power) => known_power(r.id)?,
            (_, RefKind::Bloc) => known_bloc(r.id)?,
            (_, RefKind::State) => known_state(r.id)?,
            (_, RefKind::Event) => return Err(Said::new("order-not-a-party").name("id", r.id)),
        }
    }
    Ok(())
}

pub(crate) fn carry_out_orders(world: &mut World) {
    let pending = std::mem::take(&mut world.resource_mut::<OrderQueue>().pending);
    let turn = world.resource::<Clock>().turn + 1;
    // Each was logged when given (`inputs::apply`).
    for order in pending {
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
