//! postlint checks a draft social-media post against a company's content guideline and reports
//! each finding located in the text, with why it matters and a concrete suggestion — in Danish
//! or English.
//!
//! ```
//! use postlint::{Guideline, Linter, Platform, Post, Severity};
//!
//! let linter = Linter::new(Guideline::recommended())?;
//! let post = Post::new("Kæmpe rabat! Køb nu – tilbuddet gælder kun i dag!")
//!     .platforms([Platform::LinkedIn]);
//! let report = linter.check(&post);
//! assert!(report.findings.iter().any(|f| f.rule.starts_with("sales.")));
//! for finding in &report.findings {
//!     println!("{} {}: {}", finding.rule, finding.severity, finding.message);
//! }
//! assert!(report.findings.iter().all(|f| f.severity <= Severity::Error));
//! # Ok::<(), postlint::Error>(())
//! ```
//!
//! Build a [`Linter`] once from a [`Guideline`] (the built-in `recommended` pack, a TOML file,
//! or TOML text); it compiles every term list into one automaton and every pattern into one
//! regex set. [`Linter::check`] takes `&self`, so one linter serves many threads.

#![warn(missing_docs)]

mod builtin;
pub mod document;
pub mod emoji;
pub mod entities;
mod error;
pub mod fancy;
pub mod fix;
pub mod fold;
pub mod guideline;
mod linter;
pub mod matcher;
pub mod platform;
mod post;
pub mod render;
pub mod report;
pub mod rules;
pub mod text;

pub use error::{Error, ErrorKind};
pub use guideline::Guideline;
pub use linter::{Linter, Options};
pub use platform::Platform;
pub use post::Post;
pub use report::{Applicability, Edit, Finding, Report, Severity, Span, Suggestion, Verdict};
pub use text::{Date, Lang};

/// The names of the built-in guideline packs.
pub fn builtin_packs() -> Vec<&'static str> {
    builtin::packs()
}

/// The content of a built-in data file under `rules/` (for `postlint init` and tools).
pub fn builtin_file(path: &str) -> Option<&'static str> {
    builtin::file(path)
}

/// The README's Rust examples run as doc-tests, so the README cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
