//! The command line: the contract that tests, teachers and modders rely on.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::RangedU64ValueParser;
use clap::{Args, Parser, Subcommand};

use crate::i18n::Lang;
use crate::scenario::mods::Mods;
use crate::scenario::{self, limits};

/// `println!` through [`print_out`]: a closed pipe ends the output
/// quietly, a full disk is an error with a message, never a panic.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::print_out(&format!("{}\n", format_args!($($arg)*)))?
    };
}

mod batch;
mod calibrate;
mod futures;
mod merge;
mod new_scenario;
mod play;
mod rules;
mod run;
mod scenarios;
mod translation;
mod validate;

#[derive(Debug, Parser)]
#[command(
    name = "harmattan",
    version,
    about = "A turn-based strategy game and scenario simulator of West African and Sahel politics"
)]
pub struct Cli {
    /// The mods folder (default: $HARMATTAN_MODS, else ./mods if it exists).
    #[arg(long, global = true, value_name = "DIR")]
    pub mods: Option<PathBuf>,
    /// The language of reports and of the window: en or fr (default: the
    /// system's, from $LANG, if the game speaks it; else English).
    #[arg(long, global = true, value_name = "LANG", value_parser = lang_parser)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the game window (the default).
    Play(play::PlayArgs),
    /// Run a scenario headless and report what happened.
    Run(run::RunArgs),
    /// Run many seeded futures in parallel and report probabilities.
    Batch(batch::BatchArgs),
    /// Add up the partial results of a batch's shards (`batch --shard`)
    /// into the summary one process running every run prints.
    Merge(merge::MergeArgs),
    /// Check scenario files (and rule files under a `rules/` folder); print
    /// every problem as FILE:LINE:COL: message.
    Validate(validate::ValidateArgs),
    /// List the scenarios on offer: shipped ones and the mods folder's.
    Scenarios,
    /// Every rule a scenario or a mod may override, with its value in force
    /// (the shipped rules and the mods folder's) and its allowed range.
    Rules,
    /// What happens next: many futures from a saved game (or a scenario's
    /// start), with every government computer-run; with --change, the same
    /// futures with one thing changed, side by side.
    Futures(futures::FuturesArgs),
    /// Write a commented starting scenario to edit (in the mods folder).
    NewScenario(new_scenario::NewScenarioArgs),
    /// The texts of a scenario (or of the decision catalogues) for a
    /// translator to fill in, or the check of a translation (--check).
    Translation(translation::TranslationArgs),
    /// Check the model against the historical record, with the same rules
    /// for two periods: futures from January 2020 against 2020–23, and from
    /// August 2023 against 2023–25 (coups, pacts, exits, leaders).
    Calibrate(calibrate::CalibrateArgs),
}

/// One subcommand each.
fn dispatch(command: Command, mods: &Mods, chosen: Option<Lang>) -> Result<ExitCode, Failure> {
    let lang = chosen.unwrap_or_else(Lang::from_system);
    match command {
        // The window also keeps a language of its own (its settings).
        Command::Play(args) => play::run(args, mods, chosen),
        Command::Run(args) => run::run(args, mods, lang),
        Command::Translation(args) => translation::run(args, mods, lang),
        Command::Batch(args) => batch::run(args, mods, lang),
        Command::Merge(args) => merge::run(args, lang),
        Command::Validate(args) => validate::run(args, mods),
        Command::Scenarios => scenarios::run(mods, lang),
        Command::Rules => rules::run(mods),
        Command::Futures(args) => futures::run(args, mods, lang),
        Command::NewScenario(args) => new_scenario::run(args, mods),
        Command::Calibrate(args) => calibrate::run(args, mods, lang),
    }
}

/// Worker threads, shared by the commands that run futures.
#[derive(Debug, Args)]
pub struct ThreadsArg {
    /// Worker threads (default: every core).
    #[arg(long, default_value_t = 0, value_parser = RangedU64ValueParser::<usize>::new().range(0..=1024))]
    pub threads: usize,
}

/// `--runs` within what one batch may ask for.
fn runs_parser() -> RangedU64ValueParser<u64> {
    RangedU64ValueParser::<u64>::new().range(1..=MAX_RUNS)
}

/// `--turns`/`--months` within the longest game.
fn months_parser() -> RangedU64ValueParser<u32> {
    RangedU64ValueParser::<u32>::new().range(1..=u64::from(limits::TURNS))
}

/// The words of a language, with a scenario's translation into it.
fn locale(lang: Lang, scenario: Option<&scenario::Scenario>) -> crate::i18n::Locale {
    let mut loc = crate::i18n::Locale::new(lang);
    if let Some(t) = scenario.and_then(|s| s.translation(lang.code())) {
        for p in loc.set_scenario(Some(&t.text)) {
            eprintln!("{}:{}:{}: warning: {}", t.origin, p.line, p.column, p.message);
        }
    }
    loc
}

/// A language the game speaks, by its code.
fn lang_parser(code: &str) -> Result<Lang, String> {
    Lang::parse(code).ok_or_else(|| {
        let codes: Vec<&str> = Lang::all().map(Lang::code).collect();
        format!("the game does not speak `{code}`; it speaks {}", codes.join(", "))
    })
}

/// The most runs one batch may ask for.
pub const MAX_RUNS: u64 = 1_000_000;

/// A failure with the message the user sees.
struct Failure(String);

impl From<scenario::LoadError> for Failure {
    fn from(e: scenario::LoadError) -> Self {
        Failure(format!("{e}\n{}", words().t("cli-fix-problems")))
    }
}

/// The language of this command's messages, set once when it starts.
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The command line's own words, in its language.
fn words() -> &'static crate::i18n::Locale {
    static WORDS: std::sync::OnceLock<crate::i18n::Locale> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| crate::i18n::Locale::new(LANG.get().copied().unwrap_or_else(Lang::from_system)))
}

/// A message of the command line, with its arguments.
fn say(id: &str, args: &fluent_bundle::FluentArgs) -> String {
    words().t_args(id, args)
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let _ = LANG.set(cli.lang.unwrap_or_else(Lang::from_system));
    // A mods folder asked for by name must exist: a typo would otherwise
    // drop every mod without a word.
    let named = cli.mods.clone().or_else(|| {
        std::env::var_os(scenario::mods::ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    });
    if let Some(dir) = named.filter(|d| !d.is_dir()) {
        let how = if cli.mods.is_some() {
            "--mods"
        } else {
            "$HARMATTAN_MODS"
        };
        eprintln!(
            "error: {how} names {}, which is not a folder; give the mods folder's path (see mods/README.md)",
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    let mods = Mods::locate(cli.mods.as_deref());
    let command = cli.command.unwrap_or(Command::Play(play::PlayArgs {
        scenario: None,
        play_as: Vec::new(),
        seed: None,
        history: false,
        load: None,
    }));
    match dispatch(command, &mods, cli.lang) {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("{}", say("cli-error", &crate::args!["message" => message]));
            ExitCode::FAILURE
        }
    }
}

/// A progress bar on standard error (hidden when it is not a terminal).
fn progress_bar(runs: u64) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(Some(runs), indicatif::ProgressDrawTarget::stderr());
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} runs  {elapsed} (eta {eta})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
fn print_out(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure(say(
            "cli-cannot-write-output",
            &crate::args!["reason" => e.to_string()],
        ))),
        _ => Ok(()),
    }
}

fn check_writable(path: &Path) -> Result<(), Failure> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Failure(say(
            "cli-no-folder",
            &crate::args!["path" => path.display().to_string(), "folder" => dir.display().to_string()],
        )));
    }
    if path.is_dir() {
        return Err(Failure(say(
            "cli-is-folder",
            &crate::args!["path" => path.display().to_string()],
        )));
    }
    Ok(())
}
