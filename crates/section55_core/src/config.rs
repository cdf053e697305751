//! `section55.toml`: per-rule severity and catalogue extensions, found by walking up from the
//! checked file. Unknown rules, severities or keys are errors that say what is allowed, so a typo
//! never silently disables a check.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::catalogue::{Catalogue, DatedBody, ExtraBody};
use crate::diagnostic::Severity;
use crate::facts::progress;
use crate::suggest;

pub const FILE_NAME: &str = "section55.toml";

/// Names in `[rules]` that switch a family of rules that is off by default, all at one level
/// (`prose = "info"`); a rule named on its own line overrides its family's level.
pub const RULE_FAMILIES: &[&str] = &[PROSE];

/// The plain-English rules (`long-sentence`, `acronym-not-expanded`, `passive-voice`,
/// `words-to-avoid`).
pub const PROSE: &str = "prose";

/// A rule's configured level: a severity, or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }
}

/// Which sections `missing-section` requires.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// The template's sections (the default).
    #[default]
    Template,
    /// Only what section 55 requires: the body's comments, the chief officer's comments (or the
    /// record that none were submitted), the recommendations to explain, and the report's
    /// details needed to judge the deadline.
    Statutory,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// Severity overrides by rule name (validated against the registry).
    pub rules: BTreeMap<String, Level>,
    pub profile: Profile,
    /// Sections the office requires on top of the profile's (top-level keys).
    pub required_sections: Vec<String>,
    pub catalogue: Catalogue,
    /// The office's own follow-up states for actions (`[progress]`).
    pub progress: progress::Extra,
    /// The plain-English rules' settings (`[prose]`).
    pub prose: Prose,
    /// The office's own wording of the rendered document (`[labels.en]`, `[labels.cy]`).
    pub labels: LabelOverrides,
    /// The file this came from, if any.
    pub source: Option<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: BTreeMap<String, Level>,
    #[serde(default)]
    profile: Profile,
    #[serde(default)]
    required_sections: Vec<String>,
    #[serde(default)]
    catalogue: RawCatalogue,
    #[serde(default)]
    progress: RawProgress,
    #[serde(default)]
    prose: Prose,
    #[serde(default)]
    labels: LabelOverrides,
}

/// `[labels.en]` and `[labels.cy]`: label name = the office's wording, for `render`. The names
/// are `render::labels::Labels::NAMES` (`render` checks them, with a suggestion for a misspelt
/// one: the configuration sits below the documents and does not know their words).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelOverrides {
    #[serde(default)]
    pub en: BTreeMap<String, String>,
    #[serde(default)]
    pub cy: BTreeMap<String, String>,
}

/// `[prose]`: the settings of the plain-English rules.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Prose {
    /// `long-sentence` reports sentences of more words than this (GOV.UK: about 25).
    pub sentence_words: usize,
    /// Acronyms the office's readers know, never reported by `acronym-not-expanded` (on top
    /// of the few GOV.UK says need no explaining, such as UK and NHS).
    pub acronyms: Vec<String>,
    /// The words `words-to-avoid` reports, replacing its built-in list when given.
    pub words_to_avoid: Option<Vec<String>>,
}

impl Default for Prose {
    fn default() -> Self {
        Prose {
            sentence_words: 25,
            acronyms: Vec::new(),
            words_to_avoid: None,
        }
    }
}

/// `[progress]`: an office's own states for actions, open ones and ones that close an action.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProgress {
    #[serde(default)]
    open: Vec<String>,
    #[serde(default)]
    done: Vec<String>,
}

impl RawProgress {
    /// The states, each new and written as a state is (lower case, digits, hyphens).
    fn into_extra(self) -> Result<progress::Extra, String> {
        let mut seen: Vec<&str> = progress::names().collect();
        for state in self.open.iter().chain(&self.done) {
            if state.is_empty()
                || !state
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return Err(format!(
                    "[progress]: `{state}` is not a state name: use lower case letters, digits and hyphens, e.g. awaiting-funding"
                ));
            }
            if seen.contains(&state.as_str()) {
                return Err(format!(
                    "[progress]: `{state}` is listed twice (the built-in states are {})",
                    progress::names().collect::<Vec<_>>().join(", ")
                ));
            }
            seen.push(state);
        }
        Ok(progress::Extra {
            open: self.open,
            done: self.done,
        })
    }
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    #[serde(default)]
    forces: Vec<String>,
    #[serde(default)]
    publication_types: Vec<String>,
    #[serde(default)]
    policing_bodies: Vec<RawBody>,
}

/// `[[catalogue.policing_bodies]]`: a force's local policing body from a date (and to one).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBody {
    force: String,
    name: String,
    from: toml::value::Datetime,
    #[serde(default)]
    until: Option<toml::value::Datetime>,
}

/// A TOML date (`from = 2028-05-08`) as a calendar date.
fn toml_date(value: &toml::value::Datetime, what: &str) -> Result<chrono::NaiveDate, String> {
    match (value.date, value.time) {
        (Some(d), None) => {
            chrono::NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
                .ok_or_else(|| format!("{what}: {value} is not a date"))
        }
        _ => Err(format!(
            "{what}: `{value}` is not a date: write it as YYYY-MM-DD without quotes"
        )),
    }
}

impl RawBody {
    fn into_body(self) -> Result<ExtraBody, String> {
        let what = format!("[[catalogue.policing_bodies]] \"{}\"", self.name);
        let from = toml_date(&self.from, &what)?;
        let until = self
            .until
            .as_ref()
            .map(|u| toml_date(u, &what))
            .transpose()?;
        if until.is_some_and(|u| u < from) {
            return Err(format!("{what}: `until` is before `from`"));
        }
        Ok(ExtraBody {
            force: self.force,
            body: DatedBody {
                name: self.name,
                from: Some(from),
                until,
                source: String::from(FILE_NAME),
            },
        })
    }
}

impl Config {
    /// Parses a configuration; `rule_names` are the rules it may name.
    pub fn parse(text: &str, rule_names: &[&str]) -> Result<Config, String> {
        let raw: RawConfig =
            toml::from_str(text).map_err(|e| e.to_string().trim_end().to_owned())?;
        if let Some(unknown) = raw.rules.keys().find(|name| {
            !rule_names.contains(&name.as_str()) && !RULE_FAMILIES.contains(&name.as_str())
        }) {
            let names = rule_names.iter().chain(RULE_FAMILIES).copied();
            let hint = suggest::did_you_mean(unknown, names);
            return Err(format!(
                "unknown rule `{unknown}` in [rules]{hint}; `section55 rules` lists them"
            ));
        }
        let sections: Vec<&str> = crate::template::SECTIONS.iter().map(|s| s.key).collect();
        if let Some(unknown) = raw
            .required_sections
            .iter()
            .find(|name| !sections.contains(&name.as_str()))
        {
            let hint = suggest::did_you_mean(unknown, sections.iter().copied());
            return Err(format!(
                "unknown section `{unknown}` in required_sections{hint}; use the response file's top-level keys ({})",
                sections.join(", ")
            ));
        }
        let config = Config {
            rules: raw.rules,
            profile: raw.profile,
            required_sections: raw.required_sections,
            catalogue: Catalogue {
                extra_forces: raw.catalogue.forces,
                extra_publication_types: raw.catalogue.publication_types,
                extra_bodies: raw
                    .catalogue
                    .policing_bodies
                    .into_iter()
                    .map(RawBody::into_body)
                    .collect::<Result<_, _>>()?,
            },
            progress: raw.progress.into_extra()?,
            prose: raw.prose,
            labels: raw.labels,
            source: None,
        };
        if config.prose.sentence_words < 5 {
            return Err(format!(
                "[prose] sentence_words = {}: a sentence limit under 5 words would report nearly every sentence; GOV.UK's guidance is about 25",
                config.prose.sentence_words
            ));
        }
        let catalogue = &config.catalogue;
        if let Some(unknown) = catalogue
            .extra_bodies
            .iter()
            .find(|b| catalogue.find_force(&b.force).is_none())
        {
            let hint = match catalogue.suggest_forces(&unknown.force).first() {
                Some(name) => format!(" (did you mean `{name}`?)"),
                None => String::new(),
            };
            return Err(format!(
                "[[catalogue.policing_bodies]]: unknown force `{}`{hint}; name a built-in force or one listed under [catalogue] forces",
                unknown.force
            ));
        }
        Ok(config)
    }

    pub fn load(path: &Path, rule_names: &[&str]) -> Result<Config, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut config =
            Config::parse(&text, rule_names).map_err(|e| format!("{}: {e}", path.display()))?;
        config.source = Some(path.to_owned());
        Ok(config)
    }

    /// The nearest `section55.toml` in `dir` or its ancestors.
    pub fn find(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_levels_and_extensions() {
        let c = Config::parse(
            "[rules]\noverdue = \"off\"\n[catalogue]\nforces = [\"Example Police\"]\n",
            &["overdue"],
        )
        .expect("valid");
        assert_eq!(c.rules.get("overdue"), Some(&Level::Off));
        assert_eq!(c.catalogue.extra_forces, vec!["Example Police"]);
    }

    #[test]
    fn an_offices_own_progress_states() {
        let c = Config::parse(
            "[progress]\nopen = [\"awaiting-funding\"]\ndone = [\"superseded\"]\n",
            &[],
        )
        .expect("valid");
        assert!(c.progress.is_done("superseded") && !c.progress.is_done("awaiting-funding"));
        let twice = Config::parse("[progress]\ndone = [\"closed\"]\n", &[]).expect_err("twice");
        assert!(twice.contains("listed twice"), "{twice}");
        assert!(Config::parse("[progress]\nopen = [\"On Hold\"]\n", &[]).is_err());
        assert!(Config::parse("[progress]\nstates = []\n", &[]).is_err());
    }

    #[test]
    fn rejects_unknown_rules_and_levels() {
        let e = Config::parse("[rules]\noverdu = \"off\"\n", &["overdue"]).expect_err("unknown");
        assert!(e.contains("did you mean `overdue`"), "{e}");
        assert!(Config::parse("[rules]\noverdue = \"loud\"\n", &["overdue"]).is_err());
        assert!(Config::parse("[rulez]\n", &["overdue"]).is_err());
    }
}
