//! The template's wording: headings, labels and sentences. `render` writes them and `import`
//! recognises them (with the variants offices use), so they are defined once, here.

pub const TITLE_SUFFIX: &str = "response to inspections published by His Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)";
pub const STATUTE: &str = "Section 55 of the Police Act 1996 (as amended by section 37 of the Policing and Crime Act 2017) requires local policing bodies to publish comments on every inspection report about their force before the end of the period of 56 days beginning with the day on which the report is published.";

pub const FORCE: &str = "Force";
pub const INSPECTION_TITLE: &str = "Inspection Title";
pub const PUBLISHED: &str = "Published on";
pub const PUBLICATION_TYPES: &str = "Publication Types";
pub const FORCES: &str = "Police Forces";
pub const LINK: &str = "Link to Report";
pub const DEADLINE: &str = "Section 55 Response Deadline";

pub const KEY_FINDINGS: &str = "Key Findings";
pub const RECOMMENDATIONS: &str = "Recommendations";
pub const RECOMMENDATION: &str = "Recommendation";
pub const CAUSES_OF_CONCERN: &str = "Causes of Concern";
pub const CAUSE_OF_CONCERN: &str = "Cause of concern";
pub const AREAS_FOR_IMPROVEMENT: &str = "Areas For Improvement";
pub const AREA_FOR_IMPROVEMENT: &str = "Area for improvement";
pub const CHIEF_CONSTABLE_RESPONSE: &str =
    "Chief Constable response to report and any Recommendations/Areas For Improvement";
pub const PCC_RESPONSE_SUFFIX: &str =
    "response to report and any Recommendations/Areas For Improvement";
pub const OFFICE_USE: &str = "For Office Use Only:";

pub const NO_RECOMMENDATIONS: &str = "There were no recommendations.";
pub const NO_CAUSES_OF_CONCERN: &str = "There were no causes of concern.";
pub const NO_AREAS_FOR_IMPROVEMENT: &str = "There were no areas for improvement.";
pub const NOTHING_RECORDED: &str = "Nothing recorded yet.";

pub const DIRECTED_AT: &str = "Directed at";
pub const DUE: &str = "Due";
pub const STATUS: &str = "Status";
pub const RELATED_RECOMMENDATIONS: &str = "Related recommendations";
pub const RESPONSE_TO: &str = "Response to";
pub const ACTION: &str = "Action taken or proposed";
pub const NO_ACTION_REASON: &str = "Reason no action will be taken";
pub const PLANNED_COMPLETION: &str = "Planned completion";

pub const FORWARDED_TO_CHIEF_CONSTABLE: &str = "Response forwarded to the Chief Constable.";
pub const FORWARDED_TO_PANEL: &str = "Response forwarded to the Police and Crime Panel.";
pub const SUBMITTED_TO_HMICFRS: &str = "Response submitted to HMICFRS.";
pub const SENT_TO_HOME_SECRETARY: &str = "Response sent to the Home Secretary.";
pub const PUBLISHED_ON_WEBSITE: &str = "Response published on the website.";
pub const DATE_PUBLISHED: &str = "Date published";

/// "Norfolk's PCC response to inspections published by ... (HMICFRS)".
pub fn document_title(policing_body: &str) -> String {
    format!("{policing_body} {TITLE_SUFFIX}")
}

/// The heading of the policing body's own response section.
pub fn pcc_response_heading(policing_body: &str) -> String {
    format!("{policing_body} {PCC_RESPONSE_SUFFIX}")
}

/// "Recommendation 3".
pub fn item_name(kind: &str, id: u32) -> String {
    format!("{kind} {id}")
}

/// "Recommendation 3:", as the template heads an item.
pub fn item_heading(kind: &str, id: u32) -> String {
    format!("{}:", item_name(kind, id))
}
