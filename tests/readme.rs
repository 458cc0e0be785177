//! The README's guideline example is a complete, valid guideline, and it does what it says.

use postlint::{Date, Guideline, Linter, Post, Severity};

fn readme_guideline() -> String {
    let readme = include_str!("../README.md");
    let start = readme.find("```toml\n").expect("README has a toml block") + "```toml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    readme[start..end].to_string()
}

fn toml_blocks() -> Vec<String> {
    let readme = include_str!("../README.md");
    readme
        .split("```toml\n")
        .skip(1)
        .map(|b| b[..b.find("```").unwrap()].to_string())
        .collect()
}

#[test]
fn every_readme_toml_block_is_a_valid_guideline() {
    let blocks = toml_blocks();
    assert!(blocks.len() >= 2);
    for b in blocks {
        Guideline::from_toml(&b, "README.md").unwrap_or_else(|e| panic!("{e}\n{b}"));
    }
}

#[test]
fn the_readme_platform_overrides_work() {
    let g = Guideline::from_toml(&toml_blocks()[1], "README.md").unwrap();
    let linter = Linter::new(g).unwrap();
    let x = linter.platform("x").unwrap();
    assert_eq!(x.limit, 25_000);
    assert!(linter.platform("intranet").is_some());
    let report = linter.check(&Post::new("Hej med jer"));
    // The signature counts toward LinkedIn's length.
    assert!(report.platforms[0].length > "Hej med jer".len());
}

#[test]
fn the_readme_guideline_loads_and_works() {
    let g =
        Guideline::from_toml(&readme_guideline(), "README.md").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(g.locale(), Some(postlint::Locale::DA));
    let linter = Linter::new(g).unwrap();
    let text =
        "Se https://intranet.falck.dk/nyt – Nordlys kommer snart, og vores personale glæder sig.";
    let report = linter.check(&Post::new(text).date(Date::new(2027, 1, 10).unwrap()));
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
    assert!(rules.contains(&"falck.internal-url"), "{rules:?}");
    assert!(rules.contains(&"confidential.term"), "{rules:?}");
    assert!(rules.contains(&"falck.staff"), "{rules:?}");
    let embargo = report
        .findings
        .iter()
        .find(|f| f.rule == "confidential.term")
        .unwrap();
    assert_eq!(embargo.message, "Nordlys er under embargo til lanceringen.");
    assert_eq!(embargo.severity, Severity::Error);
    let after =
        linter.check(&Post::new("Nordlys er lanceret!").date(Date::new(2027, 1, 15).unwrap()));
    assert!(after.findings.iter().all(|f| f.rule != "confidential.term"));
}
