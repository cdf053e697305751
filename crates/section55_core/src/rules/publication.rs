//! Publishing: the link to the report, links in the texts, and the copies s.55(6) requires.

use std::sync::LazyLock;

use super::code;
use super::{Context, Doc, Findings, Rule};
use crate::diagnostic::{Pos, Severity, Span};
use crate::document::{Node, Value};
use crate::links;

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
        name: code::LINK_TEXT,
        severity: Severity::Warning,
        summary: "A link in a text whose words do not say where it goes (\"click here\", \"here\", \"link\", a bare address)",
        doc: Doc {
            what: "Reports a link in the response's texts whose text is \"click here\", \"here\", \"link\", \"this link\", \"this page\", \"read more\" or \"more\", and a web address written as the text of its own link (a bare `https://...`, or `[https://...](https://...)`). `inspection.link` is the report's address, not a text, and is not checked.",
            why: "A published response is a public-sector web page, which must meet WCAG 2.2 AA (the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018). People using a screen reader often move from link to link and hear only each link's text (success criterion 2.4.4, Link Purpose); GOV.UK's guidance is link text that says where it goes. An address read aloud is long and says little.",
            example: "key_findings: |\n  The inspectorate's report is online: [click here](https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-2025-surrey/).",
            fix: "Make the link's text say what it opens, usually the report's title: `[PEEL 2025: an inspection of Surrey Police](https://...)`.",
        },
        fixes: &[],
        check: check_link_text,
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

/// Link texts that say nothing of where the link goes (compared in lower case, without the
/// punctuation around them).
const VAGUE_LINK_TEXTS: &[&str] = &[
    "click here",
    "here",
    "link",
    "this link",
    "this page",
    "read more",
    "more",
];

/// Keys whose values are addresses, not texts.
const ADDRESS_KEYS: &[&str] = &["link", "$schema"];

fn check_link_text(ctx: &Context, out: &mut Findings) {
    let Some(root) = ctx.root() else { return };
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &node.value {
            Value::Str(text) if may_link(text) => {
                link_text_findings(ctx, node, out);
            }
            Value::Seq(items) => stack.extend(items.iter().rev()),
            Value::Map(entries) => stack.extend(
                entries
                    .iter()
                    .rev()
                    .filter(|e| !ADDRESS_KEYS.contains(&e.key.as_str()))
                    .map(|e| &e.value),
            ),
            _ => {}
        }
    }
}

/// Whether a text may hold a link: a Markdown one (`](`) or an address (`http`). Every text of
/// the file is asked and most hold neither, so the searchers are built once.
fn may_link(text: &str) -> bool {
    use memchr::memmem::Finder;
    static MARKDOWN: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("]("));
    static ADDRESS: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("http"));
    let bytes = text.as_bytes();
    MARKDOWN.find(bytes).is_some() || ADDRESS.find(bytes).is_some()
}

/// The links of a text, read where it is written in the file, so each finding's range is the
/// link as written (a block of text keeps its lines).
fn link_text_findings(ctx: &Context, node: &Node, out: &mut Findings) {
    let span = node.span;
    for n in span.start.line..=span.end.line {
        let lines = ctx.lines();
        let line = lines.line(ctx.text, n as usize);
        // Bytes of the line, from the text's start on the first line to its end on the last.
        let line_start = lines.offset(ctx.text, Pos::new(n, 0));
        let byte = |pos: Pos| lines.offset(ctx.text, pos) - line_start;
        let from = if n == span.start.line {
            byte(span.start)
        } else {
            0
        };
        let to = if n == span.end.line {
            byte(span.end)
        } else {
            line.len()
        };
        let mut at = from;
        while at < to {
            let rest = &line[at..to];
            let Some(found) = links::at(rest) else {
                // A link starts with `[` or an address's `h`.
                let next = rest
                    .char_indices()
                    .skip(1)
                    .find(|(_, c)| matches!(c, '[' | 'h' | 'H'));
                at += next.map_or(rest.len(), |(i, _)| i);
                continue;
            };
            if let Some(message) = link_text_problem(&found) {
                let col = |byte: usize| line[..byte].chars().count() as u32;
                let range = Span::new(Pos::new(n, col(at)), Pos::new(n, col(at + found.len)));
                out.add(range, message);
            }
            at += found.len;
        }
    }
}

fn link_text_problem(link: &links::Link) -> Option<String> {
    let words = link
        .text
        .trim()
        .trim_matches(|c: char| c.is_ascii_punctuation())
        .to_lowercase();
    if VAGUE_LINK_TEXTS.contains(&words.as_str()) {
        return Some(format!(
            "the link text \"{}\" does not say where the link goes (screen readers read links on their own): write what it opens, such as the report's title",
            link.text.trim()
        ));
    }
    let shows_address = link.bare || links::is_web_address(link.text.trim());
    shows_address.then(|| {
        format!(
            "the address {} is the link's own text: write [what it opens]({}), such as the report's title, so the link says where it goes",
            link.text.trim(),
            link.address
        )
    })
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
