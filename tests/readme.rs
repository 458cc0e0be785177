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
    let block = toml_blocks()
        .into_iter()
        .find(|b| b.contains("[platforms.x]"))
        .expect("the README's platforms block");
    let g = Guideline::from_toml(&block, "README.md").unwrap();
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
    // The embargo lifts at 08:00 Copenhagen time on 15 January.
    let at = |moment: &str| {
        let post = Post::new("Nordlys er lanceret!").date(postlint::Moment::parse(moment).unwrap());
        linter
            .check(&post)
            .findings
            .iter()
            .any(|f| f.rule == "confidential.term")
    };
    assert!(at("2027-01-15"));
    assert!(at("2027-01-15T06:59:00Z"));
    assert!(!at("2027-01-15T08:00"));
    assert!(!at("2027-01-16"));
}

/// The block after the first line of the README that starts with `fence`, dedented.
fn fenced(fence: &str) -> String {
    let readme = include_str!("../README.md");
    let start = readme
        .lines()
        .position(|l| l.trim_start().starts_with(fence))
        .unwrap_or_else(|| panic!("README has no {fence} block"));
    let lines: Vec<&str> = readme.lines().skip(start).collect();
    let indent = lines[0].len() - lines[0].trim_start().len();
    lines[1..]
        .iter()
        .take_while(|l| l.trim() != "```")
        .map(|l| l.get(indent..).unwrap_or("").to_string() + "\n")
        .collect()
}

/// "Adding a rule" shows real code: the Rust block is the rule's own file, the catalogue block
/// its own words, and the files and the registry line it names exist.
#[test]
fn the_adding_a_rule_guide_shows_the_real_files() {
    let rule = fenced("```rust,ignore");
    let source = include_str!("../src/rules/competitor/mention.rs");
    assert!(
        source.contains(&rule),
        "README's code-rule example is not src/rules/competitor/mention.rs any more:\n{rule}"
    );
    let words = fenced("```toml (rules/catalog/competitor/mention.toml)");
    let catalog = include_str!("../rules/catalog/competitor/mention.toml");
    assert!(
        catalog.contains(&words),
        "README's catalogue example is not rules/catalog/competitor/mention.toml any more:\n{words}"
    );
    let registry = include_str!("../src/rules/mod.rs");
    assert!(registry.contains("&competitor::mention::META,"));
    assert!(include_str!("../src/rules/competitor/mod.rs").contains("pub(crate) mod mention;"));
    let readme = include_str!("../README.md");
    for path in [
        "src/rules/sales/score.rs",
        "tests/examples.rs",
        "rules/recommended.toml",
        "rules/platforms.toml",
        "fixtures/rules/competitor.mention.txt",
    ] {
        assert!(readme.contains(path), "the guide no longer names {path}");
        assert!(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(path)
                .exists(),
            "the guide names {path}, which does not exist"
        );
    }
}

/// The guide's data rule is a complete rule whose examples do what they say.
#[test]
fn the_adding_a_rule_data_example_works() {
    let block = toml_blocks()
        .into_iter()
        .find(|b| b.contains("acme.superlatives"))
        .expect("the guide's data rule");
    let linter = Linter::new(Guideline::from_toml(&block, "README.md").unwrap()).unwrap();
    let info = linter.rule("acme.superlatives").unwrap();
    assert_eq!(info.examples.len(), 2);
    for ex in &info.examples {
        let fired = linter
            .check(&Post::new(ex.text.as_str()))
            .findings
            .iter()
            .any(|f| f.rule == "acme.superlatives");
        assert_eq!(fired, ex.bad, "{:?}", ex.text);
    }
}
