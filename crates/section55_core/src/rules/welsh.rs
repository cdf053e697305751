//! Welsh beside English: a response for a Welsh force holds each text in both languages, under a
//! `cy` mapping beside the English (`template::BILINGUAL_TEXTS` lists the texts).

use super::code;
use super::sections::expand;
use super::{Context, Doc, Findings, Rule};
use crate::diagnostic::{Severity, Span};
use crate::document::{Node, Step};
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
    // The name in a message: the path to the key, the Welsh one named as its English.
    let name = |key_span: Span| {
        let path = root.path_at(key_span.start);
        readable(
            path.iter()
                .filter(|s| !matches!(s, Step::Key(k) if k == WELSH)),
        )
    };
    for (pattern, keys) in BILINGUAL_TEXTS {
        for (mapping, _) in expand(root, pattern) {
            let welsh = mapping.get(WELSH);
            for key in *keys {
                let english = mapping.entry(key).filter(|e| filled(&e.value));
                let cymraeg = welsh
                    .and_then(|w| w.entry(key))
                    .filter(|e| filled(&e.value));
                match (english, cymraeg) {
                    (Some(e), None) if every_text || welsh.is_some() => out.add(
                        e.key_span,
                        format!("`{}` has English but no Welsh: add it beside it under `{WELSH}: {key}:` (the Welsh Language Standards ask for both)", name(e.key_span)),
                    ),
                    (None, Some(w)) => out.add(
                        w.key_span,
                        format!("`{}` has Welsh but no English: add the English `{key}` beside `{WELSH}`", name(w.key_span)),
                    ),
                    _ => {}
                }
            }
        }
    }
}

/// A text that says something (not blank, not a placeholder such as `new --lang both` writes).
fn filled(node: &Node) -> bool {
    node.as_str()
        .is_some_and(|t| !t.trim().is_empty() && crate::template::placeholder(t).is_none())
}

/// `recommendations[0].text`, for messages.
fn readable<'s>(path: impl Iterator<Item = &'s Step>) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Index(i) => out.push_str(&format!("[{i}]")),
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
        }
    }
    out
}
