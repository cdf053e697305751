//! The tree's strings. A large response holds hundreds of thousands of them, most short and
//! many the same, so each is kept the cheapest way: a mapping key as one shared copy per
//! distinct key ([`Key`]), a scalar's text inside the value when it is short ([`Text`]).

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A mapping key, read as text. Keys repeat (every recommendation has an `id`, a `text` and a
/// `due`), so a parse keeps one copy of each distinct key and its entries share it: a large
/// response holds a few dozen key strings instead of one per entry.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Key(Arc<str>);

impl Key {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether both are one shared copy, for the tests of sharing.
    #[cfg(test)]
    pub(super) fn is_the_copy_of(&self, other: &Key) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Key {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Key {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Key {
    fn from(text: &str) -> Self {
        Key(text.into())
    }
}

impl From<String> for Key {
    fn from(text: String) -> Self {
        Key(text.into())
    }
}

impl PartialEq<&str> for Key {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Key {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Bytes of text kept inside the value: a date (10), a status, an id, most forces' names.
const INLINE: usize = 22;

/// A scalar's text. Up to [`INLINE`] bytes it lives inside the value, with no allocation of
/// its own (a short string on the heap cost about 50 bytes: its block, the allocator's header
/// and the room the scanner grew it with, more than a third of a large file's tree); longer
/// text is on the heap with no spare room.
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    /// The first `len` bytes of `bytes`, always whole UTF-8 characters.
    Inline {
        len: u8,
        bytes: [u8; INLINE],
    },
    Heap(Box<str>),
}

impl Text {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Made only from a `&str` (see `From<&str>`), so never invalid: the check costs a
            // pass over at most 22 bytes and keeps the crate free of `unsafe`.
            Repr::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Repr::Heap(text) => text,
        }
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::from("")
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        match u8::try_from(text.len()) {
            Ok(len) if text.len() <= INLINE => {
                let mut bytes = [0; INLINE];
                bytes[..text.len()].copy_from_slice(text.as_bytes());
                Text(Repr::Inline { len, bytes })
            }
            _ => Text(Repr::Heap(text.into())),
        }
    }
}

/// Short text is copied into the value and the string freed; long text keeps the string's
/// own buffer, trimmed to its length.
impl From<String> for Text {
    fn from(text: String) -> Self {
        if text.len() <= INLINE {
            Text::from(text.as_str())
        } else {
            Text(Repr::Heap(text.into_boxed_str()))
        }
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Entry, Node, Value};

    #[test]
    fn short_text_is_kept_inside_the_value_and_long_text_on_the_heap() {
        for text in [
            "",
            "2026-02-01",
            "Île-de-🚓",
            "exactly twenty-two b.",
            "twenty-three bytes of t",
        ] {
            let kept = Text::from(text);
            assert_eq!(kept.as_str(), text);
            assert_eq!(Text::from(text.to_owned()), kept);
            let inline = matches!(kept.0, Repr::Inline { .. });
            assert_eq!(inline, text.len() <= INLINE, "{text:?}");
        }
        // A character is never split: 21 bytes of ASCII and a 4-byte emoji go to the heap.
        let emoji = format!("{}🚓", "a".repeat(21));
        assert!(matches!(Text::from(emoji.as_str()).0, Repr::Heap(_)));
        assert_eq!(Text::from(emoji.as_str()).as_str(), emoji);
    }

    /// The sizes a large response's memory rests on (a 30 MB file has about 450,000 entries):
    /// a value with its text inline is no larger than one holding a pointer. (On a 32-bit
    /// target, such as the browser's, pointers and so keys are smaller.)
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_value_is_24_bytes_a_node_40_and_an_entry_72() {
        assert_eq!(size_of::<Text>(), 24);
        assert_eq!(size_of::<Value>(), 24);
        assert_eq!(size_of::<Node>(), 40);
        assert_eq!(size_of::<Entry>(), 72);
    }
}
