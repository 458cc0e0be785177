//! `hashtags.wall`: a wall of hashtags at the end of the post.

use crate::entities::Entity;
use crate::error::Error;
use crate::report::{Severity, Span};
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use serde::{Deserialize, Serialize};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "hashtags.wall",
    severity: Severity::Info,
    route: None,
    scope: Scope::Span,
    options: options::<Options>,
    build: Wall::build,
};

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// How many hashtags in the closing block make a wall.
    min: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options { min: 4 }
    }
}

#[derive(Debug)]
struct Wall {
    min: usize,
}

impl Wall {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o: Options = b.options()?;
        Ok(Box::new(Wall { min: o.min.max(1) }))
    }
}

impl Rule for Wall {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let tags = &cx.doc.entities.hashtags;
        let Some((first, count)) = closing_block(cx.doc.text, cx.doc.body.clone(), tags) else {
            return;
        };
        if count < self.min {
            return;
        }
        let span = Span::new(tags[first].start, tags[tags.len() - 1].end);
        out.report(span, "message")
            .arg("count", count)
            .advice("suggestion");
    }
}

/// The closing block of hashtags: the index of its first hashtag and how many it has. The
/// block is the run of hashtags at the end of the body with only white space between and
/// after them, starting on a line of its own. `None` when the post does not end that way.
fn closing_block(
    text: &str,
    body: std::ops::Range<usize>,
    tags: &[Entity],
) -> Option<(usize, usize)> {
    let last = tags.last()?;
    let blank = |s: &str| s.chars().all(char::is_whitespace);
    if !blank(text.get(last.end..body.end)?) {
        return None;
    }
    let mut first = tags.len() - 1;
    while first > 0 && blank(text.get(tags[first - 1].end..tags[first].start)?) {
        first -= 1;
    }
    // It must start a line: only white space between the line start and the first hashtag.
    let before = text.get(body.start..tags[first].start)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    if !blank(&before[line_start..]) {
        // The first hashtags share a line with text: the block is what follows that line.
        let next_line = text.get(tags[first].start..last.end)?.find('\n')? + tags[first].start;
        let first_on_own_line = tags.iter().position(|t| t.start > next_line)?;
        return Some((first_on_own_line, tags.len() - first_on_own_line));
    }
    Some((first, tags.len() - first))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str, word: &str) -> Entity {
        let start = text.find(word).unwrap();
        Entity {
            text: word[1..].to_string(),
            start,
            end: start + word.len(),
        }
    }

    #[test]
    fn closing_blocks() {
        let t = "Hej.\n\n#a #b #c #d\n";
        let tags = ["#a", "#b", "#c", "#d"].map(|w| tag(t, w));
        assert_eq!(closing_block(t, 0..t.len(), &tags), Some((0, 4)));
        // Text after the hashtags: no block.
        let t = "#a #b #c #d tak";
        let tags = ["#a", "#b", "#c", "#d"].map(|w| tag(t, w));
        assert_eq!(closing_block(t, 0..t.len(), &tags), None);
        // The first two share the last sentence's line: the block is the next line.
        let t = "Tak til alle #a #b\n#c #d #e";
        let tags = ["#a", "#b", "#c", "#d", "#e"].map(|w| tag(t, w));
        assert_eq!(closing_block(t, 0..t.len(), &tags), Some((2, 3)));
        // All on the sentence's line: no block.
        let t = "Tak til alle #a #b #c #d";
        let tags = ["#a", "#b", "#c", "#d"].map(|w| tag(t, w));
        assert_eq!(closing_block(t, 0..t.len(), &tags), None);
        assert_eq!(closing_block(t, 0..t.len(), &[]), None);
    }
}
