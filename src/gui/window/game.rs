//! The game on screen: a new one started (from the menu, or again after a
//! modder's edit), the players seated, and End Turn carried out: the month
//! runs, or in hot seat the seat passes.

use bevy::prelude::*;

use super::phases::MonthEnds;
use super::redraw;
use super::shared::{Current, EndTurn, Player, Selection};
use crate::gui::map::camera;
use crate::gui::map::view;
use crate::gui::panels::headlines;
use crate::gui::screens::screen::Screen;
use crate::scenario::Scenario;
use crate::sim::TurnSchedule;

pub(in crate::gui) fn plugin(app: &mut App) {
    app.init_resource::<Player>()
        .init_resource::<EndTurn>()
        .init_resource::<Selection>()
        .init_resource::<super::shared::UiLayout>()
        // What the player gave this frame comes before the month it is for.
        .add_systems(
            Update,
            resolve_turn
                .in_set(MonthEnds)
                .after(crate::sim::player::inputs::InputsApplied),
        )
        .add_systems(PostUpdate, follow_seat.before(bevy_egui::EguiPostUpdateSet::EndPass));
}

/// Replaces the game on screen with a new one: the scenario's start with
/// this seed and player. `reframe`: point the camera at the scenario's
/// states (a new game; not for a modder's reload, who keeps the view).
pub fn start_game(world: &mut World, scenario: Scenario, seed: u64, players: Vec<String>, reframe: bool) {
    crate::sim::world::spawn::spawn_scenario(world, &scenario, seed, crate::sim::Detail::Full);
    seat_players(world, &players);
    let states: Vec<String> = scenario.file.states.iter().map(|s| s.id.clone()).collect();
    world.insert_resource(view::MapShapes::of(&scenario));
    let keep = world
        .resource::<Selection>()
        .selected
        .clone()
        .filter(|s| states.contains(s));
    *world.resource_mut::<Selection>() = Selection {
        hovered: None,
        selected: keep,
    };
    world.resource_mut::<headlines::Headlines>().skip_to(0);
    // Hot reload follows the new `Current`.
    world.insert_resource(Current(scenario));
    if reframe {
        camera::reframe(world);
        // A new game from the menu: brief its player.
        world
            .resource_mut::<NextState<Screen>>()
            .set(Screen::start_of_game(players.len(), true));
    } else {
        leave_for_the_game(world);
    }
}

/// Back to the game after it was replaced by a load or a reload, from
/// whatever screen belonged to the one replaced (its hand-over, its end),
/// unless the menu is open over it.
/// In hot seat, the replaced game's seat may be another person's: the
/// hand-over asks them to take the mouse first.
pub(crate) fn leave_for_the_game(world: &mut World) {
    // The new game is drawn at once, map colours included.
    world.resource_mut::<redraw::Wake>().now();
    if *world.resource::<State<Screen>>().get() == Screen::Menu {
        return;
    }
    let next = resume_screen(world);
    world.resource_mut::<NextState<Screen>>().set(next);
}

/// The screen a game loaded or reloaded opens on: its hand-over in hot
/// seat, else the game.
pub(crate) fn resume_screen(world: &World) -> Screen {
    let seats = world.resource::<crate::sim::world::players::Humans>().0.len();
    if seats > 1 { Screen::HandOver } else { Screen::Playing }
}

/// Seats the players: none (observer), one, or several taking turns
/// (hot-seat). The states are checked by the caller.
pub(in crate::gui) fn seat_players(world: &mut World, players: &[String]) {
    use crate::sim::player::inputs::{PlayerInput, apply};
    let input = match players {
        [] => PlayerInput::Play(None),
        [one] => PlayerInput::Play(Some(one.clone())),
        many => PlayerInput::PlayTogether(many.to_vec()),
    };
    if let Err(e) = apply(world, input) {
        let reason = crate::i18n::Locale::english().say(&e, world.resource::<crate::sim::world::registry::Registry>());
        error!("{reason}");
    }
    follow_seat(world);
}

/// Keeps `Player` in step with the simulation's seat, whoever moved it (a
/// new game, a load, hot-seat, observer mode); every frame before egui
/// draws, and at once where a caller reads it in the same system.
fn follow_seat(world: &mut World) {
    let seat = world.resource::<crate::sim::world::players::PlayedBy>().0.map(|s| {
        world
            .resource::<crate::sim::world::registry::Registry>()
            .state_code(s)
            .to_string()
    });
    if world.resource::<Player>().state != seat {
        world.resource_mut::<Player>().state = seat;
    }
}

/// A turn takes well under a millisecond, so it runs inside the frame: the
/// window never waits on it. In hot-seat, End Turn first passes the seat;
/// the month runs when the last player ends, and the seat returns to the
/// first.
fn resolve_turn(world: &mut World) {
    if !std::mem::take(&mut world.resource_mut::<EndTurn>().0) {
        return;
    }
    let seats = world.resource::<crate::sim::world::players::Humans>().0.len();
    if seats > 1 {
        let last = {
            let humans = &world.resource::<crate::sim::world::players::Humans>().0;
            world.resource::<crate::sim::world::players::PlayedBy>().0 == humans.last().copied()
        };
        if !last {
            crate::sim::player::inputs::pass_seat(world);
            hand_over(world);
            return;
        }
    }
    world.run_schedule(TurnSchedule);
    // The month's news and colours are drawn next frame, even if nothing
    // else wakes the window (an observer's months, a test's key).
    world.resource_mut::<redraw::Wake>().now();
    if seats > 1 {
        crate::sim::player::inputs::pass_seat(world);
        hand_over(world);
    }
}

/// Hot seat: the next player is asked to take the mouse. At once, not next
/// frame, so that no frame shows the new seat's panels before they have it.
fn hand_over(world: &mut World) {
    world.resource_mut::<NextState<Screen>>().set(Screen::HandOver);
    world.run_schedule(bevy::state::state::StateTransition);
}
