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
    /// The company's names and its products (`[company] names`, `products`), when it has any.
    company: Option<(ListId, ListId)>,
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
        let c = &guideline.company;
        let company = (!c.names.is_empty() || !c.products.is_empty()).then(|| {
            (
                mb.add_terms(&c.names, TermOptions::default()),
                mb.add_terms(&c.products, TermOptions::default()),
            )
        });
        Ok(SalesLexicon {
            lists,
            patterns,
            company,
        })
    }

    /// The post's scores: the salesiness score, 0–100, from weighted sales phrases, prices,
    /// discounts and exclamation marks, relative to the length of the post (a long post with
    /// one "tilbud" is not an advert; a short one full of them is).
    pub fn score(&self, doc: &Document<'_>, hits: &Hits) -> Scores {
        let mut points = 0.0f32;
        let mut best: Option<(f32, Span)> = None;
        // Sales signals by strength, for the commercial decision.
        let (mut strong, mut medium) = (0usize, 0usize);
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
                if w >= 3.0 {
                    strong += 1;
                } else if w >= 2.0 {
                    medium += 1;
                }
            }
        }
        for &p in &self.patterns {
            let n = hits.regex(p).len();
            points += 2.0 * n.min(3) as f32;
            strong += n;
        }
        let commercial = self.commercial(hits, strong, medium);
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
            commercial,
        }
    }

    /// Whether the post promotes the company's products or offers: it names the company or
    /// one of its products *and* sells — a clearly promotional phrase (weight 3 in the sales
    /// lexicon: "rabat", "book en demo", "køb nu"), a price or a percentage off, or two milder
    /// ones (weight 2: "gratis", "uforpligtende"); with a product named, one milder one is
    /// enough.
    ///
    /// Naming the employer or a product is not promotion by itself: a work anniversary, a job
    /// post, a maintenance tip for owners of the product, the team's charity ride name them
    /// and sell nothing, and must not be asked for an advertising disclosure
    /// (markedsføringsloven § 6, stk. 4 and the FTC's endorsement guides are about
    /// promotion, not about mentions).
    fn commercial(&self, hits: &Hits, strong: usize, medium: usize) -> bool {
        let Some((names, products)) = self.company else {
            return false;
        };
        let product = !hits.terms(products).is_empty();
        if !product && hits.terms(names).is_empty() {
            return false;
        }
        strong >= 1 || medium >= 2 || (product && medium >= 1)
    }
}
