//! The portfolio (issue 12): follow-up of actions in the rendered document, and `section55
//! status` over a generated folder of responses in every state, in every format. The real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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
    assert!(markdown.contains("## **Action plan**"), "{markdown}");
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
