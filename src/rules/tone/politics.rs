//! `tone.politics`: the post takes a side in party politics on behalf of the company or a
//! "we" — "Vi i Lysholt støtter Venstre", "we're voting Labour", "Stem på Enhedslisten". An
//! employee's vote is their own; a work post that backs a party reads as the company's, and
//! alienates every customer and colleague who votes otherwise. A party in a neutral report
//! ("ministeren fra Venstre besøgte os"), "husk at stemme" and words such as "venstre side"
//! or "labour market" are no finding. The words are data: `rules/lexicons/politics.toml`.

use crate::error::Error;
use crate::lexicon::words_in;
use crate::matcher::{ListId, TermOptions};
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use crate::rules::words::{company_names, ByLang};
use crate::span::Span;
use serde::{Deserialize, Serialize};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "tone.politics",
    severity: Severity::Warning,
    route: Some("comms"),
    // Backing a party is its own problem beside speaking for the company in the same words.
    scope: Scope::Distinct,
    options: options::<Options>,
    build: Politics::build,
};

const LEXICON: &str = "lexicons/politics.toml";

/// How far (in words) the stance and the speaker may stand from the party, in the sentence.
const REACH: usize = 8;

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// Further party names (as written; the genitive is matched too).
    parties: Vec<String>,
}

#[derive(Debug)]
struct Politics {
    parties: ListId,
    names: Option<ListId>,
    stance: ByLang,
    speaker: ByLang,
    imperative: ByLang,
}

impl Politics {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o: Options = b.options()?;
        let mut parties = words_in(LEXICON, "parties.da")?;
        parties.extend(words_in(LEXICON, "parties.en")?);
        parties.extend(o.parties);
        // As written: "Venstre" the party, not "venstre side"; the genitive comes with it.
        let names_case = TermOptions {
            case_sensitive: true,
            inflect: true,
            ..TermOptions::default()
        };
        let exact = TermOptions {
            inflect: false,
            ..TermOptions::default()
        };
        let names = company_names(&b.guideline.company.names);
        Ok(Box::new(Politics {
            parties: b.matcher.add_terms(&parties, names_case),
            names: (!names.is_empty()).then(|| b.matcher.add_terms(&names, TermOptions::default())),
            stance: ByLang::new(b.matcher, LEXICON, "stance", TermOptions::default())?,
            speaker: ByLang::new(b.matcher, LEXICON, "speaker", exact)?,
            imperative: ByLang::new(b.matcher, LEXICON, "imperative", exact)?,
        }))
    }
}

impl Rule for Politics {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let parties = cx.hits.terms(self.parties);
        if parties.is_empty() {
            return;
        }
        let stance = self.stance.spans_any(cx);
        let mut speaker = self.speaker.spans_any(cx);
        if let Some(list) = self.names {
            speaker.extend(cx.hits.terms(list).iter().map(|h| h.span));
        }
        let imperative = self.imperative.spans_any(cx);
        let word = |s: &Span| cx.doc.word_index(s.start);
        let near = |spans: &[Span], party: Span| -> Option<Span> {
            let n = cx.doc.sentence_index(party.start);
            let w = word(&party);
            spans
                .iter()
                .copied()
                .find(|s| cx.doc.sentence_index(s.start) == n && word(s).abs_diff(w) <= REACH)
        };
        for p in parties {
            let party = p.span;
            // "Stem på Enhedslisten", "Vote Labour": an imperative at the start of its sentence.
            let told = near(&imperative, party).filter(|s| {
                let n = cx.doc.sentence_index(s.start);
                cx.doc
                    .sentences
                    .get(n)
                    .is_some_and(|r| word(s) <= cx.doc.word_index(r.start) + 1)
            });
            let taken = near(&stance, party).zip(near(&speaker, party));
            let span = match (told, taken) {
                (Some(t), _) => Span::new(t.start.min(party.start), t.end.max(party.end)),
                (None, Some((s, who))) => Span::new(
                    s.start.min(who.start).min(party.start),
                    s.end.max(who.end).max(party.end),
                ),
                (None, None) => continue,
            };
            out.report(span, "message")
                .arg("term", cx.slice(span))
                .advice("suggestion");
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    const G: &str = "[company]\nnames = [\"Lysholt\"]";

    #[test]
    fn a_side_taken_for_the_company_or_a_we() {
        for t in [
            "Vi i Lysholt støtter Venstre ved valget.",
            "Vi stemmer på Enhedslisten, fordi klimaet ikke kan vente.",
            "Stem på Socialdemokratiet den 1. november!",
            "Lysholt proudly supports the Conservatives in this election.",
            "We're voting Labour, and you should too.",
            "Vote Reform UK on Thursday.",
        ] {
            assert_fires(G, "tone.politics", t);
        }
    }

    #[test]
    fn neutral_mentions_and_look_alike_words_pass() {
        for t in [
            "I dag besøgte ministeren fra Venstre vores kontor i Aarhus og hørte om lærlinge.",
            "Husk at stemme på tirsdag – det er din ret.",
            "Knappen sidder i venstre side af skærmen.",
            "The labour market for developers is tight, and we support our juniors.",
            "A conservative estimate: we will ship in March.",
            "Panel på Folkemødet med politikere fra SF og Venstre om energi.",
        ] {
            assert_silent(G, "tone.politics", t);
        }
    }
}
