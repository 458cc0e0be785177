//! End to end through the library: the `links.*` and `style.*` code rules, their options, and
//! their safe fixes (applied with `Report::apply_fixes`, which must converge: fixing a fixed
//! text changes nothing).

use postlint::{Applicability, Date, Guideline, Linter, Options, Platform, Post, Report, Severity};

const COMPANY: &str = r#"
[company]
names = ["Falck", "Falck Danmark"]
domains = ["falck.dk"]
internal_hosts = ["intranet.falck.dk", "https://Wiki.Falck.net/"]
"#;

/// A linter with only `select` active, the company above plus `extra` TOML.
fn linter(select: &[&str], extra: &str) -> Linter {
    let g = Guideline::from_toml(&format!("{COMPANY}\n{extra}"), "test.toml")
        .unwrap_or_else(|e| panic!("{e}"));
    let options = Options::new()
        .select(select.iter().copied())
        .date(Date::new(2026, 11, 27).unwrap())
        .locale(postlint::Locale::EN);
    Linter::with_options(g, options).unwrap()
}

fn check(l: &Linter, text: &str) -> Report {
    l.check(&Post::new(text))
}

/// (rule, text of the span) of every finding.
fn fired(l: &Linter, text: &str) -> Vec<(String, String)> {
    check(l, text)
        .findings
        .iter()
        .map(|f| (f.rule.clone(), text[f.span.start..f.span.end].to_string()))
        .collect()
}

fn safe_fix(l: &Linter, text: &str) -> String {
    check(l, text).apply_fixes(text, Applicability::Safe).text
}

/// Applies the safe fixes once, checks that a second application changes nothing, and returns
/// the fixed text.
fn fix_converges(l: &Linter, text: &str) -> String {
    let once = safe_fix(l, text);
    let twice = safe_fix(l, &once);
    assert_eq!(once, twice, "fixing {text:?} twice differs from once");
    once
}

// ---- links.tracking --------------------------------------------------------------------------

#[test]
fn tracking_fix_removes_only_tracking_parameters() {
    let l = linter(&["links.tracking"], "");
    for (text, want) in [
        (
            "Læs mere: https://www.falck.dk/job?a=1&utm_source=x&b=2 i dag",
            "Læs mere: https://www.falck.dk/job?a=1&b=2 i dag",
        ),
        (
            "See https://example.com/story?utm_source=li.",
            "See https://example.com/story.",
        ),
        (
            "See https://example.com/story?fbclid=IwAR0&gclid=1#comments!",
            "See https://example.com/story#comments!",
        ),
        (
            "Se https://x.dk/s?q=r%C3%B8d%20bil&UTM_SOURCE=LinkedIn&mc_cid=9&mc_eid=8 og",
            "Se https://x.dk/s?q=r%C3%B8d%20bil og",
        ),
        (
            "(https://example.com/a?id=7&_hsenc=p2&_hsmi=5&mkt_tok=abc&li_fat_id=1&igshid=2)",
            "(https://example.com/a?id=7)",
        ),
        (
            "Video: https://youtu.be/abc?si=XyZ&t=42 og www.falck.dk/rapport?utm_medium=social",
            "Video: https://youtu.be/abc?t=42 og www.falck.dk/rapport",
        ),
        (
            "Copied from a page: https://example.com/a?x=1&amp;utm_source=nl&amp;y=2",
            "Copied from a page: https://example.com/a?x=1&amp;y=2",
        ),
    ] {
        assert_eq!(fix_converges(&l, text), want, "{text}");
        assert!(check(&l, want).findings.is_empty(), "{want}");
    }
}

#[test]
fn tracking_leaves_look_alikes_and_clean_links_alone() {
    let l = linter(&["links.tracking"], "");
    for text in [
        "Se https://x.dk/a?autumn=1&utmost=2&my_utm=3",
        "See https://example.com/a?si=1 (not YouTube)",
        "See https://example.com/a#utm_source=x",
        "Se falck.dk/job og https://www.falck.dk/",
    ] {
        assert!(check(&l, text).findings.is_empty(), "{text}");
        assert_eq!(safe_fix(&l, text), text);
    }
}

#[test]
fn tracking_finding_and_options() {
    let l = linter(&["links.tracking"], "");
    let text = "Se https://www.falck.dk/a?utm_source=li&utm_medium=social";
    let report = check(&l, text);
    assert_eq!(report.findings.len(), 1);
    let f = &report.findings[0];
    assert_eq!(f.severity, Severity::Info);
    assert_eq!(
        &text[f.span.start..f.span.end],
        "https://www.falck.dk/a?utm_source=li&utm_medium=social"
    );
    assert!(
        f.message.contains("utm_source, utm_medium"),
        "{}",
        f.message
    );
    assert_eq!(f.suggestions[0].applicability, Applicability::Safe);

    let l = linter(
        &["links.tracking"],
        "[rules.\"links.tracking\"]\nparams = [\"ref*\", \"campaign\"]\nkeep = [\"gclid\"]",
    );
    assert_eq!(
        fix_converges(
            &l,
            "Se https://x.dk/a?referrer=me&campaign=vinter&gclid=1&id=2 nu"
        ),
        "Se https://x.dk/a?gclid=1&id=2 nu"
    );
}

// ---- links.shortener -------------------------------------------------------------------------

#[test]
fn shortener_finds_short_links_with_and_without_scheme() {
    let l = linter(&["links.shortener"], "");
    let got = fired(
        &l,
        "Søg her: https://bit.ly/3Falck eller lnkd.in/eXb4 eller t.co/xyz og www.tinyurl.com/a",
    );
    let links: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        links,
        [
            "https://bit.ly/3Falck",
            "lnkd.in/eXb4",
            "t.co/xyz",
            "www.tinyurl.com/a"
        ]
    );
    assert!(fired(&l, "Søg her: https://www.falck.dk/job og microsoft.co/x").is_empty());
    let report = check(&l, "https://bit.ly/x");
    assert_eq!(report.findings[0].severity, Severity::Warning);
    assert_eq!(
        report.findings[0].suggestions[0].applicability,
        Applicability::Display
    );
}

#[test]
fn shortener_options_extend_and_exempt() {
    let l = linter(
        &["links.shortener"],
        "[rules.\"links.shortener\"]\nhosts = [\"go.falck.dk\"]\nallow = [\"lnkd.in\"]",
    );
    let got = fired(&l, "Se https://go.falck.dk/job, lnkd.in/abc og bit.ly/x");
    let links: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(links, ["https://go.falck.dk/job", "bit.ly/x"]);
}

// ---- links.internal --------------------------------------------------------------------------

#[test]
fn internal_links_from_the_guideline_and_built_in_patterns() {
    let l = linter(&["links.internal"], "");
    let text = "Slides: https://intranet.falck.dk/x, https://wiki.falck.net/Start, \
                https://falckgroup.sharepoint.com/sites/a, https://acme.atlassian.net/browse/X-1, \
                http://intranet/nyt, https://jira.falck.com/browse/OPS-12, \
                http://localhost:3000/demo, http://127.0.0.1/x, http://10.1.2.3/, \
                http://172.20.0.4:8080/, http://192.168.0.10/admin, https://wiki.falck.local/x";
    let got = fired(&l, text);
    assert_eq!(got.len(), 12, "{got:?}");
    assert!(got.iter().all(|(r, _)| r == "links.internal"));
    let report = check(&l, text);
    assert!(report
        .findings
        .iter()
        .all(|f| f.severity == Severity::Error));
    assert_eq!(report.verdict, postlint::Verdict::Block);
    // Public sites, public IPs and the company's own public domain are fine.
    assert!(fired(
        &l,
        "Se https://www.falck.dk/job, http://8.8.8.8/, http://172.32.0.1/ og myintranet.com/x"
    )
    .is_empty());
}

#[test]
fn internal_messages_say_why() {
    let l = linter(&["links.internal"], "");
    let report = check(
        &l,
        "http://localhost:8080/x http://192.168.1.1/ https://intranet.falck.dk/",
    );
    let messages: Vec<&str> = report.findings.iter().map(|f| f.message.as_str()).collect();
    assert!(messages[0].contains("your own computer"), "{messages:?}");
    assert!(messages[1].contains("internal network"), "{messages:?}");
    assert!(messages[2].contains("internal system"), "{messages:?}");
}

#[test]
fn internal_options() {
    let l = linter(
        &["links.internal"],
        "[rules.\"links.internal\"]\nhosts = [\"portal.falck.io\"]\nallow = [\"falckpublic.sharepoint.com\"]",
    );
    let got = fired(
        &l,
        "https://portal.falck.io/a https://falckpublic.sharepoint.com/a https://x.sharepoint.com/a",
    );
    let links: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        links,
        ["https://portal.falck.io/a", "https://x.sharepoint.com/a"]
    );
}

// ---- links.too-many --------------------------------------------------------------------------

#[test]
fn too_many_links_only_on_platforms_with_a_cap() {
    let l = linter(&["links.too-many"], "");
    let six =
        "falck.dk/a falck.dk/b https://www.falck.dk/b/ falck.dk/c falck.dk/d falck.dk/e falck.dk/f";
    let five = "falck.dk/a falck.dk/b https://www.falck.dk/b/ falck.dk/c falck.dk/d falck.dk/e";
    let on = |text: &str, p: Platform| l.check(&Post::new(text).platforms([p]));
    let r = on(six, Platform::new("threads"));
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].severity, Severity::Warning);
    assert_eq!(
        &six[r.findings[0].span.start..r.findings[0].span.end],
        "falck.dk/f"
    );
    assert!(r.findings[0].message.contains("Threads"));
    // The same link twice counts once.
    assert!(on(five, Platform::new("threads")).findings.is_empty());
    assert!(on(six, Platform::new("linkedin")).findings.is_empty());
    // Without a platform nothing is judged.
    assert!(check(&l, six).findings.is_empty());
}

#[test]
fn instagram_links_are_not_clickable() {
    let l = linter(&["links.too-many"], "");
    let r = l.check(
        &Post::new("Ny station! Se falck.dk/oelstykke").platforms([Platform::new("instagram")]),
    );
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].severity, Severity::Info);
    assert!(r.findings[0].suggestions[0].title.contains("link in bio"));
    let r = l.check(&Post::new("Ny station! Link i bio.").platforms([Platform::new("instagram")]));
    assert!(r.findings.is_empty());
}

// ---- style.fancy-text ------------------------------------------------------------------------

#[test]
fn fancy_text_fix_gives_plain_letters() {
    let l = linter(&["style.fancy-text"], "");
    for (text, want) in [
        ("𝐒𝐭𝐨𝐫 𝐝𝐚𝐠 𝐢 𝐝𝐚𝐠: ny station", "Stor dag i dag: ny station"),
        ("Vi er 𝘴𝘵𝘰𝘭𝘵𝘦 – og Ｆａｌｃｋ", "Vi er stolte – og Falck"),
        ("ᴊᴏʙ ɪ ᴀᴀʀʜᴜꜱ", "job i aarhus"),
        ("Ⓕⓐⓛⓒⓚ 🅵🅰🅻🅲🅺", "Falck FALCK"),
    ] {
        assert_eq!(fix_converges(&l, text), want, "{text}");
    }
    let report = check(&l, "𝐁𝐞𝐬𝐭 dag");
    assert_eq!(report.findings[0].severity, Severity::Warning);
    // Ordinary symbols are not fancy text.
    assert!(check(&l, "2 ℓ mælk, © 2026, æøå ÆØÅ").findings.is_empty());
}

// ---- style.exclamations ----------------------------------------------------------------------

#[test]
fn exclamation_runs_fix_to_one() {
    let l = linter(&["style.exclamations"], "");
    assert_eq!(
        fix_converges(&l, "Ny ambulance!!! Kom og se den?!! Tak."),
        "Ny ambulance! Kom og se den?! Tak."
    );
    // A `!` in a link is left alone.
    assert!(check(&l, "Se https://example.com/#!!/side nu.")
        .findings
        .is_empty());
}

#[test]
fn exclamation_share() {
    let l = linter(&["style.exclamations"], "");
    let fires = |t: &str| !check(&l, t).findings.is_empty();
    assert!(fires(
        "Vi klarede det! Ny station! Kom forbi! Der er kaffe."
    ));
    assert!(!fires(
        "Vi klarede det! Ny station. Kom forbi. Der er kaffe."
    ));
    assert!(!fires("Tillykke! Godt gået!")); // too short to judge
    let l = linter(
        &["style.exclamations"],
        "[rules.\"style.exclamations\"]\nmax_share = 0.8\nmin_sentences = 2",
    );
    assert!(
        check(&l, "Vi klarede det! Ny station! Kom forbi! Der er kaffe.")
            .findings
            .is_empty()
    );
    assert!(!check(&l, "Tillykke! Godt gået!").findings.is_empty());
}

// ---- style.shouting --------------------------------------------------------------------------

#[test]
fn shouting_but_not_acronyms() {
    let l = linter(&["style.shouting"], "");
    let shouts = |t: &str| -> Vec<String> { fired(&l, t).into_iter().map(|(_, s)| s).collect() };
    assert_eq!(
        shouts("KØB NU – KÆMPE RABAT på alt."),
        ["KØB NU – KÆMPE RABAT"]
    );
    assert_eq!(shouts("Det er SÅ FEDT, ÆØÅ!"), ["SÅ FEDT, ÆØÅ"]);
    assert_eq!(shouts("Det var FANTASTISK i dag."), ["FANTASTISK"]);
    assert_eq!(shouts("WE ARE HIRING in Aarhus"), ["WE ARE HIRING"]);
    for calm in [
        "Vores CEO og HR talte om GDPR, NDA og COVID i EU og NATO.",
        "Stolt af FALCK DANMARK i dag.",
        "Vi ses i dag KL 10.",
        "Se #KÆMPERABAT og $NOVO og @FALCKDK",
        "Mødet om NIS2 og ISO 27001 gik godt.",
        "I love this job.",
        "JOB\nNYT", // one word a line: headings, not a run
    ] {
        assert!(shouts(calm).is_empty(), "{calm}: {:?}", shouts(calm));
    }
}

#[test]
fn shouting_fix_is_unsafe_sentence_case() {
    let l = linter(&["style.shouting"], "");
    let text = "KÆMPE NYHED FRA FALCK: Vi åbner i Ølstykke. Det bliver FANTASTISK.";
    let report = check(&l, text);
    // Not applied by --fix.
    assert_eq!(safe_fix(&l, text), text);
    let postlint::Fixed {
        text: fixed,
        applied: n,
        ..
    } = report.apply_fixes(text, Applicability::Unsafe);
    assert_eq!(n, 2);
    assert_eq!(
        fixed,
        // A company name at the edge of the run is left to `falck.brand-name`-style rules.
        "Kæmpe nyhed fra FALCK: Vi åbner i Ølstykke. Det bliver fantastisk."
    );
    let text = "KÆMPE FALCK NYHED i dag";
    let report = check(&l, text);
    let fixed = report.apply_fixes(text, Applicability::Unsafe).text;
    assert_eq!(fixed, "Kæmpe Falck nyhed i dag");
    let l = linter(
        &["style.shouting"],
        "[rules.\"style.shouting\"]\nacronyms = [\"FANTASTISK\"]\nsingle_word_letters = 0",
    );
    assert!(check(&l, "Det bliver FANTASTISK og STORT.")
        .findings
        .is_empty());
}

// ---- style.emoji-density ---------------------------------------------------------------------

#[test]
fn emoji_density_and_repeats() {
    let l = linter(&["style.emoji-density"], "");
    let rules = |t: &str| fired(&l, t);
    // 4 emoji for 4 words: too dense; the repeated 🔥 (3 in a row) too.
    let got = rules("Ny station 🚑 🎉 fedt 🔥🔥🔥 nu");
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].1, "🔥🔥🔥");
    assert!(rules("Ny station i Ølstykke 🚑 – vi glæder os til at se jer på lørdag 🎉").is_empty());
    assert!(rules("Tillykke 🎉🎉").is_empty());
    // More than ten is too many however long the post.
    let long = format!(
        "{} {}",
        "ord ".repeat(200),
        "👍 🎉 🚑 💪 🙌 👏 😍 🌟 ✅ 📣 🔔"
    );
    assert_eq!(rules(&long).len(), 1);
    // Flags, skin tones and families count as one emoji each.
    let flags = rules("🇩🇰🇩🇰🇩🇰 Heja Danmark");
    assert_eq!(flags.last().unwrap().1, "🇩🇰🇩🇰🇩🇰", "{flags:?}");
    assert!(rules("👍🏽👍🏿 godt gået alle sammen i dag").is_empty());
    // The repeat fix keeps one.
    let report = check(&l, "Tak for i dag 🔥🔥🔥🔥 alle sammen, vi ses");
    let fixed = report
        .apply_fixes(
            "Tak for i dag 🔥🔥🔥🔥 alle sammen, vi ses",
            Applicability::Unsafe,
        )
        .text;
    assert_eq!(fixed, "Tak for i dag 🔥 alle sammen, vi ses");
}

// ---- together --------------------------------------------------------------------------------

#[test]
fn all_safe_fixes_together_converge() {
    let l = linter(&["links", "style"], "");
    let text = "𝐖𝐎𝐖!! 𝐍𝐲𝐭 job!!! Se https://www.falck.dk/job?utm_source=li&id=3!!";
    let fixed = fix_converges(&l, text);
    assert_eq!(fixed, "WOW! Nyt job! Se https://www.falck.dk/job?id=3!");
}

#[test]
fn selecting_the_families_lists_every_rule() {
    let l = linter(&["links", "style"], "");
    let mut ids: Vec<&str> = l.active_rules().collect();
    ids.sort();
    for id in [
        "links.internal",
        "links.shortener",
        "links.too-many",
        "links.tracking",
        "style.emoji-density",
        "style.exclamations",
        "style.fancy-text",
        "style.shouting",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
}

#[test]
fn danish_messages() {
    let g = Guideline::from_toml(COMPANY, "t.toml").unwrap();
    let options = Options::new()
        .select(["links", "style"])
        .locale(postlint::Locale::DA);
    let l = Linter::with_options(g, options).unwrap();
    let r = l.check(&Post::new(
        "KÆMPE NYHED!!! Se https://bit.ly/x, https://falck.dk/a?utm_source=x og https://intranet.falck.dk/b",
    ));
    let messages: Vec<&str> = r.findings.iter().map(|f| f.message.as_str()).collect();
    assert!(
        messages.iter().any(|m| m.contains("store bogstaver")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("udråbstegn")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("forkortet link")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("internt system")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("sporingskoder")),
        "{messages:?}"
    );
}
