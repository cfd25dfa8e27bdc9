//! The chronicle: dated news of everything notable that happened, for the
//! news feed, the reports and the statistics of batch runs.

use bevy::prelude::*;
use serde::Serialize;

use crate::scenario::YearMonth;
use crate::sim::world::components::{BlocIdx, PowerIdx, StateIdx};
use crate::sim::world::said::Said;

/// The kinds of news. Their snake_case names are part of the JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NewsKind {
    Coup,
    CoupFailed,
    BlocFormed,
    BlocJoined,
    BlocDeepened,
    BlocDissolved,
    WithdrawalAnnounced,
    BlocLeft,
    Suspended,
    Reinstated,
    SanctionsImposed,
    SanctionsLifted,
    InterventionThreatened,
    PartnershipProposed,
    PartnershipAdvanced,
    PartnershipSigned,
    PartnershipInForce,
    PartnershipSuspended,
    PartnershipEnded,
    ForcesExpelled,
    ProjectCompleted,
    LeaderChanged,
    /// A junta hands power to an elected government.
    CivilianRule,
    /// An insurgency is settled, defeated or exhausted and recedes.
    InsurgencyRecedes,
    GrainExportsBanned,
    GrainExportsResumed,
    GoalReached,
    GoalFailed,
    /// A government's or a power's decision from the catalogue.
    Decision,
    /// A state mediates between two others.
    Mediation,
    /// An offer put to a human-played state, waiting for its answer.
    Offer,
    /// A scripted event the scenario shows the player in a dialog.
    Announcement,
    Scripted,
}

impl NewsKind {
    pub fn snake(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// Whether the news is a turning point worth a headline in reports.
    pub fn is_major(self) -> bool {
        !matches!(
            self,
            NewsKind::PartnershipProposed
                | NewsKind::PartnershipAdvanced
                | NewsKind::GrainExportsResumed
                | NewsKind::Decision
                | NewsKind::Mediation
                | NewsKind::Offer
        )
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct News {
    /// The turn that produced it (1-based).
    pub turn: u32,
    pub date: YearMonth,
    pub kind: NewsKind,
    pub state: Option<StateIdx>,
    pub power: Option<PowerIdx>,
    pub bloc: Option<BlocIdx>,
    /// For bloc news: the states concerned (the founders of a new bloc).
    pub members: Vec<StateIdx>,
    /// What it says, for the front ends to put into words.
    pub said: Said,
}

#[derive(Debug, Clone, Resource)]
pub struct Chronicle {
    pub news: Vec<News>,
    /// Whether news keeps every detail of what it says: for play and
    /// reports; batch runs keep the facts of each item (kind, who, when)
    /// and skip the details where gathering them is dear.
    pub texts: bool,
}

impl Default for Chronicle {
    fn default() -> Self {
        Self {
            news: Vec::new(),
            texts: true,
        }
    }
}

impl Chronicle {
    pub fn news_of_turn(&self, turn: u32) -> impl Iterator<Item = &News> {
        self.news.iter().filter(move |n| n.turn == turn)
    }

    pub fn count(&self, kind: NewsKind, state: StateIdx) -> usize {
        self.news
            .iter()
            .filter(|n| n.kind == kind && n.state == Some(state))
            .count()
    }
}

/// Builder for one news item, so that mechanisms write one line each.
pub struct NewsBuilder {
    news: News,
}

impl NewsBuilder {
    pub fn new(turn: u32, date: YearMonth, kind: NewsKind, said: Said) -> Self {
        Self {
            news: News {
                turn,
                date,
                kind,
                state: None,
                power: None,
                bloc: None,
                members: Vec::new(),
                said,
            },
        }
    }
    pub fn state(mut self, s: StateIdx) -> Self {
        self.news.state = Some(s);
        self
    }
    pub fn power(mut self, p: PowerIdx) -> Self {
        self.news.power = Some(p);
        self
    }
    pub fn bloc(mut self, b: BlocIdx) -> Self {
        self.news.bloc = Some(b);
        self
    }
    pub fn members(mut self, m: Vec<StateIdx>) -> Self {
        self.news.members = m;
        self
    }
    pub fn post(self, chronicle: &mut Chronicle) {
        chronicle.news.push(self.news);
    }
}
