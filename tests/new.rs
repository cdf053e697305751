//! `section55 new`: the skeleton has the catalogue's policing body and the statutory deadline,
//! and `check` on it reports exactly its placeholders.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_section55");

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("s55-new-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        TempDir(dir)
    }
    fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("SECTION55_TODAY", "2025-11-01")
        .output()
        .expect("runs")
}

fn new(out: &Path, extra: &[&str]) -> Output {
    let out = out.to_string_lossy();
    let mut args = vec![
        "new",
        "--police-force",
        "Norfolk",
        "--title",
        "PEEL 2025: An inspection of Norfolk Constabulary",
        "--published",
        "24 October 2025",
        "-o",
        &out,
    ];
    args.extend_from_slice(extra);
    run(&args)
}

/// `check --format json` on a file: (rule, JSON pointer-ish line text) for each finding.
fn findings(path: &Path) -> Vec<(String, String)> {
    let out = run(&["check", "--format", "json", &path.to_string_lossy()]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let text = std::fs::read_to_string(path).expect("read");
    let lines: Vec<&str> = text.lines().collect();
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let line = d["range"]["start"]["line"].as_u64().expect("line") as usize;
            (
                d["rule"].as_str().expect("rule").to_owned(),
                lines[line - 1].trim().to_owned(),
            )
        })
        .collect()
}

#[test]
fn check_reports_exactly_the_placeholders() {
    let dir = TempDir::new("placeholders");
    let file = dir.file("norfolk-peel-2025.s55.yaml");
    let out = new(
        &file,
        &[
            "--type",
            "peel",
            "--link",
            "https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-2025-norfolk/",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut found = findings(&file);
    found.sort();
    assert_eq!(
        found,
        [
            ("empty-section".to_owned(), "TODO: summarise the report's key findings".to_owned()),
            ("empty-section".to_owned(), "TODO: the chief constable's comments on the report".to_owned()),
            ("empty-section".to_owned(), "TODO: your comments on the report and your response to the chief constable's comments".to_owned()),
            ("empty-section".to_owned(), "areas_for_improvement: [] # TODO: list the report's areas for improvement, or delete this comment if it gave none".to_owned()),
            ("empty-section".to_owned(), "recommendations: [] # TODO: list the report's recommendations, or delete this comment if it made none".to_owned()),
        ]
    );
}

#[test]
fn the_skeleton_has_the_body_the_deadline_and_every_section() {
    let dir = TempDir::new("skeleton");
    let file = dir.file("r.s55.yaml");
    assert!(new(&file, &["--type", "Child Protection"]).status.success());
    let text = std::fs::read_to_string(&file).expect("read");
    let r = section55::render::read(&text).expect("a response");
    assert_eq!(r.policing_body, "Police and Crime Commissioner for Norfolk");
    assert_eq!(r.force, "Norfolk Constabulary");
    assert_eq!(r.inspection.forces, ["Norfolk Constabulary"]);
    assert_eq!(
        r.inspection.publication_types,
        ["Child protection"],
        "the catalogue's spelling"
    );
    assert_eq!(
        r.response_deadline.to_string(),
        "2025-12-18",
        "publication + 55 days"
    );
    assert_eq!(
        (r.recommendations.len(), r.areas_for_improvement.len()),
        (0, 0)
    );
    assert!(r.office_use.is_some());
    assert!(
        text.contains("# The last day to publish the comments"),
        "keys carry the schema's descriptions:\n{text}"
    );
}

#[test]
fn without_a_link_or_type_the_placeholders_are_reported_too() {
    let dir = TempDir::new("bare");
    let file = dir.file("r.s55.yaml");
    let out = new(&file, &[]);
    assert!(out.status.success());
    let notes = String::from_utf8_lossy(&out.stderr);
    assert!(
        notes.contains("--link") && notes.contains("--type"),
        "{notes}"
    );
    let rules: Vec<String> = findings(&file).into_iter().map(|(rule, _)| rule).collect();
    assert!(rules.contains(&"placeholder-link".to_owned()), "{rules:?}");
}

#[test]
fn national_reports_list_their_forces() {
    let out = run(&[
        "new",
        "--police-force",
        "Norfolk Constabulary",
        "--title",
        "A national report",
        "--published",
        "2025-10-24",
        "--inspected",
        "All local forces in England and Wales",
    ]);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let r = section55::render::read(&text).expect("printed without -o");
    assert_eq!(
        r.inspection.forces,
        ["All local forces in England and Wales"]
    );
}

#[test]
fn refuses_unknown_forces_bad_dates_and_overwriting() {
    let out = run(&[
        "new",
        "--police-force",
        "Norfok",
        "--title",
        "T",
        "--published",
        "2025-10-24",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean \"Norfolk Constabulary\""));

    let out = run(&[
        "new",
        "--police-force",
        "Norfolk",
        "--title",
        "T",
        "--published",
        "next Tuesday",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a date"));

    let out = run(&[
        "new",
        "--police-force",
        "British Transport Police",
        "--title",
        "T",
        "--published",
        "2025-10-24",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--policing-body"));

    let dir = TempDir::new("overwrite");
    let file = dir.file("r.s55.yaml");
    std::fs::write(&file, "keep me\n").expect("write");
    let out = new(&file, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pass --force to overwrite"));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "keep me\n");
    assert!(new(&file, &["--force"]).status.success());
    assert!(
        std::fs::read_to_string(&file)
            .expect("read")
            .contains("policing_body:")
    );
}

#[test]
fn the_force_may_be_named_first_and_overwrite_is_gone() {
    let positional = run(&[
        "new",
        "Norfolk",
        "--title",
        "T",
        "--published",
        "2025-10-24",
    ]);
    let flag = run(&[
        "new",
        "--police-force",
        "Norfolk",
        "--title",
        "T",
        "--published",
        "2025-10-24",
    ]);
    assert!(
        positional.status.success(),
        "{}",
        String::from_utf8_lossy(&positional.stderr)
    );
    assert_eq!(positional.stdout, flag.stdout);
    assert!(String::from_utf8_lossy(&positional.stdout).contains("force: Norfolk Constabulary"));

    let both = run(&[
        "new",
        "Norfolk",
        "--police-force",
        "Suffolk",
        "--title",
        "T",
        "--published",
        "2025-10-24",
    ]);
    assert_eq!(both.status.code(), Some(2));
    let neither = run(&["new", "--title", "T", "--published", "2025-10-24"]);
    assert_eq!(neither.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&neither.stderr).contains("<NAME>"));
    let old = run(&[
        "new",
        "Norfolk",
        "--title",
        "T",
        "--published",
        "2025-10-24",
        "--overwrite",
    ]);
    assert_eq!(old.status.code(), Some(2));
}

#[test]
fn an_output_name_that_check_would_not_find_is_warned_about() {
    let dir = TempDir::new("misnamed");
    let file = dir.file("norfolk.yaml");
    let out = new(&file, &[]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let expected = format!(
        "section55: warning: editors and `section55 check` look for files named *.s55.yaml or *.s55.yml and will not find {}: name it like {}\n",
        file.display(),
        dir.file("norfolk.s55.yaml").display()
    );
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(file.exists(), "written all the same");

    let good = dir.file("norfolk.s55.yaml");
    let out = new(&good, &[]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"));
}

#[test]
fn a_bilingual_skeleton_has_a_welsh_placeholder_beside_each_text() {
    let dir = TempDir::new("bilingual");
    let file = dir.file("gwent-peel-2025.s55.yaml");
    let out = run(&[
        "new",
        "--police-force",
        "Gwent",
        "--title",
        "PEEL 2025: An inspection of Gwent Police",
        "--published",
        "24 October 2025",
        "--type",
        "PEEL",
        "--link",
        "https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-2025-gwent/",
        "--lang",
        "both",
        "-o",
        &file.to_string_lossy(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&file).expect("read");
    let r = section55::render::read(&text).expect("a response");
    let welsh = "TODO: ysgrifennwch hwn yn Gymraeg (write this in Welsh)";
    let cy_title = r.inspection.cy.as_ref().and_then(|c| c.title.as_deref());
    assert_eq!(cy_title, Some(welsh));
    let cy_findings = r.cy.as_ref().and_then(|c| c.key_findings.as_deref());
    assert_eq!(cy_findings.map(str::trim), Some(welsh));
    for section in [&r.chief_constable_response, &r.pcc_response] {
        let cy = section.cy.as_ref().and_then(|c| c.text.as_deref());
        assert_eq!(cy, Some(welsh));
    }
    // Only the title has its English written; `welsh-text-missing` names it, and nothing else
    // about Welsh until the English beside a placeholder is written.
    let welsh_findings = |found: Vec<(String, String)>| {
        let mut lines: Vec<String> = found
            .into_iter()
            .filter(|(rule, _)| rule == "welsh-text-missing")
            .map(|(_, line)| line)
            .collect();
        lines.sort();
        lines
    };
    assert_eq!(
        welsh_findings(findings(&file)),
        ["title: 'PEEL 2025: An inspection of Gwent Police'"]
    );
    let written = text
        .replace(
            "TODO: summarise the report's key findings",
            "The force answers calls quickly.",
        )
        .replace(
            "TODO: the chief constable's comments on the report",
            "I welcome the report.",
        );
    std::fs::write(&file, written).expect("write");
    assert_eq!(
        welsh_findings(findings(&file)),
        // Each at the English text's key.
        [
            "key_findings: |",
            "text: |",
            "title: 'PEEL 2025: An inspection of Gwent Police'",
        ]
    );
    // An English-only skeleton has no `cy` at all.
    let english = dir.file("english.s55.yaml");
    assert!(new(&english, &["--lang", "en"]).status.success());
    assert!(
        !std::fs::read_to_string(&english)
            .expect("read")
            .contains("cy:")
    );
}
