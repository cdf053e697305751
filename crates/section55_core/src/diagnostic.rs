//! What every finding is made of: a rule name, a severity, a message, an exact range and, where
//! one exists, a fix. Positions are 0-based lines and 0-based columns counted in Unicode scalar
//! values (characters); front ends convert to what their consumer needs (1-based for people,
//! UTF-16 or UTF-8 for LSP clients).

use serde::Serialize;

/// A position in the text: 0-based line, 0-based column in characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl Pos {
    pub const fn new(line: u32, col: u32) -> Self {
        Pos { line, col }
    }

    /// The position for people and most tools: 1-based line, 1-based column in characters.
    pub const fn one_based(self) -> (u32, u32) {
        (self.line + 1, self.col + 1)
    }
}

/// A half-open range of text (`end` is exclusive).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: Pos,
    pub end: Pos,
}

impl Span {
    pub const fn new(start: Pos, end: Pos) -> Self {
        Span { start, end }
    }

    /// An empty range at one position, for insertions.
    pub const fn at(pos: Pos) -> Self {
        Span {
            start: pos,
            end: pos,
        }
    }

    pub fn contains(&self, pos: Pos) -> bool {
        self.start <= pos && pos <= self.end
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One replacement of a range of the original text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TextEdit {
    pub span: Span,
    pub new_text: String,
}

/// Whether a fix may be applied without a person reading it (ruff's terms).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Cannot change what the response says: the statutory deadline, a date's format, a
    /// spelling, a catalogue's exact name, removing an ignore that silences nothing.
    Safe,
    /// Adds or changes content (stubs, a suggested name, a missing section): a person decides.
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// A fix: a title for a menu, the edits that apply it, and whether it is safe to apply
/// unread. Edits never overlap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<TextEdit>,
    pub applicability: Applicability,
}

impl Fix {
    pub fn new(
        applicability: Applicability,
        title: impl Into<String>,
        edits: Vec<TextEdit>,
    ) -> Self {
        Fix {
            title: title.into(),
            edits,
            applicability,
        }
    }

    /// A fix of one edit that replaces `span` with `new_text`.
    pub fn replace(
        applicability: Applicability,
        title: impl Into<String>,
        span: Span,
        new_text: impl Into<String>,
    ) -> Self {
        let edit = TextEdit {
            span,
            new_text: new_text.into(),
        };
        Fix::new(applicability, title, vec![edit])
    }

    pub fn is_safe(&self) -> bool {
        self.applicability == Applicability::Safe
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    /// Alternative fixes, the preferred one first.
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    pub fn fix(&self) -> Option<&Fix> {
        self.fixes.first()
    }
}

/// The line break a text writes: `\r\n` if it has any, else `\n`.
pub fn newline_of(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// `text` (a fix's new text, written with `\n`) with its line breaks written as `newline`.
pub fn with_newline(text: &str, newline: &str) -> String {
    if newline == "\n" {
        text.to_owned()
    } else {
        text.replace("\r\n", "\n").replace('\n', newline)
    }
}
