//! End-to-end tests of what the binary reads: every input through a limit, bad lines of a
//! batch reported in place while the rest are checked, strict dates, and output that stays
//! readable whatever the post contains. Each test failed (hung, ran out of memory, printed
//! raw escape codes or silently accepted) before it was written.

mod common;

use common::{json, postlint, write};
use tempfile::TempDir;

#[test]
fn endless_inputs_are_a_clear_error() {
    let tmp = TempDir::new().unwrap();
    // A device that never ends, as a draft and as the guideline.
    let r = postlint(tmp.path(), &["check", "--no-config", "/dev/zero"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("/dev/zero is larger than 1 MiB"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--max-post-bytes"), "{}", r.stderr);
    write(tmp.path(), "a.txt", "Hej");
    let r = postlint(
        tmp.path(),
        &["check", "--config", "/dev/zero", "a.txt"],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("larger than 8 MiB"), "{}", r.stderr);
    // Standard input, over the limit the user set.
    let big = "rabat ".repeat(400);
    let r = postlint(
        tmp.path(),
        &["check", "--no-config", "--max-post-bytes", "1K"],
        Some(big.as_bytes()),
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("standard input is larger than 1 KiB"),
        "{}",
        r.stderr
    );
    let r = postlint(
        tmp.path(),
        &["check", "--max-post-bytes", "lots", "a.txt"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("512K"), "{}", r.stderr);
}

#[test]
fn a_guideline_reads_only_its_own_folder() {
    let tmp = TempDir::new().unwrap();
    let outside = TempDir::new().unwrap();
    let words = write(outside.path(), "words.txt", "Nordlys\n");
    write(
        tmp.path(),
        "postlint.toml",
        format!(
            "[[rule]]\nid = \"acme.codename\"\nkind = \"terms\"\nterms_file = {:?}\nseverity = \"error\"\nmessage = \"Codename\"\n",
            words.display().to_string()
        ),
    );
    write(tmp.path(), "a.txt", "Nordlys lander snart.");
    let r = postlint(tmp.path(), &["check", "a.txt"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("outside the guideline's folder"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("postlint.toml:4"), "{}", r.stderr);
    assert!(r.stderr.contains("--allow-outside-paths"), "{}", r.stderr);
    let r = postlint(
        tmp.path(),
        &[
            "check",
            "--allow-outside-paths",
            "--format",
            "json",
            "a.txt",
        ],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        json(&r.stdout)["posts"][0]["findings"][0]["rule"],
        "acme.codename"
    );
}

#[test]
fn a_binary_file_named_as_a_guideline_is_not_printed() {
    let tmp = TempDir::new().unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&[0x1b, b'[', b'2', b'J']);
    write(tmp.path(), "logo.png", &png);
    write(tmp.path(), "postlint.toml", "extends = [\"logo.png\"]\n");
    write(tmp.path(), "a.txt", "Hej");
    let r = postlint(tmp.path(), &["check", "a.txt"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("logo.png"), "{}", r.stderr);
    assert!(
        !r.stderr.contains("IHDR") && !r.stderr.contains('\u{1b}'),
        "{}",
        r.stderr
    );
}

#[test]
fn a_batch_reports_bad_lines_in_place_and_checks_the_rest() {
    let tmp = TempDir::new().unwrap();
    let huge = format!("{{\"id\":\"huge\",\"text\":\"{}\"}}", "a".repeat(8 << 20));
    let batch = format!(
        "\u{feff}{{\"id\":\"1\",\"text\":\"Kæmpe rabat i dag\"}}\n{huge}\n{{oops\n\n\
         {{\"id\":\"4\",\"text\":\"Hej\",\"language\":\"sv\"}}\n\
         {{\"id\":\"5\",\"text\":\"Hej\",\"platform\":\"myspace\"}}\n\
         {{\"id\":\"6\",\"text\":\"Hej\",\"date\":\"2027-1-5\"}}\n\
         {{\"id\":\"7\",\"text\":\"Vi søger en kollega\"}}\n"
    );
    write(tmp.path(), "batch.jsonl", &batch);
    let r = postlint(
        tmp.path(),
        &[
            "check",
            "--no-config",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "batch.jsonl",
        ],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    let lines: Vec<serde_json::Value> = r.stdout.lines().map(json).collect();
    let sources: Vec<&str> = lines
        .iter()
        .map(|l| l["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        [
            "1",
            "batch.jsonl:2",
            "batch.jsonl:3",
            "batch.jsonl:5",
            "batch.jsonl:6",
            "batch.jsonl:7",
            "7"
        ]
    );
    // The byte-order mark did not break the first record; blank line 4 is skipped.
    assert_eq!(lines[0]["findings"][0]["rule"], "sales.discount");
    assert!(
        lines[1]["error"].as_str().unwrap().contains("8.0 MiB"),
        "{}",
        lines[1]
    );
    assert!(lines[2]["error"].as_str().unwrap().contains("invalid JSON"));
    assert!(lines[3]["error"].as_str().unwrap().contains("`sv`"));
    assert_eq!(lines[4]["error"], "unknown platform `myspace`");
    assert!(lines[5]["error"]
        .as_str()
        .unwrap()
        .contains("2027-01-15T08:00:00+01:00"));
    assert!(
        r.stderr
            .contains("5 lines of the batch could not be checked"),
        "{}",
        r.stderr
    );

    // Any other format: the same lines on standard error, the report of the good ones.
    let r = postlint(
        tmp.path(),
        &[
            "check",
            "--no-config",
            "--input-format",
            "jsonl",
            "--format",
            "json",
            "batch.jsonl",
        ],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(json(&r.stdout)["summary"]["posts"], 2);
    assert!(
        r.stderr
            .contains("error: batch.jsonl:3: invalid JSON Lines record"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_record_is_judged_by_its_own_date() {
    let tmp = TempDir::new().unwrap();
    write(
        tmp.path(),
        "postlint.toml",
        "[[confidential]]\nterms = [\"Nordlys\"]\nuntil = 2027-01-15\n",
    );
    write(
        tmp.path(),
        "b.jsonl",
        "{\"id\":\"before\",\"text\":\"Nordlys er her.\",\"date\":\"2027-01-14\"}\n\
         {\"id\":\"after\",\"text\":\"Nordlys er her.\",\"date\":\"2027-01-15\"}\n\
         {\"id\":\"run\",\"text\":\"Nordlys er her.\"}\n",
    );
    let r = postlint(
        tmp.path(),
        &[
            "check",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "--date",
            "2027-02-01",
            "b.jsonl",
        ],
        None,
    );
    let lines: Vec<serde_json::Value> = r.stdout.lines().map(json).collect();
    let rules = |i: usize| -> Vec<String> {
        lines[i]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        rules(0).iter().any(|r| r.starts_with("confidential")),
        "{:?}",
        lines[0]
    );
    assert!(
        !rules(1).iter().any(|r| r.starts_with("confidential")),
        "{:?}",
        lines[1]
    );
    // Without its own date, the run's.
    assert!(
        !rules(2).iter().any(|r| r.starts_with("confidential")),
        "{:?}",
        lines[2]
    );
}

#[test]
fn dates_are_exactly_iso() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", "Hej");
    for bad in [
        "2027-1-5",
        "2027-02-30",
        "+2027-01-05",
        "27-01-05",
        "2027-01-05T10",
        "2027-01-05T25:00",
        "5 January",
    ] {
        let r = postlint(
            tmp.path(),
            &["check", "--no-config", "--date", bad, "a.txt"],
            None,
        );
        assert_eq!(r.code, 2, "{bad}: {}", r.stderr);
        assert!(r.stderr.contains("2027-01-15"), "{bad}: {}", r.stderr);
    }
    // A day, a local time (the guideline's time zone) and an instant with its offset.
    for good in [
        "2027-01-05",
        "2027-01-05T10:00",
        "2027-01-05T10:00:00+01:00",
        "2027-01-05T09:00:00Z",
    ] {
        let r = postlint(
            tmp.path(),
            &["check", "--no-config", "--date", good, "a.txt"],
            None,
        );
        assert_eq!(r.code, 0, "{good}: {}", r.stderr);
    }
}

#[test]
fn findings_per_rule_are_capped_and_counted() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", "rabat ".repeat(100));
    let r = postlint(
        tmp.path(),
        &[
            "check",
            "--no-config",
            "--max-findings-per-rule",
            "3",
            "--format",
            "json",
            "a.txt",
        ],
        None,
    );
    let v = json(&r.stdout);
    let discount: Vec<&serde_json::Value> = v["posts"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "sales.discount")
        .collect();
    // Three listed, then one that stands for the other 97; the counts stay exact.
    assert_eq!(discount.len(), 4);
    assert!(discount[..3].iter().all(|f| f.get("omitted").is_none()));
    assert_eq!(discount[3]["omitted"], 97);
    assert!(v["summary"]["findings"].as_u64().unwrap() >= 100);
    let r = postlint(
        tmp.path(),
        &[
            "check",
            "--no-config",
            "--max-findings-per-rule",
            "0",
            "a.txt",
        ],
        None,
    );
    assert_eq!(r.code, 2);
}

#[test]
fn a_megabyte_of_one_word_gives_a_small_report() {
    // Before: a 1 MB post of "rabat " gave a 410 MB JSON report (930 MB of memory).
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", "rabat ".repeat((1 << 20) / 6));
    let r = postlint(
        tmp.path(),
        &["check", "--no-config", "--format", "json", "a.txt"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.len() < 4 << 20, "{} bytes", r.stdout.len());
    assert!(json(&r.stdout)["summary"]["findings"].as_u64().unwrap() > 170_000);
}

#[test]
fn control_characters_are_shown_not_obeyed() {
    let tmp = TempDir::new().unwrap();
    // Clear the screen, return to the line start, reverse the rest: none may reach a terminal.
    write(
        tmp.path(),
        "a.txt",
        "Kæmpe \u{1b}[2J\rrabat \u{202e}i dag\u{7}\n",
    );
    let r = postlint(tmp.path(), &["check", "--no-config", "a.txt"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for c in ['\u{1b}', '\r', '\u{202e}', '\u{7}'] {
        assert!(!r.stdout.contains(c), "{c:?} in {}", r.stdout);
    }
    assert!(
        r.stdout.contains("\u{241b}[2J\u{240d}rabat"),
        "{}",
        r.stdout
    );
    // The batch id is shown the same way.
    write(
        tmp.path(),
        "b.jsonl",
        "{\"id\":\"x\\u001b]8;;evil\\u0007\",\"text\":\"rabat\"}\n",
    );
    let r = postlint(
        tmp.path(),
        &["check", "--no-config", "--input-format", "jsonl", "b.jsonl"],
        None,
    );
    assert!(!r.stdout.contains('\u{1b}'), "{}", r.stdout);
    assert!(
        r.stdout.contains("x\u{241b}]8;;evil\u{2407}"),
        "{}",
        r.stdout
    );
}

#[test]
fn json_lines_stay_one_line_each() {
    let tmp = TempDir::new().unwrap();
    write(
        tmp.path(),
        "b.jsonl",
        "{\"id\":\"a\\u2028b\",\"text\":\"rabat\\u2029\"}\n{\"id\":\"c\",\"text\":\"rabat\"}\n",
    );
    let r = postlint(
        tmp.path(),
        &[
            "check",
            "--no-config",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "b.jsonl",
        ],
        None,
    );
    assert!(!r.stdout.contains('\u{2028}') && !r.stdout.contains('\u{2029}'));
    assert!(r.stdout.contains("a\\u2028b"), "{}", r.stdout);
    // Split as Python's str.splitlines() would: still two records.
    let n = r
        .stdout
        .split(['\n', '\u{2028}', '\u{2029}'])
        .filter(|l| !l.is_empty())
        .count();
    assert_eq!(n, 2);
}

#[test]
fn platform_names_are_trimmed_and_unknown_ones_named() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "a.txt", "Hej");
    let r = postlint(
        tmp.path(),
        &[
            "check",
            "--no-config",
            "--platform",
            "X , linkedin",
            "a.txt",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = postlint(
        tmp.path(),
        &["check", "--no-config", "--platform", "linkedn", "a.txt"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("linkedin"), "{}", r.stderr);
}

#[test]
fn a_wrong_type_names_the_allowed_values() {
    let tmp = TempDir::new().unwrap();
    write(tmp.path(), "postlint.toml", "fail_on = 3\n");
    write(tmp.path(), "a.txt", "Hej");
    let r = postlint(tmp.path(), &["check", "a.txt"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("postlint.toml:1"), "{}", r.stderr);
    assert!(r.stderr.contains("fail_on"), "{}", r.stderr);
    assert!(
        r.stderr.contains("error") && r.stderr.contains("warning"),
        "{}",
        r.stderr
    );
}
