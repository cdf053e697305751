//! Reading a Word document (`.docx`) as the text the importer reads: one line per paragraph,
//! heading styles as Markdown headings, list paragraphs as bullets, table rows as `| a | b |`,
//! hyperlinks as `[text](address)`. Only the document part is read (`word/document.xml`), with
//! its relationships for the links' addresses; the ZIP and the XML are read by crates,
//! with no external program. Sizes are bounded, so a ZIP bomb is refused, not expanded.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

/// The most the document part may expand to; a response is a few hundred kilobytes.
pub const MAX_DOCUMENT_PART: u64 = 32 * 1024 * 1024;

/// How deep list levels indent (Word allows 9; deeper input is clamped).
const MAX_LIST_LEVEL: usize = 8;

/// The document's text, or why it cannot be read.
pub fn text(bytes: &[u8]) -> Result<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        format!("it is not a Word document (.docx): not a ZIP archive ({e}); save it from Word as .docx, or export the text")
    })?;
    let xml = read_part(&mut archive, "word/document.xml").map_err(|e| {
        e.unwrap_or_else(|| "it is a ZIP archive without a Word document part (word/document.xml): save it from Word as .docx, or export the text".to_owned())
    })?;
    // Without its relationships, links keep their text and lose their addresses.
    let rels = read_part(&mut archive, "word/_rels/document.xml.rels").unwrap_or_default();
    paragraphs(&xml, hyperlinks(&rels))
}

/// A part of the package as text: `Err(None)` when it is not there.
fn read_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<String, Option<String>> {
    let part = archive.by_name(name).map_err(|_| None)?;
    if part.size() > MAX_DOCUMENT_PART {
        return Err(Some(too_large()));
    }
    let mut xml = Vec::new();
    part.take(MAX_DOCUMENT_PART + 1)
        .read_to_end(&mut xml)
        .map_err(|e| Some(format!("its document part cannot be read: {e}")))?;
    if xml.len() as u64 > MAX_DOCUMENT_PART {
        return Err(Some(too_large()));
    }
    String::from_utf8(xml).map_err(|_| Some("its document part is not UTF-8 XML".to_owned()))
}

/// The addresses of the document's external hyperlinks, by relationship id.
fn hyperlinks(rels: &str) -> HashMap<String, String> {
    let mut reader = Reader::from_str(rels);
    let mut links = HashMap::new();
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let external = attribute(&e, "TargetMode").as_deref() == Some("External");
                if let (true, Some(id), Some(target)) =
                    (external, attribute(&e, "Id"), attribute(&e, "Target"))
                {
                    links.insert(id, unescape(&target));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    links
}

fn unescape(s: &str) -> String {
    quick_xml::escape::unescape(s).map_or_else(|_| s.to_owned(), |u| u.into_owned())
}

fn too_large() -> String {
    format!(
        "its document part expands to more than {} MB, far more than a response",
        MAX_DOCUMENT_PART / (1024 * 1024)
    )
}

/// What the paragraph being read is.
#[derive(Default)]
struct Paragraph {
    text: String,
    heading: Option<usize>,
    list_level: Option<usize>,
}

#[derive(Default)]
struct Writer {
    out: String,
    paragraph: Paragraph,
    /// Inside `w:t` (text) rather than field codes or deleted text.
    in_text: bool,
    /// Nested tables are flattened into the outermost one's cells.
    table_depth: usize,
    row: Vec<String>,
    cell: Vec<String>,
    /// The previous line written was a list item (list items are not separated by blank lines).
    after_list: bool,
    /// Hyperlinks' addresses by relationship id, and the link being read: where its text
    /// starts in the paragraph, and its address.
    links: HashMap<String, String>,
    link: Option<(usize, String)>,
}

fn paragraphs(xml: &str, links: HashMap<String, String>) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut w = Writer {
        links,
        ..Writer::default()
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("its document part is not well-formed XML: {e}"))?;
        match event {
            Event::Start(e) => w.start(&e),
            Event::Empty(e) => {
                w.start(&e);
                w.end(e.local_name().as_ref());
            }
            Event::End(e) => w.end(e.local_name().as_ref()),
            Event::Text(t) if w.in_text => w.paragraph.text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if w.in_text => {
                if let Some(c) = entity(&r) {
                    w.paragraph.text.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(w.out)
}

/// `&amp;` and the like; `&#8217;` and `&#x2019;`.
fn entity(r: &quick_xml::events::BytesRef) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match &**r {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

fn attribute(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .map(|a| a.value.into_owned())
}

/// "Heading2" → 2, "Title" → 1 (style ids as Word writes them, in any language's default ids).
fn heading_level(style: &str) -> Option<usize> {
    let lower = style.to_ascii_lowercase();
    if lower == "title" {
        return Some(1);
    }
    if lower == "subtitle" {
        return Some(2);
    }
    let level = lower
        .strip_prefix("heading")?
        .trim_start_matches([' ', '-']);
    level.parse::<usize>().ok().map(|n| n.clamp(1, 6))
}

impl Writer {
    fn start(&mut self, e: &BytesStart) {
        match e.local_name().as_ref() {
            "p" => self.paragraph = Paragraph::default(),
            "pStyle" => {
                let style = attribute(e, "w:val").unwrap_or_default();
                self.paragraph.heading = heading_level(&style);
                if style.to_ascii_lowercase().starts_with("list") {
                    self.paragraph.list_level.get_or_insert(0);
                }
            }
            "numPr" => {
                self.paragraph.list_level.get_or_insert(0);
            }
            "ilvl" => {
                let level = attribute(e, "w:val").and_then(|v| v.parse::<usize>().ok());
                self.paragraph.list_level = Some(level.unwrap_or(0).min(MAX_LIST_LEVEL));
            }
            "t" => self.in_text = true,
            "hyperlink" => {
                self.link = attribute(e, "r:id")
                    .and_then(|id| self.links.get(&id))
                    .map(|url| (self.paragraph.text.len(), url.clone()));
            }
            "tab" if !self.paragraph.text.is_empty() => self.paragraph.text.push(' '),
            "br" | "cr" => self.paragraph.text.push('\n'),
            "tbl" => {
                self.table_depth += 1;
                if self.table_depth == 1 {
                    self.blank_line();
                }
            }
            "tr" if self.table_depth == 1 => self.row.clear(),
            "tc" if self.table_depth == 1 => self.cell.clear(),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "t" => self.in_text = false,
            "hyperlink" => self.end_link(),
            "p" => self.end_paragraph(),
            "tc" if self.table_depth == 1 => {
                // Escaped as a Markdown table escapes it, so the cell stays one cell.
                let cell = self.cell.join(" ").replace('|', "\\|");
                self.row
                    .push(cell.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            "tr" if self.table_depth == 1 => {
                let row = std::mem::take(&mut self.row);
                if row.iter().any(|c| !c.is_empty()) {
                    self.out.push_str(&format!("| {} |\n", row.join(" | ")));
                }
            }
            "tbl" => {
                self.table_depth = self.table_depth.saturating_sub(1);
                if self.table_depth == 0 {
                    self.blank_line();
                }
            }
            _ => {}
        }
    }

    /// `[text](address)`, or the address alone when it is its own text.
    fn end_link(&mut self) {
        let Some((start, url)) = self.link.take() else {
            return;
        };
        let Some(text) = self.paragraph.text.get(start..).map(str::trim) else {
            return;
        };
        if !text.is_empty() && text != url {
            let link = format!("[{}]({url})", text.replace('[', "\\[").replace(']', "\\]"));
            self.paragraph.text.replace_range(start.., &link);
        }
    }

    fn end_paragraph(&mut self) {
        let p = std::mem::take(&mut self.paragraph);
        let text = p.text.trim();
        if self.table_depth > 0 {
            if !text.is_empty() {
                self.cell.push(text.to_owned());
            }
            return;
        }
        if text.is_empty() {
            return;
        }
        match (p.heading, p.list_level) {
            (Some(level), _) => {
                self.blank_line();
                self.line(&format!("{} {}", "#".repeat(level), one_line(text)));
                self.blank_line();
            }
            (None, Some(level)) => {
                if !self.after_list {
                    self.blank_line();
                }
                self.line(&format!("{}- {}", "  ".repeat(level), one_line(text)));
                self.after_list = true;
                return;
            }
            (None, None) => {
                self.blank_line();
                for line in text.lines() {
                    self.line(line.trim());
                }
                self.blank_line();
            }
        }
        self.after_list = false;
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// One blank line between blocks (never two, never at the start).
    fn blank_line(&mut self) {
        self.after_list = false;
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_headings_lists_tables() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Chief Constable&apos;s comments</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">We accept </w:t></w:r><w:r><w:t>it &amp; more.</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>one</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr><w:r><w:t>two</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Published on</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1 May 2025</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:delText>gone</w:delText><w:t>kept</w:t></w:r></w:p>
</w:body></w:document>"#;
        assert_eq!(
            paragraphs(xml, HashMap::new()).unwrap(),
            "## Chief Constable's comments\n\nWe accept it & more.\n\n- one\n  - two\n\n| Published on | 1 May 2025 |\n\nkept\n\n"
        );
    }

    #[test]
    fn hyperlinks_keep_their_addresses() {
        let rels = r#"<Relationships xmlns="x"><Relationship Id="rId7" Type="h" Target="https://x.gov.uk/r?a=1&amp;b=2" TargetMode="External"/><Relationship Id="rId8" Type="h" Target="styles.xml"/></Relationships>"#;
        let links = hyperlinks(rels);
        assert_eq!(
            links.get("rId7").map(String::as_str),
            Some("https://x.gov.uk/r?a=1&b=2")
        );
        assert!(!links.contains_key("rId8"), "internal parts are not links");
        let xml = r#"<w:document xmlns:w="w" xmlns:r="r"><w:body>
<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rId7"><w:r><w:t>the [draft] report</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>
<w:p><w:hyperlink r:id="rId7"><w:r><w:t>https://x.gov.uk/r?a=1&amp;b=2</w:t></w:r></w:hyperlink></w:p>
<w:p><w:hyperlink r:id="rId9"><w:r><w:t>no address known</w:t></w:r></w:hyperlink></w:p>
</w:body></w:document>"#;
        assert_eq!(
            paragraphs(xml, links).unwrap(),
            "See [the \\[draft\\] report](https://x.gov.uk/r?a=1&b=2).\n\nhttps://x.gov.uk/r?a=1&b=2\n\nno address known\n\n"
        );
    }

    #[test]
    fn refuses_what_is_not_a_word_document() {
        assert!(text(b"not a zip").unwrap_err().contains("not a ZIP"));
        assert!(paragraphs("<w:p><w:t>unclosed</w:p>", HashMap::new()).is_err());
    }
}
