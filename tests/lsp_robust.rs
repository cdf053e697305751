//! The language server under abuse, through the real binary: a stderr that is closed or never
//! read, notification methods sent as requests, malformed and hurried shutdowns.

mod lsp_client;

use lsp_client::*;
use serde_json::{Value as Json, json};

fn caps() -> Json {
    json!({"textDocument": {"documentSymbol": {"hierarchicalDocumentSymbolSupport": true}}})
}

fn session_with(stderr: ServerStderr) -> Client {
    let mut client = Client::spawn_configured(&[], stderr);
    client.initialize(caps());
    client
}

fn surrey() -> String {
    example("surrey-peel-2025.s55.yaml")
}

/// A normal request that must be answered.
fn still_answers(client: &mut Client) {
    let uri = file_uri("alive.s55.yaml");
    client.open(&uri, &surrey());
    let hover = client.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 5, "character": 1}}),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains("force")),
        "{hover}"
    );
}

/// What makes the server log a line to stderr: an unopened document's change, an edit outside
/// the document, a malformed message.
fn provoke_logging(client: &mut Client, times: usize) {
    let unopened = file_uri("never-opened.s55.yaml");
    let opened = file_uri("opened.s55.yaml");
    client.open(&opened, "a: 1\n");
    for i in 0..times {
        client.change(&unopened, 2, json!([{"text": "x: 1\n"}]));
        client.change(
            &opened,
            i as i64 + 2,
            json!([{"range": {"start": {"line": 90, "character": 0}, "end": {"line": 99, "character": 0}}, "text": ""}]),
        );
        client.send_raw(b"Content-Length: 5\r\n\r\n{bad}");
    }
}

#[test]
fn a_closed_stderr_ends_nothing() {
    let mut client = session_with(ServerStderr::Closed);
    provoke_logging(&mut client, 3);
    still_answers(&mut client);
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn a_stderr_never_read_never_blocks_the_server() {
    let mut client = session_with(ServerStderr::NeverRead);
    // Each round logs three lines of 40 bytes or more; a pipe holds 64 KiB.
    provoke_logging(&mut client, 2_000);
    still_answers(&mut client);
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn notification_methods_sent_as_requests_are_answered_with_an_error() {
    let mut client = session_with(ServerStderr::Read);
    for (method, params) in [
        ("$/setTrace", json!({"value": "verbose"})),
        ("$/progress", json!({"token": 1, "value": {"kind": "end"}})),
        ("$/cancelRequest", json!({"id": 1})),
        ("initialized", json!({})),
    ] {
        let response = client.request(method, params);
        let code = response["error"]["code"].as_i64();
        assert!(
            matches!(code, Some(-32601 | -32600)),
            "{method}: {response}"
        );
    }
    still_answers(&mut client);
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn a_malformed_shutdown_does_not_shut_the_server_down() {
    let mut client = session_with(ServerStderr::Read);
    client.notify("shutdown", Json::Null);
    still_answers(&mut client);
    let response = client.request("shutdown", json!({"unexpected": true}));
    assert!(response.get("error").is_some(), "{response}");
    still_answers(&mut client);
    // Not shut down, so `exit` is exit code 1.
    client.notify("exit", Json::Null);
    assert_eq!(client.wait_exit(), Some(1));
}

#[test]
fn shutdown_followed_at_once_by_exit_is_exit_code_0() {
    for _ in 0..10 {
        let mut client = session_with(ServerStderr::Read);
        client.open(&file_uri("busy.s55.yaml"), &surrey());
        let shutdown = br#"{"jsonrpc":"2.0","id":99,"method":"shutdown"}"#;
        let exit = br#"{"jsonrpc":"2.0","method":"exit"}"#;
        let mut bytes = Vec::new();
        for body in [&shutdown[..], &exit[..]] {
            bytes.extend(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
            bytes.extend(body);
        }
        client.send_raw(&bytes);
        assert_eq!(client.wait_exit(), Some(0));
    }
}

/// Each diagnostic as the client sees it: code, message, the text its range covers, and the
/// text after applying each of its quick fixes (positions counted in the text the client sent,
/// byte order mark included).
fn as_seen(client: &mut Client, uri: &str, text: &str) -> Vec<Json> {
    client.open(uri, text);
    let diagnostics = client.diagnostics(uri, 1);
    let encoding = client.encoding.clone();
    let body = |t: &str| t.trim_start_matches('\u{feff}').to_owned();
    diagnostics
        .iter()
        .map(|d| {
            let actions = client.call(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
            );
            let fixed: Vec<String> = actions
                .as_array()
                .into_iter()
                .flatten()
                .map(|a| body(&apply_edits(text, &action_edits(a, uri), &encoding)))
                .collect();
            json!({
                "code": d["code"],
                "message": d["message"],
                "line": d["range"]["start"]["line"],
                "covers": slice(text, &d["range"], &encoding),
                "fixed": fixed,
            })
        })
        .collect()
}

#[test]
fn ranges_cover_the_same_text_with_or_without_a_byte_order_mark() {
    let texts = [
        surrey(),
        example("norfolk-gbcse-progress-2025.s55.yaml"),
        "force: North Wales Polic\npolicing_body: Ŵ 😀 x\n".to_owned(),
        "force: [a".to_owned(),
    ];
    for encoding in ["utf-16", "utf-8"] {
        let mut client = Client::spawn();
        client.initialize(json!({"general": {"positionEncodings": [encoding]}}));
        for (i, text) in texts.iter().enumerate() {
            let plain = as_seen(&mut client, &file_uri(&format!("p{i}.s55.yaml")), text);
            let marked = as_seen(
                &mut client,
                &file_uri(&format!("b{i}.s55.yaml")),
                &format!("\u{feff}{text}"),
            );
            assert!(i == 0 || !plain.is_empty(), "text {i} has findings");
            assert_eq!(plain, marked, "{encoding}, text {i}");
        }
        // The quick fix as the client applies it corrects the name in place.
        let uri = file_uri("fix.s55.yaml");
        let text = "\u{feff}force: North Wales Polic\n";
        let seen = as_seen(&mut client, &uri, text);
        let force = seen
            .iter()
            .find(|d| d["code"] == "unknown-force")
            .expect("unknown-force");
        assert_eq!(force["covers"], "North Wales Polic");
        assert_eq!(force["fixed"][0], "force: North Wales Police\n");
        assert_eq!(client.shutdown_and_exit(), Some(0));
    }
}

/// Every symbol's range holds its children's, down the whole outline.
fn assert_nested(symbols: &[Json], parent: Option<&Json>) {
    let key = |p: &Json| (p["line"].as_u64(), p["character"].as_u64());
    for s in symbols {
        if let Some(parent) = parent {
            let (outer, inner) = (&parent["range"], &s["range"]);
            assert!(
                key(&outer["start"]) <= key(&inner["start"])
                    && key(&inner["end"]) <= key(&outer["end"]),
                "{} lies outside {}: {inner} not in {outer}",
                s["name"],
                parent["name"]
            );
        }
        if let Some(children) = s["children"].as_array() {
            assert_nested(children, Some(s));
        }
    }
}

#[test]
fn document_symbols_under_a_merge_key_lie_inside_their_parent() {
    let mut client = session_with(ServerStderr::Read);
    let uri = file_uri("merge.s55.yaml");
    let text = "defaults: &d\n  submitted_to_hmicfrs: true\n  published_on: 2025-12-01\nforce: Surrey Police\noffice_use:\n  <<: *d\n  note: x\n";
    client.open(&uri, text);
    let symbols = client.call(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let symbols = symbols.as_array().cloned().unwrap_or_default();
    assert!(
        symbols.iter().any(|s| s["name"] == "office_use"),
        "{symbols:?}"
    );
    assert_nested(&symbols, None);
    assert_eq!(client.shutdown_and_exit(), Some(0));
}
