//! Follow-up after publication: actions past their `due` date and not finished, and `progress`
//! states nobody defined.

use super::code;
use super::{Context, Doc, Findings, Rule};
use crate::dates;
use crate::diagnostic::{Applicability, Fix, Severity};
use crate::document::Node;
use crate::facts::response;
use crate::suggest;

pub const RULES: &[Rule] = &[
    Rule {
        name: code::ACTION_OVERDUE,
        severity: Severity::Warning,
        summary: "An action's `due` date has passed and its `progress` is not complete or closed",
        doc: Doc {
            what: "Reports a response entry that gives an `action` with a `due` date before today whose `progress` is not `complete` or `closed` (or another state that `[progress] done` in section55.toml lists). An entry without `progress` is taken to be not started. Entries that give a `no_action_reason` have nothing to complete and are not checked.",
            why: "s.55(5B)(a) of the Police Act 1996 makes the body say what action is taken or proposed on every recommendation; HMICFRS, the Home Affairs Committee and the Home Secretary all find the weak spot is what follows: actions accepted and then not tracked. A `due` date that passes unnoticed is that failure.",
            example: "pcc_response:\n  responses:\n    - recommendation: 1\n      action: Appoint a lead for child protection.\n      due: 2026-03-31\n      progress: in-progress   # today is 2026-04-15",
            fix: "Bring the entry up to date: set `progress: complete` (or `closed`) and `updated` to today when the action is done, or agree a new `due` date and record why in `notes`.",
        },
        fixes: &[],
        check: check_overdue,
    },
    Rule {
        name: code::UNKNOWN_PROGRESS,
        severity: Severity::Warning,
        summary: "An entry's `progress` is not a known state",
        doc: Doc {
            what: "Reports a response entry's `progress` that is neither a built-in state (`not-started`, `in-progress`, `complete`, `closed`) nor one of the office's own states listed under `[progress]` (`open = [...]`, `done = [...]`) in section55.toml, with the closest known state as a quick fix.",
            why: "A mistyped state (`complet`) is not `complete`: the action would stay open and be reported overdue, and `section55 status` would count it as open. Offices that track more states name them once in section55.toml, so every file agrees.",
            example: "pcc_response:\n  responses:\n    - recommendation: 1\n      action: Appoint a lead.\n      progress: done",
            fix: "Use one of the known states, or add the office's own state to `[progress]` in section55.toml (`done = [\"signed-off\"]` for one that closes an action).",
        },
        // A misspelt state is safe to correct; a different word is the author's choice.
        fixes: &[Applicability::Safe, Applicability::Unsafe],
        check: check_unknown_progress,
    },
];

fn check_overdue(ctx: &Context, out: &mut Findings) {
    let Some(root) = ctx.root() else { return };
    let extra = &ctx.config.progress;
    for action in response::actions(root) {
        let (Some(due), Some(due_node)) = (action.due, action.node.get("due")) else {
            continue;
        };
        if !action.is_overdue(extra, ctx.today) {
            continue;
        }
        let days = (ctx.today - due).num_days();
        let message = format!(
            "this action was due on {} ({days} day{} ago) and its progress is `{}`: set `progress: complete` (or `closed`) when it is done, or agree a new `due` date",
            dates::long(due),
            if days == 1 { "" } else { "s" },
            action.state(),
        );
        out.add(due_node.span, message);
    }
}

fn check_unknown_progress(ctx: &Context, out: &mut Findings) {
    let Some(root) = ctx.root() else { return };
    let extra = &ctx.config.progress;
    let entries = super::context::RESPONSE_SECTIONS
        .iter()
        .filter_map(|s| root.get(s)?.get("responses"))
        .flat_map(Node::as_seq);
    for node in entries.filter_map(|entry| entry.get("progress")) {
        let Some(state) = node.as_str() else { continue };
        if extra.is_known(state) {
            continue;
        }
        let known = extra.all();
        let closest = suggest::best(state, known.iter().copied());
        let fixes = closest
            .iter()
            .map(|c| {
                let applicability = suggest::applicability(state, c);
                Fix::replace(
                    applicability,
                    format!("Change to `{c}`"),
                    node.span,
                    c.clone(),
                )
            })
            .collect();
        let message = format!(
            "`{state}` is not a progress state{}: use one of {}, or add it to [progress] in section55.toml",
            closest
                .map(|c| format!(" (did you mean `{c}`?)"))
                .unwrap_or_default(),
            known.join(", ")
        );
        out.add_with_fixes(node.span, message, fixes);
    }
}
