//! LIX and Flesch Reading Ease in the report, against posts worked by hand
//! (`fixtures/eval/readability/worked.jsonl`, counted blind to the implementation with the
//! rules in its README): hashtags, mentions, URLs and emoji removed, a hyphenated word one
//! word, posts under 30 words not scored.

use postlint::{Guideline, Lang, Linter, Options, Post};
use serde_json::Value;

fn worked() -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/eval/readability/worked.jsonl"
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn scores_agree_with_the_worked_examples() {
    let linter = Linter::with_options(Guideline::recommended(), Options::new()).unwrap();
    let mut report = Vec::new();
    let mut lix_off = 0.0f64;
    let mut flesch_off = 0.0f64;
    let cases = worked();
    assert!(cases.len() >= 16);
    for case in &cases {
        let lang = Lang::parse(case["language"].as_str().unwrap()).unwrap();
        let text = case["text"].as_str().unwrap();
        let r = linter.check(&Post::new(text).language(lang));
        let lix = r
            .scores
            .lix
            .expect("every worked post has 30 words or more");
        let want = case["lix"].as_f64().unwrap();
        lix_off = lix_off.max((lix - want).abs());
        report.push(format!("{} lix {lix} / {want}", case["id"]));
        match case["flesch"].as_f64() {
            Some(want) => {
                let got = r.scores.flesch.expect("an English post is scored");
                flesch_off = flesch_off.max((got - want).abs());
                report.push(format!("{} flesch {got} / {want}", case["id"]));
            }
            None => assert_eq!(
                r.scores.flesch, None,
                "{}: Flesch is for English",
                case["id"]
            ),
        }
    }
    let report = report.join("\n");
    eprintln!("largest differences: LIX {lix_off:.2}, Flesch {flesch_off:.2}");
    // LIX needs only words, sentences and long words: it must agree to the rounding.
    assert!(lix_off <= 0.1 + 1e-9, "LIX off by {lix_off}:\n{report}");
    // Flesch also counts syllables by rule, not by dictionary: a few points at most.
    assert!(flesch_off <= 5.0, "Flesch off by {flesch_off}:\n{report}");
}

#[test]
fn short_posts_are_not_scored() {
    let linter = Linter::new(Guideline::recommended()).unwrap();
    let r = linter.check_text("Stolt af holdet i dag. Tak for en fantastisk uge! #stolt");
    assert_eq!((r.scores.lix, r.scores.flesch), (None, None));
}
