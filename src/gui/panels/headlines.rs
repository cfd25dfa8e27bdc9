//! Headlines: the turning points of a turn (a coup, a bloc formed, a
//! withdrawal, forces expelled, a goal decided) shown one by one in a
//! dialog the player acknowledges before the next turn, with what led to
//! them from the cause ledger.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use crate::gui::window::shared::StateFacts;
use crate::scenario::format::{Indicator, RegimeKind};
use crate::sim::mechanisms::coups::{CoupAttempt, CoupAttempts, CoupTerm};
use crate::sim::world::chronicle::{Chronicle, News, NewsKind};
use crate::sim::world::ledger::{Ledger, Measure};
use crate::sim::world::registry::Registry;

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
fn coup_why(a: &CoupAttempt, registry: &Registry) -> Vec<String> {
    let f = &a.factors;
    let regime = match a.regime {
        RegimeKind::Civilian => "an elected government",
        RegimeKind::MilitaryJunta => "a military junta",
        RegimeKind::Transitional => "a transitional government",
    };
    let mut lines = vec![
        format!(
            "Before the attempt: {} under {} ({regime}): stability {:.0}, legitimacy {:.0}, army loyalty {:.0}, insurgency {:.0}, coup-proofing {:.0}.",
            registry.state_name(a.state),
            a.leader,
            f.stability,
            f.legitimacy,
            f.loyalty,
            f.insurgency,
            f.proofing
        ),
        if a.forced {
            "The attempt was set by the scenario's history.".to_string()
        } else {
            format!("Chance of an attempt that month: {}.", percent(a.attempt_chance))
        },
    ];
    let label = |t: CoupTerm, v: f64| -> &'static str {
        match (t, v > 0.0) {
            (CoupTerm::Stability, true) => "low stability",
            (CoupTerm::Stability, false) => "stability",
            (CoupTerm::Legitimacy, true) => "low legitimacy",
            (CoupTerm::Legitimacy, false) => "legitimacy",
            (CoupTerm::Loyalty, true) => "a disloyal army",
            (CoupTerm::Loyalty, false) => "a loyal army",
            (CoupTerm::Insurgency, _) => "insurgency",
            (CoupTerm::Trap, _) => "a recent coup attempt (the coup trap)",
            (CoupTerm::Regime, _) => "rule by soldiers",
            (CoupTerm::Proofing, _) => "coup-proofing",
            (CoupTerm::Protection, _) => "foreign forces guarding the government",
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
    let up: Vec<String> = terms
        .iter()
        .filter(|(_, v)| *v > 0.0)
        .map(|(t, v)| format!("{} +{v:.1}", label(*t, *v)))
        .collect();
    let down: Vec<String> = terms
        .iter()
        .filter(|(_, v)| *v < 0.0)
        .map(|(t, v)| format!("{} {v:.1}", label(*t, *v)))
        .collect();
    if !up.is_empty() {
        lines.push(format!("What raised the odds (log-odds): {}.", up.join(", ")));
    }
    if !down.is_empty() {
        lines.push(format!("What lowered them: {}.", down.join(", ")));
    }
    lines.push(format!(
        "Chance that an attempt succeeds: {}; it {}.",
        percent(a.success_chance),
        if a.succeeded { "did" } else { "failed" }
    ));
    lines
}

/// A probability for people: "4 %", "under 1 %".
fn percent(p: f64) -> String {
    if p < 0.005 {
        "under 1 %".into()
    } else {
        format!("{:.0} %", p * 100.0)
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
    if matches!(news.kind, NewsKind::Coup | NewsKind::CoupFailed)
        && let Some(a) = coups
            .0
            .iter()
            .rev()
            .find(|a| a.turn == news.turn && Some(a.state) == news.state)
    {
        return coup_why(a, registry);
    }
    let mut lines = Vec::new();
    let mut states: Vec<_> = news.state.into_iter().chain(news.members.iter().copied()).collect();
    states.sort();
    states.dedup();
    for s in states.into_iter().take(4) {
        let name = registry.state_name(s);
        if let Some((_, _, row, _, regime, _)) = facts.states.iter().find(|(c, ..)| c.idx == s) {
            let v = row.values();
            lines.push(format!(
                "{name}: {} · stability {:.0}, legitimacy {:.0}, army loyalty {:.0}, insurgency {:.0}",
                regime.kind.snake().replace('_', " "),
                v[Indicator::Stability],
                v[Indicator::Legitimacy],
                v[Indicator::MilitaryLoyalty],
                v[Indicator::Insurgency]
            ));
        }
        let from = news.turn.saturating_sub(WHY_MONTHS - 1).max(1);
        let causes = ledger.breakdown_over(from..=news.turn, s, Measure::Indicator(Indicator::Stability));
        let worst: Vec<String> = causes
            .iter()
            .filter(|(_, d)| *d < -0.5)
            .take(3)
            .map(|(c, d)| format!("{} {d:+.1}", super::causes::cause_label(*c, registry, books)))
            .collect();
        if !worst.is_empty() {
            lines.push(format!("  stability over {WHY_MONTHS} months: {}", worst.join(", ")));
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
    words: Res<crate::gui::window::words::Words>,
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
    egui::Window::new(news.date.long())
        .id(egui::Id::new("headline"))
        // Above the windows the player opened (Charts, Decisions).
        .order(egui::Order::Foreground)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, -60.0))
        .show(ctx, |ui| {
            let said = words.0.news(news, &registry);
            ui.label(egui::RichText::new(&said).strong().size(16.0));
            // A turning point of the record (the history option) with
            // where a class can check it.
            let source = (news.kind == NewsKind::Announcement)
                .then(|| books.events.source_of(&news.said))
                .flatten()
                .map(|s| format!("On the record: {s}"));
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
                ui.label("What led here:");
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
                if ui.button("OK").clicked() || keys {
                    done = true;
                }
                let more = headlines.queue.len() - 1;
                if more > 0 {
                    ui.small(format!("{more} more"));
                }
            });
        });
    if done {
        headlines.queue.remove(0);
    }
    Ok(())
}
