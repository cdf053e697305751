//! `cargo bench --bench import`: `section55 import` on 2 MB documents (the bar: under a second).
//!
//! - `template`: a generated response rendered in the template's shape, its texts grown to 2 MB;
//! - `letter`: a letter in prose (no labels), its paragraphs repeated to 2 MB, which every
//!   reader of prose looks at;
//! - `docx`: the letter as a Word document built in memory, read from the ZIP and the XML first.

#[path = "generate/mod.rs"]
mod generate;

use std::io::Write;
use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};

const SIZE: usize = 2 << 20;
const LETTER: &str = include_str!("../tests/fixtures/import/letter.md");

static TEMPLATE: LazyLock<String> = LazyLock::new(|| {
    let yaml = generate::large(SIZE);
    let response = section55::render::read(&yaml).expect("the generated response reads");
    section55::render::render(&response, section55::render::Format::Markdown)
});

static PROSE: LazyLock<String> = LazyLock::new(|| {
    let (first, rest) = LETTER.split_once("\n\n").expect("paragraphs");
    let mut text = format!("{first}\n\n");
    while text.len() < SIZE {
        text.push_str(rest);
        text.push('\n');
    }
    text
});

static DOCX: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let mut body = String::new();
    for paragraph in PROSE.split("\n\n") {
        let escaped = paragraph.replace('&', "&amp;").replace('<', "&lt;");
        body.push_str(&format!("<w:p><w:r><w:t>{escaped}</w:t></w:r></w:p>"));
    }
    let xml = format!(r#"<w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .expect("part");
    zip.write_all(xml.as_bytes()).expect("write");
    zip.finish().expect("zip").into_inner()
});

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn template(bencher: Bencher) {
    bencher
        .counter(BytesCount::of_str(TEMPLATE.as_str()))
        .bench(|| section55::import::import_pages(black_box(&TEMPLATE)));
}

#[divan::bench(sample_count = 10)]
fn letter(bencher: Bencher) {
    bencher
        .counter(BytesCount::of_str(PROSE.as_str()))
        .bench(|| section55::import::import_pages(black_box(&PROSE)));
}

#[divan::bench(sample_count = 10)]
fn docx(bencher: Bencher) {
    bencher.counter(BytesCount::of_slice(&*DOCX)).bench(|| {
        let text = section55::import::docx::text(black_box(&DOCX)).expect("reads");
        section55::import::import_pages(&text)
    });
}
