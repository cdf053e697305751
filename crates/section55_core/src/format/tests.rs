use super::*;

/// Formats, and checks that formatting again changes nothing.
fn fmt(text: &str) -> String {
    let once = format(text).expect("formats");
    assert_eq!(
        format(&once).expect("formats again"),
        once,
        "not idempotent"
    );
    once
}

#[test]
fn keys_go_into_template_order_with_their_comments() {
    let text = "# header: stays on top\n\
                force: Norfolk Constabulary  # the force\n\
                \n\
                # the body\n\
                policing_body: PCC for Norfolk\n\
                inspection:\n    \
                    link: https://x\n    \
                    # the title\n    \
                    title: A report\n    \
                    # end of inspection\n\
                extra: kept last\n";
    assert_eq!(
        fmt(text),
        "# header: stays on top\n\
         \n\
         # the body\n\
         policing_body: PCC for Norfolk\n\
         force: Norfolk Constabulary  # the force\n\
         inspection:\n  \
           # the title\n  \
           title: A report\n  \
           link: https://x\n  \
           # end of inspection\n\
         extra: kept last\n"
    );
}

#[test]
fn lists_are_indented_under_their_key_and_items_sorted() {
    let text = "recommendations:\n\
                - status: accepted\n  \
                  # the id\n  \
                  id: 1\n  \
                  text: >-\n      \
                      Folded text\n      \
                      over lines\n\
                -   id: 2\n    \
                    status: accepted\n    \
                    text: Two\n\
                causes_of_concern:\n\
                - recommendations: [1, 2]\n  \
                  text: Why\n  \
                  id: 1\n";
    assert_eq!(
        fmt(text),
        "recommendations:\n  \
           # the id\n  \
           - id: 1\n    \
             text: >-\n      \
               Folded text\n      \
               over lines\n    \
             status: accepted\n  \
           - id: 2\n    \
             text: Two\n    \
             status: accepted\n\
         causes_of_concern:\n  \
           - id: 1\n    \
             text: Why\n    \
             recommendations: [1, 2]\n"
    );
}

#[test]
fn block_scalars_keep_their_text() {
    let text = "pcc_response:\n      \
                    text: |+\n              \
                        First line\n                \
                          indented\n\
                \n              \
                        # not a comment\n\
                \n\
                force: |2\n     \
                   three spaces\n\
                key_findings: |\n  \
                  kept\n";
    let once = fmt(text);
    let (a, b) = (document::parse(text), document::parse(&once));
    assert_eq!(
        a.root.map(|r| r.to_json()),
        b.root.map(|r| r.to_json()),
        "{once}"
    );
    assert!(once.starts_with("force: |2\n     three spaces\n"), "{once}");
    assert!(
        once.contains(
            "pcc_response:\n  text: |+\n    First line\n      indented\n\n    # not a comment\n\n"
        ),
        "{once}"
    );
}

#[test]
fn line_endings_and_byte_order_mark_are_kept() {
    let text = "\u{feff}force: F\r\npolicing_body: P\r\ninspection:\r\n    title: T";
    assert_eq!(
        fmt(text),
        "\u{feff}policing_body: P\r\nforce: F\r\ninspection:\r\n  title: T"
    );
}

#[test]
fn what_it_does_not_lay_out_is_kept_as_written() {
    // Moved with their keys, indentation and order inside unchanged.
    let text = "force: F\n\
                inspection: {title: T,\n    published: 2025-01-01}\n\
                policing_body: &body P\n\
                key_findings: *body\n\
                office_use: &o\n    \
                    published_on: 2025-01-02\n    \
                    forwarded_to_chief_constable: true\n";
    assert_eq!(
        fmt(text),
        "policing_body: &body P\n\
         force: F\n\
         inspection: {title: T,\n    published: 2025-01-01}\n\
         key_findings: *body\n\
         office_use: &o\n    \
             published_on: 2025-01-02\n    \
             forwarded_to_chief_constable: true\n"
    );
}

#[test]
fn a_text_that_does_not_parse_is_refused() {
    let refused = format("force: F\nforce: G\n").expect_err("duplicate key");
    assert!(matches!(&refused, Refusal::Syntax(errors) if errors.len() == 1));
    assert_eq!(refused.message().0, Some(Pos::new(1, 0)));
    assert!(matches!(format("a: [\n"), Err(Refusal::Syntax(_))));
}

#[test]
fn an_alias_moved_before_its_anchor_is_refused() {
    let refused = format("key_findings: &k text\npolicing_body: *k\n").expect_err("refused");
    assert!(matches!(refused, Refusal::Unsafe(_)));
}

#[test]
fn a_formatted_text_is_unchanged() {
    for text in [
        "",
        "# only a comment\n",
        "- a\n- b\n",
        "just text",
        "a: 1\nb: 2",
    ] {
        assert_eq!(fmt(text), text);
    }
}

#[test]
fn a_non_breaking_space_is_text_not_indentation() {
    // YAML's white space is spaces and tabs: text starting with U+00A0 keeps it.
    let text = "force: F\nrecommendations:\n- \u{a0}odd\n- x\npolicing_body: P\n";
    let once = fmt(text);
    assert!(once.contains("  - \u{a0}odd\n"), "{once:?}");
    assert!(once.starts_with("policing_body: P\n"), "{once:?}");
}

#[test]
fn markers_explicit_keys_and_empty_values() {
    assert_eq!(
        fmt("---\nforce:\n# about the body\npolicing_body: P\n...\n"),
        "---\n# about the body\npolicing_body: P\nforce:\n...\n"
    );
    assert_eq!(
        fmt("inspection:\n    ? title\n    : T\nforce: F\n"),
        "force: F\ninspection:\n    ? title\n    : T\n"
    );
}
