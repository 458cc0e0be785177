//! `sales.competition`: a competition or giveaway ("del og vind", "like and share to win", "vi trækker lod").
//!
//! The phrases are data (`rules/lexicons/signals.toml`), found once per post with the other
//! sales signals; in a job post, calls to action and deadlines are about the job and are not
//! signals. The rule is a hint (info): whether the post as a whole reads like an advert is
//! `sales.score`'s judgement, which this signal feeds.

use crate::error::Error;
use crate::report::{Severity, SignalKind};
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "sales.competition",
    severity: Severity::Info,
    route: None,
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: Competition::build,
};

#[derive(Debug)]
struct Competition;

impl Competition {
    fn build(_: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        Ok(Box::new(Competition))
    }
}

impl Rule for Competition {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        super::report_signals(cx, out, SignalKind::Competition);
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    const G: &str = "extends = [\"recommended\"]";

    #[test]
    fn giveaways_in_both_languages() {
        assert_fires(
            G,
            "sales.competition",
            "Del og vind et gavekort på 2.000 kr. til vores webshop!",
        );
        assert_fires(
            G,
            "sales.competition",
            "Vi trækker lod blandt alle, der kommenterer inden fredag.",
        );
        assert_fires(
            G,
            "sales.competition",
            "Like and share this post for a chance to win a weekend trip.",
        );
    }

    #[test]
    fn winning_is_not_a_competition() {
        assert_silent(
            G,
            "sales.competition",
            "Vi vandt Energiprisen 2025 for projektet på Sydfyn.",
        );
        assert_silent(
            G,
            "sales.competition",
            "I år skal vi vinde nye kunder i Jylland.",
        );
        assert_silent(
            G,
            "sales.competition",
            "Our team won the award for the best apprentice programme.",
        );
        // "Konkurrence" and "competition" alone are words, not giveaways.
        assert_silent(
            G,
            "sales.competition",
            "Konkurrence er sundt, og det er godt for kunderne.",
        );
        assert_silent(
            G,
            "sales.competition",
            "Our intern won the national programming competition!",
        );
    }
}
