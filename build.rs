//! Embeds every data file under rules/ into the binary, so postlint runs with no files around
//! and adding a lexicon or a pack needs no Rust change.

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
}
