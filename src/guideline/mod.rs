//! The guideline: a company's content rules as a TOML file — configuration only.
//!
//! This module knows the file format ([`schema`]), how layers combine ([`load`]: `extends`,
//! term files, catalogues) and how its errors read ([`diag`]). It knows nothing about the
//! rules themselves: whether `[rules."sales.scroe"]` names a rule, or `threshold` is one of its
//! options, is decided when a [`crate::Linter`] is built from the guideline (`resolve`), with
//! the spans kept here so that the error still points at the line and column.

mod data_rule;
pub(crate) mod diag;
mod files;
mod load;
mod schema;

use crate::error::{msg, Error, ErrorKind, Msg};
use crate::i18n::Text;
use crate::i18n::{Locale, RuleWords};
use crate::matcher::TermOptions;
use crate::report::{Applicability, Severity};
pub(crate) use crate::secret::HashedTerms;
use crate::text::Lang;
use crate::time::Moment;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use files::GuidelineLoader;

/// A guideline file (or built-in pack) as loaded: its name for messages and its text.
#[derive(Debug)]
pub(crate) struct Source {
    /// The path or `<builtin pack NAME>`.
    pub name: String,
    /// The TOML text.
    pub text: Arc<String>,
    /// Where relative paths in it resolve (`None` for a built-in pack).
    pub dir: Option<PathBuf>,
    /// What identifies it in an `extends` chain (its canonical path).
    pub id: String,
}

/// A place in a guideline file, kept so that errors found later still point at it.
#[derive(Debug, Clone)]
pub(crate) struct Located {
    source: Arc<Source>,
    span: Range<usize>,
}

impl Located {
    /// The place `span` in `source`.
    pub fn new(source: &Arc<Source>, span: Range<usize>) -> Located {
        Located {
            source: Arc::clone(source),
            span,
        }
    }

    /// An error pointing here.
    pub fn error(&self, kind: ErrorKind, message: Msg) -> Error {
        Error::at(
            kind,
            message,
            &self.source.name,
            &self.source.text,
            self.span.clone(),
        )
    }
}

impl PartialEq for Located {
    fn eq(&self, other: &Located) -> bool {
        self.source.name == other.source.name && self.span == other.span
    }
}

/// The company's names and terms that rules use.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Company {
    /// The company's names ("Falck", "Falck A/S").
    pub names: Vec<String>,
    /// Product and service names.
    pub products: Vec<String>,
    /// Competitors' names.
    pub competitors: Vec<String>,
    /// The company's own web domains.
    pub domains: Vec<String>,
    /// Phrases or hashtags that disclose the author works for the company.
    pub disclosures: Vec<String>,
    /// Hosts that are internal (intranet, wiki, ticketing).
    pub internal_hosts: Vec<String>,
    /// The company's own public addresses and numbers (press line, jobs@): allowed in posts.
    pub contacts: Vec<String>,
}

/// One option under `[rules."id"]`, with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OptionSetting {
    /// The key (`threshold`).
    pub key: String,
    /// The value as written.
    pub value: toml::Value,
    /// Where the key was written.
    pub at: Located,
}

/// Per-rule settings from `[rules."id"]` (an id or a family prefix).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RuleSettings {
    /// Where the `[rules."id"]` key was (last) written.
    pub at: Option<Located>,
    /// Overrides the severity.
    pub severity: Option<Severity>,
    /// `false` turns the rule off.
    pub enabled: Option<bool>,
    /// The reviewer role findings are routed to.
    pub route: Option<String>,
    /// Rule-specific options (`threshold`, `max`, …), checked against the rule when the
    /// linter is built.
    pub options: Vec<OptionSetting>,
}

impl RuleSettings {
    fn empty() -> RuleSettings {
        RuleSettings {
            at: None,
            severity: None,
            enabled: None,
            route: None,
            options: Vec::new(),
        }
    }

    /// Lays `other` over these settings: what it sets wins.
    fn merge(&mut self, other: &RuleSettings) {
        if other.at.is_some() {
            self.at.clone_from(&other.at);
        }
        if other.severity.is_some() {
            self.severity = other.severity;
        }
        if other.enabled.is_some() {
            self.enabled = other.enabled;
        }
        if other.route.is_some() {
            self.route.clone_from(&other.route);
        }
        for o in &other.options {
            self.options.retain(|x| x.key != o.key);
            self.options.push(o.clone());
        }
    }

    /// The options as one TOML table.
    pub fn options_table(&self) -> toml::Table {
        self.options
            .iter()
            .map(|o| (o.key.clone(), o.value.clone()))
            .collect()
    }
}

/// Terms for all languages and per language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct LangTerms {
    /// Terms for every language.
    pub all: Vec<String>,
    /// Danish-only terms.
    pub da: Vec<String>,
    /// English-only terms.
    pub en: Vec<String>,
}

impl LangTerms {
    /// The lists with the language each is limited to (`None`: every language).
    pub fn lists(&self) -> [(Option<Lang>, &[String]); 3] {
        [
            (None, &self.all),
            (Some(Lang::Da), &self.da),
            (Some(Lang::En), &self.en),
        ]
    }

    fn extend(&mut self, other: LangTerms) {
        self.all.extend(other.all);
        self.da.extend(other.da);
        self.en.extend(other.en);
    }
}

/// What a data rule looks for: one typed payload per kind.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum DataKind {
    /// Listed words or phrases are flagged.
    Terms {
        /// The terms.
        terms: LangTerms,
    },
    /// Listed words have a preferred replacement.
    Substitute {
        /// (language, term, replacement).
        replace: Vec<(Option<Lang>, String, String)>,
        /// How safe the replacement is.
        fix: Applicability,
    },
    /// A regular expression is flagged.
    Pattern {
        /// The regex.
        pattern: String,
    },
    /// When a term (or the pattern) occurs, one of the required terms must occur too.
    Require {
        /// The trigger terms.
        terms: LangTerms,
        /// A trigger pattern.
        pattern: Option<String>,
        /// Terms of which one must be present.
        require: LangTerms,
    },
    /// A term within `distance` words of a near-term is flagged.
    Near {
        /// The terms.
        terms: LangTerms,
        /// The terms that must not be close.
        near: LangTerms,
        /// How many words apart counts as near.
        distance: u32,
    },
    /// More than `max` matches are flagged.
    Limit {
        /// The counted terms.
        terms: LangTerms,
        /// A counted pattern.
        pattern: Option<String>,
        /// The most matches allowed.
        max: u32,
    },
}

/// A data rule from a pack or the company's guideline (`[[rule]]`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DataRule {
    /// The rule id.
    pub id: String,
    /// Where its `id` was written.
    pub at: Located,
    /// The earlier rule this one replaces on purpose (`replaces = "sales.discount"`), while
    /// it is still to be resolved: a pack's rule is removed on loading; a built-in code rule
    /// is left out when the linter is built.
    pub replaces: Option<(String, Located)>,
    /// Rules that say the same thing louder (`superseded_by = ["disclosure.missing"]`): on a
    /// post where one of them has a finding, this rule's findings are dropped. Checked when the
    /// linter is built.
    pub superseded_by: Option<(Vec<String>, Located)>,
    /// Default severity.
    pub severity: Severity,
    /// Default route.
    pub route: Option<String>,
    /// Whether the rule is on unless `[rules."id"]` says otherwise.
    pub enabled: bool,
    /// Languages the rule applies to (`None`: all).
    pub languages: Option<Vec<Lang>>,
    /// Its words: summary, explanation, message, suggestion, examples.
    pub words: RuleWords,
    /// What it looks for.
    pub kind: DataKind,
    /// How its terms match.
    pub options: TermOptions,
    /// Where the rule was defined (a pack name or a file path).
    pub origin: String,
}

/// Terms that must not appear, optionally until an embargo lifts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Confidential {
    /// Codenames, unreleased products, customers under NDA.
    pub terms: Vec<String>,
    /// Terms known only by their salted hashes (`postlint hash-terms`).
    pub hashed: Option<HashedTerms>,
    /// The moment the terms may be used; `None`: never.
    pub until: Option<Moment>,
    /// A message to show instead of the default.
    pub message: Option<Text>,
    /// Severity (default error).
    pub severity: Option<Severity>,
    /// Route.
    pub route: Option<String>,
    /// Match case exactly.
    pub case_sensitive: bool,
    /// Also find a term as the first or last part of a compound ("Havørnaftalen").
    pub compounds: bool,
}

/// A customer (`[[customer]]`): named in public only with its consent.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Customer {
    /// Its name as the company writes it ("Kronborg Frugt A/S").
    pub name: String,
    /// Other names it goes by.
    pub aliases: Vec<String>,
    /// Whether it agreed to be named.
    pub consent: bool,
    /// The reviewer role for this customer (default: the rule's).
    pub route: Option<String>,
}

/// A period before financial results in which employees say nothing about the numbers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QuietPeriod {
    /// Its start (a day: from the start of that day).
    pub from: Moment,
    /// Its end, the report's publication (a day: to the end of that day).
    pub to: Moment,
    /// Why ("Årsrapport 2026").
    pub reason: Option<Text>,
    /// Route (default investor-relations).
    pub route: Option<String>,
    /// Extra terms that count as talking about the numbers.
    pub terms: Vec<String>,
}

/// A catalogue of messages in one locale, from the guideline's `catalogs`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LocaleCatalog {
    /// The locale its texts are in.
    pub locale: Locale,
    /// Message id → text.
    pub messages: Vec<(String, String)>,
}

/// A company's content guideline: loaded from TOML (with everything it `extends`) and ready
/// for [`crate::Linter::new`], which checks its rule settings against the rules.
///
/// ```
/// use postlint::Guideline;
///
/// let g = Guideline::from_toml(
///     "extends = [\"recommended\"]\nlocale = \"da\"\n[company]\nnames = [\"Acme\"]",
///     "postlint.toml",
/// )?;
/// assert_eq!(g.locale().map(|l| l.code()), Some("da"));
/// # Ok::<(), postlint::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Guideline {
    /// Allowed languages; detection chooses among these.
    pub(crate) languages: Vec<Lang>,
    /// The message language, when the guideline sets one.
    pub(crate) locale: Option<Locale>,
    /// Platforms to check when neither the CLI nor the front matter names one.
    pub(crate) platforms: Vec<String>,
    /// The lowest severity that fails a run.
    pub(crate) fail_on: Severity,
    /// Company names and terms.
    pub(crate) company: Company,
    /// `[rules."id"]` settings, by rule id or family prefix.
    pub(crate) settings: BTreeMap<String, RuleSettings>,
    /// Data rules, packs first.
    pub(crate) rules: Vec<DataRule>,
    /// Confidential terms.
    pub(crate) confidential: Vec<Confidential>,
    /// Quiet periods.
    pub(crate) quiet_periods: Vec<QuietPeriod>,
    /// Customers and whether they may be named.
    pub(crate) customers: Vec<Customer>,
    /// The IANA time zone days and local times mean (default Europe/Copenhagen).
    pub(crate) timezone: Option<String>,
    /// `help_url`: where the company explains its rules; `{rule}` stands for a rule's id.
    pub(crate) help_url: Option<String>,
    /// `[platforms.NAME]` overrides, in order.
    pub(crate) platform_overrides: Vec<(String, toml::Table)>,
    /// Message catalogues for further locales.
    pub(crate) catalogs: Vec<LocaleCatalog>,
    /// The files and packs this guideline was built from, outermost last.
    pub(crate) sources: Vec<String>,
    /// The SHA-256 (hex) of every text it was made of (see [`Guideline::sha256`]).
    pub(crate) sha256: String,
    /// `[strategy]`: the content types the company encourages and discourages.
    pub(crate) strategy: Strategy,
    /// `[signals]`: the company's additions to the signal lexicon, checked against its shape.
    pub(crate) signals: Vec<toml::Table>,
    /// `[files] exclude`: the glob patterns a directory walk leaves out, from every file.
    pub(crate) exclude: Vec<Exclude>,
}

/// The sizes of a guideline's lists ([`Guideline::summary`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[non_exhaustive]
pub struct GuidelineSummary {
    /// `[company] names`.
    pub company_names: usize,
    /// `[company] products`.
    pub products: usize,
    /// `[company] competitors`.
    pub competitors: usize,
    /// `[company] domains`.
    pub domains: usize,
    /// `[[confidential]]` lists.
    pub confidential_lists: usize,
    /// Their terms, plain and hashed.
    pub confidential_terms: usize,
    /// The lists stored as salted hashes.
    pub hashed_lists: usize,
    /// `[[customer]]` entries.
    pub customers: usize,
    /// `[[quiet_period]]` entries.
    pub quiet_periods: usize,
    /// `[[rule]]` data rules, the packs' included.
    pub data_rules: usize,
}

/// One `[files] exclude` pattern and the folder it is relative to.
///
/// A pattern without `/` matches a file or folder name anywhere below (`*.draft.md`,
/// `arkiv`); one with `/` matches the path from the guideline's folder (`udkast/gamle/**`).
/// A matching folder is not entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exclude {
    /// The glob, as written (`**`, `*`, `?`, `[abc]`, `{a,b}`).
    pub pattern: String,
    /// The folder of the guideline file that wrote it (`None` for a guideline from text).
    pub base: Option<PathBuf>,
}

/// The company's content strategy (`[strategy]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Strategy {
    /// The kinds of post the company asks employees to share.
    pub encourage: Vec<crate::report::ContentType>,
    /// The kinds of post it asks them to leave to the company's own channels.
    pub discourage: Vec<crate::report::ContentType>,
}

impl Default for Guideline {
    fn default() -> Self {
        Guideline {
            languages: Lang::ALL.to_vec(),
            locale: None,
            platforms: Vec::new(),
            fail_on: Severity::Error,
            company: Company::default(),
            settings: BTreeMap::new(),
            rules: Vec::new(),
            confidential: Vec::new(),
            quiet_periods: Vec::new(),
            customers: Vec::new(),
            timezone: None,
            help_url: None,
            platform_overrides: Vec::new(),
            catalogs: Vec::new(),
            strategy: Strategy::default(),
            signals: Vec::new(),
            exclude: Vec::new(),
            sources: Vec::new(),
            sha256: files::Digest::default().hex(),
        }
    }
}

/// The file names searched for, in order, in each directory.
pub const FILE_NAMES: [&str; 2] = ["postlint.toml", ".postlint.toml"];

impl Guideline {
    /// The time zone its days and local times mean (default Europe/Copenhagen).
    pub(crate) fn zone(&self) -> jiff::tz::TimeZone {
        self.timezone
            .as_deref()
            .and_then(crate::time::zone)
            .unwrap_or_else(crate::time::default_zone)
    }

    /// The built-in `recommended` pack alone.
    pub fn recommended() -> Guideline {
        // The pack is part of the crate and every one of its rules' examples runs in the
        // test suite, so it always loads.
        Guideline::builtin("recommended").expect("the built-in recommended pack is valid")
    }

    /// A built-in pack by name (`recommended`), or `None` if there is no such pack.
    pub fn builtin(name: &str) -> Option<Guideline> {
        crate::builtin::pack(name)?;
        Guideline::from_toml(&format!("extends = [{name:?}]"), name).ok()
    }

    /// An empty guideline: no data rules, only the code rules with their defaults.
    pub fn empty() -> Guideline {
        Guideline::default()
    }

    /// Loads a guideline file (and whatever it extends), with the default guards: files up to
    /// 8 MiB, and only inside the guideline's own folder (see [`Guideline::loader`]).
    pub fn from_path(path: impl AsRef<Path>) -> Result<Guideline, Error> {
        GuidelineLoader::default().from_path(path)
    }

    /// Parses a guideline from TOML text; `name` is used in messages, and relative paths
    /// (`extends`, `terms_file`, `catalogs`) resolve against the current directory and stay
    /// inside it.
    pub fn from_toml(text: &str, name: &str) -> Result<Guideline, Error> {
        GuidelineLoader::default().from_toml(text, name)
    }

    /// A loader with other guards (files outside the guideline's folder, a size limit).
    pub fn loader() -> GuidelineLoader {
        GuidelineLoader::default()
    }

    /// Finds `postlint.toml` or `.postlint.toml` in `start` or its nearest parent.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let start = start.canonicalize().unwrap_or_else(|_| start.to_path_buf());
        for dir in start.ancestors() {
            for name in FILE_NAMES {
                let candidate = dir.join(name);
                if candidate.is_file() {
                    return Some(candidate);
                }
            }
        }
        None
    }

    /// The message language the guideline asks for, if any.
    pub fn locale(&self) -> Option<Locale> {
        self.locale
    }

    /// The lowest severity that fails a run (`fail_on`, default error).
    pub fn fail_on(&self) -> Severity {
        self.fail_on
    }

    /// The languages posts may be written in.
    pub fn languages(&self) -> &[Lang] {
        &self.languages
    }

    /// The files and packs this guideline was built from, outermost last.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// The SHA-256, in hex, of the effective guideline: every text it was made of (the file,
    /// what it extends, built-in packs included, term files and catalogues), in the order
    /// they were read. Every report records it, so a comms team can tell a year later which
    /// guideline passed a post; the same guideline in another folder has the same digest.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// The guideline's name: the outermost file as given (or the built-in pack's name), for
    /// the report's audit record; `None` for [`Guideline::empty`].
    pub fn name(&self) -> Option<&str> {
        self.sources.last().map(String::as_str)
    }

    /// The `[files] exclude` patterns of every file in the chain, each with its folder.
    pub fn exclude(&self) -> &[Exclude] {
        &self.exclude
    }

    /// The platforms checked when neither the command line nor a draft's front matter names
    /// one (`platforms = […]`).
    pub fn default_platforms(&self) -> &[String] {
        &self.platforms
    }

    /// The IANA time zone its days and local times mean (`timezone`, default
    /// Europe/Copenhagen).
    pub fn time_zone(&self) -> &str {
        self.timezone
            .as_deref()
            .unwrap_or(crate::time::DEFAULT_TIMEZONE)
    }

    /// Where the company explains its rules (`help_url`), with `{rule}` for a rule's id.
    pub fn help_url(&self) -> Option<&str> {
        self.help_url.as_deref()
    }

    /// How much the guideline holds, counted, never listed: what `postlint config` shows
    /// without printing a confidential term.
    pub fn summary(&self) -> GuidelineSummary {
        let co = &self.company;
        GuidelineSummary {
            company_names: co.names.len(),
            products: co.products.len(),
            competitors: co.competitors.len(),
            domains: co.domains.len(),
            confidential_lists: self.confidential.len(),
            confidential_terms: self
                .confidential
                .iter()
                .map(|c| c.terms.len() + c.hashed.as_ref().map_or(0, |h| h.digests.len()))
                .sum(),
            hashed_lists: self
                .confidential
                .iter()
                .filter(|c| c.hashed.is_some())
                .count(),
            customers: self.customers.len(),
            quiet_periods: self.quiet_periods.len(),
            data_rules: self.rules.len(),
        }
    }

    /// The settings that apply to rule `id`: family settings first, then the rule's own.
    pub(crate) fn settings_for(&self, id: &str) -> RuleSettings {
        let mut merged = RuleSettings::empty();
        let prefixes = id
            .match_indices('.')
            .map(|(i, _)| &id[..i])
            .chain(std::iter::once(id));
        for key in prefixes {
            if let Some(s) = self.settings.get(key) {
                merged.merge(s);
            }
        }
        merged
    }
}

/// The built-in signal lexicon (`rules/lexicons/signals.toml`), parsed once per process.
fn builtin_signals() -> &'static toml::Table {
    static LEXICON: std::sync::OnceLock<toml::Table> = std::sync::OnceLock::new();
    LEXICON.get_or_init(|| {
        crate::builtin::file("lexicons/signals.toml")
            .and_then(|t| t.parse().ok())
            .unwrap_or_default()
    })
}

/// Checks a guideline's `[signals]` against the built-in lexicon's shape: the same tables,
/// lists where it has lists and numbers where it has numbers. The error names the dotted key
/// that is wrong and why.
pub(crate) fn check_signals(extra: &toml::Table) -> Result<(), Msg> {
    fn walk(builtin: &toml::Table, extra: &toml::Table, path: &str) -> Result<(), Msg> {
        for (k, v) in extra {
            let key = format!("{path}.{k}");
            let Some(b) = builtin.get(k) else {
                return Err(msg!("error.signals.unknown", key = key));
            };
            match (b, v) {
                (toml::Value::Table(bt), toml::Value::Table(vt)) => walk(bt, vt, &key)?,
                (toml::Value::Array(_), toml::Value::Array(items)) => {
                    if !items.iter().all(|i| {
                        i.as_str().is_some_and(|s| !s.trim().is_empty())
                            || i.as_array().is_some_and(|a| {
                                a.len() == 2
                                    && a[0].as_str().is_some()
                                    && (a[1].is_float() || a[1].is_integer())
                            })
                    }) {
                        return Err(msg!("error.signals.list", key = key));
                    }
                }
                (toml::Value::Float(_) | toml::Value::Integer(_), toml::Value::Float(_))
                | (toml::Value::Float(_) | toml::Value::Integer(_), toml::Value::Integer(_)) => {}
                (toml::Value::String(_), toml::Value::String(_)) => {}
                _ => return Err(msg!("error.signals.type", key = key)),
            }
        }
        Ok(())
    }
    walk(builtin_signals(), extra, "signals")
}

fn merge(into: &mut toml::Table, extra: &toml::Table) {
    for (k, v) in extra {
        match (into.get_mut(k), v) {
            (Some(toml::Value::Table(a)), toml::Value::Table(b)) => merge(a, b),
            (Some(toml::Value::Array(a)), toml::Value::Array(b)) => a.extend(b.iter().cloned()),
            (Some(slot), _) => *slot = v.clone(),
            (None, _) => {
                into.insert(k.clone(), v.clone());
            }
        }
    }
}

impl Guideline {
    /// The signal lexicon in force: the built-in one with the guideline's `[signals]` added
    /// (lists extended, numbers replaced).
    pub(crate) fn signals(&self) -> std::borrow::Cow<'static, toml::Table> {
        if self.signals.is_empty() {
            return std::borrow::Cow::Borrowed(builtin_signals());
        }
        let mut t = builtin_signals().clone();
        for extra in &self.signals {
            merge(&mut t, extra);
        }
        std::borrow::Cow::Owned(t)
    }
}
