//! The guideline file as written: serde structs that reject unknown keys.

use crate::i18n::{Locale, Text};
use crate::report::Severity;
use crate::text::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// A guideline file as parsed, before `extends` is resolved.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGuideline {
    pub extends: Option<Vec<Spanned<String>>>,
    pub languages: Option<Spanned<Vec<Lang>>>,
    pub locale: Option<Locale>,
    pub platforms: Option<Spanned<RawPlatforms>>,
    pub fail_on: Option<Severity>,
    pub timezone: Option<Spanned<String>>,
    pub help_url: Option<Spanned<String>>,
    pub company: Option<RawCompany>,
    pub rules: Option<BTreeMap<Spanned<String>, RawSettings>>,
    pub confidential: Option<Vec<Spanned<RawConfidential>>>,
    pub quiet_period: Option<Vec<RawQuietPeriod>>,
    pub customer: Option<Vec<RawCustomer>>,
    pub rule: Option<Vec<Spanned<RawRule>>>,
    pub catalogs: Option<Vec<Spanned<String>>>,
    pub strategy: Option<RawStrategy>,
    pub signals: Option<Spanned<toml::Table>>,
    pub files: Option<RawFileSettings>,
}

/// `[files]`: which files a directory walk leaves out.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFileSettings {
    pub exclude: Option<Vec<Spanned<String>>>,
}

/// `[strategy]`: the content types the company encourages and discourages.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStrategy {
    pub encourage: Option<Spanned<Vec<String>>>,
    pub discourage: Option<Spanned<Vec<String>>>,
}

/// A catalogue file for one locale: `locale = "sv"` and `[messages]` by message id.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCatalog {
    pub locale: Spanned<Locale>,
    pub messages: BTreeMap<String, String>,
}

/// A `[rules."id"]` table, with spans for keys and values (options are checked against the
/// rule once every layer is loaded).
pub(crate) type RawSettings = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

/// `platforms = ["linkedin"]`, or tables `[platforms.x] limit = 25000` (with `default = true`
/// to check that platform when neither the CLI nor the front matter names one).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawPlatforms {
    List(Vec<String>),
    Tables(BTreeMap<String, toml::Table>),
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCompany {
    pub names: Option<Vec<String>>,
    pub products: Option<Vec<String>>,
    pub competitors: Option<Vec<String>>,
    pub domains: Option<Vec<String>>,
    pub disclosures: Option<Vec<String>>,
    pub internal_hosts: Option<Vec<String>>,
    pub contacts: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawConfidential {
    pub terms: Option<Spanned<Vec<String>>>,
    /// `postlint hash-terms` output: the hash, the list's salt, the longest term's word count
    /// and the digests.
    pub hash: Option<Spanned<String>>,
    pub salt: Option<Spanned<String>>,
    pub max_words: Option<Spanned<u32>>,
    pub hashes: Option<Spanned<Vec<String>>>,
    pub filter: Option<Spanned<String>>,
    pub compounds: Option<bool>,
    pub until: Option<Spanned<toml::value::Datetime>>,
    pub message: Option<Text>,
    pub severity: Option<Severity>,
    pub route: Option<String>,
    pub case_sensitive: Option<bool>,
}

/// `[[customer]]`: a customer, and whether it agreed to be named in public.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCustomer {
    pub name: Spanned<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub consent: bool,
    pub route: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawQuietPeriod {
    pub from: Spanned<toml::value::Datetime>,
    pub to: Spanned<toml::value::Datetime>,
    pub reason: Option<Text>,
    pub route: Option<String>,
    pub terms: Option<Spanned<Vec<String>>>,
}

/// Terms for every language, or per language.
#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
pub(crate) enum RawTerms {
    All(Vec<String>),
    ByLang {
        #[serde(default)]
        da: Vec<String>,
        #[serde(default)]
        en: Vec<String>,
    },
}

/// File names for every language, or per language.
#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
pub(crate) enum RawFiles {
    One(String),
    Many(Vec<String>),
    ByLang {
        #[serde(default)]
        da: Option<String>,
        #[serde(default)]
        en: Option<String>,
    },
}

/// A substitution table for every language, or per language.
#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
pub(crate) enum RawReplace {
    // `All` first: a table of strings is a plain substitution table; only a table of tables
    // falls through to the per-language form.
    All(BTreeMap<String, String>),
    ByLang {
        da: Option<BTreeMap<String, String>>,
        en: Option<BTreeMap<String, String>>,
    },
}

/// A `[[rule]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRule {
    pub id: Spanned<String>,
    pub replaces: Option<Spanned<String>>,
    pub superseded_by: Option<Spanned<Vec<String>>>,
    pub kind: Spanned<String>,
    pub severity: Option<Severity>,
    pub route: Option<String>,
    pub enabled: Option<bool>,
    pub languages: Option<Vec<Lang>>,
    pub summary: Option<Text>,
    pub message: Option<Text>,
    pub suggestion: Option<Text>,
    pub explain: Option<Text>,
    pub terms: Option<Spanned<RawTerms>>,
    pub terms_file: Option<Spanned<RawFiles>>,
    pub case_sensitive: Option<bool>,
    pub whole_word: Option<bool>,
    pub inflect: Option<bool>,
    pub in_urls: Option<bool>,
    pub compounds: Option<bool>,
    pub replace: Option<Spanned<RawReplace>>,
    pub fix: Option<Spanned<String>>,
    pub pattern: Option<Spanned<String>>,
    pub require: Option<Spanned<RawTerms>>,
    pub near: Option<Spanned<RawTerms>>,
    pub distance: Option<Spanned<u32>>,
    pub max: Option<Spanned<u32>>,
    pub examples: Option<toml::Value>,
}
