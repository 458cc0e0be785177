//! Salesiness: how much a post reads like an advert, and the rule that acts on it.

use super::{Build, Context, Emitter, Example, Local, OptionKind, OptionSpec, Rule, RuleMeta};
use crate::builtin;
use crate::document::Document;
use crate::guideline::{DataKind, Guideline};
use crate::matcher::{Hits, ListId, MatcherBuilder, RegexId, TermOptions};
use crate::report::{Severity, Span, Suggestion};
use crate::text::Lang;

/// The weighted sales-talk lexicons (`rules/lexicons/sales-{da,en}.txt`) and price patterns,
/// registered with the shared matcher.
#[derive(Debug)]
pub struct SalesLexicon {
    lists: Vec<(Lang, ListId, Vec<f32>)>,
    /// The guideline's `sales.*` pattern rules (prices, percentages off): each match counts.
    patterns: Vec<RegexId>,
}

impl SalesLexicon {
    /// Registers the lexicons, and the patterns of the guideline's `sales.*` pattern rules
    /// (the matcher runs each distinct pattern once, so the rule and the score share it).
    pub fn register(mb: &mut MatcherBuilder, guideline: &Guideline) -> SalesLexicon {
        let mut lists = Vec::new();
        for lang in Lang::ALL {
            let Some(content) = builtin::file(&format!("lexicons/sales-{}.txt", lang.code()))
            else {
                continue;
            };
            let mut terms = Vec::new();
            let mut weights = Vec::new();
            for line in builtin::list_lines(content) {
                let mut parts = line.split('\t');
                let term = parts.next().unwrap_or("").trim();
                let weight = parts
                    .next()
                    .and_then(|w| w.trim().parse().ok())
                    .unwrap_or(1.0);
                if !term.is_empty() {
                    terms.push(term.to_string());
                    weights.push(weight);
                }
            }
            let id = mb.add_terms(&terms, TermOptions::default());
            lists.push((lang, id, weights));
        }
        let patterns = guideline
            .rules
            .iter()
            .filter(|r| r.id.starts_with("sales.") && r.kind == DataKind::Pattern)
            .filter_map(|r| r.pattern.as_deref())
            .filter_map(|p| mb.add_regex(p).ok())
            .collect();
        SalesLexicon { lists, patterns }
    }

    /// The salesiness score, 0–100: weighted sales phrases, prices, discounts and exclamation
    /// marks, relative to the length of the post (a long post with one "tilbud" is not an
    /// advert; a short one full of them is).
    pub fn score(&self, doc: &Document<'_>, hits: &Hits) -> u8 {
        let mut points = 0.0f32;
        for (lang, id, weights) in &self.lists {
            if doc.is_language(*lang) {
                points += hits.terms(*id).iter().map(|h| weights[h.term]).sum::<f32>();
            }
        }
        for &p in &self.patterns {
            points += 2.0 * hits.regex(p).len().min(3) as f32;
        }
        let bangs = doc.body_text().matches('!').count().min(6) as f32;
        points += 0.4 * bangs;
        let words = doc.words.len() as f32;
        if words == 0.0 {
            return 0;
        }
        let scale = 3.0 + words / 25.0;
        let score = 100.0 * (1.0 - (-points / scale).exp());
        score.round().clamp(0.0, 100.0) as u8
    }

    /// The strongest sales hit, to point a finding at.
    pub fn strongest(&self, doc: &Document<'_>, hits: &Hits) -> Option<Span> {
        let mut best: Option<(f32, Span)> = None;
        for (lang, id, weights) in &self.lists {
            if !doc.is_language(*lang) {
                continue;
            }
            for h in hits.terms(*id) {
                let w = weights[h.term];
                if best.is_none_or(|(bw, bs)| w > bw || (w == bw && h.span.start < bs.start)) {
                    best = Some((w, h.span));
                }
            }
        }
        best.map(|(_, s)| s)
    }
}

/// `sales.score`.
pub static SCORE: RuleMeta = RuleMeta {
    id: "sales.score",
    severity: Severity::Warning,
    route: None,
    summary: Local {
        da: "Opslaget lyder som en annonce (salgsscore over tærsklen)",
        en: "The post reads like an advert (salesiness above the threshold)",
    },
    explain: Local {
        da: "Kolleger og netværk lytter til mennesker, ikke til reklamer. Et opslag fyldt med \
rabatter, priser, \"køb nu\" og udråbstegn bliver opfattet som en annonce – det mister \
troværdighed, får mindre rækkevidde, og hvis du skriver om din arbejdsgivers produkter, kan det \
kræve reklamemarkering efter markedsføringsloven.\n\nSalgsscoren (0–100) vægter salgsord, \
priser, procentrabatter og udråbstegn i forhold til opslagets længde.\n\nGør i stedet: fortæl \
hvad du selv har oplevet, hvad det betyder for kunderne eller kollegerne, og lad linket tale \
for sig selv.\n\nIndstilling: `threshold` (standard 50).",
        en: "People listen to people, not to adverts. A post full of discounts, prices, \"buy \
now\" and exclamation marks reads as an advert: it loses trust and reach, and when you write \
about your employer's products it may need to be marked as advertising.\n\nThe salesiness \
score (0–100) weighs sales phrases, prices, percentage discounts and exclamation marks \
against the length of the post.\n\nInstead: say what you experienced yourself, what it means \
for customers or colleagues, and let the link speak for itself.\n\nOption: `threshold` \
(default 50).",
    },
    options: &[OptionSpec {
        name: "threshold",
        kind: OptionKind::Count,
        doc: Local {
            da: "reglen slår til, når scoren (0–100) er på eller over dette tal; standard 50",
            en: "the score (0–100) at or above which the rule fires; default 50",
        },
    }],
    examples: &[
        Example {
            bad: true,
            text: "KÆMPE RABAT! Køb nu – kun i dag: 50 % rabat på alle abonnementer. Bestil i dag, kun 499 kr.!",
            guideline: "",
            date: "",
        },
        Example {
            bad: true,
            text: "Huge sale! Buy now and save 40% – limited time offer, only $99! Order today!",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Vi søger en ny kollega til vores team i Aarhus. Du får erfarne kolleger og en hverdag med plads til faglig udvikling.",
            guideline: "",
            date: "",
        },
        Example {
            bad: false,
            text: "Proud of my team today: we shipped the new booking system after a year of hard work.",
            guideline: "",
            date: "",
        },
    ],
    build: build_score,
};

fn build_score(b: &mut Build<'_>) -> Box<dyn Rule> {
    Box::new(ScoreRule {
        threshold: b.int("threshold", 50).clamp(0, 100) as u8,
    })
}

#[derive(Debug)]
struct ScoreRule {
    threshold: u8,
}

impl Rule for ScoreRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let score = cx.scores.get("salesiness").copied().unwrap_or(0);
        if score < self.threshold || cx.doc.words.is_empty() {
            return;
        }
        let span = cx
            .sales
            .strongest(cx.doc, cx.hits)
            .unwrap_or_else(|| cx.doc.first_sentence());
        let message = match cx.locale {
            Lang::Da => format!(
                "Opslaget lyder som en annonce (salgsscore {score} af 100, grænsen er {}).",
                self.threshold
            ),
            Lang::En => format!(
                "The post reads like an advert (salesiness {score} of 100, the limit is {}).",
                self.threshold
            ),
        };
        out.emit_with(
            span,
            message,
            Suggestion::advice(cx.t(
                "Skriv om din egen oplevelse, og hvad det betyder for kunderne – drop priser, rabatter og \"køb nu\".",
                "Write about your own experience and what it means for customers – drop prices, discounts and \"buy now\".",
            )),
        );
    }
}
