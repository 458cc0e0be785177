//! The signal lexicon (`rules/lexicons/signals.toml`, extended by a guideline's `[signals]`):
//! phrases compiled into word tokens registered with the shared matcher.
//!
//! A phrase is matched word by word on the post's words, not as a regex: each of its words is
//! a term of one of three matcher lists (exact, inflected, compound head), so the one
//! automaton pass that every rule shares finds them, and a phrase is then a short walk over
//! the marks of consecutive words. This keeps the cost per post proportional to the hits.

use crate::document::{split_words, Document};
use crate::error::{Error, ErrorKind};
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
    /// A code-shaped token (SOMMER24).
    Code,
}

/// A phrase: its tokens and its weight.
#[derive(Debug, Clone)]
pub(super) struct Phrase {
    pub toks: Vec<Tok>,
    pub weight: f32,
    /// Which entry of its list it came from (content cues report by index).
    pub index: usize,
}

/// A compiled set of phrases, indexed by their first token.
#[derive(Debug, Default)]
pub(super) struct PhraseSet {
    pub phrases: Vec<Phrase>,
    by_first: FxHashMap<(u8, u32), Vec<u32>>,
    /// Phrases whose first token is not a word (`# procent`, `% rabat`).
    special_first: Vec<u32>,
}

/// The words of one language's lexicon, collected while phrases compile.
#[derive(Debug, Default)]
pub(super) struct Words {
    lists: [Vec<String>; 3],
    index: [FxHashMap<String, u32>; 3],
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

/// The matcher lists of one language, registered.
#[derive(Debug, Clone, Copy)]
pub(super) struct Registered {
    lists: [ListId; 3],
}

/// Marks: which token each word of the post matches, sorted by word.
#[derive(Debug, Default)]
pub(super) struct Marks {
    marks: Vec<(u32, (u8, u32))>,
}

impl Registered {
    pub fn register(words: &Words, mb: &mut MatcherBuilder) -> Registered {
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
        Marks { marks }
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
    fn matches(self, doc: &Document<'_>, marks: &Marks, word: usize) -> bool {
        match self {
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
        let mut set = PhraseSet::default();
        for (index, (text, weight)) in entries.iter().enumerate() {
            let toks = tokens(text, words).ok_or_else(|| {
                Error::new(
                    ErrorKind::Guideline,
                    format!("the signal phrase {text:?} in `{what}` has no words"),
                )
            })?;
            let i = set.phrases.len() as u32;
            match toks[0] {
                Tok::Word(m, t) | Tok::Hashtag(m, t) => {
                    set.by_first.entry((m, t)).or_default().push(i)
                }
                _ => set.special_first.push(i),
            }
            set.phrases.push(Phrase {
                toks,
                weight: *weight,
                index,
            });
        }
        Ok(set)
    }

    /// Every match in the post: (phrase, word range), by start word.
    pub fn find(&self, doc: &Document<'_>, marks: &Marks) -> Vec<(u32, Range<usize>)> {
        let mut out = Vec::new();
        if self.phrases.is_empty() {
            return out;
        }
        let try_at = |p: u32, w: usize, out: &mut Vec<(u32, Range<usize>)>| {
            let toks = &self.phrases[p as usize].toks;
            if w + toks.len() <= doc.words.len()
                && toks
                    .iter()
                    .enumerate()
                    .all(|(i, t)| t.matches(doc, marks, w + i))
            {
                out.push((p, w..w + toks.len()));
            }
        };
        for &(w, key) in &marks.marks {
            if let Some(ps) = self.by_first.get(&key) {
                for &p in ps {
                    try_at(p, w as usize, &mut out);
                }
            }
        }
        if !self.special_first.is_empty() {
            for w in 0..doc.words.len() {
                if is_number(doc, w) || is_code(doc, w) {
                    for &p in &self.special_first {
                        try_at(p, w, &mut out);
                    }
                }
            }
        }
        out.sort_by_key(|(p, r)| (r.start, std::cmp::Reverse(r.end), *p));
        out
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
