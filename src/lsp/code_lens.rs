//! A code lens above `response_deadline`: the response's place in the portfolio, in the words
//! of `section55 status` ("12 days left · ready", "3 days late · draft (2 errors)",
//! "published"), worked out by the same [`Row`] from the same findings, on the server's today.

use tower_lsp_server::ls_types::{CodeLens, Command, Range};

use super::position::Encoding;
use super::state::Snapshot;
use crate::portfolio::{self, Row, State};

pub fn lenses(snapshot: &Snapshot, encoding: Encoding) -> Vec<CodeLens> {
    if !snapshot.is_response {
        return Vec::new();
    }
    let Some(entry) = snapshot.tree().and_then(|t| t.entry("response_deadline")) else {
        return Vec::new();
    };
    let row = Row::of(
        String::new(),
        snapshot.parsed(),
        &snapshot.analysis().diagnostics,
        &snapshot.config,
        snapshot.today,
    );
    if row.state == State::Unreadable {
        return Vec::new();
    }
    let at = snapshot.converter(encoding).position(entry.key_span.start);
    vec![CodeLens {
        range: Range::new(at, at),
        // Shown as text: there is nothing to run.
        command: Some(Command {
            title: title(&row),
            command: String::new(),
            arguments: None,
        }),
        data: None,
    }]
}

/// "12 days left · ready"; the state alone when there are no days to count.
fn title(row: &Row) -> String {
    let days = portfolio::days_label(row);
    let state = row.state_label();
    if days.is_empty() {
        state
    } else {
        format!("{days} · {state}")
    }
}
