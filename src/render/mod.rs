//! Output formats for reports: one file per format.
//!
//! Every renderer takes the same [`Item`]s — where a post came from, its full text and its
//! [`Report`] — and returns the output as a `String`, so the library stays free of I/O and the
//! CLI decides where it goes. Byte offsets become line and column only here, at the edge.

use crate::document::LineIndex;
use crate::report::{Report, Severity, Verdict};
use crate::text::Lang;
use serde::Serialize;

pub mod github;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod sarif;

/// One checked post, as the renderers see it.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    /// Where the post came from: a path, `-` for standard input, or a batch id.
    pub source: &'a str,
    /// The full text as given (front matter included); spans point into it.
    pub text: &'a str,
    /// The report of checking it.
    pub report: &'a Report,
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
    pub fn of(index: &LineIndex, text: &str, offset: usize) -> Position {
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
            s.findings += r.findings.len();
            s.errors += r.count(Severity::Error);
            s.warnings += r.count(Severity::Warning);
            s.infos += r.count(Severity::Info);
            match r.verdict {
                Verdict::Pass => s.verdicts.pass += 1,
                Verdict::Review => s.verdicts.review += 1,
                Verdict::Block => s.verdicts.block += 1,
            }
        }
        s
    }
}

/// Picks the Danish or the English text.
pub(crate) fn tr(lang: Lang, da: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Da => da,
        Lang::En => en,
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::report::{Applicability, Finding, Report, Severity, Span, Suggestion, Verdict};
    use crate::text::Lang;

    /// A report with one warning on `span`, for renderer tests.
    pub fn report(span: (usize, usize), route: Option<&str>) -> Report {
        let findings = vec![Finding {
            rule: "sales.discount".into(),
            severity: Severity::Warning,
            message: "Discounts make the post look like an ad.".into(),
            span: Span::new(span.0, span.1),
            suggestions: vec![Suggestion::replace(
                "Say what it means for the customer",
                Applicability::Safe,
                Span::new(span.0, span.1),
                "offer",
            )],
            route: route.map(str::to_string),
        }];
        Report {
            language: Some(Lang::En),
            locale: Lang::En,
            platforms: Vec::new(),
            entities: Default::default(),
            scores: Default::default(),
            verdict: Verdict::of(&findings),
            reviewers: route.map(str::to_string).into_iter().collect(),
            findings,
        }
    }
}
