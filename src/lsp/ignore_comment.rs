//! Inside an ignore comment's list, `# section55: ignore[deadline-off-by-one]`: hover on a rule
//! name shows its documentation (the page `docs/rules/NAME.md` is made from), and completion
//! offers the rule names. Called first by `hover` and `completion`; `None` anywhere else.

use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, Hover, HoverContents,
    MarkupContent, MarkupKind, TextEdit,
};

use super::position::Converter;
use crate::diagnostic::{Pos, Span};
use crate::rules::{self, IgnoreSlot};

fn slot(conv: &Converter, pos: Pos) -> Option<IgnoreSlot> {
    rules::ignore_slot_at(conv.line(pos.line), pos.col)
}

fn span(pos: Pos, slot: &IgnoreSlot) -> Span {
    Span::new(Pos::new(pos.line, slot.start), Pos::new(pos.line, slot.end))
}

fn markdown(value: String) -> MarkupContent {
    MarkupContent {
        kind: MarkupKind::Markdown,
        value,
    }
}

/// The documentation of the rule named under the cursor.
pub fn hover(conv: &Converter, pos: Pos) -> Option<Hover> {
    let slot = slot(conv, pos)?;
    let rule = rules::find(&slot.name)?;
    Some(Hover {
        contents: HoverContents::Markup(markdown(rules::doc_markdown(rule))),
        range: Some(conv.range(span(pos, &slot))),
    })
}

/// Every rule name, replacing the name being typed. `None` outside an ignore list.
pub fn complete(conv: &Converter, pos: Pos) -> Option<Vec<CompletionItem>> {
    let slot = slot(conv, pos)?;
    let range = conv.range(span(pos, &slot));
    let items = rules::all()
        .iter()
        .map(|rule| CompletionItem {
            label: rule.name.to_owned(),
            kind: Some(CompletionItemKind::ENUM_MEMBER),
            detail: Some(format!(
                "{} ({})",
                rule.summary,
                crate::rules::default_level(rule)
            )),
            documentation: Some(Documentation::MarkupContent(markdown(rules::doc_markdown(
                rule,
            )))),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                range,
                new_text: rule.name.to_owned(),
            })),
            ..CompletionItem::default()
        })
        .collect();
    Some(items)
}
