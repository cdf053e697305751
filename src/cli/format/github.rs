//! GitHub Actions workflow commands: `::error file=…,line=…::message`.

use super::FileReport;
use crate::diagnostic::Severity;

pub(super) fn file(r: &FileReport) -> String {
    r.diagnostics
        .iter()
        .map(|d| {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let (line, col) = d.span.start.one_based();
            let (end_line, end_col) = d.span.end.one_based();
            format!(
                "::{command} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
                property(&r.path),
                property(d.rule),
                data(&d.message)
            )
        })
        .collect()
}

/// Escaping for the message, as the runner's toolkit does it.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping for property values, which also may not contain `:` or `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}
