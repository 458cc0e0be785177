//! `postlint rules`: every rule the guideline has, with its severity and summary.

use super::args::{ListFormat, RulesArgs};
use super::{load_guideline, resolve_locale, tr, write_stdout};
use postlint::rules::docs;
use postlint::Error;
use serde_json::json;
use std::fmt::Write as _;
use std::process::ExitCode;

/// The rule list as JSON (`rules --format json` and the service's `GET /rules`).
pub fn rule_list_json(
    docs: &[postlint::rules::RuleDoc],
    lang: postlint::Lang,
) -> serde_json::Value {
    docs.iter()
        .map(|d| {
            json!({
                "id": d.id,
                "severity": d.severity,
                "enabled": d.enabled,
                "route": d.route,
                "origin": d.origin,
                "summary": d.summary.get(lang),
            })
        })
        .collect()
}

/// Runs `postlint rules`.
pub fn run(args: &RulesArgs) -> Result<ExitCode, Error> {
    let guideline = load_guideline(&args.guideline)?;
    let lang = resolve_locale(args.guideline.locale, &guideline);
    let docs = docs(&guideline);
    let out = match args.format {
        ListFormat::Json => {
            let list = rule_list_json(&docs, lang);
            let mut s = serde_json::to_string_pretty(&list).unwrap_or_default();
            s.push('\n');
            s
        }
        ListFormat::Human => {
            let id_width = docs
                .iter()
                .map(|d| d.id.chars().count())
                .max()
                .unwrap_or(0)
                .max(4);
            let mut s = String::new();
            let (rule, level, summary) = match lang {
                postlint::Lang::Da => ("REGEL", "NIVEAU", "BESKRIVELSE"),
                postlint::Lang::En => ("RULE", "SEVERITY", "SUMMARY"),
            };
            let _ = writeln!(s, "{rule:id_width$}  {level:8}  {summary}");
            for d in &docs {
                let off = if d.enabled {
                    String::new()
                } else {
                    format!("{} ", tr(lang, "(slået fra)", "(disabled)"))
                };
                let _ = writeln!(
                    s,
                    "{:id_width$}  {:8}  {off}{}",
                    d.id,
                    d.severity.as_str(),
                    d.summary.get(lang)
                );
            }
            s
        }
    };
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}
