//! `section55 import FILE [-o FILE] [--force]`: a template-shaped Markdown or text response into a
//! response file. What could not be mapped, or was left out, is reported on standard error as
//! `FILE:LINE: note: ...`; the command still succeeds, since the file is a start to check.

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The document: Markdown or plain text (`-` for standard input).
    file: PathBuf,
    /// Write the response file here (e.g. norfolk-peel-2025.s55.yaml) instead of printing it.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    force: bool,
}

pub fn run(args: &Args) -> Result<ExitCode, String> {
    let (text, name) = super::input::read_text(&args.file)?;
    let imported = crate::import::import(&text)
        .map_err(|e| format!("{name}: cannot write the response file: {e}"))?;
    for note in &imported.notes {
        match note.line {
            Some(line) => eprintln!("{name}:{line}: note: {}", note.message),
            None => eprintln!("{name}: note: {}", note.message),
        }
    }
    match &args.output {
        Some(path) => super::write_file(path, imported.yaml.as_bytes(), args.force)?,
        None => super::out(&imported.yaml),
    }
    Ok(ExitCode::SUCCESS)
}
