//! Secret term lists: confidential terms stored only as salted hashes, so a guideline can be
//! published to every employee without publishing its codenames.
//!
//! `postlint hash-terms` folds each term exactly as the matcher folds a post (case,
//! diacritics, runs of white space) and stores the first 128 bits of SHA-256(salt ‖ folded
//! term) under a random 64-byte salt of the list's own. At check time the post's word
//! n-grams, up to the longest term's word count, are folded and hashed the same way, with the
//! inflected and compound forms the plain lists find ("Havørnen", "Havørnaftalen",
//! "projekthavørn"), and looked up.
//!
//! What this protects and what it does not: nobody can read a term off the file, and the
//! per-list salt means a table computed for one company's list is useless for another's. It
//! cannot stop someone who guesses a term from confirming the guess — a codename that is an
//! ordinary word can be found by hashing a dictionary. Pick codenames that are not words, as
//! the documentation says.
//!
//! The salt is 64 bytes, one SHA-256 block, on purpose: the hasher state after the salt is
//! computed once per list, so a candidate of up to 55 bytes costs a single compression
//! (SHA-NI where the CPU has it). That is what keeps 10,000 hashed terms within the budget
//! for a 600-byte post (`benches/check.rs`).

use crate::document::Document;
use crate::fold;
use crate::span::Span;
use rustc_hash::FxHashSet;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// Bytes of a stored digest.
pub(crate) const DIGEST_LEN: usize = 16;
/// Bytes of a list's salt.
const SALT_LEN: usize = 64;
/// The only hash written and read.
pub(crate) const ALGORITHM: &str = "sha256";
/// The most words a hashed term may have.
pub(crate) const MAX_WORDS: usize = 8;
use crate::matcher::{MIN_PART, MIN_REST};
/// Words longer than this are not split into compound parts (the number of parts grows with
/// the length; no real word is longer).
const MAX_COMPOUND: usize = 40;

/// A confidential list stored as salted hashes: the terms themselves are not in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HashedTerms {
    /// The list's random salt.
    pub salt: Vec<u8>,
    /// The word count of the longest term: the post's word n-grams are hashed up to it.
    pub max_words: usize,
    /// The truncated digests of the terms' folded forms, sorted.
    pub digests: Vec<[u8; DIGEST_LEN]>,
}

/// A list's salted hasher and digests, ready to look up a post's word n-grams.
#[derive(Debug)]
pub(crate) struct HashedList {
    salted: Sha256,
    max_words: usize,
    digests: FxHashSet<[u8; DIGEST_LEN]>,
}

impl HashedList {
    /// The list of a `[[confidential]]` block.
    pub fn new(h: &HashedTerms) -> HashedList {
        HashedList {
            salted: salted(&h.salt),
            max_words: h.max_words.clamp(1, MAX_WORDS),
            digests: h.digests.iter().copied().collect(),
        }
    }

    fn contains(&self, folded: &str) -> bool {
        self.digests.contains(&digest(&self.salted, folded))
    }

    /// The spans of the post where a listed term occurs: whole words and phrases (across
    /// white space, not punctuation), with inflections of the last word, and — with
    /// `compounds` — as the first or last part of a compound word.
    pub fn find(&self, doc: &Document<'_>, compounds: bool) -> Vec<Span> {
        let mut found: Vec<Span> = Vec::new();
        let mut buf = String::new();
        let words = &doc.words;
        for (i, word) in words.iter().enumerate() {
            let first = doc.folded_word(word);
            // The n-grams starting with word i, then (for a compound) those starting with
            // each tail of it: "projekthavørn" → "havørn".
            self.ngrams(doc, i, first, compounds, &mut buf, &mut found);
            if compounds {
                for tail in tails(first) {
                    self.ngrams(doc, i, tail, false, &mut buf, &mut found);
                }
            }
        }
        found.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        found.dedup_by(|b, a| a.start <= b.start && b.end <= a.end);
        found
    }

    /// Tries the n-grams that start with `first` (word `i` or a tail of it).
    fn ngrams(
        &self,
        doc: &Document<'_>,
        i: usize,
        first: &str,
        heads_too: bool,
        buf: &mut String,
        found: &mut Vec<Span>,
    ) {
        let words = &doc.words;
        buf.clear();
        for j in i..words.len().min(i + self.max_words) {
            let word = if j == i {
                first
            } else {
                // A phrase runs across white space only: "Blå\nKaj", not "blå, Kaj".
                let gap = doc.text.get(words[j - 1].span.end..words[j].span.start);
                if !gap.is_some_and(|g| !g.is_empty() && g.chars().all(char::is_whitespace)) {
                    return;
                }
                buf.push(' ');
                doc.folded_word(&words[j])
            };
            let span = Span::new(words[i].span.start, words[j].span.end);
            let stem = buf.len();
            let mut hit = false;
            for form in std::iter::once(word)
                .chain(stems(word))
                .chain(heads(if heads_too || j > i { word } else { "" }))
            {
                buf.truncate(stem);
                buf.push_str(form);
                if self.contains(buf) {
                    hit = true;
                    break;
                }
            }
            buf.truncate(stem);
            buf.push_str(word);
            if hit {
                found.push(span);
            }
        }
    }
}

/// The hasher state after the salt.
fn salted(salt: &[u8]) -> Sha256 {
    let mut h = Sha256::new();
    h.update(salt);
    h
}

/// The stored digest of a folded term.
fn digest(salted: &Sha256, folded: &str) -> [u8; DIGEST_LEN] {
    let mut h = salted.clone();
    h.update(folded.as_bytes());
    let full = h.finalize();
    let mut out = [0u8; DIGEST_LEN];
    out.copy_from_slice(&full[..DIGEST_LEN]);
    out
}

/// The forms a word may be an inflection of: "havørnen" → "havørn", "tilbuddet" → "tilbud",
/// "havørn's" → "havørn". Only stems of at least three letters, as in the matcher.
fn stems(word: &str) -> impl Iterator<Item = &str> {
    let suffixes = crate::matcher::SUFFIXES.iter().chain(["'s", "'"].iter());
    suffixes.flat_map(move |suffix| {
        let stem = word.strip_suffix(suffix).filter(|s| s.chars().count() >= 3);
        let undoubled = stem.and_then(|s| {
            let mut c = s.chars().rev();
            let (last, before) = (c.next()?, c.next()?);
            (last == before && !is_vowel(last)).then(|| &s[..s.len() - last.len_utf8()])
        });
        stem.into_iter().chain(undoubled)
    })
}

/// The first parts a compound may be built on: every prefix of at least [`MIN_PART`] letters
/// that leaves at least [`MIN_REST`] ("havørnaftalen" → "havø", …, "havørnaft").
fn heads(word: &str) -> impl Iterator<Item = &str> {
    let n = word.chars().count();
    let ok = (MIN_PART + MIN_REST..=MAX_COMPOUND).contains(&n);
    word.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(word.len()))
        .enumerate()
        .filter(move |&(k, _)| ok && k >= MIN_PART && k + MIN_REST <= n)
        .map(move |(_, i)| &word[..i])
}

/// The last parts: every suffix of at least [`MIN_PART`] letters after at least
/// [`MIN_REST`] ("projekthavørn" → "kthavørn", …, "havørn", …).
fn tails(word: &str) -> impl Iterator<Item = &str> {
    let n = word.chars().count();
    let ok = (MIN_PART + MIN_REST..=MAX_COMPOUND).contains(&n);
    word.char_indices()
        .enumerate()
        .filter(move |&(k, _)| ok && k >= MIN_REST && n - k >= MIN_PART)
        .map(move |(_, (i, _))| &word[i..])
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'æ' | 'ø' | 'å')
}

/// A term's folded form, as the post's words are folded: "PROJEKT  Nordlys" → "projekt
/// nordlys".
pub(crate) fn normal(term: &str) -> String {
    fold::fold(term).trim().to_string()
}

/// The spellings of a folded term without the Danish letters, as people type them on a
/// keyboard without æ, ø and å: "havørn" → "havorn", "havoern". The term itself is not in
/// the list.
pub(crate) fn ascii_spellings(folded: &str) -> Vec<String> {
    if !folded.contains(['æ', 'ø', 'å']) {
        return Vec::new();
    }
    let spell = |[ae, oe, aa]: [&str; 3]| -> String {
        let mut out = String::with_capacity(folded.len() + 4);
        for c in folded.chars() {
            match c {
                'æ' => out.push_str(ae),
                'ø' => out.push_str(oe),
                'å' => out.push_str(aa),
                c => out.push(c),
            }
        }
        out
    };
    let single = spell(["ae", "o", "a"]);
    let double = spell(["ae", "oe", "aa"]);
    let mut v = vec![single];
    if !v.contains(&double) {
        v.push(double);
    }
    v
}

/// Writes a `[[confidential]]` block for `terms` (one per line; blank lines are skipped),
/// hashed with `salt`. The terms themselves appear nowhere in it — not even in a comment.
pub(crate) fn block(terms: &str, salt: &[u8; SALT_LEN]) -> Result<String, String> {
    let hasher = salted(salt);
    let mut digests: Vec<[u8; DIGEST_LEN]> = Vec::new();
    let mut count = 0usize;
    let mut max_words = 1usize;
    for (n, line) in terms.lines().enumerate() {
        let folded = normal(line);
        if folded.is_empty() {
            continue;
        }
        let words = folded.split(' ').count();
        if words > MAX_WORDS {
            // The line number only: the term is what must not be shown.
            return Err(format!(
                "line {}: a term has {words} words; at most {MAX_WORDS} are supported",
                n + 1
            ));
        }
        count += 1;
        max_words = max_words.max(words);
        digests.push(digest(&hasher, &folded));
        for s in ascii_spellings(&folded) {
            digests.push(digest(&hasher, &s));
        }
    }
    if count == 0 {
        return Err("no terms to hash (one term per line)".to_string());
    }
    // Sorted, so the order of the lines is not kept either.
    digests.sort_unstable();
    digests.dedup();
    let mut out = String::new();
    let _ = writeln!(out, "[[confidential]]");
    let _ = writeln!(
        out,
        "# {count} terms written by `postlint hash-terms`, stored only as salted SHA-256 digests."
    );
    let _ = writeln!(
        out,
        "# Add `until`, `message`, `severity` or `route` as for any list."
    );
    let _ = writeln!(out, "hash = \"{ALGORITHM}\"");
    let _ = writeln!(out, "salt = \"{}\"", hex(salt));
    let _ = writeln!(out, "max_words = {max_words}");
    let _ = writeln!(out, "hashes = [");
    for d in &digests {
        let _ = writeln!(out, "  \"{}\",", hex(d));
    }
    let _ = writeln!(out, "]");
    Ok(out)
}

/// A fresh random salt from the operating system.
pub(crate) fn random_salt() -> Result<[u8; SALT_LEN], String> {
    let mut salt = [0u8; SALT_LEN];
    getrandom::fill(&mut salt).map_err(|e| format!("no random numbers for the salt: {e}"))?;
    Ok(salt)
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

pub(crate) fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || !s.is_ascii() {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    fn list(terms: &str) -> (String, HashedList) {
        let salt = [7u8; SALT_LEN];
        let block = block(terms, &salt).unwrap();
        let g = crate::Guideline::from_toml(&block, "secret.toml").unwrap();
        let h = g.confidential[0].hashed.clone().unwrap();
        (block, HashedList::new(&h))
    }

    fn found(l: &HashedList, text: &str) -> Vec<String> {
        let doc = Document::new(text, 0..text.len(), Some(Lang::Da), &Lang::ALL);
        l.find(&doc, true)
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn hashed_terms_match_like_plain_ones() {
        let (_, l) = list("Havørn\nProject Blue Harbour\nBlå Kaj\n");
        assert_eq!(found(&l, "Vi kalder det Havørnen."), ["Havørnen"]);
        assert_eq!(found(&l, "HAVORN og havoern"), ["HAVORN", "havoern"]);
        assert_eq!(found(&l, "Havørnaftalen er klar"), ["Havørnaftalen"]);
        assert_eq!(found(&l, "Havørnsplatformen"), ["Havørnsplatformen"]);
        assert_eq!(
            found(&l, "Havørn-projektet og Havørn's"),
            ["Havørn", "Havørn's"]
        );
        assert_eq!(found(&l, "projekthavørn"), ["projekthavørn"]);
        assert_eq!(
            found(&l, "PROJECT  blue\nharbour"),
            ["PROJECT  blue\nharbour"]
        );
        assert_eq!(found(&l, "Blå Kajs nye kran"), ["Blå Kajs"]);
        for miss in [
            "havørred og havnenørd",
            "en blå kajak",
            "Blue Harbour Hotel",
            "Project Blue Sky",
            "Blå, Kaj",
            "Kaj",
        ] {
            assert!(found(&l, miss).is_empty(), "{miss}");
        }
    }

    #[test]
    fn the_block_reveals_no_term() {
        let terms = "Havørn\nProject Blue Harbour\nBlå Kaj";
        let (block, _) = list(terms);
        for t in [
            "havørn", "havorn", "project", "blue", "harbour", "blå", "kaj",
        ] {
            assert!(!block.to_lowercase().contains(t), "{t} in {block}");
        }
        assert!(block.contains("max_words = 3"));
        // A salt of another list gives other digests.
        let other = super::block(terms, &[8u8; SALT_LEN]).unwrap();
        let digests = |b: &str| -> Vec<String> {
            b.lines()
                .filter(|l| l.starts_with("  \""))
                .map(str::to_string)
                .collect()
        };
        assert!(digests(&block).iter().all(|d| !digests(&other).contains(d)));
    }

    #[test]
    fn bad_blocks_are_errors_at_their_key() {
        for (bad, says) in [
            ("[[confidential]]\nhash = \"md5\"\nsalt = \"00\"\nhashes = []", "unknown hash"),
            ("[[confidential]]\nhash = \"sha256\"\nsalt = \"zz\"\nhashes = []", "`salt`"),
            (
                "[[confidential]]\nhash = \"sha256\"\nsalt = \"00000000000000000000000000000000\"\nhashes = [\"abc\"]",
                "entry 1 of `hashes`",
            ),
            ("[[confidential]]\nhashes = []", "needs `hash`, `salt` and `hashes`"),
            ("[[confidential]]\nuntil = 2027-01-01", "needs `terms`"),
        ] {
            let e = crate::Guideline::from_toml(bad, "g.toml").unwrap_err();
            assert!(e.to_string().contains(says), "{bad}: {e}");
        }
        assert!(super::block("\n  \n", &[0; SALT_LEN]).is_err());
        let long = "a b c d e f g h i";
        let e = super::block(long, &[0; SALT_LEN]).unwrap_err();
        assert!(!e.contains(long) && e.contains("line 1"), "{e}");
    }

    #[test]
    fn compound_parts_have_a_minimum_length() {
        assert_eq!(heads("havørnaftalen").next(), Some("havø"));
        assert_eq!(heads("havørnaftalen").last(), Some("havørnafta"));
        assert_eq!(heads("kajak").count(), 0);
        assert_eq!(tails("projekthavørn").next(), Some("jekthavørn"));
        assert_eq!(tails("projekthavørn").last(), Some("vørn"));
        assert!(stems("tilbuddet").any(|s| s == "tilbud"));
        assert!(stems("havørn's").any(|s| s == "havørn"));
    }
}
