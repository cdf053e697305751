//! The response template, as data: the one home of every section's key, title, order,
//! required-ness and skeleton, the placeholders that mark unwritten text, and which fields refer
//! to recommendations. `missing-section`, `empty-section`, completion, hover, `new`, `render` and
//! `import` all read it, so they cannot disagree.
//!
//! Skeletons are written once in a small notation that is both a plain insertion and an LSP
//! snippet: `{TODO: ...}` is a placeholder (a tab stop in a snippet), `{=name|fallback}` a value
//! the caller supplies (the fallback when it has none; no fallback means the skeleton needs the
//! value), and `{|a,b|}` a choice (its first option when inserted plainly).

/// Who requires a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Required {
    /// Section 55 itself (or the facts needed to judge it): required in every profile.
    Statute,
    /// The template's (`profile = "template"`, the default); the law does not ask for it.
    Template,
    /// Neither; written when there is something to say.
    Optional,
}

/// A section of the response, or a field of `inspection`.
#[derive(Debug)]
pub struct Section {
    /// The key in the response file.
    pub key: &'static str,
    /// The template's name for it, as the published document heads it.
    pub title: &'static str,
    /// A short name for completion details, hover and messages.
    pub short: &'static str,
    pub required: Required,
    /// The section as a new file or a quick fix writes it (one or more lines, unindented).
    pub skeleton: &'static str,
    /// For lists: one item, as completion offers it under the key.
    pub item: Option<&'static str>,
}

pub const POLICING_BODY: Section = Section {
    key: "policing_body",
    title: "Local policing body",
    short: "Local policing body",
    required: Required::Statute,
    skeleton: "policing_body: {=policing_body|TODO}",
    item: None,
};
pub const FORCE: Section = Section {
    key: "force",
    title: "Force",
    short: "Force",
    required: Required::Statute,
    skeleton: "force: {=force|TODO}",
    item: None,
};
pub const INSPECTION: Section = Section {
    key: "inspection",
    title: "Inspection details",
    short: "Inspection details",
    required: Required::Statute,
    skeleton: "inspection:",
    item: None,
};
pub const RESPONSE_DEADLINE: Section = Section {
    key: "response_deadline",
    title: "Section 55 Response Deadline",
    short: "Section 55 Response Deadline",
    required: Required::Template,
    skeleton: "response_deadline: {=deadline}",
    item: None,
};
pub const KEY_FINDINGS: Section = Section {
    key: "key_findings",
    title: "Key Findings",
    short: "Key Findings",
    required: Required::Template,
    skeleton: "key_findings: |\n  {TODO: summarise the report's key findings}",
    item: None,
};
pub const RECOMMENDATIONS: Section = Section {
    key: "recommendations",
    title: "Recommendations",
    short: "Recommendations",
    required: Required::Statute,
    // `[]` alone means "the report had none": the comment keeps it a placeholder until someone
    // confirms that by deleting it (or lists the recommendations).
    skeleton: "recommendations: [] # {TODO: list the report's recommendations, or delete this comment if it made none}",
    item: Some(
        "- id: {=next_id|1}\n  text: {TODO}\n  status: {|accepted,partially-accepted,not-accepted,not-applicable|}",
    ),
};
pub const CAUSES_OF_CONCERN: Section = Section {
    key: "causes_of_concern",
    title: "Causes of Concern",
    short: "Causes of Concern",
    required: Required::Optional,
    skeleton: "causes_of_concern: []",
    item: Some("- id: {=next_id|1}\n  text: {TODO}\n  recommendations: [{1}]"),
};
pub const AREAS_FOR_IMPROVEMENT: Section = Section {
    key: "areas_for_improvement",
    title: "Areas For Improvement",
    short: "Areas For Improvement",
    required: Required::Template,
    skeleton: "areas_for_improvement: [] # {TODO: list the report's areas for improvement, or delete this comment if it gave none}",
    item: Some("- id: {=next_id|1}\n  text: {TODO}"),
};
pub const CHIEF_CONSTABLE_RESPONSE: Section = Section {
    key: "chief_constable_response",
    title: "Chief Constable response to report and any Recommendations/Areas For Improvement",
    short: "Chief Constable response",
    required: Required::Statute,
    skeleton: "chief_constable_response:\n  text: |\n    {TODO: the chief constable's comments on the report}",
    item: None,
};
pub const PCC_RESPONSE: Section = Section {
    key: "pcc_response",
    title: "PCC response to report and any Recommendations/Areas For Improvement",
    short: "PCC response",
    required: Required::Statute,
    skeleton: "pcc_response:\n  text: |\n    {TODO: your comments on the report and your response to the chief constable's comments}",
    item: None,
};
pub const OFFICE_USE: Section = Section {
    key: "office_use",
    title: "For Office Use Only",
    short: "For Office Use Only",
    required: Required::Optional,
    skeleton: "office_use:\n  forwarded_to_chief_constable: {|false,true|}\n  forwarded_to_police_and_crime_panel: {|false,true|}\n  submitted_to_hmicfrs: {|false,true|}\n  sent_to_home_secretary: {|false,true|}\n  published_on_website: {|false,true|}",
    item: None,
};

/// The top-level sections in template order.
pub const SECTIONS: &[Section] = &[
    POLICING_BODY,
    FORCE,
    INSPECTION,
    RESPONSE_DEADLINE,
    KEY_FINDINGS,
    RECOMMENDATIONS,
    CAUSES_OF_CONCERN,
    AREAS_FOR_IMPROVEMENT,
    CHIEF_CONSTABLE_RESPONSE,
    PCC_RESPONSE,
    OFFICE_USE,
];

pub const INSPECTION_TITLE: Section = Section {
    key: "title",
    title: "Inspection Title",
    short: "Inspection Title",
    required: Required::Statute,
    skeleton: "title: {TODO}",
    item: None,
};
pub const PUBLISHED: Section = Section {
    key: "published",
    title: "Published on",
    short: "Published on",
    required: Required::Statute,
    skeleton: "published: {=published}",
    item: None,
};
pub const PUBLICATION_TYPES: Section = Section {
    key: "publication_types",
    title: "Publication Types",
    short: "Publication Types",
    required: Required::Template,
    skeleton: "publication_types: [{=publication_type|TODO}]",
    item: None,
};
pub const FORCES: Section = Section {
    key: "forces",
    title: "Police Forces",
    short: "Police Forces",
    required: Required::Template,
    skeleton: "forces: [{=force|TODO}]",
    item: None,
};
pub const LINK: Section = Section {
    key: "link",
    title: "Link to Report",
    short: "Link to Report",
    required: Required::Template,
    skeleton: "link: https://hmicfrs.justiceinspectorates.gov.uk/publications/{TODO}",
    item: None,
};

/// The fields of `inspection` in template order.
pub const INSPECTION_FIELDS: &[Section] =
    &[INSPECTION_TITLE, PUBLISHED, PUBLICATION_TYPES, FORCES, LINK];

/// The keys of a recommendation, in the order the template writes them.
const RECOMMENDATION_KEYS: &[&str] = &["id", "text", "due", "directed_at", "status"];
/// The keys of a cause of concern.
const CAUSE_OF_CONCERN_KEYS: &[&str] = &["id", "text", "recommendations"];
/// The keys of an area for improvement.
const AREA_FOR_IMPROVEMENT_KEYS: &[&str] = &["id", "text", "status"];
/// The keys of `chief_constable_response` and `pcc_response`.
const RESPONSE_SECTION_KEYS: &[&str] = &["submitted", "invited_on", "text", "responses"];
/// The keys of an entry of `responses`: what it answers, the answer, then its follow-up.
const ITEM_RESPONSE_KEYS: &[&str] = &[
    "recommendation",
    "area_for_improvement",
    "action",
    "no_action_reason",
    "due",
    "progress",
    "updated",
    "owner",
    "notes",
];
/// The keys of `office_use`: the copies in the order they are sent, then publication.
const OFFICE_USE_KEYS: &[&str] = &[
    "forwarded_to_chief_constable",
    "forwarded_to_police_and_crime_panel",
    "submitted_to_hmicfrs",
    "sent_to_home_secretary",
    "published_on_website",
    "published_on",
];
/// The optional key that names the JSON Schema: after the sections, out of the way.
const SCHEMA_KEY: &str = "$schema";

/// The key beside a level's English texts that holds their Welsh versions (`cy`, Welsh's ISO
/// 639-1 code), after the level's other keys.
pub const WELSH: &str = "cy";

/// The texts a response may hold in Welsh as well as English: each mapping (as a pointer
/// pattern, `*` for every entry of a list) and its text keys. Under that mapping, `cy` holds the
/// same keys.
pub const BILINGUAL_TEXTS: &[(&str, &[&str])] = &[
    ("", &["key_findings"]),
    ("/inspection", &["title"]),
    ("/recommendations/*", &["text"]),
    ("/causes_of_concern/*", &["text"]),
    ("/areas_for_improvement/*", &["text"]),
    ("/chief_constable_response", &["text"]),
    (
        "/chief_constable_response/responses/*",
        BILINGUAL_RESPONSE_KEYS,
    ),
    ("/pcc_response", &["text"]),
    ("/pcc_response/responses/*", BILINGUAL_RESPONSE_KEYS),
];

const BILINGUAL_RESPONSE_KEYS: &[&str] = &["action", "no_action_reason", "notes"];

/// Where `key` goes among the keys of the mapping at `path` (the keys from the top of the file
/// to it; list items are no step, so `["pcc_response", "responses"]` is an entry of a
/// response's `responses`), in the order the template and `section55 new` write them: its
/// place in that mapping's keys, or `usize::MAX` for a key the template does not have there (a
/// stable sort keeps those after the known keys, in their own order). Completion lists keys,
/// and `section55 fmt` writes them, in this order; one flat list cannot say it, since a cause
/// of concern's `recommendations` comes after its `id` and `text`.
pub fn key_rank(path: &[&str], key: &str) -> usize {
    // A level's Welsh (`cy`) comes right after its own keys; `$schema` after everything.
    let sections = |list: &[Section]| {
        list.iter()
            .position(|s| s.key == key)
            .or((key == WELSH).then_some(list.len()))
    };
    let list = |keys: &[&str]| {
        keys.iter()
            .position(|k| *k == key)
            .or((key == WELSH).then_some(keys.len()))
    };
    let found = match path {
        [] => sections(SECTIONS).or((key == SCHEMA_KEY).then_some(SECTIONS.len() + 1)),
        [section] if *section == INSPECTION.key => sections(INSPECTION_FIELDS),
        [section] if *section == RECOMMENDATIONS.key => list(RECOMMENDATION_KEYS),
        [section] if *section == CAUSES_OF_CONCERN.key => list(CAUSE_OF_CONCERN_KEYS),
        [section] if *section == AREAS_FOR_IMPROVEMENT.key => list(AREA_FOR_IMPROVEMENT_KEYS),
        [section] if RESPONSE_SECTIONS.contains(section) => list(RESPONSE_SECTION_KEYS),
        [section, "responses"] if RESPONSE_SECTIONS.contains(section) => list(ITEM_RESPONSE_KEYS),
        [section] if *section == OFFICE_USE.key => list(OFFICE_USE_KEYS),
        _ => None,
    };
    found.unwrap_or(usize::MAX)
}

/// The sections whose `responses` answer recommendations and areas for improvement.
pub const RESPONSE_SECTIONS: [&str; 2] = [CHIEF_CONSTABLE_RESPONSE.key, PCC_RESPONSE.key];

/// The answer a per-item response stub gives (after `- recommendation: N`).
pub const ACTION_LINE: &str = "action: {TODO describe the action taken or proposed}";
/// The answer for a recommendation that is not accepted or does not apply.
pub const NO_ACTION_REASON_LINE: &str =
    "no_action_reason: {TODO explain why no action has been or will be taken}";

/// The section's entry in the template, for a JSON pointer (`/key_findings`,
/// `/inspection/link`).
pub fn section(pointer: &str) -> Option<&'static Section> {
    let find = |list: &'static [Section], key: &str| list.iter().find(|s| s.key == key);
    match pointer.strip_prefix('/')?.split_once('/') {
        None => find(SECTIONS, pointer.strip_prefix('/')?),
        Some(("inspection", key)) => find(INSPECTION_FIELDS, key),
        Some(_) => None,
    }
}

/// The template's name for the section at `pointer`.
pub fn title(pointer: &str) -> Option<&'static str> {
    section(pointer).map(|s| s.title)
}

/// The name `missing-section` gives a required key: a template section's title, or a response
/// section's text ("PCC response text").
pub fn missing_title(pointer: &str) -> Option<String> {
    if let Some(title) = title(pointer) {
        return Some(title.to_owned());
    }
    let (parent, key) = pointer.strip_prefix('/')?.split_once('/')?;
    let response = RESPONSE_SECTIONS.contains(&parent) && key == "text";
    response.then(|| {
        format!(
            "{} text",
            section(&format!("/{parent}")).map_or(parent, |s| s.short)
        )
    })
}

/// Required texts, as pointer patterns (`*` for any list index), each with its name in messages.
pub const TEXT_FIELDS: &[(&str, &str)] = &[
    ("/policing_body", "the local policing body"),
    ("/force", "the force"),
    ("/inspection/title", "the inspection title"),
    ("/inspection/publication_types/*", "this publication type"),
    ("/inspection/forces/*", "this force"),
    ("/key_findings", "Key Findings"),
    ("/recommendations/*/text", "this recommendation's text"),
    ("/causes_of_concern/*/text", "this cause of concern's text"),
    (
        "/areas_for_improvement/*/text",
        "this area for improvement's text",
    ),
    (
        "/chief_constable_response/text",
        "the chief constable's response",
    ),
    ("/pcc_response/text", "the PCC's response"),
    (
        "/chief_constable_response/responses/*/action",
        "this action",
    ),
    (
        "/chief_constable_response/responses/*/no_action_reason",
        "this reason for taking no action",
    ),
    ("/pcc_response/responses/*/action", "this action"),
    (
        "/pcc_response/responses/*/no_action_reason",
        "this reason for taking no action",
    ),
];

/// Words that mark a text as not yet written, when the text starts with one of them.
const PLACEHOLDER_WORDS: [&str; 3] = ["tbc", "tbd", "todo"];
/// Texts that mark a placeholder wherever they appear, or at the start.
const PLACEHOLDER_ANYWHERE: &str = "lorem ipsum";
const PLACEHOLDER_STARTS: [&str; 2] = ["[insert", "<insert"];

/// The placeholder a text consists of or starts with, if any (its first line).
pub fn placeholder(text: &str) -> Option<&str> {
    // Compared ignoring ASCII case, without lower-casing the whole text (every text field, every
    // lint): the markers are ASCII, and no other character lower-cases into them.
    let trimmed = text.trim();
    let first_word = trimmed
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let starts = |prefix: &str| {
        trimmed
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    };
    let is_placeholder = PLACEHOLDER_WORDS
        .iter()
        .any(|w| first_word.eq_ignore_ascii_case(w))
        || (trimmed.len() >= 3 && trimmed.chars().all(|c| c == 'x' || c == 'X'))
        || contains_ignoring_ascii_case(trimmed, PLACEHOLDER_ANYWHERE)
        || PLACEHOLDER_STARTS.iter().any(|p| starts(p));
    is_placeholder.then(|| trimmed.lines().next().unwrap_or(trimmed))
}

/// Whether `text` contains `needle` (ASCII, starting with a letter) in any ASCII case: `memchr`
/// finds each candidate first letter, so a text is not compared byte by byte.
fn contains_ignoring_ascii_case(text: &str, needle: &str) -> bool {
    let (text, needle) = (text.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), text).any(|i| {
        text.get(i..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// The lists `new` starts empty, with a placeholder comment after `[]`.
pub const UNCONFIRMED_LISTS: [&Section; 2] = [&RECOMMENDATIONS, &AREAS_FOR_IMPROVEMENT];

/// The first placeholder a skeleton writes, as written ("TODO: summarise the report's key
/// findings"): what `new` puts in the section for `empty-section` to flag.
pub fn placeholder_of(section: &Section) -> &'static str {
    let skeleton = section.skeleton;
    skeleton
        .find("{TODO")
        .and_then(|open| {
            let inner = &skeleton[open + 1..];
            inner.find('}').map(|close| &inner[..close])
        })
        .unwrap_or("TODO")
}

/// How a skeleton is written out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// Plain text: placeholders as written, choices as their first option.
    Plain,
    /// An LSP snippet: placeholders and choices as numbered tab stops, `$`, `}` and `\` escaped.
    Snippet,
}

/// `skeleton` written out with each line indented by `indent`, taking `{=name}` values from
/// `value`. `None` when a value without a fallback is unknown.
pub fn fill(
    skeleton: &str,
    indent: &str,
    mode: Fill,
    value: &dyn Fn(&str) -> Option<String>,
) -> Option<String> {
    let mut out = String::with_capacity(skeleton.len() + 16);
    let mut stop = 0;
    for (i, line) in skeleton.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !line.is_empty() {
            out.push_str(indent);
        }
        let mut rest = line;
        while let Some(open) = rest.find('{') {
            push_literal(&mut out, &rest[..open], mode);
            let Some(close) = rest[open..].find('}') else {
                push_literal(&mut out, &rest[open..], mode);
                rest = "";
                break;
            };
            let inner = &rest[open + 1..open + close];
            rest = &rest[open + close + 1..];
            let text = match inner.strip_prefix('=') {
                Some(named) => {
                    let (name, fallback) = match named.split_once('|') {
                        Some((name, fallback)) => (name, Some(fallback)),
                        None => (named, None),
                    };
                    value(name).or_else(|| fallback.map(str::to_owned))?
                }
                None => inner.to_owned(),
            };
            match (
                mode,
                inner.strip_prefix('|').and_then(|c| c.strip_suffix('|')),
            ) {
                (Fill::Plain, Some(choices)) => {
                    out.push_str(choices.split(',').next().unwrap_or(""))
                }
                (Fill::Plain, None) => out.push_str(&text),
                (Fill::Snippet, Some(choices)) => {
                    stop += 1;
                    out.push_str(&format!("${{{stop}|{choices}|}}"));
                }
                (Fill::Snippet, None) => {
                    stop += 1;
                    out.push_str(&format!("${{{stop}:{}}}", escape_snippet(&text)));
                }
            }
        }
        push_literal(&mut out, rest, mode);
    }
    Some(out)
}

fn push_literal(out: &mut String, text: &str, mode: Fill) {
    match mode {
        Fill::Plain => out.push_str(text),
        Fill::Snippet => out.push_str(&escape_snippet(text)),
    }
}

/// Text made literal inside an LSP snippet.
pub fn escape_snippet(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '$' | '}' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn plain_and_snippet_forms_of_one_skeleton() {
        let plain = fill(KEY_FINDINGS.skeleton, "", Fill::Plain, &none);
        assert_eq!(
            plain.as_deref(),
            Some("key_findings: |\n  TODO: summarise the report's key findings")
        );
        let snippet = fill(
            RECOMMENDATIONS.item.unwrap_or(""),
            "  ",
            Fill::Snippet,
            &none,
        );
        assert_eq!(
            snippet.as_deref(),
            Some(
                "  - id: ${1:1}\n    text: ${2:TODO}\n    status: ${3|accepted,partially-accepted,not-accepted,not-applicable|}"
            )
        );
    }

    #[test]
    fn values_fallbacks_and_required_values() {
        let deadline = |name: &str| (name == "deadline").then(|| "2025-12-18".to_owned());
        assert_eq!(
            fill(RESPONSE_DEADLINE.skeleton, "", Fill::Plain, &deadline).as_deref(),
            Some("response_deadline: 2025-12-18")
        );
        assert_eq!(
            fill(RESPONSE_DEADLINE.skeleton, "", Fill::Plain, &none),
            None
        );
        assert_eq!(
            fill(FORCE.skeleton, "", Fill::Plain, &none).as_deref(),
            Some("force: TODO")
        );
    }

    #[test]
    fn every_skeleton_is_yaml_of_its_key() {
        for s in SECTIONS.iter().chain(INSPECTION_FIELDS) {
            let value = |_: &str| Some("x".to_owned());
            let text = fill(s.skeleton, "", Fill::Plain, &value).unwrap_or_default();
            let doc = crate::document::parse(&text);
            assert!(doc.errors.is_empty(), "{}: {:?}", s.key, doc.errors);
            assert!(text.starts_with(&format!("{}:", s.key)), "{}", s.key);
        }
    }

    #[test]
    fn key_order_at_each_level() {
        let sorted = |path: &[&str], keys: &[&'static str]| {
            let mut keys = keys.to_vec();
            keys.sort_by_key(|k| key_rank(path, k));
            keys
        };
        assert_eq!(
            sorted(&[], &["$schema", "extra", "cy", "force", "policing_body"]),
            ["policing_body", "force", "cy", "$schema", "extra"]
        );
        assert_eq!(
            sorted(&["recommendations"], &["cy", "status", "id"]),
            ["id", "status", "cy"]
        );
        assert_eq!(
            sorted(&["causes_of_concern"], &["recommendations", "text", "id"]),
            ["id", "text", "recommendations"]
        );
        assert_eq!(
            sorted(
                &["pcc_response", "responses"],
                &["notes", "zz", "due", "action", "recommendation"]
            ),
            ["recommendation", "action", "due", "notes", "zz"]
        );
        assert_eq!(key_rank(&["inspection"], "link"), 4);
        assert_eq!(key_rank(&["unknown"], "id"), usize::MAX);
    }

    #[test]
    fn lookups_by_pointer() {
        assert_eq!(title("/force"), Some("Force"));
        assert_eq!(title("/inspection/link"), Some("Link to Report"));
        assert_eq!(title("/inspection/nothing"), None);
        assert_eq!(title("/office_use"), Some("For Office Use Only"));
        assert_eq!(placeholder("  TODO: write"), Some("TODO: write"));
        assert_eq!(placeholder("Today we"), None);
        assert_eq!(
            placeholder("We will. LOREM Ipsum dolor"),
            Some("We will. LOREM Ipsum dolor")
        );
        assert_eq!(placeholder("lorem ipsu"), None);
        assert_eq!(placeholder("Lorem, ipsum"), None);
        assert_eq!(
            placeholder_of(&KEY_FINDINGS),
            "TODO: summarise the report's key findings"
        );
        assert_eq!(placeholder_of(&INSPECTION_TITLE), "TODO");
    }
}
