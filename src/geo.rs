//! The world atlas the game ships (`assets/map/world.ron`, made by
//! `make-map`) as text, and which ids it has a shape for: what checking a
//! scenario needs of the map, below both. `map::atlas` decodes and draws
//! it.

use std::sync::OnceLock;

/// The world atlas shipped with the game, built into the binary.
pub const SHIPPED_ATLAS: &str = include_str!("../assets/map/world.ron");

/// Whether the shipped atlas has a shape for this id. Read from the
/// atlas's text without decoding it (a scenario is checked before any map
/// is drawn, and most commands draw none); a test checks it against the
/// decoded atlas.
pub fn known_id(id: &str) -> bool {
    static IDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let ids = IDS.get_or_init(|| {
        // `make-map` writes each country as `(id:"XXX",…` on a line of its own.
        let mut ids: Vec<&str> = SHIPPED_ATLAS
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix("(id:\"")?.split('"').next())
            .collect();
        ids.sort_unstable();
        ids
    });
    ids.binary_search(&id).is_ok()
}
