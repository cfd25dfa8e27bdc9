//! The save loader on arbitrary text: format, seal, and what the save
//! says (months, inputs, rules, its scenario) checked before any replay.
//! It must never panic. (Replaying is the simulation's work, fuzzed
//! through the scenario target.)
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(save) = harmattan::save::parse(text, "fuzz.ron") {
        let _ = harmattan::save::scenario_of(&save, "fuzz.ron");
    }
});
