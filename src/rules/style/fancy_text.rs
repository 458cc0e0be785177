//! `style.fancy-text`: text in "bold" or "italic" Unicode letters (𝐥𝐢𝐤𝐞 𝘵𝘩𝘪𝘴).

use super::quote;
use crate::error::Error;
use crate::fancy::{fancy_runs, unfancy_char};
use crate::report::{Applicability, Edit, Severity, Span};
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};
use std::ops::Range;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "style.fancy-text",
    severity: Severity::Warning,
    route: None,
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: FancyText::build,
};

#[derive(Debug)]
struct FancyText;

impl FancyText {
    fn build(_: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        Ok(Box::new(FancyText))
    }
}

/// The edits that turn the fancy characters of `run` (a byte range of `text`) into plain ones:
/// one edit per stretch of fancy characters, so the spaces and punctuation between them are
/// left for other fixes (a `!!` inside a bold phrase is `style.exclamations`' to fix).
fn plain_edits(text: &str, run: Range<usize>) -> Vec<Edit> {
    let mut edits: Vec<Edit> = Vec::new();
    for (i, c) in text[run.clone()].char_indices() {
        let at = run.start + i;
        let Some(plain) = unfancy_char(c) else {
            continue;
        };
        match edits.last_mut() {
            Some(e) if e.end == at => {
                e.end = at + c.len_utf8();
                e.replacement.push(plain);
            }
            _ => edits.push(Edit {
                start: at,
                end: at + c.len_utf8(),
                replacement: plain.to_string(),
            }),
        }
    }
    edits
}

impl Rule for FancyText {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let body = cx.doc.body_text();
        let base = cx.doc.body.start;
        for (range, plain) in fancy_runs(body) {
            let run = base + range.start..base + range.end;
            let edits = plain_edits(cx.doc.text, run.clone());
            if edits.is_empty() {
                continue;
            }
            // Letters inside a link, a hashtag or an address are its identity (`/𝐁𝐨𝐥𝐝` is
            // another path than `/Bold`): the safe fix leaves them, an unsafe one changes them.
            let (inside, outside): (Vec<Edit>, Vec<Edit>) = edits
                .into_iter()
                .partition(|e| cx.doc.touches_entity(&(e.start..e.end)));
            let mut e = out
                .report(Span::new(run.start, run.end), "message")
                .arg("text", quote(&cx.doc.text[run]))
                .arg("plain", quote(&plain));
            if !outside.is_empty() {
                e = e.fix("suggestion", Applicability::Safe, outside);
            }
            if !inside.is_empty() {
                e.fix("suggestion", Applicability::Unsafe, inside);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::test::assert_fixed;

    #[test]
    fn fancy_edits_leave_joiners() {
        let t = "𝐖𝐎𝐖!! 𝐍𝐲𝐭";
        let runs = fancy_runs(t);
        assert_eq!(runs.len(), 1);
        let edits = plain_edits(t, runs[0].0.clone());
        let texts: Vec<&str> = edits.iter().map(|e| e.replacement.as_str()).collect();
        assert_eq!(texts, ["WOW", "Nyt"]);
        assert_eq!(&t[edits[0].end..edits[1].start], "!! ");
    }

    #[test]
    fn fixed_to_plain_letters() {
        assert_fixed(
            "",
            "style.fancy-text",
            "𝐕𝐢 𝐬ø𝐠𝐞𝐫 kolleger",
            "Vi søger kolleger",
        );
    }

    /// Issue 7: the safe fix rewrote URL paths (`/𝐁𝐨𝐥𝐝` → `/Bold`), breaking the link.
    #[test]
    fn the_safe_fix_leaves_links_and_hashtags_alone() {
        assert_fixed(
            "",
            "style.fancy-text",
            "𝐒𝐞 https://acme.dk/𝐁𝐨𝐥𝐝 og #𝐁𝐨𝐥𝐝",
            "Se https://acme.dk/𝐁𝐨𝐥𝐝 og #𝐁𝐨𝐥𝐝",
        );
    }
}
