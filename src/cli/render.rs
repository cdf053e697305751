//! `section55 render FILE [--format markdown|html|docx] [--style plain|template] [-o FILE]
//! [--force] [--draft] [--no-actions] [--lang en|cy|both] [--other-page URL]`. A file with any error-level finding is refused with the
//! findings: what `check` rejects is never published. `--draft` renders it all the same, marked DRAFT on the page and every heading, with
//! the open findings listed first; a file that cannot be read as a response (not well-formed,
//! breaking the schema, lacking a section) is refused even then.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::render::labels::Labels;
use crate::render::{self, Format, Languages};

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

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LangArg {
    /// English (lang="en-GB").
    En,
    /// Welsh (lang="cy"): the Welsh texts under each `cy`, the labels in Welsh.
    Cy,
    /// One bilingual page: each part in English, then in Welsh.
    Both,
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
    /// The document's language: en (the default), cy, or both on one page.
    #[arg(long, value_enum, value_name = "LANG")]
    lang: Option<LangArg>,
    /// The address of the same document in the other language, linked from the top of an en or
    /// cy page. Default: for `-o NAME.cy.html`, NAME.en.html (and the reverse).
    #[arg(long, value_name = "URL")]
    other_page: Option<String>,
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
    let languages = match args.lang {
        None | Some(LangArg::En) => Languages::English,
        Some(LangArg::Cy) => Languages::Welsh,
        Some(LangArg::Both) => Languages::Both,
    };
    if languages != Languages::English {
        note_untranslated(&name, &response);
    }
    let options = render::Options {
        draft: args.draft.then(|| render::draft_lines(&diagnostics)),
        actions: !args.no_actions,
        style: match args.style {
            Some(StyleArg::Template) => render::Style::Template,
            Some(StyleArg::Plain) | None => render::Style::Plain,
        },
        languages,
        english: Labels::ENGLISH.with_overrides(&config.labels.en, "labels.en")?,
        welsh: Labels::WELSH.with_overrides(&config.labels.cy, "labels.cy")?,
        other_page: other_page(args, languages),
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

/// Says how many texts a Welsh page gives in English, having no Welsh yet.
fn note_untranslated(name: &str, response: &crate::model::Response) {
    let missing = render::untranslated(response);
    if missing > 0 {
        let texts = if missing == 1 {
            "text has"
        } else {
            "texts have"
        };
        crate::stderr::line(&format!(
            "section55: {name}: {missing} {texts} no Welsh yet and appear in English on the Welsh page; `section55 check` names each (welsh-text-missing)"
        ));
    }
}

/// The other language's page: `--other-page`, else the output's name with its language part
/// swapped (`NAME.cy.html` and `NAME.en.html`). A bilingual page links to none.
fn other_page(args: &Args, languages: Languages) -> Option<String> {
    let own = match languages {
        Languages::English => "en",
        Languages::Welsh => "cy",
        Languages::Both => return None,
    };
    if let Some(url) = &args.other_page {
        return Some(url.clone());
    }
    let file = args.output.as_ref()?.file_name()?.to_str()?;
    let other = if own == "en" { "cy" } else { "en" };
    let mut parts: Vec<&str> = file.split('.').collect();
    let at = parts.iter().rposition(|p| *p == own).filter(|&i| i > 0)?;
    parts[at] = other;
    Some(parts.join("."))
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
