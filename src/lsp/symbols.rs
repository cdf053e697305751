//! The outline: the file's sections, and in them the recommendations, areas for improvement,
//! causes of concern and responses by number. Hierarchical when the client supports it, else a
//! flat list with container names. While the text does not parse, the top-level keys read from
//! the lines.

#![allow(deprecated)] // `DocumentSymbol::deprecated` and `SymbolInformation::deprecated` must still be written.

use tower_lsp_server::ls_types::{
    DocumentSymbol, DocumentSymbolResponse, Location, SymbolInformation, SymbolKind,
};

use super::facts;
use super::position::{Converter, Encoding};
use super::state::Snapshot;
use crate::diagnostic::{Pos, Span};
use crate::document::lenient as context;
use crate::document::{Entry, Node, Value};

pub fn symbols(
    snapshot: &Snapshot,
    encoding: Encoding,
    hierarchical: bool,
) -> Option<DocumentSymbolResponse> {
    if !snapshot.is_response {
        return None;
    }
    let conv = snapshot.converter(encoding);
    let tree = match snapshot.tree() {
        Some(tree) => tree
            .as_map()
            .iter()
            .map(|e| entry_symbol(e, &conv, true))
            .collect(),
        None => from_lines(snapshot, &conv),
    };
    if hierarchical {
        return Some(DocumentSymbolResponse::Nested(tree));
    }
    let mut flat = Vec::new();
    flatten(&tree, None, snapshot, &mut flat);
    Some(DocumentSymbolResponse::Flat(flat))
}

fn flatten(
    symbols: &[DocumentSymbol],
    container: Option<&str>,
    snapshot: &Snapshot,
    out: &mut Vec<SymbolInformation>,
) {
    for s in symbols {
        out.push(SymbolInformation {
            name: s.name.clone(),
            kind: s.kind,
            tags: None,
            deprecated: None,
            location: Location {
                uri: snapshot.uri.clone(),
                range: s.range,
            },
            container_name: container.map(str::to_owned),
        });
        if let Some(children) = &s.children {
            flatten(children, Some(&s.name), snapshot, out);
        }
    }
}

fn kind_of(node: &Node) -> SymbolKind {
    match node.value {
        Value::Map(_) => SymbolKind::OBJECT,
        Value::Seq(_) => SymbolKind::ARRAY,
        Value::Str(_) => SymbolKind::STRING,
        Value::Int(_) | Value::Float(_) => SymbolKind::NUMBER,
        Value::Bool(_) => SymbolKind::BOOLEAN,
        Value::Null => SymbolKind::NULL,
    }
}

/// The first line of a text, shortened for a detail column.
fn preview(text: &str) -> String {
    let first = text.trim().lines().next().unwrap_or("");
    if first.chars().count() > 70 {
        format!("{}…", first.chars().take(69).collect::<String>())
    } else {
        first.to_owned()
    }
}

fn symbol(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: Span,
    selection: Span,
    conv: &Converter,
) -> DocumentSymbol {
    let range = Span::new(
        range.start.min(selection.start),
        range.end.max(selection.end),
    );
    DocumentSymbol {
        name: if name.trim().is_empty() {
            "(empty)".to_owned()
        } else {
            name
        },
        detail: detail.filter(|d| !d.is_empty()),
        kind,
        tags: None,
        deprecated: None,
        range: conv.range(range),
        selection_range: conv.range(selection),
        children: None,
    }
}

fn entry_symbol(entry: &Entry, conv: &Converter, top: bool) -> DocumentSymbol {
    let value = &entry.value;
    let range = Span::new(entry.key_span.start, value.span.end.max(entry.key_span.end));
    let detail = match &value.value {
        Value::Str(s) => Some(preview(s)),
        Value::Int(i) => Some(i.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Seq(items) if items.is_empty() => Some("none".to_owned()),
        _ => top
            .then(|| facts::section_title(&format!("/{}", entry.key)))
            .flatten()
            .map(str::to_owned),
    };
    let mut s = symbol(
        entry.key.to_string(),
        detail,
        kind_of(value),
        range,
        entry.key_span,
        conv,
    );
    let children: Vec<DocumentSymbol> = match &value.value {
        Value::Map(entries) => entries
            .iter()
            .map(|e| entry_symbol(e, conv, false))
            .collect(),
        Value::Seq(items) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| item_symbol(&entry.key, i, item, conv))
            .collect(),
        _ => Vec::new(),
    };
    // Keys merged in from an anchor (`<<: *anchor`) keep the anchor's ranges, which lie outside
    // this entry: the outline shows them where the anchor is, not here.
    let children: Vec<DocumentSymbol> = children
        .into_iter()
        .filter(|c| s.range.start <= c.range.start && c.range.end <= s.range.end)
        .collect();
    if !children.is_empty() {
        s.children = Some(children);
    }
    s
}

fn item_symbol(list: &str, index: usize, item: &Node, conv: &Converter) -> Option<DocumentSymbol> {
    let id = item.get("id").and_then(Node::as_int);
    let number = |kind: &str| match id {
        Some(id) => format!("{kind} {id}"),
        None => format!("{kind} (item {})", index + 1),
    };
    let status = item.get("status").and_then(Node::as_str);
    let text = item.get("text").and_then(Node::as_str).map(preview);
    let with_status = |text: Option<String>| match (status, text) {
        (Some(s), Some(t)) => Some(format!("{s} — {t}")),
        (Some(s), None) => Some(s.to_owned()),
        (None, t) => t,
    };
    let (name, detail) = match list {
        "recommendations" => (number("Recommendation"), with_status(text)),
        "areas_for_improvement" => (number("Area for improvement"), with_status(text)),
        "causes_of_concern" => (number("Cause of concern"), text),
        "responses" => {
            let answer = item
                .get("action")
                .or_else(|| item.get("no_action_reason"))
                .and_then(Node::as_str)
                .map(preview);
            let name = match (
                item.get("recommendation").and_then(Node::as_int),
                item.get("area_for_improvement").and_then(Node::as_int),
            ) {
                (Some(r), _) => format!("Response to recommendation {r}"),
                (None, Some(a)) => format!("Response to area for improvement {a}"),
                (None, None) => format!("Response (item {})", index + 1),
            };
            (name, answer)
        }
        // Lists of names (`forces`, `publication_types`, `directed_at`) are not worth an outline entry each.
        _ => return None,
    };
    let selection = item
        .get("id")
        .map(|n| n.span)
        .or_else(|| item.as_map().first().map(|e| e.key_span))
        .unwrap_or(item.span);
    Some(symbol(
        name,
        detail,
        SymbolKind::OBJECT,
        item.span,
        selection,
        conv,
    ))
}

/// Top-level keys read from the lines, for text that does not parse.
fn from_lines(snapshot: &Snapshot, conv: &Converter) -> Vec<DocumentSymbol> {
    let lines = context::split_lines(&snapshot.text);
    let keys: Vec<(u32, String)> = lines
        .iter()
        .enumerate()
        .filter_map(|(n, l)| {
            let shape = context::shape(l);
            (shape.indent == 0 && shape.dash.is_none()).then_some(())?;
            Some((n as u32, shape.key?))
        })
        .collect();
    keys.iter()
        .enumerate()
        .map(|(i, (line, key))| {
            let next = keys.get(i + 1).map_or(conv.last_line() + 1, |(l, _)| *l);
            let last = next.saturating_sub(1).max(*line);
            let end = Pos::new(last, conv.line(last).chars().count() as u32);
            let selection = Span::new(
                Pos::new(*line, 0),
                Pos::new(*line, key.chars().count() as u32),
            );
            let detail = facts::section_title(&format!("/{key}")).map(str::to_owned);
            symbol(
                key.clone(),
                detail,
                SymbolKind::FIELD,
                Span::new(selection.start, end),
                selection,
                conv,
            )
        })
        .collect()
}
