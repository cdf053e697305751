//! Where the cursor is, read from the lines and their indentation rather than from the tree, so
//! completion and hover work on text that is mid-edit and not valid YAML (`force: ` with nothing
//! after it, `force: Nor`, a half-typed key on a line of its own).
//!
//! The reading is the block-structure subset of YAML a response file uses: `key:` opens a
//! mapping or list below it, `- ` starts a list item, deeper lines after `key: value` (or a block
//! scalar `key: |`) continue that value, and comments and blank lines do not count.

use super::{Entry, Node, Value};
use crate::diagnostic::Span;

/// One step of a path: a mapping key, or "an item of this list" (which item does not matter to
/// completion).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Item,
}

/// The path a pattern names (the inverse of [`pattern`]); the tests of the core and of the
/// language server write paths this way.
pub fn from_pattern(pattern: &str) -> Vec<Seg> {
    pattern
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| {
            if s == "*" {
                Seg::Item
            } else {
                Seg::Key(s.to_owned())
            }
        })
        .collect()
}

/// A path as a pattern: `/recommendations/*/status`.
pub fn pattern(path: &[Seg]) -> String {
    path.iter()
        .map(|s| match s {
            Seg::Key(k) => format!("/{k}"),
            Seg::Item => "/*".to_owned(),
        })
        .collect()
}

/// What one line holds, as far as its own text tells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineShape {
    /// Columns (in characters) of leading spaces.
    pub indent: usize,
    /// Column of a `- ` that starts a list item.
    pub dash: Option<usize>,
    /// Column where the content after the indentation and any `- ` starts.
    pub content_col: usize,
    /// A `key:` at `content_col`.
    pub key: Option<String>,
    /// The value after `key:` (or the item's scalar), without a trailing comment, trimmed.
    pub value: String,
    /// Column where `value` starts.
    pub value_col: usize,
    pub blank: bool,
}

/// Whether `c` may appear in a key as the file format writes them.
fn key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$' || c == '-'
}

/// Strips a trailing ` # comment` (outside quotes).
fn strip_comment(s: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && (prev == ' ' || prev == '\t' || i == 0) => return &s[..i],
            None => {}
        }
        prev = c;
    }
    s
}

pub fn shape(line: &str) -> LineShape {
    let chars: Vec<char> = line.chars().collect();
    let indent = chars.iter().take_while(|c| **c == ' ').count();
    let rest: String = chars[indent..].iter().collect();
    if rest.trim().is_empty() || rest.starts_with('#') {
        return LineShape {
            indent,
            content_col: indent,
            blank: true,
            ..LineShape::default()
        };
    }
    let (dash, content_col) = if rest == "-" || rest.starts_with("- ") {
        let spaces = rest.chars().skip(1).take_while(|c| *c == ' ').count();
        (Some(indent), indent + 1 + spaces)
    } else {
        (None, indent)
    };
    let content: String = chars[content_col.min(chars.len())..].iter().collect();
    let word_len = content.chars().take_while(|c| key_char(*c)).count();
    let after_word: String = content.chars().skip(word_len).collect();
    let after_spaces = after_word.trim_start_matches(' ');
    let is_key = word_len > 0
        && (after_spaces == ":"
            || after_spaces.starts_with(": ")
            || after_spaces.starts_with(":\t"));
    if is_key {
        let key: String = content.chars().take(word_len).collect();
        let colon_col =
            content_col + word_len + (after_word.chars().count() - after_spaces.chars().count());
        let raw: String = chars[(colon_col + 1).min(chars.len())..].iter().collect();
        let lead = raw.chars().take_while(|c| *c == ' ' || *c == '\t').count();
        let value =
            strip_comment(&raw[raw.char_indices().nth(lead).map_or(raw.len(), |(i, _)| i)..])
                .trim_end()
                .to_owned();
        return LineShape {
            indent,
            dash,
            content_col,
            key: Some(key),
            value,
            value_col: colon_col + 1 + lead,
            blank: false,
        };
    }
    let value = strip_comment(&content).trim_end().to_owned();
    LineShape {
        indent,
        dash,
        content_col,
        key: None,
        value,
        value_col: content_col,
        blank: false,
    }
}

struct Open {
    indent: usize,
    seg: Seg,
}

/// The structure open at the start of line `upto`, and the column deeper than which lines are
/// still the continuation of a value (a block scalar, a multi-line text).
struct Scan {
    stack: Vec<Open>,
    continuation: Option<usize>,
}

fn scan(lines: &[&str], upto: usize) -> Scan {
    let mut stack: Vec<Open> = Vec::new();
    let mut continuation: Option<usize> = None;
    for line in lines.iter().take(upto) {
        let l = shape(line);
        if l.blank {
            continue;
        }
        if let Some(deeper_than) = continuation {
            if l.indent > deeper_than {
                continue;
            }
            continuation = None;
        }
        if line.starts_with("---") || line.starts_with("...") {
            stack.clear();
            continue;
        }
        close_for(&mut stack, &l);
        if let Some(d) = l.dash {
            stack.push(Open {
                indent: d,
                seg: Seg::Item,
            });
        }
        match &l.key {
            Some(key) if l.value.is_empty() => stack.push(Open {
                indent: l.content_col,
                seg: Seg::Key(key.clone()),
            }),
            Some(_) => continuation = Some(l.content_col),
            None => continuation = Some(l.dash.unwrap_or(l.indent)),
        }
    }
    Scan {
        stack,
        continuation,
    }
}

/// Closes what a line at this indentation ends.
fn close_for(stack: &mut Vec<Open>, l: &LineShape) {
    match l.dash {
        Some(d) => {
            while stack
                .last()
                .is_some_and(|o| o.indent > d || (o.indent == d && o.seg == Seg::Item))
            {
                stack.pop();
            }
        }
        None => {
            while stack.last().is_some_and(|o| o.indent >= l.indent) {
                stack.pop();
            }
        }
    }
}

fn segs(stack: &[Open]) -> Vec<Seg> {
    stack.iter().map(|o| o.seg.clone()).collect()
}

/// What the cursor is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cursor {
    /// A key being typed (or an empty place where one can go) in the mapping at `path`.
    Key {
        path: Vec<Seg>,
        /// Column where the key starts; the text from there to the cursor is `typed`.
        col: usize,
        typed: String,
        /// Column just after the word under the cursor (the range a completion replaces).
        end: usize,
        /// A `:` follows the word already: complete the name only.
        has_colon: bool,
        /// The line is `- ` and the key is the first of a new list item.
        item_start: bool,
    },
    /// A value of the key (or list item) at `path`: `start..end` is the value's range on the
    /// line, `typed` the part before the cursor.
    Value {
        path: Vec<Seg>,
        start: usize,
        end: usize,
        typed: String,
        /// Inside a flow list `[a, b]`.
        flow: bool,
        /// Right after `key:` with no space: insert one.
        needs_space: bool,
    },
    /// Inside a text, a comment, or somewhere nothing can be offered.
    Nothing,
}

/// Reads what is at `col` (characters) on line `line` of `text`.
pub fn cursor(text: &str, line: u32, col: u32) -> Cursor {
    let lines = split_lines(text);
    let line = line as usize;
    let Some(current) = lines.get(line) else {
        return Cursor::Nothing;
    };
    let col = (col as usize).min(current.chars().count());
    let scan = scan(&lines, line);
    let chars: Vec<char> = current.chars().collect();
    let prefix: String = chars[..col].iter().collect();
    let indent = prefix.chars().take_while(|c| *c == ' ').count();
    if scan
        .continuation
        .is_some_and(|deeper_than| indent > deeper_than)
    {
        return Cursor::Nothing;
    }
    if strip_comment(&prefix).len() < prefix.len() {
        return Cursor::Nothing;
    }
    let mut stack = scan.stack;
    let l = shape(current);
    let prefix_shape = shape(&prefix);
    // The part of the line before the cursor decides: key, value, or item.
    let (dash, content_col) = if prefix.trim().is_empty() {
        (None, col)
    } else {
        (prefix_shape.dash, prefix_shape.content_col)
    };
    let typed: String = chars[content_col.min(col)..col].iter().collect();
    let word_end = col + chars[col..].iter().take_while(|c| key_char(**c)).count();
    let line_shape = LineShape {
        indent,
        dash,
        content_col,
        ..LineShape::default()
    };
    close_for(&mut stack, &line_shape);
    if let Some(d) = dash {
        stack.push(Open {
            indent: d,
            seg: Seg::Item,
        });
    }
    let key_col = content_col;
    while stack
        .last()
        .is_some_and(|o| o.indent >= key_col && o.seg != Seg::Item)
    {
        stack.pop();
    }
    let path = segs(&stack);
    if typed.chars().all(key_char) {
        let after: String = chars[word_end..].iter().collect();
        let has_colon = after.trim_start().starts_with(':');
        return Cursor::Key {
            path,
            col: key_col,
            typed,
            end: word_end,
            has_colon,
            item_start: dash.is_some(),
        };
    }
    // `key: value` with the cursor in the value.
    if let Some(key) = prefix_shape.key.clone() {
        let value_end = l.value_col + l.value.chars().count();
        let mut path = path;
        path.push(Seg::Key(key));
        let after_colon = prefix_shape.value_col;
        if l.value.starts_with('[') && col > l.value_col {
            return flow_item(&chars, col, l.value_col, value_end, path);
        }
        let needs_space =
            !prefix.ends_with(' ') && !prefix.ends_with('\t') && prefix.trim_end().ends_with(':');
        let start = if needs_space {
            col
        } else {
            after_colon.min(col)
        };
        let typed: String = chars[start..col].iter().collect();
        if l.value.starts_with(['|', '>']) || l.value.starts_with('{') {
            return Cursor::Nothing;
        }
        return Cursor::Value {
            path,
            start,
            end: value_end.max(col),
            typed,
            flow: false,
            needs_space,
        };
    }
    // `- value`: an item of a list of scalars.
    if dash.is_some() {
        let value_end = (l.value_col + l.value.chars().count()).max(col);
        return Cursor::Value {
            path,
            start: content_col,
            end: value_end,
            typed,
            flow: false,
            needs_space: false,
        };
    }
    Cursor::Nothing
}

/// The item of a one-line flow list `[a, b, c]` the cursor is in.
fn flow_item(
    chars: &[char],
    col: usize,
    open: usize,
    value_end: usize,
    mut path: Vec<Seg>,
) -> Cursor {
    let inner_start = open + 1;
    let close = (inner_start..value_end)
        .find(|i| chars.get(*i) == Some(&']'))
        .unwrap_or(value_end);
    if col > close {
        return Cursor::Nothing;
    }
    let mut quote: Option<char> = None;
    let mut item_start = inner_start;
    for (i, c) in chars.iter().enumerate().take(col).skip(inner_start) {
        match quote {
            Some(q) if *c == q => quote = None,
            Some(_) => {}
            None if *c == '"' || *c == '\'' => quote = Some(*c),
            None if *c == ',' => item_start = i + 1,
            None => {}
        }
    }
    let mut item_end = col;
    while item_end < close && chars.get(item_end) != Some(&',') {
        item_end += 1;
    }
    while item_start < col && chars.get(item_start) == Some(&' ') {
        item_start += 1;
    }
    while item_end > item_start.max(col) && chars.get(item_end - 1) == Some(&' ') {
        item_end -= 1;
    }
    path.push(Seg::Item);
    let typed: String = chars[item_start..col].iter().collect();
    Cursor::Value {
        path,
        start: item_start,
        end: item_end,
        typed,
        flow: true,
        needs_space: false,
    }
}

/// The keys already present in the mapping whose keys start at `key_col`, around line `line`
/// (the lines of one mapping: up to the enclosing key or the `- ` that starts the item, down to
/// the next item or a shallower line). The cursor's own line is not counted; when it starts a
/// new item (`item_start`), only the lines below belong to that item.
pub fn sibling_keys(text: &str, line: u32, key_col: usize, item_start: bool) -> Vec<String> {
    let lines = split_lines(text);
    let line = line as usize;
    let mut keys = Vec::new();
    if !item_start {
        for l in lines.iter().take(line).rev().map(|l| shape(l)) {
            if l.blank {
                continue;
            }
            if l.dash.is_some() && l.content_col == key_col {
                keys.extend(l.key);
                break;
            }
            if l.indent > key_col || (l.indent == key_col && l.dash.is_some()) {
                continue;
            }
            if l.indent == key_col {
                keys.extend(l.key);
                continue;
            }
            break;
        }
    }
    for l in lines.iter().skip(line + 1).map(|l| shape(l)) {
        if l.blank || l.indent > key_col || (l.indent == key_col && l.dash.is_some()) {
            continue;
        }
        if l.indent == key_col {
            keys.extend(l.key);
            continue;
        }
        break;
    }
    keys
}

/// The lines of `text`, split as the LSP and YAML do (`\n`, `\r\n`, lone `\r`); a byte order
/// mark is not part of the first line (see [`super::LineIndex`]).
pub fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let bytes = text.as_bytes();
    let mut start = super::bom_len(text);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                lines.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    lines.push(&text[start..]);
    lines
}

/// The path of keys down to line `line` (its own key included), read from indentation: for
/// hover and symbols when the text does not parse.
pub fn path_of_line(text: &str, line: u32) -> Vec<Seg> {
    let lines = split_lines(text);
    let Some(current) = lines.get(line as usize) else {
        return Vec::new();
    };
    let scan = scan(&lines, line as usize);
    let l = shape(current);
    if l.blank || scan.continuation.is_some_and(|c| l.indent > c) {
        return Vec::new();
    }
    let mut stack = scan.stack;
    close_for(&mut stack, &l);
    if let Some(d) = l.dash {
        stack.push(Open {
            indent: d,
            seg: Seg::Item,
        });
    }
    let mut path = segs(&stack);
    if let Some(key) = l.key {
        path.push(Seg::Key(key));
    }
    path
}

/// A tree read from the lines alone, for facts (dates, ids, names, texts) while the text does
/// not parse: block mappings and lists by indentation, scalars as YAML reads them, block
/// scalars as their lines. Spans are not kept (all zero): never use it for positions.
pub fn rough_tree(text: &str) -> Option<Node> {
    let lines: Vec<(LineShape, &str)> = split_lines(text)
        .into_iter()
        .map(|l| (shape(l), l))
        .filter(|(s, _)| !s.blank)
        .collect();
    let mut i = 0;
    let first = lines.first()?.0.indent;
    Some(rough_block(&lines, &mut i, first))
}

fn bare(value: Value) -> Node {
    Node {
        value,
        span: Span::default(),
    }
}

/// A scalar or one-line flow collection as YAML reads it; what does not parse is text.
fn rough_scalar(text: &str) -> Node {
    match super::parse(text).root {
        Some(node) if !matches!(node.value, Value::Map(_)) || text.starts_with('{') => {
            strip_spans(node)
        }
        _ => bare(Value::Str(text.into())),
    }
}

fn strip_spans(node: Node) -> Node {
    let value = match node.value {
        Value::Seq(items) => Value::Seq(items.into_iter().map(strip_spans).collect()),
        Value::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|e| Entry {
                    key: e.key,
                    key_span: Span::default(),
                    value: strip_spans(e.value),
                })
                .collect(),
        ),
        other => other,
    };
    bare(value)
}

/// The value after `key:` on line `i` (and the lines it continues onto), advancing `i`.
fn rough_value(lines: &[(LineShape, &str)], i: &mut usize, parent: usize) -> Node {
    let (l, _) = &lines[*i];
    *i += 1;
    let continuation = |i: &mut usize| {
        let mut parts = Vec::new();
        while *i < lines.len()
            && lines[*i].0.indent > parent
            && lines[*i].0.dash.is_none_or(|d| d > parent)
        {
            parts.push(lines[*i].1.trim());
            *i += 1;
        }
        parts
    };
    if l.value.starts_with(['|', '>']) {
        let literal = l.value.starts_with('|');
        let parts = continuation(i);
        let text = if literal {
            parts.join("\n")
        } else {
            parts.join(" ")
        };
        return bare(Value::Str(text.into()));
    }
    if !l.value.is_empty() {
        let mut text = l.value.clone();
        for part in continuation(i) {
            text.push(' ');
            text.push_str(part);
        }
        return rough_scalar(&text);
    }
    match lines.get(*i) {
        Some((next, _)) if next.indent > parent || next.dash == Some(parent) => {
            rough_block(lines, i, next.indent)
        }
        _ => bare(Value::Null),
    }
}

fn rough_block(lines: &[(LineShape, &str)], i: &mut usize, indent: usize) -> Node {
    if lines.get(*i).is_some_and(|(l, _)| l.dash == Some(indent)) {
        let mut items = Vec::new();
        while let Some((l, _)) = lines.get(*i) {
            if l.dash != Some(indent) {
                break;
            }
            if l.key.is_some() {
                items.push(rough_map(lines, i, l.content_col, true));
            } else {
                let text = l.value.clone();
                *i += 1;
                while *i < lines.len()
                    && lines[*i].0.indent > indent
                    && lines[*i].0.dash.is_none_or(|d| d > indent)
                {
                    *i += 1;
                }
                items.push(rough_scalar(&text));
            }
        }
        return bare(Value::Seq(items.into()));
    }
    rough_map(lines, i, indent, false)
}

/// A mapping whose keys start at `col`; `item` when its first key follows a `- `.
fn rough_map(lines: &[(LineShape, &str)], i: &mut usize, col: usize, item: bool) -> Node {
    let mut entries: Vec<Entry> = Vec::new();
    let mut first = true;
    while let Some((l, _)) = lines.get(*i) {
        let starts_here = if first && item {
            l.dash.is_some() && l.content_col == col
        } else {
            l.dash.is_none() && l.indent == col
        };
        let Some(key) = l.key.clone().filter(|_| starts_here) else {
            if l.indent > col && !first {
                *i += 1; // Something this reading does not follow: skip it.
                continue;
            }
            break;
        };
        first = false;
        let value = rough_value(lines, i, col);
        if !entries.iter().any(|e| e.key == key) {
            entries.push(Entry {
                key: key.into(),
                key_span: Span::default(),
                value,
            });
        }
    }
    bare(Value::Map(entries.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(path: &str) -> Vec<Seg> {
        from_pattern(path)
    }

    #[test]
    fn value_positions_mid_edit() {
        let text = "policing_body: X\nforce: Nor\ninspection:\n  publication_types: [PEEL, Chi]\n  forces:\n    - Norf\n";
        match cursor(text, 1, 10) {
            Cursor::Value {
                path,
                start,
                end,
                typed,
                ..
            } => {
                assert_eq!(path, key("/force"));
                assert_eq!((start, end, typed.as_str()), (7, 10, "Nor"));
            }
            other => panic!("{other:?}"),
        }
        match cursor(text, 3, 31) {
            Cursor::Value {
                path,
                start,
                typed,
                flow,
                ..
            } => {
                assert_eq!(path, key("/inspection/publication_types/*"));
                assert_eq!((start, typed.as_str(), flow), (28, "Chi", true));
            }
            other => panic!("{other:?}"),
        }
        // A one-word item reads as a key too; completion decides by the schema.
        match cursor(text, 5, 10) {
            Cursor::Key {
                path,
                typed,
                item_start,
                ..
            } => {
                assert_eq!(path, key("/inspection/forces/*"));
                assert_eq!(typed, "Norf");
                assert!(item_start);
            }
            other => panic!("{other:?}"),
        }
        match cursor("force: \n", 0, 7) {
            Cursor::Value { path, typed, .. } => {
                assert_eq!((path, typed.as_str()), (key("/force"), ""))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn key_positions() {
        let text = "recommendations:\n  - id: 1\n    text: x\n    st\nchief_constable_response:\n  text: |\n    Words\n  \n";
        match cursor(text, 3, 6) {
            Cursor::Key {
                path, col, typed, ..
            } => {
                assert_eq!(path, key("/recommendations/*"));
                assert_eq!((col, typed.as_str()), (4, "st"));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(sibling_keys(text, 3, 4, false), vec!["text", "id"]);
        assert_eq!(cursor(text, 6, 6), Cursor::Nothing);
        match cursor(text, 7, 2) {
            Cursor::Key { path, .. } => assert_eq!(path, key("/chief_constable_response")),
            other => panic!("{other:?}"),
        }
        match cursor("recommendations:\n  - \n", 1, 4) {
            Cursor::Key {
                path, item_start, ..
            } => {
                assert_eq!(path, key("/recommendations/*"));
                assert!(item_start);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rough_trees_read_broken_text() {
        let text = "force: Norfolk Constabulary\ninspection:\n  published: 2025-10-24\n  publication_types: [PEEL, \nrecommendations:\n  - id: 3\n    text: >-\n      By 31 March\n      2026, do it.\n    status: accepted\n  - id: 4\nresponse_deadline: \n";
        let tree = rough_tree(text).unwrap_or_else(|| Node {
            value: Value::Null,
            span: Span::default(),
        });
        assert_eq!(
            tree.pointer("/inspection/published").and_then(Node::as_str),
            Some("2025-10-24")
        );
        assert_eq!(
            tree.pointer("/recommendations/0/id").and_then(Node::as_int),
            Some(3)
        );
        assert_eq!(
            tree.pointer("/recommendations/0/text")
                .and_then(Node::as_str),
            Some("By 31 March 2026, do it.")
        );
        assert_eq!(
            tree.pointer("/recommendations/1/id").and_then(Node::as_int),
            Some(4)
        );
        assert!(
            tree.pointer("/response_deadline")
                .is_some_and(Node::is_null)
        );
        assert_eq!(
            tree.get("force").and_then(Node::as_str),
            Some("Norfolk Constabulary")
        );
    }

    #[test]
    fn compact_lists_and_paths() {
        let text = "pcc_response:\n  responses:\n  - recommendation: 1\n    action: x\n";
        assert_eq!(
            path_of_line(text, 3),
            key("/pcc_response/responses/*/action")
        );
        assert_eq!(
            path_of_line(text, 2),
            key("/pcc_response/responses/*/recommendation")
        );
    }
}
