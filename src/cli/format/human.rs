//! The default output: for each finding, the offending line with its range underlined, the rule,
//! the message and the fix; then a summary.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{FileReport, all, counts, plural};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::LineIndex;

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

pub fn render(reports: &[FileReport], colour: bool) -> String {
    let renderer = if colour {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for report in reports.iter().filter(|r| !r.diagnostics.is_empty()) {
        let lines = LineIndex::new(&report.text);
        for (_, d) in all(std::slice::from_ref(report)) {
            out.push_str(&renderer.render(&frame(report, &lines, d)));
            out.push_str("\n\n");
        }
    }
    out.push_str(&summary(reports));
    out
}

/// One finding as a code frame over its first line.
fn frame<'a>(report: &'a FileReport, lines: &LineIndex, d: &'a Diagnostic) -> Vec<Group<'a>> {
    let line_no = d.span.start.line as usize;
    let line = lines.line(&report.text, line_no);
    let byte = |col: u32| {
        line.char_indices()
            .nth(col as usize)
            .map_or(line.len(), |(i, _)| i)
    };
    let start = byte(d.span.start.col);
    let end = if d.span.end.line == d.span.start.line {
        byte(d.span.end.col)
    } else {
        line.len()
    };
    // An empty range (an insertion point) is shown as a caret under one character.
    let end = if end > start {
        end
    } else {
        (start + 1).min(line.len() + 1)
    };
    let snippet = Snippet::source(line)
        .line_start(line_no + 1)
        .path(report.path.as_str())
        .annotation(AnnotationKind::Primary.span(start..end));
    let title = level(d.severity)
        .primary_title(d.message.as_str())
        .id(d.rule)
        .element(snippet);
    let mut groups = vec![title];
    if let Some(fix) = d.fix() {
        groups.push(Group::with_title(
            Level::HELP.secondary_title(fix.title.as_str()),
        ));
    }
    groups
}

fn summary(reports: &[FileReport]) -> String {
    let c = counts(reports);
    if c.errors + c.warnings + c.infos == 0 {
        return format!("Checked {}: no findings.\n", plural(c.files, "file"));
    }
    format!(
        "Checked {}: {}, {}, {}.\n",
        plural(c.files, "file"),
        plural(c.errors, "error"),
        plural(c.warnings, "warning"),
        plural(c.infos, "info")
    )
}
