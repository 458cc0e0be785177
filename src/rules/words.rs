//! Word lists the code rules share, read (with [`crate::lexicon::words_in`]) from the TOML lexicons under `rules/lexicons/`
//! (`personal-data.toml`, `special-categories.toml`, `finance.toml`): each file parsed once
//! per process, each list registered with the matcher per language.

use crate::builtin;
use crate::error::Error;
use crate::matcher::{ListId, MatcherBuilder, TermOptions};
use crate::rule::Context;
use crate::span::Span;
use crate::text::Lang;

/// A term list per language: `path.da` and `path.en` of a lexicon.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ByLang {
    da: ListId,
    en: ListId,
}

impl ByLang {
    /// Registers `path.da` and `path.en` of the lexicon `file`, plus `extra` for both
    /// languages (a guideline's own terms), with `options`.
    pub fn new(
        mb: &mut MatcherBuilder,
        file: &'static str,
        path: &str,
        options: TermOptions,
    ) -> Result<ByLang, Error> {
        ByLang::with_extra(mb, file, path, &[], options)
    }

    /// [`ByLang::new`] with terms of the guideline added to both languages.
    pub fn with_extra(
        mb: &mut MatcherBuilder,
        file: &'static str,
        path: &str,
        extra: &[String],
        options: TermOptions,
    ) -> Result<ByLang, Error> {
        let mut list = |lang: &str| -> Result<ListId, Error> {
            let mut terms = crate::lexicon::words_in(file, &format!("{path}.{lang}"))?;
            terms.extend(extra.iter().cloned());
            Ok(mb.add_terms(&terms, options))
        };
        Ok(ByLang {
            da: list("da")?,
            en: list("en")?,
        })
    }

    /// The hits of both languages' lists, sorted by start: for words whose meaning does not
    /// depend on the language of the sentence around them, and for posts whose language is
    /// easily misread (an English sentence about "Kodeværket").
    pub fn spans_any(&self, cx: &Context<'_>) -> Vec<Span> {
        let mut v: Vec<Span> = [self.da, self.en]
            .iter()
            .flat_map(|&id| cx.hits.terms(id).iter().map(|h| h.span))
            .collect();
        v.sort_by_key(|s| s.start);
        v
    }

    /// The hits of the lists that apply to the post's language (both when it is unknown),
    /// sorted by start.
    pub fn spans(&self, cx: &Context<'_>) -> Vec<Span> {
        let mut v: Vec<Span> = Vec::new();
        for (lang, id) in [(Lang::Da, self.da), (Lang::En, self.en)] {
            if cx.doc.is_language(lang) {
                v.extend(cx.hits.terms(id).iter().map(|h| h.span));
            }
        }
        v.sort_by_key(|s| s.start);
        v
    }
}

/// The longest cue phrase a containment check looks back for (bytes).
const WIDEST_PHRASE: usize = 64;

/// Whether `s` lies inside one of `spans` (sorted by start): a binary search, then the few
/// spans that start just before it ("det store billede" around "billede", "købe ind" around
/// "købe").
pub(crate) fn within(spans: &[Span], s: Span) -> bool {
    let i = spans.partition_point(|n| n.start <= s.start);
    spans[..i]
        .iter()
        .rev()
        .take_while(|n| n.start + WIDEST_PHRASE >= s.start)
        .any(|n| s.end <= n.end)
}

/// `name` without a trailing legal form ("Kronborg Frugt A/S" → "Kronborg Frugt").
fn without_legal_form<'a>(name: &'a str, forms: &[&str]) -> Option<&'a str> {
    let name = name.trim();
    forms.iter().find_map(|f| {
        // The form is a word of its own: "Texas" does not end in the form "AS".
        let rest = name.strip_suffix(f)?.strip_suffix([' ', ','])?;
        let rest = rest.trim_end_matches([' ', ',']);
        (!rest.is_empty()).then_some(rest)
    })
}

/// Company names as written and without their legal form ("Kronborg Frugt A/S" and
/// "Kronborg Frugt"): people rarely write the "A/S". The forms are data:
/// `rules/lexicons/legal-forms.txt`.
pub(crate) fn company_names(names: &[String]) -> Vec<String> {
    let forms: Vec<&str> = builtin::file("lexicons/legal-forms.txt")
        .map(|c| builtin::list_lines(c).collect())
        .unwrap_or_default();
    let mut out = Vec::new();
    for name in names {
        out.push(name.clone());
        if let Some(short) = without_legal_form(name, &forms) {
            out.push(short.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::without_legal_form;

    #[test]
    fn legal_forms() {
        let forms = ["A/S", "ApS", "AS"];
        assert_eq!(
            without_legal_form("Kronborg Frugt A/S", &forms),
            Some("Kronborg Frugt")
        );
        assert_eq!(without_legal_form("Acme, ApS", &forms), Some("Acme"));
        assert_eq!(without_legal_form("Texas", &forms), None);
        assert_eq!(without_legal_form("A/S", &forms), None);
    }

    #[test]
    fn reads_nested_lists() {
        let v = crate::lexicon::words_in("lexicons/finance.toml", "figures.strong.da").unwrap();
        assert!(v.contains(&"omsætning".to_string()), "{v:?}");
        let v = crate::lexicon::words_in("lexicons/finance.toml", "events.not.da").unwrap();
        assert!(v.contains(&"købe ind".to_string()), "{v:?}");
        let v = crate::lexicon::words_in("lexicons/finance.toml", "company.da").unwrap();
        assert!(v.contains(&"vi".to_string()), "{v:?}");
    }
}
