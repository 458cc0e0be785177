//! Every rule carries examples: bad texts must trigger it, good texts must not. This test runs
//! all of them — the built-in code rules' examples and every example of every built-in pack.

use postlint::rules::registry;
use postlint::{Date, Guideline, Linter, Options, Post};

fn fires(linter: &Linter, rule: &str, text: &str, date: Date) -> bool {
    let report = linter.check(&Post::new(text).date(date));
    report.findings.iter().any(|f| f.rule == rule)
}

#[test]
fn code_rule_examples() {
    let mut failures = Vec::new();
    let mut count = 0;
    for meta in registry::all() {
        assert!(
            meta.examples.iter().any(|e| e.bad) && meta.examples.iter().any(|e| !e.bad),
            "{} needs at least one bad and one good example",
            meta.id
        );
        for ex in meta.examples {
            count += 1;
            let guideline = Guideline::from_toml(ex.guideline, "example.toml")
                .unwrap_or_else(|e| panic!("{}: example guideline: {e}", meta.id));
            let options = Options {
                select: vec![meta.id.to_string()],
                ..Options::default()
            };
            let linter = Linter::with_options(guideline, options).unwrap();
            let date = Date::parse(ex.date).unwrap_or(Date::new(2026, 6, 1).unwrap());
            if fires(&linter, meta.id, ex.text, date) != ex.bad {
                failures.push(format!(
                    "{} {} example: {:?}",
                    meta.id,
                    if ex.bad { "bad" } else { "good" },
                    ex.text
                ));
            }
        }
    }
    assert!(count >= 18, "only {count} code-rule examples");
    assert!(
        failures.is_empty(),
        "{} failing examples:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn pack_rule_examples() {
    let date = Date::new(2026, 6, 1).unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for pack in postlint::builtin_packs() {
        let guideline =
            Guideline::builtin(pack).unwrap_or_else(|| panic!("pack {pack} does not load"));
        for rule in &guideline.rules {
            assert!(
                !rule.examples.bad.is_empty() && !rule.examples.good.is_empty(),
                "{pack}: {} needs bad and good examples",
                rule.id
            );
            let options = Options {
                select: vec![rule.id.clone()],
                ..Options::default()
            };
            let linter = Linter::with_options(guideline.clone(), options).unwrap();
            for (text, bad) in rule
                .examples
                .bad
                .iter()
                .map(|t| (t, true))
                .chain(rule.examples.good.iter().map(|t| (t, false)))
            {
                count += 1;
                if fires(&linter, &rule.id, text, date) != bad {
                    failures.push(format!(
                        "{pack}: {} {} example: {text:?}",
                        rule.id,
                        if bad { "bad" } else { "good" }
                    ));
                }
            }
        }
    }
    assert!(count >= 40, "only {count} pack examples");
    assert!(
        failures.is_empty(),
        "{} failing examples:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
