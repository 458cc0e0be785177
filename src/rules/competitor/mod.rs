//! `competitor.*`: naming the company's competitors.

pub(crate) mod disparaging;
pub(crate) mod mention;
