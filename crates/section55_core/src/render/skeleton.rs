//! `new`: a response file to start from. The report's facts come from the command line and the
//! catalogue (the force's local policing body, the statutory deadline); every text is a `TODO`
//! placeholder that `empty-section` flags until it is written. Each top-level key gets the
//! schema's description as a comment, so the file explains itself.

use chrono::NaiveDate;

use crate::catalogue::{Catalogue, ForceMatch};
use crate::dates;
use crate::model::{
    Inspection, OfficeUse, Response, ResponseSection, WelshKeyFindings, WelshText, WelshTitle,
};
use crate::template;

/// What `section55 new` is told about the report.
pub struct NewResponse {
    pub force: String,
    pub title: String,
    pub published: NaiveDate,
    pub publication_types: Vec<String>,
    pub link: Option<String>,
    /// The forces the report covers; empty means the force itself.
    pub inspected: Vec<String>,
    /// The local policing body, when the catalogue does not know the force's.
    pub policing_body: Option<String>,
    /// Welsh beside the English (`new --lang both`): a `cy` placeholder beside each text, for a
    /// response published in both languages.
    pub welsh: bool,
}

/// What a new bilingual file holds in Welsh until it is written: a placeholder, which
/// `welsh-text-missing` reports once the English beside it is written.
const WELSH_PLACEHOLDER: &str = "TODO: ysgrifennwch hwn yn Gymraeg (write this in Welsh)";

/// Examples shown as comments under the lists a new file starts empty.
const RECOMMENDATION_EXAMPLE: &str = "\
# For example:
#   - id: 1
#     text: By 31 March 2026, all police forces should ...
#     due: 2026-03-31
#     status: accepted   # accepted | partially-accepted | not-accepted | not-applicable
# and answer each one under chief_constable_response or pcc_response:
#   responses:
#     - recommendation: 1
#       action: ...            # or no_action_reason: ...
";

const AREA_EXAMPLE: &str = "\
# For example:
#   - id: 1
#     text: The force should ...
";

/// The new response, checked against the catalogue.
pub fn response(new: &NewResponse, catalogue: &Catalogue) -> Result<Response, String> {
    let (force, body) = force_and_body(new, catalogue)?;
    let deadline = dates::last_day(new.published)
        .ok_or_else(|| format!("{} is too late a date to count 56 days from", new.published))?;
    let inspected = if new.inspected.is_empty() {
        vec![force.clone()]
    } else {
        new.inspected
            .iter()
            .map(|f| canonical_force(f, catalogue))
            .collect()
    };
    let types = if new.publication_types.is_empty() {
        vec![template::placeholder_of(&template::PUBLICATION_TYPES).to_owned()]
    } else {
        new.publication_types
            .iter()
            .map(|t| catalogue.find_publication_type(t).unwrap_or(t).to_owned())
            .collect()
    };
    // A block text, as the template's skeleton writes it.
    let text = |section: &template::Section| format!("{}\n", template::placeholder_of(section));
    let welsh = |value: String| new.welsh.then_some(value);
    let welsh_text =
        || welsh(WELSH_PLACEHOLDER.to_owned()).map(|text| WelshText { text: Some(text) });
    let section = |text: &str| ResponseSection {
        submitted: None,
        invited_on: None,
        text: text.to_owned(),
        responses: None,
        cy: welsh_text(),
    };
    Ok(Response {
        schema: None,
        policing_body: body,
        force,
        inspection: Inspection {
            title: new.title.trim().to_owned(),
            published: new.published,
            publication_types: types,
            forces: inspected,
            link: new
                .link
                .clone()
                .unwrap_or_else(|| template::placeholder_of(&template::LINK).to_owned()),
            cy: welsh(WELSH_PLACEHOLDER.to_owned()).map(|title| WelshTitle { title: Some(title) }),
        },
        response_deadline: deadline,
        key_findings: text(&template::KEY_FINDINGS),
        recommendations: Vec::new(),
        causes_of_concern: None,
        areas_for_improvement: Vec::new(),
        chief_constable_response: section(&text(&template::CHIEF_CONSTABLE_RESPONSE)),
        pcc_response: section(&text(&template::PCC_RESPONSE)),
        office_use: Some(OfficeUse {
            forwarded_to_chief_constable: Some(false),
            forwarded_to_police_and_crime_panel: Some(false),
            submitted_to_hmicfrs: Some(false),
            sent_to_home_secretary: Some(false),
            published_on_website: Some(false),
            published_on: None,
        }),
        cy: welsh(format!("{WELSH_PLACEHOLDER}\n")).map(|key_findings| WelshKeyFindings {
            key_findings: Some(key_findings),
        }),
    })
}

/// The new response file's text: `yaml_serde`'s output with the schema's descriptions as
/// comments above the top-level keys.
pub fn file(new: &NewResponse, catalogue: &Catalogue) -> Result<String, String> {
    let response = response(new, catalogue)?;
    let yaml = yaml_serde::to_string(&response).map_err(|e| e.to_string())?;
    let mut out = String::from(
        "# A Section 55 response. Replace every TODO, then run `section55 check` on this file.\n",
    );
    for line in yaml.lines() {
        let key = top_level_key(line);
        if let Some(description) = key.and_then(description) {
            out.push('\n');
            out.push_str(&comment(&description));
        }
        out.push_str(line);
        let unconfirmed = template::UNCONFIRMED_LISTS
            .iter()
            .find(|section| Some(section.key) == key && line.ends_with("[]"));
        if let Some(section) = unconfirmed {
            out.push_str(" # ");
            out.push_str(template::placeholder_of(section));
        }
        out.push('\n');
        match key {
            Some("recommendations") => out.push_str(RECOMMENDATION_EXAMPLE),
            Some("areas_for_improvement") => out.push_str(AREA_EXAMPLE),
            _ => {}
        }
    }
    Ok(out)
}

fn force_and_body(new: &NewResponse, catalogue: &Catalogue) -> Result<(String, String), String> {
    let found = catalogue.find_force(&new.force);
    let force = found.map_or_else(|| new.force.trim().to_owned(), |f| f.name().to_owned());
    if let Some(body) = &new.policing_body {
        return Ok((force, body.trim().to_owned()));
    }
    match found {
        Some(ForceMatch::Builtin(f)) => match &f.policing_body {
            Some(body) => Ok((force, body.clone())),
            None => Err(format!(
                "{} has no local policing body: section 55 applies to the 43 territorial forces of England and Wales; pass --policing-body BODY if you respond for it all the same",
                f.name
            )),
        },
        Some(ForceMatch::Extra(name)) => Err(format!(
            "the catalogue does not know the local policing body of {name}: pass --policing-body BODY"
        )),
        None => {
            let suggestions = catalogue.suggest_forces(&new.force);
            let hint = match suggestions.as_slice() {
                [] => String::new(),
                names => format!(
                    " (did you mean {}?)",
                    names
                        .iter()
                        .map(|n| format!("\"{n}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            Err(format!(
                "unknown force \"{}\"{hint}; use a force's name or short name, or pass --policing-body BODY for a force the catalogue does not list",
                new.force
            ))
        }
    }
}

fn canonical_force(name: &str, catalogue: &Catalogue) -> String {
    catalogue
        .find_force(name)
        .map_or_else(|| name.trim().to_owned(), |f| f.name().to_owned())
}

/// `key` for a line `key: ...` or `key:` at the top level of yaml_serde's block output.
fn top_level_key(line: &str) -> Option<&str> {
    let (key, _) = line.split_once(':')?;
    (!key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')).then_some(key)
}

/// The schema's description of a top-level key.
fn description(key: &str) -> Option<String> {
    let text = crate::schema::schema()
        .get("properties")?
        .get(key)?
        .get("description")?
        .as_str()?;
    Some(text.to_owned())
}

/// `text` as `# ` comment lines of at most about 100 characters.
fn comment(text: &str) -> String {
    let mut out = String::new();
    let mut line = String::from("#");
    for word in text.split_whitespace() {
        if line.len() + word.len() > 98 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}
