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
        match futures::parse_change(&change_text) {
            Ok(c) => Some(c),
            Err(e) => {
                world.resource_mut::<FuturesWindow>().message = Some(e);
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

fn export_comparison(mut window: ResMut<FuturesWindow>) {
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
        Ok(()) => format!("Exported {} and {}.", csv.display(), json.display()),
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

fn pct(x: f64) -> String {
    format!("{:.0} %", x * 100.0)
}

/// A share with its 95 % interval: "12 % (9–16)".
fn pct_interval(p: f64, n: u64) -> String {
    let (lo, hi) = futures::wilson(p, n);
    format!("{:.0} % ({:.0}–{:.0})", p * 100.0, lo * 100.0, hi * 100.0)
}

/// A probability the table shows: its name, and how to read it.
type Share = (&'static str, fn(&futures::StateFuture) -> f64);

const MEASURES: [Share; 3] = [
    ("a coup", |s| s.p_coup),
    ("a new bloc", |s| s.p_bloc_change),
    ("losing ground", |s| s.p_territory_loss),
];

pub(in crate::gui) fn draw_futures(
    mut contexts: EguiContexts,
    mut window: ResMut<FuturesWindow>,
    mut layout: ResMut<crate::gui::window::shared::UiLayout>,
    registry: Res<crate::sim::world::registry::Registry>,
    course: Res<crate::sim::world::course::Course>,
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
    super::raise_when_opened(ctx, "What happens next?");
    egui::Window::new("What happens next?")
        .id(egui::Id::new("What happens next?"))
        .open(&mut open)
        .default_size(egui::vec2(600.0, 520.0))
        .default_pos(egui::pos2(120.0, 50.0))
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.label("Futures");
                ui.add(egui::DragValue::new(&mut w.runs).range(20..=5000));
                ui.label("months ahead");
                ui.add(egui::DragValue::new(&mut w.months).range(1..=120));
            });
            ui.label("Change one thing (optional): pick it, or type it.");
            if let Some(typed) = w.picker.ui(ui, &registry) {
                w.change = typed;
            }
            ui.horizontal(|ui| {
                ui.label("Change:");
                let field = ui.add(
                    egui::TextEdit::singleline(&mut w.change)
                        .hint_text("LiftSanctions(bloc: \"ECOWAS\", state: \"NER\")")
                        .desired_width(360.0),
                );
                controls.push(("change".into(), px(field.rect)));
            });
            ui.horizontal(|ui| {
                let running = w.job.is_some();
                let run = ui.add_enabled(!running, egui::Button::new("Run the futures"));
                controls.push(("run".into(), px(run.rect)));
                if run.clicked() {
                    w.start = true;
                }
                let export = ui.add_enabled(w.result.is_some() && !running, egui::Button::new("Export"));
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
                ui.small(
                    "This game follows the record; the futures do not. From now on each is the model's own, \
                     to compare with what really happened.",
                );
            }
            let Some((base, changed)) = w.result.clone() else {
                ui.small("Every government is computer-run in the futures; each future has its own seed.");
                return;
            };
            ui.separator();
            ui.label(format!(
                "{} futures of {} months from {}{}",
                base.runs,
                base.months,
                base.from,
                changed
                    .as_ref()
                    .and_then(|c| c.change.clone())
                    .map(|c| format!(", without and with {c}"))
                    .unwrap_or_default()
            ));
            // What really happened over the same months, where the
            // scenario has a record of them: the class sets the futures
            // beside it.
            let record = |id: &str| -> Option<String> {
                base.what_happened.iter().find(|(s, _)| s == id).map(|(_, w)| w.clone())
            };
            let on_record = !base.what_happened.is_empty();
            let mut order: Vec<usize> = (0..base.states.len()).collect();
            order.sort_by(|a, b| base.states[*b].p_coup.total_cmp(&base.states[*a].p_coup));
            let first = base.states[order[0]].id.clone();
            // Columns of a fixed least width, so that they never overlap
            // while a window that sleeps waits to lay them out again.
            let col = 120.0;
            egui::ScrollArea::vertical().max_height(200.0).show(ui, |ui| match &changed {
                None => {
                    egui::Grid::new("futures_table")
                        .striped(true)
                        .min_col_width(col)
                        .show(ui, |ui| {
                            for h in ["State", "P(coup)", "P(new blocs)", "P(lose ground)"] {
                                ui.strong(h);
                            }
                            if on_record {
                                ui.strong("What happened").on_hover_text(
                                    "The scenario's record of these months (its history), to set beside the futures",
                                );
                            }
                            ui.end_row();
                            for &k in &order {
                                let a = &base.states[k];
                                let chosen = w.state.as_deref() == Some(a.id.as_str());
                                if ui.selectable_label(chosen, &a.name).clicked() {
                                    w.state = Some(a.id.clone());
                                }
                                for (_, of) in MEASURES {
                                    ui.label(pct_interval(of(a), base.runs));
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
                        ui.label("Chance of");
                        for (m, (name, _)) in MEASURES.iter().enumerate() {
                            ui.selectable_value(&mut w.measure, m, *name);
                        }
                    });
                    let of = MEASURES[w.measure.min(MEASURES.len() - 1)].1;
                    egui::Grid::new("futures_comparison")
                        .striped(true)
                        .min_col_width(col)
                        .show(ui, |ui| {
                            for h in ["State", "Without", "With the change", "Difference (95 %)"] {
                                ui.strong(h);
                            }
                            ui.end_row();
                            for (row, &k) in order.iter().enumerate() {
                                let (a, b) = (&base.states[k], &c.states[k]);
                                let chosen = w.state.as_deref() == Some(a.id.as_str());
                                let name = ui.selectable_label(chosen, &a.name);
                                if name.clicked() {
                                    w.state = Some(a.id.clone());
                                }
                                let without = ui.label(pct(of(a)));
                                let with = ui.label(pct(of(b)));
                                let (d, lo, hi) = futures::difference(of(a), base.runs, of(b), c.runs);
                                let text = format!(
                                    "{:+.0} pts ({:+.0} to {:+.0})",
                                    d * 100.0,
                                    lo * 100.0,
                                    hi * 100.0
                                );
                                // An interval that holds 0 does not tell
                                // the change from chance.
                                let diff = if lo > 0.0 || hi < 0.0 {
                                    ui.strong(text)
                                } else {
                                    ui.weak(text).on_hover_text("Within chance: run more futures to tell")
                                };
                                // Where each cell's text lies, for the test
                                // that no two overlap.
                                for (col, cell) in [name, without, with, diff].iter().enumerate() {
                                    controls.push((format!("cell:{row}:{col}"), px(cell.rect)));
                                }
                                ui.end_row();
                            }
                        });
                    ui.small(
                        "Bold: a difference the futures show clearly (its 95 % interval leaves out 0). Grey: within chance.",
                    );
                }
            });
            // The state most at risk until the teacher picks another.
            let id = w.state.clone().unwrap_or(first);
            ui.horizontal(|ui| {
                ui.label(format!("Fan chart of {id}:"));
                for (j, f) in base.states[0].fans.iter().enumerate() {
                    ui.selectable_value(&mut w.indicator, j, f.indicator.replace('_', " "));
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
            let (blue, orange) = (egui::Color32::from_rgb(90, 140, 210), egui::Color32::from_rgb(220, 120, 70));
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(blue, "—— without the change: the median, and 10–90 % of futures (thin)");
                if changed_fan.is_some() {
                    ui.colored_label(orange, "- - - with it");
                }
            });
            Plot::new("fan")
                .height(200.0)
                .y_axis_min_width(36.0)
                .x_axis_label("months ahead")
                .show(ui, |plot| {
                    let mut draw = |fan: &futures::Fan, label: &str, colour: egui::Color32, dashed: bool| {
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
                            Line::new(format!("{label} median"), series(&|b| b.p50))
                                .color(colour)
                                .width(2.0)
                                .style(style),
                        );
                        plot.line(
                            Line::new(format!("{label} 10–90 %"), series(&|b| b.p10))
                                .color(colour.gamma_multiply(0.5))
                                .style(style),
                        );
                        plot.line(
                            Line::new(format!("{label} 10–90 %"), series(&|b| b.p90))
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
