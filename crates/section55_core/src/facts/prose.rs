//! Recommendations named in prose: "In response to recommendations 4 and 7, ...", "the second
//! recommendation does not apply ... because ...", "Recommendation 3: we will ...". Offices often
//! answer inside their comments; the linter and the importer both read those answers here.

use std::ops::Range;

const NUMBER_WORDS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];
const ORDINALS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// A recommendation named in a text, with the byte range of the sentence that names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub id: u32,
    pub sentence: Range<usize>,
}

/// A word of the text and where it is.
struct Word<'a> {
    text: &'a str,
    at: usize,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric()
            || (c == '.'
                && start.is_some()
                && text[i + 1..].starts_with(|d: char| d.is_ascii_digit()));
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word {
                    text: &text[s..i],
                    at: s,
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            text: &text[s..],
            at: s,
        });
    }
    out
}

/// "4", "four", "4th", "fourth" as a number.
fn number(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    let digits: String = lower.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let rest = &lower[digits.len()..];
        return matches!(rest, "" | "st" | "nd" | "rd" | "th")
            .then(|| digits.parse().ok())
            .flatten()
            .filter(|n| *n > 0);
    }
    let position = |list: &[&str]| list.iter().position(|w| *w == lower).map(|i| i as u32 + 1);
    position(&NUMBER_WORDS).or_else(|| position(&ORDINALS))
}

/// "second", "2nd": a word that numbers a thing rather than counting things ("four").
fn is_ordinal(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let digits = lower.chars().take_while(char::is_ascii_digit).count();
    ORDINALS.contains(&lower.as_str())
        || (digits > 0 && matches!(&lower[digits..], "st" | "nd" | "rd" | "th"))
}

fn is_recommendation(word: &str) -> bool {
    word.eq_ignore_ascii_case("recommendation") || word.eq_ignore_ascii_case("recommendations")
}

/// The byte range of the sentence around `at`: from after the previous full stop, question or
/// exclamation mark, colon-ended heading line or blank line, to the next sentence end.
fn sentence(text: &str, at: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let ends = |i: usize| {
        matches!(bytes[i], b'.' | b'!' | b'?')
            && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
            || (bytes[i] == b'\n' && bytes.get(i + 1) == Some(&b'\n'))
    };
    let start = (0..at).rev().find(|&i| ends(i)).map_or(0, |i| i + 1);
    let end = (at..bytes.len())
        .find(|&i| ends(i))
        .map_or(bytes.len(), |i| if bytes[i] == b'\n' { i } else { i + 1 });
    let trimmed_start = start + (text[start..end].len() - text[start..end].trim_start().len());
    let trimmed_end = trimmed_start + text[trimmed_start..end].trim_end().len();
    trimmed_start..trimmed_end
}

/// The recommendations `text` names by number, each once, in order of first mention.
pub fn mentions(text: &str) -> Vec<Mention> {
    let words = words(text);
    let mut found: Vec<Mention> = Vec::new();
    let mut add = |id: u32, at: usize| {
        if !found.iter().any(|m| m.id == id) {
            found.push(Mention {
                id,
                sentence: sentence(text, at),
            });
        }
    };
    for (i, word) in words.iter().enumerate() {
        if !is_recommendation(word.text) {
            continue;
        }
        // "recommendations 4 and 7", "recommendation no. 3", "recommendations 1, 2 and 5".
        let mut j = i + 1;
        if words.get(j).is_some_and(|w| {
            matches!(
                w.text.to_ascii_lowercase().as_str(),
                "number" | "numbers" | "no"
            )
        }) {
            j += 1;
        }
        while let Some(n) = words.get(j).and_then(|w| number(w.text)) {
            add(n, word.at);
            j += 1;
            match words.get(j).map(|w| w.text.to_ascii_lowercase()) {
                Some(joiner) if joiner == "and" || joiner == "or" => j += 1,
                _ => {}
            }
        }
        // "the second recommendation", "the 2nd and 3rd recommendations".
        let mut k = i;
        while k > 0 {
            let before = &words[k - 1];
            match number(before.text) {
                Some(n) if is_ordinal(before.text) => {
                    add(n, before.at);
                    k -= 1;
                    if k > 0
                        && matches!(
                            words[k - 1].text.to_ascii_lowercase().as_str(),
                            "and" | "or"
                        )
                    {
                        k -= 1;
                    }
                }
                _ => break,
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<u32> {
        mentions(text).iter().map(|m| m.id).collect()
    }

    #[test]
    fn common_wordings() {
        assert_eq!(
            ids("In response to recommendations 4 and 7, the force has acted."),
            [4, 7]
        );
        assert_eq!(ids("Recommendations 1, 2 and 5 are accepted."), [1, 2, 5]);
        assert_eq!(ids("Recommendation 3: we will review the policy."), [3]);
        assert_eq!(
            ids("The second recommendation does not apply to us because we have no custody suite."),
            [2]
        );
        assert_eq!(ids("The 2nd and 3rd recommendations are in hand."), [3, 2]);
        assert_eq!(ids("recommendation number six is complete"), [6]);
        assert_eq!(
            ids("We welcome the recommendations in this report."),
            Vec::<u32>::new()
        );
        assert_eq!(ids("There were 4 recommendations."), Vec::<u32>::new());
        assert_eq!(
            ids("The report made four recommendations."),
            Vec::<u32>::new()
        );
    }

    #[test]
    fn the_sentence_is_the_one_that_names_it() {
        let text = "We welcome the report. In response to recommendation 2, the force has appointed a lead. I will follow this up.";
        let m = &mentions(text)[0];
        assert_eq!(
            &text[m.sentence.clone()],
            "In response to recommendation 2, the force has appointed a lead."
        );
    }
}
