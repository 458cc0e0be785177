//! The content type of a post: which of the kinds a comms team sorts posts into it is.
//!
//! Each type but offer and competition has cue phrases in the lexicon
//! (`[content.<type>.<lang>] cues`, weighted 1–3); offers and competitions are recognised by
//! the sales signals. The type with the most weight wins, and a sales pitch wins over the
//! cues it outweighs: a job post that lists "gratis frokost" stays a job post, while a post
//! with a price and a call to action is an offer even when it says "vi ses".

use super::lexicon::{Marks, PhraseSet};
use crate::document::Document;
use crate::report::{ContentType, Signal, SignalKind};

/// The types with cue phrases, in the order ties are broken (a post that is both a job post
/// and an event is a job post).
pub(crate) const CONTENT_TYPES: &[ContentType] = &[
    ContentType::Job,
    ContentType::Event,
    ContentType::Milestone,
    ContentType::News,
    ContentType::Advice,
    ContentType::Culture,
];

/// Adds the weight of the cues found (each cue once) to `scores`, in the order of
/// [`CONTENT_TYPES`].
pub(super) fn cues(
    doc: &Document<'_>,
    marks: &Marks,
    sets: &[(ContentType, PhraseSet)],
    scores: &mut [f32; 6],
) {
    for (i, (_, set)) in sets.iter().enumerate() {
        let mut seen: Vec<usize> = Vec::new();
        for (p, _) in set.find(doc, marks) {
            let phrase = &set.phrases[p as usize];
            if !seen.contains(&phrase.index) {
                seen.push(phrase.index);
                scores[i] += phrase.weight;
            }
        }
    }
}

/// Whether the cues say job post: enough of them, and more than for any other type.
pub(super) fn is_job_post(scores: &[f32; 6]) -> bool {
    let job = scores[0];
    job >= 4.0 && scores[1..].iter().all(|&s| s <= job)
}

/// The post's type, from the cue scores and the weighed sales signals.
pub(super) fn decide(
    scores: &[f32; 6],
    signals: &[Signal],
    salesiness: u8,
    commercial: bool,
) -> ContentType {
    let mut competition = 0.0f32;
    let mut offer = 0.0f32;
    for s in signals {
        match s.kind {
            SignalKind::Competition => competition += s.weight,
            SignalKind::Price => offer += 0.5 * s.weight,
            _ => offer += s.weight,
        }
    }
    let (best, best_score) =
        scores.iter().enumerate().fold(
            (0, 0.0f32),
            |(bi, bs), (i, &s)| if s > bs { (i, s) } else { (bi, bs) },
        );
    if competition >= 4.0 {
        return ContentType::Competition;
    }
    let pitch = commercial || salesiness >= 50;
    if pitch && offer >= 3.0 && offer * 1.5 >= best_score {
        return ContentType::Offer;
    }
    if best_score == 0.0 {
        return if commercial {
            ContentType::Offer
        } else {
            ContentType::Culture
        };
    }
    CONTENT_TYPES[best]
}
