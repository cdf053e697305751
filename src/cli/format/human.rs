//! The default output: for each finding, the offending line with its range underlined, the rule,
//! the message and the fix; then a summary.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Counts, FileReport, plural};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::LineIndex;

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// Lines up to this many bytes are shown whole; a longer line is cut to a window around the
/// finding, so that a code frame costs the same on a 300 KB line as on a short one.
const SHOWN_WHOLE: usize = 160;
/// Characters shown before the finding in a cut line, and in all.
const WINDOW_BEFORE: usize = 40;
const WINDOW: usize = 120;
const CUT: &str = "…";

pub(super) fn file(report: &FileReport, colour: bool) -> String {
    let renderer = if colour {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    if report.diagnostics.is_empty() {
        return out;
    }
    let lines = LineIndex::new(&report.text);
    let mut cursor = Cursor::default();
    for d in &report.diagnostics {
        let shown = shown(report, &lines, &mut cursor, d);
        out.push_str(&renderer.render(&frame(report, &shown, d)));
        out.push_str("\n\n");
    }
    out
}

/// The byte offset of a character column in a line, remembered from the last lookup: findings
/// come in order, so each line is walked once however many findings it has.
#[derive(Default)]
struct Cursor {
    line: usize,
    col: u32,
    byte: usize,
}

impl Cursor {
    fn byte(&mut self, line_no: usize, line: &str, col: u32) -> usize {
        if line_no != self.line || col < self.col {
            *self = Cursor {
                line: line_no,
                ..Cursor::default()
            };
        }
        self.byte = advance(line, self.byte, (col - self.col) as usize);
        self.col = col;
        self.byte
    }
}

/// The byte `n` characters after `from` (the end of the line at most).
fn advance(line: &str, from: usize, n: usize) -> usize {
    line.get(from..)
        .and_then(|rest| rest.char_indices().nth(n))
        .map_or(line.len(), |(i, _)| from + i)
}

/// The byte `n` characters before `from` (the start of the line at most).
fn back(line: &str, from: usize, n: usize) -> usize {
    if n == 0 {
        return from;
    }
    line.get(..from)
        .and_then(|before| before.char_indices().rev().nth(n - 1))
        .map_or(0, |(i, _)| i)
}

/// What a code frame shows: the line (or a window of it) and the byte range underlined.
struct Shown {
    line_no: usize,
    source: String,
    range: std::ops::Range<usize>,
}

fn shown(report: &FileReport, lines: &LineIndex, cursor: &mut Cursor, d: &Diagnostic) -> Shown {
    let line_no = d.span.start.line as usize;
    let line = lines.line(&report.text, line_no);
    let start = cursor.byte(line_no, line, d.span.start.col);
    let width = if d.span.end.line == d.span.start.line {
        d.span.end.col.saturating_sub(d.span.start.col) as usize
    } else {
        usize::MAX
    };
    let (from, to) = if line.len() <= SHOWN_WHOLE {
        (0, line.len())
    } else {
        let from = back(line, start, WINDOW_BEFORE);
        (from, advance(line, from, WINDOW))
    };
    let end = advance(line, start, width.min(WINDOW)).min(to).max(start);
    // An empty range (an insertion point) is shown as a caret under one character.
    let end = if end > start {
        end
    } else {
        line[start..]
            .chars()
            .next()
            .map_or(start + 1, |c| start + c.len_utf8())
    };
    let lead = if from > 0 { CUT } else { "" };
    let tail = if to < line.len() { CUT } else { "" };
    Shown {
        line_no,
        source: format!("{lead}{}{tail}", &line[from..to]),
        range: start - from + lead.len()..end - from + lead.len(),
    }
}

/// One finding as a code frame over its first line.
fn frame<'a>(report: &'a FileReport, shown: &'a Shown, d: &'a Diagnostic) -> Vec<Group<'a>> {
    let snippet = Snippet::source(shown.source.as_str())
        .line_start(shown.line_no + 1)
        .path(report.path.as_str())
        .annotation(AnnotationKind::Primary.span(shown.range.clone()));
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

pub(super) fn summary(c: &Counts) -> String {
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
