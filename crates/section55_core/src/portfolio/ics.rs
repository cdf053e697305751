//! The portfolio as an iCalendar file (RFC 5545): an all-day event on the statutory last day of
//! every response not yet published, and with `--actions` one on the due date of every open
//! action, each with an alarm some days before. Every event's UID is worked out from what
//! identifies the response (force, publication date and title), not from the run or the file's
//! place, so importing the file again updates the events instead of adding copies.

use chrono::{Days, NaiveDate};

use super::{OpenAction, Row, days_label, iso};

pub struct Options {
    pub today: NaiveDate,
    /// Days before each event to remind; 0 for no alarm.
    pub alarm_days: u32,
    /// Events for open actions' due dates too.
    pub actions: bool,
}

pub fn write(rows: &[Row], options: &Options) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//section55//status//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "X-WR-CALNAME:Section 55 responses".to_owned(),
    ];
    for row in rows.iter().filter(|r| r.is_unpublished()) {
        if let Some(last_day) = row.last_day {
            lines.extend(deadline_event(row, last_day, options));
        }
    }
    if options.actions {
        for row in rows {
            for action in &row.open_actions {
                if let Some(due) = action.due {
                    lines.extend(action_event(row, action, due, options));
                }
            }
        }
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}

fn deadline_event(row: &Row, last_day: NaiveDate, options: &Options) -> Vec<String> {
    let what = name(row);
    let summary = format!("Section 55 last day: {what}");
    let description = format!(
        "Last day to publish the comments on {what} (s.55(5A): 56 days beginning with the day the report was published). State: {}{}. File: {}",
        row.state_label(),
        match days_label(row) {
            days if days.is_empty() => String::new(),
            days => format!(", {days}"),
        },
        row.path
    );
    event(
        &format!("{}-last-day", key(row)),
        last_day,
        &summary,
        &description,
        options,
    )
}

fn action_event(row: &Row, action: &OpenAction, due: NaiveDate, options: &Options) -> Vec<String> {
    let summary = format!("Action due: {} ({})", action.target, name(row));
    let description = format!(
        "{}\nProgress: {}. Owner: {}. File: {}",
        action.summary,
        action.state,
        action.owner.as_deref().unwrap_or("not recorded"),
        row.path
    );
    let uid = format!("{}-action-{}", key(row), action.index + 1);
    event(&uid, due, &summary, &description, options)
}

fn event(
    uid: &str,
    day: NaiveDate,
    summary: &str,
    description: &str,
    options: &Options,
) -> Vec<String> {
    let date = |d: NaiveDate| d.format("%Y%m%d").to_string();
    let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
    let mut lines = vec![
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{uid}@section55"),
        // The run's day, not its time, so the same portfolio on the same day gives the same file.
        format!("DTSTAMP:{}T000000Z", date(options.today)),
        format!("DTSTART;VALUE=DATE:{}", date(day)),
        format!("DTEND;VALUE=DATE:{}", date(next)),
        format!("SUMMARY:{}", escape(summary)),
        format!("DESCRIPTION:{}", escape(description)),
        "TRANSP:TRANSPARENT".to_owned(),
    ];
    if options.alarm_days > 0 {
        lines.extend([
            "BEGIN:VALARM".to_owned(),
            "ACTION:DISPLAY".to_owned(),
            format!("DESCRIPTION:{}", escape(summary)),
            format!("TRIGGER:-P{}D", options.alarm_days),
            "END:VALARM".to_owned(),
        ]);
    }
    lines.push("END:VEVENT".to_owned());
    lines
}

/// "Surrey Police: PEEL 2025 ...", or the file's path.
fn name(row: &Row) -> String {
    match (&row.force, &row.title) {
        (Some(force), Some(title)) => format!("{force}: {title}"),
        (None, Some(title)) => title.clone(),
        _ => row.path.clone(),
    }
}

/// What identifies a response across runs and moves: its force, publication date and title
/// (the path only when those cannot be read), as a 64-bit FNV-1a hash in hex.
pub fn key(row: &Row) -> String {
    let identity = match (&row.force, row.published, &row.title) {
        (Some(force), Some(published), Some(title)) => {
            format!("{force}\n{}\n{title}", iso(Some(published)))
        }
        _ => row.path.clone(),
    };
    let hash = identity.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("s55-{hash:016x}")
}

/// TEXT as RFC 5545 §3.3.11 writes it: `\`, `;` and `,` escaped, line breaks as `\n`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line ended with CRLF and folded (RFC 5545 §3.1): no line longer than 75 octets,
/// continuation lines starting with a space, never splitting a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    // The space that starts a continuation line counts: 74 octets of content after it.
    let mut limit = 75;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > limit {
            out.push_str("\r\n ");
            used = 0;
            limit = 74;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "é".repeat(100));
        let folded = fold(&line);
        for part in folded.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= 75, "{} octets: {part}", part.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
