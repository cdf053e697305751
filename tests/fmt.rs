//! `section55 fmt`: the formatter's properties over the generated corpus (formatting twice
//! changes nothing; a file taken out of the template's order or indentation comes back as the
//! generator wrote it; it lints to the same findings; values, comments and block scalars are
//! kept), and the real binary on files: `--check`, `--diff`, standard input, CRLF and BOM, a
//! file that does not parse, a read-only file.

mod cli_binary;
#[path = "../benches/generate/mod.rs"]
mod generate;

use std::path::{Path, PathBuf};
use std::process::Output;

use cli_binary::{section55, stderr, stdout};

use section55::config::Config;
use section55::document;
use section55::format::{Refusal, format};

const NORFOLK: &str = include_str!("../examples/norfolk-gbcse-progress-2025.s55.yaml");

/// Files of the corpus the properties are checked on (the benchmark formats 2,000).
const CORPUS: usize = 300;

fn run(args: &[&str], dir: &Path) -> Output {
    section55(dir, args, None)
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    section55(&std::env::temp_dir(), args, Some(input))
}

fn temp_dir(name: &str) -> PathBuf {
    cli_binary::temp_dir("fmt", name)
}

/// The comment lines (trimmed), sorted.
fn comment_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with('#'))
        .collect();
    lines.sort();
    lines
}

/// The rules that fire, sorted (positions move when keys do).
fn findings(text: &str) -> Vec<&'static str> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 15).expect("date");
    let mut rules: Vec<&str> = section55::rules::lint(text, &Config::default(), today)
        .iter()
        .map(|d| d.rule)
        .collect();
    rules.sort();
    rules
}

fn values(text: &str) -> Option<serde_json::Value> {
    document::parse(text).root.map(|r| r.to_json())
}

#[test]
fn the_corpus_is_formatted_and_comes_back_from_disorder() {
    for (name, text) in generate::corpus(CORPUS) {
        let canonical = format(&text).expect("formats");
        assert_eq!(
            format(&canonical).as_deref(),
            Ok(canonical.as_str()),
            "{name}"
        );
        // The generator writes the template's order, except a misspelt key, which goes last.
        let misspelt = text.contains("\nrecomendations:");
        assert_eq!(canonical == text, !misspelt, "{name}");
        for (how, scrambled) in [
            ("reversed", generate::out_of_order(&text)),
            ("doubled", generate::four_spaces(&text)),
        ] {
            assert_ne!(scrambled, text, "{name}: {how} changes the text");
            assert_eq!(
                values(&scrambled),
                values(&text),
                "{name}: {how} is the same YAML"
            );
            let formatted = format(&scrambled).unwrap_or_else(|e| panic!("{name}: {how}: {e:?}"));
            assert_eq!(formatted, canonical, "{name}: {how}");
            assert_eq!(findings(&formatted), findings(&scrambled), "{name}: {how}");
        }
    }
}

#[test]
fn both_scrambles_at_once_keep_values_comments_and_findings() {
    let sources: Vec<String> = generate::corpus(CORPUS / 3)
        .into_iter()
        .map(|(_, text)| text)
        .chain([NORFOLK.to_owned()])
        .collect();
    for text in sources {
        let scrambled = generate::four_spaces(&generate::out_of_order(&text));
        let once = format(&scrambled).expect("formats");
        assert_eq!(format(&once).as_deref(), Ok(once.as_str()), "idempotent");
        assert_eq!(values(&once), values(&text));
        assert_eq!(comment_lines(&once), comment_lines(&text));
        assert_eq!(once.lines().count(), scrambled.lines().count());
        assert_eq!(findings(&once), findings(&scrambled));
    }
}

#[test]
fn the_example_keeps_every_comment_with_its_key() {
    let scrambled = generate::out_of_order(NORFOLK);
    let once = format(&scrambled).expect("formats");
    assert_eq!(once, NORFOLK);
    // The comment above `recommendations` is still right above it.
    let above = "# Chief Constables nationally\": the four below.\nrecommendations:\n";
    assert!(once.contains(above));
}

#[test]
fn fmt_check_lists_writes_nothing_and_fmt_writes() {
    let dir = temp_dir("check");
    let corpus: Vec<(String, String)> = generate::corpus(20)
        .into_iter()
        .map(|(name, text)| (name, format(&text).expect("formats")))
        .collect();
    for (i, (name, text)) in corpus.iter().enumerate() {
        let written = if i % 2 == 0 {
            generate::out_of_order(text)
        } else {
            text.clone()
        };
        std::fs::write(dir.join(name), written).expect("write");
    }
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("read");
    let before: Vec<String> = corpus.iter().map(|(n, _)| read(n)).collect();

    let check = run(&["fmt", "--check", "."], &dir);
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    let listed = stdout(&check);
    for (i, (name, _)) in corpus.iter().enumerate() {
        assert_eq!(listed.contains(name.as_str()), i % 2 == 0, "{listed}");
        assert_eq!(read(name), before[i], "--check writes nothing");
    }
    assert!(stderr(&check).contains("10 files would be formatted, 10 already formatted"));

    let diff = run(&["fmt", "--diff", "."], &dir);
    assert_eq!(diff.status.code(), Some(1));
    assert!(stdout(&diff).contains(&format!("+++ b/{}", corpus[0].0)));

    let fmt = run(&["fmt", "."], &dir);
    assert_eq!(fmt.status.code(), Some(0), "{}", stderr(&fmt));
    for (name, text) in &corpus {
        assert_eq!(&read(name), text, "{name}");
    }
    let again = run(&["fmt", "--check", "."], &dir);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(again.stdout.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn standard_input_goes_to_standard_output() {
    let scrambled = generate::out_of_order(NORFOLK);
    let out = run_stdin(&["fmt", "-"], scrambled.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), NORFOLK);
    assert!(out.stderr.is_empty(), "{}", stderr(&out));

    let unchanged = run_stdin(&["fmt", "-"], NORFOLK.as_bytes());
    assert_eq!(unchanged.stdout, NORFOLK.as_bytes());

    let check = run_stdin(&["fmt", "--check", "-"], scrambled.as_bytes());
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&check.stdout),
        "would format <stdin>\n"
    );
    let named = run_stdin(
        &["fmt", "--check", "--stdin-filename", "n.s55.yaml", "-"],
        NORFOLK.as_bytes(),
    );
    assert_eq!(named.status.code(), Some(0), "{}", stderr(&named));
}

#[test]
fn crlf_and_the_byte_order_mark_are_kept() {
    let dir = temp_dir("crlf");
    let crlf = format!(
        "\u{feff}{}",
        generate::out_of_order(NORFOLK).replace('\n', "\r\n")
    );
    let path = dir.join("crlf.s55.yaml");
    std::fs::write(&path, &crlf).expect("write");
    let out = run(&["fmt", "crlf.s55.yaml"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let formatted = std::fs::read_to_string(&path).expect("read");
    assert_eq!(
        formatted,
        format!("\u{feff}{}", NORFOLK.replace('\n', "\r\n"))
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_that_does_not_parse_is_refused_and_left_as_it_was() {
    let dir = temp_dir("invalid");
    let broken = NORFOLK.replacen("force: Norfolk Constabulary", "force: [Norfolk", 1);
    assert!(matches!(format(&broken), Err(Refusal::Syntax(_))));
    std::fs::write(dir.join("broken.s55.yaml"), &broken).expect("write");
    std::fs::write(dir.join("other.s55.yaml"), generate::out_of_order(NORFOLK)).expect("write");
    let out = run(&["fmt", "."], &dir);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(
        message.contains("broken.s55.yaml:") && message.contains(": not formatted: "),
        "{message}"
    );
    assert!(
        message.contains("section55 check broken.s55.yaml"),
        "{message}"
    );
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("read");
    assert_eq!(read("broken.s55.yaml"), broken, "left as it was");
    assert_eq!(
        read("other.s55.yaml"),
        NORFOLK,
        "the other file is formatted"
    );
    let check = run(&["fmt", "--check", "broken.s55.yaml"], &dir);
    assert_eq!(check.status.code(), Some(2));
    let stdin = run_stdin(&["fmt", "-"], broken.as_bytes());
    assert_eq!(stdin.status.code(), Some(2));
    assert!(stdin.stdout.is_empty(), "nothing half-formatted");
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_reported_and_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("readonly");
    let path = dir.join("ro.s55.yaml");
    let scrambled = generate::out_of_order(NORFOLK);
    std::fs::write(&path, &scrambled).expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = run(&["fmt", "ro.s55.yaml"], &dir);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), scrambled);
    let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn no_files_is_a_warning() {
    let dir = temp_dir("empty");
    let out = run(&["fmt", "."], &dir);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("no response files to format"),
        "{}",
        stderr(&out)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
