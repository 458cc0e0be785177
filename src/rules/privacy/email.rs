//! `privacy.email`: an e-mail address, judged by whose it is. Another person's private
//! address (a free mail service, `privat@…`) is a warning; a work address or the author's own
//! is information; the company's own public addresses (`[company] contacts`) pass.

use super::{People, Who};
use crate::error::Error;
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};
use crate::span::Span;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "privacy.email",
    severity: Severity::Warning,
    route: None,
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: Email::build,
};

#[derive(Debug)]
struct Email {
    people: People,
    private_domains: Vec<String>,
    private_local: Vec<String>,
    /// The company's public addresses, lower-cased.
    contacts: Vec<String>,
}

impl Email {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let lower = |v: Vec<String>| v.into_iter().map(|s| s.to_lowercase()).collect();
        Ok(Box::new(Email {
            people: People::build(b.matcher)?,
            private_domains: lower(super::words("email.private_domains")?),
            private_local: lower(super::words("email.private_local")?),
            contacts: b
                .guideline
                .company
                .contacts
                .iter()
                .filter(|c| c.contains('@'))
                .map(|c| c.trim().trim_start_matches("mailto:").to_lowercase())
                .collect(),
        }))
    }

    fn is_private(&self, address: &str) -> bool {
        let (local, domain) = address.rsplit_once('@').unwrap_or(("", address));
        let local_words: Vec<&str> = local.split(['.', '_', '-', '+']).collect();
        self.private_domains.iter().any(|d| domain == d)
            || self
                .private_local
                .iter()
                .any(|p| local_words.contains(&p.as_str()))
    }
}

impl Rule for Email {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        // The severity in force is the most this rule reports (a guideline may lower it).
        let cap = out.severity();
        let refs = self.people.refs(cx);
        for r in &cx.doc.emails {
            let span = Span::new(r.start, r.end);
            let address = cx.slice(span).to_lowercase();
            if self.contacts.contains(&address) {
                continue;
            }
            let severity = match (self.is_private(&address), refs.about(cx, span)) {
                (true, Who::Other | Who::Nobody) => Severity::Warning,
                _ => Severity::Info,
            };
            super::report_contact(out, cx, span, severity.min(cap));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::report::Severity;
    use crate::rule::test::findings;

    const G: &str = "[company]\nnames = [\"Havnelogistik\"]\ncontacts = [\"presse@havnelogistik.dk\", \"job@havnelogistik.dk\"]";

    fn severity(text: &str) -> Option<Severity> {
        findings(G, "privacy.email", text, "da")
            .first()
            .map(|f| f.severity)
    }

    #[test]
    fn private_addresses_of_others_warn() {
        assert_eq!(
            severity("Skriv til Mette på mette1987@gmail.com"),
            Some(Severity::Warning)
        );
        assert_eq!(
            severity("Hendes adresse er privat@jensen.dk"),
            Some(Severity::Warning)
        );
        assert_eq!(
            severity("Skriv til søren.berg@havnelogistik.dk"),
            Some(Severity::Info)
        );
        assert_eq!(
            severity("Skriv til mig på min.mail@gmail.com"),
            Some(Severity::Info)
        );
        for t in [
            "Presse: PRESSE@havnelogistik.dk",
            "<job@havnelogistik.dk>",
            "mailto:job@havnelogistik.dk",
            "Følg @havnelogistik",
            "2 stk. @ 3.50 kr.",
        ] {
            assert_eq!(severity(t), None, "{t}");
        }
        let f = findings(G, "privacy.email", "Skriv til søren@eksempel.dk.", "da");
        assert_eq!(f[0].message, "«søren@eksempel.dk» er en e-mailadresse. Er det din egen eller en fælles adresse, er det i orden.");
    }
}
