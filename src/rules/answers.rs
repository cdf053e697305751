//! s.55(5B): every recommendation explained — the action taken or proposed, or why none.

use super::context::Item;
use super::{Context, Doc, Findings, Rule};
use crate::diagnostic::{Severity, Span};
use crate::model::Status;

pub const RULES: &[Rule] = &[
    Rule {
        name: "unanswered-recommendation",
        severity: Severity::Error,
        summary: "A recommendation has no response with an action or a reason for no action (s.55(5B))",
        doc: Doc {
            what: "Reports a recommendation that no entry in `chief_constable_response.responses` or `pcc_response.responses` answers with an `action` or a `no_action_reason`.",
            why: "s.55(5B) of the Police Act 1996: for every recommendation in the report, the comments must explain (a) what action has been or will be taken, or (b) why no action has been or will be taken. A response that skips a recommendation does not meet the statute.",
            example: "recommendations:\n  - id: 2\n    text: ...\n    status: accepted\npcc_response:\n  text: ...\n  # no response with recommendation: 2",
            fix: "Add a response entry: `- recommendation: 2` with `action: ...` (or `no_action_reason: ...`). The language server's quick fix adds stubs for every unanswered recommendation.",
        },
        check: check_unanswered,
    },
    Rule {
        name: "response-to-unaccepted-recommendation",
        severity: Severity::Warning,
        summary: "A response gives an action for a recommendation marked not-accepted or not-applicable",
        doc: Doc {
            what: "Reports a response that gives an `action` for a recommendation whose `status` is `not-accepted` or `not-applicable`.",
            why: "The response contradicts itself: it says the recommendation is not accepted (or does not apply) and then describes action on it. Readers and HMICFRS cannot tell which is true, and s.55(5B)(b) asks for the reason no action will be taken.",
            example: "recommendations:\n  - id: 1\n    status: not-accepted\npcc_response:\n  responses:\n    - recommendation: 1\n      action: We will adopt the definition.",
            fix: "Correct the status (`accepted` or `partially-accepted`), or replace `action` with `no_action_reason`.",
        },
        check: check_action_on_unaccepted,
    },
    Rule {
        name: "missing-no-action-reason",
        severity: Severity::Error,
        summary: "A not-accepted recommendation is answered without a `no_action_reason` (s.55(5B)(b))",
        doc: Doc {
            what: "Reports a recommendation with `status: not-accepted` whose responses do not include a `no_action_reason`.",
            why: "s.55(5B)(b): where no action is to be taken on a recommendation, the comments must explain why. A bare \"not accepted\" does not.",
            example: "recommendations:\n  - id: 1\n    status: not-accepted\npcc_response:\n  responses:\n    - recommendation: 1\n      action: Under review.",
            fix: "Give the reason in a `no_action_reason` on the response to that recommendation.",
        },
        check: check_missing_reason,
    },
    Rule {
        name: "unanswered-area-for-improvement",
        severity: Severity::Info,
        summary: "An area for improvement has no response",
        doc: Doc {
            what: "Reports an area for improvement that no entry in either response section answers.",
            why: "Section 55 requires explanations only for recommendations, but the template asks for a response to \"any Recommendations/Areas For Improvement\", and forces are inspected on them again.",
            example: "areas_for_improvement:\n  - id: 1\n    text: The force should improve how it records ...",
            fix: "Add a response entry with `area_for_improvement: 1` and an `action`, or leave it: this is for information.",
        },
        check: check_unanswered_areas,
    },
];

fn id_span(item: &Item) -> Span {
    item.id.map_or_else(|| item.node.as_map().first().map_or(item.node.span, |e| e.key_span), |(_, n)| n.span)
}

fn check_unanswered(ctx: &Context, out: &mut Findings) {
    let items = ctx.items();
    for rec in &items.recommendations {
        let Some((id, _)) = rec.id else { continue };
        if !items.answers_to_recommendation(id).any(|a| a.explains()) {
            let message = format!(
                "recommendation {id} is not answered: s.55(5B) requires the action taken or proposed, or why no action will be taken; add a response with `recommendation: {id}`"
            );
            out.add(id_span(rec), message);
        }
    }
}

fn check_action_on_unaccepted(ctx: &Context, out: &mut Findings) {
    let items = ctx.items();
    for rec in &items.recommendations {
        let (Some((id, _)), Some((status, _))) = (rec.id, rec.status) else { continue };
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
    let items = ctx.items();
    for rec in &items.recommendations {
        let (Some((id, _)), Some((Status::NotAccepted, status_node))) = (rec.id, rec.status) else { continue };
        let mut answers = items.answers_to_recommendation(id).peekable();
        if answers.peek().is_none() {
            continue; // `unanswered-recommendation` reports it.
        }
        if !answers.any(|a| a.no_action_reason.is_some()) {
            let message = format!("recommendation {id} is not accepted, so its response must say why no action will be taken (s.55(5B)(b)): add a `no_action_reason`");
            out.add(status_node.span, message);
        }
    }
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
