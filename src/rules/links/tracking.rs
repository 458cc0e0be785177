//! `links.tracking`: tracking parameters (utm_*, fbclid …) that can be removed from a link.

use super::url::{host_matches, host_of, normalize_host};
use crate::builtin;
use crate::error::Error;
use crate::report::{Applicability, Severity, Span};
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::LazyLock;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "links.tracking",
    severity: Severity::Info,
    route: None,
    scope: Scope::Span,
    options: options::<Options>,
    build: Tracking::build,
};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// More tracking parameters to remove (`name`, or `prefix*`).
    params: Vec<String>,
    /// Parameters never to remove, even when the built-in list has them.
    keep: Vec<String>,
}

/// A tracking parameter: its lower-case name (or name prefix) and the hosts it is limited to.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Param {
    name: String,
    prefix: bool,
    hosts: Vec<String>,
}

impl Param {
    /// Parses `name[*] [host …]`.
    fn parse(line: &str) -> Option<Param> {
        let mut parts = line.split_whitespace();
        let first = parts.next()?.to_ascii_lowercase();
        let (name, prefix) = match first.strip_suffix('*') {
            Some(p) => (p.to_string(), true),
            None => (first, false),
        };
        if name.is_empty() {
            return None;
        }
        Some(Param {
            name,
            prefix,
            hosts: parts.map(normalize_host).collect(),
        })
    }

    /// Whether a parameter called `name` (already percent-decoded) on `host` is this one.
    fn matches(&self, name: &str, host: &str) -> bool {
        let (n, p) = (name.as_bytes(), self.name.as_bytes());
        let named = if self.prefix {
            n.len() > p.len() && n[..p.len()].eq_ignore_ascii_case(p)
        } else {
            n.eq_ignore_ascii_case(p)
        };
        named && (self.hosts.is_empty() || self.hosts.iter().any(|h| host_matches(host, h)))
    }
}

/// The built-in tracking parameters (`rules/lexicons/tracking-params.txt`).
static TRACKING: LazyLock<Vec<Param>> = LazyLock::new(|| {
    builtin::list_lines(builtin::file("lexicons/tracking-params.txt").unwrap_or(""))
        .filter_map(Param::parse)
        .collect()
});

/// A parameter name with `%5F` (`_`) and other percent-escaped ASCII letters decoded, so that
/// `utm%5Fsource` is recognised. Borrowed when there is nothing to decode.
fn decode_name(name: &str) -> std::borrow::Cow<'_, str> {
    if !name.contains('%') {
        return name.into();
    }
    let bytes = name.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(b) = hex.filter(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-')) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).map_or(name.into(), Into::into)
}

/// The result of removing tracking parameters from one URL.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stripped<'u> {
    /// The byte range of the query (`?` included) within the URL.
    range: Range<usize>,
    /// What replaces it: the kept parameters after a `?`, or nothing.
    replacement: String,
    /// The names of the removed parameters, as written, without repeats.
    removed: Vec<&'u str>,
}

/// Removes the tracking parameters from the query of `url`, keeping every other parameter as
/// written (order, encoding, `&amp;` separators) and the fragment. `None` when the URL has no
/// tracking parameter.
fn strip_tracking<'u>(url: &'u str, params: &[&[Param]], keep: &[String]) -> Option<Stripped<'u>> {
    let frag = url.find('#').unwrap_or(url.len());
    let q = url[..frag].find('?')?;
    let query = &url[q + 1..frag];
    let host = host_of(url);
    let mut kept: Vec<&str> = Vec::new();
    let mut removed: Vec<&str> = Vec::new();
    for seg in query.split('&') {
        // Text copied from HTML separates parameters with `&amp;`.
        let bare = seg.strip_prefix("amp;").unwrap_or(seg);
        let name = bare.split('=').next().unwrap_or("");
        let decoded = decode_name(name);
        let tracking = !name.is_empty()
            && !keep.iter().any(|k| k.eq_ignore_ascii_case(&decoded))
            && params
                .iter()
                .flat_map(|list| list.iter())
                .any(|p| p.matches(&decoded, &host));
        if tracking {
            if !removed.iter().any(|r| r.eq_ignore_ascii_case(name)) {
                removed.push(name);
            }
        } else if !bare.is_empty() {
            kept.push(seg);
        }
    }
    if removed.is_empty() {
        return None;
    }
    let mut replacement = String::new();
    for (i, seg) in kept.iter().enumerate() {
        if i == 0 {
            replacement.push('?');
            replacement.push_str(seg.strip_prefix("amp;").unwrap_or(seg));
        } else {
            replacement.push('&');
            replacement.push_str(seg);
        }
    }
    Some(Stripped {
        range: q..frag,
        replacement,
        removed,
    })
}

#[derive(Debug)]
struct Tracking {
    extra: Vec<Param>,
    keep: Vec<String>,
}

impl Tracking {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        LazyLock::force(&TRACKING);
        let o: Options = b.options()?;
        Ok(Box::new(Tracking {
            extra: o.params.iter().filter_map(|p| Param::parse(p)).collect(),
            keep: o.keep,
        }))
    }
}

impl Rule for Tracking {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for url in &cx.doc.links {
            // Most links have no query at all.
            if !url.text.contains('?') {
                continue;
            }
            let Some(s) = strip_tracking(&url.text, &[&TRACKING, &self.extra], &self.keep) else {
                continue;
            };
            let mut names = s.removed[..s.removed.len().min(3)].join(", ");
            if s.removed.len() > 3 {
                names.push_str(", …");
            }
            let edit = Span::new(url.start + s.range.start, url.start + s.range.end);
            out.report(Span::new(url.start, url.end), "message")
                .arg("names", names)
                .replace_in_entity("suggestion", Applicability::Safe, edit, s.replacement);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(url: &str) -> String {
        match strip_tracking(url, &[&TRACKING], &[]) {
            Some(s) => format!(
                "{}{}{}",
                &url[..s.range.start],
                s.replacement,
                &url[s.range.end..]
            ),
            None => url.to_string(),
        }
    }

    #[test]
    fn tracking_removed_rest_kept() {
        for (url, want) in [
            (
                "https://x.dk/a?a=1&utm_source=x&b=2",
                "https://x.dk/a?a=1&b=2",
            ),
            ("https://x.dk/a?utm_source=x", "https://x.dk/a"),
            ("https://x.dk/?utm_source=x&utm_medium=y", "https://x.dk/"),
            ("https://x.dk?fbclid=IwAR0", "https://x.dk"),
            ("x.dk/a?gclid=1&q=2", "x.dk/a?q=2"),
            (
                "https://x.dk/a?utm_source=x&id=5#afsnit-2",
                "https://x.dk/a?id=5#afsnit-2",
            ),
            ("https://x.dk/a?utm_source=x#top", "https://x.dk/a#top"),
            (
                "https://x.dk/s?q=r%C3%B8d%20bil&utm_campaign=vinter%202026",
                "https://x.dk/s?q=r%C3%B8d%20bil",
            ),
            (
                "https://x.dk/a?UTM_SOURCE=LinkedIn&x=1",
                "https://x.dk/a?x=1",
            ),
            ("https://x.dk/a?Utm_Medium=social", "https://x.dk/a"),
            ("https://x.dk/a?utm%5Fsource=li&x=1", "https://x.dk/a?x=1"),
            (
                "https://x.dk/a?mc_cid=1&mc_eid=2&_hsenc=3&_hsmi=4&mkt_tok=5&li_fat_id=6&igshid=7",
                "https://x.dk/a",
            ),
            (
                "https://x.dk/a?a=1&amp;utm_source=x&amp;b=2",
                "https://x.dk/a?a=1&amp;b=2",
            ),
            ("https://x.dk/a?utm_source=x&amp;b=2", "https://x.dk/a?b=2"),
            ("https://x.dk/a?a=1&&utm_source=x", "https://x.dk/a?a=1"),
            (
                "https://youtu.be/dQw4w9WgXcQ?si=abc123&t=42",
                "https://youtu.be/dQw4w9WgXcQ?t=42",
            ),
            (
                "https://open.spotify.com/episode/1?si=abc",
                "https://open.spotify.com/episode/1",
            ),
            (
                "https://x.dk/a?flag&utm_source=x&empty=",
                "https://x.dk/a?flag&empty=",
            ),
        ] {
            assert_eq!(strip(url), want, "{url}");
            // Converges: nothing is left to remove.
            assert_eq!(strip(want), want, "{want}");
        }
    }

    #[test]
    fn params_that_only_contain_tracking_names_stay() {
        for url in [
            "https://x.dk/a?autumn=1",
            "https://x.dk/a?utm=1",
            "https://x.dk/a?my_utm_source=1",
            "https://x.dk/a?fbclidx=1",
            "https://x.dk/a?si=1",
            "https://x.dk/a?s=20&t=abc",
            "https://x.dk/a#utm_source=x",
            "https://x.dk/a?q=utm_source",
            "https://x.dk/a",
            "https://x.dk/a?",
        ] {
            assert_eq!(strip(url), url, "{url}");
        }
        // `s` and `t` are share codes only on X.
        assert_eq!(
            strip("https://x.com/falck/status/1?s=20&t=abc"),
            "https://x.com/falck/status/1"
        );
    }

    #[test]
    fn tracking_keep_and_extra() {
        let extra = vec![Param::parse("ref*").unwrap()];
        let s = strip_tracking(
            "https://x.dk/a?referrer=1&utm_source=2&fbclid=3",
            &[&TRACKING, &extra],
            &["FBCLID".to_string()],
        )
        .unwrap();
        assert_eq!(s.replacement, "?fbclid=3");
        assert_eq!(s.removed, ["referrer", "utm_source"]);
    }
}
