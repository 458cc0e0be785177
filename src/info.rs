//! What `postlint rules` and `postlint explain` show of a rule: its settings in force and its
//! words in the linter's locale, with the platform facts and option values its explanation
//! names filled in from the one place each is stated.

use crate::i18n::Example;
use crate::linter::Linter;
use crate::platform::{Profile, Profiles, Unit};
use crate::report::Severity;
use crate::resolve::{Resolved, Source};
use crate::text::Date;

/// No arguments.
const NO_ARGS: &[(&str, crate::Arg)] = &[];

impl Linter {
    /// Every rule the guideline has (built-in code rules and its data rules), sorted by id,
    /// with its settings and words in the linter's locale.
    pub fn rules(&self) -> Vec<RuleInfo> {
        self.resolved.iter().map(|r| self.info(r)).collect()
    }

    /// One rule by id.
    pub fn rule(&self, id: &str) -> Option<RuleInfo> {
        self.resolved
            .iter()
            .find(|r| r.id == id)
            .map(|r| self.info(r))
    }

    /// A rule as [`Linter::rules`] shows it.
    pub(crate) fn info(&self, r: &Resolved) -> RuleInfo {
        let (words, origin) = match r.source {
            Source::Code(meta) => (self.catalog.rule_words(meta.id), "built-in".to_string()),
            Source::Data(i) => {
                let def = &self.guideline.rules[i];
                (Some(&def.words), def.origin.clone())
            }
        };
        // Explanations may name the platform facts and the rule's options in force.
        let mut args = platform_facts(&self.profiles);
        args.push(("signal_weights".into(), signal_facts(&self.guideline)));
        for (name, value) in &r.options {
            let arg = match value {
                toml::Value::Integer(i) => crate::Arg::Number(*i),
                toml::Value::Float(f) => crate::Arg::Decimal(*f),
                toml::Value::String(s) => crate::Arg::Text(s.clone()),
                other => crate::Arg::Text(other.to_string()),
            };
            args.push((name.clone(), arg));
        }
        let text = |key: &str| {
            let id = format!("{}.{key}", r.id);
            self.catalog
                .has(&id)
                .then(|| self.catalog.render(&id, &args, self.locale))
        };
        let summary = text("summary")
            .or_else(|| text("message"))
            .unwrap_or_else(|| r.id.clone());
        let explanation = text("explain").unwrap_or_else(|| summary.clone());
        let options = r
            .options
            .iter()
            .map(|(name, value)| OptionInfo {
                name: name.clone(),
                value: value.to_string(),
                doc: self
                    .catalog
                    .render(&format!("{}.option.{name}", r.id), NO_ARGS, self.locale),
            })
            .collect();
        let mut unset = Vec::new();
        if let Some(w) = words {
            // Options without a value in force (an optional `max`) are documented too.
            for name in w.options.keys() {
                if !r.options.contains_key(name) {
                    unset.push(OptionInfo {
                        name: name.clone(),
                        value: String::new(),
                        doc: self.catalog.render(
                            &format!("{}.option.{name}", r.id),
                            NO_ARGS,
                            self.locale,
                        ),
                    });
                }
            }
        }
        let mut options: Vec<OptionInfo> = options;
        options.extend(unset);
        RuleInfo {
            id: r.id.clone(),
            severity: r.severity,
            enabled: r.enabled,
            route: r.route.clone(),
            origin,
            summary,
            explanation,
            options,
            help_url: self
                .guideline
                .help_url
                .as_ref()
                .map(|u| u.replace("{rule}", &r.id)),
            examples: words
                .map(|w| w.examples.iter().map(RuleExample::from).collect())
                .unwrap_or_default(),
        }
    }
}

/// The weights of the sales signals in force (`{signal_weights}`: "opfordring til køb 3,0,
/// rabat 3,0, …"), from the signal lexicon with the guideline's `[signals]`, so `postlint
/// explain sales.score` shows how the score is built as it is built.
fn signal_facts(guideline: &crate::Guideline) -> crate::Arg {
    use crate::Arg;
    let lex = guideline.signals();
    let mut kinds: Vec<(f64, &'static str)> = crate::report::SignalKind::ALL
        .iter()
        .filter_map(|k| {
            let t = lex.get(k.as_str())?.as_table()?;
            let w = t.get("weight")?;
            let w = w.as_float().or_else(|| w.as_integer().map(|i| i as f64))?;
            Some((w, k.as_str()))
        })
        .collect();
    kinds.sort_by(|a, b| b.0.total_cmp(&a.0));
    Arg::List(
        kinds
            .into_iter()
            .map(|(w, k)| {
                let args = vec![
                    ("kind", Arg::message(format!("signal.{k}"))),
                    ("weight", Arg::Decimal(w)),
                ];
                Arg::nested("explain.signal-weight", args)
            })
            .collect(),
    )
}

/// The platform facts an explanation may name (`{limits}`, `{folds}`, `{hashtag_advice}`,
/// `{hashtag_caps}`, `{mention_caps}`, `{link_caps}`, `{unclickable}`, `{weighted}`,
/// `{url_lengths}`, `{byte_limits}`): computed from the
/// profiles in force, so `postlint explain` never drifts from `rules/platforms.toml` or a
/// guideline's overrides. Platforms with the same figure are grouped ("Mastodon og Threads
/// 500").
fn platform_facts(profiles: &Profiles) -> Vec<(String, crate::Arg)> {
    use crate::Arg;
    let grouped = |f: &dyn Fn(&Profile) -> Option<usize>| {
        let mut groups: Vec<(usize, Vec<String>)> = Vec::new();
        for p in profiles.iter() {
            let Some(v) = f(p) else { continue };
            match groups.iter_mut().find(|(n, _)| *n == v) {
                Some(g) => g.1.push(p.display_name.clone()),
                None => groups.push((v, vec![p.display_name.clone()])),
            }
        }
        groups.sort_by_key(|(n, _)| *n);
        Arg::List(
            groups
                .into_iter()
                .map(|(n, names)| {
                    let args = vec![("platforms", Arg::from(names)), ("n", Arg::from(n))];
                    Arg::nested("explain.platform-figure", args)
                })
                .collect(),
        )
    };
    let unclickable: Vec<String> = profiles
        .iter()
        .filter(|p| !p.links_clickable)
        .map(|p| p.display_name.clone())
        .collect();
    let weighted: Vec<String> = profiles
        .iter()
        .filter(|p| p.unit == Unit::Weighted)
        .map(|p| p.display_name.clone())
        .collect();
    vec![
        (
            "limits".into(),
            grouped(&|p| (p.limit != usize::MAX).then_some(p.limit)),
        ),
        ("folds".into(), grouped(&|p| p.fold)),
        (
            "hashtag_advice".into(),
            grouped(&|p| p.recommended_hashtags),
        ),
        ("hashtag_caps".into(), grouped(&|p| p.max_hashtags)),
        ("mention_caps".into(), grouped(&|p| p.max_mentions)),
        ("link_caps".into(), grouped(&|p| p.max_links)),
        ("unclickable".into(), Arg::from(unclickable)),
        ("weighted".into(), Arg::from(weighted)),
        ("url_lengths".into(), grouped(&|p| p.url_length)),
        ("byte_limits".into(), grouped(&|p| p.byte_limit)),
    ]
}

/// A rule as `postlint rules` and `postlint explain` show it: its settings in force under the
/// guideline, and its words in the linter's locale.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RuleInfo {
    /// `family.name`.
    pub id: String,
    /// Severity in force.
    pub severity: Severity,
    /// Whether the guideline leaves it on.
    pub enabled: bool,
    /// Reviewer role in force.
    pub route: Option<String>,
    /// `built-in`, or the pack or file that defines it.
    pub origin: String,
    /// One line.
    pub summary: String,
    /// Why it exists and what to do instead.
    pub explanation: String,
    /// Its options: name, value in force (TOML), what it does.
    pub options: Vec<OptionInfo>,
    /// Its examples.
    pub examples: Vec<RuleExample>,
    /// Where the company explains it, from the guideline's `help_url`.
    pub help_url: Option<String>,
}

/// One option of a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OptionInfo {
    /// The key under `[rules."id"]`.
    pub name: String,
    /// The value in force, as TOML (empty when the option is unset and has no default).
    pub value: String,
    /// What it does, in the locale.
    pub doc: String,
}

/// An example of a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RuleExample {
    /// Whether the text must trigger the rule.
    pub bad: bool,
    /// The post.
    pub text: String,
    /// Guideline TOML the example needs, if any.
    pub guideline: Option<String>,
    /// The day to check it on, if it matters.
    pub date: Option<Date>,
}

impl From<&Example> for RuleExample {
    fn from(e: &Example) -> RuleExample {
        RuleExample {
            bad: e.bad,
            text: e.text.clone(),
            guideline: e.guideline.clone(),
            date: e.date,
        }
    }
}
