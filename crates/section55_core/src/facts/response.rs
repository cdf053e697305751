//! What a response's tree says about its deadline, its items by id and their answers, read once
//! here for the rules, hover, inlay hints and completion.

use chrono::NaiveDate;

use super::statute::Version;
use crate::dates;
use crate::document::Node;
use crate::template::RESPONSE_SECTIONS;

/// The deadline facts of a response with a readable publication date.
pub struct Deadline {
    pub published: NaiveDate,
    /// The version of s.55 that applied to the report.
    pub version: Version,
    /// Publication + 55 days (s.55(5A)); `None` when the report predates s.55(5A).
    pub last_day: Option<NaiveDate>,
    /// `response_deadline` as written, if it is a date.
    pub written: Option<NaiveDate>,
    /// `office_use.published_on`, if it is a date.
    pub published_on: Option<NaiveDate>,
    /// `office_use` records the response as published.
    pub marked_published: bool,
}

pub fn deadline(tree: &Node) -> Option<Deadline> {
    let published = tree.pointer("/inspection/published")?.as_date()?;
    let version = Version::for_report(published);
    let published_on = tree
        .pointer("/office_use/published_on")
        .and_then(Node::as_date);
    let on_website = tree
        .pointer("/office_use/published_on_website")
        .and_then(Node::as_bool)
        == Some(true);
    Some(Deadline {
        published,
        version,
        last_day: version
            .has_period()
            .then(|| dates::last_day(published))
            .flatten(),
        written: tree.get("response_deadline").and_then(Node::as_date),
        published_on,
        marked_published: published_on.is_some() || on_website,
    })
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

/// Ids that some response answers, by `key` (`recommendation` or `area_for_improvement`).
pub fn answered(tree: &Node, key: &str) -> Vec<i64> {
    RESPONSE_SECTIONS
        .iter()
        .filter_map(|s| tree.get(s)?.get("responses"))
        .flat_map(Node::as_seq)
        .filter_map(|r| r.get(key)?.as_int())
        .collect()
}

/// A response entry that gives an action (s.55(5B)(a)), with its follow-up.
pub struct Action<'t> {
    /// The entry in `responses`.
    pub node: &'t Node,
    /// `chief_constable_response` or `pcc_response`.
    pub section: &'static str,
    pub recommendation: Option<i64>,
    pub area_for_improvement: Option<i64>,
    pub text: &'t str,
    pub due: Option<NaiveDate>,
    /// `progress` as written; `None` means not started.
    pub progress: Option<&'t str>,
    pub updated: Option<NaiveDate>,
    pub owner: Option<&'t str>,
}

impl Action<'_> {
    /// The state the action is in: its `progress`, or not started.
    pub fn state(&self) -> &str {
        self.progress.unwrap_or(super::progress::DEFAULT)
    }

    /// Whether the action is still open (its state does not close it).
    pub fn is_open(&self, extra: &super::progress::Extra) -> bool {
        !extra.is_done(self.state())
    }

    /// Open with its `due` date before `today`.
    pub fn is_overdue(&self, extra: &super::progress::Extra, today: NaiveDate) -> bool {
        self.is_open(extra) && self.due.is_some_and(|due| due < today)
    }
}

/// Every response entry with an action, section by section in file order.
pub fn actions(tree: &Node) -> Vec<Action<'_>> {
    RESPONSE_SECTIONS
        .iter()
        .filter_map(|&section| Some((section, tree.get(section)?.get("responses")?)))
        .flat_map(|(section, list)| list.as_seq().iter().map(move |node| (section, node)))
        .filter_map(|(section, node)| {
            Some(Action {
                node,
                section,
                recommendation: node.get("recommendation").and_then(Node::as_int),
                area_for_improvement: node.get("area_for_improvement").and_then(Node::as_int),
                text: node.get("action")?.as_str()?,
                due: node.get("due").and_then(Node::as_date),
                progress: node.get("progress").and_then(Node::as_str),
                updated: node.get("updated").and_then(Node::as_date),
                owner: node.get("owner").and_then(Node::as_str),
            })
        })
        .collect()
}
