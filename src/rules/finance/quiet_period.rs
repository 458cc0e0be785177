//! `finance.quiet-period`: talk about the numbers during a quiet period before results.

use crate::builtin;
use crate::error::Error;
use crate::guideline::QuietPeriod;
use crate::matcher::{ListId, TermOptions};
use crate::report::Severity;
use crate::rule::{options, Build, Context, Emitter, NoOptions, Rule, RuleMeta, Scope};

pub(crate) static META: RuleMeta = RuleMeta {
    id: "finance.quiet-period",
    severity: Severity::Warning,
    route: Some("investor-relations"),
    scope: Scope::Span,
    options: options::<NoOptions>,
    build: QuietPeriodRule::build,
};

#[derive(Debug)]
struct Period {
    period: QuietPeriod,
    /// When it starts and ends, in the guideline's time zone.
    from: jiff::Timestamp,
    to: jiff::Timestamp,
    /// The end as a message argument.
    to_arg: crate::i18n::Arg,
    /// The results vocabulary and the period's own terms.
    list: ListId,
    /// The message id of the period's reason, if it has one.
    reason: Option<String>,
}

#[derive(Debug)]
struct QuietPeriodRule {
    periods: Vec<Period>,
}

impl QuietPeriodRule {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let shared: Vec<String> = builtin::file("lexicons/finance-terms.txt")
            .map(|c| builtin::list_lines(c).map(str::to_string).collect())
            .unwrap_or_default();
        // The company's name alone is not talk about the numbers: a job post in January must
        // not go to investor relations. Results vocabulary and the period's own terms are.
        let mut periods = Vec::new();
        for (i, q) in b.guideline.quiet_periods.iter().enumerate() {
            let mut terms = shared.clone();
            terms.extend(q.terms.iter().cloned());
            let list = b.matcher.add_terms(&terms, TermOptions::default());
            let reason = q
                .reason
                .as_ref()
                .map(|r| b.text(format!("finance.quiet-period.reason-{i}"), r));
            let tz = b.guideline.zone();
            periods.push(Period {
                from: q.from.resolve(&tz),
                to: q.to.end(&tz),
                to_arg: q.to.arg(&tz),
                period: q.clone(),
                list,
                reason,
            });
        }
        Ok(Box::new(QuietPeriodRule { periods }))
    }
}

impl Rule for QuietPeriodRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for p in &self.periods {
            let q = &p.period;
            if cx.now < p.from || cx.now >= p.to {
                continue;
            }
            let Some(hit) = cx.hits.terms(p.list).first() else {
                continue;
            };
            let e = match &p.reason {
                Some(reason) => out
                    .report(hit.span, "message")
                    .arg("reason", crate::i18n::Arg::message(reason.clone())),
                None => out.report(hit.span, "no-reason"),
            };
            e.arg("term", cx.slice(hit.span))
                .arg("to", p.to_arg.clone())
                .advice("suggestion")
                .route(q.route.as_deref());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::findings;

    #[test]
    fn only_inside_the_period() {
        let g = "[[quiet_period]]\nfrom = 2026-05-20\nto = 2026-06-05\nreason = \"Q2\"";
        let f = findings(
            g,
            "finance.quiet-period",
            "Rekordomsætning i kvartalet!",
            "da",
        );
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message
                .starts_with("Stilleperiode (Q2) til og med 5. juni 2026"),
            "{}",
            f[0].message
        );
        let g = "[[quiet_period]]\nfrom = 2026-07-01\nto = 2026-07-05";
        assert!(findings(g, "finance.quiet-period", "Rekordomsætning!", "da").is_empty());
    }
}
