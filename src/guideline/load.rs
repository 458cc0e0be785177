//! Loading a guideline: `extends` (built-in packs by name, other files by path relative to the
//! extending file; cycles are errors), merging the layers (later layers override settings and
//! add rules), term files, catalogues, and turning each `[[rule]]` into its typed kind.

use super::data_rule::data_rule;
use super::diag::{did_you_mean, toml_error};
use super::files::{read_bounded, GuidelineLoader, Trust};
use super::schema::{RawCatalog, RawGuideline, RawPlatforms};
use super::{
    Confidential, Guideline, LocaleCatalog, Located, OptionSetting, QuietPeriod, RuleSettings,
    Source,
};
use crate::builtin;
use crate::error::{did_you_mean_msg, internal, msg, Error, ErrorKind, Msg};
use crate::report::Severity;
use crate::secret::{self, HashedTerms};
use crate::time::Moment;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// Loads a guideline file (and whatever it extends).
pub(super) fn from_path(path: &Path, options: &GuidelineLoader) -> Result<Guideline, Error> {
    let text = read_bounded(path, options.max_bytes)?;
    let root = path.parent().filter(|p| !p.as_os_str().is_empty());
    let mut loader = Loader::new(Trust::new(options, root.unwrap_or(Path::new("."))));
    loader.load(Source::file(path, text))?;
    Ok(loader.finish())
}

/// Parses a guideline from TOML text named `name`; relative paths resolve against the
/// current directory.
pub(super) fn from_toml(
    text: &str,
    name: &str,
    options: &GuidelineLoader,
) -> Result<Guideline, Error> {
    let mut loader = Loader::new(Trust::new(options, Path::new(".")));
    let source = Source {
        name: name.to_string(),
        text: Arc::new(text.to_string()),
        dir: Some(PathBuf::from(".")),
        id: format!("<text:{name}>"),
    };
    loader.load(source)?;
    Ok(loader.finish())
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

    pub(crate) fn error(
        &self,
        kind: ErrorKind,
        message: Msg,
        span: std::ops::Range<usize>,
    ) -> Error {
        Error::at(kind, message, &self.name, &self.text, span)
    }
}

/// A guideline being assembled from its layers.
struct Loader {
    stack: Vec<String>,
    guideline: Guideline,
    trust: Trust,
}

impl Loader {
    fn new(trust: Trust) -> Loader {
        Loader {
            stack: Vec::new(),
            guideline: Guideline::default(),
            trust,
        }
    }

    /// The guideline, with the digest of all it was made of.
    fn finish(mut self) -> Guideline {
        self.guideline.sha256 = self.trust.digest();
        self.guideline
    }

    fn load(&mut self, source: Source) -> Result<(), Error> {
        self.trust.feed(&source.text);
        self.stack.push(source.id.clone());
        let raw: RawGuideline =
            toml::from_str(&source.text).map_err(|e| toml_error(&source, &e))?;
        let source = Arc::new(source);
        for entry in raw.extends.iter().flatten() {
            self.extend(&source, entry)?;
        }
        self.apply(&source, raw)?;
        self.guideline.sources.push(source.name.clone());
        self.stack.pop();
        Ok(())
    }

    fn extend(&mut self, source: &Arc<Source>, entry: &Spanned<String>) -> Result<(), Error> {
        let name = entry.get_ref();
        let span = entry.span();
        if let Some(text) = builtin::pack(name) {
            let child = Source::pack(name, text);
            if self.stack.contains(&child.id) {
                return Err(cycle_error(source, name, span, &self.stack));
            }
            return self.load(child);
        }
        let Some(dir) = &source.dir else {
            return Err(source.error(
                ErrorKind::MissingExtends,
                msg!("error.extends.unknown-pack", name = name),
                span,
            ));
        };
        let Some((path, text)) = self.trust.read(source, name, span.clone(), "extends")? else {
            let packs = builtin::packs().join("`, `");
            return Err(source
                .error(
                    ErrorKind::MissingExtends,
                    msg!("error.extends.missing", name = name),
                    span,
                )
                .with_label(msg!("error.extends.missing.label"))
                .with_help(if dir.as_os_str().is_empty() {
                    msg!("error.extends.missing.help-cwd", packs = packs)
                } else {
                    msg!(
                        "error.extends.missing.help",
                        packs = packs,
                        dir = dir.display().to_string()
                    )
                }));
        };
        let id = path
            .canonicalize()
            .unwrap_or(path.clone())
            .display()
            .to_string();
        if self.stack.contains(&id) {
            return Err(cycle_error(source, name, span, &self.stack));
        }
        self.load(Source::file(&path, text))
    }

    fn apply(&mut self, source: &Arc<Source>, raw: RawGuideline) -> Result<(), Error> {
        let g = &mut self.guideline;
        if let Some(langs) = raw.languages {
            if langs.get_ref().is_empty() {
                return Err(source.error(
                    ErrorKind::Guideline,
                    msg!("error.languages.empty"),
                    langs.span(),
                ));
            }
            let mut v = langs.into_inner();
            v.dedup();
            g.languages = v;
        }
        if let Some(l) = raw.locale {
            g.locale = Some(l);
        }
        if let Some(f) = raw.fail_on {
            g.fail_on = f;
        }
        if let Some(url) = raw.help_url {
            let u = url.get_ref();
            let scheme = ["https://", "http://"]
                .iter()
                .any(|s| u.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s)));
            if !scheme || u.contains(char::is_whitespace) {
                return Err(source.error(
                    ErrorKind::Guideline,
                    msg!("error.help-url", url = u, rule = "{rule}"),
                    url.span(),
                ));
            }
            g.help_url = Some(url.into_inner());
        }
        for pattern in raw.files.and_then(|f| f.exclude).unwrap_or_default() {
            if let Err(e) = globset::Glob::new(pattern.get_ref()) {
                return Err(source.error(
                    ErrorKind::Guideline,
                    msg!(
                        "error.files.glob",
                        pattern = pattern.get_ref(),
                        reason = e.kind().to_string()
                    ),
                    pattern.span(),
                ));
            }
            g.exclude.push(super::Exclude {
                pattern: pattern.into_inner(),
                base: source.dir.clone(),
            });
        }
        if let Some(tz) = raw.timezone {
            if crate::time::zone(tz.get_ref()).is_none() {
                return Err(source.error(
                    ErrorKind::Guideline,
                    msg!("error.timezone.unknown", zone = tz.get_ref()),
                    tz.span(),
                ));
            }
            g.timezone = Some(tz.into_inner());
        }
        if let Some(p) = raw.platforms {
            apply_platforms(g, source, p)?;
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
            co.contacts.extend(c.contacts.unwrap_or_default());
        }
        for c in raw.customer.unwrap_or_default() {
            if c.name.get_ref().trim().is_empty() {
                return Err(source.error(
                    ErrorKind::Guideline,
                    msg!("error.customer.empty"),
                    c.name.span(),
                ));
            }
            g.customers.push(super::Customer {
                name: c.name.into_inner(),
                aliases: c.aliases,
                consent: c.consent,
                route: c.route,
            });
        }
        if let Some(st) = raw.strategy {
            for (list, into) in [
                (st.encourage, &mut g.strategy.encourage),
                (st.discourage, &mut g.strategy.discourage),
            ] {
                let Some(list) = list else { continue };
                let span = list.span();
                for name in list.into_inner() {
                    let Some(t) = crate::report::ContentType::parse(name.trim()) else {
                        let known: Vec<&str> = crate::report::ContentType::ALL
                            .iter()
                            .map(|t| t.as_str())
                            .collect();
                        return Err(source.error(
                            ErrorKind::Guideline,
                            msg!(
                                "error.strategy.unknown",
                                name = name,
                                known = known.join(", ")
                            ),
                            span,
                        ));
                    };
                    if !into.contains(&t) {
                        into.push(t);
                    }
                }
            }
        }
        if let Some(sig) = raw.signals {
            let span = sig.span();
            let t = sig.into_inner();
            if let Err(why) = super::check_signals(&t) {
                return Err(source.error(ErrorKind::Guideline, why, span));
            }
            g.signals.push(t);
        }
        for c in raw.confidential.unwrap_or_default() {
            let table_span = c.span();
            let c = c.into_inner();
            let until = match c.until {
                Some(d) => Some(to_moment(source, &d)?),
                None => None,
            };
            let hashed = read_block(
                source,
                table_span.clone(),
                c.hash,
                c.salt,
                c.max_words,
                c.hashes,
                c.filter,
            )?;
            let terms = match c.terms {
                Some(t) => plain_terms(source, t)?,
                None if hashed.is_some() => Vec::new(),
                None => {
                    return Err(source.error(
                        ErrorKind::Guideline,
                        msg!("error.confidential.no-terms"),
                        table_span,
                    ))
                }
            };
            g.confidential.push(Confidential {
                terms,
                hashed,
                until,
                message: c.message,
                severity: c.severity,
                route: c.route,
                case_sensitive: c.case_sensitive.unwrap_or(false),
                compounds: c.compounds.unwrap_or(true),
            });
        }
        for q in raw.quiet_period.unwrap_or_default() {
            let from = to_moment(source, &q.from)?;
            let to = to_moment(source, &q.to)?;
            let tz = crate::time::default_zone();
            if to.resolve(&tz) < from.resolve(&tz) {
                return Err(source.error(
                    ErrorKind::Guideline,
                    msg!(
                        "error.quiet-period.order",
                        to = to.to_string(),
                        from = from.to_string()
                    ),
                    q.to.span(),
                ));
            }
            g.quiet_periods.push(QuietPeriod {
                from,
                to,
                reason: q.reason,
                route: q.route,
                terms: match q.terms {
                    Some(t) => plain_terms(source, t)?,
                    None => Vec::new(),
                },
            });
        }
        for entry in raw.catalogs.unwrap_or_default() {
            let catalog = read_catalog(&self.trust, source, &entry)?;
            self.guideline.catalogs.push(catalog);
        }
        let mut ids_here: Vec<String> = Vec::new();
        for rule in raw.rule.unwrap_or_default() {
            let span = rule.span();
            let def = data_rule(source, rule.into_inner(), &self.trust)?;
            if ids_here.contains(&def.id) {
                return Err(source.error(
                    ErrorKind::Guideline,
                    msg!("error.rule.twice", id = &def.id),
                    span,
                ));
            }
            ids_here.push(def.id.clone());
            let mut def = def;
            let g = &mut self.guideline;
            // Replacing an earlier layer's rule (a pack's) is said on purpose: `replaces`.
            if let Some((target, at)) = def.replaces.clone() {
                if g.rules.iter().any(|r| r.id == target) {
                    g.rules.retain(|r| r.id != target);
                    def.replaces = None;
                } else if target != def.id && !target.contains('.') {
                    return Err(at.error(
                        ErrorKind::Guideline,
                        msg!("error.replaces.not-an-id", target = target.as_str()),
                    ));
                }
                // Otherwise it names a built-in code rule: checked when the linter is built.
            }
            if let Some(earlier) = g.rules.iter().find(|r| r.id == def.id) {
                return Err(def
                    .at
                    .error(
                        ErrorKind::Guideline,
                        msg!(
                            "error.rule.defined",
                            id = &def.id,
                            origin = earlier.origin.as_str()
                        ),
                    )
                    .with_help(msg!("error.rule.defined.help", id = &def.id)));
            }
            g.rules.push(def);
        }
        for (key, table) in raw.rules.unwrap_or_default() {
            let id = key.get_ref().clone();
            let mut settings = RuleSettings::empty();
            settings.at = Some(Located::new(source, key.span()));
            for (opt, value) in table {
                let name = opt.get_ref().as_str();
                let vspan = value.span();
                let value = value.into_inner();
                match name {
                    "severity" => {
                        let s = value.as_str().and_then(Severity::parse).ok_or_else(|| {
                            source.error(
                                ErrorKind::Guideline,
                                msg!("error.severity"),
                                vspan.clone(),
                            )
                        })?;
                        settings.severity = Some(s);
                    }
                    "enabled" => {
                        settings.enabled = Some(value.as_bool().ok_or_else(|| {
                            source.error(ErrorKind::Guideline, msg!("error.enabled"), vspan.clone())
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
                                        msg!("error.route"),
                                        vspan.clone(),
                                    )
                                })?;
                        settings.route = Some(r.to_string());
                    }
                    _ => settings.options.push(OptionSetting {
                        key: name.to_string(),
                        value,
                        at: Located::new(source, opt.span()),
                    }),
                }
            }
            match self.guideline.settings.get_mut(&id) {
                Some(existing) => existing.merge(&settings),
                None => {
                    self.guideline.settings.insert(id, settings);
                }
            }
        }
        Ok(())
    }
}

fn apply_platforms(
    g: &mut Guideline,
    source: &Arc<Source>,
    p: Spanned<RawPlatforms>,
) -> Result<(), Error> {
    let span = p.span();
    match p.into_inner() {
        RawPlatforms::List(list) => {
            check_platform_names(source, &list, span.clone())?;
            let builtin = crate::platform::Profiles::builtin().map_err(internal)?;
            for name in &list {
                let defined = builtin.get(name).is_some()
                    || g.platform_overrides
                        .iter()
                        .any(|(n, _)| n.eq_ignore_ascii_case(name.trim()));
                if !defined {
                    let e = source.error(
                        ErrorKind::Guideline,
                        msg!("error.platform.unknown", name = name),
                        span.clone(),
                    );
                    let known: Vec<&str> = builtin.iter().map(|p| p.name.as_str()).collect();
                    return Err(match did_you_mean(name, builtin.names()) {
                        Some(best) => e.with_help(did_you_mean_msg(best)),
                        None => e.with_help(msg!("error.platform.known", known = known.join(", "))),
                    });
                }
            }
            g.platforms = list.iter().map(|s| s.trim().to_ascii_lowercase()).collect();
        }
        RawPlatforms::Tables(tables) => {
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
                                msg!("error.platform.default", name = name.as_str()),
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
    Ok(())
}

fn read_catalog(
    trust: &Trust,
    source: &Arc<Source>,
    entry: &Spanned<String>,
) -> Result<LocaleCatalog, Error> {
    let span = entry.span();
    let Some((path, text)) = trust.read(source, entry.get_ref(), span.clone(), "catalogs")? else {
        return Err(source.error(
            ErrorKind::Io,
            msg!("error.catalogs.missing", name = entry.get_ref()),
            span,
        ));
    };
    let child = Source::file(&path, text);
    let raw: RawCatalog = toml::from_str(&child.text).map_err(|e| toml_error(&child, &e))?;
    Ok(LocaleCatalog {
        locale: raw.locale.into_inner(),
        messages: raw.messages.into_iter().collect(),
    })
}

fn check_platform_names(
    source: &Source,
    list: &[String],
    span: std::ops::Range<usize>,
) -> Result<(), Error> {
    for name in list {
        let name = name.trim();
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(source.error(
                ErrorKind::Guideline,
                msg!("error.platform.name", name = name),
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
            msg!("error.extends.cycle", name = name),
            span,
        )
        .with_label(msg!("error.extends.cycle.label"))
        .with_help(msg!("error.extends.cycle.help", chain = stack.join(" → ")))
}

/// A list of terms for every language, none of them empty.
fn plain_terms(source: &Source, t: Spanned<Vec<String>>) -> Result<Vec<String>, Error> {
    let span = t.span();
    let list = super::LangTerms {
        all: t.into_inner(),
        ..Default::default()
    };
    super::data_rule::no_empty_term(source, &list, span, "terms")?;
    Ok(list.all)
}

fn to_moment(source: &Source, d: &Spanned<toml::value::Datetime>) -> Result<Moment, Error> {
    Moment::from_toml(d.get_ref()).map_err(|why| source.error(ErrorKind::Guideline, why, d.span()))
}

/// Reads the hashed form of a `[[confidential]]` list (`hash`, `salt`, `max_words`,
/// `hashes`), or `None` when the list has none of these keys. Errors point at the key and
/// never quote a digest.
fn read_block(
    source: &Source,
    table: Range<usize>,
    hash: Option<Spanned<String>>,
    salt: Option<Spanned<String>>,
    max_words: Option<Spanned<u32>>,
    hashes: Option<Spanned<Vec<String>>>,
    filter: Option<Spanned<String>>,
) -> Result<Option<HashedTerms>, Error> {
    let err = |why: Msg, span: Range<usize>| source.error(ErrorKind::Guideline, why, span);
    if hash.is_none() && salt.is_none() && max_words.is_none() && hashes.is_none() {
        return Ok(None);
    }
    let (Some(hash), Some(salt), Some(hashes)) = (hash, salt, hashes) else {
        return Err(err(msg!("error.hashed.incomplete"), table));
    };
    if hash.get_ref() != secret::ALGORITHM {
        return Err(err(
            msg!(
                "error.hashed.algorithm",
                hash = hash.get_ref(),
                algorithm = secret::ALGORITHM
            ),
            hash.span(),
        ));
    }
    let salt_bytes = secret::unhex(salt.get_ref())
        .filter(|b| b.len() >= 16)
        .ok_or_else(|| err(msg!("error.hashed.salt"), salt.span()))?;
    let words = match max_words {
        Some(m) => {
            let n = *m.get_ref() as usize;
            if !(1..=secret::MAX_WORDS).contains(&n) {
                return Err(err(
                    msg!("error.hashed.max-words", max = secret::MAX_WORDS),
                    m.span(),
                ));
            }
            n
        }
        None => secret::MAX_WORDS,
    };
    let span = hashes.span();
    let mut digests = Vec::with_capacity(hashes.get_ref().len());
    for (i, h) in hashes.into_inner().iter().enumerate() {
        let d = secret::unhex(h)
            .and_then(|b| <[u8; secret::DIGEST_LEN]>::try_from(b).ok())
            .ok_or_else(|| {
                err(
                    msg!(
                        "error.hashed.digest",
                        entry = i + 1,
                        digits = secret::DIGEST_LEN * 2
                    ),
                    span.clone(),
                )
            })?;
        digests.push(d);
    }
    digests.sort_unstable();
    // The prefilter is optional (a block without one is slower, not wrong); a damaged one
    // would hide terms, so it is an error.
    let filter = match filter {
        Some(f) => Some(
            secret::unhex(f.get_ref())
                .filter(|b| {
                    b.len() >= 8 && (b.len() / 8).is_power_of_two() && b.len().is_multiple_of(8)
                })
                .ok_or_else(|| err(msg!("error.hashed.filter"), f.span()))?,
        ),
        None => None,
    };
    Ok(Some(HashedTerms {
        salt: salt_bytes,
        max_words: words,
        digests,
        filter,
    }))
}

#[cfg(test)]
mod tests {
    use crate::guideline::Guideline;

    #[test]
    fn later_layers_win_and_settings_merge_by_key() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("base.toml"),
            "[rules.sales]\nseverity = \"info\"\n[rules.\"sales.score\"]\nthreshold = 40\nroute = \"comms\"\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("postlint.toml"),
            "extends = [\"base.toml\"]\n[rules.\"sales.score\"]\nthreshold = 60\n",
        )
        .unwrap();
        let g = Guideline::from_path(dir.path().join("postlint.toml")).unwrap();
        let s = g.settings_for("sales.score");
        assert_eq!(
            s.severity,
            Some(crate::Severity::Info),
            "from the family table"
        );
        assert_eq!(s.route.as_deref(), Some("comms"), "kept from the base");
        let table = s.options_table();
        assert_eq!(
            table["threshold"].as_integer(),
            Some(60),
            "the outer layer wins"
        );
        let at = s.options[0].at.error(
            crate::ErrorKind::Guideline,
            crate::error::msg!("error.here"),
        );
        assert!(at.to_string().contains("postlint.toml:3:1"), "{at}");
        assert_eq!(g.sources().len(), 2);
    }

    #[test]
    fn extends_cycles_and_missing_files_point_at_the_entry() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.toml"), "extends = [\"b.toml\"]\n").unwrap();
        std::fs::write(dir.path().join("b.toml"), "extends = [\"a.toml\"]\n").unwrap();
        let e = Guideline::from_path(dir.path().join("a.toml")).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::ExtendsCycle);
        std::fs::write(
            dir.path().join("c.toml"),
            "locale = \"da\"\nextends = [\"nope.toml\"]\n",
        )
        .unwrap();
        let e = Guideline::from_path(dir.path().join("c.toml")).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::MissingExtends);
        assert_eq!(e.location(), Some((2, 12)));
    }
}
