//! The portfolio as CSV (RFC 4180: a header row, CRLF line ends, fields quoted when they hold a
//! comma, a quote or a line break), for spreadsheets.

use super::{Row, actions, iso};

const HEADER: [&str; 13] = [
    "path",
    "title",
    "force",
    "published",
    "last_day",
    "published_on",
    "state",
    "days_left",
    "errors",
    "recommendations",
    "answered",
    "open_actions",
    "problem",
];

const ACTION_HEADER: [&str; 8] = [
    "path", "for", "due", "progress", "owner", "updated", "overdue", "action",
];

pub fn write(rows: &[Row]) -> String {
    let mut out = record(HEADER.iter().map(|h| h.to_string()));
    for r in rows {
        out.push_str(&record([
            r.path.clone(),
            r.title.clone().unwrap_or_default(),
            r.force.clone().unwrap_or_default(),
            iso(r.published),
            iso(r.last_day),
            iso(r.published_on),
            r.state.as_str().to_owned(),
            r.days_left.map(|d| d.to_string()).unwrap_or_default(),
            r.errors.to_string(),
            r.recommendations.to_string(),
            r.answered.to_string(),
            r.open_actions.len().to_string(),
            r.problem.clone().unwrap_or_default(),
        ]));
    }
    out
}

pub fn write_actions(rows: &[Row]) -> String {
    let mut out = record(ACTION_HEADER.iter().map(|h| h.to_string()));
    for (r, a) in actions(rows) {
        out.push_str(&record([
            r.path.clone(),
            a.target.clone(),
            iso(a.due),
            a.state.clone(),
            a.owner.clone().unwrap_or_default(),
            iso(a.updated),
            a.overdue.to_string(),
            a.summary.clone(),
        ]));
    }
    out
}

fn record(fields: impl IntoIterator<Item = String>) -> String {
    let fields: Vec<String> = fields.into_iter().map(|f| field(&f)).collect();
    format!("{}\r\n", fields.join(","))
}

/// A field, quoted (with quotes doubled) when it must be. A leading `=`, `+`, `-` or `@` is
/// kept but quoted and prefixed with `'` so a spreadsheet does not run it as a formula.
fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) && value.parse::<f64>().is_err() {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\r', '\n']) || value.starts_with('\'') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}
