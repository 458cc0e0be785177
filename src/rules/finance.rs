//! Financial communication: the quiet period before results.
//! (Forward-looking statements are a data rule in the recommended pack.)

use super::{Build, Context, Emitter, Example, Local, Rule, RuleMeta};
use crate::builtin;
use crate::matcher::{ListId, TermOptions};
use crate::report::{Severity, Suggestion};
use crate::text::Lang;

/// `finance.quiet-period`.
pub static QUIET_PERIOD: RuleMeta = RuleMeta {
    id: "finance.quiet-period",
    severity: Severity::Warning,
    route: Some("investor-relations"),
    summary: Local {
        da: "Opslaget taler om tal eller forretning i en stilleperiode før regnskab",
        en: "The post talks about numbers or business during a quiet period before results",
    },
    explain: Local {
        da: "Børsnoterede virksomheder har en stilleperiode (typisk 3–6 uger) før \
regnskabsmeddelelser. I den periode må ingen fra virksomheden sige noget om omsætning, \
resultater, ordrer eller forventninger – heller ikke indirekte (\"vildt travlt kvartal!\"). \
Det kan være intern viden efter markedsmisbrugsforordningen (MAR), og selv et uskyldigt \
opslag kan blive læst som et signal til markedet.\n\nStilleperioderne står i retningslinjen \
under `[[quiet_period]]`. Reglen slår til, når opslaget i perioden nævner regnskabsord \
(omsætning, resultat, kvartal, vækst …) eller periodens egne ord (`terms`).\n\nGør i stedet: vent til regnskabet er \
offentliggjort, eller lad Investor Relations godkende opslaget.",
        en: "Listed companies keep a quiet period (typically 3–6 weeks) before results. In \
that period nobody at the company comments on revenue, results, orders or expectations – not \
even indirectly (\"crazy busy quarter!\"). It can be inside information under the EU Market \
Abuse Regulation (MAR), and even an innocent post can be read as a signal to the market.\n\n\
Quiet periods are listed under `[[quiet_period]]` in the guideline. The rule fires when a \
post in the period uses results vocabulary (revenue, results, quarter, growth …) or the \
period's own `terms`.\n\n\
Instead: wait until the results are published, or let Investor Relations approve the post.",
    },
    options: &[],
    examples: &[
        Example {
            bad: true,
            text: "Sikke et kvartal – omsætningen er eksploderet, glæd jer til tallene!",
            guideline:
                "[[quiet_period]]\nfrom = 2027-01-15\nto = 2027-02-05\nreason = \"Årsrapport 2026\"",
            date: "2027-01-20",
        },
        Example {
            bad: false,
            text: "Sikke et kvartal – omsætningen er eksploderet, glæd jer til tallene!",
            guideline:
                "[[quiet_period]]\nfrom = 2027-01-15\nto = 2027-02-05\nreason = \"Årsrapport 2026\"",
            date: "2027-02-06",
        },
        Example {
            bad: true,
            text: "Record revenue this quarter, can't say more yet!",
            guideline: "[[quiet_period]]\nfrom = 2027-01-15\nto = 2027-02-05",
            date: "2027-01-15",
        },
        Example {
            bad: false,
            text: "Great day at the team offsite in Odense.",
            guideline: "[[quiet_period]]\nfrom = 2027-01-15\nto = 2027-02-05",
            date: "2027-01-20",
        },
    ],
    build,
};

#[derive(Debug)]
struct QuietPeriodRule {
    /// Per quiet period: its own terms (with the shared ones).
    lists: Vec<ListId>,
}

fn build(b: &mut Build<'_>) -> Box<dyn Rule> {
    let shared: Vec<String> = builtin::file("lexicons/finance-terms.txt")
        .map(|c| builtin::list_lines(c).map(str::to_string).collect())
        .unwrap_or_default();
    // The company's name alone is not talk about the numbers: a job post in January must
    // not go to investor relations. Results vocabulary and the period's own terms are.
    let lists = b
        .guideline
        .quiet_periods
        .iter()
        .map(|q| {
            let mut terms = shared.clone();
            terms.extend(q.terms.iter().cloned());
            b.matcher.add_terms(&terms, TermOptions::default())
        })
        .collect();
    Box::new(QuietPeriodRule { lists })
}

impl Rule for QuietPeriodRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for (q, list) in cx.guideline.quiet_periods.iter().zip(&self.lists) {
            if cx.date < q.from || cx.date > q.to {
                continue;
            }
            let Some(hit) = cx.hits.terms(*list).first() else {
                continue;
            };
            let term = cx.slice(hit.span).to_string();
            let reason = q.reason.as_ref().map(|r| cx.text(r).to_string());
            let to = super::confidential::long_date(q.to, cx.locale);
            let message = match (cx.locale, reason) {
                (Lang::Da, Some(r)) => format!("Stilleperiode ({r}) til og med {to}: «{term}» kan læses som en udtalelse om tallene."),
                (Lang::Da, None) => format!("Stilleperiode til og med {to}: «{term}» kan læses som en udtalelse om tallene."),
                (Lang::En, Some(r)) => format!("Quiet period ({r}) up to and including {to}: “{term}” can be read as a statement about the numbers."),
                (Lang::En, None) => format!("Quiet period up to and including {to}: “{term}” can be read as a statement about the numbers."),
            };
            let f = out.emit_with(
                hit.span,
                message,
                Suggestion::advice(cx.t(
                    "Vent med opslaget til regnskabet er offentliggjort, eller få det godkendt af Investor Relations.",
                    "Wait until the results are published, or have Investor Relations approve the post.",
                )),
            );
            if let Some(r) = &q.route {
                f.route = Some(r.clone());
            }
        }
    }
}
