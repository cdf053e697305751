//! The language server and the portfolio (issue 12): follow-up fields in completion and hover,
//! `action-overdue` as a diagnostic. The real binary, JSON-RPC over stdio.

mod lsp_client;

use lsp_client::*;
use serde_json::{Value as Json, json};

fn session() -> Client {
    let mut client = Client::spawn();
    client.initialize(json!({
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {"completion": {"completionItem": {"snippetSupport": true}}}
    }));
    client
}

fn labels(items: &Json) -> Vec<String> {
    let items = items.get("items").unwrap_or(items);
    items
        .as_array()
        .map(|a| {
            a.iter()
                .map(|i| i["label"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The Surrey example with the first chief constable's response (due 2026-02-28) at `progress`.
fn tracked(progress: &str) -> String {
    let text = example("surrey-peel-2025.s55.yaml");
    assert!(text.contains("      progress: complete\n"));
    text.replacen(
        "      progress: complete\n",
        &format!("      progress: {progress}\n"),
        1,
    )
}

#[test]
fn progress_values_are_completed_and_explained() {
    let mut client = session();
    let uri = file_uri("progress.s55.yaml");
    let text = tracked("");
    client.open(&uri, &text);
    let at = find(&text, "progress: ", 10, "utf-16");
    let items = client.call(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": at}),
    );
    assert_eq!(
        labels(&items),
        ["not-started", "in-progress", "complete", "closed"]
    );
    let text = tracked("in-progress");
    client.change(&uri, 2, json!([{"text": text}]));
    let hover = client.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": find(&text, "in-progress", 3, "utf-16")}),
    );
    let value = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        value.contains("**in-progress**") && value.contains("The action is open"),
        "{value}"
    );
    let key = client.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": find(&text, "owner:", 2, "utf-16")}),
    );
    assert!(
        key["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains("who is responsible")),
        "{key}"
    );
}

#[test]
fn an_overdue_action_is_a_warning_on_its_due_date() {
    let mut client = Client::spawn_with(&[("SECTION55_TODAY", "2026-03-10")]);
    client.initialize(json!({}));
    let uri = file_uri("overdue-action.s55.yaml");
    let text = tracked("in-progress");
    client.open(&uri, &text);
    let diagnostics = client.diagnostics(&uri, 1);
    let overdue: Vec<&Json> = diagnostics
        .iter()
        .filter(|d| d["code"] == "action-overdue")
        .collect();
    assert_eq!(overdue.len(), 1, "{diagnostics:?}");
    assert_eq!(
        slice(&text, &overdue[0]["range"], "utf-16"),
        "2026-02-28",
        "{overdue:?}"
    );
    assert_eq!(overdue[0]["severity"], 2);
}
