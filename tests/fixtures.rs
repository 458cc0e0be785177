//! Every realistic draft under `fixtures/posts/` is checked against its expected findings.
//!
//! Each `NN-slug.txt` has a `NN-slug.expected` beside it:
//!
//! ```text
//! # date: 2026-11-27, guideline: falck.toml
//! # platforms: x,linkedin            (optional)
//! # known-issue: …                   (optional: a gap in the engine, kept honest)
//! sales.discount 3:14 "rabat"
//! verdict: review
//! ```
//!
//! The header names the guideline (under `fixtures/guidelines/`), the day to judge embargoes
//! and quiet periods by, and optionally the platforms; front matter in the post wins over the
//! header. One line per finding: rule id, line:column of the span start (column in Unicode
//! scalar values), the matched text `{:?}`-quoted, and ` (waived)` when the post's front
//! matter waives it; sorted like the report; then the verdict.
//!
//! `UPDATE_EXPECT=1 cargo test --test fixtures` rewrites the finding lines (keeping the `#`
//! header lines). Only for maintainers, and only after reviewing every change by hand.

use postlint::{Date, Guideline, Lang, Linter, Platform, Post, Report};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const MIN_FIXTURES: usize = 30;
const MIN_PER_LANGUAGE: usize = 12;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The `# key: value` settings of an `.expected` header.
#[derive(Debug, Default)]
struct Header {
    lines: Vec<String>,
    guideline: Option<String>,
    date: Option<Date>,
    platforms: Option<Vec<Platform>>,
}

fn parse_header(name: &str, expected: &str) -> Header {
    let mut h = Header::default();
    for line in expected.lines().take_while(|l| l.starts_with('#')) {
        h.lines.push(line.to_string());
        let body = line.trim_start_matches('#').trim();
        if body.starts_with("known-issue") {
            continue;
        }
        for part in body.split(", ") {
            let Some((key, value)) = part.split_once(':') else {
                continue;
            };
            let value = value.trim();
            match key.trim() {
                "guideline" => h.guideline = Some(value.to_string()),
                "date" => {
                    h.date = Some(
                        Date::parse(value)
                            .unwrap_or_else(|| panic!("{name}: bad date {value:?} in header")),
                    )
                }
                "platforms" => {
                    h.platforms = Some(value.split(',').map(|p| Platform::new(p.trim())).collect())
                }
                _ => {}
            }
        }
    }
    h
}

/// The findings and verdict in the `.expected` line format.
fn render(text: &str, report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let before = &text[..f.span.start];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        let matched = text.get(f.span.start..f.span.end).unwrap_or("<bad span>");
        let waived = if f.is_waived() { " (waived)" } else { "" };
        writeln!(out, "{} {line}:{col} {matched:?}{waived}", f.rule).unwrap();
    }
    writeln!(out, "verdict: {}", report.verdict.as_str()).unwrap();
    out
}

/// The lines of `expected` after its header.
fn body(expected: &str) -> String {
    expected
        .lines()
        .skip_while(|l| l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// A line diff (longest common subsequence): `-` expected only, `+` actual only.
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            writeln!(out, "    {}", a[i]).unwrap();
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            writeln!(out, "  + {}", b[j]).unwrap();
            j += 1;
        } else {
            writeln!(out, "  - {}", a[i]).unwrap();
            i += 1;
        }
    }
    out
}

fn posts() -> Vec<PathBuf> {
    let mut posts: Vec<PathBuf> = std::fs::read_dir(root().join("posts"))
        .expect("fixtures/posts exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    posts.sort();
    posts
}

fn name_of(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn every_post_fixture_has_its_expected_findings() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v != "0" && !v.is_empty());
    let posts = posts();
    assert!(
        posts.len() >= MIN_FIXTURES,
        "only {} post fixtures in fixtures/posts (need at least {MIN_FIXTURES})",
        posts.len()
    );
    let mut linters: BTreeMap<String, Linter> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut languages: BTreeMap<Option<Lang>, usize> = BTreeMap::new();
    for path in &posts {
        let name = name_of(path);
        let expected_path = path.with_extension("expected");
        let Ok(expected) = std::fs::read_to_string(&expected_path) else {
            failures.push(format!("{name}: missing {}", name_of(&expected_path)));
            continue;
        };
        let header = parse_header(&name, &expected);
        let Some(guideline) = header.guideline.clone() else {
            failures.push(format!(
                "{name}: the .expected header names no `guideline:`"
            ));
            continue;
        };
        let Some(date) = header.date else {
            failures.push(format!("{name}: the .expected header names no `date:`"));
            continue;
        };
        let linter = linters.entry(guideline.clone()).or_insert_with(|| {
            let g = Guideline::from_path(root().join("guidelines").join(&guideline))
                .unwrap_or_else(|e| panic!("{name}: guideline {guideline}: {e}"));
            Linter::new(g).unwrap_or_else(|e| panic!("{guideline}: {e}"))
        });
        let text = std::fs::read_to_string(path).unwrap();
        let mut post = Post::from_draft(text.as_str(), &name)
            .unwrap_or_else(|e| panic!("{name}: front matter: {e}"));
        if post.date_hint().is_none() {
            post = post.date(date);
        }
        if post.platform_list().is_none() {
            if let Some(platforms) = header.platforms.clone() {
                post = post.platforms(platforms);
            }
        }
        let report = linter.check(&post);
        *languages.entry(report.language).or_default() += 1;
        let actual = render(&text, &report);
        if update {
            let mut new = header.lines.join("\n");
            new.push('\n');
            new.push_str(&actual);
            if new != expected {
                std::fs::write(&expected_path, new).unwrap();
            }
        } else if body(&expected) != actual {
            failures.push(format!(
                "{name}: findings differ (- expected, + actual):\n{}",
                diff(&body(&expected), &actual)
            ));
        }
    }
    let da = languages.get(&Some(Lang::Da)).copied().unwrap_or(0);
    let en = languages.get(&Some(Lang::En)).copied().unwrap_or(0);
    assert!(
        failures.is_empty(),
        "{} of {} post fixtures fail{}:\n\n{}",
        failures.len(),
        posts.len(),
        if update {
            ""
        } else {
            " (after review: UPDATE_EXPECT=1 rewrites them)"
        },
        failures.join("\n")
    );
    assert!(
        da >= MIN_PER_LANGUAGE && en >= MIN_PER_LANGUAGE,
        "the fixtures need at least {MIN_PER_LANGUAGE} Danish and {MIN_PER_LANGUAGE} English posts \
         (detected: {da} da, {en} en, {} undetermined)",
        languages.get(&None).copied().unwrap_or(0)
    );
}

#[test]
fn diff_marks_missing_and_extra_lines() {
    let d = diff("a\nb\nverdict: pass\n", "a\nc\nverdict: pass\n");
    assert_eq!(d, "    a\n  + c\n  - b\n    verdict: pass\n");
}
