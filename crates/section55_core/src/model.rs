//! The response file (format version 1, SPEC §3) as Rust types. This is the single definition:
//! the JSON Schema in `schemas/` is generated from it (see `schema.rs`), `render` reads it and
//! `import` writes it. Doc comments become the schema's descriptions, so they are written for the
//! person filling in the file.

use std::num::NonZeroU32;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalogue;

/// A local policing body's comments on an HMICFRS inspection report about its force, published under section 55 of the Police Act 1996.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Section 55 response")]
pub struct Response {
    /// The JSON Schema this file follows, for editors that read it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The local policing body publishing the comments, e.g. "Police and Crime Commissioner for Norfolk".
    #[schemars(extend("examples" = catalogue::policing_body_names()))]
    pub policing_body: String,
    /// The police force this response is about, e.g. "Norfolk Constabulary".
    #[schemars(extend("examples" = catalogue::force_names()))]
    pub force: String,
    /// The HMICFRS report being responded to.
    pub inspection: Inspection,
    /// The last day to publish the comments: the report's publication date + 55 days (s.55(5A): 56 days beginning with the day of publication).
    pub response_deadline: NaiveDate,
    /// A summary of the report's key findings.
    pub key_findings: String,
    /// The report's recommendations; `[]` if it made none. Every recommendation must be answered (s.55(5B)).
    pub recommendations: Vec<Recommendation>,
    /// The report's causes of concern, each with the recommendations that address it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub causes_of_concern: Option<Vec<CauseOfConcern>>,
    /// The report's areas for improvement; `[]` if it identified none.
    pub areas_for_improvement: Vec<AreaForImprovement>,
    /// The chief officer's comments on the report (s.55(4)).
    pub chief_constable_response: ResponseSection,
    /// The local policing body's own comments and its response to the chief officer's (s.55(5)).
    pub pcc_response: ResponseSection,
    /// The office's checklist of what has been done with the response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_use: Option<OfficeUse>,
    /// Welsh (Cymraeg) beside the English: the key findings summary in Welsh. Each level that has texts may hold a `cy` mapping with their Welsh versions, for a response published in both languages (the Welsh Language Standards).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cy: Option<WelshKeyFindings>,
}

/// The key findings summary in Welsh.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WelshKeyFindings {
    /// Crynodeb o'r prif ganfyddiadau: the key findings summary, in Welsh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_findings: Option<String>,
}

/// A title in Welsh.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WelshTitle {
    /// The report's title in Welsh, as HMICFRS publishes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A text in Welsh.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WelshText {
    /// The text in Welsh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A response's texts in Welsh.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WelshItemResponse {
    /// The action, in Welsh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Why no action is taken, in Welsh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_action_reason: Option<String>,
    /// The notes, in Welsh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// The inspection report, as HMICFRS publishes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Inspection {
    /// The report's title, as on the HMICFRS website.
    pub title: String,
    /// The day HMICFRS published the report (day 1 of the 56-day period).
    pub published: NaiveDate,
    /// The report's publication types on the HMICFRS website, e.g. "PEEL" or "Child protection".
    #[schemars(length(min = 1), extend("items" = {"type": "string", "examples": catalogue::publication_type_names()}))]
    pub publication_types: Vec<String>,
    /// The forces the report covers, e.g. "Norfolk Constabulary" or "All local forces in England and Wales".
    #[schemars(length(min = 1), extend("items" = {"type": "string", "examples": catalogue::force_names()}))]
    pub forces: Vec<String>,
    /// The address of the report on justiceinspectorates.gov.uk (https).
    pub link: String,
    /// The report's title in Welsh (`cy: {title: ...}`), for a report HMICFRS publishes in Welsh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cy: Option<WelshTitle>,
}

/// How the force and the body stand on a recommendation or area for improvement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The recommendation is accepted and will be acted on.
    Accepted,
    /// Part of the recommendation is accepted.
    PartiallyAccepted,
    /// The recommendation is not accepted; the response must say why no action will be taken.
    NotAccepted,
    /// The recommendation does not apply to this force.
    NotApplicable,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Accepted,
        Status::PartiallyAccepted,
        Status::NotAccepted,
        Status::NotApplicable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Accepted => "accepted",
            Status::PartiallyAccepted => "partially-accepted",
            Status::NotAccepted => "not-accepted",
            Status::NotApplicable => "not-applicable",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// A recommendation made by the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    /// The recommendation's number in the report (a positive whole number, unique in this file).
    pub id: NonZeroU32,
    /// The recommendation as the report words it.
    pub text: String,
    /// The date by which the report asks for it to be done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Who the recommendation is addressed to, e.g. "Chief constables".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directed_at: Option<Vec<String>>,
    /// Whether it is accepted: accepted, partially-accepted, not-accepted or not-applicable.
    pub status: Status,
    /// The Welsh version of this text (`cy: {text: ...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cy: Option<WelshText>,
}

/// A cause of concern identified by the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CauseOfConcern {
    /// The cause of concern's number in the report.
    pub id: NonZeroU32,
    /// The cause of concern as the report words it.
    pub text: String,
    /// The ids of the recommendations that address it.
    #[serde(default)]
    pub recommendations: Vec<NonZeroU32>,
    /// The Welsh version of this text (`cy: {text: ...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cy: Option<WelshText>,
}

/// An area for improvement identified by the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaForImprovement {
    /// The area for improvement's number in the report (unique in this file).
    pub id: NonZeroU32,
    /// The area for improvement as the report words it.
    pub text: String,
    /// Whether it is accepted: accepted, partially-accepted, not-accepted or not-applicable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// The Welsh version of this text (`cy: {text: ...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cy: Option<WelshText>,
}

/// A response section: the comments, and optionally a response to each recommendation or area for improvement. The chief constable's section may instead record that the chief officer was invited to comment (s.55(4)) and submitted none: `submitted: false`, with `invited_on`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend(
    "anyOf" = [
        {"required": ["text"]},
        {"required": ["submitted"], "properties": {"submitted": {"const": false}}}
    ]
))]
pub struct ResponseSection {
    /// Chief constable's section only: `false` when the chief officer, invited to comment under s.55(4), submitted no comments (then `text` may be left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<bool>,
    /// Chief constable's section only: the date the chief officer was invited to comment (s.55(4)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invited_on: Option<NaiveDate>,
    /// The comments on the report.
    #[serde(default)]
    pub text: String,
    /// Responses to individual recommendations and areas for improvement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responses: Option<Vec<ItemResponse>>,
    /// The comments in Welsh (`cy: {text: ...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cy: Option<WelshText>,
}

/// A response to one recommendation or area for improvement: the action taken or proposed (s.55(5B)(a)), or why no action has been or will be taken (s.55(5B)(b)).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend(
    "allOf" = [
        {"oneOf": [{"required": ["recommendation"]}, {"required": ["area_for_improvement"]}]},
        {"oneOf": [{"required": ["action"]}, {"required": ["no_action_reason"]}]}
    ]
))]
pub struct ItemResponse {
    /// The id of the recommendation this answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommendation: Option<NonZeroU32>,
    /// The id of the area for improvement this answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_for_improvement: Option<NonZeroU32>,
    /// The action taken or proposed (s.55(5B)(a)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Why no action has been or will be taken (s.55(5B)(b)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_action_reason: Option<String>,
    /// The planned completion date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Follow-up after publication: how far the action has got: not-started, in-progress, complete or closed (or one of the office's own states from `[progress]` in section55.toml). No `progress` means not started; an action whose `due` has passed is overdue until it is complete or closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("examples" = crate::facts::progress::names().collect::<Vec<_>>()))]
    pub progress: Option<String>,
    /// Follow-up: the date `progress` was last brought up to date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<NaiveDate>,
    /// Follow-up: who is responsible for the action (a person, role or team).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Follow-up: notes on the action's progress, for the office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The action, reason and notes in Welsh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cy: Option<WelshItemResponse>,
}

/// The office's checklist.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OfficeUse {
    /// The response was forwarded to the chief constable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forwarded_to_chief_constable: Option<bool>,
    /// The response was forwarded to the police and crime panel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forwarded_to_police_and_crime_panel: Option<bool>,
    /// A copy was submitted to HMICFRS (s.55(6)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_to_hmicfrs: Option<bool>,
    /// A copy was sent to the Home Secretary (s.55(6)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_to_home_secretary: Option<bool>,
    /// The response was published on the body's website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_on_website: Option<bool>,
    /// The date the response was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_on: Option<NaiveDate>,
}
