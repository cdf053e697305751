//! Arbitrary text through `section55 import` (a template-shaped document to a response file).
//! Whatever it reads, what it writes must be well-formed YAML that lints without a syntax error.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use section55::config::Config;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(imported) = section55::import::import(text) else { return };
    let doc = section55::document::parse(&imported.yaml);
    assert!(
        doc.errors.is_empty(),
        "import wrote YAML that does not parse: {:?}\n---\n{}",
        doc.errors,
        imported.yaml
    );
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let diagnostics = section55::rules::lint(&imported.yaml, &Config::default(), today);
    assert!(
        diagnostics.iter().all(|d| d.rule != "invalid-yaml"),
        "import wrote YAML that lints as invalid: {diagnostics:?}\n---\n{}",
        imported.yaml
    );
});
