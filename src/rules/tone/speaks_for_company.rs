//! `tone.speaks-for-company`: an employee speaking on the company's behalf — "på vegne af
//! Lysholt", "vi i Lysholt mener", "Lysholts officielle holdning", "our official position".
//! Employee advocacy works because employees speak for themselves; the company's positions,
//! denials and apologies belong to its own channels and spokespeople. A thank-you "på vegne
//! af hele holdet" is no finding. The words are data: `rules/lexicons/voice.toml`.

use crate::error::Error;
use crate::matcher::{ListId, TermOptions};
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};
use crate::rules::words::{company_names, ByLang};
use crate::span::Span;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "tone.speaks-for-company",
    severity: Severity::Warning,
    route: Some("comms"),
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: SpeaksForCompany::build,
};

const LEXICON: &str = "lexicons/voice.toml";

#[derive(Debug)]
struct SpeaksForCompany {
    names: Option<ListId>,
    company_words: ByLang,
    represents: ByLang,
    as_company: ByLang,
    opinion: ByLang,
    phrases: ByLang,
}

impl SpeaksForCompany {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o = TermOptions::default();
        let exact = TermOptions {
            inflect: false,
            ..o
        };
        let names = company_names(&b.guideline.company.names);
        Ok(Box::new(SpeaksForCompany {
            names: (!names.is_empty()).then(|| b.matcher.add_terms(&names, o)),
            company_words: ByLang::new(b.matcher, LEXICON, "company_words", exact)?,
            represents: ByLang::new(b.matcher, LEXICON, "represents", exact)?,
            as_company: ByLang::new(b.matcher, LEXICON, "as_company", exact)?,
            opinion: ByLang::new(b.matcher, LEXICON, "opinion", exact)?,
            phrases: ByLang::new(b.matcher, LEXICON, "phrases", exact)?,
        }))
    }
}

/// Whether one of `spans` (sorted) ends at most `gap` bytes of white space or an apostrophe
/// before `at`.
fn right_before(cx: &Context<'_>, spans: &[Span], at: usize, gap: usize) -> Option<Span> {
    let i = spans.partition_point(|s| s.end <= at);
    spans[..i].iter().rev().take(2).copied().find(|s| {
        at - s.end <= gap
            && cx
                .doc
                .text
                .get(s.end..at)
                .is_some_and(|g| g.chars().all(char::is_whitespace))
    })
}

/// The first of `spans` that starts within `reach` bytes after `at` in the same sentence.
fn soon_after(cx: &Context<'_>, spans: &[Span], at: usize, reach: usize) -> Option<Span> {
    let n = cx.doc.sentence_index(at);
    let i = spans.partition_point(|s| s.start < at);
    spans[i..]
        .iter()
        .copied()
        .take_while(|s| s.start <= at + reach)
        .find(|s| cx.doc.sentence_index(s.start) == n)
}

impl Rule for SpeaksForCompany {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let mut company: Vec<Span> = self.company_words.spans_any(cx);
        if let Some(list) = self.names {
            company.extend(cx.hits.terms(list).iter().map(|h| h.span));
        }
        company.sort_by_key(|s| s.start);
        let represents = self.represents.spans_any(cx);
        let as_company = self.as_company.spans_any(cx);
        let opinion = self.opinion.spans_any(cx);
        // The first place the post speaks for the company: one finding says it.
        let mut found: Option<Span> = self.phrases.spans_any(cx).first().copied();
        for c in &company {
            if found.is_some_and(|f| f.start <= c.start) {
                break;
            }
            // "på vegne af Lysholt", "Officielt fra Lysholt".
            if let Some(r) = right_before(cx, &represents, c.start, 2) {
                found = Some(Span::new(r.start, c.end));
                break;
            }
            // "vi i Lysholt mener", "we at Lysholt believe", "As Lysholt, we believe".
            if let Some(a) = right_before(cx, &as_company, c.start, 2) {
                if let Some(o) = soon_after(cx, &opinion, c.end, 24) {
                    found = Some(Span::new(a.start, o.end));
                    break;
                }
            }
            // "Lysholt mener", "Lysholts officielle holdning", "Lysholt's stance".
            let apostrophe = cx
                .doc
                .text
                .get(c.end..)
                .is_some_and(|t| t.starts_with(['\'', '’']));
            let after = c.end + if apostrophe { 2 } else { 0 };
            if let Some(o) = soon_after(cx, &opinion, after, 2) {
                found = Some(Span::new(c.start, o.end));
                break;
            }
        }
        if let Some(span) = found {
            out.report(span, "message")
                .arg("term", cx.slice(span))
                .advice("suggestion");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    const G: &str = "[company]\nnames = [\"Lysholt Software A/S\", \"Lysholt\"]";

    #[test]
    fn speaking_for_the_company() {
        for t in [
            "Jeg kan på vegne af Lysholt Software sige, at vi ikke er ramt.",
            "Vi i Lysholt mener, at udbud bør kræve åben kildekode.",
            "Lysholts officielle holdning er klar: vi byder reglerne velkommen.",
            "On behalf of Lysholt, I want to apologise to every customer.",
            "We at Lysholt think the new rules are a step backwards.",
            "Our official position is that we will not comment.",
            "Lysholt's stance on remote work is simple: we trust our people.",
        ] {
            assert_fires(G, "tone.speaks-for-company", t);
        }
        for t in [
            "Tak på vegne af hele holdet for en fantastisk uge!",
            "Vi i Lysholt holder julefrokost på fredag 🎄",
            "Jeg er stolt af at arbejde hos Lysholt.",
            "I think the new rules are a step backwards, personally.",
            "Lysholt søger en ny kollega i Aarhus.",
        ] {
            assert_silent(G, "tone.speaks-for-company", t);
        }
    }
}
