//! `language.not-allowed`: the post is written in a language the guideline does not allow.

use crate::error::Error;
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};
use crate::text::Lang;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "language.not-allowed",
    severity: Severity::Warning,
    route: None,
    scope: Scope::WholePost,
    options: options::<NoOptions>,
    build: NotAllowed::build,
};

#[derive(Debug)]
struct NotAllowed {
    allowed: Vec<Lang>,
}

impl NotAllowed {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        Ok(Box::new(NotAllowed {
            allowed: b.guideline.languages.clone(),
        }))
    }
}

impl Rule for NotAllowed {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let Some(lang) = cx.doc.language else { return };
        if self.allowed.contains(&lang) {
            return;
        }
        out.report(cx.doc.first_sentence(), "message")
            .arg("lang", lang)
            .arg("allowed", self.allowed.clone())
            .advice("suggestion");
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_silent, findings};

    #[test]
    fn names_the_languages_in_the_locale() {
        let g = "languages = [\"da\"]";
        let f = findings(
            g,
            "language.not-allowed",
            "We are hiring a new nurse for our team in Aarhus today.",
            "da",
        );
        assert_eq!(
            f[0].message,
            "Opslaget ser ud til at være på engelsk, men retningslinjen tillader kun dansk."
        );
        assert_eq!(f[0].suggestions[0].title, "Skriv opslaget på dansk.");
        assert_silent(
            g,
            "language.not-allowed",
            "Vi søger en ny sygeplejerske til vores team i Aarhus.",
        );
    }
}
