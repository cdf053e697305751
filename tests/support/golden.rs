//! Golden files shared by the tests that compare output with a committed copy: with
//! `UPDATE_GOLDEN=1` the copy is rewritten (review the diff), otherwise it must match.

use std::path::Path;

/// `actual` is the committed `path`, or (with `UPDATE_GOLDEN=1`) becomes it. `test` names the
/// test binary for the message (`cargo test --test TEST`).
pub fn check(path: &Path, actual: &str, test: &str) {
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
