//! A naive Bayes model of the content types, trained when the crate builds (`build.rs`) on a
//! corpus the project wrote for it (`rules/lexicons/content-types.jsonl`: posts from many
//! industries, the same number of each type) — words and word pairs as features, each
//! counted once per post.
//!
//! Cue phrases alone (see `content.rs`) know what they list; the model knows the rest of a
//! post's vocabulary ("spadestik", "overtager ledelsen", "the flow temperature"). Measured on
//! the blind hold-out set: cues alone 70.6 % of types right, the model and the cues together
//! 82.5 % (docs/contracts.md).

use crate::document::Document;

mod table {
    include!(concat!(env!("OUT_DIR"), "/content_model.rs"));
}

/// The hash of a feature (a word, or two words): must equal build.rs's. Hashing instead of
/// building a string per word pair keeps a post's lookups free of allocations.
fn hash(parts: &[&str]) -> u64 {
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
fn features(words: &[&str], out: &mut Vec<u64>) {
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

/// The log-likelihood of the post under each type (in `ContentType::ALL` order), from the
/// features the training corpus has seen; all zero when it has seen none of them.
pub(super) fn scores(doc: &Document<'_>) -> [f32; 8] {
    let mut sum = [0i32; 8];
    let words: Vec<&str> = doc.words.iter().map(|w| doc.folded_word(w)).collect();
    let mut feats = Vec::with_capacity(words.len() * 2);
    features(&words, &mut feats);
    let mask = table::KEYS.len() - 1;
    for f in feats {
        // Linear probing in build.rs's table, at most half full.
        let mut i = (f as usize) & mask;
        loop {
            match table::KEYS[i] {
                0 => break,
                k if k == f => {
                    for (s, w) in sum.iter_mut().zip(&table::WEIGHTS[i]) {
                        *s += i32::from(*w);
                    }
                    break;
                }
                _ => i = (i + 1) & mask,
            }
        }
    }
    sum.map(|s| s as f32 / 1000.0)
}
