//! `disclosure.buried`: a commercial post says it is advertising, but only late — at the end,
//! in the closing hashtags — where the reader has already read it as an opinion.

use super::marking::Lists;
use crate::error::Error;
use crate::report::{Applicability, Severity};
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "disclosure.buried",
    severity: Severity::Warning,
    route: None,
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: Buried::build,
};

#[derive(Debug)]
struct Buried {
    /// None without a company name: nothing can be commercial then.
    lists: Option<Lists>,
}

impl Buried {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        Ok(Box::new(Buried {
            lists: Lists::for_rule(b),
        }))
    }
}

impl Rule for Buried {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let Some(lists) = &self.lists else { return };
        if !cx.scores.commercial {
            return;
        }
        let marking = lists.marking(cx);
        let Some(&first) = marking.strong.first() else {
            return; // no marking at all: disclosure.missing or disclosure.weak-marking
        };
        if marking.strong_up_front {
            return;
        }
        out.report(first, "message")
            .arg("marking", cx.slice(first))
            .fix("suggestion", Applicability::Unsafe, vec![lists.fix(cx)]);
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent, findings};

    const G: &str = "[company]\nnames = [\"Nordvarme\"]\nproducts = [\"AeroVarme 9\"]\ndisclosures = [\"#NordvarmeAnsat\", \"jeg arbejder hos Nordvarme\"]";

    #[test]
    fn a_marking_at_the_end_is_buried() {
        assert_fires(
            G,
            "disclosure.buried",
            "Vinterens bedste tilbud: AeroVarme 9 med 20 % rabat, kun til og med søndag. Bestil et uforpligtende besøg i dag.\n\n#varmepumpe #grønenergi #NordvarmeAnsat",
        );
        assert_fires(
            G,
            "disclosure.buried",
            "Our AeroVarme 9 is 20% off until Sunday – book your free visit today. Honestly the best heat pump I know.\n\n#heatpump #ad",
        );
    }

    #[test]
    fn a_marking_up_front_or_no_promotion_is_not() {
        assert_silent(
            G,
            "disclosure.buried",
            "Reklame for Nordvarme: AeroVarme 9 med 20 % rabat, kun til og med søndag. Bestil et uforpligtende besøg i dag.",
        );
        assert_silent(
            G,
            "disclosure.buried",
            "Jeg arbejder hos Nordvarme, og lige nu er der 20 % rabat på AeroVarme 9 – bestil i dag.",
        );
        assert_silent(
            G,
            "disclosure.buried",
            "Fem år i dag hos Nordvarme. Tak til verdens bedste kolleger!\n\n#NordvarmeAnsat",
        );
    }

    #[test]
    fn marking_words_are_words() {
        // "Ad:" and "#ad" up front mark the post; the Danish preposition "ad" does not.
        for text in [
            "Ad: AeroVarme 9 at a 20% discount this week – book your free visit today.",
            "#ad AeroVarme 9 at a 20% discount this week – book your free visit today.",
        ] {
            assert_silent(G, "disclosure.buried", text);
            assert_silent(G, "disclosure.missing", text);
        }
        let text = "AeroVarme 9 med 20 % rabat – bestil i dag. Vi kører ad omvejen forbi jer, hvis I bestiller inden søndag, og så er det klaret.";
        assert_silent(G, "disclosure.buried", text);
        assert_fires(G, "disclosure.missing", text);
    }

    #[test]
    fn the_fix_marks_the_post_first() {
        let text = "AeroVarme 9 med 20 % rabat – bestil i dag. Det er det bedste køb, jeg kender til i år, og montørerne er dygtige.\n\n#NordvarmeAnsat";
        let f = findings(G, "disclosure.buried", text, "da");
        let edit = &f[0].suggestions[0].edits[0];
        assert_eq!((edit.start, edit.end), (0, 0));
        assert_eq!(edit.replacement, "Reklame for Nordvarme: ");
        assert_eq!(
            f[0].suggestions[0].applicability,
            crate::Applicability::Unsafe
        );
        let en = "AeroVarme 9 at a 20% discount – book today. Honestly the best heat pump I know, and the installers are great.\n\n#NordvarmeAnsat";
        let f = findings(G, "disclosure.buried", en, "da");
        assert_eq!(
            f[0].suggestions[0].edits[0].replacement,
            "#ad – I work at Nordvarme: "
        );
    }

    #[test]
    fn employment_in_the_authors_own_words() {
        let offer = "AeroVarme 9 fra kun 449 kr./md. – bestil din gratis energigennemgang på nordvarme.dk/tilbud.";
        // Up front: clear, no finding from either rule.
        for text in [
            format!("Jeg er montør hos Nordvarme, og jeg er stolt af den her: {offer}"),
            format!("As Head of Commercial Sales at Nordvarme, I'm excited to share this. {offer}"),
        ] {
            assert_silent(G, "disclosure.buried", &text);
            assert_silent(G, "disclosure.missing", &text);
        }
        // At the end: buried.
        assert_fires(
            G,
            "disclosure.buried",
            &format!("{offer}\n\nJeg er selv ansat som rådgiver hos Nordvarme."),
        );
        // A customer is not an employee.
        assert_fires(
            G,
            "disclosure.missing",
            &format!("Som kunde hos Nordvarme kan jeg sige: {offer}"),
        );
    }

    #[test]
    fn a_marking_alone_on_the_last_line_is_late() {
        let text = "Get a full service check on your AeroVarme 9 for DKK 995 (normally DKK 1,595). Book before the first frost: nordvarme.com/service\n\nAd";
        assert_fires(G, "disclosure.buried", text);
        assert_silent(G, "disclosure.missing", text);
    }
}
