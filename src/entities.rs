//! Entities in a post: URLs, hashtags, mentions and cashtags, extracted the way twitter-text
//! does. Every rule and every length count reads these same entities.
//! (STUB: being written; signatures are fixed.)

use serde::Serialize;

/// One entity found in the text.
///
/// `start..end` is the byte span of the whole entity as written (for a hashtag, including the
/// `#`); `text` is the entity without its sigil (`#`, `@`, `$`), as the JSON report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// The entity's text without its sigil.
    pub text: String,
    /// Byte offset where the entity starts (sigil included).
    pub start: usize,
    /// Byte offset just past the entity.
    pub end: usize,
}

/// All entities of a post, each list sorted by `start`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Entities {
    /// Hashtags (`#ønskejob`).
    pub hashtags: Vec<Entity>,
    /// Mentions (`@falck`, `@user@instance.social`), never e-mail addresses.
    pub mentions: Vec<Entity>,
    /// URLs with or without a scheme, trailing punctuation excluded.
    pub urls: Vec<Entity>,
    /// Cashtags (`$NOVO`).
    pub cashtags: Vec<Entity>,
}

/// Extracts every entity from `text`.
pub fn extract(text: &str) -> Entities {
    let _ = text;
    Entities::default()
}
