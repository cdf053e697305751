//! Dates: the statutory deadline (s.55(5A)), publication, and due dates.

use chrono::NaiveDate;

use super::code;
use super::context::RESPONSE_SECTIONS;
use super::{Context, Doc, Findings, Rule};
use crate::dates;
use crate::diagnostic::{Applicability, Fix, Severity};
use crate::facts::statute::Version;

pub const RULES: &[Rule] = &[
    Rule {
        name: code::DEADLINE_MISMATCH,
        severity: Severity::Error,
        summary: "`response_deadline` is not the statutory last day (publication + 55 days)",
        doc: Doc {
            what: "Compares `response_deadline` with the statutory last day: the report's publication date (`inspection.published`) plus 55 days. A deadline that is neither that day nor the common one-day miscount (see `deadline-off-by-one`) is reported. Dated: this applies to reports published on or after 2 May 2017, when s.37 of the Policing and Crime Act 2017 inserted s.55(5A) (SI 2017/399, reg. 4(a)). For an earlier report there was no statutory period: a `response_deadline` is the office's own and is only reported when it falls before the report's publication.",
            why: "s.55(5A) of the Police Act 1996: the comments \"must be published before the end of the period of 56 days beginning with the day on which the report is published\". The publication day is day 1, so the last day is publication + 55 days, with no allowance for weekends or bank holidays. A wrong deadline in the file becomes a missed statutory deadline.",
            example: "inspection:\n  published: 2025-10-24\nresponse_deadline: 2025-12-24   # last day is 2025-12-18",
            fix: "Set `response_deadline` to publication + 55 days (the quick fix does it; `section55 new` computes it).",
        },
        fixes: &[Applicability::Safe],
        check: check_deadline,
    },
    Rule {
        name: code::DEADLINE_OFF_BY_ONE,
        severity: Severity::Warning,
        summary: "`response_deadline` is publication + 56 days, one day late",
        doc: Doc {
            what: "Reports a `response_deadline` one day after the statutory last day: publication + 56 days instead of + 55. Dated: only for reports published on or after 2 May 2017 (s.55(5A), SI 2017/399 reg. 4(a)); earlier reports had no statutory period.",
            why: "\"56 days beginning with the day on which the report is published\" (s.55(5A)) counts the publication day as day 1. Adding 56 days to the publication date is the most common miscount in published responses: a report published on 24 October 2025 must be answered by 18 December 2025, not 19 December.",
            example: "inspection:\n  published: 2025-10-24\nresponse_deadline: 2025-12-19",
            fix: "Set `response_deadline` to publication + 55 days (2025-12-18 in the example).",
        },
        fixes: &[Applicability::Safe],
        check: check_off_by_one,
    },
    Rule {
        name: code::PUBLISHED_LATE,
        severity: Severity::Error,
        summary: "`office_use.published_on` is after the statutory last day",
        doc: Doc {
            what: "Reports a response whose recorded publication date (`office_use.published_on`) falls after the statutory last day, publication + 55 days. Dated: only for reports published on or after 2 May 2017 (s.55(5A), SI 2017/399 reg. 4(a)); earlier reports had no statutory period, so no publication was late.",
            why: "s.55(5A) requires publication within 56 days beginning with the day the report was published. A late response is a breach of the statute that the office should know about and record.",
            example: "inspection:\n  published: 2025-10-24\noffice_use:\n  published_on: 2025-12-19",
            fix: "If the date is wrong, correct it. If the response really was late, record why in your office's log; silence the finding with `# section55: ignore[published-late] reason` once acknowledged.",
        },
        fixes: &[],
        check: check_published_late,
    },
    Rule {
        name: code::OVERDUE,
        severity: Severity::Warning,
        summary: "The statutory last day has passed and the response is not marked published",
        doc: Doc {
            what: "Reports a response whose statutory last day (publication + 55 days) is before today while `office_use` does not record it as published (`published_on_website: true` or a `published_on` date). \"Today\" is the system date, or `--today` / `SECTION55_TODAY`. Dated: only for reports published on or after 2 May 2017 (s.55(5A), SI 2017/399 reg. 4(a)); a response to an earlier report is never overdue.",
            why: "s.55(5A) sets the deadline; once it has passed, every day counts against the body.",
            example: "inspection:\n  published: 2025-01-10\nresponse_deadline: 2025-03-06\n# no office_use.published_on",
            fix: "Publish the response and record it in `office_use` (`published_on_website: true`, `published_on: YYYY-MM-DD`).",
        },
        fixes: &[],
        check: check_overdue,
    },
    Rule {
        name: code::PUBLICATION_IN_FUTURE,
        severity: Severity::Warning,
        summary: "`inspection.published` is after today",
        doc: Doc {
            what: "Reports an inspection publication date later than today.",
            why: "The 56-day period of s.55(5A) runs from the day the report is published; a date in the future is usually a typo (a wrong year or month) and makes every deadline wrong.",
            example: "inspection:\n  published: 2052-10-24",
            fix: "Check the publication date on the report's HMICFRS page and correct it.",
        },
        fixes: &[],
        check: check_future,
    },
    Rule {
        name: code::DUE_BEFORE_PUBLICATION,
        severity: Severity::Warning,
        summary: "A recommendation's or response's `due` date is before the report was published",
        doc: Doc {
            what: "Reports a `due` date, on a recommendation or on a per-item response, that is earlier than the report's publication date.",
            why: "A recommendation cannot fall due, and an action cannot be planned to complete, before the report that makes it exists: the date is almost certainly mistyped.",
            example: "inspection:\n  published: 2025-10-24\nrecommendations:\n  - id: 1\n    due: 2025-03-31",
            fix: "Correct the date (often the year).",
        },
        fixes: &[],
        check: check_due_before_publication,
    },
    Rule {
        name: code::DUE_DATE_MISMATCH,
        severity: Severity::Warning,
        summary: "A recommendation's text states a date that differs from its `due`",
        doc: Doc {
            what: "Reads the date a recommendation's text states (\"By 31 March 2026, ...\") and reports a `due` that differs from it.",
            why: "HMICFRS recommendations carry their deadline in their wording; the structured `due` date drives reminders and the published document, so the two must agree.",
            example: "recommendations:\n  - id: 1\n    text: By 31 March 2026, all police forces should ...\n    due: 2026-03-30",
            fix: "Set `due` to the date in the text (the quick fix does it), or correct the text if it was copied wrongly.",
        },
        fixes: &[Applicability::Unsafe],
        check: check_due_date_mismatch,
    },
];

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The deadline as written and the statutory last day, when both can be read.
fn deadline_facts(ctx: &Context) -> Option<(NaiveDate, NaiveDate, NaiveDate)> {
    let published = ctx.published()?;
    let deadline = ctx.get("/response_deadline")?.as_date()?;
    Some((published, deadline, ctx.last_day()?))
}

fn set_deadline_fix(ctx: &Context, last: NaiveDate) -> Vec<Fix> {
    let span = ctx.span_at("/response_deadline");
    span.map(|s| {
        vec![Fix::replace(
            Applicability::Safe,
            format!("Set the deadline to {}", iso(last)),
            s,
            iso(last),
        )]
    })
    .unwrap_or_default()
}

fn check_deadline(ctx: &Context, out: &mut Findings) {
    if !ctx.under_2017_duties() {
        return check_own_deadline(ctx, out);
    }
    let Some((published, deadline, last)) = deadline_facts(ctx) else {
        return;
    };
    if deadline == last || Some(deadline) == dates::miscounted_last_day(published) {
        return;
    }
    let Some(span) = ctx.span_at("/response_deadline") else {
        return;
    };
    let message = format!(
        "the response deadline should be {} ({}): the report was published on {}, and s.55(5A) allows 56 days beginning with that day",
        iso(last),
        dates::long_with_weekday(last),
        dates::long(published)
    );
    out.add_with_fixes(span, message, set_deadline_fix(ctx, last));
}

/// Before s.55(5A) there was no statutory period: a deadline in the file is the office's own and
/// is only checked for consistency (it cannot come before the report).
fn check_own_deadline(ctx: &Context, out: &mut Findings) {
    let (Some(published), Some(node)) = (ctx.published(), ctx.get("/response_deadline")) else {
        return;
    };
    let Some(deadline) = node.as_date() else {
        return;
    };
    if deadline >= published {
        return;
    }
    let version = Version::for_report(published);
    let message = format!(
        "the response deadline {} is before the report was published ({}): no statutory period applies ({}), so the deadline is the office's own; correct the date",
        dates::long(deadline),
        dates::long(published),
        version.explain(published)
    );
    out.add(node.span, message);
}

fn check_off_by_one(ctx: &Context, out: &mut Findings) {
    let Some((published, deadline, last)) = deadline_facts(ctx) else {
        return;
    };
    if Some(deadline) != dates::miscounted_last_day(published) {
        return;
    }
    let Some(span) = ctx.span_at("/response_deadline") else {
        return;
    };
    let message = format!(
        "the response deadline is one day late: 56 days beginning with {} (the publication day is day 1, s.55(5A)) end on {}, not {}",
        dates::long(published),
        dates::long_with_weekday(last),
        dates::long(deadline)
    );
    out.add_with_fixes(span, message, set_deadline_fix(ctx, last));
}

fn check_published_late(ctx: &Context, out: &mut Findings) {
    let (Some(last), Some(node)) = (ctx.last_day(), ctx.get("/office_use/published_on")) else {
        return;
    };
    let Some(published_on) = node.as_date() else {
        return;
    };
    if published_on > last {
        let days = (published_on - last).num_days();
        let message = format!(
            "published {days} day{} after the statutory last day ({}, s.55(5A))",
            if days == 1 { "" } else { "s" },
            dates::long(last)
        );
        out.add(node.span, message);
    }
}

/// Whether `office_use` records the response as published.
fn marked_published(ctx: &Context) -> bool {
    ctx.get("/office_use/published_on")
        .is_some_and(|n| n.as_date().is_some())
        || ctx
            .get("/office_use/published_on_website")
            .and_then(|n| n.as_bool())
            == Some(true)
}

fn check_overdue(ctx: &Context, out: &mut Findings) {
    let Some(last) = ctx.last_day() else { return };
    if ctx.today <= last || marked_published(ctx) {
        return;
    }
    let span = ctx
        .span_at("/response_deadline")
        .or_else(|| ctx.span_at("/inspection/published"));
    let Some(span) = span else { return };
    let days = (ctx.today - last).num_days();
    let message = format!(
        "overdue by {days} day{}: the last day was {} and `office_use` does not record the response as published",
        if days == 1 { "" } else { "s" },
        dates::long_with_weekday(last)
    );
    out.add(span, message);
}

fn check_future(ctx: &Context, out: &mut Findings) {
    let Some(published) = ctx.published() else {
        return;
    };
    if published <= ctx.today {
        return;
    }
    let Some(span) = ctx.span_at("/inspection/published") else {
        return;
    };
    out.add(span, format!("the report's publication date {} is in the future (today is {}): check the year and month", dates::long(published), dates::long(ctx.today)));
}

fn check_due_before_publication(ctx: &Context, out: &mut Findings) {
    let (Some(root), Some(published)) = (ctx.root(), ctx.published()) else {
        return;
    };
    let recommendation_dues = root
        .get("recommendations")
        .map(|r| r.as_seq())
        .unwrap_or_default()
        .iter();
    let response_dues = RESPONSE_SECTIONS
        .iter()
        .filter_map(|s| root.get(s).and_then(|n| n.get("responses")))
        .flat_map(|r| r.as_seq());
    for item in recommendation_dues.chain(response_dues) {
        let Some(due_node) = item.get("due") else {
            continue;
        };
        let Some(due) = due_node.as_date() else {
            continue;
        };
        if due < published {
            out.add(
                due_node.span,
                format!(
                    "due {} is before the report was published ({}): check the date",
                    dates::long(due),
                    dates::long(published)
                ),
            );
        }
    }
}

fn check_due_date_mismatch(ctx: &Context, out: &mut Findings) {
    for rec in &ctx.items().recommendations {
        let Some(text) = rec.node.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        let Some(due_node) = rec.node.get("due") else {
            continue;
        };
        let Some(due) = due_node.as_date() else {
            continue;
        };
        let Some((stated, _)) = dates::find_long_date(text) else {
            continue;
        };
        if stated != due {
            // Unsafe: the text may be the one copied wrongly.
            let fix = Fix::replace(
                Applicability::Unsafe,
                format!("Set `due` to {}", iso(stated)),
                due_node.span,
                iso(stated),
            );
            let message = format!(
                "the recommendation's text says {} but `due` is {}: set `due` to {}, or correct the text if it was copied wrongly",
                dates::long(stated),
                dates::long(due),
                iso(stated)
            );
            out.add_with_fixes(due_node.span, message, vec![fix]);
        }
    }
}
