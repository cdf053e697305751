//! `schema`: JSON Schema violations not covered by a more specific rule, mapped back to the key
//! or value at fault. Validation runs once per lint ([`validate`], cached by the context); the
//! `missing-section` rule reads the same issues.

use std::collections::HashMap;

use serde_json::Value as Json;

use super::code;
use super::context::visible_span;
use super::sections::is_text_field;
use super::{Context, Doc, Findings, Rule};
use crate::diagnostic::{Applicability, Fix, Severity, Span};
use crate::document::{Entry, Node};
use crate::model::Status;
use crate::schema::resolve;
use crate::suggest;

pub const RULES: &[Rule] = &[Rule {
    name: code::SCHEMA,
    severity: Severity::Error,
    summary: "A value has the wrong type, is not one of the allowed values, is not a valid date, or a key is unknown",
    doc: Doc {
        what: "Checks the file against the response JSON Schema (`section55 schema`): every key known, every value of the right type, dates as YYYY-MM-DD, statuses from the allowed list, ids as positive whole numbers, and each response naming exactly one recommendation or area for improvement and giving exactly one of `action` or `no_action_reason`.",
        why: "The published document, the deadline rules and the statutory checks all read these fields. A misspelt key (`recomendations:`) would otherwise be ignored, and with it everything under it.",
        example: "inspection:\n  published: 24/10/2025        # not a date in YYYY-MM-DD\nrecommendations:\n  - id: 1\n    text: ...\n    status: agreed           # not an allowed status",
        fix: "Use the key or value the message suggests. Dates are written 2025-10-24; statuses are accepted, partially-accepted, not-accepted or not-applicable.",
    },
    fixes: &[Applicability::Safe, Applicability::Unsafe],
    check,
}];

/// A schema violation, reduced to what the rules need.
#[derive(Clone, Debug, PartialEq)]
pub struct SchemaIssue {
    /// JSON pointer of the instance at fault.
    pub pointer: String,
    pub kind: IssueKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum IssueKind {
    UnknownKey(String),
    Required(String),
    Type(String),
    Enum(Vec<String>),
    Format(String),
    MinItems,
    Minimum,
    /// A response's exactly-one-of pair: which pair ("recommendation"/"area_for_improvement" or
    /// "action"/"no_action_reason").
    ExactlyOne(&'static str, &'static str),
    Other(String),
}

pub fn validate(root: &Node) -> Vec<SchemaIssue> {
    crate::schema::validator()
        .iter_errors(root)
        .flat_map(|error| issues_of(&error))
        .collect()
}

fn issues_of(error: &jsonschema::ValidationError) -> Vec<SchemaIssue> {
    use jsonschema::error::ValidationErrorKind as K;
    let pointer = error.instance_path().as_str().to_owned();
    let issue = |kind| SchemaIssue {
        pointer: pointer.clone(),
        kind,
    };
    match error.kind() {
        K::AdditionalProperties { unexpected } => unexpected
            .iter()
            .map(|key| issue(IssueKind::UnknownKey(key.clone())))
            .collect(),
        K::Required { property } => {
            vec![issue(IssueKind::Required(
                property.as_str().unwrap_or_default().to_owned(),
            ))]
        }
        K::Type { kind } => vec![issue(IssueKind::Type(type_words(&format!("{kind:?}"))))],
        K::Enum { options } => {
            let options = options.as_array().map(|o| {
                o.iter()
                    .filter_map(Json::as_str)
                    .map(str::to_owned)
                    .collect()
            });
            vec![issue(IssueKind::Enum(options.unwrap_or_default()))]
        }
        K::Format { format } => vec![issue(IssueKind::Format(format.clone()))],
        K::MinItems { .. } => vec![issue(IssueKind::MinItems)],
        // Only ids have bounds: at least 1, at most u32::MAX.
        K::Minimum { .. } | K::Maximum { .. } => vec![issue(IssueKind::Minimum)],
        // A response section's `text`, required unless the chief officer submitted none:
        // `missing-section` reports it.
        K::AnyOf { .. } if is_response_section(&pointer) => Vec::new(),
        K::OneOfNotValid { context } if !is_exactly_one(error) => {
            // An enum documented value by value: `oneOf` of `const`s.
            let options = context
                .iter()
                .flatten()
                .filter_map(|e| match e.kind() {
                    K::Constant { expected_value } => expected_value.as_str().map(str::to_owned),
                    _ => None,
                })
                .collect();
            vec![issue(IssueKind::Enum(options))]
        }
        K::OneOfNotValid { .. } | K::OneOfMultipleValid { .. } => {
            let pair = if error.schema_path().as_str().contains("/allOf/1/") {
                ("action", "no_action_reason")
            } else {
                ("recommendation", "area_for_improvement")
            };
            vec![issue(IssueKind::ExactlyOne(pair.0, pair.1))]
        }
        _ => vec![issue(IssueKind::Other(error.to_string()))],
    }
}

fn is_response_section(pointer: &str) -> bool {
    pointer
        .strip_prefix('/')
        .is_some_and(|key| crate::template::RESPONSE_SECTIONS.contains(&key))
}

/// Whether a `oneOf` error comes from a response's exactly-one-of pairs (`allOf/N/oneOf`).
fn is_exactly_one(error: &jsonschema::ValidationError) -> bool {
    error.schema_path().as_str().contains("/allOf/")
}

/// "Single(String)" -> "text"; what the schema expected, in words.
fn type_words(debug: &str) -> String {
    let words = [
        ("String", "text"),
        ("Integer", "a whole number"),
        ("Number", "a number"),
        ("Boolean", "true or false"),
        ("Array", "a list"),
        ("Object", "a mapping of keys to values"),
    ];
    let found: Vec<&str> = words
        .iter()
        .filter(|(t, _)| debug.contains(t))
        .map(|(_, w)| *w)
        .collect();
    if found.is_empty() {
        "another kind of value".to_owned()
    } else {
        found.join(" or ")
    }
}

fn check(ctx: &Context, out: &mut Findings) {
    let Some(root) = ctx.root() else { return };
    let mut lookup = Lookup::default();
    for issue in ctx.schema_issues() {
        if let Some((span, message, fixes)) = describe(root, issue, &mut lookup) {
            out.add_with_fixes(span, message, fixes);
        }
    }
}

/// The last segment of a pointer, for messages.
fn field_name(pointer: &str) -> &str {
    pointer.rsplit('/').next().unwrap_or(pointer)
}

/// The span to report an issue about the mapping at `pointer`: its key, or for a list item its
/// first key, or the node itself.
pub fn anchor_span(root: &Node, pointer: &str) -> Span {
    let Some((node, key)) = root.pointer_entry(pointer) else {
        return root.span;
    };
    match (key, node.as_map().first()) {
        (Some(key), _) => key,
        (None, Some(first)) => first.key_span,
        (None, None) => node.span,
    }
}

type Described = (Span, String, Vec<Fix>);

/// Finds the nodes issues point at. Issues come in document order, one per unknown key, so the
/// last node found is reused and a mapping with many keys is indexed once: a file with 200,000
/// unknown keys stays linear (and the keys the schema allows there are listed once).
#[derive(Default)]
struct Lookup<'a> {
    pointer: Option<String>,
    found: Option<(&'a Node, Option<Span>)>,
    keys: Option<HashMap<&'a str, &'a Entry>>,
    known: Option<Vec<String>>,
}

impl<'a> Lookup<'a> {
    fn node(&mut self, root: &'a Node, pointer: &str) -> Option<(&'a Node, Option<Span>)> {
        if self.pointer.as_deref() != Some(pointer) {
            self.pointer = Some(pointer.to_owned());
            self.found = root.pointer_entry(pointer);
            self.keys = None;
            self.known = None;
        }
        self.found
    }

    /// An entry of the node last found.
    fn entry(&mut self, node: &'a Node, key: &str) -> Option<&'a Entry> {
        let entries = node.as_map();
        if entries.len() < 32 {
            return node.entry(key);
        }
        let keys = self
            .keys
            .get_or_insert_with(|| entries.iter().map(|e| (e.key.as_str(), e)).collect());
        keys.get(key).copied()
    }
}

fn describe<'a>(root: &'a Node, issue: &SchemaIssue, lookup: &mut Lookup<'a>) -> Option<Described> {
    let pointer = issue.pointer.as_str();
    let (node, key) = lookup.node(root, pointer)?;
    let at_value = visible_span(node, key);
    let name = field_name(pointer);
    Some(match &issue.kind {
        IssueKind::UnknownKey(unknown) => {
            let entry = lookup.entry(node, unknown)?;
            let known = lookup.known.get_or_insert_with(|| known_keys(pointer));
            unknown_key(entry, known, unknown)
        }
        IssueKind::Required(property) => {
            // Template sections have their own rule.
            if crate::template::missing_title(&format!("{pointer}/{property}")).is_some() {
                return None;
            }
            let allowed = if property == "status" {
                status_list()
            } else {
                String::new()
            };
            let span = anchor_span(root, pointer);
            (
                span,
                format!("missing required key `{property}`{allowed}"),
                Vec::new(),
            )
        }
        IssueKind::Type(expected) => {
            if node.is_null() && is_text_field(pointer) {
                return None; // `empty-section` explains it better.
            }
            if pointer.is_empty() {
                let message = "a response file must be a mapping of keys to values (`policing_body: ...`); start from `section55 new`".to_owned();
                (at_value, message, Vec::new())
            } else if node.is_null() {
                (
                    at_value,
                    format!("`{name}` is empty: expected {expected}"),
                    Vec::new(),
                )
            } else {
                (
                    at_value,
                    format!("`{name}` must be {expected}, not {}", node.kind_name()),
                    Vec::new(),
                )
            }
        }
        IssueKind::Enum(options) => {
            let given = node.as_str().unwrap_or_default();
            let best = suggest::best(given, options.iter().map(String::as_str));
            let hint = best
                .as_ref()
                .map(|b| format!(" (did you mean `{b}`?)"))
                .unwrap_or_default();
            let fixes = best
                .map(|b| {
                    let applicability = suggest::applicability(given, &b);
                    vec![Fix::replace(
                        applicability,
                        format!("Change to `{b}`"),
                        at_value,
                        b,
                    )]
                })
                .unwrap_or_default();
            let message = format!(
                "`{given}` is not an allowed {name}{hint}; use one of: {}",
                options.join(", ")
            );
            (at_value, message, fixes)
        }
        IssueKind::Format(format) if format == "date" => {
            let given = node.as_str().unwrap_or_default();
            let reading = crate::dates::parse_written_date(given);
            let fixes = reading
                .map(|d| {
                    let iso = d.format("%Y-%m-%d").to_string();
                    vec![Fix::replace(
                        Applicability::Safe,
                        format!("Write the date as {iso}"),
                        at_value,
                        iso,
                    )]
                })
                .unwrap_or_default();
            let message = match reading {
                Some(d) => format!(
                    "`{given}` must be written year first, as YYYY-MM-DD: {}{}",
                    if crate::dates::is_day_first(given) {
                        "read day first, as in the UK, it is "
                    } else {
                        ""
                    },
                    d.format("%Y-%m-%d"),
                ),
                None if crate::dates::looks_numeric(given) => format!(
                    "`{given}` is not a date that exists: check the day and the month (February has 29 days only in leap years)"
                ),
                None => format!(
                    "`{given}` is not a date: write it year first, as YYYY-MM-DD (24 October 2025 is 2025-10-24)"
                ),
            };
            (at_value, message, fixes)
        }
        IssueKind::Format(format) => (
            at_value,
            format!("`{name}` is not a valid {format}"),
            Vec::new(),
        ),
        IssueKind::MinItems => (
            at_value,
            format!("`{name}` must list at least one entry"),
            Vec::new(),
        ),
        IssueKind::Minimum => (
            at_value,
            "ids are positive whole numbers, as numbered in the report (1, 2, 3, ...)".to_owned(),
            Vec::new(),
        ),
        IssueKind::ExactlyOne(a, b) => exactly_one(node, a, b),
        IssueKind::Other(message) => (at_value, message.clone(), Vec::new()),
    })
}

fn status_list() -> String {
    let all: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    format!(" (one of: {})", all.join(", "))
}

fn unknown_key(entry: &Entry, known: &[String], unknown: &str) -> Described {
    let best = suggest::best(unknown, known.iter().map(String::as_str));
    let message = match &best {
        Some(b) => format!("unknown key `{unknown}` (did you mean `{b}`?)"),
        None => format!(
            "unknown key `{unknown}`; allowed here: {}",
            known.join(", ")
        ),
    };
    let fixes = best
        .map(|b| {
            let applicability = suggest::applicability(unknown, &b);
            vec![Fix::replace(
                applicability,
                format!("Rename to `{b}`"),
                entry.key_span,
                b,
            )]
        })
        .unwrap_or_default();
    (entry.key_span, message, fixes)
}

/// The keys the schema allows in the mapping at `pointer`.
pub fn known_keys(pointer: &str) -> Vec<String> {
    let mut at = crate::schema::schema();
    for segment in pointer.split('/').skip(1) {
        at = resolve(at);
        at = match at.get("properties").and_then(|p| p.get(segment)) {
            Some(prop) => prop,
            None if segment.parse::<usize>().is_ok() => match at.get("items") {
                Some(items) => items,
                None => return Vec::new(),
            },
            None => return Vec::new(),
        };
    }
    let at = resolve(at);
    at.get("properties")
        .and_then(Json::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

fn exactly_one(node: &Node, a: &str, b: &str) -> Described {
    let statute = if a == "action" {
        " (s.55(5B)(a) or (b))"
    } else {
        ""
    };
    match (node.entry(a), node.entry(b)) {
        (Some(x), Some(y)) => {
            let second = if x.key_span.start > y.key_span.start {
                x
            } else {
                y
            };
            (
                second.key_span,
                format!(
                    "a response gives either `{a}` or `{b}`, not both{statute}; split it in two or remove one"
                ),
                Vec::new(),
            )
        }
        _ => {
            let span = node.as_map().first().map_or(node.span, |e| e.key_span);
            (
                span,
                format!("this response needs `{a}` or `{b}`{statute}"),
                Vec::new(),
            )
        }
    }
}
