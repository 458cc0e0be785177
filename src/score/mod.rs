//! What is computed once per post before the rules run: the sales signals, how much the post
//! reads like an advert (salesiness), whether it promotes the company's own products
//! (commercial intent, which the disclosure rules depend on) and what kind of post it is.
//!
//! Beside them, the post's tone ([`sentiment`]) and how easy it is to read ([`readability`]).
//!
//! The words are data (`rules/lexicons/signals.toml`, extended by a guideline's
//! `[signals]`); this module only knows the shapes: complete phrases, a head with a target a
//! few words after it in the same sentence ("book" … "call"), prices with what stands around
//! them, and links. See [`lexicon`] for how phrases match.

mod bayes;
mod content;
mod lexicon;
pub(crate) mod readability;
pub(crate) mod sentiment;

use crate::document::Document;
use crate::guideline::Guideline;
use crate::matcher::{Hits, ListId, MatcherBuilder, RegexId, TermOptions};
use crate::report::{ContentType, Scores, Signal, SignalKind, Span};
use crate::text::Lang;
use content::CONTENT_TYPES;
use lexicon::{Marks, PhraseSet, Registered, Words};
use std::ops::Range;

/// The kinds whose phrases and head/target pairs are read from the lexicon, in its order.
const PHRASE_KINDS: &[(SignalKind, &str)] = &[
    (SignalKind::CallToAction, "call_to_action"),
    (SignalKind::Urgency, "urgency"),
    (SignalKind::Discount, "discount"),
    (SignalKind::DiscountCode, "discount_code"),
    (SignalKind::Competition, "competition"),
    (SignalKind::FreeOffer, "free_offer"),
    (SignalKind::Endorsement, "endorsement"),
    (SignalKind::SellingPoint, "selling_point"),
    (SignalKind::SalesTalk, "sales_talk"),
];

/// One kind's phrases in one language.
#[derive(Debug, Default)]
struct KindWords {
    phrases: PhraseSet,
    heads: PhraseSet,
    targets: PhraseSet,
}

/// One kind of signal.
#[derive(Debug)]
struct Kind {
    kind: SignalKind,
    weight: f32,
    window: usize,
    /// Whether head and target may come in either order (a code before or after its word).
    either_order: bool,
    /// The company's products are targets too ("bestil AeroVarme 9", "vind en SolTag Pro").
    products_are_targets: bool,
    /// A link is a target too ("Book på nordvarme.dk/eftersyn").
    links_are_targets: bool,
    /// For selling points: how many sentences after one naming the product or the company
    /// still count (`None`: anywhere).
    sentences_after_name: Option<usize>,
    /// Whether the kind counts for the salesiness score (selling points count only for
    /// commercial intent).
    in_score: bool,
    langs: Vec<(Lang, KindWords)>,
}

/// One language's price context.
#[derive(Debug, Default)]
struct PriceWords {
    before: PhraseSet,
    after: PhraseSet,
    not_after: PhraseSet,
}

/// Everything per language that is registered with the matcher.
#[derive(Debug)]
struct LangLexicon {
    lang: Lang,
    registered: Registered,
    price: PriceWords,
    benefits: PhraseSet,
    content: Vec<(ContentType, PhraseSet)>,
}

/// The compiled signal lexicon and the company's words, registered with the shared matcher.
#[derive(Debug)]
pub(crate) struct SalesLexicon {
    kinds: Vec<Kind>,
    langs: Vec<LangLexicon>,
    price: RegexId,
    price_weight: f32,
    offer_price_weight: f32,
    price_window: usize,
    benefit_window: usize,
    shop_hosts: Vec<String>,
    shop_paths: Vec<String>,
    shop_weight: f32,
    /// The guideline's `sales.*` pattern rules (prices, percentages off): each match is a
    /// discount signal.
    patterns: Vec<RegexId>,
    /// The term lists of the guideline's `claims.*` rules ("markedsleder", "we guarantee"):
    /// a claim about the product is a selling point.
    claims: Vec<(Option<Lang>, ListId)>,
    /// The company's names and its products (`[company] names`, `products`).
    names: ListId,
    products: ListId,
    /// The company's web domains (folded): a link to them names the company too.
    domains: Vec<String>,
}

fn table<'a>(t: &'a toml::Table, key: &str) -> Option<&'a toml::Table> {
    t.get(key).and_then(toml::Value::as_table)
}

fn flag(t: &toml::Table, key: &str) -> bool {
    t.get(key).and_then(toml::Value::as_bool).unwrap_or(false)
}

fn float(t: &toml::Table, key: &str, default: f32) -> f32 {
    t.get(key)
        .and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)))
        .map_or(default, |f| f as f32)
}

/// The entries of a phrase list: strings (weight 1) or `[phrase, weight]` pairs.
fn entries(t: Option<&toml::Table>, key: &str) -> Vec<(String, f32)> {
    let Some(list) = t.and_then(|t| t.get(key)).and_then(toml::Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|v| match v {
            toml::Value::String(s) => Some((s.clone(), 1.0)),
            toml::Value::Array(a) => {
                let s = a.first()?.as_str()?;
                let w = a
                    .get(1)
                    .and_then(|w| w.as_float().or(w.as_integer().map(|i| i as f64)));
                Some((s.to_string(), w.unwrap_or(1.0) as f32))
            }
            _ => None,
        })
        .collect()
}

fn strings(t: Option<&toml::Table>, key: &str) -> Vec<String> {
    entries(t, key).into_iter().map(|(s, _)| s).collect()
}

impl SalesLexicon {
    /// Compiles the signal lexicon (the built-in one with the guideline's `[signals]` merged
    /// in) and registers its words, the company's names and products, and the guideline's
    /// `sales.*` patterns with the matcher (which runs each distinct pattern once, so the
    /// rules and the score share it).
    pub fn register(
        mb: &mut MatcherBuilder,
        guideline: &Guideline,
    ) -> Result<SalesLexicon, crate::Error> {
        let lex = guideline.signals();
        let mut words: Vec<(Lang, Words)> = Lang::ALL
            .into_iter()
            .map(|l| (l, Words::default()))
            .collect();
        let compile = |words: &mut Words, t: Option<&toml::Table>, key: &str, what: &str| {
            PhraseSet::compile(&entries(t, key), words, what)
        };
        let mut kinds = Vec::new();
        for &(kind, name) in PHRASE_KINDS {
            let t = table(&lex, name);
            let mut langs = Vec::new();
            for (lang, w) in &mut words {
                let lt = t.and_then(|t| table(t, lang.code()));
                langs.push((
                    *lang,
                    KindWords {
                        phrases: compile(w, lt, "phrases", name)?,
                        heads: compile(w, lt, "heads", name)?,
                        targets: compile(w, lt, "targets", name)?,
                    },
                ));
            }
            let t = t.cloned().unwrap_or_default();
            kinds.push(Kind {
                kind,
                weight: float(&t, "weight", 1.0),
                window: float(&t, "window", 3.0) as usize,
                either_order: flag(&t, "either_order"),
                products_are_targets: flag(&t, "products_are_targets"),
                links_are_targets: flag(&t, "links_are_targets"),
                sentences_after_name: t
                    .get("sentences_after_name")
                    .and_then(toml::Value::as_integer)
                    .map(|n| n.max(0) as usize),
                in_score: t
                    .get("in_score")
                    .and_then(toml::Value::as_bool)
                    .unwrap_or(true),
                langs,
            });
        }
        let price = table(&lex, "price").cloned().unwrap_or_default();
        let benefits = table(&lex, "benefits").cloned().unwrap_or_default();
        let content = table(&lex, "content").cloned().unwrap_or_default();
        let mut langs = Vec::new();
        for (lang, mut w) in words {
            let code = lang.code();
            let pt = table(&price, code);
            let price_words = PriceWords {
                before: compile(&mut w, pt, "before", "price")?,
                after: compile(&mut w, pt, "after", "price")?,
                not_after: compile(&mut w, pt, "not_after", "price")?,
            };
            let benefit_words = compile(&mut w, table(&benefits, code), "phrases", "benefits")?;
            let mut cues = Vec::new();
            for &ty in CONTENT_TYPES {
                let t = table(&content, ty.as_str()).and_then(|t| table(t, code));
                cues.push((ty, compile(&mut w, t, "cues", "content")?));
            }
            langs.push(LangLexicon {
                lang,
                registered: Registered::register(w, mb),
                price: price_words,
                benefits: benefit_words,
                content: cues,
            });
        }
        let pattern = price
            .get("pattern")
            .and_then(toml::Value::as_str)
            .unwrap_or("(?-u:\\b)[0-9]+\\s?kr(?-u:\\b)");
        let price_re = mb.add_regex(pattern).map_err(|e| {
            crate::error::internal(format!(
                "the price pattern of the signal lexicon does not compile: {e}"
            ))
        })?;
        let mut patterns = Vec::new();
        for rule in &guideline.rules {
            if let (true, crate::guideline::DataKind::Pattern { pattern }) =
                (rule.id.starts_with("sales."), &rule.kind)
            {
                if rule.id == "sales.price" {
                    // Prices are read with their context below.
                    continue;
                }
                // The pattern compiled when the guideline loaded.
                let id = mb.add_regex(pattern).map_err(|e| {
                    rule.at.error(
                        crate::ErrorKind::Regex,
                        crate::error::msg!("error.pattern", id = &rule.id, detail = e.to_string()),
                    )
                })?;
                patterns.push(id);
            }
        }
        let mut claims = Vec::new();
        for rule in &guideline.rules {
            if let (true, crate::guideline::DataKind::Terms { terms }) =
                (rule.id.starts_with("claims."), &rule.kind)
            {
                for (lang, list) in terms.lists() {
                    if !list.is_empty() {
                        claims.push((lang, mb.add_terms(list, rule.options)));
                    }
                }
            }
        }
        let shop = table(&lex, "shop_link").cloned().unwrap_or_default();
        let c = &guideline.company;
        Ok(SalesLexicon {
            kinds,
            langs,
            price: price_re,
            price_weight: float(&price, "weight", 1.0),
            offer_price_weight: table(&lex, "offer_price").map_or(3.0, |t| float(t, "weight", 3.0)),
            price_window: float(&price, "window", 2.0) as usize,
            benefit_window: float(&benefits, "window", 3.0) as usize,
            shop_hosts: strings(Some(&shop), "hosts"),
            shop_paths: strings(Some(&shop), "paths"),
            shop_weight: float(&shop, "weight", 2.0),
            patterns,
            claims,
            names: mb.add_terms(&c.names, TermOptions::default()),
            products: mb.add_terms(&c.products, TermOptions::default()),
            domains: c.domains.iter().map(|d| crate::fold::fold(d)).collect(),
        })
    }

    /// The post's scores: its signals, the salesiness score (0–100, from the signals'
    /// weights relative to the length of the post: a long post with one "tilbud" is not an
    /// advert, a short one full of them is), commercial intent and content type.
    pub fn score(&self, doc: &Document<'_>, hits: &Hits) -> Scores {
        if doc.words.is_empty() {
            return Scores::default();
        }
        let sentence_of = |word: usize| -> usize {
            let start = doc.words[word].span.start;
            doc.sentence_index(start)
        };
        let names: Vec<Span> = hits.terms(self.names).iter().map(|h| h.span).collect();
        let products: Vec<Span> = hits.terms(self.products).iter().map(|h| h.span).collect();
        let product_words: Vec<usize> = products.iter().map(|s| doc.word_index(s.start)).collect();
        // Links to the company's own site name it as much as its name does.
        let links: Vec<Span> = doc
            .entities
            .urls
            .iter()
            .filter(|u| self.is_company_link(&u.text))
            .map(|u| Span::new(u.start, u.end))
            .collect();
        let named_sentences: Vec<usize> = names
            .iter()
            .chain(&products)
            .chain(&links)
            .map(|s| sentence_of(doc.word_index(s.start).min(doc.words.len() - 1)))
            .collect();

        let mut found: Vec<Found> = Vec::new();
        let mut cue_scores = [0.0f32; content::CUE_TYPES];
        let mut job_benefits: Vec<Range<usize>> = Vec::new();
        for lang_lex in &self.langs {
            if !doc.is_language(lang_lex.lang) {
                continue;
            }
            let marks = lang_lex.registered.marks(doc, hits);
            content::cues(&marks, &lang_lex.content, &mut cue_scores);
            job_benefits.extend(
                lang_lex
                    .benefits
                    .find(&marks)
                    .iter()
                    .map(|(_, r)| r.clone()),
            );
            for kind in &self.kinds {
                let Some((_, words)) = kind.langs.iter().find(|(l, _)| *l == lang_lex.lang) else {
                    continue;
                };
                self.phrase_signals(
                    doc,
                    &marks,
                    kind,
                    words,
                    &product_words,
                    &sentence_of,
                    &mut found,
                );
            }
            self.prices(doc, hits, &marks, &lang_lex.price, &mut found);
        }
        for &p in &self.patterns {
            for s in hits.regex(p) {
                let w = doc.word_index(s.start);
                let end = doc.word_index(s.end.saturating_sub(1)) + 1;
                found.push(Found {
                    kind: SignalKind::Discount,
                    words: w..end.max(w + 1),
                    span: *s,
                    weight: 3.0,
                });
            }
        }
        self.shop_links(doc, &mut found);
        let selling = self
            .kinds
            .iter()
            .find(|k| k.kind == SignalKind::SellingPoint)
            .map_or(1.5, |k| k.weight);
        for &(lang, list) in &self.claims {
            if lang.is_some_and(|l| !doc.is_language(l)) {
                continue;
            }
            for h in hits.terms(list) {
                let w = doc.word_index(h.span.start);
                let end = doc.word_index(h.span.end.saturating_sub(1)) + 1;
                found.push(Found {
                    kind: SignalKind::SellingPoint,
                    words: w..end.max(w + 1),
                    span: h.span,
                    weight: selling,
                });
            }
        }

        // Selling points count where the product or the company is named in the sentence
        // (or a sentence or two before: "Så er den nye AeroVarme Mini landet. Næsten lydløs …").
        let after_name = self
            .kinds
            .iter()
            .find(|k| k.kind == SignalKind::SellingPoint)
            .and_then(|k| k.sentences_after_name);
        if let Some(after) = after_name {
            let mut named = named_sentences.clone();
            named.sort_unstable();
            found.retain(|f| {
                f.kind != SignalKind::SellingPoint || f.words.start >= doc.words.len() || {
                    // A naming sentence in [s - after, s].
                    let s = sentence_of(f.words.start);
                    let k = named.partition_point(|&n| n + after < s);
                    named.get(k).is_some_and(|&n| n <= s)
                }
            });
        }
        // A benefit is never a customer's discount ("personalerabat", "employee discount"),
        // whatever the post.
        job_benefits.sort_by_key(|r| r.start);
        found.retain(|f| {
            f.kind != SignalKind::Discount || {
                let k = job_benefits.partition_point(|b| b.end <= f.words.start);
                !job_benefits
                    .get(k)
                    .is_some_and(|b| b.start < f.words.end && f.words.start < b.end)
            }
        });
        // In a job post, the calls to action and the deadlines are about the job ("book en
        // snak med værkstedschefen", "skynd dig, fristen er fredag"), and offer words next to
        // a benefit are what the employee gets ("tilbud om sundhedsforsikring", "30 % rabat
        // på cykler som medarbejder"), not a customer's offer.
        let job_post = content::is_job_post(&cue_scores);
        if job_post {
            let window = self.benefit_window;
            found.retain(|f| {
                !matches!(
                    f.kind,
                    SignalKind::FreeOffer
                        | SignalKind::CallToAction
                        | SignalKind::SalesTalk
                        | SignalKind::Urgency
                )
            });
            found.retain(|f| {
                !matches!(
                    f.kind,
                    SignalKind::Discount | SignalKind::OfferPrice | SignalKind::Price
                ) || !{
                    // Benefit phrases are a few words long: those that start from a few words
                    // before the signal to `window` words after it.
                    let lo = f.words.start.saturating_sub(window + 4);
                    let k = job_benefits.partition_point(|b| b.start < lo);
                    job_benefits[k..]
                        .iter()
                        .take_while(|b| b.start < f.words.end + window)
                        .any(|b| {
                            f.words.start < b.end + window
                                && f.words.start < doc.words.len()
                                && b.start < doc.words.len()
                                && sentence_of(f.words.start) == sentence_of(b.start)
                        })
                }
            });
        }
        let signals = weigh(found);

        let scored = |k: SignalKind| {
            self.kinds
                .iter()
                .find(|x| x.kind == k)
                .is_none_or(|x| x.in_score)
        };
        let mut points: f32 = signals
            .iter()
            .filter(|s| scored(s.kind))
            .map(|s| s.weight)
            .sum();
        let bangs = doc.body_text().matches('!').count().min(6) as f32;
        points += 0.4 * bangs;
        let words = doc.words.len() as f32;
        let scale = 3.0 + words / 25.0;
        let salesiness = (100.0 * (1.0 - (-points / scale).exp()))
            .round()
            .clamp(0.0, 100.0) as u8;
        let strongest_sales = signals
            .iter()
            .max_by(|a, b| {
                a.weight
                    .total_cmp(&b.weight)
                    .then(b.span.start.cmp(&a.span.start))
            })
            .map(|s| s.span);
        let named = !names.is_empty() || !products.is_empty() || !links.is_empty();
        let commercial = named && commercial(&signals, !products.is_empty(), !links.is_empty());
        let model = bayes::scores(doc);
        let content_type = Some(content::decide(
            &model,
            &cue_scores,
            &signals,
            salesiness,
            commercial,
        ));
        Scores {
            salesiness,
            strongest_sales,
            commercial,
            content_type,
            signals,
            ..Scores::default()
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn phrase_signals(
        &self,
        doc: &Document<'_>,
        marks: &Marks,
        kind: &Kind,
        words: &KindWords,
        product_words: &[usize],
        sentence_of: &dyn Fn(usize) -> usize,
        found: &mut Vec<Found>,
    ) {
        for (p, r) in words.phrases.find(marks).iter().cloned() {
            let weight = if kind.kind == SignalKind::SalesTalk {
                words.phrases.phrases[p as usize].weight
            } else {
                kind.weight
            };
            found.push(Found::of(doc, kind.kind, r, weight));
        }
        if words.heads.phrases.is_empty() {
            return;
        }
        let heads = words.heads.find(marks);
        if heads.is_empty() {
            return;
        }
        let mut targets: Vec<Range<usize>> = words
            .targets
            .find(marks)
            .iter()
            .map(|(_, r)| r.clone())
            .collect();
        if kind.products_are_targets {
            targets.extend(product_words.iter().map(|&w| w..w + 1));
        }
        if kind.links_are_targets {
            targets.extend(doc.links.iter().filter_map(|u| {
                let w = doc.word_index(u.start);
                (w < doc.words.len()).then_some(w..w + 1)
            }));
        }
        targets.sort_by_key(|r| r.start);
        for (_, h) in heads.iter().cloned() {
            let s = sentence_of(h.start);
            // The first target after the head within the window, in the same sentence.
            let i = targets.partition_point(|t| t.start < h.end);
            let after = targets
                .get(i)
                .filter(|t| t.start < h.end + kind.window && sentence_of(t.start) == s);
            let before = kind.either_order.then(|| {
                targets[..i]
                    .iter()
                    .rev()
                    .find(|t| t.end <= h.start)
                    .filter(|t| t.end + kind.window > h.start && sentence_of(t.start) == s)
            });
            if let Some(t) = after.or(before.flatten()) {
                let r = h.start.min(t.start)..h.end.max(t.end);
                found.push(Found::of(doc, kind.kind, r, kind.weight));
            }
        }
    }

    fn prices(
        &self,
        doc: &Document<'_>,
        hits: &Hits,
        marks: &Marks,
        words: &PriceWords,
        found: &mut Vec<Found>,
    ) {
        let amounts = hits.regex(self.price);
        if amounts.is_empty() {
            return;
        }
        // Sorted for binary searches: a post may hold thousands of amounts.
        let mut before: Vec<Range<usize>> = words
            .before
            .find(marks)
            .iter()
            .map(|(_, r)| r.clone())
            .collect();
        before.sort_by_key(|r| r.end);
        let after: Vec<Range<usize>> = words
            .after
            .find(marks)
            .iter()
            .map(|(_, r)| r.clone())
            .collect();
        let not_after: Vec<Range<usize>> = words
            .not_after
            .find(marks)
            .iter()
            .map(|(_, r)| r.clone())
            .collect();
        let starts_at = |v: &[Range<usize>], lo: usize, hi: usize| {
            let i = v.partition_point(|r| r.start < lo);
            v.get(i).is_some_and(|r| r.start < hi)
        };
        for s in amounts {
            let first = doc.word_index(s.start);
            let end = doc.word_index(s.end.saturating_sub(1)) + 1;
            if first >= doc.words.len() {
                continue;
            }
            // "DKK 200 million", "96 mio. kr.": an investment or revenue, not a price.
            if starts_at(&not_after, end, end + 1) {
                continue;
            }
            // A phrase of `before` ends just before the amount, or one of `after` starts
            // just after it.
            let lo = (first + 1).saturating_sub(self.price_window);
            let k = before.partition_point(|r| r.end < lo);
            let offer = before.get(k).is_some_and(|r| r.end <= first)
                || starts_at(&after, end, end + self.price_window);
            let (kind, weight) = if offer {
                (SignalKind::OfferPrice, self.offer_price_weight)
            } else {
                (SignalKind::Price, self.price_weight)
            };
            found.push(Found {
                kind,
                words: first..end.max(first + 1),
                span: *s,
                weight,
            });
        }
    }

    /// Whether a link goes to one of the company's domains (or a subdomain).
    fn is_company_link(&self, url: &str) -> bool {
        let (host, _) = host_and_path(url);
        self.domains
            .iter()
            .any(|d| crate::entities::host_matches(&host, d))
    }

    fn shop_links(&self, doc: &Document<'_>, found: &mut Vec<Found>) {
        for u in &doc.links {
            let (host, path) = host_and_path(&u.text);
            let host = host.strip_prefix("www.").unwrap_or(&host);
            let shop_host = self.shop_hosts.iter().any(|h| host.starts_with(h.as_str()));
            let shop_path = path
                .split(|c: char| !c.is_alphanumeric())
                .any(|seg| self.shop_paths.iter().any(|p| p == seg));
            if shop_host || shop_path {
                let w = doc.word_index(u.start);
                found.push(Found {
                    kind: SignalKind::ShopLink,
                    words: w..w + 1,
                    span: Span::new(u.start, u.end),
                    weight: self.shop_weight,
                });
            }
        }
    }
}

/// A URL's host (folded, as the guideline's domains are) and what follows it.
fn host_and_path(url: &str) -> (String, String) {
    let host = crate::entities::url_host(url);
    // `host` is a slice of `url`: what follows starts where it ends.
    let start = host.as_ptr() as usize - url.as_ptr() as usize + host.len();
    (
        crate::fold::fold(host.trim_end_matches('.')),
        crate::fold::fold(&url[start..]),
    )
}

/// A signal before weighing.
#[derive(Debug, Clone)]
struct Found {
    kind: SignalKind,
    words: Range<usize>,
    span: Span,
    weight: f32,
}

impl Found {
    fn of(doc: &Document<'_>, kind: SignalKind, words: Range<usize>, weight: f32) -> Found {
        let start = doc.words[words.start].span.start;
        let end = doc.words[words.end - 1].span.end;
        Found {
            kind,
            words,
            span: Span::new(start, end),
            weight,
        }
    }
}

/// The signals with the weight each adds: nested signals keep the strongest (a "gratis"
/// inside "gratis energigennemgang" is one signal), a kind counts twice at most (the second
/// at half weight), and general sales talk adds at most 3 in all.
fn weigh(mut found: Vec<Found>) -> Vec<Signal> {
    found.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.weight.total_cmp(&a.weight))
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        // A signal inside another ("gratis" in "gratis energigennemgang") is one signal, the
        // stronger; signals that only touch ("4.000 kr. off" and "off until Sunday") are two.
        match kept.last_mut() {
            Some(last)
                if (f.span.start >= last.span.start && f.span.end <= last.span.end)
                    || (last.span.start >= f.span.start && last.span.end <= f.span.end) =>
            {
                if f.weight > last.weight {
                    *last = f;
                }
            }
            _ => kept.push(f),
        }
    }
    let mut seen: Vec<(SignalKind, usize)> = Vec::new();
    let mut talk = 0.0f32;
    kept.into_iter()
        .map(|f| {
            let n = match seen.iter_mut().find(|(k, _)| *k == f.kind) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    seen.push((f.kind, 1));
                    1
                }
            };
            let mut weight = match n {
                1 => f.weight,
                2 => f.weight / 2.0,
                _ => 0.0,
            };
            if f.kind == SignalKind::SalesTalk {
                weight = f.weight.min(3.0 - talk).max(0.0);
                talk += weight;
            }
            Signal {
                kind: f.kind,
                span: f.span,
                weight,
            }
        })
        .collect()
}

/// Whether a post that names the company or a product promotes it: its offer signals (a call
/// to action, urgency, a discount or code, a competition, an offer price, a free offer, a
/// shop link, an endorsement, a selling point) weigh 3 or more; or, with a product named,
/// the offer signals weigh 2 ("Falck Assistance: first month free"), or endorsements and
/// selling points alone weigh 3 (a gentle promotion: "AeroVarme Mini is whisper-quiet and
/// halves your bill").
///
/// Naming the employer or a product is not promotion by itself: a work anniversary, a job
/// post, a maintenance tip for owners of the product, the team's charity ride name them and
/// sell nothing, and must not be asked for an advertising disclosure
/// (markedsføringsloven § 6, stk. 4 and the FTC's endorsement guides are about promotion,
/// not about mentions). A plain amount (money raised, an investment) is not an offer either.
fn commercial(signals: &[Signal], product: bool, company_link: bool) -> bool {
    let mut offer = 0.0f32;
    let mut pitch = 0.0f32;
    // Pressure and sales talk without an offer ("begrænset antal pladser" at a free
    // seminar) do not make a post promotion.
    let offered = signals.iter().any(|s| {
        !matches!(
            s.kind,
            SignalKind::Urgency | SignalKind::SalesTalk | SignalKind::Price
        )
    });
    if !offered {
        return false;
    }
    for s in signals {
        match s.kind {
            SignalKind::Price => offer += 0.5 * s.weight,
            SignalKind::SalesTalk => offer += s.weight.min(1.0),
            SignalKind::Endorsement | SignalKind::SellingPoint => {
                offer += s.weight;
                pitch += s.weight;
            }
            _ => offer += s.weight,
        }
    }
    offer >= 3.0
        || (product && (offer - pitch >= 2.0 || pitch >= 3.0))
        // A story about the product with what it does for the buyer and a pointer to the
        // company's site ("de sparer ca. 14.000 kr. om året … flere historier på
        // nordvarme.dk/kunder") promotes it as much as a price does.
        || (product && company_link && pitch >= 1.5)
}
