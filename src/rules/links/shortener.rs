//! `links.shortener`: a link hidden behind a URL shortener.

use super::url::{host_matches, host_of, hosts, normalize_host, shown};
use crate::builtin;
use crate::error::Error;
use crate::report::{Severity, Span};
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "links.shortener",
    severity: Severity::Warning,
    route: None,
    scope: Scope::Span,
    options: options::<Options>,
    build: Shortener::build,
};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// More shortener hosts, added to the built-in list.
    hosts: Vec<String>,
    /// Shortener hosts that are fine (the company's own).
    allow: Vec<String>,
}

/// The built-in shortener hosts (`rules/lexicons/shorteners.txt`).
static SHORTENERS: LazyLock<Vec<String>> = LazyLock::new(|| {
    builtin::list_lines(builtin::file("lexicons/shorteners.txt").unwrap_or(""))
        .map(normalize_host)
        .collect()
});

#[derive(Debug)]
struct Shortener {
    extra: Vec<String>,
    allow: Vec<String>,
}

impl Shortener {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        LazyLock::force(&SHORTENERS);
        let o: Options = b.options()?;
        Ok(Box::new(Shortener {
            extra: hosts(&o.hosts),
            allow: hosts(&o.allow),
        }))
    }

    fn is_shortener(&self, host: &str) -> bool {
        !self.allow.iter().any(|a| host_matches(host, a))
            && SHORTENERS
                .iter()
                .chain(&self.extra)
                .any(|s| host_matches(host, s))
    }
}

impl Rule for Shortener {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for url in &cx.doc.links {
            if self.is_shortener(&host_of(&url.text)) {
                out.report(Span::new(url.start, url.end), "message")
                    .arg("link", shown(&url.text))
                    .advice("suggestion");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorteners() {
        let r = Shortener {
            extra: vec!["go.acme.com".into()],
            allow: vec!["aka.ms".into()],
        };
        for host in [
            "bit.ly",
            "www.bit.ly",
            "t.co",
            "lnkd.in",
            "go.acme.com",
            "tinyurl.com",
        ] {
            assert!(r.is_shortener(host), "{host}");
        }
        for host in [
            "microsoft.co",
            "bit.ly.example.com",
            "aka.ms",
            "falck.dk",
            "acme.com",
        ] {
            assert!(!r.is_shortener(host), "{host}");
        }
    }
}
