//! `mentions.*`: tagging many people or accounts at once.

pub(crate) mod too_many;
