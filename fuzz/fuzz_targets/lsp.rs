//! A session of arbitrary LSP traffic against the real server, in process: the handlers and the
//! document store that `section55 lsp` serves (`section55::lsp::service()`), with
//! `initialize` first and then any sequence of opens, incremental and full changes (ranges in and
//! out of the document, multi-byte text, CRLF), closes, feature requests at arbitrary positions,
//! configuration changes and raw messages with arbitrary methods and parameters, in either
//! position encoding.
//!
//! Fails on: a panic in any handler (libFuzzer's panic hook aborts even where the server would
//! catch it and answer an internal error), an internal-error answer, a request that does not
//! answer within 10 s, and a final ordinary request (hover on the first document) that does not
//! answer.
#![no_main]

use std::time::Duration;

use arbitrary::Arbitrary;
use futures::{SinkExt, StreamExt};
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};
use tower::{Service, ServiceExt};
use tower_lsp_server::LspService;
use tower_lsp_server::jsonrpc::{ErrorCode, Request, Response};

const EXAMPLE: &str = include_str!("../../examples/norfolk-gbcse-progress-2025.s55.yaml");
const CLEAN: &str = include_str!("../../examples/surrey-peel-2025.s55.yaml");

#[derive(Arbitrary, Debug)]
struct Session {
    utf8: bool,
    pull: bool,
    ops: Vec<Op>,
}

#[derive(Arbitrary, Debug)]
enum Op {
    Open { doc: Doc, text: Text },
    Change { doc: Doc, edits: Vec<Edit> },
    Close { doc: Doc },
    Completion { doc: Doc, at: Position },
    Hover { doc: Doc, at: Position },
    CodeAction { doc: Doc, range: Range },
    Symbols { doc: Doc },
    Definition { doc: Doc, at: Position },
    InlayHint { doc: Doc, range: Range },
    Pull { doc: Doc },
    Configuration { settings: Settings },
    Raw { method: Method, params: String },
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Doc {
    A,
    B,
    /// Not a response file by name.
    Other,
    /// Never opened by a well-behaved client.
    Unknown,
}

impl Doc {
    fn uri(self) -> &'static str {
        match self {
            Doc::A => "file:///fuzz/a.s55.yaml",
            Doc::B => "file:///fuzz/dir/b.s55.yml",
            Doc::Other => "file:///fuzz/other.yaml",
            Doc::Unknown => "file:///fuzz/unknown.s55.yaml",
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Text {
    Example,
    Clean,
    ExampleCrlf,
    Own(String),
    /// The example with arbitrary text spliced in at a byte offset (rounded to a character).
    Spliced { at: u16, text: String },
}

impl Text {
    fn text(&self) -> String {
        match self {
            Text::Example => EXAMPLE.to_owned(),
            Text::Clean => CLEAN.to_owned(),
            Text::ExampleCrlf => EXAMPLE.replace('\n', "\r\n"),
            Text::Own(s) => s.clone(),
            Text::Spliced { at, text } => {
                let mut at = (*at as usize).min(EXAMPLE.len());
                while !EXAMPLE.is_char_boundary(at) {
                    at -= 1;
                }
                format!("{}{text}{}", &EXAMPLE[..at], &EXAMPLE[at..])
            }
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Position {
    /// Mostly inside the example's 140 lines.
    Near { line: u8, character: u8 },
    Far { line: u32, character: u32 },
}

impl Position {
    fn json(self) -> Value {
        match self {
            Position::Near { line, character } => json!({"line": line, "character": character}),
            Position::Far { line, character } => json!({"line": line, "character": character}),
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
struct Range {
    start: Position,
    end: Position,
}

impl Range {
    fn json(self) -> Value {
        json!({"start": self.start.json(), "end": self.end.json()})
    }
}

#[derive(Arbitrary, Debug)]
struct Edit {
    /// None: replace the whole document.
    range: Option<Range>,
    text: String,
    version: i32,
}

#[derive(Arbitrary, Debug)]
enum Settings {
    Empty,
    Today(String),
    Severity { rule: String, level: String },
    Raw(String),
}

impl Settings {
    fn json(&self) -> Value {
        match self {
            Settings::Empty => json!({}),
            Settings::Today(t) => json!({"section55": {"today": t}}),
            Settings::Severity { rule, level } => json!({"section55": {"rules": {rule: level}}}),
            Settings::Raw(s) => serde_json::from_str(s).unwrap_or(Value::Null),
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Method {
    Known(u8),
    Own(String),
}

const METHODS: &[&str] = &[
    "textDocument/didOpen",
    "textDocument/didChange",
    "textDocument/didClose",
    "textDocument/didSave",
    "textDocument/completion",
    "textDocument/hover",
    "textDocument/codeAction",
    "textDocument/documentSymbol",
    "textDocument/definition",
    "textDocument/inlayHint",
    "textDocument/diagnostic",
    "workspace/didChangeConfiguration",
    "workspace/didChangeWatchedFiles",
    "completionItem/resolve",
    "initialize",
    "shutdown",
    "$/cancelRequest",
    "$/setTrace",
];

struct Driver {
    service: LspService<section55::lsp::Backend>,
    next_id: i64,
}

impl Driver {
    async fn send(&mut self, method: &str, params: Value, request: bool) -> Option<Response> {
        let mut builder = Request::build(method.to_owned()).params(params);
        if request {
            self.next_id += 1;
            builder = builder.id(self.next_id);
        }
        let call = async {
            let ready = self.service.ready().await.ok()?;
            ready.call(builder.finish()).await.ok()?
        };
        let response = tokio::time::timeout(Duration::from_secs(10), call)
            .await
            .unwrap_or_else(|_| panic!("no answer to {method} within 10 s"));
        if let Some(response) = &response {
            if let (_, Err(error)) = response.clone().into_parts() {
                assert!(
                    error.code != ErrorCode::InternalError,
                    "internal error answering {method}: {}",
                    error.message
                );
            }
        }
        response
    }

    async fn request(&mut self, method: &str, params: Value) -> Option<Response> {
        self.send(method, params, true).await
    }

    async fn notify(&mut self, method: &str, params: Value) {
        self.send(method, params, false).await;
    }
}

fn doc(d: Doc) -> Value {
    json!({"uri": d.uri()})
}

async fn run(session: Session) {
    let (service, socket) = section55::lsp::service();
    // Answer whatever the server asks the client (configuration, registrations, refreshes).
    let (mut requests, mut responses) = socket.split();
    let client = tokio::spawn(async move {
        while let Some(request) = requests.next().await {
            if let Some(id) = request.id().cloned() {
                let _ = responses.send(Response::from_ok(id, Value::Null)).await;
            }
        }
    });
    let mut driver = Driver { service, next_id: 0 };
    let encodings = if session.utf8 { json!(["utf-8", "utf-16"]) } else { json!(["utf-16"]) };
    let diagnostic = if session.pull { json!({"dynamicRegistration": false}) } else { Value::Null };
    driver
        .request(
            "initialize",
            json!({
                "capabilities": {
                    "general": {"positionEncodings": encodings},
                    "workspace": {"configuration": true},
                    "textDocument": {"diagnostic": diagnostic, "publishDiagnostics": {"versionSupport": true}},
                }
            }),
        )
        .await;
    driver.notify("initialized", json!({})).await;
    let mut versions = [1i32; 4];
    for op in session.ops.into_iter().take(64) {
        match op {
            Op::Open { doc: d, text } => {
                let params = json!({"textDocument": {"uri": d.uri(), "languageId": "yaml", "version": 1, "text": text.text()}});
                driver.notify("textDocument/didOpen", params).await;
            }
            Op::Change { doc: d, edits } => {
                let slot = &mut versions[d as usize];
                *slot = slot.wrapping_add(1);
                let version = edits.first().map_or(*slot, |e| if e.version % 7 == 0 { e.version } else { *slot });
                let changes: Vec<Value> = edits
                    .iter()
                    .take(16)
                    .map(|e| match e.range {
                        Some(r) => json!({"range": r.json(), "text": e.text}),
                        None => json!({"text": e.text}),
                    })
                    .collect();
                let params = json!({"textDocument": {"uri": d.uri(), "version": version}, "contentChanges": changes});
                driver.notify("textDocument/didChange", params).await;
            }
            Op::Close { doc: d } => driver.notify("textDocument/didClose", json!({"textDocument": doc(d)})).await,
            Op::Completion { doc: d, at } => {
                driver.request("textDocument/completion", json!({"textDocument": doc(d), "position": at.json()})).await;
            }
            Op::Hover { doc: d, at } => {
                driver.request("textDocument/hover", json!({"textDocument": doc(d), "position": at.json()})).await;
            }
            Op::CodeAction { doc: d, range } => {
                let params = json!({"textDocument": doc(d), "range": range.json(), "context": {"diagnostics": []}});
                driver.request("textDocument/codeAction", params).await;
            }
            Op::Symbols { doc: d } => {
                driver.request("textDocument/documentSymbol", json!({"textDocument": doc(d)})).await;
            }
            Op::Definition { doc: d, at } => {
                driver.request("textDocument/definition", json!({"textDocument": doc(d), "position": at.json()})).await;
            }
            Op::InlayHint { doc: d, range } => {
                driver.request("textDocument/inlayHint", json!({"textDocument": doc(d), "range": range.json()})).await;
            }
            Op::Pull { doc: d } => {
                driver.request("textDocument/diagnostic", json!({"textDocument": doc(d)})).await;
            }
            Op::Configuration { settings } => {
                driver.notify("workspace/didChangeConfiguration", json!({"settings": settings.json()})).await;
            }
            Op::Raw { method, params } => {
                let method = match method {
                    Method::Known(i) => METHODS[i as usize % METHODS.len()].to_owned(),
                    Method::Own(m) => m,
                };
                // `shutdown` and `exit` end the session; everything else goes through.
                if method == "shutdown" || method == "exit" {
                    continue;
                }
                let params = serde_json::from_str(&params).unwrap_or(Value::String(params));
                driver.request(&method, params.clone()).await;
                driver.notify(&method, params).await;
            }
        }
    }
    // An ordinary request still answers after all that.
    let hover = json!({"textDocument": doc(Doc::A), "position": {"line": 0, "character": 0}});
    assert!(driver.request("textDocument/hover", hover).await.is_some(), "the final hover got no answer");
    driver.request("shutdown", Value::Null).await;
    drop(driver);
    client.abort();
}

fuzz_target!(|session: Session| {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
    runtime.block_on(run(session));
});
