//! Where coups happen. Each month every state faces a hazard of a coup
//! attempt from low stability, legitimacy and military loyalty, insurgency,
//! the coup trap (any recent attempt, failed or not) and regime type,
//! lowered by coup-proofing and by foreign forces protecting the incumbent.
//! An attempt succeeds or fails; both have consequences. Juntas entrench
//! themselves month by month (`consolidate`) and may hand power to an
//! elected government (`transitions.rs`). Bloc reactions follow in the
//! Blocs phase.

use bevy::prelude::*;

use crate::rules::{CoupRules, Rules};
use crate::scenario::YearMonth;
use crate::scenario::format::{Indicator, PartnershipKind, RegimeKind, Stage};
use crate::sim::mechanisms::partnerships;
use crate::sim::schedule::{TurnPhase, TurnSchedule};
use crate::sim::world::actions::Move;
use crate::sim::world::chronicle::{Chronicle, NewsBuilder, NewsKind};
use crate::sim::world::components::*;
use crate::sim::world::course::Course;
use crate::sim::world::ledger::{Actor, Cause, Ledger, Measure, Mechanism};
use crate::sim::world::registry::Clock;
use crate::sim::world::rng::{SimRng, Stream, logistic};

pub(crate) fn plugin(app: &mut App) {
    crate::sim::world::snapshot::Kept::resource::<CoupAttempts>(app);
    crate::sim::schedule::SetUpSteps::add(app, crate::sim::schedule::SetUpPhase::Resources, |world, _| {
        world.insert_resource(CoupAttempts::default());
    });
    app.add_systems(
        TurnSchedule,
        (consolidate, attempt_coups).chain().in_set(TurnPhase::Coups),
    );
}

use crate::sim::world::said::Said;
use crate::sim::world::turn::CoupsThisTurn;

/// What the coup hazard of one state depends on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CoupFactors {
    pub stability: f64,
    pub legitimacy: f64,
    pub loyalty: f64,
    pub insurgency: f64,
    pub proofing: f64,
    pub regime: RegimeKind,
    /// Months since the last attempt, successful or failed, if any.
    pub months_since_attempt: Option<f64>,
    /// Protection of the incumbent by partnerships in force: the sum of
    /// each one's `coups.protection` share.
    pub protection: f64,
}

fn below_50(x: f64) -> f64 {
    (50.0 - x) / 50.0
}

/// The terms of a coup hazard: what raises or lowers the log-odds of an
/// attempt, one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoupTerm {
    Base,
    Stability,
    Legitimacy,
    Loyalty,
    Insurgency,
    /// A recent attempt, failed or not: the coup trap.
    Trap,
    Regime,
    Proofing,
    /// Foreign forces protecting the incumbent.
    Protection,
}

/// The log-odds of an attempt, term by term (they sum to
/// [`attempt_logit`]).
pub fn attempt_terms(r: &CoupRules, f: &CoupFactors) -> [(CoupTerm, f64); 9] {
    let trap = f
        .months_since_attempt
        .filter(|m| *m < r.trap_months)
        .map(|m| r.trap_weight * (1.0 - m / r.trap_months))
        .unwrap_or(0.0);
    let regime = match f.regime {
        RegimeKind::Civilian => 0.0,
        RegimeKind::MilitaryJunta => r.junta_weight,
        RegimeKind::Transitional => r.transitional_weight,
    };
    [
        (CoupTerm::Base, r.base_logit),
        (CoupTerm::Stability, r.stability_weight * below_50(f.stability)),
        (CoupTerm::Legitimacy, r.legitimacy_weight * below_50(f.legitimacy)),
        (CoupTerm::Loyalty, r.loyalty_weight * below_50(f.loyalty)),
        (CoupTerm::Insurgency, r.insurgency_weight * f.insurgency / 100.0),
        (CoupTerm::Trap, trap),
        (CoupTerm::Regime, regime),
        (CoupTerm::Proofing, -(r.proofing_weight * f.proofing / 100.0)),
        (CoupTerm::Protection, -(r.protection_weight * f.protection)),
    ]
}

/// Log-odds of a coup attempt this month.
pub fn attempt_logit(r: &CoupRules, f: &CoupFactors) -> f64 {
    // Summed in order: adding a negated term is exactly subtracting it.
    attempt_terms(r, f).iter().fold(0.0, |sum, (_, t)| sum + t)
}

/// A coup attempt as it stood before it: who ruled, the hazard's terms,
/// and the odds of the attempt and of its success. What a "why" shows,
/// rather than the state after the coup.
#[derive(Debug, Clone, PartialEq)]
pub struct CoupAttempt {
    pub turn: u32,
    pub state: StateIdx,
    /// The government the attempt was against.
    pub leader: String,
    pub regime: RegimeKind,
    pub factors: CoupFactors,
    pub terms: [(CoupTerm, f64); 9],
    /// Chance of an attempt that month by the hazard alone.
    pub attempt_chance: f64,
    /// A scripted event made the attempt, whatever the hazard.
    pub forced: bool,
    pub success_chance: f64,
    pub succeeded: bool,
}

/// Every coup attempt of the game, in order.
#[derive(Debug, Clone, Resource, Default)]
pub struct CoupAttempts(pub Vec<CoupAttempt>);

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

/// Juntas entrench themselves: purges, promotions of loyalists, guard units
/// answering to the leader, militias (Burkina Faso's VDP). Coup-proofing
/// closes `consolidation_rate` of its gap to `consolidation_ceiling` each
/// month a junta stays in power, so the coup trap is deepest in a junta's
/// first years and shallow once it has lasted (Svolik 2012; Sudduth 2017).
pub(crate) fn consolidate(
    mut states: Query<(&Country, &Regime, &mut CoupProofing)>,
    rules: Res<Rules>,
    mut ledger: ResMut<Ledger>,
    mut room: Local<OrderRoom>,
) {
    let r = &rules.coups;
    for (country, regime, mut proofing) in in_state_order(states.iter_mut(), |(c, ..)| c.idx, &mut room) {
        if regime.kind != RegimeKind::MilitaryJunta || proofing.0 >= r.consolidation_ceiling {
            continue;
        }
        let gain = r.consolidation_rate * (r.consolidation_ceiling - proofing.0);
        ledger.change(
            country.idx,
            Measure::Indicator(Indicator::CoupProofing),
            &mut proofing.0,
            gain,
            Cause::of(Mechanism::Consolidation),
        );
    }
}

/// The phase's buffers, kept between turns.
#[derive(Default)]
struct CoupScratch {
    conditionality: Vec<(PowerIdx, f64)>,
    /// By state: partnerships in force of each kind.
    in_force: Vec<[u32; PartnershipKind::ALL.len()]>,
    room: OrderRoom,
}

#[allow(clippy::too_many_arguments, clippy::type_complexity)]
fn attempt_coups(
    mut states: Query<(Indicators, &mut Regime, &mut CoupRecord, &mut Alignment, &Names)>,
    powers: Query<&Power>,
    partnerships: Query<&Partnership>,
    rules: Res<Rules>,
    clock: Res<Clock>,
    mut rng: ResMut<SimRng>,
    mut ledger: ResMut<Ledger>,
    mut chronicle: ResMut<Chronicle>,
    mut coups: ResMut<CoupsThisTurn>,
    mut attempts: ResMut<CoupAttempts>,
    course: Res<Course>,
    mut commands: Commands,
    mut scratch: Local<CoupScratch>,
) {
    let r = &rules.coups;
    let date = clock.date();
    let turn = ledger.turn;
    coups.succeeded.clear();
    let forced = std::mem::take(&mut coups.forced);
    // With the history option, the record alone makes coups while it runs.
    let on_record = course.holds(date);
    let CoupScratch {
        conditionality,
        in_force,
        room,
    } = &mut *scratch;
    conditionality_into(powers.iter(), conditionality);
    let conditionality = &*conditionality;
    let threshold = rules.partnerships.conditional_threshold;
    let protection_of = PartnershipKind::ALL.map(|k| r.protection.get(k.snake()).copied().unwrap_or(0.0));
    // Partnerships in force, counted kind by kind for each state in one
    // pass (whatever order the world holds them in).
    in_force.clear();
    for p in partnerships.iter().filter(|p| p.stage == Stage::InForce) {
        let i = p.state.0 as usize;
        if in_force.len() <= i {
            in_force.resize(i + 1, [0; PartnershipKind::ALL.len()]);
        }
        in_force[i][p.kind as usize] += 1;
    }
    let in_force = &*in_force;

    for (mut ind, mut regime, mut record, mut alignment, names) in
        in_state_order(states.iter_mut(), |(i, ..)| i.country.idx, room)
    {
        let s = ind.country.idx;
        // Summed kind by kind, whatever order the world holds them in.
        let count = in_force
            .get(s.0 as usize)
            .copied()
            .unwrap_or([0; PartnershipKind::ALL.len()]);
        let protection: f64 = count
            .iter()
            .zip(protection_of)
            .flat_map(|(n, x)| std::iter::repeat_n(x, *n as usize))
            .sum();
        let factors = CoupFactors {
            stability: ind.stability.0,
            legitimacy: ind.legitimacy.0,
            loyalty: ind.loyalty.0,
            insurgency: ind.security.insurgency,
            proofing: ind.proofing.0,
            regime: regime.kind,
            months_since_attempt: months(record.last_attempt, date),
            protection,
        };
        // Every state draws every month, so one state's fate never shifts another's dice.
        let attempt_roll = rng.uniform(Stream::Coups);
        let success_roll = rng.uniform(Stream::Coups);
        let chance = logistic(attempt_logit(r, &factors));
        let ordered = forced.iter().find(|f| f.state == s);
        let attempted = ordered.is_some() || (!on_record && attempt_roll < chance);
        if !attempted {
            continue;
        }
        let success_chance = success_probability(r, &factors);
        let succeeded = ordered
            .and_then(|f| f.succeeds)
            .unwrap_or(success_roll < success_chance);
        attempts.0.push(CoupAttempt {
            turn,
            state: s,
            leader: regime.leader.clone(),
            regime: regime.kind,
            factors,
            terms: attempt_terms(r, &factors),
            attempt_chance: chance,
            forced: ordered.is_some(),
            success_chance,
            succeeded,
        });
        record.last_attempt = Some(date);
        let ousted = regime.leader.clone();
        if succeeded {
            let leader = match ordered.and_then(|f| f.leader.clone()) {
                Some(leader) => leader,
                None => names.officer(|n| rng.pick(Stream::Coups, n)),
            };
            let moves = [
                (Indicator::Stability, Move::By(r.success_stability_shock)),
                (Indicator::MilitaryLoyalty, Move::To(r.success_new_loyalty)),
                // Rally or backlash: ousting an unpopular government is
                // cheered, ousting a popular one resented.
                (
                    Indicator::Legitimacy,
                    Move::By(r.success_legitimacy_rally + r.success_legitimacy_discontent * below_50(ind.legitimacy.0)),
                ),
                // The new junta starts with little of its own: the old
                // regime's guard units were the ones it had to beat.
                (Indicator::CoupProofing, Move::To(r.success_new_proofing)),
            ];
            shake(&mut ledger, s, &mut ind, &moves, Cause::of(Mechanism::Coup));
            for &(p, cond) in conditionality {
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
                Said::new("news-coup")
                    .state("state", s)
                    .name("leader", leader.as_str())
                    .name("ousted", ousted.as_str()),
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
                Said::new("news-coup-failed")
                    .state("state", s)
                    .name("ousted", ousted.as_str()),
            )
            .state(s)
            .post(&mut chronicle);
        }
    }
}
