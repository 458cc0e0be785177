//! Emoji: the one place that decides what an emoji is and where each one starts and ends.
//!
//! An emoji is often several code points that show as one picture: a ZWJ family (👨‍👩‍👧‍👦),
//! a skin tone (👍🏽), a flag (🇩🇰), a keycap (1️⃣), a symbol with the emoji selector VS16
//! (❤️, ©️) or a tag sequence (the Scottish flag 🏴󠁧󠁢󠁳󠁣󠁴󠁿). [`emoji_sequences`] finds each
//! whole sequence. The document ([`crate::document::Document::emoji`]) runs it once per post
//! for the rules, and X's weighted length ([`crate::platform`]) counts each sequence as 2.
//!
//! The rules follow UTS #51, with the emoji properties of the Unicode Character Database as
//! the `unicode-properties` crate ships them (no hand-kept table of code points):
//! - two regional indicators are a flag; a lone one is a letter, not an emoji;
//! - `0`–`9`, `#` or `*`, an optional VS16 and U+20E3 are a keycap;
//! - a character with `Emoji=Yes` followed by modifiers (VS16, skin tones, tags, the keycap
//!   mark) or by ZWJ-joined emoji characters is an emoji, however it looks on its own;
//! - an emoji character on its own is an emoji only when it has `Emoji_Presentation=Yes`
//!   (🚑, ⚡), not a text symbol (©, ™, ↔, ❤ without VS16) or an enclosed letter that fancy
//!   text uses (🅰); symbols that are no emoji at all (✓, ➜, ★) never are;
//! - a character followed by VS15 (U+FE0E, "show as text") is not an emoji.

use std::ops::Range;
use unicode_properties::UnicodeEmoji;

const ZWJ: char = '\u{200D}';
const VS15: char = '\u{FE0E}';
const VS16: char = '\u{FE0F}';
const KEYCAP: char = '\u{20E3}';

/// The byte ranges of the emoji sequences in `text`, in order: in "Hej 👋🏽 fra 🇩🇰 og 👨‍👩‍👧
/// © 2026" they are 👋🏽, 🇩🇰 and 👨‍👩‍👧 (a unit test below says so).
pub fn emoji_sequences(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    // Everything but a keycap needs a non-ASCII char, and a keycap needs U+20E3.
    let mut i = if text.is_ascii() { bytes.len() } else { 0 };
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let b = bytes[i];
            let start = i;
            if b < 0x80 {
                i += 1;
                if is_keycap_base(b as char) {
                    if let Some(end) = keycap_end(text, i) {
                        i = end;
                        return Some(start..end);
                    }
                }
                continue;
            }
            // Only these lead bytes can start an emoji: U+00A9/U+00AE (C2), U+2000–U+2FFF (E2),
            // U+3000–U+3FFF (E3) and U+1F000–U+1FFFF (F0 9F). Skipping the rest by their
            // length keeps Danish and CJK text cheap.
            let candidate = match b {
                0xC2 | 0xE2 | 0xE3 => true,
                0xF0 => bytes.get(i + 1) == Some(&0x9F),
                _ => false,
            };
            if !candidate {
                i += utf8_len(b);
                continue;
            }
            let Some(c) = char_at(text, i) else {
                i += 1;
                continue;
            };
            i += c.len_utf8();
            if let Some(end) = sequence_end(text, start, c) {
                i = end;
                return Some(start..end);
            }
        }
        None
    })
}

/// If an emoji sequence starts at byte `start` of `text`, where the char `c` is, the byte
/// offset where it ends.
#[inline]
pub fn sequence_end(text: &str, start: usize, c: char) -> Option<usize> {
    let after = start + c.len_utf8();
    if is_keycap_base(c) {
        return keycap_end(text, after);
    }
    if is_regional_indicator(c) {
        return char_at(text, after)
            .filter(|&d| is_regional_indicator(d))
            .map(|d| after + d.len_utf8());
    }
    if !is_pictographic(c) {
        return None;
    }
    let mut end = after;
    loop {
        match char_at(text, end) {
            Some(m) if is_modifier(m) => end += m.len_utf8(),
            Some(ZWJ) => match char_at(text, end + ZWJ.len_utf8()) {
                Some(n) if is_pictographic(n) => end += ZWJ.len_utf8() + n.len_utf8(),
                _ => break,
            },
            Some(VS15) if end == after => return None,
            _ => break,
        }
    }
    (end > after || is_emoji_by_default(c)).then_some(end)
}

/// The end of a keycap whose base ends at byte `after`: an optional VS16, then U+20E3.
#[inline]
fn keycap_end(text: &str, after: usize) -> Option<usize> {
    let rest = text.get(after..)?;
    let skip = if rest.starts_with(VS16) {
        VS16.len_utf8()
    } else {
        0
    };
    rest[skip..]
        .starts_with(KEYCAP)
        .then_some(after + skip + KEYCAP.len_utf8())
}

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The length of the UTF-8 sequence a lead byte starts (1 for a stray continuation byte).
#[inline]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// `0`–`9`, `#` and `*`: the bases of keycaps.
#[inline]
pub fn is_keycap_base(c: char) -> bool {
    matches!(c, '0'..='9' | '#' | '*')
}

/// The regional indicators 🇦–🇿, two of which make a flag.
#[inline]
pub fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// What belongs to the emoji before it: VS16, skin tones, tag characters (subdivision flags
/// such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿) and the combining keycap.
#[inline]
pub fn is_modifier(c: char) -> bool {
    matches!(c, VS16 | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}' | KEYCAP)
}

/// Characters an emoji sequence can be built on: `Emoji=Yes` beyond ASCII (the ASCII ones,
/// digits, `#` and `*`, only as keycaps) and not a regional indicator (flags are pairs).
#[inline]
pub fn is_pictographic(c: char) -> bool {
    !c.is_ascii() && !is_regional_indicator(c) && c.is_emoji_char()
}

/// Emoji characters that show as emoji on their own, without VS16: `Emoji_Presentation=Yes`.
/// Not the text symbols (©, ™, ↔, ▶, ❤) nor the enclosed letters that [`crate::fancy`]
/// treats as fancy text (🅰, 🄰).
#[inline]
pub fn is_emoji_by_default(c: char) -> bool {
    use unicode_properties::EmojiStatus as S;
    matches!(
        c.emoji_status(),
        S::EmojiPresentation
            | S::EmojiPresentationAndModifierBase
            | S::EmojiPresentationAndEmojiComponent
            | S::EmojiPresentationAndModifierAndEmojiComponent
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequences_of_a_greeting() {
        let t = "Hej 👋🏽 fra 🇩🇰 og 👨‍👩‍👧 © 2026";
        let found: Vec<&str> = emoji_sequences(t).map(|r| &t[r]).collect();
        assert_eq!(found, ["👋🏽", "🇩🇰", "👨‍👩‍👧"]);
    }

    fn emoji(t: &str) -> Vec<&str> {
        emoji_sequences(t).map(|r| &t[r]).collect()
    }

    #[test]
    fn whole_sequences() {
        assert_eq!(emoji("Hej 🚑 og 🔥🔥"), ["🚑", "🔥", "🔥"]);
        assert_eq!(
            emoji("👍🏽 👨‍👩‍👧‍👦 🇩🇰 1️⃣ #️⃣ *⃣ ❤️ ❤ 👩🏽‍💻"),
            ["👍🏽", "👨‍👩‍👧‍👦", "🇩🇰", "1️⃣", "#️⃣", "*⃣", "❤️", "👩🏽‍💻"]
        );
        // A bare ❤ (U+2764) has text presentation by default in UTS #51; phones' keyboards
        // send it with VS16, as above.
        assert!(emoji("❤ ☀ ✈").is_empty());
        let scotland = "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
        assert_eq!(emoji(&format!("Go {scotland}!")), [scotland]);
        assert_eq!(emoji("🇩🇰🇸🇪"), ["🇩🇰", "🇸🇪"]);
        assert_eq!(emoji("❤️‍🔥"), ["❤️‍🔥"]);
    }

    #[test]
    fn text_symbols_and_fancy_letters_are_not_emoji() {
        assert!(emoji("© 2026 Falck™ ↔ æøå 𝐁𝐨𝐥𝐝 🅰🅱 Ⓐ 123 #job 日本語").is_empty());
        // Check marks, arrows and stars of bullet lists are text, not emoji.
        assert!(emoji("✓ Klar ➜ næste ★★★ ☆ ✔ ✗ ➤ ▪ • → ⇒").is_empty());
        // Their emoji cousins are emoji: ✅ and ⭐ show as pictures by default, ✔ with VS16.
        assert_eq!(emoji("✅ ⭐ ✔️"), ["✅", "⭐", "✔️"]);
        // With VS16 they are.
        assert_eq!(emoji("©️ ™️ 🅰️"), ["©️", "™️", "🅰️"]);
        // VS15 asks for the text form.
        assert!(emoji("❤\u{FE0E} ☺\u{FE0E}").is_empty());
    }

    #[test]
    fn broken_sequences_do_not_panic() {
        assert!(emoji("🇩 x").is_empty());
        assert_eq!(emoji("🔥\u{200D}"), ["🔥"]);
        assert_eq!(emoji("🔥\u{200D}a"), ["🔥"]);
        assert!(emoji("9\u{FE0F}").is_empty());
        assert!(emoji("#\u{FE0F}").is_empty());
        assert!(emoji("\u{FE0F}\u{200D}\u{20E3}").is_empty());
        assert_eq!(
            emoji("\u{FE0F}\u{1F3FB}"),
            ["\u{1F3FB}"],
            "a lone skin tone"
        );
    }

    #[test]
    fn spans_are_byte_ranges() {
        let t = "æ😀ø";
        let mut spans = emoji_sequences(t);
        assert_eq!(spans.next(), Some(2..6));
        assert_eq!(spans.next(), None);
    }
}
