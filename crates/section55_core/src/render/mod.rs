//! `render`: the publishable document in the shape of the OPCC template
//! (`reference/norfolk-pcc-response-gbcse-progress-2025.md`). The document's structure is built
//! once, as an [`Outline`]; `markdown`, `html` and `docx` only write it out. Every field of the model
//! appears in the outline, so `import` reads the Markdown back into the same response.

pub mod docx;
pub mod html;
pub mod labels;
pub mod markdown;
pub mod skeleton;
pub mod text;

use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
use crate::model::{
    AreaForImprovement, CauseOfConcern, ItemResponse, OfficeUse, Recommendation, Response,
    ResponseSection, Status,
};
use crate::rules::code;
use labels as l;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

/// How Markdown marks its headings (see [`markdown`]): plain, semantic headings (the default),
/// or the OPCC template's bold ones.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Style {
    #[default]
    Plain,
    Template,
}

/// The document for `response` in `format`.
pub fn render(response: &Response, format: Format) -> String {
    render_with(response, format, Options::default())
}

/// A copy for review, not for publication: "DRAFT" on the page and on every heading, and the
/// open findings (one line each) listed first.
pub fn render_draft(response: &Response, format: Format, findings: Vec<String>) -> String {
    let options = Options {
        draft: Some(findings),
        ..Options::default()
    };
    render_with(response, format, options)
}

/// What goes into the document besides the response itself.
pub struct Options {
    /// A draft's open findings (see [`render_draft`]); `None` for the document to publish.
    pub draft: Option<Vec<String>>,
    /// The action plan (follow-up of each action), when any entry records follow-up. Off for a
    /// statutory publication that should hold the comments alone.
    pub actions: bool,
    /// Markdown's headings (HTML has one style).
    pub style: Style,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            draft: None,
            actions: true,
            style: Style::default(),
        }
    }
}

pub fn render_with(response: &Response, format: Format, options: Options) -> String {
    let style = options.style;
    let outline = outline(response, options);
    match format {
        Format::Markdown => markdown::write(&outline, style),
        Format::Html => html::write(&outline),
    }
}

/// The document as a Word file (see [`docx`]): the same outline as the HTML page.
pub fn render_docx(response: &Response, options: Options) -> Result<Vec<u8>, String> {
    docx::write(&outline(response, options))
}

fn outline(response: &Response, options: Options) -> Outline<'_> {
    let mut outline = Outline::of(response);
    if !options.actions {
        outline.sections.retain(|s| s.table.is_none());
    }
    if let Some(findings) = options.draft {
        outline.mark_draft(findings);
    }
    outline
}

/// Rules whose errors mean the file cannot be read as a response, even for a draft.
pub const UNREADABLE: [&str; 3] = [code::INVALID_YAML, code::SCHEMA, code::MISSING_SECTION];

/// The findings as a draft lists them: "Line 26: error[empty-section] ..." (lines 1-based).
pub fn draft_lines(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| {
            format!(
                "Line {}: {}[{}] {}",
                d.span.start.one_based().0,
                d.severity.as_str(),
                d.rule,
                d.message
            )
        })
        .collect()
}

/// The response in a file's text, read through the same YAML tree as `check` (so render and
/// check agree on what the file says). Callers lint first; this only reports why the text is not
/// a response.
pub fn read(text: &str) -> Result<Response, String> {
    let root = crate::document::parse(text)
        .root
        .ok_or("the file is empty")?;
    serde_json::from_value(root.to_json()).map_err(|e| format!("cannot read the response: {e}"))
}

/// The document's structure, independent of the output format.
pub struct Outline<'a> {
    /// "{policing body} response to inspections published by ... (HMICFRS)".
    pub title: String,
    /// The title of the page (for HTML's `<title>`).
    pub page_title: String,
    /// The paragraph quoting s.55.
    pub statute: &'static str,
    /// The report's details: force, inspection title, dates, types, forces, link.
    pub details: Vec<Field<'a>>,
    pub sections: Vec<Section<'a>>,
    /// For a draft: the findings still open (none is a draft with nothing left to fix).
    pub draft: Option<Vec<String>>,
}

/// A part of the document under its own heading.
pub struct Section<'a> {
    pub heading: String,
    /// The heading's level in the template's Markdown (the template nests some sections).
    pub level: u8,
    pub text: Option<&'a str>,
    pub items: Vec<Item<'a>>,
    /// A sentence saying the list is empty ("There were no recommendations.").
    pub note: Option<&'static str>,
    pub checklist: Vec<Check>,
    pub table: Option<Table>,
}

/// A table of plain-text cells under a header row (the action plan).
pub struct Table {
    /// What the table holds, for screen readers (the heading above says it to the eye).
    pub label: String,
    pub header: &'static [&'static str],
    pub rows: Vec<Vec<String>>,
}

/// A recommendation, cause of concern, area for improvement or per-item response.
pub struct Item<'a> {
    pub heading: String,
    pub text: Option<&'a str>,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub label: &'static str,
    pub value: Value<'a>,
}

pub enum Value<'a> {
    /// One line of plain text.
    Line(String),
    Date(NaiveDate),
    /// Names, one per line or bullet.
    List(&'a [String]),
    Link {
        text: &'a str,
        url: &'a str,
    },
    /// Free text that may run to several paragraphs (Markdown).
    Text(&'a str),
}

/// A line of the office-use checklist.
pub enum Check {
    /// A step and whether it is done.
    Step { label: &'static str, done: bool },
    /// A dated entry ("Date published: 10 December 2025").
    Date {
        label: &'static str,
        date: NaiveDate,
    },
}

impl<'a> Outline<'a> {
    pub fn of(r: &'a Response) -> Outline<'a> {
        let mut sections = vec![
            Section::text(l::KEY_FINDINGS, 3, &r.key_findings),
            Section::list(
                l::RECOMMENDATIONS,
                2,
                recommendation_items(&r.recommendations),
                l::NO_RECOMMENDATIONS,
            ),
        ];
        if let Some(causes) = &r.causes_of_concern {
            sections.push(Section::list(
                l::CAUSES_OF_CONCERN,
                2,
                causes.iter().map(cause_item).collect(),
                l::NO_CAUSES_OF_CONCERN,
            ));
        }
        sections.push(Section::list(
            l::AREAS_FOR_IMPROVEMENT,
            3,
            r.areas_for_improvement.iter().map(area_item).collect(),
            l::NO_AREAS_FOR_IMPROVEMENT,
        ));
        sections.push(response_section(
            l::CHIEF_CONSTABLE_RESPONSE.to_owned(),
            &r.chief_constable_response,
        ));
        sections.push(response_section(
            l::pcc_response_heading(&r.policing_body),
            &r.pcc_response,
        ));
        sections.extend(action_plan(r));
        if let Some(office) = &r.office_use {
            sections.push(office_section(office));
        }
        Outline {
            title: l::document_title(&r.policing_body),
            page_title: format!("{}: response to {}", r.policing_body, r.inspection.title),
            statute: l::STATUTE,
            details: details(r),
            sections,
            draft: None,
        }
    }

    /// Marks the title and every section and item heading as a draft; the writers mark the
    /// headings they make themselves (the report's details) with [`DRAFT_MARK`] too.
    fn mark_draft(&mut self, findings: Vec<String>) {
        let mark = |heading: &mut String| heading.insert_str(0, DRAFT_MARK);
        mark(&mut self.title);
        mark(&mut self.page_title);
        for section in &mut self.sections {
            mark(&mut section.heading);
            section.items.iter_mut().for_each(|i| mark(&mut i.heading));
        }
        self.draft = Some(findings);
    }

    /// What goes before a heading: [`DRAFT_MARK`] in a draft.
    pub fn heading_mark(&self) -> &'static str {
        if self.draft.is_some() { DRAFT_MARK } else { "" }
    }
}

/// Put before every heading of a draft.
pub const DRAFT_MARK: &str = "DRAFT: ";

impl<'a> Section<'a> {
    fn new(heading: impl Into<String>, level: u8) -> Self {
        Section {
            heading: heading.into(),
            level,
            text: None,
            items: Vec::new(),
            note: None,
            checklist: Vec::new(),
            table: None,
        }
    }

    fn text(heading: &str, level: u8, text: &'a str) -> Self {
        Section {
            text: Some(text),
            ..Section::new(heading, level)
        }
    }

    /// A list of items, or the sentence saying there were none.
    fn list(heading: &str, level: u8, items: Vec<Item<'a>>, none: &'static str) -> Self {
        let note = items.is_empty().then_some(none);
        Section {
            items,
            note,
            ..Section::new(heading, level)
        }
    }
}

fn details(r: &Response) -> Vec<Field<'_>> {
    let i = &r.inspection;
    vec![
        Field {
            label: l::FORCE,
            value: Value::Line(r.force.clone()),
        },
        Field {
            label: l::INSPECTION_TITLE,
            value: Value::Line(i.title.clone()),
        },
        Field {
            label: l::PUBLISHED,
            value: Value::Date(i.published),
        },
        Field {
            label: l::PUBLICATION_TYPES,
            value: Value::List(&i.publication_types),
        },
        Field {
            label: l::FORCES,
            value: Value::List(&i.forces),
        },
        Field {
            label: l::LINK,
            value: Value::Link {
                text: &i.title,
                url: &i.link,
            },
        },
        Field {
            label: l::DEADLINE,
            value: Value::Date(r.response_deadline),
        },
    ]
}

fn recommendation_items(recommendations: &[Recommendation]) -> Vec<Item<'_>> {
    recommendations.iter().map(recommendation_item).collect()
}

fn recommendation_item(rec: &Recommendation) -> Item<'_> {
    let mut fields = Vec::new();
    if let Some(directed_at) = rec.directed_at.as_deref().filter(|d| !d.is_empty()) {
        fields.push(Field {
            label: l::DIRECTED_AT,
            value: Value::List(directed_at),
        });
    }
    // The template states the due date in the text ("By 31 March 2026, ..."); a separate line
    // is only needed when the file's date is not the one the text states.
    if let Some(due) = rec.due.filter(|due| stated_due(&rec.text) != Some(*due)) {
        fields.push(Field {
            label: l::DUE,
            value: Value::Date(due),
        });
    }
    fields.push(Field {
        label: l::STATUS,
        value: Value::Line(status_label(rec.status).to_owned()),
    });
    Item {
        heading: l::item_heading(l::RECOMMENDATION, rec.id.get()),
        text: Some(&rec.text),
        fields,
    }
}

fn cause_item(cause: &CauseOfConcern) -> Item<'_> {
    let mut fields = Vec::new();
    if !cause.recommendations.is_empty() {
        let ids: Vec<String> = cause
            .recommendations
            .iter()
            .map(|id| id.to_string())
            .collect();
        fields.push(Field {
            label: l::RELATED_RECOMMENDATIONS,
            value: Value::Line(ids.join(", ")),
        });
    }
    Item {
        heading: l::item_heading(l::CAUSE_OF_CONCERN, cause.id.get()),
        text: Some(&cause.text),
        fields,
    }
}

fn area_item(area: &AreaForImprovement) -> Item<'_> {
    let fields = area
        .status
        .map(|s| Field {
            label: l::STATUS,
            value: Value::Line(status_label(s).to_owned()),
        })
        .into_iter()
        .collect();
    Item {
        heading: l::item_heading(l::AREA_FOR_IMPROVEMENT, area.id.get()),
        text: Some(&area.text),
        fields,
    }
}

fn response_section(heading: String, section: &ResponseSection) -> Section<'_> {
    let items = section
        .responses
        .iter()
        .flatten()
        .map(item_response)
        .collect();
    if section.submitted == Some(false) {
        // s.55(4): invited, and no comments submitted.
        return Section {
            note: Some(l::NO_CHIEF_COMMENTS),
            checklist: section
                .invited_on
                .map(|date| Check::Date {
                    label: l::INVITED_ON,
                    date,
                })
                .into_iter()
                .collect(),
            items,
            ..Section::new(heading, 2)
        };
    }
    Section {
        text: Some(&section.text),
        items,
        ..Section::new(heading, 2)
    }
}

/// "Recommendation 2", "Area for improvement 1": what an entry answers.
pub fn response_targets(response: &ItemResponse) -> Vec<String> {
    [
        response
            .recommendation
            .map(|id| l::item_name(l::RECOMMENDATION, id.get())),
        response
            .area_for_improvement
            .map(|id| l::item_name(l::AREA_FOR_IMPROVEMENT, id.get())),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn item_response(response: &ItemResponse) -> Item<'_> {
    let targets = response_targets(response);
    let mut fields = Vec::new();
    if let Some(action) = &response.action {
        fields.push(Field {
            label: l::ACTION,
            value: Value::Text(action),
        });
    }
    if let Some(reason) = &response.no_action_reason {
        fields.push(Field {
            label: l::NO_ACTION_REASON,
            value: Value::Text(reason),
        });
    }
    if let Some(due) = response.due {
        fields.push(Field {
            label: l::PLANNED_COMPLETION,
            value: Value::Date(due),
        });
    }
    Item {
        heading: format!("{} {}:", l::RESPONSE_TO, targets.join(" and ")),
        text: None,
        fields,
    }
}

/// The action plan: every action with its follow-up, when any entry records follow-up.
fn action_plan(r: &Response) -> Option<Section<'static>> {
    let entries: Vec<&ItemResponse> = [&r.chief_constable_response, &r.pcc_response]
        .into_iter()
        .flat_map(|s| s.responses.iter().flatten())
        .filter(|e| e.action.is_some())
        .collect();
    let tracked = |e: &&ItemResponse| {
        e.progress.is_some() || e.updated.is_some() || e.owner.is_some() || e.notes.is_some()
    };
    if !entries.iter().any(tracked) {
        return None;
    }
    let date = |d: Option<NaiveDate>| d.map(crate::dates::long).unwrap_or_default();
    let line = |t: Option<&str>| t.map(one_line).unwrap_or_default();
    let rows = entries
        .into_iter()
        .map(|e| {
            vec![
                response_targets(e).join(" and "),
                e.action.as_deref().map(summary).unwrap_or_default(),
                line(e.owner.as_deref()),
                date(e.due),
                e.progress
                    .as_deref()
                    .map(progress_label)
                    .unwrap_or_default(),
                date(e.updated),
                line(e.notes.as_deref()),
            ]
        })
        .collect();
    Some(Section {
        table: Some(Table {
            label: l::ACTION_PLAN.to_owned(),
            header: &l::ACTION_PLAN_COLUMNS,
            rows,
        }),
        ..Section::new(l::ACTION_PLAN, 2)
    })
}

/// A text on one line, for a table cell.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How long an action's summary in the action plan may be (the whole text is in its response).
const SUMMARY_CHARS: usize = 120;

/// An action's first sentence on one line, cut at a word with "…" past [`SUMMARY_CHARS`].
pub fn summary(text: &str) -> String {
    let line = one_line(text);
    let first = line.find(". ").map_or(line.as_str(), |end| &line[..=end]);
    if first.chars().count() <= SUMMARY_CHARS {
        return first.to_owned();
    }
    let cut: String = first.chars().take(SUMMARY_CHARS).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':']))
}

/// How a progress state reads in the document: "in-progress" as "In progress".
pub fn progress_label(state: &str) -> String {
    let words = state.replace('-', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn office_section(office: &OfficeUse) -> Section<'static> {
    let steps = [
        (
            office.forwarded_to_chief_constable,
            l::FORWARDED_TO_CHIEF_CONSTABLE,
        ),
        (
            office.forwarded_to_police_and_crime_panel,
            l::FORWARDED_TO_PANEL,
        ),
        (office.submitted_to_hmicfrs, l::SUBMITTED_TO_HMICFRS),
        (office.sent_to_home_secretary, l::SENT_TO_HOME_SECRETARY),
        (office.published_on_website, l::PUBLISHED_ON_WEBSITE),
    ];
    let mut checklist: Vec<Check> = steps
        .into_iter()
        .filter_map(|(done, label)| done.map(|done| Check::Step { label, done }))
        .collect();
    if let Some(date) = office.published_on {
        checklist.push(Check::Date {
            label: l::DATE_PUBLISHED,
            date,
        });
    }
    let note = checklist.is_empty().then_some(l::NOTHING_RECORDED);
    Section {
        checklist,
        note,
        ..Section::new(format!("{}:", crate::template::OFFICE_USE.title), 3)
    }
}

/// How a status reads in the document: "Partially accepted".
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Accepted => "Accepted",
        Status::PartiallyAccepted => "Partially accepted",
        Status::NotAccepted => "Not accepted",
        Status::NotApplicable => "Not applicable",
    }
}

/// The due date a recommendation's text states the way HMICFRS words it: "By 31 March 2026, ...".
pub fn stated_due(text: &str) -> Option<NaiveDate> {
    let rest = text.trim_start();
    let rest = rest
        .get(..3)
        .filter(|by| by.eq_ignore_ascii_case("by "))
        .map(|_| rest[3..].trim_start())?;
    match crate::dates::find_long_date(rest) {
        Some((date, range)) if range.start == 0 => Some(date),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_dates_are_read_from_by_clauses_only() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(
            stated_due("By 31 March 2026, all forces should"),
            d(2026, 3, 31)
        );
        assert_eq!(stated_due("  by 1st May 2025 forces should"), d(2025, 5, 1));
        assert_eq!(stated_due("Forces should, by 31 March 2026, adopt"), None);
        assert_eq!(stated_due("By the end of March 2026"), None);
        assert_eq!(stated_due("By"), None);
        assert_eq!(stated_due("Bé"), None);
    }
}
