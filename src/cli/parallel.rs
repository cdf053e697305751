//! Work on the files in parallel, results in the files' order: `check` and `fmt` write each
//! file's report as soon as it and the files before it are done.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

/// How many results may wait, per thread, for an earlier file that is still being checked.
const AHEAD_PER_THREAD: usize = 4;

/// `work` on each item on the rayon pool's threads, and `emit` on each result in the items'
/// order, as soon as the results before it are in: the first file's report is written while
/// later files are checked, and only a few finished results wait at any time (a thread does not
/// start an item more than [`AHEAD_PER_THREAD`] per thread past the last one emitted), so
/// memory does not grow with the number of files. The thread that finishes the result next in
/// line emits it, and those waiting behind it: no thread of its own hands results on (its
/// wake-ups cost a fifth of the time of checking 2,000 files on two cores). A panic in `work` or
/// `emit` stops the other threads (they would wait for its result for ever) and is passed on.
pub(super) fn in_order<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(R) + Send,
) {
    // One file, as pre-commit checks them: starting the pool's threads would cost more than
    // the file.
    if let [item] = items {
        return emit(work(item));
    }
    let threads = rayon::current_num_threads().clamp(1, items.len().max(1));
    let window = threads * AHEAD_PER_THREAD;
    let next = AtomicUsize::new(0);
    let line = Line {
        state: Mutex::new(Waiting {
            early: BTreeMap::new(),
            emitted: 0,
            stopped: false,
            emit,
        }),
        moved: Condvar::new(),
    };
    rayon::scope(|pool| {
        for _ in 0..threads {
            let (next, line, work) = (&next, &line, &work);
            pool.spawn(move |_| {
                let _stop = StopOnPanic(line);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= items.len() || !line.wait_until_below(i, window) {
                        break;
                    }
                    line.finish(i, work(&items[i]));
                }
            });
        }
    });
}

/// The results that wait for an earlier one, and how many have been emitted.
struct Waiting<R, E> {
    early: BTreeMap<usize, R>,
    emitted: usize,
    /// A thread panicked: the others stop.
    stopped: bool,
    emit: E,
}

/// The queue of [`in_order`]: its state, and a signal each time results are emitted.
struct Line<R, E> {
    state: Mutex<Waiting<R, E>>,
    moved: Condvar,
}

impl<R, E: FnMut(R)> Line<R, E> {
    fn lock(&self) -> MutexGuard<'_, Waiting<R, E>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Blocks while `i` is `window` or more past the number of results emitted; false when the
    /// work has stopped.
    fn wait_until_below(&self, i: usize, window: usize) -> bool {
        let mut state = self.lock();
        while !state.stopped && i >= state.emitted + window {
            state = self.moved.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        !state.stopped
    }

    /// Result `i` is in: emits it if it is next, and every result waiting behind it.
    fn finish(&self, i: usize, result: R) {
        let mut state = self.lock();
        if state.stopped {
            return;
        }
        if i != state.emitted {
            state.early.insert(i, result);
            return;
        }
        let state = &mut *state;
        (state.emit)(result);
        state.emitted += 1;
        while let Some(result) = state.early.remove(&state.emitted) {
            (state.emit)(result);
            state.emitted += 1;
        }
        self.moved.notify_all();
    }
}

/// Stops the line when its thread unwinds.
struct StopOnPanic<'l, R, E: FnMut(R)>(&'l Line<R, E>);

impl<R, E: FnMut(R)> Drop for StopOnPanic<'_, R, E> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.lock().stopped = true;
            self.0.moved.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn run(items: &[u64], panic_at: Option<u64>) -> Vec<u64> {
        let mut out = Vec::new();
        in_order(
            items,
            |&i| {
                // Later items finish first now and then, so results arrive out of order.
                std::thread::sleep(Duration::from_micros((i * 7919) % 300));
                assert!(Some(i) != panic_at, "work failed at {i}");
                i
            },
            |i| out.push(i),
        );
        out
    }

    #[test]
    fn results_come_in_the_items_order() {
        let items: Vec<u64> = (0..300).collect();
        assert_eq!(run(&items, None), items);
        assert_eq!(run(&[], None), Vec::<u64>::new());
        assert_eq!(run(&[7], None), vec![7]);
    }

    #[test]
    fn a_panic_in_the_work_is_passed_on_and_nothing_waits_for_ever() {
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let items: Vec<u64> = (0..200).collect();
            let outcome = std::panic::catch_unwind(|| run(&items, Some(3)));
            let _ = done.send(outcome.is_err());
        });
        // A hang detector with room for a busy machine: the work itself takes milliseconds.
        let panicked = finished.recv_timeout(Duration::from_secs(120));
        assert_eq!(panicked, Ok(true), "in_order hung or swallowed the panic");
    }
}
