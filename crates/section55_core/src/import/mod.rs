//! `import`: a template-shaped response (Markdown or plain text, as offices write them) into a
//! response file. The document is read as labelled segments (see `lines`), then each segment is
//! mapped onto the model in the context of the section it is in. Nothing is invented: what the
//! document does not state stays absent so `check` asks for it, and whatever could not be mapped
//! is reported as a [`Note`].

pub mod docx;
mod free_text;
mod lines;
mod office;
mod output;
mod pages;
mod prose;
mod provenance;
pub mod source;
mod values;
mod welsh;

use std::collections::BTreeSet;
use std::fmt;
use std::num::NonZeroU32;

use chrono::NaiveDate;

use crate::catalogue::Catalogue;
use crate::model::{
    AreaForImprovement, CauseOfConcern, Inspection, ItemResponse, Recommendation, Response,
    ResponseSection, Status,
};
use crate::render::stated_due;
use crate::template;
use lines::{ItemKind, Label, Line, starts_with_ignore_case};
use provenance::Span;

pub use pages::import_pages;
pub use provenance::{FieldSource, Provenance, Unmapped};
pub use values::canonical_text;

/// The result of an import: the response file and what the reader should check.
#[derive(Debug)]
pub struct Imported {
    pub yaml: String,
    pub notes: Vec<Note>,
    /// Where each field came from, and why each line that was not mapped was not.
    pub provenance: Provenance,
    /// The report's title, when the document states it (names the file of a page's report).
    pub title: Option<String>,
}

/// Something the importer could not map or left out, with the document line it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Reads a template-shaped document. Fails only if the result cannot be written as YAML.
pub fn import(text: &str) -> Result<Imported, String> {
    import_lines(&lines::read(text))
}

fn import_lines(lines: &[Line]) -> Result<Imported, String> {
    let mut builder = Builder::new();
    for segment in segments(lines) {
        builder.segment(&segment);
    }
    builder.finish(lines)
}

/// Why a form's lines are in no field: they are the form's, never the body's comments.
const FORM_OPTIONS: &str = "a form's options: which one is ticked is not in the text";
const AFTER_SENT: &str = "after Date response sent";
/// Why a form's signature after its last answer is in no field.
const SIGNATURE: &str = "a form's signature and date, after the last answer";
/// Why the paragraphs after a chief constable's quoted reply are not his: the body's again.
const QUOTE_ENDED: &str = "after the chief constable's quoted reply, which ends there";
/// Why a letter's closing and the signature below it are in no field, when they do not end the
/// body's letter.
const CLOSING: &str = "a letter's closing and signature";
/// Why a press statement's end and what follows it are in no field.
const STATEMENT_END: &str =
    "the end of a press statement (\"ENDS\", notes to editors): not part of the response";

/// The required keys, with the template's name for each (for notes about what is missing), and
/// where the document states it when that is not a heading.
const REQUIRED: &[(&str, &str)] = &[
    (
        "/policing_body",
        "policing body (the title line, \"... response to inspections published by HMICFRS\")",
    ),
    ("/force", template::FORCE.title),
    ("/inspection/title", template::INSPECTION_TITLE.title),
    ("/inspection/published", template::PUBLISHED.title),
    (
        "/inspection/publication_types",
        template::PUBLICATION_TYPES.title,
    ),
    ("/inspection/forces", template::FORCES.title),
    ("/inspection/link", template::LINK.title),
    ("/response_deadline", template::RESPONSE_DEADLINE.title),
    ("/key_findings", template::KEY_FINDINGS.title),
    (
        "/recommendations",
        "Recommendations (or \"There were no recommendations.\")",
    ),
    (
        "/areas_for_improvement",
        "Areas For Improvement (or \"There were no areas for improvement.\")",
    ),
    (
        "/chief_constable_response/text",
        template::CHIEF_CONSTABLE_RESPONSE.short,
    ),
    ("/pcc_response/text", template::PCC_RESPONSE.short),
];

fn name_of(pointer: &str) -> &str {
    REQUIRED
        .iter()
        .find(|(p, _)| *p == pointer)
        .map_or(pointer, |(_, name)| name)
}

/// A label line and the lines up to the next one (or the lines before the first label).
#[derive(Clone, Copy)]
struct Segment<'a> {
    head: Option<&'a Line>,
    label: Option<&'a Label>,
    /// The value written on the label's own line.
    value: &'a str,
    body: &'a [Line],
}

fn segments(lines: &[Line]) -> Vec<Segment<'_>> {
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].label.is_some())
        .collect();
    let first = starts.first().copied().unwrap_or(lines.len());
    let mut segments = vec![Segment {
        head: None,
        label: None,
        value: "",
        body: &lines[..first],
    }];
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let head = &lines[start];
        let (label, value) = match &head.label {
            Some((label, value)) => (Some(label), value.as_str()),
            None => (None, ""),
        };
        segments.push(Segment {
            head: Some(head),
            label,
            value,
            body: &lines[start + 1..end],
        });
    }
    segments
}

impl<'a> Segment<'a> {
    fn line(&self) -> Option<usize> {
        self.head.map(|h| h.number)
    }

    /// The lines from the label's to the last non-blank one below it.
    fn span(&self) -> Span {
        let start = self
            .line()
            .or(self.body.first().map(|l| l.number))
            .unwrap_or(0);
        let end = self
            .body
            .iter()
            .rev()
            .find(|l| !l.raw.trim().is_empty())
            .map_or(start, |l| l.number);
        Span::new(start, end)
    }

    /// The lines from the label's to the end of its first paragraph.
    fn first_paragraph_span(&self) -> Span {
        let (_, rest) = self.first_paragraph();
        let used = &self.body[..self.body.len() - rest.len()];
        let start = self.line().unwrap_or(0);
        let end = used
            .iter()
            .rev()
            .find(|l| !l.raw.trim().is_empty())
            .map_or(start, |l| l.number);
        Span::new(start, end)
    }

    /// The value on the label's line, then the lines below it.
    fn lines(&self) -> impl Iterator<Item = &'a str> + '_ {
        let value = Some(self.value).filter(|v| !v.is_empty());
        value
            .into_iter()
            .chain(self.body.iter().map(|l| l.raw.as_str()))
    }

    fn text(&self) -> String {
        canonical_text(self.lines())
    }

    fn section_text(&self) -> String {
        values::section_text(self.lines())
    }

    /// An item's text and, from a "Response:" line under it, the answer to it, up to a form's
    /// signature ("Signed: ..."), which comes back last.
    fn split_answer(self) -> (Segment<'a>, Option<Segment<'a>>, &'a [Line]) {
        let Some(k) = self
            .body
            .iter()
            .position(|l| lines::item_answer(&l.raw).is_some())
        else {
            return (self, None, &[]);
        };
        let (item, answer) = self.body.split_at(k);
        let (head, rest) = (&answer[0], &answer[1..]);
        let signed = rest
            .iter()
            .position(|l| {
                ["Signed:", "Signed by:", "Signature:"]
                    .iter()
                    .any(|lead| starts_with_ignore_case(l.raw.trim_start(), lead))
            })
            .unwrap_or(rest.len());
        let (body, signature) = rest.split_at(signed);
        let answer = Segment {
            head: Some(head),
            label: None,
            value: lines::item_answer(&head.raw).unwrap_or(""),
            body,
        };
        (Segment { body: item, ..self }, Some(answer), signature)
    }

    /// The first paragraph's lines, and the body lines after it.
    fn first_paragraph(&self) -> (Vec<&'a str>, &'a [Line]) {
        let mut lines: Vec<&'a str> = Vec::new();
        if !self.value.is_empty() {
            lines.push(self.value);
        }
        let mut rest = self.body;
        while let Some((line, tail)) = rest.split_first() {
            if line.raw.trim().is_empty() && !lines.is_empty() {
                break;
            }
            if !line.raw.trim().is_empty() {
                lines.push(line.raw.trim());
            }
            rest = tail;
        }
        (lines, rest)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Chief,
    Pcc,
}

impl Side {
    fn pointer(self) -> &'static str {
        match self {
            Side::Chief => "/chief_constable_response/text",
            Side::Pcc => "/pcc_response/text",
        }
    }

    fn section_pointer(self) -> &'static str {
        match self {
            Side::Chief => "/chief_constable_response",
            Side::Pcc => "/pcc_response",
        }
    }

    fn index(self) -> usize {
        match self {
            Side::Chief => 0,
            Side::Pcc => 1,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Side::Chief => "the chief constable's response",
            Side::Pcc => "the PCC's response",
        }
    }
}

/// The section being read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Top,
    Recommendations,
    Causes,
    Areas,
    Response(Side),
    Office,
}

/// The item that attribute labels (Status, Due, Action, ...) belong to.
#[derive(Clone, Copy)]
enum Current {
    None,
    Recommendation(usize),
    Cause(usize),
    Area(usize),
    Response(Side, usize),
}

/// What a per-item response under a "Recommendation N" heading answers.
#[derive(Clone, Copy)]
enum Target {
    Recommendation(NonZeroU32),
    Area(NonZeroU32),
}

impl Target {
    /// What a response section's "Recommendation N" heading is for (a cause of concern is
    /// answered through its recommendations: no target of its own).
    fn of(kind: ItemKind, id: NonZeroU32) -> Option<Target> {
        match kind {
            ItemKind::Recommendation => Some(Target::Recommendation(id)),
            ItemKind::AreaForImprovement => Some(Target::Area(id)),
            ItemKind::CauseOfConcern => None,
        }
    }
}

struct Builder {
    /// The response so far; keys in `absent` hold stand-in values and are left out when written.
    r: Response,
    absent: BTreeSet<String>,
    notes: Vec<Note>,
    context: Context,
    current: Current,
    /// A per-item heading in a response section waiting for its action or reason.
    pending: Option<Target>,
    /// The line of each recommendation's heading, for notes.
    recommendation_lines: Vec<Option<usize>>,
    /// Lines kept in each response section's text after its own (chief, then PCC), joined once
    /// at the end so that long documents import in linear time.
    kept: [Vec<String>; 2],
    prov: Provenance,
    /// Lines in no field yet, with why: placed or reported once the whole document is read.
    free: Vec<FreeLine>,
    /// Each response section's lines as read (chief, then PCC), for the readers of prose.
    side_lines: [Vec<(usize, String)>; 2],
    /// The template's title line was seen: the document is read by its labels only.
    template: bool,
    /// The line of the policing body's name, once known.
    body_line: Option<usize>,
    /// The body's words from a heading "X response to HMICFRS ...", to be resolved at the end.
    heading_body: Option<(usize, String)>,
    /// Lines whose words were used as a value (a heading naming the report).
    heading_lines: BTreeSet<usize>,
    /// The line of the first section heading (a response, recommendations, ...).
    first_section: Option<usize>,
}

/// A line in no field yet.
struct FreeLine {
    number: usize,
    text: String,
    why: String,
}

fn empty_response() -> Response {
    let section = || ResponseSection {
        submitted: None,
        invited_on: None,
        text: String::new(),
        responses: None,
        cy: None,
    };
    Response {
        schema: None,
        policing_body: String::new(),
        force: String::new(),
        inspection: Inspection {
            title: String::new(),
            published: NaiveDate::MIN,
            publication_types: Vec::new(),
            forces: Vec::new(),
            link: String::new(),
            cy: None,
        },
        response_deadline: NaiveDate::MIN,
        key_findings: String::new(),
        recommendations: Vec::new(),
        causes_of_concern: None,
        areas_for_improvement: Vec::new(),
        chief_constable_response: section(),
        pcc_response: section(),
        office_use: None,
        cy: None,
    }
}

impl Builder {
    fn new() -> Self {
        Builder {
            r: empty_response(),
            absent: REQUIRED.iter().map(|(p, _)| (*p).to_owned()).collect(),
            notes: Vec::new(),
            context: Context::Top,
            current: Current::None,
            pending: None,
            recommendation_lines: Vec::new(),
            kept: [Vec::new(), Vec::new()],
            prov: Provenance::default(),
            free: Vec::new(),
            side_lines: [Vec::new(), Vec::new()],
            template: false,
            body_line: None,
            heading_body: None,
            heading_lines: BTreeSet::new(),
            first_section: None,
        }
    }

    fn note(&mut self, line: Option<usize>, message: impl Into<String>) {
        self.notes.push(Note {
            line,
            message: message.into(),
        });
    }

    /// Keeps `lines` aside as not (yet) mapped: each paragraph is reported at the end unless a
    /// reader of prose places it.
    fn unmapped(&mut self, lines: &[Line], why: &str) {
        for line in lines.iter().filter(|l| !l.raw.trim().is_empty()) {
            self.free.push(FreeLine {
                number: line.number,
                text: line.raw.clone(),
                why: why.to_owned(),
            });
        }
    }

    /// Reports one line (or its part) as not mapped, now.
    fn not_mapped(&mut self, line: Option<usize>, why: &str, text: &str) {
        self.note(line, format!("not mapped ({why}): \"{}\"", excerpt(text)));
        if let Some(line) = line {
            self.prov.unmapped(Span::line(line), why);
        }
    }

    /// Reports a segment as not mapped: its label's line with why, and the lines under it with
    /// `below`.
    /// A letter's closing ends the section above it; it and the signature below wait for the
    /// body's letter text (see `read_prose`), else they are reported.
    fn closing(&mut self, s: &Segment) {
        self.enter(Context::Top);
        self.unmapped(
            s.head.map(std::slice::from_ref).unwrap_or_default(),
            CLOSING,
        );
        self.unmapped(s.body, CLOSING);
    }

    fn segment_not_mapped(&mut self, s: &Segment, why: &str, below: &str) {
        let head = s.head.map_or("", |h| h.raw.as_str());
        self.not_mapped(s.line(), why, head);
        self.unmapped(s.body, below);
    }

    /// The `index`th answer in a response section.
    fn response_mut(&mut self, side: Side, index: usize) -> Option<&mut ItemResponse> {
        self.section(side).responses.as_mut()?.get_mut(index)
    }

    /// Records where a field came from.
    fn landed(&mut self, pointer: &str, lines: Span, rule: impl Into<String>) {
        self.prov.field(pointer, lines, rule);
    }

    /// Marks `pointer` as stated; false (with a note) if it already was.
    fn claim(&mut self, pointer: &str, line: Option<usize>) -> bool {
        let first = self.absent.remove(pointer);
        if !first {
            self.note(
                line,
                format!("{} appears again; the first one is kept", name_of(pointer)),
            );
        }
        first
    }

    fn segment(&mut self, s: &Segment) {
        let Some(label) = s.label else {
            return self.unmapped(s.body, "before the document's first heading");
        };
        if s.head.is_some_and(|h| h.welsh) {
            return self.welsh_segment(s, label);
        }
        match label {
            Label::Title { policing_body } => {
                self.template = true;
                if self.claim("/policing_body", s.line()) {
                    self.r.policing_body = policing_body.clone();
                    self.body_line = s.line();
                    self.landed(
                        "/policing_body",
                        s.first_paragraph_span(),
                        "the template's title line: the words before \"response to inspections\"",
                    );
                }
                self.unmapped(s.body, "not part of any section");
            }
            Label::ResponseTo { body, title } => self.response_heading(s, body, title.as_deref()),
            Label::SentOn => self.sent_on(s),
            Label::ResponsePublished => self.response_published(s),
            Label::FormOptions => self.form_type(s),
            Label::Statute => {
                let (_, rest) = s.first_paragraph();
                self.prov.unmapped(
                    s.first_paragraph_span(),
                    "the template's fixed statutory paragraph; the file does not keep it",
                );
                self.unmapped(
                    rest,
                    "after the statutory paragraph, not part of any section",
                );
            }
            Label::Force => {
                self.line_field(s, "/force", |r| &mut r.force);
                self.force_remark(s);
            }
            Label::InspectionTitle => {
                self.line_field(s, "/inspection/title", |r| &mut r.inspection.title)
            }
            Label::Published if self.context == Context::Office => self.office_date(s),
            Label::Published => {
                self.date_field(s, "/inspection/published", |r| &mut r.inspection.published)
            }
            Label::PublicationTypes => self.list_field(
                s,
                "/inspection/publication_types",
                values::is_known_publication_type,
                |r| &mut r.inspection.publication_types,
            ),
            Label::Forces => {
                self.list_field(s, "/inspection/forces", values::is_known_force, |r| {
                    &mut r.inspection.forces
                })
            }
            Label::Link => self.link(s),
            Label::Deadline => {
                self.date_field(s, "/response_deadline", |r| &mut r.response_deadline)
            }
            Label::KeyFindings => {
                self.enter(Context::Top);
                self.text_field(s, "/key_findings", |r| &mut r.key_findings);
            }
            Label::Recommendations => self.list_section(s, Context::Recommendations),
            Label::CausesOfConcern => self.list_section(s, Context::Causes),
            Label::AreasForImprovement => self.list_section(s, Context::Areas),
            Label::ChiefConstableResponse => self.response_section(s, Side::Chief),
            Label::PccResponse => self.response_section(s, Side::Pcc),
            Label::OfficeUse => self.office(s),
            Label::Item { kind, id } => match NonZeroU32::new(*id) {
                Some(id) => self.item(s, *kind, id),
                None => self.unmapped(s.body, "an item numbered 0"),
            },
            Label::ActionPlan => self.action_plan(s),
            Label::Closing => self.closing(s),
            Label::StatementEnd => {
                self.enter(Context::Top);
                self.segment_not_mapped(s, STATEMENT_END, STATEMENT_END);
            }
            attribute => self.attribute(s, attribute),
        }
    }

    /// The action plan's rows, each the follow-up of the next response (in the document's order)
    /// that gives an action for the row's item; the action column only summarises the action.
    fn action_plan(&mut self, s: &Segment) {
        if let Some(head) = s.line() {
            self.prov.unmapped(
                Span::line(head),
                "the action plan's heading; its rows hold the follow-up",
            );
        }
        let rows = s.body.iter().filter(|l| !l.raw.trim().is_empty());
        let mut taken: Vec<(Side, usize)> = Vec::new();
        for line in rows {
            let cells = table_cells(&line.raw);
            if cells
                .iter()
                .map(String::as_str)
                .eq(crate::render::labels::ACTION_PLAN_COLUMNS)
            {
                self.prov
                    .unmapped(Span::line(line.number), "the action plan's header row");
                continue;
            }
            let [target, _summary, owner, _due, progress, updated, notes] = cells.as_slice() else {
                self.not_mapped(
                    Some(line.number),
                    "an action plan row without its seven columns",
                    &line.raw,
                );
                continue;
            };
            let Some((side, i)) = self.next_action(target, &taken) else {
                self.not_mapped(
                    Some(line.number),
                    "an action plan row for no response with an action",
                    &line.raw,
                );
                continue;
            };
            taken.push((side, i));
            let cell = |c: &str| Some(c.to_owned()).filter(|c| !c.is_empty());
            let date = |c: &str| crate::dates::parse_long_date(c);
            let Some(entry) = self.response_mut(side, i) else {
                continue;
            };
            entry.owner = cell(owner);
            entry.progress = cell(progress).map(|p| p.to_lowercase().replace(' ', "-"));
            entry.updated = date(updated);
            entry.notes = cell(notes);
            let pointer = format!("{}/responses/{i}", side.section_pointer());
            self.landed(
                &pointer,
                Span::line(line.number),
                "a row of the action plan",
            );
        }
    }

    /// The first response not yet `taken` that gives an action for `target` ("Recommendation 2").
    fn next_action(&mut self, target: &str, taken: &[(Side, usize)]) -> Option<(Side, usize)> {
        [Side::Chief, Side::Pcc].into_iter().find_map(|side| {
            let responses = self.section(side).responses.as_deref().unwrap_or_default();
            responses
                .iter()
                .enumerate()
                .filter(|(_, r)| r.action.is_some())
                .find(|(i, r)| {
                    crate::render::response_targets(r, &crate::render::labels::Labels::ENGLISH)
                        .join(" and ")
                        == target
                        && !taken.contains(&(side, *i))
                })
                .map(|(i, _)| (side, i))
        })
    }

    fn enter(&mut self, context: Context) {
        self.context = context;
        self.current = Current::None;
        self.pending = None;
    }

    /// A one-line value (its first paragraph, lines joined).
    fn line_field(&mut self, s: &Segment, pointer: &str, slot: fn(&mut Response) -> &mut String) {
        let (paragraph, rest) = s.first_paragraph();
        let value = paragraph.join(" ");
        if value.is_empty() {
            self.note(
                s.line(),
                format!("{} has no value; it is left empty", name_of(pointer)),
            );
        }
        if self.claim(pointer, s.line()) {
            *slot(&mut self.r) = value;
            self.landed(pointer, s.first_paragraph_span(), labelled(pointer));
        }
        self.unmapped(rest, &format!("after {}", name_of(pointer)));
    }

    /// "Force: Derbyshire Constabulary (not one of the forces inspected)": the force's name,
    /// and the remark reported.
    fn force_remark(&mut self, s: &Segment) {
        let value = self.r.force.trim_end();
        let Some((name, remark)) = value
            .strip_suffix(')')
            .and_then(|v| v.rsplit_once(" ("))
            .filter(|(name, _)| values::is_known_force(name))
        else {
            return;
        };
        let remark = format!("({remark})");
        self.r.force = name.trim().to_owned();
        self.not_mapped(
            s.line(),
            "a remark in brackets after the force's name",
            &remark,
        );
    }

    /// "Type of Inspection: National thematic": one publication type, when the value names one
    /// and is not the form's list of options to tick ("Force specific / Thematic").
    fn form_type(&mut self, s: &Segment) {
        let (paragraph, rest) = s.first_paragraph();
        let value = paragraph.join(" ");
        let types = prose::publication_types_named(&value);
        // Options flattened one to a line ("Force Specific", "Thematic", "National"), in
        // paragraphs of their own, or in one row ("Force Specific  Thematic  Joint").
        let short_lines_below = rest.iter().any(|l| {
            let words = l.raw.split_whitespace().count();
            (1..=3).contains(&words)
        });
        let options = paragraph.len() > 1
            || short_lines_below
            || types.len() > 1
            || value.contains("  ")
            || value.contains(['/', '|', '\u{2610}', '\u{2612}', '\u{25a1}', '['])
            || value.to_lowercase().contains(" or ");
        if options || types.is_empty() {
            return self.segment_not_mapped(s, FORM_OPTIONS, FORM_OPTIONS);
        }
        if !self.claim("/inspection/publication_types", s.line()) {
            return self.unmapped(rest, FORM_OPTIONS);
        }
        self.r.inspection.publication_types = types.iter().map(|t| (*t).to_owned()).collect();
        self.landed(
            "/inspection/publication_types",
            s.first_paragraph_span(),
            "a form's \"Type of Inspection\" naming one publication type",
        );
        self.unmapped(rest, FORM_OPTIONS);
    }

    fn text_field(&mut self, s: &Segment, pointer: &str, slot: fn(&mut Response) -> &mut String) {
        let text = s.section_text();
        if text.is_empty() {
            self.note(s.line(), format!("{} is empty", name_of(pointer)));
        }
        if self.claim(pointer, s.line()) {
            *slot(&mut self.r) = text;
            self.landed(pointer, s.span(), labelled(pointer));
        }
    }

    fn date_field(
        &mut self,
        s: &Segment,
        pointer: &str,
        slot: fn(&mut Response) -> &mut NaiveDate,
    ) {
        let Some(date) = self.date_value(s, name_of(pointer)) else {
            return;
        };
        if self.claim(pointer, s.line()) {
            *slot(&mut self.r) = date;
            self.landed(pointer, s.first_paragraph_span(), labelled(pointer));
        }
    }

    /// The date in a segment's first paragraph; a note when there is none.
    fn date_value(&mut self, s: &Segment, name: &str) -> Option<NaiveDate> {
        let (paragraph, rest) = s.first_paragraph();
        let text = paragraph.join(" ");
        let date = values::date(&text);
        if date.is_none() {
            self.note(
                s.line(),
                format!(
                    "{name}: \"{}\" is not a date such as \"24 October 2025\"; it is left out",
                    excerpt(&text)
                ),
            );
        }
        self.unmapped(rest, &format!("after {name}"));
        date
    }

    fn list_field(
        &mut self,
        s: &Segment,
        pointer: &str,
        is_known: fn(&str) -> bool,
        slot: fn(&mut Response) -> &mut Vec<String>,
    ) {
        let (paragraph, rest) = s.first_paragraph();
        let items = values::list(&paragraph, is_known);
        if items.is_empty() {
            self.note(
                s.line(),
                format!("{} has no value; it is left out", name_of(pointer)),
            );
        } else if self.claim(pointer, s.line()) {
            *slot(&mut self.r) = items;
            self.landed(pointer, s.first_paragraph_span(), labelled(pointer));
        }
        self.unmapped(rest, &format!("after {}", name_of(pointer)));
    }

    fn link(&mut self, s: &Segment) {
        let (paragraph, rest) = s.first_paragraph();
        let text = paragraph.join(" ");
        match values::link(&text) {
            Some(url) if self.claim("/inspection/link", s.line()) => {
                self.r.inspection.link = url;
                self.landed(
                    "/inspection/link",
                    s.first_paragraph_span(),
                    labelled("/inspection/link"),
                );
            }
            Some(_) => {}
            None => self.note(
                s.line(),
                format!(
                    "Link to Report: no address in \"{}\"; it is left out",
                    excerpt(&text)
                ),
            ),
        }
        self.unmapped(rest, "after Link to Report");
    }

    /// A list section's heading: its body may say there were none; anything else is an
    /// introduction the file has no place for.
    fn list_section(&mut self, s: &Segment, context: Context) {
        self.enter(context);
        self.first_section.get_or_insert(s.line().unwrap_or(0));
        let pointer = match context {
            Context::Recommendations => "/recommendations",
            Context::Causes => "/causes_of_concern",
            _ => "/areas_for_improvement",
        };
        self.landed(
            pointer,
            Span::line(s.line().unwrap_or(0)),
            "the section's heading",
        );
        let first_item = s
            .body
            .iter()
            .position(|l| lines::numbered(&l.raw).is_some())
            .unwrap_or(s.body.len());
        let (before, items) = s.body.split_at(first_item);
        let mut intro: Vec<(usize, &str)> = Vec::new();
        let value = Some((s.line().unwrap_or(0), s.value)).filter(|(_, v)| !v.is_empty());
        let lines = value
            .into_iter()
            .chain(before.iter().map(|l| (l.number, l.raw.as_str())));
        for (number, line) in lines.filter(|(_, l)| !l.trim().is_empty()) {
            if values::says_none(line) {
                self.mark_list_stated(context);
                self.landed(
                    pointer,
                    Span::line(number),
                    "a sentence saying there were none",
                );
            } else {
                intro.push((number, line));
            }
        }
        if let (Some(first), Some(last)) = (intro.first(), intro.last()) {
            let why = "the file has no place for a section's introduction";
            self.note(
                Some(first.0),
                format!("not mapped ({why}): \"{}\"", excerpt(first.1)),
            );
            self.prov.unmapped(Span::new(first.0, last.0), why);
        }
        self.numbered_items(items, context);
    }

    /// A numbered list under a list's heading ("1. The force should ..."): each line starts the
    /// item of that number, and a "Response:" line under it is the body's answer to it.
    fn numbered_items(&mut self, lines: &[Line], context: Context) {
        let kind = match context {
            Context::Recommendations => ItemKind::Recommendation,
            Context::Causes => ItemKind::CauseOfConcern,
            _ => ItemKind::AreaForImprovement,
        };
        let starts: Vec<usize> = (0..lines.len())
            .filter(|&i| lines::numbered(&lines[i].raw).is_some())
            .collect();
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(lines.len());
            let Some((id, text)) = lines::numbered(&lines[start].raw) else {
                continue;
            };
            let item = Segment {
                head: Some(&lines[start]),
                label: None,
                value: text,
                body: &lines[start + 1..end],
            };
            let Some(id) = NonZeroU32::new(id) else {
                self.unmapped(&lines[start..end], "an item numbered 0");
                continue;
            };
            let (item, answer, signature) = item.split_answer();
            self.unmapped(signature, SIGNATURE);
            if Target::of(kind, id).is_some_and(|t| self.is_listed(t)) {
                self.note(
                    item.line(),
                    format!("item {id} is numbered again: both are kept; check the numbering"),
                );
            }
            self.item(&item, kind, id);
            if let (Some(answer), Some(target)) = (answer, Target::of(kind, id)) {
                // The body publishes the answers: they are its response's.
                let index = self.new_response(Side::Pcc, target);
                self.fill_answer(Side::Pcc, index, &answer, &Label::Action);
                self.current = Current::None;
            }
        }
    }

    /// The list is stated (possibly empty): it is written even if no item follows.
    fn mark_list_stated(&mut self, context: Context) {
        match context {
            Context::Recommendations => {
                self.absent.remove("/recommendations");
            }
            Context::Areas => {
                self.absent.remove("/areas_for_improvement");
            }
            Context::Causes => {
                self.r.causes_of_concern.get_or_insert_with(Vec::new);
            }
            _ => {}
        }
    }

    fn item(&mut self, s: &Segment, kind: ItemKind, id: NonZeroU32) {
        match (self.context, kind) {
            (Context::Response(side), _) => self.response_item(s, side, Target::of(kind, id)),
            (_, ItemKind::Recommendation) => self.recommendation(s, id),
            (_, ItemKind::CauseOfConcern) => self.cause(s, id),
            (_, ItemKind::AreaForImprovement) => self.area(s, id),
        }
    }

    fn item_text(&mut self, s: &Segment, what: &str) -> String {
        let text = s.text();
        if text.is_empty() {
            self.note(s.line(), format!("{what} has no text"));
        }
        text
    }

    fn recommendation(&mut self, s: &Segment, id: NonZeroU32) {
        self.enter(Context::Recommendations);
        let index = self.push_recommendation(
            s,
            id,
            "a \"Recommendation N\" heading and the text under it",
        );
        self.current = Current::Recommendation(index);
    }

    /// An item stated with its answer inside a response section ("Recommendation 2: TEXT"):
    /// the item, unless the list above already has it.
    /// (Its text empty, "Recommendation 3" alone above "Response:", it names the item only.)
    fn stated_item(&mut self, s: &Segment, target: Target) {
        let rule = "an item's text above its \"Response:\" in a response section";
        if s.text().is_empty() {
            return;
        }
        match target {
            Target::Recommendation(id) => {
                self.push_recommendation(s, id, rule);
            }
            Target::Area(id) => {
                self.push_area(s, id, rule);
            }
        }
    }

    /// Whether the list above has the item.
    fn is_listed(&self, target: Target) -> bool {
        match target {
            Target::Recommendation(id) => self.r.recommendations.iter().any(|r| r.id == id),
            Target::Area(id) => self.r.areas_for_improvement.iter().any(|a| a.id == id),
        }
    }

    fn push_recommendation(&mut self, s: &Segment, id: NonZeroU32, rule: &str) -> usize {
        self.mark_list_stated(Context::Recommendations);
        let text = self.item_text(s, &format!("Recommendation {id}"));
        let index = self.r.recommendations.len();
        // The model needs a status; the stand-in is never written (the key is absent).
        self.absent
            .insert(format!("/recommendations/{index}/status"));
        self.r.recommendations.push(Recommendation {
            id,
            due: stated_due(&text),
            text,
            directed_at: None,
            status: Status::Accepted,
            cy: None,
        });
        self.recommendation_lines.push(s.line());
        self.landed(&format!("/recommendations/{index}"), s.span(), rule);
        index
    }

    fn cause(&mut self, s: &Segment, id: NonZeroU32) {
        self.enter(Context::Causes);
        let text = self.item_text(s, &format!("Cause of concern {id}"));
        let causes = self.r.causes_of_concern.get_or_insert_with(Vec::new);
        causes.push(CauseOfConcern {
            id,
            text,
            recommendations: Vec::new(),
            cy: None,
        });
        let index = causes.len() - 1;
        self.current = Current::Cause(index);
        self.landed(
            &format!("/causes_of_concern/{index}"),
            s.span(),
            "a \"Cause of concern N\" heading and the text under it",
        );
    }

    fn area(&mut self, s: &Segment, id: NonZeroU32) {
        self.enter(Context::Areas);
        let index = self.push_area(
            s,
            id,
            "an \"Area for improvement N\" heading and the text under it",
        );
        self.current = Current::Area(index);
    }

    fn push_area(&mut self, s: &Segment, id: NonZeroU32, rule: &str) -> usize {
        self.mark_list_stated(Context::Areas);
        let text = self.item_text(s, &format!("Area for improvement {id}"));
        self.r.areas_for_improvement.push(AreaForImprovement {
            id,
            text,
            status: None,
            cy: None,
        });
        let index = self.r.areas_for_improvement.len() - 1;
        self.landed(&format!("/areas_for_improvement/{index}"), s.span(), rule);
        index
    }

    fn response_section(&mut self, s: &Segment, side: Side) {
        // A template's sections run to the next heading, quoted or not.
        let end = match side {
            Side::Chief if !self.template => quoted_reply_end(s),
            _ => s.body.len(),
        };
        let (body, after) = s.body.split_at(end);
        let s = &Segment { body, ..*s };
        self.unmapped(after, QUOTE_ENDED);
        self.enter(Context::Response(side));
        self.first_section.get_or_insert(s.line().unwrap_or(0));
        let text = s.section_text();
        if text.is_empty() {
            self.note(s.line(), format!("{} has no text of its own", side.name()));
        }
        if self.absent.remove(side.pointer()) {
            self.section(side).text = text;
        } else if !text.is_empty() {
            // A section in two parts, or a first heading with nothing under it: the text
            // follows the first part's rather than being dropped.
            let kept = &mut self.kept[side.index()];
            kept.push(String::new());
            kept.extend(s.lines().map(str::to_owned));
            self.note(
                s.line(),
                format!(
                    "{} appears again: its text is added after the first's",
                    side.name()
                ),
            );
        }
        self.landed(
            side.pointer(),
            s.span(),
            format!(
                "the heading of {} (\"{}\") and the text under it",
                side.name(),
                excerpt(s.head.map_or("", |h| h.raw.as_str()))
            ),
        );
        let value =
            Some((s.line().unwrap_or(0), s.value.to_owned())).filter(|(_, v)| !v.is_empty());
        let body = s.body.iter().map(|l| (l.number, l.raw.clone()));
        self.side_lines[side.index()].extend(value.into_iter().chain(body));
    }

    fn section(&mut self, side: Side) -> &mut ResponseSection {
        match side {
            Side::Chief => &mut self.r.chief_constable_response,
            Side::Pcc => &mut self.r.pcc_response,
        }
    }

    /// "Recommendation N" inside a response section. Text directly under it does not say
    /// whether it is an action or a reason for none, so it stays in the section's text.
    fn response_item(&mut self, s: &Segment, side: Side, target: Option<Target>) {
        self.current = Current::None;
        self.pending = target;
        // "Recommendation 2: TEXT" then "Response: ...": the recommendation, then the answer;
        // an item the list above already has keeps its lines in the section's text, as below.
        if let Some(target) = target.filter(|t| !self.is_listed(*t))
            && let (item, Some(answer), signature) = s.split_answer()
        {
            self.stated_item(&item, target);
            self.answer(&answer, &Label::Action);
            self.unmapped(signature, SIGNATURE);
            return;
        }
        let pointer = format!("{}/responses", side.section_pointer());
        self.landed(&pointer, Span::line(s.line().unwrap_or(0)), "a \"Recommendation N\" heading in a response section: the item the answers below it are for");
        if s.text().is_empty() {
            return;
        }
        let head = s.head.map(|h| h.raw.clone());
        let kept = &mut self.kept[side.index()];
        kept.push(String::new());
        kept.extend(head.into_iter().chain(s.body.iter().map(|l| l.raw.clone())));
        let lines = s
            .head
            .into_iter()
            .chain(s.body)
            .map(|l| (l.number, l.raw.clone()));
        self.side_lines[side.index()].extend(lines);
        self.absent.remove(side.pointer());
        self.landed(
            side.pointer(),
            s.span(),
            "text under a \"Recommendation N\" heading in a response section",
        );
        self.note(
            s.line(),
            format!(
                "the text under this heading does not say whether it is an action (\"Action taken or proposed:\") or a reason for taking none (\"Reason no action will be taken:\"); it is kept in {}",
                side.name()
            ),
        );
    }

    fn attribute(&mut self, s: &Segment, label: &Label) {
        match (label, self.current) {
            (Label::Action | Label::NoActionReason, _)
                if matches!(self.context, Context::Response(_)) =>
            {
                self.answer(s, label)
            }
            (Label::Status, Current::Recommendation(i)) => {
                if let Some(status) = self.status_value(s) {
                    self.r.recommendations[i].status = status;
                    self.absent.remove(&format!("/recommendations/{i}/status"));
                    self.landed(
                        &format!("/recommendations/{i}/status"),
                        s.first_paragraph_span(),
                        "the label \"Status\" under a recommendation",
                    );
                }
            }
            (Label::Status, Current::Area(i)) => {
                self.r.areas_for_improvement[i].status = self.status_value(s);
                self.landed(
                    &format!("/areas_for_improvement/{i}/status"),
                    s.first_paragraph_span(),
                    "the label \"Status\" under an area for improvement",
                );
            }
            (Label::Due, Current::Recommendation(i)) => {
                self.r.recommendations[i].due = self.date_value(s, "Due");
                self.landed(
                    &format!("/recommendations/{i}/due"),
                    s.first_paragraph_span(),
                    "the label \"Due\" under a recommendation",
                );
            }
            (Label::Due | Label::PlannedCompletion, Current::Response(side, i)) => {
                let due = self.date_value(s, "Planned completion");
                if let Some(response) = self.response_mut(side, i) {
                    response.due = due;
                }
                let pointer = format!("{}/responses/{i}/due", side.section_pointer());
                self.landed(
                    &pointer,
                    s.first_paragraph_span(),
                    "the label \"Planned completion\" under a response",
                );
            }
            (Label::DirectedAt, Current::Recommendation(i)) => {
                let (paragraph, rest) = s.first_paragraph();
                self.r.recommendations[i].directed_at = Some(values::list(&paragraph, |_| false));
                self.landed(
                    &format!("/recommendations/{i}/directed_at"),
                    s.first_paragraph_span(),
                    "the label \"Directed at\" under a recommendation",
                );
                self.unmapped(rest, "after Directed at");
            }
            (Label::RelatedRecommendations, Current::Cause(i)) => {
                let (paragraph, rest) = s.first_paragraph();
                if let Some(causes) = self.r.causes_of_concern.as_mut() {
                    causes[i].recommendations = values::ids(&paragraph.join(" "));
                }
                self.landed(
                    &format!("/causes_of_concern/{i}/recommendations"),
                    s.first_paragraph_span(),
                    "the label \"Related recommendations\" under a cause of concern",
                );
                self.unmapped(rest, "after Related recommendations");
            }
            _ => self.segment_not_mapped(
                s,
                "it belongs to no recommendation, area for improvement or response here",
                "under a label that was not mapped",
            ),
        }
    }

    fn status_value(&mut self, s: &Segment) -> Option<Status> {
        let (paragraph, rest) = s.first_paragraph();
        let text = paragraph.join(" ");
        let status = values::status(&text);
        if status.is_none() {
            self.note(s.line(), format!("\"{}\" is not a status (accepted, partially accepted, not accepted, not applicable); it is left out", excerpt(&text)));
        }
        self.unmapped(rest, "after Status");
        status
    }

    /// "Action taken or proposed:" or "Reason no action will be taken:" in a response section:
    /// starts the response to the pending item, or continues the current one.
    fn answer(&mut self, s: &Segment, label: &Label) {
        let Context::Response(side) = self.context else {
            return;
        };
        let index = match (self.pending.take(), self.current) {
            (Some(target), _) => self.new_response(side, target),
            (None, Current::Response(current_side, index)) if current_side == side => index,
            _ => {
                return self.segment_not_mapped(
                    s,
                    "no \"Recommendation N\" or \"Area for improvement N\" heading above it",
                    "under an action that answers no item",
                );
            }
        };
        self.current = Current::Response(side, index);
        self.fill_answer(side, index, s, label);
    }

    /// A new answer in `side`'s section to `target`; its index.
    fn new_response(&mut self, side: Side, target: Target) -> usize {
        let responses = self.section(side).responses.get_or_insert_with(Vec::new);
        responses.push(ItemResponse {
            recommendation: match target {
                Target::Recommendation(id) => Some(id),
                Target::Area(_) => None,
            },
            area_for_improvement: match target {
                Target::Area(id) => Some(id),
                Target::Recommendation(_) => None,
            },
            ..ItemResponse::default()
        });
        responses.len() - 1
    }

    /// `s`'s text as the `index`th answer's action (or reason for none), after any earlier part.
    fn fill_answer(&mut self, side: Side, index: usize, s: &Segment, label: &Label) {
        let text = s.text();
        let Some(response) = self.response_mut(side, index) else {
            return;
        };
        let (slot, key) = if *label == Label::Action {
            (&mut response.action, "action")
        } else {
            (&mut response.no_action_reason, "no_action_reason")
        };
        *slot = Some(match slot.take() {
            // Joined as is; `finish` puts every answer in the file's shape once.
            Some(earlier) => earlier + "\n\n" + &text,
            None => text,
        });
        let pointer = format!("{}/responses/{index}/{key}", side.section_pointer());
        self.landed(
            &pointer,
            s.span(),
            format!(
                "the label \"{}\" under a \"Recommendation N\" heading",
                excerpt(s.head.map_or("", |h| h.raw.as_str()))
            ),
        );
    }

    fn office(&mut self, s: &Segment) {
        self.enter(Context::Office);
        let office = self.r.office_use.get_or_insert_with(Default::default);
        let value = Some((s.line(), s.value)).filter(|(_, v)| !v.is_empty());
        let lines = value
            .into_iter()
            .chain(s.body.iter().map(|l| (Some(l.number), l.raw.as_str())));
        let (known, unknown): (Vec<_>, Vec<_>) = lines
            .filter(|(_, line)| !line.trim().is_empty())
            .partition(|(_, line)| office::apply(office, line));
        self.landed(
            "/office_use",
            Span::line(s.line().unwrap_or(0)),
            "the office-use heading",
        );
        for (line, _) in known {
            self.landed(
                "/office_use",
                Span::line(line.unwrap_or(0)),
                "a step of the office-use checklist",
            );
        }
        for (line, text) in unknown {
            self.not_mapped(line, "not a step of the office-use checklist", text);
        }
    }

    /// "Date of response: DATE": the response's date of publication, and no more (unlike "Date
    /// response sent", it does not say the response went to the Home Secretary).
    fn response_published(&mut self, s: &Segment) {
        let Some(date) = self.date_value(s, "Date of response") else {
            return;
        };
        let office = self.r.office_use.get_or_insert_with(Default::default);
        if office.published_on.is_none() {
            office.published_on = Some(date);
            self.landed(
                "/office_use/published_on",
                s.first_paragraph_span(),
                "the label \"Date of response\" (\"Date response published\")",
            );
        } else {
            self.note(
                s.line(),
                "office_use.published_on appears again; the first one is kept".to_owned(),
            );
        }
    }

    fn office_date(&mut self, s: &Segment) {
        let date = self.date_value(s, "Date published");
        if let (Some(date), Some(office)) = (date, self.r.office_use.as_mut()) {
            office.published_on = Some(date);
            self.landed(
                "/office_use/published_on",
                s.first_paragraph_span(),
                "the label \"Date published\" in the office-use section",
            );
        }
    }

    /// "X response to HMICFRS ...: TITLE": the body (resolved once the force is known) and the
    /// title; the lines below are read as prose.
    fn response_heading(&mut self, s: &Segment, body: &str, title: Option<&str>) {
        self.enter(Context::Top);
        let line = s.line().unwrap_or(0);
        self.heading_lines.insert(line);
        if self.heading_body.is_none() && !body.is_empty() {
            self.heading_body = Some((line, body.to_owned()));
        }
        if let Some(title) = title
            && self.absent.contains("/inspection/title")
        {
            self.absent.remove("/inspection/title");
            self.r.inspection.title = title.to_owned();
            self.landed(
                "/inspection/title",
                Span::line(line),
                "a heading \"... response to HMICFRS ...\": the report named after it",
            );
        }
        self.unmapped(s.body, "not part of any section");
    }

    /// "Date response sent: 09/01/2016": sent to the Home Secretary (as the form's instruction
    /// says) and, as the office publishes what it sends, the date of publication.
    fn sent_on(&mut self, s: &Segment) {
        let (paragraph, rest) = s.first_paragraph();
        let text = paragraph.join(" ");
        match prose::find_date(&text) {
            Some((date, range)) => {
                self.record_sent(
                    Some(date),
                    s.first_paragraph_span(),
                    "the label \"Date response sent\"",
                );
                let after = text[range.end..].trim();
                if !after.is_empty() {
                    self.not_mapped(s.line(), "after the date sent: a form's instruction", after);
                }
            }
            None => self.not_mapped(
                s.line(),
                "no date such as \"24 October 2025\" or \"24/10/2025\" after the label",
                &text,
            ),
        }
        self.unmapped(rest, AFTER_SENT);
    }

    fn record_sent(&mut self, date: Option<NaiveDate>, lines: Span, rule: &str) {
        let office = self.r.office_use.get_or_insert_with(Default::default);
        let sent = office.sent_to_home_secretary.is_none();
        let dated = office.published_on.is_none() && date.is_some();
        if sent {
            office.sent_to_home_secretary = Some(true);
        }
        if dated {
            office.published_on = date;
        }
        if sent {
            self.landed("/office_use/sent_to_home_secretary", lines, rule);
        }
        if dated {
            self.landed(
                "/office_use/published_on",
                lines,
                format!("{rule}: the date sent, as the response is published when sent"),
            );
        }
    }

    fn finish(mut self, lines: &[Line]) -> Result<Imported, String> {
        self.join_kept_texts();
        if !self.template {
            self.read_prose(lines);
        }
        self.report_free();
        self.infer_force();
        let missing: Vec<String> = self
            .absent
            .iter()
            .filter(|p| REQUIRED.iter().any(|(r, _)| r == p))
            .cloned()
            .collect();
        for pointer in missing {
            let key = pointer.trim_start_matches('/').replace('/', ".");
            self.note(
                None,
                format!(
                    "no {} found: `{key}` is left out for you to add",
                    name_of(&pointer)
                ),
            );
        }
        let unstated: Vec<(NonZeroU32, Option<usize>)> = (0..self.r.recommendations.len())
            .filter(|index| {
                self.absent
                    .contains(&format!("/recommendations/{index}/status"))
            })
            .map(|index| {
                (
                    self.r.recommendations[index].id,
                    self.recommendation_lines.get(index).copied().flatten(),
                )
            })
            .collect();
        for (id, line) in unstated {
            self.note(line, format!("Recommendation {id}: the document does not state its status; `status` is left out (accepted, partially-accepted, not-accepted or not-applicable)"));
        }
        self.report_unread(lines);
        let yaml = output::yaml(&self.r, &self.absent)?;
        self.prov.finish(&self.absent);
        self.notes.sort_by_key(|n| n.line.unwrap_or(usize::MAX));
        let title = Some(self.r.inspection.title.clone())
            .filter(|_| !self.absent.contains("/inspection/title"));
        Ok(Imported {
            yaml,
            notes: self.notes,
            provenance: self.prov,
            title,
        })
    }

    fn join_kept_texts(&mut self) {
        for side in [Side::Chief, Side::Pcc] {
            let kept = std::mem::take(&mut self.kept[side.index()]);
            let section = self.section(side);
            if !kept.is_empty() {
                let own = std::mem::take(&mut section.text);
                section.text =
                    values::section_text(own.lines().chain(kept.iter().map(String::as_str)));
            }
            for response in section.responses.iter_mut().flatten() {
                for answer in [&mut response.action, &mut response.no_action_reason]
                    .into_iter()
                    .flatten()
                {
                    *answer = canonical_text(answer.lines());
                }
            }
        }
    }

    /// Template documents name the body ("Norfolk's PCC") but not the force; when the body names
    /// exactly one territorial force, that is its force. Reported, so the reader can check it.
    fn infer_force(&mut self) {
        if !self.absent.contains("/force") || self.absent.contains("/policing_body") {
            return;
        }
        let catalogue = Catalogue::default();
        if let [force] = catalogue
            .forces_named_in_body(&self.r.policing_body)
            .as_slice()
        {
            self.r.force = force.name.clone();
            self.absent.remove("/force");
            let line = self.body_line.unwrap_or(0);
            self.landed(
                "/force",
                Span::line(line),
                "the force of the policing body named (catalogue)",
            );
            let message = format!(
                "force: the document does not name it; set to \"{}\", the force of \"{}\"",
                force.name, self.r.policing_body
            );
            self.note(None, message);
        }
    }
}

/// Where a chief constable's reply ends when a sentence introduces it ("The Chief Constable's
/// response was:") and it is quoted ("“I welcome ..."): after his signature, or without one at
/// the first paragraph that does not open with a quotation mark (as each paragraph of a quote
/// running over several does). Otherwise the section runs to the next heading.
fn quoted_reply_end(s: &Segment) -> usize {
    let introduced = s.value.is_empty()
        && s.head.is_some_and(|h| {
            let text = h.raw.trim();
            text.ends_with(':') && text.split_whitespace().count() >= 4
        });
    // The first line of each paragraph.
    let openings: Vec<(usize, &str)> = (0..s.body.len())
        .filter(|&i| {
            !s.body[i].raw.trim().is_empty() && (i == 0 || s.body[i - 1].raw.trim().is_empty())
        })
        .map(|i| (i, s.body[i].raw.as_str()))
        .collect();
    let quoted = openings
        .first()
        .is_some_and(|(_, line)| prose::continues_quote(line));
    if !(introduced && quoted) {
        return s.body.len();
    }
    // His signature ends the reply, wherever it is; else the first paragraph not in quotes.
    let after_signature = openings
        .iter()
        .position(|(_, line)| prose::chief_signature(line))
        .map(|k| openings.get(k + 1).map_or(s.body.len(), |(i, _)| *i));
    after_signature.unwrap_or_else(|| {
        openings
            .iter()
            .find(|(_, line)| !prose::continues_quote(line))
            .map_or(s.body.len(), |(i, _)| *i)
    })
}

/// A pipe table row's cells, trimmed, with `\|` read as a `|` inside a cell.
fn table_cells(row: &str) -> Vec<String> {
    let inner = row.trim();
    let inner = inner.strip_prefix('|').unwrap_or(inner);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                cell.push('|');
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells.iter().map(|c| c.trim().to_owned()).collect()
}

/// The rule of thumb for a field read under its label.
fn labelled(pointer: &str) -> String {
    format!("the value at or under its label ({})", name_of(pointer))
}

/// The start of a line, for notes.
fn excerpt(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(70) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}
