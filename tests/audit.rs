//! The audit record: every report says what judged the post — the postlint version, the
//! guideline's name and the SHA-256 of everything it was made of, the moment and the time
//! zone embargoes were judged by, the locale — in JSON, JSON Lines and SARIF.

mod common;

use common::{json, postlint, write};
use tempfile::TempDir;

const GUIDELINE: &str = r#"extends = ["recommended"]
timezone = "America/New_York"

[[rule]]
id = "acme.codename"
kind = "terms"
terms_file = "codenames.txt"
severity = "error"
message = "Kodenavnet er fortroligt."
"#;

fn folder(codenames: &str) -> TempDir {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "postlint.toml", GUIDELINE);
    write(tmp.path(), "codenames.txt", codenames);
    write(
        tmp.path(),
        "post.txt",
        "Vi glæder os til at vise jer Havørn i foråret.\n",
    );
    tmp
}

#[track_caller]
fn audit(dir: &TempDir, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["check", "--format", "json", "--fail-on", "never"];
    all.extend_from_slice(args);
    let r = postlint(dir.path(), &all, None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    json(&r.stdout)["posts"][0]["audit"].clone()
}

#[test]
fn the_digest_is_the_guideline_content_wherever_it_lies() {
    let a = folder("Havørn\nNordlys\n");
    let b = folder("Havørn\nNordlys\n");
    let changed = folder("Havørn\nNordlys\nFyrtårn\n");
    let (x, y, z) = (
        audit(&a, &["post.txt"]),
        audit(&b, &["post.txt"]),
        audit(&changed, &["post.txt"]),
    );
    let sha = x["guideline_sha256"].as_str().unwrap();
    assert_eq!(sha.len(), 64);
    assert!(sha
        .bytes()
        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert_eq!(
        x["guideline_sha256"], y["guideline_sha256"],
        "same content, other folder"
    );
    assert_ne!(
        x["guideline_sha256"], z["guideline_sha256"],
        "a term file changed"
    );
    // The discovered file, as postlint found it.
    assert!(
        x["guideline"].as_str().unwrap().ends_with("postlint.toml"),
        "{x}"
    );
    assert_eq!(x["postlint"], env!("CARGO_PKG_VERSION"));
    assert_eq!(x["time_zone"], "America/New_York");
    assert_eq!(x["locale"], "en");
    assert_eq!(x["waivers_ignored"], false);
    // `postlint config` names the same digest.
    let r = postlint(a.path(), &["config", "--format", "json"], None);
    assert_eq!(json(&r.stdout)["sha256"], x["guideline_sha256"]);
    let r = postlint(a.path(), &["config"], None);
    assert!(
        r.stdout.contains(&format!("  SHA-256     {sha}")),
        "{}",
        r.stdout
    );
}

#[test]
fn the_moment_is_recorded_with_the_zones_offset_and_where_it_came_from() {
    let dir = folder("Havørn\n");
    let run = audit(&dir, &["--date", "2027-07-01", "post.txt"]);
    // Midnight in New York in summer.
    assert_eq!(run["date"], "2027-07-01T00:00:00-04:00");
    assert_eq!(run["date_from"], "run");
    let at = audit(&dir, &["--date", "2027-01-15T08:00:00+01:00", "post.txt"]);
    assert_eq!(
        at["date"], "2027-01-15T02:00:00-05:00",
        "the same instant, in the zone"
    );
    write(
        dir.path(),
        "dated.md",
        "+++\ndate = 2027-03-01\n+++\nVi glæder os til foråret.\n",
    );
    let post = audit(&dir, &["--date", "2027-07-01", "dated.md"]);
    assert_eq!(post["date"], "2027-03-01T00:00:00-05:00");
    assert_eq!(post["date_from"], "post");
    let clock = audit(&dir, &["post.txt"]);
    assert_eq!(clock["date_from"], "clock");
    let waived = audit(&dir, &["--no-waivers", "post.txt"]);
    assert_eq!(waived["waivers_ignored"], true);
    let da = audit(&dir, &["--locale", "da", "post.txt"]);
    assert_eq!(da["locale"], "da");
}

#[test]
fn json_lines_and_sarif_carry_it_too() {
    let dir = folder("Havørn\n");
    let batch = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a", "text": "Havørn kommer snart", "date": "2027-02-01"}),
        serde_json::json!({"id": "b", "text": "Godmorgen fra os alle"}),
    );
    write(dir.path(), "queue.jsonl", &batch);
    let r = postlint(
        dir.path(),
        &[
            "check",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "--date",
            "2027-07-01",
            "queue.jsonl",
        ],
        None,
    );
    let lines: Vec<_> = r.stdout.lines().map(json).collect();
    assert_eq!(lines[0]["audit"]["date"], "2027-02-01T00:00:00-05:00");
    assert_eq!(lines[0]["audit"]["date_from"], "post");
    assert_eq!(lines[1]["audit"]["date"], "2027-07-01T00:00:00-04:00");
    assert_eq!(lines[1]["audit"]["date_from"], "run");
    assert_eq!(
        lines[0]["audit"]["guideline_sha256"],
        lines[1]["audit"]["guideline_sha256"]
    );

    let r = postlint(
        dir.path(),
        &[
            "check",
            "--format",
            "sarif",
            "--fail-on",
            "never",
            "--date",
            "2027-07-01",
            "post.txt",
        ],
        None,
    );
    let v = json(&r.stdout);
    let run = &v["runs"][0];
    let a = &run["properties"]["audit"];
    assert!(
        a["guideline"].as_str().unwrap().ends_with("postlint.toml"),
        "{a}"
    );
    assert_eq!(a["time_zone"], "America/New_York");
    assert_eq!(a["guideline_sha256"].as_str().unwrap().len(), 64);
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "acme.codename");
    assert_eq!(result["properties"]["date"], "2027-07-01T00:00:00-04:00");
}
