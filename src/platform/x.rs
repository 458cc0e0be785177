//! X's weighted length: twitter-text's configuration v3.

use crate::emoji;
use crate::entities::Entities;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// twitter-text v3 (`v3.json`, shipped with its licence in `rules/`): code points in these ranges
/// weigh 1, all others 2. Latin, Greek, Cyrillic, Hebrew, Arabic, Indic … (U+0000–U+10FF), the
/// spaces and dashes of General Punctuation and the primes count 1; CJK, emoji and most
/// symbols 2. U+200E/U+200F (directional marks) fall *outside* U+2000–U+200D and weigh 2.
const X_LIGHT_RANGES: [(u32, u32); 4] = [
    (0x0000, 0x10FF),
    (0x2000, 0x200D),
    (0x2010, 0x201F),
    (0x2032, 0x2037),
];

#[inline]
fn x_weight(c: char) -> usize {
    let cp = c as u32;
    if X_LIGHT_RANGES
        .iter()
        .any(|&(lo, hi)| (lo..=hi).contains(&cp))
    {
        1
    } else {
        2
    }
}

/// X's weighted length of `text`, and whether X would reject it (U+FFFE, U+FEFF, U+FFFF).
///
/// Linkable URLs count `url_length`; the text between them is NFC-normalised (as twitter-text
/// does before counting) and weighed per code point, except that an emoji sequence counts 2
/// as a whole.
pub(super) fn x_weighted_length(
    text: &str,
    entities: &Entities,
    url_length: usize,
) -> (usize, bool) {
    let mut acc = XAcc::default();
    let mut pos = 0;
    for url in &entities.urls {
        let Some(before) = text.get(pos..url.start) else {
            continue;
        };
        if text.get(url.start..url.end).is_none() {
            continue;
        }
        acc.segment(before);
        acc.weight += url_length;
        pos = url.end;
    }
    acc.segment(&text[pos..]);
    (acc.weight, acc.invalid)
}

#[derive(Default)]
struct XAcc {
    weight: usize,
    invalid: bool,
}

impl XAcc {
    fn segment(&mut self, s: &str) {
        if s.is_ascii() {
            // Every ASCII char weighs 1 and is already NFC; none starts an emoji sequence that
            // counts differently (a keycap needs U+20E3).
            self.weight += s.len();
        } else if surely_nfc(s.as_bytes()) || is_nfc_quick(s.chars()) == IsNormalized::Yes {
            self.weigh(s);
        } else {
            self.weigh(&s.nfc().collect::<String>());
        }
    }

    /// Weighs `s` (already in NFC) char by char; each emoji sequence
    /// ([`emoji::sequence_end`]) weighs 2 as a whole.
    fn weigh(&mut self, s: &str) {
        // The end of the emoji sequence being skipped.
        let mut skip_to = 0;
        for (i, c) in s.char_indices() {
            if i < skip_to {
                continue;
            }
            // Fast path for the bulk of Latin text: below U+00A9 nothing is an emoji, and
            // only digits, `#` and `*` can start a keycap.
            if (c as u32) < 0xA9 && !emoji::is_keycap_base(c) {
                self.weight += 1;
                continue;
            }
            if matches!(c, '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}') {
                self.invalid = true;
            }
            if let Some(end) = emoji::sequence_end(s, i, c) {
                self.weight += 2;
                skip_to = end;
            } else {
                self.weight += x_weight(c);
            }
        }
    }
}

/// A cheap byte-level pre-check that `s` is already in NFC: every char is below U+0300
/// (Latin-1 and Latin Extended, no combining marks), in U+4000–U+9FFF (CJK ideographs, which
/// have no canonical decompositions) or in U+1F000–U+1FFFF (emoji, likewise). When it says
/// no, the exact quick-check runs.
fn surely_nfc(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        let ok =
            b < 0xCC || (0xE4..=0xE9).contains(&b) || (b == 0xF0 && s.get(i + 1) == Some(&0x9F));
        if !ok {
            return false;
        }
        // Continuation bytes (0x80–0xBF) are below 0xCC and pass; lead bytes decide.
        i += 1;
    }
    true
}
