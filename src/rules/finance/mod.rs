//! `finance.*`: financial communication. (Forward-looking statements are a data rule in the
//! recommended pack.)

pub(crate) mod quiet_period;
