//! Platforms end to end through the library API: lengths in the report, and the rules that
//! read them (`length.*`, `hashtags.*`, `mentions.*`).

use postlint::{
    Applicability, Finding, Guideline, Lang, Linter, Options, Platform, Post, Report, Severity,
};

fn linter(platforms: Vec<Platform>, locale: Lang) -> Linter {
    let options = Options::new()
        .platforms(platforms)
        .locale(locale.into())
        .select(["length", "hashtags", "mentions"]);
    Linter::with_options(Guideline::recommended(), options).unwrap()
}

fn findings<'r>(report: &'r Report, rule: &str) -> Vec<&'r Finding> {
    report.findings.iter().filter(|f| f.rule == rule).collect()
}

/// 301 weighted characters on X: a greeting with an emoji (2), a URL (23 whatever its
/// length) and Danish letters (1 each).
fn post_301() -> String {
    let head = "Hej 👋 https://www.falck.dk/job/ambulancebehandler-vejle-2026 ";
    // "Hej " 4 + emoji 2 + space 1 + URL 23 + space 1 = 31.
    format!("{head}{}", "ø".repeat(270))
}

#[test]
fn x_over_limit_with_the_numbers() {
    let text = post_301();
    let l = linter(
        vec![Platform::new("x"), Platform::new("linkedin")],
        Lang::Da,
    );
    let report = l.check(&Post::new(text.as_str()));
    let over = findings(&report, "length.over-limit");
    assert_eq!(over.len(), 1, "only X is over: {:?}", report.findings);
    let f = over[0];
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        f.message,
        "For langt til X: 301 af 280 tegn – forkort med 21 tegn."
    );
    // The span runs from where the limit is passed to the end of the post: the text before
    // it fits in 280, and the 21 characters over are exactly what it covers.
    assert_eq!(f.span.end, text.len());
    let before = &text[..f.span.start];
    assert_eq!(l.check(&Post::new(before)).platforms[0].length, 280);
    assert_eq!(text[f.span.start..].chars().count(), 21);
    assert_eq!(f.suggestions[0].applicability, Applicability::Display);

    let en = linter(vec![Platform::new("x")], Lang::En).check(&Post::new(text.as_str()));
    assert_eq!(
        findings(&en, "length.over-limit")[0].message,
        "Too long for X: 301 of 280 characters – cut 21 characters."
    );
}

#[test]
fn report_platforms_in_json() {
    let text = post_301();
    let report = linter(
        vec![Platform::new("x"), Platform::new("linkedin")],
        Lang::En,
    )
    .check(&Post::new(text.as_str()));
    let json = serde_json::to_value(&report.platforms).unwrap();
    assert_eq!(
        json,
        serde_json::json!([
            {"name": "x", "length": 301, "limit": 280, "unit": "weighted"},
            {"name": "linkedin", "length": text.encode_utf16().count(), "limit": 3000, "unit": "utf16"},
        ])
    );
}

#[test]
fn exactly_at_the_limit_is_fine() {
    let text = format!("{}{}", "a".repeat(278), "😀");
    let report = linter(vec![Platform::new("x")], Lang::En).check(&Post::new(text.as_str()));
    assert_eq!(report.platforms[0].length, 280);
    assert!(findings(&report, "length.over-limit").is_empty());
    let text = format!("{}{}", "a".repeat(279), "😀");
    let report = linter(vec![Platform::new("x")], Lang::En).check(&Post::new(text.as_str()));
    assert_eq!(report.platforms[0].length, 281);
    assert_eq!(findings(&report, "length.over-limit").len(), 1);
}

#[test]
fn bluesky_byte_limit_says_bytes() {
    // 150 family emoji: 150 graphemes, 3,750 bytes.
    let text = "👨‍👩‍👧‍👦".repeat(150);
    let report = linter(vec![Platform::new("bluesky")], Lang::En).check(&Post::new(text.as_str()));
    let f = findings(&report, "length.over-limit");
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message
            .contains("3,750 of 3,000 bytes – cut 750 bytes"),
        "{}",
        f[0].message
    );
    assert!(text.is_char_boundary(f[0].span.start) && f[0].span.start <= 3000);
}

#[test]
fn x_invalid_character_has_a_safe_fix() {
    let text = "Hej\u{FEFF} alle sammen";
    let report = linter(vec![Platform::new("x")], Lang::Da).check(&Post::new(text));
    let f = findings(&report, "length.over-limit");
    assert_eq!(f.len(), 1);
    assert!(f[0].message.contains("U+FEFF"), "{}", f[0].message);
    assert_eq!(f[0].suggestions[0].applicability, Applicability::Safe);
    let fixed = report.apply_fixes(text, Applicability::Safe);
    assert_eq!((fixed.text.as_str(), fixed.applied), ("Hej alle sammen", 1));
}

#[test]
fn without_platforms_only_the_platform_free_parts_run() {
    let text = format!(
        "{} #ønskejobiaarhus @a @b @c @d @e @f @g @h @i @j @k",
        "Lang tekst. ".repeat(40)
    );
    let report = linter(vec![], Lang::Da).check(&Post::new(text.as_str()));
    assert!(report.platforms.is_empty());
    assert!(findings(&report, "length.over-limit").is_empty());
    assert!(findings(&report, "length.fold").is_empty());
    assert!(findings(&report, "hashtags.too-many").is_empty());
    let casing = findings(&report, "hashtags.casing");
    assert_eq!(casing.len(), 1);
    assert_eq!(
        casing[0].suggestions[0].edits[0].replacement,
        "#ØnskejobIAarhus"
    );
    assert_eq!(findings(&report, "mentions.too-many").len(), 1);
}

#[test]
fn hidden_disclosure_on_two_platforms_is_one_finding() {
    let guideline = Guideline::from_toml(
        "[company]\nnames = [\"Falck\"]\nproducts = [\"Falck Healthcare\"]\ndisclosures = [\"#FalckAnsat\"]",
        "test.toml",
    )
    .unwrap();
    let options = Options::new()
        .platforms(["linkedin", "instagram"])
        .select(["length.fold"])
        .locale(postlint::Locale::DA);
    let l = Linter::with_options(guideline, options).unwrap();
    let text = "Kan I huske sundhedstjekket for chaufførerne? Jeg kan varmt anbefale Falck \
Healthcare, hvis jeres virksomhed overvejer noget lignende. Det tog en halv time pr. person, og \
flere af mine kolleger fik en god snak om søvn og skiftende vagter.\n\n#FalckAnsat";
    let report = l.check(&Post::new(text));
    let hidden: Vec<&Finding> = findings(&report, "length.fold")
        .into_iter()
        .filter(|f| f.message.contains("#FalckAnsat"))
        .collect();
    assert_eq!(hidden.len(), 1, "{:?}", report.findings);
    assert_eq!(hidden[0].severity, Severity::Warning, "a product is named");
    assert!(hidden[0]
        .message
        .contains("LinkedIn (ca. 210) og Instagram (ca. 125)"));
    assert_eq!(
        &text[hidden[0].span.start..hidden[0].span.end],
        "#FalckAnsat"
    );
    // Moved up, it is fine.
    let moved = format!(
        "#FalckAnsat {}",
        &text[..text.len() - "\n\n#FalckAnsat".len()]
    );
    let report = l.check(&Post::new(moved.as_str()));
    assert!(
        findings(&report, "length.fold")
            .iter()
            .all(|f| !f.message.contains("#FalckAnsat")),
        "{:?}",
        report.findings
    );
}

#[test]
fn instagram_hashtag_cap_is_an_error() {
    let tags: Vec<String> = (0..32).map(|i| format!("#tag{i}")).collect();
    let text = format!("Sommer på stationen.\n{}", tags.join(" "));
    let report = linter(
        vec![Platform::new("instagram"), Platform::new("linkedin")],
        Lang::En,
    )
    .check(&Post::new(text.as_str()));
    // One finding per platform: Instagram's hard cap (an error, at the 31st hashtag) and
    // LinkedIn's recommendation (a warning, from the 6th).
    let f = findings(&report, "hashtags.too-many");
    assert_eq!(f.len(), 2, "{f:?}");
    let ig = f.iter().find(|f| f.message.contains("Instagram")).unwrap();
    assert_eq!(ig.severity, Severity::Error);
    assert!(
        ig.message.contains("Instagram allows at most 30"),
        "{}",
        ig.message
    );
    assert_eq!(&text[ig.span.start..ig.span.end], "#tag30 #tag31");
    let li = f.iter().find(|f| f.message.contains("LinkedIn")).unwrap();
    assert_eq!(li.severity, Severity::Warning);
    assert!(text[li.span.start..].starts_with("#tag5 "));
}

/// Hand-worked weighted lengths on X (twitter-text v3): each case's expected count is worked
/// out in the comment, not copied from the implementation.
#[test]
fn x_weighted_length_table() {
    let x = Linter::with_options(Guideline::empty(), Options::new().platforms(["x"])).unwrap();
    let measure = |text: &str| x.check(&Post::new(text)).platforms[0].clone();
    let cases: &[(&str, usize, &str)] = &[
        ("Hej", 3, "ASCII: 1 each"),
        (
            "Blåbærgrød",
            10,
            "Danish letters are in U+0000–10FF: 1 each",
        ),
        ("👨‍👩‍👧‍👦", 2, "ZWJ family of 7 code points: one emoji, 2"),
        ("🇩🇰", 2, "flag: two regional indicators, 2"),
        ("Tak 🇩🇰!", 7, "4 + flag 2 + 1"),
        ("日本", 4, "CJK: 2 each"),
        (
            "https://falck.dk/job?id=123456789",
            23,
            "URL with scheme: 23",
        ),
        (
            "falck.dk/job/ambulance",
            23,
            "URL without scheme but with a path: 23",
        ),
        (
            "falck.dk",
            23,
            "bare ccTLD domain: linked (twitter-text's suite extracts `it.so`, `twitter.jp`)",
        ),
        (
            "http://intranet/wiki",
            20,
            "a host without a TLD is not linked: as text",
        ),
        ("a\u{200E}b", 4, "LRM U+200E is outside 2000–200D: 2"),
        ("a\u{200F}b", 4, "RLM U+200F: 2"),
        ("a\u{200D}b", 3, "ZWJ U+200D on its own is in 2000–200D: 1"),
    ];
    for (text, want, why) in cases {
        let got = measure(text).length;
        assert_eq!(got, *want, "{text:?}: {why}");
    }
    // 280 vs 281, built from a URL, an emoji and letters: 23 + 1 + 2 + 1 + 253 = 280.
    let at = format!("https://falck.dk/job 😀 {}", "a".repeat(253));
    assert_eq!(measure(&at).length, 280);
    let over = format!("{at}ø");
    let l = measure(&over);
    assert_eq!((l.length, l.is_over()), (281, true));
}
