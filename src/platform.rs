//! Platform profiles (limits and counting units) and length counting.
//!
//! The profiles are data: `rules/platforms.toml`, compiled into the binary, holds one table per
//! platform with its limit, its unit and the facts other rules need (hashtag caps, the fold,
//! whether links are clickable). A guideline overrides any of them, or adds a platform, with
//! the same keys ([`ProfileOverride`], [`Profiles::apply_override`]).
//!
//! [`measure`] counts a post the way the platform does. Each unit has one counting function,
//! and the platform-specific twists are driven by profile fields, not by the platform's name:
//! `url_length` (a linkable URL counts as a fixed length), `mention_domain_free` (Mastodon's
//! `@user@domain` counts as `@user`), `byte_limit` (Bluesky's second, byte-based limit) and
//! `signature` (text appended to every post).

use crate::emoji;
use crate::entities::{extract, url_has_scheme, url_is_linkable, Entities, Entity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::LazyLock;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

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
    #[serde(alias = "utf-16")]
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

    /// The platform this profile is for.
    pub fn platform(&self) -> Platform {
        Platform::from_name(&self.name)
    }
}

/// A guideline's changes to one platform profile, or a whole new platform
/// (`[platforms.mastodon] limit = 1000`). Every field is optional; a new platform needs at
/// least `limit`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileOverride {
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
    pub fn apply_to(&self, profile: &mut Profile) {
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

/// The set of platform profiles: the built-in ones from `rules/platforms.toml`, plus whatever
/// a guideline overrides or adds. `Profiles::default()` is empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profiles {
    profiles: Vec<Profile>,
}

/// `rules/platforms.toml` as written: `[platforms.NAME]` tables.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfilesFile {
    platforms: BTreeMap<String, ProfileOverride>,
}

static BUILTIN: LazyLock<Profiles> = LazyLock::new(|| {
    // The file is part of the crate and a unit test parses it, so failing here is a build bug.
    Profiles::from_toml(include_str!("../rules/platforms.toml"))
        .expect("rules/platforms.toml is valid")
});

impl Profiles {
    /// The built-in profiles (parsed once, then cloned).
    pub fn builtin() -> Profiles {
        BUILTIN.clone()
    }

    /// Parses profiles from a TOML text of `[platforms.NAME]` tables (the format of
    /// `rules/platforms.toml`). Every platform needs `limit` and `unit`.
    pub fn from_toml(src: &str) -> Result<Profiles, String> {
        let file: ProfilesFile = toml::from_str(src).map_err(|e| e.to_string())?;
        let mut profiles = Profiles {
            profiles: Vec::new(),
        };
        for (name, ov) in &file.platforms {
            if ov.limit.is_none() || ov.unit.is_none() {
                return Err(format!("platform `{name}` needs both `limit` and `unit`"));
            }
            profiles.apply_override(name, ov);
        }
        Ok(profiles)
    }

    /// The profile for a platform name (`x`, `twitter`, `LinkedIn`, or a custom name).
    pub fn get(&self, name: &str) -> Option<&Profile> {
        let platform = Platform::from_name(name);
        self.profiles.iter().find(|p| p.name == platform.name())
    }

    /// The profile for a platform.
    pub fn get_platform(&self, platform: &Platform) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.name == platform.name())
    }

    /// Every profile: the built-in platforms in a fixed order, then custom ones by name.
    pub fn iter(&self) -> impl Iterator<Item = &Profile> {
        self.profiles.iter()
    }

    /// Checks an override before it is applied: a platform that is not known yet must say its
    /// `limit`. Returns a message for the guideline error.
    pub fn check_override(&self, name: &str, ov: &ProfileOverride) -> Result<(), String> {
        if self.get(name).is_none() && ov.limit.is_none() {
            return Err(format!(
                "platform `{name}` is not built in, so it needs a `limit` (and usually a `unit`)"
            ));
        }
        Ok(())
    }

    /// Applies a guideline's `[platforms.NAME]` table: changes the named profile, or adds a new
    /// platform (starting from [`Profile::new`]: no limit unless given, UTF-16 units).
    pub fn apply_override(&mut self, name: &str, ov: &ProfileOverride) {
        let platform = Platform::from_name(name);
        let canonical = platform.name();
        if let Some(p) = self.profiles.iter_mut().find(|p| p.name == canonical) {
            ov.apply_to(p);
            return;
        }
        let mut profile = Profile::new(canonical);
        ov.apply_to(&mut profile);
        self.profiles.push(profile);
        // Built-in platforms in enum order (x, linkedin, …), then custom ones by name.
        self.profiles.sort_by_key(|p| p.platform());
    }
}

impl Profiles {
    /// Applies a guideline's `[platforms.NAME]` table as a [`ProfileOverride`]. The table must
    /// have passed [`validate_override`]; a table that does not parse is ignored.
    pub fn apply_table(&mut self, name: &str, table: &toml::Table) {
        if let Ok(ov) = ProfileOverride::deserialize(table.clone()) {
            self.apply_override(name, &ov);
        }
    }
}

/// Checks a guideline's `[platforms.NAME]` table: known keys with the right types, and a
/// `limit` for a platform that is not built in. The error is a message for the guideline
/// author.
pub fn validate_override(name: &str, table: &toml::Table) -> Result<(), String> {
    let ov = ProfileOverride::deserialize(table.clone())
        .map_err(|e| format!("`platforms.{name}`: {}", e.message().trim()))?;
    BUILTIN.check_override(name, &ov)
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
    /// The length in UTF-8 bytes, when the platform has a byte limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byte_length: Option<usize>,
    /// The byte limit, when the platform has one (Bluesky: 3,000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byte_limit: Option<usize>,
    /// The platform would reject the post whatever its length (X: it contains U+FFFE, U+FEFF
    /// or U+FFFF).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub invalid: bool,
}

impl Length {
    /// A length without a byte count, for a platform without a byte limit.
    pub fn new(name: &str, length: usize, limit: usize, unit: Unit) -> Length {
        Length {
            name: name.to_string(),
            length,
            limit,
            unit,
            byte_length: None,
            byte_limit: None,
            invalid: false,
        }
    }

    /// Whether the post is over the limit or over the byte limit.
    pub fn is_over(&self) -> bool {
        self.length > self.limit
            || matches!((self.byte_length, self.byte_limit), (Some(b), Some(l)) if b > l)
    }
}

/// Counts `text` (a post body, front matter removed) the way `profile` does, with the
/// profile's signature appended. `entities` must be [`extract`]`(text)`; entities whose spans
/// do not fit `text` are ignored rather than trusted.
pub fn measure(text: &str, entities: &Entities, profile: &Profile) -> Length {
    let mut count = count_body(text, entities, profile);
    if let Some(sig) = &profile.signature {
        // The signature is counted as its own piece: it starts a new line or follows a space
        // in practice, so no grapheme or NFC composition spans the seam.
        let sig_count = count_body(sig, &extract(sig), profile);
        count.length += sig_count.length;
        count.bytes += sig_count.bytes;
        count.invalid |= sig_count.invalid;
    }
    Length {
        name: profile.name.clone(),
        length: count.length,
        limit: profile.limit,
        unit: profile.unit,
        byte_length: profile.byte_limit.map(|_| count.bytes),
        byte_limit: profile.byte_limit,
        invalid: count.invalid,
    }
}

struct Count {
    length: usize,
    bytes: usize,
    invalid: bool,
}

fn count_body(text: &str, entities: &Entities, profile: &Profile) -> Count {
    let (length, invalid) = match profile.unit {
        Unit::Weighted => x_weighted_length(text, entities, profile.url_length.unwrap_or(23)),
        unit => (substituted_length(text, entities, profile, unit), false),
    };
    Count {
        length,
        bytes: text.len(),
        invalid,
    }
}

/// Length in a plain unit, with linkable URLs counted as `url_length` and, when
/// `mention_domain_free`, `@user@domain` counted as `@user`.
fn substituted_length(text: &str, entities: &Entities, profile: &Profile, unit: Unit) -> usize {
    let urls: &[Entity] = if profile.url_length.is_some() {
        &entities.urls
    } else {
        &[]
    };
    let mentions: &[Entity] = if profile.mention_domain_free {
        &entities.mentions
    } else {
        &[]
    };
    if urls.is_empty() && mentions.is_empty() {
        return count_unit(text, unit);
    }
    let (mut u, mut m) = (0, 0);
    let mut pos = 0;
    let mut length = 0;
    // Merge the two sorted lists; each entity either replaces its span or is left as text.
    loop {
        let take_url = match (urls.get(u), mentions.get(m)) {
            (Some(a), Some(b)) => a.start <= b.start,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        let (entity, replacement) = if take_url {
            u += 1;
            let e = &urls[u - 1];
            let linkable = url_has_scheme(&e.text) && url_is_linkable(&e.text);
            (
                e,
                linkable.then_some(Replacement::Fixed(profile.url_length.unwrap_or(23))),
            )
        } else {
            m += 1;
            let e = &mentions[m - 1];
            // `@user@domain`: the span up to the second `@` is `@user`.
            let local = text
                .get(e.start..e.end)
                .and_then(|s| {
                    s.char_indices()
                        .skip(1)
                        .find(|(_, c)| matches!(c, '@' | '＠'))
                })
                .map(|(i, _)| e.start + i);
            (e, local.map(Replacement::Prefix))
        };
        let Some(replacement) = replacement else {
            continue;
        };
        let (Some(before), Some(_)) = (
            text.get(pos..entity.start),
            text.get(entity.start..entity.end),
        ) else {
            continue; // out of order or not on char boundaries: leave it to be counted as text
        };
        length += count_unit(before, unit);
        length += match replacement {
            Replacement::Fixed(n) => n,
            Replacement::Prefix(end) => count_unit(&text[entity.start..end], unit),
        };
        pos = entity.end;
    }
    length + count_unit(&text[pos..], unit)
}

enum Replacement {
    Fixed(usize),
    Prefix(usize),
}

/// Counts `s` in a plain unit.
pub fn count_unit(s: &str, unit: Unit) -> usize {
    match unit {
        Unit::Bytes => s.len(),
        Unit::Chars => s.chars().count(),
        Unit::Utf16 => utf16_len(s),
        Unit::Graphemes => grapheme_count(s),
        Unit::Weighted => x_weighted_length(s, &extract(s), 23).0,
    }
}

/// UTF-16 code units: one per char, plus one more for each char outside the BMP (a 4-byte
/// UTF-8 sequence, recognisable by its lead byte).
fn utf16_len(s: &str) -> usize {
    // Summing u8 flags per 255-byte chunk lets the compiler use 16-lane SIMD adds.
    let astral: usize = s
        .as_bytes()
        .chunks(255)
        .map(|chunk| usize::from(chunk.iter().map(|&b| u8::from(b >= 0xF0)).sum::<u8>()))
        .sum();
    s.chars().count() + astral
}

/// Extended grapheme clusters.
///
/// Every code point below U+0300 (ASCII, Latin-1, Latin Extended: all of Danish) is a grapheme
/// of its own unless the *next* code point extends it (combining marks, ZWJ, spacing marks and
/// emoji modifiers are all at U+0300 or above), apart from CR LF. So a char below U+0300
/// followed by another one is counted directly, and only the stretches around other text go
/// through the full segmentation algorithm.
fn grapheme_count(s: &str) -> usize {
    // At a char start, a lead byte below 0xCC means a code point below U+0300.
    #[inline]
    fn simple(b: u8) -> bool {
        b < 0xCC
    }
    #[inline]
    fn char_len(b: u8) -> usize {
        match b {
            0..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        }
    }
    let b = s.as_bytes();
    let n = b.len();
    let mut count = 0;
    let mut i = 0;
    while i < n {
        let next = i + char_len(b[i]);
        let next_simple = match b.get(next) {
            Some(&nb) => simple(nb),
            None => true,
        };
        if simple(b[i]) && next_simple {
            count += 1;
            i = if b[i] == b'\r' && b.get(next) == Some(&b'\n') {
                next + 1
            } else {
                next
            };
            continue;
        }
        // From here to the next safe boundary: a simple char after a simple char (not CR LF).
        let start = i;
        let mut prev_simple = simple(b[i]);
        let mut prev_cr = b[i] == b'\r';
        i = next;
        while i < n {
            let cur_simple = simple(b[i]);
            if prev_simple && cur_simple && !(prev_cr && b[i] == b'\n') {
                break;
            }
            prev_simple = cur_simple;
            prev_cr = b[i] == b'\r';
            i += char_len(b[i]);
        }
        let i_end = i.min(n);
        count += s
            .get(start..i_end)
            .map_or(0, |seg| seg.graphemes(true).count());
        i = i_end;
    }
    count
}

// ---------------------------------------------------------------------------------------------
// X: twitter-text's weighted length (config v3)
// ---------------------------------------------------------------------------------------------

/// twitter-text v3 (`/work/shared/data/twitter-text/v3.json`): code points in these ranges
/// weigh 1, all others 2. Latin, Greek, Cyrillic, Hebrew, Arabic, Indic … (U+0000–U+10FF), the
/// spaces and dashes of General Punctuation and the primes count 1; CJK, emoji and most
/// symbols 2. U+200E/U+200F (directional marks) fall *outside* U+2000–U+200D and weigh 2.
const X_LIGHT_RANGES: [(u32, u32); 4] = [
    (0x0000, 0x10FF),
    (0x2000, 0x200D),
    (0x2010, 0x201F),
    (0x2032, 0x2037),
];

#[inline]
fn x_weight(c: char) -> usize {
    let cp = c as u32;
    if X_LIGHT_RANGES
        .iter()
        .any(|&(lo, hi)| (lo..=hi).contains(&cp))
    {
        1
    } else {
        2
    }
}

/// X's weighted length of `text`, and whether X would reject it (U+FFFE, U+FEFF, U+FFFF).
///
/// Linkable URLs count `url_length`; the text between them is NFC-normalised (as twitter-text
/// does before counting) and weighed per code point, except that an emoji sequence counts 2
/// as a whole.
fn x_weighted_length(text: &str, entities: &Entities, url_length: usize) -> (usize, bool) {
    let mut acc = XAcc::default();
    let mut pos = 0;
    for url in &entities.urls {
        let Some(before) = text.get(pos..url.start) else {
            continue;
        };
        if text.get(url.start..url.end).is_none() || !url_is_linkable(&url.text) {
            continue;
        }
        acc.segment(before);
        acc.weight += url_length;
        pos = url.end;
    }
    acc.segment(&text[pos..]);
    (acc.weight, acc.invalid)
}

#[derive(Default)]
struct XAcc {
    weight: usize,
    invalid: bool,
}

impl XAcc {
    fn segment(&mut self, s: &str) {
        if s.is_ascii() {
            // Every ASCII char weighs 1 and is already NFC; none starts an emoji sequence that
            // counts differently (a keycap needs U+20E3).
            self.weight += s.len();
        } else if surely_nfc(s.as_bytes()) || is_nfc_quick(s.chars()) == IsNormalized::Yes {
            self.weigh(s);
        } else {
            self.weigh(&s.nfc().collect::<String>());
        }
    }

    /// Weighs `s` (already in NFC) char by char; each emoji sequence
    /// ([`emoji::sequence_end`]) weighs 2 as a whole.
    fn weigh(&mut self, s: &str) {
        // The end of the emoji sequence being skipped.
        let mut skip_to = 0;
        for (i, c) in s.char_indices() {
            if i < skip_to {
                continue;
            }
            // Fast path for the bulk of Latin text: below U+00A9 nothing is an emoji, and
            // only digits, `#` and `*` can start a keycap.
            if (c as u32) < 0xA9 && !emoji::is_keycap_base(c) {
                self.weight += 1;
                continue;
            }
            if matches!(c, '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}') {
                self.invalid = true;
            }
            if let Some(end) = emoji::sequence_end(s, i, c) {
                self.weight += 2;
                skip_to = end;
            } else {
                self.weight += x_weight(c);
            }
        }
    }
}

/// A cheap byte-level pre-check that `s` is already in NFC: every char is below U+0300
/// (Latin-1 and Latin Extended, no combining marks), in U+4000–U+9FFF (CJK ideographs, which
/// have no canonical decompositions) or in U+1F000–U+1FFFF (emoji, likewise). When it says
/// no, the exact quick-check runs.
fn surely_nfc(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        let ok =
            b < 0xCC || (0xE4..=0xE9).contains(&b) || (b == 0xF0 && s.get(i + 1) == Some(&0x9F));
        if !ok {
            return false;
        }
        // Continuation bytes (0x80–0xBF) are below 0xCC and pass; lead bytes decide.
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profiles() -> Profiles {
        Profiles::builtin()
    }

    fn len_on(platform: &str, text: &str) -> Length {
        let p = profiles();
        measure(text, &extract(text), p.get(platform).unwrap())
    }

    fn x(text: &str) -> usize {
        len_on("x", text).length
    }

    // ---- Profiles ------------------------------------------------------------------------

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

    #[test]
    fn override_limit_and_signature() {
        let mut p = profiles();
        let ov: ProfileOverride = toml::from_str("limit = 1000").unwrap();
        p.apply_override("mastodon", &ov);
        assert_eq!(p.get("mastodon").unwrap().limit, 1000);
        assert_eq!(
            p.get("mastodon").unwrap().url_length,
            Some(23),
            "other fields kept"
        );

        let ov: ProfileOverride =
            toml::from_str("signature = \"\\n— sent via Acme Advocacy\"").unwrap();
        p.apply_override("x", &ov);
        let text = "Hej";
        let l = measure(text, &extract(text), p.get("x").unwrap());
        // "\n— sent via Acme Advocacy": 25 chars, all weight 1 (— is U+2014).
        assert_eq!(l.length, 3 + 25);
        let ov: ProfileOverride = toml::from_str("signature = \"\"").unwrap();
        p.apply_override("x", &ov);
        assert_eq!(p.get("x").unwrap().signature, None);
    }

    #[test]
    fn override_new_platform() {
        let mut p = profiles();
        let ov: ProfileOverride = toml::from_str("limit = 1000\nunit = \"chars\"").unwrap();
        assert!(p.check_override("intranet", &ov).is_ok());
        p.apply_override("intranet", &ov);
        let prof = p.get("intranet").unwrap();
        assert_eq!((prof.limit, prof.unit), (1000, Unit::Chars));
        assert_eq!(p.iter().last().unwrap().name, "intranet");
        assert_eq!(len_on_profile("😀æ", prof), 2);
        let no_limit = ProfileOverride::default();
        assert!(p.check_override("blog", &no_limit).is_err());
        assert!(p.check_override("x", &no_limit).is_ok());
    }

    fn len_on_profile(text: &str, p: &Profile) -> usize {
        measure(text, &extract(text), p).length
    }

    #[test]
    fn tables_from_a_guideline() {
        let table: toml::Table = toml::from_str("limit = 25000").unwrap();
        assert!(validate_override("x", &table).is_ok());
        let mut p = profiles();
        p.apply_table("x", &table);
        assert_eq!(p.get("x").unwrap().limit, 25000);

        let table: toml::Table = toml::from_str("limit = 1000\nunit = \"chars\"").unwrap();
        assert!(validate_override("intranet", &table).is_ok());
        p.apply_table("intranet", &table);
        assert_eq!(p.get("intranet").unwrap().unit, Unit::Chars);

        let bad: toml::Table = toml::from_str("limt = 5").unwrap();
        let err = validate_override("x", &bad).unwrap_err();
        assert!(err.contains("limt"), "{err}");
        let bad: toml::Table = toml::from_str("limit = \"many\"").unwrap();
        assert!(validate_override("x", &bad).is_err());
        let no_limit: toml::Table = toml::from_str("unit = \"chars\"").unwrap();
        assert!(validate_override("blog", &no_limit).is_err());
        assert_eq!(Length::new("x", 1, 2, Unit::Weighted).byte_length, None);
        assert_eq!(Profiles::default().iter().count(), 0);
    }

    #[test]
    fn override_rejects_unknown_keys() {
        assert!(toml::from_str::<ProfileOverride>("limt = 5").is_err());
        assert!(toml::from_str::<ProfileOverride>("unit = \"furlongs\"").is_err());
        let ov: ProfileOverride = toml::from_str("unit = \"utf-16\"").unwrap();
        assert_eq!(ov.unit, Some(Unit::Utf16));
    }

    #[test]
    fn from_toml_requires_limit_and_unit() {
        assert!(Profiles::from_toml("[platforms.a]\nlimit = 5").is_err());
        assert!(Profiles::from_toml("[platforms.a]\nlimit = 5\nunit = \"bytes\"").is_ok());
        assert!(Profiles::from_toml("[nope]").is_err());
    }

    // ---- X weighted length ---------------------------------------------------------------

    #[test]
    fn x_latin_and_danish_weigh_one() {
        assert_eq!(x("hello"), 5);
        assert_eq!(x("æøå"), 3);
        assert_eq!(x("ÆØÅ café"), 8);
    }

    #[test]
    fn x_nfc_before_counting() {
        // "a" + combining ring composes to "å": one code point after NFC.
        assert_eq!(x("a\u{30A}"), 1);
        // Hangul jamo compose into one syllable (U+AC00, weight 2).
        assert_eq!(x("\u{1100}\u{1161}"), 2);
    }

    #[test]
    fn x_cjk_weighs_two() {
        assert_eq!(x("日本語"), 6);
        assert_eq!(x("한국"), 4);
    }

    #[test]
    fn x_emoji_sequences_weigh_two() {
        assert_eq!(x("😀"), 2);
        assert_eq!(x("👨‍👩‍👧‍👦"), 2, "ZWJ family");
        assert_eq!(x("🇩🇰"), 2, "flag");
        assert_eq!(x("1\u{FE0F}\u{20E3}"), 2, "keycap");
        assert_eq!(x("#\u{FE0F}\u{20E3}"), 2, "keycap #");
        assert_eq!(x("👍🏽"), 2, "skin tone");
        assert_eq!(x("❤\u{FE0F}"), 2, "VS16");
        assert_eq!(
            x("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"),
            2,
            "Scotland"
        );
        assert_eq!(x("👩🏽‍💻"), 2, "ZWJ + skin tone");
        assert_eq!(x("🇩🇰🇸🇪"), 4, "two flags");
        assert_eq!(x("a😀b"), 4);
    }

    #[test]
    fn x_bmp_symbols_and_text_presentation() {
        assert_eq!(x("©"), 1, "U+00A9 is in 0–10FF");
        assert_eq!(x("™"), 2, "U+2122 is outside the light ranges");
        assert_eq!(x("❤"), 2);
        assert_eq!(x("1"), 1);
        assert_eq!(x("1\u{FE0F}"), 3, "VS16 without keycap: 1 + 2");
    }

    #[test]
    fn x_general_punctuation_ranges() {
        assert_eq!(x("\u{2000}"), 1, "en quad, start of 2000–200D");
        assert_eq!(x("\u{200D}"), 1, "ZWJ, end of 2000–200D");
        assert_eq!(x("\u{200E}"), 2, "LRM is outside 2000–200D");
        assert_eq!(x("\u{200F}"), 2, "RLM is outside 2000–200D");
        assert_eq!(x("\u{2010}"), 1);
        assert_eq!(x("—"), 1, "em dash U+2014");
        assert_eq!(x("“”"), 2, "quotes U+201C/D");
        assert_eq!(x("\u{2020}"), 2, "dagger, outside 2010–201F");
        assert_eq!(x("…"), 2, "ellipsis U+2026");
        assert_eq!(x("\u{2032}\u{2037}"), 2, "primes");
        assert_eq!(x("\u{2038}"), 2);
        assert_eq!(x("\u{10FF}\u{1100}"), 3, "end of range 0–10FF");
    }

    #[test]
    fn x_urls_count_23() {
        assert_eq!(x("https://falck.dk/job?x=1"), 23);
        assert_eq!(x(&format!("https://falck.dk/{}", "a".repeat(500))), 23);
        assert_eq!(x("Se falck.dk/job nu"), 3 + 23 + 3);
        assert_eq!(x("www.example.co.uk"), 23);
        assert_eq!(x("t.co"), 23, "special short domain");
        assert_eq!(x("https://a.dk https://b.dk"), 23 + 1 + 23);
    }

    #[test]
    fn x_urls_twitter_does_not_link_count_as_text() {
        assert_eq!(
            x("falck.dk"),
            8,
            "bare ccTLD without path is not linked by X"
        );
        assert_eq!(x("http://intranet/x"), 17);
    }

    #[test]
    fn x_invalid_characters() {
        for c in ['\u{FFFE}', '\u{FEFF}', '\u{FFFF}'] {
            let t = format!("hej{c}");
            let l = len_on("x", &t);
            assert!(l.invalid, "{c:?}");
            assert_eq!(l.length, 5);
        }
        assert!(!len_on("x", "hej").invalid);
        assert!(
            !len_on("linkedin", "hej\u{FEFF}").invalid,
            "only X rejects them"
        );
    }

    #[test]
    fn x_280_boundary() {
        let at = "a".repeat(280);
        let l = len_on("x", &at);
        assert_eq!(l.length, 280);
        assert!(!l.is_over());
        let over = format!("{at}ø");
        let l = len_on("x", &over);
        assert_eq!(l.length, 281);
        assert!(l.is_over());
        // 140 CJK characters fill a post exactly.
        assert_eq!(x(&"字".repeat(140)), 280);
        assert_eq!(x(&format!("{}a", "字".repeat(140))), 281);
        // 257 letters + a space + a URL = 281.
        let t = format!("{} https://falck.dk/x", "a".repeat(256));
        assert_eq!(x(&t), 280);
        let t = format!("{} https://falck.dk/x", "a".repeat(257));
        assert_eq!(x(&t), 281);
    }

    // ---- Bluesky -------------------------------------------------------------------------

    #[test]
    fn bluesky_graphemes_and_bytes() {
        let l = len_on("bluesky", "æøå 👨‍👩‍👧‍👦 🇩🇰");
        assert_eq!(l.length, 7);
        assert_eq!(l.byte_length, Some("æøå 👨‍👩‍👧‍👦 🇩🇰".len()));
        assert_eq!(l.byte_limit, Some(3000));
        // URLs and mentions count as written.
        let t = "https://falck.dk/job @user@mastodon.social";
        assert_eq!(len_on("bluesky", t).length, t.len());
    }

    #[test]
    fn bluesky_byte_limit_can_be_the_binding_one() {
        // 300 family emoji: 300 graphemes (at the limit) but 7,500 bytes (over 3,000).
        let t = "👨‍👩‍👧‍👦".repeat(300);
        let l = len_on("bluesky", &t);
        assert_eq!(l.length, 300);
        assert_eq!(l.byte_length, Some(25 * 300));
        assert!(l.is_over());
        let l = len_on("bluesky", &"a".repeat(300));
        assert!(!l.is_over());
    }

    #[test]
    fn grapheme_count_fast_path_matches_segmentation() {
        for t in [
            "",
            "a",
            "abc",
            "\r\n",
            "a\r\nb",
            "\r\r\n\n",
            "e\u{301}",
            "ae\u{301}b",
            "æ",
            "aæb",
            "1\u{FE0F}\u{20E3}",
            "a👍🏽b",
            "🇩🇰🇸🇪a",
            "\u{600}a",
            "a\u{600}a",
            "a\r\n\u{301}",
            "किन्तु ok",
            "한국어 ok",
            "\u{0}\u{301}",
            "x\u{200D}y",
        ] {
            assert_eq!(grapheme_count(t), t.graphemes(true).count(), "{t:?}");
        }
    }

    #[test]
    fn grapheme_count_matches_segmentation_on_random_mixes() {
        let alphabet = [
            "a",
            "Z",
            " ",
            "\r",
            "\n",
            "æ",
            "Ø",
            "\u{2FF}",
            "\u{300}",
            "\u{301}",
            "\u{200D}",
            "\u{FE0F}",
            "\u{20E3}",
            "😀",
            "👍",
            "\u{1F3FD}",
            "🇩",
            "🇰",
            "\u{600}",
            "क",
            "\u{94D}",
            "ि",
            "한",
            "\u{1100}",
            "\u{1161}",
            "\u{11A8}",
            "\u{0}",
            "\u{85}",
            "\u{AD}",
            "1",
            "#",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..(seed % 12) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push_str(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            seed = seed.wrapping_add(0x632B_E59B_D9B4_E019);
            assert_eq!(grapheme_count(&t), t.graphemes(true).count(), "{t:?}");
            assert_eq!(utf16_len(&t), t.encode_utf16().count(), "{t:?}");
        }
    }

    // ---- Mastodon ------------------------------------------------------------------------

    #[test]
    fn mastodon_urls_with_scheme_count_23() {
        assert_eq!(
            len_on("mastodon", &format!("https://falck.dk/{}", "a".repeat(100))).length,
            23
        );
        // Without a scheme, a URL counts as written.
        assert_eq!(len_on("mastodon", "falck.dk/job").length, 12);
        // A scheme but no known TLD: as written.
        assert_eq!(len_on("mastodon", "http://intranet/x").length, 17);
    }

    #[test]
    fn mastodon_mentions_count_without_domain() {
        assert_eq!(len_on("mastodon", "@user@mastodon.social").length, 5);
        assert_eq!(
            len_on("mastodon", "Hej @user@mastodon.social!").length,
            4 + 5 + 1
        );
        assert_eq!(len_on("mastodon", "@falck").length, 6);
        assert_eq!(len_on("mastodon", "👨‍👩‍👧‍👦 æ").length, 3);
        let t = "@a@b.social https://x.dk/1 @c@d.social";
        assert_eq!(len_on("mastodon", t).length, 2 + 1 + 23 + 1 + 2);
    }

    // ---- UTF-16 platforms ----------------------------------------------------------------

    #[test]
    fn utf16_platforms() {
        let t = "æøå 😀 👨‍👩‍👧‍👦 https://falck.dk/job";
        let want = t.encode_utf16().count();
        for p in ["linkedin", "threads", "instagram", "facebook", "tiktok"] {
            let l = len_on(p, t);
            assert_eq!(l.length, want, "{p}");
            assert_eq!(l.byte_length, None);
        }
        assert_eq!(utf16_len("😀"), 2);
        assert_eq!(utf16_len("æ"), 1);
        assert_eq!(utf16_len("日"), 1);
    }

    #[test]
    fn count_units() {
        let t = "e\u{301}😀";
        assert_eq!(count_unit(t, Unit::Bytes), 7);
        assert_eq!(count_unit(t, Unit::Chars), 3);
        assert_eq!(count_unit(t, Unit::Utf16), 4);
        assert_eq!(count_unit(t, Unit::Graphemes), 2);
        assert_eq!(
            count_unit(t, Unit::Weighted),
            3,
            "NFC makes é one code point"
        );
    }

    #[test]
    fn mismatched_entities_do_not_panic() {
        let bogus = Entities {
            urls: vec![
                Entity {
                    text: "https://falck.dk".into(),
                    start: 1,
                    end: 3,
                },
                Entity {
                    text: "https://falck.dk".into(),
                    start: 0,
                    end: 999,
                },
            ],
            mentions: vec![Entity {
                text: "a@b.dk".into(),
                start: 5,
                end: 2,
            }],
            ..Entities::default()
        };
        for p in profiles().iter() {
            let _ = measure("æøå", &bogus, p);
        }
    }

    #[test]
    fn length_serializes_compactly() {
        let l = len_on("linkedin", "hej");
        let json = serde_json_like(&l);
        assert!(
            !json.contains("byte_length") && !json.contains("invalid"),
            "{json}"
        );
        let l = len_on("bluesky", "hej");
        assert!(serde_json_like(&l).contains("byte_length"));
    }

    /// Serializes through toml (a serde serializer we already depend on) to check field
    /// skipping without adding serde_json to this module's dependencies.
    fn serde_json_like(l: &Length) -> String {
        toml::to_string(l).unwrap()
    }
}
