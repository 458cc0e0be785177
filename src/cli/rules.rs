//! `postlint rules`: every rule the guideline has, with its severity and summary.

use super::args::{ListFormat, RulesArgs};
use super::{linter_for, tr, write_stdout, Error};
use postlint::Linter;
use serde_json::json;
use std::fmt::Write as _;
use std::process::ExitCode;

/// The rule list as JSON (`rules --format json` and the service's `GET /rules`).
pub fn rule_list_json(linter: &Linter) -> serde_json::Value {
    linter
        .rules()
        .iter()
        .map(|d| {
            json!({
                "id": d.id,
                "severity": d.severity,
                "enabled": d.enabled,
                "route": d.route,
                "origin": d.origin,
                "summary": d.summary,
            })
        })
        .collect()
}

/// Runs `postlint rules`.
pub fn run(args: &RulesArgs) -> Result<ExitCode, Error> {
    let linter = linter_for(&args.guideline)?;
    let locale = linter.locale();
    let out = match args.format {
        ListFormat::Json => {
            let mut s = serde_json::to_string_pretty(&rule_list_json(&linter)).unwrap_or_default();
            s.push('\n');
            s
        }
        ListFormat::Human => {
            let docs = linter.rules();
            let id_width = docs
                .iter()
                .map(|d| d.id.chars().count())
                .max()
                .unwrap_or(0)
                .max(4);
            let mut s = String::new();
            let (rule, level, summary) = (
                tr(locale, "REGEL", "RULE"),
                tr(locale, "NIVEAU", "SEVERITY"),
                tr(locale, "BESKRIVELSE", "SUMMARY"),
            );
            let _ = writeln!(s, "{rule:id_width$}  {level:8}  {summary}");
            for d in &docs {
                let off = if d.enabled {
                    String::new()
                } else {
                    format!("{} ", tr(locale, "(slået fra)", "(disabled)"))
                };
                let level = linter.message(&format!("severity.{}", d.severity));
                let _ = writeln!(s, "{:id_width$}  {level:8}  {off}{}", d.id, d.summary);
            }
            s
        }
    };
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}
