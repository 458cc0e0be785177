//! Links: shortened links, tracking parameters, links to internal systems, and the platforms'
//! rules for links (Threads' cap on links, Instagram's links that cannot be clicked).
//!
//! Every rule here reads the URL entities the document already extracted; the host lists are
//! data (`rules/lexicons/shorteners.txt`, `tracking-params.txt`, `internal-hosts.txt`), parsed
//! once per process and extended per guideline by rule options when the linter is built.

use super::{Build, Context, Emitter, Example, Local, OptionKind, OptionSpec, Rule, RuleMeta};
use crate::entities::{url_has_scheme, url_host};
use crate::report::{Applicability, Severity, Span, Suggestion};
use crate::text::Lang;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::ops::Range;
use std::sync::LazyLock;

// ---------------------------------------------------------------------------------------------
// Hosts
// ---------------------------------------------------------------------------------------------

/// The part of a URL after its `http(s)://` scheme.
fn after_scheme(url: &str) -> &str {
    if url_has_scheme(url) {
        url.find("://").map_or(url, |i| &url[i + 3..])
    } else {
        url
    }
}

/// The lower-cased host of a URL entity, without a trailing dot; an IPv6 host without its
/// brackets.
fn host_of(url: &str) -> String {
    let rest = after_scheme(url);
    if let Some(inner) = rest.strip_prefix('[') {
        if let Some(end) = inner.find(']') {
            return inner[..end].to_ascii_lowercase();
        }
    }
    url_host(url).trim_end_matches('.').to_lowercase()
}

/// Whether `host` is `suffix` or a subdomain of it (`www.bit.ly` for `bit.ly`).
fn host_matches(host: &str, suffix: &str) -> bool {
    if suffix.is_empty() {
        return false;
    }
    host == suffix
        || (host.len() > suffix.len()
            && host.ends_with(suffix)
            && host.as_bytes()[host.len() - suffix.len() - 1] == b'.')
}

/// A host as a guideline author may write it (`https://Intranet.Acme.dk/`, `*.acme.local`,
/// `.acme.local`), reduced to the lower-case host suffix.
fn normalize_host(s: &str) -> String {
    let s = after_scheme(s.trim());
    let s = s.trim_start_matches("*.").trim_start_matches('.');
    let end = s.find(['/', ':', '?', '#']).unwrap_or(s.len());
    s[..end].trim_end_matches('.').to_lowercase()
}

/// The non-comment lines of a list file, trimmed.
fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The normalized hosts of a list option.
fn host_option(b: &Build<'_>, name: &str) -> Vec<String> {
    b.strings(name)
        .iter()
        .map(|h| normalize_host(h))
        .filter(|h| !h.is_empty())
        .collect()
}

/// How a URL is written for a message: as in the post, shortened when very long.
fn shown(url: &str) -> String {
    const MAX: usize = 60;
    if url.chars().count() <= MAX {
        return url.to_string();
    }
    let cut: String = url.chars().take(MAX - 1).collect();
    format!("{cut}…")
}

// ---------------------------------------------------------------------------------------------
// links.shortener
// ---------------------------------------------------------------------------------------------

/// The built-in shortener hosts (`rules/lexicons/shorteners.txt`).
static SHORTENERS: LazyLock<Vec<String>> = LazyLock::new(|| {
    data_lines(include_str!("../../rules/lexicons/shorteners.txt"))
        .map(normalize_host)
        .collect()
});

/// `links.shortener`.
pub static SHORTENER: RuleMeta = RuleMeta {
    id: "links.shortener",
    severity: Severity::Warning,
    route: None,
    summary: Local {
        da: "Et forkortet link (bit.ly, lnkd.in …) skjuler, hvor det fører hen",
        en: "A shortened link (bit.ly, lnkd.in …) hides where it leads",
    },
    explain: Local {
        da: "Et forkortet link som bit.ly/3xYz eller lnkd.in/abc viser ikke, hvor det fører \
hen. Læserne kan ikke se, om de havner på en side, de stoler på, og mange spamfiltre og \
platforme viser forkortede links mindre eller advarer mod dem. Et forkortet link kan også \
holde op med at virke, hvis tjenesten lukker.\n\nReglen kender de almindelige \
link-forkortere (listen står i `rules/lexicons/shorteners.txt`). Tilføj flere med \
`hosts = [\"kort.firma.dk\"]` under `[rules.\"links.shortener\"]`, eller undtag en med \
`allow = [...]`.\n\nGør i stedet: åbn linket, og kopiér hele adressen fra browserens \
adresselinje. Platformen viser selv et pænt kort med titel og billede.",
        en: "A shortened link such as bit.ly/3xYz or lnkd.in/abc does not show where it leads. \
Readers can't tell whether they will land on a site they trust, and many spam filters and \
platforms show shortened links less or warn about them. A short link also breaks if the \
service shuts down.\n\nThe rule knows the common link shorteners (the list is in \
`rules/lexicons/shorteners.txt`). Add more with `hosts = [\"go.acme.com\"]` under \
`[rules.\"links.shortener\"]`, or exempt one with `allow = [...]`.\n\nInstead: open the link \
and copy the full address from your browser's address bar. The platform shows a neat preview \
card with the title and picture by itself.",
    },
    options: &[
        OptionSpec {
            name: "hosts",
            kind: OptionKind::Strings,
            doc: Local {
            da: "flere domæner for link-forkortere (underdomæner gælder også); føjes til den indbyggede liste",
            en: "more shortener hosts (subdomains match too); added to the built-in list",
        },
        },
        OptionSpec {
            name: "allow",
            kind: OptionKind::Strings,
            doc: Local {
            da: "link-forkortere, der er i orden, f.eks. virksomhedens egen; standard ingen",
            en: "shortener hosts that are fine, e.g. the company's own; default none",
        },
        },
    ],
    examples: &[
        Example {
            bad: true,
            text: "Vi søger nye kolleger – læs mere her: https://bit.ly/3FalckJob",
            guideline: "",
            date: "",
        },
        Example {
            bad: true,
            text: "Great read on first aid at work: lnkd.in/eXb4Qz9",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Vi søger nye kolleger – læs mere her: https://www.falck.dk/job",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Great read on first aid at work: https://www.redcross.org/first-aid",
            guideline: "",
            date: "",
        },
    ],
    build: build_shortener,
};

#[derive(Debug)]
struct ShortenerRule {
    extra: Vec<String>,
    allow: Vec<String>,
}

fn build_shortener(b: &mut Build<'_>) -> Box<dyn Rule> {
    LazyLock::force(&SHORTENERS);
    Box::new(ShortenerRule {
        extra: host_option(b, "hosts"),
        allow: host_option(b, "allow"),
    })
}

impl ShortenerRule {
    fn is_shortener(&self, host: &str) -> bool {
        !self.allow.iter().any(|a| host_matches(host, a))
            && SHORTENERS
                .iter()
                .chain(&self.extra)
                .any(|s| host_matches(host, s))
    }
}

impl Rule for ShortenerRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for url in &cx.doc.entities.urls {
            if !self.is_shortener(&host_of(&url.text)) {
                continue;
            }
            let link = shown(&url.text);
            let message = match cx.locale {
                Lang::Da => format!(
                    "«{link}» er et forkortet link. Læserne kan ikke se, hvor det fører hen, \
og spamfiltre stoler ikke på den slags links."
                ),
                Lang::En => format!(
                    "“{link}” is a shortened link. Readers can't see where it leads, and spam \
filters distrust links like it."
                ),
            };
            out.emit_with(
                Span::new(url.start, url.end),
                message,
                Suggestion::advice(cx.t(
                    "Brug hele adressen: åbn linket, og kopiér adressen fra browserens adresselinje.",
                    "Use the full address: open the link and copy it from your browser's address bar.",
                )),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// links.tracking
// ---------------------------------------------------------------------------------------------

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
    data_lines(include_str!("../../rules/lexicons/tracking-params.txt"))
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

/// `links.tracking`.
pub static TRACKING_PARAMS: RuleMeta = RuleMeta {
    id: "links.tracking",
    severity: Severity::Info,
    route: None,
    summary: Local {
        da: "Et link har sporingskoder (utm_source, fbclid …), som kan fjernes",
        en: "A link carries tracking codes (utm_source, fbclid …) that can be removed",
    },
    explain: Local {
        da: "Når du kopierer et link fra et nyhedsbrev, en annonce eller en app, kommer der \
ofte sporingskoder med, fx `?utm_source=newsletter&fbclid=…`. De gør linket langt og \
uoverskueligt, de fortæller afsenderen, hvor klikket kom fra, og de kan afsløre, hvem der \
delte linket. Læserne har ikke brug for dem, og siden virker fuldt ud uden.\n\nReglen kender \
de almindelige sporingskoder (utm_*, fbclid, gclid, mc_cid, igshid, _hsenc, mkt_tok, \
li_fat_id og flere – listen står i `rules/lexicons/tracking-params.txt`). `--fix` fjerner \
netop dem og lader resten af linket være. Tilføj flere med `params = [...]` (et `*` til sidst \
betyder \"alt, der begynder med\"), eller behold nogle med `keep = [...]`.\n\nGør i stedet: \
slet alt fra `utm_` og lignende, eller kør `postlint check --fix`.",
        en: "When you copy a link from a newsletter, an ad or an app, tracking codes often come \
along, such as `?utm_source=newsletter&fbclid=…`. They make the link long and messy, they tell \
the sender where the click came from, and they can reveal who shared the link. Readers don't \
need them, and the page works just as well without.\n\nThe rule knows the common tracking \
codes (utm_*, fbclid, gclid, mc_cid, igshid, _hsenc, mkt_tok, li_fat_id and more – the list \
is in `rules/lexicons/tracking-params.txt`). `--fix` removes exactly those and leaves the rest \
of the link alone. Add more with `params = [...]` (a trailing `*` means \"anything starting \
with\"), or keep some with `keep = [...]`.\n\nInstead: delete the `utm_` parts and the like, or \
run `postlint check --fix`.",
    },
    options: &[
        OptionSpec {
            name: "params",
            kind: OptionKind::Strings,
            doc: Local {
            da: "flere sporingsparametre, der skal fjernes (`navn` eller `præfiks*`); føjes til den indbyggede liste",
            en: "more tracking parameters to remove (`name`, or `prefix*`); added to the built-in list",
        },
        },
        OptionSpec {
            name: "keep",
            kind: OptionKind::Strings,
            doc: Local {
            da: "parametre, der aldrig skal fjernes, heller ikke når de står på den indbyggede liste; standard ingen",
            en: "parameters never to remove, even if they are on the built-in list; default none",
        },
        },
    ],
    examples: &[
        Example {
            bad: true,
            text: "Læs vores nye rapport: https://www.falck.dk/rapport?utm_source=linkedin&utm_medium=social",
            guideline: "",
            date: "",
        },
        Example {
            bad: true,
            text: "Proud of this story: https://example.com/news/story?id=42&fbclid=IwAR0abc",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Læs vores nye rapport: https://www.falck.dk/rapport?side=2",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Proud of this story: https://example.com/news/story?id=42&autumn=1",
            guideline: "",
            date: "",
        },
    ],
    build: build_tracking,
};

#[derive(Debug)]
struct TrackingRule {
    extra: Vec<Param>,
    keep: Vec<String>,
}

fn build_tracking(b: &mut Build<'_>) -> Box<dyn Rule> {
    LazyLock::force(&TRACKING);
    Box::new(TrackingRule {
        extra: b
            .strings("params")
            .iter()
            .filter_map(|p| Param::parse(p))
            .collect(),
        keep: b.strings("keep"),
    })
}

impl Rule for TrackingRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for url in &cx.doc.entities.urls {
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
            let message = match cx.locale {
                Lang::Da => format!(
                    "Linket har sporingskoder ({names}). De gør linket langt og fortæller, \
hvor klikket kom fra – læserne har ikke brug for dem."
                ),
                Lang::En => format!(
                    "The link carries tracking codes ({names}). They make it long and report \
where the click came from – readers don't need them."
                ),
            };
            let edit = Span::new(url.start + s.range.start, url.start + s.range.end);
            out.emit_with(
                Span::new(url.start, url.end),
                message,
                Suggestion::replace(
                    cx.t(
                        "Fjern sporingskoderne – resten af linket virker som før",
                        "Remove the tracking codes – the rest of the link works as before",
                    ),
                    Applicability::Safe,
                    edit,
                    s.replacement,
                ),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// links.internal
// ---------------------------------------------------------------------------------------------

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
    for line in data_lines(include_str!("../../rules/lexicons/internal-hosts.txt")) {
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

/// `links.internal`.
pub static INTERNAL_LINK: RuleMeta = RuleMeta {
    id: "links.internal",
    severity: Severity::Error,
    route: None,
    summary: Local {
        da: "Et link fører til et internt system (intranet, SharePoint, Jira, localhost …)",
        en: "A link points to an internal system (intranet, SharePoint, Jira, localhost …)",
    },
    explain: Local {
        da: "Et link til intranettet, SharePoint, Jira, Confluence eller en intern \
netværksadresse virker ikke for dem, der læser dit opslag – de bliver mødt af et login eller \
en fejl. Samtidig viser linket, hvilke systemer vi bruger, og hvordan de er bygget op, og \
det kan andre misbruge. Og måske var dokumentet slet ikke tænkt til offentligheden.\n\n\
Reglen slår til ved værterne under `[company] internal_hosts` i retningslinjen (også deres \
underdomæner), ved interne adresser (localhost, 10.x.x.x, 192.168.x.x, 172.16–31.x.x og \
lignende), ved navne uden domæne (`http://intranet/…`), ved interne domæner (.local, \
.internal, .corp, .lan), ved `intranet.` og `jira.`/`confluence.` i adressen og ved \
*.sharepoint.com og *.atlassian.net. Tilføj flere med `hosts = [...]`, eller undtag en \
offentlig side med `allow = [...]`.\n\nGør i stedet: fjern linket, eller link til en \
offentlig side med det samme indhold – spørg kommunikationsafdelingen, hvis du er i tvivl.",
        en: "A link to the intranet, SharePoint, Jira, Confluence or an internal network \
address doesn't work for the people reading your post – they get a login page or an error. \
It also shows which systems we use and how they are set up, which others can misuse. And the \
document may not have been meant for the public at all.\n\nThe rule fires on the hosts under \
`[company] internal_hosts` in the guideline (and their subdomains), on internal addresses \
(localhost, 10.x.x.x, 192.168.x.x, 172.16–31.x.x and the like), on names without a domain \
(`http://intranet/…`), on internal domains (.local, .internal, .corp, .lan), on `intranet.` \
and `jira.`/`confluence.` in the address, and on *.sharepoint.com and *.atlassian.net. Add \
more with `hosts = [...]`, or exempt a public site with `allow = [...]`.\n\nInstead: remove \
the link, or link to a public page with the same content – ask the comms team if you are \
unsure.",
    },
    options: &[
        OptionSpec {
            name: "hosts",
            kind: OptionKind::Strings,
            doc: Local {
            da: "flere interne domæner (underdomæner gælder også) ud over `[company] internal_hosts`",
            en: "more internal hosts (subdomains match too), besides `[company] internal_hosts`",
        },
        },
        OptionSpec {
            name: "allow",
            kind: OptionKind::Strings,
            doc: Local {
            da: "domæner, der ligner interne, men er offentlige (f.eks. et offentligt SharePoint-site); standard ingen",
            en: "hosts that look internal but are public (e.g. a public SharePoint site); default none",
        },
        },
    ],
    examples: &[
        Example {
            bad: true,
            text: "Slides fra dagen ligger her: https://acme.sharepoint.com/sites/strategi/slides.pptx",
            guideline: "",
            date: "",
        },
        Example {
            bad: true,
            text: "The new guide is live: https://intranet.acme.com/guides/onboarding",
            guideline: "[company]\ninternal_hosts = [\"intranet.acme.com\"]",
            date: "",
        },
        Example {
            bad: true,
            text: "Try our new tool at http://192.168.10.24:8080/demo before Friday.",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Slides fra dagen ligger her: https://www.falck.dk/om-falck/strategi",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "The new guide is live: https://www.acme.com/guides/onboarding",
            guideline: "[company]\ninternal_hosts = [\"intranet.acme.com\"]",
            date: "",
        },
    ],
    build: build_internal,
};

#[derive(Debug)]
struct InternalRule {
    listed: Vec<String>,
    allow: Vec<String>,
}

fn build_internal(b: &mut Build<'_>) -> Box<dyn Rule> {
    LazyLock::force(&INTERNAL);
    let mut listed: Vec<String> = b
        .guideline
        .company
        .internal_hosts
        .iter()
        .map(|h| normalize_host(h))
        .filter(|h| !h.is_empty())
        .collect();
    listed.extend(host_option(b, "hosts"));
    Box::new(InternalRule {
        listed,
        allow: host_option(b, "allow"),
    })
}

impl Rule for InternalRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for url in &cx.doc.entities.urls {
            let Some(kind) = classify_host(&host_of(&url.text), &self.listed, &self.allow) else {
                continue;
            };
            let link = shown(&url.text);
            let message = match (cx.locale, kind) {
                (Lang::Da, Internal::Local) => {
                    format!("«{link}» peger på din egen computer og virker ikke for andre.")
                }
                (Lang::En, Internal::Local) => {
                    format!("“{link}” points to your own computer and won't work for anyone else.")
                }
                (Lang::Da, Internal::Network) => format!(
                    "«{link}» er en adresse på et internt netværk. Andre kan ikke åbne den, og \
den afslører noget om vores netværk."
                ),
                (Lang::En, Internal::Network) => format!(
                    "“{link}” is an address on an internal network. Others can't open it, and \
it reveals something about our network."
                ),
                (Lang::Da, Internal::System) => format!(
                    "«{link}» fører til et internt system. Folk uden for virksomheden kan ikke \
åbne det, og linket viser, hvordan vores interne systemer er bygget op."
                ),
                (Lang::En, Internal::System) => format!(
                    "“{link}” points to an internal system. People outside the company can't \
open it, and it shows how our internal systems are set up."
                ),
            };
            out.emit_with(
                Span::new(url.start, url.end),
                message,
                Suggestion::advice(cx.t(
                    "Fjern linket, eller link til en offentlig side med det samme indhold.",
                    "Remove the link, or link to a public page with the same content.",
                )),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// links.too-many
// ---------------------------------------------------------------------------------------------

/// A platform's name as people write it.
fn platform_label(name: &str) -> String {
    match name {
        "x" => "X".to_string(),
        "linkedin" => "LinkedIn".to_string(),
        "tiktok" => "TikTok".to_string(),
        other => {
            let mut cs = other.chars();
            match cs.next() {
                Some(c) => c.to_uppercase().chain(cs).collect(),
                None => String::new(),
            }
        }
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

/// `links.too-many`.
pub static TOO_MANY: RuleMeta = RuleMeta {
    id: "links.too-many",
    severity: Severity::Warning,
    route: None,
    summary: Local {
        da: "Flere links, end platformen tillader – eller links, der ikke kan klikkes",
        en: "More links than the platform allows – or links that can't be clicked",
    },
    explain: Local {
        da: "Nogle platforme har deres egne regler for links. Threads tillader højst fem \
forskellige links i et opslag, og flere bliver afvist. På Instagram bliver links i teksten \
slet ikke til noget, man kan klikke på – læserne skal skrive adressen af.\n\nReglen ser kun \
på de platforme, opslaget er til (`platforms` i retningslinjen eller i opslagets \
indledning, eller `--platform`). Platformenes regler står i `rules/platforms.toml` \
(`max_links` og `links_clickable`), og retningslinjen kan ændre dem under \
`[platforms.NAVN]`. Advarslen om Instagram er kun til info.\n\nGør i stedet: behold de \
vigtigste links, og fjern resten. På Instagram: skriv «link i bio», og sæt linket i din \
profil.",
        en: "Some platforms have their own rules for links. Threads allows at most five \
different links in a post and rejects more. On Instagram, links in the caption don't become \
clickable at all – readers have to type the address.\n\nThe rule only looks at the platforms \
the post is for (`platforms` in the guideline or the post's front matter, or `--platform`). \
The platform rules are in `rules/platforms.toml` (`max_links` and `links_clickable`), and a \
guideline can change them under `[platforms.NAME]`. The Instagram notice is info only.\n\n\
Instead: keep the most important links and remove the rest. On Instagram: write “link in \
bio” and put the link in your profile.",
    },
    options: &[],
    examples: &[
        Example {
            bad: true,
            text: "Læs mere: falck.dk/a falck.dk/b falck.dk/c falck.dk/d falck.dk/e falck.dk/f",
            guideline: "platforms = [\"threads\"]",
            date: "",
        },
        Example {
            bad: true,
            text: "Our new training centre is open! See https://www.falck.com/training",
            guideline: "platforms = [\"instagram\"]",
            date: "",
        },
        Example {
            bad: false,
            text: "Læs mere: falck.dk/a falck.dk/b falck.dk/c falck.dk/d falck.dk/e",
            guideline: "platforms = [\"threads\"]",
            date: "",
        },
        Example {
            bad: false,
            text: "Our new training centre is open! Link in bio.",
            guideline: "platforms = [\"instagram\"]",
            date: "",
        },
        Example {
            bad: false,
            text: "Our new training centre is open! See https://www.falck.com/training",
            guideline: "platforms = [\"linkedin\"]",
            date: "",
        },
    ],
    build: build_too_many,
};

#[derive(Debug)]
struct TooManyRule;

fn build_too_many(_: &mut Build<'_>) -> Box<dyn Rule> {
    Box::new(TooManyRule)
}

impl Rule for TooManyRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let urls = &cx.doc.entities.urls;
        if urls.is_empty() {
            return;
        }
        for (profile, _) in cx.platforms {
            let platform = platform_label(&profile.name);
            if let Some(max) = profile.max_links {
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
                    let n = keys.len();
                    let message = match cx.locale {
                        Lang::Da => format!(
                            "{platform} tillader højst {max} forskellige links i et opslag – \
dette opslag har {n}."
                        ),
                        Lang::En => format!(
                            "{platform} allows at most {max} different links in a post – this \
one has {n}."
                        ),
                    };
                    out.emit_with(
                        Span::new(url.start, url.end),
                        message,
                        Suggestion::advice(cx.t(
                            "Behold de vigtigste links, og fjern resten.",
                            "Keep the most important links and remove the rest.",
                        )),
                    );
                }
            }
            if !profile.links_clickable {
                let url = &urls[0];
                let message = match cx.locale {
                    Lang::Da => format!(
                        "På {platform} kan man ikke klikke på links i teksten – læserne må \
skrive adressen af."
                    ),
                    Lang::En => format!(
                        "On {platform}, links in the text can't be clicked – readers would have \
to type the address."
                    ),
                };
                let f = out.emit_with(
                    Span::new(url.start, url.end),
                    message,
                    Suggestion::advice(cx.t(
                        "Skriv «link i bio», og sæt linket i din profil.",
                        "Write “link in bio” and put the link in your profile.",
                    )),
                );
                f.severity = Severity::Info;
            }
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

    #[test]
    fn shorteners() {
        let r = ShortenerRule {
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

    #[test]
    fn link_keys() {
        assert_eq!(link_key("https://www.Falck.dk/job/"), "falck.dk/job");
        assert_eq!(link_key("falck.dk/job"), "falck.dk/job");
        assert_ne!(link_key("falck.dk/Job"), link_key("falck.dk/job"));
        assert_eq!(platform_label("threads"), "Threads");
        assert_eq!(platform_label("linkedin"), "LinkedIn");
    }
}
