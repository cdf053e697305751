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
    ResponseSection, WelshText,
};
use crate::rules::code;
use labels::{self as l, Labels, Lang};

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
    /// The document's language or languages.
    pub languages: Languages,
    /// The words of each language (the template's, or an office's from `section55.toml`).
    pub english: Labels,
    pub welsh: Labels,
    /// The address of the same document in the other language, linked from the top of a
    /// one-language page (`None`: no link).
    pub other_page: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            draft: None,
            actions: true,
            style: Style::default(),
            languages: Languages::English,
            english: Labels::ENGLISH,
            welsh: Labels::WELSH,
            other_page: None,
        }
    }
}

/// The language of a document: English, Welsh, or both on one page (each part in English, then
/// in Welsh).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Languages {
    #[default]
    English,
    Welsh,
    Both,
}

impl Options {
    fn labels(&self, lang: Lang) -> &Labels {
        match lang {
            Lang::En => &self.english,
            Lang::Cy => &self.welsh,
        }
    }
}

pub fn render_with(response: &Response, format: Format, options: Options) -> String {
    let outline = outline(response, &options);
    match format {
        Format::Markdown => markdown::write(&outline, options.style),
        Format::Html => html::write(&outline),
    }
}

/// The document as a Word file (see [`docx`]): the same outline as the HTML page.
pub fn render_docx(response: &Response, options: Options) -> Result<Vec<u8>, String> {
    docx::write(&outline(response, &options))
}

fn outline<'a>(response: &'a Response, options: &'a Options) -> Outline<'a> {
    let page = match options.languages {
        Languages::Welsh => Lang::Cy,
        Languages::English | Languages::Both => Lang::En,
    };
    let mut outline = Outline::of(response, page, options.labels(page));
    if options.languages == Languages::Both {
        outline.add_language(Outline::of(response, Lang::Cy, &options.welsh));
    } else if let Some(href) = &options.other_page {
        let other = page.other();
        outline.other_page = Some(OtherPage {
            href,
            lang: other,
            name: &options.labels(other).language_name,
        });
    }
    if !options.actions {
        outline.sections.retain(|s| s.table.is_none());
    }
    if let Some(findings) = &options.draft {
        outline.mark_draft(findings.clone());
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
    /// The page's language; a part in another language says so ([`Preface::lang`],
    /// [`Section::lang`]).
    pub lang: Lang,
    /// The page's own words (skip link, contents, draft notice), in its language.
    pub words: &'a Labels,
    /// The title of the page (for HTML's `<title>`).
    pub page_title: String,
    /// The title, the statute and the report's details: one per language on the page, the
    /// page's own first.
    pub prefaces: Vec<Preface<'a>>,
    pub sections: Vec<Section<'a>>,
    /// For a draft: the findings still open (none is a draft with nothing left to fix).
    pub draft: Option<Vec<String>>,
    /// The same document in the other language.
    pub other_page: Option<OtherPage<'a>>,
    /// How many texts a Welsh outline gives in English, having no Welsh.
    pub untranslated: usize,
}

/// What heads the document in one language.
pub struct Preface<'a> {
    pub lang: Lang,
    /// "{policing body} response to inspections published by ... (HMICFRS)".
    pub title: String,
    /// The paragraph quoting s.55.
    pub statute: &'a str,
    /// The report's details: force, inspection title, dates, types, forces, link.
    pub details: Vec<Field<'a>>,
}

/// A link to the document in another language, named in that language ("Cymraeg").
pub struct OtherPage<'a> {
    pub href: &'a str,
    pub lang: Lang,
    pub name: &'a str,
}

/// A part of the document under its own heading.
pub struct Section<'a> {
    pub lang: Lang,
    pub heading: String,
    /// The heading's level in the template's Markdown (the template nests some sections).
    pub level: u8,
    pub text: Option<Text<'a>>,
    pub items: Vec<Item<'a>>,
    /// A sentence saying the list is empty ("There were no recommendations.").
    pub note: Option<&'a str>,
    pub checklist: Vec<Check<'a>>,
    pub table: Option<Table<'a>>,
}

/// A table of plain-text cells under a header row (the action plan).
pub struct Table<'a> {
    /// What the table holds, for screen readers (the heading above says it to the eye).
    pub label: String,
    pub header: Vec<&'a str>,
    pub rows: Vec<Vec<String>>,
}

/// A recommendation, cause of concern, area for improvement or per-item response.
pub struct Item<'a> {
    pub heading: String,
    pub text: Option<Text<'a>>,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub label: &'a str,
    pub value: Value<'a>,
}

pub enum Value<'a> {
    /// One line of plain text.
    Line(String),
    /// A date, written in a language ("24 October 2025", "24 Hydref 2025").
    Date(NaiveDate, Lang),
    /// Names, one per line or bullet.
    List(Vec<&'a str>),
    Link {
        text: &'a str,
        url: &'a str,
    },
    /// Free text that may run to several paragraphs (Markdown).
    Text(Text<'a>),
}

/// A text of the response (Markdown), and its language when that is not its part's: an English
/// text on a Welsh page, having no Welsh yet, which the page marks as English (WCAG 2.2's 3.1.2,
/// language of parts).
#[derive(Clone, Copy, Debug)]
pub struct Text<'a> {
    pub words: &'a str,
    pub foreign: Option<Lang>,
}

impl<'a> Text<'a> {
    pub fn new(words: &'a str) -> Self {
        Text {
            words,
            foreign: None,
        }
    }
}

/// A line of the office-use checklist.
pub enum Check<'a> {
    /// A step and whether it is done; `spoken` says which to a screen reader ("done", "not
    /// done"), in the step's language.
    Step {
        label: &'a str,
        done: bool,
        spoken: &'a str,
    },
    /// A dated entry ("Date published: 10 December 2025").
    Date {
        label: &'a str,
        date: NaiveDate,
        lang: Lang,
    },
}

/// Builds one language's outline: the labels, the texts and the dates of `lang`.
struct Builder<'a> {
    lang: Lang,
    l: &'a Labels,
    /// Texts a Welsh outline gives in English, having no Welsh.
    untranslated: std::cell::Cell<usize>,
}

/// How many of the response's texts have no Welsh (a Welsh page gives them in English; the rule
/// `welsh-text-missing` names each).
pub fn untranslated(response: &Response) -> usize {
    Outline::of(response, Lang::Cy, &Labels::WELSH).untranslated
}

impl<'a> Outline<'a> {
    pub fn of(r: &'a Response, lang: Lang, labels: &'a Labels) -> Outline<'a> {
        let b = Builder {
            lang,
            l: labels,
            untranslated: Default::default(),
        };
        let report_title = b.report_title(r);
        let (details, sections) = (b.details(r, report_title), b.sections(r));
        let untranslated = b.untranslated.get();
        Outline {
            lang,
            words: labels,
            page_title: labels
                .page_title
                .replace("{body}", b.name(&r.policing_body))
                .replace("{report}", report_title),
            prefaces: vec![Preface {
                lang,
                title: labels.document_title(b.name(&r.policing_body)),
                statute: &labels.statute,
                details,
            }],
            sections,
            draft: None,
            other_page: None,
            untranslated,
        }
    }

    /// Makes this a bilingual page: `other`'s preface after this one's, and each of its
    /// sections after this one's.
    fn add_language(&mut self, other: Outline<'a>) {
        self.prefaces.extend(other.prefaces);
        let mine = std::mem::take(&mut self.sections);
        self.sections = mine
            .into_iter()
            .zip(other.sections)
            .flat_map(|(a, b)| [a, b])
            .collect();
    }

    /// Marks the titles and every section and item heading as a draft; the writers mark the
    /// headings they make themselves (the report's details) with [`DRAFT_MARK`] too.
    fn mark_draft(&mut self, findings: Vec<String>) {
        let mark = |heading: &mut String| heading.insert_str(0, DRAFT_MARK);
        mark(&mut self.page_title);
        self.prefaces.iter_mut().for_each(|p| mark(&mut p.title));
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
    fn new(lang: Lang, heading: impl Into<String>, level: u8) -> Self {
        Section {
            lang,
            heading: heading.into(),
            level,
            text: None,
            items: Vec::new(),
            note: None,
            checklist: Vec::new(),
            table: None,
        }
    }
}

impl<'a> Builder<'a> {
    /// The Welsh version of a text where the file has one, else the English.
    fn pick(&self, english: &'a str, welsh: Option<&'a String>) -> Text<'a> {
        match (self.lang, welsh) {
            (Lang::En, _) => Text::new(english),
            (Lang::Cy, Some(cy))
                if !cy.trim().is_empty() && crate::template::placeholder(cy).is_none() =>
            {
                Text::new(cy)
            }
            (Lang::Cy, _) => {
                if !english.trim().is_empty() {
                    self.untranslated.set(self.untranslated.get() + 1);
                }
                Text {
                    words: english,
                    foreign: Some(Lang::En),
                }
            }
        }
    }

    /// A force's or body's name in the outline's language: the four Welsh forces and their
    /// bodies have Welsh names ([`l::WELSH_NAMES`]); other names are the same in both.
    fn name(&self, english: &'a str) -> &'a str {
        match self.lang {
            Lang::En => english,
            Lang::Cy => l::welsh_name(english).unwrap_or(english),
        }
    }

    fn report_title(&self, r: &'a Response) -> &'a str {
        let i = &r.inspection;
        // A report's title is its name: it is not marked as in another language.
        self.pick(&i.title, i.cy.as_ref().and_then(|c| c.title.as_ref()))
            .words
    }

    fn section(&self, heading: impl Into<String>, level: u8) -> Section<'a> {
        Section::new(self.lang, heading, level)
    }

    /// A list of items, or the sentence saying there were none.
    fn list(&self, heading: &str, level: u8, items: Vec<Item<'a>>, none: &'a str) -> Section<'a> {
        let note = items.is_empty().then_some(none);
        Section {
            items,
            note,
            ..self.section(heading, level)
        }
    }

    fn sections(&self, r: &'a Response) -> Vec<Section<'a>> {
        let l = self.l;
        let key_findings = self.pick(
            &r.key_findings,
            r.cy.as_ref().and_then(|c| c.key_findings.as_ref()),
        );
        let mut sections = vec![
            Section {
                text: Some(key_findings),
                ..self.section(&*l.key_findings, 3)
            },
            self.list(
                &l.recommendations,
                2,
                r.recommendations
                    .iter()
                    .map(|x| self.recommendation(x))
                    .collect(),
                &l.no_recommendations,
            ),
        ];
        if let Some(causes) = &r.causes_of_concern {
            sections.push(self.list(
                &l.causes_of_concern,
                2,
                causes.iter().map(|c| self.cause(c)).collect(),
                &l.no_causes_of_concern,
            ));
        }
        sections.push(
            self.list(
                &l.areas_for_improvement,
                3,
                r.areas_for_improvement
                    .iter()
                    .map(|a| self.area(a))
                    .collect(),
                &l.no_areas_for_improvement,
            ),
        );
        sections.push(self.response_section(
            l.chief_constable_response.to_string(),
            &r.chief_constable_response,
        ));
        sections.push(self.response_section(
            l.pcc_response_heading(self.name(&r.policing_body)),
            &r.pcc_response,
        ));
        sections.extend(self.action_plan(r));
        if let Some(office) = &r.office_use {
            sections.push(self.office_section(office));
        }
        sections
    }

    /// The report's details; `title` is the report's, in this language where the file has it.
    fn details(&self, r: &'a Response, title: &'a str) -> Vec<Field<'a>> {
        let (i, l) = (&r.inspection, self.l);
        vec![
            Field {
                label: &l.force,
                value: Value::Line(self.name(&r.force).to_owned()),
            },
            Field {
                label: &l.inspection_title,
                value: Value::Line(title.to_owned()),
            },
            Field {
                label: &l.published,
                value: Value::Date(i.published, self.lang),
            },
            Field {
                label: &l.publication_types,
                value: Value::List(i.publication_types.iter().map(String::as_str).collect()),
            },
            Field {
                label: &l.forces,
                value: Value::List(i.forces.iter().map(|f| self.name(f)).collect()),
            },
            Field {
                label: &l.link,
                value: Value::Link {
                    text: title,
                    url: &i.link,
                },
            },
            Field {
                label: &l.deadline,
                value: Value::Date(r.response_deadline, self.lang),
            },
        ]
    }

    fn recommendation(&self, rec: &'a Recommendation) -> Item<'a> {
        let l = self.l;
        let mut fields = Vec::new();
        if let Some(directed_at) = rec.directed_at.as_deref().filter(|d| !d.is_empty()) {
            fields.push(Field {
                label: &l.directed_at,
                value: Value::List(directed_at.iter().map(|d| self.name(d)).collect()),
            });
        }
        // The template states the due date in the text ("By 31 March 2026, ..."); a separate line
        // is only needed when the file's date is not the one the text states.
        if let Some(due) = rec.due.filter(|due| stated_due(&rec.text) != Some(*due)) {
            fields.push(Field {
                label: &l.due,
                value: Value::Date(due, self.lang),
            });
        }
        fields.push(Field {
            label: &l.status,
            value: Value::Line(l.status(rec.status).to_owned()),
        });
        Item {
            heading: l.item_heading(&l.recommendation, rec.id.get()),
            text: Some(self.welsh_text(&rec.text, rec.cy.as_ref())),
            fields,
        }
    }

    fn welsh_text(&self, english: &'a str, cy: Option<&'a WelshText>) -> Text<'a> {
        self.pick(english, cy.and_then(|c| c.text.as_ref()))
    }

    fn cause(&self, cause: &'a CauseOfConcern) -> Item<'a> {
        let l = self.l;
        let mut fields = Vec::new();
        if !cause.recommendations.is_empty() {
            let ids: Vec<String> = cause
                .recommendations
                .iter()
                .map(|id| id.to_string())
                .collect();
            fields.push(Field {
                label: &l.related_recommendations,
                value: Value::Line(ids.join(", ")),
            });
        }
        Item {
            heading: l.item_heading(&l.cause_of_concern, cause.id.get()),
            text: Some(self.welsh_text(&cause.text, cause.cy.as_ref())),
            fields,
        }
    }

    fn area(&self, area: &'a AreaForImprovement) -> Item<'a> {
        let l = self.l;
        let fields = area
            .status
            .map(|s| Field {
                label: &l.status,
                value: Value::Line(l.status(s).to_owned()),
            })
            .into_iter()
            .collect();
        Item {
            heading: l.item_heading(&l.area_for_improvement, area.id.get()),
            text: Some(self.welsh_text(&area.text, area.cy.as_ref())),
            fields,
        }
    }

    fn response_section(&self, heading: String, section: &'a ResponseSection) -> Section<'a> {
        let l = self.l;
        let items = section
            .responses
            .iter()
            .flatten()
            .map(|r| self.item_response(r))
            .collect();
        if section.submitted == Some(false) {
            // s.55(4): invited, and no comments submitted.
            return Section {
                note: Some(&l.no_chief_comments),
                checklist: section
                    .invited_on
                    .map(|date| Check::Date {
                        label: &l.invited_on,
                        date,
                        lang: self.lang,
                    })
                    .into_iter()
                    .collect(),
                items,
                ..self.section(heading, 2)
            };
        }
        Section {
            text: Some(self.welsh_text(&section.text, section.cy.as_ref())),
            items,
            ..self.section(heading, 2)
        }
    }

    /// "Recommendation 2 and Area for improvement 1": what an entry answers.
    fn targets(&self, response: &ItemResponse) -> String {
        response_targets(response, self.l).join(&format!(" {} ", self.l.and))
    }

    /// "Response to Recommendation 2:"; Welsh mutates the first target after "i".
    fn response_heading(&self, response: &ItemResponse) -> String {
        let targets = self.targets(response);
        let targets = match self.lang {
            Lang::Cy => crate::welsh_grammar::soft_mutation(&targets),
            Lang::En => targets,
        };
        format!("{} {targets}:", self.l.response_to)
    }

    fn item_response(&self, response: &'a ItemResponse) -> Item<'a> {
        let l = self.l;
        let cy = response.cy.as_ref();
        let mut fields = Vec::new();
        if let Some(action) = &response.action {
            fields.push(Field {
                label: &l.action,
                value: Value::Text(self.pick(action, cy.and_then(|c| c.action.as_ref()))),
            });
        }
        if let Some(reason) = &response.no_action_reason {
            let welsh = cy.and_then(|c| c.no_action_reason.as_ref());
            fields.push(Field {
                label: &l.no_action_reason,
                value: Value::Text(self.pick(reason, welsh)),
            });
        }
        if let Some(due) = response.due {
            fields.push(Field {
                label: &l.planned_completion,
                value: Value::Date(due, self.lang),
            });
        }
        Item {
            heading: self.response_heading(response),
            text: None,
            fields,
        }
    }

    /// The action plan: every action with its follow-up, when any entry records follow-up.
    fn action_plan(&self, r: &'a Response) -> Option<Section<'a>> {
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
        let date = |d: Option<NaiveDate>| d.map(|d| self.lang.date(d)).unwrap_or_default();
        let line = |t: Option<&str>| t.map(one_line).unwrap_or_default();
        let rows = entries
            .into_iter()
            .map(|e| {
                let cy = e.cy.as_ref();
                let action = e
                    .action
                    .as_deref()
                    .map(|a| summary(self.pick(a, cy.and_then(|c| c.action.as_ref())).words));
                let notes = e
                    .notes
                    .as_deref()
                    .map(|n| self.pick(n, cy.and_then(|c| c.notes.as_ref())).words);
                vec![
                    self.targets(e),
                    action.unwrap_or_default(),
                    line(e.owner.as_deref()),
                    date(e.due),
                    e.progress
                        .as_deref()
                        .map(progress_label)
                        .unwrap_or_default(),
                    date(e.updated),
                    line(notes),
                ]
            })
            .collect();
        let l = self.l;
        Some(Section {
            table: Some(Table {
                label: l.action_plan.to_string(),
                header: l.action_plan_columns().to_vec(),
                rows,
            }),
            ..self.section(&*l.action_plan, 2)
        })
    }

    fn office_section(&self, office: &OfficeUse) -> Section<'a> {
        let l = self.l;
        let steps = [
            (
                office.forwarded_to_chief_constable,
                &l.forwarded_to_chief_constable,
            ),
            (
                office.forwarded_to_police_and_crime_panel,
                &l.forwarded_to_panel,
            ),
            (office.submitted_to_hmicfrs, &l.submitted_to_hmicfrs),
            (office.sent_to_home_secretary, &l.sent_to_home_secretary),
            (office.published_on_website, &l.published_on_website),
        ];
        let mut checklist: Vec<Check> = steps
            .into_iter()
            .filter_map(|(done, label)| {
                done.map(|done| Check::Step {
                    label,
                    done,
                    spoken: if done { &l.done } else { &l.not_done },
                })
            })
            .collect();
        if let Some(date) = office.published_on {
            checklist.push(Check::Date {
                label: &l.date_published,
                date,
                lang: self.lang,
            });
        }
        let note = checklist.is_empty().then_some(&*l.nothing_recorded);
        Section {
            checklist,
            note,
            ..self.section(&*l.office_use, 3)
        }
    }
}

/// "Recommendation 2", "Area for improvement 1": what an entry answers.
pub fn response_targets(response: &ItemResponse, labels: &Labels) -> Vec<String> {
    [
        response
            .recommendation
            .map(|id| l::item_name(&labels.recommendation, id.get())),
        response
            .area_for_improvement
            .map(|id| l::item_name(&labels.area_for_improvement, id.get())),
    ]
    .into_iter()
    .flatten()
    .collect()
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
