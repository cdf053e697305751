//! Inline suppression: `# section55: ignore[rule, other-rule] reason` on the line of a finding or
//! the line above silences those rules there. `unused-ignore` reports comments that silence
//! nothing.

use super::code;
use super::{Context, Doc, Findings, Rule};
use crate::config::Config;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Pos, Severity, Span};
use crate::document::{LineIndex, Node, Value};
use crate::suggest;

const MARKER: &str = "# section55: ignore[";

pub const RULES: &[Rule] = &[Rule {
    name: code::UNUSED_IGNORE,
    severity: Severity::Info,
    summary: "An inline `# section55: ignore[...]` comment silences nothing",
    doc: Doc {
        what: "Reports a rule named in an inline `# section55: ignore[rule] reason` comment that silences no finding on that line or the line below, and rule names that do not exist.",
        why: "A stale suppression hides the next real finding at that place, and a misspelt rule name suppresses nothing while looking as if it does.",
        example: "# section55: ignore[overdue] published late with the panel's agreement\nresponse_deadline: 2025-12-18    # nothing here is overdue any more",
        fix: "Remove the comment (the quick fix does), or correct the rule name. `section55 rules` lists the names.",
    },
    // Runs after all other rules, in `apply`.
    fixes: &[Applicability::Safe],
    check: no_check,
}];

fn no_check(_: &Context, _: &mut Findings) {}

/// One rule named in an ignore comment.
struct Named {
    rule: String,
    span: Span,
    used: bool,
}

struct Comment {
    line: u32,
    /// From `#` to the end of the line.
    span: Span,
    /// Whether only whitespace precedes the comment on its line.
    own_line: bool,
    rules: Vec<Named>,
}

/// A rule name's place in an ignore comment's list, `# section55: ignore[a, b]`, for hover and
/// completion in the editor. Columns are characters of the line; the list may be half typed
/// (no `]` yet).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IgnoreSlot {
    /// The name written there (empty where a new one is being typed).
    pub name: String,
    pub start: u32,
    pub end: u32,
}

/// The slot of the ignore list at column `col` of `line`, if the cursor is inside one.
pub fn ignore_slot_at(line: &str, col: u32) -> Option<IgnoreSlot> {
    let start = line.find(MARKER)?;
    let before = &line[..start];
    if !(before.is_empty() || before.ends_with([' ', '\t'])) {
        return None;
    }
    let list_start = start + MARKER.len();
    let list_end = line[list_start..]
        .find(']')
        .map_or(line.len(), |i| list_start + i);
    let at = line
        .char_indices()
        .nth(col as usize)
        .map_or(line.len(), |(i, _)| i);
    if at < list_start || at > list_end {
        return None;
    }
    let chars = |byte: usize| line[..byte].chars().count() as u32;
    let part_start = line[list_start..at]
        .rfind(',')
        .map_or(list_start, |i| list_start + i + 1);
    let part_end = line[at..list_end].find(',').map_or(list_end, |i| at + i);
    let part = &line[part_start..part_end];
    let name_start = part_start + (part.len() - part.trim_start().len());
    let name_end = (part_start + part.trim_end().len()).max(name_start);
    Some(IgnoreSlot {
        name: line[name_start..name_end].to_owned(),
        start: chars(name_start),
        end: chars(name_end),
    })
}

fn parse_comments(text: &str, lines: &LineIndex) -> Vec<Comment> {
    let mut comments = Vec::new();
    for n in 0..lines.line_count() {
        let line = lines.line(text, n);
        let Some(start) = line.find(MARKER) else {
            continue;
        };
        let before = &line[..start];
        if !(before.is_empty() || before.ends_with([' ', '\t'])) {
            continue;
        }
        let list_start = start + MARKER.len();
        let Some(len) = line[list_start..].find(']') else {
            continue;
        };
        let col = |byte: usize| line[..byte].chars().count() as u32;
        let mut rules = Vec::new();
        let mut offset = list_start;
        for part in line[list_start..list_start + len].split(',') {
            let name = part.trim();
            let name_start = offset + (part.len() - part.trim_start().len());
            if !name.is_empty() {
                let span = Span::new(
                    Pos::new(n as u32, col(name_start)),
                    Pos::new(n as u32, col(name_start + name.len())),
                );
                rules.push(Named {
                    rule: name.to_owned(),
                    span,
                    used: false,
                });
            }
            offset += part.len() + 1;
        }
        let span = Span::new(
            Pos::new(n as u32, col(start)),
            Pos::new(n as u32, col(line.len())),
        );
        comments.push(Comment {
            line: n as u32,
            span,
            own_line: before.trim().is_empty(),
            rules,
        });
    }
    comments
}

/// The file's ignore comments, in line order, each rule named in them marked once it silences
/// a finding.
#[derive(Default)]
pub(super) struct Suppressions {
    comments: Vec<Comment>,
}

impl Suppressions {
    pub fn new(ctx: &Context) -> Self {
        if !ctx.text.contains(MARKER) {
            return Self::default();
        }
        let mut comments = parse_comments(ctx.text, ctx.lines());
        // The marker inside a text (a block scalar, a quoted string) is text, not a comment.
        if let Some(root) = &ctx.doc.root {
            comments.retain(|c| !inside_text(root, c.span.start));
        }
        Suppressions { comments }
    }

    /// Whether a comment on `line` or the line above silences `rule` (and marks it used).
    pub fn silence(&mut self, rule: &str, line: u32) -> bool {
        let from = self
            .comments
            .partition_point(|c| c.line.saturating_add(1) < line);
        self.comments[from..]
            .iter_mut()
            .take_while(|c| c.line <= line)
            .find_map(|c| c.rules.iter_mut().find(|r| r.rule == rule))
            .map(|named| named.used = true)
            .is_some()
    }

    /// Reports the rules named in ignore comments that silenced nothing.
    pub fn report_unused(&self, ctx: &Context, config: &Config, out: &mut Findings) {
        for comment in &self.comments {
            unused_findings(ctx.text, ctx.lines(), comment, config, out);
        }
    }
}

/// Whether `pos` falls inside a text value of the tree.
fn inside_text(node: &Node, pos: Pos) -> bool {
    match &node.value {
        Value::Str(_) => node.span.start <= pos && pos < node.span.end,
        Value::Map(entries) => entries.iter().any(|e| inside_text(&e.value, pos)),
        Value::Seq(items) => items.iter().any(|n| inside_text(n, pos)),
        _ => false,
    }
}

fn unused_findings(
    text: &str,
    lines: &LineIndex,
    comment: &Comment,
    config: &Config,
    out: &mut Findings,
) {
    let all_unused = comment.rules.iter().all(|r| !r.used);
    for named in comment.rules.iter().filter(|r| !r.used) {
        let message = match super::find(&named.rule) {
            // A rule switched off in configuration cannot fire, so its ignore is not stale.
            Some(rule) if super::severity_of(rule, config).is_none() => continue,
            Some(_) => format!(
                "this ignore comment silences no `{}` finding here: remove it",
                named.rule
            ),
            None => format!(
                "there is no rule `{}`{}; `section55 rules` lists them",
                named.rule,
                suggest::did_you_mean(&named.rule, super::names())
            ),
        };
        let fixes = if all_unused {
            vec![removal(text, lines, comment)]
        } else {
            Vec::new()
        };
        out.add_with_fixes(named.span, message, fixes);
    }
}

/// Removes the comment: its whole line when it stands alone, else the comment and the space
/// before it.
fn removal(text: &str, lines: &LineIndex, comment: &Comment) -> Fix {
    let span = if comment.own_line {
        Span::new(Pos::new(comment.line, 0), Pos::new(comment.line + 1, 0))
    } else {
        let line = lines.line(text, comment.line as usize);
        let before: String = line.chars().take(comment.span.start.col as usize).collect();
        let start = before.trim_end().chars().count() as u32;
        Span::new(Pos::new(comment.line, start), comment.span.end)
    };
    Fix::replace(Applicability::Safe, "Remove the ignore comment", span, "")
}

/// A fix that silences `d` with an ignore comment on the line above, at the same indentation.
pub fn ignore_fix(text: &str, d: &Diagnostic) -> Fix {
    let lines = LineIndex::new(text);
    let line = lines.line(text, d.span.start.line as usize);
    let indent: String = line.chars().take_while(|c| *c == ' ').collect();
    let new_text = format!("{indent}# section55: ignore[{}] reason: \n", d.rule);
    // Unsafe: silencing a finding is a person's decision, never a fix applied unread.
    Fix::replace(
        Applicability::Unsafe,
        format!("Ignore `{}` here", d.rule),
        Span::at(Pos::new(d.span.start.line, 0)),
        new_text,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(line: &str, col: u32) -> Option<(String, u32, u32)> {
        ignore_slot_at(line, col).map(|s| (s.name, s.start, s.end))
    }

    #[test]
    fn the_slot_under_the_cursor_in_an_ignore_list() {
        let line = "  # section55: ignore[overdue, deadline-off-by-one] reason";
        let first = line.find("overdue").unwrap_or_default() as u32;
        assert_eq!(
            slot(line, first + 2),
            Some(("overdue".into(), first, first + 7))
        );
        let second = line.find("deadline").unwrap_or_default() as u32;
        assert_eq!(
            slot(line, second),
            Some(("deadline-off-by-one".into(), second, second + 19))
        );
        assert_eq!(slot(line, 1), None, "before the list");
        assert_eq!(slot(line, line.len() as u32 - 2), None, "after the list");
        // Half typed, with accents before it: columns are characters.
        let typed = "é: x # section55: ignore[dead";
        let end = typed.chars().count() as u32;
        assert_eq!(slot(typed, end), Some(("dead".into(), end - 4, end)));
        let empty = "# section55: ignore[";
        assert_eq!(slot(empty, 20), Some((String::new(), 20, 20)));
        assert_eq!(
            slot("text# section55: ignore[x]", 25),
            None,
            "not a comment"
        );
    }
}
