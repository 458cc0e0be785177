//! The native half of the `postlint` Python package (`postlint._postlint`): a compiled
//! linter that checks posts and answers with the JSON contract's `posts[]` objects, which
//! the Python half (`python/postlint/__init__.py`) turns into typed results. Going through
//! the contract's JSON keeps `Result.to_dict()` equal to what the command line writes.

use postlint::render::{self, Format, Item, RenderOptions};
use postlint::{Guideline, Lang, Linter, Locale, Moment, Options, Platform, Post};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use std::path::PathBuf;

create_exception!(
    _postlint,
    PostlintError,
    PyException,
    "A guideline, a post or an argument postlint cannot use."
);

/// A postlint error as a Python exception: its text is the command line's
/// (`path:line:column: message`); `path`, `line`, `column`, `kind`, `help` and `message` are
/// attributes (`None` where unknown).
fn error(py: Python<'_>, e: &postlint::Error, locale: Locale) -> PyErr {
    let path = e.path().map(|p| p.display().to_string());
    let (line, column) = e
        .location()
        .map_or((None, None), |(l, c)| (Some(l), Some(c)));
    let message = e.message_in(locale);
    let text = match (&path, line, column) {
        (Some(p), Some(l), Some(c)) => format!("{p}:{l}:{c}: {message}"),
        (Some(p), _, _) => format!("{p}: {message}"),
        _ => message.clone(),
    };
    let kind = format!("{:?}", e.kind());
    raise(
        py,
        text,
        message,
        path,
        line,
        column,
        &kind,
        e.help_in(locale),
    )
}

#[allow(clippy::too_many_arguments)]
fn raise(
    py: Python<'_>,
    text: String,
    message: String,
    path: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    kind: &str,
    help: Option<String>,
) -> PyErr {
    let err = PostlintError::new_err(text);
    let value = err.value(py);
    // Setting attributes on a fresh exception object cannot fail.
    let _ = value.setattr("message", message);
    let _ = value.setattr("path", path);
    let _ = value.setattr("line", line);
    let _ = value.setattr("column", column);
    let _ = value.setattr("kind", kind);
    let _ = value.setattr("help", help);
    err
}

fn usage(py: Python<'_>, message: String) -> PyErr {
    raise(
        py,
        message.clone(),
        message,
        None,
        None,
        None,
        "Usage",
        None,
    )
}

/// A compiled guideline: build it once, check any number of posts from any thread.
#[pyclass(frozen, module = "postlint._postlint")]
struct NativeLinter {
    linter: Linter,
}

#[derive(Clone, Default)]
struct PostSettings {
    platforms: Option<Vec<String>>,
    language: Option<Lang>,
    date: Option<Moment>,
}

fn settings(
    py: Python<'_>,
    platforms: Option<Vec<String>>,
    language: Option<&str>,
    date: Option<&str>,
) -> PyResult<PostSettings> {
    let language = match language {
        None => None,
        Some(code) => Some(
            Lang::parse(code)
                .ok_or_else(|| usage(py, format!("unsupported language `{code}` (da, en)")))?,
        ),
    };
    let date = match date {
        None => None,
        Some(d) => Some(Moment::parse(d).ok_or_else(|| {
            usage(py, format!(
                "`date` must be a date (2027-01-15) or a date-time (2027-01-15T08:00:00+01:00), not `{d}`"
            ))
        })?),
    };
    Ok(PostSettings {
        platforms,
        language,
        date,
    })
}

impl NativeLinter {
    /// One post's `posts[]` object as a JSON line, or the error that stops it.
    fn check_one(
        &self,
        text: &str,
        source: &str,
        s: &PostSettings,
    ) -> Result<String, postlint::Error> {
        let mut post = Post::from_draft(text, source)?;
        if let Some(p) = &s.platforms {
            for name in p {
                self.linter.check_platform(name, None)?;
            }
            post = post.platforms(p.iter().map(|n| Platform::new(n)));
        }
        if let Some(l) = s.language {
            post = post.language(l);
        }
        if let Some(d) = s.date {
            post = post.date(d);
        }
        self.linter.check_waivers(&post, None)?;
        let report = self.linter.check(&post);
        let item = Item::file(source, text, &report);
        let mut line = render::render(Format::Jsonl, &[item], &RenderOptions::new(&self.linter));
        if line.ends_with('\n') {
            line.pop();
        }
        Ok(line)
    }
}

#[pymethods]
impl NativeLinter {
    /// `toml` (a guideline's text), or `path` (a guideline file), or neither (the built-in
    /// `recommended` pack); `locale` for the messages; `date` for every check.
    #[new]
    #[pyo3(signature = (toml=None, path=None, locale=None, date=None, allow_outside_paths=false))]
    fn new(
        py: Python<'_>,
        toml: Option<String>,
        path: Option<PathBuf>,
        locale: Option<&str>,
        date: Option<&str>,
        allow_outside_paths: bool,
    ) -> PyResult<NativeLinter> {
        let locale = match locale {
            None => None,
            Some(code) => Some(Locale::parse(code).ok_or_else(|| {
                usage(
                    py,
                    format!("`{code}` is not a language code such as da or en"),
                )
            })?),
        };
        let run = settings(py, None, None, date)?;
        py.detach(move || {
            let guideline = match (toml, path) {
                (Some(text), _) => Guideline::loader()
                    .allow_outside_paths(allow_outside_paths)
                    .from_toml(&text, "<guideline>")?,
                (None, Some(p)) => Guideline::loader()
                    .allow_outside_paths(allow_outside_paths)
                    .from_path(p)?,
                (None, None) => Guideline::recommended(),
            };
            let locale = locale.or(guideline.locale()).unwrap_or(Locale::EN);
            let mut options = Options::new().locale(locale);
            if let Some(d) = run.date {
                options = options.date(d);
            }
            Linter::with_options(guideline, options)
        })
        .map(|linter| NativeLinter { linter })
        .map_err(|e| error(py, &e, locale.unwrap_or(Locale::EN)))
    }

    /// The message language.
    #[getter]
    fn locale(&self) -> &'static str {
        self.linter.locale().code()
    }

    /// One post as its `posts[]` JSON object.
    #[pyo3(signature = (text, source="-", platforms=None, language=None, date=None))]
    fn check_json(
        &self,
        py: Python<'_>,
        text: &str,
        source: &str,
        platforms: Option<Vec<String>>,
        language: Option<&str>,
        date: Option<&str>,
    ) -> PyResult<String> {
        let s = settings(py, platforms, language, date)?;
        py.detach(|| self.check_one(text, source, &s))
            .map_err(|e| error(py, &e, self.linter.locale()))
    }

    /// Many posts on every core, the GIL released: their JSON objects in order. A post that
    /// cannot be checked (bad front matter) raises for the first such post.
    #[pyo3(signature = (texts, platforms=None, language=None, date=None, threads=0))]
    fn check_many_json(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        platforms: Option<Vec<String>>,
        language: Option<&str>,
        date: Option<&str>,
        threads: usize,
    ) -> PyResult<Vec<String>> {
        let s = settings(py, platforms, language, date)?;
        // At most 256 workers: more only cost memory, and a million must not be tried.
        let threads = if threads == 0 {
            std::thread::available_parallelism().map_or(1, usize::from)
        } else {
            threads.min(256)
        };
        let out = py.detach(|| {
            let chunk = texts.len().div_ceil(threads.max(1)).max(1);
            // `None`: a worker panicked (the library promises it never does).
            let mut results: Vec<Result<String, Option<postlint::Error>>> =
                Vec::with_capacity(texts.len());
            std::thread::scope(|scope| {
                let handles: Vec<_> = texts
                    .chunks(chunk)
                    .enumerate()
                    .map(|(n, part)| {
                        let s = &s;
                        scope.spawn(move || {
                            part.iter()
                                .enumerate()
                                .map(|(i, t)| {
                                    self.check_one(t, &format!("{}", n * chunk + i), s)
                                        .map_err(Some)
                                })
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                for h in handles {
                    match h.join() {
                        Ok(part) => results.extend(part),
                        Err(_) => results.push(Err(None)),
                    }
                }
            });
            results
        });
        let locale = self.linter.locale();
        out.into_iter()
            .map(|r| {
                r.map_err(|e| match e {
                    Some(e) => error(py, &e, locale),
                    None => usage(
                        py,
                        "internal error: a check panicked; please report it".into(),
                    ),
                })
            })
            .collect()
    }
}

/// The native module.
#[pymodule]
fn _postlint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeLinter>()?;
    m.add("PostlintError", m.py().get_type::<PostlintError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
