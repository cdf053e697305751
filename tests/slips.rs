//! YAML slips a Word or Outlook user makes, through the binary (`check --format json`): each is
//! named in plain words at the character at fault (exact 1-based ranges, end exclusive), and its
//! fix, applied, gives a file where the slip is gone and the text is kept.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{Value, json};

const CLEAN: &str = include_str!("../examples/surrey-peel-2025.s55.yaml");

/// `check --format json` on `bytes` from standard input: the findings.
fn check(bytes: &[u8]) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_section55"))
        .args(["check", "--format", "json", "--today", "2025-10-01", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(bytes)
        .expect("write");
    let out = child.wait_with_output().expect("waits");
    let json: Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    json["diagnostics"].as_array().expect("diagnostics").clone()
}

/// The clean example with `from` replaced by `to`.
fn variant(from: &str, to: &str) -> String {
    assert_eq!(
        CLEAN.matches(from).count(),
        1,
        "`{from}` once in the example"
    );
    CLEAN.replacen(from, to, 1)
}

fn range(line: u64, start: u64, end_line: u64, end: u64) -> Value {
    json!({"start": {"line": line, "column": start}, "end": {"line": end_line, "column": end}})
}

/// The one finding of `rule`, asserted to be the file's only finding of that rule.
fn only(findings: &[Value], rule: &str) -> Value {
    let of_rule: Vec<&Value> = findings.iter().filter(|d| d["rule"] == rule).collect();
    assert_eq!(of_rule.len(), 1, "{rule}: {findings:#?}");
    of_rule[0].clone()
}

/// Byte offset of a 1-based line and column (in characters) in `text`.
fn offset(text: &str, line: u64, column: u64) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line as usize - 1)
        .map(str::len)
        .sum();
    let rest = &text[start..];
    start
        + rest
            .char_indices()
            .nth(column as usize - 1)
            .map_or(rest.len(), |(i, _)| i)
}

/// `text` with a finding's fix applied.
fn apply(text: &str, finding: &Value) -> String {
    let mut edits: Vec<(usize, usize, String)> = finding["fix"]["edits"]
        .as_array()
        .expect("a fix")
        .iter()
        .map(|e| {
            let r = &e["range"];
            let at = |p: &Value| {
                offset(
                    text,
                    p["line"].as_u64().unwrap(),
                    p["column"].as_u64().unwrap(),
                )
            };
            (
                at(&r["start"]),
                at(&r["end"]),
                e["new_text"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_owned();
    for (start, end, new) in edits {
        out.replace_range(start..end, &new);
    }
    out
}

/// The file's findings, and the same after the slip's fix: none of `rule` left.
fn assert_fixed(text: &str, finding: &Value, rule: &str) -> String {
    let fixed = apply(text, finding);
    let after = check(fixed.as_bytes());
    assert!(
        after
            .iter()
            .all(|d| d["rule"] != rule && d["rule"] != "invalid-yaml"),
        "still there after the fix:\n{fixed}\n{after:#?}"
    );
    fixed
}

#[test]
fn a_hash_in_a_one_line_text_is_a_comment_that_drops_the_rest() {
    let text = variant(
        "      action: Supervisors now review every stop and search record within 72 hours.",
        "      action: Supervisors now review #stopsearch records",
    );
    let d = only(&check(text.as_bytes()), "comment-in-text");
    assert_eq!(d["severity"], "warning");
    assert_eq!(
        d["message"],
        "`#stopsearch records` is not part of the text: in YAML, ` #` starts a comment, so the rest of the line is dropped; put the whole text in double quotes, or write it as a block (`>-`)"
    );
    assert_eq!(d["range"], range(65, 38, 65, 57));
    assert_eq!(d["fix"]["title"], "Put the text in double quotes");
    let fixed = assert_fixed(&text, &d, "comment-in-text");
    assert!(fixed.contains("      action: \"Supervisors now review #stopsearch records\"\n"));
    let r = section55::render::read(&fixed).expect("a response");
    let action = r.chief_constable_response.responses.expect("responses")[2]
        .action
        .clone();
    assert_eq!(
        action.as_deref(),
        Some("Supervisors now review #stopsearch records")
    );

    // The other fix: a block.
    let lint = section55::rules::lint(&text, &Default::default(), chrono::NaiveDate::MIN);
    let slip = lint
        .iter()
        .find(|d| d.rule == "comment-in-text")
        .expect("found");
    assert_eq!(slip.fixes[1].title, "Write the text as a block (`>-`)");
    assert_eq!(
        slip.fixes[1].edits[0].new_text,
        ">-\n        Supervisors now review #stopsearch records"
    );

    // Quoted texts, blocks and inline ignores are left alone.
    for fine in [
        "      action: \"Supervisors now review\" # reviewed",
        "      action: Supervisors now review # section55: ignore[empty-section] kept",
    ] {
        let text = variant(
            "      action: Supervisors now review every stop and search record within 72 hours.",
            fine,
        );
        assert!(
            check(text.as_bytes())
                .iter()
                .all(|d| d["rule"] != "comment-in-text"),
            "{fine}"
        );
    }
}

#[test]
fn a_colon_in_a_one_line_text_says_to_quote_it_or_use_a_block() {
    let text = variant(
        "      action: A new call-handling system goes live in January 2026, with extra staff at peak times.",
        "      action: A new system goes live: January 2026.",
    );
    let d = only(&check(text.as_bytes()), "invalid-yaml");
    assert_eq!(
        d["message"],
        "this text contains \": \", which YAML reads as the start of a new key: put the whole text in double quotes, or write it as a block (`>-` or `|`) on the lines below `action:`"
    );
    assert_eq!(d["range"], range(59, 37, 59, 38));
    assert_eq!(d["fix"]["title"], "Put the text in double quotes");
    assert_eq!(d["fix"]["edits"][0]["range"], range(59, 15, 59, 52));
    let fixed = assert_fixed(&text, &d, "invalid-yaml");
    assert!(fixed.contains("      action: \"A new system goes live: January 2026.\"\n"));
}

#[test]
fn a_non_breaking_space_is_named_where_it_is() {
    // After a key: the parser would complain two lines later.
    let text = variant("force: Surrey Police", "force:\u{a0}Surrey Police");
    let findings = check(text.as_bytes());
    let d = only(&findings, "invalid-yaml");
    assert_eq!(
        d["message"],
        "a non-breaking space (U+00A0, as Word and Outlook type it) after the colon: YAML needs an ordinary space here, so it reads this line as text; replace it with a space"
    );
    assert_eq!(d["range"], range(6, 7, 6, 8));
    assert_eq!(
        d["fix"]["title"],
        "Replace the non-breaking space with a space"
    );
    assert_fixed(&text, &d, "invalid-yaml");

    // As indentation.
    let text = variant("  published: 2025-09-10", "\u{a0} published: 2025-09-10");
    let d = only(&check(text.as_bytes()), "invalid-yaml");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("in the indentation"),
        "{d}"
    );
    assert_eq!(d["range"], range(10, 1, 10, 2));
    assert_fixed(&text, &d, "invalid-yaml");

    // Inside a text it is just text.
    let text = variant(
        "Surrey Police\n\ninspection:",
        "Surrey\u{a0}Police\n\ninspection:",
    );
    assert!(
        check(text.as_bytes())
            .iter()
            .all(|d| d["rule"] != "invalid-yaml")
    );
}

#[test]
fn curly_quotes_are_not_yaml_quotes() {
    let text = variant("force: Surrey Police", "force: “Surrey Police”");
    let findings = check(text.as_bytes());
    let d = only(&findings, "curly-quotes");
    assert_eq!(d["severity"], "warning");
    assert_eq!(
        d["message"],
        "`“Surrey Police”` is wrapped in curly quotes, which are not YAML quotes: they become part of the value; use straight double quotes (\"), or none"
    );
    assert_eq!(d["range"], range(6, 8, 6, 23));
    assert_eq!(d["fix"]["title"], "Use straight quotes");
    let fixed = assert_fixed(&text, &d, "curly-quotes");
    assert!(fixed.contains("force: \"Surrey Police\"\n"));
    assert!(check(fixed.as_bytes()).is_empty(), "clean again");

    // Curly quotes and a colon: the colon breaks the syntax, and the fix drops the curly quotes.
    let text = variant(
        "  title: \"PEEL 2025: Police effectiveness, efficiency and legitimacy – An inspection of Surrey Police\"",
        "  title: “PEEL 2025: An inspection of Surrey Police”",
    );
    let d = only(&check(text.as_bytes()), "invalid-yaml");
    assert_eq!(
        d["message"],
        "this text contains \": \", which YAML reads as the start of a new key (curly quotes “…” are not YAML quotes): put the whole text in double quotes, or write it as a block (`>-` or `|`) on the lines below `title:`"
    );
    assert_eq!(d["range"], range(9, 20, 9, 21));
    let fixed = assert_fixed(&text, &d, "invalid-yaml");
    assert!(fixed.contains("  title: \"PEEL 2025: An inspection of Surrey Police\"\n"));
}

#[test]
fn a_pasted_paragraph_must_be_indented_under_its_key() {
    let text = variant(
        "key_findings: |\n  The inspectorate graded",
        "key_findings: |\nThe inspectorate graded",
    );
    let d = only(&check(text.as_bytes()), "invalid-yaml");
    assert_eq!(
        d["message"],
        "the text under `key_findings: |` must be indented under its key: put 2 spaces before each of its lines"
    );
    assert_eq!(d["range"], range(18, 1, 18, 209));
    assert_eq!(d["fix"]["title"], "Indent the text under `key_findings`");
    // Both paragraphs are indented (the second already was), the next section is not.
    assert_eq!(d["fix"]["edits"].as_array().unwrap().len(), 1);
    let fixed = assert_fixed(&text, &d, "invalid-yaml");
    assert_eq!(fixed, CLEAN);
}

#[test]
fn a_tab_is_pointed_at() {
    let text = variant("  published: 2025-09-10", "\tpublished: 2025-09-10");
    let d = only(&check(text.as_bytes()), "invalid-yaml");
    assert_eq!(
        d["message"],
        "a tab is used for indentation here (as text pasted from Word or Outlook often has): YAML indents with spaces only; replace the tab with spaces"
    );
    assert_eq!(d["range"], range(10, 1, 10, 2));
    assert_eq!(d["fix"]["title"], "Replace the tab with two spaces");
    assert_eq!(assert_fixed(&text, &d, "invalid-yaml"), CLEAN);

    let text = variant("  published: 2025-09-10", "  published:\t2025-09-10");
    let d = only(&check(text.as_bytes()), "invalid-yaml");
    assert_eq!(
        d["message"],
        "a tab after `:` (as text pasted from a word processor often has): YAML needs a space after the colon; replace the tab with a space"
    );
    assert_eq!(d["range"], range(10, 13, 10, 14));
    assert_eq!(assert_fixed(&text, &d, "invalid-yaml"), CLEAN);
}

#[test]
fn utf16_is_named_with_or_without_a_byte_order_mark() {
    let utf16 = |bom: &[u8], big_endian: bool| -> Vec<u8> {
        let mut bytes = bom.to_vec();
        for unit in CLEAN.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend(pair);
        }
        bytes
    };
    for (name, bytes) in [
        ("little-endian, no BOM", utf16(&[], false)),
        ("big-endian, no BOM", utf16(&[], true)),
        ("with a BOM", utf16(&[0xFF, 0xFE], false)),
    ] {
        let findings = check(&bytes);
        assert_eq!(findings.len(), 1, "{name}: {findings:#?}");
        assert_eq!(
            findings[0]["message"],
            "the file is saved as UTF-16 (Notepad's and Word's \"Unicode\"), not UTF-8: save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)",
            "{name}"
        );
        assert_eq!(findings[0]["range"], range(1, 1, 1, 2), "{name}");
    }
}

#[test]
fn an_empty_or_one_key_file_gets_one_finding_saying_how_to_start() {
    for (text, has, force, at) in [
        (
            "",
            "it has none of the template's sections",
            "Norfolk",
            range(1, 1, 1, 1),
        ),
        (
            "# notes\n",
            "it has none of the template's sections",
            "Norfolk",
            range(1, 1, 1, 1),
        ),
        (
            "force: Norfolk Constabulary\n",
            "it has only `force`",
            "\"Norfolk Constabulary\"",
            range(1, 1, 1, 6),
        ),
        (
            "key_findings: x\n",
            "it has only `key_findings`",
            "Norfolk",
            range(1, 1, 1, 13),
        ),
    ] {
        let findings = check(text.as_bytes());
        assert_eq!(findings.len(), 1, "{text:?}: {findings:#?}");
        assert_eq!(findings[0]["rule"], "missing-section");
        assert_eq!(
            findings[0]["message"],
            format!(
                "this file is not a response yet: {has}. Start from a file with every section: `section55 new {force} --title \"the report's title\" --published 2025-10-24 -o response.s55.yaml` (with your force, the report's title and its publication date; add --force to replace an existing file)"
            )
        );
        assert_eq!(findings[0]["range"], at, "{text:?}");
    }
    // Two sections: each missing one is listed, as before.
    let two = check(
        b"force: Norfolk Constabulary\npolicing_body: Police and Crime Commissioner for Norfolk\n",
    );
    assert!(
        two.iter()
            .filter(|d| d["rule"] == "missing-section")
            .count()
            > 5
    );
}
