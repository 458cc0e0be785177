//! What a rule reads while it checks a post, and how it reports what it finds.

use crate::document::Document;
use crate::i18n::Arg;
use crate::matcher::{Hits, Matcher};
use crate::platform::{Length, Profile};
use crate::report::Scores;
use crate::report::{Applicability, Edit, Finding, Severity, Span, Suggestion};
use crate::text::Lang;

/// One checked platform with the post's measured length on it.
#[derive(Debug)]
pub(crate) struct Measured<'a> {
    /// The platform profile in force.
    pub profile: &'a Profile,
    /// The post's length on it.
    pub length: Length,
}

/// Everything a rule may read about the post being checked.
#[derive(Debug)]
pub(crate) struct Context<'a> {
    /// The analysed post.
    pub doc: &'a Document<'a>,
    /// Term and regex hits of the whole rule set.
    pub hits: &'a Hits,
    /// The matcher (to look up a hit's registered term).
    pub matcher: &'a Matcher,
    /// The moment embargoes and quiet periods are judged by.
    pub now: jiff::Timestamp,
    /// Each checked platform with the post's length on it.
    pub platforms: &'a [Measured<'a>],
    /// Scores computed before the rules ran.
    pub scores: &'a Scores,
    /// The message language as a post language: the best guess of the author's language
    /// when the post is too short to tell (which disclosure phrase to suggest, say).
    pub locale_lang: Lang,
}

impl Context<'_> {
    /// The post's language, or the message language's when the post is too short to tell:
    /// the language to suggest words in.
    pub fn lang(&self) -> Lang {
        self.doc.language.unwrap_or(self.locale_lang)
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        self.doc.text.get(span.start..span.end).unwrap_or("")
    }
}

/// Collects one rule's findings with its resolved id, severity and route.
#[derive(Debug)]
pub(crate) struct Emitter<'a> {
    index: u16,
    id: &'a str,
    severity: Severity,
    route: Option<&'a str>,
    out: &'a mut Vec<(u16, Finding)>,
    doc: &'a Document<'a>,
}

impl<'a> Emitter<'a> {
    /// An emitter for the rule `id`, the `index`th active rule.
    pub fn new(
        index: u16,
        id: &'a str,
        severity: Severity,
        route: Option<&'a str>,
        out: &'a mut Vec<(u16, Finding)>,
        doc: &'a Document<'a>,
    ) -> Self {
        Emitter {
            index,
            id,
            severity,
            route,
            out,
            doc,
        }
    }

    /// The rule's severity in force.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Reports a finding at `span` with the message `key` (a key of the rule's own words,
    /// such as `message`, or a full message id containing a dot); arguments, suggestions and
    /// another severity are added on the returned value.
    pub fn report(&mut self, span: Span, key: &str) -> Emitted<'_> {
        let finding = Finding {
            rule: self.id.to_string(),
            severity: self.severity,
            message: String::new(),
            message_id: message_id(self.id, key),
            args: Vec::with_capacity(4),
            span,
            suggestions: Vec::new(),
            route: self.route.map(str::to_string),
            omitted: 0,
            waived: None,
        };
        self.out.push((self.index, finding));
        let (_, finding) = self.out.last_mut().expect("just pushed");
        Emitted {
            finding,
            rule: self.id,
            doc: self.doc,
        }
    }
}

/// The message id of `key` for rule `rule`: `rule.key`, or `key` itself when it is a full id.
fn message_id(rule: &str, key: &str) -> String {
    if key.contains('.') {
        return key.to_string();
    }
    // Concatenated by hand: `format!` here cost 3 % of a batch check (it runs for every
    // finding and suggestion).
    let mut id = String::with_capacity(rule.len() + 1 + key.len());
    id.push_str(rule);
    id.push('.');
    id.push_str(key);
    id
}

/// A finding just reported, to be given arguments and suggestions.
#[derive(Debug)]
pub(crate) struct Emitted<'e> {
    finding: &'e mut Finding,
    rule: &'e str,
    doc: &'e Document<'e>,
}

impl Emitted<'_> {
    /// Adds the argument `name` (for the message and the suggestions).
    pub fn arg(self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.finding.args.push((name, value.into()));
        self
    }

    /// Adds advice: a suggestion without edits.
    pub fn advice(self, key: &str) -> Self {
        self.suggest(key, Applicability::Display, Vec::new())
    }

    /// Adds a suggestion that carries out `edits` together. A safe fix that would edit inside
    /// a URL, mention, hashtag, cashtag or e-mail address is offered as unsafe: changing one
    /// letter there breaks the link or names someone else.
    pub fn fix(self, key: &str, applicability: Applicability, edits: Vec<Edit>) -> Self {
        let applicability = self.guarded(applicability, &edits);
        self.suggest(key, applicability, edits)
    }

    /// Adds a suggestion that edits an entity on purpose (removing a link's tracking codes):
    /// it keeps its applicability.
    pub fn replace_in_entity(
        self,
        key: &str,
        applicability: Applicability,
        span: Span,
        replacement: impl Into<String>,
    ) -> Self {
        self.suggest(key, applicability, vec![Edit::new(span, replacement)])
    }

    fn guarded(&self, applicability: Applicability, edits: &[Edit]) -> Applicability {
        let touches = edits
            .iter()
            .any(|e| self.doc.touches_entity(&(e.start..e.end)));
        if applicability == Applicability::Safe && touches {
            Applicability::Unsafe
        } else {
            applicability
        }
    }

    /// Adds a suggestion that replaces `span` by `replacement`.
    pub fn replace(
        self,
        key: &str,
        applicability: Applicability,
        span: Span,
        replacement: impl Into<String>,
    ) -> Self {
        self.fix(key, applicability, vec![Edit::new(span, replacement)])
    }

    fn suggest(self, key: &str, applicability: Applicability, edits: Vec<Edit>) -> Self {
        self.finding.suggestions.push(Suggestion {
            title: String::new(),
            message_id: message_id(self.rule, key),
            applicability,
            edits,
        });
        self
    }

    /// Gives this finding another severity than the rule's.
    pub fn severity(self, severity: Severity) -> Self {
        self.finding.severity = severity;
        self
    }

    /// Sends this finding to no reviewer (an `info` finding about the author's own data).
    pub fn unrouted(self) -> Self {
        self.finding.route = None;
        self
    }

    /// Routes this finding to another reviewer role than the rule's.
    pub fn route(self, route: Option<&str>) -> Self {
        if let Some(r) = route {
            self.finding.route = Some(r.to_string());
        }
        self
    }
}
