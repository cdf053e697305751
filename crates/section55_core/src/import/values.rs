//! Reading values as documents write them: texts, single lines, lists, dates, links, statuses
//! and id lists.

use std::num::NonZeroU32;

use chrono::NaiveDate;

use crate::catalogue::Catalogue;
use crate::dates;
use crate::model::Status;
use crate::render::labels::Labels;

/// A text as the response file keeps it: lines without trailing space, no blank lines at either
/// end or in runs, and a final newline when it runs to more than one line (as YAML's `|` gives).
pub fn canonical_text<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut kept: Vec<&str> = Vec::new();
    for line in lines.into_iter().map(str::trim_end) {
        let blank = line.is_empty();
        if blank && kept.last().is_none_or(|last| last.is_empty()) {
            continue;
        }
        kept.push(line);
    }
    while kept.last().is_some_and(|l| l.is_empty()) {
        kept.pop();
    }
    let mut text = kept.join("\n");
    if kept.len() > 1 {
        text.push('\n');
    }
    text
}

/// A section's text (key findings, a response's comments): as [`canonical_text`], always with a
/// final newline, since files keep sections as `|` blocks whatever their length.
pub fn section_text<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut text = canonical_text(lines);
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// A date as people write it: "24 October 2025", "Thursday 1 May 2025", "1st May 2025",
/// "2025-05-01" or "24/10/2025".
pub fn date(text: &str) -> Option<NaiveDate> {
    let text = text.trim().trim_end_matches('.').trim();
    dates::parse_long_date(text)
        .or_else(|| NaiveDate::parse_from_str(text, "%d/%m/%Y").ok())
        .or_else(|| NaiveDate::parse_from_str(text, "%d.%m.%Y").ok())
}

/// The address in `[text](address)`, `<address>`, a bare address, or `text (address: X)` (how
/// the HTML page and the Word document show an address that is not a web address, such as `#`);
/// empty after `text (no address)`.
pub fn link(text: &str) -> Option<String> {
    let text = text.trim();
    let languages = [Labels::ENGLISH, Labels::WELSH];
    if languages.iter().any(|l| text.ends_with(&*l.no_address)) {
        return Some(String::new());
    }
    if let Some(shown) = languages.iter().find_map(|l| {
        text.strip_suffix(')')
            .and_then(|t| t.rsplit_once(&format!("({}: ", l.address)))
            .map(|(_, address)| address.trim())
            .filter(|a| !a.is_empty())
    }) {
        return Some(shown.to_owned());
    }
    if let Some(open) = text.rfind("](") {
        let rest = &text[open + 2..];
        let end = rest.rfind(')')?;
        return Some(
            rest[..end]
                .trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .trim()
                .to_owned(),
        );
    }
    if let Some(inner) = text.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
        return Some(inner.trim().to_owned());
    }
    text.split_whitespace()
        .find(|word| word.starts_with("https://") || word.starts_with("http://") || *word == "#")
        .map(|word| word.trim_end_matches(['.', ',', ';']).to_owned())
}

/// What a list's lines name: one item per bullet or line; on a single line, items separated by
/// semicolons, or by commas when every part is a catalogue name (names themselves may contain
/// commas).
pub fn list(lines: &[&str], is_known: impl Fn(&str) -> bool) -> Vec<String> {
    let items: Vec<&str> = lines
        .iter()
        .map(|l| strip_bullet(l).trim())
        .filter(|l| !l.is_empty())
        .collect();
    match items.as_slice() {
        [one] if one.contains(';') => split(one, ';'),
        [one] if one.contains(',') && one.split(',').all(|p| is_known(p.trim())) => split(one, ','),
        _ => items.iter().map(|i| (*i).to_owned()).collect(),
    }
}

fn split(line: &str, separator: char) -> Vec<String> {
    line.split(separator)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

pub fn is_known_force(name: &str) -> bool {
    Catalogue::default().find_force(name).is_some()
}

pub fn is_known_publication_type(name: &str) -> bool {
    Catalogue::default().find_publication_type(name).is_some()
}

/// `- item`, `* item`, `• item` or `1. item` → "item".
pub fn strip_bullet(line: &str) -> &str {
    let line = line.trim_start();
    if let Some(rest) = ["- ", "* ", "+ ", "• ", "\u{2013} "]
        .iter()
        .find_map(|m| line.strip_prefix(m))
    {
        return rest;
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    match line[digits..]
        .strip_prefix(". ")
        .or_else(|| line[digits..].strip_prefix(") "))
    {
        Some(rest) if digits > 0 => rest,
        _ => line,
    }
}

/// "Accepted", "Partially accepted", "not-accepted", "N/A" and the like.
pub fn status(text: &str) -> Option<Status> {
    let words = text
        .trim()
        .trim_end_matches('.')
        .to_lowercase()
        .replace(['_', ' '], "-");
    Status::parse(&words).or(match words.as_str() {
        "partly-accepted" | "accepted-in-part" => Some(Status::PartiallyAccepted),
        "rejected" => Some(Status::NotAccepted),
        "n/a" => Some(Status::NotApplicable),
        _ => None,
    })
}

/// The numbers in "1, 2 and 4".
pub fn ids(text: &str) -> Vec<NonZeroU32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect()
}

/// "There were no recommendations.", "There are no areas for improvement", "None".
pub fn says_none(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    let lower = lower.trim_end_matches('.');
    [
        "there were no ",
        "there are no ",
        "there was no ",
        "no recommendations",
        "no areas for improvement",
        "no causes of concern",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        || matches!(lower, "none" | "n/a" | "nil")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_kept_in_one_shape() {
        assert_eq!(
            canonical_text(["", "one  ", "", "", "two", ""]),
            "one\n\ntwo\n"
        );
        assert_eq!(canonical_text(["only"]), "only");
        assert_eq!(canonical_text([""]), "");
    }

    #[test]
    fn dates_links_lists_statuses() {
        let d = NaiveDate::from_ymd_opt(2025, 10, 24);
        assert_eq!(date("24 October 2025."), d);
        assert_eq!(date("Friday 24 October 2025"), d);
        assert_eq!(date("24/10/2025"), d);
        assert_eq!(link("[A report - HMICFRS](#)").as_deref(), Some("#"));
        assert_eq!(
            link("[A (b) report](<https://x.gov.uk/a b>)").as_deref(),
            Some("https://x.gov.uk/a b")
        );
        assert_eq!(
            link("See https://x.gov.uk/r.").as_deref(),
            Some("https://x.gov.uk/r")
        );
        assert_eq!(link("no address"), None);
        assert_eq!(link("A report (address: #)").as_deref(), Some("#"));
        assert_eq!(link("Adroddiad (cyfeiriad: #)").as_deref(), Some("#"));
        assert_eq!(link("Adroddiad (dim cyfeiriad)").as_deref(), Some(""));
        assert_eq!(link("A report (no address)").as_deref(), Some(""));
        let yes = |_: &str| true;
        assert_eq!(list(&["Norfolk, Suffolk"], yes), vec!["Norfolk", "Suffolk"]);
        assert_eq!(
            list(&["Norfolk, Suffolk"], |_| false),
            vec!["Norfolk, Suffolk"]
        );
        assert_eq!(list(&["- a", "- b"], yes), vec!["a", "b"]);
        assert_eq!(list(&["a; b"], |_| false), vec!["a", "b"]);
        assert_eq!(
            status("Partially accepted"),
            Some(Status::PartiallyAccepted)
        );
        assert_eq!(status("not-applicable"), Some(Status::NotApplicable));
        assert_eq!(status("We agree"), None);
        assert_eq!(
            ids("1, 2 and 4")
                .iter()
                .map(|i| i.get())
                .collect::<Vec<_>>(),
            vec![1, 2, 4]
        );
        assert!(says_none("There were no areas for improvement."));
        assert!(!says_none("There were six new recommendations"));
    }
}
