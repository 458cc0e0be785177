//! GitHub Actions workflow commands (`--format github`): each finding becomes an annotation on
//! the pull request's diff.

use super::{Item, Position};
use crate::document::LineIndex;
use crate::report::Severity;
use std::fmt::Write as _;

/// One `::error` / `::warning` / `::notice` line per finding.
pub(super) fn render(items: &[Item<'_>]) -> String {
    let mut out = String::new();
    for item in items {
        let index = LineIndex::new(item.text);
        for f in item.report.counted() {
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let a = Position::of(&index, item.text, f.span.start);
            let b = Position::of(&index, item.text, f.span.end);
            let _ = writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(item.source),
                a.line,
                a.column,
                b.line,
                b.column,
                property(&f.rule),
                data(&f.message),
            );
        }
    }
    out
}

/// How many annotations of each kind (error, warning, notice) GitHub shows per step; the rest
/// are dropped, so a longer report also goes to the step summary ([`step_summary`]).
pub const ANNOTATIONS_SHOWN: usize = 10;

/// The whole report as Markdown for `$GITHUB_STEP_SUMMARY`: per post with findings, a table of
/// line, severity, rule and message; `None` when every kind of annotation fits in what GitHub
/// shows.
pub fn step_summary(items: &[Item<'_>], linter: &crate::Linter) -> Option<String> {
    let mut counts = [0usize; 3];
    for f in items.iter().flat_map(|i| i.report.counted()) {
        counts[match f.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        }] += 1;
    }
    if counts.iter().all(|&n| n <= ANNOTATIONS_SHOWN) {
        return None;
    }
    let mut out = format!(
        "## postlint\n\n{}\n",
        linter.message_with(
            "output.step-summary",
            &[
                ("posts", crate::Arg::from(items.len())),
                ("errors", crate::Arg::from(counts[0])),
                ("warnings", crate::Arg::from(counts[1])),
                ("infos", crate::Arg::from(counts[2])),
                ("shown", crate::Arg::from(ANNOTATIONS_SHOWN)),
            ],
        )
    );
    let header = [
        "output.line",
        "output.severity",
        "output.rule",
        "output.message",
    ]
    .map(|id| cell(&linter.message(id)))
    .join(" | ");
    for item in items.iter().filter(|i| i.report.counted().next().is_some()) {
        let index = LineIndex::new(item.text);
        let _ = write!(
            out,
            "\n### `{}`\n\n| {header} |\n|---:|---|---|---|\n",
            cell(item.source).replace('`', "'")
        );
        for f in item.report.counted() {
            let p = Position::of(&index, item.text, f.span.start);
            let _ = writeln!(
                out,
                "| {}:{} | {} | `{}` | {} |",
                p.line,
                p.column,
                linter.message(&format!("severity.{}", f.severity)),
                f.rule,
                cell(&f.message)
            );
        }
    }
    Some(out)
}

/// Text as one Markdown table cell: no line breaks, `|` and markup characters escaped.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '|' | '\\' | '*' | '_' | '<' | '>' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a command's message, as the Actions runner expects.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value (which also may not contain `:` or `,`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_support::{linter, report};

    #[test]
    fn annotation_line() {
        let r = report((4, 12), None);
        let out = render(&[Item::file("a,b.txt", "Big discount", &r)]);
        assert_eq!(
            out,
            "::warning file=a%2Cb.txt,line=1,col=5,endLine=1,endColumn=13,title=sales.discount::Discounts make the post look like an ad.\n"
        );
    }

    #[test]
    fn a_step_summary_only_when_annotations_would_be_dropped() {
        let en = linter(crate::Locale::EN);
        let mut r = report((4, 12), None);
        assert!(step_summary(&[Item::file("a.txt", "Big discount", &r)], &en).is_none());
        let one = r.findings[0].clone();
        for _ in 0..ANNOTATIONS_SHOWN {
            r.findings.push(one.clone());
        }
        r.findings[0].message = "a | b\nc".into();
        let items = [Item::file("a.txt", "Big discount", &r)];
        let md = step_summary(&items, &en).unwrap();
        assert!(md.contains("1 post: 0 errors, 11 warnings, 0 info"), "{md}");
        assert!(md.contains("| Line | Severity | Rule | Message |"), "{md}");
        assert!(
            md.contains("| 1:5 | warning | `sales.discount` | a \\| b c |"),
            "{md}"
        );
        assert_eq!(md.matches("`sales.discount`").count(), 11);
        let da = step_summary(&items, &linter(crate::Locale::DA)).unwrap();
        assert!(
            da.contains("1 opslag: 0 fejl, 11 advarsler, 0 info"),
            "{da}"
        );
        assert!(da.contains("| Linje | Alvor | Regel | Besked |"), "{da}");
        assert!(da.contains("| 1:5 | advarsel |"), "{da}");
    }
}
