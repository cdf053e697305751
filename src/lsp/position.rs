//! Positions between the library (0-based line, column in Unicode characters) and the client
//! (0-based line, column in UTF-16 or UTF-8 code units, as negotiated through
//! `positionEncoding`). Lines end at `\n`, `\r\n` or a lone `\r`, as both YAML and the LSP say.
//! Positions past the end of a line clamp to its end, past the last line to the end of the text,
//! and a position inside a character (half a surrogate pair, the middle of a UTF-8 sequence)
//! rounds down to the start of that character.

use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};

use crate::diagnostic::{Pos, Span};
use crate::document::LineIndex;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it, else UTF-16 (which every client must support).
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn units(self, c: char) -> u32 {
        match self {
            Encoding::Utf8 => c.len_utf8() as u32,
            Encoding::Utf16 => c.len_utf16() as u32,
        }
    }
}

/// A text, its line index and the client's encoding: everything a conversion needs.
#[derive(Clone, Copy)]
pub struct Converter<'a> {
    pub text: &'a str,
    pub lines: &'a LineIndex,
    pub encoding: Encoding,
}

impl<'a> Converter<'a> {
    pub fn new(text: &'a str, lines: &'a LineIndex, encoding: Encoding) -> Self {
        Converter {
            text,
            lines,
            encoding,
        }
    }

    /// The text of line `n` without its line ending ("" past the end).
    pub fn line(&self, n: u32) -> &'a str {
        self.lines.line(self.text, n as usize)
    }

    pub fn last_line(&self) -> u32 {
        self.lines.line_count().saturating_sub(1) as u32
    }

    /// The code units of a byte order mark before line `n`'s first column. The library never
    /// counts it (see [`LineIndex`]), but it is in the text the client sent, and the client
    /// counts it: so ranges cover the same text with or without one.
    fn lead(&self, n: u32) -> u32 {
        if n == 0 && self.text.starts_with('\u{feff}') {
            self.encoding.units('\u{feff}')
        } else {
            0
        }
    }

    /// A library position as the client counts it.
    pub fn position(&self, pos: Pos) -> Position {
        let line = self.line(pos.line);
        let character = self.lead(pos.line)
            + line
                .chars()
                .take(pos.col as usize)
                .map(|c| self.encoding.units(c))
                .sum::<u32>();
        Position {
            line: pos.line,
            character,
        }
    }

    pub fn range(&self, span: Span) -> Range {
        Range {
            start: self.position(span.start),
            end: self.position(span.end),
        }
    }

    /// A client position as a library position, clamped to the text.
    pub fn pos(&self, position: Position) -> Pos {
        if position.line > self.last_line() {
            let last = self.last_line();
            return Pos::new(last, self.line(last).chars().count() as u32);
        }
        let line = self.line(position.line);
        let mut units = self.lead(position.line);
        let mut col = 0;
        for c in line.chars() {
            units += self.encoding.units(c);
            if units > position.character {
                break;
            }
            col += 1;
        }
        Pos::new(position.line, col)
    }

    /// Whether a client position lies within the text (a line that exists, a column no further
    /// than its end).
    pub fn in_range(&self, position: Position) -> bool {
        if position.line > self.last_line() {
            return false;
        }
        let width: u32 = self
            .line(position.line)
            .chars()
            .map(|c| self.encoding.units(c))
            .sum();
        position.character <= self.lead(position.line) + width
    }

    /// The byte offset of a client position, clamped to the text.
    pub fn offset(&self, position: Position) -> usize {
        self.lines.offset(self.text, self.pos(position))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(text: &str, encoding: Encoding, f: impl FnOnce(Converter)) {
        let lines = LineIndex::new(text);
        f(Converter::new(text, &lines, encoding));
    }

    #[test]
    fn utf16_counts_surrogate_pairs() {
        conv("a😀é b\n", Encoding::Utf16, |c| {
            assert_eq!(c.position(Pos::new(0, 2)), Position::new(0, 3));
            assert_eq!(c.position(Pos::new(0, 4)), Position::new(0, 5));
            assert_eq!(c.pos(Position::new(0, 5)), Pos::new(0, 4));
            // Inside the surrogate pair: the start of the emoji.
            assert_eq!(c.pos(Position::new(0, 2)), Pos::new(0, 1));
            assert_eq!(c.offset(Position::new(0, 3)), 5);
        });
    }

    #[test]
    fn utf8_counts_bytes() {
        conv("é😀x", Encoding::Utf8, |c| {
            assert_eq!(c.position(Pos::new(0, 2)), Position::new(0, 6));
            assert_eq!(c.pos(Position::new(0, 6)), Pos::new(0, 2));
            assert_eq!(c.pos(Position::new(0, 4)), Pos::new(0, 1));
        });
    }

    #[test]
    fn line_ends_and_clamping() {
        conv("ab\r\ncd\re\n", Encoding::Utf16, |c| {
            assert_eq!(c.offset(Position::new(1, 1)), 5);
            assert_eq!(c.offset(Position::new(2, 0)), 7);
            assert_eq!(c.offset(Position::new(0, 99)), 2);
            assert_eq!(c.offset(Position::new(99, 0)), 9);
            assert!(!c.in_range(Position::new(0, 3)));
            assert!(c.in_range(Position::new(3, 0)));
        });
    }
}
