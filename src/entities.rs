//! Entities in a post: URLs, hashtags, mentions, lists and cashtags, extracted exactly the way
//! twitter-text does (its conformance suite runs in `tests/conformance.rs`), plus the
//! addresses a reader sees that X does not link. Every rule and every length count reads
//! these same entities.
//!
//! The extractor is one left-to-right scan over the text. At each position it asks whether an
//! entity can *start* there (which depends only on the current and the previous character), and
//! if one does, it parses it and jumps past it. That makes entities non-overlapping by
//! construction (a `#top` inside `https://x.dk/#top` is never looked at) and keeps the work
//! linear in the length of the text: the labels of a run of domain characters are read once
//! ([`Run`]) and every later start inside the run is answered from that table, which is what
//! twitter-text's backtracking regular expressions would otherwise redo at every position.
//!
//! Two lists hold what twitter-text leaves out but a reader and a company's rules must see;
//! neither ever overlaps an X entity:
//! * [`Entities::other_urls`]: links with a scheme whose host X does not link
//!   (`http://intranet/wiki`, `https://wiki.acme.local`, `http://10.0.0.5/`, credentials in
//!   `http://user:pw@host/`, an IPv6 literal) and `localhost:8080`.
//! * [`Entities::handles`]: people on other networks, which X reads differently: Mastodon
//!   addresses (`@user@mastodon.social`), Bluesky handles (`@jens.bsky.social`) and names with
//!   letters outside ASCII (`@søren`).
//!
//! Rules read the reader's view, [`Entities::links`] and [`Entities::people`]: twitter-text
//! also links a bare `dag.Se` (a sentence with a missing space after the full stop), which X
//! counts as a link but no reader takes for one.

use serde::Serialize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// One entity found in the text.
///
/// `start..end` is the byte span of the whole entity as written (for a hashtag, including the
/// `#`); `text` is the entity without its sigil (`#`, `@`, `$`), as the JSON report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// The entity's text without its sigil.
    pub text: String,
    /// Byte offset where the entity starts (sigil included).
    pub start: usize,
    /// Byte offset just past the entity.
    pub end: usize,
}

/// All entities of a post, each list sorted by `start`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Entities {
    /// Hashtags (`#ønskejob`).
    pub hashtags: Vec<Entity>,
    /// Mentions as X links them (`@falck`): ASCII letters, digits and `_`, at most 20; never
    /// e-mail addresses.
    pub mentions: Vec<Entity>,
    /// X lists (`@falck/nyheder`); the text is `falck/nyheder`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lists: Vec<Entity>,
    /// URLs as X links them, with or without a scheme, trailing punctuation excluded.
    pub urls: Vec<Entity>,
    /// Cashtags (`$NOVO`).
    pub cashtags: Vec<Entity>,
    /// The account a post replies to: a mention that opens it, after white space only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply: Option<Entity>,
    /// People on other networks that X does not link as written: Mastodon
    /// (`user@mastodon.social`), Bluesky (`jens.bsky.social`), non-ASCII names (`søren`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub handles: Vec<Entity>,
    /// Links X does not turn into links: internal hosts, IP addresses, `localhost:8080`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_urls: Vec<Entity>,
}

impl Entities {
    /// Whether no entity at all was found.
    pub fn is_empty(&self) -> bool {
        self.lists().all(|l| l.is_empty()) && self.reply.is_none()
    }

    /// Every list of entities (the reply, which is also a mention, aside).
    pub fn lists(&self) -> impl Iterator<Item = &Vec<Entity>> {
        [
            &self.hashtags,
            &self.mentions,
            &self.lists,
            &self.urls,
            &self.cashtags,
            &self.handles,
            &self.other_urls,
        ]
        .into_iter()
    }

    /// Every entity, the reply included, for moving all spans at once.
    pub(crate) fn each_mut(&mut self, mut f: impl FnMut(&mut Entity)) {
        for list in [
            &mut self.hashtags,
            &mut self.mentions,
            &mut self.lists,
            &mut self.urls,
            &mut self.cashtags,
            &mut self.handles,
            &mut self.other_urls,
        ] {
            list.iter_mut().for_each(&mut f);
        }
        self.reply.iter_mut().for_each(f);
    }

    /// The entities inside `range`, with spans relative to its start.
    pub(crate) fn within(&self, range: std::ops::Range<usize>) -> Entities {
        let keep = |e: &Entity| {
            (e.start >= range.start && e.end <= range.end).then(|| Entity {
                text: e.text.clone(),
                start: e.start - range.start,
                end: e.end - range.start,
            })
        };
        let list = |l: &[Entity]| l.iter().filter_map(keep).collect();
        Entities {
            hashtags: list(&self.hashtags),
            mentions: list(&self.mentions),
            lists: list(&self.lists),
            urls: list(&self.urls),
            cashtags: list(&self.cashtags),
            reply: self.reply.as_ref().and_then(keep),
            handles: list(&self.handles),
            other_urls: list(&self.other_urls),
        }
    }

    /// The links a reader sees, sorted: X's URLs that read as links (not a bare `dag.Se`
    /// or `sjovt.at` where a space is missing after a full stop) and [`Entities::other_urls`].
    pub fn links(&self) -> Vec<&Entity> {
        let mut v: Vec<&Entity> = self
            .urls
            .iter()
            .filter(|u| reads_as_link(&u.text))
            .collect();
        v.extend(&self.other_urls);
        v.sort_by_key(|e| e.start);
        v
    }

    /// The people a post tags, sorted: handles, and mentions not inside one (the `@jens` X
    /// links in `@jens.bsky.social`).
    pub fn people(&self) -> Vec<&Entity> {
        let inside = |m: &Entity| {
            let i = self.handles.partition_point(|h| h.end <= m.start);
            self.handles.get(i).is_some_and(|h| h.start < m.end)
        };
        let mut v: Vec<&Entity> = self.mentions.iter().filter(|m| !inside(m)).collect();
        v.extend(&self.handles);
        v.sort_by_key(|e| e.start);
        v
    }
}

/// Extracts every entity from `text`.
///
/// Never panics; every span lies on `char` boundaries of `text`; linear in the length of
/// `text`.
pub fn extract(text: &str) -> Entities {
    let mut s = Scanner {
        text,
        out: Entities::default(),
        run: None,
        url_from: 0,
        bare_until: 0,
    };
    s.scan();
    let mut out = s.out;
    out.reply = reply(text);
    other_urls(text, &mut out);
    handles(text, &mut out);
    out
}

struct Scanner<'t> {
    text: &'t str,
    out: Entities,
    /// The labels of the run of domain characters the scan is in.
    run: Option<Run>,
    /// Where a URL may next start: twitter-text's URL scan consumes each match, the ones it
    /// then rejects (`ftp://www.example.com/`) included, and the next match needs a preceding
    /// character of its own; the other kinds are still looked for inside a rejected match.
    url_from: usize,
    /// The end of the last label found with no `.` after it.
    bare_until: usize,
}

impl Scanner<'_> {
    fn scan(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // Fast path: bytes that cannot start an entity are skipped without decoding: ASCII
            // spaces and punctuation other than the sigils and `"`/`` ` `` (which twitter-text
            // lets into a domain), UTF-8 continuation bytes, and ASCII letters and digits right
            // after another one (the middle of a word).
            let candidate = match b {
                b'#' | b'@' | b'$' | b'"' | b'`' => true,
                _ if b.is_ascii_alphanumeric() => i == 0 || !bytes[i - 1].is_ascii_alphanumeric(),
                0x80.. => (b & 0xC0) != 0x80,
                _ => false,
            };
            if !candidate {
                i += 1;
                continue;
            }
            let c = char_at(text, i).unwrap_or('\u{FFFD}');
            let prev = prev_char(text, i);
            let found = match c {
                '#' | '＃' => hashtag(text, i, prev).map(|e| (Kind::Hashtag, e)),
                '@' | '＠' => mention(text, i)
                    .map(|(e, list)| (if list { Kind::List } else { Kind::Mention }, e)),
                '$' => cashtag(text, i, prev).map(|e| (Kind::Cashtag, e)),
                _ if i >= self.url_from && is_domain_char(c) && url_may_follow(prev) => {
                    self.url(i, prev).map(|e| (Kind::Url, e))
                }
                _ => None,
            };
            match found {
                Some((kind, entity)) => {
                    i = entity.end;
                    match kind {
                        Kind::Hashtag => self.out.hashtags.push(entity),
                        Kind::Mention => self.out.mentions.push(entity),
                        Kind::List => self.out.lists.push(entity),
                        Kind::Url => self.out.urls.push(entity),
                        Kind::Cashtag => self.out.cashtags.push(entity),
                    }
                }
                None => i += c.len_utf8(),
            }
        }
    }

    /// The run of domain labels that contains `at`, read once.
    fn run_at(&mut self, at: usize) -> &Run {
        if !self
            .run
            .as_ref()
            .is_some_and(|r| r.start <= at && at < r.end)
        {
            self.run = Some(Run::read(self.text, at));
        }
        self.run.as_ref().expect("just set")
    }

    /// twitter-text's `extractUrl` at `start`: the URL it emits there, if any. A match that
    /// twitter-text then rejects still moves `url_from` past it. Extra URLs a scheme-less match
    /// yields (`twitter.jp日本語it.so`) are pushed directly; the last one is returned.
    fn url(&mut self, start: usize, prev: Option<char>) -> Option<Entity> {
        let text = self.text;
        let bytes = text.as_bytes();
        let scheme = scheme_len(&bytes[start..]);
        let mut matched = None;
        if let Some(n) = scheme {
            let host = start + n;
            if char_at(text, host).is_some_and(is_domain_char) {
                matched = Run::read(text, host)
                    .domain_end(text, host)
                    .map(|d| (host, d));
            }
        }
        let with_scheme = matched.is_some();
        if matched.is_none() {
            // Most words are one label with no `.` after it: no domain, and no table to read.
            // Every later start inside the label ends where it does (`bare_until`), so a long
            // run of CJK or emoji, where each character is a start, is read once.
            if start < self.bare_until {
                return None;
            }
            let label_end = run_end(text, start, text.len(), is_label_char);
            if bytes.get(label_end) != Some(&b'.') {
                self.bare_until = label_end;
                return None;
            }
            matched = self
                .run_at(start)
                .domain_end(text, start)
                .map(|d| (start, d));
        }
        let (host, domain_end) = matched?;
        let (end, has_path) = port_path_query(text, domain_end);
        // The next match needs a preceding character of its own, after this match.
        self.url_from = end + char_at(text, end).map_or(0, char::len_utf8);
        let scheme_len = if with_scheme { host - start } else { 0 };
        if !url_length_ok(text, start, end, host, domain_end, scheme_len) {
            return None;
        }
        if with_scheme {
            // A t.co link is X's own: its slug is letters and digits, at most 40 of them
            // (twitter-text's `validTcoUrl`), so "http://t.co/abc's" ends before the apostrophe.
            let mut end = end;
            if bytes[host..end]
                .get(..5)
                .is_some_and(|h| h.eq_ignore_ascii_case(b"t.co/"))
            {
                let slug_start = host + 5;
                let slug_end = run_end(text, slug_start, text.len(), |c| c.is_ascii_alphanumeric());
                if slug_end - slug_start > 40 {
                    return None;
                }
                if bytes.get(slug_end) != Some(&b'?') {
                    end = slug_end;
                }
            }
            return Some(entity_at(text, start, end));
        }
        // A scheme-less URL may not follow `-`, `_`, `.` or `/`, and is reduced to the domains
        // in it written in Latin letters (`詳細はexample.comへ` yields `example.com`).
        if matches!(prev, Some('-' | '_' | '.' | '/')) {
            return None;
        }
        let mut found = Vec::new();
        ascii_domains(text, host, domain_end, &mut found);
        let (last_start, last_end) = found.pop()?;
        for (s, e) in found {
            self.out.urls.push(entity_at(text, s, e));
        }
        Some(entity_at(
            text,
            last_start,
            if has_path { end } else { last_end },
        ))
    }
}

enum Kind {
    Hashtag,
    Mention,
    List,
    Url,
    Cashtag,
}

fn entity_at(text: &str, start: usize, end: usize) -> Entity {
    Entity {
        text: text[start..end].to_string(),
        start,
        end,
    }
}

// ---------------------------------------------------------------------------------------------
// Character classes (twitter-text's, by name)
// ---------------------------------------------------------------------------------------------

/// The char starting at byte `i` (which must be a char boundary, as all our positions are).
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The char ending at byte `i`.
#[inline]
fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// twitter-text's `latinAccentChars`: the non-ASCII letters allowed in scheme-less domains and
/// URL paths. It covers Danish `æøå` and all of Latin-1/Latin Extended-A/B.
#[inline]
fn is_latin_accent(c: char) -> bool {
    if (c as u32) < 0xC0 {
        return false;
    }
    matches!(c,
        '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00F6}' | '\u{00F8}'..='\u{024F}'
        | '\u{0253}' | '\u{0254}' | '\u{0256}' | '\u{0257}' | '\u{0259}' | '\u{025B}'
        | '\u{0263}' | '\u{0268}' | '\u{026F}' | '\u{0272}' | '\u{0289}' | '\u{028B}'
        | '\u{02BB}' | '\u{0300}'..='\u{036F}' | '\u{1E00}'..='\u{1EFF}')
}

#[inline]
fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

#[inline]
fn is_mark(c: char) -> bool {
    !c.is_ascii() && unicode_normalization::char::is_combining_mark(c)
}

/// twitter-text's `spaces`.
#[inline]
fn is_space(c: char) -> bool {
    matches!(c,
        '\u{09}'..='\u{0D}' | ' ' | '\u{85}' | '\u{A0}' | '\u{1680}' | '\u{180E}'
        | '\u{2000}'..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}'
        | '\u{3000}')
}

/// twitter-text's `directionalMarkersGroup`.
#[inline]
fn is_directional(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}')
}

/// twitter-text's `validDomainChars`: anything but its `punct`, spaces, the invalid characters
/// and the directional markers — so CJK, emoji and `"` are domain characters (`http://✪df.ws`).
#[inline]
fn is_domain_char(c: char) -> bool {
    if c.is_ascii() {
        !(c.is_ascii_control() || b" !'#%&()*+,\\-./:;<=>?@[]^_{|}~$".contains(&(c as u8)))
    } else {
        !(is_space(c) || is_directional(c) || matches!(c, '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}'))
    }
}

/// Characters of a label: domain characters and the `-` and `_` inside a label.
#[inline]
fn is_label_char(c: char) -> bool {
    c == '-' || c == '_' || is_domain_char(c)
}

/// Characters of twitter-text's `validAsciiDomain` labels (ASCII letters, digits, `-`, and
/// Latin accents such as `æøå`).
#[inline]
fn is_ascii_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || is_latin_accent(c)
}

/// twitter-text's `validUrlPrecedingChars`: anything but ASCII letters and digits, `@`, `$`,
/// `#` (and their full-width forms) and the invalid characters.
#[inline]
fn url_may_follow(prev: Option<char>) -> bool {
    prev.is_none_or(|p| {
        !(p.is_ascii_alphanumeric()
            || matches!(
                p,
                '@' | '＠' | '$' | '#' | '＃' | '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}'
            ))
    })
}

/// Characters of a hashtag (twitter-text's `hashtagAlphaNumeric`: letters, marks, decimal
/// digits, `_`, and a few joiners used inside words in Indic, Hebrew and Japanese text).
#[inline]
fn is_hashtag_char(c: char) -> bool {
    c.is_alphanumeric()
        || c == '_'
        || is_mark(c)
        || matches!(
            c,
            '\u{200C}'
                | '\u{200D}'
                | '\u{A67E}'
                | '\u{05BE}'
                | '\u{05F3}'
                | '\u{05F4}'
                | '\u{FF5E}'
                | '\u{301C}'
                | '\u{309B}'
                | '\u{309C}'
                | '\u{30A0}'
                | '\u{30FB}'
                | '\u{3003}'
                | '\u{0F0B}'
                | '\u{0F0C}'
                | '\u{00B7}'
        )
}

/// End of the run of `is_char` characters from `start`, at most `limit`; ASCII bytes are
/// tested without decoding.
#[inline]
fn run_end(text: &str, start: usize, limit: usize, is_char: fn(char) -> bool) -> usize {
    let bytes = text.as_bytes();
    let mut pos = start;
    while pos < limit {
        let b = bytes[pos];
        if b.is_ascii() {
            if !is_char(b as char) {
                break;
            }
            pos += 1;
        } else {
            match char_at(text, pos) {
                Some(c) if is_char(c) => pos += c.len_utf8(),
                _ => break,
            }
        }
    }
    pos.min(limit)
}

fn is_at(c: Option<char>) -> bool {
    matches!(c, Some('@' | '＠'))
}

// ---------------------------------------------------------------------------------------------
// TLDs
// ---------------------------------------------------------------------------------------------

/// Whether a TLD is a country code or generic (bare country-code domains read differently).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TldKind {
    Country,
    Generic,
}

struct TldSet {
    map: HashMap<&'static str, TldKind>,
    max_len: usize,
}

/// The TLD list shipped in `rules/tlds.txt`, parsed once on first use.
static TLDS: LazyLock<TldSet> = LazyLock::new(|| {
    let mut map = HashMap::with_capacity(1700);
    let mut kind = TldKind::Generic;
    let mut max_len = 0;
    for line in include_str!("../rules/tlds.txt").lines() {
        let line = line.trim();
        match line {
            "" => {}
            "[country]" => kind = TldKind::Country,
            "[generic]" => kind = TldKind::Generic,
            _ if line.starts_with('#') => {}
            _ => {
                max_len = max_len.max(line.len());
                map.insert(line, kind);
            }
        }
    }
    TldSet { map, max_len }
});

/// Looks a label up as a TLD, case-insensitively, without allocating for ASCII labels.
fn tld_kind(label: &str) -> Option<TldKind> {
    let set = &*TLDS;
    let lb = label.as_bytes();
    if lb.len() > set.max_len || lb.is_empty() {
        return None;
    }
    if label.is_ascii() {
        let mut buf = [0u8; 64];
        let n = lb.len().min(buf.len());
        for (d, s) in buf.iter_mut().zip(lb) {
            *d = s.to_ascii_lowercase();
        }
        let lower = std::str::from_utf8(&buf[..n]).ok()?;
        set.map.get(lower).copied()
    } else if label.chars().any(char::is_uppercase) {
        set.map.get(label.to_lowercase().as_str()).copied()
    } else {
        set.map.get(label).copied()
    }
}

/// twitter-text's TLD look-ahead: a TLD ends before a character that is not an ASCII letter
/// or digit, `@`, `+` or `-` (`falck.dk-tilbud` and `jens.dk@falck.dk` have no TLD).
#[inline]
fn tld_may_end(text: &str, end: usize, limit: usize) -> bool {
    end >= limit
        || !matches!(text.as_bytes()[end], b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'@' | b'+' | b'-')
}

/// End of a TLD starting at `pos` (twitter-text's `validGTLD|validCCTLD|validPunycode`),
/// reading no further than `limit`.
fn tld_at(text: &str, pos: usize, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if pos >= limit {
        return None;
    }
    // Punycode (`xn--p1ai`), which twitter-text takes without a look-ahead.
    if bytes.len() >= pos + 5 && bytes[pos..pos + 4].eq_ignore_ascii_case(b"xn--") {
        let end = run_end(text, pos + 4, limit, |c| {
            c.is_ascii_alphanumeric() || c == '-'
        });
        if end > pos + 4 {
            return Some(end);
        }
    }
    // An ASCII TLD is the whole run of ASCII letters and digits (the look-ahead rules out any
    // shorter one); only when a non-ASCII character follows can a longer TLD (`vermögensberater`)
    // or a non-ASCII one (`みんな`) apply.
    let ascii_end = run_end(text, pos, limit, |c| c.is_ascii_alphanumeric());
    if ascii_end >= limit || bytes[ascii_end].is_ascii() {
        return (ascii_end > pos
            && tld_kind(&text[pos..ascii_end]).is_some()
            && tld_may_end(text, ascii_end, limit))
        .then_some(ascii_end);
    }
    let max = TLDS.max_len;
    let mut ends: Vec<usize> = text[pos..limit]
        .char_indices()
        .map(|(i, c)| pos + i + c.len_utf8())
        .take_while(|&e| e - pos <= max)
        .collect();
    ends.reverse();
    ends.into_iter()
        .find(|&e| tld_kind(&text[pos..e]).is_some() && tld_may_end(text, e, limit))
}

// ---------------------------------------------------------------------------------------------
// Domains
// ---------------------------------------------------------------------------------------------

/// One label of a [`Run`].
struct Label {
    start: usize,
    end: usize,
    /// The label starts with `-` or `_`.
    bad_start: bool,
    /// The label ends with `-` or `_`.
    bad_end: bool,
    /// The last `_` in the label.
    last_underscore: Option<usize>,
    /// End of a TLD at the label's start.
    tld: Option<usize>,
}

/// The labels of one run of domain characters (`a.b.c`), with what twitter-text's
/// `validDomain` (`validSubdomain* validDomainName TLD`, greedy) needs to answer a start
/// anywhere in the run in constant time.
struct Run {
    start: usize,
    end: usize,
    labels: Vec<Label>,
    /// `first_bad[j]`: the first label at or after `j` that is no valid subdomain.
    first_bad: Vec<usize>,
    /// `last_good[x]`: the last label `m <= x` that starts with a TLD after a valid domain
    /// name.
    last_good: Vec<Option<usize>>,
}

impl Run {
    fn read(text: &str, start: usize) -> Run {
        let bytes = text.as_bytes();
        let mut labels: Vec<Label> = Vec::new();
        let mut pos = start;
        loop {
            let label_start = pos;
            let end = run_end(text, pos, text.len(), is_label_char);
            if end == label_start {
                break;
            }
            let label = &text[label_start..end];
            labels.push(Label {
                start: label_start,
                end,
                bad_start: label.starts_with(['-', '_']),
                bad_end: label.ends_with(['-', '_']),
                last_underscore: label.rfind('_').map(|i| label_start + i),
                tld: if labels.is_empty() {
                    None
                } else {
                    tld_at(text, label_start, text.len())
                },
            });
            pos = end;
            if bytes.get(pos) == Some(&b'.') && char_at(text, pos + 1).is_some_and(is_label_char) {
                pos += 1;
            } else {
                break;
            }
        }
        let n = labels.len();
        let mut first_bad = vec![n; n + 1];
        for j in (0..n).rev() {
            let l = &labels[j];
            first_bad[j] = if l.bad_start || l.bad_end {
                j
            } else {
                first_bad[j + 1]
            };
        }
        let mut last_good = Vec::with_capacity(n);
        let mut last = None;
        for m in 0..n {
            let dn = m > 0 && {
                let d = &labels[m - 1];
                !(d.bad_start || d.bad_end || d.last_underscore.is_some())
            };
            if dn && labels[m].tld.is_some() {
                last = Some(m);
            }
            last_good.push(last);
        }
        Run {
            start,
            end: pos.max(start + 1),
            labels,
            first_bad,
            last_good,
        }
    }

    /// End of twitter-text's `validDomain` matched from `s` (inside the run), if any.
    fn domain_end(&self, text: &str, s: usize) -> Option<usize> {
        let j = self.labels.partition_point(|l| l.end <= s);
        let l = self.labels.get(j)?;
        if s < l.start || !char_at(text, s).is_some_and(is_domain_char) {
            return None;
        }
        let n = self.labels.len();
        // The first label from `s` on, as a subdomain (no `-`/`_` at its ends) and as the
        // domain name (no `_` at all).
        let sub = !l.bad_end;
        let name = sub && l.last_underscore.is_none_or(|u| u < s);
        if j + 1 >= n {
            return None;
        }
        // Greedy: as many subdomains as the labels allow, so the last TLD that can be reached.
        if sub {
            let upper = self.first_bad[j + 1].min(n - 1);
            if let Some(m) = self.last_good[upper].filter(|&m| m >= j + 2) {
                return self.labels[m].tld;
            }
        }
        if name {
            return self.labels[j + 1].tld;
        }
        None
    }
}

/// twitter-text's `validAsciiDomain` applied to the domain `start..end`: every domain in it
/// written in ASCII and Latin letters, as `(start, end)`.
fn ascii_domains(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        let Some(c) = char_at(text, i) else { break };
        if !is_ascii_domain_char(c) {
            i += c.len_utf8();
            continue;
        }
        let segment = i;
        let mut pos = i;
        let mut best = None;
        loop {
            pos = run_end(text, pos, end, is_ascii_domain_char);
            if pos >= end || bytes[pos] != b'.' {
                break;
            }
            if let Some(e) = tld_at(text, pos + 1, end) {
                best = Some(e);
            }
            if char_at(text, pos + 1).is_some_and(is_ascii_domain_char) && pos + 1 < end {
                pos += 1;
            } else {
                break;
            }
        }
        match best {
            Some(e) => {
                out.push((segment, e));
                i = e;
            }
            None => i = pos.max(i + c.len_utf8()),
        }
    }
}

/// Length of a label as IDNA writes it: itself when ASCII, else `xn--` and its punycode
/// (RFC 3492), or `None` when it cannot be encoded. Hand-written because only the length is
/// needed and the `idna` crate brings ICU's normalisation data with it; a label of more than
/// 63 characters is rejected before encoding (its encoding is never shorter), which bounds
/// the quadratic loop of the algorithm.
fn punycode_len(label: &str) -> Option<usize> {
    if label.is_ascii() {
        return Some(label.len());
    }
    const BASE: u32 = 36;
    const TMIN: u32 = 1;
    const TMAX: u32 = 26;
    let cps: Vec<u32> = label.chars().map(u32::from).collect();
    if cps.len() > 63 {
        return None;
    }
    let adapt = |delta: u32, points: u32, first: bool| {
        let mut delta = if first { delta / 700 } else { delta / 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - TMIN) * TMAX) / 2 {
            delta /= BASE - TMIN;
            k += BASE;
        }
        k + (BASE - TMIN + 1) * delta / (delta + 38)
    };
    let basic = cps.iter().filter(|&&c| c < 0x80).count() as u32;
    let mut out = 4 + basic as usize + usize::from(basic > 0);
    let (mut n, mut delta, mut bias, mut h) = (0x80u32, 0u32, 72u32, basic);
    while (h as usize) < cps.len() {
        let m = cps.iter().copied().filter(|&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(h + 1)?)?;
        n = m;
        for &c in &cps {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        TMIN
                    } else if k >= bias + TMAX {
                        TMAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out += 1;
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out += 1;
                bias = adapt(delta, h + 1, h == basic);
                delta = 0;
                h += 1;
            }
        }
        delta = delta.checked_add(1)?;
        n += 1;
    }
    Some(out)
}

/// twitter-text's `isValidUrl` for an extracted match: every label of the domain 1–63
/// characters once IDNA-encoded, a punycode domain with an ASCII domain in it, and the whole
/// URL (scheme, default `https://`, included; domain encoded) at most 4,096 UTF-16 units.
fn url_length_ok(
    text: &str,
    start: usize,
    end: usize,
    host: usize,
    domain_end: usize,
    scheme_len: usize,
) -> bool {
    let domain = &text[host..domain_end];
    let mut encoded = 0;
    for label in domain.split('.') {
        match punycode_len(label) {
            Some(n) if (1..=63).contains(&n) => encoded += n + 1,
            _ => return false,
        }
    }
    if domain
        .get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("xn--"))
    {
        let mut found = Vec::new();
        ascii_domains(text, host, domain_end, &mut found);
        if found.is_empty() {
            return false;
        }
    }
    // As twitter-text adds it up (the scheme of a URL that has one counts twice).
    let utf16 = |s: &str| s.encode_utf16().count() as i64;
    let scheme = if scheme_len == 0 {
        8
    } else {
        scheme_len as i64
    };
    scheme + utf16(&text[start..end]) + encoded as i64 - 1 - utf16(domain) <= 4096
}

// ---------------------------------------------------------------------------------------------
// URLs: port, path and query
// ---------------------------------------------------------------------------------------------

/// Length of an `http://` or `https://` scheme at the start of `s` (case-insensitive).
fn scheme_len(s: &[u8]) -> Option<usize> {
    if s.len() >= 7 && s[..7].eq_ignore_ascii_case(b"http://") {
        Some(7)
    } else if s.len() >= 8 && s[..8].eq_ignore_ascii_case(b"https://") {
        Some(8)
    } else {
        None
    }
}

/// Characters allowed in a URL path or query (twitter-text's `validGeneralUrlPathChars` and
/// `validUrlQueryChars`, with Cyrillic and the en dash as twitter-text has them).
#[inline]
fn is_path_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || b"!*';:=+,.$/%#[]-_~&|@?()".contains(&(c as u8))
    } else {
        is_latin_accent(c) || is_cyrillic(c) || c == '\u{2013}'
    }
}

/// Characters a URL may end with: a trailing `.`, `,`, `!`, `?`, `:`, `;`, quote or `*` is
/// punctuation of the sentence, not of the URL.
#[inline]
fn is_path_end_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || b"=_#/+-&)".contains(&(c as u8))
    } else {
        is_latin_accent(c) || is_cyrillic(c)
    }
}

/// The optional `:port`, path and query after a host ending at `end`: the URL's end, and
/// whether a path (`/…`) was there.
fn port_path_query(text: &str, mut end: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    if bytes.get(end) == Some(&b':') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end += 1;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
    }
    let has_path = bytes.get(end) == Some(&b'/');
    if !matches!(bytes.get(end), Some(b'/' | b'?')) {
        return (end, false);
    }
    let path_start = end;
    let mut pos = end;
    let mut depth = 0usize;
    let mut open_at = 0usize; // where the outermost unclosed '(' is
    while let Some(c) = char_at(text, pos) {
        if !is_path_char(c) {
            break;
        }
        if c == '(' {
            if depth == 0 {
                open_at = pos;
            }
            depth += 1;
        } else if c == ')' {
            // An unbalanced ')' closes the sentence's parenthesis: `(se falck.dk/job)`.
            if depth == 0 {
                break;
            }
            depth -= 1;
        }
        pos += c.len_utf8();
    }
    if depth > 0 {
        pos = open_at;
    }
    // Drop trailing sentence punctuation.
    while pos > path_start {
        let Some(c) = prev_char(text, pos) else { break };
        if is_path_end_char(c) {
            break;
        }
        pos -= c.len_utf8();
    }
    (pos.max(end), has_path)
}

/// The host of a URL as written (`falck.dk` for `https://falck.dk:443/job`): scheme, user,
/// port, path and query removed. For rules about internal hosts and competitor domains.
pub fn url_host(url: &str) -> &str {
    let rest = &url[scheme_len(url.as_bytes()).unwrap_or(0)..];
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if host.starts_with('[') {
        return &host[..host.find(']').map_or(host.len(), |i| i + 1)];
    }
    &host[..host.find(':').unwrap_or(host.len())]
}

/// Whether `host` is `suffix` or a subdomain of it (`www.bit.ly` for `bit.ly`).
pub fn host_matches(host: &str, suffix: &str) -> bool {
    if suffix.is_empty() {
        return false;
    }
    host == suffix
        || (host.len() > suffix.len()
            && host.ends_with(suffix)
            && host.as_bytes()[host.len() - suffix.len() - 1] == b'.')
}

/// Whether a URL entity has an `http://` or `https://` scheme.
pub fn url_has_scheme(url: &str) -> bool {
    scheme_len(url.as_bytes()).is_some()
}

/// Country codes a bare `name.cc` (no scheme, no path) is read as a link with, because they
/// are not words in Danish or English (`falck.dk`, `gov.uk`). X links every country code bare;
/// words like `at`, `de`, `se`, `nu`, `vi`, `is`, `it`, `no`, `to`, `so` are left out so that
/// a missing space after a full stop (`sjovt.at se`) is not a link to the reader.
const BARE_COUNTRY_OK: &[&str] = &[
    "ai", "au", "ch", "cn", "co", "cz", "dk", "ee", "eu", "fi", "fo", "fr", "gl", "gr", "hr", "io",
    "jp", "kr", "lv", "ly", "nl", "nz", "pl", "ru", "tv", "ua", "uk",
];

/// Whether an X URL reads as a link: anything with a scheme, a path, a port or more than two
/// labels does; a bare `name.tld` does unless the TLD is title case after a word that is not
/// all capitals (`dag.Se`, `great.Now`: a missing space) or a country code that is a word.
fn reads_as_link(url: &str) -> bool {
    let host = url_host(url);
    if url_has_scheme(url) || host.len() < url.len() {
        return true;
    }
    let Some((first, tld)) = host.split_once('.') else {
        return true;
    };
    if tld.contains('.') {
        return true;
    }
    let mut chars = tld.chars();
    let title_case = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
    if title_case && first.chars().any(char::is_lowercase) {
        return false;
    }
    match tld_kind(tld) {
        Some(TldKind::Country) => BARE_COUNTRY_OK
            .iter()
            .any(|ok| ok.eq_ignore_ascii_case(tld) && tld.bytes().all(|b| b.is_ascii_lowercase())),
        _ => true,
    }
}

// ---------------------------------------------------------------------------------------------
// Hashtags, mentions, lists, the reply, cashtags
// ---------------------------------------------------------------------------------------------

/// Parses a hashtag at `start` (a `#` or `＃`; twitter-text's `validHashtag`).
fn hashtag(text: &str, start: usize, prev: Option<char>) -> Option<Entity> {
    // `foo#bar` and HTML entities (`&#39;`) are not hashtags; after an emoji's variation
    // selector (`✌️#tag`) one is.
    if prev
        .is_some_and(|p| (is_hashtag_char(p) || p == '&') && !matches!(p, '\u{FE0E}' | '\u{FE0F}'))
    {
        return None;
    }
    let body = start + char_at(text, start)?.len_utf8();
    // The keycap `#️⃣` is an emoji.
    if matches!(char_at(text, body), Some('\u{FE0F}' | '\u{20E3}')) {
        return None;
    }
    let mut pos = body;
    let mut has_letter = false;
    while let Some(c) = char_at(text, pos) {
        if !is_hashtag_char(c) {
            break;
        }
        // At least one letter: `#1` and `#2024` are numbers.
        has_letter |= c.is_alphabetic();
        pos += c.len_utf8();
    }
    if !has_letter {
        return None;
    }
    // twitter-text: `#tag#tag` and `#http://…` are not hashtags.
    let rest = &text[pos..];
    if rest.starts_with(['#', '＃']) || rest.starts_with("://") {
        return None;
    }
    Some(entity_at_sigil(text, start, body, pos))
}

/// The end of twitter-text's screen name (`[a-zA-Z0-9_]{1,20}`) from `from`.
fn screen_name_end(text: &str, from: usize) -> Option<usize> {
    let n = text.as_bytes()[from.min(text.len())..]
        .iter()
        .take(20)
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
        .count();
    (n > 0).then_some(from + n)
}

/// twitter-text's `endMentionMatch`: a mention directly followed by `@`, a Latin accent or
/// `://` is not one (`@user@host`, `@aliceìnheiro`).
fn mention_may_end(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    !(rest.starts_with("://")
        || char_at(text, end).is_some_and(|c| is_at(Some(c)) || is_latin_accent(c)))
}

/// Parses a mention or list at `start` (an `@` or `＠`; twitter-text's
/// `validMentionOrList`), and whether it is a list.
fn mention(text: &str, start: usize) -> Option<(Entity, bool)> {
    // `jens@falck.dk` is an e-mail address; twitter-text also excludes `!#$%&*@` before `@`,
    // but lets a retweet's `RT@user` through.
    let before = &text.as_bytes()[..start];
    let excluded = |b: u8| b.is_ascii_alphanumeric() || b"_!#$%&*@".contains(&b);
    match before.last() {
        Some(&b) if excluded(b) => {
            let n = before.len();
            let rt = n >= 2
                && before[n - 2..].eq_ignore_ascii_case(b"rt")
                && (n == 2
                    || !(before[n - 3].is_ascii_alphanumeric()
                        || b"_+~.-".contains(&before[n - 3])));
            if !rt {
                return None;
            }
        }
        _ if text[..start].ends_with('＠') => return None,
        _ => {}
    }
    let body = start + char_at(text, start)?.len_utf8();
    let mut end = screen_name_end(text, body)?;
    let bytes = text.as_bytes();
    let mut list = false;
    if bytes.get(end) == Some(&b'/') && bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic) {
        let slug = end + 2;
        let n = bytes[slug..]
            .iter()
            .take(24)
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
            .count();
        end = slug + n;
        list = true;
    }
    if !mention_may_end(text, end) {
        return None;
    }
    Some((entity_at_sigil(text, start, body, end), list))
}

fn entity_at_sigil(text: &str, start: usize, body: usize, end: usize) -> Entity {
    Entity {
        text: text[body..end].to_string(),
        start,
        end,
    }
}

/// twitter-text's `extractReplyScreenname`: a screen name after nothing but white space.
fn reply(text: &str) -> Option<Entity> {
    let start = text.len() - text.trim_start_matches(is_space).len();
    let body = start + char_at(text, start).filter(|&c| is_at(Some(c)))?.len_utf8();
    let end = screen_name_end(text, body)?;
    mention_may_end(text, end).then(|| entity_at_sigil(text, start, body, end))
}

/// Parses a cashtag at `start` (a `$`; twitter-text's `validCashtag`): `$` + 1–6 letters,
/// optionally `.` or `_` and 1–2 letters (`$NOVO`, `$NOVO.B`, `$BRK_A`), after white space or
/// at the start, before white space, punctuation or the end.
fn cashtag(text: &str, start: usize, prev: Option<char>) -> Option<Entity> {
    if prev.is_some_and(|p| !is_space(p)) {
        return None;
    }
    let bytes = text.as_bytes();
    let body = start + 1;
    let letters = |from: usize| {
        bytes[from..]
            .iter()
            .take(7)
            .take_while(|b| b.is_ascii_alphabetic())
            .count()
    };
    let may_end = |pos: usize| match char_at(text, pos) {
        None => true,
        Some(c) => c.is_whitespace() || (c.is_ascii_punctuation() && !matches!(c, '"' | '`')),
    };
    let n = letters(body);
    if !(1..=6).contains(&n) {
        return None;
    }
    let end = body + n;
    if matches!(bytes.get(end), Some(b'.' | b'_')) {
        let m = letters(end + 1).min(2);
        if m >= 1 && may_end(end + 1 + m) {
            return Some(entity_at_sigil(text, start, body, end + 1 + m));
        }
    }
    may_end(end).then(|| entity_at_sigil(text, start, body, end))
}

// ---------------------------------------------------------------------------------------------
// What X does not link: other URLs and handles
// ---------------------------------------------------------------------------------------------

/// Whether `span` overlaps an entity of `list` (sorted by start).
fn overlaps(list: &[Entity], start: usize, end: usize) -> bool {
    let i = list.partition_point(|e| e.end <= start);
    list.get(i).is_some_and(|e| e.start < end)
}

/// Characters of a host after a scheme that X does not link: letters, digits and marks of
/// any script, `-` and `_`.
#[inline]
fn is_host_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_' || is_mark(c)
}

/// Whether the labels of a host are well formed (RFC 1123 as twitter-text's validator reads
/// it): none empty, none starting or ending with `-` or `_`, none over 63 characters, no `_`
/// in the last two; all-numeric hosts are IPv4 addresses.
fn host_is_valid(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    if host.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return is_ipv4(host);
    }
    labels.iter().enumerate().all(|(i, l)| {
        let edge = |c: Option<char>| matches!(c, Some('-' | '_'));
        !l.is_empty()
            && !edge(l.chars().next())
            && !edge(l.chars().next_back())
            && l.chars().count() <= 63
            && (i + 2 < n || n == 1 || !l.contains('_'))
    })
}

/// Whether `host` is a dotted-quad IPv4 address.
fn is_ipv4(host: &str) -> bool {
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts
            .iter()
            .all(|p| (1..=3).contains(&p.len()) && p.parse::<u8>().is_ok())
}

/// Links with a scheme that X does not link, and `localhost:PORT`, outside X's URLs.
fn other_urls(text: &str, out: &mut Entities) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find("://").map(|i| from + i) {
        from = i + 3;
        let start = if i >= 5 && bytes[i - 5..i].eq_ignore_ascii_case(b"https") {
            i - 5
        } else if i >= 4 && bytes[i - 4..i].eq_ignore_ascii_case(b"http") {
            i - 4
        } else {
            continue;
        };
        let after_last = out.other_urls.last().is_none_or(|l| l.end <= start);
        if !after_last || bytes[..start].last().is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        if let Some(end) = other_url_end(text, i + 3) {
            if !overlaps(&out.urls, start, end) {
                out.other_urls.push(entity_at(text, start, end));
                from = end;
            }
        }
    }
    let mut from = 0;
    while let Some(i) = text[from..].find("localhost:").map(|i| from + i) {
        from = i + 10;
        let starts_word = bytes[..i]
            .last()
            .is_none_or(|&b| !(b.is_ascii_alphanumeric() || b"./-_@".contains(&b)));
        if starts_word && bytes.get(i + 10).is_some_and(u8::is_ascii_digit) {
            let (end, _) = port_path_query(text, i + 9);
            if !overlaps(&out.urls, i, end) && !overlaps(&out.other_urls, i, end) {
                out.other_urls.push(entity_at(text, i, end));
            }
        }
    }
    out.other_urls.sort_by_key(|e| e.start);
}

/// End of a link X does not take whose host starts at `host`: optional credentials
/// (`user:pw@`), then an IPv6 literal or well-formed labels of any script, then port, path and
/// query.
fn other_url_end(text: &str, host: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut h = host;
    // Credentials: RFC 3986 `userinfo` (unreserved, percent-encoded, sub-delims, `:`).
    let userinfo = bytes[host..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:%".contains(b))
        .count();
    if userinfo > 0 && bytes.get(host + userinfo) == Some(&b'@') {
        h = host + userinfo + 1;
    }
    let host_end = if bytes.get(h) == Some(&b'[') {
        let n = bytes[h + 1..]
            .iter()
            .take_while(|b| b.is_ascii_hexdigit() || matches!(b, b':' | b'.'))
            .count();
        (bytes.get(h + 1 + n) == Some(&b']') && n >= 2 && bytes[h + 1..h + 1 + n].contains(&b':'))
            .then_some(h + n + 2)?
    } else {
        let mut pos = h;
        loop {
            let e = run_end(text, pos, text.len(), is_host_char);
            if e == pos {
                return None;
            }
            pos = e;
            if bytes.get(pos) == Some(&b'.') && char_at(text, pos + 1).is_some_and(is_host_char) {
                pos += 1;
            } else {
                break;
            }
        }
        if is_at(char_at(text, pos)) || !host_is_valid(&text[h..pos]) {
            return None;
        }
        pos
    };
    Some(port_path_query(text, host_end).0)
}

/// Mastodon addresses, Bluesky handles and non-ASCII names, where they differ from X's
/// mentions and lie outside X's URLs.
fn handles(text: &str, out: &mut Entities) {
    let mut from = 0;
    while let Some(i) = text[from..].find(['@', '＠']).map(|i| from + i) {
        from = i + char_at(text, i).map_or(1, char::len_utf8);
        let prev = prev_char(text, i);
        let Some(h) = handle(text, i, prev) else {
            continue;
        };
        let same = out
            .mentions
            .iter()
            .chain(&out.lists)
            .any(|m| m.start == h.start && m.end == h.end);
        if !same
            && !overlaps(&out.urls, h.start, h.end)
            && !overlaps(&out.other_urls, h.start, h.end)
        {
            from = h.end;
            out.handles.push(h);
        }
    }
}

fn is_username_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_mark(c)
}

fn is_handle_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

/// Scans `label(.label)*` from `start`: its end, the number of labels, and the longest
/// prefix of at least two labels whose last label is a TLD (end, count, TLD start, kind).
fn scan_labels(
    text: &str,
    start: usize,
    is_char: fn(char) -> bool,
) -> (usize, Option<(usize, usize, usize, TldKind)>) {
    let bytes = text.as_bytes();
    let mut pos = start;
    let mut count = 0;
    let mut best = None;
    loop {
        let label_start = pos;
        pos = run_end(text, pos, text.len(), is_char);
        if pos == label_start {
            break;
        }
        count += 1;
        if count >= 2 {
            if let Some(kind) = tld_kind(&text[label_start..pos]) {
                best = Some((pos, count, label_start, kind));
            }
        }
        if bytes.get(pos) == Some(&b'.') && char_at(text, pos + 1).is_some_and(is_char) {
            pos += 1;
        } else {
            break;
        }
    }
    (pos, best)
}

/// A person's address at `start` (an `@`) as other networks write it.
fn handle(text: &str, start: usize, prev: Option<char>) -> Option<Entity> {
    if prev.is_some_and(|p| {
        p.is_alphanumeric() || is_mark(p) || matches!(p, '_' | '!' | '#' | '$' | '%' | '&' | '*')
    }) || is_at(prev)
    {
        return None;
    }
    let body = start + char_at(text, start)?.len_utf8();
    let pos = run_end(text, body, text.len(), is_username_char);
    if pos == body {
        return None;
    }
    let bytes = text.as_bytes();
    let next = char_at(text, pos);
    if is_at(next) {
        // Mastodon: `@user@instance.social` is one mention of a user on another server.
        let (end, best) = scan_labels(text, pos + next?.len_utf8(), is_host_char);
        let (tld_end, ..) = best?;
        if tld_end == end && is_at(char_at(text, end)) {
            return None;
        }
        return Some(entity_at_sigil(text, start, body, tld_end));
    }
    if text[pos..].starts_with("://") {
        return None;
    }
    // Bluesky: `@jens.bsky.social` or `@jens-hansen.bsky.social` is one handle.
    let ascii = text[body..pos]
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if ascii
        && matches!(bytes.get(pos), Some(b'.' | b'-'))
        && bytes.get(pos + 1).is_some_and(u8::is_ascii_alphanumeric)
    {
        let (run, best) = scan_labels(text, body, is_handle_char);
        if let Some((end, count, tld_start, _)) = best {
            let followed_by_at = end == run && is_at(char_at(text, end));
            if (count > 2 || reads_as_link(&text[body..end])) && !followed_by_at && tld_start > body
            {
                return Some(entity_at_sigil(text, start, body, end));
            }
        }
    }
    Some(entity_at_sigil(text, start, body, pos))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(list: &[Entity]) -> Vec<&str> {
        list.iter().map(|e| e.text.as_str()).collect()
    }

    fn urls(t: &str) -> Vec<String> {
        extract(t).urls.into_iter().map(|e| e.text).collect()
    }
    fn tags(t: &str) -> Vec<String> {
        extract(t).hashtags.into_iter().map(|e| e.text).collect()
    }
    fn mentions(t: &str) -> Vec<String> {
        extract(t).mentions.into_iter().map(|e| e.text).collect()
    }
    fn cashtags(t: &str) -> Vec<String> {
        extract(t).cashtags.into_iter().map(|e| e.text).collect()
    }

    fn other_urls(t: &str) -> Vec<String> {
        extract(t).other_urls.into_iter().map(|e| e.text).collect()
    }
    fn handles(t: &str) -> Vec<String> {
        extract(t).handles.into_iter().map(|e| e.text).collect()
    }
    fn links(t: &str) -> Vec<String> {
        extract(t)
            .links()
            .into_iter()
            .map(|e| e.text.clone())
            .collect()
    }

    /// Every span is on char boundaries, inside the text, and its text is the span minus the
    /// sigil; each list is sorted; X's entities never overlap, and neither the other links nor
    /// the handles overlap X's URLs.
    fn check_invariants(t: &str) -> Entities {
        let e = extract(t);
        for list in e.lists() {
            assert!(list.windows(2).all(|w| w[0].end <= w[1].start), "{t:?}");
        }
        let mut x: Vec<&Entity> = [&e.urls, &e.hashtags, &e.mentions, &e.lists, &e.cashtags]
            .into_iter()
            .flatten()
            .collect();
        x.sort_by_key(|x| x.start);
        for w in x.windows(2) {
            assert!(w[0].end <= w[1].start, "overlap in {t:?}: {:?}", w);
        }
        let mut others: Vec<&Entity> = e.other_urls.iter().chain(&e.handles).collect();
        others.sort_by_key(|x| x.start);
        for w in others.windows(2) {
            assert!(w[0].end <= w[1].start, "overlap in {t:?}: {:?}", w);
        }
        for o in e.other_urls.iter().chain(&e.handles) {
            assert!(!overlaps(&e.urls, o.start, o.end), "{t:?}: {o:?}");
        }
        let mut all: Vec<(&Entity, bool)> = Vec::new();
        for u in e.urls.iter().chain(&e.other_urls) {
            all.push((u, false));
        }
        for s in e
            .hashtags
            .iter()
            .chain(&e.mentions)
            .chain(&e.lists)
            .chain(&e.cashtags)
            .chain(&e.handles)
        {
            all.push((s, true));
        }
        for (x, sigil) in all {
            assert!(x.start < x.end && x.end <= t.len());
            let span = &t[x.start..x.end];
            if sigil {
                let mut cs = span.chars();
                cs.next();
                assert_eq!(cs.as_str(), x.text, "{t:?}");
            } else {
                assert_eq!(span, x.text);
            }
        }
        e
    }

    // ---- URLs ----------------------------------------------------------------------------

    #[test]
    fn url_with_scheme_and_query() {
        let t = "Søg på https://falck.dk/job?x=1 i dag";
        let e = check_invariants(t);
        assert_eq!(texts(&e.urls), ["https://falck.dk/job?x=1"]);
        assert_eq!(
            &t[e.urls[0].start..e.urls[0].end],
            "https://falck.dk/job?x=1"
        );
    }

    #[test]
    fn url_without_scheme_with_path() {
        assert_eq!(urls("Se falck.dk/job og søg"), ["falck.dk/job"]);
    }

    #[test]
    fn url_www_multi_label_tld() {
        assert_eq!(
            urls("See www.example.co.uk for more"),
            ["www.example.co.uk"]
        );
    }

    #[test]
    fn url_bare_dk_domain_is_a_url() {
        assert_eq!(urls("Læs mere på falck.dk."), ["falck.dk"]);
        assert_eq!(urls("Visit falck.com!"), ["falck.com"]);
    }

    #[test]
    fn missing_space_after_full_stop_is_linked_by_x_but_is_no_link() {
        // X links these (twitter-text takes every TLD bare), so they count 23 on X; a reader
        // sees a sentence with a missing space, and link rules do not see a link.
        for (t, x) in [
            ("Det var sjovt.Vi ses", "sjovt.Vi"),
            ("It was great.Now we go", "great.Now"),
            ("Tak for i dag.Se billederne", "dag.Se"),
            ("sjovt.at se", "sjovt.at"),
        ] {
            assert_eq!(urls(t), [x], "{t}");
            assert!(links(t).is_empty(), "{t}");
        }
        assert!(urls("f.eks. bl.a. osv. ca. kl. 10").is_empty());
        assert_eq!(
            links("Læs mere på falck.dk og NASA.Gov"),
            ["falck.dk", "NASA.Gov"]
        );
    }

    #[test]
    fn url_trailing_punctuation_excluded() {
        for (t, want) in [
            ("Se https://falck.dk/job.", "https://falck.dk/job"),
            ("Se https://falck.dk/job, tak", "https://falck.dk/job"),
            ("Se https://falck.dk/job!", "https://falck.dk/job"),
            ("Se https://falck.dk/job?", "https://falck.dk/job"),
            ("Se https://falck.dk/job: nu", "https://falck.dk/job"),
            ("Se https://falck.dk/job; nu", "https://falck.dk/job"),
            ("'https://falck.dk/job'", "https://falck.dk/job"),
            ("\"https://falck.dk/job\"", "https://falck.dk/job"),
            ("„falck.dk/job“", "falck.dk/job"),
            ("(se falck.dk/job)", "falck.dk/job"),
            ("(se https://falck.dk)", "https://falck.dk"),
        ] {
            assert_eq!(urls(t), [want], "{t}");
        }
    }

    #[test]
    fn url_balanced_parens_kept() {
        assert_eq!(
            urls("Read https://en.wikipedia.org/wiki/Primer_(film) now"),
            ["https://en.wikipedia.org/wiki/Primer_(film)"]
        );
        assert_eq!(
            urls("(https://en.wikipedia.org/wiki/Primer_(film))"),
            ["https://en.wikipedia.org/wiki/Primer_(film)"]
        );
        assert_eq!(urls("https://x.dk/a(b"), ["https://x.dk/a"]);
    }

    #[test]
    fn url_fragment_hashtag_belongs_to_url() {
        let e = check_invariants("Se https://x.dk/#top nu #ansat");
        assert_eq!(texts(&e.urls), ["https://x.dk/#top"]);
        assert_eq!(texts(&e.hashtags), ["ansat"]);
    }

    #[test]
    fn url_idn() {
        assert_eq!(
            urls("Besøg københavn.dk/events i dag"),
            ["københavn.dk/events"]
        );
        assert_eq!(urls("https://københavn.dk"), ["https://københavn.dk"]);
        assert_eq!(urls("Se https://例え.jp/パス"), ["https://例え.jp/"]);
    }

    #[test]
    fn url_cjk_without_spaces() {
        assert_eq!(urls("詳細はexample.comへ"), ["example.com"]);
    }

    #[test]
    fn email_is_not_url_or_mention() {
        let e = check_invariants("Skriv til info@falck.dk eller jens.hansen@falck.dk.");
        assert!(e.urls.is_empty(), "{:?}", e.urls);
        assert!(e.mentions.is_empty());
        assert!(check_invariants("john.dk@falck.dk").is_empty());
    }

    #[test]
    fn internal_hosts_are_other_urls() {
        for (t, want) in [
            ("se localhost:8080/x nu", "localhost:8080/x"),
            ("se http://localhost:8080/x", "http://localhost:8080/x"),
            ("http://10.0.0.5/ er intern", "http://10.0.0.5/"),
            ("http://intranet/wiki/Start", "http://intranet/wiki/Start"),
            ("https://wiki.falck.local/x.", "https://wiki.falck.local/x"),
            (
                "log ind på http://admin:hemmelig@intranet/",
                "http://admin:hemmelig@intranet/",
            ),
            ("http://[::1]:8080/status", "http://[::1]:8080/status"),
        ] {
            let e = check_invariants(t);
            assert!(e.urls.is_empty(), "{t}: {:?}", e.urls);
            assert_eq!(other_urls(t), [want], "{t}");
            assert_eq!(links(t), [want], "{t}");
        }
        assert!(other_urls("localhost alone").is_empty());
        assert!(other_urls("http://256.1.2.3/ og http://-x.dk").is_empty());
        assert!(other_urls("xhttp://intranet/").is_empty());
    }

    #[test]
    fn url_with_port_and_uppercase_scheme() {
        assert_eq!(
            urls("HTTPS://Falck.DK:443/Job"),
            ["HTTPS://Falck.DK:443/Job"]
        );
    }

    #[test]
    fn url_not_inside_word_or_after_sigils() {
        assert!(urls("abcfalck.dkx").is_empty());
        assert_eq!(urls("xhttps://falck.com"), Vec::<String>::new());
        assert!(urls("$falck.com").is_empty());
        assert!(urls("-falck.com").is_empty());
        assert!(urls("/falck.com").is_empty());
    }

    #[test]
    fn url_unknown_tld_needs_scheme() {
        assert!(urls("see falck.notatld/job").is_empty());
        assert!(urls("filnavn.txt og rapport.pdf").is_empty());
        assert_eq!(urls("version 1.2.3"), Vec::<String>::new());
    }

    #[test]
    fn url_two_urls() {
        assert_eq!(
            urls("https://a.com/x og www.b.dk/y"),
            ["https://a.com/x", "www.b.dk/y"]
        );
    }

    #[test]
    fn url_host() {
        assert_eq!(super::url_host("https://falck.dk:443/job?x"), "falck.dk");
        assert_eq!(super::url_host("falck.dk/job"), "falck.dk");
        assert_eq!(super::url_host("http://u:p@intranet:80/"), "intranet");
        assert_eq!(super::url_host("http://[::1]:8080/"), "[::1]");
    }

    #[test]
    fn cjk_host_over_63_encoded_characters_is_no_url() {
        // 53 characters encode to 64 (`xn--` and 60), 40 to 50.
        let long = "あいうえおかきくけこ".repeat(5) + "あいう";
        assert!(urls(&format!("se http://{long}.com")).is_empty());
        let short = "あいうえおかきくけこ".repeat(4);
        assert_eq!(urls(&format!("se http://{short}.com")).len(), 1);
        assert_eq!(punycode_len("bücher"), Some("xn--bcher-kva".len()));
        assert_eq!(punycode_len("例え"), Some("xn--r8jz45g".len()));
        assert_eq!(punycode_len("københavn"), Some("xn--kbenhavn-54a".len()));
    }

    // ---- Hashtags ------------------------------------------------------------------------

    #[test]
    fn hashtags_any_script() {
        assert_eq!(
            tags("#jobiaarhus #ønskejob #FalckAnsat #日本 #Москва"),
            ["jobiaarhus", "ønskejob", "FalckAnsat", "日本", "Москва"]
        );
    }

    #[test]
    fn hashtag_span_includes_sigil() {
        let t = "Glad for #ønskejob!";
        let e = check_invariants(t);
        assert_eq!(&t[e.hashtags[0].start..e.hashtags[0].end], "#ønskejob");
    }

    #[test]
    fn hashtag_not_digits_only() {
        assert!(tags("#1 #2024").is_empty());
        assert_eq!(tags("#1a #2024Aarhus"), ["1a", "2024Aarhus"]);
    }

    #[test]
    fn hashtag_not_after_word_char() {
        assert!(tags("foo#bar æ#bar 3#x").is_empty());
        assert!(tags("&#39; entity").is_empty());
        assert_eq!(tags("(#tag) .#tag2"), ["tag", "tag2"]);
    }

    #[test]
    fn hashtag_fullwidth_sign() {
        let e = check_invariants("＃日本語 ok");
        assert_eq!(texts(&e.hashtags), ["日本語"]);
        assert_eq!(e.hashtags[0].start, 0);
    }

    #[test]
    fn hashtag_ends_at_punctuation_and_emoji() {
        assert_eq!(
            tags("#job, #team! #sommer🌞 #a-b"),
            ["job", "team", "sommer", "a"]
        );
    }

    #[test]
    fn hashtag_marks_and_joiners() {
        // Combining mark inside (decomposed "é"), ZWNJ in Persian.
        assert_eq!(
            tags("#cafe\u{301} #می\u{200C}خواهم"),
            ["cafe\u{301}", "می\u{200C}خواهم"]
        );
        assert_eq!(tags("#हिन्दी"), ["हिन्दी"]);
    }

    #[test]
    fn hashtag_keycap_emoji_is_not_a_hashtag() {
        assert!(tags("#\u{FE0F}\u{20E3} and 1\u{FE0F}\u{20E3}").is_empty());
    }

    #[test]
    fn hashtag_followed_by_hash_or_scheme_is_not() {
        assert!(tags("#tag#tag").is_empty());
        assert!(tags("#https://falck.dk").is_empty());
    }

    // ---- Mentions ------------------------------------------------------------------------

    #[test]
    fn mentions_basic() {
        assert_eq!(
            mentions("Tak @falck og @jens_hansen!"),
            ["falck", "jens_hansen"]
        );
    }

    #[test]
    fn mastodon_address_is_a_handle_not_a_mention() {
        let t = "Følg @user@mastodon.social.";
        let e = check_invariants(t);
        assert!(e.mentions.is_empty());
        assert!(e.urls.is_empty());
        assert_eq!(texts(&e.handles), ["user@mastodon.social"]);
        assert_eq!(
            &t[e.handles[0].start..e.handles[0].end],
            "@user@mastodon.social"
        );
        assert_eq!(e.people().len(), 1);
    }

    #[test]
    fn bluesky_handle_is_a_handle_and_x_mentions_its_first_label() {
        let e = check_invariants("Følg @jens.bsky.social og @jens-hansen.bsky.social");
        assert_eq!(
            texts(&e.handles),
            ["jens.bsky.social", "jens-hansen.bsky.social"]
        );
        assert_eq!(texts(&e.mentions), ["jens", "jens"]);
        assert!(e.urls.is_empty());
        let people: Vec<&str> = e.people().iter().map(|p| p.text.as_str()).collect();
        assert_eq!(people, ["jens.bsky.social", "jens-hansen.bsky.social"]);
        assert_eq!(mentions("Tak @falck."), ["falck"]);
        assert_eq!(mentions("Tak @falck.Vi ses"), ["falck"]);
        assert!(handles("Tak @falck.Vi ses").is_empty());
    }

    #[test]
    fn lists_and_reply() {
        let e = check_invariants("  @falck se @falck/nyheder-dk og RT@jens");
        assert_eq!(texts(&e.mentions), ["falck", "jens"]);
        assert_eq!(texts(&e.lists), ["falck/nyheder-dk"]);
        assert_eq!(e.reply.as_ref().map(|r| r.text.as_str()), Some("falck"));
        assert_eq!(e.reply.as_ref().map(|r| r.start), Some(2));
        assert!(extract("Hej @falck").reply.is_none());
    }

    #[test]
    fn mention_not_email() {
        assert!(mentions("jens@falck.dk").is_empty());
        assert!(mentions("a_@b #@c").is_empty());
    }

    #[test]
    fn mention_unicode_and_fullwidth() {
        // X does not link `@søren` (a Latin accent ends no screen name); it is a handle.
        assert_eq!(mentions("Hej @søren og ＠falck"), ["falck"]);
        assert_eq!(handles("Hej @søren og ＠falck"), ["søren"]);
    }

    #[test]
    fn mention_bad_mastodon_is_none() {
        assert!(mentions("@a@ @b@c").is_empty());
        assert!(mentions("@").is_empty());
        assert!(mentions("@ falck").is_empty());
    }

    // ---- Cashtags ------------------------------------------------------------------------

    #[test]
    fn cashtags_basic() {
        assert_eq!(cashtags("Køb $NOVO og $NOVO.B nu"), ["NOVO", "NOVO.B"]);
        assert_eq!(cashtags("$BRK_A, ($AAPL) $TSLA."), ["BRK_A", "TSLA"]);
    }

    #[test]
    fn cashtags_not_money() {
        assert!(cashtags("Det koster $5 eller $100.").is_empty());
        assert!(cashtags("US$NOVO $TOOLONG $NOVO5").is_empty());
    }

    // ---- Mixed and robustness ------------------------------------------------------------

    #[test]
    fn danish_post_all_kinds() {
        let t = "Vi søger kolleger! Læs https://falck.dk/job og falck.dk/karriere. \
                 Spørg @jens_hansen. #jobiaarhus #ønskejob #FalckAnsat $NOVO";
        let e = check_invariants(t);
        assert_eq!(
            texts(&e.urls),
            ["https://falck.dk/job", "falck.dk/karriere"]
        );
        assert_eq!(texts(&e.mentions), ["jens_hansen"]);
        assert_eq!(texts(&e.hashtags), ["jobiaarhus", "ønskejob", "FalckAnsat"]);
        assert_eq!(texts(&e.cashtags), ["NOVO"]);
    }

    #[test]
    fn english_post_all_kinds() {
        let t = "Join us at example.com/jobs (apply by Friday!) cc @acme_hr #hiring #NowHiring";
        let e = check_invariants(t);
        assert_eq!(texts(&e.urls), ["example.com/jobs"]);
        assert_eq!(texts(&e.mentions), ["acme_hr"]);
        assert_eq!(texts(&e.hashtags), ["hiring", "NowHiring"]);
    }

    #[test]
    fn empty_and_plain_text() {
        assert!(extract("").is_empty());
        assert!(extract("Hej med dig, hvordan går det?").is_empty());
    }

    #[test]
    fn no_panic_on_hostile_input() {
        let long_url = format!("https://falck.dk/{}", "a".repeat(5000));
        let long_tag = format!("#{}", "æ".repeat(1000));
        let emoji = "👨‍👩‍👧‍👦".repeat(10_000);
        let inputs = [
            long_url.as_str(),
            long_tag.as_str(),
            emoji.as_str(),
            "\\uD800 \\uDFFF lone surrogate escapes",
            "\u{0}\u{0}#\u{0}@\u{0}$\u{0}",
            "\u{10FFFF}\u{E0001}\u{50000} unassigned #\u{50000}x",
            "שלום #שלום @שלום https://example.co.il/שלום",
            "\u{202E}falck.dk\u{202C} #\u{202E}tag",
            "e\u{301}\u{301}\u{301}#\u{301}\u{301} @\u{301}",
            "#",
            "@",
            "$",
            "http://",
            "https://.",
            "a.",
            ".dk",
            "www.",
            "x.dk/(((((",
            "((((x.dk/a)))))",
            "@@@@",
            "##",
            "$$$",
            "＠＃",
            "http://@",
            "@a@b.",
            "@a.",
            "@a.b",
            "a.b.c.d.e.f.g",
            "http://http://http://x",
            "localhost:80http://a:1",
            "@a@http://x.dk",
            "日本.com日本.みんなです。x.dk",
            "\u{2066}http://x.dk\u{2069}@u/l",
        ];
        for t in inputs {
            check_invariants(t);
        }
        // Over twitter-text's 4,096 characters X links nothing; a reader still sees a link.
        assert!(extract(&long_url).urls.is_empty());
        assert_eq!(extract(&long_url).other_urls[0].end, long_url.len());
        assert_eq!(extract(&long_tag).hashtags[0].end, long_tag.len());
        // Every prefix of a tricky string (cuts at every char boundary).
        let tricky = "Se https://falck.dk/job?x=1#a (se også @u@m.social) #ønske $NO.B falck.dk!";
        for (i, _) in tricky.char_indices() {
            check_invariants(&tricky[..i]);
            check_invariants(&tricky[i..]);
        }
    }

    #[test]
    fn long_dotted_run_is_linear_enough() {
        // 200k labels with no TLD: must finish quickly (linear scan), not hang.
        let t = "a.".repeat(100_000);
        let start = std::time::Instant::now();
        assert!(extract(&t).urls.is_empty());
        let t = "æ".repeat(100_000);
        assert!(extract(&t).is_empty());
        assert!(start.elapsed().as_secs() < 5);
    }
}
