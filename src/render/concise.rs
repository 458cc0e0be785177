//! `--format concise`: one line per finding, `path:line:col: severity rule message`, as ruff
//! and compilers write them (editors and `grep` read it).

use super::{printable, Item, Position};
use crate::document::LineIndex;
use std::fmt::Write as _;

/// One line per finding, the post's name and message made printable.
pub(super) fn render(items: &[Item<'_>]) -> String {
    let mut out = String::new();
    for item in items {
        let index = LineIndex::new(item.text);
        for f in item.report.counted() {
            let p = Position::of(&index, item.text, f.span.start);
            let _ = writeln!(
                out,
                "{}:{}:{}: {} {} {}",
                printable::line(item.source),
                p.line,
                p.column,
                f.severity,
                f.rule,
                printable::line(&f.message)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_support::report;

    #[test]
    fn one_line_per_finding() {
        let r = report((4, 12), None);
        let out = render(&[Item::file("opslag\u{1b}.txt", "Big\ndiscount", &r)]);
        assert_eq!(
            out,
            "opslag\u{241b}.txt:2:1: warning sales.discount Discounts make the post look like an ad.\n"
        );
    }
}
