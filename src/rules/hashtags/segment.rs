//! Splitting a lower-case hashtag into known Danish and English words
//! (`rules/lexicons/words-{da,en}.txt`), for `hashtags.casing`.

use crate::builtin;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The word is Danish.
pub(super) const DA: u8 = 1;
/// The word is English.
pub(super) const EN: u8 = 2;

/// The Danish and English word lists (`rules/lexicons/words-{da,en}.txt`), each word with the
/// languages it belongs to.
#[derive(Debug)]
pub(super) struct Lexicon {
    /// Danish words that rarely start or end a compound (`rules/lexicons/da-small-words.txt`).
    pub small_da: std::collections::HashSet<&'static str>,
    words: HashMap<&'static str, u8>,
    /// The longest word, in bytes (bounds the split's inner loop).
    max_len: usize,
}

impl Lexicon {
    pub(super) fn flags(&self, word: &str) -> u8 {
        self.words.get(word).copied().unwrap_or(0)
    }
}

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut words = HashMap::with_capacity(9000);
    let mut max_len = 0;
    for (file, flag) in [("lexicons/words-da.txt", DA), ("lexicons/words-en.txt", EN)] {
        for w in builtin::list_lines(builtin::file(file).unwrap_or("")) {
            max_len = usize::max(max_len, w.len());
            *words.entry(w).or_insert(0) |= flag;
        }
    }
    let small_da =
        builtin::list_lines(builtin::file("lexicons/da-small-words.txt").unwrap_or("")).collect();
    Lexicon {
        small_da,
        words,
        max_len,
    }
});

/// Splits a lower-case `tag` into known words, preferring the fewest words and then the
/// longest ones (the largest sum of squared word lengths): `ønskejobiaarhus` → `ønskejob`,
/// `i`, `aarhus`, not `ønske`, `job`, … Returns the byte offset where each word starts, or
/// `None` when no split into known words exists. One-letter words are only those on the lists
/// (`i`, `a`). Dynamic programming over char boundaries: O(n · longest word).
pub(super) fn segment(tag: &str, lex: &Lexicon) -> Option<Vec<usize>> {
    let bounds: Vec<usize> = tag
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(tag.len()))
        .collect();
    // best[k] = (words, -sum of squares, previous boundary index) for tag[..bounds[k]].
    let mut best: Vec<Option<(usize, isize, usize)>> = vec![None; bounds.len()];
    best[0] = Some((0, 0, 0));
    for k in 1..bounds.len() {
        let end = bounds[k];
        for j in (0..k).rev() {
            let start = bounds[j];
            if end - start > lex.max_len {
                break;
            }
            let Some((words, neg_sq, _)) = best[j] else {
                continue;
            };
            if lex.flags(&tag[start..end]) == 0 {
                continue;
            }
            let len = (k - j) as isize;
            let candidate = (words + 1, neg_sq - len * len, j);
            if best[k].is_none_or(|b| (candidate.0, candidate.1) < (b.0, b.1)) {
                best[k] = Some(candidate);
            }
        }
    }
    let mut starts = Vec::new();
    let mut k = bounds.len() - 1;
    best[k]?;
    while k > 0 {
        let (_, _, prev) = best[k]?;
        starts.push(bounds[prev]);
        k = prev;
    }
    starts.reverse();
    Some(starts)
}

/// A piece of a partial split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Piece {
    pub start: usize,
    pub end: usize,
    pub known: bool,
}

impl Piece {
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// Splits `tag` into known words of at least four letters and runs of unknown letters, with
/// the fewest unknown letters, then the fewest pieces. Shorter words are left out because they
/// fit almost anywhere: with them, `klimaforandringer` would become `klima`, `for`, `and`, …
pub(super) fn segment_partial(tag: &str, lex: &Lexicon) -> Vec<Piece> {
    let bounds: Vec<usize> = tag
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(tag.len()))
        .collect();
    // best[k] = (unknown letters, pieces, previous index, known) for tag[..bounds[k]].
    let mut best: Vec<(usize, usize, usize, bool)> = vec![(usize::MAX, 0, 0, false); bounds.len()];
    best[0] = (0, 0, 0, true);
    for k in 1..bounds.len() {
        // One unknown letter, extending an unknown run when the previous piece is one.
        let (u, p, _, known) = best[k - 1];
        if u != usize::MAX {
            let pieces = if known || k == 1 { p + 1 } else { p };
            best[k] = (u + 1, pieces, k - 1, false);
        }
        let end = bounds[k];
        for j in (0..k).rev() {
            if end - bounds[j] > lex.max_len {
                break;
            }
            let (u, p, _, _) = best[j];
            if u == usize::MAX || k - j < 4 || lex.flags(&tag[bounds[j]..end]) == 0 {
                continue;
            }
            if (u, p + 1) < (best[k].0, best[k].1) {
                best[k] = (u, p + 1, j, true);
            }
        }
    }
    let mut pieces: Vec<Piece> = Vec::new();
    let mut k = bounds.len() - 1;
    while k > 0 {
        let (_, _, prev, known) = best[k];
        match pieces.last_mut() {
            Some(last) if !known && !last.known => last.start = bounds[prev],
            _ => pieces.push(Piece {
                start: bounds[prev],
                end: bounds[k],
                known,
            }),
        }
        k = prev;
    }
    pieces.reverse();
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(tag: &str) -> Option<Vec<&str>> {
        let starts = segment(tag, &LEXICON)?;
        let ends = starts[1..]
            .iter()
            .copied()
            .chain(std::iter::once(tag.len()));
        Some(starts.iter().zip(ends).map(|(&s, e)| &tag[s..e]).collect())
    }

    #[test]
    fn segments_danish_and_english_tags() {
        assert_eq!(
            split("ønskejobiaarhus").unwrap(),
            ["ønskejob", "i", "aarhus"]
        );
        assert_eq!(split("jobiaarhus").unwrap(), ["job", "i", "aarhus"]);
        assert_eq!(
            split("sundhedogtrivsel").unwrap(),
            ["sundhed", "og", "trivsel"]
        );
        assert_eq!(
            split("customerexperience").unwrap(),
            ["customer", "experience"]
        );
        assert_eq!(
            split("mentalhealthawareness").unwrap(),
            ["mental", "health", "awareness"]
        );
        assert_eq!(split("ambulance").unwrap(), ["ambulance"]);
        assert_eq!(split("sygeplejerske").unwrap(), ["sygeplejerske"]);
    }

    #[test]
    fn near_misses_do_not_split() {
        assert_eq!(split("dkpol"), None);
        assert_eq!(split("xyzzyplugh"), None);
    }

    #[test]
    fn partial_split_pieces() {
        let t = "internationalwomensday";
        let p = segment_partial(t, &LEXICON);
        let texts: Vec<(&str, bool)> = p.iter().map(|p| (&t[p.range()], p.known)).collect();
        assert_eq!(
            texts,
            [("international", true), ("women", true), ("sday", false)]
        );
    }
}
