//! Where juntas hand over. A junta (or a transitional government) that has
//! been in power long enough to organise elections holds them with a small
//! chance each month, much
//! smaller while it is at war (the reason the Sahel juntas gave for every
//! postponement). Often the junta's own leader is elected (Chad 2024,
//! Gabon 2025, Guinea 2025; Mauritania 2009): the regime becomes civilian
//! and the leader stays. Without handovers every coup would be a ratchet
//! toward military rule everywhere; with them, military rule is a spell.

use bevy::prelude::*;

use crate::rules::{Rules, TransitionRules};
use crate::scenario::format::{Indicator, RegimeKind};
use crate::sim::mechanisms::coups;
use crate::sim::schedule::{TurnPhase, TurnSchedule};
use crate::sim::world::chronicle::{Chronicle, NewsBuilder, NewsKind};
use crate::sim::world::components::*;
use crate::sim::world::ledger::{Cause, Ledger, Measure, Mechanism};
use crate::sim::world::registry::Clock;
use crate::sim::world::rng::{SimRng, Stream};
use crate::sim::world::said::Said;

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        TurnSchedule,
        hold_elections.in_set(TurnPhase::Coups).before(coups::consolidate),
    );
}

/// The monthly chance that a junta of `months_in_power` months, at
/// insurgency `insurgency`, hands over.
pub fn handover_chance(r: &TransitionRules, months_in_power: f64, insurgency: f64) -> f64 {
    if months_in_power < r.min_months {
        return 0.0;
    }
    let war = if insurgency >= r.war_insurgency {
        r.war_factor
    } else {
        1.0
    };
    (r.chance * war).clamp(0.0, 1.0)
}

#[allow(clippy::too_many_arguments, clippy::type_complexity)]
fn hold_elections(
    mut states: Query<(
        &Country,
        &mut Regime,
        &mut Legitimacy,
        &mut MilitaryLoyalty,
        &Security,
        &Names,
    )>,
    rules: Res<Rules>,
    clock: Res<Clock>,
    humans: Res<crate::sim::world::players::Humans>,
    mut rng: ResMut<SimRng>,
    mut ledger: ResMut<Ledger>,
    mut chronicle: ResMut<Chronicle>,
    mut room: Local<OrderRoom>,
) {
    let r = &rules.transitions;
    let date = clock.date();
    let turn = ledger.turn;
    for (country, mut regime, mut legit, mut loyalty, security, names) in
        in_state_order(states.iter_mut(), |(c, ..)| c.idx, &mut room)
    {
        if regime.kind == RegimeKind::Civilian {
            continue;
        }
        let s = country.idx;
        // Drawn for every junta every month, so one state's fate never
        // shifts another's dice; a human-played junta decides for itself.
        let roll = rng.uniform(Stream::Transitions);
        let keeps = rng.uniform(Stream::Transitions) < r.incumbent_wins;
        let new_name = names.civilian_drawn(|n| rng.pick(Stream::Transitions, n));
        let months = regime.since.months_until(date) as f64;
        if humans.plays(s) || roll >= handover_chance(r, months, security.insurgency) {
            continue;
        }
        let before = regime.leader.clone();
        let was = regime.kind;
        let leader = if keeps {
            before.clone()
        } else {
            names.civilian_named(new_name)
        };
        let cause = Cause::of(Mechanism::Transition);
        ledger.change(
            s,
            Measure::Indicator(Indicator::Legitimacy),
            &mut legit.0,
            r.legitimacy_gain,
            cause,
        );
        ledger.change(
            s,
            Measure::Indicator(Indicator::MilitaryLoyalty),
            &mut loyalty.0,
            -r.loyalty_cost,
            cause,
        );
        *regime = Regime {
            kind: RegimeKind::Civilian,
            leader: leader.clone(),
            since: date,
            by_coup: false,
        };
        let id = match (was == RegimeKind::Transitional, keeps) {
            (true, true) => "news-elections-transition-kept",
            (true, false) => "news-elections-transition",
            (false, true) => "news-elections-junta-kept",
            (false, false) => "news-elections-junta",
        };
        let text = Said::new(id)
            .state("state", s)
            .name("leader", leader.as_str())
            .name("before", before.as_str());
        NewsBuilder::new(turn, date, NewsKind::CivilianRule, text)
            .state(s)
            .post(&mut chronicle);
    }
}
