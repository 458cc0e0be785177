//! Confidential terms from the guideline's `[[confidential]]` lists, with embargo dates.
//! (Classification markers such as "fortroligt" are a data rule in the recommended pack.)

use super::{Build, Context, Emitter, Example, Local, Rule, RuleMeta};
use crate::guideline::Confidential;
use crate::matcher::{ListId, TermOptions};
use crate::report::{Severity, Suggestion};
use crate::text::Lang;

/// `confidential.term`.
pub static TERM: RuleMeta = RuleMeta {
    id: "confidential.term",
    severity: Severity::Error,
    route: None,
    summary: Local {
        da: "Fortroligt navn eller begreb (kodenavn, ulanceret produkt, kunde under NDA)",
        en: "Confidential name or term (codename, unreleased product, customer under NDA)",
    },
    explain: Local {
        da: "Retningslinjen lister kodenavne, ulancerede produkter og kunder, som ikke må \
nævnes offentligt – nogle af dem kun indtil en bestemt dato (en embargo). Et opslag kan ikke \
trækkes tilbage: skærmbilleder og delinger lever videre, og en lækage kan skade lanceringen, \
kunden eller overtræde en fortrolighedsaftale.\n\nNavnene matches uanset store og små \
bogstaver og i bøjede former (\"Nordlys\" finder også \"Nordlyset\").\n\nGør i stedet: fjern \
navnet, eller vent til embargoen udløber. Skriv gerne om det, der allerede er offentligt.\n\n\
Dagen, der dømmes efter, er i dag eller `--date`.",
        en: "The guideline lists codenames, unreleased products and customers that must not \
be named in public – some only until a given date (an embargo). A post cannot be taken back: \
screenshots and shares live on, and a leak can hurt a launch, a customer or break a \
non-disclosure agreement.\n\nNames match regardless of case and in inflected forms \
(\"Nordlys\" also finds \"Nordlyset\").\n\nInstead: remove the name, or wait until the \
embargo ends. Write about what is already public.\n\nThe day judged by is today or `--date`.",
    },
    options: &[],
    examples: &[
        Example {
            bad: true,
            text: "Glæder mig til at vise jer Nordlyset i næste måned!",
            guideline: "[[confidential]]\nterms = [\"Nordlys\"]\nuntil = 2027-01-15",
            date: "2027-01-10",
        },
        Example {
            bad: false,
            text: "Nu er Nordlys endelig lanceret – prøv det!",
            guideline: "[[confidential]]\nterms = [\"Nordlys\"]\nuntil = 2027-01-15",
            date: "2027-01-15",
        },
        Example {
            bad: true,
            text: "Big week for Project Aurora – can't wait to share more.",
            guideline: "[[confidential]]\nterms = [\"Project Aurora\"]",
            date: "",
        },
        Example {
            bad: false,
            text: "Watching the aurora over Tromsø tonight.",
            guideline: "[[confidential]]\nterms = [\"Project Aurora\"]",
            date: "",
        },
    ],
    build,
};

#[derive(Debug)]
struct ConfidentialRule {
    lists: Vec<(ListId, Confidential)>,
}

fn build(b: &mut Build<'_>) -> Box<dyn Rule> {
    let lists = b
        .guideline
        .confidential
        .iter()
        .map(|c| {
            let options = TermOptions {
                case_sensitive: c.case_sensitive,
                in_urls: true,
                ..TermOptions::default()
            };
            (b.matcher.add_terms(&c.terms, options), c.clone())
        })
        .collect();
    Box::new(ConfidentialRule { lists })
}

/// A date written for people: "15. januar 2027" / "15 January 2027".
pub fn long_date(d: crate::text::Date, lang: Lang) -> String {
    const DA: [&str; 12] = [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let m = usize::from(d.month.clamp(1, 12) - 1);
    match lang {
        Lang::Da => format!("{}. {} {}", d.day, DA[m], d.year),
        Lang::En => format!("{} {} {}", d.day, EN[m], d.year),
    }
}

impl Rule for ConfidentialRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for (id, entry) in &self.lists {
            if entry.until.is_some_and(|until| cx.date >= until) {
                continue;
            }
            for hit in cx.hits.terms(*id) {
                let term = cx.slice(hit.span).to_string();
                let message = match (&entry.message, entry.until) {
                    (Some(m), _) => cx.text(m).replace("{term}", &term),
                    (None, Some(until)) => match cx.locale {
                        Lang::Da => format!(
                            "«{term}» er under embargo til {}.",
                            long_date(until, Lang::Da)
                        ),
                        Lang::En => format!(
                            "“{term}” is under embargo until {}.",
                            long_date(until, Lang::En)
                        ),
                    },
                    (None, None) => match cx.locale {
                        Lang::Da => format!("«{term}» er fortroligt og må ikke nævnes offentligt."),
                        Lang::En => {
                            format!("“{term}” is confidential and must not be named in public.")
                        }
                    },
                };
                let advice = match entry.until {
                    Some(until) => match cx.locale {
                        Lang::Da => format!(
                            "Fjern navnet, eller vent med at poste til {}.",
                            long_date(until, Lang::Da)
                        ),
                        Lang::En => format!(
                            "Remove the name, or wait to post until {}.",
                            long_date(until, Lang::En)
                        ),
                    },
                    None => cx
                        .t(
                            "Fjern navnet, og skriv kun om det, der allerede er offentligt.",
                            "Remove the name and write only about what is already public.",
                        )
                        .to_string(),
                };
                let f = out.emit_with(hit.span, message, Suggestion::advice(advice));
                if let Some(s) = entry.severity {
                    f.severity = s;
                }
                if let Some(r) = &entry.route {
                    f.route = Some(r.clone());
                }
            }
        }
    }
}
