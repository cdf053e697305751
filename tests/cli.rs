//! The `section55` binary as users run it: formats, exit codes, stdin, folders, configuration.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const CLEAN: &str = include_str!("../examples/surrey-peel-2025.s55.yaml");
const NORFOLK: &str = include_str!("../examples/norfolk-gbcse-progress-2025.s55.yaml");

fn section55() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_section55"));
    cmd.env("SECTION55_TODAY", "2026-01-15")
        .env_remove("NO_COLOR");
    cmd
}

fn run(args: &[&str], dir: &Path) -> Output {
    section55()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run section55")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh temporary folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("section55-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("parent");
    }
    std::fs::write(path, text).expect("write");
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// The Norfolk example with an error added: a misspelt status.
fn with_error() -> String {
    NORFOLK.replacen("    status: accepted", "    status: acepted", 1)
}

#[test]
fn human_output_shows_code_frames_and_exits_0_on_warnings() {
    let out = run(
        &["check", "examples/"],
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}{}", stderr(&out));
    assert!(text.contains("warning[deadline-off-by-one]"), "{text}");
    assert!(
        text.contains("--> examples/norfolk-gbcse-progress-2025.s55.yaml:19:20"),
        "{text}"
    );
    assert!(
        text.contains("19 | response_deadline: 2025-12-19"),
        "{text}"
    );
    assert!(text.contains("^^^^^^^^^^"), "{text}");
    assert!(
        text.contains("help: Set the deadline to 2025-12-18"),
        "{text}"
    );
    assert!(
        text.contains("Checked 2 files: 0 errors, 3 warnings, 0 infos."),
        "{text}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "no colour when not a terminal: {text}"
    );
    let coloured = run(
        &["check", "--color", "always", "examples/"],
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    assert!(stdout(&coloured).contains('\u{1b}'));
}

#[test]
fn concise_output_and_exit_1_on_errors() {
    let dir = temp_dir("concise");
    write(&dir, "bad.s55.yaml", &with_error());
    let out = run(&["check", "--format", "concise", "bad.s55.yaml"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("bad.s55.yaml:46:13: error[schema] `acepted` is not an allowed status (did you mean `accepted`?)"), "{text}");
    assert!(
        text.contains("bad.s55.yaml:19:20: warning[deadline-off-by-one]"),
        "{text}"
    );
}

#[test]
fn json_output_has_the_spec_fields() {
    let out = run(
        &[
            "check",
            "--format",
            "json",
            "examples/norfolk-gbcse-progress-2025.s55.yaml",
        ],
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let first = &json["diagnostics"][0];
    assert_eq!(
        first["path"],
        "examples/norfolk-gbcse-progress-2025.s55.yaml"
    );
    assert_eq!(first["rule"], "placeholder-link");
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["range"]["start"]["line"], 17);
    assert_eq!(first["range"]["start"]["column"], 9);
    assert_eq!(first["range"]["end"]["line"], 17);
    assert_eq!(first["range"]["end"]["column"], 12);
    let deadline = &json["diagnostics"][1];
    assert_eq!(deadline["fix"]["edits"][0]["new_text"], "2025-12-18");
    assert_eq!(deadline["fix"]["applicability"], "safe");
    assert_eq!(json["summary"]["warnings"], 3);
    assert_eq!(json["summary"]["errors"], 0);
    assert_eq!(json["summary"]["files"], 1);
}

#[test]
fn sarif_output_describes_rules_and_results() {
    let out = run(
        &["check", "--format", "sarif", "examples/"],
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(sarif["version"], "2.1.0");
    let run0 = &sarif["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), readme_rules().len());
    assert!(rules.iter().all(|r| {
        r["help"]["text"]
            .as_str()
            .is_some_and(|h| h.contains("Why"))
    }));
    let result = &run0["results"][1];
    assert_eq!(result["ruleId"], "deadline-off-by-one");
    assert_eq!(result["level"], "warning");
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "examples/norfolk-gbcse-progress-2025.s55.yaml"
    );
    assert_eq!(location["region"]["startLine"], 19);
    assert_eq!(location["region"]["startColumn"], 20);
    assert_eq!(location["region"]["endColumn"], 30);
    let index = result["ruleIndex"].as_u64().expect("index") as usize;
    assert_eq!(rules[index]["id"], "deadline-off-by-one");
    let fix = &result["fixes"][0];
    assert_eq!(fix["properties"]["applicability"], "safe");
    assert_eq!(fix["description"]["text"], "Set the deadline to 2025-12-18");
    let change = &fix["artifactChanges"][0];
    assert_eq!(
        change["artifactLocation"]["uri"],
        location["artifactLocation"]["uri"]
    );
    let replacement = &change["replacements"][0];
    assert_eq!(replacement["deletedRegion"], location["region"]);
    assert_eq!(replacement["insertedContent"]["text"], "2025-12-18");
    assert!(
        run0["results"][0].get("fixes").is_none(),
        "a finding without a fix has no `fixes`"
    );
}

#[test]
fn rule_documentation_says_whether_its_fix_is_safe() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let safe = stdout(&run(&["rule", "deadline-off-by-one"], dir));
    assert!(safe.contains("Automatic fix\n    safe: "), "{safe}");
    let unsafe_ = stdout(&run(&["rule", "missing-section"], dir));
    assert!(unsafe_.contains("Automatic fix\n    unsafe: "), "{unsafe_}");
    let none = stdout(&run(&["rule", "overdue"], dir));
    assert!(none.contains("Automatic fix\n    none: "), "{none}");
}

#[test]
fn json_output_marks_content_changing_fixes_unsafe() {
    let dir = temp_dir("unsafe-fix-json");
    let text = CLEAN.replace("    - recommendation: 1\n", "    - recommendation: 9\n");
    std::fs::write(dir.join("r.s55.yaml"), text).expect("write");
    let out = run(&["check", "--format", "json", "r.s55.yaml"], &dir);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let unanswered = json["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|d| d["rule"] == "unanswered-recommendation")
        .expect("unanswered-recommendation");
    assert_eq!(unanswered["fix"]["applicability"], "unsafe", "{unanswered}");
}

/// The JSON formats are written one finding at a time: the text is still exactly the whole
/// document pretty-printed (two spaces, keys in order), with no findings as with many.
#[test]
fn streamed_json_reports_are_the_whole_document_pretty_printed() {
    let dir = temp_dir("streamed-json");
    write(&dir, "clean.s55.yaml", CLEAN);
    for format in ["json", "sarif"] {
        for args in [
            vec!["examples/"],
            vec!["examples/", "fuzz/seeds/parse_lint/"],
            vec![dir.join("clean.s55.yaml").to_str().expect("path")],
        ] {
            let out = run(
                &[&["check", "--format", format][..], &args].concat(),
                Path::new(env!("CARGO_MANIFEST_DIR")),
            );
            let text = stdout(&out);
            let whole: serde_json::Value = serde_json::from_str(&text).expect("json");
            let pretty = serde_json::to_string_pretty(&whole).expect("print");
            assert_eq!(text, format!("{pretty}\n"), "{format} {args:?}");
        }
    }
}

/// `check` writes each file's findings as soon as the files before it are done: the first
/// file's line arrives while standard input, the second file, is still open.
#[test]
fn check_writes_each_report_as_soon_as_it_is_ready() {
    use std::io::BufRead;
    let dir = temp_dir("streaming");
    write(&dir, "first.s55.yaml", NORFOLK);
    let mut child = section55()
        .args(["check", "--format", "concise", "first.s55.yaml", "-"])
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let stdin = child.stdin.take().expect("stdin");
    let (sender, receiver) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().expect("stdout");
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            let _ = sender.send(line);
        }
    });
    // A hang detector only: the line comes at once.
    let first = receiver.recv_timeout(std::time::Duration::from_secs(300));
    if first.is_err() {
        let _ = child.kill();
    }
    let first = first.expect("the first file's findings before stdin is closed");
    assert!(first.starts_with("first.s55.yaml:"), "{first}");
    drop(stdin);
    let lines: Vec<String> = std::iter::once(first).chain(receiver).collect();
    let last_first = lines.iter().rposition(|l| l.starts_with("first.s55.yaml:"));
    let first_stdin = lines.iter().position(|l| l.starts_with("<stdin>:"));
    assert!(last_first < first_stdin, "in order: {lines:?}");
    assert_eq!(child.wait().expect("wait").code(), Some(1));
}

#[test]
fn github_output_is_workflow_commands() {
    let out = run(
        &["check", "--format", "github", "examples/"],
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    let text = stdout(&out);
    assert!(
        text.lines().any(|l| l.starts_with("::warning file=examples/norfolk-gbcse-progress-2025.s55.yaml,line=19,col=20,endLine=19,endColumn=30,title=deadline-off-by-one::the response deadline is one day late")),
        "{text}"
    );
    assert_eq!(text.lines().count(), 3, "{text}");
}

#[test]
fn deny_warnings_fails_on_warnings() {
    let out = run(
        &["check", "--deny-warnings", "examples/"],
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn stdin_is_read_with_a_dash() {
    let mut child = section55()
        .args([
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "piped.s55.yaml",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(with_error().as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("piped.s55.yaml:46:13: error[schema]"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn folders_are_walked_recursively_respecting_gitignore() {
    let dir = temp_dir("walk");
    write(&dir, "a/one.s55.yaml", CLEAN);
    write(&dir, "a/b/two.s55.yml", CLEAN);
    write(
        &dir,
        "a/not-a-response.yaml",
        "this: is not checked: at all: [",
    );
    write(&dir, "ignored/three.s55.yaml", &with_error());
    write(&dir, ".gitignore", "ignored/\n");
    let out = run(&["check", "--format", "json", "."], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["summary"]["files"], 2);
    // Named explicitly, an ignored file is checked.
    let out = run(&["check", "ignored/three.s55.yaml"], &dir);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_missing_path_exits_2_with_a_clear_message() {
    let out = run(&["check", "no/such/folder"], &examples());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no/such/folder: no such file or folder"),
        "{}",
        stderr(&out)
    );
    let out = run(&["check", "--today", "tomorrow", "."], &examples());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("use YYYY-MM-DD"), "{}", stderr(&out));
}

#[test]
fn configuration_is_found_by_walking_up() {
    let dir = temp_dir("config");
    write(
        &dir,
        "section55.toml",
        "[rules]\ndeadline-off-by-one = \"error\"\n",
    );
    write(&dir, "responses/2025/norfolk.s55.yaml", NORFOLK);
    let out = run(&["check", "--format", "concise", "responses"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("error[deadline-off-by-one]"),
        "{}",
        stdout(&out)
    );
    // A typo in the configuration stops the command and says what it should be.
    write(
        &dir,
        "section55.toml",
        "[rules]\ndeadline-of-by-one = \"off\"\n",
    );
    let out = run(&["check", "responses"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean `deadline-off-by-one`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn invalid_utf8_is_a_finding_not_a_crash() {
    let dir = temp_dir("utf8");
    let mut bytes = b"policing_body: caf".to_vec();
    bytes.extend([0xff, 0xfe]);
    bytes.extend(b"\nforce: x\n");
    std::fs::write(dir.join("bad.s55.yaml"), bytes).expect("write");
    let out = run(&["check", "--format", "concise", "bad.s55.yaml"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("bad.s55.yaml:1:19: error[invalid-yaml] the file is not valid UTF-8"),
        "{}",
        stdout(&out)
    );
}

/// The rule names in the README's rule table.
fn readme_rules() -> Vec<String> {
    let readme = include_str!("../README.md");
    let table = &readme[readme
        .find("| rule | default | fires when |")
        .expect("the rule table")..];
    table
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .filter_map(|l| l.split('`').nth(1))
        .map(str::to_owned)
        .collect()
}

#[test]
fn rules_and_rule_print_documentation() {
    let out = run(&["rules"], &examples());
    let mut listed: Vec<String> = stdout(&out)
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    listed.sort();
    let mut documented = readme_rules();
    documented.sort();
    assert_eq!(
        listed, documented,
        "`section55 rules` and the README's rule table differ"
    );
    let out = run(&["rule", "deadline-off-by-one"], &examples());
    let text = stdout(&out);
    for part in ["What it checks", "Why", "Example", "Fix", "s.55(5A)"] {
        assert!(text.contains(part), "{part}: {text}");
    }
    let out = run(&["rule", "deadline-of-by-one"], &examples());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did you mean `deadline-off-by-one`"));
}

#[test]
fn schema_command_writes_once_without_force() {
    let dir = temp_dir("schema");
    let out = run(&["schema", "-o", "s.json"], &dir);
    assert_eq!(out.status.code(), Some(0));
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/section55-response.schema.json"),
    )
    .expect("schema");
    assert_eq!(
        std::fs::read_to_string(dir.join("s.json")).expect("written"),
        committed
    );
    let out = run(&["schema", "-o", "s.json"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--force"));
}

#[test]
fn a_reader_that_stops_early_is_not_a_crash() {
    let dir = temp_dir("pipe");
    for i in 0..100 {
        write(&dir, &format!("r{i:03}.s55.yaml"), NORFOLK);
    }
    let mut child = section55()
        .args(["check", "--format", "json", "."])
        .current_dir(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert_ne!(out.status.code(), Some(101), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_link_loop_is_reported_as_unreadable() {
    let dir = temp_dir("loop");
    std::os::unix::fs::symlink(dir.join("b.s55.yaml"), dir.join("a.s55.yaml")).expect("link");
    std::os::unix::fs::symlink(dir.join("a.s55.yaml"), dir.join("b.s55.yaml")).expect("link");
    let out = run(&["check", "a.s55.yaml"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("a.s55.yaml: cannot be read"),
        "{}",
        stderr(&out)
    );
}

/// Runs with stderr a pipe whose reading end is already closed: every write to it fails.
fn run_with_closed_stderr(args: &[&str], dir: &Path) -> Output {
    let mut child = section55()
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stderr.take());
    child.wait_with_output().expect("wait")
}

#[test]
fn a_closed_stderr_is_not_a_crash() {
    let dir = temp_dir("closed-stderr");
    let import = examples().join("../tests/fixtures/import/bold-inline.md");
    let import = import.to_string_lossy();
    let cases: [(&[&str], i32); 3] = [
        (&["check", "no/such/file.s55.yaml"], 2),
        (
            &[
                "new",
                "--force",
                "Norfolk",
                "--title",
                "PEEL 2025",
                "--published",
                "2025-10-24",
            ],
            0,
        ),
        (&["import", &import], 0),
    ];
    for (args, code) in cases {
        let out = run_with_closed_stderr(args, &dir);
        assert_eq!(out.status.code(), Some(code), "{args:?}");
    }
}

/// The test responses: the examples and the fuzzing seeds (which include broken files).
fn test_responses() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["examples", "fuzz/seeds/parse_lint"] {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .expect("list")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for path in entries {
            let text = std::fs::read_to_string(&path).expect("read");
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            files.push((name, text.trim_start_matches('\u{feff}').to_owned()));
        }
    }
    files
}

/// `check --format json` on one text, without the path.
fn json_report(dir: &Path, name: &str, text: &str) -> serde_json::Value {
    write(dir, name, text);
    let out = run(&["check", "--format", "json", name], dir);
    let mut report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    for d in report["diagnostics"].as_array_mut().into_iter().flatten() {
        d["path"] = serde_json::Value::Null;
    }
    report
}

#[test]
fn a_byte_order_mark_is_never_a_column() {
    let dir = temp_dir("bom");
    for (name, text) in test_responses() {
        let plain = json_report(&dir, &format!("plain-{name}"), &text);
        let marked = json_report(&dir, &format!("bom-{name}"), &format!("\u{feff}{text}"));
        assert_eq!(plain, marked, "{name}: ranges and fixes differ after a BOM");
    }
    // The caret of a code frame on line 1.
    write(&dir, "caret.s55.yaml", "\u{feff}force: Nowhere Police\n");
    let out = run(&["check", "caret.s55.yaml"], &dir);
    let text = stdout(&out);
    assert!(text.contains("caret.s55.yaml:1:8"), "{text}");
    let frame: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("caret.s55.yaml:1:8"))
        .skip_while(|l| !l.contains("Nowhere"))
        .take(2)
        .collect();
    let (source, caret) = (frame[0], frame.get(1).copied().unwrap_or_default());
    let value_at = source.find("Nowhere").expect("value") - source.find("force").expect("key");
    let caret_at = caret.find('^').expect("caret") - source.find("force").expect("key");
    assert_eq!(caret_at, value_at, "{text}");
}

#[test]
fn files_of_only_a_byte_order_mark_are_findings_not_crashes() {
    let dir = temp_dir("bom-only");
    for (i, text) in [
        "\u{feff}",
        "\u{feff}\n\n",
        "\u{feff}# only a comment\n",
        "\u{feff}\r\n",
    ]
    .into_iter()
    .enumerate()
    {
        write(&dir, &format!("bom{i}.s55.yaml"), text);
        for format in ["human", "json", "sarif", "concise", "github"] {
            let out = run(
                &["check", "--format", format, &format!("bom{i}.s55.yaml")],
                &dir,
            );
            assert_eq!(
                out.status.code(),
                Some(1),
                "{text:?} {format}: {}",
                stderr(&out)
            );
        }
        let report = json_report(&dir, &format!("bom{i}.s55.yaml"), text);
        for d in report["diagnostics"].as_array().into_iter().flatten() {
            let edits = d["fix"]["edits"].as_array().cloned().unwrap_or_default();
            for range in std::iter::once(&d["range"]).chain(edits.iter().map(|e| &e["range"])) {
                assert_eq!(range["start"]["column"], 1, "{text:?}: {d}");
            }
        }
    }
}

/// `published:` of the clean example written as `date`, checked in `format`.
fn check_published_as(date: &str, format: &str) -> Output {
    let dir = temp_dir(&format!("date-{format}-{}", date.len()));
    write(
        &dir,
        "r.s55.yaml",
        &CLEAN.replacen(
            "  published: 2025-09-10",
            &format!("  published: {date}"),
            1,
        ),
    );
    run(&["check", "--format", format, "r.s55.yaml"], &dir)
}

#[test]
fn uk_dates_are_read_day_first_with_the_users_own_date_and_the_fix() {
    for date in ["24/10/2025", "24.10.2025", "24-10-2025"] {
        let out = check_published_as(date, "concise");
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            stdout(&out),
            format!(
                "r.s55.yaml:10:14: error[schema] `{date}` must be written year first, as YYYY-MM-DD: read day first, as in the UK, it is 2025-10-24 (help: Write the date as 2025-10-24)\n"
            )
        );
        let human = stdout(&check_published_as(date, "human"));
        assert!(
            human.contains("help: Write the date as 2025-10-24"),
            "{human}"
        );
        assert!(
            human.contains(&format!(
                "10 |   published: {date}\n   |              {}\n",
                "^".repeat(10)
            )),
            "{human}"
        );
        let json: serde_json::Value =
            serde_json::from_slice(&check_published_as(date, "json").stdout).expect("json");
        let d = &json["diagnostics"][0];
        assert_eq!(d["fix"]["edits"][0]["new_text"], "2025-10-24", "{d}");
        assert_eq!(
            (&d["range"]["start"]["column"], &d["range"]["end"]["column"]),
            (&serde_json::json!(14), &serde_json::json!(24))
        );
    }
    assert_eq!(
        stdout(&check_published_as("31/02/2025", "concise")),
        "r.s55.yaml:10:14: error[schema] `31/02/2025` is not a date that exists: check the day and the month (February has 29 days only in leap years)\n"
    );
    assert_eq!(
        stdout(&check_published_as("24 October 2025", "concise")),
        "r.s55.yaml:10:14: error[schema] `24 October 2025` must be written year first, as YYYY-MM-DD: 2025-10-24 (help: Write the date as 2025-10-24)\n"
    );
}

#[test]
fn new_accepts_uk_dates() {
    let dir = temp_dir("new-uk-date");
    for (i, date) in ["24/10/2025", "24.10.2025", "24-10-2025"]
        .iter()
        .enumerate()
    {
        let out = run(
            &["new", "Norfolk", "--title", "T", "--published", date],
            &dir,
        );
        assert!(out.status.success(), "{date}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains("  published: 2025-10-24\n"), "{i}: {text}");
        assert!(
            text.contains("response_deadline: 2025-12-18\n"),
            "{i}: {text}"
        );
    }
    let out = run(
        &[
            "new",
            "Norfolk",
            "--title",
            "T",
            "--published",
            "31/02/2025",
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`31/02/2025` is not a date"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_path_named_explicitly_is_checked_whatever_its_name() {
    let dir = temp_dir("explicit");
    write(&dir, "notes/norfolk.yaml", &with_error());
    write(&dir, "notes/response.txt", CLEAN);
    let out = run(
        &[
            "check",
            "--format",
            "concise",
            "notes/norfolk.yaml",
            "notes/response.txt",
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("notes/norfolk.yaml:46:13: error[schema]"),
        "{}",
        stdout(&out)
    );
    let out = run(&["check", "notes/response.txt"], &dir);
    assert_eq!(
        (out.status.code(), stdout(&out)),
        (Some(0), "Checked 1 file: no findings.\n".to_owned())
    );
}

#[test]
fn misnamed_responses_in_a_folder_get_a_note_and_finding_nothing_is_a_warning() {
    let dir = temp_dir("misnamed");
    write(&dir, "responses/norfolk.yaml", NORFOLK);
    write(
        &dir,
        "responses/2025/surrey.yml",
        &CLEAN.replacen("policing_body:", "pcc_response_draft: x\npolicing_body:", 1),
    );
    write(
        &dir,
        "responses/other.yaml",
        "pcc_response_notes: not a response key\nname: x\n",
    );
    write(
        &dir,
        "responses/notes.md",
        "policing_body: not YAML by name\n",
    );
    let out = run(&["check", "responses"], &dir);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "", "no summary claims anything");
    assert_eq!(
        stderr(&out),
        "section55: note: responses/2025/surrey.yml looks like a response (it has `policing_body`) but was not checked: only files named *.s55.yaml or *.s55.yml are; rename it responses/2025/surrey.s55.yaml, or name it on the command line\n\
         section55: note: responses/norfolk.yaml looks like a response (it has `policing_body`) but was not checked: only files named *.s55.yaml or *.s55.yml are; rename it responses/norfolk.s55.yaml, or name it on the command line\n\
         section55: warning: no response files to check: `section55 check` looks for files named *.s55.yaml or *.s55.yml in the folders given (and their subfolders, except what .gitignore excludes); a file named on the command line is checked whatever its name\n"
    );
    assert_eq!(
        run(&["check", "--deny-warnings", "responses"], &dir)
            .status
            .code(),
        Some(1)
    );
    // Renamed, it is checked and the note goes.
    std::fs::rename(
        dir.join("responses/norfolk.yaml"),
        dir.join("responses/norfolk.s55.yaml"),
    )
    .expect("rename");
    let out = run(&["check", "responses"], &dir);
    assert!(
        stdout(&out).ends_with("Checked 1 file: 0 errors, 3 warnings, 0 infos.\n"),
        "{}",
        stdout(&out)
    );
    assert!(!stderr(&out).contains("norfolk"), "{}", stderr(&out));
}

#[test]
fn no_summary_line_when_a_path_could_not_be_read() {
    let dir = temp_dir("partial");
    write(&dir, "ok.s55.yaml", CLEAN);
    let out = run(&["check", "ok.s55.yaml", "missing.s55.yaml"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "", "no `Checked 1 file: no findings.`");
    assert_eq!(
        stderr(&out),
        "section55: error: missing.s55.yaml: no such file or folder\n"
    );
}

/// `HASH DATE` of HEAD as git reports it for this checkout, or `commit unknown` outside one.
fn expected_commit() -> String {
    let dir = env!("CARGO_MANIFEST_DIR");
    Command::new("git")
        .args(["-C", dir, "show", "-s", "--format=%H %cs", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| {
            let line = String::from_utf8_lossy(&o.stdout).trim().to_owned();
            let (hash, date) = line.split_once(' ')?;
            Some(format!("{} {date}", hash.get(..12)?))
        })
        .unwrap_or_else(|| "commit unknown".to_owned())
}

#[test]
fn version_names_the_commit_it_was_built_from() {
    let out = run(&["--version"], &examples());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let expected = format!(
        "section55 {} ({})\n",
        env!("CARGO_PKG_VERSION"),
        expected_commit()
    );
    assert_eq!(stdout(&out), expected);
}
