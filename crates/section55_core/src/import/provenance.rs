//! The provenance record of an import (`section55 import --report FILE`): for each field written,
//! the document lines it came from and the rule of thumb that mapped it; for each line not
//! mapped, why. Lines are numbered from 1 as the document's own lines (a Word document's as the
//! text `import` read from it).

use std::collections::{BTreeSet, HashSet};

use serde::Serialize;

/// Lines `start..=end` of the document (written as `[start, end]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(serializer)
    }
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }

    pub fn line(line: usize) -> Self {
        Span::new(line, line)
    }
}

/// One field written, as a key path (`inspection.title`, `recommendations.0.status`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldSource {
    pub field: String,
    pub lines: Span,
    pub rule: String,
}

/// Lines that landed in no field, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unmapped {
    pub lines: Span,
    pub why: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Provenance {
    pub fields: Vec<FieldSource>,
    pub unmapped: Vec<Unmapped>,
}

impl Provenance {
    pub fn field(&mut self, pointer: &str, lines: Span, rule: impl Into<String>) {
        self.fields.push(FieldSource {
            field: key_path(pointer),
            lines,
            rule: rule.into(),
        });
    }

    pub fn unmapped(&mut self, lines: Span, why: impl Into<String>) {
        self.unmapped.push(Unmapped {
            lines,
            why: why.into(),
        });
    }

    /// Keeps only the fields actually written (`absent` holds the pointers left out), in
    /// document order.
    pub fn finish(&mut self, absent: &BTreeSet<String>) {
        let absent: HashSet<String> = absent.iter().map(|a| key_path(a)).collect();
        // A field is left out when it or a key above it is.
        self.fields.retain(|f| {
            let mut prefix = f.field.as_str();
            loop {
                if absent.contains(prefix) {
                    return false;
                }
                match prefix.rsplit_once('.') {
                    Some((above, _)) => prefix = above,
                    None => return true,
                }
            }
        });
        self.fields.sort_by_key(|f| (f.lines.start, f.lines.end));
        self.unmapped.sort_by_key(|u| (u.lines.start, u.lines.end));
    }

    /// For each line number up to `count`, whether it is accounted for (in a field or reported
    /// as not mapped).
    pub fn covered(&self, count: usize) -> Vec<bool> {
        self.covered_by(count, |_| true)
    }

    /// As `covered`, counting only the fields `keep` accepts.
    pub fn covered_by(&self, count: usize, keep: impl Fn(&FieldSource) -> bool) -> Vec<bool> {
        let mut covered = vec![false; count + 1];
        let spans = self
            .fields
            .iter()
            .filter(|f| keep(f))
            .map(|f| f.lines)
            .chain(self.unmapped.iter().map(|u| u.lines));
        for span in spans {
            for slot in covered
                .iter_mut()
                .take(span.end.min(count) + 1)
                .skip(span.start)
            {
                *slot = true;
            }
        }
        covered
    }

    /// The record as JSON, for `--report`.
    pub fn to_json(&self, source: &str, notes: &[super::Note]) -> String {
        let notes: Vec<serde_json::Value> = notes
            .iter()
            .map(|n| serde_json::json!({"line": n.line, "message": n.message}))
            .collect();
        let value = serde_json::json!({
            "source": source,
            "fields": self.fields,
            "unmapped": self.unmapped,
            "notes": notes,
        });
        serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
    }
}

/// `/inspection/title` → `inspection.title`.
fn key_path(pointer: &str) -> String {
    pointer.trim_start_matches('/').replace('/', ".")
}
