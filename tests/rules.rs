//! Every rule of SPEC §4: a file where it fires, with rule, severity and exact range, and the
//! correct file where it does not. Files are variations of the clean example.

use chrono::NaiveDate;
use section55::config::Config;
use section55::diagnostic::{Applicability, Diagnostic, Pos, Severity, Span};
use section55::rules;

const CLEAN: &str = include_str!("../examples/surrey-peel-2025.s55.yaml");
const NORFOLK: &str = include_str!("../examples/norfolk-gbcse-progress-2025.s55.yaml");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).expect("date")
}

fn lint(text: &str) -> Vec<Diagnostic> {
    rules::lint(text, &Config::default(), today())
}

/// The clean example with `from` replaced by `to` (which must occur exactly once).
fn variant(from: &str, to: &str) -> String {
    assert_eq!(
        CLEAN.matches(from).count(),
        1,
        "`{from}` must occur once in the clean example"
    );
    CLEAN.replacen(from, to, 1)
}

/// The span of the `nth` occurrence (0-based) of `needle` in `text`, in lines and characters.
fn span_of(text: &str, needle: &str, nth: usize) -> Span {
    let (byte, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` #{nth} not in text"));
    Span::new(pos_at(text, byte), pos_at(text, byte + needle.len()))
}

/// The position of byte `b` of `text`, in lines and characters.
fn pos_at(text: &str, b: usize) -> Pos {
    let before = &text[..b];
    let line = before.matches('\n').count() as u32;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Pos::new(line, text[line_start..b].chars().count() as u32)
}

/// The span from the first `from` in `text` to the end of the first `to` after it.
fn span_through(text: &str, from: &str, to: &str) -> Span {
    let start = text
        .find(from)
        .unwrap_or_else(|| panic!("`{from}` not in text"));
    let end = start
        + text[start..]
            .find(to)
            .unwrap_or_else(|| panic!("`{to}` not after `{from}`"))
        + to.len();
    Span::new(pos_at(text, start), pos_at(text, end))
}

/// Asserts that `rule` fires exactly at `spans` with `severity`, and returns its findings.
fn assert_fires(text: &str, rule: &str, severity: Severity, spans: &[Span]) -> Vec<Diagnostic> {
    assert_fires_with(&Config::default(), text, rule, severity, spans)
}

/// [`assert_fires`] under `config`.
fn assert_fires_with(
    config: &Config,
    text: &str,
    rule: &str,
    severity: Severity,
    spans: &[Span],
) -> Vec<Diagnostic> {
    let all = rules::lint(text, config, today());
    let found: Vec<Diagnostic> = all.iter().filter(|d| d.rule == rule).cloned().collect();
    let found_spans: Vec<Span> = found.iter().map(|d| d.span).collect();
    assert_eq!(found_spans, spans, "{rule}: all findings: {all:#?}");
    assert!(
        found.iter().all(|d| d.severity == severity),
        "{rule}: {found:#?}"
    );
    assert!(
        found.iter().all(|d| d.message.len() > 20),
        "{rule}: messages should explain: {found:#?}"
    );
    found
}

fn assert_silent(text: &str, rule: &str) {
    let found: Vec<Diagnostic> = lint(text).into_iter().filter(|d| d.rule == rule).collect();
    assert!(found.is_empty(), "{rule} should not fire: {found:#?}");
}

#[test]
fn the_clean_example_has_no_findings() {
    assert_eq!(lint(CLEAN), vec![]);
}

#[test]
fn the_norfolk_example_has_its_honest_findings() {
    let rules: Vec<&str> = lint(NORFOLK).iter().map(|d| d.rule).collect();
    assert_eq!(
        rules,
        [
            "placeholder-link",
            "deadline-off-by-one",
            "statutory-copy-missing"
        ]
    );
}

#[test]
fn invalid_yaml() {
    let text = variant("force: Surrey Police", "force: [Surrey Police");
    let found = lint(&text);
    assert!(
        found
            .iter()
            .any(|d| d.rule == "invalid-yaml" && d.severity == Severity::Error),
        "{found:#?}"
    );
    // Duplicate keys: reported at the second key; the rest of the file is still checked.
    let text = variant("key_findings: |", "force: Surrey Police\nkey_findings: |");
    let found = assert_fires(
        &text,
        "invalid-yaml",
        Severity::Error,
        &[span_of(&text, "force: Surrey Police", 1).start_len(5)],
    );
    assert!(
        found[0].message.contains("duplicate key `force`"),
        "{found:#?}"
    );
    // A second document.
    let text = format!("{CLEAN}---\nforce: x\n");
    let dash = span_of(&text, "---", 0);
    assert_fires(
        &text,
        "invalid-yaml",
        Severity::Error,
        &[Span::new(dash.start, Pos::new(dash.start.line, 1))],
    );
    assert_silent(CLEAN, "invalid-yaml");
}

#[test]
fn schema() {
    let text = variant(
        "    status: accepted\n\ncauses",
        "    status: agreed\n\ncauses",
    );
    let found = assert_fires(
        &text,
        "schema",
        Severity::Error,
        &[span_of(&text, "agreed", 0)],
    );
    assert!(
        found[0]
            .message
            .contains("accepted, partially-accepted, not-accepted, not-applicable"),
        "{found:#?}"
    );
    // An unknown key, at the key, with a suggestion and a fix.
    let text = variant("key_findings:", "key_findngs:");
    let found = assert_fires(
        &text,
        "schema",
        Severity::Error,
        &[span_of(&text, "key_findngs", 0)],
    );
    assert!(
        found[0].message.contains("did you mean `key_findings`"),
        "{found:#?}"
    );
    assert_eq!(
        found[0].fix().map(|f| f.edits[0].new_text.as_str()),
        Some("key_findings")
    );
    // A date that is not YYYY-MM-DD, at the value, with the fix to ISO form.
    let text = variant("published: 2025-09-10", "published: 10 September 2025");
    let found = assert_fires(
        &text,
        "schema",
        Severity::Error,
        &[span_of(&text, "10 September 2025", 0)],
    );
    assert_eq!(
        found[0].fix().map(|f| f.edits[0].new_text.as_str()),
        Some("2025-09-10")
    );
    // A response with both `action` and `no_action_reason`: at the second.
    let text = variant(
        "      action: Supervisors now review",
        "      no_action_reason: none\n      action: Supervisors now review",
    );
    assert_fires(
        &text,
        "schema",
        Severity::Error,
        &[span_of(&text, "action: Supervisors", 0).start_len(6)],
    );
    // A date in the right shape that does not exist.
    let text = variant("published: 2025-09-10", "published: 2025-02-29");
    let found = assert_fires(
        &text,
        "schema",
        Severity::Error,
        &[span_of(&text, "2025-02-29", 0)],
    );
    assert!(
        found[0].message.contains("not a date that exists"),
        "{found:#?}"
    );
    assert_silent(CLEAN, "schema");
}

/// Shortens a span to `len` characters from its start.
trait StartLen {
    fn start_len(self, len: u32) -> Span;
}

impl StartLen for Span {
    fn start_len(self, len: u32) -> Span {
        Span::new(self.start, Pos::new(self.start.line, self.start.col + len))
    }
}

#[test]
fn missing_section() {
    // Remove the whole key_findings section.
    let start = CLEAN.find("key_findings:").expect("key_findings");
    let end = CLEAN.find("recommendations:").expect("recommendations");
    let text = format!("{}{}", &CLEAN[..start], &CLEAN[end..]);
    let found = assert_fires(
        &text,
        "missing-section",
        Severity::Error,
        &[span_of(&text, "response_deadline", 0)],
    );
    assert!(found[0].message.contains("\"Key Findings\""), "{found:#?}");
    // The fix inserts a skeleton before the next section; applying it removes the finding.
    let fixed = apply(&text, &found[0]);
    assert!(
        lint(&fixed).iter().all(|d| d.rule != "missing-section"),
        "{fixed}"
    );
    // A missing inspection field is named as the template names it, at `inspection:`.
    let text = variant(
        "  link: https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-assessment-2025-surrey/\n",
        "",
    );
    let found = assert_fires(
        &text,
        "missing-section",
        Severity::Error,
        &[span_of(&text, "inspection", 0)],
    );
    assert!(
        found[0].message.contains("\"Link to Report\""),
        "{found:#?}"
    );
    // An empty file is not a response yet: one finding says how to start one (tests/slips.rs).
    let found: Vec<Diagnostic> = lint("")
        .into_iter()
        .filter(|d| d.rule == "missing-section")
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    // A flow mapping gets no skeleton fix: a block section cannot go inside its braces.
    let flow = "{policing_body: Police and Crime Commissioner for Surrey, force: Surrey Police}\n";
    let found: Vec<Diagnostic> = lint(flow)
        .into_iter()
        .filter(|d| d.rule == "missing-section")
        .collect();
    assert!(
        !found.is_empty() && found.iter().all(|d| d.fixes.is_empty()),
        "{found:#?}"
    );
    assert_silent(CLEAN, "missing-section");
}

#[test]
fn empty_section() {
    let text = variant(
        "key_findings: |\n  The inspectorate",
        "key_findings: TODO\nkept: |\n  The inspectorate",
    );
    let found: Vec<Diagnostic> = lint(&text)
        .into_iter()
        .filter(|d| d.rule == "empty-section")
        .collect();
    assert_eq!(
        found.iter().map(|d| d.span).collect::<Vec<_>>(),
        [span_of(&text, "TODO", 0)]
    );
    // Empty text, and nothing at all after the key (reported at the key).
    let text = variant("  title: \"PEEL 2025", "  title: \"\"\n  old: \"PEEL 2025");
    assert!(
        lint(&text)
            .iter()
            .any(|d| d.rule == "empty-section" && d.span == span_of(&text, "\"\"", 0))
    );
    let text = variant(
        "policing_body: Police and Crime Commissioner for Surrey",
        "policing_body:",
    );
    assert_fires(
        &text,
        "empty-section",
        Severity::Error,
        &[span_of(&text, "policing_body", 0)],
    );
    let text = variant("force: Surrey Police", "force: \"[insert force name]\"");
    assert_fires(
        &text,
        "empty-section",
        Severity::Error,
        &[span_of(&text, "\"[insert force name]\"", 0)],
    );
    // Placeholders in lists too, as `section55 new` writes them when no type is given.
    let text = variant("publication_types: [PEEL]", "publication_types: [TODO]");
    assert_fires(
        &text,
        "empty-section",
        Severity::Error,
        &[span_of(&text, "TODO", 0)],
    );
    assert_silent(&text, "unknown-publication-type");
    assert_silent(CLEAN, "empty-section");
}

#[test]
fn empty_section_an_empty_list_new_wrote_is_unconfirmed_until_its_todo_comment_goes() {
    let todo =
        "# TODO: list the report's areas for improvement, or delete this comment if it gave none";
    let text = NORFOLK.replacen(
        "areas_for_improvement: []",
        &format!("areas_for_improvement: []  {todo}"),
        1,
    );
    let found = assert_fires(
        &text,
        "empty-section",
        Severity::Error,
        &[span_of(&text, "[]", 0)],
    );
    assert_eq!(
        found[0].message,
        "Areas For Improvement is still a placeholder (`[] # TODO`): list them here, or delete the TODO comment to confirm the report had none"
    );
    let fix = found[0].fix().expect("a fix");
    assert_eq!(
        fix.title,
        "Confirm there were none: delete the TODO comment"
    );
    let start = span_of(&text, "[]", 0).end;
    let end = Pos::new(start.line, start.col + 2 + todo.chars().count() as u32);
    assert_eq!(fix.edits[0].span, Span::new(start, end));
    assert_eq!(fix.edits[0].new_text, "");
    // Any other comment, or none, confirms the list.
    let other = NORFOLK.replacen(
        "areas_for_improvement: []",
        "areas_for_improvement: [] # none, checked",
        1,
    );
    assert_silent(&other, "empty-section");
    assert_silent(NORFOLK, "empty-section");
}

#[test]
fn deadline_mismatch() {
    let text = variant(
        "response_deadline: 2025-11-04",
        "response_deadline: 2025-11-10",
    );
    let found = assert_fires(
        &text,
        "deadline-mismatch",
        Severity::Error,
        &[span_of(&text, "2025-11-10", 0)],
    );
    assert!(found[0].message.contains("2025-11-04"), "{found:#?}");
    assert_eq!(lint(&apply(&text, &found[0])), vec![]);
    assert_silent(CLEAN, "deadline-mismatch");
}

#[test]
fn deadline_off_by_one() {
    let text = variant(
        "response_deadline: 2025-11-04",
        "response_deadline: 2025-11-05",
    );
    let found = assert_fires(
        &text,
        "deadline-off-by-one",
        Severity::Warning,
        &[span_of(&text, "2025-11-05", 0)],
    );
    assert_silent(&text, "deadline-mismatch");
    assert_eq!(lint(&apply(&text, &found[0])), vec![]);
    assert_silent(CLEAN, "deadline-off-by-one");
}

#[test]
fn published_late() {
    let text = variant("published_on: 2025-10-30", "published_on: 2025-11-05");
    let found = assert_fires(
        &text,
        "published-late",
        Severity::Error,
        &[span_of(&text, "2025-11-05", 0)],
    );
    assert!(found[0].message.contains("1 day after"), "{found:#?}");
    let on_the_day = variant("published_on: 2025-10-30", "published_on: 2025-11-04");
    assert_silent(&on_the_day, "published-late");
    assert_silent(CLEAN, "published-late");
}

#[test]
fn overdue() {
    let text = variant(
        "  published_on_website: true\n  published_on: 2025-10-30\n",
        "",
    );
    let found = assert_fires(
        &text,
        "overdue",
        Severity::Warning,
        &[span_of(&text, "2025-11-04", 0)],
    );
    assert!(
        found[0].message.contains("overdue by 72 days"),
        "{found:#?}"
    );
    // Before the last day it is not overdue.
    let early = rules::lint(
        &text,
        &Config::default(),
        NaiveDate::from_ymd_opt(2025, 11, 4).expect("date"),
    );
    assert!(early.iter().all(|d| d.rule != "overdue"));
    assert_silent(CLEAN, "overdue");
}

#[test]
fn publication_in_future() {
    let text = variant("published: 2025-09-10", "published: 2026-09-10")
        .replace("2025-11-04", "2026-11-04");
    assert_fires(
        &text,
        "publication-in-future",
        Severity::Warning,
        &[span_of(&text, "2026-09-10", 0)],
    );
    assert_silent(CLEAN, "publication-in-future");
}

#[test]
fn due_before_publication() {
    let text = variant("      due: 2026-01-31", "      due: 2025-01-31");
    assert_fires(
        &text,
        "due-before-publication",
        Severity::Warning,
        &[span_of(&text, "2025-01-31", 0)],
    );
    assert_silent(CLEAN, "due-before-publication");
}

#[test]
fn action_overdue() {
    // Due 2026-01-31 and 2026-02-28; on 2026-03-01 both have passed, and neither records
    // progress (so both are not started).
    let on = |text: &str, config: &Config| {
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).expect("date");
        rules::lint(text, config, day)
            .into_iter()
            .filter(|d| d.rule == "action-overdue")
            .collect::<Vec<_>>()
    };
    let open = without_follow_up(CLEAN);
    let found = on(&open, &Config::default());
    let spans: Vec<Span> = found.iter().map(|d| d.span).collect();
    assert_eq!(
        spans,
        [
            span_of(&open, "2026-02-28", 0),
            span_of(&open, "2026-01-31", 0)
        ]
    );
    assert!(found.iter().all(|d| d.severity == Severity::Warning));
    assert!(
        found[1]
            .message
            .contains("due on 31 January 2026 (29 days ago)")
            && found[1].message.contains("`not-started`"),
        "{}",
        found[1].message
    );
    // Complete and closed close an action; in-progress does not.
    let done = open
        .replacen(
            "      due: 2026-02-28",
            "      due: 2026-02-28\n      progress: complete",
            1,
        )
        .replacen(
            "      due: 2026-01-31",
            "      due: 2026-01-31\n      progress: in-progress",
            1,
        );
    let found = on(&done, &Config::default());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("`in-progress`"));
    // An office's own state that closes an action.
    let own = done.replacen("progress: in-progress", "progress: signed-off", 1);
    let config =
        Config::parse("[progress]\ndone = [\"signed-off\"]\n", &rules::names()).expect("config");
    assert_eq!(on(&own, &config), vec![]);
    // Before the due date, nothing; and the example records both actions as done.
    assert_silent(&open, "action-overdue");
    assert_eq!(on(CLEAN, &Config::default()), vec![]);
}

/// The text without the follow-up of its actions.
fn without_follow_up(text: &str) -> String {
    text.lines()
        .filter(|l| {
            !["progress:", "updated:", "owner:", "notes:"]
                .iter()
                .any(|k| l.trim_start().starts_with(k))
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn unknown_progress() {
    let text = variant(
        "      due: 2026-01-31",
        "      due: 2026-01-31\n      progress: compelte",
    );
    let found = assert_fires(
        &text,
        "unknown-progress",
        Severity::Warning,
        &[span_of(&text, "compelte", 0)],
    );
    assert!(found[0].message.contains("did you mean `complete`"));
    assert_eq!(
        apply(&text, &found[0]),
        text.replace("compelte\n", "complete\n")
    );
    let own = text.replace("compelte\n", "awaiting-funding\n");
    let config = Config::parse(
        "[progress]\nopen = [\"awaiting-funding\"]\n",
        &rules::names(),
    )
    .expect("config");
    let found = rules::lint(&own, &config, today());
    assert!(
        found.iter().all(|d| d.rule != "unknown-progress"),
        "{found:#?}"
    );
    assert_silent(CLEAN, "unknown-progress");
}

#[test]
fn due_date_mismatch() {
    let text = variant("    due: 2026-03-31", "    due: 2026-03-30");
    let found = assert_fires(
        &text,
        "due-date-mismatch",
        Severity::Warning,
        &[span_of(&text, "2026-03-30", 0)],
    );
    assert_eq!(lint(&apply(&text, &found[0])), vec![]);
    assert_silent(CLEAN, "due-date-mismatch");
}

#[test]
fn duplicate_id() {
    let text = variant(
        "  - id: 2\n    text: The force should make sure",
        "  - id: 1\n    text: The force should make sure",
    );
    let second = span_of(&text, "id: 1", 3);
    let span = Span::new(
        Pos::new(second.start.line, second.start.col + 4),
        second.end,
    );
    let found = assert_fires(&text, "duplicate-id", Severity::Error, &[span]);
    assert!(found[0].message.contains("id 1"), "{found:#?}");
    assert_silent(CLEAN, "duplicate-id");
}

#[test]
fn unknown_recommendation() {
    let text = variant(
        "    - area_for_improvement: 2",
        "    - area_for_improvement: 3",
    );
    let at = span_of(&text, "area_for_improvement: 3", 0);
    let span = Span::new(Pos::new(at.start.line, at.end.col - 1), at.end);
    let found = assert_fires(&text, "unknown-recommendation", Severity::Error, &[span]);
    assert!(found[0].message.contains("listed: 1, 2"), "{found:#?}");
    // An id that is not a number is the schema's finding; references to it are not judged.
    let text = variant(
        "recommendations:\n  - id: 1",
        "recommendations:\n  - id: \"1\"",
    );
    assert_silent(&text, "unknown-recommendation");
    assert!(
        lint(&text)
            .iter()
            .any(|d| d.rule == "schema" && d.span == span_of(&text, "\"1\"", 0))
    );
    assert_silent(CLEAN, "unknown-recommendation");
}

#[test]
fn unanswered_recommendation() {
    let text = variant(
        "    - recommendation: 1\n      action: >-\n        We have added",
        "    - recommendation: 2\n      action: >-\n        We have added",
    )
    .replace(
        "    - recommendation: 1\n      action: >-\n        I have provided",
        "    - recommendation: 2\n      action: >-\n        I have provided",
    );
    let id = span_of(&text, "  - id: 1\n    text: >-", 0);
    let span = Span::new(Pos::new(id.start.line, 8), Pos::new(id.start.line, 9));
    assert_fires(&text, "unanswered-recommendation", Severity::Error, &[span]);
    assert_silent(CLEAN, "unanswered-recommendation");
}

#[test]
fn response_to_unaccepted_recommendation() {
    let text = variant(
        "    directed_at: [Chief Constable of Surrey Police]\n    status: accepted",
        "    directed_at: [Chief Constable of Surrey Police]\n    status: not-applicable",
    );
    let first = span_of(&text, "action: >-\n        We have added", 0).start_len(6);
    let second = span_of(&text, "action: >-\n        I have provided", 0).start_len(6);
    assert_fires(
        &text,
        "response-to-unaccepted-recommendation",
        Severity::Warning,
        &[first, second],
    );
    assert_silent(&text, "missing-no-action-reason");
    assert_silent(CLEAN, "response-to-unaccepted-recommendation");
}

#[test]
fn missing_no_action_reason() {
    let text = variant(
        "    directed_at: [Chief Constable of Surrey Police]\n    status: accepted",
        "    directed_at: [Chief Constable of Surrey Police]\n    status: not-accepted",
    );
    // At the first response to recommendation 1 (the chief constable's), where the reason goes.
    let found = assert_fires(
        &text,
        "missing-no-action-reason",
        Severity::Error,
        &[{
            let at = span_of(&text, "recommendation: 1", 0);
            Span::new(at.start, Pos::new(at.start.line, at.start.col + 14))
        }],
    );
    let edit = &found[0].fixes[0].edits[0];
    let key = span_of(&text, "    - area_for_improvement: 1", 0);
    assert_eq!(edit.span, Span::at(Pos::new(key.start.line, 0)));
    assert_eq!(
        edit.new_text,
        "      no_action_reason: TODO explain why no action has been or will be taken\n"
    );
    let fixed = apply(&text, &found[0]);
    assert_silent(&fixed, "missing-no-action-reason");
    // With a reason given in one of the responses, it is satisfied.
    let reason = text.replace(
        "    - recommendation: 1\n      action: >-\n        I have provided",
        "    - recommendation: 1\n      no_action_reason: >-\n        I have provided",
    );
    assert_silent(&reason, "missing-no-action-reason");
    assert_silent(CLEAN, "missing-no-action-reason");
}

#[test]
fn unanswered_area_for_improvement() {
    let text = variant(
        "    - area_for_improvement: 2\n      action: Supervisors now review every stop and search record within 72 hours.\n",
        "",
    );
    let at = span_of(&text, "  - id: 2\n    text: The force should make sure", 0);
    let span = Span::new(Pos::new(at.start.line, 8), Pos::new(at.start.line, 9));
    assert_fires(
        &text,
        "unanswered-area-for-improvement",
        Severity::Info,
        &[span],
    );
    assert_silent(CLEAN, "unanswered-area-for-improvement");
}

#[test]
fn unknown_force() {
    let text = variant("force: Surrey Police", "force: Surey Police");
    let found = assert_fires(
        &text,
        "unknown-force",
        Severity::Warning,
        &[span_of(&text, "Surey Police", 0)],
    );
    assert!(found[0].message.contains("\"Surrey Police\""), "{found:#?}");
    assert_eq!(
        found[0].fix().map(|f| f.edits[0].new_text.as_str()),
        Some("Surrey Police")
    );
    assert_eq!(lint(&apply(&text, &found[0])), vec![]);
    // Short names are aliases; configuration extends the catalogue.
    assert_silent(
        &variant("force: Surrey Police", "force: Surrey"),
        "unknown-force",
    );
    let extended = Config::parse(
        "[catalogue]\nforces = [\"Surey Police\"]\n",
        &rules::names(),
    )
    .expect("config");
    assert!(
        rules::lint(&text, &extended, today())
            .iter()
            .all(|d| d.rule != "unknown-force")
    );
    assert_silent(CLEAN, "unknown-force");
}

#[test]
fn unknown_publication_type() {
    let text = variant("publication_types: [PEEL]", "publication_types: [PEL]");
    let found = assert_fires(
        &text,
        "unknown-publication-type",
        Severity::Warning,
        &[span_of(&text, "PEL", 0)],
    );
    assert_eq!(
        found[0].fix().map(|f| f.edits[0].new_text.as_str()),
        Some("PEEL")
    );
    assert_silent(
        &variant(
            "publication_types: [PEEL]",
            "publication_types: [peel, Child Protection]",
        ),
        "unknown-publication-type",
    );
    assert_silent(CLEAN, "unknown-publication-type");
}

#[test]
fn force_not_inspected() {
    let text = variant("forces: [Surrey Police]", "forces: [Sussex Police]");
    let force = span_of(&text, "force: Surrey Police", 0);
    assert_fires(
        &text,
        "force-not-inspected",
        Severity::Warning,
        &[Span::new(Pos::new(force.start.line, 7), force.end)],
    );
    assert_silent(
        &variant(
            "forces: [Surrey Police]",
            "forces: [All local forces in England and Wales]",
        ),
        "force-not-inspected",
    );
    assert_silent(CLEAN, "force-not-inspected");
}

#[test]
fn policing_body_mismatch() {
    let text = variant(
        "Police and Crime Commissioner for Surrey",
        "Police and Crime Commissioner for Sussex",
    );
    let found = assert_fires(
        &text,
        "policing-body-mismatch",
        Severity::Warning,
        &[span_of(
            &text,
            "Police and Crime Commissioner for Sussex",
            0,
        )],
    );
    assert_eq!(lint(&apply(&text, &found[0])), vec![]);
    assert_silent(CLEAN, "policing-body-mismatch");
}

#[test]
fn placeholder_link() {
    for link in [
        "\"#\"",
        "http://hmicfrs.justiceinspectorates.gov.uk/x",
        "https://example.com/report",
        "\"\"",
    ] {
        let text = variant(
            "link: https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-assessment-2025-surrey/",
            &format!("link: {link}"),
        );
        assert_fires(
            &text,
            "placeholder-link",
            Severity::Warning,
            &[span_of(&text, link, 0)],
        );
    }
    assert_silent(CLEAN, "placeholder-link");
}

#[test]
fn statutory_copy_missing() {
    let text = variant("  sent_to_home_secretary: true\n", "");
    let found = assert_fires(
        &text,
        "statutory-copy-missing",
        Severity::Warning,
        &[span_of(&text, "published_on_website", 0)],
    );
    assert!(found[0].message.contains("Home Secretary"), "{found:#?}");
    assert_silent(CLEAN, "statutory-copy-missing");
}

#[test]
fn unused_ignore_and_suppression() {
    // An ignore on the line above silences the finding.
    let late = variant(
        "response_deadline: 2025-11-04",
        "# section55: ignore[deadline-off-by-one] agreed with HMICFRS\nresponse_deadline: 2025-11-05",
    );
    assert_eq!(lint(&late), vec![]);
    // On the same line too.
    let late = variant(
        "response_deadline: 2025-11-04",
        "response_deadline: 2025-11-05  # section55: ignore[deadline-off-by-one] agreed",
    );
    assert_eq!(lint(&late), vec![]);
    // An ignore that silences nothing is reported at the rule name, with a removal fix.
    let text = variant(
        "response_deadline: 2025-11-04",
        "# section55: ignore[deadline-off-by-one] agreed\nresponse_deadline: 2025-11-04",
    );
    let found = assert_fires(
        &text,
        "unused-ignore",
        Severity::Info,
        &[span_of(&text, "deadline-off-by-one", 0)],
    );
    assert_eq!(apply(&text, &found[0]), CLEAN);
    // An unknown rule name is reported with a suggestion.
    let text = variant(
        "response_deadline: 2025-11-04",
        "response_deadline: 2025-11-04 # section55: ignore[overdeu]",
    );
    let found = assert_fires(
        &text,
        "unused-ignore",
        Severity::Info,
        &[span_of(&text, "overdeu", 0)],
    );
    assert!(
        found[0].message.contains("did you mean `overdue`"),
        "{found:#?}"
    );
    assert_eq!(apply(&text, &found[0]), CLEAN);
    assert_silent(CLEAN, "unused-ignore");
}

#[test]
fn ignore_markers_inside_texts_are_text_not_comments() {
    // In a block scalar: not an ignore comment, so it neither silences nor is unused.
    let text = variant("  The inspectorate graded", "  # section55: ignore[placeholder-link] quoted\n  The inspectorate graded")
        .replace("link: https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-assessment-2025-surrey/", "link: \"#\"");
    assert_fires(
        &text,
        "placeholder-link",
        Severity::Warning,
        &[span_of(&text, "\"#\"", 0)],
    );
    assert_silent(&text, "unused-ignore");
    // In a quoted string.
    let text = variant(
        "forces: [Surrey Police]",
        "forces: [\"Surrey Police # section55: ignore[overdue]\"]",
    );
    assert_silent(&text, "unused-ignore");
    // A real comment right after a block scalar still applies to the line below it.
    let text = variant(
        "response_deadline: 2025-11-04",
        "x_note: |\n  some text\n# section55: ignore[deadline-off-by-one] agreed\nresponse_deadline: 2025-11-05",
    );
    assert_silent(&text, "deadline-off-by-one");
    assert_silent(&text, "unused-ignore");
    // A placeholder in a block scalar is silenced from the key's line (a comment line above the
    // text would be part of the text).
    let text = variant(
        "key_findings: |\n  The inspectorate graded",
        "key_findings: |  # section55: ignore[empty-section] written after the panel meets\n  TBC\nold: |\n  The inspectorate graded",
    );
    assert_silent(&text, "empty-section");
    assert_silent(&text, "unused-ignore");
}

#[test]
fn configuration_changes_severity_and_turns_rules_off() {
    let text = variant(
        "response_deadline: 2025-11-04",
        "response_deadline: 2025-11-05",
    );
    let config = Config::parse(
        "[rules]\ndeadline-off-by-one = \"error\"\n",
        &rules::names(),
    )
    .expect("config");
    let found = rules::lint(&text, &config, today());
    assert_eq!(
        found
            .iter()
            .map(|d| (d.rule, d.severity))
            .collect::<Vec<_>>(),
        [("deadline-off-by-one", Severity::Error)]
    );
    let off =
        Config::parse("[rules]\ndeadline-off-by-one = \"off\"\n", &rules::names()).expect("config");
    assert_eq!(rules::lint(&text, &off, today()), vec![]);
}

#[test]
fn a_schema_error_does_not_hide_other_findings() {
    let text = variant(
        "    status: accepted\n\ncauses",
        "    status: agreed\n\ncauses",
    )
    .replace(
        "response_deadline: 2025-11-04",
        "response_deadline: 2025-11-05",
    )
    .replace("force: Surrey Police", "force: Surey Police");
    let rules: Vec<&str> = lint(&text).iter().map(|d| d.rule).collect();
    for rule in ["schema", "deadline-off-by-one", "unknown-force"] {
        assert!(rules.contains(&rule), "{rule} missing from {rules:?}");
    }
}

#[test]
fn positions_count_characters_after_accents_welsh_emoji_and_crlf() {
    // The unknown force sits after multi-byte characters on its line.
    let text = variant(
        "forces: [Surrey Police]",
        "forces: [\"Ŵales 🚓 café\", Surey Police]",
    );
    let found: Vec<Diagnostic> = lint(&text)
        .into_iter()
        .filter(|d| d.rule == "unknown-force")
        .collect();
    let line = span_of(&text, "forces:", 0).start.line;
    let col = "  forces: [\"Ŵales 🚓 café\", ".chars().count() as u32;
    assert!(
        found
            .iter()
            .any(|d| d.span == Span::new(Pos::new(line, col), Pos::new(line, col + 12))),
        "{found:#?}"
    );
    // The same file with CRLF line endings gives the same positions.
    let crlf = text.replace('\n', "\r\n");
    let crlf_found: Vec<Span> = lint(&crlf)
        .into_iter()
        .filter(|d| d.rule == "unknown-force")
        .map(|d| d.span)
        .collect();
    assert_eq!(crlf_found, found.iter().map(|d| d.span).collect::<Vec<_>>());
}

#[test]
fn every_rule_is_documented_in_four_parts() {
    let expected = [
        "invalid-yaml",
        "schema",
        "missing-section",
        "empty-section",
        "deadline-mismatch",
        "deadline-off-by-one",
        "published-late",
        "overdue",
        "publication-in-future",
        "due-before-publication",
        "due-date-mismatch",
        "duplicate-id",
        "unknown-recommendation",
        "unanswered-recommendation",
        "response-to-unaccepted-recommendation",
        "missing-no-action-reason",
        "unanswered-area-for-improvement",
        "unknown-force",
        "unknown-publication-type",
        "force-not-inspected",
        "policing-body-mismatch",
        "placeholder-link",
        "statutory-copy-missing",
        "unused-ignore",
        "comment-in-text",
        "curly-quotes",
        "action-overdue",
        "unknown-progress",
        "link-text",
        "long-sentence",
        "acronym-not-expanded",
        "passive-voice",
        "words-to-avoid",
        "welsh-text-missing",
    ];
    let mut names = rules::names();
    names.sort();
    let mut sorted = expected.to_vec();
    sorted.sort();
    assert_eq!(names, sorted);
    for rule in rules::all() {
        for (part, text) in [
            ("what", rule.doc.what),
            ("why", rule.doc.why),
            ("example", rule.doc.example),
            ("fix", rule.doc.fix),
        ] {
            assert!(text.trim().len() > 20, "{}: {part} is too short", rule.name);
        }
    }
}

/// Applies a finding's first fix to the text.
fn apply(text: &str, d: &Diagnostic) -> String {
    let fix = d
        .fix()
        .unwrap_or_else(|| panic!("{} has no fix: {d:#?}", d.rule));
    let lines = section55::document::LineIndex::new(text);
    let mut out = text.to_owned();
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    for edit in edits {
        let start = lines.offset(text, edit.span.start);
        let end = lines.offset(text, edit.span.end);
        out.replace_range(start..end, &edit.new_text);
    }
    out
}

/// Files whose findings carry fixes of every kind the rules offer.
fn files_with_fixes() -> Vec<String> {
    vec![
        variant(
            "response_deadline: 2025-11-04",
            "response_deadline: 2025-11-05",
        ),
        variant(
            "response_deadline: 2025-11-04",
            "response_deadline: 2025-11-20",
        ),
        variant(
            "    status: accepted\n\ncauses",
            "    status: acepted\n\ncauses",
        ),
        variant(
            "    status: accepted\n\ncauses",
            "    status: partially\n\ncauses",
        ),
        variant(
            "response_deadline: 2025-11-04",
            "respone_deadline: 2025-11-04",
        ),
        variant(
            "response_deadline: 2025-11-04",
            "response_deadline: 04/11/2025",
        ),
        variant("force: Surrey Police", "force: Surey Police"),
        variant("force: Surrey Police", "force: Sussex Polise"),
        variant(
            "policing_body: Police and Crime Commissioner for Surrey",
            "policing_body: Police and Crime Commissioner for Sussex",
        ),
        CLEAN.replace("    - recommendation: 1\n", "    - recommendation: 9\n"),
        variant(
            "key_findings: |",
            "# section55: ignore[overdue]\nkey_findings: |",
        ),
        variant("    due: 2026-03-31\n", "    due: 2026-04-30\n"),
        variant("force: Surrey Police", "force: “Surrey Police”"),
        variant("force: Surrey Police", "force:\u{a0}Surrey Police"),
        NORFOLK.to_owned(),
        CLEAN
            .split("\nareas_for_improvement:")
            .next()
            .unwrap_or_default()
            .to_owned(),
    ]
}

#[test]
fn every_fix_has_an_applicability_its_rule_declares() {
    let mut seen = std::collections::BTreeSet::new();
    for text in files_with_fixes() {
        for d in lint(&text) {
            let rule = rules::find(d.rule).expect("registered rule");
            for fix in &d.fixes {
                assert!(
                    rule.fixes.contains(&fix.applicability),
                    "{}: `{}` is {:?}, not declared in {:?}",
                    d.rule,
                    fix.title,
                    fix.applicability,
                    rule.fixes
                );
                seen.insert((d.rule, fix.applicability));
            }
        }
    }
    assert!(seen.len() >= 10, "too few kinds of fix exercised: {seen:?}");
}

/// The applicability of the preferred fix of `rule`'s first finding in `text`.
fn first_fix(text: &str, rule: &str) -> Applicability {
    let found = lint(text);
    found
        .iter()
        .find(|d| d.rule == rule)
        .and_then(|d| d.fix())
        .unwrap_or_else(|| panic!("no {rule} fix in {found:#?}"))
        .applicability
}

#[test]
fn fixes_that_cannot_change_what_the_response_says_are_safe() {
    use Applicability::{Safe, Unsafe};
    let cases = [
        (
            "response_deadline: 2025-11-04",
            "response_deadline: 2025-11-05",
            "deadline-off-by-one",
            Safe,
        ),
        (
            "response_deadline: 2025-11-04",
            "response_deadline: 04/11/2025",
            "schema",
            Safe,
        ),
        (
            "    status: accepted\n\ncauses",
            "    status: acepted\n\ncauses",
            "schema",
            Safe,
        ),
        (
            "    status: accepted\n\ncauses",
            "    status: Partially accepted\n\ncauses",
            "schema",
            Safe,
        ),
        (
            "    status: accepted\n\ncauses",
            "    status: partially\n\ncauses",
            "schema",
            Unsafe,
        ),
        (
            "force: Surrey Police",
            "force: Surey Police",
            "unknown-force",
            Safe,
        ),
        (
            "force: Surrey Police",
            "force: “Surrey Police”",
            "curly-quotes",
            Safe,
        ),
        (
            "key_findings: |",
            "# section55: ignore[overdue]\nkey_findings: |",
            "unused-ignore",
            Safe,
        ),
        (
            "    due: 2026-03-31\n",
            "    due: 2026-04-30\n",
            "due-date-mismatch",
            Unsafe,
        ),
    ];
    for (from, to, rule, applicability) in cases {
        assert_eq!(
            first_fix(&variant(from, to), rule),
            applicability,
            "{rule}: {to}"
        );
    }
    let unanswered = CLEAN.replace("    - recommendation: 1\n", "    - recommendation: 9\n");
    assert_eq!(first_fix(&unanswered, "unanswered-recommendation"), Unsafe);
    let no_afis = CLEAN
        .split("\nareas_for_improvement:")
        .next()
        .unwrap_or_default();
    assert_eq!(first_fix(no_afis, "missing-section"), Unsafe);
}

#[test]
fn findings_past_the_cap_are_counted_after_suppression_and_the_first_in_the_file_are_kept() {
    // 1,500 unknown keys, in an order the schema does not report them in (it walks keys
    // alphabetically: key0, key1, key10, ...), one of them silenced far past the cap.
    let mut text = CLEAN.to_owned();
    for i in 0..1_500 {
        if i == 1_400 {
            text.push_str("# section55: ignore[schema] kept for the migration\n");
        }
        text.push_str(&format!("key{i}: x\n"));
    }
    let all = lint(&text);
    let schema: Vec<&Diagnostic> = all.iter().filter(|d| d.rule == "schema").collect();
    assert_eq!(
        schema.len(),
        rules::MAX_PER_RULE + 1,
        "kept, then the count"
    );
    for (i, d) in schema.iter().take(rules::MAX_PER_RULE).enumerate() {
        assert!(
            d.message.starts_with(&format!("unknown key `key{i}`;")),
            "finding {i} should be the key{i} line: {}",
            d.message
        );
    }
    let note = schema[rules::MAX_PER_RULE];
    assert!(
        note.message
            .starts_with("499 more schema findings in this file not shown"),
        "1,500 less the 1,000 shown and the one silenced: {}",
        note.message
    );
    assert_eq!(note.span, span_of(&text, "key1000", 0));
    assert!(note.fixes.is_empty());
    // The silenced key used its ignore comment, though its finding is past the cap.
    assert!(
        all.iter().all(|d| d.rule != "unused-ignore"),
        "{:#?}",
        all.iter()
            .filter(|d| d.rule == "unused-ignore")
            .collect::<Vec<_>>()
    );
}

#[test]
fn link_text() {
    // A vague text and a bare address in a block of text, a link that says where it goes, and an
    // address written as its own link's text on a later line.
    let text = variant(
        "  The inspectorate graded",
        "  See [click here](https://hmicfrs.justiceinspectorates.gov.uk/a) or https://www.gov.uk/b.\n  Read [the PEEL 2025 report on Surrey Police](https://hmicfrs.justiceinspectorates.gov.uk/a) and [https://www.gov.uk/c](https://www.gov.uk/c).\n  The inspectorate graded",
    );
    let found = assert_fires(
        &text,
        "link-text",
        Severity::Warning,
        &[
            span_of(
                &text,
                "[click here](https://hmicfrs.justiceinspectorates.gov.uk/a)",
                0,
            ),
            span_of(&text, "https://www.gov.uk/b", 0),
            span_of(&text, "[https://www.gov.uk/c](https://www.gov.uk/c)", 0),
        ],
    );
    assert!(found[0].message.contains("\"click here\""), "{found:#?}");
    assert!(
        found[1]
            .message
            .contains("[what it opens](https://www.gov.uk/b)"),
        "{found:#?}"
    );
    // Accented text before a link on the same line: columns are characters.
    let text = variant(
        "  The inspectorate graded",
        "  Réponse complète 😀 : [here](https://www.gov.uk/d)\n  The inspectorate graded",
    );
    assert_fires(
        &text,
        "link-text",
        Severity::Warning,
        &[span_of(&text, "[here](https://www.gov.uk/d)", 0)],
    );
    // The report's address is not a text.
    assert_silent(CLEAN, "link-text");
    assert_silent(NORFOLK, "link-text");
}

/// The plain-English family switched on at `level` (`[rules] prose = "..."`).
fn prose(level: &str) -> Config {
    Config::parse(&format!("[rules]\nprose = \"{level}\"\n"), &rules::names()).expect("config")
}

#[test]
fn prose_rules_are_off_by_default_and_on_by_family_or_by_name() {
    let text = variant(
        "  I am encouraged by",
        "  I will facilitate a review. I am encouraged by",
    );
    assert_silent(&text, "words-to-avoid");
    let on = prose("info");
    let words = [
        span_of(&text, "facilitate", 0),
        span_of(&text, "delivering", 0),
    ];
    assert_fires_with(&on, &text, "words-to-avoid", Severity::Info, &words);
    let one =
        Config::parse("[rules]\nwords-to-avoid = \"warning\"\n", &rules::names()).expect("config");
    assert_fires_with(&one, &text, "words-to-avoid", Severity::Warning, &words);
    assert_fires_with(&one, &text, "long-sentence", Severity::Info, &[]);
    // A rule named on its own overrides its family.
    let off = Config::parse(
        "[rules]\nprose = \"info\"\nwords-to-avoid = \"off\"\n",
        &rules::names(),
    )
    .expect("config");
    assert_fires_with(&off, &text, "words-to-avoid", Severity::Info, &[]);
    assert!(
        Config::parse("[rules]\nprse = \"info\"\n", &rules::names())
            .expect_err("typo")
            .contains("did you mean `prose`")
    );
}

#[test]
fn long_sentence_has_the_range_of_the_sentence_as_written() {
    // The clean example: the chief constable's first action (29 words, folded over two lines)
    // and the second sentence of the PCC's text (27 words).
    let on = prose("info");
    let action = |text: &str| span_through(text, "We have added eight", "the national timescale.");
    let sentence = "I will hold the Chief Constable to account for delivering the improvements he describes through my quarterly performance meetings, and I will publish progress on the recommendation.";
    assert_fires_with(
        &on,
        CLEAN,
        "long-sentence",
        Severity::Info,
        &[action(CLEAN), span_of(CLEAN, sentence, 0)],
    );
    let text = variant(
        "  I am encouraged by",
        "  Café 😀 naïve one two three four five six seven eight nine ten eleven\n    twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty\n    twenty-one twenty-two twenty-three twenty-four.\n\n    - A bullet is its own sentence\n    I am encouraged by",
    );
    let long = "Café 😀 naïve one two three four five six seven eight nine ten eleven\n    twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty\n    twenty-one twenty-two twenty-three twenty-four.";
    assert_fires_with(
        &on,
        &text,
        "long-sentence",
        Severity::Info,
        &[
            action(&text),
            span_of(&text, long, 0),
            span_of(&text, sentence, 0),
        ],
    );
    let config = Config::parse(
        "[rules]\nprose = \"info\"\n[prose]\nsentence_words = 30\n",
        &rules::names(),
    )
    .expect("config");
    assert_fires_with(&config, CLEAN, "long-sentence", Severity::Info, &[]);
    // The report's own texts (a recommendation) are never judged.
    let text = variant(
        "The force should improve how quickly it answers non-emergency calls.",
        "The force should improve how quickly it answers non-emergency calls and should also make sure that every call handler has the training and the supervision needed to do it.",
    );
    assert_fires_with(
        &on,
        &text,
        "long-sentence",
        Severity::Info,
        &[action(&text), span_of(&text, sentence, 0)],
    );
}

#[test]
fn acronym_not_expanded_offers_the_full_form_from_later_in_the_text() {
    let on = prose("info");
    let text = variant(
        "  I am encouraged by",
        "  I will report to the PCP. The Police and Crime Panel (PCP) meets. The IOPC and the UK agree; ask MACE (Multi-Agency Child Exploitation).\n    I am encouraged by",
    );
    let found = assert_fires_with(
        &on,
        &text,
        "acronym-not-expanded",
        Severity::Info,
        &[span_of(&text, "PCP", 0), span_of(&text, "IOPC", 0)],
    );
    assert!(
        found[0]
            .message
            .contains("\"Police and Crime Panel (PCP)\" comes later"),
        "{found:#?}"
    );
    let fix = &found[0].fixes[0];
    assert_eq!(fix.applicability, Applicability::Unsafe);
    assert_eq!(fix.edits[0].new_text, "Police and Crime Panel (PCP)");
    assert!(
        found[1].message.contains("never written out in full"),
        "{found:#?}"
    );
    assert!(found[1].fixes.is_empty());
    let known = Config::parse(
        "[rules]\nprose = \"info\"\n[prose]\nacronyms = [\"IOPC\"]\n",
        &rules::names(),
    )
    .expect("config");
    assert_fires_with(
        &known,
        &text,
        "acronym-not-expanded",
        Severity::Info,
        &[span_of(&text, "PCP", 0)],
    );
}

#[test]
fn passive_voice_and_words_to_avoid_have_exact_ranges() {
    let on = prose("info");
    let text = variant(
        "  I am encouraged by",
        "  The plan was quickly agreed and a review will be held. We are tackling it going forward, with Tackling Organised Exploitation (TOEX).\n    I am encouraged by",
    );
    assert_fires_with(
        &on,
        &text,
        "passive-voice",
        Severity::Info,
        &[
            span_of(&text, "been assessed", 0),
            span_of(&text, "was quickly agreed", 0),
            span_of(&text, "be held", 0),
            span_of(&text, "am encouraged", 0),
            span_of(&text, "is met", 0),
        ],
    );
    let found = assert_fires_with(
        &on,
        &text,
        "words-to-avoid",
        Severity::Info,
        &[
            span_of(&text, "tackling", 0),
            span_of(&text, "going forward", 0),
            span_of(&text, "delivering", 0),
        ],
    );
    assert!(found[1].message.contains("in future"), "{found:#?}");
    // The key findings' "quickly", and the one in "was quickly agreed" (not the recommendation's).
    let agreed = span_of(&text, "was quickly agreed", 0);
    let quickly_agreed = Span::new(
        Pos::new(agreed.start.line, agreed.start.col + 4),
        Pos::new(agreed.start.line, agreed.start.col + 11),
    );
    let own = Config::parse(
        "[rules]\nprose = \"info\"\n[prose]\nwords_to_avoid = [\"quickly\"]\n",
        &rules::names(),
    )
    .expect("config");
    assert_fires_with(
        &own,
        &text,
        "words-to-avoid",
        Severity::Info,
        &[span_of(&text, "quickly", 0), quickly_agreed],
    );
}

#[test]
fn prose_rules_stay_linear_on_a_text_without_full_stops() {
    // 100 KB of words with no full stop, in CRLF: one sentence, one finding.
    let words = "word ".repeat(20_000);
    let text = variant(
        "  I am encouraged by",
        &format!("  {words}\n    I am encouraged by"),
    )
    .replace('\n', "\r\n");
    let found: Vec<Diagnostic> = rules::lint(&text, &prose("info"), today())
        .into_iter()
        .filter(|d| d.rule == "long-sentence")
        .collect();
    assert_eq!(
        found.len(),
        3,
        "{:?}",
        found.iter().map(|d| &d.message).collect::<Vec<_>>()
    );
    // The chief constable's long action first; then the 20,000 words, which run on into the
    // PCC text's first sentence (7 words).
    assert!(found[1].message.contains("has 20007 words"), "{found:?}");
}

/// The span of `key` where it is the `nth` (0-based) line of `text` to start with `key:` (after
/// indentation and a list's `- `).
fn key_at(text: &str, key: &str, nth: usize) -> Span {
    let (n, line) = text
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            let l = l.trim_start();
            l.strip_prefix("- ")
                .unwrap_or(l)
                .starts_with(&format!("{key}:"))
        })
        .nth(nth)
        .unwrap_or_else(|| panic!("no line #{nth} with `{key}:`"));
    let col = line.find(&format!("{key}:")).expect("key") as u32;
    Span::new(
        Pos::new(n as u32, col),
        Pos::new(n as u32, col + key.chars().count() as u32),
    )
}

/// The clean example as a response of the Police and Crime Commissioner for Gwent.
fn gwent(text: &str) -> String {
    text.replacen(
        "policing_body: Police and Crime Commissioner for Surrey",
        "policing_body: Police and Crime Commissioner for Gwent",
        1,
    )
    .replacen("force: Surrey Police", "force: Gwent Police", 1)
}

#[test]
fn welsh_text_missing_for_a_welsh_force_names_each_text_without_welsh() {
    // English only: for a Welsh force every text is named, at its key.
    let text = gwent(CLEAN);
    let found = assert_fires(
        &text,
        "welsh-text-missing",
        Severity::Warning,
        &[
            key_at(&text, "title", 0),
            key_at(&text, "key_findings", 0),
            key_at(&text, "text", 0),
            key_at(&text, "text", 1),
            key_at(&text, "text", 2),
            key_at(&text, "text", 3),
            key_at(&text, "text", 4),
            key_at(&text, "action", 0),
            key_at(&text, "notes", 0),
            key_at(&text, "action", 1),
            key_at(&text, "action", 2),
            key_at(&text, "text", 5),
            key_at(&text, "action", 3),
        ],
    );
    assert!(
        found[1]
            .message
            .contains("`key_findings` has English but no Welsh"),
        "{found:#?}"
    );
    assert!(
        found[2].message.contains("`recommendations[0].text`"),
        "{found:#?}"
    );
    // An English force's English-only response is not checked.
    assert_silent(CLEAN, "welsh-text-missing");
}

#[test]
fn welsh_text_missing_reports_welsh_without_english_and_gaps_beside_a_cy() {
    // An English force: the key findings in both languages pass; a `cy` in the PCC's section
    // with Welsh notes for an entry whose English has none (and whose action then lacks its
    // Welsh), and no Welsh for the section's text.
    let text = variant(
        "pcc_response:\n  text: |\n",
        "cy:\n  key_findings: |\n    Canfu'r arolygiaeth fod yr heddlu wedi gwella. Dyma'r crynodeb.\npcc_response:\n  cy:\n    text: \"\"\n  text: |\n",
    );
    let text = text.replacen(
        "        quarterly performance meeting until the recommendation is met.\n",
        "        quarterly performance meeting until the recommendation is met.\n      cy:\n        notes: Nodiadau yn Gymraeg, â chroeso 😀.\n",
        1,
    );
    let found = assert_fires(
        &text,
        "welsh-text-missing",
        Severity::Warning,
        &[
            key_at(&text, "text", 6),
            key_at(&text, "action", 3),
            key_at(&text, "notes", 1),
        ],
    );
    assert!(
        found[0]
            .message
            .contains("`pcc_response.text` has English but no Welsh"),
        "{found:#?}"
    );
    assert!(
        found[2]
            .message
            .contains("`pcc_response.responses[0].notes` has Welsh but no English"),
        "{found:#?}"
    );
    // The file is valid: Welsh is part of the format.
    assert_silent(&text, "schema");
}
