//! Plain English in what the office wrote, after GOV.UK's guidance on writing for the web
//! (<https://www.gov.uk/guidance/content-design/writing-for-gov-uk>, "Plain English" and
//! "Words to avoid"; the style guide's "Abbreviations and acronyms"): long sentences, acronyms
//! never spelt out, the passive voice and words to avoid.
//!
//! The family is off by default: `[rules] prose = "info"` turns it on (or name one rule). It
//! reads only the texts the office wrote — the key findings summary, the chief officer's and the
//! body's comments, and each response's action, reason and notes — never the report's own
//! recommendations, areas for improvement, titles or names. Every text is read where it is
//! written in the file, so a finding's range is the words as written, whatever the YAML style
//! (plain, quoted, folded or literal); one pass over each text, so 100 KB without a full stop
//! costs what 100 KB of sentences does.

use super::code;
use super::{Context, Doc, Findings, Rule};
use crate::diagnostic::{Applicability, Fix, Severity, Span};
use crate::document::Value;

pub const RULES: &[Rule] = &[
    Rule {
        name: code::LONG_SENTENCE,
        severity: Severity::Info,
        summary: "A sentence the office wrote of more than 25 words (configurable)",
        doc: Doc {
            what: "Reports a sentence of more words than `[prose] sentence_words` (25 by default) in a text the office wrote. Off by default: enable it with `[rules] prose = \"info\"` or `long-sentence = \"info\"` in `section55.toml`.",
            why: "GOV.UK's guidance is sentences of about 25 words at most: long sentences are harder to follow, above all for people with lower reading ages or reading in a second language, and a published response is for the public.",
            example: "pcc_response:\n  text: |\n    I welcome the report and I will be holding the Chief Constable to account for the delivery of every one of the improvements that the inspectorate has identified in this report through my quarterly meetings.",
            fix: "Split the sentence in two, or cut words that add nothing.",
        },
        fixes: &[],
        check: check_long_sentences,
    },
    Rule {
        name: code::ACRONYM_NOT_EXPANDED,
        severity: Severity::Info,
        summary: "An acronym used before it is written out in full, or never written out",
        doc: Doc {
            what: "Reports the first use of an acronym (two or more capital letters) in the texts the office wrote, in the order the published page shows them, when it comes before the acronym is written out in full (`Police and Crime Panel (PCP)`) or when it is never written out. Acronyms readers know (UK, EU, NHS, BBC, TV) and those the office lists in `[prose] acronyms` are not reported. Off by default: enable it with `[rules] prose = \"info\"` or `acronym-not-expanded = \"info\"`.",
            why: "GOV.UK's style guide: spell out an acronym the first time you use it, unless it is well known. Readers of a response include victims, councillors and the press, who do not all know the police's acronyms.",
            example: "pcc_response:\n  text: |\n    I will report progress to the PCP. The Police and Crime Panel (PCP) meets quarterly.",
            fix: "Write it out the first time: `Police and Crime Panel (PCP)`. The quick fix does this when the text writes it out later. An acronym your readers know goes in `[prose] acronyms`.",
        },
        fixes: &[Applicability::Unsafe],
        check: check_acronyms,
    },
    Rule {
        name: code::PASSIVE_VOICE,
        severity: Severity::Info,
        summary: "A verb in the passive voice (\"was agreed\", \"will be reviewed\")",
        doc: Doc {
            what: "Reports a verb in the passive voice (a form of \"be\" followed by a past participle, such as \"was agreed\" or \"will be reviewed\") in the texts the office wrote. It reads words, not grammar, so some findings are adjectives (\"is committed\"): treat it as a prompt. Off by default: enable it with `[rules] prose = \"info\"` or `passive-voice = \"info\"`.",
            why: "GOV.UK's guidance prefers the active voice: \"the force will review\" says who acts, which a reader holding the body to account needs to know; \"will be reviewed\" hides it.",
            example: "chief_constable_response:\n  text: |\n    The recommendation was accepted and a new process will be introduced.",
            fix: "Say who does it: \"We accepted the recommendation and will introduce a new process.\"",
        },
        fixes: &[],
        check: check_passive_voice,
    },
    Rule {
        name: code::WORDS_TO_AVOID,
        severity: Severity::Info,
        summary: "A word GOV.UK's style guide says to avoid (\"facilitate\", \"robust\", \"going forward\")",
        doc: Doc {
            what: "Reports words from GOV.UK's list of words to avoid (such as facilitate, utilise, leverage, robust, streamline, going forward, deliver for abstract things) in the texts the office wrote, with a plainer word. `[prose] words_to_avoid` replaces the list. Off by default: enable it with `[rules] prose = \"info\"` or `words-to-avoid = \"info\"`.",
            why: "GOV.UK's style guide: these words are vague or jargon; plain words are clearer to everyone, and what a response commits the body to should be plain.",
            example: "pcc_response:\n  text: |\n    I will facilitate a robust review going forward.",
            fix: "Use the plainer word the finding suggests, or say exactly what will happen.",
        },
        fixes: &[],
        check: check_words_to_avoid,
    },
];

/// A word as written: its bytes in the file and its text.
#[derive(Clone, Copy)]
pub(super) struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// The word starts a sentence of its own (a new paragraph or list item begins before it).
    breaks_before: bool,
}

impl Word<'_> {
    /// The word without the punctuation around it, and without a possessive `'s`.
    fn bare(&self) -> &str {
        let t = self
            .text
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        t.strip_suffix("'s")
            .or_else(|| t.strip_suffix("\u{2019}s"))
            .unwrap_or(t)
    }

    /// The bytes of [`Word::bare`] in the file: a finding covers the word, not its punctuation.
    fn bare_range(&self) -> (usize, usize) {
        let bare = self.bare();
        let from = self.start + (bare.as_ptr() as usize - self.text.as_ptr() as usize);
        (from, from + bare.len())
    }

    fn lower(&self) -> String {
        self.bare().to_lowercase()
    }

    /// It ends a sentence (`.`, `!` or `?`, before closing quotes or brackets), and is not an
    /// abbreviation such as "e.g.".
    fn ends_sentence(&self) -> bool {
        let t = self
            .text
            .trim_end_matches(['"', '\'', ')', ']', '\u{201d}', '\u{2019}', '*']);
        t.ends_with(['.', '!', '?'])
            && !["e.g.", "i.e.", "etc.", "no.", "mr.", "mrs.", "dr.", "st."]
                .contains(&t.to_lowercase().as_str())
    }
}

/// The source range of each text the office wrote, in the order the published page shows them.
fn office_texts(ctx: &Context) -> Vec<(usize, usize)> {
    let mut pointers = vec!["/key_findings".to_owned()];
    for side in ["chief_constable_response", "pcc_response"] {
        pointers.push(format!("/{side}/text"));
        let count = ctx
            .get(&format!("/{side}/responses"))
            .map_or(0, |n| n.as_seq().len());
        for i in 0..count {
            for key in ["action", "no_action_reason", "notes"] {
                pointers.push(format!("/{side}/responses/{i}/{key}"));
            }
        }
    }
    pointers
        .iter()
        .filter_map(|p| ctx.get(p))
        .filter(|node| matches!(node.value, Value::Str(_)))
        .map(|node| {
            let lines = ctx.lines();
            (
                lines.offset(ctx.text, node.span.start),
                lines.offset(ctx.text, node.span.end),
            )
        })
        .filter(|(a, b)| a < b)
        .collect()
}

/// The words of `text[start..end]` that hold a letter or digit (a block scalar's `|` and a
/// bullet's `-` are not words); a blank line or a bullet starts a new sentence.
fn words(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let region = text.get(start..end).unwrap_or("");
    let mut out = Vec::new();
    let mut pending = true;
    for (a, b, newlines) in runs(region) {
        let w = &region[a..b];
        if newlines >= 2 {
            pending = true;
        }
        let first_on_line = newlines >= 1 || a == 0;
        if first_on_line && matches!(w, "-" | "*" | "•") {
            pending = true;
        } else if w.chars().any(char::is_alphanumeric) {
            out.push(Word {
                start: start + a,
                end: start + b,
                text: w,
                breaks_before: std::mem::take(&mut pending),
            });
        }
    }
    out
}

/// The runs of non-space characters of `s`: their byte range and how many line ends come
/// between the run and the one before it.
fn runs(s: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut from = None;
    let mut newlines = 0;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), from) {
            (true, Some(a)) => {
                out.push((a, i, newlines));
                from = None;
                newlines = usize::from(c == '\n');
            }
            (true, None) => newlines += usize::from(c == '\n'),
            (false, None) => from = Some(i),
            (false, Some(_)) => {}
        }
    }
    if let Some(a) = from {
        out.push((a, s.len(), newlines));
    }
    out
}

fn span(ctx: &Context, start: usize, end: usize) -> Span {
    let lines = ctx.lines();
    Span::new(lines.pos(ctx.text, start), lines.pos(ctx.text, end))
}

/// The words of each text the office wrote ([`Context::office_words`] keeps them for the lint).
pub(super) fn office_words<'a>(ctx: &Context<'a>) -> Vec<Vec<Word<'a>>> {
    office_texts(ctx)
        .into_iter()
        .map(|(a, b)| words(ctx.text, a, b))
        .collect()
}

fn check_long_sentences(ctx: &Context, out: &mut Findings) {
    let limit = ctx.config.prose.sentence_words;
    for words in ctx.office_words() {
        for sentence in sentences(words) {
            if sentence.len() > limit
                && let (Some(first), Some(last)) = (sentence.first(), sentence.last())
            {
                out.add(
                    span(ctx, first.start, last.end),
                    format!(
                        "this sentence has {} words; GOV.UK's guidance is at most about {limit}: split it, or cut words that add nothing",
                        sentence.len()
                    ),
                );
            }
        }
    }
}

/// The sentences of a text's words.
fn sentences<'w, 'a>(words: &'w [Word<'a>]) -> Vec<&'w [Word<'a>]> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, w) in words.iter().enumerate() {
        if w.breaks_before && i > from {
            out.push(&words[from..i]);
            from = i;
        }
        if w.ends_sentence() {
            out.push(&words[from..=i]);
            from = i + 1;
        }
    }
    if from < words.len() {
        out.push(&words[from..]);
    }
    out
}

/// Acronyms GOV.UK's style guide says need no explaining.
const KNOWN_ACRONYMS: &[&str] = &["UK", "EU", "NHS", "BBC", "TV", "OK", "ID"];

/// An acronym: two to ten capital letters (a plural `s` allowed), as `(PCP)` too.
fn acronym(word: &Word) -> Option<String> {
    let bare = word.bare();
    let letters = bare.strip_suffix('s').unwrap_or(bare);
    let caps = letters.len() >= 2
        && letters.len() <= 10
        && letters.chars().all(|c| c.is_ascii_uppercase() || c == '&')
        && letters.chars().filter(char::is_ascii_uppercase).count() >= 2;
    caps.then(|| letters.to_owned())
}

/// `(PCP)`: the acronym defined by the words before it.
fn in_brackets(word: &Word) -> bool {
    let t = word.text.trim_end_matches(['.', ',', ';', ':']);
    t.starts_with('(') && t.ends_with(')')
}

/// The words before a bracketed acronym that write it out, as the source range they cover:
/// the words whose initials spell it ("Police and Crime Panel" for PCP), or else the run of
/// capitalised words before it ("Multi-Agency Child Exploitation" for MACE, "Tackling Organised
/// Exploitation" for TOEX).
fn full_form(words: &[Word], at: usize, acronym: &str) -> Option<(usize, usize)> {
    let before = &words[..at];
    let range = |from: usize| (before[from].start, before[at - 1].end);
    initials_spell(before, acronym)
        .or_else(|| capitalised_run(before))
        .map(range)
}

const SMALL_WORDS: &[&str] = &["and", "of", "the", "for", "&", "in", "on", "to"];

fn small(word: &Word) -> bool {
    SMALL_WORDS.contains(&word.lower().as_str())
}

/// Where the words ending `before` start whose initials spell `acronym` (small words skipped).
fn initials_spell(before: &[Word], acronym: &str) -> Option<usize> {
    let letters: Vec<char> = acronym.chars().filter(char::is_ascii_uppercase).collect();
    let mut need = letters.len();
    let mut i = before.len();
    while need > 0 && i > 0 {
        i -= 1;
        if small(&before[i]) {
            continue;
        }
        let initial = before[i].bare().chars().next()?.to_ascii_uppercase();
        if initial != letters[need - 1] || before[i].ends_sentence() {
            return None;
        }
        need -= 1;
    }
    (need == 0).then_some(i)
}

/// Where the run of capitalised words (and small words between them) ending `before` starts.
fn capitalised_run(before: &[Word]) -> Option<usize> {
    let mut from = None;
    for i in (0..before.len()).rev().take(8) {
        let w = &before[i];
        if w.ends_sentence() && i + 1 < before.len() {
            break;
        }
        if w.bare().starts_with(|c: char| c.is_uppercase()) {
            from = Some(i);
        } else if !small(w) {
            break;
        }
    }
    from
}

fn check_acronyms(ctx: &Context, out: &mut Findings) {
    struct Seen {
        first: (usize, usize),
        defined_first: bool,
        full: Option<(usize, usize)>,
    }
    let accepted = &ctx.config.prose.acronyms;
    let mut seen: Vec<(String, Seen)> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for words in ctx.office_words() {
        for (i, w) in words.iter().enumerate() {
            let Some(name) = acronym(w) else { continue };
            if KNOWN_ACRONYMS.contains(&name.as_str()) || accepted.iter().any(|a| a == &name) {
                continue;
            }
            // "(PCP)" after its full form, or "MACE (Multi-Agency ...)" before it.
            let bracketed = in_brackets(w)
                || words
                    .get(i + 1)
                    .is_some_and(|n| n.text.starts_with("(") && !n.breaks_before);
            let defines = bracketed.then(|| full_form(words, i, &name)).flatten();
            match index.get(&name) {
                None => {
                    index.insert(name.clone(), seen.len());
                    seen.push((
                        name,
                        Seen {
                            first: w.bare_range(),
                            // Bracketed at first use: written out there, however it is.
                            defined_first: bracketed,
                            full: defines,
                        },
                    ));
                }
                Some(&k) => {
                    let entry = &mut seen[k].1;
                    if entry.full.is_none() {
                        entry.full = defines;
                    }
                }
            }
        }
    }
    for (name, s) in seen.iter().filter(|(_, s)| !s.defined_first) {
        let at = span(ctx, s.first.0, s.first.1);
        match s.full {
            Some((a, b)) => {
                let full = ctx.text.get(a..b).unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
                let written = ctx.text.get(s.first.0..s.first.1).unwrap_or(name);
                let expanded = written.replacen(name.as_str(), &format!("{full} ({name})"), 1);
                out.add_with_fixes(
                    at,
                    format!("`{name}` is used here before it is written out in full (\"{full} ({name})\" comes later): write it out the first time"),
                    vec![Fix::replace(
                        Applicability::Unsafe,
                        format!("Write it out: {full} ({name})"),
                        at,
                        expanded,
                    )],
                );
            }
            None => out.add(
                at,
                format!("`{name}` is never written out in full: write it out the first time, as `Full Name ({name})`, or, if your readers know it, add it to [prose] acronyms in section55.toml"),
            ),
        }
    }
}

const BE: &[&str] = &["am", "is", "are", "was", "were", "be", "been", "being"];

/// Past participles that do not end in -ed.
const IRREGULAR: &[&str] = &[
    "made",
    "found",
    "given",
    "taken",
    "seen",
    "done",
    "known",
    "shown",
    "written",
    "held",
    "set",
    "put",
    "brought",
    "kept",
    "told",
    "sent",
    "paid",
    "led",
    "built",
    "met",
    "chosen",
    "drawn",
    "driven",
    "begun",
    "spent",
    "won",
    "understood",
    "undertaken",
    "overseen",
];

fn participle(word: &str) -> bool {
    (word.len() > 4 && word.ends_with("ed")) || IRREGULAR.contains(&word)
}

fn check_passive_voice(ctx: &Context, out: &mut Findings) {
    for words in ctx.office_words() {
        for (i, w) in words.iter().enumerate() {
            if !BE.contains(&w.lower().as_str()) || w.ends_sentence() {
                continue;
            }
            // "was agreed", "was quickly agreed".
            let next = |k: usize| words.get(k).filter(|n| !n.breaks_before);
            let Some(mut verb) = next(i + 1) else {
                continue;
            };
            if verb.lower().ends_with("ly") && !w.ends_sentence() {
                match next(i + 2) {
                    Some(after) => verb = after,
                    None => continue,
                }
            }
            if participle(&verb.lower()) {
                out.add(
                    span(ctx, w.bare_range().0, verb.bare_range().1),
                    format!(
                        "\"{} {}\" is in the passive voice: say who does it (\"we will ...\", \"the force has ...\")",
                        w.bare(),
                        verb.bare()
                    ),
                );
            }
        }
    }
}

/// GOV.UK's words to avoid, with a plainer word for each (the style guide's "Words to avoid").
const WORDS_TO_AVOID: &[(&str, &str)] = &[
    ("facilitate", "help, or say how"),
    ("utilise", "use"),
    ("utilize", "use"),
    ("leverage", "use, or influence"),
    ("robust", "strong, or say what you mean"),
    ("streamline", "simplify, or say how"),
    ("overarching", "say what it covers"),
    ("empower", "allow, or give permission"),
    ("foster", "encourage, or say how"),
    ("deploy", "use, or put into place"),
    ("collaborate", "work with"),
    ("liaise", "work with, or talk to"),
    ("tackle", "stop, solve or deal with"),
    ("combat", "stop or solve"),
    ("disincentivise", "discourage"),
    ("incentivise", "encourage"),
    ("going forward", "in future, or from now on"),
    (
        "deliver",
        "make, provide or carry out (services and post are delivered, not improvements)",
    ),
];

/// `word` is `entry` or one of its forms (facilitates, facilitated, facilitating).
fn form_of(word: &str, entry: &str) -> bool {
    let stem = entry.strip_suffix('e').unwrap_or(entry);
    word == entry
        || ["s", "es", "ed", "d", "ing", "ers", "er", "ery"]
            .iter()
            .any(|suffix| word.strip_prefix(stem).is_some_and(|rest| rest == *suffix))
        || word
            .strip_prefix(entry)
            .is_some_and(|rest| ["s", "ed", "ing", "ting", "ted"].contains(&rest))
}

/// A capitalised word followed by another: part of a name ("Tackling Organised Exploitation").
fn in_a_name(words: &[Word], i: usize) -> bool {
    let capital = |w: &Word| w.bare().starts_with(|c: char| c.is_uppercase());
    capital(&words[i])
        && words
            .get(i + 1)
            .is_some_and(|n| !n.breaks_before && capital(n) && !words[i].ends_sentence())
}

fn check_words_to_avoid(ctx: &Context, out: &mut Findings) {
    let own: Option<Vec<(&str, &str)>> = ctx.config.prose.words_to_avoid.as_ref().map(|list| {
        list.iter()
            .map(|w| (w.as_str(), "a plainer word"))
            .collect()
    });
    // In lower case once per lint, not once per word.
    let list: Vec<(String, &str)> = own
        .as_deref()
        .unwrap_or(WORDS_TO_AVOID)
        .iter()
        .map(|(entry, instead)| (entry.to_lowercase(), *instead))
        .collect();
    for words in ctx.office_words() {
        for (i, w) in words.iter().enumerate() {
            let lower = w.lower();
            let found = list.iter().find_map(|(entry, instead)| {
                avoided_until(words, i, &lower, entry).map(|end| (instead, end))
            });
            if let Some((instead, end)) = found {
                let start = w.bare_range().0;
                let written = ctx.text.get(start..end).unwrap_or(w.text);
                out.add(
                    span(ctx, start, end),
                    format!("\"{written}\" is on GOV.UK's list of words to avoid: {instead}"),
                );
            }
        }
    }
}

/// Where the words to avoid `entry` (in lower case; one word or two) end when they start at
/// word `i`, whose lower case is `lower`.
fn avoided_until(words: &[Word], i: usize, lower: &str, entry: &str) -> Option<usize> {
    match entry.split_once(' ') {
        Some((first, second)) => {
            let next = words.get(i + 1).filter(|n| !n.breaks_before)?;
            (lower == first && next.lower() == second).then(|| next.bare_range().1)
        }
        None => (form_of(lower, entry) && !in_a_name(words, i)).then(|| words[i].bare_range().1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s, 0, s.len()).iter().map(|w| w.text).collect()
    }

    #[test]
    fn words_skip_indicators_and_bullets_and_break_sentences() {
        let text = "|\n  One two.\n\n  - Three - four\n  - five";
        assert_eq!(texts(text), ["One", "two.", "Three", "four", "five"]);
        let ws = words(text, 0, text.len());
        let lens: Vec<usize> = sentences(&ws).iter().map(|s| s.len()).collect();
        assert_eq!(lens, [2, 2, 1]);
    }

    #[test]
    fn forms_of_words_to_avoid() {
        assert!(form_of("facilitating", "facilitate"));
        assert!(form_of("facilitated", "facilitate"));
        assert!(form_of("delivering", "deliver"));
        assert!(form_of("tackling", "tackle"));
        assert!(!form_of("fostering-care", "foster"));
    }
}
