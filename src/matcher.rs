//! One automaton for every term list of every rule, and each distinct pattern compiled once.
//!
//! Rules never scan the text themselves for words: while the linter is built, each rule
//! registers its term lists and patterns here, and per post the folded text is scanned once
//! by a single Aho-Corasick automaton. Rules then read their hits by handle. The cost per
//! post therefore grows with the text and the number of hits, not with the number of terms
//! (10,000 confidential codenames cost the automaton build, not the check).
//!
//! Patterns are deduplicated and run here too, but each with its own compiled regex rather
//! than one `RegexSet`: Danish text is never pure ASCII, and a set containing any Unicode
//! `\b` then falls back from the lazy DFA to the PikeVM for the whole set (measured: 44% of
//! the check time of a 600-byte post). A single regex keeps its literal prefilters and its
//! bounded backtracker, which made the check 3–4× faster.

use crate::document::Document;
use crate::error::{msg, Error, ErrorKind};
use crate::fold::{self, is_word_char};
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::Regex;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// A compound part that is a listed term has at least this many letters ("Havørn" in
/// "Havørnaftalen"): shorter terms would explode into chance hits inside longer words.
pub(crate) const MIN_PART: usize = 4;
/// The shortest rest of a compound after (or before) a listed term.
pub(crate) const MIN_REST: usize = 3;

/// How a term list matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermOptions {
    /// Only whole words (the default): "rabat" does not match inside "rabatkupon"'s neighbour
    /// "karabat", but does match "rabatten" when `inflect` is on.
    pub whole_word: bool,
    /// Also match Danish and English inflected forms (suffixes, doubled final consonant).
    pub inflect: bool,
    /// Match case exactly (diacritics still fold).
    pub case_sensitive: bool,
    /// Also match inside URLs. Off by default: "falck" in `https://falck.dk/job` is an
    /// address, not the company being talked about. Confidential terms turn it on, since a
    /// codename in a link leaks just the same.
    pub in_urls: bool,
    /// Also match as the first or last part of a Danish compound ("Havørn" in
    /// "Havørnaftalen", "Havørnsplatformen", "projekthavørn"): when the term's word there
    /// has at least four letters and the rest of the compound at least three. Off by
    /// default; confidential terms and customers turn it on.
    pub compound: bool,
    /// With `compound`, only as the last part ("havneoperatør" for "operatør"), not the
    /// first ("lagerholdet" is a team, not a warehouse).
    pub compound_tail_only: bool,
}

impl Default for TermOptions {
    fn default() -> Self {
        TermOptions {
            whole_word: true,
            inflect: true,
            case_sensitive: false,
            in_urls: false,
            compound: false,
            compound_tail_only: false,
        }
    }
}

/// Compiles a pattern once per process: loading a guideline compiles each pattern to
/// validate it, and building the linter needs the same regex again. Compiling costs far more
/// than cloning (a clone shares the compiled program).
pub fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    static CACHE: OnceLock<Mutex<HashMap<String, Regex>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(re) = cache.lock().ok().and_then(|c| c.get(pattern).cloned()) {
        return Ok(re);
    }
    let re = regex::RegexBuilder::new(pattern)
        .size_limit(1 << 22)
        .build()?;
    if let Ok(mut c) = cache.lock() {
        c.insert(pattern.to_string(), re.clone());
    }
    Ok(re)
}

/// A handle to a registered term list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ListId(usize);

/// A handle to a registered regular expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RegexId(usize);

/// One occurrence of a term in the post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the term in its list, as registered.
    pub term: usize,
    /// Where it occurs in the post, inflection included.
    pub span: Span,
}

#[derive(Debug)]
struct List {
    terms: Vec<String>,
    options: TermOptions,
}

/// Collects term lists and patterns while rules are built.
#[derive(Debug, Default)]
pub struct MatcherBuilder {
    patterns: Vec<String>,
    pattern_index: HashMap<String, usize>,
    /// For each pattern: the (list, term) pairs it stands for.
    owners: Vec<Vec<(usize, usize)>>,
    lists: Vec<List>,
    regexes: Vec<Regex>,
}

impl MatcherBuilder {
    /// A new, empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers a term list. Terms that fold to nothing are ignored.
    /// A list identical to one already registered (same terms, same order, same options) gets
    /// the same handle: several rules read the company's names or disclosures, and each
    /// distinct list costs a hit vector per post.
    pub fn add_terms<S: AsRef<str>>(&mut self, terms: &[S], options: TermOptions) -> ListId {
        let same = |l: &List| {
            l.options == options
                && l.terms.len() == terms.len()
                && l.terms.iter().zip(terms).all(|(a, b)| a == b.as_ref())
        };
        if let Some(existing) = self.lists.iter().position(same) {
            return ListId(existing);
        }
        let list = self.lists.len();
        let mut originals = Vec::with_capacity(terms.len());
        for (i, term) in terms.iter().enumerate() {
            let term = term.as_ref();
            originals.push(term.to_string());
            let folded = fold::fold(term);
            if folded.is_empty() {
                continue;
            }
            let next = self.patterns.len();
            let p = *self.pattern_index.entry(folded.clone()).or_insert(next);
            if p == next {
                self.patterns.push(folded);
                self.owners.push(Vec::new());
            }
            self.owners[p].push((list, i));
        }
        self.lists.push(List {
            terms: originals,
            options,
        });
        ListId(list)
    }

    /// Registers a regular expression (matched against the post as written).
    pub fn add_regex(&mut self, pattern: &str) -> Result<RegexId, regex::Error> {
        if let Some(i) = self.regexes.iter().position(|r| r.as_str() == pattern) {
            return Ok(RegexId(i));
        }
        self.regexes.push(compile(pattern)?);
        Ok(RegexId(self.regexes.len() - 1))
    }

    /// Compiles every term into one automaton (the patterns are compiled already).
    pub fn build(self) -> Result<Matcher, Error> {
        let ac = if self.patterns.is_empty() {
            None
        } else {
            // Standard semantics are needed for overlapping search: two rules may list
            // "rabat" and "stor rabat", and both must see their hit.
            //
            // A contiguous NFA, not a DFA: the packs hold ~10,000 terms (AFINN alone has
            // 7,000), and a DFA of that size takes ~30 ms to build — most of the CLI's start-up
            // — while searching a post is barely faster than with the contiguous NFA.
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(&self.patterns)
                .map(Some)
                .map_err(|e| {
                    Error::new(
                        ErrorKind::Guideline,
                        msg!("error.terms-too-large", detail = e.to_string()),
                    )
                })?
        };
        Ok(Matcher {
            ac,
            patterns: self.patterns,
            owners: self.owners,
            lists: self.lists,
            regexes: self.regexes,
        })
    }
}

/// The compiled matcher, shared by all posts.
#[derive(Debug)]
pub struct Matcher {
    ac: Option<AhoCorasick>,
    patterns: Vec<String>,
    owners: Vec<Vec<(usize, usize)>>,
    lists: Vec<List>,
    regexes: Vec<Regex>,
}

/// Every hit of every list and regex in one post.
#[derive(Debug, Default)]
pub struct Hits {
    lists: Vec<Vec<Hit>>,
    regexes: Vec<Vec<Span>>,
}

impl Hits {
    /// The hits of a term list, sorted by start, overlaps resolved in favour of the longest.
    pub fn terms(&self, id: ListId) -> &[Hit] {
        self.lists.get(id.0).map_or(&[], |v| v)
    }

    /// The matches of a regex, sorted by start.
    pub fn regex(&self, id: RegexId) -> &[Span] {
        self.regexes.get(id.0).map_or(&[], |v| v)
    }
}

impl Matcher {
    /// The term of `list` at `index`, as registered.
    pub fn term(&self, list: ListId, index: usize) -> &str {
        &self.lists[list.0].terms[index]
    }

    /// Scans the document once for every list and regex.
    pub fn scan(&self, doc: &Document<'_>) -> Hits {
        let mut lists: Vec<Vec<Hit>> = vec![Vec::new(); self.lists.len()];
        let folded = &doc.folded.text;
        let body_start = doc.body.start;
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(folded.as_str()) {
                let pattern = &self.patterns[m.pattern().as_usize()];
                for &(list, term) in &self.owners[m.pattern().as_usize()] {
                    let options = self.lists[list].options;
                    let Some(end) = accept(folded, m.start(), m.end(), pattern, options) else {
                        continue;
                    };
                    let span = Span::new(doc.folded.original(m.start()), doc.folded.original(end));
                    if span.start < body_start {
                        continue;
                    }
                    if !options.in_urls && inside_url(doc, span) {
                        continue;
                    }
                    if options.case_sensitive {
                        let written = &doc.text[span.start..span.end];
                        let registered = &self.lists[list].terms[term];
                        if !written.starts_with(registered.as_str())
                            && !same_ignoring_space(written, registered)
                        {
                            continue;
                        }
                    }
                    lists[list].push(Hit { term, span });
                }
            }
        }
        for hits in &mut lists {
            resolve_overlaps(hits);
        }
        let mut regexes = vec![Vec::new(); self.regexes.len()];
        if !self.regexes.is_empty() {
            let body = doc.body_text();
            for (i, re) in self.regexes.iter().enumerate() {
                regexes[i] = re
                    .find_iter(body)
                    .filter(|m| !m.is_empty())
                    .map(|m| Span::new(body_start + m.start(), body_start + m.end()))
                    .collect();
            }
        }
        Hits { lists, regexes }
    }
}

/// Whether `span` overlaps a URL entity (entities are sorted by start).
fn inside_url(doc: &Document<'_>, span: Span) -> bool {
    let urls = &doc.links;
    let i = urls.partition_point(|u| u.end <= span.start);
    urls.get(i).is_some_and(|u| u.start < span.end)
}

fn same_ignoring_space(written: &str, registered: &str) -> bool {
    written.split_whitespace().eq(registered.split_whitespace())
}

/// Sorts hits by start and drops hits contained in a longer one.
fn resolve_overlaps(hits: &mut Vec<Hit>) {
    if hits.len() < 2 {
        return;
    }
    hits.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut last_end = 0;
    hits.retain(|h| {
        if h.span.end <= last_end && last_end > 0 {
            false
        } else {
            last_end = last_end.max(h.span.end);
            true
        }
    });
}

/// Checks word boundaries and inflection; returns the folded end of the accepted match.
fn accept(folded: &str, start: usize, end: usize, pattern: &str, o: TermOptions) -> Option<usize> {
    if !o.whole_word {
        return Some(end);
    }
    let first = pattern.chars().next()?;
    let mut tail_of_compound = false;
    if is_word_char(first) {
        let before = folded[..start]
            .chars()
            .rev()
            .take_while(|&c| is_word_char(c))
            .count();
        if before > 0 {
            let first_word = pattern.split(' ').next().unwrap_or("").chars().count();
            if !(o.compound && first_word >= MIN_PART && before >= MIN_REST) {
                return None;
            }
            tail_of_compound = true;
        }
    }
    let last = pattern.chars().next_back()?;
    if !is_word_char(last) {
        return Some(end);
    }
    let rest_len = folded[end..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(folded.len() - end, |(i, _)| i);
    if rest_len == 0 {
        return Some(end);
    }
    let rest = &folded[end..end + rest_len];
    if o.inflect && pattern.chars().count() >= 3 && is_inflection(last, rest) {
        return Some(end + rest_len);
    }
    // A head of a compound (not a middle part: "x-havørn-y" is split by its hyphens, and a
    // term inside one long word is too likely chance).
    let last_word = pattern.rsplit(' ').next().unwrap_or("").chars().count();
    (o.compound
        && !o.compound_tail_only
        && !tail_of_compound
        && last_word >= MIN_PART
        && rest.chars().count() >= MIN_REST)
        .then_some(end + rest_len)
}

/// Danish and English inflectional endings (nouns, adjectives, verbs), in folded form.
/// A word's ending is accepted when it is one of these, optionally after a doubled final
/// consonant: "rabat" → "rabatten", "tilbud" → "tilbuddet", "ship" → "shipping".
pub(crate) const SUFFIXES: &[&str] = &[
    // Danish
    "e", "n", "t", "s", "r", "ne", "en", "et", "er", "es", "de", "te", "re", "ere", "ene", "ens",
    "ets", "ers", "ede", "ende", "erne", "eres", "enes", "ernes", "endes", // English
    "d", "ed", "ing", "ings", "ers",
];

pub(crate) fn is_inflection(last: char, rest: &str) -> bool {
    if SUFFIXES.contains(&rest) {
        return true;
    }
    // A doubled final consonant before an ending.
    let mut chars = rest.chars();
    chars.next() == Some(last)
        && !matches!(last, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'æ' | 'ø' | 'å')
        && SUFFIXES.contains(&chars.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    fn find(terms: &[&str], options: TermOptions, text: &str) -> Vec<String> {
        let mut b = MatcherBuilder::new();
        let id = b.add_terms(terms, options);
        let m = b.build().unwrap();
        let doc = Document::new(text, 0..text.len(), Some(Lang::Da), &Lang::ALL);
        m.scan(&doc)
            .terms(id)
            .iter()
            .map(|h| text[h.span.start..h.span.end].to_string())
            .collect()
    }

    #[test]
    fn whole_words_with_inflections() {
        let o = TermOptions::default();
        assert_eq!(
            find(
                &["Nordlys"],
                o,
                "Nordlyset, Nordlys' og NORDLYS. Nordlysfestival, anordlys"
            ),
            ["Nordlyset", "Nordlys", "NORDLYS"]
        );
        assert_eq!(
            find(&["rabat"], o, "Rabatten og rabatter, rabatkode"),
            ["Rabatten", "rabatter"]
        );
        assert_eq!(find(&["tilbud"], o, "Tilbuddet gælder"), ["Tilbuddet"]);
        assert_eq!(find(&["projekt"], o, "projektet er i gang"), ["projektet"]);
        assert_eq!(
            find(&["discount"], o, "Discounts and discounted"),
            ["Discounts", "discounted"]
        );
    }

    #[test]
    fn phrases_across_whitespace_and_overlaps() {
        let o = TermOptions::default();
        assert_eq!(
            find(&["project aurora"], o, "Project\n  Aurora starter"),
            ["Project\n  Aurora"]
        );
        assert_eq!(
            find(&["stor rabat", "rabat"], o, "stor rabat"),
            ["stor rabat"]
        );
    }

    #[test]
    fn exact_options() {
        let exact = TermOptions {
            inflect: false,
            case_sensitive: true,
            ..TermOptions::default()
        };
        assert_eq!(
            find(&["Aurora"], exact, "aurora Aurora Auroraen"),
            ["Aurora"]
        );
        let inner = TermOptions {
            whole_word: false,
            ..TermOptions::default()
        };
        assert_eq!(find(&["lys"], inner, "Nordlys"), ["lys"]);
    }

    #[test]
    fn identical_lists_share_one_handle() {
        let mut b = MatcherBuilder::new();
        let a = b.add_terms(&["Falck", "Falck A/S"], TermOptions::default());
        let same = b.add_terms(
            &["Falck".to_string(), "Falck A/S".to_string()],
            TermOptions::default(),
        );
        let exact = TermOptions {
            case_sensitive: true,
            ..TermOptions::default()
        };
        let other = b.add_terms(&["Falck", "Falck A/S"], exact);
        assert_eq!(a, same);
        assert_ne!(a, other);
    }

    #[test]
    fn each_distinct_regex_is_compiled_once() {
        let mut b = MatcherBuilder::new();
        let a = b.add_regex(r"\d+ kr\.").unwrap();
        assert_eq!(b.add_regex(r"\d+ kr\.").unwrap(), a);
        let z = b.add_regex(r"zzz").unwrap();
        assert!(b.add_regex(r"(unclosed").is_err());
        let m = b.build().unwrap();
        let text = "Kun 499 kr. i dag";
        let doc = Document::new(text, 0..text.len(), None, &Lang::ALL);
        let hits = m.scan(&doc);
        assert_eq!(hits.regex(a), [Span::new(4, 11)]);
        assert!(hits.regex(z).is_empty());
    }
}
