//! `style.emoji-density`: many emoji, or the same emoji many times in a row.

use crate::error::Error;
use crate::report::{Applicability, Severity, Span};
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use serde::{Deserialize, Serialize};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "style.emoji-density",
    severity: Severity::Info,
    route: None,
    scope: Scope::Span,
    options: options::<Options>,
    build: EmojiDensity::build,
};

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// The most emoji a post may have.
    max_emoji: usize,
    /// At most one emoji per this many words (checked from three emoji on; 0: off).
    words_per_emoji: f64,
    /// The most times the same emoji may stand in a row.
    max_repeat: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_emoji: 10,
            words_per_emoji: 5.0,
            max_repeat: 2,
        }
    }
}

#[derive(Debug)]
struct EmojiDensity {
    max_emoji: usize,
    words_per_emoji: f64,
    max_repeat: usize,
}

impl EmojiDensity {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o: Options = b.options()?;
        Ok(Box::new(EmojiDensity {
            max_emoji: o.max_emoji,
            words_per_emoji: o.words_per_emoji.max(0.0),
            max_repeat: o.max_repeat.max(1),
        }))
    }
}

impl Rule for EmojiDensity {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let text = cx.doc.text;
        let emoji = &cx.doc.emoji;
        if emoji.is_empty() {
            return;
        }
        let n = emoji.len();
        let words = cx.doc.words.len();
        let dense = n > self.max_emoji
            || (n >= 3
                && self.words_per_emoji > 0.0
                && n as f64 * self.words_per_emoji > words as f64);
        if dense {
            out.report(Span::new(emoji[0].start, emoji[0].end), "message")
                .arg("n", n)
                .arg("words", words)
                .advice("suggestion");
        }
        // Runs of the same emoji, with nothing but spaces between them.
        let mut i = 0;
        while i < n {
            let first = &text[emoji[i].clone()];
            let mut j = i + 1;
            while j < n
                && &text[emoji[j].clone()] == first
                && text[emoji[j - 1].end..emoji[j].start]
                    .chars()
                    .all(|c| c == ' ' || c == '\u{FE0F}')
            {
                j += 1;
            }
            let k = j - i;
            if k > self.max_repeat {
                let span = Span::new(emoji[i].start, emoji[j - 1].end);
                out.report(span, "repeat")
                    .arg("k", k)
                    .arg("emoji", first)
                    .replace("repeat-suggestion", Applicability::Unsafe, span, first);
            }
            i = j;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    #[test]
    fn density_and_repeats() {
        assert_fires(
            "",
            "style.emoji-density",
            "Tak 🔥🔥🔥 for i dag, alle sammen.",
        );
        assert_silent(
            "",
            "style.emoji-density",
            "Tak 🔥 for i dag, alle sammen, det var en god dag.",
        );
    }

    #[test]
    fn text_symbols_of_a_list_are_not_emoji() {
        // Check marks, arrows and stars are Emoji=No in Unicode: a tidy list, not a wall.
        assert_silent(
            "",
            "style.emoji-density",
            "Det får du:\n✓ ✓ ✓ fast løn\n➜ ➜ ➜ frokostordning\n★★★ gode kolleger",
        );
        assert_fires(
            "",
            "style.emoji-density",
            "What you get:\n✅✅✅ a fixed salary\n⭐⭐⭐ great colleagues",
        );
    }
}
