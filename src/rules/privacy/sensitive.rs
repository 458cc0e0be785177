//! `privacy.sensitive`: the other special categories of GDPR art. 9 about a person — union
//! membership, religion, ethnic origin, sexual orientation, political opinion. Another
//! person's is a warning for the data-protection officer, the author's own is information.
//! See [`super::special`].

use super::special::Special;
use crate::error::Error;
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "privacy.sensitive",
    severity: Severity::Warning,
    route: Some("dpo"),
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: Sensitive::build,
};

#[derive(Debug)]
struct Sensitive(Special);

impl Sensitive {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let categories = ["union", "religion", "ethnicity", "orientation", "politics"];
        Ok(Box::new(Sensitive(Special::build(b, &categories, false)?)))
    }
}

impl Rule for Sensitive {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        self.0.check(cx, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::report::Severity;
    use crate::rule::test::findings;

    fn who(text: &str) -> Option<Severity> {
        findings("", "privacy.sensitive", text, "da")
            .first()
            .map(|f| f.severity)
    }

    #[test]
    fn categories_about_a_person() {
        assert_eq!(
            who("Tillykke til Mette, der er blevet valgt som tillidsrepræsentant!"),
            Some(Severity::Warning)
        );
        assert_eq!(
            who("Jeg er stolt af at være tillidsrepræsentant på lageret."),
            Some(Severity::Info)
        );
        for t in [
            "Glædelig Pride til alle!",
            "Drej til venstre ved rundkørslen.",
            "Vi har indgået en ny overenskomst med 3F.",
        ] {
            assert_eq!(who(t), None, "{t}");
        }
    }
}
