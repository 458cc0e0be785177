//! The content model's features, used by build.rs to train it and by `bayes.rs` to read a
//! post: one file, so the two cannot drift apart. No crate paths here (build.rs includes it).

/// The hash of a feature (a word, or two words). Hashing instead of building a string per
/// word pair keeps a post's lookups free of allocations.
pub fn hash(parts: &[&str]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    for p in parts {
        p.hash(&mut h);
    }
    // Never 0: 0 marks an empty slot of the table.
    h.finish() | 1
}

/// The features of a sequence of folded words: each word that is not a number, and each
/// pair of neighbours, as hashes, each once.
pub fn features(words: &[&str], out: &mut Vec<u64>) {
    let keep = |w: &str| {
        !w.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    };
    for (i, &w) in words.iter().enumerate() {
        if keep(w) {
            out.push(hash(&[w]));
            if let Some(&next) = words.get(i + 1).filter(|n| keep(n)) {
                out.push(hash(&[w, next]));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
}
