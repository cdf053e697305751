//! Facts several features show: the statutory deadline worked out, a recommendation by id, a
//! force and its local policing body. Read from the tree; worded once here so hover, completion
//! and inlay hints say the same thing.

use chrono::NaiveDate;

use crate::catalogue::{Catalogue, ForceKind, ForceMatch};
use crate::dates;
use crate::document::Node;

pub struct Deadline {
    pub published: NaiveDate,
    /// Publication + 55 days (s.55(5A)).
    pub last_day: NaiveDate,
    /// `response_deadline` as written, if it is a date.
    pub written: Option<NaiveDate>,
    /// `office_use.published_on`, if it is a date.
    pub published_on: Option<NaiveDate>,
    /// `office_use` records the response as published.
    pub marked_published: bool,
}

pub fn deadline(tree: &Node) -> Option<Deadline> {
    let published = tree.pointer("/inspection/published")?.as_date()?;
    let last_day = dates::last_day(published)?;
    let published_on = tree
        .pointer("/office_use/published_on")
        .and_then(Node::as_date);
    let on_website = tree
        .pointer("/office_use/published_on_website")
        .and_then(Node::as_bool)
        == Some(true);
    Some(Deadline {
        published,
        last_day,
        written: tree.get("response_deadline").and_then(Node::as_date),
        published_on,
        marked_published: published_on.is_some() || on_website,
    })
}

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
    match (d.published_on, d.marked_published) {
        (Some(on), _) if on > d.last_day => format!(
            "published {} late",
            plural((on - d.last_day).num_days(), "day")
        ),
        (Some(_), _) => "published in time".to_owned(),
        (None, true) => "published".to_owned(),
        (None, false) => days_left(d.last_day, today),
    }
}

/// The computation, for hover: "last day Thursday 18 December 2025: published 24 October 2025 +
/// 55 days, s.55(5A); 12 days left".
pub fn deadline_markdown(d: &Deadline, today: NaiveDate) -> String {
    let mut text = format!(
        "**Section 55 response deadline**\n\nLast day **{}**: published {} + 55 days, s.55(5A) (56 days beginning with the day of publication); {}.",
        dates::long_with_weekday(d.last_day),
        dates::long(d.published),
        deadline_hint(d, today),
    );
    match d.written {
        Some(w) if w == d.last_day => {}
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

/// The list item of `list` (`recommendations`, `areas_for_improvement`, `causes_of_concern`)
/// with this id.
pub fn find_item<'t>(tree: &'t Node, list: &str, id: i64) -> Option<&'t Node> {
    tree.get(list)?
        .as_seq()
        .iter()
        .find(|item| item.get("id").and_then(Node::as_int) == Some(id))
}

/// The items of `list` that have an id, with it.
pub fn items<'t>(tree: &'t Node, list: &str) -> Vec<(i64, &'t Node)> {
    tree.get(list)
        .map(|l| {
            l.as_seq()
                .iter()
                .filter_map(|item| Some((item.get("id")?.as_int()?, item)))
                .collect()
        })
        .unwrap_or_default()
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

/// Ids of recommendations that some response answers.
pub fn answered(tree: &Node, key: &str) -> Vec<i64> {
    ["chief_constable_response", "pcc_response"]
        .iter()
        .filter_map(|s| tree.pointer(&format!("/{s}/responses")))
        .flat_map(Node::as_seq)
        .filter_map(|r| r.get(key)?.as_int())
        .collect()
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
