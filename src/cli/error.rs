//! The command line's errors: the library's, and the command line's own (bad arguments,
//! unreadable files, malformed input). Each is one message naming the file, in the run's
//! locale, drawn by miette (see [`super::print_error`]).

use postlint::{Locale, Nested};
use std::fmt;
use std::path::{Path, PathBuf};

/// An error message of the command line: `msg!("error.cli.no-input")` is that entry of
/// `rules/catalog/errors.toml`, `msg!("error.cli.exists", path = name)` with an argument.
macro_rules! msg {
    ($id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        postlint::Nested {
            id: String::from($id),
            args: vec![$((stringify!($k), postlint::Arg::from($v))),*],
        }
    };
}
pub(crate) use msg;

/// An error of a `postlint` run: exit code 2. (Programs that need an [`postlint::ErrorKind`]
/// use the library; the command line's own errors are all "could not run".)
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
    message: Nested,
    help: Option<Nested>,
    path: Option<PathBuf>,
}

impl Error {
    /// A new error of `kind`.
    pub fn new(message: Nested) -> Error {
        Error::Own(Own {
            message,
            help: None,
            path: None,
        })
    }

    /// An I/O error on `path`.
    pub fn io(path: &Path, err: &std::io::Error) -> Error {
        Error::new(io_message(path.display().to_string(), err)).with_path(path)
    }

    /// Adds a hint on how to fix it.
    pub fn with_help(self, help: Nested) -> Error {
        match self {
            Error::Own(mut o) => {
                o.help = Some(help);
                Error::Own(o)
            }
            lib => lib,
        }
    }

    /// Prefixes the message with the draft it concerns (`draft.txt: …`).
    pub fn with_path_note(self, source: &str) -> Error {
        match self {
            Error::Lib(e) => {
                let message = msg!(
                    "error.in-source",
                    source = source,
                    message = e.text().clone()
                );
                let o = Error::new(message);
                match e.help_entry() {
                    Some(h) => o.with_help(h.clone()),
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

    /// The message in `locale`, with the location of a guideline error.
    pub fn message_in(&self, locale: Locale) -> String {
        match self {
            Error::Lib(e) => e.localized(locale).to_string(),
            Error::Own(o) => o.message.render(locale),
        }
    }
}

/// The words of an I/O error on `what`: the common reasons in the catalogue, others as the
/// operating system says them.
pub fn io_message(what: impl Into<postlint::Arg>, err: &std::io::Error) -> Nested {
    let what = what.into();
    match err.kind() {
        std::io::ErrorKind::NotFound => msg!("error.io.not-found", path = what),
        std::io::ErrorKind::PermissionDenied => msg!("error.io.permission", path = what),
        _ => msg!("error.io.read", path = what, reason = err.to_string()),
    }
}

impl From<postlint::Error> for Error {
    fn from(e: postlint::Error) -> Error {
        Error::Lib(e)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_in(Locale::EN))
    }
}

impl std::error::Error for Error {}

/// What [`super::print_error`] draws: the localized error, its hint drawn separately.
pub struct Drawn<'a> {
    /// The library's error in the locale, when it is one (it has the guideline snippet).
    pub lib: Option<postlint::Localized<'a>>,
    /// The message (with location).
    pub message: String,
    /// The hint, if any.
    pub help: Option<String>,
}

impl Error {
    /// The error in `locale`, ready to draw.
    pub fn drawn(&self, locale: Locale) -> Drawn<'_> {
        match self {
            Error::Lib(e) => {
                let l = e.localized(locale);
                Drawn {
                    message: l.to_string(),
                    help: l.help_text().map(str::to_string),
                    lib: Some(l),
                }
            }
            Error::Own(o) => Drawn {
                lib: None,
                message: o.message.render(locale),
                help: o.help.as_ref().map(|h| h.render(locale)),
            },
        }
    }
}

impl fmt::Debug for Drawn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Drawn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Drawn<'_> {}

/// No code (`postlint::usage` is for programs) and no help: miette would label it with an
/// English "help:", so the hint is printed after it under the locale's own word.
impl miette::Diagnostic for Drawn<'_> {
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.lib.as_ref()?.source_code()
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        self.lib.as_ref()?.labels()
    }
}
