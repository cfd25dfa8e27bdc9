//! Where coups happen. Each month every state faces a hazard of a coup
//! attempt from low stability, legitimacy and military loyalty, insurgency,
//! the coup trap, neighbours' coups and regime type, lowered by
//! coup-proofing and by foreign forces protecting the incumbent. An attempt
//! succeeds or fails; both have consequences. Bloc reactions follow in the
//! Blocs phase.

use bevy::prelude::*;

use super::actions::Move;
use super::chronicle::{Chronicle, NewsBuilder, NewsKind};
use super::components::*;
use super::ledger::{Actor, Cause, Ledger, Measure, Mechanism};
use super::partnerships;
use super::registry::{Clock, Registry};
use super::rng::{SimRng, Stream, logistic};
use super::{TurnPhase, TurnSchedule};
use crate::rules::{CoupRules, Rules};
use crate::scenario::YearMonth;
use crate::scenario::format::{Indicator, PartnershipKind, RegimeKind, Stage};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(TurnSchedule, attempt_coups.in_set(TurnPhase::Coups));
}

/// Coups of the turn: attempts forced by scripted events, and the
/// successful ones the blocs react to.
#[derive(Debug, Clone, Resource, Default)]
pub struct CoupsThisTurn {
    pub forced: Vec<StateIdx>,
    pub succeeded: Vec<StateIdx>,
}

/// What the coup hazard of one state depends on.
#[derive(Debug, Clone, Copy)]
pub struct CoupFactors {
    pub stability: f64,
    pub legitimacy: f64,
    pub loyalty: f64,
    pub insurgency: f64,
    pub proofing: f64,
    pub regime: RegimeKind,
    /// Months since the last successful coup, if any.
    pub months_since_coup: Option<f64>,
    /// Neighbours with a successful coup in the contagion window.
    pub neighbour_coups: usize,
    /// Protection of the incumbent by partnerships in force: the sum of
    /// each one's `coups.protection` share.
    pub protection: f64,
}

fn below_50(x: f64) -> f64 {
    (50.0 - x) / 50.0
}

/// Log-odds of a coup attempt this month.
pub fn attempt_logit(r: &CoupRules, f: &CoupFactors) -> f64 {
    let trap = f
        .months_since_coup
        .filter(|m| *m < r.trap_months)
        .map(|m| r.trap_weight * (1.0 - m / r.trap_months))
        .unwrap_or(0.0);
    let regime = match f.regime {
        RegimeKind::Civilian => 0.0,
        RegimeKind::MilitaryJunta => r.junta_weight,
        RegimeKind::Transitional => r.transitional_weight,
    };
    r.base_logit
        + r.stability_weight * below_50(f.stability)
        + r.legitimacy_weight * below_50(f.legitimacy)
        + r.loyalty_weight * below_50(f.loyalty)
        + r.insurgency_weight * f.insurgency / 100.0
        + trap
        + r.contagion_weight * f.neighbour_coups.min(3) as f64
        + regime
        - r.proofing_weight * f.proofing / 100.0
        - r.protection_weight * f.protection
}

/// Probability that an attempt succeeds.
pub fn success_probability(r: &CoupRules, f: &CoupFactors) -> f64 {
    logistic(
        r.success_base_logit
            + r.success_loyalty_weight * below_50(f.loyalty)
            + r.success_legitimacy_weight * below_50(f.legitimacy)
            - r.success_proofing_weight * f.proofing / 100.0
            - r.success_protection_weight * f.protection,
    )
}

/// Moves several of a state's indicators at once, through the ledger.
fn shake(ledger: &mut Ledger, s: StateIdx, ind: &mut IndicatorsItem, moves: &[(Indicator, Move)], cause: Cause) {
    for &(indicator, how) in moves {
        let slot = ind.slot(indicator);
        let measure = Measure::Indicator(indicator);
        match how {
            Move::By(delta) => {
                ledger.change(s, measure, slot, delta, cause);
            }
            Move::To(value) => ledger.set(s, measure, slot, value, cause),
        }
    }
}

fn months(from: Option<YearMonth>, to: YearMonth) -> Option<f64> {
    from.map(|d| d.months_until(to) as f64)
}

#[allow(clippy::too_many_arguments, clippy::type_complexity)]
fn attempt_coups(
    mut states: Query<(Indicators, &mut Regime, &mut CoupRecord, &mut Alignment, &Neighbours)>,
    powers: Query<&Power>,
    partnerships: Query<&Partnership>,
    rules: Res<Rules>,
    clock: Res<Clock>,
    registry: Res<Registry>,
    mut rng: ResMut<SimRng>,
    mut ledger: ResMut<Ledger>,
    mut chronicle: ResMut<Chronicle>,
    mut coups: ResMut<CoupsThisTurn>,
    mut commands: Commands,
) {
    let r = &rules.coups;
    let date = clock.date();
    let turn = ledger.turn;
    coups.succeeded.clear();
    let forced = std::mem::take(&mut coups.forced);
    let mut last_coups: Vec<(StateIdx, Option<YearMonth>)> = states
        .iter()
        .map(|(i, _, rec, _, _)| (i.country.idx, rec.last_success))
        .collect();
    last_coups.sort_by_key(|(s, _)| *s);
    let mut conditionality: Vec<(PowerIdx, f64)> = powers.iter().map(|p| (p.idx, p.conditionality)).collect();
    conditionality.sort_by_key(|(p, _)| *p);
    let threshold = rules.partnerships.conditional_threshold;
    let protection_of = PartnershipKind::ALL.map(|k| r.protection.get(k.snake()).copied().unwrap_or(0.0));

    for (mut ind, mut regime, mut record, mut alignment, neighbours) in
        in_state_order(states.iter_mut(), |(i, ..)| i.country.idx)
    {
        let s = ind.country.idx;
        let neighbour_coups = neighbours
            .0
            .iter()
            .filter(|n| {
                months(last_coups.get(n.0 as usize).and_then(|x| x.1), date).is_some_and(|m| m < r.contagion_months)
            })
            .count();
        let protection: f64 = partnerships
            .iter()
            .filter(|p| p.state == s && p.stage == Stage::InForce)
            .map(|p| protection_of[p.kind as usize])
            .sum();
        let factors = CoupFactors {
            stability: ind.stability.0,
            legitimacy: ind.legitimacy.0,
            loyalty: ind.loyalty.0,
            insurgency: ind.security.insurgency,
            proofing: ind.proofing.0,
            regime: regime.kind,
            months_since_coup: months(record.last_success, date),
            neighbour_coups,
            protection,
        };
        // Every state draws every month, so one state's fate never shifts another's dice.
        let attempt_roll = rng.uniform(Stream::Coups);
        let success_roll = rng.uniform(Stream::Coups);
        let attempted = forced.contains(&s) || attempt_roll < logistic(attempt_logit(r, &factors));
        if !attempted {
            continue;
        }
        record.last_attempt = Some(date);
        let name = registry.state_name(s).to_string();
        let ousted = regime.leader.clone();
        if success_roll < success_probability(r, &factors) {
            let names = &rules.names;
            let leader = format!(
                "{} {} {}",
                names
                    .ranks
                    .get(rng.pick(Stream::Coups, names.ranks.len()))
                    .map(String::as_str)
                    .unwrap_or("Colonel"),
                names
                    .given
                    .get(rng.pick(Stream::Coups, names.given.len()))
                    .map(String::as_str)
                    .unwrap_or(""),
                names
                    .family
                    .get(rng.pick(Stream::Coups, names.family.len()))
                    .map(String::as_str)
                    .unwrap_or("")
            )
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
            let moves = [
                (Indicator::Stability, Move::By(r.success_stability_shock)),
                (Indicator::MilitaryLoyalty, Move::To(r.success_new_loyalty)),
                // Rally or backlash: ousting an unpopular government is
                // cheered, ousting a popular one resented.
                (
                    Indicator::Legitimacy,
                    Move::By(r.success_legitimacy_rally + r.success_legitimacy_discontent * below_50(ind.legitimacy.0)),
                ),
                (Indicator::CoupProofing, Move::To(0.0)),
            ];
            shake(&mut ledger, s, &mut ind, &moves, Cause::of(Mechanism::Coup));
            for &(p, cond) in &conditionality {
                let delta = if cond >= threshold {
                    r.success_conditional_alignment * cond
                } else {
                    r.success_other_alignment * (1.0 - cond)
                };
                if let Some(slot) = alignment.0.get_mut(p.0 as usize) {
                    ledger.change(
                        s,
                        Measure::Alignment(p),
                        slot,
                        delta,
                        Cause::by(Mechanism::Coup, Actor::Power(p)),
                    );
                }
            }
            *regime = Regime {
                kind: RegimeKind::MilitaryJunta,
                leader: leader.clone(),
                since: date,
                by_coup: true,
            };
            record.last_success = Some(date);
            record.successes += 1;
            NewsBuilder::new(
                turn,
                date,
                NewsKind::Coup,
                format!("Coup in {name}: {leader} seizes power, ousting {ousted}."),
            )
            .state(s)
            .post(&mut chronicle);
            coups.succeeded.push(s);
            commands.queue(move |world: &mut World| partnerships::react_to_coup(world, s));
        } else {
            let moves = [
                (Indicator::Stability, Move::By(r.failed_stability_shock)),
                (Indicator::MilitaryLoyalty, Move::By(r.failed_loyalty_purge)),
                (Indicator::Legitimacy, Move::By(r.failed_legitimacy_cost)),
                (Indicator::CoupProofing, Move::By(r.failed_proofing_gain)),
            ];
            shake(&mut ledger, s, &mut ind, &moves, Cause::of(Mechanism::FailedCoup));
            record.failures += 1;
            NewsBuilder::new(
                turn,
                date,
                NewsKind::CoupFailed,
                format!("A coup attempt against {ousted} in {name} fails; purges follow."),
            )
            .state(s)
            .post(&mut chronicle);
        }
    }
}
