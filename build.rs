//! Records the commit the binary is built from, for `section55 --version`
//! (`section55 0.1.0 (0123456789ab 2026-12-01)`, as rustc and cargo print theirs).
//!
//! Outside a git checkout of this crate (a source archive, an sdist unpacked anywhere, `cargo
//! package`'s copy) it says `commit unknown` rather than failing or borrowing the commit of some
//! enclosing repository.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let commit = commit_of(&manifest_dir).unwrap_or_else(|| "commit unknown".to_owned());
    println!("cargo:rustc-env=SECTION55_COMMIT={commit}");
    // Without a rerun-if-changed line cargo would rerun this on every change to any file.
    println!("cargo:rerun-if-changed=build.rs");
}

/// `HASH DATE` of HEAD (12 hex digits, the commit date as YYYY-MM-DD), when `dir` is the top of
/// a git work tree; also tells cargo which git files to watch so a new commit rebuilds.
fn commit_of(dir: &Path) -> Option<String> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    if !same_dir(Path::new(&top), dir) {
        return None;
    }
    let line = git(dir, &["show", "-s", "--format=%H %cs", "HEAD"])?;
    let (hash, date) = line.split_once(' ')?;
    watch_head(dir);
    Some(format!("{} {date}", hash.get(..12)?))
}

/// HEAD, the branch it points to (loose or packed) and the folder a new loose ref appears in.
fn watch_head(dir: &Path) {
    let mut paths = vec!["HEAD".to_owned(), "packed-refs".to_owned()];
    // A detached HEAD names itself: HEAD alone is then enough.
    if let Some(branch) = git(dir, &["rev-parse", "--symbolic-full-name", "HEAD"])
        .filter(|branch| branch.starts_with("refs/"))
    {
        if let Some(folder) = Path::new(&branch).parent() {
            paths.push(folder.to_string_lossy().into_owned());
        }
        paths.push(branch);
    }
    for path in paths {
        // A watched path that does not exist makes cargo rerun this on every build.
        if let Some(file) = git(dir, &["rev-parse", "--git-path", &path])
            .map(|p| dir.join(p))
            .filter(|p| p.exists())
        {
            println!("cargo:rerun-if-changed={}", file.display());
        }
    }
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let text = text.trim();
    (output.status.success() && !text.is_empty()).then(|| text.to_owned())
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
