//! The portfolio in the editor (issue 12): `workspace/diagnostic` over every response file in
//! the workspace folders (the same files and findings as `section55 check` on the folder),
//! `unchanged` on a second pull, a refresh after files change on disk, and the code lens above
//! `response_deadline` in the words of `section55 status`. The real binary, JSON-RPC over stdio.

#[path = "../benches/generate/mod.rs"]
mod generate;
mod lsp_client;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use lsp_client::*;
use serde_json::{Value as Json, json};

const SURREY: &str = include_str!("../examples/surrey-peel-2025.s55.yaml");

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("section55-lsp-ws-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// A generated response with a status outside the list (a schema error).
fn with_error(seed: u64) -> String {
    let text = generate::response(seed, generate::Shape::typical());
    assert!(text.contains("status: accepted"));
    text.replacen("status: accepted", "status: agreed", 1)
}

/// The workspace: a good response, one with an error, one not UTF-8, one not YAML, one too
/// large for the scan, one nested two folders down; and what the scan must leave out (a
/// gitignored response, a YAML file that is not named as one).
fn portfolio(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    write(
        &dir.join("good.s55.yaml"),
        generate::response(1, generate::Shape::typical()),
    );
    write(&dir.join("error.s55.yaml"), with_error(2));
    write(
        &dir.join("binary.s55.yaml"),
        b"policing_body: \xff\xfe\x00 Surrey\n",
    );
    write(
        &dir.join("not-yaml.s55.yaml"),
        "{{ this is: [not, yaml\n  - at all\n",
    );
    write(&dir.join("huge.s55.yml"), vec![b'#'; (8 << 20) + 1]);
    write(
        &dir.join("nested/deeper/inner.s55.yaml"),
        generate::response(3, generate::Shape::typical()),
    );
    write(&dir.join(".gitignore"), "skipped/\n");
    write(&dir.join("skipped/left-out.s55.yaml"), with_error(4));
    write(&dir.join("notes.yaml"), "shopping: [milk]\n");
    dir
}

/// A client that pulls diagnostics, is asked to refresh them and registers file watchers.
fn pulling_client(folders: &[&Path]) -> Client {
    let mut client = Client::spawn();
    let result = client.initialize_folders(
        json!({
            "general": {"positionEncodings": ["utf-16"]},
            "textDocument": {"diagnostic": {"dynamicRegistration": false}},
            "workspace": {
                "diagnostics": {"refreshSupport": true},
                "didChangeWatchedFiles": {"dynamicRegistration": true},
                "workspaceFolders": true
            }
        }),
        folders,
    );
    assert_eq!(
        result["capabilities"]["diagnosticProvider"]["workspaceDiagnostics"], true,
        "{result}"
    );
    client
}

fn pull(client: &mut Client, previous: &[(String, String)]) -> Vec<Json> {
    let previous: Vec<Json> = previous
        .iter()
        .map(|(uri, value)| json!({"uri": uri, "value": value}))
        .collect();
    let report = client.call(
        "workspace/diagnostic",
        json!({"identifier": "section55", "previousResultIds": previous}),
    );
    report["items"].as_array().cloned().unwrap_or_default()
}

/// Each reported file's path, relative to `dir`.
fn relative(dir: &Path, item: &Json) -> String {
    let uri = item["uri"].as_str().unwrap_or_default();
    let prefix = format!("{}/", path_uri(dir));
    uri.strip_prefix(&prefix).unwrap_or(uri).to_owned()
}

fn by_file(dir: &Path, items: &[Json]) -> BTreeMap<String, Json> {
    items
        .iter()
        .map(|item| (relative(dir, item), item.clone()))
        .collect()
}

fn result_ids(items: &[Json]) -> Vec<(String, String)> {
    items
        .iter()
        .filter_map(|i| {
            Some((
                i["uri"].as_str()?.to_owned(),
                i["resultId"].as_str()?.to_owned(),
            ))
        })
        .collect()
}

/// A finding as (rule, line, column, message), 0-based, from either side.
type Finding = (String, u64, u64, String);

fn lsp_findings(item: &Json) -> BTreeSet<Finding> {
    item["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                d["range"]["start"]["line"].as_u64().unwrap_or(u64::MAX),
                d["range"]["start"]["character"]
                    .as_u64()
                    .unwrap_or(u64::MAX),
                d["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// What `section55 check --format json` finds in `dir` on the server's today, by file.
fn check_findings(dir: &Path) -> BTreeMap<String, BTreeSet<Finding>> {
    let out = Command::new(env!("CARGO_BIN_EXE_section55"))
        .args(["check", ".", "--format", "json", "--today", TODAY])
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run check: {e}"));
    let report: Json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let mut found: BTreeMap<String, BTreeSet<Finding>> = BTreeMap::new();
    for d in report["diagnostics"].as_array().into_iter().flatten() {
        let at = |k: &str| {
            d["range"]["start"][k]
                .as_u64()
                .unwrap_or(0)
                .saturating_sub(1)
        };
        found
            .entry(d["path"].as_str().unwrap_or_default().to_owned())
            .or_default()
            .insert((
                d["rule"].as_str().unwrap_or_default().to_owned(),
                at("line"),
                at("column"),
                d["message"].as_str().unwrap_or_default().to_owned(),
            ));
    }
    found
}

fn codes_of(item: &Json) -> Vec<String> {
    codes(item["items"].as_array().map_or(&[][..], Vec::as_slice))
}

#[test]
fn workspace_diagnostics_list_every_response_file_as_check_does() {
    let dir = portfolio("all");
    let mut client = pulling_client(&[&dir]);
    // Open with an edit not saved: the error fixed in the editor, at version 3.
    let error_uri = path_uri(&dir.join("error.s55.yaml"));
    let fixed = with_error(2).replacen("status: agreed", "status: accepted", 1);
    client.open_version(&error_uri, &fixed, 3);

    let items = pull(&mut client, &[]);
    let files = by_file(&dir, &items);
    assert_eq!(
        files.keys().map(String::as_str).collect::<Vec<_>>(),
        [
            "binary.s55.yaml",
            "error.s55.yaml",
            "good.s55.yaml",
            "huge.s55.yml",
            "nested/deeper/inner.s55.yaml",
            "not-yaml.s55.yaml"
        ],
        "{items:?}"
    );
    for item in &items {
        assert_eq!(item["kind"], "full", "{item}");
        assert!(item["resultId"].is_string(), "{item}");
    }

    // Closed files: the same findings as `section55 check` on the folder.
    let check = check_findings(&dir);
    for name in [
        "good.s55.yaml",
        "binary.s55.yaml",
        "not-yaml.s55.yaml",
        "nested/deeper/inner.s55.yaml",
    ] {
        assert_eq!(
            lsp_findings(&files[name]),
            check.get(name).cloned().unwrap_or_default(),
            "{name}"
        );
        assert!(files[name]["version"].is_null(), "{name}");
    }
    assert!(
        check["binary.s55.yaml"]
            .iter()
            .any(|f| f.0 == "invalid-yaml" && f.3.contains("not valid UTF-8")),
        "{check:?}"
    );
    assert!(codes_of(&files["not-yaml.s55.yaml"]).contains(&"invalid-yaml".to_owned()));
    // On disk the error file has its schema error; open, the editor's text (version 3) is
    // reported, without it.
    assert!(check["error.s55.yaml"].iter().any(|f| f.0 == "schema"));
    assert_eq!(files["error.s55.yaml"]["version"], 3);
    assert!(!codes_of(&files["error.s55.yaml"]).contains(&"schema".to_owned()));
    // Too large for the scan: one finding that says so, never a crash.
    let huge = &files["huge.s55.yml"]["items"];
    assert_eq!(huge.as_array().map(Vec::len), Some(1), "{huge}");
    assert!(
        huge[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("larger than 8 MB")),
        "{huge}"
    );

    // A second pull with the result ids: everything unchanged.
    let again = pull(&mut client, &result_ids(&items));
    assert_eq!(again.len(), items.len());
    for item in &again {
        assert_eq!(item["kind"], "unchanged", "{item}");
    }
    assert_eq!(by_file(&dir, &again)["error.s55.yaml"]["version"], 3);

    // With a partialResultToken the reports arrive as `$/progress` before the (empty) response.
    let result = client.call(
        "workspace/diagnostic",
        json!({"previousResultIds": [], "partialResultToken": "scan-1"}),
    );
    assert_eq!(result["items"], json!([]), "{result}");
    let mut streamed = Vec::new();
    let is_partial = |m: &Json| m["method"] == "$/progress" && m["params"]["token"] == "scan-1";
    while let Some(m) = client.try_wait_for(std::time::Duration::ZERO, &is_partial) {
        streamed.extend(
            m["params"]["value"]["items"]
                .as_array()
                .cloned()
                .unwrap_or_default(),
        );
    }
    assert_eq!(
        by_file(&dir, &streamed).keys().collect::<Vec<_>>(),
        files.keys().collect::<Vec<_>>()
    );
    assert_eq!(client.shutdown_and_exit(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn files_changed_on_disk_are_read_again_and_the_client_asked_to_refresh() {
    let dir = portfolio("watch");
    let mut client = pulling_client(&[&dir]);
    let registration = client.wait_for_server_request("client/registerCapability", 0);
    let globs: Vec<&str> =
        registration["params"]["registrations"][0]["registerOptions"]["watchers"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|w| w["globPattern"].as_str())
            .collect();
    assert!(globs.contains(&"**/*.s55.yaml"), "{registration}");
    let first = pull(&mut client, &[]);
    let ids = result_ids(&first);
    assert!(!codes_of(&by_file(&dir, &first)["good.s55.yaml"]).contains(&"schema".to_owned()));

    // good.s55.yaml gets an error, inner.s55.yaml is deleted, new.s55.yaml appears.
    let good = dir.join("good.s55.yaml");
    write(&good, with_error(1));
    let inner = dir.join("nested/deeper/inner.s55.yaml");
    std::fs::remove_file(&inner).unwrap_or_else(|e| panic!("{e}"));
    let new = dir.join("new.s55.yaml");
    write(&new, with_error(5));
    let asked = client.server_requests.len();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [
            {"uri": path_uri(&good), "type": 2},
            {"uri": path_uri(&inner), "type": 3},
            {"uri": path_uri(&new), "type": 1}
        ]}),
    );
    client.wait_for_server_request("workspace/diagnostic/refresh", asked);

    let second = by_file(&dir, &pull(&mut client, &ids));
    assert_eq!(second["good.s55.yaml"]["kind"], "full");
    assert!(codes_of(&second["good.s55.yaml"]).contains(&"schema".to_owned()));
    assert_eq!(second["new.s55.yaml"]["kind"], "full");
    assert!(codes_of(&second["new.s55.yaml"]).contains(&"schema".to_owned()));
    // The deleted file is reported once with nothing, which clears it.
    let gone = &second["nested/deeper/inner.s55.yaml"];
    assert_eq!(gone["kind"], "full", "{gone}");
    assert_eq!(gone["items"], json!([]), "{gone}");
    for name in ["error.s55.yaml", "binary.s55.yaml", "not-yaml.s55.yaml"] {
        assert_eq!(second[name]["kind"], "unchanged", "{name}");
    }
    assert_eq!(client.shutdown_and_exit(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_added_to_the_workspace_is_scanned() {
    let dir = portfolio("folders");
    let other = temp_dir("folders-other");
    write(&other.join("elsewhere.s55.yaml"), with_error(6));
    let mut client = pulling_client(&[&dir]);
    let first = pull(&mut client, &[]);
    assert!(
        !first
            .iter()
            .any(|i| relative(&other, i) == "elsewhere.s55.yaml")
    );
    let asked = client.server_requests.len();
    client.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [{"uri": path_uri(&other), "name": "other"}], "removed": [{"uri": path_uri(&dir), "name": "all"}]}}),
    );
    client.wait_for_server_request("workspace/diagnostic/refresh", asked);
    let second = pull(&mut client, &result_ids(&first));
    let elsewhere = second
        .iter()
        .find(|i| relative(&other, i) == "elsewhere.s55.yaml")
        .unwrap_or_else(|| panic!("{second:?}"));
    assert!(codes_of(elsewhere).contains(&"schema".to_owned()));
    // The removed folder's files are cleared.
    let good = second
        .iter()
        .find(|i| relative(&dir, i) == "good.s55.yaml")
        .unwrap_or_else(|| panic!("{second:?}"));
    assert_eq!(good["items"], json!([]));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&other);
}

/// The Surrey example (published 2025-09-10, last day 2025-11-04, published 2025-10-30) with
/// edits, each of which must apply.
fn surrey(edits: &[(&str, &str)]) -> String {
    edits.iter().fold(SURREY.to_owned(), |text, (from, to)| {
        assert!(text.contains(from), "`{from}` not in the example");
        text.replacen(from, to, 1)
    })
}

const TITLE: &str = "  title: \"PEEL 2025: Police effectiveness, efficiency and legitimacy – An inspection of Surrey Police\"\n";

fn unpublished(text: &str) -> String {
    let start = text.find("office_use:").unwrap_or(text.len());
    format!(
        "{}office_use:\n  forwarded_to_chief_constable: true\n",
        &text[..start]
    )
}

#[test]
fn the_code_lens_shows_days_and_state_as_status_does() {
    // The client's today is 2025-11-01 (lsp_client::TODAY).
    let past = unpublished(&surrey(&[
        ("  published: 2025-09-10", "  published: 2025-08-01"),
        (
            "response_deadline: 2025-11-04",
            "response_deadline: 2025-09-25",
        ),
    ]));
    let cases = [
        ("future", unpublished(SURREY), "3 days left · ready"),
        (
            "draft",
            unpublished(&surrey(&[("status: accepted", "status: agreed")])),
            "3 days left · draft (1 error)",
        ),
        ("past", past, "37 days late · ready"),
        ("published", SURREY.to_owned(), "published"),
        (
            "published-late",
            surrey(&[("  published_on: 2025-10-30", "  published_on: 2025-11-10")]),
            "6 days late · published late",
        ),
    ];
    let dir = temp_dir("lens");
    let mut client = Client::spawn();
    client.initialize(json!({"general": {"positionEncodings": ["utf-16"]}}));
    for (name, text, expected) in &cases {
        // Titled by the case, to find its row in `status`'s table.
        let text = &text.replacen(TITLE, &format!("  title: {name}\n"), 1);
        let path = dir.join(format!("{name}.s55.yaml"));
        write(&path, text);
        let uri = path_uri(&path);
        client.open(&uri, text);
        let lenses = client.call(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": uri}}),
        );
        assert_eq!(lenses.as_array().map(Vec::len), Some(1), "{name}: {lenses}");
        assert_eq!(lenses[0]["command"]["title"], *expected, "{name}");
        let at = find(text, "response_deadline:", 0, "utf-16");
        assert_eq!(lenses[0]["range"]["start"], at, "{name}");
    }
    // The same words in `section55 status`, row by row.
    let out = Command::new(env!("CARGO_BIN_EXE_section55"))
        .args(["status", ".", "--today", TODAY])
        .current_dir(&dir)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let table = String::from_utf8_lossy(&out.stdout);
    for (name, _, expected) in &cases {
        let line = table
            .lines()
            .find(|l| l.trim_end().ends_with(&format!("  {name}")))
            .unwrap_or_else(|| panic!("{name} not in {table}"));
        for words in expected.split(" · ") {
            assert!(line.contains(words), "{name}: `{words}` not in {line}");
        }
    }
    // No lens on a file without a response_deadline.
    let uri = path_uri(&dir.join("no-deadline.s55.yaml"));
    client.open(&uri, &surrey(&[("response_deadline: 2025-11-04\n", "")]));
    let lenses = client.call(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(lenses, json!([]));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_panic_in_the_scan_is_an_error_and_the_server_stays_up() {
    let dir = portfolio("panic");
    let mut client = Client::spawn_with(&[("SECTION55_LSP_PANIC", "workspaceDiagnostic")]);
    client.initialize_folders(json!({"textDocument": {"diagnostic": {}}}), &[&dir]);
    let answer = client.request("workspace/diagnostic", json!({"previousResultIds": []}));
    assert_eq!(answer["error"]["code"], -32603, "{answer}");
    let uri = path_uri(&dir.join("lens.s55.yaml"));
    client.open(&uri, SURREY);
    let lenses = client.call(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(lenses[0]["command"]["title"], "published");
    assert_eq!(client.shutdown_and_exit(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}
