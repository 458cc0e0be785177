//! The post's sentiment, read sentence by sentence: AFINN's word scores (Finn Årup Nielsen,
//! DTU; `rules/lexicons/afinn-da.txt`, `afinn-en.txt`) with the words around them taken into
//! account, and insults aimed at people as a signal of their own.
//!
//! Counting AFINN words alone reads "not bad" as criticism and "sygt godt", "killed it" as a
//! rant. Here, as in VADER (Hutto & Gilbert 2014), a scored word is read with:
//!
//! - a **negator** up to three words before it in the sentence, which turns it around and
//!   halves it ("ikke dårligt", "aldrig kedeligt", "not bad");
//! - an **intensifier** up to two words before it, which makes it half as strong again and
//!   does not count itself ("vildt flot", "sygt godt", "really awful") — or a **dampener**,
//!   which halves it ("lidt skuffet");
//! - in Danish, the **compound** it ends ("kæmpefiasko", "trafikkaos"), an intensifying first
//!   part counting as an intensifier ("pissedårligt");
//! - **praise** set phrases that AFINN misreads ("killed it", "for vildt") as praise;
//! - **irony** in its sentence ("endnu et møde 🙄", "yet another 'quick sync'"), which turns
//!   its positive words negative.
//!
//! The words are data: `rules/lexicons/tone.toml`.

use crate::builtin;
use crate::document::Document;
use crate::error::Error;
use crate::lexicon::{flag, scored_in, words_in};
use crate::matcher::{Hits, ListId, MatcherBuilder, TermOptions};
use crate::report::{Driver, Span, Tone};
use crate::text::Lang;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

const LEXICON: &str = "lexicons/tone.toml";

/// How far back a negator reaches (words).
const NEGATION_REACH: usize = 3;
/// How far back an intensifier or dampener reaches (words).
const BOOST_REACH: usize = 2;
/// How far an insult word may stand from the person it is aimed at (words).
const INSULT_REACH: usize = 3;
/// How far below zero a post negative throughout must sum (see
/// [`Tone::negative_throughout`]).
const UNIFORM_TOTAL: f32 = -4.0;
/// The score of a praise phrase.
const PRAISE: f32 = 3.0;
/// `sentiment = 100 · s / √(s² + ALPHA)` for the sum `s` of the scores: −100…100, about
/// −58 at a sum of −5 (three clearly negative words), ±100 only in the limit.
const ALPHA: f32 = 50.0;

/// One language's AFINN lexicon, parsed once per process. Single words (almost all of its
/// ~3,400 entries) are looked up by the document's folded words in a hash map; only the few
/// phrases ("no fun", "does not work") go into the shared automaton. Putting all 7,000 entries
/// of both languages into the automaton cost 6.5 ms of start-up, two thirds of building the
/// whole linter.
#[derive(Debug)]
struct Afinn {
    lang: Lang,
    words: FxHashMap<String, i8>,
    phrases: Vec<String>,
    phrase_scores: Vec<i8>,
}

static AFINN: LazyLock<Vec<Afinn>> = LazyLock::new(|| {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let Some(content) = builtin::file(&format!("lexicons/afinn-{}.txt", lang.code())) else {
            continue;
        };
        let mut words = FxHashMap::default();
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
        out.push(Afinn {
            lang,
            words,
            phrases,
            phrase_scores,
        });
    }
    out
});

/// The AFINN score of a folded word in `lang` (both languages' lists when it is unknown, the
/// more negative first): for rules that weigh a single word, such as
/// `competitor.disparaging`.
pub(crate) fn word_score(lang: Option<Lang>, folded: &str) -> Option<i8> {
    AFINN
        .iter()
        .filter(|lex| lang.is_none_or(|l| l == lex.lang))
        .filter_map(|lex| lex.words.get(folded).copied())
        .min()
}

impl Tone {
    /// The sentiment on the report's scale, −100 (very negative) … 100 (very positive).
    pub fn sentiment(&self) -> i8 {
        let s = self.total;
        let v = 100.0 * s / (s * s + ALPHA).sqrt();
        v.round().clamp(-100.0, 100.0) as i8
    }

    /// Each sentence with a scored word, with the sum of its scores, in text order.
    pub fn sentence_sums(&self) -> Vec<(usize, f32)> {
        let mut sums: Vec<(usize, f32)> = Vec::new();
        for d in &self.drivers {
            match sums.last_mut() {
                Some((s, t)) if *s == d.sentence => *t += d.score,
                _ => sums.push((d.sentence, d.score)),
            }
        }
        sums
    }

    /// The sentence whose drivers sum lowest, with that sum: where a finding points.
    pub fn worst_sentence(&self) -> Option<(usize, f32)> {
        self.sentence_sums()
            .into_iter()
            .min_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// Whether the post is negative throughout: two sentences or more that read negative,
    /// none that reads positive, and at least [`UNIFORM_TOTAL`] below zero in all. A short
    /// rant is clearly negative before its sum reaches the threshold a long post needs.
    pub fn negative_throughout(&self) -> bool {
        let sums = self.sentence_sums();
        // A question asks rather than complains ("did you calculate the heat loss?"): it does
        // not make a post negative throughout.
        let negative = sums
            .iter()
            .filter(|(i, t)| *t < 0.0 && !self.questions.contains(i))
            .count();
        let positive = sums.iter().filter(|(_, t)| *t > 0.0).count();
        negative >= 2 && positive == 0 && self.total <= UNIFORM_TOTAL
    }
}

/// The words that read one language's sentiment.
#[derive(Debug)]
struct LangWords {
    lang: Lang,
    afinn: &'static Afinn,
    /// AFINN's phrases and the lexicon's complaints, with their scores.
    phrases: ListId,
    phrase_scores: Vec<i8>,
    grief: ListId,
    praise: ListId,
    irony: ListId,
    weak_irony: ListId,
    people: ListId,
    insults: ListId,
    insult_nouns: ListId,
    negators: FxHashSet<String>,
    intensifiers: FxHashSet<String>,
    dampeners: FxHashSet<String>,
    neutral: FxHashSet<String>,
    prefixes: Vec<String>,
    negative_prefixes: Vec<(String, i8)>,
    marks: Vec<String>,
    /// Whether the language writes compounds as one word (Danish).
    compounds: bool,
    degree_suffixes: Vec<String>,
}

/// The sentiment lexicon of both languages, registered with the matcher once per linter.
#[derive(Debug)]
pub(crate) struct SentimentLexicon {
    langs: Vec<LangWords>,
    /// Capitalised first names (`rules/lexicons/first-names.txt`): a person an insult can
    /// be aimed at.
    names: ListId,
}

fn folded_set(words: Vec<String>) -> FxHashSet<String> {
    words
        .iter()
        // Folding turns ’ into ' ("don’t" → "don't"), in the post's words as here.
        .map(|w| crate::fold::fold(w))
        .collect()
}

impl SentimentLexicon {
    /// Reads `rules/lexicons/tone.toml` and registers its phrases with the matcher.
    pub fn register(mb: &mut MatcherBuilder) -> Result<SentimentLexicon, Error> {
        let words = |lang: Lang, key: &str| words_in(LEXICON, &format!("{}.{key}", lang.code()));
        // AFINN lists inflected forms itself; our own inflection would over-match.
        let exact = TermOptions {
            inflect: false,
            ..TermOptions::default()
        };
        let inflected = TermOptions::default();
        let mut langs = Vec::new();
        for afinn in AFINN.iter() {
            let lang = afinn.lang;
            let code = lang.code();
            let complaints = scored_in(LEXICON, &format!("{code}.complaints"))?;
            let mut phrases = afinn.phrases.clone();
            let mut phrase_scores = afinn.phrase_scores.clone();
            for (term, score) in complaints {
                phrases.push(term);
                phrase_scores.push(score);
            }
            langs.push(LangWords {
                lang,
                afinn,
                phrases: mb.add_terms(&phrases, exact),
                phrase_scores,
                grief: mb.add_terms(&words(lang, "grief.words")?, exact),
                praise: mb.add_terms(&words(lang, "praise")?, exact),
                irony: mb.add_terms(&words(lang, "irony")?, exact),
                weak_irony: mb.add_terms(&words(lang, "weak_irony")?, exact),
                people: mb.add_terms(&words(lang, "people")?, inflected),
                insults: mb.add_terms(&words(lang, "insults")?, inflected),
                insult_nouns: mb.add_terms(&words(lang, "insult_nouns")?, inflected),
                negators: folded_set(words(lang, "negators")?),
                intensifiers: folded_set(words(lang, "intensifiers")?),
                dampeners: folded_set(words(lang, "dampeners")?),
                neutral: folded_set(words(lang, "neutral")?),
                negative_prefixes: scored_in(LEXICON, &format!("{code}.negative_prefixes"))?
                    .into_iter()
                    .map(|(p, s)| (crate::fold::fold(&p), s))
                    .collect(),
                prefixes: words(lang, "prefixes")?
                    .iter()
                    .map(|w| crate::fold::fold(w))
                    .collect(),
                marks: words(lang, "irony_marks")?,
                compounds: flag(LEXICON, &format!("{code}.compounds"))?,
                degree_suffixes: words(lang, "degree_suffixes")?,
            });
        }
        let names: Vec<&'static str> = builtin::file("lexicons/first-names.txt")
            .map(|c| builtin::list_lines(c).collect())
            .unwrap_or_default();
        let names = mb.add_terms(
            &names,
            TermOptions {
                case_sensitive: true,
                inflect: true,
                ..exact
            },
        );
        Ok(SentimentLexicon { langs, names })
    }

    /// Reads the post's tone.
    pub fn read(&self, doc: &Document<'_>, hits: &Hits) -> Tone {
        let mut tone = Tone::default();
        for lex in &self.langs {
            // A post in one language is read with that language's words only; with the
            // language unknown, both count (AFINN's two lists share few words).
            if doc.is_language(lex.lang) {
                self.read_lang(lex, doc, hits, &mut tone);
            }
        }
        tone.drivers.sort_by_key(|d| d.span.start);
        tone.questions = (doc.sentences.iter().enumerate())
            .filter(|(_, s)| doc.text[(*s).clone()].trim_end().ends_with('?'))
            .map(|(i, _)| i)
            .collect();
        tone.insults.sort_by_key(|s| s.start);
        tone.insults.dedup();
        tone.total = tone.drivers.iter().map(|d| d.score).sum();
        tone
    }

    fn read_lang(&self, lex: &LangWords, doc: &Document<'_>, hits: &Hits, tone: &mut Tone) {
        let mut drivers: Vec<Driver> = Vec::new();
        let word_of = |offset: usize| doc.word_index(offset);
        // Phrases first: their words are not scored again one by one.
        let mut covered: Vec<Span> = Vec::new();
        for (list, praise) in [(lex.praise, true), (lex.phrases, false)] {
            for h in hits.terms(list) {
                if covered
                    .iter()
                    .any(|c| c.start < h.span.end && h.span.start < c.end)
                {
                    continue;
                }
                covered.push(h.span);
                let sentence = doc.sentence_index(h.span.start);
                let mut score = if praise {
                    PRAISE
                } else {
                    f32::from(lex.phrase_scores[h.term])
                };
                score *= boost_before(lex, doc, word_of(h.span.start), sentence);
                drivers.push(Driver {
                    span: h.span,
                    score,
                    sentence,
                });
            }
        }
        let in_phrase = |s: &std::ops::Range<usize>| {
            covered.iter().any(|c| c.start <= s.start && s.end <= c.end)
        };
        for (i, w) in doc.words.iter().enumerate() {
            if in_phrase(&w.span) || doc.in_entity(&w.span) {
                continue;
            }
            let folded = doc.folded_word(w);
            if lex.intensifiers.contains(folded)
                || lex.dampeners.contains(folded)
                || lex.negators.contains(folded)
                || lex.neutral.contains(folded)
            {
                continue;
            }
            let Some((base, prefix_boost)) = self.score_of(lex, folded) else {
                continue;
            };
            let sentence = doc.sentence_index(w.span.start);
            let before = |reach: usize| {
                (i.saturating_sub(reach)..i)
                    .rev()
                    .map(|j| &doc.words[j])
                    .filter(|p| doc.sentence_index(p.span.start) == sentence)
                    .map(|p| doc.folded_word(p))
            };
            let mut score = f32::from(base);
            if prefix_boost {
                score *= 1.5;
            }
            score *= boost_before(lex, doc, i, sentence);
            if before(NEGATION_REACH).any(|p| lex.negators.contains(p)) {
                score *= -0.5;
            }
            drivers.push(Driver {
                span: Span::new(w.span.start, w.span.end),
                score,
                sentence,
            });
        }
        drivers.sort_by_key(|d| d.span.start);
        // Praise in quotation marks is someone else's ("'medarbejderne er vores vigtigste
        // ressource'", a "quick sync"): it does not count as the author's.
        let quotes = quoted_spans(doc.body_text(), doc.body.start);
        drivers.retain(|d| {
            // The quotes are sorted and do not overlap: the last one starting before the word.
            let i = quotes.partition_point(|q| q.start <= d.span.start);
            let quoted = i > 0 && d.span.end <= quotes[i - 1].end;
            !(d.score > 0.0 && quoted)
        });
        let ironic = ironic_sentences(lex, doc, hits, &drivers);
        for d in &mut drivers {
            if d.score > 0.0 && ironic.binary_search(&d.sentence).is_ok() {
                d.score = -d.score;
            }
        }
        tone.drivers.extend(drivers);
        tone.grief |= !hits.terms(lex.grief).is_empty();
        self.insults(lex, doc, hits, word_of, tone);
    }

    /// The AFINN score of a folded word, and whether an intensifying first part of a
    /// Danish compound strengthens it: the word itself, else the longest scored last part
    /// of a compound ("kæmpefiasko" → "fiasko", "pissedårligt" → "dårligt").
    fn score_of(&self, lex: &LangWords, folded: &str) -> Option<(i8, bool)> {
        if let Some(&s) = lex.afinn.words.get(folded) {
            return Some((s, false));
        }
        // Comparatives and superlatives AFINN does not list: "dummeste", "slowest".
        for d in &lex.degree_suffixes {
            if let Some(base) = folded.strip_suffix(d).filter(|b| b.len() >= 3) {
                let base = base.to_string();
                let candidates = [base.clone(), format!("{base}e"), format!("{base}y")];
                if let Some(&s) = candidates.iter().find_map(|c| lex.afinn.words.get(c)) {
                    return Some((s, false));
                }
            }
        }
        if !lex.compounds {
            return None;
        }
        // Parts of at least three (first) and four (last) letters: shorter last parts
        // ("lort" in "solort"? no: "ort") are chance endings, not words.
        let chars: Vec<(usize, char)> = folded.char_indices().collect();
        for (k, &(at, _)) in chars.iter().enumerate().skip(3) {
            if chars.len() - k < 4 {
                break;
            }
            let (head, tail) = folded.split_at(at);
            if lex.neutral.contains(tail) {
                continue;
            }
            if let Some(&s) = lex.afinn.words.get(tail) {
                let boost = lex.prefixes.iter().any(|p| p == head);
                return Some((s, boost));
            }
        }
        // A negative first part before a neutral rest: "lortedag", "møgsystem".
        lex.negative_prefixes.iter().find_map(|(p, s)| {
            let rest = folded.strip_prefix(p.as_str())?;
            (rest.chars().count() >= 3).then_some((*s, false))
        })
    }

    /// Insults aimed at people: an insulting word for a person on its own, or an insulting
    /// judgement within three words of a person (a group such as "kunderne", "management",
    /// a first name, an @mention) in the same sentence, unless a negator stands just before
    /// it ("kunderne er ikke dumme").
    fn insults(
        &self,
        lex: &LangWords,
        doc: &Document<'_>,
        hits: &Hits,
        word_of: impl Fn(usize) -> usize,
        tone: &mut Tone,
    ) {
        let negated = |span: Span| {
            let i = word_of(span.start);
            let sentence = doc.sentence_index(span.start);
            (i.saturating_sub(2)..i).any(|j| {
                let p = &doc.words[j];
                doc.sentence_index(p.span.start) == sentence
                    && lex.negators.contains(&doc.folded_word(p).replace('’', "'"))
            })
        };
        for h in hits.terms(lex.insult_nouns) {
            if !negated(h.span) {
                tone.insults.push(h.span);
            }
        }
        let mut people: Vec<Span> = hits.terms(lex.people).iter().map(|h| h.span).collect();
        people.extend(hits.terms(self.names).iter().map(|h| h.span));
        people.extend(doc.people.iter().map(|m| Span::new(m.start, m.end)));
        for h in hits.terms(lex.insults) {
            if negated(h.span) {
                continue;
            }
            let i = word_of(h.span.start);
            let sentence = doc.sentence_index(h.span.start);
            let target = people.iter().find(|p| {
                let j = word_of(p.start);
                doc.sentence_index(p.start) == sentence && i.abs_diff(j) <= INSULT_REACH
            });
            if let Some(p) = target {
                tone.insults
                    .push(Span::new(h.span.start.min(p.start), h.span.end.max(p.end)));
            }
        }
    }
}

/// The sentences (indices, sorted) whose positive words are irony.
///
/// A strong mark makes its sentence ironic: a phrase ("tak for ingenting", "yeah right") or
/// a mark in the text (an eye-roll emoji, "/s"; one after a sentence's full stop belongs to
/// that sentence). A weak one ("endnu et", "yet another", "as usual") is also said in
/// earnest ("endnu et fantastisk år"), so it counts only with a complaint beside it: a
/// negative word in its sentence, or praise of at most two words just before it
/// ("Fantastisk. Endnu et møde …", "Great, yet another …"), which is then the irony.
fn ironic_sentences(
    lex: &LangWords,
    doc: &Document<'_>,
    hits: &Hits,
    drivers: &[Driver],
) -> Vec<usize> {
    let mut out: Vec<usize> = hits
        .terms(lex.irony)
        .iter()
        .map(|h| doc.sentence_index(h.span.start))
        .collect();
    let words_of = |sentence: usize| {
        doc.sentences.get(sentence).map_or(0, |s| {
            let from = doc.word_index(s.start);
            doc.word_index(s.end) - from
        })
    };
    let sum_of = |sentence: usize| -> (f32, bool) {
        let mut sum = 0.0;
        let mut negative = false;
        for d in drivers.iter().filter(|d| d.sentence == sentence) {
            sum += d.score;
            negative |= d.score < 0.0;
        }
        (sum, negative)
    };
    for h in hits.terms(lex.weak_irony) {
        let k = doc.sentence_index(h.span.start);
        let (_, negative) = sum_of(k);
        let lead = doc.sentences.get(k).map_or(0, |s| {
            doc.word_index(h.span.start) - doc.word_index(s.start)
        });
        let lead_praise: f32 = drivers
            .iter()
            .filter(|d| d.sentence == k && d.span.start < h.span.start)
            .map(|d| d.score)
            .sum();
        if negative || (lead <= 2 && lead_praise > 0.0) {
            out.push(k);
        }
        if lead == 0 && k > 0 && words_of(k - 1) <= 2 && sum_of(k - 1).0 > 0.0 {
            out.push(k - 1);
        }
    }
    let body = doc.body_text();
    for mark in &lex.marks {
        for (at, _) in body.match_indices(mark.as_str()) {
            let at = doc.body.start + at;
            let i = doc.sentence_index(at);
            let inside = doc.sentences.get(i).is_some_and(|s| s.start <= at);
            out.push(if inside { i } else { i.saturating_sub(1) });
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// How an intensifier (× 1.5) or a dampener (× 0.5) up to [`BOOST_REACH`] words before word
/// `i` in its sentence changes the word's score; 1 when there is none.
fn boost_before(lex: &LangWords, doc: &Document<'_>, i: usize, sentence: usize) -> f32 {
    (i.saturating_sub(BOOST_REACH)..i)
        .rev()
        .map(|j| &doc.words[j])
        .filter(|p| doc.sentence_index(p.span.start) == sentence)
        .find_map(|p| {
            let p = doc.folded_word(p);
            if lex.intensifiers.contains(p) {
                Some(1.5)
            } else if lex.dampeners.contains(p) {
                Some(0.5)
            } else {
                None
            }
        })
        .unwrap_or(1.0)
}

/// The stretches of `text` (at `base`) inside quotation marks of at most eight words:
/// "…", “…”, «…», „…“. Longer ones are quotations, not scare quotes.
fn quoted_spans(text: &str, base: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '"' | '“' | '«' | '„') => open = Some((i + c.len_utf8(), c)),
            (Some((start, o)), _)
                if matches!(
                    (o, c),
                    ('"', '"') | ('“', '”') | ('«', '»') | ('„', '“' | '”')
                ) =>
            {
                let inner = &text[start..i];
                if inner.split_whitespace().count() <= 8 {
                    out.push(Span::new(base + start, base + i));
                }
                open = None;
            }
            (Some(_), '\n') => open = None,
            _ => {}
        }
    }
    out
}
