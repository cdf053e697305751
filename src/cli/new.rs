//! `section55 new [NAME | --police-force NAME] --title TITLE --published DATE [--type T]...
//! [--link URL] [--lang en|both] -o FILE [--force]`. `--force` means overwrite, as in every command that writes.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::dates;
use crate::render::skeleton::{self, NewResponse};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum NewLang {
    /// English only.
    En,
    /// English and Welsh.
    Both,
}

#[derive(clap::Args)]
pub struct Args {
    /// The police force the report is about: "Norfolk Constabulary" or its short name "Norfolk".
    #[arg(value_name = "NAME", required_unless_present = "police_force_flag")]
    police_force: Option<String>,
    /// The police force, named as an option instead of first.
    #[arg(
        long = "police-force",
        value_name = "NAME",
        conflicts_with = "police_force"
    )]
    police_force_flag: Option<String>,
    /// The report's title, as on the HMICFRS website.
    #[arg(long, value_name = "TITLE")]
    title: String,
    /// The day HMICFRS published the report: 2025-10-24, 24/10/2025 or "24 October 2025".
    #[arg(long, value_name = "DATE")]
    published: String,
    /// A publication type of the report, e.g. "PEEL" (repeat for several).
    #[arg(long = "type", value_name = "TYPE")]
    types: Vec<String>,
    /// The report's address on justiceinspectorates.gov.uk.
    #[arg(long, value_name = "URL")]
    link: Option<String>,
    /// A force the report covers, e.g. "All local forces in England and Wales" (repeat for
    /// several; default: the force).
    #[arg(long, value_name = "NAME")]
    inspected: Vec<String>,
    /// The local policing body, if the catalogue does not know the force's.
    #[arg(long, value_name = "BODY")]
    policing_body: Option<String>,
    /// The response's languages: en (the default) or both (a Welsh placeholder under `cy`
    /// beside each text, for the Welsh forces' bilingual responses).
    #[arg(long, value_enum, value_name = "LANG")]
    lang: Option<NewLang>,
    /// Write the new response to this file (printed without it).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    force: bool,
}

pub fn run(args: &Args) -> Result<ExitCode, String> {
    let published = dates::parse_written_date(&args.published).ok_or_else(|| {
        format!(
            "--published: `{}` is not a date: write it as 2025-10-24, 24/10/2025 or \"24 October 2025\"",
            args.published
        )
    })?;
    let police_force = args
        .police_force
        .as_ref()
        .or(args.police_force_flag.as_ref())
        .ok_or("name the police force: `section55 new Norfolk ...` or `--police-force Norfolk`")?;
    let new = NewResponse {
        force: police_force.clone(),
        title: args.title.clone(),
        published,
        publication_types: args.types.clone(),
        link: args.link.clone(),
        inspected: args.inspected.clone(),
        policing_body: args.policing_body.clone(),
        welsh: args.lang == Some(NewLang::Both),
    };
    let folder = args
        .output
        .as_deref()
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty());
    let config = super::config_in(folder.unwrap_or(Path::new(".")))?;
    let text = skeleton::file(&new, &config.catalogue)?;
    if new.link.is_none() {
        crate::stderr::line(
            "section55: note: inspection.link is a TODO placeholder: give --link URL or fill it in",
        );
    }
    if new.publication_types.is_empty() {
        crate::stderr::line(
            "section55: note: inspection.publication_types is a TODO placeholder: give --type TYPE or fill it in",
        );
    }
    match &args.output {
        Some(path) => {
            if !super::is_response_file(path) {
                eprintln!(
                    "section55: warning: editors and `section55 check` look for files named *.s55.yaml or *.s55.yml and will not find {}: name it like {}",
                    path.display(),
                    crate::discover::response_name(path).display()
                );
            }
            super::write_file(path, text.as_bytes(), args.force)?;
        }
        None => super::out(&text),
    }
    Ok(ExitCode::SUCCESS)
}
