//! The rule's documentation where the finding is, through the real binary over stdio: every
//! diagnostic's `codeDescription` points at its page `docs/rules/NAME.md` (which exists), hover
//! on a rule name inside `# section55: ignore[...]` shows that documentation, and completion
//! there offers the rule names, in UTF-16 and UTF-8 with accents and emoji before the comment.

mod lsp_client;

use lsp_client::*;
use serde_json::{Value as Json, json};

const CLEAN: &str = include_str!("../examples/surrey-peel-2025.s55.yaml");
const NORFOLK: &str = include_str!("../examples/norfolk-gbcse-progress-2025.s55.yaml");

fn client(encoding: &str) -> Client {
    let mut client = Client::spawn();
    client.initialize(json!({"general": {"positionEncodings": [encoding]}}));
    client
}

#[test]
fn every_diagnostic_links_to_its_rule_page() {
    let mut client = client("utf-16");
    let uri = file_uri("docs-links.s55.yaml");
    client.open(&uri, NORFOLK);
    let diagnostics = client.diagnostics(&uri, 1);
    assert!(diagnostics.len() >= 3, "{diagnostics:?}");
    for d in &diagnostics {
        let rule = d["code"].as_str().expect("code");
        let href = d["codeDescription"]["href"]
            .as_str()
            .expect("codeDescription.href");
        let page = format!("docs/rules/{rule}.md");
        assert!(href.ends_with(&page), "{href} is not {page}");
        if let Some(path) = href.strip_prefix("file://") {
            assert!(
                std::path::Path::new(path).is_file(),
                "{path} does not exist"
            );
        }
    }
    client.shutdown_and_exit();
}

/// `text` with an ignore comment of two rules on the line above `response_deadline`, after an
/// accented, emoji-bearing line.
fn with_ignore(list: &str) -> String {
    CLEAN.replacen(
        "response_deadline:",
        &format!("# é 🚓 notes\n# section55: ignore[{list}] agreed\nresponse_deadline:"),
        1,
    )
}

#[test]
fn hover_on_an_ignored_rule_shows_its_documentation() {
    for encoding in ["utf-16", "utf-8"] {
        let mut client = client(encoding);
        let uri = file_uri(&format!("hover-ignore-{encoding}.s55.yaml"));
        let text = with_ignore("overdue, deadline-off-by-one");
        client.open(&uri, &text);
        let at = find(&text, "deadline-off-by-one]", 4, encoding);
        let hover = client.call(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": at}),
        );
        let value = hover["contents"]["value"].as_str().unwrap_or_default();
        assert!(value.starts_with("# deadline-off-by-one\n"), "{hover}");
        assert!(
            value.contains("## Why") && value.contains("s.55(5A)"),
            "{value}"
        );
        assert_eq!(
            slice(&text, &hover["range"], encoding),
            "deadline-off-by-one"
        );
        // Outside the list: the ordinary hover (here, none on a comment's text).
        let outside = find(&text, "agreed", 1, encoding);
        let other = client.call(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": outside}),
        );
        let other_text = other["contents"]["value"].as_str().unwrap_or_default();
        assert!(!other_text.contains("## Why"), "{other}");
        client.shutdown_and_exit();
    }
}

#[test]
fn completion_inside_an_ignore_list_offers_rule_names() {
    for encoding in ["utf-16", "utf-8"] {
        let mut client = client(encoding);
        let uri = file_uri(&format!("complete-ignore-{encoding}.s55.yaml"));
        let text = with_ignore("overdue, dead");
        client.open(&uri, &text);
        let at = find(&text, "dead]", 4, encoding);
        let items = client.call(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": at}),
        );
        let items: Vec<Json> = items
            .get("items")
            .unwrap_or(&items)
            .as_array()
            .cloned()
            .unwrap_or_default();
        let labels: Vec<&str> = items.iter().filter_map(|i| i["label"].as_str()).collect();
        for rule in [
            "deadline-off-by-one",
            "deadline-mismatch",
            "unused-ignore",
            "overdue",
        ] {
            assert!(labels.contains(&rule), "{rule} not offered: {labels:?}");
        }
        let item = items
            .iter()
            .find(|i| i["label"] == "deadline-off-by-one")
            .expect("item");
        let edit = &item["textEdit"];
        assert_eq!(
            slice(&text, &edit["range"], encoding),
            "dead",
            "replaces what was typed"
        );
        let applied = apply_edits(&text, std::slice::from_ref(edit), encoding);
        assert!(applied.contains("# section55: ignore[overdue, deadline-off-by-one] agreed"));
        client.shutdown_and_exit();
    }
}
