//! Errors: one clear message naming the file (and, for a guideline, line and column).

use crate::i18n::{Locale, Nested};
use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What went wrong, for programs that react to errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read or written.
    Io,
    /// An input file is not valid UTF-8.
    InvalidUtf8,
    /// A guideline file is not valid TOML or does not fit the schema.
    Guideline,
    /// A rule id (in a guideline or on the command line) is not known.
    UnknownRule,
    /// A regular expression in a guideline does not compile.
    Regex,
    /// Guideline files extend each other in a cycle.
    ExtendsCycle,
    /// An `extends` entry names a file or pack that does not exist.
    MissingExtends,
    /// An input (a draft, a JSON Lines record, front matter) is malformed.
    Input,
    /// A run-wide option is invalid (an unknown platform or locale).
    Usage,
    /// Fixes do not converge: each round changes the text again.
    Fix,
    /// postlint's own data is broken (a built-in file that does not parse): a bug.
    Internal,
}

/// A postlint error: one message naming the file (and, for a guideline, the line and
/// column), a [`kind`](Error::kind) for programs, and a hint, in Danish or English
/// ([`localized`](Error::localized)). It implements [`miette::Diagnostic`], so a program can
/// draw it with the guideline snippet underlined.
///
/// Opaque on purpose (as aho-corasick's errors are): only postlint creates them. Boxed inside
/// so that `Result<T, Error>` stays one pointer wide on the happy path.
///
/// ```
/// use postlint::{Guideline, Linter, Locale};
///
/// let toml = "[rules.\"sales.scroe\"]\nseverity = \"error\"\n";
/// let err = Linter::new(Guideline::from_toml(toml, "postlint.toml")?).unwrap_err();
/// assert_eq!(err.message(), "unknown rule `sales.scroe`");
/// assert_eq!(err.message_in(Locale::DA), "ukendt regel `sales.scroe`");
/// assert_eq!(err.location(), Some((1, 8)));
/// assert_eq!(err.help_in(Locale::DA).as_deref(), Some("mente du `sales.score`?"));
/// # Ok::<(), postlint::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Error(Box<Inner>);

#[derive(Debug, Clone)]
struct Inner {
    kind: ErrorKind,
    /// The message as a catalogue entry (`rules/catalog/errors.toml`), and in English.
    message: (Msg, String),
    path: Option<PathBuf>,
    location: Option<(usize, usize)>,
    source: Option<NamedSource<Arc<String>>>,
    span: Option<(usize, usize)>,
    label: Option<Msg>,
    help: Option<(Msg, String)>,
}

/// An error's words: an entry of `rules/catalog/errors.toml` with its arguments.
pub(crate) type Msg = crate::i18n::Nested;

/// An error message: `msg!("error.io.not-found", path = p.display().to_string())` is the
/// entry `error.io.not-found` of `rules/catalog/errors.toml` with the argument `{path}`.
macro_rules! msg {
    ($id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::i18n::Nested {
            id: String::from($id),
            args: vec![$((stringify!($k), $crate::i18n::Arg::from($v))),*],
        }
    };
}
pub(crate) use msg;

/// The hint "did you mean `best`?".
pub(crate) fn did_you_mean_msg(best: &str) -> Msg {
    msg!("error.did-you-mean", best = best)
}

/// A bug in postlint's own data (a built-in file that does not parse): the detail is for the
/// bug report, in English.
pub(crate) fn internal(detail: impl Into<String>) -> Error {
    Error::new(
        ErrorKind::Internal,
        msg!("error.internal", detail = detail.into()),
    )
}

/// The English text of an error's words (what [`Error::message`] and `Display` show).
fn english(m: &Msg) -> String {
    m.render(Locale::EN)
}

impl Error {
    /// A new error of `kind`.
    pub(crate) fn new(kind: ErrorKind, message: Msg) -> Error {
        let en = english(&message);
        Error(Box::new(Inner {
            kind,
            message: (message, en),
            path: None,
            location: None,
            source: None,
            span: None,
            label: None,
            help: None,
        }))
    }

    /// An I/O error on `path`.
    pub(crate) fn io(path: &Path, err: &std::io::Error) -> Error {
        Error::new(ErrorKind::Io, io_message(path, err)).with_path(path)
    }

    /// An error located in a source text (a guideline file), at byte `span`.
    pub(crate) fn at(
        kind: ErrorKind,
        message: Msg,
        name: &str,
        text: &Arc<String>,
        span: std::ops::Range<usize>,
    ) -> Error {
        let start = span.start.min(text.len());
        let end = span.end.clamp(start, text.len());
        let (line, col) = line_col(text, start);
        let mut e = Error::new(kind, message);
        e.0.location = Some((line, col));
        e.0.source = Some(NamedSource::new(name, Arc::clone(text)));
        e.0.span = Some((start, end));
        e.0.path = Some(PathBuf::from(name));
        e
    }

    /// Names the file this error concerns.
    pub(crate) fn with_path(mut self, path: &Path) -> Error {
        self.0.path = Some(path.to_path_buf());
        self
    }

    /// Adds a hint on how to fix it.
    pub(crate) fn with_help(mut self, help: Msg) -> Error {
        let en = english(&help);
        self.0.help = Some((help, en));
        self
    }

    /// Adds a label to the underlined span.
    pub(crate) fn with_label(mut self, label: Msg) -> Error {
        self.0.label = Some(label);
        self
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The message in English, without location.
    pub fn message(&self) -> &str {
        &self.0.message.1
    }

    /// The message in `locale` (English where the locale has no words of its own), without
    /// location.
    pub fn message_in(&self, locale: Locale) -> String {
        self.0.message.0.render(locale)
    }

    /// The message as a catalogue entry with its arguments, for a program that words it
    /// itself or puts it inside a message of its own.
    pub fn text(&self) -> &Nested {
        &self.0.message.0
    }

    /// The file the error concerns, if any.
    pub fn path(&self) -> Option<&Path> {
        self.0.path.as_deref()
    }

    /// The 1-based line and column in the file, if known.
    pub fn location(&self) -> Option<(usize, usize)> {
        self.0.location
    }

    /// The hint in English, if any.
    pub fn help_text(&self) -> Option<&str> {
        self.0.help.as_ref().map(|(_, en)| en.as_str())
    }

    /// The hint in `locale`, if any.
    pub fn help_in(&self, locale: Locale) -> Option<String> {
        self.0.help.as_ref().map(|(m, _)| m.render(locale))
    }

    /// The hint as a catalogue entry with its arguments, if any.
    pub fn help_entry(&self) -> Option<&Nested> {
        self.0.help.as_ref().map(|(m, _)| m)
    }

    /// The error in `locale`, to show or draw (it implements [`miette::Diagnostic`] without
    /// the internal code: the code is for programs, an employee reads the message).
    pub fn localized(&self, locale: Locale) -> Localized<'_> {
        Localized {
            error: self,
            message: self.message_in(locale),
            help: self.help_in(locale),
            label: self.label_in(locale),
        }
    }

    fn label_in(&self, locale: Locale) -> Option<String> {
        self.0.span?;
        Some(match &self.0.label {
            Some(l) => l.render(locale),
            None => msg!("error.here").render(locale),
        })
    }

    fn write_located(&self, f: &mut fmt::Formatter<'_>, message: &str) -> fmt::Result {
        match (&self.0.source, self.0.location) {
            (Some(src), Some((line, col))) => write!(f, "{}:{line}:{col}: {message}", src.name()),
            _ => f.write_str(message),
        }
    }

    fn span_label(&self, label: Option<String>) -> Option<LabeledSpan> {
        let (start, end) = self.0.span?;
        Some(LabeledSpan::new(label, start, end - start))
    }
}

/// The words of an I/O error on `path`: the common reasons in the catalogue, others as the
/// operating system says them.
pub(crate) fn io_message(path: &Path, err: &std::io::Error) -> Msg {
    let path = path.display().to_string();
    match err.kind() {
        std::io::ErrorKind::NotFound => msg!("error.io.not-found", path = path),
        std::io::ErrorKind::PermissionDenied => msg!("error.io.permission", path = path),
        _ => msg!("error.io.read", path = path, reason = err.to_string()),
    }
}

/// An [`Error`] in one locale ([`Error::localized`]): `Display` gives the message with its
/// location, and as a [`miette::Diagnostic`] it draws the guideline snippet with the label and
/// the hint in that locale, and no internal code.
#[derive(Debug)]
pub struct Localized<'a> {
    error: &'a Error,
    message: String,
    help: Option<String>,
    label: Option<String>,
}

impl Localized<'_> {
    /// The message, without location.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The hint, if any.
    pub fn help_text(&self) -> Option<&str> {
        self.help.as_deref()
    }
}

impl fmt::Display for Localized<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error.write_located(f, &self.message)
    }
}

impl std::error::Error for Localized<'_> {}

impl Diagnostic for Localized<'_> {
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.error.source_code()
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.error.span_label(self.label.clone())?;
        Some(Box::new(std::iter::once(span)))
    }
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_located(f, &self.0.message.1)
    }
}

impl std::error::Error for Error {}

impl Diagnostic for Error {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let code = match self.0.kind {
            ErrorKind::Io => "postlint::io",
            ErrorKind::InvalidUtf8 => "postlint::utf8",
            ErrorKind::Guideline => "postlint::guideline",
            ErrorKind::UnknownRule => "postlint::unknown_rule",
            ErrorKind::Regex => "postlint::regex",
            ErrorKind::ExtendsCycle => "postlint::extends_cycle",
            ErrorKind::MissingExtends => "postlint::missing_extends",
            ErrorKind::Input => "postlint::input",
            ErrorKind::Usage => "postlint::usage",
            ErrorKind::Fix => "postlint::fix",
            ErrorKind::Internal => "postlint::internal",
        };
        Some(Box::new(code))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help_text()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.0.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span_label(self.label_in(Locale::EN))?;
        Some(Box::new(std::iter::once(span)))
    }
}
