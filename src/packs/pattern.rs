//! `kind = "pattern"`: each match of a regular expression is flagged.

use super::Head;
use crate::matcher::RegexId;
use crate::rule::{Context, Emitter, Rule};

#[derive(Debug)]
pub(super) struct Pattern {
    pub head: Head,
    pub regex: RegexId,
}

impl Rule for Pattern {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        if !self.head.applies(cx) {
            return;
        }
        for &span in cx.hits.regex(self.regex) {
            self.head.report(cx, out, span);
        }
    }
}
