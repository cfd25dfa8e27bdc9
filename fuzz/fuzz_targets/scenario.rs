//! The scenario loader on arbitrary text: parse, validate, and for what
//! passes, set the game up and run a month. It must never panic, hang or
//! run out of memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(s) = harmattan::scenario::load("fuzz.ron", text) {
        let mut sim = harmattan::sim::Simulation::new(&s, 1, harmattan::sim::Detail::Outcomes);
        sim.run(1);
    }
});
