//! The player's decisions (the Decisions button or D): every decision open
//! to the government with its cost in political capital, what it is
//! expected to do and the odds; closed ones greyed with the reason. A pick
//! is queued and carried out when the turn ends; the ledger then shows
//! what it actually did.

use crate::sim::player::inputs::{InputRefused, PlayerInput};
use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, egui};

use crate::gui::window::words::Words;
use crate::sim::mechanisms::decisions::{self, Capital, DecisionBook, DecisionQueue, DecisionView};
use crate::sim::world::players::PlayedBy;
use crate::sim::world::registry::Registry;

pub(in crate::gui) fn plugin(app: &mut App) {
    app.init_resource::<DecisionPanel>()
        .add_systems(
            Update,
            (toggle_with_key, show_refusals, refresh)
                .chain()
                .after(crate::sim::player::inputs::InputsApplied),
        )
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            draw_decisions
                .run_if(crate::gui::screens::screen::game_shown)
                .in_set(crate::gui::window::phases::UiPhase::Windows),
        );
}

/// A decision as the panel shows it, in the player's words.
struct Shown {
    id: String,
    name: String,
    description: String,
    cost: u32,
    target: Option<String>,
    target_name: Option<String>,
    refused: Option<String>,
    short_of_capital: bool,
    expected: Vec<String>,
}

impl Shown {
    fn of(v: DecisionView, words: &Words, reg: &Registry) -> Self {
        let arg = |a: &crate::sim::world::said::Arg| crate::i18n::arg_text(&words.0, reg, a);
        Self {
            name: arg(&v.name),
            description: arg(&v.description),
            target_name: v.target_name.as_ref().map(|a| crate::i18n::name_of(&words.0, reg, a)),
            refused: v.refused.as_ref().map(|s| words.say(s, reg)),
            expected: v.expected.iter().map(|s| words.0.phrase(s, reg)).collect(),
            id: v.id,
            cost: v.cost,
            target: v.target,
            short_of_capital: v.short_of_capital,
        }
    }
}

/// What the panel shows, refreshed from the world while it is open.
#[derive(Resource, Default)]
pub struct DecisionPanel {
    pub open: bool,
    views: Vec<Shown>,
    capital: f64,
    /// The decisions queued for this turn: label, id, target, cost.
    queued: Vec<(String, String, Option<String>, u32)>,
    /// Why the last pick was refused, if it was.
    message: Option<String>,
    filter: String,
    show_closed: bool,
}

fn toggle_with_key(keys: Res<ButtonInput<KeyCode>>, wants: Res<EguiWantsInput>, mut panel: ResMut<DecisionPanel>) {
    if keys.just_pressed(KeyCode::KeyD) && !wants.wants_any_keyboard_input() {
        panel.open = !panel.open;
    }
}

/// A decision the simulation refused (the capital spent meanwhile, a
/// target gone) says why in the panel.
fn show_refusals(
    mut refused: MessageReader<InputRefused>,
    mut panel: ResMut<DecisionPanel>,
    words: Res<Words>,
    reg: Res<Registry>,
) {
    for r in refused.read() {
        if matches!(r.input, PlayerInput::Decide { .. }) {
            panel.message = Some(words.say(&r.reason, &reg));
        }
    }
}

fn refresh(world: &mut World) {
    if !world.resource::<DecisionPanel>().open {
        return;
    }
    let Some(s) = world.resource::<PlayedBy>().0 else {
        let mut panel = world.resource_mut::<DecisionPanel>();
        panel.views.clear();
        return;
    };
    let views: Vec<Shown> = {
        let (words, reg) = (world.resource::<Words>(), world.resource::<Registry>());
        decisions::options_for(world, s)
            .into_iter()
            .map(|v| Shown::of(v, words, reg))
            .collect()
    };
    let capital = world.resource::<Capital>().0.get(s.0 as usize).copied().unwrap_or(0.0);
    let book = world.resource::<DecisionBook>();
    let reg = world.resource::<Registry>();
    let words = world.resource::<Words>();
    let queued = world
        .resource::<DecisionQueue>()
        .0
        .iter()
        .filter(|(q, ..)| *q == s)
        .map(|(_, i, t)| {
            let def = &book.defs[*i];
            let name = words.0.text(&decisions::decision_key(&def.id, "name"), &def.name);
            let label = match t {
                Some(t) => format!(
                    "{name} ({})",
                    crate::i18n::name_of(&words.0, reg, &decisions::target_arg(*t))
                ),
                None => name.into_owned(),
            };
            (
                label,
                def.id.clone(),
                t.map(|t| decisions::target_code(reg, t)),
                def.cost,
            )
        })
        .collect();
    let mut panel = world.resource_mut::<DecisionPanel>();
    panel.views = views;
    panel.capital = capital;
    panel.queued = queued;
}

pub(in crate::gui) fn draw_decisions(
    mut contexts: EguiContexts,
    mut panel: ResMut<DecisionPanel>,
    played: Res<PlayedBy>,
    mut layout: ResMut<crate::gui::window::shared::UiLayout>,
    mut inputs: MessageWriter<PlayerInput>,
    words: Res<Words>,
) -> Result {
    layout.decision_buttons.clear();
    if !panel.open {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let k = ctx.zoom_factor();
    let px = |r: egui::Rect| [r.min.x * k, r.min.y * k, r.width() * k, r.height() * k];
    let mut open = true;
    let panel = &mut *panel;
    let words = &*words;
    // What a decision is expected to do, its effects in a list.
    let expected = |effects: &[String]| {
        let sep = words.t("decisions-expected-separator");
        words.t_args("decisions-expected", &crate::args!["effects" => effects.join(&sep)])
    };
    let not_now = |why: &str| words.t_args("decisions-not-now", &crate::args!["reason" => why]);
    super::raise_when_opened(ctx, "Decisions");
    egui::Window::new(words.t("decisions-title"))
        .id(egui::Id::new("Decisions"))
        .open(&mut open)
        .default_size(egui::vec2(460.0, 440.0))
        .default_pos(egui::pos2(360.0, 60.0))
        .show(ctx, |ui| {
            if played.0.is_none() {
                ui.label(words.t("decisions-observer"));
                return;
            }
            let reserved: u32 = panel.queued.iter().map(|q| q.3).sum();
            ui.horizontal_wrapped(|ui| {
                if reserved > 0 {
                    ui.strong(words.t_args(
                        "decisions-capital-left",
                        &crate::args![
                            "left" => words.0.number((panel.capital - reserved as f64).max(0.0), 1),
                            "capital" => words.0.number(panel.capital, 1),
                        ],
                    ));
                    ui.label(words.t_args("decisions-capital-reserved", &crate::args!["reserved" => reserved]));
                } else {
                    ui.strong(words.t_args(
                        "decisions-capital",
                        &crate::args!["capital" => words.0.number(panel.capital, 1)],
                    ));
                    ui.label(words.t("decisions-capital-gained"));
                }
            });
            let mut withdraw = None;
            if !panel.queued.is_empty() {
                ui.label(words.t("decisions-queued-intro"));
                for (label, id, target, cost) in &panel.queued {
                    ui.horizontal(|ui| {
                        ui.label(words.t_args(
                            "decisions-queued-item",
                            &crate::args!["decision" => label.as_str(), "cost" => *cost],
                        ));
                        if ui.small_button(words.t("decisions-take-back")).clicked() {
                            withdraw = Some((id.clone(), target.clone()));
                        }
                    });
                }
            }
            if let Some((decision, target)) = withdraw {
                inputs.write(PlayerInput::Withdraw {
                    decision,
                    target,
                    state: None,
                });
            }
            if let Some(m) = &panel.message {
                ui.colored_label(egui::Color32::from_rgb(210, 110, 80), m);
            }
            ui.horizontal(|ui| {
                ui.label(words.t("decisions-find"));
                let find = ui.text_edit_singleline(&mut panel.filter);
                layout.decision_buttons.push(("find".into(), px(find.rect)));
                layout.decision_filter = panel.filter.clone();
                layout.decision_find_focused = find.has_focus();
            });
            ui.separator();
            ui.checkbox(&mut panel.show_closed, words.t("decisions-show-closed"));
            let filter = panel.filter.to_lowercase();
            let mut pick = None;
            egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                // One entry per decision; its targets as buttons inside.
                let mut k = 0;
                while k < panel.views.len() {
                    let id = panel.views[k].id.clone();
                    let group: Vec<&Shown> = panel.views[k..].iter().take_while(|v| v.id == id).collect();
                    k += group.len();
                    let first = group[0];
                    let open_now: Vec<&&Shown> = group.iter().filter(|v| v.refused.is_none()).collect();
                    // Closed for want of capital only: shown, greyed, so
                    // that the list does not quietly empty as capital is
                    // reserved.
                    let shown_closed = |v: &Shown| panel.show_closed || v.short_of_capital;
                    if open_now.is_empty() && !group.iter().any(|v| shown_closed(v)) {
                        continue;
                    }
                    let matches = filter.is_empty()
                        || first.name.to_lowercase().contains(&filter)
                        || group.iter().any(|v| {
                            v.target_name
                                .as_deref()
                                .is_some_and(|t| t.to_lowercase().contains(&filter))
                        });
                    if !matches {
                        continue;
                    }
                    let title = words.t_args(
                        "decisions-entry",
                        &crate::args!["decision" => first.name.as_str(), "cost" => first.cost],
                    );
                    let header = if open_now.is_empty() {
                        egui::RichText::new(title).weak()
                    } else {
                        egui::RichText::new(title)
                    };
                    let shown = egui::CollapsingHeader::new(header)
                        .id_salt(("decision", &id))
                        .show(ui, |ui| {
                            ui.label(&first.description);
                            ui.label(expected(&first.expected));
                            if open_now.is_empty()
                                && let Some(why) = group.iter().find_map(|v| v.refused.as_deref())
                            {
                                ui.colored_label(egui::Color32::from_rgb(210, 150, 90), not_now(why));
                            }
                            ui.horizontal_wrapped(|ui| {
                                for v in &group {
                                    let label = v.target_name.clone().unwrap_or_else(|| words.t("decisions-decide"));
                                    if v.refused.is_some() && !shown_closed(v) {
                                        continue;
                                    }
                                    let button = ui.add_enabled(v.refused.is_none(), egui::Button::new(label));
                                    let button = match &v.refused {
                                        Some(why) => button.on_disabled_hover_text(not_now(why)),
                                        None => button.on_hover_text(expected(&v.expected)),
                                    };
                                    let key = match &v.target {
                                        Some(t) => format!("{}/{t}", v.id),
                                        None => v.id.clone(),
                                    };
                                    // Only what can be seen can be clicked.
                                    if ui.clip_rect().contains_rect(button.rect) {
                                        layout.decision_buttons.push((key, px(button.rect)));
                                    }
                                    if button.clicked() {
                                        pick = Some((v.id.clone(), v.target.clone()));
                                    }
                                }
                            });
                        });
                    // An opened decision scrolls up so that its targets show.
                    if shown.header_response.clicked() {
                        shown.header_response.scroll_to_me(Some(egui::Align::TOP));
                    }
                    if ui.clip_rect().contains_rect(shown.header_response.rect) {
                        layout
                            .decision_buttons
                            .push((format!("header:{id}"), px(shown.header_response.rect)));
                    }
                }
            });
            ui.separator();
            ui.small(words.t("decisions-footnote"));
            if let Some((decision, target)) = pick {
                panel.message = None;
                inputs.write(PlayerInput::Decide {
                    decision,
                    target,
                    state: None,
                });
            }
        });
    panel.open = open;
    Ok(())
}
