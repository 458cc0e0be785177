//! Every rule carries examples: bad texts must trigger it, good texts must not. This test runs
//! all of them — the built-in code rules' examples (from their catalogue files) and every
//! example of every built-in pack — through the public API.

use postlint::{Date, Guideline, Linter, Options, Post};

fn fires(linter: &Linter, rule: &str, text: &str, date: Date) -> bool {
    let report = linter.check(&Post::new(text).date(date));
    report.findings.iter().any(|f| f.rule == rule)
}

/// The default day of an example without one.
const DAY: Date = Date {
    year: 2026,
    month: 6,
    day: 1,
};

#[test]
fn code_rule_examples() {
    let mut failures = Vec::new();
    let mut count = 0;
    let all = Linter::new(Guideline::empty()).unwrap();
    for info in all.rules() {
        assert!(
            info.examples.iter().any(|e| e.bad) && info.examples.iter().any(|e| !e.bad),
            "{} needs at least one bad and one good example",
            info.id
        );
        for ex in &info.examples {
            count += 1;
            let toml = ex.guideline.clone().unwrap_or_default();
            let guideline = Guideline::from_toml(&toml, "example.toml")
                .unwrap_or_else(|e| panic!("{}: example guideline: {e}", info.id));
            let options = Options::new().select([info.id.as_str()]);
            let linter = Linter::with_options(guideline, options).unwrap();
            if fires(&linter, &info.id, &ex.text, ex.date.unwrap_or(DAY)) != ex.bad {
                failures.push(format!(
                    "{} {} example: {:?}",
                    info.id,
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
    let mut failures = Vec::new();
    let mut count = 0;
    for pack in postlint::builtin_packs() {
        let guideline =
            Guideline::builtin(pack).unwrap_or_else(|| panic!("pack {pack} does not load"));
        let linter = Linter::new(guideline.clone()).unwrap();
        for rule in linter
            .rules()
            .into_iter()
            .filter(|r| r.origin != "built-in")
        {
            assert!(
                rule.examples.iter().any(|e| e.bad) && rule.examples.iter().any(|e| !e.bad),
                "{pack}: {} needs bad and good examples",
                rule.id
            );
            let options = Options::new().select([rule.id.as_str()]);
            let linter = Linter::with_options(guideline.clone(), options).unwrap();
            for ex in &rule.examples {
                count += 1;
                if fires(&linter, &rule.id, &ex.text, ex.date.unwrap_or(DAY)) != ex.bad {
                    failures.push(format!(
                        "{pack}: {} {} example: {:?}",
                        rule.id,
                        if ex.bad { "bad" } else { "good" },
                        ex.text
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
