//! End-to-end tests of `postlint serve`: each test starts the binary on a free loopback port
//! (`--addr 127.0.0.1:0`), reads the port from its stderr line, talks plain HTTP/1.1 to it
//! with a tiny std::net client, and kills it when the test ends (even when it fails).
//!
//! Every socket read has a timeout, so a misbehaving server fails a test instead of hanging it.

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
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

/// A running `postlint serve`; killed (and reaped) on drop.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    /// Starts the server with the built-in guideline and Danish messages.
    fn start(extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_postlint"))
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--no-config",
                "--locale",
                "da",
            ])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let stderr = child.stderr.take().expect("stderr is piped");
        // Build the guard first, so a failure below still kills the child.
        let mut server = Server {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        };
        // A thread reads stderr (and keeps draining it), so waiting for the line is bounded.
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = rx
                .recv_timeout(left)
                .expect("the server prints its address");
            if let Some(addr) = line.strip_prefix("postlint: listening on http://") {
                server.addr = addr.trim().parse().expect("a socket address");
                return server;
            }
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

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

    /// The JSON error message, checking the error shape on the way.
    fn error(&self) -> String {
        assert_eq!(self.header("content-type"), Some("application/json"));
        self.json()["error"]
            .as_str()
            .unwrap_or_else(|| panic!("no error field: {}", self.body))
            .to_string()
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
    let length: usize = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .map(|(_, v)| v.parse().expect("numeric Content-Length"))
        .expect("every response has a Content-Length");
    while buf.len() < head_end + length {
        let n = stream.read(&mut chunk).expect("reads the response body");
        assert!(n > 0, "connection closed inside the body");
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = String::from_utf8(buf[head_end..head_end + length].to_vec()).expect("UTF-8");
    buf.drain(..head_end + length);
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
    ] {
        assert!(post.get(key).is_some(), "missing {key}: {post}");
    }
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
    assert_eq!(reply.header("connection"), Some("close"));
    assert!(reply.error().contains("limit"), "{}", reply.body);
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
fn malformed_requests_are_400_or_411() {
    let server = Server::start(&[]);
    for raw in [
        &b"GARBAGE\r\n\r\n"[..],
        b"GET /healthz\r\n\r\n",
        b"GET /healthz HTTP/1.1\r\nno colon here\r\n\r\n",
        b"POST /check HTTP/1.1\r\nContent-Length: ten\r\n\r\n",
        b"\xff\xfe / HTTP/1.1\r\n\r\n",
    ] {
        let reply = exchange(server.addr, raw);
        assert_eq!(reply.status, 400, "{:?}", String::from_utf8_lossy(raw));
        assert!(!reply.error().is_empty());
    }
    let chunked =
        b"POST /check HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
    assert_eq!(exchange(server.addr, chunked).status, 411);
    let no_length = b"POST /check HTTP/1.1\r\nHost: t\r\n\r\n";
    assert_eq!(exchange(server.addr, no_length).status, 411);
    // A request cut short (the client closes its side) is answered, not waited for.
    let mut stream = connect(server.addr);
    stream
        .write_all(b"POST /check HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"te")
        .unwrap();
    stream.shutdown(std::net::Shutdown::Write).unwrap();
    assert_eq!(read_reply(&mut stream, &mut Vec::new()).status, 400);
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
    assert_eq!(first.header("connection"), Some("keep-alive"));
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
