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
            Some("toml" | "txt" | "tsv" | "md")
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
