//! The generic data rule kinds: `terms`, `substitute`, `pattern`, `require`, `near`, `limit`.
//!
//! A company writes these in TOML; the built-in packs under `rules/` are made of them too.
//! Each kind registers its lists with the shared matcher and reads its hits back.

use super::{Context, Emitter, Rule};
use crate::error::Error;
use crate::guideline::{Company, DataKind, DataRule, LangTerms};
use crate::matcher::{Hit, ListId, MatcherBuilder, RegexId, TermOptions};
use crate::report::{Applicability, Span, Suggestion};
use crate::text::{Lang, Text};

/// Term lists of one rule, one per language they are limited to.
#[derive(Debug, Default)]
struct Lists(Vec<(Option<Lang>, ListId)>);

impl Lists {
    fn register(
        terms: &LangTerms,
        options: TermOptions,
        company: &Company,
        mb: &mut MatcherBuilder,
    ) -> Lists {
        let mut lists = Vec::new();
        for (lang, list) in [
            (None, &terms.all),
            (Some(Lang::Da), &terms.da),
            (Some(Lang::En), &terms.en),
        ] {
            let list = expand_company(list, company);
            if !list.is_empty() {
                lists.push((lang, mb.add_terms(&list, options)));
            }
        }
        Lists(lists)
    }

    /// Hits in the lists whose language applies to the post, sorted by start.
    fn hits(&self, cx: &Context<'_>) -> Vec<(ListId, Hit)> {
        let mut out: Vec<(ListId, Hit)> = Vec::new();
        for &(lang, id) in &self.0 {
            if lang.is_none_or(|l| cx.doc.is_language(l)) {
                out.extend(cx.hits.terms(id).iter().map(|h| (id, *h)));
            }
        }
        out.sort_by_key(|(_, h)| (h.span.start, std::cmp::Reverse(h.span.end)));
        // The same words in two lists (all + da) count once.
        out.dedup_by(|a, b| a.1.span == b.1.span);
        out
    }
}

/// A compiled data rule.
#[derive(Debug)]
pub struct DataRuleImpl {
    def: DataRule,
    terms: Lists,
    require: Lists,
    near: Lists,
    regex: Option<RegexId>,
    /// For `substitute`: per list, the replacement of each term index.
    replacements: Vec<(ListId, Vec<String>)>,
}

impl DataRuleImpl {
    /// Registers the rule's lists and pattern.
    pub fn build(
        def: &DataRule,
        company: &Company,
        mb: &mut MatcherBuilder,
    ) -> Result<DataRuleImpl, Error> {
        let mut replacements = Vec::new();
        let mut terms = Lists::register(&def.terms, def.options, company, mb);
        if def.kind == DataKind::Substitute {
            for lang in [None, Some(Lang::Da), Some(Lang::En)] {
                let (from, to): (Vec<&str>, Vec<String>) = def
                    .replace
                    .iter()
                    .filter(|(l, _, _)| *l == lang)
                    .map(|(_, f, t)| (f.as_str(), t.clone()))
                    .unzip();
                if !from.is_empty() {
                    let id = mb.add_terms(&from, def.options);
                    terms.0.push((lang, id));
                    replacements.push((id, to));
                }
            }
        }
        let regex = match &def.pattern {
            Some(p) => Some(mb.add_regex(p).map_err(|e| {
                Error::new(
                    crate::ErrorKind::Regex,
                    format!("the pattern of `{}` does not compile: {e}", def.id),
                )
            })?),
            None => None,
        };
        Ok(DataRuleImpl {
            terms,
            // What a post must contain may well be a link ("acme.dk/job"), so required terms
            // are also found inside URLs.
            require: Lists::register(
                &def.require,
                TermOptions {
                    in_urls: true,
                    ..def.options
                },
                company,
                mb,
            ),
            near: Lists::register(&def.near, def.options, company, mb),
            regex,
            replacements,
            def: def.clone(),
        })
    }

    fn message(&self, cx: &Context<'_>, fill: &[(&str, &str)]) -> String {
        let default = Text::new(
            "«{term}» er markeret af retningslinjen ({id}).",
            "“{term}” is flagged by the guideline ({id}).",
        );
        let template = cx.text(self.def.message.as_ref().unwrap_or(&default));
        fill_in(template, fill, &self.def.id)
    }

    fn advice(&self, cx: &Context<'_>, fill: &[(&str, &str)]) -> Option<Suggestion> {
        self.def
            .suggestion
            .as_ref()
            .map(|s| Suggestion::advice(fill_in(cx.text(s), fill, &self.def.id)))
    }

    fn emit(&self, cx: &Context<'_>, out: &mut Emitter<'_>, span: Span, fill: &[(&str, &str)]) {
        let message = self.message(cx, fill);
        let advice = self.advice(cx, fill);
        let f = out.emit(span, message);
        f.suggestions.extend(advice);
    }

    /// Term hits, or pattern matches when the rule has a pattern instead.
    fn triggers(&self, cx: &Context<'_>) -> Vec<Span> {
        let mut spans: Vec<Span> = self
            .terms
            .hits(cx)
            .into_iter()
            .map(|(_, h)| h.span)
            .collect();
        if let Some(re) = self.regex {
            spans.extend_from_slice(cx.hits.regex(re));
            spans.sort();
        }
        spans
    }
}

/// Expands references to the guideline's company lists inside a term list:
/// `{company.names}`, `{company.products}`, `{company.competitors}`, `{company.domains}`,
/// `{company.disclosures}`. A pack can thus say "a recommendation needs a disclosure" without
/// knowing the company's words.
fn expand_company(list: &[String], company: &Company) -> Vec<String> {
    let mut out = Vec::with_capacity(list.len());
    for term in list {
        let refs: &[String] = match term.as_str() {
            "{company.names}" => &company.names,
            "{company.products}" => &company.products,
            "{company.competitors}" => &company.competitors,
            "{company.domains}" => &company.domains,
            "{company.disclosures}" => &company.disclosures,
            _ => {
                out.push(term.clone());
                continue;
            }
        };
        out.extend(refs.iter().cloned());
    }
    out
}

/// Fills `{id}` and the `fill` placeholders of a message template in one pass (this runs for
/// every finding of every post; unknown `{…}` stay as written).
fn fill_in(template: &str, fill: &[(&str, &str)], id: &str) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let key = &after[..close];
            let v = if key == "id" {
                Some(id)
            } else {
                fill.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
            };
            v.map(|v| (v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Adapts a replacement to the case of the text it replaces ("Personale" → "Medarbejdere").
fn match_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut c = replacement.chars();
        if let Some(first) = c.next() {
            return first.to_uppercase().chain(c).collect();
        }
    }
    replacement.to_string()
}

impl Rule for DataRuleImpl {
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>) {
        if let (Some(langs), Some(lang)) = (&self.def.languages, cx.doc.language) {
            if !langs.contains(&lang) {
                return;
            }
        }
        match self.def.kind {
            DataKind::Terms => {
                for (_, hit) in self.terms.hits(cx) {
                    let term = cx.slice(hit.span).to_string();
                    self.emit(cx, out, hit.span, &[("term", &term)]);
                }
            }
            DataKind::Pattern => {
                for &span in self.regex.map_or(&[][..], |re| cx.hits.regex(re)) {
                    let term = cx.slice(span).to_string();
                    self.emit(cx, out, span, &[("term", &term)]);
                }
            }
            DataKind::Substitute => {
                for (list, hit) in self.terms.hits(cx) {
                    let Some((_, reps)) = self.replacements.iter().find(|(l, _)| *l == list) else {
                        continue;
                    };
                    let written = cx.slice(hit.span).to_string();
                    // A case-sensitive rule exists to fix case ("FALCK" → "Falck"): its
                    // replacement is used exactly as written.
                    let replacement = if self.def.options.case_sensitive {
                        reps[hit.term].clone()
                    } else {
                        match_case(&written, &reps[hit.term])
                    };
                    if replacement == written {
                        continue;
                    }
                    let fill = [
                        ("term", written.as_str()),
                        ("replacement", replacement.as_str()),
                    ];
                    let message = self.message(cx, &fill);
                    let title = self
                        .def
                        .suggestion
                        .as_ref()
                        .map(|s| fill_in(cx.text(s), &fill, &self.def.id))
                        .unwrap_or_else(|| {
                            fill_in(
                                cx.t("Skriv «{replacement}»", "Write “{replacement}”"),
                                &fill,
                                &self.def.id,
                            )
                        });
                    // An inflected form ("personalet") cannot be replaced word for word:
                    // the replacement would need its own inflection, so only advise.
                    let term = cx.matcher.term(list, hit.term);
                    let exact = crate::fold::fold(&written) == crate::fold::fold(term);
                    let suggestion = if exact && self.def.fix != Applicability::Display {
                        Suggestion::replace(title, self.def.fix, hit.span, replacement)
                    } else {
                        Suggestion::advice(title)
                    };
                    out.emit_with(hit.span, message, suggestion);
                }
            }
            DataKind::Require => {
                let triggers = self.triggers(cx);
                let Some(&first) = triggers.first() else {
                    return;
                };
                if self.require.hits(cx).is_empty() {
                    let term = cx.slice(first).to_string();
                    self.emit(cx, out, first, &[("term", &term)]);
                }
            }
            DataKind::Near => {
                let near = self.near.hits(cx);
                if near.is_empty() {
                    return;
                }
                // Distance is the number of words between the two.
                let words = |s: Span| {
                    (
                        cx.doc.word_index(s.start),
                        cx.doc.word_index(s.end.saturating_sub(1)),
                    )
                };
                let gap = |a: Span, b: Span| {
                    let ((a0, a1), (b0, b1)) = (words(a), words(b));
                    if b0 > a1 {
                        b0 - a1 - 1
                    } else if a0 > b1 {
                        a0 - b1 - 1
                    } else {
                        0
                    }
                };
                for (_, hit) in self.terms.hits(cx) {
                    let close = near.iter().find(|(_, n)| {
                        n.span != hit.span && gap(hit.span, n.span) <= self.def.distance as usize
                    });
                    if let Some((_, n)) = close {
                        let term = cx.slice(hit.span).to_string();
                        let other = cx.slice(n.span).to_string();
                        self.emit(cx, out, hit.span, &[("term", &term), ("near", &other)]);
                    }
                }
            }
            DataKind::Limit => {
                let triggers = self.triggers(cx);
                let max = self.def.max as usize;
                if triggers.len() > max {
                    let span = triggers[max];
                    let term = cx.slice(span).to_string();
                    let count = triggers.len().to_string();
                    let max = max.to_string();
                    self.emit(
                        cx,
                        out,
                        span,
                        &[("term", &term), ("count", &count), ("max", &max)],
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::match_case;

    #[test]
    fn placeholders_fill_in_one_pass() {
        let fill = [("term", "rabat"), ("replacement", "{term}")];
        assert_eq!(
            super::fill_in("«{term}» → {replacement} ({id}) {unknown} {", &fill, "x.y"),
            "«rabat» → {term} (x.y) {unknown} {"
        );
    }

    #[test]
    fn case_follows_the_original() {
        assert_eq!(match_case("Personale", "medarbejdere"), "Medarbejdere");
        assert_eq!(match_case("PERSONALE", "medarbejdere"), "MEDARBEJDERE");
        assert_eq!(match_case("personale", "medarbejdere"), "medarbejdere");
    }
}
