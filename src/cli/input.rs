//! Gathering the drafts to check: files, directories (recursively, sorted), standard input,
//! and JSON Lines batches.

use super::args::InputFormat;
use super::Error;
use postlint::{ErrorKind, Lang};
use serde::Deserialize;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

/// The extensions of draft files found when walking a directory.
pub const DRAFT_EXTENSIONS: [&str; 3] = ["txt", "md", "post"];

/// One post to check.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The name in reports: a path, `-` for standard input, or the batch record's id.
    pub source: String,
    /// The file it was read from and may be fixed in place (none for stdin and batch records).
    pub path: Option<PathBuf>,
    /// The full text.
    pub text: String,
    /// Settings given by a batch record (drafts from files carry theirs in front matter).
    pub record: Option<RecordMeta>,
}

/// Per-post settings from a JSON Lines record.
#[derive(Debug, Clone, Default)]
pub struct RecordMeta {
    /// Platform names.
    pub platforms: Vec<String>,
    /// The post's language.
    pub language: Option<Lang>,
    /// Where the record is, for messages (`batch.jsonl:3`).
    pub location: String,
}

/// One line of a JSON Lines batch. Unknown fields are allowed, so producers can add theirs.
#[derive(Debug, Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: String,
    platform: Option<String>,
    platforms: Option<Vec<String>>,
    language: Option<String>,
}

/// Reads every draft named by `paths`; with no path, standard input when it is piped.
pub fn collect(paths: &[PathBuf], format: InputFormat) -> Result<Vec<Draft>, Error> {
    let mut drafts = Vec::new();
    if paths.is_empty() {
        if std::io::stdin().is_terminal() {
            return Err(super::usage(
                "no input: nothing to check",
                "give files or directories (`postlint check drafts/`), or pipe a post into `postlint check`",
            ));
        }
        read_source(None, format, &mut drafts)?;
        return Ok(drafts);
    }
    for path in paths {
        if path.as_os_str() == "-" {
            read_source(None, format, &mut drafts)?;
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
        if meta.is_dir() {
            let extensions: &[&str] = match format {
                InputFormat::Text => &DRAFT_EXTENSIONS,
                InputFormat::Jsonl => &["jsonl"],
            };
            let mut files = Vec::new();
            walk(path, extensions, &mut files)?;
            if files.is_empty() {
                let patterns: Vec<String> = extensions.iter().map(|e| format!("*.{e}")).collect();
                return Err(Error::new(
                    ErrorKind::Input,
                    format!("no drafts ({}) in {}", patterns.join(", "), path.display()),
                )
                .with_path(path));
            }
            for file in files {
                read_source(Some(&file), format, &mut drafts)?;
            }
        } else {
            read_source(Some(path), format, &mut drafts)?;
        }
    }
    Ok(drafts)
}

/// Reads one file (or stdin, for `None`) as a draft or as a batch of records.
fn read_source(
    path: Option<&Path>,
    format: InputFormat,
    out: &mut Vec<Draft>,
) -> Result<(), Error> {
    let text = match path {
        Some(p) => read_text(p)?,
        None => read_stdin()?,
    };
    let source = path.map_or_else(|| "-".to_string(), |p| p.display().to_string());
    match format {
        InputFormat::Text => out.push(Draft {
            source,
            path: path.map(Path::to_path_buf),
            text,
            record: None,
        }),
        InputFormat::Jsonl => parse_jsonl(&text, &source, out)?,
    }
    Ok(())
}

fn read_stdin() -> Result<String, Error> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|e| Error::new(ErrorKind::Io, format!("cannot read standard input: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        Error::new(
            ErrorKind::InvalidUtf8,
            format!("standard input is not valid UTF-8 (invalid byte at offset {offset})"),
        )
        .with_help("send the text as UTF-8")
    })
}

/// Parses a JSON Lines batch: one `{"id","text",…}` object per non-blank line.
fn parse_jsonl(text: &str, source: &str, out: &mut Vec<Draft>) -> Result<(), Error> {
    let name = if source == "-" { "<stdin>" } else { source };
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let location = format!("{name}:{}", i + 1);
        let bad = |why: String| {
            Error::new(ErrorKind::Input, format!("{location}: invalid JSON Lines record: {why}"))
                .with_help(r#"each line must be an object like {"id": "1", "text": "…", "platform": "linkedin", "language": "da"}"#)
        };
        let record: Record = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
        let id = match record.id {
            None | Some(serde_json::Value::Null) => location.clone(),
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            Some(other) => {
                return Err(bad(format!(
                    "`id` must be a string or a number, not {other}"
                )))
            }
        };
        let language = match record.language.as_deref() {
            None => None,
            Some(code) => Some(
                Lang::parse(code)
                    .ok_or_else(|| bad(format!("unsupported language `{code}` (da, en)")))?,
            ),
        };
        let mut platforms = record.platforms.unwrap_or_default();
        platforms.extend(record.platform);
        out.push(Draft {
            source: id,
            path: None,
            text: record.text,
            record: Some(RecordMeta {
                platforms,
                language,
                location,
            }),
        });
    }
    Ok(())
}

/// Collects draft files under `dir`, depth first, sorted by name at each level so the order
/// is the same on every machine. Hidden entries (`.git`) are skipped, and symbolic links to
/// directories are not followed, so a link cycle cannot loop forever.
fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, &e))?;
    let mut entries: Vec<_> = entries
        .collect::<Result<_, _>>()
        .map_err(|e| Error::io(dir, &e))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| Error::io(&path, &e))?;
        if kind.is_dir() {
            walk(&path, extensions, out)?;
        } else if (kind.is_file() || (kind.is_symlink() && path.is_file()))
            && path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads a file as UTF-8, with errors that name the file (and the byte offset of bad UTF-8).
fn read_text(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        Error::new(
            ErrorKind::InvalidUtf8,
            format!(
                "{} is not valid UTF-8 (invalid byte at offset {offset})",
                path.display()
            ),
        )
        .with_path(path)
        .with_help("save the file as UTF-8")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_records() {
        let mut out = Vec::new();
        let text = "{\"id\":\"a\",\"text\":\"Hej\",\"platform\":\"x\",\"language\":\"da\"}\n\n{\"id\":7,\"text\":\"Hi\",\"extra\":true}\n";
        parse_jsonl(text, "b.jsonl", &mut out).unwrap();
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].source, "a");
        let meta = out[0].record.as_ref().unwrap();
        assert_eq!(meta.platforms, ["x"]);
        assert_eq!(meta.language, Some(Lang::Da));
        assert_eq!(out[1].source, "7");
    }

    #[test]
    fn malformed_line_is_named() {
        let err =
            parse_jsonl("{\"text\":\"ok\"}\n{nope\n", "b.jsonl", &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("b.jsonl:2"), "{err}");
        let err = parse_jsonl("{\"id\":\"x\"}\n", "b.jsonl", &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("b.jsonl:1"), "{err}");
    }
}
