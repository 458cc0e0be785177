//! `postlint check`: lint drafts, print a report, and exit 0 or 1 by `--fail-on`.

use super::args::{CheckArgs, FailOn, Format, InputFormat};
use super::input::{self, Draft};
use super::{
    diff, tr, usage, use_color, width, write_stderr, write_stdout, EXIT_FINDINGS, EXIT_OK,
};
use postlint::guideline::closest;
use postlint::platform::Profiles;
use postlint::render::{self, Item};
use postlint::{
    fix, Applicability, Error, ErrorKind, Lang, Linter, Options, Platform, Post, Report, Severity,
};
use std::io::IsTerminal;
use std::process::ExitCode;

/// Runs `postlint check`.
pub fn run(args: CheckArgs) -> Result<ExitCode, Error> {
    let guideline = super::load_guideline(&args.guideline)?;
    let locale = super::resolve_locale(args.guideline.locale, &guideline);
    let fail_on = match args.fail_on {
        Some(FailOn::Never) => None,
        Some(FailOn::Error) => Some(Severity::Error),
        Some(FailOn::Warning) => Some(Severity::Warning),
        Some(FailOn::Info) => Some(Severity::Info),
        None => Some(guideline.fail_on),
    };
    let platforms: Vec<Platform> = clean(&args.platform)
        .iter()
        .map(|p| Platform::from_name(p))
        .collect();
    let options = Options {
        select: clean(&args.select),
        ignore: clean(&args.ignore),
        locale: Some(locale),
        language: args.lang,
        date: args.date,
        platforms: platforms.clone(),
    };
    // Validates --select/--ignore (with "did you mean") and compiles the guideline once.
    let linter = Linter::with_options(guideline, options)?;
    for p in &platforms {
        known_platform(p.name(), linter.profiles(), None)?;
    }
    if (args.fix || args.diff) && args.input_format == InputFormat::Jsonl {
        return Err(usage(
            "--fix and --diff work on draft files, not on --input-format jsonl",
            "fix the drafts before they are batched, or apply the suggestions from the JSON report",
        ));
    }

    let mut drafts = input::collect(&args.paths, args.input_format)?;
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
        return stream_jsonl(&drafts, &linter, fail_on);
    }

    let reports: Vec<Report> = drafts
        .iter()
        .map(|d| post_of(d, &linter).map(|p| linter.check(&p)))
        .collect::<Result<_, _>>()?;
    let items: Vec<Item<'_>> = drafts
        .iter()
        .zip(&reports)
        .map(|(d, r)| Item {
            source: &d.source,
            text: &d.text,
            report: r,
        })
        .collect();

    // With `--fix` on standard input, stdout carries the fixed text; the report goes to stderr.
    let to_stderr = fixed_stdin.is_some();
    let terminal = if to_stderr {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let output = render_items(&items, args.format, &linter, locale, use_color(terminal));
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
    std::mem::forget(drafts);
    Ok(ExitCode::from(if failed { EXIT_FINDINGS } else { EXIT_OK }))
}

/// `--format jsonl`: check, write and drop one post at a time, so a batch of any size runs
/// in constant memory and each line goes out as soon as its post is checked.
fn stream_jsonl(
    drafts: &[Draft],
    linter: &Linter,
    fail_on: Option<Severity>,
) -> Result<ExitCode, Error> {
    use std::io::Write as _;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failed = false;
    let mut written = Ok(());
    for d in drafts {
        let report = linter.check(&post_of(d, linter)?);
        failed |= fail_on.is_some_and(|level| report.has_findings_at(level));
        let item = Item {
            source: &d.source,
            text: &d.text,
            report: &report,
        };
        written = render::jsonl::write_one(&mut out, &item);
        if written.is_err() {
            break;
        }
    }
    match written.and_then(|()| out.flush()) {
        // A closed pipe (`| head`) is the reader's choice, not an error, as for every format.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::new(
            ErrorKind::Io,
            format!("cannot write to standard output: {e}"),
        )),
        _ => Ok(ExitCode::from(if failed { EXIT_FINDINGS } else { EXIT_OK })),
    }
}

fn render_items(
    items: &[Item<'_>],
    format: Format,
    linter: &Linter,
    locale: Lang,
    color: bool,
) -> String {
    match format {
        Format::Human => render::human::render(
            items,
            &render::human::Options {
                color,
                width: width(),
                locale,
            },
        ),
        Format::Json => render::json::render(items),
        Format::Jsonl => render::jsonl::render(items),
        Format::Sarif => {
            let docs = postlint::rules::docs(linter.guideline());
            render::sarif::render(items, &docs, locale)
        }
        Format::Github => render::github::render(items),
    }
}

/// The post for a draft: front matter for files, the record's settings for batch lines.
/// Platforms named by either must exist.
fn post_of<'a>(draft: &'a Draft, linter: &Linter) -> Result<Post<'a>, Error> {
    let Some(meta) = &draft.record else {
        let post = Post::from_draft(draft.text.as_str(), &draft.source)?;
        for p in post.platform_list().unwrap_or_default() {
            known_platform(p.name(), linter.profiles(), Some(&draft.source))?;
        }
        return Ok(post);
    };
    let mut post = Post::new(draft.text.as_str()).source(&draft.source);
    if !meta.platforms.is_empty() {
        let mut list = Vec::new();
        for name in &meta.platforms {
            let p = Platform::from_name(name);
            known_platform(p.name(), linter.profiles(), Some(&meta.location))?;
            list.push(p);
        }
        post = post.platforms(list);
    }
    if let Some(lang) = meta.language {
        post = post.language(lang);
    }
    Ok(post)
}

/// Fails with the list of known platforms when `name` has no profile.
fn known_platform(name: &str, profiles: &Profiles, whose: Option<&str>) -> Result<(), Error> {
    if profiles.get(name).is_some() {
        return Ok(());
    }
    let known: Vec<&str> = profiles.iter().map(|p| p.name.as_str()).collect();
    let prefix = whose.map(|w| format!("{w}: ")).unwrap_or_default();
    let mut help = format!("known platforms: {}", known.join(", "));
    if let Some(best) = closest(name, known.iter().copied()) {
        help = format!("did you mean `{best}`? {help}");
    }
    Err(Error::new(
        ErrorKind::Usage,
        format!("{prefix}unknown platform `{name}`"),
    )
    .with_help(help))
}

/// Fixes a draft until its fixes converge; returns the new text and how many were applied.
fn fixed_text(draft: &Draft, linter: &Linter, max: Applicability) -> (String, usize) {
    fix::converge(&draft.text, max, |text| {
        // The text was parsed once already; a fix cannot break front matter because rules
        // never see (or edit) it, but stay defensive and stop fixing if it ever fails.
        Post::from_draft(text, &draft.source)
            .map(|p| linter.check(&p).findings)
            .unwrap_or_default()
    })
}

/// `--diff`: print what `--fix` would change; exit 1 when something would.
fn show_diff(drafts: &[Draft], linter: &Linter, max: Applicability) -> Result<ExitCode, Error> {
    let mut out = String::new();
    for d in drafts {
        let (fixed, _) = fixed_text(d, linter, max);
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
    locale: Lang,
) -> Result<Option<String>, Error> {
    let mut stdin = None;
    for d in drafts.iter_mut() {
        let (fixed, n) = fixed_text(d, linter, max);
        match &d.path {
            Some(path) if n > 0 && fixed != d.text => {
                std::fs::write(path, &fixed).map_err(|e| {
                    Error::new(
                        ErrorKind::Io,
                        format!("cannot write {}: {e}", path.display()),
                    )
                    .with_path(path)
                })?;
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

/// Trims list entries and drops empty ones (`--select "sales, ,tone"`).
fn clean(list: &[String]) -> Vec<String> {
    list.iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}
