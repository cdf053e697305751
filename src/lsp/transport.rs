//! Stdio framing in front of `tower-lsp-server`, so that no input can stop the server.
//!
//! `tower-lsp-server` ends its read loop at the first message it cannot decode (bad JSON, a body
//! that is not UTF-8, a missing `Content-Length`), which would end the session. So a thread reads
//! stdin itself: it splits the `Content-Length` frames, passes every well-formed JSON-RPC message
//! on to the server unchanged, and answers the rest itself with a JSON-RPC error (`-32700` parse
//! error, `-32600` invalid request). The server's output is read frame by frame and written to
//! stdout by one writer thread, which also writes those error replies, so frames never
//! interleave.

use std::io::{BufRead, Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use serde_json::{Value as Json, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, DuplexStream};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};
use tower_lsp_server::jsonrpc::{Request, Response};

/// Longest header line read; longer lines are skipped as garbage.
const MAX_HEADER_LINE: usize = 8 * 1024;
/// Largest message accepted (a 50 MB response file, JSON-escaped, fits).
const MAX_BODY: usize = 256 * 1024 * 1024;

/// What the writer thread writes.
pub enum Out {
    Frame(Vec<u8>),
    /// Everything before this has been sent: flush and stop.
    Done,
}

pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

enum Frame {
    Eof,
    Body(Vec<u8>),
    Bad(String),
}

/// Reads a line up to `\n`, keeping at most `MAX_HEADER_LINE` bytes of it. Returns the bytes
/// consumed (0 at end of input).
fn read_line_capped(input: &mut impl BufRead, line: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut consumed = 0;
    loop {
        let (done, used) = {
            let available = match input.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                return Ok(consumed);
            }
            match available.iter().position(|b| *b == b'\n') {
                Some(i) => {
                    let room = MAX_HEADER_LINE.saturating_sub(line.len());
                    line.extend_from_slice(&available[..(i + 1).min(room)]);
                    (true, i + 1)
                }
                None => {
                    let room = MAX_HEADER_LINE.saturating_sub(line.len());
                    line.extend_from_slice(&available[..available.len().min(room)]);
                    (false, available.len())
                }
            }
        };
        input.consume(used);
        consumed += used;
        if done {
            return Ok(consumed);
        }
    }
}

/// The value of a `Content-Length` header anywhere in a line (garbage before it is skipped).
fn content_length(line: &str) -> Option<Result<usize, String>> {
    let lower = line.to_ascii_lowercase();
    let at = lower.find("content-length")?;
    let rest = line[at + "content-length".len()..].trim_start();
    let value = rest.strip_prefix(':')?.trim();
    Some(value.parse::<usize>().map_err(|_| value.to_owned()))
}

fn read_frame(input: &mut impl BufRead) -> Frame {
    let mut length: Option<Result<usize, String>> = None;
    let mut in_headers = false;
    loop {
        let mut line = Vec::new();
        match read_line_capped(input, &mut line) {
            Ok(0) | Err(_) => return Frame::Eof,
            Ok(_) => {}
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.trim().is_empty() {
            if in_headers {
                break;
            }
            continue;
        }
        in_headers = true;
        if let Some(found) = content_length(text) {
            length = Some(found);
        }
    }
    let n = match length {
        Some(Ok(n)) => n,
        Some(Err(value)) => return Frame::Bad(format!("Content-Length `{value}` is not a number")),
        None => return Frame::Bad("the message has no Content-Length header".to_owned()),
    };
    if n > MAX_BODY {
        let skipped = std::io::copy(&mut input.take(n as u64), &mut std::io::sink());
        if skipped.map_or(true, |s| s < n as u64) {
            return Frame::Eof;
        }
        return Frame::Bad(format!(
            "the message is {n} bytes, more than the {MAX_BODY} accepted"
        ));
    }
    // Grown as the bytes arrive: a huge Content-Length with no body behind it costs nothing.
    let mut body = Vec::with_capacity(n.min(1 << 20));
    match input.take(n as u64).read_to_end(&mut body) {
        Ok(read) if read == n => Frame::Body(body),
        _ => Frame::Eof,
    }
}

fn error_reply(id: Json, code: i64, message: String) -> Vec<u8> {
    let reply = json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}});
    frame(reply.to_string().as_bytes())
}

/// What becomes of a message from the client.
enum Verdict {
    /// Passed on to the server; a `shutdown` request or the `exit` notification is named.
    Forward(Option<Lifecycle>),
    /// Answered here with this error reply, never seen by the server.
    Answer(Vec<u8>),
    /// Dropped, with this reason logged.
    Ignore(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lifecycle {
    Shutdown,
    Exit,
}

/// Methods that are only ever notifications. `tower-lsp-server` leaves them unanswered when
/// they come with an id, and the client would wait for ever.
const NOTIFICATION_METHODS: &[&str] = &[
    "initialized",
    "textDocument/didOpen",
    "textDocument/didChange",
    "textDocument/didClose",
    "textDocument/didSave",
    "textDocument/willSave",
    "workspace/didChangeConfiguration",
    "workspace/didChangeWatchedFiles",
    "workspace/didChangeWorkspaceFolders",
    "window/workDoneProgress/cancel",
];

fn verdict(body: &[u8]) -> Verdict {
    let Ok(text) = std::str::from_utf8(body) else {
        return Verdict::Answer(error_reply(
            Json::Null,
            -32700,
            "Parse error: the message is not valid UTF-8".to_owned(),
        ));
    };
    if let Ok(request) = serde_json::from_str::<Request>(text) {
        return screen(&request);
    }
    if serde_json::from_str::<Response>(text).is_ok() {
        return Verdict::Forward(None);
    }
    Verdict::Answer(match serde_json::from_str::<Json>(text) {
        Err(e) => error_reply(Json::Null, -32700, format!("Parse error: {e}")),
        Ok(value) => {
            let id = value
                .get("id")
                .filter(|i| i.is_number() || i.is_string())
                .cloned()
                .unwrap_or(Json::Null);
            error_reply(
                id,
                -32600,
                "Invalid request: not a JSON-RPC 2.0 request, notification or response".to_owned(),
            )
        }
    })
}

/// The protocol's rules on well-formed messages that `tower-lsp-server` does not enforce.
fn screen(request: &Request) -> Verdict {
    let method = request.method();
    let Some(id) = request.id() else {
        return match method {
            "shutdown" => {
                Verdict::Ignore("ignored `shutdown` sent as a notification (it is a request)")
            }
            "exit" => Verdict::Forward(Some(Lifecycle::Exit)),
            _ => Verdict::Forward(None),
        };
    };
    let id = serde_json::to_value(id).unwrap_or(Json::Null);
    if method == "shutdown" && request.params().is_some_and(|p| !p.is_null()) {
        return Verdict::Answer(error_reply(
            id,
            -32602,
            "Invalid params: `shutdown` takes no params".to_owned(),
        ));
    }
    if method.starts_with("$/") {
        return Verdict::Answer(error_reply(
            id,
            -32601,
            format!("Method not found: `{method}` is a notification, not a request"),
        ));
    }
    if NOTIFICATION_METHODS.contains(&method) {
        return Verdict::Answer(error_reply(
            id,
            -32600,
            format!("Invalid request: `{method}` is a notification and takes no id"),
        ));
    }
    if method == "shutdown" {
        return Verdict::Forward(Some(Lifecycle::Shutdown));
    }
    Verdict::Forward(None)
}

/// The stdin thread: frames in, well-formed messages to the server, errors to the client.
/// `shutdown_received` is set as a `shutdown` request goes to the server: an `exit` right
/// behind it may cancel the handler before it runs, and the exit code must still be 0.
/// Reading stops after `exit` or at the end of input, and then `ended` is set: requests still
/// waiting for a lint give up, so the process ends at once.
pub fn read_messages(
    input: impl BufRead,
    to_server: UnboundedSender<Vec<u8>>,
    to_client: mpsc::Sender<Out>,
    shutdown_received: &AtomicBool,
    ended: tokio::sync::watch::Sender<bool>,
) {
    forward_messages(input, to_server, to_client, shutdown_received);
    ended.send_replace(true);
}

fn forward_messages(
    mut input: impl BufRead,
    to_server: UnboundedSender<Vec<u8>>,
    to_client: mpsc::Sender<Out>,
    shutdown_received: &AtomicBool,
) {
    loop {
        match read_frame(&mut input) {
            Frame::Eof => return,
            Frame::Body(body) => match verdict(&body) {
                Verdict::Forward(lifecycle) => {
                    if lifecycle == Some(Lifecycle::Shutdown) {
                        shutdown_received.store(true, Ordering::SeqCst);
                    }
                    if to_server.send(body).is_err() || lifecycle == Some(Lifecycle::Exit) {
                        return;
                    }
                }
                Verdict::Answer(reply) => {
                    super::log::line("answered a malformed message with an error");
                    let _ = to_client.send(Out::Frame(reply));
                }
                Verdict::Ignore(reason) => super::log::line(reason),
            },
            Frame::Bad(reason) => {
                super::log::line(&reason);
                let _ = to_client.send(Out::Frame(error_reply(
                    Json::Null,
                    -32700,
                    format!("Parse error: {reason}"),
                )));
            }
        }
    }
}

/// Feeds the well-formed messages to the server; closing the input ends the server's read loop.
pub async fn pump_input(mut from_stdin: UnboundedReceiver<Vec<u8>>, mut server_in: DuplexStream) {
    while let Some(body) = from_stdin.recv().await {
        if server_in.write_all(&frame(&body)).await.is_err() {
            return;
        }
    }
    let _ = server_in.shutdown().await;
}

/// Reads the server's output frame by frame and hands whole frames to the writer.
pub async fn forward_output(server_out: impl AsyncRead + Unpin, to_client: mpsc::Sender<Out>) {
    let mut reader = tokio::io::BufReader::new(server_out);
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(Ok(n)) = content_length(line) {
                length = Some(n);
            }
        }
        let Some(n) = length else { continue };
        let mut body = vec![0; n];
        if reader.read_exact(&mut body).await.is_err() {
            return;
        }
        if to_client.send(Out::Frame(frame(&body))).is_err() {
            return;
        }
    }
}

/// The stdout thread.
pub fn write_messages(from: mpsc::Receiver<Out>, mut out: impl Write) {
    for message in from {
        match message {
            Out::Frame(bytes) => {
                if out.write_all(&bytes).and_then(|()| out.flush()).is_err() {
                    return;
                }
            }
            Out::Done => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<String> {
        let mut reader = std::io::BufReader::new(input);
        let mut out = Vec::new();
        loop {
            match read_frame(&mut reader) {
                Frame::Eof => return out,
                Frame::Body(b) => out.push(format!("body {}", String::from_utf8_lossy(&b))),
                Frame::Bad(r) => out.push(format!("bad {r}")),
            }
        }
    }

    #[test]
    fn frames_survive_garbage() {
        let input = b"garbage\r\n\r\nContent-Length: 2\r\n\r\n{}junkContent-Length: 3\r\n\r\n[1]Content-Length: x\r\n\r\n";
        assert_eq!(
            frames(input),
            vec![
                "bad the message has no Content-Length header",
                "body {}",
                "body [1]",
                "bad Content-Length `x` is not a number"
            ]
        );
    }

    #[test]
    fn classifies_messages() {
        let forward = |b: &[u8]| match verdict(b) {
            Verdict::Forward(lifecycle) => Some(lifecycle),
            _ => None,
        };
        assert_eq!(
            forward(br#"{"jsonrpc":"2.0","id":1,"method":"x"}"#),
            Some(None)
        );
        assert_eq!(
            forward(br#"{"jsonrpc":"2.0","id":1,"result":null}"#),
            Some(None)
        );
        assert_eq!(
            forward(br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#),
            Some(Some(Lifecycle::Shutdown))
        );
        assert_eq!(
            forward(br#"{"jsonrpc":"2.0","method":"exit"}"#),
            Some(Some(Lifecycle::Exit))
        );
        let reply = |b: &[u8]| match verdict(b) {
            Verdict::Answer(reply) => String::from_utf8_lossy(&reply).into_owned(),
            _ => String::new(),
        };
        assert!(reply(b"{not json").contains("-32700"));
        assert!(reply(b"\xff\xfe").contains("-32700"));
        let invalid = reply(br#"{"jsonrpc":"1.0","id":7,"method":"x"}"#);
        assert!(
            invalid.contains("-32600") && invalid.contains("\"id\":7"),
            "{invalid}"
        );
        assert!(reply(br#"{"jsonrpc":"2.0","id":2,"method":"$/setTrace"}"#).contains("-32601"));
        assert!(
            reply(br#"{"jsonrpc":"2.0","id":3,"method":"shutdown","params":{}}"#)
                .contains("-32602")
        );
        assert!(matches!(
            verdict(br#"{"jsonrpc":"2.0","method":"shutdown"}"#),
            Verdict::Ignore(_)
        ));
    }
}
