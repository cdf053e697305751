//! Which files are response files: the one discovery that `check`, `status`, `fmt` and the
//! language server's workspace scan share. Files named `*.s55.yaml` or `*.s55.yml`, in the
//! folders given and their subfolders (except what `.gitignore` and `.ignore` exclude), and any
//! file named explicitly; YAML files that look like responses under another name are reported,
//! not read.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Where a file's text comes from.
pub enum Source {
    File(PathBuf),
    Stdin,
}

pub fn is_response_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    name.ends_with(".s55.yaml") || name.ends_with(".s55.yml")
}

/// What the paths on the command line hold.
#[derive(Default)]
pub struct Collected {
    /// The files to check, in a stable order.
    pub sources: Vec<Source>,
    /// The paths that could not be read (which make the command exit 2 after checking the rest:
    /// a folder skipped in silence would pass CI unchecked).
    pub failures: Vec<String>,
    /// YAML files in the folders that look like responses but are not named as one, with the
    /// key that gives them away.
    pub misnamed: Vec<(PathBuf, &'static str)>,
}

/// Top-level keys only a response has.
const RESPONSE_KEYS: [&str; 2] = ["policing_body", "pcc_response"];

/// How much of a misnamed YAML file is read to tell whether it is a response.
const SNIFF_BYTES: u64 = 64 * 1024;

/// `RESPONSE_KEYS`'s first key at the start of a line in a `.yaml` or `.yml` file's first
/// [`SNIFF_BYTES`].
fn response_key(path: &Path) -> Option<&'static str> {
    let extension = path.extension()?.to_string_lossy().to_ascii_lowercase();
    if extension != "yaml" && extension != "yml" {
        return None;
    }
    let mut head = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(SNIFF_BYTES)
        .read_to_end(&mut head)
        .ok()?;
    let head = String::from_utf8_lossy(&head);
    head.lines().find_map(|line| {
        let key = line.split(':').next()?;
        RESPONSE_KEYS
            .into_iter()
            .find(|k| key == *k && line.len() > k.len())
    })
}

/// `norfolk.yaml` → `norfolk.s55.yaml`.
pub fn response_name(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let base = match name.rfind('.') {
        Some(dot) if matches!(name[dot..].to_ascii_lowercase().as_str(), ".yaml" | ".yml") => {
            &name[..dot]
        }
        _ => name.as_str(),
    };
    path.with_file_name(format!("{base}.s55.yaml"))
}

pub fn collect(paths: &[PathBuf]) -> Collected {
    let mut found_all = Collected::default();
    let Collected {
        sources,
        failures,
        misnamed,
    } = &mut found_all;
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
        } else if path.is_file() {
            sources.push(Source::File(path.clone()));
        } else if path.is_dir() {
            let mut found = Vec::new();
            for entry in ignore::WalkBuilder::new(path).require_git(false).build() {
                match entry {
                    Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                        if is_response_file(e.path()) {
                            found.push(e.into_path());
                        } else if let Some(key) = response_key(e.path()) {
                            misnamed.push((e.into_path(), key));
                        }
                    }
                    Ok(_) => {}
                    Err(error) => failures.push(format!("cannot read {}", walk_error(&error))),
                }
            }
            found.sort();
            sources.extend(found.into_iter().map(Source::File));
        } else if path.symlink_metadata().is_ok() {
            failures.push(format!(
                "{}: cannot be read (a broken link, a link loop, or not a file)",
                path.display()
            ));
        } else {
            failures.push(format!("{}: no such file or folder", path.display()));
        }
    }
    misnamed.sort();
    found_all
}

/// A walk error as "path: reason", without the library's nesting.
fn walk_error(error: &ignore::Error) -> String {
    match error {
        ignore::Error::WithPath { path, err } => format!("{}: {}", path.display(), walk_error(err)),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error(err)
        }
        ignore::Error::Loop { child, .. } => format!("{}: a link loop", child.display()),
        other => other.to_string(),
    }
}
