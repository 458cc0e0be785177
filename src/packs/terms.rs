//! `kind = "terms"`: each listed word or phrase is flagged.

use super::{Head, Lists};
use crate::rule::{Context, Emitter, Rule};

#[derive(Debug)]
pub(super) struct Terms {
    pub head: Head,
    pub terms: Lists,
}

impl Rule for Terms {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        if !self.head.applies(cx) {
            return;
        }
        for (_, hit) in self.terms.hits(cx) {
            self.head.report(cx, out, hit.span);
        }
    }
}
