//! `check --fix`, `--unsafe-fixes` and `--diff`: each file's fixes come from the library
//! ([`rules::fix_text`]); here they are written back (through `write::replace_file`, which
//! refuses read-only files and files changed meanwhile), printed as a unified diff, or, for
//! standard input, printed as the fixed text; and what changed and what is left is reported.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::format::FileReport;
use super::write;
use crate::config::Config;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::rules::{self, Applied, Dropped};

/// What fixing does with the fixed text.
#[derive(Clone, Copy)]
pub struct Mode {
    allowed: Applicability,
    diff: bool,
}

impl Mode {
    /// The mode the flags ask for; `None` for a plain check.
    pub fn of(fix: bool, diff: bool, unsafe_fixes: bool) -> Result<Option<Mode>, String> {
        if !fix && !diff {
            return if unsafe_fixes {
                Err("--unsafe-fixes goes with --fix or --diff".to_owned())
            } else {
                Ok(None)
            };
        }
        let allowed = if unsafe_fixes {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        };
        Ok(Some(Mode { allowed, diff }))
    }
}

/// One file after fixing: the report of what is left, and what to write.
pub struct Outcome {
    pub report: FileReport,
    /// The file to write back; `None` for standard input.
    file: Option<PathBuf>,
    original: Vec<u8>,
    change: Option<Change>,
}

struct Change {
    text: String,
    applied: Vec<Applied>,
    /// The findings before fixing, reported if the file cannot be written.
    before: Vec<Diagnostic>,
}

/// Fixes one file's text. Bytes that are not UTF-8 text are checked only (their one finding
/// has no fix).
pub fn fix_file(
    file: Option<&Path>,
    path: String,
    bytes: Vec<u8>,
    config: &Config,
    today: NaiveDate,
    mode: Mode,
) -> (Outcome, Vec<Dropped>) {
    let (text, diagnostics) = match std::str::from_utf8(&bytes) {
        Ok(text) if !rules::is_utf16(&bytes) => {
            let fixed = rules::fix_text(text, config, today, mode.allowed);
            let change = fixed.changed().then(|| Change {
                text: fixed.text.clone(),
                applied: fixed.applied,
                before: fixed.before,
            });
            let outcome = Outcome {
                report: FileReport {
                    path,
                    text: fixed.text,
                    diagnostics: fixed.diagnostics,
                },
                file: file.map(Path::to_owned),
                original: bytes,
                change,
            };
            return (outcome, fixed.dropped);
        }
        // Not text: kept as it is (`original`), so the linter gets a copy.
        _ => rules::lint_bytes(bytes.clone(), config, today),
    };
    let outcome = Outcome {
        report: FileReport {
            path,
            text,
            diagnostics,
        },
        file: file.map(Path::to_owned),
        original: bytes,
        change: None,
    };
    (outcome, Vec::new())
}

/// Writes, diffs or prints the fixed texts, reports on standard error what changed, and returns
/// the reports of what is left and what goes to standard output instead of the report (the
/// diff, or standard input's fixed text).
pub fn finish(
    outcomes: Vec<(Outcome, Vec<Dropped>)>,
    mode: Mode,
    failures: &mut Vec<String>,
) -> (Vec<FileReport>, Vec<u8>) {
    let mut out = Vec::new();
    let mut reports = Vec::with_capacity(outcomes.len());
    let (mut fixes, mut files) = (0, 0);
    for (outcome, dropped) in outcomes {
        let Outcome {
            mut report,
            file,
            original,
            change,
        } = outcome;
        for d in &dropped {
            crate::stderr::line(&format!(
                "section55: warning: {}: the fix \"{}\" ({}) was not applied: the file would not parse with it (line {}: {})",
                report.path,
                d.title,
                d.rule,
                d.line + 1,
                d.error
            ));
        }
        let Some(change) = change else {
            if file.is_none() && !mode.diff {
                out.extend_from_slice(&original);
            }
            reports.push(report);
            continue;
        };
        let written = if mode.diff {
            out.extend_from_slice(unified_diff(&report.path, &original, &change.text).as_bytes());
            Ok(())
        } else if let Some(file) = &file {
            write::replace_file(file, change.text.as_bytes(), &original)
        } else {
            out.extend_from_slice(change.text.as_bytes());
            Ok(())
        };
        match written {
            Ok(()) => {
                fixes += change.applied.len();
                files += 1;
                crate::stderr::line(&format!(
                    "section55: {} {}: {}",
                    if mode.diff { "would fix" } else { "fixed" },
                    report.path,
                    describe(&change.applied)
                ));
            }
            Err(e) => {
                failures.push(e);
                report.text = String::from_utf8_lossy(&original).into_owned();
                report.diagnostics = change.before;
            }
        }
        reports.push(report);
    }
    summarise(&reports, fixes, files, mode);
    (reports, out)
}

/// "3 fixes (deadline-off-by-one, schema ×2)".
fn describe(applied: &[Applied]) -> String {
    let mut rules: Vec<(&str, usize)> = Vec::new();
    for a in applied {
        match rules.iter_mut().find(|(r, _)| *r == a.rule) {
            Some((_, n)) => *n += 1,
            None => rules.push((a.rule, 1)),
        }
    }
    let list: Vec<String> = rules
        .iter()
        .map(|(r, n)| {
            if *n == 1 {
                (*r).to_owned()
            } else {
                format!("{r} ×{n}")
            }
        })
        .collect();
    format!(
        "{} fix{} ({})",
        applied.len(),
        if applied.len() == 1 { "" } else { "es" },
        list.join(", ")
    )
}

/// The run's totals, and how many of the findings left have a fix `--unsafe-fixes` would apply.
fn summarise(reports: &[FileReport], fixes: usize, files: usize, mode: Mode) {
    let verb = if mode.diff { "would apply" } else { "applied" };
    let left: Vec<&Diagnostic> = reports.iter().flat_map(|r| &r.diagnostics).collect();
    let unsafe_left = left
        .iter()
        .filter(|d| d.fix().is_some_and(|f| f.applicability > mode.allowed))
        .count();
    let mut line = format!(
        "section55: {verb} {fixes} fix{} in {files} file{}; {} finding{} left",
        if fixes == 1 { "" } else { "es" },
        if files == 1 { "" } else { "s" },
        left.len(),
        if left.len() == 1 { "" } else { "s" },
    );
    if unsafe_left > 0 {
        line.push_str(&format!(
            " ({unsafe_left} with an unsafe fix: review them, then --unsafe-fixes applies them)"
        ));
    }
    crate::stderr::line(&line);
}

/// A unified diff (`--- a/PATH`, `+++ b/PATH`, three lines of context), as `git apply` and
/// `patch -p1` take it.
pub(super) fn unified_diff(path: &str, original: &[u8], fixed: &str) -> String {
    let before = String::from_utf8_lossy(original);
    similar::TextDiff::from_lines(before.as_ref(), fixed)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}
