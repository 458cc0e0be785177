//! `confidential.term`: a term from a `[[confidential]]` list, until its embargo lifts.

use crate::error::Error;
use crate::guideline::Confidential;
use crate::i18n::Arg;
use crate::matcher::{ListId, TermOptions};
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};
use crate::secret::HashedList;
use crate::span::Span;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "confidential.term",
    severity: Severity::Error,
    route: None,
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: Term::build,
};

#[derive(Debug)]
struct Term {
    /// Each list with its entry and the message id of its own message, if it has one.
    lists: Vec<List>,
}

#[derive(Debug)]
struct List {
    /// The plain terms.
    terms: ListId,
    /// The hashed terms.
    hashed: Option<HashedList>,
    entry: Confidential,
    /// The message id of the list's own message.
    own: Option<String>,
    /// When the embargo lifts, and that moment as a message argument.
    until: Option<(jiff::Timestamp, Arg)>,
}

impl Term {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let tz = b.guideline.zone();
        let mut lists = Vec::new();
        for (i, c) in b.guideline.confidential.iter().enumerate() {
            let options = TermOptions {
                case_sensitive: c.case_sensitive,
                in_urls: true,
                compound: c.compounds,
                ..TermOptions::default()
            };
            // A codename typed without the Danish letters ("Havorn") leaks just the same.
            let mut terms = c.terms.clone();
            if !c.case_sensitive {
                for t in &c.terms {
                    terms.extend(crate::secret::ascii_spellings(&crate::secret::normal(t)));
                }
            }
            let own = c
                .message
                .as_ref()
                .map(|m| b.text(format!("confidential.term.list-{i}"), m));
            lists.push(List {
                terms: b.matcher.add_terms(&terms, options),
                hashed: c.hashed.as_ref().map(HashedList::new),
                entry: c.clone(),
                own,
                until: c.until.map(|u| (u.resolve(&tz), u.arg(&tz))),
            });
        }
        Ok(Box::new(Term { lists }))
    }
}

impl Rule for Term {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for list in &self.lists {
            if list
                .until
                .as_ref()
                .is_some_and(|(until, _)| cx.now >= *until)
            {
                continue;
            }
            let hashed = list
                .hashed
                .as_ref()
                .map(|h| h.find(cx.doc, list.entry.compounds))
                .unwrap_or_default();
            let mut spans: Vec<Span> = cx.hits.terms(list.terms).iter().map(|h| h.span).collect();
            // A hashed hit is reported like a plain one, with the text of the post: the
            // list itself is never shown.
            for h in hashed {
                if !spans.iter().any(|p| p.start <= h.start && h.end <= p.end) {
                    spans.push(h);
                }
            }
            spans.sort_by_key(|s| s.start);
            for span in spans {
                let (message, advice) = match (&list.own, &list.until) {
                    (Some(own), Some(_)) => (own.as_str(), "embargo-suggestion"),
                    (Some(own), None) => (own.as_str(), "suggestion"),
                    (None, Some(_)) => ("embargo", "embargo-suggestion"),
                    (None, None) => ("message", "suggestion"),
                };
                let mut e = out.report(span, message).arg("term", cx.slice(span));
                if let Some((_, until)) = &list.until {
                    e = e.arg("until", until.clone());
                }
                e = e.advice(advice).route(list.entry.route.as_deref());
                if let Some(s) = list.entry.severity {
                    e.severity(s);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent, findings};

    #[test]
    fn codenames_in_inflected_forms_and_links() {
        let g = "[[confidential]]\nterms = [\"Nordlys\"]";
        assert_fires(
            g,
            "confidential.term",
            "Glæder mig til at vise jer Nordlyset.",
        );
        assert_fires(g, "confidential.term", "Se https://acme.dk/nordlys-demo");
        assert_silent(
            g,
            "confidential.term",
            "Sikke en solnedgang over Skagen i aftes.",
        );
    }

    #[test]
    fn a_list_may_have_its_own_message() {
        let g = "[[confidential]]\nterms = [\"Nordlys\"]\nmessage = { da = \"«{term}» er hemmeligt.\", en = \"“{term}” is secret.\" }";
        let f = findings(g, "confidential.term", "Nordlys kommer snart.", "da");
        assert_eq!(f[0].message, "«Nordlys» er hemmeligt.");
    }
}
