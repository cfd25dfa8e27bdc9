//! Exports of a game for the classroom: its history month by month (every
//! indicator of every state) as CSV, and the whole game (final report,
//! history, news, goals, decisions taken with their reasons) as JSON.
//! Written beside the destination and renamed, so a failure never leaves a
//! half-written file.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use serde::Serialize;

use crate::report::{self, RunReport};
use crate::scenario::format::Indicator;
use crate::sim::decisions::{DecisionLog, target_code, who_code};
use crate::sim::history::{History, Snapshot};
use crate::sim::registry::Registry;

/// One row per state and month: date, turn, state, then every indicator.
pub fn history_rows(world: &World) -> Vec<Vec<String>> {
    let reg = world.resource::<Registry>();
    let mut header: Vec<String> = ["turn", "month", "state", "name", "regime"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    header.extend(Indicator::ALL.iter().map(|i| i.snake().to_string()));
    let mut rows = vec![header];
    for snap in &world.resource::<History>().snapshots {
        for (k, st) in snap.states.iter().enumerate() {
            let s = crate::sim::components::StateIdx(k as u16);
            let mut row = vec![
                snap.turn.to_string(),
                snap.date.to_string(),
                reg.state_code(s).to_string(),
                reg.state_name(s).to_string(),
                st.regime.snake().to_string(),
            ];
            row.extend(Indicator::ALL.iter().map(|i| format!("{:.3}", st.get(*i))));
            rows.push(row);
        }
    }
    rows
}

#[derive(Serialize)]
struct DecisionRecord {
    turn: u32,
    /// The state or power that decided.
    by: String,
    decision: String,
    target: Option<String>,
    by_player: bool,
    reasons: Vec<(String, f64)>,
}

#[derive(Serialize)]
struct GameExport<'a> {
    report: RunReport,
    history: &'a [Snapshot],
    decisions: Vec<DecisionRecord>,
}

/// The whole game as one JSON document.
pub fn game_json(world: &World) -> Result<String, String> {
    let reg = world.resource::<Registry>();
    let decisions = world
        .get_resource::<DecisionLog>()
        .map(|log| {
            log.0
                .iter()
                .map(|t| DecisionRecord {
                    turn: t.turn,
                    by: who_code(reg, t.by),
                    decision: t.decision.clone(),
                    target: t.target.map(|x| target_code(reg, x)),
                    by_player: t.by_player,
                    reasons: t.reasons.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    let doc = GameExport {
        report: report::build_world(world),
        history: &world.resource::<History>().snapshots,
        decisions,
    };
    serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())
}

fn write_atomically(path: &Path, write: impl FnOnce(&Path) -> Result<(), String>) -> Result<(), String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let tmp = path.with_extension("part");
    write(&tmp).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

pub fn write_csv(path: &Path, rows: &[Vec<String>]) -> Result<(), String> {
    write_atomically(path, |tmp| {
        let mut w = csv::Writer::from_path(tmp).map_err(|e| e.to_string())?;
        for r in rows {
            w.write_record(r).map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())
    })
}

pub fn write_text(path: &Path, text: &str) -> Result<(), String> {
    write_atomically(path, |tmp| std::fs::write(tmp, text).map_err(|e| e.to_string()))
}

/// Writes `<dir>/<stem>-history.csv` and `<dir>/<stem>.json`; the paths.
pub fn export_game(world: &World, dir: &Path, stem: &str) -> Result<(PathBuf, PathBuf), String> {
    let csv = dir.join(format!("{stem}-history.csv"));
    let json = dir.join(format!("{stem}.json"));
    write_csv(&csv, &history_rows(world))?;
    write_text(&json, &game_json(world)?)?;
    Ok((csv, json))
}
