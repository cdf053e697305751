//! `textDocument/formatting`: the core's formatter (what `section55 fmt` writes) as one edit of
//! the lines it changes, or no edits when it changes nothing. A document that does not parse
//! gets no answer (`null`): the diagnostics already say why, so formatting on save neither
//! reorders half-typed text nor shows a message each time.

use tower_lsp_server::ls_types::TextEdit;

use super::log;
use super::position::Encoding;
use super::state::Snapshot;
use crate::format::{self, Refusal};

pub fn formatting(snapshot: &Snapshot, encoding: Encoding) -> Option<Vec<TextEdit>> {
    if !snapshot.is_response {
        return None;
    }
    let formatted = match format::format_document(&snapshot.text, snapshot.parsed()) {
        Ok(formatted) => formatted,
        Err(Refusal::Syntax(_)) => return None,
        Err(refusal) => {
            log::line(&format!(
                "formatting {}: {}",
                snapshot.uri.as_str(),
                refusal.message().1
            ));
            return None;
        }
    };
    let conv = snapshot.converter(encoding);
    let edits = crate::document::lines_edit(&snapshot.text, &formatted).map(|edit| TextEdit {
        range: conv.range(edit.span),
        new_text: edit.new_text,
    });
    Some(edits.into_iter().collect())
}
