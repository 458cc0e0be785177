//! The JSON report (`--format json`): the contract in `docs/contracts.md` (and its schema,
//! `docs/report.schema.json`), pretty-printed.
//!
//! The output structs borrow from the reports and are separate from them on purpose: the report
//! types may grow, while the JSON shape is a published contract (fields may be added, never
//! renamed or removed).

use super::{Fields, Item, Position, Summary};
use crate::document::LineIndex;
use crate::entities::Entities;
use crate::i18n::ArgsJson;
use crate::platform::Length;
use crate::post::Waiver;
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

/// One entry of `posts[]`; also a line of `--format jsonl`. A field `--output-fields` leaves
/// out is `None` and not written.
#[derive(Serialize)]
pub(crate) struct PostOut<'a> {
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<Option<Lang>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    platforms: Option<&'a [Length]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entities: Option<&'a Entities>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scores: Option<&'a Scores>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_type: Option<Option<ContentType>>,
    /// The signals that built the score (a kind's third and later ones add nothing and are
    /// left out, which keeps the report small whatever the post).
    #[serde(skip_serializing_if = "Option::is_none")]
    signals: Option<Vec<&'a Signal>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<Verdict>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reviewers: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    findings: Option<Vec<FindingOut<'a>>>,
    /// The post's waivers with how many findings each accepted; left out when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    waivers: Option<&'a [WaiverUse]>,
    /// What judged the post.
    #[serde(skip_serializing_if = "Option::is_none")]
    audit: Option<&'a Audit>,
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
    /// The waiver that accepts it: `{rule, reason, by}`; left out when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    waived: Option<&'a Waiver>,
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
    pub(crate) fn new(item: &Item<'a>, fields: Fields) -> PostOut<'a> {
        let report = item.report;
        let want = |name: &str| fields.has(name);
        let findings = want("findings").then(|| {
            let index = LineIndex::new(item.text);
            report
                .findings
                .iter()
                .map(|f| finding(f, &index, item.text))
                .collect()
        });
        PostOut {
            source: item.source,
            language: want("language").then_some(report.language),
            platforms: want("platforms").then_some(report.platforms.as_slice()),
            entities: want("entities").then_some(&report.entities),
            scores: want("scores").then_some(&report.scores),
            content_type: want("content_type").then(|| report.scores.content_type()),
            signals: want("signals").then(|| {
                report
                    .scores
                    .signals()
                    .iter()
                    .filter(|s| s.weight > 0.0)
                    .collect()
            }),
            verdict: want("verdict").then_some(report.verdict),
            reviewers: want("reviewers").then_some(report.reviewers.as_slice()),
            findings,
            waivers: (want("waivers") && !report.waivers.is_empty())
                .then_some(report.waivers.as_slice()),
            audit: want("audit").then_some(&report.audit),
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
        waived: f.waived.as_ref(),
    }
}

/// The whole run as one pretty-printed JSON document, ending with a newline.
pub(super) fn render(items: &[Item<'_>], fields: Fields) -> String {
    let doc = Document {
        version: FORMAT_VERSION,
        tool: Tool {
            name: "postlint",
            version: env!("CARGO_PKG_VERSION"),
        },
        posts: items.iter().map(|i| PostOut::new(i, fields)).collect(),
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
        let out = render(&[Item::file("a.txt", text, &r)], Fields::ALL);
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
