//! A mods folder's rule file on arbitrary text: parsed, checked against
//! the shipped rules, every value in its range. It must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let base = harmattan::rules::Rules::shipped();
    let _ = harmattan::scenario::mods::check_rule_file("fuzz.ron", text, &base);
});
