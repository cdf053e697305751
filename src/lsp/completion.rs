//! Completion by context, read from the line and the indentation around the cursor (so it works
//! while the text is mid-edit and not valid YAML), with facts — ids, dates, the force — from the
//! tree, or the last tree that parsed:
//!
//! - keys the mapping at the cursor allows and does not have yet, whole sections as snippets
//!   indented to fit;
//! - `force` and `inspection.forces`: full names, the local policing body as detail;
//! - `policing_body`: the current force's body first;
//! - publication types in flow (`[a, b]`) and block (`- a`) lists;
//! - `status` values; recommendation and area-for-improvement ids inside `responses`, their text
//!   as documentation, unanswered ones first;
//! - `response_deadline`: the computed date first; other dates: today, or the date a
//!   recommendation's text states;
//! - booleans (`office_use`).

use chrono::NaiveDate;
use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, InsertTextFormat,
    InsertTextMode, MarkupContent, MarkupKind, Position, Range, TextEdit,
};

use super::facts;
use super::position::{Converter, Encoding};
use super::schema_info::{self, KeyInfo};
use super::state::Snapshot;
use crate::catalogue::{self, ForceKind};
use crate::dates;
use crate::diagnostic::Pos;
use crate::document::Node;
use crate::document::lenient::{self as context, Cursor, Seg, pattern};
use crate::facts::progress;
use crate::template::{self, Fill};

/// What the client's completion supports.
#[derive(Clone, Copy, Debug, Default)]
pub struct Support {
    pub snippets: bool,
    /// `insertTextMode: asIs`: the client inserts our indentation unchanged.
    pub as_is: bool,
}

pub fn complete(
    snapshot: &Snapshot,
    encoding: Encoding,
    position: Position,
    support: Support,
) -> Vec<CompletionItem> {
    if !snapshot.is_response {
        return Vec::new();
    }
    let conv = snapshot.converter(encoding);
    let pos = conv.pos(position);
    if let Some(names) = super::ignore_comment::complete(&conv, pos) {
        return names;
    }
    let ctx = Ctx {
        snapshot,
        conv,
        pos,
        support,
        today: snapshot.today,
    };
    match context::cursor(&snapshot.text, pos.line, pos.col) {
        Cursor::Key {
            path,
            col,
            typed: _,
            end,
            has_colon,
            item_start,
        } => {
            if !schema_info::is_object(&path) {
                // `- ` in a list of names: the item is a value.
                if item_start && path.last() == Some(&Seg::Item) {
                    let line = context::shape(conv.line(pos.line));
                    let end = (line.value_col + line.value.chars().count()).max(pos.col as usize);
                    return ctx.values(&path, col, end, false, false);
                }
                return Vec::new();
            }
            let present = context::sibling_keys(&snapshot.text, pos.line, col, item_start);
            ctx.keys(&path, col, end, has_colon, &present)
        }
        Cursor::Value {
            path,
            start,
            end,
            typed: _,
            flow,
            needs_space,
        } => ctx.values(&path, start, end, flow, needs_space),
        Cursor::Nothing => Vec::new(),
    }
}

struct Ctx<'a> {
    snapshot: &'a Snapshot,
    conv: Converter<'a>,
    pos: Pos,
    support: Support,
    today: NaiveDate,
}

impl Ctx<'_> {
    fn facts(&self) -> Option<&Node> {
        self.snapshot.facts_tree()
    }

    fn range(&self, start: usize, end: usize) -> Range {
        Range {
            start: self.conv.position(Pos::new(self.pos.line, start as u32)),
            end: self.conv.position(Pos::new(self.pos.line, end as u32)),
        }
    }

    fn item(
        &self,
        label: String,
        kind: CompletionItemKind,
        new_text: String,
        range: Range,
    ) -> CompletionItem {
        CompletionItem {
            label,
            kind: Some(kind),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit { range, new_text })),
            ..CompletionItem::default()
        }
    }

    // ---- keys ----

    fn keys(
        &self,
        path: &[Seg],
        col: usize,
        end: usize,
        has_colon: bool,
        present: &[String],
    ) -> Vec<CompletionItem> {
        let range = self.range(col, end);
        schema_info::keys(path)
            .into_iter()
            .enumerate()
            .filter(|(_, k)| !present.iter().any(|p| p == k.name))
            .map(|(i, key)| self.key_item(path, &key, i, col, range, has_colon))
            .collect()
    }

    fn key_item(
        &self,
        path: &[Seg],
        key: &KeyInfo,
        order: usize,
        col: usize,
        range: Range,
        has_colon: bool,
    ) -> CompletionItem {
        let mut full = path.to_vec();
        full.push(Seg::Key(key.name.to_owned()));
        let section = facts::section_title(&pattern(&full));
        let detail = match (section, key.required) {
            (Some(title), true) => format!("{title} (required)"),
            (Some(title), false) => format!("{title} (optional)"),
            (None, true) => "required".to_owned(),
            (None, false) => "optional".to_owned(),
        };
        let structured = matches!(schema_info::type_at(&full), Some("object" | "array"));
        let kind = if structured {
            CompletionItemKind::MODULE
        } else {
            CompletionItemKind::PROPERTY
        };
        let mut item = if has_colon {
            self.item(key.name.to_owned(), kind, key.name.to_owned(), range)
        } else {
            let snippet = self.key_snippet(path, key.name);
            let text = reindent(&snippet, col, self.snapshot.newline());
            let mut item = self.item(key.name.to_owned(), kind, self.snippet_text(&text), range);
            if self.support.snippets {
                item.insert_text_format = Some(InsertTextFormat::SNIPPET);
            }
            if self.support.as_is {
                item.insert_text_mode = Some(InsertTextMode::AS_IS);
            }
            item
        };
        item.detail = Some(detail);
        item.documentation = markdown(key.description);
        item.sort_text = Some(format!("{}{order:02}", if key.required { 0 } else { 1 }));
        item.filter_text = Some(key.name.to_owned());
        item
    }

    fn snippet_text(&self, snippet: &str) -> String {
        if self.support.snippets {
            snippet.to_owned()
        } else {
            plain(snippet)
        }
    }

    /// The text a key inserts, as a snippet whose lines after the first are indented relative
    /// to the key (two spaces a level).
    fn key_snippet(&self, path: &[Seg], key: &str) -> String {
        let mut full = path.to_vec();
        full.push(Seg::Key(key.to_owned()));
        let tree = self.facts();
        let statuses = "${1|accepted,partially-accepted,not-accepted,not-applicable|}";
        let next_id = |list: &str| {
            tree.map_or(1, |t| {
                facts::items(t, list)
                    .iter()
                    .map(|(id, _)| *id)
                    .max()
                    .unwrap_or(0)
                    + 1
            })
        };
        let force = tree
            .and_then(|t| t.get("force"))
            .and_then(Node::as_str)
            .map(str::to_owned);
        let deadline = tree
            .and_then(facts::deadline)
            .and_then(|d| d.last_day)
            .map(iso);
        let value = |name: &str| match name {
            "force" => force.clone(),
            "deadline" => Some(deadline.clone().unwrap_or_else(|| "YYYY-MM-DD".to_owned())),
            "published" => Some("YYYY-MM-DD".to_owned()),
            "publication_type" => Some("PEEL".to_owned()),
            "next_id" => Some(next_id(key).to_string()),
            _ => None,
        };
        let snippet = |skeleton: &str| template::fill(skeleton, "", Fill::Snippet, &value);
        let top = pattern(path)
            .is_empty()
            .then(|| template::section(&format!("/{key}")))
            .flatten();
        if let Some(section) = top {
            let body = match (section.key, section.item) {
                ("inspection", _) => std::iter::once(section.skeleton)
                    .chain(template::INSPECTION_FIELDS.iter().map(|f| f.skeleton))
                    .collect::<Vec<_>>()
                    .join("\n  "),
                (key, Some(item)) => format!("{key}:\n{}", indent_lines(item, "  ")),
                _ => section.skeleton.to_owned(),
            };
            if let Some(mut text) = snippet(&body) {
                if section.key == template::CHIEF_CONSTABLE_RESPONSE.key {
                    text.push_str(&self.response_stubs(tree));
                }
                return text;
            }
        }
        match (pattern(path).as_str(), key) {
            ("/chief_constable_response" | "/pcc_response", "text") => {
                "text: |\n  ${1:TODO}".to_owned()
            }
            ("/chief_constable_response" | "/pcc_response", "responses") => {
                let id = self
                    .first_unanswered("recommendations", "recommendation")
                    .map_or("1".to_owned(), |id| id.to_string());
                format!("responses:\n  - recommendation: ${{1:{id}}}\n    action: ${{2:TODO}}")
            }
            (_, "status") => format!("status: {statuses}"),
            (_, "progress") => format!(
                "progress: ${{1|{}|}}",
                self.snapshot.config.progress.all().join(",")
            ),
            (_, "id") => {
                let list = match path.first() {
                    Some(Seg::Key(list)) => list.as_str(),
                    _ => "recommendations",
                };
                let next = next_id(list);
                format!("id: ${{1:{next}}}")
            }
            (_, "recommendation") => {
                let id = self
                    .first_unanswered("recommendations", "recommendation")
                    .map_or("1".to_owned(), |id| id.to_string());
                format!("recommendation: ${{1:{id}}}")
            }
            (_, "area_for_improvement") => {
                let id = self
                    .first_unanswered("areas_for_improvement", "area_for_improvement")
                    .map_or("1".to_owned(), |id| id.to_string());
                format!("area_for_improvement: ${{1:{id}}}")
            }
            (_, "published_on") => format!("published_on: ${{1:{}}}", iso(self.today)),
            _ => match schema_info::type_at(&full) {
                Some("boolean") => format!("{key}: ${{1|true,false|}}"),
                Some("object") => format!("{key}:\n  $0"),
                Some("array")
                    if schema_info::is_object(&[full.as_slice(), &[Seg::Item]].concat()) =>
                {
                    format!("{key}:\n  - $0")
                }
                Some("array") => format!("{key}: [$0]"),
                _ if schema_info::is_date(&full) => format!("{key}: ${{1:YYYY-MM-DD}}"),
                _ => format!("{key}: $0"),
            },
        }
    }

    /// Response stubs for the recommendations the file lists, numbered after the snippet's first
    /// tab stop.
    fn response_stubs(&self, tree: Option<&Node>) -> String {
        let ids: Vec<i64> = tree
            .map(|t| {
                facts::items(t, "recommendations")
                    .into_iter()
                    .map(|(id, _)| id)
                    .collect()
            })
            .unwrap_or_default();
        if ids.is_empty() {
            return String::new();
        }
        let mut s = "\n  responses:".to_owned();
        for (i, id) in ids.iter().enumerate() {
            s.push_str(&format!(
                "\n    - recommendation: {id}\n      action: ${{{}:TODO}}",
                i + 2
            ));
        }
        s
    }

    /// The first id in `list` that no response answers (by `key`), else the first id.
    fn first_unanswered(&self, list: &str, key: &str) -> Option<i64> {
        let tree = self.facts()?;
        let answered = facts::answered(tree, key);
        let ids: Vec<i64> = facts::items(tree, list)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        ids.iter()
            .copied()
            .find(|id| !answered.contains(id))
            .or(ids.first().copied())
    }

    // ---- values ----

    fn values(
        &self,
        path: &[Seg],
        start: usize,
        end: usize,
        flow: bool,
        needs_space: bool,
    ) -> Vec<CompletionItem> {
        let range = self.range(start, end);
        let space = if needs_space { " " } else { "" };
        let text = |s: &str| format!("{space}{}", yaml_scalar(s, flow));
        let pat = pattern(path);
        let catalogue = &self.snapshot.config.catalogue;
        let mut items = Vec::new();
        let value = |label: &str, kind, new_text: String| {
            self.item(label.to_owned(), kind, new_text, range)
        };
        match pat.as_str() {
            "/force" | "/inspection/forces/*" => {
                let current = self
                    .facts()
                    .and_then(|t| t.get("force"))
                    .and_then(Node::as_str)
                    .and_then(|f| catalogue.find_force(f))
                    .map(|f| f.name().to_owned());
                for (i, force) in catalogue::forces().iter().enumerate() {
                    if pat == "/force" && force.kind == ForceKind::Collective {
                        continue;
                    }
                    let mut item = value(&force.name, CompletionItemKind::VALUE, text(&force.name));
                    item.detail = Some(match (&force.policing_body, force.kind) {
                        (Some(body), _) => body.clone(),
                        (None, ForceKind::Collective) => {
                            "all territorial forces (national reports)".to_owned()
                        }
                        (None, _) => {
                            "not a territorial force: section 55 does not apply".to_owned()
                        }
                    });
                    item.documentation =
                        facts::force_markdown(catalogue, &force.name).and_then(|m| markdown(&m));
                    let first = pat != "/force"
                        && (current.as_deref() == Some(force.name.as_str())
                            || force.kind == ForceKind::Collective);
                    item.sort_text = Some(format!("{}{i:03}", if first { 0 } else { 1 }));
                    if let Some(short) = &force.short_name {
                        item.filter_text = Some(format!("{} {short}", force.name));
                    }
                    items.push(item);
                }
                for extra in &catalogue.extra_forces {
                    let mut item = value(extra, CompletionItemKind::VALUE, text(extra));
                    item.detail = Some("from section55.toml".to_owned());
                    item.sort_text = Some(format!("2{extra}"));
                    items.push(item);
                }
            }
            "/policing_body" => {
                let force = self
                    .facts()
                    .and_then(|t| t.get("force"))
                    .and_then(Node::as_str)
                    .and_then(|f| catalogue.find_force(f))
                    .and_then(|f| f.force());
                for (i, f) in catalogue::forces().iter().enumerate() {
                    let Some(body) = &f.policing_body else {
                        continue;
                    };
                    let mine = force.is_some_and(|current| current.name == f.name);
                    let mut item = value(body, CompletionItemKind::VALUE, text(body));
                    item.detail = Some(format!("local policing body for {}", f.name));
                    item.sort_text = Some(format!("{}{i:03}", if mine { 0 } else { 1 }));
                    item.preselect = mine.then_some(true);
                    items.push(item);
                }
            }
            "/inspection/publication_types/*" => {
                let present =
                    self.present_in_list("/inspection/publication_types", flow, start, end);
                for (i, t) in catalogue::publication_types().iter().enumerate() {
                    if present.contains(&t.name.to_lowercase()) {
                        continue;
                    }
                    let mut item = value(&t.name, CompletionItemKind::ENUM_MEMBER, text(&t.name));
                    item.detail = Some(if t.confirmed {
                        "HMICFRS publication type".to_owned()
                    } else {
                        "likely HMICFRS publication type (not yet seen on a report page)".to_owned()
                    });
                    item.sort_text = Some(format!("{}{i:03}", if t.confirmed { 0 } else { 1 }));
                    items.push(item);
                }
                for extra in &catalogue.extra_publication_types {
                    let mut item = value(extra, CompletionItemKind::ENUM_MEMBER, text(extra));
                    item.detail = Some("from section55.toml".to_owned());
                    item.sort_text = Some(format!("2{extra}"));
                    items.push(item);
                }
            }
            "/chief_constable_response/responses/*/recommendation"
            | "/pcc_response/responses/*/recommendation"
            | "/causes_of_concern/*/recommendations/*" => {
                items.extend(self.ids(
                    "recommendations",
                    "recommendation",
                    "Recommendation",
                    range,
                    space,
                ));
            }
            "/chief_constable_response/responses/*/area_for_improvement"
            | "/pcc_response/responses/*/area_for_improvement" => {
                items.extend(self.ids(
                    "areas_for_improvement",
                    "area_for_improvement",
                    "Area for improvement",
                    range,
                    space,
                ));
            }
            "/chief_constable_response/responses/*/progress"
            | "/pcc_response/responses/*/progress" => {
                items.extend(self.progress_states(range, space));
            }
            "/response_deadline" => {
                let deadline = self.facts().and_then(facts::deadline);
                if let Some((d, last_day)) =
                    deadline.and_then(|d| Some((d.last_day?, d)).map(|(l, d)| (d, l)))
                {
                    let mut item = value(
                        &iso(last_day),
                        CompletionItemKind::VALUE,
                        format!("{space}{}", iso(last_day)),
                    );
                    item.detail = Some(format!(
                        "{}: published {} + 55 days (s.55(5A))",
                        dates::long_with_weekday(last_day),
                        dates::long(d.published)
                    ));
                    item.documentation = markdown(&facts::deadline_markdown(&d, self.today));
                    item.preselect = Some(true);
                    item.sort_text = Some("0".to_owned());
                    items.push(item);
                }
            }
            _ => {
                if schema_info::is_date(path) {
                    if let Some(stated) = self.stated_due_date(path) {
                        let mut item = value(
                            &iso(stated),
                            CompletionItemKind::VALUE,
                            format!("{space}{}", iso(stated)),
                        );
                        item.detail = Some(format!(
                            "{}: the date the recommendation's text states",
                            dates::long(stated)
                        ));
                        item.sort_text = Some("0".to_owned());
                        item.preselect = Some(true);
                        items.push(item);
                    }
                    let mut item = value(
                        &iso(self.today),
                        CompletionItemKind::VALUE,
                        format!("{space}{}", iso(self.today)),
                    );
                    item.detail = Some(format!("today, {}", dates::long_with_weekday(self.today)));
                    item.sort_text = Some("1".to_owned());
                    items.push(item);
                }
                match schema_info::type_at(path) {
                    Some("boolean") => {
                        for (i, b) in ["true", "false"].iter().enumerate() {
                            let mut item =
                                value(b, CompletionItemKind::KEYWORD, format!("{space}{b}"));
                            item.sort_text = Some(i.to_string());
                            items.push(item);
                        }
                    }
                    _ => {
                        for (i, (v, description)) in
                            schema_info::enum_values(path).into_iter().enumerate()
                        {
                            let mut item = value(v, CompletionItemKind::ENUM_MEMBER, text(v));
                            item.documentation = markdown(description);
                            item.sort_text = Some(format!("{i:02}"));
                            items.push(item);
                        }
                    }
                }
            }
        }
        items
    }

    /// The built-in progress states with what they mean, then the office's own.
    fn progress_states(&self, range: Range, space: &str) -> Vec<CompletionItem> {
        let extra = &self.snapshot.config.progress;
        let built_in = progress::BUILT_IN
            .iter()
            .map(|s| (s.name, Some(s.description), s.done));
        let own = extra
            .open
            .iter()
            .map(|s| (s.as_str(), None, false))
            .chain(extra.done.iter().map(|s| (s.as_str(), None, true)));
        built_in
            .chain(own)
            .enumerate()
            .map(|(i, (name, description, done))| {
                let mut item = self.item(
                    name.to_owned(),
                    CompletionItemKind::ENUM_MEMBER,
                    format!("{space}{name}"),
                    range,
                );
                item.detail = Some(match (description, done) {
                    (Some(_), true) => "closes the action".to_owned(),
                    (Some(_), false) => "the action is open".to_owned(),
                    (None, true) => "from section55.toml; closes the action".to_owned(),
                    (None, false) => "from section55.toml; the action is open".to_owned(),
                });
                item.documentation = description.and_then(markdown);
                item.sort_text = Some(format!("{i:02}"));
                item
            })
            .collect()
    }

    /// The values a list already holds (lower case), except the one being completed: from the
    /// line for a flow list (which may be unfinished), else from the tree.
    fn present_in_list(&self, pointer: &str, flow: bool, start: usize, end: usize) -> Vec<String> {
        if flow {
            let chars: Vec<char> = self.conv.line(self.pos.line).chars().collect();
            let open = chars[..start.min(chars.len())]
                .iter()
                .rposition(|c| *c == '[')
                .map_or(0, |i| i + 1);
            let close = chars
                .iter()
                .skip(end)
                .position(|c| *c == ']')
                .map_or(chars.len(), |i| i + end);
            let before: String = chars[open..start.min(chars.len())].iter().collect();
            let after: String = chars[end.min(close)..close].iter().collect();
            return before
                .split(',')
                .chain(after.split(','))
                .map(|s| s.trim().trim_matches(['"', '\'']).to_lowercase())
                .filter(|s| !s.is_empty())
                .collect();
        }
        let Some(tree) = self.snapshot.tree() else {
            return Vec::new();
        };
        let Some(list) = tree.pointer(pointer) else {
            return Vec::new();
        };
        list.as_seq()
            .iter()
            .filter(|n| n.span.start.line != self.pos.line)
            .filter_map(|n| n.as_str().map(str::to_lowercase))
            .collect()
    }

    /// Ids of `list` for a reference, with their text; unanswered first.
    fn ids(
        &self,
        list: &str,
        key: &str,
        kind: &str,
        range: Range,
        space: &str,
    ) -> Vec<CompletionItem> {
        let Some(tree) = self.facts() else {
            return Vec::new();
        };
        let answered = facts::answered(tree, key);
        facts::items(tree, list)
            .into_iter()
            .map(|(id, node)| {
                let mut item = self.item(
                    id.to_string(),
                    CompletionItemKind::REFERENCE,
                    format!("{space}{id}"),
                    range,
                );
                let status = node.get("status").and_then(Node::as_str);
                let done = answered.contains(&id);
                item.detail = Some(format!(
                    "{kind} {id}{}{}",
                    status.map(|s| format!(" ({s})")).unwrap_or_default(),
                    if done {
                        ", answered"
                    } else {
                        ", not answered yet"
                    }
                ));
                item.documentation = markdown(&facts::item_markdown(kind, id, node));
                item.sort_text = Some(format!("{}{id:06}", if done { 1 } else { 0 }));
                item
            })
            .collect()
    }

    /// For a recommendation's `due`: the date its text states ("By 31 March 2026, ...").
    fn stated_due_date(&self, path: &[Seg]) -> Option<NaiveDate> {
        if pattern(path) != "/recommendations/*/due" {
            return None;
        }
        // The recommendation that starts last at or before the cursor's line.
        let tree = self.snapshot.tree()?;
        let item = tree
            .get("recommendations")?
            .as_seq()
            .iter()
            .rfind(|item| item.span.start.line <= self.pos.line)?;
        let text = item.get("text")?.as_str()?;
        dates::find_long_date(text).map(|(d, _)| d)
    }
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn markdown(text: &str) -> Option<Documentation> {
    (!text.is_empty()).then(|| {
        Documentation::MarkupContent(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text.to_owned(),
        })
    })
}

/// Indents every line after the first by `col` spaces (the first goes where the key is).
fn reindent(snippet: &str, col: usize, newline: &str) -> String {
    let pad = " ".repeat(col);
    let mut out = String::new();
    for (i, line) in snippet.split('\n').enumerate() {
        if i > 0 {
            out.push_str(newline);
            out.push_str(&pad);
        }
        out.push_str(line);
    }
    out
}

/// Escapes text for use inside a snippet.
/// Each line of `text` indented by `indent`.
fn indent_lines(text: &str, indent: &str) -> String {
    text.lines()
        .map(|l| format!("{indent}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A snippet as plain text, for clients without snippet support: placeholders become their
/// default text, choices their first choice, tab stops nothing.
pub fn plain(snippet: &str) -> String {
    let chars: Vec<char> = snippet.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' if i + 1 < chars.len() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '$' if chars.get(i + 1) == Some(&'{') => {
                let mut j = i + 2;
                while j < chars.len() && chars[j].is_ascii_digit() {
                    j += 1;
                }
                match chars.get(j) {
                    Some(':') => {
                        i = j + 1;
                        // The default text, up to the matching `}`; nested escapes kept.
                        while i < chars.len() && chars[i] != '}' {
                            if chars[i] == '\\' && i + 1 < chars.len() {
                                i += 1;
                            }
                            out.push(chars[i]);
                            i += 1;
                        }
                        i += 1;
                    }
                    Some('|') => {
                        let mut k = j + 1;
                        while k < chars.len() && chars[k] != ',' && chars[k] != '|' {
                            out.push(chars[k]);
                            k += 1;
                        }
                        while k < chars.len()
                            && !(chars[k] == '|' && chars.get(k + 1) == Some(&'}'))
                        {
                            k += 1;
                        }
                        i = k + 2;
                    }
                    _ => i = j + 1,
                }
            }
            '$' if chars.get(i + 1).is_some_and(char::is_ascii_digit) => {
                i += 1;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// A value written as YAML: plain when that reads back as the same text, else double-quoted.
pub fn yaml_scalar(s: &str, flow: bool) -> String {
    let special_start = s.starts_with([
        '!', '&', '*', '-', '?', ':', ',', '[', ']', '{', '}', '#', '|', '>', '@', '`', '"', '\'',
        '%',
    ]);
    // What the YAML 1.2 core schema reads as something other than text: null, booleans, numbers.
    let lower = s.to_ascii_lowercase();
    let reads_as_other = matches!(
        lower.as_str(),
        "~" | "null" | "true" | "false" | ".inf" | "-.inf" | "+.inf" | ".nan"
    ) || s.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '.');
    let needs_quotes = s.is_empty()
        || special_start
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.trim() != s
        || (flow && s.contains([',', '[', ']', '{', '}']))
        || reads_as_other;
    if needs_quotes {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_as_plain_text() {
        assert_eq!(
            plain("a: ${1:x}\n  b: ${2|true,false|}\n  c: $0 ${3}"),
            "a: x\n  b: true\n  c:  "
        );
        assert_eq!(plain("x: ${1:a\\}b}"), "x: a}b");
    }

    #[test]
    fn scalars_are_quoted_when_needed() {
        assert_eq!(
            yaml_scalar("Norfolk Constabulary", false),
            "Norfolk Constabulary"
        );
        assert_eq!(
            yaml_scalar("Leicester, Leicestershire and Rutland", false),
            "Leicester, Leicestershire and Rutland"
        );
        assert_eq!(
            yaml_scalar("Leicester, Leicestershire and Rutland", true),
            "\"Leicester, Leicestershire and Rutland\""
        );
        assert_eq!(yaml_scalar("true", false), "\"true\"");
        assert_eq!(
            yaml_scalar("Fire & rescue service", false),
            "Fire & rescue service"
        );
    }
}
