//! SARIF 2.1.0 (`--format sarif`), for code-scanning dashboards.
//!
//! Columns are declared as Unicode code points (`columnKind`), matching the JSON report, and
//! only safe edits become `fixes`: SARIF consumers may apply fixes without asking.

use super::{Item, Position};
use crate::document::LineIndex;
use crate::report::{Applicability, Finding, Severity};
use crate::{Linter, RuleInfo};
use serde_json::{json, Value};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The run as a SARIF 2.1.0 log, describing the linter's rules in its locale.
pub(super) fn render(items: &[Item<'_>], linter: &Linter) -> String {
    let docs = linter.rules();
    let rules: Vec<Value> = docs.iter().map(rule).collect();
    let results: Vec<Value> = items
        .iter()
        .flat_map(|item| {
            let index = LineIndex::new(item.text);
            item.report
                .findings
                .iter()
                .map(|f| result(item, &index, f, &docs))
                .collect::<Vec<_>>()
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "postlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut out = super::json_text::to_string_pretty(&log);
    out.push('\n');
    out
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule(doc: &RuleInfo) -> Value {
    json!({
        "id": doc.id,
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": doc.explanation},
        "defaultConfiguration": {"level": level(doc.severity), "enabled": doc.enabled},
    })
}

fn region(index: &LineIndex, text: &str, start: usize, end: usize) -> Value {
    let a = Position::of(index, text, start);
    let b = Position::of(index, text, end);
    json!({
        "startLine": a.line,
        "startColumn": a.column,
        "endLine": b.line,
        "endColumn": b.column,
        "charOffset": start,
        "charLength": end.saturating_sub(start),
    })
}

fn result(item: &Item<'_>, index: &LineIndex, f: &Finding, docs: &[RuleInfo]) -> Value {
    let location = json!({"artifactLocation": {"uri": item.source}});
    let mut r = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": item.source},
            "region": region(index, item.text, f.span.start, f.span.end),
        }}],
    });
    if let Some(i) = docs.iter().position(|d| d.id == f.rule) {
        r["ruleIndex"] = json!(i);
    }
    let fixes: Vec<Value> = f
        .suggestions
        .iter()
        .filter(|s| s.applicability == Applicability::Safe && !s.edits.is_empty())
        .map(|s| {
            let replacements: Vec<Value> = s
                .edits
                .iter()
                .map(|e| {
                    json!({
                        "deletedRegion": region(index, item.text, e.start, e.end),
                        "insertedContent": {"text": e.replacement},
                    })
                })
                .collect();
            json!({
                "description": {"text": s.title},
                "artifactChanges": [{"artifactLocation": location["artifactLocation"], "replacements": replacements}],
            })
        })
        .collect();
    if !fixes.is_empty() {
        r["fixes"] = Value::Array(fixes);
    }
    if let Some(route) = &f.route {
        r["properties"] = json!({"route": route});
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_support::{linter, report};

    #[test]
    fn results_have_regions_and_fixes() {
        let r = report((4, 12), None);
        let out = render(
            &[Item {
                source: "a.txt",
                text: "Big discount",
                report: &r,
            }],
            &linter(crate::Locale::EN),
        );
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["version"], "2.1.0");
        let res = &v["runs"][0]["results"][0];
        assert_eq!(res["ruleId"], "sales.discount");
        assert_eq!(res["level"], "warning");
        let region = &res["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startColumn"], 5);
        assert_eq!(region["endColumn"], 13);
        assert_eq!(
            res["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
            "offer"
        );
    }
}
