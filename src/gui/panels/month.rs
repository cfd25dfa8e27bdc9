//! "Your month": after End Turn, what the player's decisions did (with
//! the figures they moved), the largest changes to their state with their
//! causes, their own news and the turning points next door. The news
//! strip is too small to carry a month; this window opens by itself after
//! each month a person ended, and from the top bar's "Your month".

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::causes::{Books, cause_label, signed};
use crate::gui::screens::screen::game_shown;
use crate::gui::window::phases::{MonthEnds, UiPhase};
use crate::gui::window::shared::{Current, Player};
use crate::sim::mechanisms::decisions::{decision_key, target_arg};
use crate::sim::mechanisms::events::event_key;
use crate::sim::player::month::{self, Answer, MonthSummary, Outcome};
use crate::sim::world::chronicle::Chronicle;
use crate::sim::world::ledger::Measure;
use crate::sim::world::registry::{Clock, Registry};
use crate::sim::world::said::Said;

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
    /// What is shown: for which turn and state, in which language.
    shown: Option<(u32, String, crate::i18n::Lang)>,
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
    let lang = world.resource::<crate::gui::window::words::Words>().0.lang();
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
    if turn == 0 || w.shown.as_ref() == Some(&(turn, code.clone(), lang)) {
        return;
    }
    let Some(state) = world.resource::<Registry>().state(&code) else {
        return;
    };
    let summary = month::summary(world, state, turn);
    let text = words(world, state, &summary);
    let mut w = world.resource_mut::<MonthWindow>();
    w.text = text;
    w.shown = Some((turn, code, lang));
}

/// The summary in words, in the player's language.
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
    let name = said.state(&reg, state);
    let semicolon = said.t("month-semicolon");
    let measure = |s, measure: Measure| match measure {
        Measure::Indicator(i) => {
            if s == state {
                said.indicator(i)
            } else {
                let of = Said::new("month-measure-of")
                    .state("state", s)
                    .term("measure", "indicator", i.snake());
                said.0.phrase(&of, &reg)
            }
        }
        Measure::Alignment(p) => said
            .0
            .phrase(&Said::new("month-measure-standing").power("power", p), &reg),
    };
    let news_text = |i: usize| chronicle.news.get(i).map(|n| said.0.news(n, &reg)).unwrap_or_default();
    let mut decisions = Vec::new();
    for d in &m.decisions {
        let def = &books.decisions.defs[d.decision as usize];
        let decision_name = said.0.text(&decision_key(&def.id, "name"), &def.name).into_owned();
        let title = match d.target {
            Some(t) => said.t_args(
                "month-decision-on",
                &crate::args![
                    "decision" => decision_name,
                    "target" => crate::i18n::name_of(&said.0, &reg, &target_arg(t)),
                ],
            ),
            None => decision_name,
        };
        let mut what: Vec<String> = Vec::new();
        let mut follow = Vec::new();
        for o in &d.outcomes {
            match o {
                Outcome::Done { news, relations, .. } => {
                    follow.extend(news.clone().map(news_text).filter(|t| !t.is_empty()));
                    for (a, b, delta) in relations {
                        let between = Said::new("month-outcome-relations").state("a", *a).state("b", *b);
                        what.push(format!(
                            "{} {}",
                            said.0.phrase(&between, &reg),
                            signed(&said, *delta, 1)
                        ));
                    }
                }
                Outcome::Refused { reason } => what.push(said.t_args(
                    "month-outcome-refused",
                    &crate::args!["reason" => said.0.phrase(reason, &reg)],
                )),
                Outcome::NoLuck => what.push(said.t("month-outcome-no-luck")),
                Outcome::Later { due } => what.push(said.t_args(
                    "month-outcome-later",
                    &crate::args!["month" => said.0.month(clock.start.plus_months(*due as i64 - 1))],
                )),
            }
        }
        let moved: Vec<String> = d
            .moved
            .iter()
            .take(4)
            .map(|(s, ms, delta)| format!("{} {}", measure(*s, *ms), signed(&said, *delta, 1)))
            .collect();
        if !moved.is_empty() {
            what.insert(0, moved.join(", "));
        }
        if what.is_empty() && follow.is_empty() {
            what.push(said.t("month-outcome-done"));
        }
        let line = match (what.is_empty(), follow.is_empty()) {
            (false, false) => said.t_args(
                "month-decision-and-news",
                &crate::args![
                    "decision" => title,
                    "what" => what.join(&semicolon),
                    "news" => follow.join(" "),
                ],
            ),
            (false, true) => said.t_args(
                "month-decision",
                &crate::args!["decision" => title, "what" => what.join(&semicolon)],
            ),
            _ => said.t_args(
                "month-decision",
                &crate::args!["decision" => title, "what" => follow.join(" ")],
            ),
        };
        decisions.push(line);
    }
    for a in &m.answers {
        decisions.push(match a {
            Answer::Offer { kind, accepted } => said.t_args(
                if *accepted {
                    "month-answer-accepted"
                } else {
                    "month-answer-declined"
                },
                &crate::args!["offer" => said.0.phrase(&crate::sim::player::offers::phrase(*kind), &reg)],
            ),
            Answer::Choice { event, option } => {
                let def = &books.events.defs[*event];
                let title = said
                    .0
                    .text(&event_key(&def.id, "title"), def.title.as_deref().unwrap_or(&def.id))
                    .into_owned();
                let choice = def
                    .choices
                    .get(*option)
                    .map(|c| {
                        said.0
                            .text(&event_key(&def.id, &format!("choice-{option}")), &c.label)
                            .into_owned()
                    })
                    .unwrap_or_default();
                said.t_args(
                    "month-answer-choice",
                    &crate::args![
                        "event" => title.split(". ").next().unwrap_or_default(),
                        "choice" => choice,
                    ],
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
                .map(|(cause, d)| format!("{} {}", cause_label(*cause, &reg, &books), signed(&said, *d, 1)))
                .collect();
            // Growth (a few percent) needs its decimal; scores of 0-100 do not.
            let decimals = if c.indicator.range().1 > 30.0 { 0 } else { 1 };
            said.t_args(
                "month-change",
                &crate::args![
                    "indicator" => crate::i18n::capitalise(said.indicator(c.indicator)),
                    "value" => said.0.number(c.now, decimals),
                    "delta" => signed(&said, c.delta, 1),
                    "causes" => causes.join(", "),
                ],
            )
        })
        .collect();
    MonthText {
        title: said.t_args(
            "month-heading",
            &crate::args!["state" => name, "month" => said.0.month(played)],
        ),
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

fn draw_month(
    mut contexts: EguiContexts,
    mut window: ResMut<MonthWindow>,
    headlines: Res<super::headlines::Headlines>,
    words: Res<crate::gui::window::words::Words>,
) -> Result {
    // The month's turning points are read first, one by one.
    if !window.open || window.shown.is_none() || headlines.pending() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let mut open = true;
    let text = &window.text;
    super::raise_when_opened(ctx, "Your month");
    egui::Window::new(words.t("month-title"))
        .id(egui::Id::new("Your month"))
        .open(&mut open)
        .default_width(480.0)
        .default_pos(egui::pos2(300.0, 90.0))
        .show(ctx, |ui| {
            ui.heading(&text.title);
            egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                section(
                    ui,
                    &words.t("month-your-decisions"),
                    &text.decisions,
                    &words.t("month-no-decisions"),
                );
                section(
                    ui,
                    &words.t("month-what-moved"),
                    &text.changes,
                    &words.t("month-nothing-moved"),
                );
                section(ui, &words.t("month-at-home"), &text.own, &words.t("month-no-news"));
                section(
                    ui,
                    &words.t("month-next-door"),
                    &text.next_door,
                    &words.t("month-quiet-borders"),
                );
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
