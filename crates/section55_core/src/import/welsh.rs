//! The Welsh part of a bilingual page (`render --lang both`): its headings and labels are read in
//! the words `render` writes them ([`Labels::WELSH`]), so a page in both languages imports back
//! into one file with each Welsh text under `cy` beside its English. The Welsh part repeats the
//! English part's facts (the force, the dates, the statuses, the checklist); those lines are
//! recorded as read in the provenance, and the file keeps each fact once, from the English.

use std::num::NonZeroU32;

use super::lines::{self, ItemKind, Label};
use super::provenance::Span;
use super::{Builder, Context, Current, Segment, Side, Target};
use crate::model::{WelshItemResponse, WelshKeyFindings, WelshText, WelshTitle};
use crate::render::labels::Labels;
use crate::welsh_grammar::soft_mutation;

/// The Welsh labels, normalised once (`lines::normalise`), as each line is compared with them.
struct Words {
    statute: String,
    title: (String, String),
    pcc_response: (String, String),
    response_to: String,
    /// Labels followed by a value on their line ("Statws: Derbyniwyd").
    fields: Vec<(String, Label)>,
    /// Headings on a line of their own.
    sections: Vec<(String, Label)>,
    /// Each kind of item by its name, and that name mutated after "i".
    kinds: Vec<(String, String, ItemKind)>,
    /// The first word of every label: a line starting with none of them is not Welsh, which
    /// keeps the check cheap on the lines of English documents.
    first_words: Vec<String>,
}

fn words() -> &'static Words {
    static WORDS: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let cy = &Labels::WELSH;
        let n = |text: &str| lines::normalise(text);
        let around = |template: &str| match template.split_once("{body}") {
            Some((before, after)) => (n(before), n(after)),
            None => (n(template), String::new()),
        };
        let pairs = |list: &[(&str, Label)]| -> Vec<(String, Label)> {
            list.iter()
                .map(|(l, label)| (n(l), label.clone()))
                .collect()
        };
        // The statute's paragraph is known by its opening words ("mae adran 55 o ddeddf yr
        // heddlu"); an office may word the rest differently.
        let statute: String = n(&cy.statute).chars().take(STATUTE_LEAD).collect();
        let mut words = Words {
            statute,
            title: around(&cy.title),
            pcc_response: around(&cy.pcc_response),
            response_to: format!("{} ", n(&cy.response_to)),
            fields: pairs(&[
                (&cy.force, Label::Force),
                (&cy.inspection_title, Label::InspectionTitle),
                (&cy.published, Label::Published),
                (&cy.publication_types, Label::PublicationTypes),
                (&cy.forces, Label::Forces),
                (&cy.link, Label::Link),
                (&cy.deadline, Label::Deadline),
                (&cy.directed_at, Label::DirectedAt),
                (&cy.due, Label::Due),
                (&cy.status, Label::Status),
                (&cy.related_recommendations, Label::RelatedRecommendations),
                (&cy.action, Label::Action),
                (&cy.no_action_reason, Label::NoActionReason),
                (&cy.planned_completion, Label::PlannedCompletion),
            ]),
            sections: pairs(&[
                (&cy.key_findings, Label::KeyFindings),
                (&cy.recommendations, Label::Recommendations),
                (&cy.causes_of_concern, Label::CausesOfConcern),
                (&cy.areas_for_improvement, Label::AreasForImprovement),
                (&cy.chief_constable_response, Label::ChiefConstableResponse),
                (&cy.office_use, Label::OfficeUse),
                (&cy.action_plan, Label::ActionPlan),
            ]),
            kinds: [
                (&cy.recommendation, ItemKind::Recommendation),
                (&cy.cause_of_concern, ItemKind::CauseOfConcern),
                (&cy.area_for_improvement, ItemKind::AreaForImprovement),
            ]
            .into_iter()
            .map(|(name, kind)| (n(name), soft_mutation(&n(name)), kind))
            .collect(),
            first_words: Vec::new(),
        };
        let labels = [
            &words.statute,
            &words.title.0,
            &words.pcc_response.0,
            &words.response_to,
        ];
        let named = words.fields.iter().chain(&words.sections).map(|(l, _)| l);
        let kinds = words.kinds.iter().map(|(name, _, _)| name);
        let mut first_words: Vec<String> = labels
            .into_iter()
            .chain(named)
            .chain(kinds)
            .filter_map(|l| l.split([' ', ':']).next())
            .map(str::to_owned)
            .collect();
        first_words.sort();
        first_words.dedup();
        words.first_words = first_words;
        words
    })
}

/// Whether `raw` starts (after heading marks and emphasis) with the first word of a Welsh label.
fn may_be_welsh(raw: &str, w: &Words) -> bool {
    let start =
        raw.trim_start_matches(|c: char| c == '#' || c == '*' || c == '_' || c.is_whitespace());
    let word = start.split([' ', ':', '*', '_']).next().unwrap_or("");
    let word = word.replace('\u{2019}', "'").to_lowercase();
    w.first_words.binary_search(&word).is_ok()
}

/// How many characters of the statute's Welsh paragraph mark it.
const STATUTE_LEAD: usize = 33;

/// The label a line of a page's Welsh part starts with, and the rest of the line.
pub fn label(raw: &str) -> Option<(Label, String)> {
    let w = words();
    if !may_be_welsh(raw, w) {
        return None;
    }
    let (_, rest) = lines::strip_heading_marker(raw.trim());
    let (_, line) = lines::strip_emphasis(rest);
    if line.is_empty() {
        return None;
    }
    let lower = lines::normalise(&line);
    if let Some(found) = item(&lower, w) {
        return Some(found);
    }
    if lower.starts_with(&w.statute) {
        return Some((Label::Statute, line));
    }
    if around(&lower, &w.title) {
        let policing_body = String::new();
        return Some((Label::Title { policing_body }, String::new()));
    }
    if let Some((name, value)) = line.split_once(':') {
        let name = lines::normalise(name);
        if let Some((_, label)) = w.fields.iter().find(|(l, _)| *l == name) {
            return Some((label.clone(), value.trim().to_owned()));
        }
    }
    let section = w.sections.iter().find(|(l, _)| *l == lower);
    if let Some((_, label)) = section {
        return Some((label.clone(), String::new()));
    }
    // After the chief constable's heading, which has the same words around "y Prif Gwnstabl".
    around(&lower, &w.pcc_response).then_some((Label::PccResponse, String::new()))
}

/// Whether `line` is a label's words before and after some body's name.
fn around(line: &str, (before, after): &(String, String)) -> bool {
    line.len() > before.len() + after.len()
        && line.starts_with(before.as_str())
        && line.ends_with(after.as_str())
}

/// "Argymhelliad 3", "Maes i'w wella 2", and in a response section "Ymateb i Faes i'w wella 2"
/// (the noun mutated after "i", as `render` writes it). `lower` is the normalised line.
fn item(lower: &str, w: &Words) -> Option<(Label, String)> {
    let (rest, after_i) = match lower.strip_prefix(w.response_to.as_str()) {
        Some(rest) => (rest, true),
        None => (lower, false),
    };
    let (kind, after) = w.kinds.iter().find_map(|(name, mutated, kind)| {
        let names = [Some(name), after_i.then_some(mutated)];
        names.into_iter().flatten().find_map(|n| {
            rest.strip_prefix(n.as_str())
                .filter(|a| a.starts_with(' '))
                .map(|a| (*kind, a.trim_start()))
        })
    })?;
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let id: u32 = after[..digits].parse().ok().filter(|id| *id > 0)?;
    after[digits..]
        .trim_start_matches(':')
        .trim()
        .is_empty()
        .then_some((Label::Item { kind, id }, String::new()))
}

impl Builder {
    /// A segment of the page's Welsh part: a Welsh text goes under `cy` beside its English; a
    /// repeated fact is recorded as read.
    pub(super) fn welsh_segment(&mut self, s: &Segment, label: &Label) {
        match label {
            Label::Title { .. } => self.repeated(s, "the title"),
            Label::Statute => self.repeated(s, "the statutory paragraph"),
            Label::InspectionTitle => self.welsh_title(s),
            Label::Force
            | Label::Published
            | Label::PublicationTypes
            | Label::Forces
            | Label::Link
            | Label::Deadline => self.repeated(s, "a detail of the report"),
            Label::KeyFindings => {
                self.enter(Context::Top);
                let text = s.section_text();
                self.r
                    .cy
                    .get_or_insert_with(WelshKeyFindings::default)
                    .key_findings = Some(text);
                self.landed("/cy/key_findings", s.span(), WELSH_HEADING);
            }
            Label::Recommendations => self.welsh_list(s, Context::Recommendations),
            Label::CausesOfConcern => self.welsh_list(s, Context::Causes),
            Label::AreasForImprovement => self.welsh_list(s, Context::Areas),
            Label::ChiefConstableResponse => self.welsh_section(s, Side::Chief),
            Label::PccResponse => self.welsh_section(s, Side::Pcc),
            Label::Item { kind, id } => match NonZeroU32::new(*id) {
                Some(id) => self.welsh_item(s, *kind, id),
                None => self.unmapped(s.body, "an item numbered 0"),
            },
            Label::Action | Label::NoActionReason => self.welsh_answer(s, label),
            Label::OfficeUse => {
                self.enter(Context::Office);
                self.repeated(s, "the office-use checklist");
            }
            _ => self.repeated(s, "an item's detail"),
        }
    }

    /// Lines of the Welsh part that repeat the English part's facts: read, kept once.
    fn repeated(&mut self, s: &Segment, what: &str) {
        let why = format!(
            "the Welsh part's copy of {what}; the file keeps it once, from the English part"
        );
        self.prov.unmapped(s.span(), why);
    }

    fn welsh_title(&mut self, s: &Segment) {
        let (paragraph, rest) = s.first_paragraph();
        let title = paragraph.join(" ");
        if !title.is_empty() {
            self.r.inspection.cy = Some(WelshTitle { title: Some(title) });
            self.landed(
                "/inspection/cy/title",
                s.first_paragraph_span(),
                WELSH_LABEL,
            );
        }
        self.unmapped(rest, "after the Welsh inspection title");
    }

    /// A list's Welsh heading: its items follow; a sentence under it ("Nid oedd unrhyw
    /// argymhellion.") repeats what the English part says.
    fn welsh_list(&mut self, s: &Segment, context: Context) {
        self.enter(context);
        self.repeated(s, "a section's heading");
    }

    fn welsh_section(&mut self, s: &Segment, side: Side) {
        self.enter(Context::Response(side));
        let text = s.section_text();
        let pointer = format!("{}/cy/text", side.pointer());
        if !text.is_empty() {
            self.section(side).cy = Some(WelshText { text: Some(text) });
        }
        self.landed(&pointer, s.span(), WELSH_HEADING);
    }

    /// A Welsh item heading: the Welsh text of the item of that number, or in a response section
    /// the heading of the Welsh answers to it.
    fn welsh_item(&mut self, s: &Segment, kind: ItemKind, id: NonZeroU32) {
        if let Context::Response(side) = self.context {
            self.current = Current::None;
            self.pending = Target::of(kind, id);
            let pointer = format!("{}/responses", side.section_pointer());
            return self.repeated_at(s, &pointer);
        }
        let text = s.text();
        let found = match kind {
            ItemKind::Recommendation => {
                self.r
                    .recommendations
                    .iter()
                    .position(|r| r.id == id)
                    .map(|i| {
                        self.r.recommendations[i].cy = Some(WelshText { text: Some(text) });
                        self.current = Current::Recommendation(i);
                        format!("/recommendations/{i}/cy/text")
                    })
            }
            ItemKind::AreaForImprovement => self
                .r
                .areas_for_improvement
                .iter()
                .position(|a| a.id == id)
                .map(|i| {
                    self.r.areas_for_improvement[i].cy = Some(WelshText { text: Some(text) });
                    self.current = Current::Area(i);
                    format!("/areas_for_improvement/{i}/cy/text")
                }),
            ItemKind::CauseOfConcern => {
                let causes = self.r.causes_of_concern.iter_mut().flatten();
                causes
                    .enumerate()
                    .find(|(_, c)| c.id == id)
                    .map(|(i, cause)| {
                        cause.cy = Some(WelshText { text: Some(text) });
                        format!("/causes_of_concern/{i}/cy/text")
                    })
            }
        };
        match found {
            Some(pointer) => self.landed(&pointer, s.span(), WELSH_HEADING),
            None => self.segment_not_mapped(
                s,
                "the English part has no item of this number",
                "under a Welsh item with no English",
            ),
        }
    }

    /// A Welsh item heading in a response section: recorded as read (the English heading says
    /// what the answer is for).
    fn repeated_at(&mut self, s: &Segment, pointer: &str) {
        let why = "the Welsh heading of the answers to an item";
        self.landed(pointer, Span::line(s.line().unwrap_or(0)), why);
        if !s.text().is_empty() {
            self.unmapped(s.body, "under a Welsh item heading, before its action");
        }
    }

    /// "Camau a gymerwyd neu a gynigir:" in a Welsh response section: the Welsh of the action
    /// (or the reason for none) of the English answer to the same item.
    fn welsh_answer(&mut self, s: &Segment, label: &Label) {
        let Context::Response(side) = self.context else {
            return self.repeated(s, "an item's detail");
        };
        let (target, current) = (self.pending.take(), self.current);
        let responses = self.section(side).responses.as_deref().unwrap_or_default();
        let index = match (target, current) {
            (Some(Target::Recommendation(id)), _) => {
                responses.iter().position(|r| r.recommendation == Some(id))
            }
            (Some(Target::Area(id)), _) => responses
                .iter()
                .position(|r| r.area_for_improvement == Some(id)),
            (None, Current::Response(current, index)) if current == side => Some(index),
            (None, _) => None,
        };
        let Some(index) = index else {
            return self.segment_not_mapped(
                s,
                "the English part has no answer to this item",
                "under a Welsh answer with no English",
            );
        };
        self.current = Current::Response(side, index);
        let text = s.text();
        let Some(response) = self.response_mut(side, index) else {
            return;
        };
        let cy = response.cy.get_or_insert_with(WelshItemResponse::default);
        let key = if *label == Label::Action {
            cy.action = Some(text);
            "action"
        } else {
            cy.no_action_reason = Some(text);
            "no_action_reason"
        };
        let pointer = format!("{}/responses/{index}/cy/{key}", side.section_pointer());
        self.landed(&pointer, s.span(), WELSH_LABEL);
    }
}

const WELSH_HEADING: &str = "a heading of the Welsh part and the text under it";
const WELSH_LABEL: &str = "a label of the Welsh part and the text after it";
