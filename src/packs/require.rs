//! `kind = "require"`: a post with a trigger must also contain one of the required terms
//! (a recommendation needs a disclosure).

use super::{Head, Lists, Triggers};
use crate::rule::{Context, Emitter, Rule};

#[derive(Debug)]
pub(super) struct Require {
    pub head: Head,
    pub triggers: Triggers,
    pub require: Lists,
}

impl Rule for Require {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        if !self.head.applies(cx) {
            return;
        }
        let Some(&first) = self.triggers.spans(cx).first() else {
            return;
        };
        if self.require.hits(cx).is_empty() {
            self.head.report(cx, out, first);
        }
    }
}
