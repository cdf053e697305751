//! `section55 check [PATHS...]`: find response files, lint them in parallel, print a report.

use std::collections::HashMap;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use super::fix;
use super::format::{self, FileReport, Format};
use super::parallel::in_order;
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::discover::{Collected, Source, collect, response_name};
use crate::rules;

#[derive(clap::Args)]
pub struct Args {
    /// Files and folders to check (folders recursively: *.s55.yaml, *.s55.yml); `-` reads stdin.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit with 1 when there are warnings, not only errors.
    #[arg(long)]
    deny_warnings: bool,
    /// The date to treat as today (YYYY-MM-DD); default: SECTION55_TODAY or the system date.
    #[arg(long, value_parser = parse_date)]
    today: Option<NaiveDate>,
    /// Use this configuration file instead of the nearest section55.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// The file name to report for stdin.
    #[arg(long, default_value = "<stdin>")]
    stdin_filename: String,
    /// When to colour the human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Apply the safe fixes to the files (for `-`, print the fixed text), then report what is left.
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff: the unsafe fixes too (they add or change content: review them).
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change instead of writing the files.
    #[arg(long)]
    diff: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date: use YYYY-MM-DD"))
}

pub fn run(args: &Args) -> Result<ExitCode, String> {
    // Compiling the schema's validator (the draft-07 meta-schema's validator first, which
    // jsonschema always builds to check the schema with) takes a millisecond: on a thread of its
    // own it overlaps finding, reading and parsing the files. One file (as pre-commit checks
    // them) has too little to overlap for the cost of starting a thread; without that thread
    // the first lint builds it.
    if !one_file(&args.paths) {
        let _ = std::thread::Builder::new().spawn(crate::schema::validator);
    }
    let today = crate::dates::today(args.today)?;
    let fixing = fix::Mode::of(args.fix, args.diff, args.unsafe_fixes)?;
    let Collected {
        sources,
        mut failures,
        misnamed,
    } = collect(&args.paths);
    let configs = Configs::new(args.config.as_deref())?;
    let colour = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let (files, failed) = match fixing {
        None => check_all(&sources, args, &configs, today, colour, &mut failures),
        Some(mode) => fix_all(&sources, args, &configs, today, mode, &mut failures),
    };
    let nothing_found = files == 0;
    note_misnamed(&misnamed, "checked");
    for failure in &failures {
        crate::stderr::line(&format!("section55: error: {failure}"));
    }
    if !failures.is_empty() {
        return Ok(ExitCode::from(super::EXIT_USAGE));
    }
    if nothing_found {
        warn_nothing_found("check", "check", "checked");
    }
    Ok(if failed || (nothing_found && args.deny_warnings) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Whether the paths name one file or standard input (`-`).
fn one_file(paths: &[PathBuf]) -> bool {
    matches!(paths, [path] if path.as_os_str() == "-" || path.is_file())
}

/// The YAML files in the folders that look like responses but were not read (`done`: "checked").
pub(super) fn note_misnamed(misnamed: &[(PathBuf, &'static str)], done: &str) {
    for (path, key) in misnamed {
        crate::stderr::line(&format!(
            "section55: note: {} looks like a response (it has `{key}`) but was not {done}: only files named *.s55.yaml or *.s55.yml are; rename it {}, or name it on the command line",
            display_path(path),
            display_path(&response_name(path))
        ));
    }
}

/// No file was found for `section55 COMMAND` to `verb` ("format", "formatted").
pub(super) fn warn_nothing_found(command: &str, verb: &str, done: &str) {
    crate::stderr::line(&format!(
        "section55: warning: no response files to {verb}: `section55 {command}` looks for files named *.s55.yaml or *.s55.yml in the folders given (and their subfolders, except what .gitignore excludes); a file named on the command line is {done} whatever its name"
    ));
}

/// Whether a finding makes the run fail.
fn fails(severity: Severity, args: &Args) -> bool {
    severity == Severity::Error || (args.deny_warnings && severity == Severity::Warning)
}

/// Checks the files and writes each one's report as soon as it and the files before it are
/// done; returns the number of files checked and whether a finding fails the run.
fn check_all(
    sources: &[Source],
    args: &Args,
    configs: &Configs,
    today: NaiveDate,
    colour: bool,
    failures: &mut Vec<String>,
) -> (usize, bool) {
    let mut stream = format::Stream::new(args.format, colour);
    let needs_text = stream.needs_text();
    let mut failed = false;
    in_order(
        sources,
        |source| {
            let (path, bytes, config) = read_source(source, &args.stdin_filename, configs)?;
            let (text, diagnostics) = rules::lint_bytes(bytes, &config, today);
            Ok(FileReport {
                path,
                text: if needs_text { text } else { String::new() },
                diagnostics,
            })
        },
        |report: Result<FileReport, String>| match report {
            Ok(report) => {
                failed |= report.diagnostics.iter().any(|d| fails(d.severity, args));
                super::out(&stream.file(&report));
            }
            Err(e) => failures.push(e),
        },
    );
    let files = stream.counts().files;
    // A summary claims the whole run: none when a path could not be read or nothing was found.
    let summary = failures.is_empty() && files > 0;
    super::out(&stream.finish(summary));
    (files, failed)
}

/// Fixes the files, then writes what goes to standard output (the diff, or standard input's
/// fixed text) and the report of what is left to standard error.
fn fix_all(
    sources: &[Source],
    args: &Args,
    configs: &Configs,
    today: NaiveDate,
    mode: fix::Mode,
    failures: &mut Vec<String>,
) -> (usize, bool) {
    let mut outcomes = Vec::with_capacity(sources.len());
    in_order(
        sources,
        |source| {
            let (path, bytes, config) = read_source(source, &args.stdin_filename, configs)?;
            Ok(fix::fix_file(
                source_path(source),
                path,
                bytes,
                &config,
                today,
                mode,
            ))
        },
        |outcome: Result<_, String>| match outcome {
            Ok(outcome) => outcomes.push(outcome),
            Err(e) => failures.push(e),
        },
    );
    let (reports, text) = fix::finish(outcomes, mode, failures);
    let summary = failures.is_empty() && !reports.is_empty();
    let report = format::render(args.format, &reports, false, summary);
    super::out_bytes(&text);
    if !report.is_empty() {
        crate::stderr::line(report.trim_end_matches('\n'));
    }
    let failed = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| fails(d.severity, args));
    (reports.len(), failed)
}

/// A source's name to report, its bytes and the configuration that applies to it.
pub(super) fn read_source(
    source: &Source,
    stdin_name: &str,
    configs: &Configs,
) -> Result<(String, Vec<u8>, Config), String> {
    let (path, bytes) = read_bytes(source, stdin_name)?;
    let dir = match source {
        Source::File(path) => path.parent().filter(|p| !p.as_os_str().is_empty()),
        Source::Stdin => None,
    };
    Ok((path, bytes, configs.for_dir(dir.unwrap_or(Path::new(".")))?))
}

/// A source's name to report and its bytes.
pub(super) fn read_bytes(source: &Source, stdin_name: &str) -> Result<(String, Vec<u8>), String> {
    match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
            Ok((stdin_name.to_owned(), bytes))
        }
        Source::File(path) => {
            let bytes =
                std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Ok((display_path(path), bytes))
        }
    }
}

fn source_path(source: &Source) -> Option<&Path> {
    match source {
        Source::File(path) => Some(path),
        Source::Stdin => None,
    }
}

/// Paths as given, relative to the working directory where possible, with `/` separators.
pub(super) fn display_path(path: &Path) -> String {
    let path = path.strip_prefix("./").unwrap_or(path);
    path.to_string_lossy().replace('\\', "/")
}

/// Configuration per folder: `--config` for all, else the nearest section55.toml, each file
/// read once.
pub(super) struct Configs {
    fixed: Option<Config>,
    found: std::sync::Mutex<HashMap<PathBuf, Config>>,
    /// By folder as given, so the files of one folder resolve it once (not a canonicalize and a
    /// walk up the tree per file).
    by_dir: std::sync::Mutex<HashMap<PathBuf, Config>>,
}

impl Configs {
    pub(super) fn new(explicit: Option<&Path>) -> Result<Self, String> {
        let fixed = explicit
            .map(|p| Config::load(p, &rules::names()))
            .transpose()?;
        Ok(Configs {
            fixed,
            found: std::sync::Mutex::new(HashMap::new()),
            by_dir: std::sync::Mutex::new(HashMap::new()),
        })
    }

    fn for_dir(&self, dir: &Path) -> Result<Config, String> {
        if let Some(config) = &self.fixed {
            return Ok(config.clone());
        }
        let poisoned = |_| "internal error: configuration cache poisoned".to_owned();
        if let Some(config) = self.by_dir.lock().map_err(poisoned)?.get(dir) {
            return Ok(config.clone());
        }
        let config = self.find(dir)?;
        self.by_dir
            .lock()
            .map_err(poisoned)?
            .insert(dir.to_owned(), config.clone());
        Ok(config)
    }

    fn find(&self, dir: &Path) -> Result<Config, String> {
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned());
        let Some(file) = Config::find(&dir) else {
            return Ok(Config::default());
        };
        let mut found = self
            .found
            .lock()
            .map_err(|_| "internal error: configuration cache poisoned".to_owned())?;
        if let Some(config) = found.get(&file) {
            return Ok(config.clone());
        }
        let config = Config::load(&file, &rules::names())?;
        found.insert(file, config.clone());
        Ok(config)
    }
}
