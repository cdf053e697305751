//! Arbitrary bytes through everything `section55 check` does to a file: UTF-8 check, YAML parse,
//! schema, every rule, suppressions. Then what a front end does with the result: every range and
//! every fix's edit must lie inside the text (the language server converts them to client
//! positions), and a file that reads as a response must render.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use section55::config::Config;
use section55::diagnostic::{Pos, Span};
use section55::document::LineIndex;

fn inside(span: Span, lines: &LineIndex, text: &str, what: &str) {
    assert!(span.start <= span.end, "{what}: range ends before it starts: {span:?}");
    for pos in [span.start, span.end] {
        let Pos { line, col } = pos;
        assert!((line as usize) < lines.line_count(), "{what}: line {line} past the end: {span:?}");
        // A range may end one character past the line (a point at the end of a line).
        let len = lines.line(text, line as usize).chars().count() as u32;
        assert!(col <= len + 1, "{what}: column {col} past the line's {len} characters: {span:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let config = Config::default();
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let (text, diagnostics) = section55::rules::lint_bytes(data.to_vec(), &config, today);
    let lines = LineIndex::new(&text);
    for d in &diagnostics {
        inside(d.span, &lines, &text, d.rule);
        for fix in &d.fixes {
            for edit in &fix.edits {
                inside(edit.span, &lines, &text, &fix.title);
            }
        }
    }
    if let Ok(response) = section55::render::read(&text) {
        let _ = section55::render::render(&response, section55::render::Format::Markdown);
        let _ = section55::render::render(&response, section55::render::Format::Html);
        let _ = section55::render::render_docx(&response, Default::default());
    }
});
