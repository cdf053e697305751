//! `cargo bench --bench lsp`: the language server measured from outside, over stdio, as an
//! editor sees it (SPEC §8):
//!
//! - change → diagnostics: the time from writing a `textDocument/didChange` (one character of
//!   the deadline, so the findings alternate) to reading the `textDocument/publishDiagnostics`
//!   for that version, on the reference example (~9 KB) and on a generated ~1 MB response;
//! - completion: the time to answer `textDocument/completion` after `force: ` on the example;
//! - memory: the server's resident set (`VmRSS` in /proc/PID/status) with 100 documents open.
//!
//! Runs the release binary `cargo bench` builds. Prints medians, 90th percentiles and maxima.

#[path = "../tests/lsp_client/mod.rs"]
mod lsp_client;

use std::time::{Duration, Instant};

use lsp_client::{Client, file_uri, find};
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

/// Times `rounds` didChange → publishDiagnostics round trips on `text`.
fn change_to_diagnostics(name: &str, text: &str, rounds: usize) -> Stats {
    let mut client = session();
    let uri = file_uri(&format!("bench-{name}.s55.yaml"));
    client.open(&uri, text);
    let _ = client.diagnostics(&uri, 1);
    let digit = find(text, "response_deadline: 2025-12-19", 28, "utf-16");
    let end =
        json!({"line": digit["line"], "character": digit["character"].as_u64().unwrap_or(0) + 1});
    let mut samples = Vec::with_capacity(rounds);
    for i in 0..rounds {
        let version = i as i64 + 2;
        let new = if i % 2 == 0 { "8" } else { "9" };
        let started = Instant::now();
        client.change(
            &uri,
            version,
            json!([{"range": {"start": digit, "end": end}, "text": new}]),
        );
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

    match memory(100) {
        Some((idle, rss, peak)) => println!(
            "memory: {:.1} MB resident after initialize; {:.1} MB with 100 documents open (peak {:.1} MB)  (target: < 30 MB)",
            idle as f64 / 1024.0,
            rss as f64 / 1024.0,
            peak as f64 / 1024.0
        ),
        None => println!("memory: /proc/PID/status is not available on this system"),
    }
}
