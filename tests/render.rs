//! `section55 render`: golden documents for the examples, refusal of files that cannot be read
//! as a response, and output files. Set `UPDATE_GOLDEN=1` to rewrite the golden files after an
//! intended change (and review the diff).

#[path = "support/rendered.rs"]
mod rendered;

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
    rendered::check_golden(path, actual, "render");
}

#[test]
fn markdown_of_the_examples() {
    for name in EXAMPLES {
        for (style, golden) in [(None, "md"), (Some("template"), "template.md")] {
            let mut args = vec![example(name)];
            args.extend(
                style
                    .map(|s| ["--style".to_owned(), s.to_owned()])
                    .into_iter()
                    .flatten(),
            );
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            check_golden(
                &PathBuf::from(format!("{ROOT}/tests/golden/{name}.{golden}")),
                &stdout(&render(&args)),
            );
        }
    }
}

/// The default Markdown marks headings as headings only: one `#` title, every section at `##`,
/// every item at `###` (as the HTML page nests them), and no bold heading or bold paragraph
/// standing in for one.
#[test]
fn plain_markdown_has_semantic_headings_at_consistent_levels() {
    for name in EXAMPLES {
        let md = stdout(&render(&[&example(name)]));
        let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
        assert_eq!(
            headings.iter().filter(|h| h.starts_with("# ")).count(),
            1,
            "{md}"
        );
        assert!(headings[0].starts_with("# "), "the title comes first: {md}");
        for h in &headings {
            assert!(!h.contains("**") && !h.ends_with(':'), "`{h}` in {name}");
        }
        for section in [
            "## Recommendations",
            "## Areas For Improvement",
            "## Key Findings",
        ] {
            assert!(
                md.contains(&format!("\n{section}\n")),
                "`{section}` in {name}:\n{md}"
            );
        }
        assert!(md.contains("\n### Recommendation 1\n"), "{md}");
        for line in md.lines() {
            let bold_only = line.starts_with("**") && line.ends_with("**");
            assert!(
                !bold_only,
                "a bold line standing in for a heading: `{line}` in {name}"
            );
        }
    }
}

#[test]
fn style_is_for_markdown_only() {
    let out = render(&[
        &example("surrey-peel-2025"),
        "--format",
        "html",
        "--style",
        "template",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--style is for Markdown"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
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
    let md = stdout(&render(&[
        &example("norfolk-gbcse-progress-2025"),
        "--style",
        "template",
    ]));
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
    rendered::assert_in_order(&md, &order);
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

/// The Surrey example (no findings) with `from` replaced by `to`.
fn surrey_with(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(example("surrey-peel-2025")).expect("example");
    let changed = text.replacen(from, to, 1);
    assert_ne!(
        changed, text,
        "the example no longer has `{from}`; update this test"
    );
    changed
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const REFUSED: &str = "section55: <stdin> was not rendered: fix the errors above, or pass --draft for a copy marked DRAFT (`section55 check <stdin>` explains them)\n";

#[test]
fn warnings_alone_do_not_block_rendering() {
    // The Norfolk example keeps the template's deadline (publication + 56 days): a warning.
    let out = render(&[&example("norfolk-gbcse-progress-2025")]);
    assert!(out.status.success());
    assert_eq!(stderr(&out), "");
}

#[test]
fn every_error_check_reports_refuses_the_render() {
    let cases = [
        (
            surrey_with("key_findings: |\n", "key_findings: |\n  TODO\n"),
            "<stdin>:18:3: error[empty-section] Key Findings is still a placeholder (`TODO`): replace it with the real text\n",
        ),
        (
            surrey_with(
                "response_deadline: 2025-11-04",
                "response_deadline: 2025-11-20",
            ),
            "<stdin>:15:20: error[deadline-mismatch] the response deadline should be 2025-11-04 (Tuesday 4 November 2025): the report was published on 10 September 2025, and s.55(5A) allows 56 days beginning with that day (help: Set the deadline to 2025-11-04)\n",
        ),
        (
            surrey_with("published_on: 2025-10-30", "published_on: 2025-11-20"),
            "<stdin>:82:17: error[published-late] published 16 days after the statutory last day (4 November 2025, s.55(5A))\n",
        ),
        (
            surrey_with(
                "\ncauses_of_concern:",
                "  - id: 2\n    text: The force should review its training.\n    status: accepted\n\ncauses_of_concern:",
            ),
            "<stdin>:31:9: error[unanswered-recommendation] recommendation 2 is not answered: s.55(5B) requires the action taken or proposed, or why no action will be taken; add a response with `recommendation: 2` (help: Add a response stub for recommendation 2)\n",
        ),
    ];
    for (text, finding) in cases {
        let out = render_stdin(&text, &[]);
        assert_eq!(out.status.code(), Some(1), "{finding}");
        assert!(out.stdout.is_empty(), "nothing is published: {finding}");
        assert_eq!(stderr(&out), format!("{finding}{REFUSED}"));
    }
}

#[test]
fn a_draft_is_marked_on_every_heading_and_lists_the_open_findings_first() {
    let text = surrey_with(
        "response_deadline: 2025-11-04",
        "response_deadline: 2025-11-20",
    );
    let md = stdout(&render_stdin(&text, &["--draft"]));
    let first = "**DRAFT: not for publication.** Open findings (1):\n\n- Line 15: error[deadline-mismatch] the response deadline should be 2025-11-04 (Tuesday 4 November 2025): the report was published on 10 September 2025, and s.55(5A) allows 56 days beginning with that day\n\n# DRAFT: Police and Crime Commissioner for Surrey response";
    assert!(md.starts_with(first), "{md}");
    for (md, mark, style) in [
        (md, "# DRAFT: ", "plain"),
        (
            stdout(&render_stdin(&text, &["--draft", "--style", "template"])),
            "# **DRAFT: ",
            "template",
        ),
    ] {
        let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
        assert!(headings.len() > 12, "{style}: {headings:?}");
        for heading in headings {
            assert!(heading.contains(mark), "not marked ({style}): {heading}");
        }
    }

    let html = stdout(&render_stdin(&text, &["--draft", "--format", "html"]));
    assert!(html.contains("<title>DRAFT: Police and Crime Commissioner for Surrey"));
    let notice = html.find("<div class=\"draft-notice\"").expect("notice");
    assert!(
        notice < html.find("<h1>").expect("h1"),
        "the findings come first"
    );
    assert!(html.contains("<div class=\"draft-mark\" aria-hidden=\"true\">DRAFT</div>"));
    assert!(html.contains(
        "<li>Line 15: error[deadline-mismatch] the response deadline should be 2025-11-04"
    ));
    for tag in ["<h1>", "<h2 ", "<h3>"] {
        for (at, _) in html.match_indices(tag) {
            let rest = &html[at..];
            let inner = &rest[rest.find('>').expect("tag") + 1..];
            assert!(
                inner.starts_with("DRAFT: "),
                "not marked: {}",
                &rest[..80.min(rest.len())]
            );
        }
    }
}

#[test]
fn a_draft_of_a_clean_file_says_nothing_is_open_and_unreadable_files_are_refused_even_as_drafts() {
    let md = stdout(&render(&[&example("surrey-peel-2025"), "--draft"]));
    assert!(
        md.starts_with("**DRAFT: not for publication.** No findings are open.\n\n# DRAFT: "),
        "{md}"
    );
    let out = render_stdin("policing_body: 3\n", &["--draft"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).ends_with("section55: <stdin> was not rendered: it cannot be read as a response, even for a draft (`section55 check <stdin>` explains them)\n"), "{}", stderr(&out));
}

#[test]
fn an_unconfirmed_empty_list_from_new_is_not_there_were_none() {
    let dir = std::env::temp_dir().join(format!("s55-render-new-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("n.s55.yaml");
    let made = Command::new(BIN)
        .args([
            "new",
            "Norfolk",
            "--title",
            "T",
            "--published",
            "2025-10-24",
            "--type",
            "PEEL",
            "--link",
            "https://hmicfrs.justiceinspectorates.gov.uk/publications/t/",
            "-o",
        ])
        .arg(&file)
        .output()
        .expect("runs");
    assert!(made.status.success(), "{}", stderr(&made));
    let text = std::fs::read_to_string(&file).expect("written");
    let out = render_stdin(&text, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("<stdin>:30:18: error[empty-section] Recommendations is still a placeholder (`[] # TODO`): list them here, or delete the TODO comment to confirm the report had none (help: Confirm there were none: delete the TODO comment)\n"), "{}", stderr(&out));
    assert!(stderr(&out).contains(
        "<stdin>:42:24: error[empty-section] Areas For Improvement is still a placeholder"
    ));

    // Confirmed by deleting the comments and written: it renders, and says there were none.
    let confirmed: String = text
        .lines()
        .map(|l| {
            if l.ends_with("[]") || !l.contains(": [] # TODO") {
                l.to_owned()
            } else {
                l[..l.find(" # TODO").expect("comment")].to_owned()
            }
        })
        .map(|l| l.replace("TODO: ", "Written: ") + "\n")
        .collect();
    let out = render_stdin(&confirmed, &[]);
    assert!(stdout(&out).contains("## Recommendations\n\nThere were no recommendations."));
    let _ = std::fs::remove_dir_all(&dir);
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
            .starts_with("# ")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unreadable_input_is_a_usage_error() {
    let out = render(&["/nonexistent/x.s55.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}

/// `render -o FILE.docx` writes a Word document (a ZIP with Word's parts), the same bytes for
/// the same response; `--format docx` writes it to a pipe; `--style` is refused for it; the
/// document's text is what `import` reads back (the full round trip is in tests/import.rs).
#[test]
fn writes_a_word_document_for_a_docx_file() {
    let dir = std::env::temp_dir().join(format!("s55-render-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let input = example("surrey-peel-2025");
    let first = dir.join("surrey.docx");
    let first_arg = first.to_string_lossy().into_owned();
    assert!(render(&[&input, "-o", &first_arg]).status.success());
    let bytes = std::fs::read(&first).expect("written");
    assert!(bytes.starts_with(b"PK\x03\x04"), "a ZIP archive");
    let piped = render(&[&input, "--format", "docx"]);
    assert!(piped.status.success());
    assert_eq!(piped.stdout, bytes, "the same bytes each time");
    let text = section55::import::source::document_text(&bytes, "surrey.docx").expect("reads");
    assert!(
        text.starts_with("# Police and Crime Commissioner for Surrey response"),
        "{text}"
    );
    assert!(
        text.contains("\n## Recommendations\n\n### Recommendation 1\n"),
        "{text}"
    );
    assert!(
        text.contains("[PEEL 2025: Police effectiveness"),
        "the link keeps its address: {text}"
    );
    let again = render(&[&input, "-o", &first_arg]);
    assert_eq!(
        again.status.code(),
        Some(2),
        "never overwritten without --force"
    );
    let styled = render(&[&input, "-o", &first_arg, "--force", "--style", "template"]);
    assert_eq!(styled.status.code(), Some(2));
    assert!(
        stderr(&styled).contains("--style is for Markdown"),
        "{}",
        stderr(&styled)
    );
    assert_eq!(std::fs::read(&first).expect("kept"), bytes);
    let _ = std::fs::remove_dir_all(&dir);
}
