//! The template's wording: headings, labels and sentences. `render` writes them and `import`
//! recognises them (with the variants offices use), so they are defined once, here; section
//! headings come from the template (`crate::template`).

use crate::template;

pub const TITLE_SUFFIX: &str = "response to inspections published by His Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)";
pub const STATUTE: &str = "Section 55 of the Police Act 1996 (as amended by section 37 of the Policing and Crime Act 2017) requires local policing bodies to publish comments on every inspection report about their force before the end of the period of 56 days beginning with the day on which the report is published.";

pub const FORCE: &str = template::FORCE.title;
pub const INSPECTION_TITLE: &str = template::INSPECTION_TITLE.title;
pub const PUBLISHED: &str = template::PUBLISHED.title;
pub const PUBLICATION_TYPES: &str = template::PUBLICATION_TYPES.title;
pub const FORCES: &str = template::FORCES.title;
pub const LINK: &str = template::LINK.title;
pub const DEADLINE: &str = template::RESPONSE_DEADLINE.title;

pub const KEY_FINDINGS: &str = template::KEY_FINDINGS.title;
pub const RECOMMENDATIONS: &str = template::RECOMMENDATIONS.title;
pub const RECOMMENDATION: &str = "Recommendation";
pub const CAUSES_OF_CONCERN: &str = template::CAUSES_OF_CONCERN.title;
pub const CAUSE_OF_CONCERN: &str = "Cause of concern";
pub const AREAS_FOR_IMPROVEMENT: &str = template::AREAS_FOR_IMPROVEMENT.title;
pub const AREA_FOR_IMPROVEMENT: &str = "Area for improvement";
pub const CHIEF_CONSTABLE_RESPONSE: &str = template::CHIEF_CONSTABLE_RESPONSE.title;

/// The first line of a draft, before its open findings.
pub const DRAFT_NOTICE: &str = "DRAFT: not for publication.";
pub const NO_FINDINGS_LEFT: &str = "No findings are open.";

pub const NO_RECOMMENDATIONS: &str = "There were no recommendations.";
pub const NO_CAUSES_OF_CONCERN: &str = "There were no causes of concern.";
pub const NO_AREAS_FOR_IMPROVEMENT: &str = "There were no areas for improvement.";
pub const NO_CHIEF_COMMENTS: &str =
    "The Chief Constable was invited to comment on the report and submitted no comments.";
pub const INVITED_ON: &str = "Invited to comment";
pub const NOTHING_RECORDED: &str = "Nothing recorded yet.";
/// Written after a link's text in the Word document when the file gives no address.
pub const NO_ADDRESS: &str = "(no address)";

pub const DIRECTED_AT: &str = "Directed at";
pub const DUE: &str = "Due";
pub const STATUS: &str = "Status";
pub const RELATED_RECOMMENDATIONS: &str = "Related recommendations";
pub const RESPONSE_TO: &str = "Response to";
pub const ACTION: &str = "Action taken or proposed";
pub const NO_ACTION_REASON: &str = "Reason no action will be taken";
pub const PLANNED_COMPLETION: &str = "Planned completion";

/// The follow-up table after the responses.
pub const ACTION_PLAN: &str = "Action plan";
pub const ACTION_PLAN_COLUMNS: [&str; 7] = [
    RESPONSE_TO,
    "Action",
    "Owner",
    "Due",
    "Progress",
    "Updated",
    "Notes",
];

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

/// The template's PCC heading without its first word ("response to report and ..."), which the
/// document heads with the body's own name.
pub fn pcc_response_suffix() -> &'static str {
    let title = template::PCC_RESPONSE.title;
    title.split_once(' ').map_or(title, |(_, rest)| rest)
}

/// The heading of the policing body's own response section.
pub fn pcc_response_heading(policing_body: &str) -> String {
    format!("{policing_body} {}", pcc_response_suffix())
}

/// "Recommendation 3".
pub fn item_name(kind: &str, id: u32) -> String {
    format!("{kind} {id}")
}

/// "Recommendation 3:", as the template heads an item.
pub fn item_heading(kind: &str, id: u32) -> String {
    format!("{}:", item_name(kind, id))
}
