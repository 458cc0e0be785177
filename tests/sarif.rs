//! `--format sarif` against the official SARIF 2.1.0 schema (`fixtures/sarif/`, © OASIS Open,
//! see its NOTICE.md): every fixture, and the sources that are easy to get wrong — a path with
//! spaces and æøå, standard input, JSON Lines records, a draft that starts with a byte-order
//! mark — with regions whose line, column and character offsets name the same characters.

use serde_json::Value;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

fn validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(include_str!("../fixtures/sarif/sarif-schema-2.1.0.json")).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

#[track_caller]
fn sarif(args: &[&str], stdin: Option<&str>, dir: &Path) -> Value {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .current_dir(dir)
        .args(["check", "--format", "sarif", "--fail-on", "never"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("postlint runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("SARIF is JSON")
}

/// Every `uri` in the log: the schema declares them `uri-reference`, a format its draft-04
/// validator does not check, so each is parsed as RFC 3986 here.
fn uris<'v>(v: &'v Value, out: &mut Vec<&'v str>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match x.as_str() {
                    Some(s) if k == "uri" => out.push(s),
                    _ => uris(x, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| uris(x, out)),
        _ => {}
    }
}

#[track_caller]
fn assert_valid(log: &Value) {
    let v = validator();
    let mut errors: Vec<String> = v
        .iter_errors(log)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    let mut all = Vec::new();
    uris(log, &mut all);
    for u in all {
        if fluent_uri::UriRef::parse(u).is_err() {
            errors.push(format!("`{u}` is no URI reference"));
        }
    }
    assert!(
        errors.is_empty(),
        "{} errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().unwrap()
}

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_fixture_validates() {
    let log = sarif(
        &[
            "--config",
            "fixtures/guidelines/falck.toml",
            "--date",
            "2026-11-27",
            "--platform",
            "x,linkedin,bluesky",
            "fixtures/posts",
            "fixtures/rules",
            "fixtures/sample",
        ],
        None,
        crate_dir(),
    );
    assert!(results(&log).len() >= 200, "{}", results(&log).len());
    assert_valid(&log);
    // The schema is really applied: a wrong level or a negative offset is caught.
    let mut bad = log.clone();
    bad["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator().is_valid(&bad));
    let mut bad = log.clone();
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["charOffset"] =
        (-2).into();
    assert!(!validator().is_valid(&bad));
    let mut bad = log.clone();
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        "møde i dag.txt".into();
    let mut found = Vec::new();
    uris(&bad, &mut found);
    assert!(found.iter().any(|u| fluent_uri::UriRef::parse(*u).is_err()));
    // Every rule has its explanation, and help that says more.
    for r in log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
    {
        let full = r["fullDescription"]["text"].as_str().unwrap();
        let help = r["help"]["text"].as_str().unwrap();
        assert!(!full.is_empty() && help.starts_with(full), "{}", r["id"]);
    }
}

#[test]
fn paths_with_spaces_and_danish_letters_are_uri_references() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("møde i dag")).unwrap();
    std::fs::write(
        dir.path().join("møde i dag/tilbud #1.txt"),
        "Kæmpe rabat: 50% på alt i dag!",
    )
    .unwrap();
    let log = sarif(&["møde i dag/tilbud #1.txt"], None, dir.path());
    assert_valid(&log);
    let uri = results(&log)[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert_eq!(uri, "m%C3%B8de%20i%20dag/tilbud%20%231.txt");
    let abs = dir.path().join("møde i dag/tilbud #1.txt");
    let log = sarif(&[abs.to_str().unwrap()], None, dir.path());
    assert_valid(&log);
    let uri = results(&log)[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        uri.starts_with("file:///") && uri.ends_with("/m%C3%B8de%20i%20dag/tilbud%20%231.txt"),
        "{uri}"
    );
}

#[test]
fn standard_input_and_records_get_no_made_up_uri() {
    let dir = tempfile::tempdir().unwrap();
    let log = sarif(&["-"], Some("Kæmpe rabat: 50% på alt i dag!"), dir.path());
    assert_valid(&log);
    let loc = &results(&log)[0]["locations"][0];
    let artifact = &loc["physicalLocation"]["artifactLocation"];
    assert!(artifact.get("uri").is_none(), "{artifact}");
    assert_eq!(artifact["description"]["text"], "standard input");

    std::fs::write(
        dir.path().join("batch.jsonl"),
        "{\"id\":\"opslag 7\",\"text\":\"Kæmpe rabat: 50% på alt i dag!\"}\n",
    )
    .unwrap();
    let log = sarif(
        &["--input-format", "jsonl", "batch.jsonl"],
        None,
        dir.path(),
    );
    assert_valid(&log);
    let loc = &results(&log)[0]["locations"][0];
    assert!(loc["physicalLocation"]["artifactLocation"]
        .get("uri")
        .is_none());
    assert_eq!(loc["logicalLocations"][0]["name"], "opslag 7");
}

#[test]
fn regions_agree_and_a_byte_order_mark_is_no_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\u{FEFF}Hej!\nKæmpe rabat på alt i dag – køb nu!";
    std::fs::write(dir.path().join("bom.txt"), text).unwrap();
    let log = sarif(&["bom.txt"], None, dir.path());
    assert_valid(&log);
    assert!(!results(&log).is_empty());
    // The text as SARIF counts it: code points, the mark left out.
    let chars: Vec<char> = text.chars().skip(1).collect();
    let lines: Vec<&str> = text[3..].split('\n').collect();
    for r in results(&log) {
        let region = &r["locations"][0]["physicalLocation"]["region"];
        let at = |k: &str| region[k].as_u64().unwrap() as usize;
        let (line, col, off, len) = (
            at("startLine"),
            at("startColumn"),
            at("charOffset"),
            at("charLength"),
        );
        let before: usize = lines[..line - 1]
            .iter()
            .map(|l| l.chars().count() + 1)
            .sum();
        assert_eq!(before + col - 1, off, "{region}");
        let end_line = at("endLine");
        let before_end: usize = lines[..end_line - 1]
            .iter()
            .map(|l| l.chars().count() + 1)
            .sum();
        assert_eq!(before_end + at("endColumn") - 1, off + len, "{region}");
        assert!(off + len <= chars.len());
    }
    // The post is not blocked for the mark on X (U+FEFF inside a post would be invalid).
    let x = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .current_dir(dir.path())
        .args([
            "check",
            "--format",
            "json",
            "--platform",
            "x",
            "--fail-on",
            "never",
            "bom.txt",
        ])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&x.stdout).unwrap();
    let x = &report["posts"][0]["platforms"][0];
    assert!(x.get("invalid").is_none(), "{x}");
}

#[test]
fn a_guideline_s_help_url_becomes_each_rule_s_help_uri() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("postlint.toml"),
        "extends = [\"recommended\"]\nhelp_url = \"https://intranet.acme.dk/retningslinjer#{rule}\"\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), "Kæmpe rabat: 50% på alt i dag!").unwrap();
    let log = sarif(&["a.txt"], None, dir.path());
    assert_valid(&log);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let discount = rules.iter().find(|r| r["id"] == "sales.discount").unwrap();
    assert_eq!(
        discount["helpUri"],
        "https://intranet.acme.dk/retningslinjer#sales.discount"
    );

    std::fs::write(
        dir.path().join("postlint.toml"),
        "help_url = \"intranet/regler\"\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .current_dir(dir.path())
        .args(["check", "--format", "sarif", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("postlint.toml:1:12") && err.contains("https://"),
        "{err}"
    );
}
