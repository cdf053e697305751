//! `import`: a template-shaped response (Markdown or plain text, as offices write them) into a
//! response file. The document is read as labelled segments (see `lines`), then each segment is
//! mapped onto the model in the context of the section it is in. Nothing is invented: what the
//! document does not state stays absent so `check` asks for it, and whatever could not be mapped
//! is reported as a [`Note`].

mod lines;
mod office;
mod output;
mod values;

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
use lines::{ItemKind, Label, Line};

pub use values::canonical_text;

/// The result of an import: the response file and what the reader should check.
#[derive(Debug)]
pub struct Imported {
    pub yaml: String,
    pub notes: Vec<Note>,
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
    let lines = lines::read(text);
    let mut builder = Builder::new();
    for segment in segments(&lines) {
        builder.segment(&segment);
    }
    builder.finish()
}

/// The required keys, with the template's name for each (for notes about what is missing).
const REQUIRED: &[(&str, &str)] = &[
    (
        "/policing_body",
        "policing body (the title line, \"... response to inspections published by HMICFRS\")",
    ),
    ("/force", "Force"),
    ("/inspection/title", "Inspection Title"),
    ("/inspection/published", "Published on"),
    ("/inspection/publication_types", "Publication Types"),
    ("/inspection/forces", "Police Forces"),
    ("/inspection/link", "Link to Report"),
    ("/response_deadline", "Section 55 Response Deadline"),
    ("/key_findings", "Key Findings"),
    (
        "/recommendations",
        "Recommendations (or \"There were no recommendations.\")",
    ),
    (
        "/areas_for_improvement",
        "Areas For Improvement (or \"There were no areas for improvement.\")",
    ),
    ("/chief_constable_response/text", "Chief Constable response"),
    ("/pcc_response/text", "PCC response"),
];

fn name_of(pointer: &str) -> &str {
    REQUIRED
        .iter()
        .find(|(p, _)| *p == pointer)
        .map_or(pointer, |(_, name)| name)
}

/// A label line and the lines up to the next one (or the lines before the first label).
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
}

fn empty_response() -> Response {
    let section = || ResponseSection {
        text: String::new(),
        responses: None,
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
        },
        response_deadline: NaiveDate::MIN,
        key_findings: String::new(),
        recommendations: Vec::new(),
        causes_of_concern: None,
        areas_for_improvement: Vec::new(),
        chief_constable_response: section(),
        pcc_response: section(),
        office_use: None,
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
        }
    }

    fn note(&mut self, line: Option<usize>, message: impl Into<String>) {
        self.notes.push(Note {
            line,
            message: message.into(),
        });
    }

    /// Reports each paragraph of `lines` as not mapped.
    fn unmapped(&mut self, lines: &[Line], why: &str) {
        let mut previous_blank = true;
        for line in lines {
            let blank = line.raw.trim().is_empty();
            if !blank && previous_blank {
                self.note(
                    Some(line.number),
                    format!("not mapped ({why}): \"{}\"", excerpt(&line.raw)),
                );
            }
            previous_blank = blank;
        }
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
            return self.unmapped(s.body, "before the template's first heading");
        };
        match label {
            Label::Title { policing_body } => {
                if self.claim("/policing_body", s.line()) {
                    self.r.policing_body = policing_body.clone();
                }
                self.unmapped(s.body, "not part of any section");
            }
            Label::Statute => {
                let (_, rest) = s.first_paragraph();
                self.unmapped(
                    rest,
                    "after the statutory paragraph, not part of any section",
                );
            }
            Label::Force => self.line_field(s, "/force", |r| &mut r.force),
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
            attribute => self.attribute(s, attribute),
        }
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
        }
        self.unmapped(rest, &format!("after {}", name_of(pointer)));
    }

    fn text_field(&mut self, s: &Segment, pointer: &str, slot: fn(&mut Response) -> &mut String) {
        let text = s.section_text();
        if text.is_empty() {
            self.note(s.line(), format!("{} is empty", name_of(pointer)));
        }
        if self.claim(pointer, s.line()) {
            *slot(&mut self.r) = text;
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
        }
        self.unmapped(rest, &format!("after {}", name_of(pointer)));
    }

    fn link(&mut self, s: &Segment) {
        let (paragraph, rest) = s.first_paragraph();
        let text = paragraph.join(" ");
        match values::link(&text) {
            Some(url) if self.claim("/inspection/link", s.line()) => self.r.inspection.link = url,
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
        let mut intro = Vec::new();
        for line in s.lines().filter(|l| !l.trim().is_empty()) {
            if values::says_none(line) {
                self.mark_list_stated(context);
            } else {
                intro.push(line);
            }
        }
        if !intro.is_empty() {
            let first = s
                .body
                .iter()
                .find(|l| !l.raw.trim().is_empty())
                .map(|l| l.number)
                .or(s.line());
            self.note(
                first,
                format!(
                    "not mapped (the file has no place for a section's introduction): \"{}\"",
                    excerpt(intro[0])
                ),
            );
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
            (Context::Response(side), ItemKind::Recommendation) => {
                self.response_item(s, side, Some(Target::Recommendation(id)))
            }
            (Context::Response(side), ItemKind::AreaForImprovement) => {
                self.response_item(s, side, Some(Target::Area(id)))
            }
            (Context::Response(side), ItemKind::CauseOfConcern) => {
                self.response_item(s, side, None)
            }
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
        });
        self.recommendation_lines.push(s.line());
        self.current = Current::Recommendation(index);
    }

    fn cause(&mut self, s: &Segment, id: NonZeroU32) {
        self.enter(Context::Causes);
        let text = self.item_text(s, &format!("Cause of concern {id}"));
        let causes = self.r.causes_of_concern.get_or_insert_with(Vec::new);
        causes.push(CauseOfConcern {
            id,
            text,
            recommendations: Vec::new(),
        });
        self.current = Current::Cause(causes.len() - 1);
    }

    fn area(&mut self, s: &Segment, id: NonZeroU32) {
        self.enter(Context::Areas);
        self.mark_list_stated(Context::Areas);
        let text = self.item_text(s, &format!("Area for improvement {id}"));
        self.r.areas_for_improvement.push(AreaForImprovement {
            id,
            text,
            status: None,
        });
        self.current = Current::Area(self.r.areas_for_improvement.len() - 1);
    }

    fn response_section(&mut self, s: &Segment, side: Side) {
        self.enter(Context::Response(side));
        let text = s.section_text();
        if text.is_empty() {
            self.note(s.line(), format!("{} has no text of its own", side.name()));
        }
        if self.claim(side.pointer(), s.line()) {
            self.section(side).text = text;
        }
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
        if s.text().is_empty() {
            return;
        }
        let head = s.head.map(|h| h.raw.clone());
        let kept = &mut self.kept[side.index()];
        kept.push(String::new());
        kept.extend(head.into_iter().chain(s.body.iter().map(|l| l.raw.clone())));
        self.absent.remove(side.pointer());
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
                }
            }
            (Label::Status, Current::Area(i)) => {
                self.r.areas_for_improvement[i].status = self.status_value(s)
            }
            (Label::Due, Current::Recommendation(i)) => {
                self.r.recommendations[i].due = self.date_value(s, "Due")
            }
            (Label::Due | Label::PlannedCompletion, Current::Response(side, i)) => {
                let due = self.date_value(s, "Planned completion");
                if let Some(response) = self
                    .section(side)
                    .responses
                    .as_mut()
                    .and_then(|r| r.get_mut(i))
                {
                    response.due = due;
                }
            }
            (Label::DirectedAt, Current::Recommendation(i)) => {
                let (paragraph, rest) = s.first_paragraph();
                self.r.recommendations[i].directed_at = Some(values::list(&paragraph, |_| false));
                self.unmapped(rest, "after Directed at");
            }
            (Label::RelatedRecommendations, Current::Cause(i)) => {
                let (paragraph, rest) = s.first_paragraph();
                if let Some(causes) = self.r.causes_of_concern.as_mut() {
                    causes[i].recommendations = values::ids(&paragraph.join(" "));
                }
                self.unmapped(rest, "after Related recommendations");
            }
            _ => {
                let head = s.head.map_or("", |h| h.raw.as_str());
                self.note(s.line(), format!("not mapped (it belongs to no recommendation, area for improvement or response here): \"{}\"", excerpt(head)));
                self.unmapped(s.body, "under a label that was not mapped");
            }
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
            (Some(target), _) => {
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
                    action: None,
                    no_action_reason: None,
                    due: None,
                });
                responses.len() - 1
            }
            (None, Current::Response(current_side, index)) if current_side == side => index,
            _ => {
                let head = s.head.map_or("", |h| h.raw.as_str());
                self.note(s.line(), format!("not mapped (no \"Recommendation N\" or \"Area for improvement N\" heading above it): \"{}\"", excerpt(head)));
                return self.unmapped(s.body, "under an action that answers no item");
            }
        };
        self.current = Current::Response(side, index);
        let text = s.text();
        let Some(response) = self
            .section(side)
            .responses
            .as_mut()
            .and_then(|r| r.get_mut(index))
        else {
            return;
        };
        let slot = if *label == Label::Action {
            &mut response.action
        } else {
            &mut response.no_action_reason
        };
        *slot = Some(match slot.take() {
            // Joined as is; `finish` puts every answer in the file's shape once.
            Some(earlier) => earlier + "\n\n" + &text,
            None => text,
        });
    }

    fn office(&mut self, s: &Segment) {
        self.enter(Context::Office);
        let office = self.r.office_use.get_or_insert_with(Default::default);
        let value = Some((s.line(), s.value)).filter(|(_, v)| !v.is_empty());
        let lines = value
            .into_iter()
            .chain(s.body.iter().map(|l| (Some(l.number), l.raw.as_str())));
        let unknown: Vec<(Option<usize>, &str)> = lines
            .filter(|(_, line)| !line.trim().is_empty() && !office::apply(office, line))
            .collect();
        for (line, text) in unknown {
            self.note(
                line,
                format!(
                    "not mapped (not a step of the office-use checklist): \"{}\"",
                    excerpt(text)
                ),
            );
        }
    }

    fn office_date(&mut self, s: &Segment) {
        let date = self.date_value(s, "Date published");
        if let (Some(date), Some(office)) = (date, self.r.office_use.as_mut()) {
            office.published_on = Some(date);
        }
    }

    fn finish(mut self) -> Result<Imported, String> {
        self.join_kept_texts();
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
        let yaml = output::yaml(&self.r, &self.absent)?;
        Ok(Imported {
            yaml,
            notes: self.notes,
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
            let message = format!(
                "force: the document does not name it; set to \"{}\", the force of \"{}\"",
                force.name, self.r.policing_body
            );
            self.note(None, message);
        }
    }
}

/// The start of a line, for notes.
fn excerpt(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(70) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}
