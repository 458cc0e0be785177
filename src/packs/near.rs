//! `kind = "near"`: a term within `distance` words of another is flagged.

use super::{Head, Lists};
use crate::report::Span;
use crate::rule::{Context, Emitter, Rule};

#[derive(Debug)]
pub(super) struct Near {
    pub head: Head,
    pub terms: Lists,
    pub near: Lists,
    pub distance: usize,
}

impl Rule for Near {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        if !self.head.applies(cx) {
            return;
        }
        let near = self.near.hits(cx);
        if near.is_empty() {
            return;
        }
        // Distance is the number of words between the two.
        let words = |s: Span| {
            (
                cx.doc.word_index(s.start),
                cx.doc.word_index(s.end.saturating_sub(1)),
            )
        };
        let gap = |a: Span, b: Span| {
            let ((a0, a1), (b0, b1)) = (words(a), words(b));
            if b0 > a1 {
                b0 - a1 - 1
            } else if a0 > b1 {
                a0 - b1 - 1
            } else {
                0
            }
        };
        for (_, hit) in self.terms.hits(cx) {
            let close = near
                .iter()
                .find(|(_, n)| n.span != hit.span && gap(hit.span, n.span) <= self.distance);
            if let Some((_, n)) = close {
                self.head
                    .report(cx, out, hit.span)
                    .arg("near", cx.slice(n.span));
            }
        }
    }
}
