//! `invalid-yaml`: the text is not one well-formed YAML document.

use super::{Context, Doc, Findings, Rule};
use super::{code, slips};
use crate::diagnostic::{Applicability, Severity};

pub const RULES: &[Rule] = &[Rule {
    name: code::INVALID_YAML,
    severity: Severity::Error,
    summary: "The file is not well-formed YAML, has duplicate keys, or holds more than one document",
    doc: Doc {
        what: "Reports text that is not a single well-formed YAML 1.2 document: syntax errors, tabs used for indentation, duplicate keys in a mapping, a second document after `---`, nesting deeper than any response needs, aliases that expand without bound, and bytes that are not UTF-8 (a UTF-16 file is named as such). The slips people make when they come from Word or Outlook are said in plain words at the character at fault, with a fix: a `: ` inside a one-line text, a non-breaking space after a key or in the indentation, a block (`key: |`) whose text is not indented under its key, a tab.",
        why: "A file that cannot be read cannot be checked or published. Duplicate keys are worse than an error: most YAML tools silently keep one of the values, so text you wrote disappears from the published response without warning.",
        example: "key_findings: |\n  The force has improved.\nkey_findings: |      # duplicate key\n  Four recommendations remain open.",
        fix: "Fix the syntax at the position shown: indent with spaces, close quotes and brackets, merge or rename duplicate keys, and keep one response per file.",
    },
    fixes: &[Applicability::Safe, Applicability::Unsafe],
    check,
}];

fn check(ctx: &Context, out: &mut Findings) {
    let spaces = slips::non_breaking_spaces(ctx);
    // The parser trips over a misplaced non-breaking space some lines later, in its own words;
    // the space itself is the finding.
    let first_space = spaces.first().map(|s| s.span.start);
    for slip in spaces {
        out.add_with_fixes(slip.span, slip.message, slip.fixes);
    }
    for error in &ctx.doc.errors {
        let consequence = first_space.is_some_and(|p| error.span.start >= p)
            && error.message.starts_with(GENERIC);
        if consequence {
            continue;
        }
        match slips::explain(ctx, error) {
            Some(slip) => out.add_with_fixes(slip.span, slip.message, slip.fixes),
            None => out.add(error.span, error.message.clone()),
        }
    }
}

/// How the parser's own syntax errors start (see `document::parse`).
const GENERIC: &str = "the file is not well-formed YAML";
