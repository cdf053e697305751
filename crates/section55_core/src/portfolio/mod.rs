//! The office's portfolio: one row per response file with its deadline, state, answers and open
//! actions (`section55 status`), and the writers of the row list: a terminal table, JSON, CSV,
//! an iCalendar file and an HTML dashboard. Rows are worked out from the same facts as the rules
//! (`facts::response`: the statutory last day, the published state, the actions), so `status`
//! and `check` cannot disagree. Nothing here reads files; the command line does.

pub mod csv;
pub mod html;
pub mod ics;
pub mod json;
pub mod table;

use chrono::NaiveDate;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Node};
use crate::facts::{progress, response};
use crate::rules::code;

/// Where a response stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum State {
    /// Not published, with error-level findings to fix.
    Draft,
    /// Not published, with no error-level findings.
    Ready,
    /// Published on or before the statutory last day (or with no date to judge by).
    Published,
    /// Published after the statutory last day.
    PublishedLate,
    /// A report published before 2 May 2017, when s.55 set no period (SI 2017/399 reg. 4(a)).
    NoStatutoryPeriod,
    /// The file could not be read as a response (not readable, not YAML, not a response).
    Unreadable,
}

impl State {
    pub const ALL: [State; 6] = [
        State::Draft,
        State::Ready,
        State::Published,
        State::PublishedLate,
        State::NoStatutoryPeriod,
        State::Unreadable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Draft => "draft",
            State::Ready => "ready",
            State::Published => "published",
            State::PublishedLate => "published late",
            State::NoStatutoryPeriod => "no statutory period",
            State::Unreadable => "unreadable",
        }
    }
}

/// One response file's place in the portfolio.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub path: String,
    pub title: Option<String>,
    pub force: Option<String>,
    /// The report's publication date.
    pub published: Option<NaiveDate>,
    /// The statutory last day (publication + 55 days, s.55(5A)), when one applies.
    pub last_day: Option<NaiveDate>,
    /// `office_use.published_on`.
    pub published_on: Option<NaiveDate>,
    pub state: State,
    /// Days from today to the last day (negative: late), for a response not yet published; for
    /// one published late, the days after the last day it was published, negated.
    pub days_left: Option<i64>,
    pub errors: usize,
    pub warnings: usize,
    pub recommendations: usize,
    pub answered: usize,
    /// The open actions (not complete or closed), in file order.
    pub open_actions: Vec<OpenAction>,
    /// Why the file is unreadable.
    pub problem: Option<String>,
}

/// An action still open, for `status --actions` and the calendar.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenAction {
    /// "Recommendation 2", "Area for improvement 1".
    pub target: String,
    /// The action's first sentence.
    pub summary: String,
    pub due: Option<NaiveDate>,
    pub state: String,
    pub owner: Option<String>,
    pub updated: Option<NaiveDate>,
    /// Its `due` date has passed.
    pub overdue: bool,
    /// Its index among the file's response entries with an action (a stable calendar UID).
    pub index: usize,
}

impl Row {
    /// A file that could not be read as a response, with why.
    pub fn unreadable(path: String, problem: String) -> Row {
        Row {
            path,
            title: None,
            force: None,
            published: None,
            last_day: None,
            published_on: None,
            state: State::Unreadable,
            days_left: None,
            errors: 0,
            warnings: 0,
            recommendations: 0,
            answered: 0,
            open_actions: Vec::new(),
            problem: Some(problem),
        }
    }

    /// The row of a linted file: its tree and its findings (as `check` reports them).
    pub fn of(
        path: String,
        doc: &Document,
        diagnostics: &[Diagnostic],
        config: &Config,
        today: NaiveDate,
    ) -> Row {
        let syntax = diagnostics.iter().find(|d| d.rule == code::INVALID_YAML);
        let root = doc.root.as_ref().filter(|r| is_response(r));
        let (Some(root), None) = (root, syntax) else {
            let problem = match syntax {
                Some(d) => format!(
                    "not well-formed YAML (line {}): {}",
                    d.span.start.one_based().0,
                    d.message
                ),
                None => {
                    "not a response file: it has none of policing_body, inspection, pcc_response"
                        .to_owned()
                }
            };
            return Row::unreadable(path, problem);
        };
        let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
        let deadline = response::deadline(root);
        let text = |pointer: &str| {
            root.pointer(pointer)
                .and_then(Node::as_str)
                .map(str::to_owned)
        };
        let mut row = Row {
            path,
            title: text("/inspection/title"),
            force: text("/force"),
            published: deadline.as_ref().map(|d| d.published),
            last_day: deadline.as_ref().and_then(|d| d.last_day),
            published_on: deadline.as_ref().and_then(|d| d.published_on),
            state: State::Draft,
            days_left: None,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            recommendations: 0,
            answered: 0,
            open_actions: open_actions(root, &config.progress, today),
            problem: None,
        };
        (row.recommendations, row.answered) = answered(root);
        (row.state, row.days_left) = state(&row, deadline.as_ref(), today);
        row
    }

    /// Late: not published after the last day, published after it, or with an action overdue.
    pub fn is_late(&self) -> bool {
        self.days_left.is_some_and(|d| d < 0) || self.open_actions.iter().any(|a| a.overdue)
    }

    /// Still to publish (a draft or ready).
    pub fn is_unpublished(&self) -> bool {
        matches!(self.state, State::Draft | State::Ready)
    }

    /// "draft (3 errors)", "ready", "published late".
    pub fn state_label(&self) -> String {
        match self.state {
            State::Draft => format!("draft ({})", plural(self.errors, "error")),
            other => other.as_str().to_owned(),
        }
    }
}

/// "1 error", "3 errors".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A mapping with one of the keys only a response has.
fn is_response(root: &Node) -> bool {
    ["policing_body", "inspection", "pcc_response"]
        .iter()
        .any(|k| root.get(k).is_some())
}

/// The state, and the days left (or late) that go with it.
fn state(
    row: &Row,
    deadline: Option<&response::Deadline>,
    today: NaiveDate,
) -> (State, Option<i64>) {
    let marked_published = deadline.is_some_and(|d| d.marked_published);
    match (marked_published, row.last_day, row.published_on) {
        (true, Some(last), Some(on)) if on > last => {
            (State::PublishedLate, Some((last - on).num_days()))
        }
        (true, _, _) => (State::Published, None),
        (false, None, _) if deadline.is_some() => (State::NoStatutoryPeriod, None),
        (false, last, _) => {
            let state = if row.errors > 0 {
                State::Draft
            } else {
                State::Ready
            };
            (state, last.map(|l| (l - today).num_days()))
        }
    }
}

/// Recommendations listed, and how many of them a response answers with an explanation.
fn answered(root: &Node) -> (usize, usize) {
    let ids = response::items(root, "recommendations");
    let answers = response::answered(root, "recommendation");
    let answered = ids.iter().filter(|(id, _)| answers.contains(id)).count();
    (ids.len(), answered)
}

fn open_actions(root: &Node, extra: &progress::Extra, today: NaiveDate) -> Vec<OpenAction> {
    response::actions(root)
        .iter()
        .enumerate()
        .filter(|(_, a)| a.is_open(extra))
        .map(|(index, a)| OpenAction {
            target: target(a.recommendation, a.area_for_improvement),
            summary: crate::render::summary(a.text),
            due: a.due,
            state: a.state().to_owned(),
            owner: a.owner.map(str::to_owned),
            updated: a.updated,
            overdue: a.is_overdue(extra, today),
            index,
        })
        .collect()
}

fn target(recommendation: Option<i64>, area: Option<i64>) -> String {
    use crate::render::labels as l;
    match (recommendation, area) {
        (Some(r), _) => format!("{} {r}", l::RECOMMENDATION),
        (None, Some(a)) => format!("{} {a}", l::AREA_FOR_IMPROVEMENT),
        (None, None) => "Response".to_owned(),
    }
}

/// Sorts by urgency: not yet published by days left (the latest first), then unpublished ones
/// without a date to count from, unreadable files, reports with no statutory period, published
/// late, published; ties by path.
pub fn sort(rows: &mut [Row]) {
    rows.sort_by(|a, b| {
        urgency(a)
            .cmp(&urgency(b))
            .then_with(|| a.path.cmp(&b.path))
    });
}

fn urgency(row: &Row) -> (u8, i64) {
    match row.state {
        State::Draft | State::Ready => match row.days_left {
            Some(days) => (0, days),
            None => (1, 0),
        },
        State::Unreadable => (2, 0),
        State::NoStatutoryPeriod => (3, 0),
        State::PublishedLate => (4, row.days_left.unwrap_or(0)),
        State::Published => (5, 0),
    }
}

/// How many rows are in each state, in [`State::ALL`]'s order (all states, zeros included).
pub fn counts(rows: &[Row]) -> Vec<(State, usize)> {
    State::ALL
        .iter()
        .map(|&s| (s, rows.iter().filter(|r| r.state == s).count()))
        .collect()
}

/// Every open action of the portfolio with its file, by due date (overdue first, undated last).
pub fn actions(rows: &[Row]) -> Vec<(&Row, &OpenAction)> {
    let mut all: Vec<(&Row, &OpenAction)> = rows
        .iter()
        .flat_map(|r| r.open_actions.iter().map(move |a| (r, a)))
        .collect();
    all.sort_by(|(ra, a), (rb, b)| {
        (a.due.is_none(), a.due, &ra.path, a.index).cmp(&(
            b.due.is_none(),
            b.due,
            &rb.path,
            b.index,
        ))
    });
    all
}

/// "12 days left", "due today", "3 days late" (also for one published late), or "".
pub fn days_label(row: &Row) -> String {
    let day = |n: i64| if n == 1 { "day" } else { "days" };
    match (row.state, row.days_left) {
        (State::PublishedLate, Some(d)) => format!("{} {} late", -d, day(-d)),
        (_, Some(0)) => "due today".to_owned(),
        (_, Some(d)) if d > 0 => format!("{d} {} left", day(d)),
        (_, Some(d)) => format!("{} {} late", -d, day(-d)),
        (_, None) => String::new(),
    }
}

/// An ISO date, or nothing.
pub fn iso(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}
