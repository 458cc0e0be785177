//! `links.internal`: a link to an internal system (intranet, SharePoint, Jira, localhost …).

use super::url::{host_matches, host_of, hosts, normalize_host, shown};
use crate::builtin;
use crate::error::Error;
use crate::report::{Severity, Span};
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use serde::{Deserialize, Serialize};
use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::LazyLock;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "links.internal",
    severity: Severity::Error,
    route: None,
    scope: Scope::Span,
    options: options::<Options>,
    build: InternalRule::build,
};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// More internal hosts, besides `[company] internal_hosts`.
    hosts: Vec<String>,
    /// Hosts that look internal but are public.
    allow: Vec<String>,
}

/// The built-in internal host patterns (`rules/lexicons/internal-hosts.txt`).
#[derive(Debug, Default)]
struct InternalPatterns {
    suffixes: Vec<String>,
    labels: Vec<String>,
    first_labels: Vec<String>,
    /// Public hosts that a pattern would otherwise catch.
    public: Vec<String>,
}

static INTERNAL: LazyLock<InternalPatterns> = LazyLock::new(|| {
    let mut p = InternalPatterns::default();
    let mut section = "";
    for line in builtin::list_lines(builtin::file("lexicons/internal-hosts.txt").unwrap_or("")) {
        if line.starts_with('[') {
            section = line;
            continue;
        }
        let entry = normalize_host(line);
        match section {
            "[suffixes]" => p.suffixes.push(entry),
            "[labels]" => p.labels.push(entry),
            "[first-labels]" => p.first_labels.push(entry),
            "[public]" => p.public.push(entry),
            _ => {}
        }
    }
    p
});

/// Why a host is internal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Internal {
    /// The author's own computer (`localhost`, `127.0.0.1`, `::1`).
    Local,
    /// A private network address (`10.x`, `192.168.x`, `172.16–31.x`, `fc00::/7`).
    Network,
    /// An internal system: listed by the guideline, or a known intranet pattern.
    System,
}

/// Whether `host` (lower case, as [`host_of`] gives it) is internal, and why. `listed` are the
/// guideline's internal hosts and the rule's `hosts`, `allow` its exemptions.
fn classify_host(host: &str, listed: &[String], allow: &[String]) -> Option<Internal> {
    let p = &*INTERNAL;
    if host.is_empty() || allow.iter().chain(&p.public).any(|a| host_matches(host, a)) {
        return None;
    }
    if let Ok(ip) = host.parse::<Ipv4Addr>() {
        return if ip.is_loopback() || ip.is_unspecified() {
            Some(Internal::Local)
        } else if ip.is_private() || ip.is_link_local() {
            Some(Internal::Network)
        } else {
            None
        };
    }
    if let Ok(ip) = host.parse::<Ipv6Addr>() {
        let first = ip.segments()[0];
        return if ip.is_loopback() || ip.is_unspecified() {
            Some(Internal::Local)
        } else if first & 0xfe00 == 0xfc00 || first & 0xffc0 == 0xfe80 {
            Some(Internal::Network)
        } else {
            None
        };
    }
    if host_matches(host, "localhost") {
        return Some(Internal::Local);
    }
    if listed
        .iter()
        .chain(&p.suffixes)
        .any(|s| host_matches(host, s))
    {
        return Some(Internal::System);
    }
    let mut labels = host.split('.');
    let first = labels.next().unwrap_or("");
    if !host.contains('.') {
        // `http://intranet/…`, `http://wiki/…`: a name only the company network resolves.
        return Some(Internal::System);
    }
    if p.first_labels.iter().any(|l| l == first)
        || std::iter::once(first)
            .chain(labels)
            .any(|label| p.labels.iter().any(|l| l == label))
    {
        return Some(Internal::System);
    }
    None
}

#[derive(Debug)]
struct InternalRule {
    listed: Vec<String>,
    allow: Vec<String>,
}

impl InternalRule {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        LazyLock::force(&INTERNAL);
        let o: Options = b.options()?;
        let mut listed = hosts(&b.guideline.company.internal_hosts);
        listed.extend(hosts(&o.hosts));
        Ok(Box::new(InternalRule {
            listed,
            allow: hosts(&o.allow),
        }))
    }
}

impl Rule for InternalRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for url in &cx.doc.links {
            let Some(kind) = classify_host(&host_of(&url.text), &self.listed, &self.allow) else {
                continue;
            };
            let key = match kind {
                Internal::Local => "local",
                Internal::Network => "network",
                Internal::System => "message",
            };
            out.report(Span::new(url.start, url.end), key)
                .arg("link", shown(&url.text))
                .advice("suggestion");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn internal(host: &str) -> Option<Internal> {
        classify_host(host, &["intranet.falck.dk".to_string()], &[])
    }

    #[test]
    fn internal_hosts() {
        use Internal::*;
        for (host, want) in [
            ("localhost", Some(Local)),
            ("app.localhost", Some(Local)),
            ("127.0.0.1", Some(Local)),
            ("127.8.9.10", Some(Local)),
            ("0.0.0.0", Some(Local)),
            ("::1", Some(Local)),
            ("10.0.0.5", Some(Network)),
            ("172.16.0.1", Some(Network)),
            ("172.31.255.254", Some(Network)),
            ("192.168.1.20", Some(Network)),
            ("169.254.1.1", Some(Network)),
            ("fd12:3456::1", Some(Network)),
            ("fe80::1", Some(Network)),
            ("intranet", Some(System)),
            ("wiki", Some(System)),
            ("intranet.falck.dk", Some(System)),
            ("nyheder.intranet.falck.dk", Some(System)),
            ("intranet.acme.com", Some(System)),
            ("hr.intranet.acme.com", Some(System)),
            ("wiki.falck.local", Some(System)),
            ("build.acme.internal", Some(System)),
            ("falck.sharepoint.com", Some(System)),
            ("falck-my.sharepoint.com", Some(System)),
            ("acme.atlassian.net", Some(System)),
            ("jira.acme.com", Some(System)),
            ("confluence.acme.dk", Some(System)),
            ("printer.corp", Some(System)),
            ("www.falck.dk", None),
            ("falck.dk", None),
            ("172.32.0.1", None),
            ("172.15.0.1", None),
            ("8.8.8.8", None),
            ("11.0.0.1", None),
            ("2001:db8::1", None),
            ("myintranet.com", None),
            ("sharepoint.com.evil.dk", None),
            ("notsharepoint.com", None),
            ("localhost.dk", None),
            ("www.jira-guide.dk", None),
            ("confluence.atlassian.com", None),
            ("jira.atlassian.com", None),
            ("", None),
        ] {
            assert_eq!(internal(host), want, "{host}");
        }
        assert_eq!(
            classify_host("acme.sharepoint.com", &[], &["acme.sharepoint.com".into()]),
            None
        );
    }
}
