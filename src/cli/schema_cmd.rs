//! `section55 schema [-o FILE] [--force]`.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::schema::schema_text;

#[derive(clap::Args)]
pub struct Args {
    /// Write the schema to this file instead of printing it.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    force: bool,
}

pub fn run(args: &Args) -> Result<ExitCode, String> {
    match &args.output {
        Some(path) => super::write_file(path, schema_text().as_bytes(), args.force)?,
        None => super::out(&schema_text()),
    }
    Ok(ExitCode::SUCCESS)
}
