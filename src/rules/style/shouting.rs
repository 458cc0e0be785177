//! `style.shouting`: words in CAPITALS read as shouting.

use super::quote;
use crate::builtin;
use crate::error::Error;
use crate::report::{Applicability, Severity, Span};
use crate::rule::{options, Build, Context, Emitter, Rule, RuleMeta, Scope};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "style.shouting",
    severity: Severity::Info,
    route: None,
    scope: Scope::Span,
    options: options::<Options>,
    build: ShoutingRule::build,
};

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// More abbreviations that may be written in capitals.
    acronyms: Vec<String>,
    /// A single word in capitals with at least this many letters is shouting (0: off).
    single_word_letters: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            acronyms: Vec::new(),
            single_word_letters: 6,
        }
    }
}

/// Abbreviations written in capitals anyway (`rules/lexicons/acronyms.txt`), upper case.
static ACRONYMS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    builtin::list_lines(builtin::file("lexicons/acronyms.txt").unwrap_or(""))
        .map(str::to_uppercase)
        .collect()
});

#[derive(Debug)]
struct ShoutingRule {
    /// Extra acronyms from the option, upper case.
    acronyms: HashSet<String>,
    /// Words of the company's names: (upper case, as the guideline writes it).
    names: Vec<(String, String)>,
    single: usize,
}

impl ShoutingRule {
    fn build(b: &mut Build<'_>) -> Result<Box<dyn Rule>, Error> {
        LazyLock::force(&ACRONYMS);
        let o: Options = b.options()?;
        let mut names: Vec<(String, String)> = Vec::new();
        for name in &b.guideline.company.names {
            for word in name.split(|c: char| !c.is_alphanumeric()) {
                let upper = word.to_uppercase();
                if !word.is_empty() && !names.iter().any(|(u, _)| *u == upper) {
                    names.push((upper, word.to_string()));
                }
            }
        }
        Ok(Box::new(ShoutingRule {
            acronyms: o.acronyms.iter().map(|a| a.to_uppercase()).collect(),
            names,
            single: o.single_word_letters,
        }))
    }
}

/// The number of letters of a word written in capitals only (`KØB`, `ÆØÅ`, `DON'T`), or
/// `None` for any other word (lower-case letters, digits, letters without case).
fn caps_letters(word: &str) -> Option<usize> {
    let mut chars = word.chars();
    // Most words fail on their first letter.
    if !chars.next().is_some_and(char::is_uppercase) {
        return None;
    }
    let mut letters = 1;
    for c in chars {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return None;
            }
            letters += 1;
        } else if c.is_numeric() {
            return None;
        }
    }
    Some(letters)
}

/// One word in capitals.
#[derive(Debug, Clone)]
struct CapsWord {
    span: Range<usize>,
    letters: usize,
    /// An acronym or a word of the company's name: may be in capitals.
    exempt: bool,
}

impl ShoutingRule {
    fn is_exempt(&self, word: &str) -> bool {
        ACRONYMS.contains(word)
            || self.acronyms.contains(word)
            || self.names.iter().any(|(u, _)| u == word)
    }

    /// Whether a run of words in capitals is shouting.
    fn is_shouting(&self, run: &[CapsWord]) -> bool {
        let long = run.iter().filter(|w| !w.exempt && w.letters >= 3).count();
        long >= 2 || (self.single > 0 && run.iter().any(|w| !w.exempt && w.letters >= self.single))
    }

    /// The run in sentence case: lower case, except a word that starts a sentence, the
    /// pronoun "I", acronyms, and the company's names as the guideline writes them.
    fn sentence_case(&self, cx: &Context<'_>, run: &[CapsWord]) -> String {
        let text = cx.doc.text;
        let mut out = String::new();
        let mut pos = run[0].span.start;
        for w in run {
            out.push_str(&text[pos..w.span.start]);
            let word = &text[w.span.clone()];
            if let Some((_, written)) = self.names.iter().find(|(u, _)| u == word) {
                out.push_str(written);
            } else if w.exempt || word == "I" {
                out.push_str(word);
            } else {
                let lower = word.to_lowercase();
                if starts_sentence(cx, w.span.start) {
                    let mut cs = lower.chars();
                    if let Some(first) = cs.next() {
                        out.extend(first.to_uppercase());
                        out.push_str(cs.as_str());
                    }
                } else {
                    out.push_str(&lower);
                }
            }
            pos = w.span.end;
        }
        out
    }

    fn report(&self, cx: &Context<'_>, out: &mut Emitter<'_>, run: &[CapsWord]) {
        // Acronyms at the edges are not part of the shouting.
        let first = run.iter().position(|w| !w.exempt);
        let last = run.iter().rposition(|w| !w.exempt);
        let (Some(first), Some(last)) = (first, last) else {
            return;
        };
        let run = &run[first..=last];
        if !self.is_shouting(run) {
            return;
        }
        let span = Span::new(run[0].span.start, run[run.len() - 1].span.end);
        let fixed = self.sentence_case(cx, run);
        out.report(span, "message")
            .arg("text", quote(&cx.doc.text[span.start..span.end]))
            .arg("fixed", quote(&fixed))
            .replace("suggestion", Applicability::Unsafe, span, fixed);
    }
}

/// Whether the word at byte `start` is the first word of its sentence.
fn starts_sentence(cx: &Context<'_>, start: usize) -> bool {
    let sentences = &cx.doc.sentences;
    let i = sentences.partition_point(|s| s.start <= start);
    if i == 0 {
        return true;
    }
    let s = &sentences[i - 1];
    start >= s.end
        || !cx.doc.text[s.start..start]
            .chars()
            .any(char::is_alphanumeric)
}

impl Rule for ShoutingRule {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        let text = cx.doc.text;
        let mut run: Vec<CapsWord> = Vec::new();
        for w in &cx.doc.words {
            let word = &text[w.span.clone()];
            let caps = caps_letters(word).filter(|_| !cx.doc.in_entity(&w.span));
            let Some(letters) = caps else {
                if !run.is_empty() {
                    self.report(cx, out, &run);
                    run.clear();
                }
                continue;
            };
            // A line break ends a run: a heading in capitals is its own.
            if let Some(prev) = run.last() {
                if text[prev.span.end..w.span.start].contains('\n') {
                    self.report(cx, out, &run);
                    run.clear();
                }
            }
            run.push(CapsWord {
                span: w.span.clone(),
                letters,
                exempt: self.is_exempt(word),
            });
        }
        if !run.is_empty() {
            self.report(cx, out, &run);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_words() {
        assert_eq!(caps_letters("KØB"), Some(3));
        assert_eq!(caps_letters("ÆØÅ"), Some(3));
        assert_eq!(caps_letters("SÅDAN"), Some(5));
        assert_eq!(caps_letters("DON'T"), Some(4));
        assert_eq!(caps_letters("I"), Some(1));
        assert_eq!(caps_letters("Køb"), None);
        assert_eq!(caps_letters("LinkedIn"), None);
        assert_eq!(caps_letters("kØB"), None);
        assert_eq!(caps_letters("COVID19"), None);
        assert_eq!(caps_letters("A380"), None);
        assert_eq!(caps_letters("日本"), None);
        assert_eq!(caps_letters(""), None);
    }

    #[test]
    fn acronym_list_loads() {
        for a in [
            "NATO", "EU", "CEO", "HR", "IT", "GDPR", "NDA", "COVID", "APS",
        ] {
            assert!(ACRONYMS.contains(a), "{a}");
        }
        assert!(!ACRONYMS.contains("KÆMPE"));
    }
}
