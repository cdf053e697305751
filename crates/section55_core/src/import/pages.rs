//! A page that lists several responses: a heading naming each report (or a labelled title,
//! "Report: ..."), a short comment under it. Each report is imported on its own, with the lines
//! above the first report (the page's introduction, which may name the body) read with each.

use super::lines::{self, Label, Line};
use super::{Imported, import_lines};

/// How many report headings make a page of responses rather than one response.
const MIN_REPORTS: usize = 2;
/// A longer introduction is read with the first report only, so a long page stays linear.
const MAX_SHARED_PREAMBLE: usize = 200;

/// One response, or one per report when the document lists several.
pub fn import_pages(text: &str) -> Result<Vec<Imported>, String> {
    let lines = lines::read(text);
    let labelled = labelled_reports(&lines);
    let heads = if labelled.len() >= MIN_REPORTS {
        labelled
    } else {
        report_headings(&lines)
    };
    if heads.len() < MIN_REPORTS {
        return Ok(vec![import_lines(&lines)?]);
    }
    let preamble = &lines[..heads[0]];
    let mut imported = Vec::new();
    for (k, &start) in heads.iter().enumerate() {
        let end = heads.get(k + 1).copied().unwrap_or(lines.len());
        let shared = k == 0 || preamble.len() <= MAX_SHARED_PREAMBLE;
        let mut part: Vec<Line> = if shared {
            preamble.to_vec()
        } else {
            Vec::new()
        };
        let mut head = lines[start].clone();
        // A labelled title is read as it is; a heading becomes one naming the report.
        if head.label.is_none() {
            let title = heading_text(&head.raw);
            head.label = Some((
                Label::ResponseTo {
                    body: String::new(),
                    title: Some(title),
                },
                String::new(),
            ));
        }
        part.push(head);
        part.extend_from_slice(&lines[start + 1..end]);
        imported.push(import_lines(&part)?);
    }
    Ok(imported)
}

/// The indices of the labels of two or more reports' titles ("Report: ...", "Inspection
/// title: ..."), each with lines under it, in a document not in the template's shape.
fn labelled_reports(lines: &[Line]) -> Vec<usize> {
    if lines
        .iter()
        .any(|l| matches!(l.label, Some((Label::Title { .. }, _))))
    {
        return Vec::new();
    }
    let heads: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].welsh && matches!(lines[i].label, Some((Label::InspectionTitle, _))))
        .collect();
    with_comments(lines, heads)
}

/// `heads`, when each has a non-blank line under it; else none.
fn with_comments(lines: &[Line], heads: Vec<usize>) -> Vec<usize> {
    let has_comment = |k: usize| {
        let end = heads.get(k + 1).copied().unwrap_or(lines.len());
        lines[heads[k] + 1..end]
            .iter()
            .any(|l| !l.raw.trim().is_empty())
    };
    if (0..heads.len()).all(has_comment) {
        heads
    } else {
        Vec::new()
    }
}

/// The indices of headings that name a report, when the document has no response sections of
/// its own (a template or a single response's page is never split).
fn report_headings(lines: &[Line]) -> Vec<usize> {
    let sectioned = lines.iter().any(|l| {
        matches!(
            l.label,
            Some((
                Label::Title { .. }
                    | Label::ChiefConstableResponse
                    | Label::PccResponse
                    | Label::InspectionTitle,
                _
            ))
        )
    });
    if sectioned {
        return Vec::new();
    }
    let heads: Vec<usize> = (0..lines.len())
        .filter(|&i| is_report_heading(&lines[i]))
        .collect();
    with_comments(lines, heads)
}

fn is_report_heading(line: &Line) -> bool {
    let raw = line.raw.trim();
    let marked = raw.starts_with('#') || (raw.starts_with("**") && raw.ends_with("**"));
    if !marked || raw.ends_with('.') {
        return false;
    }
    let text = heading_text(raw).to_lowercase();
    // "Our responses to HMICFRS reports" is the page's own title.
    !text.contains("response")
        && [
            "inspection",
            "peel",
            "report",
            "review",
            "assessment",
            "thematic",
        ]
        .iter()
        .any(|w| text.contains(w))
}

/// A heading's words without its Markdown.
fn heading_text(raw: &str) -> String {
    raw.trim()
        .trim_start_matches('#')
        .trim()
        .trim_matches('*')
        .trim()
        .to_owned()
}
