//! The decision catalogue: the governments' and the foreign powers'
//! decisions shipped with the game (`assets/decisions.ron`,
//! `assets/power_decisions.ron`), with a scenario's own `decisions`
//! replacing those of the same id and the others added. Data only: the
//! simulation weighs and takes them (`sim::decisions`).

use super::format::DecisionDef;

/// The governments' catalogue shipped with the game, built into the binary.
pub const SHIPPED_DECISIONS: &str = include_str!("../../assets/decisions.ron");
/// The foreign powers' catalogue shipped with the game.
pub const SHIPPED_POWER_DECISIONS: &str = include_str!("../../assets/power_decisions.ron");

/// One shipped catalogue file, parsed.
pub fn parse_catalogue(text: &str) -> Result<Vec<DecisionDef>, ron::error::SpannedError> {
    // As scenarios are read: optional values may be written bare.
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
}

/// The shipped catalogue: the governments' decisions, then the powers'.
pub fn shipped_catalogue() -> Result<Vec<DecisionDef>, ron::error::SpannedError> {
    let mut all = parse_catalogue(SHIPPED_DECISIONS)?;
    all.extend(parse_catalogue(SHIPPED_POWER_DECISIONS)?);
    Ok(all)
}

/// The shipped catalogue, parsed once per process: a batch starts
/// thousands of games, and parsing is dearer than a turn.
fn shipped_parsed() -> &'static [DecisionDef] {
    static PARSED: std::sync::OnceLock<Vec<DecisionDef>> = std::sync::OnceLock::new();
    // The catalogue is checked by the test suite; a broken build-time
    // constant would show there, not here.
    PARSED.get_or_init(|| shipped_catalogue().unwrap_or_default())
}

/// The catalogue in force: the shipped one, with a scenario's decisions
/// replacing those of the same id and the others added.
pub fn catalogue_for(scenario: &[DecisionDef]) -> Vec<DecisionDef> {
    merge(shipped_parsed().to_vec(), scenario)
}

/// The shipped catalogue with a scenario's decisions merged in.
fn merge(shipped: Vec<DecisionDef>, scenario: &[DecisionDef]) -> Vec<DecisionDef> {
    let mut out = shipped;
    for d in scenario {
        match out.iter_mut().find(|x| x.id == d.id) {
            Some(x) => *x = d.clone(),
            None => out.push(d.clone()),
        }
    }
    out
}
