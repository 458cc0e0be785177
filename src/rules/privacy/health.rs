//! `privacy.health`: health data (sick leave, diagnoses, treatment, pregnancy) about a person
//! — another person's is a warning for the data-protection officer, the author's own is
//! information. See [`super::special`].

use super::special::Special;
use crate::error::Error;
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "privacy.health",
    severity: Severity::Warning,
    route: Some("dpo"),
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: Health::build,
};

#[derive(Debug)]
struct Health(Special);

impl Health {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        Ok(Box::new(Health(Special::build(b, &["health"], false)?)))
    }
}

impl Rule for Health {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        self.0.check(cx, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::report::Severity;
    use crate::rule::test::findings;

    fn who(text: &str) -> Option<(Severity, Option<String>)> {
        findings("", "privacy.health", text, "da")
            .first()
            .map(|f| (f.severity, f.route.clone()))
    }

    #[test]
    fn about_someone_else_about_oneself_or_no_one() {
        let dpo = Some((Severity::Warning, Some("dpo".to_string())));
        assert_eq!(
            who("God bedring til Peter, der er sygemeldt med stress."),
            dpo
        );
        assert_eq!(who("Min kollega har fået konstateret brystkræft."), dpo);
        assert_eq!(
            who("Our colleague Lisa was diagnosed with breast cancer last week."),
            dpo
        );
        assert_eq!(
            who("Jeg har været sygemeldt med stress i tre måneder."),
            Some((Severity::Info, None))
        );
        assert_eq!(
            who("I was diagnosed with diabetes last year, and here is what I learnt."),
            Some((Severity::Info, None))
        );
        // The route is the guideline's to set; the author's own data goes to no one.
        let hr = "[rules.\"privacy.health\"]\nroute = \"hr\"";
        let f = findings(
            hr,
            "privacy.health",
            "Min kollega Jonas er sygemeldt.",
            "da",
        );
        assert_eq!(f[0].route.as_deref(), Some("hr"));
        let f = findings(hr, "privacy.health", "Jeg er sygemeldt i denne uge.", "da");
        assert_eq!(f[0].route, None);
        for t in [
            "Fem ting, der hjalp vores team med at undgå stress.",
            "Vi løber for Kræftens Bekæmpelse på lørdag!",
            "Tilmeld dig førstehjælpskurset i næste uge.",
            "Five things that helped our team avoid burnout.",
        ] {
            assert_eq!(who(t), None, "{t}");
        }
    }
}
