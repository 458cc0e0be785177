//! The JSON report (`--format json`): the contract in `docs/contracts.md` (and its schema,
//! `docs/report.schema.json`), pretty-printed.
//!
//! The output structs borrow from the reports and are separate from them on purpose: the report
//! types may grow, while the JSON shape is a published contract (fields may be added, never
//! renamed or removed).

use super::{Item, Position, Summary};
use crate::document::LineIndex;
use crate::entities::Entities;
use crate::i18n::ArgsJson;
use crate::platform::Length;
use crate::report::{Audit, ContentType, Scores, Signal};
use crate::report::{Finding, Severity, Suggestion, Verdict, WaiverUse};
use crate::text::Lang;
use serde::Serialize;

/// The version of the JSON report format.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: Tool,
    posts: Vec<PostOut<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

/// One entry of `posts[]`; also a line of `--format jsonl`.
#[derive(Serialize)]
pub(crate) struct PostOut<'a> {
    source: &'a str,
    language: Option<Lang>,
    platforms: &'a [Length],
    entities: &'a Entities,
    scores: &'a Scores,
    content_type: Option<ContentType>,
    /// The signals that built the score (a kind's third and later ones add nothing and are
    /// left out, which keeps the report small whatever the post).
    signals: Vec<&'a Signal>,
    verdict: Verdict,
    reviewers: &'a [String],
    findings: Vec<FindingOut<'a>>,
    /// The post's waivers with how many findings each accepted; left out when none.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    waivers: &'a [WaiverUse],
    /// What judged the post.
    audit: &'a Audit,
}

#[derive(Serialize)]
struct FindingOut<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    message_id: &'a str,
    args: ArgsJson<'a>,
    span: SpanOut,
    suggestions: &'a [Suggestion],
    route: Option<&'a str>,
    #[serde(skip_serializing_if = "is_zero")]
    omitted: usize,
    /// The waiver that accepts it: `{reason, by}`; left out when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    waived: Option<WaivedOut<'a>>,
}

#[derive(Serialize)]
struct WaivedOut<'a> {
    rule: &'a str,
    reason: &'a str,
    by: Option<&'a str>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Serialize)]
struct SpanOut {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
}

impl<'a> PostOut<'a> {
    pub(crate) fn new(item: &Item<'a>) -> PostOut<'a> {
        let index = LineIndex::new(item.text);
        let report = item.report;
        PostOut {
            source: item.source,
            language: report.language,
            platforms: &report.platforms,
            entities: &report.entities,
            scores: &report.scores,
            content_type: report.scores.content_type(),
            signals: report
                .scores
                .signals()
                .iter()
                .filter(|s| s.weight > 0.0)
                .collect(),
            verdict: report.verdict,
            reviewers: &report.reviewers,
            findings: report
                .findings
                .iter()
                .map(|f| finding(f, &index, item.text))
                .collect(),
            waivers: &report.waivers,
            audit: &report.audit,
        }
    }
}

fn finding<'a>(f: &'a Finding, index: &LineIndex, text: &str) -> FindingOut<'a> {
    let pos = Position::of(index, text, f.span.start);
    FindingOut {
        rule: &f.rule,
        severity: f.severity,
        message: &f.message,
        message_id: &f.message_id,
        args: ArgsJson(&f.args),
        span: SpanOut {
            start: f.span.start,
            end: f.span.end,
            line: pos.line,
            column: pos.column,
        },
        suggestions: &f.suggestions,
        route: f.route.as_deref(),
        omitted: f.omitted,
        waived: f.waived.as_ref().map(|w| WaivedOut {
            rule: &w.rule,
            reason: &w.reason,
            by: w.by.as_deref(),
        }),
    }
}

/// The whole run as one pretty-printed JSON document, ending with a newline.
pub(super) fn render(items: &[Item<'_>]) -> String {
    let doc = Document {
        version: FORMAT_VERSION,
        tool: Tool {
            name: "postlint",
            version: env!("CARGO_PKG_VERSION"),
        },
        posts: items.iter().map(PostOut::new).collect(),
        summary: Summary::of(items),
    };
    // Serialising plain data with string keys cannot fail.
    let mut out = super::json_text::to_string_pretty(&doc);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_support::report;

    #[test]
    fn has_every_contract_field() {
        let text = "Æble\nbig discount";
        let start = text.find("discount").unwrap();
        let r = report((start, start + 8), Some("comms"));
        let out = render(&[Item::file("a.txt", text, &r)]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["version"], 1);
        assert_eq!(v["tool"]["name"], "postlint");
        let post = &v["posts"][0];
        for key in [
            "source",
            "language",
            "platforms",
            "entities",
            "scores",
            "verdict",
            "reviewers",
            "findings",
        ] {
            assert!(post.get(key).is_some(), "missing {key}");
        }
        let f = &post["findings"][0];
        assert_eq!(f["span"]["line"], 2);
        assert_eq!(f["span"]["column"], 5);
        assert_eq!(f["suggestions"][0]["applicability"], "safe");
        assert_eq!(f["route"], "comms");
        assert_eq!(v["summary"]["verdicts"]["review"], 1);
        assert_eq!(v["summary"]["warnings"], 1);
    }
}
