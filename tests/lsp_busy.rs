//! The language server while a long lint runs, through the real binary: requests that do not
//! need the findings are answered, stale lints are never published, and `exit` or the end of
//! input ends the process without waiting for the lint. The only limit is the client's hang
//! detector (`lsp_client::TIMEOUT`); the document's lint takes far longer than that in a debug
//! build, so a server that answers only after linting fails here.

mod lsp_client;

use lsp_client::*;
use serde_json::{Value as Json, json};

/// The Surrey example inspecting `n` misspelt forces: each is scored against the catalogue
/// for a suggestion, so the lint is slow while the parse stays quick.
fn misspelt_forces(n: usize) -> String {
    let forces: String = (0..n)
        .map(|i| format!("\n    - Surey Polise {i}"))
        .collect();
    let text = example("surrey-peel-2025.s55.yaml");
    assert!(text.contains("  forces: [Surrey Police]"));
    text.replacen(
        "  forces: [Surrey Police]",
        &format!("  forces:{forces}"),
        1,
    )
}

/// Long enough to lint that a debug build takes minutes (20,000 take about 40 s).
fn slow_document() -> String {
    misspelt_forces(100_000)
}

fn session() -> Client {
    let mut client = Client::spawn();
    client.initialize(json!({"general": {"positionEncodings": ["utf-16"]}}));
    client
}

/// Replaces the last digit of the response deadline (2025-11-04) with `digit`.
fn set_deadline_digit(client: &mut Client, uri: &str, text: &str, version: i64, digit: &str) {
    let at = find(text, "response_deadline: 2025-11-04", 28, "utf-16");
    let end = json!({"line": at["line"], "character": at["character"].as_u64().unwrap_or(0) + 1});
    client.change(
        uri,
        version,
        json!([{"range": {"start": at, "end": end}, "text": digit}]),
    );
}

fn hover(client: &mut Client, uri: &str, position: Json) -> String {
    let hover = client.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position}),
    );
    hover["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn hover_and_completion_are_answered_while_a_long_lint_runs() {
    let mut client = session();
    let uri = file_uri("busy-hover.s55.yaml");
    let text = slow_document();
    client.open(&uri, &text);
    let force = find(&text, "force: Surrey Police", 9, "utf-16");
    assert!(
        hover(&mut client, &uri, force.clone())
            .contains("Police and Crime Commissioner for Surrey"),
        "hover on the force"
    );
    // Ten quick edits: each replaces the version the worker would lint next.
    for version in 2..=11 {
        let digit = if version % 2 == 0 { "5" } else { "4" };
        set_deadline_digit(&mut client, &uri, &text, version, digit);
    }
    assert!(
        hover(&mut client, &uri, force).contains("Police and Crime Commissioner for Surrey"),
        "hover after the edits"
    );
    let completion = client.call(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": find(&text, "force: Surrey Police", 7, "utf-16")}),
    );
    assert!(
        completion
            .as_array()
            .is_some_and(|items| items.iter().any(|i| i["label"] == "Surrey Police")),
        "{completion}"
    );
    // Nothing was published for a version before the last (the open's lint is still running or
    // was dropped; either way no edit but the last may be published).
    let published = client.drain(std::time::Duration::ZERO);
    let stale: Vec<&Json> = published
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .filter(|m| {
            m["params"]["version"]
                .as_i64()
                .is_some_and(|v| (2..11).contains(&v))
        })
        .collect();
    assert!(stale.is_empty(), "published for stale versions: {stale:?}");
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn exit_while_linting_ends_the_process_promptly() {
    // `exit` without `shutdown`, with the lint of the opened document running.
    let mut client = session();
    let uri = file_uri("busy-exit.s55.yaml");
    client.open(&uri, &slow_document());
    client.notify("exit", Json::Null);
    assert_eq!(client.wait_exit(), Some(1));
    // `shutdown` is answered during the lint, and `exit` ends it with 0.
    let mut client = session();
    client.open(&uri, &slow_document());
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn exit_while_a_quick_fix_request_waits_for_the_lint_ends_the_process_promptly() {
    let mut client = session();
    let uri = file_uri("busy-fix.s55.yaml");
    let text = slow_document();
    client.open(&uri, &text);
    // Quick fixes come from the findings, so this request waits for the lint.
    client.send(&json!({
        "jsonrpc": "2.0",
        "id": 900,
        "method": "textDocument/codeAction",
        "params": {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": []}
        }
    }));
    // Meanwhile other requests are answered.
    let force = find(&text, "force: Surrey Police", 9, "utf-16");
    assert!(hover(&mut client, &uri, force).contains("Surrey"));
    client.notify("exit", Json::Null);
    assert_eq!(client.wait_exit(), Some(1));
}

#[test]
fn the_end_of_input_while_linting_ends_the_process_promptly() {
    let mut client = session();
    let uri = file_uri("busy-eof.s55.yaml");
    client.open(&uri, &slow_document());
    client.send(&json!({
        "jsonrpc": "2.0",
        "id": 901,
        "method": "textDocument/diagnostic",
        "params": {"textDocument": {"uri": uri}}
    }));
    client.close_stdin();
    assert_eq!(client.wait_exit(), Some(1));
}

#[test]
fn lints_overtaken_by_newer_versions_are_never_published() {
    let mut client = session();
    let uri = file_uri("busy-stale.s55.yaml");
    // Slow enough to lint that the edits below arrive while the worker is busy.
    let text = misspelt_forces(500);
    client.open(&uri, &text);
    let _ = client.diagnostics(&uri, 1);
    for version in 2..=11 {
        // Even versions miscount the deadline by a day (2025-11-05); the last one is odd.
        let digit = if version % 2 == 0 { "5" } else { "4" };
        set_deadline_digit(&mut client, &uri, &text, version, digit);
    }
    // Every publish until the last version's, in the order they arrive.
    let mut published = Vec::new();
    loop {
        let message = client.wait_for("diagnostics", |m| {
            m["method"] == "textDocument/publishDiagnostics"
        });
        published.push(message["params"]["version"].as_i64().unwrap_or(0));
        if published.last() == Some(&11) {
            let diagnostics = message["params"]["diagnostics"].as_array().cloned();
            let codes = codes(&diagnostics.unwrap_or_default());
            assert!(
                !codes.contains(&"deadline-off-by-one".to_owned()),
                "the findings are those of the last version: {codes:?}"
            );
            break;
        }
    }
    assert!(
        published.windows(2).all(|w| w[0] < w[1]),
        "published out of order: {published:?}"
    );
    // One more, the other way: its findings follow, and nothing older comes after them.
    set_deadline_digit(&mut client, &uri, &text, 12, "5");
    let twelve = client.diagnostics(&uri, 12);
    assert!(
        codes(&twelve).contains(&"deadline-off-by-one".to_owned()),
        "{:?}",
        codes(&twelve)
    );
    let late: Vec<Json> = client
        .drain(std::time::Duration::from_millis(200))
        .into_iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .collect();
    assert!(
        late.is_empty(),
        "published after the last version: {late:?}"
    );
    assert_eq!(client.shutdown_and_exit(), Some(0));
}
