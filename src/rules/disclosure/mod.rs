//! `disclosure.*`: employees promoting their employer's products must say they work there.
//! (`disclosure.recommendation` is a data rule in the recommended pack.)

pub(crate) mod missing;
