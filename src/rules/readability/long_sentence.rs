//! `readability.long-sentence`: a sentence too long to read on a phone.

use crate::error::Error;
use crate::report::{Severity, Span};
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use serde::{Deserialize, Serialize};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "readability.long-sentence",
    severity: Severity::Info,
    route: None,
    scope: Scope::Span,
    options: options::<Options>,
    build: LongSentence::build,
};

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// The most words a sentence may have.
    max_words: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options { max_words: 30 }
    }
}

#[derive(Debug)]
struct LongSentence {
    max_words: usize,
}

impl LongSentence {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o: Options = b.options()?;
        Ok(Box::new(LongSentence {
            max_words: o.max_words.max(1),
        }))
    }
}

impl Rule for LongSentence {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for s in &cx.doc.sentences {
            let n = cx.doc.word_index(s.end) - cx.doc.word_index(s.start);
            if n > self.max_words {
                out.report(Span::new(s.start, s.end), "message")
                    .arg("n", n)
                    .arg("max", self.max_words)
                    .advice("suggestion");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    #[test]
    fn counts_words_per_sentence() {
        let g = "[rules.\"readability.long-sentence\"]\nmax_words = 5";
        assert_fires(
            g,
            "readability.long-sentence",
            "Vi har i dag samlet alle pengene ind til foreningen.",
        );
        assert_silent(
            g,
            "readability.long-sentence",
            "Vi har samlet pengene. De går til foreningen.",
        );
    }
}
