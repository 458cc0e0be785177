//! `links.too-many`: more links than the platform allows, or links that can't be clicked.

use super::url::after_scheme;
use crate::error::Error;
use crate::report::{Severity, Span};
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "links.too-many",
    severity: Severity::Warning,
    route: None,
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: TooMany::build,
};

#[derive(Debug)]
struct TooMany;

impl TooMany {
    fn build(_: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        Ok(Box::new(TooMany))
    }
}

/// A URL reduced to what makes two links the same: no scheme, no `www.`, lower-case host, no
/// trailing slash.
fn link_key(url: &str) -> String {
    let rest = after_scheme(url);
    let host_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, path) = rest.split_at(host_len);
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    format!("{host}{}", path.trim_end_matches('/'))
}

impl Rule for TooMany {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let urls = &cx.doc.links;
        if urls.is_empty() {
            return;
        }
        for m in cx.platforms {
            let platform = m.profile.display_name.as_str();
            if let Some(max) = m.profile.max_links {
                let mut keys: Vec<String> = Vec::new();
                let mut first_over = None;
                for url in urls {
                    let key = link_key(&url.text);
                    if !keys.contains(&key) {
                        keys.push(key);
                        if keys.len() == max + 1 {
                            first_over = Some(url);
                        }
                    }
                }
                if let Some(url) = first_over {
                    out.report(Span::new(url.start, url.end), "message")
                        .arg("platform", platform)
                        .arg("max", max)
                        .arg("n", keys.len())
                        .advice("suggestion");
                }
            }
            if !m.profile.links_clickable {
                let url = &urls[0];
                out.report(Span::new(url.start, url.end), "unclickable")
                    .arg("platform", platform)
                    .advice("unclickable-suggestion")
                    .severity(Severity::Info);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_keys() {
        assert_eq!(link_key("https://www.Falck.dk/job/"), "falck.dk/job");
        assert_eq!(link_key("falck.dk/job"), "falck.dk/job");
        assert_ne!(link_key("falck.dk/Job"), link_key("falck.dk/job"));
    }
}
