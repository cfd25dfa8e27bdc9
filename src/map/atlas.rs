//! The world's borders (Natural Earth 1:50m, as world-atlas 2.0.2 packages
//! them), shipped as `assets/map/world.ron` by `make-map`, and the map of
//! any scenario built from them: its states drawn and playable, the
//! countries around them for context, projected for the region's latitude
//! and framed on its states.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::{MapFile, Point, Polygon, Projection, Region};

pub use crate::geo::{SHIPPED_ATLAS, known_id};

/// Map units per degree of latitude: the window's zoom limits and type
/// sizes are set for it.
pub const SCALE: f64 = 100.0;

/// The atlas as stored: TopoJSON's topology (each border once, as an arc of
/// quantised, delta-encoded points), with ISO 3166 alpha-3 ids.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AtlasFile {
    /// Where the shapes come from, and their licence.
    pub source: String,
    /// A point's longitude is `x * scale.0 + translate.0`, its latitude
    /// `y * scale.1 + translate.1`.
    pub scale: (f64, f64),
    pub translate: (f64, f64),
    /// Each arc: its first point, then the steps to each next one.
    pub arcs: Vec<Vec<i32>>,
    /// Sorted by id.
    pub countries: Vec<AtlasCountry>,
}

/// One country of the atlas.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AtlasCountry {
    /// ISO 3166 alpha-3 (X.. for the few territories without one).
    pub id: String,
    pub name: String,
    /// Longitude and latitude of a point well inside its largest polygon,
    /// where its name is written.
    pub label: (f64, f64),
    /// Polygons, each a list of rings, each a list of arcs: `i` is arc
    /// `i`, `!i` (a negative number) arc `i` backwards.
    pub polygons: Vec<Vec<Vec<i32>>>,
}

/// A ring in longitude and latitude.
type Ring = Vec<[f64; 2]>;

/// A country decoded: its polygons in longitude and latitude.
#[derive(Debug, Clone)]
pub struct Country {
    pub id: String,
    pub name: String,
    pub label: [f64; 2],
    pub polygons: Vec<Vec<Ring>>,
}

/// The decoded atlas.
#[derive(Debug, Clone)]
pub struct Atlas {
    pub source: String,
    /// Sorted by id.
    pub countries: Vec<Country>,
}

impl Atlas {
    /// Decodes an atlas file's text.
    pub fn parse(text: &str) -> Result<Self, String> {
        let file: AtlasFile = ron::from_str(text).map_err(|e| format!("the atlas does not parse: {e}"))?;
        Self::decode(&file)
    }

    /// The atlas shipped with the game, decoded once.
    pub fn shipped() -> &'static Atlas {
        static ATLAS: OnceLock<Atlas> = OnceLock::new();
        // Generated and checked by the test suite: a broken built-in asset
        // is a bug, not bad input.
        ATLAS.get_or_init(|| Self::parse(SHIPPED_ATLAS).expect("the shipped atlas decodes"))
    }

    /// Decodes an atlas: its arcs into points, its countries' rings made
    /// continuous across the date line.
    pub fn decode(file: &AtlasFile) -> Result<Self, String> {
        let (sx, sy) = file.scale;
        let (tx, ty) = file.translate;
        let arcs: Vec<Ring> = file
            .arcs
            .iter()
            .map(|flat| {
                let (mut x, mut y) = (0i64, 0i64);
                flat.chunks_exact(2)
                    .map(|d| {
                        x += i64::from(d[0]);
                        y += i64::from(d[1]);
                        [x as f64 * sx + tx, y as f64 * sy + ty]
                    })
                    .collect()
            })
            .collect();
        let ring = |indices: &[i32]| -> Result<Ring, String> {
            let mut out: Ring = Vec::new();
            for &i in indices {
                let (k, backwards) = if i < 0 {
                    (!i as usize, true)
                } else {
                    (i as usize, false)
                };
                let arc = arcs.get(k).ok_or_else(|| format!("arc {k} does not exist"))?;
                // Consecutive arcs share their end points.
                let skip = usize::from(!out.is_empty());
                if backwards {
                    out.extend(arc.iter().rev().skip(skip));
                } else {
                    out.extend(arc.iter().skip(skip));
                }
            }
            if out.len() > 1 && out.first() == out.last() {
                out.pop();
            }
            Ok(out)
        };
        let countries = file
            .countries
            .iter()
            .map(|c| {
                let polygons = c
                    .polygons
                    .iter()
                    .map(|p| {
                        let rings = p.iter().map(|r| ring(r)).collect::<Result<Vec<_>, _>>()?;
                        Ok(straighten(rings))
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                Ok(Country {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    label: [c.label.0, c.label.1],
                    polygons,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Self {
            source: file.source.clone(),
            countries,
        })
    }

    pub fn country(&self, id: &str) -> Option<&Country> {
        self.countries
            .binary_search_by(|c| c.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.countries[i])
    }

    /// Whether the atlas has a shape for this id.
    pub fn has(&self, id: &str) -> bool {
        self.country(id).is_some()
    }

    /// The map of a scenario whose states are `states` (id and name, as the
    /// scenario gives them): those the atlas has, drawn under the
    /// scenario's names; the countries around them for context; projected
    /// true to scale at the region's middle latitude; `focus` on the
    /// states (less any small state far offshore, as Cabo Verde is, so
    /// that the mainland fills the window). States the atlas lacks are
    /// left out: the game plays them without a shape.
    pub fn map_for(&self, states: &[(&str, &str)]) -> MapFile {
        let mut shaped: Vec<(&Country, &str)> = states
            .iter()
            .filter_map(|(id, name)| self.country(id).map(|c| (c, *name)))
            .collect();
        shaped.sort_by(|a, b| a.0.id.cmp(&b.0.id));
        shaped.dedup_by(|a, b| a.0.id == b.0.id);
        // Longitudes are kept within half a world of the middle of the
        // states (opposite the widest stretch of longitude none of them
        // has land in), so that a region across the date line, or around
        // the Pacific, stays in one piece.
        let reference = middle_longitude(
            shaped
                .iter()
                .flat_map(|(c, _)| c.polygons.iter())
                .filter(|p| !torn(p))
                .map(|p| centre(&p[0])),
        );
        let near = |p: &Vec<Ring>| -> Vec<Ring> { shift_near(p, reference) };
        // The focus, in degrees: each state's core (its largest polygon
        // and those near it, not its overseas territories), less small
        // states far from the rest.
        let cores: Vec<(Box2, f64)> = shaped
            .iter()
            .filter_map(|(c, _)| {
                let polys: Vec<Vec<Ring>> = c.polygons.iter().filter(|p| !torn(p)).map(near).collect();
                core(&polys)
            })
            .collect();
        let total: f64 = cores.iter().map(|(_, a)| a).sum();
        let kept: Vec<Box2> = cores
            .iter()
            .enumerate()
            .filter(|(i, (b, area))| {
                let others = cores
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| j != i)
                    .map(|(_, (o, _))| *o)
                    .reduce(union);
                let small = *area < total * OUTLYING_SHARE;
                let apart = others.is_some_and(|o| !intersects(grow(*b, OUTLYING_DEGREES, OUTLYING_DEGREES), o));
                !(small && apart)
            })
            .map(|(_, (b, _))| *b)
            .collect();
        let focus_deg = kept
            .into_iter()
            .reduce(union)
            .unwrap_or(([reference - 10.0, -10.0], [reference + 10.0, 10.0]));
        let lat0 = ((focus_deg.0[1] + focus_deg.1[1]) / 2.0).clamp(-70.0, 70.0);
        let lon0 = (focus_deg.0[0] + focus_deg.1[0]) / 2.0;
        let projection = Projection {
            lat0,
            lon0,
            scale: SCALE,
        };
        // Context: every country with land in a generous frame around the
        // focus (a window is wider than most regions are tall).
        let k = lat0.to_radians().cos().max(0.2);
        let span = ((focus_deg.1[0] - focus_deg.0[0]) * k).max(focus_deg.1[1] - focus_deg.0[1]);
        let margin = (span * CONTEXT_MARGIN).max(CONTEXT_MIN_DEGREES);
        let view = grow(focus_deg, margin / k, margin);
        let mut regions: Vec<Region> = Vec::new();
        for c in &self.countries {
            let played = shaped.iter().find(|(s, _)| s.id == c.id);
            let polygons: Vec<Vec<Ring>> = c
                .polygons
                .iter()
                .map(near)
                .filter(|p| !torn(p) && (played.is_some() || intersects(bbox(&p[0]), view)))
                .collect();
            if polygons.is_empty() {
                continue;
            }
            let project_ring = |r: &Ring| -> Vec<Point> { r.iter().map(|p| projection.project(p[0], p[1])).collect() };
            let polygons: Vec<Polygon> = polygons.iter().map(|p| p.iter().map(project_ring).collect()).collect();
            let label = shift_point(c.label, reference);
            regions.push(Region {
                id: c.id.clone(),
                name: played.map_or_else(|| c.name.clone(), |(_, n)| n.to_string()),
                label: projection.project(label[0], label[1]),
                polygons,
            });
        }
        let focus = (
            projection.project(focus_deg.0[0], focus_deg.0[1]),
            projection.project(focus_deg.1[0], focus_deg.1[1]),
        );
        MapFile {
            source: self.source.clone(),
            projection,
            regions,
            focus,
        }
    }
}

/// A state whose land is under this share of the scenario's, and
/// `OUTLYING_DEGREES` clear of every other state, is not framed.
const OUTLYING_SHARE: f64 = 0.01;
const OUTLYING_DEGREES: f64 = 2.0;
/// Islands within this many degrees of a state's largest polygon are part
/// of its core; farther ones (overseas territories) are not framed.
const CORE_DEGREES: f64 = 15.0;
/// Context around the focus: this share of its span on every side, and at
/// least this many degrees (a window at its first zoom shows about this
/// much around the states; farther away, no country is drawn).
const CONTEXT_MARGIN: f64 = 0.4;
const CONTEXT_MIN_DEGREES: f64 = 8.0;

/// A box in degrees: (min, max).
type Box2 = ([f64; 2], [f64; 2]);

fn bbox(ring: &[[f64; 2]]) -> Box2 {
    let mut lo = [f64::INFINITY; 2];
    let mut hi = [f64::NEG_INFINITY; 2];
    for p in ring {
        for i in 0..2 {
            lo[i] = lo[i].min(p[i]);
            hi[i] = hi[i].max(p[i]);
        }
    }
    (lo, hi)
}

fn union(a: Box2, b: Box2) -> Box2 {
    (
        [a.0[0].min(b.0[0]), a.0[1].min(b.0[1])],
        [a.1[0].max(b.1[0]), a.1[1].max(b.1[1])],
    )
}

fn intersects(a: Box2, b: Box2) -> bool {
    a.0[0] <= b.1[0] && b.0[0] <= a.1[0] && a.0[1] <= b.1[1] && b.0[1] <= a.1[1]
}

fn grow(b: Box2, dx: f64, dy: f64) -> Box2 {
    ([b.0[0] - dx, b.0[1] - dy], [b.1[0] + dx, b.1[1] + dy])
}

/// A ring's area in square degrees, shrunk by the cosine of its latitude
/// (enough to compare land areas).
fn degree_area(ring: &[[f64; 2]]) -> f64 {
    let n = ring.len();
    let twice: f64 = (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum();
    let (lo, hi) = bbox(ring);
    (twice / 2.0).abs() * ((lo[1] + hi[1]) / 2.0).to_radians().cos()
}

/// A polygon's rings made continuous across the date line (each point
/// within half a world of the one before, so that Fiji's Vanua Levu is one
/// island, not a band round the world), its holes beside its outer ring.
fn straighten(mut polygon: Vec<Ring>) -> Vec<Ring> {
    for ring in &mut polygon {
        for i in 1..ring.len() {
            let prev = ring[i - 1][0];
            ring[i][0] += turns_toward(ring[i][0], prev);
        }
    }
    if let Some(outer) = polygon.first().map(|r| centre(r)) {
        for hole in polygon.iter_mut().skip(1) {
            let shift = turns_toward(centre(hole), outer);
            hole.iter_mut().for_each(|p| p[0] += shift);
        }
    }
    polygon
}

/// The middle of a ring's longitudes.
fn centre(ring: &[[f64; 2]]) -> f64 {
    let (lo, hi) = bbox(ring);
    (lo[0] + hi[0]) / 2.0
}

/// The longitude half a world from the middle of the widest stretch that
/// none of `longitudes` falls in: the middle of the places they mark.
fn middle_longitude(longitudes: impl Iterator<Item = f64>) -> f64 {
    let mut at: Vec<f64> = longitudes.map(|l| l.rem_euclid(360.0)).collect();
    if at.is_empty() {
        return 0.0;
    }
    at.sort_by(f64::total_cmp);
    let n = at.len();
    let (gap, after) = (0..n)
        .map(|i| {
            let next = if i + 1 < n { at[i + 1] } else { at[0] + 360.0 };
            (next - at[i], at[i])
        })
        .fold((f64::NEG_INFINITY, 0.0), |best, g| if g.0 > best.0 { g } else { best });
    let middle = after + gap / 2.0 + 180.0;
    // In -180..180, as the atlas's longitudes are.
    (middle + 180.0).rem_euclid(360.0) - 180.0
}

/// A polygon moved by whole turns so that its middle lies within half a
/// world of `reference`: shapes cut at the date line (Chukotka, the
/// Aleutians) join the rest of their country again.
fn shift_near(polygon: &[Ring], reference: f64) -> Vec<Ring> {
    let shift = turns_toward(centre(&polygon[0]), reference);
    polygon
        .iter()
        .map(|r| r.iter().map(|p| [p[0] + shift, p[1]]).collect())
        .collect()
}

/// A shape that goes round the whole world (Antarctica, whose coast the
/// atlas closes along the pole): no flat map draws it.
fn torn(polygon: &[Ring]) -> bool {
    let (lo, hi) = bbox(&polygon[0]);
    hi[0] - lo[0] > 270.0
}

fn shift_point(p: [f64; 2], reference: f64) -> [f64; 2] {
    [p[0] + turns_toward(p[0], reference), p[1]]
}

fn turns_toward(lon: f64, reference: f64) -> f64 {
    ((reference - lon) / 360.0).round() * 360.0
}

/// A state's core: its largest polygon and the polygons within
/// `CORE_DEGREES` of it; their box and land area. None for a state with
/// nothing a flat map can draw.
fn core(polygons: &[Vec<Ring>]) -> Option<(Box2, f64)> {
    let largest = polygons
        .iter()
        .max_by(|a, b| degree_area(&a[0]).total_cmp(&degree_area(&b[0])))?;
    let home = bbox(&largest[0]);
    let near = grow(home, CORE_DEGREES, CORE_DEGREES);
    Some(
        polygons
            .iter()
            .filter(|p| intersects(bbox(&p[0]), near))
            .fold((home, 0.0), |(b, area), p| {
                (union(b, bbox(&p[0])), area + degree_area(&p[0]))
            }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longitudes_are_brought_within_half_a_world() {
        assert_eq!(turns_toward(-179.0, 178.0), 360.0);
        assert_eq!(turns_toward(179.0, -178.0), -360.0);
        assert_eq!(turns_toward(10.0, 0.0), 0.0);
    }
}
