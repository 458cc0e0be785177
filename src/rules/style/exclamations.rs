//! `style.exclamations`: several exclamation marks in a row (!!!), or after most sentences.

use crate::error::Error;
use crate::report::{Applicability, Severity, Span};
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use serde::{Deserialize, Serialize};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "style.exclamations",
    severity: Severity::Info,
    route: None,
    scope: Scope::Span,
    options: options::<Options>,
    build: Exclamations::build,
};

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// The largest share (0–1) of sentences that may end with "!".
    max_share: f64,
    /// The share is only judged in posts with at least this many sentences.
    min_sentences: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_share: 0.5,
            min_sentences: 3,
        }
    }
}

#[derive(Debug)]
struct Exclamations {
    max_share: f64,
    min_sentences: usize,
}

impl Exclamations {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o: Options = b.options()?;
        Ok(Box::new(Exclamations {
            max_share: o.max_share,
            min_sentences: o.min_sentences.max(1),
        }))
    }
}

/// The byte offset of the `!` that ends `sentence` (after closing quotes, brackets and
/// emoji), if it ends with one.
fn final_bang(sentence: &str) -> Option<usize> {
    for (i, c) in sentence.char_indices().rev() {
        if c == '!' {
            return Some(i);
        }
        if c.is_alphanumeric() || matches!(c, '.' | '?' | '…') {
            return None;
        }
    }
    None
}

impl Rule for Exclamations {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let text = cx.doc.text;
        let body = cx.doc.body.clone();
        let bytes = text.as_bytes();
        // Runs of `!`.
        let mut i = body.start;
        while i < body.end {
            if bytes[i] != b'!' {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < body.end && bytes[j] == b'!' {
                j += 1;
            }
            if j - i >= 2 && !cx.doc.in_entity(&(i..j)) {
                out.report(Span::new(i, j), "run")
                    .arg("run", &text[i..j])
                    .replace("run-suggestion", Applicability::Safe, Span::new(i, j), "!");
            }
            i = j;
        }
        // The share of sentences that end with `!`.
        let total = cx.doc.sentences.len();
        if total < self.min_sentences {
            return;
        }
        let bangs: Vec<usize> = cx
            .doc
            .sentences
            .iter()
            .filter_map(|s| final_bang(&text[s.clone()]).map(|o| s.start + o))
            .collect();
        let k = bangs.len();
        if k > 0 && k as f64 > self.max_share * total as f64 {
            let at = bangs[0];
            out.report(Span::new(at, at + 1), "share")
                .arg("k", k)
                .arg("total", total)
                .advice("share-suggestion");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::test::assert_fixed;

    #[test]
    fn sentence_bangs() {
        assert_eq!(final_bang("Hej!"), Some(3));
        assert_eq!(final_bang("Hej!\u{201D}"), Some(3));
        assert_eq!(final_bang("Hej! 🎉"), Some(3));
        assert_eq!(final_bang("Hej?!"), Some(4));
        assert_eq!(final_bang("Hej!?"), None);
        assert_eq!(final_bang("Hej."), None);
        assert_eq!(final_bang("Hej"), None);
    }

    #[test]
    fn runs_become_one() {
        assert_fixed(
            "",
            "style.exclamations",
            "Vi har en ny ambulance!!! Kom og se den.",
            "Vi har en ny ambulance! Kom og se den.",
        );
    }
}
