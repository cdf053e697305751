//! Event stream to value tree. Bounded by construction: nesting deeper than [`MAX_DEPTH`] and
//! aliases that would expand past [`MAX_ALIAS_NODES`] (or copy more than [`MAX_ALIAS_BYTES`] of
//! text) stop the build with a syntax error instead
//! of exhausting the stack or memory.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError, Span as YSpan};

use super::scalar::{owned, resolve_plain};
use super::{Document, Entry, Key, LineIndex, Node, SyntaxError, Value};
use crate::diagnostic::{Pos, Span};

/// Deepest nesting of lists and mappings accepted; a response needs 5.
pub const MAX_DEPTH: usize = 64;
/// Most nodes that aliases may copy in one document (guards against "billion laughs").
pub const MAX_ALIAS_NODES: usize = 10_000;
/// Most bytes of text (keys and values) that aliases may copy in one document: a few aliases of
/// one long string would otherwise be a "billion laughs" of bytes rather than of nodes.
pub const MAX_ALIAS_BYTES: usize = 1 << 20;
/// Most distinct keys kept for sharing in one parse; a response has about fifty.
const MAX_SHARED_KEYS: usize = 1024;
/// Mappings with this many keys get a hash index for the duplicate-key check.
const INDEX_KEYS_FROM: usize = 32;

pub fn parse(text: &str) -> Document {
    let mut builder = Builder {
        end: end_of(text),
        text,
        lines: OnceCell::new(),
        // Room for the distinct keys of a response (about fifty), so the set is not regrown.
        keys: HashSet::with_capacity(64),
        stack: Vec::new(),
        items: Vec::new(),
        entries: Vec::new(),
        root: None,
        errors: Vec::new(),
        anchors: HashMap::new(),
        alias_nodes: 0,
        alias_bytes: 0,
        documents: 0,
        fatal: false,
    };
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        let stop = match next {
            Ok((event, span)) => builder.event(event, span),
            Err(error) => {
                builder.scan_error(&error);
                true
            }
        };
        if stop {
            break;
        }
    }
    builder.finish()
}

/// The position just after the last character: the scanner reports some positions at end of
/// input one line further on (as if the text ended with a line break it lacks), and front ends
/// need positions inside the text.
fn end_of(text: &str) -> Pos {
    let (line, start) = super::last_line(text);
    Pos::new(line as u32, text[start..].chars().count() as u32)
}

/// An open list or mapping. Its children wait on the builder's `items` or `entries` (from
/// `base` on) and move into a vector of their exact number when it closes: a vector grown by
/// pushing keeps up to twice its length, which was a third of a large file's tree.
enum Frame {
    Seq {
        start: Span,
        anchor: usize,
        base: usize,
    },
    Map {
        start: Span,
        anchor: usize,
        base: usize,
        key: Option<(Key, Span)>,
        /// Key to position in `entries`, once the mapping is large (see [`INDEX_KEYS_FROM`]).
        index: Option<HashMap<Key, usize>>,
    },
}

struct Builder<'t> {
    stack: Vec<Frame>,
    /// The children of the open lists, innermost last.
    items: Vec<Node>,
    /// The entries of the open mappings, innermost last.
    entries: Vec<Entry>,
    /// Every distinct key read so far, shared by the entries that have it.
    keys: HashSet<Key>,
    root: Option<Node>,
    errors: Vec<SyntaxError>,
    /// Anchored nodes with their size: (node, nodes in it, bytes of text in it).
    anchors: HashMap<usize, (Node, usize, usize)>,
    alias_nodes: usize,
    alias_bytes: usize,
    documents: usize,
    fatal: bool,
    /// End of the text: no position is reported past it.
    end: Pos,
    text: &'t str,
    /// The text's lines, for a point at a line's end to stay inside the text: made only for a
    /// syntax error (a pass over the text and a vector of its lines is a cost every file would
    /// otherwise pay).
    lines: OnceCell<LineIndex>,
}

fn pos(m: &Marker) -> Pos {
    Pos::new(m.line().saturating_sub(1) as u32, m.col() as u32)
}

fn span(s: &YSpan) -> Span {
    Span::new(pos(&s.start), pos(&s.end))
}

impl Builder<'_> {
    /// The character at `p`; at the end of a line or of the text, where there is none, the
    /// empty range there: every range lies inside the text.
    fn point(&self, p: Pos) -> Span {
        let p = p.min(self.end);
        let lines = self.lines.get_or_init(|| LineIndex::new(self.text));
        let width = lines.line(self.text, p.line as usize).chars().count() as u32;
        let p = Pos::new(p.line, p.col.min(width));
        let end = if p.col < width { p.col + 1 } else { p.col };
        Span::new(p, Pos::new(p.line, end))
    }

    /// Handles one event; returns true when building must stop.
    fn event(&mut self, event: Event, ys: YSpan) -> bool {
        let s = span(&ys);
        let s = Span::new(s.start.min(self.end), s.end.min(self.end));
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return self.fail(
                        "this file holds more than one YAML document; a response file must hold exactly one (remove the `---` and what follows, or split the file)",
                        self.point(s.start),
                    );
                }
                false
            }
            Event::Scalar(text, style, anchor, tag) => {
                if matches!(self.stack.last(), Some(Frame::Map { key: None, .. })) {
                    // Keys are compared as written: `1: x` has the key "1".
                    let key = self.intern(&text);
                    self.set_key(key, s);
                    return false;
                }
                let value = if style == ScalarStyle::Plain && !is_str_tag(tag.as_deref()) {
                    resolve_plain(text)
                } else {
                    Value::Str(owned(text))
                };
                self.complete(Node { value, span: s }, anchor)
            }
            Event::SequenceStart(anchor, _) => self.open(
                Frame::Seq {
                    start: s,
                    anchor,
                    base: self.items.len(),
                },
                s,
            ),
            Event::MappingStart(anchor, _) => self.open(
                Frame::Map {
                    start: s,
                    anchor,
                    base: self.entries.len(),
                    key: None,
                    index: None,
                },
                s,
            ),
            Event::SequenceEnd | Event::MappingEnd => self.close(s),
            Event::Alias(id) => self.alias(id, s),
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => false,
        }
    }

    fn open(&mut self, frame: Frame, s: Span) -> bool {
        if self.stack.len() >= MAX_DEPTH {
            return self.fail(
                format!(
                    "nesting is deeper than {MAX_DEPTH} levels; a response file needs at most 5"
                ),
                self.point(s.start),
            );
        }
        if matches!(self.stack.last(), Some(Frame::Map { key: None, .. })) {
            return self.fail(
                "a mapping key must be plain text, not a list or mapping",
                self.point(s.start),
            );
        }
        self.stack.push(frame);
        false
    }

    fn close(&mut self, end: Span) -> bool {
        let Some(frame) = self.stack.pop() else {
            return false;
        };
        let (start, anchor, value) = match frame {
            Frame::Seq {
                start,
                anchor,
                base,
            } => (
                start,
                anchor,
                Value::Seq(self.items.drain(base..).collect()),
            ),
            Frame::Map {
                start,
                anchor,
                base,
                ..
            } => (
                start,
                anchor,
                Value::Map(self.entries.drain(base..).collect()),
            ),
        };
        let last_end = match &value {
            Value::Seq(items) => items.last().map(|n| n.span.end),
            Value::Map(entries) => entries.last().map(|e| e.value.span.end.max(e.key_span.end)),
            _ => None,
        };
        // Flow collections end just after their bracket (the parser's span for it runs on over a
        // trailing comment); block ones at their last child.
        let end_pos = if end.start != end.end {
            Pos::new(end.start.line, end.start.col + 1)
        } else {
            last_end.unwrap_or(start.end)
        };
        self.complete(
            Node {
                value,
                span: Span::new(start.start, end_pos.max(start.start)),
            },
            anchor,
        )
    }

    fn alias(&mut self, id: usize, s: Span) -> bool {
        let Some(&(_, nodes, bytes)) = self.anchors.get(&id) else {
            return self.fail(
                "this alias refers to an anchor that is not defined before it",
                self.point(s.start),
            );
        };
        // Counted before copying, so a bomb stops before it is built.
        self.alias_nodes += nodes;
        self.alias_bytes += bytes;
        if self.alias_nodes > MAX_ALIAS_NODES {
            return self.fail(
                format!("aliases in this file expand to more than {MAX_ALIAS_NODES} values; write the values out instead"),
                self.point(s.start),
            );
        }
        if self.alias_bytes > MAX_ALIAS_BYTES {
            return self.fail(
                format!("aliases in this file copy more than {} MB of text; write the values out instead", MAX_ALIAS_BYTES >> 20),
                self.point(s.start),
            );
        }
        let node = self.anchors[&id].0.clone();
        if matches!(self.stack.last(), Some(Frame::Map { key: None, .. })) {
            let key = match &node.value {
                Value::Str(text) => self.intern(text),
                _ => return self.fail("a mapping key must be plain text", self.point(s.start)),
            };
            self.set_key(key, s);
            return false;
        }
        self.complete(
            Node {
                value: node.value,
                span: s,
            },
            0,
        )
    }

    /// The shared copy of a key. Past [`MAX_SHARED_KEYS`] distinct keys (no response has so
    /// many: a file of generated or hostile keys), new ones are not kept for sharing.
    fn intern(&mut self, text: &str) -> Key {
        if let Some(key) = self.keys.get(text) {
            return key.clone();
        }
        let key = Key::from(text);
        if self.keys.len() < MAX_SHARED_KEYS {
            self.keys.insert(key.clone());
        }
        key
    }

    fn set_key(&mut self, key: Key, s: Span) {
        if let Some(Frame::Map { key: slot, .. }) = self.stack.last_mut() {
            *slot = Some((key, s));
        }
    }

    /// Attaches a finished node to its parent (or makes it the root).
    fn complete(&mut self, node: Node, anchor: usize) -> bool {
        if anchor != 0 {
            let (nodes, bytes) = measure(&node);
            self.anchors.insert(anchor, (node.clone(), nodes, bytes));
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { .. }) => self.items.push(node),
            Some(Frame::Map {
                base, key, index, ..
            }) => {
                let entries = &self.entries[*base..];
                let Some((key, key_span)) = key.take() else {
                    return false;
                };
                let first = match index {
                    Some(index) => index.get(&key).map(|&i| &entries[i]),
                    None => entries.iter().find(|e| e.key == key),
                };
                if let Some(first) = first {
                    let line = first.key_span.start.line + 1;
                    self.errors.push(SyntaxError {
                        message: format!(
                            "duplicate key `{key}` (first on line {line}); YAML keeps only one of them, so remove or rename one"
                        ),
                        span: key_span,
                    });
                    return false;
                }
                if index.is_none() && entries.len() >= INDEX_KEYS_FROM {
                    let keys = entries.iter().enumerate().map(|(i, e)| (e.key.clone(), i));
                    *index = Some(keys.collect());
                }
                if let Some(index) = index {
                    index.insert(key.clone(), entries.len());
                }
                self.entries.push(Entry {
                    key,
                    key_span,
                    value: node,
                });
            }
        }
        false
    }

    fn scan_error(&mut self, error: &ScanError) {
        let p = pos(error.marker()).min(self.end);
        let info = error.info();
        let message = if info.contains("recursion limit") {
            "nesting is too deep; a response file needs at most 5 levels".to_owned()
        } else if info.contains("simple key expect") {
            "the file is not well-formed YAML: a key here is not followed by `:` (a key must fit on one line, in at most 1024 characters)".to_owned()
        } else if info.contains("unprintable character") {
            "the file contains a control character YAML does not allow (such as NUL or a form feed): remove it".to_owned()
        } else if info.contains("must be followed by a valid YAML whitespace") {
            "`:` here must be followed by a space (a tab, as text pasted from a word processor often has, is not accepted): put a space after the colon".to_owned()
        } else if info.contains("tab") {
            format!("{info}: YAML does not allow tabs for indentation; indent with spaces")
        } else {
            format!("the file is not well-formed YAML: {info}")
        };
        self.errors.push(SyntaxError {
            message,
            span: self.point(p),
        });
        self.fatal = true;
    }

    fn fail(&mut self, message: impl Into<String>, span: Span) -> bool {
        self.errors.push(SyntaxError {
            message: message.into(),
            span,
        });
        self.fatal = true;
        true
    }

    fn finish(self) -> Document {
        // A duplicate key leaves a usable tree (the first value); anything else does not.
        let root = if self.fatal { None } else { self.root };
        Document {
            root,
            errors: self.errors,
        }
    }
}

fn is_str_tag(tag: Option<&saphyr_parser::Tag>) -> bool {
    tag.is_some_and(|t| t.is_yaml_core_schema() && t.suffix == "str")
}

/// The nodes in a tree and the bytes of text (keys and strings) it holds.
fn measure(node: &Node) -> (usize, usize) {
    let add = |(n, b): (usize, usize), (m, c): (usize, usize)| (n + m, b + c);
    match &node.value {
        Value::Str(text) => (1, text.len()),
        Value::Seq(items) => items.iter().map(measure).fold((1, 0), add),
        Value::Map(entries) => entries
            .iter()
            .map(|e| add(measure(&e.value), (0, e.key.len())))
            .fold((1, 0), add),
        _ => (1, 0),
    }
}
