//! Reading a document line by line: which lines are headings or labels the template uses (bold
//! or plain, at any heading level, with the value on the same line or below), and which are
//! content. Offices vary the wording, so each label has the variants seen in practice.

use crate::render::labels as l;

/// What a heading or label line introduces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Label {
    /// "{body} response to inspections published by ...".
    Title {
        policing_body: String,
    },
    /// "Section 55 of the Police Act 1996 ...": the template's fixed paragraph.
    Statute,
    /// A heading naming the response: "{body} response to HMICFRS report: {title}".
    ResponseTo {
        body: String,
        title: Option<String>,
    },
    /// "Date response sent:" (a form's field).
    SentOn,
    /// "Date of response:", "Date response published:" (a form's field): when the response was
    /// published, saying nothing of the Home Secretary.
    ResponsePublished,
    /// A form's choice of options ("Type of Inspection: Force specific / Thematic / ...").
    FormOptions,
    Force,
    InspectionTitle,
    Published,
    PublicationTypes,
    Forces,
    Link,
    Deadline,
    KeyFindings,
    Recommendations,
    CausesOfConcern,
    AreasForImprovement,
    ChiefConstableResponse,
    PccResponse,
    OfficeUse,
    /// "Recommendation 3:", "Area for improvement 2 –", "Response to Recommendation 1".
    Item {
        kind: ItemKind,
        id: u32,
    },
    DirectedAt,
    Due,
    Status,
    RelatedRecommendations,
    Action,
    NoActionReason,
    PlannedCompletion,
    /// "Action plan": the follow-up table `render` writes after the responses.
    ActionPlan,
    /// "Yours sincerely,": a letter's closing, which ends the section above it; with the
    /// signature below it, the end of the body's letter.
    Closing,
    /// A press statement's "ENDS" or "Notes to editors": it and what follows are in no field.
    StatementEnd,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Recommendation,
    CauseOfConcern,
    AreaForImprovement,
}

/// One line of the document, numbered from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub number: usize,
    /// The line as written (trailing space removed).
    pub raw: String,
    /// The label it starts with and the value after the label on the same line.
    pub label: Option<(Label, String)>,
    /// The label is in Welsh: a line of a bilingual page's Welsh part.
    pub welsh: bool,
}

/// The document's lines, with CRLF, a byte-order mark and no-break spaces normalised. A line
/// of a flattened form that runs several labels together ("Title of Inspection: ... Deadline
/// for Response: ...") is read as one line per label, each with the line's number.
pub fn read(text: &str) -> Vec<Line> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = Vec::new();
    // Under "Action plan", table rows stay rows: their cells are the follow-up of each action.
    let mut in_plan = false;
    for (i, raw) in text.lines().enumerate() {
        let raw = raw.replace('\u{a0}', " ").trim_end().to_owned();
        if in_plan && raw.trim_start().starts_with('|') {
            lines.push(Line {
                number: i + 1,
                raw: if is_rule(&raw) { String::new() } else { raw },
                label: None,
                welsh: false,
            });
            continue;
        }
        in_plan &= raw.trim().is_empty();
        let raw = if is_rule(&raw) {
            String::new()
        } else {
            table_row(&raw).unwrap_or(raw)
        };
        for part in form_fields(&raw) {
            let welsh = super::welsh::label(part);
            let is_welsh = welsh.is_some();
            let label = welsh.or_else(|| label(part));
            in_plan |= matches!(label, Some((Label::ActionPlan, _)));
            lines.push(Line {
                number: i + 1,
                raw: part.to_owned(),
                label,
                welsh: is_welsh,
            });
        }
    }
    lines
}

/// A line's parts, split before each label that is followed by a colon inside it, when the
/// line holds at least two labels, or a date's label with the date after it ("... Date
/// Inspection Published: 3 November 2016"); one other label inside a sentence is left alone.
fn form_fields(line: &str) -> Vec<&str> {
    // Lower-casing ASCII keeps every byte offset, so offsets in `lower` are offsets in `line`.
    let lower = line.to_ascii_lowercase();
    let mut starts: Vec<(usize, &Label, usize)> = Vec::new();
    for (colon, _) in line.match_indices(':') {
        let before = lower[..colon].trim_end();
        let found = ALIASES
            .iter()
            .flat_map(|(label, words)| words.iter().map(move |w| (label, w)))
            .filter(|(_, w)| w.contains(' ') && before.ends_with(*w))
            .map(|(label, w)| (before.len() - w.len(), label))
            .filter(|&(at, _)| at == 0 || line[..at].ends_with(' '))
            .filter(|&(at, _)| line[at..].starts_with(char::is_uppercase))
            // After a bullet or other marks only, the label starts the line.
            .map(|(at, label)| {
                (
                    if line[..at].contains(char::is_alphanumeric) {
                        at
                    } else {
                        0
                    },
                    label,
                )
            })
            .min_by_key(|&(at, _)| at);
        if let Some((at, label)) = found {
            starts.push((at, label, colon));
        }
    }
    let dated = |&(at, label, colon): &(usize, &Label, usize)| {
        at > 0
            && matches!(label, Label::Published | Label::Deadline | Label::SentOn)
            && super::prose::find_date(&line[colon + 1..]).is_some_and(|(_, r)| r.start <= 1)
    };
    if !(starts.len() >= 2 || starts.iter().any(dated)) {
        return vec![line];
    }
    let mut parts = Vec::new();
    let mut from = 0;
    for (at, _, _) in starts.into_iter().filter(|(at, _, _)| *at > 0) {
        parts.push(line[from..at].trim_end());
        from = at;
    }
    parts.push(&line[from..]);
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
}

/// Setext underlines (`=====`), thematic breaks (`---`, `***`) and table separator rows carry
/// no content; they read as blank lines.
fn is_rule(line: &str) -> bool {
    let marks: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let only = |set: &str| marks.len() >= 3 && marks.chars().all(|c| set.contains(c));
    ["=", "-", "*", "_"].iter().any(|set| only(set))
        || (only("|-:") && marks.contains('-') && marks.contains('|'))
}

/// A table row `| Published on | 24 October 2025 |` (documents exported from Word often keep
/// the template as a table) as the line `Published on: 24 October 2025`.
fn table_row(line: &str) -> Option<String> {
    let inner = line.trim().strip_prefix('|')?;
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let cells: Vec<&str> = inner
        .split('|')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let (first, rest) = cells.split_first()?;
    let first_is_label = matches!(label(first), Some((_, value)) if value.is_empty());
    Some(if first_is_label && !rest.is_empty() {
        let name = strip_emphasis(first).1;
        format!("{}: {}", name.trim_end_matches(':').trim(), rest.join(" "))
    } else {
        cells.join(" ")
    })
}

/// Exact label wordings (compared lower-case, without markup or a final colon).
const ALIASES: &[(Label, &[&str])] = &[
    (
        Label::Force,
        &["force", "police force", "force name", "responding force"],
    ),
    (
        Label::InspectionTitle,
        &[
            "inspection title",
            "title of inspection",
            "title of the inspection",
            "report title",
            "title of report",
            "title of the report",
            "inspection report title",
            "title of inspection report",
            "title of the inspection report",
        ],
    ),
    (
        Label::Published,
        &[
            "published on",
            "published",
            "date published",
            "publication date",
            "date of publication",
            "report published",
            "report publication date",
            "published date",
            "date inspection published",
            "date report published",
            "inspection published",
            "date of inspection publication",
        ],
    ),
    (
        Label::PublicationTypes,
        &[
            "publication types",
            "publication type",
            "publication type(s)",
            "type of publication",
        ],
    ),
    (
        Label::Forces,
        &[
            "police forces",
            "forces",
            "force(s)",
            "police force(s)",
            "forces inspected",
            "forces covered",
        ],
    ),
    (
        Label::Link,
        &[
            "link to report",
            "link to the report",
            "link",
            "report link",
            "link to inspection report",
            "url",
            "web link",
        ],
    ),
    (
        Label::Deadline,
        &[
            "section 55 response deadline",
            "s55 response deadline",
            "section 55 deadline",
            "response deadline",
            "deadline for response",
            "response due",
            "date response due",
            "deadline",
        ],
    ),
    (
        Label::SentOn,
        &[
            "date response sent",
            "response sent",
            "date sent",
            "date sent to the home secretary",
            "date sent to home secretary",
            "date response sent to the home secretary",
            "date response sent to home secretary",
        ],
    ),
    (
        Label::ResponsePublished,
        &[
            "date of response",
            "date of this response",
            "date response published",
            "response published",
        ],
    ),
    (
        Label::FormOptions,
        &["type of inspection", "inspection type", "type of report"],
    ),
    (
        Label::ChiefConstableResponse,
        &[
            "force response",
            "the force's response",
            "force comments",
            "chief constable's comments",
            "chief constable comments",
            "chief constable's response",
            "comments of the chief constable",
            "comments from the chief constable",
            "chief officer's comments",
            "response from the chief constable",
        ],
    ),
    (
        Label::PccResponse,
        &[
            "local policing body's comments",
            "local policing body's response",
            "police and crime commissioner's comments",
            "police and crime commissioner's response",
            "police, fire and crime commissioner's comments",
            "police, fire and crime commissioner's response",
            "comments of the police and crime commissioner",
            "commissioner's comments",
            "commissioner's response",
            "pcc's comments",
            "pcc comments",
            "pcc's response",
            "pfcc's comments",
            "pfcc's response",
            "mayor's comments",
            "opcc response",
            "pcc response",
            "pfcc response",
            "police and crime commissioner response",
            "commissioner response",
        ],
    ),
    (
        Label::KeyFindings,
        &[
            "key findings",
            "summary of key findings",
            "summary of findings",
        ],
    ),
    (
        Label::Recommendations,
        &[
            "recommendations",
            "new recommendations",
            "recommendations made",
            "report recommendations",
        ],
    ),
    (
        Label::CausesOfConcern,
        &[
            "causes of concern",
            "cause of concern",
            "causes for concern",
        ],
    ),
    (
        Label::AreasForImprovement,
        &[
            "areas for improvement",
            "area for improvement",
            "areas for improvement (afis)",
            "afis",
        ],
    ),
    (
        Label::Closing,
        &[
            "yours sincerely,",
            "yours sincerely",
            "yours faithfully,",
            "yours faithfully",
            "kind regards,",
            "kind regards",
            "with best wishes,",
        ],
    ),
    (
        Label::StatementEnd,
        &[
            "ends",
            "-ends-",
            "- ends -",
            "notes to editors",
            "note to editors",
        ],
    ),
    (
        Label::OfficeUse,
        &[
            "for office use only",
            "office use only",
            "for office use",
            "office use",
        ],
    ),
    (
        Label::DirectedAt,
        &["directed at", "directed to", "addressed to"],
    ),
    (Label::Due, &["due", "due date", "due by", "date due"]),
    (Label::Status, &["status", "recommendation status"]),
    (
        Label::RelatedRecommendations,
        &[
            "related recommendations",
            "linked recommendations",
            "addressed by recommendations",
        ],
    ),
    (
        Label::Action,
        &[
            "action taken or proposed",
            "action taken or planned",
            "action",
            "actions",
            "action taken",
            "proposed action",
            "planned action",
            "action proposed",
            "actions taken",
        ],
    ),
    (
        Label::NoActionReason,
        &[
            "reason no action will be taken",
            "reason no action has been or will be taken",
            "why no action will be taken",
            "reason for no action",
            "no action reason",
            "no action",
        ],
    ),
    (Label::ActionPlan, &["action plan"]),
    (
        Label::PlannedCompletion,
        &[
            "planned completion",
            "planned completion date",
            "completion date",
            "target date",
            "target completion date",
        ],
    ),
];

/// Words that name the report when its title follows on the same line ("HMICFRS report: A
/// review of ..."); alone on a line they are a heading over prose, not the title's label.
const TITLE_LEADS: &[&str] = &[
    "report",
    "hmicfrs report",
    "hmic report",
    "hmicfrs inspection",
    "hmicfrs publication",
    "inspection report",
    "name of report",
    "report name",
];

/// The label a line starts with, and the rest of the line.
fn label(raw: &str) -> Option<(Label, String)> {
    let (is_heading, rest) = strip_heading_marker(raw.trim());
    let (emphasised, line) = strip_emphasis(rest);
    if line.is_empty() {
        return None;
    }
    if let Some(found) = item(&line) {
        return Some(found);
    }
    if starts_with_ignore_case(&line, "section 55 of the police act") {
        return Some((Label::Statute, line));
    }
    // "2. Chief Constable's Comments": a numbered section heading.
    if let Some(rest) = strip_numbering(&line)
        && let Some(label) = exact(rest).or_else(|| section_heading(rest, true))
    {
        return Some((label, String::new()));
    }
    if let Some((body, title)) = super::prose::response_heading(&line) {
        return Some((Label::ResponseTo { body, title }, String::new()));
    }
    if let Some((label, value)) = line
        .split_once(':')
        .and_then(|(name, value)| Some((exact(name)?, value)))
    {
        return Some((label, clean_value(value)));
    }
    if let Some((name, value)) = line.split_once(':')
        && TITLE_LEADS.contains(&normalise(name).as_str())
        && !clean_value(value).is_empty()
    {
        return Some((Label::InspectionTitle, clean_value(value)));
    }
    if let Some(label) = exact(&line) {
        return Some((label, String::new()));
    }
    section_heading(&line, is_heading || emphasised).map(|label| (label, String::new()))
}

/// `### Title` → (true, "Title"). Setext underlines and rules are not headings of their own.
pub(super) fn strip_heading_marker(line: &str) -> (bool, &str) {
    let rest = line.trim_start_matches('#');
    let hashes = line.len() - rest.len();
    if (1..=6).contains(&hashes) && (rest.is_empty() || rest.starts_with(' ')) {
        (true, rest.trim())
    } else {
        (false, line)
    }
}

/// Removes the emphasis around a label: `**Published on:** 1 May` → "Published on: 1 May",
/// `**Published on**: 1 May` → "Published on: 1 May". Returns whether there was any.
pub(super) fn strip_emphasis(line: &str) -> (bool, String) {
    for marker in ["**", "__", "*", "_"] {
        let Some(inner) = line.strip_prefix(marker) else {
            continue;
        };
        if marker == "*" && inner.starts_with(' ') {
            continue; // a bullet, not emphasis
        }
        if let Some(end) = inner.find(marker) {
            let (label, after) = (&inner[..end], &inner[end + marker.len()..]);
            return (true, format!("{}{}", label.trim(), after).trim().to_owned());
        }
    }
    (false, line.trim().to_owned())
}

/// Text after a label's colon, without emphasis left over from `**Label:** value`.
fn clean_value(value: &str) -> String {
    value
        .trim()
        .trim_start_matches(['*', '_'])
        .trim()
        .to_owned()
}

/// Lower case, straight apostrophes, single spaces, no final colon or markup.
pub fn normalise(s: &str) -> String {
    let s = s.replace(['\u{2019}', '\u{2018}'], "'").to_lowercase();
    let s = s
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_')
        .trim()
        .trim_end_matches(':')
        .trim();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn exact(name: &str) -> Option<Label> {
    let name = normalise(name);
    ALIASES
        .iter()
        .find(|(_, words)| words.contains(&name.as_str()))
        .map(|(label, _)| label.clone())
}

pub(super) fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

/// Headings recognised by their wording rather than exactly: the title line, and the two
/// response sections (on a plain line only when it is short, so a sentence in a text that
/// mentions a response is not taken for a heading).
fn section_heading(line: &str, marked: bool) -> Option<Label> {
    // An e-mail address or a bracketed instruction is never a heading.
    if line.ends_with(['.', ',', ';']) || line.contains('@') || line.starts_with('(') {
        return None;
    }
    if let Some(at) = find_ignore_case(line, " response to inspection") {
        let policing_body = line[..at].trim().to_owned();
        return Some(Label::Title { policing_body });
    }
    let lower = normalise(line);
    // "Response from: Office of the PCC, Gwent" says who wrote the document; the body's
    // section may still follow under its own heading.
    if ["response from:", "response by:", "from:"]
        .iter()
        .any(|w| lower.starts_with(w))
    {
        return None;
    }
    let template_wording =
        lower.contains("response to report") || lower.contains("response to the report");
    let short = lower.split_whitespace().count() <= 14;
    if !lower.contains("response") || !(marked || short || template_wording) {
        return None;
    }
    if CHIEF_WORDS.iter().any(|w| lower.contains(w)) && !lower.starts_with("pcc") {
        Some(Label::ChiefConstableResponse)
    } else if BODY_WORDS.iter().any(|w| lower.contains(w))
        || lower.contains(&l::pcc_response_suffix().to_lowercase())
    {
        Some(Label::PccResponse)
    } else {
        None
    }
}

/// How documents name the chief officer and the body in a section's heading or a sentence.
pub const CHIEF_WORDS: &[&str] = &["chief constable", "chief officer", "chief fire officer"];
const BODY_WORDS: &[&str] = &[
    "pcc",
    "pfcc",
    "commissioner",
    "mayor",
    "policing body",
    "common council",
    "opcc",
];

/// "2. Title" or "2) Title" → "Title".
fn strip_numbering(line: &str) -> Option<&str> {
    numbered(line).map(|(_, rest)| rest)
}

/// "2. The force should ..." or "2) ..." → (2, "The force should ...").
pub(super) fn numbered(line: &str) -> Option<(u32, &str)> {
    let line = line.trim_start();
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = line[digits..].strip_prefix(['.', ')'])?;
    let id = line[..digits].parse().ok()?;
    rest.starts_with(' ').then(|| (id, rest.trim()))
}

/// "Response: ..." (or "Our response:", "Force response:") opening a line under a numbered
/// item: the answer to that item.
pub(super) fn item_answer(line: &str) -> Option<&str> {
    let line = line.trim_start();
    [
        "Response:",
        "Our response:",
        "Force response:",
        "Response \u{2013} ",
        "Response - ",
    ]
    .iter()
    .find_map(|lead| strip_prefix_ignore_case(line, lead))
    .map(str::trim)
}

pub(super) fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| starts_with_ignore_case(&haystack[i..], needle))
}

/// "Recommendation 3:", "Recommendation 3 – text", "Response to Area for improvement 2",
/// "AFI 2:", "Cause of concern 1".
fn item(line: &str) -> Option<(Label, String)> {
    let mut rest = line;
    for prefix in ["our response to ", "response to "] {
        rest = strip_prefix_ignore_case(rest, prefix).unwrap_or(rest);
    }
    let kinds = [
        ("recommendation", ItemKind::Recommendation),
        ("cause of concern", ItemKind::CauseOfConcern),
        ("area for improvement", ItemKind::AreaForImprovement),
        ("areas for improvement", ItemKind::AreaForImprovement),
        ("afi", ItemKind::AreaForImprovement),
    ];
    let (kind, after) = kinds.iter().find_map(|(word, kind)| {
        strip_prefix_ignore_case(rest, word)
            .filter(|a| a.starts_with(' '))
            .map(|a| (*kind, a.trim_start()))
    })?;
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let id: u32 = after[..digits].parse().ok().filter(|id| *id > 0)?;
    let tail = after[digits..].trim_start();
    let text = match tail.chars().next() {
        None => "",
        Some(c @ (':' | '.' | '-' | '\u{2013}' | '\u{2014}')) => &tail[c.len_utf8()..],
        Some(_) => return None,
    };
    Some((Label::Item { kind, id }, clean_value(text)))
}

pub(super) fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    starts_with_ignore_case(s, prefix).then(|| &s[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label_of(line: &str) -> Option<(Label, String)> {
        label(line)
    }

    #[test]
    fn flattened_form_lines_are_split_at_their_labels() {
        let lines = read(
            "Inspection Details Date Inspection Published: 3 November 2016\nWe reviewed the action taken: it helped.\n",
        );
        assert_eq!(lines[0].raw, "Inspection Details");
        assert_eq!(
            lines[1].label,
            Some((Label::Published, "3 November 2016".into()))
        );
        assert_eq!((lines[1].number, lines[2].number), (1, 2));
        assert_eq!(lines[2].raw, "We reviewed the action taken: it helped.");
        let form = read(
            "Title of Inspection: A report Deadline for Response: 1 May 2017 Type of Inspection: Thematic",
        );
        let labels: Vec<_> = form
            .iter()
            .map(|l| l.label.clone().map(|(l, _)| l))
            .collect();
        assert_eq!(
            labels,
            [
                Some(Label::InspectionTitle),
                Some(Label::Deadline),
                Some(Label::FormOptions)
            ]
        );
    }

    #[test]
    fn section_headings_by_their_many_names() {
        for (line, label) in [
            ("FORCE RESPONSE: We agree.", Label::ChiefConstableResponse),
            (
                "2. Chief Constable\u{2019}s Comments",
                Label::ChiefConstableResponse,
            ),
            ("Local Policing Body's Comments", Label::PccResponse),
            (
                "## 1. Police and Crime Commissioner's Comments",
                Label::PccResponse,
            ),
        ] {
            assert_eq!(label_of(line).map(|l| l.0), Some(label), "{line}");
        }
        assert_eq!(
            label_of("(Responses to be sent to pcc@example.gov.uk)"),
            None
        );
        assert_eq!(
            label_of("Send the PCC response to office@example.gov.uk"),
            None
        );
        assert_eq!(
            label_of("Response from: Office of the Police and Crime Commissioner, Avon"),
            None
        );
        assert_eq!(
            label_of("Response from the Police and Crime Commissioner").map(|l| l.0),
            Some(Label::PccResponse)
        );
    }

    #[test]
    fn rules_and_tables() {
        let lines = read(
            "Key Findings\n============\nText\n\n---\n| **Published on:** | 24 October 2025 |\n|---|---|\n",
        );
        assert_eq!(lines[1].raw, "");
        assert_eq!(lines[4].raw, "");
        assert_eq!(
            lines[5].label,
            Some((Label::Published, "24 October 2025".into()))
        );
        assert_eq!(lines[6].raw, "");
        assert_eq!(
            read("| Police Forces | Norfolk |")[0].label,
            Some((Label::Forces, "Norfolk".into()))
        );
        assert_eq!(read("| a | b |")[0].raw, "a b");
    }

    #[test]
    fn labels_bold_or_plain_at_any_level() {
        for line in [
            "### **Published on:**",
            "**Published on:**",
            "Published on:",
            "## Published on",
            "__Published on__:",
            "Publication date",
        ] {
            assert_eq!(
                label_of(line),
                Some((Label::Published, String::new())),
                "{line}"
            );
        }
        for line in [
            "**Published on:** 12 June 2025",
            "**Published on**: 12 June 2025",
            "Published on: 12 June 2025",
            "### Published on: 12 June 2025",
        ] {
            assert_eq!(
                label_of(line),
                Some((Label::Published, "12 June 2025".into())),
                "{line}"
            );
        }
    }

    #[test]
    fn items_with_colon_or_dash_and_text_on_the_line() {
        let rec = |id| Label::Item {
            kind: ItemKind::Recommendation,
            id,
        };
        assert_eq!(
            label_of("### **Recommendation 1:**"),
            Some((rec(1), String::new()))
        );
        assert_eq!(
            label_of("Recommendation 3 – By 31 March 2026, forces"),
            Some((rec(3), "By 31 March 2026, forces".into()))
        );
        assert_eq!(
            label_of("**Recommendation 3:** By 31 March"),
            Some((rec(3), "By 31 March".into()))
        );
        assert_eq!(label_of("Recommendation 3 has been met."), None);
        assert_eq!(
            label_of("### **Response to Area for improvement 2:**"),
            Some((
                Label::Item {
                    kind: ItemKind::AreaForImprovement,
                    id: 2
                },
                String::new()
            ))
        );
        assert_eq!(
            label_of("AFI 4: Forces should"),
            Some((
                Label::Item {
                    kind: ItemKind::AreaForImprovement,
                    id: 4
                },
                "Forces should".into()
            ))
        );
    }

    #[test]
    fn section_headings_by_wording() {
        assert_eq!(
            label_of(
                "## **Norfolk's Police and Crime Commissioner (PCC) response to inspections published by HMICFRS**"
            ),
            Some((
                Label::Title {
                    policing_body: "Norfolk's Police and Crime Commissioner (PCC)".into()
                },
                String::new()
            ))
        );
        assert_eq!(label_of("## **Chief Constable response to report and any Recommendations/Areas For Improvement**").map(|l| l.0), Some(Label::ChiefConstableResponse));
        assert_eq!(
            label_of("## **PCC response to report and any Recommendations/Areas For Improvement**")
                .map(|l| l.0),
            Some(Label::PccResponse)
        );
        assert_eq!(label_of("Common Council of the City of London response to report and any Recommendations/Areas For Improvement").map(|l| l.0), Some(Label::PccResponse));
        assert_eq!(
            label_of("The Chief Constable's response to the report was positive."),
            None
        );
        assert_eq!(
            label_of(
                "An inspection of the police response to group-based child sexual exploitation: A progress report by the Mayor's office and others"
            ),
            None
        );
        assert_eq!(
            label_of("### **Section 55 Response Deadline:**").map(|l| l.0),
            Some(Label::Deadline)
        );
        assert_eq!(
            label_of("HMICFRS report: A review of how Avon Police trains its drivers"),
            Some((
                Label::InspectionTitle,
                "A review of how Avon Police trains its drivers".into()
            ))
        );
        assert_eq!(label_of("HMICFRS report"), None);
    }
}
