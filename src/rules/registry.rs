//! The registry of built-in code rules. Data rules come from the guideline and its packs.

use super::{company, confidential, finance, language, readability, sales, tone, RuleMeta};

/// Every built-in code rule, sorted by id.
static ALL: &[&RuleMeta] = &[
    &company::COMPETITOR_MENTION,
    &confidential::TERM,
    &company::DISCLOSURE_MISSING,
    &finance::QUIET_PERIOD,
    &language::NOT_ALLOWED,
    &readability::LIX,
    &readability::LONG_SENTENCE,
    &sales::SCORE,
    &tone::NEGATIVE,
];

/// Every built-in code rule.
pub fn all() -> &'static [&'static RuleMeta] {
    ALL
}

/// A built-in code rule by id.
pub fn find(id: &str) -> Option<&'static RuleMeta> {
    ALL.iter().copied().find(|m| m.id == id)
}
