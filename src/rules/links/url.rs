//! URL helpers shared by the `links.*` rules: hosts, host lists, and how a link is shown.

use crate::entities::{url_has_scheme, url_host};

/// The part of a URL after its `http(s)://` scheme.
pub(super) fn after_scheme(url: &str) -> &str {
    if url_has_scheme(url) {
        url.find("://").map_or(url, |i| &url[i + 3..])
    } else {
        url
    }
}

/// The lower-cased host of a URL entity, without a trailing dot; an IPv6 host without its
/// brackets.
pub(super) fn host_of(url: &str) -> String {
    let rest = after_scheme(url);
    if let Some(inner) = rest.strip_prefix('[') {
        if let Some(end) = inner.find(']') {
            return inner[..end].to_ascii_lowercase();
        }
    }
    url_host(url).trim_end_matches('.').to_lowercase()
}

pub(super) use crate::entities::host_matches;

/// A host as a guideline author may write it (`https://Intranet.Acme.dk/`, `*.acme.local`,
/// `.acme.local`), reduced to the lower-case host suffix.
pub(super) fn normalize_host(s: &str) -> String {
    let s = after_scheme(s.trim());
    let s = s.trim_start_matches("*.").trim_start_matches('.');
    let end = s.find(['/', ':', '?', '#']).unwrap_or(s.len());
    s[..end].trim_end_matches('.').to_lowercase()
}

/// The normalized hosts of a list option, without empty ones.
pub(super) fn hosts(list: &[String]) -> Vec<String> {
    list.iter()
        .map(|h| normalize_host(h))
        .filter(|h| !h.is_empty())
        .collect()
}

/// How a URL is written for a message: as in the post, shortened when very long.
pub(super) fn shown(url: &str) -> String {
    const MAX: usize = 60;
    if url.chars().count() <= MAX {
        return url.to_string();
    }
    let cut: String = url.chars().take(MAX - 1).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_urls() {
        assert_eq!(
            host_of("https://Intranet.Falck.DK:443/x?y#z"),
            "intranet.falck.dk"
        );
        assert_eq!(host_of("http://[::1]:8080/x"), "::1");
        assert_eq!(host_of("http://10.0.0.5/"), "10.0.0.5");
        assert_eq!(host_of("falck.dk."), "falck.dk");
        assert_eq!(
            normalize_host("https://Intranet.Acme.dk/path"),
            "intranet.acme.dk"
        );
        assert_eq!(normalize_host("*.acme.local"), "acme.local");
        assert_eq!(normalize_host(".acme.local"), "acme.local");
    }
}
