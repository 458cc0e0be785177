//! The registry of built-in code rules. Data rules come from the guideline and its packs.

use super::{company, confidential, finance, language, readability, sales, tone, RuleMeta};
use super::{hashtags, length, mentions};
use super::{links, style};

/// Every built-in code rule, sorted by id.
static ALL: &[&RuleMeta] = &[
    &company::COMPETITOR_MENTION,
    &confidential::TERM,
    &company::DISCLOSURE_MISSING,
    &finance::QUIET_PERIOD,
    &hashtags::CASING,
    &hashtags::TOO_MANY,
    &hashtags::WALL,
    &language::NOT_ALLOWED,
    &length::FOLD,
    &length::OVER_LIMIT,
    &links::INTERNAL_LINK,
    &links::SHORTENER,
    &links::TOO_MANY,
    &links::TRACKING_PARAMS,
    &mentions::TOO_MANY,
    &readability::LIX,
    &readability::LONG_SENTENCE,
    &sales::SCORE,
    &style::EMOJI_DENSITY,
    &style::EXCLAMATIONS,
    &style::FANCY_TEXT,
    &style::SHOUTING,
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
