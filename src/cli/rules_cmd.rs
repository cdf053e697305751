//! `section55 rules` and `section55 rule NAME`.

use std::process::ExitCode;

use crate::rules;
use crate::suggest;

pub fn list() -> Result<ExitCode, String> {
    let width = rules::all().iter().map(|r| r.name.len()).max().unwrap_or(0);
    let table: String = rules::all()
        .iter()
        .map(|r| {
            format!(
                "{:width$}  {:7}  {}\n",
                r.name,
                rules::default_level(r),
                r.summary
            )
        })
        .collect();
    super::out(&table);
    Ok(ExitCode::SUCCESS)
}

pub fn show(name: &str) -> Result<ExitCode, String> {
    match rules::find(name) {
        Some(rule) => {
            super::out(&rules::doc_text(rule));
            Ok(ExitCode::SUCCESS)
        }
        None => Err(format!(
            "there is no rule `{name}`{}; `section55 rules` lists them",
            suggest::did_you_mean(name, rules::names())
        )),
    }
}
