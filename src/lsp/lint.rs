//! The lint worker: one thread, off the request path, that lints the documents that changed,
//! each at its latest version. A change only queues the document's name, so a burst of edits
//! queues it once and the versions in between are never linted; a lint that finishes after a
//! newer version arrived is not published (the newer one is queued behind it). Nothing queued
//! holds a snapshot: the worker takes the current one when it starts.

use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex};

use tower_lsp_server::ls_types::Uri;

#[derive(Default)]
pub struct Queue {
    pending: Mutex<Pending>,
    wake: Condvar,
}

#[derive(Default)]
struct Pending {
    uris: VecDeque<Uri>,
    closed: bool,
}

impl Queue {
    /// Asks for `uri` to be linted (once, however often it is asked before the worker gets to it).
    pub fn push(&self, uri: Uri) {
        let mut pending = super::lock(&self.pending);
        if !pending.uris.contains(&uri) {
            pending.uris.push_back(uri);
            self.wake.notify_one();
        }
    }

    /// Ends the worker once it finishes what it is doing.
    pub fn close(&self) {
        super::lock(&self.pending).closed = true;
        self.wake.notify_one();
    }

    /// The next document to lint, waiting for one; `None` once closed.
    fn next(&self) -> Option<Uri> {
        let mut pending = super::lock(&self.pending);
        loop {
            if pending.closed {
                return None;
            }
            if let Some(uri) = pending.uris.pop_front() {
                return Some(uri);
            }
            pending = self
                .wake
                .wait(pending)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }
}

/// Starts the worker: `lint` lints and publishes one document, and returns false when the
/// server is gone. The thread is never joined: at `exit` the process ends with it mid-lint.
pub fn spawn(queue: Arc<Queue>, lint: impl Fn(&Uri) -> bool + Send + 'static) {
    let spawned = std::thread::Builder::new()
        .name("section55-lint".to_owned())
        .spawn(move || {
            while let Some(uri) = queue.next() {
                if !lint(&uri) {
                    return;
                }
            }
        });
    if let Err(e) = spawned {
        super::log::line(&format!("cannot start the lint worker: {e}"));
    }
}
