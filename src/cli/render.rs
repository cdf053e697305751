//! `section55 render FILE [--format markdown|html|docx] [--style plain|template] [-o FILE]
//! [--force] [--draft] [--no-actions]`. A file with any error-level finding is refused with the
//! findings: what `check` rejects is never published. `--draft` renders it all the same, marked DRAFT on the page and every heading, with
//! the open findings listed first; a file that cannot be read as a response (not well-formed,
//! breaking the schema, lacking a section) is refused even then.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::render::{self, Format};

use super::format::{self as output, FileReport};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FormatArg {
    Markdown,
    Html,
    /// A Word document, for sign-off.
    Docx,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum StyleArg {
    /// Semantic headings only: `#` title, `##` sections, `###` items.
    Plain,
    /// The OPCC template's bold headings (`### **Published on:**`) and heading levels.
    Template,
}

#[derive(clap::Args)]
pub struct Args {
    /// The response file (`-` for standard input).
    file: PathBuf,
    /// markdown, html (one standalone page) or docx (a Word document). Default: from the
    /// extension of the -o file (.html, .docx), else markdown.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// Write the document to this file instead of printing it.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    force: bool,
    /// Render a file that still has errors, as a copy for review: DRAFT on the page and on
    /// every heading, with the open findings listed first.
    #[arg(long)]
    draft: bool,
    /// Leave out the action plan (the follow-up of each action), e.g. for the statutory
    /// publication of the comments alone.
    #[arg(long)]
    no_actions: bool,
    /// Markdown's headings: plain (semantic headings, the default; what screen readers navigate
    /// by) or template (the OPCC template's bold headings).
    #[arg(long, value_enum, value_name = "STYLE")]
    style: Option<StyleArg>,
    /// The date to treat as today (YYYY-MM-DD); default: SECTION55_TODAY or the system date.
    #[arg(long, value_parser = super::check::parse_date)]
    today: Option<NaiveDate>,
}

pub fn run(args: &Args) -> Result<ExitCode, String> {
    let format = format(args);
    if args.style.is_some() && format != FormatArg::Markdown {
        return Err(
            "--style is for Markdown (its headings); the HTML page and the Word document have one style, with real headings: drop --style, or pass --format markdown".into(),
        );
    }
    let (bytes, name) = super::input::read(&args.file)?;
    let today = crate::dates::today(args.today)?;
    let config = config_for(&args.file)?;
    let (text, diagnostics) = crate::rules::lint_bytes(bytes, &config, today);
    let refused: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter(|d| !args.draft || render::UNREADABLE.contains(&d.rule))
        .collect();
    if !refused.is_empty() {
        let report = FileReport {
            path: name.clone(),
            text: text.clone(),
            diagnostics: refused.into_iter().cloned().collect(),
        };
        eprint!(
            "{}",
            output::render(output::Format::Concise, &[report], false, false)
        );
        let hint = if args.draft {
            "it cannot be read as a response, even for a draft"
        } else {
            "fix the errors above, or pass --draft for a copy marked DRAFT"
        };
        crate::stderr::line(&format!(
            "section55: {name} was not rendered: {hint} (`section55 check {name}` explains them)"
        ));
        return Ok(ExitCode::from(1));
    }
    let response = render::read(&text).map_err(|e| format!("{name}: {e}"))?;
    let options = render::Options {
        draft: args.draft.then(|| render::draft_lines(&diagnostics)),
        actions: !args.no_actions,
        style: match args.style {
            Some(StyleArg::Template) => render::Style::Template,
            Some(StyleArg::Plain) | None => render::Style::Plain,
        },
    };
    let document = match format {
        FormatArg::Markdown => render::render_with(&response, Format::Markdown, options).into(),
        FormatArg::Html => render::render_with(&response, Format::Html, options).into(),
        FormatArg::Docx => render::render_docx(&response, options)?,
    };
    match &args.output {
        Some(path) => super::write_file(path, &document, args.force)?,
        None if format == FormatArg::Docx && std::io::stdout().is_terminal() => {
            return Err(
                "a Word document is not text to show here: name the file with -o, for example `-o response.docx`".into(),
            );
        }
        None => super::out_bytes(&document),
    }
    Ok(ExitCode::SUCCESS)
}

/// The `section55.toml` that `check` would use for the file, so both agree on what is an error.
fn config_for(file: &Path) -> Result<Config, String> {
    let dir = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty() && file.as_os_str() != "-")
        .unwrap_or(Path::new("."));
    super::config_in(&std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned()))
}

fn format(args: &Args) -> FormatArg {
    let extension = args
        .output
        .as_ref()
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match (args.format, extension.as_deref()) {
        (Some(format), _) => format,
        (None, Some("html" | "htm")) => FormatArg::Html,
        (None, Some("docx")) => FormatArg::Docx,
        (None, _) => FormatArg::Markdown,
    }
}
