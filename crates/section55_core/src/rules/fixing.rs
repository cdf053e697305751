//! Applying fixes to a whole text (`check --fix`, the editor's fix-all): each finding's
//! preferred fix, when its applicability is allowed, pass after pass until nothing changes.
//!
//! - Fixes whose edits overlap (or touch) are never applied in one pass: the later one waits for
//!   the next pass, when it is computed again from the new text.
//! - A fix that would make the text fail to parse (or parse worse, for a text that already has
//!   syntax errors) is dropped and reported, never applied.
//! - The passes are bounded ([`MAX_PASSES`]) and stop when a text comes back that was seen before,
//!   so fixes that undo each other cannot loop.
//! - Only the edited ranges change: every other byte (comments, line endings, a byte order mark)
//!   is kept, and inserted line breaks are written as the text writes them.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::lint_document;
use crate::config::Config;
use crate::diagnostic::{Applicability, Diagnostic, Fix, TextEdit, newline_of, with_newline};
use crate::document::{self, Document, LineIndex};

/// Most passes over one text; ruff has 100, a response needs a handful.
pub const MAX_PASSES: usize = 50;

/// A fix that was applied, by the rule whose finding it fixed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub rule: &'static str,
    pub title: String,
}

/// A fix that was not applied because the text would not parse with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    pub rule: &'static str,
    pub title: String,
    /// The parser's complaint about the fixed text, with its 0-based line.
    pub error: String,
    pub line: u32,
}

/// What fixing a text did.
#[derive(Debug)]
pub struct Fixed {
    pub text: String,
    pub applied: Vec<Applied>,
    pub dropped: Vec<Dropped>,
    /// The findings of the fixed text.
    pub diagnostics: Vec<Diagnostic>,
    /// The findings of the text before fixing.
    pub before: Vec<Diagnostic>,
}

impl Fixed {
    pub fn changed(&self) -> bool {
        !self.applied.is_empty()
    }
}

/// Applies the preferred fix of every finding whose applicability is `allowed` (safe fixes for
/// `Safe`; every fix for `Unsafe`).
pub fn fix_text(text: &str, config: &Config, today: NaiveDate, allowed: Applicability) -> Fixed {
    let mut current = text.to_owned();
    let mut doc = document::parse(&current);
    let mut diagnostics = lint_document(&current, &doc, config, today);
    let before = diagnostics.clone();
    let mut applied = Vec::new();
    let mut dropped: Vec<Dropped> = Vec::new();
    // Hashes, not copies: a large text is not kept once per pass.
    let mut seen: HashSet<u64> = HashSet::from([hash(&current)]);
    for _ in 0..MAX_PASSES {
        let wanted = candidates(&diagnostics, allowed, &dropped);
        let Some(pass) = one_pass(&current, &doc, &wanted, &mut dropped) else {
            break;
        };
        if !seen.insert(hash(&pass.text)) {
            break;
        }
        applied.extend(pass.applied);
        current = pass.text;
        doc = pass.doc;
        diagnostics = lint_document(&current, &doc, config, today);
    }
    Fixed {
        text: current,
        applied,
        dropped,
        diagnostics,
        before,
    }
}

/// The editor's fix-all (`source.fixAll.section55`): the safe fixes of `text` as one edit that
/// replaces the whole lines from the first changed one to the last (so line breaks are never
/// split), or `None` when no safe fix applies.
pub fn fix_all_edit(text: &str, config: &Config, today: NaiveDate) -> Option<TextEdit> {
    let fixed = fix_text(text, config, today, Applicability::Safe);
    if !fixed.changed() || fixed.text == text {
        return None;
    }
    document::lines_edit(text, &fixed.text)
}

fn hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// The fixes wanted this pass: each finding's preferred fix, if allowed and not already dropped.
fn candidates<'d>(
    diagnostics: &'d [Diagnostic],
    allowed: Applicability,
    dropped: &[Dropped],
) -> Vec<(&'static str, &'d Fix)> {
    diagnostics
        .iter()
        .filter_map(|d| Some((d.rule, d.fix()?)))
        .filter(|(_, f)| f.applicability <= allowed && !f.edits.is_empty())
        .filter(|(rule, f)| {
            !dropped
                .iter()
                .any(|x| x.rule == *rule && x.title == f.title)
        })
        .collect()
}

struct Pass {
    text: String,
    doc: Document,
    applied: Vec<Applied>,
}

/// A fix's edits as byte ranges of `text`, with the text's own line breaks.
struct Planned<'f> {
    rule: &'static str,
    fix: &'f Fix,
    edits: Vec<(usize, usize, String)>,
}

/// One pass: the fixes that do not overlap an earlier one, less those that break parsing.
/// `None` when nothing was applied.
fn one_pass(
    text: &str,
    doc: &Document,
    wanted: &[(&'static str, &Fix)],
    dropped: &mut Vec<Dropped>,
) -> Option<Pass> {
    let lines = LineIndex::new(text);
    let newline = newline_of(text);
    let mut chosen: Vec<Planned> = Vec::new();
    for (rule, fix) in wanted {
        let planned = plan(text, &lines, newline, rule, fix);
        let clashes = chosen.iter().any(|c| overlaps(&c.edits, &planned.edits))
            || chosen.iter().any(|c| c.edits == planned.edits);
        if !clashes {
            chosen.push(planned);
        }
    }
    let errors_before = doc.errors.len();
    let parses = |t: &str| {
        let d = document::parse(t);
        if d.errors.len() <= errors_before {
            Ok(d)
        } else {
            Err(d)
        }
    };
    let together = apply(text, chosen.iter());
    let (text, doc, kept) = match parses(&together) {
        Ok(d) => (together, d, chosen),
        Err(_) => {
            // Find the fixes that break parsing on their own; apply the rest, or if they still
            // clash together, the first of them alone (the others come back next pass).
            let mut kept = Vec::new();
            for p in chosen {
                match parses(&apply(text, std::iter::once(&p))) {
                    Ok(_) => kept.push(p),
                    Err(broken) => dropped.push(dropped_fix(&p, &broken)),
                }
            }
            let all = apply(text, kept.iter());
            match parses(&all) {
                Ok(d) => (all, d, kept),
                Err(_) => {
                    kept.truncate(1);
                    let one = apply(text, kept.iter());
                    let d = document::parse(&one);
                    (one, d, kept)
                }
            }
        }
    };
    if kept.is_empty() {
        return None;
    }
    let applied = kept
        .iter()
        .map(|p| Applied {
            rule: p.rule,
            title: p.fix.title.clone(),
        })
        .collect();
    Some(Pass { text, doc, applied })
}

fn dropped_fix(p: &Planned, broken: &Document) -> Dropped {
    let error = broken.errors.first();
    Dropped {
        rule: p.rule,
        title: p.fix.title.clone(),
        error: error.map_or_else(String::new, |e| e.message.clone()),
        line: error.map_or(0, |e| e.span.start.line),
    }
}

fn plan<'f>(
    text: &str,
    lines: &LineIndex,
    newline: &str,
    rule: &'static str,
    fix: &'f Fix,
) -> Planned<'f> {
    let edits = fix
        .edits
        .iter()
        .map(|e| {
            let start = lines.offset(text, e.span.start);
            let end = lines.offset(text, e.span.end).max(start);
            (start, end, with_newline(&e.new_text, newline))
        })
        .collect();
    Planned { rule, fix, edits }
}

/// Two edits clash when their ranges overlap or touch (two insertions at one place included):
/// which goes first would be a guess.
fn overlaps(a: &[(usize, usize, String)], b: &[(usize, usize, String)]) -> bool {
    a.iter()
        .any(|(s1, e1, _)| b.iter().any(|(s2, e2, _)| s1 <= e2 && s2 <= e1))
}

/// `text` with the planned edits applied (they do not overlap).
fn apply<'a, 'f: 'a>(text: &str, planned: impl Iterator<Item = &'a Planned<'f>>) -> String {
    let mut edits: Vec<&(usize, usize, String)> = planned.flat_map(|p| &p.edits).collect();
    edits.sort_by_key(|(start, end, _)| (*start, *end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end, new_text) in edits {
        if *start < at {
            continue;
        }
        out.push_str(text.get(at..*start).unwrap_or_default());
        out.push_str(new_text);
        at = *end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Pos, Span};

    fn fix(title: &str, at: Pos, new_text: &str) -> Fix {
        Fix::replace(Applicability::Safe, title, Span::at(at), new_text)
    }

    #[test]
    fn a_fix_that_breaks_parsing_is_dropped_and_the_others_applied() {
        let text = "a: 1\nb: 2\n";
        let doc = document::parse(text);
        let breaks = fix("break", Pos::new(0, 0), "\"unclosed\n");
        let good = fix("good", Pos::new(1, 4), "0");
        let wanted = [("schema", &breaks), ("schema", &good)];
        let mut dropped = Vec::new();
        let pass = one_pass(text, &doc, &wanted, &mut dropped).expect("one applied");
        assert_eq!(pass.text, "a: 1\nb: 20\n");
        assert_eq!(dropped.len(), 1);
        assert_eq!(dropped[0].title, "break");
        assert!(!dropped[0].error.is_empty());
    }

    #[test]
    fn fix_all_is_one_edit_of_whole_lines_that_makes_the_fixed_text() {
        let clean = include_str!("../../../../examples/surrey-peel-2025.s55.yaml");
        let today = NaiveDate::from_ymd_opt(2026, 1, 15).expect("date");
        for text in [
            clean.to_owned(),
            format!("\u{feff}{clean}").replace('\n', "\r\n"),
        ] {
            let slipped = text.replacen("2025-11-04", "2025-11-05", 1).replacen(
                "status: accepted",
                "status: Acepted",
                1,
            );
            let edit = fix_all_edit(&slipped, &Config::default(), today).expect("an edit");
            assert_eq!(edit.span.start.col, 0);
            assert_eq!(edit.span.end.col, 0);
            let lines = LineIndex::new(&slipped);
            let (start, end) = (
                lines.offset(&slipped, edit.span.start),
                lines.offset(&slipped, edit.span.end),
            );
            let applied = format!("{}{}{}", &slipped[..start], edit.new_text, &slipped[end..]);
            assert_eq!(applied, text);
        }
        assert_eq!(fix_all_edit(clean, &Config::default(), today), None);
    }

    #[test]
    fn touching_edits_wait_for_the_next_pass() {
        let text = "a: 1\n";
        let doc = document::parse(text);
        let first = fix("first", Pos::new(0, 3), "x");
        let second = fix("second", Pos::new(0, 3), "y");
        let mut dropped = Vec::new();
        let wanted = [("schema", &first), ("schema", &second)];
        let pass = one_pass(text, &doc, &wanted, &mut dropped).expect("applied");
        assert_eq!(pass.text, "a: x1\n");
        assert_eq!(pass.applied.len(), 1);
    }
}
