//! `hashtags.casing`: a long hashtag of several words written all in lower case, which
//! screen readers read out as one meaningless word.

use super::segment::{segment, segment_partial, Lexicon, Piece, DA, EN, LEXICON};
use crate::error::Error;
use crate::report::{Applicability, Severity, Span};
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "hashtags.casing",
    severity: Severity::Info,
    route: None,
    scope: Scope::Span,
    options: options::<Options>,
    build: CasingRule::build,
};

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// The number of letters from which an all-lower-case hashtag is checked.
    min_length: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options { min_length: 12 }
    }
}

#[derive(Debug)]
struct CasingRule {
    min_length: usize,
}

impl CasingRule {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        // The word lists are parsed once per process, here rather than on the first post.
        LazyLock::force(&LEXICON);
        let o: Options = b.options()?;
        Ok(Box::new(CasingRule {
            min_length: o.min_length.max(2),
        }))
    }
}

impl Rule for CasingRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for tag in &cx.doc.entities.hashtags {
            let Some(verdict) = judge(&tag.text, self.min_length) else {
                continue;
            };
            let span = Span::new(tag.start, tag.end);
            let written = cx.slice(span);
            match verdict {
                Casing::Split(words) => {
                    let sigil = &written[..written.len() - tag.text.len()];
                    let camel = format!("{sigil}{}", camel_case(&tag.text, &words));
                    out.report(span, "message")
                        .arg("tag", written)
                        .arg("camel", camel.as_str())
                        .replace("suggestion", Applicability::Display, span, camel);
                }
                Casing::Unsplit => {
                    out.report(span, "unsplit")
                        .arg("tag", written)
                        .advice("unsplit-suggestion");
                }
            }
        }
    }
}

/// What the casing rule makes of a hashtag.
#[derive(Debug, PartialEq, Eq)]
enum Casing {
    /// Several words: the byte offsets in the tag where each word starts.
    Split(Vec<usize>),
    /// Probably several words, but the word lists cannot split it all.
    Unsplit,
}

/// Whether a hashtag (text without `#`) needs capitals, and where its words start.
///
/// Only tags of lower-case letters (no digits, `_` or capitals: those are already readable or
/// not words) with at least `min_length` letters are looked at. Then:
/// * a full split into known words (see [`segment`]) of two or more words fires, unless it
///   reads as one Danish compound word: every part Danish, none of them a small word such as
///   "i", "og", "på" (`#ambulancebehandler` = ambulance + behandler), and not every part
///   English (`#digitalinnovation` reads as two English words);
/// * without a full split, a split with at most a quarter of the letters unknown and at least
///   two known words (of four letters or more, see [`segment_partial`]) gives plain advice, on
///   the same condition.
fn judge(tag: &str, min_length: usize) -> Option<Casing> {
    let mut letters = 0;
    for c in tag.chars() {
        if !c.is_alphabetic() || !c.is_lowercase() {
            return None;
        }
        letters += 1;
    }
    if letters < min_length {
        return None;
    }
    let lex = &*LEXICON;
    if let Some(words) = segment(tag, lex) {
        if words.len() < 2 || is_compound(tag, &words, lex) {
            return None;
        }
        return Some(Casing::Split(words));
    }
    let pieces = segment_partial(tag, lex);
    let unknown: usize = pieces
        .iter()
        .filter(|p| !p.known)
        .map(|p| tag[p.range()].chars().count())
        .sum();
    let known: Vec<&Piece> = pieces.iter().filter(|p| p.known).collect();
    if unknown * 4 > letters || known.len() < 2 {
        return None;
    }
    let starts: Vec<usize> = known.iter().map(|p| p.start).collect();
    let ends: Vec<usize> = known.iter().map(|p| p.end).collect();
    if is_compound_parts(tag, &starts, &ends, lex) {
        return None;
    }
    Some(Casing::Unsplit)
}

/// Whether the split reads as one Danish compound word (see [`judge`]).
fn is_compound(tag: &str, starts: &[usize], lex: &Lexicon) -> bool {
    let ends: Vec<usize> = starts[1..]
        .iter()
        .copied()
        .chain(std::iter::once(tag.len()))
        .collect();
    is_compound_parts(tag, starts, &ends, lex)
}

fn is_compound_parts(tag: &str, starts: &[usize], ends: &[usize], lex: &Lexicon) -> bool {
    let words = || starts.iter().zip(ends).map(|(&s, &e)| &tag[s..e]);
    let all_english = words().all(|w| lex.flags(w) & EN != 0);
    let danish_compound = words().all(|w| lex.flags(w) & DA != 0 && !lex.small_da.contains(w));
    danish_compound && !all_english
}

/// `starts` are the byte offsets where each word starts: capitalise those letters.
fn camel_case(tag: &str, starts: &[usize]) -> String {
    let mut out = String::with_capacity(tag.len() + 4);
    for (i, c) in tag.char_indices() {
        if i == 0 || starts.contains(&i) {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_suggestions() {
        let cc = |t: &str| match judge(t, 10) {
            Some(Casing::Split(starts)) => Some(camel_case(t, &starts)),
            _ => None,
        };
        assert_eq!(cc("ønskejobiaarhus").as_deref(), Some("ØnskejobIAarhus"));
        assert_eq!(cc("jobiaarhus").as_deref(), Some("JobIAarhus"));
        assert_eq!(cc("sundhedogtrivsel").as_deref(), Some("SundhedOgTrivsel"));
        assert_eq!(
            cc("customerexperience").as_deref(),
            Some("CustomerExperience")
        );
        assert_eq!(
            cc("mentalhealthawareness").as_deref(),
            Some("MentalHealthAwareness")
        );
    }

    #[test]
    fn judge_leaves_alone() {
        // Short, already cased, one known word, digits, a Danish compound.
        assert_eq!(judge("dkpol", 12), None);
        assert_eq!(judge("dkpol", 2), None, "no split, nothing known");
        assert_eq!(judge("jobiaarhus", 12), None, "10 letters < 12");
        assert_eq!(judge("ØnskejobIAarhus", 12), None);
        assert_eq!(judge("sygeplejerske", 12), None);
        assert_eq!(judge("ambulancebehandler", 12), None);
        assert_eq!(judge("covid19vaccine", 12), None);
        assert_eq!(judge("falck_ambulance", 12), None);
    }

    #[test]
    fn judge_fires() {
        assert!(matches!(
            judge("ønskejobiaarhus", 12),
            Some(Casing::Split(_))
        ));
        assert!(matches!(
            judge("customerexperience", 12),
            Some(Casing::Split(_))
        ));
        // English words that are also Danish still read as English words.
        assert!(matches!(
            judge("digitalinnovation", 12),
            Some(Casing::Split(_))
        ));
        // "womens" is not on the lists: advice without a spelling.
        assert_eq!(judge("internationalwomensday", 12), Some(Casing::Unsplit));
    }

    #[test]
    fn danish_single_words_and_compounds_are_left_alone() {
        for t in [
            "sundhedsfremme",
            "klimaforandringer",
            "førstehjælpskursus",
            "beredskabsstyrelsen",
            "ambulancebehandlere",
            "ambulancetjeneste",
            "ledelsesudvikling",
            "medarbejderudvikling",
            "paramedicinsk",
            "efteruddannelse",
            "cardiopulmonary",
            "employeeadvocacy",
        ] {
            assert_eq!(judge(t, 12), None, "{t}");
        }
        for t in ["mondaymotivation", "leadershipdevelopment"] {
            assert!(matches!(judge(t, 12), Some(Casing::Split(_))), "{t}");
        }
    }
}
