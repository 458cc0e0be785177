//! `--statistics`: how many findings each rule made, most first (ruff's `--statistics`).

use super::Item;
use crate::report::Severity;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Findings per rule over all items: `count`, rule, severity, most first, then by id; an
/// omitted-findings record counts the findings it stands for.
pub fn statistics(items: &[Item<'_>]) -> Vec<(String, Severity, usize)> {
    let mut by_rule: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    for item in items {
        for f in item.report.counted() {
            *by_rule.entry((f.rule.as_str(), f.severity)).or_default() += f.omitted.max(1);
        }
    }
    let mut rows: Vec<(String, Severity, usize)> = by_rule
        .into_iter()
        .map(|((rule, sev), n)| (rule.to_string(), sev, n))
        .collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    rows
}

/// The statistics as an aligned table, one rule a line.
pub(super) fn render(items: &[Item<'_>]) -> String {
    let rows = statistics(items);
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    let count_width = rows
        .iter()
        .map(|r| r.2.to_string().len())
        .max()
        .unwrap_or(1);
    let mut out = String::new();
    for (rule, sev, n) in rows {
        let _ = writeln!(out, "{n:>count_width$}  {rule:<width$}  {sev}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_support::report;

    #[test]
    fn counts_per_rule_most_first() {
        let one = report((0, 3), None);
        let mut two = report((0, 3), None);
        two.findings.push(two.findings[0].clone());
        let mut other = two.findings[0].clone();
        other.rule = "links.shortener".into();
        other.omitted = 3;
        two.findings.push(other);
        let items = [Item::file("a", "Big", &one), Item::file("b", "Big", &two)];
        assert_eq!(
            statistics(&items),
            vec![
                ("links.shortener".to_string(), Severity::Warning, 3),
                ("sales.discount".to_string(), Severity::Warning, 3),
            ]
        );
        assert_eq!(
            render(&items),
            "3  links.shortener  warning\n3  sales.discount   warning\n"
        );
    }
}
