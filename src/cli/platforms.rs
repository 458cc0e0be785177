//! `postlint platforms`: the platform profiles in force (built-in, with the guideline's
//! overrides), with their length limit and counting unit.

use super::args::{ListFormat, PlatformsArgs};
use super::{linter_for, tr, write_stdout, Error};
use postlint::{Locale, Unit};
use serde_json::json;
use std::fmt::Write as _;
use std::process::ExitCode;

/// Runs `postlint platforms`.
pub fn run(args: &PlatformsArgs) -> Result<ExitCode, Error> {
    // The linter applies the guideline's `[platforms.NAME]` overrides to the built-ins.
    let linter = linter_for(&args.guideline)?;
    let locale = linter.locale();
    let profiles: Vec<_> = linter.platforms().collect();
    let out = match args.format {
        ListFormat::Json => {
            let list: Vec<_> = profiles
                .iter()
                .map(|p| json!({"name": p.name, "limit": p.limit, "unit": p.unit}))
                .collect();
            let mut s = serde_json::to_string_pretty(&list).unwrap_or_default();
            s.push('\n');
            s
        }
        ListFormat::Human => {
            let width = profiles
                .iter()
                .map(|p| p.name.len())
                .max()
                .unwrap_or(0)
                .max(8);
            let mut s = String::new();
            let (name, limit, unit) = (
                tr(locale, "PLATFORM", "PLATFORM"),
                tr(locale, "GRÆNSE", "LIMIT"),
                tr(locale, "ENHED", "UNIT"),
            );
            let _ = writeln!(s, "{name:width$}  {limit:>6}  {unit}");
            for p in &profiles {
                let _ = writeln!(
                    s,
                    "{:width$}  {:>6}  {}",
                    p.name,
                    p.limit,
                    unit_name(p.unit, locale)
                );
            }
            s
        }
    };
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// How a unit is counted, in words.
fn unit_name(unit: Unit, locale: Locale) -> &'static str {
    match unit {
        Unit::Weighted => tr(locale, "vægtede tegn (X)", "weighted characters (X)"),
        Unit::Graphemes => tr(locale, "tegn (grafemer)", "characters (graphemes)"),
        Unit::Utf16 => tr(locale, "UTF-16-enheder", "UTF-16 code units"),
        Unit::Chars => tr(locale, "Unicode-tegn", "Unicode scalar values"),
        Unit::Bytes => tr(locale, "bytes (UTF-8)", "bytes (UTF-8)"),
        _ => unit.name(),
    }
}
