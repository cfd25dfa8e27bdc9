//! Headlines: the turning points of a turn (a coup, a bloc formed, a
//! withdrawal, forces expelled, a goal decided) shown one by one in a
//! dialog the player acknowledges before the next turn, with what led to
//! them from the cause ledger.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use crate::gui::window::shared::StateFacts;
use crate::scenario::format::Indicator;
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

fn collect_headlines(chronicle: Res<Chronicle>, mut headlines: ResMut<Headlines>) {
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

fn why(
    news: &News,
    ledger: &Ledger,
    registry: &Registry,
    books: &super::causes::Books,
    facts: &StateFacts,
) -> Vec<String> {
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

pub(in crate::gui) fn draw_headline(
    mut contexts: EguiContexts,
    mut headlines: ResMut<Headlines>,
    chronicle: Res<Chronicle>,
    ledger: Res<Ledger>,
    registry: Res<Registry>,
    books: super::causes::Books,
    facts: StateFacts,
) -> Result {
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
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, -60.0))
        .show(ctx, |ui| {
            ui.label(egui::RichText::new(&news.text).strong().size(16.0));
            let lines = why(news, &ledger, &registry, &books, &facts);
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
