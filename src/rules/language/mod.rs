//! `language.*`: the languages a guideline allows.

pub(crate) mod not_allowed;
