//! `postlint platforms`: the platform profiles in force (built-in, with the guideline's
//! overrides), with their length limit and counting unit.

use super::args::{ListFormat, PlatformsArgs};
use super::{load_guideline, resolve_locale, tr, write_stdout};
use postlint::platform::Unit;
use postlint::{Error, Linter};
use serde_json::json;
use std::fmt::Write as _;
use std::process::ExitCode;

/// Runs `postlint platforms`.
pub fn run(args: &PlatformsArgs) -> Result<ExitCode, Error> {
    let guideline = load_guideline(&args.guideline)?;
    let lang = resolve_locale(args.guideline.locale, &guideline);
    // The linter applies the guideline's `[platforms.NAME]` overrides to the built-ins.
    let linter = Linter::new(guideline)?;
    let profiles: Vec<_> = linter.profiles().iter().collect();
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
                tr(lang, "PLATFORM", "PLATFORM"),
                tr(lang, "GRÆNSE", "LIMIT"),
                tr(lang, "ENHED", "UNIT"),
            );
            let _ = writeln!(s, "{name:width$}  {limit:>6}  {unit}");
            for p in &profiles {
                let _ = writeln!(
                    s,
                    "{:width$}  {:>6}  {}",
                    p.name,
                    p.limit,
                    unit_name(p.unit, lang)
                );
            }
            s
        }
    };
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// How a unit is counted, in words.
fn unit_name(unit: Unit, lang: postlint::Lang) -> &'static str {
    match unit {
        Unit::Weighted => tr(lang, "vægtede tegn (X)", "weighted characters (X)"),
        Unit::Graphemes => tr(lang, "tegn (grafemer)", "characters (graphemes)"),
        Unit::Utf16 => tr(lang, "UTF-16-enheder", "UTF-16 code units"),
        Unit::Chars => tr(lang, "Unicode-tegn", "Unicode scalar values"),
        Unit::Bytes => tr(lang, "bytes (UTF-8)", "bytes (UTF-8)"),
    }
}
