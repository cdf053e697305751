//! The portfolio as one self-contained HTML page (no scripts, no external files): the counts by
//! state, a timeline of the coming eight weeks with the last days in each, and a table of every
//! file (and of every open action with `--actions`). It reads on a phone (the tables scroll
//! sideways inside a focusable region, the weeks stack) and prints.

use std::fmt::Write as _;

use chrono::{Datelike, Days, NaiveDate};

use super::{Row, State, actions, counts, days_label, iso, plural};
use crate::dates;
use crate::render::Table;
use crate::render::html::{escape, table};

/// How many weeks the timeline shows, from the week of today.
pub const WEEKS: u64 = 8;

const STYLE: &str = "
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #1b1b1b; font: 1rem/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 1px solid #b1b4b6; padding-bottom: .25rem; }
h3 { font-size: 1rem; margin: 0 0 .4rem; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin: 0; }
.counts li { border: 1px solid #505a5f; border-radius: .25rem; padding: .35rem .7rem; }
.counts strong { font-size: 1.2rem; margin-right: .3rem; }
.weeks { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: .75rem; list-style: none; padding: 0; margin: 0; }
.weeks > li { border: 1px solid #b1b4b6; border-top: 4px solid #1d70b8; padding: .5rem .6rem; min-height: 4rem; }
.weeks > li.late { border-top-color: #b10e1e; }
.weeks ul { margin: 0; padding-left: 1rem; }
.none { color: #505a5f; font-style: italic; margin: 0; }
.table { overflow-x: auto; margin: 0 0 1rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { border: 1px solid #b1b4b6; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f2f1; }
.table:focus { outline: 3px solid #fd0; }
@media (max-width: 48rem) { .weeks { grid-template-columns: 1fr; } }
@media print {
  main { max-width: none; padding: 0; }
  .weeks { grid-template-columns: repeat(4, 1fr); }
  .table { overflow: visible; }
  h2 { break-after: avoid; }
  tr, .weeks > li { break-inside: avoid; }
}
";

const COLUMNS: [&str; 8] = [
    "State",
    "Last day",
    "Days",
    "Recommendations answered",
    "Open actions",
    "Force",
    "Report",
    "File",
];

const ACTION_COLUMNS: [&str; 7] = [
    "Due", "Overdue", "Progress", "Owner", "For", "Action", "File",
];

pub fn write(rows: &[Row], today: NaiveDate, with_actions: bool) -> String {
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Section 55 responses: {today}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>Section 55 responses</h1>\n<p>As of {long}: {summary}</p>\n",
        today = iso(Some(today)),
        long = escape(&dates::long_with_weekday(today)),
        summary = escape(super::table::summary(rows).trim_end()),
    );
    section(&mut html, "counts", "By state", &counts_list(rows));
    section(
        &mut html,
        "timeline",
        "The coming eight weeks",
        &timeline(rows, today),
    );
    section(
        &mut html,
        "files",
        "Every response",
        &table(&files_table(rows)),
    );
    if with_actions {
        section(
            &mut html,
            "actions",
            "Open actions",
            &table(&actions_table(rows)),
        );
    }
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

fn section(html: &mut String, id: &str, heading: &str, body: &str) {
    let _ = write!(
        html,
        "<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>\n{body}</section>\n",
        escape(heading)
    );
}

fn counts_list(rows: &[Row]) -> String {
    let mut html = String::from("<ul class=\"counts\">\n");
    for (state, n) in counts(rows) {
        let _ = writeln!(
            html,
            "<li><strong>{n}</strong>{}</li>",
            escape(state.as_str())
        );
    }
    html.push_str("</ul>\n");
    html
}

/// The weeks from the Monday of today's week, each with the unpublished responses whose last
/// day falls in it; those already late come first, in a box of their own.
fn timeline(rows: &[Row], today: NaiveDate) -> String {
    let monday = today
        .checked_sub_days(Days::new(u64::from(today.weekday().num_days_from_monday())))
        .unwrap_or(today);
    let due: Vec<(&Row, NaiveDate)> = rows
        .iter()
        .filter(|r| r.is_unpublished())
        .filter_map(|r| Some((r, r.last_day?)))
        .collect();
    let mut html = String::from("<ol class=\"weeks\">\n");
    let late: Vec<&(&Row, NaiveDate)> = due.iter().filter(|(_, d)| *d < today).collect();
    if !late.is_empty() {
        html.push_str("<li class=\"late\"><h3>Late: not published by the last day</h3>\n<ul>\n");
        for (row, day) in late {
            let _ = writeln!(html, "<li>{}</li>", entry(row, *day));
        }
        html.push_str("</ul></li>\n");
    }
    for week in 0..WEEKS {
        let start = monday
            .checked_add_days(Days::new(week * 7))
            .unwrap_or(monday);
        let end = start.checked_add_days(Days::new(6)).unwrap_or(start);
        let _ = writeln!(html, "<li><h3>Week of {}</h3>", escape(&dates::long(start)));
        let mut in_week: Vec<&(&Row, NaiveDate)> = due
            .iter()
            .filter(|(_, d)| *d >= start.max(today) && *d <= end)
            .collect();
        in_week.sort_by_key(|(r, d)| (*d, r.path.clone()));
        if in_week.is_empty() {
            html.push_str("<p class=\"none\">No last days.</p></li>\n");
            continue;
        }
        html.push_str("<ul>\n");
        for (row, day) in in_week {
            let _ = writeln!(html, "<li>{}</li>", entry(row, *day));
        }
        html.push_str("</ul></li>\n");
    }
    html.push_str("</ol>\n");
    html
}

/// "<time>18 December 2025</time>: Norfolk Constabulary: PEEL ... (draft, 3 errors)".
fn entry(row: &Row, day: NaiveDate) -> String {
    format!(
        "<time datetime=\"{}\">{}</time>: {} ({}; {})",
        iso(Some(day)),
        escape(&dates::long(day)),
        escape(&name(row)),
        escape(&row.state_label()),
        escape(&days_label(row)),
    )
}

fn name(row: &Row) -> String {
    match (&row.force, &row.title) {
        (Some(force), Some(title)) => format!("{force}: {title}"),
        (None, Some(title)) => title.clone(),
        _ => row.path.clone(),
    }
}

fn files_table(rows: &[Row]) -> Table<'static> {
    let rows = rows
        .iter()
        .map(|r| {
            let readable = r.state != State::Unreadable;
            vec![
                match &r.problem {
                    Some(problem) => format!("{}: {problem}", r.state_label()),
                    None => r.state_label(),
                },
                r.last_day.map(dates::long).unwrap_or_default(),
                days_label(r),
                if readable {
                    format!("{} of {}", r.answered, r.recommendations)
                } else {
                    String::new()
                },
                if readable {
                    plural(r.open_actions.len(), "action")
                } else {
                    String::new()
                },
                r.force.clone().unwrap_or_default(),
                r.title.clone().unwrap_or_default(),
                r.path.clone(),
            ]
        })
        .collect();
    Table {
        label: "Every response, the most urgent first".to_owned(),
        header: COLUMNS.to_vec(),
        rows,
    }
}

fn actions_table(rows: &[Row]) -> Table<'static> {
    let rows = actions(rows)
        .into_iter()
        .map(|(r, a)| {
            vec![
                a.due.map(dates::long).unwrap_or_default(),
                if a.overdue { "overdue" } else { "" }.to_owned(),
                a.state.clone(),
                a.owner.clone().unwrap_or_default(),
                a.target.clone(),
                a.summary.clone(),
                r.path.clone(),
            ]
        })
        .collect();
    Table {
        label: "Open actions by due date".to_owned(),
        header: ACTION_COLUMNS.to_vec(),
        rows,
    }
}
