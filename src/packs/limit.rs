//! `kind = "limit"`: more than `max` matches of the terms or pattern are flagged, once, at
//! the first match over the limit.

use super::{Head, Triggers};
use crate::rule::{Context, Emitter, Rule};

#[derive(Debug)]
pub(super) struct Limit {
    pub head: Head,
    pub triggers: Triggers,
    pub max: usize,
}

impl Rule for Limit {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        if !self.head.applies(cx) {
            return;
        }
        let triggers = self.triggers.spans(cx);
        if triggers.len() > self.max {
            self.head
                .report(cx, out, triggers[self.max])
                .arg("count", triggers.len())
                .arg("max", self.max);
        }
    }
}
