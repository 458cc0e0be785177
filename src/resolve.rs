//! Resolving a guideline against the rule catalogue: the one place that knows both.
//!
//! The guideline is plain configuration; here its `[rules."id"]` tables meet the rules. An
//! unknown rule id, an option a rule does not have or of the wrong type, a data rule that
//! takes a built-in rule's id, an unknown `--select`: each is an error that points at the
//! line and column where it was written (the guideline kept the spans).

use crate::error::{did_you_mean_msg, msg, Error, ErrorKind, Msg};
use crate::guideline::diag::did_you_mean;
use crate::guideline::{Guideline, RuleSettings};
use crate::report::Severity;
use crate::rule::{family, selects, OptionError, RuleMeta};
use crate::rules;

/// Where a rule comes from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Source {
    /// A built-in code rule.
    Code(&'static RuleMeta),
    /// The guideline's data rule at this index.
    Data(usize),
}

/// A rule with the settings in force under a guideline and a run's selection.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    /// The id.
    pub id: String,
    /// Code or data rule.
    pub source: Source,
    /// Severity in force.
    pub severity: Severity,
    /// Whether the guideline leaves it on.
    pub enabled: bool,
    /// Whether `--select`/`--ignore` keep it.
    pub selected: bool,
    /// Reviewer role in force.
    pub route: Option<String>,
    /// Options in force (a code rule's defaults with the guideline's values).
    pub options: toml::Table,
}

impl Resolved {
    /// Whether the rule runs.
    pub fn active(&self) -> bool {
        self.enabled && self.selected
    }
}

/// Every rule of the catalogue (code rules, then the guideline's data rules), sorted by id,
/// with its settings; or the first mistake in the guideline or the selectors.
pub(crate) fn resolve(
    guideline: &Guideline,
    select: &[String],
    ignore: &[String],
) -> Result<Vec<Resolved>, Error> {
    // Built-in code rules a data rule replaces on purpose are left out.
    let mut replaced: Vec<&str> = Vec::new();
    for def in &guideline.rules {
        if let Some((target, at)) = &def.replaces {
            if rules::find(target).is_none() {
                return Err(at.error(
                    ErrorKind::UnknownRule,
                    msg!("error.replaces.unknown", target = target.as_str()),
                ));
            }
            replaced.push(target);
        }
    }
    let code: Vec<&'static RuleMeta> = rules::CODE
        .iter()
        .copied()
        .filter(|m| !replaced.contains(&m.id))
        .collect();
    for def in &guideline.rules {
        if code.iter().any(|m| m.id == def.id) {
            return Err(def
                .at
                .error(
                    ErrorKind::Guideline,
                    msg!("error.rule.builtin", id = &def.id),
                )
                .with_help(msg!("error.rule.builtin.help", id = &def.id)));
        }
    }
    let ids: Vec<&str> = code
        .iter()
        .map(|m| m.id)
        .chain(guideline.rules.iter().map(|r| r.id.as_str()))
        .collect();
    for (key, settings) in &guideline.settings {
        check_settings(key, settings, &ids)?;
    }
    for def in &guideline.rules {
        let Some((by, at)) = &def.superseded_by else {
            continue;
        };
        if let Some(unknown) = by.iter().find(|b| !ids.contains(&b.as_str())) {
            let e = at.error(
                ErrorKind::UnknownRule,
                msg!("error.superseded-by.unknown", id = unknown.as_str()),
            );
            return Err(match did_you_mean(unknown, ids.iter().copied()) {
                Some(best) => e.with_help(did_you_mean_msg(best)),
                None => e.with_help(msg!("error.rules-list")),
            });
        }
    }
    for s in select.iter().chain(ignore) {
        check_selector(s, &ids)?;
    }
    let selected = |id: &str| {
        (select.is_empty() || select.iter().any(|s| selects(s, id)))
            && !ignore.iter().any(|s| selects(s, id))
    };
    let mut out = Vec::with_capacity(ids.len());
    for &meta in &code {
        let s = guideline.settings_for(meta.id);
        // Checked per key above; the merged table can only hold keys that passed.
        let options =
            (meta.options)(&s.options_table()).map_err(|e| option_error(meta.id, &s, &e, true))?;
        out.push(Resolved {
            id: meta.id.to_string(),
            source: Source::Code(meta),
            severity: s.severity.unwrap_or(meta.severity),
            enabled: s.enabled.unwrap_or(true),
            selected: selected(meta.id),
            route: s.route.or(meta.route.map(str::to_string)),
            options,
        });
    }
    for (i, def) in guideline.rules.iter().enumerate() {
        let s = guideline.settings_for(&def.id);
        out.push(Resolved {
            id: def.id.clone(),
            source: Source::Data(i),
            severity: s.severity.unwrap_or(def.severity),
            enabled: s.enabled.unwrap_or(def.enabled),
            selected: selected(&def.id),
            route: s.route.or(def.route.clone()),
            options: toml::Table::new(),
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

/// A `[rules."key"]` table: the key names a rule or a family, and its options belong to it.
fn check_settings(key: &str, settings: &RuleSettings, ids: &[&str]) -> Result<(), Error> {
    if !ids.iter().any(|id| selects(key, id)) {
        let at = settings.at.as_ref().expect("a settings table has a key");
        let e = at.error(ErrorKind::UnknownRule, msg!("error.rule.unknown", id = key));
        return Err(match did_you_mean(key, ids.iter().copied()) {
            Some(best) => e.with_help(did_you_mean_msg(best)),
            None => e.with_help(msg!("error.rules-list")),
        });
    }
    if settings.options.is_empty() {
        return Ok(());
    }
    match rules::find(key) {
        Some(meta) => (meta.options)(&settings.options_table())
            .map(|_| ())
            .map_err(|e| option_error(key, settings, &e, false)),
        // A family or a data rule takes only severity, enabled and route.
        None => {
            let o = &settings.options[0];
            let e = o.at.error(
                ErrorKind::Guideline,
                msg!("error.option.unknown", key = &o.key, id = key),
            );
            let common = ["severity", "enabled", "route"];
            Err(match did_you_mean(&o.key, common.iter().copied()) {
                Some(best) => e.with_help(did_you_mean_msg(best)),
                None => e.with_help(msg!(
                    "error.option.accepts",
                    id = key,
                    keys = common.join(", ")
                )),
            })
        }
    }
}

/// The guideline error for an option serde refused, at the key it concerns.
fn option_error(id: &str, settings: &RuleSettings, e: &OptionError, merged: bool) -> Error {
    let unknown = e
        .reason
        .strip_prefix("unknown field `")
        .and_then(|r| r.split('`').next());
    let key = unknown.unwrap_or(&e.key);
    let at = settings
        .options
        .iter()
        .find(|o| o.key == key)
        .map(|o| &o.at)
        .or(settings.at.as_ref());
    let Some(at) = at else {
        return Error::new(
            ErrorKind::Guideline,
            msg!("error.option.refused", id = id, detail = &e.reason),
        );
    };
    if let Some(field) = unknown {
        // serde lists the fields it expected: "expected one of `a`, `b`" or "expected `a`".
        let mut accepted: Vec<&str> = vec!["severity", "enabled", "route"];
        if let Some(rest) = e.reason.split("expected").nth(1) {
            accepted.extend(rest.split('`').skip(1).step_by(2));
        }
        let message = if merged {
            msg!("error.option.unknown-in-family", key = field, id = id)
        } else {
            msg!("error.option.unknown", key = field, id = id)
        };
        let err = at.error(ErrorKind::Guideline, message);
        return match did_you_mean(field, accepted.iter().copied()) {
            Some(best) => err.with_help(did_you_mean_msg(best)),
            None => err.with_help(msg!(
                "error.option.accepts",
                id = id,
                keys = accepted.join(", ")
            )),
        };
    }
    at.error(
        ErrorKind::Guideline,
        msg!(
            "error.option.type",
            key = key,
            id = id,
            expected = expected(&e.reason)
        ),
    )
    .with_help(msg!("error.option.refused.help", detail = &e.reason))
}

/// What a serde type error expected, in words for a guideline author.
fn expected(reason: &str) -> Msg {
    let wanted = reason.rsplit("expected ").next().unwrap_or("");
    match wanted.trim() {
        "usize" | "u8" | "u16" | "u32" | "u64" | "an integer" | "i64" | "i32" => {
            msg!("error.expected.whole-number")
        }
        "f64" | "f32" => msg!("error.expected.number"),
        "a boolean" => msg!("error.expected.boolean"),
        "a sequence" => msg!("error.expected.list"),
        "a string" => msg!("error.expected.text"),
        _ => msg!("error.expected.other"),
    }
}

/// `--select`/`--ignore` style selectors: a rule id or a family.
fn check_selector(selector: &str, ids: &[&str]) -> Result<(), Error> {
    if ids.iter().any(|id| selects(selector, id)) {
        return Ok(());
    }
    let e = Error::new(
        ErrorKind::UnknownRule,
        msg!("error.selector.unknown", selector = selector),
    );
    Err(e.with_help(unknown_selector_help(selector, ids)))
}

/// The hint for a selector that names no rule: the id or family it most likely meant, else
/// where the rules are listed. Families are candidates too: "salse" most likely meant
/// "sales".
pub(crate) fn unknown_selector_help(selector: &str, ids: &[&str]) -> crate::error::Msg {
    let mut candidates: Vec<&str> = ids.iter().map(|id| family(id)).collect();
    candidates.sort_unstable();
    candidates.dedup();
    candidates.extend(ids.iter().copied());
    match did_you_mean(selector, candidates.into_iter()) {
        Some(best) => did_you_mean_msg(best),
        None => msg!("error.rules-list"),
    }
}
