//! SARIF 2.1.0 (`--format sarif`), for code-scanning dashboards; valid against the official
//! schema (`tests/sarif.rs` checks every fixture).
//!
//! Regions describe the same characters three ways: line and column (code points,
//! `columnKind`), and `charOffset`/`charLength` in code points too, all counted after a
//! leading byte-order mark. A file is a URI reference (a relative path percent-encoded
//! segment by segment, an absolute one as a `file:` URI); standard input and batch records
//! are no files, so they get a described artifact location and a logical location instead of
//! a made-up URI. Only safe edits become `fixes`: SARIF consumers may apply fixes without
//! asking.

use super::{Item, Origin, Position};
use crate::document::LineIndex;
use crate::report::{Applicability, Finding, Severity};
use crate::{Linter, RuleInfo};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::{json, Value};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Everything but RFC 3986's unreserved characters is percent-encoded in a path segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The run as a SARIF 2.1.0 log, describing the linter's rules in its locale.
pub(super) fn render(items: &[Item<'_>], linter: &Linter) -> String {
    let docs = linter.rules();
    let rules: Vec<Value> = docs.iter().map(rule).collect();
    let results: Vec<Value> = items
        .iter()
        .flat_map(|item| {
            let index = LineIndex::new(item.text);
            let location = artifact_location(item);
            item.report
                .findings
                .iter()
                .map(|f| result(item, &location, &index, f, &docs))
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
            "properties": {"audit": run_audit(items, linter)},
        }],
    });
    let mut out = super::json_text::to_string_pretty(&log);
    out.push('\n');
    out
}

/// What judged the run (the JSON report's `audit` without the per-post moment): from the
/// first post's report, or the linter's when there is none.
fn run_audit(items: &[Item<'_>], linter: &Linter) -> Value {
    let fallback;
    let audit = match items.first() {
        Some(item) => &item.report.audit,
        None => {
            fallback = linter.check_text("").audit;
            &fallback
        }
    };
    let mut v = json!(audit);
    if let Some(m) = v.as_object_mut() {
        m.remove("date");
        m.remove("date_from");
    }
    v
}

/// A path as a URI reference: relative paths stay relative (`drafts/m%C3%B8de%20i%20dag.txt`),
/// absolute ones become `file:` URIs.
pub fn path_uri(path: &str) -> String {
    let windows = std::path::MAIN_SEPARATOR == '\\';
    let path = if windows {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    let encoded: Vec<String> = path
        .split('/')
        .map(|seg| utf8_percent_encode(seg, SEGMENT).to_string())
        .collect();
    let joined = encoded.join("/");
    if path.starts_with('/') {
        format!("file://{joined}")
    } else if windows && path.as_bytes().get(1) == Some(&b':') {
        // A Windows drive (`C:/drafts/x.txt`): the drive letter keeps its colon.
        format!("file:///{}:{}", &path[..1], &joined[4.min(joined.len())..])
    } else {
        joined
    }
}

/// Where an item's findings are: its file's URI, or a description of what it is.
fn artifact_location(item: &Item<'_>) -> Value {
    match item.origin {
        Origin::File => json!({"uri": path_uri(item.source)}),
        Origin::Stdin => json!({"description": {"text": "standard input"}}),
        Origin::Record => json!({"description": {"text": format!("record {}", item.source)}}),
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A rule as `reportingDescriptor`: the summary, the explanation in full, and as help the
/// explanation with the options in force and the examples, as `postlint explain` gives them.
fn rule(doc: &RuleInfo) -> Value {
    let mut help = doc.explanation.clone();
    for o in &doc.options {
        help += &format!("\n\n{} = {}: {}", o.name, o.value, o.doc);
    }
    for e in &doc.examples {
        help += &format!("\n\n{} {}", if e.bad { "✗" } else { "✓" }, e.text);
    }
    let mut r = json!({
        "id": doc.id,
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": doc.explanation},
        "help": {"text": help},
        "defaultConfiguration": {"level": level(doc.severity), "enabled": doc.enabled},
    });
    if let Some(url) = &doc.help_url {
        r["helpUri"] = json!(url);
    }
    if let Some(route) = &doc.route {
        r["properties"] = json!({"route": route});
    }
    r
}

fn region(index: &LineIndex, text: &str, start: usize, end: usize) -> Value {
    let a = Position::of(index, text, start);
    let b = Position::of(index, text, end);
    let (ca, cb) = (index.char_offset(text, start), index.char_offset(text, end));
    json!({
        "startLine": a.line,
        "startColumn": a.column,
        "endLine": b.line,
        "endColumn": b.column,
        "charOffset": ca,
        "charLength": cb.saturating_sub(ca),
    })
}

fn result(
    item: &Item<'_>,
    location: &Value,
    index: &LineIndex,
    f: &Finding,
    docs: &[RuleInfo],
) -> Value {
    let mut physical = json!({
        "artifactLocation": location,
        "region": region(index, item.text, f.span.start, f.span.end),
    });
    let mut place = json!({});
    if item.origin != Origin::File {
        place["logicalLocations"] = json!([{"name": item.source, "kind": "object"}]);
    }
    place["physicalLocation"] = physical.take();
    let mut r = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": {"text": f.message},
        "locations": [place],
    });
    if let Some(i) = docs.iter().position(|d| d.id == f.rule) {
        r["ruleIndex"] = json!(i);
    }
    if let Some(w) = &f.waived {
        // A waiver in the draft's own front matter is in the source; one from a service
        // request or the API is external.
        let kind = if w.span.is_some() {
            "inSource"
        } else {
            "external"
        };
        let mut suppression = json!({
            "kind": kind,
            "status": "accepted",
            "justification": w.reason,
        });
        if let Some(by) = &w.by {
            suppression["properties"] = json!({ "by": by });
        }
        r["suppressions"] = json!([suppression]);
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
                "artifactChanges": [{"artifactLocation": location, "replacements": replacements}],
            })
        })
        .collect();
    if !fixes.is_empty() {
        r["fixes"] = Value::Array(fixes);
    }
    if let Some(route) = &f.route {
        r["properties"] = json!({"route": route});
    }
    // The moment is the post's (a record may carry its own date); the rest of the audit
    // record is the run's.
    r["properties"]["date"] = json!(item.report.audit.date());
    r["properties"]["date_from"] = json!(item.report.audit.date_from());
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
            &[Item::file("a.txt", "Big discount", &r)],
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

    #[test]
    fn regions_count_code_points_after_a_byte_order_mark() {
        // "\u{FEFF}Bø discount": the BOM is no column, "ø" one code point.
        let text = "\u{FEFF}Bø discount";
        let start = text.find("discount").unwrap();
        let r = report((start, text.len()), None);
        let out = render(&[Item::file("a.txt", text, &r)], &linter(crate::Locale::EN));
        let v: Value = serde_json::from_str(&out).unwrap();
        let region = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startColumn"], 4);
        assert_eq!(region["charOffset"], 3);
        assert_eq!(region["charLength"], 8);
        assert_eq!(region["endColumn"], 12);
    }

    #[test]
    fn paths_are_uri_references() {
        assert_eq!(
            path_uri("drafts/møde i dag.txt"),
            "drafts/m%C3%B8de%20i%20dag.txt"
        );
        assert_eq!(
            path_uri("/home/a b/x#1.txt"),
            "file:///home/a%20b/x%231.txt"
        );
        assert_eq!(path_uri("a:b.txt"), "a%3Ab.txt");
        assert_eq!(path_uri("100%.txt"), "100%25.txt");
    }
}
