//! The template's wording: headings, labels and sentences. `render` writes them and `import`
//! recognises them (with the variants offices use), so they are defined once, here; section
//! headings come from the template (`crate::template`).

use std::borrow::Cow;

use crate::model::Status;
use crate::template;

const TITLE: &str = "{body} response to inspections published by His Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)";
const PCC_RESPONSE: &str =
    "{body} response to report and any Recommendations/Areas For Improvement";
const OFFICE_USE: &str = "For Office Use Only:";
const ITEM_HEADING: &str = "{kind} {id}:";
const PAGE_TITLE: &str = "{body}: response to {report}";
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
/// Written before an address that is not a web address: "the report (address: #)".
pub const ADDRESS: &str = "address";

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

/// The writers' own words (not the template's): a page's parts and the draft's notice.
pub const SKIP_LINK: &str = "Skip to the response";
pub const CONTENTS: &str = "Contents";
pub const OPEN_FINDINGS: &str = "Open findings";
pub const DRAFT_WORD: &str = "DRAFT";
pub const DONE: &str = "done";
pub const NOT_DONE: &str = "not done";
pub const AND: &str = "and";
/// The link to the page in the other language names that language in itself (GOV.UK's pattern).
pub const LANGUAGE_NAME: &str = "English";

pub const ACCEPTED: &str = "Accepted";
pub const PARTIALLY_ACCEPTED: &str = "Partially accepted";
pub const NOT_ACCEPTED: &str = "Not accepted";
pub const NOT_APPLICABLE: &str = "Not applicable";

/// Declares [`Labels`]: every word the document uses, by the name an office gives it in
/// `section55.toml` (`[labels.en]`, `[labels.cy]`), in English and in Welsh. `{body}` stands
/// for the policing body's name, `{kind}` and `{id}` for an item's kind and number.
macro_rules! labels {
    ($($(#[$doc:meta])* $name:ident: $en:expr, $cy:expr;)*) => {
        /// The document's words in one language: [`Labels::ENGLISH`], [`Labels::WELSH`], or
        /// either with an office's overrides ([`Labels::set`]).
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Labels {
            $($(#[$doc])* pub $name: Cow<'static, str>,)*
        }

        impl Labels {
            pub const ENGLISH: Labels = Labels { $($name: Cow::Borrowed($en),)* };
            pub const WELSH: Labels = Labels { $($name: Cow::Borrowed($cy),)* };
            /// Every label's name, as `section55.toml` spells it.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            /// Every label: its name and its words, in order.
            pub fn entries(&self) -> Vec<(&'static str, &str)> {
                vec![$((stringify!($name), &*self.$name)),*]
            }

            fn slot(&mut self, name: &str) -> Option<&mut Cow<'static, str>> {
                match name {
                    $(stringify!($name) => Some(&mut self.$name),)*
                    _ => None,
                }
            }
        }
    };
}

// The Welsh wording follows what HMICFRS and the Welsh bodies publish in Welsh, where they do:
// - HMICFRS's Welsh report pages (for example "PEEL 2023–2025: Heddlu Dyfed-Powys",
//   hmicfrs.justiceinspectorates.gov.uk/peel-reports/heddlu-dyfed-powys-2023-25/, read 3 December
//   2026): "Arolygiaeth Cwnstabliaeth a Gwasanaethau Tân ac Achub EF", "achosion pryder",
//   "meysydd i'w gwella", "Heddlu Dyfed-Powys", "Crynodeb";
// - the Welsh bodies' own pages and forms (the North Wales commissioner's review form,
//   "Comisiynydd Heddlu a Throsedd Gogledd Cymru", "Swyddfa'r Comisiynydd"; Gwent's Welsh pages,
//   "Prif Gwnstabl"); the Dyfed-Powys panel's notices, "Panel Heddlu a Throseddu";
// - Welsh Government pages (llyw.cymru) for a page's parts: "Neidio i'r prif gynnwys",
//   "Cyhoeddwyd gyntaf: 6 Chwefror 2024".
// The rest is the usual Welsh of public bodies (argymhelliad, ymateb, cynllun gweithredu); an
// office's translator can replace any label in `section55.toml` (`[labels.cy]`).
labels! {
    /// The document's title: "{body} response to inspections published by ... (HMICFRS)".
    title: TITLE, "Ymateb {body} i arolygiadau a gyhoeddwyd gan Arolygiaeth Cwnstabliaeth a Gwasanaethau Tân ac Achub EF (HMICFRS)";
    /// The page's title (a browser tab's): "{body}: response to {report}".
    page_title: PAGE_TITLE, "{body}: ymateb i {report}";
    /// The paragraph quoting s.55.
    statute: STATUTE, "Mae adran 55 o Ddeddf yr Heddlu 1996 (fel y'i diwygiwyd gan adran 37 o Ddeddf Plismona a Throseddu 2017) yn ei gwneud yn ofynnol i gyrff plismona lleol gyhoeddi sylwadau ar bob adroddiad arolygu am eu heddlu cyn diwedd y cyfnod o 56 diwrnod sy'n dechrau â'r diwrnod y cyhoeddir yr adroddiad.";
    force: FORCE, "Heddlu";
    inspection_title: INSPECTION_TITLE, "Teitl yr arolygiad";
    published: PUBLISHED, "Cyhoeddwyd ar";
    publication_types: PUBLICATION_TYPES, "Mathau o gyhoeddiad";
    forces: FORCES, "Heddluoedd";
    link: LINK, "Dolen i'r adroddiad";
    deadline: DEADLINE, "Dyddiad cau ar gyfer ymateb o dan adran 55";
    key_findings: KEY_FINDINGS, "Prif ganfyddiadau";
    recommendations: RECOMMENDATIONS, "Argymhellion";
    recommendation: RECOMMENDATION, "Argymhelliad";
    causes_of_concern: CAUSES_OF_CONCERN, "Achosion pryder";
    cause_of_concern: CAUSE_OF_CONCERN, "Achos pryder";
    areas_for_improvement: AREAS_FOR_IMPROVEMENT, "Meysydd i'w gwella";
    area_for_improvement: AREA_FOR_IMPROVEMENT, "Maes i'w wella";
    chief_constable_response: CHIEF_CONSTABLE_RESPONSE, "Ymateb y Prif Gwnstabl i'r adroddiad ac i unrhyw Argymhellion neu Feysydd i'w gwella";
    /// The policing body's section: "{body} response to report and ...".
    pcc_response: PCC_RESPONSE, "Ymateb {body} i'r adroddiad ac i unrhyw Argymhellion neu Feysydd i'w gwella";
    office_use: OFFICE_USE, "At ddefnydd y swyddfa yn unig:";
    /// An item's heading: "{kind} {id}:".
    item_heading: ITEM_HEADING, "{kind} {id}:";
    draft_notice: DRAFT_NOTICE, "DRAFFT: nid i'w gyhoeddi.";
    no_findings_left: NO_FINDINGS_LEFT, "Nid oes unrhyw ganfyddiadau ar agor.";
    no_recommendations: NO_RECOMMENDATIONS, "Nid oedd unrhyw argymhellion.";
    no_causes_of_concern: NO_CAUSES_OF_CONCERN, "Nid oedd unrhyw achosion pryder.";
    no_areas_for_improvement: NO_AREAS_FOR_IMPROVEMENT, "Nid oedd unrhyw feysydd i'w gwella.";
    no_chief_comments: NO_CHIEF_COMMENTS, "Gwahoddwyd y Prif Gwnstabl i roi sylwadau ar yr adroddiad ac ni chyflwynodd unrhyw sylwadau.";
    invited_on: INVITED_ON, "Gwahoddwyd i roi sylwadau";
    nothing_recorded: NOTHING_RECORDED, "Dim wedi'i gofnodi eto.";
    no_address: NO_ADDRESS, "(dim cyfeiriad)";
    address: ADDRESS, "cyfeiriad";
    directed_at: DIRECTED_AT, "Wedi'i gyfeirio at";
    due: DUE, "Erbyn";
    status: STATUS, "Statws";
    related_recommendations: RELATED_RECOMMENDATIONS, "Argymhellion cysylltiedig";
    response_to: RESPONSE_TO, "Ymateb i";
    action: ACTION, "Camau a gymerwyd neu a gynigir";
    no_action_reason: NO_ACTION_REASON, "Y rheswm na chymerir unrhyw gamau";
    planned_completion: PLANNED_COMPLETION, "Dyddiad cwblhau arfaethedig";
    action_plan: ACTION_PLAN, "Cynllun gweithredu";
    column_response_to: ACTION_PLAN_COLUMNS[0], "Ymateb i";
    column_action: ACTION_PLAN_COLUMNS[1], "Cam gweithredu";
    column_owner: ACTION_PLAN_COLUMNS[2], "Perchennog";
    column_due: ACTION_PLAN_COLUMNS[3], "Erbyn";
    column_progress: ACTION_PLAN_COLUMNS[4], "Cynnydd";
    column_updated: ACTION_PLAN_COLUMNS[5], "Diweddarwyd";
    column_notes: ACTION_PLAN_COLUMNS[6], "Nodiadau";
    forwarded_to_chief_constable: FORWARDED_TO_CHIEF_CONSTABLE, "Ymateb wedi'i anfon at y Prif Gwnstabl.";
    forwarded_to_panel: FORWARDED_TO_PANEL, "Ymateb wedi'i anfon at y Panel Heddlu a Throseddu.";
    submitted_to_hmicfrs: SUBMITTED_TO_HMICFRS, "Ymateb wedi'i gyflwyno i HMICFRS.";
    sent_to_home_secretary: SENT_TO_HOME_SECRETARY, "Ymateb wedi'i anfon at yr Ysgrifennydd Cartref.";
    published_on_website: PUBLISHED_ON_WEBSITE, "Ymateb wedi'i gyhoeddi ar y wefan.";
    date_published: DATE_PUBLISHED, "Dyddiad cyhoeddi";
    accepted: ACCEPTED, "Derbyniwyd";
    partially_accepted: PARTIALLY_ACCEPTED, "Derbyniwyd yn rhannol";
    not_accepted: NOT_ACCEPTED, "Ni dderbyniwyd";
    not_applicable: NOT_APPLICABLE, "Amherthnasol";
    skip_link: SKIP_LINK, "Neidio i'r ymateb";
    contents: CONTENTS, "Cynnwys";
    open_findings: OPEN_FINDINGS, "Canfyddiadau agored";
    draft_word: DRAFT_WORD, "DRAFFT";
    done: DONE, "wedi'i wneud";
    not_done: NOT_DONE, "heb ei wneud";
    /// Joins what an entry answers: "Recommendation 1 and Area for improvement 2".
    and: AND, "a";
    /// This language's name in itself: the other language's page links to it by this name.
    language_name: LANGUAGE_NAME, "Cymraeg";
}

impl Labels {
    /// Replaces the label `name` (as `section55.toml` spells it) with `text`; an unknown name is
    /// an error that suggests the nearest one.
    pub fn set(&mut self, name: &str, text: &str) -> Result<(), String> {
        match self.slot(name) {
            Some(slot) => {
                *slot = Cow::Owned(text.to_owned());
                Ok(())
            }
            None => Err(format!(
                "`{name}` is not a label{}",
                crate::suggest::did_you_mean(name, Labels::NAMES.iter().copied())
            )),
        }
    }

    /// These labels with an office's wording (`[labels.en]` or `[labels.cy]` of
    /// `section55.toml`, named `table` in a message).
    pub fn with_overrides(
        mut self,
        overrides: &std::collections::BTreeMap<String, String>,
        table: &str,
    ) -> Result<Labels, String> {
        let lang = table.trim_start_matches("labels.");
        for (name, text) in overrides {
            self.set(name, text).map_err(|e| {
                format!(
                    "section55.toml [{table}]: {e}; `section55 labels --lang {lang}` lists them"
                )
            })?;
        }
        Ok(self)
    }

    /// The document's title for `body`.
    pub fn document_title(&self, body: &str) -> String {
        self.title.replace("{body}", body)
    }

    /// The heading of the policing body's own section, for `body`.
    pub fn pcc_response_heading(&self, body: &str) -> String {
        self.pcc_response.replace("{body}", body)
    }

    /// "Recommendation 3:", as the template heads an item.
    pub fn item_heading(&self, kind: &str, id: u32) -> String {
        self.item_heading
            .replace("{kind}", kind)
            .replace("{id}", &id.to_string())
    }

    /// The action plan's column headers.
    pub fn action_plan_columns(&self) -> [&str; 7] {
        [
            &self.column_response_to,
            &self.column_action,
            &self.column_owner,
            &self.column_due,
            &self.column_progress,
            &self.column_updated,
            &self.column_notes,
        ]
    }

    /// How a status reads: "Partially accepted".
    pub fn status(&self, status: Status) -> &str {
        match status {
            Status::Accepted => &self.accepted,
            Status::PartiallyAccepted => &self.partially_accepted,
            Status::NotAccepted => &self.not_accepted,
            Status::NotApplicable => &self.not_applicable,
        }
    }
}

/// The four Welsh forces and their local policing bodies, in Welsh, as a Welsh page names them.
/// The forces as HMICFRS names Dyfed-Powys in its Welsh report ("Heddlu Dyfed-Powys", PEEL
/// 2023–2025, hmicfrs.justiceinspectorates.gov.uk/peel-reports/heddlu-dyfed-powys-2023-25/) and as
/// Welsh news names all four ("Heddlu Gogledd Cymru", "Heddlu Gwent", "Heddlu De Cymru": Golwg360,
/// golwg.360.cymru/newyddion/cymru/215340-dau-o-heddluoedd-cymru-angen-gwella); the commissioners
/// as the North Wales commissioner's own Welsh form names that office ("Comisiynydd Heddlu a
/// Throsedd Gogledd Cymru"), in the same words for each. Read 3 December 2026.
pub const WELSH_NAMES: [(&str, &str); 8] = [
    ("Dyfed-Powys Police", "Heddlu Dyfed-Powys"),
    ("Gwent Police", "Heddlu Gwent"),
    ("North Wales Police", "Heddlu Gogledd Cymru"),
    ("South Wales Police", "Heddlu De Cymru"),
    (
        "Police and Crime Commissioner for Dyfed-Powys",
        "Comisiynydd Heddlu a Throsedd Dyfed-Powys",
    ),
    (
        "Police and Crime Commissioner for Gwent",
        "Comisiynydd Heddlu a Throsedd Gwent",
    ),
    (
        "Police and Crime Commissioner for North Wales",
        "Comisiynydd Heddlu a Throsedd Gogledd Cymru",
    ),
    (
        "Police and Crime Commissioner for South Wales",
        "Comisiynydd Heddlu a Throsedd De Cymru",
    ),
];

/// The Welsh name of a Welsh force or body (any case, surrounding space ignored).
pub fn welsh_name(english: &str) -> Option<&'static str> {
    let english = english.trim();
    WELSH_NAMES
        .iter()
        .find(|(en, _)| en.eq_ignore_ascii_case(english))
        .map(|(_, cy)| *cy)
}

/// A language a document is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Cy,
}

impl Lang {
    /// The page's language tag (BCP 47): HTML's `lang`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Cy => "cy",
        }
    }

    /// Word's language tag, which names the country too.
    pub fn word_tag(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Cy => "cy-GB",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Cy,
            Lang::Cy => Lang::En,
        }
    }

    /// A date in this language: "24 October 2025", "24 Hydref 2025".
    pub fn date(self, date: chrono::NaiveDate) -> String {
        match self {
            Lang::En => crate::dates::long(date),
            Lang::Cy => crate::dates::long_cy(date),
        }
    }
}

/// The template's PCC heading without the body's name ("response to report and ..."), which
/// `import` recognises.
pub fn pcc_response_suffix() -> &'static str {
    PCC_RESPONSE.trim_start_matches("{body} ")
}

/// "Recommendation 3".
pub fn item_name(kind: &str, id: u32) -> String {
    format!("{kind} {id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English labels are the template's headings (defined in `crate::template`).
    #[test]
    fn english_headings_are_the_templates() {
        let en = Labels::ENGLISH;
        assert_eq!(en.pcc_response_heading("PCC"), template::PCC_RESPONSE.title);
        assert_eq!(en.office_use, format!("{}:", template::OFFICE_USE.title));
        assert_eq!(en.item_heading(&en.recommendation, 3), "Recommendation 3:");
        assert!(
            en.document_title("Norfolk's PCC")
                .starts_with("Norfolk's PCC response to")
        );
        let cy = Labels::WELSH;
        assert!(
            cy.document_title("Comisiynydd")
                .starts_with("Ymateb Comisiynydd i arolygiadau")
        );
    }

    #[test]
    fn an_office_overrides_a_label_by_name() {
        let mut cy = Labels::WELSH;
        assert_eq!(cy.set("key_findings", "Canfyddiadau allweddol"), Ok(()));
        assert_eq!(cy.key_findings, "Canfyddiadau allweddol");
        assert_eq!(
            cy.set("key_finding", "x"),
            Err("`key_finding` is not a label (did you mean `key_findings`?)".to_owned())
        );
        assert_eq!(
            Labels::NAMES.len(),
            Labels::NAMES
                .iter()
                .collect::<std::collections::BTreeSet<_>>()
                .len()
        );
    }
}
