//! What is put to the player: a scripted event's choice, and offers (a
//! neighbour's pact, a power's partnership, a mediation), each in a dialog
//! whose answer is carried out when the turn ends. Nothing put to the
//! player proceeds without an answer; an offer says how long it waits.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use crate::gui::screens::screen::Screen;
use crate::gui::window::phases::UiPhase;
use crate::gui::window::shared::{Player, UiLayout};
use crate::gui::window::words::Words;
use crate::sim::mechanisms::events::{EventBook, OpenChoices, event_key};
use crate::sim::player::inputs::PlayerInput;
use crate::sim::player::offers::{self, Offers};
use crate::sim::world::registry::Registry;

pub(in crate::gui) fn plugin(app: &mut App) {
    app.add_systems(
        bevy_egui::EguiPrimaryContextPass,
        // A player's questions wait for the briefing to be read and the
        // seat to be taken.
        (draw_choices, draw_offers)
            .chain()
            .run_if(in_state(Screen::Playing))
            .in_set(UiPhase::Dialogs),
    );
}

/// A scripted event's choice for the player's government: a window with one
/// button per option; the pick is carried out when the turn ends.
fn draw_choices(
    mut contexts: EguiContexts,
    book: Res<EventBook>,
    open: Res<OpenChoices>,
    mut inputs: MessageWriter<PlayerInput>,
    mut layout: ResMut<UiLayout>,
    words: Res<Words>,
) -> Result {
    layout.choice_buttons.clear();
    if open.0.is_empty() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let k = ctx.pixels_per_point();
    let px = |r: egui::Rect| [r.min.x * k, r.min.y * k, r.width() * k, r.height() * k];
    for (n, choice) in open.0.iter().enumerate() {
        let def = &book.defs[choice.event];
        // The scenario's words, in its translation if it has one.
        let title = words
            .0
            .text(&event_key(&def.id, "title"), def.title.as_deref().unwrap_or(&def.id))
            .into_owned();
        egui::Window::new(words.t("offers-choice-title"))
            .id(egui::Id::new(("choice", n)))
            .order(egui::Order::Foreground)
            .collapsible(false)
            .resizable(false)
            .default_width(420.0)
            .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, -40.0))
            .show(ctx, |ui| {
                ui.label(egui::RichText::new(title).strong());
                ui.add_space(6.0);
                for (k, option) in def.choices.iter().enumerate() {
                    let picked = choice.answer == Some(k);
                    let label = words.0.text(&event_key(&def.id, &format!("choice-{k}")), &option.label);
                    let b = ui.selectable_label(picked, label.as_ref());
                    layout.choice_buttons.push((format!("{}:{k}", def.id), px(b.rect)));
                    if b.clicked() && !picked {
                        inputs.write(PlayerInput::Answer {
                            event: def.id.clone(),
                            option: k,
                        });
                    }
                }
                ui.add_space(6.0);
                ui.small(if choice.answer.is_some() {
                    words.t("offers-carried-out")
                } else {
                    words.t("offers-choice-pick")
                });
            });
    }
    Ok(())
}

/// Offers to the state with the seat, in one dialog: for each, the
/// question, what each answer does, and Accept / Decline.
fn draw_offers(world: &mut World) {
    world.resource_mut::<UiLayout>().offer_buttons.clear();
    if world.resource::<Offers>().open.is_empty() {
        return;
    }
    let Some(code) = world.resource::<Player>().state.clone() else {
        return;
    };
    let Some(state) = world.resource::<Registry>().state(&code) else {
        return;
    };
    let list = offers::open_offers(world, Some(state));
    if list.is_empty() {
        return;
    }
    let said: Vec<[String; 3]> = {
        let (words, reg) = (&world.resource::<Words>().0, world.resource::<Registry>());
        list.iter()
            .map(|o| [&o.question, &o.if_accepted, &o.if_declined].map(|s| words.say(s, reg)))
            .collect()
    };
    // The dialog's own words, rendered before the world is borrowed again.
    let (title, if_accept, if_decline, accept_label, decline_label, carried_out, lapses, waits) = {
        let words = world.resource::<Words>();
        let waits: Vec<String> = list
            .iter()
            .map(|o| words.t_args("offers-waits", &crate::args!["months" => o.months_left]))
            .collect();
        (
            words.t_args("offers-title", &crate::args!["count" => list.len()]),
            words.t("offers-if-accept"),
            words.t("offers-if-decline"),
            words.t("offers-accept"),
            words.t("offers-decline"),
            words.t("offers-carried-out"),
            words.t("offers-lapses"),
            waits,
        )
    };
    let mut state = bevy::ecs::system::SystemState::<EguiContexts>::new(world);
    let Some(ctx) = state.get_mut(world).ok().and_then(|mut c| c.ctx_mut().ok().cloned()) else {
        return;
    };
    let k = ctx.pixels_per_point();
    let px = |r: egui::Rect| [r.min.x * k, r.min.y * k, r.width() * k, r.height() * k];
    let mut answers = Vec::new();
    let mut buttons = Vec::new();
    egui::Window::new(title)
        .id(egui::Id::new("offers"))
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .default_pos(egui::pos2(380.0, 120.0))
        // Above the windows the player opened (Charts, Decisions).
        .order(egui::Order::Foreground)
        .show(&ctx, |ui| {
            egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                for (n, o) in list.iter().enumerate() {
                    if n > 0 {
                        ui.separator();
                    }
                    let [question, yes, no] = &said[n];
                    ui.label(egui::RichText::new(question).strong());
                    egui::Grid::new(("offer_terms", o.id)).num_columns(2).show(ui, |ui| {
                        ui.label(&if_accept);
                        ui.label(yes);
                        ui.end_row();
                        ui.label(&if_decline);
                        ui.label(no);
                        ui.end_row();
                    });
                    ui.horizontal(|ui| {
                        for (accept, label) in [(true, &accept_label), (false, &decline_label)] {
                            let picked = o.answer == Some(accept);
                            let b = ui.selectable_label(picked, label.as_str());
                            let key = format!("{}:{}", if accept { "accept" } else { "decline" }, o.id);
                            buttons.push((key, px(b.rect)));
                            if b.clicked() && !picked {
                                answers.push(PlayerInput::Respond { offer: o.id, accept });
                            }
                        }
                        ui.small(match o.answer {
                            Some(_) => carried_out.as_str(),
                            None if o.months_left <= 1 => lapses.as_str(),
                            None => waits[n].as_str(),
                        });
                    });
                }
            });
        });
    world.resource_mut::<UiLayout>().offer_buttons = buttons;
    for a in answers {
        world.write_message(a);
    }
}
