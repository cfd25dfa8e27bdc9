//! The scenario file format: what a `scenarios/*.ron` file may contain.
//!
//! These types mirror the file one to one; `docs/scenarios.md` is their
//! reference for modders. Ranges are checked in `validate.rs`, not here, so
//! that every problem in a file can be reported at once.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::date::YearMonth;

/// A whole scenario file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Scenario")]
pub struct ScenarioFile {
    pub meta: Meta,
    pub powers: Vec<PowerDef>,
    pub states: Vec<StateDef>,
    #[serde(default)]
    pub blocs: Vec<BlocDef>,
    #[serde(default)]
    pub partnerships: Vec<PartnershipDef>,
    #[serde(default)]
    pub events: Vec<EventDef>,
    /// What each playable state plays for.
    #[serde(default)]
    pub goals: Vec<GoalDef>,
    /// Decisions added to the catalogue, or replacing those of the same id.
    #[serde(default)]
    pub decisions: Vec<DecisionDef>,
    /// Overrides of tunable numbers from `assets/rules.ron`, by dotted path
    /// (`"coups.base_logit": -5.2`).
    #[serde(default)]
    pub rules: BTreeMap<String, f64>,
    /// What really happened after the start: the turning points a game
    /// started with the history option replays on their dates.
    #[serde(default)]
    pub history: Option<HistoryDef>,
    /// Exports beyond the built-in ones, for this scenario's states and
    /// powers to name.
    #[serde(default)]
    pub commodities: Vec<CommodityDef>,
    /// Relations between pairs of states at the start, where they differ
    /// from what their regimes, blocs and alignments make natural (which
    /// they then drift back toward, as any relations do).
    #[serde(default)]
    pub relations: Vec<RelationDef>,
}

/// Two states' relations at the start (both ways), −100 to 100.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RelationDef {
    pub state: String,
    pub other: String,
    pub value: f64,
}

/// The record of a scenario's period, for the classroom's history option.
/// While it runs (to `until`), the record alone makes coups, founds and
/// deepens pacts and takes states out of blocs; the rest of the model
/// (stability, insurgency, economies, sanctions, partnerships) runs as
/// ever.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryDef {
    /// The last month the record covers: from the next one the model
    /// decides everything again.
    pub until: YearMonth,
    /// The works the record follows.
    #[serde(default)]
    pub sources: Vec<String>,
    pub points: Vec<TurningPoint>,
}

/// What the record says befell a state, for setting futures beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Befell {
    Coup,
    FailedCoup,
    /// It founded this pact (its id).
    FoundedPact(String),
    /// It announced its withdrawal from this bloc, or left it.
    LeftBloc(String),
}

impl HistoryDef {
    /// What befell `state`, month by month, from `from` to `to` (both
    /// included): coups, failed coups, pacts founded and blocs left, as
    /// the record's effects say.
    pub fn befell(&self, state: &str, from: YearMonth, to: YearMonth) -> Vec<(YearMonth, Befell)> {
        let mut out: Vec<(YearMonth, Befell)> = self
            .points
            .iter()
            .filter(|p| p.month >= from && p.month <= to)
            .flat_map(|p| {
                p.effects.iter().filter_map(move |e| {
                    let what = match e {
                        Effect::CoupAttempt { state: s, succeeds, .. } if s == state => {
                            if *succeeds == Some(false) {
                                Befell::FailedCoup
                            } else {
                                Befell::Coup
                            }
                        }
                        Effect::FoundPact { states, id, .. } if states.iter().any(|s| s == state) => {
                            Befell::FoundedPact(id.clone())
                        }
                        Effect::AnnounceWithdrawal { state: s, bloc } | Effect::LeaveBloc { state: s, bloc }
                            if s == state =>
                        {
                            Befell::LeftBloc(bloc.clone())
                        }
                        _ => return None,
                    };
                    Some((p.month, what))
                })
            })
            .collect();
        out.sort_by_key(|(m, _)| *m);
        out
    }
}

/// One turning point of the record: on its month, its effects happen and
/// its title is a headline.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TurningPoint {
    pub month: YearMonth,
    pub title: String,
    /// Where it is recorded, as a reader could check it.
    pub source: String,
    pub effects: Vec<Effect>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// The month the first turn resolves.
    pub start: YearMonth,
    /// Default number of turns (months) for `run` and `batch`.
    pub turns: u32,
    /// Default seed.
    pub seed: u64,
    /// States a player may take; empty means observer only.
    #[serde(default)]
    pub playable: Vec<String>,
}

/// A foreign power (Russia, France, …).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PowerDef {
    pub id: String,
    pub name: String,
    /// How many security partnerships it can keep in force at once.
    #[serde(default = "default_capacity")]
    pub capacity: u32,
    /// 0 to 1: how strongly it conditions support on constitutional rule
    /// (suspends partnerships after a coup, backs sanctions).
    #[serde(default)]
    pub conditionality: f64,
    /// Kinds of partnership it offers; all of them if omitted.
    #[serde(default = "all_kinds")]
    pub offers: Vec<PartnershipKind>,
    /// What the power seeks in the region on its own initiative; without
    /// one it only answers states that come to it.
    #[serde(default)]
    pub agenda: Agenda,
}

/// A power's own agenda: how often it takes a decision of its own, what it
/// seeks, whom it courts and competes with, and which decisions it favours.
/// The power decisions' AI weights read it (`Courts`, `Wants`,
/// `TowardRivals`), and `priorities` add to their weights.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Agenda {
    /// 0 to 1: chance a month that it takes a decision of its own.
    #[serde(default)]
    pub outreach: f64,
    /// Exports it seeks concessions for (Russia: gold, uranium).
    #[serde(default)]
    pub wants: Vec<Export>,
    /// States it courts first.
    #[serde(default)]
    pub courts: Vec<String>,
    /// Powers it competes with: a state that has turned against one of them
    /// is an opening.
    #[serde(default)]
    pub rivals: Vec<String>,
    /// Decisions it favours beyond what its situation suggests.
    #[serde(default)]
    pub priorities: Vec<Priority>,
}

/// A decision an agenda favours (or, with a negative `boost`, shuns):
/// where its situation makes the decider want it at all, the weight grows
/// by this fraction (0.5: half as likely again; -1: never), logged as a
/// reason. An agenda sharpens what a situation calls for; it does not
/// invent a reason where there is none.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    /// A decision id of the catalogue.
    pub decision: String,
    pub boost: f64,
    /// The reason, as the log says it: "defending its bases".
    pub why: String,
}

/// A state's scenario-given agenda: decisions its government favours (or
/// shuns) when the computer runs it; "Nigeria defends the community".
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StateAgenda {
    #[serde(default)]
    pub priorities: Vec<Priority>,
}

fn default_capacity() -> u32 {
    4
}

fn all_kinds() -> Vec<PartnershipKind> {
    PartnershipKind::ALL.to_vec()
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StateDef {
    /// ISO 3166 alpha-3 code, e.g. `MLI`.
    pub id: String,
    pub name: String,
    /// 0 to 100.
    pub stability: f64,
    /// Popular legitimacy of the government, 0 to 100.
    pub legitimacy: f64,
    /// Loyalty of the armed forces to the government, 0 to 100.
    pub military_loyalty: f64,
    /// Investment in coup-proofing (guard units, ethnic stacking), 0 to 100.
    #[serde(default)]
    pub coup_proofing: f64,
    pub regime: RegimeDef,
    pub security: SecurityDef,
    pub economy: EconomyDef,
    /// Standing toward each power, -100 (hostile) to 100 (aligned). Powers
    /// not named start at 0.
    #[serde(default)]
    pub alignment: BTreeMap<String, f64>,
    /// States sharing a land border (or a sea lane that matters).
    #[serde(default)]
    pub neighbours: Vec<String>,
    /// The last successful coup before the start, if any.
    #[serde(default)]
    pub last_coup: Option<YearMonth>,
    /// What its government favours when the computer runs it.
    #[serde(default)]
    pub agenda: StateAgenda,
    /// Names for the leaders the model brings to power here (after a coup
    /// or an election); without it, the rules' pool for the state's region.
    #[serde(default)]
    pub names: Option<crate::rules::NamePool>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RegimeDef {
    pub kind: RegimeKind,
    pub leader: String,
    pub since: YearMonth,
    #[serde(default)]
    pub by_coup: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum RegimeKind {
    Civilian,
    MilitaryJunta,
    Transitional,
}

impl RegimeKind {
    pub fn snake(self) -> &'static str {
        match self {
            RegimeKind::Civilian => "civilian",
            RegimeKind::MilitaryJunta => "military_junta",
            RegimeKind::Transitional => "transitional",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityDef {
    /// Insurgency pressure, 0 to 100.
    pub insurgency: f64,
    /// Share of territory under state control, 0 to 100 (%).
    pub control: f64,
    /// Military capacity, 0 to 100.
    pub military: f64,
    /// How fast an established insurgency (at or above the momentum
    /// threshold) is expanding at the start, in points of rooted pressure
    /// a year, from the trend of recorded violence (ACLED, UCDP): 0 for
    /// one that is contained. Without it, the rules' `momentum` applies.
    #[serde(default)]
    pub trend: Option<f64>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EconomyDef {
    /// Real GDP growth, % a year (-30 to 30).
    pub growth: f64,
    #[serde(default)]
    pub exports: Vec<Export>,
    /// How much of the economy sanctions can reach, 0 to 100.
    pub sanctions_exposure: f64,
    pub coastal: bool,
    /// Share of the population in food crisis or worse (Cadre Harmonisé
    /// phase 3+), 0 to 100; 5 if omitted.
    #[serde(default = "default_food_insecurity")]
    pub food_insecurity: f64,
    /// Whether the state bans grain exports at the start.
    #[serde(default)]
    pub grain_export_ban: bool,
}

fn default_food_insecurity() -> f64 {
    5.0
}

/// An export, by name, written bare as a variant is (`Gold`, `Copper`):
/// one of the built-in commodities ([`BUILTIN_EXPORTS`]) or one the
/// scenario declares under `commodities`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Export(pub String);

impl Export {
    pub fn name(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Export {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Name;
        impl serde::de::Visitor<'_> for Name {
            type Value = Export;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a commodity's name, such as Gold or Copper")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Export, E> {
                Ok(Export(v.to_string()))
            }
        }
        d.deserialize_identifier(Name)
    }
}

impl Serialize for Export {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// The commodities every scenario knows, in a fixed order (their indices),
/// each with whether foreign powers seek mining or energy concessions for
/// it (a security partner with such exports may be offered one).
pub const BUILTIN_EXPORTS: [(&str, bool); 19] = [
    ("Gold", true),
    ("Uranium", true),
    ("Oil", true),
    ("Gas", false),
    ("Cotton", false),
    ("Cocoa", false),
    ("Coffee", false),
    ("Cashew", false),
    ("Bauxite", true),
    ("IronOre", false),
    ("Manganese", false),
    ("Phosphate", false),
    ("Diamonds", false),
    ("Livestock", false),
    ("Fish", false),
    ("Groundnuts", false),
    ("Timber", false),
    ("Rubber", false),
    ("Services", false),
];

/// A commodity a scenario adds to the built-in ones (copper, cobalt, tea…).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CommodityDef {
    /// Its name, as exports and agendas write it: `Copper`.
    pub id: String,
    /// Whether foreign powers seek concessions for it, as for gold,
    /// uranium, oil and bauxite.
    #[serde(default)]
    pub concessions: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BlocDef {
    pub id: String,
    pub name: String,
    pub kind: BlocKind,
    pub members: Vec<String>,
    #[serde(default)]
    pub rules: BlocRules,
    #[serde(default)]
    pub projects: Vec<ProjectDef>,
    /// Members suspended from the bloc's bodies at the start.
    #[serde(default)]
    pub suspended: Vec<String>,
    /// States under the bloc's sanctions at the start (members or not).
    #[serde(default)]
    pub sanctioned: Vec<String>,
    /// Members the bloc has threatened with military intervention, the
    /// threat still standing at the start.
    #[serde(default)]
    pub threatened: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum BlocKind {
    EconomicCommunity,
    MonetaryUnion,
    DefencePact,
    Confederation,
}

impl BlocKind {
    pub fn snake(self) -> &'static str {
        match self {
            BlocKind::EconomicCommunity => "economic_community",
            BlocKind::MonetaryUnion => "monetary_union",
            BlocKind::DefencePact => "defence_pact",
            BlocKind::Confederation => "confederation",
        }
    }
}

/// A bloc's own rules.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct BlocRules {
    /// Months between announcing withdrawal and leaving.
    pub withdrawal_notice_months: u32,
    /// Suspends a member whose government falls to a coup.
    pub suspend_on_coup: bool,
    /// Sanctions a member whose government falls to a coup.
    pub sanction_on_coup: bool,
    /// Members come to each other's defence (shared security effort).
    pub mutual_defence: bool,
    /// May threaten a member that falls to a coup with military
    /// intervention (ECOWAS: The Gambia 2017, Niger 2023).
    pub threaten_on_coup: bool,
}

impl Default for BlocRules {
    fn default() -> Self {
        Self {
            withdrawal_notice_months: 12,
            suspend_on_coup: false,
            sanction_on_coup: false,
            mutual_defence: false,
            threaten_on_coup: false,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectDef {
    pub kind: ProjectKind,
    /// 0 to 100 (%); 100 means done.
    #[serde(default)]
    pub progress: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum ProjectKind {
    JointForce,
    Passport,
    Media,
    CommonMarket,
    Currency,
    Federation,
}

impl ProjectKind {
    pub fn snake(self) -> &'static str {
        match self {
            ProjectKind::JointForce => "joint_force",
            ProjectKind::Passport => "passport",
            ProjectKind::Media => "media",
            ProjectKind::CommonMarket => "common_market",
            ProjectKind::Currency => "currency",
            ProjectKind::Federation => "federation",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PartnershipDef {
    pub state: String,
    pub power: String,
    pub kind: PartnershipKind,
    pub stage: Stage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum PartnershipKind {
    DefenceCooperation,
    TrainingEquipment,
    SecurityContractors,
    ExpeditionaryCorps,
    Base,
    MiningConcession,
    EnergyConcession,
    SpaceProgramme,
}

impl PartnershipKind {
    /// Kinds that put a power's people in uniform on the ground: these can be expelled.
    pub fn has_forces(self) -> bool {
        matches!(
            self,
            PartnershipKind::TrainingEquipment
                | PartnershipKind::SecurityContractors
                | PartnershipKind::ExpeditionaryCorps
                | PartnershipKind::Base
        )
    }

    /// Kinds that count against a power's security capacity.
    pub fn is_security(self) -> bool {
        !matches!(
            self,
            PartnershipKind::MiningConcession | PartnershipKind::EnergyConcession | PartnershipKind::SpaceProgramme
        )
    }

    pub fn snake(self) -> &'static str {
        match self {
            PartnershipKind::DefenceCooperation => "defence_cooperation",
            PartnershipKind::TrainingEquipment => "training_equipment",
            PartnershipKind::SecurityContractors => "security_contractors",
            PartnershipKind::ExpeditionaryCorps => "expeditionary_corps",
            PartnershipKind::Base => "base",
            PartnershipKind::MiningConcession => "mining_concession",
            PartnershipKind::EnergyConcession => "energy_concession",
            PartnershipKind::SpaceProgramme => "space_programme",
        }
    }

    /// This kind's bit in a set of kinds.
    pub fn bit(self) -> u16 {
        1 << (self as u16)
    }

    pub const ALL: [PartnershipKind; 8] = [
        PartnershipKind::DefenceCooperation,
        PartnershipKind::TrainingEquipment,
        PartnershipKind::SecurityContractors,
        PartnershipKind::ExpeditionaryCorps,
        PartnershipKind::Base,
        PartnershipKind::MiningConcession,
        PartnershipKind::EnergyConcession,
        PartnershipKind::SpaceProgramme,
    ];
}

/// Where a partnership stands. The order of the variants is the order of
/// the stages: a partnership only moves forward, or ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Stage {
    Proposed,
    Drafted,
    Reviewed,
    Approved,
    Signed,
    InForce,
    Suspended,
    Ended,
}

impl Stage {
    pub fn snake(self) -> &'static str {
        match self {
            Stage::Proposed => "proposed",
            Stage::Drafted => "drafted",
            Stage::Reviewed => "reviewed",
            Stage::Approved => "approved",
            Stage::Signed => "signed",
            Stage::InForce => "in_force",
            Stage::Suspended => "suspended",
            Stage::Ended => "ended",
        }
    }

    /// The next stage on the road to entry into force, if any.
    pub fn next(self) -> Option<Stage> {
        match self {
            Stage::Proposed => Some(Stage::Drafted),
            Stage::Drafted => Some(Stage::Reviewed),
            Stage::Reviewed => Some(Stage::Approved),
            Stage::Approved => Some(Stage::Signed),
            Stage::Signed => Some(Stage::InForce),
            Stage::InForce | Stage::Suspended | Stage::Ended => None,
        }
    }

    pub fn is_pending(self) -> bool {
        self < Stage::InForce
    }
}

/// A state's indicator that conditions and effects can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Indicator {
    Stability,
    Legitimacy,
    MilitaryLoyalty,
    CoupProofing,
    Insurgency,
    Control,
    Military,
    Growth,
    /// Share of the population in food crisis or worse (Cadre Harmonisé
    /// phase 3+), %.
    FoodInsecurity,
}

impl Indicator {
    pub const ALL: [Indicator; 9] = [
        Indicator::Stability,
        Indicator::Legitimacy,
        Indicator::MilitaryLoyalty,
        Indicator::CoupProofing,
        Indicator::Insurgency,
        Indicator::Control,
        Indicator::Military,
        Indicator::Growth,
        Indicator::FoodInsecurity,
    ];

    /// The inclusive range the indicator is kept in.
    pub fn range(self) -> (f64, f64) {
        match self {
            Indicator::Growth => (-30.0, 30.0),
            _ => (0.0, 100.0),
        }
    }

    pub fn snake(self) -> &'static str {
        match self {
            Indicator::Stability => "stability",
            Indicator::Legitimacy => "legitimacy",
            Indicator::MilitaryLoyalty => "military_loyalty",
            Indicator::CoupProofing => "coup_proofing",
            Indicator::Insurgency => "insurgency",
            Indicator::Control => "control",
            Indicator::Military => "military",
            Indicator::Growth => "growth",
            Indicator::FoodInsecurity => "food_insecurity",
        }
    }
}

/// A scripted event: when its condition holds at the start of a turn, its
/// effects apply.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EventDef {
    pub id: String,
    /// Headline for the news feed; defaults to the id.
    #[serde(default)]
    pub title: Option<String>,
    pub when: Condition,
    /// Fire at most once (the default), or every turn the condition holds.
    #[serde(default = "yes")]
    pub once: bool,
    /// Show its title to the player in a dialog, as a turning point is
    /// (tutorial lessons, a scenario's big moments).
    #[serde(default)]
    pub headline: bool,
    pub effects: Vec<Effect>,
    /// The government that decides between `choices` (a state id).
    #[serde(default)]
    pub chooser: Option<String>,
    /// Options offered when the event fires, after its `effects`. The
    /// player decides for the state they play; any other government picks
    /// by `ai_weight`.
    #[serde(default)]
    pub choices: Vec<Choice>,
}

/// One option of an event's choice.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub label: String,
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// Relative chance that a government not played by a person picks it.
    #[serde(default = "one")]
    pub ai_weight: f64,
}

fn yes() -> bool {
    true
}

fn one() -> f64 {
    1.0
}

/// A comparison of a state's indicator with a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Cmp {
    Below,
    AtMost,
    AtLeast,
    Above,
}

impl Cmp {
    pub fn holds(self, left: f64, right: f64) -> bool {
        match self {
            Cmp::Below => left < right,
            Cmp::AtMost => left <= right,
            Cmp::AtLeast => left >= right,
            Cmp::Above => left > right,
        }
    }
}

/// The condition vocabulary shared by scripted events (and later by
/// decisions and AI weights).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub enum Condition {
    /// The turn resolving this month.
    Date(YearMonth),
    /// Any turn from this month on.
    From(YearMonth),
    /// Any turn before this month.
    Before(YearMonth),
    /// A state's indicator compared with a value.
    Indicator {
        state: String,
        indicator: Indicator,
        cmp: Cmp,
        value: f64,
    },
    /// A state's standing toward a power compared with a value.
    Alignment {
        state: String,
        power: String,
        cmp: Cmp,
        value: f64,
    },
    Regime {
        state: String,
        kind: RegimeKind,
    },
    Member {
        state: String,
        bloc: String,
    },
    /// The bloc has the state under sanctions (any bloc, if `bloc` is
    /// omitted).
    Sanctioned {
        state: String,
        #[serde(default)]
        bloc: Option<String>,
    },
    /// The state is a member of the bloc and suspended from it.
    Suspended {
        state: String,
        bloc: String,
    },
    /// A partnership of this kind (any kind if omitted) at this stage or
    /// further along (any live stage if omitted).
    Partnership {
        state: String,
        power: String,
        #[serde(default)]
        kind: Option<PartnershipKind>,
        #[serde(default)]
        stage: Option<Stage>,
    },
    /// Relations between two states compared with a value (-100 to 100).
    Relation {
        state: String,
        other: String,
        cmp: Cmp,
        value: f64,
    },
    /// The named person leads the state.
    Leader {
        state: String,
        leader: String,
    },
    /// At least this many turns have been played.
    Elapsed(u32),
    /// The game is being set up, before the first turn: an event with it
    /// in its `when` can greet the player on the opening screen. Only in
    /// events' `when`, and not with `choices`.
    Start,
    /// A bloc's project (joint force, passport, …, federation) is complete.
    Project {
        bloc: String,
        project: ProjectKind,
    },
    /// The number of a bloc's members, not counting those on their way out,
    /// compared with a value.
    Members {
        bloc: String,
        cmp: Cmp,
        value: f64,
    },
    /// Talks on a partnership between the state and the power are under
    /// way (proposed, drafted, reviewed or approved).
    Talks {
        state: String,
        power: String,
    },
    /// The bloc has common projects still to complete (a confederation).
    ProjectsOpen {
        bloc: String,
    },
    /// The power courts the state (its agenda's `courts`).
    Courts {
        power: String,
        state: String,
    },
    /// The state exports something the power seeks (its agenda's `wants`).
    Wants {
        power: String,
        state: String,
    },
    /// The state exports this.
    Exports {
        state: String,
        export: Export,
    },
    /// The state's standing toward the power's rivals, the lowest of them,
    /// compared with a value (false if the power has no rivals).
    TowardRivals {
        state: String,
        power: String,
        cmp: Cmp,
        value: f64,
    },
    /// The power can take on one more security partnership.
    SpareCapacity {
        power: String,
    },
    /// The power offers this kind of partnership.
    Offers {
        power: String,
        kind: PartnershipKind,
    },
    /// How strongly the power ties its support to constitutional rule, 0 to
    /// 1, compared with a value.
    Conditionality {
        power: String,
        cmp: Cmp,
        value: f64,
    },
    /// A monthly probability, 0 to 1.
    Chance(f64),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

/// A decision a government (or a foreign power) can take: a cost in
/// political capital (a power's: influence), when it is available, what it
/// does (some effects uncertain or delayed), and how much the computer
/// wants it. In conditions and effects, `$self` is the decider and
/// `$target` what the decision is about.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionDef {
    pub id: String,
    /// Who takes it: a state's government (the default) or a foreign power.
    #[serde(default)]
    pub by: Decider,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Political capital it costs.
    pub cost: u32,
    #[serde(default)]
    pub target: TargetKind,
    /// When it can be taken; always if omitted.
    #[serde(default = "always")]
    pub available: Condition,
    pub effects: Vec<Outcome>,
    #[serde(default)]
    pub ai: AiWeight,
}

/// Who takes a decision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
pub enum Decider {
    #[default]
    Government,
    Power,
}

fn always() -> Condition {
    Condition::All(Vec::new())
}

/// What a decision is about.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
pub enum TargetKind {
    /// Nothing else: a domestic decision.
    #[default]
    None,
    /// Any other state.
    State,
    /// A state across a border.
    Neighbour,
    Power,
    /// A bloc the state belongs to.
    OwnBloc,
    /// A bloc the state does not belong to.
    OtherBloc,
}

/// One effect of a decision, perhaps uncertain (`chance`) or late (`delay`
/// months after the decision).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub effect: Effect,
    #[serde(default = "one")]
    pub chance: f64,
    #[serde(default)]
    pub delay: u32,
}

/// How much a computer-run government wants a decision: `base`, plus the
/// `add` of every factor whose condition holds; the factors that counted
/// are its reasons.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AiWeight {
    #[serde(default)]
    pub base: f64,
    #[serde(default)]
    pub factors: Vec<AiFactor>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AiFactor {
    pub when: Condition,
    pub add: f64,
    /// The reason, as the log says it: "insurgency is high".
    pub why: String,
}

/// A playable state's goal: won when `victory` holds, lost when `defeat`
/// holds (checked first), each at the end of a turn.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GoalDef {
    pub state: String,
    /// A short title: "Hold power", "Keep ECOWAS together".
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub victory: Condition,
    pub defeat: Condition,
}

impl Condition {
    /// Whether it draws random numbers (`Chance`), which goals, decisions'
    /// availability and AI weights may not.
    pub fn draws(&self) -> bool {
        match self {
            Condition::Chance(_) => true,
            Condition::All(list) | Condition::Any(list) => list.iter().any(Condition::draws),
            Condition::Not(inner) => inner.draws(),
            _ => false,
        }
    }

    /// Whether it mentions `Start` (holds only while a game is set up).
    pub fn mentions_start(&self) -> bool {
        match self {
            Condition::Start => true,
            Condition::All(list) | Condition::Any(list) => list.iter().any(Condition::mentions_start),
            Condition::Not(inner) => inner.mentions_start(),
            _ => false,
        }
    }
}

/// The effect vocabulary shared by scripted events (and later decisions).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub enum Effect {
    /// Add `delta` to an indicator.
    Change {
        state: String,
        indicator: Indicator,
        delta: f64,
    },
    /// Set an indicator.
    Set {
        state: String,
        indicator: Indicator,
        value: f64,
    },
    /// Add `delta` to a state's standing toward a power.
    Align {
        state: String,
        power: String,
        delta: f64,
    },
    /// Add `delta` to relations between two states (both ways).
    Relate {
        state: String,
        other: String,
        delta: f64,
    },
    StartPartnership {
        state: String,
        power: String,
        kind: PartnershipKind,
        #[serde(default = "proposed")]
        stage: Stage,
    },
    EndPartnership {
        state: String,
        power: String,
        kind: PartnershipKind,
    },
    /// The state sends the power's forces home: every partnership with
    /// forces on the ground ends.
    ExpelForces {
        state: String,
        power: String,
    },
    JoinBloc {
        state: String,
        bloc: String,
    },
    AnnounceWithdrawal {
        state: String,
        bloc: String,
    },
    /// Leave at once, without notice.
    LeaveBloc {
        state: String,
        bloc: String,
    },
    ImposeSanctions {
        bloc: String,
        state: String,
    },
    /// The bloc suspends the member from its bodies (it stays a member,
    /// takes no part in decisions).
    SuspendMember {
        bloc: String,
        state: String,
    },
    /// The bloc reinstates a suspended member.
    ReinstateMember {
        bloc: String,
        state: String,
    },
    LiftSanctions {
        bloc: String,
        state: String,
    },
    /// A coup attempt. The model decides its outcome and the new leader
    /// unless they are given (`succeeds: true, leader: "…"`), as a
    /// scenario's history gives them.
    CoupAttempt {
        state: String,
        #[serde(default)]
        succeeds: Option<bool>,
        #[serde(default)]
        leader: Option<String>,
    },
    SetLeader {
        state: String,
        leader: String,
        #[serde(default)]
        regime: Option<RegimeKind>,
    },
    /// A state visit or consultations with a power: standing toward it rises.
    VisitPower {
        state: String,
        power: String,
    },
    /// A state visit to another state: relations improve.
    VisitState {
        state: String,
        other: String,
    },
    /// A joint statement of two states: relations improve.
    JointStatement {
        state: String,
        other: String,
    },
    /// `state` mediates between `first` and `second`: their relations
    /// improve, and so do the mediator's with both.
    Mediate {
        state: String,
        first: String,
        second: String,
    },
    /// Recalling an ambassador: relations fall.
    RecallAmbassador {
        state: String,
        other: String,
    },
    /// `state` closes its borders and ports to `other`.
    CloseBorder {
        state: String,
        other: String,
    },
    /// `state` opens its borders and ports to `other`, even against its
    /// bloc's sanctions (Guinea for Mali in 2022).
    OpenBorder {
        state: String,
        other: String,
    },
    /// The state bans grain exports: its own food supply eases, its
    /// neighbours' tightens.
    BanGrainExports {
        state: String,
    },
    LiftGrainExportBan {
        state: String,
    },
    /// One of the bloc's open projects moves on one step: `project`, or
    /// the least advanced if omitted.
    AdvanceProject {
        bloc: String,
        #[serde(default)]
        project: Option<ProjectKind>,
    },
    /// A power's campaign in a state (media, networks): the state's
    /// standing toward each of the power's rivals moves by `delta`.
    DiscreditRivals {
        state: String,
        power: String,
        delta: f64,
    },
    /// Talks on a partnership with the power move one stage on (the most
    /// advanced of them, if several are under way).
    AdvancePartnership {
        state: String,
        power: String,
    },
    /// `state` presses every bloc it belongs to in good standing, and of
    /// which `other` is a member, to sanction `other`.
    UrgeSanctions {
        state: String,
        other: String,
    },
    /// `state` presses those blocs to lift their sanctions on `other`.
    UrgeLifting {
        state: String,
        other: String,
    },
    /// `state` asks for mediation with `other`: the state on the best terms
    /// with both mediates.
    AskMediation {
        state: String,
        other: String,
    },
    /// `state` offers to mediate between `other` and the state `other` is
    /// on the worst terms with.
    OfferMediation {
        state: String,
        other: String,
    },
    /// `state` proposes a mutual defence pact to `other`: it joins the pact
    /// `other` is in, or the two found one. A state a person plays is not
    /// signed up without them.
    ProposePact {
        state: String,
        other: String,
    },
    /// `states` found a mutual-defence pact named `name`, known by `id`
    /// (later effects may name it). Nothing happens if they already share
    /// one.
    FoundPact {
        states: Vec<String>,
        id: String,
        name: String,
    },
    /// A defence pact becomes a confederation, with its projects (joint
    /// force, passport, media, market, currency, federation) to advance;
    /// renamed if a `name` is given.
    Confederate {
        bloc: String,
        #[serde(default)]
        name: Option<String>,
    },
    /// A news item with no other effect.
    News(String),
    /// Fire another event now, whatever its condition.
    Fire(String),
}

/// What an id in an effect names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    State,
    Power,
    Bloc,
    Event,
}

impl RefKind {
    /// The word for it in messages.
    pub fn noun(self) -> &'static str {
        match self {
            RefKind::State => "state",
            RefKind::Power => "power",
            RefKind::Bloc => "bloc",
            RefKind::Event => "event",
        }
    }
}

/// One id in an effect: the field it is written in (empty for an effect
/// that is only an id), what it names, and the id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ref<'a> {
    pub field: &'static str,
    pub kind: RefKind,
    pub id: &'a str,
}

impl Effect {
    /// Every id the effect names, the acting state first: the one list
    /// that validation and the check of a player's order both read, so
    /// that a new effect's ids are declared once.
    pub fn refs(&self) -> Vec<Ref<'_>> {
        use RefKind::*;
        fn r<'a>(field: &'static str, kind: RefKind, id: &'a str) -> Ref<'a> {
            Ref { field, kind, id }
        }
        match self {
            Effect::Change { state, .. }
            | Effect::Set { state, .. }
            | Effect::BanGrainExports { state }
            | Effect::LiftGrainExportBan { state }
            | Effect::CoupAttempt { state, .. }
            | Effect::SetLeader { state, .. } => vec![r("state", State, state)],
            Effect::Align { state, power, .. }
            | Effect::VisitPower { state, power }
            | Effect::StartPartnership { state, power, .. }
            | Effect::EndPartnership { state, power, .. }
            | Effect::ExpelForces { state, power }
            | Effect::AdvancePartnership { state, power }
            | Effect::DiscreditRivals { state, power, .. } => {
                vec![r("state", State, state), r("power", Power, power)]
            }
            Effect::Relate { state, other, .. }
            | Effect::VisitState { state, other }
            | Effect::JointStatement { state, other }
            | Effect::RecallAmbassador { state, other }
            | Effect::CloseBorder { state, other }
            | Effect::OpenBorder { state, other }
            | Effect::UrgeSanctions { state, other }
            | Effect::UrgeLifting { state, other }
            | Effect::AskMediation { state, other }
            | Effect::OfferMediation { state, other }
            | Effect::ProposePact { state, other } => vec![r("state", State, state), r("other", State, other)],
            Effect::Mediate { state, first, second } => vec![
                r("state", State, state),
                r("first", State, first),
                r("second", State, second),
            ],
            Effect::JoinBloc { state, bloc }
            | Effect::AnnounceWithdrawal { state, bloc }
            | Effect::LeaveBloc { state, bloc }
            | Effect::ImposeSanctions { state, bloc }
            | Effect::SuspendMember { state, bloc }
            | Effect::ReinstateMember { state, bloc }
            | Effect::LiftSanctions { state, bloc } => vec![r("state", State, state), r("bloc", Bloc, bloc)],
            Effect::AdvanceProject { bloc, .. } | Effect::Confederate { bloc, .. } => vec![r("bloc", Bloc, bloc)],
            Effect::FoundPact { states, .. } => states.iter().map(|s| r("states", State, s)).collect(),
            Effect::Fire(id) => vec![r("", Event, id)],
            Effect::News(_) => Vec::new(),
        }
    }

    /// Whether it makes a coup, founds, joins or deepens a pact, or takes a
    /// state out of a bloc: what a scenario's record alone makes while it
    /// runs (the history option).
    pub fn makes_history(&self) -> bool {
        matches!(
            self,
            Effect::CoupAttempt { .. }
                | Effect::FoundPact { .. }
                | Effect::Confederate { .. }
                | Effect::AnnounceWithdrawal { .. }
                | Effect::LeaveBloc { .. }
                | Effect::JoinBloc { .. }
                | Effect::ProposePact { .. }
        )
    }

    /// The variant's name as written in files.
    pub fn name(&self) -> &'static str {
        match self {
            Effect::Change { .. } => "Change",
            Effect::Set { .. } => "Set",
            Effect::Align { .. } => "Align",
            Effect::Relate { .. } => "Relate",
            Effect::StartPartnership { .. } => "StartPartnership",
            Effect::EndPartnership { .. } => "EndPartnership",
            Effect::ExpelForces { .. } => "ExpelForces",
            Effect::JoinBloc { .. } => "JoinBloc",
            Effect::AnnounceWithdrawal { .. } => "AnnounceWithdrawal",
            Effect::LeaveBloc { .. } => "LeaveBloc",
            Effect::ImposeSanctions { .. } => "ImposeSanctions",
            Effect::SuspendMember { .. } => "SuspendMember",
            Effect::ReinstateMember { .. } => "ReinstateMember",
            Effect::LiftSanctions { .. } => "LiftSanctions",
            Effect::CoupAttempt { .. } => "CoupAttempt",
            Effect::SetLeader { .. } => "SetLeader",
            Effect::VisitPower { .. } => "VisitPower",
            Effect::VisitState { .. } => "VisitState",
            Effect::JointStatement { .. } => "JointStatement",
            Effect::Mediate { .. } => "Mediate",
            Effect::RecallAmbassador { .. } => "RecallAmbassador",
            Effect::CloseBorder { .. } => "CloseBorder",
            Effect::OpenBorder { .. } => "OpenBorder",
            Effect::BanGrainExports { .. } => "BanGrainExports",
            Effect::LiftGrainExportBan { .. } => "LiftGrainExportBan",
            Effect::DiscreditRivals { .. } => "DiscreditRivals",
            Effect::AdvanceProject { .. } => "AdvanceProject",
            Effect::AdvancePartnership { .. } => "AdvancePartnership",
            Effect::UrgeSanctions { .. } => "UrgeSanctions",
            Effect::UrgeLifting { .. } => "UrgeLifting",
            Effect::AskMediation { .. } => "AskMediation",
            Effect::OfferMediation { .. } => "OfferMediation",
            Effect::ProposePact { .. } => "ProposePact",
            Effect::FoundPact { .. } => "FoundPact",
            Effect::Confederate { .. } => "Confederate",
            Effect::News(_) => "News",
            Effect::Fire(_) => "Fire",
        }
    }
}

fn proposed() -> Stage {
    Stage::Proposed
}
