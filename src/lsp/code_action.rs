//! Quick fixes: for every finding in the requested range, one action per fix the rule attached
//! (set the statutory deadline, replace an unknown name with a suggestion, insert a missing
//! section, add response stubs, correct a date or status, remove an unused ignore) — the first is
//! `isPreferred` — and an action that adds a `# section55: ignore[rule]` comment above it.
//!
//! `source.fixAll.section55` applies every safe fix at once (VS Code's `codeActionsOnSave`,
//! Neovim's `code_action({ context = { only = { 'source.fixAll' } }, apply = true })`): one edit
//! of the changed lines, as `check --fix` would write them.
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

/// The kind of the fix-all action.
pub const FIX_ALL: &str = "source.fixAll.section55";

/// Whether the client's `only` filter lets actions of `kind` through: kinds are hierarchical,
/// so `source` and `source.fixAll` ask for `source.fixAll.section55` too.
fn wanted(only: Option<&[CodeActionKind]>, kind: &str) -> bool {
    match only {
        None => true,
        Some(kinds) => kinds.iter().map(CodeActionKind::as_str).any(|k| {
            k.is_empty() || kind == k || kind.strip_prefix(k).is_some_and(|r| r.starts_with('.'))
        }),
    }
}

pub fn actions(
    snapshot: &Snapshot,
    encoding: Encoding,
    range: Range,
    only: Option<&[CodeActionKind]>,
    document_changes: bool,
) -> Vec<CodeActionOrCommand> {
    if !snapshot.is_response {
        return Vec::new();
    }
    let mut actions = Vec::new();
    if wanted(only, CodeActionKind::QUICKFIX.as_str()) {
        actions = quick_fixes(snapshot, encoding, range, document_changes);
    }
    if wanted(only, FIX_ALL) {
        actions.extend(fix_all(snapshot, encoding, document_changes));
    }
    actions
}

/// Every safe fix at once, when there is one.
fn fix_all(
    snapshot: &Snapshot,
    encoding: Encoding,
    document_changes: bool,
) -> Option<CodeActionOrCommand> {
    let analysis = snapshot.analysis();
    // Cheap first: fixing runs the rules again, so only when a safe fix is on offer.
    if !analysis
        .diagnostics
        .iter()
        .any(|d| d.fix().is_some_and(Fix::is_safe))
    {
        return None;
    }
    let edit = rules::fix_all_edit(&snapshot.text, &snapshot.config, snapshot.today)?;
    let conv = snapshot.converter(encoding);
    let edits = vec![tower_lsp_server::ls_types::TextEdit {
        range: conv.range(edit.span),
        new_text: edit.new_text,
    }];
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: "Fix all safe section55 findings".to_owned(),
        kind: Some(CodeActionKind::new(FIX_ALL)),
        diagnostics: None,
        edit: Some(workspace_edit(snapshot, edits, document_changes)),
        command: None,
        is_preferred: None,
        disabled: None,
        data: None,
    }))
}

/// One action per fix of each finding in `range`, and an ignore comment.
fn quick_fixes(
    snapshot: &Snapshot,
    encoding: Encoding,
    range: Range,
    document_changes: bool,
) -> Vec<CodeActionOrCommand> {
    let conv = snapshot.converter(encoding);
    let wanted_span = Span::new(conv.pos(range.start), conv.pos(range.end));
    let analysis = snapshot.analysis();
    let protected = snapshot
        .tree()
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
