//! Scenarios: the file format, loading and validation. Loading is a pure
//! function from text to a validated [`Scenario`]; `sim::spawn` puts one
//! into a `World`.

pub mod catalogue;
pub mod date;
pub mod format;
pub mod locate;
pub mod mods;
pub mod shipped;
pub mod template;
mod validate;

use std::fmt;
use std::path::Path;

pub use date::YearMonth;
pub use format::ScenarioFile;
pub use validate::limits;

use crate::rules::Rules;

/// A scenario that has passed validation, with its rules resolved.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub file: ScenarioFile,
    pub rules: Rules,
    /// Where it came from, for messages.
    pub origin: String,
    /// The file as read: saved games keep it, so that they replay even if
    /// the file changes later.
    pub text: String,
    /// The classroom's history option: the record's turning points (the
    /// file's `history`) happen on their dates, and while the record runs
    /// it alone makes coups, pacts and exits. Kept in saves.
    pub history: bool,
    /// What passes validation but may not do what the author meant (a
    /// state the map cannot draw, a goal on a leader nobody has).
    pub warnings: Vec<Problem>,
    /// The decisions in force: the shipped catalogues with the file's own
    /// merged in. Shared, so that every game set up from this scenario
    /// (a batch's thousands) uses one copy.
    pub catalogue: std::sync::Arc<[crate::scenario::format::DecisionDef]>,
    /// Its texts in other languages: the `<scenario>.<lang>.ftl` files
    /// next to it (docs/scenarios.md, "Translations").
    pub translations: Vec<Translation>,
}

/// A scenario's texts in one language, as a Fluent file.
#[derive(Debug, Clone)]
pub struct Translation {
    /// The language's code ("fr").
    pub lang: String,
    /// Where it came from, for messages.
    pub origin: String,
    pub text: String,
}

impl Scenario {
    /// Its translation into a language, if it has one.
    pub fn translation(&self, lang: &str) -> Option<&Translation> {
        self.translations.iter().find(|t| t.lang == lang)
    }

    /// With the translations found next to a scenario file: every
    /// `NAME.LANG.ftl` beside it (the front ends pick the one they speak).
    pub fn with_translations_beside(mut self, path: &Path) -> Self {
        let (Some(dir), Some(stem)) = (path.parent(), path.file_stem().and_then(|s| s.to_str())) else {
            return self;
        };
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return self;
        };
        let mut found: Vec<(String, std::path::PathBuf)> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter_map(|file| {
                let name = file.file_name()?.to_str()?;
                let lang = name.strip_prefix(stem)?.strip_prefix('.')?.strip_suffix(".ftl")?;
                let code = !lang.is_empty() && lang.len() <= 8 && lang.chars().all(|c| c.is_ascii_lowercase());
                code.then(|| (lang.to_string(), file.clone()))
            })
            .collect();
        // In a stable order, whatever the folder's.
        found.sort();
        for (lang, file) in found {
            if let Ok(text) = read_bounded(&file, limits::FILE_BYTES, "translation files") {
                self.translations.push(Translation {
                    lang,
                    origin: file.display().to_string(),
                    text,
                });
            }
        }
        self
    }
    /// The warnings as `FILE:LINE:COL: warning: message` lines.
    pub fn warning_lines(&self) -> Vec<String> {
        self.warnings
            .iter()
            .map(|w| format!("{}:{}:{}: warning: {}", self.origin, w.line, w.col, w.message))
            .collect()
    }

    /// The scenario with the history option on or off. On is refused for a
    /// scenario whose file has no record of its period.
    pub fn with_history(mut self, on: bool) -> Result<Self, String> {
        if on && self.file.history.is_none() {
            return Err(format!(
                "{} has no record of what happened after its start (no `history` in the file), so it cannot be \
                 played with the history option; docs/scenarios.md (\"History\") says how to write one",
                self.origin
            ));
        }
        self.history = on;
        Ok(self)
    }
}

/// One problem in a scenario file, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

/// Everything wrong with one file.
#[derive(Debug, Clone)]
pub struct LoadError {
    pub file: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}:{}:{}: {}", self.file, p.line, p.col, p.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    fn whole_file(file: &str, message: String) -> Self {
        Self {
            file: file.to_string(),
            problems: vec![Problem {
                line: 1,
                col: 1,
                message,
            }],
        }
    }
}

/// Parses and validates scenario text. `origin` names the file in messages.
pub fn load(origin: &str, text: &str) -> Result<Scenario, LoadError> {
    validate::load(origin, text, &Rules::shipped())
}

/// Like [`load`], on top of rules other than the shipped ones (a mod's).
pub fn load_with(origin: &str, text: &str, base_rules: &Rules) -> Result<Scenario, LoadError> {
    validate::load(origin, text, base_rules)
}

/// Reads and validates a scenario file, refusing files too large to be a
/// scenario before reading them whole.
pub fn load_path(path: &Path) -> Result<Scenario, LoadError> {
    let (origin, text) = read_text(path)?;
    load(&origin, &text)
}

/// Reads a data file (scenario or rules) as text, with its name for
/// messages, refusing files too large to be one.
pub fn read_text(path: &Path) -> Result<(String, String), LoadError> {
    let origin = path.display().to_string();
    let text = read_bounded(path, limits::FILE_BYTES, "scenario files")
        .map_err(|reason| LoadError::whole_file(&origin, reason))?;
    Ok((origin, text))
}

/// Reads a text file of at most `limit` bytes. What is not a regular file
/// (a folder, a device such as /dev/zero, a pipe that may never be
/// written) is refused before it is opened, and the read stops at the
/// limit whatever the file claims its size is. A UTF-8 byte-order mark,
/// which some editors write, is dropped.
pub fn read_bounded(path: &Path, limit: usize, what: &str) -> Result<String, String> {
    use std::io::Read as _;
    // Opened without blocking (a pipe with no writer must not make us
    // wait), then judged by what was opened, so that nothing can be put in
    // the file's place between a check and the read.
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        _ => format!("cannot read the file: {e}"),
    })?;
    let meta = file.metadata().map_err(|e| format!("cannot read the file: {e}"))?;
    if meta.is_dir() {
        return Err("this is a folder, not a file".into());
    }
    if !meta.is_file() {
        return Err("this is not a regular file (a device, a pipe or a socket); give the path of a file".into());
    }
    if meta.len() > limit as u64 {
        return Err(format!(
            "the file is {} bytes; {what} are limited to {limit} bytes",
            meta.len()
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if bytes.len() > limit {
        return Err(format!(
            "the file is more than {limit} bytes; {what} are limited to {limit} bytes"
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "the file is not UTF-8 text (byte {} is not); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Finds a shipped scenario by name, or reads a file by path (the mods
/// folder aside: see [`mods::Mods::resolve`]).
pub fn resolve(name_or_path: &str) -> Result<Scenario, LoadError> {
    mods::Mods::none().resolve(name_or_path)
}

pub use crate::hint::{SUGGEST_MAX_CANDIDATES, SUGGEST_MAX_CHARS, known_list, shown, suggest};
