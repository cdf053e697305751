//! `section55 render FILE [--format markdown|html] [-o FILE] [--force]`. A file that is not
//! well-formed, breaks the schema or lacks a template section is refused with those findings;
//! other findings (warnings, unanswered recommendations) do not block rendering.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::render::{self, Format};

use super::format::{self as output, FileReport};
use crate::rules::code;

/// Rules whose errors mean the file cannot be read as a response.
const BLOCKING: [&str; 3] = [code::INVALID_YAML, code::SCHEMA, code::MISSING_SECTION];

#[derive(Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Markdown,
    Html,
}

#[derive(clap::Args)]
pub struct Args {
    /// The response file (`-` for standard input).
    file: PathBuf,
    /// markdown, or html (one standalone page). Default: html when -o names a .html file,
    /// else markdown.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// Write the document to this file instead of printing it.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    force: bool,
}

pub fn run(args: &Args) -> Result<ExitCode, String> {
    let (bytes, name) = super::input::read(&args.file)?;
    let today = super::today(None)?;
    let (text, diagnostics) = crate::rules::lint_bytes(&bytes, &Config::default(), today);
    let blocking: Vec<Diagnostic> = diagnostics.into_iter().filter(is_blocking).collect();
    if !blocking.is_empty() {
        let report = FileReport {
            path: name.clone(),
            text,
            diagnostics: blocking,
        };
        eprint!(
            "{}",
            output::render(output::Format::Concise, &[report], false)
        );
        crate::stderr::line(&format!(
            "section55: {name} was not rendered: fix the errors above (`section55 check {name}` explains them)"
        ));
        return Ok(ExitCode::from(1));
    }
    let response = render::read(&text).map_err(|e| format!("{name}: {e}"))?;
    let document = render::render(&response, format(args));
    match &args.output {
        Some(path) => super::write_file(path, document.as_bytes(), args.force)?,
        None => super::out(&document),
    }
    Ok(ExitCode::SUCCESS)
}

fn is_blocking(d: &Diagnostic) -> bool {
    d.severity == Severity::Error && BLOCKING.contains(&d.rule)
}

fn format(args: &Args) -> Format {
    let html_file = args
        .output
        .as_ref()
        .and_then(|p| p.extension())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    match args.format {
        Some(FormatArg::Html) => Format::Html,
        Some(FormatArg::Markdown) => Format::Markdown,
        None if html_file => Format::Html,
        None => Format::Markdown,
    }
}
