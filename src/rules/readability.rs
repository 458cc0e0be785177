//! Readability: long sentences and the LIX index (used for Danish and English alike).

use super::{Build, Context, Emitter, Example, Local, OptionKind, OptionSpec, Rule, RuleMeta};
use crate::report::{Severity, Span, Suggestion};
use crate::text::Lang;

/// `readability.long-sentence`.
pub static LONG_SENTENCE: RuleMeta = RuleMeta {
    id: "readability.long-sentence",
    severity: Severity::Info,
    route: None,
    summary: Local {
        da: "En sætning er for lang til at læse på en mobil",
        en: "A sentence is too long to read on a phone",
    },
    explain: Local {
        da: "Opslag læses på mobilen, i farten, mellem to andre opslag. Sætninger med mange \
ord bliver skimmet eller sprunget over. Reglen slår til ved sætninger med flere ord end \
`max_words` (standard 30).\n\nGør i stedet: del sætningen i to, og sæt det vigtigste først.",
        en: "Posts are read on phones, on the go, between two other posts. Long sentences get \
skimmed or skipped. The rule fires on sentences with more words than `max_words` (default \
30).\n\nInstead: split the sentence in two and put the important part first.",
    },
    options: &[OptionSpec {
        name: "max_words",
        kind: OptionKind::Count,
        doc: Local {
            da: "det højeste antal ord, en sætning må have; standard 30",
            en: "the most words a sentence may have; default 30",
        },
    }],
    examples: &[
        Example {
            bad: true,
            text: "I dag har vi i afdelingen sammen med vores gode kolleger fra både Aarhus og Odense og med hjælp fra de mange frivillige, som hvert år stiller op, endelig fået samlet alle de indsamlede midler, som nu skal fordeles til de lokale foreninger i hele regionen.",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "I dag har vi samlet pengene ind. Nu går de til de lokale foreninger i regionen.",
            guideline: "",
            date: "",
        },
    ],
    build: build_long,
};

#[derive(Debug)]
struct LongSentence {
    max_words: usize,
}

fn build_long(b: &mut Build<'_>) -> Box<dyn Rule> {
    Box::new(LongSentence {
        max_words: b.int("max_words", 30).max(1) as usize,
    })
}

impl Rule for LongSentence {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        for s in &cx.doc.sentences {
            let first = cx.doc.word_index(s.start);
            let last = cx.doc.word_index(s.end);
            let n = last - first;
            if n > self.max_words {
                let message = match cx.locale {
                    Lang::Da => format!(
                        "Sætningen har {n} ord – over {} er svært at læse på mobilen.",
                        self.max_words
                    ),
                    Lang::En => format!(
                        "This sentence has {n} words – more than {} is hard to read on a phone.",
                        self.max_words
                    ),
                };
                out.emit_with(
                    Span::new(s.start, s.end),
                    message,
                    Suggestion::advice(cx.t(
                        "Del sætningen i to, og sæt det vigtigste først.",
                        "Split it in two and put the important part first.",
                    )),
                );
            }
        }
    }
}

/// `readability.lix`.
pub static LIX: RuleMeta = RuleMeta {
    id: "readability.lix",
    severity: Severity::Info,
    route: None,
    summary: Local {
        da: "Teksten er svær at læse (højt LIX-tal)",
        en: "The text is hard to read (high LIX index)",
    },
    explain: Local {
        da: "LIX (læsbarhedsindeks) er ord pr. sætning plus andelen af lange ord (over seks \
bogstaver) i procent. Under 35 er let, 45–55 er svært (fagtekst), over 55 meget svært. \
Opslag på sociale medier bør ligge lavt. Reglen måler kun opslag med mindst 30 ord og slår \
til over `max` (standard 55).\n\nGør i stedet: korte sætninger og hverdagsord – skriv \
\"bruge\" frem for \"anvende\", \"starte\" frem for \"igangsætte\".",
        en: "LIX (readability index) is words per sentence plus the share of long words (more \
than six letters) in percent. Below 35 is easy, 45–55 hard, above 55 very hard. Social posts \
should score low. The rule only measures posts of at least 30 words and fires above `max` \
(default 55).\n\nInstead: short sentences and everyday words – \"use\" rather than \
\"utilise\", \"start\" rather than \"commence\".",
    },
    options: &[OptionSpec {
        name: "max",
        kind: OptionKind::Count,
        doc: Local {
            da: "den højeste tilladte LIX; standard 55",
            en: "the highest LIX allowed; default 55",
        },
    }],
    examples: &[
        Example {
            bad: true,
            text: "Implementeringen af organisationsforandringerne nødvendiggør omfattende kompetenceudviklingsinitiativer, ledelsesmæssig forankring samt systematiske evalueringsprocedurer, hvorfor styregruppen anbefaler etableringen af tværorganisatoriske arbejdsgrupper med repræsentation fra samtlige forretningsområder og medarbejderrepræsentanter. Evalueringsrapporten offentliggøres efterfølgende på organisationens intranetportal, hvor samtlige medarbejdergrupper opfordres til konstruktiv kommentering.",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Vi har fået nye kolleger i år. Det er godt. Nu skal vi lære hinanden at kende. Vi starter med en tur i skoven på fredag. Alle er med, og der er kage bagefter.",
            guideline: "",
            date: "",
        },
    ],
    build: build_lix,
};

#[derive(Debug)]
struct Lix {
    max: f64,
}

fn build_lix(b: &mut Build<'_>) -> Box<dyn Rule> {
    Box::new(Lix {
        max: b.float("max", 55.0),
    })
}

/// The LIX index of a document: words per sentence + percentage of words over six letters.
pub fn lix(words: usize, sentences: usize, long_words: usize) -> f64 {
    if words == 0 {
        return 0.0;
    }
    words as f64 / sentences.max(1) as f64 + 100.0 * long_words as f64 / words as f64
}

impl Rule for Lix {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let words = cx.doc.words.len();
        if words < 30 {
            return;
        }
        let long = cx
            .doc
            .words
            .iter()
            .filter(|w| {
                cx.doc
                    .folded_word(w)
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .count()
                    > 6
            })
            .count();
        let score = lix(words, cx.doc.sentences.len(), long);
        if score <= self.max {
            return;
        }
        let first = cx.doc.first_sentence();
        let message = match cx.locale {
            Lang::Da => format!(
                "Teksten er svær at læse: LIX {score:.0} (over {:.0}).",
                self.max
            ),
            Lang::En => format!(
                "The text is hard to read: LIX {score:.0} (above {:.0}).",
                self.max
            ),
        };
        out.emit_with(
            first,
            message,
            Suggestion::advice(cx.t(
                "Brug kortere sætninger og hverdagsord.",
                "Use shorter sentences and everyday words.",
            )),
        );
    }
}
