//! The command line: one module per command. Commands parse arguments, call the library and
//! print; they hold no checking logic of their own.

mod check;
mod fix;
mod fmt;
mod format;
mod import;
mod input;
mod labels_cmd;
mod new;
mod parallel;
mod render;
mod rules_cmd;
mod schema_cmd;
mod status;
mod write;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use crate::dates::today;
pub use crate::discover::is_response_file;
pub use write::write_file;

/// Writes to standard output. A reader that stops early (`section55 rules | head -1`) closes the
/// pipe; that ends the output quietly rather than as a panic.
pub fn out(text: &str) {
    out_bytes(text.as_bytes());
}

pub fn out_bytes(bytes: &[u8]) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(bytes);
}

/// The `section55.toml` that applies in `folder` (the nearest one up the tree), or the defaults.
fn config_in(folder: &std::path::Path) -> Result<crate::config::Config, String> {
    match crate::config::Config::find(folder) {
        Some(path) => crate::config::Config::load(&path, &crate::rules::names()),
        None => Ok(crate::config::Config::default()),
    }
}

/// Exit code when the command could not run (bad arguments, unreadable path).
pub const EXIT_USAGE: u8 = 2;

/// `0.1.0 (0123456789ab 2026-12-01)`: the version and the commit built from (see build.rs).
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("SECTION55_COMMIT"),
    ")"
);

#[derive(Parser)]
#[command(
    name = "section55",
    version = VERSION,
    about = "Lint, render and edit Section 55 responses (Police Act 1996, s.55)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check response files and folders (recursively: *.s55.yaml, *.s55.yml).
    Check(check::Args),
    /// Put keys in the template's order and indent by two spaces, keeping comments and texts.
    Fmt(fmt::Args),
    /// List every rule.
    Rules,
    /// Print a rule's documentation.
    Rule {
        /// The rule's name, e.g. deadline-off-by-one.
        name: String,
    },
    /// Print or write the JSON Schema of response files.
    Schema(schema_cmd::Args),
    /// Run the language server on stdin and stdout (for editors).
    Lsp {
        /// Accepted for editors that pass it (the server always uses stdio).
        #[arg(long, hide = true)]
        stdio: bool,
    },
    /// Start a response file: the force's policing body, the statutory deadline, TODO texts.
    New(new::Args),
    /// Write the publishable document (Markdown or HTML) in the template's shape.
    Render(render::Args),
    /// The portfolio: every response's deadline, state, answers and open actions.
    Status(status::Args),
    /// Convert a template-shaped Markdown or text response into a response file.
    Import(import::Args),
    /// Print the page's labels in one language, as a section55.toml table to reword.
    Labels(labels_cmd::Args),
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { 0 });
        }
    };
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::Rules => rules_cmd::list(),
        Command::Rule { name } => rules_cmd::show(&name),
        Command::Schema(args) => schema_cmd::run(&args),
        Command::Lsp { .. } => Ok(crate::lsp::run()),
        Command::New(args) => new::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Status(args) => status::run(&args),
        Command::Labels(args) => labels_cmd::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            crate::stderr::line(&format!("section55: error: {message}"));
            ExitCode::from(EXIT_USAGE)
        }
    }
}
