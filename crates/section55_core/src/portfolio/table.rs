//! The portfolio as a table for a terminal of 100 columns: one line per file, the most urgent
//! first, then the counts. Colour (ANSI) only when asked for, which the command line does on a
//! terminal.

use super::{Row, State, actions, counts, days_label, iso, plural};

/// The width the table fits.
pub const WIDTH: usize = 100;

const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";
const GREEN: &str = "\x1b[32m";
const DIM: &str = "\x1b[2m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// A column: its heading and width; the last column takes what is left of [`WIDTH`].
struct Column {
    heading: &'static str,
    width: usize,
}

const GAP: &str = "  ";

const ROWS: [Column; 7] = [
    Column {
        heading: "STATE",
        width: 19,
    },
    Column {
        heading: "LAST DAY",
        width: 10,
    },
    Column {
        heading: "DAYS",
        width: 13,
    },
    Column {
        heading: "RECS",
        width: 5,
    },
    Column {
        heading: "OPEN",
        width: 4,
    },
    Column {
        heading: "FORCE",
        width: 16,
    },
    Column {
        heading: "REPORT",
        width: 0,
    },
];

const ACTIONS: [Column; 5] = [
    Column {
        heading: "DUE",
        width: 10,
    },
    Column {
        heading: "PROGRESS",
        width: 12,
    },
    Column {
        heading: "OWNER",
        width: 20,
    },
    Column {
        heading: "FOR",
        width: 23,
    },
    Column {
        heading: "FILE",
        width: 0,
    },
];

/// The rows as a table, then the counts by state and the unreadable files with why.
pub fn write(rows: &[Row], colour: bool) -> String {
    let mut out = line(
        &ROWS,
        ROWS.iter().map(|c| c.heading.to_owned()).collect(),
        |_| None,
        colour,
        true,
    );
    for row in rows {
        let cells = vec![
            row.state_label(),
            iso(row.last_day),
            days_label(row),
            if row.recommendations == 0 && row.state == State::Unreadable {
                String::new()
            } else {
                format!("{}/{}", row.answered, row.recommendations)
            },
            if row.state == State::Unreadable {
                String::new()
            } else {
                row.open_actions.len().to_string()
            },
            row.force.clone().unwrap_or_default(),
            row.title.clone().unwrap_or_else(|| row.path.clone()),
        ];
        out.push_str(&line(&ROWS, cells, |i| row_colour(row, i), colour, false));
    }
    out.push('\n');
    out.push_str(&summary(rows));
    for row in rows.iter().filter(|r| r.state == State::Unreadable) {
        out.push_str(&format!(
            "unreadable: {}: {}\n",
            row.path,
            row.problem.as_deref().unwrap_or("")
        ));
    }
    out
}

/// Every open action, by due date.
pub fn write_actions(rows: &[Row], colour: bool) -> String {
    let mut out = line(
        &ACTIONS,
        ACTIONS.iter().map(|c| c.heading.to_owned()).collect(),
        |_| None,
        colour,
        true,
    );
    let all = actions(rows);
    for (row, action) in &all {
        let cells = vec![
            iso(action.due),
            action.state.clone(),
            action.owner.clone().unwrap_or_default(),
            action.target.clone(),
            row.path.clone(),
        ];
        let red = |i: usize| (i == 0 && action.overdue).then_some(RED);
        out.push_str(&line(&ACTIONS, cells, red, colour, false));
    }
    let overdue = all.iter().filter(|(_, a)| a.overdue).count();
    out.push_str(&format!(
        "\n{} open, {overdue} overdue, in {}\n",
        plural(all.len(), "action"),
        plural(rows.len(), "file")
    ));
    out
}

/// "7 files: 2 draft, 1 ready, 3 published, 1 unreadable; 2 late".
pub fn summary(rows: &[Row]) -> String {
    let by_state: Vec<String> = counts(rows)
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{n} {}", s.as_str()))
        .collect();
    let late = rows.iter().filter(|r| r.is_late()).count();
    let open: usize = rows.iter().map(|r| r.open_actions.len()).sum();
    format!(
        "{}{}{}; {late} late; {} open\n",
        plural(rows.len(), "file"),
        if by_state.is_empty() { "" } else { ": " },
        by_state.join(", "),
        plural(open, "action"),
    )
}

fn row_colour(row: &Row, column: usize) -> Option<&'static str> {
    match column {
        0 => Some(match row.state {
            State::Draft => YELLOW,
            State::Ready => GREEN,
            State::PublishedLate | State::Unreadable => RED,
            State::Published | State::NoStatutoryPeriod => DIM,
        }),
        2 if row.days_left.is_some_and(|d| d < 0) => Some(RED),
        _ => None,
    }
}

/// One line of cells, each cut to its column's width (with "…") and padded; the last column
/// takes the rest of [`WIDTH`].
fn line(
    columns: &[Column],
    cells: Vec<String>,
    colour_of: impl Fn(usize) -> Option<&'static str>,
    colour: bool,
    heading: bool,
) -> String {
    let before_last = &columns[..columns.len().saturating_sub(1)];
    let fixed: usize = before_last.iter().map(|c| c.width + GAP.len()).sum();
    let last = WIDTH.saturating_sub(fixed);
    let mut out = String::new();
    for (i, (column, cell)) in columns.iter().zip(cells).enumerate() {
        let is_last = i + 1 == columns.len();
        let width = if is_last { last } else { column.width };
        let mut text = fit(&cell, width);
        if !is_last {
            let pad = width - text.chars().count();
            text.push_str(&" ".repeat(pad));
        }
        let paint = if heading { Some(BOLD) } else { colour_of(i) };
        match paint.filter(|_| colour) {
            Some(code) => out.push_str(&format!("{code}{text}{RESET}")),
            None => out.push_str(&text),
        }
        if !is_last {
            out.push_str(GAP);
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// `text` on one line in at most `width` characters, cut with "…".
fn fit(text: &str, width: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= width {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(width.saturating_sub(1)).collect();
    cut = cut.trim_end().to_owned();
    cut.push('…');
    cut
}
