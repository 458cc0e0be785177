//! The signal lexicon (`rules/lexicons/signals.toml`, extended by a guideline's `[signals]`):
//! phrases compiled into word tokens registered with the shared matcher.
//!
//! A phrase is matched word by word on the post's words, not as a regex: each of its words is
//! a term of one of three matcher lists (exact, inflected, compound head), so the one
//! automaton pass that every rule shares finds them, and a phrase is then a short walk over
//! the marks of consecutive words. This keeps the cost per post proportional to the hits.

use crate::document::{split_words, Document};
use crate::error::{msg, Error, ErrorKind};
use crate::fold;
use crate::matcher::{Hits, ListId, MatcherBuilder, TermOptions};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// How one word of a phrase matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Tok {
    /// A word of the matcher list `0` (0 exact, 1 inflected, 2 compound head), term `1`.
    Word(u8, u32),
    /// The same, written as a hashtag (`#job`).
    Hashtag(u8, u32),
    /// Any number.
    Number,
    /// A number followed by a percent sign.
    Percent,
    /// A word after a phrase's first, compared with the post's folded word directly (mode
    /// as for `Word`, the form's index in the language's forms): only first words go
    /// through the matcher, so "i", "på" and "til" in the middle of phrases cost no hits.
    Text(u8, u32),
    /// A code-shaped token (SOMMER24).
    Code,
}

/// A phrase's weight (its tokens are in the language's index).
#[derive(Debug, Clone)]
pub(super) struct Phrase {
    pub weight: f32,
    /// Which entry of its list it came from (content cues report by index).
    pub index: usize,
}

/// A compiled set of phrases. Its matches are found with every other set of its language in
/// one pass over the post's marks (see [`Registered::marks`]).
#[derive(Debug, Default)]
pub(super) struct PhraseSet {
    id: usize,
    pub phrases: Vec<Phrase>,
}

/// The words of one language's lexicon, collected while phrases compile, and every phrase
/// set of the language indexed by its first token.
#[derive(Debug, Default)]
pub(super) struct Words {
    lists: [Vec<String>; 3],
    index: [FxHashMap<String, u32>; 3],
    phrases: Index,
}

/// The phrases of all sets of a language: their tokens, and which start with which token.
#[derive(Debug, Default)]
struct Index {
    /// The folded forms of `Tok::Text` tokens.
    forms: Vec<String>,
    /// Per set, per phrase: the tokens.
    toks: Vec<Vec<Vec<Tok>>>,
    by_first: FxHashMap<(u8, u32), Vec<(u32, u32)>>,
    /// Phrases whose first token is not a word (`# procent`, `% rabat`).
    special_first: Vec<(u32, u32)>,
}

impl Words {
    fn token(&mut self, mode: u8, form: String) -> u32 {
        let m = usize::from(mode);
        if let Some(&i) = self.index[m].get(&form) {
            return i;
        }
        let i = self.lists[m].len() as u32;
        self.lists[m].push(form.clone());
        self.index[m].insert(form, i);
        i
    }
}

/// The matcher lists of one language, registered, with its phrase index.
#[derive(Debug)]
pub(super) struct Registered {
    lists: [ListId; 3],
    phrases: Index,
}

/// Marks: which token each word of the post matches, sorted by word; and the matches of
/// every phrase set, by set.
#[derive(Debug, Default)]
pub(super) struct Marks {
    marks: Vec<(u32, (u8, u32))>,
    found: Vec<Vec<(u32, Range<usize>)>>,
}

impl Registered {
    pub fn register(words: Words, mb: &mut MatcherBuilder) -> Registered {
        let exact = TermOptions {
            inflect: false,
            ..TermOptions::default()
        };
        let inflect = TermOptions::default();
        // Compound heads are found inside words; the ending is checked per hit.
        let compound = TermOptions {
            whole_word: false,
            inflect: false,
            ..TermOptions::default()
        };
        Registered {
            lists: [
                mb.add_terms(&words.lists[0], exact),
                mb.add_terms(&words.lists[1], inflect),
                mb.add_terms(&words.lists[2], compound),
            ],
            phrases: words.phrases,
        }
    }

    /// The marks of the post's words.
    pub fn marks(&self, doc: &Document<'_>, hits: &Hits) -> Marks {
        let mut marks = Vec::new();
        for (mode, &list) in self.lists.iter().enumerate() {
            for h in hits.terms(list) {
                let w = doc.word_index(h.span.start);
                let Some(word) = doc.words.get(w) else {
                    continue;
                };
                let ok = match mode {
                    // The matcher checked the boundaries; the hit must be this word.
                    0 | 1 => word.span.start == h.span.start && word.span.end == h.span.end,
                    // A compound head ends the word, or only an inflection follows it.
                    _ => {
                        word.span.start <= h.span.start
                            && h.span.end <= word.span.end
                            && (h.span.end == word.span.end
                                || doc.text.get(h.span.end..word.span.end).is_some_and(|rest| {
                                    let last = doc
                                        .text
                                        .get(h.span.start..h.span.end)
                                        .and_then(|t| t.chars().next_back())
                                        .map_or(' ', |c| c.to_lowercase().next().unwrap_or(c));
                                    crate::matcher::is_inflection(last, &fold::fold(rest))
                                }))
                    }
                };
                if ok {
                    marks.push((w as u32, (mode as u8, h.term as u32)));
                }
            }
        }
        marks.sort_unstable();
        marks.dedup();
        let mut m = Marks {
            marks,
            found: Vec::new(),
        };
        m.found = self.find_all(doc, &m);
        m
    }

    /// Every match of every phrase set, in one pass over the marks: (phrase, word range) per
    /// set, by start word. One pass instead of one per set: the lexicon has some forty sets,
    /// and walking the marks for each cost more than the rest of the analysis (measured).
    fn find_all(&self, doc: &Document<'_>, marks: &Marks) -> Vec<Vec<(u32, Range<usize>)>> {
        let ix = &self.phrases;
        let mut out: Vec<Vec<(u32, Range<usize>)>> = vec![Vec::new(); ix.toks.len()];
        let mut try_at = |set: u32, p: u32, w: usize| {
            let toks = &ix.toks[set as usize][p as usize];
            if w + toks.len() <= doc.words.len()
                && toks
                    .iter()
                    .enumerate()
                    .all(|(i, t)| t.matches(doc, marks, &ix.forms, w + i))
            {
                out[set as usize].push((p, w..w + toks.len()));
            }
        };
        for &(w, key) in &marks.marks {
            if let Some(ps) = ix.by_first.get(&key) {
                for &(set, p) in ps {
                    try_at(set, p, w as usize);
                }
            }
        }
        if !ix.special_first.is_empty() {
            for w in 0..doc.words.len() {
                if is_number(doc, w) || is_code(doc, w) {
                    for &(set, p) in &ix.special_first {
                        try_at(set, p, w);
                    }
                }
            }
        }
        for v in &mut out {
            v.sort_by_key(|(p, r)| (r.start, std::cmp::Reverse(r.end), *p));
        }
        out
    }
}

impl Marks {
    fn of(&self, word: usize) -> &[(u32, (u8, u32))] {
        let w = word as u32;
        let a = self.marks.partition_point(|m| m.0 < w);
        let b = a + self.marks[a..].partition_point(|m| m.0 == w);
        &self.marks[a..b]
    }

    fn has(&self, word: usize, key: (u8, u32)) -> bool {
        self.of(word).iter().any(|m| m.1 == key)
    }
}

/// Whether a word is a number ("499", "1.299,50").
pub(super) fn is_number(doc: &Document<'_>, word: usize) -> bool {
    doc.words.get(word).is_some_and(|w| {
        let t = &doc.text[w.span.clone()];
        t.starts_with(|c: char| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    })
}

/// Whether a word is code-shaped: 4–16 capitals and digits with at least one capital
/// (SOMMER24, VARME10, BLACKFRIDAY).
fn is_code(doc: &Document<'_>, word: usize) -> bool {
    doc.words.get(word).is_some_and(|w| {
        let t = &doc.text[w.span.clone()];
        (4..=16).contains(&t.len())
            && t.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            && t.bytes().any(|b| b.is_ascii_uppercase())
    })
}

impl Tok {
    fn matches(self, doc: &Document<'_>, marks: &Marks, forms: &[String], word: usize) -> bool {
        match self {
            Tok::Text(mode, f) => {
                let form = forms[f as usize].as_str();
                let w = doc.folded_word(&doc.words[word]);
                let inflected = |rest: &str| {
                    rest.is_empty()
                        || form
                            .chars()
                            .next_back()
                            .is_some_and(|last| crate::matcher::is_inflection(last, rest))
                };
                match mode {
                    0 => w == form,
                    1 => w.strip_prefix(form).is_some_and(inflected),
                    _ => w
                        .match_indices(form)
                        .any(|(i, _)| inflected(&w[i + form.len()..])),
                }
            }
            Tok::Word(m, t) => marks.has(word, (m, t)),
            Tok::Hashtag(m, t) => {
                marks.has(word, (m, t))
                    && doc.words[word].span.start > 0
                    && doc.text.as_bytes()[doc.words[word].span.start - 1] == b'#'
            }
            Tok::Number => is_number(doc, word),
            Tok::Percent => {
                is_number(doc, word) && {
                    let end = doc.words[word].span.end;
                    doc.text[end..].trim_start_matches(' ').starts_with('%')
                }
            }
            Tok::Code => is_code(doc, word),
        }
    }
}

impl PhraseSet {
    /// Compiles phrases (with their weights) into `words`.
    pub fn compile(
        entries: &[(String, f32)],
        words: &mut Words,
        what: &str,
    ) -> Result<PhraseSet, Error> {
        let id = words.phrases.toks.len();
        let mut toks_of_set = Vec::with_capacity(entries.len());
        let mut phrases = Vec::with_capacity(entries.len());
        for (index, (text, weight)) in entries.iter().enumerate() {
            let toks = tokens(text, words).ok_or_else(|| {
                Error::new(
                    ErrorKind::Guideline,
                    msg!(
                        "error.phrase-without-words",
                        phrase = text.as_str(),
                        key = what
                    ),
                )
            })?;
            let i = phrases.len() as u32;
            match toks[0] {
                Tok::Word(m, t) | Tok::Hashtag(m, t) => words
                    .phrases
                    .by_first
                    .entry((m, t))
                    .or_default()
                    .push((id as u32, i)),
                _ => words.phrases.special_first.push((id as u32, i)),
            }
            toks_of_set.push(toks);
            phrases.push(Phrase {
                weight: *weight,
                index,
            });
        }
        words.phrases.toks.push(toks_of_set);
        Ok(PhraseSet { id, phrases })
    }

    /// Every match in the post: (phrase, word range), by start word.
    pub fn find<'m>(&self, marks: &'m Marks) -> &'m [(u32, Range<usize>)] {
        marks.found.get(self.id).map_or(&[], Vec::as_slice)
    }
}

/// The tokens of one phrase; `None` when it has no words.
fn tokens(text: &str, words: &mut Words) -> Option<Vec<Tok>> {
    let mut toks = Vec::new();
    for piece in text.split_whitespace() {
        match piece {
            "#" => {
                toks.push(Tok::Number);
                continue;
            }
            "%" => {
                toks.push(Tok::Percent);
                continue;
            }
            "CODE" => {
                toks.push(Tok::Code);
                continue;
            }
            _ => {}
        }
        let (hashtag, rest) = match piece.strip_prefix('#') {
            Some(r) => (true, r),
            None => (false, piece),
        };
        let (compound, rest) = match rest.strip_prefix('*') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let (inflect, rest) = match rest.strip_suffix('~') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        // A piece may hold several words ("pr.", "kom-i-gang-pakke", "/md"): the markers
        // apply to its first (`*`, `#`) and last (`~`) word.
        let parts: Vec<&str> = split_words(rest).map(|r| &rest[r]).collect();
        let n = parts.len();
        for (i, part) in parts.into_iter().enumerate() {
            let form = fold::fold(part);
            let mode = if i == 0 && compound {
                2
            } else if i + 1 == n && inflect && form.chars().count() >= 3 {
                1
            } else {
                0
            };
            if !toks.is_empty() && !hashtag {
                let f = words.phrases.forms.len() as u32;
                words.phrases.forms.push(form);
                toks.push(Tok::Text(mode, f));
                continue;
            }
            let t = words.token(mode, form);
            toks.push(if i == 0 && hashtag {
                Tok::Hashtag(mode, t)
            } else {
                Tok::Word(mode, t)
            });
        }
    }
    (!toks.is_empty()).then_some(toks)
}
