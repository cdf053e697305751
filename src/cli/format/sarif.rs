//! SARIF 2.1.0, as GitHub code scanning accepts it: the rules with their documentation, and
//! results with 1-based regions counted in Unicode code points.

use serde_json::{Value, json};

use super::{FileReport, all, one_based};
use crate::diagnostic::Severity;
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
        "defaultConfiguration": {"level": level(rule.severity)},
    })
}

pub fn render(reports: &[FileReport]) -> String {
    let all_rules = rules::all();
    let results: Vec<Value> = all(reports)
        .map(|(r, d)| {
            let (start_line, start_column) = one_based(d.span.start);
            let (end_line, end_column) = one_based(d.span.end);
            json!({
                "ruleId": d.rule,
                "ruleIndex": all_rules.iter().position(|x| x.name == d.rule).unwrap_or(0),
                "level": level(d.severity),
                "message": {"text": d.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(&r.path)},
                        "region": {
                            "startLine": start_line,
                            "startColumn": start_column,
                            "endLine": end_line,
                            "endColumn": end_column,
                        }
                    }
                }],
            })
        })
        .collect();
    let log = json!({
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
            "results": results,
        }],
    });
    format!(
        "{}\n",
        serde_json::to_string_pretty(&log).unwrap_or_default()
    )
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
