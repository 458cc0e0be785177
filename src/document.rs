//! The document model: built once per post and shared by every rule.
//!
//! Tokenising once (Harper's approach) keeps rules small and the check fast: a rule reads
//! words, sentences, entities and the detected language from here instead of re-scanning.

use crate::emoji;
use crate::entities::{self, Entities, Entity};
pub use crate::fold::split_words;
use crate::fold::{self, Folded};
use crate::numbers::Numbers;
use crate::text::Lang;
use std::ops::Range;

/// One word of the post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the post.
    pub span: Range<usize>,
    /// Where the folded form lies in the document's folded-words buffer (one buffer for all
    /// words instead of a string each: a post has dozens of words and is checked often).
    folded: Range<usize>,
}

/// Maps byte offsets to 1-based line and column (columns in Unicode scalar values).
///
/// Columns are counted from the last position asked for when it lies earlier on the same
/// line: findings come sorted, so a 5 MB one-line post with 100,000 findings costs one pass,
/// not one pass per finding.
#[derive(Debug)]
pub struct LineIndex {
    /// Where each line starts (the first after a byte-order mark, which is no column).
    starts: Vec<usize>,
    /// The character offset of each line's start, counted from the same point.
    chars: Vec<usize>,
    /// The last (offset, line, column) computed (a mutex keeps the index `Sync`).
    cursor: std::sync::Mutex<(usize, usize, usize)>,
}

impl Clone for LineIndex {
    fn clone(&self) -> Self {
        LineIndex {
            starts: self.starts.clone(),
            chars: self.chars.clone(),
            cursor: std::sync::Mutex::new((self.starts[0], 0, 1)),
        }
    }
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let first = bom_len(text);
        let mut starts = vec![first];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut chars = Vec::with_capacity(starts.len());
        let mut count = 0;
        for (i, &s) in starts.iter().enumerate() {
            chars.push(count);
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            count += text[s..end].chars().count();
        }
        LineIndex {
            starts,
            chars,
            cursor: std::sync::Mutex::new((first, 0, 1)),
        }
    }

    /// The 1-based (line, column) of byte `offset` in `text`; offsets inside a character
    /// or past the end are clamped, and so are offsets inside a leading byte-order mark.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len())).max(self.starts[0]);
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let mut cursor = self.cursor.lock().unwrap_or_else(|e| e.into_inner());
        let (last_offset, last_line, last_column) = *cursor;
        let column = if last_line == line && last_offset <= offset && last_offset <= text.len() {
            last_column + text[last_offset..offset].chars().count()
        } else {
            text[self.starts[line]..offset].chars().count() + 1
        };
        *cursor = (offset, line, column);
        (line + 1, column)
    }

    /// The 0-based character (Unicode scalar value) offset of byte `offset`, counted after a
    /// leading byte-order mark, as SARIF's `charOffset` counts with code-point columns.
    pub fn char_offset(&self, text: &str, offset: usize) -> usize {
        let (line, column) = self.line_col(text, offset);
        self.chars[line - 1] + column - 1
    }

    /// The 0-based index of the line containing byte `offset`.
    #[cfg_attr(not(feature = "fancy"), allow(dead_code))]
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The number of lines.
    #[cfg_attr(not(feature = "fancy"), allow(dead_code))]
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte range of 1-based `line`, without its line break.
    #[cfg_attr(not(feature = "fancy"), allow(dead_code))]
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map(|&s| s - 1).unwrap_or(text.len());
        let end = if end > start && text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        start..end
    }
}

/// The length of a leading byte-order mark (U+FEFF), 0 without one.
pub(crate) fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    }
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The IBAN length of a country (`rules/lexicons/iban-lengths.txt`).
fn iban_length(country: &str) -> Option<usize> {
    static TABLE: std::sync::OnceLock<Vec<(String, usize)>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        crate::builtin::file("lexicons/iban-lengths.txt")
            .map(|c| {
                crate::builtin::list_lines(c)
                    .filter_map(|l| {
                        let (cc, n) = l.split_once(' ')?;
                        Some((cc.to_string(), n.trim().parse().ok()?))
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    table.iter().find(|(c, _)| c == country).map(|&(_, n)| n)
}

/// A post analysed once for all rules.
#[derive(Debug)]
pub struct Document<'a> {
    /// The text rules see: the post as given, with any front matter blanked to spaces so that
    /// byte offsets still point into the original.
    pub text: &'a str,
    /// The byte range of the post body (after the front matter).
    pub body: Range<usize>,
    /// The folded text with its map back to `text`.
    pub folded: Folded,
    /// Words in order.
    pub words: Vec<Word>,
    /// The folded forms of all words, back to back (see [`Document::folded_word`]).
    folded_words: String,
    /// Sentences in order (a line break also ends a sentence: posts often skip the full stop).
    pub sentences: Vec<Range<usize>>,
    /// URLs, hashtags, mentions, lists and cashtags as X sees them, and the links and handles
    /// it does not.
    pub entities: Entities,
    /// The links a reader sees ([`Entities::links`]): what link rules read.
    pub links: Vec<Entity>,
    /// The people the post tags ([`Entities::people`]): what mention rules read.
    pub people: Vec<Entity>,
    /// Byte ranges of the emoji in the body, each a whole sequence (👍🏽, 👨‍👩‍👧, 🇩🇰, 1️⃣); see
    /// [`crate::emoji`].
    pub emoji: Vec<Range<usize>>,
    /// The words no safe fix may change: each URL, mention, hashtag, cashtag and e-mail
    /// address (`navn@firma.dk`) with the letters glued to it (`https://acme.dk/𝐁𝐨𝐥𝐝`: the
    /// link extractor stops at `/`, a reader does not), sorted and merged.
    protected: Vec<Range<usize>>,
    /// The entities' spans, sorted and merged, for [`Document::in_entity`].
    entity_spans: Vec<Range<usize>>,
    /// The post's language, when it could be determined.
    pub language: Option<Lang>,
    /// E-mail addresses in the body, sorted.
    pub emails: Vec<Range<usize>>,
    /// Personal numbers (CPR, IBAN, card, phone), found the first time a rule asks.
    numbers: std::sync::OnceLock<Numbers>,
}

impl<'a> Document<'a> {
    /// Analyses `text`, whose body is `body`. `language` overrides detection; otherwise
    /// detection is restricted to `allowed`.
    pub fn new(
        text: &'a str,
        body: Range<usize>,
        language: Option<Lang>,
        allowed: &[Lang],
    ) -> Self {
        let body_text = &text[body.clone()];
        let mut folded_words = String::with_capacity(body_text.len());
        let words: Vec<Word> = split_words(body_text)
            .map(|r| {
                let start = folded_words.len();
                fold::fold_word_into(&body_text[r.clone()], &mut folded_words);
                Word {
                    folded: start..folded_words.len(),
                    span: body.start + r.start..body.start + r.end,
                }
            })
            .collect();
        let sentences = split_sentences(body_text, body.start);
        let mut entities = entities::extract(body_text);
        shift_entities(&mut entities, body.start);
        let emoji = emoji::emoji_sequences(body_text)
            .map(|r| body.start + r.start..body.start + r.end)
            .collect();
        let language =
            language.or_else(|| detect_language(body_text, &words, &folded_words, allowed));
        let emails: Vec<Range<usize>> = email_spans(body_text)
            .map(|r| body.start + r.start..body.start + r.end)
            .collect();
        let protected = protected(text, &entities, &emails);
        let entity_spans = merged_spans(&entities);
        let links = entities.links().into_iter().cloned().collect();
        let people = entities.people().into_iter().cloned().collect();
        Document {
            text,
            body,
            folded: Folded::new(text),
            words,
            folded_words,
            sentences,
            entities,
            links,
            people,
            emoji,
            protected,
            entity_spans,
            language,
            emails,
            numbers: std::sync::OnceLock::new(),
        }
    }

    /// The body's CPR numbers, IBANs, card and phone numbers (spans into `text`), scanned
    /// once, when the first rule asks: most rule selections need none.
    pub fn numbers(&self) -> &Numbers {
        self.numbers.get_or_init(|| {
            let mut n = crate::numbers::scan(self.body_text(), &iban_length);
            let shift =
                |r: &mut Range<usize>| *r = r.start + self.body.start..r.end + self.body.start;
            n.cprs
                .iter_mut()
                .chain(&mut n.ibans)
                .chain(&mut n.cards)
                .for_each(shift);
            n.phones.iter_mut().for_each(|p| shift(&mut p.span));
            n
        })
    }

    /// The case- and diacritic-folded form of a word (`Rabatten` → `rabatten`).
    pub fn folded_word(&self, word: &Word) -> &str {
        self.folded_words.get(word.folded.clone()).unwrap_or("")
    }

    /// The first sentence (or the body, when there is none): where whole-post findings
    /// point, so the underline sits on the opening line rather than the whole post.
    pub fn first_sentence(&self) -> crate::span::Span {
        let r = self.sentences.first().cloned().unwrap_or(self.body.clone());
        crate::span::Span::new(r.start, r.end)
    }

    /// The body text.
    pub fn body_text(&self) -> &'a str {
        &self.text[self.body.clone()]
    }

    /// The index of the sentence containing or following byte `offset` (two spans are in one
    /// sentence when their indices are equal).
    pub fn sentence_index(&self, offset: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= offset)
    }

    /// The index of the word containing or following byte `offset`.
    pub fn word_index(&self, offset: usize) -> usize {
        self.words.partition_point(|w| w.span.end <= offset)
    }

    /// Whether `span` overlaps one of the post's URLs, hashtags, mentions or cashtags.
    pub fn in_entity(&self, span: &Range<usize>) -> bool {
        // A binary search: rules ask this for every word, and a post of 20,000 cashtags made
        // a scan of every entity per word quadratic (benches/scaling.rs).
        let i = self.entity_spans.partition_point(|r| r.end <= span.start);
        self.entity_spans.get(i).is_some_and(|r| r.start < span.end)
    }

    /// Whether `span` touches a URL, mention, hashtag, cashtag or e-mail address: text a
    /// safe fix must not change, since a fix inside it would break a link or name someone
    /// else.
    pub fn touches_entity(&self, span: &Range<usize>) -> bool {
        let i = self.protected.partition_point(|r| r.end <= span.start);
        self.protected.get(i).is_some_and(|r| {
            r.start < span.end || (span.start == span.end && r.contains(&span.start))
        })
    }

    /// Whether a finding in `lang`-specific rules applies: the post is in `lang`, or its
    /// language is unknown (then every allowed language applies, not none).
    pub fn is_language(&self, lang: Lang) -> bool {
        self.language.is_none_or(|l| l == lang)
    }
}

/// The entities and addresses with the letters glued to them, sorted and merged (see
/// [`Document::touches_entity`]).
/// The spans of all entities, sorted, overlapping ones merged.
fn merged_spans(e: &Entities) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = reader_spans(e).filter(|r| r.start < r.end).collect();
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

fn protected(text: &str, e: &Entities, emails: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = reader_spans(e)
        .chain(emails.iter().cloned())
        .filter(|r| r.start <= r.end && r.end <= text.len())
        .collect();
    if ranges.is_empty() {
        return ranges;
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    // One pass over the text: `pos` only moves forward, so a line of a million glued
    // hashtags costs one scan, not one per hashtag.
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    let (mut pos, mut word_start) = (0, 0);
    for r in ranges {
        if let Some(last) = merged.last() {
            if r.start < last.end {
                let last = merged.last_mut().expect("not empty");
                last.end = last.end.max(word_end(text, r.end.max(pos)));
                pos = last.end;
                continue;
            }
        }
        for (i, c) in text[pos..r.start].char_indices() {
            if !c.is_alphanumeric() {
                word_start = pos + i + c.len_utf8();
            }
        }
        let end = word_end(text, r.end);
        merged.push(word_start.max(pos.min(r.start))..end);
        pos = end;
        word_start = end;
    }
    merged
}

/// Where the word glued to an entity at `at` ends: letters, digits and the characters of a
/// web address go on (`/𝐁𝐨𝐥𝐝`, `-2026`); white space and sentence punctuation (`!`, `,`,
/// `)`) end it, as the entity extractor decided.
fn word_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_alphanumeric()
                || is_combining(c)
                || matches!(
                    c,
                    '/' | '-' | '_' | '.' | '~' | '%' | '=' | '&' | '+' | '#' | '@'
                ))
        })
        .map_or(text.len(), |(i, _)| at + i)
}

fn is_combining(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// E-mail addresses: a local part of letters, digits and `._%+-`, an `@`, and a domain of
/// at least two labels. One pass from each `@`; texts without one cost a `memchr`.
fn email_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
    let domain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-');
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(i) = text[from..].find('@').map(|i| from + i) {
            from = i + 1;
            // The local part may have letters of any script ("søren@…").
            let mut start = i;
            while let Some(c) = text[..start].chars().next_back() {
                if (c.is_ascii() && local(c as u8)) || (!c.is_ascii() && c.is_alphanumeric()) {
                    start -= c.len_utf8();
                } else {
                    break;
                }
            }
            let mut end = i + 1;
            while end < bytes.len() && domain(bytes[end]) {
                end += 1;
            }
            // No trailing dot or dash ("skriv til a@b.dk."), and a dot inside the domain.
            while end > i + 1 && matches!(bytes[end - 1], b'.' | b'-') {
                end -= 1;
            }
            let dom = &text[i + 1..end];
            // A top-level domain of letters: "2 stk. @ 3.50" is a price.
            let tld = dom.rsplit('.').next().unwrap_or("");
            let tld_ok = tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic());
            if start < i && dom.contains('.') && !dom.starts_with('.') && tld_ok {
                from = end;
                return Some(start..end);
            }
        }
        None
    })
}

fn shift_entities(e: &mut Entities, by: usize) {
    e.each_mut(|ent| {
        ent.start += by;
        ent.end += by;
    });
}

/// The spans of the entities a reader sees as such: X's URLs only where they read as links
/// (not the `dag.Se` of a missing space), and every other kind.
fn reader_spans(e: &Entities) -> impl Iterator<Item = Range<usize>> + '_ {
    let links = e.links().into_iter().map(|x| x.start..x.end);
    let rest = [&e.hashtags, &e.mentions, &e.lists, &e.cashtags, &e.handles]
        .into_iter()
        .flat_map(|list| list.iter().map(|x| x.start..x.end));
    links.chain(rest)
}

/// Splits text into sentences: after `.`, `!`, `?` or `…` (and any closing quotes or
/// brackets) followed by white space and a character that is not a lower-case letter, and at
/// every line break (posts often end a thought with a line break instead of a full stop).
/// Simpler than UAX #29 and five times faster; "f.eks. sådan" and "kl. 10" stay whole
/// because the next word is lower case or a number after an abbreviation-like dot.
fn split_sentences(text: &str, base: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_content_end = 0;
    let mut chars = text.char_indices().peekable();
    let mut pending_break = false;
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            if let Some(s) = start.take() {
                out.push(base + s..base + last_content_end);
            }
            pending_break = false;
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if pending_break && !c.is_lowercase() && !c.is_ascii_digit() {
            if let Some(s) = start.take() {
                out.push(base + s..base + last_content_end);
            }
        }
        pending_break = false;
        if start.is_none() {
            start = Some(i);
        }
        last_content_end = i + c.len_utf8();
        if matches!(c, '.' | '!' | '?' | '…') {
            // Swallow runs ("!!!", "?!") and closing quotes/brackets.
            while let Some(&(j, d)) = chars.peek() {
                if matches!(
                    d,
                    '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | '»' | ')' | ']'
                ) {
                    last_content_end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            pending_break = chars.peek().is_some_and(|&(_, d)| d.is_whitespace());
        }
    }
    if let Some(s) = start {
        out.push(base + s..base + last_content_end);
    }
    // Drop "sentences" without any letter or digit (a lone emoji line, "—").
    out.retain(|r| {
        text[r.start - base..r.end - base]
            .chars()
            .any(char::is_alphanumeric)
    });
    out
}

/// Below this many words a post is too short to judge its language.
const MIN_WORDS_FOR_DETECTION: usize = 3;

/// Frequent function words that tell Danish and English apart (folded forms). Words that
/// are common in both ("i", "a", "under") are left out. A `match` compiles to a few length
/// and byte comparisons, much faster than scanning a list.
fn function_word(w: &str) -> Option<Lang> {
    match w {
        // Not "at", "men" or "team": English has them too (and Danish posts say "team").
        "og" | "det" | "en" | "til" | "er" | "som" | "på" | "de" | "med" | "har" | "af"
        | "ikke" | "vi" | "jeg" | "du" | "den" | "så" | "kan" | "der" | "et" | "om" | "fra"
        | "var" | "være" | "vores" | "hos" | "min" | "mit" | "mine" | "os" | "jer" | "skal"
        | "vil" | "også" | "når" | "hvor" | "hvad" | "efter" | "blev" | "få" | "får" | "nye"
        | "ny" | "dig" | "mig" | "hele" | "alle" | "godt" | "tak" | "søger" | "ønsker"
        | "glæder" | "hvis" | "eller" | "nu" | "bare" | "lige" | "ud" | "op" | "ind" | "havde"
        | "blive" | "bliver" | "sammen" | "dag" | "hvordan" | "hvorfor" | "mange" => Some(Lang::Da),
        "the" | "and" | "to" | "of" | "is" | "that" | "for" | "it" | "with" | "on" | "as"
        | "we" | "our" | "you" | "are" | "this" | "be" | "have" | "has" | "was" | "were"
        | "will" | "my" | "your" | "from" | "by" | "not" | "but" | "what" | "when" | "who"
        | "can" | "all" | "new" | "about" | "just" | "more" | "they" | "their" | "us" | "join"
        | "hiring" | "proud" | "today" | "thanks" | "looking" | "great" | "in" | "a" | "an"
        | "or" | "if" | "up" | "out" | "how" | "why" | "been" | "which" | "there" | "it's"
        | "we're" | "i'm" | "don't" | "can't" | "we've" | "would" | "could" | "should" => {
            Some(Lang::En)
        }
        _ => None,
    }
}

/// Detects the language among `allowed`. Function words decide when they clearly agree (fast,
/// and reliable even on short posts, where trigram statistics are not: whatlang alone calls
/// "We're hiring! Join our team in Copenhagen." Dutch and short Danish Norwegian); otherwise
/// whatlang decides, restricted to the allowed languages, on the first 600 bytes.
fn detect_language(text: &str, words: &[Word], folded: &str, allowed: &[Lang]) -> Option<Lang> {
    if words.len() < MIN_WORDS_FOR_DETECTION {
        return None;
    }
    let mut da = 0usize;
    let mut en = 0usize;
    for w in words {
        match function_word(&folded[w.folded.clone()]) {
            Some(Lang::Da) => da += 1,
            Some(Lang::En) => en += 1,
            None => {}
        }
    }
    let danish_letters = text
        .chars()
        .any(|c| matches!(c, 'æ' | 'ø' | 'å' | 'Æ' | 'Ø' | 'Å'));
    if danish_letters {
        da += 1;
    }
    let by_words = if da >= 2 && da > 2 * en {
        Some(Lang::Da)
    } else if en >= 2 && en > 2 * da {
        Some(Lang::En)
    } else {
        None
    };
    let restrict = |l: Lang| {
        if allowed.len() >= 2 && !allowed.contains(&l) {
            None
        } else {
            Some(l)
        }
    };
    if let Some(l) = by_words {
        return restrict(l).or_else(|| allowed.first().copied());
    }
    // With one allowed language, still tell the other supported one apart when it is clear,
    // so `language.not-allowed` can say so.
    let allow: Vec<whatlang::Lang> = if allowed.len() >= 2 {
        allowed.iter().map(|&l| to_whatlang(l)).collect()
    } else {
        Lang::ALL.iter().map(|&l| to_whatlang(l)).collect()
    };
    let sample = &text[..floor_char_boundary(text, 600)];
    let info = whatlang::Detector::with_allowlist(allow).detect(sample)?;
    let lang = from_whatlang(info.lang())?;
    if info.confidence() < 0.05 && !danish_letters {
        return if allowed.len() == 1 {
            Some(allowed[0])
        } else {
            None
        };
    }
    if danish_letters && lang == Lang::En && info.confidence() < 0.5 {
        return restrict(Lang::Da);
    }
    Some(lang)
}

fn to_whatlang(l: Lang) -> whatlang::Lang {
    match l {
        Lang::Da => whatlang::Lang::Dan,
        Lang::En => whatlang::Lang::Eng,
    }
}

fn from_whatlang(l: whatlang::Lang) -> Option<Lang> {
    match l {
        whatlang::Lang::Dan => Some(Lang::Da),
        whatlang::Lang::Eng => Some(Lang::En),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_entity_agrees_with_a_scan_of_every_entity() {
        let text = "Se $NOVO og #FalckAnsat hos @jens_h på https://falck.dk/job?x=1, $NOVO#tag";
        let doc = Document::new(text, 0..text.len(), None, &[Lang::Da, Lang::En]);
        let e = &doc.entities;
        let all: Vec<_> = e
            .lists()
            .flat_map(|l| l.iter().map(|x| x.start..x.end))
            .collect();
        assert!(all.len() >= 5, "{all:?}");
        for start in 0..=text.len() {
            for end in start..=text.len().min(start + 12) {
                let scan = all.iter().any(|x| x.start < end && start < x.end);
                assert_eq!(doc.in_entity(&(start..end)), scan, "{start}..{end}");
            }
        }
    }

    #[test]
    fn the_words_around_entities_are_protected() {
        let t = "Se https://acme.dk/𝐁𝐨𝐥𝐝!! og #tagglued mere tekst a@b.dk.";
        let d = Document::new(t, 0..t.len(), Some(Lang::Da), &Lang::ALL);
        let at = |w: &str| {
            let i = t.find(w).unwrap();
            d.touches_entity(&(i..i + w.len()))
        };
        assert!(at("𝐁𝐨𝐥𝐝"), "glued to the link");
        assert!(at("glued"), "glued to the hashtag");
        assert!(
            !at("!!"),
            "sentence punctuation after a link is not the link"
        );
        assert!(at("a@b.dk"));
        assert!(!at("Se") && !at("og") && !at("mere") && !at("tekst"));
        // A million glued hashtags: one pass (this would take minutes if quadratic).
        let long = "#a,".repeat(200_000);
        let d = Document::new(&long, 0..long.len(), None, &Lang::ALL);
        assert!(d.touches_entity(&(long.len() - 3..long.len() - 1)));
        assert!(!d.touches_entity(&(long.len() - 1..long.len())));
    }

    #[test]
    fn emails_are_found_and_mentions_are_not() {
        let t = "Skriv til anne.hansen@falck.dk eller @falck, ikke a@b eller x@.dk.";
        let found: Vec<&str> = email_spans(t).map(|r| &t[r]).collect();
        assert_eq!(found, ["anne.hansen@falck.dk"]);
    }

    fn doc(text: &str) -> Document<'_> {
        Document::new(text, 0..text.len(), None, &Lang::ALL)
    }

    #[test]
    fn detects_short_english_and_danish() {
        assert_eq!(
            doc("We're hiring! Join our team in Copenhagen.").language,
            Some(Lang::En)
        );
        assert_eq!(
            doc("Vi søger en ny kollega til vores team i Aarhus.").language,
            Some(Lang::Da)
        );
        assert_eq!(doc("Stolt af mit team i dag").language, Some(Lang::Da));
        assert_eq!(doc("Tak!").language, None);
        assert_eq!(doc("Tak for i dag, alle sammen!").language, Some(Lang::Da));
        assert_eq!(
            doc("Great day at the office with the team").language,
            Some(Lang::En)
        );
        assert_eq!(
            doc("Kraftedeme godt gået af holdet i weekenden!").language,
            Some(Lang::Da)
        );
        assert_eq!(
            doc("Proud of my colleagues in Odense").language,
            Some(Lang::En)
        );
        // One allowed language: a clearly English post is still called English.
        let only_da = Document::new(
            "We are hiring nurses for our team",
            0..33,
            None,
            &[Lang::Da],
        );
        assert_eq!(only_da.language, Some(Lang::En));
    }

    #[test]
    fn sentences_survive_abbreviations_and_runs() {
        let d = doc("Vi ses kl. 10 i morgen. Husk f.eks. kaffe!!! Hvad så?! \"Ja.\" Slut");
        let s: Vec<&str> = d.sentences.iter().map(|r| &d.text[r.clone()]).collect();
        assert_eq!(
            s,
            [
                "Vi ses kl. 10 i morgen.",
                "Husk f.eks. kaffe!!!",
                "Hvad så?!",
                "\"Ja.\"",
                "Slut"
            ]
        );
        assert!(doc("🚑🚑\n— \n").sentences.is_empty());
    }

    #[test]
    fn words_and_sentences() {
        let d = doc("Hej alle! Vi har travlt.\nNy linje uden punktum\n\nSlut");
        let words: Vec<&str> = d.words.iter().map(|w| &d.text[w.span.clone()]).collect();
        assert_eq!(words[..3], ["Hej", "alle", "Vi"]);
        let sentences: Vec<&str> = d.sentences.iter().map(|s| &d.text[s.clone()]).collect();
        assert_eq!(
            sentences,
            [
                "Hej alle!",
                "Vi har travlt.",
                "Ny linje uden punktum",
                "Slut"
            ]
        );
    }

    #[test]
    fn emoji_are_found_once_in_the_body() {
        // Front matter blanked to spaces: spans point into the whole text.
        let text = "     Hej 👋🏽 fra 🇩🇰! 1️⃣ ©";
        let d = Document::new(text, 5..text.len(), None, &Lang::ALL);
        let e: Vec<&str> = d.emoji.iter().map(|r| &d.text[r.clone()]).collect();
        assert_eq!(e, ["👋🏽", "🇩🇰", "1️⃣"]);
        assert!(doc("Ingen emoji her, æøå").emoji.is_empty());
    }

    #[test]
    fn line_columns_count_characters() {
        let text = "æøå\nblå bil";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 4), (1, 3)); // inside 'å' clamps to its start
        assert_eq!(idx.line_col(text, 7), (2, 1));
        assert_eq!(idx.line_col(text, text.len()), (2, 8));
        // Out of order after the cursor moved on: still right.
        assert_eq!(idx.line_col(text, 2), (1, 2));
        assert_eq!(idx.line_col(text, 9), (2, 3));
        assert_eq!(idx.line_col(text, 8), (2, 2));
        assert_eq!(&text[idx.line_range(text, 2)], "blå bil");
    }
}

#[cfg(test)]
mod word_tests {
    use super::split_words;

    fn words(t: &str) -> Vec<&str> {
        split_words(t).map(|r| &t[r]).collect()
    }

    #[test]
    fn words_like_uax29_for_posts() {
        assert_eq!(
            words("Falck's team can't stop!"),
            ["Falck's", "team", "can't", "stop"]
        );
        assert_eq!(
            words("Kun 1.299,50 kr. – co2-neutral/grøn"),
            ["Kun", "1.299,50", "kr", "co2", "neutral", "grøn"]
        );
        assert_eq!(
            words("#ønskejob @jens_h 'citat' e\u{301}t"),
            ["ønskejob", "jens_h", "citat", "e\u{301}t"]
        );
        assert_eq!(words("🚑🚑 — ...").len(), 0);
        assert_eq!(words("slut."), ["slut"]);
    }
}
