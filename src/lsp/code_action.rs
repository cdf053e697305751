//! Quick fixes: for every finding in the requested range, one action per fix the rule attached
//! (set the statutory deadline, replace an unknown name with a suggestion, insert a missing
//! section, add response stubs, correct a date or status, remove an unused ignore) — the first is
//! `isPreferred` — and an action that adds a `# section55: ignore[rule]` comment above it.
//!
//! Actions come from the server's own analysis of the current version, not from the diagnostics
//! the client sends back, so a fix is never built from stale positions.

use std::collections::HashMap;

use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, Range, TextDocumentEdit, WorkspaceEdit,
};

use super::diagnostics::{lsp_edits, to_lsp};
use super::position::{Converter, Encoding};
use super::state::Snapshot;
use crate::diagnostic::{Diagnostic, Fix, Span};
use crate::document::{Node, Value};
use crate::rules;
use crate::rules::code;

/// Whether the client's `only` filter lets quick fixes through.
fn wanted(only: Option<&[CodeActionKind]>) -> bool {
    match only {
        None => true,
        Some(kinds) => kinds
            .iter()
            .any(|k| k.as_str() == "quickfix" || k.as_str().is_empty()),
    }
}

pub fn actions(
    snapshot: &Snapshot,
    encoding: Encoding,
    range: Range,
    only: Option<&[CodeActionKind]>,
    document_changes: bool,
) -> Vec<CodeActionOrCommand> {
    if !snapshot.is_response || !wanted(only) {
        return Vec::new();
    }
    let conv = snapshot.converter(encoding);
    let wanted_span = Span::new(conv.pos(range.start), conv.pos(range.end));
    let analysis = snapshot.analysis();
    let protected = analysis
        .root
        .as_deref()
        .map(|root| protected_lines(root, &conv))
        .unwrap_or_default();
    let newline = snapshot.newline();
    let mut actions = Vec::new();
    for d in analysis
        .diagnostics
        .iter()
        .filter(|d| overlaps(d.span, wanted_span))
    {
        let lsp_diagnostic = to_lsp(d, &conv, newline);
        let mut action = |fix: &Fix, preferred: bool| {
            let edits = lsp_edits(fix, &conv, newline);
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp_diagnostic.clone()]),
                edit: Some(workspace_edit(snapshot, edits, document_changes)),
                command: None,
                is_preferred: Some(preferred),
                disabled: None,
                data: None,
            }));
        };
        for (i, fix) in d.fixes.iter().enumerate() {
            action(fix, i == 0);
        }
        if can_ignore(d, &protected) {
            action(&rules::ignore_fix(&snapshot.text, d), false);
        }
    }
    actions
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn workspace_edit(
    snapshot: &Snapshot,
    edits: Vec<tower_lsp_server::ls_types::TextEdit>,
    document_changes: bool,
) -> WorkspaceEdit {
    if document_changes {
        WorkspaceEdit {
            changes: None,
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: snapshot.uri.clone(),
                    version: Some(snapshot.version),
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            change_annotations: None,
        }
    } else {
        WorkspaceEdit {
            changes: Some(HashMap::from([(snapshot.uri.clone(), edits)])),
            document_changes: None,
            change_annotations: None,
        }
    }
}

/// An ignore comment goes on its own line above the finding. That is only possible where a new
/// line there does not land inside a text (a block scalar or a multi-line string), where it would
/// become part of the text; and ignoring `unused-ignore` itself makes no sense.
fn can_ignore(d: &Diagnostic, protected: &[(u32, u32)]) -> bool {
    let line = d.span.start.line;
    d.rule != code::UNUSED_IGNORE
        && !protected
            .iter()
            .any(|(first, last)| *first < line && line <= *last)
}

/// For each text that spans lines: the line it starts on (its key's line) and its last line.
/// Inserting a line before any line after the first and up to the last would change the text.
fn protected_lines(root: &Node, conv: &Converter) -> Vec<(u32, u32)> {
    fn walk(node: &Node, key_line: Option<u32>, conv: &Converter, out: &mut Vec<(u32, u32)>) {
        match &node.value {
            Value::Map(entries) => {
                for e in entries {
                    walk(&e.value, Some(e.key_span.start.line), conv, out);
                }
            }
            Value::Seq(items) => {
                for item in items {
                    walk(item, None, conv, out);
                }
            }
            _ => {
                let first = key_line
                    .unwrap_or(node.span.start.line)
                    .min(node.span.start.line);
                let end = node.span.end;
                // A block scalar's span reaches the next token: a line it ends on only with
                // indentation before it is not part of the text.
                let ended_before = conv
                    .line(end.line)
                    .chars()
                    .take(end.col as usize)
                    .all(char::is_whitespace);
                let last = if ended_before && end.line > first {
                    end.line - 1
                } else {
                    end.line
                };
                if last > first {
                    out.push((first, last));
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(root, None, conv, &mut out);
    out
}
