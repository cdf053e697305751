//! `section55 import FILE [-o FILE|FOLDER] [--report FILE] [--force]`: a response as offices
//! publish it (Markdown, text or a Word .docx) into a response file. What could not be mapped, or
//! was left out, is reported on standard error as `FILE:LINE: note: ...`; the command still
//! succeeds, since the file is a start to check. A page listing several responses gives one file
//! per report, into the folder `-o` names.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::import::Imported;

#[derive(clap::Args)]
pub struct Args {
    /// The document: Markdown, plain text or a Word document (.docx); `-` for standard input.
    file: PathBuf,
    /// Write the response file here (e.g. norfolk-peel-2025.s55.yaml) instead of printing it;
    /// for a page listing several responses, a folder to write one file per report into.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Write the provenance record here (JSON): each field's source lines and the rule that
    /// mapped it, and why each line not mapped was not.
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// Overwrite the output files if they exist.
    #[arg(long)]
    force: bool,
}

pub fn run(args: &Args) -> Result<ExitCode, String> {
    let (bytes, name) = super::input::read(&args.file)?;
    let text = crate::import::source::document_text(&bytes, &name)?;
    let imported = crate::import::import_pages(&text)
        .map_err(|e| format!("{name}: cannot write the response file: {e}"))?;
    match imported.as_slice() {
        [one] => {
            print_notes(&name, one);
            write_report(args, &name, std::slice::from_ref(one))?;
            match &args.output {
                Some(path) => super::write_file(path, one.yaml.as_bytes(), args.force)?,
                None => super::out(&one.yaml),
            }
        }
        several => {
            let Some(folder) = args.output.as_deref().filter(|p| p.is_dir()) else {
                return Err(format!(
                    "{name} lists {} responses (one per report heading); give -o an existing folder to write one file per report",
                    several.len()
                ));
            };
            for (k, one) in several.iter().enumerate() {
                print_notes(&name, one);
                let path = folder.join(file_name(one, k));
                super::write_file(&path, one.yaml.as_bytes(), args.force)?;
                eprintln!("{name}: wrote {}", path.display());
            }
            write_report(args, &name, several)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_notes(name: &str, imported: &Imported) {
    for note in &imported.notes {
        match note.line {
            Some(line) => crate::stderr::line(&format!("{name}:{line}: note: {}", note.message)),
            None => crate::stderr::line(&format!("{name}: note: {}", note.message)),
        }
    }
}

/// One record for one response; a list of records for a page of several.
fn write_report(args: &Args, name: &str, imported: &[Imported]) -> Result<(), String> {
    let Some(path) = &args.report else {
        return Ok(());
    };
    let records: Vec<String> = imported
        .iter()
        .map(|i| i.provenance.to_json(name, &i.notes))
        .collect();
    let json = match records.as_slice() {
        [one] => one.clone(),
        _ => format!("[\n{}]\n", records.join(",\n")),
    };
    super::write_file(Path::new(path), json.as_bytes(), args.force)
}

/// `peel-2023-2025-an-inspection-of-surrey-police.s55.yaml` from the report's title.
fn file_name(imported: &Imported, index: usize) -> String {
    let title = imported.title.as_deref().unwrap_or("");
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("report-{}.s55.yaml", index + 1)
    } else {
        format!("{:02}-{slug}.s55.yaml", index + 1)
    }
}
