//! Tone: a post that is negative overall (AFINN sentiment lexicons, Danish and English).

use super::{Build, Context, Emitter, Example, Local, OptionKind, OptionSpec, Rule, RuleMeta};
use crate::builtin;
use crate::matcher::{ListId, TermOptions};
use crate::report::{Severity, Suggestion};
use crate::text::Lang;

/// `tone.negative`.
pub static NEGATIVE: RuleMeta = RuleMeta {
    id: "tone.negative",
    severity: Severity::Info,
    route: None,
    summary: Local {
        da: "Opslaget har en tydeligt negativ tone",
        en: "The post has a clearly negative tone",
    },
    explain: Local {
        da: "Negative opslag om kunder, kolleger, konkurrenter eller arbejdspladsen spreder \
sig hurtigt og bliver læst som virksomhedens holdning, også når du skriver privat. Reglen \
lægger ordenes stemning sammen med AFINN-ordlisterne (Finn Årup Nielsen, DTU) og slår til, \
når summen er under tærsklen.\n\nGør i stedet: skriv hvad du har lært, eller hvad der kan \
gøres bedre, og tag kritik internt først.\n\nIndstilling: `threshold` (standard -6).",
        en: "Negative posts about customers, colleagues, competitors or the workplace spread \
fast and are read as the company's view, even when you post privately. The rule adds up the \
sentiment of the words with the AFINN lexicons (Finn Årup Nielsen, DTU) and fires when the sum \
is below the threshold.\n\nInstead: write what you learned or what could be done better, and \
raise criticism internally first.\n\nOption: `threshold` (default -6).",
    },
    options: &[OptionSpec {
        name: "threshold",
        kind: OptionKind::Number,
        doc: "the summed AFINN score at or below which the rule fires; default -6",
    }],
    examples: &[
        Example {
            bad: true,
            text: "Endnu en elendig dag med en håbløs ledelse. Jeg er rasende og træt af det hele, det er pinligt og katastrofalt.",
            guideline: "",
            date: "",
        },
        Example {
            bad: true,
            text: "Terrible, awful week. The management is a disaster and I hate how stupid this all is.",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "En lang, hård uge, men vi lærte meget og kom godt i mål sammen.",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Tough problem this week, but the team solved it and I learned a lot.",
            guideline: "",
            date: "",
        },
    ],
    build,
};

#[derive(Debug)]
struct NegativeRule {
    threshold: f64,
    lists: Vec<(Lang, ListId, Vec<i8>)>,
}

fn build(b: &mut Build<'_>) -> Box<dyn Rule> {
    let mut lists = Vec::new();
    for lang in Lang::ALL {
        let Some(content) = builtin::file(&format!("lexicons/afinn-{}.txt", lang.code())) else {
            continue;
        };
        let mut terms = Vec::new();
        let mut scores = Vec::new();
        for line in builtin::list_lines(content) {
            let Some((term, score)) = line.rsplit_once('\t') else {
                continue;
            };
            let Ok(score) = score.trim().parse::<i8>() else {
                continue;
            };
            terms.push(term.trim().to_string());
            scores.push(score);
        }
        // AFINN lists inflected forms itself; our own inflection would over-match.
        let options = TermOptions {
            inflect: false,
            ..TermOptions::default()
        };
        lists.push((lang, b.matcher.add_terms(&terms, options), scores));
    }
    Box::new(NegativeRule {
        threshold: b.float("threshold", -6.0),
        lists,
    })
}

impl Rule for NegativeRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let mut total = 0i32;
        let mut worst: Option<(i8, crate::report::Span)> = None;
        for (lang, list, scores) in &self.lists {
            // A post in one language is scored with that language's lexicon only; with the
            // language unknown, both count (AFINN's two lists share few words).
            if cx.doc.language.is_some_and(|l| l != *lang) {
                continue;
            }
            for hit in cx.hits.terms(*list) {
                let s = scores[hit.term];
                total += i32::from(s);
                if worst.is_none_or(|(w, _)| s < w) {
                    worst = Some((s, hit.span));
                }
            }
        }
        if f64::from(total) > self.threshold {
            return;
        }
        let Some((_, span)) = worst else { return };
        let message = match cx.locale {
            Lang::Da => format!("Opslaget har en tydeligt negativ tone (stemningsscore {total})."),
            Lang::En => format!("The post has a clearly negative tone (sentiment score {total})."),
        };
        out.emit_with(
            span,
            message,
            Suggestion::advice(cx.t(
                "Skriv hvad du har lært, eller hvad der kan gøres bedre – og tag kritik internt først.",
                "Say what you learned or what could be better – and raise criticism internally first.",
            )),
        );
    }
}
