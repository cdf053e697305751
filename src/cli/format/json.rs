//! `--format json`: SPEC §5. Lines and columns are 1-based; columns count characters; `end` is
//! exclusive (the position after the last character), as in SARIF.

use serde_json::{Value, json};

use super::{FileReport, all, counts, one_based};
use crate::diagnostic::{Fix, Span};

fn range(span: Span) -> Value {
    let (line, column) = one_based(span.start);
    let (end_line, end_column) = one_based(span.end);
    json!({"start": {"line": line, "column": column}, "end": {"line": end_line, "column": end_column}})
}

fn fix(fix: &Fix) -> Value {
    let edits: Vec<Value> = fix
        .edits
        .iter()
        .map(|e| json!({"range": range(e.span), "new_text": e.new_text}))
        .collect();
    json!({"title": fix.title, "edits": edits})
}

pub fn render(reports: &[FileReport]) -> String {
    let diagnostics: Vec<Value> = all(reports)
        .map(|(r, d)| {
            let mut item = json!({
                "path": r.path,
                "rule": d.rule,
                "severity": d.severity.as_str(),
                "message": d.message,
                "range": range(d.span),
            });
            if let Some(f) = d.fix() {
                item["fix"] = fix(f);
            }
            item
        })
        .collect();
    let c = counts(reports);
    let out = json!({
        "diagnostics": diagnostics,
        "summary": {"files": c.files, "errors": c.errors, "warnings": c.warnings, "infos": c.infos},
    });
    format!(
        "{}\n",
        serde_json::to_string_pretty(&out).unwrap_or_default()
    )
}
