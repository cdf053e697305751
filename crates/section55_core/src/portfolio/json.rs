//! The portfolio as JSON: every row with its dates (ISO), state, counts and open actions, and the
//! counts by state; or, for `--actions`, every open action.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::{OpenAction, Row, actions, counts, iso};

fn date(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| Value::String(iso(Some(d))))
}

fn action(row: &Row, a: &OpenAction) -> Value {
    json!({
        "path": row.path,
        "for": a.target,
        "action": a.summary,
        "due": date(a.due),
        "progress": a.state,
        "owner": a.owner,
        "updated": date(a.updated),
        "overdue": a.overdue,
    })
}

fn row(r: &Row) -> Value {
    json!({
        "path": r.path,
        "title": r.title,
        "force": r.force,
        "published": date(r.published),
        "last_day": date(r.last_day),
        "published_on": date(r.published_on),
        "state": r.state.as_str(),
        "days_left": r.days_left,
        "late": r.is_late(),
        "errors": r.errors,
        "warnings": r.warnings,
        "recommendations": {"total": r.recommendations, "answered": r.answered},
        "open_actions": r.open_actions.iter().map(|a| action(r, a)).collect::<Vec<_>>(),
        "problem": r.problem,
    })
}

pub fn write(rows: &[Row], today: NaiveDate) -> String {
    let by_state: serde_json::Map<String, Value> = counts(rows)
        .into_iter()
        .map(|(s, n)| (s.as_str().to_owned(), json!(n)))
        .collect();
    let value = json!({
        "today": iso(Some(today)),
        "files": rows.iter().map(row).collect::<Vec<_>>(),
        "counts": by_state,
        "late": rows.iter().filter(|r| r.is_late()).count(),
    });
    pretty(&value)
}

pub fn write_actions(rows: &[Row], today: NaiveDate) -> String {
    let value = json!({
        "today": iso(Some(today)),
        "actions": actions(rows).into_iter().map(|(r, a)| action(r, a)).collect::<Vec<_>>(),
    });
    pretty(&value)
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}
