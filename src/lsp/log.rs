//! The server's stderr log: bounded and never blocking. A client that never reads the server's
//! stderr fills the pipe; writing there directly would then stop the server. Lines go through a
//! bounded queue to a thread of their own, which alone may block on the pipe; while the queue is
//! full new lines are dropped, and the next line written says how many were.
//! (What the user should see also goes to the client as `window/logMessage` or
//! `window/showMessage`.)

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{SyncSender, TrySendError};

/// Lines waiting for stderr before new ones are dropped.
const QUEUE: usize = 256;

static DROPPED: AtomicUsize = AtomicUsize::new(0);

/// Logs one line as `section55 lsp: TEXT`, without waiting.
pub fn line(text: &str) {
    static QUEUE_IN: OnceLock<Option<SyncSender<String>>> = OnceLock::new();
    let queue = QUEUE_IN.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<String>(QUEUE);
        let spawned = std::thread::Builder::new()
            .name("section55-log".to_owned())
            .spawn(move || {
                for text in rx {
                    let dropped = DROPPED.swap(0, Ordering::Relaxed);
                    if dropped > 0 {
                        crate::stderr::line(&format!(
                            "section55 lsp: ({dropped} log lines dropped: stderr was not read)"
                        ));
                    }
                    crate::stderr::line(&text);
                }
            });
        spawned.ok().map(|_| tx)
    });
    let Some(queue) = queue else { return };
    match queue.try_send(format!("section55 lsp: {text}")) {
        Ok(()) | Err(TrySendError::Disconnected(_)) => {}
        Err(TrySendError::Full(_)) => {
            DROPPED.fetch_add(1, Ordering::Relaxed);
        }
    }
}
