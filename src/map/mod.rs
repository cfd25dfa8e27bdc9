//! The map of a scenario: country shapes from Natural Earth (the world
//! atlas, `atlas.rs`), projected for the scenario's region, and what the
//! game needs from them (triangles to draw, outlines, which country is
//! under the cursor, where its label goes). No rendering here: the window
//! draws from this, and tests check it without one.

pub mod atlas;

use serde::{Deserialize, Serialize};

use crate::scenario::Scenario;

/// A point in map units (see [`Projection`]).
pub type Point = [f32; 2];

/// One polygon: an outer ring and its holes, each ring closed implicitly
/// (the last point is not repeated).
pub type Polygon = Vec<Vec<Point>>;

/// How longitude and latitude became map units: an equirectangular
/// projection true to scale at `lat0`, centred on `lon0`, `scale` units
/// per degree of latitude. For the few thousand kilometres a scenario
/// spans, distortion away from `lat0` is small.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Projection {
    pub lat0: f64,
    #[serde(default)]
    pub lon0: f64,
    pub scale: f64,
}

impl Projection {
    pub fn project(&self, lon: f64, lat: f64) -> Point {
        let k = self.lat0.to_radians().cos();
        [((lon - self.lon0) * k * self.scale) as f32, (lat * self.scale) as f32]
    }
}

/// One country as drawn.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Region {
    /// ISO 3166 alpha-3, as in scenarios.
    pub id: String,
    pub name: String,
    /// Where its name is written: inside its largest polygon, far from the
    /// edges.
    pub label: Point,
    pub polygons: Vec<Polygon>,
}

/// The map of a scenario.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MapFile {
    /// Where the shapes come from, and their licence.
    pub source: String,
    pub projection: Projection,
    /// Sorted by id: the scenario's states that have a shape, and the
    /// countries around them.
    pub regions: Vec<Region>,
    /// What the camera frames: the scenario's states (min, max).
    pub focus: (Point, Point),
}

impl MapFile {
    /// The map of a scenario, from the shipped atlas.
    pub fn of(scenario: &Scenario) -> Self {
        let states: Vec<(&str, &str)> = scenario
            .file
            .states
            .iter()
            .map(|s| (s.id.as_str(), s.name.as_str()))
            .collect();
        atlas::Atlas::shipped().map_for(&states)
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    /// The bounding box of every region: (min, max).
    pub fn bounds(&self) -> (Point, Point) {
        bounds(
            self.regions
                .iter()
                .flat_map(|r| r.polygons.iter().flat_map(|p| p[0].iter())),
        )
    }
}

/// The bounding box of points: (min, max).
pub fn bounds<'a>(points: impl Iterator<Item = &'a Point>) -> (Point, Point) {
    let mut lo = [f32::INFINITY; 2];
    let mut hi = [f32::NEG_INFINITY; 2];
    for p in points {
        for i in 0..2 {
            lo[i] = lo[i].min(p[i]);
            hi[i] = hi[i].max(p[i]);
        }
    }
    (lo, hi)
}

/// Triangles covering a polygon with holes: vertex positions and indices
/// into them (earcut).
pub fn triangulate(polygon: &Polygon) -> (Vec<Point>, Vec<u32>) {
    let mut flat: Vec<f64> = Vec::new();
    let mut holes: Vec<usize> = Vec::new();
    for (i, ring) in polygon.iter().enumerate() {
        if i > 0 {
            holes.push(flat.len() / 2);
        }
        for p in ring {
            flat.push(p[0] as f64);
            flat.push(p[1] as f64);
        }
    }
    let indices = earcutr::earcut(&flat, &holes, 2).unwrap_or_default();
    let points = flat.chunks_exact(2).map(|c| [c[0] as f32, c[1] as f32]).collect();
    (points, indices.into_iter().map(|i| i as u32).collect())
}

/// Whether `p` lies inside a ring (even-odd rule).
pub fn in_ring(p: Point, ring: &[Point]) -> bool {
    let mut inside = false;
    let n = ring.len();
    let mut j = n.wrapping_sub(1);
    for i in 0..n {
        let (a, b) = (ring[i], ring[j]);
        if (a[1] > p[1]) != (b[1] > p[1]) {
            let x = a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
            if p[0] < x {
                inside = !inside;
            }
        }
        j = i;
    }
    inside
}

/// Whether `p` lies inside a polygon: in its outer ring and in none of its
/// holes.
pub fn in_polygon(p: Point, polygon: &Polygon) -> bool {
    polygon.first().is_some_and(|outer| in_ring(p, outer)) && !polygon[1..].iter().any(|h| in_ring(p, h))
}

/// Distance from `p` to the nearest edge of a ring.
pub fn distance_to_ring(p: Point, ring: &[Point]) -> f32 {
    let n = ring.len();
    let mut best = f32::INFINITY;
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let len2 = dx * dx + dy * dy;
        let t = if len2 > 0.0 {
            (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let (cx, cy) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
        best = best.min((cx * cx + cy * cy).sqrt());
    }
    best
}

/// The region at `p`, or else the nearest one within `slack` map units (so
/// that small islands such as Cabo Verde's stay easy to click). Among
/// `candidates` only, in their order, so ties go to the first.
pub fn pick<'a>(regions: impl Iterator<Item = &'a Region>, p: Point, slack: f32) -> Option<&'a Region> {
    let mut nearest: Option<(f32, &Region)> = None;
    for r in regions {
        for poly in &r.polygons {
            if in_polygon(p, poly) {
                return Some(r);
            }
            let d = distance_to_ring(p, &poly[0]);
            if d <= slack && nearest.is_none_or(|(nd, _)| d < nd) {
                nearest = Some((d, r));
            }
        }
    }
    nearest.map(|(_, r)| r)
}

/// Twice the signed area of a ring (positive: counter-clockwise).
pub fn ring_area(ring: &[Point]) -> f32 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum::<f32>()
}

/// A point well inside a polygon for its label: of a grid of candidates
/// inside it, the one farthest from every edge.
pub fn label_point(polygon: &Polygon) -> Point {
    let (lo, hi) = bounds(polygon[0].iter());
    let steps = 40;
    let mut best = ([(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0], -1.0f32);
    for i in 0..=steps {
        for j in 0..=steps {
            let p = [
                lo[0] + (hi[0] - lo[0]) * i as f32 / steps as f32,
                lo[1] + (hi[1] - lo[1]) * j as f32 / steps as f32,
            ];
            if !in_polygon(p, polygon) {
                continue;
            }
            let d = polygon
                .iter()
                .map(|ring| distance_to_ring(p, ring))
                .fold(f32::INFINITY, f32::min);
            if d > best.1 {
                best = (p, d);
            }
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_square_with_a_hole_is_triangulated_and_picked() {
        let outer = vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]];
        let hole = vec![[4.0, 4.0], [6.0, 4.0], [6.0, 6.0], [4.0, 6.0]];
        let poly: Polygon = vec![outer, hole];
        let (points, idx) = triangulate(&poly);
        assert_eq!(points.len(), 8);
        assert_eq!(idx.len() % 3, 0);
        // Area of the triangles = 100 - 4.
        let area: f32 = idx
            .chunks_exact(3)
            .map(|t| {
                let (a, b, c) = (points[t[0] as usize], points[t[1] as usize], points[t[2] as usize]);
                ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
            })
            .sum();
        assert!((area - 96.0).abs() < 1e-3, "{area}");
        assert!(in_polygon([1.0, 1.0], &poly));
        assert!(!in_polygon([5.0, 5.0], &poly), "in the hole");
        let l = label_point(&poly);
        assert!(in_polygon(l, &poly));
    }
}
