//! Counting a post the way each platform does, and finding where a count runs out.

use super::x::x_weighted_length;
use super::{Profile, Unit};
use crate::document::Document;
use crate::entities::{extract, url_has_scheme, Entities, Entity};
use serde::Serialize;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// The length of a post on one platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Length {
    /// The platform's name.
    pub name: String,
    /// The counted length.
    pub length: usize,
    /// The limit.
    pub limit: usize,
    /// The unit.
    pub unit: Unit,
    /// The length in UTF-8 bytes, when the platform has a byte limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byte_length: Option<usize>,
    /// The byte limit, when the platform has one (Bluesky: 3,000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byte_limit: Option<usize>,
    /// The platform would reject the post whatever its length (X: it contains U+FFFE, U+FEFF
    /// or U+FFFF).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub invalid: bool,
}

impl Length {
    /// A length without a byte count, for a platform without a byte limit.
    pub fn new(name: &str, length: usize, limit: usize, unit: Unit) -> Length {
        Length {
            name: name.to_string(),
            length,
            limit,
            unit,
            byte_length: None,
            byte_limit: None,
            invalid: false,
        }
    }

    /// Whether the post is over the limit or over the byte limit.
    pub fn is_over(&self) -> bool {
        self.length > self.limit
            || matches!((self.byte_length, self.byte_limit), (Some(b), Some(l)) if b > l)
    }
}

/// Counts `text` (a post body, front matter removed) the way `profile` does, with the
/// profile's signature appended. `entities` must be [`extract`]`(text)`; entities whose spans
/// do not fit `text` are ignored rather than trusted.
pub fn measure(text: &str, entities: &Entities, profile: &Profile) -> Length {
    let mut count = count_body(text, entities, profile);
    if let Some(sig) = &profile.signature {
        // The signature is counted as its own piece: it starts a new line or follows a space
        // in practice, so no grapheme or NFC composition spans the seam.
        let sig_count = count_body(sig, &extract(sig), profile);
        count.length += sig_count.length;
        count.bytes += sig_count.bytes;
        count.invalid |= sig_count.invalid;
    }
    Length {
        name: profile.name.clone(),
        length: count.length,
        limit: profile.limit,
        unit: profile.unit,
        byte_length: profile.byte_limit.map(|_| count.bytes),
        byte_limit: profile.byte_limit,
        invalid: count.invalid,
    }
}

struct Count {
    length: usize,
    bytes: usize,
    invalid: bool,
}

fn count_body(text: &str, entities: &Entities, profile: &Profile) -> Count {
    let (length, invalid) = match profile.unit {
        Unit::Weighted => x_weighted_length(text, entities, profile.url_length.unwrap_or(23)),
        unit => (substituted_length(text, entities, profile, unit), false),
    };
    Count {
        length,
        bytes: text.len(),
        invalid,
    }
}

/// Length in a plain unit, with linkable URLs counted as `url_length` and, when
/// `mention_domain_free`, `@user@domain` counted as `@user`.
fn substituted_length(text: &str, entities: &Entities, profile: &Profile, unit: Unit) -> usize {
    let urls: &[Entity] = if profile.url_length.is_some() {
        &entities.urls
    } else {
        &[]
    };
    let mentions: &[Entity] = if profile.mention_domain_free {
        &entities.handles
    } else {
        &[]
    };
    if urls.is_empty() && mentions.is_empty() {
        return count_unit(text, unit);
    }
    let (mut u, mut m) = (0, 0);
    let mut pos = 0;
    let mut length = 0;
    // Merge the two sorted lists; each entity either replaces its span or is left as text.
    loop {
        let take_url = match (urls.get(u), mentions.get(m)) {
            (Some(a), Some(b)) => a.start <= b.start,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        let (entity, replacement) = if take_url {
            u += 1;
            let e = &urls[u - 1];
            let linkable = url_has_scheme(&e.text);
            (
                e,
                linkable.then_some(Replacement::Fixed(profile.url_length.unwrap_or(23))),
            )
        } else {
            m += 1;
            let e = &mentions[m - 1];
            // `@user@domain`: the span up to the second `@` is `@user`.
            let local = text
                .get(e.start..e.end)
                .and_then(|s| {
                    s.char_indices()
                        .skip(1)
                        .find(|(_, c)| matches!(c, '@' | '＠'))
                })
                .map(|(i, _)| e.start + i);
            (e, local.map(Replacement::Prefix))
        };
        let Some(replacement) = replacement else {
            continue;
        };
        let (Some(before), Some(_)) = (
            text.get(pos..entity.start),
            text.get(entity.start..entity.end),
        ) else {
            continue; // out of order or not on char boundaries: leave it to be counted as text
        };
        length += count_unit(before, unit);
        length += match replacement {
            Replacement::Fixed(n) => n,
            Replacement::Prefix(end) => count_unit(&text[entity.start..end], unit),
        };
        pos = entity.end;
    }
    length + count_unit(&text[pos..], unit)
}

enum Replacement {
    Fixed(usize),
    Prefix(usize),
}

/// Counts `s` in a plain unit.
pub fn count_unit(s: &str, unit: Unit) -> usize {
    match unit {
        Unit::Bytes => s.len(),
        Unit::Chars => s.chars().count(),
        Unit::Utf16 => utf16_len(s),
        Unit::Graphemes => grapheme_count(s),
        Unit::Weighted => x_weighted_length(s, &extract(s), 23).0,
    }
}

/// UTF-16 code units: one per char, plus one more for each char outside the BMP (a 4-byte
/// UTF-8 sequence, recognisable by its lead byte).
fn utf16_len(s: &str) -> usize {
    // Summing u8 flags per 255-byte chunk lets the compiler use 16-lane SIMD adds.
    let astral: usize = s
        .as_bytes()
        .chunks(255)
        .map(|chunk| usize::from(chunk.iter().map(|&b| u8::from(b >= 0xF0)).sum::<u8>()))
        .sum();
    s.chars().count() + astral
}

/// Extended grapheme clusters.
///
/// Every code point below U+0300 (ASCII, Latin-1, Latin Extended: all of Danish) is a grapheme
/// of its own unless the *next* code point extends it (combining marks, ZWJ, spacing marks and
/// emoji modifiers are all at U+0300 or above), apart from CR LF. So a char below U+0300
/// followed by another one is counted directly, and only the stretches around other text go
/// through the full segmentation algorithm.
fn grapheme_count(s: &str) -> usize {
    // At a char start, a lead byte below 0xCC means a code point below U+0300.
    #[inline]
    fn simple(b: u8) -> bool {
        b < 0xCC
    }
    #[inline]
    fn char_len(b: u8) -> usize {
        match b {
            0..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        }
    }
    let b = s.as_bytes();
    let n = b.len();
    let mut count = 0;
    let mut i = 0;
    while i < n {
        let next = i + char_len(b[i]);
        let next_simple = match b.get(next) {
            Some(&nb) => simple(nb),
            None => true,
        };
        if simple(b[i]) && next_simple {
            count += 1;
            i = if b[i] == b'\r' && b.get(next) == Some(&b'\n') {
                next + 1
            } else {
                next
            };
            continue;
        }
        // From here to the next safe boundary: a simple char after a simple char (not CR LF).
        let start = i;
        let mut prev_simple = simple(b[i]);
        let mut prev_cr = b[i] == b'\r';
        i = next;
        while i < n {
            let cur_simple = simple(b[i]);
            if prev_simple && cur_simple && !(prev_cr && b[i] == b'\n') {
                break;
            }
            prev_simple = cur_simple;
            prev_cr = b[i] == b'\r';
            i += char_len(b[i]);
        }
        let i_end = i.min(n);
        count += s
            .get(start..i_end)
            .map_or(0, |seg| seg.graphemes(true).count());
        i = i_end;
    }
    count
}

/// The part of the post a platform counts: the body without surrounding white space (the
/// linter measures exactly this).
pub(crate) fn published_range(doc: &Document<'_>) -> Range<usize> {
    let body = doc.body_text();
    let start = doc.body.start + (body.len() - body.trim_start().len());
    let end = doc.body.start + body.trim_end().len();
    start..end.max(start)
}

/// The byte offset in `range` of the first character whose inclusion makes the text count
/// more than `budget` in `profile`'s unit, or `None` when all of `range` fits.
///
/// One pass from the start that stops at the budget, so for the fold it only reads the first
/// ~200 characters. It counts the way [`measure`] does, unit by unit: linkable URLs count
/// `url_length` as a whole (the cut lands before a URL, never inside it), Mastodon's
/// `@user@domain` counts as `@user`, and plain text counts per character (bytes, chars,
/// UTF-16) or per grapheme cluster (graphemes; X's weighted unit, where a cluster weighs what
/// `count_unit` says for it: an emoji sequence 2, CJK 2 per character, Latin 1, after NFC).
/// Approximations: X normalises across cluster boundaries and Bluesky counts graphemes across
/// entity boundaries, which can shift the cut by a character in contrived text. The result is
/// always a char boundary inside `range`.
pub(crate) fn cut_offset(
    doc: &Document<'_>,
    profile: &Profile,
    range: &Range<usize>,
    budget: usize,
) -> Option<usize> {
    let text = doc.text;
    let unit = profile.unit;
    let urls: &[Entity] = if profile.url_length.is_some() {
        &doc.entities.urls
    } else {
        &[]
    };
    let mentions: &[Entity] = if profile.mention_domain_free {
        &doc.entities.handles
    } else {
        &[]
    };
    let (mut u, mut m) = (0, 0);
    let mut count = 0usize;
    let mut pos = range.start;
    let bytes = text.as_bytes();
    while pos < range.end {
        // Entities that count as a whole: skip those behind us, take one that starts here.
        while urls.get(u).is_some_and(|e| e.start < pos) {
            u += 1;
        }
        while mentions.get(m).is_some_and(|e| e.start < pos) {
            m += 1;
        }
        if let Some((end, cost)) = whole_entity(text, profile, urls.get(u), mentions.get(m), pos) {
            if end <= range.end {
                if count + cost > budget {
                    return Some(pos);
                }
                count += cost;
                pos = end;
                continue;
            }
        }
        let c = text[pos..].chars().next()?;
        let clen = c.len_utf8();
        let (len, cost) = match unit {
            Unit::Bytes => (clen, clen),
            Unit::Chars => (clen, 1),
            Unit::Utf16 => (clen, c.len_utf16()),
            Unit::Graphemes | Unit::Weighted => {
                // Below U+0300, a char followed by another such char (not CR LF) is a
                // grapheme of its own and weighs 1 on X (see `grapheme_count`).
                let next = bytes.get(pos + clen).copied();
                if (c as u32) < 0x300
                    && next.is_none_or(|n| n < 0xCC)
                    && !(c == '\r' && next == Some(b'\n'))
                {
                    (clen, 1)
                } else {
                    let g = text[pos..range.end].graphemes(true).next()?;
                    let cost = if unit == Unit::Graphemes {
                        1
                    } else {
                        count_unit(g, Unit::Weighted)
                    };
                    (g.len(), cost)
                }
            }
        };
        if count + cost > budget {
            return Some(pos);
        }
        count += cost;
        pos += len;
    }
    None
}

/// A URL or mention starting at `pos` that counts as a whole on this platform: its end and
/// its count.
fn whole_entity(
    text: &str,
    profile: &Profile,
    url: Option<&Entity>,
    mention: Option<&Entity>,
    pos: usize,
) -> Option<(usize, usize)> {
    if let (Some(e), Some(n)) = (url.filter(|e| e.start == pos), profile.url_length) {
        // X links a URL without a scheme too; the other platforms only with one.
        let linkable = profile.unit == Unit::Weighted || url_has_scheme(&e.text);
        if linkable {
            return Some((e.end, n));
        }
    }
    let e = mention.filter(|e| e.start == pos)?;
    let s = text.get(e.start..e.end)?;
    let (at, _) = s
        .char_indices()
        .skip(1)
        .find(|(_, c)| matches!(c, '@' | '＠'))?;
    Some((e.end, count_unit(&s[..at], profile.unit)))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::platform::Profiles;

    fn profiles() -> Profiles {
        Profiles::builtin().unwrap()
    }

    fn len_on(platform: &str, text: &str) -> Length {
        let p = profiles();
        measure(text, &extract(text), p.get(platform).unwrap())
    }

    fn x(text: &str) -> usize {
        len_on("x", text).length
    }

    // ---- X weighted length ---------------------------------------------------------------

    #[test]
    fn x_latin_and_danish_weigh_one() {
        assert_eq!(x("hello"), 5);
        assert_eq!(x("æøå"), 3);
        assert_eq!(x("ÆØÅ café"), 8);
    }

    #[test]
    fn x_nfc_before_counting() {
        // "a" + combining ring composes to "å": one code point after NFC.
        assert_eq!(x("a\u{30A}"), 1);
        // Hangul jamo compose into one syllable (U+AC00, weight 2).
        assert_eq!(x("\u{1100}\u{1161}"), 2);
    }

    #[test]
    fn x_cjk_weighs_two() {
        assert_eq!(x("日本語"), 6);
        assert_eq!(x("한국"), 4);
    }

    #[test]
    fn x_emoji_sequences_weigh_two() {
        assert_eq!(x("😀"), 2);
        assert_eq!(x("👨‍👩‍👧‍👦"), 2, "ZWJ family");
        assert_eq!(x("🇩🇰"), 2, "flag");
        assert_eq!(x("1\u{FE0F}\u{20E3}"), 2, "keycap");
        assert_eq!(x("#\u{FE0F}\u{20E3}"), 2, "keycap #");
        assert_eq!(x("👍🏽"), 2, "skin tone");
        assert_eq!(x("❤\u{FE0F}"), 2, "VS16");
        assert_eq!(
            x("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"),
            2,
            "Scotland"
        );
        assert_eq!(x("👩🏽‍💻"), 2, "ZWJ + skin tone");
        assert_eq!(x("🇩🇰🇸🇪"), 4, "two flags");
        assert_eq!(x("a😀b"), 4);
    }

    #[test]
    fn x_bmp_symbols_and_text_presentation() {
        assert_eq!(x("©"), 1, "U+00A9 is in 0–10FF");
        assert_eq!(x("™"), 2, "U+2122 is outside the light ranges");
        assert_eq!(x("❤"), 2);
        assert_eq!(x("1"), 1);
        assert_eq!(x("1\u{FE0F}"), 3, "VS16 without keycap: 1 + 2");
    }

    #[test]
    fn x_general_punctuation_ranges() {
        assert_eq!(x("\u{2000}"), 1, "en quad, start of 2000–200D");
        assert_eq!(x("\u{200D}"), 1, "ZWJ, end of 2000–200D");
        assert_eq!(x("\u{200E}"), 2, "LRM is outside 2000–200D");
        assert_eq!(x("\u{200F}"), 2, "RLM is outside 2000–200D");
        assert_eq!(x("\u{2010}"), 1);
        assert_eq!(x("—"), 1, "em dash U+2014");
        assert_eq!(x("“”"), 2, "quotes U+201C/D");
        assert_eq!(x("\u{2020}"), 2, "dagger, outside 2010–201F");
        assert_eq!(x("…"), 2, "ellipsis U+2026");
        assert_eq!(x("\u{2032}\u{2037}"), 2, "primes");
        assert_eq!(x("\u{2038}"), 2);
        assert_eq!(x("\u{10FF}\u{1100}"), 3, "end of range 0–10FF");
    }

    #[test]
    fn x_urls_count_23() {
        assert_eq!(x("https://falck.dk/job?x=1"), 23);
        assert_eq!(x(&format!("https://falck.dk/{}", "a".repeat(500))), 23);
        assert_eq!(x("Se falck.dk/job nu"), 3 + 23 + 3);
        assert_eq!(x("www.example.co.uk"), 23);
        assert_eq!(x("t.co"), 23, "special short domain");
        assert_eq!(x("https://a.dk https://b.dk"), 23 + 1 + 23);
    }

    #[test]
    fn x_urls_twitter_does_not_link_count_as_text() {
        // twitter-text links a bare country-code domain (its suite: `it.so`), not a host
        // without a TLD, an IP address or a URL over 4,096 characters.
        assert_eq!(x("falck.dk"), 23);
        assert_eq!(x("http://intranet/x"), 17);
        assert_eq!(x("http://10.0.0.5/"), 16);
    }

    #[test]
    fn x_invalid_characters() {
        for c in ['\u{FFFE}', '\u{FEFF}', '\u{FFFF}'] {
            let t = format!("hej{c}");
            let l = len_on("x", &t);
            assert!(l.invalid, "{c:?}");
            assert_eq!(l.length, 5);
        }
        assert!(!len_on("x", "hej").invalid);
        assert!(
            !len_on("linkedin", "hej\u{FEFF}").invalid,
            "only X rejects them"
        );
    }

    #[test]
    fn x_280_boundary() {
        let at = "a".repeat(280);
        let l = len_on("x", &at);
        assert_eq!(l.length, 280);
        assert!(!l.is_over());
        let over = format!("{at}ø");
        let l = len_on("x", &over);
        assert_eq!(l.length, 281);
        assert!(l.is_over());
        // 140 CJK characters fill a post exactly.
        assert_eq!(x(&"字".repeat(140)), 280);
        assert_eq!(x(&format!("{}a", "字".repeat(140))), 281);
        // 257 letters + a space + a URL = 281.
        let t = format!("{} https://falck.dk/x", "a".repeat(256));
        assert_eq!(x(&t), 280);
        let t = format!("{} https://falck.dk/x", "a".repeat(257));
        assert_eq!(x(&t), 281);
    }

    // ---- Bluesky -------------------------------------------------------------------------

    #[test]
    fn bluesky_graphemes_and_bytes() {
        let l = len_on("bluesky", "æøå 👨‍👩‍👧‍👦 🇩🇰");
        assert_eq!(l.length, 7);
        assert_eq!(l.byte_length, Some("æøå 👨‍👩‍👧‍👦 🇩🇰".len()));
        assert_eq!(l.byte_limit, Some(3000));
        // URLs and mentions count as written.
        let t = "https://falck.dk/job @user@mastodon.social";
        assert_eq!(len_on("bluesky", t).length, t.len());
    }

    #[test]
    fn bluesky_byte_limit_can_be_the_binding_one() {
        // 300 family emoji: 300 graphemes (at the limit) but 7,500 bytes (over 3,000).
        let t = "👨‍👩‍👧‍👦".repeat(300);
        let l = len_on("bluesky", &t);
        assert_eq!(l.length, 300);
        assert_eq!(l.byte_length, Some(25 * 300));
        assert!(l.is_over());
        let l = len_on("bluesky", &"a".repeat(300));
        assert!(!l.is_over());
    }

    #[test]
    fn grapheme_count_fast_path_matches_segmentation() {
        for t in [
            "",
            "a",
            "abc",
            "\r\n",
            "a\r\nb",
            "\r\r\n\n",
            "e\u{301}",
            "ae\u{301}b",
            "æ",
            "aæb",
            "1\u{FE0F}\u{20E3}",
            "a👍🏽b",
            "🇩🇰🇸🇪a",
            "\u{600}a",
            "a\u{600}a",
            "a\r\n\u{301}",
            "किन्तु ok",
            "한국어 ok",
            "\u{0}\u{301}",
            "x\u{200D}y",
        ] {
            assert_eq!(grapheme_count(t), t.graphemes(true).count(), "{t:?}");
        }
    }

    #[test]
    fn grapheme_count_matches_segmentation_on_random_mixes() {
        let alphabet = [
            "a",
            "Z",
            " ",
            "\r",
            "\n",
            "æ",
            "Ø",
            "\u{2FF}",
            "\u{300}",
            "\u{301}",
            "\u{200D}",
            "\u{FE0F}",
            "\u{20E3}",
            "😀",
            "👍",
            "\u{1F3FD}",
            "🇩",
            "🇰",
            "\u{600}",
            "क",
            "\u{94D}",
            "ि",
            "한",
            "\u{1100}",
            "\u{1161}",
            "\u{11A8}",
            "\u{0}",
            "\u{85}",
            "\u{AD}",
            "1",
            "#",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..(seed % 12) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push_str(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            seed = seed.wrapping_add(0x632B_E59B_D9B4_E019);
            assert_eq!(grapheme_count(&t), t.graphemes(true).count(), "{t:?}");
            assert_eq!(utf16_len(&t), t.encode_utf16().count(), "{t:?}");
        }
    }

    // ---- Mastodon ------------------------------------------------------------------------

    #[test]
    fn mastodon_urls_with_scheme_count_23() {
        assert_eq!(
            len_on("mastodon", &format!("https://falck.dk/{}", "a".repeat(100))).length,
            23
        );
        // Without a scheme, a URL counts as written.
        assert_eq!(len_on("mastodon", "falck.dk/job").length, 12);
        // A scheme but no known TLD: as written.
        assert_eq!(len_on("mastodon", "http://intranet/x").length, 17);
    }

    #[test]
    fn mastodon_mentions_count_without_domain() {
        assert_eq!(len_on("mastodon", "@user@mastodon.social").length, 5);
        assert_eq!(
            len_on("mastodon", "Hej @user@mastodon.social!").length,
            4 + 5 + 1
        );
        assert_eq!(len_on("mastodon", "@falck").length, 6);
        assert_eq!(len_on("mastodon", "👨‍👩‍👧‍👦 æ").length, 3);
        let t = "@a@b.social https://x.dk/1 @c@d.social";
        assert_eq!(len_on("mastodon", t).length, 2 + 1 + 23 + 1 + 2);
    }

    // ---- UTF-16 platforms ----------------------------------------------------------------

    #[test]
    fn utf16_platforms() {
        let t = "æøå 😀 👨‍👩‍👧‍👦 https://falck.dk/job";
        let want = t.encode_utf16().count();
        for p in ["linkedin", "threads", "instagram", "facebook", "tiktok"] {
            let l = len_on(p, t);
            assert_eq!(l.length, want, "{p}");
            assert_eq!(l.byte_length, None);
        }
        assert_eq!(utf16_len("😀"), 2);
        assert_eq!(utf16_len("æ"), 1);
        assert_eq!(utf16_len("日"), 1);
    }

    #[test]
    fn count_units() {
        let t = "e\u{301}😀";
        assert_eq!(count_unit(t, Unit::Bytes), 7);
        assert_eq!(count_unit(t, Unit::Chars), 3);
        assert_eq!(count_unit(t, Unit::Utf16), 4);
        assert_eq!(count_unit(t, Unit::Graphemes), 2);
        assert_eq!(
            count_unit(t, Unit::Weighted),
            3,
            "NFC makes é one code point"
        );
    }

    #[test]
    fn mismatched_entities_do_not_panic() {
        let bogus = Entities {
            urls: vec![
                Entity {
                    text: "https://falck.dk".into(),
                    start: 1,
                    end: 3,
                },
                Entity {
                    text: "https://falck.dk".into(),
                    start: 0,
                    end: 999,
                },
            ],
            mentions: vec![Entity {
                text: "a@b.dk".into(),
                start: 5,
                end: 2,
            }],
            ..Entities::default()
        };
        for p in profiles().iter() {
            let _ = measure("æøå", &bogus, p);
        }
    }

    #[test]
    fn length_serializes_compactly() {
        let l = len_on("linkedin", "hej");
        let json = serde_json_like(&l);
        assert!(
            !json.contains("byte_length") && !json.contains("invalid"),
            "{json}"
        );
        let l = len_on("bluesky", "hej");
        assert!(serde_json_like(&l).contains("byte_length"));
    }

    /// Serializes through toml (a serde serializer we already depend on) to check field
    /// skipping without adding serde_json to this module's dependencies.
    fn serde_json_like(l: &Length) -> String {
        toml::to_string(l).unwrap()
    }
}
