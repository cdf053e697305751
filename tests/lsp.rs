//! End-to-end tests of `section55 lsp`: the real binary, JSON-RPC over stdio.

mod lsp_client;

use std::collections::HashMap;
use std::time::Duration;

use lsp_client::*;
use serde_json::{Value as Json, json};

/// A client that supports everything the server can use (but not pull diagnostics, which
/// change how diagnostics are delivered; see `pull_diagnostics`).
fn full_caps(encodings: &[&str]) -> Json {
    json!({
        "general": {"positionEncodings": encodings},
        "textDocument": {
            "completion": {"completionItem": {"snippetSupport": true, "insertTextModeSupport": {"valueSet": [1, 2]}}},
            "definition": {"linkSupport": true},
            "documentSymbol": {"hierarchicalDocumentSymbolSupport": true},
            "publishDiagnostics": {"versionSupport": true}
        },
        "workspace": {"workspaceEdit": {"documentChanges": true}}
    })
}

fn session() -> Client {
    let mut client = Client::spawn();
    client.initialize(full_caps(&["utf-16"]));
    client
}

fn td(uri: &str) -> Json {
    json!({"uri": uri})
}

fn at(uri: &str, position: Json) -> Json {
    json!({"textDocument": {"uri": uri}, "position": position})
}

fn find_code<'d>(diagnostics: &'d [Json], code: &str) -> &'d Json {
    diagnostics
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {}", Json::Array(diagnostics.to_vec())))
}

fn labels(items: &Json) -> Vec<String> {
    items
        .as_array()
        .map(|a| {
            a.iter()
                .map(|i| i["label"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn item<'i>(items: &'i Json, label: &str) -> &'i Json {
    items
        .as_array()
        .and_then(|a| a.iter().find(|i| i["label"] == label))
        .unwrap_or_else(|| panic!("no completion `{label}` in {:?}", labels(items)))
}

/// Items in the order a client shows them (by sortText, then label).
fn sorted(items: &Json) -> Vec<Json> {
    let mut v = items.as_array().cloned().unwrap_or_default();
    v.sort_by_key(|i| {
        (
            i["sortText"]
                .as_str()
                .unwrap_or(i["label"].as_str().unwrap_or(""))
                .to_owned(),
            i["label"].as_str().unwrap_or("").to_owned(),
        )
    });
    v
}

/// A response file with the given sections replaced (top-level keys), for small variations.
fn surrey() -> String {
    example("surrey-peel-2025.s55.yaml")
}

// ---------------------------------------------------------------------------------------------
// Capabilities and diagnostics

#[test]
fn initialize_advertises_every_capability() {
    let mut client = Client::spawn();
    let result = client.initialize(full_caps(&["utf-16"]));
    let caps = &result["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    assert!(
        caps["completionProvider"]["triggerCharacters"]
            .as_array()
            .is_some_and(|t| t.contains(&json!(" ")))
    );
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll.section55"])
    );
    assert!(caps["documentSymbolProvider"].is_object() || caps["documentSymbolProvider"] == true);
    assert_eq!(caps["definitionProvider"], true);
    assert_eq!(caps["inlayHintProvider"], true);
    assert!(
        caps.get("diagnosticProvider").is_none(),
        "no pull diagnostics unless the client offers them"
    );
    assert_eq!(result["serverInfo"]["name"], "section55");
    assert_eq!(client.shutdown_and_exit(), Some(0));

    // UTF-8 when offered; pull diagnostics when offered.
    let mut client = Client::spawn();
    let mut caps = full_caps(&["utf-8", "utf-16"]);
    caps["textDocument"]["diagnostic"] = json!({});
    let result = client.initialize(caps);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    assert_eq!(
        result["capabilities"]["diagnosticProvider"]["identifier"],
        "section55"
    );
    assert_eq!(
        result["capabilities"]["diagnosticProvider"]["interFileDependencies"],
        false
    );

    // Only UTF-32 offered: UTF-16, which every client must support.
    let mut client = Client::spawn();
    let result = client.initialize(json!({"general": {"positionEncodings": ["utf-32"]}}));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
}

#[test]
fn publishes_diagnostics_on_open_and_every_change() {
    let mut client = session();
    let uri = file_uri("norfolk.s55.yaml");
    let text = example("norfolk-gbcse-progress-2025.s55.yaml");
    client.open(&uri, &text);
    let diagnostics = client.diagnostics(&uri, 1);
    let mut found = codes(&diagnostics);
    found.sort();
    assert_eq!(
        found,
        vec![
            "deadline-off-by-one",
            "placeholder-link",
            "statutory-copy-missing"
        ]
    );

    let off_by_one = find_code(&diagnostics, "deadline-off-by-one");
    assert_eq!(
        off_by_one["range"],
        json!({"start": {"line": 18, "character": 19}, "end": {"line": 18, "character": 29}})
    );
    assert_eq!(off_by_one["severity"], 2);
    assert_eq!(off_by_one["source"], "section55");
    assert!(
        off_by_one["message"]
            .as_str()
            .is_some_and(|m| m.contains("Thursday 18 December 2025"))
    );
    assert_eq!(off_by_one["data"]["rule"], "deadline-off-by-one");
    assert_eq!(
        off_by_one["data"]["fixes"][0]["edits"][0]["newText"],
        "2025-12-18"
    );
    assert_eq!(off_by_one["data"]["fixes"][0]["applicability"], "safe");
    let link = find_code(&diagnostics, "placeholder-link");
    assert_eq!(slice(&text, &link["range"], "utf-16"), "\"#\"");

    // A change: the deadline corrected by typing over one character.
    let deadline = find(&text, "2025-12-19", 9, "utf-16");
    let end = json!({"line": deadline["line"], "character": deadline["character"].as_u64().unwrap_or(0) + 1});
    client.change(
        &uri,
        2,
        json!([{"range": {"start": deadline, "end": end}, "text": "8"}]),
    );
    let diagnostics = client.diagnostics(&uri, 2);
    assert!(
        !codes(&diagnostics).contains(&"deadline-off-by-one".to_owned()),
        "{diagnostics:?}"
    );
    assert_eq!(diagnostics.len(), 2);

    // Every change is published, even one that changes nothing found.
    client.change(&uri, 3, json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "# note\n"}]));
    assert_eq!(client.diagnostics(&uri, 3).len(), 2);

    // The clean example has none.
    let clean = file_uri("surrey.s55.yaml");
    client.open(&clean, &surrey());
    assert_eq!(client.diagnostics(&clean, 1), Vec::<Json>::new());

    // Closing clears them.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    let cleared = client.wait_for("cleared diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri.as_str()
            && m["params"]["diagnostics"] == json!([])
    });
    assert!(cleared["params"].get("version").is_none_or(Json::is_null));
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn stale_results_are_never_published_over_newer_ones() {
    let mut client = session();
    let uri = file_uri("burst.s55.yaml");
    let text = example("norfolk-gbcse-progress-2025.s55.yaml");
    client.open(&uri, &text);
    // A burst of edits without waiting: alternately break and fix the deadline.
    let deadline = find(&text, "2025-12-19", 9, "utf-16");
    let end = json!({"line": deadline["line"], "character": deadline["character"].as_u64().unwrap_or(0) + 1});
    for version in 2..=60 {
        let digit = if version % 2 == 0 { "8" } else { "9" };
        client.change(
            &uri,
            version,
            json!([{"range": {"start": deadline, "end": end}, "text": digit}]),
        );
    }
    let last = client.diagnostics(&uri, 60);
    assert!(!codes(&last).contains(&"deadline-off-by-one".to_owned()));
    let messages = client.drain(Duration::from_millis(300));
    let versions: Vec<i64> = messages
        .iter()
        .filter(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri.as_str()
        })
        .filter_map(|m| m["params"]["version"].as_i64())
        .collect();
    assert!(
        versions.windows(2).all(|w| w[0] < w[1]),
        "published out of order: {versions:?}"
    );
    assert!(
        versions.iter().all(|v| *v < 60),
        "nothing after the last version: {versions:?}"
    );
}

#[test]
fn pull_diagnostics() {
    let mut client = Client::spawn();
    let mut caps = full_caps(&["utf-16"]);
    caps["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    client.initialize(caps);
    let uri = file_uri("pull.s55.yaml");
    client.open(&uri, &example("norfolk-gbcse-progress-2025.s55.yaml"));
    // Pushed until the client pulls.
    assert_eq!(client.diagnostics(&uri, 1).len(), 3);
    let report = client.call("textDocument/diagnostic", json!({"textDocument": td(&uri)}));
    assert_eq!(report["kind"], "full");
    assert_eq!(report["items"].as_array().map(Vec::len), Some(3));
    let result_id = report["resultId"].as_str().unwrap_or_default().to_owned();
    // The pushed set is cleared, so the client does not show both.
    client.wait_for("the pushed diagnostics cleared", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri.as_str()
            && m["params"]["diagnostics"] == json!([])
    });
    let unchanged = client.call(
        "textDocument/diagnostic",
        json!({"textDocument": td(&uri), "previousResultId": result_id}),
    );
    assert_eq!(unchanged["kind"], "unchanged");
    client.change(&uri, 2, json!([{"text": surrey()}]));
    let report = client.call(
        "textDocument/diagnostic",
        json!({"textDocument": td(&uri), "previousResultId": result_id}),
    );
    assert_eq!(report["kind"], "full");
    assert_eq!(report["items"], json!([]));
    // Not pushed any more for this document.
    let pushed = client.try_wait_for(Duration::from_millis(300), &|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == 2
    });
    assert!(pushed.is_none(), "{pushed:?}");
    // A document never opened: an error, and the server carries on.
    let response = client.request(
        "textDocument/diagnostic",
        json!({"textDocument": td(&file_uri("nope.s55.yaml"))}),
    );
    assert!(response.get("error").is_some());
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

// ---------------------------------------------------------------------------------------------
// Positions: UTF-16 and UTF-8, emoji and accents, CRLF

/// A response whose findings sit after multi-byte characters on their lines.
fn multibyte_text() -> String {
    surrey()
        .replace("force: Surrey Police", "force: Café 😀 Police")
        .replace(
            "publication_types: [PEEL]",
            "publication_types: [Pé😀L, Child protectoin]",
        )
        .replace("  title: \"PEEL 2025", "  title: \"😀 PEEL 2025")
}

fn check_multibyte_ranges(text: &str, encoding: &str) {
    let mut client = Client::spawn();
    client.initialize(full_caps(&[encoding]));
    assert_eq!(client.encoding, encoding);
    let uri = file_uri(&format!(
        "multibyte-{encoding}-{}.s55.yaml",
        text.contains('\r')
    ));
    client.open(&uri, text);
    let diagnostics = client.diagnostics(&uri, 1);
    let force = diagnostics
        .iter()
        .find(|d| d["code"] == "unknown-force")
        .unwrap_or_else(|| panic!("{diagnostics:?}"));
    assert_eq!(slice(text, &force["range"], encoding), "Café 😀 Police");
    let expected_end = if encoding == "utf-8" { 7 + 17 } else { 7 + 14 };
    assert_eq!(force["range"]["end"]["character"], expected_end);
    let types: Vec<&Json> = diagnostics
        .iter()
        .filter(|d| d["code"] == "unknown-publication-type")
        .collect();
    assert_eq!(types.len(), 2, "{diagnostics:?}");
    assert_eq!(slice(text, &types[0]["range"], encoding), "Pé😀L");
    assert_eq!(
        slice(text, &types[1]["range"], encoding),
        "Child protectoin"
    );
    let start = &types[1]["range"]["start"]["character"];
    // `  publication_types: [Pé😀L, ` is 28 characters, 29 UTF-16 units, 32 bytes.
    assert_eq!(*start, if encoding == "utf-8" { 32 } else { 29 });

    // The quick fix for the second type, applied in the client's encoding, gives the right text.
    let actions = client.call("textDocument/codeAction", json!({"textDocument": td(&uri), "range": types[1]["range"], "context": {"diagnostics": []}}));
    let fix = actions
        .as_array()
        .and_then(|a| {
            a.iter().find(|a| {
                a["isPreferred"] == true
                    && a["diagnostics"][0]["code"] == "unknown-publication-type"
                    && a["diagnostics"][0]["range"] == types[1]["range"]
            })
        })
        .unwrap_or_else(|| panic!("no preferred fix in {actions}"))
        .clone();
    let fixed = apply_edits(text, &action_edits(&fix, &uri), encoding);
    assert!(fixed.contains("[Pé😀L, Child protection]"), "{fixed}");

    // Hover and definition ranges in the same encoding.
    let hover = client.call(
        "textDocument/hover",
        at(&uri, find(text, "Café 😀 Police", 9, encoding)),
    );
    assert_eq!(slice(text, &hover["range"], encoding), "Café 😀 Police");

    // An edit after the emoji, in the client's units.
    let after = find(text, "Café 😀 Police", 7, encoding);
    client.change(&uri, 2, json!([{"range": {"start": after, "end": {"line": after["line"], "character": after["character"].as_u64().unwrap_or(0) + 6}}, "text": "Surrey"}]));
    let diagnostics = client.diagnostics(&uri, 2);
    let force = diagnostics
        .iter()
        .find(|d| d["code"] == "unknown-force")
        .unwrap_or_else(|| panic!("{diagnostics:?}"));
    let expected = text.replacen("Café 😀 Police", "Café 😀 Surrey", 1);
    assert_eq!(
        slice(&expected, &force["range"], encoding),
        "Café 😀 Surrey"
    );
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn utf16_ranges_after_emoji_and_accents() {
    check_multibyte_ranges(&multibyte_text(), "utf-16");
}

#[test]
fn utf8_ranges_after_emoji_and_accents() {
    check_multibyte_ranges(&multibyte_text(), "utf-8");
}

#[test]
fn crlf_files() {
    let crlf = multibyte_text().replace('\n', "\r\n");
    check_multibyte_ranges(&crlf, "utf-16");
    check_multibyte_ranges(&crlf, "utf-8");
    // Fixes that insert lines use the file's line ending.
    let mut client = session();
    let uri = file_uri("crlf-stubs.s55.yaml");
    let text = unanswered_text().replace('\n', "\r\n");
    client.open(&uri, &text);
    let diagnostics = client.diagnostics(&uri, 1);
    let d = find_code(&diagnostics, "unanswered-recommendation");
    let actions = client.call(
        "textDocument/codeAction",
        json!({"textDocument": td(&uri), "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let edits = action_edits(&actions[0], &uri);
    let new_text = edits[0]["newText"].as_str().unwrap_or("");
    assert!(
        new_text.contains("\r\n") && !new_text.replace("\r\n", "").contains('\n'),
        "{new_text:?}"
    );
    // Lone CR line ends count as line ends too.
    let cr = "policing_body: Police and Crime Commissioner for Surrey\rforce: Surey Police\r";
    let uri = file_uri("cr.s55.yaml");
    client.open(&uri, cr);
    let diagnostics = client.diagnostics(&uri, 1);
    let force = find_code(&diagnostics, "unknown-force");
    assert_eq!(
        force["range"],
        json!({"start": {"line": 1, "character": 7}, "end": {"line": 1, "character": 19}})
    );
}

// ---------------------------------------------------------------------------------------------
// Incremental sync

/// Checks the server's text equals `expected` by comparing the diagnostics it publishes with
/// those of `expected` opened fresh.
fn assert_server_text(
    client: &mut Client,
    uri: &str,
    version: i64,
    expected: &str,
    fresh_name: &str,
) {
    let got = client.diagnostics(uri, version);
    let fresh = file_uri(fresh_name);
    client.open(&fresh, expected);
    let want = client.diagnostics(&fresh, 1);
    let strip = |d: &[Json]| {
        d.iter()
            .map(|d| (d["code"].clone(), d["range"].clone(), d["message"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        strip(&got),
        strip(&want),
        "the server's text differs from the expected text"
    );
}

#[test]
fn incremental_edits_insert_delete_and_multi_line_replace() {
    for encoding in ["utf-16", "utf-8"] {
        let mut client = Client::spawn();
        client.initialize(full_caps(&[encoding]));
        let uri = file_uri(&format!("incremental-{encoding}.s55.yaml"));
        let mut text = multibyte_text();
        client.open(&uri, &text);
        let _ = client.diagnostics(&uri, 1);
        let mut version = 1;
        let mut edit = |client: &mut Client,
                        text: &mut String,
                        start: Json,
                        end: Json,
                        new: &str,
                        name: &str| {
            version += 1;
            let change = json!({"range": {"start": start, "end": end}, "text": new});
            *text = apply_edits(
                text,
                &[json!({"range": change["range"], "newText": new})],
                encoding,
            );
            client.change(&uri, version, json!([change]));
            assert_server_text(
                client,
                &uri,
                version,
                text,
                &format!("{name}-{encoding}.s55.yaml"),
            );
        };
        // Insert after an emoji.
        let p = find(&text.clone(), "😀 Police", 1, encoding);
        edit(&mut client, &mut text, p.clone(), p, "🚓", "insert");
        // Delete a multi-byte character.
        let s = find(&text.clone(), "é 😀", 0, encoding);
        let e = find(&text.clone(), "é 😀", 1, encoding);
        edit(&mut client, &mut text, s, e, "", "delete");
        // Replace across lines: from inside `force` to inside `inspection.title`, with new lines.
        let s = find(&text.clone(), "Caf 😀", 2, encoding);
        let e = find(&text.clone(), "😀 PEEL", 3, encoding);
        edit(
            &mut client,
            &mut text,
            s,
            e,
            "é\nextra_key: ö\ninspection:\n  title: \"X",
            "multi-line",
        );
        // Several changes in one notification apply in order.
        version += 1;
        let first = json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "# one\n"});
        text = apply_edits(
            &text,
            &[json!({"range": first["range"], "newText": "# one\n"})],
            encoding,
        );
        let second = json!({"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}}, "text": "# two\n"});
        text = apply_edits(
            &text,
            &[json!({"range": second["range"], "newText": "# two\n"})],
            encoding,
        );
        client.change(&uri, version, json!([first, second]));
        assert_server_text(
            &mut client,
            &uri,
            version,
            &text,
            &format!("several-{encoding}.s55.yaml"),
        );
        assert!(text.starts_with("# one\n# two\n"));
        // A full replacement.
        version += 1;
        client.change(&uri, version, json!([{"text": surrey()}]));
        assert_eq!(client.diagnostics(&uri, version), Vec::<Json>::new());
        assert_eq!(client.shutdown_and_exit(), Some(0));
    }
}

// ---------------------------------------------------------------------------------------------
// Quick fixes: each applied, then linted again

fn unanswered_text() -> String {
    let text = surrey();
    let start = text.find("  responses:").unwrap_or(0);
    let end = text.find("\npcc_response:").unwrap_or(0);
    let text = format!("{}{}", &text[..start], &text[end + 1..]);
    let start = text.find("pcc_response:").unwrap_or(0);
    let rest = &text[start..];
    let end = rest.find("\noffice_use:").unwrap_or(0);
    let pcc = "pcc_response:\n  text: |\n    Comments.\n";
    let text = format!("{}{}{}", &text[..start], pcc, &rest[end + 1..]);
    text.replace(
        "    status: accepted\n\ncauses_of_concern:",
        "    status: accepted\n  - id: 2\n    text: Another.\n    status: not-accepted\n  - id: 3\n    text: A third.\n    status: partially-accepted\n\ncauses_of_concern:",
    )
}

/// Documents with every kind of fixable finding.
fn fixable_documents() -> Vec<(&'static str, String)> {
    let s = surrey();
    vec![
        ("norfolk", example("norfolk-gbcse-progress-2025.s55.yaml")),
        ("unanswered", unanswered_text()),
        ("unanswered-empty-list", unanswered_text().replace("  text: |\n    I welcome", "  responses: []  # none yet\n  text: |\n    I welcome")),
        (
            "unanswered-some",
            surrey().replace(
                "    status: accepted\n\ncauses_of_concern:",
                "    status: accepted\n  - id: 2\n    text: Another.\n    status: accepted\n\ncauses_of_concern:",
            ),
        ),
        (
            "names",
            s.replace("force: Surrey Police", "force: Surrey Polic")
                .replace("publication_types: [PEEL]", "publication_types: [Child protectoin]")
                .replace("response_deadline: 2025-11-04", "response_deadline: 2025-11-10"),
        ),
        ("body", s.replace("Police and Crime Commissioner for Surrey", "Police and Crime Commissioner for Sussex")),
        (
            "schema",
            s.replace("    status: accepted\n\ncauses", "    status: acepted\n\ncauses")
                .replace("  published_on_website: true", "  publshed_on_website: true")
                .replace("      due: 2026-02-28", "      due: 28 February 2026")
                .replace("    due: 2026-03-31", "    due: 2026-03-30"),
        ),
        (
            "ignores",
            s.replace("response_deadline: 2025-11-04", "# section55: ignore[overdue] stale\nresponse_deadline: 2025-11-04  # section55: ignore[deadline-mismatch]"),
        ),
        (
            "missing",
            {
                let cut = s.find("response_deadline:").unwrap_or(0);
                let inspection = s[..cut].replace("  link: https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-assessment-2025-surrey/\n", "");
                format!("{inspection}recommendations:\n  - id: 1\n    text: Do it.\n    status: accepted\n")
            },
        ),
    ]
}

/// The lines an edit's new text occupies in the edited document.
fn inserted_lines(edits: &[Json]) -> Vec<(u64, u64)> {
    let mut shift: i64 = 0;
    let mut sorted: Vec<&Json> = edits.iter().collect();
    sorted.sort_by_key(|e| {
        (
            e["range"]["start"]["line"].as_u64(),
            e["range"]["start"]["character"].as_u64(),
        )
    });
    sorted
        .iter()
        .map(|e| {
            let start = e["range"]["start"]["line"].as_i64().unwrap_or(0) + shift;
            let removed = e["range"]["end"]["line"].as_i64().unwrap_or(0)
                - e["range"]["start"]["line"].as_i64().unwrap_or(0);
            let added = line_starts(e["newText"].as_str().unwrap_or("")).len() as i64 - 1;
            shift += added - removed;
            (start as u64, (start + added) as u64)
        })
        .collect()
}

type Finding = (String, String);

fn finding(d: &Json) -> Finding {
    (
        d["code"].as_str().unwrap_or("").to_owned(),
        d["message"].as_str().unwrap_or("").to_owned(),
    )
}

fn multiset(diagnostics: &[Json]) -> HashMap<Finding, usize> {
    let mut m = HashMap::new();
    for d in diagnostics {
        *m.entry(finding(d)).or_insert(0) += 1;
    }
    m
}

#[test]
fn each_quick_fix_removes_its_finding_and_changes_nothing_else() {
    let mut client = session();
    let mut opened = 0;
    let mut checked_rules: Vec<String> = Vec::new();
    let mut ignore_actions = 0;
    for (name, text) in fixable_documents() {
        let uri = file_uri(&format!("fix-{name}.s55.yaml"));
        client.open(&uri, &text);
        let before = client.diagnostics(&uri, 1);
        assert!(!before.is_empty(), "{name} has no findings");
        for d in &before {
            let actions = client.call(
                "textDocument/codeAction",
                json!({"textDocument": td(&uri), "range": d["range"], "context": {"diagnostics": [d], "only": ["quickfix"]}}),
            );
            let mine: Vec<&Json> = actions
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter(|a| {
                            a["diagnostics"][0]["range"] == d["range"]
                                && a["diagnostics"][0]["message"] == d["message"]
                        })
                        .collect()
                })
                .unwrap_or_default();
            let fixes = d["data"]["fixes"].as_array().cloned().unwrap_or_default();
            let titles: Vec<&str> = mine
                .iter()
                .map(|a| a["title"].as_str().unwrap_or(""))
                .collect();
            for (i, fix) in fixes.iter().enumerate() {
                assert_eq!(
                    titles.get(i).copied(),
                    fix["title"].as_str(),
                    "{name}: actions {titles:?} for {d}"
                );
                assert_eq!(mine[i]["isPreferred"], i == 0);
                assert_eq!(mine[i]["kind"], "quickfix");
            }
            let code = d["code"].as_str().unwrap_or("");
            if code != "unused-ignore" {
                assert!(
                    titles.iter().any(|t| t.starts_with("Ignore `")),
                    "{name}: no ignore action for {d}: {titles:?}"
                );
            }
            for action in &mine {
                let title = action["title"].as_str().unwrap_or("");
                let edits = action_edits(action, &uri);
                assert!(!edits.is_empty(), "{title}: no edits");
                assert_eq!(
                    action["edit"]["documentChanges"][0]["textDocument"]["version"],
                    1
                );
                let fixed = apply_edits(&text, &edits, "utf-16");
                opened += 1;
                let fixed_uri = file_uri(&format!("fixed-{opened}.s55.yaml"));
                client.open(&fixed_uri, &fixed);
                let after = client.diagnostics(&fixed_uri, 1);
                let gone = !after.iter().any(|a| finding(a) == finding(d));
                assert!(
                    gone,
                    "{name}: `{title}` left the finding {d}\n--- fixed text:\n{fixed}"
                );
                // Another suggestion than the preferred one may change what other rules find
                // (another force has another body); the preferred fix and an ignore may not.
                if action["isPreferred"] != true && !title.starts_with("Ignore `") {
                    continue;
                }
                // Nothing else changed, except: placeholders the fix inserted are flagged, a fix
                // for all unanswered recommendations answers them all, and an ignore comment
                // silences its rule on that line.
                let inserted = inserted_lines(&edits);
                let mut want = multiset(&before);
                want.remove(&finding(d));
                let mut got = multiset(&after);
                let line = d["range"]["start"]["line"].as_u64();
                for a in &after {
                    let l = a["range"]["start"]["line"].as_u64().unwrap_or(0);
                    let in_insert = inserted.iter().any(|(s, e)| *s <= l && l <= *e);
                    if a["code"] == "empty-section" && in_insert && !want.contains_key(&finding(a))
                    {
                        got.remove(&finding(a));
                    }
                }
                if title.starts_with("Add response stubs for all") {
                    want.retain(|(c, _), _| c != "unanswered-recommendation");
                }
                if title.starts_with("Ignore `") {
                    ignore_actions += 1;
                    for other in &before {
                        if other["code"] == d["code"]
                            && other["range"]["start"]["line"].as_u64() == line
                        {
                            want.remove(&finding(other));
                        }
                    }
                }
                assert_eq!(
                    got, want,
                    "{name}: `{title}` changed other findings\n--- fixed text:\n{fixed}"
                );
            }
            if !fixes.is_empty() {
                checked_rules.push(code.to_owned());
            }
        }
    }
    checked_rules.sort();
    checked_rules.dedup();
    for rule in [
        "deadline-off-by-one",
        "deadline-mismatch",
        "unknown-force",
        "unknown-publication-type",
        "missing-section",
        "unanswered-recommendation",
        "unused-ignore",
        "due-date-mismatch",
        "schema",
        "policing-body-mismatch",
    ] {
        assert!(
            checked_rules.iter().any(|r| r == rule),
            "no fix checked for {rule}: {checked_rules:?}"
        );
    }
    assert!(ignore_actions > 10);
}

#[test]
fn response_stubs_go_where_they_belong() {
    let mut client = session();
    let uri = file_uri("stubs.s55.yaml");
    let text = unanswered_text();
    client.open(&uri, &text);
    let diagnostics = client.diagnostics(&uri, 1);
    let unanswered: Vec<&Json> = diagnostics
        .iter()
        .filter(|d| d["code"] == "unanswered-recommendation")
        .collect();
    assert_eq!(unanswered.len(), 3, "{diagnostics:?}");
    let actions = client.call("textDocument/codeAction", json!({"textDocument": td(&uri), "range": unanswered[1]["range"], "context": {"diagnostics": []}}));
    let all = actions
        .as_array()
        .and_then(|a| {
            a.iter().find(|a| {
                a["title"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("Add response stubs for all"))
            })
        })
        .unwrap_or_else(|| panic!("{actions}"))
        .clone();
    let fixed = apply_edits(&text, &action_edits(&all, &uri), "utf-16");
    let expected = "  responses:\n    - recommendation: 1\n      action: TODO describe the action taken or proposed\n    - recommendation: 2\n      no_action_reason: TODO explain why no action has been or will be taken\n    - recommendation: 3\n      action: TODO describe the action taken or proposed\n";
    let stub_at = fixed.find(expected).unwrap_or_else(|| panic!("{fixed}"));
    assert!(
        stub_at
            > fixed
                .find("chief_constable_response:")
                .unwrap_or(usize::MAX)
            && stub_at < fixed.find("pcc_response:").unwrap_or(0)
    );
}

// ---------------------------------------------------------------------------------------------
// Completion

fn complete(client: &mut Client, uri: &str, position: Json) -> Json {
    let result = client.call(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": position}),
    );
    match result.get("items") {
        Some(items) => items.clone(),
        None => result,
    }
}

#[test]
fn completion_of_keys_with_section_snippets() {
    let mut client = session();
    let uri = file_uri("keys.s55.yaml");
    let text = "policing_body: Police and Crime Commissioner for Norfolk\nforce: Norfolk Constabulary\n\ninspection:\n  title: T\n  \n  published: 2025-10-24\nrecommendations:\n  - id: 1\n    text: By 31 March 2026, do it.\n    \n";
    client.open(&uri, text);
    // Top level, on the empty line: keys not yet present, in template order, as snippets.
    let items = complete(&mut client, &uri, json!({"line": 2, "character": 0}));
    let names = labels(&items);
    assert!(
        !names.contains(&"force".to_owned()) && !names.contains(&"inspection".to_owned()),
        "{names:?}"
    );
    for key in [
        "response_deadline",
        "key_findings",
        "areas_for_improvement",
        "chief_constable_response",
        "pcc_response",
        "office_use",
    ] {
        assert!(
            names.contains(&key.to_owned()),
            "{key} missing from {names:?}"
        );
    }
    let order: Vec<String> = sorted(&items)
        .iter()
        .map(|i| i["label"].as_str().unwrap_or("").to_owned())
        .collect();
    assert!(
        order.iter().position(|l| l == "response_deadline")
            < order.iter().position(|l| l == "pcc_response")
    );
    let deadline = item(&items, "response_deadline");
    assert_eq!(
        deadline["textEdit"]["newText"],
        "response_deadline: ${1:2025-12-18}"
    );
    assert_eq!(deadline["insertTextFormat"], 2);
    let ccr = item(&items, "chief_constable_response");
    assert_eq!(ccr["insertTextMode"], 1, "asIs: the server indents");
    assert_eq!(
        ccr["textEdit"]["newText"],
        "chief_constable_response:\n  text: |\n    ${1:TODO: the chief constable's comments on the report}\n  responses:\n    - recommendation: 1\n      action: ${2:TODO}"
    );
    assert!(
        ccr["documentation"]["value"]
            .as_str()
            .is_some_and(|d| d.contains("s.55(4)"))
    );
    assert!(
        ccr["detail"]
            .as_str()
            .is_some_and(|d| d.contains("required"))
    );

    // Inside `inspection` (indented two), on its empty line: its keys not yet present.
    let items = complete(&mut client, &uri, json!({"line": 5, "character": 2}));
    let names = labels(&items);
    assert!(
        names.contains(&"publication_types".to_owned()) && names.contains(&"link".to_owned()),
        "{names:?}"
    );
    assert!(
        !names.contains(&"title".to_owned()) && !names.contains(&"published".to_owned()),
        "{names:?}"
    );
    assert_eq!(
        item(&items, "publication_types")["textEdit"]["newText"],
        "publication_types: [$0]"
    );

    // Inside a recommendation (indented four): its keys, with a status choice.
    let items = complete(&mut client, &uri, json!({"line": 10, "character": 4}));
    let names = labels(&items);
    assert!(
        names.contains(&"status".to_owned()) && !names.contains(&"text".to_owned()),
        "{names:?}"
    );
    assert_eq!(
        item(&items, "status")["textEdit"]["newText"],
        "status: ${1|accepted,partially-accepted,not-accepted,not-applicable|}"
    );

    // A half-typed key replaces what was typed.
    client.change(&uri, 2, json!([{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "text": "key_f"}]));
    let items = complete(&mut client, &uri, json!({"line": 2, "character": 5}));
    assert_eq!(
        item(&items, "key_findings")["textEdit"]["range"],
        json!({"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 5}})
    );

    // A whole section snippet under a nested key is indented to fit: `responses` in a response section.
    let uri2 = file_uri("keys2.s55.yaml");
    client.open(&uri2, "recommendations:\n  - id: 4\n    text: x\n    status: accepted\npcc_response:\n  text: x\n  \n");
    let items = complete(&mut client, &uri2, json!({"line": 6, "character": 2}));
    assert_eq!(
        item(&items, "responses")["textEdit"]["newText"],
        "responses:\n    - recommendation: ${1:4}\n      action: ${2:TODO}"
    );
}

#[test]
fn completion_without_snippet_support_is_plain_text() {
    let mut client = Client::spawn();
    client.initialize(json!({}));
    let uri = file_uri("plain.s55.yaml");
    client.open(&uri, "inspection:\n  published: 2025-10-24\n\n");
    let items = complete(&mut client, &uri, json!({"line": 2, "character": 0}));
    let deadline = item(&items, "response_deadline");
    assert_eq!(
        deadline["textEdit"]["newText"],
        "response_deadline: 2025-12-18"
    );
    assert!(deadline.get("insertTextFormat").is_none_or(|f| f == 1));
    assert_eq!(
        item(&items, "office_use")["textEdit"]["newText"],
        "office_use:\n  forwarded_to_chief_constable: false\n  forwarded_to_police_and_crime_panel: false\n  submitted_to_hmicfrs: false\n  sent_to_home_secretary: false\n  published_on_website: false"
    );
}

#[test]
fn completion_of_values_mid_edit() {
    let mut client = session();
    let uri = file_uri("values.s55.yaml");
    // Not valid YAML as a whole (the flow list is unterminated): completion reads the lines.
    let text = "policing_body: \nforce: \ninspection:\n  published: 2025-10-24\n  publication_types: [PEEL, \nresponse_deadline: \n";
    client.open(&uri, text);
    // `force: ` with nothing after it.
    let items = complete(&mut client, &uri, json!({"line": 1, "character": 7}));
    let norfolk = item(&items, "Norfolk Constabulary");
    assert_eq!(
        norfolk["detail"],
        "Police and Crime Commissioner for Norfolk"
    );
    assert_eq!(norfolk["textEdit"]["newText"], "Norfolk Constabulary");
    assert!(!labels(&items).contains(&"All local forces in England and Wales".to_owned()));
    // `force: Nor`: the typed text is replaced.
    client.change(&uri, 2, json!([{"range": {"start": {"line": 1, "character": 7}, "end": {"line": 1, "character": 7}}, "text": "Nor"}]));
    let items = complete(&mut client, &uri, json!({"line": 1, "character": 10}));
    assert_eq!(
        item(&items, "Norfolk Constabulary")["textEdit"]["range"],
        json!({"start": {"line": 1, "character": 7}, "end": {"line": 1, "character": 10}})
    );
    // Publication types in a flow list: the published types are not offered again.
    let items = complete(&mut client, &uri, json!({"line": 4, "character": 27}));
    let names = labels(&items);
    assert!(
        names.contains(&"Child protection".to_owned()) && !names.contains(&"PEEL".to_owned()),
        "{names:?}"
    );
    // The deadline computed from the publication date, first and preselected (today is 1 November 2025).
    let items = complete(&mut client, &uri, json!({"line": 5, "character": 19}));
    let first = &sorted(&items)[0];
    assert_eq!(first["label"], "2025-12-18");
    assert_eq!(first["preselect"], true);
    assert!(
        first["detail"]
            .as_str()
            .is_some_and(|d| d.contains("Thursday 18 December 2025")),
        "{first}"
    );
    // With the force complete, its body comes first for `policing_body`.
    client.change(&uri, 3, json!([{"range": {"start": {"line": 1, "character": 7}, "end": {"line": 1, "character": 10}}, "text": "Norfolk Constabulary"}]));
    client.change(&uri, 4, json!([{"range": {"start": {"line": 4, "character": 27}, "end": {"line": 4, "character": 27}}, "text": "Child protection]"}]));
    let _ = client.diagnostics(&uri, 4);
    let items = complete(&mut client, &uri, json!({"line": 0, "character": 15}));
    let first = &sorted(&items)[0];
    assert_eq!(first["label"], "Police and Crime Commissioner for Norfolk");
    assert_eq!(first["preselect"], true);
    assert!(labels(&items).len() >= 43);
}

#[test]
fn completion_of_lists_statuses_ids_and_booleans() {
    let mut client = session();
    let uri = file_uri("lists.s55.yaml");
    let text = "force: Norfolk Constabulary\ninspection:\n  forces:\n    - \n  publication_types:\n    - Chi\nrecommendations:\n  - id: 1\n    text: By 31 March 2026, adopt the definition.\n    status: \n    due: \n  - id: 2\n    text: Second.\n    status: accepted\nareas_for_improvement:\n  - id: 7\n    text: Improve.\nchief_constable_response:\n  text: x\n  responses:\n    - recommendation: 1\n      action: Done.\n    - recommendation: \n    - area_for_improvement: \noffice_use:\n  submitted_to_hmicfrs: \n";
    client.open(&uri, text);
    // Block list of forces: the current force and the collective value first.
    let items = complete(&mut client, &uri, json!({"line": 3, "character": 6}));
    let first: Vec<String> = sorted(&items)
        .iter()
        .take(2)
        .map(|i| i["label"].as_str().unwrap_or("").to_owned())
        .collect();
    assert!(
        first.contains(&"Norfolk Constabulary".to_owned())
            && first.contains(&"All local forces in England and Wales".to_owned()),
        "{first:?}"
    );
    // Block list of publication types, replacing the typed word.
    let items = complete(&mut client, &uri, json!({"line": 5, "character": 9}));
    let child = item(&items, "Child protection");
    assert_eq!(
        child["textEdit"]["range"],
        json!({"start": {"line": 5, "character": 6}, "end": {"line": 5, "character": 9}})
    );
    // Status values with their meaning.
    let items = complete(&mut client, &uri, json!({"line": 9, "character": 12}));
    assert_eq!(
        labels(&items),
        vec![
            "accepted",
            "partially-accepted",
            "not-accepted",
            "not-applicable"
        ]
    );
    assert!(
        item(&items, "not-accepted")["documentation"]["value"]
            .as_str()
            .is_some_and(|d| d.contains("why no action"))
    );
    // A recommendation's due date: the date its text states first.
    let items = complete(&mut client, &uri, json!({"line": 10, "character": 9}));
    assert_eq!(sorted(&items)[0]["label"], "2026-03-31");
    assert!(
        labels(&items).contains(&"2025-11-01".to_owned()),
        "today is offered too"
    );
    // Recommendation ids in responses: unanswered first, text as documentation.
    let items = complete(&mut client, &uri, json!({"line": 22, "character": 22}));
    assert_eq!(labels(&sorted(&items).into()), vec!["2", "1"]);
    let second = item(&items, "2");
    assert!(
        second["documentation"]["value"]
            .as_str()
            .is_some_and(|d| d.contains("Second.") && d.contains("accepted"))
    );
    assert!(
        second["detail"]
            .as_str()
            .is_some_and(|d| d.contains("not answered"))
    );
    // Area for improvement ids.
    let items = complete(&mut client, &uri, json!({"line": 23, "character": 28}));
    assert_eq!(labels(&items), vec!["7"]);
    assert!(
        item(&items, "7")["documentation"]["value"]
            .as_str()
            .is_some_and(|d| d.contains("Improve."))
    );
    // Booleans in office_use.
    let items = complete(&mut client, &uri, json!({"line": 25, "character": 24}));
    assert_eq!(labels(&items), vec!["true", "false"]);
    // Inside a text: nothing.
    let items = complete(&mut client, &uri, json!({"line": 8, "character": 20}));
    assert_eq!(items, json!([]));
}

// ---------------------------------------------------------------------------------------------
// Hover, symbols, definition, inlay hints

fn hover_text(client: &mut Client, uri: &str, position: Json) -> String {
    let hover = client.call("textDocument/hover", at(uri, position));
    hover["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("no hover: {hover}"))
        .to_owned()
}

#[test]
fn hover_shows_descriptions_bodies_deadlines_and_recommendations() {
    let mut client = session();
    let uri = file_uri("hover.s55.yaml");
    let text = example("norfolk-gbcse-progress-2025.s55.yaml")
        .replace("  published_on_website: true\n", "");
    client.open(&uri, &text);
    // A key: its schema description.
    let key = hover_text(&mut client, &uri, find(&text, "key_findings:", 2, "utf-16"));
    assert!(
        key.contains("A summary of the report's key findings") && key.contains("Key Findings"),
        "{key}"
    );
    // A force: its local policing body.
    let force = hover_text(
        &mut client,
        &uri,
        find(&text, "Norfolk Constabulary", 3, "utf-16"),
    );
    assert!(
        force.contains("Local policing body: Police and Crime Commissioner for Norfolk"),
        "{force}"
    );
    // The deadline: the computation and the days left (today is 1 November 2025).
    let deadline = hover_text(&mut client, &uri, find(&text, "2025-12-19", 2, "utf-16"));
    assert!(
        deadline.contains(
            "Last day **Thursday 18 December 2025**: published 24 October 2025 + 55 days, s.55(5A)"
        ) && deadline.contains("47 days left"),
        "{deadline}"
    );
    assert!(deadline.contains("one day late"), "{deadline}");
    // A reference in responses: the recommendation's text and status.
    let reference = hover_text(
        &mut client,
        &uri,
        find(&text, "- recommendation: 4", 19, "utf-16"),
    );
    assert!(
        reference.contains("**Recommendation 4** (accepted)")
            && reference.contains("Hydrant Programme's guidance"),
        "{reference}"
    );
    // The same on the key.
    let on_key = hover_text(
        &mut client,
        &uri,
        find(&text, "- recommendation: 4", 4, "utf-16"),
    );
    assert!(on_key.contains("**Recommendation 4**"), "{on_key}");
    // While the text does not parse, hover reads the line.
    client.change(&uri, 2, json!([{"range": {"start": {"line": 7, "character": 0}, "end": {"line": 7, "character": 0}}, "text": "  bad: [\n"}]));
    let _ = client.diagnostics(&uri, 2);
    // (`response_deadline` is on line 19 now.)
    let broken = hover_text(&mut client, &uri, json!({"line": 19, "character": 3}));
    assert!(
        broken.contains("Last day **Thursday 18 December 2025**"),
        "{broken}"
    );
}

#[test]
fn overdue_and_published_deadlines_in_hover_and_inlay_hints() {
    let mut client = Client::spawn_with(&[("SECTION55_TODAY", "2025-12-21")]);
    client.initialize(full_caps(&["utf-16"]));
    let uri = file_uri("overdue.s55.yaml");
    let text = surrey()
        .replace("published: 2025-09-10", "published: 2025-10-24")
        .replace(
            "response_deadline: 2025-11-04",
            "response_deadline: 2025-12-18",
        )
        .replace(
            "  published_on_website: true\n  published_on: 2025-10-30\n",
            "",
        );
    client.open(&uri, &text);
    let hints = client.call("textDocument/inlayHint", json!({"textDocument": td(&uri), "range": {"start": {"line": 0, "character": 0}, "end": {"line": 100, "character": 0}}}));
    assert_eq!(hints[0]["label"], "overdue by 3 days");
    let deadline = hover_text(&mut client, &uri, find(&text, "2025-12-18", 1, "utf-16"));
    assert!(deadline.contains("overdue by 3 days"), "{deadline}");
}

#[test]
fn inlay_hint_after_the_deadline() {
    let mut client = session();
    let uri = file_uri("hint.s55.yaml");
    let text = example("norfolk-gbcse-progress-2025.s55.yaml")
        .replace("  published_on_website: true\n", "");
    client.open(&uri, &text);
    let everything =
        json!({"start": {"line": 0, "character": 0}, "end": {"line": 200, "character": 0}});
    let hints = client.call(
        "textDocument/inlayHint",
        json!({"textDocument": td(&uri), "range": everything}),
    );
    assert_eq!(hints.as_array().map(Vec::len), Some(1), "{hints}");
    let hint = &hints[0];
    assert_eq!(
        hint["position"],
        json!({"line": 18, "character": 29}),
        "just after the date"
    );
    assert_eq!(hint["label"], "47 days left");
    assert_eq!(hint["paddingLeft"], true);
    assert!(
        hint["tooltip"]["value"]
            .as_str()
            .is_some_and(|t| t.contains("Thursday 18 December 2025"))
    );
    // Outside the requested range: none.
    let elsewhere =
        json!({"start": {"line": 30, "character": 0}, "end": {"line": 40, "character": 0}});
    assert_eq!(
        client.call(
            "textDocument/inlayHint",
            json!({"textDocument": td(&uri), "range": elsewhere})
        ),
        json!([])
    );
    // Marked published: says so.
    let uri2 = file_uri("hint2.s55.yaml");
    client.open(&uri2, &surrey());
    let hints = client.call(
        "textDocument/inlayHint",
        json!({"textDocument": td(&uri2), "range": everything}),
    );
    assert_eq!(hints[0]["label"], "published in time");
}

#[test]
fn document_symbols_are_an_outline() {
    let mut client = session();
    let uri = file_uri("symbols.s55.yaml");
    let text = surrey();
    client.open(&uri, &text);
    let symbols = client.call(
        "textDocument/documentSymbol",
        json!({"textDocument": td(&uri)}),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .map(|s| s.iter().filter_map(|s| s["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        names,
        vec![
            "policing_body",
            "force",
            "inspection",
            "response_deadline",
            "key_findings",
            "recommendations",
            "causes_of_concern",
            "areas_for_improvement",
            "chief_constable_response",
            "pcc_response",
            "office_use"
        ]
    );
    let recs = symbols
        .as_array()
        .and_then(|s| s.iter().find(|s| s["name"] == "recommendations"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(recs["children"][0]["name"], "Recommendation 1");
    assert!(
        recs["children"][0]["detail"]
            .as_str()
            .is_some_and(|d| d.starts_with("accepted — By 31 March 2026"))
    );
    assert_eq!(
        slice(&text, &recs["children"][0]["selectionRange"], "utf-16"),
        "1"
    );
    let ccr = symbols
        .as_array()
        .and_then(|s| s.iter().find(|s| s["name"] == "chief_constable_response"))
        .cloned()
        .unwrap_or_default();
    let responses = ccr["children"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["name"] == "responses"))
        .cloned()
        .unwrap_or_default();
    let response_names: Vec<&str> = responses["children"]
        .as_array()
        .map(|c| c.iter().filter_map(|c| c["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        response_names,
        vec![
            "Response to recommendation 1",
            "Response to area for improvement 1",
            "Response to area for improvement 2"
        ]
    );
    assert_eq!(
        ccr["detail"], "Chief Constable response",
        "sections carry the template's name"
    );
    // Ranges contain their selection ranges.
    fn check(symbol: &Json) {
        let (r, s) = (&symbol["range"], &symbol["selectionRange"]);
        let key = |p: &Json| (p["line"].as_u64(), p["character"].as_u64());
        assert!(
            key(&r["start"]) <= key(&s["start"]) && key(&s["end"]) <= key(&r["end"]),
            "{symbol}"
        );
        for child in symbol["children"].as_array().cloned().unwrap_or_default() {
            check(&child);
        }
    }
    for s in symbols.as_array().cloned().unwrap_or_default() {
        check(&s);
    }
    // Without hierarchical support: a flat list with containers.
    let mut flat_client = Client::spawn();
    flat_client.initialize(json!({}));
    flat_client.open(&uri, &text);
    let flat = flat_client.call(
        "textDocument/documentSymbol",
        json!({"textDocument": td(&uri)}),
    );
    let rec = flat
        .as_array()
        .and_then(|s| s.iter().find(|s| s["name"] == "Recommendation 1"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(rec["containerName"], "recommendations");
    // While the text does not parse: the top-level keys from the lines.
    client.change(&uri, 2, json!([{"range": {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 0}}, "text": "bad: [\n"}]));
    let symbols = client.call(
        "textDocument/documentSymbol",
        json!({"textDocument": td(&uri)}),
    );
    assert!(
        symbols
            .as_array()
            .is_some_and(|s| s.iter().any(|s| s["name"] == "office_use")),
        "{symbols}"
    );
}

#[test]
fn go_to_definition_from_references() {
    let mut client = session();
    let uri = file_uri("definition.s55.yaml");
    let text = surrey();
    client.open(&uri, &text);
    // From `recommendation: 1` in the chief constable's responses.
    let from = find(&text, "- recommendation: 1", 18, "utf-16");
    let links = client.call("textDocument/definition", at(&uri, from));
    let link = &links[0];
    assert_eq!(link["targetUri"], uri.as_str());
    assert_eq!(slice(&text, &link["targetSelectionRange"], "utf-16"), "1");
    assert!(slice(&text, &link["targetRange"], "utf-16").starts_with("id: 1\n    text: >-"));
    assert_eq!(slice(&text, &link["originSelectionRange"], "utf-16"), "1");
    // From an area for improvement reference.
    let from = find(&text, "- area_for_improvement: 2", 24, "utf-16");
    let links = client.call("textDocument/definition", at(&uri, from));
    assert!(slice(&text, &links[0]["targetRange"], "utf-16").contains("stop and search"));
    // From a cause of concern's list of recommendations.
    let from = find(&text, "recommendations: [1]", 18, "utf-16");
    let links = client.call("textDocument/definition", at(&uri, from));
    assert_eq!(
        slice(&text, &links[0]["targetSelectionRange"], "utf-16"),
        "1"
    );
    // Nowhere to go from elsewhere.
    assert_eq!(
        client.call(
            "textDocument/definition",
            at(&uri, json!({"line": 0, "character": 2}))
        ),
        Json::Null
    );
    // Without link support: a location.
    let mut plain = Client::spawn();
    plain.initialize(json!({}));
    plain.open(&uri, &text);
    let location = plain.call(
        "textDocument/definition",
        at(&uri, find(&text, "- recommendation: 1", 18, "utf-16")),
    );
    assert!(slice(&text, &location["range"], "utf-16").starts_with("id: 1"));
}

// ---------------------------------------------------------------------------------------------
// Settings

#[test]
fn settings_from_the_client_and_section55_toml() {
    let dir = std::env::temp_dir().join(format!("section55-lsp-settings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("norfolk.s55.yaml");
    let uri = format!("file://{}", path.display());
    let text = example("norfolk-gbcse-progress-2025.s55.yaml");

    let mut client = Client::spawn();
    client.settings = json!({"rules": {"placeholder-link": "off", "deadline-off-by-one": "error"}});
    let mut caps = full_caps(&["utf-16"]);
    caps["workspace"]["configuration"] = json!(true);
    caps["workspace"]["didChangeWatchedFiles"] = json!({"dynamicRegistration": true});
    client.initialize(caps);
    client.open(&uri, &text);
    // The settings arrive (workspace/configuration) and the document is linted again.
    let settled = client.wait_for("diagnostics under the client's settings", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| d.len() == 2)
    });
    let diagnostics = settled["params"]["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        find_code(&diagnostics, "deadline-off-by-one")["severity"],
        1
    );
    assert!(
        client
            .server_requests
            .iter()
            .any(|r| r["method"] == "workspace/configuration"
                && r["params"]["items"][0]["section"] == "section55")
    );
    assert!(
        client
            .server_requests
            .iter()
            .any(|r| r["method"] == "client/registerCapability")
    );

    // section55.toml next to the file wins for the rules it names.
    std::fs::write(
        dir.join("section55.toml"),
        "[rules]\ndeadline-off-by-one = \"info\"\nstatutory-copy-missing = \"off\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": format!("file://{}/section55.toml", dir.display()), "type": 1}]}));
    let settled = client.wait_for("diagnostics under section55.toml", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| d.len() == 1)
    });
    assert_eq!(
        settled["params"]["diagnostics"][0]["code"],
        "deadline-off-by-one"
    );
    assert_eq!(settled["params"]["diagnostics"][0]["severity"], 3);

    // An invalid section55.toml is reported, and the settings alone apply.
    std::fs::write(
        dir.join("section55.toml"),
        "[rules]\nno-such-rule = \"off\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": format!("file://{}/section55.toml", dir.display()), "type": 2}]}));
    let shown = client.wait_for("a message about section55.toml", |m| {
        m["method"] == "window/showMessage"
    });
    assert!(
        shown["params"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("no-such-rule")),
        "{shown}"
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn settings_from_initialization_options_and_did_change_configuration() {
    let mut client = Client::spawn();
    client.initialize_with(
        full_caps(&["utf-16"]),
        json!({"catalogue": {"forces": ["Example Police"]}}),
    );
    let uri = file_uri("options.s55.yaml");
    client.open(
        &uri,
        &surrey()
            .replace("force: Surrey Police", "force: Example Police")
            .replace("forces: [Surrey Police]", "forces: [Example Police]"),
    );
    assert_eq!(codes(&client.diagnostics(&uri, 1)), Vec::<String>::new());
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"section55": {"catalogue": {"forces": []}}}}),
    );
    let relinted = client.wait_for("diagnostics after the settings changed", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["diagnostics"]
                .as_array()
                .is_some_and(|d| !d.is_empty())
    });
    assert!(
        codes(
            relinted["params"]["diagnostics"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
        )
        .contains(&"unknown-force".to_owned())
    );
}

#[test]
fn other_yaml_files_are_left_alone() {
    let mut client = session();
    let uri = file_uri("docker-compose.yml");
    client.open(&uri, "services:\n  web:\n    image: nginx\n");
    assert_eq!(client.diagnostics(&uri, 1), Vec::<Json>::new());
    assert_eq!(
        complete(&mut client, &uri, json!({"line": 0, "character": 0})),
        json!([])
    );
    // One that names section55 at the top is a response file.
    let uri = file_uri("named.yaml");
    client.open(&uri, "# yaml-language-server: $schema=section55-response.schema.json\nforce: Norfolk Constabulary\n");
    assert!(codes(&client.diagnostics(&uri, 1)).contains(&"missing-section".to_owned()));
}

// ---------------------------------------------------------------------------------------------
// Robustness: every abuse is followed by a normal request that must still be answered

/// A normal request that must be answered.
fn still_answers(client: &mut Client) {
    let uri = file_uri("alive.s55.yaml");
    client.open(&uri, &surrey());
    let hover = client.call(
        "textDocument/hover",
        at(&uri, json!({"line": 5, "character": 1})),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains("force")),
        "{hover}"
    );
}

#[test]
fn malformed_messages_are_answered_with_errors() {
    let mut client = session();
    // Not JSON.
    client.send_raw(b"Content-Length: 12\r\n\r\n{not json!!}");
    let error = client.wait_for("a parse error", |m| m["error"]["code"] == -32700);
    assert_eq!(error["id"], Json::Null);
    still_answers(&mut client);
    // Not UTF-8.
    client.send_raw(b"Content-Length: 4\r\n\r\n\xff\xfe\xfd\xfc");
    client.wait_for("a parse error for bad UTF-8", |m| {
        m["error"]["code"] == -32700
    });
    still_answers(&mut client);
    // JSON, but not JSON-RPC.
    client.send(&json!({"jsonrpc": "1.0", "id": 77, "method": "textDocument/hover"}));
    let error = client.wait_for("an invalid request error", |m| m["error"]["code"] == -32600);
    assert_eq!(error["id"], 77);
    client.send(&json!([1, 2, 3]));
    client.wait_for("an invalid request error for a batch", |m| {
        m["error"]["code"] == -32600 && m["id"].is_null()
    });
    still_answers(&mut client);
    // No Content-Length, and garbage between messages.
    client.send_raw(b"Content-Type: application/json\r\n\r\n");
    client.wait_for("an error for a missing Content-Length", |m| {
        m["error"]["code"] == -32700
            && m["error"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("Content-Length"))
    });
    client.send_raw(b"garbage garbage\r\n");
    still_answers(&mut client);
    // Invalid params for a known method.
    let response = client.request("textDocument/hover", json!({"nonsense": true}));
    assert_eq!(response["error"]["code"], -32602);
    still_answers(&mut client);
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn requests_before_initialize_are_refused() {
    let mut client = Client::spawn();
    let response = client.request(
        "textDocument/hover",
        at(&file_uri("x.s55.yaml"), json!({"line": 0, "character": 0})),
    );
    assert_eq!(
        response["error"]["code"], -32002,
        "server not initialized: {response}"
    );
    client.notify("textDocument/didOpen", json!({"textDocument": {"uri": file_uri("early.s55.yaml"), "languageId": "yaml", "version": 1, "text": "x: 1\n"}}));
    client.initialize(full_caps(&["utf-16"]));
    still_answers(&mut client);
    // A second initialize is refused too.
    let again = client.request("initialize", json!({"capabilities": {}}));
    assert_eq!(again["error"]["code"], -32600);
    still_answers(&mut client);
}

#[test]
fn unknown_methods_are_method_not_found() {
    let mut client = session();
    let response = client.request("textDocument/noSuchThing", json!({}));
    assert_eq!(response["error"]["code"], -32601);
    // Unknown notifications are ignored, `$/` ones silently.
    client.notify("custom/whatever", json!({}));
    client.notify("$/setTrace", json!({"value": "off"}));
    client.notify("$/cancelRequest", json!({"id": 12345}));
    still_answers(&mut client);
}

#[test]
fn changes_to_documents_never_opened_are_ignored() {
    let mut client = session();
    let uri = file_uri("never-opened.s55.yaml");
    client.change(&uri, 2, json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]));
    let published = client.try_wait_for(Duration::from_millis(300), &|m| {
        m["params"]["uri"] == uri.as_str()
    });
    assert!(published.is_none());
    // Requests about it get an empty answer, not an error.
    assert_eq!(
        client.call(
            "textDocument/hover",
            at(&uri, json!({"line": 0, "character": 0}))
        ),
        Json::Null
    );
    assert_eq!(
        client.call(
            "textDocument/completion",
            at(&uri, json!({"line": 0, "character": 0}))
        ),
        Json::Null
    );
    still_answers(&mut client);
    // Closing a document that is not open.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": file_uri("not-open.s55.yaml")}}),
    );
    still_answers(&mut client);
}

#[test]
fn out_of_range_edits_are_clamped() {
    let mut client = session();
    let uri = file_uri("range.s55.yaml");
    let text = "force: Norfolk Constabulary\n";
    client.open(&uri, text);
    let _ = client.diagnostics(&uri, 1);
    // Past the end of a line, past the last line, reversed, and in the middle of a surrogate pair.
    client.change(&uri, 2, json!([{"range": {"start": {"line": 0, "character": 500}, "end": {"line": 0, "character": 900}}, "text": "X"}]));
    assert_server_text(
        &mut client,
        &uri,
        2,
        "force: Norfolk ConstabularyX\n",
        "range-a.s55.yaml",
    );
    client.change(&uri, 3, json!([{"range": {"start": {"line": 99, "character": 0}, "end": {"line": 120, "character": 5}}, "text": "key_findings: x\n"}]));
    assert_server_text(
        &mut client,
        &uri,
        3,
        "force: Norfolk ConstabularyX\nkey_findings: x\n",
        "range-b.s55.yaml",
    );
    client.change(&uri, 4, json!([{"range": {"start": {"line": 1, "character": 0}, "end": {"line": 0, "character": 27}}, "text": ""}]));
    assert_server_text(
        &mut client,
        &uri,
        4,
        "force: Norfolk Constabularykey_findings: x\n",
        "range-c.s55.yaml",
    );
    client.change(&uri, 5, json!([{"text": "force: 😀\n"}]));
    let _ = client.diagnostics(&uri, 5);
    client.change(&uri, 6, json!([{"range": {"start": {"line": 0, "character": 8}, "end": {"line": 0, "character": 8}}, "text": "a"}]));
    assert_server_text(&mut client, &uri, 6, "force: a😀\n", "range-d.s55.yaml");
    assert!(client.stderr_text().contains("clamped"));
    still_answers(&mut client);
}

#[test]
fn a_panic_in_a_handler_is_an_error_and_the_server_stays_up() {
    let mut client = Client::spawn_with(&[("SECTION55_LSP_PANIC", "hover,didChange")]);
    client.initialize(full_caps(&["utf-16"]));
    let uri = file_uri("panic.s55.yaml");
    client.open(&uri, &surrey());
    let _ = client.diagnostics(&uri, 1);
    let response = client.request(
        "textDocument/hover",
        at(&uri, json!({"line": 5, "character": 1})),
    );
    assert_eq!(response["error"]["code"], -32603, "{response}");
    assert!(
        response["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("internal error in hover"))
    );
    // A panicking notification: logged, nothing else.
    client.change(&uri, 2, json!([{"text": "x: 1\n"}]));
    let symbols = client.call(
        "textDocument/documentSymbol",
        json!({"textDocument": td(&uri)}),
    );
    assert!(
        symbols.as_array().is_some_and(|s| s.len() == 11),
        "the document is unchanged: {symbols}"
    );
    let stderr = client.stderr_text();
    assert!(
        stderr.contains("internal error in hover")
            && stderr.contains("internal error in didChange"),
        "{stderr}"
    );
    let completion = client.call(
        "textDocument/completion",
        at(&uri, json!({"line": 5, "character": 7})),
    );
    assert!(completion.as_array().is_some_and(|c| !c.is_empty()));
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn shutdown_then_exit_is_exit_code_0() {
    let client = session();
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn exit_without_shutdown_is_exit_code_1() {
    let mut client = session();
    client.notify("exit", Json::Null);
    assert_eq!(client.wait_exit(), Some(1));
    // Even before initialize.
    let mut client = Client::spawn();
    client.notify("exit", Json::Null);
    assert_eq!(client.wait_exit(), Some(1));
}

#[test]
fn closing_stdin_ends_the_process() {
    let mut client = session();
    client.close_stdin();
    assert_eq!(client.wait_exit(), Some(1));
    // After shutdown, closing stdin ends it cleanly.
    let mut client = session();
    assert!(
        client
            .request("shutdown", Json::Null)
            .get("error")
            .is_none()
    );
    client.close_stdin();
    assert_eq!(client.wait_exit(), Some(0));
    // Requests after shutdown are refused.
    let mut client = session();
    assert!(
        client
            .request("shutdown", Json::Null)
            .get("error")
            .is_none()
    );
    let refused = client.request(
        "textDocument/hover",
        at(&file_uri("x.s55.yaml"), json!({"line": 0, "character": 0})),
    );
    assert_eq!(refused["error"]["code"], -32600);
    client.notify("exit", Json::Null);
    assert_eq!(client.wait_exit(), Some(0));
}

#[test]
fn hover_and_inlay_hint_say_which_version_of_section_55_applied() {
    let mut client = session();
    let uri = file_uri("dated.s55.yaml");
    let text = surrey()
        .replace("published: 2025-09-10", "published: 2014-08-14")
        .replace(
            "response_deadline: 2025-11-04",
            "response_deadline: 2014-11-28",
        )
        .replace(
            "  published_on_website: true\n  published_on: 2025-10-30\n",
            "",
        );
    client.open(&uri, &text);
    let hints = client.call("textDocument/inlayHint", json!({"textDocument": td(&uri), "range": {"start": {"line": 0, "character": 0}, "end": {"line": 100, "character": 0}}}));
    assert_eq!(hints[0]["label"], "no statutory period");
    let deadline = hover_text(&mut client, &uri, find(&text, "2014-11-28", 1, "utf-16"));
    assert!(deadline.contains("No statutory period"), "{deadline}");
    assert!(
        deadline.contains("before s.55(5A) and (5B) came into force on 2 May 2017"),
        "{deadline}"
    );
    assert!(deadline.contains("SI 2017/399"), "{deadline}");
    // A 2025 report: the 2017 version, and why.
    let uri = file_uri("dated-2025.s55.yaml");
    let text = surrey();
    client.open(&uri, &text);
    let deadline = hover_text(&mut client, &uri, find(&text, "2025-11-04", 1, "utf-16"));
    assert!(
        deadline.contains("The 2017 version of s.55 applies"),
        "{deadline}"
    );
    // A force: its bodies over time and its other names.
    let uri = file_uri("dated-force.s55.yaml");
    let text = surrey().replace("force: Surrey Police", "force: South Yorkshire Police");
    client.open(&uri, &text);
    let force = hover_text(
        &mut client,
        &uri,
        find(&text, "South Yorkshire Police", 3, "utf-16"),
    );
    assert!(
        force.contains(
            "- Police and Crime Commissioner for South Yorkshire: 22 November 2012 to 6 May 2024"
        ),
        "{force}"
    );
    assert!(
        force.contains("- Mayor of South Yorkshire: 7 May 2024 to today"),
        "{force}"
    );
}

#[test]
fn welsh_beside_english_in_completion_hover_and_diagnostics() {
    let mut client = session();
    let uri = file_uri("gwent.s55.yaml");
    let text = "policing_body: Police and Crime Commissioner for Gwent\nforce: Gwent Police\n\ninspection:\n  title: \"PEEL 2025: An inspection of Gwent Police\"\n  published: 2025-10-24\n  cy:\n    \nrecommendations:\n  - id: 1\n    text: By March, the force should do it.\n    cy:\n      \nkey_findings: The force answers calls quickly.\ncy:\n  \n";
    client.open(&uri, text);
    // The Welsh force's texts without Welsh are named, each at its English.
    let diagnostics = client.diagnostics(&uri, 1);
    let missing: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d["code"] == "welsh-text-missing")
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert_eq!(missing.len(), 3, "{missing:?}");
    assert!(
        missing
            .iter()
            .any(|m| m.contains("`key_findings` has English but no Welsh")),
        "{missing:?}"
    );
    // Inside each `cy` block: the Welsh keys of what it stands beside.
    for (line, character, key) in [(7, 4, "title"), (12, 6, "text"), (15, 2, "key_findings")] {
        let items = complete(
            &mut client,
            &uri,
            json!({"line": line, "character": character}),
        );
        assert!(
            labels(&items).contains(&key.to_owned()),
            "`{key}` at line {line}: {:?}",
            labels(&items)
        );
    }
    // Hover on a `cy` key says what it holds.
    let hover = hover_text(&mut client, &uri, find(text, "cy:\n  \n", 0, "utf-16"));
    assert!(hover.contains("Welsh"), "{hover}");
}
