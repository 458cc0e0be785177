//! Errors: one clear message naming the file (and, for a guideline, line and column).

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
/// column), a [`kind`](Error::kind) for programs, and a hint. It implements
/// [`miette::Diagnostic`], so a program can draw it with the guideline snippet underlined.
///
/// Opaque on purpose (as aho-corasick's errors are): only postlint creates them. Boxed inside
/// so that `Result<T, Error>` stays one pointer wide on the happy path.
#[derive(Debug, Clone)]
pub struct Error(Box<Inner>);

#[derive(Debug, Clone)]
struct Inner {
    kind: ErrorKind,
    message: String,
    path: Option<PathBuf>,
    location: Option<(usize, usize)>,
    source: Option<NamedSource<Arc<String>>>,
    span: Option<(usize, usize)>,
    label: Option<String>,
    help: Option<String>,
}

impl Error {
    /// A new error of `kind`.
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error(Box::new(Inner {
            kind,
            message: message.into(),
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
        let reason = match err.kind() {
            std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => err.to_string(),
        };
        Error::new(
            ErrorKind::Io,
            format!("cannot read {}: {reason}", path.display()),
        )
        .with_path(path)
    }

    /// An error located in a source text (a guideline file), at byte `span`.
    pub(crate) fn at(
        kind: ErrorKind,
        message: impl Into<String>,
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
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Error {
        self.0.help = Some(help.into());
        self
    }

    /// Adds a label to the underlined span.
    pub(crate) fn with_label(mut self, label: impl Into<String>) -> Error {
        self.0.label = Some(label.into());
        self
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The message, without location.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The file the error concerns, if any.
    pub fn path(&self) -> Option<&Path> {
        self.0.path.as_deref()
    }

    /// The 1-based line and column in the file, if known.
    pub fn location(&self) -> Option<(usize, usize)> {
        self.0.location
    }

    /// The hint, if any.
    pub fn help_text(&self) -> Option<&str> {
        self.0.help.as_deref()
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
        match (&self.0.source, self.0.location) {
            (Some(src), Some((line, col))) => {
                write!(f, "{}:{line}:{col}: {}", src.name(), self.0.message)
            }
            _ => f.write_str(&self.0.message),
        }
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
        self.0
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.0.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (start, end) = self.0.span?;
        let label = self.0.label.clone().or_else(|| Some("here".to_string()));
        Some(Box::new(std::iter::once(LabeledSpan::new(
            label,
            start,
            end - start,
        ))))
    }
}
