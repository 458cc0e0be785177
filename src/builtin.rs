//! The data files under `rules/`, compiled into the binary by build.rs.

include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));

/// The content of a built-in data file, by path relative to `rules/` (`lexicons/afinn-da.txt`).
pub fn file(path: &str) -> Option<&'static str> {
    FILES.iter().find(|(p, _)| *p == path).map(|(_, c)| *c)
}

/// The names of the built-in guideline packs (`recommended`): the TOML files at the top of
/// `rules/`, except the platform profiles.
pub fn packs() -> Vec<&'static str> {
    FILES
        .iter()
        .filter_map(|(p, _)| p.strip_suffix(".toml"))
        .filter(|n| !n.contains('/') && *n != "platforms")
        .collect()
}

/// The TOML text of a built-in pack.
pub fn pack(name: &str) -> Option<&'static str> {
    if name.contains('/') || name == "platforms" {
        return None;
    }
    file(&format!("{name}.toml"))
}

/// Lines of a word list: trimmed, without blank lines and `#` comments.
pub fn list_lines(content: &str) -> impl Iterator<Item = &str> {
    content
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}
