//! Reloading the guideline while the service runs: on SIGHUP, and when a file it was built
//! from changes (polled once a second by modification time and size — editors that save by
//! writing a new file and renaming it are seen too, which a watch on the old inode misses).
//!
//! The new guideline is loaded and compiled off the async threads and swapped in whole:
//! a request sees the old guideline or the new one, never a mix. A guideline that does not
//! load is logged and the one in service stays.

use super::api::{App, Loaded};
use super::{find_guideline, load_found, resolve_locale, write_stderr};
use crate::cli::args::GuidelineArgs;
use postlint::{Guideline, Locale};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// How often the files are looked at.
const POLL: Duration = Duration::from_secs(1);

/// The files a guideline was built from (its `extends` chain; built-in packs are not files).
pub fn watched_files(guideline: &Guideline) -> Vec<PathBuf> {
    guideline
        .sources()
        .iter()
        .filter(|s| !s.starts_with('<'))
        .map(PathBuf::from)
        .collect()
}

/// What a file looked like: its modification time and size (`None`: gone).
type Stamp = Option<(SystemTime, u64)>;

fn stamps(files: &[PathBuf]) -> Vec<Stamp> {
    files
        .iter()
        .map(|f| {
            std::fs::metadata(f)
                .ok()
                .map(|m| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len()))
        })
        .collect()
}

/// Watches for SIGHUP and file changes for as long as the service runs.
pub async fn watch(app: Arc<App>, args: GuidelineArgs, locale: Locale, mut files: Vec<PathBuf>) {
    let mut hangup = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()).ok();
    let mut seen = stamps(&files);
    loop {
        let why = tokio::select! {
            Some(()) = async {
                match hangup.as_mut() {
                    Some(h) => h.recv().await,
                    None => std::future::pending().await,
                }
            } => "SIGHUP",
            () = tokio::time::sleep(POLL) => {
                let now = stamps(&files);
                if now == seen {
                    continue;
                }
                seen = now;
                "a guideline file changed"
            }
        };
        let args = args.clone();
        let result = tokio::task::spawn_blocking(move || load(&args, locale)).await;
        match result {
            Ok(Ok((loaded, new_files))) => {
                let rules = loaded.linter().rules().len();
                app.loaded.store(Arc::new(loaded));
                app.metrics.reloaded("loaded");
                write_stderr(&format!(
                    "postlint: reloaded the guideline ({why}): {rules} rules\n"
                ));
                files = new_files;
                seen = stamps(&files);
            }
            Ok(Err(message)) => {
                app.metrics.reloaded("failed");
                write_stderr(&format!(
                    "postlint: the guideline did not reload ({why}); the one in service stays: {message}\n"
                ));
            }
            Err(_) => app.metrics.reloaded("failed"),
        }
    }
}

/// Finds, loads and compiles the guideline again, as at start; an error as one line in the
/// service's `locale`.
fn load(args: &GuidelineArgs, locale: Locale) -> Result<(Loaded, Vec<PathBuf>), String> {
    let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
    let found = find_guideline(args, &cwd);
    let guideline = load_found(args, &found).map_err(|e| e.message_in(locale))?;
    // The new guideline may set another `locale`; `--locale` still wins.
    let locale = resolve_locale(args.locale, &guideline);
    let files = watched_files(&guideline);
    let loaded = Loaded::new(guideline, locale).map_err(|e| e.localized(locale).to_string())?;
    Ok((loaded, files))
}
