//! `disclosure.missing`: the post promotes the company's products or offers (it names them
//! and sells: see `Scores::commercial`), and says nowhere that the author works there.

use crate::error::Error;
use crate::matcher::{ListId, TermOptions};
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};
use crate::text::PerLang;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "disclosure.missing",
    severity: Severity::Warning,
    route: None,
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: Missing::build,
};

#[derive(Debug)]
struct Missing {
    lists: Option<(ListId, ListId)>,
    /// Advertising markings ("Reklame", "#ad", "spons"): a post with one is the business of
    /// `disclosure.buried` and `disclosure.weak-marking`.
    markings: Option<super::marking::Lists>,
    /// The disclosure to suggest for a Danish post and for an English one.
    example: PerLang<String>,
}

impl Missing {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let c = &b.guideline.company;
        let names: Vec<String> = c.names.iter().chain(&c.products).cloned().collect();
        if names.is_empty() || c.disclosures.is_empty() {
            return Ok(Box::new(Missing {
                lists: None,
                markings: None,
                example: Default::default(),
            }));
        }
        let mentions = b.matcher.add_terms(&names, TermOptions::default());
        let disclosures = b.matcher.add_terms(&c.disclosures, TermOptions::default());
        // Suggest a disclosure in the post's language ("#FalckAnsat" for a Danish post,
        // "#FalckEmployee" for an English one) when the guideline has one.
        let pick = |danish: bool| {
            c.disclosures
                .iter()
                .find(|d| looks_danish(d) == danish)
                .or(c.disclosures.first())
                .cloned()
                .unwrap_or_default()
        };
        let markings = super::marking::Lists::register(b.matcher, &[], &c.names);
        Ok(Box::new(Missing {
            lists: Some((mentions, disclosures)),
            markings: Some(markings),
            example: PerLang {
                da: pick(true),
                en: pick(false),
            },
        }))
    }
}

/// Whether a short disclosure phrase or hashtag is Danish: Danish letters, or a Danish word
/// part ("#FalckAnsat", "jeg arbejder hos Falck").
fn looks_danish(phrase: &str) -> bool {
    let folded = crate::fold::fold(phrase);
    folded.contains(['æ', 'ø', 'å'])
        || ["ansat", "arbejder", "medarbejder", " hos ", "kollega"]
            .iter()
            .any(|w| folded.contains(w))
}

impl Rule for Missing {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let Some((mentions, disclosures)) = self.lists else {
            return;
        };
        // Only a post that promotes the company's products or offers needs a disclosure;
        // naming the employer in a job post or an anniversary does not.
        if !cx.scores.commercial {
            return;
        }
        let disclosed = cx.hits.terms(disclosures);
        // A company name inside the disclosure itself ("jeg arbejder hos Falck") is not a
        // mention that needs one.
        let first = cx.hits.terms(mentions).iter().find(|m| {
            !disclosed
                .iter()
                .any(|d| d.span.start <= m.span.start && m.span.end <= d.span.end)
        });
        let Some(first) = first else { return };
        if !disclosed.is_empty() {
            return;
        }
        if let Some(m) = self.markings.as_ref().map(|l| l.marking(cx)) {
            if !m.strong.is_empty() || !m.weak.is_empty() {
                return;
            }
        }
        let example = self.example.get(cx.lang());
        out.report(first.span, "message")
            .arg("name", cx.slice(first.span))
            .arg("example", example.as_str())
            .advice("suggestion");
    }
}

#[cfg(test)]
mod tests {
    use super::looks_danish;
    use crate::rule::test::{assert_fires, assert_silent, findings};

    const G: &str = "[company]\nnames = [\"Falck\"]\nproducts = [\"Falck Assistance\"]\ndisclosures = [\"#FalckAnsat\", \"#FalckEmployee\"]";

    #[test]
    fn naming_the_employer_is_not_promotion() {
        for text in [
            "I dag har jeg været 10 år hos Falck. Tak til de bedste kolleger!",
            "Vi søger en vagtcentralmedarbejder til Falck i Aarhus. Søg senest fredag.",
            "Proud to ride 300 km with the Falck team for the children's cancer fund this weekend.",
            "Husk at få tjekket dækkene inden vinteren, også hvis du har Falck Assistance.",
        ] {
            assert_silent(G, "disclosure.missing", text);
        }
        // The same employer with an offer is promotion.
        assert_fires(
            G,
            "disclosure.missing",
            "Falck giver lige nu 20 % rabat på vejhjælp – bestil inden søndag!",
        );
        assert_fires(
            G,
            "disclosure.missing",
            "Falck Assistance: first month free for new members.",
        );
    }

    #[test]
    fn a_product_story_with_its_benefit_and_a_pointer_is_promotion() {
        let g = "[company]\nnames = [\"Nordvarme\"]\nproducts = [\"AeroVarme 9\"]\ndomains = [\"nordvarme.dk\"]\ndisclosures = [\"#NordvarmeAnsat\"]";
        assert_fires(
            g,
            "disclosure.missing",
            "I dag fik familien Madsen deres nye AeroVarme 9 sat op. Med den regner de med at spare ca. 14.000 kr. om året. Flere historier på nordvarme.dk/kunder",
        );
        // The same product in a maintenance tip with a link: no promotion.
        assert_silent(
            g,
            "disclosure.missing",
            "Har du en AeroVarme 9? Husk at rense filteret hver måned, så kører den bedst. Se hvordan på nordvarme.dk/service",
        );
    }

    #[test]
    fn disclosure_language() {
        assert!(looks_danish("#FalckAnsat"));
        assert!(looks_danish("jeg arbejder hos Falck"));
        assert!(!looks_danish("#FalckEmployee"));
        assert!(!looks_danish("I work at Falck"));
    }

    #[test]
    fn suggests_a_disclosure_in_the_posts_language() {
        let f = findings(
            G,
            "disclosure.missing",
            "Falck Assistance fik mig hjem efter et nedbrud på motorvejen. Bestil i dag – første måned er gratis!",
            "en",
        );
        assert!(f[0].suggestions[0].title.contains("#FalckAnsat"), "{f:?}");
        let f = findings(
            G,
            "disclosure.missing",
            "Falck Assistance got me home after a breakdown on the motorway. Sign up today: the first month is free!",
            "da",
        );
        assert!(
            f[0].suggestions[0].title.contains("#FalckEmployee"),
            "{f:?}"
        );
        assert_fires(
            G,
            "disclosure.missing",
            "Falck Assistance is the best choice – sign up today and get the first month free.",
        );
        assert_silent(
            G,
            "disclosure.missing",
            "Falck Assistance got me home. #FalckEmployee",
        );
    }
}
