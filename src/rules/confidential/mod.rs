//! `confidential.*`: codenames, unreleased products and customers under NDA from the
//! guideline's `[[confidential]]` lists. (Classification markers and labels are data rules in
//! the recommended pack.)

pub(crate) mod customer;
pub(crate) mod term;
