//! Hover: a field's description from the schema; for a force, its local policing body; for
//! `response_deadline`, the statutory computation and the days left; for a reference in
//! `responses`, the recommendation's (or area for improvement's) text and status. Reads the tree
//! when the text parses, else the line under the cursor.

use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::facts;
use super::position::Encoding;
use super::schema_info;
use super::state::Snapshot;
use crate::catalogue;
use crate::diagnostic::{Pos, Span};
use crate::document::lenient::{self as context, Seg, pattern};
use crate::document::{Node, Step, Value};

/// What is under the cursor: a key (with its value as text), or a value (as text).
enum Target {
    Key(String),
    Value(String),
}

pub fn hover(snapshot: &Snapshot, encoding: Encoding, position: Position) -> Option<Hover> {
    if !snapshot.is_response {
        return None;
    }
    let conv = snapshot.converter(encoding);
    let pos = conv.pos(position);
    if let Some(doc) = super::ignore_comment::hover(&conv, pos) {
        return Some(doc);
    }
    let (segs, target, span) = match snapshot.tree() {
        Some(tree) => from_tree(tree, pos)?,
        None => from_line(snapshot, pos)?,
    };
    let text = content(snapshot, &segs, &target)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(conv.range(span)),
    })
}

fn from_tree(tree: &Node, pos: Pos) -> Option<(Vec<Seg>, Target, Span)> {
    let steps = tree.path_at(pos);
    let mut node = tree;
    let mut last_key: Option<Span> = None;
    for step in &steps {
        match step {
            Step::Key(k) => {
                let entry = node.entry(k)?;
                last_key = Some(entry.key_span);
                node = &entry.value;
            }
            Step::Index(i) => {
                node = node.as_seq().get(*i)?;
                last_key = None;
            }
        }
    }
    let segs = schema_info::segs_of(&steps);
    if segs.is_empty() {
        return None;
    }
    let text = match &node.value {
        Value::Str(s) => s.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Null | Value::Seq(_) | Value::Map(_) => String::new(),
    };
    match last_key {
        Some(key) if key.contains(pos) => Some((segs, Target::Key(text), key)),
        _ => Some((segs, Target::Value(text), node.span)),
    }
}

/// Without a tree: the key or value on the cursor's line.
fn from_line(snapshot: &Snapshot, pos: Pos) -> Option<(Vec<Seg>, Target, Span)> {
    let line = snapshot.converter(Encoding::Utf16).line(pos.line);
    let shape = context::shape(line);
    let segs = context::path_of_line(&snapshot.text, pos.line);
    let key = shape.key.as_ref()?;
    let col = pos.col as usize;
    let key_end = shape.content_col + key.chars().count();
    if (shape.content_col..=key_end).contains(&col) {
        let span = Span::new(
            Pos::new(pos.line, shape.content_col as u32),
            Pos::new(pos.line, key_end as u32),
        );
        let value = shape.value.trim_matches(['"', '\'']).to_owned();
        return Some((segs, Target::Key(value), span));
    }
    let value_end = shape.value_col + shape.value.chars().count();
    if !shape.value.is_empty() && (shape.value_col..=value_end).contains(&col) {
        let span = Span::new(
            Pos::new(pos.line, shape.value_col as u32),
            Pos::new(pos.line, value_end as u32),
        );
        let value = shape.value.trim_matches(['"', '\'']).to_owned();
        return Some((segs, Target::Value(value), span));
    }
    None
}

fn field_markdown(segs: &[Seg]) -> Option<String> {
    let name = match segs.last()? {
        Seg::Key(k) => k.clone(),
        Seg::Item => return schema_info::description(segs).map(str::to_owned),
    };
    let description = schema_info::description(segs)?;
    Some(format!("**{name}**\n\n{description}"))
}

fn content(snapshot: &Snapshot, segs: &[Seg], target: &Target) -> Option<String> {
    let pat = pattern(segs);
    let tree = snapshot.facts_tree();
    let today = snapshot.today;
    let catalogue = &snapshot.config.catalogue;
    let reference = |list: &str, kind: &str, id: Option<i64>| -> Option<String> {
        let id = id?;
        match tree.and_then(|t| facts::find_item(t, list, id)) {
            Some(item) => Some(facts::item_markdown(kind, id, item)),
            None => Some(format!("No {} {id} in this file.", kind.to_lowercase())),
        }
    };
    // The id a reference names (on its key or its value).
    let reference_id = match target {
        Target::Key(v) | Target::Value(v) => v.trim().parse::<i64>().ok(),
    };
    match (pat.as_str(), target) {
        ("/response_deadline", _) => {
            let mut md = field_markdown(segs).unwrap_or_default();
            if let Some(d) = tree.and_then(facts::deadline) {
                md = format!("{}\n\n---\n\n{md}", facts::deadline_markdown(&d, today));
            }
            Some(md)
        }
        ("/force" | "/inspection/forces/*", Target::Value(name)) => Some(
            facts::force_markdown(catalogue, name)
                .unwrap_or_else(|| format!("\"{name}\" is not a force in the catalogue (add it to section55.toml's `[catalogue] forces` if it is right).")),
        ),
        ("/policing_body", Target::Value(body)) => {
            let named: Vec<String> = catalogue.forces_named_in_body(body).iter().map(|f| f.name.clone()).collect();
            let force = tree.and_then(|t| t.get("force")).and_then(Node::as_str).and_then(|f| catalogue.find_force(f)).and_then(|f| f.force());
            let mut md = format!("**{body}**");
            if !named.is_empty() {
                md.push_str(&format!("\n\nThe local policing body for {}.", named.join(", ")));
            }
            if let Some(f) = force
                && let Some(expected) = &f.policing_body
            {
                md.push_str(&format!("\n\n{}'s local policing body: {expected}", f.name));
            }
            Some(md)
        }
        ("/inspection/publication_types/*", Target::Value(name)) => Some(match catalogue.find_publication_type(name) {
            Some(found) => {
                let confirmed = catalogue::publication_types().iter().any(|t| t.name == found && t.confirmed);
                if confirmed {
                    format!("**{found}**: an HMICFRS publication type")
                } else {
                    format!("**{found}**: a likely HMICFRS publication type (not yet seen on a report page, or added in section55.toml)")
                }
            }
            None => format!("\"{name}\" is not an HMICFRS publication type in the catalogue."),
        }),
        ("/chief_constable_response/responses/*/recommendation" | "/pcc_response/responses/*/recommendation", _) => {
            reference("recommendations", "Recommendation", reference_id).or_else(|| field_markdown(segs))
        }
        ("/chief_constable_response/responses/*/area_for_improvement" | "/pcc_response/responses/*/area_for_improvement", _) => {
            reference("areas_for_improvement", "Area for improvement", reference_id).or_else(|| field_markdown(segs))
        }
        ("/chief_constable_response/responses/*/progress" | "/pcc_response/responses/*/progress", Target::Value(v)) => {
            Some(facts::progress_markdown(&snapshot.config.progress, v.trim()))
        }
        ("/causes_of_concern/*/recommendations/*", Target::Value(v)) => reference("recommendations", "Recommendation", v.trim().parse().ok()),
        (_, Target::Value(v)) => {
            let described = schema_info::enum_values(segs).into_iter().find(|(value, _)| value == v);
            match described {
                Some((value, description)) => Some(format!("**{value}**\n\n{description}")),
                None => field_markdown(segs),
            }
        }
        (_, Target::Key(_)) => {
            let mut md = field_markdown(segs)?;
            if let Some(title) = facts::section_title(&pat) {
                md = md.replacen("\n\n", &format!(" — template section \"{title}\"\n\n"), 1);
            }
            Some(md)
        }
    }
}
