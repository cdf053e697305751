//! Workspace diagnostics (`workspace/diagnostic`, the pull model of LSP 3.17): the findings of
//! every response file in the workspace folders, found the way `section55 check` finds them
//! ([`crate::discover`]), so the Problems view lists the whole portfolio and not only the open
//! files. An open document is reported at its version in the editor, with the snapshot and
//! result id that `textDocument/diagnostic` uses; the others are read from disk (at most
//! [`MAX_BYTES`] each) and linted as `check` lints them (`rules::lint_bytes`).
//!
//! Each file read from disk is kept with its stamp (modification time and length, under the
//! configuration's generation and today) and its findings, so a pull reads again only what
//! changed; its result id is a hash of its bytes under that generation and day, so a client that
//! holds it is told `unchanged`. A file reported before and gone now is reported once with no
//! findings, which clears it from the client.
//!
//! A client that gives a `partialResultToken` (VS Code does) gets the reports [`BATCH`] files at
//! a time as `$/progress` notifications, serialised and written by the scan's thread; otherwise
//! they are the response, which the runtime serialises.
//!
//! The scan runs on a blocking thread, one file at a time: the lint worker, which serves the
//! document being edited, has its own thread and the other core, and no lock it takes is held
//! while a file is read or linted (the store and the configurations are locked per file, for a
//! lookup).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use chrono::NaiveDate;
use tower_lsp_server::ls_types::{
    self as lsp, FullDocumentDiagnosticReport, PreviousResultId, UnchangedDocumentDiagnosticReport,
    Uri, WorkspaceDocumentDiagnosticReport, WorkspaceFullDocumentDiagnosticReport,
    WorkspaceUnchangedDocumentDiagnosticReport,
};

use super::config::Settings;
use super::position::{Converter, Encoding};
use super::state::Snapshot;
use super::{Inner, diagnostics, lock};
use crate::discover::{self, Source};
use crate::document::LineIndex;

/// The largest file the scan reads: a bigger one is reported as too large (opening it in the
/// editor lints it whole), so one stray export cannot hold up the portfolio's report.
pub const MAX_BYTES: u64 = 8 << 20;

/// The workspace folders and what the scans found in them.
#[derive(Default)]
pub struct Workspace {
    state: Mutex<State>,
    /// Held by the scan in progress (and by re-reads): a second pull waits for the first, then
    /// finds every file already read.
    scanning: Mutex<()>,
}

#[derive(Default)]
struct State {
    folders: Vec<PathBuf>,
    /// Changes with the configuration (settings, `section55.toml`): every file is read again.
    generation: u64,
    files: HashMap<PathBuf, Entry>,
    /// The files the last scan reported, so one that is gone is reported (empty) once.
    reported: HashSet<PathBuf>,
}

/// A file read from disk and its findings.
#[derive(Clone)]
struct Entry {
    stamp: Stamp,
    result_id: String,
    items: Arc<Vec<lsp::Diagnostic>>,
}

/// What the findings of a file on disk depend on, short of reading it.
#[derive(Clone, PartialEq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    generation: u64,
    today: NaiveDate,
}

/// Files per batch of reports: what a partial result (`$/progress`) carries.
pub const BATCH: usize = 100;

/// What every file of one scan is read under.
struct Context {
    encoding: Encoding,
    settings: Settings,
    today: NaiveDate,
    generation: u64,
}

impl Workspace {
    pub fn set_folders(&self, folders: Vec<PathBuf>) {
        lock(&self.state).folders = folders;
    }

    /// `workspace/didChangeWorkspaceFolders`.
    pub fn change_folders(&self, added: Vec<PathBuf>, removed: &[PathBuf]) {
        let mut state = lock(&self.state);
        state.folders.retain(|f| !removed.contains(f));
        for folder in added {
            if !state.folders.contains(&folder) {
                state.folders.push(folder);
            }
        }
    }

    /// The configuration changed: what was read under the old one is stale.
    pub fn reconfigured(&self) {
        lock(&self.state).generation += 1;
    }

    /// Whether `path` is in a workspace folder.
    pub fn contains(&self, path: &Path) -> bool {
        lock(&self.state)
            .folders
            .iter()
            .any(|f| path.starts_with(f))
    }

    fn context(&self, inner: &Inner) -> Context {
        let session = lock(&inner.session);
        Context {
            encoding: session.encoding,
            settings: session.settings.clone(),
            today: super::today(),
            generation: lock(&self.state).generation,
        }
    }
}

/// `workspace/diagnostic`: a report for every response file in the folders, `unchanged` for
/// those whose result id the client sent, given to `emit` [`BATCH`] files at a time (so a
/// client that takes partial results gets them as they are ready). Returns the configuration
/// problems met on the way, to show once.
pub fn scan(
    inner: &Inner,
    previous: &[PreviousResultId],
    emit: &mut dyn FnMut(Vec<WorkspaceDocumentDiagnosticReport>),
) -> Vec<String> {
    let workspace = &inner.workspace;
    let _one = lock(&workspace.scanning);
    let context = workspace.context(inner);
    let folders = lock(&workspace.state).folders.clone();
    let files = response_files(&folders);
    let open: HashMap<PathBuf, Arc<Snapshot>> = lock(&inner.store)
        .snapshots()
        .into_iter()
        .filter_map(|s| Some((file_path(&s.uri)?, s)))
        .collect();
    let known: HashMap<PathBuf, &str> = previous
        .iter()
        .filter_map(|p| Some((file_path(&p.uri)?, p.value.as_str())))
        .collect();
    let mut problems = Vec::new();
    let mut batch = Vec::with_capacity(BATCH);
    let mut reported = HashSet::with_capacity(files.len());
    for path in &files {
        let known = known.get(path).copied();
        let item = match open.get(path) {
            Some(snapshot) => Some(open_report(snapshot, context.encoding, known)),
            None => on_disk(inner, path, &context, &mut problems)
                .map(|(uri, entry)| disk_report(uri, &entry, known)),
        };
        if let Some(item) = item {
            batch.push(item);
            reported.insert(path.clone());
        }
        if batch.len() == BATCH {
            emit(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
        }
    }
    let gone = std::mem::replace(&mut lock(&workspace.state).reported, reported.clone());
    for path in gone.difference(&reported) {
        if !open.contains_key(path)
            && let Some(uri) = Uri::from_file_path(path)
        {
            batch.push(full(uri, None, None, Vec::new()));
        }
    }
    if !batch.is_empty() {
        emit(batch);
    }
    problems
}

/// `workspace/didChangeWatchedFiles` for response files: reads again those in the folders (and
/// forgets those deleted), so the pull that follows the refresh answers from what was read.
pub fn reread(inner: &Inner, paths: &[PathBuf]) -> Vec<String> {
    let workspace = &inner.workspace;
    let _one = lock(&workspace.scanning);
    let context = workspace.context(inner);
    let mut problems = Vec::new();
    for path in paths {
        lock(&workspace.state).files.remove(path);
        if workspace.contains(path) && path.is_file() {
            on_disk(inner, path, &context, &mut problems);
        }
    }
    problems
}

/// The response files in the folders, each once, in order.
fn response_files(folders: &[PathBuf]) -> BTreeSet<PathBuf> {
    let collected = discover::collect(folders);
    for failure in &collected.failures {
        super::log::line(&format!("workspace scan: {failure}"));
    }
    collected
        .sources
        .into_iter()
        .filter_map(|s| match s {
            Source::File(path) => Some(path),
            Source::Stdin => None,
        })
        .collect()
}

pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let is_file = uri.scheme().as_str().eq_ignore_ascii_case("file");
    is_file
        .then(|| uri.to_file_path().map(|p| p.into_owned()))
        .flatten()
}

fn open_report(
    snapshot: &Snapshot,
    encoding: Encoding,
    known: Option<&str>,
) -> WorkspaceDocumentDiagnosticReport {
    let result_id = snapshot.id.to_string();
    let version = Some(i64::from(snapshot.version));
    if known == Some(result_id.as_str()) {
        unchanged(snapshot.uri.clone(), version, result_id)
    } else {
        let items = diagnostics::all(snapshot, encoding);
        full(snapshot.uri.clone(), version, Some(result_id), items)
    }
}

fn disk_report(uri: Uri, entry: &Entry, known: Option<&str>) -> WorkspaceDocumentDiagnosticReport {
    if known == Some(entry.result_id.as_str()) {
        unchanged(uri, None, entry.result_id.clone())
    } else {
        let items = entry.items.as_ref().clone();
        full(uri, None, Some(entry.result_id.clone()), items)
    }
}

fn full(
    uri: Uri,
    version: Option<i64>,
    result_id: Option<String>,
    items: Vec<lsp::Diagnostic>,
) -> WorkspaceDocumentDiagnosticReport {
    WorkspaceDocumentDiagnosticReport::Full(WorkspaceFullDocumentDiagnosticReport {
        uri,
        version,
        full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id, items },
    })
}

fn unchanged(
    uri: Uri,
    version: Option<i64>,
    result_id: String,
) -> WorkspaceDocumentDiagnosticReport {
    WorkspaceDocumentDiagnosticReport::Unchanged(WorkspaceUnchangedDocumentDiagnosticReport {
        uri,
        version,
        unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id },
    })
}

/// A file on disk and its findings: as last read when its stamp is the same, else read again.
/// `None` when it is gone (deleted since the folder was walked) or has no URI.
fn on_disk(
    inner: &Inner,
    path: &Path,
    context: &Context,
    problems: &mut Vec<String>,
) -> Option<(Uri, Entry)> {
    let uri = Uri::from_file_path(path)?;
    let stamp = match std::fs::metadata(path) {
        Ok(meta) => Stamp {
            modified: meta.modified().ok(),
            len: meta.len(),
            generation: context.generation,
            today: context.today,
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(_) => Stamp {
            modified: None,
            len: 0,
            generation: context.generation,
            today: context.today,
        },
    };
    let cached = lock(&inner.workspace.state)
        .files
        .get(path)
        .filter(|e| e.stamp == stamp)
        .cloned();
    if let Some(entry) = cached {
        return Some((uri, entry));
    }
    let entry = read(inner, path, &uri, stamp, context, problems);
    lock(&inner.workspace.state)
        .files
        .insert(path.to_owned(), entry.clone());
    Some((uri, entry))
}

/// Reads and lints one file (or says why it could not be read).
fn read(
    inner: &Inner,
    path: &Path,
    uri: &Uri,
    stamp: Stamp,
    context: &Context,
    problems: &mut Vec<String>,
) -> Entry {
    let mut hasher = DefaultHasher::new();
    (stamp.generation, stamp.today).hash(&mut hasher);
    let items = match read_capped(path) {
        Ok(bytes) => {
            bytes.hash(&mut hasher);
            let (config, problem) = lock(&inner.configs).for_document(uri, &context.settings);
            problems.extend(problem.map(|p| format!("{p} (using the defaults until it is fixed)")));
            let (text, found) = crate::rules::lint_bytes(bytes, &config, context.today);
            let lines = LineIndex::new(&text);
            diagnostics::convert(&found, &Converter::new(&text, &lines, context.encoding))
        }
        Err(message) => {
            message.hash(&mut hasher);
            vec![diagnostics::about_file(message)]
        }
    };
    Entry {
        stamp,
        result_id: format!("disk-{:016x}", hasher.finish()),
        items: Arc::new(items),
    }
}

/// The file's bytes, or why they are not read: not readable, or over [`MAX_BYTES`].
fn read_capped(path: &Path) -> Result<Vec<u8>, String> {
    let cannot = |e: std::io::Error| format!("section55 cannot read this file: {e}");
    let file = std::fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!(
            "this file is larger than {} MB, more than the workspace scan reads: open it to check it, or run `section55 check` on it",
            MAX_BYTES >> 20
        ));
    }
    Ok(bytes)
}
