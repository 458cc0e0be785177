//! Entities in a post: URLs, hashtags, mentions and cashtags, extracted the way twitter-text
//! does. Every rule and every length count reads these same entities.
//!
//! The extractor is one left-to-right scan over the text. At each position it asks whether an
//! entity can *start* there (which depends only on the current and the previous character), and
//! if one does, it parses it and jumps past it. That makes entities non-overlapping by
//! construction (a `#top` inside `https://x.dk/#top` is never looked at) and keeps the work
//! linear in the length of the text: an entity attempt is only made at the start of a run of
//! word characters, so a 1,000-letter word is scanned a bounded number of times.
//!
//! Where this deliberately differs from twitter-text:
//! * With an `http(s)://` scheme *any* host is accepted (`http://intranet/wiki`,
//!   `https://wiki.acme.local`), because other rules must see internal links. Whether X would
//!   turn such a URL into a link (and count it as 23) is a separate question answered by
//!   [`url_is_linkable`]. Without a scheme a known TLD is required, except `localhost:PORT`.
//! * twitter-text never extracts a bare one-label country-code domain without a path
//!   (`falck.dk`), to avoid false links such as `done.It`. Danish posts write `falck.dk`
//!   constantly, so a short list of country codes that are not words in Danish or English
//!   (`dk`, `eu`, `uk`, …) is accepted bare; [`url_is_linkable`] still follows twitter-text.
//!   A title-case TLD after a lower-case word (`done.Now`) is taken as a missing space, not a URL.
//! * Mentions may be Mastodon addresses (`@user@mastodon.social`, one mention) or Bluesky
//!   handles (`@jens.bsky.social`), and usernames may contain non-ASCII letters (`@søren`).

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
    /// Mentions (`@falck`, `@user@instance.social`), never e-mail addresses.
    pub mentions: Vec<Entity>,
    /// URLs with or without a scheme, trailing punctuation excluded.
    pub urls: Vec<Entity>,
    /// Cashtags (`$NOVO`).
    pub cashtags: Vec<Entity>,
}

impl Entities {
    /// Whether no entity at all was found.
    pub fn is_empty(&self) -> bool {
        self.hashtags.is_empty()
            && self.mentions.is_empty()
            && self.urls.is_empty()
            && self.cashtags.is_empty()
    }
}

/// Extracts every entity from `text`.
///
/// Never panics; every span lies on `char` boundaries of `text`.
pub fn extract(text: &str) -> Entities {
    let mut out = Entities::default();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Fast path: bytes that cannot start an entity are skipped without decoding: ASCII
        // spaces and punctuation other than the sigils, UTF-8 continuation bytes, and ASCII
        // letters/digits right after another one (the middle of a word).
        let candidate = match b {
            b'#' | b'@' | b'$' => true,
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
            '@' | '＠' => mention(text, i, prev).map(|e| (Kind::Mention, e)),
            '$' => cashtag(text, i, prev).map(|e| (Kind::Cashtag, e)),
            _ if is_bare_domain_char(c) && url_may_start(prev) => {
                // A URL starts with a run of domain characters followed by `.` (a domain) or
                // `:` (`https:`, `localhost:`). Otherwise, or when the URL attempt fails, no
                // entity can start inside the run (each position follows a domain char), so
                // the whole run is skipped at once.
                let run = run_end(text, i, is_bare_domain_char);
                let found = match bytes.get(run) {
                    Some(b'.' | b':') => url(text, i, prev).map(|e| (Kind::Url, e)),
                    _ => None,
                };
                if found.is_none() && run > i {
                    i = run;
                    continue;
                }
                found
            }
            _ => None,
        };
        match found {
            Some((kind, entity)) => {
                i = entity.end;
                match kind {
                    Kind::Hashtag => out.hashtags.push(entity),
                    Kind::Mention => out.mentions.push(entity),
                    Kind::Url => out.urls.push(entity),
                    Kind::Cashtag => out.cashtags.push(entity),
                }
            }
            None => i += c.len_utf8(),
        }
    }
    out
}

enum Kind {
    Hashtag,
    Mention,
    Url,
    Cashtag,
}

// ---------------------------------------------------------------------------------------------
// Character helpers
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

/// Characters of a domain label in a URL written without a scheme (twitter-text's
/// `validAsciiDomain`: ASCII, `-`, `_` and Latin accents). Restricting this to Latin script is
/// what lets `詳細はexample.comへ` yield `example.com` in text written without spaces.
#[inline]
fn is_bare_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_' || is_latin_accent(c)
}

/// Characters of a domain label after a scheme, or of a Mastodon instance: any letter, digit or
/// mark (internationalised domains such as `københavn.dk` or `例え.jp`), `-` and `_`.
#[inline]
fn is_host_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_' || is_mark(c)
}

/// Whether a URL may start right after `prev` (twitter-text's `validUrlPrecedingChars`, made
/// stricter so that an attempt is only made at the start of a run of domain characters: that
/// keeps extraction linear on long words).
#[inline]
fn url_may_start(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => {
            !(is_bare_domain_char(p)
                || matches!(p, '@' | '＠' | '$' | '#' | '＃' | '\u{202A}'..='\u{202E}'))
        }
    }
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

// ---------------------------------------------------------------------------------------------
// TLDs
// ---------------------------------------------------------------------------------------------

/// Whether a TLD is a country code or generic (twitter-text treats bare country-code domains
/// differently).
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
    // Punycode TLDs (`xn--p1ai`) are accepted like twitter-text's `validPunycode`.
    if lb.len() > 4
        && lb[..4].eq_ignore_ascii_case(b"xn--")
        && lb[4..].iter().all(|b| b.is_ascii_alphanumeric())
    {
        return Some(TldKind::Generic);
    }
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

/// Country codes accepted as bare `name.cc` URLs without a scheme or path, because they are
/// not words in Danish or English (`falck.dk`, `gov.uk`). twitter-text accepts only `co` and
/// `tv`; words like `at`, `de`, `se`, `nu`, `vi`, `is`, `it`, `no`, `to` stay excluded so that a
/// missing space after a full stop (`sjovt.Vi`) is not a URL.
const BARE_COUNTRY_OK: &[&str] = &[
    "ai", "au", "ch", "cn", "co", "cz", "dk", "ee", "eu", "fi", "fo", "fr", "gl", "gr", "hr", "io",
    "jp", "kr", "lv", "ly", "nl", "nz", "pl", "ru", "tv", "ua", "uk",
];

/// Whether a bare two-label domain (`name.tld`, no scheme, no path) is accepted as a URL.
fn bare_domain_ok(first_label: &str, tld: &str, kind: TldKind) -> bool {
    // `done.Now` / `tak.Vi`: a title-case TLD after a label that is not all caps reads as a
    // sentence break with a missing space, not as a domain.
    let mut chars = tld.chars();
    let title_case = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
    if title_case && !first_label.chars().all(|c| !c.is_lowercase()) {
        return false;
    }
    match kind {
        TldKind::Generic => true,
        TldKind::Country => BARE_COUNTRY_OK
            .iter()
            .any(|ok| ok.eq_ignore_ascii_case(tld) && tld.bytes().all(|b| b.is_ascii_lowercase())),
    }
}

/// The result of scanning dot-separated labels.
struct Labels {
    /// End of the whole run of labels.
    run_end: usize,
    /// Number of labels in the whole run.
    count: usize,
    /// The longest prefix of at least two labels whose last label is a TLD:
    /// (end, label count, start of the TLD label, kind).
    best: Option<(usize, usize, usize, TldKind)>,
}

/// Scans `label(.label)*` from `start`, where labels are runs of `is_char`.
fn scan_labels(text: &str, start: usize, is_char: fn(char) -> bool) -> Labels {
    let bytes = text.as_bytes();
    let mut pos = start;
    let mut count = 0;
    let mut best = None;
    loop {
        let label_start = pos;
        pos = run_end(text, pos, is_char);
        if pos == label_start {
            break;
        }
        count += 1;
        if count >= 2 {
            if let Some(kind) = tld_kind(&text[label_start..pos]) {
                best = Some((pos, count, label_start, kind));
            }
        }
        // A dot continues the domain only when a label follows it (`falck.dk.` ends at `dk`).
        if bytes.get(pos) == Some(&b'.') && char_at(text, pos + 1).is_some_and(is_char) {
            pos += 1;
        } else {
            break;
        }
    }
    Labels {
        run_end: pos,
        count,
        best,
    }
}

/// End of the run of `is_char` characters starting at `start`; ASCII bytes are tested
/// without decoding.
#[inline]
fn run_end(text: &str, start: usize, is_char: fn(char) -> bool) -> usize {
    let bytes = text.as_bytes();
    let mut pos = start;
    while let Some(&b) = bytes.get(pos) {
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
    pos
}

fn is_at(c: Option<char>) -> bool {
    matches!(c, Some('@' | '＠'))
}

/// Whether `label` is a dotted-quad IPv4 address.
fn is_ipv4(host: &str) -> bool {
    let mut parts = 0;
    for part in host.split('.') {
        parts += 1;
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        if part.parse::<u16>().map_or(true, |n| n > 255) {
            return false;
        }
    }
    parts == 4
}

// ---------------------------------------------------------------------------------------------
// URLs
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
/// `validUrlQueryChars`, plus Cyrillic and the en dash as newer twitter-text versions do).
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

/// Whether a host name is one twitter-text links (its `validDomain`): no label starts or ends
/// with `-` or `_`, none is longer than 63 characters, the domain and the TLD (the last two
/// labels) have no `_` (a subdomain may), and a punycode label (`xn--`) is ASCII.
fn host_is_valid(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    labels.iter().enumerate().all(|(i, l)| {
        let edge = |c: Option<char>| matches!(c, Some('-' | '_'));
        !l.is_empty()
            && !edge(l.chars().next())
            && !edge(l.chars().next_back())
            && l.chars().count() <= 63
            && (i + 2 < n || n == 1 || !l.contains('_'))
            && (!l.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("xn--")) || l.is_ascii())
    })
}

/// Parses a URL starting at `start` (where `url_may_start(prev)` holds).
fn url(text: &str, start: usize, prev: Option<char>) -> Option<Entity> {
    let bytes = text.as_bytes();
    let scheme = scheme_len(&bytes[start..]);
    let host_start = start + scheme.unwrap_or(0);
    let mut end;
    let mut has_path_or_port = false;
    if scheme.is_some() {
        let labels = scan_labels(text, host_start, is_host_char);
        if labels.count == 0 || is_at(char_at(text, labels.run_end)) {
            return None;
        }
        end = labels.run_end;
        if !host_is_valid(&text[host_start..end]) {
            return None;
        }
    } else {
        // twitter-text: a scheme-less URL may not follow `-`, `_`, `.` or `/`.
        if matches!(prev, Some('-' | '_' | '.' | '/')) {
            return None;
        }
        let first = char_at(text, start)?;
        if !(first.is_ascii_alphanumeric() || is_latin_accent(first)) {
            return None;
        }
        let labels = scan_labels(text, start, is_bare_domain_char);
        // `jens.dk@falck.dk` is an e-mail address, not a URL.
        if is_at(char_at(text, labels.run_end)) {
            return None;
        }
        match labels.best {
            Some((tld_end, _, _, _)) if host_is_valid(&text[start..tld_end]) => end = tld_end,
            Some(_) => return None,
            None => {
                // `localhost:8080/x` is accepted without a scheme when it has a port, so that
                // rules about internal hosts see it.
                let host = &text[start..labels.run_end];
                let has_port = bytes.get(labels.run_end) == Some(&b':')
                    && bytes
                        .get(labels.run_end + 1)
                        .is_some_and(u8::is_ascii_digit);
                if labels.count == 1 && host.eq_ignore_ascii_case("localhost") && has_port {
                    end = labels.run_end;
                } else {
                    return None;
                }
            }
        }
    }
    // Port.
    if bytes.get(end) == Some(&b':') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end += 1;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        has_path_or_port = true;
    }
    // Path and query.
    if matches!(bytes.get(end), Some(b'/' | b'?')) {
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
            let c = prev_char(text, pos)?;
            if is_path_end_char(c) {
                break;
            }
            pos -= c.len_utf8();
        }
        if pos > path_start {
            has_path_or_port = true;
        }
        end = pos.max(end);
    }
    // A t.co link is X's own: its slug is letters and digits, at most 40 of them
    // (twitter-text's `validTcoUrl`), so "http://t.co/abc's" ends before the apostrophe.
    if bytes[host_start..end]
        .get(..5)
        .is_some_and(|h| h.eq_ignore_ascii_case(b"t.co/"))
    {
        let slug_start = host_start + 5;
        let slug_end = run_end(text, slug_start, |c| c.is_ascii_alphanumeric());
        if slug_end - slug_start > 40 {
            return None;
        }
        if bytes.get(slug_end) != Some(&b'?') {
            end = slug_end;
        }
    }
    if scheme.is_none() && !has_path_or_port {
        // A bare two-label domain: apply the country-code and title-case checks.
        let labels = scan_labels(text, start, is_bare_domain_char);
        if let Some((_, 2, tld_start, kind)) = labels.best {
            let first = &text[start..tld_start - 1];
            if !bare_domain_ok(first, &text[tld_start..end], kind) {
                return None;
            }
        }
    }
    Some(Entity {
        text: text[start..end].to_string(),
        start,
        end,
    })
}

/// The host of a URL as written (`falck.dk` for `https://falck.dk:443/job`): scheme, port,
/// path and query removed. For rules about internal hosts and competitor domains.
pub fn url_host(url: &str) -> &str {
    let rest = &url[scheme_len(url.as_bytes()).unwrap_or(0)..];
    let end = rest.find([':', '/', '?', '#']).unwrap_or(rest.len());
    &rest[..end]
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

/// Whether X (twitter-text) would turn this URL into a link, and so count it as 23.
///
/// With a scheme, the host must end in a known TLD or be an IPv4 address (`http://intranet/`
/// and `http://localhost/` are not linked); without one, twitter-text also refuses a bare
/// one-label country-code domain without a path (`falck.dk`, but `falck.dk/job`,
/// `www.falck.dk` and `falck.com` are links; `.co` and `.tv` are exceptions).
pub fn url_is_linkable(url: &str) -> bool {
    let scheme = scheme_len(url.as_bytes());
    let has_scheme = scheme.is_some();
    let host = url_host(url);
    let has_more = scheme.unwrap_or(0) + host.len() < url.len();
    if has_scheme && is_ipv4(host) {
        return true;
    }
    let mut labels = host.rsplit('.');
    let Some(tld) = labels.next() else {
        return false;
    };
    let Some(kind) = tld_kind(tld) else {
        return false;
    };
    let n_labels = host.split('.').count();
    if n_labels < 2 {
        return false;
    }
    if !has_scheme && !has_more && n_labels == 2 && kind == TldKind::Country {
        return tld.eq_ignore_ascii_case("co") || tld.eq_ignore_ascii_case("tv");
    }
    true
}

// ---------------------------------------------------------------------------------------------
// Hashtags, mentions, cashtags
// ---------------------------------------------------------------------------------------------

/// Parses a hashtag at `start` (a `#` or `＃`).
fn hashtag(text: &str, start: usize, prev: Option<char>) -> Option<Entity> {
    // `foo#bar` and HTML entities (`&#39;`) are not hashtags.
    if prev.is_some_and(|p| is_hashtag_char(p) || p == '&') {
        return None;
    }
    let body = start + char_at(text, start)?.len_utf8();
    let mut pos = body;
    let mut has_letter = false;
    while let Some(c) = char_at(text, pos) {
        if !is_hashtag_char(c) {
            break;
        }
        // At least one letter: `#1` and `#2024` are numbers, and the keycap `#️⃣` is an emoji.
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
    Some(Entity {
        text: text[body..pos].to_string(),
        start,
        end: pos,
    })
}

#[inline]
fn is_username_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_mark(c)
}

fn is_handle_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

/// Parses a mention at `start` (an `@` or `＠`).
fn mention(text: &str, start: usize, prev: Option<char>) -> Option<Entity> {
    // `jens@falck.dk` is an e-mail address; twitter-text also excludes `!#$%&*@` before `@`.
    if prev.is_some_and(|p| {
        p.is_alphanumeric() || is_mark(p) || matches!(p, '_' | '!' | '#' | '$' | '%' | '&' | '*')
    }) || is_at(prev)
    {
        return None;
    }
    let body = start + char_at(text, start)?.len_utf8();
    let mut pos = body;
    let mut ascii = true;
    while let Some(c) = char_at(text, pos) {
        if !is_username_char(c) {
            break;
        }
        ascii &= c.is_ascii_alphanumeric();
        pos += c.len_utf8();
    }
    if pos == body {
        return None;
    }
    let bytes = text.as_bytes();
    let next = char_at(text, pos);
    if is_at(next) {
        // Mastodon: `@user@instance.social` is one mention of a user on another server.
        let domain_start = pos + next?.len_utf8();
        let labels = scan_labels(text, domain_start, is_host_char);
        let (end, ..) = labels.best?;
        if end == labels.run_end && is_at(char_at(text, end)) {
            return None;
        }
        return Some(Entity {
            text: text[body..end].to_string(),
            start,
            end,
        });
    }
    if text[pos..].starts_with("://") {
        return None;
    }
    // Bluesky: `@jens.bsky.social` or `@jens-hansen.bsky.social` is one handle.
    if ascii
        && matches!(bytes.get(pos), Some(b'.' | b'-'))
        && bytes.get(pos + 1).is_some_and(u8::is_ascii_alphanumeric)
    {
        let labels = scan_labels(text, body, is_handle_char);
        if let Some((end, count, tld_start, kind)) = labels.best {
            let followed_by_at = end == labels.run_end && is_at(char_at(text, end));
            let ok = count > 2
                || bare_domain_ok(&text[body..tld_start - 1], &text[tld_start..end], kind);
            if ok && !followed_by_at {
                return Some(Entity {
                    text: text[body..end].to_string(),
                    start,
                    end,
                });
            }
        }
    }
    Some(Entity {
        text: text[body..pos].to_string(),
        start,
        end: pos,
    })
}

/// Parses a cashtag at `start` (a `$`): twitter-text's `$` + 1–6 letters, optionally `.` or `_`
/// and 1–2 letters (`$NOVO`, `$NOVO.B`, `$BRK_A`), followed by a space, punctuation or the end.
fn cashtag(text: &str, start: usize, prev: Option<char>) -> Option<Entity> {
    if prev.is_some_and(|p| {
        !(p.is_whitespace() || matches!(p, '(' | '[' | '"' | '\'' | '“' | '‘' | '«'))
    }) {
        return None;
    }
    let bytes = text.as_bytes();
    let body = start + 1;
    let letters = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count()
    };
    let ends_here = |pos: usize| match char_at(text, pos) {
        None => true,
        Some(c) => !(c.is_alphanumeric() || is_mark(c) || c == '$'),
    };
    let n = letters(body);
    if !(1..=6).contains(&n) {
        return None;
    }
    let mut end = body + n;
    if matches!(bytes.get(end), Some(b'.' | b'_')) {
        let m = letters(end + 1);
        if (1..=2).contains(&m) && ends_here(end + 1 + m) {
            end += 1 + m;
        }
    }
    if !ends_here(end) || bytes.get(end) == Some(&b'_') {
        return None;
    }
    Some(Entity {
        text: text[body..end].to_string(),
        start,
        end,
    })
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

    /// Every span is on char boundaries, inside the text, sorted, non-overlapping, and its
    /// text is the span minus the sigil.
    fn check_invariants(t: &str) -> Entities {
        let e = extract(t);
        let mut all: Vec<(&Entity, bool)> = Vec::new();
        for x in &e.urls {
            all.push((x, false));
        }
        for x in e.hashtags.iter().chain(&e.mentions).chain(&e.cashtags) {
            all.push((x, true));
        }
        for list in [&e.urls, &e.hashtags, &e.mentions, &e.cashtags] {
            assert!(list.windows(2).all(|w| w[0].end <= w[1].start), "{t:?}");
        }
        all.sort_by_key(|(x, _)| x.start);
        for w in all.windows(2) {
            assert!(w[0].0.end <= w[1].0.start, "overlap in {t:?}: {:?}", w);
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
    fn url_missing_space_after_full_stop_is_not_a_url() {
        assert!(urls("Det var sjovt.Vi ses").is_empty());
        assert!(urls("It was great.Now we go").is_empty());
        assert!(urls("Tak for i dag.Se billederne").is_empty());
        assert!(urls("f.eks. bl.a. osv. ca. kl. 10").is_empty());
        assert!(urls("sjovt.at se").is_empty());
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
    fn url_internal_hosts() {
        assert_eq!(urls("se localhost:8080/x nu"), ["localhost:8080/x"]);
        assert_eq!(
            urls("se http://localhost:8080/x"),
            ["http://localhost:8080/x"]
        );
        assert_eq!(urls("http://10.0.0.5/ er intern"), ["http://10.0.0.5/"]);
        assert_eq!(
            urls("http://intranet/wiki/Start"),
            ["http://intranet/wiki/Start"]
        );
        assert_eq!(
            urls("https://wiki.falck.local/x."),
            ["https://wiki.falck.local/x"]
        );
        assert!(urls("localhost alone").is_empty());
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
    fn url_host_and_linkable() {
        assert_eq!(url_host("https://falck.dk:443/job?x"), "falck.dk");
        assert_eq!(url_host("falck.dk/job"), "falck.dk");
        assert!(url_is_linkable("https://falck.dk"));
        assert!(url_is_linkable("falck.dk/job"));
        assert!(url_is_linkable("www.falck.dk"));
        assert!(url_is_linkable("falck.com"));
        assert!(url_is_linkable("example.co"));
        assert!(!url_is_linkable("falck.dk"));
        assert!(url_is_linkable("http://10.0.0.5/"));
        assert!(!url_is_linkable("http://intranet/wiki"));
        assert!(!url_is_linkable("http://localhost:8080/"));
        assert!(!url_is_linkable("https://wiki.falck.local"));
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
    fn mention_mastodon_style() {
        let t = "Følg @user@mastodon.social.";
        let e = check_invariants(t);
        assert_eq!(texts(&e.mentions), ["user@mastodon.social"]);
        assert!(e.urls.is_empty());
        assert_eq!(
            &t[e.mentions[0].start..e.mentions[0].end],
            "@user@mastodon.social"
        );
    }

    #[test]
    fn mention_bluesky_handle() {
        let e = check_invariants("Følg @jens.bsky.social og @jens-hansen.bsky.social");
        assert_eq!(
            texts(&e.mentions),
            ["jens.bsky.social", "jens-hansen.bsky.social"]
        );
        assert!(e.urls.is_empty());
        assert_eq!(mentions("Tak @falck."), ["falck"]);
        assert_eq!(mentions("Tak @falck.Vi ses"), ["falck"]);
    }

    #[test]
    fn mention_not_email() {
        assert!(mentions("jens@falck.dk").is_empty());
        assert!(mentions("a_@b #@c").is_empty());
    }

    #[test]
    fn mention_unicode_and_fullwidth() {
        assert_eq!(mentions("Hej @søren og ＠falck"), ["søren", "falck"]);
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
        assert_eq!(
            cashtags("$BRK_A, ($AAPL) $TSLA."),
            ["BRK_A", "AAPL", "TSLA"]
        );
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
        ];
        for t in inputs {
            check_invariants(t);
        }
        assert_eq!(extract(&long_url).urls[0].end, long_url.len());
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
