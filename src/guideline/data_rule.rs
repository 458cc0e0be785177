//! A `[[rule]]` entry, checked and turned into its typed kind: each kind takes its own keys
//! (a key of another kind is an error at its line), needs what it needs, and gets its words.

use super::diag::did_you_mean;
use super::files::Trust;
use super::schema::{RawFiles, RawReplace, RawRule, RawTerms};
use super::{DataKind, DataRule, LangTerms, Located, Source};
use crate::builtin;
use crate::error::{did_you_mean_msg, msg, Error, ErrorKind};
use crate::i18n::RuleWords;
use crate::matcher::TermOptions;
use crate::report::{Applicability, Severity};
use crate::text::Lang;
use std::sync::Arc;
use toml::Spanned;

fn is_valid_id(id: &str) -> bool {
    let mut parts = id.split('.');
    let segment_ok = |s: &str| {
        !s.is_empty()
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--")
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    let first = parts.next().is_some_and(segment_ok);
    let rest: Vec<&str> = parts.collect();
    first && !rest.is_empty() && rest.iter().all(|s| segment_ok(s))
}

fn terms_of(raw: RawTerms) -> LangTerms {
    match raw {
        RawTerms::All(all) => LangTerms {
            all,
            ..LangTerms::default()
        },
        RawTerms::ByLang { da, en } => LangTerms {
            all: Vec::new(),
            da,
            en,
        },
    }
}

fn read_list(
    trust: &Trust,
    source: &Source,
    file: &str,
    span: std::ops::Range<usize>,
) -> Result<Vec<String>, Error> {
    let content: String = match &source.dir {
        None => {
            let text = builtin::file(file).ok_or_else(|| {
                source.error(
                    ErrorKind::Guideline,
                    msg!("error.terms-file.builtin", file = file),
                    span.clone(),
                )
            })?;
            // A built-in list is part of the guideline's digest like a company's file.
            trust.feed(text);
            text.to_string()
        }
        Some(_) => match trust.read(source, file, span.clone(), "terms_file")? {
            Some((_, text)) => text,
            // A company guideline may also name a built-in list.
            None => match builtin::file(file) {
                Some(t) => {
                    trust.feed(t);
                    t.to_string()
                }
                None => {
                    return Err(source.error(
                        ErrorKind::Io,
                        msg!("error.terms-file.missing", file = file),
                        span,
                    ))
                }
            },
        },
    };
    Ok(builtin::list_lines(&content)
        .map(|l| l.split('\t').next().unwrap_or(l).to_string())
        .collect())
}

/// An empty term matches nothing and is always a slip (a stray comma, a missing word): an
/// error at the list.
pub(super) fn no_empty_term(
    source: &Source,
    list: &LangTerms,
    span: std::ops::Range<usize>,
    key: &str,
) -> Result<(), Error> {
    let empty = list
        .lists()
        .iter()
        .any(|(_, terms)| terms.iter().any(|t| crate::fold::fold(t).trim().is_empty()));
    if empty {
        return Err(source
            .error(
                ErrorKind::Guideline,
                msg!("error.terms.empty", key = key),
                span,
            )
            .with_label(msg!("error.terms.empty.label"))
            .with_help(msg!("error.terms.empty.help")));
    }
    Ok(())
}

/// The terms of `terms` and `terms_file`.
fn rule_terms(trust: &Trust, source: &Source, r: &mut RawRule) -> Result<(LangTerms, bool), Error> {
    let mut terms = LangTerms::default();
    let has_terms = r.terms.is_some() || r.terms_file.is_some();
    if let Some(t) = r.terms.take() {
        let span = t.span();
        let list = terms_of(t.into_inner());
        no_empty_term(source, &list, span, "terms")?;
        terms.extend(list);
    }
    if let Some(files) = r.terms_file.take() {
        let span = files.span();
        match files.into_inner() {
            RawFiles::One(f) => terms.all.extend(read_list(trust, source, &f, span)?),
            RawFiles::Many(fs) => {
                for f in fs {
                    terms
                        .all
                        .extend(read_list(trust, source, &f, span.clone())?);
                }
            }
            RawFiles::ByLang { da, en } => {
                if let Some(f) = da {
                    terms.da.extend(read_list(trust, source, &f, span.clone())?);
                }
                if let Some(f) = en {
                    terms.en.extend(read_list(trust, source, &f, span)?);
                }
            }
        }
    }
    Ok((terms, has_terms))
}

fn check_pattern(source: &Source, id: &str, p: &Spanned<String>) -> Result<String, Error> {
    if let Err(err) = crate::matcher::compile(p.get_ref()) {
        let detail = err.to_string();
        let last = detail
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_string();
        return Err(source
            .error(
                ErrorKind::Regex,
                msg!("error.pattern", id = id, detail = last),
                p.span(),
            )
            .with_label(msg!("error.pattern.label")));
    }
    Ok(p.get_ref().clone())
}

/// The kinds' names, for "did you mean".
const KINDS: &[&str] = &["terms", "substitute", "pattern", "require", "near", "limit"];

pub(super) fn data_rule(
    source: &Arc<Source>,
    mut r: RawRule,
    trust: &Trust,
) -> Result<DataRule, Error> {
    let id_span = r.id.span();
    let id = r.id.get_ref().clone();
    if !is_valid_id(&id) {
        return Err(source
            .error(
                ErrorKind::Guideline,
                msg!("error.rule.id", id = id.as_str()),
                id_span,
            )
            .with_help(msg!("error.rule.id.help")));
    }
    let kind_span = r.kind.span();
    let kind_name = r.kind.get_ref().clone();
    if !KINDS.contains(&kind_name.as_str()) {
        let e = source.error(
            ErrorKind::Guideline,
            msg!("error.kind.unknown", kind = kind_name.as_str()),
            kind_span,
        );
        return Err(match did_you_mean(&kind_name, KINDS.iter().copied()) {
            Some(best) => e.with_help(did_you_mean_msg(best)),
            None => e.with_help(msg!("error.kind.known", kinds = KINDS.join(", "))),
        });
    }
    let (terms, has_terms) = rule_terms(trust, source, &mut r)?;
    // `keys`: any one of them will do.
    let need = |ok: bool, keys: &[&str]| -> Result<(), Error> {
        if ok {
            Ok(())
        } else {
            let keys: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
            Err(source.error(
                ErrorKind::Guideline,
                msg!("error.kind.needs", kind = kind_name.as_str(), keys = keys),
                kind_span.clone(),
            ))
        }
    };
    // A key that belongs to another kind is a mistake worth pointing at.
    let refuse = |present: Option<std::ops::Range<usize>>, key: &str, kinds: &str| match present {
        Some(span) => Err(source.error(
            ErrorKind::Guideline,
            msg!("error.kind.only", key = key, kind = kinds),
            span,
        )),
        None => Ok(()),
    };
    let pattern = match &r.pattern {
        Some(p) => Some(check_pattern(source, &id, p)?),
        None => None,
    };
    let k = kind_name.as_str();
    let unless = |kind: &str, span: Option<std::ops::Range<usize>>| span.filter(|_| k != kind);
    refuse(
        unless("substitute", r.replace.as_ref().map(Spanned::span)),
        "replace",
        "`substitute`",
    )?;
    refuse(
        unless("substitute", r.fix.as_ref().map(Spanned::span)),
        "fix",
        "`substitute`",
    )?;
    refuse(
        unless("require", r.require.as_ref().map(Spanned::span)),
        "require",
        "`require`",
    )?;
    refuse(
        unless("near", r.near.as_ref().map(Spanned::span)),
        "near",
        "`near`",
    )?;
    refuse(
        unless("near", r.distance.as_ref().map(Spanned::span)),
        "distance",
        "`near`",
    )?;
    refuse(
        unless("limit", r.max.as_ref().map(Spanned::span)),
        "max",
        "`limit`",
    )?;
    let kind = match k {
        "terms" => {
            need(has_terms, &["terms", "terms_file"])?;
            if pattern.is_some() {
                return Err(source.error(
                    ErrorKind::Guideline,
                    msg!("error.kind.terms-not-pattern"),
                    kind_span,
                ));
            }
            DataKind::Terms { terms }
        }
        "substitute" => {
            need(r.replace.is_some(), &["replace"])?;
            let fix = match &r.fix {
                None => Applicability::Unsafe,
                Some(f) => match f.get_ref().as_str() {
                    "safe" => Applicability::Safe,
                    "unsafe" => Applicability::Unsafe,
                    "display" => Applicability::Display,
                    other => {
                        return Err(source.error(
                            ErrorKind::Guideline,
                            msg!("error.fix.value", found = other),
                            f.span(),
                        ))
                    }
                },
            };
            let rep = r.replace.take().expect("checked above");
            let span = rep.span();
            let mut replace = Vec::new();
            match rep.into_inner() {
                RawReplace::All(map) => replace.extend(map.into_iter().map(|(k, v)| (None, k, v))),
                RawReplace::ByLang { da, en } => {
                    for (lang, map) in [(Lang::Da, da), (Lang::En, en)] {
                        replace.extend(
                            map.unwrap_or_default()
                                .into_iter()
                                .map(|(k, v)| (Some(lang), k, v)),
                        );
                    }
                }
            }
            if replace.is_empty() {
                return Err(source.error(ErrorKind::Guideline, msg!("error.replace.empty"), span));
            }
            if replace
                .iter()
                .any(|(_, from, _)| crate::fold::fold(from).trim().is_empty())
            {
                return Err(source
                    .error(ErrorKind::Guideline, msg!("error.replace.empty-word"), span)
                    .with_help(msg!("error.replace.empty-word.help")));
            }
            DataKind::Substitute { replace, fix }
        }
        "pattern" => {
            if has_terms {
                return Err(source.error(
                    ErrorKind::Guideline,
                    msg!("error.kind.pattern-not-terms"),
                    kind_span,
                ));
            }
            match pattern {
                Some(pattern) => DataKind::Pattern { pattern },
                None => {
                    need(false, &["pattern"])?;
                    DataKind::Pattern {
                        pattern: String::new(),
                    }
                }
            }
        }
        "require" => {
            need(has_terms || pattern.is_some(), &["terms", "pattern"])?;
            need(r.require.is_some(), &["require"])?;
            DataKind::Require {
                terms,
                pattern,
                require: r
                    .require
                    .take()
                    .map(|t| terms_of(t.into_inner()))
                    .unwrap_or_default(),
            }
        }
        "near" => {
            need(has_terms, &["terms"])?;
            need(r.near.is_some(), &["near"])?;
            DataKind::Near {
                terms,
                near: r
                    .near
                    .take()
                    .map(|t| terms_of(t.into_inner()))
                    .unwrap_or_default(),
                distance: r.distance.as_ref().map_or(5, |d| *d.get_ref()),
            }
        }
        _ => {
            need(has_terms || pattern.is_some(), &["terms", "pattern"])?;
            need(r.max.is_some(), &["max"])?;
            DataKind::Limit {
                terms,
                pattern,
                max: r.max.as_ref().map_or(0, |m| *m.get_ref()),
            }
        }
    };
    let examples = match r.examples.take() {
        Some(v) => crate::i18n::parse_examples(v).map_err(|e| {
            source.error(
                ErrorKind::Guideline,
                msg!("error.examples", id = id.as_str(), detail = e),
                id_span.clone(),
            )
        })?,
        None => Vec::new(),
    };
    let replaces = r
        .replaces
        .take()
        .map(|t| (t.get_ref().clone(), Located::new(source, t.span())));
    let superseded_by = r
        .superseded_by
        .take()
        .map(|t| (t.get_ref().clone(), Located::new(source, t.span())));
    Ok(DataRule {
        replaces,
        superseded_by,
        at: Located::new(source, id_span),
        id,
        severity: r.severity.unwrap_or(Severity::Warning),
        route: r.route,
        enabled: r.enabled.unwrap_or(true),
        languages: r.languages,
        words: RuleWords {
            summary: r.summary,
            explain: r.explain,
            message: r.message,
            suggestion: r.suggestion,
            examples,
            ..RuleWords::default()
        },
        kind,
        options: TermOptions {
            whole_word: r.whole_word.unwrap_or(true),
            inflect: r.inflect.unwrap_or(true),
            case_sensitive: r.case_sensitive.unwrap_or(false),
            in_urls: r.in_urls.unwrap_or(false),
            compound: r.compounds.unwrap_or(false),
            compound_tail_only: false,
        },
        origin: source.name.clone(),
    })
}

#[cfg(test)]
mod tests {
    use crate::guideline::{DataKind, Guideline};

    fn rule(toml: &str) -> Result<DataKind, crate::Error> {
        let g = Guideline::from_toml(&format!("[[rule]]\nid = \"acme.x\"\n{toml}"), "t.toml")?;
        Ok(g.rules[0].kind.clone())
    }

    #[test]
    fn each_kind_gets_its_typed_payload() {
        match rule("kind = \"near\"\nterms = [\"a\"]\nnear = [\"b\"]").unwrap() {
            DataKind::Near { distance, .. } => assert_eq!(distance, 5, "the default distance"),
            other => panic!("{other:?}"),
        }
        match rule("kind = \"limit\"\npattern = '!'\nmax = 2").unwrap() {
            DataKind::Limit { pattern, max, .. } => {
                assert_eq!((pattern.as_deref(), max), (Some("!"), 2))
            }
            other => panic!("{other:?}"),
        }
        match rule("kind = \"substitute\"\nreplace = { da = { \"a\" = \"b\" } }").unwrap() {
            DataKind::Substitute { replace, fix } => {
                assert_eq!(replace.len(), 1);
                assert_eq!(
                    fix,
                    crate::Applicability::Unsafe,
                    "unsafe unless it says so"
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_key_of_another_kind_is_an_error_at_its_line() {
        let e = rule("kind = \"terms\"\nterms = [\"a\"]\nmax = 3").unwrap_err();
        assert!(
            e.message().contains("`max` only applies"),
            "{}",
            e.message()
        );
        assert_eq!(e.location().map(|l| l.0), Some(5));
        let e = rule("kind = \"pattern\"").unwrap_err();
        assert!(e.message().contains("needs `pattern`"), "{}", e.message());
        let e = rule("kind = \"term\"\nterms = [\"a\"]").unwrap_err();
        assert_eq!(e.help_text(), Some("did you mean `terms`?"));
        let e = rule("kind = \"pattern\"\npattern = '(unclosed'").unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::Regex);
    }
}
