//! `--format junit`: JUnit XML, which CI servers (Jenkins, GitLab, Azure DevOps) show as test
//! results. Each post is a `<testsuite>`; each finding a failing `<testcase>` named by its rule
//! and place; a post without findings one passing test case, so it is counted. Waived
//! findings are left out.

use super::{Item, Position};
use crate::document::LineIndex;
use std::fmt::Write as _;

/// The run as one `<testsuites>` document.
pub(super) fn render(items: &[Item<'_>]) -> String {
    // Waived findings were accepted by a reviewer: they are no failures.
    let counted = |i: &Item<'_>| i.report.counted().count();
    let total: usize = items.iter().map(|i| counted(i).max(1)).sum();
    let failures: usize = items.iter().map(counted).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"postlint\" tests=\"{total}\" failures=\"{failures}\">"
    );
    for item in items {
        let index = LineIndex::new(item.text);
        let findings: Vec<_> = item.report.counted().collect();
        let source = xml(item.source);
        let _ = writeln!(
            out,
            "  <testsuite name=\"{source}\" tests=\"{}\" failures=\"{}\">",
            findings.len().max(1),
            findings.len()
        );
        if findings.is_empty() {
            let _ = writeln!(
                out,
                "    <testcase name=\"postlint\" classname=\"{source}\" file=\"{source}\"/>"
            );
        }
        for f in findings {
            let p = Position::of(&index, item.text, f.span.start);
            let _ = writeln!(
                out,
                "    <testcase name=\"{} {}:{}\" classname=\"{source}\" file=\"{source}\" line=\"{}\">",
                xml(&f.rule),
                p.line,
                p.column,
                p.line
            );
            let _ = writeln!(
                out,
                "      <failure message=\"{}\" type=\"{}\">{}:{}:{}: {} {}</failure>",
                xml(&f.message),
                f.severity,
                source,
                p.line,
                p.column,
                xml(&f.rule),
                xml(&f.message)
            );
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// Text as XML character data or an attribute value: markup characters escaped, and the
/// characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) shown as U+FFFD.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_support::report;
    use crate::report::Report;

    #[test]
    fn a_suite_per_post_a_failing_case_per_finding() {
        let r = report((4, 12), None);
        let clean = Report {
            findings: Vec::new(),
            ..report((0, 0), None)
        };
        let out = render(&[
            Item::file("a&b \"1\".txt", "Big discount", &r),
            Item::file("ok.txt", "Hej", &clean),
        ]);
        assert!(
            out.contains("<testsuites name=\"postlint\" tests=\"2\" failures=\"1\">"),
            "{out}"
        );
        assert!(out
            .contains("<testsuite name=\"a&amp;b &quot;1&quot;.txt\" tests=\"1\" failures=\"1\">"));
        assert!(out.contains("<testcase name=\"sales.discount 1:5\""));
        assert!(out.contains(
            "<failure message=\"Discounts make the post look like an ad.\" type=\"warning\">"
        ));
        assert!(out.contains("<testcase name=\"postlint\" classname=\"ok.txt\" file=\"ok.txt\"/>"));
        assert_eq!(xml("a\u{1}b<\u{ffff}"), "a\u{fffd}b&lt;\u{fffd}");
    }
}
