//! `readability.*`: long sentences, the LIX index (both languages) and Flesch Reading Ease
//! (English). The scores are counted once per post in [`crate::score::readability`].

pub(crate) mod flesch;
pub(crate) mod lix;
pub(crate) mod long_sentence;

/// A score as a whole number for a message, rounded as `{:.0}` rounds (half to even), as
/// the messages always have.
fn whole(f: f64) -> i64 {
    format!("{f:.0}").parse::<i64>().unwrap_or(0)
}
