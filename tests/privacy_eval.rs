//! The personal-data and confidential-information judgement measured on the labelled
//! evaluation sets (`fixtures/eval/privacy`, `fixtures/eval/privacy-holdout`): per rule, a
//! finding counts when its rule matches a label and its span overlaps the label's `match`
//! (as `scripts/eval privacy` counts); each case is checked at its own moment. Floors are the
//! measured figures rounded down: a change that makes the judgement worse fails here.
//!
//! The sets were written blind, by authors who had not seen the implementation. `privacy` was
//! used while the rules were tuned (on the language: whole kinds of misses, never single
//! cases); `privacy-holdout` was first measured unread (P 97.7 %, R 90.0 %), then its misses
//! were read and fixed the same way; `privacy-holdout-2` is the set not read.

use postlint::{Guideline, Linter, Moment, Post, Severity};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// The rules the sets label; other rules' findings are not counted.
const LABELLED: [&str; 12] = [
    "privacy.cpr",
    "privacy.iban",
    "privacy.card",
    "privacy.email",
    "privacy.phone",
    "privacy.health",
    "privacy.sensitive",
    "privacy.photo-consent",
    "confidential.term",
    "confidential.customer",
    "finance.quiet-period",
    "finance.inside-information",
];

#[derive(Default, Debug, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    severity_agrees: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
}

struct Measured {
    all: Counts,
    rules: BTreeMap<String, Counts>,
    lookalike_alarms: usize,
    lookalikes: usize,
}

fn measure(set: &str) -> Measured {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/eval")
        .join(set);
    let toml = fs::read_to_string(dir.join("guideline.toml")).unwrap();
    let linter = Linter::new(Guideline::from_toml(&toml, "guideline.toml").unwrap()).unwrap();
    let mut m = Measured {
        all: Counts::default(),
        rules: BTreeMap::new(),
        lookalike_alarms: 0,
        lookalikes: 0,
    };
    for line in fs::read_to_string(dir.join("cases.jsonl")).unwrap().lines() {
        if line.trim().is_empty() {
            continue;
        }
        let c: Value = serde_json::from_str(line).unwrap();
        let text = c["text"].as_str().unwrap();
        let date = c["date"].as_str().unwrap_or("2026-12-01");
        let post = Post::new(text).date(Moment::parse(date).unwrap());
        let report = linter.check(&post);
        let found: Vec<_> = report
            .findings
            .iter()
            .filter(|f| LABELLED.contains(&f.rule.as_str()))
            .collect();
        let mut used = vec![false; found.len()];
        for e in c["expect"].as_array().unwrap() {
            let rule = e["rule"].as_str().unwrap();
            let needle = e["match"].as_str().unwrap();
            let start = text.find(needle).unwrap();
            let end = start + needle.len();
            let hit = found.iter().enumerate().position(|(k, f)| {
                !used[k] && f.rule == rule && f.span.start < end && start < f.span.end
            });
            let counts = m.rules.entry(rule.to_string()).or_default();
            match hit {
                Some(k) => {
                    used[k] = true;
                    counts.tp += 1;
                    let sev = e["severity"].as_str().unwrap();
                    if found[k].severity.as_str() == sev {
                        counts.severity_agrees += 1;
                    }
                }
                None => counts.fn_ += 1,
            }
        }
        for (k, f) in found.iter().enumerate() {
            if !used[k] {
                m.rules.entry(f.rule.clone()).or_default().fp += 1;
            }
        }
        if c["kind"] == "lookalike" {
            m.lookalikes += 1;
            if found.iter().any(|f| f.severity >= Severity::Info) {
                m.lookalike_alarms += 1;
            }
        }
    }
    for c in m.rules.values() {
        m.all.tp += c.tp;
        m.all.fp += c.fp;
        m.all.fn_ += c.fn_;
        m.all.severity_agrees += c.severity_agrees;
    }
    m
}

#[track_caller]
fn at_least(m: &Measured, rule: &str, precision: f64, recall: f64) {
    let c = if rule == "all" {
        m.all
    } else {
        m.rules.get(rule).copied().unwrap_or_default()
    };
    assert!(
        c.precision() >= precision && c.recall() >= recall,
        "{rule}: precision {:.3} (floor {precision}), recall {:.3} (floor {recall}); {c:?}",
        c.precision(),
        c.recall()
    );
}

#[test]
fn privacy_set() {
    let m = measure("privacy");
    at_least(&m, "all", 0.96, 0.96);
    // Identifiers and listed names: every one, and nothing else.
    for rule in [
        "privacy.cpr",
        "privacy.iban",
        "privacy.card",
        "privacy.email",
        "privacy.phone",
        "confidential.term",
        "confidential.customer",
    ] {
        at_least(&m, rule, 1.0, 1.0);
    }
    at_least(&m, "privacy.health", 1.0, 1.0);
    at_least(&m, "privacy.sensitive", 0.95, 0.91);
    at_least(&m, "privacy.photo-consent", 0.81, 0.85);
    at_least(&m, "finance.quiet-period", 0.90, 0.90);
    at_least(&m, "finance.inside-information", 0.90, 0.90);
    assert!(m.all.severity_agrees * 100 >= m.all.tp * 99, "{:?}", m.all);
    assert!(
        m.lookalike_alarms <= 2,
        "{} of {} look-alikes raised a finding",
        m.lookalike_alarms,
        m.lookalikes
    );
}

#[test]
fn privacy_holdout_set() {
    let m = measure("privacy-holdout");
    at_least(&m, "all", 0.98, 0.97);
    for rule in [
        "privacy.cpr",
        "privacy.iban",
        "privacy.card",
        "privacy.email",
        "privacy.phone",
        "privacy.health",
        "privacy.photo-consent",
        "confidential.customer",
        "finance.inside-information",
    ] {
        at_least(&m, rule, 1.0, 1.0);
    }
    at_least(&m, "confidential.term", 0.92, 1.0);
    at_least(&m, "privacy.sensitive", 1.0, 0.83);
    at_least(&m, "finance.quiet-period", 0.90, 0.81);
    assert!(
        m.lookalike_alarms <= 2,
        "{} of {} look-alikes raised a finding",
        m.lookalike_alarms,
        m.lookalikes
    );
}

/// The set not read: identifiers and health hold; the sentence judgements of the finance
/// rules and of the other art. 9 categories are what is still weak on unseen phrasing.
#[test]
fn privacy_holdout_2_set() {
    let m = measure("privacy-holdout-2");
    at_least(&m, "all", 0.93, 0.75);
    for rule in [
        "privacy.email",
        "privacy.phone",
        "privacy.health",
        "confidential.customer",
    ] {
        at_least(&m, rule, 1.0, 1.0);
    }
    at_least(&m, "privacy.sensitive", 1.0, 0.70);
    at_least(&m, "privacy.photo-consent", 0.81, 0.90);
    at_least(&m, "finance.quiet-period", 0.70, 0.46);
    at_least(&m, "finance.inside-information", 1.0, 0.33);
    assert!(
        m.lookalike_alarms <= 3,
        "{} of {} look-alikes raised a finding",
        m.lookalike_alarms,
        m.lookalikes
    );
}
