//! The outline as a Word document (`.docx`), for sign-off and for the council web systems that
//! take Word: the same outline as the HTML page, with Word's own heading styles (Heading 1 for
//! the title, 2 for each section, 3 for each item, 4 for a heading inside a text), bulleted
//! lists, the action plan as a table with a repeated header row, links as hyperlinks, and the
//! document's language set to British English or Welsh (so Word's reader and spelling use it;
//! the Welsh parts of a bilingual document are marked Welsh). The ZIP
//! and the parts are written here with `zip`, no Word or LibreOffice; the file is the same for
//! the same response (fixed timestamps), and `import` reads it back into the same response.

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use quick_xml::escape::escape;

use super::labels::{Labels, Lang};
use super::text::{self, Block, Inline};
use super::{Check, Field, Item, Outline, Section, Table, Text, Value};
use crate::links;

/// The width of the text on an A4 page with 2.54 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 2 * 1440;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The document as the bytes of a `.docx` file.
pub fn write(outline: &Outline) -> Result<Vec<u8>, String> {
    let mut body = Body::new(outline.words);
    if let Some(findings) = &outline.draft {
        body.draft_notice(findings);
    }
    if let Some(other) = &outline.other_page {
        body.lang = other_lang(outline, other.lang);
        body.xml.push_str("<w:p>");
        body.link(other.name, other.href);
        body.xml.push_str("</w:p>");
    }
    for (index, preface) in outline.prefaces.iter().enumerate() {
        body.lang = other_lang(outline, preface.lang);
        body.heading(if index == 0 { 1 } else { 2 }, &preface.title);
        body.paragraph(&[Run::plain(preface.statute)]);
        for field in &preface.details {
            body.field(
                &format!("{}{}", outline.heading_mark(), field.label),
                &field.value,
            );
        }
    }
    for section in &outline.sections {
        body.lang = other_lang(outline, section.lang);
        body.section(section);
    }
    package(outline, &body)
}

/// Word's tag for a part in a language that is not the document's (its runs say so).
fn other_lang(outline: &Outline, lang: Lang) -> Option<&'static str> {
    (lang != outline.lang).then(|| lang.word_tag())
}

/// A run of text: bold or not.
struct Run<'a> {
    text: &'a str,
    bold: bool,
}

impl<'a> Run<'a> {
    fn plain(text: &'a str) -> Self {
        Run { text, bold: false }
    }
}

/// `word/document.xml`'s body, and the addresses its hyperlinks point to.
struct Body<'a> {
    xml: String,
    links: Vec<String>,
    /// The language of the part being written, when it is not the document's.
    lang: Option<&'static str>,
    /// The page's labels, for what the writer adds itself ("(no address)").
    words: &'a Labels,
}

impl<'a> Body<'a> {
    fn new(words: &'a Labels) -> Self {
        Body {
            xml: String::new(),
            links: Vec::new(),
            lang: None,
            words,
        }
    }

    fn run(&self, text: &str, bold: bool) -> String {
        run(text, bold, self.lang)
    }

    fn heading(&mut self, level: u8, text: &str) {
        let style = format!("Heading{}", level.clamp(1, 6));
        let text = text.trim().trim_end_matches(':');
        let _ = write!(
            self.xml,
            "<w:p>{}{}</w:p>",
            style_props(&style, None),
            self.run(text, false)
        );
    }

    fn paragraph(&mut self, runs: &[Run]) {
        self.xml.push_str("<w:p>");
        for r in runs {
            self.xml.push_str(&self.run(r.text, r.bold));
        }
        self.xml.push_str("</w:p>");
    }

    /// `Label: value` with the label in bold (the HTML page's `<dt>`); a text or a list of
    /// several names goes under the label.
    fn field(&mut self, label: &str, value: &Value) {
        let label = format!("{label}:");
        match value {
            Value::Text(t) => {
                self.paragraph(&[Run {
                    text: &label,
                    bold: true,
                }]);
                self.marked_text(*t, 4);
            }
            Value::List(items) if items.len() > 1 => {
                self.paragraph(&[Run {
                    text: &label,
                    bold: true,
                }]);
                for item in items {
                    self.list_item(0, item.trim());
                }
            }
            _ => {
                self.xml.push_str("<w:p>");
                self.xml.push_str(&self.run(&label, true));
                self.xml.push_str(&self.run(" ", false));
                self.value(value);
                self.xml.push_str("</w:p>");
            }
        }
    }

    /// A one-line value's runs.
    fn value(&mut self, value: &Value) {
        match value {
            Value::Line(s) => self.xml.push_str(&self.run(s.trim(), false)),
            Value::Date(d, lang) => {
                let date = self.run(&lang.date(*d), false);
                self.xml.push_str(&date);
            }
            Value::List(items) => {
                let joined: Vec<&str> = items.iter().map(|i| i.trim()).collect();
                self.xml.push_str(&self.run(&joined.join("; "), false));
            }
            Value::Link { text, url } => self.link(text.trim(), url.trim()),
            Value::Text(t) => self.in_language(t.foreign, |body| body.inline(t.words)),
        }
    }

    /// A hyperlink when the address is a web address; otherwise the text, and the address (or
    /// that there is none) written after it so a placeholder is visible, as on the HTML page.
    fn link(&mut self, text: &str, url: &str) {
        if links::is_web_address(url) {
            self.links.push(url.to_owned());
            let _ = write!(
                self.xml,
                "<w:hyperlink r:id=\"{}\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/>{}</w:rPr>{}</w:r></w:hyperlink>",
                link_id(self.links.len()),
                lang_element(self.lang),
                text_element(text)
            );
        } else if url.is_empty() {
            let shown = format!("{text} {}", self.words.no_address);
            self.xml.push_str(&self.run(&shown, false));
        } else {
            let shown = format!("{text} ({}: {url})", self.words.address);
            self.xml.push_str(&self.run(&shown, false));
        }
    }

    fn section(&mut self, section: &Section) {
        self.heading(2, &section.heading);
        if let Some(t) = section.text {
            self.marked_text(t, 3);
        }
        for item in &section.items {
            self.item(item);
        }
        if let Some(note) = section.note {
            self.paragraph(&[Run::plain(note)]);
        }
        if let Some(table) = &section.table {
            self.table(table);
        }
        for entry in &section.checklist {
            self.check(entry);
        }
    }

    fn item(&mut self, item: &Item) {
        self.heading(3, &item.heading);
        if let Some(t) = item.text {
            self.marked_text(t, 4);
        }
        for Field { label, value } in &item.fields {
            self.field(label, value);
        }
    }

    /// A response's text, its runs marked with its language when that is not its part's.
    fn marked_text(&mut self, t: Text, level: u8) {
        self.in_language(t.foreign, |body| body.text(t.words, level));
    }

    /// Writes with `write`, its runs in `lang` when one is given.
    fn in_language(&mut self, lang: Option<Lang>, write: impl FnOnce(&mut Self)) {
        let part = self.lang;
        if let Some(lang) = lang {
            self.lang = Some(lang.word_tag());
        }
        write(self);
        self.lang = part;
    }

    /// A response's text: paragraphs (lines kept with breaks), bullets, headings at `level`.
    fn text(&mut self, t: &str, level: u8) {
        for block in text::blocks(t) {
            match block {
                Block::Paragraph(p) => {
                    self.xml.push_str("<w:p>");
                    self.lines(&p);
                    self.xml.push_str("</w:p>");
                }
                Block::List(items) => items.iter().for_each(|i| self.list_item(0, i)),
                Block::Heading(title) => self.heading(level, &title),
            }
        }
    }

    /// A line's runs: bold where `**` marks it, links as hyperlinks.
    fn inline(&mut self, s: &str) {
        let mut bold = false;
        for piece in text::inlines(s) {
            match piece {
                Inline::Text(t) => self.xml.push_str(&self.run(t, bold)),
                Inline::Bold(on) => bold = on,
                Inline::Link(found) if found.bare => self.link(found.address, found.address),
                Inline::Link(found) => self.link(found.text, found.address),
            }
        }
    }

    /// A paragraph's lines as written, with a line break between them.
    fn lines(&mut self, text: &str) {
        for (i, line) in text.lines().enumerate() {
            if i > 0 {
                self.xml.push_str("<w:r><w:br/></w:r>");
            }
            self.inline(line.trim());
        }
    }

    fn list_item(&mut self, level: u8, text: &str) {
        let _ = write!(self.xml, "<w:p>{}", style_props("ListBullet", Some(level)));
        self.lines(text);
        self.xml.push_str("</w:p>");
    }

    fn check(&mut self, entry: &Check) {
        let line = match entry {
            Check::Step { label, done, .. } => {
                format!("{} {label}", if *done { '\u{2611}' } else { '\u{2610}' })
            }
            Check::Date { label, date, lang } => format!("{label}: {}", lang.date(*date)),
        };
        // The box is the item's mark: no bullet before it.
        self.paragraph(&[Run::plain(&line)]);
    }

    /// A table whose header row repeats on every printed page.
    fn table(&mut self, table: &Table) {
        let _ = write!(
            self.xml,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/><w:tblCaption w:val=\"{}\"/></w:tblPr>",
            xml_text(&table.label)
        );
        self.xml.push_str("<w:tblGrid>");
        for width in column_widths(table) {
            let _ = write!(self.xml, "<w:gridCol w:w=\"{width}\"/>");
        }
        self.xml.push_str("</w:tblGrid>");
        self.xml.push_str("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
        for h in &table.header {
            self.xml.push_str(&cell(h, true, self.lang));
        }
        self.xml.push_str("</w:tr>");
        for row in &table.rows {
            self.xml.push_str("<w:tr>");
            for text in row {
                self.xml.push_str(&cell(text, false, self.lang));
            }
            self.xml.push_str("</w:tr>");
        }
        self.xml.push_str("</w:tbl>");
    }

    fn draft_notice(&mut self, findings: &[String]) {
        let words = self.words;
        let open = if findings.is_empty() {
            format!(" {}", words.no_findings_left)
        } else {
            format!(" {} ({}):", words.open_findings, findings.len())
        };
        self.paragraph(&[
            Run {
                text: &words.draft_notice,
                bold: true,
            },
            Run::plain(&open),
        ]);
        for finding in findings {
            self.list_item(0, &finding.replace('\n', " "));
        }
    }
}

/// A table cell: 9 pt text and no space after it, so the rows stay compact.
fn cell(text: &str, bold: bool, lang: Option<&str>) -> String {
    let bold = if bold { "<w:b/>" } else { "" };
    let lang = lang_element(lang);
    let size = "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>";
    let runs = if text.is_empty() {
        String::new()
    } else {
        format!(
            "<w:r><w:rPr>{bold}{size}{lang}</w:rPr>{}</w:r>",
            text_element(text)
        )
    };
    format!("<w:tc><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr>{runs}</w:p></w:tc>")
}

/// The table's columns across the text width: each first gets room for its longest word (so no
/// word breaks across lines), then the rest goes to the columns with the longest cells, such
/// as an action's text.
fn column_widths(table: &Table) -> Vec<usize> {
    let cells = |i: usize| {
        std::iter::once(table.header[i]).chain(
            table
                .rows
                .iter()
                .filter_map(move |r| r.get(i).map(String::as_str)),
        )
    };
    let columns = 0..table.header.len();
    let longest_word = |i: usize| {
        cells(i)
            .flat_map(str::split_whitespace)
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(1)
            .min(20)
    };
    let average = |i: usize| {
        let (total, count) = cells(i).fold((0, 0), |(t, n), c| (t + c.chars().count(), n + 1));
        (total / count.max(1)).min(80)
    };
    let least: Vec<usize> = columns
        .clone()
        .map(|i| (longest_word(i) + 2) * CHAR_WIDTH)
        .collect();
    let needed: usize = least.iter().sum();
    if needed >= TEXT_WIDTH {
        return least.iter().map(|w| w * TEXT_WIDTH / needed).collect();
    }
    let weights: Vec<usize> = columns.map(average).collect();
    let total = weights.iter().sum::<usize>().max(1);
    least
        .iter()
        .zip(&weights)
        .map(|(w, weight)| w + (TEXT_WIDTH - needed) * weight / total)
        .collect()
}

/// About the width of a character of 9 pt Arial, in twentieths of a point.
const CHAR_WIDTH: usize = 100;

fn style_props(style: &str, list_level: Option<u8>) -> String {
    let numbering = list_level
        .map(|l| format!("<w:numPr><w:ilvl w:val=\"{l}\"/><w:numId w:val=\"1\"/></w:numPr>"))
        .unwrap_or_default();
    format!("<w:pPr><w:pStyle w:val=\"{style}\"/>{numbering}</w:pPr>")
}

/// A run of text, bold or not, marked as in `lang` when that is not the document's language.
fn run(text: &str, bold: bool, lang: Option<&str>) -> String {
    if text.is_empty() {
        return String::new();
    }
    let bold = if bold { "<w:b/>" } else { "" };
    let lang = lang_element(lang);
    let props = if bold.is_empty() && lang.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{bold}{lang}</w:rPr>")
    };
    format!("<w:r>{props}{}</w:r>", text_element(text))
}

fn lang_element(lang: Option<&str>) -> String {
    lang.map(|tag| format!("<w:lang w:val=\"{tag}\"/>"))
        .unwrap_or_default()
}

fn text_element(text: &str) -> String {
    format!("<w:t xml:space=\"preserve\">{}</w:t>", xml_text(text))
}

/// Text as XML character data: escaped, and only the characters XML 1.0 allows.
fn xml_text(s: &str) -> String {
    escape(xml_chars(s).as_str()).into_owned()
}

/// The characters XML 1.0 allows (a control character would make Word refuse the file).
fn xml_chars(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{fffe}' | '\u{ffff}'))
        })
        .collect()
}

fn link_id(n: usize) -> String {
    format!("rIdLink{n}")
}

/// The parts of the package, in a fixed order with fixed timestamps.
fn package(outline: &Outline, body: &Body) -> Result<Vec<u8>, String> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>{}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
        body.xml
    );
    let mut rels = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdNumbering\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>",
    );
    for (i, url) in body.links.iter().enumerate() {
        let _ = write!(
            rels,
            "<Relationship Id=\"{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"{}\" TargetMode=\"External\"/>",
            link_id(i + 1),
            xml_text(url)
        );
    }
    rels.push_str("</Relationships>");
    let core = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:language>{}</dc:language></cp:coreProperties>",
        xml_text(&outline.page_title),
        outline.lang.word_tag()
    );
    // The document's language is the page's: the default of every run.
    let styles = STYLES.replacen(
        "<w:lang w:val=\"en-GB\"",
        &format!("<w:lang w:val=\"{}\"", outline.lang.word_tag()),
        1,
    );
    let parts: [(&str, &str); 7] = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("docProps/core.xml", &core),
        ("word/document.xml", &document),
        ("word/_rels/document.xml.rels", &rels),
        ("word/styles.xml", &styles),
        ("word/numbering.xml", NUMBERING),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let failed = |e: &dyn std::fmt::Display| format!("cannot write the Word document: {e}");
    for (name, content) in parts {
        zip.start_file(name, options).map_err(|e| failed(&e))?;
        zip.write_all(content.as_bytes()).map_err(|e| failed(&e))?;
    }
    zip.finish().map(Cursor::into_inner).map_err(|e| failed(&e))
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>";

const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>";

/// Word's built-in style names ("heading 1", "List Bullet", ...), so Word's navigation pane,
/// its accessibility checker and a PDF export's bookmarks all see the headings; British English
/// for the whole document; Arial 12 pt, as GOV.UK's guidance on documents suggests.
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"en-GB\" w:eastAsia=\"en-GB\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"240\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"40\"/><w:szCs w:val=\"40\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"360\" w:after=\"160\"/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"2\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading4\"><w:name w:val=\"heading 4\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"200\" w:after=\"120\"/><w:outlineLvl w:val=\"3\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"80\"/></w:pPr></w:style>\
<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:rPr><w:color w:val=\"1D70B8\"/><w:u w:val=\"single\"/></w:rPr></w:style>\
<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/></w:tblBorders></w:tblPr></w:style></w:styles>";

const NUMBERING: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{25e6}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"1440\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(
            run("a < b & \"c\"\u{1}", true, None),
            "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">a &lt; b &amp; &quot;c&quot;</w:t></w:r>"
        );
        assert_eq!(run("", false, None), "");
    }

    #[test]
    fn a_text_becomes_paragraphs_lists_headings_and_links() {
        let mut body = Body::new(&Labels::ENGLISH);
        body.text(
            "One **bold**\nline two\n\n- item [the report](https://x.gov.uk/r)\n\n## Next",
            3,
        );
        assert!(body.xml.contains("<w:r><w:br/></w:r>"), "{}", body.xml);
        assert!(
            body.xml
                .contains("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">bold</w:t></w:r>")
        );
        assert!(
            body.xml
                .contains("<w:pStyle w:val=\"ListBullet\"/><w:numPr><w:ilvl w:val=\"0\"/>")
        );
        assert!(body.xml.contains("<w:hyperlink r:id=\"rIdLink1\">"));
        assert!(body.xml.contains("<w:pStyle w:val=\"Heading3\"/>"));
        assert_eq!(body.links, ["https://x.gov.uk/r"]);
    }
}
