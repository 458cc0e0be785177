//! `readability.*`: long sentences and the LIX index.

pub(crate) mod lix;
pub(crate) mod long_sentence;
