//! One fixture per rule, with the human output snapshot-tested (in the style of ruff's
//! per-rule fixtures).
//!
//! `fixtures/rules/<rule-id>.txt` is a short post that triggers the rule;
//! `fixtures/rules/<rule-id>.snap` is what `postlint check --select <rule-id>` prints for it,
//! once with Danish and once with English messages, so a reviewer sees both wordings.
//! Every rule `postlint rules` lists must have a fixture, and each fixture must trigger its
//! rule. `UPDATE_SNAPSHOTS=1 cargo test --test rule_snapshots` rewrites the snapshots — review
//! the diff by eye before committing.

use postlint::{Guideline, Linter, Options, Post};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

const DATE: &str = "2026-11-27";
const GUIDELINE: &str = "fixtures/guidelines/falck.toml";

/// The guideline a rule's fixture is checked with: `falck.toml`, except where a rule cannot
/// fire under it (Falck allows both languages, so a language rule needs an English-only one).
fn guideline_for(rule: &str) -> &'static str {
    match rule {
        "language.not-allowed" => "fixtures/guidelines/minimal-en.toml",
        _ => GUIDELINE,
    }
}

fn crate_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every rule id the binary lists for the fixtures' guidelines (code rules, pack rules and
/// the company's own rules).
fn listed_rules() -> Vec<String> {
    let mut ids = Vec::new();
    for config in [GUIDELINE, "fixtures/guidelines/minimal-en.toml"] {
        let out = Command::new(env!("CARGO_BIN_EXE_postlint"))
            .current_dir(crate_root())
            .args(["rules", "--format", "json", "--config", config])
            .output()
            .expect("postlint runs");
        assert!(
            out.status.success(),
            "postlint rules failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("`postlint rules --format json` is JSON");
        for rule in json.as_array().expect("a JSON array of rules") {
            let id = rule["id"]
                .as_str()
                .expect("every rule has an id")
                .to_string();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    // The library's list must agree with the binary's.
    for doc in Linter::new(Guideline::recommended()).unwrap().rules() {
        assert!(
            ids.contains(&doc.id.to_string()),
            "{} is in postlint::rules::docs but not in `postlint rules`",
            doc.id
        );
    }
    ids.sort();
    ids
}

fn args(rule: &str, locale: &str) -> Vec<String> {
    [
        "check",
        "--config",
        guideline_for(rule),
        "--date",
        DATE,
        "--locale",
        locale,
        "--select",
        rule,
        &format!("fixtures/rules/{rule}.txt"),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// The human output of both locales, as the snapshot stores it.
fn render(rule: &str) -> String {
    let mut snap = String::new();
    for locale in ["da", "en"] {
        let args = args(rule, locale);
        let out = Command::new(env!("CARGO_BIN_EXE_postlint"))
            .current_dir(crate_root())
            .args(&args)
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("FORCE_COLOR")
            .output()
            .expect("postlint runs");
        let code = out
            .status
            .code()
            .map_or("signal".to_string(), |c| c.to_string());
        writeln!(snap, "$ postlint {}", args.join(" ")).unwrap();
        writeln!(snap, "# exit code: {code}").unwrap();
        snap.push_str(&String::from_utf8_lossy(&out.stdout));
        if !out.stderr.is_empty() {
            writeln!(snap, "# stderr:").unwrap();
            snap.push_str(&String::from_utf8_lossy(&out.stderr));
        }
        if !snap.ends_with('\n') {
            snap.push('\n');
        }
        if locale == "da" {
            snap.push('\n');
        }
    }
    snap
}

fn fixture(rule: &str, ext: &str) -> PathBuf {
    crate_root()
        .join("fixtures/rules")
        .join(format!("{rule}.{ext}"))
}

#[test]
fn every_rule_has_a_fixture_that_triggers_it() {
    let rules = listed_rules();
    assert!(rules.len() >= 25, "only {} rules listed", rules.len());
    let mut missing = Vec::new();
    let mut silent = Vec::new();
    let mut linters: std::collections::BTreeMap<&str, Linter> = Default::default();
    for rule in &rules {
        let path = fixture(rule, "txt");
        let Ok(text) = std::fs::read_to_string(&path) else {
            missing.push(format!("fixtures/rules/{rule}.txt"));
            continue;
        };
        let config = guideline_for(rule);
        let linter = linters.entry(config).or_insert_with(|| {
            let guideline =
                Guideline::from_path(crate_root().join(config)).unwrap_or_else(|e| panic!("{e}"));
            let options = Options::new().date(postlint::Date::parse(DATE).unwrap());
            Linter::with_options(guideline, options).unwrap()
        });
        let post = Post::from_draft(text.as_str(), &path.display().to_string()).unwrap();
        let report = linter.check(&post);
        if !report.findings.iter().any(|f| &f.rule == rule) {
            silent.push(rule.clone());
        }
    }
    assert!(
        missing.is_empty(),
        "rules without a fixture (write a short post that triggers each):\n  {}",
        missing.join("\n  ")
    );
    assert!(
        silent.is_empty(),
        "fixtures that do not trigger their rule:\n  {}",
        silent.join("\n  ")
    );
}

#[test]
fn every_rule_fixture_matches_its_snapshot() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v != "0" && !v.is_empty());
    let mut rules: Vec<String> = std::fs::read_dir(crate_root().join("fixtures/rules"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    rules.sort();
    // The binary runs twice per rule; render them in parallel to keep the test fast.
    let rendered: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = rules
            .iter()
            .map(|rule| scope.spawn(move || render(rule)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut failures = Vec::new();
    for (rule, actual) in rules.iter().zip(rendered) {
        let path = fixture(rule, "snap");
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if actual == expected {
            continue;
        }
        if update {
            std::fs::write(&path, &actual).unwrap();
        } else if expected.is_empty() {
            failures.push(format!("{rule}: no snapshot fixtures/rules/{rule}.snap"));
        } else {
            let mut report = format!("{rule}: output differs from fixtures/rules/{rule}.snap\n");
            let (e, a): (Vec<&str>, Vec<&str>) =
                (expected.lines().collect(), actual.lines().collect());
            if let Some(i) = (0..e.len().max(a.len())).find(|&i| e.get(i) != a.get(i)) {
                writeln!(report, "  first difference at line {}:", i + 1).unwrap();
                writeln!(report, "  - {}", e.get(i).unwrap_or(&"<end of snapshot>")).unwrap();
                writeln!(report, "  + {}", a.get(i).unwrap_or(&"<end of output>")).unwrap();
            }
            writeln!(report, "--- actual ---\n{actual}").unwrap();
            failures.push(report);
        }
    }
    assert!(
        failures.is_empty(),
        "{} snapshot(s) differ (after review: UPDATE_SNAPSHOTS=1 rewrites them):\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}
