//! Embeds every data file under rules/ into the binary, so postlint runs with no files around
//! and adding a lexicon or a pack needs no Rust change.
//!
//! The message catalogue (`rules/catalog/`) is also parsed here, once, into a static table of
//! message id → texts per locale: parsing its TOML at every start cost ~1.5 ms of a 8 ms
//! command-line run, and a catalogue file that does not parse now fails the build instead of
//! a run.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, base: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, base, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("toml" | "txt" | "tsv" | "md" | "jsonl")
        ) {
            out.push(path.strip_prefix(base).unwrap().to_path_buf());
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let rules = manifest.join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    collect(&rules, &rules, &mut files);
    files.sort();
    let out_path = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("builtin_files.rs");
    let mut out = fs::File::create(out_path).unwrap();
    writeln!(
        out,
        "/// Every data file under rules/, by path relative to rules/."
    )
    .unwrap();
    writeln!(out, "pub(crate) static FILES: &[(&str, &str)] = &[").unwrap();
    for f in &files {
        let rel = f.to_string_lossy().replace('\\', "/");
        let abs = rules.join(f);
        println!("cargo:rerun-if-changed={}", abs.display());
        writeln!(
            out,
            "    ({rel:?}, include_str!({:?})),",
            abs.display().to_string()
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
    catalog(&rules, &files);
    content_model(&rules);
}

/// The crate's own folding and word splitting, so the model's features are the ones a post
/// has at run time.
#[path = "src/fold.rs"]
#[allow(dead_code)]
mod fold;

/// The content model's features, as `src/score/bayes.rs` computes them.
#[path = "src/score/features.rs"]
#[allow(dead_code)]
mod features;

/// Trains the naive Bayes content-type model on `rules/lexicons/content-types.jsonl` and
/// writes it as a sorted table: each feature's hash and what it adds to each type's
/// log-likelihood (in `ContentType::ALL` order), in thousandths. Training here rather than at
/// start-up: it cost ~5 ms of every run (measured).
fn content_model(rules: &Path) {
    const TYPES: [&str; 8] = [
        "job",
        "news",
        "advice",
        "event",
        "culture",
        "milestone",
        "offer",
        "competition",
    ];
    let corpus = fs::read_to_string(rules.join("lexicons/content-types.jsonl")).unwrap_or_default();
    let mut counts: std::collections::HashMap<u64, [u32; 8]> = Default::default();
    let mut posts = [0u32; 8];
    for (n, line) in corpus.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("lexicons/content-types.jsonl:{}: {e}", n + 1));
        let t = v["type"]
            .as_str()
            .and_then(|t| TYPES.iter().position(|x| *x == t));
        let (Some(t), Some(text)) = (t, v["text"].as_str()) else {
            panic!(
                "lexicons/content-types.jsonl:{}: needs a known type and a text",
                n + 1
            );
        };
        let mut buf = String::new();
        let mut bounds = Vec::new();
        for r in fold::split_words(text) {
            let start = buf.len();
            fold::fold_word_into(&text[r], &mut buf);
            bounds.push(start..buf.len());
        }
        let words: Vec<&str> = bounds.iter().map(|r| &buf[r.clone()]).collect();
        let mut feats = Vec::new();
        features::features(&words, &mut feats);
        posts[t] += 1;
        for f in feats {
            counts.entry(f).or_default()[t] += 1;
        }
    }
    let all: u32 = posts.iter().sum();
    let mut rows: Vec<(u64, [i16; 8])> = counts
        .into_iter()
        // Every feature, those seen once too: leaving those out cost 0.6 points of accuracy
        // on both advertising sets (measured).
        .map(|(f, c)| {
            let seen: u32 = c.iter().sum();
            // Smoothed P(feature | type) against P(feature): a word common to every type says
            // nothing.
            let base = ((seen as f64 + 4.0) / (all as f64 + 8.0)).ln();
            let mut w = [0i16; 8];
            for i in 0..8 {
                let p = ((c[i] as f64 + 0.5) / (posts[i] as f64 + 1.0)).ln() - base;
                w[i] = (p * 1000.0).round().clamp(-32000.0, 32000.0) as i16;
            }
            (f, w)
        })
        .collect();
    // An open-addressing table (linear probing, at most half full), so a lookup at run time
    // is a probe or two with nothing built at start-up: a sorted table with binary search
    // cost ~8 us per post and a hash map built at start-up ~1 ms (measured).
    rows.sort_unstable_by_key(|r| r.0);
    let size = (rows.len() * 2).next_power_of_two().max(2);
    let mut keys = vec![0u64; size];
    let mut weights = vec![[0i16; 8]; size];
    for (f, w) in rows {
        let mut i = (f as usize) & (size - 1);
        while keys[i] != 0 {
            i = (i + 1) & (size - 1);
        }
        keys[i] = f;
        weights[i] = w;
    }
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let mut out = String::new();
    use std::fmt::Write as _;
    writeln!(out, "/// Feature hashes by slot, 0 for an empty slot (generated by build.rs from lexicons/content-types.jsonl).").unwrap();
    writeln!(out, "pub(super) static KEYS: [u64; {size}] = [").unwrap();
    for f in &keys {
        writeln!(out, "{f},").unwrap();
    }
    writeln!(out, "];").unwrap();
    writeln!(
        out,
        "/// Per slot, what the feature adds to each type's log-likelihood, in thousandths."
    )
    .unwrap();
    writeln!(out, "pub(super) static WEIGHTS: [[i16; 8]; {size}] = [").unwrap();
    for w in &weights {
        writeln!(out, "{w:?},").unwrap();
    }
    writeln!(out, "];").unwrap();
    fs::write(out_dir.join("content_model.rs"), out).unwrap();
}

/// A text as the catalogue writes it: one string (every locale, code "") or a table of
/// locale → string.
fn texts(value: &toml::Value, what: &str) -> Vec<(String, String)> {
    match value {
        toml::Value::String(s) => vec![(String::new(), s.clone())],
        toml::Value::Table(t) => t
            .iter()
            .map(|(locale, v)| match v {
                toml::Value::String(s) => (locale.clone(), s.clone()),
                _ => panic!("{what}: `{locale}` must be a text"),
            })
            .collect(),
        _ => panic!("{what}: expected a text or a table of texts by locale"),
    }
}

fn catalog(rules: &Path, files: &[PathBuf]) {
    let mut entries: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for f in files {
        let rel = f.to_string_lossy().replace('\\', "/");
        let Some(stem) = rel
            .strip_prefix("catalog/")
            .and_then(|r| r.strip_suffix(".toml"))
        else {
            continue;
        };
        let text = fs::read_to_string(rules.join(f)).unwrap();
        let table: toml::Table = text
            .parse()
            .unwrap_or_else(|e| panic!("rules/{rel} does not parse: {e}"));
        match stem.split_once('/') {
            // A rule's words: `summary`, `explain`, `message`, `suggestion`, `[messages]`,
            // `[options]` (as `<id>.option.<name>`); examples are not messages.
            Some((family, name)) => {
                let id = format!("{family}.{name}");
                for (key, value) in &table {
                    let what = format!("rules/{rel}: {key}");
                    match key.as_str() {
                        "summary" | "explain" | "message" | "suggestion" => {
                            entries.push((format!("{id}.{key}"), texts(value, &what)));
                        }
                        "messages" | "options" => {
                            let sub = value
                                .as_table()
                                .unwrap_or_else(|| panic!("{what}: a table"));
                            let prefix = if key == "options" { "option." } else { "" };
                            for (k, v) in sub {
                                entries.push((format!("{id}.{prefix}{k}"), texts(v, &what)));
                            }
                        }
                        "examples" => {}
                        other => panic!("rules/{rel}: unknown key `{other}`"),
                    }
                }
            }
            None => {
                for (key, value) in &table {
                    entries.push((key.clone(), texts(value, &format!("rules/{rel}: {key}"))));
                }
            }
        }
    }
    entries.sort();
    for pair in entries.windows(2) {
        assert!(
            pair[0].0 != pair[1].0,
            "message id `{}` is defined twice",
            pair[0].0
        );
    }
    let out_path = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("builtin_catalog.rs");
    let mut out = fs::File::create(out_path).unwrap();
    writeln!(
        out,
        "/// The built-in catalogue: message id → (locale, text); locale \"\" is every locale."
    )
    .unwrap();
    writeln!(
        out,
        "pub(crate) static CATALOG: &[(&str, &[(&str, &str)])] = &["
    )
    .unwrap();
    for (id, texts) in &entries {
        write!(out, "    ({id:?}, &[").unwrap();
        for (locale, text) in texts {
            write!(out, "({locale:?}, {text:?}), ").unwrap();
        }
        writeln!(out, "]),").unwrap();
    }
    writeln!(out, "];").unwrap();
}
