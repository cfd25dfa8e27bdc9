//! Map modes: what the colour of each state means, and the legend that says
//! so. Pure functions of the simulation's numbers, so the colours can be
//! checked without a window.

use bevy::prelude::*;

use crate::scenario::format::{BlocKind, RegimeKind};
use crate::sim::world::components::PowerIdx;

/// What the map colours show.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MapMode {
    #[default]
    Political,
    Blocs,
    /// Standing toward one power.
    Alignment(PowerIdx),
    Stability,
    /// Territorial control (and insurgency in the tooltip).
    Control,
    Regime,
    FoodInsecurity,
}

impl MapMode {
    /// The modes in the order of their number keys (1 to 7). Alignment
    /// starts with the first power; the legend picks another.
    pub const KEYED: [MapMode; 7] = [
        MapMode::Political,
        MapMode::Blocs,
        MapMode::Alignment(PowerIdx(0)),
        MapMode::Stability,
        MapMode::Control,
        MapMode::Regime,
        MapMode::FoodInsecurity,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MapMode::Political => "Political",
            MapMode::Blocs => "Blocs",
            MapMode::Alignment(_) => "Alignment",
            MapMode::Stability => "Stability",
            MapMode::Control => "Control",
            MapMode::Regime => "Regime",
            MapMode::FoodInsecurity => "Food",
        }
    }

    /// The id of its name in the player's language (`label` is the
    /// English one, for the probe).
    pub fn message(self) -> &'static str {
        match self {
            MapMode::Political => "map-mode-political",
            MapMode::Blocs => "map-mode-blocs",
            MapMode::Alignment(_) => "map-mode-alignment",
            MapMode::Stability => "map-mode-stability",
            MapMode::Control => "map-mode-control",
            MapMode::Regime => "map-mode-regime",
            MapMode::FoodInsecurity => "map-mode-food",
        }
    }

    pub fn same_kind(self, other: MapMode) -> bool {
        std::mem::discriminant(&self) == std::mem::discriminant(&other)
    }
}

/// Colour of states outside the scenario, drawn for context.
pub const CONTEXT: Color = Color::srgb(0.80, 0.78, 0.73);
/// The sea behind the map.
pub const SEA: Color = Color::srgb(0.62, 0.74, 0.82);
/// Borders.
pub const BORDER: Color = Color::srgb(0.22, 0.20, 0.18);
/// The selected state's outline.
pub const SELECTED: Color = Color::srgb(1.0, 0.93, 0.35);

/// Muted, distinct colours for the political map, by state index.
const PALETTE: [(f32, f32, f32); 12] = [
    (0.80, 0.55, 0.40),
    (0.55, 0.70, 0.45),
    (0.85, 0.75, 0.45),
    (0.55, 0.60, 0.78),
    (0.78, 0.50, 0.55),
    (0.50, 0.72, 0.70),
    (0.88, 0.65, 0.35),
    (0.65, 0.55, 0.75),
    (0.72, 0.78, 0.50),
    (0.60, 0.45, 0.40),
    (0.45, 0.62, 0.55),
    (0.82, 0.62, 0.68),
];

pub fn political(index: usize, neighbours_index: &[usize]) -> Color {
    // Step through the palette so that neighbours (listed) do not share a
    // colour when it can be helped.
    let mut k = index % PALETTE.len();
    for _ in 0..PALETTE.len() {
        if !neighbours_index.iter().any(|n| n % PALETTE.len() == k) {
            break;
        }
        k = (k + 5) % PALETTE.len();
    }
    let (r, g, b) = PALETTE[k];
    Color::srgb(r, g, b)
}

fn lerp(a: (f32, f32, f32), b: (f32, f32, f32), t: f32) -> Color {
    let t = t.clamp(0.0, 1.0);
    Color::srgb(a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t, a.2 + (b.2 - a.2) * t)
}

const RED: (f32, f32, f32) = (0.80, 0.25, 0.20);
const AMBER: (f32, f32, f32) = (0.95, 0.80, 0.40);
const GREEN: (f32, f32, f32) = (0.35, 0.65, 0.35);
const PALE: (f32, f32, f32) = (0.95, 0.93, 0.88);
const BLUE: (f32, f32, f32) = (0.25, 0.45, 0.75);

/// 0 red, 50 amber, 100 green.
pub fn good_bad(v: f64) -> Color {
    let v = (v / 100.0) as f32;
    if v < 0.5 {
        lerp(RED, AMBER, v * 2.0)
    } else {
        lerp(AMBER, GREEN, (v - 0.5) * 2.0)
    }
}

/// Standing −100 (red) through 0 (pale) to +100 (blue).
pub fn diverging(v: f64) -> Color {
    let t = (v / 100.0) as f32;
    if t < 0.0 {
        lerp(PALE, RED, -t)
    } else {
        lerp(PALE, BLUE, t)
    }
}

/// Territorial control: full control pale, 40 % or less deep red.
pub fn control(v: f64) -> Color {
    let t = ((100.0 - v) / 60.0) as f32;
    lerp(PALE, (0.55, 0.12, 0.10), t)
}

/// Food insecurity, % in crisis: 0 pale, 25 % or more deep brown.
pub fn food(v: f64) -> Color {
    lerp(PALE, (0.55, 0.30, 0.08), (v / 25.0) as f32)
}

pub fn regime(kind: RegimeKind) -> Color {
    match kind {
        RegimeKind::Civilian => Color::srgb(0.45, 0.62, 0.80),
        RegimeKind::Transitional => Color::srgb(0.90, 0.72, 0.38),
        RegimeKind::MilitaryJunta => Color::srgb(0.62, 0.30, 0.25),
    }
}

/// The colour of a bloc on the blocs map, by its kind and its place among
/// blocs of that kind.
pub fn bloc(kind: BlocKind, nth: usize) -> Color {
    // Each kind a family of clearly different colours, so that a pact
    // founded in play never looks like the one already on the map.
    let family: &[(f32, f32, f32)] = match kind {
        BlocKind::Confederation => &[(0.62, 0.22, 0.20), (0.45, 0.18, 0.42), (0.70, 0.40, 0.10)],
        BlocKind::DefencePact => &[
            (0.85, 0.50, 0.20),
            (0.66, 0.36, 0.72),
            (0.88, 0.78, 0.22),
            (0.50, 0.32, 0.22),
        ],
        BlocKind::EconomicCommunity => &[(0.30, 0.52, 0.35), (0.16, 0.55, 0.58), (0.55, 0.62, 0.24)],
        BlocKind::MonetaryUnion => &[(0.45, 0.55, 0.75), (0.25, 0.40, 0.62), (0.30, 0.68, 0.85)],
    };
    let (r, g, b) = family[nth % family.len()];
    Color::srgb(r, g, b)
}

/// Which bloc colours a state on the blocs map: deeper integration first
/// (a confederation over a pact over a community over a monetary union).
pub fn bloc_priority(kind: BlocKind) -> u8 {
    match kind {
        BlocKind::Confederation => 0,
        BlocKind::DefencePact => 1,
        BlocKind::EconomicCommunity => 2,
        BlocKind::MonetaryUnion => 3,
    }
}

/// A state not in any bloc.
pub const NO_BLOC: Color = Color::srgb(0.85, 0.83, 0.78);

/// Lighter, for the state under the pointer.
pub fn hovered(c: Color) -> Color {
    let s = c.to_srgba();
    Color::srgb(
        s.red + (1.0 - s.red) * 0.3,
        s.green + (1.0 - s.green) * 0.3,
        s.blue + (1.0 - s.blue) * 0.3,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocs_of_a_kind_are_told_apart() {
        let far = |a: Color, b: Color| {
            let (a, b) = (a.to_srgba(), b.to_srgba());
            (a.red - b.red).abs() + (a.green - b.green).abs() + (a.blue - b.blue).abs() > 0.3
        };
        for kind in [
            BlocKind::Confederation,
            BlocKind::DefencePact,
            BlocKind::EconomicCommunity,
            BlocKind::MonetaryUnion,
        ] {
            assert!(far(bloc(kind, 0), bloc(kind, 1)), "{kind:?}: the first two");
            assert!(far(bloc(kind, 1), bloc(kind, 2)), "{kind:?}: the next two");
        }
        assert!(far(bloc(BlocKind::DefencePact, 1), bloc(BlocKind::Confederation, 0)));
    }

    #[test]
    fn scales_run_from_bad_to_good() {
        let (r0, r1) = (good_bad(0.0).to_srgba(), good_bad(100.0).to_srgba());
        assert!(r0.red > r0.green && r1.green > r1.red);
        assert!(diverging(-100.0).to_srgba().red > diverging(100.0).to_srgba().red);
        assert!(control(30.0).to_srgba().green < control(100.0).to_srgba().green);
        assert_ne!(political(1, &[]), political(1, &[1]), "neighbours differ");
    }
}
