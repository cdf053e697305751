//! YAML slips: what people used to Word and Outlook type into a YAML file, said in plain words at
//! the character at fault, with a fix. Two rules for slips that are valid YAML but lose or change
//! text (`comment-in-text`, `curly-quotes`); the slips that break the syntax (a colon in a text,
//! a non-breaking space, an unindented block, a tab) are explained here for `invalid-yaml`, in
//! place of the parser's wording.

use super::code;
use super::sections::expand;
use super::{Context, Doc, Findings, Rule};
use crate::diagnostic::{Applicability, Fix, Pos, Severity, Span, TextEdit};
use crate::document::{Node, SyntaxError, Value};
use crate::template::{TEXT_FIELDS, placeholder};

pub const RULES: &[Rule] = &[
    Rule {
        name: code::COMMENT_IN_TEXT,
        severity: Severity::Warning,
        summary: "A ` #` in a one-line text starts a YAML comment, so the rest of the line is not part of the text",
        doc: Doc {
            what: "Reports a comment that follows an unquoted one-line text in a field that is published (key findings, recommendations, responses, actions, ...). Comments of the form `# section55: ignore[...]` are left alone.",
            why: "In YAML, a space followed by `#` starts a comment, which is dropped without a word: \"Supervisors now review #stopsearch records\" is published as \"Supervisors now review\".",
            example: "pcc_response:\n  responses:\n    - recommendation: 1\n      action: Supervisors now review #stopsearch records",
            fix: "Put the whole text in double quotes, or write it as a block: `action: >-` with the text on the next line, indented under the key (the quick fixes do either).",
        },
        fixes: &[Applicability::Unsafe],
        check: check_comments,
    },
    Rule {
        name: code::CURLY_QUOTES,
        severity: Severity::Warning,
        summary: "A value is wrapped in typographic quotes (“…” or ‘…’), which YAML keeps as part of the text",
        doc: Doc {
            what: "Reports a value that starts and ends with curly quotes, as Word and Outlook type them.",
            why: "Only straight quotes (\" and ') are YAML quotes. Curly ones become part of the value: `force: “Norfolk”` names a force called “Norfolk”, quotes included, which no catalogue knows, and the published page shows the quotes.",
            example: "force: “Norfolk Constabulary”",
            fix: "Use straight double quotes, or none (the quick fix replaces them).",
        },
        fixes: &[Applicability::Safe],
        check: check_curly_quotes,
    },
];

/// What `invalid-yaml` reports for one of the parser's errors: the slip behind it, said plainly,
/// when there is one.
pub struct Explained {
    pub span: Span,
    pub message: String,
    pub fixes: Vec<Fix>,
}

/// A plainer account of a syntax error, when a known slip caused it.
pub fn explain(ctx: &Context, error: &SyntaxError) -> Option<Explained> {
    let at = error.span.start;
    let message = error.message.as_str();
    if message.contains("tabs") {
        return tab_indentation(ctx, at);
    }
    if message.contains("must be followed by a space") {
        return tab_after_colon(ctx, at);
    }
    if message.starts_with("the file is not well-formed YAML") {
        return unindented_block(ctx, at).or_else(|| colon_in_text(ctx, at));
    }
    None
}

/// Non-breaking spaces (U+00A0) where YAML needs a space: in the indentation, or after a key's
/// colon or a list's dash. Word and Outlook put them there; YAML reads them as text.
pub fn non_breaking_spaces(ctx: &Context) -> Vec<Explained> {
    if !ctx.text.contains('\u{a0}') {
        return Vec::new();
    }
    let lines = ctx.lines();
    let mut found = Vec::new();
    for n in 0..lines.line_count() {
        let line = lines.line(ctx.text, n);
        let Some(col) = structural_nbsp(line) else {
            continue;
        };
        let at = Pos::new(n as u32, col as u32);
        let span = Span::new(at, Pos::new(at.line, at.col + 1));
        let place = if line.chars().take(col).all(|c| c == ' ' || c == '\u{a0}') {
            "in the indentation"
        } else {
            "after the colon"
        };
        found.push(Explained {
            span,
            message: format!(
                "a non-breaking space (U+00A0, as Word and Outlook type it) {place}: YAML needs an ordinary space here, so it reads this line as text; replace it with a space"
            ),
            fixes: vec![Fix::replace(
                Applicability::Safe,
                "Replace the non-breaking space with a space",
                span,
                " ",
            )],
        });
    }
    found
}

/// The column of the first non-breaking space on `line` that stands where YAML needs a space:
/// in the indentation of a key or list item, or right after a key's colon.
fn structural_nbsp(line: &str) -> Option<usize> {
    let chars: Vec<char> = line.chars().collect();
    let lead = chars
        .iter()
        .position(|c| !matches!(c, ' ' | '\u{a0}' | '-'))
        .unwrap_or(chars.len());
    let content: String = chars[lead..].iter().collect();
    let is_item =
        chars[..lead].contains(&'-') || content.split_once(':').is_some_and(|(key, _)| is_key(key));
    if let Some(col) = chars[..lead].iter().position(|c| *c == '\u{a0}')
        && is_item
    {
        return Some(col);
    }
    let colon = chars.iter().position(|c| *c == ':')?;
    let before: String = chars[..colon].iter().collect();
    (chars.get(colon + 1) == Some(&'\u{a0}') && is_key(&before)).then_some(colon + 1)
}

/// Whether `text` (what comes before a colon) is a plain key, after indentation and list dashes.
fn is_key(text: &str) -> bool {
    let key = text.trim_start_matches([' ', '-', '\u{a0}']);
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '$' | '-'))
}

/// A one-line `key: value` line: the column of the value and the key's column.
struct KeyLine<'l> {
    key_col: usize,
    key: &'l str,
    value_col: usize,
    value: &'l str,
}

fn key_line(line: &str) -> Option<KeyLine<'_>> {
    let (before, _) = line.split_once(": ")?;
    if !is_key(before) {
        return None;
    }
    let key = before.trim_start_matches([' ', '-']);
    let key_col = before.chars().count() - key.chars().count();
    let rest = &line[before.len() + 1..];
    let value = rest.trim_start();
    let value_col = before.chars().count() + 1 + (rest.chars().count() - value.chars().count());
    Some(KeyLine {
        key_col,
        key,
        value_col,
        value: value.trim_end(),
    })
}

/// `"text"`, escaped for YAML's double quotes.
fn double_quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The two fixes for a one-line text that YAML misreads: quote it, or make it a block. Safe
/// where the text is what the person wrote (a colon in it), unsafe where quoting would add to
/// the value what YAML reads as a comment today.
fn text_fixes(applicability: Applicability, span: Span, text: &str, key_col: usize) -> Vec<Fix> {
    let indent = " ".repeat(key_col + 2);
    vec![
        Fix::replace(
            applicability,
            "Put the text in double quotes",
            span,
            double_quoted(text),
        ),
        Fix::replace(
            applicability,
            "Write the text as a block (`>-`)",
            span,
            format!(">-\n{indent}{text}"),
        ),
    ]
}

/// The text of a value without wrapping curly quotes, if it has them.
fn without_curly_quotes(text: &str) -> Option<&str> {
    [('“', '”'), ('‘', '’')]
        .iter()
        .find_map(|(open, close)| text.strip_prefix(*open)?.strip_suffix(*close))
}

/// `key: text with: a colon`: YAML reads the second `: ` as a new key.
fn colon_in_text(ctx: &Context, at: Pos) -> Option<Explained> {
    let line = ctx.lines().line(ctx.text, at.line as usize);
    if line.chars().nth(at.col as usize) != Some(':') {
        return None;
    }
    let kl = key_line(line)?;
    if kl.value_col > at.col as usize || kl.value.starts_with(['"', '\'', '[', '{', '|', '>']) {
        return None;
    }
    let span = Span::new(
        Pos::new(at.line, kl.value_col as u32),
        Pos::new(at.line, (kl.value_col + kl.value.chars().count()) as u32),
    );
    let (text, curly) = match without_curly_quotes(kl.value) {
        Some(inner) => (inner, " (curly quotes “…” are not YAML quotes)"),
        None => (kl.value, ""),
    };
    Some(Explained {
        span: Span::new(at, Pos::new(at.line, at.col + 1)),
        message: format!(
            "this text contains \": \", which YAML reads as the start of a new key{curly}: put the whole text in double quotes, or write it as a block (`>-` or `|`) on the lines below `{}:`",
            kl.key
        ),
        fixes: text_fixes(Applicability::Safe, span, text, kl.key_col),
    })
}

/// `key: |` followed by text that is not indented under the key.
fn unindented_block(ctx: &Context, at: Pos) -> Option<Explained> {
    let lines = ctx.lines();
    let indent_of = |l: &str| l.chars().take_while(|c| *c == ' ').count();
    let is_blank = |l: &str| l.trim().is_empty();
    // The block's header: the nearest line above the error ending in `|` or `>`, with nothing
    // but unindented text between them.
    let mut header = None;
    for n in (0..=at.line as usize).rev() {
        let line = lines.line(ctx.text, n);
        if n < at.line as usize && is_block_header(line) {
            header = Some(n);
            break;
        }
        if n < at.line as usize && key_line(line).is_some() {
            return None;
        }
    }
    let header = header?;
    let header_line = lines.line(ctx.text, header);
    let KeyLine {
        key_col,
        key: key_name,
        ..
    } = key_line(header_line)?;
    let mut paragraph = Vec::new();
    for n in header + 1..lines.line_count() {
        let line = lines.line(ctx.text, n);
        if is_blank(line) {
            continue;
        }
        if indent_of(line) > key_col || key_line(line).is_some() {
            break;
        }
        paragraph.push(n);
    }
    let first = *paragraph.first()?;
    let first_line = lines.line(ctx.text, first);
    let indent = " ".repeat(key_col + 2);
    let header_text = header_line.trim();
    Some(Explained {
        span: Span::new(
            Pos::new(first as u32, indent_of(first_line) as u32),
            Pos::new(first as u32, first_line.chars().count() as u32),
        ),
        message: format!(
            "the text under `{header_text}` must be indented under its key: put {} spaces before each of its lines",
            key_col + 2
        ),
        // Unsafe: how deep the text belongs is a guess.
        fixes: vec![Fix::new(
            Applicability::Unsafe,
            format!("Indent the text under `{key_name}`"),
            paragraph
                .iter()
                .map(|&n| TextEdit {
                    span: Span::at(Pos::new(n as u32, 0)),
                    new_text: indent.clone(),
                })
                .collect(),
        )],
    })
}

/// `key: |`, `key: >-`, `- text: |2` and the like, with an optional comment.
fn is_block_header(line: &str) -> bool {
    let code = line.split(" #").next().unwrap_or(line).trim_end();
    let Some((before, indicator)) = code.rsplit_once(": ") else {
        return false;
    };
    is_key(before)
        && indicator.starts_with(['|', '>'])
        && indicator[1..]
            .chars()
            .all(|c| c == '-' || c == '+' || c.is_ascii_digit())
}

/// A tab in the indentation: the parser reports it after the tab; point at the tab itself.
fn tab_indentation(ctx: &Context, at: Pos) -> Option<Explained> {
    let lines = ctx.lines();
    let first_line = at.line.saturating_sub(1) as usize;
    (first_line..=at.line as usize).rev().find_map(|n| {
        let line = lines.line(ctx.text, n);
        let leading: String = line.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
        let col = leading.chars().position(|c| c == '\t')?;
        let span = Span::new(Pos::new(n as u32, col as u32), Pos::new(n as u32, col as u32 + 1));
        Some(Explained {
            span,
            message: "a tab is used for indentation here (as text pasted from Word or Outlook often has): YAML indents with spaces only; replace the tab with spaces".to_owned(),
            // Unsafe: two spaces is a guess at the nesting the tab meant.
            fixes: vec![Fix::replace(
                Applicability::Unsafe,
                "Replace the tab with two spaces",
                span,
                "  ",
            )],
        })
    })
}

/// `key:<tab>value`: the parser points just after the tab; point at the tab and offer the space.
fn tab_after_colon(ctx: &Context, at: Pos) -> Option<Explained> {
    let line = ctx.lines().line(ctx.text, at.line as usize);
    let col = (at.col.saturating_sub(1)..=at.col)
        .find(|&c| line.chars().nth(c as usize) == Some('\t'))?;
    let at = Pos::new(at.line, col);
    let span = Span::new(at, Pos::new(at.line, at.col + 1));
    Some(Explained {
        span,
        message: "a tab after `:` (as text pasted from a word processor often has): YAML needs a space after the colon; replace the tab with a space".to_owned(),
        fixes: vec![Fix::replace(
            Applicability::Safe,
            "Replace the tab with a space",
            span,
            " ",
        )],
    })
}

fn check_comments(ctx: &Context, out: &mut Findings) {
    let Some(root) = ctx.root() else { return };
    let mut columns = Columns::new(ctx);
    for (pattern, _) in TEXT_FIELDS {
        for (node, key) in expand(root, pattern) {
            if let Some(found) = comment_after(&mut columns, node, key) {
                out.add_with_fixes(found.span, found.message, found.fixes);
            }
        }
    }
}

/// Lines by number with character columns turned into byte offsets. A long line is looked at
/// once while its values are checked (all ASCII, or a table of its characters' offsets), so a
/// 1 MB flow list of many values stays linear to check. Values come in document order, so the
/// last long line is the only one kept: a table per long line was megabytes on a large response.
struct Columns<'c, 't> {
    ctx: &'c Context<'t>,
    /// The last long line seen and its table: `None` when it is all ASCII (a column is a byte
    /// offset).
    long: Option<(u32, Option<Vec<usize>>)>,
}

/// Lines up to this many bytes are walked for each lookup.
const SHORT_LINE: usize = 256;

impl<'c, 't> Columns<'c, 't> {
    fn new(ctx: &'c Context<'t>) -> Self {
        Columns { ctx, long: None }
    }

    fn line(&self, n: u32) -> &'t str {
        self.ctx.lines().line(self.ctx.text, n as usize)
    }

    /// The line's text from character `col` on.
    fn from(&mut self, n: u32, col: u32) -> &'t str {
        let line = self.line(n);
        let col = col as usize;
        let byte = if line.len() <= SHORT_LINE {
            // Up to `col`, an ASCII line's characters are its bytes: nothing to walk.
            let head = &line.as_bytes()[..line.len().min(col)];
            if head.is_ascii() {
                head.len()
            } else {
                line.char_indices().nth(col).map_or(line.len(), |(i, _)| i)
            }
        } else {
            if self.long.as_ref().is_none_or(|(seen, _)| *seen != n) {
                let table =
                    (!line.is_ascii()).then(|| line.char_indices().map(|(i, _)| i).collect());
                self.long = Some((n, table));
            }
            match self.long.as_ref().and_then(|(_, table)| table.as_ref()) {
                None => col.min(line.len()),
                Some(offsets) => offsets.get(col).copied().unwrap_or(line.len()),
            }
        };
        &line[byte..]
    }
}

/// A comment after a plain (unquoted, not block) text on the line where the text ends.
fn comment_after(columns: &mut Columns, node: &Node, key: Option<Span>) -> Option<Explained> {
    // A placeholder is rewritten anyway, and `empty-section` reports it.
    let Value::Str(text) = &node.value else {
        return None;
    };
    if placeholder(text).is_some() {
        return None;
    }
    let written = columns.from(node.span.start.line, node.span.start.col);
    if written.starts_with(['"', '\'', '|', '>']) {
        return None;
    }
    let end = node.span.end;
    let rest = columns.from(end.line, end.col);
    let comment = rest.trim_start();
    if !comment.starts_with('#') || comment.len() == rest.len() {
        return None;
    }
    if comment[1..].trim_start().starts_with("section55:") {
        return None;
    }
    let line_end = end.col + rest.chars().count() as u32;
    let comment_col = line_end - comment.chars().count() as u32;
    let span = Span::new(
        Pos::new(end.line, comment_col),
        Pos::new(end.line, line_end),
    );
    let fixes = match key {
        Some(key) if node.span.start.line == end.line => text_fixes(
            Applicability::Unsafe,
            Span::new(node.span.start, span.end),
            written.trim_end(),
            key.start.col as usize,
        ),
        _ => Vec::new(),
    };
    Some(Explained {
        span,
        message: format!(
            "`{comment}` is not part of the text: in YAML, ` #` starts a comment, so the rest of the line is dropped; put the whole text in double quotes, or write it as a block (`>-`)"
        ),
        fixes,
    })
}

fn check_curly_quotes(ctx: &Context, out: &mut Findings) {
    let Some(root) = ctx.root() else { return };
    let mut columns = Columns::new(ctx);
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &node.value {
            Value::Str(text) => {
                let Some(inner) = without_curly_quotes(text) else {
                    continue;
                };
                let written_plain = columns
                    .from(node.span.start.line, node.span.start.col)
                    .starts_with(['“', '‘']);
                if !written_plain || node.span.start.line != node.span.end.line {
                    continue;
                }
                out.add_with_fixes(
                    node.span,
                    format!(
                        "`{text}` is wrapped in curly quotes, which are not YAML quotes: they become part of the value; use straight double quotes (\"), or none"
                    ),
                    vec![Fix::replace(
                        Applicability::Safe,
                        "Use straight quotes",
                        node.span,
                        double_quoted(inner),
                    )],
                );
            }
            Value::Seq(items) => stack.extend(items.iter().rev()),
            Value::Map(entries) => stack.extend(entries.iter().rev().map(|e| &e.value)),
            _ => {}
        }
    }
}
