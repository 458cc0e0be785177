//! `competitor.mention`: the post names a competitor from `[company] competitors` — worth
//! knowing, no reason for review: a congratulation, a shared panel, a former employer.
//! Disparagement is `competitor.disparaging`.

use crate::error::Error;
use crate::matcher::{ListId, TermOptions};
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "competitor.mention",
    severity: Severity::Info,
    route: None,
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: Mention::build,
};

#[derive(Debug)]
struct Mention {
    list: Option<ListId>,
}

impl Mention {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let names = &b.guideline.company.competitors;
        let list = (!names.is_empty()).then(|| b.matcher.add_terms(names, TermOptions::default()));
        Ok(Box::new(Mention { list }))
    }
}

impl Rule for Mention {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let Some(list) = self.list else { return };
        for hit in cx.hits.terms(list) {
            out.report(hit.span, "message")
                .arg("name", cx.slice(hit.span))
                .advice("suggestion");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    const G: &str = "[company]\ncompetitors = [\"Konkurrent A/S\"]";

    #[test]
    fn names_and_inflections() {
        assert_fires(
            G,
            "competitor.mention",
            "Vi rykker hurtigere ud end Konkurrent A/S.",
        );
        assert_silent(G, "competitor.mention", "Vi rykker hurtigere ud i år.");
    }
}
