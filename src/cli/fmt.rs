//! `section55 fmt [PATHS...]`: the library's formatter ([`crate::format`]) on the files `check`
//! would check. Each changed file is replaced through `write::replace_file`, as `check --fix`
//! does; `--check` lists the files that would change, `--diff` prints what would change, and
//! standard input's formatted text goes to standard output. A file that does not parse is
//! refused with its first syntax error and left as it was.

use std::path::PathBuf;
use std::process::ExitCode;

use super::check;
use super::{fix, write};
use crate::discover::{self, Collected, Source};
use crate::format::{self, Refusal};

#[derive(clap::Args)]
pub struct Args {
    /// Files and folders to format (folders recursively: *.s55.yaml, *.s55.yml); `-` reads stdin
    /// and prints the formatted text.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Write nothing: list the files that would change, and exit 1 if any would.
    #[arg(long)]
    check: bool,
    /// Write nothing: print a unified diff of what would change, and exit 1 if anything would.
    #[arg(long)]
    diff: bool,
    /// The file name to report for stdin.
    #[arg(long, default_value = "<stdin>")]
    stdin_filename: String,
}

/// One file read and formatted.
struct Formatted {
    source: usize,
    path: String,
    original: Vec<u8>,
    /// The formatted text when it differs from the file.
    changed: Option<String>,
}

pub fn run(args: &Args) -> Result<ExitCode, String> {
    let Collected {
        sources,
        mut failures,
        misnamed,
    } = discover::collect(&args.paths);
    let indexed: Vec<(usize, &Source)> = sources.iter().enumerate().collect();
    let mut files = Vec::with_capacity(sources.len());
    super::parallel::in_order(
        &indexed,
        |&(i, source)| format_source(i, source, &args.stdin_filename),
        |formatted| match formatted {
            Ok(formatted) => files.push(formatted),
            Err(e) => failures.push(e),
        },
    );
    check::note_misnamed(&misnamed, "formatted");
    let changed = finish(&files, &sources, args, &mut failures);
    for failure in &failures {
        crate::stderr::line(&format!("section55: error: {failure}"));
    }
    if sources.is_empty() && failures.is_empty() {
        check::warn_nothing_found("fmt", "format", "formatted");
    }
    Ok(if !failures.is_empty() {
        ExitCode::from(super::EXIT_USAGE)
    } else if changed > 0 && (args.check || args.diff) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads and formats one source; a refusal is an error that names the file.
fn format_source(i: usize, source: &Source, stdin_name: &str) -> Result<Formatted, String> {
    let (path, original) = check::read_bytes(source, stdin_name)?;
    let text = match std::str::from_utf8(&original) {
        Ok(text) if !crate::rules::is_utf16(&original) => text,
        _ => {
            return Err(format!(
                "{path}: not formatted: it is not UTF-8 text (`section55 check {path}` says more)"
            ));
        }
    };
    let changed = match format::format(text) {
        Ok(formatted) => (formatted != text).then_some(formatted),
        Err(refusal) => return Err(refused(&path, &refusal)),
    };
    Ok(Formatted {
        source: i,
        path,
        original,
        changed,
    })
}

/// "PATH:3:5: not formatted: duplicate key `force` ...".
fn refused(path: &str, refusal: &Refusal) -> String {
    let (at, message) = refusal.message();
    let place = at.map_or_else(String::new, |p| {
        let (line, col) = p.one_based();
        format!(":{line}:{col}")
    });
    match refusal {
        Refusal::Syntax(errors) => {
            let more = match errors.len() {
                0 | 1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            format!(
                "{path}{place}: not formatted: {message}{more}; fix the syntax first (`section55 check {path}` explains it)"
            )
        }
        Refusal::Unsafe(_) => format!("{path}{place}: {message}"),
    }
}

/// Writes, lists, diffs or prints each formatted text, and reports the totals; returns how many
/// files were (or would be) changed.
fn finish(
    files: &[Formatted],
    sources: &[Source],
    args: &Args,
    failures: &mut Vec<String>,
) -> usize {
    let mut out = Vec::new();
    let mut changed = 0;
    for file in files {
        let stdin = matches!(sources[file.source], Source::Stdin);
        let Some(text) = &file.changed else {
            if stdin && !args.check && !args.diff {
                out.extend_from_slice(&file.original);
            }
            continue;
        };
        let written = if args.diff {
            out.extend_from_slice(fix::unified_diff(&file.path, &file.original, text).as_bytes());
            Ok(())
        } else if args.check {
            out.extend_from_slice(format!("would format {}\n", file.path).as_bytes());
            Ok(())
        } else if let Source::File(path) = &sources[file.source] {
            write::replace_file(path, text.as_bytes(), &file.original)
        } else {
            out.extend_from_slice(text.as_bytes());
            Ok(())
        };
        match written {
            Ok(()) => changed += 1,
            Err(e) => failures.push(e),
        }
    }
    super::out_bytes(&out);
    let unchanged = files.iter().filter(|f| f.changed.is_none()).count();
    // A summary for files; an editor piping standard input through wants the text alone.
    let any_file = sources.iter().any(|s| matches!(s, Source::File(_)));
    if any_file || args.check || args.diff {
        let verb = if args.check || args.diff {
            "would be formatted"
        } else {
            "formatted"
        };
        crate::stderr::line(&format!(
            "section55: {changed} file{} {verb}, {unchanged} already formatted",
            if changed == 1 { "" } else { "s" },
        ));
    }
    changed
}
