//! The library never panics on any text: generated strings of random Unicode, combining marks,
//! emoji sequences, RTL text and control characters. Every span lies on char boundaries inside
//! the text, and applying the safe fixes twice gives the same text as applying them once.

use postlint::{Applicability, Date, Guideline, Linter, Options, Post, Report};
use proptest::prelude::*;
use std::sync::OnceLock;

fn linter() -> &'static Linter {
    static L: OnceLock<Linter> = OnceLock::new();
    L.get_or_init(|| {
        let g = Guideline::from_toml(
            r##"
extends = ["recommended"]
[company]
names = ["Falck"]
products = ["Falck Assistance"]
competitors = ["Konkurrent A/S"]
disclosures = ["#FalckAnsat"]
[[confidential]]
terms = ["Nordlys", "Project Aurora"]
[[rule]]
id = "acme.words"
kind = "substitute"
replace = { "personale" = "medarbejdere", "utilize" = "use" }
fix = "safe"

# Every data rule kind, with safe fixes where the kind has them; and substitutions whose
# replacement contains the word they replace (the ones that grew without end).
[[rule]]
id = "acme.name"
kind = "substitute"
replace = { "Falck" = "Falck A/S", "team" = "teamet team" }
fix = "safe"
[[rule]]
id = "acme.terms"
kind = "terms"
terms = ["synergi", "game changer"]
[[rule]]
id = "acme.pattern"
kind = "pattern"
pattern = '[0-9]{3,}'
[[rule]]
id = "acme.require"
kind = "require"
terms = ["vi søger"]
require = ["#FalckAnsat"]
[[rule]]
id = "acme.near"
kind = "near"
terms = ["Falck"]
near = ["rabat"]
distance = 3
[[rule]]
id = "acme.limit"
kind = "limit"
pattern = '!'
max = 1
"##,
            "robust.toml",
        )
        .unwrap();
        let options = Options::new()
            .platforms(["x", "linkedin", "bluesky", "mastodon", "instagram"])
            .date(Date::new(2026, 6, 1).unwrap());
        Linter::with_options(g, options).unwrap()
    })
}

/// Pieces real and hostile posts are made of.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,20}",
        Just("Nordlyset ".to_string()),
        Just("personale ".to_string()),
        Just("Falck ".to_string()),
        Just("Falck A/S ".to_string()),
        Just("team ".to_string()),
        Just("𝐁𝐨𝐥𝐝 ".to_string()),
        Just("https://acme.dk/𝐁𝐨𝐥𝐝 ".to_string()),
        Just("navn@firma.dk ".to_string()),
        Just("vi søger ".to_string()),
        Just("Personale".to_string()),
        Just("KØB NU!!! 50 % rabat ".to_string()),
        Just("https://bit.ly/x?utm_source=li&fbclid=1 ".to_string()),
        Just("#ønskejobiaarhus ".to_string()),
        Just("@falck ".to_string()),
        Just("$NOVO ".to_string()),
        Just("👨‍👩‍👧‍👦🇩🇰1️⃣👍🏽".to_string()),
        Just("e\u{301}\u{302}\u{303}".to_string()),
        Just("مرحبا بالعالم \u{200F}\u{202E}".to_string()),
        Just("\u{0}\u{FEFF}\u{FFFE}\u{FFFF}\u{AD}\u{200D}".to_string()),
        Just("\r\n\n\t ".to_string()),
        Just("𝐁𝐞𝐬𝐭 ｒａｂａｔ Ⓐ".to_string()),
        Just("+++\nplatforms = [\"x\"]\n+++\n".to_string()),
        Just("İstanbul ß ﬁ".to_string()),
    ]
}

fn post_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..12).prop_map(|v| v.concat())
}

fn check_spans(text: &str, report: &Report) {
    for f in &report.findings {
        assert!(
            f.span.start <= f.span.end && f.span.end <= text.len(),
            "{f:?}"
        );
        assert!(
            text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end),
            "{f:?}"
        );
        for s in &f.suggestions {
            for e in &s.edits {
                assert!(e.start <= e.end && e.end <= text.len());
                assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
            }
        }
    }
    for list in [
        &report.entities.hashtags,
        &report.entities.mentions,
        &report.entities.urls,
        &report.entities.cashtags,
    ] {
        for e in list {
            assert!(e.start <= e.end && e.end <= text.len());
            assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        }
    }
}

fn fix_once(text: &str) -> String {
    let report = linter().check(&Post::new(text));
    report.apply_fixes(text, Applicability::Safe).text
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_spans_are_sound(text in post_text()) {
        let report = linter().check(&Post::new(text.as_str()));
        check_spans(&text, &report);
        if let Ok(post) = Post::from_draft(text.as_str(), "gen.txt") {
            let report = linter().check(&post);
            check_spans(&text, &report);
        }
    }

    #[test]
    fn safe_fixes_converge(text in post_text()) {
        let once = fix_once(&text);
        let twice = fix_once(&once);
        prop_assert_eq!(once, twice);
    }
}

#[test]
fn huge_and_degenerate_posts() {
    let l = linter();
    for text in [
        String::new(),
        "   \n\t  ".to_string(),
        "\0".repeat(1000),
        "Nordlys personale rabat! ".repeat(200_000), // 5 MB
        "🇩🇰".repeat(10_000),
        format!("https://example.com/{}", "a".repeat(5000)),
        format!("#{}", "ø".repeat(1000)),
        "\\uD800 \\uDFFF \u{10FFFF} \u{E0001}".to_string(),
    ] {
        let report = l.check(&Post::new(text.as_str()));
        check_spans(&text, &report);
    }
    let empty = l.check(&Post::new(""));
    assert!(empty.findings.is_empty());
    assert_eq!(empty.verdict, postlint::Verdict::Pass);
}

/// Two substitutions that undo each other never settle: `Linter::fix` says so, naming both
/// rules, instead of returning a half-fixed text (issue 7: `fix::converge` wrote whatever
/// the fourth round left).
#[test]
fn fixes_that_do_not_settle_are_an_error() {
    let g = Guideline::from_toml(
        "[[rule]]\nid = \"acme.a\"\nkind = \"substitute\"\nreplace = { \"kunde\" = \"klient\" }\nfix = \"safe\"\n[[rule]]\nid = \"acme.b\"\nkind = \"substitute\"\nreplace = { \"klient\" = \"kunde\" }\nfix = \"safe\"",
        "t.toml",
    )
    .unwrap();
    let l = Linter::new(g).unwrap();
    let e = l
        .fix(&Post::new("En glad kunde i dag."), Applicability::Safe)
        .unwrap_err();
    assert_eq!(e.kind(), postlint::ErrorKind::Fix);
    assert!(
        e.message().contains("acme.a") && e.message().contains("acme.b"),
        "{}",
        e.message()
    );
}
