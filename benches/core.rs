//! `cargo bench --bench core`: the cost of each layer on the reference example (~9 KB), on a
//! generated 1 MB response and on the generated corpus of 2,000 files (benches/README.md).
//!
//! - `parse`: YAML text to the span tree (the baseline: what reading the file costs);
//! - `schema`: the tree through the compiled JSON Schema validator, which reads it in place;
//! - `lint`: everything `section55 check` does per file (parse, schema, every rule,
//!   suppressions), without reading files or printing;
//! - `status`: everything `section55 status` does per file (the lint, then the file's row:
//!   state, last day, answers, open actions), the rows sorted and written as the table; against
//!   `lint` on the same corpus, the cost of the portfolio over `check`;
//! - `format`: everything `section55 fmt` does per file, on the corpus as generated (already
//!   formatted: parse and lay out) and out of order (every file changes: parse, lay out, write,
//!   and parse the result to check it says the same).
//!
//! The corpus figures are one thread; `check` spreads files over every core.

#[path = "generate/mod.rs"]
mod generate;

use std::sync::LazyLock;

use chrono::NaiveDate;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use section55::config::Config;
use section55::{document, format, portfolio, rules, schema};

const EXAMPLE: &str = include_str!("../examples/norfolk-gbcse-progress-2025.s55.yaml");
static LARGE: LazyLock<String> = LazyLock::new(|| generate::large(1 << 20));
static CORPUS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| generate::corpus(2000));
static OUT_OF_ORDER: LazyLock<Vec<String>> = LazyLock::new(|| {
    CORPUS
        .iter()
        .map(|(_, text)| generate::out_of_order(text))
        .collect()
});
static CONFIG: LazyLock<Config> = LazyLock::new(Config::default);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()
}

fn warm() {
    // Build the validator and catalogues outside the timed loops, as a long-running server has.
    black_box(rules::lint(EXAMPLE, &CONFIG, today()));
}

fn bench_parse(bencher: Bencher, text: &str) {
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| document::parse(black_box(text)));
}

fn bench_schema(bencher: Bencher, text: &str) {
    warm();
    let root = document::parse(text).root.expect("the input parses");
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| schema::validator().iter_errors(black_box(&root)).count());
}

fn bench_lint(bencher: Bencher, text: &str) {
    warm();
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| rules::lint(black_box(text), &CONFIG, today()));
}

/// The reference example (examples/norfolk-gbcse-progress-2025.s55.yaml, 9.4 KB).
mod example {
    use super::*;

    #[divan::bench]
    fn parse(b: Bencher) {
        bench_parse(b, EXAMPLE);
    }

    #[divan::bench]
    fn schema(b: Bencher) {
        bench_schema(b, EXAMPLE);
    }

    #[divan::bench]
    fn lint(b: Bencher) {
        bench_lint(b, EXAMPLE);
    }
}

/// A generated 1 MB response (benches/generate: ~1,900 recommendations with responses).
mod one_mb {
    use super::*;

    #[divan::bench]
    fn parse(b: Bencher) {
        bench_parse(b, &LARGE);
    }

    #[divan::bench]
    fn schema(b: Bencher) {
        bench_schema(b, &LARGE);
    }

    #[divan::bench]
    fn lint(b: Bencher) {
        bench_lint(b, &LARGE);
    }
}

/// The generated corpus of 2,000 files (~15 MB), one file after another on one thread.
mod corpus_2000 {
    use super::*;

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn parse(bencher: Bencher) {
        let bytes: usize = CORPUS.iter().map(|(_, t)| t.len()).sum();
        bencher.counter(BytesCount::new(bytes)).bench(|| {
            CORPUS
                .iter()
                .map(|(_, text)| document::parse(black_box(text)).errors.len())
                .sum::<usize>()
        });
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn lint(bencher: Bencher) {
        warm();
        let bytes: usize = CORPUS.iter().map(|(_, t)| t.len()).sum();
        bencher.counter(BytesCount::new(bytes)).bench(|| {
            CORPUS
                .iter()
                .map(|(_, text)| rules::lint(black_box(text), &CONFIG, today()).len())
                .sum::<usize>()
        });
    }

    /// `section55 status`: each file linted as `check` does and made a row, then the rows
    /// sorted and written as the table.
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn status(bencher: Bencher) {
        warm();
        let bytes: usize = CORPUS.iter().map(|(_, t)| t.len()).sum();
        bencher.counter(BytesCount::new(bytes)).bench(|| {
            let mut rows: Vec<portfolio::Row> = CORPUS
                .iter()
                .map(|(name, text)| {
                    let doc = document::parse(black_box(text));
                    let found = rules::lint_document(text, &doc, &CONFIG, today());
                    portfolio::Row::of(name.clone(), &doc, &found, &CONFIG, today())
                })
                .collect();
            portfolio::sort(&mut rows);
            portfolio::table::write(&rows, false).len()
        });
    }

    /// `section55 fmt --check` on formatted files: the usual pre-commit run.
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn format(bencher: Bencher) {
        let texts: Vec<&str> = CORPUS.iter().map(|(_, t)| t.as_str()).collect();
        bench_format(bencher, &texts);
    }

    /// Every file out of order: each one is rewritten and checked.
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn format_out_of_order(bencher: Bencher) {
        let texts: Vec<&str> = OUT_OF_ORDER.iter().map(String::as_str).collect();
        bench_format(bencher, &texts);
    }

    fn bench_format(bencher: Bencher, texts: &[&str]) {
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        bencher.counter(BytesCount::new(bytes)).bench(|| {
            texts
                .iter()
                .map(|text| format::format(black_box(text)).map_or(0, |t| t.len()))
                .sum::<usize>()
        });
    }
}

fn main() {
    divan::main();
}
