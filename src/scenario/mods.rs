//! The mods folder: scenarios and rule overrides that the game and the
//! command line pick up besides what ships with the game.
//!
//! ```text
//! mods/
//!   my_scenario.ron        a scenario: `harmattan run my_scenario`
//!   rules/
//!     10_more_coups.ron    rule overrides for every scenario, by dotted path
//! ```
//!
//! The folder is `--mods DIR` if given, else `$HARMATTAN_MODS`, else
//! `./mods` when it exists. Rule files apply in file-name order, on top of
//! `assets/rules.ron` and under each scenario's own `rules`.

use std::path::{Path, PathBuf};

use super::{LoadError, Scenario, load, load_with, read_text, shipped, suggest, validate};
use crate::rules::Rules;

/// Checks a rule file; the number of overrides it holds.
pub fn check_rule_file(origin: &str, text: &str, base: &Rules) -> Result<usize, LoadError> {
    validate::load_rule_overrides(origin, text, base)?;
    Ok(text_overrides(text))
}

/// How many overrides a valid rule file holds.
fn text_overrides(text: &str) -> usize {
    ron::from_str::<std::collections::BTreeMap<String, f64>>(text)
        .map(|m| m.len())
        .unwrap_or(0)
}

/// The environment variable naming the mods folder.
pub const ENV: &str = "HARMATTAN_MODS";

/// A scenario the game can offer, shipped or from the mods folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// What `run`, `batch` and `play` accept.
    pub name: String,
    /// Where it comes from: `shipped` or the file's path.
    pub source: String,
}

#[derive(Debug, Clone, Default)]
pub struct Mods {
    pub dir: Option<PathBuf>,
}

impl Mods {
    /// No mods: shipped scenarios and explicit paths only.
    pub fn none() -> Self {
        Self { dir: None }
    }

    /// The mods folder in effect: `explicit`, else `$HARMATTAN_MODS`, else
    /// `./mods` if it is a folder.
    pub fn locate(explicit: Option<&Path>) -> Self {
        let dir = explicit
            .map(Path::to_path_buf)
            .or_else(|| std::env::var_os(ENV).filter(|v| !v.is_empty()).map(PathBuf::from))
            .or_else(|| Some(PathBuf::from("mods")).filter(|p| p.is_dir()));
        Self { dir }
    }

    fn files_in(dir: &Path) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ron"))
            .collect();
        // Sorted, so that the order rules apply in does not depend on the
        // file system.
        files.sort();
        files
    }

    /// The mod scenario files, sorted by name.
    pub fn scenario_files(&self) -> Vec<PathBuf> {
        self.dir.as_deref().map(Self::files_in).unwrap_or_default()
    }

    /// The mod rule files, in the order they apply.
    pub fn rule_files(&self) -> Vec<PathBuf> {
        self.dir
            .as_deref()
            .map(|d| Self::files_in(&d.join("rules")))
            .unwrap_or_default()
    }

    /// The shipped rules with every mod rule file applied.
    pub fn base_rules(&self) -> Result<Rules, LoadError> {
        let mut rules = Rules::shipped();
        for path in self.rule_files() {
            let (origin, text) = read_text(&path)?;
            rules = validate::load_rule_overrides(&origin, &text, &rules)?;
        }
        Ok(rules)
    }

    /// Every scenario on offer: shipped ones first, then the mods', by name.
    /// A mod scenario named like a shipped one is listed (and found) under
    /// its path only, so it can never hide the original.
    pub fn list(&self) -> Vec<Listing> {
        let mut out: Vec<Listing> = shipped::SHIPPED
            .iter()
            .map(|s| Listing {
                name: s.name.to_string(),
                source: "shipped".into(),
            })
            .collect();
        for path in self.scenario_files() {
            let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            let name = if shipped::find(stem).is_some() {
                path.display().to_string()
            } else {
                stem.to_string()
            };
            out.push(Listing {
                name,
                source: path.display().to_string(),
            });
        }
        out
    }

    /// Reads a scenario file, with the mods' rules under it.
    pub fn load_path(&self, path: &Path) -> Result<Scenario, LoadError> {
        let (origin, text) = read_text(path)?;
        Ok(self.load(&origin, &text)?.with_translations_beside(path))
    }

    /// Validates scenario text, with the mods' rules under it.
    pub fn load(&self, origin: &str, text: &str) -> Result<Scenario, LoadError> {
        if self.rule_files().is_empty() {
            return load(origin, text);
        }
        load_with(origin, text, &self.base_rules()?)
    }

    /// A file by path, else a shipped scenario by name, else a mod
    /// scenario by name.
    pub fn resolve(&self, name_or_path: &str) -> Result<Scenario, LoadError> {
        let path = Path::new(name_or_path);
        // Anything that exists under that path is what was meant: a folder,
        // a device or a pipe gets a message saying so.
        if path.is_file() || (path.exists() && shipped::find(name_or_path).is_none()) {
            return self.load_path(path);
        }
        if let Some(s) = shipped::find(name_or_path) {
            let mut scenario = self.load(&format!("scenarios/{}.ron", s.name), s.text)?;
            scenario.translations = s
                .translations
                .iter()
                .map(|(lang, text)| crate::scenario::Translation {
                    lang: lang.to_string(),
                    origin: format!("scenarios/{}.{lang}.ftl", s.name),
                    text: text.to_string(),
                })
                .collect();
            return Ok(scenario);
        }
        let stem = name_or_path.strip_suffix(".ron").unwrap_or(name_or_path);
        if let Some(found) = self
            .scenario_files()
            .into_iter()
            .find(|p| p.file_stem().is_some_and(|s| s == stem))
        {
            return self.load_path(&found);
        }
        let names: Vec<String> = self.list().into_iter().map(|l| l.name).collect();
        let hint = suggest(name_or_path, names.iter().map(String::as_str))
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        let mods = match &self.dir {
            Some(d) => format!(" (mods folder: {})", d.display()),
            None => String::new(),
        };
        Err(LoadError::whole_file(
            name_or_path,
            format!(
                "no such file, and no scenario of that name{hint} Scenarios: {}{mods}.",
                names.join(", ")
            ),
        ))
    }
}
