//! Output formats for reports: one file per format, one entry point ([`render`]).
//!
//! Every renderer takes the same [`Item`]s — where a post came from, its full text and its
//! [`Report`] — and returns the output as a `String`, so the library stays free of I/O and the
//! caller decides where it goes. Byte offsets become line and column only here, at the edge.
//!
//! ```
//! use postlint::render::{render, Format, Item, RenderOptions};
//! use postlint::{Guideline, Linter, Post};
//!
//! let linter = Linter::new(Guideline::recommended())?;
//! let text = "Læs mere: https://bit.ly/3xYz";
//! let report = linter.check(&Post::new(text));
//! let items = [Item::file("draft.txt", text, &report)];
//! let json = render(Format::Json, &items, &RenderOptions::new(&linter));
//! assert!(json.contains("\"rule\": \"links.shortener\""));
//! # Ok::<(), postlint::Error>(())
//! ```

use crate::document::LineIndex;
use crate::report::{Report, Severity, Verdict};
use crate::Linter;
use serde::Serialize;

mod concise;
pub mod fields;
mod github;
mod gitlab;
#[cfg(feature = "fancy")]
mod human;
mod json;
mod json_text;
mod jsonl;
mod junit;
mod printable;
mod sarif;
mod statistics;

pub use fields::{Fields, UnknownField};
pub use github::{step_summary, ANNOTATIONS_SHOWN};
pub use json::FORMAT_VERSION;
pub use sarif::path_uri;
pub use statistics::statistics;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Each finding drawn under the post's own text (needs the `fancy` feature).
    Human,
    /// The JSON report (one document).
    Json,
    /// One `posts[]` object per line.
    Jsonl,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// One line per finding: `path:line:col: severity rule message`.
    Concise,
    /// JUnit XML: a test suite per post, a failing test case per finding.
    Junit,
    /// GitLab's Code Quality report.
    Gitlab,
    /// How many findings each rule made, most first.
    Statistics,
}

/// What a renderer needs beyond the reports: the linter (its words and rules) and, for the
/// human format, colour and width.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions<'a> {
    /// The linter the reports came from.
    pub linter: &'a Linter,
    /// Use ANSI colours (human format).
    pub color: bool,
    /// The width to wrap messages at (human format).
    pub width: usize,
    /// The `posts[]` fields the JSON and JSON Lines formats write (default: all).
    pub fields: Fields,
}

impl<'a> RenderOptions<'a> {
    /// No colour, 100 columns.
    pub fn new(linter: &'a Linter) -> RenderOptions<'a> {
        RenderOptions {
            linter,
            color: false,
            width: 100,
            fields: Fields::ALL,
        }
    }
}

/// Renders `items` in `format`. Without the `fancy` feature, [`Format::Human`] falls back to
/// one line per finding.
pub fn render(format: Format, items: &[Item<'_>], options: &RenderOptions<'_>) -> String {
    match format {
        #[cfg(feature = "fancy")]
        Format::Human => human::render(items, options),
        #[cfg(not(feature = "fancy"))]
        Format::Human => concise::render(items),
        Format::Json => json::render(items, options.fields),
        Format::Jsonl => jsonl::render(items, options.fields),
        Format::Sarif => sarif::render(items, options.linter),
        Format::Github => github::render(items),
        Format::Concise => concise::render(items),
        Format::Junit => junit::render(items),
        Format::Gitlab => gitlab::render(items),
        Format::Statistics => statistics::render(items),
    }
}

/// Writes one post as one JSON Lines line, straight to `out` (for streaming a batch: each
/// report can be dropped as soon as it is written).
pub fn write_jsonl<W: std::io::Write>(out: &mut W, item: &Item<'_>) -> std::io::Result<()> {
    jsonl::write_one(out, item, Fields::ALL)
}

/// [`write_jsonl`] with only `fields` of the post (`--output-fields`).
pub fn write_jsonl_fields<W: std::io::Write>(
    out: &mut W,
    item: &Item<'_>,
    fields: Fields,
) -> std::io::Result<()> {
    jsonl::write_one(out, item, fields)
}

/// Writes the JSON Lines line that stands in for a batch line that could not be checked:
/// `{"source": "batch.jsonl:3", "line": 3, "error": "…"}` (`source` is where the line is;
/// `line` is 0 when there is no line).
pub fn write_jsonl_error<W: std::io::Write>(
    out: &mut W,
    source: &str,
    line: usize,
    error: &str,
) -> std::io::Result<()> {
    jsonl::write_error(out, source, line, error)
}

/// One checked post, as the renderers see it.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    /// Where the post came from: a path, `-` for standard input, or a batch id.
    pub source: &'a str,
    /// The full text as given (front matter included); spans point into it.
    pub text: &'a str,
    /// The report of checking it.
    pub report: &'a Report,
    /// What `source` names.
    pub origin: Origin,
}

impl<'a> Item<'a> {
    /// A post read from the file at `path`.
    pub fn file(path: &'a str, text: &'a str, report: &'a Report) -> Item<'a> {
        Item {
            source: path,
            text,
            report,
            origin: Origin::File,
        }
    }
}

/// What an [`Item`]'s `source` names: a file (SARIF gives it as a URI), or something that is
/// no file — standard input, a JSON Lines record's id — which formats must not pass off as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Origin {
    /// A path to a file.
    File,
    /// Standard input (`source` is `-`).
    Stdin,
    /// A record of a batch (`source` is its id or `batch.jsonl:3`); spans point into its text.
    Record,
}

/// A 1-based line and column (columns in Unicode scalar values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in Unicode scalar values.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text`, using `index` (built from the same text).
    pub(crate) fn of(index: &LineIndex, text: &str, offset: usize) -> Position {
        let (line, column) = index.line_col(text, offset);
        Position { line, column }
    }
}

/// How many posts got each verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Verdicts {
    /// Posts that may be published.
    pub pass: usize,
    /// Posts that need a reviewer.
    pub review: usize,
    /// Posts sent back to the author.
    pub block: usize,
}

/// Totals over a run, as in the JSON report's `summary`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Posts checked.
    pub posts: usize,
    /// Findings in all posts.
    pub findings: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
    /// Findings a waiver accepted (not in the counts above).
    pub waived: usize,
    /// Posts per verdict.
    pub verdicts: Verdicts,
}

impl Summary {
    /// Adds up the reports of `items`.
    pub fn of(items: &[Item<'_>]) -> Summary {
        let mut s = Summary {
            posts: items.len(),
            ..Summary::default()
        };
        for item in items {
            let r = item.report;
            s.findings += r.total();
            s.errors += r.count(Severity::Error);
            s.warnings += r.count(Severity::Warning);
            s.infos += r.count(Severity::Info);
            s.waived += r.waived();
            match r.verdict {
                Verdict::Pass => s.verdicts.pass += 1,
                Verdict::Review => s.verdicts.review += 1,
                Verdict::Block => s.verdicts.block += 1,
            }
        }
        s
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::report::{
        Applicability, Edit, Finding, Report, Severity, Span, Suggestion, Verdict,
    };
    use crate::{Guideline, Lang, Linter, Locale};

    /// A linter for renderer tests.
    pub fn linter(locale: Locale) -> Linter {
        Linter::with_options(Guideline::empty(), crate::Options::new().locale(locale)).unwrap()
    }

    /// A report with one warning on `span`, for renderer tests.
    pub fn report(span: (usize, usize), route: Option<&str>) -> Report {
        let findings = vec![Finding {
            rule: "sales.discount".into(),
            severity: Severity::Warning,
            message: "Discounts make the post look like an ad.".into(),
            message_id: "sales.discount.message".into(),
            args: vec![("term", "discount".into())],
            span: Span::new(span.0, span.1),
            suggestions: vec![Suggestion {
                title: "Say what it means for the customer".into(),
                message_id: "sales.discount.suggestion".into(),
                applicability: Applicability::Safe,
                edits: vec![Edit {
                    start: span.0,
                    end: span.1,
                    replacement: "offer".into(),
                }],
            }],
            route: route.map(str::to_string),
            omitted: 0,
            waived: None,
        }];
        Report {
            language: Some(Lang::En),
            locale: Locale::EN,
            platforms: Vec::new(),
            entities: Default::default(),
            scores: Default::default(),
            verdict: Verdict::of(&findings),
            reviewers: route.map(str::to_string).into_iter().collect(),
            findings,
            waivers: Vec::new(),
            audit: Default::default(),
        }
    }
}
