//! `check` output formats. Each format is one function from the reports to text; what they
//! share (1-based positions, counts, severity words) lives here once.

mod concise;
mod github;
mod human;
mod json;
mod sarif;

use crate::diagnostic::{Diagnostic, Severity};

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

/// The findings of one file, with its text for code frames (empty when the format shows none:
/// see [`Stream::needs_text`]).
pub struct FileReport {
    pub path: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// A report written one file at a time, as each file's findings are ready, so that a run over
/// many files holds one file's findings at a time: [`Stream::file`] for each file in order, then
/// [`Stream::finish`]. Each returns the text to write.
pub struct Stream {
    format: Format,
    colour: bool,
    counts: Counts,
    /// The findings array of the JSON formats, open across files.
    array: json::Array,
}

impl Stream {
    pub fn new(format: Format, colour: bool) -> Self {
        Stream {
            format,
            colour,
            counts: Counts::default(),
            array: match format {
                Format::Json => json::array(),
                Format::Sarif => sarif::array(),
                _ => json::Array::default(),
            },
        }
    }

    /// Whether the format shows source lines (the human code frames); the others need only the
    /// findings, so a file's text can be dropped as soon as it is linted.
    pub fn needs_text(&self) -> bool {
        self.format == Format::Human
    }

    /// The counts of the files written so far.
    pub fn counts(&self) -> &Counts {
        &self.counts
    }

    pub fn file(&mut self, report: &FileReport) -> String {
        self.counts.add(report);
        match self.format {
            Format::Human => human::file(report, self.colour),
            Format::Concise => concise::file(report),
            Format::Json => json::file(&mut self.array, report),
            Format::Sarif => sarif::file(&mut self.array, report),
            Format::Github => github::file(report),
        }
    }

    /// The end of the report; `summary` is false when the counts would not describe the whole
    /// run (a path could not be read, or nothing was found), so no line claims "no findings".
    pub fn finish(mut self, summary: bool) -> String {
        match self.format {
            Format::Human if summary => human::summary(&self.counts),
            Format::Json => json::finish(&mut self.array, &self.counts),
            Format::Sarif => sarif::finish(&mut self.array),
            _ => String::new(),
        }
    }
}

/// The reports in `format`, all at once (see [`Stream`] for `summary`).
pub fn render(format: Format, reports: &[FileReport], colour: bool, summary: bool) -> String {
    let mut stream = Stream::new(format, colour);
    let mut out: String = reports.iter().map(|r| stream.file(r)).collect();
    out.push_str(&stream.finish(summary));
    out
}

#[derive(Default)]
pub struct Counts {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    fn add(&mut self, report: &FileReport) {
        self.files += 1;
        for d in &report.diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// "1 error", "2 warnings".
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
