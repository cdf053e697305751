//! `--format json`: SPEC §5. Lines and columns are 1-based; columns count characters; `end` is
//! exclusive (the position after the last character), as in SARIF.
//!
//! Serialised straight from borrowed structs (fields in alphabetical order, as the report has
//! always been written), not through a `serde_json::Value` tree: a file with 200,000 findings
//! would otherwise hold several kilobytes per finding at once.

use serde::Serialize;

use super::{FileReport, all, counts, one_based};
use crate::diagnostic::{Fix, Span};

#[derive(Serialize)]
struct Report<'a> {
    diagnostics: Vec<Item<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Item<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<FixOut<'a>>,
    message: &'a str,
    path: &'a str,
    range: Range,
    rule: &'a str,
    severity: &'a str,
}

#[derive(Serialize)]
struct FixOut<'a> {
    applicability: &'static str,
    edits: Vec<Edit<'a>>,
    title: &'a str,
}

#[derive(Serialize)]
struct Edit<'a> {
    new_text: &'a str,
    range: Range,
}

#[derive(Serialize)]
struct Range {
    end: Position,
    start: Position,
}

#[derive(Serialize)]
struct Position {
    column: u32,
    line: u32,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    files: usize,
    infos: usize,
    warnings: usize,
}

fn range(span: Span) -> Range {
    let (line, column) = one_based(span.start);
    let (end_line, end_column) = one_based(span.end);
    Range {
        end: Position {
            column: end_column,
            line: end_line,
        },
        start: Position { column, line },
    }
}

fn fix(fix: &Fix) -> FixOut<'_> {
    let edits = fix
        .edits
        .iter()
        .map(|e| Edit {
            new_text: &e.new_text,
            range: range(e.span),
        })
        .collect();
    FixOut {
        applicability: fix.applicability.as_str(),
        edits,
        title: &fix.title,
    }
}

pub fn render(reports: &[FileReport]) -> String {
    let diagnostics = all(reports)
        .map(|(r, d)| Item {
            fix: d.fix().map(fix),
            message: &d.message,
            path: &r.path,
            range: range(d.span),
            rule: d.rule,
            severity: d.severity.as_str(),
        })
        .collect();
    let c = counts(reports);
    let summary = Summary {
        errors: c.errors,
        files: c.files,
        infos: c.infos,
        warnings: c.warnings,
    };
    let mut out = serde_json::to_string_pretty(&Report {
        diagnostics,
        summary,
    })
    .unwrap_or_default();
    out.push('\n');
    out
}
