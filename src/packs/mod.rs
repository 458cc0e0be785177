//! The data-rule engine: one file per kind of `[[rule]]` (Vale's `internal/check/`).
//!
//! A company writes these in TOML; the built-in packs under `rules/` are made of them too.
//! Each kind registers its lists with the shared matcher when the linter is built, and reads
//! its hits back per post. A data rule's words (`message`, `suggestion`) are catalogue
//! entries under its id, filled with `{term}`, `{id}` and the kind's own placeholders.

mod limit;
mod near;
mod pattern;
mod require;
mod substitute;
mod terms;

use crate::error::{msg, Error, ErrorKind};
use crate::guideline::{Company, DataKind, DataRule, LangTerms};
use crate::matcher::{Hit, ListId, MatcherBuilder, RegexId, TermOptions};
use crate::report::Span;
use crate::rule::{Context, Emitted, Emitter, Rule};
use crate::text::Lang;

/// Builds the rule `def` declares, registering its lists and patterns with `mb`.
pub(crate) fn build(
    def: &DataRule,
    company: &Company,
    mb: &mut MatcherBuilder,
) -> Result<Box<dyn Rule>, Error> {
    let head = Head {
        languages: def.languages.clone(),
        own_message: def.words.message.is_some(),
        own_suggestion: def.words.suggestion.is_some(),
    };
    let o = def.options;
    Ok(match &def.kind {
        DataKind::Terms { terms } => Box::new(terms::Terms {
            head,
            terms: Lists::register(terms, o, company, mb),
        }),
        DataKind::Substitute { replace, fix } => {
            Box::new(substitute::Substitute::build(head, replace, *fix, o, mb))
        }
        DataKind::Pattern { pattern } => Box::new(pattern::Pattern {
            regex: regex(def, pattern, mb)?,
            head,
        }),
        DataKind::Require {
            terms,
            pattern,
            require,
        } => Box::new(require::Require {
            triggers: Triggers::register(def, terms, pattern.as_deref(), company, mb)?,
            // What a post must contain may well be a link ("acme.dk/job"), so required
            // terms are also found inside URLs.
            require: Lists::register(require, TermOptions { in_urls: true, ..o }, company, mb),
            head,
        }),
        DataKind::Near {
            terms,
            near,
            distance,
        } => Box::new(near::Near {
            terms: Lists::register(terms, o, company, mb),
            near: Lists::register(near, o, company, mb),
            distance: *distance as usize,
            head,
        }),
        DataKind::Limit {
            terms,
            pattern,
            max,
        } => Box::new(limit::Limit {
            triggers: Triggers::register(def, terms, pattern.as_deref(), company, mb)?,
            max: *max as usize,
            head,
        }),
    })
}

fn regex(def: &DataRule, pattern: &str, mb: &mut MatcherBuilder) -> Result<RegexId, Error> {
    mb.add_regex(pattern).map_err(|e| {
        def.at.error(
            ErrorKind::Regex,
            msg!("error.pattern", id = &def.id, detail = e.to_string()),
        )
    })
}

/// What every kind shares: the languages, and which words the rule has of its own.
#[derive(Debug)]
struct Head {
    languages: Option<Vec<Lang>>,
    own_message: bool,
    own_suggestion: bool,
}

impl Head {
    /// Whether the rule applies to the post's language (a post of unknown language gets every
    /// rule).
    fn applies(&self, cx: &Context<'_>) -> bool {
        match (&self.languages, cx.doc.language) {
            (Some(langs), Some(lang)) => langs.contains(&lang),
            _ => true,
        }
    }

    /// Reports `span` with the rule's message (or the generic one) and `{term}` (`{id}` is
    /// always there), and its suggestion as advice.
    fn report<'o>(&self, cx: &Context<'_>, out: &'o mut Emitter<'_>, span: Span) -> Emitted<'o> {
        let key = if self.own_message {
            "message"
        } else {
            "pack.message"
        };
        let e = out.report(span, key).arg("term", cx.slice(span));
        if self.own_suggestion {
            e.advice("suggestion")
        } else {
            e
        }
    }
}

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
        for (lang, list) in terms.lists() {
            let list = expand_company(list, company);
            // A term written with a trailing `*` ("lort*") also matches as a part of a
            // compound ("lortesystem", "hundelort"): the list asks for it term by term, since
            // most words would explode into chance hits inside longer ones.
            let (compound, plain): (Vec<String>, Vec<String>) =
                list.into_iter().partition(|t| t.ends_with('*'));
            if !plain.is_empty() {
                lists.push((lang, mb.add_terms(&plain, options)));
            }
            let compound: Vec<String> = compound
                .iter()
                .map(|t| t.trim_end_matches('*').to_string())
                .filter(|t| !t.trim().is_empty())
                .collect();
            if !compound.is_empty() {
                let o = TermOptions {
                    compound: true,
                    ..options
                };
                lists.push((lang, mb.add_terms(&compound, o)));
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

/// What triggers a `require` or `limit` rule: terms, or a pattern.
#[derive(Debug)]
struct Triggers {
    terms: Lists,
    regex: Option<RegexId>,
}

impl Triggers {
    fn register(
        def: &DataRule,
        terms: &LangTerms,
        pattern: Option<&str>,
        company: &Company,
        mb: &mut MatcherBuilder,
    ) -> Result<Triggers, Error> {
        Ok(Triggers {
            terms: Lists::register(terms, def.options, company, mb),
            regex: pattern.map(|p| regex(def, p, mb)).transpose()?,
        })
    }

    /// Term hits and pattern matches, sorted by start.
    fn spans(&self, cx: &Context<'_>) -> Vec<Span> {
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

#[cfg(test)]
mod tests {
    use crate::rule::test::{assert_fires, assert_silent, findings};

    const TERMS: &str = r#"
[[rule]]
id = "acme.staff"
kind = "terms"
terms = { da = ["personale"], en = ["manpower"] }
message = { da = "Undgå «{term}» ({id}).", en = "Avoid “{term}” ({id})." }
"#;

    #[test]
    fn a_data_rule_reads_its_words_from_its_entry() {
        let f = findings(TERMS, "acme.staff", "Vores personale er dygtigt.", "da");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].message, "Undgå «personale» (acme.staff).");
        assert_eq!(f[0].message_id, "acme.staff.message");
        assert_silent(
            TERMS,
            "acme.staff",
            "The word personale is Danish, not English at all.",
        );
        assert_fires(TERMS, "acme.staff", "We need more manpower here today.");
    }

    #[test]
    fn without_a_message_the_generic_one_names_the_rule() {
        let g = "[[rule]]\nid = \"acme.x\"\nkind = \"terms\"\nterms = [\"synergi\"]";
        let f = findings(g, "acme.x", "Masser af synergi i dag.", "en");
        assert_eq!(f[0].message, "“synergi” is flagged by your guideline.");
        assert_eq!(f[0].message_id, "pack.message");
    }
}
