//! `competitor.disparaging`: a competitor from `[company] competitors` with a disparaging
//! judgement in the same sentence, before or after the name ("Nexora er nogle amatører",
//! "unlike Kodeværket, we actually deliver on time" is not, "Kodeværket's useless support").
//! Disparaging a competitor is unfair commercial practice (markedsføringsloven § 20, the EU
//! comparative-advertising directive) and goes to legal; a neutral mention or a
//! congratulation is no finding. The words are data: `rules/lexicons/disparaging.toml`, plus
//! AFINN words scored -3 or lower.

use crate::error::Error;
use crate::matcher::{ListId, TermOptions};
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};
use crate::rules::words::{company_names, ByLang};
use crate::span::Span;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "competitor.disparaging",
    severity: Severity::Error,
    route: Some("legal"),
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: Disparaging::build,
};

const LEXICON: &str = "lexicons/disparaging.toml";

/// An AFINN word this negative or worse is a judgement too.
const AFINN_LIMIT: i8 = -3;

/// How many words apart the name and the judgement may be.
const WINDOW: usize = 12;

#[derive(Debug)]
struct Disparaging {
    competitors: Option<ListId>,
    judgement: ByLang,
    respect: ByLang,
    /// Irony: a congratulation with 🙄 is none.
    irony: ByLang,
}

impl Disparaging {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let names = company_names(&b.guideline.company.competitors);
        let o = TermOptions::default();
        Ok(Box::new(Disparaging {
            competitors: (!names.is_empty()).then(|| b.matcher.add_terms(&names, o)),
            // As written: "ringe" (poor) must not find "ringede" (called).
            judgement: ByLang::new(
                b.matcher,
                LEXICON,
                "judgement",
                TermOptions {
                    inflect: false,
                    ..o
                },
            )?,
            respect: ByLang::new(b.matcher, LEXICON, "respect", o)?,
            irony: ByLang::new(
                b.matcher,
                LEXICON,
                "irony",
                TermOptions {
                    inflect: false,
                    ..o
                },
            )?,
        }))
    }
}

impl Rule for Disparaging {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let Some(list) = self.competitors else { return };
        let names = cx.hits.terms(list);
        if names.is_empty() {
            return;
        }
        let sentence = |s: &Span| cx.doc.sentence_index(s.start);
        let ironic: rustc_hash::FxHashSet<usize> =
            self.irony.spans_any(cx).iter().map(sentence).collect();
        let respectful: rustc_hash::FxHashSet<usize> = self
            .respect
            .spans_any(cx)
            .iter()
            .map(sentence)
            .filter(|n| !ironic.contains(n))
            .collect();
        // Both languages: a Danish name makes an English sentence look Danish.
        let mut judgements: Vec<Span> = self.judgement.spans_any(cx);
        judgements.extend(cx.doc.words.iter().filter_map(|w| {
            crate::score::sentiment::word_score(None, cx.doc.folded_word(w))
                .filter(|&s| s <= AFINN_LIMIT)
                .map(|_| Span::new(w.span.start, w.span.end))
        }));
        judgements.sort_by_key(|s| s.start);
        let mut last_sentence = None;
        for hit in names {
            let n = sentence(&hit.span);
            if respectful.contains(&n) || last_sentence == Some(n) {
                continue;
            }
            let at = cx.doc.word_index(hit.span.start);
            // The nearest judgement in the sentence within the window, on either side.
            let i = judgements.partition_point(|j| j.start < hit.span.start);
            let near = judgements[i.saturating_sub(3)..(i + 3).min(judgements.len())]
                .iter()
                .filter(|j| {
                    sentence(j) == n && (j.end <= hit.span.start || j.start >= hit.span.end)
                })
                .find(|j| cx.doc.word_index(j.start).abs_diff(at) <= WINDOW);
            let Some(judgement) = near else { continue };
            last_sentence = Some(n);
            // The name as the guideline writes it: "om Dansk Autohjælp", not "Autohjælps".
            out.report(hit.span, "message")
                .arg("name", cx.matcher.term(list, hit.term))
                .arg("term", cx.slice(*judgement))
                .advice("suggestion");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    const G: &str = "[company]\ncompetitors = [\"Nexora A/S\", \"Kodeværket\"]";

    #[test]
    fn judgement_about_a_competitor_in_either_order() {
        for t in [
            "Nexora er nogle amatører, når det gælder sikkerhed.",
            "Ærligt talt er Kodeværkets support elendig.",
            "Sjusket arbejde fra Nexora igen i denne uge.",
            "Kodeværket's useless support cost our customer a week.",
            "Switching from Nexora was the best decision: their platform is a disaster.",
            "Stort tillykke til Kodeværket med endnu et nedbrud i dag 🙄",
        ] {
            assert_fires(G, "competitor.disparaging", t);
        }
        for t in [
            "Stort tillykke til Nexora med prisen – velfortjent!",
            "Spændende panel i dag med Kodeværket og to kunder.",
            "I worked at Nexora for five years and learned a lot.",
            "Nexora har åbnet et nyt kontor i Vejle.",
        ] {
            assert_silent(G, "competitor.disparaging", t);
        }
    }
}
