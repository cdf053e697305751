//! Go to definition: from a response's `recommendation: N` (or `area_for_improvement: N`), and
//! from a cause of concern's `recommendations: [N]`, to item N of the list it names.

use tower_lsp_server::ls_types::{GotoDefinitionResponse, Location, LocationLink, Position};

use super::facts;
use super::position::Encoding;
use super::schema_info;
use super::state::Snapshot;
use crate::document::lenient::pattern;
use crate::document::{Node, Step};

pub fn definition(
    snapshot: &Snapshot,
    encoding: Encoding,
    position: Position,
    link_support: bool,
) -> Option<GotoDefinitionResponse> {
    if !snapshot.is_response {
        return None;
    }
    let tree = snapshot.tree()?;
    let conv = snapshot.converter(encoding);
    let pos = conv.pos(position);
    let steps = tree.path_at(pos);
    let list = match pattern(&schema_info::segs_of(&steps)).as_str() {
        "/chief_constable_response/responses/*/recommendation"
        | "/pcc_response/responses/*/recommendation"
        | "/causes_of_concern/*/recommendations/*" => "recommendations",
        "/chief_constable_response/responses/*/area_for_improvement"
        | "/pcc_response/responses/*/area_for_improvement" => "areas_for_improvement",
        _ => return None,
    };
    let reference = node_at(tree, &steps)?;
    let id = reference.as_int()?;
    let target = facts::find_item(tree, list, id)?;
    let target_selection = target.get("id").map_or(target.span, |n| n.span);
    if link_support {
        return Some(GotoDefinitionResponse::Link(vec![LocationLink {
            origin_selection_range: Some(conv.range(reference.span)),
            target_uri: snapshot.uri.clone(),
            target_range: conv.range(target.span),
            target_selection_range: conv.range(target_selection),
        }]));
    }
    Some(GotoDefinitionResponse::Scalar(Location {
        uri: snapshot.uri.clone(),
        range: conv.range(target.span),
    }))
}

fn node_at<'t>(tree: &'t Node, steps: &[Step]) -> Option<&'t Node> {
    let mut node = tree;
    for step in steps {
        node = match step {
            Step::Key(k) => node.get(k)?,
            Step::Index(i) => node.as_seq().get(*i)?,
        };
    }
    Some(node)
}
