//! Test helpers for rules (Harper's `assert_lint_count` in spirit): build a linter with one
//! rule selected and a guideline snippet, check a text, assert what it finds. They are
//! `#[track_caller]`, so a failure points at the test line, not here.

use crate::report::{Applicability, Finding};
use crate::{Date, Guideline, Linter, Locale, Options, Post};

/// The day tests check on, unless a test says otherwise.
pub(crate) const DATE: Date = Date {
    year: 2026,
    month: 6,
    day: 1,
};

#[track_caller]
fn linter(guideline: &str, rule: &str, locale: &str) -> Linter {
    let g = Guideline::from_toml(guideline, "test.toml").unwrap_or_else(|e| panic!("{e}"));
    let options = Options::new()
        .select([rule])
        .locale(Locale::parse(locale).expect("a locale"))
        .date(DATE);
    Linter::with_options(g, options).unwrap_or_else(|e| panic!("{e}"))
}

/// The findings of `rule` on `text` under the guideline snippet, in `locale`.
#[track_caller]
pub(crate) fn findings(guideline: &str, rule: &str, text: &str, locale: &str) -> Vec<Finding> {
    let report = linter(guideline, rule, locale).check(&Post::new(text));
    report
        .findings
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// `rule` finds something in `text`.
#[track_caller]
pub(crate) fn assert_fires(guideline: &str, rule: &str, text: &str) {
    let f = findings(guideline, rule, text, "en");
    assert!(!f.is_empty(), "{rule} should fire on {text:?}");
}

/// `rule` finds nothing in `text`.
#[track_caller]
pub(crate) fn assert_silent(guideline: &str, rule: &str, text: &str) {
    let f = findings(guideline, rule, text, "en");
    assert!(f.is_empty(), "{rule} should not fire on {text:?}: {f:#?}");
}

/// Applying `rule`'s safe fixes to `text` gives `fixed`, on which the rule is then silent
/// (a fix must resolve what it was offered for).
#[track_caller]
pub(crate) fn assert_fixed(guideline: &str, rule: &str, text: &str, fixed: &str) {
    let l = linter(guideline, rule, "en");
    let out = l
        .fix(&Post::new(text), Applicability::Safe)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.text, fixed, "fixing {text:?}");
    let again = l.check(&Post::new(fixed));
    assert!(
        again.findings.iter().all(|f| f.rule != rule
            || f.suggestions
                .iter()
                .all(|s| s.edits.is_empty() || s.applicability != Applicability::Safe)),
        "{rule} still offers a safe fix after fixing: {:#?}",
        again.findings
    );
}
