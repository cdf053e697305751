//! SARIF 2.1.0, as GitHub code scanning accepts it: the rules with their documentation, and
//! results with 1-based regions counted in Unicode code points.

use serde_json::{Value, json};

use super::FileReport;
use super::json::{self, Array};
use crate::diagnostic::{Fix, Severity, Span};
use crate::rules::{self, Rule};

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule(rule: &Rule) -> Value {
    json!({
        "id": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc.what},
        "help": {"text": rules::doc_text(rule), "markdown": rules::doc_markdown(rule)},
        // A rule of a family that is off by default is listed as not enabled.
        "defaultConfiguration": {
            "level": level(rule.severity),
            "enabled": rules::default_level(rule) != "off",
        },
    })
}

/// A 1-based SARIF region, `end` exclusive (an insertion is an empty region).
fn region(span: Span) -> Value {
    let (start_line, start_column) = span.start.one_based();
    let (end_line, end_column) = span.end.one_based();
    json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    })
}

/// A SARIF `fix`: its edits as replacements in the one file, and its applicability in the
/// property bag (SARIF has no field of its own for it).
fn fix(path: &str, fix: &Fix) -> Value {
    let replacements: Vec<Value> = fix
        .edits
        .iter()
        .map(|e| json!({"deletedRegion": region(e.span), "insertedContent": {"text": e.new_text}}))
        .collect();
    json!({
        "description": {"text": fix.title},
        "artifactChanges": [{"artifactLocation": {"uri": uri(path)}, "replacements": replacements}],
        "properties": {"applicability": fix.applicability.as_str()},
    })
}

/// The log with [`json::MARKER`] in place of the results.
fn log() -> Value {
    let all_rules = rules::all();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "section55",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://www.legislation.gov.uk/ukpga/1996/16/section/55",
                "rules": all_rules.iter().map(|r| rule(r)).collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "results": json::MARKER,
        }],
    })
}

pub(super) fn array() -> Array {
    Array::new(&log())
}

pub(super) fn file(results: &mut Array, report: &FileReport) -> String {
    let all_rules = rules::all();
    let uri = uri(&report.path);
    report
        .diagnostics
        .iter()
        .map(|d| {
            let mut result = json!({
                "ruleId": d.rule,
                "ruleIndex": all_rules.iter().position(|x| x.name == d.rule).unwrap_or(0),
                "level": level(d.severity),
                "message": {"text": d.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": region(d.span),
                    }
                }],
            });
            if !d.fixes.is_empty() {
                result["fixes"] = d.fixes.iter().map(|f| fix(&report.path, f)).collect();
            }
            results.item(&result)
        })
        .collect()
}

pub(super) fn finish(results: &mut Array) -> String {
    results.close(&log())
}

/// A relative URI reference for a path: `/` separators, and characters outside the unreserved
/// set percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
