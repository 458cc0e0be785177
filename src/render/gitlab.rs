//! `--format gitlab`: GitLab's Code Quality report (a JSON array of issues), which merge
//! requests show inline. Each finding gets a stable fingerprint (SHA-256 of the file, the rule,
//! the text it is on and how many times that text was found before in the file), so GitLab can
//! tell a new finding from one that was already there when lines move.

use super::{Item, Position};
use crate::document::LineIndex;
use crate::report::Severity;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The run as one Code Quality array.
pub(super) fn render(items: &[Item<'_>]) -> String {
    let mut issues: Vec<Value> = Vec::new();
    for item in items {
        let index = LineIndex::new(item.text);
        let mut seen: HashMap<(String, &str), usize> = HashMap::new();
        for f in item.report.counted() {
            let a = Position::of(&index, item.text, f.span.start);
            let b = Position::of(&index, item.text, f.span.end);
            let quoted = item.text.get(f.span.start..f.span.end).unwrap_or("");
            let n = seen.entry((f.rule.clone(), quoted)).or_default();
            let mut h = Sha256::new();
            for part in [item.source, &f.rule, quoted, &n.to_string()] {
                h.update(part.as_bytes());
                h.update([0]);
            }
            *n += 1;
            let fingerprint: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
            issues.push(json!({
                "type": "issue",
                "check_name": f.rule,
                "description": f.message,
                "severity": severity(f.severity),
                "fingerprint": fingerprint,
                "location": {
                    "path": item.source,
                    "positions": {
                        "begin": {"line": a.line, "column": a.column},
                        "end": {"line": b.line, "column": b.column},
                    },
                },
            }));
        }
    }
    let mut out = super::json_text::to_string_pretty(&Value::Array(issues));
    out.push('\n');
    out
}

/// GitLab's severities: an error blocks the post (`critical`), a warning wants a look
/// (`minor`), a note is `info`.
fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "critical",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_support::report;

    #[test]
    fn issues_with_positions_and_stable_distinct_fingerprints() {
        let mut r = report((4, 12), None);
        r.findings.push(r.findings[0].clone());
        let out = render(&[Item::file("drafts/a.txt", "Big discount", &r)]);
        let v: Value = serde_json::from_str(&out).unwrap();
        let issues = v.as_array().unwrap();
        assert_eq!(issues.len(), 2);
        assert_eq!(issues[0]["check_name"], "sales.discount");
        assert_eq!(issues[0]["severity"], "minor");
        assert_eq!(issues[0]["location"]["path"], "drafts/a.txt");
        assert_eq!(issues[0]["location"]["positions"]["begin"]["column"], 5);
        let f0 = issues[0]["fingerprint"].as_str().unwrap();
        assert_eq!(f0.len(), 64);
        assert_ne!(f0, issues[1]["fingerprint"].as_str().unwrap());
        // The same finding elsewhere in the file keeps its fingerprint.
        let moved = report((5, 13), None);
        let again = render(&[Item::file("drafts/a.txt", "\nBig discount", &moved)]);
        let w: Value = serde_json::from_str(&again).unwrap();
        assert_eq!(w[0]["fingerprint"], issues[0]["fingerprint"]);
    }
}
