//! Waivers: a reviewer accepts a rule's findings in one post, with a reason. The finding
//! stays in every report, marked; it no longer counts for the verdict, the reviewers, the
//! exit code or the totals; `--no-waivers` brings it back; a waiver without a reason or of
//! an unknown rule is an error that points at it.

mod common;

use common::{json, postlint, write};
use postlint::{Applicability, Guideline, Linter, Options, Post, Verdict, Waiver};
use tempfile::TempDir;

/// A Danish news post whose link carries campaign tracking codes.
const TRACKED: &str =
    "Læs om vores nye cykelsti her: https://example.dk/nyhed?utm_source=linkedin&utm_medium=social";

/// A draft whose discount makes a reviewer look (a warning routed to comms by the guideline).
const GUIDELINE: &str = r#"
extends = ["recommended"]
[rules."sales.discount"]
severity = "warning"
route = "comms"
"#;

const SALE: &str = "Vi har 30 % rabat på alle cykler i denne uge. Kig forbi butikken i Aarhus.";

fn linter(options: Options) -> Linter {
    Linter::with_options(
        Guideline::from_toml(GUIDELINE, "postlint.toml").unwrap(),
        options,
    )
    .unwrap()
}

#[test]
fn a_waived_finding_stays_marked_and_no_longer_counts() {
    let linter = linter(Options::new());
    let plain = linter.check(&Post::new(SALE));
    assert_eq!(plain.verdict, Verdict::Review, "{:#?}", plain.findings);
    assert_eq!(plain.reviewers, ["comms"]);
    let before = plain.findings.len();

    let waiver =
        Waiver::new("sales.discount", "Butikkens åbningsrabat er godkendt").by("Mette, comms");
    let report = linter.check(&Post::new(SALE).waive(waiver.clone()));
    assert_eq!(
        report.findings.len(),
        before,
        "the finding stays in the report"
    );
    let waived: Vec<_> = report.findings.iter().filter(|f| f.is_waived()).collect();
    assert!(!waived.is_empty());
    assert!(waived.iter().all(|f| f.rule == "sales.discount"));
    assert_eq!(
        waived[0].waived.as_ref().unwrap().reason,
        "Butikkens åbningsrabat er godkendt"
    );
    assert_eq!(
        report.reviewers,
        Vec::<String>::new(),
        "comms accepted it already"
    );
    // The salesiness score still asks for a look: one waiver accepts one rule.
    assert_eq!(report.verdict, Verdict::Review, "{:#?}", report.findings);
    assert_eq!(report.waivers.len(), 1);
    assert_eq!(report.waivers[0].findings, report.waived());
    assert_eq!(report.total() + report.waived(), plain.total());
    let both = Post::new(SALE)
        .waive(waiver.clone())
        .waive(Waiver::new("sales.score", "Et butiksopslag må lyde som et"));
    let report = linter.check(&both);
    assert_eq!(report.verdict, Verdict::Pass, "{:#?}", report.findings);

    // For an audit every finding counts again.
    let audit = audit_linter().check(&Post::new(SALE).waive(waiver));
    assert_eq!(audit.verdict, Verdict::Review);
    assert!(audit.findings.iter().all(|f| !f.is_waived()));
    assert!(audit.waivers.is_empty());
}

fn audit_linter() -> Linter {
    linter(Options::new().no_waivers(true))
}

#[test]
fn a_family_waiver_covers_its_rules_and_an_unused_one_counts_zero() {
    let linter = linter(Options::new());
    let post = Post::new(SALE)
        .waive(Waiver::new("sales", "Kampagnen er godkendt"))
        .waive(Waiver::new("privacy.cpr", "Ingen personnumre her"));
    let report = linter.check(&post);
    assert!(report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("sales."))
        .all(|f| f.is_waived()));
    assert!(report.waivers[0].findings > 0);
    assert_eq!(report.waivers[1].findings, 0);
    assert!(linter.check_waivers(&post, None).is_ok());
    let typo = Post::new(SALE).waive(Waiver::new("sales.discuont", "x"));
    let err = linter
        .check_waivers(&typo, Some("batch.jsonl:3"))
        .unwrap_err();
    assert!(err.message().contains("batch.jsonl:3"), "{}", err.message());
    assert!(
        err.message().contains("sales.discuont"),
        "{}",
        err.message()
    );
    assert_eq!(err.help_text(), Some("did you mean `sales.discount`?"));
}

#[test]
fn a_waived_fix_is_not_applied() {
    let linter = Linter::new(Guideline::recommended()).unwrap();
    let fixed = linter
        .fix(&Post::new(TRACKED), Applicability::Safe)
        .unwrap();
    assert!(!fixed.text.contains("utm_"), "{}", fixed.text);
    let post = Post::new(TRACKED).waive(Waiver::new("links.tracking", "Kampagnen måles"));
    let fixed = linter.fix(&post, Applicability::Safe).unwrap();
    assert_eq!(fixed.text, TRACKED);
}

fn draft(waive: &str) -> String {
    format!("+++\nplatforms = [\"linkedin\"]\nwaive = [\n{waive}\n]\n+++\n{SALE}\n")
}

#[test]
fn front_matter_waivers_in_the_json_report_and_the_exit_code() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "postlint.toml", GUIDELINE);
    write(tmp.path(), "plain.md", draft(""));
    write(
        tmp.path(),
        "waived.md",
        draft(concat!(
            r#"{ rule = "sales.discount", reason = "Åbningsrabatten er godkendt", by = "comms" },"#,
            "\n",
            r#"{ rule = "sales.score", reason = "Et butiksopslag", by = "comms" },"#
        )),
    );
    let r = postlint(
        tmp.path(),
        &["check", "--fail-on", "warning", "plain.md"],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stdout);
    let r = postlint(
        tmp.path(),
        &["check", "--fail-on", "warning", "waived.md"],
        None,
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("Waived by comms: Åbningsrabatten er godkendt"),
        "{}",
        r.stdout
    );

    let r = postlint(
        tmp.path(),
        &["check", "--format", "json", "waived.md"],
        None,
    );
    let v = json(&r.stdout);
    let post = &v["posts"][0];
    let f = post["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "sales.discount")
        .unwrap();
    assert_eq!(f["waived"]["reason"], "Åbningsrabatten er godkendt");
    assert_eq!(f["waived"]["by"], "comms");
    assert_eq!(post["waivers"][0]["rule"], "sales.discount");
    assert!(post["waivers"][0]["findings"].as_u64().unwrap() >= 1);
    assert_eq!(post["reviewers"], serde_json::json!([]));
    assert!(v["summary"]["waived"].as_u64().unwrap() >= 1);
    assert_eq!(v["summary"]["warnings"], 0);

    // The audit: the same draft with every finding counted.
    let args = [
        "check",
        "--fail-on",
        "warning",
        "--no-waivers",
        "--format",
        "json",
        "waived.md",
    ];
    let r = postlint(tmp.path(), &args, None);
    assert_eq!(r.code, 1);
    let v = json(&r.stdout);
    assert_eq!(v["posts"][0]["verdict"], "review");
    assert_eq!(v["posts"][0]["reviewers"], serde_json::json!(["comms"]));

    // SARIF marks it suppressed, with the reason as the justification.
    let r = postlint(
        tmp.path(),
        &["check", "--format", "sarif", "waived.md"],
        None,
    );
    let v = json(&r.stdout);
    let results = v["runs"][0]["results"].as_array().unwrap();
    let s = results
        .iter()
        .find(|r| r["ruleId"] == "sales.discount")
        .unwrap();
    assert_eq!(s["suppressions"][0]["kind"], "inSource");
    assert_eq!(s["suppressions"][0]["status"], "accepted");
    assert_eq!(
        s["suppressions"][0]["justification"],
        "Åbningsrabatten er godkendt"
    );
}

#[test]
fn a_waiver_without_a_reason_or_of_an_unknown_rule_is_an_error_that_points_at_it() {
    let tmp = TempDir::new().unwrap();
    write(
        tmp.path(),
        "blank.md",
        draft(r#"{ rule = "sales.discount", reason = "  " },"#),
    );
    write(
        tmp.path(),
        "none.md",
        draft(r#"{ rule = "sales.discount" },"#),
    );
    write(
        tmp.path(),
        "typo.md",
        draft(r#"{ rule = "sales.discuont", reason = "ok" },"#),
    );
    let r = postlint(tmp.path(), &["check", "blank.md"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("blank.md:4:37"), "{}", r.stderr);
    assert!(r.stderr.contains("needs a reason"), "{}", r.stderr);
    let r = postlint(tmp.path(), &["check", "none.md"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("none.md:4:1"), "{}", r.stderr);
    assert!(r.stderr.contains("missing field `reason`"), "{}", r.stderr);
    let r = postlint(tmp.path(), &["check", "typo.md"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("typo.md:4:10"), "{}", r.stderr);
    assert!(
        r.stderr.contains("did you mean `sales.discount`?"),
        "{}",
        r.stderr
    );
    // In Danish too.
    let r = postlint(tmp.path(), &["check", "--locale", "da", "blank.md"], None);
    assert!(
        r.stderr.contains("skal have en begrundelse"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_jsonl_record_carries_its_waivers() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "postlint.toml", GUIDELINE);
    let batch = format!(
        "{}\n{}\n{}\n",
        serde_json::json!({"id": "ok", "text": SALE, "waive": [{"rule": "sales.discount", "reason": "Godkendt af comms"}]}),
        serde_json::json!({"id": "blank", "text": SALE, "waive": [{"rule": "sales.discount", "reason": ""}]}),
        serde_json::json!({"id": "typo", "text": SALE, "waive": [{"rule": "sales.dicount", "reason": "x"}]}),
    );
    write(tmp.path(), "queue.jsonl", &batch);
    let r = postlint(
        tmp.path(),
        &[
            "check",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "queue.jsonl",
        ],
        None,
    );
    assert_eq!(r.code, 2, "two records are bad");
    let first = json(r.stdout.lines().next().unwrap());
    assert_eq!(first["source"], "ok");
    assert_eq!(first["reviewers"], serde_json::json!([]));
    // The bad records are error records in their place; the others are checked.
    let lines: Vec<_> = r.stdout.lines().map(json).collect();
    assert_eq!(lines.len(), 3, "{}", r.stdout);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(
        lines[1]["error"],
        "invalid JSON Lines record: `waive[0]` needs a reason (`reason`)"
    );
    assert_eq!(lines[2]["line"], 3);
    let typo = lines[2]["error"].as_str().unwrap();
    assert!(typo.contains("unknown rule `sales.dicount`"), "{typo}");
}
