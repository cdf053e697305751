//! The documentation is true: `docs/format.md` describes every key of the JSON Schema and its
//! full example passes `check`; every command in the README runs as written in a scratch copy of
//! the repository, and where the README shows its output, the output is exactly that.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const BIN: &str = env!("CARGO_BIN_EXE_section55");

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(path)).expect("readable")
}

/// Every property name in the schema, following `$ref`s into `$defs`.
fn schema_keys(
    node: &Value,
    defs: &Value,
    seen: &mut BTreeSet<String>,
    out: &mut BTreeSet<String>,
) {
    if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap_or_default();
        if seen.insert(name.to_owned()) {
            schema_keys(&defs[name], defs, seen, out);
        }
        return;
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        for sub in node
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            schema_keys(sub, defs, seen, out);
        }
    }
    if let Some(items) = node.get("items") {
        schema_keys(items, defs, seen, out);
    }
    for (key, value) in node
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        out.insert(key.clone());
        schema_keys(value, defs, seen, out);
    }
}

/// A fenced block of a Markdown text.
struct Block {
    lang: String,
    lines: Vec<String>,
    /// Nothing but blank lines between the previous block and this one.
    follows_directly: bool,
}

fn blocks(text: &str) -> Vec<Block> {
    let mut found = Vec::new();
    let mut current: Option<Block> = None;
    let mut prose = true;
    for line in text.lines() {
        match (&mut current, line.trim_start().strip_prefix("```")) {
            (None, Some(lang)) => {
                current = Some(Block {
                    lang: lang.trim().to_owned(),
                    lines: Vec::new(),
                    follows_directly: !prose,
                })
            }
            (Some(_), Some(_)) => {
                found.extend(current.take());
                prose = false;
            }
            (Some(block), None) => block.lines.push(line.to_owned()),
            (None, None) => prose |= !line.trim().is_empty(),
        }
    }
    found
}

/// Keys used in a YAML text (`key:` at the start of a line or after `- `).
fn yaml_keys(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|l| {
            let l = l.trim_start().trim_start_matches("- ");
            let (key, _) = l.split_once(':')?;
            key.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_')
                .then(|| key.to_owned())
        })
        .collect()
}

#[test]
fn the_format_page_describes_every_key_and_its_example_is_clean() {
    let schema: Value =
        serde_json::from_str(&read("schemas/section55-response.schema.json")).expect("schema");
    let mut keys = BTreeSet::new();
    schema_keys(&schema, &schema["$defs"], &mut BTreeSet::new(), &mut keys);
    assert!(keys.len() > 30, "{keys:?}");
    let page = read("docs/format.md");
    let undocumented: Vec<&String> = keys
        .iter()
        .filter(|k| !page.contains(&format!("`{k}`")))
        .collect();
    assert!(
        undocumented.is_empty(),
        "docs/format.md does not describe: {undocumented:?}"
    );

    let example = blocks(&page)
        .into_iter()
        .rfind(|b| b.lang == "yaml")
        .map(|b| b.lines.join("\n") + "\n")
        .expect("a full example");
    let missing: Vec<&String> = keys
        .iter()
        .filter(|k| *k != "$schema" && !yaml_keys(&example).contains(*k))
        .collect();
    assert!(missing.is_empty(), "the full example lacks: {missing:?}");
    let findings = section55::rules::lint(
        &example,
        &Default::default(),
        chrono::NaiveDate::from_ymd_opt(2025, 11, 1).expect("date"),
    );
    assert_eq!(findings, vec![], "the full example is not clean");
}

/// Commands the README shows that this test does not run, with where they are tested.
const RUN_ELSEWHERE: &[(&str, &str)] = &[
    (
        "cargo install",
        "installing: .ci/run installs from the clone",
    ),
    ("cargo test", "this suite itself"),
    (
        "cd editors/vscode",
        "the VS Code extension: tests/integration",
    ),
    ("npm ", "the VS Code extension: tests/integration"),
    ("npx ", "the VS Code extension: tests/integration"),
    ("code ", "VS Code: tests/integration"),
    ("pip install", "pre-commit: tests/integration"),
    ("pre-commit ", "pre-commit: tests/integration"),
    ("git rev-parse", "pre-commit: tests/integration"),
    (
        "scripts/release.sh",
        "the release: .ci/run's release stage and its checks",
    ),
];

/// A scratch copy of the repository's files (those git tracks, as in a fresh clone).
fn scratch_copy() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("section55-readme-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let listed = Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(ROOT)
        .output()
        .expect("git lists the repository's files");
    assert!(listed.status.success(), "git ls-files failed");
    for name in listed.stdout.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let name = String::from_utf8_lossy(name).into_owned();
        let from = Path::new(ROOT).join(&name);
        if !from.is_file() {
            continue;
        }
        let to = dir.join(&name);
        std::fs::create_dir_all(to.parent().expect("a folder")).expect("folder");
        std::fs::copy(&from, &to).expect("copy");
    }
    let bin = dir.join(".bin");
    std::fs::create_dir_all(&bin).expect("bin");
    std::fs::copy(BIN, bin.join("section55")).expect("the binary");
    dir
}

/// What the README asks to run: each command, with the output it shows, if any.
fn readme_commands(readme: &str) -> Vec<(String, Option<String>)> {
    let mut commands: Vec<(String, Option<String>)> = Vec::new();
    for Block {
        lang,
        lines,
        follows_directly,
    } in blocks(readme)
    {
        match lang.as_str() {
            "sh" => {
                let joined = lines.join("\n").replace("\\\n", " ");
                for line in joined.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    commands.push((line.split_whitespace().collect::<Vec<_>>().join(" "), None));
                }
            }
            "text" if lines.first().is_some_and(|l| l.starts_with("$ ")) => {
                for line in lines {
                    match line.strip_prefix("$ ") {
                        Some(command) => commands.push((command.to_owned(), Some(String::new()))),
                        None => {
                            if let Some((_, Some(out))) = commands.last_mut() {
                                out.push_str(&line);
                                out.push('\n');
                            }
                        }
                    }
                }
            }
            // Output shown right after the commands that print it.
            "text" if follows_directly => {
                if let Some((_, out @ None)) = commands.last_mut() {
                    *out = Some(lines.join("\n") + "\n");
                }
            }
            _ => {}
        }
    }
    commands
}

#[test]
fn every_readme_command_runs_as_written_in_a_scratch_copy() {
    let readme = read("README.md");
    assert!(
        !readme.contains("../shared"),
        "the README points outside the repository"
    );
    let dir = scratch_copy();
    let path = format!(
        "{}:{}",
        dir.join(".bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    for (command, expected) in readme_commands(&readme) {
        if RUN_ELSEWHERE
            .iter()
            .any(|(prefix, _)| command.starts_with(prefix))
        {
            continue;
        }
        let as_written = command.replacen("cargo run -- ", "section55 ", 1);
        assert!(
            as_written.starts_with("section55 ") || as_written.starts_with("mkdir "),
            "the README runs `{command}`: run it here, or add it to RUN_ELSEWHERE with the test that covers it"
        );
        let out = Command::new("sh")
            .args(["-c", &as_written])
            .current_dir(&dir)
            .env("PATH", &path)
            .env_remove("SECTION55_TODAY")
            .env("NO_COLOR", "1")
            .output()
            .expect("sh runs");
        let shown = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "`{command}` failed ({:?}):\n{shown}",
            out.status
        );
        if let Some(expected) = expected {
            assert_eq!(
                shown, expected,
                "the README shows other output for `{command}`"
            );
        }
        ran += 1;
    }
    assert!(ran >= 8, "only {ran} commands ran");
    let _ = std::fs::remove_dir_all(&dir);
}
