//! Rules about the company itself: competitors named, and the employee disclosure.

use super::{Build, Context, Emitter, Example, Local, Rule, RuleMeta};
use crate::matcher::{ListId, TermOptions};
use crate::report::{Severity, Span, Suggestion};
use crate::text::Lang;

/// `competitor.mention`.
pub static COMPETITOR_MENTION: RuleMeta = RuleMeta {
    id: "competitor.mention",
    severity: Severity::Warning,
    route: Some("comms"),
    summary: Local {
        da: "Opslaget nævner en konkurrent",
        en: "The post names a competitor",
    },
    explain: Local {
        da: "Når en medarbejder nævner en konkurrent, læses det let som virksomhedens \
holdning – en sammenligning kan være sammenlignende reklame (markedsføringsloven § 20) og \
kræver dokumentation, og en kritisk bemærkning kan blive en sag.\n\nKonkurrenterne står i \
retningslinjens `[company] competitors`.\n\nGør i stedet: skriv om jeres egne resultater og \
erfaringer uden at sammenligne, eller lad kommunikationsafdelingen se opslaget først.",
        en: "When an employee names a competitor it easily reads as the company's position – \
a comparison can be comparative advertising that must be substantiated, and a critical remark \
can become a case.\n\nCompetitors are listed under the guideline's `[company] competitors`.\n\n\
Instead: write about your own results and experience without comparing, or let the comms \
team see the post first.",
    },
    options: &[],
    examples: &[
        Example {
            bad: true,
            text: "Vi er meget hurtigere end Konkurrent A/S til at rykke ud.",
            guideline: "[company]\ncompetitors = [\"Konkurrent A/S\"]",
            date: "",
        },
        Example {
            bad: false,
            text: "Vi er blevet hurtigere til at rykke ud i år.",
            guideline: "[company]\ncompetitors = [\"Konkurrent A/S\"]",
            date: "",
        },
    ],
    build: build_competitor,
};

#[derive(Debug)]
struct CompetitorRule {
    list: Option<ListId>,
}

fn build_competitor(b: &mut Build<'_>) -> Box<dyn Rule> {
    let names = &b.guideline.company.competitors;
    let list = (!names.is_empty()).then(|| b.matcher.add_terms(names, TermOptions::default()));
    Box::new(CompetitorRule { list })
}

impl Rule for CompetitorRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let Some(list) = self.list else { return };
        for hit in cx.hits.terms(list) {
            let name = cx.slice(hit.span).to_string();
            let message = match cx.locale {
                Lang::Da => format!("Opslaget nævner konkurrenten «{name}»."),
                Lang::En => format!("The post names the competitor “{name}”."),
            };
            out.emit_with(
                hit.span,
                message,
                Suggestion::advice(cx.t(
                    "Skriv om jeres egne resultater uden at sammenligne med andre.",
                    "Write about your own results without comparing with others.",
                )),
            );
        }
    }
}

/// `disclosure.missing`.
pub static DISCLOSURE_MISSING: RuleMeta = RuleMeta {
    id: "disclosure.missing",
    severity: Severity::Warning,
    route: None,
    summary: Local {
        da: "Opslaget omtaler virksomhedens produkter uden at sige, at du arbejder der",
        en: "The post promotes the company's products without saying you work there",
    },
    explain: Local {
        da: "Når du som medarbejder omtaler din arbejdsgivers produkter eller tilbud, skal \
læserne kunne se, at du er ansat – ellers kan det være skjult reklame (markedsføringsloven \
§ 6, stk. 4, og Forbrugerombudsmandens vejledning om kommerciel kommunikation på sociale \
medier). Åbenhed gør også opslaget mere troværdigt.\n\nReglen slår til, når opslaget nævner \
et af navnene under `[company] names` eller `products` og ingen af formuleringerne under \
`[company] disclosures` (fx \"#FalckAnsat\" eller \"jeg arbejder hos Falck\").\n\nGør i stedet: \
tilføj en af disse formuleringer – gerne tidligt i opslaget, før \"se mere\".",
        en: "When you as an employee talk about your employer's products or offers, readers \
must be able to see that you work there – otherwise it can be hidden advertising (EU Unfair \
Commercial Practices Directive; in Denmark markedsføringsloven § 6(4)). Being open also makes \
the post more credible.\n\nThe rule fires when the post names one of `[company] names` or \
`products` and none of the phrases under `[company] disclosures` (e.g. \"#FalckEmployee\" or \
\"I work at Falck\").\n\nInstead: add one of those phrases – early in the post, before \"see \
more\".",
    },
    options: &[],
    examples: &[
        Example {
            bad: true,
            text: "Falck Assistance er det bedste valg, når bilen går i stå.",
            guideline: "[company]\nnames = [\"Falck\"]\nproducts = [\"Falck Assistance\"]\ndisclosures = [\"#FalckAnsat\", \"jeg arbejder hos Falck\"]",
            date: "",
        },
        Example {
            bad: true,
            text: "Falck Assistance got me home after a breakdown on the motorway – brilliant service.",
            guideline: "[company]\nnames = [\"Falck\"]\nproducts = [\"Falck Assistance\"]\ndisclosures = [\"#FalckAnsat\", \"#FalckEmployee\"]",
            date: "",
        },
        Example {
            bad: false,
            text: "Jeg arbejder hos Falck, og jeg er stolt af Falck Assistance. #FalckAnsat",
            guideline: "[company]\nnames = [\"Falck\"]\nproducts = [\"Falck Assistance\"]\ndisclosures = [\"#FalckAnsat\", \"jeg arbejder hos Falck\"]",
            date: "",
        },
    ],
    build: build_disclosure,
};

#[cfg(test)]
mod tests {
    #[test]
    fn disclosure_language() {
        assert!(super::looks_danish("#FalckAnsat"));
        assert!(super::looks_danish("jeg arbejder hos Falck"));
        assert!(!super::looks_danish("#FalckEmployee"));
        assert!(!super::looks_danish("I work at Falck"));
    }
}

#[derive(Debug)]
struct DisclosureRule {
    mentions: Option<ListId>,
    disclosures: Option<ListId>,
}

fn build_disclosure(b: &mut Build<'_>) -> Box<dyn Rule> {
    let c = &b.guideline.company;
    let names: Vec<&String> = c.names.iter().chain(&c.products).collect();
    if names.is_empty() || c.disclosures.is_empty() {
        return Box::new(DisclosureRule {
            mentions: None,
            disclosures: None,
        });
    }
    let names: Vec<String> = names.into_iter().cloned().collect();
    let mentions = Some(b.matcher.add_terms(&names, TermOptions::default()));
    let disclosures = Some(b.matcher.add_terms(&c.disclosures, TermOptions::default()));
    Box::new(DisclosureRule {
        mentions,
        disclosures,
    })
}

/// Whether a short disclosure phrase or hashtag is Danish: Danish letters, or a Danish word
/// part ("#FalckAnsat", "jeg arbejder hos Falck").
fn looks_danish(phrase: &str) -> bool {
    let folded = crate::fold::fold(phrase);
    folded.contains(['æ', 'ø', 'å'])
        || ["ansat", "arbejder", "medarbejder", " hos ", "kollega"]
            .iter()
            .any(|w| folded.contains(w))
}

impl Rule for DisclosureRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let (Some(mentions), Some(disclosures)) = (self.mentions, self.disclosures) else {
            return;
        };
        let disclosed = cx.hits.terms(disclosures);
        // A company name inside the disclosure itself ("jeg arbejder hos Falck") is not a
        // mention that needs one.
        let first = cx.hits.terms(mentions).iter().find(|m| {
            !disclosed
                .iter()
                .any(|d| d.span.start <= m.span.start && m.span.end <= d.span.end)
        });
        let Some(first) = first else { return };
        if !disclosed.is_empty() {
            return;
        }
        // Suggest a disclosure in the post's language ("#FalckAnsat" for a Danish post,
        // "#FalckEmployee" for an English one) when the guideline has one.
        let lang = cx.doc.language.unwrap_or(cx.locale);
        let disclosures = &cx.guideline.company.disclosures;
        let example = disclosures
            .iter()
            .find(|d| looks_danish(d) == (lang == Lang::Da))
            .or(disclosures.first())
            .cloned()
            .unwrap_or_default();
        let name = cx.slice(first.span).to_string();
        let message = match cx.locale {
            Lang::Da => format!("Du omtaler «{name}» uden at skrive, at du arbejder der."),
            Lang::En => format!("You mention “{name}” without saying that you work there."),
        };
        let advice = match cx.locale {
            Lang::Da => format!("Tilføj fx «{example}» tidligt i opslaget."),
            Lang::En => format!("Add e.g. “{example}” early in the post."),
        };
        out.emit_with(
            Span::new(first.span.start, first.span.end),
            message,
            Suggestion::advice(advice),
        );
    }
}
