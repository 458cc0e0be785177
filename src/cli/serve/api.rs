//! The HTTP API: routes, request validation, and the JSON errors `{error, detail, field?}`.
//!
//! A request is validated on the async thread (cheap: JSON, platform, language, date) and
//! checked on the CPU pool ([`super::pool`]). Errors: 400 malformed JSON or record, 401 no or
//! wrong bearer token, 404 unknown path, 405 wrong method, 408 a body too slow to arrive, 413
//! a body over the limit, 415 a body that is not JSON, 422 an unknown platform, language,
//! locale or date, 503 a full pool (with `Retry-After`) or a service shutting down.

use super::metrics::{self, Metrics};
use super::pool::{Panicked, Pool, Slot};
use crate::cli::record::{Invalid, Record};
use arc_swap::ArcSwap;
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use postlint::render::{self, Format, Item, Origin, RenderOptions};
use postlint::{Guideline, Lang, Linter, Locale, Moment, Options, Platform, Post, Report, Waiver};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The records of a batch checked by one job: small enough that a batch shares the pool
/// fairly with single checks, large enough that a job is not all overhead.
const BATCH_CHUNK: usize = 32;

/// What the service holds: the guideline in force (swapped whole on reload), the pool, the
/// metrics and the settings.
pub struct App {
    /// The guideline in force and its linters.
    pub loaded: ArcSwap<Loaded>,
    /// Where checks run.
    pub pool: Pool,
    /// What `/metrics` shows.
    pub metrics: Metrics,
    /// The bearer token, when one is required.
    pub token: Option<Vec<u8>>,
    /// False once shutdown has begun: `/readyz` answers 503 so a balancer stops sending.
    pub ready: AtomicBool,
    /// The largest body accepted.
    pub max_body: usize,
    /// How long a client may take to send its body.
    pub body_timeout: Duration,
}

/// A guideline compiled for the service: the linter in its own locale, and linters for the
/// other locales requests ask for, built on first use.
pub struct Loaded {
    guideline: Guideline,
    linter: Arc<Linter>,
    others: Mutex<HashMap<Locale, Arc<Linter>>>,
    rules: Bytes,
}

impl Loaded {
    /// Compiles `guideline` with messages in `locale`.
    pub fn new(guideline: Guideline, locale: Locale) -> Result<Loaded, postlint::Error> {
        let linter = Linter::with_options(guideline.clone(), Options::new().locale(locale))?;
        let rules = format!("{}\n", crate::cli::rules::rule_list_json(&linter));
        Ok(Loaded {
            guideline,
            linter: Arc::new(linter),
            others: Mutex::new(HashMap::new()),
            rules: Bytes::from(rules),
        })
    }

    /// The linter in force (its locale is the service's).
    pub fn linter(&self) -> &Linter {
        &self.linter
    }

    /// The linter for a request's `locale`. Building one takes as long as a cold start, so it
    /// runs on the pool, and once per locale.
    pub(super) fn linter_for(
        &self,
        locale: Option<Locale>,
    ) -> Result<Arc<Linter>, postlint::Error> {
        let Some(locale) = locale.filter(|&l| l != self.linter.locale()) else {
            return Ok(Arc::clone(&self.linter));
        };
        let mut others = self.others.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(l) = others.get(&locale) {
            return Ok(Arc::clone(l));
        }
        let linter = Arc::new(Linter::with_options(
            self.guideline.clone(),
            Options::new().locale(locale),
        )?);
        others.insert(locale, Arc::clone(&linter));
        Ok(linter)
    }
}

/// An answer that is not a report.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    error: &'static str,
    detail: String,
    field: Option<String>,
    retry_after: Option<u32>,
}

impl ApiError {
    fn new(status: StatusCode, error: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError {
            status,
            error,
            detail: detail.into(),
            field: None,
            retry_after: None,
        }
    }

    fn field(mut self, field: impl Into<String>) -> ApiError {
        self.field = Some(field.into());
        self
    }

    fn busy() -> ApiError {
        ApiError {
            retry_after: Some(1),
            ..ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                "every check worker is busy and the queue is full; retry shortly",
            )
        }
    }

    fn panicked() -> ApiError {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the check failed inside postlint; this is a bug, please report it",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({"error": self.error, "detail": self.detail});
        if let Some(field) = self.field {
            body["field"] = Value::String(field);
        }
        let mut response = (self.status, json_body(&body)).into_response();
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

/// A JSON value as a response body with its content type and a final newline.
fn json_body(v: &Value) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        format!("{v}\n"),
    )
}

/// The router: versioned paths, the unversioned ones of earlier releases as aliases.
pub fn router(app: Arc<App>) -> Router {
    let protected = Router::new()
        .route("/v1/check", post(check))
        .route("/check", post(check))
        .route("/v1/check/batch", post(check_batch))
        .route("/check/batch", post(check_batch))
        .route("/v1/rules", get(rules))
        .route("/rules", get(rules))
        .route("/v1/rules/{id}", get(rule))
        .route("/metrics", get(metrics))
        .route_layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            authorize,
        ));
    // Probes answer without a token: a load balancer has none.
    Router::new()
        .merge(protected)
        .merge(super::page::routes())
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .fallback(not_found)
        .method_not_allowed_fallback(not_allowed)
        .with_state(app)
}

/// The bearer token check, in constant time (a timing difference must not reveal how much
/// of a guessed token was right).
async fn authorize(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let Some(token) = &app.token else {
        return next.run(request).await;
    };
    // Bytes, not `to_str`: a token is compared as written, whatever its characters.
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .map(HeaderValue::as_bytes)
        .and_then(|v| {
            v.strip_prefix(b"Bearer ".as_slice())
                .or_else(|| v.strip_prefix(b"bearer ".as_slice()))
        })
        .map(<[u8]>::trim_ascii);
    let ok = given.is_some_and(|g| {
        use subtle::ConstantTimeEq;
        g.len() == token.len() && bool::from(g.ct_eq(token))
    });
    if ok {
        return next.run(request).await;
    }
    let mut response = ApiError::new(
        StatusCode::UNAUTHORIZED,
        "unauthorized",
        "send the service's token as `Authorization: Bearer <token>`",
    )
    .into_response();
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer realm=\"postlint\""),
    );
    response
}

async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        format!(
            "no such endpoint: {} (try POST /v1/check, POST /v1/check/batch, GET /v1/rules, GET /healthz)",
            uri.path()
        ),
    )
}

async fn not_allowed(method: Method, uri: axum::http::Uri) -> Response {
    let allow = match uri.path() {
        "/v1/check" | "/check" | "/v1/check/batch" | "/check/batch" => "POST",
        _ => "GET",
    };
    let mut response = ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{method} {} is not supported; use {allow}", uri.path()),
    )
    .into_response();
    response
        .headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static(allow));
    response
}

async fn healthz() -> impl IntoResponse {
    json_body(&json!({"status": "ok", "version": env!("CARGO_PKG_VERSION")}))
}

async fn readyz(State(app): State<Arc<App>>) -> Response {
    if app.ready.load(Ordering::Relaxed) {
        json_body(&json!({"status": "ready"})).into_response()
    } else {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "shutting_down",
            "the service is shutting down",
        )
        .into_response()
    }
}

async fn metrics(State(app): State<Arc<App>>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, metrics::CONTENT_TYPE)],
        app.metrics.render(app.pool.depth()),
    )
}

async fn rules(State(app): State<Arc<App>>) -> impl IntoResponse {
    let rules = app.loaded.load().rules.clone();
    ([(header::CONTENT_TYPE, "application/json")], rules)
}

/// `?locale=da` on `GET /v1/rules/{id}`.
#[derive(Debug, serde::Deserialize)]
struct RuleQuery {
    locale: Option<String>,
}

/// `GET /v1/rules/{id}`: what `postlint explain` says, as JSON, in the service's locale or
/// the one asked for.
async fn rule(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    Query(query): Query<RuleQuery>,
) -> Response {
    let loaded = app.loaded.load_full();
    let locale = match known(
        query.locale.as_deref(),
        Locale::parse,
        ("locale", "unknown_locale"),
        |code| format!("`{code}` is not a language code such as da or en"),
    ) {
        Ok(l) => l,
        Err(e) => return e.into_response(),
    };
    // Another locale's linter is built once, off the async threads.
    let built = tokio::task::spawn_blocking(move || loaded.linter_for(locale)).await;
    let linter = match built {
        Ok(Ok(l)) => l,
        Ok(Err(e)) => {
            return ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "unknown_locale",
                e.message(),
            )
            .field("locale")
            .into_response()
        }
        Err(_) => return ApiError::panicked().into_response(),
    };
    let Some(r) = linter.rule(&id) else {
        return ApiError::new(
            StatusCode::NOT_FOUND,
            "unknown_rule",
            format!("no rule `{id}` (GET /v1/rules lists them)"),
        )
        .field("id")
        .into_response();
    };
    let body = json!({
        "id": r.id,
        "severity": r.severity,
        "enabled": r.enabled,
        "route": r.route,
        "origin": r.origin,
        "summary": r.summary,
        "explanation": r.explanation,
        "help_url": r.help_url,
        "options": r.options.iter().map(|o| json!({
            "name": o.name, "value": o.value, "doc": o.doc,
        })).collect::<Vec<_>>(),
        "examples": r.examples.iter().map(|e| json!({
            "text": e.text, "fires": e.bad,
        })).collect::<Vec<_>>(),
    });
    json_body(&body).into_response()
}

/// A record, validated: ready to become a [`Post`].
#[derive(Debug)]
struct Checked {
    source: String,
    text: String,
    platforms: Vec<Platform>,
    language: Option<Lang>,
    date: Option<Moment>,
    locale: Option<Locale>,
    waivers: Vec<Waiver>,
}

/// A checked post as the service answers it: its JSON line, and what the log and the
/// metrics keep (never the text).
pub struct Outcome {
    line: String,
    source: String,
    verdict: &'static str,
    rules: Vec<String>,
    seconds: f64,
}

/// `POST /v1/check`: one record → the `posts[]` object of the JSON report.
async fn check(State(app): State<Arc<App>>, headers: HeaderMap, body: Body) -> Response {
    let result = async {
        if !is_json(&headers) {
            return Err(unsupported_media("application/json"));
        }
        let bytes = read_body(&app, &headers, body).await?;
        let loaded = app.loaded.load_full();
        let checked = record(&loaded, &bytes, "-")?;
        let slot = app.pool.try_slot().map_err(|_| ApiError::busy())?;
        let mut outcomes = run_checks(&app, slot, loaded, vec![checked]).await?;
        outcomes.pop().ok_or_else(ApiError::panicked)
    }
    .await;
    match result {
        Ok(o) => {
            app.metrics.answered("check", 200);
            super::log_request("POST /v1/check", 200, Some(&o));
            ([(header::CONTENT_TYPE, "application/json")], o.line).into_response()
        }
        Err(e) => {
            app.metrics.answered("check", e.status.as_u16());
            super::log_request("POST /v1/check", e.status.as_u16(), None);
            e.into_response()
        }
    }
}

/// `POST /v1/check/batch`: a JSON array of records, or JSON Lines → JSON Lines, one
/// `posts[]` object per record, in order, streamed as each part is checked. Every record is
/// validated before any is checked, so a bad one fails the batch fast and whole, naming it.
async fn check_batch(State(app): State<Arc<App>>, headers: HeaderMap, body: Body) -> Response {
    let result = async {
        let kind = batch_kind(&headers)?;
        let bytes = read_body(&app, &headers, body).await?;
        let loaded = app.loaded.load_full();
        let records = batch_records(&loaded, &bytes, kind)?;
        let slot = app.pool.try_slot().map_err(|_| ApiError::busy())?;
        Ok::<_, ApiError>((slot, loaded, records))
    }
    .await;
    let (first_slot, loaded, records) = match result {
        Ok(parts) => parts,
        Err(e) => {
            app.metrics.answered("check_batch", e.status.as_u16());
            super::log_request("POST /v1/check/batch", e.status.as_u16(), None);
            return e.into_response();
        }
    };
    app.metrics.answered("check_batch", 200);
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(2);
    let task_app = Arc::clone(&app);
    tokio::spawn(async move {
        let mut slot = Some(first_slot);
        let mut records = records.into_iter().peekable();
        while records.peek().is_some() {
            let chunk: Vec<Checked> = records.by_ref().take(BATCH_CHUNK).collect();
            let s = match slot.take() {
                Some(s) => s,
                None => task_app.pool.slot().await,
            };
            let lines = match run_checks(&task_app, s, Arc::clone(&loaded), chunk).await {
                Ok(outcomes) => outcomes,
                Err(_) => break,
            };
            let mut out = String::new();
            for o in &lines {
                super::log_request("POST /v1/check/batch", 200, Some(o));
                out.push_str(&o.line);
            }
            // The client has gone: stop checking for nobody.
            if tx.send(Ok(Bytes::from(out))).await.is_err() {
                break;
            }
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    });
    (
        [(header::CONTENT_TYPE, "application/x-ndjson")],
        Body::from_stream(stream),
    )
        .into_response()
}

/// Checks `records` on the pool, in order, counting them in the metrics.
async fn run_checks(
    app: &App,
    slot: Slot,
    loaded: Arc<Loaded>,
    records: Vec<Checked>,
) -> Result<Vec<Outcome>, ApiError> {
    let outcomes = app
        .pool
        .run(slot, move || {
            records
                .iter()
                .map(|c| check_one(&loaded, c))
                .collect::<Result<Vec<_>, _>>()
        })
        .await
        .map_err(|Panicked| ApiError::panicked())?
        .map_err(|e| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "unknown_locale",
                e.message(),
            )
            .field("locale")
        })?;
    for o in &outcomes {
        app.metrics
            .checked(o.verdict, o.rules.iter().map(String::as_str), o.seconds);
    }
    Ok(outcomes)
}

/// Checks one record (on a pool thread).
fn check_one(loaded: &Loaded, c: &Checked) -> Result<Outcome, postlint::Error> {
    let started = Instant::now();
    let linter = loaded.linter_for(c.locale)?;
    let report = linter.check(&post_of(c));
    let item = Item {
        source: &c.source,
        text: &c.text,
        report: &report,
        origin: Origin::Record,
    };
    let line = render::render(Format::Jsonl, &[item], &RenderOptions::new(&linter));
    Ok(Outcome {
        line,
        source: c.source.clone(),
        verdict: verdict_name(&report),
        rules: report.findings.iter().map(|f| f.rule.clone()).collect(),
        seconds: started.elapsed().as_secs_f64(),
    })
}

fn verdict_name(report: &Report) -> &'static str {
    match report.verdict {
        postlint::Verdict::Pass => "pass",
        postlint::Verdict::Review => "review",
        // `Block`, and whatever stricter verdict a later release adds.
        _ => "block",
    }
}

/// The media type of the body, lower-case, without parameters (`None` when not given).
fn media_type(headers: &HeaderMap) -> Option<String> {
    let v = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    Some(
        v.split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase(),
    )
}

/// JSON, or no content type at all (a hand-typed request).
fn is_json(headers: &HeaderMap) -> bool {
    media_type(headers).is_none_or(|m| m == "application/json" || m.ends_with("+json"))
}

/// How a batch body is framed.
#[derive(Debug, Clone, Copy)]
enum BatchKind {
    /// `application/json`: an array (or, for clients of earlier releases, lines).
    Json,
    /// JSON Lines.
    Lines,
}

const LINES_TYPES: [&str; 5] = [
    "application/x-ndjson",
    "application/ndjson",
    "application/jsonl",
    "application/x-jsonlines",
    "application/jsonlines",
];

fn batch_kind(headers: &HeaderMap) -> Result<BatchKind, ApiError> {
    match media_type(headers) {
        None => Ok(BatchKind::Json),
        Some(m) if LINES_TYPES.contains(&m.as_str()) => Ok(BatchKind::Lines),
        Some(_) if is_json(headers) => Ok(BatchKind::Json),
        Some(_) => Err(unsupported_media(
            "application/json (an array) or application/x-ndjson (JSON Lines)",
        )),
    }
}

fn unsupported_media(expected: &str) -> ApiError {
    ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
        format!("send the body as {expected}, e.g. curl -H 'Content-Type: application/json'"),
    )
    .field("Content-Type")
}

/// Reads the whole body, chunked or not, through the size limit and the time limit.
async fn read_body(app: &App, headers: &HeaderMap, body: Body) -> Result<Bytes, ApiError> {
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!(
                "the body is over the limit of {}",
                crate::cli::input::human_bytes(app.max_body as u64)
            ),
        )
    };
    // A declared length over the limit is refused before a byte of the body is read.
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > app.max_body as u64) {
        return Err(too_large());
    }
    let collect = Limited::new(body, app.max_body).collect();
    match tokio::time::timeout(app.body_timeout, collect).await {
        Err(_) => Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            format!(
                "the body did not arrive within {} s",
                app.body_timeout.as_secs()
            ),
        )),
        Ok(Err(e)) if e.downcast_ref::<LengthLimitError>().is_some() => Err(too_large()),
        Ok(Err(_)) => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_body",
            "the body could not be read (it ended early or was malformed)",
        )),
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
    }
}

/// The records of a batch, each validated; an error names the record (`line 3`, `[2]`).
fn batch_records(loaded: &Loaded, bytes: &[u8], kind: BatchKind) -> Result<Vec<Checked>, ApiError> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if matches!(kind, BatchKind::Json) && first == Some(&b'[') {
        let values: Vec<Box<serde_json::value::RawValue>> = serde_json::from_slice(bytes)
            .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "malformed_json", e.to_string()))?;
        return values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                record(loaded, v.get().as_bytes(), &format!("<batch>[{i}]"))
                    .map_err(|e| in_record(e, &format!("record [{i}]"), &format!("[{i}]")))
            })
            .collect();
    }
    let mut out = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let n = i + 1;
        let checked = record(loaded, line, &format!("<batch>:{n}"))
            .map_err(|e| in_record(e, &format!("line {n}"), &format!("line {n}")))?;
        out.push(checked);
    }
    Ok(out)
}

/// An error of one record of a batch, saying which.
fn in_record(e: ApiError, name: &str, at: &str) -> ApiError {
    let field = match &e.field {
        Some(f) => format!("{at}.{f}"),
        None => at.to_string(),
    };
    ApiError {
        detail: format!("{name}: {}", e.detail),
        field: Some(field),
        ..e
    }
}

/// Parses and validates one record: 400 for JSON that is not a record, 422 for values that
/// are not known (platform, language, date, locale).
fn record(loaded: &Loaded, bytes: &[u8], default_id: &str) -> Result<Checked, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut record: Record = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let (code, what) = if inner.is_data() {
            ("invalid_record", "invalid record")
        } else {
            ("malformed_json", "invalid JSON")
        };
        let err = ApiError::new(StatusCode::BAD_REQUEST, code, format!("{what}: {inner}"));
        if path.is_empty() || path == "." {
            err
        } else {
            err.field(path)
        }
    })?;
    // Nothing but white space may follow the record.
    de.end().map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            format!("invalid JSON: {e}"),
        )
    })?;
    let source = record.source(default_id).map_err(invalid)?;
    let waivers = record.waivers().map_err(invalid)?;
    if let Some(i) = waivers.iter().position(|w| !loaded.linter().knows(&w.rule)) {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_rule",
            format!("the waiver names an unknown rule `{}`", waivers[i].rule),
        )
        .field(format!("waive[{i}].rule")));
    }
    let language = known(
        record.language.as_deref(),
        Lang::parse,
        ("language", "unknown_language"),
        |code| format!("unsupported language `{code}` (da, en)"),
    )?;
    let date = known(
        record.date.as_deref(),
        Moment::parse,
        ("date", "bad_date"),
        |s| {
            format!("`date` must be a date (2027-01-15) or a date-time (2027-01-15T08:00:00+01:00), not `{s}`")
        },
    )?;
    let locale = known(
        record.locale.as_deref(),
        Locale::parse,
        ("locale", "unknown_locale"),
        |code| format!("`{code}` is not a language code such as da or en"),
    )?;
    let field = if record.platforms.is_some() {
        "platforms"
    } else {
        "platform"
    };
    let names = record.platform_names();
    let mut platforms = Vec::with_capacity(names.len());
    for name in &names {
        let platform = Platform::new(name);
        if let Err(e) = loaded.linter().check_platform(platform.name(), None) {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "unknown_platform",
                format!("{} ({})", e.message(), e.help_text().unwrap_or_default()),
            )
            .field(field));
        }
        platforms.push(platform);
    }
    Ok(Checked {
        source,
        text: record.text,
        platforms,
        language,
        date,
        locale,
        waivers,
    })
}

/// A record's bad `id` or `waive` as a 400 or 422 naming the field.
fn invalid(e: Invalid) -> ApiError {
    match e {
        Invalid::Id(other) => ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_record",
            format!("invalid record: `id` must be a string or a number, not {other}"),
        )
        .field("id"),
        Invalid::Reason(i) => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "missing_reason",
            "a waiver needs a reason, so anyone can later tell why the post passed".to_string(),
        )
        .field(format!("waive[{i}].reason")),
    }
}

/// An optional field's value parsed, or 422 naming the field (`unknown_language`,
/// `unknown_locale`, `bad_date`).
fn known<T>(
    value: Option<&str>,
    parse: impl Fn(&str) -> Option<T>,
    (field, error): (&'static str, &'static str),
    detail: impl Fn(&str) -> String,
) -> Result<Option<T>, ApiError> {
    value
        .map(|v| {
            parse(v).ok_or_else(|| {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, error, detail(v)).field(field)
            })
        })
        .transpose()
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
    for w in &c.waivers {
        post = post.waive(w.clone());
    }
    post
}

impl Outcome {
    /// The record's id, the verdict and the rules: all the log may say about a post.
    pub fn log_fields(&self) -> String {
        let mut id: String = self.source.chars().take(80).collect();
        id.retain(|c| !c.is_control());
        format!(
            "id={id:?} verdict={} findings={} rules={} {:.1} ms",
            self.verdict,
            self.rules.len(),
            {
                let mut r = self.rules.clone();
                r.dedup();
                r.join(",")
            },
            self.seconds * 1000.0
        )
    }
}
