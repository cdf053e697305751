//! The document store: for each open document its text, version, line index and configuration,
//! and — computed once per version, on first use — the parsed tree and the findings. Lint,
//! completion, hover and the rest all read the same [`Snapshot`]; nothing is parsed twice.
//!
//! A change produces a new immutable [`Snapshot`]; handlers hold an `Arc` to the one they
//! started with, so a slow reader never sees a half-applied edit. An edit costs the size of the
//! edit: the text is edited in place when no one else holds the snapshot (cloned once when a
//! lint or a request still does), and the line index is updated, not rebuilt
//! ([`LineIndex::edit`]). The parse and the lint are separate: features that need the tree
//! (hover, completion, outline) never wait for the findings, which the lint worker computes off
//! the request path (`super::lint`).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

use super::position::{Converter, Encoding};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::document::{self, Document, LineIndex, Node};
use crate::rules;

/// Every snapshot gets a new id, so pull diagnostics can tell "unchanged" from "changed" even
/// when only the configuration changed.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Texts at least this long are freed on another thread (see [`drop_later`]).
const LARGE: usize = 64 * 1024;

pub struct Snapshot {
    pub uri: Uri,
    pub version: i32,
    pub id: u64,
    pub text: String,
    pub lines: LineIndex,
    pub config: Arc<Config>,
    /// Whether this is a response file (`*.s55.yaml`, or one that names section55 at the top);
    /// other YAML files the client opens get no diagnostics and no features.
    pub is_response: bool,
    /// Today for the rules and the features, read once per version.
    pub today: NaiveDate,
    parsed: OnceLock<Document>,
    analysis: OnceLock<Analysis>,
    /// The text read line by line, for facts while it does not parse.
    rough: OnceLock<Option<Node>>,
}

pub struct Analysis {
    pub diagnostics: Vec<Diagnostic>,
}

impl Snapshot {
    fn new(uri: Uri, version: i32, text: String, lines: LineIndex, config: Arc<Config>) -> Self {
        Snapshot {
            is_response: is_response_document(&uri, &text),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            today: super::today(),
            uri,
            version,
            text,
            lines,
            config,
            parsed: OnceLock::new(),
            analysis: OnceLock::new(),
            rough: OnceLock::new(),
        }
    }

    /// The parse of the current text, once per version.
    pub fn parsed(&self) -> &Document {
        self.parsed.get_or_init(|| document::parse(&self.text))
    }

    /// Parses (once) and lints (once): the findings. Slow on a large text, so requests reach it
    /// only through the lint worker or off the runtime thread.
    pub fn analysis(&self) -> &Analysis {
        self.analysis.get_or_init(|| Analysis {
            diagnostics: if self.is_response {
                rules::lint_document(&self.text, self.parsed(), &self.config, self.today)
            } else {
                Vec::new()
            },
        })
    }

    /// The tree of the current text, if it parses.
    pub fn tree(&self) -> Option<&Node> {
        self.parsed().root.as_ref()
    }

    /// The tree, or while the text does not parse the tree read from its lines: for facts
    /// (ids, dates, names, texts), never for positions.
    pub fn facts_tree(&self) -> Option<&Node> {
        self.tree().or_else(|| {
            self.rough
                .get_or_init(|| crate::document::lenient::rough_tree(&self.text))
                .as_ref()
        })
    }

    pub fn converter(&self, encoding: Encoding) -> Converter<'_> {
        Converter::new(&self.text, &self.lines, encoding)
    }

    /// The line ending this text uses.
    pub fn newline(&self) -> &'static str {
        newline(&self.text)
    }
}

/// The line ending a text uses.
pub fn newline(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// `*.s55.yaml` / `*.s55.yml` files, documents that are not files (untitled buffers), and files
/// whose first lines mention section55 (a `$schema` line naming its schema).
pub fn is_response_document(uri: &Uri, text: &str) -> bool {
    let path = uri.path().as_str().to_lowercase();
    let is_file = uri.scheme().as_str().eq_ignore_ascii_case("file");
    if !is_file || path.ends_with(".s55.yaml") || path.ends_with(".s55.yml") {
        return true;
    }
    text.lines().take(5).any(|l| l.contains("section55"))
}

/// Frees `value` on another thread when `large`: freeing the tree of a large file takes
/// milliseconds that should delay neither the next edit nor the next diagnostics.
pub fn drop_later<T: Send + 'static>(value: T, large: bool) {
    type Garbage = Box<dyn Send>;
    static DROPPER: OnceLock<Option<std::sync::mpsc::Sender<Garbage>>> = OnceLock::new();
    if !large {
        return;
    }
    let dropper = DROPPER.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::channel::<Garbage>();
        let spawned = std::thread::Builder::new()
            .name("section55-drop".to_owned())
            .spawn(move || for _ in rx {});
        spawned.ok().map(|_| tx)
    });
    if let Some(tx) = dropper {
        let _ = tx.send(Box::new(value));
    }
}

/// Drops a snapshot that is no longer current, on another thread if it is large.
pub fn drop_snapshot(snapshot: Arc<Snapshot>) {
    let large = snapshot.text.len() >= LARGE;
    drop_later(snapshot, large);
}

/// The text and line index of a snapshot being replaced: taken from it when no one else holds
/// it, else copied (its parse and findings are freed, on another thread when large).
fn take_text(snapshot: Arc<Snapshot>) -> (String, LineIndex) {
    match Arc::try_unwrap(snapshot) {
        Ok(Snapshot {
            text,
            lines,
            parsed,
            analysis,
            rough,
            ..
        }) => {
            drop_later((parsed, analysis, rough), text.len() >= LARGE);
            (text, lines)
        }
        Err(shared) => {
            let taken = (shared.text.clone(), shared.lines.clone());
            drop_snapshot(shared);
            taken
        }
    }
}

#[derive(Default)]
pub struct Store {
    docs: HashMap<Uri, Arc<Snapshot>>,
}

impl Store {
    pub fn get(&self, uri: &Uri) -> Option<Arc<Snapshot>> {
        self.docs.get(uri).cloned()
    }

    pub fn uris(&self) -> Vec<Uri> {
        self.docs.keys().cloned().collect()
    }

    /// The current snapshot of every open document.
    pub fn snapshots(&self) -> Vec<Arc<Snapshot>> {
        self.docs.values().cloned().collect()
    }

    /// Whether `snapshot` is still the current state of its document.
    pub fn is_current(&self, snapshot: &Arc<Snapshot>) -> bool {
        self.docs
            .get(&snapshot.uri)
            .is_some_and(|s| Arc::ptr_eq(s, snapshot))
    }

    pub fn open(&mut self, uri: Uri, version: i32, text: String, config: Arc<Config>) {
        let lines = LineIndex::new(&text);
        let snapshot = Arc::new(Snapshot::new(uri.clone(), version, text, lines, config));
        if let Some(old) = self.docs.insert(uri, snapshot) {
            drop_snapshot(old);
        }
    }

    /// The same text under another configuration; false when the document is not open.
    pub fn reconfigure(&mut self, uri: &Uri, config: Arc<Config>) -> bool {
        let Some(current) = self.docs.remove(uri) else {
            return false;
        };
        let version = current.version;
        let (text, lines) = take_text(current);
        let snapshot = Snapshot::new(uri.clone(), version, text, lines, config);
        self.docs.insert(uri.clone(), Arc::new(snapshot));
        true
    }

    pub fn close(&mut self, uri: &Uri) {
        if let Some(old) = self.docs.remove(uri) {
            drop_snapshot(old);
        }
    }

    /// Applies a `didChange`: the number of edits that lay outside the document and were
    /// clamped to it, or `None` when the document was never opened.
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        encoding: Encoding,
    ) -> Option<usize> {
        let current = self.docs.remove(uri)?;
        let config = current.config.clone();
        let (mut text, mut lines) = take_text(current);
        let clamped = changes
            .iter()
            .filter(|change| !apply_change(&mut text, &mut lines, change, encoding))
            .count();
        let snapshot = Snapshot::new(uri.clone(), version, text, lines, config);
        self.docs.insert(uri.clone(), Arc::new(snapshot));
        Some(clamped)
    }
}

/// Applies one content change to `text` and its line index `lines`. Returns false when the
/// range lay (partly) outside the text or was reversed: it is then clamped to the text and put
/// in order, never a panic.
pub fn apply_change(
    text: &mut String,
    lines: &mut LineIndex,
    change: &TextDocumentContentChangeEvent,
    encoding: Encoding,
) -> bool {
    let Some(range) = change.range else {
        text.clone_from(&change.text);
        *lines = LineIndex::new(text);
        return true;
    };
    let conv = Converter::new(text, lines, encoding);
    let valid = conv.in_range(range.start) && conv.in_range(range.end) && range.start <= range.end;
    let (a, b) = (conv.offset(range.start), conv.offset(range.end));
    let (start, end) = if a <= b { (a, b) } else { (b, a) };
    text.replace_range(start..end, &change.text);
    lines.edit(text, start, end, change.text.len());
    valid
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn edit(
        text: &str,
        range: ((u32, u32), (u32, u32)),
        new: &str,
        encoding: Encoding,
    ) -> (String, bool) {
        let mut text = text.to_owned();
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(
                Position::new(range.0.0, range.0.1),
                Position::new(range.1.0, range.1.1),
            )),
            range_length: None,
            text: new.to_owned(),
        };
        let mut lines = LineIndex::new(&text);
        let ok = apply_change(&mut text, &mut lines, &change, encoding);
        (text, ok)
    }

    #[test]
    fn multi_line_and_multi_byte_edits() {
        let text = "a: é😀\r\nb: x\nc: y\n";
        assert_eq!(
            edit(text, ((0, 6), (0, 6)), "!", Encoding::Utf16),
            ("a: é😀!\r\nb: x\nc: y\n".into(), true)
        );
        assert_eq!(
            edit(text, ((0, 9), (0, 9)), "!", Encoding::Utf8),
            ("a: é😀!\r\nb: x\nc: y\n".into(), true)
        );
        assert_eq!(
            edit(text, ((0, 3), (2, 1)), "Z", Encoding::Utf16),
            ("a: Z: y\n".into(), true)
        );
        assert_eq!(
            edit(text, ((1, 0), (2, 0)), "", Encoding::Utf16),
            ("a: é😀\r\nc: y\n".into(), true)
        );
    }

    #[test]
    fn out_of_range_edits_are_clamped() {
        let text = "a: 1\nb: 2\n";
        assert_eq!(
            edit(text, ((0, 50), (0, 60)), "x", Encoding::Utf16),
            ("a: 1x\nb: 2\n".into(), false)
        );
        assert_eq!(
            edit(text, ((40, 0), (41, 0)), "c: 3\n", Encoding::Utf16),
            ("a: 1\nb: 2\nc: 3\n".into(), false)
        );
        assert_eq!(
            edit(text, ((1, 0), (0, 0)), "", Encoding::Utf16),
            ("b: 2\n".into(), false)
        );
    }

    /// A small xorshift generator, so the randomized test needs no dependency and repeats
    /// exactly.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n.max(1) as u64) as usize
        }
    }

    /// Up to `most` pieces of text.
    fn random_text(rng: &mut Rng, most: usize) -> String {
        const PIECES: &[&str] = &[
            "a", "key: v", "\n", "\r", "\r\n", "é", "😀", "\u{feff}", " ",
        ];
        (0..rng.below(most + 1))
            .map(|_| PIECES[rng.below(PIECES.len())])
            .collect()
    }

    /// The byte offset of a client position, worked out from scratch on the text as the client
    /// holds it: lines split at every line end, the byte order mark a character the client
    /// counts but the server never edits before, clamped to the line and to the text.
    fn reference_offset(text: &str, position: Position, encoding: Encoding) -> usize {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            let ends_line = *b == b'\n' || (*b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        let Some(&start) = starts.get(position.line as usize) else {
            return text.len();
        };
        let end = starts
            .get(position.line as usize + 1)
            .copied()
            .unwrap_or(text.len());
        let line = text[start..end].trim_end_matches(['\r', '\n']);
        let mut units = 0;
        let mut offset = start + line.len();
        for (i, c) in line.char_indices() {
            let width = match encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            } as u32;
            if units + width > position.character {
                offset = start + i;
                break;
            }
            units += width;
        }
        if position.line == 0 {
            offset.max(document::bom_len(text))
        } else {
            offset
        }
    }

    #[test]
    fn random_edits_keep_text_and_line_index_exact() {
        let mut rng = Rng(0x0dd_ba11_cafe_f00d);
        for round in 0..300 {
            let encoding = if round % 2 == 0 {
                Encoding::Utf16
            } else {
                Encoding::Utf8
            };
            let mut text = random_text(&mut rng, 30);
            if round % 3 == 0 {
                text.insert(0, '\u{feff}');
            }
            let mut lines = LineIndex::new(&text);
            for _ in 0..30 {
                let line_count = text.split('\n').count() + 2;
                let mut at = || Position::new(rng.below(line_count) as u32, rng.below(12) as u32);
                let (start, end) = (at(), at());
                let new = random_text(&mut rng, 5);
                let change = TextDocumentContentChangeEvent {
                    range: Some(Range::new(start, end)),
                    range_length: None,
                    text: new.clone(),
                };
                let (a, b) = (
                    reference_offset(&text, start, encoding),
                    reference_offset(&text, end, encoding),
                );
                let mut expected = text.clone();
                expected.replace_range(a.min(b)..a.max(b), &new);
                let before = text.clone();
                apply_change(&mut text, &mut lines, &change, encoding);
                assert_eq!(
                    text, expected,
                    "{before:?}: {start:?}..{end:?} replaced by {new:?} ({encoding:?})"
                );
                assert_eq!(lines, LineIndex::new(&text), "{text:?}");
            }
        }
    }
}
