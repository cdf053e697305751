//! Writing the imported response. The importer fills a [`Response`] (the model is the one
//! definition of the file's shape) and keeps the JSON pointers of what the document did not
//! state; those keys are removed before the file is written, so nothing is invented and
//! `check` asks for them.

use std::collections::BTreeSet;

use yaml_serde::Value;

use crate::model::Response;

/// The response file's text: the response without the `absent` keys, written by `yaml_serde`
/// (block scalars for multi-line text).
pub fn yaml(response: &Response, absent: &BTreeSet<String>) -> Result<String, String> {
    let mut value = yaml_serde::to_value(response).map_err(|e| e.to_string())?;
    // Deepest first, so that a mapping emptied by removals is itself removed afterwards.
    for pointer in absent.iter().rev() {
        remove(&mut value, pointer);
    }
    yaml_serde::to_string(&value).map_err(|e| e.to_string())
}

/// Removes the key at `pointer`, then its parent mapping if that is left empty.
fn remove(root: &mut Value, pointer: &str) {
    let steps: Vec<&str> = pointer.split('/').skip(1).collect();
    for depth in (1..=steps.len()).rev() {
        let Some(Value::Mapping(parent)) = lookup(root, &steps[..depth - 1]) else {
            return;
        };
        let key = steps[depth - 1];
        let emptied = matches!(parent.get(key), Some(Value::Mapping(m)) if m.is_empty());
        if depth == steps.len() || emptied {
            parent.shift_remove(key);
        }
        if !parent.is_empty() {
            return;
        }
    }
}

fn lookup<'v>(root: &'v mut Value, steps: &[&str]) -> Option<&'v mut Value> {
    steps.iter().try_fold(root, |node, step| match node {
        Value::Mapping(map) => map.get_mut(*step),
        Value::Sequence(items) => items.get_mut(step.parse::<usize>().ok()?),
        _ => None,
    })
}
