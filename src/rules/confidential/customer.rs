//! `confidential.customer`: a customer named in public without its consent (`[[customer]]`
//! with `consent = false`), in any case, inflected, inside a compound, with or without its
//! legal form ("Kronborg Frugt A/S", "Kronborg Frugts", "Kronborg Frugt-teamet").

use crate::error::Error;
use crate::matcher::{ListId, TermOptions};
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};
use crate::rules::words::company_names;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "confidential.customer",
    severity: Severity::Warning,
    route: Some("account-owner"),
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: Customer::build,
};

#[derive(Debug)]
struct Customer {
    /// Every name of every customer without consent, and for each the customer's index.
    names: ListId,
    owner: Vec<usize>,
    /// The customers' own names (as the guideline writes them) and routes.
    customers: Vec<(String, Option<String>)>,
}

impl Customer {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let mut terms = Vec::new();
        let mut owner = Vec::new();
        let mut customers = Vec::new();
        for c in b.guideline.customers.iter().filter(|c| !c.consent) {
            let i = customers.len();
            customers.push((c.name.clone(), c.route.clone()));
            let names: Vec<String> = std::iter::once(&c.name)
                .chain(&c.aliases)
                .cloned()
                .collect();
            for name in company_names(&names) {
                terms.push(name);
                owner.push(i);
            }
        }
        let options = TermOptions {
            compound: true,
            ..TermOptions::default()
        };
        Ok(Box::new(Customer {
            names: b.matcher.add_terms(&terms, options),
            owner,
            customers,
        }))
    }
}

impl Rule for Customer {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for hit in cx.hits.terms(self.names) {
            let (name, route) = &self.customers[self.owner[hit.term]];
            out.report(hit.span, "message")
                .arg("term", cx.slice(hit.span))
                .arg("customer", name.as_str())
                .advice("suggestion")
                .route(route.as_deref());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent, findings};

    const G: &str = "[[customer]]\nname = \"Kronborg Frugt A/S\"\n[[customer]]\nname = \"Skagerrak Kemi A/S\"\nroute = \"key-accounts\"\n[[customer]]\nname = \"Baltic Feeder Lines A/S\"\nconsent = true";

    #[test]
    fn customers_without_consent_in_any_form() {
        for t in [
            "Stolt af at køre for Kronborg Frugt A/S!",
            "Kronborg Frugts nye lager er klar.",
            "Hele Kronborg Frugt-teamet var med.",
            "SKAGERRAK KEMI har fået nye tanke.",
            "Skagerrak Kemis chauffører er de bedste.",
        ] {
            assert_fires(G, "confidential.customer", t);
        }
        for t in [
            "Baltic Feeder Lines A/S er en fantastisk partner.",
            "Vi besøgte Kronborg Slot i weekenden.",
            "Sejlads på Skagerrak i storm.",
            "Frugt og kemi på skoleskemaet.",
        ] {
            assert_silent(G, "confidential.customer", t);
        }
        let f = findings(G, "confidential.customer", "Skagerrak Kemi ringede.", "en");
        assert_eq!(f[0].route.as_deref(), Some("key-accounts"));
        let f = findings(G, "confidential.customer", "Kronborg Frugt ringede.", "en");
        assert_eq!(f[0].route.as_deref(), Some("account-owner"));
    }
}
