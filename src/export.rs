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
use crate::sim::mechanisms::decisions::{DecisionLog, target_code, who_code};
use crate::sim::world::history::{History, Snapshot};
use crate::sim::world::registry::Registry;

/// One row per state and month: date, turn, state, then every indicator.
/// A row's month is the one it opens: turn 0 is the state of things at the
/// scenario's first month, and the last row follows the last month played
/// (a report's `end`).
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
            let s = crate::sim::world::components::StateIdx(k as u16);
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

/// Writes an output file so that nothing is clobbered by a failure and
/// nothing special is replaced: a symbolic link is followed to what it
/// names; a device or a pipe (`/dev/stdout`, `/dev/full`, a FIFO) is
/// written in place, never replaced by a regular file; anything else is
/// written to a temporary file of a name no other file can have, in the
/// same folder, and renamed over the destination only once complete (the
/// temporary file is removed if anything fails).
pub fn write_with(
    path: &Path,
    write: impl FnOnce(&mut (dyn std::io::Write + Send)) -> std::io::Result<()>,
) -> Result<(), String> {
    use std::io::Write as _;
    let fail = |e: &dyn std::fmt::Display| format!("cannot write {}: {e}", path.display());
    // What a link points at, deliberately: the file the user named.
    let mut target = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&target) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&target).map_err(|e| fail(&e))?;
                target = match target.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => break,
        }
    }
    if let Ok(meta) = std::fs::metadata(&target) {
        if meta.is_dir() {
            return Err(fail(&"it is a folder"));
        }
        if !meta.is_file() {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(|e| fail(&e))?;
            return write(&mut f).and_then(|_| f.flush()).map_err(|e| fail(&e));
        }
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A fresh name, tried again only if one by that name exists already.
    let mut made = None;
    for k in 0u32..1000 {
        let tmp = dir.join(format!(".{name}.{}-{k}.tmp", std::process::id()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => {
                made = Some((tmp, f));
                break;
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(fail(&e)),
        }
    }
    let (tmp, mut file) = made.ok_or_else(|| fail(&"no temporary file could be made beside it"))?;
    let result = (|| -> std::io::Result<()> {
        let mut w = std::io::BufWriter::new(&mut file);
        write(&mut w)?;
        w.flush()?;
        drop(w);
        file.sync_all()?;
        std::fs::rename(&tmp, &target)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(&e)
    })
}

pub fn write_csv(path: &Path, rows: &[Vec<String>]) -> Result<(), String> {
    write_with(path, |out| {
        let mut w = csv::Writer::from_writer(out);
        for r in rows {
            w.write_record(r)?;
        }
        w.flush()
    })
}

pub fn write_text(path: &Path, text: &str) -> Result<(), String> {
    write_with(path, |out| out.write_all(text.as_bytes()))
}

/// Writes `<dir>/<stem>-history.csv` and `<dir>/<stem>.json`; the paths.
pub fn export_game(world: &World, dir: &Path, stem: &str) -> Result<(PathBuf, PathBuf), String> {
    let csv = dir.join(format!("{stem}-history.csv"));
    let json = dir.join(format!("{stem}.json"));
    write_csv(&csv, &history_rows(world))?;
    write_text(&json, &game_json(world)?)?;
    Ok((csv, json))
}
