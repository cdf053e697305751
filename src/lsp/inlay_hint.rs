//! An inlay hint after `response_deadline`: the days left to the statutory last day
//! (publication + 55 days), "last day today", "overdue by N days", or whether the response was
//! published in time. Placed from the tree, or from the line while the text does not parse.

use tower_lsp_server::ls_types::{
    InlayHint, InlayHintLabel, InlayHintTooltip, MarkupContent, MarkupKind, Range,
};

use super::facts;
use super::position::Encoding;
use super::state::Snapshot;
use crate::diagnostic::Pos;
use crate::document::lenient as context;

pub fn hints(snapshot: &Snapshot, encoding: Encoding, range: Range) -> Vec<InlayHint> {
    if !snapshot.is_response {
        return Vec::new();
    }
    let conv = snapshot.converter(encoding);
    let at = match snapshot.tree() {
        Some(tree) => tree.entry("response_deadline").map(|e| {
            if e.value.is_null() {
                e.key_span.end
            } else {
                e.value.span.end
            }
        }),
        None => from_lines(snapshot),
    };
    let (Some(at), Some(deadline)) = (at, snapshot.facts_tree().and_then(facts::deadline)) else {
        return Vec::new();
    };
    let position = conv.position(at);
    if position < range.start || position > range.end {
        return Vec::new();
    }
    let today = snapshot.today;
    vec![InlayHint {
        position,
        label: InlayHintLabel::String(facts::deadline_hint(&deadline, today)),
        kind: None,
        text_edits: None,
        tooltip: Some(InlayHintTooltip::MarkupContent(MarkupContent {
            kind: MarkupKind::Markdown,
            value: facts::deadline_markdown(&deadline, today),
        })),
        padding_left: Some(true),
        padding_right: None,
        data: None,
    }]
}

/// The end of `response_deadline`'s value on its line, read from the text.
fn from_lines(snapshot: &Snapshot) -> Option<Pos> {
    context::split_lines(&snapshot.text)
        .iter()
        .enumerate()
        .find_map(|(n, line)| {
            let shape = context::shape(line);
            (shape.indent == 0
                && shape.dash.is_none()
                && shape.key.as_deref() == Some("response_deadline"))
            .then(|| {
                let end = if shape.value.is_empty() {
                    shape.value_col.saturating_sub(1)
                } else {
                    shape.value_col + shape.value.chars().count()
                };
                Pos::new(n as u32, end as u32)
            })
        })
}
