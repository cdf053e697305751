//! The outline as Markdown, in one of two styles ([`Style`]):
//!
//! - **plain** (the default): semantic headings only — `#` for the title, `##` for every section
//!   and `###` for every item, as the HTML page nests them — and the report's details and an
//!   item's attributes as `**Label:** value` lines. No bold text stands in for a heading, which
//!   screen readers cannot navigate by (GOV.UK's guidance on headings).
//! - **template**: the OPCC template's shape, as offices have published it: bold headings ending in
//!   a colon for the report's details and items, the value on the following paragraph, and the
//!   template's heading levels.
//!
//! Texts are written as they are (they are Markdown already), and the office-use checklist is a
//! task list, so `import` reads either style back unchanged.

use super::labels::Labels;
use super::{Check, Field, Item, Outline, Section, Style, Table, Value};

pub fn write(outline: &Outline, style: Style) -> String {
    let mut blocks = outline
        .draft
        .as_deref()
        .map(|findings| draft_notice(outline.words, findings))
        .into_iter()
        .collect::<Vec<_>>();
    blocks.extend(outline.other_page.as_ref().map(|o| link(o.name, o.href)));
    let top = match style {
        Style::Plain => 1,
        Style::Template => 2,
    };
    // A bilingual page's second preface is a part under the first title, one level down.
    for (index, preface) in outline.prefaces.iter().enumerate() {
        let level = if index == 0 { top } else { top + 1 };
        blocks.extend([
            heading(style, level, &preface.title),
            preface.statute.to_owned(),
        ]);
        for field in &preface.details {
            let label = format!("{}{}", outline.heading_mark(), field.label);
            match style {
                Style::Plain => blocks.push(detail(&label, &field.value)),
                Style::Template => {
                    blocks.push(heading(style, 3, &format!("{label}:")));
                    blocks.push(block_value(&field.value));
                }
            }
        }
    }
    for section in &outline.sections {
        section_blocks(section, style, &mut blocks);
    }
    let mut text = blocks.join("\n\n");
    text.push('\n');
    text
}

/// A draft's first block: the notice and the open findings.
fn draft_notice(words: &Labels, findings: &[String]) -> String {
    let mut block = format!("**{}**", words.draft_notice);
    if findings.is_empty() {
        block.push(' ');
        block.push_str(&words.no_findings_left);
    } else {
        block.push_str(&format!(" {} ({}):\n", words.open_findings, findings.len()));
        for finding in findings {
            block.push_str(&format!("\n- {}", finding.replace('\n', " ")));
        }
    }
    block
}

fn section_blocks(section: &Section, style: Style, blocks: &mut Vec<String>) {
    // The plain style nests every section alike; the template's own levels differ by section.
    let level = match style {
        Style::Plain => 2,
        Style::Template => section.level,
    };
    blocks.push(heading(style, level, &section.heading));
    blocks.extend(
        section
            .text
            .map(|t| text(t.words))
            .filter(|t| !t.is_empty()),
    );
    for item in &section.items {
        item_blocks(item, style, level + 1, blocks);
    }
    blocks.extend(section.note.map(str::to_owned));
    blocks.extend(section.table.as_ref().map(table));
    if !section.checklist.is_empty() {
        blocks.push(
            section
                .checklist
                .iter()
                .map(check)
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
}

/// A pipe table; cells are one line already, and a `|` in one is escaped.
fn table(table: &Table) -> String {
    let row = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    let cell = |c: &String| c.replace('|', "\\|");
    let mut lines = vec![
        row(table.header.iter().map(|h| h.to_string()).collect()),
        row(table.header.iter().map(|_| "---".to_owned()).collect()),
    ];
    lines.extend(table.rows.iter().map(|r| row(r.iter().map(cell).collect())));
    lines.join("\n")
}

fn item_blocks(item: &Item, style: Style, level: u8, blocks: &mut Vec<String>) {
    blocks.push(heading(style, level, &item.heading));
    blocks.extend(item.text.map(|t| text(t.words)).filter(|t| !t.is_empty()));
    blocks.extend(item.fields.iter().map(inline_field));
}

/// `### Text` (plain: no trailing colon), or `### **Text**`, the template's bold headings.
fn heading(style: Style, level: u8, text: &str) -> String {
    let marks = "#".repeat(usize::from(level.clamp(1, 6)));
    match style {
        Style::Plain => format!("{marks} {}", text.trim().trim_end_matches(':')),
        Style::Template => format!("{marks} **{}**", text.trim()),
    }
}

/// A value as the paragraph under its heading.
fn block_value(value: &Value) -> String {
    match value {
        Value::List(items) if items.len() != 1 => items
            .iter()
            .map(|i| format!("- {}", i.trim()))
            .collect::<Vec<_>>()
            .join("\n"),
        _ => inline_value(value),
    }
}

/// A value on one line (lists separated by semicolons), or a text as it is.
fn inline_value(value: &Value) -> String {
    match value {
        Value::Line(s) => s.trim().to_owned(),
        Value::Date(d, lang) => lang.date(*d),
        Value::List(items) => items
            .iter()
            .map(|i| i.trim())
            .collect::<Vec<_>>()
            .join("; "),
        Value::Link { text, url } => link(text, url),
        Value::Text(t) => text(t.words),
    }
}

/// An item's attribute: `**Label:** value`, lists on one line.
fn inline_field(field: &Field) -> String {
    labelled(field.label, &inline_value(&field.value))
}

/// A detail of the report in the plain style: `**Label:** value`, a list of several names as
/// bullets under the label.
fn detail(label: &str, value: &Value) -> String {
    labelled(label, &block_value(value))
}

/// `**Label:** value`, or the label on its own line when the value runs to several lines.
fn labelled(label: &str, value: &str) -> String {
    if value.contains('\n') {
        format!("**{label}:**\n\n{value}")
    } else {
        format!("**{label}:** {value}").trim_end().to_owned()
    }
}

fn text(t: &str) -> String {
    t.trim().to_owned()
}

/// `[text](url)`; the address goes in angle brackets when it has spaces or brackets, so it
/// survives as one address.
fn link(text: &str, url: &str) -> String {
    let text = text.trim().replace('[', "\\[").replace(']', "\\]");
    let url = url.trim();
    if url.contains(|c: char| c.is_whitespace() || "()<>".contains(c)) {
        format!("[{text}](<{url}>)")
    } else {
        format!("[{text}]({url})")
    }
}

fn check(check: &Check) -> String {
    match check {
        Check::Step {
            label, done: true, ..
        } => format!("- [x] {label}"),
        Check::Step {
            label, done: false, ..
        } => format!("- [ ] {label}"),
        Check::Date { label, date, lang } => format!("- {label}: {}", lang.date(*date)),
    }
}
