//! `--format json`: SPEC §5. Lines and columns are 1-based; columns count characters; `end` is
//! exclusive (the position after the last character), as in SARIF.
//!
//! Serialised straight from borrowed structs (fields in alphabetical order, as the report has
//! always been written), not through a `serde_json::Value` tree, and written one finding at a
//! time ([`Array`]): a run with 200,000 findings holds one finding's JSON at a time.

use serde::Serialize;

use super::{Counts, FileReport};
use crate::diagnostic::{Fix, Span};

#[derive(Serialize)]
struct Report<'a> {
    diagnostics: &'a str,
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
    let (line, column) = span.start.one_based();
    let (end_line, end_column) = span.end.one_based();
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

fn report(counts: &Counts) -> Report<'static> {
    Report {
        diagnostics: MARKER,
        summary: Summary {
            errors: counts.errors,
            files: counts.files,
            infos: counts.infos,
            warnings: counts.warnings,
        },
    }
}

pub(super) fn array() -> Array {
    Array::new(&report(&Counts::default()))
}

pub(super) fn file(array: &mut Array, report: &FileReport) -> String {
    report
        .diagnostics
        .iter()
        .map(|d| {
            array.item(&Item {
                fix: d.fix().map(fix),
                message: &d.message,
                path: &report.path,
                range: range(d.span),
                rule: d.rule,
                severity: d.severity.as_str(),
            })
        })
        .collect()
}

pub(super) fn finish(array: &mut Array, counts: &Counts) -> String {
    array.close(&report(counts))
}

/// Stands for the streamed array in a document's skeleton (a string no report contains).
pub(super) const MARKER: &str = "\u{0}section55: the streamed array\u{0}";

/// A pretty-printed JSON document written in pieces, byte for byte as `serde_json` would print
/// it whole: the skeleton holds [`MARKER`] where its one large array goes, and the array's items
/// are printed one at a time, indented to their depth (pretty JSON has no raw newline inside a
/// string, so indenting every line of an item is exact).
#[derive(Default)]
pub(super) struct Array {
    /// The text before the array, until it is written.
    head: Option<String>,
    /// The indentation of the line that opens the array.
    indent: usize,
    items: usize,
}

impl Array {
    pub(super) fn new(skeleton: &impl Serialize) -> Self {
        let (head, _) = split(skeleton);
        let last_line = &head[head.rfind('\n').map_or(0, |i| i + 1)..];
        let indent = last_line.len() - last_line.trim_start().len();
        Array {
            head: Some(head),
            indent,
            items: 0,
        }
    }

    pub(super) fn item(&mut self, item: &impl Serialize) -> String {
        let mut out = self.head.take().unwrap_or_default();
        out.push_str(if self.items == 0 { "[\n" } else { ",\n" });
        self.items += 1;
        let pretty = serde_json::to_string_pretty(item).unwrap_or_default();
        let pad = " ".repeat(self.indent + 2);
        for (i, line) in pretty.lines().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&pad);
            out.push_str(line);
        }
        out
    }

    /// The end of the array and the rest of `skeleton` (whose parts after the array may now
    /// hold what the items added up to).
    pub(super) fn close(&mut self, skeleton: &impl Serialize) -> String {
        let mut out = self.head.take().unwrap_or_default();
        if self.items == 0 {
            out.push_str("[]");
        } else {
            out.push('\n');
            out.push_str(&" ".repeat(self.indent));
            out.push(']');
        }
        out.push_str(&split(skeleton).1);
        out.push('\n');
        out
    }
}

/// `skeleton` pretty-printed, before and after its [`MARKER`].
fn split(skeleton: &impl Serialize) -> (String, String) {
    let mut text = serde_json::to_string_pretty(skeleton).unwrap_or_default();
    let marker = serde_json::to_string(MARKER).unwrap_or_default();
    match text.find(&marker) {
        Some(at) => {
            let tail = text.split_off(at + marker.len());
            text.truncate(at);
            (text, tail)
        }
        None => (text, String::new()),
    }
}
