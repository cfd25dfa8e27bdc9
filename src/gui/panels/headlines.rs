//! Headlines: the turning points of a turn (a coup, a bloc formed, a
//! withdrawal, forces expelled, a goal decided) shown one by one in a
//! dialog the player acknowledges before the next turn, with what led to
//! them from the cause ledger.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::causes::signed;
use crate::gui::window::shared::StateFacts;
use crate::gui::window::words::Words;
use crate::scenario::format::Indicator;
use crate::sim::mechanisms::coups::{CoupAttempt, CoupAttempts, CoupTerm};
use crate::sim::world::chronicle::{Chronicle, News, NewsKind};
use crate::sim::world::ledger::{Ledger, Measure};
use crate::sim::world::registry::Registry;
use crate::sim::world::said::Said;

pub(in crate::gui) fn plugin(app: &mut App) {
    app.init_resource::<Headlines>()
        .add_systems(Update, collect_headlines.after(crate::gui::window::phases::MonthEnds))
        // Turning points wait for the briefing to be read and the seat to
        // be taken.
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            draw_headline
                .run_if(in_state(crate::gui::screens::screen::Screen::Playing))
                .in_set(crate::gui::window::phases::UiPhase::Dialogs),
        );
}

/// News waiting to be acknowledged (indices into the chronicle), and how
/// much of the chronicle has been looked at.
#[derive(Resource, Default)]
pub struct Headlines {
    pub queue: Vec<usize>,
    seen: usize,
}

impl Headlines {
    pub fn pending(&self) -> bool {
        !self.queue.is_empty()
    }

    /// How much of the chronicle has been looked at.
    pub fn seen(&self) -> usize {
        self.seen
    }

    /// Forgets the news up to `seen` (a loaded game's past is not news).
    pub fn skip_to(&mut self, seen: usize) {
        self.queue.clear();
        self.seen = seen;
    }
}

/// The kinds of news that stop the game for a moment.
pub fn is_headline(kind: NewsKind) -> bool {
    matches!(
        kind,
        NewsKind::Coup
            | NewsKind::CivilianRule
            | NewsKind::InsurgencyRecedes
            | NewsKind::BlocFormed
            | NewsKind::BlocDissolved
            | NewsKind::WithdrawalAnnounced
            | NewsKind::BlocLeft
            | NewsKind::ForcesExpelled
            | NewsKind::InterventionThreatened
            | NewsKind::GoalReached
            | NewsKind::GoalFailed
            | NewsKind::Announcement
    )
}

pub(in crate::gui) fn collect_headlines(chronicle: Res<Chronicle>, mut headlines: ResMut<Headlines>) {
    let n = chronicle.news.len();
    if headlines.seen > n {
        // A new game: start over.
        *headlines = Headlines::default();
    }
    for i in headlines.seen..n {
        if is_headline(chronicle.news[i].kind) {
            headlines.queue.push(i);
        }
    }
    headlines.seen = n;
}

/// How many months back the "why" looks.
const WHY_MONTHS: u32 = 6;

/// A coup's "why": the hazard as it stood before the attempt, term by
/// term, not the state the coup left behind.
fn coup_why(a: &CoupAttempt, registry: &Registry, words: &Words) -> Vec<String> {
    let f = &a.factors;
    // Whole numbers, without a "-0".
    let whole = |x: f64| x.round() + 0.0;
    let before = Said::new("headline-coup-before")
        .state("state", a.state)
        .name("leader", a.leader.clone())
        .term("regime", "headline-regime", a.regime.snake())
        .num("stability", whole(f.stability))
        .num("legitimacy", whole(f.legitimacy))
        .num("loyalty", whole(f.loyalty))
        .num("insurgency", whole(f.insurgency))
        .num("proofing", whole(f.proofing));
    let mut lines = vec![
        words.say(&before, registry),
        if a.forced {
            words.t("headline-coup-forced")
        } else {
            words.t_args(
                "headline-coup-chance",
                &crate::args!["chance" => percent(words, a.attempt_chance)],
            )
        },
    ];
    let label = |t: CoupTerm, v: f64| -> &'static str {
        match (t, v > 0.0) {
            (CoupTerm::Stability, true) => "headline-term-low-stability",
            (CoupTerm::Stability, false) => "headline-term-stability",
            (CoupTerm::Legitimacy, true) => "headline-term-low-legitimacy",
            (CoupTerm::Legitimacy, false) => "headline-term-legitimacy",
            (CoupTerm::Loyalty, true) => "headline-term-disloyal-army",
            (CoupTerm::Loyalty, false) => "headline-term-loyal-army",
            (CoupTerm::Insurgency, _) => "headline-term-insurgency",
            (CoupTerm::Trap, _) => "headline-term-coup-trap",
            (CoupTerm::Regime, _) => "headline-term-military-rule",
            (CoupTerm::Proofing, _) => "headline-term-coup-proofing",
            (CoupTerm::Protection, _) => "headline-term-protection",
            (CoupTerm::Base, _) => "",
        }
    };
    let mut terms: Vec<(CoupTerm, f64)> = a
        .terms
        .iter()
        .copied()
        .filter(|(t, v)| *t != CoupTerm::Base && v.abs() >= 0.05)
        .collect();
    terms.sort_by(|x, y| y.1.abs().total_cmp(&x.1.abs()));
    let term = |(t, v): &(CoupTerm, f64)| format!("{} {}", words.t(label(*t, *v)), signed(words, *v, 1));
    let up: Vec<String> = terms.iter().filter(|(_, v)| *v > 0.0).map(term).collect();
    let down: Vec<String> = terms.iter().filter(|(_, v)| *v < 0.0).map(term).collect();
    if !up.is_empty() {
        lines.push(words.t_args("headline-coup-raised", &crate::args!["terms" => up.join(", ")]));
    }
    if !down.is_empty() {
        lines.push(words.t_args("headline-coup-lowered", &crate::args!["terms" => down.join(", ")]));
    }
    let success = percent(words, a.success_chance);
    lines.push(words.t_args(
        if a.succeeded {
            "headline-coup-succeeded"
        } else {
            "headline-coup-failed"
        },
        &crate::args!["chance" => success],
    ));
    lines
}

/// A probability for people: "4%", "under 1%" ("4 %", "moins de 1 %").
fn percent(words: &Words, p: f64) -> String {
    if p < 0.005 {
        words.t_args("headline-under", &crate::args!["share" => words.0.percent(0.01, 0)])
    } else {
        words.0.percent(p, 0)
    }
}

fn why(
    news: &News,
    ledger: &Ledger,
    registry: &Registry,
    books: &super::causes::Books,
    facts: &StateFacts,
    coups: &CoupAttempts,
) -> Vec<String> {
    let words = &books.words;
    if matches!(news.kind, NewsKind::Coup | NewsKind::CoupFailed)
        && let Some(a) = coups
            .0
            .iter()
            .rev()
            .find(|a| a.turn == news.turn && Some(a.state) == news.state)
    {
        return coup_why(a, registry, words);
    }
    let mut lines = Vec::new();
    let mut states: Vec<_> = news.state.into_iter().chain(news.members.iter().copied()).collect();
    states.sort();
    states.dedup();
    let whole = |x: f64| words.0.number(x, 0);
    for s in states.into_iter().take(4) {
        let name = words.state(registry, s);
        if let Some((_, _, row, _, regime, _)) = facts.states.iter().find(|(c, ..)| c.idx == s) {
            let v = row.values();
            lines.push(words.t_args(
                "headline-why-state",
                &crate::args![
                    "state" => name,
                    "regime" => words.term("frame-regime", regime.kind.snake()),
                    "stability" => whole(v[Indicator::Stability]),
                    "legitimacy" => whole(v[Indicator::Legitimacy]),
                    "loyalty" => whole(v[Indicator::MilitaryLoyalty]),
                    "insurgency" => whole(v[Indicator::Insurgency]),
                ],
            ));
        }
        let from = news.turn.saturating_sub(WHY_MONTHS - 1).max(1);
        let causes = ledger.breakdown_over(from..=news.turn, s, Measure::Indicator(Indicator::Stability));
        let worst: Vec<String> = causes
            .iter()
            .filter(|(_, d)| *d < -0.5)
            .take(3)
            .map(|(c, d)| {
                format!(
                    "{} {}",
                    super::causes::cause_label(*c, registry, books),
                    signed(words, *d, 1)
                )
            })
            .collect();
        if !worst.is_empty() {
            // Indented under the state's line.
            let over = words.t_args(
                "headline-why-stability",
                &crate::args!["months" => WHY_MONTHS, "causes" => worst.join(", ")],
            );
            lines.push(format!("  {over}"));
        }
    }
    lines
}

#[allow(clippy::too_many_arguments)]
pub(in crate::gui) fn draw_headline(
    mut contexts: EguiContexts,
    mut headlines: ResMut<Headlines>,
    chronicle: Res<Chronicle>,
    ledger: Res<Ledger>,
    registry: Res<Registry>,
    books: super::causes::Books,
    facts: StateFacts,
    coups: Res<CoupAttempts>,
    mut layout: ResMut<crate::gui::window::shared::UiLayout>,
    words: Res<Words>,
) -> Result {
    layout.headline.clear();
    let Some(&i) = headlines.queue.first() else {
        return Ok(());
    };
    let Some(news) = chronicle.news.get(i) else {
        headlines.queue.remove(0);
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let mut done = false;
    egui::Window::new(words.0.month(news.date))
        .id(egui::Id::new("headline"))
        // Above the windows the player opened (Charts, Decisions).
        .order(egui::Order::Foreground)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, -60.0))
        .show(ctx, |ui| {
            let said = words.news_line(i, news, &registry);
            ui.label(egui::RichText::new(&said).strong().size(16.0));
            // A turning point of the record (the history option) with
            // where a class can check it.
            let source = (news.kind == NewsKind::Announcement)
                .then(|| books.events.source_of(&news.said))
                .flatten()
                .map(|s| words.t_args("headline-source", &crate::args!["source" => s]));
            if let Some(s) = &source {
                ui.label(egui::RichText::new(s).italics());
            }
            let lines = why(news, &ledger, &registry, &books, &facts, &coups);
            layout.headline = std::iter::once(said.clone())
                .chain(source.iter().cloned())
                .chain(lines.iter().cloned())
                .collect();
            if !lines.is_empty() {
                ui.add_space(6.0);
                ui.label(words.t("headline-what-led-here"));
                for l in lines {
                    ui.label(l);
                }
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let keys = ui.input(|i| {
                    i.key_pressed(egui::Key::Escape)
                        || i.key_pressed(egui::Key::Enter)
                        || i.key_pressed(egui::Key::Space)
                });
                if ui.button(words.t("headline-ok")).clicked() || keys {
                    done = true;
                }
                let more = headlines.queue.len() - 1;
                if more > 0 {
                    ui.small(words.t_args("headline-more", &crate::args!["count" => more]));
                }
            });
        });
    if done {
        headlines.queue.remove(0);
    }
    Ok(())
}
