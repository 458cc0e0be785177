//! `mentions.too-many`: the post tags too many people or accounts.

use crate::error::Error;
use crate::report::{Severity, Span};
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "mentions.too-many",
    severity: Severity::Warning,
    route: None,
    scope: Scope::Span,
    options: options::<Options>,
    build: TooMany::build,
};

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// How many different people or accounts a post may tag, on every platform. A thank-you
    /// to a small team is fine; more than ten tags in one post is what spam looks like.
    max: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options { max: 10 }
    }
}

#[derive(Debug)]
struct TooMany {
    max: usize,
}

impl TooMany {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o: Options = b.options()?;
        Ok(Box::new(TooMany { max: o.max }))
    }
}

/// A mention's account in a form two spellings of it share (case-insensitive).
fn account_key(text: &str) -> std::borrow::Cow<'_, str> {
    if text.bytes().all(|b| !b.is_ascii_uppercase()) && text.is_ascii() {
        text.into()
    } else {
        text.chars()
            .flat_map(char::to_lowercase)
            .collect::<String>()
            .into()
    }
}

impl Rule for TooMany {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let mentions = &cx.doc.people;
        let total = mentions.len();
        if total == 0 {
            return;
        }
        let last = mentions[total - 1].end;
        // Platform caps count every @mention as written.
        let mut capped: Vec<(usize, Vec<&str>)> = Vec::new();
        for m in cx.platforms {
            let Some(cap) = m.profile.max_mentions.filter(|&c| total > c) else {
                continue;
            };
            let name = m.profile.display_name.as_str();
            match capped.iter_mut().find(|(c, _)| *c == cap) {
                Some(g) => g.1.push(name),
                None => capped.push((cap, vec![name])),
            }
        }
        let raised = out.severity().raised();
        for (cap, names) in &capped {
            out.report(Span::new(mentions[*cap].start, last), "capped")
                .arg("platforms", names.clone())
                .arg("cap", *cap)
                .arg("total", total)
                .advice("suggestion")
                .severity(raised);
        }
        if !capped.is_empty() {
            return;
        }
        // The general limit counts people: the same account tagged twice is one. One pass
        // with a set (comparing each mention with all before it was quadratic).
        let mut seen: HashSet<std::borrow::Cow<'_, str>> = HashSet::new();
        let mut beyond = None;
        for m in mentions {
            if seen.insert(account_key(&m.text)) && seen.len() == self.max + 1 {
                beyond = Some(m.start);
            }
        }
        if let Some(start) = beyond {
            out.report(Span::new(start, last), "message")
                .arg("distinct", seen.len())
                .arg("max", self.max)
                .advice("suggestion");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::account_key;
    use crate::rule::test::{assert_fires, assert_silent};

    #[test]
    fn same_account_ignores_case() {
        assert_eq!(account_key("Falck"), account_key("falck"));
        assert_eq!(account_key("Søren"), account_key("sØREN"));
        assert_ne!(account_key("søren"), account_key("soren"));
        assert_ne!(account_key("anne"), account_key("anne_h"));
    }

    #[test]
    fn counts_people_not_tags() {
        let g = "[rules.\"mentions.too-many\"]\nmax = 2";
        assert_silent(
            g,
            "mentions.too-many",
            "Tak til @anne og @bo – og til @Anne igen.",
        );
        assert_fires(g, "mentions.too-many", "Tak til @anne, @bo og @carl.");
    }
}
