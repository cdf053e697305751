//! Settings: the client's `section55` settings (through `workspace/configuration`, or the
//! `initializationOptions` for clients without it) and the nearest `section55.toml`.
//!
//! Settings have the same shape as `section55.toml`:
//!
//! ```json
//! { "rules": { "overdue": "off" }, "catalogue": { "forces": ["Example Police"], "publication_types": [] } }
//! ```
//!
//! A rule's level from `section55.toml` wins over the editor's (the file is the project's shared
//! decision, the setting a personal default); catalogue extensions from both apply.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value as Json;
use tower_lsp_server::ls_types::Uri;

use crate::config::{Config, Level};
use crate::rules;

/// The client's settings, as far as they are valid; `problems` says what was not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    pub rules: BTreeMap<String, Level>,
    pub forces: Vec<String>,
    pub publication_types: Vec<String>,
    pub problems: Vec<String>,
}

impl Settings {
    /// Reads settings leniently: unknown rules or levels are reported and skipped, never fatal.
    pub fn from_json(value: &Json) -> Settings {
        let mut settings = Settings::default();
        let mut names = rules::names();
        names.extend(crate::config::RULE_FAMILIES);
        if let Some(map) = value.get("rules").and_then(Json::as_object) {
            for (rule, level) in map {
                let level = level
                    .as_str()
                    .and_then(|l| serde_json::from_value::<Level>(Json::String(l.to_owned())).ok());
                match level {
                    _ if !names.contains(&rule.as_str()) => {
                        let hint = crate::suggest::did_you_mean(rule, names.iter().copied());
                        settings
                            .problems
                            .push(format!("section55.rules: unknown rule `{rule}`{hint}"));
                    }
                    Some(level) => {
                        settings.rules.insert(rule.clone(), level);
                    }
                    None => settings.problems.push(format!(
                        "section55.rules.{rule}: the level must be one of error, warning, info, off"
                    )),
                }
            }
        }
        let strings = |key: &str| -> Vec<String> {
            let catalogue = value.get("catalogue");
            let list = catalogue
                .and_then(|c| c.get(key))
                .or_else(|| catalogue.and_then(|c| c.get(camel(key))));
            list.and_then(Json::as_array)
                .map(|items| {
                    items
                        .iter()
                        .filter_map(Json::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default()
        };
        settings.forces = strings("forces");
        settings.publication_types = strings("publication_types");
        settings
    }
}

fn camel(key: &str) -> &str {
    match key {
        "publication_types" => "publicationTypes",
        other => other,
    }
}

/// Loaded `section55.toml` files, by path, until a watched-file event says one changed.
#[derive(Default)]
pub struct Configs {
    files: HashMap<PathBuf, Result<Arc<Config>, String>>,
}

impl Configs {
    pub fn clear(&mut self) {
        self.files.clear();
    }

    fn file_config(&mut self, dir: &Path) -> Option<Result<Arc<Config>, String>> {
        let path = Config::find(dir)?;
        let entry = self
            .files
            .entry(path.clone())
            .or_insert_with(|| Config::load(&path, &rules::names()).map(Arc::new));
        Some(entry.clone())
    }

    /// The configuration for a document: its `section55.toml` (if any) over the settings. An
    /// unreadable or invalid file is returned as an error message, and the settings alone apply.
    pub fn for_document(
        &mut self,
        uri: &Uri,
        settings: &Settings,
    ) -> (Arc<Config>, Option<String>) {
        let dir = uri
            .scheme()
            .as_str()
            .eq_ignore_ascii_case("file")
            .then(|| uri.to_file_path())
            .flatten()
            .and_then(|p| p.parent().map(Path::to_path_buf));
        let file = dir.and_then(|d| self.file_config(&d));
        let (file, problem) = match file {
            Some(Ok(config)) => (Some(config), None),
            Some(Err(message)) => (None, Some(message)),
            None => (None, None),
        };
        (Arc::new(merge(settings, file.as_deref())), problem)
    }
}

pub fn merge(settings: &Settings, file: Option<&Config>) -> Config {
    let mut config = Config {
        rules: settings.rules.clone(),
        ..Config::default()
    };
    config.catalogue.extra_forces = settings.forces.clone();
    config.catalogue.extra_publication_types = settings.publication_types.clone();
    if let Some(file) = file {
        config
            .rules
            .extend(file.rules.iter().map(|(k, v)| (k.clone(), *v)));
        config.profile = file.profile;
        config.required_sections = file.required_sections.clone();
        config.progress = file.progress.clone();
        config.prose = file.prose.clone();
        config.labels = file.labels.clone();
        config.catalogue.extra_bodies = file.catalogue.extra_bodies.clone();
        for force in &file.catalogue.extra_forces {
            if !config.catalogue.extra_forces.contains(force) {
                config.catalogue.extra_forces.push(force.clone());
            }
        }
        for kind in &file.catalogue.extra_publication_types {
            if !config.catalogue.extra_publication_types.contains(kind) {
                config.catalogue.extra_publication_types.push(kind.clone());
            }
        }
        config.source = file.source.clone();
    }
    config
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lenient_settings() {
        let s = Settings::from_json(&json!({
            "rules": {"overdue": "off", "overdu": "off", "schema": "loud"},
            "catalogue": {"forces": ["Example Police"], "publicationTypes": ["New type"]}
        }));
        assert_eq!(s.rules.get("overdue"), Some(&Level::Off));
        assert_eq!(s.rules.len(), 1);
        assert_eq!(s.problems.len(), 2);
        assert_eq!(s.forces, vec!["Example Police"]);
        assert_eq!(s.publication_types, vec!["New type"]);
    }

    #[test]
    fn the_file_wins_for_rules_and_catalogues_add_up() {
        let s = Settings::from_json(
            &json!({"rules": {"overdue": "off"}, "catalogue": {"forces": ["A"]}}),
        );
        let file = Config::parse(
            "[rules]\noverdue = \"error\"\n[catalogue]\nforces = [\"B\"]\n",
            &rules::names(),
        )
        .unwrap_or_default();
        let merged = merge(&s, Some(&file));
        assert_eq!(merged.rules.get("overdue"), Some(&Level::Error));
        assert_eq!(merged.catalogue.extra_forces, vec!["A", "B"]);
    }
}
