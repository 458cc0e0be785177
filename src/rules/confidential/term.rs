//! `confidential.term`: a term from a `[[confidential]]` list, until its embargo lifts.

use crate::error::Error;
use crate::guideline::Confidential;
use crate::matcher::{ListId, TermOptions};
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};

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
    lists: Vec<(ListId, Confidential, Option<String>)>,
}

impl Term {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let mut lists = Vec::new();
        for (i, c) in b.guideline.confidential.iter().enumerate() {
            let options = TermOptions {
                case_sensitive: c.case_sensitive,
                in_urls: true,
                ..TermOptions::default()
            };
            let own = c
                .message
                .as_ref()
                .map(|m| b.text(format!("confidential.term.list-{i}"), m));
            lists.push((b.matcher.add_terms(&c.terms, options), c.clone(), own));
        }
        Ok(Box::new(Term { lists }))
    }
}

impl Rule for Term {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for (id, entry, own) in &self.lists {
            if entry.until.is_some_and(|until| cx.date >= until) {
                continue;
            }
            for hit in cx.hits.terms(*id) {
                let (message, advice) = match (own, entry.until) {
                    (Some(own), Some(_)) => (own.as_str(), "embargo-suggestion"),
                    (Some(own), None) => (own.as_str(), "suggestion"),
                    (None, Some(_)) => ("embargo", "embargo-suggestion"),
                    (None, None) => ("message", "suggestion"),
                };
                let mut e = out
                    .report(hit.span, message)
                    .arg("term", cx.slice(hit.span));
                if let Some(until) = entry.until {
                    e = e.arg("until", until);
                }
                e = e.advice(advice).route(entry.route.as_deref());
                if let Some(s) = entry.severity {
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
