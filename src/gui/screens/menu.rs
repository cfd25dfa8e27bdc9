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
use crate::gui::window::words::Words;
use crate::i18n::{Lang, Locale};
use crate::scenario::Scenario;
use crate::scenario::mods::Listing;
use crate::sim::mechanisms::goals::goal_key;
use crate::sim::world::said::text_key;

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
    /// The language the titles and the preview are in.
    lang: Option<Lang>,
    chosen: Option<usize>,
    /// The chosen scenario, loaded, or why it does not load.
    preview: Option<Result<Scenario, String>>,
    /// The chosen scenario's words: the player's language with its
    /// translation.
    preview_words: Option<Locale>,
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

/// The player's language with a scenario's translation into it.
fn scenario_words(lang: Lang, scenario: &Scenario) -> Locale {
    let mut loc = Locale::new(lang);
    // Its syntax problems are reported when the scenario is played.
    let _ = loc.set_scenario(scenario.translation(lang.code()).map(|t| t.text.as_str()));
    loc
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

#[allow(clippy::too_many_arguments)]
pub(in crate::gui) fn draw_menu(
    mut contexts: EguiContexts,
    (mut menu, over_game): (ResMut<Menu>, Res<MenuOverGame>),
    mods: Res<ModsDir>,
    mut choice: MessageWriter<MenuChoice>,
    mut settings: ResMut<SettingsWindow>,
    mut exit: MessageWriter<AppExit>,
    mut layout: ResMut<crate::gui::window::shared::UiLayout>,
    words: Res<Words>,
) -> Result {
    layout.menu_items.clear();
    layout.menu_start = None;
    layout.menu_history = None;
    let lang = words.0.lang();
    if menu.listings.is_empty() || menu.lang != Some(lang) {
        if menu.listings.is_empty() {
            menu.listings = mods.0.list();
        }
        // One set of words, given each scenario's translation in turn.
        let mut loc = Locale::new(lang);
        let broken = words.t("menu-does-not-load");
        menu.titles = menu
            .listings
            .iter()
            .map(|l| match mods.0.resolve(&l.name) {
                Ok(s) => {
                    let _ = loc.set_scenario(s.translation(lang.code()).map(|t| t.text.as_str()));
                    loc.text("scenario-name", &s.file.meta.name).into_owned()
                }
                Err(_) => broken.clone(),
            })
            .collect();
        menu.preview_words = match &menu.preview {
            Some(Ok(s)) => Some(scenario_words(lang, s)),
            _ => None,
        };
        menu.lang = Some(lang);
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
            ui.label(words.t("menu-intro"));
            ui.separator();
            ui.columns(2, |cols| {
                cols[0].strong(words.t("menu-scenario"));
                egui::ScrollArea::vertical()
                    .id_salt("scenarios")
                    .max_height(300.0)
                    .show(&mut cols[0], |ui| {
                        for (i, l) in menu.listings.iter().enumerate() {
                            let title = menu.titles.get(i).cloned().unwrap_or_default();
                            let label = if l.source == "shipped" {
                                title
                            } else {
                                words.t_args(
                                    "menu-mod-title",
                                    &crate::args!["title" => title, "name" => l.name.as_str()],
                                )
                            };
                            let item = ui.selectable_label(menu.chosen == Some(i), label);
                            layout.menu_items.push((l.name.clone(), px(item.rect)));
                            if item.clicked() && menu.chosen != Some(i) {
                                menu.chosen = Some(i);
                                menu.preview = Some(mods.0.resolve(&l.name).map_err(|e| e.to_string()));
                                menu.preview_words = match &menu.preview {
                                    Some(Ok(s)) => Some(scenario_words(lang, s)),
                                    _ => None,
                                };
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
                        ui.label(words.t("menu-choose"));
                    }
                    Some(Err(e)) => {
                        ui.colored_label(egui::Color32::from_rgb(200, 80, 60), words.t("menu-scenario-broken"));
                        ui.monospace(e);
                    }
                    Some(Ok(s)) => {
                        let meta = &s.file.meta;
                        // The scenario's own words, in the player's language.
                        let own = menu.preview_words.as_ref().unwrap_or(&words.0);
                        ui.strong(own.text("scenario-name", &meta.name));
                        ui.label(words.t_args(
                            "menu-span",
                            &crate::args!["start" => own.month(meta.start), "turns" => meta.turns],
                        ));
                        ui.label(own.text("scenario-description", &meta.description));
                        // A modder sees what the validator would warn of.
                        for w in &s.warnings {
                            ui.colored_label(
                                egui::Color32::from_rgb(210, 160, 60),
                                words.t_args(
                                    "menu-warning",
                                    &crate::args!["line" => w.line.to_string(), "message" => w.message.as_str()],
                                ),
                            );
                        }
                        ui.separator();
                        ui.strong(words.t("menu-play-as"));
                        ui.checkbox(&mut menu.hot_seat, words.t("menu-hot-seat"));
                        if !menu.hot_seat {
                            ui.radio_value(&mut menu.play_as, None, words.t("menu-observer"));
                        }
                        let semicolon = words.t("menu-semicolon");
                        for id in &meta.playable {
                            let name = s
                                .file
                                .states
                                .iter()
                                .find(|x| &x.id == id)
                                .map(|x| own.text(&text_key("state", id), &x.name).into_owned())
                                .unwrap_or_default();
                            let goals: Vec<String> = s
                                .file
                                .goals
                                .iter()
                                .filter(|g| &g.state == id)
                                .map(|g| own.text(&goal_key(g, "name"), &g.name).into_owned())
                                .collect();
                            let text = if goals.is_empty() {
                                name
                            } else {
                                words.t_args(
                                    "menu-state-goals",
                                    &crate::args!["state" => name, "goals" => goals.join(&semicolon)],
                                )
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
                            ui.label(words.t("menu-seed"));
                            ui.text_edit_singleline(&mut menu.seed);
                        });
                        if let Some(h) = &s.file.history {
                            let text = words.t_args("menu-history", &crate::args!["until" => own.month(h.until)]);
                            let b = ui
                                .checkbox(&mut menu.history, text)
                                .on_hover_text(words.t("menu-history-hint"));
                            layout.menu_history = Some((px(b.rect), menu.history));
                        }
                        let start = ui.button(words.t("menu-start"));
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
                                Err(_) => menu.error = Some(words.t("menu-seed-error")),
                            }
                        }
                    }
                }
            });
            ui.separator();
            ui.horizontal(|ui| {
                let quick = quicksave_path();
                if ui
                    .add_enabled(quick.is_file(), egui::Button::new(words.t("menu-continue")))
                    .clicked()
                {
                    choice.write(MenuChoice::Load(quick.display().to_string()));
                }
                ui.label(words.t("menu-or-load"));
                ui.add(egui::TextEdit::singleline(&mut menu.load_path).hint_text(words.t("menu-load-hint")));
                if ui
                    .add_enabled(
                        !menu.load_path.trim().is_empty(),
                        egui::Button::new(words.t("menu-load")),
                    )
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
                if over_game.0.is_some() && ui.button(words.t("menu-back")).clicked() {
                    choice.write(MenuChoice::Back);
                }
                if ui.button(words.t("menu-settings")).clicked() {
                    settings.0 = true;
                }
                if ui.button(words.t("menu-quit")).clicked() {
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
            let text = world.resource::<Words>().t("menu-new-game");
            *world.resource_mut::<Toast>() = Toast { text, until: now + 3.0 };
        }
        Err(e) => world.resource_mut::<Menu>().error = Some(e),
    }
}
