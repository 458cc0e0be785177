//! `postlint check`: lint drafts, print a report, and exit 0 or 1 by `--fail-on`.

use super::args::{CheckArgs, FailOn, Format, InputFormat};
use super::error::msg;
use super::input::{self, Draft};
use super::parallel;
use super::walk::{self, Excludes, WalkOptions};
use super::{
    diff, tr, usage, use_color, width, write_stderr, write_stdout, Error, EXIT_FINDINGS, EXIT_OK,
};
use postlint::render::{self, Item, Origin, RenderOptions};
use postlint::{Applicability, Linter, Locale, Options, Platform, Post, Report, Severity};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// Runs `postlint check`.
pub fn run(args: CheckArgs) -> Result<ExitCode, Error> {
    let cwd = super::current_dir()?;
    // An editor's unsaved buffer is judged by the guideline of the folder it will be saved in.
    let start = match &args.stdin_filename {
        Some(name) if reads_stdin(&args) => cwd
            .join(name)
            .parent()
            .map_or_else(|| cwd.clone(), Path::to_path_buf),
        _ => cwd.clone(),
    };
    let found = super::find_guideline(&args.guideline, &start);
    let guideline = super::load_found(&args.guideline, &found)?;
    let locale = super::resolve_locale(args.guideline.locale, &guideline);
    let fail_on = match args.fail_on {
        Some(FailOn::Never) => None,
        Some(FailOn::Error) => Some(Severity::Error),
        Some(FailOn::Warning) => Some(Severity::Warning),
        Some(FailOn::Info) => Some(Severity::Info),
        None => Some(guideline.fail_on()),
    };
    let platforms: Vec<Platform> = clean(&args.platform)
        .iter()
        .map(|p| Platform::new(p))
        .collect();
    let mut options = Options::new()
        .select(clean(&args.select))
        .ignore(clean(&args.ignore))
        .locale(locale)
        .platforms(platforms);
    if let Some(lang) = args.lang {
        options = options.language(lang);
    }
    if let Some(date) = args.date {
        options = options.date(date);
    }
    if let Some(n) = args.max_findings_per_rule {
        options = options.max_findings_per_rule(n as usize);
    }
    options = options.no_waivers(args.no_waivers);
    // Validates --select/--ignore and the platforms (with "did you mean") and compiles the
    // guideline once.
    let linter = Linter::with_options(guideline, options)?;
    // A misspelt field fails before any post is read.
    output_fields(&args)?;
    if (args.fix || args.diff) && args.input_format == InputFormat::Jsonl {
        return Err(usage(
            msg!("error.cli.fix-batch"),
            msg!("error.cli.fix-batch.help"),
        ));
    }
    let limit = args.max_post_bytes.unwrap_or(input::MAX_POST_BYTES);
    let excludes = Excludes::new(&args.exclude, &cwd, linter.guideline().exclude())?;
    let gather = input::Gather {
        format: args.input_format,
        excludes: &excludes,
        walk: WalkOptions {
            respect_ignore_files: !args.no_respect_gitignore,
        },
        force_exclude: args.force_exclude,
    };
    let sources = input::sources(&args.paths, gather)?;
    if args.input_format == InputFormat::Jsonl {
        return check_batch(sources, limit, &args, &linter, fail_on);
    }

    let mut drafts = sources
        .iter()
        .map(|s| input::read_draft(s, limit))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(name) = &args.stdin_filename {
        // An editor that pipes every buffer has the excluded ones left alone.
        if args.force_exclude && excludes.matches(&walk::absolute(name), false) {
            drafts.retain(|d| d.origin != Origin::Stdin);
        }
        for d in drafts.iter_mut().filter(|d| d.origin == Origin::Stdin) {
            d.source = name.display().to_string();
            d.origin = Origin::File;
        }
    }
    // Posts are parsed before anything is fixed or printed, so a bad draft stops the run early.
    for d in &drafts {
        post_of(d, &linter)?;
    }

    let max = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    if args.diff {
        return show_diff(&drafts, &linter, max);
    }
    let mut fixed_stdin = None;
    if args.fix {
        fixed_stdin = apply_fixes(&mut drafts, &linter, max, locale)?;
    }

    if args.format == Format::Jsonl && fixed_stdin.is_none() {
        let mut items = drafts.into_iter().map(|d| Ok(input::Item::Post(d)));
        let threads = parallel::threads(args.threads);
        let fields = output_fields(&args)?;
        return stream_jsonl(
            &mut items,
            &linter,
            fail_on,
            reads_stdin(&args),
            threads,
            fields,
        );
    }
    let failed = report(&drafts, &args, &linter, fail_on, fixed_stdin)?;
    Ok(ExitCode::from(if failed { EXIT_FINDINGS } else { EXIT_OK }))
}

/// `--input-format jsonl`: records are read lazily. With `--format jsonl` each is checked and
/// written as it comes, so a batch of any size runs in constant memory; a line that is not a
/// record becomes an error record in its place. With other formats the bad lines are listed
/// on standard error. Either way the rest are checked, and the run exits 2 if a line was bad.
fn check_batch(
    sources: Vec<input::Source>,
    limit: u64,
    args: &CheckArgs,
    linter: &Linter,
    fail_on: Option<Severity>,
) -> Result<ExitCode, Error> {
    let mut records = input::Records::new(sources, limit);
    if args.format == Format::Jsonl {
        let threads = parallel::threads(args.threads);
        let fields = output_fields(args)?;
        return stream_jsonl(
            &mut records,
            linter,
            fail_on,
            reads_stdin(args),
            threads,
            fields,
        );
    }
    let mut drafts = Vec::new();
    let mut bad = 0usize;
    let locale = linter.locale();
    let prefix = msg!("error.prefix").render(locale);
    for item in records {
        match item? {
            input::Item::Post(d) => match post_of(&d, linter) {
                Ok(_) => drafts.push(d),
                Err(e) => {
                    bad += 1;
                    write_stderr(&format!("{prefix}: {}\n", e.message_in(locale)));
                }
            },
            input::Item::Bad {
                location, message, ..
            } => {
                bad += 1;
                write_stderr(&format!(
                    "{prefix}: {location}: {}\n",
                    message.render(locale)
                ));
            }
        }
    }
    let failed = report(&drafts, args, linter, fail_on, None)?;
    if bad > 0 {
        return Err(bad_lines(bad, msg!("error.batch.listed-above")));
    }
    Ok(ExitCode::from(if failed { EXIT_FINDINGS } else { EXIT_OK }))
}

/// The error that ends a batch with lines that could not be checked (listed before it).
fn bad_lines(n: usize, listed: postlint::Nested) -> Error {
    Error::new(msg!("error.batch.bad-lines", n = n, listed = listed))
        .with_help(msg!("error.batch.bad-lines.help"))
}

/// Checks the drafts and prints the report in `args.format`; whether a finding reached
/// `fail_on`.
fn report(
    drafts: &[Draft],
    args: &CheckArgs,
    linter: &Linter,
    fail_on: Option<Severity>,
    fixed_stdin: Option<String>,
) -> Result<bool, Error> {
    let mut reports: Vec<Report> = Vec::with_capacity(drafts.len());
    let mut failure = None;
    let mut drafts_iter = drafts.iter();
    parallel::ordered(
        parallel::threads(args.threads),
        parallel::CHUNK,
        || drafts_iter.next(),
        |d| post_of(d, linter).map(|p| linter.check(&p)),
        |r| match r {
            Ok(r) => {
                reports.push(r);
                true
            }
            Err(e) => {
                failure = Some(e);
                false
            }
        },
    );
    if let Some(e) = failure {
        return Err(e);
    }
    let items: Vec<Item<'_>> = drafts
        .iter()
        .zip(&reports)
        .map(|(d, r)| d.item(r))
        .collect();

    // With `--fix` on standard input, stdout carries the fixed text; the report goes to stderr.
    let to_stderr = fixed_stdin.is_some();
    let terminal = if to_stderr {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let format = if args.statistics {
        render::Format::Statistics
    } else {
        args.format.into()
    };
    if format == render::Format::Github {
        github_step_summary(&items, linter, to_stderr);
    }
    let output = render::render(
        format,
        &items,
        &RenderOptions {
            linter,
            color: use_color(terminal),
            width: width(),
            fields: output_fields(args)?,
        },
    );
    if let Some(text) = fixed_stdin {
        write_stdout(&text)?;
        write_stderr(&output);
    } else {
        write_stdout(&output)?;
    }

    let failed = fail_on.is_some_and(|level| reports.iter().any(|r| r.has_findings_at(level)));
    // The process ends right after this: freeing ten thousand reports one allocation at a
    // time would only delay the exit (it was 8% of a 10,000-post batch run).
    std::mem::forget(items);
    std::mem::forget(reports);
    Ok(failed)
}

/// In a GitHub Actions step (`$GITHUB_STEP_SUMMARY` set) with more annotations of a kind than
/// GitHub shows, appends the whole report as Markdown to the step summary and says so in a
/// notice; a summary that cannot be written is said in a warning, the run goes on.
fn github_step_summary(items: &[Item<'_>], linter: &Linter, to_stderr: bool) {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return;
    };
    let Some(markdown) = render::step_summary(items, linter) else {
        return;
    };
    use std::io::Write as _;
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(markdown.as_bytes()));
    let shown = ("shown", postlint::Arg::from(render::ANNOTATIONS_SHOWN));
    let line = match written {
        Ok(()) => format!(
            "::notice title=postlint::{}\n",
            linter.message_with("output.step-summary.written", &[shown])
        ),
        Err(e) => format!(
            "::warning title=postlint::{}\n",
            linter.message_with(
                "output.step-summary.failed",
                &[shown, ("reason", postlint::Arg::from(e.to_string()))]
            )
        ),
    };
    if to_stderr {
        write_stderr(&line);
    } else {
        let _ = write_stdout(&line);
    }
}

/// `--format jsonl`: check, write and drop one post at a time, so a batch of any size runs
/// in constant memory and each line goes out as soon as its post is checked. A line that
/// could not be a post is written as an error record (`{"source", "line", "error"}`) in its
/// place, and the run exits 2 once the rest are done.
///
/// Reading standard input, each line is flushed as soon as it is written: the writer of the
/// pipe may wait for an answer before it sends the next post. Files are written in 64 KiB
/// blocks.
///
/// With more than one thread the posts are checked on every core and written in input order
/// (see [`parallel`]), a bounded window of them in flight.
fn stream_jsonl(
    items: &mut dyn Iterator<Item = Result<input::Item, Error>>,
    linter: &Linter,
    fail_on: Option<Severity>,
    flush_each: bool,
    threads: usize,
    fields: render::Fields,
) -> Result<ExitCode, Error> {
    use std::io::Write as _;
    // Not `stdout.lock()`: the writer may be another thread, and the buffer takes the lock
    // once per 64 KiB block anyway.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
    let mut failed = false;
    let mut bad = 0usize;
    let mut written = Ok(());
    let mut stopped = None;
    let mut write = |line: Line| {
        failed |= line.failed;
        bad += usize::from(line.bad);
        written = out.write_all(&line.bytes);
        if flush_each && written.is_ok() {
            written = out.flush();
        }
        written.is_ok()
    };
    let mut next = || match items.next()? {
        Ok(item) => Some(item),
        Err(e) => {
            stopped = Some(e);
            None
        }
    };
    let work = |item| jsonl_line(item, linter, fail_on, fields);
    if threads > 1 {
        let chunk = if flush_each { 1 } else { parallel::CHUNK };
        parallel::ordered(threads, chunk, next, work, &mut write);
    } else {
        while let Some(item) = next() {
            if !write(work(item)) {
                break;
            }
        }
    }
    match written.and_then(|()| out.flush()) {
        // A closed pipe (`| head`) is the reader's choice, not an error, as for every format.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(super::stdout_error(&e)),
        _ if stopped.is_some() => Err(stopped.expect("checked")),
        _ if bad > 0 => Err(bad_lines(bad, msg!("error.batch.listed-in-output"))),
        _ => Ok(ExitCode::from(if failed { EXIT_FINDINGS } else { EXIT_OK })),
    }
}

/// `--output-fields`, or every field.
fn output_fields(args: &CheckArgs) -> Result<render::Fields, Error> {
    let Some(list) = &args.output_fields else {
        return Ok(render::Fields::ALL);
    };
    render::Fields::parse(list).map_err(|e| {
        let err = Error::new(msg!("error.output-fields.unknown", field = e.0.as_str()));
        match e.did_you_mean() {
            Some(best) => err.with_help(msg!("error.did-you-mean", best = best)),
            None => err.with_help(msg!(
                "error.output-fields.known",
                known = render::fields::NAMES.join(", ")
            )),
        }
    })
}

/// One checked item of a JSON Lines run: its line (a report, or an error record), whether
/// it reached `fail_on`, and whether it was a line that could not be checked.
struct Line {
    bytes: Vec<u8>,
    failed: bool,
    bad: bool,
}

fn jsonl_line(
    item: input::Item,
    linter: &Linter,
    fail_on: Option<Severity>,
    fields: render::Fields,
) -> Line {
    let mut bytes = Vec::with_capacity(1024);
    let (failed, bad) = match item {
        input::Item::Post(d) => match post_of(&d, linter) {
            Ok(post) => {
                let report = linter.check(&post);
                let failed = fail_on.is_some_and(|level| report.has_findings_at(level));
                // Writing into memory cannot fail.
                let _ = render::write_jsonl_fields(&mut bytes, &d.item(&report), fields);
                (failed, false)
            }
            Err(e) => {
                let (location, line) = match &d.record {
                    Some(m) => (m.location.as_str(), m.line),
                    None => (d.source.as_str(), 0),
                };
                // The record's location is the error record's `source` already.
                let message = e.message_in(linter.locale());
                let message = message
                    .strip_prefix(location)
                    .and_then(|m| m.strip_prefix(": "))
                    .unwrap_or(&message);
                let _ = render::write_jsonl_error(&mut bytes, location, line, message);
                (false, true)
            }
        },
        input::Item::Bad {
            location,
            line,
            message,
        } => {
            let message = message.render(linter.locale());
            let _ = render::write_jsonl_error(&mut bytes, &location, line, &message);
            (false, true)
        }
    };
    Line { bytes, failed, bad }
}

/// Whether the run reads standard input (`-`, or no path).
fn reads_stdin(args: &CheckArgs) -> bool {
    args.paths.is_empty() || args.paths.iter().any(|p| p.as_os_str() == "-")
}

/// The post for a draft: front matter for files, the record's settings for batch lines.
/// Platforms named by either must exist.
fn post_of<'a>(draft: &'a Draft, linter: &Linter) -> Result<Post<'a>, Error> {
    let Some(meta) = &draft.record else {
        let post = Post::from_draft(draft.text.as_str(), &draft.source)?;
        for p in post.platform_list().unwrap_or_default() {
            linter.check_platform(p.name(), Some(&draft.source))?;
        }
        linter.check_waivers(&post, None)?;
        return Ok(post);
    };
    let mut post = Post::new(draft.text.as_str()).source(&draft.source);
    if !meta.platforms.is_empty() {
        let mut list = Vec::new();
        for name in &meta.platforms {
            let p = Platform::new(name);
            linter.check_platform(p.name(), Some(&meta.location))?;
            list.push(p);
        }
        post = post.platforms(list);
    }
    if let Some(lang) = meta.language {
        post = post.language(lang);
    }
    if let Some(date) = meta.date {
        post = post.date(date);
    }
    for w in &meta.waivers {
        post = post.waive(w.clone());
    }
    linter.check_waivers(&post, Some(&meta.location))?;
    Ok(post)
}

/// Fixes a draft until its fixes converge; returns the new text and how many were applied.
fn fixed_text(
    draft: &Draft,
    linter: &Linter,
    max: Applicability,
) -> Result<(String, usize), Error> {
    // Rules never see (or edit) the front matter, so the post's settings stay as parsed.
    let fixed = linter
        .fix(&post_of(draft, linter)?, max)
        .map_err(|e| Error::from(e).with_path_note(&draft.source))?;
    Ok((fixed.text, fixed.applied))
}

/// `--diff`: print what `--fix` would change; exit 1 when something would.
fn show_diff(drafts: &[Draft], linter: &Linter, max: Applicability) -> Result<ExitCode, Error> {
    let mut out = String::new();
    for d in drafts {
        let (fixed, _) = fixed_text(d, linter, max)?;
        out.push_str(&diff::unified(&d.source, &d.text, &fixed));
    }
    write_stdout(&out)?;
    Ok(ExitCode::from(if out.is_empty() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    }))
}

/// `--fix`: rewrites files in place; returns the fixed standard input, if it was read.
fn apply_fixes(
    drafts: &mut [Draft],
    linter: &Linter,
    max: Applicability,
    locale: Locale,
) -> Result<Option<String>, Error> {
    let mut stdin = None;
    for d in drafts.iter_mut() {
        let (fixed, n) = fixed_text(d, linter, max)?;
        match &d.path {
            Some(path) if n > 0 && fixed != d.text => {
                write_atomically(path, &fixed)?;
                let what = tr(locale, "rettelse(r) i", "fix(es) applied to");
                write_stderr(&format!("{n} {what} {}\n", d.source));
            }
            Some(_) => {}
            None => stdin = Some(fixed.clone()),
        }
        d.text = fixed;
    }
    Ok(stdin)
}

/// Replaces the file at `path` (through a symlink, its target) with `text` so that nothing the
/// user wrote is lost: the text goes to a temporary file beside the target, is flushed to disk
/// and given the target's permissions, and only then renamed over it (tempfile). A crash or a
/// full disk leaves the original or the fixed draft, never half of one; a read-only draft is
/// refused before anything is written (root could otherwise write it).
fn write_atomically(path: &std::path::Path, text: &str) -> Result<(), Error> {
    use std::io::Write as _;
    let failed = |e: std::io::Error| {
        Error::new(msg!(
            "error.io.write",
            path = path.display().to_string(),
            reason = e.to_string()
        ))
        .with_path(path)
    };
    let target = std::fs::canonicalize(path).map_err(failed)?;
    let permissions = std::fs::metadata(&target).map_err(failed)?.permissions();
    if permissions.readonly() {
        return Err(Error::new(msg!(
            "error.fix.read-only",
            path = path.display().to_string()
        ))
        .with_path(path));
    }
    let dir = target.parent().unwrap_or(std::path::Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".postlint-fix-")
        .tempfile_in(dir)
        .map_err(failed)?;
    tmp.write_all(text.as_bytes()).map_err(failed)?;
    tmp.as_file().sync_all().map_err(failed)?;
    std::fs::set_permissions(tmp.path(), permissions).map_err(failed)?;
    tmp.persist(&target).map_err(|e| failed(e.error))?;
    Ok(())
}

/// Trims list entries and drops empty ones (`--select "sales, ,tone"`).
fn clean(list: &[String]) -> Vec<String> {
    list.iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}
