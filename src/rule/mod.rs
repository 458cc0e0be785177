//! The rule contract: what a rule is ([`Rule`]), how it is declared ([`RuleMeta`]), what it
//! may use while it is built ([`Build`]) and while it checks a post ([`Context`], [`Emitter`]).
//!
//! A built-in code rule is one file, `src/rules/<family>/<name>.rs`, declaring a `META` and a
//! type that implements [`Rule`]; its words (summary, explanation, messages, option docs,
//! examples) are data in `rules/catalog/<family>/<name>.toml`. Its options are a serde struct
//! with `deny_unknown_fields` and one `Default`: that struct is the only place a default
//! lives, and [`options`] checks a guideline's `[rules."id"]` table against it.
//!
//! This module knows documents, the matcher, platforms, reports and the guideline's plain
//! configuration — never the built-in rules themselves.

mod context;
#[cfg(test)]
pub(crate) mod test;

pub(crate) use context::{Context, Emitted, Emitter, Measured};

use crate::error::{internal, Error};
use crate::guideline::Guideline;
use crate::i18n::{Catalog, Text};
use crate::matcher::MatcherBuilder;
use crate::report::Severity;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A rule: reads the shared document and hits, and reports findings.
pub(crate) trait Rule: Send + Sync + std::fmt::Debug {
    /// Checks one post.
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>);
}

/// What a finding of a rule points at, for folding nested findings of one family
/// ("rabat" inside "25 % rabat" is one problem).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// A place in the text: may be folded into an enclosing finding of its family.
    Span,
    /// A judgement of the whole post (a score, a length): never folded, never folds.
    WholePost,
    /// A place in the text that is a problem of its own, whatever else its family finds
    /// there (party politics beside speaking for the company): never folded, never folds.
    Distinct,
}

/// Checks a `[rules."id"]` options table and returns the options in force (the given ones
/// and the defaults), or the key and reason it was refused.
pub(crate) type OptionsFn = fn(&toml::Table) -> Result<toml::Table, OptionError>;

/// A built-in code rule's declaration. Its words live in the catalogue under its id.
#[derive(Debug)]
pub(crate) struct RuleMeta {
    /// `family.name`.
    pub id: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Default reviewer role.
    pub route: Option<&'static str>,
    /// Whether findings point at text or judge the whole post.
    pub scope: Scope,
    /// The rule's options: [`options::<Options>`](options), or [`options::<NoOptions>`](options).
    pub options: OptionsFn,
    /// Builds the rule for a guideline.
    pub build: fn(&mut Build<'_>) -> Result<Box<dyn Rule>, Error>,
}

/// Everything a rule may use while it is built: the configuration, the platform profiles in
/// force, the matcher to register term lists and patterns with, and its checked options.
pub(crate) struct Build<'a> {
    /// The guideline (company names, confidential lists, quiet periods, languages).
    pub guideline: &'a Guideline,
    /// Where the rule registers its term lists and patterns.
    pub matcher: &'a mut MatcherBuilder,
    /// The rule's options in force, already checked against its options type.
    pub(crate) options: &'a toml::Table,
    /// The linter's catalogue, for words that come from the guideline (a list's own message).
    pub(crate) catalog: &'a mut Catalog,
}

impl Build<'_> {
    /// Registers a text from the guideline (a `[[confidential]]` list's `message`, a quiet
    /// period's `reason`) under message id `id`, and returns the id to report it with.
    pub fn text(&mut self, id: String, text: &Text) -> String {
        self.catalog.insert(id.clone(), text.clone());
        id
    }

    /// The rule's options. They were checked when the guideline was resolved, so this only
    /// fails if a rule asks for another type than it declared.
    pub fn options<T: DeserializeOwned>(&self) -> Result<T, Error> {
        T::deserialize(toml::Value::Table(self.options.clone())).map_err(|e| {
            internal(format!(
                "a rule's options do not match its declaration: {e}"
            ))
        })
    }
}

/// Why an options table was refused: the key (empty for the table itself) and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OptionError {
    /// The offending key.
    pub key: String,
    /// serde's reason ("unknown field `x`, expected one of …", "invalid type: …").
    pub reason: String,
}

/// The [`OptionsFn`] of a rule whose options are `T`: deserialises the table into `T` (which
/// rejects unknown keys and wrong types) and serialises it back, defaults included.
pub(crate) fn options<T>(table: &toml::Table) -> Result<toml::Table, OptionError>
where
    T: DeserializeOwned + Serialize,
{
    let parsed: T =
        serde_path_to_error::deserialize(toml::Value::Table(table.clone())).map_err(|e| {
            OptionError {
                key: e.path().to_string().trim_start_matches('.').to_string(),
                // toml adds "\nin `key`" to the message; the key is reported on its own.
                reason: e
                    .inner()
                    .message()
                    .lines()
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_string(),
            }
        })?;
    match toml::Value::try_from(&parsed) {
        Ok(toml::Value::Table(t)) => Ok(t),
        _ => Ok(toml::Table::new()),
    }
}

/// The options of a rule that has none: any key is an error.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NoOptions {}

pub(crate) use crate::ids::{family, selects};

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, Serialize)]
    #[serde(deny_unknown_fields, default)]
    struct Opts {
        max: usize,
        hosts: Vec<String>,
    }

    impl Default for Opts {
        fn default() -> Self {
            Opts {
                max: 10,
                hosts: Vec::new(),
            }
        }
    }

    fn table(s: &str) -> toml::Table {
        toml::from_str(s).unwrap()
    }

    #[test]
    fn options_fill_defaults_and_refuse_what_does_not_fit() {
        let t = options::<Opts>(&table("max = 3")).unwrap();
        assert_eq!(t["max"].as_integer(), Some(3));
        assert_eq!(t["hosts"].as_array().map(Vec::len), Some(0));
        let e = options::<Opts>(&table("mux = 3")).unwrap_err();
        assert!(e.reason.contains("unknown field `mux`"), "{e:?}");
        let e = options::<Opts>(&table("max = \"many\"")).unwrap_err();
        assert_eq!(e.key, "max");
        let e = options::<Opts>(&table("max = -1")).unwrap_err();
        assert_eq!(e.key, "max");
        assert!(options::<NoOptions>(&table("x = 1")).is_err());
        assert!(options::<NoOptions>(&table("")).unwrap().is_empty());
    }

    #[test]
    fn selectors() {
        assert!(selects("sales", "sales.discount"));
        assert!(selects("sales.discount", "sales.discount"));
        assert!(!selects("sale", "sales.discount"));
        assert_eq!(family("links.too-many"), "links");
    }
}
