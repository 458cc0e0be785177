//! Gathering the drafts to check: files, directories (recursively, sorted), standard input,
//! and JSON Lines batches — every one read through a size limit, so `/dev/zero`, a FIFO or a
//! 24 MB line cannot grow memory without bound.
//!
//! A JSON Lines batch is read lazily, one line at a time: the first result can be written
//! before the input ends, and a malformed or oversized line is an error record for that line
//! while the rest are checked.

use super::args::InputFormat;
use super::error::{io_message, msg};
use super::record::{Invalid, Record};
use super::walk::{self, Excludes, WalkOptions};
use super::Error;
use postlint::render::Origin;
use postlint::{Arg, Lang, Moment, Nested, Waiver};
use std::io::{BufRead, BufReader, IsTerminal, Read};
use std::path::PathBuf;

/// The extensions of draft files found when walking a directory.
pub const DRAFT_EXTENSIONS: [&str; 3] = ["txt", "md", "post"];

/// The largest post read by default: 1 MiB (a LinkedIn post is at most 3,000 characters).
pub const MAX_POST_BYTES: u64 = 1 << 20;

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
    /// What `source` names: a file (also standard input given a `--stdin-filename`),
    /// standard input, or a record.
    pub origin: Origin,
}

impl Draft {
    /// The draft and its report as the renderers see them.
    pub fn item<'a>(&'a self, report: &'a postlint::Report) -> postlint::render::Item<'a> {
        postlint::render::Item {
            source: &self.source,
            text: &self.text,
            report,
            origin: self.origin,
        }
    }
}

/// Per-post settings from a JSON Lines record.
#[derive(Debug, Clone, Default)]
pub struct RecordMeta {
    /// Platform names.
    pub platforms: Vec<String>,
    /// The post's language.
    pub language: Option<Lang>,
    /// The day to judge it by.
    pub date: Option<Moment>,
    /// A reviewer's waivers.
    pub waivers: Vec<Waiver>,
    /// Where the record is, for messages (`batch.jsonl:3`).
    pub location: String,
    /// Its line number.
    pub line: usize,
}

/// Where input comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Source {
    /// The name in reports and messages.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// Standard input when something is piped into it; at a terminal, the usage error that says
/// what to give instead (nobody means to type a post at a bare prompt).
pub fn piped_stdin() -> Result<Source, Error> {
    if std::io::stdin().is_terminal() {
        return Err(super::usage(
            msg!("error.cli.no-input"),
            msg!("error.cli.no-input.help"),
        ));
    }
    Ok(Source::Stdin)
}

/// How paths on the command line become inputs.
#[derive(Debug, Clone, Copy)]
pub struct Gather<'a> {
    /// Plain drafts or JSON Lines (which extensions a walk picks).
    pub format: InputFormat,
    /// What `--exclude` and `[files] exclude` leave out.
    pub excludes: &'a Excludes,
    /// How ignore files count.
    pub walk: WalkOptions,
    /// Exclude files named on the command line too (`--force-exclude`, for hooks that pass
    /// every changed file).
    pub force_exclude: bool,
}

/// The inputs `paths` name (directories walked); with no path, standard input when it is
/// piped.
pub fn sources(paths: &[PathBuf], gather: Gather<'_>) -> Result<Vec<Source>, Error> {
    let format = gather.format;
    if paths.is_empty() {
        return Ok(vec![piped_stdin()?]);
    }
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
        if meta.is_dir() {
            let extensions: &[&str] = match format {
                InputFormat::Text => &DRAFT_EXTENSIONS,
                InputFormat::Jsonl => &["jsonl"],
            };
            let files = walk::drafts_in(path, extensions, gather.excludes, gather.walk)?;
            if files.is_empty() {
                let patterns: Vec<String> = extensions.iter().map(|e| format!("*.{e}")).collect();
                return Err(Error::new(msg!(
                    "error.cli.no-drafts",
                    patterns = patterns.join(", "),
                    path = path.display().to_string()
                ))
                .with_path(path));
            }
            out.extend(files.into_iter().map(Source::File));
        } else if gather.force_exclude && gather.excludes.matches(&walk::absolute(path), false) {
            continue;
        } else {
            // A FIFO or a device is read like a file, through the same limit.
            out.push(Source::File(path.clone()));
        }
    }
    Ok(out)
}

fn open(source: &Source) -> Result<Box<dyn Read>, Error> {
    Ok(match source {
        Source::Stdin => Box::new(std::io::stdin()),
        Source::File(path) => Box::new(std::fs::File::open(path).map_err(|e| Error::io(path, &e))?),
    })
}

/// "1 MiB", "22.9 MiB", "512 KiB", "900 bytes" for people.
pub fn human_bytes(n: u64) -> String {
    let unit = |shift: u32, name: &str| {
        if n.is_multiple_of(1 << shift) {
            format!("{} {name}", n >> shift)
        } else {
            format!("{:.1} {name}", n as f64 / (1u64 << shift) as f64)
        }
    };
    if n >= 1 << 20 {
        unit(20, "MiB")
    } else if n >= 1 << 10 {
        unit(10, "KiB")
    } else {
        format!("{n} bytes")
    }
}

fn too_large(name: Arg, limit: u64) -> Error {
    Error::new(msg!(
        "error.cli.post-too-large",
        name = name,
        limit = human_bytes(limit)
    ))
    .with_help(msg!("error.cli.post-too-large.help"))
}

/// Reads one draft (text format) through the limit.
pub fn read_draft(source: &Source, limit: u64) -> Result<Draft, Error> {
    let name = source.name();
    // How a message names it: "standard input" is a word of the locale.
    let shown: Arg = if name == "-" {
        msg!("error.cli.stdin").into()
    } else {
        name.as_str().into()
    };
    let mut bytes = Vec::new();
    open(source)?
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::new(io_message(shown.clone(), &e)))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(shown, limit));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        Error::new(msg!("error.utf8", path = shown, offset = offset))
            .with_help(msg!("error.utf8.help"))
    })?;
    Ok(Draft {
        path: match source {
            Source::File(p) => Some(p.clone()),
            Source::Stdin => None,
        },
        source: name,
        text,
        record: None,
        origin: match source {
            Source::File(_) => Origin::File,
            Source::Stdin => Origin::Stdin,
        },
    })
}

/// One item of a JSON Lines batch: a post, or a line that could not be one.
#[derive(Debug)]
pub enum Item {
    /// A record to check.
    Post(Draft),
    /// A line that is not a record (malformed, too large, an unknown language).
    Bad {
        /// `batch.jsonl:3`.
        location: String,
        /// The line number.
        line: usize,
        /// What is wrong.
        message: Nested,
    },
}

/// The records of JSON Lines inputs, read lazily, line by line, each line through a limit.
pub struct Records {
    sources: std::vec::IntoIter<Source>,
    current: Option<Lines>,
    /// The largest `text` of a record.
    limit: u64,
}

struct Lines {
    reader: BufReader<Box<dyn Read>>,
    name: String,
    line: usize,
}

impl Records {
    /// Reads `sources` as JSON Lines, posts up to `limit` bytes.
    pub fn new(sources: Vec<Source>, limit: u64) -> Records {
        Records {
            sources: sources.into_iter(),
            current: None,
            limit,
        }
    }

    /// A line may be longer than its text (escapes, the other fields), but not without bound.
    fn line_limit(&self) -> usize {
        usize::try_from(self.limit.saturating_mul(6).saturating_add(64 << 10)).unwrap_or(usize::MAX)
    }
}

/// A line as read: its bytes, or how long it was when it was over the limit.
enum Line {
    Text(Vec<u8>),
    TooLong(usize),
}

/// Reads up to the next `\n` into a buffer of at most `limit` bytes; the rest of a longer line
/// is read and dropped. `None` at the end of the input.
fn read_line(reader: &mut impl BufRead, limit: usize) -> std::io::Result<Option<Line>> {
    let mut out = Vec::new();
    let mut total = 0usize;
    let mut any = false;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match memchr(b'\n', buf) {
            Some(i) => (&buf[..i], i + 1),
            None => (buf, buf.len()),
        };
        total += chunk.len();
        if total <= limit {
            out.extend_from_slice(chunk);
        }
        let newline = done > chunk.len();
        reader.consume(done);
        if newline {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    Ok(Some(if total > limit {
        Line::TooLong(total)
    } else {
        Line::Text(out)
    }))
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

impl Iterator for Records {
    type Item = Result<Item, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.current.is_none() {
                let source = self.sources.next()?;
                let name = match &source {
                    Source::Stdin => "<stdin>".to_string(),
                    Source::File(p) => p.display().to_string(),
                };
                let reader = match open(&source) {
                    Ok(r) => r,
                    Err(e) => return Some(Err(e)),
                };
                self.current = Some(Lines {
                    reader: BufReader::with_capacity(1 << 16, reader),
                    name,
                    line: 0,
                });
            }
            let limit = self.line_limit();
            let max_text = self.limit;
            let lines = self.current.as_mut().expect("just set");
            let line = match read_line(&mut lines.reader, limit) {
                Ok(Some(line)) => line,
                Ok(None) => {
                    self.current = None;
                    continue;
                }
                Err(e) => {
                    let name = lines.name.clone();
                    self.current = None;
                    return Some(Err(Error::new(io_message(name, &e))));
                }
            };
            lines.line += 1;
            let location = format!("{}:{}", lines.name, lines.line);
            let bad = |message: Nested| Item::Bad {
                location: location.clone(),
                line: lines.line,
                message,
            };
            let bytes = match line {
                Line::TooLong(n) => {
                    return Some(Ok(bad(msg!(
                        "error.batch.line-too-long",
                        size = human_bytes(n as u64),
                        limit = human_bytes(limit as u64),
                        post = human_bytes(max_text)
                    ))))
                }
                Line::Text(b) => b,
            };
            // A byte-order mark (a Windows editor) is not part of the first record.
            let bytes = if lines.line == 1 {
                bytes
                    .strip_prefix(b"\xEF\xBB\xBF")
                    .unwrap_or(&bytes)
                    .to_vec()
            } else {
                bytes
            };
            let text = match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    return Some(Ok(bad(msg!("error.batch.utf8", offset = at))));
                }
            };
            if text.trim().is_empty() {
                continue;
            }
            return Some(Ok(match record(&text, &location, lines.line, max_text) {
                Ok(draft) => Item::Post(draft),
                Err(message) => bad(message),
            }));
        }
    }
}

/// One JSON Lines record as a draft, or what is wrong with it.
fn record(text: &str, location: &str, line: usize, limit: u64) -> Result<Draft, Nested> {
    let mut record: Record =
        serde_json::from_str(text).map_err(|e| msg!("error.batch.json", detail = e.to_string()))?;
    if record.text.len() as u64 > limit {
        return Err(msg!(
            "error.batch.text-too-large",
            limit = human_bytes(limit)
        ));
    }
    let invalid = |e| match e {
        Invalid::Id(found) => msg!("error.batch.id", found = found),
        Invalid::Reason(i) => msg!("error.batch.waiver", index = i.to_string()),
    };
    let id = record.source(location).map_err(invalid)?;
    let waivers = record.waivers().map_err(invalid)?;
    let language = match record.language.as_deref() {
        None => None,
        Some(code) => {
            Some(Lang::parse(code).ok_or_else(|| msg!("error.batch.language", code = code))?)
        }
    };
    let date = match record.date.as_deref() {
        None => None,
        Some(s) => Some(Moment::parse(s).ok_or_else(|| msg!("error.batch.date", found = s))?),
    };
    let platforms = record.platform_names();
    Ok(Draft {
        source: id,
        path: None,
        origin: Origin::Record,
        text: record.text,
        record: Some(RecordMeta {
            platforms,
            language,
            date,
            waivers,
            location: location.to_string(),
            line,
        }),
    })
}

/// Collects draft files under `dir`, depth first, sorted by name at each level so the order
/// is the same on every machine. Hidden entries (`.git`) are skipped, and symbolic links to
/// directories are not followed, so a link cycle cannot loop forever.
#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str, limit: u64) -> Vec<Item> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.jsonl");
        std::fs::write(&p, text).unwrap();
        Records::new(vec![Source::File(p)], limit)
            .map(|r| r.unwrap())
            .collect()
    }

    #[test]
    fn jsonl_records() {
        let text = "\u{feff}{\"id\":\"a\",\"text\":\"Hej\",\"platform\":\"x\",\"language\":\"da\"}\n\n{\"id\":7,\"text\":\"Hi\",\"extra\":true,\"date\":\"2027-01-15\"}\n";
        let out = records(text, MAX_POST_BYTES);
        assert_eq!(out.len(), 2);
        let Item::Post(a) = &out[0] else {
            panic!("{out:?}")
        };
        assert_eq!(a.source, "a");
        let meta = a.record.as_ref().unwrap();
        assert_eq!(meta.platforms, ["x"]);
        assert_eq!(meta.language, Some(Lang::Da));
        let Item::Post(b) = &out[1] else {
            panic!("{out:?}")
        };
        assert_eq!(b.source, "7");
        assert_eq!(b.record.as_ref().unwrap().date, Moment::parse("2027-01-15"));
    }

    #[test]
    fn a_bad_line_is_an_item_and_the_rest_go_on() {
        let out = records(
            "{\"text\":\"ok\"}\n{nope\n{\"id\":\"x\"}\n{\"text\":\"also ok\"}\n",
            MAX_POST_BYTES,
        );
        assert_eq!(out.len(), 4);
        assert!(
            matches!(&out[1], Item::Bad { line: 2, location, .. } if location.ends_with("b.jsonl:2"))
        );
        assert!(matches!(&out[2], Item::Bad { line: 3, .. }));
        assert!(matches!(&out[3], Item::Post(_)));
    }

    #[test]
    fn a_huge_line_is_dropped_without_keeping_it() {
        let huge = format!(
            "{{\"text\":\"{}\"}}\n{{\"text\":\"ok\"}}\n",
            "a".repeat(200_000)
        );
        let out = records(&huge, 1000);
        assert!(
            matches!(&out[0], Item::Bad { message, .. } if message.to_string().contains("the line is 195.3 KiB; a record may be at most")),
            "{out:?}"
        );
        assert!(matches!(&out[1], Item::Post(_)));
        // Over the text limit but within the line limit: the text is what is too large.
        let big = format!("{{\"text\":\"{}\"}}\n", "a".repeat(2000));
        let out = records(&big, 1000);
        assert!(
            matches!(&out[0], Item::Bad { message, .. } if message.to_string().contains("the text is larger"))
        );
    }

    #[test]
    fn sizes_for_people() {
        assert_eq!(human_bytes(1 << 20), "1 MiB");
        assert_eq!(human_bytes(24_000_022), "22.9 MiB");
        assert_eq!(human_bytes(512 << 10), "512 KiB");
        assert_eq!(human_bytes(900), "900 bytes");
    }

    #[test]
    fn a_draft_over_the_limit_is_one_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        std::fs::write(&p, "a".repeat(2048)).unwrap();
        let e = read_draft(&Source::File(p), 1024).unwrap_err();
        assert!(e.to_string().contains("larger than 1 KiB"), "{e}");
    }
}
