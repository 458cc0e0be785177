//! `postlint lsp`: a language server over stdin/stdout (rust-analyzer's `lsp-server` for the
//! transport, `lsp-types` for the messages), for plain-text, Markdown and `*.post` drafts.
//!
//! - Diagnostics on open and on every change (incremental sync), from the guideline found
//!   from the draft's own folder upward (or `--config`); front matter and waivers count as
//!   for `check`. Each has the rule id as its code, the rule's help page as its description
//!   when the guideline has one, and the reviewer route as related information.
//! - Code actions for every suggestion with edits (safe ones preferred); hover explains the
//!   rule under the cursor; an inlay hint at the end shows the length on each platform.
//! - A guideline that changes on disk is read again on the next check; one that does not load
//!   is one diagnostic on the guideline file, and its drafts wait for it to be fixed.
//!
//! Checks run on the message loop: a 3,000-character post takes well under a millisecond in a
//! release build, so a keystroke never waits behind a queue.

// lsp-types' `Uri` hashes and compares its text only (its own `WorkspaceEdit::changes` is a
// map keyed by it); clippy sees the cache cell inside the parsed form.
#![allow(clippy::mutable_key_type)]

use super::args::LspArgs;
use super::error::msg;
use super::Error;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use postlint::{Applicability, Guideline, Linter, Locale, Options, Post, Report, Severity};
use serde_json::json;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::SystemTime;

/// Runs the server until the client says `exit`.
pub fn run(args: &LspArgs) -> Result<ExitCode, Error> {
    let (conn, io) = Connection::stdio();
    let (id, params) = conn
        .initialize_start()
        .map_err(|e| Error::new(msg!("error.lsp.protocol", detail = e.to_string())))?;
    let params: lsp::InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let utf8 = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|e| e.contains(&lsp::PositionEncodingKind::UTF8));
    let encoding = if utf8 {
        lsp::PositionEncodingKind::UTF8
    } else {
        lsp::PositionEncodingKind::UTF16
    };
    let capabilities = lsp::ServerCapabilities {
        position_encoding: Some(encoding),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Simple(true)),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        inlay_hint_provider: Some(lsp::OneOf::Left(true)),
        ..Default::default()
    };
    let result = json!({
        "capabilities": capabilities,
        "serverInfo": {"name": "postlint", "version": env!("CARGO_PKG_VERSION")},
    });
    conn.initialize_finish(id, result)
        .map_err(|e| Error::new(msg!("error.lsp.protocol", detail = e.to_string())))?;
    let mut server = Server {
        conn: &conn,
        args,
        utf8,
        docs: HashMap::new(),
        linters: HashMap::new(),
    };
    server.serve()?;
    drop(conn);
    io.join()
        .map_err(|e| Error::new(msg!("error.lsp.protocol", detail = e.to_string())))?;
    Ok(ExitCode::SUCCESS)
}

/// An open draft and what its last check said.
struct Doc {
    text: String,
    path: Option<PathBuf>,
    /// The last check: the linter that made it and the report.
    checked: Option<(Arc<Linter>, Report)>,
}

/// A guideline as last read: its linter, or why it does not load, and the file's stamp.
struct Loaded {
    linter: Result<Arc<Linter>, postlint::Error>,
    stamp: Option<(SystemTime, u64)>,
}

struct Server<'a> {
    conn: &'a Connection,
    args: &'a LspArgs,
    /// Positions count UTF-8 bytes (negotiated) instead of UTF-16 code units.
    utf8: bool,
    docs: HashMap<lsp::Uri, Doc>,
    /// By guideline file (`None`: the built-in pack).
    linters: HashMap<Option<PathBuf>, Loaded>,
}

impl Server<'_> {
    fn serve(&mut self) -> Result<(), Error> {
        let protocol = |e: lsp_server::ProtocolError| {
            Error::new(msg!("error.lsp.protocol", detail = e.to_string()))
        };
        while let Ok(message) = self.conn.receiver.recv() {
            match message {
                Message::Request(req) => {
                    if self.conn.handle_shutdown(&req).map_err(protocol)? {
                        return Ok(());
                    }
                    let response = self.request(req);
                    self.send(Message::Response(response));
                }
                Message::Notification(n) => self.notification(n),
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    fn send(&self, message: Message) {
        // The client went away: the loop ends when the receiver does.
        let _ = self.conn.sender.send(message);
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            "textDocument/codeAction" => parse(req).map(|p| json!(self.code_actions(&p))),
            "textDocument/hover" => parse(req).map(|p| json!(self.hover(&p))),
            "textDocument/inlayHint" => parse(req).map(|p| json!(self.inlay_hints(&p))),
            other => Err(Response::new_err(
                id.clone(),
                ErrorCode::MethodNotFound as i32,
                format!("postlint does not handle {other}"),
            )),
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err(mut e) => {
                e.id = id;
                e
            }
        }
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let Ok(p) = n.extract::<lsp::DidOpenTextDocumentParams>("textDocument/didOpen")
                else {
                    return;
                };
                let uri = p.text_document.uri;
                let path = file_path(&uri);
                let doc = Doc {
                    text: p.text_document.text,
                    path,
                    checked: None,
                };
                self.docs.insert(uri.clone(), doc);
                self.check(&uri);
            }
            "textDocument/didChange" => {
                let Ok(p) = n.extract::<lsp::DidChangeTextDocumentParams>("textDocument/didChange")
                else {
                    return;
                };
                let uri = p.text_document.uri;
                let utf8 = self.utf8;
                let Some(doc) = self.docs.get_mut(&uri) else {
                    return;
                };
                for change in p.content_changes {
                    match change.range {
                        Some(range) => {
                            let start = offset(&doc.text, range.start, utf8);
                            let end = offset(&doc.text, range.end, utf8).max(start);
                            doc.text.replace_range(start..end, &change.text);
                        }
                        None => doc.text = change.text,
                    }
                }
                self.check(&uri);
            }
            "textDocument/didSave" | "workspace/didChangeWatchedFiles" => {
                // A saved guideline is read again by the next check of its drafts.
                let uris: Vec<lsp::Uri> = self.docs.keys().cloned().collect();
                for uri in uris {
                    self.check(&uri);
                }
            }
            "textDocument/didClose" => {
                let Ok(p) = n.extract::<lsp::DidCloseTextDocumentParams>("textDocument/didClose")
                else {
                    return;
                };
                self.docs.remove(&p.text_document.uri);
                self.publish(&p.text_document.uri, Vec::new());
            }
            _ => {}
        }
    }

    /// The guideline for a draft at `path`: `--no-config`, `--config`, or the nearest one
    /// from its folder upward; read again when its file changed.
    fn linter_for(
        &mut self,
        path: Option<&Path>,
    ) -> (Option<PathBuf>, Result<Arc<Linter>, postlint::Error>) {
        let file = if self.args.guideline.no_config {
            None
        } else if let Some(c) = &self.args.guideline.config {
            Some(c.clone())
        } else {
            path.and_then(Path::parent).and_then(Guideline::discover)
        };
        let stamp = file.as_deref().and_then(stamp);
        let fresh = self.linters.get(&file).is_some_and(|l| l.stamp == stamp);
        if !fresh {
            let linter = self.load(file.as_deref());
            self.linters.insert(file.clone(), Loaded { linter, stamp });
        }
        let linter = match &self.linters[&file].linter {
            Ok(l) => Ok(Arc::clone(l)),
            Err(e) => Err(e.clone()),
        };
        (file, linter)
    }

    fn load(&self, file: Option<&Path>) -> Result<Arc<Linter>, postlint::Error> {
        let guideline = match file {
            None => Guideline::recommended(),
            Some(f) => Guideline::loader()
                .allow_outside_paths(self.args.guideline.allow_outside_paths)
                .from_path(f)?,
        };
        let locale = self
            .args
            .guideline
            .locale
            .or(guideline.locale())
            .unwrap_or(Locale::EN);
        Ok(Arc::new(Linter::with_options(
            guideline,
            Options::new().locale(locale),
        )?))
    }

    /// Checks an open draft and publishes its diagnostics (or the guideline's error).
    fn check(&mut self, uri: &lsp::Uri) {
        let Some(path) = self.docs.get(uri).map(|d| d.path.clone()) else {
            return;
        };
        let (file, linter) = self.linter_for(path.as_deref());
        if let Some(f) = &file {
            let guideline_uri = path_uri(f);
            let diagnostics = match &linter {
                Err(e) => vec![guideline_diagnostic(e)],
                Ok(_) => Vec::new(),
            };
            if let Some(u) = guideline_uri {
                self.publish(&u, diagnostics);
            }
        }
        let utf8 = self.utf8;
        let Some(doc) = self.docs.get_mut(uri) else {
            return;
        };
        let linter = match linter {
            Ok(l) => l,
            Err(_) => {
                doc.checked = None;
                self.publish(uri, Vec::new());
                return;
            }
        };
        let source = doc
            .path
            .as_ref()
            .map_or_else(|| uri.as_str().to_string(), |p| p.display().to_string());
        let post = Post::from_draft(doc.text.as_str(), &source)
            .and_then(|post| linter.check_waivers(&post, None).map(|()| post));
        let diagnostics = match post {
            Ok(post) => {
                let report = linter.check(&post);
                let d = diagnostics(uri, &doc.text, &report, &linter, utf8);
                doc.checked = Some((linter, report));
                d
            }
            Err(e) => {
                doc.checked = None;
                vec![draft_error(&doc.text, &e, utf8)]
            }
        };
        self.publish(uri, diagnostics);
    }

    fn publish(&self, uri: &lsp::Uri, diagnostics: Vec<lsp::Diagnostic>) {
        let params = lsp::PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version: None,
        };
        self.send(Message::Notification(Notification::new(
            "textDocument/publishDiagnostics".into(),
            params,
        )));
    }

    /// A fix for each suggestion with edits of the findings in the range; safe ones first
    /// and preferred.
    fn code_actions(&self, p: &lsp::CodeActionParams) -> Vec<lsp::CodeActionOrCommand> {
        let Some(doc) = self.docs.get(&p.text_document.uri) else {
            return Vec::new();
        };
        let Some((linter, report)) = &doc.checked else {
            return Vec::new();
        };
        let from = offset(&doc.text, p.range.start, self.utf8);
        let to = offset(&doc.text, p.range.end, self.utf8);
        let mut actions = Vec::new();
        for f in report.findings.iter().filter(|f| !f.is_waived()) {
            if f.span.end < from || f.span.start > to {
                continue;
            }
            let diagnostic = diagnostic(&p.text_document.uri, &doc.text, f, linter, self.utf8);
            for s in f.suggestions.iter().filter(|s| !s.edits.is_empty()) {
                let edits: Vec<lsp::TextEdit> = s
                    .edits
                    .iter()
                    .map(|e| lsp::TextEdit {
                        range: range(&doc.text, e.start, e.end, self.utf8),
                        new_text: e.replacement.clone(),
                    })
                    .collect();
                let safe = s.applicability == Applicability::Safe;
                let mut changes = HashMap::new();
                changes.insert(p.text_document.uri.clone(), edits);
                actions.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: s.title.clone(),
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(lsp::WorkspaceEdit {
                        changes: Some(changes),
                        ..Default::default()
                    }),
                    is_preferred: Some(safe),
                    ..Default::default()
                }));
            }
        }
        // Safe fixes first.
        actions.sort_by_key(|a| match a {
            lsp::CodeActionOrCommand::CodeAction(a) => a.is_preferred != Some(true),
            lsp::CodeActionOrCommand::Command(_) => true,
        });
        actions
    }

    /// What the rules under the cursor are for, and what to do instead.
    fn hover(&self, p: &lsp::HoverParams) -> Option<lsp::Hover> {
        let uri = &p.text_document_position_params.text_document.uri;
        let doc = self.docs.get(uri)?;
        let (linter, report) = doc.checked.as_ref()?;
        let at = offset(
            &doc.text,
            p.text_document_position_params.position,
            self.utf8,
        );
        let mut parts = Vec::new();
        let mut seen = Vec::new();
        for f in report
            .findings
            .iter()
            .filter(|f| f.span.start <= at && at <= f.span.end)
        {
            if seen.contains(&f.rule.as_str()) {
                continue;
            }
            seen.push(&f.rule);
            let Some(info) = linter.rule(&f.rule) else {
                continue;
            };
            parts.push(format!(
                "**{}** — {}\n\n{}",
                info.id,
                info.summary,
                info.explanation.trim()
            ));
        }
        if parts.is_empty() {
            return None;
        }
        Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: parts.join("\n\n---\n\n"),
            }),
            range: None,
        })
    }

    /// The post's length on each platform, at its end: `LinkedIn 93/3000 · X 301/280 over`.
    fn inlay_hints(&self, p: &lsp::InlayHintParams) -> Vec<lsp::InlayHint> {
        let Some(doc) = self.docs.get(&p.text_document.uri) else {
            return Vec::new();
        };
        let Some((linter, report)) = &doc.checked else {
            return Vec::new();
        };
        if report.platforms.is_empty() {
            return Vec::new();
        }
        let over = linter.message("output.over");
        let label: Vec<String> = report
            .platforms
            .iter()
            .map(|l| {
                let name = linter
                    .platform(&l.name)
                    .map_or(l.name.as_str(), |p| p.display_name.as_str());
                if l.length > l.limit {
                    format!("{name} {}/{} {over}", l.length, l.limit)
                } else {
                    format!("{name} {}/{}", l.length, l.limit)
                }
            })
            .collect();
        let end = doc.text.trim_end().len();
        vec![lsp::InlayHint {
            position: position(&doc.text, end, self.utf8),
            label: lsp::InlayHintLabel::String(label.join(" · ")),
            kind: None,
            text_edits: None,
            tooltip: None,
            padding_left: Some(true),
            padding_right: None,
            data: None,
        }]
    }
}

/// The request's parameters, or an `InvalidParams` answer.
fn parse<P: serde::de::DeserializeOwned>(req: Request) -> Result<P, Response> {
    serde_json::from_value(req.params).map_err(|e| {
        Response::new_err(
            RequestId::from(0),
            ErrorCode::InvalidParams as i32,
            e.to_string(),
        )
    })
}

fn diagnostics(
    uri: &lsp::Uri,
    text: &str,
    report: &Report,
    linter: &Linter,
    utf8: bool,
) -> Vec<lsp::Diagnostic> {
    report
        .findings
        .iter()
        .map(|f| diagnostic(uri, text, f, linter, utf8))
        .collect()
}

fn diagnostic(
    uri: &lsp::Uri,
    text: &str,
    f: &postlint::Finding,
    linter: &Linter,
    utf8: bool,
) -> lsp::Diagnostic {
    let range = range(text, f.span.start, f.span.end, utf8);
    let mut message = f.message.clone();
    // A waived finding stays visible, quietly: a hint with the reason.
    let severity = match (&f.waived, f.severity) {
        (Some(w), _) => {
            let args = [("reason", postlint::Arg::from(w.reason.as_str()))];
            message = format!(
                "{message} ({})",
                linter.message_with("output.waived", &args)
            );
            lsp::DiagnosticSeverity::HINT
        }
        (None, Severity::Error) => lsp::DiagnosticSeverity::ERROR,
        (None, Severity::Warning) => lsp::DiagnosticSeverity::WARNING,
        (None, _) => lsp::DiagnosticSeverity::INFORMATION,
    };
    let href = linter
        .rule(&f.rule)
        .and_then(|r| r.help_url)
        .and_then(|u| u.parse::<lsp::Uri>().ok());
    // The route, said where the finding is: editors list it under the diagnostic.
    let related = f.route.as_ref().map(|role| {
        let args = [("role", postlint::Arg::from(linter.role_name(role)))];
        vec![lsp::DiagnosticRelatedInformation {
            location: lsp::Location {
                uri: uri.clone(),
                range,
            },
            message: linter.message_with("lsp.route", &args),
        }]
    });
    lsp::Diagnostic {
        range,
        severity: Some(severity),
        code: Some(lsp::NumberOrString::String(f.rule.clone())),
        code_description: href.map(|href| lsp::CodeDescription { href }),
        source: Some("postlint".into()),
        message,
        related_information: related,
        tags: None,
        data: f.route.as_ref().map(|r| json!({"route": r})),
    }
}

/// A draft whose front matter or waivers do not hold: one error where they go wrong.
fn draft_error(text: &str, e: &postlint::Error, utf8: bool) -> lsp::Diagnostic {
    let at = e
        .location()
        .map(|(line, column)| lsp::Position {
            line: line.saturating_sub(1) as u32,
            character: column_units(text, line, column, utf8),
        })
        .unwrap_or_default();
    error_diagnostic(lsp::Range { start: at, end: at }, e)
}

/// The one diagnostic on a guideline file that does not load.
fn guideline_diagnostic(e: &postlint::Error) -> lsp::Diagnostic {
    let text = e
        .path()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .unwrap_or_default();
    draft_error(&text, e, false)
}

fn error_diagnostic(range: lsp::Range, e: &postlint::Error) -> lsp::Diagnostic {
    let message = match e.help_text() {
        Some(help) => format!("{} ({help})", e.message()),
        None => e.message().to_string(),
    };
    lsp::Diagnostic {
        range,
        severity: Some(lsp::DiagnosticSeverity::ERROR),
        source: Some("postlint".into()),
        message,
        ..Default::default()
    }
}

/// The LSP column of 1-based `line` and scalar-value `column`.
fn column_units(text: &str, line: usize, column: usize, utf8: bool) -> u32 {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = &text[start.min(text.len())..];
    let prefix: String = rest.chars().take(column.saturating_sub(1)).collect();
    units(&prefix, utf8)
}

fn units(s: &str, utf8: bool) -> u32 {
    if utf8 {
        s.len() as u32
    } else {
        s.encode_utf16().count() as u32
    }
}

/// The LSP position of byte `at` of `text`.
fn position(text: &str, at: usize, utf8: bool) -> lsp::Position {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    lsp::Position {
        line: text[..line_start].matches('\n').count() as u32,
        character: units(&text[line_start..at], utf8),
    }
}

fn range(text: &str, start: usize, end: usize, utf8: bool) -> lsp::Range {
    lsp::Range {
        start: position(text, start, utf8),
        end: position(text, end, utf8),
    }
}

/// The byte offset of an LSP position (clamped to the line and the text).
fn offset(text: &str, p: lsp::Position, utf8: bool) -> usize {
    let mut start = 0;
    for _ in 0..p.line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut units = 0u32;
    for (i, c) in text[start..line_end].char_indices() {
        if units >= p.character {
            return start + i;
        }
        units += if utf8 {
            c.len_utf8() as u32
        } else {
            c.len_utf16() as u32
        };
    }
    line_end
}

/// The path of a `file:` URI.
fn file_path(uri: &lsp::Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let decoded = percent_encoding::percent_decode_str(rest)
        .decode_utf8()
        .ok()?;
    Some(PathBuf::from(decoded.into_owned()))
}

/// The `file:` URI of a path (SARIF's encoding: an absolute path becomes `file://…`).
fn path_uri(path: &Path) -> Option<lsp::Uri> {
    let absolute = std::path::absolute(path).ok()?;
    postlint::render::path_uri(&absolute.to_string_lossy())
        .parse()
        .ok()
}

/// The file's modification time and size, to tell when a guideline changed.
fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip_in_both_encodings() {
        let text = "Hej 🚑 med æøå\nanden linje: rabat";
        for utf8 in [false, true] {
            for (at, _) in text.char_indices() {
                let p = position(text, at, utf8);
                assert_eq!(offset(text, p, utf8), at, "{at} {utf8}");
            }
        }
        // The ambulance is two UTF-16 units and four bytes.
        let after = text.find(" med").unwrap();
        assert_eq!(position(text, after, false).character, 6);
        assert_eq!(position(text, after, true).character, 8);
        let second = text.find("rabat").unwrap();
        assert_eq!(
            position(text, second, false),
            lsp::Position {
                line: 1,
                character: 13
            }
        );
    }

    #[test]
    fn file_uris_decode_and_encode() {
        let uri: lsp::Uri = "file:///tmp/m%C3%B8de%20i%20dag.md".parse().unwrap();
        assert_eq!(file_path(&uri), Some(PathBuf::from("/tmp/møde i dag.md")));
        let back = path_uri(Path::new("/tmp/møde i dag.md")).unwrap();
        assert_eq!(back.as_str(), "file:///tmp/m%C3%B8de%20i%20dag.md");
    }
}
