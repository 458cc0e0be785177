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
use crate::error::{msg, Msg};
use crate::fold;
use crate::span::Span;
use rustc_hash::FxHashSet;
use sha2::block_api::compress256;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// Bytes of a stored digest.
pub(crate) const DIGEST_LEN: usize = 16;
/// The shortest term `hash-terms` accepts, in folded bytes: a one- or two-letter codename
/// would be found in every post (and the post's "og" and "du" then need no hashing).
const MIN_TERM_BYTES: usize = 3;
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
    /// The prefilter's bits (see [`Prefilter`]), when the block has one.
    pub filter: Option<Vec<u8>>,
}

/// A list's salted hasher and digests, ready to look up a post's word n-grams.
#[derive(Debug)]
pub(crate) struct HashedList {
    salted: Sha256,
    /// The SHA-256 state after the salt, when the salt is exactly one block.
    after_salt: Option<[u32; 8]>,
    max_words: usize,
    digests: FxHashSet<[u8; DIGEST_LEN]>,
    prefilter: Option<Prefilter>,
}

impl HashedList {
    /// The list of a `[[confidential]]` block.
    pub fn new(h: &HashedTerms) -> HashedList {
        HashedList {
            salted: salted(&h.salt),
            after_salt: <&[u8; 64]>::try_from(h.salt.as_slice()).ok().map(|block| {
                let mut state = SHA256_IV;
                compress256(&mut state, &[*block]);
                state
            }),
            max_words: h.max_words.clamp(1, MAX_WORDS),
            digests: h.digests.iter().copied().collect(),
            prefilter: h
                .filter
                .as_deref()
                .and_then(|bits| Prefilter::from_bytes(&h.salt, bits)),
        }
    }

    /// Whether the folded `candidate` is listed: first the list's prefilter (a few
    /// nanoseconds; it rules out ~99 % of a post's n-grams), then the digest.
    fn contains(&self, candidate: &str) -> bool {
        if candidate.len() < MIN_TERM_BYTES {
            return false;
        }
        if let Some(f) = &self.prefilter {
            if !f.may_contain(candidate.as_bytes()) {
                return false;
            }
        }
        let folded = candidate;
        let d = match self.after_salt {
            Some(state) if folded.len() <= 55 => one_block_digest(state, folded.as_bytes()),
            _ => digest(&self.salted, folded),
        };
        self.digests.contains(&d)
    }

    /// The spans of the post where a listed term occurs: whole words and phrases (across
    /// white space, not punctuation), with inflections of the last word, and — with
    /// `compounds` — as the first or last part of a compound word.
    pub fn find(&self, doc: &Document<'_>, compounds: bool) -> Vec<Span> {
        let mut found: Vec<Span> = Vec::new();
        let mut buf = String::new();
        let words = &doc.words;
        // Each word's forms once: itself and the stems it may inflect (a word is the last
        // of up to `max_words` n-grams).
        let forms: Vec<Vec<&str>> = words
            .iter()
            .map(|w| {
                let word = doc.folded_word(w);
                let mut v: Vec<&str> = std::iter::once(word).chain(stems(word)).collect();
                v[1..].sort_unstable();
                v.dedup();
                v
            })
            .collect();
        for (i, word) in words.iter().enumerate() {
            let folded = doc.folded_word(word);
            self.ngrams(doc, i, &forms, &mut buf, &mut found);
            if compounds {
                let span = Span::new(word.span.start, word.span.end);
                // A compound's first part ("Havørnaftalen"), and its last part with its
                // inflections ("projekthavørnen"), as a term of one word: a phrase glued to
                // another word ("Blå Kajprojektet", "lyseblå kaj") is written with a hyphen.
                let head = heads(folded).any(|h| self.contains_in(h, &mut buf));
                let mut tail = || {
                    forms[i]
                        .iter()
                        .any(|f| tails(f).any(|t| self.contains_in(t, &mut buf)))
                };
                if head || tail() {
                    found.push(span);
                }
            }
        }
        found.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        found.dedup_by(|b, a| a.start <= b.start && b.end <= a.end);
        found
    }

    /// `contains` of `form`, through the scratch buffer.
    fn contains_in(&self, form: &str, buf: &mut String) -> bool {
        buf.clear();
        buf.push_str(form);
        self.contains(buf)
    }

    /// Tries the n-grams that start with word `i`: the words as written, the last one in
    /// each of its forms.
    fn ngrams(
        &self,
        doc: &Document<'_>,
        i: usize,
        forms: &[Vec<&str>],
        buf: &mut String,
        found: &mut Vec<Span>,
    ) {
        let words = &doc.words;
        buf.clear();
        for j in i..words.len().min(i + self.max_words) {
            if j > i {
                // A phrase runs across white space only: "Blå\nKaj", not "blå, Kaj".
                let gap = doc.text.get(words[j - 1].span.end..words[j].span.start);
                if !gap.is_some_and(|g| !g.is_empty() && g.chars().all(char::is_whitespace)) {
                    return;
                }
                buf.push(' ');
            }
            let stem = buf.len();
            let hit = forms[j].iter().any(|form| {
                buf.truncate(stem);
                buf.push_str(form);
                self.contains(buf)
            });
            buf.truncate(stem);
            buf.push_str(forms[j][0]);
            if hit {
                found.push(Span::new(words[i].span.start, words[j].span.end));
            }
        }
    }
}

/// A Bloom filter over the list's folded terms under a key derived from the salt, so a post's
/// n-grams that are certainly not listed cost no SHA-256. Seven probes, about ten bits per
/// entry: about 1 % of absent candidates pass to the digest check.
///
/// It tells no more than the digests do: both only confirm a guessed term (the filter with
/// false positives). Its speed makes confirming a guess faster than SHA-256 alone would —
/// which does not matter, since SHA-256 is fast too: a list is only as secret as its terms
/// are hard to guess.
#[derive(Debug)]
struct Prefilter {
    key: u64,
    bits: Vec<u64>,
}

const PROBES: u64 = 7;

impl Prefilter {
    fn key(salt: &[u8]) -> u64 {
        let mut h = Sha256::new();
        h.update(salt);
        h.update(b"postlint prefilter");
        let d = h.finalize();
        u64::from_le_bytes(d[..8].try_into().unwrap_or([0; 8]))
    }

    /// An empty filter for about `entries` entries.
    fn new(salt: &[u8], entries: usize) -> Prefilter {
        let words = (entries * 10).div_ceil(64).next_power_of_two().max(1);
        Prefilter {
            key: Prefilter::key(salt),
            bits: vec![0; words],
        }
    }

    fn from_bytes(salt: &[u8], bytes: &[u8]) -> Option<Prefilter> {
        let words = bytes.len() / 8;
        if words == 0 || !words.is_power_of_two() || !bytes.len().is_multiple_of(8) {
            return None;
        }
        let bits = bytes
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
            .collect();
        Some(Prefilter {
            key: Prefilter::key(salt),
            bits,
        })
    }

    fn to_bytes(&self) -> Vec<u8> {
        self.bits.iter().flat_map(|w| w.to_le_bytes()).collect()
    }

    /// The bit positions of `item`: double hashing of a keyed 64-bit hash.
    fn probes(&self, item: &[u8]) -> impl Iterator<Item = usize> {
        use std::hash::Hasher;
        let mut h = rustc_hash::FxHasher::with_seed(self.key as usize);
        h.write(item);
        // splitmix64's finaliser: FxHash's low bits alone are too regular for a Bloom filter.
        let mut x = h.finish() ^ self.key;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^= x >> 31;
        let (a, b) = (x, (x >> 32) | 1);
        let mask = (self.bits.len() * 64 - 1) as u64;
        (0..PROBES).map(move |i| (a.wrapping_add(i.wrapping_mul(b)) & mask) as usize)
    }

    fn insert(&mut self, item: &[u8]) {
        let probes: Vec<usize> = self.probes(item).collect();
        for p in probes {
            self.bits[p / 64] |= 1 << (p % 64);
        }
    }

    fn may_contain(&self, item: &[u8]) -> bool {
        self.probes(item)
            .all(|p| self.bits[p / 64] & (1 << (p % 64)) != 0)
    }
}

/// SHA-256's initial state (FIPS 180-4, 5.3.3).
const SHA256_IV: [u32; 8] = [
    0x6a09_e667,
    0xbb67_ae85,
    0x3c6e_f372,
    0xa54f_f53a,
    0x510e_527f,
    0x9b05_688c,
    0x1f83_d9ab,
    0x5be0_cd19,
];

/// SHA-256(salt ‖ message) for a one-block salt and a message of at most 55 bytes: the
/// message and its padding are one block, compressed once from the state after the salt.
/// Hand-written on purpose, over sha2's own compression function (SHA-NI where the CPU has
/// it): going through the buffered hasher for each of the ~700 n-grams of a 600-byte post
/// cost twice as much (`benches/check.rs`, check/danish_600b_10k_hashed_terms). A test
/// checks it against the hasher for every length.
fn one_block_digest(mut state: [u32; 8], message: &[u8]) -> [u8; DIGEST_LEN] {
    let mut block = [0u8; 64];
    block[..message.len()].copy_from_slice(message);
    block[message.len()] = 0x80;
    let bits = ((SALT_LEN + message.len()) as u64) * 8;
    block[56..].copy_from_slice(&bits.to_be_bytes());
    compress256(&mut state, &[block]);
    let mut out = [0u8; DIGEST_LEN];
    for (chunk, word) in out.chunks_exact_mut(4).zip(state) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
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
    let bytes = word.as_bytes();
    let suffixes = crate::matcher::SUFFIXES.iter().chain(["'s", "'"].iter());
    suffixes
        .filter(move |suffix| bytes.ends_with(suffix.as_bytes()))
        .flat_map(move |suffix| {
            let stem = Some(&word[..word.len() - suffix.len()]).filter(|s| s.chars().count() >= 3);
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
pub(crate) fn block(terms: &str, salt: &[u8; SALT_LEN]) -> Result<String, Msg> {
    let hasher = salted(salt);
    let mut digests: Vec<[u8; DIGEST_LEN]> = Vec::new();
    let mut count = 0usize;
    let mut max_words = 1usize;
    let mut forms: Vec<String> = Vec::new();
    for (n, line) in terms.lines().enumerate() {
        let folded = normal(line);
        if folded.is_empty() {
            continue;
        }
        if folded.len() < MIN_TERM_BYTES {
            return Err(msg!(
                "error.hash-terms.short",
                line = n + 1,
                min = MIN_TERM_BYTES
            ));
        }
        let words = folded.split(' ').count();
        if words > MAX_WORDS {
            // The line number only: the term is what must not be shown.
            return Err(msg!(
                "error.hash-terms.long",
                line = n + 1,
                words = words,
                max = MAX_WORDS
            ));
        }
        count += 1;
        max_words = max_words.max(words);
        digests.push(digest(&hasher, &folded));
        forms.push(folded.clone());
        for s in ascii_spellings(&folded) {
            digests.push(digest(&hasher, &s));
            forms.push(s);
        }
    }
    if count == 0 {
        return Err(msg!("error.hash-terms.empty"));
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
    let mut filter = Prefilter::new(salt, forms.len());
    for f in &forms {
        filter.insert(f.as_bytes());
    }
    let _ = writeln!(out, "filter = \"{}\"", hex(&filter.to_bytes()));
    let _ = writeln!(out, "hashes = [");
    for d in &digests {
        let _ = writeln!(out, "  \"{}\",", hex(d));
    }
    let _ = writeln!(out, "]");
    Ok(out)
}

/// A fresh random salt from the operating system.
pub(crate) fn random_salt() -> Result<[u8; SALT_LEN], Msg> {
    let mut salt = [0u8; SALT_LEN];
    getrandom::fill(&mut salt)
        .map_err(|e| msg!("error.hash-terms.random", detail = e.to_string()))?;
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
        let e = super::block(long, &[0; SALT_LEN]).unwrap_err().to_string();
        assert!(!e.contains(long) && e.contains("line 1"), "{e}");
    }

    #[test]
    fn the_prefilter_keeps_every_term_and_few_others() {
        let salt = [3u8; SALT_LEN];
        let mut f = Prefilter::new(&salt, 10_000);
        for i in 0..10_000 {
            f.insert(format!("term {i}").as_bytes());
        }
        assert!((0..10_000).all(|i| f.may_contain(format!("term {i}").as_bytes())));
        let passed = (0..100_000)
            .filter(|i| f.may_contain(format!("other {i}").as_bytes()))
            .count();
        assert!(passed < 2_000, "{passed} of 100000 absent items pass");
        let again = Prefilter::from_bytes(&salt, &f.to_bytes()).unwrap();
        assert!(again.may_contain(b"term 7"));
        // Another salt, another key: the same bits say nothing about the same terms.
        let other = Prefilter::from_bytes(&[4u8; SALT_LEN], &f.to_bytes()).unwrap();
        let kept = (0..1000)
            .filter(|i| other.may_contain(format!("term {i}").as_bytes()))
            .count();
        assert!(kept < 50, "{kept}");
    }

    #[test]
    fn the_one_block_digest_is_sha256() {
        let salt = [0x5au8; SALT_LEN];
        let mut state = SHA256_IV;
        compress256(&mut state, &[salt]);
        let hasher = salted(&salt);
        let text = "abcdefghijklmnopqrstuvwxyzæøå0123456789 havørn blå kaj";
        for end in (0..=55).filter(|&e| text.is_char_boundary(e)) {
            let m = &text[..end];
            assert_eq!(
                one_block_digest(state, m.as_bytes()),
                digest(&hasher, m),
                "{m}"
            );
        }
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
