//! "What happens next?" in the window (Futures button or F): many futures
//! from the present moment, run in the background with a progress bar,
//! optionally with one thing changed; per state the probability of a coup,
//! of new blocs and of losing ground, side by side, and fan charts. The
//! comparison exports to CSV and JSON for the classroom.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, egui};
use egui_plot::{Line, LineStyle, Plot, PlotPoints};

use crate::futures::{self, Comparison, FuturesReport, FuturesSpec};
use crate::gui::window::shared::Current;
use crate::gui::window::words::Words;
use crate::scenario::format::Indicator;

pub(in crate::gui) fn plugin(app: &mut App) {
    app.init_resource::<FuturesWindow>()
        .add_systems(
            Update,
            (toggle_with_key, start_job, export_comparison, wake_while_running),
        )
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            draw_futures
                .run_if(crate::gui::screens::screen::game_shown)
                .in_set(crate::gui::window::phases::UiPhase::Windows),
        );
}

/// The progress bar moves, and the result shows, while the window would
/// otherwise sleep: ten frames a second while futures run, and none after,
/// whether the window is open or not.
fn wake_while_running(mut window: ResMut<FuturesWindow>, mut wake: ResMut<crate::gui::window::redraw::Wake>) {
    // A finished job hands over its result.
    let finished = window
        .job
        .as_ref()
        .and_then(|job| job.result.lock().ok().and_then(|mut r| r.take()));
    if let Some(outcome) = finished {
        window.job = None;
        match outcome {
            Ok(r) => window.result = Some(r),
            Err(e) => window.message = Some(e),
        }
        wake.now();
    }
    if window.job.is_some() {
        wake.within(std::time::Duration::from_millis(100));
    }
}

type Outcome = Result<(FuturesReport, Option<FuturesReport>), String>;

/// A run of futures in a background thread.
struct Job {
    done: Arc<AtomicU64>,
    total: u64,
    result: Arc<Mutex<Option<Outcome>>>,
}

#[derive(Resource)]
pub struct FuturesWindow {
    pub open: bool,
    runs: u64,
    months: u32,
    change: String,
    start: bool,
    export: bool,
    job: Option<Job>,
    result: Option<(FuturesReport, Option<FuturesReport>)>,
    message: Option<String>,
    /// The state and indicator of the fan chart.
    state: Option<String>,
    indicator: usize,
    /// The change picked from lists (written into `change`).
    picker: super::change_picker::ChangePicker,
    /// Which probability the comparison table shows.
    measure: usize,
}

impl Default for FuturesWindow {
    fn default() -> Self {
        Self {
            open: false,
            runs: 200,
            months: 24,
            change: String::new(),
            start: false,
            export: false,
            job: None,
            result: None,
            message: None,
            state: None,
            indicator: 0,
            picker: Default::default(),
            measure: 0,
        }
    }
}

fn toggle_with_key(keys: Res<ButtonInput<KeyCode>>, wants: Res<EguiWantsInput>, mut window: ResMut<FuturesWindow>) {
    if keys.just_pressed(KeyCode::KeyF) && !wants.wants_any_keyboard_input() {
        window.open = !window.open;
    }
}

/// Saves the present moment and starts the futures in the background.
fn start_job(world: &mut World) {
    if !std::mem::take(&mut world.resource_mut::<FuturesWindow>().start) {
        return;
    }
    let (runs, months, change_text) = {
        let w = world.resource::<FuturesWindow>();
        (w.runs, w.months, w.change.trim().to_string())
    };
    let change = if change_text.is_empty() {
        None
    } else {
        // Read and checked against this game here, to be said in the
        // player's words.
        let parsed = futures::parse_change(&change_text).and_then(|c| {
            let reg = world.resource::<crate::sim::world::registry::Registry>();
            futures::check_change(&c, reg).map(|()| c)
        });
        match parsed {
            Ok(c) => Some(c),
            Err(e) => {
                let message = e.said_in(&world.resource::<crate::gui::window::words::Words>().0);
                world.resource_mut::<FuturesWindow>().message = Some(message);
                return;
            }
        }
    };
    let scenario = world.resource::<Current>().0.clone();
    let digest = crate::report::digest_world(world);
    let file = crate::save::capture(world, &scenario, digest);
    let sets = if change.is_some() { 2 } else { 1 };
    let done = Arc::new(AtomicU64::new(0));
    let result = Arc::new(Mutex::new(None));
    let (d, r) = (done.clone(), result.clone());
    let spec = FuturesSpec {
        runs,
        months,
        seed: file.seed,
        change: None,
        // Every core, at a lower priority: the futures take what the
        // window leaves.
        threads: 0,
        background: true,
    };
    std::thread::spawn(move || {
        // Replaying the save and writing the report yield to the window too.
        futures::yield_to_foreground();
        let progress = |n: u64| d.store(n, Ordering::Relaxed);
        let base = futures::run(&file, &spec, &progress);
        let outcome = base.and_then(|base| match change {
            Some(c) => {
                let spec = FuturesSpec {
                    change: Some(c),
                    ..spec.clone()
                };
                let after = |n: u64| d.store(runs + n, Ordering::Relaxed);
                futures::run(&file, &spec, &after).map(|changed| (base, Some(changed)))
            }
            None => Ok((base, None)),
        });
        if let Ok(mut slot) = r.lock() {
            *slot = Some(outcome);
        }
    });
    let mut w = world.resource_mut::<FuturesWindow>();
    w.message = None;
    w.job = Some(Job {
        done,
        total: runs * sets,
        result,
    });
}

fn export_comparison(mut window: ResMut<FuturesWindow>, words: Res<Words>) {
    if !std::mem::take(&mut window.export) {
        return;
    }
    let Some((base, changed)) = window.result.clone() else {
        return;
    };
    let comparison = Comparison {
        changed: changed.unwrap_or_else(|| base.clone()),
        base,
    };
    let dir = std::env::var_os("HARMATTAN_EXPORT_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| "exports".into());
    let stem = format!("futures-{}", comparison.base.from);
    let csv = dir.join(format!("{stem}.csv"));
    let json = dir.join(format!("{stem}.json"));
    let written = crate::export::write_csv(&csv, &futures::csv_rows(&comparison)).and_then(|_| {
        let text = serde_json::to_string_pretty(&comparison).map_err(|e| e.to_string())?;
        crate::export::write_text(&json, &text)
    });
    window.message = Some(match written {
        Ok(()) => words.t_args(
            "futures-exported",
            &crate::args!["csv" => csv.display().to_string(), "json" => json.display().to_string()],
        ),
        Err(e) => e,
    });
}

/// What the futures window shows, for the interface report.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct FuturesSummary {
    pub open: bool,
    /// Share of the futures run so far, while they run.
    pub progress: Option<f32>,
    /// The change compared, if any.
    pub change: Option<String>,
    /// What the change box holds now (tests type into it and check).
    pub typed: String,
    /// Per state: id, P(coup) without and with the change.
    pub rows: Vec<(String, f64, Option<f64>)>,
    /// Per state: what the record says befell it over the futures' months
    /// (empty where the scenario has no record of them).
    pub record: Vec<(String, String)>,
    pub message: Option<String>,
}

impl FuturesWindow {
    pub fn summary(&self) -> FuturesSummary {
        FuturesSummary {
            open: self.open,
            progress: self
                .job
                .as_ref()
                .map(|j| j.done.load(Ordering::Relaxed) as f32 / j.total.max(1) as f32),
            change: self.result.as_ref().and_then(|(_, c)| c.as_ref()?.change.clone()),
            typed: self.change.clone(),
            rows: self
                .result
                .as_ref()
                .map(|(base, changed)| {
                    base.states
                        .iter()
                        .enumerate()
                        .map(|(k, s)| {
                            let with = changed.as_ref().and_then(|c| c.states.get(k)).map(|c| c.p_coup);
                            (s.id.clone(), s.p_coup, with)
                        })
                        .collect()
                })
                .unwrap_or_default(),
            record: self
                .result
                .as_ref()
                .map(|(base, _)| base.what_happened.clone())
                .unwrap_or_default(),
            message: self.message.clone(),
        }
    }
}

fn pct(words: &Words, x: f64) -> String {
    words.0.percent(x, 0)
}

/// A share with its 95 % interval: "12% (9–16)".
fn pct_interval(words: &Words, p: f64, n: u64) -> String {
    let (lo, hi) = futures::wilson(p, n);
    words.t_args(
        "futures-share-interval",
        &crate::args![
            "share" => pct(words, p),
            "low" => words.0.number(lo * 100.0, 0),
            "high" => words.0.number(hi * 100.0, 0),
        ],
    )
}

/// A difference in percentage points with its sign ("+3", "-12").
fn signed_points(x: f64) -> String {
    format!("{:+.0}", x * 100.0)
}

/// A probability the table shows: the message naming it, and how to read
/// it.
type Share = (&'static str, fn(&futures::StateFuture) -> f64);

const MEASURES: [Share; 3] = [
    ("futures-measure-coup", |s| s.p_coup),
    ("futures-measure-bloc", |s| s.p_bloc_change),
    ("futures-measure-ground", |s| s.p_territory_loss),
];

pub(in crate::gui) fn draw_futures(
    mut contexts: EguiContexts,
    mut window: ResMut<FuturesWindow>,
    mut layout: ResMut<crate::gui::window::shared::UiLayout>,
    registry: Res<crate::sim::world::registry::Registry>,
    course: Res<crate::sim::world::course::Course>,
    words: Res<Words>,
) -> Result {
    layout.futures_controls.clear();
    if !window.open {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let k = ctx.zoom_factor();
    let px = |r: egui::Rect| [r.min.x * k, r.min.y * k, r.width() * k, r.height() * k];
    let controls = &mut layout.futures_controls;
    let mut open = true;
    let w = &mut *window;
    let words = &*words;
    // A state's name in the player's language (the report's is the
    // scenario's).
    let state_name = |id: &str, written: &str| {
        registry
            .state(id)
            .map(|s| words.state(&registry, s))
            .unwrap_or_else(|| written.to_string())
    };
    super::raise_when_opened(ctx, "What happens next?");
    egui::Window::new(words.t("futures-title"))
        .id(egui::Id::new("What happens next?"))
        .open(&mut open)
        .default_size(egui::vec2(600.0, 520.0))
        .default_pos(egui::pos2(120.0, 50.0))
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.label(words.t("futures-runs-label"));
                ui.add(egui::DragValue::new(&mut w.runs).range(20..=5000));
                ui.label(words.t("futures-months-label"));
                ui.add(egui::DragValue::new(&mut w.months).range(1..=120));
            });
            ui.label(words.t("futures-change-intro"));
            if let Some(typed) = w.picker.ui(ui, &registry, words) {
                w.change = typed;
            }
            ui.horizontal(|ui| {
                ui.label(words.t("futures-change-label"));
                let field = ui.add(
                    egui::TextEdit::singleline(&mut w.change)
                        .hint_text("LiftSanctions(bloc: \"ECOWAS\", state: \"NER\")") // i18n: not words, a change in the scenario format
                        .desired_width(360.0),
                );
                controls.push(("change".into(), px(field.rect)));
            });
            ui.horizontal(|ui| {
                let running = w.job.is_some();
                let run = ui.add_enabled(!running, egui::Button::new(words.t("futures-run-button")));
                controls.push(("run".into(), px(run.rect)));
                if run.clicked() {
                    w.start = true;
                }
                let export = ui.add_enabled(
                    w.result.is_some() && !running,
                    egui::Button::new(words.t("futures-export-button")),
                );
                controls.push(("export".into(), px(export.rect)));
                if export.clicked() {
                    w.export = true;
                }
                if let Some(job) = &w.job {
                    let done = job.done.load(Ordering::Relaxed) as f32 / job.total.max(1) as f32;
                    ui.add(egui::ProgressBar::new(done).show_percentage().desired_width(200.0));
                }
            });
            if let Some(m) = &w.message {
                ui.colored_label(egui::Color32::from_rgb(210, 130, 80), m);
            }
            if course.until.is_some() {
                // The history option: say what the comparison is.
                ui.small(words.t("futures-history-note"));
            }
            let Some((base, changed)) = w.result.clone() else {
                ui.small(words.t("futures-computer-run"));
                return;
            };
            ui.separator();
            // The month they start from, as the language writes it.
            let from = crate::scenario::YearMonth::parse(&base.from)
                .map(|m| words.0.month(m))
                .unwrap_or_else(|_| base.from.clone());
            let runs = i64::try_from(base.runs).unwrap_or(i64::MAX);
            ui.label(match changed.as_ref().and_then(|c| c.change.clone()) {
                Some(change) => words.t_args(
                    "futures-summary-with-change",
                    &crate::args!["runs" => runs, "months" => base.months, "from" => from, "change" => change],
                ),
                None => words.t_args(
                    "futures-summary",
                    &crate::args!["runs" => runs, "months" => base.months, "from" => from],
                ),
            });
            // What really happened over the same months, where the
            // scenario has a record of them: the class sets the futures
            // beside it.
            let record = |id: &str| -> Option<String> {
                base.befell
                    .iter()
                    .find(|(s, _)| s == id)
                    .map(|(_, list)| crate::futures::befell_text(&words.0, list))
            };
            let on_record = !base.what_happened.is_empty();
            let mut order: Vec<usize> = (0..base.states.len()).collect();
            order.sort_by(|a, b| base.states[*b].p_coup.total_cmp(&base.states[*a].p_coup));
            let first = base.states[order[0]].id.clone();
            // Columns of a fixed least width, so that they never overlap
            // while a window that sleeps waits to lay them out again.
            let col = 120.0;
            egui::ScrollArea::vertical()
                .max_height(200.0)
                .show(ui, |ui| match &changed {
                    None => {
                        egui::Grid::new("futures_table")
                            .striped(true)
                            .min_col_width(col)
                            .show(ui, |ui| {
                                ui.strong(words.t("futures-col-state"));
                                for h in ["futures-col-p-coup", "futures-col-p-bloc", "futures-col-p-ground"] {
                                    ui.strong(words.t(h))
                                        .on_hover_text(words.t("futures-col-interval-hover"));
                                }
                                if on_record {
                                    ui.strong(words.t("futures-col-record"))
                                        .on_hover_text(words.t("futures-col-record-hover"));
                                }
                                ui.end_row();
                                for &k in &order {
                                    let a = &base.states[k];
                                    let chosen = w.state.as_deref() == Some(a.id.as_str());
                                    if ui.selectable_label(chosen, state_name(&a.id, &a.name)).clicked() {
                                        w.state = Some(a.id.clone());
                                    }
                                    for (_, of) in MEASURES {
                                        ui.label(pct_interval(words, of(a), base.runs));
                                    }
                                    if let Some(said) = record(&a.id) {
                                        ui.label(said);
                                    }
                                    ui.end_row();
                                }
                            });
                    }
                    Some(c) => {
                        ui.horizontal(|ui| {
                            ui.label(words.t("futures-chance-of"));
                            for (m, (name, _)) in MEASURES.iter().enumerate() {
                                ui.selectable_value(&mut w.measure, m, words.t(name));
                            }
                        });
                        let of = MEASURES[w.measure.min(MEASURES.len() - 1)].1;
                        egui::Grid::new("futures_comparison")
                            .striped(true)
                            .min_col_width(col)
                            .show(ui, |ui| {
                                for h in [
                                    "futures-col-state",
                                    "futures-col-without",
                                    "futures-col-with",
                                    "futures-col-difference",
                                ] {
                                    ui.strong(words.t(h));
                                }
                                ui.end_row();
                                for (row, &k) in order.iter().enumerate() {
                                    let (a, b) = (&base.states[k], &c.states[k]);
                                    let chosen = w.state.as_deref() == Some(a.id.as_str());
                                    let name = ui.selectable_label(chosen, state_name(&a.id, &a.name));
                                    if name.clicked() {
                                        w.state = Some(a.id.clone());
                                    }
                                    let without = ui.label(pct(words, of(a)));
                                    let with = ui.label(pct(words, of(b)));
                                    let (d, lo, hi) = futures::difference(of(a), base.runs, of(b), c.runs);
                                    let text = words.t_args(
                                        "futures-difference",
                                        &crate::args![
                                            "difference" => signed_points(d),
                                            "low" => signed_points(lo),
                                            "high" => signed_points(hi),
                                        ],
                                    );
                                    // An interval that holds 0 does not tell
                                    // the change from chance.
                                    let diff = if lo > 0.0 || hi < 0.0 {
                                        ui.strong(text)
                                    } else {
                                        ui.weak(text).on_hover_text(words.t("futures-within-chance"))
                                    };
                                    // Where each cell's text lies, for the test
                                    // that no two overlap.
                                    for (col, cell) in [name, without, with, diff].iter().enumerate() {
                                        controls.push((format!("cell:{row}:{col}"), px(cell.rect)));
                                    }
                                    ui.end_row();
                                }
                            });
                        ui.small(words.t("futures-difference-key"));
                    }
                });
            // The state most at risk until the teacher picks another.
            let id = w.state.clone().unwrap_or(first);
            ui.horizontal(|ui| {
                let name = base
                    .states
                    .iter()
                    .find(|s| s.id == id)
                    .map_or_else(|| state_name(&id, &id), |s| state_name(&s.id, &s.name));
                ui.label(words.t_args("futures-fan-of", &crate::args!["state" => name]));
                for (j, f) in base.states[0].fans.iter().enumerate() {
                    let label = Indicator::ALL
                        .iter()
                        .find(|i| i.snake() == f.indicator)
                        .map_or_else(|| f.indicator.replace('_', " "), |i| words.indicator(*i));
                    ui.selectable_value(&mut w.indicator, j, label);
                }
            });
            let fan_of = |r: &FuturesReport| {
                r.states
                    .iter()
                    .find(|s| s.id == id)
                    .and_then(|s| s.fans.get(w.indicator))
                    .cloned()
            };
            let (base_fan, changed_fan) = (fan_of(&base), changed.as_ref().and_then(fan_of));
            // The key above the chart, not on it: a legend inside would
            // cover the lines it names.
            let (blue, orange) = (
                egui::Color32::from_rgb(90, 140, 210),
                egui::Color32::from_rgb(220, 120, 70),
            );
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(blue, words.t("futures-key-without"));
                if changed_fan.is_some() {
                    ui.colored_label(orange, words.t("futures-key-with"));
                }
            });
            Plot::new("fan")
                .height(200.0)
                .y_axis_min_width(36.0)
                .x_axis_label(words.t("futures-axis-months"))
                .show(ui, |plot| {
                    // Each line's name, with or without the change.
                    let names = |with: &str| {
                        (
                            words.t_args("futures-line-median", &crate::args!["with" => with]),
                            words.t_args("futures-line-band", &crate::args!["with" => with]),
                        )
                    };
                    let mut draw = |fan: &futures::Fan, with: &str, colour: egui::Color32, dashed: bool| {
                        let (median, band) = names(with);
                        let series = |f: &dyn Fn(&futures::Band) -> f64| -> PlotPoints {
                            fan.months
                                .iter()
                                .enumerate()
                                .map(|(m, b)| [m as f64 + 1.0, f(b)])
                                .collect::<Vec<_>>()
                                .into()
                        };
                        let style = if dashed {
                            LineStyle::dashed_loose()
                        } else {
                            LineStyle::Solid
                        };
                        plot.line(
                            Line::new(median, series(&|b| b.p50))
                                .color(colour)
                                .width(2.0)
                                .style(style),
                        );
                        plot.line(
                            Line::new(band.clone(), series(&|b| b.p10))
                                .color(colour.gamma_multiply(0.5))
                                .style(style),
                        );
                        plot.line(
                            Line::new(band, series(&|b| b.p90))
                                .color(colour.gamma_multiply(0.5))
                                .style(style),
                        );
                    };
                    if let Some(f) = &base_fan {
                        draw(f, "without", blue, false);
                    }
                    if let Some(f) = &changed_fan {
                        draw(f, "with", orange, true);
                    }
                });
        });
    window.open = open;
    Ok(())
}
