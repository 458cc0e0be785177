//! `postlint serve`: the linter as a small HTTP/1.1 service for the comms approval workflow.
//!
//! Endpoints:
//!
//! - `POST /check` — one JSON record `{"id"?, "text", "platform"?, "platforms"?, "language"?,
//!   "date"?}` → the `posts[]` object of the JSON report (exactly a `--format jsonl` line).
//! - `POST /check/batch` — JSON Lines of such records → `application/x-ndjson`, one `posts[]`
//!   object per line, in order.
//! - `GET /rules` — every rule: id, severity, enabled, route, origin, summary (in the locale).
//! - `GET /healthz` — `{"status":"ok","version":…}`.
//!
//! Every error is a JSON object `{"error": "…"}` with a fitting status: 400 malformed request
//! or JSON, 404 unknown path, 405 wrong method, 408 too slow, 411 no `Content-Length` (chunked
//! bodies are not supported), 413 body over [`MAX_BODY`], 422 unknown platform, language or
//! date, 431 head over [`MAX_HEAD`].
//!
//! The design is deliberately plain std::net: the guideline is compiled once into a [`Linter`]
//! shared (behind an [`Arc`]) by a fixed pool of worker threads, each of which accepts a
//! connection from the shared listener and serves it to the end. The pool bounds the threads
//! and the memory (one request of at most [`MAX_BODY`] per worker) however many clients
//! connect; clients beyond the pool wait in the listen backlog. Timeouts bound how long one
//! client can hold a worker: [`REQUEST_TIMEOUT`] for a whole request (head and body, not per
//! read, so a byte every few seconds does not keep it alive) and [`IDLE_TIMEOUT`] between
//! keep-alive requests.

use super::args::ServeArgs;
use super::error::msg;
use super::Error;
use super::{load_guideline, resolve_locale, write_stderr};
use postlint::render::{self, Format, Item, Origin, RenderOptions};
use postlint::{Lang, Linter, Moment, Options, Platform, Post, Report};
use serde::Deserialize;
use serde_json::{json, Value};
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::process::ExitCode;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

/// The largest request body accepted (a single post or a whole batch); larger → 413.
pub const MAX_BODY: usize = 1 << 20;
/// The largest request line plus headers accepted; larger → 431.
pub const MAX_HEAD: usize = 16 * 1024;
/// How long a client may take to send one whole request, and to read its response.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a kept-alive connection may sit idle before the next request. Short, because an
/// idle connection holds a worker of the fixed pool.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(2);
/// Requests served on one connection before it is closed, so one client cannot keep a worker
/// for ever by sending requests back to back.
const MAX_REQUESTS_PER_CONNECTION: usize = 1000;
/// After an error that ends a connection, how long (and how many bytes) to keep reading what
/// the client is still sending — see [`Conn::linger_close`].
const LINGER: Duration = Duration::from_secs(1);
const LINGER_BYTES: usize = 4 * MAX_BODY;

/// Runs `postlint serve` until the process is stopped.
pub fn run(args: ServeArgs) -> Result<ExitCode, Error> {
    // The guideline is loaded and compiled before binding, so a bad one exits 2 at once (the
    // same message as `check`) instead of answering every request with an error.
    let guideline = load_guideline(&args.guideline)?;
    let locale = resolve_locale(args.guideline.locale, &guideline);
    let options = Options::new().locale(locale);
    let service = Arc::new(Service::new(Linter::with_options(guideline, options)?));

    let listener = TcpListener::bind(&args.addr).map_err(|e| {
        Error::new(msg!(
            "error.serve.listen",
            addr = args.addr.to_string(),
            reason = e.to_string()
        ))
        .with_help(msg!("error.serve.listen.help"))
    })?;
    let local = listener
        .local_addr()
        .map_err(|e| Error::new(msg!("error.serve.address", reason = e.to_string())))?;
    let threads = args.threads.map_or_else(
        || thread::available_parallelism().map_or(4, std::num::NonZeroUsize::get),
        usize::from,
    );

    let listener = Arc::new(listener);
    let mut workers = Vec::with_capacity(threads);
    for i in 0..threads {
        let (listener, service) = (Arc::clone(&listener), Arc::clone(&service));
        let worker = thread::Builder::new()
            .name(format!("postlint-serve-{i}"))
            .spawn(move || accept_loop(&listener, &service))
            .map_err(|e| Error::new(msg!("error.serve.worker", reason = e.to_string())))?;
        workers.push(worker);
    }
    // Printed once the workers run; tests (and scripts using `--addr …:0`) read the port here.
    write_stderr(&format!("postlint: listening on http://{local}\n"));
    for worker in workers {
        let _ = worker.join();
    }
    Ok(ExitCode::SUCCESS)
}

/// One worker: accept a connection, serve it to the end, repeat. All workers accept from the
/// same listener, so the kernel hands each new connection to an idle worker.
fn accept_loop(listener: &TcpListener, service: &Service) {
    loop {
        match listener.accept() {
            Ok((stream, _)) => serve_connection(stream, service),
            // Out of file descriptors, or a connection aborted before it was accepted: back
            // off briefly rather than spin on an error that will repeat at once.
            Err(_) => thread::sleep(Duration::from_millis(20)),
        }
    }
}

/// Serves the requests of one connection until it closes, idles out or breaks.
fn serve_connection(stream: TcpStream, service: &Service) {
    // Responses are written in one piece, so Nagle's algorithm would only add latency.
    let _ = stream.set_nodelay(true);
    let mut conn = Conn {
        stream,
        buf: Vec::new(),
    };
    for served in 0..MAX_REQUESTS_PER_CONNECTION {
        // The first request gets the full timeout (the client has just connected to send it);
        // later ones only the idle timeout.
        let idle = if served == 0 {
            REQUEST_TIMEOUT
        } else {
            IDLE_TIMEOUT
        };
        let request = match conn.read_request(idle) {
            Ok(Some(request)) => request,
            Ok(None) => return,
            Err(failure) => {
                // The request could not be framed, so nothing after it can be trusted either.
                let _ = conn.write_response(&failure.into_response(), false);
                conn.linger_close();
                return;
            }
        };
        let keep_alive = request.keep_alive && served + 1 < MAX_REQUESTS_PER_CONNECTION;
        let response = service.handle(&request);
        if conn.write_response(&response, keep_alive).is_err() || !keep_alive {
            let _ = conn.stream.shutdown(Shutdown::Write);
            return;
        }
    }
}

/// A request, framed: the method, the path (without query) and the body.
#[derive(Debug)]
struct Request {
    method: String,
    path: String,
    body: Vec<u8>,
    keep_alive: bool,
}

/// A response: status, content type, body and, for 405, the allowed methods.
#[derive(Debug)]
struct Response {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    allow: Option<&'static str>,
}

impl Response {
    fn json(status: u16, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            content_type: "application/json",
            body: body.into(),
            allow: None,
        }
    }
}

/// A request that fails: its status and the message for the JSON error body.
#[derive(Debug)]
struct Failure {
    status: u16,
    message: String,
    allow: Option<&'static str>,
}

impl Failure {
    fn new(status: u16, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
            allow: None,
        }
    }

    fn into_response(self) -> Response {
        let mut body = json!({ "error": self.message }).to_string();
        body.push('\n');
        Response {
            allow: self.allow,
            ..Response::json(self.status, body)
        }
    }
}

/// The reason phrase of the statuses this server sends.
fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        417 => "Expectation Failed",
        422 => "Unprocessable Content",
        431 => "Request Header Fields Too Large",
        505 => "HTTP Version Not Supported",
        _ => "Internal Server Error",
    }
}

/// One connection: the socket and the bytes read but not yet used (a pipelined next request).
struct Conn {
    stream: TcpStream,
    buf: Vec<u8>,
}

/// Whether an I/O error is a read or write timeout (Unix reports `WouldBlock`).
fn timed_out(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

impl Conn {
    /// Reads more bytes into the buffer, waiting until `deadline` at most. `Ok(0)` at the end
    /// of the stream.
    fn fill(&mut self, deadline: Instant) -> io::Result<usize> {
        let mut chunk = [0u8; 16 * 1024];
        loop {
            let remaining = deadline.saturating_duration_since(Instant::now());
            // A zero timeout means "block for ever" to the OS, so it is checked here.
            if remaining.is_zero() {
                return Err(io::ErrorKind::TimedOut.into());
            }
            self.stream.set_read_timeout(Some(remaining))?;
            match self.stream.read(&mut chunk) {
                Ok(n) => {
                    self.buf.extend_from_slice(&chunk[..n]);
                    return Ok(n);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// Reads and frames the next request. `Ok(None)`: the connection closed or stayed idle
    /// for `idle` before a request began, or broke (there is nobody left to answer). `Err`: a
    /// request that cannot be served; answer it and close.
    fn read_request(&mut self, idle: Duration) -> Result<Option<Request>, Failure> {
        skip_blank_lines(&mut self.buf);
        if self.buf.is_empty() && !matches!(self.fill(Instant::now() + idle), Ok(1..)) {
            return Ok(None);
        }
        // From the first byte on, the whole request must arrive within one timeout.
        let deadline = Instant::now() + REQUEST_TIMEOUT;
        let head_len = loop {
            skip_blank_lines(&mut self.buf);
            if let Some(n) = head_end(&self.buf) {
                break n;
            }
            if self.buf.len() > MAX_HEAD {
                break MAX_HEAD + 1;
            }
            match self.fill(deadline) {
                Ok(0) if self.buf.is_empty() => return Ok(None),
                Ok(0) => return Err(Failure::new(400, "the request ended inside its head")),
                Ok(_) => {}
                Err(e) if timed_out(&e) => {
                    return Err(Failure::new(408, "timed out waiting for the request"))
                }
                Err(_) => return Ok(None),
            }
        };
        if head_len > MAX_HEAD {
            return Err(Failure::new(
                431,
                format!("the request line and headers exceed {MAX_HEAD} bytes"),
            ));
        }
        let head = parse_head(&self.buf[..head_len])?;
        if head.transfer_encoding {
            return Err(Failure::new(
                411,
                "Transfer-Encoding (chunked bodies) is not supported; send a Content-Length",
            ));
        }
        let length = match head.content_length {
            Some(n) => n,
            None if head.method == "POST" => {
                return Err(Failure::new(411, "a POST needs a Content-Length header"))
            }
            None => 0,
        };
        if length > MAX_BODY {
            return Err(Failure::new(
                413,
                format!("the body is {length} bytes; the limit is {MAX_BODY}"),
            ));
        }
        let end = head_len + length;
        // curl and others wait (about a second) for this before sending a large body.
        if head.expect_continue && self.buf.len() < end {
            let _ = self.write_all(b"HTTP/1.1 100 Continue\r\n\r\n", deadline);
        }
        while self.buf.len() < end {
            match self.fill(deadline) {
                Ok(0) => {
                    return Err(Failure::new(
                        400,
                        format!("the body ended before its Content-Length of {length} bytes"),
                    ))
                }
                Ok(_) => {}
                Err(e) if timed_out(&e) => {
                    return Err(Failure::new(408, "timed out waiting for the request body"))
                }
                Err(_) => return Ok(None),
            }
        }
        let body = self.buf[head_len..end].to_vec();
        self.buf.drain(..end);
        Ok(Some(Request {
            method: head.method,
            path: head.path,
            body,
            keep_alive: head.keep_alive,
        }))
    }

    /// Writes all of `bytes` by `deadline`: a per-call timeout alone would let a client that
    /// reads a byte now and then hold the worker indefinitely.
    fn write_all(&mut self, mut bytes: &[u8], deadline: Instant) -> io::Result<()> {
        while !bytes.is_empty() {
            let remaining = deadline.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                return Err(io::ErrorKind::TimedOut.into());
            }
            self.stream.set_write_timeout(Some(remaining))?;
            match self.stream.write(bytes) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(n) => bytes = &bytes[n..],
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Writes a response, head and body in one piece, always with Content-Type and
    /// Content-Length.
    fn write_response(&mut self, response: &Response, keep_alive: bool) -> io::Result<()> {
        let mut out = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: {}\r\n",
            response.status,
            reason(response.status),
            response.content_type,
            response.body.len(),
            if keep_alive { "keep-alive" } else { "close" },
        )
        .into_bytes();
        if let Some(allow) = response.allow {
            out.extend_from_slice(format!("Allow: {allow}\r\n").as_bytes());
        }
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(&response.body);
        self.write_all(&out, Instant::now() + REQUEST_TIMEOUT)
    }

    /// Closes after an error response. Closing a socket with unread input makes the kernel
    /// reset the connection, which can destroy the response before the client reads it (a
    /// client still uploading an oversized body would see "connection reset" instead of 413).
    /// So: stop writing, then read and drop what is still coming, for a bounded time.
    fn linger_close(mut self) {
        let _ = self.stream.shutdown(Shutdown::Write);
        let deadline = Instant::now() + LINGER;
        let mut drained = 0;
        while drained < LINGER_BYTES {
            self.buf.clear();
            match self.fill(deadline) {
                Ok(n @ 1..) => drained += n,
                _ => break,
            }
        }
    }
}

/// Drops the empty lines a client may send before a request (RFC 9112 §2.2 asks servers to
/// ignore at least one, e.g. a stray CRLF after a previous body).
fn skip_blank_lines(buf: &mut Vec<u8>) {
    let n = buf
        .iter()
        .take_while(|&&b| b == b'\r' || b == b'\n')
        .count();
    buf.drain(..n);
}

/// The length of the head (request line and headers, through the empty line), once it is
/// complete. Accepts bare LF line ends as well as CRLF.
fn head_end(buf: &[u8]) -> Option<usize> {
    buf.iter().enumerate().find_map(|(i, &b)| {
        if b != b'\n' {
            return None;
        }
        match buf.get(i + 1..) {
            Some([b'\n', ..]) => Some(i + 2),
            Some([b'\r', b'\n', ..]) => Some(i + 3),
            _ => None,
        }
    })
}

/// What the server needs from a request head.
#[derive(Debug, PartialEq)]
struct Head {
    method: String,
    path: String,
    content_length: Option<usize>,
    transfer_encoding: bool,
    keep_alive: bool,
    expect_continue: bool,
}

/// Parses the request line and the headers. Strict about framing (the request line, header
/// syntax, Content-Length), lenient about everything else (unknown headers are ignored).
fn parse_head(bytes: &[u8]) -> Result<Head, Failure> {
    let bad = |message: &str| Failure::new(400, message);
    let text = std::str::from_utf8(bytes).map_err(|_| bad("the request head is not UTF-8"))?;
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let request_line = lines.next().unwrap_or_default();
    let parts: Vec<&str> = request_line.split(' ').collect();
    let [method, target, version] = parts[..] else {
        return Err(bad(
            "malformed request line (expected `METHOD /path HTTP/1.1`)",
        ));
    };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(bad("malformed request line: bad method"));
    }
    let http10 = match version {
        "HTTP/1.1" => false,
        "HTTP/1.0" => true,
        v if v.starts_with("HTTP/") => {
            return Err(Failure::new(
                505,
                format!("{v} is not supported; use HTTP/1.1"),
            ))
        }
        _ => return Err(bad("malformed request line: bad HTTP version")),
    };
    if !target.starts_with('/') {
        return Err(bad("malformed request line: the target must be a path"));
    }
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let mut head = Head {
        method: method.to_string(),
        path: path.to_string(),
        content_length: None,
        transfer_encoding: false,
        keep_alive: !http10,
        expect_continue: false,
    };
    for line in lines.filter(|l| !l.is_empty()) {
        let Some((name, value)) = line.split_once(':') else {
            return Err(bad("malformed header line (expected `Name: value`)"));
        };
        // Rejects obsolete line folding and white space before the colon, which some
        // proxies read differently (request smuggling).
        if name.is_empty() || !name.bytes().all(is_token_byte) {
            return Err(bad("malformed header name"));
        }
        let value = value.trim_matches([' ', '\t']);
        if name.eq_ignore_ascii_case("content-length") {
            if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad("Content-Length must be a number"));
            }
            // More digits than any accepted length can have is simply too large.
            let n = value.parse::<usize>().unwrap_or(usize::MAX);
            if head.content_length.is_some_and(|m| m != n) {
                return Err(bad("conflicting Content-Length headers"));
            }
            head.content_length = Some(n);
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            head.transfer_encoding = true;
        } else if name.eq_ignore_ascii_case("connection") {
            for token in value.split(',').map(str::trim) {
                if token.eq_ignore_ascii_case("close") {
                    head.keep_alive = false;
                } else if token.eq_ignore_ascii_case("keep-alive") && http10 {
                    head.keep_alive = true;
                }
            }
        } else if name.eq_ignore_ascii_case("expect") {
            if !value.eq_ignore_ascii_case("100-continue") {
                return Err(Failure::new(417, format!("cannot meet `Expect: {value}`")));
            }
            head.expect_continue = !http10;
        }
    }
    Ok(head)
}

/// A byte of an HTTP token (a header name), RFC 9110 §5.6.2.
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// The application: the shared linter and the answers that never change.
struct Service {
    linter: Linter,
    rules: Vec<u8>,
    health: Vec<u8>,
}

/// A record as posted: the same fields as a line of `check --input-format jsonl`, plus `date`.
/// Unknown fields are allowed, so producers can send their own along.
#[derive(Debug, Deserialize)]
struct Record {
    id: Option<Value>,
    text: String,
    platform: Option<String>,
    platforms: Option<Vec<String>>,
    language: Option<String>,
    date: Option<String>,
}

/// A record, validated: ready to become a [`Post`].
struct Checked {
    source: String,
    text: String,
    platforms: Vec<Platform>,
    language: Option<Lang>,
    date: Option<Moment>,
}

impl Service {
    fn new(linter: Linter) -> Service {
        let rules = super::rules::rule_list_json(&linter);
        let health = json!({"status": "ok", "version": env!("CARGO_PKG_VERSION")});
        Service {
            linter,
            rules: format!("{rules}\n").into_bytes(),
            health: format!("{health}\n").into_bytes(),
        }
    }

    /// Routes a request.
    fn handle(&self, request: &Request) -> Response {
        let result = match (request.path.as_str(), request.method.as_str()) {
            ("/check", "POST") => self.check_one(&request.body),
            ("/check/batch", "POST") => self.check_batch(&request.body),
            ("/rules", "GET") => Ok(Response::json(200, self.rules.clone())),
            ("/healthz", "GET") => Ok(Response::json(200, self.health.clone())),
            ("/check" | "/check/batch", _) => Err(not_allowed(request, "POST")),
            ("/rules" | "/healthz", _) => Err(not_allowed(request, "GET")),
            (path, _) => Err(Failure::new(
                404,
                format!("no such endpoint: {path} (try POST /check, POST /check/batch, GET /rules, GET /healthz)"),
            )),
        };
        result.unwrap_or_else(Failure::into_response)
    }

    /// `POST /check`: one record → one `posts[]` object.
    fn check_one(&self, body: &[u8]) -> Result<Response, Failure> {
        let checked = self.record(body, "-")?;
        let report = self.linter.check(&post_of(&checked));
        let out = self.jsonl(&[item(&checked, &report)]);
        Ok(Response::json(200, out))
    }

    /// `POST /check/batch`: JSON Lines → one `posts[]` object per line. Every line is
    /// validated before any is checked, so a bad line fails the batch fast and whole (the
    /// workflow retries or fixes one batch, never half of one).
    fn check_batch(&self, body: &[u8]) -> Result<Response, Failure> {
        let mut records = Vec::new();
        for (i, line) in body.split(|&b| b == b'\n').enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let default_id = format!("<batch>:{}", i + 1);
            let checked = self.record(line, &default_id).map_err(|f| Failure {
                message: format!("line {}: {}", i + 1, f.message),
                ..f
            })?;
            records.push(checked);
        }
        let reports: Vec<Report> = records
            .iter()
            .map(|c| self.linter.check(&post_of(c)))
            .collect();
        let items: Vec<Item<'_>> = records
            .iter()
            .zip(&reports)
            .map(|(c, r)| item(c, r))
            .collect();
        Ok(Response {
            content_type: "application/x-ndjson",
            ..Response::json(200, self.jsonl(&items))
        })
    }

    /// Parses and validates one record: 400 for JSON that is not a record, 422 for a record
    /// whose values are not known (platform, language, date).
    fn record(&self, bytes: &[u8], default_id: &str) -> Result<Checked, Failure> {
        let record: Record = serde_json::from_slice(bytes).map_err(|e| {
            let what = if e.is_data() {
                "invalid record"
            } else {
                "invalid JSON"
            };
            Failure::new(400, format!("{what}: {e}"))
        })?;
        let source = match record.id {
            None | Some(Value::Null) => default_id.to_string(),
            Some(Value::String(s)) => s,
            Some(Value::Number(n)) => n.to_string(),
            Some(other) => {
                return Err(Failure::new(
                    400,
                    format!("invalid record: `id` must be a string or a number, not {other}"),
                ))
            }
        };
        let language = match record.language.as_deref() {
            None => None,
            Some(code) => Some(Lang::parse(code).ok_or_else(|| {
                Failure::new(422, format!("unsupported language `{code}` (da, en)"))
            })?),
        };
        let date = match record.date.as_deref() {
            None => None,
            Some(s) => Some(Moment::parse(s).ok_or_else(|| {
                Failure::new(422, format!("`date` must be a date (2027-01-15) or a date-time (2027-01-15T08:00:00+01:00), not `{s}`"))
            })?),
        };
        let mut names = record.platforms.unwrap_or_default();
        names.extend(record.platform);
        let platforms = names
            .iter()
            .map(|name| self.platform(name))
            .collect::<Result<_, _>>()?;
        Ok(Checked {
            source,
            text: record.text,
            platforms,
            language,
            date,
        })
    }

    /// A platform the linter has a profile for; else 422 naming it and the known ones.
    fn platform(&self, name: &str) -> Result<Platform, Failure> {
        let platform = Platform::new(name);
        match self.linter.check_platform(platform.name(), None) {
            Ok(()) => Ok(platform),
            Err(e) => Err(Failure::new(
                422,
                format!("{} ({})", e.message(), e.help_text().unwrap_or_default()),
            )),
        }
    }

    /// Reports as JSON Lines.
    fn jsonl(&self, items: &[Item<'_>]) -> String {
        render::render(Format::Jsonl, items, &RenderOptions::new(&self.linter))
    }
}

/// The post for a validated record. The text is taken as is, like a JSON Lines record of
/// `check` (no front matter).
fn post_of(c: &Checked) -> Post<'_> {
    let mut post = Post::new(c.text.as_str()).source(&c.source);
    if !c.platforms.is_empty() {
        post = post.platforms(c.platforms.iter().cloned());
    }
    if let Some(lang) = c.language {
        post = post.language(lang);
    }
    if let Some(date) = c.date {
        post = post.date(date);
    }
    post
}

fn item<'a>(c: &'a Checked, report: &'a Report) -> Item<'a> {
    Item {
        source: &c.source,
        text: &c.text,
        report,
        origin: Origin::Record,
    }
}

fn not_allowed(request: &Request, allow: &'static str) -> Failure {
    Failure {
        allow: Some(allow),
        ..Failure::new(
            405,
            format!(
                "{} {} is not supported; use {allow}",
                request.method, request.path
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_end_accepts_crlf_and_lf() {
        assert_eq!(head_end(b"GET / HTTP/1.1\r\n\r\nbody"), Some(18));
        assert_eq!(head_end(b"GET / HTTP/1.1\n\nbody"), Some(16));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: x\r\n"), None);
    }

    #[test]
    fn parses_a_post_head() {
        let head = parse_head(
            b"POST /check?x=1 HTTP/1.1\r\nHost: a\r\ncontent-length: 12\r\nConnection: close\r\n\r\n",
        )
        .unwrap();
        assert_eq!(head.method, "POST");
        assert_eq!(head.path, "/check");
        assert_eq!(head.content_length, Some(12));
        assert!(!head.keep_alive);
    }

    #[test]
    fn rejects_bad_framing() {
        let status = |h: &[u8]| parse_head(h).map(|_| 0).unwrap_or_else(|f| f.status);
        assert_eq!(status(b"GET /\r\n\r\n"), 400);
        assert_eq!(status(b"get / HTTP/1.1\r\n\r\n"), 400);
        assert_eq!(status(b"GET / HTTP/2.0\r\n\r\n"), 505);
        assert_eq!(status(b"GET http://a/ HTTP/1.1\r\n\r\n"), 400);
        assert_eq!(status(b"GET / HTTP/1.1\r\nno colon\r\n\r\n"), 400);
        assert_eq!(status(b"GET / HTTP/1.1\r\n folded: x\r\n\r\n"), 400);
        assert_eq!(status(b"GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"), 400);
        assert_eq!(
            status(b"GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"),
            400
        );
        assert_eq!(status(b"GET / HTTP/1.1\r\nExpect: magic\r\n\r\n"), 417);
        assert_eq!(status(b"GET / HTTP/1.1\r\nHost: \xff\r\n\r\n"), 400);
    }

    #[test]
    fn http10_closes_unless_asked() {
        let head = parse_head(b"GET / HTTP/1.0\r\n\r\n").unwrap();
        assert!(!head.keep_alive);
        let head = parse_head(b"GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").unwrap();
        assert!(head.keep_alive);
    }

    #[test]
    fn huge_content_length_is_too_large_not_malformed() {
        let head =
            parse_head(b"POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n")
                .unwrap();
        assert!(head.content_length.unwrap() > MAX_BODY);
    }
}
