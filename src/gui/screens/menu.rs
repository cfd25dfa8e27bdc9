//! The main menu: pick a scenario (shipped or from the mods folder), a
//! state to play or observer mode, and a seed; or continue the quick save,
//! or load a save by path. It opens over the map when the game starts
//! without a scenario, and from the Menu button.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::screen::{MenuOverGame, Screen};
use crate::gui::window::reload::ModsDir;
use crate::gui::window::saves::{Toast, load_into, quicksave_path};
use crate::gui::window::settings::SettingsWindow;
use crate::scenario::Scenario;
use crate::scenario::mods::Listing;

pub(in crate::gui) fn plugin(app: &mut App) {
    app.init_resource::<Menu>()
        .init_resource::<MenuOverGame>()
        .add_message::<MenuChoice>()
        .add_systems(Update, carry_out_menu_choices)
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            draw_menu
                .run_if(in_state(Screen::Menu))
                .in_set(crate::gui::window::phases::UiPhase::Screens),
        )
        .add_systems(OnExit(Screen::Menu), forget_menu_controls);
}

/// The menu's state.
#[derive(Resource, Default)]
pub struct Menu {
    listings: Vec<Listing>,
    /// Each listing's title, or why it does not load.
    titles: Vec<String>,
    chosen: Option<usize>,
    /// The chosen scenario, loaded, or why it does not load.
    preview: Option<Result<Scenario, String>>,
    play_as: Option<String>,
    /// Hot-seat: several people, one state each, taking turns.
    hot_seat: bool,
    seats: Vec<String>,
    seed: String,
    /// The history option, for a scenario with a record of its period.
    history: bool,
    load_path: String,
    error: Option<String>,
}

/// Controls of the menu, once it has gone, are not there to click.
fn forget_menu_controls(mut layout: ResMut<crate::gui::window::shared::UiLayout>) {
    layout.menu_items.clear();
    layout.menu_start = None;
    layout.menu_history = None;
}

/// What the menu asked for, carried out with the whole world at hand.
#[derive(Message, Debug)]
pub(in crate::gui) enum MenuChoice {
    Start(Box<Scenario>, u64, Vec<String>),
    Load(String),
    /// Close the menu on the game it was opened over.
    Back,
}

pub(in crate::gui) fn draw_menu(
    mut contexts: EguiContexts,
    (mut menu, over_game): (ResMut<Menu>, Res<MenuOverGame>),
    mods: Res<ModsDir>,
    mut choice: MessageWriter<MenuChoice>,
    mut settings: ResMut<SettingsWindow>,
    mut exit: MessageWriter<AppExit>,
    mut layout: ResMut<crate::gui::window::shared::UiLayout>,
) -> Result {
    layout.menu_items.clear();
    layout.menu_start = None;
    layout.menu_history = None;
    if menu.listings.is_empty() {
        menu.listings = mods.0.list();
        menu.titles = menu
            .listings
            .iter()
            .map(|l| match mods.0.resolve(&l.name) {
                Ok(s) => s.file.meta.name,
                Err(_) => "(does not load)".to_string(),
            })
            .collect();
    }
    let k = contexts.ctx_mut()?.zoom_factor();
    let px = |r: egui::Rect| [r.min.x * k, r.min.y * k, r.width() * k, r.height() * k];
    let ctx = contexts.ctx_mut()?;
    let menu = &mut *menu;
    egui::Window::new("Harmattan")
        .id(egui::Id::new("main_menu"))
        .collapsible(false)
        .resizable(false)
        .default_width(720.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, -20.0))
        .show(ctx, |ui| {
            ui.label("West Africa and the Sahel since 2020: pick a start, a government, and play month by month.");
            ui.separator();
            ui.columns(2, |cols| {
                cols[0].strong("Scenario");
                egui::ScrollArea::vertical()
                    .id_salt("scenarios")
                    .max_height(300.0)
                    .show(&mut cols[0], |ui| {
                        for (i, l) in menu.listings.iter().enumerate() {
                            let title = menu.titles.get(i).cloned().unwrap_or_default();
                            let label = if l.source == "shipped" {
                                title
                            } else {
                                format!("{title} (mod: {})", l.name)
                            };
                            let item = ui.selectable_label(menu.chosen == Some(i), label);
                            layout.menu_items.push((l.name.clone(), px(item.rect)));
                            if item.clicked() && menu.chosen != Some(i) {
                                menu.chosen = Some(i);
                                menu.preview = Some(mods.0.resolve(&l.name).map_err(|e| e.to_string()));
                                menu.play_as = None;
                                menu.seed = match &menu.preview {
                                    Some(Ok(s)) => s.file.meta.seed.to_string(),
                                    _ => String::new(),
                                };
                                menu.error = None;
                            }
                        }
                    });
                let ui = &mut cols[1];
                match &menu.preview {
                    None => {
                        ui.label("Choose a scenario on the left.");
                    }
                    Some(Err(e)) => {
                        ui.colored_label(egui::Color32::from_rgb(200, 80, 60), "This scenario does not load:");
                        ui.monospace(e);
                    }
                    Some(Ok(s)) => {
                        let meta = &s.file.meta;
                        ui.strong(&meta.name);
                        ui.label(format!("From {}, {} months.", meta.start.long(), meta.turns));
                        ui.label(&meta.description);
                        // A modder sees what the validator would warn of.
                        for w in &s.warnings {
                            ui.colored_label(
                                egui::Color32::from_rgb(210, 160, 60),
                                format!("Line {}: {}", w.line, w.message),
                            );
                        }
                        ui.separator();
                        ui.strong("Play as");
                        ui.checkbox(&mut menu.hot_seat, "Hot-seat: several players at this computer");
                        if !menu.hot_seat {
                            ui.radio_value(&mut menu.play_as, None, "Observer (no government)");
                        }
                        for id in &meta.playable {
                            let name = s
                                .file
                                .states
                                .iter()
                                .find(|x| &x.id == id)
                                .map(|x| x.name.clone())
                                .unwrap_or_default();
                            let goals: Vec<&str> = s
                                .file
                                .goals
                                .iter()
                                .filter(|g| &g.state == id)
                                .map(|g| g.name.as_str())
                                .collect();
                            let text = if goals.is_empty() {
                                name
                            } else {
                                format!("{name} — {}", goals.join("; "))
                            };
                            if menu.hot_seat {
                                let mut on = menu.seats.contains(id);
                                if ui.checkbox(&mut on, text).changed() {
                                    if on {
                                        menu.seats.push(id.clone());
                                    } else {
                                        menu.seats.retain(|x| x != id);
                                    }
                                }
                            } else {
                                ui.radio_value(&mut menu.play_as, Some(id.clone()), text);
                            }
                        }
                        ui.horizontal(|ui| {
                            ui.label("Seed");
                            ui.text_edit_singleline(&mut menu.seed);
                        });
                        if let Some(h) = &s.file.history {
                            let text = format!(
                                "History: what really happened to {} (coups, pacts, exits) happens on its date",
                                h.until.long()
                            );
                            let b = ui.checkbox(&mut menu.history, text).on_hover_text(
                                "For a class: play or watch the record, then ask \"What happens next?\" \
                                 and compare the model's futures with what happened. Futures never replay the record.",
                            );
                            layout.menu_history = Some((px(b.rect), menu.history));
                        }
                        let start = ui.button("Start ▶");
                        layout.menu_start = Some(px(start.rect));
                        if start.clicked() {
                            match menu.seed.trim().parse::<u64>() {
                                Ok(seed) => {
                                    let players = if menu.hot_seat {
                                        menu.seats.clone()
                                    } else {
                                        menu.play_as.clone().into_iter().collect()
                                    };
                                    let on = menu.history && s.file.history.is_some();
                                    match s.clone().with_history(on) {
                                        Ok(s) => {
                                            choice.write(MenuChoice::Start(Box::new(s), seed, players));
                                        }
                                        Err(e) => menu.error = Some(e),
                                    }
                                }
                                Err(_) => menu.error = Some("The seed must be a whole number, 0 or more.".into()),
                            }
                        }
                    }
                }
            });
            ui.separator();
            ui.horizontal(|ui| {
                let quick = quicksave_path();
                if ui
                    .add_enabled(quick.is_file(), egui::Button::new("Continue (quick save)"))
                    .clicked()
                {
                    choice.write(MenuChoice::Load(quick.display().to_string()));
                }
                ui.label("or load");
                ui.add(egui::TextEdit::singleline(&mut menu.load_path).hint_text("saves/my-game.ron"));
                if ui
                    .add_enabled(!menu.load_path.trim().is_empty(), egui::Button::new("Load"))
                    .clicked()
                {
                    choice.write(MenuChoice::Load(menu.load_path.trim().to_string()));
                }
            });
            if let Some(e) = &menu.error {
                ui.colored_label(egui::Color32::from_rgb(200, 80, 60), e);
            }
            ui.separator();
            ui.horizontal(|ui| {
                if over_game.0.is_some() && ui.button("Back to the game").clicked() {
                    choice.write(MenuChoice::Back);
                }
                if ui.button("Settings").clicked() {
                    settings.0 = true;
                }
                if ui.button("Quit").clicked() {
                    exit.write(AppExit::Success);
                }
            });
        });
    Ok(())
}

fn carry_out_menu_choices(world: &mut World) {
    let choices: Vec<MenuChoice> = world.resource_mut::<Messages<MenuChoice>>().drain().collect();
    for choice in choices {
        carry_out(world, choice);
    }
}

fn carry_out(world: &mut World, choice: MenuChoice) {
    let outcome = match choice {
        MenuChoice::Back => {
            let back = world.resource::<MenuOverGame>().0.unwrap_or(Screen::Playing);
            world.resource_mut::<NextState<Screen>>().set(back);
            return;
        }
        MenuChoice::Start(scenario, seed, player) => {
            crate::gui::window::game::start_game(world, *scenario, seed, player, true);
            Ok(())
        }
        MenuChoice::Load(path) => crate::save::read(std::path::Path::new(&path))
            .and_then(|file| load_into(world, &file, &path))
            .map(|()| {
                crate::gui::map::camera::reframe(world);
                let next = crate::gui::window::game::resume_screen(world);
                world.resource_mut::<NextState<Screen>>().set(next);
            })
            .map_err(|e| e.to_string()),
    };
    match outcome {
        Ok(()) => {
            // The game the menu was over has gone.
            world.resource_mut::<MenuOverGame>().0 = None;
            world.resource_mut::<Menu>().error = None;
            let now = world.resource::<Time<Real>>().elapsed_secs();
            *world.resource_mut::<Toast>() = Toast {
                text: "A new game begins.".into(),
                until: now + 3.0,
            };
        }
        Err(e) => world.resource_mut::<Menu>().error = Some(e),
    }
}
