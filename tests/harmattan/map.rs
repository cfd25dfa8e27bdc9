//! The map asset: every state of every shipped scenario is on it, islands
//! included; shapes triangulate to their own area; labels sit inside.

use harmattan::map::{self, MapFile};
use harmattan::scenario::{self, shipped};

#[test]
fn every_scenario_state_is_on_the_map_with_a_label_inside_it() {
    let m = MapFile::shipped();
    for s in shipped::SHIPPED {
        let sc = scenario::resolve(s.name).unwrap();
        for st in &sc.file.states {
            let r = m
                .region(&st.id)
                .unwrap_or_else(|| panic!("{} of {} is not on the map", st.id, s.name));
            assert!(
                r.polygons.iter().any(|p| map::in_polygon(r.label, p)),
                "{}'s label is outside it",
                r.id
            );
        }
    }
    // Context around the region, drawn muted.
    for id in ["DZA", "LBY", "ESH", "MAR", "SDN", "CAF"] {
        assert!(m.region(id).is_some(), "{id}");
    }
    // The islands: Cabo Verde's archipelago and São Tomé and Príncipe.
    assert!(m.region("CPV").unwrap().polygons.len() >= 6);
    assert!(m.region("STP").unwrap().polygons.len() >= 2);
}

#[test]
fn shapes_triangulate_to_their_own_area() {
    let m = MapFile::shipped();
    for r in &m.regions {
        for poly in &r.polygons {
            let ring_area: f32 = poly[0].len() as f32; // just a size guard
            assert!(ring_area >= 3.0, "{}: a ring of {} points", r.id, poly[0].len());
            let expected = map::ring_area(&poly[0]).abs() / 2.0
                - poly[1..].iter().map(|h| map::ring_area(h).abs() / 2.0).sum::<f32>();
            let (points, idx) = map::triangulate(poly);
            let got: f32 = idx
                .chunks_exact(3)
                .map(|t| {
                    let (a, b, c) = (points[t[0] as usize], points[t[1] as usize], points[t[2] as usize]);
                    ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
                })
                .sum();
            assert!(
                (got - expected).abs() <= expected * 0.01 + 1.0,
                "{}: triangles cover {got}, the polygon {expected}",
                r.id
            );
        }
    }
}

#[test]
fn clicking_picks_the_state_under_the_pointer_and_islands_nearby() {
    let m = MapFile::shipped();
    let at = |id: &str| m.region(id).unwrap().label;
    for id in ["MLI", "BFA", "GMB", "TGO", "NGA"] {
        assert_eq!(
            map::pick(m.regions.iter(), at(id), 0.0).map(|r| r.id.as_str()),
            Some(id)
        );
    }
    // Just off a Cabo Verde island, within the slack, still Cabo Verde.
    let island = &m.region("CPV").unwrap().polygons[0][0][0];
    let off = [island[0] - 3.0, island[1]];
    assert_eq!(
        map::pick(m.regions.iter(), off, 8.0).map(|r| r.id.as_str()),
        Some("CPV")
    );
    // Mid-Atlantic: nothing.
    assert!(map::pick(m.regions.iter(), [-2500.0, 500.0], 8.0).is_none());
}

/// The asset is what `make-map` makes from Natural Earth: regenerate it
/// into a scratch file and compare. Needs the source data beside the
/// checkout (`../shared/data/world-atlas-2.0.2/`), which a development
/// machine has; elsewhere the check is reported as not run.
#[test]
fn the_map_asset_regenerates_byte_for_byte() {
    let input =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/world-atlas-2.0.2/countries-50m.json");
    if !input.is_file() {
        eprintln!("not run: {} is not here", input.display());
        return;
    }
    let out = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("map/west_africa.ron");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_make-map"))
        .args(["--input", input.to_str().unwrap(), "--output", out.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        map::SHIPPED_MAP,
        "assets/map/west_africa.ron is stale: run `cargo run --bin make-map`"
    );
}
