//! Text as it may be written to a terminal: control characters made visible.
//!
//! A post, a batch record's id or a term in a message can contain an escape sequence
//! (`ESC [2J` clears the screen; `ESC ]8;;` makes a link), a carriage return that overwrites
//! what was drawn, or a bidirectional override that makes the underline point at other words
//! (CVE-2021-42574, "Trojan Source"). Written raw, the employee would see something other
//! than their post. Each such character is shown as one visible character instead — the C0
//! controls and DEL as their Control Pictures (`␛`, `␍`, `␡`), C1 controls and the
//! bidirectional embeddings, overrides and isolates as `�` — so columns still count the same.
//! JSON, SARIF and JSON Lines escape what they must and are not affected.

use std::borrow::Cow;

/// The visible stand-in for `c`, if `c` must not reach a terminal. `keep_layout` keeps line
/// feeds and tabs (for a drawn text window); otherwise (a name or a message on one line) they
/// are shown too.
fn stand_in(c: char, keep_layout: bool) -> Option<char> {
    match c {
        '\n' | '\t' if keep_layout => None,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some('\u{fffd}'),
        _ => None,
    }
}

fn needs(c: char) -> bool {
    c < ' '
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A one-line string (a source name, a message, a title) with every control character shown.
pub(crate) fn line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| stand_in(c, false).unwrap_or(c)).collect())
}

/// A post's text as drawn, with a map from offsets in the post to offsets in the drawn text
/// (the stand-ins are longer in UTF-8 than most of what they stand for).
#[cfg(feature = "fancy")]
pub(crate) struct Shown<'a> {
    /// The text to draw.
    pub text: Cow<'a, str>,
    /// For each replaced character: its offset in the post and the shift after it.
    shifts: Vec<(usize, isize)>,
}

#[cfg(feature = "fancy")]
impl<'a> Shown<'a> {
    /// The drawn form of `text`; borrowed (and free) when nothing needs replacing.
    pub fn new(text: &'a str) -> Shown<'a> {
        let clean = {
            let mut chars = text.chars().peekable();
            let mut clean = true;
            while let Some(c) = chars.next() {
                let layout = c == '\n' || c == '\t' || (c == '\r' && chars.peek() == Some(&'\n'));
                if needs(c) && !layout {
                    clean = false;
                    break;
                }
            }
            clean
        };
        if clean {
            return Shown {
                text: Cow::Borrowed(text),
                shifts: Vec::new(),
            };
        }
        let mut out = String::with_capacity(text.len() + 16);
        let mut shifts = Vec::new();
        let mut shift = 0isize;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            // A carriage return before a line feed is a Windows line end, drawn as one.
            let crlf = c == '\r' && matches!(chars.peek(), Some((_, '\n')));
            match stand_in(c, true).filter(|_| !crlf) {
                Some(r) => {
                    out.push(r);
                    shift += r.len_utf8() as isize - c.len_utf8() as isize;
                    shifts.push((i + c.len_utf8(), shift));
                }
                None => out.push(c),
            }
        }
        Shown {
            text: Cow::Owned(out),
            shifts,
        }
    }

    /// Where byte `offset` of the post is in the drawn text.
    pub fn offset(&self, offset: usize) -> usize {
        let i = self.shifts.partition_point(|&(at, _)| at <= offset);
        let shift = if i == 0 { 0 } else { self.shifts[i - 1].1 };
        offset.saturating_add_signed(shift).min(self.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(line("Hej æøå – ✓"), Cow::Borrowed(_)));
        #[cfg(feature = "fancy")]
        assert!(matches!(Shown::new("a\r\nb\tc").text, Cow::Borrowed(_)));
    }

    #[cfg(feature = "fancy")]
    #[test]
    fn controls_become_visible_and_offsets_follow() {
        let text = "a\u{1b}[2Jb\u{202e}cd\re\u{85}f";
        let shown = Shown::new(text);
        assert_eq!(shown.text, "a\u{241b}[2Jb\u{fffd}cd\u{240d}e\u{fffd}f");
        for (i, c) in text.char_indices() {
            let j = shown.offset(i);
            let drawn = shown.text[j..].chars().next().unwrap();
            assert_eq!(
                drawn == c,
                stand_in(c, true).is_none(),
                "{i} {c:?} -> {drawn:?}"
            );
        }
        assert_eq!(shown.offset(text.len()), shown.text.len());
        // Characters counted the same, so columns agree with the JSON report.
        assert_eq!(shown.text.chars().count(), text.chars().count());
        assert_eq!(line("id\n\u{1b}]8;;x"), "id\u{240a}\u{241b}]8;;x");
    }
}
