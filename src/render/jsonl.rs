//! JSON Lines (`--format jsonl`): one compact `posts[]` object per line, for batch pipelines
//! that route each post as soon as its line arrives.

use super::json::PostOut;
use super::Item;

/// Writes one post as one line, straight to `out` (for streaming a batch: each report can be
/// dropped as soon as it is written).
pub(super) fn write_one<W: std::io::Write>(out: &mut W, item: &Item<'_>) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, &PostOut::new(item)).map_err(|e| match e.io_error_kind() {
        // Keep the kind, so a closed pipe is still recognised as one.
        Some(kind) => std::io::Error::new(kind, e),
        None => std::io::Error::other(e),
    })?;
    out.write_all(b"\n")
}

/// One line per post, each a `posts[]` object of the JSON report.
pub(super) fn render(items: &[Item<'_>]) -> String {
    let mut out = String::new();
    for item in items {
        // Serialising plain data with string keys cannot fail.
        out.push_str(&serde_json::to_string(&PostOut::new(item)).unwrap_or_default());
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
            Item {
                source: "1",
                text: "big deal",
                report: &r,
            },
            Item {
                source: "2",
                text: "big deal",
                report: &r,
            },
        ];
        let out = render(&items);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        let v: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
        assert_eq!(v["source"], "2");
        assert_eq!(v["findings"][0]["span"]["column"], 1);
    }
}
