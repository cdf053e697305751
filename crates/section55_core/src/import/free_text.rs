//! What the builder does, once the whole document is read, with what the template's labels did
//! not place: facts stated in sentences (see `prose`), a letter's or statement's text as the
//! body's comments, a chief constable quoted in it as the chief constable's, answers to numbered
//! recommendations; then every line still in no field is reported, so nothing is dropped
//! silently.

use std::collections::{HashMap, HashSet};

use super::prose::{self, BodyMention, Quote};
use super::provenance::Span;
use super::{
    AFTER_SENT, Builder, CLOSING, FORM_OPTIONS, FreeLine, Line, QUOTE_ENDED, STATEMENT_END, Side,
    excerpt, values,
};
use crate::catalogue::{Catalogue, Force, NameKind};
use crate::model::ItemResponse;

/// How many lines the readers of prose look at for the body, the force and the dates: they are
/// stated at the top, and a long document must stay linear.
const HEAD_LINES: usize = 400;

/// How many of the first lines in no field may be a report's title on its own.
const TITLE_LINES: usize = 8;

/// The first mention of each fact, with its line.
#[derive(Default)]
struct Mentions {
    body: Option<(usize, BodyMention)>,
    force: Option<(usize, String, &'static Force)>,
    published: Option<(usize, chrono::NaiveDate)>,
    response_published: Option<(usize, chrono::NaiveDate)>,
    /// A sentence saying the response went to the Home Secretary, with the date if it gives one.
    sent: Option<(usize, Option<chrono::NaiveDate>)>,
    /// "Dear Home Secretary": the letter is addressed to the Home Secretary.
    to_home_secretary: Option<usize>,
    /// A line that is only a date near the top, "Posted on DATE" anywhere, or a first line
    /// ending with its date in brackets.
    dateline: Option<(usize, chrono::NaiveDate)>,
    /// "HMICFRS has published today ...", with no date in the sentence.
    published_today: Option<usize>,
    deadline: Option<(usize, chrono::NaiveDate)>,
    /// "the national inspection report", "this thematic review".
    thematic: Option<usize>,
    /// "PEEL" in one of the first lines (a heading: "Statement ... on HMIC PEEL Assessment").
    peel: Option<usize>,
    title: Option<(usize, String)>,
}

fn scan(lines: &[Line], heading_body: Option<&(usize, String)>) -> Mentions {
    let mut m = Mentions::default();
    if let Some((line, words)) = heading_body
        && let Some(mention) = prose::body_mention(words).or_else(|| prose::short_title(words))
    {
        m.body = Some((*line, mention));
    }
    let mut written = 0;
    for line in lines.iter().take(HEAD_LINES) {
        let (n, text) = (line.number, line.raw.as_str());
        if text.trim().is_empty() {
            continue;
        }
        written += 1;
        // "Commissioner's Response – HMIC Inspection – ...": who responds, in the first line.
        if written == 1
            && m.body.is_none()
            && let Some(mention) = prose::framing_body(text).and_then(prose::short_title)
        {
            m.body = Some((n, mention));
        }
        if m.dateline.is_none()
            && let Some((date, posted)) = prose::dateline(text)
            && (posted || written <= TITLE_LINES)
        {
            m.dateline = Some((n, date));
        }
        if m.dateline.is_none() && written == 1 {
            m.dateline = prose::heading_date(text).map(|date| (n, date));
        }
        if m.published_today.is_none() && prose::published_today(text) {
            m.published_today = Some(n);
        }
        if m.to_home_secretary.is_none() && prose::home_secretary_salutation(text) {
            m.to_home_secretary = Some(n);
        }
        if m.deadline.is_none() {
            m.deadline = prose::deadline_in_sentence(text).map(|d| (n, d));
        }
        // A form's list of types to tick names them all: only prose says which.
        let prose_line = line.label.is_none();
        if m.thematic.is_none() && prose_line && prose::says_thematic(text) {
            m.thematic = Some(n);
        }
        if m.peel.is_none() && prose_line && written <= 3 && prose::names_peel(text) {
            m.peel = Some(n);
        }
        if let Some(found) = prose::body_mention(text) {
            // A mention with an area is better than one without.
            let better = match &m.body {
                None => true,
                Some((_, b)) => b.area.is_none() && found.area.is_some(),
            };
            if better {
                m.body = Some((n, found));
            }
        }
        if m.force.is_none() {
            m.force = prose::force_named(text).map(|(written, force)| (n, written, force));
        }
        if let Some((date, about_response)) = prose::published_on(text) {
            let slot = if about_response {
                &mut m.response_published
            } else {
                &mut m.published
            };
            slot.get_or_insert((n, date));
        }
        // The first sentence that gives the date sent, else the first that says it was sent.
        if m.sent.as_ref().is_none_or(|(_, date)| date.is_none())
            && let Some(found) = prose::sent_to_home_secretary(text)
            && (m.sent.is_none() || found.is_some())
        {
            m.sent = Some((n, found));
        }
        if m.title.is_none() {
            m.title = prose::report_title(text).map(|t| (n, t));
        }
    }
    m
}

impl Builder {
    /// Reads what the labels did not: only for documents not in the template's shape.
    pub(super) fn read_prose(&mut self, lines: &[Line]) {
        let m = scan(lines, self.heading_body.as_ref());
        self.prose_dates(&m);
        self.body_and_force(&m);
        self.title(&m);
        self.title_types(&m);
        self.year_missing(lines);
        let sections = [Side::Chief, Side::Pcc].map(|s| !self.absent.contains(s.pointer()));
        let mut changed = [false, false];
        if sections == [false, false] {
            let framing = self.framing_line(&m);
            changed[Side::Pcc.index()] = self.letter_text(
                |f| Some(f.number) != framing && f.why != STATEMENT_END,
                "a letter or statement with no sections: its text is the body's comments",
            );
        } else if !sections[Side::Pcc.index()] {
            let before = self.first_section.unwrap_or(usize::MAX);
            // The text before the first section, and the letter's closing after the sections.
            let take = |f: &FreeLine| {
                (f.number < before
                    && ![FORM_OPTIONS, AFTER_SENT, STATEMENT_END].contains(&f.why.as_str()))
                    || [CLOSING, QUOTE_ENDED].contains(&f.why.as_str())
            };
            let rule = if !self.heading_lines.is_empty() {
                Some(
                    "the text under a heading naming the body's response (\"... response to HMICFRS ...\"), before the first section: the body's comments",
                )
            } else if self
                .free
                .iter()
                .any(|f| take(f) && prose::salutation(&f.text))
            {
                Some("a letter's text (\"Dear ...\") before the first section: the body's comments")
            } else {
                None
            };
            if let Some(rule) = rule {
                changed[Side::Pcc.index()] = self.letter_text(take, rule);
            } else {
                changed[Side::Pcc.index()] = self.letter_text(
                    |f| f.why == QUOTE_ENDED,
                    "the body's words after the chief constable's quoted reply",
                );
            }
        }
        if !sections[Side::Chief.index()] && self.quoted_chief() {
            changed = [true, true];
        }
        for side in [Side::Chief, Side::Pcc] {
            if changed[side.index()] {
                let text = values::section_text(
                    self.side_lines[side.index()]
                        .iter()
                        .map(|(_, t)| t.as_str()),
                );
                self.section(side).text = text;
            }
            self.prose_answers(side);
        }
        self.impossible_dates();
    }

    fn body_and_force(&mut self, m: &Mentions) {
        let catalogue = Catalogue::default();
        let area_force = m.body.as_ref().and_then(|(_, b)| {
            let area = b.area.as_deref()?;
            match catalogue.forces_named_in_body(area).as_slice() {
                [force] => Some(*force),
                _ => None,
            }
        });
        let named = m
            .force
            .as_ref()
            .filter(|(_, _, f)| area_force.is_none_or(|a| a.name == f.name));
        if self.absent.contains("/force") {
            if let Some((line, written, force)) = named {
                self.absent.remove("/force");
                self.r.force = written.clone();
                self.landed(
                    "/force",
                    Span::line(*line),
                    "the first force named in the text",
                );
                let then = self.name_on_report_date(force);
                if *written != then {
                    self.note(Some(*line), format!("force: \"{written}\" is kept as written; the catalogue's name for this force on the report's date is \"{then}\""));
                }
            } else if let (Some(force), Some((line, _))) = (area_force, &m.body) {
                self.absent.remove("/force");
                self.r.force = self.name_on_report_date(force);
                self.landed(
                    "/force",
                    Span::line(*line),
                    "the force of the area the body is named for (catalogue)",
                );
            }
        }
        let Some((line, mention)) = &m.body else {
            return;
        };
        let force = area_force.or(named.map(|(_, _, f)| *f));
        let catalogue_body =
            force.and_then(|f| self.body_on_report_date(&catalogue, f, &mention.title));
        if (mention.title_only() && catalogue_body.is_none())
            || !self.absent.remove("/policing_body")
        {
            return;
        }
        self.body_line = Some(*line);
        match (mention.formal, catalogue_body) {
            (false, Some(body)) => {
                self.r.policing_body = body;
                let lines = named.map_or(Span::line(*line), |(l, _, _)| {
                    Span::new(*line.min(l), *line.max(l))
                });
                self.landed("/policing_body", lines, format!("the body's title (\"{}\") and the force's area: the catalogue's name for that body", mention.written()));
            }
            _ => {
                self.r.policing_body = mention.written();
                self.landed(
                    "/policing_body",
                    Span::line(*line),
                    "a body named in the text (a commissioner's title, \"for\" its area)",
                );
                if mention.area.is_none() {
                    self.note(Some(*line), "policing body: the text gives its title but not its area; add the area (\"... for Kent\")");
                }
            }
        }
    }

    /// The report's publication date, when the document states it.
    fn report_date(&self) -> Option<chrono::NaiveDate> {
        (!self.absent.contains("/inspection/published")).then_some(self.r.inspection.published)
    }

    /// The force's name on the report's date (a former name before a rename), else today's.
    fn name_on_report_date(&self, force: &Force) -> String {
        let former = self.report_date().and_then(|date| {
            force
                .other_names
                .iter()
                .filter_map(|o| match o.kind {
                    NameKind::Former { until } if date <= until => Some((until, &o.name)),
                    _ => None,
                })
                .min()
        });
        former.map_or_else(|| force.name.clone(), |(_, name)| name.clone())
    }

    /// The name of the force's local policing body with the title the text gives (on the
    /// report's date, or ever when it is not stated), else the one on the report's date, else
    /// today's.
    fn body_on_report_date(
        &self,
        catalogue: &Catalogue,
        force: &Force,
        title: &str,
    ) -> Option<String> {
        let date = self.report_date();
        catalogue
            .body_titled(force, date, title)
            .or_else(|| {
                let on = catalogue.bodies_on(force, date?);
                on.into_iter().next().map(|b| b.name)
            })
            .or_else(|| force.policing_body.clone())
    }

    fn prose_dates(&mut self, m: &Mentions) {
        if let Some((line, date)) = m.published
            && self.absent.remove("/inspection/published")
        {
            self.r.inspection.published = date;
            self.landed(
                "/inspection/published",
                Span::line(line),
                "a sentence \"published on DATE\" about the report",
            );
        }
        if let Some((line, date)) = m.sent {
            self.record_sent(
                date,
                Span::line(line),
                "a sentence saying the response was sent to the Home Secretary (on a date)",
            );
        } else if let Some(line) = m.to_home_secretary {
            // A letter to the Home Secretary is sent on the date it bears.
            let dated = m.dateline.filter(|(l, _)| *l < line);
            let lines = dated.map_or(Span::line(line), |(l, _)| Span::new(l, line));
            self.record_sent(
                dated.map(|(_, d)| d),
                lines,
                "a letter to the Home Secretary (\"Dear Home Secretary\"), sent on the date it bears",
            );
        }
        if let Some((line, date)) = m.response_published {
            self.response_date(
                date,
                line,
                "a sentence saying this response was published on a date",
            );
        }
        if let Some((line, date)) = m.dateline {
            self.response_date(
                date,
                line,
                "a date on a line of its own at the top (or in brackets after the heading), or \"Posted on DATE\": the response's date",
            );
            if let Some(today) = m.published_today
                && self.absent.remove("/inspection/published")
            {
                self.r.inspection.published = date;
                self.landed(
                    "/inspection/published",
                    Span::new(line.min(today), line.max(today)),
                    "a sentence saying the report was published today, on a page that bears its date",
                );
            }
        }
        if let Some((line, date)) = m.deadline
            && self.absent.remove("/response_deadline")
        {
            self.r.response_deadline = date;
            self.landed(
                "/response_deadline",
                Span::line(line),
                "a sentence saying when the response must be published by",
            );
        }
    }

    /// The response's date, unless one was already read.
    fn response_date(&mut self, date: chrono::NaiveDate, line: usize, rule: &str) {
        let office = self.r.office_use.get_or_insert_with(Default::default);
        if office.published_on.is_none() {
            office.published_on = Some(date);
            self.landed("/office_use/published_on", Span::line(line), rule);
        }
    }

    /// "published today (Thursday 22 September)": the year is not guessed; the note says so.
    fn year_missing(&mut self, lines: &[Line]) {
        if !self.absent.contains("/inspection/published") {
            return;
        }
        let found = lines
            .iter()
            .take(HEAD_LINES)
            .find_map(|l| prose::date_without_year(&l.raw).map(|d| (l.number, d)));
        if let Some((line, date)) = found {
            self.note(
                Some(line),
                format!(
                    "inspection.published: \"{date}\" has no year, so it is left out for you to add"
                ),
            );
        }
    }

    /// A report whose title names a publication type of the catalogue ("PEEL", "thematic",
    /// "Police Effectiveness, Efficiency and Legitimacy") is of that type.
    /// Else a report a heading calls PEEL is of that type, and one the text calls national or
    /// thematic of the type "Thematic".
    fn title_types(&mut self, m: &Mentions) {
        if !self.absent.contains("/inspection/publication_types") {
            return;
        }
        let title_lines = self
            .prov
            .fields
            .iter()
            .find(|f| f.field == "inspection.title")
            .map(|f| f.lines)
            .filter(|_| !self.absent.contains("/inspection/title"));
        let types = prose::publication_types_named(&self.r.inspection.title);
        let (types, lines, rule) = match (title_lines, m.peel, m.thematic) {
            (Some(lines), _, _) if !types.is_empty() => {
                let rule = format!("the report's title names {}", types.join(", "));
                (types, lines, rule)
            }
            (_, Some(line), _) => (
                vec!["PEEL"],
                Span::line(line),
                "a heading naming PEEL".to_owned(),
            ),
            (_, _, Some(line)) => (
                vec!["Thematic"],
                Span::line(line),
                "a sentence calling the report national or thematic".to_owned(),
            ),
            _ => return,
        };
        self.absent.remove("/inspection/publication_types");
        self.r.inspection.publication_types = types.iter().map(|t| (*t).to_owned()).collect();
        self.landed("/inspection/publication_types", lines, rule);
    }

    /// A letter or a statement has no sections: its text (after the heading naming the
    /// response, if any) is the body's comments; so is the text `take` accepts when only the
    /// body's section is missing.
    /// The line that introduces a letter ("The Commissioner sent the following letter to the
    /// Home Secretary on ..."): the page's words about the letter, not the body's comments, so
    /// it stays out of the letter's text (its date is read; `report_free` notes the rest).
    /// The report's title, when no label gave it: from a sentence naming the report, or from a
    /// line near the top that is a title on its own ("PEEL 2021/22: An inspection of ..."), in no
    /// field yet (then the line is used up), whichever comes first.
    fn title(&mut self, m: &Mentions) {
        if !self.absent.contains("/inspection/title") {
            return;
        }
        let first_lines = || self.free.iter().take(TITLE_LINES).enumerate();
        let own_line = first_lines()
            .find_map(|(i, f)| prose::title_line(&f.text).map(|title| (i, f.number, title)))
            .or_else(|| {
                first_lines().find_map(|(i, f)| {
                    prose::headline_title(&f.text).map(|title| (i, f.number, title))
                })
            })
            .filter(|(_, line, _)| m.title.as_ref().is_none_or(|(s, _)| line < s));
        let (line, title, rule) = match (own_line, &m.title) {
            (Some((i, line, title)), _) => {
                self.free.remove(i);
                let rule = "a line near the top that is a report's title on its own (\"PEEL ...\", \"An inspection of ...\")";
                (line, title, rule)
            }
            (_, Some((line, title))) => (
                *line,
                title.clone(),
                "a sentence naming HMICFRS' report (\"titled ...\", \"HMICFRS' report into ...\")",
            ),
            (None, None) => return,
        };
        self.absent.remove("/inspection/title");
        self.r.inspection.title = title;
        self.landed("/inspection/title", Span::line(line), rule);
    }

    fn framing_line(&self, m: &Mentions) -> Option<usize> {
        let (line, _) = m.sent.filter(|(_, date)| date.is_some())?;
        let first = self.free.iter().map(|f| f.number).min()?;
        (line == first).then_some(line)
    }

    fn letter_text(&mut self, take: impl Fn(&FreeLine) -> bool, rule: &str) -> bool {
        let first = self.heading_lines.iter().next().copied().unwrap_or(0);
        let (taken, kept): (Vec<FreeLine>, Vec<FreeLine>) = std::mem::take(&mut self.free)
            .into_iter()
            .partition(|f| f.number > first && !self.heading_lines.contains(&f.number) && take(f));
        self.free = kept;
        if taken.is_empty() {
            return false;
        }
        // One span per run of taken lines with no line left free inside it, so a span never
        // covers a line that is reported (or should be) as not mapped.
        let mut free: Vec<usize> = self.free.iter().map(|f| f.number).collect();
        free.sort_unstable();
        let free_between = |a: usize, b: usize| {
            free.get(free.partition_point(|&n| n <= a))
                .is_some_and(|&n| n < b)
        };
        let mut runs: Vec<Span> = Vec::new();
        for line in &taken {
            match runs.last_mut() {
                Some(run) if !free_between(run.end, line.number) => run.end = line.number,
                _ => runs.push(Span::line(line.number)),
            }
        }
        let side = &mut self.side_lines[Side::Pcc.index()];
        let mut previous = None;
        for line in taken {
            // Blank lines between paragraphs, as written.
            if previous.is_some_and(|p| p + 1 < line.number) {
                side.push((line.number - 1, String::new()));
            }
            previous = Some(line.number);
            side.push((line.number, line.text));
        }
        self.absent.remove(Side::Pcc.pointer());
        for run in runs {
            self.landed(Side::Pcc.pointer(), run, rule);
        }
        true
    }

    /// A chief constable quoted in the body's text: "Chief Constable X said: “...”" (and the
    /// paragraphs that open with a quotation mark after it), or "... he has stated:" (and the
    /// lines up to his signature). Those words are the chief constable's comments.
    fn quoted_chief(&mut self) -> bool {
        let pcc = std::mem::take(&mut self.side_lines[Side::Pcc.index()]);
        let mut kept = Vec::new();
        let mut chief: Vec<(usize, String)> = Vec::new();
        let mut i = 0;
        while i < pcc.len() {
            let (n, text) = &pcc[i];
            let Some(quote) = prose::chief_quote(text) else {
                kept.push(pcc[i].clone());
                i += 1;
                continue;
            };
            let start = chief.len();
            match quote {
                Quote::SameLine(at) => {
                    kept.push((*n, text[..at].trim_end().to_owned()));
                    kept.push((*n, String::new()));
                    chief.push((*n, text[at..].to_owned()));
                    i += 1;
                    // Following paragraphs that open with a quotation mark continue the quote.
                    while let Some((m, next)) = pcc.get(i) {
                        if next.trim().is_empty() || prose::continues_quote(next) {
                            chief.push((*m, next.clone()));
                            i += 1;
                        } else {
                            break;
                        }
                    }
                }
                Quote::Below => {
                    kept.push(pcc[i].clone());
                    i += 1;
                    while let Some((m, next)) = pcc.get(i) {
                        chief.push((*m, next.clone()));
                        i += 1;
                        if prose::chief_signature(next) {
                            break;
                        }
                    }
                }
            }
            let lines: Vec<usize> = chief[start..]
                .iter()
                .filter(|(_, t)| !t.trim().is_empty())
                .map(|(n, _)| *n)
                .collect();
            if let (Some(first), Some(last)) = (lines.first(), lines.last()) {
                self.landed(Side::Chief.pointer(), Span::new(*first, *last), "a chief officer quoted in the body's text (\"... said:\", \"... has stated:\")");
            }
            chief.push((0, String::new()));
        }
        self.side_lines[Side::Pcc.index()] = kept;
        if chief.iter().all(|(_, t)| t.trim().is_empty()) {
            return false;
        }
        self.absent.remove(Side::Chief.pointer());
        self.side_lines[Side::Chief.index()] = chief;
        true
    }

    /// Sentences that answer numbered recommendations ("In response to recommendations 4 and
    /// 7, ...") become responses, with the sentence as the action or the reason for none.
    fn prose_answers(&mut self, side: Side) {
        let mut found: Vec<(usize, u32, bool, String)> = Vec::new();
        for (n, text) in &self.side_lines[side.index()] {
            for sentence in sentences(text) {
                if let Some(answer) = prose::answer(sentence) {
                    for id in answer.ids {
                        found.push((*n, id, answer.no_action, sentence.trim().to_owned()));
                    }
                }
            }
        }
        let mut answered: HashSet<u32> = self
            .section(side)
            .responses
            .iter()
            .flatten()
            .filter_map(|r| r.recommendation.map(|id| id.get()))
            .collect();
        let mut answer_lines = HashSet::new();
        for (line, id, no_action, sentence) in found {
            let Some(id) = std::num::NonZeroU32::new(id) else {
                continue;
            };
            if !answered.insert(id.get()) {
                continue;
            }
            let responses = self.section(side).responses.get_or_insert_with(Vec::new);
            responses.push(ItemResponse {
                recommendation: Some(id),
                area_for_improvement: None,
                action: (!no_action).then(|| sentence.clone()),
                no_action_reason: no_action.then_some(sentence),
                ..ItemResponse::default()
            });
            let index = responses.len() - 1;
            answer_lines.insert(line);
            let key = if no_action {
                "no_action_reason"
            } else {
                "action"
            };
            let pointer = format!("{}/responses/{index}", side.section_pointer());
            self.landed(&format!("{pointer}/recommendation"), Span::line(line), "a sentence naming a recommendation by number (\"In response to recommendation 4\", \"the second recommendation\")");
            self.landed(
                &format!("{pointer}/{key}"),
                Span::line(line),
                if no_action {
                    "the sentence, as it says no action applies (\"does not apply\", \"no action\")"
                } else {
                    "the sentence, as the action taken or proposed"
                },
            );
        }
        // The sentence said what a heading's text is: the earlier doubt no longer holds.
        self.notes.retain(|n| {
            !(n.line.is_some_and(|l| answer_lines.contains(&l))
                && n.message.contains("does not say whether it is an action"))
        });
    }

    /// A date sent or published before the report is kept as written, with a note.
    fn impossible_dates(&mut self) {
        if self.absent.contains("/inspection/published") {
            return;
        }
        let published = self.r.inspection.published;
        let sent = self.r.office_use.as_ref().and_then(|o| o.published_on);
        if let Some(date) = sent.filter(|d| *d < published) {
            let line = self
                .prov
                .fields
                .iter()
                .find(|f| f.field == "office_use.published_on")
                .map(|f| f.lines.start);
            self.note(line, format!("office_use.published_on: {date} is before the report's publication ({published}); kept as written, check the original (a day-first date such as 09/01/2016 is 9 January)"));
        }
        if !self.absent.contains("/response_deadline") && self.r.response_deadline < published {
            self.note(None, format!("response_deadline: {} is before the report's publication ({published}); kept as written", self.r.response_deadline));
        }
    }

    /// Reports the lines no field took, one note per paragraph. A heading whose words gave a
    /// value has landed; a sentence that only gave a value (a date, the force) is reported, as
    /// its words are in no field.
    pub(super) fn report_free(&mut self) {
        let count = self.free.iter().map(|f| f.number).max().unwrap_or(0);
        let in_text = self.prov.covered_by(count, |f| holds_text(&f.field));
        let mut free: Vec<FreeLine> = std::mem::take(&mut self.free)
            .into_iter()
            .filter(|f| !in_text.get(f.number).copied().unwrap_or(false))
            .collect();
        let read = self.values_read(&free);
        free.retain_mut(|f| match read.get(&f.number) {
            None => true,
            Some(_) if heading_like(&f.text) => false,
            Some(fields) => {
                f.why = format!(
                    "only {} read from it; the sentence itself is in no field",
                    fields.join(" and ")
                );
                true
            }
        });
        free.sort_by_key(|f| f.number);
        let mut i = 0;
        while i < free.len() {
            let mut j = i + 1;
            while j < free.len()
                && free[j].number <= free[j - 1].number + 1
                && free[j].why == free[i].why
            {
                j += 1;
            }
            let (first, last) = (&free[i], &free[j - 1]);
            self.note(
                Some(first.number),
                format!("not mapped ({}): \"{}\"", first.why, excerpt(&first.text)),
            );
            self.prov
                .unmapped(Span::new(first.number, last.number), first.why.clone());
            i = j;
        }
    }

    /// The value fields (not texts) read from each of the `free` lines: a field's first and last
    /// lines are the ones its value came from.
    fn values_read(&self, free: &[FreeLine]) -> HashMap<usize, Vec<String>> {
        let wanted: HashSet<usize> = free.iter().map(|f| f.number).collect();
        let mut read: HashMap<usize, Vec<String>> = HashMap::new();
        for field in self.prov.fields.iter().filter(|f| !holds_text(&f.field)) {
            for line in [field.lines.start, field.lines.end] {
                if !wanted.contains(&line) {
                    continue;
                }
                let fields = read.entry(line).or_default();
                if !fields.contains(&field.field) {
                    fields.push(field.field.clone());
                }
            }
        }
        read
    }

    /// Every non-blank line is in a field or reported: any line no rule read is reported here.
    pub(super) fn report_unread(&mut self, lines: &[Line]) {
        let count = lines.last().map_or(0, |l| l.number);
        let covered = self.prov.covered(count);
        let unread: Vec<&Line> = lines
            .iter()
            .filter(|l| {
                !l.raw.trim().is_empty() && !covered.get(l.number).copied().unwrap_or(false)
            })
            .collect();
        let why = "no rule of the importer read this line";
        let mut i = 0;
        while i < unread.len() {
            let mut j = i + 1;
            while j < unread.len() && unread[j].number <= unread[j - 1].number + 1 {
                j += 1;
            }
            self.note(
                Some(unread[i].number),
                format!("not mapped ({why}): \"{}\"", excerpt(&unread[i].raw)),
            );
            self.prov
                .unmapped(Span::new(unread[i].number, unread[j - 1].number), why);
            i = j;
        }
    }
}

/// Fields that hold a line's words (texts, items, answers), rather than a value read from it.
fn holds_text(field: &str) -> bool {
    ![
        "policing_body",
        "force",
        "inspection",
        "response_deadline",
        "office_use",
    ]
    .iter()
    .any(|v| field == *v || field.strip_prefix(v).is_some_and(|r| r.starts_with('.')))
}

/// A short line without a sentence's end: a heading or a byline, whose words a value may take.
fn heading_like(text: &str) -> bool {
    text.split_whitespace().count() <= 14 && !text.trim_end().ends_with(['.', ',', ';', ':'])
}

/// The sentences of a line (split after ". ", "? ", "! ").
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut parts = Vec::new();
    let bytes = text.as_bytes();
    for i in 0..bytes.len() {
        if matches!(bytes[i], b'.' | b'?' | b'!') && bytes.get(i + 1) == Some(&b' ') {
            parts.push(&text[start..=i]);
            start = i + 2;
        }
    }
    if start < text.len() {
        parts.push(&text[start..]);
    }
    parts.into_iter()
}
