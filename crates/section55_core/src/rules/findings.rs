//! What a rule's check reports, bounded as it is reported: a finding an ignore comment silences
//! is dropped at once, and past [`MAX_PER_RULE`] only the first findings in the file are kept
//! (the rest are counted), so a file with a million unknown keys costs memory for a thousand
//! findings, not a million.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::suppression::Suppressions;
use crate::diagnostic::{Diagnostic, Fix, Pos, Severity, Span};

/// Findings reported per rule and file. Past that, one more finding of the rule says how many
/// were left out: a file with a million unknown keys is not helped by a million findings, and
/// every format and the language server stay small and fast.
pub const MAX_PER_RULE: usize = 1_000;

pub struct Finding {
    pub span: Span,
    pub message: String,
    pub fixes: Vec<Fix>,
    /// At most this severity, whatever the rule's (a finding the rule knows is less serious).
    pub cap: Option<Severity>,
}

/// The findings of the rule being run.
pub struct Findings<'s> {
    suppressions: Option<&'s mut Suppressions>,
    rule: &'static str,
    /// The first [`MAX_PER_RULE`] by place in the file (the largest on top, to be displaced).
    kept: BinaryHeap<Ranked>,
    reported: usize,
    left_out: usize,
    /// The first finding left out: where the count of the others is reported.
    first_left_out: Option<Ranked>,
}

/// A finding with its place in the file and its order of report, which breaks ties so the
/// findings kept are the same however many there are.
struct Ranked {
    at: (Pos, usize),
    finding: Finding,
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.at == other.at
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.at.cmp(&other.at)
    }
}

impl<'s> Findings<'s> {
    /// Findings of `rule`, silenced by `suppressions` where given.
    pub(super) fn new(rule: &'static str, suppressions: Option<&'s mut Suppressions>) -> Self {
        Findings {
            suppressions,
            rule,
            kept: BinaryHeap::new(),
            reported: 0,
            left_out: 0,
            first_left_out: None,
        }
    }

    pub fn add(&mut self, span: Span, message: impl Into<String>) {
        self.add_with_fixes(span, message, Vec::new());
    }

    pub fn add_with_fixes(&mut self, span: Span, message: impl Into<String>, fixes: Vec<Fix>) {
        self.push(Finding {
            span,
            message: message.into(),
            fixes,
            cap: None,
        });
    }

    /// A finding reported at no more than `cap`, even where the rule's severity is higher.
    pub fn add_capped(&mut self, span: Span, message: String, fixes: Vec<Fix>, cap: Severity) {
        self.push(Finding {
            span,
            message,
            fixes,
            cap: Some(cap),
        });
    }

    fn push(&mut self, finding: Finding) {
        if let Some(suppressions) = self.suppressions.as_deref_mut()
            && suppressions.silence(self.rule, finding.span.start.line)
        {
            return;
        }
        let ranked = Ranked {
            at: (finding.span.start, self.reported),
            finding,
        };
        self.reported += 1;
        if self.kept.len() < MAX_PER_RULE {
            self.kept.push(ranked);
            return;
        }
        let out = match self.kept.peek_mut() {
            Some(mut last) if ranked < *last => std::mem::replace(&mut *last, ranked),
            _ => ranked,
        };
        self.leave_out(out);
    }

    fn leave_out(&mut self, out: Ranked) {
        self.left_out += 1;
        if self
            .first_left_out
            .as_ref()
            .is_none_or(|first| out < *first)
        {
            self.first_left_out = Some(out);
        }
    }

    /// The findings kept, in the file's order, at the rule's `severity`, then the count of
    /// those left out, where the first of them was.
    pub(super) fn into_diagnostics(self, severity: Severity) -> impl Iterator<Item = Diagnostic> {
        let rule = self.rule;
        let diagnostic = move |f: Finding| Diagnostic {
            rule,
            severity: f.cap.map_or(severity, |cap| cap.min(severity)),
            message: f.message,
            span: f.span,
            fixes: f.fixes,
        };
        let left_out = self.left_out;
        let note = self.first_left_out.map(|first| Diagnostic {
            message: format!(
                "{left_out} more {rule} finding{} in this file not shown: at most {MAX_PER_RULE} are reported per rule and file",
                if left_out == 1 { "" } else { "s" }
            ),
            fixes: Vec::new(),
            ..diagnostic(first.finding)
        });
        let kept = self.kept.into_sorted_vec().into_iter().map(|r| r.finding);
        kept.map(diagnostic).chain(note)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32) -> Span {
        Span::new(Pos::new(line, 0), Pos::new(line, 1))
    }

    #[test]
    fn keeps_the_first_in_the_file_whatever_the_order_of_report() {
        let mut findings = Findings::new("x", None);
        // Reported last line first, and one line twice: the earlier report of it is kept.
        for line in (0..1_500).rev() {
            findings.add(at(line), format!("line {line}"));
        }
        findings.add(at(0), "line 0 again");
        let out: Vec<Diagnostic> = findings.into_diagnostics(Severity::Error).collect();
        assert_eq!(out.len(), MAX_PER_RULE + 1);
        let lines: Vec<u32> = out.iter().map(|d| d.span.start.line).collect();
        let expected: Vec<u32> = std::iter::once(0).chain(0..999).chain([999]).collect();
        assert_eq!(lines, expected);
        assert_eq!(out[0].message, "line 0");
        assert_eq!(out[1].message, "line 0 again");
        assert_eq!(out[999].message, "line 998");
        let note = &out[MAX_PER_RULE];
        assert!(
            note.message.starts_with("501 more x findings"),
            "{}",
            note.message
        );
        assert_eq!(note.span, at(999));
    }
}
