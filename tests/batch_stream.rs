//! A JSON Lines batch streams: the first result is written while the input is still open,
//! and a malformed line becomes an error record for that line while the rest are checked
//! (exit 2).

use std::io::{BufRead as _, BufReader, Write as _};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

#[test]
fn the_first_result_comes_before_the_input_ends() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .args([
            "check",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "--fail-on",
            "never",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    stdin
        .write_all(b"{\"id\":\"1\",\"text\":\"Kaempe rabat i dag!\"}\n")
        .unwrap();
    stdin.flush().unwrap();
    // The input stays open: the first line must arrive anyway.
    let first = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the first result is written before the input ends");
    assert!(
        first.contains("\"source\":\"1\"") || first.contains("\"source\": \"1\""),
        "{first}"
    );
    stdin
        .write_all(b"{oops\n{\"id\":\"3\",\"text\":\"Hej\"}\n")
        .unwrap();
    drop(stdin);
    let rest: Vec<String> = rx.iter().collect();
    assert_eq!(rest.len(), 2, "{rest:?}");
    assert!(
        rest[0].contains("\"line\":2") || rest[0].contains("\"line\": 2"),
        "{}",
        rest[0]
    );
    assert!(rest[1].contains("\"3\""), "{}", rest[1]);
    assert_eq!(child.wait().unwrap().code(), Some(2));
}

/// Runs `postlint check ARGS` on `input` and returns (exit code, stdout).
fn run(args: &[&str], input: &str) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .args([
            "check",
            "--no-config",
            "--fail-on",
            "never",
            "--date",
            "2026-12-01",
        ])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_string();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn every_core_gives_the_same_output_in_the_same_order_as_one() {
    // Posts of very different cost, bad lines among them: the order must hold anyway.
    let mut batch = String::new();
    for i in 0..600 {
        let text = match i % 7 {
            0 => "Kæmpe rabat! Køb nu – kun i dag! https://bit.ly/3xYz ".repeat(40),
            3 => "Hej".to_string(),
            _ => format!("Tak til holdet for en god dag nummer {i} på vagtcentralen."),
        };
        if i % 97 == 5 {
            batch.push_str("{not json\n");
        } else {
            batch.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
            batch.push('\n');
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("batch.jsonl");
    std::fs::write(&file, &batch).unwrap();
    let file = file.to_str().unwrap();
    let jsonl = ["--input-format", "jsonl", "--format", "jsonl"];
    let one = run(&[&jsonl[..], &["--threads", "1", file]].concat(), "");
    let all = run(&[&jsonl[..], &["--threads", "0", file]].concat(), "");
    let four = run(&[&jsonl[..], &["--threads", "4", file]].concat(), "");
    // An absurd thread count is capped, not tried.
    let many = run(&[&jsonl[..], &["--threads", "1000000", file]].concat(), "");
    assert!(one == many, "--threads 1000000 differs from --threads 1");
    // Whole outputs are compared without printing them: they are megabytes.
    assert_eq!(one.0, 2, "bad lines exit 2");
    assert!(one == all, "--threads 0 differs from --threads 1");
    assert!(one == four, "--threads 4 differs from --threads 1");
    assert_eq!(one.1.lines().count(), 600);
    // Standard input too (its error records name `-`, not the file): the same lines in the
    // same order.
    let piped = run(&[&jsonl[..], &["--threads", "3", "-"]].concat(), &batch);
    let order = |out: &str| -> Vec<String> {
        out.lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                match v.get("error") {
                    Some(_) => format!("error at line {}", v["line"]),
                    None => v["source"].to_string(),
                }
            })
            .collect()
    };
    assert_eq!(order(&piped.1), order(&one.1));
    // The other formats are checked in parallel and rendered at the end.
    let json = |t: &str| {
        run(
            &[
                "--input-format",
                "jsonl",
                "--format",
                "json",
                "--threads",
                t,
                file,
            ],
            "",
        )
    };
    assert!(
        json("1") == json("4"),
        "--format json differs between 1 and 4 threads"
    );
}
