//! Rules: the `Rule` trait, the context every rule reads, and the registry of built-in code
//! rules. Data rules (the generic kinds) live in [`data`]; each code rule family has a file.
//!
//! Adding a code rule: write its `RuleMeta` and `Rule` impl in the family's file, list the
//! meta in the `ALL` list of [`registry`], add a fixture. Its doc text (summary and explanation, in Danish
//! and English) lives in the meta, so `postlint explain` never drifts from the code.

pub mod company;
pub mod confidential;
pub mod data;
pub mod finance;
pub mod hashtags;
pub mod language;
pub mod length;
pub mod links;
pub mod mentions;
pub mod readability;
pub mod registry;
pub mod sales;
pub mod style;
pub mod tone;

use crate::document::Document;
use crate::guideline::{Guideline, RuleSettings};
use crate::matcher::{Hits, Matcher, MatcherBuilder};
use crate::platform::{Length, Profile};
use crate::report::{Finding, Severity, Span, Suggestion};
use crate::text::{Date, Lang, Text};
use std::collections::BTreeMap;

/// A rule: reads the shared document and hits, and emits findings.
pub trait Rule: Send + Sync + std::fmt::Debug {
    /// Checks one post.
    fn check(&self, cx: &Context<'_>, out: &mut Emitter<'_>);
}

/// Everything a rule may read about the post being checked.
#[derive(Debug)]
pub struct Context<'a> {
    /// The analysed post.
    pub doc: &'a Document<'a>,
    /// Term and regex hits of the whole rule set.
    pub hits: &'a Hits,
    /// The matcher (to look up registered terms).
    pub matcher: &'a Matcher,
    /// The message language.
    pub locale: Lang,
    /// The day embargoes and quiet periods are judged by.
    pub date: Date,
    /// Each checked platform with its measured length.
    pub platforms: &'a [(Profile, Length)],
    /// Scores computed before the rules ran (`salesiness`).
    pub scores: &'a BTreeMap<String, u8>,
    /// The guideline.
    pub guideline: &'a Guideline,
    /// The sales lexicon (for rules that point at the strongest sales phrase).
    pub sales: &'a sales::SalesLexicon,
}

impl Context<'_> {
    /// Picks the Danish or English text by locale.
    pub fn t<'s>(&self, da: &'s str, en: &'s str) -> &'s str {
        match self.locale {
            Lang::Da => da,
            Lang::En => en,
        }
    }

    /// A localised text in the message language.
    pub fn text<'s>(&self, text: &'s Text) -> &'s str {
        text.get(self.locale)
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.doc.text[span.start..span.end]
    }
}

/// Collects one rule's findings with its resolved id, severity and route.
#[derive(Debug)]
pub struct Emitter<'a> {
    id: &'a str,
    severity: Severity,
    route: Option<&'a str>,
    findings: &'a mut Vec<Finding>,
}

impl<'a> Emitter<'a> {
    /// An emitter for rule `id`.
    pub fn new(
        id: &'a str,
        severity: Severity,
        route: Option<&'a str>,
        findings: &'a mut Vec<Finding>,
    ) -> Self {
        Emitter {
            id,
            severity,
            route,
            findings,
        }
    }

    /// The rule's effective severity.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Reports a finding; the returned finding can be given suggestions or another severity.
    pub fn emit(&mut self, span: Span, message: impl Into<String>) -> &mut Finding {
        self.findings.push(Finding {
            rule: self.id.to_string(),
            severity: self.severity,
            message: message.into(),
            span,
            suggestions: Vec::new(),
            route: self.route.map(str::to_string),
        });
        self.findings.last_mut().expect("just pushed")
    }

    /// Reports a finding with one suggestion.
    pub fn emit_with(
        &mut self,
        span: Span,
        message: impl Into<String>,
        suggestion: Suggestion,
    ) -> &mut Finding {
        let f = self.emit(span, message);
        f.suggestions.push(suggestion);
        f
    }
}

/// Everything a rule may use while it is built.
pub struct Build<'a> {
    /// The guideline.
    pub guideline: &'a Guideline,
    /// The rule's settings (`[rules."id"]` and its family's).
    pub settings: &'a RuleSettings,
    /// Where the rule registers its term lists and patterns.
    pub matcher: &'a mut MatcherBuilder,
}

impl Build<'_> {
    /// An integer option, or `default`.
    pub fn int(&self, name: &str, default: i64) -> i64 {
        self.settings
            .options
            .get(name)
            .and_then(toml::Value::as_integer)
            .unwrap_or(default)
    }

    /// A number option (integer or float), or `default`.
    pub fn float(&self, name: &str, default: f64) -> f64 {
        match self.settings.options.get(name) {
            Some(toml::Value::Float(f)) => *f,
            Some(toml::Value::Integer(i)) => *i as f64,
            _ => default,
        }
    }

    /// A list-of-strings option, or empty.
    pub fn strings(&self, name: &str) -> Vec<String> {
        self.settings
            .options
            .get(name)
            .and_then(toml::Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The type of a rule option, for validating `[rules."id"]` tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    /// A whole number ≥ 0.
    Count,
    /// A number.
    Number,
    /// true / false.
    Bool,
    /// A list of strings.
    Strings,
}

impl OptionKind {
    /// Whether `value` has this type.
    pub fn accepts(self, value: &toml::Value) -> bool {
        match self {
            OptionKind::Count => value.as_integer().is_some_and(|i| i >= 0),
            OptionKind::Number => value.is_integer() || value.is_float(),
            OptionKind::Bool => value.is_bool(),
            OptionKind::Strings => value
                .as_array()
                .is_some_and(|a| a.iter().all(toml::Value::is_str)),
        }
    }

    /// The type in words, for error messages (in English, like the other guideline errors).
    pub fn describe(self) -> &'static str {
        self.describe_in(Lang::En)
    }

    /// The type in words in `lang`, for `postlint explain`.
    pub fn describe_in(self, lang: Lang) -> &'static str {
        let text = match self {
            OptionKind::Count => Local {
                da: "et helt tal, 0 eller mere",
                en: "a whole number (0 or more)",
            },
            OptionKind::Number => Local {
                da: "et tal",
                en: "a number",
            },
            OptionKind::Bool => Local {
                da: "true eller false",
                en: "true or false",
            },
            OptionKind::Strings => Local {
                da: "en liste af tekster",
                en: "a list of strings",
            },
        };
        text.get(lang)
    }
}

/// One option a code rule accepts under `[rules."id"]`.
#[derive(Debug, Clone, Copy)]
pub struct OptionSpec {
    /// The key.
    pub name: &'static str,
    /// Its type.
    pub kind: OptionKind,
    /// What it does and its default, in Danish and English.
    pub doc: Local,
}

/// A Danish and an English static text.
#[derive(Debug, Clone, Copy)]
pub struct Local {
    /// Danish.
    pub da: &'static str,
    /// English.
    pub en: &'static str,
}

impl Local {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Da => self.da,
            Lang::En => self.en,
        }
    }

    /// As an owned [`Text`].
    pub fn to_text(&self) -> Text {
        Text::new(self.da, self.en)
    }
}

/// An example for a code rule: with `guideline` (extra TOML) applied, `text` must trigger the
/// rule (`bad`) or must not.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// Whether the text must trigger the rule.
    pub bad: bool,
    /// The post.
    pub text: &'static str,
    /// Extra guideline TOML the example needs (company names, dates), or "".
    pub guideline: &'static str,
    /// The date to check with, or "" for a fixed default.
    pub date: &'static str,
}

/// A built-in code rule's declaration: its id, defaults, documentation and constructor.
#[derive(Debug)]
pub struct RuleMeta {
    /// `family.name`.
    pub id: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Default route.
    pub route: Option<&'static str>,
    /// One line for `postlint rules`.
    pub summary: Local,
    /// The text of `postlint explain`.
    pub explain: Local,
    /// Options under `[rules."id"]`.
    pub options: &'static [OptionSpec],
    /// Examples, run by a test.
    pub examples: &'static [Example],
    /// Builds the rule for a guideline.
    pub build: fn(&mut Build<'_>) -> Box<dyn Rule>,
}

/// A rule's documentation, for code and data rules alike.
#[derive(Debug, Clone)]
pub struct RuleDoc {
    /// The id.
    pub id: String,
    /// Default severity (after the guideline's settings).
    pub severity: Severity,
    /// Whether the guideline enables it.
    pub enabled: bool,
    /// Route, if any.
    pub route: Option<String>,
    /// One-line summary.
    pub summary: Text,
    /// Long explanation.
    pub explain: Text,
    /// Where it comes from: `built-in` or a pack/file.
    pub origin: String,
    /// Options (code rules).
    pub options: Vec<OptionSpec>,
    /// Bad examples.
    pub bad_examples: Vec<String>,
    /// Good examples.
    pub good_examples: Vec<String>,
}

/// Documentation of every rule the guideline has: the built-in code rules and its data rules,
/// sorted by id.
pub fn docs(guideline: &Guideline) -> Vec<RuleDoc> {
    let mut docs: Vec<RuleDoc> = registry::all()
        .iter()
        .map(|m| {
            let s = guideline.settings_for(m.id);
            RuleDoc {
                id: m.id.to_string(),
                severity: s.severity.unwrap_or(m.severity),
                enabled: s.enabled.unwrap_or(true),
                route: s.route.or(m.route.map(str::to_string)),
                summary: m.summary.to_text(),
                explain: m.explain.to_text(),
                origin: "built-in".to_string(),
                options: m.options.to_vec(),
                bad_examples: m
                    .examples
                    .iter()
                    .filter(|e| e.bad)
                    .map(|e| e.text.to_string())
                    .collect(),
                good_examples: m
                    .examples
                    .iter()
                    .filter(|e| !e.bad)
                    .map(|e| e.text.to_string())
                    .collect(),
            }
        })
        .collect();
    for r in &guideline.rules {
        let s = guideline.settings_for(&r.id);
        let summary = r
            .summary
            .clone()
            .or_else(|| r.message.clone())
            .unwrap_or_else(|| Text::Same(r.id.clone()));
        docs.push(RuleDoc {
            id: r.id.clone(),
            severity: s.severity.unwrap_or(r.severity),
            enabled: s.enabled.unwrap_or(r.enabled),
            route: s.route.or(r.route.clone()),
            explain: r.explain.clone().unwrap_or_else(|| summary.clone()),
            summary,
            origin: r.origin.clone(),
            options: Vec::new(),
            bad_examples: r.examples.bad.clone(),
            good_examples: r.examples.good.clone(),
        });
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every built-in rule's text — summary, explanation and each option's doc — exists in
    /// Danish and English, and the two are not the same text.
    #[test]
    fn built_in_texts_in_both_languages() {
        for m in registry::all() {
            let mut texts = vec![("summary", m.summary), ("explain", m.explain)];
            texts.extend(m.options.iter().map(|o| (o.name, o.doc)));
            for (what, t) in texts {
                assert!(
                    !t.da.trim().is_empty() && !t.en.trim().is_empty(),
                    "{} {what}: empty text",
                    m.id
                );
                assert_ne!(t.da, t.en, "{} {what}: Danish is the English text", m.id);
            }
        }
    }
}
