//! `disclosure.*`: employees promoting their employer's products must say they work there.
//! (`disclosure.recommendation` is a data rule in the recommended pack.)

pub(crate) mod buried;
mod marking;
pub(crate) mod missing;
pub(crate) mod weak_marking;
