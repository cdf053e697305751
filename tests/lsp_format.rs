//! `textDocument/formatting` through the real binary over stdio: the edits give the text
//! `section55 fmt` writes, in UTF-16 and UTF-8, with CRLF and a byte order mark; a document that
//! does not parse gets `null` and no message; a formatted one no edits.

mod lsp_client;

use std::time::Duration;

use lsp_client::*;
use serde_json::{Value as Json, json};

const CLEAN: &str = include_str!("../examples/surrey-peel-2025.s55.yaml");

fn client(encoding: &str) -> Client {
    let mut client = Client::spawn();
    client.initialize(json!({"general": {"positionEncodings": [encoding]}}));
    client
}

/// The clean example with `force` above `policing_body` (and an emoji in its comment) and the
/// inspection's fields four spaces in.
fn scrambled(clean: &str) -> String {
    let mut text = clean.replacen(
        "policing_body: Police and Crime Commissioner for Surrey\nforce: Surrey Police\n",
        "force: Surrey Police # 🚓 é\npolicing_body: Police and Crime Commissioner for Surrey\n",
        1,
    );
    for key in ["title", "published", "publication_types", "forces", "link"] {
        text = text.replacen(&format!("\n  {key}: "), &format!("\n    {key}: "), 1);
    }
    text
}

fn formatting(client: &mut Client, uri: &str) -> Json {
    client.call(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    )
}

#[test]
fn formatting_gives_what_fmt_writes_in_every_encoding_and_line_ending() {
    let lf = |t: &str| t.to_owned();
    let crlf_bom = |t: &str| format!("\u{feff}{}", t.replace('\n', "\r\n"));
    for encoding in ["utf-16", "utf-8"] {
        for (name, dress) in [
            ("lf", &lf as &dyn Fn(&str) -> String),
            ("crlf-bom", &crlf_bom),
        ] {
            let mut client = client(encoding);
            let uri = file_uri(&format!("format-{name}.s55.yaml"));
            let before = dress(&scrambled(CLEAN));
            client.open(&uri, &before);
            let edits = formatting(&mut client, &uri);
            let edits = edits.as_array().expect("edits");
            assert_eq!(edits.len(), 1, "one edit of the changed lines: {edits:?}");
            let after = apply_edits(&before, edits, encoding);
            let expected = dress(&CLEAN.replacen(
                "force: Surrey Police\n",
                "force: Surrey Police # 🚓 é\n",
                1,
            ));
            assert_eq!(after, expected, "{encoding} {name}");
            assert_eq!(
                cli_output(&["fmt", "-"], &before),
                after,
                "the editor and the CLI agree"
            );
            // Formatted: no edits.
            client.change(&uri, 2, json!([{"text": after}]));
            assert_eq!(
                formatting(&mut client, &uri),
                json!([]),
                "{encoding} {name}"
            );
            client.shutdown_and_exit();
        }
    }
}

#[test]
fn a_document_that_does_not_parse_gets_no_edits_and_no_message() {
    let mut client = client("utf-16");
    let uri = file_uri("format-broken.s55.yaml");
    let broken = scrambled(CLEAN).replacen("force: Surrey Police", "force: [Surrey Police", 1);
    client.open(&uri, &broken);
    assert_eq!(formatting(&mut client, &uri), Json::Null);
    assert_eq!(formatting(&mut client, &uri), Json::Null);
    let shown: Vec<Json> = client
        .drain(Duration::from_millis(300))
        .into_iter()
        .filter(|m| m["method"] == "window/showMessage")
        .collect();
    assert!(shown.is_empty(), "{shown:?}");
    // Fixed by an edit: formatted again.
    client.change(&uri, 2, json!([{"text": scrambled(CLEAN)}]));
    let edits = formatting(&mut client, &uri);
    assert_eq!(edits.as_array().map(Vec::len), Some(1), "{edits}");
    client.shutdown_and_exit();
}

#[test]
fn the_server_advertises_formatting_and_leaves_other_yaml_alone() {
    let mut client = Client::spawn();
    let init = client.initialize(json!({}));
    assert_eq!(
        init["capabilities"]["documentFormattingProvider"],
        json!(true)
    );
    let uri = file_uri("other.yaml");
    client.open(&uri, "b: 1\na:    2\n");
    assert_eq!(formatting(&mut client, &uri), Json::Null);
    let unopened = file_uri("never-opened.s55.yaml");
    assert_eq!(formatting(&mut client, &unopened), Json::Null);
    client.shutdown_and_exit();
}
