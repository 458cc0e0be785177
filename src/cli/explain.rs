//! `postlint explain RULE`: why a rule exists, its options (with the values in force) and
//! examples, in the locale. A family name (`sales`) lists the family's rules instead.

use super::args::ExplainArgs;
use super::error::msg;
use super::{linter_for, tr, write_stdout, Error};
use postlint::{Arg, Linter, RuleExample, RuleInfo};
use std::fmt::Write as _;
use std::process::ExitCode;

/// Runs `postlint explain`.
pub fn run(args: &ExplainArgs) -> Result<ExitCode, Error> {
    let linter = linter_for(&args.guideline)?;
    let wanted = args.rule.trim();
    let out = if let Some(doc) = linter.rule(wanted) {
        let severity = linter.message(&format!("severity.{}", doc.severity));
        explain(&doc, &severity, &linter)
    } else {
        let docs = linter.rules();
        let family: Vec<&RuleInfo> = docs
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
            let _ = writeln!(s, "{:32}  {}", d.id, d.summary);
        }
        s
    };
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// What an example needs to be bad or good, under it: the same sentence can be ✗ inside a
/// quiet period and ✓ the day after it, or ✗ on X and ✓ on LinkedIn.
fn condition(s: &mut String, e: &RuleExample, linter: &Linter) {
    let mut parts = Vec::new();
    if let Some(g) = &e.guideline {
        let toml: Vec<&str> = g.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        let args = [("guideline", Arg::from(toml.join("; ")))];
        parts.push(linter.message_with("output.example-guideline", &args));
    }
    if let Some(date) = e.date {
        let args = [("date", Arg::from(date.to_string()))];
        parts.push(linter.message_with("output.example-date", &args));
    }
    if !parts.is_empty() {
        let _ = writeln!(s, "      ({})", parts.join(", "));
    }
}

fn unknown(wanted: &str, docs: &[RuleInfo]) -> Error {
    let mut names: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    names.extend(
        docs.iter()
            .filter_map(|d| d.id.split_once('.').map(|(f, _)| f)),
    );
    let e = Error::new(msg!("error.rule.unknown", id = wanted));
    let best = names
        .iter()
        .map(|c| (strsim::jaro_winkler(wanted, c), *c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((_, best)) => e.with_help(msg!("error.did-you-mean", best = best)),
        None => e.with_help(msg!("error.rules-list")),
    }
}

fn explain(d: &RuleInfo, severity: &str, linter: &Linter) -> String {
    let locale = linter.locale();
    let mut s = String::new();
    let pack = d
        .origin
        .strip_prefix("<builtin pack ")
        .and_then(|p| p.strip_suffix('>'));
    let origin = match pack {
        _ if d.origin == "built-in" => tr(locale, "indbygget", "built-in").to_string(),
        Some(p) => linter.message_with("output.from-pack", &[("pack", Arg::from(p))]),
        None => d.origin.clone(),
    };
    let _ = writeln!(s, "{} — {severity} ({origin})", d.id);
    if !d.enabled {
        let _ = writeln!(
            s,
            "{}",
            tr(
                locale,
                "Slået fra i denne retningslinje.",
                "Disabled by this guideline."
            )
        );
    }
    if let Some(route) = &d.route {
        let route = linter.role_name(route);
        let _ = writeln!(s, "{}: {route}", tr(locale, "Sendes til", "Routed to"));
    }
    let _ = writeln!(s, "\n{}\n", d.summary.trim());
    let explain = d.explanation.trim();
    if explain != d.summary.trim() {
        let _ = writeln!(s, "{explain}\n");
    }
    if !d.options.is_empty() {
        let _ = writeln!(
            s,
            "{} [rules.\"{}\"]:",
            tr(locale, "Indstillinger under", "Options under"),
            d.id
        );
        for o in &d.options {
            if o.value.is_empty() {
                let _ = writeln!(s, "  {}: {}", o.name, o.doc);
            } else {
                let _ = writeln!(s, "  {} = {}: {}", o.name, o.value, o.doc);
            }
        }
        s.push('\n');
    }
    if !d.examples.is_empty() {
        let _ = writeln!(s, "{}", tr(locale, "Eksempler:", "Examples:"));
        for e in d.examples.iter().filter(|e| e.bad) {
            let _ = writeln!(s, "  ✗ {}", e.text.trim());
            condition(&mut s, e, linter);
        }
        for e in d.examples.iter().filter(|e| !e.bad) {
            let _ = writeln!(s, "  ✓ {}", e.text.trim());
            condition(&mut s, e, linter);
        }
    }
    s
}
