//! `sales.urgency`: pressure of time or quantity ("kun hele næste uge", "only until Sunday", "de første 50").
//!
//! The phrases are data (`rules/lexicons/signals.toml`), found once per post with the other
//! sales signals; in a job post, calls to action and deadlines are about the job and are not
//! signals. The rule is a hint (info): whether the post as a whole reads like an advert is
//! `sales.score`'s judgement, which this signal feeds.

use crate::error::Error;
use crate::report::{Severity, SignalKind};
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "sales.urgency",
    severity: Severity::Info,
    route: None,
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: Urgency::build,
};

#[derive(Debug)]
struct Urgency;

impl Urgency {
    fn build(_: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        Ok(Box::new(Urgency))
    }
}

impl Rule for Urgency {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        super::report_signals(cx, out, SignalKind::Urgency);
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    const G: &str = "extends = [\"recommended\"]";

    #[test]
    fn pressure_with_any_time_expression() {
        assert_fires(
            G,
            "sales.urgency",
            "Tilbuddet på varmepumpen gælder kun hele næste uge.",
        );
        assert_fires(
            G,
            "sales.urgency",
            "20% off the service check, only until Sunday.",
        );
        assert_fires(
            G,
            "sales.urgency",
            "De første 50 kunder får montering med i prisen.",
        );
        assert_fires(
            G,
            "sales.urgency",
            "Sidste chance for at sikre dig en plads på kurset!",
        );
    }

    #[test]
    fn a_plain_deadline_or_duration() {
        assert_silent(
            G,
            "sales.urgency",
            "Ansøgningsfristen er fredag, og vi holder samtaler løbende.",
        );
        assert_silent(
            G,
            "sales.urgency",
            "Det tog kun tre dage at installere anlægget på skolen.",
        );
        assert_silent(
            G,
            "sales.urgency",
            "I have only been here a month, and I already love the team.",
        );
    }
}
