//! `section55 check --fix`, `--unsafe-fixes` and `--diff` through the real binary: files fixed in
//! place byte for byte where no fix applies (comments, CRLF, a byte order mark), standard input,
//! read-only files, modes and links kept, exit codes after fixing, a second run changing nothing.

mod cli_binary;

use std::path::{Path, PathBuf};

use cli_binary::{section55, stderr};

const CLEAN: &str = include_str!("../examples/surrey-peel-2025.s55.yaml");

fn temp_dir(name: &str) -> PathBuf {
    cli_binary::temp_dir("fix", name)
}

/// The clean example with two slips only safe fixes touch: the +56 deadline and a misspelt
/// status (a schema error, so `check` exits 1 before fixing).
fn with_safe_slips(clean: &str) -> String {
    clean
        .replacen(
            "response_deadline: 2025-11-04",
            "response_deadline: 2025-11-05",
            1,
        )
        .replacen(
            "    status: accepted\n\ncauses",
            "    status: Acepted\n\ncauses",
            1,
        )
}

/// A file in `dir` with `text`.
fn file(dir: &Path, name: &str, text: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn fix_applies_the_safe_fixes_and_keeps_every_other_byte() {
    let dir = temp_dir("safe");
    let path = file(&dir, "r.s55.yaml", with_safe_slips(CLEAN).as_bytes());
    assert_eq!(
        section55(&dir, &["check", "r.s55.yaml"], None)
            .status
            .code(),
        Some(1)
    );
    let out = section55(&dir, &["check", "--fix", "r.s55.yaml"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "exit code after fixing: {}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), CLEAN);
    let err = stderr(&out);
    assert!(
        err.contains("fixed r.s55.yaml: 2 fixes (deadline-off-by-one, schema)"),
        "{err}"
    );
    let again = section55(&dir, &["check", "--fix", "r.s55.yaml"], None);
    assert!(
        stderr(&again).contains("applied 0 fixes in 0 files"),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), CLEAN);
}

#[test]
fn crlf_and_a_byte_order_mark_are_kept() {
    let dir = temp_dir("crlf-bom");
    let crlf = |t: &str| format!("\u{feff}{}", t.replace('\n', "\r\n"));
    let path = file(&dir, "r.s55.yaml", crlf(&with_safe_slips(CLEAN)).as_bytes());
    let out = section55(&dir, &["check", "--fix", "r.s55.yaml"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), crlf(CLEAN));
}

#[test]
fn unsafe_fixes_wait_for_their_flag() {
    let dir = temp_dir("unsafe");
    let unanswered = CLEAN.replace("    - recommendation: 1\n", "    - recommendation: 9\n");
    let path = file(&dir, "r.s55.yaml", unanswered.as_bytes());
    let out = section55(&dir, &["check", "--fix", "r.s55.yaml"], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), unanswered);
    assert!(
        stderr(&out).contains("with an unsafe fix"),
        "{}",
        stderr(&out)
    );

    let out = section55(
        &dir,
        &["check", "--fix", "--unsafe-fixes", "r.s55.yaml"],
        None,
    );
    let fixed = std::fs::read_to_string(&path).expect("read");
    assert!(
        fixed.contains("    - recommendation: 1\n      action: TODO"),
        "a response stub: {fixed}"
    );
    // The stub's placeholder is itself a finding: exit 1 after fixing.
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("empty-section"), "{}", stderr(&out));
}

#[test]
fn overlapping_fixes_are_applied_over_several_passes() {
    let dir = temp_dir("passes");
    let two = CLEAN
        .replace("    - recommendation: 1\n", "    - recommendation: 9\n")
        .replacen(
            "recommendations:\n  - id: 1\n",
            "recommendations:\n  - id: 2\n    text: A second recommendation.\n    status: accepted\n  - id: 1\n",
            1,
        );
    let path = file(&dir, "r.s55.yaml", two.as_bytes());
    let out = section55(
        &dir,
        &["check", "--fix", "--unsafe-fixes", "r.s55.yaml"],
        None,
    );
    assert!(
        stderr(&out).contains("unanswered-recommendation ×2"),
        "{}",
        stderr(&out)
    );
    let fixed = std::fs::read_to_string(&path).expect("read");
    assert!(
        fixed.contains("    - recommendation: 2\n      action: TODO"),
        "{fixed}"
    );
    assert!(
        fixed.contains("    - recommendation: 1\n      action: TODO"),
        "{fixed}"
    );
}

#[test]
fn diff_prints_the_changes_and_writes_nothing() {
    let dir = temp_dir("diff");
    let slips = with_safe_slips(CLEAN);
    let path = file(&dir, "r.s55.yaml", slips.as_bytes());
    let out = section55(&dir, &["check", "--diff", "r.s55.yaml"], None);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), slips);
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(
        diff.starts_with("--- a/r.s55.yaml\n+++ b/r.s55.yaml\n@@ "),
        "{diff}"
    );
    assert!(
        diff.contains("\n-response_deadline: 2025-11-05\n+response_deadline: 2025-11-04\n"),
        "{diff}"
    );
    assert!(
        diff.contains("\n-    status: Acepted\n+    status: accepted\n"),
        "{diff}"
    );
    assert!(
        stderr(&out).contains("would fix r.s55.yaml"),
        "{}",
        stderr(&out)
    );
    assert_eq!(out.status.code(), Some(0), "exit code of the fixed text");
}

#[test]
fn stdin_gets_the_fixed_text_on_stdout_and_the_report_on_stderr() {
    let dir = temp_dir("stdin");
    let slips = with_safe_slips(CLEAN).replacen("force: Surrey Police", "force: Surey Police", 1);
    let out = section55(&dir, &["check", "--fix", "-"], Some(slips.as_bytes()));
    let fixed = String::from_utf8_lossy(&out.stdout);
    // The force's suggestion is a spelling (one letter), so it is safe too.
    assert_eq!(fixed, CLEAN);
    assert!(
        stderr(&out).contains("Checked 1 file: no findings."),
        "{}",
        stderr(&out)
    );
    assert_eq!(out.status.code(), Some(0));
    // Nothing to fix: the text comes back as it was.
    let out = section55(&dir, &["check", "--fix", "-"], Some(CLEAN.as_bytes()));
    assert_eq!(String::from_utf8_lossy(&out.stdout), CLEAN);
}

#[cfg(unix)]
#[test]
fn read_only_files_are_reported_and_left_alone_and_modes_and_links_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("modes");
    let slips = with_safe_slips(CLEAN);
    let locked = file(&dir, "locked.s55.yaml", slips.as_bytes());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = section55(&dir, &["check", "--fix", "locked.s55.yaml"], None);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("locked.s55.yaml is read-only"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&locked).expect("read"), slips);

    let shared = file(&dir, "shared.s55.yaml", slips.as_bytes());
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    std::os::unix::fs::symlink("shared.s55.yaml", dir.join("link.s55.yaml")).expect("link");
    let out = section55(&dir, &["check", "--fix", "link.s55.yaml"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&shared).expect("read"), CLEAN);
    let mode = std::fs::metadata(&shared)
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
    let link = std::fs::symlink_metadata(dir.join("link.s55.yaml")).expect("link meta");
    assert!(link.file_type().is_symlink(), "the link is still a link");
}

#[test]
fn unsafe_fixes_alone_is_a_usage_error() {
    let dir = temp_dir("usage");
    let out = section55(&dir, &["check", "--unsafe-fixes", "."], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--unsafe-fixes goes with --fix or --diff"));
}
