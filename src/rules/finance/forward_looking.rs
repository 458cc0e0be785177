//! `finance.forward-looking`: an outlook on the company's own figures ("vi forventer en
//! tocifret vækst i omsætningen næste år") at any time — for a listed company that may be
//! inside information (MAR art. 7). Inside a quiet period `finance.quiet-period` speaks
//! instead. The judgement is [`super::figures`] with an outlook word.

use super::figures::Figures;
use crate::error::Error;
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "finance.forward-looking",
    severity: Severity::Warning,
    route: Some("investor-relations"),
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: ForwardLooking::build,
};

#[derive(Debug)]
struct ForwardLooking {
    figures: Figures,
    /// The quiet periods, during which finance.quiet-period reports instead.
    quiet: Vec<(jiff::Timestamp, jiff::Timestamp)>,
}

impl ForwardLooking {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let tz = b.guideline.zone();
        let quiet = b
            .guideline
            .quiet_periods
            .iter()
            .map(|q| (q.from.resolve(&tz), q.to.end(&tz)))
            .collect();
        Ok(Box::new(ForwardLooking {
            figures: Figures::build(b, &[])?,
            quiet,
        }))
    }
}

impl Rule for ForwardLooking {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        if self
            .quiet
            .iter()
            .any(|(from, to)| *from <= cx.now && cx.now < *to)
        {
            return;
        }
        if let Some(s) = self.figures.sentences(cx).into_iter().find(|s| s.outlook) {
            out.report(s.span, "message")
                .arg("term", cx.slice(s.span))
                .advice("suggestion");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    #[test]
    fn an_outlook_on_the_company_figures() {
        for t in [
            "Vi forventer en tocifret vækst i omsætningen næste år.",
            "We expect revenue to double next year.",
            "Vores ordrebog peger på et rekordår – vi forventer at nå 500 mio.",
        ] {
            assert_fires("", "finance.forward-looking", t);
        }
        for t in [
            "Jeg forventer et godt år for vores elever.",
            "Regnskabet for 2026 er offentliggjort – læs det her.",
            "The weather outlook for Friday looks great.",
            "Vi har haft et godt år sammen, tak til alle.",
        ] {
            assert_silent("", "finance.forward-looking", t);
        }
    }
}
