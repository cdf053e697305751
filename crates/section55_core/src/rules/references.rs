//! Ids: unique, and every reference resolves.

use std::collections::{HashMap, HashSet};

use super::code;
use super::context::Item;
use super::{Context, Doc, Findings, Rule};
use crate::diagnostic::Severity;

pub const RULES: &[Rule] = &[
    Rule {
        name: code::DUPLICATE_ID,
        severity: Severity::Error,
        summary: "Two recommendations (or two areas for improvement) share an id",
        doc: Doc {
            what: "Reports a recommendation, area for improvement or cause of concern whose `id` is already used by an earlier one in the same list.",
            why: "Responses refer to recommendations by id. With two recommendation 3s, a response to \"3\" answers one of them and s.55(5B) is not met for the other.",
            example: "recommendations:\n  - id: 3\n    text: ...\n  - id: 3      # should be 4\n    text: ...",
            fix: "Number them as the report does.",
        },
        fixes: &[],
        check: check_duplicates,
    },
    Rule {
        name: code::UNKNOWN_RECOMMENDATION,
        severity: Severity::Error,
        summary: "A response refers to a recommendation or area for improvement the file does not list",
        doc: Doc {
            what: "Reports a `recommendation: N` or `area_for_improvement: N` in a response section, or a recommendation id in a cause of concern, that matches no item in the file.",
            why: "A response to a recommendation that is not listed answers nothing: it is usually a typo, and the recommendation it was meant for is left unanswered.",
            example: "recommendations:\n  - id: 1\n    text: ...\npcc_response:\n  responses:\n    - recommendation: 7     # no recommendation 7",
            fix: "Correct the id, or add the missing recommendation or area for improvement.",
        },
        fixes: &[],
        check: check_unknown,
    },
];

fn check_duplicates(ctx: &Context, out: &mut Findings) {
    let items = ctx.items();
    let lists = [
        ("recommendation", &items.recommendations),
        ("area for improvement", &items.areas_for_improvement),
        ("cause of concern", &items.causes_of_concern),
    ];
    for (what, list) in lists {
        let mut first_line: HashMap<i64, u32> = HashMap::new();
        for item in list.iter() {
            let Some((id, node)) = item.id else { continue };
            match first_line.get(&id) {
                Some(line) => out.add(
                    node.span,
                    format!(
                        "another {what} already has id {id} (line {}); ids must be unique",
                        line + 1
                    ),
                ),
                None => {
                    first_line.insert(id, node.span.start.line);
                }
            }
        }
    }
}

fn ids(list: &[Item]) -> Vec<i64> {
    list.iter().filter_map(|i| i.id.map(|(id, _)| id)).collect()
}

/// "listed: 1, 2, 4", naming at most [`LISTED_AT_MOST`] ids so that each message stays short
/// in a file with thousands of them.
fn listed(ids: &[i64]) -> String {
    if ids.is_empty() {
        return "none are listed".to_owned();
    }
    let shown: Vec<String> = ids
        .iter()
        .take(LISTED_AT_MOST)
        .map(i64::to_string)
        .collect();
    let more = match ids.len().checked_sub(LISTED_AT_MOST) {
        Some(rest) if rest > 0 => format!(" and {rest} more"),
        _ => String::new(),
    };
    format!("listed: {}{more}", shown.join(", "))
}

const LISTED_AT_MOST: usize = 20;

/// Whether some item of the list has an id that is not a whole number: then a reference to it
/// cannot be judged, and the `schema` rule reports the id itself.
fn has_unreadable_id(list: &[Item]) -> bool {
    list.iter()
        .any(|i| i.id.is_none() && i.node.get("id").is_some())
}

fn check_unknown(ctx: &Context, out: &mut Findings) {
    let items = ctx.items();
    let judge_recommendations = !has_unreadable_id(&items.recommendations);
    let judge_areas = !has_unreadable_id(&items.areas_for_improvement);
    let recommendations = ids(&items.recommendations);
    let areas = ids(&items.areas_for_improvement);
    // Listed once for every message; membership by hash, not by scanning the list per answer.
    let (recommendations_listed, areas_listed) = (listed(&recommendations), listed(&areas));
    let recommendations: HashSet<i64> = recommendations.into_iter().collect();
    let areas: HashSet<i64> = areas.into_iter().collect();
    for answer in &items.answers {
        if let Some((id, node)) = answer
            .recommendation
            .filter(|(id, _)| judge_recommendations && !recommendations.contains(id))
        {
            out.add(
                node.span,
                format!("there is no recommendation {id} in this file ({recommendations_listed})"),
            );
        }
        if let Some((id, node)) = answer
            .area_for_improvement
            .filter(|(id, _)| judge_areas && !areas.contains(id))
        {
            out.add(
                node.span,
                format!("there is no area for improvement {id} in this file ({areas_listed})"),
            );
        }
    }
    for cause in &items.causes_of_concern {
        let refs = cause
            .node
            .get("recommendations")
            .map(|r| r.as_seq())
            .unwrap_or_default();
        for node in refs {
            if let Some(id) = node
                .as_int()
                .filter(|id| judge_recommendations && !recommendations.contains(id))
            {
                out.add(
                    node.span,
                    format!(
                        "there is no recommendation {id} in this file ({recommendations_listed})"
                    ),
                );
            }
        }
    }
}
