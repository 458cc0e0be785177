//! postlint checks a draft social-media post against a company's content guideline and reports
//! each finding located in the text, with why it matters and a concrete suggestion — in Danish
//! or English.
//!
//! ```
//! use postlint::{Guideline, Linter, Post, Severity};
//!
//! let linter = Linter::new(Guideline::recommended())?;
//! let post = Post::new("Kæmpe rabat! Køb nu – tilbuddet gælder kun i dag!").platforms(["linkedin"]);
//! let report = linter.check(&post);
//! assert!(report.findings.iter().any(|f| f.rule.starts_with("sales.")));
//! for finding in &report.findings {
//!     println!("{} {}: {}", finding.rule, finding.severity, finding.message);
//! }
//! assert!(report.findings.iter().all(|f| f.severity <= Severity::Error));
//! # Ok::<(), postlint::Error>(())
//! ```
//!
//! # How it works
//!
//! Build a [`Linter`] once from a [`Guideline`] (the built-in `recommended` pack, a TOML file,
//! or TOML text). Building resolves the guideline against the rules — an unknown rule id or
//! option is an [`Error`] pointing at its line — and registers every term list of every rule
//! in one Aho-Corasick automaton. [`Linter::check`] then analyses the post once (words,
//! sentences, entities, language) and every rule reads that analysis; the text is scanned
//! once for all terms, however many rules and terms there are. `check` takes `&self`, so one
//! linter serves many threads, and it never panics on any text.
//!
//! Rules report message ids with arguments; the linter fills them in from its catalogue in
//! the run's [`Locale`]. A [`Finding`] carries both the filled-in message and its
//! [`message_id`](Finding::message_id) and [`args`](Finding::args), so a program can show a
//! finding in words of its own.
//!
//! # Features
//!
//! * `fancy` (default): the `human` output format, drawn with miette's graphical handler.
//! * `cli` (default): the `postlint` binary (clap).
//!
//! With `default-features = false` the library has neither.

#![warn(missing_docs)]

mod builtin;
mod document;
mod emoji;
mod entities;
mod error;
mod fancy;
mod fix;
mod fold;
mod guideline;
mod i18n;
mod ids;
mod info;
mod lexicon;
mod linter;
mod matcher;
mod numbers;
mod packs;
mod platform;
mod post;
pub mod render;
mod report;
mod resolve;
mod rule;
mod rules;
mod score;
mod secret;
mod span;
mod text;
mod time;

pub use entities::{Entities, Entity};
pub use error::{Error, ErrorKind, Localized};
pub use guideline::{Exclude, Guideline, GuidelineLoader, GuidelineSummary};
pub use i18n::{Arg, Locale, Nested};
pub use info::{OptionInfo, RuleExample, RuleInfo};
pub use linter::{Linter, Options};
pub use platform::{Length, Platform, Profile, Unit};
pub use post::{Post, Waiver};
pub use report::{
    Applicability, Audit, ContentType, Edit, Finding, Fixed, Report, Scores, Severity, Signal,
    SignalKind, Span, Suggestion, Verdict, WaiverUse,
};
pub use text::{Date, Lang};
pub use time::Moment;

/// The names of the built-in guideline packs.
pub fn builtin_packs() -> Vec<&'static str> {
    builtin::packs()
}

/// Writes a `[[confidential]]` guideline block for `terms` (one per line) that stores them
/// only as salted SHA-256 hashes under a fresh random salt, so the guideline can be given to
/// every employee without revealing its codenames. They still match as plain terms do:
/// case, diacritics and white space folded, inflected, inside compounds, across lines.
///
/// ```
/// let block = postlint::hash_terms("Havørn\nProject Blue Harbour\n")?;
/// assert!(!block.to_lowercase().contains("havørn"));
/// let guideline = postlint::Guideline::from_toml(&block, "secret.toml")?;
/// let linter = postlint::Linter::new(guideline)?;
/// let report = linter.check_text("Havørnaftalen er i hus!");
/// assert_eq!(report.findings[0].rule, "confidential.term");
/// # Ok::<(), postlint::Error>(())
/// ```
pub fn hash_terms(terms: &str) -> Result<String, Error> {
    let salt = secret::random_salt().map_err(|e| Error::new(ErrorKind::Io, e))?;
    secret::block(terms, &salt).map_err(|e| Error::new(ErrorKind::Input, e))
}

/// The content of a built-in data file under `rules/` (for `postlint init` and tools).
pub fn builtin_file(path: &str) -> Option<&'static str> {
    builtin::file(path)
}

/// Internals the benchmarks time on their own (entity extraction, length counting). Not part
/// of the API: no stability promise.
#[doc(hidden)]
pub mod __bench {
    /// Extracts the entities of `text` and counts its length on each named platform.
    pub fn extract_and_measure(text: &str, platforms: &[&str]) -> usize {
        let profiles = crate::platform::Profiles::builtin().unwrap_or_default();
        let e = crate::entities::extract(text);
        platforms
            .iter()
            .filter_map(|p| profiles.get(p))
            .map(|p| crate::platform::measure(text, &e, p).length)
            .sum()
    }

    /// Extracts the entities of `text`: (URLs, hashtags, mentions).
    pub fn extract(text: &str) -> (usize, usize, usize) {
        let e = crate::entities::extract(text);
        (e.urls.len(), e.hashtags.len(), e.mentions.len())
    }
}

/// The README's Rust examples run as doc-tests, so the README cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
