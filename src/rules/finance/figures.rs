//! Whether a sentence is about the company's own business figures — the shared judgement of
//! `finance.quiet-period` and `finance.forward-looking`. The words are data:
//! `rules/lexicons/finance.toml`.
//!
//! A sentence is a figure sentence when it has a figure word ("omsætning", "ordrer",
//! "solgt", "kvartal"), the company as the one talking ("vi", "vores", "we", a company name;
//! implied for a word that can only be a business figure, such as "omsætningen", unless
//! another company the guideline knows is named) and a measure: a number, a percentage, a record, a comparison, a trend or an outlook
//! ("rekordmange", "aldrig … så mange … som i år", "end sidste år", "forventer"). The word
//! "kvartal" alone ("et fantastisk kvartal for vores elever") and a relay race's "resultat"
//! are not.

use crate::error::Error;
use crate::matcher::{ListId, TermOptions};
use crate::rule::{Build, Context};
use crate::rules::words::ByLang;
use crate::span::Span;
use rustc_hash::FxHashSet;

/// The lexicon.
const FINANCE: &str = "lexicons/finance.toml";

/// The lists of a figure judgement.
#[derive(Debug)]
pub(super) struct Figures {
    /// Figure words that are the company's unless another company is named.
    strong: ByLang,
    /// Figure words that are the company's with a record, or when it says so.
    weak: ByLang,
    /// Figure verbs: the company must be said ("vi har solgt").
    verbs: ByLang,
    /// Other companies the guideline knows (competitors, customers).
    others: ListId,
    measure: ByLang,
    /// Records and superlatives: a figure word is the company's even without "vi".
    record: ByLang,
    outlook: ByLang,
    company: ByLang,
    names: ListId,
}

/// A figure sentence: the figure word's span, and whether it looks ahead.
#[derive(Debug, Clone, Copy)]
pub(super) struct FigureSentence {
    /// The first figure word of the sentence.
    pub span: Span,
    /// Whether it has an outlook word ("forventer", "next quarter").
    pub outlook: bool,
}

impl Figures {
    /// Registers the lists, with `extra` figure words (a quiet period's own terms).
    pub fn build(b: &mut Build<'_>, extra: &[String]) -> Result<Figures, Error> {
        let o = TermOptions::default();
        let company = &b.guideline.company;
        let names: Vec<String> = company
            .names
            .iter()
            .chain(&company.products)
            .cloned()
            .collect();
        // Competitors' figures are theirs; a customer's orders are still the company's.
        let others = crate::rules::words::company_names(&company.competitors);
        let names = crate::rules::words::company_names(&names);
        Ok(Figures {
            // "omsætningsrekorden", "årsomsætningen".
            strong: ByLang::with_extra(
                b.matcher,
                FINANCE,
                "figures.strong",
                extra,
                TermOptions {
                    compound: true,
                    ..o
                },
            )?,
            // "fjernvarmekunder", "ordrerekord".
            weak: ByLang::new(
                b.matcher,
                FINANCE,
                "figures.weak",
                TermOptions {
                    compound: true,
                    ..o
                },
            )?,
            verbs: ByLang::new(b.matcher, FINANCE, "figures.verbs", o)?,
            others: b.matcher.add_terms(
                &others,
                TermOptions {
                    compound: true,
                    ..o
                },
            ),
            measure: ByLang::new(b.matcher, FINANCE, "measure", o)?,
            record: ByLang::new(
                b.matcher,
                FINANCE,
                "record",
                TermOptions {
                    compound: true,
                    ..o
                },
            )?,
            outlook: ByLang::new(b.matcher, FINANCE, "outlook", o)?,
            company: ByLang::new(
                b.matcher,
                FINANCE,
                "company",
                TermOptions {
                    inflect: false,
                    ..o
                },
            )?,
            names: b.matcher.add_terms(&names, o),
        })
    }

    /// The post's figure sentences, in order.
    pub fn sentences(&self, cx: &Context<'_>) -> Vec<FigureSentence> {
        // How sure a word is the company's: 2 strong, 1 weak, 0 a verb.
        let mut figures: Vec<(Span, u8)> =
            self.strong.spans(cx).into_iter().map(|s| (s, 2)).collect();
        figures.extend(self.weak.spans(cx).into_iter().map(|s| (s, 1)));
        figures.extend(self.verbs.spans(cx).into_iter().map(|s| (s, 0)));
        if figures.is_empty() {
            return Vec::new();
        }
        figures.sort_by_key(|(s, _)| s.start);
        // Each list as the set of sentences it occurs in: every question below is then one
        // lookup, however long the post.
        let sentence = |s: &Span| cx.doc.sentence_index(s.start);
        let set = |spans: Vec<Span>| -> FxHashSet<usize> { spans.iter().map(sentence).collect() };
        let others = set(cx.hits.terms(self.others).iter().map(|h| h.span).collect());
        let measure = set(self.measure.spans(cx));
        let record = set(self.record.spans(cx));
        let outlook = set(self.outlook.spans(cx));
        let mut company = set(self.company.spans(cx));
        company.extend(cx.hits.terms(self.names).iter().map(|h| sentence(&h.span)));
        let mut out: Vec<FigureSentence> = Vec::new();
        let mut i = 0;
        while i < figures.len() {
            // The figure words of one sentence: the first is where the finding points, the
            // surest decides whether the company is implied.
            let n = sentence(&figures[i].0);
            let first = figures[i].0;
            let mut sure = 0;
            while i < figures.len() && sentence(&figures[i].0) == n {
                sure = sure.max(figures[i].1);
                i += 1;
            }
            let has_outlook = outlook.contains(&n);
            let has_record = record.contains(&n);
            let measured = has_outlook || has_record || measure.contains(&n) || has_number(cx, n);
            // The company says it, or it is implied: a word that can only be a business figure,
            // or a figure noun with a record ("Rekordmange ordrer i december!") — unless a
            // competitor is named. A verb needs its subject ("vi har solgt").
            let implied = sure == 2 || (sure == 1 && has_record);
            let ours = company.contains(&n) || (implied && !others.contains(&n));
            if ours && measured {
                out.push(FigureSentence {
                    span: first,
                    outlook: has_outlook,
                });
            }
        }
        out
    }
}

/// Whether sentence `n` has a number (a figure, a percentage), not counting years and
/// times: "i 2026" and "kl. 14" are not figures.
fn has_number(cx: &Context<'_>, n: usize) -> bool {
    let Some(range) = cx.doc.sentences.get(n) else {
        return false;
    };
    let text = &cx.doc.text[range.clone()];
    if text.contains('%') {
        return true;
    }
    crate::fold::split_words(text).any(|w| {
        let word = &text[w];
        let digits: String = word.chars().filter(char::is_ascii_digit).collect();
        if digits.is_empty() || !word.starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        let year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
        !year && (digits.len() >= 2 || word.len() > 1)
    })
}
