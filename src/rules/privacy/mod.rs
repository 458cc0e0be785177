//! `privacy.*`: personal data — identifiers (CPR, IBAN, card), contact details (phone,
//! e-mail), the GDPR's special categories (health and the rest of art. 9) and photos of
//! colleagues.
//!
//! Numbers are found by their shape and check digits once per post ([`crate::numbers`],
//! through [`crate::document::Document::numbers`]). Whether data is about the author or about
//! someone else is read from the sentence ([`People::about`]): the nearest reference to a
//! person decides, with the words of `rules/lexicons/personal-data.toml` and the first names
//! of `rules/lexicons/first-names.txt`.

pub(crate) mod card;
pub(crate) mod cpr;
pub(crate) mod email;
pub(crate) mod health;
pub(crate) mod iban;
pub(crate) mod phone;
pub(crate) mod photo_consent;
pub(crate) mod sensitive;
mod special;

use crate::builtin;
use crate::error::Error;
use crate::matcher::{ListId, MatcherBuilder, TermOptions};
use crate::numbers::Numbers;
use crate::report::{Applicability, Severity};
use crate::rule::{Context, Emitter, Rule};
use crate::span::Span;
use crate::text::Lang;
use std::ops::Range;

/// The cue words: whom a sentence is about, photo and contact cues.
pub(super) const PERSONAL: &str = "lexicons/personal-data.toml";
/// The GDPR art. 9 categories' terms.
pub(super) const SPECIAL: &str = "lexicons/special-categories.toml";

/// The strings at `path` of `rules/lexicons/personal-data.toml`.
pub(super) fn words(path: &str) -> Result<Vec<String>, Error> {
    crate::lexicon::words_in(PERSONAL, path)
}

pub(super) use super::words::ByLang;

/// Whom a piece of personal data is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Who {
    /// The author ("jeg er sygemeldt", "ring til mig").
    Author,
    /// Someone else: a name, an @mention, "min kollega", "hans".
    Other,
    /// No one in particular: a general topic.
    Nobody,
}

/// The words that say whom a sentence is about.
#[derive(Debug)]
pub(super) struct People {
    own: ByLang,
    /// "I", "I'm": English's first person is a capital letter, and Danish "i" is "in".
    own_exact: ListId,
    other: ByLang,
    names: ListId,
    /// The names, to check a hit against.
    name_set: rustc_hash::FxHashSet<&'static str>,
}

impl People {
    /// Registers the lists (identical lists of several rules share one handle).
    pub fn build(mb: &mut MatcherBuilder) -> Result<People, Error> {
        let o = TermOptions::default();
        let exact = TermOptions {
            case_sensitive: true,
            inflect: false,
            ..o
        };
        let names: Vec<&'static str> = builtin::file("lexicons/first-names.txt")
            .map(|c| builtin::list_lines(c).collect())
            .unwrap_or_default();
        Ok(People {
            own: ByLang::new(
                mb,
                PERSONAL,
                "people.own",
                TermOptions {
                    inflect: false,
                    ..o
                },
            )?,
            own_exact: mb.add_terms(&["I", "I'm", "I've", "I'd", "I'll"], exact),
            other: ByLang::new(mb, PERSONAL, "people.other", o)?,
            // Case-sensitive: "Peter", not "peter" (and names that are words are not listed).
            // Inflected only to the genitive, which [`People::names`] checks per hit.
            names: mb.add_terms(
                &names,
                TermOptions {
                    inflect: true,
                    ..exact
                },
            ),
            name_set: names.iter().copied().collect(),
        })
    }

    /// The post's references to people, sorted: built once per check, then asked per
    /// piece of data ([`Refs::about`]).
    pub fn refs(&self, cx: &Context<'_>) -> Refs {
        let mut refs: Vec<(Span, Who)> = Vec::new();
        refs.extend(self.own.spans(cx).into_iter().map(|s| (s, Who::Author)));
        if cx.doc.is_language(Lang::En) {
            refs.extend(
                cx.hits
                    .terms(self.own_exact)
                    .iter()
                    .map(|h| (h.span, Who::Author)),
            );
        }
        refs.extend(self.other.spans(cx).into_iter().map(|s| (s, Who::Other)));
        refs.extend(self.names(cx).into_iter().map(|s| (s, Who::Other)));
        refs.extend(
            cx.doc
                .people
                .iter()
                .map(|m| (Span::new(m.start, m.end), Who::Other)),
        );
        refs.sort_by_key(|(s, _)| s.start);
        Refs(refs)
    }

    /// The first names in the post, as written or in the genitive ("Peter", "Peters",
    /// "Peter's"): "Hansen" and "Jensen" are surnames, not inflections of Hans and Jens.
    fn names(&self, cx: &Context<'_>) -> Vec<Span> {
        cx.hits
            .terms(self.names)
            .iter()
            .filter(|h| {
                // The hit may be another name inflected ("Pete" + "r"): look the word up.
                let written = cx.slice(h.span);
                let base = ["'s", "’s", "s", ""].iter().find_map(|g| {
                    written
                        .strip_suffix(g)
                        .filter(|b| self.name_set.contains(*b))
                });
                base.is_some()
            })
            .map(|h| h.span)
            .collect()
    }

    /// Whether the post names or tags someone: a first name or an @mention.
    pub fn names_someone(&self, cx: &Context<'_>) -> Vec<Span> {
        let mut v: Vec<Span> = self.names(cx);
        v.extend(cx.doc.people.iter().map(|m| Span::new(m.start, m.end)));
        v.sort_by_key(|s| s.start);
        v
    }
}

/// Reports a phone number or an e-mail address at `severity`: as another person's private
/// data when it is a warning, as a plain contact detail when it is information.
pub(super) fn report_contact(
    out: &mut Emitter<'_>,
    cx: &Context<'_>,
    span: Span,
    severity: Severity,
) {
    let (message, advice) = if severity == Severity::Info {
        ("message", "suggestion")
    } else {
        ("private", "private-suggestion")
    };
    out.report(span, message)
        .arg("term", cx.slice(span))
        .advice(advice)
        .severity(severity);
}

/// An identifier that must never be published (CPR, IBAN, card): each one the post's numbers
/// hold of its kind, with a fix that masks it but for the first and last characters that
/// may be shown.
#[derive(Debug)]
pub(super) struct Identifier {
    /// Which of the post's numbers.
    pub kind: fn(&Numbers) -> &[Range<usize>],
    /// Characters left visible at the start and the end ("DK** …62 43", "… 1111").
    pub keep: (usize, usize),
}

impl Rule for Identifier {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for r in (self.kind)(cx.doc.numbers()) {
            let span = Span::new(r.start, r.end);
            let term = cx.slice(span);
            out.report(span, "message").arg("term", term).replace(
                "suggestion",
                Applicability::Unsafe,
                span,
                mask(term, self.keep.0, self.keep.1),
            );
        }
    }
}

/// `number` with its letters and digits masked by `*`, keeping the first `keep_first` and the
/// last `keep_last` of them and every separator: "4111 1111 1111 1111" → "**** **** ****
/// 1111", as cards are printed on receipts.
pub(super) fn mask(number: &str, keep_first: usize, keep_last: usize) -> String {
    let total = number.chars().filter(|c| c.is_alphanumeric()).count();
    let mut seen = 0;
    number
        .chars()
        .map(|c| {
            if !c.is_alphanumeric() {
                return c;
            }
            seen += 1;
            if seen <= keep_first || seen > total.saturating_sub(keep_last) {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// Whether any of `spans` (sorted by start) ends within `reach` bytes before `at`, in the
/// same sentence. A binary search: a post of 50,000 names must not cost 50,000² steps.
pub(super) fn just_before(cx: &Context<'_>, spans: &[Span], at: usize, reach: usize) -> bool {
    let sentence = cx.doc.sentence_index(at);
    let from = spans.partition_point(|s| s.start + WIDEST_TERM + reach < at);
    spans[from..]
        .iter()
        .take_while(|s| s.start <= at)
        .any(|s| s.end <= at && at - s.end <= reach && cx.doc.sentence_index(s.start) == sentence)
}

/// The widest cue or name span considered near something (bytes): bounds the searches.
const WIDEST_TERM: usize = 64;

/// How far from the data a reference to a person counts (bytes): the nearest one in the
/// sentence decides, and beyond this a "jeg" or a name belongs to another clause.
const REACH: usize = 240;

/// The post's references to people, sorted by start.
#[derive(Debug)]
pub(super) struct Refs(Vec<(Span, Who)>);

impl Refs {
    /// Whom the data at `span` is about: the nearest reference to a person in its sentence,
    /// within [`REACH`] bytes (a tie goes to someone else — the careful reading).
    pub fn about(&self, cx: &Context<'_>, span: Span) -> Who {
        let sentence = cx.doc.sentence_index(span.start);
        let from = self
            .0
            .partition_point(|(s, _)| s.start + WIDEST_TERM + REACH < span.start);
        let mut best: Option<(usize, Who)> = None;
        for &(s, who) in self.0[from..]
            .iter()
            .take_while(|(s, _)| s.start <= span.end + REACH)
        {
            let outside = s.end <= span.start || s.start >= span.end;
            if !outside || cx.doc.sentence_index(s.start) != sentence {
                continue;
            }
            let d = if s.end <= span.start {
                span.start - s.end
            } else {
                s.start - span.end
            };
            let better = match best {
                None => true,
                Some((bd, bw)) => d < bd || (d == bd && who == Who::Other && bw != Who::Other),
            };
            if better && d <= REACH {
                best = Some((d, who));
            }
        }
        best.map_or(Who::Nobody, |(_, w)| w)
    }
}
