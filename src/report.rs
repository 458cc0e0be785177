//! What a check produces: findings with spans and suggestions, the verdict and the routes.

use crate::entities::Entities;
use crate::i18n::{Args, Locale};
use crate::platform::Length;
use crate::post::Waiver;
pub use crate::span::Span;
use crate::text::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// Worth knowing; never blocks.
    Info,
    /// Should be looked at; sends the post to review.
    Warning,
    /// Must be fixed; blocks the post.
    Error,
}

impl Severity {
    /// The lower-case name (`error`, `warning`, `info`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// One level higher (info → warning → error; error stays error).
    pub fn raised(self) -> Severity {
        match self {
            Severity::Info => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// One level lower (error → warning → info; info stays info).
    pub fn lowered(self) -> Severity {
        match self {
            Severity::Error => Severity::Warning,
            _ => Severity::Info,
        }
    }

    /// Parses a lower-case name.
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a suggestion may be applied without a human looking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Applicability {
    /// Always correct: `--fix` applies it.
    Safe,
    /// Usually right but may change meaning: applied only with `--unsafe-fixes`.
    Unsafe,
    /// Advice for the author; never applied automatically.
    Display,
}

/// One replacement of a byte range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// Byte offset where the replaced text starts.
    pub start: usize,
    /// Byte offset just past the replaced text.
    pub end: usize,
    /// The new text.
    pub replacement: String,
}

impl Edit {
    /// Replaces `span` with `replacement`.
    pub(crate) fn new(span: Span, replacement: impl Into<String>) -> Edit {
        Edit {
            start: span.start,
            end: span.end,
            replacement: replacement.into(),
        }
    }
}

/// A way to resolve a finding: a title and the edits that carry it out (possibly none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// What to do, in the message language.
    pub title: String,
    /// The catalogue id of the title (filled with the finding's arguments).
    pub message_id: String,
    /// Whether the edits may be applied automatically.
    pub applicability: Applicability,
    /// The edits; empty for advice.
    pub edits: Vec<Edit>,
}

/// A post's scores, as the report shows them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// How much the post reads like an advert, 0–100.
    pub salesiness: u8,
    /// The post's tone, −100 (very negative) … 100 (very positive); 0 when no word carries
    /// sentiment. Below −50 reads clearly negative (see `docs/contracts.md`).
    pub sentiment: i8,
    /// LIX readability (both languages; below 35 easy, above 55 very hard), for posts of at
    /// least 30 words.
    pub lix: Option<f64>,
    /// Flesch Reading Ease (English posts of at least 30 words; higher is easier, below 50
    /// hard).
    pub flesch: Option<f64>,
    /// What the sentiment was read from, for `tone.negative` to point at.
    #[serde(skip)]
    pub(crate) tone: Tone,
    /// The strongest sales phrase, for a finding to point at.
    #[serde(skip)]
    pub(crate) strongest_sales: Option<Span>,
    /// Whether the post promotes the company's products or offers (see `score/mod.rs`): the
    /// disclosure rules apply only then.
    #[serde(skip)]
    pub(crate) commercial: bool,
    /// What kind of post it is (the report shows it as `content_type`).
    #[serde(skip)]
    pub(crate) content_type: Option<ContentType>,
    /// The sales signals found, in text order (the report shows them as `signals`).
    #[serde(skip)]
    pub(crate) signals: Vec<Signal>,
}

impl Scores {
    /// What kind of post it is, when it has words to judge.
    pub fn content_type(&self) -> Option<ContentType> {
        self.content_type
    }

    /// The sales signals found, in text order: what the salesiness score is built from.
    pub fn signals(&self) -> &[Signal] {
        &self.signals
    }
}

/// The post's tone, as `score::sentiment` reads it and the tone rules judge it.
/// A word or phrase that moved the post's sentiment, and by how much.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Driver {
    /// Where it is.
    pub span: Span,
    /// Its score as read in its sentence (AFINN −5…5, after negation, intensifiers, irony).
    pub score: f32,
    /// The index of its sentence in the document.
    pub sentence: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Tone {
    /// The scored words and phrases, in text order.
    pub drivers: Vec<Driver>,
    /// Insults aimed at people: the insulting word with the person it is aimed at, or an
    /// insulting word for a person ("idioter").
    pub insults: Vec<Span>,
    /// The sum of the drivers' scores.
    pub total: f32,
    /// The sentences that end in a question mark.
    pub questions: Vec<usize>,
    /// Whether the post tells of a death or a loss with grief ("gik bort", "passed
    /// away"): its sad words are not a negative tone.
    pub grief: bool,
}

/// The dominant purpose of a post, as a comms team sorts them: what its guideline encourages
/// (job posts, news, advice, events, culture, milestones) and discourages (offers,
/// competitions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContentType {
    /// A job posting.
    Job,
    /// Company news: results, appointments, openings, awards.
    News,
    /// Advice or knowledge.
    Advice,
    /// An event: a talk, a fair, a webinar.
    Event,
    /// Culture and behind the scenes.
    Culture,
    /// A personal milestone: a new job, an anniversary.
    Milestone,
    /// An offer or product promotion.
    Offer,
    /// A competition or giveaway.
    Competition,
}

impl ContentType {
    /// Every content type.
    pub const ALL: [ContentType; 8] = [
        ContentType::Job,
        ContentType::News,
        ContentType::Advice,
        ContentType::Event,
        ContentType::Culture,
        ContentType::Milestone,
        ContentType::Offer,
        ContentType::Competition,
    ];

    /// The lower-case name (`offer`).
    pub fn as_str(self) -> &'static str {
        match self {
            ContentType::Job => "job",
            ContentType::News => "news",
            ContentType::Advice => "advice",
            ContentType::Event => "event",
            ContentType::Culture => "culture",
            ContentType::Milestone => "milestone",
            ContentType::Offer => "offer",
            ContentType::Competition => "competition",
        }
    }

    /// The type of a name (`offer`).
    pub fn parse(name: &str) -> Option<ContentType> {
        ContentType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// The kinds of sales signal (`rules/lexicons/signals.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    /// A call to action: "bestil din gratis prøve", "book a quick call".
    CallToAction,
    /// Pressure of time or quantity: "kun hele næste uge", "the first 50".
    Urgency,
    /// A discount: "rabat", "30 % off".
    Discount,
    /// A discount code: "brug koden VARME10".
    DiscountCode,
    /// A competition or giveaway: "del og vind".
    Competition,
    /// A sales price: "kun 499 kr.", "fra 449 kr./md.".
    OfferPrice,
    /// An amount of money.
    Price,
    /// Something free on offer: "gratis energigennemgang", "free trial".
    FreeOffer,
    /// A link to a shop or an offer page.
    ShopLink,
    /// A personal endorsement: "kan varmt anbefale".
    Endorsement,
    /// A product's selling point: "halverer din varmeregning".
    SellingPoint,
    /// Other sales talk: "uden binding", "best price".
    SalesTalk,
}

impl SignalKind {
    /// Every kind.
    pub const ALL: [SignalKind; 12] = [
        SignalKind::CallToAction,
        SignalKind::Urgency,
        SignalKind::Discount,
        SignalKind::DiscountCode,
        SignalKind::Competition,
        SignalKind::OfferPrice,
        SignalKind::Price,
        SignalKind::FreeOffer,
        SignalKind::ShopLink,
        SignalKind::Endorsement,
        SignalKind::SellingPoint,
        SignalKind::SalesTalk,
    ];

    /// The name as in the report and the lexicon (`call_to_action`).
    pub fn as_str(self) -> &'static str {
        match self {
            SignalKind::CallToAction => "call_to_action",
            SignalKind::Urgency => "urgency",
            SignalKind::Discount => "discount",
            SignalKind::DiscountCode => "discount_code",
            SignalKind::Competition => "competition",
            SignalKind::OfferPrice => "offer_price",
            SignalKind::Price => "price",
            SignalKind::FreeOffer => "free_offer",
            SignalKind::ShopLink => "shop_link",
            SignalKind::Endorsement => "endorsement",
            SignalKind::SellingPoint => "selling_point",
            SignalKind::SalesTalk => "sales_talk",
        }
    }
}

/// One sales signal in a post.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Signal {
    /// What kind of signal.
    pub kind: SignalKind,
    /// Where it is.
    pub span: Span,
    /// What it added to the salesiness score (a kind's third signal adds nothing).
    pub weight: f32,
}

/// One problem found in a post.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The rule's id (`sales.discount`).
    pub rule: String,
    /// Severity after the guideline's settings.
    pub severity: Severity,
    /// What is wrong, in the message language.
    pub message: String,
    /// The catalogue id of the message (`links.shortener.message`): with [`Finding::args`],
    /// a program can show the finding in words of its own.
    pub message_id: String,
    /// The arguments the message was filled with.
    #[serde(serialize_with = "args_json")]
    pub args: Args,
    /// Where, in bytes.
    pub span: Span,
    /// Ways to fix it.
    pub suggestions: Vec<Suggestion>,
    /// The reviewer role that must look, when the guideline routes this rule.
    pub route: Option<String>,
    /// For the one finding that closes a rule's findings in a post once there are too many
    /// (see [`crate::Options::max_findings_per_rule`]): how many it stands for. 0 for every
    /// other finding.
    pub omitted: usize,
    /// The post's waiver that accepts this finding: it stays in the report but no longer
    /// counts for the verdict, the reviewers, the exit code or the totals.
    pub waived: Option<Waiver>,
}

impl Finding {
    /// Whether a waiver accepts this finding.
    pub fn is_waived(&self) -> bool {
        self.waived.is_some()
    }

    /// How many findings this one counts as: itself, or the findings it stands for.
    pub fn count(&self) -> usize {
        if self.omitted > 0 {
            self.omitted
        } else {
            1
        }
    }
}

/// What should happen to a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Verdict {
    /// Publish.
    Pass,
    /// A reviewer must look first.
    Review,
    /// Back to the author.
    Block,
}

impl Verdict {
    /// `block` if any finding is an error; else `review` if any is a warning or routed; else
    /// `pass`. Waived findings do not count.
    pub fn of(findings: &[Finding]) -> Verdict {
        let mut counted = findings.iter().filter(|f| !f.is_waived());
        if counted.clone().any(|f| f.severity == Severity::Error) {
            Verdict::Block
        } else if counted.any(|f| f.severity == Severity::Warning || f.route.is_some()) {
            Verdict::Review
        } else {
            Verdict::Pass
        }
    }

    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Review => "review",
            Verdict::Block => "block",
        }
    }
}

/// The result of checking one post.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The detected (or given) language; `None` when the post is too short to judge.
    pub language: Option<Lang>,
    /// The message language the findings are written in.
    #[serde(skip)]
    pub locale: Locale,
    /// Length per checked platform.
    pub platforms: Vec<Length>,
    /// Entities found in the post.
    pub entities: Entities,
    /// Scores such as `salesiness` (0–100, higher is more like an advert).
    pub scores: Scores,
    /// What should happen to the post.
    pub verdict: Verdict,
    /// Reviewer roles that must look, sorted and unique.
    pub reviewers: Vec<String>,
    /// Findings sorted by span start, then rule id (waived ones included, marked).
    pub findings: Vec<Finding>,
    /// The post's waivers, each with the number of findings it accepted (0: it matched
    /// nothing, and may be stale). Empty under [`crate::Options::no_waivers`].
    pub waivers: Vec<WaiverUse>,
    /// What judged the post.
    pub audit: Audit,
}

/// A post's waiver and how many findings it accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WaiverUse {
    /// The waiver.
    #[serde(flatten)]
    pub waiver: Waiver,
    /// The findings it accepted, those left out included.
    pub findings: usize,
}

impl Report {
    /// Whether any finding that is not waived is at or above `level`.
    pub fn has_findings_at(&self, level: Severity) -> bool {
        self.counted().any(|f| f.severity >= level)
    }

    /// The number of findings of `severity` that are not waived, those left out included.
    pub fn count(&self, severity: Severity) -> usize {
        self.counted()
            .filter(|f| f.severity == severity)
            .map(Finding::count)
            .sum()
    }

    /// The number of findings that are not waived, those left out included.
    pub fn total(&self) -> usize {
        self.counted().map(Finding::count).sum()
    }

    /// The number of waived findings, those left out included.
    pub fn waived(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.is_waived())
            .map(Finding::count)
            .sum()
    }

    /// The findings that count: those no waiver accepts.
    pub fn counted(&self) -> impl Iterator<Item = &Finding> + Clone {
        self.findings.iter().filter(|f| !f.is_waived())
    }
}

fn args_json<S: serde::Serializer>(args: &Args, s: S) -> Result<S::Ok, S::Error> {
    crate::i18n::ArgsJson(args).serialize(s)
}

/// A text with fixes applied ([`Report::apply_fixes`], [`crate::Linter::fix`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    /// The text with the fixes applied.
    pub text: String,
    /// How many suggestions were applied.
    pub applied: usize,
}

/// What judged a post, so a comms team can answer "why was this passed?" a year later: the
/// postlint version, the guideline (its name and the SHA-256 of everything it was made of,
/// after `extends`), the moment and time zone embargoes and quiet periods were judged by,
/// the message language, and whether waivers were honoured.
///
/// ```
/// use postlint::{Guideline, Linter, Moment, Options, Post};
///
/// let options = Options::new().date(Moment::parse("2027-01-15").unwrap());
/// let linter = Linter::with_options(Guideline::recommended(), options)?;
/// let audit = linter.check(&Post::new("Hej")).audit;
/// assert_eq!(audit.guideline(), Some("recommended"));
/// assert_eq!(audit.guideline_sha256(), Guideline::recommended().sha256());
/// assert_eq!(audit.date(), "2027-01-15T00:00:00+01:00");
/// assert_eq!(audit.time_zone(), "Europe/Copenhagen");
/// # Ok::<(), postlint::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Audit {
    pub(crate) judge: std::sync::Arc<Judge>,
    pub(crate) date: String,
    pub(crate) date_from: DateFrom,
}

/// The parts of an [`Audit`] that are the same for every post a linter checks.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Judge {
    pub guideline: Option<String>,
    pub sha256: String,
    pub time_zone: String,
    pub locale: Option<Locale>,
    pub waivers_ignored: bool,
}

/// Where the moment a post was judged by came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum DateFrom {
    /// The post's own `date` (front matter, a record, a request).
    Post,
    /// The run's (`--date`, [`crate::Options::date`]).
    Run,
    /// The clock: a re-check on another day may judge embargoes otherwise.
    #[default]
    Clock,
}

impl DateFrom {
    fn as_str(self) -> &'static str {
        match self {
            DateFrom::Post => "post",
            DateFrom::Run => "run",
            DateFrom::Clock => "clock",
        }
    }
}

impl Audit {
    /// The postlint version that checked the post.
    pub fn postlint(&self) -> &'static str {
        env!("CARGO_PKG_VERSION")
    }

    /// The guideline's name: its file as given, or the built-in pack's name; `None` for
    /// [`crate::Guideline::empty`].
    pub fn guideline(&self) -> Option<&str> {
        self.judge.guideline.as_deref()
    }

    /// [`crate::Guideline::sha256`] of the guideline in force.
    pub fn guideline_sha256(&self) -> &str {
        &self.judge.sha256
    }

    /// The moment embargoes and quiet periods were judged by, RFC 3339 with the time zone's
    /// offset at that moment (`2027-01-15T08:00:00+01:00`).
    pub fn date(&self) -> &str {
        &self.date
    }

    /// `post`, `run` or `clock`: where [`Audit::date`] came from.
    pub fn date_from(&self) -> &'static str {
        self.date_from.as_str()
    }

    /// The IANA time zone days and local times meant (`Europe/Copenhagen`).
    pub fn time_zone(&self) -> &str {
        &self.judge.time_zone
    }

    /// The message language.
    pub fn locale(&self) -> Option<Locale> {
        self.judge.locale
    }

    /// Whether the post's waivers were ignored (`--no-waivers`).
    pub fn waivers_ignored(&self) -> bool {
        self.judge.waivers_ignored
    }
}

impl Serialize for Audit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Audit", 8)?;
        st.serialize_field("postlint", self.postlint())?;
        st.serialize_field("guideline", &self.guideline())?;
        st.serialize_field("guideline_sha256", self.guideline_sha256())?;
        st.serialize_field("date", self.date())?;
        st.serialize_field("date_from", self.date_from())?;
        st.serialize_field("time_zone", self.time_zone())?;
        st.serialize_field("locale", &self.locale().map(Locale::code))?;
        st.serialize_field("waivers_ignored", &self.waivers_ignored())?;
        st.end()
    }
}
