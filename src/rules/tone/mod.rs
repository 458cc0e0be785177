//! `tone.*`: a clearly negative post. (Profanity is a data rule in the recommended pack.)

pub(crate) mod negative;
