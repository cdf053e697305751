//! Each rule's documentation is true and published: its example really makes it fire, its page
//! `docs/rules/NAME.md` is the one generated from its `Doc` (run `UPDATE_DOCS=1 cargo test --test
//! rule_docs` after changing a rule's documentation, and review the diff), and the README's rule
//! table lists exactly the registry's rules with their default severities and pages.

use std::path::Path;

use chrono::NaiveDate;
use section55::config::Config;
use section55::rules;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn each_documented_example_makes_its_rule_fire() {
    // After every date the examples give as past (an action due in 2026), before those they give
    // as future (a report published in 2052).
    let today = NaiveDate::from_ymd_opt(2030, 1, 1).expect("date");
    let mut silent = Vec::new();
    for rule in rules::all() {
        // A rule that is off by default is documented with its family turned on.
        let mut config = Config::default();
        if let Some(family) = rules::family(rule) {
            config
                .rules
                .insert(family.to_owned(), section55::config::Level::Info);
        }
        let found = rules::lint(rule.doc.example, &config, today);
        if !found.iter().any(|d| d.rule == rule.name) {
            let rules_found: Vec<&str> = found.iter().map(|d| d.rule).collect();
            silent.push(format!("{}: example finds only {rules_found:?}", rule.name));
        }
    }
    assert!(
        silent.is_empty(),
        "examples that do not fire:\n{}",
        silent.join("\n")
    );
}

/// The generated pages: one per rule, and the index.
fn pages() -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = rules::all()
        .iter()
        .map(|r| (format!("{}.md", r.name), rules::doc_page(r)))
        .collect();
    pages.push(("README.md".to_owned(), rules::docs_index()));
    pages
}

#[test]
fn docs_rules_pages_are_generated_from_the_rules() {
    let dir = Path::new(ROOT).join("docs/rules");
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    if update {
        std::fs::create_dir_all(&dir).expect("docs/rules");
    }
    let mut stale = Vec::new();
    for (name, text) in pages() {
        let path = dir.join(&name);
        if update {
            std::fs::write(&path, &text).expect("write page");
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "docs/rules/ differs from the rules' documentation for {stale:?}: run `UPDATE_DOCS=1 cargo test --test rule_docs` and review the diff"
    );
    let expected: Vec<String> = pages().into_iter().map(|(n, _)| n).collect();
    let extra: Vec<String> = std::fs::read_dir(&dir)
        .expect("docs/rules")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !expected.contains(n))
        .collect();
    assert!(
        extra.is_empty(),
        "pages of no rule in docs/rules/: {extra:?}"
    );
}

#[test]
fn the_readme_rule_table_is_the_registry() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).expect("README");
    let start = readme
        .find("| rule | default | fires when |")
        .expect("the README's rule table");
    let rows: Vec<Vec<&str>> = readme[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| l.trim_matches('|').split(" | ").map(str::trim).collect())
        .collect();
    let mut listed: Vec<(String, String)> = rows
        .iter()
        .map(|cells| (cells[0].to_owned(), cells[1].to_owned()))
        .collect();
    let mut registry: Vec<(String, String)> = rules::all()
        .iter()
        .map(|r| {
            (
                format!("[`{0}`](docs/rules/{0}.md)", r.name),
                rules::default_level(r).to_owned(),
            )
        })
        .collect();
    listed.sort();
    registry.sort();
    assert_eq!(
        listed, registry,
        "the README's rule table (name linked to its page, default severity) differs from the registry"
    );
}
