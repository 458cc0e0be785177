//! `finance.inside-information`: an acquisition, a merger, a sale, layoffs or a restructuring
//! with the company as a party ("vi er ved at købe Kystfragt", "fyringsrunden i Aarhus",
//! "merger talks") — inside information until the company announces it (MAR art. 7 and 10).
//! Another company's public news, shopping ("købe ind"), buying equipment and acquiring
//! skills are not. The words are data: `rules/lexicons/finance.toml`, [events].

use crate::error::Error;
use crate::matcher::{ListId, TermOptions};
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};
use crate::rules::words::{within, ByLang};
use crate::span::Span;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "finance.inside-information",
    severity: Severity::Error,
    route: Some("legal"),
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: InsideInformation::build,
};

const FINANCE: &str = "lexicons/finance.toml";

/// The events of each kind a post is searched for (see [`InsideInformation::check`]).
const MAX_EVENTS: usize = 20;

#[derive(Debug)]
struct InsideInformation {
    events: ByLang,
    object_needed: ByLang,
    /// Selling or closing: the object may be a site too ("lukker fabrikken").
    site_needed: ByLang,
    company_nouns: ByLang,
    sites: ByLang,
    not: ByLang,
    /// "ledelsen", "the role": what a promotion takes over.
    roles: ByLang,
    company: ByLang,
    /// The company's names.
    names: ListId,
    /// Other companies the guideline knows (competitors, customers): a buy of one is an
    /// acquisition.
    others: ListId,
    /// Legal forms after a name ("Kystfragt A/S").
    legal_forms: ListId,
    /// "med", "with": another company right after one is a partner ("fusionen med X").
    partner: ByLang,
    /// "sig det ikke til nogen", "can't say much", 🤫.
    secrecy: ByLang,
}

impl InsideInformation {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o = TermOptions::default();
        let exact = TermOptions {
            inflect: false,
            ..o
        };
        let g = b.guideline;
        let others: Vec<String> = g
            .company
            .competitors
            .iter()
            .cloned()
            .chain(g.customers.iter().map(|c| c.name.clone()))
            .collect();
        let others = crate::rules::words::company_names(&others);
        let forms: Vec<String> = crate::builtin::file("lexicons/legal-forms.txt")
            .map(|c| crate::builtin::list_lines(c).map(str::to_string).collect())
            .unwrap_or_default();
        let case = TermOptions {
            case_sensitive: true,
            ..exact
        };
        Ok(Box::new(InsideInformation {
            events: ByLang::new(b.matcher, FINANCE, "events", o)?,
            object_needed: ByLang::new(b.matcher, FINANCE, "events.object_needed", exact)?,
            company_nouns: ByLang::new(
                b.matcher,
                FINANCE,
                "events.company_nouns",
                TermOptions {
                    compound: true,
                    compound_tail_only: true,
                    ..o
                },
            )?,
            not: ByLang::new(b.matcher, FINANCE, "events.not", o)?,
            roles: ByLang::new(b.matcher, FINANCE, "events.roles", o)?,
            site_needed: ByLang::new(b.matcher, FINANCE, "events.site_needed", exact)?,
            sites: ByLang::new(
                b.matcher,
                FINANCE,
                "events.sites",
                TermOptions {
                    compound: true,
                    compound_tail_only: true,
                    ..o
                },
            )?,
            company: ByLang::new(b.matcher, FINANCE, "company", exact)?,
            names: b
                .matcher
                .add_terms(&crate::rules::words::company_names(&g.company.names), o),
            others: b.matcher.add_terms(
                &others,
                TermOptions {
                    compound: true,
                    ..o
                },
            ),
            legal_forms: b.matcher.add_terms(&forms, case),
            partner: ByLang::new(b.matcher, FINANCE, "events.partner", exact)?,
            secrecy: ByLang::new(b.matcher, FINANCE, "secrecy", exact)?,
        }))
    }

    /// Whether a company is the object within a few words after the verb at `verb`: "køber
    /// Kystfragt", "overtager et rederi" — not "overtager (jeg) ledelsen af afdelingen", a
    /// promotion.
    fn company_object(&self, cx: &Context<'_>, verb: Span, sites_too: bool) -> bool {
        let sentence = cx.doc.sentence_index(verb.start);
        let first = cx.doc.word_index(verb.end);
        let window = first..(first + 5).min(cx.doc.words.len());
        let in_window = |s: &Span| {
            cx.doc.words.get(window.clone()).is_some_and(|ws| {
                ws.iter()
                    .any(|w| w.span.start <= s.start && s.start < w.span.end)
            }) && cx.doc.sentence_index(s.start) == sentence
        };
        let hits = |id: ListId| cx.hits.terms(id).iter().any(|h| in_window(&h.span));
        // A role taken over is a promotion; the company's own name is not an object either.
        if self.roles.spans(cx).iter().any(in_window) {
            return false;
        }
        hits(self.others)
            || hits(self.legal_forms)
            || self.company_nouns.spans(cx).iter().any(in_window)
            || (sites_too && self.sites.spans(cx).iter().any(in_window))
    }
}

/// Whether a Danish event word is in its definite form ("fyringsrunden", "fusionen",
/// "opkøbet"): a known, particular event.
fn definite(word: &str) -> bool {
    let w = crate::fold::fold(word);
    let last = w.rsplit(' ').next().unwrap_or("");
    ["en", "et", "ne"].iter().any(|e| last.ends_with(e)) && last.chars().count() > 5
}

/// Whose event it is, read from the company references around it in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Party {
    /// The company ("vi", "vores", its name).
    Ours,
    /// Another company the guideline knows, not as a partner.
    Theirs,
}

impl InsideInformation {
    /// Whether the company is part of the event at `event`: the nearest company reference
    /// before it in the sentence decides ("Kystfragt har varslet en fyringsrunde" is theirs),
    /// then, for an event without an object, the nearest after it. With none, the event is
    /// the company's when it is a known one — a Danish definite form, "fyringsrunden",
    /// "fusionen" — or the post keeps a secret ("🤫", "can't say much"); news in general
    /// ("Layoffs at big tech are in the news") is not.
    fn is_ours(&self, cx: &Context<'_>, event: Span, has_object: bool) -> bool {
        let n = cx.doc.sentence_index(event.start);
        let partner = self.partner.spans(cx);
        let mut with_partner = false;
        let mut refs: Vec<(Span, Party)> = self
            .company
            .spans(cx)
            .into_iter()
            .chain(cx.hits.terms(self.names).iter().map(|h| h.span))
            .map(|s| (s, Party::Ours))
            .collect();
        for h in cx.hits.terms(self.others) {
            let with = partner
                .iter()
                .any(|p| p.end <= h.span.start && h.span.start - p.end <= 2);
            if !with {
                refs.push((h.span, Party::Theirs));
            } else if cx.doc.sentence_index(h.span.start) == n {
                with_partner = true;
            }
        }
        refs.retain(|(s, _)| cx.doc.sentence_index(s.start) == n);
        refs.sort_by_key(|(s, _)| s.start);
        if let Some((_, party)) = refs.iter().rev().find(|(s, _)| s.end <= event.start) {
            return *party == Party::Ours;
        }
        if has_object {
            return true;
        }
        match refs.iter().find(|(s, _)| s.start >= event.end) {
            Some((_, party)) => *party == Party::Ours,
            // "a merger with Østvarme": a partner means the company is the other party.
            None => with_partner || definite(cx.slice(event)) || !self.secrecy.spans(cx).is_empty(),
        }
    }
}

impl Rule for InsideInformation {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let not = self.not.spans(cx);
        let outside = |s: &Span| !within(&not, *s);
        // The first events of each kind only: each is weighed against the whole post, and a
        // post of 100,000 "fyringer" must stay linear. A real post has one or two.
        let mut candidates: Vec<(Span, bool)> = self
            .events
            .spans(cx)
            .into_iter()
            .take(MAX_EVENTS)
            .filter(outside)
            .map(|s| (s, false))
            .collect();
        candidates.extend(
            self.object_needed
                .spans(cx)
                .into_iter()
                .take(MAX_EVENTS)
                .filter(|s| outside(s) && self.company_object(cx, *s, false))
                .map(|s| (s, true)),
        );
        candidates.extend(
            self.site_needed
                .spans(cx)
                .into_iter()
                .take(MAX_EVENTS)
                .filter(|s| outside(s) && self.company_object(cx, *s, true))
                .map(|s| (s, true)),
        );
        candidates.sort_by_key(|(s, _)| s.start);
        // One finding for the post: the first event the company is part of.
        if let Some((s, _)) = candidates
            .into_iter()
            .find(|&(s, object)| self.is_ours(cx, s, object))
        {
            out.report(s, "message")
                .arg("term", cx.slice(s))
                .advice("suggestion");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    const G: &str = "[company]\nnames = [\"Havnelogistik\"]\ncompetitors = [\"Kystfragt A/S\"]";

    #[test]
    fn corporate_events_the_company_is_part_of() {
        for t in [
            "Vi er ved at købe Kystfragt – stort!",
            "Nej, vi er ikke ved at købe Kystfragt 😂",
            "Hårde dage med fyringsrunden hos os i Aarhus.",
            "Can't say much, but our merger talks are going well.",
            "Havnelogistik skal overtage et rederi i Göteborg.",
            "Vi lukker lageret i Esbjerg til sommer.",
        ] {
            assert_fires(G, "finance.inside-information", t);
        }
        for t in [
            "Kystfragt har i dag meldt ud, at de fyrer 40 medarbejdere.",
            "Jeg skal lige købe ind til fredagsbaren.",
            "Vi har købt tre nye trucks til lageret.",
            "Vi stod for opkøb af brugte paller hele sidste år.",
            "We are acquiring new skills every week.",
            "Fusion cuisine at our summer party was a hit.",
            "I dag overtager jeg ledelsen af Havnelogistiks afdeling i Randers.",
            "Vi fusionerer to hold til ét: lagerholdet og havneholdet spiller nu fodbold sammen.",
        ] {
            assert_silent(G, "finance.inside-information", t);
        }
    }
}
