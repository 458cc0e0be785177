//! `readability.lix`: the text is hard to read (a high LIX index).

use crate::error::Error;
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use serde::{Deserialize, Serialize};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "readability.lix",
    severity: Severity::Info,
    route: None,
    scope: Scope::Span,
    options: options::<Options>,
    build: Lix::build,
};

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// The highest LIX allowed.
    max: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options { max: 55.0 }
    }
}

#[derive(Debug)]
struct Lix {
    max: f64,
}

impl Lix {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o: Options = b.options()?;
        Ok(Box::new(Lix { max: o.max }))
    }
}

/// The LIX index of a text: words per sentence + percentage of words over six letters.
pub(crate) fn lix(words: usize, sentences: usize, long_words: usize) -> f64 {
    if words == 0 {
        return 0.0;
    }
    words as f64 / sentences.max(1) as f64 + 100.0 * long_words as f64 / words as f64
}

impl Rule for Lix {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let words = cx.doc.words.len();
        if words < 30 {
            return;
        }
        let long = cx
            .doc
            .words
            .iter()
            .filter(|w| {
                cx.doc
                    .folded_word(w)
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .count()
                    > 6
            })
            .count();
        let score = lix(words, cx.doc.sentences.len(), long);
        if score <= self.max {
            return;
        }
        // Rounded as `{:.0}` rounds (half to even), as the messages always have.
        let whole = |f: f64| format!("{f:.0}").parse::<i64>().unwrap_or(0);
        out.report(cx.doc.first_sentence(), "message")
            .arg("score", whole(score))
            .arg("max", whole(self.max))
            .advice("suggestion");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lix_by_hand() {
        // 40 words, 4 sentences, 8 long words: 10 + 20.
        assert!((super::lix(40, 4, 8) - 30.0).abs() < 1e-9);
        assert_eq!(super::lix(0, 0, 0), 0.0);
    }
}
