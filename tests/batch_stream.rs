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
