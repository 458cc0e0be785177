//! Platform profiles (limits and counting units) and length counting.
//! (STUB: being written; signatures are fixed.)

use crate::entities::Entities;
use serde::Serialize;

/// A platform a post is meant for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Platform {
    /// X (formerly Twitter).
    X,
    /// LinkedIn.
    LinkedIn,
    /// Bluesky.
    Bluesky,
    /// Mastodon.
    Mastodon,
    /// Threads.
    Threads,
    /// Instagram.
    Instagram,
    /// Facebook.
    Facebook,
    /// TikTok.
    TikTok,
    /// A platform the guideline defines itself.
    Custom(String),
}

impl Platform {
    /// The platform's name as the CLI and JSON spell it (`x`, `linkedin`, …).
    pub fn name(&self) -> &str {
        match self {
            Platform::X => "x",
            Platform::LinkedIn => "linkedin",
            Platform::Bluesky => "bluesky",
            Platform::Mastodon => "mastodon",
            Platform::Threads => "threads",
            Platform::Instagram => "instagram",
            Platform::Facebook => "facebook",
            Platform::TikTok => "tiktok",
            Platform::Custom(name) => name,
        }
    }

    /// Parses a platform name; unknown names become [`Platform::Custom`].
    pub fn from_name(name: &str) -> Platform {
        match name.to_ascii_lowercase().as_str() {
            "x" | "twitter" => Platform::X,
            "linkedin" => Platform::LinkedIn,
            "bluesky" => Platform::Bluesky,
            "mastodon" => Platform::Mastodon,
            "threads" => Platform::Threads,
            "instagram" => Platform::Instagram,
            "facebook" => Platform::Facebook,
            "tiktok" => Platform::TikTok,
            other => Platform::Custom(other.to_string()),
        }
    }
}

/// The unit a platform counts length in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// twitter-text's weighted length.
    Weighted,
    /// Extended grapheme clusters.
    Graphemes,
    /// UTF-16 code units.
    Utf16,
    /// Unicode scalar values.
    Chars,
    /// UTF-8 bytes.
    Bytes,
}

/// One platform's profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// The platform's name (`x`).
    pub name: String,
    /// The length limit, in `unit`.
    pub limit: usize,
    /// How length is counted.
    pub unit: Unit,
}

/// The length of a post on one platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Length {
    /// The platform's name.
    pub name: String,
    /// The counted length.
    pub length: usize,
    /// The limit.
    pub limit: usize,
    /// The unit.
    pub unit: Unit,
}

/// Counts `text` (a post body, front matter removed) the way `profile` does.
pub fn measure(text: &str, entities: &Entities, profile: &Profile) -> Length {
    let _ = entities;
    Length {
        name: profile.name.clone(),
        length: text.encode_utf16().count(),
        limit: profile.limit,
        unit: profile.unit,
    }
}

/// The set of platform profiles (STUB).
#[derive(Debug, Clone, Default)]
pub struct Profiles {
    list: Vec<Profile>,
}

impl Profiles {
    /// The built-in profiles.
    pub fn builtin() -> Profiles {
        Profiles {
            list: vec![
                Profile {
                    name: "x".into(),
                    limit: 280,
                    unit: Unit::Weighted,
                },
                Profile {
                    name: "linkedin".into(),
                    limit: 3000,
                    unit: Unit::Utf16,
                },
            ],
        }
    }
    /// A profile by name.
    pub fn get(&self, name: &str) -> Option<&Profile> {
        self.list.iter().find(|p| p.name == name)
    }
    /// Every profile.
    pub fn iter(&self) -> impl Iterator<Item = &Profile> {
        self.list.iter()
    }
    /// Applies a guideline's `[platforms.NAME]` table (validated before).
    pub fn apply_table(&mut self, name: &str, table: &toml::Table) {
        let _ = (name, table);
    }
}

/// Checks a `[platforms.NAME]` table; the error is a message for the guideline author.
pub fn validate_override(name: &str, table: &toml::Table) -> Result<(), String> {
    let _ = (name, table);
    Ok(())
}
