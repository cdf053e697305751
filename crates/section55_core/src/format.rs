//! The formatter (`section55 fmt`, the editor's formatting): keys in the template's order at
//! every level ([`template::key_rank`]) and two spaces per level, lists written as the template
//! writes them (`- ` two spaces in from their key, an item's keys two in from its dash).
//!
//! It moves whole lines and changes only their indentation, so nothing else in the file can
//! change: every line of the input is in the output once, with its text after the indentation
//! byte for byte (quoting, a trailing comment, a block scalar's lines) and its own line break
//! (CRLF stays CRLF); a byte order mark stays. Comment and blank lines above a key travel with
//! it; those after a mapping's last key, indented as its keys or deeper, stay at its end; the
//! lines before the first key (up to the blank lines right above it) stay at the top. A block scalar's lines keep their indentation
//! relative to each other (with an indentation indicator, relative to their key), so its text is
//! unchanged.
//!
//! What it does not understand it leaves as written (only moved with its key): flow
//! collections (`[a, b]`), anchored or tagged collections, explicit keys (`? key`), lists of
//! lists, items whose value starts below their dash. Aliases are kept, and so are the anchors
//! they name; a reorder that would put an alias before its anchor fails the check below.
//!
//! The result is checked before it is returned: it must parse, to the same values, with every
//! line kept. A text that is not one well-formed YAML document is refused with its syntax
//! errors, never half-formatted.

use crate::diagnostic::{Pos, newline_of};
use crate::document::{self, Document, Entry, LineIndex, Node, SyntaxError, Value};
use crate::template;

/// Spaces per level.
const STEP: usize = 2;
/// YAML's white space.
const WHITE: [char; 2] = [' ', '\t'];

/// Why a text was not formatted.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// The text is not one well-formed YAML document (its errors, as `invalid-yaml` reports
    /// them): fix those first.
    Syntax(Vec<SyntaxError>),
    /// The formatted text would not have said the same (a bug in the formatter, which the
    /// check caught): the text is left as it was.
    Unsafe(&'static str),
}

impl Refusal {
    /// What to tell the user, with where (0-based) when there is a place.
    pub fn message(&self) -> (Option<Pos>, String) {
        match self {
            Refusal::Syntax(errors) => {
                let first = errors.first();
                (
                    first.map(|e| e.span.start),
                    first.map_or_else(String::new, |e| e.message.clone()),
                )
            }
            Refusal::Unsafe(why) => (
                None,
                format!(
                    "not formatted: moving its keys into the template's order would change what it says ({why}; an alias written before the anchor it names is one way); it is left as it was"
                ),
            ),
        }
    }
}

/// The formatted text.
pub fn format(text: &str) -> Result<String, Refusal> {
    format_document(text, &document::parse(text))
}

/// The formatted text of `text`, already parsed as `doc` (the language server parses once).
pub fn format_document(text: &str, doc: &Document) -> Result<String, Refusal> {
    if !doc.errors.is_empty() {
        return Err(Refusal::Syntax(doc.errors.clone()));
    }
    let Some(root) = &doc.root else {
        return Ok(text.to_owned());
    };
    let layout = Layout::new(text);
    let Some(placed) = layout.root(root) else {
        return Ok(text.to_owned());
    };
    let formatted = layout.write(&placed)?;
    if formatted != text {
        check_same(root, &formatted)?;
    }
    Ok(formatted)
}

/// The formatted text must parse to the same values (keys in any order).
fn check_same(root: &Node, formatted: &str) -> Result<(), Refusal> {
    let again = document::parse(formatted);
    match &again.root {
        Some(new) if again.errors.is_empty() && new.to_json() == root.to_json() => Ok(()),
        Some(_) if again.errors.is_empty() => Err(Refusal::Unsafe("a value would change")),
        _ => Err(Refusal::Unsafe("the result would not parse")),
    }
}

/// What goes before a line's kept text: `spaces` spaces, then a list item's `- ` if `dash`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Prefix {
    spaces: usize,
    dash: bool,
}

impl Prefix {
    fn at(spaces: usize) -> Self {
        Prefix {
            spaces,
            dash: false,
        }
    }
}

/// One output line: input line `line` from byte `cut` on, after `prefix`.
#[derive(Clone, Copy, Debug)]
struct Placed {
    line: usize,
    prefix: Prefix,
    cut: usize,
}

/// A mapping entry's lines while its mapping is sorted.
struct Chunk {
    rank: usize,
    /// Comment and blank lines above the key.
    leading: Vec<Placed>,
    key: Placed,
    value: Vec<Placed>,
}

/// The text by lines, and where each starts.
struct Layout<'t> {
    text: &'t str,
    index: LineIndex,
    /// Each line's text without its line break, and its line break.
    lines: Vec<(&'t str, &'t str)>,
    starts: Vec<usize>,
}

impl<'t> Layout<'t> {
    fn new(text: &'t str) -> Self {
        let index = LineIndex::new(text);
        let count = index.line_count();
        let starts: Vec<usize> = (0..count)
            .map(|n| index.offset(text, Pos::new(n as u32, 0)))
            .collect();
        let lines = (0..count)
            .map(|n| {
                let body = index.line(text, n);
                let end = starts.get(n + 1).copied().unwrap_or(text.len());
                let from = (starts[n] + body.len()).min(end);
                (body, text.get(from..end).unwrap_or(""))
            })
            .collect();
        Layout {
            text,
            index,
            lines,
            starts,
        }
    }

    fn body(&self, line: usize) -> &'t str {
        self.lines.get(line).map_or("", |(body, _)| body)
    }

    fn byte(&self, pos: Pos) -> usize {
        self.index.offset(self.text, pos)
    }

    /// The line holding byte `at`.
    fn line_of(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).saturating_sub(1)
    }

    /// Only spaces and tabs, YAML's white space (a non-breaking space is text to YAML).
    fn is_blank(&self, line: usize) -> bool {
        self.body(line).trim_matches(WHITE).is_empty()
    }

    fn is_comment(&self, line: usize) -> bool {
        self.body(line).trim_start_matches(WHITE).starts_with('#')
    }

    /// Leading spaces of a line.
    fn indent(&self, line: usize) -> usize {
        self.body(line).bytes().take_while(|&b| b == b' ').count()
    }

    /// A comment line at `at`, or a blank line (written empty).
    fn comment_or_blank(&self, line: usize, at: usize) -> Option<Placed> {
        let body = self.body(line);
        if self.is_blank(line) {
            Some(Placed {
                line,
                prefix: Prefix::at(0),
                cut: body.len(),
            })
        } else if self.is_comment(line) {
            let cut = body.len() - body.trim_start_matches(WHITE).len();
            Some(Placed {
                line,
                prefix: Prefix::at(at),
                cut,
            })
        } else {
            None
        }
    }

    /// Line `line` moved `delta` columns (kept where the move would take it past column 0; an
    /// empty line stays empty).
    fn shifted(&self, line: usize, delta: isize) -> Placed {
        let spaces = self.indent(line);
        let body = self.body(line);
        let moved = if body.is_empty() {
            0
        } else {
            spaces.saturating_add_signed(delta)
        };
        Placed {
            line,
            prefix: Prefix::at(moved),
            cut: spaces,
        }
    }

    /// The whole text: the lines before the root's first key, the root, the lines after it.
    fn root(&self, root: &Node) -> Option<Vec<Placed>> {
        let first = root.as_map().first()?;
        if !self.is_block_map(root) || first.key_span.start.col != 0 {
            return None;
        }
        // The header ends at its last comment (or directive); blank lines after it go with
        // the first key.
        let first_key = first.key_span.start.line as usize;
        let start = (0..first_key)
            .rev()
            .find(|&l| !self.is_blank(l))
            .map_or(0, |l| l + 1);
        let keep = |line| Placed {
            line,
            prefix: Prefix::at(0),
            cut: 0,
        };
        let mut out: Vec<Placed> = (0..start).map(keep).collect();
        let (map, end) = self.map(root, 0, Prefix::at(0), start, &[])?;
        out.extend(map);
        out.extend((end + 1..self.lines.len()).map(keep));
        Some(out)
    }

    /// A mapping in block style whose first key starts it (no anchor or tag before it).
    fn is_block_map(&self, node: &Node) -> bool {
        node.as_map()
            .first()
            .is_some_and(|e| e.key_span.start == node.span.start)
    }

    /// A mapping's lines from `lead` (the first line that may hold comments above its first
    /// key) in template order with its keys at column `at`, the first key's line after `first`;
    /// and the last line it took. `None` when it is not a mapping this formatter can lay out.
    fn map(
        &self,
        node: &Node,
        at: usize,
        first: Prefix,
        lead: usize,
        path: &[&str],
    ) -> Option<(Vec<Placed>, usize)> {
        let entries = node.as_map();
        let col = entries.first()?.key_span.start.col as usize;
        let mut chunks = Vec::with_capacity(entries.len());
        let mut next = lead;
        for (i, entry) in entries.iter().enumerate() {
            let line = entry.key_span.start.line as usize;
            let before = self.body(line).get(..col)?;
            let own_line = before.bytes().all(|b| b == b' ');
            let inline = i == 0 && first.dash;
            if entry.key_span.start.col as usize != col || !(own_line || inline) || line < next {
                return None;
            }
            let leading = (next..line)
                .map(|l| self.comment_or_blank(l, at))
                .collect::<Option<Vec<_>>>()?;
            let key = Placed {
                line,
                prefix: Prefix::at(at),
                cut: col,
            };
            let mut value = Vec::new();
            let end = self.value(entry, col, at, path, &mut value)?;
            chunks.push(Chunk {
                rank: template::key_rank(path, &entry.key),
                leading,
                key,
                value,
            });
            next = end + 1;
        }
        chunks.sort_by_key(|c| c.rank);
        let mut out = Vec::new();
        for (i, chunk) in chunks.into_iter().enumerate() {
            let mut key = chunk.key;
            let mut leading = chunk.leading;
            if i == 0 {
                key.prefix = first;
                for l in leading.iter_mut().filter(|l| l.prefix.spaces > 0) {
                    l.prefix.spaces = first.spaces;
                }
            }
            out.extend(leading);
            out.push(key);
            out.extend(chunk.value);
        }
        let end = self.trailing(next, col, at, &mut out);
        Some((out, end))
    }

    /// The comment lines after a mapping's or list's last entry (from `from`), indented at
    /// `col` or deeper, with the blank lines between them: they stay at its end, at `at`.
    /// Returns the last line taken.
    fn trailing(&self, from: usize, col: usize, at: usize, out: &mut Vec<Placed>) -> usize {
        let mut end = from;
        let mut line = from;
        while line < self.lines.len() {
            if self.is_comment(line) && self.indent(line) >= col {
                end = line + 1;
            } else if !self.is_blank(line) {
                break;
            }
            line += 1;
        }
        out.extend((from..end).filter_map(|l| self.comment_or_blank(l, at)));
        end - 1
    }

    /// An entry's value (its key at `col`, moving to `at`) onto `out`; the last line it took.
    fn value(
        &self,
        entry: &Entry,
        col: usize,
        at: usize,
        path: &[&str],
        out: &mut Vec<Placed>,
    ) -> Option<usize> {
        let line = entry.key_span.start.line as usize;
        let key_end = self
            .byte(entry.key_span.end)
            .saturating_sub(self.starts[line]);
        let after = self
            .body(line)
            .get(key_end..)?
            .trim_start_matches(WHITE)
            .strip_prefix(':')?;
        let delta = at as isize - col as isize;
        let node = &entry.value;
        let below = node.span.start.line as usize > line;
        let rest = after.trim_start_matches(WHITE);
        let bare = rest.is_empty() || rest.starts_with('#');
        let mut inner: Vec<&str> = path.to_vec();
        inner.push(&entry.key);
        let laid = match &node.value {
            Value::Map(_) if below && bare && self.is_block_map(node) => {
                self.map(node, at + STEP, Prefix::at(at + STEP), line + 1, &inner)
            }
            Value::Seq(_) if below && bare => self.seq(node, at + STEP, line + 1, &inner),
            _ => None,
        };
        if let Some((lines, end)) = laid {
            out.extend(lines);
            return Some(end);
        }
        Some(self.scalar(node, line, after, delta, at + STEP, out))
    }

    /// A value kept as written (a scalar, a flow or anchored collection) whose first line is
    /// `line`, with its other lines moved `delta` columns, or for a block scalar with no
    /// indentation indicator to column `child`: the last line it took. `header` is the rest of
    /// its first line, where a block scalar's indicator (`|`, `>-`, `|+2`) is.
    fn scalar(
        &self,
        node: &Node,
        line: usize,
        header: &str,
        delta: isize,
        child: usize,
        out: &mut Vec<Placed>,
    ) -> usize {
        let indicator = header
            .split_whitespace()
            .take_while(|t| !t.starts_with('#'))
            .last()
            .filter(|t| t.starts_with(['|', '>']));
        let keeps = indicator.is_some_and(|t| t.contains('+'));
        let end = self.last_line(node, line, keeps);
        let delta = match indicator {
            Some(t) if !t.contains(|c: char| c.is_ascii_digit()) => (line + 1..=end)
                .find(|&l| !self.is_blank(l))
                .map_or(delta, |l| child as isize - self.indent(l) as isize),
            _ => delta,
        };
        out.extend((line + 1..=end).map(|l| self.shifted(l, delta)));
        end
    }

    /// The last line of a value that starts on `line`: the line of its last character, or for
    /// a block scalar that keeps its final line breaks (`|+`), its last blank line.
    fn last_line(&self, node: &Node, line: usize, keeps: bool) -> usize {
        let (start, end) = (self.byte(node.span.start), self.byte(node.span.end));
        let last = if keeps {
            // The scalar's span ends where the next thing starts.
            let end_line = self.line_of(end);
            let before_end = self.text.get(self.starts[end_line]..end).unwrap_or("");
            let blank = before_end.trim_matches(WHITE).is_empty();
            if end_line > node.span.start.line as usize && blank {
                end_line - 1
            } else {
                end_line
            }
        } else {
            let span = self.text.get(start..end).unwrap_or("");
            let written = span.trim_end_matches([' ', '\t', '\n', '\r']).len();
            if written == 0 {
                line
            } else {
                self.line_of(start + written - 1)
            }
        };
        last.max(line)
    }

    /// A block list's lines from `lead`, its dashes at column `at`; the last line it took.
    fn seq(
        &self,
        node: &Node,
        at: usize,
        lead: usize,
        path: &[&str],
    ) -> Option<(Vec<Placed>, usize)> {
        let items = node.as_seq();
        let mut out = Vec::new();
        let mut next = lead;
        let mut dash_col = None;
        for item in items {
            // The item's dash line: the first line that is not a comment or blank.
            let mut line = next;
            while line < self.lines.len() && (self.is_blank(line) || self.is_comment(line)) {
                line += 1;
            }
            for l in next..line {
                out.extend(self.comment_or_blank(l, at));
            }
            let body = self.body(line);
            let col = self.indent(line);
            if *dash_col.get_or_insert(col) != col || !body[col..].starts_with('-') {
                return None;
            }
            let rest = &body[col + 1..];
            if !(rest.is_empty() || rest.starts_with(' ')) {
                return None;
            }
            let content = col + 1 + (rest.len() - rest.trim_start_matches(' ').len());
            let item_line = item.span.start.line as usize;
            let inline = item_line == line && item.span.start.col as usize == content;
            let dash = Prefix {
                spaces: at,
                dash: true,
            };
            let child = at + STEP;
            let laid = match &item.value {
                Value::Seq(_) => return None,
                Value::Map(_) if inline && self.is_block_map(item) => {
                    self.map(item, child, dash, line, path)
                }
                _ => None,
            };
            next = match laid {
                Some((lines, end)) => {
                    out.extend(lines);
                    end + 1
                }
                None if inline || matches!(item.value, Value::Str(_)) => {
                    out.push(Placed {
                        line,
                        prefix: dash,
                        cut: content,
                    });
                    let delta = child as isize - content as isize;
                    self.scalar(item, line, &body[content..], delta, child, &mut out) + 1
                }
                None => return None,
            };
        }
        let end = self.trailing(next, dash_col?, at, &mut out);
        Some((out, end))
    }

    /// The output: each placed line, once each, with its own line break (the last line's as
    /// the input ends).
    fn write(&self, placed: &[Placed]) -> Result<String, Refusal> {
        let mut seen = vec![false; self.lines.len()];
        for p in placed {
            match seen.get_mut(p.line) {
                Some(s) if !*s => *s = true,
                _ => return Err(Refusal::Unsafe("a line would be written twice")),
            }
        }
        if seen.contains(&false) {
            return Err(Refusal::Unsafe("a line would be lost"));
        }
        let newline = newline_of(self.text);
        let mut out = String::with_capacity(self.text.len() + self.text.len() / 8);
        out.push_str(&self.text[..document::bom_len(self.text)]);
        for p in placed {
            let (body, mut ending) = self.lines[p.line];
            let kept = body.get(p.cut..).unwrap_or("");
            let start = out.len();
            out.extend(std::iter::repeat_n(' ', p.prefix.spaces));
            if p.prefix.dash {
                out.push_str("- ");
            }
            if kept.is_empty() {
                out.truncate(start + out[start..].trim_end().len());
            }
            out.push_str(kept);
            if ending.is_empty() {
                ending = newline;
            }
            out.push_str(ending);
        }
        let (_, last_ending) = self.lines.last().copied().unwrap_or(("", ""));
        if last_ending.is_empty() {
            let trimmed = out.strip_suffix(newline).map(str::len);
            out.truncate(trimmed.unwrap_or(out.len()));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
