//! `invalid-yaml`: the text is not one well-formed YAML document.

use super::code;
use super::{Context, Doc, Findings, Rule};
use crate::diagnostic::Severity;

pub const RULES: &[Rule] = &[Rule {
    name: code::INVALID_YAML,
    severity: Severity::Error,
    summary: "The file is not well-formed YAML, has duplicate keys, or holds more than one document",
    doc: Doc {
        what: "Reports text that is not a single well-formed YAML 1.2 document: syntax errors, tabs used for indentation, duplicate keys in a mapping, a second document after `---`, nesting deeper than any response needs, aliases that expand without bound, and bytes that are not UTF-8.",
        why: "A file that cannot be read cannot be checked or published. Duplicate keys are worse than an error: most YAML tools silently keep one of the values, so text you wrote disappears from the published response without warning.",
        example: "key_findings: |\n  The force has improved.\nkey_findings: |      # duplicate key\n  Four recommendations remain open.",
        fix: "Fix the syntax at the position shown: indent with spaces, close quotes and brackets, merge or rename duplicate keys, and keep one response per file.",
    },
    check,
}];

fn check(ctx: &Context, out: &mut Findings) {
    for error in &ctx.doc.errors {
        out.add(error.span, error.message.clone());
    }
}
