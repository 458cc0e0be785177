//! End-to-end tests of the `postlint` binary: exit codes, inputs, outputs and every kind of
//! bad input. Each test works in its own temporary directory, so no guideline file from the
//! repository is discovered by accident.

mod common;

use common::{json, postlint, write};
use tempfile::TempDir;

const SALESY: &str = "Kæmpe rabat! Køb nu – tilbuddet gælder kun i dag!\n";
const CALM: &str =
    "I dag startede tre nye kolleger på vagtcentralen i Aarhus. Velkommen til jer!\n";

/// A guideline with a safe substitution, so `--fix` has something to do.
const FIX_GUIDELINE: &str = include_str!("../fixtures/guidelines/safe-fix.toml");

// ---- exit codes -------------------------------------------------------------------------

#[test]
fn clean_post_exits_zero() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", CALM);
    let r = postlint(tmp.path(), &["check", "a.txt"], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("a.txt"), "{}", r.stdout);
}

#[test]
fn findings_at_fail_on_exit_one() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", SALESY);
    // The sales rules warn; the default threshold is error.
    let r = postlint(tmp.path(), &["check", "a.txt"], None);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let r = postlint(
        tmp.path(),
        &["check", "--fail-on", "warning", "a.txt"],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("sales."), "{}", r.stdout);
    let r = postlint(tmp.path(), &["check", "--fail-on", "never", "a.txt"], None);
    assert_eq!(r.code, 0);
}

#[test]
fn guideline_fail_on_is_the_default() {
    let tmp = TempDir::new().unwrap();
    write(
        tmp.path(),
        "postlint.toml",
        "extends = [\"recommended\"]\nfail_on = \"warning\"\n",
    );
    write(tmp.path(), "a.txt", SALESY);
    let r = postlint(tmp.path(), &["check", "a.txt"], None);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    // --no-config ignores the discovered file.
    let r = postlint(tmp.path(), &["check", "--no-config", "a.txt"], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

#[test]
fn bad_arguments_exit_two() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", CALM);
    for args in [
        &["check", "--format", "xml", "a.txt"][..],
        &["check", "--fail-on", "fatal", "a.txt"],
        &["check", "--date", "2027-02-30", "a.txt"],
        &["check", "--lang", "sv", "a.txt"],
        &["frobnicate"],
    ] {
        let r = postlint(tmp.path(), args, None);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
    }
}

// ---- inputs ------------------------------------------------------------------------------

#[test]
fn reads_standard_input() {
    let tmp = TempDir::new().unwrap();
    let r = postlint(
        tmp.path(),
        &["check", "--format", "json", "--fail-on", "warning"],
        Some(SALESY.as_bytes()),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v = json(&r.stdout);
    assert_eq!(v["posts"][0]["source"], "-");
    let r = postlint(
        tmp.path(),
        &["check", "-", "--format", "json"],
        Some(CALM.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn directories_recurse_sorted() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "d/b.md", CALM);
    write(tmp.path(), "d/a.txt", CALM);
    write(tmp.path(), "d/sub/c.post", SALESY);
    write(tmp.path(), "d/ignored.rs", "fn main() {}");
    write(tmp.path(), "d/.hidden/x.txt", SALESY);
    let r = postlint(tmp.path(), &["check", "--format", "json", "d"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&r.stdout);
    let sources: Vec<String> = v["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["source"].as_str().unwrap().replace('\\', "/"))
        .collect();
    assert_eq!(sources, ["d/a.txt", "d/b.md", "d/sub/c.post"]);
    assert_eq!(v["summary"]["posts"], 3);
}

#[test]
fn jsonl_batch_in_and_out() {
    let tmp = TempDir::new().unwrap();
    let batch = format!(
        "{}\n\n{}\n",
        serde_json::json!({"id": "p1", "text": SALESY, "platform": "x", "language": "da"}),
        serde_json::json!({"id": "p2", "text": CALM, "platforms": ["linkedin"]}),
    );
    write(tmp.path(), "queue.jsonl", &batch);
    let r = postlint(
        tmp.path(),
        &[
            "check",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "queue.jsonl",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    let first = json(lines[0]);
    assert_eq!(first["source"], "p1");
    assert_eq!(first["language"], "da");
    assert_eq!(first["platforms"][0]["name"], "x");
    assert!(!first["findings"].as_array().unwrap().is_empty());
    assert_eq!(json(lines[1])["source"], "p2");
    // The same batch on standard input.
    let r = postlint(
        tmp.path(),
        &["check", "--input-format", "jsonl", "--format", "jsonl"],
        Some(batch.as_bytes()),
    );
    assert_eq!(r.stdout.lines().count(), 2, "{}", r.stderr);
}

#[test]
fn malformed_jsonl_line_names_file_and_line() {
    let tmp = TempDir::new().unwrap();
    write(
        tmp.path(),
        "q.jsonl",
        "{\"id\":\"1\",\"text\":\"ok\"}\n{\"id\": \"2\", \"text\": \n",
    );
    let r = postlint(
        tmp.path(),
        &["check", "--input-format", "jsonl", "q.jsonl"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("q.jsonl:2"), "{}", r.stderr);
}

#[test]
fn front_matter_sets_platforms() {
    let tmp = TempDir::new().unwrap();
    write(
        tmp.path(),
        "a.txt",
        format!("+++\nplatforms = [\"x\"]\n+++\n{SALESY}"),
    );
    let r = postlint(tmp.path(), &["check", "--format", "json", "a.txt"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&r.stdout);
    let post = &v["posts"][0];
    assert_eq!(post["platforms"][0]["name"], "x");
    // Spans point into the whole file, front matter included.
    let f = &post["findings"][0];
    assert!(f["span"]["line"].as_u64().unwrap() >= 4, "{f}");
    let start = f["span"]["start"].as_u64().unwrap() as usize;
    assert!(start > "+++\nplatforms = [\"x\"]\n+++\n".len());
}

#[test]
fn unknown_platform_lists_the_known_ones() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", CALM);
    let r = postlint(
        tmp.path(),
        &["check", "--platform", "x,myspace", "a.txt"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("myspace"), "{}", r.stderr);
    assert!(r.stderr.contains("linkedin"), "{}", r.stderr);
}

// ---- bad input ---------------------------------------------------------------------------

#[test]
fn empty_whitespace_and_nul_posts_are_clean() {
    let tmp = TempDir::new().unwrap();
    for (name, content) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", b"  \n\t\n   "),
        ("nul.txt", b"Hej\0med\0nul\0"),
    ] {
        write(tmp.path(), name, content);
        let r = postlint(tmp.path(), &["check", "--format", "json", name], None);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        let v = json(&r.stdout);
        assert_eq!(v["posts"][0]["verdict"], "pass", "{name}: {}", r.stdout);
    }
    let r = postlint(tmp.path(), &["check"], Some(b""));
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn invalid_utf8_names_file_and_offset() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "latin1.txt", b"Hej med dig, S\xf8ren");
    let r = postlint(tmp.path(), &["check", "latin1.txt"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("latin1.txt"), "{}", r.stderr);
    assert!(r.stderr.contains("offset 14"), "{}", r.stderr);
    let r = postlint(tmp.path(), &["check"], Some(b"ab\xff"));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("offset 2"), "{}", r.stderr);
}

#[test]
fn empty_directory_exits_two() {
    let tmp = TempDir::new().unwrap();
    std::fs::create_dir(tmp.path().join("drafts")).unwrap();
    write(tmp.path(), "drafts/notes.rs", "");
    let r = postlint(tmp.path(), &["check", "drafts"], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("no drafts (*.txt, *.md, *.post) in drafts"),
        "{}",
        r.stderr
    );
}

#[test]
fn unreadable_inputs_exit_two() {
    let tmp = TempDir::new().unwrap();
    let r = postlint(tmp.path(), &["check", "missing.txt"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("missing.txt"), "{}", r.stderr);

    // chmod 000 does not stop root, so only insist on exit 2 when the file really is unreadable.
    let locked = write(tmp.path(), "locked.txt", CALM);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let r = postlint(tmp.path(), &["check", "locked.txt"], None);
        if std::fs::read(&locked).is_err() {
            assert_eq!(r.code, 2);
            assert!(r.stderr.contains("locked.txt"), "{}", r.stderr);
        } else {
            assert_eq!(r.code, 0, "{}", r.stderr);
        }
    }

    // A directory where a guideline file is expected cannot be read, even by root.
    std::fs::create_dir(tmp.path().join("conf")).unwrap();
    let r = postlint(
        tmp.path(),
        &["check", "--config", "conf", "locked.txt"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("conf"), "{}", r.stderr);
    let r = postlint(
        tmp.path(),
        &["check", "--config", "nope.toml", "locked.txt"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("nope.toml"), "{}", r.stderr);
}

/// Runs `check` with `guideline` as `--config g.toml`; it must fail with exit 2.
fn bad_guideline(guideline: &str) -> String {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "g.toml", guideline);
    write(tmp.path(), "a.txt", CALM);
    let r = postlint(tmp.path(), &["check", "--config", "g.toml", "a.txt"], None);
    assert_eq!(r.code, 2, "{guideline}: {}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("g.toml"), "{}", r.stderr);
    r.stderr
}

#[test]
fn malformed_toml_has_file_line_col() {
    let err = bad_guideline("locale = \"da\"\nfail_on = \n");
    assert!(err.contains("g.toml:2:"), "{err}");
}

#[test]
fn misspelt_key_gets_did_you_mean() {
    let err = bad_guideline("[rules.\"sales.score\"]\nsevrity = \"error\"\n");
    assert!(err.contains("did you mean `severity`"), "{err}");
    assert!(err.contains("g.toml:2:1"), "{err}");
}

#[test]
fn unknown_rule_ids_exit_two() {
    let err = bad_guideline("[rules.\"sales.discont\"]\nseverity = \"error\"\n");
    assert!(err.contains("sales.discont"), "{err}");
    assert!(err.contains("did you mean"), "{err}");

    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", CALM);
    let r = postlint(
        tmp.path(),
        &["check", "--select", "sales.discont", "a.txt"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("did you mean `sales.discount`"),
        "{}",
        r.stderr
    );
    let r = postlint(
        tmp.path(),
        &["check", "--ignore", "tone,nosuch", "a.txt"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("nosuch"), "{}", r.stderr);
}

#[test]
fn regex_that_does_not_compile() {
    let err = bad_guideline(
        "[[rule]]\nid = \"acme.x\"\nkind = \"pattern\"\npattern = \"(unclosed\"\nmessage = \"m\"\n",
    );
    assert!(err.contains("g.toml:4:"), "{err}");
}

#[test]
fn extends_cycle_and_missing_file() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.toml", "extends = [\"b.toml\"]\n");
    write(tmp.path(), "b.toml", "extends = [\"a.toml\"]\n");
    write(tmp.path(), "c.toml", "extends = [\"gone.toml\"]\n");
    write(tmp.path(), "p.txt", CALM);
    let r = postlint(tmp.path(), &["check", "--config", "a.toml", "p.txt"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cycle"), "{}", r.stderr);
    let r = postlint(tmp.path(), &["check", "--config", "c.toml", "p.txt"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("gone.toml"), "{}", r.stderr);
    assert!(r.stderr.contains("c.toml:1:"), "{}", r.stderr);
}

// ---- outputs -----------------------------------------------------------------------------

#[test]
fn json_report_has_every_contract_field() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", SALESY);
    let r = postlint(
        tmp.path(),
        &["check", "--format", "json", "--platform", "x", "a.txt"],
        None,
    );
    let v = json(&r.stdout);
    assert_eq!(v["version"], 1);
    assert_eq!(v["tool"]["name"], "postlint");
    assert_eq!(v["tool"]["version"], env!("CARGO_PKG_VERSION"));
    let post = &v["posts"][0];
    assert_eq!(post["source"], "a.txt");
    assert!(post["language"].is_string() || post["language"].is_null());
    let platform = &post["platforms"][0];
    for key in ["name", "length", "limit", "unit"] {
        assert!(!platform[key].is_null(), "platforms[0].{key}");
    }
    for key in ["hashtags", "mentions", "urls", "cashtags"] {
        assert!(post["entities"][key].is_array(), "entities.{key}");
    }
    assert!(post["scores"]["salesiness"].as_u64().unwrap() <= 100);
    assert!(["pass", "review", "block"].contains(&post["verdict"].as_str().unwrap()));
    assert!(post["reviewers"].is_array());
    let findings = post["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        for key in [
            "rule",
            "severity",
            "message",
            "span",
            "suggestions",
            "route",
        ] {
            assert!(f.get(key).is_some(), "finding.{key}: {f}");
        }
        for key in ["start", "end", "line", "column"] {
            assert!(f["span"][key].is_u64(), "span.{key}: {f}");
        }
        for s in f["suggestions"].as_array().unwrap() {
            assert!(s["title"].is_string());
            assert!(["safe", "unsafe", "display"].contains(&s["applicability"].as_str().unwrap()));
            assert!(s["edits"].is_array());
        }
    }
    // "Kæmpe rabat": column counts characters, start counts bytes.
    let rabat = findings.iter().find(|f| f["span"]["start"] == 7).unwrap();
    assert_eq!(rabat["span"]["column"], 7);
    let summary = &v["summary"];
    for key in ["posts", "findings", "errors", "warnings", "infos"] {
        assert!(summary[key].is_u64(), "summary.{key}");
    }
    for key in ["pass", "review", "block"] {
        assert!(summary["verdicts"][key].is_u64(), "summary.verdicts.{key}");
    }
    assert_eq!(
        summary["findings"].as_u64().unwrap() as usize,
        findings.len()
    );
}

#[test]
fn locale_da_gives_danish_messages() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", SALESY);
    let r = postlint(tmp.path(), &["check", "--locale", "da", "a.txt"], None);
    assert!(
        r.stdout.contains("Vurdering: skal gennemses"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("annonce"), "{}", r.stdout);
    let r = postlint(tmp.path(), &["check", "--locale", "en", "a.txt"], None);
    assert!(r.stdout.contains("Verdict: review"), "{}", r.stdout);
    // The guideline's locale applies when --locale is not given.
    write(
        tmp.path(),
        "postlint.toml",
        "extends = [\"recommended\"]\nlocale = \"da\"\n",
    );
    let r = postlint(tmp.path(), &["check", "a.txt"], None);
    assert!(r.stdout.contains("Vurdering"), "{}", r.stdout);
}

#[test]
fn human_output_has_no_ansi_when_piped() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", SALESY);
    let r = postlint(tmp.path(), &["check", "--platform", "x", "a.txt"], None);
    assert!(!r.stdout.contains('\u{1b}'), "{}", r.stdout);
    assert!(r.stdout.contains("x "), "{}", r.stdout);
    assert!(r.stdout.contains("/280"), "{}", r.stdout);
    assert!(r.stdout.contains("[sales."), "{}", r.stdout);
}

#[test]
fn sarif_and_github_formats() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", SALESY);
    let r = postlint(tmp.path(), &["check", "--format", "sarif", "a.txt"], None);
    let v = json(&r.stdout);
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert!(!run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .is_empty());
    let result = &run["results"][0];
    assert!(result["ruleId"].as_str().unwrap().starts_with("sales."));
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );
    let r = postlint(tmp.path(), &["check", "--format", "github", "a.txt"], None);
    // The signals are notices; the judgement that the post reads like an advert is a warning.
    let first = r
        .stdout
        .lines()
        .find(|l| l.starts_with("::warning"))
        .unwrap_or_else(|| panic!("no warning in {}", r.stdout));
    assert!(
        first.starts_with("::warning file=a.txt,line=1,col="),
        "{first}"
    );
    assert!(first.contains(",title=sales."), "{first}");
}

// ---- fixes -------------------------------------------------------------------------------

#[test]
fn fix_diff_and_stdin_fix() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "g.toml", FIX_GUIDELINE);
    let original = "+++\nplatforms = [\"x\"]\n+++\nHej fra Acme inc og Acme inc!\n";
    let draft = write(tmp.path(), "a.txt", original);

    let r = postlint(
        tmp.path(),
        &["check", "--config", "g.toml", "--diff", "a.txt"],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.contains("-Hej fra Acme inc og Acme inc!"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("+Hej fra ACME og ACME!"), "{}", r.stdout);
    assert_eq!(
        std::fs::read_to_string(&draft).unwrap(),
        original,
        "--diff must not write"
    );

    let r = postlint(
        tmp.path(),
        &[
            "check",
            "--config",
            "g.toml",
            "--fix",
            "--fail-on",
            "warning",
            "a.txt",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let fixed = std::fs::read_to_string(&draft).unwrap();
    assert_eq!(
        fixed,
        "+++\nplatforms = [\"x\"]\n+++\nHej fra ACME og ACME!\n"
    );

    // Fixing again changes nothing.
    let r = postlint(
        tmp.path(),
        &["check", "--config", "g.toml", "--diff", "a.txt"],
        None,
    );
    assert_eq!((r.code, r.stdout.as_str()), (0, ""));

    let r = postlint(
        tmp.path(),
        &["check", "--config", "g.toml", "--fix"],
        Some(b"Acme inc rocks\n"),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "ACME rocks\n");
}

// ---- other subcommands -------------------------------------------------------------------

#[test]
fn rules_lists_every_rule() {
    let tmp = TempDir::new().unwrap();
    write(
        tmp.path(),
        "postlint.toml",
        "extends = [\"recommended\"]\n[rules.\"sales.discount\"]\nenabled = false\n",
    );
    let r = postlint(tmp.path(), &["rules"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let line = r
        .stdout
        .lines()
        .find(|l| l.starts_with("sales.discount "))
        .unwrap();
    assert!(line.contains("(disabled)"), "{line}");
    let r = postlint(
        tmp.path(),
        &["rules", "--format", "json", "--locale", "da"],
        None,
    );
    let v = json(&r.stdout);
    let rules = v.as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "sales.score"));
    let discount = rules.iter().find(|r| r["id"] == "sales.discount").unwrap();
    assert_eq!(discount["enabled"], false);
    assert!(discount["summary"].as_str().unwrap().contains("abat"));
}

#[test]
fn explain_a_rule_and_an_unknown_one() {
    let tmp = TempDir::new().unwrap();
    let r = postlint(tmp.path(), &["explain", "sales.score"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("sales.score"), "{}", r.stdout);
    assert!(r.stdout.contains("threshold"), "{}", r.stdout);
    let r = postlint(
        tmp.path(),
        &["explain", "sales.discount", "--locale", "da"],
        None,
    );
    assert!(r.stdout.contains("Eksempler"), "{}", r.stdout);
    // Option lines are in the locale too.
    let r = postlint(
        tmp.path(),
        &["explain", "sales.score", "--locale", "da"],
        None,
    );
    assert!(
        r.stdout.contains("threshold = 50: reglen slår til"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("default 50"), "{}", r.stdout);
    let r = postlint(
        tmp.path(),
        &["explain", "sales.score", "--locale", "en"],
        None,
    );
    assert!(
        r.stdout.contains("threshold = 50: the score"),
        "{}",
        r.stdout
    );
    let r = postlint(tmp.path(), &["explain", "sales.discont"], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("did you mean `sales.discount`"),
        "{}",
        r.stderr
    );
    let r = postlint(tmp.path(), &["explain", "sales"], None);
    assert_eq!(r.code, 0);
    assert!(r.stdout.lines().count() > 1, "{}", r.stdout);
}

#[test]
fn init_writes_a_guideline_that_loads() {
    for lang in ["da", "en"] {
        let tmp = TempDir::new().unwrap();
        let r = postlint(tmp.path(), &["init", "--lang", lang], None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let path = tmp.path().join("postlint.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(&format!("locale = \"{lang}\"")), "{text}");
        postlint::Guideline::from_path(&path).unwrap();
        // It is discovered and used by check.
        write(tmp.path(), "a.txt", CALM);
        let r = postlint(tmp.path(), &["check", "a.txt"], None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        // No overwrite without --force.
        let r = postlint(tmp.path(), &["init"], None);
        assert_eq!(r.code, 2);
        assert!(r.stderr.contains("--force"), "{}", r.stderr);
        let r = postlint(tmp.path(), &["init", "--force", "--lang", "en"], None);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
}

#[test]
fn platforms_lists_profiles() {
    let tmp = TempDir::new().unwrap();
    let r = postlint(tmp.path(), &["platforms"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("linkedin"), "{}", r.stdout);
    let r = postlint(tmp.path(), &["platforms", "--format", "json"], None);
    let v = json(&r.stdout);
    let x = v
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "x")
        .unwrap();
    assert_eq!(x["limit"], 280);
    assert_eq!(x["unit"], "weighted");
}

#[test]
fn five_megabyte_posts_render_in_every_format() {
    // One 5 MB line, and 5 MB of short lines: miette must not be handed whole lines wider
    // than its formatter allows, and no format may be quadratic in the text.
    let dir = TempDir::new().unwrap();
    let one_line = "Nordlys personale rabat! Vi søger en ny kollega i Aarhus. ".repeat(90_000);
    let many_lines = "Vi søger en ny kollega i Aarhus, køb nu med 50 % rabat!\n".repeat(90_000);
    write(dir.path(), "one.txt", &one_line);
    write(dir.path(), "many.txt", &many_lines);
    for file in ["one.txt", "many.txt"] {
        let human = postlint(
            dir.path(),
            &[
                "check",
                "--no-config",
                "--max-post-bytes",
                "8M",
                "--platform",
                "x",
                file,
            ],
            None,
        );
        assert_eq!(human.code, 1, "{}", human.stderr);
        // At most 50 findings per rule are listed, then one that says how many more.
        assert!(
            human.stdout.contains("more of the same in this post"),
            "{}",
            &human.stdout[..2000]
        );
        assert!(human.stdout.len() < 2_000_000, "{}", human.stdout.len());
        if file == "many.txt" {
            continue; // JSON's cost does not depend on line length; once is enough.
        }
        let out = postlint(
            dir.path(),
            &[
                "check",
                "--no-config",
                "--max-post-bytes",
                "8M",
                "--format",
                "json",
                file,
            ],
            None,
        );
        let v = json(&out.stdout);
        let findings = v["posts"][0]["findings"].as_array().unwrap();
        // Bounded output, exact counts: a few hundred findings listed, every one counted.
        assert!(findings.len() < 2_000, "{}", findings.len());
        assert!(
            v["summary"]["findings"].as_u64().unwrap() > 80_000,
            "{}",
            v["summary"]
        );
        let omitted: u64 = findings.iter().filter_map(|f| f["omitted"].as_u64()).sum();
        assert!(omitted > 80_000, "{omitted}");
        let last = findings.last().unwrap();
        assert!(last["span"]["column"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn errors_show_no_internal_codes() {
    // An employee reads the problem and the file, not `postlint::io` or `postlint::usage`.
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "bad.toml", "x = [\n");
    write(tmp.path(), "a.txt", "Hej.");
    for args in [
        &["check", "missing.txt"][..],
        &["check", "--config", "bad.toml", "a.txt"][..],
        &["check", "--platform", "myspace", "a.txt"][..],
    ] {
        let r = postlint(tmp.path(), args, None);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(!r.stderr.contains("postlint::"), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains('×'), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn errors_speak_the_run_s_language() {
    // A Danish employee reads what went wrong, and what to do, in Danish: from --locale, or
    // from a guideline that loaded and says `locale = "da"`.
    let tmp = TempDir::new().unwrap();
    write(
        tmp.path(),
        "bad.toml",
        "[rules.\"sales.scroe\"]\nseverity = \"error\"\n",
    );
    write(tmp.path(), "da.toml", "locale = \"da\"\n");
    write(tmp.path(), "a.txt", "Hej.");
    let cases: [(&[&str], &[&str]); 4] = [
        (
            &["check", "--locale", "da", "mangler.txt"],
            &["mangler.txt kan ikke læses: filen eller mappen findes ikke"],
        ),
        (
            &["check", "--locale", "da", "--config", "bad.toml", "a.txt"],
            &[
                "bad.toml:1:8: ukendt regel `sales.scroe`",
                "råd: mente du `sales.score`?",
                "her",
            ],
        ),
        (
            &[
                "check",
                "--config",
                "da.toml",
                "--platform",
                "linkedn",
                "a.txt",
            ],
            &["ukendt platform `linkedn`", "råd: mente du `linkedin`?"],
        ),
        (
            &["check", "--config", "bad.toml", "a.txt"],
            &[
                "unknown rule `sales.scroe`",
                "help: did you mean `sales.score`?",
            ],
        ),
    ];
    for (args, says) in cases {
        let r = postlint(tmp.path(), args, None);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        for s in says {
            assert!(
                r.stderr.contains(s),
                "{args:?} should say {s:?}:\n{}",
                r.stderr
            );
        }
        if args.contains(&"da") || args.contains(&"da.toml") {
            for english in ["help:", "cannot", "unknown", "did you mean"] {
                assert!(!r.stderr.contains(english), "{args:?}: {}", r.stderr);
            }
        }
    }
}

#[test]
fn many_drafts_end_with_counts_by_verdict_reviewer_and_rule() {
    let tmp = TempDir::new().unwrap();
    write(
        tmp.path(),
        "postlint.toml",
        "extends = [\"recommended\"]\n[rules.\"sales.discount\"]\nroute = \"comms\"\n",
    );
    write(tmp.path(), "drafts/a.txt", SALESY);
    write(tmp.path(), "drafts/b.txt", SALESY);
    write(tmp.path(), "drafts/c.txt", CALM);
    let r = postlint(tmp.path(), &["check", "--fail-on", "never", "drafts"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let tail: Vec<&str> = r.stdout.lines().rev().take(12).collect();
    let tail: Vec<&str> = tail.into_iter().rev().collect();
    let text = tail.join("\n");
    assert!(
        text.contains("Verdicts: 1 pass, 2 review, 0 block"),
        "{text}"
    );
    assert!(text.contains("Reviewers: comms (2 posts)"), "{text}");
    let top = text
        .split("Top rules:\n")
        .nth(1)
        .expect("a top-rules table");
    let first = top.lines().next().unwrap();
    // Each salesy draft makes findings of several rules; the first row is the most frequent.
    let count: usize = first.split_whitespace().next().unwrap().parse().unwrap();
    assert!(count >= 2, "{first}");
    // In Danish.
    let r = postlint(
        tmp.path(),
        &["check", "--fail-on", "never", "--locale", "da", "drafts"],
        None,
    );
    assert!(
        r.stdout
            .contains("Vurderinger: 1 uden bemærkninger, 2 skal gennemses, 0 skal rettes"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Hyppigste regler:"), "{}", r.stdout);
    // One draft: no batch summary.
    let r = postlint(
        tmp.path(),
        &["check", "--fail-on", "never", "drafts/a.txt"],
        None,
    );
    assert!(!r.stdout.contains("Top rules"), "{}", r.stdout);
}

#[test]
fn output_fields_keep_a_batch_small_and_a_typo_is_an_error() {
    let tmp = TempDir::new().unwrap();
    let batch = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a", "text": SALESY}),
        serde_json::json!({"id": "b", "text": CALM}),
    );
    write(tmp.path(), "b.jsonl", &batch);
    let base = [
        "check",
        "--no-config",
        "--input-format",
        "jsonl",
        "--fail-on",
        "never",
    ];
    let full = postlint(
        tmp.path(),
        &[&base[..], &["--format", "jsonl", "b.jsonl"]].concat(),
        None,
    );
    let args = [
        &base[..],
        &[
            "--format",
            "jsonl",
            "--output-fields",
            "verdict, findings",
            "b.jsonl",
        ],
    ]
    .concat();
    let small = postlint(tmp.path(), &args, None);
    assert_eq!(small.code, 0, "{}", small.stderr);
    for (f, s) in full.stdout.lines().zip(small.stdout.lines()) {
        let (f, s) = (json(f), json(s));
        let mut keys: Vec<&str> = s.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["findings", "source", "verdict"]);
        assert_eq!(f["verdict"], s["verdict"]);
        assert_eq!(f["findings"], s["findings"]);
    }
    assert!(small.stdout.len() < full.stdout.len());
    // The JSON document too; its summary stays.
    let args = [
        &base[..],
        &["--format", "json", "--output-fields", "verdict", "b.jsonl"],
    ]
    .concat();
    let doc = json(&postlint(tmp.path(), &args, None).stdout);
    assert_eq!(doc["posts"][0].as_object().unwrap().len(), 2);
    assert_eq!(doc["summary"]["posts"], 2);
    let bad = postlint(
        tmp.path(),
        &[&base[..], &["--output-fields", "verdikt", "b.jsonl"]].concat(),
        None,
    );
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("unknown field `verdikt`"),
        "{}",
        bad.stderr
    );
    assert!(
        bad.stderr.contains("did you mean `verdict`?"),
        "{}",
        bad.stderr
    );
}
