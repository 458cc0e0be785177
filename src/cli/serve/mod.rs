//! `postlint serve`: the linter as an HTTP service for the comms approval workflow, on axum
//! (tokio, hyper: HTTP/1.1 with keep-alive and chunked bodies, and HTTP/2 over cleartext with
//! prior knowledge).
//!
//! - Connections are served on async threads, so thousands of idle or slow clients cost
//!   memory, not threads; checks run on a bounded CPU pool ([`pool`]) with back-pressure.
//! - The guideline is reloaded on SIGHUP and when one of its files changes; a guideline that
//!   does not load is logged and the one in service stays ([`reload`]).
//! - SIGTERM or Ctrl-C: `/readyz` turns 503, no new connection is accepted, requests in
//!   flight finish (for at most `--shutdown-timeout`), then the process exits 0.
//! - The log has one line per request: method, path, status, the record's id, verdict, rule
//!   ids and timing. Never the text of a post: drafts are confidential.
//!
//! The API itself is in [`api`]; README "Service" documents it with curl examples.

mod api;
mod metrics;
mod page;
mod pool;
mod reload;

use super::args::ServeArgs;
use super::error::msg;
use super::{find_guideline, load_found, resolve_locale, write_stderr, Error};
use api::{App, Loaded};
use arc_swap::ArcSwap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The largest request body accepted by default (a single post or a whole batch).
pub const MAX_BODY: usize = 1 << 20;

/// Runs `postlint serve` until SIGTERM or Ctrl-C.
pub fn run(args: ServeArgs) -> Result<ExitCode, Error> {
    // The guideline is loaded and compiled before binding, so a bad one exits 2 at once (the
    // same message as `check`) instead of answering every request with an error.
    let cwd = super::current_dir()?;
    let found = find_guideline(&args.guideline, &cwd);
    let guideline = load_found(&args.guideline, &found)?;
    let locale = resolve_locale(args.guideline.locale, &guideline);
    let files = reload::watched_files(&guideline);
    let loaded = Loaded::new(guideline, locale)?;
    let token = match &args.token_file {
        Some(path) => Some(read_token(path)?),
        None => None,
    };
    let workers = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get),
        usize::from,
    );
    // Deep enough that a burst of 64 clients per worker waits (a few ms each) rather than
    // being refused; bounded, so a flood is refused fast instead of queued without end.
    let queue = args.queue.map_or(workers * 64, usize::from);
    let app = Arc::new(App {
        loaded: ArcSwap::from_pointee(loaded),
        pool: pool::Pool::new(workers, queue),
        metrics: metrics::Metrics::new(),
        token,
        ready: AtomicBool::new(true),
        max_body: args.max_body_bytes.map_or(MAX_BODY, |n| n as usize),
        body_timeout: Duration::from_secs(u64::from(args.request_timeout)),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        // Two async threads serve any number of connections; the CPU work is the pool's.
        .worker_threads(2)
        .max_blocking_threads(workers + 4)
        .thread_name("postlint-serve")
        .enable_all()
        .build()
        .map_err(|e| Error::new(msg!("error.serve.worker", reason = e.to_string())))?;
    let grace = Duration::from_secs(u64::from(args.shutdown_timeout));
    runtime.block_on(serve(args, app, locale, files, grace))
}

/// Binds, serves, and handles signals.
async fn serve(
    args: ServeArgs,
    app: Arc<App>,
    locale: postlint::Locale,
    files: Vec<PathBuf>,
    grace: Duration,
) -> Result<ExitCode, Error> {
    let router = api::router(Arc::clone(&app))
        .layer(tower_http::compression::CompressionLayer::new().gzip(true));
    let router = match cors(&args.cors_origin)? {
        Some(layer) => router.layer(layer),
        None => router,
    };
    tokio::spawn(reload::watch(
        Arc::clone(&app),
        args.guideline.clone(),
        locale,
        files,
    ));
    let shutdown = shutdown_signal(Arc::clone(&app), grace);
    let listen = args.addr.as_str();
    let unix = listen
        .strip_prefix("unix:")
        .or_else(|| listen.starts_with('/').then_some(listen));
    let served = if let Some(path) = unix {
        let listener = bind_unix(path)?;
        write_stderr(&format!("postlint: listening on unix:{path}\n"));
        axum::serve(listener, router)
            .with_graceful_shutdown(shutdown)
            .await
    } else {
        let listener = tokio::net::TcpListener::bind(listen).await.map_err(|e| {
            Error::new(msg!(
                "error.serve.listen",
                addr = listen.to_string(),
                reason = e.to_string()
            ))
            .with_help(msg!("error.serve.listen.help"))
        })?;
        let local = listener
            .local_addr()
            .map_err(|e| Error::new(msg!("error.serve.address", reason = e.to_string())))?;
        // Tests and scripts using `--listen …:0` read the port from this line.
        write_stderr(&format!("postlint: listening on http://{local}\n"));
        axum::serve(listener, router)
            .with_graceful_shutdown(shutdown)
            .await
    };
    served.map_err(|e| Error::new(msg!("error.serve.worker", reason = e.to_string())))?;
    write_stderr("postlint: stopped\n");
    Ok(ExitCode::SUCCESS)
}

/// A Unix socket at `path`. A socket file left by a previous run is replaced; any other file
/// is not touched.
fn bind_unix(path: &str) -> Result<tokio::net::UnixListener, Error> {
    use std::os::unix::fs::FileTypeExt;
    let listen_error = |e: std::io::Error| {
        Error::new(msg!(
            "error.serve.listen",
            addr = format!("unix:{path}"),
            reason = e.to_string()
        ))
        .with_help(msg!("error.serve.listen.help"))
    };
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if meta.file_type().is_socket() {
            std::fs::remove_file(path).map_err(listen_error)?;
        }
    }
    tokio::net::UnixListener::bind(path).map_err(listen_error)
}

/// CORS for the configured origins only (none: no CORS headers, same-origin pages only).
fn cors(origins: &[String]) -> Result<Option<tower_http::cors::CorsLayer>, Error> {
    use axum::http::{header, HeaderValue, Method};
    use tower_http::cors::{AllowOrigin, CorsLayer};
    if origins.is_empty() {
        return Ok(None);
    }
    let list = origins
        .iter()
        .map(|o| {
            HeaderValue::from_str(o.trim_end_matches('/'))
                .map_err(|_| Error::new(msg!("error.serve.cors", origin = o.as_str())))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(list))
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION])
            .max_age(Duration::from_secs(600)),
    ))
}

/// The bearer token: the file's first line, trimmed; an empty one is an error (it would let
/// everybody in while looking locked).
fn read_token(path: &std::path::Path) -> Result<Vec<u8>, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
    let token = text.lines().next().unwrap_or("").trim();
    if token.is_empty() {
        return Err(Error::new(msg!(
            "error.serve.token-empty",
            path = path.display().to_string()
        ))
        .with_path(path));
    }
    Ok(token.as_bytes().to_vec())
}

/// Resolves on SIGTERM or Ctrl-C, after turning `/readyz` to 503. If requests in flight
/// take longer than `grace` after that, the process exits anyway.
async fn shutdown_signal(app: Arc<App>, grace: Duration) {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    app.ready.store(false, Ordering::Relaxed);
    write_stderr("postlint: shutting down: finishing the requests in flight\n");
    tokio::spawn(async move {
        tokio::time::sleep(grace).await;
        write_stderr("postlint: requests still running after the shutdown timeout; exiting\n");
        std::process::exit(0);
    });
}

/// One log line for a request. `outcome` is what a check may log: never the text.
fn log_request(what: &str, status: u16, outcome: Option<&api::Outcome>) {
    let fields = outcome.map(api::Outcome::log_fields).unwrap_or_default();
    write_stderr(&format!("postlint: {what} {status} {fields}\n"));
}
