//! The rules of SPEC §4: one module per family, each rule a [`Rule`] with its name, default
//! severity, documentation and check. [`lint`] runs every enabled rule on whatever parts of the
//! file are well-formed, then applies inline suppressions.

mod actions;
mod answers;
pub mod code;
mod context;
mod deadlines;
mod findings;
mod fixing;
mod names;
mod prose;
mod publication;
mod references;
mod schema;
mod sections;
mod slips;
mod suppression;
mod syntax;
mod welsh;

use chrono::NaiveDate;

pub use context::Context;
pub use findings::{Finding, Findings, MAX_PER_RULE};
pub use fixing::{Applied, Dropped, Fixed, MAX_PASSES, fix_all_edit, fix_text};
use suppression::Suppressions;
pub use suppression::{IgnoreSlot, ignore_fix, ignore_slot_at};

use crate::config::Config;
use crate::diagnostic::{Applicability, Diagnostic, Severity, Span};
use crate::document::{self, Document};

/// A rule's documentation, in ruff's four parts.
pub struct Doc {
    /// What it checks.
    pub what: &'static str,
    /// Why it matters, citing the statute where that is the reason.
    pub why: &'static str,
    /// A YAML snippet where the rule fires.
    pub example: &'static str,
    /// How to fix it.
    pub fix: &'static str,
}

pub struct Rule {
    pub name: &'static str,
    pub severity: Severity,
    /// One line for `section55 rules` and SARIF's short description.
    pub summary: &'static str,
    pub doc: Doc,
    /// The applicabilities its fixes can have (none: it offers no fix). `check --fix` applies
    /// the safe ones; `--unsafe-fixes` the others too.
    pub fixes: &'static [Applicability],
    pub check: fn(&Context, &mut Findings),
}

/// How a rule's fixes may be applied, in words for its documentation.
pub fn fix_applicability_text(rule: &Rule) -> &'static str {
    match rule.fixes {
        [] => "none: this rule offers no automatic fix",
        [Applicability::Safe] => {
            "safe: `section55 check --fix` and the editor's fix-all apply it, since it cannot change what the response says"
        }
        [Applicability::Unsafe] => {
            "unsafe: it adds or changes content, so it is only applied with `section55 check --fix --unsafe-fixes` or chosen in the editor"
        }
        _ => {
            "safe or unsafe, by finding: a fix that only corrects how something is written is safe (`check --fix`); one that picks a different value or adds text is unsafe (`--unsafe-fixes`)"
        }
    }
}

/// Every rule, family by family.
pub fn all() -> &'static [&'static Rule] {
    static RULES: std::sync::OnceLock<Vec<&'static Rule>> = std::sync::OnceLock::new();
    RULES.get_or_init(|| {
        [
            syntax::RULES,
            schema::RULES,
            sections::RULES,
            deadlines::RULES,
            references::RULES,
            answers::RULES,
            names::RULES,
            publication::RULES,
            prose::RULES,
            welsh::RULES,
            actions::RULES,
            slips::RULES,
            suppression::RULES,
        ]
        .into_iter()
        .flatten()
        .collect()
    })
}

pub fn find(name: &str) -> Option<&'static Rule> {
    all().iter().copied().find(|r| r.name == name)
}

pub fn names() -> Vec<&'static str> {
    all().iter().map(|r| r.name).collect()
}

/// Lints a file's bytes: text that is not UTF-8 is an `invalid-yaml` finding at the first bad
/// byte (the rest is shown with replacement characters).
pub fn lint_bytes(bytes: Vec<u8>, config: &Config, today: NaiveDate) -> (String, Vec<Diagnostic>) {
    if is_utf16(&bytes) {
        let message = "the file is saved as UTF-16 (Notepad's and Word's \"Unicode\"), not UTF-8: save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)";
        let at = crate::diagnostic::Pos::new(0, 0);
        let span = Span::new(at, crate::diagnostic::Pos::new(0, 1));
        return (
            String::from_utf8_lossy(&bytes).into_owned(),
            encoding_finding(message.to_owned(), span, config),
        );
    }
    // The text is the bytes' own buffer, not a copy.
    let error = match String::from_utf8(bytes) {
        Ok(text) => {
            let diagnostics = lint(&text, config, today);
            return (text, diagnostics);
        }
        Err(error) => error,
    };
    let valid_up_to = error.utf8_error().valid_up_to();
    let bytes = error.into_bytes();
    let valid = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
    let lines = document::LineIndex::new(valid);
    let last = lines.line_count().saturating_sub(1);
    let col = lines.line(valid, last).chars().count() as u32;
    let at = crate::diagnostic::Pos::new(last as u32, col);
    let span = Span::new(at, crate::diagnostic::Pos::new(at.line, at.col + 1));
    let message = format!(
        "the file is not valid UTF-8 (byte {} is not part of a UTF-8 character): save it as UTF-8",
        valid_up_to + 1
    );
    (
        String::from_utf8_lossy(&bytes).into_owned(),
        encoding_finding(message, span, config),
    )
}

/// The one finding for a file whose bytes are not UTF-8 text, unless `invalid-yaml` is off.
fn encoding_finding(message: String, span: Span, config: &Config) -> Vec<Diagnostic> {
    match find(code::INVALID_YAML).and_then(|r| severity_of(r, config)) {
        Some(severity) => vec![Diagnostic {
            rule: code::INVALID_YAML,
            severity,
            message,
            span,
            fixes: Vec::new(),
        }],
        None => Vec::new(),
    }
}

/// UTF-16, with a byte order mark or without: then every other byte of text in the Latin
/// alphabet is zero, which UTF-8 text never has.
pub fn is_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(512) & !1];
    if head.len() < 4 {
        return false;
    }
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let half = head.len() / 2;
    let (even, odd) = (zeros(0), zeros(1));
    (odd * 10 >= half * 9 && even * 10 <= half) || (even * 10 >= half * 9 && odd * 10 <= half)
}

/// Lints a response file's text.
pub fn lint(text: &str, config: &Config, today: NaiveDate) -> Vec<Diagnostic> {
    lint_document(text, &document::parse(text), config, today)
}

/// Lints an already parsed document (the language server keeps it for completion and hover).
pub fn lint_document(
    text: &str,
    doc: &Document,
    config: &Config,
    today: NaiveDate,
) -> Vec<Diagnostic> {
    let ctx = Context::new(text, doc, config, today);
    let mut suppressions = Suppressions::new(&ctx);
    let mut diagnostics = Vec::new();
    for rule in all() {
        if rule.name == code::UNUSED_IGNORE {
            continue;
        }
        let Some(severity) = severity_of(rule, config) else {
            continue;
        };
        let mut findings = Findings::new(rule.name, Some(&mut suppressions));
        (rule.check)(&ctx, &mut findings);
        diagnostics.extend(findings.into_diagnostics(severity));
    }
    // When the file cannot be read, no rule ran, so no comment can be judged unused.
    let unreadable = diagnostics.iter().any(|d| d.rule == code::INVALID_YAML);
    let unused = find(code::UNUSED_IGNORE).and_then(|r| severity_of(r, config));
    if let (Some(severity), false) = (unused, unreadable) {
        let mut findings = Findings::new(code::UNUSED_IGNORE, None);
        suppressions.report_unused(&ctx, config, &mut findings);
        diagnostics.extend(findings.into_diagnostics(severity));
    }
    diagnostics.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.rule.cmp(b.rule)));
    diagnostics
}

/// A rule's documentation as plain text (for `section55 rule` and SARIF help).
pub fn doc_text(rule: &Rule) -> String {
    let indent = |s: &str| s.lines().map(|l| format!("    {l}\n")).collect::<String>();
    format!(
        "{name} (default: {severity})\n\n{summary}.\n\nWhat it checks\n{what}\n\nWhy\n{why}\n\nExample\n{example}\nFix\n{fix}\nAutomatic fix\n{applicability}",
        name = rule.name,
        severity = default_level(rule),
        summary = rule.summary,
        what = indent(rule.doc.what),
        why = indent(rule.doc.why),
        example = indent(rule.doc.example),
        fix = indent(rule.doc.fix),
        applicability = indent(fix_applicability_text(rule)),
    )
}

/// A rule's documentation as Markdown: SARIF's help, the editor's hover on an ignored rule.
pub fn doc_markdown(rule: &Rule) -> String {
    format!(
        "# {name}\n\n{summary}. Default severity: {severity}.\n\n## What it checks\n\n{what}\n\n## Why\n\n{why}\n\n## Example\n\n```yaml\n{example}\n```\n\n## Fix\n\n{fix}\n\nAutomatic fix: {applicability}.\n",
        name = rule.name,
        severity = default_level(rule),
        summary = rule.summary,
        what = rule.doc.what,
        why = rule.doc.why,
        example = rule.doc.example,
        fix = rule.doc.fix,
        applicability = fix_applicability_text(rule),
    )
}

/// The page `docs/rules/NAME.md`, which a test keeps equal to this.
pub fn doc_page(rule: &Rule) -> String {
    format!("{}\n{GENERATED}", doc_markdown(rule))
}

/// The pages' footer: where they come from.
const GENERATED: &str = "<!-- Generated from the rule's documentation in the section55 source (also printed by `section55 rule NAME`): change it there, then run `UPDATE_DOCS=1 cargo test --test rule_docs`. -->\n";

/// `docs/rules/README.md`: every rule with its default severity, fix and summary.
pub fn docs_index() -> String {
    let rows: String = all()
        .iter()
        .map(|r| {
            let fix = match r.fixes {
                [] => "none",
                [Applicability::Safe] => "safe",
                [Applicability::Unsafe] => "unsafe",
                _ => "safe or unsafe",
            };
            format!(
                "| [`{0}`]({0}.md) | {1} | {fix} | {2} |\n",
                r.name,
                default_level(r),
                r.summary.replace('|', "\\|")
            )
        })
        .collect();
    format!(
        "# Rules\n\nEvery rule section55 checks, with its default severity (`section55.toml` can change it) and its automatic fix: `section55 check --fix` applies the safe ones, `--unsafe-fixes` the others.\n\n| rule | default | automatic fix | summary |\n|---|---|---|---|\n{rows}\n{GENERATED}"
    )
}

/// The configured severity of a rule; `None` when it is off.
pub fn severity_of(rule: &Rule, config: &Config) -> Option<Severity> {
    match (config.rules.get(rule.name), family(rule)) {
        (Some(level), _) => level.severity(),
        (None, Some(family)) => config.rules.get(family).and_then(|l| l.severity()),
        (None, None) => Some(rule.severity),
    }
}

/// The family a rule is switched with when it is off by default (`prose`), if any.
pub fn family(rule: &Rule) -> Option<&'static str> {
    prose::RULES
        .iter()
        .any(|r| r.name == rule.name)
        .then_some(crate::config::PROSE)
}

/// A rule's level with no configuration, in words: its severity, or "off" for a rule of a
/// family that is off until `section55.toml` turns it on.
pub fn default_level(rule: &Rule) -> &'static str {
    severity_of(rule, &Config::default()).map_or("off", Severity::as_str)
}
