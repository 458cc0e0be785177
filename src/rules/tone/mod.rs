//! `tone.*`: a clearly negative post, party politics, and speaking on the company's behalf.
//! (Profanity is a
//! data rule in the recommended pack.)

pub(crate) mod negative;
pub(crate) mod politics;
pub(crate) mod speaks_for_company;
