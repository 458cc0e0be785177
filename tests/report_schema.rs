//! The JSON report contract (`docs/contracts.md`) as a JSON Schema (`docs/report.schema.json`):
//! every fixture's JSON and JSON Lines output validates against it.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn schema() -> Value {
    serde_json::from_str(include_str!("../docs/report.schema.json")).expect("the schema is JSON")
}

/// The schema of one JSON Lines line (a `posts[]` object or an error record): the same
/// definitions.
fn post_schema() -> Value {
    let mut s = schema();
    let obj = s.as_object_mut().unwrap();
    for key in [
        "type",
        "required",
        "additionalProperties",
        "properties",
        "title",
    ] {
        obj.remove(key);
    }
    obj.insert("$ref".into(), Value::String("#/$defs/jsonl_line".into()));
    s
}

fn postlint(args: &[&str]) -> String {
    postlint_exit(args, &[0, 1])
}

fn postlint_exit(args: &[&str], codes: &[i32]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .args(args)
        .output()
        .expect("postlint runs");
    assert!(
        out.status.code().is_some_and(|c| codes.contains(&c)),
        "postlint {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn errors(validator: &jsonschema::Validator, v: &Value) -> Vec<String> {
    validator
        .iter_errors(v)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

const ARGS: &[&str] = &[
    "check",
    "--config",
    "fixtures/guidelines/falck.toml",
    "--date",
    "2026-11-27",
    "--platform",
    "x,linkedin,bluesky,instagram,threads",
    "--fail-on",
    "never",
];

#[test]
fn every_fixture_report_validates() {
    let validator = jsonschema::validator_for(&schema()).expect("the schema compiles");
    let mut args = ARGS.to_vec();
    args.extend([
        "--format",
        "json",
        "fixtures/posts",
        "fixtures/rules",
        "fixtures/sample",
    ]);
    let report: Value = serde_json::from_str(&postlint(&args)).unwrap();
    let posts = report["posts"].as_array().unwrap().len();
    assert!(posts >= 100, "only {posts} fixtures");
    let findings = report["summary"]["findings"].as_u64().unwrap();
    assert!(findings >= 200, "only {findings} findings");
    let e = errors(&validator, &report);
    assert!(e.is_empty(), "{} schema errors:\n{}", e.len(), e.join("\n"));
}

#[test]
fn every_json_lines_record_validates() {
    let validator = jsonschema::validator_for(&post_schema()).expect("the schema compiles");
    let mut args = ARGS.to_vec();
    args.extend(["--format", "jsonl", "fixtures/posts"]);
    let out = postlint(&args);
    let mut n = 0;
    for line in out.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let e = errors(&validator, &v);
        assert!(e.is_empty(), "{}: {}", v["source"], e.join("\n"));
        n += 1;
    }
    assert!(n >= 50, "only {n} lines");
}

#[test]
fn error_records_of_a_batch_validate() {
    let validator = jsonschema::validator_for(&post_schema()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("batch.jsonl");
    std::fs::write(
        &batch,
        "{\"id\":\"1\",\"text\":\"Kæmpe rabat i dag\"}\n{oops\n{\"text\":\"x\",\"language\":\"sv\"}\n",
    )
    .unwrap();
    let mut args = ARGS.to_vec();
    args.extend(["--input-format", "jsonl", "--format", "jsonl"]);
    args.push(batch.to_str().unwrap());
    let out = postlint_exit(&args, &[2]);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{out}");
    for v in &lines {
        let e = errors(&validator, v);
        assert!(e.is_empty(), "{v}: {}", e.join("\n"));
    }
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["source"]
        .as_str()
        .unwrap()
        .ends_with("batch.jsonl:2"));
    assert!(lines[2]["error"].as_str().unwrap().contains("`sv`"));
    // An error record is not a post: it cannot pass for one.
    let post_only = {
        let mut s = post_schema();
        s["$ref"] = Value::String("#/$defs/post".into());
        jsonschema::validator_for(&s).unwrap()
    };
    assert!(!post_only.is_valid(&lines[1]));
}

#[test]
fn the_schema_refuses_what_the_contract_forbids() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let mut args = ARGS.to_vec();
    args.extend([
        "--format",
        "json",
        "fixtures/posts/06-da-salg-vejhjaelp-rabat.txt",
    ]);
    let good: Value = serde_json::from_str(&postlint(&args)).unwrap();
    assert!(validator.is_valid(&good));
    let mut bad = good.clone();
    bad["posts"][0]["verdict"] = Value::String("maybe".into());
    assert!(!validator.is_valid(&bad));
    let mut bad = good.clone();
    bad["posts"][0]["findings"][0]["span"]["column"] = Value::from(0);
    assert!(!validator.is_valid(&bad));
    let mut bad = good;
    bad["posts"][0]["findings"][0]
        .as_object_mut()
        .unwrap()
        .remove("message_id");
    assert!(!validator.is_valid(&bad));
}
