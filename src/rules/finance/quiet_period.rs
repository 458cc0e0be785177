//! `finance.quiet-period`: a statement about the company's business figures during a quiet
//! period before its results — not the word "kvartal" or "resultat" on its own. A sentence
//! counts when it is a figure sentence ([`super::figures`]).

use super::figures::Figures;
use crate::error::Error;
use crate::guideline::QuietPeriod;
use crate::i18n::Arg;
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
    to_arg: Arg,
    /// The figure words, with the period's own terms.
    figures: Figures,
    /// The message id of the period's reason, if it has one.
    reason: Option<String>,
}

#[derive(Debug)]
struct QuietPeriodRule {
    periods: Vec<Period>,
}

impl QuietPeriodRule {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        let tz = b.guideline.zone();
        let mut periods = Vec::new();
        for (i, q) in b.guideline.quiet_periods.clone().into_iter().enumerate() {
            let reason = q
                .reason
                .as_ref()
                .map(|r| b.text(format!("finance.quiet-period.reason-{i}"), r));
            periods.push(Period {
                from: q.from.resolve(&tz),
                to: q.to.end(&tz),
                to_arg: q.to.arg(&tz),
                figures: Figures::build(b, &q.terms)?,
                period: q,
                reason,
            });
        }
        Ok(Box::new(QuietPeriodRule { periods }))
    }
}

impl Rule for QuietPeriodRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for p in &self.periods {
            if cx.now < p.from || cx.now >= p.to {
                continue;
            }
            // One finding for the post: the first sentence about the figures.
            let Some(first) = p.figures.sentences(cx).into_iter().next() else {
                continue;
            };
            let span = first.span;
            let e = match &p.reason {
                Some(reason) => out
                    .report(span, "message")
                    .arg("reason", Arg::message(reason.clone())),
                None => out.report(span, "no-reason"),
            };
            e.arg("term", cx.slice(span))
                .arg("to", p.to_arg.clone())
                .advice("suggestion")
                .route(p.period.route.as_deref());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::test::findings;

    const G: &str = "[company]\nnames = [\"Havnelogistik\"]\n[[quiet_period]]\nfrom = 2026-05-20\nto = 2026-06-05\nreason = \"Q2\"";

    fn fires(text: &str) -> bool {
        !findings(G, "finance.quiet-period", text, "da").is_empty()
    }

    #[test]
    fn figures_of_the_company_inside_the_period() {
        let f = findings(
            G,
            "finance.quiet-period",
            "Vi har aldrig solgt så mange containere som i år!",
            "da",
        );
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message
                .starts_with("Firmaet er i stilleperiode (Q2) til og med 5. juni 2026"),
            "{}",
            f[0].message
        );
        for t in [
            "Rekordmange ordrer hos os i denne måned 🚀",
            "Vores omsætning er steget 12 % i kvartalet.",
            "We just had our best quarter ever.",
            "Havnelogistik forventer vækst i resten af året.",
        ] {
            assert!(fires(t), "{t}");
        }
        for t in [
            "Et fantastisk kvartal for vores elever – tillykke!",
            "Flot resultat i stafetten i går, holdet!",
            "The weather outlook for the summer party looks great.",
            "Kantinen solgte rekordmange boller i går.",
            "Tak for et godt samarbejde i 2026.",
        ] {
            assert!(!fires(t), "{t}");
        }
        let g = "[company]\nnames = [\"Havnelogistik\"]\n[[quiet_period]]\nfrom = 2026-07-01\nto = 2026-07-05";
        assert!(findings(
            g,
            "finance.quiet-period",
            "Vores omsætning er steget 12 %.",
            "da"
        )
        .is_empty());
    }
}
