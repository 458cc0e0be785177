//! The document model: built once per post and shared by every rule.
//!
//! Tokenising once (Harper's approach) keeps rules small and the check fast: a rule reads
//! words, sentences, entities and the detected language from here instead of re-scanning.

use crate::entities::{self, Entities};
use crate::fold::{self, Folded};
use crate::text::Lang;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// One word of the post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the post.
    pub span: Range<usize>,
    /// The case- and diacritic-folded form (`Rabatten` → `rabatten`).
    pub folded: String,
}

/// Maps byte offsets to 1-based line and column (columns in Unicode scalar values).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The 1-based (line, column) of byte `offset` in `text`; offsets inside a character
    /// or past the end are clamped.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// The byte range of 1-based `line`, without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map(|&s| s - 1).unwrap_or(text.len());
        let end = if end > start && text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        start..end
    }
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A post analysed once for all rules.
#[derive(Debug)]
pub struct Document<'a> {
    /// The text rules see: the post as given, with any front matter blanked to spaces so that
    /// byte offsets still point into the original.
    pub text: &'a str,
    /// The byte range of the post body (after the front matter).
    pub body: Range<usize>,
    /// The folded text with its map back to `text`.
    pub folded: Folded,
    /// Words in order.
    pub words: Vec<Word>,
    /// Sentences in order (a line break also ends a sentence: posts often skip the full stop).
    pub sentences: Vec<Range<usize>>,
    /// URLs, hashtags, mentions and cashtags.
    pub entities: Entities,
    /// The post's language, when it could be determined.
    pub language: Option<Lang>,
}

impl<'a> Document<'a> {
    /// Analyses `text`, whose body is `body`. `language` overrides detection; otherwise
    /// detection is restricted to `allowed`.
    pub fn new(
        text: &'a str,
        body: Range<usize>,
        language: Option<Lang>,
        allowed: &[Lang],
    ) -> Self {
        let body_text = &text[body.clone()];
        let mut words = Vec::new();
        for (i, w) in body_text.split_word_bound_indices() {
            if w.chars().any(|c| c.is_alphanumeric()) {
                let start = body.start + i;
                words.push(Word {
                    span: start..start + w.len(),
                    folded: fold::fold(w),
                });
            }
        }
        let mut sentences = Vec::new();
        let mut line_start = body.start;
        for line in body_text.split_inclusive('\n') {
            for (i, s) in line.split_sentence_bound_indices() {
                let trimmed = s.trim_end();
                let lead = trimmed.len() - trimmed.trim_start().len();
                if trimmed.trim_start().chars().any(|c| c.is_alphanumeric()) {
                    let start = line_start + i + lead;
                    sentences.push(start..line_start + i + trimmed.len());
                }
            }
            line_start += line.len();
        }
        let mut entities = entities::extract(body_text);
        shift_entities(&mut entities, body.start);
        let language = language.or_else(|| detect_language(body_text, words.len(), allowed));
        Document {
            text,
            body,
            folded: Folded::new(text),
            words,
            sentences,
            entities,
            language,
        }
    }

    /// The body text.
    pub fn body_text(&self) -> &'a str {
        &self.text[self.body.clone()]
    }

    /// The index of the word containing or following byte `offset`.
    pub fn word_index(&self, offset: usize) -> usize {
        self.words.partition_point(|w| w.span.end <= offset)
    }

    /// Whether a finding in `lang`-specific rules applies: the post is in `lang`, or its
    /// language is unknown (then every allowed language applies, not none).
    pub fn is_language(&self, lang: Lang) -> bool {
        self.language.is_none_or(|l| l == lang)
    }
}

fn shift_entities(e: &mut Entities, by: usize) {
    for list in [
        &mut e.hashtags,
        &mut e.mentions,
        &mut e.urls,
        &mut e.cashtags,
    ] {
        for ent in list.iter_mut() {
            ent.start += by;
            ent.end += by;
        }
    }
}

/// Below this many words a post is too short to judge its language.
const MIN_WORDS_FOR_DETECTION: usize = 3;

/// Detects the language among `allowed` (whatlang alone calls short Danish Norwegian and
/// "We're hiring! Join our team in Copenhagen." Dutch, so it only chooses among the
/// languages the guideline allows).
fn detect_language(text: &str, word_count: usize, allowed: &[Lang]) -> Option<Lang> {
    if word_count < MIN_WORDS_FOR_DETECTION {
        return None;
    }
    // With one allowed language, still tell the other supported one apart when it is
    // clear, so `language.not-allowed` can say so.
    let candidates: Vec<whatlang::Lang> = Lang::ALL.iter().map(|&l| to_whatlang(l)).collect();
    let allow: Vec<whatlang::Lang> = if allowed.len() >= 2 {
        allowed.iter().map(|&l| to_whatlang(l)).collect()
    } else {
        candidates
    };
    let detector = whatlang::Detector::with_allowlist(allow);
    let info = detector.detect(text)?;
    let lang = from_whatlang(info.lang())?;
    // Danish letters settle close calls that trigram statistics on a short text cannot.
    let danish_letters = text
        .chars()
        .any(|c| matches!(c, 'æ' | 'ø' | 'å' | 'Æ' | 'Ø' | 'Å'));
    if info.confidence() < 0.05 && !danish_letters {
        return if allowed.len() == 1 {
            Some(allowed[0])
        } else {
            None
        };
    }
    if danish_letters && lang == Lang::En && info.confidence() < 0.5 {
        return Some(Lang::Da);
    }
    Some(lang)
}

fn to_whatlang(l: Lang) -> whatlang::Lang {
    match l {
        Lang::Da => whatlang::Lang::Dan,
        Lang::En => whatlang::Lang::Eng,
    }
}

fn from_whatlang(l: whatlang::Lang) -> Option<Lang> {
    match l {
        whatlang::Lang::Dan => Some(Lang::Da),
        whatlang::Lang::Eng => Some(Lang::En),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document<'_> {
        Document::new(text, 0..text.len(), None, &Lang::ALL)
    }

    #[test]
    fn detects_short_english_and_danish() {
        assert_eq!(
            doc("We're hiring! Join our team in Copenhagen.").language,
            Some(Lang::En)
        );
        assert_eq!(
            doc("Vi søger en ny kollega til vores team i Aarhus.").language,
            Some(Lang::Da)
        );
        assert_eq!(doc("Stolt af mit team i dag").language, Some(Lang::Da));
        assert_eq!(doc("Tak!").language, None);
    }

    #[test]
    fn words_and_sentences() {
        let d = doc("Hej alle! Vi har travlt.\nNy linje uden punktum\n\nSlut");
        let words: Vec<&str> = d.words.iter().map(|w| &d.text[w.span.clone()]).collect();
        assert_eq!(words[..3], ["Hej", "alle", "Vi"]);
        let sentences: Vec<&str> = d.sentences.iter().map(|s| &d.text[s.clone()]).collect();
        assert_eq!(
            sentences,
            [
                "Hej alle!",
                "Vi har travlt.",
                "Ny linje uden punktum",
                "Slut"
            ]
        );
    }

    #[test]
    fn line_columns_count_characters() {
        let text = "æøå\nblå bil";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 4), (1, 3)); // inside 'å' clamps to its start
        assert_eq!(idx.line_col(text, 7), (2, 1));
        assert_eq!(idx.line_col(text, text.len()), (2, 8));
        assert_eq!(&text[idx.line_range(text, 2)], "blå bil");
    }
}
