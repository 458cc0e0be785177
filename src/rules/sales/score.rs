//! `sales.score`: the post reads like an advert (salesiness at or above the threshold).

use crate::error::Error;
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use serde::{Deserialize, Serialize};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "sales.score",
    severity: Severity::Warning,
    route: None,
    scope: Scope::WholePost,
    options: options::<Options>,
    build: Score::build,
};

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// The score (0–100) at or above which the rule fires.
    threshold: u8,
}

impl Default for Options {
    fn default() -> Options {
        Options { threshold: 50 }
    }
}

#[derive(Debug)]
struct Score {
    threshold: u8,
}

impl Score {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let o: Options = b.options()?;
        Ok(Box::new(Score {
            threshold: o.threshold.min(100),
        }))
    }
}

impl Rule for Score {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let score = cx.scores.salesiness;
        if score < self.threshold || cx.doc.words.is_empty() {
            return;
        }
        let span = cx
            .scores
            .strongest_sales
            .unwrap_or_else(|| cx.doc.first_sentence());
        out.report(span, "message")
            .arg("score", score)
            .arg("threshold", self.threshold)
            .advice("suggestion");
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent};

    #[test]
    fn adverts_and_ordinary_posts() {
        let g = "extends = [\"recommended\"]";
        assert_fires(
            g,
            "sales.score",
            "KÆMPE RABAT! Køb nu – kun i dag: 50 % rabat. Bestil i dag, kun 499 kr.!",
        );
        assert_silent(
            g,
            "sales.score",
            "Vi søger en ny kollega til vores team i Aarhus.",
        );
    }
}
