//! The outline as one standalone HTML page: semantic headings, `lang="en-GB"` (or `"cy"`, and
//! `lang` on each part in the other language of a bilingual page), a skip link and
//! a visible keyboard focus, a contents list for longer responses, no scripts and no external
//! assets (the style sheet is inline), readable on screen, on a phone and on paper. Every piece of
//! text from the file is escaped; texts are read as a small subset of Markdown (paragraphs,
//! bullet lists, bold, links) because that is how offices write them.

use std::fmt::Write as _;

use super::labels::{Labels, Lang};
use super::text::{self, Block, Inline};
use super::{Check, Field, Item, Outline, Preface, Section, Table, Text, Value};
use crate::links;

const STYLE: &str = "
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #1b1b1b; font: 1rem/1.55 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid #b1b4b6; }
h3 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
p, ul { margin: 0 0 .9rem; }
.statute { color: #3d3d3d; }
.other-language { margin: 0 0 1rem; text-align: right; }
dl { margin: 0 0 1rem; }
.details { display: grid; grid-template-columns: max-content 1fr; gap: .45rem 1.25rem; padding: 1rem 1.25rem; background: #f3f2f1; border-left: 4px solid #1d70b8; }
.details dt { font-weight: 600; }
.details dd { margin: 0; }
.details ul { margin: 0; padding-left: 1.1rem; }
.attributes > div { margin: 0 0 .4rem; }
.attributes dt { display: inline; font-weight: 600; }
.attributes dt::after { content: ':'; }
.attributes dd { display: inline; margin: 0; }
.attributes dd > p:first-child { display: inline; }
.note { font-style: italic; }
.checklist { list-style: none; padding-left: 0; }
.checklist li { margin: 0 0 .35rem; padding-left: 1.9rem; text-indent: -1.9rem; }
.tick { display: inline-block; box-sizing: border-box; width: 1.25rem; height: 1.25rem; margin-right: .65rem; border: 2px solid #1b1b1b; line-height: 1rem; text-align: center; text-indent: 0; font-weight: 700; vertical-align: -.2rem; }
.tick.spacer { border-color: transparent; }
.table { overflow-x: auto; margin: 0 0 1rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { border: 1px solid #b1b4b6; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f2f1; }
a { color: #1d4f91; }
a:focus-visible { outline: 3px solid #ffdd00; outline-offset: 0; background: #ffdd00; color: #0b0c0c; box-shadow: 0 4px #0b0c0c; text-decoration: none; }
.skip-link { position: absolute; left: -9999px; top: 0; padding: .5rem .75rem; }
.skip-link:focus-visible { left: .5rem; top: .5rem; }
.contents ol { margin: 0 0 1rem; padding-left: 1.5rem; }
.contents li { margin: 0 0 .3rem; }
@media (max-width: 36rem) { .details { grid-template-columns: 1fr; } .details dd { margin-bottom: .5rem; } }
@media print {
  main { max-width: none; padding: 0; }
  .details { background: none; border: 1px solid #b1b4b6; }
  h2, h3 { break-after: avoid; }
  a[href^='http']::after { content: ' (' attr(href) ')'; font-size: .85em; word-break: break-all; }
  .skip-link, .contents { display: none; }
}
";

/// Added for drafts only, so a published page carries nothing of them.
const DRAFT_STYLE: &str = "\
.draft-notice { padding: 1rem 1.25rem; margin: 0 0 1.5rem; border: 3px solid #d4351c; }
.draft-notice ul { margin: .5rem 0 0; }
.draft-mark { position: fixed; top: .5rem; right: .75rem; color: #d4351c; font-weight: 700; letter-spacing: .1em; }
";

pub fn write(outline: &Outline) -> String {
    let words = outline.words;
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}{}</style>\n</head>\n<body>\n\
         <a class=\"skip-link\" href=\"#response\">{}</a>\n\
         <main id=\"response\" tabindex=\"-1\">\n",
        outline.lang.tag(),
        escape(&outline.page_title),
        if outline.draft.is_some() {
            DRAFT_STYLE
        } else {
            ""
        },
        escape(&words.skip_link),
    );
    if let Some(findings) = &outline.draft {
        html.push_str(&draft_notice(words, findings));
    }
    if let Some(other) = &outline.other_page {
        let tag = other.lang.tag();
        let _ = writeln!(
            html,
            "<p class=\"other-language\"><a href=\"{}\" hreflang=\"{tag}\" lang=\"{tag}\">{}</a></p>",
            escape(other.href),
            escape(other.name)
        );
    }
    for (index, preface) in outline.prefaces.iter().enumerate() {
        write_preface(&mut html, outline, preface, index);
    }
    if outline.sections.len() >= CONTENTS_FROM {
        html.push_str(&contents(outline));
    }
    for (index, section) in outline.sections.iter().enumerate() {
        write_section(&mut html, outline, section, index + 1);
    }
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

/// ` lang="cy"` on a part whose language is not the page's.
fn lang_attribute(outline: &Outline, lang: Lang) -> String {
    if lang == outline.lang {
        String::new()
    } else {
        format!(" lang=\"{}\"", lang.tag())
    }
}

/// The title (the page's heading for the first preface, a part's for a bilingual page's
/// second), the statute and the report's details.
fn write_preface(html: &mut String, outline: &Outline, preface: &Preface, index: usize) {
    let lang = lang_attribute(outline, preface.lang);
    if index == 0 {
        let _ = writeln!(html, "<h1>{}</h1>", escape(&preface.title));
    } else {
        let id = format!("preface-{}", index + 1);
        let _ = writeln!(
            html,
            "<section{lang} aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>",
            escape(&preface.title)
        );
    }
    let _ = writeln!(html, "<p class=\"statute\">{}</p>", escape(preface.statute));
    html.push_str("<dl class=\"details\">\n");
    for field in &preface.details {
        let _ = writeln!(
            html,
            "<dt>{}{}</dt><dd>{}</dd>",
            outline.heading_mark(),
            escape(field.label),
            value(&field.value)
        );
    }
    html.push_str("</dl>\n");
    if index > 0 {
        html.push_str("</section>\n");
    }
}

/// A page with this many sections or more starts with a list of them, so a reader (and a screen
/// reader's user) can go straight to the body's or the chief constable's comments.
const CONTENTS_FROM: usize = 4;

fn contents(outline: &Outline) -> String {
    let mut html = format!(
        "<nav class=\"contents\" aria-labelledby=\"contents\">\n<h2 id=\"contents\">{}{}</h2>\n<ol>\n",
        outline.heading_mark(),
        escape(&outline.words.contents)
    );
    for (index, section) in outline.sections.iter().enumerate() {
        let _ = writeln!(
            html,
            "<li{}><a href=\"#{}\">{}</a></li>",
            lang_attribute(outline, section.lang),
            section_id(index + 1),
            heading(&section.heading)
        );
    }
    html.push_str("</ol>\n</nav>\n");
    html
}

fn section_id(number: usize) -> String {
    format!("section-{number}")
}

/// A draft's notice and open findings, and a mark that a printer repeats on every page (a fixed
/// element prints on each page).
fn draft_notice(words: &Labels, findings: &[String]) -> String {
    let mut html = format!(
        "<div class=\"draft-mark\" aria-hidden=\"true\">{}</div>\n<div class=\"draft-notice\" role=\"note\">\n<p><strong>{}</strong> ",
        escape(&words.draft_word),
        escape(&words.draft_notice)
    );
    if findings.is_empty() {
        html.push_str(&escape(&words.no_findings_left));
        html.push_str("</p>\n");
    } else {
        let _ = writeln!(
            html,
            "{} ({}):</p>\n<ul>",
            escape(&words.open_findings),
            findings.len()
        );
        for finding in findings {
            let _ = writeln!(html, "<li>{}</li>", escape(finding));
        }
        html.push_str("</ul>\n");
    }
    html.push_str("</div>\n");
    html
}

fn write_section(html: &mut String, outline: &Outline, section: &Section, number: usize) {
    let id = section_id(number);
    let _ = writeln!(
        html,
        "<section{} aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>",
        lang_attribute(outline, section.lang),
        heading(&section.heading)
    );
    if let Some(t) = section.text {
        html.push_str(&marked_text(t, 3));
    }
    for item in &section.items {
        write_item(html, item);
    }
    if let Some(note) = section.note {
        let _ = writeln!(html, "<p class=\"note\">{}</p>", escape(note));
    }
    if let Some(t) = &section.table {
        html.push_str(&table(t));
    }
    if !section.checklist.is_empty() {
        html.push_str("<ul class=\"checklist\">\n");
        for entry in &section.checklist {
            let _ = writeln!(html, "<li>{}</li>", check(entry));
        }
        html.push_str("</ul>\n");
    }
    html.push_str("</section>\n");
}

/// A table with column headers, in a box that scrolls sideways on a narrow screen.
pub fn table(table: &Table) -> String {
    // Focusable, so a keyboard can scroll it when it is wider than the screen.
    let mut html = format!(
        "<div class=\"table\" role=\"region\" aria-label=\"{0}\" tabindex=\"0\"><table>\n<caption class=\"visually-hidden\">{0}</caption>\n<thead><tr>",
        escape(&table.label)
    );
    for h in &table.header {
        let _ = write!(html, "<th scope=\"col\">{}</th>", escape(h));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        html.push_str("<tr>");
        for cell in row {
            let _ = write!(html, "<td>{}</td>", escape(cell));
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table></div>\n");
    html
}

fn write_item(html: &mut String, item: &Item) {
    let _ = writeln!(html, "<h3>{}</h3>", heading(&item.heading));
    if let Some(t) = item.text {
        html.push_str(&marked_text(t, 4));
    }
    if !item.fields.is_empty() {
        html.push_str("<dl class=\"attributes\">\n");
        for field in &item.fields {
            html.push_str(&attribute(field));
        }
        html.push_str("</dl>\n");
    }
}

fn attribute(field: &Field) -> String {
    let value = match &field.value {
        Value::List(items) => escape(&items.join("; ")),
        other => value(other),
    };
    format!(
        "<div><dt>{}</dt> <dd>{}</dd></div>\n",
        escape(field.label),
        value
    )
}

/// Headings without the template's trailing colon.
fn heading(text: &str) -> String {
    escape(text.trim().trim_end_matches(':'))
}

fn value(value: &Value) -> String {
    match value {
        Value::Line(s) => escape(s),
        Value::Date(d, lang) => date(*d, *lang),
        Value::List(items) if items.len() == 1 => escape(items[0]),
        Value::List(items) => {
            let items: String = items
                .iter()
                .map(|i| format!("<li>{}</li>", escape(i)))
                .collect();
            format!("<ul>{items}</ul>")
        }
        Value::Link { text, url } => link(text, url),
        Value::Text(t) => marked_text(*t, 4),
    }
}

fn date(d: chrono::NaiveDate, lang: Lang) -> String {
    format!(
        "<time datetime=\"{}\">{}</time>",
        d.format("%Y-%m-%d"),
        escape(&lang.date(d))
    )
}

fn check(entry: &Check) -> String {
    match entry {
        // A drawn box rather than a disabled form control: it prints, and screen readers hear
        // "done" or "not done" instead of an inert control.
        Check::Step {
            label,
            done,
            spoken,
        } => format!(
            "<span class=\"tick\" role=\"img\" aria-label=\"{}\">{}</span>{}",
            escape(spoken),
            if *done { "\u{2713}" } else { "" },
            escape(label)
        ),
        Check::Date {
            label,
            date: d,
            lang,
        } => format!(
            "<span class=\"tick spacer\" aria-hidden=\"true\"></span>{}: {}",
            escape(label),
            date(*d, *lang)
        ),
    }
}

/// A link when the address is a web address; otherwise the text, with the address shown so a
/// placeholder such as `#` is visible rather than silently dead.
fn link(text: &str, url: &str) -> String {
    let url = url.trim();
    if links::is_web_address(url) {
        format!("<a href=\"{}\">{}</a>", escape(url), escape(text))
    } else if url.is_empty() {
        escape(text)
    } else {
        format!("{} (address: <code>{}</code>)", escape(text), escape(url))
    }
}

/// A link read from a text: a bare address shows itself.
fn anchor(found: &links::Link) -> String {
    if found.bare {
        format!("<a href=\"{0}\">{0}</a>", escape(found.address))
    } else {
        link(found.text, found.address)
    }
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A response's text, marked with its language when that is not its part's.
fn marked_text(t: Text, level: u8) -> String {
    match t.foreign {
        Some(lang) => format!(
            "<div lang=\"{}\">\n{}</div>\n",
            lang.tag(),
            text(t.words, level)
        ),
        None => text(t.words, level),
    }
}

/// A text as paragraphs and bullet lists; a heading inside a text becomes a heading at `level`
/// (one below the section or item that holds it), so the page's outline stays intact and a
/// screen reader can move to it.
pub fn text(t: &str, level: u8) -> String {
    let mut html = String::new();
    let level = level.clamp(1, 6);
    for block in text::blocks(t) {
        match block {
            Block::List(items) => {
                html.push_str("<ul>\n");
                for item in items {
                    let _ = writeln!(html, "<li>{}</li>", inline(&item));
                }
                html.push_str("</ul>\n");
            }
            Block::Heading(title) => {
                let _ = writeln!(html, "<h{level}>{}</h{level}>", inline(&title));
            }
            Block::Paragraph(p) => {
                let _ = writeln!(html, "<p>{}</p>", inline(&p));
            }
        }
    }
    html
}

/// Escapes a run of text, keeping `**bold**`, `[text](address)` and bare web addresses.
fn inline(s: &str) -> String {
    let mut html = String::new();
    for piece in text::inlines(s) {
        match piece {
            Inline::Text(t) => html.push_str(&escape(t)),
            Inline::Bold(true) => html.push_str("<strong>"),
            Inline::Bold(false) => html.push_str("</strong>"),
            Inline::Link(found) => html.push_str(&anchor(&found)),
        }
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_without_links_stay_text() {
        assert_eq!(
            inline("[[a](https://x.gov.uk) [b] (c) [d]("),
            "[<a href=\"https://x.gov.uk\">a</a> [b] (c) [d]("
        );
        let many = "[a](".repeat(10_000);
        assert_eq!(inline(&many), many);
    }

    #[test]
    fn escapes_everything() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(
            inline("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
    }

    #[test]
    fn reads_a_little_markdown() {
        assert_eq!(inline("a **b** c"), "a <strong>b</strong> c");
        assert_eq!(inline("2 ** 3"), "2 ** 3");
        assert_eq!(
            inline("[the report](https://x.gov.uk/a?b=1&c=2)."),
            "<a href=\"https://x.gov.uk/a?b=1&amp;c=2\">the report</a>."
        );
        assert_eq!(
            inline("see https://x.gov.uk/r."),
            "see <a href=\"https://x.gov.uk/r\">https://x.gov.uk/r</a>."
        );
        assert_eq!(
            inline("[x](javascript:alert(1))"),
            "x (address: <code>javascript:alert(1</code>))"
        );
        assert_eq!(
            text("one\ntwo\n\n- a\n- b\n", 3),
            "<p>one\ntwo</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"
        );
        assert_eq!(text("### **Background**", 4), "<h4>Background</h4>\n");
    }
}
