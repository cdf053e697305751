//! The fix-all code action (`source.fixAll.section55`) through the real binary over stdio: the
//! safe fixes only, as one edit that gives the text `check --fix` writes, in UTF-16 and UTF-8,
//! with CRLF, a byte order mark and characters outside the Basic Multilingual Plane.

mod lsp_client;

use lsp_client::*;
use serde_json::{Value as Json, json};

const CLEAN: &str = include_str!("../examples/surrey-peel-2025.s55.yaml");

fn client(encoding: &str) -> Client {
    let mut client = Client::spawn();
    client.initialize(json!({
        "general": {"positionEncodings": [encoding]},
        "workspace": {"workspaceEdit": {"documentChanges": true}}
    }));
    client
}

/// The clean example with safe slips (the +56 deadline, a misspelt status), an unsafe one (an
/// unanswered recommendation) and an emoji in a comment on a line the fixes change.
fn slipped(clean: &str) -> String {
    clean
        .replacen(
            "response_deadline: 2025-11-04",
            "response_deadline: 2025-11-05 # 🚓 é",
            1,
        )
        .replacen(
            "    status: accepted\n\ncauses",
            "    status: Acepted\n\ncauses",
            1,
        )
        .replace("    - recommendation: 1\n", "    - recommendation: 9\n")
}

fn fix_all(client: &mut Client, uri: &str, only: Json) -> Json {
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}});
    client.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": whole, "context": {"diagnostics": [], "only": only}}),
    )
}

#[test]
fn fix_all_applies_the_safe_fixes_in_every_encoding_and_line_ending() {
    for encoding in ["utf-16", "utf-8"] {
        let lf = |t: &str| t.to_owned();
        let crlf_bom = |t: &str| format!("\u{feff}{}", t.replace('\n', "\r\n"));
        for (name, dress) in [
            ("lf", &lf as &dyn Fn(&str) -> String),
            ("crlf-bom", &crlf_bom),
        ] {
            let mut client = client(encoding);
            let uri = file_uri(&format!("fix-all-{name}.s55.yaml"));
            let before = dress(&slipped(CLEAN));
            client.open(&uri, &before);
            let actions = fix_all(&mut client, &uri, json!(["source.fixAll"]));
            let actions = actions.as_array().expect("actions");
            assert_eq!(actions.len(), 1, "only the fix-all action: {actions:?}");
            let action = &actions[0];
            assert_eq!(action["kind"], "source.fixAll.section55");
            let edits = action_edits(action, &uri);
            let after = apply_edits(&before, &edits, encoding);
            let expected = dress(
                &CLEAN
                    .replacen("2025-11-04", "2025-11-04 # 🚓 é", 1)
                    .replace("    - recommendation: 1\n", "    - recommendation: 9\n"),
            );
            assert_eq!(after, expected, "{encoding} {name}: the safe fixes only");
            assert_eq!(
                cli_output(&["check", "--fix", "-"], &before),
                after,
                "the editor and the CLI agree"
            );
            client.shutdown_and_exit();
        }
    }
}

#[test]
fn fix_all_answers_only_when_asked_for_and_when_a_safe_fix_exists() {
    let mut client = client("utf-16");
    let uri = file_uri("fix-all-kinds.s55.yaml");
    client.open(&uri, &slipped(CLEAN));
    let kinds = |actions: &Json| -> Vec<String> {
        actions
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| a["kind"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    for only in [json!(["source"]), json!(["source.fixAll.section55"])] {
        assert_eq!(
            kinds(&fix_all(&mut client, &uri, only)),
            ["source.fixAll.section55"]
        );
    }
    let quick = kinds(&fix_all(&mut client, &uri, json!(["quickfix"])));
    assert!(
        !quick.contains(&"source.fixAll.section55".to_owned()),
        "{quick:?}"
    );
    assert!(
        kinds(&fix_all(
            &mut client,
            &uri,
            json!(["source.organizeImports"])
        ))
        .is_empty()
    );
    // Only unsafe fixes left: no fix-all.
    let unsafe_only = CLEAN.replace("    - recommendation: 1\n", "    - recommendation: 9\n");
    let uri = file_uri("fix-all-unsafe.s55.yaml");
    client.open(&uri, &unsafe_only);
    assert!(kinds(&fix_all(&mut client, &uri, json!(["source.fixAll"]))).is_empty());
    client.shutdown_and_exit();
}

#[test]
fn the_server_advertises_fix_all() {
    let mut client = Client::spawn();
    let init = client.initialize(json!({}));
    let kinds = &init["capabilities"]["codeActionProvider"]["codeActionKinds"];
    assert_eq!(kinds, &json!(["quickfix", "source.fixAll.section55"]));
    client.shutdown_and_exit();
}
