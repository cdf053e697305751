//! The portfolio (issue 12): follow-up of actions in the rendered document, and `section55
//! status` over a generated folder of responses in every state, in every format. The real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::json;

const BIN: &str = env!("CARGO_BIN_EXE_section55");
const SURREY: &str = include_str!("../examples/surrey-peel-2025.s55.yaml");

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("SECTION55_TODAY")
        .env("NO_COLOR", "1")
        .output()
        .expect("runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("section55-portfolio-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The Surrey example with `from` replaced by `to` (once; `from` must be there).
fn surrey_with(edits: &[(&str, &str)]) -> String {
    edits.iter().fold(SURREY.to_owned(), |text, (from, to)| {
        assert!(text.contains(from), "`{from}` not in the example");
        text.replacen(from, to, 1)
    })
}

const FOLLOW_UP: &str = "      due: 2026-02-28\n      progress: in-progress\n      updated: 2026-01-05\n      owner: Head of Public Protection | PPU\n      notes: Recruitment <done> for four posts.\n";

#[test]
fn the_action_plan_is_rendered_and_left_out_with_no_actions() {
    let dir = temp_dir("render");
    let text = surrey_with(&[(
        "      due: 2026-02-28\n      progress: complete\n      updated: 2026-03-02\n      owner: Head of Public Protection\n      notes: All eight investigators in post; referrals assessed within the national timescale since February.\n",
        FOLLOW_UP,
    )]);
    std::fs::write(dir.join("r.s55.yaml"), &text).expect("write");
    let today = ["--today", "2026-01-10"];
    let out = run_in(&dir, &[&["render", "r.s55.yaml"][..], &today].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let markdown = stdout(&out);
    assert!(markdown.contains("\n## Action plan\n"), "{markdown}");
    assert!(
        markdown.contains("| Response to | Action | Owner | Due | Progress | Updated | Notes |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| Recommendation 1 | We have added eight trained investigators to the online child abuse team and introduced a daily review of every… | Head of Public Protection \\| PPU | 28 February 2026 | In progress | 5 January 2026 | Recruitment <done> for four posts. |"),
        "{markdown}"
    );
    // Entries without follow-up are listed with nothing recorded.
    assert!(
        markdown.contains("| Area for improvement 2 | Supervisors now review every stop and search record within 72 hours. |  |  |  |  |  |"),
        "{markdown}"
    );
    let out = run_in(
        &dir,
        &[&["render", "r.s55.yaml", "--format", "html"][..], &today].concat(),
    );
    let html = stdout(&out);
    assert!(html.contains("<th scope=\"col\">Owner</th>"), "{html}");
    assert!(
        html.contains("Recruitment &lt;done&gt; for four posts."),
        "{html}"
    );
    let out = run_in(
        &dir,
        &[&["render", "r.s55.yaml", "--no-actions"][..], &today].concat(),
    );
    let without = stdout(&out);
    assert!(!without.contains("Action plan") && !without.contains("Head of Public Protection"));
    assert!(without.contains("We have added eight trained investigators"));
    // A file with no follow-up recorded has no action plan.
    let plain: String = SURREY
        .lines()
        .filter(|l| {
            !["progress:", "updated:", "owner:", "notes:"]
                .iter()
                .any(|k| l.trim_start().starts_with(k))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.join("plain.s55.yaml"), plain).expect("write");
    let out = run_in(&dir, &[&["render", "plain.s55.yaml"][..], &today].concat());
    assert!(!stdout(&out).contains("Action plan"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A response from the Surrey example: published on `published` (the deadline set to match),
/// titled `title`, with `office_use` replaced by `office` and `extra` edits.
fn response(published: &str, title: &str, office: &str, extra: &[(&str, &str)]) -> String {
    let date = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").expect("date");
    let last = date + chrono::Days::new(55);
    let start = SURREY.find("office_use:").expect("office_use");
    let text = format!("{}{office}", &SURREY[..start]);
    let mut edits = vec![
        (
            "  published: 2025-09-10",
            format!("  published: {published}"),
        ),
        (
            "response_deadline: 2025-11-04",
            format!("response_deadline: {last}"),
        ),
        (
            "  title: \"PEEL 2025: Police effectiveness, efficiency and legitimacy – An inspection of Surrey Police\"",
            format!("  title: \"{title}\""),
        ),
    ];
    edits.extend(extra.iter().map(|(f, t)| (*f, t.to_string())));
    edits.iter().fold(text, |text, (from, to)| {
        assert!(text.contains(from), "`{from}` not in the example");
        text.replacen(from, to, 1)
    })
}

const UNPUBLISHED: &str = "office_use:\n  forwarded_to_chief_constable: true\n";

/// A folder with a response in every state, as of 2026-01-10.
fn portfolio(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    let published = |on: &str| {
        format!(
            "office_use:\n  submitted_to_hmicfrs: true\n  sent_to_home_secretary: true\n  published_on_website: true\n  published_on: {on}\n"
        )
    };
    let files = [
        (
            "a-late.s55.yaml",
            response("2025-11-01", "Late report", UNPUBLISHED, &[]),
        ),
        (
            "b-draft.s55.yaml",
            response(
                "2025-11-20",
                "Draft report",
                UNPUBLISHED,
                &[(
                    "  The inspectorate graded the force's performance across nine areas of policing. It found that the force responds to the public well and has improved how it protects vulnerable people since its last inspection.\n\n  It identified one cause of concern, about how quickly the force assesses reports of online child abuse, and made one recommendation to address it. It also identified two areas for improvement.\n",
                    "  TODO\n",
                )],
            ),
        ),
        (
            "c-ready.s55.yaml",
            response(
                "2025-12-20",
                "Ready report, with an action, overdue",
                UNPUBLISHED,
                &[(
                    "      due: 2026-01-31\n      progress: closed",
                    "      due: 2026-01-05\n      progress: in-progress",
                )],
            ),
        ),
        (
            "d-published.s55.yaml",
            response(
                "2025-09-10",
                "Published report",
                &published("2025-10-30"),
                &[],
            ),
        ),
        (
            "e-published-late.s55.yaml",
            response(
                "2025-09-10",
                "Published late",
                &published("2025-11-10"),
                &[],
            ),
        ),
        (
            "f-old.s55.yaml",
            response("2016-03-01", "Report of 2016", UNPUBLISHED, &[]),
        ),
        ("g-broken.s55.yaml", "policing_body: [unclosed\n".to_owned()),
        (
            "h-not-a-response.s55.yaml",
            "name: a shopping list\n".to_owned(),
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write");
    }
    dir
}

const TODAY: [&str; 2] = ["--today", "2026-01-10"];

fn status(dir: &Path, args: &[&str]) -> Output {
    run_in(dir, &[&["status"][..], args, &TODAY].concat())
}

#[test]
fn status_orders_by_urgency_and_counts_every_state() {
    let dir = portfolio("order");
    let out = status(&dir, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let files = json["files"].as_array().expect("files");
    let order: Vec<(&str, &str)> = files
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap_or(""),
                f["state"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            ("a-late.s55.yaml", "ready"),
            ("b-draft.s55.yaml", "draft"),
            ("c-ready.s55.yaml", "ready"),
            ("g-broken.s55.yaml", "unreadable"),
            ("h-not-a-response.s55.yaml", "unreadable"),
            ("f-old.s55.yaml", "no statutory period"),
            ("e-published-late.s55.yaml", "published late"),
            ("d-published.s55.yaml", "published"),
        ]
    );
    let days: Vec<serde_json::Value> = files.iter().map(|f| f["days_left"].clone()).collect();
    assert_eq!(days[..3], [json!(-15), json!(4), json!(34)]);
    assert_eq!(files[0]["last_day"], "2025-12-26");
    assert_eq!(files[1]["errors"], 1);
    assert_eq!(files[2]["late"], true, "an action is overdue");
    assert_eq!(files[6]["days_left"], json!(-6));
    assert_eq!(
        files[7]["recommendations"],
        json!({"total": 1, "answered": 1})
    );
    assert!(
        files[3]["problem"]
            .as_str()
            .is_some_and(|p| p.contains("not well-formed YAML"))
    );
    assert!(
        files[4]["problem"]
            .as_str()
            .is_some_and(|p| p.contains("not a response file"))
    );
    assert_eq!(
        json["counts"],
        json!({"draft": 1, "ready": 2, "published": 1, "published late": 1, "no statutory period": 1, "unreadable": 2})
    );
    assert_eq!(json["late"], 3);
    // The table: the same order, within 100 columns, no colour off a terminal.
    let out = status(&dir, &[]);
    let table = stdout(&out);
    assert!(
        table.lines().take(9).all(|l| l.chars().count() <= 100),
        "{table}"
    );
    assert!(!table.contains('\x1b'));
    let firsts: Vec<&str> = table
        .lines()
        .skip(1)
        .take(8)
        .map(|l| l.split("  ").next().unwrap_or(""))
        .collect();
    assert_eq!(
        firsts,
        [
            "ready",
            "draft (1 error)",
            "ready",
            "unreadable",
            "unreadable",
            "no statutory period",
            "published late",
            "published"
        ]
    );
    assert!(
        table.contains("15 days late") && table.contains("4 days left"),
        "{table}"
    );
    assert!(
        table.contains("unreadable: g-broken.s55.yaml: not well-formed YAML"),
        "{table}"
    );
    assert!(table.contains("8 files: 1 draft, 2 ready, 1 published, 1 published late, 1 no statutory period, 2 unreadable; 3 late"), "{table}");
    // --fail-on late, for CI.
    assert_eq!(status(&dir, &["--fail-on", "late"]).status.code(), Some(1));
    let on_time = temp_dir("on-time");
    std::fs::copy(dir.join("d-published.s55.yaml"), on_time.join("d.s55.yaml")).expect("copy");
    assert_eq!(
        status(&on_time, &["--fail-on", "late"]).status.code(),
        Some(0)
    );
    // A path that does not exist cannot be run: 2.
    assert_eq!(status(&dir, &["missing/"]).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&on_time);
}

#[test]
fn status_lists_open_actions_and_writes_csv() {
    let dir = portfolio("actions");
    let out = status(&dir, &["--actions", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let actions = json["actions"].as_array().expect("actions");
    assert_eq!(actions[0]["path"], "c-ready.s55.yaml");
    assert_eq!(actions[0]["due"], "2026-01-05");
    assert_eq!(actions[0]["overdue"], true);
    assert_eq!(actions[0]["progress"], "in-progress");
    assert_eq!(actions[0]["owner"], "Head of Contact Management");
    assert!(
        actions
            .iter()
            .skip(1)
            .all(|a| a["due"].is_null() && a["overdue"] == false)
    );
    let table = stdout(&status(&dir, &["--actions"]));
    assert!(
        table
            .lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("2026-01-05  in-progress")),
        "{table}"
    );
    let csv = stdout(&status(&dir, &["--format", "csv"]));
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 9, "{csv}");
    assert!(lines[0].starts_with("path,title,force,published,last_day"));
    assert!(
        lines[1].starts_with(
            "a-late.s55.yaml,Late report,Surrey Police,2025-11-01,2025-12-26,,ready,-15,0,1,1,"
        ),
        "{csv}"
    );
    assert!(
        lines[3].contains("\"Ready report, with an action, overdue\""),
        "{csv}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn status_writes_a_calendar_with_stable_uids_and_a_dashboard() {
    let dir = portfolio("calendar");
    let ics = stdout(&status(
        &dir,
        &["--format", "ics", "--actions", "--alarm-days", "3"],
    ));
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "every line ends with CRLF"
    );
    assert!(
        ics.split("\r\n").all(|l| l.len() <= 75),
        "folded at 75 octets"
    );
    // The three unpublished responses with a last day, and the overdue action's due date.
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 4, "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20251226\r\nDTEND;VALUE=DATE:20251227\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20260105\r\n"));
    assert_eq!(ics.matches("TRIGGER:-P3D").count(), 4);
    assert!(ics.replace("\r\n ", "").contains(
        "SUMMARY:Section 55 last day: Surrey Police: Ready report\\, with an action\\, overdue"
    ));
    // Moving a file keeps its events' UIDs.
    let uids = |ics: &str| -> Vec<String> {
        ics.split("\r\n")
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_owned)
            .collect()
    };
    std::fs::rename(dir.join("a-late.s55.yaml"), dir.join("z-late.s55.yaml")).expect("rename");
    let again = stdout(&status(
        &dir,
        &["--format", "ics", "--actions", "--alarm-days", "3"],
    ));
    let (mut before, mut after) = (uids(&ics), uids(&again));
    before.sort();
    after.sort();
    assert_eq!(before, after);
    assert_eq!(
        before
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        4,
        "unique"
    );
    // The dashboard.
    let html = stdout(&status(&dir, &["--format", "html", "--actions"]));
    assert!(html.starts_with("<!DOCTYPE html>") && !html.contains("<script"));
    assert!(html.contains("<h2 id=\"timeline\">The coming eight weeks</h2>"));
    assert_eq!(html.matches("<h3>Week of ").count(), 8);
    assert!(html.contains("<h3>Week of 12 January 2026</h3>\n<ul>\n<li><time datetime=\"2026-01-14\">14 January 2026</time>: Surrey Police: Draft report (draft (1 error); 4 days left)</li>"), "{html}");
    assert!(html.contains("<li><strong>2</strong>unreadable</li>"));
    assert!(html.contains("Open actions by due date"));
    let _ = std::fs::remove_dir_all(&dir);
}
