//! The linter: a guideline compiled once, checking any number of posts.

use crate::document::Document;
use crate::entities::Entities;
use crate::error::Error;
use crate::guideline::{check_selector, Guideline};
use crate::matcher::{Matcher, MatcherBuilder};
use crate::platform::{self, Platform, Profile, Profiles};
use crate::post::{masked, Post};
use crate::report::{Finding, Report, Severity, Verdict};
use crate::rules::sales::SalesLexicon;
use crate::rules::{data, registry, Build, Context, Emitter, Rule};
use crate::text::{Date, Lang};
use std::collections::BTreeMap;

/// Run-wide settings that are not part of the guideline (they come from the command line or
/// the embedding program).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only these rules or families (empty: all).
    pub select: Vec<String>,
    /// Not these rules or families.
    pub ignore: Vec<String>,
    /// The message language (default: the guideline's `locale`, then English).
    pub locale: Option<Lang>,
    /// The posts' language (skips detection), unless a post says otherwise.
    pub language: Option<Lang>,
    /// The day to judge embargoes and quiet periods by (default: today).
    pub date: Option<Date>,
    /// Platforms to check, unless a post says otherwise (default: the guideline's).
    pub platforms: Vec<Platform>,
}

/// One problem, one finding: a finding whose text lies inside another rule's finding of the
/// same family, which is no more severe and offers no edit of its own, adds nothing ("rabat"
/// inside "25 % rabat" is the same sales talk). Findings with edits are kept: their fixes
/// (e.g. "!!!" → "!" inside 𝐛𝐨𝐥𝐝 text) are needed for `--fix` to converge. Findings are
/// sorted by start. The salesiness score and the platform rules are whole-post judgements
/// and are never folded away.
fn suppress_nested(findings: &mut Vec<Finding>) {
    let family = |f: &Finding| f.rule.split('.').next().unwrap_or("").to_string();
    let whole_post = |f: &Finding| f.rule == "sales.score" || f.rule.starts_with("length.");
    let mut keep = vec![true; findings.len()];
    for i in 0..findings.len() {
        let outer = &findings[i];
        if whole_post(outer) || outer.span.start == outer.span.end {
            continue;
        }
        for j in i + 1..findings.len() {
            let inner = &findings[j];
            if inner.span.start >= outer.span.end {
                break;
            }
            let nested = inner.span.end <= outer.span.end
                && (inner.span.start, inner.span.end) != (outer.span.start, outer.span.end);
            let has_edits = inner.suggestions.iter().any(|s| !s.edits.is_empty());
            // A rule's own findings are distinct on purpose (two platforms, two limits).
            if nested
                && inner.rule != outer.rule
                && !has_edits
                && !whole_post(inner)
                && inner.severity <= outer.severity
                && family(inner) == family(outer)
            {
                keep[j] = false;
            }
        }
    }
    let mut k = keep.into_iter();
    findings.retain(|_| k.next().unwrap_or(true));
}

#[derive(Debug)]
struct Active {
    id: String,
    severity: Severity,
    route: Option<String>,
    rule: Box<dyn Rule>,
}

/// A compiled guideline. Build it once; `check` any number of posts, from any thread.
#[derive(Debug)]
pub struct Linter {
    guideline: Guideline,
    options: Options,
    locale: Lang,
    rules: Vec<Active>,
    matcher: Matcher,
    sales: SalesLexicon,
    profiles: Profiles,
}

impl Linter {
    /// Compiles `guideline` with default options.
    pub fn new(guideline: Guideline) -> Result<Linter, Error> {
        Linter::with_options(guideline, Options::default())
    }

    /// Compiles `guideline` with run-wide `options`.
    pub fn with_options(guideline: Guideline, options: Options) -> Result<Linter, Error> {
        for s in options.select.iter().chain(&options.ignore) {
            check_selector(s, &guideline)?;
        }
        let selected = |id: &str| {
            let hit = |s: &String| {
                id == s
                    || id
                        .strip_prefix(s.as_str())
                        .is_some_and(|r| r.starts_with('.'))
            };
            (options.select.is_empty() || options.select.iter().any(hit))
                && !options.ignore.iter().any(hit)
        };
        let mut mb = MatcherBuilder::new();
        let sales = SalesLexicon::register(&mut mb, &guideline);
        let mut rules = Vec::new();
        for meta in registry::all() {
            let settings = guideline.settings_for(meta.id);
            if !settings.enabled.unwrap_or(true) || !selected(meta.id) {
                continue;
            }
            let mut build = Build {
                guideline: &guideline,
                settings: &settings,
                matcher: &mut mb,
            };
            let rule = (meta.build)(&mut build);
            rules.push(Active {
                id: meta.id.to_string(),
                severity: settings.severity.unwrap_or(meta.severity),
                route: settings.route.clone().or(meta.route.map(str::to_string)),
                rule,
            });
        }
        for def in &guideline.rules {
            let settings = guideline.settings_for(&def.id);
            if !settings.enabled.unwrap_or(def.enabled) || !selected(&def.id) {
                continue;
            }
            let rule = data::DataRuleImpl::build(def, &guideline.company, &mut mb)?;
            rules.push(Active {
                id: def.id.clone(),
                severity: settings.severity.unwrap_or(def.severity),
                route: settings.route.clone().or(def.route.clone()),
                rule: Box::new(rule),
            });
        }
        let mut profiles = Profiles::builtin();
        for (name, table) in &guideline.platform_overrides {
            profiles.apply_table(name, table);
        }
        // A platform the guideline or the caller names must exist: a typo ("linkedn") would
        // otherwise silently skip every length check.
        let named = guideline.platforms.iter().map(String::as_str);
        for name in named.chain(options.platforms.iter().map(Platform::name)) {
            if profiles.get(name).is_none() {
                let known: Vec<&str> = profiles.iter().map(|p| p.name.as_str()).collect();
                let mut e = Error::new(
                    crate::ErrorKind::Usage,
                    format!("unknown platform `{name}`"),
                );
                e = match crate::guideline::closest(name, known.iter().copied()) {
                    Some(best) => e.with_help(format!("did you mean `{best}`?")),
                    None => e.with_help(format!("platforms: {}", known.join(", "))),
                };
                return Err(e);
            }
        }
        let locale = options.locale.or(guideline.locale).unwrap_or(Lang::En);
        Ok(Linter {
            matcher: mb.build(),
            guideline,
            options,
            locale,
            rules,
            sales,
            profiles,
        })
    }

    /// The guideline this linter was built from.
    pub fn guideline(&self) -> &Guideline {
        &self.guideline
    }

    /// The message language.
    pub fn locale(&self) -> Lang {
        self.locale
    }

    /// The platform profiles in force (built-in, with the guideline's overrides).
    pub fn profiles(&self) -> &Profiles {
        &self.profiles
    }

    /// The ids of the active rules, in the order they run.
    pub fn active_rules(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.id.as_str())
    }

    /// The lowest severity that should fail a run.
    pub fn fail_on(&self) -> Severity {
        self.guideline.fail_on
    }

    /// Checks a plain text (no front matter) with the default settings.
    pub fn check_text(&self, text: &str) -> Report {
        self.check(&Post::new(text))
    }

    /// Checks one post. Never panics, whatever the text.
    pub fn check(&self, post: &Post<'_>) -> Report {
        let text = masked(post.text(), &post.body());
        let language = post.language_hint().or(self.options.language);
        let mut doc = Document::new(&text, post.body(), language, &self.guideline.languages);
        let hits = self.matcher.scan(&doc);
        let date = post
            .date_hint()
            .or(self.options.date)
            .unwrap_or_else(Date::today);
        let platforms = self.measure(post, &doc);
        let mut scores = BTreeMap::new();
        scores.insert("salesiness".to_string(), self.sales.score(&doc, &hits));
        let cx = Context {
            doc: &doc,
            hits: &hits,
            matcher: &self.matcher,
            locale: self.locale,
            date,
            platforms: &platforms,
            scores: &scores,
            guideline: &self.guideline,
            sales: &self.sales,
        };
        let mut findings: Vec<Finding> = Vec::new();
        for active in &self.rules {
            let mut out = Emitter::new(
                &active.id,
                active.severity,
                active.route.as_deref(),
                &mut findings,
            );
            active.rule.check(&cx, &mut out);
        }
        findings.retain(|f| f.span.start <= f.span.end && f.span.end <= text.len());
        findings.sort_by(|a, b| {
            (a.span.start, &a.rule, a.span.end).cmp(&(b.span.start, &b.rule, b.span.end))
        });
        findings.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
        suppress_nested(&mut findings);
        let mut reviewers: Vec<String> = findings.iter().filter_map(|f| f.route.clone()).collect();
        reviewers.sort();
        reviewers.dedup();
        Report {
            language: doc.language,
            locale: self.locale,
            platforms: platforms.into_iter().map(|(_, l)| l).collect(),
            entities: std::mem::take(&mut doc.entities),
            scores,
            verdict: Verdict::of(&findings),
            reviewers,
            findings,
        }
    }

    fn measure(&self, post: &Post<'_>, doc: &Document<'_>) -> Vec<(Profile, platform::Length)> {
        let names: Vec<String> = match post.platform_list() {
            Some(list) => list.iter().map(|p| p.name().to_string()).collect(),
            None if !self.options.platforms.is_empty() => self
                .options
                .platforms
                .iter()
                .map(|p| p.name().to_string())
                .collect(),
            None => self.guideline.platforms.clone(),
        };
        if names.is_empty() {
            return Vec::new();
        }
        // Platforms count the post as published: without surrounding blank space.
        let body = doc.body_text();
        let trimmed = body.trim();
        let offset = doc.body.start + (body.len() - body.trim_start().len());
        let shift = |list: &[crate::entities::Entity]| {
            list.iter()
                .filter(|e| e.start >= offset && e.end <= offset + trimmed.len())
                .map(|e| crate::entities::Entity {
                    text: e.text.clone(),
                    start: e.start - offset,
                    end: e.end - offset,
                })
                .collect()
        };
        let entities = Entities {
            hashtags: shift(&doc.entities.hashtags),
            mentions: shift(&doc.entities.mentions),
            urls: shift(&doc.entities.urls),
            cashtags: shift(&doc.entities.cashtags),
        };
        let mut out: Vec<(Profile, platform::Length)> = Vec::new();
        for name in names {
            if out.iter().any(|(p, _)| p.name == name) {
                continue;
            }
            if let Some(profile) = self.profiles.get(&name) {
                let length = platform::measure(trimmed, &entities, profile);
                out.push((profile.clone(), length));
            }
        }
        out
    }
}
