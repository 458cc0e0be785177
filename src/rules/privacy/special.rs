//! The GDPR's special categories (art. 9) said about a person: the shared judgement of
//! `privacy.health` and `privacy.sensitive`. A term of a category (rules/lexicons/
//! special-categories.toml) is a finding only when its sentence is about someone: about
//! another person (a name, an @mention, "min kollega", "hans") it is a warning for the
//! data-protection officer; about the author, information (their own choice to share);
//! about nobody in particular — a theme, a charity run, a first-aid course — nothing.

use super::{ByLang, People, Who};
use crate::error::Error;
use crate::i18n::Arg;
use crate::matcher::TermOptions;
use crate::report::Severity;
use crate::rule::{Build, Context, Emitter};
use crate::span::Span;

/// One category's terms.
#[derive(Debug)]
struct Category {
    name: &'static str,
    terms: ByLang,
}

/// The terms of some categories, and whom a sentence is about.
#[derive(Debug)]
pub(super) struct Special {
    people: People,
    categories: Vec<Category>,
}

impl Special {
    /// The categories `names` of the lexicon, registered with the matcher. Compounds count
    /// ("brystkræft", "eksamensangst") where `compounds` is set.
    pub fn build(
        b: &mut Build<'_>,
        names: &[&'static str],
        compounds: bool,
    ) -> Result<Special, Error> {
        let options = TermOptions {
            compound: compounds,
            ..TermOptions::default()
        };
        let mut categories = Vec::new();
        for &name in names {
            categories.push(Category {
                name,
                terms: ByLang::new(b.matcher, super::SPECIAL, name, options)?,
            });
        }
        Ok(Special {
            people: People::build(b.matcher)?,
            categories,
        })
    }

    /// Reports each sentence that says a category's terms about someone, once per sentence
    /// and category, at the span from its first term to its last ("fået konstateret
    /// brystkræft" is one finding).
    pub fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let cap = out.severity();
        let refs = self.people.refs(cx);
        for c in &self.categories {
            let spans = c.terms.spans(cx);
            let mut i = 0;
            while i < spans.len() {
                let sentence = cx.doc.sentence_index(spans[i].start);
                let mut j = i + 1;
                while j < spans.len() && cx.doc.sentence_index(spans[j].start) == sentence {
                    j += 1;
                }
                let group = &spans[i..j];
                i = j;
                let whole = Span::new(
                    group[0].start,
                    group.iter().map(|s| s.end).max().unwrap_or(group[0].end),
                );
                let who = refs.about(cx, whole);
                if who != Who::Nobody {
                    report(out, cx, whole, c.name, who, cap);
                }
            }
        }
    }
}

fn report(
    out: &mut Emitter<'_>,
    cx: &Context<'_>,
    span: Span,
    category: &str,
    who: Who,
    cap: Severity,
) {
    let category = Arg::message(format!("privacy.category.{category}"));
    let e = out
        .report(span, if who == Who::Author { "own" } else { "message" })
        .arg("term", cx.slice(span))
        .arg("category", category);
    if who == Who::Author {
        e.advice("own-suggestion")
            .severity(Severity::Info)
            .unrouted();
    } else {
        e.advice("suggestion").severity(Severity::Warning.min(cap));
    }
}
