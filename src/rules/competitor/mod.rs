//! `competitor.*`: naming the company's competitors.

pub(crate) mod mention;
