//! Reading the files a guideline names — itself, what it `extends`, its `terms_file`s and
//! `catalogs` — with two guards: a size limit (read through it, so `/dev/zero` or a FIFO
//! cannot grow memory without bound), and the guideline's own folder as the boundary (a path
//! that leaves it, absolute, `../` or through a symbolic link, needs
//! [`GuidelineLoader::allow_outside_paths`]).

use super::Source;
use crate::error::{msg, Error, ErrorKind};
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The largest guideline file (or term list, or catalogue) read by default: 8 MiB. A
/// 10,000-term list is about 200 KiB.
pub(crate) const MAX_FILE_BYTES: u64 = 8 << 20;

/// How a guideline is loaded: what it may read.
///
/// ```
/// use postlint::Guideline;
///
/// let g = Guideline::loader()
///     .allow_outside_paths(false)
///     .from_toml("extends = [\"recommended\"]", "postlint.toml")?;
/// # let _ = g;
/// # Ok::<(), postlint::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct GuidelineLoader {
    pub(super) allow_outside: bool,
    pub(super) max_bytes: u64,
}

impl Default for GuidelineLoader {
    fn default() -> Self {
        GuidelineLoader {
            allow_outside: false,
            max_bytes: MAX_FILE_BYTES,
        }
    }
}

impl GuidelineLoader {
    /// Whether `extends`, `terms_file` and `catalogs` may name files outside the folder of
    /// the guideline (default: no; a service that loads guidelines it is sent never should).
    pub fn allow_outside_paths(mut self, allow: bool) -> Self {
        self.allow_outside = allow;
        self
    }

    /// The largest file read (default 8 MiB).
    pub fn max_file_bytes(mut self, bytes: u64) -> Self {
        self.max_bytes = bytes;
        self
    }

    /// Loads a guideline file and whatever it extends.
    pub fn from_path(&self, path: impl AsRef<Path>) -> Result<super::Guideline, Error> {
        super::load::from_path(path.as_ref(), self)
    }

    /// Parses a guideline from TOML text; `name` is used in messages, and relative paths
    /// resolve against (and stay inside) the current directory.
    pub fn from_toml(&self, text: &str, name: &str) -> Result<super::Guideline, Error> {
        super::load::from_toml(text, name, self)
    }
}

/// The loader's guards, with the folder the guideline may read from, and the digest of every
/// text the guideline is made of.
#[derive(Debug, Clone)]
pub(super) struct Trust {
    pub root: Option<PathBuf>,
    pub allow_outside: bool,
    pub max_bytes: u64,
    digest: std::cell::RefCell<Digest>,
}

/// The SHA-256 of the texts a guideline is made of, in the order they are read, each
/// length-prefixed so no two sequences of texts hash alike. Content only: the same guideline
/// in another folder has the same digest, and an edit anywhere (a term file, a catalogue, a
/// built-in pack of another postlint version) changes it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Digest(sha2::Sha256);

impl Digest {
    /// Adds one text.
    pub fn feed(&mut self, text: &str) {
        use sha2::Digest as _;
        self.0.update((text.len() as u64).to_le_bytes());
        self.0.update(text.as_bytes());
    }

    /// The digest in lower-case hex.
    pub fn hex(self) -> String {
        use sha2::Digest as _;
        self.0
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

impl Trust {
    pub fn new(loader: &GuidelineLoader, root: &Path) -> Trust {
        Trust {
            root: root.canonicalize().ok(),
            allow_outside: loader.allow_outside,
            max_bytes: loader.max_bytes,
            digest: Default::default(),
        }
    }

    /// Adds a text the guideline is made of to its digest.
    pub fn feed(&self, text: &str) {
        self.digest.borrow_mut().feed(text);
    }

    /// The digest of everything read.
    pub fn digest(self) -> String {
        self.digest.into_inner().hex()
    }

    /// Reads `name` (relative to `from`'s folder) for the key at `span` of `from`: the path it
    /// resolved to and its text. `Ok(None)` when the file does not exist (the caller may fall
    /// back to a built-in file).
    pub fn read(
        &self,
        from: &Source,
        name: &str,
        span: Range<usize>,
        key: &str,
    ) -> Result<Option<(PathBuf, String)>, Error> {
        let Some(dir) = &from.dir else {
            return Err(from.error(
                ErrorKind::Guideline,
                msg!("error.files.in-pack", key = key),
                span,
            ));
        };
        let path = dir.join(name);
        let Ok(canonical) = path.canonicalize() else {
            return Ok(None);
        };
        if !self.allow_outside {
            if let Some(root) = &self.root {
                if !canonical.starts_with(root) {
                    return Err(from
                        .error(
                            ErrorKind::Guideline,
                            msg!(
                                "error.files.outside",
                                key = key,
                                path = path.display().to_string(),
                                root = root.display().to_string()
                            ),
                            span,
                        )
                        .with_label(msg!("error.files.outside.label"))
                        .with_help(msg!("error.files.outside.help")));
                }
            }
        }
        let text = read_bounded(&path, self.max_bytes)
            .map_err(|e| from.error(e.kind(), e.text().clone(), span))?;
        // An extended guideline is fed when it is loaded, like the root and the packs.
        if key != "extends" {
            self.feed(&text);
        }
        Ok(Some((path, text)))
    }
}

/// Reads a file as UTF-8 through a size limit, with errors that name the file (and the byte
/// offset of bad UTF-8).
pub(crate) fn read_bounded(path: &Path, limit: u64) -> Result<String, Error> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(Error::new(
            ErrorKind::Io,
            msg!("error.io.folder", path = path.display().to_string()),
        )
        .with_path(path));
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, &e))?;
    if bytes.len() as u64 > limit {
        return Err(Error::new(
            ErrorKind::Guideline,
            msg!(
                "error.guideline.too-large",
                path = path.display().to_string(),
                limit = human_bytes(limit)
            ),
        )
        .with_path(path));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        Error::new(
            ErrorKind::InvalidUtf8,
            msg!(
                "error.utf8",
                path = path.display().to_string(),
                offset = offset
            ),
        )
        .with_path(path)
        .with_help(msg!("error.utf8.help"))
    })
}

/// A size for people: `8 MiB`, `512 KiB`, `100 bytes`.
pub(crate) fn human_bytes(n: u64) -> String {
    if n >= 1 << 20 && n.is_multiple_of(1 << 20) {
        format!("{} MiB", n >> 20)
    } else if n >= 1 << 10 && n.is_multiple_of(1 << 10) {
        format!("{} KiB", n >> 10)
    } else {
        format!("{n} bytes")
    }
}
