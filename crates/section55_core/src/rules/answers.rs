//! s.55(5B): every recommendation explained — the action taken or proposed, or why none.

use super::code;
use super::context::{Answer, Item};
use super::{Context, Doc, Findings, Rule};
use crate::diagnostic::{Applicability, Fix, Pos, Severity, Span};
use crate::document::{LineIndex, Node, Value};
use crate::facts::prose;
use crate::model::Status;
use crate::template::{self, Fill};

pub const RULES: &[Rule] = &[
    Rule {
        name: code::UNANSWERED_RECOMMENDATION,
        severity: Severity::Error,
        summary: "A recommendation has no response with an action or a reason for no action (s.55(5B))",
        doc: Doc {
            what: "Reports a recommendation that no entry in `chief_constable_response.responses` or `pcc_response.responses` answers with an `action` or a `no_action_reason`. A recommendation that a response's text names in prose (\"In response to recommendations 4 and 7, ...\", \"the second recommendation does not apply ... because ...\", \"Recommendation 3: ...\") is reported as answered in prose only, at `info`, with a fix that records the sentence as a structured response; one mentioned nowhere stays an error. Dated: s.55(5B) applies to reports published on or after 2 May 2017 (SI 2017/399, reg. 4(a)); responses to earlier reports are not checked, since the original section asked for no explanation per recommendation.",
            why: "s.55(5B) of the Police Act 1996: for every recommendation in the report, the comments must explain (a) what action has been or will be taken, or (b) why no action has been or will be taken. A response that skips a recommendation does not meet the statute.",
            example: "recommendations:\n  - id: 2\n    text: ...\n    status: accepted\npcc_response:\n  text: ...\n  # no response with recommendation: 2",
            fix: "Add a response entry: `- recommendation: 2` with `action: ...` (or `no_action_reason: ...`). The language server's quick fix adds stubs for every unanswered recommendation.",
        },
        fixes: &[Applicability::Unsafe],
        check: check_unanswered,
    },
    Rule {
        name: code::RESPONSE_TO_UNACCEPTED_RECOMMENDATION,
        severity: Severity::Warning,
        summary: "A response gives an action for a recommendation marked not-accepted or not-applicable",
        doc: Doc {
            what: "Reports a response that gives an `action` for a recommendation whose `status` is `not-accepted` or `not-applicable`.",
            why: "The response contradicts itself: it says the recommendation is not accepted (or does not apply) and then describes action on it. Readers and HMICFRS cannot tell which is true, and s.55(5B)(b) asks for the reason no action will be taken.",
            example: "recommendations:\n  - id: 1\n    status: not-accepted\npcc_response:\n  responses:\n    - recommendation: 1\n      action: We will adopt the definition.",
            fix: "Correct the status (`accepted` or `partially-accepted`), or replace `action` with `no_action_reason`.",
        },
        fixes: &[],
        check: check_action_on_unaccepted,
    },
    Rule {
        name: code::MISSING_NO_ACTION_REASON,
        severity: Severity::Error,
        summary: "A not-accepted recommendation is answered without a `no_action_reason` (s.55(5B)(b))",
        doc: Doc {
            what: "Reports a recommendation with `status: not-accepted` whose responses do not include a `no_action_reason`, at the first response to it (where the reason goes; the quick fix adds a placeholder there). Dated: only for reports published on or after 2 May 2017 (s.55(5B), SI 2017/399 reg. 4(a)).",
            why: "s.55(5B)(b): where no action is to be taken on a recommendation, the comments must explain why. A bare \"not accepted\" does not.",
            example: "recommendations:\n  - id: 1\n    status: not-accepted\npcc_response:\n  responses:\n    - recommendation: 1\n      action: Under review.",
            fix: "Give the reason in a `no_action_reason` on the response to that recommendation.",
        },
        fixes: &[Applicability::Unsafe],
        check: check_missing_reason,
    },
    Rule {
        name: code::UNANSWERED_AREA_FOR_IMPROVEMENT,
        severity: Severity::Info,
        summary: "An area for improvement has no response",
        doc: Doc {
            what: "Reports an area for improvement that no entry in either response section answers.",
            why: "Section 55 requires explanations only for recommendations, but the template asks for a response to \"any Recommendations/Areas For Improvement\", and forces are inspected on them again.",
            example: "areas_for_improvement:\n  - id: 1\n    text: The force should improve how it records ...",
            fix: "Add a response entry with `area_for_improvement: 1` and an `action`, or leave it: this is for information.",
        },
        fixes: &[Applicability::Unsafe],
        check: check_unanswered_areas,
    },
];

fn id_span(item: &Item) -> Span {
    item.id.map_or_else(
        || {
            item.node
                .as_map()
                .first()
                .map_or(item.node.span, |e| e.key_span)
        },
        |(_, n)| n.span,
    )
}

fn check_unanswered(ctx: &Context, out: &mut Findings) {
    if !ctx.under_2017_duties() {
        return; // s.55(5B) did not apply before 2 May 2017.
    }
    let items = ctx.items();
    let unanswered: Vec<&Item> = items
        .recommendations
        .iter()
        .filter(|rec| {
            rec.id
                .is_some_and(|(id, _)| !items.answers_to_recommendation(id).any(|a| a.explains()))
        })
        .collect();
    if unanswered.is_empty() {
        return;
    }
    // Worked out once: a file with thousands of unanswered recommendations must not rebuild the
    // line index, or the stubs for all of them, per finding.
    let lines = ctx.lines();
    let nl = ctx.newline();
    let all = if unanswered.len() > 1 {
        stub_fix(ctx, lines, nl, CHIEF, &unanswered, None)
    } else {
        None
    };
    let prose = prose_answers(ctx);
    for (i, rec) in unanswered.iter().enumerate() {
        let Some((id, _)) = rec.id else { continue };
        if let Some((section, sentence)) = prose.iter().find_map(|(s, mentions)| {
            let m = mentions.iter().find(|m| i64::from(m.id) == id)?;
            Some((*s, m.sentence.as_str()))
        }) {
            let fixes = stub_fix(ctx, lines, nl, section, &[rec], Some(sentence))
                .into_iter()
                .collect();
            let message = format!(
                "recommendation {id} is answered only in prose, in `{section}.text` (\"{}\"): add a structured response with `recommendation: {id}` so the explanation s.55(5B) requires is recorded against it",
                shorten(sentence, 80)
            );
            out.add_capped(id_span(rec), message, fixes, Severity::Info);
            continue;
        }
        let message = format!(
            "recommendation {id} is not answered: s.55(5B) requires the action taken or proposed, or why no action will be taken; add a response with `recommendation: {id}`"
        );
        let mut fixes: Vec<Fix> = stub_fix(ctx, lines, nl, CHIEF, &[rec], None)
            .into_iter()
            .collect();
        // The fix for all of them grows with their number: past FIX_ALL_ON_EACH it is offered on
        // the first finding only, so the findings stay linear in size.
        if i == 0 || unanswered.len() <= FIX_ALL_ON_EACH {
            fixes.extend(all.clone());
        }
        out.add_with_fixes(id_span(rec), message, fixes);
    }
}

const CHIEF: &str = template::CHIEF_CONSTABLE_RESPONSE.key;

/// A sentence of a response section's text that names a recommendation.
struct ProseMention {
    id: u32,
    sentence: String,
}

/// The recommendations each response section's text names in prose.
fn prose_answers(ctx: &Context) -> Vec<(&'static str, Vec<ProseMention>)> {
    template::RESPONSE_SECTIONS
        .iter()
        .filter_map(|section| {
            let text = ctx.get(&format!("/{section}/text"))?.as_str()?;
            let mentions = prose::mentions(text)
                .into_iter()
                .map(|m| ProseMention {
                    id: m.id,
                    sentence: text[m.sentence]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                })
                .collect();
            Some((*section, mentions))
        })
        .collect()
}

/// At most `max` characters of `text`, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}...", &text[..at]),
        None => text.to_owned(),
    }
}

/// Up to this many unanswered recommendations, each finding offers the fix that answers all.
const FIX_ALL_ON_EACH: usize = 50;

/// A fix that adds a response stub for each of `recs` at the end of
/// `chief_constable_response.responses` (creating `responses:` when absent): `action: TODO ...`,
/// or `no_action_reason: TODO ...` for a recommendation that is not accepted or not applicable.
/// The TODO is a placeholder `empty-section` reports until it is written.
fn stub_fix(
    ctx: &Context,
    lines: &LineIndex,
    nl: &str,
    section: &str,
    recs: &[&Item],
    quote: Option<&str>,
) -> Option<Fix> {
    let root = ctx.root()?;
    let section = root.get(section)?;
    let child_indent = section.as_map().first()?.key_span.start.col as usize;
    let stubs = |dash: usize| -> String {
        recs.iter()
            .filter_map(|rec| {
                let (id, _) = rec.id?;
                let unaccepted = matches!(
                    rec.status,
                    Some((Status::NotAccepted | Status::NotApplicable, _))
                );
                let answer_line = if unaccepted {
                    template::NO_ACTION_REASON_LINE
                } else {
                    template::ACTION_LINE
                };
                let pad = " ".repeat(dash);
                let answer = match quote {
                    // The office's own sentence, as a folded block (any text is valid there).
                    Some(sentence) => format!("action: >-{nl}{pad}    {sentence}"),
                    None => template::fill(answer_line, "", Fill::Plain, &|_| None)?,
                };
                Some(format!(
                    "{pad}- recommendation: {id}{nl}{pad}  {answer}{nl}"
                ))
            })
            .collect()
    };
    let (span, new_text) = match section.entry("responses") {
        None => {
            let last = section.as_map().last()?;
            let at = line_after(
                ctx.text,
                lines,
                last.key_span.start.line,
                last.value.span.end,
                child_indent,
            );
            let body = format!(
                "{}responses:{nl}{}",
                " ".repeat(child_indent),
                stubs(child_indent + 2)
            );
            (Span::at(at), body)
        }
        Some(entry) => match &entry.value.value {
            Value::Null => {
                let at = line_after(
                    ctx.text,
                    lines,
                    entry.key_span.start.line,
                    entry.key_span.end,
                    child_indent,
                );
                (Span::at(at), stubs(child_indent + 2))
            }
            Value::Seq(items) if items.is_empty() => {
                // `responses: []` becomes `responses:` and a block list.
                let key_line = lines.line(ctx.text, entry.key_span.end.line as usize);
                let colon_next = key_line.chars().nth(entry.key_span.end.col as usize) == Some(':');
                let same_line = entry.value.span.start.line == entry.key_span.end.line;
                let start = if colon_next && same_line {
                    Pos::new(entry.key_span.end.line, entry.key_span.end.col + 1)
                } else {
                    entry.value.span.start
                };
                // The flow list's span may reach over a trailing comment: end at its `]`.
                let value_line = lines.line(ctx.text, entry.value.span.start.line as usize);
                let bracket = value_line
                    .chars()
                    .skip(entry.value.span.start.col as usize)
                    .position(|c| c == ']');
                let end = bracket.map_or(entry.value.span.end, |i| {
                    Pos::new(
                        entry.value.span.start.line,
                        entry.value.span.start.col + i as u32 + 1,
                    )
                });
                let body = stubs(child_indent + 2);
                (
                    Span::new(start, end),
                    format!("{nl}{}", body.strip_suffix(nl).unwrap_or(&body)),
                )
            }
            Value::Seq(items) => {
                let first = items.first()?;
                let dash = dash_column(ctx.text, lines, first)?;
                let last = items.last()?;
                let at = line_after(ctx.text, lines, last.span.start.line, last.span.end, dash);
                (Span::at(at), stubs(dash))
            }
            _ => return None,
        },
    };
    // At the end of a last line without a line break, start a new line first.
    let new_text = if span.start.col > 0 && span.start == span.end {
        format!("{nl}{new_text}")
    } else {
        new_text
    };
    let title = match recs {
        [one] if quote.is_some() => format!(
            "Record the prose answer as a response to recommendation {}",
            one.id.map_or(0, |(id, _)| id)
        ),
        [one] => format!(
            "Add a response stub for recommendation {}",
            one.id.map_or(0, |(id, _)| id)
        ),
        many => format!(
            "Add response stubs for all {} unanswered recommendations",
            many.len()
        ),
    };
    Some(Fix::replace(Applicability::Unsafe, title, span, new_text))
}

/// The column of the `-` that starts a block sequence item, if the item is written that way.
fn dash_column(text: &str, lines: &LineIndex, item: &Node) -> Option<usize> {
    let line = lines.line(text, item.span.start.line as usize);
    let before: Vec<char> = line.chars().take(item.span.start.col as usize).collect();
    let dash = before.iter().rposition(|c| *c != ' ')?;
    (before[dash] == '-' && before[..dash].iter().all(|c| *c == ' ')).then_some(dash)
}

/// Where to insert lines after a node that starts on `start_line` and ends at `end`: the start
/// of the line after its last line of content. Blank lines and comments indented no deeper than
/// `indent` that trail it (block scalars' spans reach the next token) stay after the insertion.
fn line_after(text: &str, lines: &LineIndex, start_line: u32, end: Pos, indent: usize) -> Pos {
    let ended_before = |line: &str| line.chars().take(end.col as usize).all(char::is_whitespace);
    let mut last = end.line;
    if last > start_line && ended_before(lines.line(text, last as usize)) {
        last -= 1;
    }
    while last > start_line {
        let line = lines.line(text, last as usize);
        let content = line.trim_start();
        let depth = line.len() - content.len();
        if content.is_empty() || (content.starts_with('#') && depth <= indent) {
            last -= 1;
        } else {
            break;
        }
    }
    if (last as usize + 1) < lines.line_count() {
        Pos::new(last + 1, 0)
    } else {
        Pos::new(last, lines.line(text, last as usize).chars().count() as u32)
    }
}

fn check_action_on_unaccepted(ctx: &Context, out: &mut Findings) {
    let items = ctx.items();
    for rec in &items.recommendations {
        let (Some((id, _)), Some((status, _))) = (rec.id, rec.status) else {
            continue;
        };
        if !matches!(status, Status::NotAccepted | Status::NotApplicable) {
            continue;
        }
        for answer in items.answers_to_recommendation(id) {
            if let Some(action) = answer.action {
                let message = format!(
                    "recommendation {id} is marked `{}` but this response describes action on it: correct the status, or give a `no_action_reason` instead",
                    status.as_str()
                );
                out.add(action.key_span, message);
            }
        }
    }
}

fn check_missing_reason(ctx: &Context, out: &mut Findings) {
    if !ctx.under_2017_duties() {
        return; // s.55(5B)(b) did not apply before 2 May 2017.
    }
    let items = ctx.items();
    for rec in &items.recommendations {
        let (Some((id, _)), Some((Status::NotAccepted, _))) = (rec.id, rec.status) else {
            continue;
        };
        let answers: Vec<&Answer> = items.answers_to_recommendation(id).collect();
        // No answer at all is `unanswered-recommendation`'s finding.
        let Some(first) = answers.first() else {
            continue;
        };
        if answers.iter().any(|a| a.no_action_reason.is_some()) {
            continue;
        }
        // At the response that lacks the reason, where the fix goes.
        let Some(key) = first.node.as_map().first().map(|e| e.key_span) else {
            continue;
        };
        let message = format!(
            "recommendation {id} is not accepted, so its response must say why no action will be taken (s.55(5B)(b)): add a `no_action_reason` here"
        );
        let fixes = reason_fix(ctx, first).into_iter().collect();
        out.add_with_fixes(key, message, fixes);
    }
}

/// A fix that adds a placeholder `no_action_reason` after the response's last entry.
fn reason_fix(ctx: &Context, answer: &Answer) -> Option<Fix> {
    let entries = answer.node.as_map();
    let first = entries.first()?;
    let last = entries.last()?;
    let lines = ctx.lines();
    let indent = first.key_span.start.col as usize;
    let end = last.value.span.end.max(last.key_span.end);
    let at = line_after(ctx.text, lines, first.key_span.start.line, end, indent);
    let nl = ctx.newline();
    let lead = if at.col > 0 { nl } else { "" };
    let reason = template::fill(template::NO_ACTION_REASON_LINE, "", Fill::Plain, &|_| None)?;
    Some(Fix::replace(
        Applicability::Unsafe,
        "Add a `no_action_reason`",
        Span::at(at),
        format!("{lead}{}{reason}{nl}", " ".repeat(indent)),
    ))
}

fn check_unanswered_areas(ctx: &Context, out: &mut Findings) {
    let items = ctx.items();
    for area in &items.areas_for_improvement {
        let Some((id, _)) = area.id else { continue };
        if items.answers_to_area(id).next().is_none() {
            out.add(id_span(area), format!("area for improvement {id} has no response; consider adding one with `area_for_improvement: {id}`"));
        }
    }
}
