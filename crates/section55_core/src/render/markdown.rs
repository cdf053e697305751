//! The outline as Markdown, in the template's shape: bold headings ending in a colon for the
//! report's details and items, the value on the following paragraph, `**Label:** value` lines for
//! an item's attributes, and the office-use checklist as a task list. Texts are written as they
//! are (they are Markdown already), so `import` reads them back unchanged.

use super::{Check, Field, Item, Outline, Section, Table, Value, labels};
use crate::dates;

pub fn write(outline: &Outline) -> String {
    let mut blocks = outline
        .draft
        .as_deref()
        .map(draft_notice)
        .into_iter()
        .collect::<Vec<_>>();
    blocks.extend([heading(2, &outline.title), outline.statute.to_owned()]);
    for field in &outline.details {
        blocks.push(heading(
            3,
            &format!("{}{}:", outline.heading_mark(), field.label),
        ));
        blocks.push(block_value(&field.value));
    }
    for section in &outline.sections {
        section_blocks(section, &mut blocks);
    }
    let mut text = blocks.join("\n\n");
    text.push('\n');
    text
}

/// A draft's first block: the notice and the open findings.
fn draft_notice(findings: &[String]) -> String {
    let mut block = format!("**{}**", labels::DRAFT_NOTICE);
    if findings.is_empty() {
        block.push(' ');
        block.push_str(labels::NO_FINDINGS_LEFT);
    } else {
        block.push_str(&format!(" Open findings ({}):\n", findings.len()));
        for finding in findings {
            block.push_str(&format!("\n- {}", finding.replace('\n', " ")));
        }
    }
    block
}

fn section_blocks(section: &Section, blocks: &mut Vec<String>) {
    blocks.push(heading(section.level, &section.heading));
    blocks.extend(section.text.map(text).filter(|t| !t.is_empty()));
    for item in &section.items {
        item_blocks(item, section.level + 1, blocks);
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

fn item_blocks(item: &Item, level: u8, blocks: &mut Vec<String>) {
    blocks.push(heading(level, &item.heading));
    blocks.extend(item.text.map(text).filter(|t| !t.is_empty()));
    blocks.extend(item.fields.iter().map(inline_field));
}

/// `### **Text**`, the template's bold headings.
fn heading(level: u8, text: &str) -> String {
    format!(
        "{} **{}**",
        "#".repeat(usize::from(level.clamp(1, 6))),
        text.trim()
    )
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
        Value::Date(d) => dates::long(*d),
        Value::List(items) => items
            .iter()
            .map(|i| i.trim())
            .collect::<Vec<_>>()
            .join("; "),
        Value::Link { text, url } => link(text, url),
        Value::Text(t) => text(t),
    }
}

/// `**Label:** value`, or the label on its own line when the value runs to several lines.
fn inline_field(field: &Field) -> String {
    let value = inline_value(&field.value);
    if value.contains('\n') {
        format!("**{}:**\n\n{value}", field.label)
    } else {
        format!("**{}:** {value}", field.label)
            .trim_end()
            .to_owned()
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
        Check::Step { label, done: true } => format!("- [x] {label}"),
        Check::Step { label, done: false } => format!("- [ ] {label}"),
        Check::Date { label, date } => format!("- {label}: {}", dates::long(*date)),
    }
}
