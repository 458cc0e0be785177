//! Platform profiles (names, limits, counting units and the facts rules read) and length
//! counting.
//!
//! The profiles are data: `rules/platforms.toml`, compiled into the binary, holds one table per
//! platform with its display name, aliases, limit, unit and the facts other rules need
//! (hashtag caps, the fold, whether links are clickable). Nothing about a platform is written
//! in code: a guideline overrides any of it, or adds a platform, with the same keys
//! ([`ProfileOverride`]).
//!
//! [`measure`] counts a post the way the platform does. Each unit has one counting function,
//! and the platform-specific twists are driven by profile fields, not by the platform's name:
//! `url_length` (a linkable URL counts as a fixed length), `mention_domain_free` (Mastodon's
//! `@user@domain` counts as `@user`), `byte_limit` (Bluesky's second, byte-based limit) and
//! `signature` (text appended to every post).

mod measure;
mod x;

pub use measure::Length;
pub(crate) use measure::{count_unit, cut_offset, measure, published_range};

use crate::error::{msg, Msg};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// A platform a post is meant for, by name (`x`, `linkedin`, or a platform the guideline
/// defines). Names are compared in lower case without surrounding white space; aliases
/// (`twitter`) are resolved by the platform profiles in force.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Platform(String);

impl Platform {
    /// The platform called `name` (trimmed, lower case).
    pub fn new(name: &str) -> Platform {
        Platform(name.trim().to_lowercase())
    }

    /// The name as given (lower case).
    pub fn name(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Platform {
    fn from(name: &str) -> Platform {
        Platform::new(name)
    }
}

impl From<String> for Platform {
    fn from(name: String) -> Platform {
        Platform::new(&name)
    }
}

impl std::fmt::Display for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The unit a platform counts length in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Unit {
    /// twitter-text's weighted length.
    Weighted,
    /// Extended grapheme clusters.
    Graphemes,
    /// UTF-16 code units.
    #[serde(alias = "utf-16")]
    Utf16,
    /// Unicode scalar values.
    Chars,
    /// UTF-8 bytes.
    Bytes,
}

impl Unit {
    /// The unit's name as `rules/platforms.toml` writes it.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Weighted => "weighted",
            Unit::Graphemes => "graphemes",
            Unit::Utf16 => "utf16",
            Unit::Chars => "chars",
            Unit::Bytes => "bytes",
        }
    }
}

/// One platform's profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// The platform's name (`x`).
    pub name: String,
    /// Its name as people write it (`X`, `LinkedIn`).
    pub display_name: String,
    /// Other names that mean this platform (`twitter`).
    pub aliases: Vec<String>,
    /// The length limit, in `unit`.
    pub limit: usize,
    /// How length is counted.
    pub unit: Unit,
    /// A second limit in UTF-8 bytes (Bluesky: 3,000).
    pub byte_limit: Option<usize>,
    /// Every linkable URL counts as this many units however long it is (X, Mastodon: 23).
    pub url_length: Option<usize>,
    /// `@user@domain` counts as `@user` (Mastodon).
    pub mention_domain_free: bool,
    /// The feed folds the post after about this many units (LinkedIn 210, Instagram 125).
    pub fold: Option<usize>,
    /// The platform's hard cap on hashtags (Instagram 30).
    pub max_hashtags: Option<usize>,
    /// More hashtags than this reads as spam (platform or industry advice).
    pub recommended_hashtags: Option<usize>,
    /// The platform's hard cap on mentions (Instagram 20).
    pub max_mentions: Option<usize>,
    /// The platform's cap on distinct links (Threads 5).
    pub max_links: Option<usize>,
    /// The platform's cap on topic tags (Threads 1).
    pub max_topic_tags: Option<usize>,
    /// Whether URLs in the post text become links (Instagram: no).
    pub links_clickable: bool,
    /// Text appended to every post by the publishing tool; it counts toward the length.
    pub signature: Option<String>,
}

impl Profile {
    /// A profile with no limit (`usize::MAX`), counted in UTF-16 code units, and no platform
    /// facts: the starting point for a platform a guideline defines itself.
    pub fn new(name: &str) -> Profile {
        Profile {
            name: name.to_string(),
            display_name: name.to_string(),
            aliases: Vec::new(),
            limit: usize::MAX,
            unit: Unit::Utf16,
            byte_limit: None,
            url_length: None,
            mention_domain_free: false,
            fold: None,
            max_hashtags: None,
            recommended_hashtags: None,
            max_mentions: None,
            max_links: None,
            max_topic_tags: None,
            links_clickable: true,
            signature: None,
        }
    }

    /// Whether `name` (already trimmed and lower case) names this platform.
    fn is_called(&self, name: &str) -> bool {
        self.name == name || self.aliases.iter().any(|a| a == name)
    }
}

/// A guideline's changes to one platform profile, or a whole new platform
/// (`[platforms.mastodon] limit = 1000`). Every field is optional; a new platform needs at
/// least `limit`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProfileOverride {
    /// The name as people write it.
    pub display_name: Option<String>,
    /// Other names for the platform.
    pub aliases: Option<Vec<String>>,
    /// The length limit.
    pub limit: Option<usize>,
    /// The counting unit.
    pub unit: Option<Unit>,
    /// A second limit in UTF-8 bytes.
    pub byte_limit: Option<usize>,
    /// Fixed length of a linkable URL.
    pub url_length: Option<usize>,
    /// Whether `@user@domain` counts as `@user`.
    pub mention_domain_free: Option<bool>,
    /// Where the feed folds the post.
    pub fold: Option<usize>,
    /// Hard cap on hashtags.
    pub max_hashtags: Option<usize>,
    /// Recommended maximum of hashtags.
    pub recommended_hashtags: Option<usize>,
    /// Hard cap on mentions.
    pub max_mentions: Option<usize>,
    /// Cap on distinct links.
    pub max_links: Option<usize>,
    /// Cap on topic tags.
    pub max_topic_tags: Option<usize>,
    /// Whether URLs become links.
    pub links_clickable: Option<bool>,
    /// Text appended to every post; counts toward the length. An empty string removes it.
    pub signature: Option<String>,
}

impl ProfileOverride {
    /// Applies these changes to `profile`.
    fn apply_to(&self, profile: &mut Profile) {
        fn set<T: Clone>(dst: &mut T, src: &Option<T>) {
            if let Some(v) = src {
                *dst = v.clone();
            }
        }
        fn set_opt<T: Clone>(dst: &mut Option<T>, src: &Option<T>) {
            if src.is_some() {
                dst.clone_from(src);
            }
        }
        set(&mut profile.display_name, &self.display_name);
        if let Some(aliases) = &self.aliases {
            profile.aliases = aliases.iter().map(|a| a.trim().to_lowercase()).collect();
        }
        set(&mut profile.limit, &self.limit);
        set(&mut profile.unit, &self.unit);
        set_opt(&mut profile.byte_limit, &self.byte_limit);
        set_opt(&mut profile.url_length, &self.url_length);
        set(&mut profile.mention_domain_free, &self.mention_domain_free);
        set_opt(&mut profile.fold, &self.fold);
        set_opt(&mut profile.max_hashtags, &self.max_hashtags);
        set_opt(
            &mut profile.recommended_hashtags,
            &self.recommended_hashtags,
        );
        set_opt(&mut profile.max_mentions, &self.max_mentions);
        set_opt(&mut profile.max_links, &self.max_links);
        set_opt(&mut profile.max_topic_tags, &self.max_topic_tags);
        set(&mut profile.links_clickable, &self.links_clickable);
        if let Some(sig) = &self.signature {
            profile.signature = (!sig.is_empty()).then(|| sig.clone());
        }
    }
}

/// The set of platform profiles: the built-in ones from `rules/platforms.toml` in the file's
/// order, then the ones a guideline adds, by name.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Profiles {
    profiles: Vec<Profile>,
    /// How many of `profiles` are built in (they keep the file's order).
    builtin: usize,
}

/// `rules/platforms.toml` as written: `[platforms.NAME]` tables, in order.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfilesFile {
    platforms: toml::Table,
}

static BUILTIN: LazyLock<Result<Profiles, String>> = LazyLock::new(|| {
    Profiles::from_toml(crate::builtin::file("platforms.toml").unwrap_or_default())
});

impl Profiles {
    /// The built-in profiles (parsed once, then cloned). The file is part of the crate and a
    /// unit test parses it; should it ever be broken, the error says so.
    pub fn builtin() -> Result<Profiles, String> {
        BUILTIN
            .clone()
            .map_err(|e| format!("rules/platforms.toml: {e}"))
    }

    /// Parses profiles from a TOML text of `[platforms.NAME]` tables (the format of
    /// `rules/platforms.toml`). Every platform needs `limit` and `unit`.
    pub fn from_toml(src: &str) -> Result<Profiles, String> {
        let file: ProfilesFile = toml::from_str(src).map_err(|e| e.to_string())?;
        let mut profiles = Profiles::default();
        for (name, table) in &file.platforms {
            let table = table
                .as_table()
                .ok_or_else(|| format!("`platforms.{name}` must be a table"))?;
            // The built-in file: a mistake in it is postlint's bug, reported in English.
            let ov = parse_override(name, table).map_err(|m| m.render(crate::Locale::EN))?;
            if ov.limit.is_none() || ov.unit.is_none() {
                return Err(format!("platform `{name}` needs both `limit` and `unit`"));
            }
            profiles.apply_override(name, &ov);
        }
        // The file's order (toml hands tables over sorted by name): x, linkedin, …, by where
        // each table's header starts a line.
        let position = |p: &Profile| {
            let header = format!("[platforms.{}]", p.name);
            src.lines()
                .position(|l| l.trim_start().starts_with(&header))
                .unwrap_or(usize::MAX)
        };
        profiles.profiles.sort_by_key(position);
        profiles.builtin = profiles.profiles.len();
        Ok(profiles)
    }

    /// The profile for a platform name or alias (`x`, `twitter`, `LinkedIn`, a custom name).
    pub fn get(&self, name: &str) -> Option<&Profile> {
        let name = name.trim().to_lowercase();
        self.profiles.iter().find(|p| p.is_called(&name))
    }

    /// Every profile: the built-in platforms in the file's order, then custom ones by name.
    pub fn iter(&self) -> impl Iterator<Item = &Profile> {
        self.profiles.iter()
    }

    /// Every name and alias, for "did you mean" hints.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.profiles.iter().flat_map(|p| {
            std::iter::once(p.name.as_str()).chain(p.aliases.iter().map(String::as_str))
        })
    }

    /// Applies a guideline's `[platforms.NAME]` table: changes the named profile, or adds a
    /// new platform (starting from [`Profile::new`]: no limit unless given, UTF-16 units). A
    /// new platform must say its `limit`.
    pub(crate) fn apply_table(&mut self, name: &str, table: &toml::Table) -> Result<(), Msg> {
        let ov = parse_override(name, table)?;
        if self.get(name).is_none() && ov.limit.is_none() {
            return Err(msg!("error.platform.no-limit", name = name));
        }
        self.apply_override(name, &ov);
        Ok(())
    }

    fn apply_override(&mut self, name: &str, ov: &ProfileOverride) {
        let canonical = name.trim().to_lowercase();
        if let Some(p) = self.profiles.iter_mut().find(|p| p.is_called(&canonical)) {
            ov.apply_to(p);
            return;
        }
        let mut profile = Profile::new(&canonical);
        ov.apply_to(&mut profile);
        self.profiles.push(profile);
        let builtin = self.builtin;
        self.profiles[builtin..].sort_by(|a, b| a.name.cmp(&b.name));
    }
}

/// Checks a `[platforms.NAME]` table: known keys with the right types.
fn parse_override(name: &str, table: &toml::Table) -> Result<ProfileOverride, Msg> {
    ProfileOverride::deserialize(table.clone()).map_err(|e| {
        msg!(
            "error.platform.table",
            name = name,
            detail = e.message().trim()
        )
    })
}

/// Checks a guideline's `[platforms.NAME]` table against the built-in profiles (known keys,
/// right types, a `limit` for a new platform), for the guideline loader.
pub(crate) fn validate_override(name: &str, table: &toml::Table) -> Result<(), Msg> {
    let mut profiles = Profiles::builtin().map_err(|e| msg!("error.internal", detail = e))?;
    profiles.apply_table(name, table)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profiles() -> Profiles {
        Profiles::builtin().unwrap()
    }

    #[test]
    fn builtin_profiles_parse_in_order() {
        let p = profiles();
        let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "x",
                "linkedin",
                "bluesky",
                "mastodon",
                "threads",
                "instagram",
                "facebook",
                "tiktok"
            ]
        );
        let get = |n| p.get(n).unwrap();
        assert_eq!((get("x").limit, get("x").unit), (280, Unit::Weighted));
        assert_eq!(get("twitter").name, "x");
        assert_eq!(get(" X ").name, "x");
        assert_eq!(get("x").display_name, "X");
        assert_eq!(get("linkedin").display_name, "LinkedIn");
        assert_eq!(get("tiktok").display_name, "TikTok");
        assert_eq!(get("LinkedIn").fold, Some(210));
        assert_eq!(get("bluesky").byte_limit, Some(3000));
        assert_eq!(get("bluesky").unit, Unit::Graphemes);
        assert!(get("mastodon").mention_domain_free);
        assert_eq!(get("mastodon").url_length, Some(23));
        assert_eq!(get("threads").max_links, Some(5));
        assert_eq!(get("threads").max_topic_tags, Some(1));
        let ig = get("instagram");
        assert_eq!(
            (ig.max_hashtags, ig.max_mentions, ig.fold),
            (Some(30), Some(20), Some(125))
        );
        assert!(!ig.links_clickable);
        assert!(get("linkedin").links_clickable);
        assert_eq!(get("facebook").limit, 63206);
        assert_eq!(
            (get("tiktok").limit, get("tiktok").unit),
            (2200, Unit::Utf16)
        );
        assert_eq!(get("x").recommended_hashtags, Some(2));
        assert!(p.get("myspace").is_none());
    }

    fn table(s: &str) -> toml::Table {
        toml::from_str(s).unwrap()
    }

    #[test]
    fn override_limit_and_signature() {
        let mut p = profiles();
        p.apply_table("mastodon", &table("limit = 1000")).unwrap();
        assert_eq!(p.get("mastodon").unwrap().limit, 1000);
        assert_eq!(p.get("mastodon").unwrap().url_length, Some(23));
        p.apply_table("twitter", &table("signature = \"\\n— via Acme\""))
            .unwrap();
        assert_eq!(
            p.get("x").unwrap().signature.as_deref(),
            Some("\n— via Acme")
        );
        p.apply_table("x", &table("signature = \"\"")).unwrap();
        assert_eq!(p.get("x").unwrap().signature, None);
    }

    #[test]
    fn override_new_platform() {
        let mut p = profiles();
        assert!(p
            .apply_table("intranet", &table("unit = \"chars\""))
            .is_err());
        p.apply_table("zulu", &table("limit = 100")).unwrap();
        p.apply_table(
            "intranet",
            &table("limit = 1000\nunit = \"chars\"\ndisplay_name = \"Intranettet\""),
        )
        .unwrap();
        let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(&names[8..], ["intranet", "zulu"]);
        let i = p.get("intranet").unwrap();
        assert_eq!(
            (i.limit, i.unit, i.display_name.as_str()),
            (1000, Unit::Chars, "Intranettet")
        );
        assert_eq!(p.get("zulu").unwrap().display_name, "zulu");
    }

    #[test]
    fn override_rejects_unknown_keys() {
        let e = validate_override("x", &table("limt = 1"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("limt"), "{e}");
        assert!(validate_override("x", &table("limit = \"many\"")).is_err());
    }

    #[test]
    fn from_toml_requires_limit_and_unit() {
        assert!(Profiles::from_toml("[platforms.a]\nlimit = 1").is_err());
        assert!(Profiles::from_toml("[platforms.a]\nlimit = 1\nunit = \"chars\"").is_ok());
    }
}
