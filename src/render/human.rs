//! The human format: each finding drawn by miette, underlined in the post's own text.
//!
//! Per post: a header with its source, a line per checked platform (`x 301/280 — 21 over`),
//! the findings, and the verdict with its reviewers. The findings' messages are already in the
//! report's locale; this file's own words are catalogue entries (`output.*`).

use super::printable::{self, Shown};
use super::{Item, RenderOptions, Summary};
use crate::document::{floor_char_boundary, LineIndex};
use crate::i18n::Arg;
use crate::report::{Finding, Severity};
use crate::Linter;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt::{self, Write as _};

/// At most this many findings are drawn per post: a person reads the first ones, and a
/// machine reads `--format json`.
const MAX_FINDINGS_SHOWN: usize = 200;

/// Renders every post and a closing summary line.
pub(super) fn render(items: &[Item<'_>], options: &RenderOptions<'_>) -> String {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false);
    let mut out = String::new();
    let linter = options.linter;
    for item in items {
        post(&mut out, item, &handler, linter);
    }
    let totals = Summary::of(items);
    if items.len() > 1 {
        batch(&mut out, items, &totals, linter);
    }
    summary(&mut out, &totals, linter);
    out
}

/// The rules a batch summary lists; `--statistics` lists them all.
const TOP_RULES: usize = 5;

/// After many drafts, what a comms team measures: the posts per verdict, the posts per
/// reviewer role, and the rules that fired most.
fn batch(out: &mut String, items: &[Item<'_>], s: &Summary, linter: &Linter) {
    let n = |k: &'static str, v: usize| (k, Arg::Text(v.to_string()));
    let args = [
        n("pass", s.verdicts.pass),
        n("review", s.verdicts.review),
        n("block", s.verdicts.block),
    ];
    let _ = writeln!(
        out,
        "{}",
        linter.message_with("output.batch.verdicts", &args)
    );
    let mut roles: std::collections::BTreeMap<&str, usize> = Default::default();
    for item in items {
        for r in &item.report.reviewers {
            *roles.entry(r.as_str()).or_default() += 1;
        }
    }
    if !roles.is_empty() {
        let mut roles: Vec<(&str, usize)> = roles.into_iter().collect();
        roles.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let listed: Vec<String> = roles
            .iter()
            .map(|(role, n)| {
                let args = [
                    ("role", Arg::Text(linter.role_name(role))),
                    ("n", Arg::Text(n.to_string())),
                ];
                linter.message_with("output.batch.reviewer", &args)
            })
            .collect();
        let _ = writeln!(
            out,
            "{}: {}",
            linter.message("output.batch.reviewers"),
            listed.join(", ")
        );
    }
    let rows = super::statistics::statistics(items);
    if !rows.is_empty() {
        let _ = writeln!(out, "{}:", linter.message("output.batch.rules"));
        let shown = &rows[..rows.len().min(TOP_RULES)];
        let width = shown.iter().map(|r| r.0.len()).max().unwrap_or(0);
        let count_width = shown[0].2.to_string().len();
        for (rule, severity, n) in shown {
            let severity = linter.message(&format!("severity.{severity}"));
            let _ = writeln!(out, "  {n:>count_width$}  {rule:<width$}  {severity}");
        }
        if rows.len() > TOP_RULES {
            let args = [("n", Arg::Text((rows.len() - TOP_RULES).to_string()))];
            let _ = writeln!(
                out,
                "  {}",
                linter.message_with("output.batch.more-rules", &args)
            );
        }
    }
    out.push('\n');
}

fn post(out: &mut String, item: &Item<'_>, handler: &GraphicalReportHandler, linter: &Linter) {
    let report = item.report;
    let name = printable::line(item.source);
    let _ = writeln!(out, "{name}");
    for p in &report.platforms {
        if p.length > p.limit {
            let over = linter.message("output.over");
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
        let _ = writeln!(out, "  {}", linter.message("output.no-findings"));
    }
    // Drawn with its control characters made visible; spans are mapped into the drawn text.
    let shown = Shown::new(item.text);
    let source = PostSource {
        name: &name,
        text: &shown.text,
        lines: LineIndex::new(&shown.text),
        shown: &shown,
    };
    let help = linter.message("output.help");
    for finding in report.findings.iter().take(MAX_FINDINGS_SHOWN) {
        let diag = FindingDiagnostic {
            finding,
            severity_name: linter.message(&format!("severity.{}", finding.severity)),
            source: &source,
        };
        let mut drawn = String::new();
        if handler.render_report(&mut drawn, &diag).is_err() {
            // miette only fails on a formatter error; fall back to one plain line.
            drawn = format!("{}: {}\n", finding.rule, printable::line(&finding.message));
        }
        if help != "help" {
            drawn = relabel_help(&drawn, &help);
        }
        out.push('\n');
        out.push_str(&drawn);
        if let Some(w) = &finding.waived {
            let reason = Arg::Text(printable::line(&w.reason).into_owned());
            let line = match &w.by {
                Some(by) => {
                    let by = Arg::Text(printable::line(by).into_owned());
                    linter.message_with("output.waived.by", &[("by", by), ("reason", reason)])
                }
                None => linter.message_with("output.waived", &[("reason", reason)]),
            };
            let _ = writeln!(out, "  {line}");
        }
    }
    for u in report.waivers.iter().filter(|u| u.findings == 0) {
        let rule = Arg::Text(printable::line(&u.waiver.rule).into_owned());
        let _ = write!(
            out,
            "\n  {}\n",
            linter.message_with("output.waiver.unused", &[("rule", rule)])
        );
    }
    if report.findings.len() > MAX_FINDINGS_SHOWN {
        let more = report.findings.len() - MAX_FINDINGS_SHOWN;
        let args = [("n", Arg::Text(more.to_string()))];
        let _ = write!(
            out,
            "\n{}",
            linter.message_with("output.more-findings", &args)
        );
        out.push('\n');
    }
    out.push('\n');
    let _ = write!(
        out,
        "{}: {}",
        linter.message("output.verdict"),
        linter.message(&format!("verdict.{}", report.verdict.as_str()))
    );
    if !report.reviewers.is_empty() {
        // The built-in roles in the locale's words; a guideline's own role as written.
        let roles: Vec<String> = report
            .reviewers
            .iter()
            .map(|r| linter.role_name(r))
            .collect();
        let _ = write!(out, " ({})", roles.join(", "));
    }
    out.push_str("\n\n");
}

/// miette labels the suggestion with an English "help:"; in another locale the line gets the
/// locale's word ("forslag:"), in miette's own layout and colours. Only miette writes a line
/// that starts with "  help: " (the post's lines are drawn behind a gutter).
fn relabel_help(drawn: &str, label: &str) -> String {
    let mut out = String::with_capacity(drawn.len() + 8);
    let mut done = false;
    // miette wrapped the hint under "  help: "; its further lines move along with the label.
    let extra = " ".repeat(label.chars().count().saturating_sub("help".len()));
    let mut in_help = false;
    for line in drawn.split_inclusive('\n') {
        if in_help && line.starts_with("        ") {
            out.push_str(&extra);
            out.push_str(line);
            continue;
        }
        in_help = false;
        // Colour codes may come first: ESC [ … m.
        let plain_start = line.find("  help: ").filter(|&i| {
            line[..i]
                .bytes()
                .all(|b| b == 0x1b || b == b'[' || b == b';' || b.is_ascii_digit() || b == b'm')
        });
        match plain_start {
            Some(i) if !done => {
                out.push_str(&line[..i]);
                out.push_str("  ");
                out.push_str(label);
                out.push(':');
                out.push_str(&line[i + "  help:".len()..]);
                done = true;
                in_help = true;
            }
            _ => out.push_str(line),
        }
    }
    out
}

fn summary(out: &mut String, s: &Summary, linter: &Linter) {
    // Counts as plain digits, as they always were.
    let n = |k: &'static str, v: usize| (k, Arg::Text(v.to_string()));
    let args = [
        n("posts", s.posts),
        n("errors", s.errors),
        n("warnings", s.warnings),
        n("infos", s.infos),
    ];
    let mut line = linter.message_with("output.summary", &args);
    if s.waived > 0 {
        let n = [("n", Arg::Text(s.waived.to_string()))];
        line = format!(
            "{line}; {}",
            linter.message_with("output.summary.waived", &n)
        );
    }
    let _ = writeln!(out, "{line}");
}

/// A finding as a miette diagnostic: the rule id and severity as its code, the message as
/// the headline, the text underlined without a label (repeating the message under the text
/// only doubled what the employee has to read), the first suggestion as help.
struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    severity_name: String,
    source: &'a PostSource<'a>,
}

/// The post as miette's source, named after where it came from.
///
/// miette would scan the whole text for every finding and draw whole lines; on a 5 MB post
/// that is quadratic, and a line wider than 65,535 columns makes its formatter panic. So this
/// hands miette only the lines around a finding (found with a line index), and of a long line
/// only a window around the finding. It also reports columns in Unicode scalar values, as the
/// JSON, SARIF and GitHub formats do (miette counts bytes).
struct PostSource<'a> {
    name: &'a str,
    /// The drawn text (see [`Shown`]).
    text: &'a str,
    lines: LineIndex,
    shown: &'a Shown<'a>,
}

/// Context longer than this is cut down to a window on the finding's own line.
const MAX_CONTEXT_BYTES: usize = 4000;
/// How much of a long line to show on each side of a finding.
const WINDOW_BYTES: usize = 160;
/// The longest part of a finding underlined; the message says the rest.
const MAX_LABEL_BYTES: usize = 1000;

impl PostSource<'_> {
    fn line_end(&self, line: usize) -> usize {
        self.lines.line_range(self.text, line + 1).end
    }

    /// The span miette may underline: the finding's own span when it is short; otherwise its
    /// first line, at most `MAX_LABEL_BYTES` long.
    fn clip(&self, start: usize, end: usize) -> (usize, usize) {
        let start = floor_char_boundary(self.text, start.min(self.text.len()));
        let end = end.clamp(start, self.text.len());
        if end - start <= MAX_LABEL_BYTES {
            return (start, floor_char_boundary(self.text, end));
        }
        let line_end = self.line_end(self.lines.line_of(start));
        let end = end.min(line_end.max(start));
        let end = floor_char_boundary(self.text, end.min(start + MAX_LABEL_BYTES));
        (start, end)
    }
}

impl SourceCode for PostSource<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.text;
        if span.offset() > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let (start, end) = self.clip(span.offset(), span.offset() + span.len());
        let line = self.lines.line_of(start);
        let end_line = self.lines.line_of(end.saturating_sub(1).max(start));
        let first = line.saturating_sub(context_lines_before);
        let last = (end_line + context_lines_after).min(self.lines.line_count() - 1);
        let mut data_start = self.lines.line_range(text, first + 1).start;
        let mut data_end = self.line_end(last);
        let mut data_line = first;
        if data_end - data_start > MAX_CONTEXT_BYTES {
            // A long line: show a window around the finding on its own line (the label was
            // clipped to that line already if it was long).
            let own = self.lines.line_range(text, line + 1);
            data_start =
                floor_char_boundary(text, start.saturating_sub(WINDOW_BYTES).max(own.start));
            data_end = ceil_char_boundary(text, (end + WINDOW_BYTES).min(own.end));
            data_line = line;
        }
        // Columns in characters; the line index's cursor keeps this linear over sorted findings.
        let column = if context_lines_before == 0 {
            self.lines.line_col(text, start).1 - 1
        } else {
            0
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            &text.as_bytes()[data_start..data_end],
            (data_start, data_end - data_start).into(),
            data_line,
            column,
            self.lines.line_count(),
        )))
    }
}

fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
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
        f.write_str(&printable::line(&self.finding.message))
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
            .map(|s| Box::new(printable::line(&s.title)) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.finding.span;
        let shown = self.source.shown;
        let (start, end) = self
            .source
            .clip(shown.offset(span.start), shown.offset(span.end));
        let label = LabeledSpan::new(None, start, end - start);
        Some(Box::new(std::iter::once(label)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::{Length, Unit};
    use crate::render::test_support::{linter, report};
    use crate::Locale;

    fn draw(items: &[Item<'_>], locale: Locale) -> String {
        let l = linter(locale);
        render(items, &RenderOptions::new(&l))
    }

    #[test]
    fn draws_findings_without_ansi_codes() {
        let text = "Big discount today";
        let mut r = report((4, 12), Some("legal"));
        r.platforms.push(Length::new("x", 301, 280, Unit::Weighted));
        let out = draw(&[Item::file("draft.txt", text, &r)], Locale::EN);
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
        let out = draw(&[Item::file("b.txt", text, &r)], Locale::EN);
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
            let item = Item::file("e.txt", text, &r);
            let out = draw(&[item], Locale::EN);
            assert!(out.contains("sales.discount"), "{text:?}: {out}");
        }
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        // A clear-screen sequence, a carriage return that would overwrite the line, and a
        // right-to-left override before the finding.
        let text = "Hej \u{1b}[2J\rdu\u{202e} big deal";
        let start = text.find("big").unwrap();
        let mut r = report((start, start + 3), None);
        r.findings[0].message = "Term \u{1b}]8;;evil\u{7} here".to_string();
        let out = draw(&[Item::file("id\u{1b}[31m", text, &r)], Locale::EN);
        for c in ['\u{1b}', '\r', '\u{202e}', '\u{7}'] {
            assert!(!out.contains(c), "{c:?} in {out}");
        }
        assert!(
            out.contains("\u{241b}[2J\u{240d}du\u{fffd} big deal"),
            "{out}"
        );
        assert!(out.contains("id\u{241b}[31m"), "{out}");
        // The header column is the JSON report's: characters of the post itself.
        let column = text[..start].chars().count() + 1;
        assert!(out.contains(&format!(":1:{column}")), "{out}");
        // The underline is under "big", where the finding is.
        let drawn = out.lines().find(|l| l.contains("big deal")).unwrap();
        let under = out
            .lines()
            .skip_while(|l| !l.contains("big deal"))
            .nth(1)
            .unwrap();
        let at = drawn.chars().position(|c| c == 'b').unwrap();
        let mark = under
            .chars()
            .position(|c| !matches!(c, ' ' | '·' | '│'))
            .unwrap();
        assert_eq!(at, mark, "\n{drawn}\n{under}");
    }

    #[test]
    fn danish_words() {
        let mut r = report((0, 3), Some("jura"));
        r.locale = Locale::DA;
        let item = Item::file("-", "Big", &r);
        let out = draw(&[item], Locale::DA);
        assert!(out.contains("Vurdering: skal gennemses (jura)"), "{out}");
        assert!(
            out.contains("1 opslag: 0 fejl, 1 advarsel, 0 info"),
            "{out}"
        );
    }
}
