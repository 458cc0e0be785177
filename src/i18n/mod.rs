//! Words in any message language: locales, localised texts, message arguments and the
//! catalogue every message comes from.
//!
//! Rules never write prose. A rule reports a *message id* (`links.shortener.message`) with
//! named [`Arg`]s; after the rules have run, the linter looks the id up in the [`Catalog`] in
//! the run's [`Locale`] and fills the template in ([`fill`]). The catalogue is data:
//! `rules/catalog/<family>/<name>.toml` holds each code rule's words, `rules/catalog/common.toml`
//! the shared ones (numbers, lists, dates, language names), a data rule's words sit in its
//! `[[rule]]` entry, and a guideline can add a whole further language (`catalogs = [...]`).
//! Each entry falls back on its own: a Swedish catalogue with three entries gives three
//! Swedish messages and English for the rest.

mod catalog;
mod format;

pub(crate) use catalog::{parse_examples, Catalog, Example, RuleWords};
pub(crate) use format::{fill, Both, Lookup, Named};

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::sync::Mutex;

/// A message language: an ISO 639 code such as `da`, `en` or `sv`.
///
/// postlint ships Danish and English; a guideline can add catalogues for further locales.
/// Locales are interned, so a `Locale` is a cheap `Copy` value.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Locale(&'static str);

impl Locale {
    /// Danish.
    pub const DA: Locale = Locale("da");
    /// English: the fallback of every other locale.
    pub const EN: Locale = Locale("en");

    /// The code (`da`).
    pub fn code(self) -> &'static str {
        self.0
    }

    /// Parses a locale code (`da`, `en`, `sv`, `pt-br`), a language name postlint knows
    /// (`dansk`, `english`) or a POSIX locale (`da_DK.UTF-8`). `None` for anything that is
    /// not shaped like a language code.
    pub fn parse(s: &str) -> Option<Locale> {
        let s = s.trim();
        if let Some(lang) = crate::text::Lang::parse(s) {
            return Some(lang.into());
        }
        let head = s.split(['.', '@']).next().unwrap_or("");
        let code = head.replace('_', "-").to_ascii_lowercase();
        let mut parts = code.split('-');
        let lang = parts.next().unwrap_or("");
        let lang_ok = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
        let rest_ok = parts
            .all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !lang_ok || !rest_ok {
            return None;
        }
        // A POSIX locale names a country too (`da_DK`); postlint's catalogues are per language.
        if head.contains('_') {
            return Some(Locale(intern(lang)));
        }
        Some(Locale(intern(&code)))
    }

    /// The locales tried, in order, when an entry has no text in this one: itself, English,
    /// Danish.
    pub(crate) fn chain(self) -> [Locale; 3] {
        [self, Locale::EN, Locale::DA]
    }
}

impl From<crate::text::Lang> for Locale {
    fn from(lang: crate::text::Lang) -> Locale {
        match lang {
            crate::text::Lang::Da => Locale::DA,
            crate::text::Lang::En => Locale::EN,
        }
    }
}

impl fmt::Debug for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Locale {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Locale, D::Error> {
        let s = String::deserialize(d)?;
        Locale::parse(&s).ok_or_else(|| {
            de::Error::custom(format!(
                "`{s}` is not a language code such as \"da\" or \"en\""
            ))
        })
    }
}

/// Interns a locale code. Only syntactically valid codes get here, and only from guideline
/// files and arguments, so the set stays tiny.
fn intern(code: &str) -> &'static str {
    match code {
        "da" => return "da",
        "en" => return "en",
        _ => {}
    }
    static SEEN: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(s) = seen.iter().find(|s| **s == code) {
        return s;
    }
    let s: &'static str = Box::leak(code.to_string().into_boxed_str());
    seen.push(s);
    s
}

/// A text in one or more locales. In TOML: one string (the same in every locale) or a table
/// `{ da = "…", en = "…" }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Text {
    /// The same text in every locale.
    Same(String),
    /// One text per locale.
    Localized(Vec<(Locale, String)>),
}

impl Text {
    /// The text written for exactly `locale` (a [`Text::Same`] is written for every locale).
    pub fn exact(&self, locale: Locale) -> Option<&str> {
        match self {
            Text::Same(s) => Some(s),
            Text::Localized(v) => v
                .iter()
                .find(|(l, _)| *l == locale)
                .map(|(_, s)| s.as_str()),
        }
    }

    /// The text in `locale`, falling back to English, then Danish, then any.
    pub fn get(&self, locale: Locale) -> &str {
        locale
            .chain()
            .iter()
            .find_map(|&l| self.exact(l))
            .or_else(|| match self {
                Text::Localized(v) => v.first().map(|(_, s)| s.as_str()),
                Text::Same(s) => Some(s),
            })
            .unwrap_or("")
    }

    /// The locales this text is written in (empty for a [`Text::Same`]).
    pub fn locales(&self) -> impl Iterator<Item = Locale> + '_ {
        let v: &[(Locale, String)] = match self {
            Text::Same(_) => &[],
            Text::Localized(v) => v,
        };
        v.iter().map(|(l, _)| *l)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text, or a table like { da = \"…\", en = \"…\" }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Same(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::Same(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut out: Vec<(Locale, String)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let locale = Locale::parse(&key).ok_or_else(|| {
                        de::Error::custom(format!(
                            "`{key}` is not a language code such as \"da\" or \"en\""
                        ))
                    })?;
                    let value: String = map.next_value()?;
                    if out.iter().any(|(l, _)| *l == locale) {
                        return Err(de::Error::custom(format!("`{key}` is given twice")));
                    }
                    out.push((locale, value));
                }
                Ok(Text::Localized(out))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

/// A value filled into a message template. Findings carry their arguments, so a program can
/// render a finding in words of its own (see [`crate::Finding::args`]).
///
/// In JSON: a string, a number, an array, a date as `"YYYY-MM-DD"`, or `{"message": id}` for a
/// text that is itself a catalogue entry (a language's name, say).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Arg {
    /// Text shown as it is (usually quoted from the post).
    Text(String),
    /// A whole number, shown with the locale's thousands separator.
    Number(i64),
    /// A decimal number, shown with one decimal and the locale's decimal separator.
    Decimal(f64),
    /// A list, joined with commas and the locale's "and" (or "or": `{name:or}`).
    List(Vec<Arg>),
    /// A calendar date, written out in the locale ("15. januar 2027").
    Date(crate::text::Date),
    /// Another catalogue entry, rendered in the locale (`lang.da` → "dansk" / "Danish"),
    /// with arguments of its own (the enclosing message's are there too).
    Message(Box<Nested>),
}

/// A catalogue entry used as an argument ([`Arg::Message`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Nested {
    /// The entry's message id.
    pub id: String,
    /// Its own arguments.
    pub args: Args,
}

impl Nested {
    /// The entry in `locale`, from the built-in catalogue (errors and the command line's own
    /// words; a finding's message is rendered by its [`Linter`](crate::Linter), which also
    /// knows the guideline's words).
    pub fn render(&self, locale: Locale) -> String {
        builtin_catalog().render(&self.id, &self.args, locale)
    }
}

/// In English.
impl fmt::Display for Nested {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Locale::EN))
    }
}

/// The built-in catalogue, built on first use: errors and the command line need it without a
/// linter (a broken guideline has none).
pub(crate) fn builtin_catalog() -> &'static Catalog {
    static BUILTIN: std::sync::LazyLock<Catalog> = std::sync::LazyLock::new(Catalog::new);
    &BUILTIN
}

impl Arg {
    /// The catalogue entry `id`, without arguments of its own.
    pub fn message(id: impl Into<String>) -> Arg {
        Arg::nested(id, Vec::new())
    }

    /// The catalogue entry `id` with arguments of its own.
    pub fn nested(id: impl Into<String>, args: Args) -> Arg {
        Arg::Message(Box::new(Nested {
            id: id.into(),
            args,
        }))
    }
}

impl Serialize for Arg {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Arg::Text(t) => s.serialize_str(t),
            Arg::Number(n) => s.serialize_i64(*n),
            Arg::Decimal(f) => s.serialize_f64(*f),
            Arg::List(v) => v.serialize(s),
            Arg::Date(d) => s.collect_str(d),
            Arg::Message(nested) => {
                let Nested { id, args } = &**nested;
                let mut m = s.serialize_map(Some(1 + usize::from(!args.is_empty())))?;
                m.serialize_entry("message", id)?;
                if !args.is_empty() {
                    m.serialize_entry("args", &ArgsJson(args))?;
                }
                m.end()
            }
        }
    }
}

/// Arguments as a JSON object, in their order.
pub(crate) struct ArgsJson<'a>(pub &'a [(&'static str, Arg)]);

impl Serialize for ArgsJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n)
    }
}

impl From<i32> for Arg {
    fn from(n: i32) -> Arg {
        Arg::Number(i64::from(n))
    }
}

impl From<u8> for Arg {
    fn from(n: u8) -> Arg {
        Arg::Number(i64::from(n))
    }
}

impl From<f64> for Arg {
    fn from(f: f64) -> Arg {
        Arg::Decimal(f)
    }
}

impl From<crate::text::Date> for Arg {
    fn from(d: crate::text::Date) -> Arg {
        Arg::Date(d)
    }
}

impl From<crate::text::Lang> for Arg {
    fn from(l: crate::text::Lang) -> Arg {
        Arg::message(format!("lang.{}", l.code()))
    }
}

impl From<Nested> for Arg {
    fn from(n: Nested) -> Arg {
        Arg::Message(Box::new(n))
    }
}

impl<T: Into<Arg>> From<Vec<T>> for Arg {
    fn from(v: Vec<T>) -> Arg {
        Arg::List(v.into_iter().map(Into::into).collect())
    }
}

/// A message's named arguments, in the order they were given. The names are the rule's own
/// (`term`, `platforms`, `max`); they are documented with each message in `rules/catalog/`.
pub type Args = Vec<(&'static str, Arg)>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_argument_is_small() {
        // Every finding carries a few; the nested form is boxed to keep the rest small.
        assert!(
            std::mem::size_of::<Arg>() <= 32,
            "{}",
            std::mem::size_of::<Arg>()
        );
    }

    #[test]
    fn locales_parse_and_intern() {
        assert_eq!(Locale::parse("da"), Some(Locale::DA));
        assert_eq!(Locale::parse("Dansk"), Some(Locale::DA));
        assert_eq!(Locale::parse("en_GB.UTF-8"), Some(Locale::EN));
        assert_eq!(Locale::parse("sv").map(Locale::code), Some("sv"));
        assert_eq!(Locale::parse("sv_SE.UTF-8").map(Locale::code), Some("sv"));
        assert_eq!(Locale::parse("pt-BR").map(Locale::code), Some("pt-br"));
        assert_eq!(Locale::parse("sv"), Locale::parse("SV"));
        for bad in ["", "d", "dansk!", "x1", "toolongcode", "en-", "C"] {
            assert_eq!(Locale::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn text_falls_back_per_locale() {
        let t: Text = toml::from_str::<toml::Table>("t = { da = \"hej\", en = \"hi\" }").unwrap()
            ["t"]
            .clone()
            .try_into()
            .unwrap();
        assert_eq!(t.get(Locale::DA), "hej");
        assert_eq!(t.get(Locale::parse("sv").unwrap()), "hi");
        let only_da = Text::Localized(vec![(Locale::DA, "hej".into())]);
        assert_eq!(only_da.get(Locale::EN), "hej");
        assert_eq!(Text::Same("x".into()).get(Locale::DA), "x");
    }

    #[test]
    fn text_rejects_what_is_not_a_locale() {
        let r: Result<toml::Table, _> = toml::from_str("t = { dansk_ish = \"hej\" }");
        let v = r.unwrap()["t"].clone();
        assert!(Text::deserialize(v).is_err());
    }
}
