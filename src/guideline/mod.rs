//! The guideline: a company's content rules as a TOML file, with `extends`, validation and
//! errors that point into the file.
//!
//! Loading resolves `extends` (built-in packs by name, other files by path relative to the
//! extending file; cycles are errors), merges the layers (later layers override settings and
//! add rules), reads term files, compiles-checks every regex and checks every rule id, so a
//! guideline that loads is one the linter can build.

mod schema;

use crate::builtin;
use crate::error::{Error, ErrorKind};
use crate::matcher::TermOptions;
use crate::report::{Applicability, Severity};
use crate::rules::registry;
use crate::text::{Date, Lang, Text};
use schema::{RawFiles, RawGuideline, RawReplace, RawRule, RawTerms};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// The company's names and terms that rules use.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Company {
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
}

/// Per-rule settings from `[rules."id"]` (an id or a family prefix).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleSettings {
    /// Overrides the severity.
    pub severity: Option<Severity>,
    /// `false` turns the rule off.
    pub enabled: Option<bool>,
    /// The reviewer role findings are routed to.
    pub route: Option<String>,
    /// Rule-specific options (`threshold`, `max`, …), already checked against the rule.
    pub options: BTreeMap<String, toml::Value>,
}

/// Terms for all languages and per language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LangTerms {
    /// Terms for every language.
    pub all: Vec<String>,
    /// Danish-only terms.
    pub da: Vec<String>,
    /// English-only terms.
    pub en: Vec<String>,
}

impl LangTerms {
    /// Whether there are no terms at all.
    pub fn is_empty(&self) -> bool {
        self.all.is_empty() && self.da.is_empty() && self.en.is_empty()
    }

    /// The terms with the language they are limited to (`None`: every language).
    pub fn iter(&self) -> impl Iterator<Item = (Option<Lang>, &str)> {
        self.all
            .iter()
            .map(|t| (None, t.as_str()))
            .chain(self.da.iter().map(|t| (Some(Lang::Da), t.as_str())))
            .chain(self.en.iter().map(|t| (Some(Lang::En), t.as_str())))
    }

    fn extend(&mut self, other: LangTerms) {
        self.all.extend(other.all);
        self.da.extend(other.da);
        self.en.extend(other.en);
    }
}

/// The generic kinds of data rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataKind {
    /// Listed words or phrases are flagged.
    Terms,
    /// Listed words have a preferred replacement.
    Substitute,
    /// A regular expression is flagged.
    Pattern,
    /// When a term occurs, one of the required terms must occur too.
    Require,
    /// A term within `distance` words of a near-term is flagged.
    Near,
    /// More than `max` matches are flagged.
    Limit,
}

impl DataKind {
    const NAMES: &'static [&'static str] =
        &["terms", "substitute", "pattern", "require", "near", "limit"];

    fn parse(s: &str) -> Option<DataKind> {
        Some(match s {
            "terms" => DataKind::Terms,
            "substitute" => DataKind::Substitute,
            "pattern" => DataKind::Pattern,
            "require" => DataKind::Require,
            "near" => DataKind::Near,
            "limit" => DataKind::Limit,
            _ => return None,
        })
    }

    /// The kind's name as written in TOML.
    pub fn name(self) -> &'static str {
        match self {
            DataKind::Terms => "terms",
            DataKind::Substitute => "substitute",
            DataKind::Pattern => "pattern",
            DataKind::Require => "require",
            DataKind::Near => "near",
            DataKind::Limit => "limit",
        }
    }
}

/// Example texts a rule carries: bad ones must trigger it, good ones must not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Examples {
    /// Texts that must trigger the rule.
    pub bad: Vec<String>,
    /// Texts that must not.
    pub good: Vec<String>,
}

/// A data rule from a pack or the company's guideline (`[[rule]]`).
#[derive(Debug, Clone, PartialEq)]
pub struct DataRule {
    /// The rule id.
    pub id: String,
    /// The kind.
    pub kind: DataKind,
    /// Default severity.
    pub severity: Severity,
    /// Default route.
    pub route: Option<String>,
    /// Whether the rule is on unless `[rules."id"]` says otherwise.
    pub enabled: bool,
    /// Languages the rule applies to (`None`: all).
    pub languages: Option<Vec<Lang>>,
    /// One-line summary.
    pub summary: Option<Text>,
    /// The finding's message (`{term}`, `{replacement}`, `{count}`, `{max}` are filled in).
    pub message: Option<Text>,
    /// Advice shown as help.
    pub suggestion: Option<Text>,
    /// The long explanation.
    pub explain: Option<Text>,
    /// The terms (trigger terms for `require` and `near`).
    pub terms: LangTerms,
    /// `require`: terms of which one must be present.
    pub require: LangTerms,
    /// `near`: the terms that must not be close.
    pub near: LangTerms,
    /// `near`: how many words apart counts as near.
    pub distance: u32,
    /// `limit`: the most matches allowed.
    pub max: u32,
    /// `substitute`: (language, term, replacement).
    pub replace: Vec<(Option<Lang>, String, String)>,
    /// `substitute`: how safe the replacement is.
    pub fix: Applicability,
    /// `pattern` (and optionally `limit`): the regex.
    pub pattern: Option<String>,
    /// How terms match.
    pub options: TermOptions,
    /// Examples, for tests and `postlint explain`.
    pub examples: Examples,
    /// Where the rule was defined (a pack name or a file path).
    pub origin: String,
}

/// Terms that must not appear, optionally until an embargo date.
#[derive(Debug, Clone, PartialEq)]
pub struct Confidential {
    /// Codenames, unreleased products, customers under NDA.
    pub terms: Vec<String>,
    /// The first day the terms may be used; `None`: never.
    pub until: Option<Date>,
    /// A message to show instead of the default.
    pub message: Option<Text>,
    /// Severity (default error).
    pub severity: Option<Severity>,
    /// Route.
    pub route: Option<String>,
    /// Match case exactly.
    pub case_sensitive: bool,
}

/// A period before financial results in which employees say nothing about the numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct QuietPeriod {
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
    /// Why ("Årsrapport 2026").
    pub reason: Option<Text>,
    /// Route (default investor-relations).
    pub route: Option<String>,
    /// Extra terms that count as talking about the numbers.
    pub terms: Vec<String>,
}

/// A loaded, validated guideline: what `Linter::new` compiles.
#[derive(Debug, Clone, PartialEq)]
pub struct Guideline {
    /// Allowed languages; detection chooses among these.
    pub languages: Vec<Lang>,
    /// The message language, when the guideline sets one.
    pub locale: Option<Lang>,
    /// Platforms to check when neither the CLI nor the front matter names one.
    pub platforms: Vec<String>,
    /// The lowest severity that fails a run.
    pub fail_on: Severity,
    /// Company names and terms.
    pub company: Company,
    /// `[rules."id"]` settings, by rule id or family prefix.
    pub settings: BTreeMap<String, RuleSettings>,
    /// Data rules, packs first.
    pub rules: Vec<DataRule>,
    /// Confidential terms.
    pub confidential: Vec<Confidential>,
    /// Quiet periods.
    pub quiet_periods: Vec<QuietPeriod>,
    /// `[platforms.NAME]` overrides, in order.
    pub platform_overrides: Vec<(String, toml::Table)>,
    /// The files and packs this guideline was built from, outermost last.
    pub sources: Vec<String>,
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
            platform_overrides: Vec::new(),
            sources: Vec::new(),
        }
    }
}

/// The file names searched for, in order, in each directory.
pub const FILE_NAMES: [&str; 2] = ["postlint.toml", ".postlint.toml"];

impl Guideline {
    /// The built-in `recommended` pack alone.
    pub fn recommended() -> Guideline {
        Guideline::builtin("recommended").expect("the built-in recommended pack is valid")
    }

    /// A built-in pack by name (`recommended`), or `None` if there is no such pack.
    pub fn builtin(name: &str) -> Option<Guideline> {
        builtin::pack(name)?;
        Guideline::from_toml(&format!("extends = [{name:?}]"), "<builtin>").ok()
    }

    /// An empty guideline: no data rules, only the code rules with their defaults.
    pub fn empty() -> Guideline {
        Guideline::default()
    }

    /// Loads a guideline file (and whatever it extends).
    pub fn from_path(path: impl AsRef<Path>) -> Result<Guideline, Error> {
        let path = path.as_ref();
        let text = read_text(path)?;
        let mut loader = Loader::default();
        loader.load(Source::file(path, text))?;
        loader.finish()
    }

    /// Parses a guideline from TOML text; `name` is used in messages and relative `extends`
    /// paths resolve against the current directory.
    pub fn from_toml(text: &str, name: &str) -> Result<Guideline, Error> {
        let mut loader = Loader::default();
        let source = Source {
            name: name.to_string(),
            text: Arc::new(text.to_string()),
            dir: Some(PathBuf::from(".")),
            id: format!("<text:{name}>"),
        };
        loader.load(source)?;
        loader.finish()
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

    /// The settings that apply to rule `id`: family settings first, then the rule's own.
    pub fn settings_for(&self, id: &str) -> RuleSettings {
        let mut merged = RuleSettings::default();
        let mut prefixes: Vec<&str> = id.match_indices('.').map(|(i, _)| &id[..i]).collect();
        prefixes.push(id);
        for key in prefixes {
            if let Some(s) = self.settings.get(key) {
                merge_settings(&mut merged, s.clone());
            }
        }
        merged
    }
}

fn merge_settings(into: &mut RuleSettings, from: RuleSettings) {
    if from.severity.is_some() {
        into.severity = from.severity;
    }
    if from.enabled.is_some() {
        into.enabled = from.enabled;
    }
    if from.route.is_some() {
        into.route = from.route;
    }
    into.options.extend(from.options);
}

/// Reads a file as UTF-8, with errors that name the file (and the byte offset of bad UTF-8).
pub fn read_text(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        Error::new(
            ErrorKind::InvalidUtf8,
            format!(
                "{} is not valid UTF-8 (invalid byte at offset {offset})",
                path.display()
            ),
        )
        .with_path(path)
        .with_help("save the file as UTF-8")
    })
}

struct Source {
    name: String,
    text: Arc<String>,
    dir: Option<PathBuf>,
    id: String,
}

impl Source {
    fn file(path: &Path, text: String) -> Source {
        let id = path
            .canonicalize()
            .unwrap_or_else(|_| path.to_path_buf())
            .display()
            .to_string();
        Source {
            name: path.display().to_string(),
            text: Arc::new(text),
            dir: Some(path.parent().map(Path::to_path_buf).unwrap_or_default()),
            id,
        }
    }

    fn pack(name: &str, text: &'static str) -> Source {
        Source {
            name: format!("<builtin pack {name}>"),
            text: Arc::new(text.to_string()),
            dir: None,
            id: format!("<pack:{name}>"),
        }
    }

    fn error(
        &self,
        kind: ErrorKind,
        message: impl Into<String>,
        span: std::ops::Range<usize>,
    ) -> Error {
        Error::at(kind, message, &self.name, &self.text, span)
    }
}

/// An option key under `[rules."id"]`: rule id, key, value, file and span, checked once all
/// layers are merged.
type OptionKey = (
    String,
    String,
    toml::Value,
    Arc<Source>,
    std::ops::Range<usize>,
);

/// A guideline being assembled from its layers.
#[derive(Default)]
struct Loader {
    stack: Vec<String>,
    guideline: Guideline,
    /// Where each `[rules."id"]` key was written, to report unknown ids after merging.
    setting_keys: Vec<(String, Arc<Source>, std::ops::Range<usize>)>,
    /// Options set per key, with their location.
    option_keys: Vec<OptionKey>,
    languages_set: bool,
}

impl Loader {
    fn load(&mut self, source: Source) -> Result<(), Error> {
        self.stack.push(source.id.clone());
        let raw: RawGuideline =
            toml::from_str(&source.text).map_err(|e| toml_error(&source, &e))?;
        let source = Arc::new(source);
        for entry in raw.extends.iter().flatten() {
            let name = entry.get_ref();
            let span = entry.span();
            if let Some(text) = builtin::pack(name) {
                let child = Source::pack(name, text);
                if self.stack.contains(&child.id) {
                    return Err(cycle_error(&source, name, span, &self.stack));
                }
                self.load(child)?;
                continue;
            }
            let Some(dir) = &source.dir else {
                return Err(source.error(
                    ErrorKind::MissingExtends,
                    format!("unknown pack `{name}`"),
                    span,
                ));
            };
            let path = dir.join(name);
            if !path.is_file() {
                let packs = builtin::packs().join("`, `");
                return Err(source
                    .error(
                        ErrorKind::MissingExtends,
                        format!(
                            "`extends` names `{name}`, which is neither a built-in pack nor a file"
                        ),
                        span,
                    )
                    .with_label("not found")
                    .with_help(format!(
                        "built-in packs: `{packs}`; paths are relative to {}",
                        if dir.as_os_str().is_empty() {
                            "the current directory".to_string()
                        } else {
                            dir.display().to_string()
                        }
                    )));
            }
            let id = path
                .canonicalize()
                .unwrap_or(path.clone())
                .display()
                .to_string();
            if self.stack.contains(&id) {
                return Err(cycle_error(&source, name, span, &self.stack));
            }
            let text = read_text(&path)
                .map_err(|e| source.error(e.kind(), e.message().to_string(), span.clone()))?;
            self.load(Source::file(&path, text))?;
        }
        self.apply(&source, raw)?;
        self.guideline.sources.push(source.name.clone());
        self.stack.pop();
        Ok(())
    }

    fn apply(&mut self, source: &Arc<Source>, raw: RawGuideline) -> Result<(), Error> {
        let g = &mut self.guideline;
        if let Some(langs) = raw.languages {
            if langs.get_ref().is_empty() {
                return Err(source.error(
                    ErrorKind::Guideline,
                    "`languages` must name at least one language",
                    langs.span(),
                ));
            }
            let mut v = langs.into_inner();
            v.dedup();
            g.languages = v;
            self.languages_set = true;
        }
        if let Some(l) = raw.locale {
            g.locale = Some(l);
        }
        if let Some(f) = raw.fail_on {
            g.fail_on = f;
        }
        if let Some(p) = raw.platforms {
            let span = p.span();
            match p.into_inner() {
                schema::RawPlatforms::List(list) => {
                    check_platform_names(source, &list, span.clone())?;
                    let builtin = crate::platform::Profiles::builtin();
                    for name in &list {
                        let defined = builtin.get(name).is_some()
                            || g.platform_overrides
                                .iter()
                                .any(|(n, _)| n.eq_ignore_ascii_case(name));
                        if !defined {
                            let known: Vec<&str> =
                                builtin.iter().map(|p| p.name.as_str()).collect();
                            let e = source.error(
                                ErrorKind::Guideline,
                                format!("unknown platform `{name}`"),
                                span.clone(),
                            );
                            return Err(match closest(name, known.iter().copied()) {
                                Some(best) => e.with_help(format!("did you mean `{best}`?")),
                                None => e.with_help(format!(
                                    "platforms: {} (or define one under [platforms.NAME])",
                                    known.join(", ")
                                )),
                            });
                        }
                    }
                    g.platforms = list.iter().map(|s| s.to_ascii_lowercase()).collect();
                }
                schema::RawPlatforms::Tables(tables) => {
                    for (name, mut table) in tables {
                        if let Some(default) = table.remove("default") {
                            match default.as_bool() {
                                Some(true) if !g.platforms.contains(&name) => {
                                    g.platforms.push(name.clone())
                                }
                                Some(_) => {}
                                None => {
                                    return Err(source.error(
                                        ErrorKind::Guideline,
                                        format!("`platforms.{name}.default` must be true or false"),
                                        span,
                                    ))
                                }
                            }
                        }
                        crate::platform::validate_override(&name, &table)
                            .map_err(|msg| source.error(ErrorKind::Guideline, msg, span.clone()))?;
                        g.platform_overrides.push((name, table));
                    }
                }
            }
        }
        if let Some(c) = raw.company {
            let co = &mut g.company;
            co.names.extend(c.names.unwrap_or_default());
            co.products.extend(c.products.unwrap_or_default());
            co.competitors.extend(c.competitors.unwrap_or_default());
            co.domains.extend(c.domains.unwrap_or_default());
            co.disclosures.extend(c.disclosures.unwrap_or_default());
            co.internal_hosts
                .extend(c.internal_hosts.unwrap_or_default());
        }
        for c in raw.confidential.unwrap_or_default() {
            let until = match c.until {
                Some(d) => Some(to_date(source, &d)?),
                None => None,
            };
            g.confidential.push(Confidential {
                terms: c.terms,
                until,
                message: c.message,
                severity: c.severity,
                route: c.route,
                case_sensitive: c.case_sensitive.unwrap_or(false),
            });
        }
        for q in raw.quiet_period.unwrap_or_default() {
            let from = to_date(source, &q.from)?;
            let to = to_date(source, &q.to)?;
            if to < from {
                return Err(source.error(
                    ErrorKind::Guideline,
                    format!("the quiet period ends ({to}) before it starts ({from})"),
                    q.to.span(),
                ));
            }
            g.quiet_periods.push(QuietPeriod {
                from,
                to,
                reason: q.reason,
                route: q.route,
                terms: q.terms.unwrap_or_default(),
            });
        }
        let mut ids_here: Vec<String> = Vec::new();
        for rule in raw.rule.unwrap_or_default() {
            let span = rule.span();
            let def = data_rule(source, rule.into_inner())?;
            if ids_here.contains(&def.id) {
                return Err(source.error(
                    ErrorKind::Guideline,
                    format!("rule `{}` is defined twice in this file", def.id),
                    span,
                ));
            }
            if registry::find(&def.id).is_some() {
                return Err(source.error(ErrorKind::Guideline, format!("`{}` is a built-in rule; configure it under [rules.\"{}\"] or choose another id", def.id, def.id), span));
            }
            ids_here.push(def.id.clone());
            // A later layer may replace a pack's rule of the same id.
            let g = &mut self.guideline;
            g.rules.retain(|r| r.id != def.id);
            g.rules.push(def);
        }
        for (key, table) in raw.rules.unwrap_or_default() {
            let id = key.get_ref().clone();
            let mut settings = RuleSettings::default();
            for (opt, value) in table {
                let name = opt.get_ref().as_str();
                let vspan = value.span();
                let value = value.into_inner();
                match name {
                    "severity" => {
                        let s = value.as_str().and_then(Severity::parse).ok_or_else(|| {
                            source.error(
                                ErrorKind::Guideline,
                                "`severity` must be \"error\", \"warning\" or \"info\"",
                                vspan.clone(),
                            )
                        })?;
                        settings.severity = Some(s);
                    }
                    "enabled" => {
                        settings.enabled = Some(value.as_bool().ok_or_else(|| {
                            source.error(
                                ErrorKind::Guideline,
                                "`enabled` must be true or false",
                                vspan.clone(),
                            )
                        })?);
                    }
                    "route" => {
                        let r =
                            value
                                .as_str()
                                .filter(|s| !s.trim().is_empty())
                                .ok_or_else(|| {
                                    source.error(
                                        ErrorKind::Guideline,
                                        "`route` must be a reviewer role such as \"legal\"",
                                        vspan.clone(),
                                    )
                                })?;
                        settings.route = Some(r.to_string());
                    }
                    _ => {
                        self.option_keys.push((
                            id.clone(),
                            name.to_string(),
                            value.clone(),
                            Arc::clone(source),
                            opt.span(),
                        ));
                        settings.options.insert(name.to_string(), value);
                    }
                }
            }
            self.setting_keys
                .push((id.clone(), Arc::clone(source), key.span()));
            let entry = self.guideline.settings.entry(id).or_default();
            merge_settings(entry, settings);
        }
        Ok(())
    }

    fn finish(self) -> Result<Guideline, Error> {
        let g = self.guideline;
        let data_ids: Vec<&str> = g.rules.iter().map(|r| r.id.as_str()).collect();
        let all_ids: Vec<&str> = registry::all()
            .iter()
            .map(|r| r.id)
            .chain(data_ids.iter().copied())
            .collect();
        for (id, source, span) in &self.setting_keys {
            if !is_known_selector(id, &all_ids) {
                let mut e = source.error(
                    ErrorKind::UnknownRule,
                    format!("unknown rule `{id}`"),
                    span.clone(),
                );
                if let Some(best) = closest(id, all_ids.iter().copied()) {
                    e = e.with_help(format!("did you mean `{best}`?"));
                } else {
                    e = e.with_help("`postlint rules` lists every rule id");
                }
                return Err(e);
            }
        }
        for (id, name, value, source, span) in &self.option_keys {
            let specs = registry::find(id).map(|r| r.options).unwrap_or(&[]);
            let Some(spec) = specs.iter().find(|o| o.name == name) else {
                let mut candidates: Vec<&str> = vec!["severity", "enabled", "route"];
                candidates.extend(specs.iter().map(|o| o.name));
                let mut e = source.error(
                    ErrorKind::Guideline,
                    format!("unknown key `{name}` for rule `{id}`"),
                    span.clone(),
                );
                e = match closest(name, candidates.iter().copied()) {
                    Some(best) => e.with_help(format!("did you mean `{best}`?")),
                    None => e.with_help(format!("`{id}` accepts: {}", candidates.join(", "))),
                };
                return Err(e);
            };
            if !spec.kind.accepts(value) {
                return Err(source.error(
                    ErrorKind::Guideline,
                    format!("`{name}` of `{id}` must be {}", spec.kind.describe()),
                    span.clone(),
                ));
            }
        }
        Ok(g)
    }
}

fn is_known_selector(id: &str, all: &[&str]) -> bool {
    all.iter()
        .any(|r| *r == id || r.strip_prefix(id).is_some_and(|rest| rest.starts_with('.')))
}

/// Checks `--select`/`--ignore` style selectors against the known rule ids.
pub fn check_selector(selector: &str, guideline: &Guideline) -> Result<(), Error> {
    let all: Vec<&str> = registry::all()
        .iter()
        .map(|r| r.id)
        .chain(guideline.rules.iter().map(|r| r.id.as_str()))
        .collect();
    if is_known_selector(selector, &all) {
        return Ok(());
    }
    let e = Error::new(
        ErrorKind::UnknownRule,
        format!("unknown rule or family `{selector}`"),
    );
    // Families are candidates too: "salse" most likely meant "sales".
    let mut candidates: Vec<&str> = all.iter().filter_map(|id| id.split('.').next()).collect();
    candidates.sort_unstable();
    candidates.dedup();
    candidates.extend(all.iter().copied());
    Err(match closest(selector, candidates.into_iter()) {
        Some(best) => e.with_help(format!("did you mean `{best}`?")),
        None => e.with_help("`postlint rules` lists every rule id"),
    })
}

/// The candidate closest to `word`, if it is close enough to be what was meant.
pub fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

fn check_platform_names(
    source: &Source,
    list: &[String],
    span: std::ops::Range<usize>,
) -> Result<(), Error> {
    for name in list {
        if name.trim().is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(source.error(
                ErrorKind::Guideline,
                format!("`{name}` is not a platform name"),
                span,
            ));
        }
    }
    Ok(())
}

fn cycle_error(
    source: &Source,
    name: &str,
    span: std::ops::Range<usize>,
    stack: &[String],
) -> Error {
    source
        .error(
            ErrorKind::ExtendsCycle,
            format!("`extends` cycle: `{name}` is already being loaded"),
            span,
        )
        .with_label("extends itself")
        .with_help(format!("the chain is: {}", stack.join(" → ")))
}

fn to_date(source: &Source, d: &Spanned<toml::value::Datetime>) -> Result<Date, Error> {
    let dt = d.get_ref();
    match (dt.date, dt.time) {
        (Some(date), None) => {
            Date::new(i32::from(date.year), date.month, date.day).ok_or_else(|| {
                source.error(
                    ErrorKind::Guideline,
                    format!("{dt} is not a valid date"),
                    d.span(),
                )
            })
        }
        _ => Err(source.error(
            ErrorKind::Guideline,
            format!("expected a date like 2027-01-15, found `{dt}`"),
            d.span(),
        )),
    }
}

/// Rewrites toml's serde messages into plain ones with a "did you mean" hint.
fn toml_error(source: &Source, e: &toml::de::Error) -> Error {
    let msg = e.message().trim().to_string();
    let span = e.span().unwrap_or(0..0);
    let mut help = None;
    let message = if let Some(rest) = msg.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
        match closest(field, expected.iter().copied()) {
            Some(best) => format!("unknown key `{field}`, did you mean `{best}`?"),
            None => {
                if !expected.is_empty() {
                    help = Some(format!("allowed keys: {}", expected.join(", ")));
                }
                format!("unknown key `{field}`")
            }
        }
    } else if msg.contains("did not match any variant of untagged enum RawTerms") {
        "expected a list of terms, or a table like { da = [\"…\"], en = [\"…\"] }".to_string()
    } else if msg.contains("untagged enum RawFiles") {
        "expected a file name, a list of file names, or { da = \"…\", en = \"…\" }".to_string()
    } else if msg.contains("untagged enum RawReplace") {
        "expected a table of replacements like { \"personale\" = \"medarbejdere\" } or { da = { … }, en = { … } }".to_string()
    } else if msg.contains("untagged enum Text") {
        "expected a text, or a table like { da = \"…\", en = \"…\" }".to_string()
    } else if msg.contains("untagged enum RawPlatforms") {
        "expected a list of platform names, or tables like [platforms.x] limit = 25000".to_string()
    } else if msg.starts_with("unknown variant") && msg.contains("`da`") {
        format!("{msg} (postlint supports Danish and English)")
    } else {
        msg
    };
    let mut err = source.error(ErrorKind::Guideline, message, span);
    if let Some(h) = help {
        err = err.with_help(h);
    }
    err
}

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
    source: &Source,
    file: &str,
    span: std::ops::Range<usize>,
) -> Result<Vec<String>, Error> {
    let content: String = match &source.dir {
        None => builtin::file(file)
            .ok_or_else(|| {
                source.error(
                    ErrorKind::Guideline,
                    format!("no built-in word list `{file}`"),
                    span.clone(),
                )
            })?
            .to_string(),
        Some(dir) => {
            let path = dir.join(file);
            match read_text(&path) {
                Ok(t) => t,
                Err(e) => match builtin::file(file) {
                    // A company guideline may also name a built-in list.
                    Some(t) => t.to_string(),
                    None => return Err(source.error(e.kind(), e.message().to_string(), span)),
                },
            }
        }
    };
    Ok(builtin::list_lines(&content)
        .map(|l| l.split('\t').next().unwrap_or(l).to_string())
        .collect())
}

fn data_rule(source: &Source, r: RawRule) -> Result<DataRule, Error> {
    let id_span = r.id.span();
    let id = r.id.into_inner();
    if !is_valid_id(&id) {
        return Err(source
            .error(
                ErrorKind::Guideline,
                format!("`{id}` is not a valid rule id"),
                id_span,
            )
            .with_help(
                "rule ids are `family.name` in lower-case kebab-case, e.g. `acme.internal-url`",
            ));
    }
    let kind_span = r.kind.span();
    let kind = DataKind::parse(r.kind.get_ref()).ok_or_else(|| {
        let k = r.kind.get_ref();
        let mut e = source.error(
            ErrorKind::Guideline,
            format!("unknown rule kind `{k}`"),
            kind_span.clone(),
        );
        e = match closest(k, DataKind::NAMES.iter().copied()) {
            Some(best) => e.with_help(format!("did you mean `{best}`?")),
            None => e.with_help(format!("kinds: {}", DataKind::NAMES.join(", "))),
        };
        e
    })?;
    let mut terms = LangTerms::default();
    let has_terms = r.terms.is_some() || r.terms_file.is_some();
    if let Some(t) = r.terms {
        terms.extend(terms_of(t.into_inner()));
    }
    if let Some(files) = r.terms_file {
        let span = files.span();
        match files.into_inner() {
            RawFiles::One(f) => terms.all.extend(read_list(source, &f, span)?),
            RawFiles::Many(fs) => {
                for f in fs {
                    terms.all.extend(read_list(source, &f, span.clone())?);
                }
            }
            RawFiles::ByLang { da, en } => {
                if let Some(f) = da {
                    terms.da.extend(read_list(source, &f, span.clone())?);
                }
                if let Some(f) = en {
                    terms.en.extend(read_list(source, &f, span)?);
                }
            }
        }
    }
    let need = |ok: bool, what: &str| -> Result<(), Error> {
        if ok {
            Ok(())
        } else {
            Err(source.error(
                ErrorKind::Guideline,
                format!("a rule of kind `{}` needs {what}", kind.name()),
                kind_span.clone(),
            ))
        }
    };
    let refuse =
        |present: Option<std::ops::Range<usize>>, key: &str, kinds: &str| -> Result<(), Error> {
            match present {
                Some(span) => Err(source.error(
                    ErrorKind::Guideline,
                    format!("`{key}` only applies to rules of kind {kinds}"),
                    span,
                )),
                None => Ok(()),
            }
        };
    let mut pattern = None;
    if let Some(p) = &r.pattern {
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
                    format!("the pattern of `{id}` does not compile: {last}"),
                    p.span(),
                )
                .with_label("invalid regular expression"));
        }
        pattern = Some(p.get_ref().clone());
    }
    match kind {
        DataKind::Terms => need(has_terms, "`terms` or `terms_file`")?,
        DataKind::Substitute => need(r.replace.is_some(), "`replace`")?,
        DataKind::Pattern => need(pattern.is_some(), "`pattern`")?,
        DataKind::Require => {
            need(
                has_terms || pattern.is_some(),
                "`terms` (or `pattern`) that trigger it",
            )?;
            need(r.require.is_some(), "`require`")?;
        }
        DataKind::Near => {
            need(has_terms, "`terms`")?;
            need(r.near.is_some(), "`near`")?;
        }
        DataKind::Limit => {
            need(has_terms || pattern.is_some(), "`terms` or `pattern`")?;
            need(r.max.is_some(), "`max`")?;
        }
    }
    if kind == DataKind::Pattern && has_terms {
        return Err(source.error(
            ErrorKind::Guideline,
            "a rule of kind `pattern` takes `pattern`, not `terms`",
            kind_span,
        ));
    }
    refuse(
        r.replace
            .as_ref()
            .filter(|_| kind != DataKind::Substitute)
            .map(|s| s.span()),
        "replace",
        "`substitute`",
    )?;
    refuse(
        r.fix
            .as_ref()
            .filter(|_| kind != DataKind::Substitute)
            .map(|s| s.span()),
        "fix",
        "`substitute`",
    )?;
    refuse(
        r.require
            .as_ref()
            .filter(|_| kind != DataKind::Require)
            .map(|s| s.span()),
        "require",
        "`require`",
    )?;
    refuse(
        r.near
            .as_ref()
            .filter(|_| kind != DataKind::Near)
            .map(|s| s.span()),
        "near",
        "`near`",
    )?;
    refuse(
        r.distance
            .as_ref()
            .filter(|_| kind != DataKind::Near)
            .map(|s| s.span()),
        "distance",
        "`near`",
    )?;
    refuse(
        r.max
            .as_ref()
            .filter(|_| kind != DataKind::Limit)
            .map(|s| s.span()),
        "max",
        "`limit`",
    )?;
    let fix = match &r.fix {
        None => Applicability::Unsafe,
        Some(f) => match f.get_ref().as_str() {
            "safe" => Applicability::Safe,
            "unsafe" => Applicability::Unsafe,
            "display" => Applicability::Display,
            other => {
                return Err(source.error(
                    ErrorKind::Guideline,
                    format!("`fix` must be \"safe\", \"unsafe\" or \"display\", not \"{other}\""),
                    f.span(),
                ))
            }
        },
    };
    let mut replace = Vec::new();
    if let Some(rep) = r.replace {
        let span = rep.span();
        match rep.into_inner() {
            RawReplace::All(map) => replace.extend(map.into_iter().map(|(k, v)| (None, k, v))),
            RawReplace::ByLang { da, en } => {
                replace.extend(
                    da.unwrap_or_default()
                        .into_iter()
                        .map(|(k, v)| (Some(Lang::Da), k, v)),
                );
                replace.extend(
                    en.unwrap_or_default()
                        .into_iter()
                        .map(|(k, v)| (Some(Lang::En), k, v)),
                );
            }
        }
        if replace.is_empty() {
            return Err(source.error(ErrorKind::Guideline, "`replace` is empty", span));
        }
    }
    let examples = r.examples.unwrap_or_default();
    Ok(DataRule {
        id,
        kind,
        severity: r.severity.unwrap_or(Severity::Warning),
        route: r.route,
        enabled: r.enabled.unwrap_or(true),
        languages: r.languages,
        summary: r.summary,
        message: r.message,
        suggestion: r.suggestion,
        explain: r.explain,
        terms,
        require: r
            .require
            .map(|t| terms_of(t.into_inner()))
            .unwrap_or_default(),
        near: r.near.map(|t| terms_of(t.into_inner())).unwrap_or_default(),
        distance: r.distance.map_or(5, |d| d.into_inner()),
        max: r.max.map_or(0, |m| m.into_inner()),
        replace,
        fix,
        pattern,
        options: TermOptions {
            whole_word: r.whole_word.unwrap_or(true),
            inflect: r.inflect.unwrap_or(true),
            case_sensitive: r.case_sensitive.unwrap_or(false),
            in_urls: r.in_urls.unwrap_or(false),
        },
        examples: Examples {
            bad: examples.bad,
            good: examples.good,
        },
        origin: source.name.clone(),
    })
}
