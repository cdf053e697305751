use super::*;

fn root(text: &str) -> Node {
    let doc = parse(text);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    doc.root.expect("a root")
}

fn span_of(text: &str, pointer: &str) -> (Pos, Pos) {
    let r = root(text);
    let n = r.pointer(pointer).expect("pointer");
    (n.span.start, n.span.end)
}

#[test]
fn spans_count_characters_after_emoji_accents_and_welsh() {
    let text = "a: \"😀 café\"\nb: Heddlu Gogledd Cymru ŵŷ\nc: x\n";
    assert_eq!(span_of(text, "/a"), (Pos::new(0, 3), Pos::new(0, 11)));
    let b = "Heddlu Gogledd Cymru ŵŷ".chars().count() as u32;
    assert_eq!(span_of(text, "/b"), (Pos::new(1, 3), Pos::new(1, 3 + b)));
    assert_eq!(span_of(text, "/c"), (Pos::new(2, 3), Pos::new(2, 4)));
}

#[test]
fn crlf_and_lone_cr_line_endings() {
    assert_eq!(
        span_of("a: 1\r\nb: two\r\n", "/b"),
        (Pos::new(1, 3), Pos::new(1, 6))
    );
    assert_eq!(
        span_of("a: 1\rb: two\r", "/b"),
        (Pos::new(1, 3), Pos::new(1, 6))
    );
}

#[test]
fn bom_is_not_a_column() {
    assert_eq!(
        span_of("\u{feff}a: x\n", "/a"),
        (Pos::new(0, 3), Pos::new(0, 4))
    );
}

#[test]
fn key_spans_and_pointers() {
    let text = "top:\n  list:\n    - id: 7\n      text: hi\n";
    let r = root(text);
    let (node, key) = r.pointer_entry("/top/list/0/id").expect("entry");
    assert_eq!(node.as_int(), Some(7));
    assert_eq!(key, Some(Span::new(Pos::new(2, 6), Pos::new(2, 8))));
    assert_eq!(
        r.path_at(Pos::new(3, 13)),
        vec![
            Step::Key("top".into()),
            Step::Key("list".into()),
            Step::Index(0),
            Step::Key("text".into())
        ]
    );
}

#[test]
fn duplicate_keys_are_reported_at_the_second_key() {
    let doc = parse("a: 1\nb: 2\na: 3\n");
    assert_eq!(doc.errors.len(), 1);
    assert_eq!(doc.errors[0].span.start, Pos::new(2, 0));
    assert_eq!(
        doc.root.expect("root").get("a").and_then(Node::as_int),
        Some(1)
    );
}

#[test]
fn second_document_is_an_error() {
    let doc = parse("a: 1\n---\nb: 2\n");
    assert_eq!(doc.errors.len(), 1);
    assert_eq!(doc.errors[0].span.start.line, 1);
    assert!(doc.root.is_none());
}

#[test]
fn deep_nesting_is_bounded() {
    let block: String = (0..100_000)
        .map(|i| format!("{}- \n", " ".repeat(i % 500)))
        .collect();
    for text in [
        "[".repeat(100_000),
        "{a: ".repeat(100_000),
        "- ".repeat(100_000),
        block,
    ] {
        let doc = parse(&text);
        assert!(doc.root.is_none());
        assert!(
            doc.errors[0].message.contains("nesting"),
            "{:?}",
            doc.errors
        );
    }
}

#[test]
fn alias_bomb_is_bounded() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let prev = i - 1;
        text.push_str(&format!("a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"));
    }
    let doc = parse(&text);
    assert!(doc.root.is_none());
    assert!(
        doc.errors[0].message.contains("aliases"),
        "{:?}",
        doc.errors
    );
}

#[test]
fn tabs_and_nul_are_errors_not_panics() {
    let doc = parse("a:\n\tb: 1\n");
    assert!(!doc.errors.is_empty());
    let doc = parse("a: b\0c\n");
    assert!(doc.root.is_some() || !doc.errors.is_empty());
}

#[test]
fn block_scalar_and_flow_spans() {
    let text = "k: |\n  line one\n  line two\nf: [a, b]\n";
    let r = root(text);
    assert_eq!(
        r.get("k").and_then(Node::as_str),
        Some("line one\nline two\n")
    );
    assert_eq!(
        r.pointer("/f").map(|n| n.span),
        Some(Span::new(Pos::new(3, 3), Pos::new(3, 9)))
    );
}

#[test]
fn flow_list_span_ends_at_its_bracket_before_a_comment() {
    let r = root("a: []  # note\nb: [x, y]   # other\nc: 1\n");
    assert_eq!(
        r.pointer("/a").map(|n| n.span),
        Some(Span::new(Pos::new(0, 3), Pos::new(0, 5)))
    );
    assert_eq!(
        r.pointer("/b").map(|n| n.span),
        Some(Span::new(Pos::new(1, 3), Pos::new(1, 9)))
    );
}

#[test]
fn control_characters_and_tabs_after_colons_are_explained() {
    let doc = parse("a: 1\0\n");
    assert!(
        doc.errors[0].message.contains("control character"),
        "{:?}",
        doc.errors
    );
    let doc = parse("force:\tSurrey Police\n");
    if let Some(error) = doc.errors.first() {
        assert!(
            error.message.contains("put a space after the colon"),
            "{:?}",
            doc.errors
        );
    }
}

/// A small xorshift generator, so the randomized tests need no dependency and repeat exactly.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Up to `most` pieces of text that make line ends and multi-byte characters meet at every
/// boundary.
fn random_text(rng: &mut Rng, most: usize) -> String {
    const PIECES: &[&str] = &["a", "b: c", "\n", "\r", "\r\n", "é", "😀", "\u{feff}", " "];
    (0..rng.below(most + 1))
        .map(|_| PIECES[rng.below(PIECES.len())])
        .collect()
}

/// A random character boundary of `text`.
fn boundary(rng: &mut Rng, text: &str) -> usize {
    let mut at = rng.below(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[test]
fn line_index_edits_match_a_full_rebuild() {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    for round in 0..400 {
        let mut text = random_text(&mut rng, 40);
        if round % 3 == 0 {
            text.insert(0, '\u{feff}');
        }
        let mut index = LineIndex::new(&text);
        for _ in 0..25 {
            let a = boundary(&mut rng, &text);
            let b = boundary(&mut rng, &text);
            let (start, end) = (a.min(b), a.max(b));
            let new = random_text(&mut rng, 6);
            let before = text.clone();
            text.replace_range(start..end, &new);
            index.edit(&text, start, end, new.len());
            assert_eq!(
                index,
                LineIndex::new(&text),
                "{before:?} with {start}..{end} replaced by {new:?} is {text:?}"
            );
        }
    }
}

#[test]
fn the_last_line_is_found_as_the_line_index_finds_it() {
    let mut rng = Rng(0x1a57_11e5_0dd5_eed5);
    for round in 0..2000 {
        let mut text = random_text(&mut rng, 30);
        if round % 4 == 0 {
            text.insert(0, '\u{feff}');
        }
        let index = LineIndex::new(&text);
        let last = index.line_count() - 1;
        assert_eq!(last_line(&text), (last, index.starts[last]), "{text:?}");
    }
}

#[test]
fn entries_share_one_copy_of_each_key() {
    let r = root("- id: 1\n  text: a\n- id: 2\n  text: b\n- {id: 3}\n");
    let ids: Vec<&Key> = r.as_seq().iter().map(|n| &n.as_map()[0].key).collect();
    assert_eq!(ids.len(), 3);
    assert!(ids.iter().all(|k| **k == "id" && k.is_the_copy_of(ids[0])));
    let text = &r.as_seq()[1].as_map()[1].key;
    assert!(*text == "text" && !text.is_the_copy_of(ids[0]));
}

#[test]
fn a_file_of_thousands_of_distinct_keys_keeps_only_the_first_for_sharing() {
    let mut text = String::from("a:\n");
    for i in 0..1100 {
        text.push_str(&format!("  k{i}: 1\n"));
    }
    text.push_str("b:\n  k5: 1\n  k1090: 1\n");
    let r = root(&text);
    let key = |section: &str, i: usize| r.get(section).map(|n| n.as_map()[i].key.clone());
    let (first, late) = (key("a", 5).expect("k5"), key("a", 1090).expect("k1090"));
    let (again, late_again) = (key("b", 0).expect("k5"), key("b", 1).expect("k1090"));
    assert!(first.is_the_copy_of(&again), "an early key is shared");
    assert!(late == late_again && !late.is_the_copy_of(&late_again));
}
