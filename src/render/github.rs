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
        for f in &item.report.findings {
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
    use crate::render::test_support::report;

    #[test]
    fn annotation_line() {
        let r = report((4, 12), None);
        let out = render(&[Item::file("a,b.txt", "Big discount", &r)]);
        assert_eq!(
            out,
            "::warning file=a%2Cb.txt,line=1,col=5,endLine=1,endColumn=13,title=sales.discount::Discounts make the post look like an ad.\n"
        );
    }
}
