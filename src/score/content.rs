//! The content type of a post: which of the kinds a comms team sorts posts into it is.
//!
//! Each type but offer and competition has cue phrases in the lexicon
//! (`[content.<type>.<lang>] cues`, weighted 1–3); offers and competitions are recognised by
//! the sales signals. The type with the most weight wins, and a sales pitch wins over the
//! cues it outweighs: a job post that lists "gratis frokost" stays a job post, while a post
//! with a price and a call to action is an offer even when it says "vi ses".

use super::lexicon::{Marks, PhraseSet};
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
    ContentType::Offer,
];

/// The number of cue types.
pub(super) const CUE_TYPES: usize = 7;

/// Adds the weight of the cues found (each cue once) to `scores`, in the order of
/// [`CONTENT_TYPES`].
pub(super) fn cues(
    marks: &Marks,
    sets: &[(ContentType, PhraseSet)],
    scores: &mut [f32; CUE_TYPES],
) {
    for (i, (_, set)) in sets.iter().enumerate() {
        let mut seen: Vec<usize> = Vec::new();
        for &(p, _) in set.find(marks) {
            let phrase = &set.phrases[p as usize];
            if !seen.contains(&phrase.index) {
                seen.push(phrase.index);
                scores[i] += phrase.weight;
            }
        }
    }
}

/// Whether the cues say job post: enough of them, and more than for any other type.
pub(super) fn is_job_post(scores: &[f32; CUE_TYPES]) -> bool {
    let job = scores[0];
    job >= 4.0 && scores[1..].iter().all(|&s| s <= job)
}

/// How much one unit of cue or signal weight counts against the model's log-likelihood.
/// Set from measurements on the advertising sets (docs/contracts.md).
const CUE_WEIGHT: f32 = 2.0;

/// The post's type, from the model's log-likelihoods, the cue scores and the weighed sales
/// signals: a competition when it has a competition signal; otherwise the type with the
/// highest total, where a pitch (a commercial or salesy post) adds one and a half times its
/// offer signals to the offer cues. A post the model knows nothing of and without any cue is
/// news (commentary on the industry, mostly), or an offer when it is commercial.
pub(super) fn decide(
    model: &[f32; 8],
    scores: &[f32; CUE_TYPES],
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
    if competition >= 4.0 {
        return ContentType::Competition;
    }
    let mut cues = *scores;
    let pitch = commercial || salesiness >= 50;
    if pitch && offer >= 3.0 {
        cues[CUE_TYPES - 1] += 1.5 * offer;
    }
    let known = model.iter().any(|&m| m != 0.0);
    if !known && cues.iter().all(|&c| c == 0.0) {
        return if commercial {
            ContentType::Offer
        } else {
            ContentType::News
        };
    }
    let mut best = (ContentType::News, f32::NEG_INFINITY);
    for (i, &t) in ContentType::ALL.iter().enumerate() {
        let cue = CONTENT_TYPES
            .iter()
            .position(|&c| c == t)
            .map_or(0.0, |j| cues[j]);
        let total = model[i] + CUE_WEIGHT * cue;
        if total > best.1 {
            best = (t, total);
        }
    }
    best.0
}
