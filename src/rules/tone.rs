//! Tone: a post that is negative overall (AFINN sentiment lexicons, Danish and English).

use super::{Build, Context, Emitter, Example, Local, OptionKind, OptionSpec, Rule, RuleMeta};
use crate::builtin;
use crate::matcher::{ListId, TermOptions};
use crate::report::{Severity, Span, Suggestion};
use crate::text::Lang;
use std::collections::HashMap;

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
        doc: Local {
            da: "reglen slår til, når den samlede AFINN-score er på eller under dette tal; standard -6",
            en: "the summed AFINN score at or below which the rule fires; default -6",
        },
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

/// One language's AFINN lexicon. Single words (almost all of its ~3,400 entries) are looked
/// up by the document's folded words in a hash map; only the few phrases ("no fun", "does not
/// work") go into the shared automaton. Putting all 7,000 entries of both languages into the
/// automaton cost 6.5 ms of start-up, two thirds of building the whole linter.
#[derive(Debug)]
struct Lexicon {
    lang: Lang,
    words: HashMap<String, i8>,
    phrases: ListId,
    phrase_scores: Vec<i8>,
}

#[derive(Debug)]
struct NegativeRule {
    threshold: f64,
    lexicons: Vec<Lexicon>,
}

fn build(b: &mut Build<'_>) -> Box<dyn Rule> {
    let mut lexicons = Vec::new();
    for lang in Lang::ALL {
        let Some(content) = builtin::file(&format!("lexicons/afinn-{}.txt", lang.code())) else {
            continue;
        };
        let mut words = HashMap::new();
        let mut phrases = Vec::new();
        let mut phrase_scores = Vec::new();
        for line in builtin::list_lines(content) {
            let Some((term, score)) = line.rsplit_once('\t') else {
                continue;
            };
            let Ok(score) = score.trim().parse::<i8>() else {
                continue;
            };
            let folded = crate::fold::fold(term);
            if folded.contains(' ') {
                phrases.push(term.trim().to_string());
                phrase_scores.push(score);
            } else {
                words.insert(folded, score);
            }
        }
        // AFINN lists inflected forms itself; our own inflection would over-match.
        let options = TermOptions {
            inflect: false,
            ..TermOptions::default()
        };
        let phrases = b.matcher.add_terms(&phrases, options);
        lexicons.push(Lexicon {
            lang,
            words,
            phrases,
            phrase_scores,
        });
    }
    Box::new(NegativeRule {
        threshold: b.float("threshold", -6.0),
        lexicons,
    })
}

impl Rule for NegativeRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let mut total = 0i32;
        let mut worst: Option<(i8, Span)> = None;
        let mut add = |score: i8, span: Span| {
            total += i32::from(score);
            if worst.is_none_or(|(w, _)| score < w) {
                worst = Some((score, span));
            }
        };
        for lex in &self.lexicons {
            // A post in one language is scored with that language's lexicon only; with the
            // language unknown, both count (AFINN's two lists share few words).
            if cx.doc.language.is_some_and(|l| l != lex.lang) {
                continue;
            }
            let phrases = cx.hits.terms(lex.phrases);
            for hit in phrases {
                add(lex.phrase_scores[hit.term], hit.span);
            }
            for w in &cx.doc.words {
                // A word inside a scored phrase ("no fun") is not scored again.
                if phrases
                    .iter()
                    .any(|p| p.span.start <= w.span.start && w.span.end <= p.span.end)
                {
                    continue;
                }
                if let Some(&score) = lex.words.get(cx.doc.folded_word(w)) {
                    add(score, Span::new(w.span.start, w.span.end));
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
