//! Walking folders for drafts, as ripgrep walks (the `ignore` crate): `.gitignore`, `.ignore`
//! and `.postlintignore` files are honoured (inside a Git repository or not), hidden files and
//! folders are left out, and so is whatever `--exclude` or the guideline's `[files] exclude`
//! names. Files come out sorted by path, so reports are the same on every machine.

use super::error::msg;
use super::Error;
use globset::{GlobBuilder, GlobMatcher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The name of postlint's own ignore file (gitignore syntax), for drafts Git should keep but
/// postlint should not check.
pub const IGNORE_FILE: &str = ".postlintignore";

/// The exclude patterns of a run: `--exclude` (relative to the current folder) and the
/// guideline's `[files] exclude` (relative to the guideline's folder).
#[derive(Debug, Clone, Default)]
pub struct Excludes {
    patterns: Vec<Pattern>,
}

#[derive(Debug, Clone)]
struct Pattern {
    matcher: GlobMatcher,
    /// No `/` in it: it matches a file or folder name at any depth.
    by_name: bool,
    /// Written with a trailing `/`: it matches folders only.
    dirs_only: bool,
    /// The folder a path pattern is relative to (absolute).
    base: PathBuf,
}

impl Excludes {
    /// Compiles `cli` (relative to `cwd`) and the guideline's patterns (relative to their
    /// guideline's folder, else `cwd`). A bad `--exclude` glob is a usage error.
    pub fn new(cli: &[String], cwd: &Path, guideline: &[postlint::Exclude]) -> Result<Self, Error> {
        let mut patterns = Vec::new();
        for glob in cli.iter().filter(|g| !g.trim().is_empty()) {
            let p = Pattern::new(glob, cwd).map_err(|reason| {
                super::usage(
                    msg!(
                        "error.cli.exclude",
                        pattern = glob.as_str(),
                        reason = reason
                    ),
                    msg!("error.cli.exclude.help"),
                )
            })?;
            patterns.push(p);
        }
        for e in guideline {
            let base = match &e.base {
                Some(b) => absolute(&cwd.join(b)),
                None => cwd.to_path_buf(),
            };
            // The loader has checked the glob already; one that still fails is left out
            // rather than failing a run the guideline allowed.
            if let Ok(p) = Pattern::new(&e.pattern, &base) {
                patterns.push(p);
            }
        }
        Ok(Excludes { patterns })
    }

    /// Whether the file or folder at absolute path `path` is excluded.
    pub fn matches(&self, path: &Path, is_dir: bool) -> bool {
        self.patterns.iter().any(|p| p.matches(path, is_dir))
    }

    fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

impl Pattern {
    fn new(glob: &str, base: &Path) -> Result<Pattern, String> {
        let mut g = glob.trim();
        g = g.strip_prefix("./").unwrap_or(g);
        let dirs_only = g.len() > 1 && g.ends_with('/');
        let g = g.trim_end_matches('/');
        // A leading `/` anchors the pattern at its folder, as in .gitignore.
        let (g, anchored) = match g.strip_prefix('/') {
            Some(rest) => (rest, true),
            None => (g, false),
        };
        let matcher = GlobBuilder::new(g)
            .literal_separator(true)
            .build()
            .map_err(|e| e.kind().to_string())?
            .compile_matcher();
        Ok(Pattern {
            matcher,
            by_name: !anchored && !g.contains('/'),
            dirs_only,
            base: base.to_path_buf(),
        })
    }

    fn matches(&self, path: &Path, is_dir: bool) -> bool {
        if self.dirs_only && !is_dir {
            return false;
        }
        if self.by_name {
            return path
                .file_name()
                .is_some_and(|name| self.matcher.is_match(name));
        }
        path.strip_prefix(&self.base)
            .is_ok_and(|rel| self.matcher.is_match(rel))
    }
}

/// How a walk treats ignore files.
#[derive(Debug, Clone, Copy)]
pub struct WalkOptions {
    /// Honour `.gitignore`, `.ignore`, `.postlintignore` and Git's excludes.
    pub respect_ignore_files: bool,
}

/// The draft files below `dir` whose extension is one of `extensions`, sorted by path.
pub fn drafts_in(
    dir: &Path,
    extensions: &[&str],
    excludes: &Excludes,
    options: WalkOptions,
) -> Result<Vec<PathBuf>, Error> {
    let root = absolute(dir);
    let mut builder = ignore::WalkBuilder::new(dir);
    builder
        .standard_filters(options.respect_ignore_files)
        // Hidden files and folders (.git, .cache, an editor's .#draft.md) are never drafts.
        .hidden(true)
        // A folder of drafts is often no Git repository, and its .gitignore still says what
        // is not meant to be published.
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b));
    if options.respect_ignore_files {
        builder.add_custom_ignore_filename(IGNORE_FILE);
    }
    if !excludes.is_empty() {
        let excludes = Arc::new(excludes.clone());
        let given = dir.to_path_buf();
        let root = root.clone();
        builder.filter_entry(move |entry| {
            // The folder named on the command line is walked whatever its name.
            if entry.depth() == 0 {
                return true;
            }
            let rel = entry.path().strip_prefix(&given).unwrap_or(entry.path());
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            !excludes.matches(&root.join(rel), is_dir)
        });
    }
    let mut out = Vec::new();
    for entry in builder.build() {
        let entry = entry.map_err(|e| walk_error(dir, e))?;
        let Some(kind) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        let is_file = kind.is_file() || (kind.is_symlink() && path.is_file());
        if is_file
            && path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(entry.into_path());
        }
    }
    Ok(out)
}

/// The error for a folder that cannot be walked, naming the path it failed on.
fn walk_error(dir: &Path, e: ignore::Error) -> Error {
    // The deepest cause carries the path and the operating system's reason.
    let mut path = dir.to_path_buf();
    let mut cur = &e;
    loop {
        match cur {
            ignore::Error::WithPath { path: p, err } => {
                path = p.clone();
                cur = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                cur = err;
            }
            _ => break,
        }
    }
    let io = match cur {
        ignore::Error::Io(io) => std::io::Error::new(io.kind(), io.to_string()),
        other => std::io::Error::other(other.to_string()),
    };
    Error::io(&path, &io)
}

/// `path` made absolute and free of symbolic links where it exists, so a pattern's folder and
/// a walked path compare as the same kind of path.
pub fn absolute(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|cwd| cwd.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn excluded(glob: &str, path: &str, is_dir: bool) -> bool {
        let base = Path::new("/home/ida/opslag");
        let ex = Excludes::new(&[glob.to_string()], base, &[]).unwrap();
        ex.matches(&base.join(path), is_dir)
    }

    #[test]
    fn a_name_pattern_matches_at_any_depth() {
        assert!(excluded("*.kladde.md", "a/b/nyhed.kladde.md", false));
        assert!(excluded("arkiv", "2025/arkiv", true));
        assert!(!excluded("*.kladde.md", "a/nyhed.md", false));
    }

    #[test]
    fn a_path_pattern_is_relative_to_its_folder() {
        assert!(excluded("udkast/gamle/**", "udkast/gamle/x.md", false));
        assert!(excluded("./udkast/*.md", "udkast/x.md", false));
        // `*` does not cross a folder boundary; `**` does.
        assert!(!excluded("udkast/*.md", "udkast/gamle/x.md", false));
        assert!(excluded("/æøå", "æøå", true));
        assert!(!excluded("/æøå", "a/æøå", true));
    }

    #[test]
    fn a_trailing_slash_means_folders_only() {
        assert!(excluded("tmp/", "tmp", true));
        assert!(!excluded("tmp/", "tmp", false));
    }

    #[test]
    fn a_bad_glob_is_a_usage_error() {
        let err = Excludes::new(&["udkast/[".to_string()], Path::new("/"), &[]).unwrap_err();
        assert!(err.to_string().contains("udkast/["), "{err}");
    }
}
