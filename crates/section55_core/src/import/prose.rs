//! Facts stated in sentences rather than under the template's labels: the body and its area, the
//! force, the report's title, dates ("published on ...", "sent ... to the Home Secretary on ..."),
//! a chief constable quoted inside the body's text, and answers to numbered recommendations.
//! Each reader looks at one line and says what it states; the builder decides where it lands.

use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::catalogue::{Force, ForceKind, forces, publication_types};
use crate::dates;

use super::lines::{CHIEF_WORDS, find_ignore_case, strip_prefix_ignore_case};
use super::values;

/// Words a body's title is made of, before "Commissioner" ("Police, Fire & Rescue and Crime").
const TITLE_WORDS: &[&str] = &[
    "police", "fire", "and", "&", "rescue", "crime", "victims'", "victims", "deputy",
];
/// Words that may join the parts of an area's name ("Devon, Cornwall and the Isles of Scilly").
const AREA_JOINERS: &[&str] = &["and", "&", "the", "of"];
/// How a quoted person's words are introduced.
const SPEECH: &[&str] = &[
    "said:",
    "says:",
    "stated:",
    "commented:",
    "added:",
    "responded:",
    "comments:",
    "states:",
];
/// What in a sentence about a recommendation says that no action will be taken.
const NO_ACTION: &[&str] = &[
    "does not apply",
    "do not apply",
    "not applicable",
    "no action",
    "will not be taken",
    "will not take",
    "not accept",
    "not been accepted",
    "not agree",
    "not relevant",
];
/// What introduces a numbered recommendation in a sentence ("In response to recommendation 4").
const ANSWER_LEADS: &[&str] = &[
    "in response to ",
    "in relation to ",
    "in respect of ",
    "with regard to ",
    "with regards to ",
    "regarding ",
    "turning to ",
    "as for ",
    "for ",
    "on ",
    "accept ",
    "accepts ",
    "accepted ",
    "support ",
    "supports ",
    "agree with ",
    "agrees with ",
    "address ",
    "addresses ",
    "implement ",
    "implemented ",
];
const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

/// A body named in the text: its title as written and the area, if the text gives one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyMention {
    /// "Police and Crime Commissioner", "Police, Fire & Rescue and Crime Commissioner".
    pub title: String,
    pub area: Option<String>,
    /// The area follows the title ("... Commissioner for Cheshire"): the body's formal name.
    pub formal: bool,
}

impl BodyMention {
    /// "Commissioner" (or "Mayor") alone: which body it is comes only from the force's
    /// catalogue entry.
    pub fn title_only(&self) -> bool {
        self.title == "Commissioner" || self.title == "Mayor"
    }

    pub fn written(&self) -> String {
        match (&self.area, self.formal) {
            (Some(area), true) => format!("{} for {area}", self.title),
            _ => self.title.clone(),
        }
    }
}

fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '\'' && c != '\u{2019}')
        .replace('\u{2019}', "'")
        .to_lowercase()
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The first local policing body named in `line`: a commissioner's title (with the area before
/// it or after "for"), or "Mayor of AREA".
pub fn body_mention(line: &str) -> Option<BodyMention> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let k = words
        .iter()
        .position(|w| bare(w).trim_end_matches("'s") == "commissioner")?;
    let mut start = k;
    while start > 0 && TITLE_WORDS.contains(&bare(words[start - 1]).as_str()) {
        start -= 1;
    }
    // "and"/"&" cannot begin a title.
    while start < k && matches!(bare(words[start]).as_str(), "and" | "&") {
        start += 1;
    }
    // "Greater Manchester Mayor and Police and Crime Commissioner": a mayor with the PCC's
    // functions.
    if start >= 2 && bare(words[start - 1]) == "and" && bare(words[start - 2]) == "mayor" {
        return Some(BodyMention {
            title: "Mayor".into(),
            area: area_before(&words[..start - 2]),
            formal: false,
        });
    }
    let title_words = &words[start..=k];
    let lower: Vec<String> = title_words.iter().map(|w| bare(w)).collect();
    if !lower.iter().any(|w| w == "police" || w == "crime") {
        return mayor(&words);
    }
    let title = title_words.join(" ");
    let title = title.trim_end_matches([',', ':', ';', '.']);
    let title = strip_possessive(title.trim_start_matches("Deputy ")).to_owned();
    let last = words[k];
    let after = &words[k + 1..];
    if let Some(area) = after
        .first()
        .filter(|w| (**w == "for" || **w == "FOR") && !last.ends_with([',', ':']))
        .and_then(|_| area_after(&after[1..]))
    {
        // A heading in capitals ("OFFICE OF THE POLICE AND CRIME COMMISSIONER FOR
        // LINCOLNSHIRE") is not the name as written: the catalogue's is used.
        let shouted = !title.chars().any(char::is_lowercase);
        return Some(BodyMention {
            title,
            area: Some(area),
            formal: !shouted,
        });
    }
    if last.ends_with(',')
        && let Some(area) = area_after(after)
    {
        // "Office of the Police and Crime Commissioner, Cumbria".
        return Some(BodyMention {
            title,
            area: Some(area),
            formal: false,
        });
    }
    let before = area_before(&words[..start]);
    Some(BodyMention {
        title,
        area: before,
        formal: false,
    })
}

/// The words before "response to HMICFRS" in a heading that name the body by a short title:
/// "Commissioner", "The PCC", "Surrey PCC", "OPCC", "PFCC" (with the area before it, if any).
pub fn short_title(words: &str) -> Option<BodyMention> {
    let words: Vec<&str> = words.split_whitespace().collect();
    let (last, before) = words.split_last()?;
    let title = match strip_possessive(last) {
        "Commissioner" | "commissioner" => "Commissioner",
        "PCC" | "OPCC" => "Police and Crime Commissioner",
        "PFCC" | "OPFCC" => "Police, Fire and Crime Commissioner",
        _ => return None,
    };
    let before: Vec<&str> = before
        .iter()
        .copied()
        .skip_while(|w| matches!(*w, "The" | "the" | "Office" | "of"))
        .collect();
    Some(BodyMention {
        title: title.to_owned(),
        area: area_before(&before),
        formal: false,
    })
}

fn mayor(words: &[&str]) -> Option<BodyMention> {
    let k = words.iter().position(|w| *w == "Mayor")?;
    (words.get(k + 1) == Some(&"of"))
        .then(|| area_after(&words[k + 2..]))
        .flatten()
        .map(|area| BodyMention {
            title: "Mayor of".into(),
            area: Some(area),
            formal: false,
        })
        .map(|m| BodyMention {
            title: format!("Mayor of {}", m.area.clone().unwrap_or_default()),
            area: m.area,
            formal: false,
        })
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("\u{2019}s"))
        .unwrap_or(s)
}

/// Capitalised words (and joiners between them) at the start of `words`.
fn area_after(words: &[&str]) -> Option<String> {
    let mut taken: Vec<&str> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let clean = word.trim_end_matches([',', ':', ';', '.', ')']);
        let joiner = AREA_JOINERS.contains(&clean);
        // "for Warwickshire I am providing ...": the pronoun is not the area's.
        let pronoun = matches!(clean, "I" | "I'm" | "I\u{2019}m" | "I've" | "I\u{2019}ve");
        if word.starts_with('(') || pronoun || !(capitalised(clean) || joiner) {
            break;
        }
        taken.push(strip_possessive(clean));
        // "for Gwent, Ian Johnston, said": a comma ends the area unless the name goes on to
        // "and" ("for Devon, Cornwall and the Isles of Scilly").
        if word.ends_with(['.', ':', ';', ')'])
            || (word.ends_with(',') && !area_goes_on(&words[i + 1..]))
        {
            break;
        }
    }
    while taken.last().is_some_and(|w| AREA_JOINERS.contains(w)) {
        taken.pop();
    }
    (!taken.is_empty()).then(|| taken.join(" "))
}

/// Whether the area's name goes on after a comma: one capitalised word, then "and" ("Devon,
/// Cornwall and the Isles of Scilly"); two are a person's name ("Gwent, Jeff Cuthbert and the
/// Chief Constable").
fn area_goes_on(words: &[&str]) -> bool {
    matches!(words, [word, and, ..]
        if capitalised(word) && !word.ends_with([',', '.', ':', ';']) && *and == "and")
}

/// Up to three capitalised words just before a title ("Staffordshire Police, Fire ...").
fn area_before(words: &[&str]) -> Option<String> {
    let mut taken: Vec<&str> = Vec::new();
    for word in words.iter().rev().take(3) {
        if word.ends_with([',', ':', '.']) || !capitalised(word) {
            break;
        }
        if matches!(*word, "The" | "Office" | "Response" | "By" | "From") {
            break;
        }
        taken.push(word);
    }
    taken.reverse();
    (!taken.is_empty()).then(|| taken.join(" "))
}

/// The forces' names as documents write them: the full name, and the short name with "Police"
/// or "Constabulary" (so an earlier name such as "Hampshire Constabulary" is found as written).
fn force_spellings() -> &'static [(String, &'static Force)] {
    static SPELLINGS: OnceLock<Vec<(String, &'static Force)>> = OnceLock::new();
    SPELLINGS.get_or_init(|| {
        let mut all = Vec::new();
        for force in forces().iter().filter(|f| f.kind == ForceKind::Territorial) {
            all.push((force.name.clone(), force));
            // Former and brand names (the dated catalogue), as documents of their time write them.
            for other in &force.other_names {
                all.push((other.name.clone(), force));
            }
            if let Some(short) = &force.short_name {
                for suffix in [" Police", " Constabulary"] {
                    let name = format!("{short}{suffix}");
                    if !all.iter().any(|(n, _)| *n == name) {
                        all.push((name, force));
                    }
                }
            }
        }
        // Longest first, so "Hampshire and Isle of Wight Constabulary" wins over its parts.
        all.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
        all
    })
}

/// The catalogue's publication types a report's title names, as whole words in any case and in
/// the title's order ("a thematic inspection of vetting": Thematic, Vetting; a plural's
/// singular counts: "custody suite"). PEEL is also named by what it stands for: effectiveness,
/// efficiency and legitimacy together.
pub fn publication_types_named(title: &str) -> Vec<&'static str> {
    let lower = title.to_lowercase();
    let pillars = ["effectiveness", "efficiency", "legitimacy"];
    let pillar_at: Option<Vec<usize>> = pillars.iter().map(|p| find_word(&lower, p)).collect();
    let mut named: Vec<(usize, &'static str)> = publication_types()
        .iter()
        .map(|t| t.name.as_str())
        .filter_map(|name| {
            let name_lower = name.to_lowercase();
            if pillar_at.is_some() && pillars.contains(&name_lower.as_str()) {
                return None;
            }
            let singular = name_lower.strip_suffix('s').unwrap_or(&name_lower);
            let at = find_word(&lower, &name_lower)
                .or_else(|| find_word(&lower, singular))
                .or_else(|| {
                    (name_lower == "peel")
                        .then(|| pillar_at.as_ref()?.iter().min().copied())
                        .flatten()
                })?;
            Some((at, name))
        })
        .collect();
    named.sort();
    named.into_iter().map(|(_, name)| name).collect()
}

/// The first force named in `line`: the words as written and the catalogue's force.
pub fn force_named(line: &str) -> Option<(String, &'static Force)> {
    if !line.contains("Police") && !line.contains("Constabulary") {
        return None;
    }
    force_spellings()
        .iter()
        .filter_map(|(name, force)| {
            let at = find_word(line, name)?;
            // "Cumbria Police, Fire and Crime Commissioner" names the body, not the force.
            let after = line[at + name.len()..].trim_start_matches([',', ' ']);
            let in_title = ["Fire", "and Crime", "Crime", "Commissioner"]
                .iter()
                .any(|w| after.starts_with(w));
            (!in_title).then_some((at, name, *force))
        })
        .min_by_key(|(at, name, _)| (*at, std::cmp::Reverse(name.len())))
        .map(|(_, name, force)| (name.clone(), force))
}

/// Where `word` occurs in `text` as whole words.
fn find_word(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The first date in `text`: in words ("3 November 2016") or UK day-first ("09/01/2016").
pub fn find_date(text: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let long = dates::find_long_date(text);
    let numeric = numeric_date(text);
    match (long, numeric) {
        (Some(a), Some(b)) => Some(if a.1.start <= b.1.start { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn numeric_date(text: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
            let end = text[i..]
                .find(|c: char| !(c.is_ascii_digit() || c == '/' || c == '.'))
                .map_or(text.len(), |e| i + e);
            let candidate = text[i..end].trim_end_matches('.');
            if candidate.matches(['/', '.']).count() == 2
                && let Some(date) = values::date(candidate)
            {
                return Some((date, i..i + candidate.len()));
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// Where a report is said to be published: "published on (the) 14 March 2023", "published this
/// report on 1 July 2022", "published by HMICFRS on Thursday 1 July 2022", "On 1 July 2022
/// HMICFRS published its report". The date, and whether the sentence is about the response (this
/// letter, our comments) rather than the report.
pub fn published_on(line: &str) -> Option<(NaiveDate, bool)> {
    let mut from = 0;
    while let Some(found) = find_ignore_case(&line[from..], "published") {
        let at = from + found;
        from = at + "published".len();
        let before = &line[..at];
        let sentence = &before[before.rfind(". ").map_or(0, |i| i + 2)..];
        let Some(date) = date_on_after(&line[from..]).or_else(|| date_on_before(sentence)) else {
            continue;
        };
        let sentence = sentence.to_lowercase();
        // About the response when it is the last thing named before "published": "this
        // response to the inspection of ..., which was published on" is about the inspection.
        let last = |words: &[&str]| words.iter().filter_map(|w| sentence.rfind(w)).max();
        let response = last(&[
            "this response",
            "these comments",
            "our response",
            "this letter",
        ]);
        let report = last(&["report", "inspection", "review"]);
        let about_response = response.is_some_and(|r| report.is_none_or(|p| r > p));
        return Some((date, about_response));
    }
    None
}

/// A date a few words after "published", in its sentence and clause, the last of those words
/// "on" but for two (a weekday, "the"): "... published [this report] on [Thursday] 1 July 2022".
fn date_on_after(rest: &str) -> Option<NaiveDate> {
    let sentence = &rest[..rest.find(". ").unwrap_or(rest.len())];
    let (date, range) = find_date(sentence)?;
    let words: Vec<&str> = sentence[..range.start].split_whitespace().collect();
    // "published by HMICFRS today (9th November 2017)": "today" with the date in brackets.
    let on = (0..words.len()).rev().find(|&i| {
        words[i].eq_ignore_ascii_case("on")
            || (words[i].eq_ignore_ascii_case("today")
                && words.get(i + 1).is_some_and(|w| w.starts_with('(')))
    })?;
    let same_clause = !words[..on].iter().any(|w| w.ends_with([',', ';', ':']));
    (same_clause && words.len() <= 7 && words.len() - on <= 3).then_some(date)
}

/// "On 1 July 2022 HMICFRS published ...": the date that opens the sentence, a few words before
/// "published".
fn date_on_before(sentence: &str) -> Option<NaiveDate> {
    let rest = strip_prefix_ignore_case(sentence.trim_start(), "on ")?;
    let (date, range) = find_date(rest)?;
    let words_before = rest[..range.start].split_whitespace().count();
    let words_between = rest[range.end..].split_whitespace().count();
    (words_before <= 1 && words_between <= 5).then_some(date)
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// "published ... today (Thursday 22 September)": a day and a month with no year after them.
pub fn date_without_year(line: &str) -> Option<String> {
    if !line.to_lowercase().contains("published") || find_date(line).is_some() {
        return None;
    }
    let words: Vec<&str> = line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).find_map(|pair| {
        let day = pair[0]
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=31).contains(d))?;
        MONTHS
            .contains(&pair[1].to_lowercase().as_str())
            .then(|| format!("{day} {}", pair[1]))
    })
}

/// A sentence saying the response went to the Home Secretary: "... sent the following letter
/// to the Home Secretary on 26 July 2019", "... has written to the Home Office", "a copy of this
/// response has been sent to the Home Office"; with the date sent when the sentence gives one.
/// Not a promise ("will be sent").
pub fn sent_to_home_secretary(line: &str) -> Option<Option<NaiveDate>> {
    // ASCII lower-casing keeps every byte offset.
    let lower = line.to_ascii_lowercase();
    // "providing" and "submitted" say what was sent only with the response as their object.
    let (at, needs_object) = [
        ("sent", false),
        ("written to", false),
        ("wrote to", false),
        ("forwarded", false),
        ("providing", true),
        ("submitted", true),
    ]
    .iter()
    .filter_map(|(verb, object)| find_word(&lower, verb).map(|at| (at, *object)))
    .min()?;
    // The Home Secretary is where it went: named a few words after the verb ("a letter to the
    // Home Secretary; the date it was sent" says nothing of sending).
    let after: Vec<&str> = lower[at..].split_whitespace().take(10).collect();
    let after = after.join(" ");
    let to_home = ["home secretary", "secretary of state", "home office"]
        .iter()
        .any(|w| after.contains(w));
    let object = ["response", "comments", "letter"]
        .iter()
        .any(|w| after.contains(w));
    // The clause before the verb: not a promise or a duty ("will be sent", "must be sent"),
    // nor the inspectorate sending its report.
    let before = lower[..at].trim_end();
    let clause = &before[before.rfind([',', '.', ';']).map_or(0, |i| i + 1)..];
    let not_done = before.ends_with(" be") || before.ends_with("will");
    let inspectorate = names_inspectorate(clause);
    if !to_home || not_done || inspectorate || (needs_object && !object) {
        return None;
    }
    Some(date_sent(&line[at..]))
}

/// The date a sentence says something was sent on: "on [Thursday] 26 July 2019" in the words
/// after the verb; not a later date of something else ("..., which was published on the 2
/// November 2022").
fn date_sent(rest: &str) -> Option<NaiveDate> {
    let (date, range) = find_date(rest)?;
    let words: Vec<&str> = rest[..range.start].split_whitespace().collect();
    // "... to Home Secretary: 15 December 2022", as a form's label gives it.
    if words.last().is_some_and(|w| w.ends_with(':')) && words.len() <= 6 {
        return Some(date);
    }
    let on = words.iter().rposition(|w| w.eq_ignore_ascii_case("on"))?;
    let clause = !words.iter().any(|w| w.ends_with([',', ';']));
    (clause && words.len() <= 14 && words.len() - on <= 3).then_some(date)
}

/// "HMICFRS has today published ...", "Published today by HMIC, ...": the report came out on
/// the day of the page (a date in the sentence is read by `published_on`).
pub fn published_today(line: &str) -> bool {
    let lower = line.to_lowercase();
    let own = [
        "i have published",
        "we have published",
        "my response",
        "our response",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let inspectorate = names_inspectorate(&lower);
    lower.contains("published")
        && inspectorate
        && !own
        && find_word(&lower, "today").is_some()
        && find_date(line).is_none()
}

/// Whether lower-cased text names the inspectorate ("HMIC", "HMICFRS", "the Inspectorate").
fn names_inspectorate(lower: &str) -> bool {
    ["hmic", "inspectorate"].iter().any(|w| lower.contains(w))
}

/// A letter addressed to the Home Secretary: "Dear Home Secretary", "Dear Secretary of State".
pub fn home_secretary_salutation(line: &str) -> bool {
    let lower = line.to_lowercase();
    salutation(line)
        && ["home secretary", "secretary of state"]
            .iter()
            .any(|w| lower.contains(w))
}

/// A line that is a date and nothing else, as a letter or a news page is dated: "17th February
/// 2021", "Thursday 9 November 2017", "Posted on Thursday 9th November 2017", "9fed Medi 2014".
/// Whether the line says it is the page's posting date ("Posted on ...").
pub fn dateline(line: &str) -> Option<(NaiveDate, bool)> {
    let text = line.trim();
    let posted = ["Posted on ", "Posted: ", "Posted "]
        .iter()
        .find_map(|lead| strip_prefix_ignore_case(text, lead));
    let date = values::date(posted.unwrap_or(text))?;
    Some((date, posted.is_some()))
}

/// A heading dated in brackets at its end: "Statement from the Commissioner on the PEEL
/// assessment (27 Nov 2014)".
pub fn heading_date(line: &str) -> Option<NaiveDate> {
    let inner = line.trim().strip_suffix(')')?;
    let (_, date) = inner.rsplit_once('(')?;
    values::date(date)
}

/// "... is required to publish a response by 9 May 2023", "our response is due by ...": the
/// response's deadline, stated in a sentence.
pub fn deadline_in_sentence(line: &str) -> Option<NaiveDate> {
    const LEADS: &[&str] = &[
        "publish a response by ",
        "publish its response by ",
        "publish our response by ",
        "publish his response by ",
        "publish her response by ",
        "publish their response by ",
        "publish comments by ",
        "response is due by ",
        "response is due on ",
        "response must be published by ",
        "deadline for the response is ",
        "deadline for our response is ",
        "deadline for a response is ",
        "deadline for responding is ",
    ];
    // ASCII lower-casing keeps every byte offset; `find` is fast on a long line.
    let lower = line.to_ascii_lowercase();
    LEADS.iter().find_map(|lead| {
        let at = lower.find(lead)? + lead.len();
        let rest = &line[at..];
        let rest = strip_prefix_ignore_case(rest, "the ").unwrap_or(rest);
        find_date(rest)
            .filter(|(_, range)| range.start == 0)
            .map(|(date, _)| date)
    })
}

/// "PEEL" as a word, as the inspectorate writes it (not "peel" in an address).
pub fn names_peel(line: &str) -> bool {
    find_word(line, "PEEL").is_some()
}

/// A sentence calling the report national or thematic ("the national inspection report",
/// "National Report – ...", "this thematic inspection"): the report is of the type "Thematic".
pub fn says_thematic(line: &str) -> bool {
    let lower = line.to_lowercase();
    [
        "national report",
        "national inspection report",
        "national inspection of",
        "national inspection into",
        "national thematic",
        "thematic report",
        "thematic inspection",
        "thematic review",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// A report's title stated in a sentence: `titled "..."`, "HMICFRS' report into ...", "the
/// publication of HMICFRS' annual assessment of ...".
pub fn report_title(line: &str) -> Option<String> {
    for lead in ["titled ", "entitled "] {
        if let Some(at) = line.find(lead)
            && let Some(quoted) = quoted(&line[at + lead.len()..])
        {
            return Some(quoted);
        }
    }
    let normal = line.replace('\u{2019}', "'");
    for lead in ["HMICFRS' ", "HMICFRS's ", "HMIC's ", "HMIC' "] {
        if let Some(at) = normal.find(lead) {
            let rest = &normal[at + lead.len()..];
            // "HMIC's praise elsewhere ..." names no report; "HMIC's PEEL report", "HMICFRS'
            // annual assessment of ..." do.
            let names_report = rest.split_whitespace().take(3).any(|w| {
                matches!(
                    bare(w).as_str(),
                    "report" | "inspection" | "assessment" | "review"
                )
            });
            if !names_report {
                continue;
            }
            let rest = ["report into ", "report: ", "report \u{2013} ", "report - "]
                .iter()
                .find_map(|lead| rest.strip_prefix(lead))
                .unwrap_or(rest);
            if let Some(title) = sentence_phrase(rest) {
                return Some(title);
            }
        }
    }
    // "... Services (HMICFRS) inspection of police involvement in ...": the inspection's name.
    for lead in ["HMICFRS) ", "HMIC) "] {
        for kind in ["inspection of ", "inspection into "] {
            let lead = format!("{lead}{kind}");
            if let Some(at) = normal.find(&lead)
                && let Some(phrase) = sentence_phrase(&normal[at + lead.len() - kind.len()..])
            {
                return Some(phrase);
            }
        }
    }
    let at = normal.find("report into ")?;
    sentence_phrase(&normal[at + "report into ".len()..])
}

/// A letter's salutation: "Dear Home Secretary,", "Dear Priti".
pub fn salutation(line: &str) -> bool {
    let text = line.trim();
    text.starts_with("Dear ") && text.split_whitespace().count() <= 6
}

/// A line that is a report's title on its own, as a page or letter heads it: "PEEL 2021/22: An
/// inspection of Lancashire Constabulary", "An inspection of how well the police tackle fraud",
/// a letter's "Re: HMICFRS inspection – An inspection of ...". Not a sentence, a label, an
/// address or a heading naming the response.
pub fn title_line(line: &str) -> Option<String> {
    // A title is at most 30 words; a long line is not read further.
    if line.len() > 600 {
        return None;
    }
    let mut text = without_framing(line.trim());
    for lead in ["Re: ", "RE: ", "Subject: "] {
        text = text.strip_prefix(lead).unwrap_or(text);
    }
    for lead in [
        "HMICFRS inspection",
        "HMICFRS report",
        "HMIC inspection",
        "HMIC report",
    ] {
        if let Some(rest) = text.strip_prefix(lead)
            && let Some(rest) = [": ", " \u{2013} ", " - ", " \u{2014} "]
                .iter()
                .find_map(|s| rest.strip_prefix(s))
        {
            text = rest.trim();
        }
    }
    // "HMICFRS PEEL inspection of ...": the inspectorate's name is not the title's.
    for lead in ["HMICFRS ", "HMIC "] {
        text = text
            .strip_prefix(lead)
            .filter(|t| t.starts_with("PEEL "))
            .unwrap_or(text);
    }
    let words = text.split_whitespace().count();
    let lower = text.to_lowercase();
    let not_a_title = [
        "response", "comments", "re:", "date", "from", "to:", "dear", "our ",
    ];
    if !(3..=30).contains(&words)
        || text.ends_with(['.', ':', ';', ','])
        || text.contains('@')
        || response_heading(text).is_some()
        || not_a_title.iter().any(|w| lower.starts_with(w))
    {
        return None;
    }
    let peel = text.starts_with("PEEL ") || text.starts_with("PEEL:");
    let inspection = [
        "an inspection of ",
        "an inspection into ",
        "a joint inspection",
        "a thematic inspection",
        "inspection of the ",
    ]
    .iter()
    .any(|w| lower.contains(w));
    (peel || inspection).then(|| text.to_owned())
}

/// Dashes that set a page's framing apart from the report's title.
const DASHES: &[&str] = &[" \u{2013} ", " - ", " \u{2014} "];

/// A heading's title without the parts around it that frame it: "Commissioner's Response – HMIC
/// Inspection – Core Business: ..." and "PEEL: Police Effectiveness 2016 - Lord Bach responds"
/// hold the titles "Core Business: ..." and "PEEL: Police Effectiveness 2016".
fn without_framing(text: &str) -> &str {
    let framing = |part: &str| {
        let lower = part.trim().to_lowercase().replace('\u{2019}', "'");
        [
            "hmic inspection",
            "hmicfrs inspection",
            "hmic report",
            "hmicfrs report",
            "national report",
        ]
        .contains(&lower.as_str())
            || ["response", "responds", "comments", "responds to the report"]
                .iter()
                .any(|w| lower.ends_with(w))
    };
    // At most two parts frame a title on each side ("X Response – HMIC Inspection – "), so
    // a long line of dashes costs two passes, not one per dash.
    let mut text = text;
    for _ in 0..2 {
        match first_dash(text) {
            Some((head, rest)) if framing(head) => text = rest,
            _ => break,
        }
    }
    for _ in 0..2 {
        match last_dash(text) {
            Some((rest, tail)) if framing(tail) => text = rest,
            _ => break,
        }
    }
    text
}

/// The text before and after its first dash (of any of `DASHES`).
fn first_dash(text: &str) -> Option<(&str, &str)> {
    DASHES
        .iter()
        .filter_map(|d| text.split_once(d))
        .min_by_key(|(head, _)| head.len())
}

/// The text before and after its last dash.
fn last_dash(text: &str) -> Option<(&str, &str)> {
    DASHES
        .iter()
        .filter_map(|d| text.rsplit_once(d))
        .max_by_key(|(rest, _)| rest.len())
}

/// The words before "Response" in a heading's framing ("Commissioner's Response – HMIC
/// Inspection – ..."): who responds, as `short_title` reads it.
pub fn framing_body(line: &str) -> Option<&str> {
    let (head, _) = first_dash(line.trim())?;
    let words = head.trim().strip_suffix("Response")?.trim_end();
    (!words.is_empty()).then_some(words)
}

/// A news headline naming the report the body answers: "Commissioner comments on HMICFRS
/// Efficiency Report", "PCC Welcomes Crime Data Integrity Report"; the report's words after the
/// verb, when they end in "report", "inspection" or "review".
pub fn headline_title(line: &str) -> Option<String> {
    let text = line.trim();
    if text.ends_with(['.', ':', ';', ',']) || text.split_whitespace().count() > 25 {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let (at, verb) = [
        " comments on ",
        " welcomes ",
        " responds to ",
        " reacts to ",
    ]
    .iter()
    .filter_map(|verb| lower.find(verb).map(|at| (at, *verb)))
    .min()?;
    let subject = &lower[..at];
    if !["pcc", "pfcc", "commissioner", "mayor", "opcc"]
        .iter()
        .any(|w| find_word(subject, w).is_some())
    {
        return None;
    }
    let mut rest = without_report_leads(text[at + verb.len()..].trim());
    while let Some(after) = rest.strip_prefix("latest ") {
        rest = without_report_leads(after);
    }
    let last = bare(rest.split_whitespace().last()?);
    let names_report = ["report", "inspection", "review"].contains(&last.as_str());
    // A title is capitalised ("Crime Data Integrity Report"); "positive inspection report" and
    // "critical HMICFRS report" describe one.
    if !rest.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    // "comments on an HMICFRS inspection" names none.
    let indefinite = ["a ", "an ", "A ", "An "]
        .iter()
        .any(|a| rest.starts_with(a));
    (names_report && !indefinite && rest.split_whitespace().count() >= 2).then(|| rest.to_owned())
}

/// The words up to the end of the sentence (or a clause that starts something else).
fn sentence_phrase(text: &str) -> Option<String> {
    let mut end = text.len();
    for stop in [
        ". ",
        ", which",
        ", published",
        " which ",
        " was ",
        " were ",
        " has ",
        " and found",
    ] {
        if let Some(at) = text.find(stop) {
            end = end.min(at);
        }
    }
    let phrase = text[..end]
        .trim()
        .trim_end_matches(['.', ',', ':', ';'])
        .trim();
    let words = phrase.split_whitespace().count();
    (2..=40).contains(&words).then(|| phrase.to_owned())
}

fn quoted(text: &str) -> Option<String> {
    let text = text.trim_start();
    let open = text.chars().next()?;
    let close = match open {
        '\u{201c}' => '\u{201d}',
        '\u{2018}' => '\u{2019}',
        '"' | '\'' => open,
        _ => return None,
    };
    let inner = &text[open.len_utf8()..];
    let end = inner.find(close)?;
    Some(inner[..end].trim().to_owned()).filter(|t| !t.is_empty())
}

/// A heading that names the response: "{body} response to HMICFRS ...", "Response by (of, from)
/// {body} to HMIC ...". The body's words, and the report's title when the heading gives it.
pub fn response_heading(line: &str) -> Option<(String, Option<String>)> {
    let text = line.trim();
    if text.ends_with(['.', ';', ',']) || text.contains('@') || text.split_whitespace().count() > 40
    {
        return None;
    }
    let by = ["response by ", "response of ", "response from "]
        .iter()
        .find_map(|lead| strip_prefix_ignore_case(text, lead));
    let (body, rest) = if let Some(after) = by {
        let to = find_ignore_case(after, " to ")?;
        (&after[..to], &after[to + " to ".len()..])
    } else if let Some(rest) = strip_prefix_ignore_case(text, "response to ") {
        // "Response to HMICFRS report: TITLE": the body is named elsewhere.
        ("", rest)
    } else {
        let at = find_ignore_case(text, " response to ")?;
        (&text[..at], &text[at + " response to ".len()..])
    };
    let rest_lower = rest.to_lowercase();
    let inspectorate = [
        "hmic",
        "his majesty",
        "her majesty",
        "the hmic",
        "the inspectorate",
    ];
    if !inspectorate.iter().any(|w| rest_lower.starts_with(w)) {
        return None;
    }
    Some((
        strip_possessive(body.trim()).to_owned(),
        heading_title(rest),
    ))
}

/// The article and the inspectorate's name before a report's words ("the HMICFRS ", "HMIC's "),
/// as a heading or a headline writes them.
fn without_report_leads(text: &str) -> &str {
    const LEADS: &[&str] = &[
        "the ",
        "The ",
        "HMICFRS's ",
        "HMICFRS\u{2019}s ",
        "HMICFRS' ",
        "HMICFRS\u{2019} ",
        "HMICFRS ",
        "HMIC's ",
        "HMIC\u{2019}s ",
        "HMIC ",
    ];
    let mut text = text;
    while let Some(after) = LEADS.iter().find_map(|lead| text.strip_prefix(lead)) {
        text = after;
    }
    text
}

/// The title in what follows "response to": after "report:", or the rest without the
/// inspectorate's name; "inspections of ..." (plural) names no report.
fn heading_title(rest: &str) -> Option<String> {
    let normal = rest.replace('\u{2019}', "'");
    let text = without_report_leads(&normal);
    for lead in [
        "report: ",
        "report:",
        "report - ",
        "report \u{2013} ",
        "inspection: ",
        "report into ",
        "report on ",
    ] {
        if let Some(after) = text.strip_prefix(lead) {
            return Some(after.trim().to_owned()).filter(|t| !t.is_empty());
        }
    }
    // "inspections of ...", "inspection reports" (plural) name no report.
    let lower = text.to_lowercase();
    if lower.starts_with("inspections") || lower.trim_end().ends_with("reports") {
        return None;
    }
    // "the HMICFRS report", "the latest inspection report" name no report.
    let generic = text.split_whitespace().all(|w| {
        matches!(
            bare(w).as_str(),
            "report" | "inspection" | "latest" | "recent" | "new" | "hmicfrs" | "hmic"
        )
    });
    Some(text.trim().to_owned()).filter(|t| t.split_whitespace().count() >= 2 && !generic)
}

/// How a chief officer's quoted words start on a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Quote {
    /// "Chief Constable X said: “...": the byte offset where the quoted words start.
    SameLine(usize),
    /// "... and he has stated:" at the end of the line: the words follow on the next lines.
    Below,
}

/// A chief officer introduced as speaking: "In response, Deputy Chief Constable X said: ...".
pub fn chief_quote(line: &str) -> Option<Quote> {
    let lower = line.to_lowercase();
    let chief_at = CHIEF_WORDS.iter().filter_map(|w| lower.find(w)).min()?;
    let (at, verb) = SPEECH
        .iter()
        .filter_map(|v| lower[chief_at..].find(v).map(|i| (chief_at + i, v)))
        .min()?;
    // Lower-casing may change byte lengths; colons do not change, so count them.
    let nth = lower[..at + verb.len()].matches(':').count();
    let (colon, _) = line.match_indices(':').nth(nth.checked_sub(1)?)?;
    let rest = line[colon + 1..].trim_start();
    if rest.is_empty() {
        Some(Quote::Below)
    } else {
        Some(Quote::SameLine(line.len() - rest.len()))
    }
}

/// A line that continues a quote: it opens with a quotation mark.
pub fn continues_quote(line: &str) -> bool {
    line.trim_start().starts_with(['\u{201c}', '"', '\u{2018}'])
}

/// A signature such as "A Name, Chief Constable of Surrey Police" that closes quoted words.
pub fn chief_signature(line: &str) -> bool {
    let lower = line.to_lowercase();
    line.split_whitespace().count() <= 14
        && !line.trim_end().ends_with(['.', ':'])
        && CHIEF_WORDS.iter().any(|w| lower.contains(w))
}

/// An answer to numbered recommendations in a sentence: the ids, and whether it says no action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub ids: Vec<u32>,
    pub no_action: bool,
}

pub fn answer(line: &str) -> Option<Answer> {
    let text = values::strip_bullet(line).trim();
    let lower = text.to_lowercase();
    let no_action = NO_ACTION.iter().any(|w| lower.contains(w));
    let ids = if let Some(rest) = lower.strip_prefix("recommendation") {
        let ids = id_list(rest.trim_start_matches('s'));
        let tail = rest
            .trim_start_matches('s')
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == ',')
            .trim_start();
        // "Recommendation 3: we will ...", "Recommendation 3 does not apply to ... because ..."
        // (with words after it), not a bare heading ("Recommendation 3", "Recommendation 3
        // vetting").
        let punctuated =
            tail.starts_with([':', '-', '\u{2013}', '\u{2014}', ',']) && tail.len() > 2;
        let said = punctuated || tail.split_whitespace().count() >= 3;
        if said { ids } else { Vec::new() }
    } else {
        let numbered = ANSWER_LEADS.iter().find_map(|lead| {
            let at = lower.find(&format!("{lead}recommendation"))?;
            let rest = &lower[at + lead.len() + "recommendation".len()..];
            Some(id_list(rest.trim_start_matches('s')))
        });
        numbered
            .filter(|ids| !ids.is_empty())
            .unwrap_or_else(|| ordinal(&lower))
    };
    (!ids.is_empty()).then_some(Answer { ids, no_action })
}

/// " 4 and 7", " 1, 2, and 5" → [4, 7], [1, 2, 5].
fn id_list(text: &str) -> Vec<u32> {
    let mut ids = Vec::new();
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        let trimmed = ["and ", "& ", ", and ", ", ", "to "]
            .iter()
            .find_map(|j| trimmed.strip_prefix(j))
            .filter(|_| !ids.is_empty())
            .unwrap_or(trimmed)
            .trim_start();
        let digits = trimmed.len()
            - trimmed
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        match trimmed[..digits].parse::<u32>() {
            Ok(id) if id > 0 && ids.len() < 100 => {
                ids.push(id);
                rest = &trimmed[digits..];
            }
            _ => return ids,
        }
    }
}

/// "the second recommendation" → [2].
fn ordinal(lower: &str) -> Vec<u32> {
    ORDINALS
        .iter()
        .position(|o| lower.contains(&format!("the {o} recommendation")))
        .map(|i| vec![i as u32 + 1])
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_on_lines_of_their_own() {
        let peel = "PEEL 2021/22: An inspection of Lancashire Constabulary";
        let burglary = "An inspection of the police response to burglary";
        for (line, title) in [
            (peel, peel),
            (
                "Re: HMICFRS inspection \u{2013} An inspection of the police response to burglary",
                burglary,
            ),
            (burglary, burglary),
            (
                "HMICFRS PEEL inspection of Durham Constabulary",
                "PEEL inspection of Durham Constabulary",
            ),
        ] {
            assert_eq!(title_line(line).as_deref(), Some(title), "{line}");
        }
        for line in [
            "Kent PCC response to HMICFRS inspection of Kent Police",
            "The report is an inspection of the force's work.",
            "Re: your letter",
            "Dear Home Secretary,",
            "PEEL",
        ] {
            assert_eq!(title_line(line), None, "{line}");
        }
    }

    #[test]
    fn publication_dates_in_sentences() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let report = |line| {
            published_on(line)
                .filter(|(_, about)| !about)
                .map(|(date, _)| date)
        };
        for line in [
            "The report was published on 1 July 2022.",
            "published on the 1st July 2022",
            "HMICFRS published this report on 1st July 2022.",
            "This report was published by HMICFRS on 1 July 2022, and found that ...",
            "HMICFRS published the report on Thursday 1 July 2022.",
            "On 1 July 2022 HMICFRS published its report.",
            "On the 1st July 2022, HMICFRS published its report into vetting.",
            "This response is published on our website. HMICFRS published its report on 1 July 2022.",
        ] {
            assert_eq!(report(line), d(2022, 7, 1), "{line}");
        }
        assert_eq!(
            published_on("This response was published on 25 August 2022."),
            d(2022, 8, 25).map(|d| (d, true))
        );
        for line in [
            // Too far from "published", or not "on" a date.
            "HMICFRS published a report about the force's handling of complaints and the wider system of police accountability on 1 July 2022.",
            "Unpublished data for 1 July 2022 were used.",
            "The report, published in 2022, found that on 1 July 2022 there were backlogs.",
            "published. On 1 July 2022 the force changed its structure.",
        ] {
            assert_eq!(report(line), None, "{line}");
        }
    }

    #[test]
    fn bodies_in_prose() {
        let m = body_mention(
            "Comments of the Police and Crime Commissioner for Cheshire (Local Policing Body)",
        )
        .unwrap();
        assert_eq!(m.written(), "Police and Crime Commissioner for Cheshire");
        let m =
            body_mention("Response by Jo Bloggs, Police, Fire and Crime Commissioner:").unwrap();
        assert_eq!(
            (m.title.as_str(), m.area),
            ("Police, Fire and Crime Commissioner", None)
        );
        let m = body_mention("Response from: Office of the Police and Crime Commissioner, Cumbria")
            .unwrap();
        assert_eq!(m.area.as_deref(), Some("Cumbria"));
        let m = body_mention(
            "Derbyshire Police, Fire & Rescue and Crime Commissioner response to HMICFRS",
        )
        .unwrap();
        assert_eq!(m.area.as_deref(), Some("Derbyshire"));
        assert_eq!(m.title, "Police, Fire & Rescue and Crime Commissioner");
        let m = body_mention("the Police, Crime and Victims' Commissioner for Northumbria said")
            .unwrap();
        assert_eq!(
            m.written(),
            "Police, Crime and Victims' Commissioner for Northumbria"
        );
        assert_eq!(body_mention("the Information Commissioner said"), None);
        let m = short_title("Avon PCC").unwrap();
        assert_eq!(
            (m.title.as_str(), m.area.as_deref()),
            ("Police and Crime Commissioner", Some("Avon"))
        );
        assert!(short_title("The Commissioner").unwrap().title_only());
        assert_eq!(short_title("The Inspectorate"), None);
    }

    #[test]
    fn forces_dates_titles() {
        assert_eq!(
            force_named("an inspection of Hampshire Constabulary in 2016").map(|f| f.0),
            Some("Hampshire Constabulary".into())
        );
        assert_eq!(
            force_named("of Kent Police's work").map(|f| f.1.name.as_str()),
            Some("Kent Police")
        );
        let d = NaiveDate::from_ymd_opt(2016, 1, 9);
        assert_eq!(find_date("sent: 09/01/2016 (to x)").map(|d| d.0), d);
        assert_eq!(
            published_on("It was published on the 14 March 2023."),
            NaiveDate::from_ymd_opt(2023, 3, 14).map(|d| (d, false))
        );
        assert_eq!(
            sent_to_home_secretary(
                "The PCC sent this letter to the Home Secretary on 9 January 2016, after"
            )
            .flatten()
            .map(|d| d.to_string()),
            Some("2016-01-09".into())
        );
        assert_eq!(
            report_title("in response to HMICFRS' report into custody in Dorset, which found")
                .as_deref(),
            Some("custody in Dorset")
        );
        assert_eq!(
            response_heading(
                "Surrey PCC response to HMICFRS report: PEEL 2023–2025: An inspection of Surrey Police"
            ),
            Some((
                "Surrey PCC".into(),
                Some("PEEL 2023–2025: An inspection of Surrey Police".into())
            ))
        );
        assert_eq!(
            response_heading(
                "Response by the Police and Crime Commissioner to HMIC Inspections of Dorset Police"
            )
            .map(|h| h.1),
            Some(None)
        );
        assert_eq!(
            response_heading(
                "Response of the Police, Fire and Crime Commissioner for Essex to HMICFRS' report: An inspection of youth violence"
            ),
            Some((
                "the Police, Fire and Crime Commissioner for Essex".into(),
                Some("An inspection of youth violence".into())
            ))
        );
        assert_eq!(
            report_title("We welcome HMICFRS' report: An inspection of youth violence.").as_deref(),
            Some("An inspection of youth violence")
        );
    }

    #[test]
    fn curly_apostrophes_and_accents_keep_offsets() {
        assert_eq!(
            response_heading("Commissioner\u{2019}s response to HMICFRS review of rural policing"),
            Some((
                "Commissioner".into(),
                Some("review of rural policing".into())
            ))
        );
        assert_eq!(
            published_on("Caf\u{e9}\u{2019}s report \u{2014} published on 3 May 2024").map(|d| d.0),
            NaiveDate::from_ymd_opt(2024, 5, 3)
        );
        assert_eq!(
            sent_to_home_secretary("\u{201c}Sent\u{201d} to the Home Secretary on 4 May 2024")
                .flatten()
                .map(|d| d.to_string()),
            Some("2024-05-04".into())
        );
    }

    #[test]
    fn publication_types_in_titles() {
        assert_eq!(
            publication_types_named(
                "yearly review of Avon Police's Effectiveness, Efficiency and Legitimacy"
            ),
            ["PEEL"]
        );
        assert_eq!(
            publication_types_named("PEEL Efficiency 2017 \u{2013} Avon Police"),
            ["PEEL", "Efficiency"]
        );
        assert_eq!(
            publication_types_named("a thematic review of vetting in three forces"),
            ["Thematic", "Vetting"]
        );
        assert_eq!(
            publication_types_named("An inspection of every custody suite in Avon"),
            ["Custody suites"]
        );
        assert!(publication_types_named("How forces answer calls").is_empty());
        assert!(publication_types_named("Peeling back the layers").is_empty());
    }

    #[test]
    fn a_date_without_its_year() {
        assert_eq!(
            date_without_year("HMICFRS has today (Tuesday 12 March) published its report.")
                .as_deref(),
            Some("12 March")
        );
        assert_eq!(
            date_without_year("It was published on 12 March 2024."),
            None
        );
    }

    #[test]
    fn quotes_and_answers() {
        assert_eq!(
            chief_quote("In response, Deputy Chief Constable A B said: “We agree.”"),
            Some(Quote::SameLine(46))
        );
        assert_eq!(
            chief_quote("I asked the Chief Constable for his view, and he has stated:"),
            Some(Quote::Below)
        );
        assert_eq!(chief_quote("The Chief Constable agrees."), None);
        assert_eq!(
            answer("In response to recommendations 4 and 7, we have set up a board."),
            Some(Answer {
                ids: vec![4, 7],
                no_action: false
            })
        );
        assert_eq!(
            answer(
                "The second recommendation does not apply to us because we have no custody suite."
            ),
            Some(Answer {
                ids: vec![2],
                no_action: true
            })
        );
        assert_eq!(
            answer("Recommendation 3: we will review the policy."),
            Some(Answer {
                ids: vec![3],
                no_action: false
            })
        );
        assert_eq!(answer("Recommendation 3"), None);
        assert_eq!(answer("Recommendation 3 vetting"), None);
        assert_eq!(answer("We accept the recommendations."), None);
        let ids = |line| answer(line).map(|a| (a.ids, a.no_action));
        assert_eq!(
            ids("Recommendations 1, 2 and 5 are accepted in full."),
            Some((vec![1, 2, 5], false))
        );
        assert_eq!(
            ids("Recommendation 3 does not apply to Essex because it has no custody suites."),
            Some((vec![3], true))
        );
        assert_eq!(
            ids("We accept recommendation 4 and will complete the work by March 2024."),
            Some((vec![4], false))
        );
        assert_eq!(
            ids("The force does not accept recommendation 6, as the work is done."),
            Some((vec![6], true))
        );
    }

    #[test]
    fn statements_letters_and_news_pages() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        // Sent to the Home Secretary, with or without a date; never a promise.
        assert_eq!(
            sent_to_home_secretary("He has written to the Home Office and HMIC, responding."),
            Some(None)
        );
        assert_eq!(
            sent_to_home_secretary("A copy of this response has been sent to the Home Office."),
            Some(None)
        );
        assert_eq!(
            sent_to_home_secretary("A copy will be sent to the Home Secretary."),
            None
        );
        assert_eq!(
            sent_to_home_secretary("This represents the Home Office view."),
            None
        );
        assert_eq!(
            sent_to_home_secretary(
                "a letter to the Home Secretary; the date it was sent is in a sentence"
            ),
            None
        );
        for not_sent in [
            "HMICFRS has sent its report to the Home Secretary.",
            "The response must be sent to the Home Secretary within 56 days.",
            "The force provided the Home Office with figures.",
        ] {
            assert_eq!(sent_to_home_secretary(not_sent), None, "{not_sent}");
        }
        // The date of something else in the sentence is not the date sent.
        assert_eq!(
            sent_to_home_secretary(
                "I am providing this response to the Secretary of State on the report, which was published on 2 November 2022."
            ),
            Some(None)
        );
        assert_eq!(
            sent_to_home_secretary("Date Response Sent to Home Secretary: 15 December 2022"),
            Some(NaiveDate::from_ymd_opt(2022, 12, 15))
        );
        assert_eq!(
            headline_title("PCC welcomes positive inspection report"),
            None
        );
        assert!(!published_today(
            "Today I have published my response to the HMICFRS report."
        ));
        assert!(!says_thematic(
            "The visit was part of a national inspection programme."
        ));
        assert_eq!(
            deadline_in_sentence("The force must respond by 31 March 2018."),
            None
        );
        assert!(title_line(&"a response - ".repeat(40_000)).is_none());
        let named = body_mention(
            "the Police and Crime Commissioner for Gwent, Jeff Cuthbert and the Chief Constable",
        );
        assert_eq!(named.and_then(|b| b.area).as_deref(), Some("Gwent"));
        let shouted = body_mention("OFFICE OF THE POLICE AND CRIME COMMISSIONER FOR LINCOLNSHIRE");
        assert_eq!(
            shouted.map(|b| (b.area, b.formal)),
            Some((Some("LINCOLNSHIRE".to_owned()), false))
        );
        assert!(home_secretary_salutation("Dear Home Secretary,"));
        assert!(!home_secretary_salutation("Dear Chief Constable,"));
        // A date on a line of its own, or the page's posting date.
        assert_eq!(
            dateline("17th February 2021"),
            date(2021, 2, 17).map(|d| (d, false))
        );
        assert_eq!(
            dateline("9fed Medi 2014"),
            date(2014, 9, 9).map(|d| (d, false))
        );
        assert_eq!(
            dateline("Posted on Thursday 9th November 2017"),
            date(2017, 11, 9).map(|d| (d, true))
        );
        assert_eq!(
            dateline("The report was published on 9 November 2017."),
            None
        );
        assert_eq!(
            heading_date("Statement from the Commissioner on the PEEL assessment (27 Nov 2014)"),
            date(2014, 11, 27)
        );
        assert_eq!(heading_date("Police and Crime Commissioner (PCC)"), None);
        // "today (DATE)", and "today" with no date in the sentence.
        assert_eq!(
            published_on("the report which was published by HMICFRS today (9th November 2017)"),
            date(2017, 11, 9).map(|d| (d, false))
        );
        assert!(published_today(
            "Published today by HMIC, the report follows an inspection."
        ));
        assert!(!published_today(
            "HMIC published it on 9 September 2014, today."
        ));
        // The deadline in a sentence.
        assert_eq!(
            deadline_in_sentence(
                "The Commissioner is required to publish a response by 9 May 2023, and"
            ),
            date(2023, 5, 9)
        );
        assert_eq!(
            deadline_in_sentence("Response by the PCC to HMIC, 9 May 2023"),
            None
        );
        assert!(says_thematic(
            "I welcomed the national inspection report published by HMICFRS"
        ));
        assert!(!says_thematic("The force was inspected in 2023."));
        assert!(names_peel("Statement on the HMIC PEEL Assessment website"));
        assert!(!names_peel("https://example.org/peel-assessments/"));
        // Headlines naming the report.
        assert_eq!(
            headline_title("Commissioner comments on HMICFRS Efficiency Report").as_deref(),
            Some("Efficiency Report")
        );
        assert_eq!(
            headline_title("PCC Welcomes Crime Data Integrity Report").as_deref(),
            Some("Crime Data Integrity Report")
        );
        assert_eq!(
            headline_title("South Wales PCC responds to \u{2018}Good\u{2019} HMIC grade"),
            None
        );
        assert_eq!(
            headline_title("Commissioner for Kent \u{2013} comments on an HMICFRS inspection"),
            None
        );
        assert_eq!(
            headline_title("Chief Constable welcomes HMICFRS PEEL report"),
            None
        );
        // A heading's framing is not the title's.
        assert_eq!(
            title_line("Commissioner\u{2019}s Response \u{2013} HMIC Inspection \u{2013} Core Business: an inspection into crime prevention").as_deref(),
            Some("Core Business: an inspection into crime prevention")
        );
        assert_eq!(
            framing_body(
                "Commissioner\u{2019}s Response \u{2013} HMIC Inspection \u{2013} Core Business"
            ),
            Some("Commissioner\u{2019}s")
        );
        assert_eq!(framing_body("Core Business \u{2013} an inspection"), None);
        assert_eq!(
            title_line("PEEL: Police Effectiveness 2016 - Lord Bach responds").as_deref(),
            Some("PEEL: Police Effectiveness 2016")
        );
        // "HMIC's" before something that is not a report names none.
        assert_eq!(
            report_title("Given the HMIC\u{2019}s praise elsewhere for the force, I am surprised"),
            None
        );
        // A comma ends an area unless its name goes on to "and".
        let pronoun =
            body_mention("As the Police and Crime Commissioner for Warwickshire I am writing");
        assert_eq!(
            pronoun.and_then(|b| b.area).as_deref(),
            Some("Warwickshire")
        );
        assert_eq!(
            published_on(
                "I am providing this response to the inspection of stalking, which was published on 2 May 2024."
            ),
            NaiveDate::from_ymd_opt(2024, 5, 2).map(|d| (d, false))
        );
        assert_eq!(
            published_on("This response was published on 2 May 2024."),
            NaiveDate::from_ymd_opt(2024, 5, 2).map(|d| (d, true))
        );
        let gwent =
            body_mention("the Police and Crime Commissioner for Gwent, Ian Johnston, said:");
        assert_eq!(gwent.and_then(|b| b.area).as_deref(), Some("Gwent"));
        let devon = body_mention(
            "the Police and Crime Commissioner for Devon, Cornwall and the Isles of Scilly",
        );
        assert_eq!(
            devon.and_then(|b| b.area).as_deref(),
            // (the catalogue matches the area's words, not its commas)
            Some("Devon Cornwall and the Isles of Scilly")
        );
    }
}
