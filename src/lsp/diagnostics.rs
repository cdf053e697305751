//! Findings as LSP diagnostics: `code` is the rule name, `source` is "section55", the severity is
//! the configured one, and `data` carries the quick fixes (already in the client's positions),
//! so a client can apply them from the diagnostic alone. Used for both push
//! (`textDocument/publishDiagnostics`) and pull (`textDocument/diagnostic`).

use serde_json::json;
use tower_lsp_server::ls_types::{
    self as lsp, DiagnosticSeverity, DiagnosticTag, DocumentDiagnosticReport,
    DocumentDiagnosticReportResult, FullDocumentDiagnosticReport, NumberOrString,
    RelatedFullDocumentDiagnosticReport, RelatedUnchangedDocumentDiagnosticReport,
    UnchangedDocumentDiagnosticReport, Uri,
};

use super::position::{Converter, Encoding};
use super::state::{self, Snapshot};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::rules::code;

pub const SOURCE: &str = "section55";

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// A fix's edits in the client's positions, with line breaks as the document writes them.
pub fn lsp_edits(fix: &Fix, conv: &Converter, newline: &str) -> Vec<lsp::TextEdit> {
    fix.edits
        .iter()
        .map(|e| lsp::TextEdit {
            range: conv.range(e.span),
            new_text: crate::diagnostic::with_newline(&e.new_text, newline),
        })
        .collect()
}

pub fn to_lsp(d: &Diagnostic, conv: &Converter, newline: &str) -> lsp::Diagnostic {
    let fixes: Vec<_> = d
        .fixes
        .iter()
        .map(|f| {
            json!({
                "title": f.title,
                "applicability": f.applicability.as_str(),
                "edits": lsp_edits(f, conv, newline),
            })
        })
        .collect();
    lsp::Diagnostic {
        range: conv.range(d.span),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.to_owned())),
        code_description: code_description(d.rule),
        source: Some(SOURCE.to_owned()),
        message: d.message.clone(),
        related_information: None,
        tags: (d.rule == code::UNUSED_IGNORE).then(|| vec![DiagnosticTag::UNNECESSARY]),
        data: Some(json!({"rule": d.rule, "fixes": fixes})),
    }
}

/// Where the rule's documentation is published: its page `docs/rules/NAME.md` in the repository
/// (generated from the rule's `Doc`, kept so by tests/rule_docs.rs). With Cargo.toml's
/// `repository` set, the page at that address (`REPOSITORY/blob/HEAD/docs/rules/NAME.md`);
/// until then the page in the source tree the binary was built from, as a `file:` URI, which is
/// where anyone who installed with `cargo install --path .` has it. A release build
/// (`scripts/release.sh` sets `SECTION55_RULE_DOCS=none` when it compiles) has no source tree on
/// the user's machine, so it gives no link (hover and `section55 rule NAME` show the page) and
/// holds no path of the machine that built it, which would make two builds differ.
pub fn doc_href(rule: &str) -> Option<Uri> {
    if option_env!("SECTION55_RULE_DOCS") == Some("none") {
        return None;
    }
    let repository = env!("CARGO_PKG_REPOSITORY").trim_end_matches('/');
    if repository.is_empty() {
        let page = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("docs/rules")
            .join(format!("{rule}.md"));
        Uri::from_file_path(page)
    } else {
        format!("{repository}/blob/HEAD/docs/rules/{rule}.md")
            .parse()
            .ok()
    }
}

fn code_description(rule: &str) -> Option<lsp::CodeDescription> {
    doc_href(rule).map(|href| lsp::CodeDescription { href })
}

/// All of a snapshot's diagnostics in the client's positions.
pub fn all(snapshot: &Snapshot, encoding: Encoding) -> Vec<lsp::Diagnostic> {
    convert(
        &snapshot.analysis().diagnostics,
        &snapshot.converter(encoding),
    )
}

/// Findings on a text in the client's positions (fixes with the text's line breaks).
pub fn convert(found: &[Diagnostic], conv: &Converter) -> Vec<lsp::Diagnostic> {
    let newline = state::newline(conv.text);
    found.iter().map(|d| to_lsp(d, conv, newline)).collect()
}

/// A finding about the file as a whole that no rule makes (it could not be read), at its
/// start, with no code.
pub fn about_file(message: String) -> lsp::Diagnostic {
    lsp::Diagnostic {
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.to_owned()),
        message,
        ..lsp::Diagnostic::default()
    }
}

/// The pull report: unchanged when the client already has this snapshot's results.
pub fn report(
    snapshot: &Snapshot,
    encoding: Encoding,
    previous: Option<&str>,
) -> DocumentDiagnosticReportResult {
    let result_id = snapshot.id.to_string();
    let report = if previous == Some(result_id.as_str()) {
        DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
            related_documents: None,
            unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id },
        })
    } else {
        DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport {
                result_id: Some(result_id),
                items: all(snapshot, encoding),
            },
        })
    };
    DocumentDiagnosticReportResult::Report(report)
}
