//! Publishing: the link to the report, and the copies s.55(6) requires.

use super::code;
use super::{Context, Doc, Findings, Rule};
use crate::diagnostic::Severity;

pub const RULES: &[Rule] = &[
    Rule {
        name: code::PLACEHOLDER_LINK,
        severity: Severity::Warning,
        summary: "`inspection.link` is empty, `#`, not https, or not on justiceinspectorates.gov.uk",
        doc: Doc {
            what: "Reports an `inspection.link` that is empty, a placeholder such as `#`, not an https address, or not on justiceinspectorates.gov.uk (where HMICFRS publishes its reports).",
            why: "Readers of the published response follow the link to the report. Links are often lost when a response is converted from a word processor (the reference Norfolk response reads `(#)`), and a link to a copy elsewhere may go stale.",
            example: "inspection:\n  link: \"#\"",
            fix: "Copy the report's address from hmicfrs.justiceinspectorates.gov.uk, starting with https://.",
        },
        fixes: &[],
        check: check_link,
    },
    Rule {
        name: code::STATUTORY_COPY_MISSING,
        severity: Severity::Warning,
        summary: "Marked published but not recorded as sent to HMICFRS and the Home Secretary (s.55(6))",
        doc: Doc {
            what: "Reports a response that `office_use` records as published (`published_on_website: true` or a `published_on` date) without `submitted_to_hmicfrs: true` or without `sent_to_home_secretary: true`. Dated: the copies to the inspectors and the Secretary of State are those of s.55(6) as amended by s.37 of the Policing and Crime Act 2017, for reports published on or after 2 May 2017 (SI 2017/399, reg. 4(a)); earlier responses are not checked.",
            why: "s.55(6) of the Police Act 1996: the body must send a copy of the published comments to HMICFRS and to the Secretary of State. Publishing alone does not discharge the duty.",
            example: "office_use:\n  published_on_website: true\n  submitted_to_hmicfrs: true\n  # sent_to_home_secretary missing",
            fix: "Send the copies and record them: `submitted_to_hmicfrs: true`, `sent_to_home_secretary: true`.",
        },
        fixes: &[],
        check: check_copies,
    },
];

/// Why a link is not a usable link to an HMICFRS report, if it is not.
fn link_problem(link: &str) -> Option<&'static str> {
    let link = link.trim();
    if link.is_empty() || link.trim_matches('#').is_empty() {
        return Some("is a placeholder, not a link to the report");
    }
    let Some(rest) = link.strip_prefix("https://") else {
        return Some("is not an https:// address");
    };
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    let host = host
        .rsplit_once('@')
        .map_or(host.as_str(), |(_, h)| h)
        .split(':')
        .next()
        .unwrap_or("");
    if host == "justiceinspectorates.gov.uk" || host.ends_with(".justiceinspectorates.gov.uk") {
        None
    } else {
        Some("is not on justiceinspectorates.gov.uk, where HMICFRS publishes its reports")
    }
}

fn check_link(ctx: &Context, out: &mut Findings) {
    let Some(node) = ctx.get("/inspection/link") else {
        return;
    };
    let text = node.as_str().map(str::to_owned).unwrap_or_default();
    if !(node.is_null() || node.as_str().is_some()) {
        return; // the `schema` rule reports the wrong type
    }
    let Some(problem) = link_problem(&text) else {
        return;
    };
    let Some(span) = ctx.span_at("/inspection/link") else {
        return;
    };
    out.add(span, format!("the link to the report `{text}` {problem}: copy the report's address from hmicfrs.justiceinspectorates.gov.uk"));
}

fn check_copies(ctx: &Context, out: &mut Findings) {
    if !ctx.under_2017_duties() {
        return; // The copies of s.55(6) as amended apply from 2 May 2017.
    }
    let Some(office) = ctx.get("/office_use") else {
        return;
    };
    let published = office
        .entry("published_on_website")
        .filter(|e| e.value.as_bool() == Some(true))
        .or_else(|| {
            office
                .entry("published_on")
                .filter(|e| e.value.as_date().is_some())
        });
    let Some(published) = published else { return };
    let copies = [
        ("submitted_to_hmicfrs", "HMICFRS"),
        ("sent_to_home_secretary", "the Home Secretary"),
    ];
    for (key, whom) in copies {
        if office.get(key).and_then(|n| n.as_bool()) != Some(true) {
            out.add(published.key_span, format!("the response is marked published but not as sent to {whom} (`{key}: true`): s.55(6) requires a copy to go to {whom}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::link_problem;

    #[test]
    fn links() {
        assert!(
            link_problem("https://hmicfrs.justiceinspectorates.gov.uk/publications/x/").is_none()
        );
        assert!(link_problem("https://www.justiceinspectorates.gov.uk/hmicfrs/x").is_none());
        assert!(link_problem("#").is_some());
        assert!(link_problem("").is_some());
        assert!(link_problem("http://hmicfrs.justiceinspectorates.gov.uk/x").is_some());
        assert!(link_problem("https://justiceinspectorates.gov.uk.evil.example/x").is_some());
        assert!(link_problem("https://example.com/?justiceinspectorates.gov.uk").is_some());
    }
}
