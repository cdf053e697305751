//! section55 in the browser. The page (`page.html`, built into `dist/section55.html` by
//! `scripts/release.sh`) hands a response file's bytes and today's date to [`check`] and shows
//! what comes back: every finding with its line and its rule's documentation, and the rendered
//! document (a copy marked DRAFT while the file has errors, as `render --draft` makes).
//!
//! The interface is one function, [`check_json`] (bytes and a date in, JSON out), exported with
//! `wasm-bindgen`: the core's dependencies reach the browser's clock and random numbers through
//! it (chrono, getrandom), so its generated glue comes with the module.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;

use section55_core::config::Config;
use section55_core::diagnostic::{Diagnostic, Severity};
use section55_core::render::{self, Format};
use section55_core::rules;

/// The largest file the page accepts: many times the largest real response, small enough that a
/// locked-down laptop's browser tab stays responsive.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

#[derive(Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// The documentation of each rule that fired, by name.
    pub rules: BTreeMap<&'static str, RuleDoc>,
    /// The rendered page (HTML), when the file reads as a response.
    pub document: Option<String>,
    /// Whether `document` is a draft (the file still has errors).
    pub draft: bool,
    /// Why there is no document, in words for the user.
    pub not_rendered: Option<String>,
}

/// One finding; lines and columns 1-based, columns in characters (as `check --format json`).
#[derive(Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: &'static str,
    pub message: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

#[derive(Serialize)]
pub struct RuleDoc {
    pub summary: &'static str,
    pub what: &'static str,
    pub why: &'static str,
    pub example: &'static str,
    pub fix: &'static str,
}

/// Checks and renders one file, with the default configuration (the page has no folder to find
/// a `section55.toml` in).
pub fn check(bytes: &[u8], today: NaiveDate) -> Report {
    if bytes.len() > MAX_BYTES {
        return refused(format!(
            "the file is {} KB; the browser version reads files up to {} KB (use the section55 program for larger ones)",
            bytes.len() / 1024,
            MAX_BYTES / 1024
        ));
    }
    let (text, diagnostics) = rules::lint_bytes(bytes.to_vec(), &Config::default(), today);
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let (document, not_rendered) = match rendered(&text, &diagnostics, errors > 0) {
        Ok(page) => (Some(page), None),
        Err(why) => (None, Some(why)),
    };
    Report {
        rules: docs_of(&diagnostics),
        findings: diagnostics.iter().map(finding).collect(),
        errors,
        warnings,
        infos,
        draft: document.is_some() && errors > 0,
        document,
        not_rendered,
    }
}

fn refused(why: String) -> Report {
    Report {
        findings: Vec::new(),
        errors: 0,
        warnings: 0,
        infos: 0,
        rules: BTreeMap::new(),
        document: None,
        draft: false,
        not_rendered: Some(why),
    }
}

/// The page `render` would publish, or with errors the copy `render --draft` makes; refused, as
/// there, when the file cannot be read as a response.
fn rendered(text: &str, diagnostics: &[Diagnostic], draft: bool) -> Result<String, String> {
    let unreadable = diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error && render::UNREADABLE.contains(&d.rule));
    if unreadable {
        return Err(
            "the file cannot be read as a response yet: fix the errors marked invalid-yaml, schema or missing-section first"
                .to_owned(),
        );
    }
    let response = render::read(text)?;
    Ok(if draft {
        render::render_draft(&response, Format::Html, render::draft_lines(diagnostics))
    } else {
        render::render(&response, Format::Html)
    })
}

fn finding(d: &Diagnostic) -> Finding {
    let ((line, column), (end_line, end_column)) =
        (d.span.start.one_based(), d.span.end.one_based());
    Finding {
        rule: d.rule,
        severity: d.severity.as_str(),
        message: d.message.clone(),
        line,
        column,
        end_line,
        end_column,
    }
}

fn docs_of(diagnostics: &[Diagnostic]) -> BTreeMap<&'static str, RuleDoc> {
    diagnostics
        .iter()
        .filter_map(|d| rules::find(d.rule))
        .map(|r| {
            let doc = RuleDoc {
                summary: r.summary,
                what: r.doc.what,
                why: r.doc.why,
                example: r.doc.example,
                fix: r.doc.fix,
            };
            (r.name, doc)
        })
        .collect()
}

/// What the page calls: the report on a file's bytes as of a date, as JSON.
#[wasm_bindgen]
pub fn check_json(bytes: &[u8], year: i32, month: u32, day: u32) -> String {
    let report = match NaiveDate::from_ymd_opt(year, month, day) {
        Some(today) => check(bytes, today),
        None => refused(format!("{year}-{month}-{day} is not a date")),
    };
    serde_json::to_string(&report).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
    }

    /// Compiled in: a full `cargo test` may build this crate again from the README test's
    /// scratch copy of the repository, which is gone by the time these tests run.
    const NORFOLK: &[u8] = include_bytes!("../../../examples/norfolk-gbcse-progress-2025.s55.yaml");

    #[test]
    fn a_clean_example_renders_a_final_page() {
        let report = check(NORFOLK, today());
        assert_eq!(report.errors, 0, "{:?}", report.not_rendered);
        let page = report.document.expect("a document");
        assert!(page.starts_with("<!DOCTYPE html>"), "{}", &page[..40]);
        assert!(!report.draft);
    }

    #[test]
    fn errors_give_findings_with_docs_and_a_draft() {
        let text = b"force: Norfolk Constabulary\npolicing_body: Norfolk PCC\n";
        let report = check(text, today());
        assert!(report.errors > 0);
        let first = &report.findings[0];
        assert!(report.rules.contains_key(first.rule), "{}", first.rule);
        assert!(report.document.is_none());
        assert!(report.not_rendered.unwrap().contains("cannot be read"));
    }

    #[test]
    fn an_oversized_file_is_refused_in_words() {
        let report = check(&vec![b' '; MAX_BYTES + 1], today());
        assert!(report.findings.is_empty());
        assert!(report.not_rendered.unwrap().contains("up to 4096 KB"));
    }

    #[test]
    fn the_page_gets_json() {
        let json = check_json(NORFOLK, 2026, 12, 2);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["errors"], 0);
        assert!(value["document"].is_string());
        let bad = check_json(b"", 2026, 2, 30);
        assert!(bad.contains("is not a date"), "{bad}");
    }
}
