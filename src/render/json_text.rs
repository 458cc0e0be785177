//! JSON text as every report format writes it: serde_json, except that U+2028 and U+2029
//! (line and paragraph separator) are written as `\u2028` and `\u2029`.
//!
//! Both are valid inside a JSON string, but many readers of JSON Lines split on them — Python's
//! `str.splitlines()`, JavaScript before ES2019, editors — and a post pasted from a word
//! processor can contain them. Escaped, a line of `--format jsonl` is always one line.

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};
use std::io::{self, Write};

/// Wraps a formatter and escapes the two separators in strings; everything else is the
/// inner formatter's.
struct LineSafe<F>(F);

impl<F: Formatter> Formatter for LineSafe<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // U+2028 is E2 80 A8 and U+2029 is E2 80 A9 in UTF-8; 0xE2 starts no other ASCII.
        let bytes = fragment.as_bytes();
        let mut last = 0;
        let mut i = 0;
        while let Some(p) = bytes[i..].iter().position(|&b| b == 0xE2) {
            let at = i + p;
            match bytes.get(at + 1..at + 3) {
                Some([0x80, 0xA8]) | Some([0x80, 0xA9]) => {
                    writer.write_all(&bytes[last..at])?;
                    writer.write_all(if bytes[at + 2] == 0xA8 {
                        b"\\u2028"
                    } else {
                        b"\\u2029"
                    })?;
                    last = at + 3;
                    i = at + 3;
                }
                _ => i = at + 1,
            }
        }
        writer.write_all(&bytes[last..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Writes `value` as one line of JSON.
pub(crate) fn to_writer<W: Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(writer, LineSafe(CompactFormatter));
    value.serialize(&mut ser)
}

/// `value` as indented JSON.
pub(crate) fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::with_capacity(4096);
    let mut ser =
        serde_json::Serializer::with_formatter(&mut out, LineSafe(PrettyFormatter::new()));
    // Serialising plain data with string keys into memory cannot fail.
    if value.serialize(&mut ser).is_err() {
        return String::new();
    }
    // serde_json writes only UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// `value` as one line of JSON.
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::with_capacity(1024);
    if to_writer(&mut out, value).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_escaped_and_the_rest_is_unchanged() {
        let text = "a\u{2028}b\u{2029}c – æøå ✓ \u{2027}\u{202A}\n\"";
        let one = to_string(&text);
        assert!(
            !one.contains('\u{2028}') && !one.contains('\u{2029}'),
            "{one}"
        );
        assert_eq!(one, "\"a\\u2028b\\u2029c – æøå ✓ \u{2027}\u{202A}\\n\\\"\"");
        let back: String = serde_json::from_str(&one).unwrap();
        assert_eq!(back, text);
        let pretty = to_string_pretty(&serde_json::json!({"k": [text]}));
        assert_eq!(
            pretty,
            serde_json::to_string_pretty(&serde_json::json!({"k": [text]}))
                .unwrap()
                .replace('\u{2028}', "\\u2028")
                .replace('\u{2029}', "\\u2029")
        );
    }
}
