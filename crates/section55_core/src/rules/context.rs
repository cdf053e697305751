//! What every check reads: the text, the tree, the catalogue, "today", and the facts several
//! rules share (dates, recommendations, responses), each worked out once per lint.

use std::cell::OnceCell;
use std::sync::LazyLock;

use chrono::NaiveDate;

use super::schema::{self, SchemaIssue};
use crate::catalogue::Catalogue;
use crate::config::Config;
use crate::dates;
use crate::diagnostic::{Pos, Span};
use crate::document::{Document, Entry, LineIndex, Node, Value};
use crate::facts::statute::Version;
use crate::model::Status;

/// The tree of an empty file: a mapping with nothing in it, so every section is reported missing.
static EMPTY: LazyLock<Node> = LazyLock::new(|| Node {
    value: Value::Map(Box::new([])),
    span: Span::at(Pos::new(0, 0)),
});

pub struct Context<'a> {
    pub text: &'a str,
    pub doc: &'a Document,
    pub catalogue: &'a Catalogue,
    pub config: &'a Config,
    pub today: NaiveDate,
    schema_issues: OnceCell<Vec<SchemaIssue>>,
    items: OnceCell<Items<'a>>,
    lines: OnceCell<LineIndex>,
    office_words: OnceCell<Vec<Vec<super::prose::Word<'a>>>>,
}

/// A recommendation, area for improvement or cause of concern, as far as it is well-formed.
pub struct Item<'a> {
    pub node: &'a Node,
    pub id: Option<(i64, &'a Node)>,
    pub status: Option<(Status, &'a Node)>,
}

/// One entry of a section's `responses`.
pub struct Answer<'a> {
    pub node: &'a Node,
    pub recommendation: Option<(i64, &'a Node)>,
    pub area_for_improvement: Option<(i64, &'a Node)>,
    pub action: Option<&'a Entry>,
    pub no_action_reason: Option<&'a Entry>,
}

pub struct Items<'a> {
    pub recommendations: Vec<Item<'a>>,
    pub areas_for_improvement: Vec<Item<'a>>,
    pub causes_of_concern: Vec<Item<'a>>,
    pub answers: Vec<Answer<'a>>,
    /// Indices into `answers` by recommendation id and by area-for-improvement id, so looking up
    /// the answers to each item does not read every answer.
    by_recommendation: ById,
    by_area: ById,
}

/// Positions sorted by the id they belong to, then by position: one vector where a map would
/// hold a small vector for every id (a file of thousands of recommendations held megabytes of
/// them).
struct ById(Vec<(i64, usize)>);

impl ById {
    /// The index of a list in which each position may have an id.
    fn of(ids: impl Iterator<Item = Option<i64>>) -> Self {
        let mut pairs: Vec<_> = ids
            .enumerate()
            .filter_map(|(i, id)| Some((id?, i)))
            .collect();
        // The pairs are distinct, so an unstable sort keeps each id's positions in order.
        pairs.sort_unstable();
        ById(pairs)
    }

    /// The positions of `id`, in order.
    fn get(&self, id: i64) -> impl Iterator<Item = usize> + '_ {
        let from = self.0.partition_point(|&(k, _)| k < id);
        self.0[from..]
            .iter()
            .take_while(move |&&(k, _)| k == id)
            .map(|&(_, i)| i)
    }
}

pub use crate::template::RESPONSE_SECTIONS;

impl<'a> Context<'a> {
    pub fn new(text: &'a str, doc: &'a Document, config: &'a Config, today: NaiveDate) -> Self {
        Context {
            text,
            doc,
            catalogue: &config.catalogue,
            config,
            today,
            schema_issues: OnceCell::new(),
            items: OnceCell::new(),
            lines: OnceCell::new(),
            office_words: OnceCell::new(),
        }
    }

    /// The tree, or `None` when the text is not well-formed YAML (then only `invalid-yaml` runs).
    pub fn root(&self) -> Option<&'a Node> {
        match &self.doc.root {
            Some(root) => Some(root),
            None if self.doc.errors.is_empty() => Some(&*EMPTY),
            None => None,
        }
    }

    pub fn get(&self, pointer: &str) -> Option<&'a Node> {
        self.root()?.pointer(pointer)
    }

    /// The span to underline for the value at `pointer`: the value, or its key when the value is
    /// empty (`due:` with nothing after it).
    pub fn span_at(&self, pointer: &str) -> Option<Span> {
        let (node, key) = self.root()?.pointer_entry(pointer)?;
        Some(visible_span(node, key))
    }

    pub fn key_span(&self, pointer: &str) -> Option<Span> {
        self.root()?.pointer_entry(pointer)?.1
    }

    pub fn schema_issues(&self) -> &[SchemaIssue] {
        self.schema_issues
            .get_or_init(|| self.root().map(schema::validate).unwrap_or_default())
    }

    pub fn published(&self) -> Option<NaiveDate> {
        self.get("/inspection/published")?.as_date()
    }

    /// The version of s.55 that applied to the report, when its publication date can be read.
    pub fn statute(&self) -> Option<Version> {
        self.published().map(Version::for_report)
    }

    /// Whether the 2017 duties (s.55(5A), (5B) and (6)) can apply: the report was published on or
    /// after 2 May 2017, or its date cannot be read (then the law in force today is assumed).
    pub fn under_2017_duties(&self) -> bool {
        self.statute() != Some(Version::Original)
    }

    /// The statutory last day to publish (s.55(5A)); `None` before s.55(5A) applied.
    pub fn last_day(&self) -> Option<NaiveDate> {
        let published = self.published()?;
        Version::for_report(published)
            .has_period()
            .then(|| dates::last_day(published))
            .flatten()
    }

    /// The line break fixes write: the file's own (CRLF if it has any).
    pub fn newline(&self) -> &'static str {
        crate::diagnostic::newline_of(self.text)
    }

    /// Line boundaries, for fixes that insert lines; built only when a rule asks.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(self.text))
    }

    pub fn items(&self) -> &Items<'a> {
        self.items.get_or_init(|| Items::collect(self.root()))
    }

    /// The words of each text the office wrote, read once for the four plain-English rules (and
    /// only when one of them is on).
    pub(super) fn office_words(&self) -> &[Vec<super::prose::Word<'a>>] {
        self.office_words
            .get_or_init(|| super::prose::office_words(self))
    }
}

/// A node's span, or its key's when the node is empty.
pub fn visible_span(node: &Node, key: Option<Span>) -> Span {
    match key {
        Some(key) if node.span.start == node.span.end || node.is_null() => key,
        _ => node.span,
    }
}

fn id_of<'n>(node: &'n Node, key: &str) -> Option<(i64, &'n Node)> {
    let value = node.get(key)?;
    Some((value.as_int()?, value))
}

fn item(node: &Node) -> Item<'_> {
    let status = node
        .get("status")
        .and_then(|s| Some((Status::parse(s.as_str()?)?, s)));
    Item {
        node,
        id: id_of(node, "id"),
        status,
    }
}

impl<'a> Items<'a> {
    fn collect(root: Option<&'a Node>) -> Self {
        let list = |key: &str| -> Vec<Item<'a>> {
            root.and_then(|r| r.get(key))
                .map(|n| n.as_seq().iter().map(item).collect())
                .unwrap_or_default()
        };
        let answers = RESPONSE_SECTIONS
            .iter()
            .filter_map(|section| root?.pointer(&format!("/{section}/responses")))
            .flat_map(|responses| responses.as_seq())
            .map(|node| Answer {
                node,
                recommendation: id_of(node, "recommendation"),
                area_for_improvement: id_of(node, "area_for_improvement"),
                action: node.entry("action"),
                no_action_reason: node.entry("no_action_reason"),
            })
            .collect::<Vec<Answer<'a>>>();
        let by_recommendation = ById::of(answers.iter().map(|a| Some(a.recommendation?.0)));
        let by_area = ById::of(answers.iter().map(|a| Some(a.area_for_improvement?.0)));
        Items {
            recommendations: list("recommendations"),
            areas_for_improvement: list("areas_for_improvement"),
            causes_of_concern: list("causes_of_concern"),
            answers,
            by_recommendation,
            by_area,
        }
    }

    /// The answers to recommendation `id`, in file order.
    pub fn answers_to_recommendation(&self, id: i64) -> impl Iterator<Item = &Answer<'a>> {
        self.by_recommendation.get(id).map(|i| &self.answers[i])
    }

    pub fn answers_to_area(&self, id: i64) -> impl Iterator<Item = &Answer<'a>> {
        self.by_area.get(id).map(|i| &self.answers[i])
    }
}

impl Answer<'_> {
    /// Gives an action or a reason for taking none, as s.55(5B) requires.
    pub fn explains(&self) -> bool {
        let given = |e: Option<&Entry>| e.is_some_and(|e| !e.value.is_null());
        given(self.action) || given(self.no_action_reason)
    }
}
