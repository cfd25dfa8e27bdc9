//! The map: the world atlas regenerates from Natural Earth, every shipped
//! scenario's states are on their map with a label inside, shapes
//! triangulate to their own area, clicks pick the state under them, and
//! any region of the world gets a map framed on it.

use harmattan::map::atlas::{Atlas, SHIPPED_ATLAS};
use harmattan::map::{self, MapFile};
use harmattan::scenario::{self, shipped};

fn sahel() -> MapFile {
    MapFile::of(&scenario::resolve("sahel_2023").unwrap())
}

#[test]
fn every_scenario_state_is_on_its_map_with_a_label_inside_it() {
    for s in shipped::SHIPPED {
        let sc = scenario::resolve(s.name).unwrap();
        let m = MapFile::of(&sc);
        for st in &sc.file.states {
            let r = m
                .region(&st.id)
                .unwrap_or_else(|| panic!("{} of {} is not on the map", st.id, s.name));
            assert_eq!(r.name, st.name, "drawn under the scenario's name");
            assert!(
                r.polygons.iter().any(|p| map::in_polygon(r.label, p)),
                "{}'s label is outside it",
                r.id
            );
        }
    }
    // Context around the region, drawn muted.
    let m = sahel();
    for id in ["DZA", "LBY", "ESH", "MAR", "SDN", "CAF", "GAB", "COG", "GNQ"] {
        assert!(m.region(id).is_some(), "{id}");
    }
    // But not the far side of the world.
    for id in ["BRA", "IND", "AUS"] {
        assert!(m.region(id).is_none(), "{id}");
    }
    // The islands: Cabo Verde's archipelago and São Tomé and Príncipe.
    assert!(m.region("CPV").unwrap().polygons.len() >= 6);
    assert!(m.region("STP").unwrap().polygons.len() >= 2);
    // The camera frames the mainland: Cabo Verde, far offshore, is left
    // out of the focus; Senegal and Chad are in it.
    let (lo, hi) = m.focus;
    let right_of = |id: &str| map::bounds(m.region(id).unwrap().polygons.iter().flat_map(|p| p[0].iter()));
    assert!(right_of("CPV").1[0] < lo[0], "Cabo Verde is not framed");
    assert!(right_of("SEN").0[0] >= lo[0] - 1.0 && right_of("TCD").1[0] <= hi[0] + 1.0);
}

#[test]
fn shapes_triangulate_to_their_own_area() {
    // West Africa, and two maps across the date line.
    let maps = [
        sahel(),
        MapFile::of(&region(&[("FJI", "Fiji"), ("TON", "Tonga")])),
        MapFile::of(&region(&[
            ("RUS", "Russia"),
            ("JPN", "Japan"),
            ("USA", "United States"),
        ])),
    ];
    for r in maps.iter().flat_map(|m| m.regions.iter()) {
        for poly in &r.polygons {
            assert!(poly[0].len() >= 3, "{}: a ring of {} points", r.id, poly[0].len());
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
                (got - expected).abs() <= expected * 0.01 + 10.0,
                "{}: triangles cover {got}, the polygon {expected}",
                r.id
            );
        }
    }
}

#[test]
fn clicking_picks_the_state_under_the_pointer_and_islands_nearby() {
    let m = sahel();
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
    // Mid-Atlantic, west of Cabo Verde: nothing.
    let west = right_of_nothing(&m);
    assert!(map::pick(m.regions.iter(), west, 8.0).is_none());
}

/// A point in the Atlantic, well west of every shape.
fn right_of_nothing(m: &MapFile) -> [f32; 2] {
    let (lo, hi) = m.bounds();
    [lo[0] - 500.0, (lo[1] + hi[1]) / 2.0]
}

/// A scenario of the given states, from the new-scenario template's shape.
fn region(states: &[(&str, &str)]) -> scenario::Scenario {
    let list: String = states
        .iter()
        .map(|(id, name)| {
            format!(
                r#"(id: "{id}", name: "{name}", stability: 50, legitimacy: 50, military_loyalty: 60,
                   regime: (kind: Civilian, leader: "L", since: "2020-01"),
                   security: (insurgency: 30, control: 90, military: 40),
                   economy: (growth: 4, sanctions_exposure: 60, coastal: true)),"#
            )
        })
        .collect();
    let text = format!(
        r#"Scenario(meta: (name: "Region", start: "2023-08", turns: 12, seed: 1),
            powers: [(id: "RUS", name: "Russia", capacity: 4, conditionality: 0.0)],
            states: [{list}])"#
    );
    scenario::load("region.ron", &text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn any_region_of_the_world_gets_its_map_framed_and_projected_for_its_latitude() {
    // Central Africa, August 2023: the Great Lakes and the Congos.
    let central = region(&[
        ("COD", "DR Congo"),
        ("AGO", "Angola"),
        ("RWA", "Rwanda"),
        ("BDI", "Burundi"),
        ("CAF", "Central African Republic"),
        ("GAB", "Gabon"),
        ("COG", "Congo"),
        ("CMR", "Cameroon"),
        ("TCD", "Chad"),
    ]);
    let m = MapFile::of(&central);
    for s in &central.file.states {
        let r = m.region(&s.id).unwrap_or_else(|| panic!("{} is drawn", s.id));
        assert!(r.polygons.iter().any(|p| map::in_polygon(r.label, p)), "{}", s.id);
    }
    assert!(
        m.projection.lat0 < 5.0 && m.projection.lat0 > -10.0,
        "{:?}",
        m.projection
    );
    for id in ["UGA", "TZA", "ZMB", "NGA", "SSD"] {
        assert!(m.region(id).is_some(), "{id} drawn for context");
    }
    // The frame holds the scenario: Rwanda, Burundi and Angola in it.
    let (lo, hi) = m.focus;
    for id in ["RWA", "BDI", "AGO"] {
        let l = m.region(id).unwrap().label;
        assert!(l[0] >= lo[0] && l[0] <= hi[0] && l[1] >= lo[1] && l[1] <= hi[1], "{id}");
    }

    // Scandinavia: true to scale at its own latitude, not the equator's.
    let north = region(&[("NOR", "Norway"), ("SWE", "Sweden"), ("FIN", "Finland")]);
    let m = MapFile::of(&north);
    assert!(m.projection.lat0 > 55.0, "{:?}", m.projection);
    let (lo, hi) = m.focus;
    let (w, h) = (hi[0] - lo[0], hi[1] - lo[1]);
    // Roughly 1,300 km wide and 1,600 km tall: not stretched to 2:1.
    assert!(w / h > 0.5 && w / h < 1.6, "{w} x {h}");

    // Across the date line: Fiji and Tonga stay side by side.
    let pacific = region(&[("FJI", "Fiji"), ("TON", "Tonga")]);
    let m = MapFile::of(&pacific);
    let (lo, hi) = m.focus;
    assert!(
        hi[0] - lo[0] < 1500.0,
        "the focus does not wrap round the world: {lo:?} {hi:?}"
    );
    let fiji = m.region("FJI").unwrap();
    let (flo, fhi) = map::bounds(fiji.polygons.iter().flat_map(|p| p[0].iter()));
    assert!(
        fhi[0] - flo[0] < 1000.0,
        "Fiji's islands on both sides of 180° stay together"
    );
    assert!(
        fiji.polygons.iter().any(|p| map::in_polygon(fiji.label, p)),
        "Fiji's name is on Fiji"
    );

    // States far apart keep every shape: Russia and the United States
    // face each other across the Pacific, neither torn at the date line.
    let atlas = Atlas::shipped();
    for pair in [["RUS", "USA"], ["CHN", "USA"], ["IND", "USA"]] {
        let m = MapFile::of(&region(&[(pair[0], pair[0]), (pair[1], pair[1])]));
        for id in pair {
            let drawn = m.region(id).unwrap();
            assert_eq!(
                drawn.polygons.len(),
                atlas.country(id).unwrap().polygons.len(),
                "{id} drawn whole beside {pair:?}"
            );
            assert!(
                drawn.polygons.iter().any(|p| map::in_polygon(drawn.label, p)),
                "{id}'s label"
            );
        }
    }
}

#[test]
fn a_state_the_atlas_lacks_plays_without_a_shape() {
    let s = region(&[("MLI", "Mali"), ("NER", "Niger"), ("AZW", "Azawad")]);
    let m = MapFile::of(&s);
    assert!(m.region("AZW").is_none());
    assert!(m.region("MLI").is_some() && m.region("NER").is_some());
    let mut sim = harmattan::sim::Simulation::new(&s, 1, harmattan::sim::Detail::Full);
    sim.run(3);
    assert!(sim.registry().state("AZW").is_some());
    // Nothing at all on the map: the frame falls back to somewhere sane.
    let none = region(&[("AAA", "Atlantis")]);
    let m = MapFile::of(&none);
    let (lo, hi) = m.focus;
    assert!(lo[0] < hi[0] && lo[1] < hi[1]);
}

#[test]
fn the_atlas_holds_the_world_with_iso_ids() {
    let atlas = Atlas::shipped();
    assert!(atlas.countries.len() >= 240);
    assert!(
        atlas.countries.windows(2).all(|w| w[0].id < w[1].id),
        "sorted, each id once"
    );
    for id in ["MLI", "COD", "BRA", "IND", "FJI", "RUS", "USA", "XKX"] {
        assert!(atlas.has(id), "{id}");
    }
    assert_eq!(atlas.country("CIV").unwrap().name, "Côte d'Ivoire");
}

/// The atlas is what `make-map` makes from Natural Earth: regenerate it
/// into a scratch file and compare. Needs the source data beside the
/// checkout (`../shared/data/world-atlas-2.0.2/`), which a development
/// machine has; elsewhere the check is reported as not run.
#[test]
fn the_atlas_regenerates_byte_for_byte() {
    let input =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/world-atlas-2.0.2/countries-50m.json");
    if !input.is_file() {
        eprintln!("not run: {} is not here", input.display());
        return;
    }
    let out = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("map/world.ron");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_make-map"))
        .args(["--input", input.to_str().unwrap(), "--output", out.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        SHIPPED_ATLAS,
        "assets/map/world.ron is stale: run `cargo run --bin make-map`"
    );
}

#[test]
fn the_quick_id_check_agrees_with_the_decoded_atlas() {
    let atlas = Atlas::shipped();
    for c in &atlas.countries {
        assert!(harmattan::map::atlas::known_id(&c.id), "{}", c.id);
    }
    for id in ["AZW", "ZZZ", "", "MLI\""] {
        assert!(!harmattan::map::atlas::known_id(id), "{id}");
    }
}
