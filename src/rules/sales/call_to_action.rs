//! `sales.call-to-action`: a call to action: a verb with a sales object a few words after it ("book a quick 15-minute call", "bestil din gratis prøve").
//!
//! The phrases are data (`rules/lexicons/signals.toml`), found once per post with the other
//! sales signals; in a job post, calls to action and deadlines are about the job and are not
//! signals. The rule is a hint (info): whether the post as a whole reads like an advert is
//! `sales.score`'s judgement, which this signal feeds.

use crate::error::Error;
use crate::report::{Severity, SignalKind};
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "sales.call-to-action",
    severity: Severity::Info,
    route: None,
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: CallToAction::build,
};

#[derive(Debug)]
struct CallToAction;

impl CallToAction {
    fn build(_: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        Ok(Box::new(CallToAction))
    }
}

impl Rule for CallToAction {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        super::report_signals(cx, out, SignalKind::CallToAction);
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    const G: &str = "extends = [\"recommended\"]";

    #[test]
    fn a_verb_with_its_object_a_few_words_later() {
        assert_fires(
            G,
            "sales.call-to-action",
            "Book a quick 15-minute call with me and see how it works.",
        );
        assert_fires(
            G,
            "sales.call-to-action",
            "Bestil din gratis prøve allerede i dag.",
        );
        assert_fires(
            G,
            "sales.call-to-action",
            "Skriv til mig for et uforpligtende tilbud på jeres tag.",
        );
        assert_fires(
            G,
            "sales.call-to-action",
            "Den nye app er klar – køb nu og kom i gang i dag.",
        );
    }

    #[test]
    fn the_same_words_without_a_sales_object() {
        assert_silent(
            G,
            "sales.call-to-action",
            "Vi holdt en demo af den nye app for hele afdelingen i går.",
        );
        assert_silent(
            G,
            "sales.call-to-action",
            "I booked a flight to Aarhus. The call with the customer went well.",
        );
        // In a job post, the call to action is about the job.
        assert_silent(
            G,
            "sales.call-to-action",
            "Vi søger en montør til vores team i Vejle. Fuld tid, ansøgningsfrist fredag. Book en snak med værkstedschefen om jobbet.",
        );
    }
}
