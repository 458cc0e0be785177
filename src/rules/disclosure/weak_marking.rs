//! `disclosure.weak-marking`: a commercial post hints at a sponsorship ("spons",
//! "#samarbejde", "in partnership with") instead of saying plainly that it is advertising or
//! that the author works for the company.

use super::marking::Lists;
use crate::error::Error;
use crate::report::{Applicability, Severity};
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "disclosure.weak-marking",
    severity: Severity::Warning,
    route: None,
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: WeakMarking::build,
};

#[derive(Debug)]
struct WeakMarking {
    /// None without a company name: nothing can be commercial then.
    lists: Option<Lists>,
}

impl WeakMarking {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        Ok(Box::new(WeakMarking {
            lists: Lists::for_rule(b),
        }))
    }
}

impl Rule for WeakMarking {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let Some(lists) = &self.lists else { return };
        if !cx.scores.commercial {
            return;
        }
        let marking = lists.marking(cx);
        // A clear marking anywhere is the buried rule's business if it comes late.
        if !marking.strong.is_empty() {
            return;
        }
        let Some(&first) = marking.weak.first() else {
            return;
        };
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
    fn hints_are_not_a_marking() {
        for text in [
            "Spons: AeroVarme 9 med 20 % rabat hele næste uge – bestil et uforpligtende besøg.",
            "AeroVarme 9 med 20 % rabat – bestil i dag. #samarbejde",
            "In partnership with Nordvarme: a 20% discount on the AeroVarme 9 this week, book today.",
        ] {
            assert_fires(G, "disclosure.weak-marking", text);
        }
        let f = findings(
            G,
            "disclosure.weak-marking",
            "AeroVarme 9 med 20 % rabat – bestil i dag. #samarbejde",
            "da",
        );
        assert_eq!(
            f[0].suggestions[0].edits[0].replacement,
            "Reklame for Nordvarme: "
        );
    }

    #[test]
    fn a_clear_marking_or_no_promotion_is_fine() {
        for text in [
            "Reklame for Nordvarme, i samarbejde med Bolius: AeroVarme 9 med 20 % rabat – bestil i dag.",
            "#ad I work at Nordvarme: 20% off the AeroVarme 9 this week, book today. #partner",
            "Tak til vores samarbejdspartnere for en god messe. I samarbejde med Nordvarme lærte vi meget.",
        ] {
            assert_silent(G, "disclosure.weak-marking", text);
        }
    }
}
