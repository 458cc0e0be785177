//! Scores computed once per post, before the rules run: how much it reads like an advert.

use crate::builtin;
use crate::document::Document;
use crate::guideline::Guideline;
use crate::matcher::{Hits, ListId, MatcherBuilder, RegexId, TermOptions};
use crate::report::{Scores, Span};
use crate::text::Lang;

/// The weighted sales-talk lexicons (`rules/lexicons/sales-{da,en}.txt`) and price patterns,
/// registered with the shared matcher.
#[derive(Debug)]
pub(crate) struct SalesLexicon {
    lists: Vec<(Lang, ListId, Vec<f32>)>,
    /// The guideline's `sales.*` pattern rules (prices, percentages off): each match counts.
    patterns: Vec<RegexId>,
}

impl SalesLexicon {
    /// Registers the lexicons, and the patterns of the guideline's `sales.*` pattern rules
    /// (the matcher runs each distinct pattern once, so the rule and the score share it).
    pub fn register(
        mb: &mut MatcherBuilder,
        guideline: &Guideline,
    ) -> Result<SalesLexicon, crate::Error> {
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
        let mut patterns = Vec::new();
        for rule in &guideline.rules {
            if let (true, crate::guideline::DataKind::Pattern { pattern }) =
                (rule.id.starts_with("sales."), &rule.kind)
            {
                // The pattern compiled when the guideline loaded.
                let id = mb.add_regex(pattern).map_err(|e| {
                    rule.at.error(
                        crate::ErrorKind::Regex,
                        format!("the pattern of `{}` does not compile: {e}", rule.id),
                    )
                })?;
                patterns.push(id);
            }
        }
        Ok(SalesLexicon { lists, patterns })
    }

    /// The post's scores: the salesiness score, 0–100, from weighted sales phrases, prices,
    /// discounts and exclamation marks, relative to the length of the post (a long post with
    /// one "tilbud" is not an advert; a short one full of them is).
    pub fn score(&self, doc: &Document<'_>, hits: &Hits) -> Scores {
        let mut points = 0.0f32;
        let mut best: Option<(f32, Span)> = None;
        for (lang, id, weights) in &self.lists {
            if !doc.is_language(*lang) {
                continue;
            }
            // Summed per list first, as the score was calibrated.
            points += hits.terms(*id).iter().map(|h| weights[h.term]).sum::<f32>();
            for h in hits.terms(*id) {
                let w = weights[h.term];
                if best.is_none_or(|(bw, bs)| w > bw || (w == bw && h.span.start < bs.start)) {
                    best = Some((w, h.span));
                }
            }
        }
        for &p in &self.patterns {
            points += 2.0 * hits.regex(p).len().min(3) as f32;
        }
        let bangs = doc.body_text().matches('!').count().min(6) as f32;
        points += 0.4 * bangs;
        let words = doc.words.len() as f32;
        let salesiness = if words == 0.0 {
            0
        } else {
            let scale = 3.0 + words / 25.0;
            let score = 100.0 * (1.0 - (-points / scale).exp());
            score.round().clamp(0.0, 100.0) as u8
        };
        Scores {
            salesiness,
            strongest_sales: best.map(|(_, s)| s),
        }
    }
}
