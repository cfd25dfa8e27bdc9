//! Small hand-built scenarios for the tests.

use harmattan::scenario::{self, Scenario};

/// Three states: AAA landlocked, BBB and CCC coastal, all in the community
/// COM; two powers. `extra` is spliced in before the closing parenthesis
/// (events, partnerships, rule overrides).
pub fn tiny(extra: &str) -> String {
    format!(
        r#"Scenario(
    meta: (name: "Tiny", start: "2023-01", turns: 12, seed: 7, playable: ["AAA"]),
    powers: [
        (id: "RUS", name: "Russia", capacity: 4, conditionality: 0.0),
        (id: "FRA", name: "France", capacity: 4, conditionality: 0.8),
    ],
    states: [
        (id: "AAA", name: "Landlocked", stability: 50, legitimacy: 50, military_loyalty: 60,
         regime: (kind: Civilian, leader: "Ann", since: "2020-01"),
         security: (insurgency: 30, control: 90, military: 40),
         economy: (growth: 4, sanctions_exposure: 60, coastal: false),
         alignment: {{"FRA": 20}},
         neighbours: ["BBB"]),
        (id: "BBB", name: "Coastal", stability: 50, legitimacy: 50, military_loyalty: 60,
         regime: (kind: Civilian, leader: "Bea", since: "2020-01"),
         security: (insurgency: 30, control: 90, military: 40),
         economy: (growth: 4, sanctions_exposure: 60, coastal: true),
         neighbours: ["CCC"]),
        (id: "CCC", name: "Other", stability: 50, legitimacy: 50, military_loyalty: 60,
         regime: (kind: Civilian, leader: "Cy", since: "2020-01"),
         security: (insurgency: 30, control: 90, military: 40),
         economy: (growth: 4, sanctions_exposure: 60, coastal: true)),
    ],
    blocs: [
        (id: "COM", name: "Community", kind: EconomicCommunity, members: ["AAA", "BBB", "CCC"],
         rules: (withdrawal_notice_months: 3, suspend_on_coup: true, sanction_on_coup: true)),
    ],
{extra}
)"#
    )
}

pub fn load(text: &str) -> Scenario {
    match scenario::load("test.ron", text) {
        Ok(s) => s,
        Err(e) => panic!("test scenario does not load:\n{e}"),
    }
}

pub fn shipped() -> Scenario {
    scenario::resolve("sahel_2023").expect("the shipped scenario loads")
}

/// Rule overrides that take chance out of the indicator mechanisms.
pub const NO_NOISE: &str = r#""stability.noise": 0, "legitimacy.noise": 0, "security.noise": 0, "economy.noise": 0, "food.noise": 0, "coups.base_logit": -50, "decisions.ai_act_chance": 0"#;

/// The command line, run from the project's folder as a user would.
pub fn harmattan(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_harmattan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        // English, whatever this machine's language; --lang chooses another.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("the binary runs")
}

/// A news item in English, as the reports and the window say it.
pub fn said(sim: &harmattan::sim::Simulation, n: &harmattan::sim::chronicle::News) -> String {
    harmattan::i18n::Locale::english().news(n, sim.registry())
}

/// A record in English.
pub fn english(sim: &harmattan::sim::Simulation, s: &harmattan::sim::world::said::Said) -> String {
    harmattan::i18n::Locale::english().phrase(s, sim.registry())
}

/// A text or a name in English.
pub fn english_arg(sim: &harmattan::sim::Simulation, a: &harmattan::sim::world::said::Arg) -> String {
    harmattan::i18n::arg_text(harmattan::i18n::Locale::english(), sim.registry(), a)
}
