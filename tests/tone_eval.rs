//! The tone judgements measured on two labelled sets, each run with its own guideline:
//!
//! - `fixtures/eval/tone` (240 posts, written blind in an earlier session; its competitor,
//!   speaks-for-company, negative and politics posts were read while the rules' words were
//!   written, so these are tuned figures);
//! - `fixtures/eval/tone-holdout` (184 posts, written blind by a helper who saw neither the
//!   implementation nor the first set's posts, and never read while tuning: figures on
//!   phrasing the rules have not seen).
//!
//! A post counts when a warning or error of the rule is present. Floors are the measured
//! figures rounded down; ordinary posts are the positive and neutral employee posts that must
//! raise no tone or competitor warning at all.

use postlint::{Guideline, Linter, Post, Severity};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Per rule (tp, fp, fn), and the ordinary posts with a tone or competitor warning.
fn measure(set: &str) -> (BTreeMap<String, (u32, u32, u32)>, u32, u32) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/eval")
        .join(set);
    let toml = fs::read_to_string(dir.join("guideline.toml")).unwrap();
    let linter = Linter::new(Guideline::from_toml(&toml, "guideline.toml").unwrap()).unwrap();
    let rules = [
        "competitor.disparaging",
        "tone.negative",
        "tone.politics",
        "tone.speaks-for-company",
    ];
    let mut tally: BTreeMap<String, (u32, u32, u32)> = BTreeMap::new();
    let (mut ordinary, mut ordinary_warned) = (0, 0);
    for line in fs::read_to_string(dir.join("posts.jsonl")).unwrap().lines() {
        let p: Value = serde_json::from_str(line).unwrap();
        let report = linter.check(&Post::new(p["text"].as_str().unwrap()));
        let warns = |rule: &str| {
            report
                .findings
                .iter()
                .any(|f| f.rule == rule && f.severity >= Severity::Warning)
        };
        for rule in rules {
            let want = p["expect"].as_array().unwrap().iter().any(|r| r == rule);
            let t = tally.entry(rule.to_string()).or_default();
            match (want, warns(rule)) {
                (true, true) => t.0 += 1,
                (false, true) => t.1 += 1,
                (true, false) => t.2 += 1,
                _ => {}
            }
        }
        if p["ordinary"] == true {
            ordinary += 1;
            let noisy = report.findings.iter().any(|f| {
                (f.rule.starts_with("tone.") || f.rule.starts_with("competitor."))
                    && f.severity >= Severity::Warning
            });
            ordinary_warned += u32::from(noisy);
        }
    }
    (tally, ordinary, ordinary_warned)
}

#[track_caller]
fn at_least(tally: &BTreeMap<String, (u32, u32, u32)>, rule: &str, precision: u32, recall: u32) {
    let (tp, fp, fn_) = tally[rule];
    assert!(
        tp * 100 >= (tp + fp) * precision,
        "{rule}: precision {tp} of {}",
        tp + fp
    );
    assert!(
        tp * 100 >= (tp + fn_) * recall,
        "{rule}: recall {tp} of {}",
        tp + fn_
    );
}

#[test]
fn the_tuned_tone_set() {
    let (t, ordinary, warned) = measure("tone");
    assert!(ordinary >= 100, "{ordinary}");
    at_least(&t, "competitor.disparaging", 100, 92);
    at_least(&t, "tone.speaks-for-company", 100, 95);
    at_least(&t, "tone.negative", 96, 64);
    at_least(&t, "tone.politics", 100, 86);
    // One ordinary post: "pisse rigtigt" as praise, which tone.profanity still flags.
    assert!(
        warned <= 1,
        "ordinary posts with a tone warning: {warned} of {ordinary}"
    );
}

#[test]
fn the_blind_hold_out() {
    let (t, ordinary, warned) = measure("tone-holdout");
    assert!(ordinary >= 100, "{ordinary}");
    at_least(&t, "tone.negative", 92, 26);
    at_least(&t, "tone.politics", 92, 56);
    at_least(&t, "tone.speaks-for-company", 100, 75);
    assert!(
        warned <= 2,
        "ordinary posts with a tone warning: {warned} of {ordinary}"
    );
}
