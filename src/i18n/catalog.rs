//! The catalogue: every message, summary, explanation and option text by message id.
//!
//! The built-in part is parsed once per process from the data files under `rules/catalog/`:
//! `<family>/<name>.toml` holds the words of the code rule `family.name` (the same keys a
//! `[[rule]]` entry uses for its words: `summary`, `explain`, `message`, `suggestion`,
//! `examples`, plus `[messages]` for further messages and `[options]` for option docs), and
//! `common.toml` / `output.toml` hold shared words under flat ids. A linter adds an overlay:
//! its data rules' words and the guideline's own catalogues.
//!
//! Message ids are `<rule id>.<key>` (`links.shortener.message`, `length.fold.disclosure`),
//! `<rule id>.summary`, `<rule id>.explain`, `<rule id>.option.<name>`, and flat ids for the
//! shared words (`lang.da`, `number.thousands`, `verdict.pass`).

use super::{fill, Locale, Text};
use crate::builtin;
use crate::text::Date;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// A rule's words, as written in its catalogue file or its `[[rule]]` entry.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuleWords {
    /// One line for `postlint rules`.
    pub summary: Option<Text>,
    /// The text of `postlint explain`: why the rule exists and what to do instead.
    pub explain: Option<Text>,
    /// The default message of a finding.
    pub message: Option<Text>,
    /// The default suggestion of a finding.
    pub suggestion: Option<Text>,
    /// Further messages by key.
    #[serde(default)]
    pub messages: BTreeMap<String, Text>,
    /// Option docs by option name.
    #[serde(default)]
    pub options: BTreeMap<String, Text>,
    /// Examples: bad texts must trigger the rule, good ones must not.
    #[serde(default, deserialize_with = "examples")]
    pub examples: Vec<Example>,
}

/// An example of a rule: with `guideline` (extra TOML) applied and checked on `date`, `text`
/// must trigger the rule (`bad`) or must not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Example {
    /// Whether the text must trigger the rule.
    pub bad: bool,
    /// The post.
    pub text: String,
    /// Extra guideline TOML the example needs (company names, quiet periods), if any.
    pub guideline: Option<String>,
    /// The day to check on, if it matters.
    pub date: Option<Date>,
}

/// Examples as written: `{ bad = [...], good = [...] }`, or `[[examples]]` tables when an
/// example needs a guideline or a date of its own.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawExamples {
    Lists {
        #[serde(default)]
        bad: Vec<String>,
        #[serde(default)]
        good: Vec<String>,
    },
    Tables(Vec<RawExample>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExample {
    bad: bool,
    text: String,
    guideline: Option<String>,
    date: Option<toml::value::Datetime>,
}

fn examples<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Example>, D::Error> {
    use serde::de::Error as _;
    let raw = RawExamples::deserialize(d).map_err(|_| {
        D::Error::custom(
            "expected examples = { bad = [\"…\"], good = [\"…\"] }, or [[examples]] tables with `bad` and `text`",
        )
    })?;
    Ok(match raw {
        RawExamples::Lists { bad, good } => bad
            .into_iter()
            .map(|text| (true, text))
            .chain(good.into_iter().map(|text| (false, text)))
            .map(|(bad, text)| Example {
                bad,
                text,
                guideline: None,
                date: None,
            })
            .collect(),
        RawExamples::Tables(list) => list
            .into_iter()
            .map(|e| {
                let date = match e.date.and_then(|d| d.date) {
                    Some(d) => Some(
                        Date::new(i32::from(d.year), d.month, d.day)
                            .ok_or_else(|| D::Error::custom(format!("{d} is not a date")))?,
                    ),
                    None => None,
                };
                Ok(Example {
                    bad: e.bad,
                    text: e.text,
                    guideline: e.guideline,
                    date,
                })
            })
            .collect::<Result<_, D::Error>>()?,
    })
}

/// Examples from a TOML value (a `[[rule]]` entry's `examples`).
pub(crate) fn parse_examples(value: toml::Value) -> Result<Vec<Example>, String> {
    examples(value).map_err(|e: toml::de::Error| e.message().to_string())
}

impl RuleWords {
    /// Every text with its message id under rule `id`.
    pub fn entries<'a>(&'a self, id: &'a str) -> impl Iterator<Item = (String, &'a Text)> + 'a {
        let fixed = [
            ("summary", &self.summary),
            ("explain", &self.explain),
            ("message", &self.message),
            ("suggestion", &self.suggestion),
        ];
        fixed
            .into_iter()
            .filter_map(move |(k, t)| t.as_ref().map(|t| (format!("{id}.{k}"), t)))
            .chain(
                self.messages
                    .iter()
                    .map(move |(k, t)| (format!("{id}.{k}"), t)),
            )
            .chain(
                self.options
                    .iter()
                    .map(move |(k, t)| (format!("{id}.option.{k}"), t)),
            )
    }
}

include!(concat!(env!("OUT_DIR"), "/builtin_catalog.rs"));

/// The code rules' words as written (for their examples and option docs), parsed on first use:
/// only `postlint rules`/`explain`, SARIF and the tests need them; messages come from the
/// static [`CATALOG`] that build.rs made of the same files.
static RULE_WORDS: LazyLock<Result<BTreeMap<String, RuleWords>, String>> =
    LazyLock::new(load_rule_words);

fn load_rule_words() -> Result<BTreeMap<String, RuleWords>, String> {
    let mut rules = BTreeMap::new();
    for (path, text) in builtin::FILES {
        let Some(stem) = path
            .strip_prefix("catalog/")
            .and_then(|r| r.strip_suffix(".toml"))
        else {
            continue;
        };
        if let Some((family, name)) = stem.split_once('/') {
            let words: RuleWords =
                toml::from_str(text).map_err(|e| format!("rules/{path}: {e}"))?;
            rules.insert(format!("{family}.{name}"), words);
        }
    }
    Ok(rules)
}

/// One message id's texts: the built-in one and the linter's own, which wins.
#[derive(Debug, Clone, Default)]
struct Entry {
    /// (locale code, text); code "" is every locale.
    builtin: Option<&'static [(&'static str, &'static str)]>,
    overlay: Option<Text>,
}

impl Entry {
    fn builtin_exact(&self, locale: Locale) -> Option<&'static str> {
        self.builtin?
            .iter()
            .find(|(l, _)| l.is_empty() || *l == locale.code())
            .map(|(_, t)| *t)
    }
}

/// Every message postlint can show, in every locale it has: the built-in words and a
/// linter's own (its data rules, the guideline's catalogues).
///
/// One map from id to both texts, hashed with FxHash: every finding of every post looks its
/// message and suggestions up here (two SipHash lookups per message cost 2 % of a batch).
#[derive(Debug, Clone)]
pub(crate) struct Catalog {
    entries: FxHashMap<Cow<'static, str>, Entry>,
}

impl Catalog {
    /// The built-in catalogue, with nothing of the linter's own yet.
    pub fn new() -> Catalog {
        let mut entries = FxHashMap::default();
        entries.reserve(CATALOG.len());
        for (id, texts) in CATALOG {
            let entry = Entry {
                builtin: Some(texts),
                overlay: None,
            };
            entries.insert(Cow::Borrowed(*id), entry);
        }
        Catalog { entries }
    }

    fn overlay_mut(&mut self, id: String) -> &mut Option<Text> {
        &mut self.entries.entry(Cow::Owned(id)).or_default().overlay
    }

    /// The built-in catalogue; it is checked by the test suite, so this cannot fail in a
    /// released build.
    #[cfg(test)]
    pub fn builtin_only() -> Catalog {
        Catalog::new()
    }

    /// Adds or replaces a text of the linter's own.
    pub fn insert(&mut self, id: impl Into<String>, text: Text) {
        *self.overlay_mut(id.into()) = Some(text);
    }

    /// Adds a catalogue for one locale: each entry becomes that locale's text of its id, the
    /// other locales of the id stay as they were.
    pub fn add_locale(
        &mut self,
        locale: Locale,
        entries: impl IntoIterator<Item = (String, String)>,
    ) {
        for (id, text) in entries {
            let entry = self
                .overlay_mut(id)
                .get_or_insert_with(|| Text::Localized(Vec::new()));
            match entry {
                Text::Localized(v) => {
                    v.retain(|(l, _)| *l != locale);
                    v.push((locale, text));
                }
                Text::Same(same) => {
                    let same = std::mem::take(same);
                    *entry = Text::Localized(vec![
                        (Locale::EN, same.clone()),
                        (Locale::DA, same),
                        (locale, text),
                    ]);
                }
            }
        }
    }

    /// The text of `id` in `locale`, each entry falling back on its own (the locale, then
    /// English, then Danish); the overlay wins over the built-in words.
    pub fn get(&self, id: &str, locale: Locale) -> Option<&str> {
        let entry = self.entries.get(id)?;
        let overlay = entry.overlay.as_ref();
        for l in locale.chain() {
            if let Some(s) = overlay.and_then(|t| t.exact(l)) {
                return Some(s);
            }
            if let Some(s) = entry.builtin_exact(l) {
                return Some(s);
            }
        }
        overlay
            .map(|t| t.get(locale))
            .or_else(|| entry.builtin?.first().map(|(_, t)| *t))
    }

    /// The ids that start with `prefix`, sorted.
    pub fn ids_under(&self, prefix: &str) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .entries
            .keys()
            .map(|k| k.as_ref())
            .filter(|k| k.starts_with(prefix))
            .collect();
        ids.sort_unstable();
        ids
    }

    /// Whether `id` has a text in any locale.
    pub fn has(&self, id: &str) -> bool {
        self.entries.contains_key(id)
    }

    /// A shared word (a separator, a format); empty when the catalogue lacks it.
    pub fn word(&self, id: &str, locale: Locale) -> &str {
        self.get(id, locale).unwrap_or("")
    }

    /// The message `id` filled with `args` in `locale`; the id itself when there is no such
    /// message (never an empty string a reader could not act on).
    pub fn render_with(&self, id: &str, args: &dyn super::Lookup, locale: Locale) -> String {
        match self.get(id, locale) {
            Some(template) => fill(template, args, self, locale),
            None => id.to_string(),
        }
    }

    /// The message `id` filled with `args` in `locale` (see [`Catalog::render_with`]).
    pub fn render<K: AsRef<str>>(
        &self,
        id: &str,
        args: &[(K, super::Arg)],
        locale: Locale,
    ) -> String {
        match self.get(id, locale) {
            Some(template) => fill(template, &super::Named(args), self, locale),
            None => id.to_string(),
        }
    }

    /// A built-in code rule's words (`None` for a rule without its catalogue file, which a
    /// test rules out).
    pub fn rule_words(&self, id: &str) -> Option<&'static RuleWords> {
        RULE_WORDS.as_ref().ok()?.get(id)
    }

    /// The ids of the built-in code rules that have words.
    #[cfg(test)]
    pub fn builtin_rule_ids(&self) -> impl Iterator<Item = &'static str> {
        let words = RULE_WORDS.as_ref().expect("the catalogue parses");
        words.keys().map(String::as_str)
    }

    /// Every locale some entry is written in, sorted (Danish and English always).
    pub fn locales(&self) -> Vec<Locale> {
        let mut out = vec![Locale::DA, Locale::EN];
        for t in self.entries.values().filter_map(|e| e.overlay.as_ref()) {
            for l in t.locales() {
                if !out.contains(&l) {
                    out.push(l);
                }
            }
        }
        out.sort();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_words_parse() {
        RULE_WORDS
            .as_ref()
            .expect("every catalogue file fits RuleWords");
    }

    #[test]
    fn builtin_catalogue_parses() {
        let c = Catalog::builtin_only();
        assert!(c.rule_words("links.shortener").is_some());
        assert_eq!(c.get("lang.da", Locale::DA), Some("dansk"));
        assert!(c.get("no.such.id", Locale::DA).is_none());
        assert_eq!(
            c.render::<&str>("no.such.id", &[], Locale::DA),
            "no.such.id"
        );
    }

    #[test]
    fn a_third_locale_falls_back_per_entry() {
        let mut c = Catalog::builtin_only();
        let sv = Locale::parse("sv").unwrap();
        c.add_locale(sv, [("lang.da".to_string(), "danska".to_string())]);
        assert_eq!(c.get("lang.da", sv), Some("danska"));
        assert_eq!(c.get("lang.en", sv), Some("English"));
        assert_eq!(c.get("lang.da", Locale::DA), Some("dansk"));
        assert!(c.locales().contains(&sv));
    }
}
