//! The command-line interface: clap definitions ([`args`]) and one file per subcommand.
//!
//! Every failure is an [`Error`]; `main` prints it once (with miette) and exits 2. Findings
//! are not failures: they decide between exit 0 and 1.

// An error carries its source snippet; it is built at most once per run, on the way out, so
// its size on the error path does not matter here.
#![allow(clippy::result_large_err)]

pub mod args;
mod check;
mod completions;
mod config;
mod diff;
mod error;
mod explain;
mod hash_terms;
mod init;
mod input;
mod lsp;
mod parallel;
mod platforms;
mod record;
mod rules;
mod serve;
mod walk;

pub use args::Cli;
use error::msg;
pub use error::Error;

use args::{Command, GuidelineArgs};
use miette::{GraphicalReportHandler, GraphicalTheme};
use postlint::{Guideline, Lang, Linter, Locale, Options};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit code: no finding at or above `--fail-on`.
pub const EXIT_OK: u8 = 0;
/// Exit code: at least one finding at or above `--fail-on`.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: the run could not be done.
pub const EXIT_ERROR: u8 = 2;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode, Error> {
    let _ = COLOR.set(cli.color);
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Rules(args) => rules::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Platforms(args) => platforms::run(&args),
        Command::Serve(args) => serve::run(args),
        Command::Lsp(args) => lsp::run(&args),
        Command::HashTerms(args) => hash_terms::run(&args),
        Command::Config(args) => config::run(&args),
        Command::Completions(args) => completions::run(&args),
    }
}

/// The environment variable naming a guideline file to use when none is found by discovery.
pub const CONFIG_ENV: &str = "POSTLINT_CONFIG";

/// Where a run's guideline came from, and why that one (`postlint config` says it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// `--no-config`: the built-in `recommended` pack.
    NoConfig,
    /// `--config FILE`.
    Flag(PathBuf),
    /// The nearest `postlint.toml`/`.postlint.toml` from `from` upward.
    Discovered {
        /// The file.
        path: PathBuf,
        /// The folder the search started in.
        from: PathBuf,
    },
    /// `POSTLINT_CONFIG`.
    Env(PathBuf),
    /// `postlint.toml` in the user's configuration folder (`~/.config/postlint` on Linux).
    User(PathBuf),
    /// Nothing found: the built-in `recommended` pack.
    Builtin,
}

impl Found {
    /// The file, when the guideline is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Found::Flag(p) | Found::Env(p) | Found::User(p) => Some(p),
            Found::Discovered { path, .. } => Some(path),
            Found::NoConfig | Found::Builtin => None,
        }
    }
}

/// The user-level guideline file, by the platform's convention: `$XDG_CONFIG_HOME/postlint/`
/// or `~/.config/postlint/` on Linux, `~/Library/Application Support/postlint/` on macOS,
/// `%APPDATA%\postlint\` on Windows.
pub fn user_config_file() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("postlint").join("postlint.toml"))
}

/// Finds the guideline: `--no-config` → built-in; `--config FILE`; else the nearest
/// `postlint.toml`/`.postlint.toml` from `start` upward; else the file `POSTLINT_CONFIG`
/// names; else the user configuration folder's `postlint.toml`; else built-in.
fn find_guideline(args: &GuidelineArgs, start: &Path) -> Found {
    if args.no_config {
        return Found::NoConfig;
    }
    if let Some(path) = &args.config {
        return Found::Flag(path.clone());
    }
    if let Some(path) = Guideline::discover(start) {
        return Found::Discovered {
            path,
            from: start.to_path_buf(),
        };
    }
    if let Some(v) = std::env::var_os(CONFIG_ENV).filter(|v| !v.is_empty()) {
        return Found::Env(PathBuf::from(v));
    }
    match user_config_file() {
        Some(p) if p.is_file() => Found::User(p),
        _ => Found::Builtin,
    }
}

/// The current folder, or the error that names why it cannot be had.
fn current_dir() -> Result<PathBuf, Error> {
    std::env::current_dir().map_err(|e| Error::new(msg!("error.cli.cwd", reason = e.to_string())))
}

/// Loads the guideline found from the current folder (see [`find_guideline`]).
fn load_guideline(args: &GuidelineArgs) -> Result<Guideline, Error> {
    let found = find_guideline(args, &current_dir()?);
    load_found(args, &found)
}

/// Loads a found guideline. A `POSTLINT_CONFIG` that names no file says where the name came
/// from (one that is broken is an error at its line, as any guideline).
fn load_found(args: &GuidelineArgs, found: &Found) -> Result<Guideline, Error> {
    if let Found::Env(path) = found {
        if !path.is_file() {
            return Err(Error::new(msg!(
                "error.cli.env-config",
                var = CONFIG_ENV,
                path = path.display().to_string()
            ))
            .with_help(msg!("error.cli.env-config.help", var = CONFIG_ENV))
            .with_path(path));
        }
    }
    match found.path() {
        None => Ok(Guideline::recommended()),
        Some(path) => Ok(Guideline::loader()
            .allow_outside_paths(args.allow_outside_paths)
            .from_path(path)?),
    }
}

/// The message language: `--locale`, else the guideline's `locale`, else the environment's
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`) when postlint has it built in, else English.
fn resolve_locale(cli: Option<Locale>, guideline: &Guideline) -> Locale {
    let locale = cli
        .or(guideline.locale())
        .or_else(|| env_locale().map(Locale::from))
        .unwrap_or(Locale::EN);
    let _ = RUN_LOCALE.set(locale);
    locale
}

/// The locale of this run once it is known, for an error after the guideline was read.
static RUN_LOCALE: std::sync::OnceLock<Locale> = std::sync::OnceLock::new();

/// The locale of this run, once the guideline was read.
pub fn run_locale() -> Option<Locale> {
    RUN_LOCALE.get().copied()
}

/// The language to report an error in before the guideline is read: `--locale`, else the
/// environment's, else English (a guideline that does not load cannot say its own `locale`).
pub fn error_locale(cli: &Cli) -> Locale {
    let flag = match &cli.command {
        Command::Check(a) => a.guideline.locale,
        Command::Rules(a) => a.guideline.locale,
        Command::Explain(a) => a.guideline.locale,
        Command::Serve(a) => a.guideline.locale,
        Command::Lsp(a) => a.guideline.locale,
        Command::Platforms(a) => a.guideline.locale,
        Command::Init(a) => a.lang.map(Locale::from),
        Command::Config(a) => a.guideline.locale,
        Command::HashTerms(_) | Command::Completions(_) => None,
    };
    flag.or_else(|| env_locale().map(Locale::from))
        .unwrap_or(Locale::EN)
}

/// The guideline and a linter for it, in the resolved locale: what `rules`, `explain` and
/// `platforms` need (a bad guideline is an error here, as for `check`).
fn linter_for(args: &GuidelineArgs) -> Result<Linter, Error> {
    let guideline = load_guideline(args)?;
    let locale = resolve_locale(args.locale, &guideline);
    Ok(Linter::with_options(
        guideline,
        Options::new().locale(locale),
    )?)
}

/// The message language the environment asks for. The first non-empty POSIX variable decides,
/// as in POSIX (so `LC_ALL=C` means English even if `LANG=da_DK`); with none set, the
/// operating system's own setting (macOS and Windows keep it outside the environment).
fn env_locale() -> Option<Lang> {
    let posix = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty());
    match posix {
        Some(v) => Lang::from_posix_locale(&v),
        None => sys_locale::get_locale().and_then(|v| Lang::from_posix_locale(&v)),
    }
}

/// `--color` of this run, set once by [`run`] (errors are drawn after it returns).
static COLOR: std::sync::OnceLock<args::ColorChoice> = std::sync::OnceLock::new();

/// Whether to colour output on a stream. `--color always|never` decides; with `auto`,
/// `NO_COLOR` (any non-empty value, no-color.org) turns colour off, `FORCE_COLOR` (non-empty,
/// not `0` or `false`) turns it on for a pipe too, else a terminal is coloured.
fn use_color(is_terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    match COLOR.get().copied().unwrap_or_default() {
        args::ColorChoice::Always => true,
        args::ColorChoice::Never => false,
        args::ColorChoice::Auto => {
            if set("NO_COLOR").is_some() {
                false
            } else if let Some(v) = set("FORCE_COLOR") {
                !matches!(v.to_str(), Some("0" | "false"))
            } else {
                is_terminal
            }
        }
    }
}

/// Writes to standard output. A closed pipe (`postlint check … | head`) is not an error.
fn write_stdout(text: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(stdout_error(&e)),
        _ => Ok(()),
    }
}

/// Writes to standard error, ignoring failures (there is nowhere left to report them).
fn write_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// The wrapping width for drawn diagnostics: `COLUMNS` when set, else 100.
fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&c: &usize| c >= 40)
        .unwrap_or(100)
}

/// Prints an error to standard error in `locale`, drawn by miette (with the guideline
/// snippet when the error points into one), its hint under the locale's word for it.
pub fn print_error(err: &Error, locale: Locale) {
    let theme = if use_color(std::io::stderr().is_terminal()) {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(width());
    let drawn = err.drawn(locale);
    let mut out = String::new();
    if handler.render_report(&mut out, &drawn).is_err() {
        out = format!("{}\n", drawn.message);
    }
    if let Some(help) = &drawn.help {
        let label = msg!("error.help").render(locale);
        out.push_str(&format!("  {label}: {help}\n"));
    }
    write_stderr(&out);
}

/// The error for a failed write to standard output.
fn stdout_error(e: &std::io::Error) -> Error {
    Error::new(msg!("error.cli.stdout", reason = e.to_string()))
}

/// A usage error (bad arguments), with a hint.
fn usage(message: postlint::Nested, help: postlint::Nested) -> Error {
    Error::new(message).with_help(help)
}

/// Picks the Danish or the English text (the command line's own words).
fn tr(locale: Locale, da: &'static str, en: &'static str) -> &'static str {
    if locale == Locale::DA {
        da
    } else {
        en
    }
}
