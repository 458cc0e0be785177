//! The module tree has one direction of dependencies: text primitives → document, entities,
//! matcher, platforms → report → guideline (configuration; knows no rule) → rule (the
//! contract) → rules and packs (the rules) → resolve → linter → render. This test reads the
//! sources and fails on an edge that points up or sideways into a cycle, so the layering
//! stays true as rules are added.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers, lowest first. A module may use modules of lower layers, and of its own layer
/// as long as no cycle forms.
const LAYERS: &[&[&str]] = &[
    &[
        "text", "span", "ids", "builtin", "fold", "emoji", "fancy", "entities", "numbers",
    ],
    &["i18n", "error", "document"],
    &["matcher", "platform", "post", "time", "lexicon"],
    &["report", "fix", "secret"],
    &["guideline"],
    &["score", "rule"],
    &["packs", "rules"],
    &["resolve"],
    &["linter", "info"],
    &["render"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// Top-level module → the top-level modules its code (not its tests or comments) names.
fn edges() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if !rel.ends_with(".rs")
                || rel == "main.rs"
                || rel == "lib.rs"
                || rel.starts_with("cli/")
            {
                continue;
            }
            let top = rel
                .split('/')
                .next()
                .unwrap()
                .trim_end_matches(".rs")
                .to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]\nmod tests").next().unwrap();
            let uses = out.entry(top.clone()).or_default();
            for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
                let mut rest = line;
                while let Some(i) = rest.find("crate::") {
                    rest = &rest[i + "crate::".len()..];
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                        .collect();
                    if !name.is_empty() && name != top {
                        uses.insert(name);
                    }
                }
            }
            // `use crate::{a::X, b::Y}` spreads over several lines.
            let mut from = code;
            while let Some(i) = from.find("use crate::{") {
                let group = &from[i + "use crate::{".len()..];
                let end = group.find("};").unwrap_or(group.len());
                for part in group[..end].split(',') {
                    let name = part.trim().split("::").next().unwrap_or("").to_string();
                    if name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                        && !name.is_empty()
                        && name != top
                    {
                        uses.insert(name);
                    }
                }
                from = &group[end..];
            }
        }
    }
    out
}

#[test]
fn every_module_is_in_a_layer() {
    for module in edges().keys() {
        assert!(
            layer(module).is_some(),
            "src/{module} is in no layer of tests/architecture.rs: add it where it belongs"
        );
    }
}

#[test]
fn dependencies_point_down() {
    let edges = edges();
    // The reader sees real edges (a test that cannot fail would prove nothing).
    assert!(edges["rule"].contains("guideline"), "{:?}", edges["rule"]);
    assert!(edges["linter"].contains("resolve"), "{:?}", edges["linter"]);
    let mut wrong = Vec::new();
    for (from, tos) in &edges {
        for to in tos {
            if let (Some(a), Some(b)) = (layer(from), layer(to)) {
                if b > a {
                    wrong.push(format!("{from} (layer {a}) uses {to} (layer {b})"));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "upward dependencies:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn there_is_no_cycle() {
    let edges = edges();
    // Depth-first search for a back edge.
    fn visit(
        m: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut cycle = path[i..].to_vec();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for to in edges.get(m).into_iter().flatten() {
            if let Some(c) = visit(to, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for m in edges.keys() {
        if let Some(cycle) = visit(m, &edges, &mut Vec::new(), &mut done) {
            panic!("a cycle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_guideline_knows_no_rule() {
    let edges = edges();
    for forbidden in ["rule", "rules", "packs", "resolve", "linter"] {
        assert!(
            !edges["guideline"].contains(forbidden),
            "guideline uses {forbidden}: configuration must not know the rules"
        );
    }
}
