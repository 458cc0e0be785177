//! `postlint config`: the effective guideline — which file was found and why, what it is
//! built from, its settings, and every rule on or off with the severity, route and options in
//! force. Lists are counted, never printed: a confidential term stays in its file.

use super::args::{ConfigArgs, ListFormat};
use super::{current_dir, find_guideline, load_found, resolve_locale, tr, write_stdout, Error};
use super::{Found, CONFIG_ENV};
use postlint::{Guideline, Linter, Locale, Options};
use serde_json::json;
use std::fmt::Write as _;
use std::process::ExitCode;

/// Runs `postlint config`.
pub fn run(args: &ConfigArgs) -> Result<ExitCode, Error> {
    let found = find_guideline(&args.guideline, &current_dir()?);
    let guideline = load_found(&args.guideline, &found)?;
    let locale = resolve_locale(args.guideline.locale, &guideline);
    let locale_from = if args.guideline.locale.is_some() {
        "flag"
    } else if guideline.locale().is_some() {
        "guideline"
    } else {
        "environment"
    };
    let linter = Linter::with_options(guideline, Options::new().locale(locale))?;
    let out = match args.format {
        ListFormat::Json => {
            let mut s = serde_json::to_string_pretty(&as_json(&found, &linter, locale_from))
                .unwrap_or_default();
            s.push('\n');
            s
        }
        ListFormat::Human => human(&found, &linter, locale_from),
    };
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Why this guideline, as a machine word and, for people, a sentence in `locale`.
fn reason(found: &Found, locale: Locale) -> (&'static str, String) {
    match found {
        Found::NoConfig => (
            "no-config",
            tr(
                locale,
                "--no-config: kun den indbyggede pakke recommended",
                "--no-config: the built-in recommended pack only",
            )
            .to_string(),
        ),
        Found::Flag(_) => (
            "flag",
            tr(locale, "angivet med --config", "given with --config").to_string(),
        ),
        Found::Discovered { from, .. } => (
            "discovered",
            format!(
                "{} {}",
                tr(
                    locale,
                    "den nærmeste postlint.toml eller .postlint.toml fra",
                    "the nearest postlint.toml or .postlint.toml from"
                ),
                from.display()
            ) + tr(locale, " og opad", " upward"),
        ),
        Found::Env(_) => (
            "environment",
            format!(
                "{} {CONFIG_ENV} {}",
                tr(locale, "miljøvariablen", "the environment variable"),
                tr(
                    locale,
                    "(ingen postlint.toml i mappen eller over den)",
                    "(no postlint.toml in the folder or above it)"
                )
            ),
        ),
        Found::User(_) => (
            "user",
            tr(
                locale,
                "brugerens konfigurationsmappe (ingen postlint.toml i mappen eller over den)",
                "the user configuration folder (no postlint.toml in the folder or above it)",
            )
            .to_string(),
        ),
        Found::Builtin => (
            "builtin",
            tr(
                locale,
                "ingen guideline fundet: den indbyggede pakke recommended",
                "no guideline found: the built-in recommended pack",
            )
            .to_string(),
        ),
    }
}

fn as_json(found: &Found, linter: &Linter, locale_from: &str) -> serde_json::Value {
    let g = linter.guideline();
    let (why, _) = reason(found, linter.locale());
    let rules: Vec<_> = linter
        .rules()
        .iter()
        .map(|r| {
            let options: serde_json::Map<String, serde_json::Value> = r
                .options
                .iter()
                .filter(|o| !o.value.is_empty())
                .map(|o| (o.name.clone(), json!(o.value)))
                .collect();
            json!({
                "id": r.id,
                "enabled": r.enabled,
                "severity": r.severity,
                "route": r.route,
                "origin": r.origin,
                "options": options,
            })
        })
        .collect();
    json!({
        "file": found.path().map(|p| p.display().to_string()),
        "reason": why,
        "sources": g.sources(),
        "sha256": g.sha256(),
        "locale": {"code": linter.locale().code(), "from": locale_from},
        "languages": g.languages().iter().map(|l| l.code()).collect::<Vec<_>>(),
        "platforms": g.default_platforms(),
        "fail_on": g.fail_on(),
        "timezone": g.time_zone(),
        "help_url": g.help_url(),
        "exclude": g.exclude().iter().map(|e| json!({
            "pattern": e.pattern,
            "base": e.base.as_ref().map(|b| b.display().to_string()),
        })).collect::<Vec<_>>(),
        "counts": g.summary(),
        "rules": rules,
    })
}

fn human(found: &Found, linter: &Linter, locale_from: &str) -> String {
    let locale = linter.locale();
    let g: &Guideline = linter.guideline();
    let t = |da, en| tr(locale, da, en);
    let none = t("ingen", "none");
    let mut s = String::new();
    let (_, why) = reason(found, locale);
    let file = found
        .path()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| t("(indbygget)", "(built-in)").to_string());
    let label_width = 14;
    let mut line = |label: &str, value: &str| {
        let _ = writeln!(s, "{label:label_width$}{value}");
    };
    line(t("Guideline", "Guideline"), &file);
    line(t("  fundet", "  found"), &why);
    line(t("  bygget af", "  built from"), &g.sources().join(" → "));
    line("  SHA-256", g.sha256());
    let from = match locale_from {
        "flag" => "--locale",
        "guideline" => t("guideline", "guideline"),
        _ => t("miljøet", "environment"),
    };
    line(
        t("Beskeder på", "Messages in"),
        &format!("{} ({from})", locale.code()),
    );
    let langs: Vec<&str> = g.languages().iter().map(|l| l.code()).collect();
    line(t("Opslag på", "Posts in"), &langs.join(", "));
    let platforms = if g.default_platforms().is_empty() {
        t(
            "ingen faste (forsiden eller --platform vælger)",
            "none fixed (front matter or --platform decides)",
        )
        .to_string()
    } else {
        g.default_platforms().join(", ")
    };
    line(t("Platforme", "Platforms"), &platforms);
    line(
        t("Fejler ved", "Fails on"),
        &linter.message(&format!("severity.{}", g.fail_on())),
    );
    line(t("Tidszone", "Time zone"), g.time_zone());
    line(t("Hjælp", "Help URL"), g.help_url().unwrap_or(none));
    let exclude: Vec<String> = g
        .exclude()
        .iter()
        .map(|e| match &e.base {
            Some(b) if !b.as_os_str().is_empty() => format!("{} ({})", e.pattern, b.display()),
            _ => e.pattern.clone(),
        })
        .collect();
    line(
        t("Udelader", "Excludes"),
        &if exclude.is_empty() {
            none.to_string()
        } else {
            exclude.join(", ")
        },
    );
    let c = g.summary();
    line(
        t("Virksomhed", "Company"),
        &format!(
            "{} {}, {} {}, {} {}, {} {}",
            c.company_names,
            t("navne", "names"),
            c.products,
            t("produkter", "products"),
            c.competitors,
            t("konkurrenter", "competitors"),
            c.domains,
            t("domæner", "domains"),
        ),
    );
    line(
        t("Fortroligt", "Confidential"),
        &format!(
            "{} {} ({} {}, {} {})",
            c.confidential_lists,
            t("lister", "lists"),
            c.confidential_terms,
            t("udtryk", "terms"),
            c.hashed_lists,
            t("hashede", "hashed"),
        ),
    );
    line(
        t("Kunder", "Customers"),
        &format!(
            "{}; {} {}",
            c.customers,
            t("stille perioder:", "quiet periods:"),
            c.quiet_periods
        ),
    );
    let rules = linter.rules();
    let on = rules.iter().filter(|r| r.enabled).count();
    let _ = writeln!(
        s,
        "\n{} {on} {}, {} {}",
        t("Regler:", "Rules:"),
        t("slået til", "on"),
        rules.len() - on,
        t("slået fra", "off"),
    );
    let id_width = rules.iter().map(|r| r.id.len()).max().unwrap_or(4).max(5);
    let route_width = rules
        .iter()
        .filter_map(|r| r.route.as_ref().map(|x| x.chars().count()))
        .max()
        .unwrap_or(0)
        .max(5);
    let (rule, state, level, route, options) = (
        t("REGEL", "RULE"),
        t("TIL", "ON"),
        t("NIVEAU", "SEVERITY"),
        t("RUTE", "ROUTE"),
        t("INDSTILLINGER", "OPTIONS"),
    );
    let _ = writeln!(
        s,
        "{rule:id_width$}  {state:4}  {level:9}  {route:route_width$}  {options}"
    );
    for r in &rules {
        let state = if r.enabled {
            t("ja", "yes")
        } else {
            t("nej", "no")
        };
        let level = linter.message(&format!("severity.{}", r.severity));
        let route = r.route.as_deref().unwrap_or("-");
        let opts: Vec<String> = r
            .options
            .iter()
            .filter(|o| !o.value.is_empty())
            .map(|o| format!("{} = {}", o.name, o.value))
            .collect();
        let _ = writeln!(
            s,
            "{:id_width$}  {state:4}  {level:9}  {route:route_width$}  {}",
            r.id,
            opts.join(", ")
        );
    }
    s
}
