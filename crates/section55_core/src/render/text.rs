//! The little Markdown offices write in a response's texts, read once for every output that is
//! not Markdown itself (the HTML page, the Word document): paragraphs, bullet lists, headings
//! inside a text, and within a line `**bold**`, `[text](address)` and bare web addresses.

use crate::links::{self, Link};

/// A block of a text: blocks are separated by blank lines.
#[derive(Debug, PartialEq, Eq)]
pub enum Block {
    /// Lines of one paragraph, joined by `\n` as written.
    Paragraph(String),
    /// The items of a bullet list; a line without a bullet continues the item before it.
    List(Vec<String>),
    /// `### Heading` inside a text (bold marks around it dropped).
    Heading(String),
}

/// The blocks of `t`, in order (CRLF read as LF; blank blocks dropped).
pub fn blocks(t: &str) -> Vec<Block> {
    t.replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .map(block)
        .collect()
}

fn block(b: &str) -> Block {
    if b.lines().next().is_some_and(|l| bullet(l).is_some()) {
        Block::List(list_items(b))
    } else if let Some(title) = heading(b) {
        Block::Heading(title.to_owned())
    } else {
        Block::Paragraph(b.to_owned())
    }
}

fn bullet(line: &str) -> Option<&str> {
    let line = line.trim_start();
    ["- ", "* ", "• "].iter().find_map(|m| line.strip_prefix(m))
}

fn heading(block: &str) -> Option<&str> {
    let rest = block.trim_start_matches('#');
    (rest.len() < block.len() && rest.starts_with(' ') && !block.contains('\n'))
        .then(|| rest.trim().trim_matches('*').trim())
}

fn list_items(block: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for line in block.lines() {
        match (bullet(line), items.last_mut()) {
            (Some(start), _) => items.push(start.to_owned()),
            (None, Some(last)) => {
                last.push('\n');
                last.push_str(line.trim());
            }
            (None, None) => items.push(line.to_owned()),
        }
    }
    items
}

/// A piece of a line.
#[derive(Debug, PartialEq, Eq)]
pub enum Inline<'a> {
    /// Text as written (to be escaped by the writer).
    Text(&'a str),
    /// `**`: bold starts (true) or ends (false). An unclosed bold is closed at the end.
    Bold(bool),
    Link(Link<'a>),
}

/// The pieces of `s`: a `**` with no closing `**` after it stays text.
pub fn inlines<'a>(s: &'a str) -> Vec<Inline<'a>> {
    let mut out = Vec::new();
    let mut rest = s;
    let mut bold = false;
    let mut text_from = 0;
    let mut at = 0;
    let flush = |out: &mut Vec<Inline<'a>>, from: usize, to: usize| {
        if from < to {
            out.push(Inline::Text(&s[from..to]));
        }
    };
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest
            .strip_prefix("**")
            .filter(|after| bold || after.contains("**"))
        {
            flush(&mut out, text_from, at);
            bold = !bold;
            out.push(Inline::Bold(bold));
            at += 2;
            rest = after;
            text_from = at;
        } else if let Some(found) = links::at(rest) {
            flush(&mut out, text_from, at);
            at += found.len;
            rest = &rest[found.len..];
            out.push(Inline::Link(found));
            text_from = at;
        } else {
            at += c.len_utf8();
            rest = &rest[c.len_utf8()..];
        }
    }
    flush(&mut out, text_from, at);
    if bold {
        out.push(Inline::Bold(false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_of_a_text() {
        assert_eq!(
            blocks("one\r\ntwo\r\n\r\n- a\n  more\n- b\n\n### **Next**\n"),
            vec![
                Block::Paragraph("one\ntwo".into()),
                Block::List(vec!["a\nmore".into(), "b".into()]),
                Block::Heading("Next".into()),
            ]
        );
    }

    #[test]
    fn pieces_of_a_line() {
        let pieces = inlines("a **b** [c](https://x.gov.uk) 2 ** 3 é");
        assert_eq!(pieces[0], Inline::Text("a "));
        assert_eq!(pieces[1], Inline::Bold(true));
        assert_eq!(pieces[2], Inline::Text("b"));
        assert_eq!(pieces[3], Inline::Bold(false));
        assert_eq!(pieces[4], Inline::Text(" "));
        assert!(matches!(&pieces[5], Inline::Link(l) if l.text == "c"));
        assert_eq!(pieces[6], Inline::Text(" 2 ** 3 é"));
        assert_eq!(inlines("**open"), vec![Inline::Text("**open")]);
    }
}
