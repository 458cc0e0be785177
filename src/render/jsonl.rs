//! JSON Lines (`--format jsonl`): one compact `posts[]` object per line, for batch pipelines
//! that route each post as soon as its line arrives.

use super::json::PostOut;
use super::{Fields, Item};

/// Writes one post as one line, straight to `out` (for streaming a batch: each report can be
/// dropped as soon as it is written).
pub(super) fn write_one<W: std::io::Write>(
    out: &mut W,
    item: &Item<'_>,
    fields: Fields,
) -> std::io::Result<()> {
    super::json_text::to_writer(&mut *out, &PostOut::new(item, fields)).map_err(io_error)?;
    out.write_all(b"\n")
}

/// Keeps the kind of an I/O error, so a closed pipe is still recognised as one.
fn io_error(e: serde_json::Error) -> std::io::Error {
    match e.io_error_kind() {
        Some(kind) => std::io::Error::new(kind, e),
        None => std::io::Error::other(e),
    }
}

/// The line written in place of a batch line that could not be a post.
#[derive(serde::Serialize)]
struct ErrorRecord<'a> {
    source: &'a str,
    line: usize,
    error: &'a str,
}

/// Writes an error record: `{"source": "batch.jsonl:3", "line": 3, "error": "…"}`.
pub(super) fn write_error<W: std::io::Write>(
    out: &mut W,
    source: &str,
    line: usize,
    error: &str,
) -> std::io::Result<()> {
    let record = ErrorRecord {
        source,
        line,
        error,
    };
    super::json_text::to_writer(&mut *out, &record).map_err(io_error)?;
    out.write_all(b"\n")
}

/// One line per post, each a `posts[]` object of the JSON report.
pub(super) fn render(items: &[Item<'_>], fields: Fields) -> String {
    let mut out = String::new();
    for item in items {
        out.push_str(&super::json_text::to_string(&PostOut::new(item, fields)));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_support::report;

    #[test]
    fn one_line_per_post() {
        let r = report((0, 3), None);
        let items = [
            Item::file("1", "big deal", &r),
            Item::file("2", "big deal", &r),
        ];
        let out = render(&items, Fields::ALL);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        let v: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
        assert_eq!(v["source"], "2");
        assert_eq!(v["findings"][0]["span"]["column"], 1);
    }
}
