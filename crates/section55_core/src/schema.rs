//! The JSON Schema, generated from the model (never edited by hand), and the compiled validator,
//! built once per process. The validator has no retriever: a remote `$ref` is never fetched. It
//! reads the span tree in place ([`Tree`]).

mod tree;

use std::sync::OnceLock;

use schemars::Schema;
use schemars::transform::RecursiveTransform;
use serde_json::Value;

use crate::model::Response;
pub use tree::Tree;

/// The schema's identifier, as editors see it in `$schema` lines.
pub const SCHEMA_FILE: &str = "schemas/section55-response.schema.json";

/// The schema, read from its committed copy (built into the binary) rather than generated at
/// every start: generating it took a fifth of a cold `check` of one file. A test keeps the copy
/// equal to [`generate`]'s.
pub fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        const COMMITTED: &str = include_str!("../../../schemas/section55-response.schema.json");
        serde_json::from_str(COMMITTED).unwrap_or_else(|_| generate())
    })
}

/// The schema, generated from the model.
fn generate() -> Value {
    schemars::generate::SchemaSettings::draft2020_12()
        .with_transform(RecursiveTransform(forbid_null))
        .into_generator()
        .into_root_schema_for::<Response>()
        .to_value()
}

/// Follows a local `$ref` (`#/$defs/...`) in the generated schema; anything else is returned as is.
pub fn resolve(at: &'static Value) -> &'static Value {
    match at
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix('#'))
    {
        Some(path) => schema().pointer(path).unwrap_or(at),
        None => at,
    }
}

/// The schema as generated from the model, as committed in `schemas/`: pretty JSON with a
/// final newline.
pub fn schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&generate()).unwrap_or_default();
    text.push('\n');
    text
}

/// Serde reads `null` as an absent optional field; the file format does not allow `null`, so
/// `due:` with nothing after it is reported rather than silently dropped.
fn forbid_null(schema: &mut Schema) {
    // `format: uint32` is not a format validators know, so they ignore it: an id of
    // 99999999999999999999999999 (read as a number too large for an integer) passed the schema
    // and, being unreadable as an id, every rule too. The bound is written out.
    if schema.get("format").and_then(Value::as_str) == Some("uint32")
        && schema.get("maximum").is_none()
    {
        schema.insert("maximum".into(), u32::MAX.into());
    }
    if let Some(Value::Array(types)) = schema.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            schema.insert("type".into(), only);
        }
    }
    let null = serde_json::json!({"type": "null"});
    if let Some(Value::Array(any)) = schema.get("anyOf")
        && any.len() == 2
        && any.contains(&null)
    {
        let rest = any.iter().find(|s| **s != null).cloned();
        schema.remove("anyOf");
        if let Some(Value::Object(rest)) = rest {
            for (k, v) in rest {
                schema.insert(k, v);
            }
        }
    }
}

/// The compiled validator. It reads the schema as draft-07, in which every keyword the schema
/// uses means the same as in 2020-12, the draft it declares (a test holds it to them): jsonschema
/// checks every schema against its draft's meta-schema before compiling it, and building the
/// 2020-12 meta-schema's validator (eight vocabularies) took 1.2 ms of a cold check of one
/// small file, draft-07's 0.5 ms.
pub fn validator() -> &'static jsonschema::Validator<Tree> {
    static VALIDATOR: OnceLock<jsonschema::Validator<Tree>> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        jsonschema::options_for::<Tree>()
            .with_draft(jsonschema::Draft::Draft7)
            .should_validate_formats(true)
            .build(schema())
            // The schema is generated from our own types; a failure here is a bug caught by tests.
            .expect("the generated schema compiles")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_schema_is_the_generated_one() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            // The committed schema lives at the workspace root, beside the README that links it.
            "/../../schemas/section55-response.schema.json"
        );
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == schema_text(),
            "{SCHEMA_FILE} is out of date: run `cargo run -- schema -o {SCHEMA_FILE} --force`"
        );
        assert_eq!(
            schema(),
            &generate(),
            "the built-in copy is the generated schema"
        );
    }

    #[test]
    fn every_property_has_a_description() {
        fn walk(v: &Value, path: &str, missing: &mut Vec<String>) {
            if let Some(Value::Object(props)) = v.get("properties") {
                for (name, prop) in props {
                    if name != "$schema" && prop.get("description").is_none() {
                        missing.push(format!("{path}/{name}"));
                    }
                    walk(prop, &format!("{path}/{name}"), missing);
                }
            }
            if let Some(Value::Object(defs)) = v.get("$defs") {
                for (name, def) in defs {
                    walk(def, &format!("$defs/{name}"), missing);
                }
            }
        }
        let mut missing = Vec::new();
        walk(schema(), "", &mut missing);
        assert!(missing.is_empty(), "no description: {missing:?}");
    }

    /// The keywords the schema uses. Each means the same in JSON Schema draft-07 as in 2020-12,
    /// the draft the schema declares (the test below keeps the schema to them, and to nothing
    /// but `description` beside a `$ref`, which draft-07 ignores and 2020-12 keeps as a note).
    const SAME_IN_DRAFT_7: &[&str] = &[
        "$defs",
        "$ref",
        "$schema",
        "additionalProperties",
        "allOf",
        "anyOf",
        "const",
        "default",
        "description",
        "examples",
        "format",
        "items",
        "maximum",
        "minItems",
        "minimum",
        "oneOf",
        "properties",
        "required",
        "title",
        "type",
    ];

    #[test]
    fn the_schema_means_the_same_in_draft_7() {
        fn walk(v: &Value, path: &str, wrong: &mut Vec<String>) {
            match v {
                Value::Object(map) => {
                    for (key, value) in map {
                        if !SAME_IN_DRAFT_7.contains(&key.as_str()) {
                            wrong.push(format!("{path}: keyword {key}"));
                        }
                        if map.contains_key("$ref")
                            && !["$ref", "description"].contains(&key.as_str())
                        {
                            wrong.push(format!("{path}: {key} beside $ref"));
                        }
                        let inner = format!("{path}/{key}");
                        match (key.as_str(), value) {
                            // Both drafts check `date`; neither knows `uint32` (its bound is
                            // written out). jsonschema knows more formats in 2019-09 and later.
                            ("format", Value::String(format))
                                if !["date", "uint32"].contains(&format.as_str()) =>
                            {
                                wrong.push(format!("{path}: format {format}"))
                            }
                            // An array of `items` is a tuple in draft-07, an error in 2020-12.
                            ("items", Value::Array(_)) => wrong.push(format!("{inner}: a list")),
                            ("properties" | "$defs", Value::Object(named)) => {
                                for (name, schema) in named {
                                    walk(schema, &format!("{inner}/{name}"), wrong);
                                }
                            }
                            ("items" | "additionalProperties", Value::Object(_)) => {
                                walk(value, &inner, wrong)
                            }
                            ("allOf" | "anyOf" | "oneOf", Value::Array(all)) => {
                                for (i, schema) in all.iter().enumerate() {
                                    walk(schema, &format!("{inner}/{i}"), wrong);
                                }
                            }
                            _ => {}
                        }
                    }
                }
                Value::Bool(_) => {}
                _ => wrong.push(format!("{path}: not a schema")),
            }
        }
        let mut wrong = Vec::new();
        walk(schema(), "", &mut wrong);
        assert!(wrong.is_empty(), "not the same in draft-07: {wrong:?}");
        // And the validator reports what a 2020-12 reading reports: the same errors, at the same
        // places of the file and of the schema (the schema rule reads both), for each kind of
        // error the schema can give.
        let full = jsonschema::options()
            .should_validate_formats(true)
            .build(schema())
            .expect("compiles");
        const EXAMPLE: &str =
            include_str!("../../../examples/norfolk-gbcse-progress-2025.s55.yaml");
        let bad = [
            "inspection:\n  force: 7\nextra: true\n".to_owned(),
            EXAMPLE.replacen("status: accepted", "status: maybe", 1),
            EXAMPLE.replacen("published: 2025-10-24", "published: 2025-13-45", 1),
            EXAMPLE.replacen("  - id: 1\n", "  - id: -1\n", 1),
            EXAMPLE.replacen("response_deadline: 2025-12-19\n", "", 1),
            EXAMPLE.replacen("  - id: 1\n", "  - id: 99999999999\n    colour: red\n", 1),
        ];
        let where_and_what = |e: jsonschema::ValidationError| {
            let at = (
                e.instance_path().as_str().to_owned(),
                e.schema_path().as_str().to_owned(),
            );
            (at, e.to_string())
        };
        for text in &bad {
            let root = crate::document::parse(text).root.expect("a tree");
            let ours: Vec<_> = validator().iter_errors(&root).map(where_and_what).collect();
            let theirs: Vec<_> = full
                .iter_errors(&root.to_json())
                .map(where_and_what)
                .collect();
            assert!(!ours.is_empty(), "no error in {text}");
            assert_eq!(ours, theirs, "{text}");
        }
    }

    #[test]
    fn null_is_not_a_value() {
        let text = schema_text();
        assert!(
            !text.contains("\"null\""),
            "the schema allows null somewhere"
        );
    }
}
