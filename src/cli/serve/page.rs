//! `GET /`: one page for employees who never open a terminal. Type or paste a draft, pick
//! platforms, and it is checked as you type (`POST /v1/check`, debounced), with the findings
//! marked in the text, a length bar per platform, the verdict and the reviewers, a button for
//! each safe fix, and an explanation per rule (`GET /v1/rules/{id}`).
//!
//! Every asset is in the binary (`page/`); no CDN, no framework, nothing fetched at build
//! time. The page's words are catalogue entries (`rules/catalog/page.toml`, `page.*`) in
//! every locale the guideline has, so it switches language without a reload and a company's
//! catalogue can reword it. The page, its script and its style need no token (they hold no
//! data); the checks they make do.

use super::api::{App, Loaded};
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use postlint::Locale;
use serde_json::{json, Map, Value};
use std::sync::Arc;

const INDEX: &str = include_str!("page/index.html");
const SCRIPT: &str = include_str!("page/page.js");
const STYLE: &str = include_str!("page/page.css");

/// The page's own policy: its script and style from here, requests to here, nothing inline
/// but the JSON data block (which is not executed).
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
                   img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The page's routes; merged outside the token check.
pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/", get(index))
        .route(
            "/assets/page.js",
            get(|| asset(SCRIPT, "text/javascript; charset=utf-8")),
        )
        .route(
            "/assets/page.css",
            get(|| asset(STYLE, "text/css; charset=utf-8")),
        )
}

async fn asset(body: &'static str, content_type: &'static str) -> Response {
    with_headers((StatusCode::OK, body).into_response(), content_type)
}

fn with_headers(mut response: Response, content_type: &'static str) -> Response {
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    // A new release ships a new page: revalidate rather than keep an old script.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

async fn index(State(app): State<Arc<App>>) -> Response {
    let loaded = app.loaded.load_full();
    let token = app.token.is_some();
    // The words of another locale come from its linter, built once on first use: off the
    // async threads, as every build is.
    let data = tokio::task::spawn_blocking(move || data(&loaded, token)).await;
    let Ok(Ok(data)) = data else {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            "the page could not be built",
        )
            .into_response();
    };
    let lang = data["locale"].as_str().unwrap_or("en").to_string();
    let html = INDEX
        .replace("{{lang}}", &lang)
        .replace("{{data}}", &script_safe(&data));
    with_headers(
        (StatusCode::OK, html).into_response(),
        "text/html; charset=utf-8",
    )
}

/// What the page needs to know: the default locale, the words and role names in every
/// locale, the platforms with their limits and the guideline's defaults.
fn data(loaded: &Loaded, token: bool) -> Result<Value, postlint::Error> {
    let linter = loaded.linter();
    let mut words = Map::new();
    let mut roles = Map::new();
    for locale in linter.locales() {
        let l = loaded.linter_for(Some(locale))?;
        let strip = |prefix: &str| -> Map<String, Value> {
            l.messages_under(prefix)
                .into_iter()
                .map(|(id, text)| (id[prefix.len()..].to_string(), Value::String(text)))
                .collect()
        };
        words.insert(locale.code().to_string(), Value::Object(strip("page.")));
        roles.insert(locale.code().to_string(), Value::Object(strip("route.")));
    }
    let platforms: Vec<Value> = linter
        .platforms()
        .map(|p| json!({"name": p.name, "display_name": p.display_name, "limit": p.limit}))
        .collect();
    let defaults = linter.guideline().default_platforms();
    Ok(json!({
        "locale": linter.locale().code(),
        "locales": linter.locales().iter().map(|l| l.code()).collect::<Vec<_>>(),
        "language_names": language_names(&linter.locales()),
        "words": words,
        "roles": roles,
        "platforms": platforms,
        "default_platforms": defaults,
        "token_required": token,
        "version": env!("CARGO_PKG_VERSION"),
    }))
}

/// Each locale's name in its own language, for the switch.
fn language_names(locales: &[Locale]) -> Value {
    let names: Map<String, Value> = locales
        .iter()
        .map(|l| {
            let name = match l.code() {
                "da" => "Dansk",
                "en" => "English",
                other => other,
            };
            (l.code().to_string(), Value::String(name.to_string()))
        })
        .collect();
    Value::Object(names)
}

/// JSON that can stand inside `<script type="application/json">`: a `</script>` or `<!--`
/// in a company's words cannot end the block.
fn script_safe(v: &Value) -> String {
    v.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_cannot_close_its_script_block() {
        let v = json!({"w": "</script><script>alert(1)</script> & <!--"});
        let s = script_safe(&v);
        assert!(!s.contains('<') && !s.contains('>'), "{s}");
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn the_page_refers_only_to_its_own_assets() {
        assert!(INDEX.contains("/assets/page.js") && INDEX.contains("/assets/page.css"));
        for asset in [INDEX, SCRIPT, STYLE] {
            assert!(!asset.contains("http://") && !asset.contains("https://"));
        }
    }
}
