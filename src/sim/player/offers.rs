//! Offers put to the states people play: a neighbour's proposal of a
//! defence pact, a foreign power's offer of a partnership, a request to
//! mediate. A computer-run government answers such things at once; a
//! person is asked. Each offer waits here for the player's answer, which is
//! carried out when the turn ends; none proceeds on its own. One left
//! unanswered for `diplomacy.offer_patience_months` lapses, and the news
//! says so. An offer to a state nobody plays any more (the player went to
//! observer mode) is answered as its government would.

use bevy::prelude::*;

use crate::scenario::format::{PartnershipKind, Stage};
use crate::sim::schedule::{SetUpPhase, SetUpSteps, TurnPhase, TurnSchedule};
use crate::sim::world::actions;
use crate::sim::world::chronicle::NewsKind;
use crate::sim::world::components::{BlocIdx, Partnership, PowerIdx, StateIdx};
use crate::sim::world::ledger::Ledger;
use crate::sim::world::players::Humans;
use crate::sim::world::registry::{Clock, Registry};
use crate::sim::world::relations::Relations;
use crate::sim::world::said::Said;

pub(crate) fn plugin(app: &mut App) {
    crate::sim::world::snapshot::Kept::resource::<Offers>(app);
    SetUpSteps::add(app, SetUpPhase::Resources, |world, _| {
        world.insert_resource(Offers::default());
    });
    // Before the orders and decisions of the month: an accepted pact is in
    // place for what the player decides next.
    app.add_systems(
        TurnSchedule,
        settle_offers
            .in_set(TurnPhase::Orders)
            .before(super::orders::carry_out_orders),
    );
}

/// What is offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferKind {
    /// `from` proposes a mutual defence pact: to join `bloc` (an
    /// invitation from a member), or, if none is named, to join its pact,
    /// let it join the player's, or found one.
    Pact { from: StateIdx, bloc: Option<BlocIdx> },
    /// A power offers a partnership; talks are open and wait for the answer.
    Partnership { power: PowerIdx, kind: PartnershipKind },
    /// `asked_by` asks the player's government to mediate between `first`
    /// and `second` (the player may be one of the two, asked to accept a
    /// mediator).
    Mediation {
        asked_by: StateIdx,
        mediator: StateIdx,
        first: StateIdx,
        second: StateIdx,
    },
}

/// One offer waiting for a player.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    /// Numbered in the order made, from 1: what an answer names, and what a
    /// save replays.
    pub id: u32,
    /// The human-played state asked.
    pub to: StateIdx,
    pub kind: OfferKind,
    /// The turn it was made in.
    pub turn: u32,
    /// The player's answer, carried out when the turn ends.
    pub answer: Option<bool>,
}

/// The offers waiting for answers, oldest first.
#[derive(Debug, Clone, Resource, Default)]
pub struct Offers {
    pub open: Vec<Offer>,
    made: u32,
    /// Offers turned down or left to lapse, with the turn: not made again
    /// for `diplomacy.offer_again_months`.
    refused: Vec<(StateIdx, OfferKind, u32)>,
}

/// Puts an offer to a human-played state, with the news that it waits for
/// an answer. The same offer made twice is one offer.
pub fn put(world: &mut World, to: StateIdx, kind: OfferKind) {
    // The turn being run (the clock counts turns completed).
    let turn = world.resource::<Ledger>().turn;
    let again = world.resource::<crate::rules::Rules>().diplomacy.offer_again_months as u32;
    let offers = world.resource::<Offers>();
    let asked = offers.open.iter().any(|o| o.to == to && o.kind == kind);
    let refused = offers
        .refused
        .iter()
        .any(|(t, k, when)| *t == to && *k == kind && turn < when + again);
    if asked || refused {
        return;
    }
    let mut offers = world.resource_mut::<Offers>();
    offers.made += 1;
    let id = offers.made;
    offers.open.push(Offer {
        id,
        to,
        kind,
        turn,
        answer: None,
    });
    let text = Said::new("news-offer")
        .said("question", question(to, kind))
        .state("state", to);
    let item = actions::news(world, NewsKind::Offer, text)
        .state(to)
        .members(members(to, kind));
    actions::post(world, item);
}

/// Records a player's answer to an offer; it is carried out when the turn
/// ends (a later answer replaces an earlier one).
pub fn answer(world: &mut World, id: u32, accept: bool) -> Result<(), Said> {
    let Some(to) = world
        .resource::<Offers>()
        .open
        .iter()
        .find(|o| o.id == id)
        .map(|o| o.to)
    else {
        return Err(Said::new("input-offer-closed").num("offer", f64::from(id)));
    };
    if !world.resource::<Humans>().plays(to) {
        return Err(Said::new("input-offer-not-played").num("offer", f64::from(id)));
    }
    let mut offers = world.resource_mut::<Offers>();
    if let Some(o) = offers.open.iter_mut().find(|o| o.id == id) {
        o.answer = Some(accept);
    }
    Ok(())
}

/// An offer as an interface shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferView {
    pub id: u32,
    /// The state asked (its code).
    pub to: String,
    /// Who makes the offer (a state's or a power's code).
    pub from: String,
    /// `pact`, `partnership` or `mediation`, for machines.
    pub kind: &'static str,
    /// The question, for the front end to put into words.
    pub question: Said,
    /// What accepting does, and what declining does.
    pub if_accepted: Said,
    pub if_declined: Said,
    pub answer: Option<bool>,
    /// Months left before it lapses unanswered (this one included).
    pub months_left: u32,
}

/// The offers waiting for `state`'s answer (all of them if `None`).
pub fn open_offers(world: &World, state: Option<StateIdx>) -> Vec<OfferView> {
    let reg = world.resource::<Registry>();
    let patience = world.resource::<crate::rules::Rules>().diplomacy.offer_patience_months as u32;
    let turn = world.resource::<Clock>().turn;
    world
        .resource::<Offers>()
        .open
        .iter()
        .filter(|o| state.is_none_or(|s| s == o.to))
        .map(|o| {
            let (kind, from, yes, no) = match o.kind {
                OfferKind::Pact { from, bloc: Some(_) } => (
                    "pact",
                    reg.state_code(from).to_string(),
                    Said::new("offer-yes-pact-invitation"),
                    Said::new("offer-no-pact").state("from", from),
                ),
                OfferKind::Pact { from, bloc: None } => (
                    "pact",
                    reg.state_code(from).to_string(),
                    Said::new("offer-yes-pact"),
                    Said::new("offer-no-pact").state("from", from),
                ),
                OfferKind::Partnership { power, .. } => (
                    "partnership",
                    reg.power_code(power).to_string(),
                    Said::new("offer-yes-partnership"),
                    Said::new("offer-no-partnership"),
                ),
                OfferKind::Mediation {
                    asked_by,
                    mediator,
                    first,
                    second,
                } => (
                    "mediation",
                    reg.state_code(asked_by).to_string(),
                    Said::new("offer-yes-mediation")
                        .state("first", first)
                        .state("second", second)
                        .state("mediator", mediator),
                    Said::new("offer-no-mediation"),
                ),
            };
            OfferView {
                id: o.id,
                to: reg.state_code(o.to).to_string(),
                from,
                kind,
                question: question(o.to, o.kind),
                if_accepted: yes,
                if_declined: no,
                answer: o.answer,
                months_left: (o.turn + patience.max(1)).saturating_sub(turn),
            }
        })
        .collect()
}

/// Carries out the answers given, answers for states nobody plays any
/// more, and lets offers past their time lapse.
fn settle_offers(world: &mut World) {
    let open = std::mem::take(&mut world.resource_mut::<Offers>().open);
    if open.is_empty() {
        return;
    }
    let patience = world.resource::<crate::rules::Rules>().diplomacy.offer_patience_months as u32;
    // The turn that is running now.
    let turn = world.resource::<Ledger>().turn;
    let mut kept = Vec::new();
    for o in open {
        // Talks the player pressed on with (or history moved on) are no
        // longer an offer waiting: nothing to answer.
        if let OfferKind::Partnership { power, kind } = o.kind
            && talks(world, o.to, power, kind).is_none_or(|(_, p)| !p.offered)
        {
            continue;
        }
        let human = world.resource::<Humans>().plays(o.to);
        // Talks offered to a state nobody plays any more are weighed by
        // the partnership mechanism like any other: nothing to decide here.
        if !human && o.answer.is_none() && matches!(o.kind, OfferKind::Partnership { .. }) {
            continue;
        }
        let answer = match o.answer {
            Some(a) => Some(a),
            None if !human => Some(computer_answer(world, &o)),
            None if turn >= o.turn + patience.max(1) => {
                decline(world, &o, true);
                continue;
            }
            None => None,
        };
        if let (Some(accepted), Some(_)) = (answer, o.answer) {
            super::month::record_answer(world, o.to, super::month::Answer::Offer { kind: o.kind, accepted });
        }
        match answer {
            Some(true) => accept(world, &o),
            Some(false) => decline(world, &o, false),
            None => kept.push(o),
        }
    }
    world.resource_mut::<Offers>().open.extend(kept);
}

/// What a computer-run government answers: a pact on good terms, a
/// mediation. (Talks a power opened are left to the partnership mechanism.)
fn computer_answer(world: &World, o: &Offer) -> bool {
    match o.kind {
        OfferKind::Pact { from, .. } => {
            world.resource::<Relations>().get(from, o.to)
                >= world.resource::<crate::rules::Rules>().blocs.form_relations
        }
        OfferKind::Partnership { .. } | OfferKind::Mediation { .. } => true,
    }
}

/// The talks a power opened with `state` on `kind`, if still pending.
fn talks(world: &World, state: StateIdx, power: PowerIdx, kind: PartnershipKind) -> Option<(Entity, Partnership)> {
    actions::partnerships_of(world, state)
        .into_iter()
        .find(|(_, p)| p.power == power && p.kind == kind && p.stage.is_pending())
}

fn accept(world: &mut World, o: &Offer) {
    match o.kind {
        // Invited into a pact: that pact, if it still stands.
        OfferKind::Pact { bloc: Some(b), .. } => {
            if world.resource::<Registry>().bloc_entity(b).is_some() {
                actions::join_bloc(world, o.to, b);
            }
        }
        OfferKind::Pact { from, bloc: None } => actions::conclude_pact(world, from, o.to),
        OfferKind::Partnership { power, kind } => {
            if let Some((e, p)) = talks(world, o.to, power, kind) {
                // Accepted: the talks run their course like any the state
                // asked for.
                if let Some(mut live) = world.get_mut::<Partnership>(e) {
                    live.offered = false;
                }
                if let Some(next) = p.stage.next() {
                    actions::set_stage(world, e, next);
                }
            }
        }
        OfferKind::Mediation {
            mediator,
            first,
            second,
            ..
        } => actions::mediate(world, mediator, first, second),
    }
}

/// The offer as a noun: "Mali's proposal of a defence pact".
pub fn phrase(kind: OfferKind) -> Said {
    match kind {
        OfferKind::Pact { from, bloc: Some(_) } => Said::new("offer-phrase-pact-invitation").state("from", from),
        OfferKind::Pact { from, bloc: None } => Said::new("offer-phrase-pact").state("from", from),
        OfferKind::Partnership { power, kind } => {
            Said::new("offer-phrase-partnership")
                .power("power", power)
                .term("kind", "partnership", kind.snake())
        }
        OfferKind::Mediation { asked_by, .. } => Said::new("offer-phrase-mediation").state("from", asked_by),
    }
}

/// The offer put as a question to `to`: "Mali proposes a mutual defence
/// pact to Niger." (the dialog's, and the news's first sentence).
pub fn question(to: StateIdx, kind: OfferKind) -> Said {
    match kind {
        OfferKind::Pact { from, bloc: Some(b) } => Said::new("offer-pact-invitation")
            .state("from", from)
            .state("to", to)
            .bloc("bloc", b),
        OfferKind::Pact { from, bloc: None } => Said::new("offer-pact").state("from", from).state("to", to),
        OfferKind::Partnership { power, kind } => Said::new("offer-partnership")
            .power("power", power)
            .state("to", to)
            .term("kind", "partnership", kind.snake()),
        OfferKind::Mediation {
            asked_by,
            mediator,
            first,
            second,
        } if mediator == to => Said::new("offer-mediation-asked")
            .state("from", asked_by)
            .state("to", mediator)
            .state("first", first)
            .state("second", second),
        OfferKind::Mediation {
            mediator,
            first,
            second,
            ..
        } => Said::new("offer-mediation")
            .state("mediator", mediator)
            .state("first", first)
            .state("second", second),
    }
}

fn members(to: StateIdx, kind: OfferKind) -> Vec<StateIdx> {
    match kind {
        OfferKind::Pact { from, .. } => vec![from, to],
        OfferKind::Partnership { .. } => vec![to],
        OfferKind::Mediation {
            mediator,
            first,
            second,
            ..
        } => vec![mediator, first, second],
    }
}

/// Declined, or left to lapse: talks a power opened end; otherwise the
/// news says no.
fn decline(world: &mut World, o: &Offer, lapsed: bool) {
    let turn = world.resource::<Ledger>().turn;
    let mut offers = world.resource_mut::<Offers>();
    offers.refused.retain(|(t, k, _)| !(*t == o.to && *k == o.kind));
    offers.refused.push((o.to, o.kind, turn));
    if let OfferKind::Partnership { power, kind } = o.kind {
        if let Some((e, p)) = talks(world, o.to, power, kind)
            && p.offered
        {
            actions::set_stage(world, e, Stage::Ended);
        }
        return;
    }
    let id = if lapsed {
        "news-offer-lapsed"
    } else {
        "news-offer-declined"
    };
    let text = Said::new(id).state("state", o.to).said("what", phrase(o.kind));
    let item = actions::news(world, NewsKind::Decision, text)
        .state(o.to)
        .members(members(o.to, o.kind));
    actions::post(world, item);
}
