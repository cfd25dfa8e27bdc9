//! Security and insurgency: insurgent pressure grows on itself, spreads
//! across borders and is pushed back by the army and its partners; the
//! share of territory the state controls follows; losses sap the army's
//! loyalty.

use bevy::prelude::*;

use super::components::*;
use super::ledger::{Actor, Cause, Ledger, Measure, Mechanism};
use super::rng::{SimRng, Stream};
use super::{TurnPhase, TurnSchedule};
use crate::rules::Rules;
use crate::scenario::format::{Indicator, Stage};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(TurnSchedule, fight_insurgencies.in_set(TurnPhase::Security));
}

const INS: Measure = Measure::Indicator(Indicator::Insurgency);
const CTRL: Measure = Measure::Indicator(Indicator::Control);
const LOY: Measure = Measure::Indicator(Indicator::MilitaryLoyalty);
const MIL: Measure = Measure::Indicator(Indicator::Military);

#[allow(clippy::too_many_arguments)]
fn fight_insurgencies(
    mut states: Query<(Indicators, &Neighbours)>,
    partnerships: Query<&Partnership>,
    memberships: Query<&Membership>,
    blocs: Query<&Bloc>,
    rules: Res<Rules>,
    mut rng: ResMut<SimRng>,
    mut ledger: ResMut<Ledger>,
) {
    let r = &rules.security;
    // Pressure at the start of the phase, so that spread does not depend on order.
    let mut before: Vec<(StateIdx, f64)> = states.iter().map(|(i, _)| (i.country.idx, i.security.insurgency)).collect();
    before.sort_by_key(|(s, _)| *s);
    let pressure = |s: StateIdx| before.get(s.0 as usize).map(|x| x.1).unwrap_or(0.0);

    let mut in_force: Vec<Partnership> = partnerships
        .iter()
        .filter(|p| p.stage == Stage::InForce && p.kind.is_security())
        .copied()
        .collect();
    in_force.sort_by_key(|p| (p.state, p.power, p.kind));
    let mut mutual: Vec<BlocIdx> = blocs.iter().filter(|b| b.rules.mutual_defence).map(|b| b.idx).collect();
    mutual.sort();
    let mut allies: Vec<(BlocIdx, StateIdx)> = memberships
        .iter()
        .filter(|m| mutual.binary_search(&m.bloc).is_ok())
        .map(|m| (m.bloc, m.state))
        .collect();
    allies.sort();
    let mut sanctioned: Vec<StateIdx> = blocs.iter().flat_map(|b| b.sanctioned.iter().map(|(s, _)| *s)).collect();
    sanctioned.sort();
    sanctioned.dedup();

    for (mut ind, neighbours) in states.iter_mut().sort::<&Country>() {
        let s = ind.country.idx;
        let ins = ind.security.insurgency;
        let mil = ind.security.military / 100.0;

        let growth = r.growth * ins * (1.0 - ins / 100.0);
        ledger.change(s, INS, &mut ind.security.insurgency, growth, Cause::of(Mechanism::Insurgency));
        for n in &neighbours.0 {
            let gap = pressure(*n) - ins;
            if gap > 0.0 {
                let spread = r.spread * gap;
                let cause = Cause::by(Mechanism::InsurgencySpread, Actor::State(*n));
                ledger.change(s, INS, &mut ind.security.insurgency, spread, cause);
            }
        }
        let base = r.counter * mil * ins;
        ledger.change(s, INS, &mut ind.security.insurgency, -base, Cause::of(Mechanism::CounterInsurgency));
        let mut partners = 0;
        for p in in_force.iter().filter(|p| p.state == s) {
            let support = r.partner_support.get(p.kind.snake()).copied().unwrap_or(0.0);
            if support > 0.0 {
                partners += 1;
                let cause = Cause::by(Mechanism::Partnership, Actor::Power(p.power));
                ledger.change(s, INS, &mut ind.security.insurgency, -base * support, cause);
            }
        }
        // Fellow members of a mutual-defence bloc lend a hand (three at most count).
        let my_blocs: Vec<BlocIdx> = allies.iter().filter(|(_, m)| *m == s).map(|(b, _)| *b).collect();
        let mut fellows: Vec<StateIdx> = allies
            .iter()
            .filter(|(b, m)| *m != s && my_blocs.contains(b))
            .map(|(_, m)| *m)
            .collect();
        fellows.sort();
        fellows.dedup();
        fellows.truncate(3);
        for m in fellows {
            let cause = Cause::by(Mechanism::Bloc, Actor::State(m));
            ledger.change(s, INS, &mut ind.security.insurgency, -base * r.mutual_defence_support, cause);
        }
        let noise = rng.noise(Stream::Security, r.noise);
        ledger.change(s, INS, &mut ind.security.insurgency, noise, Cause::of(Mechanism::Fortune));

        let ins = ind.security.insurgency;
        let control_target = 100.0 - r.control_per_insurgency * ins;
        let dc = r.control_rate * (control_target - ind.security.control);
        ledger.change(s, CTRL, &mut ind.security.control, dc, Cause::of(Mechanism::TerritorialControl));

        let losses = r.loyalty_loss * (ins - r.loyalty_reference).max(0.0) / 10.0;
        ledger.change(s, LOY, &mut ind.loyalty.0, -losses, Cause::of(Mechanism::Insurgency));
        let recovery = r.loyalty_recovery * (60.0 - ind.loyalty.0);
        ledger.change(s, LOY, &mut ind.loyalty.0, recovery, Cause::of(Mechanism::Drift));

        let drift = r.military_rate * (40.0 - ind.security.military);
        ledger.change(s, MIL, &mut ind.security.military, drift, Cause::of(Mechanism::Drift));
        if partners > 0 {
            let gain = r.military_partner_gain * partners as f64;
            ledger.change(s, MIL, &mut ind.security.military, gain, Cause::of(Mechanism::Partnership));
        }
        if sanctioned.binary_search(&s).is_ok() {
            let loss = -r.military_sanctions_loss;
            ledger.change(s, MIL, &mut ind.security.military, loss, Cause::of(Mechanism::Sanctions));
        }
    }
}
