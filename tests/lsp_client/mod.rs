//! A minimal LSP client for the end-to-end tests: spawns the real `section55 lsp` binary, speaks
//! JSON-RPC with `Content-Length` framing over its stdin/stdout, and never waits without a
//! timeout, so a hang fails the test instead of blocking it.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value as Json, json};

pub const TIMEOUT: Duration = Duration::from_secs(120);
pub const TODAY: &str = "2025-11-01";

pub struct Client {
    child: Child,
    /// To the thread that writes the server's stdin: a server that stops reading blocks that
    /// thread, never the test, which then times out waiting for an answer.
    stdin: Option<mpsc::Sender<Vec<u8>>>,
    rx: Receiver<Json>,
    next_id: i64,
    /// Messages received and not yet consumed.
    pending: VecDeque<Json>,
    /// What to answer `workspace/configuration` with.
    pub settings: Json,
    /// Requests the server sent us, in order.
    pub server_requests: Vec<Json>,
    pub stderr: Arc<Mutex<String>>,
    /// "utf-16" or "utf-8", as negotiated.
    pub encoding: String,
    /// The server's stderr, held open and never read ([`ServerStderr::NeverRead`]).
    _unread_stderr: Option<std::process::ChildStderr>,
}

/// What the client does with the server's stderr.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ServerStderr {
    /// Read and kept for [`Client::stderr_text`].
    Read,
    /// The pipe is closed before the server writes to it (writes fail with EPIPE).
    Closed,
    /// The pipe stays open and is never read (it fills up).
    NeverRead,
}

/// The `file:` URI of a path on this machine (absolute, `/` separators, nothing to escape).
pub fn path_uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

pub fn file_uri(name: &str) -> String {
    format!("file:///tmp/section55-lsp-tests/{name}")
}

pub fn example(name: &str) -> String {
    let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// Writes what it is sent to the server's stdin, in order, until the client closes it.
fn stdin_writer(mut stdin: ChildStdin) -> mpsc::Sender<Vec<u8>> {
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        for bytes in rx {
            if stdin
                .write_all(&bytes)
                .and_then(|()| stdin.flush())
                .is_err()
            {
                return;
            }
        }
    });
    tx
}

impl Client {
    pub fn spawn() -> Client {
        Client::spawn_with(&[])
    }

    pub fn spawn_with(env: &[(&str, &str)]) -> Client {
        Client::spawn_configured(env, ServerStderr::Read)
    }

    pub fn spawn_configured(env: &[(&str, &str)], stderr_mode: ServerStderr) -> Client {
        let mut command = Command::new(env!("CARGO_BIN_EXE_section55"));
        command
            .arg("lsp")
            .env("SECTION55_TODAY", TODAY)
            .env_remove("SECTION55_LSP_PANIC")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            command.env(k, v);
        }
        let mut child = command
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start section55 lsp: {e}"));
        let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
        let stderr_pipe = child.stderr.take().unwrap_or_else(|| panic!("no stderr"));
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    match reader.read_line(&mut line) {
                        Ok(0) | Err(_) => return,
                        Ok(_) => {}
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length:") {
                        length = v.trim().parse::<usize>().ok();
                    }
                }
                let Some(n) = length else { continue };
                let mut body = vec![0; n];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                match serde_json::from_slice::<Json>(&body) {
                    Ok(message) => {
                        if tx.send(message).is_err() {
                            return;
                        }
                    }
                    Err(e) => panic!(
                        "the server sent a message that is not JSON: {e}: {}",
                        String::from_utf8_lossy(&body)
                    ),
                }
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = stderr.clone();
        let (stderr_pipe, unread_stderr) = match stderr_mode {
            ServerStderr::Read => (Some(stderr_pipe), None),
            ServerStderr::Closed => (None, None),
            ServerStderr::NeverRead => (None, Some(stderr_pipe)),
        };
        std::thread::spawn(move || {
            let Some(stderr_pipe) = stderr_pipe else {
                return;
            };
            let mut reader = BufReader::new(stderr_pipe);
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
                if let Ok(mut s) = sink.lock() {
                    s.push_str(&line);
                }
                line.clear();
            }
        });
        Client {
            stdin: child.stdin.take().map(stdin_writer),
            child,
            rx,
            next_id: 1,
            pending: VecDeque::new(),
            settings: Json::Null,
            server_requests: Vec::new(),
            stderr,
            encoding: "utf-16".to_owned(),
            _unread_stderr: unread_stderr,
        }
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self
            .stdin
            .as_mut()
            .unwrap_or_else(|| panic!("stdin already closed"));
        stdin
            .send(bytes.to_vec())
            .unwrap_or_else(|e| panic!("cannot write to the server: {e}"));
    }

    pub fn send(&mut self, message: &Json) {
        let body = message.to_string();
        let framed = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.send_raw(framed.as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Json) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns the whole response (with `result` or `error`).
    pub fn request(&mut self, method: &str, params: Json) -> Json {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(&format!("the response to {method} (id {id})"), |m| {
            m.get("id") == Some(&json!(id)) && m.get("method").is_none()
        })
    }

    /// The `result` of a request, failing on an error.
    pub fn call(&mut self, method: &str, params: Json) -> Json {
        let response = self.request(method, params);
        if let Some(error) = response.get("error") {
            panic!("{method} failed: {error}");
        }
        response.get("result").cloned().unwrap_or(Json::Null)
    }

    /// The next message from the server, answering its requests on the way.
    fn receive(&mut self, deadline: Instant) -> Option<Json> {
        loop {
            if let Some(message) = self.receive_or_answer(deadline)? {
                return Some(message);
            }
        }
    }

    /// The next message from the server: `Some(None)` for a request, which is answered.
    fn receive_or_answer(&mut self, deadline: Instant) -> Option<Option<Json>> {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.rx.recv_timeout(left) {
            Ok(message) => {
                if message.get("method").is_some() && message.get("id").is_some() {
                    self.answer(&message);
                    return Some(None);
                }
                Some(Some(message))
            }
            Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => None,
        }
    }

    fn answer(&mut self, request: &Json) {
        let id = request.get("id").cloned().unwrap_or(Json::Null);
        let result = match request.get("method").and_then(Json::as_str) {
            Some("workspace/configuration") => {
                let n = request
                    .pointer("/params/items")
                    .and_then(Json::as_array)
                    .map_or(1, Vec::len);
                Json::Array(vec![self.settings.clone(); n])
            }
            _ => Json::Null,
        };
        self.server_requests.push(request.clone());
        self.send(&json!({"jsonrpc": "2.0", "id": id, "result": result}));
    }

    /// Waits for a message matching `pred` (already received or new), within the timeout.
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&Json) -> bool) -> Json {
        self.try_wait_for(TIMEOUT, &pred).unwrap_or_else(|| {
            panic!(
                "timed out waiting for {what}; stderr:\n{}",
                self.stderr_text()
            )
        })
    }

    pub fn try_wait_for(
        &mut self,
        timeout: Duration,
        pred: &dyn Fn(&Json) -> bool,
    ) -> Option<Json> {
        if let Some(i) = self.pending.iter().position(pred) {
            return self.pending.remove(i);
        }
        let deadline = Instant::now() + timeout;
        while let Some(message) = self.receive(deadline) {
            if pred(&message) {
                return Some(message);
            }
            self.pending.push_back(message);
        }
        None
    }

    /// Every message received so far (and within `wait`), without consuming them.
    pub fn drain(&mut self, wait: Duration) -> Vec<Json> {
        let deadline = Instant::now() + wait;
        while let Some(message) = self.receive(deadline) {
            self.pending.push_back(message);
        }
        self.pending.iter().cloned().collect()
    }

    /// The first request the server sent with `method` after the first `after` it sent,
    /// waiting for it within the timeout.
    pub fn wait_for_server_request(&mut self, method: &str, after: usize) -> Json {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let found = self
                .server_requests
                .iter()
                .skip(after)
                .find(|r| r["method"] == method);
            if let Some(request) = found {
                return request.clone();
            }
            match self.receive_or_answer(deadline) {
                Some(message) => self.pending.extend(message),
                None => panic!(
                    "timed out waiting for the server to send {method}; stderr:\n{}",
                    self.stderr_text()
                ),
            }
        }
    }

    pub fn stderr_text(&self) -> String {
        self.stderr.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// `initialize` + `initialized`; returns the initialize result.
    pub fn initialize(&mut self, capabilities: Json) -> Json {
        self.initialize_with(capabilities, Json::Null)
    }

    pub fn initialize_with(&mut self, capabilities: Json, options: Json) -> Json {
        self.initialize_params(
            json!({"processId": null, "rootUri": null, "capabilities": capabilities, "initializationOptions": options}),
        )
    }

    /// `initialize` (with the folders as `workspaceFolders`) + `initialized`.
    pub fn initialize_folders(&mut self, capabilities: Json, folders: &[&std::path::Path]) -> Json {
        let folders: Vec<Json> = folders
            .iter()
            .map(|f| json!({"uri": path_uri(f), "name": f.display().to_string()}))
            .collect();
        self.initialize_params(
            json!({"processId": null, "rootUri": null, "capabilities": capabilities, "workspaceFolders": folders}),
        )
    }

    /// `initialize` with these parameters + `initialized`; returns the initialize result.
    pub fn initialize_params(&mut self, params: Json) -> Json {
        let result = self.call("initialize", params);
        if let Some(enc) = result
            .pointer("/capabilities/positionEncoding")
            .and_then(Json::as_str)
        {
            self.encoding = enc.to_owned();
        }
        self.notify("initialized", json!({}));
        result
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.open_version(uri, text, 1);
    }

    pub fn open_version(&mut self, uri: &str, text: &str, version: i64) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": version, "text": text}}),
        );
    }

    pub fn change(&mut self, uri: &str, version: i64, changes: Json) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    /// The diagnostics published for `uri` at `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Json> {
        let message = self.wait_for(&format!("diagnostics for {uri} v{version}"), |m| {
            m.get("method").and_then(Json::as_str) == Some("textDocument/publishDiagnostics")
                && m.pointer("/params/uri").and_then(Json::as_str) == Some(uri)
                && m.pointer("/params/version") == Some(&json!(version))
        });
        message
            .pointer("/params/diagnostics")
            .and_then(Json::as_array)
            .cloned()
            .unwrap_or_default()
    }

    /// Sends `shutdown` and `exit`, and returns the exit code.
    pub fn shutdown_and_exit(mut self) -> Option<i32> {
        let response = self.request("shutdown", Json::Null);
        assert!(
            response.get("error").is_none(),
            "shutdown failed: {response}"
        );
        self.notify("exit", Json::Null);
        self.wait_exit()
    }

    pub fn close_stdin(&mut self) {
        self.stdin = None;
    }

    /// The exit code, waiting at most the timeout (then the process is killed and `None`).
    pub fn wait_exit(&mut self) -> Option<i32> {
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            match self.child.try_wait() {
                Ok(Some(status)) => return status.code(),
                Ok(None) => std::thread::sleep(Duration::from_millis(10)),
                Err(_) => break,
            }
        }
        let _ = self.child.kill();
        None
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

// ---- text and positions, computed independently of the server ----

/// Lines split as the LSP does (`\n`, `\r\n`, lone `\r`), with their byte start offsets.
pub fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => starts.push(i + 1),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                starts.push(i + 2);
                i += 1;
            }
            b'\r' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

fn line_text(text: &str, starts: &[usize], line: usize) -> String {
    let start = starts[line.min(starts.len() - 1)];
    let end = starts.get(line + 1).copied().unwrap_or(text.len());
    text[start..end].trim_end_matches(['\n', '\r']).to_owned()
}

/// The byte offset of an LSP position in `text` for the encoding.
pub fn offset(text: &str, position: &Json, encoding: &str) -> usize {
    let starts = line_starts(text);
    let line = position["line"].as_u64().unwrap_or(0) as usize;
    let character = position["character"].as_u64().unwrap_or(0) as usize;
    assert!(
        line < starts.len(),
        "line {line} is past the end of the text"
    );
    let content = line_text(text, &starts, line);
    let mut units = 0;
    for (i, c) in content.char_indices() {
        if units >= character {
            return starts[line] + i;
        }
        units += if encoding == "utf-8" {
            c.len_utf8()
        } else {
            c.len_utf16()
        };
    }
    assert!(
        units == character || character == 0,
        "character {character} is past the end of line {line} ({units} units)"
    );
    starts[line] + content.len()
}

/// The LSP position of a byte offset.
pub fn position(text: &str, byte: usize, encoding: &str) -> Json {
    let starts = line_starts(text);
    let line = starts.iter().rposition(|s| *s <= byte).unwrap_or(0);
    let prefix = &text[starts[line]..byte];
    let character: usize = prefix
        .chars()
        .map(|c| {
            if encoding == "utf-8" {
                c.len_utf8()
            } else {
                c.len_utf16()
            }
        })
        .sum();
    json!({"line": line, "character": character})
}

/// The position of the first occurrence of `needle` (its start, plus `delta` characters).
pub fn find(text: &str, needle: &str, delta: usize, encoding: &str) -> Json {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the text"));
    let byte = at
        + text[at..]
            .chars()
            .take(delta)
            .map(char::len_utf8)
            .sum::<usize>();
    position(text, byte, encoding)
}

/// The text a range covers.
pub fn slice<'t>(text: &'t str, range: &Json, encoding: &str) -> &'t str {
    let start = offset(text, &range["start"], encoding);
    let end = offset(text, &range["end"], encoding);
    &text[start..end]
}

/// Applies LSP text edits (non-overlapping) to `text`.
pub fn apply_edits(text: &str, edits: &[Json], encoding: &str) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let start = offset(text, &e["range"]["start"], encoding);
            let end = offset(text, &e["range"]["end"], encoding);
            (start, end, e["newText"].as_str().unwrap_or("").to_owned())
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (start, end, new) in spans {
        out.replace_range(start..end, &new);
    }
    out
}

/// The edits of a code action's workspace edit for `uri` (`changes` or `documentChanges`).
pub fn action_edits(action: &Json, uri: &str) -> Vec<Json> {
    if let Some(edits) = action
        .pointer("/edit/changes")
        .and_then(|c| c.get(uri))
        .and_then(Json::as_array)
    {
        return edits.clone();
    }
    action
        .pointer("/edit/documentChanges")
        .and_then(Json::as_array)
        .map(|docs| {
            docs.iter()
                .filter(|d| d.pointer("/textDocument/uri").and_then(Json::as_str) == Some(uri))
                .flat_map(|d| d["edits"].as_array().cloned().unwrap_or_default())
                .collect()
        })
        .unwrap_or_default()
}

pub fn codes(diagnostics: &[Json]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_owned())
        .collect()
}

/// What `section55 ARGS` prints for `stdin`: the command line's answer, to compare the server's
/// with (`check --fix -`, `fmt -`).
pub fn cli_output(args: &[&str], stdin: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_section55"))
        .args(args)
        .env("SECTION55_TODAY", "2026-01-15")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start section55");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin.as_bytes()).expect("write stdin");
    drop(input);
    let out = child.wait_with_output().expect("wait for section55");
    String::from_utf8_lossy(&out.stdout).into_owned()
}
