//! `hashtags.*`: too many for the platform, long lower-case ones that screen readers cannot
//! read, and a wall of them at the end of the post.

pub(crate) mod casing;
mod segment;
pub(crate) mod too_many;
pub(crate) mod wall;
