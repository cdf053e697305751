//! Facts several features show: the statutory deadline worked out, a recommendation by id, a
//! force and its local policing body. Read from the tree; worded once here so hover, completion
//! and inlay hints say the same thing.

use chrono::NaiveDate;

use crate::catalogue::{Catalogue, ForceKind, ForceMatch, NameKind};
use crate::dates;
use crate::document::Node;
pub use crate::facts::response::{Deadline, answered, deadline, find_item, items};

fn plural(n: i64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "12 days left", "last day today", "overdue by 3 days".
pub fn days_left(last_day: NaiveDate, today: NaiveDate) -> String {
    let days = (last_day - today).num_days();
    match days {
        0 => "last day today".to_owned(),
        d if d > 0 => format!("{} left", plural(d, "day")),
        d => format!("overdue by {}", plural(-d, "day")),
    }
}

/// The short status an inlay hint shows after `response_deadline`.
pub fn deadline_hint(d: &Deadline, today: NaiveDate) -> String {
    let Some(last_day) = d.last_day else {
        return "no statutory period".to_owned();
    };
    match (d.published_on, d.marked_published) {
        (Some(on), _) if on > last_day => format!(
            "published {} late",
            plural((on - last_day).num_days(), "day")
        ),
        (Some(_), _) => "published in time".to_owned(),
        (None, true) => "published".to_owned(),
        (None, false) => days_left(last_day, today),
    }
}

/// The computation, for hover: "last day Thursday 18 December 2025: published 24 October 2025 +
/// 55 days, s.55(5A); 12 days left", or why no statutory period applies.
pub fn deadline_markdown(d: &Deadline, today: NaiveDate) -> String {
    let Some(last_day) = d.last_day else {
        return format!(
            "**Section 55 response deadline**\n\nNo statutory period: {}. A deadline written here is the office's own.",
            d.version.explain(d.published)
        );
    };
    let mut text = format!(
        "**Section 55 response deadline**\n\nLast day **{}**: published {} + 55 days, s.55(5A) (56 days beginning with the day of publication); {}.\n\nThe 2017 version of s.55 applies: {}.",
        dates::long_with_weekday(last_day),
        dates::long(d.published),
        deadline_hint(d, today),
        d.version.explain(d.published),
    );
    match d.written {
        Some(w) if w == last_day => {}
        Some(w) if dates::miscounted_last_day(d.published) == Some(w) => text.push_str(&format!(
            "\n\nThe file says {}: one day late, the common publication + 56 miscount.",
            dates::long_with_weekday(w)
        )),
        Some(w) => text.push_str(&format!(
            "\n\nThe file says {}, which is not the statutory last day.",
            dates::long_with_weekday(w)
        )),
        None => {}
    }
    text
}

/// A recommendation or area for improvement as Markdown: its text and status.
pub fn item_markdown(kind: &str, id: i64, item: &Node) -> String {
    let text = item.get("text").and_then(Node::as_str).unwrap_or("").trim();
    let status = item.get("status").and_then(Node::as_str);
    let mut md = format!("**{kind} {id}**");
    if let Some(status) = status {
        md.push_str(&format!(" ({status})"));
    }
    if let Some(due) = item.get("due").and_then(Node::as_date) {
        md.push_str(&format!(", due {}", dates::long(due)));
    }
    if !text.is_empty() {
        md.push_str("\n\n");
        md.push_str(text);
    }
    md
}

/// A force as Markdown: its kind and local policing body.
pub fn force_markdown(catalogue: &Catalogue, name: &str) -> Option<String> {
    Some(match catalogue.find_force(name)? {
        ForceMatch::Builtin(f) => {
            let mut md = format!("**{}**", f.name);
            match f.kind {
                ForceKind::Territorial => {
                    md.push_str(" — territorial police force of England and Wales")
                }
                ForceKind::Collective => md.push_str(" — a collective value for national reports"),
                ForceKind::Other => {
                    md.push_str(" — not a territorial force: section 55 does not apply to it")
                }
            }
            if let Some(body) = &f.policing_body {
                md.push_str(&format!("\n\nLocal policing body: {body}"));
            }
            // The body's history and the force's other names, with their dates.
            let dated: Vec<String> = f
                .bodies
                .iter()
                .filter(|b| b.from.is_some() || b.until.is_some())
                .map(|b| {
                    let from = b.from.map_or("…".to_owned(), dates::long);
                    let until = b.until.map_or("today".to_owned(), dates::long);
                    format!("- {}: {from} to {until}", b.name)
                })
                .collect();
            if !dated.is_empty() {
                md.push_str(&format!(
                    "\n\nLocal policing bodies over time:\n{}",
                    dated.join("\n")
                ));
            }
            for other in &f.other_names {
                match other.kind {
                    NameKind::Former { until } => md.push_str(&format!(
                        "\n\nFormerly {} (until {})",
                        other.name,
                        dates::long(until)
                    )),
                    NameKind::Brand => md.push_str(&format!("\n\nAlso known as {}", other.name)),
                }
            }
            if let Some(note) = &f.note {
                md.push_str(&format!("\n\n{note}"));
            }
            md
        }
        ForceMatch::Extra(name) => {
            format!("**{name}** — added in section55.toml's `[catalogue] forces`")
        }
    })
}

/// The template's short name for a section ("Key Findings"), for completion details and hover.
pub fn section_title(pointer: &str) -> Option<&'static str> {
    crate::template::section(pointer).map(|s| s.short)
}

/// A `progress` state as Markdown: what it means and whether it closes the action.
pub fn progress_markdown(extra: &crate::facts::progress::Extra, state: &str) -> String {
    let built_in = crate::facts::progress::BUILT_IN
        .iter()
        .find(|s| s.name == state);
    let closes = if extra.is_done(state) {
        "It closes the action: `action-overdue` no longer reports it."
    } else {
        "The action is open: `action-overdue` reports it once its `due` date has passed."
    };
    match built_in {
        Some(s) => format!("**{state}**\n\n{} {closes}", s.description),
        None if extra.is_known(state) => {
            format!("**{state}**: one of the office's own states (section55.toml). {closes}")
        }
        None => format!(
            "**{state}** is not a progress state: use one of {}, or add it to `[progress]` in section55.toml.",
            extra.all().join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn days_left_wording() {
        assert_eq!(days_left(d(2025, 12, 18), d(2025, 12, 6)), "12 days left");
        assert_eq!(days_left(d(2025, 12, 18), d(2025, 12, 17)), "1 day left");
        assert_eq!(
            days_left(d(2025, 12, 18), d(2025, 12, 18)),
            "last day today"
        );
        assert_eq!(
            days_left(d(2025, 12, 18), d(2025, 12, 21)),
            "overdue by 3 days"
        );
    }
}
