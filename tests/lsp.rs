//! `postlint lsp` end to end: the test starts the server, speaks JSON-RPC to it over its
//! stdin and stdout (initialize, didOpen, didChange, codeAction, hover, inlayHint, a broken
//! guideline and its repair, shutdown, exit), and asserts the diagnostics and the edits.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

/// A guard against a hang, not a speed test.
const WAIT: Duration = Duration::from_secs(20);

const GUIDELINE: &str = "extends = [\"recommended\"]\nplatforms = [\"linkedin\"]\n\n[rules.\"links.tracking\"]\nroute = \"comms\"\n";

/// A Danish draft: an emoji before the link (two UTF-16 units, four bytes) and tracking codes.
const DRAFT: &str =
    "Vi har åbnet en ny station 🚑 Læs mere: https://example.dk/nyhed?utm_source=linkedin\n";

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(dir: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_postlint"))
            .arg("lsp")
            .current_dir(dir)
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("POSTLINT_CONFIG")
            .env("XDG_CONFIG_HOME", dir.join(".no-user-config"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("postlint lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        length = v.parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 1,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its result (notifications on the way are kept aside).
    #[track_caller]
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let v = self.wait_for(|m| m["id"] == id);
        assert!(v.get("error").is_none(), "{method}: {v}");
        v["result"].clone()
    }

    /// The next message that satisfies `pred`.
    #[track_caller]
    fn wait_for(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let m = self
                .incoming
                .recv_timeout(left)
                .expect("the server answers in time");
            if pred(&m) {
                return m;
            }
        }
    }

    /// The next diagnostics published for `uri`.
    #[track_caller]
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let m = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn uri_of(path: &Path) -> String {
    let encoded: Vec<String> = path
        .to_str()
        .unwrap()
        .split('/')
        .map(|s| {
            s.bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect()
        })
        .collect();
    format!("file://{}", encoded.join("/"))
}

fn find<'a>(diags: &'a [Value], rule: &str) -> Option<&'a Value> {
    diags.iter().find(|d| d["code"] == rule)
}

#[test]
fn an_editor_gets_diagnostics_fixes_explanations_and_lengths() {
    let dir = tempfile::tempdir().unwrap();
    let dir_path = dir.path().canonicalize().unwrap();
    let guideline = dir_path.join("postlint.toml");
    std::fs::write(&guideline, GUIDELINE).unwrap();
    let draft = dir_path.join("opslag i dag.md");
    let uri = uri_of(&draft);
    let guideline_uri = uri_of(&guideline);

    let mut c = Client::start(&dir_path);
    let init = c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    let caps = &init["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["codeActionProvider"], true);
    assert_eq!(init["serverInfo"]["name"], "postlint");
    c.notify("initialized", json!({}));

    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DRAFT}}),
    );
    let diags = c.diagnostics(&uri);
    let tracking = find(&diags, "links.tracking").expect("the tracking link is found");
    // UTF-16 columns: the link starts after "… station 🚑 Læs mere: ".
    let link_start = DRAFT.find("https://").unwrap();
    let column = DRAFT[..link_start].encode_utf16().count();
    assert_eq!(
        tracking["range"]["start"],
        json!({"line": 0, "character": column})
    );
    assert_eq!(tracking["source"], "postlint");
    assert_eq!(tracking["severity"], 3, "information");
    // The guideline routes it: the reviewer is said as related information.
    let related = &tracking["relatedInformation"][0];
    assert_eq!(related["message"], "Goes to comms for review");
    assert_eq!(related["location"]["uri"], uri.as_str());
    assert_eq!(related["location"]["range"], tracking["range"]);

    // The safe fix, preferred, removes the tracking codes.
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": tracking["range"],
               "context": {"diagnostics": [tracking]}}),
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["isPreferred"] == true)
        .expect("a preferred fix");
    let edit = &fix["edit"]["changes"][&uri][0];
    assert_eq!(edit["range"]["start"]["line"], 0);
    // The edit's columns are UTF-16 units on line 0.
    let byte = |units: u64| {
        let mut n = 0u64;
        DRAFT
            .char_indices()
            .find(|(_, c)| {
                let here = n;
                n += c.len_utf16() as u64;
                here >= units
            })
            .map_or(DRAFT.len(), |(i, _)| i)
    };
    let start = byte(edit["range"]["start"]["character"].as_u64().unwrap());
    let end = byte(edit["range"]["end"]["character"].as_u64().unwrap());
    let mut fixed = DRAFT.to_string();
    fixed.replace_range(start..end, edit["newText"].as_str().unwrap());
    assert!(
        fixed.contains("https://example.dk/nyhed") && !fixed.contains("utm_"),
        "{fixed}"
    );

    // Hover explains the rule.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": column + 3}}),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("**links.tracking**"), "{text}");
    // The length on the guideline's platform, as an inlay hint.
    let hints = c.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 2, "character": 0}}}),
    );
    let label = hints[0]["label"].as_str().unwrap();
    assert!(
        label.starts_with("LinkedIn ") && label.ends_with("/3000"),
        "{label}"
    );

    // An incremental change: a sales line at the end of the text.
    let t = Instant::now();
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": {"start": {"line": 1, "character": 0},
                                             "end": {"line": 1, "character": 0}},
                                   "text": "Kæmpe rabat – køb nu!"}]}),
    );
    let diags = c.diagnostics(&uri);
    eprintln!("didChange → diagnostics: {:?}", t.elapsed());
    let discount = find(&diags, "sales.discount").expect("the discount is found");
    assert_eq!(discount["range"]["start"]["line"], 1);
    assert_eq!(discount["range"]["start"]["character"], 6);
    assert!(find(&diags, "links.tracking").is_some());

    // A broken guideline: one diagnostic on it, at its line; the draft waits.
    std::fs::write(
        &guideline,
        "extends = [\"recommended\"]\nplatforms = linkedin\n",
    )
    .unwrap();
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    let broken = c.diagnostics(&guideline_uri);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert_eq!(broken[0]["severity"], 1);
    assert_eq!(broken[0]["range"]["start"]["line"], 1);
    assert_eq!(c.diagnostics(&uri), Vec::<Value>::new());
    // Repaired: the guideline's diagnostic goes, the draft's come back.
    std::fs::write(&guideline, GUIDELINE).unwrap();
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(c.diagnostics(&guideline_uri), Vec::<Value>::new());
    assert!(find(&c.diagnostics(&uri), "links.tracking").is_some());

    // Front matter counts: a waiver quiets the link to a hint with its reason.
    let waived = format!(
        "+++\nwaive = [{{ rule = \"links.tracking\", reason = \"Kampagnen måles\" }}]\n+++\n{DRAFT}"
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": waived}]}),
    );
    let diags = c.diagnostics(&uri);
    let quiet = find(&diags, "links.tracking").unwrap();
    assert_eq!(quiet["severity"], 4, "a hint");
    assert!(quiet["message"]
        .as_str()
        .unwrap()
        .contains("Kampagnen måles"));
    assert_eq!(quiet["range"]["start"]["line"], 3);

    // A 3,000-character post, replaced whole: the time to its diagnostics is printed (a
    // figure for the README, measured in a release build; not asserted).
    let mut long = String::new();
    while long.chars().count() < 3000 {
        long.push_str("Tak til holdet på vagtcentralen for en travl uge med mange udkald. ");
    }
    let mut times = Vec::new();
    for version in 4..24 {
        let t = Instant::now();
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": long}]}),
        );
        c.diagnostics(&uri);
        times.push(t.elapsed());
    }
    times.sort();
    eprintln!(
        "3,000-character post, didChange → diagnostics: median {:?}, max {:?}",
        times[times.len() / 2],
        times[times.len() - 1]
    );

    let shutdown = c.request("shutdown", json!(null));
    assert_eq!(shutdown, Value::Null);
    c.notify("exit", json!(null));
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(status) = c.child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            break;
        }
        assert!(Instant::now() < deadline, "the server did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}
