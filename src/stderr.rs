//! Standard error that never panics: `eprintln!` panics when stderr is a closed pipe, and a
//! message about a problem must not become a crash. Every front end writes its notes, errors and
//! logs through [`line`].

use std::io::Write;

/// Writes `text` and a line break to standard error; a closed or full-and-broken stderr is
/// ignored.
pub fn line(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err
        .write_all(text.as_bytes())
        .and_then(|()| err.write_all(b"\n"));
}

/// Writes `text` without a line break (a progress line rewritten in place), ignoring errors.
pub fn partial(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}
