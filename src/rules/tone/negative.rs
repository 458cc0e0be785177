//! `tone.negative`: the post has a clearly negative tone (AFINN sentiment, Danish and English).

use crate::builtin;
use crate::error::Error;
use crate::matcher::{ListId, TermOptions};
use crate::report::{Severity, Span};
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use crate::text::Lang;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::LazyLock;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "tone.negative",
    severity: Severity::Info,
    route: None,
    scope: Scope::Span,
    options: options::<Options>,
    build: Negative::build,
};

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// The summed AFINN score at or below which the rule fires.
    threshold: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options { threshold: -6.0 }
    }
}

/// One language's AFINN lexicon, parsed once per process. Single words (almost all of its
/// ~3,400 entries) are looked up by the document's folded words in a hash map; only the few
/// phrases ("no fun", "does not work") go into the shared automaton. Putting all 7,000 entries
/// of both languages into the automaton cost 6.5 ms of start-up, two thirds of building the
/// whole linter.
#[derive(Debug)]
struct Afinn {
    lang: Lang,
    words: HashMap<String, i8>,
    phrases: Vec<String>,
    phrase_scores: Vec<i8>,
}

static AFINN: LazyLock<Vec<Afinn>> = LazyLock::new(|| {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let Some(content) = builtin::file(&format!("lexicons/afinn-{}.txt", lang.code())) else {
            continue;
        };
        let mut words = HashMap::new();
        let mut phrases = Vec::new();
        let mut phrase_scores = Vec::new();
        for line in builtin::list_lines(content) {
            let Some((term, score)) = line.rsplit_once('\t') else {
                continue;
            };
            let Ok(score) = score.trim().parse::<i8>() else {
                continue;
            };
            let folded = crate::fold::fold(term);
            if folded.contains(' ') {
                phrases.push(term.trim().to_string());
                phrase_scores.push(score);
            } else {
                words.insert(folded, score);
            }
        }
        out.push(Afinn {
            lang,
            words,
            phrases,
            phrase_scores,
        });
    }
    out
});

/// The AFINN score of a folded word in `lang` (both languages' lists when it is unknown, the
/// more negative first): for rules that weigh a single word, such as
/// `competitor.disparaging`.
pub(crate) fn word_score(lang: Option<Lang>, folded: &str) -> Option<i8> {
    AFINN
        .iter()
        .filter(|lex| lang.is_none_or(|l| l == lex.lang))
        .filter_map(|lex| lex.words.get(folded).copied())
        .min()
}

#[derive(Debug)]
struct Negative {
    threshold: f64,
    /// Per lexicon, the handle of its phrases in the matcher.
    phrases: Vec<ListId>,
}

impl Negative {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o: Options = b.options()?;
        // AFINN lists inflected forms itself; our own inflection would over-match.
        let options = TermOptions {
            inflect: false,
            ..TermOptions::default()
        };
        let phrases = AFINN
            .iter()
            .map(|lex| b.matcher.add_terms(&lex.phrases, options))
            .collect();
        Ok(Box::new(Negative {
            threshold: o.threshold,
            phrases,
        }))
    }
}

impl Rule for Negative {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let mut total = 0i32;
        let mut worst: Option<(i8, Span)> = None;
        let mut add = |score: i8, span: Span| {
            total += i32::from(score);
            if worst.is_none_or(|(w, _)| score < w) {
                worst = Some((score, span));
            }
        };
        for (lex, &list) in AFINN.iter().zip(&self.phrases) {
            // A post in one language is scored with that language's lexicon only; with the
            // language unknown, both count (AFINN's two lists share few words).
            if cx.doc.language.is_some_and(|l| l != lex.lang) {
                continue;
            }
            let phrases = cx.hits.terms(list);
            for hit in phrases {
                add(lex.phrase_scores[hit.term], hit.span);
            }
            for w in &cx.doc.words {
                // A word inside a scored phrase ("no fun") is not scored again.
                if phrases
                    .iter()
                    .any(|p| p.span.start <= w.span.start && w.span.end <= p.span.end)
                {
                    continue;
                }
                if let Some(&score) = lex.words.get(cx.doc.folded_word(w)) {
                    add(score, Span::new(w.span.start, w.span.end));
                }
            }
        }
        if f64::from(total) > self.threshold {
            return;
        }
        let Some((_, span)) = worst else { return };
        out.report(span, "message")
            .arg("total", i64::from(total))
            .advice("suggestion");
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    #[test]
    fn sums_the_words() {
        assert_fires(
            "",
            "tone.negative",
            "Terrible, awful week. The management is a disaster and I hate how stupid this all is.",
        );
        assert_silent(
            "",
            "tone.negative",
            "Tough problem this week, but the team solved it and I learned a lot.",
        );
    }
}
