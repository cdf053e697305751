//! The YAML document: a value tree that keeps the exact span of every key and value, built from
//! `saphyr-parser`'s event stream. Rules, the schema mapper and the language server find the
//! source of any finding through [`Node::pointer`] (a JSON pointer) or [`Node::path_at`] (a
//! cursor position).

pub mod lenient;
mod parse;
mod scalar;
mod text;

pub use parse::{MAX_ALIAS_BYTES, MAX_ALIAS_NODES, MAX_DEPTH, parse};
pub use text::{Key, Text};

use crate::diagnostic::{Pos, Span, TextEdit};

/// A parsed response file: the tree (absent when the text is not well-formed YAML or empty) and
/// the syntax problems found on the way.
#[derive(Debug, Default)]
pub struct Document {
    pub root: Option<Node>,
    pub errors: Vec<SyntaxError>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Text),
    // Boxed slices, not vectors: a value is 24 bytes (a test holds it there), and a large
    // response has hundreds of thousands.
    Seq(Box<[Node]>),
    Map(Box<[Entry]>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: Key,
    pub key_span: Span,
    pub value: Node,
}

/// One step of a path into the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn as_int(&self) -> Option<i64> {
        match self.value {
            Value::Int(i) => Some(i),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> &[Node] {
        match &self.value {
            Value::Seq(items) => items,
            _ => &[],
        }
    }

    pub fn as_map(&self) -> &[Entry] {
        match &self.value {
            Value::Map(entries) => entries,
            _ => &[],
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.as_map().iter().find(|e| e.key == key)
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    /// A date value (`YYYY-MM-DD`), if this node is one.
    pub fn as_date(&self) -> Option<chrono::NaiveDate> {
        self.as_str().and_then(crate::dates::iso)
    }

    /// The node a JSON pointer (RFC 6901, e.g. `/recommendations/0/id`) refers to.
    pub fn pointer(&self, pointer: &str) -> Option<&Node> {
        self.pointer_entry(pointer).map(|(node, _)| node)
    }

    /// The node a JSON pointer refers to and, when it is a mapping value, the span of its key.
    pub fn pointer_entry(&self, pointer: &str) -> Option<(&Node, Option<Span>)> {
        if pointer.is_empty() {
            return Some((self, None));
        }
        let mut node = self;
        let mut key_span = None;
        for raw in pointer.strip_prefix('/')?.split('/') {
            // Most segments have nothing escaped: no allocation for them.
            let token: std::borrow::Cow<str> = if raw.contains('~') {
                raw.replace("~1", "/").replace("~0", "~").into()
            } else {
                raw.into()
            };
            match &node.value {
                Value::Map(entries) => {
                    let entry = entries.iter().find(|e| *e.key == *token)?;
                    key_span = Some(entry.key_span);
                    node = &entry.value;
                }
                Value::Seq(items) => {
                    node = items.get(token.parse::<usize>().ok()?)?;
                    key_span = None;
                }
                _ => return None,
            }
        }
        Some((node, key_span))
    }

    /// The path of keys and indices to the innermost key or value that contains `pos`.
    pub fn path_at(&self, pos: Pos) -> Vec<Step> {
        let mut path = Vec::new();
        let mut node = self;
        'descend: loop {
            match &node.value {
                Value::Map(entries) => {
                    for entry in entries {
                        if entry.key_span.contains(pos) || entry.value.span.contains(pos) {
                            path.push(Step::Key(entry.key.to_string()));
                            node = &entry.value;
                            continue 'descend;
                        }
                    }
                    return path;
                }
                Value::Seq(items) => match items.iter().position(|n| n.span.contains(pos)) {
                    Some(i) => {
                        path.push(Step::Index(i));
                        node = &items[i];
                    }
                    None => return path,
                },
                _ => return path,
            }
        }
    }

    /// The tree as JSON, for schema validation and deserialising into the model.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            Value::Str(s) => J::String(s.to_string()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|e| (e.key.to_string(), e.value.to_json()))
                    .collect(),
            ),
        }
    }

    /// A word for the kind of value, for messages.
    pub fn kind_name(&self) -> &'static str {
        match self.value {
            Value::Null => "nothing",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// Builds a JSON pointer from path segments, escaping as RFC 6901 requires.
pub fn pointer_of<I, S>(segments: I) -> String
where
    I: IntoIterator<Item = S>,
    S: std::fmt::Display,
{
    segments
        .into_iter()
        .map(|s| format!("/{}", s.to_string().replace('~', "~0").replace('/', "~1")))
        .collect()
}

#[cfg(test)]
mod tests;

/// The length in bytes of the byte order mark `text` starts with (0 without one).
pub fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

/// `old` made `new` as one edit that replaces the whole lines from the first changed one to the
/// last (so a line break is never split, and an editor keeps the rest of the buffer as it is),
/// or `None` when they are the same: the editor's fix-all and formatting.
pub fn lines_edit(old: &str, new: &str) -> Option<TextEdit> {
    let (text, fixed) = (old, new);
    let (old, new) = (text.as_bytes(), fixed.as_bytes());
    if old == new {
        return None;
    }
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let room = old.len().min(new.len()) - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    let start = line_start_before(text, prefix);
    let end = line_start_after(text, old.len() - suffix);
    let new_end = new.len() - (old.len() - end);
    Some(TextEdit {
        span: Span::new(pos_of(text, start), pos_of(text, end)),
        new_text: fixed.get(start..new_end)?.to_owned(),
    })
}

/// The start of the line holding byte `at` (after a byte order mark on the first line).
fn line_start_before(text: &str, at: usize) -> usize {
    text.as_bytes()[..at]
        .iter()
        .rposition(|b| matches!(b, b'\n' | b'\r'))
        .map_or(bom_len(text).min(at), |i| i + 1)
}

/// `at` if a line starts there, else the start of the next line (or the end of the text). A
/// `\r\n` is one line break.
fn line_start_after(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    if at == 0 || at >= bytes.len() || matches!(bytes[at - 1], b'\n') {
        return at.min(bytes.len());
    }
    if bytes[at - 1] == b'\r' && bytes[at] != b'\n' {
        return at;
    }
    match bytes[at..].iter().position(|b| matches!(b, b'\n' | b'\r')) {
        Some(i) if bytes[at + i] == b'\r' && bytes.get(at + i + 1) == Some(&b'\n') => at + i + 2,
        Some(i) => at + i + 1,
        None => bytes.len(),
    }
}

/// The position (line, column in characters) of byte `at`, which is not inside a `\r\n`.
fn pos_of(text: &str, at: usize) -> Pos {
    let before = &text[..at];
    let line = before.matches('\n').count() + before.matches('\r').count()
        - before.matches("\r\n").count();
    let start = line_start_before(text, at);
    Pos::new(line as u32, text[start..at].chars().count() as u32)
}

/// Line boundaries of a text, counting `\n`, `\r\n` and a lone `\r` as line ends, as YAML and
/// the LSP do. A byte order mark is never a column: line 0 starts after it, so every front end
/// (code frames, LSP positions both ways, fixes) counts columns as the parser does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset where each line starts.
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        // Counted first (a fast pass) so the vector is made at its length: grown by doubling, a
        // large file's index held twice its lines while growing, and again until trimmed.
        let lines = 1 + line_starts(text.as_bytes(), 0, text.len()).count();
        let mut starts = Vec::with_capacity(lines);
        starts.push(bom_len(text));
        push_starts(text.as_bytes(), 0, text.len(), &mut starts);
        LineIndex { starts }
    }

    /// Brings the index up to date after `text[start..old_end]` was replaced by `new_len` bytes
    /// (`text` is the text after the edit), in the time it takes to read the new bytes and shift
    /// the line starts after them: the language server does this on every keystroke.
    ///
    /// A line start `s` depends only on the bytes at `s - 1` and `s` (`\n`, a lone `\r`), so the
    /// starts before `start` stay, those after `old_end` move by the change in length, and only
    /// the new bytes (and the one before them) are scanned.
    pub fn edit(&mut self, text: &str, start: usize, old_end: usize, new_len: usize) {
        // Within or into a byte order mark: where line 0 starts changes; rare, so rebuilt.
        if start < self.starts[0] || bom_len(text) != self.starts[0] {
            *self = LineIndex::new(text);
            return;
        }
        let kept = 1 + self.starts[1..].partition_point(|&s| s < start);
        let moved = 1 + self.starts[1..].partition_point(|&s| s <= old_end);
        for s in &mut self.starts[moved..] {
            *s = *s - old_end + start + new_len;
        }
        let mut fresh = Vec::new();
        push_starts(
            text.as_bytes(),
            start.saturating_sub(1),
            start + new_len,
            &mut fresh,
        );
        self.starts.splice(kept..moved, fresh);
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The text of line `n` without its line ending ("" past the end).
    pub fn line<'t>(&self, text: &'t str, n: usize) -> &'t str {
        let Some(&start) = self.starts.get(n) else {
            return "";
        };
        let end = self.starts.get(n + 1).copied().unwrap_or(text.len());
        text.get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// The position (line, column in characters) of byte `at`, clamped to the text and moved
    /// back to a character boundary; a byte of the BOM is column 0.
    pub fn pos(&self, text: &str, at: usize) -> Pos {
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= at).saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0).min(at);
        Pos::new(line as u32, text[start..at].chars().count() as u32)
    }

    /// The byte offset of a position, clamped to its line.
    pub fn offset(&self, text: &str, pos: Pos) -> usize {
        let Some(&start) = self.starts.get(pos.line as usize) else {
            return text.len();
        };
        let line = self.line(text, pos.line as usize);
        start
            + line
                .char_indices()
                .nth(pos.col as usize)
                .map_or(line.len(), |(i, _)| i)
    }
}

/// Appends the line starts that the line ends in `bytes[from..to]` make (a `\r\n` whose `\n`
/// lies at `to` or beyond is left to whoever reads from there).
fn push_starts(bytes: &[u8], from: usize, to: usize, starts: &mut Vec<usize>) {
    starts.extend(line_starts(bytes, from, to));
}

fn line_starts(bytes: &[u8], from: usize, to: usize) -> impl Iterator<Item = usize> {
    memchr::memchr2_iter(b'\n', b'\r', &bytes[from..to])
        .map(move |i| from + i)
        .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
        .map(|i| i + 1)
}

/// The last line's number and where it starts, as [`LineIndex`] counts them, without building
/// one.
fn last_line(text: &str) -> (usize, usize) {
    line_starts(text.as_bytes(), 0, text.len())
        .fold((0, bom_len(text)), |(n, _), start| (n + 1, start))
}
