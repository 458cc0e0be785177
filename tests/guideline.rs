//! The guideline file: every rule kind, settings, extends, and every kind of error, each with
//! the file, line and column it points at.

use postlint::{Date, ErrorKind, Guideline, Linter, Options, Post, Severity};
use std::fs;

fn linter(toml: &str) -> Linter {
    let g = Guideline::from_toml(toml, "postlint.toml").unwrap_or_else(|e| panic!("{e}"));
    Linter::new(g).unwrap()
}

fn rules_fired(linter: &Linter, text: &str) -> Vec<(String, String)> {
    let report = linter.check(&Post::new(text).date(Date::new(2026, 12, 1).unwrap()));
    report
        .findings
        .iter()
        .map(|f| (f.rule.clone(), text[f.span.start..f.span.end].to_string()))
        .collect()
}

/// The ids of the rules under `prefix` that fire on `text`.
fn family_fired(linter: &Linter, text: &str, prefix: &str) -> Vec<String> {
    rules_fired(linter, text)
        .into_iter()
        .map(|(r, _)| r)
        .filter(|r| r.starts_with(prefix))
        .collect()
}

/// The error of loading a guideline and building a linter from it: the file format is
/// checked on loading, the rule ids and options when the linter resolves them.
fn err(toml: &str) -> postlint::Error {
    Guideline::from_toml(toml, "postlint.toml")
        .and_then(Linter::new)
        .unwrap_err()
}

#[test]
fn terms_kind_matches_inflections_and_phrases() {
    let l = linter(
        r#"
[[rule]]
id = "acme.codename"
kind = "terms"
severity = "error"
terms = ["Nordlys", "Project Aurora"]
message = { da = "«{term}» er et kodenavn.", en = "“{term}” is a codename." }
"#,
    );
    let fired = rules_fired(
        &l,
        "Nordlyset og Nordlys' lancering. project\n aurora kommer. Nordlysfestival nej.",
    );
    let spans: Vec<&str> = fired.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(spans, ["Nordlyset", "Nordlys", "project\n aurora"]);
    let report = l.check_text("Nordlys");
    assert_eq!(report.findings[0].severity, Severity::Error);
    assert_eq!(report.findings[0].message, "“Nordlys” is a codename.");
}

#[test]
fn substitute_kind_offers_a_fix() {
    let l = linter(
        r#"
locale = "da"
[[rule]]
id = "acme.words"
kind = "substitute"
replace = { "personale" = "medarbejdere" }
fix = "safe"
"#,
    );
    let report = l.check_text("Personale og personalet");
    assert_eq!(report.findings.len(), 2);
    let first = &report.findings[0].suggestions[0];
    assert_eq!(first.applicability, postlint::Applicability::Safe);
    assert_eq!(first.edits[0].replacement, "Medarbejdere");
    // The inflected form gets advice only: "medarbejdere" would need inflecting too.
    assert!(report.findings[1].suggestions[0].edits.is_empty());
}

#[test]
fn pattern_require_near_and_limit_kinds() {
    let l = linter(
        r##"
[[rule]]
id = "acme.internal-url"
kind = "pattern"
pattern = 'https?://intranet\.acme\.'
severity = "error"

[[rule]]
id = "acme.job-link"
kind = "require"
terms = { da = ["vi søger"], en = ["we are hiring"] }
require = ["acme.dk/job", "#AcmeJob"]

[[rule]]
id = "acme.price-near-product"
kind = "near"
terms = ["Acme Pro"]
near = ["kr", "pris"]
distance = 3

[[rule]]
id = "acme.exclaim"
kind = "limit"
pattern = '!'
max = 2
"##,
    );
    let fired = rules_fired(&l, "Se https://intranet.acme.dk/x nu");
    // The built-in `links.internal` knows `intranet.` hosts too.
    assert_eq!(
        fired,
        [
            ("acme.internal-url".into(), "https://intranet.acme.".into()),
            ("links.internal".into(), "https://intranet.acme.dk/x".into())
        ]
    );
    let fired = rules_fired(&l, "Vi søger en ny kollega i Aarhus.");
    assert_eq!(fired, [("acme.job-link".into(), "Vi søger".into())]);
    assert!(rules_fired(&l, "Vi søger en ny kollega – se acme.dk/job").is_empty());
    let fired = rules_fired(&l, "Acme Pro koster kun 99 kr om måneden");
    // An offer price ("kun 99 kr", "om måneden") in a short post also reads as an advert.
    assert_eq!(
        fired,
        [
            ("acme.price-near-product".into(), "Acme Pro".into()),
            ("sales.score".into(), "kun 99 kr".into())
        ]
    );
    assert!(rules_fired(
        &l,
        "Acme Pro er fantastisk til små teams og store teams, og prisen kommer senere"
    )
    .is_empty());
    let fired = rules_fired(&l, "Ja! Ja! Ja!");
    // Every sentence ends with "!": the built-in `style.exclamations` says so too.
    assert_eq!(
        fired,
        [
            ("style.exclamations".into(), "!".into()),
            ("acme.exclaim".into(), "!".into())
        ]
    );
}

#[test]
fn settings_change_severity_route_and_enabled() {
    let l = linter(
        r#"
[[rule]]
id = "acme.word"
kind = "terms"
terms = ["synergi"]

[rules."acme.word"]
severity = "info"
route = "comms"
"#,
    );
    let r = l.check_text("Synergi!");
    assert_eq!(r.findings[0].severity, Severity::Info);
    assert_eq!(r.findings[0].route.as_deref(), Some("comms"));
    assert_eq!(r.reviewers, ["comms"]);
    assert_eq!(r.verdict, postlint::Verdict::Review);
    let off = linter(
        r#"
[[rule]]
id = "acme.word"
kind = "terms"
terms = ["synergi"]
[rules.acme]
enabled = false
"#,
    );
    assert!(off.check_text("Synergi").findings.is_empty());
}

#[test]
fn confidential_embargo_is_judged_by_date() {
    let g = Guideline::from_toml(
        "[[confidential]]\nterms = [\"Nordlys\"]\nuntil = 2027-01-15\nmessage = { da = \"Nordlys er under embargo.\", en = \"Nordlys is under embargo.\" }",
        "g.toml",
    )
    .unwrap();
    let l = Linter::with_options(g, Options::new().locale(postlint::Locale::DA)).unwrap();
    let before =
        l.check(&Post::new("Snart kommer Nordlyset").date(Date::new(2027, 1, 14).unwrap()));
    assert_eq!(before.findings.len(), 1);
    assert_eq!(before.findings[0].rule, "confidential.term");
    assert_eq!(before.findings[0].message, "Nordlys er under embargo.");
    assert_eq!(before.verdict, postlint::Verdict::Block);
    let after = l.check(&Post::new("Nu er Nordlys lanceret").date(Date::new(2027, 1, 15).unwrap()));
    assert!(after.findings.is_empty());
}

#[test]
fn ten_thousand_confidential_terms_build_one_automaton() {
    let terms: Vec<String> = (0..10_000).map(|i| format!("\"Kodenavn{i:05}\"")).collect();
    let toml = format!("[[confidential]]\nterms = [{}]", terms.join(", "));
    let l = linter(&toml);
    let r = l.check_text("Vi arbejder på Kodenavn04242 og Kodenavn09999 lige nu.");
    let hits: Vec<&str> = r.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(hits, ["confidential.term", "confidential.term"]);
}

#[test]
fn malformed_toml_names_file_line_and_column() {
    let e = err("languages = [\"da\"\nlocale = \"da\"");
    assert_eq!(e.kind(), ErrorKind::Guideline);
    assert!(e.to_string().starts_with("postlint.toml:"), "{e}");
    assert!(e.location().is_some());
}

#[test]
fn unknown_key_suggests_the_meant_one() {
    let e =
        err("[[rule]]\nid = \"acme.x\"\nkind = \"terms\"\nterms = [\"a\"]\nsevrity = \"error\"\n");
    assert_eq!(
        e.message(),
        "unknown key `sevrity`, did you mean `severity`?"
    );
    assert_eq!(e.location(), Some((5, 1)));
    let e = err("[rules.\"sales.score\"]\ntreshold = 60\n");
    assert_eq!(e.message(), "unknown key `treshold` for rule `sales.score`");
    assert_eq!(e.help_text(), Some("did you mean `threshold`?"));
    assert_eq!(e.location(), Some((2, 1)));
    let e = err("[company]\nnamez = [\"Falck\"]\n");
    assert!(
        e.message().contains("did you mean `names`?"),
        "{}",
        e.message()
    );
}

#[test]
fn wrong_types_are_reported() {
    let e =
        err("[[rule]]\nid = \"acme.x\"\nkind = \"terms\"\nterms = [\"a\"]\nseverity = \"fatal\"\n");
    assert!(e.message().contains("fatal"), "{}", e.message());
    assert_eq!(e.location().unwrap().0, 5);
    let e = err("[rules.\"sales.score\"]\nthreshold = \"high\"\n");
    assert!(e.message().contains("whole number"), "{}", e.message());
    let e = err("languages = [\"de\"]");
    assert!(e.message().contains("de"), "{}", e.message());
}

#[test]
fn unknown_rule_ids_are_errors() {
    let e = err("[rules.\"sales.scor\"]\nseverity = \"error\"\n");
    assert_eq!(e.kind(), ErrorKind::UnknownRule);
    assert_eq!(e.help_text(), Some("did you mean `sales.score`?"));
    assert_eq!(e.location(), Some((1, 8)));
    let g = Guideline::recommended();
    let options = Options::new().select(["sales.discont"]);
    let e = Linter::with_options(g, options).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnknownRule);
    assert!(e.help_text().unwrap().contains("sales.discount"));
}

#[test]
fn a_bad_regex_is_located() {
    let e = err("[[rule]]\nid = \"acme.re\"\nkind = \"pattern\"\npattern = '(unclosed'\n");
    assert_eq!(e.kind(), ErrorKind::Regex);
    assert_eq!(e.location(), Some((4, 11)));
}

#[test]
fn extends_cycles_and_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.toml"), "extends = [\"b.toml\"]\n").unwrap();
    fs::write(dir.path().join("b.toml"), "extends = [\"a.toml\"]\n").unwrap();
    let e = Guideline::from_path(dir.path().join("a.toml")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ExtendsCycle);
    assert!(e.to_string().contains("b.toml:1:12"), "{e}");

    fs::write(
        dir.path().join("c.toml"),
        "extends = [\"recommended\", \"missing.toml\"]\n",
    )
    .unwrap();
    let e = Guideline::from_path(dir.path().join("c.toml")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::MissingExtends);
    assert!(e.to_string().contains("c.toml:1:27"), "{e}");
}

#[test]
fn extends_merges_layers() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("base.toml"),
        "extends = [\"recommended\"]\nlocale = \"da\"\n[company]\nnames = [\"Falck\"]\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("postlint.toml"),
        "extends = [\"base.toml\"]\n[company]\ncompetitors = [\"Konkurrent A/S\"]\n[rules.\"sales.score\"]\nthreshold = 60\n",
    )
    .unwrap();
    let g = Guideline::from_path(dir.path().join("postlint.toml")).unwrap();
    assert_eq!(g.locale(), Some(postlint::Locale::DA));
    let l = Linter::new(g.clone()).unwrap();
    assert!(
        l.rules().iter().any(|r| r.id == "sales.discount"),
        "the recommended pack's rules are inherited"
    );
    let score = l.rule("sales.score").unwrap();
    let threshold = score
        .options
        .iter()
        .find(|o| o.name == "threshold")
        .unwrap();
    assert_eq!(threshold.value, "60");
    // The company lists of both layers are in force.
    let r = l.check(&Post::new(
        "Falck er hurtigere end Konkurrent A/S, siger jeg altid til kunderne.",
    ));
    assert!(
        r.findings.iter().any(|f| f.rule == "competitor.mention"),
        "{r:?}"
    );
    let sub = dir.path().join("drafts/deep");
    fs::create_dir_all(&sub).unwrap();
    assert_eq!(
        Guideline::discover(&sub).unwrap().canonicalize().unwrap(),
        dir.path().join("postlint.toml").canonicalize().unwrap()
    );
}

#[test]
fn invalid_utf8_guideline_names_offset() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.toml");
    fs::write(&p, b"locale = \"da\"\n\xff\xfe").unwrap();
    let e = Guideline::from_path(&p).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidUtf8);
    assert!(e.to_string().contains("offset 14"), "{e}");
}

#[test]
fn a_rule_superseded_by_a_louder_one_is_quiet_where_that_one_speaks() {
    let l = linter(
        r#"
[[rule]]
id = "acme.codename"
kind = "terms"
severity = "error"
terms = ["nordlys"]

[[rule]]
id = "acme.internal"
kind = "terms"
terms = ["interne projekt"]
superseded_by = ["acme.codename"]
"#,
    );
    let fired = |t: &str| family_fired(&l, t, "acme.");
    assert_eq!(
        fired("Vores interne projekt Nordlys er i gang."),
        ["acme.codename"]
    );
    assert_eq!(fired("Vores interne projekt er i gang."), ["acme.internal"]);
    // Turned off, the louder rule no longer silences the quieter one.
    let off = linter(
        r#"
[[rule]]
id = "acme.codename"
kind = "terms"
terms = ["nordlys"]
enabled = false

[[rule]]
id = "acme.internal"
kind = "terms"
terms = ["interne projekt"]
superseded_by = ["acme.codename"]
"#,
    );
    let r = rules_fired(&off, "Vores interne projekt Nordlys er i gang.");
    assert!(r.iter().any(|(id, _)| id == "acme.internal"), "{r:?}");

    let e = err(
        "[[rule]]\nid = \"acme.x\"\nkind = \"terms\"\nterms = [\"x\"]\nsuperseded_by = [\"disclosure.mising\"]\n",
    );
    assert_eq!(e.kind(), ErrorKind::UnknownRule);
    assert_eq!(e.location(), Some((5, 17)), "{e}");
    assert_eq!(e.help_text(), Some("did you mean `disclosure.missing`?"));
}

#[test]
fn a_recommendation_is_not_told_twice_to_say_the_author_works_there() {
    let l = linter(
        "extends = [\"recommended\"]\n[company]\nnames = [\"Falck\"]\nproducts = [\"Falck Tryghed\"]\ndisclosures = [\"#FalckAnsat\"]\n",
    );
    let rules = |t: &str| family_fired(&l, t, "disclosure.");
    assert_eq!(
        rules("Jeg kan varmt anbefale Falck Tryghed – nu med 20 % rabat. Bestil i dag!"),
        ["disclosure.missing"]
    );
    assert_eq!(
        rules("Jeg kan varmt anbefale den nye app fra Rejsekort – den sparer mig tid."),
        ["disclosure.recommendation"]
    );
}
