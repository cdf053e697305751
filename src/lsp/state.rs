//! The document store: for each open document its text, version, line index and configuration,
//! and — computed once per change, on first use — the parsed tree and the diagnostics. Lint,
//! completion, hover and the rest all read the same [`Analysis`]; nothing is parsed twice.
//!
//! A change produces a new immutable [`Snapshot`]; handlers hold an `Arc` to the one they
//! started with, so a slow reader never sees a half-applied edit.

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
    analysis: OnceLock<Analysis>,
    /// The text read line by line, for facts while it does not parse.
    rough: OnceLock<Option<Node>>,
}

pub struct Analysis {
    /// The tree of this text, if it parsed.
    pub root: Option<Arc<Node>>,
    pub diagnostics: Vec<Diagnostic>,
    pub today: NaiveDate,
}

impl Snapshot {
    pub fn new(uri: Uri, version: i32, text: String, config: Arc<Config>) -> Self {
        let is_response = is_response_document(&uri, &text);
        Snapshot {
            lines: LineIndex::new(&text),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            uri,
            version,
            text,
            config,
            is_response,
            analysis: OnceLock::new(),
            rough: OnceLock::new(),
        }
    }

    /// The same text under another configuration.
    pub fn with_config(&self, config: Arc<Config>) -> Self {
        Snapshot::new(self.uri.clone(), self.version, self.text.clone(), config)
    }

    /// Parses and lints, once.
    pub fn analysis(&self) -> &Analysis {
        self.analysis.get_or_init(|| {
            let today = super::today();
            let doc = document::parse(&self.text);
            let diagnostics = if self.is_response {
                rules::lint_document(&self.text, &doc, &self.config, today)
            } else {
                Vec::new()
            };
            let Document { root, .. } = doc;
            Analysis {
                root: root.map(Arc::new),
                diagnostics,
                today,
            }
        })
    }

    /// The tree of the current text, if it parses.
    pub fn tree(&self) -> Option<&Node> {
        self.analysis().root.as_deref()
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
        if self.text.contains("\r\n") {
            "\r\n"
        } else {
            "\n"
        }
    }
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

/// Drops a snapshot on another thread when this was the last reference: freeing the tree of a
/// large file takes milliseconds that should not delay the next diagnostics.
pub fn drop_later(snapshot: Arc<Snapshot>) {
    static DROPPER: OnceLock<Option<std::sync::mpsc::Sender<Arc<Snapshot>>>> = OnceLock::new();
    if Arc::strong_count(&snapshot) > 1 || snapshot.text.len() < 64 * 1024 {
        return;
    }
    let dropper = DROPPER.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::channel::<Arc<Snapshot>>();
        let spawned = std::thread::Builder::new()
            .name("section55-drop".to_owned())
            .spawn(move || for _ in rx {});
        spawned.ok().map(|_| tx)
    });
    if let Some(tx) = dropper {
        let _ = tx.send(snapshot);
    }
}

#[derive(Default)]
pub struct Store {
    docs: HashMap<Uri, Arc<Snapshot>>,
}

/// What applying a change did.
pub struct Applied {
    pub snapshot: Arc<Snapshot>,
    /// Edits whose range lay outside the text and were clamped to it.
    pub clamped: usize,
}

impl Store {
    pub fn get(&self, uri: &Uri) -> Option<Arc<Snapshot>> {
        self.docs.get(uri).cloned()
    }

    pub fn all(&self) -> Vec<Arc<Snapshot>> {
        self.docs.values().cloned().collect()
    }

    /// Whether `snapshot` is still the current state of its document.
    pub fn is_current(&self, snapshot: &Arc<Snapshot>) -> bool {
        self.docs
            .get(&snapshot.uri)
            .is_some_and(|s| Arc::ptr_eq(s, snapshot))
    }

    pub fn open(
        &mut self,
        uri: Uri,
        version: i32,
        text: String,
        config: Arc<Config>,
    ) -> Arc<Snapshot> {
        let snapshot = Arc::new(Snapshot::new(uri.clone(), version, text, config));
        self.docs.insert(uri, snapshot.clone());
        snapshot
    }

    pub fn replace(&mut self, snapshot: Arc<Snapshot>) {
        self.docs.insert(snapshot.uri.clone(), snapshot);
    }

    pub fn close(&mut self, uri: &Uri) -> Option<Arc<Snapshot>> {
        self.docs.remove(uri)
    }

    /// Applies a `didChange`; `None` when the document was never opened.
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        encoding: Encoding,
    ) -> Option<Applied> {
        let current = self.docs.get(uri)?.clone();
        let mut text = current.text.clone();
        let mut clamped = 0;
        for (i, change) in changes.iter().enumerate() {
            // The first change applies to the current text, whose line index is at hand.
            let lines = (i == 0).then_some(&current.lines);
            if !apply_change(&mut text, lines, change, encoding) {
                clamped += 1;
            }
        }
        let snapshot = Arc::new(Snapshot::new(
            uri.clone(),
            version,
            text,
            current.config.clone(),
        ));
        if let Some(old) = self.docs.insert(uri.clone(), snapshot.clone()) {
            drop_later(old);
        }
        drop_later(current);
        Some(Applied { snapshot, clamped })
    }
}

/// Applies one content change to `text`. Returns false when the range lay (partly) outside the
/// text or was reversed: it is then clamped to the text and put in order, never a panic.
/// `lines`, when given, is the line index of `text` as it is.
pub fn apply_change(
    text: &mut String,
    lines: Option<&LineIndex>,
    change: &TextDocumentContentChangeEvent,
    encoding: Encoding,
) -> bool {
    let Some(range) = change.range else {
        text.clone_from(&change.text);
        return true;
    };
    let fresh;
    let lines = match lines {
        Some(lines) => lines,
        None => {
            fresh = LineIndex::new(text);
            &fresh
        }
    };
    let conv = Converter::new(text, lines, encoding);
    let valid = conv.in_range(range.start) && conv.in_range(range.end) && range.start <= range.end;
    let (a, b) = (conv.offset(range.start), conv.offset(range.end));
    let (start, end) = if a <= b { (a, b) } else { (b, a) };
    text.replace_range(start..end, &change.text);
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
        let ok = apply_change(&mut text, None, &change, encoding);
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
}
