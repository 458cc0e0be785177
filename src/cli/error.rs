//! The command line's errors: the library's, and the command line's own (bad arguments,
//! unreadable files, malformed input). Each is one message naming the file, drawn by miette.

use miette::{Diagnostic, LabeledSpan, SourceCode};
use postlint::ErrorKind;
use std::fmt;
use std::path::{Path, PathBuf};

/// An error of a `postlint` run: exit code 2.
#[derive(Debug)]
pub enum Error {
    /// From the library (a guideline, a draft's front matter, an unknown platform).
    Lib(postlint::Error),
    /// The command line's own.
    Own(Own),
}

/// An error the command line found itself.
#[derive(Debug)]
pub struct Own {
    kind: ErrorKind,
    message: String,
    help: Option<String>,
    path: Option<PathBuf>,
}

impl Error {
    /// A new error of `kind`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error::Own(Own {
            kind,
            message: message.into(),
            help: None,
            path: None,
        })
    }

    /// An I/O error on `path`.
    pub fn io(path: &Path, err: &std::io::Error) -> Error {
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

    /// Adds a hint on how to fix it.
    pub fn with_help(self, help: impl Into<String>) -> Error {
        match self {
            Error::Own(mut o) => {
                o.help = Some(help.into());
                Error::Own(o)
            }
            lib => lib,
        }
    }

    /// Prefixes the message with the draft it concerns (`draft.txt: …`).
    pub fn with_path_note(self, source: &str) -> Error {
        match self {
            Error::Lib(e) => {
                let kind = e.kind();
                let help = e.help_text().map(str::to_string);
                let o = Error::new(kind, format!("{source}: {}", e.message()));
                match help {
                    Some(h) => o.with_help(h),
                    None => o,
                }
            }
            own => own,
        }
    }

    /// Names the file this error concerns.
    pub fn with_path(self, path: &Path) -> Error {
        match self {
            Error::Own(mut o) => {
                o.path = Some(path.to_path_buf());
                Error::Own(o)
            }
            lib => lib,
        }
    }
}

impl From<postlint::Error> for Error {
    fn from(e: postlint::Error) -> Error {
        Error::Lib(e)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Lib(e) => e.fmt(f),
            Error::Own(o) => f.write_str(&o.message),
        }
    }
}

impl std::error::Error for Error {}

impl Diagnostic for Error {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        match self {
            Error::Lib(e) => e.code(),
            Error::Own(o) => Some(Box::new(match o.kind {
                ErrorKind::Io => "postlint::io",
                ErrorKind::InvalidUtf8 => "postlint::utf8",
                ErrorKind::Input => "postlint::input",
                _ => "postlint::usage",
            })),
        }
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        match self {
            Error::Lib(e) => e.help(),
            Error::Own(o) => o
                .help
                .as_ref()
                .map(|h| Box::new(h) as Box<dyn fmt::Display>),
        }
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        match self {
            Error::Lib(e) => e.source_code(),
            Error::Own(_) => None,
        }
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        match self {
            Error::Lib(e) => e.labels(),
            Error::Own(_) => None,
        }
    }
}
