//! End-to-end tests of `postlint serve`: each test starts the binary on a free loopback port
//! (`--addr 127.0.0.1:0`), reads the port from its stderr line, talks plain HTTP/1.1 to it
//! with a tiny std::net client, and kills it when the test ends (even when it fails).
//!
//! Every socket read has a timeout, so a misbehaving server fails a test instead of hanging it.

mod common;

use common::server::Server;
use serde_json::Value;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

/// How long any single client operation may take before the test fails.
// A guard against a hang, not a speed test (benches measure speed): debug builds check a
// megabyte post slowly on a loaded 2-core machine.
const TIMEOUT: Duration = Duration::from_secs(30);

/// A Danish sales post. The emoji and the Danish letters before «rabat» make byte offsets and
/// (scalar-value) columns differ, so the test can tell which one a span carries.
const SALESY_DA: &str =
    "Sæt kryds i kalenderen 🚑 Kæmpe rabat! Køb nu – tilbuddet gælder kun i dag!";

/// A parsed response.
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The JSON error's detail, checking the error shape `{error, detail}` on the way.
    fn error(&self) -> String {
        assert_eq!(self.header("content-type"), Some("application/json"));
        let v = self.json();
        assert!(v["error"].is_string(), "no error code: {}", self.body);
        v["detail"]
            .as_str()
            .unwrap_or_else(|| panic!("no detail: {}", self.body))
            .to_string()
    }

    /// The JSON error's code and field.
    fn code_and_field(&self) -> (String, Option<String>) {
        let v = self.json();
        (
            v["error"].as_str().unwrap_or_default().to_string(),
            v["field"].as_str().map(str::to_string),
        )
    }
}

fn connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect_timeout(&addr, TIMEOUT).expect("connects");
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream.set_write_timeout(Some(TIMEOUT)).unwrap();
    stream
}

/// Reads one response from `stream`; `buf` keeps bytes of the next one (pipelining).
fn read_reply(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Reply {
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(&mut chunk).expect("reads the response head");
        assert!(n > 0, "connection closed before a response: {buf:?}");
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8(buf[..head_end].to_vec()).expect("UTF-8 head");
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers.iter().any(|(n, v)| {
        n.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    let mut fill = |buf: &mut Vec<u8>| {
        let n = stream.read(&mut chunk).expect("reads the response body");
        assert!(n > 0, "connection closed inside the body");
        buf.extend_from_slice(&chunk[..n]);
    };
    let body = if chunked {
        // Chunks: a hex size line, the bytes, CRLF; a zero size ends the body.
        let mut body = Vec::new();
        let mut at = head_end;
        loop {
            let line_end = loop {
                if let Some(i) = buf[at..].windows(2).position(|w| w == b"\r\n") {
                    break at + i;
                }
                fill(buf);
            };
            let size_text = String::from_utf8_lossy(&buf[at..line_end]).to_string();
            let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16)
                .unwrap_or_else(|_| panic!("bad chunk size {size_text:?}"));
            let data = line_end + 2;
            while buf.len() < data + size + 2 {
                fill(buf);
            }
            body.extend_from_slice(&buf[data..data + size]);
            at = data + size + 2;
            if size == 0 {
                break;
            }
        }
        buf.drain(..at);
        String::from_utf8(body).expect("UTF-8")
    } else {
        let length: usize = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .map_or(0, |(_, v)| v.parse().expect("numeric Content-Length"));
        while buf.len() < head_end + length {
            fill(buf);
        }
        let body = String::from_utf8(buf[head_end..head_end + length].to_vec()).expect("UTF-8");
        buf.drain(..head_end + length);
        body
    };
    Reply {
        status,
        headers,
        body,
    }
}

/// Sends raw bytes on a fresh connection and reads one response.
fn exchange(addr: SocketAddr, raw: &[u8]) -> Reply {
    let mut stream = connect(addr);
    stream.write_all(raw).expect("sends the request");
    read_reply(&mut stream, &mut Vec::new())
}

fn request(method: &str, path: &str, body: &str) -> Vec<u8> {
    format!(
        "{method} {path} HTTP/1.1\r\nHost: test\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn post(addr: SocketAddr, path: &str, body: &str) -> Reply {
    exchange(addr, &request("POST", path, body))
}

fn get(addr: SocketAddr, path: &str) -> Reply {
    exchange(addr, &request("GET", path, ""))
}

fn record(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text, "platform": "linkedin", "language": "da"})
        .to_string()
}

#[test]
fn healthz_and_rules() {
    let server = Server::start(&[]);
    let health = get(server.addr, "/healthz");
    assert_eq!(health.status, 200);
    assert_eq!(health.header("content-type"), Some("application/json"));
    assert_eq!(health.json()["status"], "ok");
    assert_eq!(health.json()["version"], env!("CARGO_PKG_VERSION"));

    let rules = get(server.addr, "/rules?verbose=1");
    assert_eq!(rules.status, 200);
    let list = rules.json();
    let discount = list
        .as_array()
        .expect("a list")
        .iter()
        .find(|r| r["id"] == "sales.discount")
        .expect("sales.discount is listed");
    assert_eq!(discount["enabled"], true);
    assert!(discount["severity"].is_string());
    // --locale da: the summary is Danish.
    let summary = discount["summary"].as_str().unwrap();
    assert!(!summary.is_empty());
    assert!(
        summary.contains(['æ', 'ø', 'å']) || summary.contains("abat"),
        "{summary}"
    );
}

#[test]
fn check_returns_the_contract_object() {
    let server = Server::start(&[]);
    let reply = post(server.addr, "/check", &record("post-1", SALESY_DA));
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    let post = reply.json();
    for key in [
        "source",
        "language",
        "platforms",
        "entities",
        "scores",
        "verdict",
        "reviewers",
        "findings",
        "audit",
    ] {
        assert!(post.get(key).is_some(), "missing {key}: {post}");
    }
    assert_eq!(post["audit"]["guideline"], "recommended");
    assert_eq!(
        post["audit"]["guideline_sha256"].as_str().unwrap().len(),
        64
    );
    assert_eq!(post["audit"]["date_from"], "clock");
    assert_eq!(post["source"], "post-1");
    assert_eq!(post["language"], "da");
    assert_eq!(post["platforms"][0]["name"], "linkedin");
    assert!(post["scores"]["salesiness"].as_u64().unwrap() > 50);
    let verdict = post["verdict"].as_str().unwrap();
    assert!(verdict == "review" || verdict == "block", "{verdict}");

    let findings = post["findings"].as_array().unwrap();
    assert!(findings
        .iter()
        .any(|f| f["rule"].as_str().unwrap().starts_with("sales.")));
    for f in findings {
        let (start, end) = (
            f["span"]["start"].as_u64().unwrap() as usize,
            f["span"]["end"].as_u64().unwrap() as usize,
        );
        assert!(start <= end && end <= SALESY_DA.len(), "{f}");
        // Byte offsets: both ends fall on character boundaries of the UTF-8 text …
        assert!(SALESY_DA.is_char_boundary(start) && SALESY_DA.is_char_boundary(end));
        // … and the column counts the scalar values before the start (all on line 1).
        assert_eq!(f["span"]["line"], 1);
        let column = SALESY_DA[..start].chars().count() + 1;
        assert_eq!(
            f["span"]["column"].as_u64().unwrap() as usize,
            column,
            "{f}"
        );
    }
    let discount = findings
        .iter()
        .find(|f| f["rule"] == "sales.discount")
        .expect("a discount finding");
    let start = discount["span"]["start"].as_u64().unwrap() as usize;
    let end = discount["span"]["end"].as_u64().unwrap() as usize;
    assert_eq!(SALESY_DA[start..end].to_lowercase(), "rabat");
}

#[test]
fn a_request_waives_with_a_reason_and_a_bad_waiver_names_its_field() {
    let server = Server::start(&[]);
    let waived = serde_json::json!({
        "id": "w", "text": SALESY_DA, "date": "2027-01-15T08:00:00Z",
        "waive": [{"rule": "sales", "reason": "Kampagnen er godkendt af comms", "by": "comms"}],
    });
    let reply = post(server.addr, "/v1/check", &waived.to_string());
    assert_eq!(reply.status, 200, "{}", reply.body);
    let post_out = reply.json();
    let findings = post_out["findings"].as_array().unwrap();
    let sales: Vec<_> = findings
        .iter()
        .filter(|f| f["rule"].as_str().unwrap().starts_with("sales."))
        .collect();
    assert!(!sales.is_empty(), "{post_out}");
    for f in &sales {
        assert_eq!(
            f["waived"]["reason"], "Kampagnen er godkendt af comms",
            "{f}"
        );
        assert_eq!(f["waived"]["by"], "comms");
    }
    assert_eq!(post_out["waivers"][0]["rule"], "sales");
    // What judged it: the request's moment, in the guideline's zone.
    assert_eq!(post_out["audit"]["date"], "2027-01-15T09:00:00+01:00");
    assert_eq!(post_out["audit"]["date_from"], "post");
    assert_eq!(
        post_out["waivers"][0]["findings"].as_u64().unwrap() as usize,
        sales.len()
    );
    let cases = [
        (
            r#"{"text": "Hej", "waive": [{"rule": "sales.discount", "reason": " "}]}"#,
            422,
            "missing_reason",
            Some("waive[0].reason"),
        ),
        (
            r#"{"text": "Hej", "waive": [{"rule": "sales", "reason": "ok"}, {"rule": "salse", "reason": "ok"}]}"#,
            422,
            "unknown_rule",
            Some("waive[1].rule"),
        ),
        (
            r#"{"text": "Hej", "waive": [{"rule": "sales"}]}"#,
            400,
            "invalid_record",
            Some("waive[0]"),
        ),
    ];
    for (body, status, code, field) in cases {
        let reply = post(server.addr, "/v1/check", body);
        assert_eq!(reply.status, status, "{body}: {}", reply.body);
        let (c, f) = reply.code_and_field();
        assert_eq!((c.as_str(), f.as_deref()), (code, field), "{body}");
    }
}

#[test]
fn the_page_and_its_assets_need_no_token_and_keep_a_strict_policy() {
    let dir = tempfile::tempdir().unwrap();
    let token = dir.path().join("token");
    std::fs::write(&token, "s3cret-token\n").unwrap();
    let server = Server::start(&["--token-file", token.to_str().unwrap()]);
    let page = get(server.addr, "/");
    assert_eq!(page.status, 200, "{}", page.body);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let csp = page.header("content-security-policy").unwrap_or_default();
    assert!(
        csp.contains("script-src 'self'") && csp.contains("default-src 'none'"),
        "{csp}"
    );
    assert!(
        page.body.starts_with("<!doctype html>\n<html lang=\"da\">"),
        "{}",
        page.body
    );
    // The data block: both languages' words, and that a token is needed.
    let start = page.body.find("id=\"postlint-data\">").unwrap() + "id=\"postlint-data\">".len();
    let end = start + page.body[start..].find("</script>").unwrap();
    let data: Value = serde_json::from_str(&page.body[start..end]).unwrap();
    assert_eq!(data["words"]["da"]["title"], "Tjek dit opslag");
    assert_eq!(data["words"]["en"]["title"], "Check your post");
    assert_eq!(data["roles"]["da"]["legal"], "jura");
    assert_eq!(data["token_required"], true);
    assert!(data["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == "linkedin"));
    for (path, kind) in [
        ("/assets/page.js", "text/javascript"),
        ("/assets/page.css", "text/css"),
    ] {
        let r = get(server.addr, path);
        assert_eq!(r.status, 200);
        assert!(r
            .header("content-type")
            .unwrap_or_default()
            .starts_with(kind));
    }
    // The checks the page makes still need the token.
    assert_eq!(
        post(server.addr, "/v1/check", &record("a", "Hej")).status,
        401
    );
    // An explanation in the language asked for.
    let no_token = Server::start(&[]);
    let en = get(no_token.addr, "/v1/rules/links.tracking?locale=en").json();
    let da = get(no_token.addr, "/v1/rules/links.tracking?locale=da").json();
    assert!(
        en["summary"].as_str().unwrap().contains("tracking codes"),
        "{en}"
    );
    assert!(
        da["summary"].as_str().unwrap().contains("sporingskoder"),
        "{da}"
    );
    let bad = get(no_token.addr, "/v1/rules/links.tracking?locale=x!");
    assert_eq!(bad.status, 422);
    assert_eq!(bad.code_and_field().1.as_deref(), Some("locale"));
}

#[test]
fn batch_keeps_order_and_ids() {
    let server = Server::start(&[]);
    let body =
        format!(
        "{}\n\n{}\n{{\"id\": 3, \"text\": \"Velkommen til vores nye kolleger på stationen.\"}}\n",
        record("a", SALESY_DA),
        record("b", "I dag startede tre nye kolleger på vagtcentralen i Aarhus."),
    );
    let reply = post(server.addr, "/check/batch", &body);
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.header("content-type"), Some("application/x-ndjson"));
    let lines: Vec<Value> = reply
        .body
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l["source"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a", "b", "3"]);
    assert_ne!(lines[0]["verdict"], "pass");

    // One bad line fails the whole batch, naming the line.
    let bad = format!("{}\n{{\"id\": \"x\"}}\n", record("a", "Hej"));
    let reply = post(server.addr, "/check/batch", &bad);
    assert_eq!(reply.status, 400);
    assert!(reply.error().contains("line 2"), "{}", reply.body);
}

#[test]
fn bad_json_is_400() {
    let server = Server::start(&[]);
    for body in [
        "{not json",
        "",
        "[1, 2]",
        "{\"id\": \"x\"}",
        "{\"text\": 5}",
    ] {
        let reply = post(server.addr, "/check", body);
        assert_eq!(reply.status, 400, "{body:?}: {}", reply.body);
        assert!(!reply.error().is_empty());
    }
}

#[test]
fn unknown_platform_is_422() {
    let server = Server::start(&[]);
    let body = r#"{"text": "Hej", "platforms": ["linkedin", "myspace"]}"#;
    let reply = post(server.addr, "/check", body);
    assert_eq!(reply.status, 422);
    assert!(reply.error().contains("myspace"), "{}", reply.body);
    let reply = post(
        server.addr,
        "/check",
        r#"{"text": "Hej", "language": "sv"}"#,
    );
    assert_eq!(reply.status, 422);
}

#[test]
fn a_megabyte_of_one_word_gets_a_small_answer() {
    // Before: a 1 MiB body of "rabat " made a 65 MB response.
    let server = Server::start(&[]);
    let text = "rabat ".repeat((1 << 20) / 6 - 20);
    let body = serde_json::json!({ "text": text }).to_string();
    assert!(body.len() <= 1 << 20);
    let reply = post(server.addr, "/check", &body);
    assert_eq!(
        reply.status,
        200,
        "{}",
        &reply.body[..reply.body.len().min(500)]
    );
    assert!(reply.body.len() < 1 << 20, "{} bytes", reply.body.len());
    let v = reply.json();
    let findings = v["findings"].as_array().unwrap();
    let counted: u64 = findings
        .iter()
        .map(|f| f["omitted"].as_u64().unwrap_or(1))
        .sum();
    assert!(counted > 170_000, "{counted}");
}

#[test]
fn oversized_body_is_413() {
    let server = Server::start(&[]);
    let size = 2 << 20;
    let mut stream = connect(server.addr);
    let head = format!("POST /check HTTP/1.1\r\nHost: t\r\nContent-Length: {size}\r\n\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    // The server may answer before the body is sent; a failed write is then expected.
    let _ = stream.write_all(&vec![b'x'; size]);
    let reply = read_reply(&mut stream, &mut Vec::new());
    assert_eq!(reply.status, 413);
    assert!(reply.error().contains("limit"), "{}", reply.body);
    // A chunked body over the limit is cut off as it arrives.
    let mut stream = connect(server.addr);
    stream
        .write_all(b"POST /v1/check HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n")
        .unwrap();
    let chunk = vec![b'x'; 64 * 1024];
    for _ in 0..40 {
        let head = format!("{:x}\r\n", chunk.len());
        if stream.write_all(head.as_bytes()).is_err()
            || stream.write_all(&chunk).is_err()
            || stream.write_all(b"\r\n").is_err()
        {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n");
    assert_eq!(read_reply(&mut stream, &mut Vec::new()).status, 413);
}

#[test]
fn unknown_path_is_404_and_wrong_method_405() {
    let server = Server::start(&[]);
    let reply = get(server.addr, "/nope");
    assert_eq!(reply.status, 404);
    assert!(reply.error().contains("/nope"));
    let reply = get(server.addr, "/check");
    assert_eq!(reply.status, 405);
    assert_eq!(reply.header("allow"), Some("POST"));
    assert!(!reply.error().is_empty());
    let reply = post(server.addr, "/healthz", "{}");
    assert_eq!(reply.status, 405);
    assert_eq!(reply.header("allow"), Some("GET"));
}

#[test]
fn malformed_requests_are_400_and_chunked_bodies_work() {
    let server = Server::start(&[]);
    for raw in [
        &b"GARBAGE\r\n\r\n"[..],
        b"GET /healthz HTTP/1.1\r\nno colon here\r\n\r\n",
        b"POST /check HTTP/1.1\r\nContent-Length: ten\r\n\r\n",
        b"\xff\xfe / HTTP/1.1\r\n\r\n",
    ] {
        let reply = exchange(server.addr, raw);
        assert_eq!(reply.status, 400, "{:?}", String::from_utf8_lossy(raw));
    }
    // A chunked body is read like any other.
    let body = record("c", SALESY_DA);
    let (one, two) = body.split_at(body.len() / 2);
    let chunked = format!(
        "POST /v1/check HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{:x}\r\n{one}\r\n{:x}\r\n{two}\r\n0\r\n\r\n",
        one.len(),
        two.len()
    );
    let reply = exchange(server.addr, chunked.as_bytes());
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json()["source"], "c");
    // A POST without a body is no record.
    let no_length = b"POST /check HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
    assert_eq!(exchange(server.addr, no_length).status, 400);
    // A request cut short (the client closes its side) is answered, not waited for.
    let mut stream = connect(server.addr);
    stream
        .write_all(b"POST /check HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"te")
        .unwrap();
    stream.shutdown(std::net::Shutdown::Write).unwrap();
    let mut rest = Vec::new();
    let _ = stream.read_to_end(&mut rest);
    assert!(
        rest.is_empty() || String::from_utf8_lossy(&rest).starts_with("HTTP/1.1 400"),
        "{}",
        String::from_utf8_lossy(&rest)
    );
    // The server is still fine.
    assert_eq!(get(server.addr, "/healthz").status, 200);
}

#[test]
fn keep_alive_serves_pipelined_requests() {
    let server = Server::start(&[]);
    let body = record("k", SALESY_DA);
    let mut raw = format!(
        "POST /check HTTP/1.1\r\nHost: t\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes();
    raw.extend_from_slice(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    let mut stream = connect(server.addr);
    stream.write_all(&raw).unwrap();
    let mut buf = Vec::new();
    let first = read_reply(&mut stream, &mut buf);
    assert_eq!(first.status, 200);
    assert_ne!(first.header("connection"), Some("close"));
    assert_eq!(first.json()["source"], "k");
    let second = read_reply(&mut stream, &mut buf);
    assert_eq!(second.status, 200);
    assert_eq!(second.json()["status"], "ok");
}

#[test]
fn concurrent_clients_all_succeed() {
    let server = Server::start(&[]);
    let addr = server.addr;
    let clients: Vec<_> = (0..8)
        .map(|c| {
            thread::spawn(move || {
                for i in 0..10 {
                    let id = format!("{c}-{i}");
                    let reply = post(addr, "/check", &record(&id, SALESY_DA));
                    assert_eq!(reply.status, 200, "{}", reply.body);
                    let post = reply.json();
                    assert_eq!(post["source"], id.as_str());
                    assert_ne!(post["verdict"], "pass");
                }
            })
        })
        .collect();
    for client in clients {
        client.join().expect("every client succeeds");
    }
}

#[test]
fn bad_guideline_exits_2_before_listening() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("postlint.toml");
    std::fs::write(&config, "locale = \"da\"\nnot_a_key = 1\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_postlint"))
        .args(["serve", "--addr", "127.0.0.1:0", "--config"])
        .arg(&config)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("serve with a bad guideline did not exit");
        }
        thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("postlint.toml"), "{stderr}");
    assert!(!stderr.contains("listening"), "{stderr}");
}

/// Requests per second for the bundled Danish draft (`fixtures/sample/draft-da.txt`'s body),
/// on loopback. Not part of the normal suite; run it with
/// `cargo test --release --test serve -- --ignored --nocapture throughput`.
#[test]
#[ignore]
fn throughput() {
    let draft = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/sample/draft-da.txt"
    ))
    .unwrap();
    // The body after the `+++` front matter.
    let text = draft
        .strip_prefix("+++\n")
        .and_then(|rest| rest.split_once("\n+++\n"))
        .map_or(draft.as_str(), |(_, body)| body)
        .to_string();
    let server = Server::start(&[]);
    let addr = server.addr;
    let body = record("bench", &text);
    println!("post body: {} bytes", text.len());
    for (clients, keep_alive) in [(1, false), (1, true), (4, false), (4, true)] {
        let window = Duration::from_secs(2);
        let workers: Vec<_> = (0..clients)
            .map(|_| {
                let body = body.clone();
                thread::spawn(move || {
                    let until = Instant::now() + window;
                    let mut done = 0u32;
                    let mut conn: Option<(TcpStream, Vec<u8>)> = None;
                    while Instant::now() < until {
                        let close = if keep_alive { "" } else { "Connection: close\r\n" };
                        let raw = format!(
                            "POST /check HTTP/1.1\r\nHost: t\r\n{close}Content-Length: {}\r\n\r\n{body}",
                            body.len()
                        );
                        let (stream, buf) = conn.get_or_insert_with(|| (connect(addr), Vec::new()));
                        stream.write_all(raw.as_bytes()).unwrap();
                        let reply = read_reply(stream, buf);
                        assert_eq!(reply.status, 200);
                        // The server closes a kept-alive connection after a number of
                        // requests, so other clients get their turn.
                        if !keep_alive || reply.header("connection") == Some("close") {
                            conn = None;
                        }
                        done += 1;
                    }
                    done
                })
            })
            .collect();
        let total: u32 = workers.into_iter().map(|w| w.join().unwrap()).sum();
        println!(
            "{clients} client(s), keep-alive {keep_alive}: {:.0} requests/s",
            f64::from(total) / window.as_secs_f64()
        );
    }
}

/// A request with extra header lines (each ending in CRLF).
fn request_with(method: &str, path: &str, headers: &str, body: &str) -> Vec<u8> {
    format!(
        "{method} {path} HTTP/1.1\r\nHost: test\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

#[test]
fn versioned_paths_explain_probe_and_count() {
    let server = Server::start(&[]);
    let reply = post(server.addr, "/v1/check", &record("v1", SALESY_DA));
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json()["source"], "v1");
    let rules = get(server.addr, "/v1/rules");
    assert!(rules.json().as_array().unwrap().len() > 30);
    let rule = get(server.addr, "/v1/rules/sales.discount");
    assert_eq!(rule.status, 200, "{}", rule.body);
    let v = rule.json();
    assert_eq!(v["id"], "sales.discount");
    assert!(v["explanation"].as_str().unwrap().len() > 40, "{v}");
    let missing = get(server.addr, "/v1/rules/sales.dicsount");
    assert_eq!(missing.status, 404);
    assert_eq!(missing.code_and_field().0, "unknown_rule");
    assert_eq!(get(server.addr, "/readyz").status, 200);
    let metrics = get(server.addr, "/metrics");
    assert_eq!(metrics.status, 200);
    assert!(metrics
        .header("content-type")
        .unwrap()
        .contains("openmetrics"));
    for needle in [
        "postlint_checks_total{verdict=\"review\"}",
        "postlint_findings_total{rule=\"sales.discount\"}",
        "postlint_check_duration_seconds_bucket",
        "postlint_queue_depth 0",
        "postlint_http_requests_total{endpoint=\"check\",status=\"200\"} 1",
    ] {
        assert!(metrics.body.contains(needle), "{needle}: {}", metrics.body);
    }
}

#[test]
fn errors_name_their_field() {
    let server = Server::start(&[]);
    let cases = [
        (r#"{"text": 5}"#, 400, "invalid_record", Some("text")),
        (
            r#"{"text": "Hej", "platforms": ["myspace"]}"#,
            422,
            "unknown_platform",
            Some("platforms"),
        ),
        (
            r#"{"text": "Hej", "language": "sv"}"#,
            422,
            "unknown_language",
            Some("language"),
        ),
        (
            r#"{"text": "Hej", "date": "i morgen"}"#,
            422,
            "bad_date",
            Some("date"),
        ),
        (
            r#"{"text": "Hej", "locale": "x!"}"#,
            422,
            "unknown_locale",
            Some("locale"),
        ),
        (r#"{"text": "Hej"} trailing"#, 400, "malformed_json", None),
    ];
    for (body, status, code, field) in cases {
        let reply = post(server.addr, "/v1/check", body);
        assert_eq!(reply.status, status, "{body}: {}", reply.body);
        let (c, f) = reply.code_and_field();
        assert_eq!((c.as_str(), f.as_deref()), (code, field), "{body}");
    }
    // A form post (curl -d without a content type) is 415, saying what to send.
    let reply = exchange(
        server.addr,
        &request_with(
            "POST",
            "/v1/check",
            "Content-Type: application/x-www-form-urlencoded\r\n",
            r#"{"text": "Hej"}"#,
        ),
    );
    assert_eq!(reply.status, 415, "{}", reply.body);
    assert!(reply.error().contains("application/json"));
    // A batch error names its line.
    let bad = format!(
        "{}\n{{\"text\": \"Hej\", \"language\": \"sv\"}}\n",
        record("a", "Hej")
    );
    let reply = post(server.addr, "/v1/check/batch", &bad);
    assert_eq!(reply.status, 422);
    assert_eq!(reply.code_and_field().1.as_deref(), Some("line 2.language"));
}

#[test]
fn a_batch_is_an_array_or_lines_and_streams_back_in_order() {
    let server = Server::start(&[]);
    let records: Vec<String> = (0..70)
        .map(|i| {
            record(
                &format!("r{i}"),
                if i % 2 == 0 {
                    SALESY_DA
                } else {
                    "Tak for i dag."
                },
            )
        })
        .collect();
    let array = format!("[{}]", records.join(","));
    let lines = records.join("\n");
    for (ctype, body) in [
        ("application/json", &array),
        ("application/x-ndjson", &lines),
    ] {
        let reply = exchange(
            server.addr,
            &request_with(
                "POST",
                "/v1/check/batch",
                &format!("Content-Type: {ctype}\r\n"),
                body,
            ),
        );
        assert_eq!(reply.status, 200, "{ctype}: {}", reply.body);
        assert_eq!(reply.header("transfer-encoding"), Some("chunked"));
        let ids: Vec<String> = reply
            .body
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["source"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        let expected: Vec<String> = (0..70).map(|i| format!("r{i}")).collect();
        assert_eq!(ids, expected, "{ctype}");
    }
}

#[test]
fn a_request_may_ask_for_its_own_locale() {
    let server = Server::start(&[]);
    let da = post(server.addr, "/v1/check", &record("da", SALESY_DA)).json();
    let en_body = serde_json::json!({"id": "en", "text": SALESY_DA, "locale": "en"}).to_string();
    let en = post(server.addr, "/v1/check", &en_body).json();
    let message = |v: &Value| {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == "sales.discount")
            .map(|f| f["message"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_ne!(message(&da), message(&en));
    assert!(message(&en).contains("advert"), "{}", message(&en));
    assert!(message(&da).contains("annonce"), "{}", message(&da));
}

#[test]
fn a_token_guards_everything_but_the_probes() {
    let dir = tempfile::tempdir().unwrap();
    let token = dir.path().join("token");
    std::fs::write(&token, "s3cret-Tøken\n").unwrap();
    let server = Server::start(&["--token-file", token.to_str().unwrap()]);
    let body = record("t", "Hej");
    let without = post(server.addr, "/v1/check", &body);
    assert_eq!(without.status, 401);
    assert!(without
        .header("www-authenticate")
        .unwrap()
        .starts_with("Bearer"));
    let wrong = exchange(
        server.addr,
        &request_with(
            "POST",
            "/v1/check",
            "Authorization: Bearer s3cret-Tøkem\r\n",
            &body,
        ),
    );
    assert_eq!(wrong.status, 401);
    let right = exchange(
        server.addr,
        &request_with(
            "POST",
            "/v1/check",
            "Authorization: Bearer s3cret-Tøken\r\n",
            &body,
        ),
    );
    assert_eq!(right.status, 200, "{}", right.body);
    assert_eq!(get(server.addr, "/metrics").status, 401);
    assert_eq!(get(server.addr, "/healthz").status, 200);
    assert_eq!(get(server.addr, "/readyz").status, 200);
}

#[test]
fn cors_only_for_the_configured_origins() {
    let server = Server::start(&["--cors-origin", "https://intranet.example.com"]);
    let preflight = |origin: &str| {
        exchange(
            server.addr,
            &request_with(
                "OPTIONS",
                "/v1/check",
                &format!("Origin: {origin}\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n"),
                "",
            ),
        )
    };
    let ok = preflight("https://intranet.example.com");
    assert_eq!(
        ok.header("access-control-allow-origin"),
        Some("https://intranet.example.com")
    );
    let other = preflight("https://evil.example");
    assert_eq!(other.header("access-control-allow-origin"), None);
}

#[test]
fn a_unix_socket_serves_the_same_api() {
    use std::os::unix::net::UnixStream;
    let dir = tempfile::tempdir().unwrap();
    let sock = dir.path().join("postlint.sock");
    let listen = format!("unix:{}", sock.display());
    let server = Server::start_with(&["--no-config", "--listen", &listen], None);
    server.wait_for_log("postlint: listening on unix:", TIMEOUT);
    let mut stream = UnixStream::connect(&sock).expect("connects");
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut out = String::new();
    stream.read_to_string(&mut out).unwrap();
    assert!(out.starts_with("HTTP/1.1 200"), "{out}");
    assert!(out.contains("\"status\":\"ok\""), "{out}");
}

/// A post that takes a while to check: many distinct mentions and links.
fn heavy_post() -> String {
    let text: String = (0..40_000)
        .map(|i| format!("@kollega{i} https://eksempel{i}.dk/side?utm_source=x "))
        .collect();
    serde_json::json!({ "text": &text[..text.len().min(900_000)] }).to_string()
}

#[test]
fn a_full_pool_answers_503_with_retry_after() {
    let server = Server::start(&["--threads", "1", "--queue", "0"]);
    let addr = server.addr;
    let body = Arc::new(heavy_post());
    let clients: Vec<_> = (0..6)
        .map(|_| {
            let body = Arc::clone(&body);
            thread::spawn(move || {
                let reply = post(addr, "/v1/check", &body);
                (
                    reply.status,
                    reply.header("retry-after").map(str::to_string),
                )
            })
        })
        .collect();
    let results: Vec<_> = clients.into_iter().map(|c| c.join().unwrap()).collect();
    assert!(results.iter().any(|(s, _)| *s == 200), "{results:?}");
    let busy: Vec<_> = results.iter().filter(|(s, _)| *s == 503).collect();
    assert!(!busy.is_empty(), "{results:?}");
    assert!(
        busy.iter().all(|(_, r)| r.as_deref() == Some("1")),
        "{results:?}"
    );
}

#[test]
fn idle_and_slow_clients_do_not_stall_the_others() {
    let server = Server::start(&[]);
    // 300 idle connections and 10 clients trickling a request head a byte at a time.
    let idle: Vec<TcpStream> = (0..300).map(|_| connect(server.addr)).collect();
    let mut slow: Vec<TcpStream> = (0..10).map(|_| connect(server.addr)).collect();
    for s in &mut slow {
        s.write_all(b"POST /v1/check HTTP/1.1\r\nHo").unwrap();
    }
    let started = Instant::now();
    for i in 0..20 {
        let reply = post(
            server.addr,
            "/v1/check",
            &record(&format!("n{i}"), SALESY_DA),
        );
        assert_eq!(reply.status, 200);
    }
    // A guard against the old server's 10–30 s stalls, not a speed test.
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    drop(idle);
    drop(slow);
}

#[test]
fn sigterm_finishes_the_request_in_flight_then_refuses() {
    let server = Server::start(&[]);
    let body = record("last", SALESY_DA);
    let mut stream = connect(server.addr);
    // Half a request is in flight when the signal comes.
    let head = format!(
        "POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    let (one, two) = body.split_at(10);
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(one.as_bytes()).unwrap();
    thread::sleep(Duration::from_millis(200));
    server.signal("TERM");
    server.wait_for_log("postlint: shutting down", TIMEOUT);
    stream.write_all(two.as_bytes()).unwrap();
    let reply = read_reply(&mut stream, &mut Vec::new());
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json()["source"], "last");
    server.wait_for_log("postlint: stopped", TIMEOUT);
    assert!(TcpStream::connect_timeout(&server.addr, TIMEOUT).is_err());
}

#[test]
fn the_guideline_reloads_on_change_and_on_sighup_and_a_broken_one_is_kept_out() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("postlint.toml");
    let guideline = |term: &str| {
        format!("extends = [\"recommended\"]\n[[confidential]]\nterms = [\"{term}\"]\n")
    };
    std::fs::write(&config, guideline("Havørn")).unwrap();
    let server = Server::start_with(&[], Some(dir.path()));
    let flagged = |word: &str| {
        let reply = post(
            server.addr,
            "/v1/check",
            &record("g", &format!("Nyt om {word} i dag.")),
        );
        reply.json()["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "confidential.term")
    };
    assert!(flagged("Havørn") && !flagged("Nordlys"));
    // A changed file is seen within the poll.
    std::fs::write(&config, guideline("Nordlys")).unwrap();
    server.wait_for_log(
        "postlint: reloaded the guideline (a guideline file changed)",
        TIMEOUT,
    );
    assert!(flagged("Nordlys") && !flagged("Havørn"));
    // A broken one is logged and the one in service stays.
    std::fs::write(&config, "extends = [\"recommended\"\n").unwrap();
    server.wait_for_log("postlint: the guideline did not reload", TIMEOUT);
    assert!(flagged("Nordlys"));
    // SIGHUP reloads at once.
    std::fs::write(&config, guideline("Glente")).unwrap();
    server.signal("HUP");
    let deadline = Instant::now() + TIMEOUT;
    while !flagged("Glente") {
        assert!(Instant::now() < deadline, "{}", server.log_text());
        thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_log_never_holds_a_word_of_a_post() {
    let server = Server::start(&[]);
    let secret = "Fortroligtkodeord";
    let text = format!("Kæmpe rabat hos {secret}! Køb nu på https://{secret}.dk");
    post(server.addr, "/v1/check", &record("log-1", &text));
    post(
        server.addr,
        "/v1/check/batch",
        &format!("{}\n", record("log-2", &text)),
    );
    post(
        server.addr,
        "/v1/check",
        &format!("{{\"text\": \"{secret}\", \"language\": \"sv\"}}"),
    );
    thread::sleep(Duration::from_millis(200));
    let log = server.log_text();
    assert!(
        log.contains("id=\"log-1\"") && log.contains("id=\"log-2\""),
        "{log}"
    );
    assert!(
        !log.to_lowercase().contains(&secret.to_lowercase()),
        "{log}"
    );
}

#[test]
fn http2_with_prior_knowledge_is_spoken() {
    let server = Server::start(&[]);
    let mut stream = connect(server.addr);
    // The client preface, then an empty SETTINGS frame (length 0, type 4, no flags, stream 0).
    stream
        .write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
        .unwrap();
    stream.write_all(&[0, 0, 0, 4, 0, 0, 0, 0, 0]).unwrap();
    let mut frame = [0u8; 9];
    stream.read_exact(&mut frame).unwrap();
    // The server's first frame is its own SETTINGS (type 4) on stream 0.
    assert_eq!(frame[3], 4, "{frame:?}");
    assert_eq!(&frame[5..9], &[0, 0, 0, 0]);
}

#[test]
fn a_body_slower_than_the_request_timeout_is_408() {
    let server = Server::start(&["--request-timeout", "1"]);
    let mut stream = connect(server.addr);
    stream
        .write_all(
            b"POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n{\"text\": \"Hej",
        )
        .unwrap();
    let started = Instant::now();
    let reply = read_reply(&mut stream, &mut Vec::new());
    assert_eq!(reply.status, 408, "{}", reply.body);
    assert_eq!(reply.code_and_field().0, "timeout");
    assert!(started.elapsed() < TIMEOUT);
    // Other clients were served all along.
    assert_eq!(get(server.addr, "/healthz").status, 200);
}
