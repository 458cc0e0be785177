//! The human format: each finding drawn by miette, underlined in the post's own text.
//!
//! Per post: a header with its source, a line per checked platform (`x 301/280 — 21 over`),
//! the findings, and the verdict with its reviewers. The findings' messages are already in the
//! report's locale; this file's own words come in Danish and English.

use super::{tr, Item, Summary};
use crate::report::{Finding, Severity, Verdict};
use crate::text::Lang;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt::{self, Write as _};

/// How to draw the human format.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Use ANSI colours (off when `NO_COLOR` is set or the output is not a terminal).
    pub color: bool,
    /// The width to wrap messages at.
    pub width: usize,
    /// The language of the run summary (each post's own lines follow its report's locale).
    pub locale: Lang,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            color: false,
            width: 100,
            locale: Lang::En,
        }
    }
}

/// Renders every post and a closing summary line.
pub fn render(items: &[Item<'_>], options: &Options) -> String {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false);
    let mut out = String::new();
    for item in items {
        post(&mut out, item, &handler);
    }
    summary(&mut out, &Summary::of(items), options.locale);
    out
}

fn post(out: &mut String, item: &Item<'_>, handler: &GraphicalReportHandler) {
    let report = item.report;
    let lang = report.locale;
    let _ = writeln!(out, "{}", item.source);
    for p in &report.platforms {
        if p.length > p.limit {
            let over = tr(lang, "for meget", "over");
            let _ = writeln!(
                out,
                "  {} {}/{} — {} {over}",
                p.name,
                p.length,
                p.limit,
                p.length - p.limit
            );
        } else {
            let _ = writeln!(out, "  {} {}/{}", p.name, p.length, p.limit);
        }
    }
    if report.findings.is_empty() {
        let _ = writeln!(out, "  {}", tr(lang, "Ingen fund.", "No findings."));
    }
    let source = PostSource {
        name: item.source,
        text: item.text,
    };
    for finding in &report.findings {
        let diag = FindingDiagnostic {
            finding,
            severity_name: severity_name(finding.severity, lang),
            source: &source,
        };
        let mut drawn = String::new();
        if handler.render_report(&mut drawn, &diag).is_err() {
            // miette only fails on a formatter error; fall back to one plain line.
            drawn = format!("{}: {}\n", finding.rule, finding.message);
        }
        out.push('\n');
        out.push_str(&drawn);
    }
    out.push('\n');
    let _ = write!(
        out,
        "{}: {}",
        tr(lang, "Vurdering", "Verdict"),
        verdict_name(report.verdict, lang)
    );
    if !report.reviewers.is_empty() {
        // Role names are the guideline's own words: shown as written, never translated.
        let _ = write!(out, " ({})", report.reviewers.join(", "));
    }
    out.push_str("\n\n");
}

fn summary(out: &mut String, s: &Summary, lang: Lang) {
    let posts = match (lang, s.posts) {
        (Lang::Da, _) => "opslag",
        (Lang::En, 1) => "post",
        (Lang::En, _) => "posts",
    };
    let (errors, warnings, infos) = match lang {
        Lang::Da => (
            "fejl",
            if s.warnings == 1 {
                "advarsel"
            } else {
                "advarsler"
            },
            "info",
        ),
        Lang::En => (
            if s.errors == 1 { "error" } else { "errors" },
            if s.warnings == 1 {
                "warning"
            } else {
                "warnings"
            },
            "info",
        ),
    };
    let _ = writeln!(
        out,
        "{} {posts}: {} {errors}, {} {warnings}, {} {infos}",
        s.posts, s.errors, s.warnings, s.infos
    );
}

/// A verdict in the message language.
pub fn verdict_name(verdict: Verdict, lang: Lang) -> &'static str {
    match verdict {
        Verdict::Pass => tr(lang, "godkendt", "pass"),
        Verdict::Review => tr(lang, "gennemsyn", "review"),
        Verdict::Block => tr(lang, "afvist", "block"),
    }
}

/// A severity in the message language.
pub fn severity_name(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Error => tr(lang, "fejl", "error"),
        Severity::Warning => tr(lang, "advarsel", "warning"),
        Severity::Info => tr(lang, "info", "info"),
    }
}

/// A finding as a miette diagnostic: the rule id and severity as its code, the message as
/// both headline and label (so it reads well with and without the snippet), the first
/// suggestion as help.
struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    severity_name: &'static str,
    source: &'a PostSource<'a>,
}

/// The post as miette's source, named after where it came from.
///
/// miette counts the column in its `file:line:column` header in bytes; postlint counts columns
/// in Unicode scalar values everywhere (JSON, SARIF, GitHub), so this corrects the column to
/// keep `Blåbær` from shifting every position after it.
struct PostSource<'a> {
    name: &'a str,
    text: &'a str,
}

impl SourceCode for PostSource<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        let mut column = inner.column();
        if column > 0 {
            // `column` bytes lie between the line start and the span: count them as chars.
            let end = crate::document::floor_char_boundary(self.text, span.offset());
            let start = crate::document::floor_char_boundary(self.text, end.saturating_sub(column));
            column = self.text[start..end].chars().count();
        }
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FindingDiagnostic")
            .field("rule", &self.finding.rule)
            .finish()
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{}[{}]",
            self.severity_name, self.finding.rule
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.finding
            .suggestions
            .first()
            .map(|s| Box::new(&s.title) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.finding.span;
        let label = LabeledSpan::new(
            Some(self.finding.message.clone()),
            span.start,
            span.end.saturating_sub(span.start),
        );
        Some(Box::new(std::iter::once(label)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::{Length, Unit};
    use crate::render::test_support::report;

    #[test]
    fn draws_findings_without_ansi_codes() {
        let text = "Big discount today";
        let mut r = report((4, 12), Some("legal"));
        r.platforms.push(Length::new("x", 301, 280, Unit::Weighted));
        let out = render(
            &[Item {
                source: "draft.txt",
                text,
                report: &r,
            }],
            &Options::default(),
        );
        assert!(!out.contains('\u{1b}'), "{out}");
        assert!(out.contains("x 301/280 — 21 over"), "{out}");
        assert!(out.contains("warning[sales.discount]"), "{out}");
        assert!(out.contains("draft.txt:1:5"), "{out}");
        assert!(out.contains("Say what it means for the customer"), "{out}");
        assert!(out.contains("Verdict: review (legal)"), "{out}");
    }

    #[test]
    fn header_column_counts_characters() {
        let text = "Blåbær og discount";
        let start = text.find("discount").unwrap();
        let r = report((start, start + 8), None);
        let out = render(
            &[Item {
                source: "b.txt",
                text,
                report: &r,
            }],
            &Options::default(),
        );
        assert!(out.contains("b.txt:1:11"), "{out}");
    }

    #[test]
    fn empty_and_end_of_text_spans_still_render() {
        for (text, span) in [
            ("", (0, 0)),
            ("Hej", (3, 3)),
            ("Hej\n", (4, 4)),
            ("a\r\nb", (1, 3)),
        ] {
            let r = report(span, None);
            let item = Item {
                source: "e.txt",
                text,
                report: &r,
            };
            let out = render(&[item], &Options::default());
            assert!(out.contains("sales.discount"), "{text:?}: {out}");
        }
    }

    #[test]
    fn danish_words() {
        let mut r = report((0, 3), Some("jura"));
        r.locale = Lang::Da;
        let item = Item {
            source: "-",
            text: "Big",
            report: &r,
        };
        let out = render(
            &[item],
            &Options {
                locale: Lang::Da,
                ..Options::default()
            },
        );
        assert!(out.contains("Vurdering: gennemsyn (jura)"), "{out}");
        assert!(
            out.contains("1 opslag: 0 fejl, 1 advarsel, 0 info"),
            "{out}"
        );
    }
}
