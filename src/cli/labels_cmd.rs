//! `section55 labels [--lang en|cy]`: every label of the page in one language, as a
//! `section55.toml` table ready for an office (or its translator) to reword.

use std::fmt::Write as _;
use std::process::ExitCode;

use crate::render::labels::Labels;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Lang {
    /// English (the `[labels.en]` table).
    En,
    /// Welsh (the `[labels.cy]` table).
    Cy,
}

#[derive(clap::Args)]
pub struct Args {
    /// The language whose labels to print.
    #[arg(long, value_enum, value_name = "LANG", default_value = "cy")]
    lang: Lang,
}

pub fn run(args: &Args) -> Result<ExitCode, String> {
    let (table, labels) = match args.lang {
        Lang::En => ("en", Labels::ENGLISH),
        Lang::Cy => ("cy", Labels::WELSH),
    };
    super::out(&toml_table(table, &labels));
    Ok(ExitCode::SUCCESS)
}

/// The labels as a `[labels.TABLE]` table, each Welsh label with its English above it.
fn toml_table(table: &str, labels: &Labels) -> String {
    let english = Labels::ENGLISH;
    let english: Vec<(&str, &str)> = english.entries();
    let mut out = format!(
        "# The page's labels in section55.toml: keep the lines you reword and delete the rest.\n\
         # `render` fills in {{body}}, {{kind}}, {{id}} and {{report}}.\n[labels.{table}]\n"
    );
    for ((name, words), (_, english)) in labels.entries().into_iter().zip(english) {
        if table != "en" {
            let _ = writeln!(out, "# {english}");
        }
        // A JSON string is a TOML basic string: quotes, backslashes and controls escaped.
        let quoted = serde_json::to_string(words).unwrap_or_default();
        let _ = writeln!(out, "{name} = {quoted}");
    }
    out
}
