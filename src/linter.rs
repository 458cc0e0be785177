//! The linter: a guideline resolved against the rules and compiled once, checking any number
//! of posts.

use crate::document::Document;
use crate::error::{did_you_mean_msg, internal, msg, Error, ErrorKind};
use crate::fix;
use crate::guideline::diag::did_you_mean;
use crate::guideline::Guideline;
use crate::i18n::{Catalog, Locale, Named};
use crate::matcher::{Matcher, MatcherBuilder};
use crate::platform::{self, Length, Platform, Profile, Profiles};
use crate::post::{masked, Post};
use crate::report::{
    Applicability, Audit, DateFrom, Finding, Fixed, Judge, Report, Severity, Verdict, WaiverUse,
};
use crate::resolve::{resolve, Resolved, Source};
use crate::rule::{family, Build, Context, Emitter, Measured, Rule, Scope};
use crate::score::sentiment::SentimentLexicon;
use crate::score::SalesLexicon;
use crate::text::Lang;
use crate::time::Moment;
use std::sync::Arc;

/// Run-wide settings that are not part of the guideline (they come from the command line or
/// the embedding program).
///
/// ```
/// use postlint::{Date, Locale, Options};
///
/// let options = Options::new()
///     .select(["sales", "links.tracking"])
///     .locale(Locale::DA)
///     .date(Date::new(2027, 1, 15).unwrap())
///     .platforms(["linkedin", "x"]);
/// # let _ = options;
/// ```
#[derive(Debug, Clone, Default)]
pub struct Options {
    select: Vec<String>,
    ignore: Vec<String>,
    locale: Option<Locale>,
    language: Option<Lang>,
    date: Option<Moment>,
    platforms: Vec<Platform>,
    max_findings_per_rule: Option<usize>,
    no_waivers: bool,
}

/// How many findings of one rule a report shows per post, unless the caller says otherwise.
pub(crate) const MAX_FINDINGS_PER_RULE: usize = 50;

impl Options {
    /// No selection, the guideline's locale, language detection, today, the guideline's
    /// platforms.
    pub fn new() -> Options {
        Options::default()
    }

    /// Only these rules or families (`sales`, `links.tracking`); empty: all.
    pub fn select<S: Into<String>>(mut self, rules: impl IntoIterator<Item = S>) -> Options {
        self.select = rules.into_iter().map(Into::into).collect();
        self
    }

    /// Not these rules or families.
    pub fn ignore<S: Into<String>>(mut self, rules: impl IntoIterator<Item = S>) -> Options {
        self.ignore = rules.into_iter().map(Into::into).collect();
        self
    }

    /// The message language (default: the guideline's `locale`, then English).
    pub fn locale(mut self, locale: Locale) -> Options {
        self.locale = Some(locale);
        self
    }

    /// The posts' language (skips detection), unless a post says otherwise.
    pub fn language(mut self, language: Lang) -> Options {
        self.language = Some(language);
        self
    }

    /// The moment to judge embargoes and quiet periods by (default: now): a [`crate::Date`]
    /// (the start of that day in the guideline's time zone) or a [`Moment`].
    pub fn date(mut self, date: impl Into<Moment>) -> Options {
        self.date = Some(date.into());
        self
    }

    /// At most this many findings of one rule per post (default 50); the rest are one
    /// closing finding that says how many more there are ([`crate::Finding::omitted`]), so a
    /// post of 4 MB of "rabat " makes a report of a few kilobytes, with exact counts.
    pub fn max_findings_per_rule(mut self, max: usize) -> Options {
        self.max_findings_per_rule = Some(max.max(1));
        self
    }

    /// Ignores every post's waivers (for audits): each finding counts as if nobody had
    /// accepted it.
    pub fn no_waivers(mut self, yes: bool) -> Options {
        self.no_waivers = yes;
        self
    }

    /// Platforms to check, unless a post says otherwise (default: the guideline's).
    pub fn platforms<P: Into<Platform>>(
        mut self,
        platforms: impl IntoIterator<Item = P>,
    ) -> Options {
        self.platforms = platforms.into_iter().map(Into::into).collect();
        self
    }
}

/// A rule that runs, with its settings in force.
#[derive(Debug)]
struct Active {
    id: String,
    /// `{id}` for its messages.
    id_arg: [(&'static str, crate::Arg); 1],
    /// The length of the id's family prefix (`sales` in `sales.discount`).
    family: usize,
    scope: Scope,
    severity: Severity,
    route: Option<String>,
    /// The active rules that say what this one says, louder (a data rule's
    /// `superseded_by`): where one of them has a finding, this rule's are dropped.
    superseded_by: Vec<u16>,
    rule: Box<dyn Rule>,
}

/// A compiled guideline. Build it once; `check` any number of posts, from any thread.
///
/// ```
/// use postlint::{Guideline, Linter, Post};
///
/// let linter = Linter::new(Guideline::recommended())?;
/// let report = linter.check(&Post::new("Læs mere her: https://bit.ly/3xYz"));
/// assert_eq!(report.findings[0].rule, "links.shortener");
/// # Ok::<(), postlint::Error>(())
/// ```
#[derive(Debug)]
pub struct Linter {
    pub(crate) guideline: Guideline,
    options: Options,
    pub(crate) locale: Locale,
    pub(crate) resolved: Vec<Resolved>,
    rules: Vec<Active>,
    matcher: Matcher,
    sales: SalesLexicon,
    sentiment: SentimentLexicon,
    pub(crate) profiles: Profiles,
    pub(crate) catalog: Catalog,
    /// The guideline's time zone.
    tz: jiff::tz::TimeZone,
    /// What every report's audit record says of this linter.
    judge: Arc<Judge>,
}

impl Linter {
    /// Compiles `guideline` with default options.
    pub fn new(guideline: Guideline) -> Result<Linter, Error> {
        Linter::with_options(guideline, Options::default())
    }

    /// Resolves `guideline` against the rules (unknown rule ids and options are errors that
    /// point into the guideline) and compiles it with run-wide `options`.
    pub fn with_options(guideline: Guideline, options: Options) -> Result<Linter, Error> {
        let resolved = resolve(&guideline, &options.select, &options.ignore)?;
        let mut profiles = Profiles::builtin().map_err(internal)?;
        for (name, table) in &guideline.platform_overrides {
            profiles
                .apply_table(name, table)
                .map_err(|e| Error::new(ErrorKind::Guideline, e))?;
        }
        // A platform the guideline or the caller names must exist: a typo ("linkedn") would
        // otherwise silently skip every length check.
        let named = guideline.platforms.iter().map(String::as_str);
        for name in named.chain(options.platforms.iter().map(Platform::name)) {
            known_platform(&profiles, name, None)?;
        }
        let mut catalog = Catalog::new();
        for def in &guideline.rules {
            for (id, text) in def.words.entries(&def.id) {
                catalog.insert(id, text.clone());
            }
        }
        for c in &guideline.catalogs {
            catalog.add_locale(c.locale, c.messages.iter().cloned());
        }
        let locale = options.locale.or(guideline.locale).unwrap_or(Locale::EN);
        let locales = catalog.locales();
        if !locales.contains(&locale) {
            let known: Vec<&str> = locales.iter().map(|l| l.code()).collect();
            return Err(Error::new(
                ErrorKind::Usage,
                msg!("error.locale.unknown", locale = locale.code()),
            )
            .with_help(msg!(
                "error.locale.known",
                locale = locale.code(),
                known = known.join(", ")
            )));
        }
        let mut mb = MatcherBuilder::new();
        let sales = SalesLexicon::register(&mut mb, &guideline)?;
        let sentiment = SentimentLexicon::register(&mut mb)?;
        let mut rules = Vec::new();
        for r in resolved.iter().filter(|r| r.active()) {
            let (rule, scope) = match r.source {
                Source::Code(meta) => {
                    let mut b = Build {
                        guideline: &guideline,
                        matcher: &mut mb,
                        options: &r.options,
                        catalog: &mut catalog,
                    };
                    ((meta.build)(&mut b)?, meta.scope)
                }
                Source::Data(i) => (
                    crate::packs::build(&guideline.rules[i], &guideline.company, &mut mb)?,
                    Scope::Span,
                ),
            };
            rules.push(Active {
                superseded_by: Vec::new(),
                id: r.id.clone(),
                id_arg: [("id", crate::Arg::Text(r.id.clone()))],
                family: family(&r.id).len(),
                scope,
                severity: r.severity,
                route: r.route.clone(),
                rule,
            });
        }
        for r in &resolved {
            let (true, Source::Data(i)) = (r.active(), r.source) else {
                continue;
            };
            let Some((by, _)) = &guideline.rules[i].superseded_by else {
                continue;
            };
            let louder: Vec<u16> = by
                .iter()
                .filter_map(|b| rules.iter().position(|a| a.id == *b))
                .filter_map(|p| u16::try_from(p).ok())
                .collect();
            if let Some(a) = rules.iter_mut().find(|a| a.id == r.id) {
                a.superseded_by = louder;
            }
        }
        if rules.len() > usize::from(u16::MAX) {
            return Err(Error::new(
                ErrorKind::Guideline,
                msg!(
                    "error.too-many-rules",
                    rules = rules.len(),
                    max = usize::from(u16::MAX)
                ),
            ));
        }
        let tz = guideline.zone();
        let judge = Arc::new(Judge {
            guideline: guideline.name().map(str::to_string),
            sha256: guideline.sha256().to_string(),
            time_zone: tz.iana_name().unwrap_or("UTC").to_string(),
            locale: Some(locale),
            waivers_ignored: options.no_waivers,
        });
        Ok(Linter {
            matcher: mb.build()?,
            tz,
            judge,
            guideline,
            options,
            locale,
            resolved,
            rules,
            sales,
            sentiment,
            profiles,
            catalog,
        })
    }

    /// The guideline this linter was built from.
    pub fn guideline(&self) -> &Guideline {
        &self.guideline
    }

    /// The message language.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The lowest severity that should fail a run.
    pub fn fail_on(&self) -> Severity {
        self.guideline.fail_on
    }

    /// A reviewer role as people read it in the linter's locale: the catalogue's
    /// `route.<role>` (`route.legal` is «jura» in Danish), else the role as the guideline
    /// writes it. Reports keep the role itself (`reviewers`, `Finding::route`).
    pub fn role_name(&self, role: &str) -> String {
        match self.catalog.get(&format!("route.{role}"), self.locale) {
            Some(name) => name.to_string(),
            None => role.to_string(),
        }
    }

    /// The ids of the active rules, in the order they run.
    pub fn active_rules(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.id.as_str())
    }

    /// The platform profiles in force (built-in, with the guideline's overrides), in order.
    pub fn platforms(&self) -> impl Iterator<Item = &Profile> {
        self.profiles.iter()
    }

    /// The profile of a platform name or alias, if the linter knows it.
    pub fn platform(&self, name: &str) -> Option<&Profile> {
        self.profiles.get(name)
    }

    /// Checks that `name` is a platform this linter knows (an error with "did you mean"
    /// otherwise); `whose` names the input that named it.
    pub fn check_platform(&self, name: &str, whose: Option<&str>) -> Result<(), Error> {
        known_platform(&self.profiles, name, whose)
    }

    /// A message of the catalogue (`verdict.pass`, `severity.error`, an output word) in the
    /// linter's locale; the id itself when there is none.
    pub fn message(&self, id: &str) -> String {
        self.message_with::<&str>(id, &[])
    }

    /// Every message whose id starts with `prefix` (`page.`, `route.`), in the linter's
    /// locale, sorted by id: a guideline's catalogue overrides them like any other words.
    pub fn messages_under(&self, prefix: &str) -> Vec<(String, String)> {
        self.catalog
            .ids_under(prefix)
            .into_iter()
            .filter_map(|id| {
                Some((
                    id.to_string(),
                    self.catalog.get(id, self.locale)?.to_string(),
                ))
            })
            .collect()
    }

    /// The locales this linter's catalogue has words in (`da`, `en`, and a guideline's own).
    pub fn locales(&self) -> Vec<Locale> {
        self.catalog.locales()
    }

    /// A message of the catalogue filled with `args`, in the linter's locale.
    pub fn message_with<K: AsRef<str>>(&self, id: &str, args: &[(K, crate::Arg)]) -> String {
        self.catalog.render(id, args, self.locale)
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
        let (moment, date_from) = match (post.date_hint(), self.options.date) {
            (Some(m), _) => (m, DateFrom::Post),
            (None, Some(m)) => (m, DateFrom::Run),
            (None, None) => (Moment::now(), DateFrom::Clock),
        };
        let now = moment.resolve(&self.tz);
        let platforms = self.measure_post(post, &doc);
        let mut scores = self.sales.score(&doc, &hits);
        scores.tone = self.sentiment.read(&doc, &hits);
        scores.sentiment = scores.tone.sentiment();
        (scores.lix, scores.flesch) = crate::score::readability::scores(&doc);
        let cx = Context {
            doc: &doc,
            hits: &hits,
            matcher: &self.matcher,
            now,
            platforms: &platforms,
            scores: &scores,
            locale_lang: if self.locale == Locale::DA {
                Lang::Da
            } else {
                Lang::En
            },
        };
        let mut raw: Vec<(u16, Finding)> = Vec::new();
        for (i, active) in self.rules.iter().enumerate() {
            let mut out = Emitter::new(
                i as u16,
                &active.id,
                active.severity,
                active.route.as_deref(),
                &mut raw,
                &doc,
            );
            active.rule.check(&cx, &mut out);
        }
        raw.retain(|(_, f)| f.span.start <= f.span.end && f.span.end <= text.len());
        raw.sort_by(|(_, a), (_, b)| {
            (a.span.start, &a.rule, a.span.end).cmp(&(b.span.start, &b.rule, b.span.end))
        });
        // One finding per rule, place and message: a rule's findings for two platforms with
        // different figures stay two.
        raw.dedup_by(|(_, a), (_, b)| {
            a.rule == b.rule && a.span == b.span && a.message_id == b.message_id && a.args == b.args
        });
        self.suppress_nested(&mut raw);
        self.cap_per_rule(&mut raw);
        self.drop_moot(&mut raw, &doc);
        self.drop_superseded(&mut raw);
        let mut findings: Vec<Finding> = Vec::with_capacity(raw.len());
        for (i, mut f) in raw {
            // `{id}` is the rule's id in every message, without an argument of its own.
            let id = &self.rules[usize::from(i)].id_arg;
            let both = crate::i18n::Both(&Named(&f.args), &Named(id));
            f.message = self.catalog.render_with(&f.message_id, &both, self.locale);
            for s in &mut f.suggestions {
                s.title = self.catalog.render_with(&s.message_id, &both, self.locale);
            }
            findings.push(f);
        }
        let waivers = self.waive(post, &mut findings);
        let mut reviewers: Vec<String> = findings
            .iter()
            .filter(|f| !f.is_waived())
            .filter_map(|f| f.route.clone())
            .collect();
        reviewers.sort();
        reviewers.dedup();
        Report {
            language: doc.language,
            locale: self.locale,
            platforms: platforms.into_iter().map(|m| m.length).collect(),
            entities: std::mem::take(&mut doc.entities),
            scores,
            verdict: Verdict::of(&findings),
            reviewers,
            findings,
            waivers,
            audit: Audit {
                judge: Arc::clone(&self.judge),
                date: rfc3339(now, &self.tz),
                date_from,
            },
        }
    }

    /// Marks the findings the post's waivers accept (the first waiver that covers a rule
    /// wins) and counts what each accepted.
    fn waive(&self, post: &Post<'_>, findings: &mut [Finding]) -> Vec<WaiverUse> {
        if self.options.no_waivers || post.waivers().is_empty() {
            return Vec::new();
        }
        let mut uses: Vec<WaiverUse> = post
            .waivers()
            .iter()
            .map(|w| WaiverUse {
                waiver: w.clone(),
                findings: 0,
            })
            .collect();
        for f in findings {
            if let Some(u) = uses.iter_mut().find(|u| u.waiver.covers(&f.rule)) {
                u.findings += f.count();
                f.waived = Some(u.waiver.clone());
            }
        }
        uses
    }

    /// Whether `selector` is a rule id or family of this linter, active or not.
    pub fn knows(&self, selector: &str) -> bool {
        self.resolved
            .iter()
            .any(|r| crate::rule::selects(selector, &r.id))
    }

    /// Checks that every waiver of `post` names a rule this linter knows (an id or a
    /// family, whether or not it is active): a misspelt waiver would otherwise accept
    /// nothing, silently. The error points into the draft's front matter when the waiver
    /// comes from there; otherwise it names `whose` (a batch record's place) when given.
    pub fn check_waivers(&self, post: &Post<'_>, whose: Option<&str>) -> Result<(), Error> {
        for w in post.waivers() {
            if self.knows(&w.rule) {
                continue;
            }
            let message = msg!("error.waiver.unknown", rule = w.rule.as_str());
            let message = match (whose, &w.span) {
                (Some(whose), None) => msg!("error.in-source", source = whose, message = message),
                _ => message,
            };
            let e = match &w.span {
                Some(span) => Error::at(
                    ErrorKind::UnknownRule,
                    message,
                    post.source_name(),
                    &std::sync::Arc::new(post.text().to_string()),
                    span.clone(),
                ),
                None => Error::new(ErrorKind::UnknownRule, message),
            };
            let ids: Vec<&str> = self.resolved.iter().map(|r| r.id.as_str()).collect();
            return Err(e.with_help(crate::resolve::unknown_selector_help(&w.rule, &ids)));
        }
        Ok(())
    }

    /// Applies the fixes of `post` up to `max` (safe, or unsafe too) until they converge,
    /// re-checking the text between rounds with the post's own settings. Fixes that keep
    /// changing the text (two of a guideline's substitutions undoing each other) are an error
    /// naming the rules, not a half-fixed text.
    pub fn fix(&self, post: &Post<'_>, max: Applicability) -> Result<Fixed, Error> {
        // A waived finding was accepted as written: its fix is not applied.
        fix::converge(post.text(), max, |text| {
            let mut findings = self.check(&post.with_text(text)).findings;
            findings.retain(|f| !f.is_waived());
            findings
        })
        .map(|(text, applied)| Fixed { text, applied })
        .map_err(|rules| {
            Error::new(
                ErrorKind::Fix,
                msg!("error.fix.unsettled", rules = rules.join(", ")),
            )
            .with_help(msg!("error.fix.unsettled.help"))
        })
    }

    /// One problem, one finding: a finding whose text lies inside another rule's finding of
    /// the same family, which is no more severe and offers no edit of its own, adds nothing
    /// ("rabat" inside "25 % rabat" is the same sales talk). Findings with edits are kept:
    /// their fixes (e.g. "!!!" → "!" inside 𝐛𝐨𝐥𝐝 text) are needed for `--fix` to converge.
    /// Findings are sorted by start. Whole-post judgements (the score, the length) and
    /// distinct findings ([`Scope::Distinct`]) are never folded and never fold.
    fn suppress_nested(&self, findings: &mut Vec<(u16, Finding)>) {
        let rule = |i: u16| &self.rules[usize::from(i)];
        let family = |i: u16| {
            let r = rule(i);
            &r.id[..r.family]
        };
        let whole_post = |i: u16| rule(i).scope != Scope::Span;
        let mut keep = vec![true; findings.len()];
        for i in 0..findings.len() {
            let (oi, outer) = &findings[i];
            if whole_post(*oi) || outer.span.start == outer.span.end {
                continue;
            }
            for j in i + 1..findings.len() {
                let (ii, inner) = &findings[j];
                if inner.span.start >= outer.span.end {
                    break;
                }
                let same_span =
                    (inner.span.start, inner.span.end) == (outer.span.start, outer.span.end);
                let nested = inner.span.end <= outer.span.end && !same_span;
                let has_edits = inner.suggestions.iter().any(|s| !s.edits.is_empty());
                let outer_edits = outer.suggestions.iter().any(|s| !s.edits.is_empty());
                // The same words judged twice by one family ("Premier Ambulance" named, and
                // disparaged): the graver finding says it all.
                if same_span && oi != ii && family(*ii) == family(*oi) && !whole_post(*ii) {
                    if inner.severity < outer.severity && !has_edits {
                        keep[j] = false;
                    } else if outer.severity < inner.severity && !outer_edits {
                        keep[i] = false;
                    }
                    continue;
                }
                // A rule's own findings are distinct on purpose (two platforms, two limits).
                if nested
                    && oi != ii
                    && !has_edits
                    && !whole_post(*ii)
                    && inner.severity <= outer.severity
                    && family(*ii) == family(*oi)
                {
                    keep[j] = false;
                }
            }
        }
        let mut k = keep.into_iter();
        findings.retain(|_| k.next().unwrap_or(true));
    }

    /// Advice on words that a graver finding of another rule says must go is noise, and may
    /// contradict it: "write «Fortroligt: havørn» in ordinary letters" for a FORTROLIGT label
    /// and a codename that must both be removed. A finding whose every word lies inside graver
    /// findings of other rules (placed ones, not whole-post judgements) is dropped. Runs after
    /// the per-rule cap, so the pairs compared stay few.
    fn drop_moot(&self, findings: &mut Vec<(u16, Finding)>, doc: &Document<'_>) {
        let placed = |i: u16| self.rules[usize::from(i)].scope != Scope::WholePost;
        let mut keep = vec![true; findings.len()];
        for (k, (i, f)) in findings.iter().enumerate() {
            if !placed(*i) || f.span.start >= f.span.end {
                continue;
            }
            // Sorted by start: the findings that can overlap this one start before its end.
            let graver: Vec<crate::Span> = findings
                .iter()
                .take_while(|(_, g)| g.span.start < f.span.end)
                .filter(|(j, g)| {
                    j != i && placed(*j) && g.severity > f.severity && f.span.start < g.span.end
                })
                .map(|(_, g)| g.span)
                .collect();
            if graver.is_empty() {
                continue;
            }
            let mut words = doc.words[doc.word_index(f.span.start)..]
                .iter()
                .take_while(|w| w.span.start < f.span.end)
                .peekable();
            if words.peek().is_none() {
                continue;
            }
            let covered = words.all(|w| {
                graver
                    .iter()
                    .any(|g| g.start <= w.span.start && w.span.end <= g.end)
            });
            keep[k] = !covered;
        }
        let mut k = keep.into_iter();
        findings.retain(|_| k.next().unwrap_or(true));
    }

    /// A data rule's `superseded_by`: "you recommend something without saying you work there"
    /// repeats "you promote the company without saying you work there" on the same post, so
    /// the quieter rule's findings go where the louder one has spoken.
    fn drop_superseded(&self, findings: &mut Vec<(u16, Finding)>) {
        let superseded = |i: u16| &self.rules[usize::from(i)].superseded_by;
        if findings.iter().all(|(i, _)| superseded(*i).is_empty()) {
            return;
        }
        let spoke: Vec<u16> = findings.iter().map(|(i, _)| *i).collect();
        findings.retain(|(i, _)| !superseded(*i).iter().any(|s| spoke.contains(s)));
    }

    /// Keeps the first findings of each rule up to the cap; the rest of each (rule, severity)
    /// become one finding at the first of them that says how many there are.
    fn cap_per_rule(&self, raw: &mut Vec<(u16, Finding)>) {
        let cap = self
            .options
            .max_findings_per_rule
            .unwrap_or(MAX_FINDINGS_PER_RULE);
        if raw.len() <= cap {
            return;
        }
        let mut kept = vec![0usize; self.rules.len()];
        // (rule, severity) → (count, span of the first left out).
        let mut omitted: Vec<(u16, Severity, usize, crate::Span)> = Vec::new();
        raw.retain(|(i, f)| {
            let n = &mut kept[usize::from(*i)];
            if *n < cap {
                *n += 1;
                return true;
            }
            match omitted
                .iter_mut()
                .find(|(r, s, _, _)| (*r, *s) == (*i, f.severity))
            {
                Some(o) => o.2 += 1,
                None => omitted.push((*i, f.severity, 1, f.span)),
            }
            false
        });
        if omitted.is_empty() {
            return;
        }
        for (i, severity, count, span) in omitted {
            let rule = &self.rules[usize::from(i)];
            let f = Finding {
                rule: rule.id.clone(),
                severity,
                message: String::new(),
                message_id: "report.omitted".to_string(),
                args: vec![("count", crate::Arg::from(count))],
                span,
                suggestions: Vec::new(),
                route: rule.route.clone(),
                omitted: count,
                waived: None,
            };
            raw.push((i, f));
        }
        raw.sort_by(|(_, a), (_, b)| {
            (a.span.start, &a.rule, a.span.end).cmp(&(b.span.start, &b.rule, b.span.end))
        });
    }

    /// Counts `text` exactly as given — nothing trimmed, no front matter read — on each of the
    /// guideline's platforms, the way a composer's live counter does. [`Linter::check`]
    /// counts the post as published instead: its body without surrounding white space.
    ///
    /// ```
    /// use postlint::{Guideline, Linter};
    ///
    /// let guideline = Guideline::from_toml("platforms = [\"x\"]", "postlint.toml").unwrap();
    /// let linter = Linter::new(guideline).unwrap();
    /// let x = &linter.measure("Se https://falck.dk/job ")[0];
    /// assert_eq!((x.name.as_str(), x.length), ("x", 3 + 23 + 1));
    /// ```
    pub fn measure(&self, text: &str) -> Vec<Length> {
        let entities = crate::entities::extract(text);
        self.guideline
            .platforms
            .iter()
            .filter_map(|name| self.profiles.get(name))
            .map(|profile| platform::measure(text, &entities, profile))
            .collect()
    }

    fn measure_post(&self, post: &Post<'_>, doc: &Document<'_>) -> Vec<Measured<'_>> {
        let names: Vec<&str> = match post.platform_list() {
            Some(list) => list.iter().map(Platform::name).collect(),
            None if !self.options.platforms.is_empty() => {
                self.options.platforms.iter().map(Platform::name).collect()
            }
            None => self
                .guideline
                .platforms
                .iter()
                .map(String::as_str)
                .collect(),
        };
        if names.is_empty() {
            return Vec::new();
        }
        // Platforms count the post as published: without surrounding blank space.
        let body = doc.body_text();
        let trimmed = body.trim();
        let offset = doc.body.start + (body.len() - body.trim_start().len());
        let entities = doc.entities.within(offset..offset + trimmed.len());
        let mut out: Vec<Measured<'_>> = Vec::new();
        for name in names {
            let Some(profile) = self.profiles.get(name) else {
                continue;
            };
            if out.iter().any(|m| m.profile.name == profile.name) {
                continue;
            }
            let length = platform::measure(trimmed, &entities, profile);
            out.push(Measured { profile, length });
        }
        out
    }
}

/// `t` in RFC 3339 with `tz`'s offset at that moment, to the second.
fn rfc3339(t: jiff::Timestamp, tz: &jiff::tz::TimeZone) -> String {
    let offset = tz.to_offset(t);
    let t = t.round(jiff::Unit::Second).unwrap_or(t);
    t.display_with_offset(offset).to_string()
}

/// Fails with the list of known platforms when `name` has no profile.
fn known_platform(profiles: &Profiles, name: &str, whose: Option<&str>) -> Result<(), Error> {
    if profiles.get(name).is_some() {
        return Ok(());
    }
    let known: Vec<&str> = profiles.iter().map(|p| p.name.as_str()).collect();
    let message = msg!("error.platform.unknown", name = name.trim());
    let message = match whose {
        Some(w) => msg!("error.in-source", source = w, message = message),
        None => message,
    };
    let e = Error::new(ErrorKind::Usage, message);
    Err(
        match did_you_mean(&name.trim().to_lowercase(), profiles.names()) {
            Some(best) => e.with_help(did_you_mean_msg(best)),
            None => e.with_help(msg!("error.platform.known", known = known.join(", "))),
        },
    )
}
