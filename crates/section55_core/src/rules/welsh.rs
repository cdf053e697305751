//! Welsh beside English: a response for a Welsh force holds each text in both languages, under a
//! `cy` mapping beside the English (`template::BILINGUAL_TEXTS` lists the texts).

use super::code;
use super::{Context, Doc, Findings, Rule};
use crate::diagnostic::Severity;
use crate::document::{Node, Value};
use crate::template::{BILINGUAL_TEXTS, WELSH};

pub const RULES: &[Rule] = &[Rule {
    name: code::WELSH_TEXT_MISSING,
    severity: Severity::Warning,
    summary: "A text with English but no Welsh beside it (`cy`), or Welsh with no English",
    doc: Doc {
        what: "For a response about one of the four Welsh forces (Dyfed-Powys, Gwent, North Wales, South Wales) or from their bodies, reports each text that has English but no Welsh under the `cy` mapping beside it: the key findings, the report's title, each recommendation, cause of concern and area for improvement, both sections' comments, and each response's action, reason and notes. For any response, reports a Welsh text with no English, and, in a mapping that has a `cy`, the English texts it leaves out. Naming the rule in `section55.toml` checks every response as for a Welsh force.",
        why: "The Welsh local policing bodies and forces work under the Welsh Language Standards (Welsh Language (Wales) Measure 2011): a published response must not treat Welsh less favourably than English, so each part is published in both. HMICFRS publishes Welsh versions of its reports on the four Welsh forces, which give the report's own wording in Welsh.",
        example: "force: Gwent Police\nkey_findings: |\n  The inspectorate found that the force had improved.\ncy:\n  key_findings: |\n    Canfu'r arolygiaeth fod yr heddlu wedi gwella.\npcc_response:\n  text: |\n    I welcome the report.",
        fix: "Add the Welsh under `cy` beside the English (`cy:` then `text: |` and the Welsh), or the English for a Welsh text.",
    },
    fixes: &[],
    check,
}];

fn check(ctx: &Context, out: &mut Findings) {
    let Some(root) = ctx.root() else { return };
    let text_of = |pointer: &str| ctx.get(pointer).and_then(Node::as_str).unwrap_or("");
    let every_text = ctx.config.rules.contains_key(code::WELSH_TEXT_MISSING)
        || ctx
            .catalogue
            .is_welsh(text_of("/force"), text_of("/policing_body"));
    for (path, keys) in BILINGUAL_TEXTS {
        for (pointer, mapping) in mappings(root, path) {
            let welsh = mapping.get(WELSH);
            for key in *keys {
                let english = filled(mapping.get(key));
                let cymraeg = filled(welsh.and_then(|w| w.get(key)));
                let name = format!("{}{key}", readable(&pointer));
                match (english, cymraeg) {
                    (true, false) if every_text || welsh.is_some() => {
                        if let Some(span) = ctx.key_span(&format!("{pointer}/{key}")) {
                            out.add(span, format!("`{name}` has English but no Welsh: add it beside it under `{WELSH}: {key}:` (the Welsh Language Standards ask for both)"));
                        }
                    }
                    (false, true) => {
                        if let Some(span) = ctx.key_span(&format!("{pointer}/{WELSH}/{key}")) {
                            out.add(span, format!("`{name}` has Welsh but no English: add the English `{key}` beside `{WELSH}`"));
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}

/// A text that says something (not absent, not blank).
fn filled(node: Option<&Node>) -> bool {
    node.and_then(Node::as_str)
        .is_some_and(|t| !t.trim().is_empty())
}

/// The mappings at `path` (`*`: every entry of a list), with their JSON pointers.
fn mappings<'a>(root: &'a Node, path: &[&str]) -> Vec<(String, &'a Node)> {
    let mut found = vec![(String::new(), root)];
    for step in path {
        found = found
            .into_iter()
            .flat_map(|(pointer, node)| match (*step, &node.value) {
                ("*", Value::Seq(items)) => items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| (format!("{pointer}/{i}"), item))
                    .collect::<Vec<_>>(),
                (key, _) => node
                    .get(key)
                    .map(|child| (format!("{pointer}/{key}"), child))
                    .into_iter()
                    .collect(),
            })
            .collect();
    }
    found.retain(|(_, node)| matches!(node.value, Value::Map(_)));
    found
}

/// `/recommendations/0` as `recommendations[0].`, for messages.
fn readable(pointer: &str) -> String {
    let mut out = String::new();
    for part in pointer.split('/').filter(|p| !p.is_empty()) {
        if part.parse::<usize>().is_ok() {
            out.push_str(&format!("[{part}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(part);
        }
    }
    if !out.is_empty() {
        out.push('.');
    }
    out
}
