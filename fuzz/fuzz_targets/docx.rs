//! Arbitrary bytes through the Word reader and on into `import`: as a whole file (mostly not a
//! ZIP, so the archive reader is tried) and as the document part of a ZIP built here (so the XML
//! reader sees every shape of markup). Fails on a panic, or on imported YAML that does not parse.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;

fn check(text: &str) {
    let Ok(pages) = section55::import::import_pages(text) else {
        return;
    };
    for imported in pages {
        let doc = section55::document::parse(&imported.yaml);
        assert!(
            doc.errors.is_empty(),
            "import wrote YAML that does not parse: {:?}",
            doc.errors
        );
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = section55::import::docx::text(data) {
        check(&text);
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    if zip.start_file("word/document.xml", options).is_err() || zip.write_all(data).is_err() {
        return;
    }
    let Ok(cursor) = zip.finish() else { return };
    if let Ok(text) = section55::import::docx::text(&cursor.into_inner()) {
        check(&text);
    }
});
