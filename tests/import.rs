//! `section55 import`: the reference document, each style offices write in, what is left out
//! and reported, and the property that importing a rendered response gives it back.

use std::num::NonZeroU32;
use std::process::Command;

use chrono::NaiveDate;
use section55::model::{ItemResponse, Response, Status};

const BIN: &str = env!("CARGO_BIN_EXE_section55");
/// A response in the reference template's shape (written for these tests, in the shape of the
/// published Norfolk response): headings as the template has them, a section introduction, no
/// statuses, a lost link and the +56 deadline.
const REFERENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/template-shape.md"
);

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Runs `section55 import PATH`: the YAML it prints and its notes.
fn import(path: &str) -> (String, String) {
    let out = Command::new(BIN)
        .args(["import", path])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "import failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn id(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).expect("positive")
}

/// The imported YAML as a tree, for files that leave required keys out.
fn tree(yaml: &str) -> serde_json::Value {
    section55::document::parse(yaml)
        .root
        .expect("YAML")
        .to_json()
}

#[test]
fn reference_document() {
    let (yaml, notes) = import(REFERENCE);
    let t = tree(&yaml);
    assert_eq!(
        t["policing_body"],
        "Norfolk's Police and Crime Commissioner (PCC)"
    );
    assert_eq!(t["force"], "Norfolk Constabulary");
    assert!(
        notes.contains("force: the document does not name it"),
        "{notes}"
    );
    let inspection = &t["inspection"];
    assert_eq!(
        inspection["title"],
        "An inspection of how well the police and their partners respond to fraud against older people: A progress report"
    );
    assert_eq!(inspection["published"], "2025-10-24");
    assert_eq!(
        inspection["publication_types"],
        serde_json::json!(["Child Protection"])
    );
    assert_eq!(
        inspection["forces"],
        serde_json::json!(["All local forces in England and Wales"])
    );
    assert_eq!(inspection["link"], "#");
    assert_eq!(t["response_deadline"], "2025-12-19");
    assert!(
        t["key_findings"]
            .as_str()
            .expect("text")
            .starts_with("Between 2019 and 2023")
    );
    let recs = t["recommendations"].as_array().expect("list");
    let ids: Vec<_> = recs.iter().map(|r| r["id"].as_i64().expect("id")).collect();
    assert_eq!(ids, [1, 2, 4, 6]);
    let dues: Vec<_> = recs
        .iter()
        .map(|r| r["due"].as_str().expect("due"))
        .collect();
    assert_eq!(
        dues,
        ["2026-03-31", "2026-03-31", "2026-07-31", "2026-07-31"]
    );
    assert!(
        recs.iter().all(|r| r.get("status").is_none()),
        "status is not stated, so it is not invented"
    );
    assert!(
        notes.contains("Recommendation 4: the document does not state its status"),
        "{notes}"
    );
    assert!(
        notes.contains("not mapped") && notes.contains("There were five new recommendations"),
        "{notes}"
    );
    assert_eq!(t["areas_for_improvement"], serde_json::json!([]));
    assert!(
        t["chief_constable_response"]["text"]
            .as_str()
            .expect("text")
            .starts_with("I acknowledge this report")
    );
    assert!(
        t["pcc_response"]["text"]
            .as_str()
            .expect("text")
            .starts_with("I welcome the HMICFRS report")
    );
    assert_eq!(
        t["office_use"],
        serde_json::json!({
            "forwarded_to_chief_constable": true,
            "forwarded_to_police_and_crime_panel": true,
            "submitted_to_hmicfrs": true,
            "published_on_website": true
        })
    );
    assert!(
        yaml.contains("key_findings: |\n"),
        "multi-line text is a block scalar:\n{yaml}"
    );
}

#[test]
fn plain_text_with_crlf_and_labels_with_their_values() {
    let (yaml, notes) = import(&fixture("plain-crlf.txt"));
    let r = section55::render::read(&yaml).expect("a complete response");
    assert_eq!(r.policing_body, "Police and Crime Commissioner for Suffolk");
    assert_eq!(r.force, "Suffolk Constabulary");
    assert_eq!(
        r.inspection.title,
        "PEEL 2025: Police effectiveness, efficiency and legitimacy – An inspection of Suffolk Constabulary"
    );
    assert_eq!(
        r.inspection.published,
        date(2025, 5, 1),
        "Thursday 1 May 2025"
    );
    assert_eq!(r.inspection.publication_types, ["PEEL"]);
    assert_eq!(
        r.inspection.link,
        "https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-2025-suffolk/"
    );
    assert_eq!(r.response_deadline, date(2025, 6, 1), "1st June 2025");
    assert_eq!(
        r.key_findings,
        "The force is good at preventing crime.\nIt requires improvement at investigating crime.\n"
    );
    assert_eq!(r.recommendations, [], "There were no recommendations.");
    let areas: Vec<_> = r
        .areas_for_improvement
        .iter()
        .map(|a| (a.id.get(), a.text.as_str(), a.status))
        .collect();
    assert_eq!(
        areas,
        [
            (
                1,
                "The force should improve how it records crime.",
                Some(Status::Accepted)
            ),
            (
                2,
                "The force should make sure that officers understand the use of force.",
                None
            ),
        ]
    );
    assert_eq!(r.chief_constable_response.text, "I welcome the report.\n");
    assert_eq!(
        r.chief_constable_response.responses,
        Some(vec![ItemResponse {
            recommendation: None,
            area_for_improvement: Some(id(1)),
            action: Some("A crime recording audit team now reviews incidents daily.".into()),
            no_action_reason: None,
            due: Some(date(2025, 9, 30)),
            ..ItemResponse::default()
        }])
    );
    let office = r.office_use.expect("office use");
    assert_eq!(office.forwarded_to_chief_constable, Some(true));
    assert_eq!(office.forwarded_to_police_and_crime_panel, Some(false));
    assert_eq!(office.submitted_to_hmicfrs, None);
    assert!(!notes.contains("not mapped"), "{notes}");
}

#[test]
fn bold_labels_with_inline_values_dashes_and_no_action_reasons() {
    let (yaml, notes) = import(&fixture("bold-inline.md"));
    let r = section55::render::read(&yaml).expect("a complete response");
    assert_eq!(
        r.policing_body,
        "Police, Fire and Crime Commissioner for Essex"
    );
    assert_eq!(r.force, "Essex Police");
    assert_eq!(
        r.inspection.title,
        "An inspection of Essex Police's custody suites"
    );
    assert_eq!(r.inspection.published, date(2025, 6, 12));
    assert_eq!(
        r.inspection.link,
        "https://hmicfrs.justiceinspectorates.gov.uk/publications/essex-custody-2025/"
    );
    assert_eq!(
        r.key_findings,
        "Detainees were treated with respect.\n\nSome cells were not clean.\n"
    );
    let [first, second] = r.recommendations.as_slice() else {
        panic!("two recommendations: {yaml}")
    };
    assert_eq!(
        (first.id.get(), first.due, first.status),
        (1, Some(date(2026, 3, 31)), Status::PartiallyAccepted)
    );
    assert_eq!(
        (second.id.get(), second.due, second.status),
        (2, None, Status::NotAccepted)
    );
    assert_eq!(second.text, "The force should review its custody estate.");
    assert_eq!(
        second.directed_at,
        Some(vec![
            "Chief constable".into(),
            "Police, fire and crime commissioner".into()
        ])
    );
    assert_eq!(r.areas_for_improvement, []);
    let responses = r.chief_constable_response.responses.expect("responses");
    assert_eq!(
        responses[0].action.as_deref(),
        Some("Custody sergeants now complete risk assessments at booking in.")
    );
    assert_eq!(responses[1].recommendation, Some(id(2)));
    assert_eq!(
        responses[1].no_action_reason.as_deref(),
        Some("A new custody centre opens in 2027 and replaces the suites reviewed.")
    );
    assert_eq!(
        r.pcc_response.text,
        "I support the Chief Constable's response.\n"
    );
    let office = r.office_use.expect("office use");
    assert_eq!(office.sent_to_home_secretary, Some(true));
    assert_eq!(office.published_on, Some(date(2025, 8, 1)));
    assert!(!notes.contains("not mapped"), "{notes}");
}

#[test]
fn word_exports_with_tables_and_underlined_headings() {
    let text = "Police and Crime Commissioner for Kent response to inspections published by HMICFRS\n\
        ===================================================================================\n\n\
        | **Inspection Title:** | Kent Police: An inspection of vetting |\n\
        |---|---|\n\
        | Published on | 1st May 2025 |\n\
        | Police Forces | Kent, Essex |\n\n\
        Recommendations\n\
        ---------------\n\n\
        Recommendation 1 – By 30 September 2025, forces should review vetting.\n";
    let imported = section55::import::import(text).expect("imports");
    let t = tree(&imported.yaml);
    assert_eq!(t["policing_body"], "Police and Crime Commissioner for Kent");
    assert_eq!(
        t["inspection"]["title"],
        "Kent Police: An inspection of vetting"
    );
    assert_eq!(t["inspection"]["published"], "2025-05-01");
    assert_eq!(
        t["inspection"]["forces"],
        serde_json::json!(["Kent", "Essex"])
    );
    assert_eq!(
        t["recommendations"][0]["text"],
        "By 30 September 2025, forces should review vetting."
    );
    assert_eq!(t["recommendations"][0]["due"], "2025-09-30");
}

#[test]
fn free_text_under_a_recommendation_stays_in_the_response_and_is_reported() {
    let text = "## Chief Constable response\n\nWe accept the report.\n\n### Recommendation 1\n\nWe have started work.\n";
    let imported = section55::import::import(text).expect("imports");
    let t = tree(&imported.yaml);
    assert_eq!(
        t["chief_constable_response"]["text"],
        "We accept the report.\n\n### Recommendation 1\n\nWe have started work.\n"
    );
    assert!(t["chief_constable_response"].get("responses").is_none());
    assert!(
        imported.notes.iter().any(
            |n| n.line == Some(5) && n.message.contains("does not say whether it is an action")
        )
    );
}

#[test]
fn what_is_missing_is_left_out_and_reported() {
    let imported = section55::import::import("Key Findings\n\nSome findings.\n").expect("imports");
    let t = tree(&imported.yaml);
    assert_eq!(t, serde_json::json!({"key_findings": "Some findings.\n"}));
    let notes: Vec<String> = imported.notes.iter().map(ToString::to_string).collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("no Published on found: `inspection.published` is left out")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("no Chief Constable response found")),
        "{notes:?}"
    );
}

#[test]
fn writes_with_o_and_refuses_to_overwrite() {
    let dir = std::env::temp_dir().join(format!("s55-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let out = dir.join("bold.s55.yaml");
    let run = |extra: &[&str]| {
        Command::new(BIN)
            .args(["import", &fixture("bold-inline.md"), "-o"])
            .arg(&out)
            .args(extra)
            .output()
            .expect("runs")
    };
    assert!(run(&[]).status.success());
    let second = run(&[]);
    assert_eq!(second.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&second.stderr).contains("--force"));
    assert!(run(&["--force"]).status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn refuses_text_that_is_not_utf8() {
    let dir = std::env::temp_dir().join(format!("s55-import-latin1-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("latin1.txt");
    std::fs::write(&file, b"Key Findings\n\nCaf\xe9\n").expect("write");
    let out = Command::new(BIN)
        .arg("import")
        .arg(&file)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("save it as UTF-8"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `response` as each document `render` writes, named, as the text `import` reads: Markdown in
/// both styles, and the Word document read back.
fn documents(response: &section55::model::Response) -> [(&'static str, String); 3] {
    [
        ("plain", markdown(response, section55::render::Style::Plain)),
        (
            "template",
            markdown(response, section55::render::Style::Template),
        ),
        ("docx", word_text(response)),
    ]
}

/// `response` rendered as a Word document and read back as the text `import` maps.
fn word_text(response: &section55::model::Response) -> String {
    let bytes = section55::render::render_docx(response, Default::default()).expect("writes");
    section55::import::source::document_text(&bytes, "response.docx").expect("reads")
}

fn markdown(response: &section55::model::Response, style: section55::render::Style) -> String {
    let options = section55::render::Options {
        style,
        ..Default::default()
    };
    section55::render::render_with(response, section55::render::Format::Markdown, options)
}

/// Examples in `examples/` come back unchanged through render and import, in both Markdown
/// styles and as a Word document.
#[test]
fn examples_round_trip() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".s55.yaml"))
    {
        let text = std::fs::read_to_string(&path).expect("read");
        let mut original = section55::render::read(&text).expect("example reads");
        original.schema = None;
        for (style, markdown) in documents(&original) {
            let imported = section55::import::import(&markdown).expect("imports");
            let back = section55::render::read(&imported.yaml).expect("reads back");
            assert_eq!(
                back,
                original,
                "{} does not round-trip ({style})",
                path.display()
            );
            assert!(
                imported.notes.is_empty(),
                "{} ({style}): {:?}",
                path.display(),
                imported.notes
            );
        }
    }
}

/// For generated valid responses, `import(render(x)) == x`: both Markdown styles and Word.
#[test]
fn import_of_render_is_identity() {
    for seed in 1..=1000u64 {
        let original =
            generate::response(&mut generate::Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15)));
        for (style, markdown) in documents(&original) {
            let imported = section55::import::import(&markdown).expect("imports");
            let back = section55::render::read(&imported.yaml);
            assert!(
                back.as_ref() == Ok(&original),
                "seed {seed} ({style}): not the same after render and import\n--- markdown\n{markdown}\n--- yaml\n{}\n--- notes\n{:?}\n--- original\n{original:#?}\n--- back\n{back:#?}",
                imported.yaml,
                imported.notes
            );
            assert!(
                imported.notes.is_empty(),
                "seed {seed} ({style}): {:?}\n{markdown}",
                imported.notes
            );
        }
    }
}

/// Valid responses in the file's canonical shape: texts without surrounding space, section texts
/// and multi-line texts ending in a newline (as YAML's `|` gives), `due` matching a "By DATE," text unless set
/// apart, and lists that are stated either as absent or non-empty where the document cannot
/// tell the two apart (`directed_at`, `responses`).
mod generate {
    use super::*;
    use section55::model::*;

    pub struct Rng(pub u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            // xorshift64*
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn chance(&mut self, percent: usize) -> bool {
            self.below(100) < percent
        }
        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    const WORDS: &[&str] = &[
        "police",
        "force",
        "children",
        "safeguarding",
        "data",
        "review",
        "officers",
        "should",
        "training",
        "the",
        "of",
        "and",
        "HMICFRS",
        "'organised network'",
        "2025/26",
        "&",
        "50%",
        "(IICSA)",
        "café",
        "naïve",
        "—",
        "🚓",
        "it’s",
        "<b>",
        "x: y",
        "#7",
        "a_b",
        "Norfolk's",
        "\"quoted\"",
        "[note]",
        "O'Brien",
        "colon:",
        "https://example.gov.uk/x",
    ];
    const BODIES: &[&str] = &[
        "Police and Crime Commissioner for Norfolk",
        "Mayor of London",
        "Common Council of the City of London",
        "Police, Fire and Crime Commissioner for Essex",
        "Norfolk's Police and Crime Commissioner (PCC)",
    ];
    const FORCES: &[&str] = &[
        "Norfolk Constabulary",
        "Metropolitan Police Service",
        "All local forces in England and Wales",
        "Essex Police",
        "Ruritania Police",
    ];
    const TYPES: &[&str] = &["PEEL", "Child protection", "Custody suites", "A new type"];

    /// For an action, sometimes its follow-up (one-line owner and notes, as the action plan's
    /// cells hold them; a `|` among the words is escaped there).
    fn follow_up(rng: &mut Rng, action: bool) -> ItemResponse {
        if !action || !rng.chance(40) {
            return ItemResponse::default();
        }
        let progress = [
            "not-started",
            "in-progress",
            "complete",
            "closed",
            "awaiting-funding",
        ];
        ItemResponse {
            progress: rng.chance(80).then(|| rng.pick(&progress).to_owned()),
            updated: rng.chance(50).then(|| date(rng)),
            owner: rng
                .chance(70)
                .then(|| format!("{} | {}", words(rng, 1), words(rng, 1))),
            notes: rng.chance(50).then(|| sentence(rng)),
            ..ItemResponse::default()
        }
    }

    fn words(rng: &mut Rng, min: usize) -> String {
        let n = min + rng.below(8);
        (0..n)
            .map(|_| rng.pick(WORDS))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A sentence that starts with a capitalised ordinary word, so it is never read as a label.
    fn sentence(rng: &mut Rng) -> String {
        let start = rng.pick(&["Officers", "We", "The force", "Children", "This"]);
        format!("{start} {}.", words(rng, 2))
    }

    fn paragraph(rng: &mut Rng) -> String {
        let n = 1 + rng.below(3);
        let separator = if rng.chance(30) { "\n" } else { " " };
        (0..n)
            .map(|_| sentence(rng))
            .collect::<Vec<_>>()
            .join(separator)
    }

    /// A section's text (key findings, a response's comments): always ends in a newline.
    pub fn section_text(rng: &mut Rng) -> String {
        let mut text = text(rng);
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text
    }

    /// One line, or paragraphs (sometimes a bullet list) ending in a newline.
    pub fn text(rng: &mut Rng) -> String {
        if rng.chance(40) {
            return sentence(rng);
        }
        let n = 1 + rng.below(3);
        let mut blocks: Vec<String> = (0..n).map(|_| paragraph(rng)).collect();
        if rng.chance(25) {
            blocks.push(format!("- {}\n- {}", sentence(rng), sentence(rng)));
        }
        let mut text = blocks.join("\n\n");
        if text.contains('\n') {
            text.push('\n');
        }
        text
    }

    fn date(rng: &mut Rng) -> NaiveDate {
        let start = NaiveDate::from_ymd_opt(2015, 1, 1).expect("date");
        start + chrono::Days::new(rng.below(5000) as u64)
    }

    fn ids(rng: &mut Rng, n: usize) -> Vec<NonZeroU32> {
        let mut ids: Vec<u32> = (1..=(n as u32 + 3)).collect();
        for i in (1..ids.len()).rev() {
            ids.swap(i, rng.below(i + 1));
        }
        ids.into_iter().take(n).map(super::id).collect()
    }

    fn status(rng: &mut Rng) -> Status {
        Status::ALL[rng.below(4)]
    }

    fn recommendation(rng: &mut Rng, id: NonZeroU32) -> Recommendation {
        let stated = rng.chance(60).then(|| date(rng));
        let text = match stated {
            Some(d) => format!("By {}, {}", section55::dates::long(d), text(rng)),
            None => text(rng),
        };
        // A text that states a date is read as the due date unless a Due line says otherwise.
        let due = match stated {
            Some(d) if rng.chance(80) => Some(d),
            Some(_) => Some(date(rng)),
            None => rng.chance(50).then(|| date(rng)),
        };
        let directed_at = rng.chance(50).then(|| {
            (0..1 + rng.below(2))
                .map(|_| {
                    rng.pick(&[
                        "Chief constables",
                        "Home Office",
                        "Police and crime commissioners, and mayors",
                    ])
                    .to_owned()
                })
                .collect()
        });
        Recommendation {
            id,
            text,
            due,
            directed_at,
            status: status(rng),
            cy: None,
        }
    }

    fn section(rng: &mut Rng, recs: &[NonZeroU32], areas: &[NonZeroU32]) -> ResponseSection {
        let targets: Vec<(bool, NonZeroU32)> = recs
            .iter()
            .map(|i| (true, *i))
            .chain(areas.iter().map(|i| (false, *i)))
            .collect();
        let responses = (!targets.is_empty() && rng.chance(70)).then(|| {
            (0..1 + rng.below(3))
                .map(|_| {
                    let (is_rec, target) = targets[rng.below(targets.len())];
                    let answer = text(rng);
                    let action = rng.chance(70);
                    ItemResponse {
                        recommendation: is_rec.then_some(target),
                        area_for_improvement: (!is_rec).then_some(target),
                        action: action.then(|| answer.clone()),
                        no_action_reason: (!action).then_some(answer),
                        due: rng.chance(40).then(|| date(rng)),
                        ..follow_up(rng, action)
                    }
                })
                .collect()
        });
        ResponseSection {
            text: section_text(rng),
            responses,
            ..ResponseSection::default()
        }
    }

    fn office(rng: &mut Rng) -> OfficeUse {
        let flag = |rng: &mut Rng| match rng.below(3) {
            0 => None,
            1 => Some(true),
            _ => Some(false),
        };
        OfficeUse {
            forwarded_to_chief_constable: flag(rng),
            forwarded_to_police_and_crime_panel: flag(rng),
            submitted_to_hmicfrs: flag(rng),
            sent_to_home_secretary: flag(rng),
            published_on_website: flag(rng),
            published_on: rng.chance(50).then(|| date(rng)),
        }
    }

    pub fn response(rng: &mut Rng) -> Response {
        let (recs, areas) = (rng.below(5), rng.below(4));
        let rec_ids = ids(rng, recs);
        let area_ids = ids(rng, areas);
        let list = |rng: &mut Rng, from: &[&str]| -> Vec<String> {
            (0..1 + rng.below(3))
                .map(|_| rng.pick(from).to_owned())
                .collect()
        };
        let causes = match rng.below(3) {
            0 => None,
            1 => Some(Vec::new()),
            _ => Some({
                let n = 1 + rng.below(2);
                ids(rng, n)
                    .into_iter()
                    .map(|id| CauseOfConcern {
                        id,
                        text: text(rng),
                        recommendations: rec_ids
                            .iter()
                            .copied()
                            .filter(|_| rng.chance(50))
                            .collect(),
                        cy: None,
                    })
                    .collect()
            }),
        };
        Response {
            schema: None,
            policing_body: rng.pick(BODIES).to_owned(),
            force: rng.pick(FORCES).to_owned(),
            inspection: Inspection {
                title: format!("An inspection of {}", words(rng, 1)),
                published: date(rng),
                publication_types: list(rng, TYPES),
                forces: list(rng, FORCES),
                link: rng
                    .pick(&[
                        "https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-2025/",
                        "#",
                        "",
                        "https://example.org/a report (draft)",
                    ])
                    .to_owned(),
                cy: None,
            },
            response_deadline: date(rng),
            key_findings: section_text(rng),
            recommendations: rec_ids.iter().map(|id| recommendation(rng, *id)).collect(),
            causes_of_concern: causes,
            areas_for_improvement: area_ids
                .iter()
                .map(|id| AreaForImprovement {
                    id: *id,
                    text: text(rng),
                    status: rng.chance(50).then(|| status(rng)),
                    cy: None,
                })
                .collect(),
            chief_constable_response: section(rng, &rec_ids, &area_ids),
            pcc_response: section(rng, &rec_ids, &area_ids),
            office_use: rng.chance(70).then(|| office(rng)),
            cy: None,
        }
    }
}

/// Runs `section55 import PATH --report R`: the YAML, the notes and the provenance record.
fn import_with_report(path: &str) -> (serde_json::Value, String, serde_json::Value) {
    let dir = temp_dir("report");
    let report = dir.join("report.json");
    let out = Command::new(BIN)
        .args(["import", path, "--report"])
        .arg(&report)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).expect("report written"))
            .expect("JSON");
    let _ = std::fs::remove_dir_all(&dir);
    (
        tree(&String::from_utf8(out.stdout).expect("utf-8")),
        String::from_utf8(out.stderr).expect("utf-8"),
        record,
    )
}

fn temp_dir(what: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "s55-import-{what}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    dir
}

/// Every non-blank line of `text` is in a field's lines or in an unmapped entry of the record.
fn assert_every_line_accounted_for(text: &str, record: &serde_json::Value) {
    let spans: Vec<(u64, u64)> = ["fields", "unmapped"]
        .iter()
        .flat_map(|k| record[k].as_array().cloned().unwrap_or_default())
        .map(|e| {
            (
                e["lines"][0].as_u64().expect("start"),
                e["lines"][1].as_u64().expect("end"),
            )
        })
        .collect();
    for (i, line) in text.lines().enumerate() {
        let n = i as u64 + 1;
        if !line.trim().is_empty() {
            assert!(
                spans.iter().any(|(a, b)| (*a..=*b).contains(&n)),
                "line {n} is in no field and no note: {line:?}\n{record:#}"
            );
        }
    }
}

fn field_lines(record: &serde_json::Value, field: &str) -> Option<(u64, u64)> {
    record["fields"]
        .as_array()?
        .iter()
        .find(|f| f["field"] == field)
        .map(|f| {
            (
                f["lines"][0].as_u64().unwrap_or(0),
                f["lines"][1].as_u64().unwrap_or(0),
            )
        })
}

#[test]
fn a_letter_to_the_home_secretary() {
    let path = fixture("letter.md");
    let (t, notes, record) = import_with_report(&path);
    assert_eq!(
        t["policing_body"],
        "Police and Crime Commissioner for Dorset"
    );
    assert_eq!(t["force"], "Dorset Police");
    assert_eq!(
        t["inspection"]["title"],
        "inspection of how well Dorset Police answers calls from the public"
    );
    assert_eq!(t["inspection"]["published"], "2023-06-20");
    assert_eq!(t["office_use"]["sent_to_home_secretary"], true);
    assert_eq!(t["office_use"]["published_on"], "2023-08-14");
    let text = t["pcc_response"]["text"].as_str().expect("the letter");
    assert!(
        text.starts_with("Dear Home Secretary,\n\nI write") && text.ends_with("A. Writer\n"),
        "the letter, without the sentence that introduces it: {text}"
    );
    let responses = &t["pcc_response"]["responses"];
    assert_eq!(responses[0]["recommendation"], 1);
    assert_eq!(responses[1]["recommendation"], 3);
    assert!(
        responses[0]["action"]
            .as_str()
            .expect("action")
            .starts_with("In response to recommendations 1 and 3")
    );
    assert_eq!(responses[2]["recommendation"], 2);
    assert!(
        responses[2]["no_action_reason"]
            .as_str()
            .expect("reason")
            .contains("does not apply to Dorset")
    );
    assert!(
        notes.contains("no Chief Constable response found"),
        "{notes}"
    );
    assert_eq!(
        field_lines(&record, "office_use.sent_to_home_secretary"),
        Some((1, 1))
    );
    assert_eq!(field_lines(&record, "inspection.published"), Some((7, 7)));
    assert_eq!(field_lines(&record, "pcc_response.text"), Some((3, 15)));
    assert!(
        notes.contains("letter.md:1: note: not mapped (only")
            && notes.contains("the sentence itself is in no field"),
        "the introducing sentence is noted: {notes}"
    );
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

#[test]
fn numbered_prose_with_the_chief_constable_quoted() {
    let path = fixture("prose-sections.md");
    let (t, _, record) = import_with_report(&path);
    assert_eq!(
        t["policing_body"],
        "Police and Crime Commissioner for Wiltshire and Swindon"
    );
    assert_eq!(t["force"], "Wiltshire Police");
    assert_eq!(
        t["inspection"]["title"],
        "An inspection of how Wiltshire Police handles stalking"
    );
    assert_eq!(t["inspection"]["published"], "2024-05-05");
    let chief = t["chief_constable_response"]["text"]
        .as_str()
        .expect("chief");
    assert!(
        chief.starts_with("The force accepts the findings."),
        "{chief}"
    );
    assert!(
        chief.ends_with("Sam Example, Chief Constable of Wiltshire Police\n"),
        "{chief}"
    );
    let pcc = t["pcc_response"]["text"].as_str().expect("pcc");
    assert!(
        pcc.starts_with("I welcome this report") && !pcc.contains("stalking protection orders"),
        "{pcc}"
    );
    assert!(
        pcc.contains("opcc@example.org"),
        "an e-mail address is text, never a heading: {pcc}"
    );
    assert_eq!(
        t["chief_constable_response"]["responses"][0]["recommendation"],
        2
    );
    assert_eq!(
        field_lines(&record, "chief_constable_response.text"),
        Some((9, 13))
    );
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

#[test]
fn a_word_form_flattened_to_text() {
    let path = fixture("form.txt");
    let (t, notes, record) = import_with_report(&path);
    assert_eq!(
        t["policing_body"],
        "Police and Crime Commissioner for Lancashire"
    );
    assert_eq!(t["force"], "Lancashire Constabulary");
    assert_eq!(
        t["inspection"]["title"],
        "Crime Data Integrity 2017 – Lancashire Constabulary"
    );
    assert_eq!(t["inspection"]["published"], "2017-03-07");
    assert_eq!(t["response_deadline"], "2017-05-01");
    // Day-first, and before the report: kept as written, with a note.
    assert_eq!(t["office_use"]["published_on"], "2017-03-02");
    assert!(notes.contains("form.txt:5: note: office_use.published_on: 2017-03-02 is before the report's publication"), "{notes}");
    assert!(
        t["chief_constable_response"]["text"]
            .as_str()
            .expect("chief")
            .contains("Pat Doe said")
    );
    assert!(
        t["pcc_response"]["text"]
            .as_str()
            .expect("pcc")
            .starts_with("I will hold")
    );
    assert!(
        notes.contains("form.txt:2: note: not mapped (a form's options"),
        "{notes}"
    );
    assert!(notes.contains("form.txt:3: note: not mapped"), "{notes}");
    assert!(
        notes.contains("form.txt:5: note: not mapped (after the date sent: a form's instruction)"),
        "{notes}"
    );
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

#[test]
fn a_same_day_statement() {
    let path = fixture("statement.md");
    let (t, notes, record) = import_with_report(&path);
    assert_eq!(
        t["policing_body"],
        "Police, Fire and Crime Commissioner for Cumbria"
    );
    assert_eq!(t["force"], "Cumbria Constabulary");
    assert_eq!(t["inspection"]["title"], "PEEL report");
    assert_eq!(
        t["inspection"]["publication_types"],
        serde_json::json!(["PEEL"])
    );
    assert!(
        t["inspection"].get("published").is_none(),
        "\"today\" has no year: never invented"
    );
    let chief = t["chief_constable_response"]["text"]
        .as_str()
        .expect("chief");
    assert!(
        chief.starts_with("“I welcome the report") && chief.contains("plan in place.”"),
        "{chief}"
    );
    let pcc = t["pcc_response"]["text"].as_str().expect("pcc");
    assert!(
        pcc.contains("Chief Constable Jo Test said:\n\nThe Commissioner said"),
        "{pcc}"
    );
    assert!(
        notes.contains("statement.md:1: note: not mapped"),
        "{notes}"
    );
    assert!(
        notes.contains("statement.md:5: note: inspection.published: \"12 March\" has no year"),
        "{notes}"
    );
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

/// A page listing responses by labelled fields ("Report:", "Published:", "Commissioner's
/// response:") rather than headings: one file per "Report:", each with the page's body.
#[test]
fn a_page_listing_responses_by_labels() {
    let (files, notes) = import_into_folder(&fixture("list-labels.txt"), "labelled-pages");
    let [first, second] = files.as_slice() else {
        panic!("two files: {files:?}");
    };
    for t in [first, second] {
        assert_eq!(
            t["policing_body"],
            "Police and Crime Commissioner for Avon and Somerset"
        );
    }
    assert_eq!(
        first["inspection"]["title"],
        "An inspection of the police response to domestic abuse"
    );
    assert_eq!(first["inspection"]["published"], "2023-03-14");
    assert!(
        first["pcc_response"]["text"]
            .as_str()
            .expect("text")
            .starts_with("I welcome this report")
    );
    assert_eq!(
        second["inspection"]["title"],
        "PEEL 2023–2025: An inspection of Avon and Somerset Constabulary"
    );
    assert_eq!(second["inspection"]["published"], "2023-11-02");
    assert!(
        second["pcc_response"]["text"]
            .as_str()
            .expect("text")
            .starts_with("The grades are disappointing")
    );
    assert!(!notes.contains("appears again"), "{notes}");
}

/// Imports a page of several responses through the binary into a new folder (which must
/// succeed): the files written, in name order, read as trees, and the notes.
fn import_into_folder(path: &str, what: &str) -> (Vec<serde_json::Value>, String) {
    let dir = temp_dir(what);
    let out = Command::new(BIN)
        .args(["import", path, "-o"])
        .arg(&dir)
        .output()
        .expect("runs");
    let notes = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{notes}");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let trees = files
        .iter()
        .map(|f| tree(&std::fs::read_to_string(f).expect("read")))
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    (trees, notes)
}

#[test]
fn a_page_listing_several_responses() {
    let path = fixture("list-page.md");
    let refused = Command::new(BIN)
        .args(["import", &path])
        .output()
        .expect("runs");
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("lists 2 responses"));
    let (files, _) = import_into_folder(&path, "pages");
    let [first, second] = files.as_slice() else {
        panic!("two files: {files:?}");
    };
    assert_eq!(
        first["inspection"]["title"],
        "PEEL 2023–2025: An inspection of Gwent Police"
    );
    assert_eq!(first["inspection"]["published"], "2024-04-03");
    assert_eq!(
        first["policing_body"],
        "Police and Crime Commissioner for Gwent"
    );
    assert!(
        first["pcc_response"]["text"]
            .as_str()
            .expect("text")
            .contains("track the areas")
    );
    assert_eq!(second["inspection"]["published"], "2024-10-09");
    assert!(
        second["pcc_response"]["text"]
            .as_str()
            .expect("text")
            .contains("youth work")
    );
}

/// A .docx built here from its parts: headings, a list, a table, text in several runs.
fn docx(body: &str) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options)
        .expect("part");
    zip.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#).expect("write");
    zip.start_file("word/document.xml", options).expect("part");
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    zip.write_all(xml.as_bytes()).expect("write");
    zip.finish().expect("zip").into_inner()
}

fn para(style: Option<&str>, text: &str) -> String {
    let style = style.map_or(String::new(), |s| {
        format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#)
    });
    format!(r#"<w:p>{style}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

#[test]
fn a_word_document_read_from_its_parts() {
    let body = [
        para(Some("Heading1"), "Gwent PCC response to HMICFRS report: An inspection of Gwent Police custody"),
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Published on</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2 February 2024</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#.to_owned(),
        para(Some("Heading2"), "Chief Constable&apos;s comments"),
        para(None, "We accept the report. Recommendation 1: we will refit the cells by June."),
        para(Some("Heading2"), "Police and Crime Commissioner&apos;s comments"),
        para(None, "I will follow the refit."),
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>a first step</w:t></w:r></w:p>"#.to_owned(),
    ]
    .concat();
    let dir = temp_dir("docx");
    let file = dir.join("response.docx");
    std::fs::write(&file, docx(&body)).expect("write");
    let (t, _, record) = import_with_report(&file.display().to_string());
    assert_eq!(
        t["inspection"]["title"],
        "An inspection of Gwent Police custody"
    );
    assert_eq!(t["inspection"]["published"], "2024-02-02");
    assert_eq!(t["force"], "Gwent Police");
    assert_eq!(
        t["policing_body"],
        "Police and Crime Commissioner for Gwent"
    );
    assert!(
        t["chief_constable_response"]["text"]
            .as_str()
            .expect("chief")
            .starts_with("We accept the report.")
    );
    assert_eq!(
        t["chief_constable_response"]["responses"][0]["recommendation"],
        1
    );
    assert_eq!(
        t["pcc_response"]["text"],
        "I will follow the refit.\n\n- a first step\n"
    );
    assert!(
        field_lines(&record, "inspection.published").is_some(),
        "{record:#}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs `section55 import FILE` on `bytes` saved as `name`: exit code and standard error.
fn import_bytes(name: &str, bytes: &[u8]) -> (Option<i32>, String) {
    let dir = temp_dir("bad");
    let file = dir.join(name);
    std::fs::write(&file, bytes).expect("write");
    let out = Command::new(BIN)
        .arg("import")
        .arg(&file)
        .output()
        .expect("runs");
    let _ = std::fs::remove_dir_all(&dir);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bad_input_is_refused_with_what_to_do() {
    let (code, err) = import_bytes("report.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n");
    assert_eq!(code, Some(2));
    assert!(err.contains("export the text or Word first"), "{err}");
    let (code, err) = import_bytes("response.docx", b"this is not a zip");
    assert_eq!(code, Some(2));
    assert!(err.contains("not a ZIP archive"), "{err}");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("word/styles.xml", zip::write::SimpleFileOptions::default())
        .expect("part");
    let no_document = zip.finish().expect("zip").into_inner();
    let (code, err) = import_bytes("response.docx", &no_document);
    assert_eq!(code, Some(2));
    assert!(err.contains("without a Word document part"), "{err}");
    let (code, err) = import_bytes("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_eq!(code, Some(2));
    assert!(err.contains("binary file"), "{err}");
    let (code, err) = import_bytes("huge.txt", &vec![b'a'; 50 * 1024 * 1024]);
    assert_eq!(code, Some(2));
    assert!(err.contains("far more than a response"), "{err}");
    let (code, err) = import_bytes("broken.docx", &docx("<w:p><w:r><w:t>unclosed</w:r>"));
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("not well-formed XML"), "{err}");
}

#[test]
fn deeply_nested_word_lists_and_tables_are_read_flat() {
    let nested = format!(
        "{}{}{}",
        "<w:tbl><w:tr><w:tc>".repeat(10_000),
        para(None, "deep"),
        "</w:tc></w:tr></w:tbl>".repeat(10_000)
    );
    let list = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="4000000000"/></w:numPr></w:pPr><w:r><w:t>item</w:t></w:r></w:p>"#;
    let dir = temp_dir("nested");
    let file = dir.join("nested.docx");
    std::fs::write(&file, docx(&format!("{nested}{list}"))).expect("write");
    let out = Command::new(BIN)
        .arg("import")
        .arg(&file)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A page with no sections is the body's text.
    let t = tree(&String::from_utf8_lossy(&out.stdout));
    let text = t["pcc_response"]["text"].as_str().expect("text");
    assert!(
        text.starts_with("deep\n") && text.contains("- item"),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Hostile prose (50,000 answered recommendations, 20,000 chief constable quotes, lines of
/// colons) imports in bounded time: a hang detector, sized for a busy debug build.
#[test]
fn hostile_prose_imports_in_bounded_time() {
    let mut text = String::from("Kent PCC response to HMICFRS report: A test\n\n");
    for i in 1..=50_000 {
        text.push_str(&format!("Recommendation {i}: we will act on it.\n"));
    }
    for _ in 0..20_000 {
        text.push_str("Chief Constable A said: \u{201c}yes\n");
    }
    text.push_str(&"Published on: ".repeat(5_000));
    text.push('\n');
    text.push_str(&"- ".repeat(100_000));
    let dir = temp_dir("hostile");
    let file = dir.join("hostile.md");
    std::fs::write(&file, &text).expect("write");
    let mut child = Command::new(BIN)
        .arg("import")
        .arg(&file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("runs");
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(120) {
            let _ = child.kill();
            panic!("import did not finish within 120 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert!(status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

/// The dated catalogue: the force's and the body's names on the report's date.
#[test]
fn names_as_they_stood_on_the_report_date() {
    let text = "The Police and Crime Commissioner welcomes the report on Hampshire Constabulary, which HMICFRS published on 3 May 2019.\n";
    let t = tree(&section55::import::import(text).expect("imports").yaml);
    assert_eq!(t["force"], "Hampshire Constabulary");
    assert_eq!(
        t["policing_body"],
        "Police and Crime Commissioner for Hampshire"
    );
    let later = text.replace("2019", "2024");
    let imported = section55::import::import(&later).expect("imports");
    let t = tree(&imported.yaml);
    assert_eq!(
        t["policing_body"],
        "Police and Crime Commissioner for Hampshire and the Isle of Wight"
    );
    assert!(
        imported.notes.iter().any(|n| n
            .message
            .contains("on the report's date is \"Hampshire and Isle of Wight Constabulary\"")),
        "{:?}",
        imported.notes
    );
}

/// Sections by other names ("Chief Constable's comments", "Local Policing Body's Comments"), the
/// title after "HMICFRS report:", the type it names, and a sentence that only gave a date.
#[test]
fn sections_by_other_names_and_a_labelled_title() {
    let path = fixture("named-sections.md");
    let (t, notes, record) = import_with_report(&path);
    assert_eq!(
        t["policing_body"],
        "Police and Crime Commissioner for Lincolnshire"
    );
    assert_eq!(t["force"], "Lincolnshire Police");
    assert_eq!(
        t["inspection"]["title"],
        "A thematic review of how forces support victims of rural crime"
    );
    assert_eq!(
        t["inspection"]["publication_types"],
        serde_json::json!(["Thematic"])
    );
    assert_eq!(t["inspection"]["published"], "2024-10-09");
    let chief = &t["chief_constable_response"];
    assert!(
        chief["text"]
            .as_str()
            .expect("chief")
            .starts_with("Lincolnshire Police welcomes the review")
    );
    let ids: Vec<&serde_json::Value> = chief["responses"]
        .as_array()
        .expect("answers")
        .iter()
        .map(|r| &r["recommendation"])
        .collect();
    assert_eq!(ids, [1, 4, 2]);
    let pcc = &t["pcc_response"];
    assert!(
        pcc["text"]
            .as_str()
            .expect("pcc")
            .starts_with("I will follow")
    );
    assert_eq!(pcc["responses"][0]["recommendation"], 3);
    assert!(
        pcc["responses"][0]["no_action_reason"]
            .as_str()
            .expect("reason")
            .contains("does not apply to Lincolnshire")
    );
    // The date was read from line 5, but its words are in no field: reported, not dropped.
    assert!(
        notes.contains(
            "named-sections.md:5: note: not mapped (only inspection.published read from it"
        ),
        "{notes}"
    );
    assert_eq!(field_lines(&record, "inspection.title"), Some((3, 3)));
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

/// "Response from: Office of ..., AREA" says who wrote it: it is not the body's section, which
/// follows under its own heading. PEEL named by what it stands for.
#[test]
fn a_byline_is_not_a_section() {
    let path = fixture("byline.md");
    let (t, notes, record) = import_with_report(&path);
    assert_eq!(
        t["policing_body"],
        "Police and Crime Commissioner for Warwickshire"
    );
    assert_eq!(t["force"], "Warwickshire Police");
    assert_eq!(
        t["inspection"]["publication_types"],
        serde_json::json!(["PEEL"])
    );
    assert_eq!(t["inspection"]["published"], "2024-01-17");
    assert_eq!(t["response_deadline"], "2024-03-12");
    assert_eq!(
        t["pcc_response"]["text"],
        "I am encouraged by the grades and will press for faster progress on answering non-emergency calls.\n"
    );
    assert_eq!(
        t["chief_constable_response"]["text"],
        "The force accepts every area for improvement and has a plan to meet each of them.\n"
    );
    assert!(!notes.contains("appears again"), "{notes}");
    assert!(!notes.contains("not mapped"), "{notes}");
    assert_eq!(field_lines(&record, "policing_body"), Some((1, 3)));
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

/// A section whose heading comes twice keeps both parts' text.
#[test]
fn a_section_in_two_parts_keeps_both() {
    let text = "Chief Constable's Comments\n\nWe accept the findings.\n\nPolice and Crime Commissioner's Comments\n\nI welcome the report.\n\nChief Constable's Comments\n\nA second part, with the plan.\n";
    let imported = section55::import::import(text).expect("imports");
    let t = tree(&imported.yaml);
    assert_eq!(
        t["chief_constable_response"]["text"],
        "We accept the findings.\n\nA second part, with the plan.\n"
    );
    assert!(
        imported
            .notes
            .iter()
            .any(|n| n.line == Some(9) && n.message.contains("appears again")),
        "{:?}",
        imported.notes
    );
}

/// A form of fields run together two to a line: "... response to HMICFRS inspection reports"
/// (plural: no report's title), "Title of Inspection:" and "Date of publication:" on one line,
/// "Date response due:" as the deadline and "Date response published:" as the date the response
/// was published, which says nothing of the Home Secretary.
#[test]
fn a_form_with_fields_run_together() {
    let path = fixture("form-fields.txt");
    let (t, notes, record) = import_with_report(&path);
    assert_eq!(t["force"], "Devon and Cornwall Police");
    assert_eq!(
        t["inspection"]["title"],
        "PEEL 2023–2025: An inspection of Devon and Cornwall Police"
    );
    assert_eq!(t["inspection"]["published"], "2024-01-12");
    assert_eq!(t["response_deadline"], "2024-03-08");
    assert_eq!(t["office_use"]["published_on"], "2024-03-01");
    assert!(
        t["office_use"].get("sent_to_home_secretary").is_none(),
        "{t}"
    );
    assert_eq!(
        t["chief_constable_response"]["text"],
        "The force has a plan for every area for improvement.\n"
    );
    assert!(
        !notes.contains("not mapped") && !notes.contains("appears again"),
        "{notes}"
    );
    assert_eq!(
        field_lines(&record, "office_use.published_on"),
        Some((9, 9))
    );
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

/// A press statement: the chief constable quoted, then "ENDS" and notes to editors, which are
/// reported line by line and kept out of the body's comments.
#[test]
fn a_statement_ends_before_its_notes_to_editors() {
    let path = fixture("statement-ends.txt");
    let (t, notes, record) = import_with_report(&path);
    assert_eq!(
        t["policing_body"],
        "Police and Crime Commissioner for Northumbria"
    );
    assert_eq!(t["inspection"]["published"], "2024-03-14");
    assert_eq!(
        t["chief_constable_response"]["text"],
        "\"We accept the report and will act on every area for improvement.\"\n"
    );
    let pcc = t["pcc_response"]["text"].as_str().expect("pcc");
    assert!(pcc.contains("I am encouraged"), "{pcc}");
    assert!(
        !pcc.contains("ENDS") && !pcc.contains("press office"),
        "{pcc}"
    );
    for line in [9, 11, 12] {
        assert!(
            notes.contains(&format!(
                "statement-ends.txt:{line}: note: not mapped (the end of a press statement"
            )),
            "line {line}: {notes}"
        );
    }
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

/// A letter with a section for the chief constable and none for the body: the letter's text
/// before that section is the body's comments (its salutation says it is a letter), the title
/// is read from its "Re:" line, "Report published:" is a label, and "Yours sincerely," and the
/// signature end the chief constable's section: they end the body's letter.
#[test]
fn a_letter_with_the_chief_constables_section_and_a_closing() {
    let path = fixture("letter-sections.txt");
    let (t, notes, record) = import_with_report(&path);
    assert_eq!(
        t["policing_body"],
        "Police and Crime Commissioner for Cheshire"
    );
    // "Dear Home Secretary,": the letter went to the Home Secretary (undated: no date invented).
    assert_eq!(t["office_use"]["sent_to_home_secretary"], true);
    assert!(t["office_use"].get("published_on").is_none());
    assert_eq!(t["force"], "Cheshire Constabulary");
    assert_eq!(
        t["inspection"]["title"],
        "An inspection of the police response to burglary, robbery and other acquisitive crime"
    );
    assert_eq!(t["inspection"]["published"], "2023-05-05");
    let pcc = t["pcc_response"]["text"].as_str().expect("pcc");
    assert!(
        pcc.contains("I write with my comments") && pcc.contains("I am pleased"),
        "{pcc}"
    );
    assert!(
        !pcc.contains("Re: HMICFRS"),
        "the title line is used up: {pcc}"
    );
    let chief = t["chief_constable_response"]["text"]
        .as_str()
        .expect("chief");
    assert!(
        chief.starts_with("The Constabulary accepts the findings."),
        "{chief}"
    );
    assert!(
        !chief.contains("Yours sincerely") && !chief.contains("Dan Price"),
        "{chief}"
    );
    assert_eq!(
        t["chief_constable_response"]["responses"][0]["recommendation"],
        2
    );
    assert!(
        pcc.ends_with(
            "Yours sincerely,\n\nDan Price\nPolice and Crime Commissioner for Cheshire\n"
        ),
        "{pcc}"
    );
    assert!(!notes.contains("not mapped"), "{notes}");
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

/// "Response of BODY to HMICFRS' report: TITLE", sections named in words, answers to numbered
/// recommendations inside sentences ("Recommendations 1, 2 and 5 are accepted", "Recommendation
/// 3 does not apply to ... because ...", "We accept recommendation 4 ...") and "Date of
/// response:" as the date the response was published.
#[test]
fn a_response_of_the_body_with_answers_inside_sentences() {
    let path = fixture("response-of.txt");
    let (t, notes, record) = import_with_report(&path);
    assert_eq!(
        t["policing_body"],
        "Police, Fire and Crime Commissioner for Essex"
    );
    assert_eq!(t["force"], "Essex Police");
    assert_eq!(
        t["inspection"]["title"],
        "An inspection of how well the police tackle serious youth violence"
    );
    assert_eq!(t["inspection"]["published"], "2023-10-12");
    let answers = |side: &str| -> Vec<(u64, bool)> {
        t[side]["responses"]
            .as_array()
            .expect("responses")
            .iter()
            .map(|r| {
                let id = r["recommendation"].as_u64().expect("id");
                (id, r.get("no_action_reason").is_some())
            })
            .collect()
    };
    assert_eq!(
        answers("pcc_response"),
        [(1, false), (2, false), (5, false), (3, true)]
    );
    assert_eq!(answers("chief_constable_response"), [(4, false)]);
    assert!(
        t["pcc_response"]["responses"][3]["no_action_reason"]
            .as_str()
            .expect("reason")
            .contains("no custody suites")
    );
    assert_eq!(t["office_use"]["published_on"], "2023-12-05");
    assert!(!notes.contains("not mapped"), "{notes}");
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

/// A page headed by the report's title on a line of its own, the publication stated in a
/// sentence ("HMICFRS published this report on 1st July 2022"), and a later sentence naming
/// another report: the title is the line near the top (used up, not also in the text), the date
/// the first sentence's.
#[test]
fn a_title_on_a_line_of_its_own_and_the_publication_in_a_sentence() {
    let path = fixture("title-line.md");
    let (t, notes, record) = import_with_report(&path);
    assert_eq!(
        t["policing_body"],
        "Police and Crime Commissioner for Lancashire"
    );
    assert_eq!(t["force"], "Lancashire Constabulary");
    assert_eq!(
        t["inspection"]["title"],
        "PEEL 2021/22: An inspection of Lancashire Constabulary"
    );
    assert_eq!(
        t["inspection"]["publication_types"],
        serde_json::json!(["PEEL"])
    );
    assert_eq!(t["inspection"]["published"], "2022-07-01");
    let text = t["pcc_response"]["text"].as_str().expect("pcc");
    assert!(!text.contains("PEEL 2021/22"), "{text}");
    assert!(text.contains("I welcome the report"), "{text}");
    assert_eq!(field_lines(&record, "inspection.title"), Some((3, 3)));
    assert_eq!(field_lines(&record, "inspection.published"), Some((5, 5)));
    assert!(!notes.contains("not mapped"), "{notes}");
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

/// "Commissioner's response to HMICFRS inspection: TITLE" and text under it before the chief
/// constable's section: the body is the named force's (catalogue), the text its comments.
#[test]
fn a_short_title_in_the_heading_and_the_text_under_it() {
    let path = fixture("short-heading.md");
    let (t, notes, record) = import_with_report(&path);
    assert_eq!(
        t["policing_body"],
        "Police and Crime Commissioner for Suffolk"
    );
    assert_eq!(t["force"], "Suffolk Constabulary");
    assert_eq!(
        t["inspection"]["title"],
        "An inspection of how Suffolk Constabulary manages its custody suites"
    );
    assert_eq!(
        t["inspection"]["publication_types"],
        serde_json::json!(["Custody suites"])
    );
    assert_eq!(t["inspection"]["published"], "2024-06-06");
    assert!(
        t["pcc_response"]["text"]
            .as_str()
            .expect("pcc")
            .starts_with("The Commissioner welcomes the inspection.")
    );
    assert_eq!(
        t["chief_constable_response"]["text"],
        "The Chief Constable has appointed a new custody lead.\n"
    );
    assert_eq!(t["areas_for_improvement"], serde_json::json!([]));
    assert!(!notes.contains("not mapped"), "{notes}");
    assert_eq!(field_lines(&record, "pcc_response.text"), Some((5, 5)));
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
    // Without a force named, "Commissioner" alone is no body's name: left out, not invented.
    let bare = "# Commissioner's response to HMICFRS inspection: A review of call handling\n\nThe Commissioner welcomes the review.\n";
    let t = tree(&section55::import::import(bare).expect("imports").yaml);
    assert!(t.get("policing_body").is_none(), "{t}");
}

/// A form with the force's response and no body's section: the form's options and
/// instructions above it stay reported, never the body's comments.
#[test]
fn a_form_without_the_bodys_section_keeps_its_options_out_of_the_text() {
    let form = std::fs::read_to_string(fixture("form.txt")).expect("read");
    let without: String = form
        .lines()
        .filter(|l| !l.starts_with("PCC RESPONSE"))
        .map(|l| format!("{l}\n"))
        .collect();
    let imported = section55::import::import(&without).expect("imports");
    let t = tree(&imported.yaml);
    assert!(t.get("pcc_response").is_none(), "{t}");
    assert!(
        imported
            .notes
            .iter()
            .any(|n| n.line == Some(3) && n.message.contains("a form's options")),
        "{:?}",
        imported.notes
    );
}

/// A news page: the headline names the report, "published today" on a dated page gives the
/// report's date, the page's own date ("Posted on") the response's, and a copy sent to the Home
/// Office is recorded without inventing a date for it.
#[test]
fn a_news_page_with_its_headline_dateline_and_posting_date() {
    let path = fixture("news-page.txt");
    let (t, notes, record) = import_with_report(&path);
    assert_eq!(
        t["policing_body"],
        "Police and Crime Commissioner for Dorset"
    );
    assert_eq!(t["force"], "Dorset Police");
    assert_eq!(t["inspection"]["title"], "Custody Review");
    assert_eq!(t["inspection"]["published"], "2024-06-14");
    assert_eq!(t["office_use"]["published_on"], "2024-06-14");
    assert_eq!(t["office_use"]["sent_to_home_secretary"], true);
    let pcc = t["pcc_response"]["text"].as_str().expect("pcc");
    assert!(
        pcc.contains("Given HMICFRS' praise elsewhere"),
        "a sentence about HMICFRS' praise is the body's, not a title: {pcc}"
    );
    assert!(
        !pcc.contains("Commissioner welcomes"),
        "the headline is used up as the title: {pcc}"
    );
    let rule = |field: &str| {
        record["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .find(|f| f["field"] == field)
            .map(|f| {
                (
                    f["lines"].clone(),
                    f["rule"].as_str().unwrap_or("").to_owned(),
                )
            })
    };
    let (lines, why) = rule("inspection.published").expect("published recorded");
    assert_eq!(lines, serde_json::json!([3, 5]), "{why}");
    assert!(why.contains("published today"), "{why}");
    assert_eq!(
        rule("office_use.published_on").map(|(l, _)| l),
        Some(serde_json::json!([3, 3]))
    );
    assert!(!notes.contains("not mapped"), "{notes}");
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

/// A letter to the Home Secretary dated at the top: sent on that date; "the national
/// inspection report" makes it thematic; the deadline comes from a sentence.
#[test]
fn a_dated_letter_to_the_home_secretary() {
    let path = fixture("letter-dated.txt");
    let (t, _, record) = import_with_report(&path);
    assert_eq!(
        t["policing_body"],
        "Police and Crime Commissioner for Suffolk"
    );
    assert_eq!(t["office_use"]["sent_to_home_secretary"], true);
    assert_eq!(t["office_use"]["published_on"], "2022-03-03");
    assert_eq!(
        t["inspection"]["publication_types"],
        serde_json::json!(["Thematic"])
    );
    assert_eq!(t["response_deadline"], "2022-03-10");
    assert!(
        t["inspection"].get("published").is_none(),
        "the letter does not say when the report was published"
    );
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

/// A chief constable's reply introduced by a sentence and quoted: it ends at the first
/// paragraph that does not open with a quotation mark (his signature aside); the body's closing
/// paragraphs after it are the body's.
#[test]
fn a_quoted_reply_ends_where_the_quotation_marks_do() {
    let path = fixture("quoted-reply.txt");
    let (t, notes, record) = import_with_report(&path);
    assert_eq!(
        t["inspection"]["title"],
        "An inspection of how well the police tackle serious youth violence"
    );
    let chief = t["chief_constable_response"]["text"]
        .as_str()
        .expect("chief");
    assert!(
        chief.starts_with("\u{201c}I welcome this inspection."),
        "{chief}"
    );
    assert!(
        chief
            .trim_end()
            .ends_with("Pat Doe, Chief Constable of Wiltshire Police"),
        "{chief}"
    );
    assert!(!chief.contains("quarterly performance"), "{chief}");
    let pcc = t["pcc_response"]["text"].as_str().expect("pcc");
    assert!(pcc.starts_with("I asked the Chief Constable"), "{pcc}");
    assert!(
        pcc.contains("quarterly performance meetings") && pcc.contains("updates on my website"),
        "{pcc}"
    );
    assert!(!notes.contains("not mapped"), "{notes}");
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

/// A form's "Title of Inspection Report", a "Type of Inspection" naming one type, and a remark
/// in brackets after the force's name (reported, not kept in the name).
#[test]
fn a_form_with_its_type_and_a_remark_after_the_force() {
    let path = fixture("form-remarks.txt");
    let (t, notes, record) = import_with_report(&path);
    assert_eq!(
        t["inspection"]["title"],
        "An inspection of the police service's approach to stalking"
    );
    assert_eq!(t["inspection"]["published"], "2023-07-04");
    assert_eq!(
        t["inspection"]["publication_types"],
        serde_json::json!(["Thematic"])
    );
    assert_eq!(t["force"], "Lincolnshire Police");
    assert!(
        notes.contains(
            "form-remarks.txt:9: note: not mapped (a remark in brackets after the force's name): \"(not one of the forces visited)\""
        ),
        "{notes}"
    );
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

/// Numbered items with a "Response:" line under each: under a list's heading ("1. ..."), and
/// inside the body's comments ("Recommendation 3: ..."). Each item lands in its list and each
/// answer in the body's responses; a signature after the last answer is reported, not kept.
#[test]
fn numbered_items_with_their_responses() {
    let path = fixture("numbered-answers.txt");
    let (t, notes, record) = import_with_report(&path);
    assert_eq!(t["recommendations"][0]["id"], 3);
    assert_eq!(
        t["recommendations"][0]["text"],
        "Chief constables should review how quickly reports of missing children are graded."
    );
    let areas = t["areas_for_improvement"].as_array().expect("areas");
    assert_eq!(areas.len(), 2);
    assert_eq!(areas[1]["id"], 2);
    assert_eq!(
        areas[1]["text"],
        "The force should share information with schools sooner."
    );
    let responses = t["pcc_response"]["responses"]
        .as_array()
        .expect("responses");
    assert_eq!(responses.len(), 3);
    assert_eq!(responses[0]["recommendation"], 3);
    assert_eq!(
        responses[0]["action"],
        "The force reviewed its grading in May and now grades every report within an hour."
    );
    assert_eq!(responses[2]["area_for_improvement"], 2);
    assert_eq!(
        responses[2]["action"],
        "Schools now receive a daily summary."
    );
    assert_eq!(
        t["pcc_response"]["text"],
        "I accept the report and have asked the force for a plan.\n"
    );
    assert!(
        notes.contains("numbered-answers.txt:20: note: not mapped (a form's signature and date, after the last answer)"),
        "{notes}"
    );
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

/// A statement by "West Yorkshire's Police and Crime Commissioner" about a report of no stated
/// date: the body of that title the area had (a mayor's today), PEEL from the heading, and the
/// statement's date from the brackets after it.
#[test]
fn an_undated_statement_names_the_body_by_the_title_it_gives() {
    let path = fixture("statement-former-body.txt");
    let (t, _, record) = import_with_report(&path);
    assert_eq!(
        t["policing_body"],
        "Police and Crime Commissioner for West Yorkshire"
    );
    assert_eq!(t["force"], "West Yorkshire Police");
    assert_eq!(
        t["inspection"]["publication_types"],
        serde_json::json!(["PEEL"])
    );
    assert_eq!(t["office_use"]["published_on"], "2014-11-27");
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

/// "Response to HMICFRS report: TITLE" with no body before it; "for Warwickshire I am ..."
/// (the pronoun is not the area's); a response provided to the Secretary of State (no date
/// invented: the date in the sentence is the report's, "the 10th of September 2024"); a
/// heading naming only "the HMICFRS report" is no title.
#[test]
fn a_letter_to_the_minister_under_a_heading_naming_the_report() {
    let path = fixture("letter-minister.txt");
    let (t, _, record) = import_with_report(&path);
    assert_eq!(
        t["policing_body"],
        "Police and Crime Commissioner for Warwickshire"
    );
    assert_eq!(
        t["inspection"]["title"],
        "An inspection of how the police respond to stalking"
    );
    assert_eq!(t["inspection"]["published"], "2024-09-10");
    assert_eq!(t["office_use"]["sent_to_home_secretary"], true);
    assert!(
        t["office_use"].get("published_on").is_none(),
        "{}",
        t["office_use"]
    );
    let pcc = t["pcc_response"]["text"].as_str().expect("pcc");
    assert!(pcc.contains("I welcome the report"), "{pcc}");
    assert_every_line_accounted_for(&std::fs::read_to_string(&path).expect("read"), &record);
}

/// Imports `text` written to a file named `name`, with its report.
fn import_text(name: &str, text: &str) -> (serde_json::Value, String, serde_json::Value) {
    let dir = temp_dir(name);
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    let result = import_with_report(path.to_str().expect("utf-8 path"));
    assert_every_line_accounted_for(text, &result.2);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// The readers of prose do not reach into a template's sections: a chief constable's section
/// that opens with a quotation runs to the next heading, as it always did.
#[test]
fn a_template_section_that_opens_with_a_quote_runs_to_the_next_heading() {
    let text = "Kent's Police and Crime Commissioner (PCC) response to inspections published by HMICFRS\n\n\
        Chief Constable's response to the report:\n\n\
        \u{201c}Good progress\u{201d}, the report says of our work.\n\n\
        I welcome the report and accept its findings.\n\n\
        PCC's response:\n\nI will follow the plan.\n";
    let (t, _, _) = import_text("template-quote.txt", text);
    let chief = t["chief_constable_response"]["text"]
        .as_str()
        .expect("chief");
    assert!(
        chief.contains("Good progress") && chief.contains("I welcome the report"),
        "{chief}"
    );
}

/// A quoted reply with his own words between quotes runs to his signature.
#[test]
fn a_quoted_reply_runs_to_the_chief_constables_signature() {
    let text = "Surrey PCC response to HMICFRS report: An inspection of roads policing\n\n\
        I asked the Chief Constable for his view.\n\n\
        The Chief Constable's response was as follows:\n\n\
        \u{201c}I welcome the report.\u{201d}\n\n\
        We have already begun the work it asks for.\n\n\
        \u{201c}I will report on it in the spring.\u{201d}\n\n\
        Pat Doe, Chief Constable of Surrey Police\n\n\
        I will hold him to account for it.\n";
    let (t, _, _) = import_text("quote-signature.txt", text);
    let chief = t["chief_constable_response"]["text"]
        .as_str()
        .expect("chief");
    assert!(
        chief.contains("already begun") && chief.contains("Pat Doe"),
        "{chief}"
    );
    let pcc = t["pcc_response"]["text"].as_str().expect("pcc");
    assert!(
        pcc.contains("hold him to account") && !pcc.contains("already begun"),
        "{pcc}"
    );
}

/// An item the list above already has, restated with its "Response:" in a section, keeps its
/// lines in that section's text (nothing is lost); "Signed off by ..." inside an answer is the
/// answer's, not a form's signature.
#[test]
fn a_restated_item_keeps_its_lines_and_signed_off_is_not_a_signature() {
    let text = "Kent PCC response to HMICFRS report: An inspection of roads policing\n\n\
        Recommendations\n\n\
        1. Forces should review their roads policing plans.\n\n\
        PCC's comments:\n\n\
        Recommendation 1: Forces should review their roads policing plans.\n\
        Response: The plan was signed off in May.\n\
        Signed off by the chief officer group, it is now in force.\n";
    let (t, _, _) = import_text("restated.txt", text);
    assert_eq!(
        t["recommendations"].as_array().map(Vec::len),
        Some(1),
        "{}",
        t["recommendations"]
    );
    let pcc = serde_json::to_string(&t["pcc_response"]).expect("json");
    assert!(
        pcc.contains("Recommendation 1: Forces should review")
            && pcc.contains("chief officer group"),
        "{pcc}"
    );
}

/// A form's options, each in a paragraph of its own, are not a choice of type.
#[test]
fn options_in_paragraphs_of_their_own_are_not_a_type() {
    let text = "Title of Inspection: An inspection of how the police respond to stalking\n\n\
        Type of Inspection: Thematic\n\nForce Specific\n\nJoint\n\n\
        PCC's comments:\n\nI welcome the report.\n";
    let (t, notes, _) = import_text("options.txt", text);
    assert!(
        t["inspection"].get("publication_types").is_none(),
        "{}",
        t["inspection"]
    );
    assert!(notes.contains("a form's options"), "{notes}");
}
