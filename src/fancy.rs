//! Unicode "fancy text": 𝐁𝐨𝐥𝐝, 𝘪𝘵𝘢𝘭𝘪𝘤, 𝓼𝓬𝓻𝓲𝓹𝓽, 𝔣𝔯𝔞𝔨𝔱𝔲𝔯, 𝕕𝕠𝕦𝕓𝕝𝕖, 𝚖𝚘𝚗𝚘, Ｆｕｌｌｗｉｄｔｈ, Ⓒⓘⓡⓒⓛⓔⓓ,
//! 🅂🅀🅄🄰🅁🄴🄳, ꜱᴍᴀʟʟ ᴄᴀᴘꜱ — letters borrowed from maths and other scripts to fake styling.
//!
//! It matters for a linter because screen readers spell such text out letter by letter (or
//! say nothing), search and hashtags do not match it, and every term rule misses it: a banned
//! word written in bold letters would otherwise pass. [`fancy_runs`] finds each run and its
//! plain spelling, so a rule can flag the run and other rules can match the plain text.
//!
//! The mapping comes from Unicode's own compatibility decompositions (NFKC) wherever they
//! exist, and from small tables where they do not (small capitals, negative circled and
//! squared letters).

use std::ops::Range;
use unicode_normalization::char::decompose_compatible;

/// How sure we are that a character is fancy text rather than ordinary use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// Only ever used to fake styling (𝐁, Ⓐ, ᴀ, fullwidth letters).
    Strong,
    /// Has ordinary uses too: fullwidth digits and punctuation in CJK text, ℓ for litre, ℝ in
    /// maths. Counted only inside a run that also has a strong character.
    Weak,
}

/// The plain character for a fancy one, if `c` is fancy.
pub fn unfancy_char(c: char) -> Option<char> {
    classify(c).map(|(plain, _)| plain)
}

/// Classifies one character: its plain form and how sure we are.
fn classify(c: char) -> Option<(char, Strength)> {
    let cp = c as u32;
    // Everything fancy is above U+0262; Latin text is checked with one comparison.
    if cp < 0x0262 {
        return None;
    }
    match cp {
        // Mathematical Alphanumeric Symbols: bold, italic, script, fraktur, double-struck,
        // sans-serif, monospace letters and digits, and the maths Greek.
        0x1D400..=0x1D7FF => compat_single(c).map(|p| (p, Strength::Strong)),
        // Fullwidth ASCII: letters are styling in Latin text; digits and punctuation are
        // ordinary in Chinese and Japanese.
        0xFF01..=0xFF5E => {
            let p = char::from_u32(cp - 0xFF01 + 0x21)?;
            let s = if p.is_ascii_alphabetic() {
                Strength::Strong
            } else {
                Strength::Weak
            };
            Some((p, s))
        }
        // Circled Ⓐ–ⓩ, parenthesized ⒜–⒵, squared 🄰–🅉 and parenthesized 🄐–🄩: NFKC gives
        // the letter (for the parenthesized ones, inside parentheses).
        0x24B6..=0x24E9 | 0x249C..=0x24B5 | 0x1F110..=0x1F129 | 0x1F130..=0x1F149 => {
            compat_letter(c).map(|p| (p, Strength::Strong))
        }
        // Negative circled 🅐–🅩 and negative squared 🅰–🆉 have no decomposition.
        0x1F150..=0x1F169 => {
            char::from_u32(cp - 0x1F150 + 'A' as u32).map(|p| (p, Strength::Strong))
        }
        0x1F170..=0x1F189 => {
            char::from_u32(cp - 0x1F170 + 'A' as u32).map(|p| (p, Strength::Strong))
        }
        // Letterlike symbols fill the holes of the maths alphabets (script B is ℬ, double-struck
        // C is ℂ); on their own they are units and maths.
        0x2102
        | 0x210A..=0x2113
        | 0x2115
        | 0x2119..=0x211D
        | 0x2124
        | 0x2128
        | 0x212C
        | 0x212D
        | 0x212F..=0x2131
        | 0x2133
        | 0x2134 => compat_single(c).map(|p| (p, Strength::Weak)),
        _ => small_cap(c).map(|p| (p, Strength::Strong)),
    }
}

/// The compatibility decomposition of `c` if it is a single letter or digit.
fn compat_single(c: char) -> Option<char> {
    let mut out = None;
    let mut n = 0;
    decompose_compatible(c, |d| {
        n += 1;
        out = Some(d);
    });
    out.filter(|d| n == 1 && *d != c && d.is_alphanumeric())
}

/// The single letter in the compatibility decomposition of `c` (`⒜` → `(a)` → `a`).
fn compat_letter(c: char) -> Option<char> {
    let mut out = None;
    decompose_compatible(c, |d| {
        if d.is_alphanumeric() {
            out = Some(d);
        }
    });
    out
}

/// Small-capital look-alikes used by "small caps" generators (mostly IPA letters), mapped to
/// lower-case ASCII.
fn small_cap(c: char) -> Option<char> {
    Some(match c {
        'ᴀ' => 'a',
        'ʙ' => 'b',
        'ᴄ' => 'c',
        'ᴅ' => 'd',
        'ᴇ' => 'e',
        'ꜰ' => 'f',
        'ɢ' => 'g',
        'ʜ' => 'h',
        'ɪ' => 'i',
        'ᴊ' => 'j',
        'ᴋ' => 'k',
        'ʟ' => 'l',
        'ᴍ' => 'm',
        'ɴ' => 'n',
        'ᴏ' => 'o',
        'ᴘ' => 'p',
        'ʀ' => 'r',
        'ꜱ' => 's',
        'ᴛ' => 't',
        'ᴜ' => 'u',
        'ᴠ' => 'v',
        'ᴡ' => 'w',
        'ʏ' => 'y',
        'ᴢ' => 'z',
        _ => return None,
    })
}

/// Characters that may sit between fancy characters without ending the run: spaces and ASCII
/// punctuation (`𝐁𝐞𝐬𝐭 𝐣𝐨𝐛!` is one run up to the `𝐛`). Line breaks end a run.
fn is_joiner(c: char) -> bool {
    c == ' '
        || c == '\u{00A0}'
        || c == '\u{3000}'
        || (c.is_ascii_punctuation() && c != '#' && c != '@')
}

/// Each maximal run of fancy characters, with its plain spelling.
///
/// A run may contain spaces and punctuation between fancy characters (kept as they are), and
/// plain ASCII letters between small capitals (generators have no small-cap `x` or `q`). A run
/// made only of characters with ordinary uses (fullwidth punctuation, `ℓ`) is not reported.
/// Ranges are byte ranges into `text`, on char boundaries.
pub fn fancy_runs(text: &str) -> Vec<(Range<usize>, String)> {
    let mut runs = Vec::new();
    // Fast path: nothing fancy is ASCII.
    if text.is_ascii() {
        return runs;
    }
    // The run being built: start, end of its last fancy char, replacement up to that char,
    // whether it has a strong char, whether its last fancy char was a small capital.
    struct Run {
        start: usize,
        end: usize,
        plain: String,
        strong: bool,
        small_caps: bool,
    }
    let mut current: Option<Run> = None;
    let finish = |run: Option<Run>, runs: &mut Vec<(Range<usize>, String)>| {
        if let Some(r) = run {
            if r.strong {
                runs.push((r.start..r.end, r.plain));
            }
        }
    };
    for (i, c) in text.char_indices() {
        if let Some((plain, strength)) = classify(c) {
            let run = current.get_or_insert_with(|| Run {
                start: i,
                end: i,
                plain: String::new(),
                strong: false,
                small_caps: false,
            });
            // Copy the joiners between the previous fancy char and this one.
            run.plain.push_str(&text[run.end..i]);
            run.plain.push(plain);
            run.end = i + c.len_utf8();
            run.strong |= strength == Strength::Strong;
            run.small_caps = small_cap(c).is_some();
        } else if let Some(run) = &current {
            let continues = is_joiner(c) || (run.small_caps && c.is_ascii_alphabetic());
            if !continues {
                finish(current.take(), &mut runs);
            }
        }
    }
    finish(current.take(), &mut runs);
    // Plain ASCII letters inside a small-caps run were copied as joiners; they are already
    // plain. Nothing else to fix up.
    runs
}

/// The whole text with every fancy run replaced by its plain spelling, or `None` when the
/// text has no fancy run.
#[cfg(test)]
pub fn unfancy(text: &str) -> Option<String> {
    let runs = fancy_runs(text);
    if runs.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (range, plain) in &runs {
        out.push_str(&text[pos..range.start]);
        out.push_str(plain);
        pos = range.end;
    }
    out.push_str(&text[pos..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(t: &str) -> Vec<String> {
        fancy_runs(t).into_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn maths_alphabets() {
        assert_eq!(plain("𝐁𝐞𝐬𝐭"), ["Best"]);
        assert_eq!(plain("𝘩𝘦𝘫"), ["hej"]);
        assert_eq!(plain("𝓼𝓬𝓻𝓲𝓹𝓽 𝔣𝔯𝔞𝔨𝔱𝔲𝔯"), ["script fraktur"]);
        assert_eq!(plain("𝕕𝕠𝕦𝕓𝕝𝕖 𝚖𝚘𝚗𝚘 𝟏𝟐𝟑"), ["double mono 123"]);
        assert_eq!(plain("𝗦𝗮𝗻𝘀 𝙗𝙤𝙡𝙙"), ["Sans bold"]);
    }

    #[test]
    fn letterlike_holes_inside_a_run() {
        // Script capital B and H, double-struck C live in Letterlike Symbols.
        assert_eq!(plain("ℬ𝓮𝓼𝓽"), ["Best"]);
        assert_eq!(plain("ℂ𝕠𝕗𝕗𝕖𝕖"), ["Coffee"]);
        // On its own, ℓ (litre) is not fancy text.
        assert!(plain("2 ℓ mælk").is_empty());
    }

    #[test]
    fn fullwidth() {
        assert_eq!(plain("Ｆａｌｃｋ"), ["Falck"]);
        assert_eq!(plain("Ｆａｌｃｋ！"), ["Falck!"]);
        // Fullwidth punctuation in Japanese text is ordinary.
        assert!(plain("こんにちは！（テスト）１２３").is_empty());
    }

    #[test]
    fn circled_squared_parenthesized() {
        assert_eq!(plain("Ⓕⓐⓛⓒⓚ"), ["Falck"]);
        assert_eq!(plain("🅵🅰🅻🅲🅺"), ["FALCK"]);
        assert_eq!(plain("🄵🄰🄻🄲🄺"), ["FALCK"]);
        assert_eq!(plain("🅕🅐🅛🅒🅚"), ["FALCK"]);
        assert_eq!(plain("⒡⒜⒧⒞⒦"), ["falck"]);
    }

    #[test]
    fn small_caps() {
        assert_eq!(plain("ᴊᴏʙ ɪ ᴀᴀʀʜᴜꜱ"), ["job i aarhus"]);
        // Generators have no small-cap x; the plain x stays inside the run.
        assert_eq!(plain("ᴇxᴀᴍᴘʟᴇ"), ["example"]);
    }

    #[test]
    fn runs_and_ranges() {
        let t = "Vi er 𝐁𝐞𝐬𝐭 𝐢𝐧 𝐃𝐊! og Ｆａｌｃｋ";
        let runs = fancy_runs(t);
        assert_eq!(runs.len(), 2);
        assert_eq!(&t[runs[0].0.clone()], "𝐁𝐞𝐬𝐭 𝐢𝐧 𝐃𝐊");
        assert_eq!(runs[0].1, "Best in DK");
        assert_eq!(runs[1].1, "Falck");
        assert_eq!(unfancy(t).unwrap(), "Vi er Best in DK! og Falck");
    }

    #[test]
    fn line_break_ends_a_run() {
        assert_eq!(plain("𝐀𝐁\n𝐂𝐃"), ["AB", "CD"]);
    }

    #[test]
    fn plain_text_has_no_runs() {
        assert!(fancy_runs("Hej med dig æøå ÆØÅ café naïve").is_empty());
        assert!(fancy_runs("日本語 한국어 Москва العربية").is_empty());
        assert_eq!(unfancy("plain"), None);
        assert_eq!(unfancy_char('a'), None);
        assert_eq!(unfancy_char('𝐚'), Some('a'));
    }

    #[test]
    fn no_panic_on_odd_input() {
        for t in [
            "\u{1D455}",
            "\u{1D7FF}\u{0}",
            "𝐀\u{301}𝐁",
            "\u{FF5E}\u{FF01}",
            "𝐀 ",
            " 𝐀",
        ] {
            for (r, _) in fancy_runs(t) {
                assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
            }
        }
        // U+1D455 is a hole in the italic alphabet (italic h is U+210E): unassigned.
        assert!(fancy_runs("\u{1D455}").is_empty());
    }
}
