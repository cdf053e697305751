//! `cargo bench --bench lsp`: the language server measured from outside, over stdio, as an
//! editor sees it (SPEC §8):
//!
//! - change → diagnostics: the time from writing a `textDocument/didChange` (one character of
//!   the deadline, so the findings alternate) to reading the `textDocument/publishDiagnostics`
//!   for that version, on the reference example (~9 KB) and on a generated ~1 MB response;
//! - completion: the time to answer `textDocument/completion` after `force: ` on the example;
//! - a burst of 200 quick edits on the ~1 MB response: the time from the last edit to the
//!   diagnostics of the last version, and the resident set after it;
//! - requests while a long lint runs: hover and completion after ten quick edits of a document
//!   whose lint takes seconds (20,000 misspelt forces), and how long `exit` takes then;
//! - workspace diagnostics: `workspace/diagnostic` over a workspace folder of 5,000 generated
//!   responses, from a fresh server: the time to the full report, while one open file of the
//!   folder is edited again and again (change → diagnostics meanwhile, and once the scan is
//!   done, for comparison), the reports arriving as partial results (`$/progress`, as VS Code
//!   asks for them); then a second pull with every result id (all `unchanged`), as the response;
//! - memory: the server's resident set (`VmRSS` in /proc/PID/status) with 100 documents open;
//! - a cold `section55 check` of one small file (the first file of the generated corpus), as
//!   pre-commit runs it: process start to exit.
//!
//! Runs the release binary `cargo bench` builds. Prints medians, 90th percentiles and maxima.

#[path = "generate/mod.rs"]
mod generate;
#[path = "../tests/lsp_client/mod.rs"]
mod lsp_client;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lsp_client::{Client, file_uri, find, path_uri};
use serde_json::json;

const EXAMPLE: &str = include_str!("../examples/norfolk-gbcse-progress-2025.s55.yaml");

/// A response of at least `target` bytes: the example with as many recommendations (and a
/// response to each) as it takes.
fn large(target: usize) -> String {
    let head = &EXAMPLE[..EXAMPLE.find("recommendations:").unwrap_or(0)];
    let rec_text = "By 31 March 2026, all police forces should fully adopt and use the Hydrant Programme's child sexual exploitation problem profile template as a minimum when preparing their 2025/26 child sexual exploitation problem profiles, and make sure that the profile is shared with partners.";
    let action = "We have implemented the Hydrant Programme's methodology and template for our Child Sexual Abuse and Exploitation (CSAE) strategic profile. Our latest profile, published in May 2025, was developed using the Hydrant Programme templates and data returns, and future iterations will incorporate additional partnership data.";
    let mut recs = String::from("recommendations:\n");
    let mut responses = String::from("  responses:\n");
    let mut id = 1;
    while head.len() + recs.len() + responses.len() < target {
        recs.push_str(&format!(
            "  - id: {id}\n    text: >-\n      {rec_text}\n    due: 2026-03-31\n    directed_at: [Chief constables]\n    status: accepted\n"
        ));
        responses.push_str(&format!("    - recommendation: {id}\n      action: >-\n        {action}\n      due: 2026-03-31\n"));
        id += 1;
    }
    format!(
        "{head}{recs}\nareas_for_improvement: []\n\nchief_constable_response:\n  text: |\n    The chief constable's comments.\n{responses}\npcc_response:\n  text: |\n    The commissioner's comments.\n\noffice_use:\n  submitted_to_hmicfrs: true\n  sent_to_home_secretary: true\n"
    )
}

struct Stats {
    median: Duration,
    p90: Duration,
    max: Duration,
}

fn stats(mut samples: Vec<Duration>) -> Stats {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    Stats {
        median: at(0.5),
        p90: at(0.9),
        max: at(1.0),
    }
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn session() -> Client {
    let mut client = Client::spawn();
    client.initialize(json!({"general": {"positionEncodings": ["utf-16"]}}));
    client
}

/// The change that makes version `version`: the last digit of the deadline, alternately 8 (one
/// finding more) and 9.
fn deadline_digit(text: &str, version: i64) -> serde_json::Value {
    let digit = find(text, "response_deadline: 2025-12-19", 28, "utf-16");
    let end =
        json!({"line": digit["line"], "character": digit["character"].as_u64().unwrap_or(0) + 1});
    let new = if version % 2 == 0 { "8" } else { "9" };
    json!([{"range": {"start": digit, "end": end}, "text": new}])
}

/// Times `rounds` didChange → publishDiagnostics round trips on `text`.
fn change_to_diagnostics(name: &str, text: &str, rounds: usize) -> Stats {
    let mut client = session();
    let uri = file_uri(&format!("bench-{name}.s55.yaml"));
    client.open(&uri, text);
    let _ = client.diagnostics(&uri, 1);
    let mut samples = Vec::with_capacity(rounds);
    for i in 0..rounds {
        let version = i as i64 + 2;
        let started = Instant::now();
        client.change(&uri, version, deadline_digit(text, version));
        let diagnostics = client.diagnostics(&uri, version);
        samples.push(started.elapsed());
        let expected = if i % 2 == 0 { 2 } else { 3 };
        assert!(
            diagnostics.len() >= expected - 1,
            "unexpected diagnostics: {diagnostics:?}"
        );
    }
    stats(samples)
}

/// The same work in-process, for comparison: parse and lint only (what any front end must do).
fn core_only(text: &str, rounds: usize) -> Stats {
    let config = section55::config::Config::default();
    let today = chrono::NaiveDate::from_ymd_opt(2025, 11, 1).unwrap_or_default();
    let samples = (0..rounds)
        .map(|_| {
            let started = Instant::now();
            let doc = section55::document::parse(text);
            let found = section55::rules::lint_document(text, &doc, &config, today);
            let elapsed = started.elapsed();
            drop(std::hint::black_box((doc, found)));
            elapsed
        })
        .collect();
    stats(samples)
}

fn completion_latency(rounds: usize) -> Stats {
    let mut client = session();
    let uri = file_uri("bench-completion.s55.yaml");
    client.open(&uri, EXAMPLE);
    let _ = client.diagnostics(&uri, 1);
    let position = find(EXAMPLE, "force: Norfolk", 7, "utf-16");
    let samples = (0..rounds)
        .map(|_| {
            let started = Instant::now();
            let items = client.call(
                "textDocument/completion",
                json!({"textDocument": {"uri": uri}, "position": position}),
            );
            let elapsed = started.elapsed();
            assert!(items.as_array().is_some_and(|a| a.len() > 40));
            elapsed
        })
        .collect();
    stats(samples)
}

/// `rounds` bursts of `edits` changes sent without waiting: the time from sending the last to
/// its diagnostics, and the resident set (KiB) after each burst and at its peak.
fn burst(text: &str, edits: usize, rounds: usize) -> (Stats, Vec<u64>, Option<u64>) {
    let mut client = session();
    let uri = file_uri("bench-burst.s55.yaml");
    client.open(&uri, text);
    let _ = client.diagnostics(&uri, 1);
    let mut version = 1;
    let mut samples = Vec::with_capacity(rounds);
    let mut rss = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let mut last_sent = Instant::now();
        for _ in 0..edits {
            version += 1;
            last_sent = Instant::now();
            client.change(&uri, version, deadline_digit(text, version));
        }
        let _ = client.diagnostics(&uri, version);
        samples.push(last_sent.elapsed());
        // Whatever is still queued for older versions is let through before measuring.
        let _ = client.drain(Duration::from_millis(200));
        rss.extend(status_kib(client.pid(), "VmRSS:"));
    }
    let peak = status_kib(client.pid(), "VmHWM:");
    (stats(samples), rss, peak)
}

/// A response whose lint takes seconds: the example inspecting 20,000 misspelt forces (every
/// one scored against the catalogue for a suggestion).
fn slow_to_lint() -> String {
    let forces: String = (0..20_000)
        .map(|i| format!("\n    - Surey Polise {i}"))
        .collect();
    EXAMPLE.replacen(
        "  forces: [All local forces in England and Wales]",
        &format!("  forces:{forces}"),
        1,
    )
}

/// Hover and completion after ten quick edits of a document that takes seconds to lint, then
/// `exit` while the lint of the last edit runs: (lint of the opened text, hover, completion,
/// exit), one sample of each per round.
fn requests_while_linting(rounds: usize) -> [Stats; 4] {
    let text = slow_to_lint();
    let mut samples: [Vec<Duration>; 4] = Default::default();
    for _ in 0..rounds {
        let mut client = session();
        let uri = file_uri("bench-slow.s55.yaml");
        let started = Instant::now();
        client.open(&uri, &text);
        let _ = client.diagnostics(&uri, 1);
        samples[0].push(started.elapsed());
        for version in 2..=11 {
            client.change(&uri, version, deadline_digit(&text, version));
        }
        let force = find(&text, "force: Norfolk", 9, "utf-16");
        let started = Instant::now();
        let hover = client.call(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": force}),
        );
        samples[1].push(started.elapsed());
        assert!(hover.get("contents").is_some(), "no hover: {hover}");
        let started = Instant::now();
        let items = client.call(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": find(&text, "force: Norfolk", 7, "utf-16")}),
        );
        samples[2].push(started.elapsed());
        assert!(items.as_array().is_some_and(|a| a.len() > 40));
        client.change(&uri, 12, deadline_digit(&text, 12));
        let started = Instant::now();
        client.notify("exit", serde_json::Value::Null);
        let _ = client.wait_exit();
        samples[3].push(started.elapsed());
    }
    samples.map(stats)
}

/// A cold `section55 check` of one small file, `rounds` times: the whole process.
fn cold_check(rounds: usize) -> Option<(usize, Stats)> {
    let (_, text) = generate::corpus(1).pop()?;
    let dir = std::env::temp_dir().join(format!("section55-bench-cold-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let file = dir.join("response-0000.s55.yaml");
    std::fs::write(&file, &text).ok()?;
    let run = || {
        let started = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_section55"))
            .args(["check", "--format", "json", "--today", "2026-01-15"])
            .arg(&file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        status.ok().map(|_| started.elapsed())
    };
    for _ in 0..3 {
        run()?;
    }
    let samples = (0..rounds).map(|_| run()).collect::<Option<Vec<_>>>()?;
    let _ = std::fs::remove_dir_all(&dir);
    Some((text.len(), stats(samples)))
}

fn status_kib(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resident memory after initialize, and with `n` documents open (each linted and published).
fn memory(n: usize) -> Option<(u64, u64, u64)> {
    let mut client = session();
    std::thread::sleep(Duration::from_millis(100));
    let idle = status_kib(client.pid(), "VmRSS:")?;
    for i in 0..n {
        // Every document different (a distinct title), so nothing can be shared.
        let text = EXAMPLE.replacen("A progress report", &format!("A progress report ({i})"), 1);
        client.open(&file_uri(&format!("bench-memory-{i}.s55.yaml")), &text);
    }
    for i in 0..n {
        let _ = client.diagnostics(&file_uri(&format!("bench-memory-{i}.s55.yaml")), 1);
    }
    std::thread::sleep(Duration::from_millis(100));
    let rss = status_kib(client.pid(), "VmRSS:")?;
    let peak = status_kib(client.pid(), "VmHWM:")?;
    Some((idle, rss, peak))
}

/// A workspace folder of `n` generated responses and the reference example (the file edited).
fn write_workspace(n: usize) -> Option<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("section55-bench-ws-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).ok()?;
    for (name, text) in generate::corpus(n) {
        std::fs::write(dir.join(name), text).ok()?;
    }
    std::fs::write(dir.join("edited.s55.yaml"), EXAMPLE).ok()?;
    Some(dir)
}

struct Workspace {
    files: usize,
    edits_during: usize,
    full: Stats,
    during: Stats,
    idle: Stats,
    second: Stats,
}

/// `rounds` fresh servers on the folder: each pulls the workspace's diagnostics once while the
/// example in it is edited (change → diagnostics, one edit after another), then is edited 100
/// times with nothing else to do, then pulls again with every result id (every file
/// `unchanged` but the edited one).
fn workspace_diagnostics(dir: &std::path::Path, rounds: usize) -> Workspace {
    const PULL: i64 = 1_000_000;
    let mut samples: [Vec<Duration>; 4] = Default::default();
    let mut files = 0;
    for _ in 0..rounds {
        let mut client = Client::spawn();
        client.initialize_folders(
            json!({"general": {"positionEncodings": ["utf-16"]}, "textDocument": {"diagnostic": {}}}),
            &[dir],
        );
        let uri = path_uri(&dir.join("edited.s55.yaml"));
        client.open(&uri, EXAMPLE);
        let _ = client.diagnostics(&uri, 1);
        let mut version = 1;
        let mut edit = |client: &mut Client| {
            version += 1;
            let started = Instant::now();
            client.change(&uri, version, deadline_digit(EXAMPLE, version));
            let _ = client.diagnostics(&uri, version);
            started.elapsed()
        };
        let is_answer = |m: &serde_json::Value| m["id"] == PULL && m.get("method").is_none();
        let is_partial =
            |m: &serde_json::Value| m["method"] == "$/progress" && m["params"]["token"] == "pull";
        let started = Instant::now();
        // With a partialResultToken, as VS Code sends it: the reports come as `$/progress`.
        client.send(&json!({"jsonrpc": "2.0", "id": PULL, "method": "workspace/diagnostic", "params": {"previousResultIds": [], "partialResultToken": "pull"}}));
        loop {
            samples[1].push(edit(&mut client));
            if client.try_wait_for(Duration::ZERO, &is_answer).is_some() {
                break;
            }
        }
        samples[0].push(started.elapsed());
        let mut items = Vec::new();
        while let Some(partial) = client.try_wait_for(Duration::ZERO, &is_partial) {
            let batch = partial["params"]["value"]["items"].as_array().cloned();
            items.extend(batch.unwrap_or_default());
        }
        files = items.len();
        samples[2].extend((0..100).map(|_| edit(&mut client)));
        let previous: Vec<_> = items
            .iter()
            .map(|i| json!({"uri": i["uri"], "value": i["resultId"]}))
            .collect();
        let started = Instant::now();
        let again = client.call(
            "workspace/diagnostic",
            json!({"previousResultIds": previous}),
        );
        samples[3].push(started.elapsed());
        let unchanged = again["items"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|i| i["kind"] == "unchanged")
            .count();
        // All but the edited file, whose version changed since the first pull.
        assert_eq!(unchanged, files - 1, "the second pull is not all unchanged");
    }
    let edits_during = samples[1].len();
    let [full, during, idle, second] = samples.map(stats);
    Workspace {
        files,
        edits_during,
        full,
        during,
        idle,
        second,
    }
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not supported and ignored.
    let large = large(1_000_000);
    println!("section55 lsp, over stdio (release build)\n");

    let s = change_to_diagnostics("example", EXAMPLE, 1000);
    println!(
        "change → diagnostics, example ({} bytes): median {}, p90 {}, max {}  (target: median < 2 ms)",
        EXAMPLE.len(),
        ms(s.median),
        ms(s.p90),
        ms(s.max)
    );

    let s = change_to_diagnostics("large", &large, 60);
    println!(
        "change → diagnostics, generated response ({} bytes): median {}, p90 {}, max {}  (target: median < 30 ms)",
        large.len(),
        ms(s.median),
        ms(s.p90),
        ms(s.max)
    );

    let (s, rss, peak) = burst(&large, 200, 5);
    let mb = |kib: u64| kib as f64 / 1024.0;
    println!(
        "200-edit burst on the generated response: last edit → its diagnostics median {}, max {}; resident after each burst {} MB (peak {} MB)  (targets: within 2× of one edit; < 40 MB)",
        ms(s.median),
        ms(s.max),
        rss.iter()
            .map(|k| format!("{:.1}", mb(*k)))
            .collect::<Vec<_>>()
            .join(", "),
        peak.map_or("?".to_owned(), |k| format!("{:.1}", mb(k)))
    );

    let [lint, hover, completion, exit] = requests_while_linting(5);
    println!(
        "while a long lint runs (20,000 misspelt forces; lint of the opened text: median {}): after ten quick edits, hover median {} (max {}), completion median {} (max {}); exit median {} (max {})",
        ms(lint.median),
        ms(hover.median),
        ms(hover.max),
        ms(completion.median),
        ms(completion.max),
        ms(exit.median),
        ms(exit.max)
    );

    let s = core_only(EXAMPLE, 300);
    println!(
        "  (in-process parse + lint of the example: median {})",
        ms(s.median)
    );
    let s = core_only(&large, 30);
    println!(
        "  (in-process parse + lint of the generated response: median {})",
        ms(s.median)
    );

    let s = completion_latency(300);
    println!(
        "completion of `force: ` on the example: median {}, p90 {}, max {}",
        ms(s.median),
        ms(s.p90),
        ms(s.max)
    );

    match write_workspace(5000) {
        Some(dir) => {
            let w = workspace_diagnostics(&dir, 5);
            println!(
                "workspace/diagnostic over {} files (5,000 generated + the example, fresh server): full report median {} (max {}); meanwhile the example's change → diagnostics median {}, p90 {}, max {} ({} edits), and with the scan done median {}, p90 {}; second pull (every result id: all unchanged but the edited file, in the response) median {}",
                w.files,
                ms(w.full.median),
                ms(w.full.max),
                ms(w.during.median),
                ms(w.during.p90),
                ms(w.during.max),
                w.edits_during,
                ms(w.idle.median),
                ms(w.idle.p90),
                ms(w.second.median)
            );
            let _ = std::fs::remove_dir_all(&dir);
        }
        None => println!("workspace diagnostics: could not write the folder"),
    }

    match memory(100) {
        Some((idle, rss, peak)) => println!(
            "memory: {:.1} MB resident after initialize; {:.1} MB with 100 documents open (peak {:.1} MB)  (target: < 30 MB)",
            idle as f64 / 1024.0,
            rss as f64 / 1024.0,
            peak as f64 / 1024.0
        ),
        None => println!("memory: /proc/PID/status is not available on this system"),
    }

    match cold_check(50) {
        Some((bytes, s)) => println!(
            "cold `section55 check` of one small file ({bytes} bytes): median {}, p90 {}  (target: < 5 ms)",
            ms(s.median),
            ms(s.p90)
        ),
        None => println!("cold check: could not write or run the file"),
    }
}
