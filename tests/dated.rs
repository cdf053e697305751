//! The law and the bodies as they stood on the report's date (issue 9): the version of s.55 that
//! applied, the dated catalogue of forces and bodies, and the statutory rules that follow from
//! them. Fixtures in `tests/fixtures/dated/` are written for these tests in the shapes offices
//! publish (a letter, a statement, numbered prose).

use chrono::{Days, NaiveDate};
use section55::config::Config;
use section55::diagnostic::{Diagnostic, Severity};
use section55::rules;

const LETTER_2014: &str = include_str!("fixtures/dated/letter-2014.s55.yaml");
const STATEMENT_2017: &str = include_str!("fixtures/dated/statement-2017-march.s55.yaml");
const PROSE_2019: &str = include_str!("fixtures/dated/prose-2019.s55.yaml");
const CLEAN: &str = include_str!("../examples/surrey-peel-2025.s55.yaml");

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn lint_on(text: &str, today: NaiveDate) -> Vec<Diagnostic> {
    rules::lint(text, &Config::default(), today)
}

fn lint(text: &str) -> Vec<Diagnostic> {
    lint_on(text, date(2026, 12, 1))
}

fn rules_of(found: &[Diagnostic]) -> Vec<&str> {
    found.iter().map(|d| d.rule).collect()
}

/// The 1-based line and column (in characters) where `needle` starts in `text`.
fn at(text: &str, needle: &str) -> (u32, u32) {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in text"));
    let before = &text[..byte];
    let line = before.matches('\n').count() as u32;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[start..byte].chars().count() as u32)
}

fn starts_at(d: &Diagnostic) -> (u32, u32) {
    (d.span.start.line, d.span.start.col)
}

const STATUTORY_ONLY: [&str; 7] = [
    "deadline-mismatch",
    "deadline-off-by-one",
    "published-late",
    "overdue",
    "unanswered-recommendation",
    "missing-no-action-reason",
    "statutory-copy-missing",
];

#[test]
fn a_2014_report_gets_no_statutory_findings() {
    let found = lint(LETTER_2014);
    // Published four months after the office's own deadline, no responses to either
    // recommendation, no copy to HMICFRS, and "overdue" by thousands of days by today's count:
    // none of it was a breach of s.55 as it stood in 2014.
    assert_eq!(rules_of(&found), Vec::<&str>::new(), "{found:#?}");
}

#[test]
fn a_march_2017_report_is_judged_by_the_original_section() {
    let found = lint(STATEMENT_2017);
    assert_eq!(rules_of(&found), ["deadline-mismatch"], "{found:#?}");
    let d = &found[0];
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(starts_at(d), at(STATEMENT_2017, "2017-02-27"));
    assert_eq!(d.span.end.col - d.span.start.col, 10);
    assert!(
        d.message.contains("before the report was published"),
        "{}",
        d.message
    );
    assert!(d.message.contains("no statutory period"), "{}", d.message);
    assert!(d.message.contains("SI 2017/399"), "{}", d.message);
    // A deadline after publication is the office's own business.
    let fine = STATEMENT_2017.replace("2017-02-27", "2017-06-30");
    assert_eq!(rules_of(&lint(&fine)), Vec::<&str>::new());
}

#[test]
fn a_2019_report_gets_the_statutory_treatment() {
    let found = lint(PROSE_2019);
    let rules = rules_of(&found);
    // Deadline: 2 May 2019 + 55 days is 26 June; the file says 27 June (the +56 miscount), and
    // 1 July is 5 days late. Recommendation 1 is not answered anywhere; no copy to HMICFRS.
    assert!(rules.contains(&"deadline-off-by-one"), "{found:#?}");
    assert!(rules.contains(&"published-late"), "{found:#?}");
    assert!(rules.contains(&"statutory-copy-missing"), "{found:#?}");
    let unanswered: Vec<&Diagnostic> = found
        .iter()
        .filter(|d| d.rule == "unanswered-recommendation")
        .collect();
    assert!(
        unanswered.iter().any(|d| d.severity == Severity::Error
            && starts_at(d) == at(PROSE_2019, "1\n    text: The force should improve")),
        "{unanswered:#?}"
    );
    // Recommendation 2 is answered in the PCC's prose: an info finding, with a fix that records
    // the sentence as a structured response.
    let prose = unanswered
        .iter()
        .find(|d| starts_at(d) == at(PROSE_2019, "2\n    text: The force should review"))
        .expect("recommendation 2");
    assert_eq!(prose.severity, Severity::Info);
    assert!(
        prose.message.contains("answered only in prose"),
        "{}",
        prose.message
    );
    let fix = &prose.fixes[0];
    assert_eq!(fix.edits.len(), 1);
    let new_text = &fix.edits[0].new_text;
    assert!(
        new_text.contains("responses:\n    - recommendation: 2\n      action: >-\n        In response to recommendation 2, the force has appointed a wellbeing lead who will review the support given after every traumatic incident."),
        "{new_text}"
    );
    assert_eq!(unanswered.len(), 2, "{unanswered:#?}");
    // With the fix applied, recommendation 2 is answered.
    let lines = section55::document::LineIndex::new(PROSE_2019);
    let start = lines.offset(PROSE_2019, fix.edits[0].span.start);
    let mut fixed = PROSE_2019.to_owned();
    fixed.insert_str(start, new_text);
    let after = lint(&fixed);
    assert_eq!(
        after
            .iter()
            .filter(|d| d.rule == "unanswered-recommendation")
            .count(),
        1,
        "{after:#?}"
    );
}

/// Over every publication date from 2013 to 2029, s.55(5A) applies exactly from 2 May 2017.
#[test]
fn the_56_day_period_applies_from_2_may_2017_and_never_before() {
    let commencement = date(2017, 5, 2);
    let mut day = date(2013, 1, 1);
    let mut checked = 0;
    while day <= date(2029, 12, 31) {
        let miscount = day.checked_add_days(Days::new(56)).expect("date");
        let text = CLEAN
            .replace("published: 2025-09-10", &format!("published: {day}"))
            .replace(
                "response_deadline: 2025-11-04",
                &format!("response_deadline: {miscount}"),
            )
            .replace(
                "  published_on_website: true\n  published_on: 2025-10-30\n",
                "",
            );
        // Far enough after the last day that an unpublished response is overdue.
        let today = miscount.checked_add_days(Days::new(30)).expect("date");
        let found = lint_on(&text, today);
        let fired = |rule: &str| found.iter().any(|d| d.rule == rule);
        let statutory = day >= commencement;
        assert_eq!(fired("deadline-off-by-one"), statutory, "{day}: {found:#?}");
        assert_eq!(fired("overdue"), statutory, "{day}: {found:#?}");
        assert!(!fired("deadline-mismatch"), "{day}: {found:#?}");
        // Days around the commencement one by one, the rest a week apart (the debug build).
        let step = if (day - commencement).num_days().abs() < 14 {
            1
        } else {
            7
        };
        day = day.checked_add_days(Days::new(step)).expect("date");
        checked += 1;
    }
    assert!(checked > 800, "{checked}");
}

#[test]
fn rule_documentation_explains_the_dated_behaviour() {
    for name in STATUTORY_ONLY {
        let rule = rules::find(name).expect("rule");
        let doc = rules::doc_text(rule);
        assert!(doc.contains("2 May 2017"), "{name}");
        assert!(doc.contains("SI 2017/399"), "{name}");
    }
}

/// The clean example for `force` and `body`, on a report published on `published`.
fn response(force: &str, body: &str, published: &str) -> String {
    let day = NaiveDate::parse_from_str(published, "%Y-%m-%d").expect("date");
    let last = day.checked_add_days(Days::new(55)).expect("date");
    CLEAN
        .replace("Police and Crime Commissioner for Surrey", body)
        .replace("Surrey Police]", &format!("{force}]"))
        .replace("force: Surrey Police", &format!("force: {force}"))
        .replace("published: 2025-09-10", &format!("published: {published}"))
        .replace(
            "response_deadline: 2025-11-04",
            &format!("response_deadline: {last}"),
        )
        .replace("published_on: 2025-10-30", &format!("published_on: {last}"))
        .replace("due: 2026-03-31", "due: 2030-03-31")
        .replace("2026-02-28", "2030-02-28")
        .replace("2026-01-31", "2030-01-31")
        .replace("By 31 March 2026", "By 31 March 2030")
}

fn findings_of<'a>(found: &'a [Diagnostic], rule: &str) -> Vec<&'a Diagnostic> {
    found.iter().filter(|d| d.rule == rule).collect()
}

#[test]
fn a_former_force_name_is_right_on_an_old_report_and_outdated_on_a_new_one() {
    let old = response(
        "Hampshire Constabulary",
        "Police and Crime Commissioner for Hampshire",
        "2016-11-03",
    );
    let found = lint(&old);
    assert_eq!(rules_of(&found), Vec::<&str>::new(), "{found:#?}");

    let new = response(
        "Hampshire Constabulary",
        "Police and Crime Commissioner for Hampshire and the Isle of Wight",
        "2024-03-07",
    );
    let found = lint(&new);
    let outdated = findings_of(&found, "unknown-force");
    assert_eq!(outdated.len(), 2, "force and inspection.forces: {found:#?}");
    let d = outdated[0];
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(starts_at(d), at(&new, "Hampshire Constabulary"));
    assert_eq!(
        d.span.end.col - d.span.start.col,
        "Hampshire Constabulary".len() as u32
    );
    assert!(
        d.message.contains("until 15 November 2022"),
        "{}",
        d.message
    );
    assert_eq!(
        d.fixes[0].edits[0].new_text,
        "Hampshire and Isle of Wight Constabulary"
    );
}

#[test]
fn brand_names_are_accepted() {
    let text = response(
        "Avon and Somerset Police",
        "Police and Crime Commissioner for Avon and Somerset",
        "2025-02-06",
    );
    assert_eq!(rules_of(&lint(&text)), Vec::<&str>::new());
}

#[test]
fn bodies_are_judged_by_what_held_on_the_report_date() {
    let cases: &[(&str, &str, &str, Option<&str>)] = &[
        // (force, body, published, the body the fix offers when it is wrong)
        (
            "South Yorkshire Police",
            "Police and Crime Commissioner for South Yorkshire",
            "2023-06-01",
            None,
        ),
        (
            "South Yorkshire Police",
            "Police and Crime Commissioner for South Yorkshire",
            "2025-06-05",
            Some("Mayor of South Yorkshire"),
        ),
        (
            "South Yorkshire Police",
            "Mayor of South Yorkshire",
            "2024-05-07",
            None,
        ),
        (
            "West Midlands Police",
            "Mayor of the West Midlands",
            "2025-01-09",
            Some("Police and Crime Commissioner for West Midlands"),
        ),
        (
            "Essex Police",
            "Police, Fire and Crime Commissioner for Essex",
            "2016-09-22",
            Some("Police and Crime Commissioner for Essex"),
        ),
        (
            "Essex Police",
            "Police, Fire and Crime Commissioner for Essex",
            "2019-09-19",
            None,
        ),
        (
            "Essex Police",
            "Police and Crime Commissioner for Essex",
            "2019-09-19",
            None,
        ),
        (
            "North Yorkshire Police",
            "Police, Fire and Crime Commissioner for North Yorkshire",
            "2019-03-01",
            None,
        ),
        (
            "North Yorkshire Police",
            "Police, Fire and Crime Commissioner for North Yorkshire",
            "2025-03-13",
            Some("Mayor of York and North Yorkshire"),
        ),
        (
            "Greater Manchester Police",
            "Mayor of Greater Manchester",
            "2016-12-08",
            Some("Police and Crime Commissioner for Greater Manchester"),
        ),
        (
            "Greater Manchester Police",
            "Mayor of Greater Manchester",
            "2018-03-22",
            None,
        ),
        (
            "West Yorkshire Police",
            "Police and Crime Commissioner for West Yorkshire",
            "2020-10-01",
            None,
        ),
        (
            "Cumbria Constabulary",
            "Police, Fire and Crime Commissioner for Cumbria",
            "2022-05-05",
            Some("Police and Crime Commissioner for Cumbria"),
        ),
        (
            "Durham Constabulary",
            "Police, Crime and Victims' Commissioner for Durham",
            "2023-05-04",
            None,
        ),
        (
            "Norfolk Constabulary",
            "Norfolk's Police and Crime Commissioner",
            "2025-10-24",
            None,
        ),
    ];
    for (force, body, published, expected) in cases {
        let text = response(force, body, published);
        let found = lint(&text);
        let wrong = findings_of(&found, "policing-body-mismatch");
        match expected {
            None => assert!(wrong.is_empty(), "{body} on {published}: {wrong:#?}"),
            Some(right) => {
                assert_eq!(wrong.len(), 1, "{body} on {published}: {found:#?}");
                let d = wrong[0];
                assert_eq!(starts_at(d), at(&text, body), "{body}");
                assert_eq!(
                    d.span.end.col - d.span.start.col,
                    body.chars().count() as u32
                );
                assert!(
                    d.message.contains(right),
                    "{body} on {published}: {}",
                    d.message
                );
                assert_eq!(
                    d.fixes[0].edits[0].new_text, *right,
                    "{body} on {published}"
                );
            }
        }
    }
}

#[test]
fn an_office_adds_a_future_body_with_its_start_date() {
    let config = Config::parse(
        "[[catalogue.policing_bodies]]\nforce = \"Norfolk\"\nname = \"Norfolk and Suffolk Police and Crime Board\"\nfrom = 2028-05-08\n",
        &rules::names(),
    )
    .expect("config");
    let lint_with = |text: &str| rules::lint(text, &config, date(2028, 7, 1));
    let before = response(
        "Norfolk Constabulary",
        "Police and Crime Commissioner for Norfolk",
        "2028-04-06",
    );
    assert_eq!(rules_of(&lint_with(&before)), Vec::<&str>::new());
    let after = response(
        "Norfolk Constabulary",
        "Police and Crime Commissioner for Norfolk",
        "2028-06-01",
    );
    let found = lint_with(&after);
    let wrong = findings_of(&found, "policing-body-mismatch");
    assert_eq!(wrong.len(), 1, "{found:#?}");
    assert_eq!(
        wrong[0].fixes[0].edits[0].new_text,
        "Norfolk and Suffolk Police and Crime Board"
    );
    let board = response(
        "Norfolk Constabulary",
        "Norfolk and Suffolk Police and Crime Board",
        "2028-06-01",
    );
    assert!(findings_of(&lint_with(&board), "policing-body-mismatch").is_empty());

    let typo = Config::parse(
        "[[catalogue.policing_bodies]]\nforce = \"Norfolk Constabulry\"\nname = \"X\"\nfrom = 2028-05-08\n",
        &rules::names(),
    )
    .expect_err("unknown force");
    assert!(
        typo.contains("did you mean `Norfolk Constabulary`"),
        "{typo}"
    );
    let quoted = Config::parse(
        "[[catalogue.policing_bodies]]\nforce = \"Norfolk\"\nname = \"X\"\nfrom = \"2028-05-08\"\n",
        &rules::names(),
    )
    .expect_err("a string is not a date");
    assert!(quoted.contains("from"), "{quoted}");
}

/// The clean example with the chief constable's section replaced by `section`.
fn with_chief_section(section: &str) -> String {
    let start = CLEAN.find("chief_constable_response:\n").expect("section");
    let end = CLEAN.find("pcc_response:").expect("section");
    format!("{}{section}\n{}", &CLEAN[..start], &CLEAN[end..])
}

#[test]
fn a_chief_officer_who_submitted_no_comments_is_a_valid_state() {
    let text = with_chief_section(
        "chief_constable_response:\n  submitted: false\n  invited_on: 2025-09-10\n",
    );
    let found = lint(&text);
    assert!(
        !found
            .iter()
            .any(|d| matches!(d.rule, "missing-section" | "empty-section" | "schema")),
        "{found:#?}"
    );
    let response = section55::render::read(&text).expect("readable");
    let page = section55::render::render(&response, section55::render::Format::Markdown);
    assert!(
        page.contains(
            "The Chief Constable was invited to comment on the report and submitted no comments."
        ),
        "{page}"
    );
    assert!(
        page.contains("Invited to comment: 10 September 2025"),
        "{page}"
    );

    // Without the record, the missing text is a missing section that says how to record it.
    let text = with_chief_section("chief_constable_response:\n  invited_on: 2025-09-10\n");
    let found = lint(&text);
    let missing: Vec<&Diagnostic> = found
        .iter()
        .filter(|d| d.rule == "missing-section")
        .collect();
    assert_eq!(missing.len(), 1, "{found:#?}");
    assert_eq!(
        starts_at(missing[0]),
        at(&text, "chief_constable_response:")
    );
    assert!(
        missing[0].message.contains("submitted: false"),
        "{}",
        missing[0].message
    );
    assert!(!found.iter().any(|d| d.rule == "schema"), "{found:#?}");

    // The body's own comments are always required.
    let text = CLEAN.replace("pcc_response:\n  text: |\n    I am encouraged by the inspectorate's findings. I will hold the Chief Constable to account for delivering the improvements he describes through my quarterly performance meetings, and I will publish progress on the recommendation.\n", "pcc_response:\n  submitted: false\n");
    let found = lint(&text);
    let missing: Vec<&Diagnostic> = found
        .iter()
        .filter(|d| d.rule == "missing-section")
        .collect();
    assert_eq!(missing.len(), 1, "{found:#?}");
    assert_eq!(starts_at(missing[0]), at(&text, "pcc_response:"));
    assert!(
        !missing[0].message.contains("submitted: false"),
        "{}",
        missing[0].message
    );
}

#[test]
fn profiles_decide_which_sections_are_required() {
    let without = CLEAN
        .replace("response_deadline: 2025-11-04\n", "")
        .replace(
            "  link: https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-assessment-2025-surrey/\n",
            "",
        );
    let key_findings_at = without.find("key_findings: |").expect("key findings");
    let recommendations_at = without.find("recommendations:\n").expect("recommendations");
    let without = format!(
        "{}{}",
        &without[..key_findings_at],
        &without[recommendations_at..]
    );

    // The template (the default): each is missing, and said to be the template's, not the law's.
    let found = lint(&without);
    let missing: Vec<&Diagnostic> = found
        .iter()
        .filter(|d| d.rule == "missing-section")
        .collect();
    assert_eq!(missing.len(), 3, "{found:#?}");
    for d in &missing {
        assert!(
            d.message.contains("section 55 itself does not require it"),
            "{}",
            d.message
        );
    }
    assert_eq!(starts_at(missing[0]), at(&without, "inspection:"));

    // The statutory profile: none of them.
    let statutory = Config::parse("profile = \"statutory\"\n", &rules::names()).expect("config");
    let found = rules::lint(&without, &statutory, date(2026, 12, 1));
    assert!(
        !found.iter().any(|d| d.rule == "missing-section"),
        "{found:#?}"
    );

    // An office's own required sections, on top of the profile.
    let office = Config::parse(
        "profile = \"statutory\"\nrequired_sections = [\"key_findings\", \"office_use\"]\n",
        &rules::names(),
    )
    .expect("config");
    let no_office = without
        .split("office_use:")
        .next()
        .unwrap_or_default()
        .to_owned();
    let found = rules::lint(&no_office, &office, date(2026, 12, 1));
    let missing: Vec<&str> = found
        .iter()
        .filter(|d| d.rule == "missing-section")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(missing.len(), 2, "{found:#?}");
    assert!(
        missing.iter().any(|m| m.contains("`key_findings`")),
        "{missing:?}"
    );
    assert!(
        missing
            .iter()
            .any(|m| m.contains("`office_use`") && m.contains("your office requires it")),
        "{missing:?}"
    );

    let typo = Config::parse("required_sections = [\"key_finding\"]\n", &rules::names())
        .expect_err("unknown section");
    assert!(typo.contains("did you mean `key_findings`"), "{typo}");
    let bad = Config::parse("profile = \"law\"\n", &rules::names()).expect_err("unknown profile");
    assert!(bad.contains("statutory"), "{bad}");
}
