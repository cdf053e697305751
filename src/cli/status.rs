//! `section55 status [PATHS...]`: the portfolio, one row per response file found the way `check`
//! finds them, the most urgent first, as a table, JSON, CSV, an iCalendar file or an HTML
//! dashboard (`crate::portfolio`). A file that cannot be read as a response is a row of its own
//! (state `unreadable`), never skipped. Exits 0 unless it could not run (2); `--fail-on late`
//! exits 1 when a response is late or an action overdue.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use rayon::prelude::*;

use super::check::{self, Configs};
use crate::discover::{self, Collected, Source};
use crate::portfolio::{self, Row};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// A table for a terminal of 100 columns, then the counts.
    Table,
    /// An object with every file's row and the counts by state.
    Json,
    /// One line per file (RFC 4180), for spreadsheets.
    Csv,
    /// An iCalendar file (RFC 5545): an all-day event on each unpublished response's last day.
    Ics,
    /// One self-contained HTML page: counts, the coming eight weeks, every file.
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    /// A response not published by its last day, published after it, or an action overdue.
    Late,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files and folders (folders recursively: *.s55.yaml, *.s55.yml); `-` reads stdin.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// The date to treat as today (YYYY-MM-DD); default: SECTION55_TODAY or the system date.
    #[arg(long, value_parser = check::parse_date)]
    today: Option<NaiveDate>,
    /// List every open action (not complete or closed) instead of the files; with ics and
    /// html, add them to the files.
    #[arg(long)]
    actions: bool,
    /// Exit with 1 when a response is late or an action overdue (for CI).
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// For ics: remind this many days before each event (0: no reminder).
    #[arg(long, default_value_t = 7, value_name = "DAYS")]
    alarm_days: u32,
    /// Use this configuration file instead of the nearest section55.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// The file name to report for stdin.
    #[arg(long, default_value = "<stdin>")]
    stdin_filename: String,
}

/// Above this many files, a terminal sees how far the run has got.
const PROGRESS_FROM: usize = 200;

pub fn run(args: &Args) -> Result<ExitCode, String> {
    let today = crate::dates::today(args.today)?;
    let Collected {
        sources, failures, ..
    } = discover::collect(&args.paths);
    let configs = Configs::new(args.config.as_deref())?;
    let progress = Progress::new(sources.len());
    let mut rows: Vec<Row> = sources
        .par_iter()
        .map(|source| {
            let row = row(source, args, &configs, today);
            progress.tick();
            row
        })
        .collect();
    progress.finish();
    portfolio::sort(&mut rows);
    super::out(&output(args, &rows, today));
    for failure in &failures {
        crate::stderr::line(&format!("section55: error: {failure}"));
    }
    if !failures.is_empty() {
        return Ok(ExitCode::from(super::EXIT_USAGE));
    }
    let late = args.fail_on == Some(FailOn::Late) && rows.iter().any(Row::is_late);
    Ok(if late {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One file's row; a file that cannot be read is a row saying why.
fn row(source: &Source, args: &Args, configs: &Configs, today: NaiveDate) -> Row {
    let name = || match source {
        Source::File(path) => check::display_path(path),
        Source::Stdin => args.stdin_filename.clone(),
    };
    let (path, bytes, config) = match check::read_source(source, &args.stdin_filename, configs) {
        Ok(read) => read,
        Err(problem) => return Row::unreadable(name(), problem),
    };
    match std::str::from_utf8(&bytes) {
        Ok(text) => {
            let doc = crate::document::parse(text);
            let diagnostics = crate::rules::lint_document(text, &doc, &config, today);
            Row::of(path, &doc, &diagnostics, &config, today)
        }
        Err(_) => {
            let (_, diagnostics) = crate::rules::lint_bytes(bytes, &config, today);
            let why = diagnostics
                .first()
                .map_or("not UTF-8 text", |d| d.message.as_str());
            Row::unreadable(path, why.to_owned())
        }
    }
}

fn output(args: &Args, rows: &[Row], today: NaiveDate) -> String {
    use crate::portfolio::{csv, html, ics, json, table};
    match (args.format, args.actions) {
        (Format::Table, false) => table::write(rows, colour()),
        (Format::Table, true) => table::write_actions(rows, colour()),
        (Format::Json, false) => json::write(rows, today),
        (Format::Json, true) => json::write_actions(rows, today),
        (Format::Csv, false) => csv::write(rows),
        (Format::Csv, true) => csv::write_actions(rows),
        (Format::Ics, actions) => ics::write(
            rows,
            &ics::Options {
                today,
                alarm_days: args.alarm_days,
                actions,
            },
        ),
        (Format::Html, actions) => html::write(rows, today, actions),
    }
}

/// Colour on a terminal, unless NO_COLOR is set.
fn colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// "status: 1200/5000 files" on standard error, rewritten in place, only on a terminal and
/// only for long runs.
struct Progress {
    total: usize,
    done: AtomicUsize,
    shown: bool,
}

impl Progress {
    fn new(total: usize) -> Self {
        Progress {
            total,
            done: AtomicUsize::new(0),
            shown: total >= PROGRESS_FROM && std::io::stderr().is_terminal(),
        }
    }

    fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if self.shown && (done.is_multiple_of(100) || done == self.total) {
            crate::stderr::partial(&format!("\rsection55 status: {done}/{} files", self.total));
        }
    }

    fn finish(&self) {
        if self.shown {
            crate::stderr::partial("\r\x1b[2K");
        }
    }
}
