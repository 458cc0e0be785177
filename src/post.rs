//! A post to check: its text, where it came from, and per-post settings (from the caller or
//! from TOML front matter between `+++` lines).

use crate::document::bom_len;
use crate::error::{msg, Error, ErrorKind};
use crate::platform::Platform;
use crate::text::Lang;
use crate::time::Moment;
use serde::Deserialize;
use std::borrow::Cow;
use std::ops::Range;

/// A draft post.
#[derive(Debug, Clone)]
pub struct Post<'a> {
    text: Cow<'a, str>,
    body: Range<usize>,
    source: String,
    platforms: Option<Vec<Platform>>,
    language: Option<Lang>,
    date: Option<Moment>,
    audience: Option<String>,
    waivers: Vec<Waiver>,
}

/// A reviewer's acceptance of a rule's findings in one post: the findings stay in the report,
/// marked waived with the reason and who waived them, and no longer count for the verdict,
/// the reviewers or the exit code ([`crate::Options::no_waivers`] ignores waivers, for audits).
///
/// ```
/// use postlint::{Guideline, Linter, Post, Verdict, Waiver};
///
/// let linter = Linter::new(Guideline::recommended())?;
/// let post = Post::new("Læs mere her: https://bit.ly/3xYz")
///     .waive(Waiver::new("links.shortener", "Kampagnens egen kortlink-tjeneste").by("comms"));
/// let report = linter.check(&post);
/// assert_eq!(report.findings[0].waived.as_ref().unwrap().by.as_deref(), Some("comms"));
/// assert_eq!(report.verdict, Verdict::Pass);
/// # Ok::<(), postlint::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Waiver {
    /// The rule id (`sales.price`) or family (`sales`) it accepts.
    pub rule: String,
    /// Why the findings are accepted; never blank.
    pub reason: String,
    /// Who accepted them (a name or a role), when given.
    pub by: Option<String>,
    /// Where the waiver's rule is written in the draft's front matter, for errors.
    #[serde(skip)]
    pub(crate) span: Option<Range<usize>>,
}

impl Waiver {
    /// A waiver of `rule` (an id or a family) for `reason`.
    pub fn new(rule: impl Into<String>, reason: impl Into<String>) -> Waiver {
        Waiver {
            rule: rule.into(),
            reason: reason.into(),
            by: None,
            span: None,
        }
    }

    /// A waiver as a reviewer wrote it (front matter, a record, a request): the rule, the
    /// reason and the name trimmed, a blank name dropped; `None` when the reason is blank,
    /// since nobody could later tell why the post passed.
    pub fn written(rule: &str, reason: &str, by: Option<&str>) -> Option<Waiver> {
        let reason = reason.trim();
        if reason.is_empty() {
            return None;
        }
        let waiver = Waiver::new(rule.trim(), reason);
        Some(match by.map(str::trim) {
            Some(by) if !by.is_empty() => waiver.by(by),
            _ => waiver,
        })
    }

    /// Who accepts the findings.
    pub fn by(mut self, by: impl Into<String>) -> Waiver {
        self.by = Some(by.into());
        self
    }

    /// Whether this waiver accepts the findings of rule `id`.
    pub fn covers(&self, id: &str) -> bool {
        crate::ids::selects(&self.rule, id)
    }
}

/// One `waive = [{ rule, reason, by }]` entry of a draft's front matter.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WaiverEntry {
    rule: toml::Spanned<String>,
    reason: toml::Spanned<String>,
    by: Option<String>,
}

/// Front matter keys a draft may set.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    platforms: Option<Vec<String>>,
    platform: Option<String>,
    language: Option<Lang>,
    date: Option<toml::value::Datetime>,
    audience: Option<String>,
    title: Option<String>,
    author: Option<String>,
    id: Option<String>,
    #[serde(default)]
    waive: Vec<WaiverEntry>,
}

impl<'a> Post<'a> {
    /// A post whose whole text is the body (no front matter is looked for). A leading
    /// byte-order mark (a draft saved by Windows Notepad) is not part of the body: it counts
    /// on no platform, while spans still point into the whole text.
    pub fn new(text: impl Into<Cow<'a, str>>) -> Post<'a> {
        let text = text.into();
        let body = bom_len(&text)..text.len();
        Post {
            text,
            body,
            source: "-".to_string(),
            platforms: None,
            language: None,
            date: None,
            audience: None,
            waivers: Vec::new(),
        }
    }

    /// A draft file's content: TOML front matter between `+++` lines, if present, sets
    /// `platforms`, `language`, `date` and `audience`; spans still point into the whole text.
    pub fn from_draft(text: impl Into<Cow<'a, str>>, source: &str) -> Result<Post<'a>, Error> {
        let mut post = Post::new(text).source(source);
        let Some((fm_range, body_start)) = front_matter(&post.text) else {
            return Ok(post);
        };
        let fm_text = &post.text[fm_range.clone()];
        let at = |message: crate::error::Msg, span: Option<Range<usize>>| {
            let span = span.map_or(fm_range.clone(), |s| {
                fm_range.start + s.start..fm_range.start + s.end
            });
            let text = std::sync::Arc::new(post.text.to_string());
            Error::at(ErrorKind::Input, message, source, &text, span)
        };
        let fm: FrontMatter = toml::from_str(fm_text).map_err(|e| {
            at(
                msg!("error.front-matter", detail = e.message().trim()),
                e.span(),
            )
        })?;
        let mut waivers = Vec::with_capacity(fm.waive.len());
        for w in fm.waive {
            let Some(mut waiver) =
                Waiver::written(w.rule.get_ref(), w.reason.get_ref(), w.by.as_deref())
            else {
                return Err(at(msg!("error.waiver.reason"), Some(w.reason.span())));
            };
            let span = w.rule.span();
            waiver.span = Some(fm_range.start + span.start..fm_range.start + span.end);
            waivers.push(waiver);
        }
        let mut platforms: Vec<Platform> = fm
            .platforms
            .unwrap_or_default()
            .iter()
            .map(|p| Platform::new(p))
            .collect();
        if let Some(p) = fm.platform {
            platforms.push(Platform::new(&p));
        }
        if !platforms.is_empty() {
            post.platforms = Some(platforms);
        }
        post.language = fm.language;
        if let Some(d) = fm.date {
            let moment = Moment::from_toml(&d).map_err(|why| {
                Error::new(
                    ErrorKind::Input,
                    msg!("error.front-matter.date", source = source, why = why),
                )
            })?;
            post.date = Some(moment);
        }
        post.audience = fm.audience;
        post.waivers = waivers;
        let _ = (fm.title, fm.author, fm.id);
        post.body = body_start..post.text.len();
        Ok(post)
    }

    /// Names where the post came from (a path, `-`, or a batch id).
    pub fn source(mut self, source: &str) -> Self {
        self.source = source.to_string();
        self
    }

    /// The platforms to check (names or [`Platform`]s).
    pub fn platforms<P: Into<Platform>>(mut self, platforms: impl IntoIterator<Item = P>) -> Self {
        self.platforms = Some(platforms.into_iter().map(Into::into).collect());
        self
    }

    /// The same post (source, settings, front matter range) with another text: the text after
    /// fixes, which never touch the front matter.
    pub(crate) fn with_text<'t>(&self, text: &'t str) -> Post<'t> {
        let start = if text.is_char_boundary(self.body.start) && self.body.start <= text.len() {
            self.body.start
        } else {
            0
        };
        Post {
            text: Cow::Borrowed(text),
            body: start..text.len(),
            source: self.source.clone(),
            platforms: self.platforms.clone(),
            language: self.language,
            date: self.date,
            audience: self.audience.clone(),
            waivers: self.waivers.clone(),
        }
    }

    /// The post's language (skips detection).
    pub fn language(mut self, lang: Lang) -> Self {
        self.language = Some(lang);
        self
    }

    /// The moment to judge embargoes and quiet periods by: a [`crate::Date`] or a [`Moment`].
    pub fn date(mut self, date: impl Into<Moment>) -> Self {
        self.date = Some(date.into());
        self
    }

    /// Accepts a rule's findings in this post (see [`Waiver`]); adds to the front matter's.
    pub fn waive(mut self, waiver: Waiver) -> Self {
        self.waivers.push(waiver);
        self
    }

    /// The waivers set on the post, front matter's first.
    pub fn waivers(&self) -> &[Waiver] {
        &self.waivers
    }

    /// The whole text as given.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte range of the body (after front matter).
    pub fn body(&self) -> Range<usize> {
        self.body.clone()
    }

    /// Where the post came from.
    pub fn source_name(&self) -> &str {
        &self.source
    }

    /// Platforms set on the post.
    pub fn platform_list(&self) -> Option<&[Platform]> {
        self.platforms.as_deref()
    }

    /// Language set on the post.
    pub fn language_hint(&self) -> Option<Lang> {
        self.language
    }

    /// The moment set on the post.
    pub fn date_hint(&self) -> Option<Moment> {
        self.date
    }

    /// Audience from the front matter.
    pub fn audience(&self) -> Option<&str> {
        self.audience.as_deref()
    }
}

/// Finds `+++` front matter: the range of its TOML and where the body starts.
fn front_matter(text: &str) -> Option<(Range<usize>, usize)> {
    let bom = bom_len(text);
    let rest = &text[bom..];
    let first_line_end = rest.find('\n')?;
    if rest[..first_line_end].trim_end() != "+++" {
        return None;
    }
    let fm_start = bom + first_line_end + 1;
    let mut pos = fm_start;
    for line in text[fm_start..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Some((fm_start..pos, pos + line.len()));
        }
        pos += line.len();
    }
    None
}

/// The text with the front matter region blanked (same byte length, newlines kept), so rules
/// never see it but offsets stay valid.
pub(crate) fn masked<'t>(text: &'t str, body: &Range<usize>) -> Cow<'t, str> {
    if body.start == 0 {
        return Cow::Borrowed(text);
    }
    let mut s = String::with_capacity(text.len());
    for c in text[..body.start].chars() {
        if c == '\n' {
            s.push('\n');
        } else {
            for _ in 0..c.len_utf8() {
                s.push(' ');
            }
        }
    }
    s.push_str(&text[body.start..]);
    Cow::Owned(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_parsed_and_masked() {
        let text = "+++\nplatforms = [\"x\"]\nlanguage = \"da\"\n+++\nHej verden";
        let post = Post::from_draft(text, "a.txt").unwrap();
        assert_eq!(post.platform_list(), Some(&[Platform::new("x")][..]));
        assert_eq!(post.language_hint(), Some(Lang::Da));
        assert_eq!(&text[post.body()], "Hej verden");
        let m = masked(text, &post.body());
        assert_eq!(m.len(), text.len());
        assert!(m.ends_with("Hej verden"));
        assert!(!m.contains("platforms"));
    }

    #[test]
    fn bad_front_matter_names_the_file() {
        let err = Post::from_draft("+++\nplatfoms = 1\n+++\nx", "draft.txt").unwrap_err();
        assert!(err.to_string().starts_with("draft.txt:2:1"), "{err}");
    }

    #[test]
    fn unterminated_front_matter_is_text() {
        let post = Post::from_draft("+++\nno end", "a").unwrap();
        assert_eq!(post.body(), 0..10);
    }
}
