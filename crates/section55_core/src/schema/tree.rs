//! The span tree as a JSON instance the validator reads in place (jsonschema's custom
//! representations), so validating a file builds no `serde_json::Value` copy of it. Each node
//! reads as [`Node::to_json`] would have made it: a non-finite float is `null`, and keys are
//! unique (the parser drops a duplicate key, reporting it).

use std::borrow::Cow;
use std::slice;

use jsonschema::json::{Array, Json, Node as JsonNode, NodeIdentity, Object};
use jsonschema::types::JsonType;
use serde_json::Number;

use crate::document::{Entry, Node, Text, Value};

/// The representation: instances are `&Node`.
pub struct Tree;

/// The node `propertyNames` checks a key through: a key is short enough to be kept inside the
/// value (see [`Text`]), so no key costs an allocation.
pub struct NameBuffer(Node);

impl Default for NameBuffer {
    fn default() -> Self {
        NameBuffer(Node {
            value: Value::Str(Text::default()),
            span: Default::default(),
        })
    }
}

impl Json for Tree {
    type Node<'a> = &'a Node;
    type PreparedKey = String;
    type StringBuffer = NameBuffer;

    // A mapping's keys are a list, so one pass over them beats any number of lookups (each a
    // pass of its own).
    const KEYS_PER_LOOKUP: usize = 1 << 16;
    // Aliases are copies: no node is its own descendant.
    const ACYCLIC: bool = true;

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>(buffer: &mut NameBuffer, string: &str, f: impl FnOnce(&Node) -> T) -> T {
        buffer.0.value = Value::Str(Text::from(string));
        f(&buffer.0)
    }
}

/// A number as JSON has it; `None` for a non-finite float, which reads as `null`.
fn number(value: &Value) -> Option<Number> {
    match *value {
        Value::Int(i) => Some(Number::from(i)),
        Value::Float(f) => Number::from_f64(f),
        _ => None,
    }
}

impl<'a> JsonNode<'a, Tree> for &'a Node {
    type Object = &'a [Entry];
    type Array = &'a [Node];
    type Number = Number;

    fn as_object(&self) -> Option<&'a [Entry]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<&'a [Node]> {
        match &self.value {
            Value::Seq(items) => Some(items),
            _ => None,
        }
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match &self.value {
            Value::Str(s) => Some(Cow::Borrowed(s)),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<Number> {
        number(&self.value)
    }

    fn as_boolean(&self) -> Option<bool> {
        self.as_bool()
    }

    fn is_null(&self) -> bool {
        self.json_type() == JsonType::Null
    }

    fn json_type(&self) -> JsonType {
        match &self.value {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Int(_) => JsonType::Number,
            Value::Float(f) if f.is_finite() => JsonType::Number,
            Value::Float(_) => JsonType::Null,
            Value::Str(_) => JsonType::String,
            Value::Seq(_) => JsonType::Array,
            Value::Map(_) => JsonType::Object,
        }
    }

    /// Statuses and other `const`/`enum` values are text: compared without building JSON.
    fn equals_value(&self, expected: &serde_json::Value) -> bool {
        match &self.value {
            Value::Str(s) => expected.as_str() == Some(s),
            _ => jsonschema::json::cmp::equal(&self.to_value(), expected),
        }
    }

    fn to_value(&self) -> Cow<'a, serde_json::Value> {
        Cow::Owned(self.to_json())
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::new(std::ptr::from_ref::<Node>(*self) as usize))
    }
}

type Members<'a> = std::iter::Map<slice::Iter<'a, Entry>, fn(&'a Entry) -> (&'a str, &'a Node)>;

impl<'a> Object<'a, Tree> for &'a [Entry] {
    type Node = &'a Node;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        <[Entry]>::len(self)
    }

    fn get(&self, key: &String) -> Option<&'a Node> {
        self.iter().find(|e| e.key == *key).map(|e| &e.value)
    }

    fn members(&self) -> Members<'a> {
        self.iter().map(|e| (e.key.as_str(), &e.value))
    }
}

impl<'a> Array<'a, Tree> for &'a [Node] {
    type Node = &'a Node;
    type ElementsIter = slice::Iter<'a, Node>;

    fn len(&self) -> usize {
        <[Node]>::len(self)
    }

    fn elements(&self) -> slice::Iter<'a, Node> {
        self.iter()
    }
}
