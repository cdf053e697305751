//! `section55 render`: golden documents for the examples, refusal of files that cannot be read
//! as a response, and output files. Set `UPDATE_GOLDEN=1` to rewrite the golden files after an
//! intended change (and review the diff).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_section55");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const EXAMPLES: [&str; 2] = ["norfolk-gbcse-progress-2025", "surrey-peel-2025"];

fn render(args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("render")
        .args(args)
        .env("SECTION55_TODAY", "2025-11-01")
        .output()
        .expect("runs")
}

fn render_stdin(text: &str, args: &[&str]) -> Output {
    use std::io::Write;
    let mut child = Command::new(BIN)
        .args(["render", "-"])
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write");
    child.wait_with_output().expect("waits")
}

fn example(name: &str) -> String {
    format!("{ROOT}/examples/{name}.s55.yaml")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "render failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

fn check_golden(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        expected == actual,
        "{} differs from the output; if the change is intended, run `UPDATE_GOLDEN=1 cargo test --test render` and review the diff",
        path.display()
    );
}

#[test]
fn markdown_of_the_examples() {
    for name in EXAMPLES {
        let out = render(&[&example(name)]);
        check_golden(
            &PathBuf::from(format!("{ROOT}/tests/golden/{name}.md")),
            &stdout(&out),
        );
    }
}

#[test]
fn html_of_the_examples() {
    for name in EXAMPLES {
        let out = render(&[&example(name), "--format", "html"]);
        check_golden(
            &PathBuf::from(format!("{ROOT}/tests/golden/{name}.html")),
            &stdout(&out),
        );
    }
}

#[test]
fn markdown_follows_the_template() {
    let md = stdout(&render(&[&example("norfolk-gbcse-progress-2025")]));
    let order = [
        "response to inspections published by His Majesty's Inspectorate",
        "Section 55 of the Police Act 1996",
        "### **Inspection Title:**",
        "### **Published on:**\n\n24 October 2025",
        "### **Publication Types:**",
        "### **Police Forces:**",
        "### **Link to Report:**",
        "### **Section 55 Response Deadline:**",
        "### **Key Findings**",
        "## **Recommendations**",
        "### **Recommendation 1:**",
        "### **Areas For Improvement**\n\nThere were no areas for improvement.",
        "## **Chief Constable response to report and any Recommendations/Areas For Improvement**",
        "### **Response to Recommendation 1:**",
        "response to report and any Recommendations/Areas For Improvement**",
        "### **For Office Use Only:**",
    ];
    let mut from = 0;
    for part in order {
        let at = md[from..]
            .find(part)
            .unwrap_or_else(|| panic!("`{part}` missing or out of order:\n{md}"));
        from += at + part.len();
    }
}

#[test]
fn html_is_one_accessible_standalone_page() {
    let html = stdout(&render(&[&example("surrey-peel-2025"), "--format", "html"]));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
    assert_eq!(html.matches("<h1>").count(), 1);
    assert!(html.contains("<meta charset=\"utf-8\">") && html.contains("<title>"));
    for external in ["<script", "<link", "src=", "@import", "url("] {
        assert!(
            !html.contains(external),
            "external asset or script: {external}"
        );
    }
    assert!(html.contains("<time datetime=\"2025-09-10\">10 September 2025</time>"));
}

#[test]
fn html_escapes_everything_from_the_file() {
    let text = std::fs::read_to_string(example("surrey-peel-2025")).expect("example");
    let hostile = text.replacen(
        "policing_body: Police and Crime Commissioner for Surrey",
        "policing_body: \"<script>alert('x')</script> & Co\"",
        1,
    );
    assert_ne!(
        hostile, text,
        "the example's policing body changed; update this test"
    );
    let html = stdout(&render_stdin(&hostile, &["--format", "html"]));
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"));
}

#[test]
fn refuses_files_that_are_not_responses_with_the_findings() {
    let cases = [
        ("key: [unclosed\n", "invalid-yaml"),
        ("policing_body: 3\n", "missing-section"),
    ];
    for (text, rule) in cases {
        let out = render_stdin(text, &[]);
        assert_eq!(out.status.code(), Some(1), "{text}");
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&out.stderr);
        let finding = format!(": error[{rule}] ");
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with("<stdin>:") && l.contains(&finding)),
            "{stderr}"
        );
        assert!(stderr.contains("was not rendered"), "{stderr}");
    }
    let schema_error = std::fs::read_to_string(example("surrey-peel-2025"))
        .expect("example")
        .replacen("status: accepted", "status: maybe", 1);
    let out = render_stdin(&schema_error, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[schema]"));
}

#[test]
fn warnings_and_other_errors_do_not_block_rendering() {
    // The Norfolk example keeps the template's deadline (publication + 56 days): a warning.
    assert!(
        render(&[&example("norfolk-gbcse-progress-2025")])
            .status
            .success()
    );
    // A placeholder text is an `empty-section` error, which `check` reports; render still runs.
    let text = std::fs::read_to_string(example("surrey-peel-2025")).expect("example");
    let placeholder = text.replacen("key_findings: |\n", "key_findings: |\n  TODO\n", 1);
    assert_ne!(
        placeholder, text,
        "the example's key findings changed; update this test"
    );
    let out = render_stdin(&placeholder, &[]);
    assert!(stdout(&out).contains("### **Key Findings**\n\nTODO\n"));
}

#[test]
fn writes_html_when_the_output_is_an_html_file_and_never_overwrites_without_force() {
    let dir = std::env::temp_dir().join(format!("s55-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let out = dir.join("surrey.html");
    let out_arg = out.to_string_lossy().into_owned();
    let input = example("surrey-peel-2025");
    assert!(render(&[&input, "-o", &out_arg]).status.success());
    assert!(
        std::fs::read_to_string(&out)
            .expect("written")
            .starts_with("<!DOCTYPE html>")
    );
    let again = render(&[&input, "-o", &out_arg, "--format", "markdown"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert!(
        std::fs::read_to_string(&out)
            .expect("kept")
            .starts_with("<!DOCTYPE html>")
    );
    assert!(
        render(&[&input, "-o", &out_arg, "--format", "markdown", "--force"])
            .status
            .success()
    );
    assert!(
        std::fs::read_to_string(&out)
            .expect("replaced")
            .starts_with("## **")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unreadable_input_is_a_usage_error() {
    let out = render(&["/nonexistent/x.s55.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}
