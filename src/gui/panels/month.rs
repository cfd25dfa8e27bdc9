//! "Your month": after End Turn, what the player's decisions did (with
//! the figures they moved), the largest changes to their state with their
//! causes, their own news and the turning points next door. The news
//! strip is too small to carry a month; this window opens by itself after
//! each month a person ended, and from the top bar's "Your month".

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::causes::{Books, cause_label};
use crate::gui::screens::screen::game_shown;
use crate::gui::window::phases::{MonthEnds, UiPhase};
use crate::gui::window::shared::{Current, Player};
use crate::sim::mechanisms::decisions::target_name;
use crate::sim::player::month::{self, Answer, MonthSummary, Outcome};
use crate::sim::world::chronicle::Chronicle;
use crate::sim::world::ledger::Measure;
use crate::sim::world::registry::{Clock, Registry};

pub(in crate::gui) fn plugin(app: &mut App) {
    app.init_resource::<MonthWindow>()
        .add_systems(Update, open_after_the_month.after(MonthEnds))
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            draw_month.run_if(game_shown).in_set(UiPhase::Windows),
        );
}

/// The window and the month it tells, in words ready to draw: worked out
/// once per month and seat, not every frame.
#[derive(Resource, Default)]
pub struct MonthWindow {
    pub open: bool,
    /// The turns resolved when last looked at (a new one opens the window).
    seen_turn: u32,
    /// What is shown: for which turn and state.
    shown: Option<(u32, String)>,
    pub text: MonthText,
}

/// A month in words.
#[derive(Default, Clone, serde::Serialize)]
pub struct MonthText {
    pub title: String,
    pub decisions: Vec<String>,
    pub changes: Vec<String>,
    pub own: Vec<String>,
    pub next_door: Vec<String>,
}

/// Opens the window when a month the player ended has run; keeps its
/// text up to date with the seat (hot seat: each player sees theirs).
fn open_after_the_month(world: &mut World) {
    let turn = world.resource::<Clock>().turn;
    let new_game = world.resource_ref::<Current>().is_changed();
    let player = world.resource::<Player>().state.clone();
    let mut w = world.resource_mut::<MonthWindow>();
    if new_game || turn < w.seen_turn {
        // A new or loaded game: its past is not this month's news.
        w.seen_turn = turn;
        w.open = false;
        w.shown = None;
        return;
    }
    if turn == w.seen_turn + 1 && player.is_some() {
        w.open = true;
    }
    w.seen_turn = turn;
    let Some(code) = player else {
        w.open = false;
        return;
    };
    if turn == 0 || w.shown.as_ref() == Some(&(turn, code.clone())) {
        return;
    }
    let Some(state) = world.resource::<Registry>().state(&code) else {
        return;
    };
    let summary = month::summary(world, state, turn);
    let text = words(world, state, &summary);
    let mut w = world.resource_mut::<MonthWindow>();
    w.text = text;
    w.shown = Some((turn, code));
}

/// The summary in words.
fn words(world: &mut World, state: crate::sim::world::components::StateIdx, m: &MonthSummary) -> MonthText {
    let mut params = bevy::ecs::system::SystemState::<(
        Res<Registry>,
        Books,
        Res<Chronicle>,
        Res<Clock>,
        Res<crate::gui::window::words::Words>,
    )>::new(world);
    let Ok((reg, books, chronicle, clock, said)) = params.get(world) else {
        return MonthText::default();
    };
    let played = clock.start.plus_months(m.turn as i64 - 1);
    let name = reg.state_name(state).to_string();
    let measure = |s, measure: Measure| match measure {
        Measure::Indicator(i) => {
            let what = i.snake().replace('_', " ");
            if s == state {
                what
            } else {
                format!("{}'s {what}", reg.state_name(s))
            }
        }
        Measure::Alignment(p) => format!("standing toward {}", reg.power_name(p)),
    };
    let news_text = |i: usize| {
        chronicle
            .news
            .get(i)
            .map(|n| said.0.news(n, &reg))
            .unwrap_or_default()
    };
    let mut decisions = Vec::new();
    for d in &m.decisions {
        let def = &books.decisions.defs[d.decision as usize];
        let whom = d
            .target
            .map(|t| format!(" ({})", target_name(&reg, t)))
            .unwrap_or_default();
        let mut what: Vec<String> = Vec::new();
        let mut follow = Vec::new();
        for o in &d.outcomes {
            match o {
                Outcome::Done { news, relations, .. } => {
                    follow.extend(news.clone().map(news_text).filter(|t| !t.is_empty()));
                    for (a, b, delta) in relations {
                        what.push(format!(
                            "relations between {} and {} {delta:+.1}",
                            reg.state_name(*a),
                            reg.state_name(*b)
                        ));
                    }
                }
                Outcome::Refused { reason } => what.push(format!("not carried out: {reason}")),
                Outcome::NoLuck => what.push("did not come off this time (it was a matter of chance)".into()),
                Outcome::Later { due } => what.push(format!(
                    "takes effect in {}",
                    clock.start.plus_months(*due as i64 - 1).long()
                )),
            }
        }
        let moved: Vec<String> = d
            .moved
            .iter()
            .take(4)
            .map(|(s, ms, delta)| format!("{} {delta:+.1}", measure(*s, *ms)))
            .collect();
        if !moved.is_empty() {
            what.insert(0, moved.join(", "));
        }
        if what.is_empty() && follow.is_empty() {
            what.push("carried out".into());
        }
        let line = match (what.is_empty(), follow.is_empty()) {
            (false, false) => format!("{}{whom}: {} — {}", def.name, what.join("; "), follow.join(" ")),
            (false, true) => format!("{}{whom}: {}", def.name, what.join("; ")),
            _ => format!("{}{whom}: {}", def.name, follow.join(" ")),
        };
        decisions.push(line);
    }
    for a in &m.answers {
        decisions.push(match a {
            Answer::Offer { kind, accepted } => format!(
                "{} {}",
                if *accepted { "Accepted" } else { "Declined" },
                said.0.phrase(&crate::sim::player::offers::phrase(*kind), &reg)
            ),
            Answer::Choice { event, option } => {
                let def = &books.events.defs[*event];
                format!(
                    "{}: {}",
                    def.title
                        .clone()
                        .unwrap_or_else(|| def.id.clone())
                        .split(". ")
                        .next()
                        .unwrap_or_default(),
                    def.choices.get(*option).map(|c| c.label.as_str()).unwrap_or_default()
                )
            }
        });
    }
    let changes = m
        .changes
        .iter()
        .map(|c| {
            let causes: Vec<String> = c
                .causes
                .iter()
                .map(|(cause, d)| format!("{} {d:+.1}", cause_label(*cause, &reg, &books)))
                .collect();
            // Growth (a few percent) needs its decimal; scores of 0-100 do not.
            let decimals = if c.indicator.range().1 > 30.0 { 0 } else { 1 };
            format!(
                "{} {:.*} ({:+.1}): {}",
                capitalised(&c.indicator.snake().replace('_', " ")),
                decimals,
                c.now,
                c.delta,
                causes.join(", ")
            )
        })
        .collect();
    MonthText {
        title: format!("{name}: {}", played.long()),
        decisions,
        changes,
        own: m
            .own_news
            .iter()
            .map(|&i| news_text(i))
            .filter(|t| !t.is_empty())
            .collect(),
        next_door: m
            .next_door
            .iter()
            .map(|&i| news_text(i))
            .filter(|t| !t.is_empty())
            .collect(),
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn draw_month(
    mut contexts: EguiContexts,
    mut window: ResMut<MonthWindow>,
    headlines: Res<super::headlines::Headlines>,
) -> Result {
    // The month's turning points are read first, one by one.
    if !window.open || window.shown.is_none() || headlines.pending() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let mut open = true;
    let text = &window.text;
    super::raise_when_opened(ctx, "Your month");
    egui::Window::new("Your month")
        .id(egui::Id::new("Your month"))
        .open(&mut open)
        .default_width(480.0)
        .default_pos(egui::pos2(300.0, 90.0))
        .show(ctx, |ui| {
            ui.heading(&text.title);
            egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                section(
                    ui,
                    "Your decisions",
                    &text.decisions,
                    "You took no decision this month (Decisions, or D).",
                );
                section(
                    ui,
                    "What moved",
                    &text.changes,
                    "Nothing moved by half a point or more.",
                );
                section(ui, "At home", &text.own, "No news.");
                section(ui, "Next door", &text.next_door, "Quiet at the borders.");
            });
        });
    window.open = open;
    Ok(())
}

fn section(ui: &mut egui::Ui, title: &str, lines: &[String], none: &str) {
    ui.add_space(6.0);
    ui.strong(title);
    if lines.is_empty() {
        ui.weak(none);
    }
    for l in lines {
        ui.label(format!("• {l}"));
    }
}
