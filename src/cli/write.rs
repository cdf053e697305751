//! Writing output files safely. The contents go to a temporary file created exclusively under a
//! random short name in the target's folder (the `tempfile` crate: `O_CREAT|O_EXCL`, no link
//! followed), then the temporary file is published:
//!
//! - without `--force` by a no-replace operation (`renameat2(RENAME_NOREPLACE)`, or a hard link
//!   then unlink), so "the target does not exist" and the write are one step: a file, directory
//!   or symlink (even a dangling one) at the target is never replaced;
//! - with `--force` by a rename over the target, which keeps the replaced file's permissions and,
//!   where permitted, its owner. Other hard links to the replaced file keep the old contents.
//!
//! An error never leaves a half-written or truncated target. A run that is killed leaves its
//! temporary file (`.section55-XXXXXX.tmp`) behind; the next run that writes into that folder
//! removes ours that are older than [`STALE_AFTER`].

use std::collections::HashSet;
use std::fs::{File, Metadata};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex, PoisonError};
use std::time::Duration;

/// Temporary files are `.section55-` + 6 random characters + `.tmp`: short, so a target whose
/// own name is at the file system's limit can still be written.
const TEMP_PREFIX: &str = ".section55-";
const TEMP_SUFFIX: &str = ".tmp";
const TEMP_RANDOM: usize = 6;
/// A temporary file of ours untouched for this long belongs to a run that was killed.
pub const STALE_AFTER: Duration = Duration::from_secs(10 * 60);

pub fn write_file(path: &Path, contents: &[u8], force: bool) -> Result<(), String> {
    let cannot = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    let existing = std::fs::symlink_metadata(path).ok();
    if !force && existing.is_some() {
        return Err(already_exists(path));
    }
    let replaced = existing.filter(Metadata::is_file);
    let temp = temporary(path, contents, replaced.as_ref())?;
    let published = if force {
        temp.persist(path)
    } else {
        temp.persist_noclobber(path)
    };
    // On failure the temporary file is in the error, and removed when it is dropped.
    published.map(drop).map_err(|e| match e.error.kind() {
        std::io::ErrorKind::AlreadyExists if !force => already_exists(path),
        _ => cannot(e.error),
    })
}

/// Replaces the user's own file `path` (through a symlink, its target) with `contents`, keeping
/// its mode and owner, as `check --fix` does: refused when the file is read-only, and when its
/// bytes are no longer `original` (changed by someone else since it was read), so nothing a
/// person or another tool wrote meanwhile is lost.
pub fn replace_file(path: &Path, contents: &[u8], original: &[u8]) -> Result<(), String> {
    let cannot = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    let target = std::fs::canonicalize(path).map_err(cannot)?;
    let meta = std::fs::metadata(&target).map_err(cannot)?;
    let writable = std::fs::OpenOptions::new()
        .write(true)
        .open(&target)
        .is_ok();
    if meta.permissions().readonly() || !writable {
        return Err(format!("{} is read-only: left as it was", path.display()));
    }
    let temp = temporary(&target, contents, Some(&meta))?;
    let changed = || std::fs::read(&target).map_or(true, |now| now != original);
    if changed() {
        return Err(format!(
            "{} changed while it was being fixed: left as it was (run again)",
            path.display()
        ));
    }
    temp.persist(&target).map(drop).map_err(|e| cannot(e.error))
}

/// The contents in a new temporary file beside `path`, with `replaced`'s owner and mode when it
/// replaces a file, ready to be published under `path`.
fn temporary(
    path: &Path,
    contents: &[u8],
    replaced: Option<&Metadata>,
) -> Result<tempfile::NamedTempFile, String> {
    let cannot = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if path.file_name().is_none() {
        return Err(format!("{} is not a file name", path.display()));
    }
    remove_stale_temporaries(dir);
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(TEMP_RANDOM);
    with_new_file_permissions(&mut builder);
    let mut temp = builder.tempfile_in(dir).map_err(cannot)?;
    if let Some(old) = replaced {
        keep_owner_and_mode(temp.as_file(), old).map_err(cannot)?;
    }
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(cannot)?;
    Ok(temp)
}

fn already_exists(path: &Path) -> String {
    format!(
        "{} already exists; pass --force to overwrite it",
        path.display()
    )
}

/// A new file gets the usual mode (0666 less the umask), not the temporary file's 0600.
fn with_new_file_permissions(builder: &mut tempfile::Builder) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    #[cfg(not(unix))]
    let _ = builder;
}

/// Gives the replacement the replaced file's owner (where permitted) and exact mode.
fn keep_owner_and_mode(file: &File, old: &Metadata) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root may give a file away; for anyone else the owner is already theirs or the
        // change is refused, and the mode is still kept.
        let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    }
    file.set_permissions(old.permissions())
}

/// Removes temporary files of ours in `dir` that no run has touched for [`STALE_AFTER`], once
/// per folder per run (`fmt` and `check --fix` write many files into one folder: reading the
/// folder for each made 2,000 files in one folder take 4,000,000 directory entries). Only
/// regular files with exactly our name pattern are touched; errors are ignored (best effort).
fn remove_stale_temporaries(dir: &Path) {
    static SWEPT: LazyLock<Mutex<HashSet<PathBuf>>> = LazyLock::new(Mutex::default);
    let first = SWEPT
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(dir.to_owned());
    if !first {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !is_our_temporary(&name.to_string_lossy()) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let stale = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if meta.is_file() && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn is_our_temporary(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|random| {
            random.chars().count() == TEMP_RANDOM
                && random.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_without_force() {
        let dir = std::env::temp_dir().join(format!("s55-write-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let file = dir.join("out.txt");
        write_file(&file, b"one", false).expect("first write");
        let err = write_file(&file, b"two", false).expect_err("refuses");
        assert!(err.contains("--force"));
        assert_eq!(std::fs::read(&file).expect("read"), b"one");
        write_file(&file, b"two", true).expect("forced");
        assert_eq!(std::fs::read(&file).expect("read"), b"two");
        let leftovers = std::fs::read_dir(&dir).expect("list").count();
        assert_eq!(leftovers, 1);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn replace_refuses_a_file_changed_since_it_was_read() {
        let dir = std::env::temp_dir().join(format!("s55-replace-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let file = dir.join("r.s55.yaml");
        std::fs::write(&file, b"read").expect("write");
        std::fs::write(&file, b"changed meanwhile").expect("write");
        let err = replace_file(&file, b"fixed", b"read").expect_err("refused");
        assert!(err.contains("changed while it was being fixed"), "{err}");
        assert_eq!(std::fs::read(&file).expect("read"), b"changed meanwhile");
        replace_file(&file, b"fixed", b"changed meanwhile").expect("replaced");
        assert_eq!(std::fs::read(&file).expect("read"), b"fixed");
        assert_eq!(
            std::fs::read_dir(&dir).expect("list").count(),
            1,
            "no temporary left"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn recognises_only_our_temporary_names() {
        assert!(is_our_temporary(".section55-aB3xZ9.tmp"));
        assert!(!is_our_temporary(".section55-aB3xZ9.tmp.bak"));
        assert!(!is_our_temporary(".section55-aB3.tmp"));
        assert!(!is_our_temporary("section55-aB3xZ9.tmp"));
        assert!(!is_our_temporary(".section55-aB3x/9.tmp"));
    }
}
