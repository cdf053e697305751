//! `missing-section` and `empty-section`: the template's sections are all there and written.

use super::code;
use super::context::visible_span;
use super::schema::IssueKind;
use super::{Context, Doc, Findings, Rule};
use crate::config::Profile;
use crate::diagnostic::{Applicability, Fix, Pos, Severity, Span};
use crate::document::{Entry, LineIndex, Node, Value};
use crate::template::{
    self, Fill, INSPECTION, INSPECTION_FIELDS, Required, SECTIONS, TEXT_FIELDS, placeholder,
};

pub const RULES: &[Rule] = &[
    Rule {
        name: code::MISSING_SECTION,
        severity: Severity::Error,
        summary: "A required template section is absent",
        doc: Doc {
            what: "Reports each required section of the response template that the file does not have, named as the template names it (\"Key Findings\", \"Section 55 Response Deadline\", \"Link to Report\", ...), one finding per section.",
            why: "The published response must carry the same sections as every other response the office publishes, and s.55(5) requires the body's comments, the chief officer's comments and the body's response to them: a response without them does not meet the statute.",
            example: "policing_body: Police and Crime Commissioner for Norfolk\nforce: Norfolk Constabulary\n# no inspection, response_deadline, key_findings, ... sections",
            fix: "Add the section (the language server's quick fix inserts a skeleton in template order). Lists the report did not have are written as `recommendations: []` and `areas_for_improvement: []`.",
        },
        fixes: &[Applicability::Unsafe],
        check: check_missing,
    },
    Rule {
        name: code::EMPTY_SECTION,
        severity: Severity::Error,
        summary: "A required text is empty, only whitespace, or still a placeholder",
        doc: Doc {
            what: "Reports required texts (the policing body, the force, the inspection title, key findings, each recommendation's and area for improvement's text, both responses, and each per-item action or reason) that are empty, only whitespace, or a placeholder: TBC, TBD, TODO, xxx, lorem ipsum, [insert ...]. Also an empty list of recommendations or areas for improvement that still has the `# TODO` comment `section55 new` writes after it: `[]` means \"the report had none\", and nobody has confirmed that yet.",
            why: "An empty or placeholder section passes a structural check but publishes a response that says nothing. s.55(5B) requires an explanation for every recommendation; \"TBC\" is not one.",
            example: "key_findings: TBC\npcc_response:\n  text: \"\"",
            fix: "Write the text. `section55 new` fills new files with TODO placeholders precisely so this rule lists what is left to write. For an empty list, list the items, or delete the `# TODO` comment to confirm the report had none.",
        },
        fixes: &[Applicability::Unsafe],
        check: check_empty,
    },
];

/// With at most this many of the template's sections, a file is not a response yet: one finding
/// says how to start one, instead of one per missing section.
const STARTED_FROM: usize = 1;

fn check_missing(ctx: &Context, out: &mut Findings) {
    let Some(root) = ctx.root() else { return };
    let office = &ctx.config.required_sections;
    let present: Vec<&Entry> = SECTIONS.iter().filter_map(|s| root.entry(s.key)).collect();
    if present.len() <= STARTED_FROM {
        out.add(
            not_started_span(root, &present),
            not_started_message(&present),
        );
        return;
    }
    for issue in ctx.schema_issues() {
        let IssueKind::Required(key) = &issue.kind else {
            continue;
        };
        let pointer = format!("{}/{key}", issue.pointer);
        let Some(section) = template::section(&pointer) else {
            continue;
        };
        let template_only = section.required == Required::Template;
        let statutory = ctx.config.profile == Profile::Statutory;
        if template_only && statutory && !office.contains(key) {
            continue;
        }
        let why = if template_only {
            " (a section of the template; section 55 itself does not require it)"
        } else {
            ""
        };
        report_missing(ctx, root, &issue.pointer, section, why, out);
    }
    // Sections the office requires on top of the profile.
    for key in office {
        let section = template::section(&format!("/{key}"));
        let section = section.filter(|s| s.required == Required::Optional);
        if let Some(section) = section.filter(|_| root.entry(key).is_none()) {
            let why = " (your office requires it: `required_sections` in section55.toml)";
            report_missing(ctx, root, "", section, why, out);
        }
    }
    for section in template::RESPONSE_SECTIONS {
        missing_response_text(root, section, out);
    }
}

/// A missing section at the place it belongs, with its skeleton as the fix.
fn report_missing(
    ctx: &Context,
    root: &Node,
    parent: &str,
    section: &template::Section,
    why: &str,
    out: &mut Findings,
) {
    let key = section.key;
    let (span, fix) = if parent.is_empty() {
        top_level_placement(ctx, root, ctx.lines(), key)
    } else {
        inspection_placement(ctx, root, ctx.lines(), key)
    };
    let empty_list = matches!(key, "recommendations" | "areas_for_improvement");
    let hint = if empty_list {
        format!("; write `{key}: []` if the report made none")
    } else {
        String::new()
    };
    let message = format!("missing section \"{}\" (`{key}`){hint}{why}", section.title);
    out.add_with_fixes(span, message, fix.into_iter().collect());
}

fn not_started_span(root: &Node, present: &[&Entry]) -> Span {
    match present.first() {
        Some(entry) => entry.key_span,
        None => Span::at(root.span.start),
    }
}

/// What to run to start the response, with the force the file names, if any.
fn not_started_message(present: &[&Entry]) -> String {
    let force = present
        .iter()
        .find(|e| e.key == template::FORCE.key)
        .and_then(|e| e.value.as_str())
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map_or("Norfolk".to_owned(), |f| {
            if f.contains(' ') {
                format!("\"{f}\"")
            } else {
                f.to_owned()
            }
        });
    let has = match present.first() {
        Some(entry) => format!("it has only `{}`", entry.key),
        None => "it has none of the template's sections".to_owned(),
    };
    format!(
        "this file is not a response yet: {has}. Start from a file with every section: `section55 new {force} --title \"the report's title\" --published 2025-10-24 -o response.s55.yaml` (with your force, the report's title and its publication date; add --force to replace an existing file)"
    )
}

/// A response section without its `text`: required, except that the chief constable's section
/// may record that the chief officer was invited to comment (s.55(4)) and submitted none.
fn missing_response_text(root: &Node, section: &str, out: &mut Findings) {
    let Some(entry) = root.entry(section) else {
        return;
    };
    if !matches!(entry.value.value, Value::Map(_)) || entry.value.get("text").is_some() {
        return;
    }
    let chief = section == template::CHIEF_CONSTABLE_RESPONSE.key;
    if chief && entry.value.get("submitted").and_then(Node::as_bool) == Some(false) {
        return;
    }
    let title = template::missing_title(&format!("/{section}/text")).unwrap_or_default();
    let none = if chief {
        ", or, if the chief officer was invited to comment (s.55(4)) and submitted none, record `submitted: false` with `invited_on: YYYY-MM-DD`"
    } else {
        ""
    };
    let message = format!("missing \"{title}\" (`{section}.text`): write the comments{none}");
    out.add(entry.key_span, message);
}

/// Where to point at and insert a missing top-level section: before the next section in
/// template order that is present, else at the end of the file.
fn top_level_placement(
    ctx: &Context,
    root: &Node,
    lines: &LineIndex,
    key: &str,
) -> (Span, Option<Fix>) {
    let order = SECTIONS.iter().position(|s| s.key == key).unwrap_or(0);
    let entries = root.as_map();
    let previous = SECTIONS[..order]
        .iter()
        .rev()
        .find_map(|s| root.entry(s.key));
    let next = SECTIONS[order + 1..].iter().find_map(|s| root.entry(s.key));
    let span = previous
        .or(next)
        .or(entries.first())
        .map_or(root.span, |e| e.key_span);
    let insert_at = match next {
        Some(next) => Pos::new(next.key_span.start.line, 0),
        None => end_of_text(ctx.text, lines),
    };
    let fix = skeleton(ctx, key, "")
        .filter(|_| !is_flow(ctx.text, lines, root))
        .map(|text| insertion(insert_at, key, text));
    (span, fix)
}

/// Missing keys of `inspection` are reported at `inspection:` and inserted after its last key.
fn inspection_placement(
    ctx: &Context,
    root: &Node,
    lines: &LineIndex,
    key: &str,
) -> (Span, Option<Fix>) {
    let Some(entry) = root.entry("inspection") else {
        return (root.span, None);
    };
    let children = entry.value.as_map();
    let Some(last) = children.last() else {
        return (entry.key_span, None);
    };
    let indent = " ".repeat(children[0].key_span.start.col as usize);
    let end = last.value.span.end.max(last.key_span.end);
    let insert_at = if end.col == 0 {
        end
    } else {
        Pos::new(end.line + 1, 0)
    };
    let insert_at = if (insert_at.line as usize) < lines.line_count() {
        insert_at
    } else {
        end_of_text(ctx.text, lines)
    };
    let fix = skeleton(ctx, key, &indent)
        .filter(|_| !is_flow(ctx.text, lines, &entry.value))
        .map(|text| insertion(insert_at, key, text));
    (entry.key_span, fix)
}

/// Whether a mapping is written in flow style (`{a: 1}`): block skeletons cannot go into it.
fn is_flow(text: &str, lines: &LineIndex, node: &Node) -> bool {
    let line = lines.line(text, node.span.start.line as usize);
    line.chars().nth(node.span.start.col as usize) == Some('{')
}

fn end_of_text(text: &str, lines: &LineIndex) -> Pos {
    let last = lines.line_count().saturating_sub(1);
    Pos::new(last as u32, lines.line(text, last).chars().count() as u32)
}

fn insertion(at: Pos, key: &str, body: String) -> Fix {
    // At the end of a last line without a line break, start a new line first.
    let body = if at.col > 0 {
        format!("\n{body}")
    } else {
        body
    };
    Fix::replace(
        Applicability::Unsafe,
        format!("Insert the `{key}` section"),
        Span::at(at),
        body,
    )
}

/// The text of a missing section from the template's skeleton, indented by `indent`, with
/// placeholders `empty-section` flags. `None` when it needs a value the file does not give.
fn skeleton(ctx: &Context, key: &str, indent: &str) -> Option<String> {
    let value = |name: &str| match name {
        "deadline" => ctx.last_day().map(|d| d.format("%Y-%m-%d").to_string()),
        "published" => Some("YYYY-MM-DD".to_owned()),
        _ => None,
    };
    let body = match key {
        "inspection" => std::iter::once(INSPECTION.skeleton)
            .chain(INSPECTION_FIELDS.iter().map(|f| f.skeleton))
            .collect::<Vec<_>>()
            .join("\n  "),
        // A lone `published:` is not inserted without the date.
        "published" => return None,
        _ => template::section(&format!("/{key}"))
            .or_else(|| template::section(&format!("/inspection/{key}")))?
            .skeleton
            .to_owned(),
    };
    let mut body = template::fill(&body, indent, Fill::Plain, &value)?;
    body.push('\n');
    Some(body)
}

/// Whether `pointer` is one of the required texts.
pub fn is_text_field(pointer: &str) -> bool {
    let pattern = pointer
        .split('/')
        .map(|s| {
            if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
                "*"
            } else {
                s
            }
        })
        .collect::<Vec<_>>()
        .join("/");
    TEXT_FIELDS.iter().any(|(p, _)| *p == pattern)
}

/// An empty list followed on its line by a placeholder comment (`recommendations: [] # TODO`),
/// as `new` writes it: `[]` means "the report had none", which nobody has confirmed yet.
fn check_unconfirmed_empty_lists(ctx: &Context, root: &Node, out: &mut Findings) {
    for section in template::UNCONFIRMED_LISTS {
        let Some(entry) = root.entry(section.key) else {
            continue;
        };
        if !matches!(&entry.value.value, Value::Seq(items) if items.is_empty()) {
            continue;
        }
        let end = entry.value.span.end;
        let line = ctx.lines().line(ctx.text, end.line as usize);
        let rest: String = line.chars().skip(end.col as usize).collect();
        let Some(comment) = rest.trim_start().strip_prefix('#') else {
            continue;
        };
        if placeholder(comment).is_none() {
            continue;
        }
        let to_line_end = Span::new(end, Pos::new(end.line, line.chars().count() as u32));
        // Unsafe: only a person can confirm the report had none.
        let fix = Fix::replace(
            Applicability::Unsafe,
            "Confirm there were none: delete the TODO comment",
            to_line_end,
            "",
        );
        out.add_with_fixes(
            entry.value.span,
            format!(
                "{} is still a placeholder (`[] # TODO`): list them here, or delete the TODO comment to confirm the report had none",
                section.title
            ),
            vec![fix],
        );
    }
}

fn check_empty(ctx: &Context, out: &mut Findings) {
    let Some(root) = ctx.root() else { return };
    check_unconfirmed_empty_lists(ctx, root, out);
    let no_chief_comments = root
        .pointer("/chief_constable_response/submitted")
        .and_then(Node::as_bool)
        == Some(false);
    for (pattern, name) in TEXT_FIELDS {
        if no_chief_comments && *pattern == "/chief_constable_response/text" {
            continue;
        }
        for (node, key) in expand(root, pattern) {
            let span = visible_span(node, key);
            match &node.value {
                Value::Null => out.add(span, format!("{} is empty: write it", capitalise(name))),
                Value::Str(s) if s.trim().is_empty() => {
                    out.add(span, format!("{} is empty: write it", capitalise(name)))
                }
                Value::Str(s) => {
                    if let Some(placeholder) = placeholder(s) {
                        out.add(span, format!("{} is still a placeholder (`{placeholder}`): replace it with the real text", capitalise(name)));
                    }
                }
                _ => {}
            }
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The nodes a pointer pattern matches, in document order, each with its key's span when it
/// is a mapping value: found in one walk that holds one position per level of the pattern (not
/// a list of the matches: a large response's answers are tens of thousands), without building a
/// pointer per node and looking it up again.
pub(super) fn expand<'n>(
    root: &'n Node,
    pattern: &str,
) -> impl Iterator<Item = (&'n Node, Option<Span>)> {
    let segments: Vec<&str> = pattern.split('/').skip(1).collect();
    // For each level reached: the nodes left to visit there and the key they are under.
    let mut levels = vec![(std::slice::from_ref(root).iter(), None)];
    std::iter::from_fn(move || {
        loop {
            let (nodes, key) = levels.last_mut()?;
            let (next, key) = (nodes.next(), *key);
            let Some(node) = next else {
                levels.pop();
                continue;
            };
            // The nodes at level `d` have matched the pattern's first `d` segments.
            match segments.get(levels.len() - 1) {
                None => return Some((node, key)),
                Some(&"*") => levels.push((node.as_seq().iter(), None)),
                Some(segment) => {
                    if let Some(e) = node.entry(segment) {
                        levels.push((std::slice::from_ref(&e.value).iter(), Some(e.key_span)));
                    }
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::parse;

    #[test]
    fn expand_finds_every_match_in_document_order_with_its_key() {
        let text = "a:\n  - b: one\n  - c: none\n  - b: [two, three]\n  - b: four\nb: top\n";
        let root = parse(text).root.expect("a tree");
        let found = |pattern| -> Vec<(String, Option<u32>)> {
            expand(&root, pattern)
                .map(|(node, key)| {
                    let value = match node.as_str() {
                        Some(s) => s.to_owned(),
                        None => format!("{} items", node.as_seq().len()),
                    };
                    (value, key.map(|k| k.start.line))
                })
                .collect()
        };
        let b = |v: &str, line| (v.to_owned(), Some(line));
        assert_eq!(
            found("/a/*/b"),
            [b("one", 1), b("2 items", 3), b("four", 4)]
        );
        assert_eq!(
            found("/a/*/b/*"),
            [("two".to_owned(), None), ("three".to_owned(), None)]
        );
        assert_eq!(found("/b"), [b("top", 5)]);
        assert_eq!(found("/a/*/missing"), []);
        assert_eq!(found("/b/*"), []);
        // No segment: the root itself (a mapping, so no items).
        assert_eq!(found(""), [("0 items".to_owned(), None)]);
    }
}
