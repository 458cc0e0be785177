//! `length.*`: the length per platform — over the limit, and what falls below the fold
//! ("…se mere"). Both read the lengths the linter measured once per post (`cx.platforms`);
//! where a finding must point at a place in the text, `platform::cut_offset` walks the post
//! once in the platform's unit and stops there.

pub(crate) mod fold;
pub(crate) mod over_limit;
