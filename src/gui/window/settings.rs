//! Settings: the size of the interface (UI scale) and the language, kept
//! between sessions in
//! `settings.ron` under `$HARMATTAN_CONFIG_DIR`, else `$XDG_CONFIG_HOME/harmattan`,
//! else `~/.config/harmattan`. A settings file that cannot be read is
//! ignored (defaults apply) and replaced only when the player changes a
//! setting.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

pub(in crate::gui) fn plugin(app: &mut App) {
    app.insert_resource(Settings::load())
        .init_resource::<SettingsWindow>()
        // After the reload error, as before: on top of everything.
        .add_systems(
            bevy_egui::EguiPrimaryContextPass,
            (
                readable_type.run_if(run_once),
                draw_settings
                    .in_set(super::phases::UiPhase::Overlays)
                    .after(super::reload::draw_reload_error),
            ),
        );
}

/// Type sizes in points at the Normal size: nothing a player must read
/// below 11 (egui's small text is 9 by default), body text a little larger
/// than egui's 12.5 for reading from a distance. Projector doubles them.
fn readable_type(mut contexts: EguiContexts) -> Result {
    use egui::{FontFamily, FontId, TextStyle};
    contexts.ctx_mut()?.all_styles_mut(|style| {
        for (text_style, size) in [
            (TextStyle::Small, 11.0),
            (TextStyle::Body, 13.0),
            (TextStyle::Button, 13.0),
            (TextStyle::Monospace, 12.5),
            (TextStyle::Heading, 18.0),
        ] {
            let family = if text_style == TextStyle::Monospace {
                FontFamily::Monospace
            } else {
                FontFamily::Proportional
            };
            style.text_styles.insert(text_style, FontId::new(size, family));
        }
    });
    Ok(())
}

#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Interface size, 0.75 to 2.
    pub ui_scale: f32,
    /// The language chosen in the window (a code: "fr"); `None` follows
    /// the system's. `--lang` on the command line wins over it.
    pub language: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            ui_scale: 1.0,
            language: None,
        }
    }
}

/// Whether the settings window is open.
#[derive(Resource, Default)]
pub struct SettingsWindow(pub bool);

fn path() -> Option<PathBuf> {
    let dir = std::env::var_os("HARMATTAN_CONFIG_DIR")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("XDG_CONFIG_HOME").map(|d| PathBuf::from(d).join("harmattan")))
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config/harmattan")))?;
    Some(dir.join("settings.ron"))
}

impl Settings {
    pub fn load() -> Self {
        let Some(path) = path() else { return Self::default() };
        match std::fs::read_to_string(&path) {
            Ok(text) => ron::from_str::<Settings>(&text)
                .map(|s| s.clamped())
                .unwrap_or_else(|e| {
                    warn!("ignoring {}: {e}", path.display());
                    Self::default()
                }),
            Err(_) => Self::default(),
        }
    }

    fn clamped(mut self) -> Self {
        self.ui_scale = if self.ui_scale.is_finite() {
            self.ui_scale.clamp(0.75, 2.0)
        } else {
            1.0
        };
        self
    }

    fn save(&self) -> Result<(), String> {
        let path = path().ok_or("no home folder to keep settings in")?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new()).map_err(|e| e.to_string())?;
        let tmp = path.with_extension("ron.part");
        std::fs::write(&tmp, text).map_err(|e| e.to_string())?;
        std::fs::rename(&tmp, &path).map_err(|e| e.to_string())
    }
}

/// The interface sizes on offer, with their message ids.
pub const SIZES: [(f32, &str); 5] = [
    (0.85, "settings-size-compact"),
    (1.0, "settings-size-normal"),
    (1.25, "settings-size-large"),
    (1.5, "settings-size-larger"),
    (2.0, "settings-size-projector"),
];

/// Applies the UI scale, and draws the settings window when open.
pub(in crate::gui) fn draw_settings(
    mut contexts: EguiContexts,
    mut settings: ResMut<Settings>,
    mut open: ResMut<SettingsWindow>,
    mut words: ResMut<super::words::Words>,
    current: Res<super::shared::Current>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if (ctx.zoom_factor() - settings.ui_scale).abs() > 1e-3 {
        ctx.set_zoom_factor(settings.ui_scale);
    }
    if !open.0 {
        return Ok(());
    }
    let before = settings.clone();
    let mut still_open = true;
    let mut picked = None;
    egui::Window::new(words.t("settings-title"))
        .id(egui::Id::new("Settings"))
        .open(&mut still_open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .show(ctx, |ui| {
            // Sizes to pick, not a slider: a slider rescales the window
            // under the pointer dragging it, and jumps.
            ui.label(words.t("settings-size"));
            ui.horizontal_wrapped(|ui| {
                for (size, id) in SIZES {
                    if ui
                        .selectable_label((settings.ui_scale - size).abs() < 1e-3, words.t(id))
                        .clicked()
                    {
                        settings.ui_scale = size;
                    }
                }
            });
            ui.small(words.t("settings-size-hint"));
            ui.add_space(8.0);
            ui.label(words.t("settings-language"));
            ui.horizontal_wrapped(|ui| {
                for lang in Lang::all() {
                    // Each language by its own name, so that anyone finds theirs.
                    if ui.selectable_label(words.0.lang() == lang, lang.name()).clicked() {
                        picked = Some(lang);
                    }
                }
            });
            ui.small(words.t("settings-language-hint"));
        });
    if let Some(lang) = picked
        && lang != words.0.lang()
    {
        // At once, game and all: every screen reads its words each frame.
        *words = super::words::Words::new(lang, &current.0);
        settings.language = Some(lang.code().to_string());
    }
    open.0 = still_open;
    if *settings != before
        && let Err(e) = settings.save()
    {
        warn!("cannot keep the settings: {e}");
    }
    Ok(())
}
