//! Welsh and English (issue 13): `render --lang en|cy|both` in every format, the link between
//! the two pages, Welsh dates and names, an office's own labels from `section55.toml`, and what
//! a Welsh page says of texts that have no Welsh yet. Set `UPDATE_GOLDEN=1` to rewrite the
//! bilingual golden page after an intended change.

#[path = "support/rendered.rs"]
mod rendered;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_section55");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn fixture() -> String {
    format!("{ROOT}/tests/fixtures/welsh/gwent-bilingual.s55.yaml")
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("render")
        .args(args)
        .current_dir(dir)
        .env("SECTION55_TODAY", "2025-11-25")
        .output()
        .expect("runs")
}

fn render(args: &[&str]) -> Output {
    run_in(Path::new(ROOT), args)
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "render failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

/// An HTML page with its escaped apostrophes read back, so the Welsh reads as written.
fn html_of(out: &Output) -> String {
    stdout(out).replace("&#39;", "'")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A scratch folder of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("s55-welsh-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    dir
}

#[test]
fn a_welsh_page_is_all_welsh_with_welsh_dates_and_names() {
    let html = html_of(&render(&[&fixture(), "--lang", "cy", "--format", "html"]));
    assert!(html.contains("<html lang=\"cy\">"), "{html}");
    for welsh in [
        "<h1>Ymateb Comisiynydd Heddlu a Throsedd Gwent i arolygiadau a gyhoeddwyd gan Arolygiaeth Cwnstabliaeth a Gwasanaethau Tân ac Achub EF (HMICFRS)</h1>",
        "<title>Comisiynydd Heddlu a Throsedd Gwent: ymateb i PEEL 2025: Arolygiad o Heddlu Gwent</title>",
        "<dt>Heddlu</dt><dd>Heddlu Gwent</dd>",
        "<dt>Cyhoeddwyd ar</dt><dd><time datetime=\"2025-10-24\">24 Hydref 2025</time></dd>",
        "<time datetime=\"2025-12-18\">18 Rhagfyr 2025</time>",
        ">Prif ganfyddiadau</h2>",
        ">Argymhellion</h2>",
        "<h3>Argymhelliad 1</h3>",
        "<dt>Statws</dt> <dd>Derbyniwyd</dd>",
        "Canfu'r arolygiaeth fod yr heddlu",
        "Erbyn 31 Mawrth 2026, dylai'r heddlu",
        "<h3>Ymateb i Argymhelliad 1</h3>",
        "<h3>Ymateb i Faes i'w wella 1</h3>",
        "Gofynnir i berchnogion caffis a grwpiau ymfudwyr am eu barn 😀.",
        "aria-label=\"wedi'i wneud\"",
        "aria-label=\"heb ei wneud\"",
        "Dyddiad cyhoeddi: <time datetime=\"2025-11-20\">20 Tachwedd 2025</time>",
        ">Neidio i'r ymateb</a>",
    ] {
        assert!(html.contains(welsh), "`{welsh}` in:\n{html}");
    }
    for english in [
        "The inspectorate found",
        "Key Findings",
        "Recommendation 1",
        "October",
        "Skip to the response",
        "aria-label=\"done\"",
    ] {
        assert!(!html.contains(english), "`{english}` on the Welsh page");
    }
    assert!(
        !html.contains(" lang=\"en-GB\""),
        "a page wholly in Welsh has no English part"
    );
}

#[test]
fn each_language_page_links_to_the_other_by_its_own_name() {
    let dir = scratch("links");
    let input = fixture();
    for (lang, file, href, other_tag, name) in [
        ("cy", "gwent.cy.html", "gwent.en.html", "en-GB", "English"),
        ("en", "gwent.en.html", "gwent.cy.html", "cy", "Cymraeg"),
    ] {
        let out = run_in(&dir, &[&input, "--lang", lang, "-o", file]);
        assert!(out.status.success(), "{}", stderr(&out));
        let html = std::fs::read_to_string(dir.join(file)).expect("written");
        let link = format!(
            "<p class=\"other-language\"><a href=\"{href}\" hreflang=\"{other_tag}\" lang=\"{other_tag}\">{name}</a></p>"
        );
        assert!(html.contains(&link), "`{link}` in {file}:\n{html}");
    }
    // An address of the office's own choosing; Markdown links the same way.
    let md = stdout(&render(&[
        &input,
        "--lang",
        "cy",
        "--other-page",
        "https://www.gwent.pcc.police.uk/en/response/",
    ]));
    assert!(
        md.starts_with("[English](https://www.gwent.pcc.police.uk/en/response/)\n\n# Ymateb "),
        "{md}"
    );
    // No language part in the file's name and no --other-page: no link to guess at.
    let out = run_in(&dir, &[&input, "--lang", "cy", "-o", "gwent.html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(dir.join("gwent.html")).expect("written");
    assert!(!html.contains("class=\"other-language\""), "{html}");
    // An English page asked for by default is as it always was: no link.
    let plain = stdout(&render(&[&input, "--format", "html"]));
    assert!(plain.contains("<html lang=\"en-GB\">") && !plain.contains("class=\"other-language\""));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bilingual_page_gives_each_part_in_english_then_welsh() {
    let html = html_of(&render(&[&fixture(), "--lang", "both", "--format", "html"]));
    assert!(html.contains("<html lang=\"en-GB\">"), "{html}");
    let order = [
        "<h1>Police and Crime Commissioner for Gwent response to inspections",
        "<dt>Published on</dt><dd><time datetime=\"2025-10-24\">24 October 2025</time></dd>",
        "<section lang=\"cy\" aria-labelledby=\"preface-2\">\n<h2 id=\"preface-2\">Ymateb Comisiynydd Heddlu a Throsedd Gwent",
        "<dt>Cyhoeddwyd ar</dt><dd><time datetime=\"2025-10-24\">24 Hydref 2025</time></dd>",
        "<h2 id=\"contents\">Contents</h2>",
        "<li><a href=\"#section-1\">Key Findings</a></li>\n<li lang=\"cy\"><a href=\"#section-2\">Prif ganfyddiadau</a></li>",
        "<section aria-labelledby=\"section-1\">\n<h2 id=\"section-1\">Key Findings</h2>\n<p>The inspectorate found",
        "<section lang=\"cy\" aria-labelledby=\"section-2\">\n<h2 id=\"section-2\">Prif ganfyddiadau</h2>\n<p>Canfu'r arolygiaeth",
        "<h2 id=\"section-3\">Recommendations</h2>",
        "<h2 id=\"section-4\">Argymhellion</h2>",
        ">At ddefnydd y swyddfa yn unig</h2>",
    ];
    rendered::assert_in_order(&html, &order);
    assert!(
        !html.contains("class=\"other-language\""),
        "a page in both languages links to no other"
    );
}

#[test]
fn the_bilingual_markdown_page() {
    let md = stdout(&render(&[&fixture(), "--lang", "both"]));
    let golden = PathBuf::from(format!("{ROOT}/tests/golden/gwent-bilingual.both.md"));
    rendered::check_golden(&golden, &md, "welsh");
}

#[test]
fn word_documents_carry_their_language() {
    let dir = scratch("docx");
    let input = fixture();
    let read = |name: &str| {
        let bytes = std::fs::read(dir.join(name)).expect("written");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP archive");
        let mut part = |path: &str| {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(path).expect(path), &mut text)
                .expect("utf-8");
            text
        };
        (
            part("word/document.xml"),
            part("word/styles.xml"),
            part("docProps/core.xml"),
        )
    };
    for (lang, file) in [("cy", "gwent.cy.docx"), ("both", "gwent.docx")] {
        let out = run_in(&dir, &[&input, "--lang", lang, "-o", file]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let (document, styles, core) = read("gwent.cy.docx");
    assert!(styles.contains("<w:lang w:val=\"cy-GB\""), "{styles}");
    assert!(core.contains("<dc:language>cy-GB</dc:language>"), "{core}");
    assert!(document.contains(">Prif ganfyddiadau<"), "{document}");
    // Only the link to the English page is in English; the rest takes the document's language.
    assert_eq!(document.matches("<w:lang ").count(), 1, "{document}");
    let english_link = "<w:rPr><w:lang w:val=\"en-GB\"/></w:rPr><w:t xml:space=\"preserve\">English (cyfeiriad: gwent.en.docx)</w:t>";
    assert!(document.contains(english_link), "{document}");
    let (document, styles, core) = read("gwent.docx");
    assert!(styles.contains("<w:lang w:val=\"en-GB\""), "{styles}");
    assert!(core.contains("<dc:language>en-GB</dc:language>"), "{core}");
    let welsh_run = "<w:r><w:rPr><w:lang w:val=\"cy-GB\"/></w:rPr><w:t xml:space=\"preserve\">Canfu&apos;r arolygiaeth";
    assert!(document.contains(welsh_run), "{document}");
    assert!(
        document.contains("<w:r><w:t xml:space=\"preserve\">The inspectorate found"),
        "English runs take the document's language: {document}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_office_words_the_labels_its_own_way_in_section55_toml() {
    let dir = scratch("labels");
    std::fs::copy(fixture(), dir.join("gwent.s55.yaml")).expect("copy");
    std::fs::write(
        dir.join("section55.toml"),
        "[labels.cy]\nkey_findings = \"Canfyddiadau allweddol\"\n\n[labels.en]\nkey_findings = \"Summary of the findings\"\n",
    )
    .expect("config");
    let cy = stdout(&run_in(&dir, &["gwent.s55.yaml", "--lang", "both"]));
    assert!(cy.contains("\n## Canfyddiadau allweddol\n"), "{cy}");
    assert!(cy.contains("\n## Summary of the findings\n"), "{cy}");
    assert!(!cy.contains("Prif ganfyddiadau") && !cy.contains("Key Findings"));

    std::fs::write(
        dir.join("section55.toml"),
        "[labels.cy]\nkey_finding = \"Canfyddiadau allweddol\"\n",
    )
    .expect("config");
    let out = run_in(&dir, &["gwent.s55.yaml", "--lang", "cy"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "section55.toml [labels.cy]: `key_finding` is not a label (did you mean `key_findings`?)"
        ),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());

    std::fs::write(dir.join("section55.toml"), "[labels.fr]\ntitle = \"x\"\n").expect("config");
    let out = run_in(&dir, &["gwent.s55.yaml"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("fr"), "{}", stderr(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_welsh_page_says_how_many_texts_have_no_welsh_yet() {
    let surrey = format!("{ROOT}/examples/surrey-peel-2025.s55.yaml");
    let out = Command::new(BIN)
        .args(["render", &surrey, "--lang", "cy"])
        .env("SECTION55_TODAY", "2025-11-01")
        .output()
        .expect("runs");
    let md = stdout(&out);
    assert!(
        md.contains("\n## Prif ganfyddiadau\n\nThe inspectorate graded"),
        "{md}"
    );
    assert!(
        stderr(&out).contains("texts have no Welsh yet and appear in English on the Welsh page"),
        "{}",
        stderr(&out)
    );
    // On the HTML page the English is marked as English (WCAG 2.2, 3.1.2 language of parts).
    let out = Command::new(BIN)
        .args(["render", &surrey, "--lang", "cy", "--format", "html"])
        .env("SECTION55_TODAY", "2025-11-01")
        .output()
        .expect("runs");
    let html = stdout(&out);
    assert!(
        html.contains("<h2 id=\"section-1\">Prif ganfyddiadau</h2>\n<div lang=\"en-GB\">\n<p>The inspectorate graded"),
        "{html}"
    );
    let complete = render(&[&fixture(), "--lang", "cy"]);
    assert!(complete.status.success());
    assert!(
        !stderr(&complete).contains("no Welsh"),
        "{}",
        stderr(&complete)
    );
}

#[test]
fn a_bilingual_page_imports_back_into_the_same_file() {
    let dir = scratch("import");
    let input = fixture();
    let original = section55::render::read(&std::fs::read_to_string(&input).expect("read"))
        .expect("the fixture reads");
    for (page, extra) in [
        ("gwent.md", &[][..]),
        ("gwent-template.md", &["--style", "template"][..]),
        ("gwent.docx", &[][..]),
    ] {
        let mut args = vec![input.as_str(), "--lang", "both", "-o", page];
        args.extend_from_slice(extra);
        let out = run_in(&dir, &args);
        assert!(out.status.success(), "{}", stderr(&out));
        let back_file = format!("{page}.s55.yaml");
        let out = Command::new(BIN)
            .args(["import", page, "-o", &back_file])
            .current_dir(&dir)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{page}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("note:"),
            "{page}: every line is read: {}",
            stderr(&out)
        );
        let back = std::fs::read_to_string(dir.join(&back_file)).expect("imported");
        let back = section55::render::read(&back).expect("the import reads");
        assert_eq!(
            back, original,
            "{page} does not import back into the same file"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_labels_command_prints_a_table_section55_toml_accepts() {
    let dir = scratch("labels-command");
    std::fs::copy(fixture(), dir.join("gwent.s55.yaml")).expect("copy");
    let plain = stdout(&run_in(&dir, &["gwent.s55.yaml", "--lang", "both"]));
    for lang in ["cy", "en"] {
        let out = Command::new(BIN)
            .args(["labels", "--lang", lang])
            .output()
            .expect("runs");
        let table = stdout(&out);
        assert!(table.contains(&format!("\n[labels.{lang}]\n")), "{table}");
        assert!(table.contains("\nkey_findings = "), "{table}");
        // Every label as it is: the page is the same with the whole table in section55.toml.
        std::fs::write(dir.join("section55.toml"), &table).expect("config");
        let same = stdout(&run_in(&dir, &["gwent.s55.yaml", "--lang", "both"]));
        assert!(same == plain, "[labels.{lang}] as printed changes the page");
    }
    let welsh = stdout(&Command::new(BIN).arg("labels").output().expect("runs"));
    assert!(
        welsh.contains("# Key Findings\nkey_findings = \"Prif ganfyddiadau\"\n"),
        "Welsh by default, each label under its English: {welsh}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_and_fmt_keep_to_the_bilingual_format() {
    let dir = scratch("check-fmt");
    let file = dir.join("gwent.s55.yaml");
    let complete = std::fs::read_to_string(fixture()).expect("read");
    let welsh_findings = |text: &str| -> Vec<String> {
        std::fs::write(&file, text).expect("write");
        let out = Command::new(BIN)
            .args(["check", "--format", "json"])
            .arg(&file)
            .env("SECTION55_TODAY", "2025-11-25")
            .output()
            .expect("runs");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["rule"] == "welsh-text-missing" || d["rule"] == "schema")
            .map(|d| format!("{} {}", d["rule"], d["range"]["start"]["line"]))
            .collect()
    };
    assert_eq!(welsh_findings(&complete), Vec::<String>::new());
    // The area for improvement's Welsh taken away: named at its English text (line 31).
    let without = complete.replace(
        "    cy:\n      text: Dylai'r heddlu ateb galwadau nad ydynt yn rhai brys yn gynt.\n",
        "",
    );
    assert_ne!(without, complete);
    assert_eq!(welsh_findings(&without), ["\"welsh-text-missing\" 31"]);
    // `fmt` leaves a formatted bilingual file as it is.
    std::fs::write(&file, &complete).expect("write");
    let out = Command::new(BIN)
        .args(["fmt", "--check"])
        .arg(&file)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    let _ = std::fs::remove_dir_all(&dir);
}
