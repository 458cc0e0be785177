//! `sales.*`: the salesiness score. (Discounts, prices, calls to action, urgency and
//! buzzwords are data rules in the recommended pack; the score itself is computed once per
//! post in `crate::score`.)

pub(crate) mod score;
