//! The map on screen: one filled mesh per country (triangulated once at
//! start), border lines that stay a pixel or two wide at every zoom, the
//! selected state's outline, colours from the map mode, names that stay
//! readable, and which state is under the pointer.

use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, egui};

use super::modes::{self, MapMode};
use crate::gui::window::shared::{Selection, StateFacts};
use crate::map::{self, MapFile, Point, Region};
use crate::sim::world::registry::Clock;

pub(in crate::gui) fn plugin(app: &mut App) {
    app.init_resource::<Drag>()
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            draw_labels.in_set(crate::gui::window::phases::UiPhase::Map),
        )
        .add_systems(
            Update,
            (
                hover_and_select
                    .in_set(crate::gui::window::phases::MapInput::Pick)
                    .run_if(in_state(crate::gui::screens::screen::Screen::Playing)),
                show_the_map,
                rebuild_outlines,
                colour_states,
            )
                .chain(),
        );
}

/// Where a drag started (in window pixels) and whether it has moved far
/// enough to be a drag rather than a click.
#[derive(Resource, Default)]
pub struct Drag {
    pub start: Option<Vec2>,
    pub last: Option<Vec2>,
    pub dragged: bool,
}

/// The shapes, and what part of them the scenario is about.
#[derive(Resource)]
pub struct MapShapes {
    /// The shapes, with the scenario's states' bounds the camera frames
    /// (`file.focus`).
    pub file: MapFile,
    /// Region ids that are states of the scenario, sorted.
    pub in_play: Vec<String>,
}

impl MapShapes {
    /// The map of a scenario: its states (those with a shape) in play.
    pub fn of(scenario: &crate::scenario::Scenario) -> Self {
        let file = MapFile::of(scenario);
        let states: Vec<&str> = scenario.file.states.iter().map(|s| s.id.as_str()).collect();
        let in_play: Vec<String> = file
            .regions
            .iter()
            .filter(|r| states.contains(&r.id.as_str()))
            .map(|r| r.id.clone())
            .collect();
        Self { file, in_play }
    }

    pub fn in_play(&self, id: &str) -> bool {
        self.in_play.binary_search_by(|x| x.as_str().cmp(id)).is_ok()
    }
}

/// A country's filled shape.
#[derive(Component)]
pub struct RegionFill {
    pub id: String,
    pub material: Handle<ColorMaterial>,
}

/// All borders, as one mesh rebuilt when the zoom changes.
#[derive(Component)]
struct Borders {
    /// The camera scale the mesh was built for.
    built_for: f32,
}

/// The selected state's outline.
#[derive(Component)]
struct SelectedOutline {
    built_for: (f32, Option<String>),
}

fn fill_mesh(region: &Region) -> Mesh {
    let mut positions: Vec<[f32; 3]> = Vec::new();
    let mut indices: Vec<u32> = Vec::new();
    for poly in &region.polygons {
        let (points, idx) = map::triangulate(poly);
        let base = positions.len() as u32;
        positions.extend(points.iter().map(|p| [p[0], p[1], 0.0]));
        indices.extend(idx.into_iter().map(|i| base + i));
    }
    let mut mesh = Mesh::new(PrimitiveTopology::TriangleList, RenderAssetUsages::default());
    mesh.insert_attribute(Mesh::ATTRIBUTE_POSITION, positions);
    mesh.insert_indices(Indices::U32(indices));
    mesh
}

/// Quads along every edge of `rings`, `width` map units wide, with a square
/// at each corner so that joins have no gaps.
fn stroke_mesh<'a>(rings: impl Iterator<Item = &'a Vec<Point>>, width: f32) -> Mesh {
    let h = width / 2.0;
    let mut positions: Vec<[f32; 3]> = Vec::new();
    let mut indices: Vec<u32> = Vec::new();
    let mut quad = |a: Vec2, b: Vec2, c: Vec2, d: Vec2| {
        let base = positions.len() as u32;
        for p in [a, b, c, d] {
            positions.push([p.x, p.y, 0.0]);
        }
        indices.extend([base, base + 1, base + 2, base, base + 2, base + 3]);
    };
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let a = Vec2::from(ring[i]);
            let b = Vec2::from(ring[(i + 1) % n]);
            let along = b - a;
            if along.length_squared() == 0.0 {
                continue;
            }
            let side = along.perp().normalize() * h;
            quad(a - side, b - side, b + side, a + side);
            let (x, y) = (Vec2::X * h, Vec2::Y * h);
            quad(a - x - y, a + x - y, a + x + y, a - x + y);
        }
    }
    let mut mesh = Mesh::new(PrimitiveTopology::TriangleList, RenderAssetUsages::default());
    mesh.insert_attribute(Mesh::ATTRIBUTE_POSITION, positions);
    mesh.insert_indices(Indices::U32(indices));
    mesh
}

/// The map's entities, made again when a game of another region (other
/// shapes, names, projection or states in play) is started or loaded:
/// what the last one drawn was.
#[derive(Default)]
struct Drawn(Option<DrawnKey>);

/// Each region's id and name, the projection's latitude and longitude (as
/// bits), and the states in play.
type DrawnKey = (Vec<(String, String)>, [u64; 2], Vec<String>);

#[allow(clippy::type_complexity)]
fn show_the_map(
    mut commands: Commands,
    shapes: Res<MapShapes>,
    mut drawn: Local<Drawn>,
    old: Query<Entity, Or<(With<RegionFill>, With<Borders>, With<SelectedOutline>)>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    if !shapes.is_changed() {
        return;
    }
    let key = (
        shapes
            .file
            .regions
            .iter()
            .map(|r| (r.id.clone(), r.name.clone()))
            .collect::<Vec<_>>(),
        [
            shapes.file.projection.lat0.to_bits(),
            shapes.file.projection.lon0.to_bits(),
        ],
        shapes.in_play.clone(),
    );
    if drawn.0.as_ref() == Some(&key) && old.iter().next().is_some() {
        return;
    }
    for e in &old {
        commands.entity(e).despawn();
    }
    drawn.0 = Some(key);
    for region in &shapes.file.regions {
        let in_play = shapes.in_play(&region.id);
        let material = materials.add(ColorMaterial::from_color(modes::CONTEXT));
        commands.spawn((
            Name::new(format!("Map: {}", region.name)),
            RegionFill {
                id: region.id.clone(),
                material: material.clone(),
            },
            Mesh2d(meshes.add(fill_mesh(region))),
            MeshMaterial2d(material),
            // States in play above their context, borders above both.
            Transform::from_xyz(0.0, 0.0, if in_play { 1.0 } else { 0.0 }),
        ));
    }
    // Placeholder meshes are never empty: the renderer's allocator dislikes
    // replacing an empty mesh. The real ones are built for the zoom.
    let all_rings = || {
        shapes
            .file
            .regions
            .iter()
            .flat_map(|r| r.polygons.iter().flat_map(|p| p.iter()))
    };
    commands.spawn((
        Name::new("Map: borders"),
        Borders { built_for: 0.0 },
        Mesh2d(meshes.add(stroke_mesh(all_rings(), 1.0))),
        MeshMaterial2d(materials.add(ColorMaterial::from_color(modes::BORDER.with_alpha(0.8)))),
        Transform::from_xyz(0.0, 0.0, 2.0),
    ));
    commands.spawn((
        Name::new("Map: selected outline"),
        SelectedOutline { built_for: (0.0, None) },
        Visibility::Hidden,
        Mesh2d(meshes.add(stroke_mesh(all_rings().take(1), 1.0))),
        MeshMaterial2d(materials.add(ColorMaterial::from_color(modes::SELECTED))),
        Transform::from_xyz(0.0, 0.0, 3.0),
    ));
}

fn camera_scale(projection: &Projection) -> f32 {
    match projection {
        Projection::Orthographic(o) => o.scale,
        _ => 1.0,
    }
}

/// Borders 1.2 pixels wide and the selection 3 pixels wide, rebuilt when
/// the zoom has changed by more than a fifth (between rebuilds they thin
/// or thicken a little, which the eye does not notice).
fn rebuild_outlines(
    shapes: Res<MapShapes>,
    selection: Res<Selection>,
    camera: Single<&Projection, With<Camera2d>>,
    mut borders: Query<(&mut Borders, &Mesh2d), Without<SelectedOutline>>,
    mut outline: Query<(&mut SelectedOutline, &Mesh2d, &mut Visibility), Without<Borders>>,
    mut meshes: ResMut<Assets<Mesh>>,
) {
    let scale = camera_scale(&camera);
    let stale = |built: f32| built <= 0.0 || (scale / built - 1.0).abs() > 0.2;
    for (mut b, mesh) in &mut borders {
        if stale(b.built_for) {
            let rings = shapes
                .file
                .regions
                .iter()
                .flat_map(|r| r.polygons.iter().flat_map(|p| p.iter()));
            let _ = meshes.insert(&mesh.0, stroke_mesh(rings, 1.2 * scale));
            b.built_for = scale;
        }
    }
    for (mut o, mesh, mut visibility) in &mut outline {
        let want = selection.selected.clone();
        if stale(o.built_for.0) || o.built_for.1 != want {
            match want.as_deref().and_then(|id| shapes.file.region(id)) {
                Some(region) => {
                    let rings = region.polygons.iter().map(|p| &p[0]);
                    let _ = meshes.insert(&mesh.0, stroke_mesh(rings, 3.0 * scale));
                    *visibility = Visibility::Inherited;
                }
                None => *visibility = Visibility::Hidden,
            }
            o.built_for = (scale, want);
        }
    }
}

/// Hover: the state under the pointer (or the nearest within a few
/// pixels, for islands). Click (press and release without dragging):
/// select it, or clear the selection over the sea.
#[allow(clippy::too_many_arguments)]
fn hover_and_select(
    window: Single<&Window>,
    camera: Single<(&Camera, &GlobalTransform, &Projection), With<Camera2d>>,
    shapes: Res<MapShapes>,
    buttons: Res<ButtonInput<MouseButton>>,
    drag: Res<Drag>,
    wants: Res<EguiWantsInput>,
    layout: Res<crate::gui::window::shared::UiLayout>,
    mut selection: ResMut<Selection>,
) {
    let (cam, global, projection) = camera.into_inner();
    let over_ui = window.cursor_position().is_none_or(|c| layout.over_ui(&wants, c));
    let at = window
        .cursor_position()
        .filter(|_| !over_ui)
        .and_then(|c| cam.viewport_to_world_2d(global, c).ok());
    let hit = at.and_then(|p| {
        let slack = 6.0 * camera_scale(projection);
        let in_play = shapes.file.regions.iter().filter(|r| shapes.in_play(&r.id));
        map::pick(in_play, [p.x, p.y], slack).map(|r| r.id.clone())
    });
    if selection.hovered != hit {
        selection.hovered = hit.clone();
    }
    let clicked = buttons.just_released(MouseButton::Left) && !drag.dragged && drag.start.is_some();
    if clicked && !over_ui && selection.selected != hit {
        selection.selected = hit;
    }
}

/// Colours every state for the map mode; context countries stay muted.
#[allow(clippy::too_many_arguments)]
fn colour_states(
    shapes: Res<MapShapes>,
    mode: Res<MapMode>,
    selection: Res<Selection>,
    clock: Res<Clock>,
    facts: StateFacts,
    fills: Query<&RegionFill>,
    current: Res<crate::gui::window::shared::Current>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut last: Local<Option<(MapMode, u32, Option<String>)>>,
) {
    // Recolour only when something shown has changed: the world changes
    // when a turn runs, or when a game starts or loads (new shapes in play,
    // or a new scenario on screen).
    let stamp = (*mode, clock.turn, selection.hovered.clone());
    let new_game = shapes.is_changed() || current.is_changed();
    if last.as_ref() == Some(&stamp) && !new_game {
        return;
    }
    *last = Some(stamp);
    let colours = facts.colours(*mode);
    for fill in &fills {
        let mut c = if shapes.in_play(&fill.id) {
            colours
                .iter()
                .find(|(id, _)| *id == fill.id)
                .map(|(_, c)| *c)
                .unwrap_or(modes::CONTEXT)
        } else {
            modes::CONTEXT
        };
        if selection.hovered.as_deref() == Some(fill.id.as_str()) {
            c = modes::hovered(c);
        }
        if let Some(mut m) = materials.get_mut(&fill.material) {
            m.color = c;
        }
    }
}

/// Names of the states, drawn by egui under every panel so they stay sharp
/// and the same size at every zoom; context countries in grey, smaller.
pub(in crate::gui) fn draw_labels(
    mut contexts: EguiContexts,
    shapes: Res<MapShapes>,
    window: Single<&Window>,
    camera: Single<(&Camera, &GlobalTransform, &Projection), With<Camera2d>>,
    registry: Res<crate::sim::world::registry::Registry>,
    words: Res<crate::gui::window::words::Words>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let (cam, global, projection) = camera.into_inner();
    let ui_scale = ctx.pixels_per_point() / window.scale_factor();
    let painter = ctx.layer_painter(egui::LayerId::background());
    let scale = camera_scale(projection);
    for r in &shapes.file.regions {
        let Ok(at) = cam.world_to_viewport(global, Vec3::new(r.label[0], r.label[1], 0.0)) else {
            continue;
        };
        let in_play = shapes.in_play(&r.id);
        // Small states get their names only once zoomed in enough to hold them.
        let (lo, hi) = map::bounds(r.polygons.iter().flat_map(|p| p[0].iter()));
        let width_px = (hi[0] - lo[0]) / scale;
        // A state in play goes by the scenario's name (a modder may rename
        // it), in the player's language.
        let scenario_name = registry.state(&r.id).map(|s| words.state(&registry, s));
        let name = if width_px > 60.0 || (in_play && width_px > 18.0) {
            // The atlas's name in the player's language (assets/i18n/*/atlas.ftl).
            scenario_name.unwrap_or_else(|| {
                let key = crate::sim::world::said::text_key("country", &r.id);
                words.0.text(&key, &r.name).into_owned()
            })
        } else if in_play {
            r.id.clone()
        } else {
            continue;
        };
        let pos = egui::pos2(at.x / ui_scale, at.y / ui_scale);
        let (size, colour) = if in_play {
            (13.0, egui::Color32::from_rgb(30, 26, 22))
        } else {
            (11.0, egui::Color32::from_rgb(110, 104, 96))
        };
        let font = egui::FontId::proportional(size);
        // A pale halo keeps names readable on any colour.
        for (dx, dy) in [(-1.0, 0.0), (1.0, 0.0), (0.0, -1.0), (0.0, 1.0)] {
            painter.text(
                pos + egui::vec2(dx, dy),
                egui::Align2::CENTER_CENTER,
                &name,
                font.clone(),
                egui::Color32::from_rgba_unmultiplied(245, 240, 230, 170),
            );
        }
        painter.text(pos, egui::Align2::CENTER_CENTER, name, font, colour);
    }
    Ok(())
}
