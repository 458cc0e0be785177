//! twitter-text's own conformance suite (`fixtures/twitter-text/`, Apache-2.0, vendored as
//! its README asks: the YAML files are read here, not copied into code). Each section is read
//! as what postlint reports: the entities of a post, X's weighted length and the point where
//! `length.over-limit` cuts. The extraction indices of the suite are in code points, the
//! valid ranges of the weighted-length sections in UTF-16 code units (twitter-text's string
//! indices); postlint's spans are bytes and are converted before comparing.
//!
//! The test prints every section's pass count and each failing case, and fails unless every
//! case of every section passes.

use postlint::{Entities, Entity, Guideline, Linter, Options, Post};
use std::path::Path;
use yaml_rust2::{Yaml, YamlLoader};

fn suite(file: &str) -> Yaml {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/twitter-text")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    YamlLoader::load_from_str(&text)
        .unwrap()
        .into_iter()
        .next()
        .unwrap()
}

/// Byte offset → code-point index in `text`.
fn cp(text: &str, byte: usize) -> i64 {
    text[..byte.min(text.len())].chars().count() as i64
}

fn x_linter() -> Linter {
    Linter::with_options(
        Guideline::from_toml("platforms = [\"x\"]", "conformance.toml").unwrap(),
        Options::new(),
    )
    .unwrap()
}

/// The 140-character limit of the suite's `tweets` section (twitter-text's legacy
/// `isValidTweetText`: code points, URLs as written).
fn legacy_linter() -> Linter {
    let g = "[platforms.x]\nlimit = 140\nunit = \"chars\"\ndefault = true\n";
    Linter::new(Guideline::from_toml(g, "conformance.toml").unwrap()).unwrap()
}

fn entities(linter: &Linter, text: &str) -> Entities {
    linter.check(&Post::new(text)).entities
}

fn strings(y: &Yaml) -> Vec<String> {
    y.as_vec()
        .map(|v| {
            v.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn indices(y: &Yaml) -> (i64, i64) {
    let v = y["indices"].as_vec().unwrap();
    (v[0].as_i64().unwrap(), v[1].as_i64().unwrap())
}

/// One section's outcome: passed, and the failures described.
struct Outcome {
    section: String,
    passed: usize,
    total: usize,
    failures: Vec<String>,
}

fn run_section(
    tests: &Yaml,
    section: &str,
    mut case: impl FnMut(&str, &Yaml) -> Result<(), String>,
) -> Outcome {
    let cases = tests[section]
        .as_vec()
        .unwrap_or_else(|| panic!("no section {section}"));
    let mut out = Outcome {
        section: section.to_string(),
        passed: 0,
        total: cases.len(),
        failures: Vec::new(),
    };
    for c in cases {
        let text = c["text"].as_str().unwrap_or("");
        match case(text, &c["expected"]) {
            Ok(()) => out.passed += 1,
            Err(why) => out.failures.push(format!(
                "{}: {text:?}: {why}",
                c["description"].as_str().unwrap_or("")
            )),
        }
    }
    out
}

fn same<T: PartialEq + std::fmt::Debug>(got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("got {got:?}, want {want:?}"))
    }
}

fn with_indices(text: &str, list: &[Entity]) -> Vec<(String, i64, i64)> {
    list.iter()
        .map(|e| (e.text.clone(), cp(text, e.start), cp(text, e.end)))
        .collect()
}

fn expected_with_indices(y: &Yaml, key: &str) -> Vec<(String, i64, i64)> {
    y.as_vec()
        .unwrap()
        .iter()
        .map(|e| {
            let (s, t) = indices(e);
            (e[key].as_str().unwrap().to_string(), s, t)
        })
        .collect()
}

fn extract_sections() -> Vec<Outcome> {
    let y = suite("extract.yml");
    let t = &y["tests"];
    let l = x_linter();
    let mut out = Vec::new();
    out.push(run_section(t, "mentions", |text, want| {
        let e = entities(&l, text);
        let got: Vec<String> = e.mentions.iter().map(|m| m.text.clone()).collect();
        same(got, strings(want))
    }));
    out.push(run_section(t, "mentions_with_indices", |text, want| {
        same(
            with_indices(text, &entities(&l, text).mentions),
            expected_with_indices(want, "screen_name"),
        )
    }));
    out.push(run_section(
        t,
        "mentions_or_lists_with_indices",
        |text, want| {
            let e = entities(&l, text);
            let mut both: Vec<&Entity> = e.mentions.iter().chain(&e.lists).collect();
            both.sort_by_key(|m| m.start);
            let got: Vec<(String, String, i64, i64)> = both
                .into_iter()
                .map(|m| {
                    let (name, list) = match m.text.split_once('/') {
                        Some((n, s)) => (n.to_string(), format!("/{s}")),
                        None => (m.text.clone(), String::new()),
                    };
                    (name, list, cp(text, m.start), cp(text, m.end))
                })
                .collect();
            let want: Vec<(String, String, i64, i64)> = want
                .as_vec()
                .unwrap()
                .iter()
                .map(|e| {
                    let (s, t) = indices(e);
                    let name = e["screen_name"].as_str().unwrap().to_string();
                    let list = e["list_slug"].as_str().unwrap_or("").to_string();
                    (name, list, s, t)
                })
                .collect();
            same(got, want)
        },
    ));
    out.push(run_section(t, "replies", |text, want| {
        same(
            entities(&l, text).reply.map(|r| r.text),
            want.as_str().map(str::to_string),
        )
    }));
    // Each section lists URLs either as texts or as tables with indices.
    for section in [
        "urls",
        "urls_with_directional_markers",
        "urls_with_indices",
        "tco_urls_with_params",
    ] {
        out.push(run_section(t, section, |text, want| {
            let e = entities(&l, text);
            if want
                .as_vec()
                .is_some_and(|v| v.first().is_some_and(|f| f.as_hash().is_some()))
            {
                same(
                    with_indices(text, &e.urls),
                    expected_with_indices(want, "url"),
                )
            } else {
                same(
                    e.urls.iter().map(|u| u.text.clone()).collect(),
                    strings(want),
                )
            }
        }));
    }
    for section in ["hashtags", "hashtags_from_astral"] {
        out.push(run_section(t, section, |text, want| {
            let e = entities(&l, text);
            same(
                e.hashtags.iter().map(|h| h.text.clone()).collect(),
                strings(want),
            )
        }));
    }
    out.push(run_section(t, "hashtags_with_indices", |text, want| {
        same(
            with_indices(text, &entities(&l, text).hashtags),
            expected_with_indices(want, "hashtag"),
        )
    }));
    out.push(run_section(t, "cashtags", |text, want| {
        let e = entities(&l, text);
        same(
            e.cashtags.iter().map(|c| c.text.clone()).collect(),
            strings(want),
        )
    }));
    out.push(run_section(t, "cashtags_with_indices", |text, want| {
        same(
            with_indices(text, &entities(&l, text).cashtags),
            expected_with_indices(want, "cashtag"),
        )
    }));
    for o in &mut out {
        o.section = format!("extract.yml {}", o.section);
    }
    out
}

/// X's weighted length of the text as given ([`Linter::measure`]; a check counts the post as
/// published, without the trailing space two cases end with), whether X takes it, and the last
/// code point `length.over-limit` leaves in (the suite's `validRangeEnd`).
fn weighted(linter: &Linter, text: &str) -> (i64, bool, i64) {
    let report = linter.check(&Post::new(text));
    let measured = linter.measure(text);
    let x = measured.iter().find(|p| p.name == "x").unwrap();
    let published = report.platforms.iter().find(|p| p.name == "x").unwrap();
    assert_eq!(
        published.length,
        linter.measure(text.trim())[0].length,
        "a check counts the trimmed text: {text:?}"
    );
    let over = report
        .findings
        .iter()
        .find(|f| f.rule == "length.over-limit");
    let valid = !x.invalid && x.length <= x.limit && !text.is_empty();
    // The ranges of these sections are in UTF-16 code units (twitter-text's string indices);
    // the extraction sections count code points.
    let utf16 = |byte: usize| text[..byte].encode_utf16().count() as i64;
    let last = match over {
        Some(f) => utf16(f.span.start) - 1,
        None => utf16(text.len()) - 1,
    };
    (x.length as i64, valid, last)
}

fn validate_sections() -> Vec<Outcome> {
    let y = suite("validate.yml");
    let t = &y["tests"];
    let l = x_linter();
    let legacy = legacy_linter();
    let mut out = Vec::new();
    out.push(run_section(t, "tweets", |text, want| {
        let (_, valid, _) = weighted(&legacy, text);
        same(valid, want.as_bool().unwrap())
    }));
    // A valid username, list, hashtag or URL is one entity that covers the whole text.
    let whole = |list: &[Entity], text: &str| {
        list.len() == 1 && list[0].start == 0 && list[0].end == text.len()
    };
    out.push(run_section(t, "usernames", |text, want| {
        let e = entities(&l, text);
        same(
            whole(&e.mentions, text) && e.lists.is_empty(),
            want.as_bool().unwrap(),
        )
    }));
    out.push(run_section(t, "lists", |text, want| {
        let e = entities(&l, text);
        same(
            whole(&e.lists, text) && e.mentions.is_empty(),
            want.as_bool().unwrap(),
        )
    }));
    out.push(run_section(t, "hashtags", |text, want| {
        same(
            whole(&entities(&l, text).hashtags, text),
            want.as_bool().unwrap(),
        )
    }));
    // A valid URL is a link postlint reports, whether X links it (`urls`) or not
    // (`other_urls`: `http://192.168.0.1/`, credentials, an IPv6 literal).
    for section in ["urls", "urls_without_protocol"] {
        out.push(run_section(t, section, |text, want| {
            let e = entities(&l, text);
            let mut links = e.urls.clone();
            links.extend(e.other_urls);
            same(whole(&links, text), want.as_bool().unwrap())
        }));
    }
    for section in [
        "WeightedTweetsWithDiscountedEmojiCounterTest",
        "UnicodeDirectionalMarkerCounterTest",
    ] {
        out.push(run_section(t, section, |text, want| {
            let got = weighted(&l, text);
            let expected = (
                want["weightedLength"].as_i64().unwrap(),
                want["valid"].as_bool().unwrap(),
                want["validRangeEnd"].as_i64().unwrap(),
            );
            same(got, expected)
        }));
    }
    for o in &mut out {
        o.section = format!("validate.yml {}", o.section);
    }
    out
}

#[test]
fn twitter_text_conformance() {
    let mut outcomes = extract_sections();
    outcomes.extend(validate_sections());
    let mut report = String::new();
    let (mut passed, mut total) = (0, 0);
    for o in &outcomes {
        passed += o.passed;
        total += o.total;
        report += &format!("{:48} {:3} of {:3}\n", o.section, o.passed, o.total);
        for f in &o.failures {
            report += &format!("    ✗ {f}\n");
        }
    }
    report += &format!("{:48} {passed:3} of {total:3}\n", "all");
    eprintln!("{report}");
    assert_eq!(passed, total, "every case of the suite passes\n{report}");
}
