//! `sales.*`: the salesiness score and the signals it is built from. The signals themselves
//! are found once per post in `crate::score` (words in `rules/lexicons/signals.toml`); these
//! rules point at them. Discounts, prices and buzzwords are data rules in the recommended pack.

pub(crate) mod call_to_action;
pub(crate) mod competition;
pub(crate) mod content_type;
pub(crate) mod score;
pub(crate) mod urgency;

use crate::report::SignalKind;
use crate::rule::{Context, Emitter};

/// Reports every signal of `kind`, quoting it.
fn report_signals(cx: &Context<'_>, out: &mut Emitter<'_>, kind: SignalKind) {
    for s in cx.scores.signals().iter().filter(|s| s.kind == kind) {
        out.report(s.span, "message")
            .arg("term", cx.slice(s.span))
            .advice("suggestion");
    }
}
