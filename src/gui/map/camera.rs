//! The map camera: framed on the scenario's states at the start; pan by
//! dragging or with the arrow keys (or WASD), zoom with the wheel toward
//! the cursor. Input that egui is using (a panel under the pointer, a text
//! field with focus) does not move the map.

use bevy::input::mouse::{AccumulatedMouseScroll, MouseScrollUnit};
use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

use super::view::{Drag, MapShapes};

pub(in crate::gui) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_camera)
        .add_systems(PostStartup, fit_antialiasing_to_the_renderer)
        .add_systems(
            Update,
            (pan_with_keys, pan_with_drag, zoom_with_wheel)
                .in_set(crate::gui::window::phases::MapInput::Move)
                .run_if(in_state(crate::gui::screens::screen::Screen::Playing)),
        );
}

/// The most and least a screen pixel may cover, in map units (100 per
/// degree): from a whole continent down to a few kilometres.
const MIN_SCALE: f32 = 0.08;
const MAX_SCALE: f32 = 12.0;

/// The part of the window the map shows through: panels cover the rest.
/// The camera frames the map in it.
const FREE_LEFT: f32 = 0.0;
const FREE_TOP: f32 = 40.0;
const FREE_RIGHT: f32 = 0.0;
const FREE_BOTTOM: f32 = 190.0;

/// The camera's scale and position that frame the scenario's states in a
/// window of this size.
fn framing(shapes: &MapShapes, window: &Window) -> (f32, Vec2) {
    let (lo, hi) = shapes.file.focus;
    let (w, h) = (window.width().max(1.0), window.height().max(1.0));
    let free = Vec2::new(w - FREE_LEFT - FREE_RIGHT, h - FREE_TOP - FREE_BOTTOM).max(Vec2::splat(100.0));
    let size = Vec2::new(hi[0] - lo[0], hi[1] - lo[1]);
    let scale = ((size.x / free.x).max(size.y / free.y) * 1.05).clamp(MIN_SCALE, MAX_SCALE);
    let centre = Vec2::new((lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0);
    // Shift so that the map's centre falls in the middle of the free area.
    let offset = Vec2::new(FREE_RIGHT - FREE_LEFT, FREE_TOP - FREE_BOTTOM) / 2.0 * scale;
    (scale, centre + offset)
}

/// Frames the scenario's states again (a new game).
pub fn reframe(world: &mut World) {
    let mut windows = world.query::<&Window>();
    let Some(window) = windows.iter(world).next().cloned() else {
        return;
    };
    let (scale, at) = framing(world.resource::<MapShapes>(), &window);
    let mut cameras = world.query_filtered::<(&mut Transform, &mut Projection), With<Camera2d>>();
    for (mut transform, mut projection) in cameras.iter_mut(world) {
        transform.translation = at.extend(0.0);
        if let Projection::Orthographic(o) = &mut *projection {
            o.scale = scale;
        }
    }
}

/// Without a GPU (Mesa's llvmpipe, a virtual machine's renderer), four-sample
/// anti-aliasing cost a fifth to a third of every frame while the map pans
/// (median 30 -> 24 ms at 1280x720 on `sahel_2023`); the map's edges are
/// drawn without it there, and with it on a GPU.
fn fit_antialiasing_to_the_renderer(
    adapter: Option<Res<bevy::render::renderer::RenderAdapterInfo>>,
    mut cameras: Query<&mut Msaa, With<Camera2d>>,
) {
    // wgpu's `DeviceType` is not re-exported by Bevy: its name is compared.
    let software = adapter.is_some_and(|a| format!("{:?}", a.device_type) == "Cpu");
    if software {
        for mut msaa in &mut cameras {
            *msaa = Msaa::Off;
        }
    }
}

fn spawn_camera(mut commands: Commands, shapes: Res<MapShapes>, window: Single<&Window>) {
    let (scale, at) = framing(&shapes, &window);
    commands.spawn((
        Name::new("Map camera"),
        Camera2d,
        Camera {
            clear_color: ClearColorConfig::Custom(super::modes::SEA),
            ..default()
        },
        Projection::Orthographic(OrthographicProjection {
            scale,
            ..OrthographicProjection::default_2d()
        }),
        Transform::from_translation(at.extend(0.0)),
    ));
}

fn scale_of(projection: &Projection) -> f32 {
    match projection {
        Projection::Orthographic(o) => o.scale,
        _ => 1.0,
    }
}

fn pan_with_keys(
    keys: Res<ButtonInput<KeyCode>>,
    time: Res<Time>,
    wants: Res<EguiWantsInput>,
    mut wake: ResMut<crate::gui::window::redraw::Wake>,
    camera: Single<(&mut Transform, &Projection), With<Camera2d>>,
) {
    if wants.wants_any_keyboard_input() {
        return;
    }
    let (mut transform, projection) = camera.into_inner();
    let mut dir = Vec2::ZERO;
    for (keys_for, d) in [
        ([KeyCode::ArrowLeft, KeyCode::KeyA], Vec2::NEG_X),
        ([KeyCode::ArrowRight, KeyCode::KeyD], Vec2::X),
        ([KeyCode::ArrowUp, KeyCode::KeyW], Vec2::Y),
        ([KeyCode::ArrowDown, KeyCode::KeyS], Vec2::NEG_Y),
    ] {
        if keys.any_pressed(keys_for) {
            dir += d;
        }
    }
    if dir != Vec2::ZERO {
        // 600 screen pixels a second, whatever the zoom. The first frame
        // after the window slept would otherwise count the whole sleep.
        let dt = time.delta_secs().min(0.1);
        let step = dir.normalize() * 600.0 * scale_of(projection) * dt;
        transform.translation += step.extend(0.0);
        // A held key moves the map every frame, not only when keys change.
        wake.now();
    }
}

fn pan_with_drag(
    buttons: Res<ButtonInput<MouseButton>>,
    wants: Res<EguiWantsInput>,
    layout: Res<crate::gui::window::shared::UiLayout>,
    window: Single<&Window>,
    mut drag: ResMut<Drag>,
    camera: Single<(&mut Transform, &Projection), With<Camera2d>>,
) {
    let (mut transform, projection) = camera.into_inner();
    let cursor = window.cursor_position();
    let pressed = buttons.any_just_pressed([MouseButton::Left, MouseButton::Right, MouseButton::Middle]);
    if pressed && cursor.is_some_and(|c| !layout.over_ui(&wants, c)) {
        *drag = Drag {
            start: cursor,
            last: cursor,
            dragged: false,
        };
    }
    let held = buttons.any_pressed([MouseButton::Left, MouseButton::Right, MouseButton::Middle]);
    if !held {
        // Released: the click/drag decision is read this frame by picking.
        if buttons.any_just_released([MouseButton::Left, MouseButton::Right, MouseButton::Middle]) {
            return;
        }
        *drag = Drag::default();
        return;
    }
    let (Some(start), Some(last), Some(now)) = (drag.start, drag.last, cursor) else {
        return;
    };
    if now.distance(start) > 4.0 {
        drag.dragged = true;
    }
    if drag.dragged {
        // Window y grows downward, map y upward.
        let d = (now - last) * scale_of(projection);
        transform.translation.x -= d.x;
        transform.translation.y += d.y;
    }
    drag.last = Some(now);
}

fn zoom_with_wheel(
    scroll: Res<AccumulatedMouseScroll>,
    wants: Res<EguiWantsInput>,
    layout: Res<crate::gui::window::shared::UiLayout>,
    window: Single<&Window>,
    camera: Single<(&Camera, &GlobalTransform, &mut Transform, &mut Projection), With<Camera2d>>,
) {
    let over_ui = window.cursor_position().is_none_or(|c| layout.over_ui(&wants, c));
    if scroll.delta.y == 0.0 || over_ui {
        return;
    }
    let (cam, global, mut transform, mut projection) = camera.into_inner();
    let Projection::Orthographic(ortho) = &mut *projection else {
        return;
    };
    let notches = match scroll.unit {
        MouseScrollUnit::Line => scroll.delta.y,
        MouseScrollUnit::Pixel => scroll.delta.y / 40.0,
    };
    let old = ortho.scale;
    let new = (old * 0.85f32.powf(notches)).clamp(MIN_SCALE, MAX_SCALE);
    // Keep the point under the cursor where it is.
    if let Some(cursor) = window.cursor_position()
        && let Ok(at) = cam.viewport_to_world_2d(global, cursor)
    {
        let centre = transform.translation.truncate();
        let moved = at + (centre - at) * (new / old);
        transform.translation = moved.extend(transform.translation.z);
    }
    ortho.scale = new;
}
