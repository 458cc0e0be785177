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

// The features, shared with build.rs (which trains the model) so both sides see a post the
// same way.
#[path = "features.rs"]
mod features;
use features::features;

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
