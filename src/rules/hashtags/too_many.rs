//! `hashtags.too-many`: more hashtags than the platform allows or recommends.

use crate::error::Error;
use crate::report::{Severity, Span};
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use serde::{Deserialize, Serialize};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "hashtags.too-many",
    severity: Severity::Warning,
    route: None,
    scope: Scope::Span,
    options: options::<Options>,
    build: TooMany::build,
};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// Your own recommended maximum on every platform, instead of the platform's; also used
    /// when no platform is checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<usize>,
}

#[derive(Debug)]
struct TooMany {
    max: Option<usize>,
}

impl TooMany {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o: Options = b.options()?;
        Ok(Box::new(TooMany { max: o.max }))
    }
}

/// The advice for keeping `max` hashtags.
fn keep(max: usize) -> &'static str {
    match max {
        0 => "keep-none",
        1 => "keep-one",
        2 => "keep-two",
        _ => "keep-few",
    }
}

impl Rule for TooMany {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let tags = &cx.doc.entities.hashtags;
        let n = tags.len();
        let span_from = |max: usize| Span::new(tags[max].start, tags[n - 1].end);
        if cx.platforms.is_empty() {
            if let Some(max) = self.max.filter(|&m| n > m) {
                out.report(span_from(max), "general")
                    .arg("n", n)
                    .arg("max", max)
                    .advice(keep(max));
            }
        }
        // Platforms grouped by the limit they break: (hard cap?, limit, platform names).
        let mut groups: Vec<(bool, usize, Vec<&str>)> = Vec::new();
        for m in cx.platforms {
            let profile = m.profile;
            let broken = match (
                profile.max_hashtags,
                self.max.or(profile.recommended_hashtags),
            ) {
                (Some(cap), _) if n > cap => (true, cap),
                (_, Some(rec)) if n > rec => (false, rec),
                _ => continue,
            };
            let name = profile.display_name.as_str();
            match groups
                .iter_mut()
                .find(|(hard, max, _)| (*hard, *max) == broken)
            {
                Some(g) => g.2.push(name),
                None => groups.push((broken.0, broken.1, vec![name])),
            }
        }
        // Over a platform's hard cap the post will not be published: one level higher.
        let raised = out.severity().raised();
        for (hard, max, names) in groups {
            let e = out
                .report(span_from(max), if hard { "hard" } else { "message" })
                .arg("platforms", names)
                .arg("n", n)
                .arg("max", max)
                .advice(keep(max));
            if hard {
                e.severity(raised);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_silent, findings};

    #[test]
    fn grouped_by_the_limit_they_break() {
        let g = "platforms = [\"x\", \"facebook\"]";
        let f = findings(g, "hashtags.too-many", "Godt gået! #a #b #c", "da");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message.contains("på X og Facebook anbefales højst 2"),
            "{}",
            f[0].message
        );
        assert_silent(
            "platforms = [\"linkedin\"]",
            "hashtags.too-many",
            "Godt gået! #a #b #c",
        );
    }

    #[test]
    fn the_option_applies_without_platforms() {
        let g = "[rules.\"hashtags.too-many\"]\nmax = 1";
        let f = findings(g, "hashtags.too-many", "Great day. #a #b", "en");
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].suggestions[0].title,
            "Keep the one hashtag that matters most and delete the rest."
        );
    }
}
