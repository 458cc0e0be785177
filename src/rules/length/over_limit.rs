//! `length.over-limit`: the post is too long for a platform (or has characters it rejects).

use crate::document::{floor_char_boundary, Document};
use crate::error::Error;
use crate::platform::{count_unit, cut_offset, published_range, Length, Profile, Unit};
use crate::report::{Applicability, Edit, Severity, Span};
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};
use std::ops::Range;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "length.over-limit",
    severity: Severity::Error,
    route: None,
    scope: Scope::WholePost,
    options: options::<NoOptions>,
    build: OverLimit::build,
};

#[derive(Debug)]
struct OverLimit;

impl OverLimit {
    fn build(_: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        Ok(Box::new(OverLimit))
    }
}

/// One platform's overflow, before platforms with the same figures are grouped.
#[derive(Debug, PartialEq)]
struct Over<'a> {
    span: Span,
    key: &'static str,
    length: usize,
    limit: usize,
    advice: &'static str,
    /// What a link counts on the platform (for the weighted advice).
    url_length: usize,
    platforms: Vec<&'a str>,
}

impl Rule for OverLimit {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        if cx.platforms.is_empty() {
            return;
        }
        let body = published_range(cx.doc);
        let invalid: Vec<&str> = cx
            .platforms
            .iter()
            .filter(|m| m.length.invalid)
            .map(|m| m.profile.display_name.as_str())
            .collect();
        if !invalid.is_empty() {
            invalid_chars(cx, invalid, &body, out);
        }
        let mut overs: Vec<Over<'_>> = Vec::new();
        for m in cx.platforms {
            let (profile, len) = (m.profile, &m.length);
            if !len.is_over() {
                continue;
            }
            let cut = over_limit_cut(cx.doc, profile, len, &body);
            // The unit count wins when both are over: it is the limit people know.
            let (length, limit, unit) = if len.length > len.limit {
                (len.length, len.limit, profile.unit)
            } else {
                (
                    len.byte_length.unwrap_or(0),
                    len.byte_limit.unwrap_or(0),
                    Unit::Bytes,
                )
            };
            let advice = if profile.unit == Unit::Weighted {
                "suggestion-weighted"
            } else if len.length <= len.limit {
                "suggestion-bytes"
            } else {
                "suggestion"
            };
            let over = Over {
                span: Span::new(cut, body.end),
                key: if unit == Unit::Bytes {
                    "bytes"
                } else {
                    "message"
                },
                length,
                limit,
                advice,
                // Only the weighted advice names it: elsewhere it must not split a group.
                url_length: if advice == "suggestion-weighted" {
                    profile.url_length.unwrap_or(0)
                } else {
                    0
                },
                platforms: vec![profile.display_name.as_str()],
            };
            // Platforms with the same figures at the same place are one finding.
            match overs.iter_mut().find(|o| {
                (o.span, o.key, o.length, o.limit, o.advice, o.url_length)
                    == (
                        over.span,
                        over.key,
                        over.length,
                        over.limit,
                        over.advice,
                        over.url_length,
                    )
            }) {
                Some(o) => o.platforms.push(profile.display_name.as_str()),
                None => overs.push(over),
            }
        }
        for o in overs {
            out.report(o.span, o.key)
                .arg("platforms", o.platforms)
                .arg("length", o.length)
                .arg("limit", o.limit)
                .arg("over", o.length - o.limit)
                .arg("url_length", o.url_length)
                .advice(o.advice);
        }
    }
}

/// Where the post passes `profile`'s limit (the first byte that no longer fits), measured in
/// the platform's unit and, for Bluesky, in bytes; the earlier of the two. Always a char
/// boundary inside the published text, and before its end when the text is not empty.
fn over_limit_cut(
    doc: &Document<'_>,
    profile: &Profile,
    len: &Length,
    body: &Range<usize>,
) -> usize {
    // The signature is appended after the text, so the text itself has what is left.
    let signature = profile.signature.as_deref().unwrap_or("");
    let mut cut = body.end;
    if len.length > len.limit {
        let budget = len
            .limit
            .saturating_sub(count_unit(signature, profile.unit));
        if let Some(c) = cut_offset(doc, profile, body, budget) {
            cut = cut.min(c);
        }
    }
    if let (Some(bytes), Some(limit)) = (len.byte_length, len.byte_limit) {
        if bytes > limit {
            let budget = limit.saturating_sub(signature.len());
            cut = cut.min(floor_char_boundary(doc.text, body.start + budget));
        }
    }
    let cut = cut.clamp(body.start, body.end);
    if cut == body.end && body.end > body.start {
        // The approximation found no place inside the text (the signature alone is over, or
        // the count differs by a hair): point at the last character.
        return floor_char_boundary(doc.text, body.end - 1);
    }
    cut
}

/// The characters X rejects whatever the length (U+FFFE, U+FEFF, U+FFFF): one finding at the
/// first, with a safe fix that deletes them all (they are invisible).
fn invalid_chars(
    cx: &Context<'_>,
    platforms: Vec<&str>,
    body: &Range<usize>,
    out: &mut Emitter<'_>,
) {
    let text = &cx.doc.text[body.clone()];
    let mut edits = Vec::new();
    let mut first: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        if matches!(c, '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}') {
            let start = body.start + i;
            first.get_or_insert((start, c));
            edits.push(Edit {
                start,
                end: start + c.len_utf8(),
                replacement: String::new(),
            });
        }
    }
    // Only in the signature: nothing in the post to point at or fix.
    let Some((start, c)) = first else { return };
    out.report(Span::new(start, start + c.len_utf8()), "invalid")
        .arg("platforms", platforms)
        .arg("code", format!("U+{:04X}", c as u32))
        .fix("invalid-fix", Applicability::Safe, edits);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::{measure, Profiles};
    use crate::rule::test::{assert_fixed, findings};
    use crate::text::Lang;

    fn doc(text: &str) -> Document<'_> {
        Document::new(text, 0..text.len(), Some(Lang::Da), &[])
    }

    fn profile(name: &str) -> Profile {
        Profiles::builtin().unwrap().get(name).unwrap().clone()
    }

    #[test]
    fn over_limit_cut_is_inside_the_body() {
        // A signature that alone is over the limit: the cut falls on the last character.
        let t = "  hej  ";
        let d = doc(t);
        let mut p = profile("x");
        p.signature = Some("s".repeat(300));
        let body = published_range(&d);
        assert_eq!(body, 2..5);
        let len = measure(&t[body.clone()], &crate::entities::extract("hej"), &p);
        assert!(len.is_over());
        let at = over_limit_cut(&d, &p, &len, &body);
        assert!(body.contains(&at), "{at}");
    }

    #[test]
    fn bluesky_byte_limit_cut() {
        let fam = "👨‍👩‍👧‍👦"; // 25 bytes, one grapheme
        let t = fam.repeat(200);
        let d = doc(&t);
        let p = profile("bluesky");
        let len = measure(&t, &d.entities, &p);
        assert!(len.length <= len.limit && len.is_over());
        let at = over_limit_cut(&d, &p, &len, &(0..t.len()));
        assert!(t.is_char_boundary(at));
        assert!(at <= 3000 && at > 2990, "{at}");
    }

    #[test]
    fn platforms_with_the_same_figures_are_one_finding() {
        let g = "platforms = [\"mastodon\", \"threads\"]";
        let text = "a".repeat(520);
        let f = findings(g, "length.over-limit", &text, "en");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message,
            "Too long for Mastodon and Threads: 520 of 500 characters – cut 20 characters."
        );
    }

    #[test]
    fn invisible_characters_are_deleted() {
        assert_fixed(
            "platforms = [\"x\"]",
            "length.over-limit",
            "Hej\u{FEFF} alle",
            "Hej alle",
        );
    }
}
