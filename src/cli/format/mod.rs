//! `check` output formats. Each format is one function from the reports to text; what they
//! share (1-based positions, counts, severity words) lives here once.

mod concise;
mod github;
mod human;
mod json;
mod sarif;

use crate::diagnostic::{Diagnostic, Pos, Severity};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Code frames with the range underlined, the rule, the message and the fix.
    Human,
    /// One line per finding: path:line:col: severity[rule] message.
    Concise,
    /// A JSON object with `diagnostics` and `summary`.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// The findings of one file, with its text for code frames.
pub struct FileReport {
    pub path: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// The reports in `format`; `summary` is false when the counts would not describe the whole run
/// (a path could not be read, or nothing was found), so no line claims "no findings".
pub fn render(format: Format, reports: &[FileReport], colour: bool, summary: bool) -> String {
    match format {
        Format::Human => human::render(reports, colour, summary),
        Format::Concise => concise::render(reports),
        Format::Json => json::render(reports),
        Format::Sarif => sarif::render(reports),
        Format::Github => github::render(reports),
    }
}

/// A position for people and most tools: 1-based line, 1-based column in characters.
pub fn one_based(pos: Pos) -> (u32, u32) {
    (pos.line + 1, pos.col + 1)
}

#[derive(Default)]
pub struct Counts {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

pub fn counts(reports: &[FileReport]) -> Counts {
    let mut counts = Counts {
        files: reports.len(),
        ..Counts::default()
    };
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        match d.severity {
            Severity::Error => counts.errors += 1,
            Severity::Warning => counts.warnings += 1,
            Severity::Info => counts.infos += 1,
        }
    }
    counts
}

/// "1 error", "2 warnings".
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Every finding with its file, in report order.
fn all(reports: &[FileReport]) -> impl Iterator<Item = (&FileReport, &Diagnostic)> {
    reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| (r, d)))
}
