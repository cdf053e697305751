//! The write path (`schema -o`, and with it `new`, `render`, `import`, which share it) through
//! the real binary, with real symlinks, hard links, modes and concurrent writers.

use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

const BIN: &str = env!("CARGO_BIN_EXE_section55");

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("s55-write-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        TempDir(dir)
    }
    fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn schema_to(path: &Path, force: bool) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.arg("schema").arg("-o").arg(path);
    if force {
        cmd.arg("--force");
    }
    cmd.output().expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn is_schema(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|t| t.contains("\"$schema\""))
}

#[test]
fn a_symlink_planted_at_a_temporary_name_is_never_followed() {
    let dir = TempDir::new("planted");
    let victim = dir.file("victim.txt");
    std::fs::write(&victim, "precious").expect("victim");
    // The process ids the next runs will most likely get: the old temporary name was
    // `.NAME.section55-tmp-PID`, so a link at each of them caught the write.
    let last: u32 = std::fs::read_to_string("/proc/sys/kernel/ns_last_pid")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(std::process::id());
    for pid in last + 1..last + 300 {
        symlink(&victim, dir.file(&format!(".out.json.section55-tmp-{pid}"))).expect("link");
    }
    let out = dir.file("out.json");
    let o = schema_to(&out, false);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&victim).expect("victim"),
        "precious"
    );
    let meta = std::fs::symlink_metadata(&out).expect("out");
    assert!(meta.is_file(), "the target is a regular file, not a link");
    assert!(is_schema(&out));
}

#[test]
fn eight_concurrent_writers_without_force_one_wins() {
    let dir = TempDir::new("race");
    let out = dir.file("same.json");
    let children: Vec<_> = (0..8)
        .map(|_| {
            Command::new(BIN)
                .arg("schema")
                .arg("-o")
                .arg(&out)
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawns")
        })
        .collect();
    let outputs: Vec<Output> = children
        .into_iter()
        .map(|c| c.wait_with_output().expect("waits"))
        .collect();
    let won = outputs.iter().filter(|o| o.status.success()).count();
    assert_eq!(won, 1, "exactly one writer may create the file");
    for lost in outputs.iter().filter(|o| !o.status.success()) {
        assert!(stderr(lost).contains("already exists"), "{}", stderr(lost));
    }
    assert!(is_schema(&out));
    assert_eq!(dir.names(), vec!["same.json"], "no temporary file is left");
}

#[test]
fn force_keeps_the_mode_and_owner_of_the_file_it_replaces() {
    let dir = TempDir::new("mode");
    let out = dir.file("private.json");
    std::fs::write(&out, "old").expect("write");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    // Owner: only root may give a file away, so the owner check runs where it can.
    let root = std::fs::metadata(&out).expect("meta").uid() == 0;
    if root {
        std::os::unix::fs::chown(&out, Some(4321), Some(4321)).expect("chown");
    }
    let o = schema_to(&out, true);
    assert!(o.status.success(), "{}", stderr(&o));
    let meta = std::fs::metadata(&out).expect("meta");
    assert_eq!(meta.permissions().mode() & 0o7777, 0o600);
    if root {
        assert_eq!((meta.uid(), meta.gid()), (4321, 4321));
    }
    assert!(is_schema(&out));
}

#[test]
fn a_new_file_gets_the_usual_mode_not_the_temporary_files() {
    let dir = TempDir::new("newmode");
    let out = dir.file("new.json");
    let o = schema_to(&out, false);
    assert!(o.status.success(), "{}", stderr(&o));
    let mode = std::fs::metadata(&out).expect("meta").permissions().mode() & 0o777;
    // 0666 less the umask (the test runner's is 022 or 002): readable by the group.
    assert_eq!(mode & 0o640, 0o640, "mode {mode:o}");
}

#[test]
fn force_replaces_the_name_and_other_hard_links_keep_the_old_contents() {
    let dir = TempDir::new("hardlink");
    let out = dir.file("out.json");
    let other = dir.file("other-name.json");
    std::fs::write(&out, "old").expect("write");
    std::fs::hard_link(&out, &other).expect("link");
    let o = schema_to(&out, true);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(is_schema(&out));
    assert_eq!(std::fs::read_to_string(&other).expect("other"), "old");
    assert_eq!(std::fs::metadata(&out).expect("meta").nlink(), 1);
}

#[test]
fn a_dangling_symlink_or_a_link_loop_counts_as_existing() {
    let dir = TempDir::new("dangling");
    let dangling = dir.file("dangling.json");
    symlink(dir.file("nowhere"), &dangling).expect("link");
    let looped = dir.file("loop.json");
    symlink(&looped, &looped).expect("loop");
    for target in [&dangling, &looped] {
        let o = schema_to(target, false);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
        assert!(
            std::fs::symlink_metadata(target)
                .expect("still there")
                .is_symlink()
        );
    }
    assert!(!dir.file("nowhere").exists(), "the link was not followed");
}

#[test]
fn a_file_name_at_the_length_limit_can_be_written() {
    let dir = TempDir::new("long");
    let name = format!("{}.json", "n".repeat(244));
    assert_eq!(name.len(), 249);
    let out = dir.file(&name);
    let o = schema_to(&out, false);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(is_schema(&out));
}

#[test]
fn stale_temporary_files_of_a_killed_run_are_removed_by_the_next() {
    let dir = TempDir::new("stale");
    let stale = dir.file(".section55-AbC123.tmp");
    let fresh = dir.file(".section55-XyZ789.tmp");
    let not_ours = dir.file(".section55-notours.tmp.keep");
    for f in [&stale, &fresh, &not_ours] {
        std::fs::write(f, "partial").expect("write");
    }
    let long_ago = SystemTime::now() - Duration::from_secs(3600);
    for f in [&stale, &not_ours] {
        let file = std::fs::File::options().write(true).open(f).expect("open");
        file.set_modified(long_ago).expect("set mtime");
    }
    let o = schema_to(&dir.file("out.json"), false);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stale.exists(), "an hour-old temporary file is removed");
    assert!(
        fresh.exists(),
        "a temporary file of a run still going is kept"
    );
    assert!(not_ours.exists(), "a file that is not ours is kept");
}
