//! What `disclosure.buried` and `disclosure.weak-marking` share: where a commercial post marks
//! itself as advertising, and how clearly.
//!
//! A marking is *strong* when it says "advertising" in so many words ("Reklame", "Annonce",
//! "#ad", "paid partnership") or states the employment (the guideline's `[company]
//! disclosures`), and *weak* when it only hints (`rules/lexicons/disclosure-markers.txt`:
//! "spons", "#samarbejde", "in partnership with"). It must also come first: the Consumer
//! Ombudsman wants the reader to see it before reading the post, the FTC "clear and
//! conspicuous" — not at the end, not in the closing hashtags.

use crate::builtin;
use crate::matcher::{ListId, MatcherBuilder, TermOptions};
use crate::report::{Edit, Span};
use crate::rule::{Build, Context};
use crate::text::PerLang;

/// A marking starts within this many bytes of the start of the post, or in its first
/// sentence, to count as up front (about the first line on a phone).
pub(super) const UP_FRONT_BYTES: usize = 100;

/// The marking lists, registered with the shared matcher.
#[derive(Debug)]
pub(super) struct Lists {
    strong: ListId,
    weak: ListId,
    /// The company's disclosures (employment stated), if any.
    company: Option<ListId>,
    /// The company's names, for an employment stated in the author's own words ("As Head of
    /// Sales at Nordvarme", "jeg er montør hos Nordvarme").
    names: Option<ListId>,
    /// The first-person or role words that open such a statement ("jeg er", "as", "i'm").
    heads: ListId,
    /// The prepositions between the role and the name ("hos", "i", "at", "for"), folded.
    preps: Vec<String>,
    /// The marking a fix inserts (Danish, English), with `{company}` filled in.
    fix: PerLang<String>,
}

impl Lists {
    /// The lists for a rule of the guideline being built, with its disclosures and its
    /// first company name (for the fix); `None` without a company name, since then no post
    /// can be commercial.
    pub fn for_rule(b: &mut Build<'_>) -> Option<Lists> {
        let c = &b.guideline.company;
        c.names.first()?;
        Some(Lists::register(b.matcher, &c.disclosures, &c.names))
    }

    pub fn register(mb: &mut MatcherBuilder, disclosures: &[String], names: &[String]) -> Lists {
        let company = names.first().map(String::as_str);
        let content = builtin::file("lexicons/disclosure-markers.txt").unwrap_or("");
        let (mut strong, mut weak) = (Vec::new(), Vec::new());
        let (mut fix_da, mut fix_en) = (String::new(), String::new());
        let (mut heads, mut preps) = (Vec::new(), Vec::new());
        let company = company.unwrap_or_default();
        for line in builtin::list_lines(content) {
            match line.split_once('\t') {
                Some(("strong", term)) => strong.push(term.trim().to_string()),
                Some(("weak", term)) => weak.push(term.trim().to_string()),
                Some(("fix-da", text)) => fix_da = text.trim().replace("{company}", company),
                Some(("fix-en", text)) => fix_en = text.trim().replace("{company}", company),
                Some(("employ-head", term)) => heads.push(term.trim().to_string()),
                Some(("employ-prep", term)) => preps.push(crate::fold::fold(term.trim())),
                _ => {}
            }
        }
        // Marking words are short and common in other senses ("reklame" in a post about an
        // ad campaign is still a marking): exact words, no inflection.
        let exact = TermOptions {
            inflect: false,
            ..TermOptions::default()
        };
        Lists {
            strong: mb.add_terms(&strong, exact),
            weak: mb.add_terms(&weak, exact),
            company: (!disclosures.is_empty())
                .then(|| mb.add_terms(disclosures, TermOptions::default())),
            names: (!names.is_empty()).then(|| mb.add_terms(names, TermOptions::default())),
            heads: mb.add_terms(&heads, exact),
            preps,
            fix: PerLang {
                da: fix_da,
                en: fix_en,
            },
        }
    }

    /// The edit that marks the post as advertising first, in the post's language.
    pub fn fix(&self, cx: &Context<'_>) -> Edit {
        let text = self.fix.get(cx.lang());
        let at = content_start(cx);
        Edit::new(Span::new(at, at), format!("{text} "))
    }

    /// How a post marks itself.
    pub fn marking(&self, cx: &Context<'_>) -> Marking {
        let spans = |id: ListId| cx.hits.terms(id).iter().map(|h| h.span);
        let mut strong: Vec<Span> = spans(self.strong).collect();
        if let Some(c) = self.company {
            strong.extend(spans(c));
        }
        if let Some(names) = self.names {
            strong.extend(self.employment(cx, names));
        }
        strong.extend(last_line_marking(cx));
        strong.sort_by_key(|s| s.start);
        let weak: Vec<Span> = spans(self.weak).collect();
        let up_front = up_front_end(cx);
        Marking {
            strong_up_front: strong.iter().any(|s| s.start < up_front),
            strong,
            weak,
        }
    }
}

impl Lists {
    /// Employment stated in the author's own words: a role or first-person opening ("jeg er
    /// montør", "As Head of Sales", "I'm a sales manager") within six words before a
    /// preposition and the company's name, in one sentence ("… hos Nordvarme", "… at
    /// Nordvarme"). The Consumer Ombudsman and the FTC ask for the employment to be clear,
    /// not for a set phrase.
    fn employment(&self, cx: &Context<'_>, names: ListId) -> Vec<Span> {
        let heads = cx.hits.terms(self.heads);
        let mut out = Vec::new();
        if heads.is_empty() {
            return out;
        }
        for n in cx.hits.terms(names) {
            let w = cx.doc.word_index(n.span.start);
            let Some(prep) = w.checked_sub(1).and_then(|p| cx.doc.words.get(p)) else {
                continue;
            };
            if !self.preps.iter().any(|p| p == cx.doc.folded_word(prep)) {
                continue;
            }
            // The nearest head before the preposition.
            let i = heads.partition_point(|h| h.span.end <= prep.span.start);
            let Some(h) = i.checked_sub(1).map(|i| heads[i]) else {
                continue;
            };
            let hw = cx.doc.word_index(h.span.end.saturating_sub(1));
            // "Som kunde hos Nordvarme", "as a customer of": the author is not employed there.
            let customer = cx.doc.words[hw..w - 1].iter().any(|x| {
                let f = cx.doc.folded_word(x);
                ["kunde", "customer", "medlem", "member", "client", "klient"]
                    .iter()
                    .any(|c| f.starts_with(c))
            });
            if !customer
                && w - 1 - hw <= 7
                && cx.doc.sentence_index(h.span.start) == cx.doc.sentence_index(n.span.start)
            {
                out.push(Span::new(h.span.start, n.span.end));
            }
        }
        out
    }
}

/// A marking alone on the post's last line ("Ad", "Reklame", "Annonce"): clear, though
/// late. In the middle of a sentence the Danish preposition "ad" is no marking.
fn last_line_marking(cx: &Context<'_>) -> Option<Span> {
    let body = cx.doc.body_text();
    let trimmed = body.trim_end();
    let start = trimmed.rfind('\n').map_or(0, |i| i + 1);
    let line = trimmed[start..].trim();
    let folded = crate::fold::fold(line);
    [
        "ad",
        "reklame",
        "annonce",
        "advertisement",
        "sponsoreret reklame",
    ]
    .contains(&folded.as_str())
    .then(|| {
        let at = cx.doc.body.start
            + start
            + (trimmed[start..].len() - trimmed[start..].trim_start().len());
        Span::new(at, at + line.len())
    })
}

/// Where the up-front part of the post ends: its first sentence, or the first
/// `UP_FRONT_BYTES`, whichever is longer.
fn up_front_end(cx: &Context<'_>) -> usize {
    let start = content_start(cx);
    let first_sentence = cx.doc.sentences.first().map_or(start, |s| s.end);
    first_sentence.max(start + UP_FRONT_BYTES)
}

/// Where the post's text starts: the body after leading white space.
fn content_start(cx: &Context<'_>) -> usize {
    let body = cx.doc.body.clone();
    let text = &cx.doc.text[body.clone()];
    body.start + (text.len() - text.trim_start().len())
}

/// How a commercial post marks itself.
#[derive(Debug)]
pub(super) struct Marking {
    /// Strong markings, in order.
    pub strong: Vec<Span>,
    /// Weak markings.
    pub weak: Vec<Span>,
    /// Whether a strong marking is up front.
    pub strong_up_front: bool,
}
