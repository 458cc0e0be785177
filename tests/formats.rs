//! The CI formats from the command line: concise, JUnit, GitLab Code Quality, `--statistics`,
//! and GitHub's step summary when a run has more annotations than GitHub shows.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn run(dir: &Path, args: &[&str], env: &[(&str, &Path)]) -> (i32, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_postlint"));
    cmd.current_dir(dir)
        .args(["check", "--fail-on", "never"])
        .args(args)
        .env_remove("GITHUB_STEP_SUMMARY");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("postlint runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn drafts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("tilbud.txt"),
        "Kæmpe rabat: 50% på alt i dag! Køb nu på https://bit.ly/3xYz",
    )
    .unwrap();
    std::fs::write(dir.path().join("ok.txt"), "Tak for en god dag med holdet.").unwrap();
    dir
}

#[test]
fn concise_is_one_line_per_finding() {
    let dir = drafts();
    let (code, out) = run(
        dir.path(),
        &["--format", "concise", "ok.txt", "tilbud.txt"],
        &[],
    );
    assert_eq!(code, 0);
    assert!(!out.is_empty());
    for line in out.lines() {
        let mut parts = line.splitn(4, ':');
        assert_eq!(parts.next(), Some("tilbud.txt"), "{line}");
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
        let rest = parts.next().unwrap();
        assert!(
            [" error ", " warning ", " info "]
                .iter()
                .any(|s| rest.starts_with(s)),
            "{line}"
        );
    }
    assert!(out.contains(" links.shortener "), "{out}");
}

#[test]
fn junit_counts_posts_and_findings() {
    let dir = drafts();
    let (_, concise) = run(
        dir.path(),
        &["--format", "concise", "ok.txt", "tilbud.txt"],
        &[],
    );
    let n = concise.lines().count();
    let (code, out) = run(
        dir.path(),
        &["--format", "junit", "ok.txt", "tilbud.txt"],
        &[],
    );
    assert_eq!(code, 0);
    assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"));
    assert!(
        out.contains(&format!("tests=\"{}\" failures=\"{n}\"", n + 1)),
        "{out}"
    );
    assert_eq!(out.matches("<failure ").count(), n);
    assert_eq!(out.matches("<testsuite ").count(), 2);
    assert!(out.trim_end().ends_with("</testsuites>"));
}

#[test]
fn gitlab_code_quality_issues() {
    let dir = drafts();
    let (code, out) = run(dir.path(), &["--format", "gitlab", "tilbud.txt"], &[]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let issues = v.as_array().unwrap();
    assert!(!issues.is_empty());
    let mut prints: Vec<&str> = Vec::new();
    for i in issues {
        assert_eq!(i["location"]["path"], "tilbud.txt");
        assert!(
            i["location"]["positions"]["begin"]["line"]
                .as_u64()
                .unwrap()
                >= 1
        );
        assert!(["info", "minor", "major", "critical", "blocker"]
            .contains(&i["severity"].as_str().unwrap()));
        prints.push(i["fingerprint"].as_str().unwrap());
    }
    let n = prints.len();
    prints.sort();
    prints.dedup();
    assert_eq!(prints.len(), n, "fingerprints are unique");
}

#[test]
fn statistics_count_per_rule() {
    let dir = drafts();
    let (_, concise) = run(dir.path(), &["--format", "concise", "tilbud.txt"], &[]);
    let (code, out) = run(dir.path(), &["--statistics", "tilbud.txt"], &[]);
    assert_eq!(code, 0);
    let total: usize = out
        .lines()
        .map(|l| {
            l.split_whitespace()
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(total, concise.lines().count(), "{out}");
    assert!(out.contains("links.shortener"));
}

#[test]
fn github_step_summary_when_annotations_would_be_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    // Eleven posts with a shortened link each: eleven warnings, one more than GitHub shows.
    for i in 0..11 {
        std::fs::write(
            dir.path().join(format!("p{i:02}.txt")),
            "Læs mere om vores nye afdeling: https://bit.ly/3xYz",
        )
        .unwrap();
    }
    let (_, few) = run(
        dir.path(),
        &[
            "--format",
            "github",
            "--select",
            "links.shortener",
            "p00.txt",
        ],
        &[("GITHUB_STEP_SUMMARY", &summary)],
    );
    assert!(!summary.exists(), "one annotation fits: no summary");
    assert!(!few.contains("::notice title=postlint"));
    let (code, out) = run(
        dir.path(),
        &["--format", "github", "--select", "links.shortener", "."],
        &[("GITHUB_STEP_SUMMARY", &summary)],
    );
    assert_eq!(code, 0);
    assert_eq!(out.matches("::warning file=").count(), 11);
    assert!(
        out.contains("::notice title=postlint::GitHub shows 10"),
        "{out}"
    );
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(md.starts_with("## postlint"), "{md}");
    assert_eq!(md.matches("`links.shortener`").count(), 11, "{md}");
}
