//! The competitor judgement and `tone.speaks-for-company` measured on the labelled tone set (`fixtures/eval/tone`, written
//! blind in an earlier session; its competitor and speaks-for-company posts were read while
//! the rules' words were written, so these are tuned figures). A post counts when a warning or error of the rule is
//! present; floors are the measured figures rounded down.

use postlint::{Guideline, Linter, Post, Severity};
use serde_json::Value;
use std::fs;
use std::path::Path;

#[test]
fn competitors_and_the_company_voice() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/eval/tone");
    let toml = fs::read_to_string(dir.join("guideline.toml")).unwrap();
    let linter = Linter::new(Guideline::from_toml(&toml, "guideline.toml").unwrap()).unwrap();
    let (mut tp, mut fp, mut fn_, mut ordinary_warned) = (0, 0, 0, 0);
    let (mut stp, mut sfp, mut sfn) = (0, 0, 0);
    for line in fs::read_to_string(dir.join("posts.jsonl")).unwrap().lines() {
        let p: Value = serde_json::from_str(line).unwrap();
        let report = linter.check(&Post::new(p["text"].as_str().unwrap()));
        let warns = |rule: &str| {
            report
                .findings
                .iter()
                .any(|f| f.rule == rule && f.severity >= Severity::Warning)
        };
        let want = p["expect"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "competitor.disparaging");
        match (want, warns("competitor.disparaging")) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            _ => {}
        }
        let want_voice = p["expect"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "tone.speaks-for-company");
        match (want_voice, warns("tone.speaks-for-company")) {
            (true, true) => stp += 1,
            (false, true) => sfp += 1,
            (true, false) => sfn += 1,
            _ => {}
        }
        if p["ordinary"] == true
            && report
                .findings
                .iter()
                .any(|f| f.rule.starts_with("competitor.") && f.severity >= Severity::Warning)
        {
            ordinary_warned += 1;
        }
    }
    assert_eq!(fp, 0, "competitor.disparaging false alarms");
    assert!(tp * 100 >= (tp + fn_) * 92, "recall {tp} of {}", tp + fn_);
    assert_eq!(
        ordinary_warned, 0,
        "ordinary posts with a competitor warning"
    );
    assert_eq!(sfp, 0, "tone.speaks-for-company false alarms");
    assert!(
        stp * 100 >= (stp + sfn) * 95,
        "speaks-for-company recall {stp} of {}",
        stp + sfn
    );
}
