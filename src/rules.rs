//! The model's tunable numbers, read from `assets/rules.ron`. A scenario
//! may override any of them by dotted path; `docs/model.md` explains each.

use std::collections::BTreeMap;

use bevy::prelude::Resource;
use serde::{Deserialize, Serialize};

/// The rules file shipped with the game, built into the binary so that the
/// command line works from any folder.
pub const DEFAULT_RULES: &str = include_str!("../assets/rules.ron");

#[derive(Debug, Clone, Serialize, Deserialize, Resource)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub coups: CoupRules,
    pub stability: StabilityRules,
    pub legitimacy: LegitimacyRules,
    pub security: SecurityRules,
    pub economy: EconomyRules,
    pub food: FoodRules,
    pub alignment: AlignmentRules,
    pub diplomacy: DiplomacyRules,
    pub partnerships: PartnershipRules,
    pub blocs: BlocFormationRules,
    pub decisions: DecisionRules,
    pub transitions: TransitionRules,
    pub names: NameRules,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoupRules {
    pub base_logit: f64,
    pub stability_weight: f64,
    pub legitimacy_weight: f64,
    pub loyalty_weight: f64,
    pub insurgency_weight: f64,
    pub trap_weight: f64,
    pub trap_months: f64,
    pub junta_weight: f64,
    pub transitional_weight: f64,
    pub proofing_weight: f64,
    pub protection_weight: f64,
    /// How much each kind of partnership in force protects the incumbent
    /// (0 to 1), by the kind's snake_case name.
    pub protection: BTreeMap<String, f64>,
    pub success_base_logit: f64,
    pub success_loyalty_weight: f64,
    pub success_legitimacy_weight: f64,
    pub success_proofing_weight: f64,
    pub success_protection_weight: f64,
    pub success_stability_shock: f64,
    pub success_new_loyalty: f64,
    pub success_legitimacy_rally: f64,
    pub success_legitimacy_discontent: f64,
    pub success_conditional_alignment: f64,
    pub success_other_alignment: f64,
    pub failed_stability_shock: f64,
    pub failed_loyalty_purge: f64,
    pub failed_legitimacy_cost: f64,
    pub failed_proofing_gain: f64,
    /// Coup-proofing a new junta starts with.
    pub success_new_proofing: f64,
    /// Share of the gap to `consolidation_ceiling` a junta's coup-proofing
    /// closes each month it stays in power.
    pub consolidation_rate: f64,
    pub consolidation_ceiling: f64,
}

/// Juntas handing power to elected governments (`src/sim/transitions.rs`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransitionRules {
    /// Months in power before a junta can have organised elections.
    pub min_months: f64,
    /// Chance a month, after that, that it hands over.
    pub chance: f64,
    /// Multiplies the chance for a junta at war (insurgency at least
    /// `war_insurgency`): "no elections while the country is at war".
    pub war_factor: f64,
    pub war_insurgency: f64,
    /// Share of handovers in which the junta's leader is the one elected.
    pub incumbent_wins: f64,
    /// Legitimacy gained, and military loyalty lost, with the handover.
    pub legitimacy_gain: f64,
    pub loyalty_cost: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StabilityRules {
    pub rate: f64,
    pub legitimacy_weight: f64,
    pub control_weight: f64,
    pub insurgency_weight: f64,
    pub growth_weight: f64,
    pub sanctions_weight: f64,
    pub food_weight: f64,
    pub noise: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegitimacyRules {
    pub rate: f64,
    pub insurgency_weight: f64,
    pub growth_weight: f64,
    pub food_weight: f64,
    pub rally_per_month: f64,
    pub rally_months: f64,
    pub junta_grace_months: f64,
    pub junta_fatigue: f64,
    pub noise: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityRules {
    pub rate: f64,
    pub spread: f64,
    pub fragility_weight: f64,
    pub military_weight: f64,
    pub rooting: f64,
    pub momentum: f64,
    pub momentum_threshold: f64,
    /// Chance a month that an insurgency at or above the momentum
    /// threshold is settled, defeated or exhausted, and the share of its
    /// rooted pressure (and of the level it returns to) that goes with it.
    pub settle_chance: f64,
    pub settle_share: f64,
    /// Share of the gap to its resting level that a rooted insurgency
    /// below the threshold closes each month.
    pub wither: f64,
    /// Most pressure conditions can sustain before partners' help.
    pub max_rooted: f64,
    pub partner_support: BTreeMap<String, f64>,
    pub mutual_defence_support: f64,
    pub max_support: f64,
    pub control_rate: f64,
    pub control_per_insurgency: f64,
    pub loyalty_loss: f64,
    pub loyalty_recovery: f64,
    pub loyalty_sanctions_loss: f64,
    pub military_rate: f64,
    pub military_partner_gain: f64,
    pub military_sanctions_loss: f64,
    pub noise: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EconomyRules {
    pub rate: f64,
    pub sanctions_penalty: f64,
    pub landlocked_multiplier: f64,
    pub open_port_multiplier: f64,
    pub concession_bonus: f64,
    pub closed_border_penalty: f64,
    pub insurgency_drag: f64,
    pub noise: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FoodRules {
    pub rate: f64,
    pub insurgency_weight: f64,
    pub growth_weight: f64,
    pub sanctions_weight: f64,
    pub closed_border_weight: f64,
    pub neighbour_ban_weight: f64,
    pub ban_relief: f64,
    pub ban_growth_cost: f64,
    pub ban_threshold: f64,
    pub ban_chance: f64,
    pub lift_threshold: f64,
    pub lift_chance: f64,
    pub ban_relations: f64,
    pub noise: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlignmentRules {
    pub decay: f64,
    pub security_pull: f64,
    pub economic_pull: f64,
    pub sanctions_resentment: f64,
    pub junta_drift: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiplomacyRules {
    pub rate: f64,
    pub same_regime: f64,
    pub both_juntas: f64,
    pub shared_bloc: f64,
    pub sanctions: f64,
    pub alignment_weight: f64,
    pub closed_border: f64,
    pub visit_alignment: f64,
    pub visit_relations: f64,
    pub statement_relations: f64,
    pub mediation: f64,
    pub mediator_gain: f64,
    pub recall_ambassador: f64,
    pub close_border: f64,
    pub offer_patience_months: f64,
    pub offer_again_months: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnershipRules {
    pub advance_chance: f64,
    pub fail_chance: f64,
    pub hostile_fail_chance: f64,
    pub hostile_alignment: f64,
    pub seek_insurgency: f64,
    pub seek_chance: f64,
    pub junta_max_conditionality: f64,
    pub expel_alignment: f64,
    pub expel_chance: f64,
    pub conditional_threshold: f64,
    pub resume_chance: f64,
    /// A government accepts a power's deal if its standing toward it is at
    /// least this (or it is at war and the power is not hostile).
    pub accept_alignment: f64,
    /// Chance a month that talks one side no longer wants are broken off.
    pub decline_chance: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlocFormationRules {
    pub withdraw_min_months: f64,
    pub withdraw_chance: f64,
    pub withdraw_pact_bonus: f64,
    /// Multiplies the withdrawal chance by the bloc's kind (snake_case).
    pub withdraw_kind_factor: BTreeMap<String, f64>,
    pub lift_chance_civilian: f64,
    pub lift_chance_transitional: f64,
    pub fatigue_months: f64,
    pub fatigue_lift_chance: f64,
    pub form_insurgency: f64,
    pub form_relations: f64,
    pub form_chance: f64,
    pub join_relations: f64,
    pub join_chance: f64,
    pub deepen_min_months: f64,
    pub deepen_min_members: f64,
    pub deepen_chance: f64,
    pub project_chance: f64,
    pub project_step: f64,
    pub pact_notice_months: f64,
    pub threat_chance: f64,
    pub threat_rally: f64,
    pub threat_relations: f64,
    pub threat_solidarity: f64,
    /// Months a threat of intervention stands.
    pub threat_months: f64,
    /// Chance a month that two threatened juntas found a pact when one of
    /// them is under a standing threat of force.
    pub form_threat_chance: f64,
    /// Chance a month that a pact of juntas pressed by a community leaves
    /// it together.
    pub joint_withdraw_chance: f64,
    /// Chance a month that a pact of juntas' members leave another pact
    /// they share with civilian governments.
    pub pact_switch_chance: f64,
    /// Progress of a confederation's currency project at which its members
    /// could leave a monetary union.
    pub currency_ready: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionRules {
    pub capital_per_turn: f64,
    pub capital_legitimacy: f64,
    pub capital_max: f64,
    pub ai_act_chance: f64,
    pub influence_per_turn: f64,
    pub influence_max: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameRules {
    /// Pools by region, each for the states it lists; the first pool that
    /// lists a state is its pool, and a pool that lists none is the pool
    /// of every state no other pool lists.
    pub pools: Vec<RegionNames>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionNames {
    pub region: String,
    /// ISO 3166 alpha-3 codes.
    pub states: Vec<String>,
    pub names: NamePool,
}

/// Names the model draws a new leader's from: an officer's rank, a given
/// name and a family name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamePool {
    pub ranks: Vec<String>,
    pub given: Vec<String>,
    pub family: Vec<String>,
}

impl NamePool {
    /// A new officer's name: rank, given name, family name, each drawn with
    /// `pick(len)` in that order.
    pub fn officer(&self, pick: impl FnMut(usize) -> usize) -> String {
        let lists = [&self.ranks, &self.given, &self.family];
        compose_drawn(&lists, &draw(lists, pick))
    }

    /// A civilian's name: given and family name.
    pub fn civilian(&self, pick: impl FnMut(usize) -> usize) -> String {
        self.civilian_named(self.civilian_drawn(pick))
    }

    /// The words of a civilian's name, drawn as [`NamePool::civilian`]
    /// draws them: a mechanism that draws a name every month, so that its
    /// luck stays aligned, puts it together only when it is used.
    pub fn civilian_drawn(&self, pick: impl FnMut(usize) -> usize) -> [usize; 2] {
        draw([&self.given, &self.family], pick)
    }

    /// The civilian's name of words drawn by [`NamePool::civilian_drawn`].
    pub fn civilian_named(&self, drawn: [usize; 2]) -> String {
        compose_drawn(&[&self.given, &self.family], &drawn)
    }
}

/// A word's place in each list, drawn with `pick(len)` in order.
fn draw<const N: usize>(lists: [&Vec<String>; N], mut pick: impl FnMut(usize) -> usize) -> [usize; N] {
    lists.map(|list| pick(list.len()))
}

/// The words drawn, joined by spaces; missing and empty words skipped.
fn compose_drawn(lists: &[&Vec<String>], drawn: &[usize]) -> String {
    let mut out = String::new();
    for (list, &i) in lists.iter().zip(drawn) {
        if let Some(word) = list.get(i).filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

impl NameRules {
    /// The pool for a state: the first that lists it, else the first that
    /// lists none.
    pub fn pool_for(&self, state: &str) -> Option<&NamePool> {
        self.pools
            .iter()
            .find(|p| p.states.iter().any(|s| s == state))
            .or_else(|| self.pools.iter().find(|p| p.states.is_empty()))
            .map(|p| &p.names)
    }
}

/// A rule override that does not fit.
#[derive(Debug, Clone, PartialEq)]
pub struct OverrideError {
    pub key: String,
    pub message: String,
}

impl Rules {
    /// The shipped rules. They are part of the program, and a unit test
    /// checks that they parse, so failure here is a build defect.
    pub fn shipped() -> Self {
        Self::parse(DEFAULT_RULES).expect("assets/rules.ron is checked by the test suite")
    }

    pub fn parse(text: &str) -> Result<Self, ron::error::SpannedError> {
        ron::Options::default().from_str(text)
    }

    /// Every numeric rule's dotted path, for messages and documentation.
    pub fn numeric_paths(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Ok(value) = serde_json::to_value(self) {
            collect_paths(&value, String::new(), &mut out);
        }
        out
    }

    /// Every numeric rule with its value here and the range an override
    /// may give it, as a Markdown table (`harmattan rules`, docs/rules.md).
    pub fn table(&self) -> String {
        let value = serde_json::to_value(self).unwrap_or_default();
        let mut out = String::from("| rule | value | an override may give |\n|---|---|---|\n");
        for path in self.numeric_paths() {
            let mut slot = Some(&value);
            for part in path.split('.') {
                slot = slot.and_then(|v| v.get(part));
            }
            let v = slot.and_then(serde_json::Value::as_f64).unwrap_or_default();
            let (lo, hi) = range_of(&path);
            out.push_str(&format!("| `{path}` | {v} | {lo} to {hi} |\n"));
        }
        out
    }

    /// Applies overrides by dotted path (`"coups.base_logit"`), reporting
    /// every key that names no number.
    pub fn with_overrides(&self, overrides: &BTreeMap<String, f64>) -> Result<Self, Vec<OverrideError>> {
        if overrides.is_empty() {
            return Ok(self.clone());
        }
        let mut value = serde_json::to_value(self).map_err(|e| {
            vec![OverrideError {
                key: String::new(),
                message: e.to_string(),
            }]
        })?;
        let mut errors = Vec::new();
        // Listed once for every unknown key, not once per key.
        let mut known: Option<Vec<String>> = None;
        for (key, number) in overrides {
            let mut slot = Some(&mut value);
            for part in key.split('.') {
                slot = slot.and_then(|v| v.get_mut(part));
            }
            match slot {
                Some(v) if v.is_number() && number.is_finite() => match out_of_range(key, *number) {
                    None => *v = serde_json::json!(number),
                    Some(message) => errors.push(OverrideError {
                        key: crate::hint::shown(key),
                        message,
                    }),
                },
                Some(v) if v.is_number() => errors.push(OverrideError {
                    key: crate::hint::shown(key),
                    message: format!("rule `{key}` must be a finite number"),
                }),
                _ => {
                    let paths = known.get_or_insert_with(|| self.numeric_paths());
                    let hint = crate::hint::suggest(key, paths.iter().map(String::as_str))
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_default();
                    errors.push(OverrideError {
                        key: crate::hint::shown(key),
                        message: format!(
                            "`{}` is not a numeric rule{hint} (see docs/model.md for the list)",
                            crate::hint::shown(key)
                        ),
                    });
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        serde_json::from_value(value).map_err(|e| {
            vec![OverrideError {
                key: String::new(),
                message: e.to_string(),
            }]
        })
    }
}

/// The range a rule may take: the schema of `assets/rules.ron`, by the
/// rule's name (listed in docs/scenarios.md, "`rules`"). Chances, rates
/// and shares are fractions; months run to a century; noise is a standard
/// deviation; every other number is a weight, a level or a step, kept
/// within ±1,000 so that no override can overflow the model.
pub fn range_of(path: &str) -> (f64, f64) {
    let mut parts = path.rsplit('.');
    let leaf = parts.next().unwrap_or("");
    let parent = parts.next().unwrap_or("");
    let fraction = leaf.ends_with("chance")
        || leaf == "rate"
        || leaf.ends_with("_rate")
        || leaf.ends_with("_share")
        || matches!(
            leaf,
            "rooting"
                | "wither"
                | "spread"
                | "decay"
                | "max_support"
                | "mutual_defence_support"
                | "war_factor"
                | "incumbent_wins"
                | "conditional_threshold"
                | "junta_max_conditionality"
                | "outreach"
        )
        || parent == "partner_support";
    if fraction {
        (0.0, 1.0)
    } else if leaf.contains("months") {
        (0.0, 1200.0)
    } else if leaf == "noise" {
        (0.0, 50.0)
    } else if parent == "protection" || parent == "withdraw_kind_factor" {
        (0.0, 10.0)
    } else {
        (-1000.0, 1000.0)
    }
}

/// A rule out of its range, said so that a modder knows what to do.
fn out_of_range(path: &str, v: f64) -> Option<String> {
    let (lo, hi) = range_of(path);
    (!(v.is_finite() && (lo..=hi).contains(&v))).then(|| {
        format!(
            "rule `{}` is {v}, but must be between {lo} and {hi}",
            crate::hint::shown(path)
        )
    })
}

impl Rules {
    /// Every rule out of its range (a save's or a rules file's rules are
    /// checked as a whole).
    pub fn out_of_range(&self) -> Vec<String> {
        fn walk(v: &serde_json::Value, path: String, problems: &mut Vec<String>) {
            match v {
                serde_json::Value::Object(map) => {
                    for (k, v) in map {
                        let p = if path.is_empty() {
                            k.clone()
                        } else {
                            format!("{path}.{k}")
                        };
                        walk(v, p, problems);
                    }
                }
                serde_json::Value::Number(n) => problems.extend(n.as_f64().and_then(|x| out_of_range(&path, x))),
                // NaN and infinities serialise as null.
                serde_json::Value::Null => problems.push(format!("rule `{path}` is not a finite number")),
                _ => {}
            }
        }
        let mut problems = Vec::new();
        if let Ok(value) = serde_json::to_value(self) {
            walk(&value, String::new(), &mut problems);
        }
        problems
    }
}

fn collect_paths(value: &serde_json::Value, prefix: String, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                collect_paths(v, p, out);
            }
        }
        serde_json::Value::Number(_) => out.push(prefix),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_rules_parse() {
        let rules = Rules::parse(DEFAULT_RULES).unwrap();
        assert!(rules.coups.base_logit < 0.0);
        assert!(rules.names.pools.iter().all(|p| !p.names.family.is_empty()));
        assert!(
            rules.names.pool_for("ZZZ").is_some(),
            "a pool for states no region lists"
        );
    }

    #[test]
    fn the_shipped_rules_are_within_their_ranges() {
        assert_eq!(Rules::shipped().out_of_range(), Vec::<String>::new());
        assert_eq!(range_of("coups.success_new_proofing"), (-1000.0, 1000.0));
        assert_eq!(range_of("blocs.joint_withdraw_chance"), (0.0, 1.0));
        assert_eq!(range_of("security.partner_support.base"), (0.0, 1.0));
        let mut o = BTreeMap::new();
        o.insert("blocs.form_chance".to_string(), 1.5);
        o.insert("stability.rate".to_string(), -0.1);
        let errs = Rules::shipped().with_overrides(&o).unwrap_err();
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(errs[0].message.contains("between 0 and 1"), "{}", errs[0].message);
    }

    #[test]
    fn overrides_apply_and_unknown_keys_are_reported() {
        let rules = Rules::shipped();
        let mut o = BTreeMap::new();
        o.insert("coups.base_logit".to_string(), -3.0);
        assert_eq!(rules.with_overrides(&o).unwrap().coups.base_logit, -3.0);
        o.insert("coups.base_logitt".to_string(), 1.0);
        let errs = rules.with_overrides(&o).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert!(
            errs[0].message.contains("did you mean `coups.base_logit`"),
            "{}",
            errs[0].message
        );
    }
}
