//! Checks of rendered output shared by the test files: golden files (with `UPDATE_GOLDEN=1` the
//! committed copy is rewritten: review the diff; otherwise the output must match it), and parts
//! that must appear in order.

use std::path::Path;

/// `actual` is the committed `path`, or (with `UPDATE_GOLDEN=1`) becomes it. `test` names the
/// test binary for the message (`cargo test --test TEST`).
pub fn check_golden(path: &Path, actual: &str, test: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        expected == actual,
        "{} differs from the output; if the change is intended, run `UPDATE_GOLDEN=1 cargo test --test {test}` and review the diff",
        path.display()
    );
}

/// Each of `parts` appears in `text`, each after the end of the one before.
pub fn assert_in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        let at = text[from..].find(part).unwrap_or_else(|| {
            panic!("`{part}` missing or out of order after byte {from}:\n{text}")
        });
        from += at + part.len();
    }
}
