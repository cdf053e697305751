//! Reading the generated JSON Schema by path: the keys a mapping allows (in template order),
//! each field's description, type and allowed values. Hover and completion take their words
//! from here, so they always say what the schema says.

use serde_json::Value as Json;

use crate::document::lenient::Seg;
use crate::schema::resolve;

fn root() -> &'static Json {
    crate::schema::schema()
}

/// The schema of the value at `path`, as written at its property (a `$ref` not yet followed,
/// so its own description is kept).
fn property(path: &[Seg]) -> Option<&'static Json> {
    let mut at = root();
    for seg in path {
        let here = resolve(at);
        at = match seg {
            Seg::Key(key) => here.get("properties")?.get(key.as_str())?,
            Seg::Item => here.get("items")?,
        };
    }
    Some(at)
}

/// The schema of the value at `path`, `$ref` followed.
pub fn schema_at(path: &[Seg]) -> Option<&'static Json> {
    property(path).map(resolve)
}

/// The description of the field at `path`: its property's, else its type's.
pub fn description(path: &[Seg]) -> Option<&'static str> {
    let prop = property(path)?;
    prop.get("description")
        .or_else(|| resolve(prop).get("description"))
        .and_then(Json::as_str)
}

/// A key the mapping at a path allows.
pub struct KeyInfo {
    pub name: &'static str,
    pub required: bool,
    pub description: &'static str,
}

/// The keys the mapping at `path` allows, in template order.
pub fn keys(path: &[Seg]) -> Vec<KeyInfo> {
    let Some(schema) = schema_at(path) else {
        return Vec::new();
    };
    let Some(props) = schema.get("properties").and_then(Json::as_object) else {
        return Vec::new();
    };
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Json::as_array)
        .map(|r| r.iter().filter_map(Json::as_str).collect())
        .unwrap_or_default();
    let mut keys: Vec<KeyInfo> = props
        .iter()
        .map(|(name, prop)| KeyInfo {
            name: name.as_str(),
            required: required.contains(&name.as_str()),
            description: prop
                .get("description")
                .or_else(|| resolve(prop).get("description"))
                .and_then(Json::as_str)
                .unwrap_or(""),
        })
        .collect();
    let parents: Vec<&str> = path
        .iter()
        .filter_map(|seg| match seg {
            Seg::Key(key) => Some(key.as_str()),
            Seg::Item => None,
        })
        .collect();
    keys.sort_by_key(|k| crate::template::key_rank(&parents, k.name));
    keys
}

/// The JSON type the schema gives the value at `path` ("string", "array", ...).
pub fn type_at(path: &[Seg]) -> Option<&'static str> {
    let schema = schema_at(path)?;
    if let Some(t) = schema.get("type").and_then(Json::as_str) {
        return Some(t);
    }
    // An enum of strings (`oneOf` of consts).
    schema.get("oneOf").is_some().then_some("string")
}

pub fn is_object(path: &[Seg]) -> bool {
    type_at(path) == Some("object")
}

/// Whether the value at `path` is a date (`format: date`).
pub fn is_date(path: &[Seg]) -> bool {
    schema_at(path)
        .and_then(|s| s.get("format"))
        .and_then(Json::as_str)
        == Some("date")
}

/// The allowed values at `path` with their descriptions, for enums.
pub fn enum_values(path: &[Seg]) -> Vec<(&'static str, &'static str)> {
    let Some(schema) = schema_at(path) else {
        return Vec::new();
    };
    if let Some(one_of) = schema.get("oneOf").and_then(Json::as_array) {
        return one_of
            .iter()
            .filter_map(|v| {
                Some((
                    v.get("const")?.as_str()?,
                    v.get("description").and_then(Json::as_str).unwrap_or(""),
                ))
            })
            .collect();
    }
    schema
        .get("enum")
        .and_then(Json::as_array)
        .map(|e| e.iter().filter_map(Json::as_str).map(|v| (v, "")).collect())
        .unwrap_or_default()
}

/// Converts a tree path (keys and indices) into schema segments.
pub fn segs_of(steps: &[crate::document::Step]) -> Vec<Seg> {
    steps
        .iter()
        .map(|s| match s {
            crate::document::Step::Key(k) => Seg::Key(k.clone()),
            crate::document::Step::Index(_) => Seg::Item,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(p: &str) -> Vec<Seg> {
        crate::document::lenient::from_pattern(p)
    }

    #[test]
    fn reads_the_schema() {
        let top: Vec<&str> = keys(&[]).iter().map(|k| k.name).collect();
        assert_eq!(top.first(), Some(&"policing_body"));
        assert_eq!(top.last(), Some(&"$schema"));
        assert!(
            keys(&path("/recommendations/*"))
                .iter()
                .any(|k| k.name == "status" && k.required)
        );
        assert!(description(&path("/response_deadline")).is_some_and(|d| d.contains("55 days")));
        assert_eq!(enum_values(&path("/recommendations/*/status")).len(), 4);
        assert!(is_date(&path("/inspection/published")));
        assert_eq!(
            type_at(&path("/office_use/submitted_to_hmicfrs")),
            Some("boolean")
        );
        assert!(is_object(&path("/chief_constable_response/responses/*")));
    }
}
