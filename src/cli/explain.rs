//! `postlint explain RULE`: why a rule exists, its options and examples, in the locale.
//! A family name (`sales`) lists the family's rules instead.

use super::args::ExplainArgs;
use super::{load_guideline, resolve_locale, tr, write_stdout};
use postlint::guideline::closest;
use postlint::rules::{docs, RuleDoc};
use postlint::{Error, ErrorKind, Lang};
use std::fmt::Write as _;
use std::process::ExitCode;

/// Runs `postlint explain`.
pub fn run(args: &ExplainArgs) -> Result<ExitCode, Error> {
    let guideline = load_guideline(&args.guideline)?;
    let lang = resolve_locale(args.guideline.locale, &guideline);
    let docs = docs(&guideline);
    let wanted = args.rule.trim();
    let out = if let Some(doc) = docs.iter().find(|d| d.id == wanted) {
        explain(doc, lang)
    } else {
        let family: Vec<&RuleDoc> = docs
            .iter()
            .filter(|d| {
                d.id.strip_prefix(wanted)
                    .is_some_and(|r| r.starts_with('.'))
            })
            .collect();
        if family.is_empty() {
            return Err(unknown(wanted, &docs));
        }
        let mut s = String::new();
        for d in family {
            let _ = writeln!(s, "{:32}  {}", d.id, d.summary.get(lang));
        }
        s
    };
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn unknown(wanted: &str, docs: &[RuleDoc]) -> Error {
    let mut names: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    names.extend(
        docs.iter()
            .filter_map(|d| d.id.split_once('.').map(|(f, _)| f)),
    );
    let e = Error::new(ErrorKind::UnknownRule, format!("unknown rule `{wanted}`"));
    match closest(wanted, names.iter().copied()) {
        Some(best) => e.with_help(format!("did you mean `{best}`?")),
        None => e.with_help("`postlint rules` lists every rule id"),
    }
}

fn explain(d: &RuleDoc, lang: Lang) -> String {
    let mut s = String::new();
    let origin = if d.origin == "built-in" {
        tr(lang, "indbygget", "built-in")
    } else {
        d.origin.as_str()
    };
    let severity = postlint::render::human::severity_name(d.severity, lang);
    let _ = writeln!(s, "{} — {severity} ({origin})", d.id);
    if !d.enabled {
        let _ = writeln!(
            s,
            "{}",
            tr(
                lang,
                "Slået fra i denne retningslinje.",
                "Disabled by this guideline."
            )
        );
    }
    if let Some(route) = &d.route {
        let _ = writeln!(s, "{}: {route}", tr(lang, "Sendes til", "Routed to"));
    }
    let _ = writeln!(s, "\n{}\n", d.summary.get(lang).trim());
    let explain = d.explain.get(lang).trim();
    if explain != d.summary.get(lang).trim() {
        let _ = writeln!(s, "{explain}\n");
    }
    if !d.options.is_empty() {
        let _ = writeln!(
            s,
            "{} [rules.\"{}\"]:",
            tr(lang, "Indstillinger under", "Options under"),
            d.id
        );
        for o in &d.options {
            let _ = writeln!(
                s,
                "  {} ({}): {}",
                o.name,
                o.kind.describe_in(lang),
                o.doc.get(lang)
            );
        }
        s.push('\n');
    }
    if !d.bad_examples.is_empty() || !d.good_examples.is_empty() {
        let _ = writeln!(s, "{}", tr(lang, "Eksempler:", "Examples:"));
        for e in &d.bad_examples {
            let _ = writeln!(s, "  ✗ {}", e.trim());
        }
        for e in &d.good_examples {
            let _ = writeln!(s, "  ✓ {}", e.trim());
        }
    }
    s
}
